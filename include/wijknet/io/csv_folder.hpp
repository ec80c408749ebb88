/// @file
/// @brief Reading an alliance from a folder of CSV files (node list, edge list, events ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/io/csv.hpp"
#include "wijknet/io/csv_folder_files.hpp"
#include "wijknet/io/csv_header.hpp"
#include "wijknet/io/incidents_csv.hpp"
#include "wijknet/io/duplicates.hpp"
#include "wijknet/io/problem.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#endif

namespace wijknet {

/// Column names the CSV readers look for. Each is also found by its Dutch names (see
/// csv_header_names and docs/csv.md: `naam`, `rol`, `bron`, `gewicht` ...), ignoring case, accents,
/// spaces, '_' and '-'. Every other column of the stakeholder, tie, event and participation files
/// becomes an attribute, unless its name is one typo away from a known column (then it is an
/// error); a column whose name ends in ":sensitive" becomes a sensitive attribute named without
/// that suffix.
struct csv_columns {
    std::string id = "id";
    std::string name = "name";
    std::string kind = "kind";
    std::string role = "role";    ///< several roles in one cell, separated by '|'
    std::string waves = "waves";  ///< waves a stakeholder takes part in, '|'-separated; empty = all
    std::string source = "source";
    std::string target = "target";
    std::string relation = "relation";
    std::string wave = "wave";
    std::string weight = "weight";
    std::string date = "date";
    std::string theme = "theme";            ///< event themes, '|'-separated
    std::string organisers = "organisers";  ///< event organisers, '|'-separated stakeholder ids
    std::string stakeholder = "stakeholder";
    std::string event = "event";
    std::string label = "label";
    std::string directed = "directed";
    std::string key = "key";
};

/// Options of read_csv_folder.
struct csv_folder_options {
    csv_options csv;
    csv_columns columns;
    /// Relation of ties whose file has no relation column.
    std::string default_relation = "collaboration";
    /// Wave of ties whose file has no wave column (declared if needed).
    std::string default_wave = "T0";
    /// What to do with a tie listed more than once (also both ways round for an undirected relation).
    duplicate_rule duplicates = duplicate_rule::merge;
};

/// The columns of each file of the folder layout ("stakeholders.csv", "ties.csv" ...), with the
/// names they answer to (looked up as detail::fold_name folds them). The table of docs/csv.md.
WIJKNET_DECL std::vector<csv_header_names> csv_known_columns(const std::string& file, const csv_columns& col = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<csv_header_names> csv_known_columns(const std::string& file, const csv_columns& col) {
    using n = std::vector<std::string>;
    if (file == "about.csv")
        return {{"key", n{col.key, "sleutel", "veld", "field"}}, {"value", n{"value", "waarde", "tekst"}}};
    if (file == "waves.csv")
        return {{"key", n{col.key, "sleutel", "code", "wave", "meting", "golf"}},
                {"label", n{col.label, "naam", "name", "omschrijving"}},
                {"date", n{col.date, "datum"}}};
    if (file == "relations.csv")
        return {{"key", n{col.key, "sleutel", "code", "relation", "relatie"}},
                {"label", n{col.label, "naam", "name", "omschrijving"}},
                {"directed", n{col.directed, "gericht"}}};
    if (file == "stakeholders.csv")
        return {{"id", n{col.id}},
                {"name", n{col.name, "naam"}},
                {"kind", n{col.kind, "soort"}},
                {"role", n{col.role, "rol", "rollen"}},
                {"waves", n{col.waves, "metingen", "golven"}}};
    if (file == "ties.csv")
        return {{"source", n{col.source, "bron", "van", "from"}},
                {"target", n{col.target, "doel", "naar", "to"}},
                {"relation", n{col.relation, "relatie"}},
                {"wave", n{col.wave, "meting", "golf"}},
                {"weight", n{col.weight, "gewicht"}}};
    if (file == "events.csv")
        return {{"id", n{col.id}},
                {"name", n{col.name, "naam"}},
                {"date", n{col.date, "datum"}},
                {"theme", n{col.theme, "themes", "thema", "themas", "thema's"}},
                {"organisers", n{col.organisers, "organizers", "organisatoren", "organisator"}}};
    if (file == "participation.csv")
        return {{"stakeholder", n{col.stakeholder, "deelnemer"}},
                {"event", n{col.event, "activiteit", "evenement", "bijeenkomst"}}};
    return {};
}
#endif

namespace detail {

/// Splits a '|'-separated cell into trimmed, non-empty parts.
inline std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> out;
    while (true) {
        const std::size_t bar = cell.find('|');
        std::string_view part = csv_table::trim(cell.substr(0, bar));
        if (!part.empty()) out.emplace_back(part);
        if (bar == std::string_view::npos) break;
        cell.remove_prefix(bar + 1);
    }
    return out;
}

/// Parses "true/false/yes/no/ja/nee/1/0" (case-insensitive).
inline std::optional<bool> parse_bool(std::string_view text) {
    for (const char* t : {"true", "yes", "ja", "waar", "1"})
        if (iequals(text, t)) return true;
    for (const char* f : {"false", "no", "nee", "onwaar", "0"})
        if (iequals(text, f)) return false;
    return std::nullopt;
}

#if WIJKNET_BODIES
/// The attribute columns of a table (all but the ones named in @p used), with their type
/// inferred from the whole column: number if every present cell is one, else boolean if every
/// present cell is true/false, else text. A column read as text although most of its cells are
/// numbers (or would be with the other decimal sign) or true/false gets a warning naming the first
/// cells that are not.
class attribute_columns {
public:
    /// @param used the header cells that are fields of the file, not attributes
    attribute_columns(const csv_table& t, const std::vector<std::size_t>& used) : table_(t) {
        for (std::size_t c = 0; c < t.num_columns(); ++c) {
            if (std::find(used.begin(), used.end(), c) != used.end()) continue;
            column col;
            col.index = c;
            col.name = t.header()[c];
            const std::string suffix = ":sensitive";
            if (col.name.size() > suffix.size() &&
                iequals(std::string_view(col.name).substr(col.name.size() - suffix.size()), suffix)) {
                col.name.resize(col.name.size() - suffix.size());
                col.sensitive = true;
            }
            col.type = infer(c);
            columns_.push_back(std::move(col));
        }
    }

    /// Columns of numbers or of yes/no read as text because of a few cells: warnings naming them.
    const std::vector<problem>& warnings() const noexcept { return warnings_; }

    /// The attributes of row @p r.
    attribute_map row(std::size_t r) const {
        attribute_map out;
        for (const auto& col : columns_) {
            attribute a;
            a.sensitive = col.sensitive;
            if (!table_.is_missing(r, col.index)) {
                const std::string_view text = csv_table::trim(table_.cell(r, col.index));
                if (col.type == kind::number) a.value = table_.number(r, col.index);
                else if (col.type == kind::boolean) a.value = *parse_bool(text);
                else a.value = std::string(table_.cell(r, col.index));
            }
            out.emplace(col.name, std::move(a));
        }
        return out;
    }

private:
    enum class kind { number, boolean, text };
    struct column {
        std::size_t index = 0;
        std::string name;
        bool sensitive = false;
        kind type = kind::text;
    };

    kind infer(std::size_t c) {
        std::size_t present = 0, numbers = 0, booleans = 0, odd = 0, other_sign = 0;
        std::vector<std::size_t> odd_rows;  // the first few cells that are neither
        for (std::size_t r = 0; r < table_.num_rows(); ++r) {
            if (table_.is_missing(r, c)) continue;
            ++present;
            const std::string_view text = csv_table::trim(table_.cell(r, c));
            bool number = true;
            try {
                table_.number(r, c);
            } catch (const parse_error&) {
                number = false;
            }
            const bool boolean = parse_bool(text).has_value();
            numbers += number, booleans += boolean;
            if (number || boolean) continue;
            ++odd;
            if (odd_rows.size() < 3) odd_rows.push_back(r);
            other_sign += other_decimal_sign(text);
            if (odd > 8 && odd > numbers + booleans) return kind::text;  // a text column: no need to read on
        }
        if (present == 0) return kind::text;
        // "0"/"1" columns read as numbers: a count is likelier than a yes/no coded as digits.
        if (numbers == present) return kind::number;
        if (booleans == present) return kind::boolean;
        // Most cells numbers (also with the other decimal sign) or yes/no: the others are likely mistakes.
        if (2 * (numbers + other_sign) > present || 2 * booleans > present)
            note_odd_cells(c, present, numbers + other_sign >= booleans, odd, other_sign, odd_rows);
        return kind::text;
    }

    /// Whether a cell that is no number would be one with the other decimal sign ("4.5" in a file
    /// read with decimal commas, "4,5" in one read with decimal points).
    bool other_decimal_sign(std::string_view text) const {
        const char sign = table_.options().decimal_comma ? '.' : ',', other = sign == '.' ? ',' : '.';
        if (text.find(sign) == std::string_view::npos || text.find(other) != std::string_view::npos) return false;
        std::string plain(text);
        for (char& ch : plain)
            if (ch == sign) ch = '.';
        double value = 0;
        auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
        return ec == std::errc() && end == plain.data() + plain.size();
    }

    /// A warning: a column of numbers (or yes/no) is read as text because of a few cells.
    void note_odd_cells(std::size_t c, std::size_t present, bool numeric, std::size_t odd, std::size_t other_sign,
                        const std::vector<std::size_t>& rows) {
        std::string cells, cells_nl;
        for (std::size_t r : rows) {
            const std::string quoted = "'" + std::string(csv_table::trim(table_.cell(r, c))) + "'";
            cells += (cells.empty() ? "" : ", ") + ("line " + std::to_string(table_.line(r)) + ": " + quoted);
            cells_nl += (cells_nl.empty() ? "" : ", ") + ("regel " + std::to_string(table_.line(r)) + ": " + quoted);
        }
        const std::string name = table_.header()[c], n = std::to_string(odd), of = std::to_string(present);
        problem p;
        p.file = table_.file(), p.line = table_.line(rows.front()), p.column = c + 1, p.level = severity::warning;
        p.message = "column '" + name + "' is read as text: " + n + " of its " + of + " values are not " +
                    (numeric ? "numbers" : "true or false") + " (" + cells + ")";
        p.message_nl = "kolom '" + name + "' wordt als tekst gelezen: " + n + " van de " + of + " waarden zijn geen " +
                       (numeric ? "getal" : "ja of nee") + " (" + cells_nl + ")";
        if (numeric && other_sign && table_.decimal_comma_inferred()) {
            p.suggestion = "the file is separated by ';', so its numbers are read with a decimal comma: write 4,5 for "
                           "four and a half, or read the file with decimal_comma=False";
            p.suggestion_nl = "het bestand is gescheiden door ';', dus worden de getallen gelezen met een decimale "
                              "komma: schrijf 4,5 voor vier en een half, of lees het bestand met decimal_comma=False";
        } else if (numeric && other_sign) {
            p.suggestion = table_.options().decimal_comma
                               ? "numbers are read with a decimal comma: write 4,5, or read the file without decimal_comma"
                               : "a decimal comma? read the file with decimal_comma";
            p.suggestion_nl = table_.options().decimal_comma
                                  ? "getallen worden gelezen met een decimale komma: schrijf 4,5, of lees het bestand zonder decimal_comma"
                                  : "een decimale komma? lees het bestand met decimal_comma=True";
        } else {
            p.suggestion = "correct those cells (empty, or NA, where the value is not known) to read the column as " +
                           std::string(numeric ? "numbers" : "true or false");
            p.suggestion_nl = "verbeter die cellen (leeg, of NA, waar de waarde niet bekend is) om de kolom als " +
                              std::string(numeric ? "getallen" : "ja of nee") + " te lezen";
        }
        warnings_.push_back(std::move(p));
    }

    const csv_table& table_;
    std::vector<column> columns_;
    std::vector<problem> warnings_;
};

/// Runs @p f; a wijknet::error it throws becomes a parse_error at (row, column) of @p t.
template <class F>
auto at_cell(const csv_table& t, std::size_t row, std::size_t column, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const parse_error&) {
        throw;
    } catch (const error& e) {
        throw t.error_at(row, column, e.what());
    }
}

inline std::string cell_or(const csv_table& t, std::size_t row, std::optional<std::size_t> column) {
    if (!column || t.is_missing(row, *column)) return {};
    return std::string(csv_table::trim(t.cell(row, *column)));
}



/// Reads the folder layout: in strict mode (every error thrown at once) for read_csv_folder, in
/// collecting mode (every problem recorded, the offending row or file skipped) for
/// check_csv_folder. One reader serves both, so they accept and reject the same.
class csv_folder_reader {
public:
    csv_folder_reader(const csv_folder_options& options, bool collect) : options_(options), collect_(collect) {}

