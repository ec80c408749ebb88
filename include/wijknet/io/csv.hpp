/// @file
/// @brief A strict, fast CSV reader for spreadsheet exports (Excel, LibreOffice, survey tools).
///
/// Accepts: `,`, `;` or tab as separator (detected from the header line unless given; a file
/// separated by `;` has decimal commas unless the caller says otherwise); UTF-8 with
/// or without a byte order mark, Windows-1252 and UTF-16 with a byte order mark (detected per file
/// unless given, see detail::decode_text); LF or CRLF line ends; fields quoted with `"` holding
/// separators, doubled quotes and line breaks (RFC 4180). Skips blank rows and rows whose cells are
/// all empty (`;;;;`), and trailing columns without a name whose cells are empty. Rejects, naming
/// file, line and column: text in none of those encodings, an unterminated quote, text after a
/// closing quote, a row with more or fewer fields than the header, an empty or repeated column
/// name. A cell that starts with a single quote followed by `=`, `+`, `-`, `@`, tab, CR or a
/// second quote loses that first quote: it marks a cell the writer made safe for spreadsheets
/// (detail::spreadsheet_escaped).
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/detail/encoding.hpp"
#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"

#if WIJKNET_BODIES
#include <unordered_set>

#include "wijknet/detail/file.hpp"
#endif

namespace wijknet {

/// What the CSV reader accepts at most (docs/import.md, "Limits"); more is a parse_error naming
/// the place, found before anything is allocated for it.
struct csv_limits {
    /// Fields of one row, header included (the duplicate check of column names is linear; this
    /// bounds the memory a row of separators costs: 16 bytes of index per field). Fields and
    /// lines have no length limit: the cells cost the size of the file plus 8 bytes each.
    static constexpr std::size_t columns = 100000;
};

/// How to read a CSV file.
struct csv_options {
    /// Field separator; 0 = detect from the header line: tab if it has more tabs than `,` and
    /// `;`, else `;` if it has more `;` than `,`, else `,`.
    char separator = 0;
    /// Read numbers with a decimal comma ("3,5"), as Dutch Excel writes them.
    bool decimal_comma = false;
    /// When decimal_comma is false, read a file separated by ';' with decimal commas all the same:
    /// Excel in a Dutch locale writes both. False: a decimal point in every file.
    bool infer_decimal_comma = true;
    /// Cell texts that mean "missing" (compared after trimming spaces); empty cells always do.
    std::vector<std::string> missing = {"NA", "N/A", "n.v.t."};
    /// Text encoding; automatic = detected per file (detail::decode_text).
    text_encoding encoding = text_encoding::automatic;
};

namespace detail {

/// True for the characters after which a cell's leading single quote is the mark of a cell made
/// safe for spreadsheets, not text (docs/csv.md, "Cells a spreadsheet would run"): the starts a
/// spreadsheet evaluates (`=`, `+`, `-`, `@`, tab, CR) and the quote itself. The writer puts a
/// quote before a text cell that starts with one of these (`=1+1` -> `'=1+1`, `'-x` -> `''-x`),
/// so the reader takes off exactly one quote where one follows and leaves every other cell
/// (`'s-Hertogenbosch`, `'t Hofje`) as it is.
constexpr bool spreadsheet_escaped(char c) noexcept {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

}  // namespace detail

/// A CSV file read into memory: the header and the cells, all as text.
///
/// Cells are kept in one buffer (8 bytes of index per cell), so a million-row file costs little
/// more than its own size.
class csv_table {
public:
    const std::string& file() const noexcept { return file_; }
    const std::vector<std::string>& header() const noexcept { return header_; }
    std::size_t num_rows() const noexcept { return row_line_.size(); }
    std::size_t num_columns() const noexcept { return header_.size(); }
    char separator() const noexcept { return separator_; }
    /// The encoding the file was read in (detected or given).
    text_encoding encoding() const noexcept { return encoding_; }
    const csv_options& options() const noexcept { return options_; }
    /// True when numbers are read with a decimal comma because the file is separated by ';'
    /// (csv_options::infer_decimal_comma), not because the caller asked for it.
    bool decimal_comma_inferred() const noexcept { return decimal_comma_inferred_; }

