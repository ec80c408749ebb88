/// @file
/// @brief Communities: modularity of a partition, Louvain, Leiden and label propagation.
///
/// The detection algorithms read the graph as undirected and weighted (strength): a directed
/// tie adds its weight to the pair either way, parallel ties add up, self-ties are ignored.
/// All are reproducible: the same seed gives the same partition.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

/// Modularity (Newman & Girvan 2004) of a partition, with resolution gamma (Reichardt &
/// Bornholdt 2006). Undirected: \f$ Q = \sum_c [ L_c / m - \gamma (d_c / 2m)^2 ] \f$;
/// directed (Leicht & Newman 2008): \f$ Q = \frac{1}{m}\sum_{ij} (A_{ij} - \gamma k^{out}_i k^{in}_j / m)
/// \delta(c_i, c_j) \f$, as networkx.community.modularity. Weights as strength when asked.
/// O(n + m).
inline double modularity(const graph_view& g, const std::vector<std::uint32_t>& community, double gamma = 1.0,
                         weight_mode weights = weight_mode::none) {
    if (community.size() != g.n) throw invalid_value_error("modularity: one community per vertex expected");
    const bool weighted = weights == weight_mode::strength;
    std::uint32_t k = 0;
    for (auto c : community) k = std::max(k, c + 1);
    std::vector<double> inside(k, 0), out_deg(k, 0), in_deg(k, 0);
    double m = 0;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            const std::uint32_t v = g.out_target[a];
            const double w = weighted ? g.out_weight(a) : 1.0;
            m += w;
            out_deg[community[u]] += w;
            in_deg[community[v]] += w;
            if (community[u] == community[v]) inside[community[u]] += w;
        }
    if (m == 0) return 0.0;
    // Undirected views hold both arcs of every edge: arc sums are 2m and 2 L_c, degrees d_c.
    double q = 0;
    for (std::uint32_t c = 0; c < k; ++c) q += inside[c] / m - gamma * out_deg[c] * in_deg[c] / (m * m);
    return q;
}
template <class Graph, if_graph<Graph> = 0>
double modularity(const Graph& g, const std::vector<std::uint32_t>& community, double gamma = 1.0,
                  weight_mode weights = weight_mode::none) {
    return modularity(static_cast<const graph_view&>(view_of(g)), community, gamma, weights);
}

/// Options of the community detection algorithms.
struct community_options {
    double resolution = 1.0;                      ///< gamma of the modularity
    weight_mode weights = weight_mode::strength;  ///< strength, or none to count every tie 1
    std::uint64_t seed = 42;                      ///< order of visits and tie breaks
    unsigned max_levels = 100;
    /// Leiden: passes at most, each starting from the partition the previous one found;
    /// 0 = until a pass changes nothing.
    unsigned max_iterations = 0;
    run_options run;
};

namespace detail {

/// A weighted undirected graph for community detection: adjacency lists without self-pairs
/// plus each node's self-weight (ties inside an aggregated node).
struct community_graph {
    std::vector<std::uint64_t> offset{0};
    std::vector<std::uint32_t> target;
    std::vector<double> weight;
    std::vector<double> self;      // internal weight (counted once per undirected tie)
    std::vector<double> strength;  // sum of incident weights, internal ties counted twice
    double total = 0;              // 2m

    std::uint32_t size() const { return static_cast<std::uint32_t>(self.size()); }

    static community_graph from(const graph_view& g, bool weighted) {
        const neighbour_table t(g, weighted);
        community_graph c;
        c.self.assign(g.n, 0.0);
        c.strength.assign(g.n, 0.0);
        for (std::uint32_t v = 0; v < g.n; ++v) {
            for (auto k = t.begin(v); k < t.end(v); ++k) {
                const double w = g.directed ? t.sent(k) + t.received(k) : t.sent(k);
                c.target.push_back(t.neighbour(k));
                c.weight.push_back(w);
                c.strength[v] += w;
            }
            c.offset.push_back(c.target.size());
        }
        for (double s : c.strength) c.total += s;
        return c;
    }

