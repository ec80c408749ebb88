/// @file
/// @brief What the incident log says about the alliance in practice: the observed handoff
/// network, handoffs along ties on paper, routes against a chain template, handling times and
/// who plays which part.
///
/// Every function here reads alliance::incidents() and returns counts and times per incident,
/// handoff or stakeholder; the Python layer (wijknet.incident_*) turns them into medians,
/// shares and sentences.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/model/alliance.hpp"

namespace wijknet {

/// Which incidents an analysis reads.
struct incident_selection {
    std::vector<std::string> waves;       ///< wave keys (see incident_waves); empty = every wave
    std::string from;                     ///< reported on or after this date-time; empty = no bound
    std::string to;                       ///< reported on or before this date (whole day) or date-time
    std::vector<std::string> categories;  ///< category keys or labels; empty = every category
};

/// The wave each incident belongs to: the last wave whose date is on or before the report
/// (incidents before the first dated wave belong to it). Waves without a date are skipped; when
/// no wave has a date every incident belongs to the first wave; npos when there are no waves.
/// O(incidents x waves).
WIJKNET_DECL std::vector<std::size_t> incident_waves(const alliance& a);
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<std::size_t> incident_waves(const alliance& a) {
    std::vector<std::pair<std::int64_t, std::size_t>> dated;
    for (std::size_t w = 0; w < a.waves().size(); ++w)
        if (auto d = parse_date_time(a.waves()[w].date)) dated.emplace_back(d->seconds, w);
    std::vector<std::size_t> out;
    out.reserve(a.incidents().size());
    for (const auto& x : a.incidents().incidents()) {
        if (dated.empty()) {
            out.push_back(a.waves().empty() ? std::size_t(-1) : 0);
            continue;
        }
        std::size_t w = dated.front().second;
        for (const auto& [when, index] : dated)
            if (when <= x.seconds) w = index;
        out.push_back(w);
    }
    return out;
}
#endif

#if WIJKNET_BODIES
namespace detail {

/// Which incidents a selection keeps, and each one's wave.
struct selected_incidents {
    std::vector<std::size_t> wave;
    std::vector<char> keep;

    selected_incidents(const alliance& a, const incident_selection& sel) : wave(incident_waves(a)) {
        const auto& log = a.incidents();
        keep.assign(log.size(), 1);
        std::vector<char> wave_ok(a.waves().size(), sel.waves.empty());
        for (const auto& w : sel.waves) wave_ok[a.wave_index(w)] = 1;
        std::vector<char> category_ok(log.categories().size(), sel.categories.empty());
        for (const auto& c : sel.categories) category_ok[log.categories().index_of(c)] = 1;
        std::int64_t lo = std::numeric_limits<std::int64_t>::min(), hi = std::numeric_limits<std::int64_t>::max();
        if (!sel.from.empty()) lo = bound(sel.from, "from").seconds;
        if (!sel.to.empty()) {
            const date_time t = bound(sel.to, "to");
            hi = t.seconds + (t.text.size() == 10 ? 86400 - 1 : 59);
        }
        for (std::size_t i = 0; i < log.size(); ++i) {
            const incident& x = log.incidents()[i];
            const bool in_wave = wave[i] == std::size_t(-1) ? sel.waves.empty() : bool(wave_ok[wave[i]]);
            keep[i] = in_wave && category_ok[*log.categories().find(x.category)] && x.seconds >= lo && x.seconds <= hi;
        }
    }

