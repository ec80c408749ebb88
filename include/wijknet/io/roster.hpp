/// @file
/// @brief Roster surveys (PARTNER-tool style, docs/io/roster.md): responses to ties by a chosen
/// rule, non-respondents kept, unconfirmed ties marked; PARTNER trust and value scores.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <set>
#endif

namespace wijknet {

/// One answer of a roster survey: @p respondent rated @p partner on @p item (long form).
struct roster_response {
    std::string respondent;
    std::string partner;
    std::string item;   ///< e.g. "frequency", "collaboration", "reliability"
    /// The answer; 0 = no contact / not rated; NaN = a missing answer (left open, or "don't know":
    /// the respondent was asked but gave no usable answer).
    double value = 0;
};

/// How the two reports of a pair (i about j, j about i) become ties.
enum class tie_rule {
    as_reported,  ///< a directed tie i -> j for every report i gives of j with value > 0
    minimum,      ///< confirmed by both: one tie when both report it, weight = the smaller value
    maximum,      ///< reported by either: one tie, weight = the larger value
    mean          ///< one tie, weight = the mean of the two reports (a missing report counts 0)
};

/// Options of add_roster_ties.
struct roster_options {
    std::string item;                     ///< the item whose value makes the tie and its weight
    std::string relation = "collaboration";  ///< relation of the ties (undirected for the symmetric rules)
    std::string wave = "T0";              ///< wave of the ties
    tie_rule rule = tie_rule::as_reported;
    /// Declare the wave (after the waves already declared) when the alliance lacks it, as part
    /// of the same all-or-nothing change; false: an undeclared wave is an unknown_id_error.
    bool declare_wave = false;
};

/// What add_roster_ties did.
struct roster_summary {
    std::vector<std::string> respondents;      ///< roster members who answered, in roster order
    std::vector<std::string> non_respondents;  ///< roster members who did not, in roster order
    std::vector<std::string> partly;           ///< of the respondents, those who left an answer missing
    std::size_t ties = 0;                      ///< ties added
    std::size_t unconfirmed = 0;               ///< of which marked confirmed = false
};

/// Adds the ties of one roster item to an alliance.
///
/// Every roster member is a stakeholder (added, with no role, when the alliance lacks it) and
/// gets the text attribute `respondent_<wave>` (e.g. `respondent_T0`), its response in that wave:
/// - "responded": it gave an answer (any item, a number) and left none missing (NaN);
/// - "partly": it gave an answer and left at least one missing;
/// - "not": it gave no answer (no response at all, or only missing ones).
/// Each wave has its own attribute, so adding the ties of a later wave keeps the response of the
/// earlier ones. A respondent is a roster member who gave an answer. Self-reports count for
/// neither. Reports are read for options.item only; a value of 0 means no tie, and so does a
/// respondent's silence about a partner (no response about it). A missing answer (NaN: left open,
/// "don't know") is no report: it never counts as 0, as a non-respondent's silence does not.
/// For a pair (i, j) with reports x_ij (i about j) and x_ji:
/// - as_reported: tie i -> j with weight x_ij when x_ij > 0; confirmed when x_ji > 0.
/// - minimum: when both reported the pair (both are respondents, neither answered it NaN), one tie
///   when min(x_ij, x_ji) > 0, weight the minimum, confirmed; otherwise the one report there is
///   is kept as a tie marked unconfirmed (it cannot be checked).
/// - maximum: one tie when max > 0, weight the maximum; confirmed when both reports are > 0.
/// - mean: one tie when (x_ij + x_ji) / 2 > 0 (when only one reported the pair: its report),
///   weight that mean; confirmed when both reports are > 0.
///
/// Every tie gets the boolean attribute `confirmed`. The symmetric rules need an undirected
/// relation; as_reported a directed one. Self-reports are ignored.
///
/// @param a         the alliance to add to (the relation must be declared; the wave too, unless
///                  options.declare_wave)
/// @param responses the answers, long form
/// @param roster    the ids on the survey's roster, respondents and non-respondents alike
/// @param options   item, relation, wave and rule
///
/// Throws invalid_value_error (a rule against the relation's direction, a respondent or partner
/// not on the roster, a negative or infinite value of options.item, an item nobody answered), unknown_id_error
/// (relation, wave) or duplicate_id_error (a tie exists already). Strong guarantee: on error the
/// alliance is unchanged. O(responses log responses + roster^2 log responses).
WIJKNET_DECL roster_summary add_roster_ties(alliance& a, const std::vector<roster_response>& responses,
                                      const std::vector<std::string>& roster, const roster_options& options);
#if WIJKNET_BODIES
WIJKNET_DECL roster_summary add_roster_ties(alliance& a, const std::vector<roster_response>& responses,
                                      const std::vector<std::string>& roster, const roster_options& options) {
    const std::size_t r = a.relation_index(options.relation);
    const bool new_wave = options.declare_wave && !a.find_wave(options.wave);
    if (!new_wave) a.wave_index(options.wave);
    const bool directed = a.relations()[r].directed;
    const char* rule_name = options.rule == tie_rule::as_reported ? "as_reported"
                            : options.rule == tie_rule::minimum   ? "minimum"
                            : options.rule == tie_rule::maximum   ? "maximum"
                                                                  : "mean";
    if (options.rule == tie_rule::as_reported && !directed)
        throw invalid_value_error("rule 'as_reported' makes directed ties, but relation '" + options.relation +
                                  "' is undirected; use a directed relation or a symmetric rule");
    if (options.rule != tie_rule::as_reported && directed)
        throw invalid_value_error(std::string("rule '") + rule_name + "' makes one tie per pair, but relation '" +
                                  options.relation + "' is directed; use an undirected relation such as collaboration");
    std::map<std::string, std::size_t> on_roster;
    for (const auto& id : roster) on_roster.emplace(id, on_roster.size());
    std::set<std::string> answered, left_missing;  // gave an answer / left one missing (self-reports aside)
    std::map<std::pair<std::size_t, std::size_t>, double> report;  // (i, j) -> x_ij
    std::set<std::pair<std::size_t, std::size_t>> open;               // (i, j): i answered NaN about j
    bool item_seen = false;
    for (const auto& x : responses) {
        for (const std::string* id : {&x.respondent, &x.partner})
            if (!on_roster.count(*id))
                throw invalid_value_error("roster response names '" + *id + "', who is not on the roster" +
                                          detail::did_you_mean(*id, roster));
        const bool missing_answer = std::isnan(x.value);
        if (x.respondent != x.partner) (missing_answer ? left_missing : answered).insert(x.respondent);
        if (x.item != options.item) continue;
        item_seen = true;
        if (missing_answer) {
            if (x.respondent != x.partner) open.insert({on_roster[x.respondent], on_roster[x.partner]});
            continue;
        }
        if (!std::isfinite(x.value) || x.value < 0)
            throw invalid_value_error("'" + x.respondent + "' rated '" + x.partner + "' " + format_number(x.value) +
                                      " on '" + x.item + "'; expected a number >= 0");
        if (x.respondent != x.partner) report[{on_roster[x.respondent], on_roster[x.partner]}] = x.value;
    }
    if (!item_seen && !responses.empty())
        throw invalid_value_error("no response has item '" + options.item + "'");

    alliance out = a;  // strong guarantee: work on a copy (the new wave too)
    if (new_wave) out.add_wave({options.wave, "", ""});
    roster_summary summary;
    for (const auto& id : roster) {
        const bool responded = answered.count(id) > 0, partly = responded && left_missing.count(id) > 0;
        (responded ? summary.respondents : summary.non_respondents).push_back(id);
        if (partly) summary.partly.push_back(id);
        if (!out.find_stakeholder(id)) {
            stakeholder s;
            s.id = id;
            out.add_stakeholder(std::move(s));
        }
        stakeholder s = out.stakeholder_at(id);
        s.attributes["respondent_" + options.wave] =
            attribute{std::string(partly ? "partly" : responded ? "responded" : "not"), false};
        out.update_stakeholder(std::move(s));
    }
    auto value = [&](std::size_t i, std::size_t j) {
        auto it = report.find({i, j});
        return it == report.end() ? 0.0 : it->second;
    };
    auto add = [&](std::size_t i, std::size_t j, double w, bool confirmed) {
        out.add_tie(roster[i], roster[j], options.relation, options.wave, w, {{"confirmed", {confirmed, false}}});
        ++summary.ties;
        summary.unconfirmed += !confirmed;
    };
    for (std::size_t i = 0; i < roster.size(); ++i)
        for (std::size_t j = 0; j < roster.size(); ++j) {
            if (i == j) continue;
            const double xij = value(i, j), xji = value(j, i);
            const bool ri = answered.count(roster[i]) > 0, rj = answered.count(roster[j]) > 0;
            if (options.rule == tie_rule::as_reported) {
                if (xij > 0) add(i, j, xij, xji > 0);
                continue;
            }
            if (j < i) continue;  // one decision per pair
            // "don't know" is no report: a partial respondent's open answer must not count as 0
            const bool both = ri && rj && !open.count({i, j}) && !open.count({j, i});
            double w = 0;
            switch (options.rule) {
                case tie_rule::minimum: w = both ? std::min(xij, xji) : std::max(xij, xji); break;
                case tie_rule::maximum: w = std::max(xij, xji); break;
                case tie_rule::mean: w = both ? (xij + xji) / 2 : std::max(xij, xji); break;
                default: break;
            }
            if (w > 0) add(i, j, w, xij > 0 && xji > 0);
        }
    a = std::move(out);
    return summary;
}
#endif

/// PARTNER-style scores of one partner or of the whole network.
struct partner_score {
    double trust = 0;          ///< mean trust score (on the items' scale), NaN when nobody rated
    double value = 0;          ///< mean value score, NaN when nobody rated
    std::size_t raters = 0;    ///< number of respondents whose ratings went in
};

/// PARTNER-tool trust and value scores.
///
/// For a respondent i rating partner j, the pair's trust score is the mean of the trust items i
/// answered about j (PARTNER: reliability, support of the mission, openness to discussion) and
/// its value score the mean of the value items (power/influence, level of involvement, resource
/// contribution). A partner's score is the mean of its pair scores over the respondents who
/// rated it; the network score (key "") is the mean over all pairs. To express a score as
/// PARTNER's percentage: 100 x score / scale maximum (4 on PARTNER's 1-4 scale). Answers with
/// value 0 (not rated) or NaN (missing) are left out.
///
/// @param responses   the answers, long form
/// @param trust_items the item names of the trust dimension
/// @param value_items the item names of the value dimension
///
/// Returns scores by partner id, plus the network under key "". O(responses log responses).
WIJKNET_DECL std::map<std::string, partner_score> partner_scores(const std::vector<roster_response>& responses,
                                                           const std::vector<std::string>& trust_items,
                                                           const std::vector<std::string>& value_items);
#if WIJKNET_BODIES
WIJKNET_DECL std::map<std::string, partner_score> partner_scores(const std::vector<roster_response>& responses,
                                                           const std::vector<std::string>& trust_items,
                                                           const std::vector<std::string>& value_items) {
    struct sums { double trust = 0, value = 0; std::size_t n_trust = 0, n_value = 0; };
    std::map<std::pair<std::string, std::string>, sums> pairs;
    for (const auto& x : responses) {
        if (x.value == 0 || std::isnan(x.value) || x.respondent == x.partner) continue;
        const bool is_trust = std::find(trust_items.begin(), trust_items.end(), x.item) != trust_items.end();
        const bool is_value = std::find(value_items.begin(), value_items.end(), x.item) != value_items.end();
        if (!is_trust && !is_value) continue;
        sums& s = pairs[{x.respondent, x.partner}];
        if (is_trust) s.trust += x.value, ++s.n_trust;
        if (is_value) s.value += x.value, ++s.n_value;
    }
    struct acc { double trust = 0, value = 0; std::size_t n_trust = 0, n_value = 0; std::set<std::string> raters; };
    std::map<std::string, acc> by_partner;
    for (const auto& [key, s] : pairs)
        for (const std::string& who : {key.second, std::string()}) {
            acc& p = by_partner[who];
            if (s.n_trust) p.trust += s.trust / double(s.n_trust), ++p.n_trust;
            if (s.n_value) p.value += s.value / double(s.n_value), ++p.n_value;
            p.raters.insert(key.first);
        }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::map<std::string, partner_score> out;
    for (const auto& [who, p] : by_partner)
        out[who] = {p.n_trust ? p.trust / double(p.n_trust) : nan, p.n_value ? p.value / double(p.n_value) : nan,
                    p.raters.size()};
    return out;
}
#endif

}  // namespace wijknet
