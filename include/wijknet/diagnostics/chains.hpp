/// @file
/// @brief Chains (ketenaanpak): routes along an ordered sequence of roles, e.g. bewonersinitiatief
/// -> lhbti_organisatie -> welzijnswerk -> wijkagent over referral ties.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/algorithms/cohesion.hpp"
#include "wijknet/diagnostics/common.hpp"

namespace wijknet {

/// An ordered sequence of roles, with the relation each step follows.
struct chain {
    /// Role keys or labels, in order; at least two.
    std::vector<std::string> roles;
    /// The relation of each step (roles[i] -> roles[i + 1]): empty = the scope's relations for
    /// every step; otherwise one key per step, where an empty key means the scope's relations.
    std::vector<std::string> relations;
    /// false: each step is one direct tie from a holder of roles[i] to a holder of roles[i + 1].
    /// true: a step may pass through other stakeholders (intermediaries) along the step's ties.
    bool intermediaries = false;
};

/// Options of chain_routes().
struct chain_options {
    /// At most this many shortest routes are listed (the count is always exact).
    std::size_t max_routes = 100;
};

/// The routes of a chain in one scope.
struct chain_result {
    bool exists = false;          ///< some route runs from a holder of the first role to one of the last
    std::uint32_t length = 0;     ///< ties on a shortest route (0 when none exists)
    double shortest_routes = 0;   ///< the number of shortest routes
    /// Shortest routes as stakeholder ids, first role first (at most chain_options::max_routes).
    std::vector<std::vector<std::string>> routes;
    /// Per stakeholder on some shortest route: the share of the shortest routes through it.
    std::vector<std::pair<std::string, double>> on_routes;
    /// Per holder of the first role: its own shortest route (empty when it has none).
    std::vector<std::pair<std::string, std::vector<std::string>>> best_routes;
    /// The largest number of routes that share no stakeholder (Menger: the fewest stakeholders
    /// whose departure breaks every route). See chain_routes() for stakeholders holding two
    /// roles of the chain.
    std::uint32_t disjoint_routes = 0;
    /// Whether disjoint_routes is exact. It is, unless a stakeholder can take two places in a route
    /// (it holds two roles of the chain, or the chain has intermediaries) and no single departure
    /// breaks every route: then disjoint_routes (at least 2) counts routes of the layered graph and
    /// is an upper bound, and all that is certain is that no single departure breaks the chain.
    bool disjoint_exact = true;
    /// When no route exists: the step (1-based: step i runs from roles[i - 1] to roles[i]) where
    /// every route stops; 0 when a route exists.
    std::size_t broken_step = 0;
    /// When no route exists: the stakeholders the routes reach last (holders of
    /// roles[broken_step - 1] that are reached), from which there is no way on.
    std::vector<std::string> stranded;
    std::string explanation;  ///< plain-language summary
};

#if WIJKNET_BODIES
namespace detail {

/// The layered graph of a chain: vertex 0 is a source joined to every holder of the first role,
/// vertex 1 + i n + v is stakeholder v at step i, and the last vertex a sink joined from every
/// holder of the last role. A route of the chain is a source-sink path.
struct chain_graph {
    std::uint32_t n = 0;       ///< stakeholders in the snapshot
    std::uint32_t layers = 0;  ///< roles in the chain
    std::vector<std::string> roles;
    std::vector<std::string> relations;  ///< per step, as given ("" = the scope's)
    snapshot g;                          ///< the scope (vertices shared by every step)
    std::vector<std::vector<std::uint32_t>> holders;  ///< per layer
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;