    const std::vector<problem>& problems() const noexcept { return problems_; }

    alliance read(const std::string& folder) {
        namespace fs = std::filesystem;
        alliance a;
        if (!fs::is_directory(folder)) {
            report(problem_at(folder, 0, 0, "not a folder; expected a folder holding stakeholders.csv",
                              "geen map; verwacht een map met stakeholders.csv"));
            return a;
        }
        folder_ = folder;
        listing_ = list_csv_folder(folder);
        for (const auto& p : listing_.problems) report(p);
        about(a);
        waves(a);
        relations(a);
        const bool people = stakeholders(a);
        ties(a, people);
        events(a, people);
        participation(a, people);
        if (collect_) note_alike();
        return a;
    }

    /// True when the row of stakeholder @p id was refused (collecting mode): what names it is not
    /// reported again.
    bool failed(std::string_view id) const {
        return failed_ids_.count(std::string(id)) > 0;
    }

private:
    // ------------------------------------------------------------ recording problems

    static problem problem_at(const std::string& file, std::size_t line, std::size_t column, std::string en,
                              std::string nl, severity level = severity::error) {
        problem p;
        p.file = file, p.line = line, p.column = column, p.level = level;
        p.message = std::move(en), p.message_nl = std::move(nl);
        return p;
    }

