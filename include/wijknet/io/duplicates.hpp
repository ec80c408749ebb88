/// @file
/// @brief Ties listed more than once: the same (source, target, relation, wave), or for an
/// undirected relation also (target, source, ...), as a survey lists every tie from both sides.
/// One rule for every reader that builds ties (the CSV folder reader, Python's from_pandas).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wijknet/io/problem.hpp"
#include "wijknet/model/alliance.hpp"

namespace wijknet {

/// What a reader does with a tie listed more than once.
enum class duplicate_rule {
    merge,  ///< listings with the same weight and no conflicting attribute are one tie; others an error
    error,  ///< every repeated listing is an error
    sum,    ///< one tie whose weight is the sum of the listings' weights
    max,    ///< ... the largest weight
    mean,   ///< ... the mean weight
};

inline const char* to_string(duplicate_rule d) noexcept {
    switch (d) {
        case duplicate_rule::merge: return "merge";
        case duplicate_rule::error: return "error";
        case duplicate_rule::sum: return "sum";
        case duplicate_rule::max: return "max";
        case duplicate_rule::mean: return "mean";
    }
    return "merge";
}

/// "merge", "error", "sum", "max" or "mean"; invalid_value_error otherwise.
inline duplicate_rule parse_duplicate_rule(std::string_view name) {
    for (auto d : {duplicate_rule::merge, duplicate_rule::error, duplicate_rule::sum, duplicate_rule::max,
                   duplicate_rule::mean})
        if (name == to_string(d)) return d;
    throw invalid_value_error("duplicates must be 'merge', 'error', 'sum', 'max' or 'mean', got '" + std::string(name) +
                              "'");
}

/// A listing of a tie that the rule refuses: what is wrong, in English and Dutch, and what to do.
struct duplicate_conflict {
    std::string attribute;  ///< the attribute whose values differ; empty when it is the weight or the repeat itself
    std::string message, suggestion, message_nl, suggestion_nl;
};

/// Adds the listings of ties one after another, combining those that list the same tie by a
/// duplicate_rule. Every listing has a place (a line of a file, a row of a table) used in messages.
///
/// Weights combine as the rule says (mean: once all are added, by finish()). Attributes: those an
/// earlier listing lacks (absent or missing) are taken from a later one; with `merge`, two
/// different present values are a conflict (named by column, values never quoted: they may be
/// sensitive); with sum/max/mean the first listing's value is kept. O(1) per listing.
class tie_listings {
public:
    /// @param place_noun what a place is called in messages, English and Dutch ("line"/"regel", "row"/"rij")
    tie_listings(alliance& a, duplicate_rule rule, std::string place_noun = "line", std::string place_noun_nl = "regel")
        : a_(a), rule_(rule), first_tie_(a.num_ties()), noun_(std::move(place_noun)), noun_nl_(std::move(place_noun_nl)) {}

    /// Adds listing @p x found at @p place. Returns the conflict when the rule refuses it (the
    /// alliance is then unchanged); throws what alliance::insert_tie throws for a new tie.
    std::optional<duplicate_conflict> add(tie x, std::size_t place) {
        const double weight = x.weight;
        const auto [index, added] = a_.emplace_tie(std::move(x));
        if (!added) {  // x was left as it was
            if (index < first_tie_) throw duplicate_id_error(a_.describe(x) + " already exists");
            return repeat(index, place, std::move(x));
        }
        listings_.push_back({place, 1, weight});
        return std::nullopt;
    }

