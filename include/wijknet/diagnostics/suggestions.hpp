/// @file
/// @brief Ties to add: the new ties that help an alliance most, each with its reason.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/algorithms/flow.hpp"
#include "wijknet/diagnostics/resilience.hpp"

namespace wijknet {

/// What suggested ties should improve.
enum class suggestion_objective {
    chain,          ///< complete a chain: more starting stakeholders with a route, then more disjoint routes
    fragmentation,  ///< lower fragmentation F (after the stakeholders in `removed` are gone)
    distance,       ///< bring the holders of role_a closer to the nearest holder of role_b
};

/// Options of suggest_ties().
struct suggestion_options {
    suggestion_objective objective = suggestion_objective::fragmentation;
    std::uint32_t k = 5;  ///< at most this many ties are suggested
    chain target;         ///< chain: the chain to complete
    /// fragmentation: stakeholders assumed gone (e.g. the key player, or who leaves next year).
    std::vector<std::string> removed;
    std::string role_a;  ///< distance: holders of this role ...
    std::string role_b;  ///< ... should get closer to a holder of this role
    /// Only ties between a holder of one of from_roles and a holder of one of to_roles (either
    /// end for fragmentation and distance; the chain fixes the order itself). Empty = any role.
    std::vector<std::string> from_roles, to_roles;
    /// Pairs of stakeholder ids never suggested (either order).
    std::vector<std::pair<std::string, std::string>> excluded;
    /// At most this many suggested ties per stakeholder; 0 = no limit.
    std::uint32_t max_per_stakeholder = 0;
    run_options run;
};

/// One suggested tie.
struct tie_suggestion {
    std::string source;    ///< stakeholder id (for a chain: the earlier role's holder)
    std::string target;    ///< stakeholder id
    std::string relation;  ///< the relation the tie should be of ("" = any)
    double before = 0;     ///< the objective's score before this tie (see suggest_ties)
    double after = 0;      ///< ... and with it (and the ties suggested before it)
    std::string reason;    ///< one sentence
};

#if WIJKNET_BODIES
namespace detail {

/// Which candidate pairs the constraints allow; tracks the per-stakeholder limit.
class tie_constraints {
public:
    tie_constraints(const alliance& a, const snapshot& g, const suggestion_options& o)
        : limit_(o.max_per_stakeholder), used_(g.num_vertices(), 0) {
        from_ = role_mask(a, g, o.from_roles);
        to_ = role_mask(a, g, o.to_roles);
        for (const auto& [x, y] : o.excluded) {
            const auto i = a.stakeholder_index(x), j = a.stakeholder_index(y);
            excluded_.emplace_back(std::min(i, j), std::max(i, j));
        }
        std::sort(excluded_.begin(), excluded_.end());
        index_.resize(g.num_vertices());
        for (std::uint32_t v = 0; v < g.num_vertices(); ++v) index_[v] = g.stakeholder(v);
    }
    /// A tie u - v in either orientation (fragmentation, distance).
    bool allowed(std::uint32_t u, std::uint32_t v) const {
        return u != v && free(u) && free(v) && ((from_[u] && to_[v]) || (from_[v] && to_[u])) && !excluded(u, v);
    }
    /// A tie u -> v in this orientation (chains).
    bool allowed_directed(std::uint32_t u, std::uint32_t v) const {
        return u != v && free(u) && free(v) && from_[u] && to_[v] && !excluded(u, v);
    }
    bool free(std::uint32_t v) const { return limit_ == 0 || used_[v] < limit_; }
    bool may_start(std::uint32_t v) const { return free(v) && (from_[v] || to_[v]); }
    void use(std::uint32_t u, std::uint32_t v) { ++used_[u], ++used_[v]; }
    /// New ties suggested so far for v.
    std::uint32_t used(std::uint32_t v) const { return used_[v]; }

private:
    static std::vector<char> role_mask(const alliance& a, const snapshot& g, const std::vector<std::string>& roles) {
        std::vector<char> mask(g.num_vertices(), roles.empty());
        for (const auto& r : roles)
            for (auto v : holders(a, g, role_key(a, r))) mask[v] = 1;
        return mask;
    }
    bool excluded(std::uint32_t u, std::uint32_t v) const {
        const index_t i = std::min(index_[u], index_[v]), j = std::max(index_[u], index_[v]);
        return std::binary_search(excluded_.begin(), excluded_.end(), std::make_pair(i, j));
    }
    std::uint32_t limit_;
    std::vector<std::uint32_t> used_;
    std::vector<char> from_, to_;
    std::vector<index_t> index_;
    std::vector<std::pair<index_t, index_t>> excluded_;
};

/// "the only lhbti_organisatie coc" or "welzijnswerk welzijn" (the roles of v among @p roles).
inline std::string describe_holder(const alliance& a, const snapshot& g, std::uint32_t v, const std::string& role) {
    if (role.empty()) return g.id(v);
    const bool only = holders(a, g, role).size() == 1;
    return (only ? "the only " : "") + role + " " + g.id(v);
}

inline std::string first_role(const alliance& a, const snapshot& g, std::uint32_t v) {
    const auto& roles = a.stakeholders()[g.stakeholder(v)].roles;
    return roles.empty() ? std::string() : roles.front();
}



inline std::vector<tie_suggestion> suggest_for_chain(const alliance& a, const scope& where,
                                                     const suggestion_options& o) {
    chain_graph cg = make_chain_graph(a, o.target, where);
    std::sort(cg.arcs.begin(), cg.arcs.end());
    tie_constraints allowed(a, cg.g, o);
    const std::uint32_t t = cg.sink();
    std::vector<tie_suggestion> out;
    for (std::uint32_t round = 0; round < o.k; ++round) {
        check_stop(o.run);
        const arc_graph lg(t + 1, cg.arcs);
        const graph_view& v = lg.view();
        // Per start: which nodes it reaches, and how far along the chain it gets.
        const auto& starts = cg.holders[0];
        std::vector<std::vector<std::uint32_t>> reached_by(v.n);  // node -> start positions
        std::vector<std::uint32_t> depth(starts.size(), 0);
        std::vector<char> done(starts.size(), 0);
        path_search ps(v.n);
        for (std::size_t i = 0; i < starts.size(); ++i) {
            ps.run(v, cg.node(0, starts[i]), direction::out, false, false);
            for (auto x : ps.order) {
                if (x == t) {
                    done[i] = 1;
                    continue;
                }
                reached_by[x].push_back(static_cast<std::uint32_t>(i));
                depth[i] = std::max(depth[i], cg.layer_of(x));
            }
        }
        // From each node: the deepest layer it leads to. Ties only go forward between layers, so
        // a worklist that pulls each node's value back along its in-arcs settles in O(L m).
        std::vector<std::int64_t> deep(v.n, -1);
        std::vector<std::uint32_t> work;
        for (std::uint32_t x = 1; x < t; ++x) deep[x] = cg.layer_of(x), work.push_back(x);
        while (!work.empty()) {
            const std::uint32_t y = work.back();
            work.pop_back();
            for (auto arc = v.in_begin(y); arc < v.in_end(y); ++arc) {
                const std::uint32_t x = v.in_source[arc];
                if (x != cg.source() && deep[x] < deep[y]) deep[x] = deep[y], work.push_back(x);
            }
        }
        std::vector<char> finishes(v.n, 0);
        ps.run(v, t, direction::in, false, false);
        for (auto y : ps.order) finishes[y] = 1;
        const double completed = static_cast<double>(std::count(done.begin(), done.end(), 1));
        // One max flow; its residual network tells which new tie adds a disjoint route.
        vertex_flow flow_now(v, cg.source(), t, direction::out);
        const std::uint32_t flow_before = flow_now.run();

        struct best_t {
            double completes = 0, flow = 0, progress = 0;
            std::uint32_t layer = 0, u = 0, w = 0;
            bool found = false;
        } best;
        std::vector<std::uint32_t> gained;
        for (std::uint32_t layer = 0; layer + 1 < cg.layers; ++layer)
            for (auto u : cg.holders[layer]) {
                const std::uint32_t x = cg.node(layer, u);
                for (auto w : cg.holders[layer + 1]) {
                    const std::uint32_t y = cg.node(layer + 1, w);
                    if (!allowed.allowed_directed(u, w)) continue;
                    if (std::binary_search(cg.arcs.begin(), cg.arcs.end(), std::make_pair(x, y))) continue;
                    double completes = 0, progress = 0;
                    for (auto i : reached_by[x]) {
                        if (done[i]) continue;
                        if (finishes[y]) completes += 1;
                        if (deep[y] > static_cast<std::int64_t>(depth[i])) progress += static_cast<double>(deep[y] - depth[i]);
                    }
                    const double flow = flow_now.would_add_path(x, y) ? 1.0 : 0.0;
                    const bool better = !best.found || completes > best.completes ||
                                        (completes == best.completes &&
                                         (flow > best.flow || (flow == best.flow && progress > best.progress)));
                    if ((completes > 0 || flow > 0 || progress > 0) && better)
                        best = {completes, flow, progress, layer, u, w, true};
                }
            }
        if (!best.found) break;
        const std::string rel = cg.relations[best.layer];
        tie_suggestion s;
        s.source = cg.g.id(best.u);
        s.target = cg.g.id(best.w);
        s.relation = rel.empty() && where.relations.size() == 1 ? where.relations.front() : rel;
        s.before = completed;
        s.after = completed + best.completes;
        s.reason = "connects " + describe_holder(a, cg.g, best.u, cg.roles[best.layer]) + " to " +
                   describe_holder(a, cg.g, best.w, cg.roles[best.layer + 1]) + "; ";
        if (best.completes > 0)
            s.reason += "completes " + format_number(best.completes) + (best.completes == 1 ? " chain" : " chains") +
                        " (a route for " + format_number(best.completes) + " more " + cg.roles[0] + ")";
        else if (best.flow > 0)
            s.reason += "adds a route that shares no stakeholder with the existing ones (" +
                        std::to_string(flow_before) + " -> " + format_number(flow_before + best.flow) + ")";
        else
            s.reason += "takes the chain one step further (from " + cg.roles[best.layer] + " on to " +
                        cg.roles[best.layer + 1] + ")";
        out.push_back(std::move(s));
        cg.arcs.emplace_back(cg.node(best.layer, best.u), cg.node(best.layer + 1, best.w));
        std::sort(cg.arcs.begin(), cg.arcs.end());
        allowed.use(best.u, best.w);
    }
    return out;
}

inline std::vector<tie_suggestion> suggest_for_fragmentation(const alliance& a, const scope& where,
                                                             const suggestion_options& o) {
    const snapshot g(a, where.to_selection());
    const graph_view v = make_graph_view(g);
    const std::uint32_t n = g.num_vertices();
    std::vector<char> removed(n, 0);
    for (const auto& id : o.removed) {
        const index_t i = a.stakeholder_index(id);
        for (std::uint32_t x = 0; x < n; ++x)
            if (g.stakeholder(x) == i) removed[x] = 1;
    }
    tie_constraints allowed(a, g, o);
    const arc_graph sym(n, arcs_of(v, direction::all, &removed));
    const components_result c = strong_components(sym.view());
    const auto deg = degree(sym.view(), direction::out);
    // Components: size and members (best-connected first), merged as ties are suggested.
    std::vector<double> size(c.count, 0);
    std::vector<std::vector<std::uint32_t>> members(c.count);
    for (std::uint32_t x = 0; x < n; ++x)
        if (!removed[x]) size[c.label[x]] += 1, members[c.label[x]].push_back(x);
    for (auto& m : members)
        std::stable_sort(m.begin(), m.end(), [&](auto x, auto y) { return deg[x] > deg[y]; });
    double left = 0, pairs = 0;
    for (auto s : size) left += s, pairs += pairs_of(s);
    auto f_of = [&](double p) { return left >= 2 ? 1 - p / (left * (left - 1)) : 0.0; };
    std::vector<tie_suggestion> out;
    for (std::uint32_t round = 0; round < o.k; ++round) {
        check_stop(o.run);
        std::vector<std::uint32_t> comps;  // components with a stakeholder that may take a new tie
        for (std::uint32_t k = 0; k < size.size(); ++k)
            if (size[k] > 0 && std::any_of(members[k].begin(), members[k].end(),
                                           [&](std::uint32_t x) { return allowed.may_start(x); }))
                comps.push_back(k);
        std::stable_sort(comps.begin(), comps.end(), [&](auto x, auto y) { return size[x] > size[y]; });
        // The allowed pair with the largest product of sizes: scan pairs in order, stopping as
        // soon as no later pair can beat the best found.
        double best = 0;
        std::uint32_t bu = 0, bw = 0, bc = 0, bd = 0;
        for (std::size_t i = 0; i < comps.size(); ++i) {
            if (i + 1 < comps.size() && size[comps[i]] * size[comps[i + 1]] <= best) break;
            for (std::size_t j = i + 1; j < comps.size(); ++j) {
                const double gain = size[comps[i]] * size[comps[j]];
                if (gain <= best) break;
                // Endpoints: the allowed pair with the fewest new ties so far (spreading the new
                // contacts), then the best-tied (members are sorted by ties).
                std::uint32_t load = UINT32_MAX;
                for (auto x : members[comps[i]]) {
                    if (!allowed.may_start(x) || allowed.used(x) >= load) continue;
                    for (auto y : members[comps[j]])
                        if (allowed.used(x) + allowed.used(y) < load && allowed.allowed(x, y)) {
                            load = allowed.used(x) + allowed.used(y);
                            best = gain, bu = x, bw = y, bc = comps[i], bd = comps[j];
                        }
                }
            }
        }
        if (best == 0) break;
        tie_suggestion s;
        s.source = g.id(bu);
        s.target = g.id(bw);
        s.before = f_of(pairs);
        pairs += 2 * size[bc] * size[bd];  // every member of one group now reaches every member of the other
        s.after = f_of(pairs);
        s.reason = "joins the group of " + format_number(size[bc]) + " around " +
                   describe_holder(a, g, bu, first_role(a, g, bu)) + " to the group of " + format_number(size[bd]) +
                   " around " + describe_holder(a, g, bw, first_role(a, g, bw)) + "; fragmentation falls from " +
                   format_number(std::round(s.before * 1000) / 1000) + " to " +
                   format_number(std::round(s.after * 1000) / 1000);
        out.push_back(std::move(s));
        size[bc] += size[bd], size[bd] = 0;
        members[bc].insert(members[bc].end(), members[bd].begin(), members[bd].end());
        members[bd].clear();
        allowed.use(bu, bw);
    }
    return out;
}

inline std::vector<tie_suggestion> suggest_for_distance(const alliance& a, const scope& where,
                                                        const suggestion_options& o) {
    if (o.role_a.empty() || o.role_b.empty())
        throw invalid_value_error("suggest_ties(objective=distance) needs role_a and role_b");
    const snapshot g(a, where.to_selection());
    const std::uint32_t n = g.num_vertices();
    const auto A = holders(a, g, role_key(a, o.role_a));
    const auto B = holders(a, g, role_key(a, o.role_b));
    suggestion_options constrained = o;
    if (constrained.from_roles.empty()) constrained.from_roles = {o.role_a};
    tie_constraints allowed(a, g, constrained);
    auto arcs = arcs_of(make_graph_view(g), direction::all);
    const double inf = path_search::unreached;
    auto closeness_of = [&](const std::vector<double>& d) {
        double sum = 0;
        for (std::size_t i = 0; i < A.size(); ++i) sum += d[i] == inf ? 0.0 : (d[i] == 0 ? 1.0 : 1.0 / d[i]);
        return A.empty() ? 0.0 : sum / static_cast<double>(A.size());
    };
    std::vector<tie_suggestion> out;
    for (std::uint32_t round = 0; round < o.k; ++round) {
        check_stop(o.run);
        // d(x, B) via a search from an extra vertex n joined to every holder of B.
        auto with_b = arcs;
        for (auto b : B) with_b.emplace_back(n, b), with_b.emplace_back(b, n);
        const arc_graph h(n + 1, std::move(with_b));
        path_search to_b(n + 1);
        to_b.run(h.view(), n, direction::out, false, false);
        std::vector<double> dB(n);
        for (std::uint32_t x = 0; x < n; ++x) dB[x] = to_b.dist[x] == inf ? inf : to_b.dist[x] - 1;
        // d(a, x) from every holder of A.
        const arc_graph plain(n, arcs);
        std::vector<std::vector<double>> dA(A.size());
        path_search ps(n);
        std::vector<double> now(A.size());
        for (std::size_t i = 0; i < A.size(); ++i) {
            ps.run(plain.view(), A[i], direction::out, false, false);
            dA[i] = ps.dist;
            now[i] = dB[A[i]];
        }
        const double before = closeness_of(now);
        double best = before;
        std::uint32_t bu = 0, bw = 0;
        std::vector<double> trial(A.size());
        for (std::uint32_t u = 0; u < n; ++u) {
            if (!allowed.may_start(u)) continue;
            for (std::uint32_t w = u + 1; w < n; ++w) {
                if (!allowed.allowed(u, w)) continue;
                for (std::size_t i = 0; i < A.size(); ++i)
                    trial[i] = std::min({now[i], dA[i][u] + 1 + dB[w], dA[i][w] + 1 + dB[u]});
                const double score = closeness_of(trial);
                if (score > best + 1e-12) best = score, bu = u, bw = w;
            }
        }
        if (!(best > before)) break;
        tie_suggestion s;
        s.source = g.id(bu);
        s.target = g.id(bw);
        s.before = before;
        s.after = best;
        s.reason = "connects " + describe_holder(a, g, bu, first_role(a, g, bu)) + " and " +
                   describe_holder(a, g, bw, first_role(a, g, bw)) + "; brings " + o.role_a + " closer to " +
                   o.role_b + " (mean 1/distance from " + format_number(std::round(before * 1000) / 1000) + " to " +
                   format_number(std::round(best * 1000) / 1000) + ")";
        out.push_back(std::move(s));
        arcs.emplace_back(bu, bw), arcs.emplace_back(bw, bu);
        allowed.use(bu, bw);
    }
    return out;
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Suggests up to k new ties that improve an objective most, greedily: each round takes the
/// single tie that improves the score most given the ties suggested before it, within the
/// constraints (roles at the ends, excluded pairs, a limit per stakeholder). Greedy is not
/// always optimal (two ties that only help together are missed unless one of them helps alone),
/// but it is fast and each step is explained.
///
/// Scores (before / after in each suggestion):
/// - chain: the number of holders of the first role with a route; ties tried are those from a
///   holder of one role of the chain to a holder of the next, in the step's relation. Among
///   equals, the tie adding a stakeholder-disjoint route wins (read off the residual network
///   of one max flow per round), then the one taking most starts furthest along the chain.
///   O(k (c h + h L (n + m) + f L (n + m))) for c candidate pairs, h starting stakeholders
///   and f disjoint routes.
/// - fragmentation: Borgatti's F of the undirected reading without `removed`. A tie between
///   components of sizes a and b lowers the count of reachable ordered pairs by 2ab, so each
///   round joins the two largest components that have an allowed pair (endpoints: the allowed
///   pair with the fewest new ties so far, so that new contacts are spread rather than piled
///   on one hub; among equals the stakeholders with most ties). O(n + m + k C log C) for C
///   components, plus the pairs tried within the two components.
/// - distance: the mean over holders of role_a of 1 / d(a, nearest holder of role_b) (0 when
///   unreachable; 1 when directly tied), on the undirected reading. A tie u - v gives
///   d'(a) = min(d(a), d(a, u) + 1 + d(v, B), d(a, v) + 1 + d(u, B)); candidates are pairs with
///   one end holding role_a (or from_roles when given). O(k (|A| (n + m) + c |A|)).
///
/// @param a     the alliance
/// @param where relations and wave
/// @param o     objective, k and constraints
/// Stops early when no allowed tie improves the score. Throws unknown_id_error for unknown
/// roles, relations, waves or stakeholders; invalid_value_error for a missing role_a / role_b.
WIJKNET_DECL std::vector<tie_suggestion> suggest_ties(const alliance& a, const scope& where, const suggestion_options& o);
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<tie_suggestion> suggest_ties(const alliance& a, const scope& where, const suggestion_options& o) {
    switch (o.objective) {
        case suggestion_objective::chain: return detail::suggest_for_chain(a, where, o);
        case suggestion_objective::fragmentation: return detail::suggest_for_fragmentation(a, where, o);
        case suggestion_objective::distance: return detail::suggest_for_distance(a, where, o);
    }
    return {};
}
#endif

}  // namespace wijknet