    std::uint32_t source() const { return 0; }
    std::uint32_t sink() const { return 1 + layers * n; }
    std::uint32_t node(std::uint32_t layer, std::uint32_t v) const { return 1 + layer * n + v; }
    std::uint32_t layer_of(std::uint32_t node) const { return (node - 1) / n; }
    std::uint32_t stakeholder_of(std::uint32_t node) const { return (node - 1) % n; }
};

inline chain_graph make_chain_graph(const alliance& a, const chain& c, const scope& where) {
    if (c.roles.size() < 2) throw invalid_value_error("a chain needs at least two roles, got " + std::to_string(c.roles.size()));
    if (!c.relations.empty() && c.relations.size() + 1 != c.roles.size())
        throw invalid_value_error("a chain of " + std::to_string(c.roles.size()) + " roles has " +
                                  std::to_string(c.roles.size() - 1) + " steps; got " +
                                  std::to_string(c.relations.size()) + " relations (give one per step, or none)");
    chain_graph cg;
    for (const auto& r : c.roles) cg.roles.push_back(role_key(a, r));
    cg.layers = static_cast<std::uint32_t>(cg.roles.size());
    cg.relations = c.relations.empty() ? std::vector<std::string>(cg.layers - 1) : c.relations;
    cg.g = snapshot(a, where.to_selection());
    cg.n = cg.g.num_vertices();
    for (const auto& r : cg.roles) cg.holders.push_back(holders(a, cg.g, r));
    std::vector<std::vector<char>> holds_role(cg.layers, std::vector<char>(cg.n, 0));
    for (std::uint32_t i = 0; i < cg.layers; ++i)
        for (auto v : cg.holders[i]) holds_role[i][v] = 1;
    for (auto v : cg.holders[0]) cg.arcs.emplace_back(cg.source(), cg.node(0, v));
    for (auto v : cg.holders[cg.layers - 1]) cg.arcs.emplace_back(cg.node(cg.layers - 1, v), cg.sink());
    for (std::uint32_t i = 0; i + 1 < cg.layers; ++i) {
        // The step's ties: the scope's snapshot, or one of the step's relation in the scope's wave.
        scope step = where;
        if (!cg.relations[i].empty()) step.relations = {cg.relations[i]};
        const snapshot s = cg.relations[i].empty() ? snapshot() : snapshot(a, step.to_selection());
        const snapshot& ties = cg.relations[i].empty() ? cg.g : s;
        for (std::uint32_t u = 0; u < cg.n; ++u)
            for (auto arc = ties.out_begin(u); arc < ties.out_end(u); ++arc) {
                const std::uint32_t w = ties.arc_target(arc);
                if (w == u) continue;
                if (holds_role[i + 1][w]) cg.arcs.emplace_back(cg.node(i, u), cg.node(i + 1, w));
                if (c.intermediaries) cg.arcs.emplace_back(cg.node(i, u), cg.node(i, w));
            }
    }
    return cg;
}

/// The stakeholders strictly between the search's start and @p target on one shortest path,
/// found backwards through the lowest-numbered predecessor one step closer each time.
inline std::vector<std::string> route_to(const chain_graph& cg, const graph_view& v, const path_search& ps,
                                         std::uint32_t target) {
    std::vector<std::string> ids;
    std::uint32_t x = target;
    while (ps.dist[x] > 1) {
        for (auto a = v.in_begin(x); a < v.in_end(x); ++a)
            if (ps.dist[v.in_source[a]] == ps.dist[x] - 1) {
                x = v.in_source[a];
                break;
            }
        ids.push_back(cg.g.id(cg.stakeholder_of(x)));
    }
    std::reverse(ids.begin(), ids.end());
    return ids;
}

/// Whether a source-sink path of the layered graph avoids every copy of stakeholder @p s.
inline bool route_without(const chain_graph& cg, const graph_view& v, std::uint32_t s) {
    std::vector<char> seen(v.n, 0);
    std::vector<std::uint32_t> stack{cg.source()};
    seen[cg.source()] = 1;
    while (!stack.empty()) {
        const std::uint32_t x = stack.back();
        stack.pop_back();
        if (x == cg.sink()) return true;
        for (auto a = v.out_begin(x); a < v.out_end(x); ++a) {
            const std::uint32_t y = v.out_target[a];
            if (seen[y] || (y != cg.sink() && cg.stakeholder_of(y) == s)) continue;
            seen[y] = 1;
            stack.push_back(y);
        }
    }
    return false;
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Routes of a chain in one scope.
///
/// A route is a sequence of stakeholders s_0, s_1, ..., where s_0 holds roles[0], each step
/// follows a tie of the step's relation (in its direction, for a directed relation; either
/// way for an undirected one) and the step from roles[i] reaches a holder of roles[i + 1]. With
/// intermediaries, a step may pass through other stakeholders along the step's ties. A
/// stakeholder holding two roles of the chain may appear in two places of one route.
///
/// Routes are sequences of stakeholders: when a stakeholder can take two places in a route,
/// one sequence may run through the layered graph in several ways, and it is counted once
/// (shortest_routes, routes, on_routes), as long as there are at most 100,000 layered shortest
/// routes to enumerate; beyond that shortest_routes counts layered routes (an upper bound) and
/// on_routes is still exact: the share of layered shortest routes that pass through any copy of
/// the stakeholder (so a stakeholder in two places of one route counts once, never above 1).
///
/// The search runs on a layered graph (one copy of the stakeholders per role of the chain,
/// ties between consecutive copies), breadth-first from all holders of the first role
/// (shortest routes and their number, as in betweenness), backwards from all holders of the
/// last role (who is on the shortest routes: sigma_s(v) sigma_t(v) / sigma_st), and once from
/// every holder of the first role (its best route). disjoint_routes is the number of
/// vertex-disjoint paths of the layered graph (wijknet::node_connectivity): exact when no
/// stakeholder can take two places in a route; otherwise an upper bound. When no route
/// exists, the chain breaks at the first step no route gets past.
///
/// @param a       the alliance
/// @param c       the chain
/// @param where   the relations (for steps without their own) and the wave
/// @param options how many routes to list
/// O(h L (n + m)) for h holders of the first role and L roles; the disjoint routes O(k L (n + m)).
/// Throws unknown_id_error for an unknown role, relation or wave; invalid_value_error for a
/// chain of fewer than two roles or a relation list of the wrong length.
WIJKNET_DECL chain_result chain_routes(const alliance& a, const chain& c, const scope& where = {},
                                 const chain_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL chain_result chain_routes(const alliance& a, const chain& c, const scope& where,
                                 const chain_options& options) {
    const detail::chain_graph cg = detail::make_chain_graph(a, c, where);
    const detail::arc_graph lg(cg.sink() + 1, cg.arcs);
    const graph_view& v = lg.view();
    chain_result r;
    detail::path_search from(v.n), to(v.n);
    from.run(v, cg.source(), direction::out, false, true);
    const std::uint32_t t = cg.sink();
    r.exists = from.dist[t] != detail::path_search::unreached;

    // Best route of each start.
    detail::path_search each(v.n);
    for (auto s : cg.holders[0]) {
        each.run(v, cg.node(0, s), direction::out, false, false);
        std::vector<std::string> route;
        if (each.dist[t] != detail::path_search::unreached) {
            route = detail::route_to(cg, v, each, t);
            route.insert(route.begin(), cg.g.id(s));
        }
        r.best_routes.emplace_back(cg.g.id(s), std::move(route));
    }

    auto list = [](const std::vector<std::string>& ids) {
        std::string s;
        for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
        return s;
    };
    std::string chain_text;
    for (std::size_t i = 0; i < cg.roles.size(); ++i) chain_text += (i ? " -> " : "") + cg.roles[i];

    if (r.exists) {
        r.length = static_cast<std::uint32_t>(from.dist[t]) - 2;
        r.shortest_routes = from.sigma[t];
        to.run(v, t, direction::in, false, true);
        const auto on_shortest = [&](std::uint32_t x) {
            return from.dist[x] != detail::path_search::unreached && to.dist[x] != detail::path_search::unreached &&
                   from.dist[x] + to.dist[x] == from.dist[t];
        };
        // Stakeholders with a copy in two layers of a shortest route: one stakeholder sequence may then
        // run through the layered graph in several ways, and sigma counts each of them.
        std::vector<std::uint32_t> copies(cg.n, 0);
        for (auto x : from.order)
            if (x != cg.source() && x != t && on_shortest(x)) ++copies[cg.stakeholder_of(x)];
        const bool twice = std::any_of(copies.begin(), copies.end(), [](std::uint32_t c) { return c > 1; });

        // Who is on the shortest routes, and how often: sigma_s(v) sigma_t(v) / sigma_st for a stakeholder
        // with one copy; for one with several, the share of shortest routes avoiding every copy, by
        // counting paths of the shortest-path DAG (nodes in from.order are in non-decreasing distance).
        std::vector<double> share(cg.n, 0.0);
        for (std::uint32_t x = 1; x < t; ++x)
            if (on_shortest(x) && copies[cg.stakeholder_of(x)] == 1)
                share[cg.stakeholder_of(x)] = from.sigma[x] * to.sigma[x] / from.sigma[t];
        std::vector<double> count(v.n);
        auto shortest_avoiding = [&](std::uint32_t s) {
            std::fill(count.begin(), count.end(), 0.0);
            count[cg.source()] = 1.0;
            for (auto x : from.order) {
                if (count[x] == 0.0) continue;
                for (auto arc = v.out_begin(x); arc < v.out_end(x); ++arc) {
                    const std::uint32_t y = v.out_target[arc];
                    if (!on_shortest(y) || from.dist[y] != from.dist[x] + 1) continue;
                    if (y != t && cg.stakeholder_of(y) == s) continue;
                    count[y] += count[x];
                }
            }
            return count[t];
        };
        for (std::uint32_t s = 0; s < cg.n; ++s)
            if (copies[s] > 1) share[s] = 1.0 - shortest_avoiding(s) / from.sigma[t];

        // The shortest routes as stakeholder sequences, depth-first along arcs that stay on a shortest
        // path; each sequence once. All of them when sequences can repeat (to count them), else as many
        // as are listed.
        constexpr double enumerable = 100000;
        const bool distinct = twice && from.sigma[t] <= enumerable;
        std::set<std::vector<std::uint32_t>> seen;
        std::vector<std::vector<std::uint32_t>> sequences;
        const std::size_t limit = distinct ? static_cast<std::size_t>(enumerable) : options.max_routes;
        std::size_t walked = 0;
        std::vector<std::uint32_t> path;
        auto walk = [&](auto&& self, std::uint32_t x) -> void {
            if (walked >= limit || (!distinct && sequences.size() >= options.max_routes)) return;
            if (x == t) {
                ++walked;
                std::vector<std::uint32_t> ids;
                for (auto y : path) ids.push_back(cg.stakeholder_of(y));
                if (seen.insert(ids).second) sequences.push_back(std::move(ids));
                return;
            }
            for (auto arc = v.out_begin(x); arc < v.out_end(x); ++arc) {
                const std::uint32_t y = v.out_target[arc];
                if (to.dist[y] == detail::path_search::unreached || to.dist[y] != to.dist[x] - 1) continue;
                if (y != t) path.push_back(y);
                self(self, y);
                if (y != t) path.pop_back();
            }
        };
        walk(walk, cg.source());
        if (distinct) {
            r.shortest_routes = static_cast<double>(sequences.size());
            std::fill(share.begin(), share.end(), 0.0);
            for (const auto& ids : sequences) {
                std::vector<std::uint32_t> once(ids);
                std::sort(once.begin(), once.end());
                once.erase(std::unique(once.begin(), once.end()), once.end());
                for (auto s : once) share[s] += 1.0 / static_cast<double>(sequences.size());
            }
        }
        for (std::uint32_t s = 0; s < cg.n; ++s)
            if (share[s] > 0) r.on_routes.emplace_back(cg.g.id(s), std::min(1.0, share[s]));
        for (std::size_t k = 0; k < sequences.size() && r.routes.size() < options.max_routes; ++k) {
            std::vector<std::string> ids;
            for (auto s : sequences[k]) ids.push_back(cg.g.id(s));
            r.routes.push_back(std::move(ids));
        }
        r.disjoint_routes = node_connectivity(v, cg.source(), t, direction::out);
        if (twice || c.intermediaries) {
            // Menger's theorem holds for the layered graph, not for stakeholders with several copies: one
            // departure may take out several copies. Exact is whether some single departure breaks every
            // route; such a stakeholder is on every shortest route.
            bool breaks = false;
            for (std::uint32_t s = 0; s < cg.n && !breaks; ++s)
                if (share[s] >= 1.0 - 1e-12 && !detail::route_without(cg, v, s)) breaks = true;
            if (breaks) {
                r.disjoint_routes = 1;
            } else {
                r.disjoint_routes = std::max<std::uint32_t>(r.disjoint_routes, 2);
                r.disjoint_exact = false;
            }
        }
        r.explanation = "The chain " + chain_text + " works" + (where.wave.empty() ? "" : " in wave " + where.wave) +
                        ": the shortest route has " + std::to_string(r.length) + " ties (" +
                        list(r.routes.front()) + ")";
        if (r.shortest_routes > 1) r.explanation += ", one of " + format_number(r.shortest_routes) + " shortest routes";
        if (!r.disjoint_exact) {
            r.explanation += ". No single departure breaks the chain.";
            return r;
        }
        r.explanation += ". " + std::to_string(r.disjoint_routes) +
                         (r.disjoint_routes == 1 ? " route shares no stakeholder with another"
                                                 : " routes share no stakeholder") + ": ";
        if (r.disjoint_routes == 1) {
            std::vector<std::string> all;  // in route order
            for (const auto& id : r.routes.front())
                for (const auto& [on, s] : r.on_routes)
                    if (on == id && s >= 1.0 - 1e-12 && std::find(all.begin(), all.end(), id) == all.end())
                        all.push_back(id);
            r.explanation += all.empty() ? "one departure can break the chain."
                                         : "the chain depends on " + list(all) + " (on every shortest route).";
        } else {
            r.explanation += "it takes " + std::to_string(r.disjoint_routes) + " departures to break the chain.";
        }
        return r;
    }

    // Broken: the deepest layer any route reaches.
    std::int64_t deepest = -1;
    for (std::uint32_t x = 1; x < t; ++x)
        if (from.dist[x] != detail::path_search::unreached)
            deepest = std::max<std::int64_t>(deepest, cg.layer_of(x));
    if (deepest < 0) {
        r.explanation = "The chain " + chain_text + " cannot start: no stakeholder" +
                        (where.wave.empty() ? "" : " in wave " + where.wave) + " holds the role " + cg.roles[0] + ".";
        r.broken_step = 1;
        return r;
    }
    const auto layer = static_cast<std::uint32_t>(deepest);
    r.broken_step = layer + 1;
    for (auto s : cg.holders[layer])
        if (from.dist[cg.node(layer, s)] != detail::path_search::unreached) r.stranded.push_back(cg.g.id(s));
    const std::string rel = cg.relations[layer].empty() ? std::string("selected") : cg.relations[layer];
    r.explanation = "The chain " + chain_text + " breaks" + (where.wave.empty() ? "" : " in wave " + where.wave) +
                    " at step " + std::to_string(r.broken_step) + ", from " + cg.roles[layer] + " to " +
                    cg.roles[layer + 1] + ": ";
    if (cg.holders[layer + 1].empty())
        r.explanation += "no stakeholder holds the role " + cg.roles[layer + 1] + ".";
    else
        r.explanation += list(r.stranded) + " (" + cg.roles[layer] + ") " +
                         (r.stranded.size() == 1 ? "has" : "have") + " no " + rel + " tie on to any " +
                         cg.roles[layer + 1] + " (" + list([&] {
                             std::vector<std::string> ids;
                             for (auto s : cg.holders[layer + 1]) ids.push_back(cg.g.id(s));
                             return ids;
                         }()) + ").";
    return r;
}
#endif

}  // namespace wijknet
