/// @file
/// @brief A small JSON reader (with line and column of every value) and string escaping, for
/// wijknet's own file format. Not a general-purpose JSON library: numbers are doubles, objects
/// keep their members in file order.
#pragma once

#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"

namespace wijknet::detail {

/// One JSON value with where it starts in the text.
struct json_value {
    enum class type { null, boolean, number, string, array, object };
    type kind = type::null;
    bool boolean = false;
    double number = 0;
    std::string text;  // string value
    std::vector<json_value> items;  // array elements, or object member values
    std::vector<std::string> keys;  // object member names, parallel to items
    std::size_t line = 0, column = 0;

    /// Member value by name, or nullptr.
    const json_value* find(std::string_view key) const {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return &items[i];
        return nullptr;
    }
};

/// "null", "a boolean", ... for messages.
inline const char* json_type_name(json_value::type t) {
    switch (t) {
        case json_value::type::null: return "null";
        case json_value::type::boolean: return "a boolean";
        case json_value::type::number: return "a number";
        case json_value::type::string: return "a string";
        case json_value::type::array: return "an array";
        case json_value::type::object: return "an object";
    }
    return "a value";
}

/// Parses JSON text (RFC 8259); parse_error with file, line and column otherwise.
class json_parser {
public:
    json_parser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    json_value parse() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3, line_start_ = 3;
        skip_space();
        if (pos_ >= text_.size()) fail("the file is empty; expected a JSON object");
        json_value v = value(0);
        skip_space();
        if (pos_ < text_.size()) fail("unexpected text after the end of the JSON document");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw parse_error(file_, line_, column(), what); }

    std::size_t column() const {
        // Characters, not bytes: UTF-8 continuation bytes do not count. Counted on from the last
        // call (the parser only moves forward), so a one-line file stays linear.
        if (seen_pos_ < line_start_ || seen_pos_ > pos_) seen_pos_ = line_start_, seen_column_ = 1;
        for (; seen_pos_ < pos_ && seen_pos_ < text_.size(); ++seen_pos_)
            if ((static_cast<unsigned char>(text_[seen_pos_]) >> 6) != 0x2) ++seen_column_;
        return seen_column_;
    }