    /// The text of cell (row, column), both 0-based, without quotes.
    std::string_view cell(std::size_t row, std::size_t column) const {
        const std::size_t k = row * header_.size() + column;
        const std::uint64_t begin = k == 0 ? 0 : cell_end_[k - 1];
        return std::string_view(data_).substr(begin, cell_end_[k] - begin);
    }

    /// 1-based line of the file where data row @p row starts.
    std::size_t line(std::size_t row) const { return row_line_[row]; }

    /// Index of a column by name (exact, then case-insensitive), if present.
    std::optional<std::size_t> find_column(std::string_view name) const {
        for (std::size_t c = 0; c < header_.size(); ++c)
            if (header_[c] == name) return c;
        for (std::size_t c = 0; c < header_.size(); ++c)
            if (detail::iequals(header_[c], name)) return c;
        return std::nullopt;
    }

    /// Index of a required column; parse_error naming the columns present otherwise.
    std::size_t column(std::string_view name) const {
        if (auto c = find_column(name)) return *c;
        throw parse_error(file_, 1, 0,
                          "missing column '" + std::string(name) + "'" + detail::did_you_mean(name, header_) +
                              " (the header has: " + joined_header() + ")");
    }

    /// True when the cell is empty or one of options().missing.
    bool is_missing(std::size_t row, std::size_t column) const {
        const std::string_view text = trim(cell(row, column));
        if (text.empty()) return true;
        for (const auto& m : options_.missing)
            if (text == m) return true;
        return false;
    }

    /// The cell as a number; parse_error with line and column when it is not one.
    double number(std::size_t row, std::size_t column) const {
        std::string text(trim(cell(row, column)));
        if (options_.decimal_comma)
            for (char& ch : text)
                if (ch == ',') ch = '.';
        double value = 0;
        const char* first = text.data();
        if (!text.empty() && text[0] == '+') ++first;
        auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
        // With decimal commas a full stop is a thousands separator ("1.500" is 1500) or a decimal
        // point after all; either reading could be wrong, so neither is guessed.
        const bool stop = options_.decimal_comma && std::string_view(cell(row, column)).find('.') != std::string_view::npos;
        if (text.empty() || stop || ec != std::errc() || end != text.data() + text.size()) {
            std::string hint = !options_.decimal_comma && text.find(',') != std::string::npos
                                   ? " (a decimal comma? read the file with decimal_comma)"
                               : stop && decimal_comma_inferred_
                                   ? " (the file is separated by ';', so its numbers are read with a decimal comma, as "
                                     "Dutch Excel writes them: write 4,5 for four and a half, or read the file with "
                                     "decimal_comma=False)"
                               : stop ? " (with decimal_comma a full stop may be a thousands separator or a decimal "
                                        "point; write the number without thousands separators, with a decimal comma)"
                                      : "";
            throw error_at(row, column, "expected a number in column '" + header_[column] + "', found '" +
                                            std::string(cell(row, column)) + "'" + hint);
        }
        return value;
    }

    /// A parse_error pointing at cell (row, column); the column is reported 1-based.
    parse_error error_at(std::size_t row, std::size_t column, const std::string& what) const {
        return parse_error(file_, line(row), column + 1, what);
    }

    static std::string_view trim(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    }

private:
    friend csv_table parse_csv(std::string_view bytes, const std::string& file, const csv_options& options,
                               std::vector<parse_error>* bad_rows);

    std::string joined_header() const {
        std::string out;
        for (std::size_t c = 0; c < header_.size(); ++c) out += (c ? ", " : "") + header_[c];
        return out;
    }