    /// Sets the mean weights (rule mean); call once after the last add.
    void finish() {
        if (rule_ != duplicate_rule::mean) return;
        for (std::size_t i = 0; i < listings_.size(); ++i)
            if (listings_[i].count > 1) {
                const auto t = static_cast<index_t>(first_tie_ + i);
                a_.update_tie(t, listings_[i].sum / listings_[i].count, a_.ties()[t].attributes);
            }
    }

private:
    /// "relatie 'doorverwijzing' van 'a' naar 'b' in meting 'T0'": alliance::describe in Dutch.
    std::string describe_nl(const tie& x) const {
        const auto& rel = a_.relations()[x.relation];
        const std::string &s = a_.stakeholders()[x.source].id, &t = a_.stakeholders()[x.target].id;
        return "relatie '" + rel.label_in("nl") + "' " +
               (rel.directed ? "van '" + s + "' naar '" : "tussen '" + s + "' en '") + t + "' in meting '" +
               a_.waves()[x.wave].key + "'";
    }

    std::optional<duplicate_conflict> repeat(index_t existing, std::size_t place, tie x) {
        const std::size_t k = existing - first_tie_;
        const tie& old = a_.ties()[existing];
        const std::string first = std::to_string(listings_[k].first_place), now = std::to_string(place);
        const std::string head = "the " + a_.describe(old) + " is listed twice, on " + noun_ + "s " + first + " and " + now;
        const std::string head_nl = "de " + describe_nl(old) + " staat twee keer in de invoer, op " + noun_nl_ + " " +
                                    first + " en " + now;
        auto conflict = [](std::string attribute, std::string m, std::string s, std::string m_nl, std::string s_nl) {
            return duplicate_conflict{std::move(attribute), std::move(m), std::move(s), std::move(m_nl), std::move(s_nl)};
        };
        if (rule_ == duplicate_rule::error)
            return conflict("", head, "remove one listing, or combine them with duplicates='merge', 'sum', 'max' or 'mean'",
                            head_nl, "haal er één weg, of voeg ze samen met duplicates='merge', 'sum', 'max' of 'mean'");
        attribute_map merged = old.attributes;
        for (auto& [key, value] : x.attributes) {
            auto it = merged.find(key);
            const bool missing_before = it == merged.end() || std::holds_alternative<std::monostate>(it->second.value);
            if (missing_before) {
                merged[key] = std::move(value);
            } else if (!std::holds_alternative<std::monostate>(value.value) && !(value.value == it->second.value) &&
                       rule_ == duplicate_rule::merge) {
                return conflict(key, head + ", with different values of '" + key + "'",
                                "make the listings agree, or remove one (with duplicates='sum', 'max' or 'mean' the "
                                "first listing's value is kept)",
                                head_nl + ", met verschillende waarden van '" + key + "'",
                                "maak ze gelijk, of haal er één weg (met duplicates='sum', 'max' of 'mean' blijft de "
                                "waarde van de eerste staan)");
            }
        }
        double weight = old.weight;
        if (rule_ == duplicate_rule::merge && x.weight != old.weight)
            return conflict("", head + ", with weights " + format_number(old.weight) + " and " + format_number(x.weight),
                            "say how to combine them with duplicates='sum', 'max' or 'mean', or make the listings agree",
                            head_nl + ", met gewicht " + format_number(old.weight) + " en " + format_number(x.weight),
                            "zeg hoe ze samen moeten met duplicates='sum', 'max' of 'mean', of maak ze gelijk");
        if (rule_ == duplicate_rule::sum) weight = old.weight + x.weight;
        if (rule_ == duplicate_rule::max) weight = std::max(old.weight, x.weight);
        a_.update_tie(existing, weight, std::move(merged));  // weight finite: both listings' were
        ++listings_[k].count;
        listings_[k].sum += x.weight;
        return std::nullopt;
    }

    alliance& a_;
    duplicate_rule rule_;
    std::size_t first_tie_;  // ties before this index were there before: listing them again is insert_tie's error
    std::string noun_, noun_nl_;
    struct listed {
        std::size_t first_place;  // the place of its first listing
        std::uint32_t count;      // how many listings
        double sum;               // the sum of their weights
    };
    std::vector<listed> listings_;  // per tie added here
};

}  // namespace wijknet