    /// The graph whose nodes are the groups of @p part (labels 0 .. k-1). Members are bucketed in
    /// flat arrays and each group's neighbours listed in the order first met: O(n + m).
    community_graph aggregate(const std::vector<std::uint32_t>& part, std::uint32_t k) const {
        community_graph c;
        c.self.assign(k, 0.0);
        c.strength.assign(k, 0.0);
        c.offset.reserve(std::size_t(k) + 1);
        c.target.reserve(target.size() / 2);
        c.weight.reserve(target.size() / 2);
        std::vector<std::uint32_t> first(std::size_t(k) + 1, 0), members(size());
        for (std::uint32_t v = 0; v < size(); ++v) ++first[part[v] + 1];
        for (std::uint32_t a = 0; a < k; ++a) first[a + 1] += first[a];
        {
            std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
            for (std::uint32_t v = 0; v < size(); ++v) members[next[part[v]]++] = v;
        }
        std::vector<double> acc(k, 0.0);
        std::vector<std::uint32_t> touched;
        for (std::uint32_t a = 0; a < k; ++a) {
            touched.clear();
            for (auto i = first[a]; i < first[a + 1]; ++i) {
                const std::uint32_t v = members[i];
                c.self[a] += self[v];
                c.strength[a] += strength[v];
                for (auto e = offset[v]; e < offset[v + 1]; ++e) {
                    const std::uint32_t b = part[target[e]];
                    if (b == a) {
                        c.self[a] += weight[e] / 2;  // seen from both ends
                        continue;
                    }
                    if (acc[b] == 0) touched.push_back(b);
                    acc[b] += weight[e];
                }
            }
            for (auto b : touched) c.target.push_back(b), c.weight.push_back(acc[b]), acc[b] = 0;
            c.offset.push_back(c.target.size());
        }
        c.total = total;
        return c;
    }
};

/// Relabels a partition 0 .. k-1 in order of first appearance; returns k. Labels must be below
/// part.size(), as every partition here has them.
inline std::uint32_t compact(std::vector<std::uint32_t>& part) {
    constexpr std::uint32_t none = ~std::uint32_t(0);
    std::vector<std::uint32_t> rename(part.size(), none);
    std::uint32_t k = 0;
    for (auto& p : part) {
        if (rename[p] == none) rename[p] = k++;
        p = rename[p];
    }
    return k;
}

/// Local moving: moves nodes to the neighbouring community with the largest modularity gain
/// until no move helps. With @p may_leave (Leiden's fast local moving) a node may also leave for
/// a community of its own when that gains most, as in Traag et al. (2019) and igraph; Louvain
/// (Blondel et al.) only weighs the neighbouring communities. Labels stay below g.size().
/// Returns true if anything moved.
inline bool local_moving(const community_graph& g, std::vector<std::uint32_t>& comm, double gamma, std::mt19937_64& rng,
                         const run_options& run, bool may_leave = false) {
    const std::uint32_t n = g.size();
    std::vector<double> tot(n, 0.0), link(n, 0.0);
    std::vector<std::uint32_t> members(n, 0), empty;
    for (std::uint32_t v = 0; v < n; ++v) tot[comm[v]] += g.strength[v], ++members[comm[v]];
    if (may_leave)
        for (std::uint32_t c = n; c-- > 0;)
            if (members[c] == 0) empty.push_back(c);
    std::vector<std::uint32_t> order(n), seen;
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), rng);
    bool moved_any = false;
    // Queue-based (as Leiden's fast local moving): revisit neighbours of moved nodes.
    std::vector<char> queued(n, 1);
    std::vector<std::uint32_t> queue(order.begin(), order.end());
    std::size_t head = 0, steps = 0;
    while (head < queue.size()) {
        if (++steps % 4096 == 0) check_stop(run);
        const std::uint32_t v = queue[head++];
        queued[v] = 0;
        const std::uint32_t old = comm[v];
        seen.clear();
        for (auto e = g.offset[v]; e < g.offset[v + 1]; ++e) {
            const std::uint32_t c = comm[g.target[e]];
            if (link[c] == 0) seen.push_back(c);
            link[c] += g.weight[e];
        }
        tot[old] -= g.strength[v];
        if (may_leave && --members[old] == 0) empty.push_back(old);
        const double kv = g.strength[v];
        // Gain of joining c (up to a constant): link[c] - gamma * tot[c] * kv / 2m; an empty
        // community gains 0.
        std::uint32_t best = old;
        double best_gain = link[old] - gamma * tot[old] * kv / g.total;
        for (auto c : seen) {
            const double gain = link[c] - gamma * tot[c] * kv / g.total;
            if (gain > best_gain + 1e-12) best_gain = gain, best = c;
        }
        if (may_leave && best_gain < -1e-12 && empty.back() != old) best_gain = 0, best = empty.back();
        tot[best] += kv;
        if (may_leave) {
            if (best == empty.back()) empty.pop_back();
            ++members[best];
        }
        for (auto c : seen) link[c] = 0;
        link[old] = 0;
        if (best != old) {
            comm[v] = best;
            moved_any = true;
            if (queue.size() > 4 * std::size_t(n)) {  // keep the queue compact
                queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head));
                head = 0;
            }
            for (auto e = g.offset[v]; e < g.offset[v + 1]; ++e) {
                const std::uint32_t u = g.target[e];
                if (!queued[u] && comm[u] != best) queued[u] = 1, queue.push_back(u);
            }
        }
    }
    return moved_any;
}

