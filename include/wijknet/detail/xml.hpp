/// @file
/// @brief A small XML reader (elements, attributes, text; line and column of every element) and
/// escaping, enough for GraphML. No DTD processing, no external entities.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"

namespace wijknet::detail {

/// One XML element: its name without namespace prefix, attributes (names without prefix, with
/// the xmlns declarations left out), child elements and its own text.
struct xml_element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<xml_element> children;
    std::string text;
    std::size_t line = 0, column = 0;

    /// Attribute value by (local) name, or nullptr.
    const std::string* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return &v;
        return nullptr;
    }
};

/// Parses an XML document into its root element; parse_error with line and column otherwise.
class xml_parser {
public:
    xml_parser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    xml_element parse() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
        if (text_.find_first_not_of(" \t\r\n", pos_) == std::string_view::npos)
            fail("the file is empty; expected an XML document");
        skip_misc();
        if (!peek("<")) fail(expected("'<' starting the root element"));
        xml_element root = element(0);
        skip_misc();
        if (pos_ < text_.size()) fail("unexpected content after the root element");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw parse_error(file_, line_, column_, what); }

    std::string expected(const std::string& what) const {
        if (pos_ >= text_.size()) return "the file ends too early (truncated?); expected " + what;
        return "expected " + what + ", found '" + std::string(1, text_[pos_]) + "'";
    }

    void advance(std::size_t n = 1) {
        for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '\n') ++line_, column_ = 1;
            else if ((c >> 6) != 0x2) ++column_;
        }
    }

    bool peek(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' ||
                                       text_[pos_] == '\n'))
            advance();
    }

    void skip_until(std::string_view end, const char* what) {
        const std::size_t line = line_, column = column_;
        const std::size_t found = text_.find(end, pos_);
        if (found == std::string_view::npos)
            throw parse_error(file_, line, column, std::string(what) + " is never closed; expected '" +
                                                       std::string(end) + "'");
        advance(found + end.size() - pos_);
    }

    // Declarations, processing instructions, comments, DOCTYPE and space between elements.
    void skip_misc() {
        while (true) {
            skip_space();
            if (peek("<?")) skip_until("?>", "a processing instruction");
            else if (peek("<!--")) skip_until("-->", "a comment");
            else if (peek("<!DOCTYPE")) {
                if (text_.find('[', pos_) < text_.find('>', pos_))
                    fail("a DOCTYPE with internal declarations is not supported");
                skip_until(">", "a DOCTYPE");
            } else return;
        }
    }

    static bool name_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
    }

    std::string name() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && name_char(text_[pos_])) advance();
        if (start == pos_) fail(expected("a name"));
        return std::string(text_.substr(start, pos_ - start));
    }

    static std::string local(const std::string& qualified) {
        const std::size_t colon = qualified.find(':');
        return colon == std::string::npos ? qualified : qualified.substr(colon + 1);
    }


    // Character data up to '<' (or the quote ending an attribute), entities resolved.
    void chars(std::string& out, char stop) {
        while (pos_ < text_.size() && text_[pos_] != stop && text_[pos_] != '<') {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '&') {
                const std::size_t semi = text_.find(';', pos_);
                if (semi == std::string_view::npos || semi - pos_ > 12)
                    fail("a '&' that does not start an entity; write it as &amp;");
                const std::string_view entity = text_.substr(pos_ + 1, semi - pos_ - 1);
                if (entity == "lt") out += '<';
                else if (entity == "gt") out += '>';
                else if (entity == "amp") out += '&';
                else if (entity == "quot") out += '"';
                else if (entity == "apos") out += '\'';
                else if (!entity.empty() && entity[0] == '#') {
                    std::uint32_t cp = 0;
                    const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
                    bool ok = entity.size() > (hex ? 2u : 1u);
                    for (std::size_t i = hex ? 2 : 1; ok && i < entity.size(); ++i) {
                        const char d = entity[i];
                        int v = d >= '0' && d <= '9' ? d - '0'
                                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                              : -1;
                        ok = v >= 0 && cp < 0x110000;
                        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v < 0 ? 0 : v);
                    }
                    if (!ok || cp == 0 || cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000))
                        fail("'&" + std::string(entity) + ";' is not a valid character reference");
                    append_utf8(out, cp);
                } else {
                    fail("unknown entity '&" + std::string(entity) + ";'; expected &lt; &gt; &amp; &quot; &apos; or &#...;");
                }
                advance(semi + 1 - pos_);
                continue;
            }
            if (c >= 0x80) {
                const std::size_t length = utf8_sequence_length(text_, pos_);
                if (length == 0) fail("the file is not UTF-8 text");
                out.append(text_.data() + pos_, length);
                advance(length);
                continue;
            }
            out += text_[pos_];
            advance();
        }
    }

    xml_element element(int depth) {
        if (depth > 100) fail("the XML is nested too deeply");
        xml_element e;
        e.line = line_;
        e.column = column_;
        advance();  // '<'
        const std::string qualified = name();
        e.name = local(qualified);
        std::unordered_set<std::string> seen;  // attribute names: a hash set, linear in their number
        while (true) {
            skip_space();
            if (peek("/>")) {
                advance(2);
                return e;
            }
            if (peek(">")) {
                advance();
                break;
            }
            const std::size_t attribute_line = line_, attribute_column = column_;
            const std::string attribute = name();
            skip_space();
            if (!peek("=")) fail(expected("'=' after attribute name '" + attribute + "'"));
            advance();
            skip_space();
            if (!peek("\"") && !peek("'")) fail(expected("a quoted attribute value"));
            const char quote = text_[pos_];
            advance();
            std::string value;
            chars(value, quote);
            if (!peek(std::string_view(&quote, 1))) fail(expected(std::string("a closing ") + quote));
            advance();
            if (attribute == "xmlns" || attribute.rfind("xmlns:", 0) == 0) continue;
            const std::string key = local(attribute);
            if (!seen.insert(key).second)
                throw parse_error(file_, attribute_line, attribute_column, "attribute '" + attribute + "' appears twice");
            e.attributes.emplace_back(key, std::move(value));
        }
        while (true) {
            chars(e.text, '\0');
            if (pos_ >= text_.size())
                throw parse_error(file_, e.line, e.column, "element <" + qualified + "> is never closed (truncated?); expected </" + qualified + ">");
            if (peek("<!--")) skip_until("-->", "a comment");
            else if (peek("<![CDATA[")) {
                advance(9);
                const std::size_t end = text_.find("]]>", pos_);
                if (end == std::string_view::npos) fail("a CDATA section is never closed; expected ']]>'");
                e.text.append(text_.data() + pos_, end - pos_);
                advance(end + 3 - pos_);
            } else if (peek("<?")) skip_until("?>", "a processing instruction");
            else if (peek("</")) {
                advance(2);
                const std::size_t line = line_, column = column_;
                const std::string closing = name();
                if (closing != qualified)
                    throw parse_error(file_, line, column, "closing tag </" + closing + "> does not match <" +
                                                               qualified + "> opened at line " + std::to_string(e.line));
                skip_space();
                if (!peek(">")) fail(expected("'>'"));
                advance();
                return e;
            } else {
                e.children.push_back(element(depth + 1));
            }
        }
    }

    std::string_view text_;
    std::string file_;
    std::size_t pos_ = 0, line_ = 1, column_ = 1;
};

/// Appends @p s to @p out with the XML special characters escaped (also quotes, for attributes).
inline void xml_escape(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default:
                // Other control characters cannot appear in XML 1.0 at all.
                if (static_cast<unsigned char>(c) < 0x20)
                    throw invalid_value_error("text with control character " + std::to_string(int(c)) +
                                              " cannot be written to XML");
                out += c;
        }
    }
}

}  // namespace wijknet::detail