    /// An error is thrown in strict mode; everything else is recorded.
    void report(problem p) {
        detail::stop_at_error(p, !collect_);
        record(std::move(p));
    }

    /// Records a problem; of problems alike (same file, column and message but for the quoted
    /// values) only the first few are kept, and note_alike adds how many more there were.
    void record(problem p) {
        std::string shape = p.file + "\n" + std::to_string(p.column) + "\n";
        bool quoted = false;
        for (char c : p.message) {
            if (c == '\'') quoted = !quoted;
            else if (!quoted) shape += c;
        }
        auto& [count, last] = alike_[shape];
        if (++count > most_alike) return;
        last = problems_.size();
        problems_.push_back(std::move(p));
    }

    /// After the last shown problem of each run alike, a note "and 28 more rows like the one above".
    void note_alike() {
        std::vector<std::pair<std::size_t, std::size_t>> notes;  // (index of the last shown, how many more)
        for (const auto& [shape, seen] : alike_)
            if (seen.first > most_alike) notes.emplace_back(seen.second, seen.first - most_alike);
        std::sort(notes.rbegin(), notes.rend());  // from the back, so earlier indices stay valid
        for (const auto& [after, more] : notes) {
            problem p = problems_[after];
            const std::string n = std::to_string(more);
            p.message = "and " + n + " more row" + (more == 1 ? "" : "s") + " like the one above";
            p.message_nl = "en nog " + n + (more == 1 ? " rij" : " rijen") + " zoals hierboven";
            p.suggestion.clear(), p.suggestion_nl.clear();
            p.level = severity::note;  // a line of the list, not one more problem
            p.more = more;
            problems_.insert(problems_.begin() + static_cast<std::ptrdiff_t>(after) + 1, std::move(p));
        }
    }

