/// @file
/// @brief Small text helpers: case folding, edit distance, "did you mean" suggestions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wijknet::detail {

/// ASCII lower case; bytes outside ASCII (UTF-8 continuation bytes) are kept as they are.
inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Case-insensitive (ASCII) equality.
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

/// The plain lower-case ASCII letter of the accented Latin-1 letter (U+00C0..U+00FF, two bytes
/// C3 xx) at byte @p i of @p s ('\0' when there is none there): é -> e, Ë -> e, ç -> c, ñ -> n;
/// ß, æ, ×, ÷ and the like have no plain form.
inline char latin1_plain(std::string_view s, std::size_t i) {
    // U+00C0..U+00FF without accent; '\0' where the letter has no plain form.
    static const char plain[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyt\0"   // U+00C0..U+00DF
                                "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";    // U+00E0..U+00FF
    if (static_cast<unsigned char>(s[i]) != 0xC3 || i + 1 >= s.size()) return '\0';
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return d >= 0x80 && d <= 0xBF ? plain[d - 0x80] : '\0';
}

/// An id folded to find near-duplicates: ASCII lower case, accented Latin-1 letters to their
/// plain letter (latin1_plain), combining diacritical marks (U+0300..U+036F) left out. So "coc"
/// and "COC", and "café" written precomposed (NFC, U+00E9) or decomposed (NFD, "e" + U+0301),
/// fold alike; '_', '-' and spaces are kept ("coc_a" and "coc-a" stay apart). O(|s|).
inline std::string fold_id(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (const char p = latin1_plain(s, i)) {
            out += p, ++i;
        } else if ((c == 0xCC || (c == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xAF)) &&
                   i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) >> 6) == 0x2) {
            ++i;  // U+0300..U+036F: CC 80..BF, CD 80..AF
        } else {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        }
    }
    return out;
}

/// A name folded for look-ups that forgive how people type it: ASCII lower case, accents taken
/// off the Latin letters of Western European languages (é -> e, ë -> e, ï -> i, ç -> c, ñ -> n ...,
/// upper and lower case), '_' and '-' read as spaces, spaces (also non-breaking ones) collapsed and
/// trimmed. "LHBTI+-Organisatie", "lhbti+ organisatie" and "lhbti+_organisatie" fold alike.
/// Other bytes are kept as they are. O(|s|).
inline std::string fold_name(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    auto put = [&](char c) {
        if (c == ' ') {
            space = !out.empty();
            return;
        }
        if (space) out += ' ', space = false;
        out += c;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (const char p = latin1_plain(s, i)) {
            put(p);
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
            put(' ');
            ++i;
            continue;
        }
        if (c >= 'A' && c <= 'Z') put(static_cast<char>(c - 'A' + 'a'));
        else if (c == '_' || c == '-' || c == ' ' || c == '\t') put(' ');
        else put(static_cast<char>(c));
    }
    return out;
}

/// Every name an entry with a key, English label, Dutch label and aliases answers to (a role, a
/// theme or a relation), in that order; empty ones included (look-ups skip them).
template <class Named>
std::vector<std::string> names_of(const Named& x) {
    std::vector<std::string> out = {x.key, x.label, x.label_nl};
    out.insert(out.end(), x.aliases.begin(), x.aliases.end());
    return out;
}

/// The label of such an entry in language @p lang: "nl" the Dutch label (the key when there is
/// none), anything else the English label.
template <class Named>
const std::string& label_in(const Named& x, std::string_view lang) {
    return lang == "nl" ? (x.label_nl.empty() ? x.key : x.label_nl) : x.label;
}

/// Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
/// characters as 1 each (optimal string alignment), so "weigth" is 1 from "weight". O(|a| |b|).
inline std::size_t typo_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> d((n + 1) * (m + 1));
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
    for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    return at(n, m);
}

/// Levenshtein distance (insertions, deletions, substitutions each cost 1). O(|a| |b|).
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// The up to @p most candidates close to @p name, closest first: within an edit distance of
/// max(2, |name| / 3), case-insensitive; a candidate that contains the name, or is contained in
/// it, counts as close.
inline std::vector<std::string> closest(std::string_view name, const std::vector<std::string>& candidates,
                                        std::size_t most = 3) {
    const std::string needle = ascii_lower(name);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        const std::string hay = ascii_lower(c);
        std::size_t d = edit_distance(needle, hay);
        if (!needle.empty() && (hay.find(needle) != std::string::npos || needle.find(hay) != std::string::npos))
            d = std::min<std::size_t>(d, 1);
        if (d <= std::max<std::size_t>(2, needle.size() / 3)) scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, c] : scored) {
        if (out.size() == most) break;
        out.push_back(c);
    }
    return out;
}

/// "a, b or c"
inline std::string join_or(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
        out += "'" + items[i] + "'";
    }
    return out;
}

/// A sentence suggesting the closest candidates; when none is close, the known ones if they are
/// few; "" otherwise.
inline std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    auto near = closest(name, candidates);
    if (!near.empty()) return "; did you mean " + join_or(near) + "?";
    if (!candidates.empty() && candidates.size() <= 12) {
        std::string known;
        for (const auto& c : candidates) known += (known.empty() ? "" : ", ") + c;
        return "; known: " + known;
    }
    return {};
}

/// Length of the UTF-8 sequence that starts at @p pos of @p s: 1 for ASCII, 2 to 4 for a
/// well-formed multi-byte sequence, 0 when the bytes there are not UTF-8. Well-formed follows
/// RFC 3629, section 4: no stray continuation byte, no overlong form (C0, C1, E0 80..9F,
/// F0 80..8F), no UTF-16 surrogate (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF), no
/// sequence cut short. The one validator of wijknet: the CSV, JSON, XML and DL readers all use it,
/// so all accept and reject the same bytes. O(1).
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned c = byte(pos);
    if (c < 0x80) return 1;
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c >= 0xE0 && c <= 0xEF) length = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) length = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if (s.size() - pos < length) return 0;
    if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(pos + k) >> 6) != 0x2) return 0;
    return length;
}

/// Position of the first byte of @p s that is not well-formed UTF-8 (utf8_sequence_length), or
/// npos. O(|s|).
inline std::size_t invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(s, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

/// Number of characters (code points) in the first @p bytes bytes of UTF-8 text @p s: bytes
/// that are not continuation bytes. For error columns, so that every reader counts characters.
inline std::size_t utf8_characters(std::string_view s, std::size_t bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) >> 6) != 0x2;
    return n;
}

/// @p s for an error message: control characters (U+0000..U+001F, U+007F) written as `\xNN`,
/// everything else as it is. O(|s|).
inline std::string printable(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) out += "\\x", out += hex[u >> 4], out += hex[u & 0xF];
        else out += c;
    }
    return out;
}

/// Appends code point @p cp to @p out as UTF-8 (for the escapes of the JSON and XML readers).
inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace wijknet::detail
