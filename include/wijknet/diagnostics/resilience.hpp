/// @file
/// @brief Resilience: what happens when stakeholders leave. Fragmentation (Borgatti), scenarios
/// on a copy of the alliance, and key-player sets (Borgatti 2006).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/algorithms/parallel.hpp"
#include "wijknet/algorithms/structure.hpp"
#include "wijknet/diagnostics/chains.hpp"
#include "wijknet/diagnostics/coverage.hpp"

namespace wijknet {

/// Fragmentation of a network (Borgatti 2006, "Identifying sets of key players").
struct fragmentation_result {
    /// F = 1 - (ordered pairs (i, j), i != j, where i reaches j) / (n (n - 1)). Along all (the
    /// undirected reading) this is 1 - sum_k s_k (s_k - 1) / (n (n - 1)) over component sizes
    /// s_k. 0: everyone reaches everyone; 1: no ties at all.
    double fragmentation = 0;
    /// DF = 1 - (sum over ordered pairs i != j of 1 / d_ij) / (n (n - 1)), d_ij in ties,
    /// 1 / d = 0 when j cannot be reached: 0 only when everyone is tied to everyone.
    double distance_fragmentation = 0;
    std::uint32_t stakeholders = 0;       ///< n: the stakeholders counted (removed ones are not)
    std::uint32_t components = 0;         ///< weak components of the remaining stakeholders
    std::uint32_t largest_component = 0;  ///< stakeholders in the largest one
};

#if WIJKNET_BODIES
namespace detail {

/// Component sizes of the undirected reading of @p g without the @p removed vertices.
inline std::vector<std::uint32_t> component_sizes(const graph_view& g, const std::vector<char>& removed) {
    const arc_graph sym(g.n, arcs_of(g, direction::all, &removed));
    const components_result c = strong_components(sym.view());  // mutual arcs: the components
    std::vector<std::uint32_t> sizes(c.count, 0);
    for (std::uint32_t v = 0; v < g.n; ++v)
        if (!removed[v]) ++sizes[c.label[v]];
    sizes.erase(std::remove(sizes.begin(), sizes.end(), 0u), sizes.end());
    return sizes;
}

inline double pairs_of(double s) { return s * (s - 1); }

/// For every vertex v not removed: the number of ordered pairs that still reach each other
/// (in the undirected reading) once v is removed too. Tarjan's low-point search with subtree
/// sizes: removing v separates each DFS child c with low(c) >= disc(v) as a piece of
/// size(c); the rest of v's component stays together. O(n + m) for all vertices at once.
inline std::vector<double> pairs_after_removing_each(const graph_view& sym, const std::vector<char>& removed) {
    const std::uint32_t n = sym.n, none = UINT32_MAX;
    std::vector<std::uint32_t> disc(n, none), low(n, 0), size(n, 1), comp_size(n, 0), root_of(n, none);
    std::vector<double> separated(n, 0.0), separated_pairs(n, 0.0);  // per v: sum of pieces, sum of pairs
    std::vector<std::pair<std::uint32_t, std::uint64_t>> call;
    std::vector<std::uint32_t> order;
    std::uint32_t time = 0;
    double total = 0;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (removed[root] || disc[root] != none) continue;
        const std::size_t first = order.size();
        disc[root] = low[root] = time++;
        order.push_back(root);
        call.emplace_back(root, sym.out_begin(root));
        std::vector<std::uint32_t> parent_stack{none};
        while (!call.empty()) {
            auto& [v, a] = call.back();
            if (a < sym.out_end(v)) {
                const std::uint32_t w = sym.out_target[a++];
                if (removed[w]) continue;
                if (disc[w] == none) {
                    disc[w] = low[w] = time++;
                    order.push_back(w);
                    parent_stack.push_back(v);
                    call.emplace_back(w, sym.out_begin(w));
                } else if (w != parent_stack.back()) {
                    low[v] = std::min(low[v], disc[w]);
                }
                continue;
            }
            const std::uint32_t child = v;
            call.pop_back();
            parent_stack.pop_back();
            if (call.empty()) break;
            const std::uint32_t u = call.back().first;
            low[u] = std::min(low[u], low[child]);
            size[u] += size[child];
            if (low[child] >= disc[u]) separated[u] += size[child], separated_pairs[u] += pairs_of(size[child]);
        }
        const std::uint32_t c = size[root];
        for (std::size_t k = first; k < order.size(); ++k) comp_size[order[k]] = c, root_of[order[k]] = root;
        total += pairs_of(c);
    }
    std::vector<double> out(n, 0.0);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (removed[v]) continue;
        const double c = comp_size[v];
        // The root's children are all separated; any other vertex keeps the rest with its parent.
        const double rest = c - 1 - separated[v];
        out[v] = total - pairs_of(c) + separated_pairs[v] + (rest > 0 ? pairs_of(rest) : 0.0);
    }
    return out;
}