    /// Runs @p f; in collecting mode an error it throws is recorded and false returned.
    template <class F>
    bool guard(F&& f) {
        try {
            f();
            return true;
        } catch (const parse_error& e) {
            if (!collect_) throw;
            record(to_problem(e));
        } catch (const skip_row&) {
        }
        return false;
    }

    // ------------------------------------------------------------ files and columns

    /// The file of the layout name @p name: as the folder names it (relaties.csv, Stakeholders.CSV ...),
    /// or under @p name when the folder lacks it.
    std::string path(const char* name) const {
        const std::string found = listing_.find(name);
        return found.empty() ? (std::filesystem::path(folder_) / name).string() : found;
    }

    /// The table of @p name with its known columns located; nullopt when the file is absent (and
    /// optional) or cannot be read (the problem reported). Rows with the wrong number of fields
    /// are reported and skipped in collecting mode.
    std::optional<std::pair<csv_table, column_positions>> table(const char* name, bool required) {
        if (!required && listing_.find(name).empty()) return std::nullopt;
        std::optional<std::pair<csv_table, column_positions>> out;
        guard([&] {
            std::vector<parse_error> bad_rows;
            csv_table t = read_csv(path(name), options_.csv, collect_ ? &bad_rows : nullptr);
            for (const auto& e : bad_rows) record(to_problem(e));
            column_positions at = match_header(t, csv_known_columns(name, options_.columns),
                                               [&](problem p) { report(std::move(p)); });
            out.emplace(std::move(t), std::move(at));
        });
        return out;
    }

    /// The position of a required column; a problem naming its other names and the header otherwise.
    std::optional<std::size_t> require(const csv_table& t, const column_positions& at, const char* file,
                                       std::size_t k) {
        if (at.at[k]) return at.at[k];
        const auto known = csv_known_columns(file, options_.columns)[k];
        std::string header;
        for (const auto& h : t.header()) header += (header.empty() ? "" : ", ") + h;
        std::string others;
        for (std::size_t i = 1; i < known.names.size(); ++i) others += (i == 1 ? "" : ", ") + ("'" + known.names[i] + "'");
        problem p = problem_at(t.file(), 1, 0, "missing column '" + known.names[0] + "'",
                               "kolom '" + known.names[0] + "' ontbreekt");
        const auto near = detail::closest(known.names[0], t.header());
        p.suggestion = near.empty() ? "the header has: " + header
                                    : "did you mean " + detail::join_or(near) + "? (the header has: " + header + ")";
        p.suggestion_nl = near.empty() ? "de kopregel heeft: " + header
                                       : "bedoelt u " + dutch(detail::join_or(near)) + "? (de kopregel heeft: " + header + ")";
        if (!others.empty()) {
            p.message += " (or " + others + ")";
            p.message_nl = "kolom '" + known.names[0] + "' (of " + others + ") ontbreekt";
        }
        report(std::move(p));
        return std::nullopt;
    }

