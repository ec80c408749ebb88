/// @file
/// @brief UCINET DL files (docs/io/dl.md): full matrices and edge lists, labels, several
/// matrices as relations and waves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <charconv>
#include <map>

#include "wijknet/detail/encoding.hpp"
#include "wijknet/detail/file.hpp"
#include "wijknet/detail/text.hpp"
#endif

namespace wijknet {

/// The DL data layouts wijknet reads and writes.
enum class dl_format {
    fullmatrix,  ///< one n x n matrix per relation and wave, labels embedded
    edgelist1    ///< one line per tie: source label, target label, value
};

/// Options of the DL writer.
struct dl_write_options {
    dl_format format = dl_format::fullmatrix;  ///< layout of the data section
};

/// What the DL reader accepts at most (docs/import.md, "Limits"). A declared size is checked
/// against these and against the rest of the file before anything is allocated for it.
struct dl_limits {
    /// Stakeholders a header may declare with `N=`.
    static constexpr std::size_t nodes = 100000;
    /// Matrices a header may declare with `NM=`.
    static constexpr std::size_t matrices = 1000;
};

/// Options of the DL reader.
struct dl_read_options {
    /// Relation of matrices without a matrix label; declared (directed) if the alliance does not
    /// know it.
    std::string default_relation = "tie";
    /// Wave of matrices whose label names no wave; declared if needed.
    std::string default_wave = "T0";
};

#if WIJKNET_BODIES
namespace detail {

/// One token of a DL file with its position.
struct dl_token {
    std::string text;
    std::size_t line = 0, column = 0;
    bool quoted = false;
};

/// Splits DL text into tokens: separated by spaces, tabs, commas and line ends; '=' and ':' are
/// tokens of their own; "double quotes" hold a label with spaces.
inline std::vector<dl_token> dl_tokens(std::string_view text, const std::string& file) {
    std::vector<dl_token> out;
    std::size_t pos = 0, line = 1, line_start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = line_start = 3;
    std::size_t seen = 0, seen_column = 1;  // counted on from the last token: linear in the line
    auto column = [&](std::size_t p) {
        if (seen < line_start) seen = line_start, seen_column = 1;
        for (; seen < p; ++seen) seen_column += (static_cast<unsigned char>(text[seen]) >> 6) != 0x2;
        return seen_column;
    };
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '\n') {
            ++line, ++pos, line_start = pos;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
            ++pos;
            continue;
        }
        dl_token t;
        t.line = line;
        t.column = column(pos);
        if (c == '=' || c == ':') {
            t.text = std::string(1, c);
            ++pos;
        } else if (c == '"') {
            const std::size_t end = text.find('"', pos + 1);
            // The line break is looked for only up to the closing quote: linear in a long line.
            if (end == std::string_view::npos || text.substr(pos + 1, end - pos - 1).find('\n') != std::string_view::npos)
                throw parse_error(file, t.line, t.column, "a quoted label is never closed on its line; expected '\"'");
            t.text = std::string(text.substr(pos + 1, end - pos - 1));
            t.quoted = true;
            pos = end + 1;
        } else {
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\r' &&
                   text[pos] != '\n' && text[pos] != ',' && text[pos] != '=' && text[pos] != ':')
                ++pos;
            t.text = std::string(text.substr(start, pos - start));
        }
        out.push_back(std::move(t));
    }
    return out;
}

