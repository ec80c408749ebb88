/// @file
/// @brief Matching the header of a CSV file against the columns a reader knows, for every CSV
/// reader of the folder layout (the alliance files and the incident log): one set of rules for
/// Dutch names, duplicates and near misses.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/detail/text.hpp"
#include "wijknet/io/csv.hpp"
#include "wijknet/io/problem.hpp"

namespace wijknet {

/// One column of a file of the folder layout: its field (the English name csv_columns gives it)
/// and every header that names it.
struct csv_header_names {
    std::string field;
    std::vector<std::string> names;  ///< the configured name first, then the built-in Dutch and other names
};

namespace detail {

/// Where the known columns of a file are (csv_known_columns order), and which header cells they use.
struct column_positions {
    std::vector<std::optional<std::size_t>> at;  ///< per known column, its header cell
    std::vector<std::size_t> used;               ///< the header cells that are known columns
};

/// Matches a header against the known columns of a file (csv_known_columns). Two cells naming one column,
/// and a name one typo away from a known name (Levenshtein with swaps: 1 for names of 4 to 7
/// characters, 2 from 8 on; shorter names are never guessed at), are problems handed to @p report;
/// such a cell then stays an attribute. @p keeps_others says whether the file keeps its other
/// columns as attributes (incident_steps.csv does not read them), for the suggestion's wording.
/// The header is @p header of the file named @p file (a pandas frame's columns match the same way:
/// wijknet.from_pandas).
template <class Report>
column_positions match_header(const std::string& file, const std::vector<std::string>& header,
                              const std::vector<csv_header_names>& known, Report&& report, bool keeps_others = true) {
    column_positions out;
    out.at.assign(known.size(), std::nullopt);
    std::vector<char> reported(header.size(), 0);  // cells a problem was already given for
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string folded = fold_name(header[c]);
        bool found = false;
        for (std::size_t k = 0; k < known.size() && !found; ++k)
            for (const auto& name : known[k].names) {
                if (fold_name(name) != folded) continue;
                found = true;
                if (out.at[k]) {
                    const std::string first = header[*out.at[k]], second = header[c];
                    problem p;
                    p.file = file, p.line = 1, p.column = c + 1;
                    p.message = "columns '" + first + "' and '" + second + "' are both the column '" + known[k].field + "'";
                    p.suggestion = "keep one of them";
                    p.message_nl = "de kolommen '" + first + "' en '" + second + "' zijn allebei de kolom '" +
                                   known[k].field + "'";
                    p.suggestion_nl = "houd er één over";
                    reported[c] = 1;
                    report(std::move(p));
                } else {
                    out.at[k] = c;
                    out.used.push_back(c);
                }
                break;
            }
        if (found) continue;
        // A near miss: the closest known name within the typo distance.
        std::size_t best_distance = 3, best = 0;
        std::string best_name;
        for (std::size_t k = 0; k < known.size(); ++k)
            for (const auto& name : known[k].names) {
                const std::string target = fold_name(name);
                if (target.size() < 4) continue;
                const std::size_t d = typo_distance(folded, target);
                if (d <= (target.size() >= 8 ? 2u : 1u) && d < best_distance) best_distance = d, best = k, best_name = name;
            }
        if (best_name.empty()) continue;
        std::vector<std::string> others;
        for (const auto& name : known[best].names)
            if (name != best_name && std::find(others.begin(), others.end(), name) == others.end()) others.push_back(name);
        std::string also, also_nl;
        for (std::size_t i = 0; i < others.size(); ++i) {
            const char* sep = i == 0 ? "" : i + 1 == others.size() ? " or " : ", ";
            const char* sep_nl = i == 0 ? "" : i + 1 == others.size() ? " of " : ", ";
            also += sep + ("'" + others[i] + "'");
            also_nl += sep_nl + ("'" + others[i] + "'");
        }
        problem p;
        p.file = file, p.line = 1, p.column = c + 1;
        p.message = "unknown column '" + header[c] + "' looks like the column '" + best_name + "'";
        p.suggestion = "did you mean '" + best_name + "'? Rename the column" +
                       (also.empty() ? std::string() : " (" + also + " will do too)") +
                       ", or give it a name less like '" + best_name + "'" +
                       (keeps_others ? " to keep it as an attribute" : " (this file does not read other columns)");
        p.message_nl = "onbekende kolom '" + header[c] + "' lijkt op de kolom '" + best_name + "'";
        p.suggestion_nl = "bedoelt u '" + best_name + "'? Geef de kolom die naam" +
                          (also_nl.empty() ? std::string() : " (" + also_nl + " mag ook)") +
                          (keeps_others ? ", of een naam die er minder op lijkt om hem als kenmerk te houden"
                                        : ", of een naam die er minder op lijkt (dit bestand leest andere kolommen niet)");
        reported[c] = 1;
        report(std::move(p));
    }
    // A known column that is absent while another column's name holds one of its names
    // ("gewicht (1-5)", "soort relatie") or is two typos from one ("gewigt"): that column is
    // probably meant, and without it every row gets the default (weight 1, the first wave ...).
    // A warning, as the name may be meant as it is.
    for (std::size_t k = 0; k < known.size(); ++k) {
        if (out.at[k]) continue;
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (reported[c] || std::find(out.used.begin(), out.used.end(), c) != out.used.end()) continue;
            const std::string folded = fold_name(header[c]);
            const bool like = std::any_of(known[k].names.begin(), known[k].names.end(), [&](const std::string& name) {
                const std::string target = fold_name(name);
                return target.size() >= 4 && (folded.find(target) != std::string::npos ||
                                              (target.size() >= 5 && typo_distance(folded, target) <= 2));
            });
            if (!like) continue;
            const std::string& field = known[k].field;
            std::string names, names_nl;
            for (std::size_t i = 0; i < known[k].names.size() && i < 3; ++i) {
                names += (i == 0 ? "'" : i + 1 == std::min<std::size_t>(known[k].names.size(), 3) ? " or '" : ", '") +
                         known[k].names[i] + "'";
                names_nl += (i == 0 ? "'" : i + 1 == std::min<std::size_t>(known[k].names.size(), 3) ? " of '" : ", '") +
                            known[k].names[i] + "'";
            }
            problem p;
            p.file = file, p.line = 1, p.column = c + 1, p.level = severity::warning;
            p.message = "the file has no column '" + field + "', and column '" + header[c] + "' is " +
                        (keeps_others ? "read as an attribute" : "not read") + "; every row gets the default " + field;
            p.suggestion = "if '" + header[c] + "' is the " + field + ", name it " + names;
            p.message_nl = "het bestand heeft geen kolom '" + field + "', en kolom '" + header[c] + "' wordt " +
                           (keeps_others ? "als kenmerk gelezen" : "niet gelezen") + "; elke rij krijgt de standaardwaarde";
            p.suggestion_nl = "is '" + header[c] + "' de kolom '" + field + "', noem hem dan " + names_nl;
            reported[c] = 1;
            report(std::move(p));
            break;
        }
    }
    return out;
}

/// match_header on the header of the CSV table @p t.
template <class Report>
column_positions match_header(const csv_table& t, const std::vector<csv_header_names>& known, Report&& report,
                              bool keeps_others = true) {
    return match_header(t.file(), t.header(), known, std::forward<Report>(report), keeps_others);
}

}  // namespace detail

}  // namespace wijknet
