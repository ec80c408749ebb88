/// @file
/// @brief Text encodings as spreadsheet programs write them: UTF-8 (with or without a byte order
/// mark), Windows-1252 (Excel's "CSV (;)" on Dutch Windows) and UTF-16 with a byte order mark
/// (Excel's "Unicode text"), all decoded to UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"

namespace wijknet {

/// The encoding of a text file.
enum class text_encoding : std::uint8_t {
    automatic,  ///< detect (see decode_text)
    utf8,       ///< UTF-8, with or without a byte order mark
    cp1252,     ///< Windows-1252 (a superset of ISO 8859-1 printable characters)
    utf16,      ///< UTF-16; little-endian unless a byte order mark says big-endian
};

/// "auto", "utf-8", "cp1252", "utf-16".
inline const char* to_string(text_encoding e) noexcept {
    switch (e) {
        case text_encoding::automatic: return "auto";
        case text_encoding::utf8: return "utf-8";
        case text_encoding::cp1252: return "cp1252";
        case text_encoding::utf16: return "utf-16";
    }
    return "auto";
}

/// Parses an encoding name, case-insensitively: "auto"; "utf-8"/"utf8"/"utf-8-sig";
/// "cp1252"/"windows-1252"/"latin-1"/"iso-8859-1"/"ansi"; "utf-16"/"utf16"/"utf-16le"/"utf-16be"
/// (the byte order mark, if any, decides). invalid_value_error otherwise.
inline text_encoding parse_text_encoding(std::string_view name) {
    struct entry { const char* name; text_encoding e; };
    static const entry names[] = {
        {"auto", text_encoding::automatic},  {"utf-8", text_encoding::utf8},       {"utf8", text_encoding::utf8},
        {"utf-8-sig", text_encoding::utf8},  {"cp1252", text_encoding::cp1252},    {"windows-1252", text_encoding::cp1252},
        {"latin-1", text_encoding::cp1252},  {"latin1", text_encoding::cp1252},    {"iso-8859-1", text_encoding::cp1252},
        {"ansi", text_encoding::cp1252},     {"utf-16", text_encoding::utf16},     {"utf16", text_encoding::utf16},
        {"utf-16le", text_encoding::utf16},  {"utf-16be", text_encoding::utf16}};
    for (const auto& n : names)
        if (detail::iequals(name, n.name)) return n.e;
    throw invalid_value_error("unknown encoding '" + std::string(name) + "'; expected 'auto', 'utf-8', 'cp1252' or 'utf-16'");
}

namespace detail {

/// Text decoded to UTF-8: a view of the input when it already was UTF-8 (no copy), else of
/// `owned`. Not copyable (the view may point into `owned`).
struct decoded_text {
    std::string owned;
    std::string_view text;
    text_encoding encoding = text_encoding::utf8;

    decoded_text() = default;
    decoded_text(const decoded_text&) = delete;
    decoded_text& operator=(const decoded_text&) = delete;
};

/// Line and column (1-based; columns count characters when the bytes before are UTF-8) of byte
/// @p offset of @p bytes; @p unit is 2 for UTF-16 (code units of two bytes, @p big_endian or not).
inline std::pair<std::size_t, std::size_t> text_position(std::string_view bytes, std::size_t offset,
                                                         std::size_t unit = 1, bool big_endian = false) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + unit <= offset; i += unit) {
        unsigned code = static_cast<unsigned char>(bytes[i]);
        if (unit == 2)
            code = big_endian ? (code << 8) | static_cast<unsigned char>(bytes[i + 1])
                              : code | (unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8);
        if (code == '\n') ++line, column = 1;
        else if (unit == 2 ? (code < 0xDC00 || code > 0xDFFF) : (code >> 6) != 0x2) ++column;
    }
    return {line, column};
}

/// Code points of Windows-1252 bytes 0x80..0x9F; 0 where the byte is not defined.
inline constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// Position of the first byte that is not Windows-1252 text (NUL or one of the five undefined
/// bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D), or npos.
inline std::size_t invalid_cp1252(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0 || (c >= 0x80 && c <= 0x9F && cp1252_high[c - 0x80] == 0)) return i;
    }
    return std::string_view::npos;
}