    // ------------------------------------------------------------ the files

    void about(alliance& a) {
        auto loaded = table("about.csv", false);
        if (!loaded) return;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto key = require(t, at, "about.csv", 0), value = require(t, at, "about.csv", 1);
        if (!key || !value) return;
        for (std::size_t r = 0; r < t.num_rows(); ++r)
            guard([&] {
                detail::at_cell(t, r, *key, [&] {
                    a.set_about(std::string(csv_table::trim(t.cell(r, *key))),
                                std::string(csv_table::trim(t.cell(r, *value))));
                });
            });
    }

    void waves(alliance& a) {
        auto loaded = table("waves.csv", false);
        if (!loaded) return;
        has_wave_file_ = true;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto key = require(t, at, "waves.csv", 0);
        if (!key) return;
        for (std::size_t r = 0; r < t.num_rows(); ++r)
            guard([&] {
                const std::string date = detail::cell_or(t, r, at.at[2]);
                const bool bad_date = !date.empty() && !parse_date_time(date);
                detail::at_cell(t, r, bad_date ? *at.at[2] : *key, [&] {
                    a.add_wave({std::string(csv_table::trim(t.cell(r, *key))), detail::cell_or(t, r, at.at[1]), date});
                });
            });
    }

    void relations(alliance& a) {
        auto loaded = table("relations.csv", false);
        if (!loaded) return;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto key = require(t, at, "relations.csv", 0), directed = require(t, at, "relations.csv", 2);
        if (!key || !directed) return;
        for (std::size_t r = 0; r < t.num_rows(); ++r)
            guard([&] {
                auto dir = detail::parse_bool(csv_table::trim(t.cell(r, *directed)));
                if (!dir) throw t.error_at(r, *directed, "expected true or false in column '" + t.header()[*directed] + "'");
                relation rel{std::string(csv_table::trim(t.cell(r, *key))), detail::cell_or(t, r, at.at[1]), *dir};
                if (auto existing = a.find_relation(rel.key)) {
                    if (a.relations()[*existing].directed != rel.directed)
                        throw t.error_at(r, *directed,
                                         "relation '" + rel.key + "' is built in as " +
                                             (rel.directed ? "undirected" : "directed") +
                                             "; give it another key to declare it the other way");
                    return;
                }
                detail::at_cell(t, r, *key, [&] { a.add_relation(rel); });
            });
    }

    /// False when the stakeholder table could not be read at all (then the files that refer to
    /// stakeholders are only checked as tables).
    bool stakeholders(alliance& a) {
        auto loaded = table("stakeholders.csv", true);
        if (!loaded) return false;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto id = require(t, at, "stakeholders.csv", 0);
        if (!id) return false;
        const auto name = at.at[1], kind = at.at[2], role = at.at[3], waves = at.at[4];
        const detail::attribute_columns attributes = attributes_of(t, at);
        std::size_t roles_read = 0;
        std::unordered_map<std::string, std::size_t> folded;  // fold_id of each id read -> its row
        for (std::size_t r = 0; r < t.num_rows(); ++r) {
            const bool ok = guard([&] {
                stakeholder s;
                s.id = std::string(csv_table::trim(t.cell(r, *id)));
                s.name = detail::cell_or(t, r, name);
                if (kind && !t.is_missing(r, *kind))
                    s.kind = detail::at_cell(t, r, *kind, [&] { return parse_stakeholder_kind(csv_table::trim(t.cell(r, *kind))); });
                if (role) s.roles = detail::split_list(t.cell(r, *role));
                if (waves) s.waves = detail::split_list(t.cell(r, *waves));
                s.attributes = attributes.row(r);
                const std::size_t blame = s.id.empty() || a.find_stakeholder(s.id) ? *id
                                          : role && !s.roles.empty()             ? *role
                                                                                 : *id;
                const std::size_t held = s.roles.size();
                try {
                    a.add_stakeholder(std::move(s));
                } catch (const unknown_id_error& e) {
                    // An unknown wave is in the waves column, an unknown role in the role column.
                    const bool about_wave = std::string(e.what()).find("unknown wave") != std::string::npos;
                    throw t.error_at(r, about_wave && waves ? *waves : blame, e.what());
                } catch (const error& e) {
                    throw t.error_at(r, blame, e.what());
                }
                roles_read += held;
                note_near_duplicate(t, r, *id, folded);
            });
            if (!ok) failed_ids_.emplace(csv_table::trim(t.cell(r, *id)));
        }
        if (t.num_rows() > 0 && roles_read == 0 && (!role || failed_ids_.empty())) {
            std::string header;
            for (const auto& h : t.header()) header += (header.empty() ? "" : ", ") + h;
            const auto names = csv_known_columns("stakeholders.csv", options_.columns)[3].names;
            problem p;
            p.file = t.file(), p.line = 1, p.level = severity::warning;
            if (role) {
                p.column = *role + 1;
                p.message = "no roles were read: column '" + t.header()[*role] + "' is empty in every row";
                p.message_nl = "er zijn geen rollen gelezen: kolom '" + t.header()[*role] + "' is in elke rij leeg";
                p.suggestion = "fill in the roles (keys such as 'wijkagent' or labels), several separated by '|'";
                p.suggestion_nl = "vul de rollen in (sleutels zoals 'wijkagent' of namen), meerdere gescheiden door '|'";
            } else {
                p.message = "no roles were read: the table has no role column";
                p.message_nl = "er zijn geen rollen gelezen: de tabel heeft geen kolom met rollen";
                p.suggestion = "is the column named '" + names[0] + "' or '" + names[1] + "'? (the header has: " + header + ")";
                p.suggestion_nl = "heet de kolom '" + names[0] + "' of '" + names[1] + "'? (de kopregel heeft: " + header + ")";
            }
            report(std::move(p));
        }
        return true;
    }

