/// @file
/// @brief The files of a CSV folder by any of their names: English or Dutch (`ties.csv` or
/// `relaties.csv`), in any case (`Stakeholders.CSV`); unknown CSV files named, with what they may be.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/detail/text.hpp"
#include "wijknet/io/problem.hpp"

#if WIJKNET_BODIES
#include <algorithm>
#include <filesystem>
#endif

namespace wijknet {

/// One file of the CSV folder layout: the name wijknet writes, the other names it reads it by, and
/// what it holds (for messages, in English and Dutch).
struct csv_folder_file {
    std::string name;                  ///< e.g. "ties.csv"
    std::vector<std::string> aliases;  ///< e.g. "relaties.csv", "banden.csv"
    std::string what;                  ///< e.g. "the ties"
    std::string what_nl;               ///< e.g. "de relaties"
};

/// The files of the layout (docs/csv.md), in reading order, with their Dutch names.
WIJKNET_DECL const std::vector<csv_folder_file>& csv_folder_file_names();
#if WIJKNET_BODIES
WIJKNET_DECL const std::vector<csv_folder_file>& csv_folder_file_names() {
    static const std::vector<csv_folder_file> files = {
        {"about.csv", {"over.csv", "alliantie.csv", "beschrijving.csv"}, "what the data describe (neighbourhood, "
         "municipality, source ...)", "waar de gegevens over gaan (wijk, gemeente, bron ...)"},
        {"waves.csv", {"metingen.csv", "golven.csv"}, "the waves", "de metingen"},
        {"relations.csv", {"relatiesoorten.csv", "relatietypen.csv", "soorten_relaties.csv"}, "the kinds of relation",
         "de soorten relaties"},
        {"stakeholders.csv", {"betrokkenen.csv", "partners.csv"}, "the stakeholders", "de stakeholders"},
        {"ties.csv", {"relaties.csv", "banden.csv", "contacten.csv"}, "the ties", "de relaties"},
        {"events.csv", {"bijeenkomsten.csv", "activiteiten.csv", "evenementen.csv"}, "the events",
         "de bijeenkomsten"},
        {"participation.csv", {"deelname.csv", "deelnames.csv", "aanwezigheid.csv"}, "who took part in which event",
         "wie aan welke bijeenkomst deelnam"},
        {"incidents.csv", {"meldingen.csv", "incidenten.csv"}, "the incident log", "de meldingen"},
        {"incident_steps.csv", {"meldingstappen.csv", "stappen.csv", "incidentstappen.csv"},
         "the steps of the incidents", "de stappen van de meldingen"},
    };
    return files;
}
#endif

/// The files of one folder: each known file's path by its layout name, and what the folder holds
/// besides (problems).
struct csv_folder_listing {
    std::map<std::string, std::string> path;  ///< layout name ("ties.csv") -> the file's path
    /// An error for a file present under two of its names (`ties.csv` and `relaties.csv`: which
    /// one is meant?), a warning for each other CSV file (it is not read), naming what it may be.
    std::vector<problem> problems;

    /// The path of a layout file, or "" when the folder lacks it.
    std::string find(const std::string& name) const {
        auto it = path.find(name);
        return it == path.end() ? std::string() : it->second;
    }
};

namespace detail {

/// A file name folded for matching: ASCII lower case, without '_', '-' and spaces, so
/// "Incident Steps.CSV", "incident-steps.csv" and "incident_steps.csv" fold alike.
inline std::string fold_file_name(const std::string& name) {
    std::string out;
    for (char c : ascii_lower(name))
        if (c != '_' && c != '-' && c != ' ') out += c;
    return out;
}

}  // namespace detail

/// Lists the files of @p folder against the layout (csv_folder_file_names): a file counts by any
/// of its names, in any case, ignoring '_', '-' and spaces. A folder that cannot be listed gives an
/// empty listing. O(files in the folder x names).
WIJKNET_DECL csv_folder_listing list_csv_folder(const std::string& folder);
#if WIJKNET_BODIES
WIJKNET_DECL csv_folder_listing list_csv_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    csv_folder_listing out;
    std::vector<std::string> names;  // every name of every file, for suggestions
    for (const auto& f : csv_folder_file_names()) {
        names.push_back(f.name);
        names.insert(names.end(), f.aliases.begin(), f.aliases.end());
    }
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) entries.push_back(it->path());
    std::sort(entries.begin(), entries.end());  // the order of the listing is the file system's
    for (const auto& entry : entries) {
        const std::string file = entry.filename().string();
        const std::string folded = detail::fold_file_name(file);
        const csv_folder_file* known = nullptr;
        for (const auto& f : csv_folder_file_names()) {
            if (detail::fold_file_name(f.name) == folded) known = &f;
            for (const auto& alias : f.aliases)
                if (detail::fold_file_name(alias) == folded) known = &f;
        }
        if (known) {
            const auto [at, fresh] = out.path.emplace(known->name, entry.string());
            if (!fresh) {
                const std::string first = fs::path(at->second).filename().string();
                problem p;
                p.file = entry.string(), p.level = severity::error;
                p.message = "'" + first + "' and '" + file + "' are both " + known->what + " (" + known->name + ")";
                p.message_nl = "'" + first + "' en '" + file + "' zijn allebei " + known->what_nl + " (" + known->name + ")";
                p.suggestion = "keep one of them in the folder";
                p.suggestion_nl = "houd er één van over in de map";
                out.problems.push_back(std::move(p));
            }
            continue;
        }
        if (detail::ascii_lower(entry.extension().string()) != ".csv") continue;
        problem p;
        p.file = entry.string(), p.level = severity::warning;
        p.message = "'" + file + "' is not read: it is none of the files of the layout";
        p.message_nl = "'" + file + "' wordt niet gelezen: het is geen van de bestanden van de indeling";
        const auto near = detail::closest(detail::ascii_lower(file), names, 1);
        if (!near.empty()) {
            const csv_folder_file* meant = nullptr;
            for (const auto& f : csv_folder_file_names())
                if (f.name == near[0] || std::find(f.aliases.begin(), f.aliases.end(), near[0]) != f.aliases.end())
                    meant = &f;
            p.suggestion = "did you mean '" + near[0] + "' (" + meant->what + ")? Rename it to be read";
            p.suggestion_nl = "bedoelt u '" + near[0] + "' (" + meant->what_nl + ")? Geef het die naam om het te laten lezen";
        } else {
            p.suggestion = "the folder is read from stakeholders.csv, ties.csv (relaties.csv), waves.csv (metingen.csv), "
                           "relations.csv, events.csv (bijeenkomsten.csv), participation.csv (deelname.csv), "
                           "incidents.csv (meldingen.csv) and incident_steps.csv (meldingstappen.csv); see docs/csv.md";
            p.suggestion_nl = "de map wordt gelezen uit stakeholders.csv, relaties.csv (ties.csv), metingen.csv "
                              "(waves.csv), relations.csv, bijeenkomsten.csv (events.csv), deelname.csv "
                              "(participation.csv), meldingen.csv (incidents.csv) en meldingstappen.csv "
                              "(incident_steps.csv); zie docs/csv.md";
        }
        out.problems.push_back(std::move(p));
    }
    return out;
}
#endif

}  // namespace wijknet