/// Decodes @p bytes to UTF-8.
///
/// With text_encoding::automatic, per file: a UTF-8 byte order mark means UTF-8; a UTF-16 one
/// (FF FE or FE FF) means UTF-16; without one, text that is valid UTF-8 is UTF-8 (so valid UTF-8
/// is never read as anything else), and otherwise text without the five bytes Windows-1252 leaves
/// undefined is Windows-1252. Text holding a NUL byte (UTF-16 without a byte order mark, or not
/// text at all) and anything else is a parse_error at the first byte that fits none of them. A given encoding is used as it is (a byte order mark
/// dropped; UTF-16 without one is little-endian). @p file is used in error messages. O(size).
inline void decode_text(std::string_view bytes, text_encoding asked, const std::string& file, decoded_text& out) {
    const auto fail = [&](std::size_t offset, const std::string& what) {
        const auto [line, column] = text_position(bytes, offset);
        throw parse_error(file, line, column, what);
    };
    const bool bom8 = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    const bool bom16le = bytes.substr(0, 2) == "\xFF\xFE", bom16be = bytes.substr(0, 2) == "\xFE\xFF";
    text_encoding e = asked;
    bool checked = false;  // the UTF-8 check was done already
    if (e == text_encoding::automatic) {
        if (bom8) e = text_encoding::utf8;
        else if (bom16le || bom16be) e = text_encoding::utf16;
        else if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
            fail(nul, "the file holds NUL bytes, as UTF-16 without a byte order mark does (read it with "
                      "encoding='utf-16', or save it as 'CSV UTF-8' in Excel)");
        else if (invalid_utf8(bytes) == std::string_view::npos) e = text_encoding::utf8, checked = true;
        else if (auto bad = invalid_cp1252(bytes); bad == std::string_view::npos) e = text_encoding::cp1252;
        else
            fail(bad, "the file is neither UTF-8, Windows-1252 nor UTF-16 text (save it as 'CSV UTF-8' in Excel, or "
                      "convert it with iconv)");
    }
    out.encoding = e;
    out.owned.clear();
    if (e == text_encoding::utf8) {
        const std::string_view text = bom8 ? bytes.substr(3) : bytes;
        if (auto bad = checked ? std::string_view::npos : invalid_utf8(text); bad != std::string_view::npos) {
            const auto [line, column] = text_position(text, bad);
            throw parse_error(file, line, column, "the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or convert it "
                                       "with iconv)");
        }
        out.text = text;
        return;
    }
    if (e == text_encoding::cp1252) {
        if (auto bad = invalid_cp1252(bytes); bad != std::string_view::npos)
            fail(bad, "the file is not Windows-1252 text (byte " + std::to_string(static_cast<unsigned char>(bytes[bad])) +
                          " is not defined there)");
        out.owned.reserve(bytes.size() + bytes.size() / 8);
        for (char ch : bytes) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x80) out.owned += ch;
            else append_utf8(out.owned, c <= 0x9F ? cp1252_high[c - 0x80] : c);
        }
        out.text = out.owned;
        return;
    }
    // UTF-16
    const bool big = bom16be;
    const std::size_t start = (bom16le || bom16be) ? 2 : 0;
    const auto fail16 = [&](std::size_t offset, const std::string& what) {
        const auto [line, column] = text_position(bytes.substr(start), offset - start, 2, big);
        throw parse_error(file, line, column, what);
    };
    if ((bytes.size() - start) % 2 != 0)
        fail16(bytes.size() - 1, "the file is not UTF-16 text: it has an odd number of bytes");
    out.owned.reserve(bytes.size());
    auto unit_at = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return big ? (std::uint32_t(a) << 8) | b : (std::uint32_t(b) << 8) | a;
    };
    for (std::size_t i = start; i < bytes.size(); i += 2) {
        std::uint32_t cp = unit_at(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 < bytes.size()) {
                const std::uint32_t low = unit_at(i + 2);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    append_utf8(out.owned, cp);
                    i += 2;
                    continue;
                }
            }
            fail16(i, "the file is not UTF-16 text: a surrogate pair is broken");
        }
        if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0)
            fail16(i, cp == 0 ? "the file is not UTF-16 text: it holds a NUL character"
                              : "the file is not UTF-16 text: a surrogate pair is broken");
        append_utf8(out.owned, cp);
    }
    out.text = out.owned;
}

}  // namespace detail
}  // namespace wijknet