/// Sum over ordered reachable pairs of 1 / d (in ties) and the number of such pairs, by the
/// 64-sources-at-once breadth-first search, on every core.
inline std::pair<double, double> inverse_distances(const graph_view& g, direction along,
                                                   const std::vector<char>& removed, const run_options& run) {
    const arc_graph h(g.n, arcs_of(g, along, &removed));
    const graph_view& v = h.view();
    const hop_sums sums = all_hop_sums(g.n, v.out_offset, v.out_target, &removed, run);
    return {std::accumulate(sums.inverse.begin(), sums.inverse.end(), 0.0),
            std::accumulate(sums.reached.begin(), sums.reached.end(), 0.0)};
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Fragmentation F and distance-weighted fragmentation DF of a network, without the vertices
/// marked in @p removed (empty: none removed), over the n stakeholders that remain.
///
/// @param g       the network
/// @param removed one flag per vertex (or empty): these vertices and their ties are left out
/// @param along   all (default): ties count either way, Borgatti's undirected definition;
///                out: i must reach j along the ties' direction
/// @param run     threads and stopping
/// Weights are ignored (distances count ties). With fewer than two stakeholders F = DF = 0.
/// O(n + m) for F and the components; O(n (n + m)) for DF (one search per stakeholder).
WIJKNET_DECL fragmentation_result fragmentation(const graph_view& g, std::vector<char> removed = {},
                                          direction along = direction::all, const run_options& run = {});
#if WIJKNET_BODIES
WIJKNET_DECL fragmentation_result fragmentation(const graph_view& g, std::vector<char> removed,
                                          direction along, const run_options& run) {
    if (removed.empty()) removed.assign(g.n, 0);
    if (removed.size() != g.n) throw invalid_value_error("fragmentation: one removal flag per vertex expected");
    fragmentation_result r;
    const auto sizes = detail::component_sizes(g, removed);
    r.stakeholders = std::accumulate(sizes.begin(), sizes.end(), 0u);
    r.components = static_cast<std::uint32_t>(sizes.size());
    r.largest_component = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
    const double n = r.stakeholders, all_pairs = n * (n - 1);
    if (n < 2) return r;
    const auto [inverse, reached] = detail::inverse_distances(g, along, removed, run);
    if (along == direction::all || !g.directed) {
        double pairs = 0;
        for (auto s : sizes) pairs += detail::pairs_of(s);
        r.fragmentation = 1 - pairs / all_pairs;
    } else {
        r.fragmentation = 1 - reached / all_pairs;
    }
    r.distance_fragmentation = 1 - inverse / all_pairs;
    return r;
}
#endif

// ----------------------------------------------------------------------------- key players

/// What a key-player set is chosen for.
enum class key_player_objective {
    fragmentation,           ///< KPP-Neg: removing the set maximises F
    distance_fragmentation,  ///< KPP-Neg: removing the set maximises DF
    reach,                   ///< KPP-Pos: the set reaches the most others within max_distance
};

/// Options of key_players().
struct key_player_options {
    std::uint32_t k = 1;  ///< size of the set
    key_player_objective objective = key_player_objective::fragmentation;
    /// reach: others count as reached within this many ties of a member of the set.
    std::uint32_t max_distance = 1;
    direction along = direction::all;  ///< ties either way (default), or along their direction
    /// Random seed: breaks ties between equally good candidates, so results are reproducible.
    std::uint64_t seed = 0;
    /// Rounds of swap local search after each start (0: greedy only).
    std::uint32_t max_rounds = 10;
    /// Random starting sets improved by swaps besides the greedy one (a single swap cannot
    /// always leave a local optimum: on a - b - c - d - e, {a, c} needs two swaps to reach {b, d}).
    std::uint32_t restarts = 4;
    /// distance_fragmentation only: candidates considered per step on larger networks (the
    /// stakeholders with most ties); 0 = every stakeholder. Each candidate costs O(n (n + m)).
    std::uint32_t candidates = 64;
    run_options run;
};

/// A key-player set and its score.
struct key_player_result {
    std::vector<std::uint32_t> players;  ///< vertices, in the order they were chosen
    /// F or DF of the network without the set, or the share of the others reached.
    double score = 0;
    double before = 0;  ///< F or DF of the whole network (0 for reach)
};

#if WIJKNET_BODIES
namespace detail {

/// Greedy selection, then swap local search from the greedy set and from `restarts` random
/// sets; the best set found wins. `best_addition(set, order)` returns the best vertex to add
/// to the set (candidates tried in `order`, so the first of equals wins) and the score of the
/// set with it (higher is better).
template <class BestAddition>
std::pair<std::vector<std::uint32_t>, double> greedy_swap(std::uint32_t n, std::uint32_t k, std::uint32_t rounds,
                                                          std::uint32_t restarts, std::uint64_t seed,
                                                          BestAddition&& best_addition, const run_options& run) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    // Swap: replace a member by the best outsider while that improves the score.
    auto improve = [&](std::vector<std::uint32_t> set, double score) {
        for (std::uint32_t round = 0; round < rounds; ++round) {
            bool improved = false;
            for (std::size_t i = 0; i < set.size(); ++i) {
                std::vector<std::uint32_t> rest = set;
                rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
                auto [v, s] = best_addition(rest, order);
                if (v != UINT32_MAX && s > score + 1e-12) set[i] = v, score = s, improved = true;
                check_stop(run);
            }
            if (!improved) break;
        }
        return std::make_pair(set, score);
    };
    std::vector<std::uint32_t> set;
    double score = -std::numeric_limits<double>::infinity();
    for (std::uint32_t i = 0; i < k && i < n; ++i) {
        auto [v, s] = best_addition(set, order);
        if (v == UINT32_MAX) break;
        set.push_back(v), score = s;
        check_stop(run);
    }
    auto best = improve(set, score);
    for (std::uint32_t r = 0; r < restarts && k < n; ++r) {
        std::vector<std::uint32_t> pool = order;
        std::shuffle(pool.begin(), pool.end(), rng);
        pool.resize(k);
        auto found = improve(pool, -std::numeric_limits<double>::infinity());
        if (found.second > best.second + 1e-12) best = found;
    }
    return best;
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Key players (Borgatti 2006): the k stakeholders whose removal fragments the network most
/// (KPP-Neg, F or DF), or who reach the most others within max_distance ties (KPP-Pos).
///
/// Greedy: add, k times, the stakeholder that improves the score most; then swap local search
/// (Borgatti 2006): replace a member by the best outsider while that improves the score, for
/// at most max_rounds rounds, from the greedy set and from `restarts` random sets. The result
/// is the best local optimum found, not always the global one (tests compare with enumeration
/// of all k-subsets on small networks). Random sets and the order in which equal candidates
/// are taken come from the seed, so a seed always gives the same answer.
///
/// - fragmentation: every candidate of a step is scored at once by a low-point search that
///   gives the component sizes after removing each vertex: O(n + m) per step and per swap
///   try, O(k (k R + 1) (n + m)) in all for R rounds.
/// - distance_fragmentation: each candidate costs a full DF, O(n (n + m)); only the
///   `candidates` stakeholders with most ties are tried on networks larger than that.
/// - reach: score = |{j not in S : d(S, j) <= max_distance}| / (n - k); balls of radius
///   max_distance from every stakeholder by bounded breadth-first search, then greedy cover.
///
/// @param g the network
/// @param o the size, objective and search options
/// Throws invalid_value_error when k is 0 or larger than the number of vertices.
WIJKNET_DECL key_player_result key_players(const graph_view& g, const key_player_options& o = {});
#if WIJKNET_BODIES
WIJKNET_DECL key_player_result key_players(const graph_view& g, const key_player_options& o) {
    if (o.k == 0 || o.k > g.n)
        throw invalid_value_error("key_players: k must be between 1 and the number of stakeholders (" +
                                  std::to_string(g.n) + "), got " + std::to_string(o.k));
    key_player_result r;
    const std::uint32_t n = g.n;
    const double all = static_cast<double>(n);
    auto mask = [&](const std::vector<std::uint32_t>& set) {
        std::vector<char> removed(n, 0);
        for (auto v : set) removed[v] = 1;
        return removed;
    };
    if (o.objective == key_player_objective::fragmentation) {
        const detail::arc_graph sym(n, detail::arcs_of(g, direction::all));
        double pairs = 0;
        for (auto s : detail::component_sizes(g, std::vector<char>(n, 0))) pairs += detail::pairs_of(s);
        r.before = n >= 2 ? 1 - pairs / (all * (all - 1)) : 0.0;
        auto best = [&](const std::vector<std::uint32_t>& set, const std::vector<std::uint32_t>& order) {
            const auto removed = mask(set);
            const auto pairs = detail::pairs_after_removing_each(sym.view(), removed);
            const double left = all - static_cast<double>(set.size()) - 1;
            std::uint32_t pick = UINT32_MAX;
            double lowest = 0;
            for (auto v : order)
                if (!removed[v] && (pick == UINT32_MAX || pairs[v] < lowest)) pick = v, lowest = pairs[v];
            const double f = left >= 2 ? 1 - lowest / (left * (left - 1)) : 0.0;
            return std::make_pair(pick, f);
        };
        std::tie(r.players, r.score) = detail::greedy_swap(n, o.k, o.max_rounds, o.restarts, o.seed, best, o.run);
        return r;
    }
    if (o.objective == key_player_objective::distance_fragmentation) {
        r.before = fragmentation(g, {}, o.along, o.run).distance_fragmentation;
        std::vector<std::uint32_t> pool(n);
        std::iota(pool.begin(), pool.end(), 0u);
        if (o.candidates && n > o.candidates) {
            const auto deg = degree(g, direction::all);
            std::stable_sort(pool.begin(), pool.end(), [&](auto x, auto y) { return deg[x] > deg[y]; });
            pool.resize(std::max(o.candidates, o.k));
        }
        std::vector<char> in_pool(n, 0);
        for (auto v : pool) in_pool[v] = 1;
        auto best = [&](const std::vector<std::uint32_t>& set, const std::vector<std::uint32_t>& order) {
            auto removed = mask(set);
            std::uint32_t pick = UINT32_MAX;
            double highest = 0;
            for (auto v : order) {
                if (removed[v] || !in_pool[v]) continue;
                removed[v] = 1;
                const double df = fragmentation(g, removed, o.along, o.run).distance_fragmentation;
                removed[v] = 0;
                if (pick == UINT32_MAX || df > highest) pick = v, highest = df;
            }
            return std::make_pair(pick, highest);
        };
        std::tie(r.players, r.score) = detail::greedy_swap(n, o.k, o.max_rounds, o.restarts, o.seed, best, o.run);
        return r;
    }
    // Reach: balls of radius max_distance.
    const detail::arc_graph h(n, detail::arcs_of(g, o.along));
    std::vector<std::vector<std::uint32_t>> ball(n);
    const unsigned workers = detail::worker_count(n, o.run);
    std::vector<detail::bfs_search> search(workers, detail::bfs_search(n));
    detail::parallel_for(n, o.run, [&](unsigned w, std::uint32_t s) {
        auto& b = search[w];
        b.run(h.view().out_offset, h.view().out_target, s, false, static_cast<std::int32_t>(o.max_distance));
        ball[s].assign(b.order.begin() + 1, b.order.end());
    });
    std::vector<std::uint32_t> covered(n, 0);  // by how many members (scratch, rebuilt per call)
    auto best = [&](const std::vector<std::uint32_t>& set, const std::vector<std::uint32_t>& order) {
        std::fill(covered.begin(), covered.end(), 0u);
        std::vector<char> member(n, 0);
        for (auto s : set) {
            member[s] = 1;
            for (auto x : ball[s]) ++covered[x];
        }
        double reached = 0;
        for (std::uint32_t x = 0; x < n; ++x) reached += covered[x] > 0 && !member[x];
        std::uint32_t pick = UINT32_MAX;
        double top = -1;
        for (auto v : order) {
            if (member[v]) continue;
            // Adding v: v itself no longer counts as reached; v's ball adds the uncovered others.
            double gain = (covered[v] > 0) ? -1.0 : 0.0;
            for (auto x : ball[v]) gain += covered[x] == 0 && !member[x];
            if (gain > top) pick = v, top = gain;
        }
        const double others = all - static_cast<double>(set.size()) - 1;
        return std::make_pair(pick, others > 0 ? (reached + top) / others : 0.0);
    };
    std::tie(r.players, r.score) = detail::greedy_swap(n, o.k, o.max_rounds, o.restarts, o.seed, best, o.run);
    return r;
}
#endif

// ------------------------------------------------------------------------------- scenarios

/// A copy of @p a without the stakeholders @p ids (their ties, participations and organiser
/// entries go too). Throws unknown_id_error for an unknown id; @p a is never changed.
WIJKNET_DECL alliance without(const alliance& a, const std::vector<std::string>& ids);
#if WIJKNET_BODIES
WIJKNET_DECL alliance without(const alliance& a, const std::vector<std::string>& ids) {
    alliance copy = a;
    for (const auto& id : ids) copy.remove_stakeholder(id);
    return copy;
}
#endif

/// The state of an alliance in one scope, as compared before and after a scenario.
struct resilience_state {
    fragmentation_result fragmentation;  ///< along all ties, either way
    std::vector<std::string> roles_absent;   ///< template roles no stakeholder in the scope holds
    std::vector<std::string> roles_single;   ///< template roles held by exactly one
    std::vector<char> chains_working;        ///< per chain given: a route exists
};

/// Fragmentation, absent and single-held roles of a template, and which chains work, in one
/// scope. @p template_key may be empty (no roles checked).
///
/// @param a            the alliance
/// @param where        relations and wave
/// @param template_key a method template, or empty
/// @param chains       chains to check
/// @param run          threads and stopping
/// O(n (n + m)) for DF plus the chains (see chain_routes).
WIJKNET_DECL resilience_state assess(const alliance& a, const scope& where, const std::string& template_key,
                               const std::vector<chain>& chains, const run_options& run = {});
#if WIJKNET_BODIES
WIJKNET_DECL resilience_state assess(const alliance& a, const scope& where, const std::string& template_key,
                               const std::vector<chain>& chains, const run_options& run) {
    resilience_state s;
    const snapshot g(a, where.to_selection());
    s.fragmentation = fragmentation(make_graph_view(g), {}, direction::all, run);
    if (!template_key.empty())
        for (const auto& e : role_coverage(a, template_key, where)) {
            if (e.status == coverage_status::absent) s.roles_absent.push_back(e.role);
            if (e.holders.size() == 1) s.roles_single.push_back(e.role);
        }
    chain_options quiet;
    quiet.max_routes = 1;
    for (const auto& c : chains) s.chains_working.push_back(chain_routes(a, c, where, quiet).exists);
    return s;
}
#endif

}  // namespace wijknet
