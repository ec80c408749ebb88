/// @file
/// @brief Reading an alliance from a folder of CSV files (node list, edge list, events ...).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wijknet/io/csv.hpp"
#include "wijknet/io/incidents_csv.hpp"
#include "wijknet/model/alliance.hpp"

namespace wijknet {

/// Column names the CSV readers look for. Every other column of the stakeholder, tie, event and
/// participation files becomes an attribute; a column whose name ends in ":sensitive" becomes a
/// sensitive attribute named without that suffix.
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
};

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

/// The attribute columns of a table (all but the ones named in @p used), with their type
/// inferred from the whole column: number if every present cell is one, else boolean if every
/// present cell is true/false, else text.
class attribute_columns {
public:
    attribute_columns(const csv_table& t, const std::vector<std::string>& used) : table_(t) {
        for (std::size_t c = 0; c < t.num_columns(); ++c) {
            if (std::find(used.begin(), used.end(), t.header()[c]) != used.end()) continue;
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

    kind infer(std::size_t c) const {
        bool number = true, boolean = true, any = false;
        for (std::size_t r = 0; r < table_.num_rows() && (number || boolean); ++r) {
            if (table_.is_missing(r, c)) continue;
            any = true;
            const std::string_view text = csv_table::trim(table_.cell(r, c));
            if (number) {
                try {
                    table_.number(r, c);
                } catch (const parse_error&) {
                    number = false;
                }
            }
            if (boolean && !parse_bool(text)) boolean = false;
        }
        if (!any) return kind::text;
        // "0"/"1" columns read as numbers: a count is likelier than a yes/no coded as digits.
        return number ? kind::number : boolean ? kind::boolean : kind::text;
    }

    const csv_table& table_;
    std::vector<column> columns_;
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

}  // namespace detail

/// Reads an alliance from a folder holding:
/// - `stakeholders.csv` (required): id, name, kind, role, waves, then attribute columns;
/// - `waves.csv` (optional): key, label, date; without it, waves are declared in the order the
///   ties name them;
/// - `relations.csv` (optional): key, label, directed (true/false); relations not built in are
///   declared, built-in ones must agree on direction;
/// - `ties.csv` (optional): source, target, relation, wave, weight, then attribute columns;
/// - `events.csv` (optional): id, name, date, theme, organisers, then attribute columns;
/// - `participation.csv` (optional): stakeholder, event, then attribute columns;
/// - `incidents.csv` and `incident_steps.csv` (optional): the incident log, see read_incidents_csv.
///
/// Throws parse_error naming the file, line and column of the first problem; nothing is
/// returned half-built. O(size of the files).
inline alliance read_csv_folder(const std::string& folder, const csv_folder_options& options = {}) {
    namespace fs = std::filesystem;
    const csv_columns& col = options.columns;
    if (!fs::is_directory(folder))
        throw parse_error(folder, 0, 0, "not a folder; expected a folder holding stakeholders.csv");
    auto path = [&](const char* name) { return (fs::path(folder) / name).string(); };
    auto optional_table = [&](const char* name) -> std::optional<csv_table> {
        if (!fs::exists(path(name))) return std::nullopt;
        return read_csv(path(name), options.csv);
    };

    alliance a;

    if (auto t = optional_table("waves.csv")) {
        const std::size_t key = t->column(col.key);
        auto label = t->find_column(col.label), date = t->find_column(col.date);
        for (std::size_t r = 0; r < t->num_rows(); ++r)
            detail::at_cell(*t, r, key, [&] {
                a.add_wave({std::string(csv_table::trim(t->cell(r, key))), detail::cell_or(*t, r, label),
                            detail::cell_or(*t, r, date)});
            });
    }

    if (auto t = optional_table("relations.csv")) {
        const std::size_t key = t->column(col.key);
        const std::size_t directed = t->column(col.directed);
        auto label = t->find_column(col.label);
        for (std::size_t r = 0; r < t->num_rows(); ++r) {
            auto dir = detail::parse_bool(csv_table::trim(t->cell(r, directed)));
            if (!dir) throw t->error_at(r, directed, "expected true or false in column 'directed'");
            relation rel{std::string(csv_table::trim(t->cell(r, key))), detail::cell_or(*t, r, label), *dir};
            if (auto existing = a.find_relation(rel.key)) {
                if (a.relations()[*existing].directed != rel.directed)
                    throw t->error_at(r, directed,
                                      "relation '" + rel.key + "' is built in as " +
                                          (rel.directed ? "undirected" : "directed") +
                                          "; give it another key to declare it the other way");
                continue;
            }
            detail::at_cell(*t, r, key, [&] { a.add_relation(rel); });
        }
    }

    {
        const csv_table t = read_csv(path("stakeholders.csv"), options.csv);
        const std::size_t id = t.column(col.id);
        auto name = t.find_column(col.name), kind = t.find_column(col.kind), role = t.find_column(col.role),
             waves = t.find_column(col.waves);
        detail::attribute_columns attributes(t, {col.id, col.name, col.kind, col.role, col.waves});
        for (std::size_t r = 0; r < t.num_rows(); ++r) {
            stakeholder s;
            s.id = std::string(csv_table::trim(t.cell(r, id)));
            s.name = detail::cell_or(t, r, name);
            if (kind && !t.is_missing(r, *kind))
                s.kind = detail::at_cell(t, r, *kind, [&] { return parse_stakeholder_kind(csv_table::trim(t.cell(r, *kind))); });
            if (role) s.roles = detail::split_list(t.cell(r, *role));
            if (waves) s.waves = detail::split_list(t.cell(r, *waves));
            s.attributes = attributes.row(r);
            const std::size_t blame = s.id.empty() || a.find_stakeholder(s.id) ? id
                                      : role && !s.roles.empty()             ? *role
                                                                             : id;
            try {
                a.add_stakeholder(std::move(s));
            } catch (const unknown_id_error& e) {
                // An unknown wave is in the waves column, an unknown role in the role column.
                const bool about_wave = std::string(e.what()).find("unknown wave") != std::string::npos;
                throw t.error_at(r, about_wave && waves ? *waves : blame, e.what());
            } catch (const error& e) {
                throw t.error_at(r, blame, e.what());
            }
        }
    }

    if (auto t = optional_table("ties.csv")) {
        const std::size_t source = t->column(col.source), target = t->column(col.target);
        auto relation = t->find_column(col.relation), wave = t->find_column(col.wave),
             weight = t->find_column(col.weight);
        detail::attribute_columns attributes(*t, {col.source, col.target, col.relation, col.wave, col.weight});
        a.reserve_ties(a.num_ties() + t->num_rows());
        // Look-ups of a million ids wait mostly on memory: fetch the index slots 16 rows ahead and
        // the records they point to 4 rows ahead.
        auto prefetch = [&](std::size_t row, bool record) {
            if (row >= t->num_rows()) return;
            a.prefetch_stakeholder(csv_table::trim(t->cell(row, source)), record);
            a.prefetch_stakeholder(csv_table::trim(t->cell(row, target)), record);
        };
        std::optional<std::pair<std::string, std::size_t>> last_relation, last_wave;
        const bool has_wave_file = fs::exists(path("waves.csv"));
        for (std::size_t r = 0; r < t->num_rows(); ++r) {
            prefetch(r + 16, false);
            prefetch(r + 4, true);
            tie x;
            x.source = detail::at_cell(*t, r, source, [&] { return a.stakeholder_index(csv_table::trim(t->cell(r, source))); });
            x.target = detail::at_cell(*t, r, target, [&] { return a.stakeholder_index(csv_table::trim(t->cell(r, target))); });
            // Relation and wave usually repeat from row to row: resolve a text only when it changes.
            const std::string_view rel = relation ? (t->is_missing(r, *relation) ? std::string_view()
                                                                                 : csv_table::trim(t->cell(r, *relation)))
                                                  : std::string_view(options.default_relation);
            if (!last_relation || rel != last_relation->first)
                last_relation.emplace(std::string(rel), detail::at_cell(*t, r, relation.value_or(source), [&] {
                                          return a.relation_index(rel);
                                      }));
            x.relation = static_cast<std::uint16_t>(last_relation->second);
            const std::string_view w = wave ? (t->is_missing(r, *wave) ? std::string_view()
                                                                       : csv_table::trim(t->cell(r, *wave)))
                                            : std::string_view(options.default_wave);
            if (!last_wave || w != last_wave->first) {
                if (!a.find_wave(w) && !w.empty() && !has_wave_file) a.add_wave({std::string(w), std::string(w), ""});
                last_wave.emplace(std::string(w), detail::at_cell(*t, r, wave.value_or(source), [&] { return a.wave_index(w); }));
            }
            x.wave = static_cast<std::uint16_t>(last_wave->second);
            if (weight && !t->is_missing(r, *weight)) x.weight = t->number(r, *weight);
            x.attributes = attributes.row(r);
            detail::at_cell(*t, r, source, [&] { a.insert_tie(std::move(x)); });
        }
    }

    if (auto t = optional_table("events.csv")) {
        const std::size_t id = t->column(col.id);
        auto name = t->find_column(col.name), date = t->find_column(col.date), theme = t->find_column(col.theme),
             organisers = t->find_column(col.organisers);
        detail::attribute_columns attributes(*t, {col.id, col.name, col.date, col.theme, col.organisers});
        for (std::size_t r = 0; r < t->num_rows(); ++r) {
            event e;
            e.id = std::string(csv_table::trim(t->cell(r, id)));
            e.name = detail::cell_or(*t, r, name);
            e.date = detail::cell_or(*t, r, date);
            if (theme) e.themes = detail::split_list(t->cell(r, *theme));
            if (organisers) e.organisers = detail::split_list(t->cell(r, *organisers));
            e.attributes = attributes.row(r);
            const bool bad_id = e.id.empty() || a.find_event(e.id);
            const bool bad_theme = std::any_of(e.themes.begin(), e.themes.end(),
                                               [&](const std::string& x) { return !a.themes().contains(x); });
            const std::size_t blame = bad_id ? id : bad_theme ? *theme : organisers.value_or(id);
            detail::at_cell(*t, r, blame, [&] { a.add_event(std::move(e)); });
        }
    }

    if (auto t = optional_table("participation.csv")) {
        const std::size_t who = t->column(col.stakeholder), what = t->column(col.event);
        detail::attribute_columns attributes(*t, {col.stakeholder, col.event});
        for (std::size_t r = 0; r < t->num_rows(); ++r) {
            const std::string s(csv_table::trim(t->cell(r, who))), e(csv_table::trim(t->cell(r, what)));
            const std::size_t blame = a.find_stakeholder(s) ? what : who;
            detail::at_cell(*t, r, blame, [&] { a.add_participation(s, e, attributes.row(r)); });
        }
    }
    read_incidents_csv(a, folder, options.csv);
    return a;
}

}  // namespace wijknet
