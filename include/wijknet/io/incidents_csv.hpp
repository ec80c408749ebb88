/// @file
/// @brief Reading the incident log of an alliance folder: incidents.csv and incident_steps.csv.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/io/csv.hpp"
#include "wijknet/io/csv_folder_files.hpp"
#include "wijknet/io/csv_header.hpp"
#include "wijknet/io/problem.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <filesystem>
#include <map>
#endif

namespace wijknet {

/// The known columns of `incidents.csv`, English name first, then the Dutch ones; headers match as
/// every CSV header of the folder does (detail::match_header: ignoring case, accents, spaces, '_'
/// and '-'; a name one typo away from a known one is an error). Every other column is an
/// attribute (sensitive, as every incident field).
WIJKNET_DECL const std::vector<csv_header_names>& incident_columns();
#if WIJKNET_BODIES
WIJKNET_DECL const std::vector<csv_header_names>& incident_columns() {
    static const std::vector<csv_header_names> columns = {
        {"id", {"id", "melding", "meldingnummer", "nummer", "incident"}},
        {"reported", {"reported", "gemeld", "gemeld op", "datum", "date", "tijdstip"}},
        {"category", {"category", "categorie", "soort", "type"}},
        {"neighbourhood", {"neighbourhood", "neighborhood", "wijk", "buurt"}},
        {"description", {"description", "omschrijving", "beschrijving"}}};
    return columns;
}
#endif

/// The known columns of `incident_steps.csv`, one row per step, in time order within an incident;
/// headers match as in incident_columns(), other columns are not read.
WIJKNET_DECL const std::vector<csv_header_names>& incident_step_columns();
#if WIJKNET_BODIES
WIJKNET_DECL const std::vector<csv_header_names>& incident_step_columns() {
    static const std::vector<csv_header_names> columns = {
        {"incident", {"incident", "melding", "meldingnummer"}},
        {"stakeholder", {"stakeholder", "wie", "door", "partij", "actor"}},
        {"action", {"action", "actie", "handeling", "stap"}},
        {"to", {"to", "naar", "doorverwezen naar", "passed to", "aan"}},
        {"time", {"time", "tijdstip", "datum", "date", "wanneer"}},
        {"note", {"note", "notitie", "toelichting", "opmerking"}}};
    return columns;
}
#endif

#if WIJKNET_BODIES
namespace detail {

inline std::size_t require_column(const csv_table& t, const std::vector<std::optional<std::size_t>>& at,
                                  const std::vector<csv_header_names>& known, std::size_t k) {
    if (at[k]) return *at[k];
    std::string names;
    for (const auto& n : known[k].names) names += (names.empty() ? "'" : ", '") + n + "'";
    throw parse_error(t.file(), 1, 0, "missing column '" + known[k].field + "' (named one of " + names + ")");
}

inline std::string incident_cell(const csv_table& t, std::size_t row, std::optional<std::size_t> column) {
    if (!column || t.is_missing(row, *column)) return {};
    return std::string(csv_table::trim(t.cell(row, *column)));
}

}  // namespace detail

namespace detail {

/// Reads the incident files of @p folder into @p a. Strict without @p collect: the first problem
/// is thrown as a parse_error and @p a stays as it was. Collecting with @p collect (wijknet
/// check): every problem is appended there and its row skipped (a step of a refused incident, a
/// step naming a stakeholder for which @p failed_earlier is true, is skipped without a word), a
/// file that cannot be read at all is one problem; @p a then holds the incidents that passed.
/// Warnings (a column whose name holds a known one's) never stop a read (detail::stop_at_error):
/// strict, they are appended to @p warnings when given.
template <class FailedEarlier>
void read_incidents_csv(alliance& a, const std::string& folder, const csv_options& options,
                        std::vector<problem>* collect, FailedEarlier&& failed_earlier,
                        std::vector<problem>* warnings = nullptr) {
    namespace fs = std::filesystem;
    struct skip {};
    // Runs f; collecting, a parse_error it throws is recorded (a skip silently) and false returned.
    auto guard = [&](auto&& f) {
        if (!collect) return f(), true;
        try {
            f();
            return true;
        } catch (const parse_error& e) {
            collect->push_back(to_problem(e));
        } catch (const skip&) {
        }
        return false;
    };
    // The files by any of their names (meldingen.csv, meldingstappen.csv ...; csv_folder_files.hpp).
    const csv_folder_listing files = list_csv_folder(folder);
    const std::string incidents_path = files.find("incidents.csv"), steps_path = files.find("incident_steps.csv");
    if (incidents_path.empty()) {
        if (!steps_path.empty())
            guard([&] {
                throw parse_error(steps_path, 0, 0, fs::path(steps_path).filename().string() +
                                                        " needs incidents.csv (or meldingen.csv) beside it");
            });
        return;
    }
    // A header problem (a column named twice, a near miss of a known name): an error is thrown
    // when strict, everything else recorded, as for the other files of the folder.
    auto report = [&](problem p) {
        stop_at_error(p, !collect);
        if (std::vector<problem>* sink = collect ? collect : warnings) sink->push_back(std::move(p));
    };
    // Rows of the wrong length: thrown when strict, recorded (and the row dropped) when collecting.
    auto read = [&](const std::string& path) {
        std::vector<parse_error> bad_rows;
        csv_table out = read_csv(path, options, collect ? &bad_rows : nullptr);
        for (const auto& e : bad_rows) collect->push_back(to_problem(e));
        return out;
    };
    std::optional<csv_table> table;
    const auto& known = incident_columns();
    std::vector<std::optional<std::size_t>> at;
    std::size_t id = 0;
    if (!guard([&] {
            table.emplace(read(incidents_path));
            at = match_header(*table, known, report).at;
            id = require_column(*table, at, known, 0);
            require_column(*table, at, known, 1);
            require_column(*table, at, known, 2);
        }))
        return;  // without incidents, every step would be one of an unknown incident
    const csv_table& t = *table;
    std::vector<std::size_t> attribute_columns;
    for (std::size_t c = 0; c < t.num_columns(); ++c) {
        bool used = false;
        for (const auto& k : at) used = used || (k && *k == c);
        if (!used) attribute_columns.push_back(c);
    }
    std::vector<incident> incidents(t.num_rows());
    std::vector<bool> refused(t.num_rows(), false);
    std::map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < t.num_rows(); ++r) {
        incident& x = incidents[r];
        x.id = incident_cell(t, r, id);
        x.reported = incident_cell(t, r, at[1]);
        x.category = incident_cell(t, r, at[2]);
        x.neighbourhood = incident_cell(t, r, at[3]);
        x.description = incident_cell(t, r, at[4]);
        for (std::size_t c : attribute_columns) {
            attribute value;
            value.sensitive = true;
            if (!t.is_missing(r, c)) value.value = std::string(csv_table::trim(t.cell(r, c)));
            std::string name = t.header()[c];
            const std::string suffix = ":sensitive";
            if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
                name.resize(name.size() - suffix.size());
            x.attributes.emplace(std::move(name), std::move(value));
        }
        refused[r] = !guard([&] {
            if (!x.id.empty() && !row_of.emplace(x.id, r).second)
                throw t.error_at(r, id, "incident '" + x.id + "' is listed twice (first on line " +
                                            std::to_string(t.line(row_of[x.id])) + ")");
        });
    }