    /// Ids are kept as written (no Unicode normalisation); an id that differs from an earlier one
    /// only in capitals, accents or Unicode form (NFC/NFD: detail::fold_id) is a warning at its row.
    void note_near_duplicate(const csv_table& t, std::size_t r, std::size_t id,
                             std::unordered_map<std::string, std::size_t>& folded) {
        const auto [at, fresh] = folded.emplace(detail::fold_id(csv_table::trim(t.cell(r, id))), r);
        if (fresh) return;
        const std::string first(csv_table::trim(t.cell(at->second, id))), now(csv_table::trim(t.cell(r, id)));
        const std::string line = std::to_string(t.line(at->second));
        // Worded so that it stays true with display names for the ids (problem::stakeholders).
        problem p = problem_at(t.file(), t.line(r), id + 1,
                               "the id of stakeholder '" + now + "' differs from that of '" + first + "' (line " +
                                   line + ") only in capitals, accents or Unicode form",
                               "de id van stakeholder '" + now + "' verschilt van die van '" + first + "' (regel " +
                                   line + ") alleen in hoofdletters, accenten of Unicode-vorm",
                               severity::warning);
        p.suggestion = "if they are one stakeholder, write the id the same way everywhere";
        p.suggestion_nl = "is het één stakeholder, schrijf de id dan overal hetzelfde";
        p.stakeholders = {now, first};
        report(std::move(p));
    }