    std::string file_;
    csv_options options_;
    bool decimal_comma_inferred_ = false;
    char separator_ = ',';
    text_encoding encoding_ = text_encoding::utf8;
    std::vector<std::string> header_;
    std::vector<std::size_t> header_columns_;  // 1-based character column of each header cell
    std::string data_;                     // every cell's text, one after another
    std::vector<std::uint64_t> cell_end_;  // end of each cell in data_, row-major
    std::vector<std::size_t> row_line_;    // 1-based line where each row starts
};

/// Parses CSV text (bytes in any encoding csv_options::encoding allows). @p file is used in error
/// messages only. Throws parse_error. With @p bad_rows given, a row with more or fewer fields than
/// the header is recorded there and skipped instead (for checking every row in one pass).
WIJKNET_DECL csv_table parse_csv(std::string_view bytes, const std::string& file, const csv_options& options = {},
                           std::vector<parse_error>* bad_rows = nullptr);
#if WIJKNET_BODIES
WIJKNET_DECL csv_table parse_csv(std::string_view bytes, const std::string& file, const csv_options& options,
                           std::vector<parse_error>* bad_rows) {
    detail::decoded_text decoded;
    detail::decode_text(bytes, options.encoding, file, decoded);
    const std::string_view text = decoded.text;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw parse_error(file, 1, 0, "the file is empty; expected a header line with column names");

    csv_table t;
    t.file_ = file;
    t.options_ = options;
    t.encoding_ = decoded.encoding;
    char sep = options.separator;
    if (sep == 0) {
        const std::string_view first = text.substr(0, text.find('\n'));
        std::size_t commas = 0, semicolons = 0, tabs = 0;
        for (char c : first) commas += c == ',', semicolons += c == ';', tabs += c == '\t';
        sep = tabs > std::max(commas, semicolons) ? '\t' : semicolons > commas ? ';' : ',';
    }
    t.separator_ = sep;
    if (sep == ';' && !options.decimal_comma && options.infer_decimal_comma)
        t.options_.decimal_comma = t.decimal_comma_inferred_ = true;
    t.data_.reserve(text.size());

    std::size_t pos = 0, line = 1, line_start = 0;
    std::vector<std::size_t> row_columns;  // 1-based character column where each field of this row starts
    // 1-based character column of byte p (characters, not bytes, like the JSON and XML readers),
    // counted on from the previous call so that a long line stays linear.
    std::size_t seen = 0, seen_column = 1;
    auto column_at = [&](std::size_t p) {
        if (seen < line_start || seen > p) seen = line_start, seen_column = 1;
        seen_column += detail::utf8_characters(text.substr(seen), p - seen);
        seen = p;
        return seen_column;
    };

    // Reads one record starting at pos; appends its cells to data_/cell_end_. Returns field count.
    auto read_record = [&](std::size_t& field_count) {
        field_count = 0;
        row_columns.clear();
        while (true) {
            row_columns.push_back(column_at(pos));
            const std::size_t field_begin = t.data_.size();
            if (pos < text.size() && text[pos] == '"') {
                const std::size_t quote_line = line, quote_column = column_at(pos);
                ++pos;
                while (true) {
                    if (pos >= text.size())
                        throw parse_error(file, quote_line, quote_column,
                                          "a quoted field is never closed; expected a closing '\"'");
                    const char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            t.data_.push_back('"');
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n') ++line, line_start = pos + 1;
                    t.data_.push_back(c);
                    ++pos;
                }
                if (pos < text.size() && text[pos] != sep && text[pos] != '\n' && text[pos] != '\r')
                    throw parse_error(file, line, column_at(pos),
                                      std::string("unexpected text after a closing quote; expected '") + sep +
                                          "' or the end of the line");
            } else {
                const std::size_t start = pos;
                while (pos < text.size()) {
                    const char c = text[pos];
                    if (c == sep || c == '\n' || c == '\r' || c == '"') break;
                    ++pos;
                }
                if (pos < text.size() && text[pos] == '"')
                    throw parse_error(file, line, column_at(pos),
                                      "a '\"' inside an unquoted field; quote the whole field and double the "
                                      "quote (\"\")");
                t.data_.append(text.data() + start, pos - start);  // the whole field at once
            }
            if (t.data_.size() - field_begin >= 2 && t.data_[field_begin] == '\'' &&
                detail::spreadsheet_escaped(t.data_[field_begin + 1]))
                t.data_.erase(field_begin, 1);  // the quote of a cell made safe for spreadsheets
            t.cell_end_.push_back(t.data_.size());
            if (++field_count > csv_limits::columns)
                throw parse_error(file, line, column_at(pos),
                                  "a row with more than " + std::to_string(csv_limits::columns) +
                                      " fields; at most that many columns are read");
            if (pos < text.size() && text[pos] == sep) {
                ++pos;
                continue;
            }
            if (pos < text.size() && text[pos] == '\r') ++pos;
            if (pos < text.size() && text[pos] == '\n') ++pos, ++line, line_start = pos;
            return;
        }
    };

    // Header. Names are trimmed (also of no-break spaces); empty names at the end are dropped
    // (Excel writes them for columns that once held something).
    std::size_t fields = 0;
    read_record(fields);
    for (std::size_t c = 0; c < fields; ++c) {
        std::string_view name = csv_table::trim(t.cell(0, c) /* header sits in row 0 of the buffer */);
        while (name.substr(0, 2) == "\xC2\xA0") name = csv_table::trim(name.substr(2));
        while (name.size() >= 2 && name.substr(name.size() - 2) == "\xC2\xA0")
            name = csv_table::trim(name.substr(0, name.size() - 2));
        t.header_.emplace_back(name);
    }
    // The header was parsed into the cell buffer; move it out.
    t.data_.clear();
    t.cell_end_.clear();
    t.header_columns_ = row_columns;
    while (!t.header_.empty() && t.header_.back().empty()) t.header_.pop_back(), t.header_columns_.pop_back();
    if (t.header_.empty()) throw parse_error(file, 1, 0, "the header line has no column names");
    std::unordered_set<std::string_view> names;  // a hash set: linear in the number of columns
    names.reserve(t.header_.size());
    for (std::size_t c = 0; c < t.header_.size(); ++c) {
        if (t.header_[c].empty())
            throw parse_error(file, 1, t.header_columns_[c], "column " + std::to_string(c + 1) + " has no name");
        if (!names.insert(t.header_[c]).second)
            throw parse_error(file, 1, t.header_columns_[c],
                              "column name '" + t.header_[c] + "' appears twice; column names must be unique");
    }

    const std::size_t width = t.header_.size();
    auto blank = [&](std::size_t first_cell, std::size_t count) {  // cells all empty or spaces
        for (std::size_t k = first_cell; k < first_cell + count; ++k) {
            const std::uint64_t begin = k == 0 ? 0 : t.cell_end_[k - 1];
            if (!csv_table::trim(std::string_view(t.data_).substr(begin, t.cell_end_[k] - begin)).empty()) return false;
        }
        return true;
    };
    auto drop_cells_from = [&](std::size_t first_cell) {
        t.data_.resize(first_cell == 0 ? 0 : t.cell_end_[first_cell - 1]);
        t.cell_end_.resize(first_cell);
    };
    while (pos < text.size()) {
        // Blank lines (also trailing ones) are skipped.
        if (text[pos] == '\n' || text[pos] == '\r') {
            if (text[pos] == '\r') ++pos;
            if (pos < text.size() && text[pos] == '\n') ++pos;
            ++line, line_start = pos;
            continue;
        }
        const std::size_t row_line = line;
        const std::size_t first_cell = t.cell_end_.size();
        read_record(fields);
        if (blank(first_cell, fields)) {  // ";;;;" or spaces only: an empty row
            drop_cells_from(first_cell);
            continue;
        }
        if (fields > width && blank(first_cell + width, fields - width)) {  // empty cells past the last name
            drop_cells_from(first_cell + width);
            fields = width;
        }
        if (fields != width) {
            std::size_t col = 0;
            if (fields > width) {
                std::size_t k = width;
                while (k < fields && blank(first_cell + k, 1)) ++k;
                col = row_columns[k];
            }
            parse_error e(file, row_line, col,
                          "expected " + std::to_string(width) + " fields as in the header, found " +
                              std::to_string(fields) +
                              (fields < width ? " (is the line cut short, or the separator wrong?)"
                                              : " (an unquoted separator inside a field?)"));
            if (!bad_rows) throw e;
            bad_rows->push_back(std::move(e));
            drop_cells_from(first_cell);
            continue;
        }
        t.row_line_.push_back(row_line);
    }
    return t;
}
#endif

/// Reads a CSV file; parse_error if it cannot be opened or parsed (see parse_csv for @p bad_rows).
WIJKNET_DECL csv_table read_csv(const std::string& path, const csv_options& options = {},
                          std::vector<parse_error>* bad_rows = nullptr);
#if WIJKNET_BODIES
WIJKNET_DECL csv_table read_csv(const std::string& path, const csv_options& options,
                          std::vector<parse_error>* bad_rows) {
    return parse_csv(detail::read_file(path), path, options, bad_rows);
}
#endif

}  // namespace wijknet