    // Steps: where each came from, to point at the file when the model refuses one.
    std::optional<csv_table> s;
    std::vector<std::optional<std::size_t>> step_at;
    std::vector<std::vector<std::size_t>> step_rows(incidents.size());
    if (!steps_path.empty()) {
        const auto& step_known = incident_step_columns();
        std::size_t which = 0;
        const bool readable = guard([&] {
            s.emplace(read(steps_path));
            step_at = match_header(*s, step_known, report, false).at;
            which = require_column(*s, step_at, step_known, 0);
            for (std::size_t k : {1, 2, 4}) require_column(*s, step_at, step_known, k);
        });
        for (std::size_t r = 0; readable && r < s->num_rows(); ++r)
            guard([&] {
                const std::string incident_id = incident_cell(*s, r, which);
                auto it = row_of.find(incident_id);
                if (it == row_of.end())
                    throw s->error_at(r, which, "step of unknown incident '" + incident_id + "' (not in incidents.csv)");
                if (refused[it->second]) throw skip{};  // its incident was reported already
                incident_step step;
                step.stakeholder = incident_cell(*s, r, step_at[1]);
                step.action = incident_cell(*s, r, step_at[2]);
                step.to = incident_cell(*s, r, step_at[3]);
                step.time = incident_cell(*s, r, step_at[4]);
                step.note = incident_cell(*s, r, step_at[5]);
                incidents[it->second].steps.push_back(std::move(step));
                step_rows[it->second].push_back(r);
            });
    }