    static date_time bound(const std::string& text, const char* which) {
        auto t = parse_date_time(text);
        if (!t) throw invalid_value_error(std::string(which) + " '" + text + "' is not a date or date-time; expected e.g. 2022-03-01");
        return *t;
    }
};

}  // namespace detail
#endif  // WIJKNET_BODIES

/// One step that passed an incident from one stakeholder to another (an action of kind refer).
struct incident_handoff {
    std::size_t incident = 0;  ///< index into alliance::incidents().incidents()
    std::size_t step = 0;      ///< index of the refer step
    index_t source = 0;        ///< stakeholder passing on
    index_t target = 0;        ///< stakeholder passed to
    std::size_t wave = std::size_t(-1);  ///< the incident's wave (npos without waves)
    bool along_tie = false;    ///< a tie source -> target (either way for an undirected relation) of the chosen relations in that wave
    double waiting = std::numeric_limits<double>::quiet_NaN();  ///< hours until the target's next step; NaN if it never acted
};

/// Every handoff of the selected incidents, in log order.
///
/// @param a the alliance with its incident log
/// @param sel which incidents (waves, dates, categories)
/// @param relations relation keys whose ties count as "on paper"; empty = every relation
///
/// A handoff is along a tie when the wave of the incident holds a tie source -> target of one of
/// @p relations (for an undirected relation either way round). Waiting time: hours from the
/// handoff to the first later step of the incident taken by the target. A handoff of an
/// incident without a wave is never along a tie. O(steps x relations).
WIJKNET_DECL std::vector<incident_handoff> incident_handoffs(const alliance& a, const incident_selection& sel = {},
                                                       const std::vector<std::string>& relations = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<incident_handoff> incident_handoffs(const alliance& a, const incident_selection& sel,
                                                       const std::vector<std::string>& relations) {
    detail::selected_incidents chosen(a, sel);
    std::vector<std::size_t> rels;
    for (const auto& r : relations) rels.push_back(a.relation_index(r));
    if (relations.empty())
        for (std::size_t r = 0; r < a.relations().size(); ++r) rels.push_back(r);
    const auto& log = a.incidents();
    std::vector<incident_handoff> out;
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (!chosen.keep[i]) continue;
        const incident& x = log.incidents()[i];
        for (std::size_t k = 0; k < x.steps.size(); ++k) {
            const incident_step& s = x.steps[k];
            if (log.kind_of(s.action) != action_kind::refer) continue;
            incident_handoff h;
            h.incident = i, h.step = k, h.wave = chosen.wave[i];
            h.source = *a.find_stakeholder(s.stakeholder);
            h.target = *a.find_stakeholder(s.to);
            if (h.wave != std::size_t(-1))
                for (std::size_t r : rels)
                    if (a.find_tie(s.stakeholder, s.to, a.relations()[r].key, a.waves()[h.wave].key)) {
                        h.along_tie = true;
                        break;
                    }
            for (std::size_t n = k + 1; n < x.steps.size(); ++n)
                if (x.steps[n].stakeholder == s.to) {
                    h.waiting = double(x.steps[n].seconds - s.seconds) / 3600.0;
                    break;
                }
            out.push_back(h);
        }
    }
    return out;
}
#endif

/// The observed handoff network as an alliance: a copy of @p a with a directed relation
/// @p relation_key whose tie source -> target in a wave has as weight the number of selected
/// incidents of that wave source passed to target (an incident passed twice counts once).
/// A stakeholder that handled an incident in a wave it is not listed in gets that wave added.
/// An alliance without waves gets a wave "T0". Every measure and diagnostic accepts the result
/// (select the relation). Throws duplicate_id_error when @p relation_key is taken. O(steps).
WIJKNET_DECL alliance handoff_alliance(const alliance& a, const incident_selection& sel = {},
                                 const std::string& relation_key = "handoff");
#if WIJKNET_BODIES
WIJKNET_DECL alliance handoff_alliance(const alliance& a, const incident_selection& sel,
                                 const std::string& relation_key) {
    alliance out = a;
    if (out.waves().empty()) out.add_wave({"T0", "T0", ""});
    out.add_relation({relation_key, "handoff (incident log)", true});
    std::map<std::tuple<std::size_t, index_t, index_t>, std::vector<std::size_t>> passed;
    for (const auto& h : incident_handoffs(a, sel)) {
        auto& list = passed[{h.wave == std::size_t(-1) ? 0 : h.wave, h.source, h.target}];
        if (list.empty() || list.back() != h.incident) list.push_back(h.incident);
    }
    for (const auto& [key, incidents] : passed) {
        const auto& [w, s, t] = key;
        for (index_t who : {s, t}) {
            if (out.present(who, w)) continue;
            stakeholder copy = out.stakeholders()[who];
            copy.waves.push_back(out.waves()[w].key);
            out.update_stakeholder(std::move(copy));
        }
        out.add_tie(out.stakeholders()[s].id, out.stakeholders()[t].id, relation_key, out.waves()[w].key,
                    double(incidents.size()));
    }
    return out;
}
#endif

/// What one incident's handling looked like.
struct incident_facts {
    std::size_t incident = 0;
    std::size_t wave = std::size_t(-1);
    double first_action = std::numeric_limits<double>::quiet_NaN();  ///< hours from report to the first act step
    double closure = std::numeric_limits<double>::quiet_NaN();       ///< hours from report to the first close step
    std::size_t handoffs = 0;
    std::vector<index_t> route;  ///< who handled it, in order: the first actor, then each stakeholder passed to (repeats in a row merged)
    std::size_t chain_matched = 0;  ///< longest run of consecutive chain roles the route passes in order
    std::size_t last_step = std::size_t(-1);  ///< index of the last step (npos without steps)
};

/// Per selected incident: times to first action and closure, handoffs, route and how much of
/// @p chain (an ordered role sequence, e.g. bewonersinitiatief, lhbti_organisatie, welzijnswerk,
/// wijkagent) the route follows: the longest run of consecutive chain roles r_i ... r_j such that
/// the route has stakeholders holding them in that order (not necessarily adjacent). A route
/// follows the chain fully when the run is the whole chain. O(steps + incidents x chain^2 x route).
WIJKNET_DECL std::vector<incident_facts> incident_routes(const alliance& a, const incident_selection& sel = {},
                                                   const std::vector<std::string>& chain = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<incident_facts> incident_routes(const alliance& a, const incident_selection& sel,
                                                   const std::vector<std::string>& chain) {
    detail::selected_incidents chosen(a, sel);
    std::vector<std::string> roles;
    for (const auto& r : chain) roles.push_back(a.roles().at(r).key);
    const auto& log = a.incidents();
    std::vector<incident_facts> out;
    auto holds = [&](index_t s, const std::string& role) {
        const auto& rs = a.stakeholders()[s].roles;
        return std::find(rs.begin(), rs.end(), role) != rs.end();
    };
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (!chosen.keep[i]) continue;
        const incident& x = log.incidents()[i];
        incident_facts f;
        f.incident = i, f.wave = chosen.wave[i];
        if (!x.steps.empty()) f.last_step = x.steps.size() - 1;
        auto visit = [&](const std::string& id) {
            const index_t s = *a.find_stakeholder(id);
            if (f.route.empty() || f.route.back() != s) f.route.push_back(s);
        };
        for (const auto& s : x.steps) {
            const action_kind k = log.kind_of(s.action);
            const double hours = double(s.seconds - x.seconds) / 3600.0;
            if (f.route.empty()) visit(s.stakeholder);
            if (k == action_kind::act && std::isnan(f.first_action)) f.first_action = hours;
            if (k == action_kind::close && std::isnan(f.closure)) f.closure = hours;
            if (k == action_kind::refer) ++f.handoffs, visit(s.to);
        }
        for (std::size_t start = 0; start < roles.size(); ++start) {
            std::size_t matched = 0, pos = 0;
            for (std::size_t r = start; r < roles.size(); ++r) {
                while (pos < f.route.size() && !holds(f.route[pos], roles[r])) ++pos;
                if (pos == f.route.size()) break;
                ++matched, ++pos;
            }
            f.chain_matched = std::max(f.chain_matched, matched);
        }
        out.push_back(std::move(f));
    }
    return out;
}
#endif

/// What one stakeholder did in the selected incidents.
struct incident_activity {
    index_t stakeholder = 0;
    std::size_t received = 0, referred = 0, acted = 0, informed = 0, closed = 0;  ///< steps of each kind
    std::size_t passed_to = 0;  ///< handoffs it was on the receiving end of
    std::size_t handled = 0;    ///< incidents in which it took a step or was passed one
    std::size_t alone = 0;      ///< incidents it handled with nobody else taking a step or being passed one
};

/// Per stakeholder (every stakeholder of the alliance, in order): its steps by kind and the
/// incidents it handled, alone or with others. O(steps).
WIJKNET_DECL std::vector<incident_activity> incident_activities(const alliance& a, const incident_selection& sel = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<incident_activity> incident_activities(const alliance& a, const incident_selection& sel) {
    detail::selected_incidents chosen(a, sel);
    std::vector<incident_activity> out(a.num_stakeholders());
    for (index_t s = 0; s < out.size(); ++s) out[s].stakeholder = s;
    const auto& log = a.incidents();
    std::vector<index_t> involved;
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (!chosen.keep[i]) continue;
        involved.clear();
        for (const auto& st : log.incidents()[i].steps) {
            const index_t s = *a.find_stakeholder(st.stakeholder);
            involved.push_back(s);
            switch (log.kind_of(st.action)) {
                case action_kind::receive: ++out[s].received; break;
                case action_kind::refer: ++out[s].referred; break;
                case action_kind::act: ++out[s].acted; break;
                case action_kind::inform: ++out[s].informed; break;
                case action_kind::close: ++out[s].closed; break;
            }
            if (!st.to.empty() && log.kind_of(st.action) == action_kind::refer) {
                const index_t t = *a.find_stakeholder(st.to);
                ++out[t].passed_to;
                involved.push_back(t);
            }
        }
        std::sort(involved.begin(), involved.end());
        involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
        for (index_t s : involved) ++out[s].handled;
        if (involved.size() == 1) ++out[involved[0]].alone;
    }
    return out;
}
#endif

}  // namespace wijknet