    void ties(alliance& a, bool people) {
        auto loaded = table("ties.csv", false);
        if (!loaded) return;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto source = require(t, at, "ties.csv", 0), target = require(t, at, "ties.csv", 1);
        if (!source || !target || !people) return;
        const auto relation = at.at[2], wave = at.at[3], weight = at.at[4];
        if (!wave && has_wave_file_ && a.waves().size() >= 2 && t.num_rows() > 0) {
            // Every tie would silently be a tie of one wave; the waves' comparison then says
            // everything changed.
            std::string header;
            for (const auto& h : t.header()) header += (header.empty() ? "" : ", ") + h;
            problem p;
            p.file = t.file(), p.line = 1, p.level = severity::warning;
            const std::string ties_file = std::filesystem::path(t.file()).filename().string();
            const std::string waves_file = std::filesystem::path(path("waves.csv")).filename().string();
            p.message = ties_file + " has no wave column, and " + waves_file + " declares " +
                        std::to_string(a.waves().size()) + " waves: every tie is put in wave '" + options_.default_wave + "'";
            p.suggestion = "add a column 'wave' (or 'meting') naming the wave of each tie (the header has: " + header + ")";
            p.message_nl = ties_file + " heeft geen kolom met de meting, en " + waves_file + " noemt " +
                           std::to_string(a.waves().size()) + " metingen: elke relatie komt in meting '" +
                           options_.default_wave + "'";
            p.suggestion_nl = "voeg een kolom 'meting' (of 'wave') toe met de meting van elke relatie (de kopregel heeft: " +
                              header + ")";
            report(std::move(p));
        }
        const detail::attribute_columns attributes = attributes_of(t, at);
        a.reserve_ties(a.num_ties() + t.num_rows());
        tie_listings listings(a, options_.duplicates);
        // Look-ups of a million ids wait mostly on memory: fetch the index slots 16 rows ahead and
        // the records they point to 4 rows ahead.
        auto prefetch = [&](std::size_t row, bool record) {
            if (row >= t.num_rows()) return;
            a.prefetch_stakeholder(csv_table::trim(t.cell(row, *source)), record);
            a.prefetch_stakeholder(csv_table::trim(t.cell(row, *target)), record);
        };
        std::optional<std::pair<std::string, std::size_t>> last_relation, last_wave;
        for (std::size_t r = 0; r < t.num_rows(); ++r) {
            prefetch(r + 16, false);
            prefetch(r + 4, true);
            guard([&] {
                tie x;
                for (auto [end, column] : {std::pair{&x.source, *source}, std::pair{&x.target, *target}}) {
                    const std::string_view id = csv_table::trim(t.cell(r, column));
                    if (collect_ && failed(id)) throw skip_row{};  // its own row was reported already
                    *end = detail::at_cell(t, r, column, [&] { return a.stakeholder_index(id); });
                }
                // Relation and wave usually repeat from row to row: resolve a text only when it changes.
                const std::string_view rel = relation ? (t.is_missing(r, *relation) ? std::string_view()
                                                                                   : csv_table::trim(t.cell(r, *relation)))
                                                      : std::string_view(options_.default_relation);
                if (!last_relation || rel != last_relation->first) {
                    last_relation.reset();
                    last_relation.emplace(std::string(rel), detail::at_cell(t, r, relation.value_or(*source), [&] {
                                              return a.relation_index(rel);
                                          }));
                }
                x.relation = static_cast<std::uint16_t>(last_relation->second);
                const std::string_view w = wave ? (t.is_missing(r, *wave) ? std::string_view()
                                                                         : csv_table::trim(t.cell(r, *wave)))
                                                : std::string_view(options_.default_wave);
                if (!last_wave || w != last_wave->first) {
                    last_wave.reset();
                    if (!a.find_wave(w) && !w.empty() && !has_wave_file_) a.add_wave({std::string(w), std::string(w), ""});
                    last_wave.emplace(std::string(w), detail::at_cell(t, r, wave.value_or(*source), [&] { return a.wave_index(w); }));
                }
                x.wave = static_cast<std::uint16_t>(last_wave->second);
                if (weight && !t.is_missing(r, *weight)) x.weight = t.number(r, *weight);
                x.attributes = attributes.row(r);
                std::optional<duplicate_conflict> conflict;
                detail::at_cell(t, r, *source, [&] { conflict = listings.add(std::move(x), t.line(r)); });
                if (!conflict) return;
                std::size_t column = *source;  // a repeat as such
                if (!conflict->attribute.empty()) {
                    for (std::size_t c = 0; c < t.num_columns(); ++c)
                        if (t.header()[c] == conflict->attribute || t.header()[c] == conflict->attribute + ":sensitive")
                            column = c;
                } else if (options_.duplicates == duplicate_rule::merge && weight) {
                    column = *weight;
                }
                problem p = problem_at(t.file(), t.line(r), column + 1, conflict->message, conflict->message_nl);
                p.suggestion = conflict->suggestion, p.suggestion_nl = conflict->suggestion_nl;
                report(std::move(p));
            });
        }
        listings.finish();
    }

    struct skip_row {};

    /// The attribute columns of a table, their warnings reported.
    detail::attribute_columns attributes_of(const csv_table& t, const column_positions& at) {
        detail::attribute_columns attributes(t, at.used);
        for (const auto& p : attributes.warnings()) report(p);
        return attributes;
    }

    void events(alliance& a, bool people) {
        auto loaded = table("events.csv", false);
        if (!loaded) return;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto id = require(t, at, "events.csv", 0);
        if (!id || !people) return;
        const auto name = at.at[1], date = at.at[2], theme = at.at[3], organisers = at.at[4];
        const detail::attribute_columns attributes = attributes_of(t, at);
        for (std::size_t r = 0; r < t.num_rows(); ++r)
            if (!guard([&] {
                event e;
                e.id = std::string(csv_table::trim(t.cell(r, *id)));
                e.name = detail::cell_or(t, r, name);
                e.date = detail::cell_or(t, r, date);
                if (theme) e.themes = detail::split_list(t.cell(r, *theme));
                if (organisers) e.organisers = detail::split_list(t.cell(r, *organisers));
                if (collect_)
                    for (const auto& o : e.organisers)
                        if (failed(o)) throw skip_row{};
                e.attributes = attributes.row(r);
                const bool bad_id = e.id.empty() || a.find_event(e.id);
                const bool bad_theme = std::any_of(e.themes.begin(), e.themes.end(),
                                                   [&](const std::string& x) { return !a.themes().contains(x); });
                const bool bad_date = !e.date.empty() && !parse_date_time(e.date);
                const std::size_t blame = bad_id      ? *id
                                          : bad_date  ? *date
                                          : bad_theme ? *theme
                                                      : organisers.value_or(*id);
                detail::at_cell(t, r, blame, [&] { a.add_event(std::move(e)); });
            }))
                failed_events_.emplace(csv_table::trim(t.cell(r, *id)));
    }