    // Build aside, then swap in: a refused incident leaves the alliance as it was.
    alliance copy = a;
    copy.reserve_incidents(copy.incidents().size() + incidents.size());
    const char* incident_fields[] = {"id", "reported", "category"};
    const char* step_fields[] = {"incident", "stakeholder", "action", "to", "time"};
    for (std::size_t r = 0; r < incidents.size(); ++r) {
        if (refused[r]) continue;
        std::vector<incident_step> steps;  // the steps as listed, for failed_earlier (collecting only)
        if (collect) steps = incidents[r].steps;
        guard([&] {
            copy.add_incident(std::move(incidents[r]), [&](std::size_t step, const char* field, bool unknown,
                                                           const std::string& what) {
                if (step == std::size_t(-1)) {
                    std::size_t column = id;
                    for (std::size_t k = 0; k < 3; ++k)
                        if (std::string_view(field) == incident_fields[k]) column = *at[k];
                    throw t.error_at(r, column, what);
                }
                std::string_view named;
                if (!steps.empty()) named = std::string_view(field) == "to" ? steps[step].to : steps[step].stakeholder;
                if (collect && unknown && (std::string_view(field) == "to" || std::string_view(field) == "stakeholder") &&
                    failed_earlier(named))
                    throw skip{};  // that stakeholder's own row was reported already
                std::size_t column = *step_at[0];
                for (std::size_t k = 0; k < 5; ++k)
                    if (std::string_view(field) == step_fields[k] && step_at[k]) column = *step_at[k];
                throw s->error_at(step_rows[r][step], column, what);
            });
        });
    }
    a = std::move(copy);
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Reads `incidents.csv` and `incident_steps.csv` of @p folder (when present) into @p a.
///
/// incidents.csv: id, reported, category, neighbourhood, description (Dutch headers: melding,
/// gemeld, categorie, wijk, omschrijving), further columns become attributes. incident_steps.csv:
/// incident, stakeholder, action, to, time, note (melding, wie, actie, naar, tijdstip, notitie),
/// one row per step in time order within an incident. Every incident field is sensitive.
///
/// Throws parse_error naming file, line and column of the first error (an unknown stakeholder
/// or action, a referral to nobody, steps out of time order, a step of an unknown incident ...);
/// @p a is then as it was. A warning (a column such as `wijknaam` that holds a known column's
/// name, read as a free field) does not stop the read, as it does not in
/// wijknet::check_csv_folder, which lists every problem of these files instead. O(size of the
/// files).
///
/// @param a the alliance the incidents go into
/// @param folder the folder holding the files
/// @param options how the CSV text is read (separator, encoding ...)
/// @param warnings where the warnings go, when given
WIJKNET_DECL void read_incidents_csv(alliance& a, const std::string& folder, const csv_options& options = {},
                                     std::vector<problem>* warnings = nullptr);
#if WIJKNET_BODIES
WIJKNET_DECL void read_incidents_csv(alliance& a, const std::string& folder, const csv_options& options,
                                     std::vector<problem>* warnings) {
    detail::read_incidents_csv(a, folder, options, nullptr, [](std::string_view) { return false; }, warnings);
}
#endif

}  // namespace wijknet