    void skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++line_, ++pos_, line_start_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                break;
            }
        }
    }

    json_value value(int depth) {
        if (depth > 200) fail("the JSON is nested too deeply");
        json_value v;
        v.line = line_;
        v.column = column();
        if (pos_ >= text_.size()) fail("the file ends too early (truncated?); expected a value");
        const char c = text_[pos_];
        if (c == '{') {
            v.kind = json_value::type::object;
            ++pos_;
            skip_space();
            if (peek('}')) return ++pos_, v;
            std::unordered_set<std::string> seen;  // a hash set: linear in the number of members
            while (true) {
                skip_space();
                if (!peek('"')) fail(expected("a member name in double quotes"));
                const std::size_t key_line = line_, key_column = column();
                std::string key = string();
                if (!seen.insert(key).second)
                    throw parse_error(file_, key_line, key_column, "member '" + key + "' appears twice in this object");
                skip_space();
                if (!peek(':')) fail(expected("':' after the member name"));
                ++pos_;
                skip_space();
                v.keys.push_back(std::move(key));
                v.items.push_back(value(depth + 1));
                skip_space();
                if (peek(',')) { ++pos_; continue; }
                if (peek('}')) { ++pos_; return v; }
                fail(expected("',' or '}'"));
            }
        }
        if (c == '[') {
            v.kind = json_value::type::array;
            ++pos_;
            skip_space();
            if (peek(']')) return ++pos_, v;
            while (true) {
                skip_space();
                v.items.push_back(value(depth + 1));
                skip_space();
                if (peek(',')) { ++pos_; continue; }
                if (peek(']')) { ++pos_; return v; }
                fail(expected("',' or ']'"));
            }
        }
        if (c == '"') {
            v.kind = json_value::type::string;
            v.text = string();
            return v;
        }
        if (literal("true")) return v.kind = json_value::type::boolean, v.boolean = true, v;
        if (literal("false")) return v.kind = json_value::type::boolean, v;
        if (literal("null")) return v;
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.kind = json_value::type::number;
            v.number = number();
            return v;
        }
        if (literal("NaN") || literal("Infinity"))
            fail("NaN and Infinity are not JSON; write null for a missing value");
        fail(expected("a value (object, array, string, number, true, false or null)"));
    }

    bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    std::string expected(const std::string& what) const {
        if (pos_ >= text_.size()) return "the file ends too early (truncated?); expected " + what;
        std::string found(1, text_[pos_]);
        if (text_[pos_] == '\n' || text_[pos_] == '\r') found = "end of line";
        return "expected " + what + ", found '" + found + "'";
    }

    double number() {
        const std::size_t start = pos_;
        if (peek('-')) ++pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            return pos_ - from;
        };
        if (peek('0')) {
            ++pos_;
            if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
                fail("a number may not start with 0 (leading zeros are not JSON)");
        } else if (digits() == 0) {
            fail(expected("a digit"));
        }
        if (peek('.')) {
            ++pos_;
            if (digits() == 0) fail(expected("a digit after the decimal point"));
        }
        if (peek('e') || peek('E')) {
            ++pos_;
            if (peek('+') || peek('-')) ++pos_;
            if (digits() == 0) fail(expected("a digit in the exponent"));
        }
        double x = 0;
        auto res = std::from_chars(text_.data() + start, text_.data() + pos_, x);
        if (res.ec != std::errc()) {
            pos_ = start;
            fail("the number is out of range for a double");
        }
        return x;
    }


    std::uint32_t hex4() {
        std::uint32_t cp = 0;
        for (int i = 0; i < 4; ++i, ++pos_) {
            if (pos_ >= text_.size()) fail(expected("4 hexadecimal digits after \\u"));
            const char h = text_[pos_];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else fail(expected("4 hexadecimal digits after \\u"));
        }
        return cp;
    }

    std::string string() {
        const std::size_t open_line = line_, open_column = column();
        ++pos_;  // opening quote
        std::string out;
        while (true) {
            if (pos_ >= text_.size())
                throw parse_error(file_, open_line, open_column, "a string is never closed; expected a closing '\"'");
            const char c = text_[pos_];
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c == '\n') fail("a line break inside a string; write it as \\n");
            if (u < 0x20) fail("a control character inside a string; escape it (\\t, \\u0001 ...)");
            if (c == '\\') {
                ++pos_;
                if (pos_ >= text_.size()) continue;  // reported as unterminated above
                const char e = text_[pos_++];
                switch (e) {
                    case '"': out += '"'; break;
                    case '\\': out += '\\'; break;
                    case '/': out += '/'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'u': {
                        std::uint32_t cp = hex4();
                        if (cp >= 0xD800 && cp < 0xDC00) {
                            if (!literal("\\u")) fail("a lone UTF-16 surrogate in a \\u escape");
                            const std::uint32_t low = hex4();
                            if (low < 0xDC00 || low > 0xDFFF) fail("a lone UTF-16 surrogate in a \\u escape");
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else if (cp >= 0xDC00 && cp < 0xE000) {
                            fail("a lone UTF-16 surrogate in a \\u escape");
                        }
                        append_utf8(out, cp);
                        break;
                    }
                    default:
                        --pos_;
                        fail(std::string("unknown escape '\\") + e + "'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
                }
                continue;
            }
            // UTF-8 check of multi-byte sequences.
            if (u >= 0x80) {
                const std::size_t length = utf8_sequence_length(text_, pos_);
                if (length == 0) fail("the file is not UTF-8 text");
                out.append(text_.data() + pos_, length);
                pos_ += length;
                continue;
            }
            out += c;
            ++pos_;
        }
    }

    std::string_view text_;
    std::string file_;
    std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
    mutable std::size_t seen_pos_ = 0, seen_column_ = 1;
};

/// Appends @p s to @p out as a JSON string literal (quotes included).
inline void json_escape(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xF];
                    out += hex[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace wijknet::detail