    void participation(alliance& a, bool people) {
        auto loaded = table("participation.csv", false);
        if (!loaded) return;
        const csv_table& t = loaded->first;  // no structured binding: C++17 lambdas cannot capture one
        const column_positions& at = loaded->second;
        auto who = require(t, at, "participation.csv", 0), what = require(t, at, "participation.csv", 1);
        if (!who || !what || !people) return;
        const detail::attribute_columns attributes = attributes_of(t, at);
        for (std::size_t r = 0; r < t.num_rows(); ++r)
            guard([&] {
                const std::string s(csv_table::trim(t.cell(r, *who))), e(csv_table::trim(t.cell(r, *what)));
                if (collect_ && (failed(s) || failed_events_.count(e) > 0)) throw skip_row{};
                const std::size_t blame = a.find_stakeholder(s) ? *what : *who;
                detail::at_cell(t, r, blame, [&] { a.add_participation(s, e, attributes.row(r)); });
            });
    }

    const csv_folder_options& options_;
    bool collect_;
    std::string folder_;
    csv_folder_listing listing_;
    bool has_wave_file_ = false;
    // Stakeholders and events whose row failed (collecting mode); hash sets, so that checking
    // every later row against them stays linear.
    std::unordered_set<std::string> failed_ids_;
    std::unordered_set<std::string> failed_events_;
    std::vector<problem> problems_;
    static constexpr std::size_t most_alike = 3;  // problems alike shown before a note says how many more
    std::map<std::string, std::pair<std::size_t, std::size_t>> alike_;  // shape -> (how many, index of the last shown)
};
#endif  // WIJKNET_BODIES

}  // namespace detail

/// Reads an alliance from a folder holding (column names in English or Dutch, see
/// csv_known_columns and docs/csv.md):
/// - `stakeholders.csv` (required): id, name, kind, role, waves, then attribute columns;
/// - `waves.csv` (optional): key, label, date; without it, waves are declared in the order the
///   ties name them;
/// - `relations.csv` (optional): key, label, directed (true/false); relations not built in are
///   declared, built-in ones must agree on direction;
/// - `ties.csv` (optional): source, target, relation, wave, weight, then attribute columns; a tie
///   listed more than once is treated as options.duplicates says;
/// - `events.csv` (optional): id, name, date, theme, organisers, then attribute columns;
/// - `participation.csv` (optional): stakeholder, event, then attribute columns;
/// - `incidents.csv` and `incident_steps.csv` (optional): the incident log, see read_incidents_csv.
///
/// Throws parse_error naming the file, line and column of the first error; nothing is returned
/// half-built. Warnings (a stakeholder table from which no role was read) are appended to
/// @p warnings when given. O(size of the files).
WIJKNET_DECL alliance read_csv_folder(const std::string& folder, const csv_folder_options& options,
                                std::vector<problem>* warnings);
#if WIJKNET_BODIES
WIJKNET_DECL alliance read_csv_folder(const std::string& folder, const csv_folder_options& options,
                                std::vector<problem>* warnings) {
    detail::csv_folder_reader reader(options, false);
    alliance a = reader.read(folder);
    std::vector<problem> found = reader.problems();
    read_incidents_csv(a, folder, options.csv, &found);
    if (warnings) warnings->insert(warnings->end(), found.begin(), found.end());
    return a;
}
#endif

/// As above, without the warnings.
WIJKNET_DECL alliance read_csv_folder(const std::string& folder, const csv_folder_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance read_csv_folder(const std::string& folder, const csv_folder_options& options) {
    return read_csv_folder(folder, options, nullptr);
}
#endif

/// Every problem of a folder of CSV files in one pass: errors (what read_csv_folder would stop
/// at, and what it would find after that) and warnings, in file order (waves, relations,
/// stakeholders, ties, events, participation, incidents, incident_steps), each with file, line,
/// column, an English and a Dutch message and a suggestion. A row with an error is skipped and the
/// check goes on; rows that only fail because of an earlier one (a tie to a stakeholder whose own
/// row was wrong) are not reported again. Empty when the folder reads cleanly. O(size of the files).
WIJKNET_DECL std::vector<problem> check_csv_folder(const std::string& folder, const csv_folder_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<problem> check_csv_folder(const std::string& folder, const csv_folder_options& options) {
    detail::csv_folder_reader reader(options, true);
    alliance a = reader.read(folder);
    std::vector<problem> problems = reader.problems();
    // The incident log last: a step naming a stakeholder whose own row was refused (or a folder
    // whose stakeholders.csv could not be read) is not reported again.
    detail::read_incidents_csv(a, folder, options.csv, &problems, [&](std::string_view id) {
        return reader.failed(id) || a.num_stakeholders() == 0;
    });
    return problems;
}
#endif

}  // namespace wijknet