/// Maps a partition of an aggregate graph back to the original vertices.
inline void project(std::vector<std::uint32_t>& membership, const std::vector<std::uint32_t>& level_part) {
    for (auto& m : membership) m = level_part[m];
}

}  // namespace detail

/// Louvain community detection (Blondel et al. 2008): local moving of single nodes to the
/// neighbouring community with the largest modularity gain, then aggregation, repeated until
/// nothing moves. Visit order from the seed. Returns a community label per vertex (0 .. k-1,
/// in order of first appearance). About O(m) per level.
inline std::vector<std::uint32_t> louvain(const graph_view& g, const community_options& o = {}) {
    std::mt19937_64 rng(o.seed);
    auto level = detail::community_graph::from(g, o.weights == weight_mode::strength);
    std::vector<std::uint32_t> membership(g.n);
    std::iota(membership.begin(), membership.end(), 0u);
    if (level.total == 0) return membership;
    for (unsigned l = 0; l < o.max_levels; ++l) {
        std::vector<std::uint32_t> part(level.size());
        std::iota(part.begin(), part.end(), 0u);
        const bool moved = detail::local_moving(level, part, o.resolution, rng, o.run);
        const std::uint32_t k = detail::compact(part);
        detail::project(membership, part);
        if (!moved || k == level.size()) break;
        level = level.aggregate(part, k);
    }
    detail::compact(membership);
    return membership;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<std::uint32_t> louvain(const Graph& g, const community_options& o = {}) {
    return louvain(static_cast<const graph_view&>(view_of(g)), o);
}

namespace detail {

/// One pass of Leiden over the levels, starting from @p membership (a partition of the vertices
/// of @p base) and leaving its result there: local moving, refinement, aggregation of the refined
/// partition with the unrefined one as its start, until a level leaves every node alone.
inline void leiden_pass(const community_graph& base, std::vector<std::uint32_t>& membership, double gamma,
                        std::mt19937_64& rng, const community_options& o) {
    community_graph aggregated;
    const community_graph* current = &base;  // the first level is the base itself, not a copy
    std::vector<std::uint32_t> node_of(base.size());  // vertex -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0u);
    std::vector<std::uint32_t> part = membership;
    for (unsigned l = 0; l < o.max_levels; ++l) {
        const community_graph& level = *current;
        local_moving(level, part, gamma, rng, o.run, true);
        const std::uint32_t k = compact(part);
        if (k == level.size()) break;  // every node its own community: done
        // Refinement: within each community, start from singletons and merge each well-connected
        // singleton into a well-connected refined part of its community (randomised, below).
        const std::uint32_t n = level.size();
        std::vector<std::uint32_t> refined(n);
        std::iota(refined.begin(), refined.end(), 0u);
        std::vector<double> comm_tot(k, 0.0), ref_tot(level.strength), ref_out(n, 0.0), node_in(n, 0.0);
        for (std::uint32_t v = 0; v < n; ++v) comm_tot[part[v]] += level.strength[v];
        for (std::uint32_t v = 0; v < n; ++v)
            for (auto e = level.offset[v]; e < level.offset[v + 1]; ++e)
                if (part[level.target[e]] == part[v]) node_in[v] += level.weight[e];
        ref_out = node_in;  // weight from each singleton to the rest of its community
        std::vector<char> singleton(n, 1);
        std::vector<std::uint32_t> order(n), seen, candidates;
        std::iota(order.begin(), order.end(), 0u);
        std::shuffle(order.begin(), order.end(), rng);
        std::vector<double> link(n, 0.0), gains;
        constexpr double theta = 0.01;
        for (auto v : order) {
            if (!singleton[v]) continue;
            const double kv = level.strength[v], K = comm_tot[part[v]];
            if (node_in[v] < gamma * kv * (K - kv) / level.total) continue;  // v not well connected
            seen.clear();
            for (auto e = level.offset[v]; e < level.offset[v + 1]; ++e) {
                const std::uint32_t u = level.target[e];
                if (part[u] != part[v]) continue;
                const std::uint32_t r = refined[u];
                if (r == refined[v]) continue;
                if (link[r] == 0) seen.push_back(r);
                link[r] += level.weight[e];
            }
            // Candidates: staying alone (gain 0) and every well-connected refined part whose gain
            // is not negative; one is drawn with probability proportional to exp(gain / theta),
            // theta = 0.01 as in the paper and igraph (relative to the best gain, so exp cannot
            // overflow). Near-equal gains are then a coin toss, which lets later passes explore.
            candidates.assign(1, refined[v]);
            gains.assign(1, 0.0);
            double top = 0;
            for (auto r : seen) {
                const bool well = ref_out[r] >= gamma * ref_tot[r] * (K - ref_tot[r]) / level.total;
                const double gain = link[r] - gamma * ref_tot[r] * kv / level.total;
                if (!well || gain < 0) continue;
                candidates.push_back(r), gains.push_back(gain);
                top = std::max(top, gain);
            }
            double total = 0;
            for (auto& x : gains) total += (x = std::exp((x - top) / theta));
            double pick = std::uniform_real_distribution<double>(0, total)(rng);
            std::uint32_t best = candidates.back();
            for (std::size_t i = 0; i < candidates.size(); ++i)
                if ((pick -= gains[i]) < 0) {
                    best = candidates[i];
                    break;
                }
            if (best != refined[v]) {
                // v joins refined community `best`.
                ref_tot[best] += kv;
                ref_out[best] += node_in[v] - 2 * link[best];
                ref_tot[refined[v]] -= kv;
                refined[v] = best;
                singleton[v] = 0;
                singleton[best] = 0;  // `best` is the id of a former singleton node: mark it too
            }
            for (auto r : seen) link[r] = 0;
        }
        std::uint32_t kr = compact(refined);
        if (kr == n) refined = part, kr = k;  // the refinement merged nothing: aggregate the communities
        project(node_of, refined);
        // The aggregate's start partition: each refined part keeps its community of `part`.
        std::vector<std::uint32_t> start(kr);
        for (std::uint32_t v = 0; v < n; ++v) start[refined[v]] = part[v];
        aggregated = level.aggregate(refined, kr);
        current = &aggregated;
        part = start;
    }
    for (std::uint32_t v = 0; v < base.size(); ++v) membership[v] = part[node_of[v]];
    compact(membership);
}

}  // namespace detail

/// Leiden community detection (Traag, Waltman & van Eck 2019): fast local moving (a node may
/// also leave for a community of its own), then a refinement that splits every community into
/// well-connected parts (each well-connected singleton joins a well-connected part of its
/// community drawn with probability proportional to exp(gain / 0.01), the paper's randomised
/// merge, as igraph's beta = 0.01), then aggregation of the refined partition with the unrefined one as its start, level by level.
/// Passes repeat, each from the partition of the one before, until a pass changes nothing (or
/// o.max_iterations passes), as igraph's community_leiden with n_iterations < 0; a pass never
/// lowers the modularity. Communities come out connected. Returns labels 0 .. k-1 in order of
/// first appearance. About O(m) per level.
inline std::vector<std::uint32_t> leiden(const graph_view& g, const community_options& o = {}) {
    std::mt19937_64 rng(o.seed);
    const auto base = detail::community_graph::from(g, o.weights == weight_mode::strength);
    std::vector<std::uint32_t> membership(g.n);
    std::iota(membership.begin(), membership.end(), 0u);
    if (base.total == 0) return membership;
    for (unsigned pass = 0; o.max_iterations == 0 || pass < o.max_iterations; ++pass) {
        const std::vector<std::uint32_t> before = membership;
        detail::leiden_pass(base, membership, o.resolution, rng, o);
        if (membership == before) break;
    }
    return membership;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<std::uint32_t> leiden(const Graph& g, const community_options& o = {}) {
    return leiden(static_cast<const graph_view&>(view_of(g)), o);
}

/// Label propagation (Raghavan, Albert & Kumara 2007), asynchronous: in a seeded random order,
/// every vertex takes the label with the largest total tie weight among its neighbours (ties
/// broken at random, keeping its own label when that is among the best), until every vertex
/// holds a best label. Labels 0 .. k-1 in order of first appearance. About O(m) per sweep.
inline std::vector<std::uint32_t> label_propagation(const graph_view& g, const community_options& o = {}) {
    std::mt19937_64 rng(o.seed);
    const auto c = detail::community_graph::from(g, o.weights == weight_mode::strength);
    const std::uint32_t n = c.size();
    std::vector<std::uint32_t> label(n), order(n), best;
    std::iota(label.begin(), label.end(), 0u);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<double> score(n, 0.0);
    std::vector<std::uint32_t> seen;
    auto best_labels = [&](std::uint32_t v) {
        seen.clear();
        for (auto e = c.offset[v]; e < c.offset[v + 1]; ++e) {
            const std::uint32_t l = label[c.target[e]];
            if (score[l] == 0) seen.push_back(l);
            score[l] += c.weight[e];
        }
        double top = 0;
        for (auto l : seen) top = std::max(top, score[l]);
        best.clear();
        for (auto l : seen)
            if (score[l] >= top - 1e-12 && top > 0) best.push_back(l);
        for (auto l : seen) score[l] = 0;
        std::sort(best.begin(), best.end());
    };
    for (unsigned sweep = 0; sweep < 1000; ++sweep) {
        std::shuffle(order.begin(), order.end(), rng);
        for (auto v : order) {
            best_labels(v);
            if (best.empty() || std::binary_search(best.begin(), best.end(), label[v])) continue;
            label[v] = best[std::uniform_int_distribution<std::size_t>(0, best.size() - 1)(rng)];
        }
        bool stable = true;
        for (std::uint32_t v = 0; v < n && stable; ++v) {
            best_labels(v);
            stable = best.empty() || std::binary_search(best.begin(), best.end(), label[v]);
        }
        if (stable) break;
        detail::check_stop(o.run);
    }
    detail::compact(label);
    return label;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<std::uint32_t> label_propagation(const Graph& g, const community_options& o = {}) {
    return label_propagation(static_cast<const graph_view&>(view_of(g)), o);
}

}  // namespace wijknet