inline std::string dl_label(const std::string& id) {
    if (id.find('"') != std::string::npos)
        throw invalid_value_error("stakeholder '" + id + "': a DL label cannot hold a double quote");
    if (id.find_first_of(" \t,=:!") != std::string::npos || id.empty()) return "\"" + id + "\"";
    return id;
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// The alliance as a UCINET DL file: `n` = number of stakeholders, one matrix per (relation,
/// wave) pair that has ties (relations in declaration order, then waves), each labelled
/// `relation@wave`; row and column labels are the stakeholder ids. A tie's value is its weight;
/// ties of an undirected relation fill both cells (full matrix) or one line (edge list). Names,
/// roles, attributes, events and participation are not part of DL (use JSON or GraphML).
///
/// @param a       the alliance
/// @param options full matrix (default) or edge list
///
/// Throws invalid_value_error for a stakeholder id holding a double quote, or a zero weight (a 0
/// cell means "no tie" in DL). O(matrices x n^2) for a full matrix, O(ties) for an edge list.
WIJKNET_DECL std::string to_dl(const alliance& a, const dl_write_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::string to_dl(const alliance& a, const dl_write_options& options) {
    const std::size_t n = a.num_stakeholders();
    std::map<std::pair<std::size_t, std::size_t>, std::vector<const tie*>> matrices;  // (relation, wave)
    for (const auto& t : a.ties()) {
        if (t.weight == 0)
            throw invalid_value_error(a.describe(t) + " has weight 0, which DL cannot tell from no tie");
        matrices[{t.relation, t.wave}].push_back(&t);
    }
    std::vector<std::string> labels;
    labels.reserve(n);
    for (const auto& s : a.stakeholders()) labels.push_back(detail::dl_label(s.id));
    std::string out = "DL N=" + std::to_string(n) + " NM=" + std::to_string(std::max<std::size_t>(matrices.size(), 1)) +
                      "\nFORMAT = " + (options.format == dl_format::fullmatrix ? "FULLMATRIX DIAGONAL PRESENT" : "EDGELIST1") +
                      "\nROW LABELS:\n";
    for (const auto& l : labels) out += l + "\n";
    if (!matrices.empty()) {
        out += "MATRIX LABELS:\n";
        for (const auto& [key, ties] : matrices)
            out += detail::dl_label(a.relations()[key.first].key + "@" + a.waves()[key.second].key) + "\n";
    }
    out += options.format == dl_format::fullmatrix ? "LABELS EMBEDDED\nDATA:\n" : "LABELS EMBEDDED\nDATA:\n";
    bool first = true;
    for (const auto& [key, ties] : matrices) {
        if (options.format == dl_format::edgelist1) {
            if (!first) out += "!\n";
            for (const tie* t : ties)
                out += labels[t->source] + " " + labels[t->target] + " " + format_number(t->weight) + "\n";
        } else {
            std::vector<double> cells(n * n, 0.0);
            const bool directed = a.relations()[key.first].directed;
            for (const tie* t : ties) {
                cells[std::size_t(t->source) * n + t->target] = t->weight;
                if (!directed) cells[std::size_t(t->target) * n + t->source] = t->weight;
            }
            for (const auto& l : labels) out += " " + l;
            out += "\n";
            for (std::size_t i = 0; i < n; ++i) {
                out += labels[i];
                for (std::size_t j = 0; j < n; ++j) out += " " + format_number(cells[i * n + j]);
                out += "\n";
            }
        }
        first = false;
    }
    if (matrices.empty() && options.format == dl_format::fullmatrix) {
        for (const auto& l : labels) out += " " + l;
        out += "\n";
        for (std::size_t i = 0; i < n; ++i) {
            out += labels[i];
            for (std::size_t j = 0; j < n; ++j) out += " 0";
            out += "\n";
        }
    }
    return out;
}
#endif

/// Writes the alliance to a DL file atomically (see to_dl, write_file_atomically).
///
/// @param a       the alliance
/// @param path    the file to create or replace
/// @param options full matrix (default) or edge list
WIJKNET_DECL void write_dl(const alliance& a, const std::string& path, const dl_write_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL void write_dl(const alliance& a, const std::string& path, const dl_write_options& options) {
    const std::string text = to_dl(a, options);
    write_file_atomically(path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}
#endif

/// Reads an alliance from UCINET DL text (one-mode data).
///
/// Header keywords (case-insensitive): `DL`, `N=`, `NM=`, `FORMAT=` (`FULLMATRIX` or
/// `EDGELIST1`), `DIAGONAL PRESENT`, `LABELS:`/`ROW LABELS:`/`COLUMN LABELS:` (the labels
/// follow), `LABELS EMBEDDED`, `MATRIX LABELS:`, `DATA:`. Labels become stakeholder ids (built-in
/// roles, no attributes). A full matrix is n rows of n values (with embedded labels: a line of
/// column labels, then each row led by its label); matrices follow one another. An edge list
/// has one tie per line: two labels (embedded) or 1-based numbers, and an optional value
/// (default 1); a line `!` starts the next matrix. Each matrix is a relation and wave: its label
/// `relation@wave`, or `relation` (wave options.default_wave), or none (options.default_relation);
/// unknown ones are declared (relations directed). A non-zero cell is a tie with that weight; for
/// an undirected relation a symmetric pair of cells is one tie.
///
/// @param text    the DL text
/// @param file    the file name used in error messages (may be empty)
/// @param options relation and wave of unlabelled matrices
///
/// Throws parse_error naming line and column: a missing `DL` or `DATA:`, an unsupported format
/// (two-mode NR/NC, lower/upper half, nodelists, diagonal absent), too few labels or values, a
/// value that is not a number, an unknown label, an asymmetric matrix for an undirected
/// relation. Nothing is returned half-built. O(size of the text).
WIJKNET_DECL alliance parse_dl(std::string_view text, const std::string& file = "", const dl_read_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance parse_dl(std::string_view text, const std::string& file, const dl_read_options& options) {
    using detail::dl_token;
    if (const std::size_t bad = detail::invalid_utf8(text); bad != std::string_view::npos) {
        const auto [line, column] = detail::text_position(text, bad);
        throw parse_error(file, line, column, "the file is not UTF-8 text");
    }
    const std::vector<dl_token> tokens = detail::dl_tokens(text, file);
    std::size_t k = 0;
    auto fail = [&](const std::string& what) -> parse_error {
        if (k < tokens.size()) return parse_error(file, tokens[k].line, tokens[k].column, what);
        const std::size_t last_line = tokens.empty() ? 1 : tokens.back().line;
        return parse_error(file, last_line, 0, "the file ends too early (truncated?); " + what);
    };
    auto lower = [&](std::size_t i) { return i < tokens.size() ? detail::ascii_lower(tokens[i].text) : std::string(); };
    auto is = [&](const char* word) { return k < tokens.size() && !tokens[k].quoted && lower(k) == word; };
    auto integer = [&](const char* what) {
        if (is("=")) ++k;
        std::size_t v = 0;
        const std::string s = k < tokens.size() ? tokens[k].text : std::string();
        auto res = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size())
            throw fail(std::string("expected a whole number after ") + what + (k < tokens.size() ? ", found '" + s + "'" : ""));
        ++k;
        return v;
    };
    auto number = [&]() {
        if (k >= tokens.size()) throw fail("expected a number");
        const std::string& s = tokens[k].text;
        double v = 0;
        const char* first = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
        auto res = std::from_chars(first, s.data() + s.size(), v);
        if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(v))
            throw fail("expected a number, found '" + s + "'");
        ++k;
        return v;
    };

    if (!is("dl")) throw fail("expected the keyword DL at the start of the file");
    ++k;
    std::size_t n = 0, nm = 1;
    bool have_n = false, embedded = false, edgelist = false;
    std::vector<std::string> labels, matrix_labels;
    std::vector<dl_token> label_tokens;
    auto read_labels = [&](std::size_t count, std::vector<std::string>& into, const char* what) {
        if (is(":")) ++k;
        if (!have_n && &into == &labels) throw fail(std::string("N= must come before the ") + what);
        for (std::size_t i = 0; i < count; ++i) {
            if (k >= tokens.size() || (!tokens[k].quoted && lower(k) == "data"))
                throw fail("expected " + std::to_string(count) + " " + what + ", found " + std::to_string(i));
            if (&into == &labels) label_tokens.push_back(tokens[k]);
            into.push_back(tokens[k++].text);
        }
    };
    while (true) {
        if (k >= tokens.size()) throw fail("expected DATA: before the data");
        if (is("n")) {
            ++k;
            n = integer("N");
            have_n = true;
            if (n > dl_limits::nodes) {
                --k;
                throw fail("N=" + std::to_string(n) + " declares more than the " + std::to_string(dl_limits::nodes) +
                           " stakeholders a DL file may have");
            }
        } else if (is("nm")) {
            ++k;
            nm = integer("NM");
            if (nm == 0 || nm > dl_limits::matrices) {
                --k;
                throw fail(nm == 0 ? std::string("NM must be at least 1")
                                   : "NM=" + std::to_string(nm) + " declares more than the " +
                                         std::to_string(dl_limits::matrices) + " matrices a DL file may have");
            }
        } else if (is("nr") || is("nc")) {
            throw fail("two-mode DL data (NR/NC) is not supported; expected N=");
        } else if (is("format")) {
            ++k;
            if (is("=")) ++k;
            if (is("fullmatrix") || is("full")) edgelist = false;
            else if (is("edgelist1") || is("edgelist")) edgelist = true;
            else throw fail("unsupported format '" + (k < tokens.size() ? tokens[k].text : std::string()) +
                            "'; expected FULLMATRIX or EDGELIST1");
            ++k;
        } else if (is("diagonal")) {
            ++k;
            if (!is("present")) throw fail("only DIAGONAL PRESENT is supported");
            ++k;
        } else if (is("labels") || is("row") || is("column") || is("col")) {
            const bool column = is("column") || is("col");
            if (!is("labels")) ++k;
            if (!is("labels")) throw fail("expected LABELS");
            ++k;
            if (is("embedded")) {
                ++k;
                if (is(":")) ++k;
                embedded = true;
            } else if (column && !labels.empty()) {
                std::vector<std::string> columns;
                const std::size_t at = k;
                read_labels(n, columns, "column labels");
                if (columns != labels) {
                    k = at;
                    throw fail("column labels differ from the row labels; two-mode data is not supported");
                }
            } else {
                read_labels(n, labels, "labels");
            }
        } else if (is("matrix")) {
            ++k;
            if (!is("labels")) throw fail("expected LABELS after MATRIX");
            ++k;
            read_labels(nm, matrix_labels, "matrix labels");
        } else if (is("data")) {
            ++k;
            if (is(":")) ++k;
            break;
        } else {
            throw fail("unknown keyword '" + tokens[k].text +
                       "'; expected N=, NM=, FORMAT=, LABELS:, LABELS EMBEDDED, MATRIX LABELS: or DATA:");
        }
    }
    if (!edgelist && !have_n) throw fail("a full matrix needs N= in the header");
    if (!edgelist) {
        // The values the header promises must be there before n x n cells are allocated (no
        // overflow: n <= 1e5 and nm <= 1e3, so nm n^2 <= 1e13 fits in 64 bits).
        const std::uint64_t values = std::uint64_t(nm) * n * n, left = tokens.size() - k;
        if (values > left) {
            k = tokens.size();
            const std::string side = std::to_string(n) + " x " + std::to_string(n);
            throw fail((nm > 1 ? "N=" + std::to_string(n) + " and NM=" + std::to_string(nm) + " declare " +
                                     std::to_string(nm) + " matrices of " + side
                               : "N=" + std::to_string(n) + " declares a " + side + " matrix") +
                       " (" + std::to_string(values) + " values), but the data holds only " + std::to_string(left) +
                       " entries");
        }
    }

    alliance a;
    std::map<std::string, index_t> index;  // label -> stakeholder
    auto add_label = [&](const dl_token& t) {
        try {
            stakeholder s;
            s.id = t.text;
            index[t.text] = a.add_stakeholder(std::move(s));
        } catch (const error& e) {
            throw parse_error(file, t.line, t.column, e.what());
        }
    };
    for (const auto& l : label_tokens) add_label(l);

    // The relation and wave of matrix m.
    std::vector<std::pair<std::size_t, std::size_t>> layers;
    for (std::size_t m = 0; m < nm; ++m) {
        std::string rel = options.default_relation, wave = options.default_wave;
        if (m < matrix_labels.size()) {
            const std::string& l = matrix_labels[m];
            const std::size_t at = l.rfind('@');
            rel = l.substr(0, at);
            if (at != std::string::npos) wave = l.substr(at + 1);
        }
        if (!a.find_relation(rel)) a.add_relation({rel, rel, true});
        if (!a.find_wave(wave)) a.add_wave({wave, wave, ""});
        layers.emplace_back(a.relation_index(rel), a.wave_index(wave));
    }
    auto stakeholder_of = [&](bool by_label) -> index_t {
        if (k >= tokens.size()) throw fail("expected a label");
        const dl_token& t = tokens[k];
        if (by_label) {
            auto it = index.find(t.text);
            if (it == index.end()) {
                if (!labels.empty() || !edgelist) {
                    std::vector<std::string> known(labels);
                    throw fail("unknown label '" + t.text + "'" + detail::did_you_mean(t.text, known));
                }
                add_label(t);
                it = index.find(t.text);
            }
            ++k;
            return it->second;
        }
        std::size_t v = 0;
        auto res = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (res.ec != std::errc() || res.ptr != t.text.data() + t.text.size() || v == 0 || v > a.num_stakeholders())
            throw fail("expected a node number from 1 to " + std::to_string(a.num_stakeholders()) + ", found '" +
                       t.text + "'");
        ++k;
        return static_cast<index_t>(v - 1);
    };
    auto add = [&](index_t s, index_t t, std::size_t m, double w, std::size_t at) {
        tie x;
        x.source = s, x.target = t, x.weight = w;
        x.relation = static_cast<std::uint16_t>(layers[m].first);
        x.wave = static_cast<std::uint16_t>(layers[m].second);
        try {
            a.insert_tie(std::move(x));
        } catch (const error& e) {
            throw parse_error(file, tokens[at].line, tokens[at].column, e.what());
        }
    };

    if (edgelist) {
        if (!have_n && labels.empty() && !embedded) throw fail("an edge list with numbers needs N= in the header");
        if (labels.empty() && !embedded)
            for (std::size_t i = 0; i < n; ++i) add_label(dl_token{std::to_string(i + 1), 0, 0, false});
        std::size_t m = 0;
        while (k < tokens.size()) {
            if (tokens[k].text == "!") {
                ++k;
                if (++m >= nm) throw fail("more matrices (separated by '!') than NM=" + std::to_string(nm));
                continue;
            }
            const std::size_t line = tokens[k].line, at = k;
            const index_t s = stakeholder_of(embedded);
            if (k >= tokens.size() || tokens[k].line != line) throw fail("expected two labels on line " + std::to_string(line));
            const index_t t = stakeholder_of(embedded);
            double w = 1.0;
            if (k < tokens.size() && tokens[k].line == line) w = number();
            if (k < tokens.size() && tokens[k].line == line)
                throw fail("expected the end of the line after the value, found '" + tokens[k].text + "'");
            if (w != 0) add(s, t, m, w, at);
        }
    } else {
        if (labels.empty() && !embedded)
            for (std::size_t i = 0; i < n; ++i) add_label(dl_token{std::to_string(i + 1), 0, 0, false});
        std::vector<double> cells(n * n);
        std::vector<std::size_t> where(n * n);
        for (std::size_t m = 0; m < nm; ++m) {
            if (k < tokens.size() && tokens[k].text == "!") ++k;
            std::vector<index_t> columns(n), rows(n);
            for (std::size_t j = 0; j < n; ++j) columns[j] = rows[j] = static_cast<index_t>(j);
            if (embedded) {
                for (std::size_t j = 0; j < n; ++j) {
                    if (labels.empty() && m == 0) {
                        if (k >= tokens.size()) throw fail("expected " + std::to_string(n) + " column labels");
                        add_label(tokens[k]);
                    }
                    columns[j] = stakeholder_of(true);
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (embedded) rows[i] = stakeholder_of(true);
                for (std::size_t j = 0; j < n; ++j) {
                    where[i * n + j] = k;
                    cells[i * n + j] = number();
                }
            }
            const bool directed = a.relations()[layers[m].first].directed;
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) {
                    const double w = cells[i * n + j];
                    if (w == 0) continue;
                    if (!directed && j < i) {
                        const double mirror = cells[j * n + i];
                        if (mirror == w) continue;  // added from the other cell
                        if (mirror != 0) {
                            k = where[i * n + j];
                            throw fail("relation '" + a.relations()[layers[m].first].key +
                                       "' is undirected, but its matrix is not symmetric here (" + format_number(w) +
                                       " against " + format_number(mirror) + ")");
                        }
                    }
                    add(rows[i], columns[j], m, w, where[i * n + j]);
                }
        }
        if (k < tokens.size())
            throw fail("unexpected text after " + std::to_string(nm) + " matrices of " + std::to_string(n) + " x " +
                       std::to_string(n) + " values");
    }
    return a;
}
#endif

/// Reads an alliance from a UCINET DL file (see parse_dl).
///
/// @param path    the file
/// @param options relation and wave of unlabelled matrices
WIJKNET_DECL alliance read_dl(const std::string& path, const dl_read_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance read_dl(const std::string& path, const dl_read_options& options) {
    return parse_dl(detail::read_file(path), path, options);
}
#endif

}  // namespace wijknet
