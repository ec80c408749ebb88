/// @file
/// @brief Centrality: degree, betweenness, closeness, harmonic, eigenvector, PageRank, Katz, and
/// Freeman centralisation.
///
/// Every function takes a graph_view, or any Boost.Graph graph (a snapshot is viewed without
/// copying; other graphs are copied once). Results are indexed by vertex.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "wijknet/view/adapter.hpp"
#include "wijknet/algorithms/parallel.hpp"
#include "wijknet/algorithms/paths.hpp"
#include "wijknet/detail/bits.hpp"
#include "wijknet/detail/number.hpp"

namespace wijknet {

namespace detail {

inline void require_positive_lengths(const graph_view& g) { require_weights(g, true, "weights read as distances"); }

/// Path measures read a tie's weight as its length. A strength has no one length (1/w, -log w and
/// max - w are all in use), so weight_mode::strength is refused here rather than read as hop counts.
inline void require_length_mode(weight_mode mode, const char* measure) {
    if (mode == weight_mode::strength)
        throw invalid_value_error(std::string(measure) +
                                  " follows shortest paths and reads tie weights as lengths, so weight_mode::strength "
                                  "is refused, not ignored: use weight_mode::distance "
                                  "(a heavier tie is a longer step) or weight_mode::none; for strengths, give each tie "
                                  "a length first, e.g. 1 / strength (Opsahl, Agneessens & Skvoretz 2010)");
}

}  // namespace detail

// ------------------------------------------------------------------------------------ degree

/// Degree or strength of every vertex.
///
/// @param g    the graph
/// @param d    out: ties sent; in: ties received; all: both (for an undirected graph every
///             direction gives the number of ties, a self-tie counting once)
/// @param mode none: count ties; strength: sum their weights
/// O(n) counting ties, O(n + m) summing weights.
inline std::vector<double> degree(const graph_view& g, direction d = direction::all,
                                  weight_mode mode = weight_mode::none) {
    std::vector<double> out(g.n, 0.0);
    const bool weighted = mode == weight_mode::strength;
    if (!weighted) {  // counts straight from the offsets: O(n), not O(n + m)
        for (std::uint32_t v = 0; v < g.n; ++v)
            out[v] = (!g.directed || d != direction::in ? g.out_degree(v) : 0) +
                     (g.directed && d != direction::out ? g.in_degree(v) : 0);
        return out;
    }
    for (std::uint32_t v = 0; v < g.n; ++v) {
        double sum = 0;
        if (!g.directed || d != direction::in)
            for (auto a = g.out_begin(v); a < g.out_end(v); ++a) sum += weighted ? g.out_weight(a) : 1.0;
        if (g.directed && d != direction::out)
            for (auto a = g.in_begin(v); a < g.in_end(v); ++a) sum += weighted ? g.in_weight(a) : 1.0;
        out[v] = sum;
    }
    return out;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> degree(const Graph& g, direction d = direction::all, weight_mode mode = weight_mode::none) {
    return degree(static_cast<const graph_view&>(view_of(g)), d, mode);
}

// ------------------------------------------------------------------------------- betweenness

/// Options of betweenness().
struct betweenness_options {
    /// none: hop counts; distance: weights are path lengths (must be positive).
    weight_mode weights = weight_mode::none;
    /// Divide by the number of pairs not including the vertex: (n-1)(n-2) directed,
    /// (n-1)(n-2)/2 undirected (networkx normalized=True; igraph and sna give raw values).
    bool normalized = false;
    run_options run;
};

/// Node and edge betweenness.
struct betweenness_result {
    std::vector<double> node;  ///< by vertex
    std::vector<double> edge;  ///< by edge id (empty unless asked)
};

namespace detail {

/// Slots of the per-source sums of betweenness (see parallel_sum): at most this many workers.
constexpr unsigned betweenness_slots = 16;
/// Sources per traversal of the batched betweenness (one bit of a 64-bit mask each).
constexpr std::uint32_t betweenness_lanes = 64;
/// Largest graph for the batched betweenness: its path counts take 64 x 8 bytes per vertex and
/// worker (64 MiB per worker at this size); larger graphs take one search per source.
constexpr std::uint32_t betweenness_batch_limit = 131072;

/// The vertices in breadth-first order over ties followed either way, each component from its
/// vertex of highest degree: vertices near each other in this order are near in the graph, and
/// sources taken together in this order share most of their search levels. O(n log n + m).
inline std::vector<std::uint32_t> breadth_first_order(const graph_view& g) {
    std::vector<std::uint32_t> by_degree(g.n);
    std::iota(by_degree.begin(), by_degree.end(), 0u);
    auto degree_of = [&](std::uint32_t v) { return g.out_degree(v) + (g.directed ? g.in_degree(v) : 0u); };
    std::stable_sort(by_degree.begin(), by_degree.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return degree_of(a) > degree_of(b); });
    std::vector<char> seen(g.n, 0);
    std::vector<std::uint32_t> order;
    order.reserve(g.n);
    auto visit = [&](std::uint32_t w) {
        if (!seen[w]) seen[w] = 1, order.push_back(w);
    };
    for (const std::uint32_t root : by_degree) {
        if (seen[root]) continue;
        std::size_t head = order.size();
        visit(root);
        for (; head < order.size(); ++head) {
            const std::uint32_t v = order[head];
            for (auto a = g.out_begin(v); a < g.out_end(v); ++a) visit(g.out_target[a]);
            if (g.directed)
                for (auto a = g.in_begin(v); a < g.in_end(v); ++a) visit(g.in_source[a]);
        }
    }
    return order;
}

/// Unweighted node betweenness with 64 sources per traversal (Brandes' two phases, run for a
/// batch of sources at once, level by level; the batching of Then et al. 2014 applied to path
/// counts and dependencies). A vertex enters a level's frontier once with the mask of the
/// sources that reach it at that distance, so the arcs are scanned once per distinct distance
/// instead of once per source. Path counts, and then (1 + delta) / sigma in their place, are
/// laid out [vertex][source lane]. Vertices are first renumbered in breadth_first_order, so
/// that a batch holds neighbouring sources and the arrays are read near each other. Each pair
/// (source, arc) adds the same terms in the same order as the one-source algorithm, so the
/// values agree with it to rounding. Sums over the sources are independent of the thread count.
/// O(n m) time, O(n x 64) memory per worker.
inline std::vector<double> betweenness_by_batches(const graph_view& g, const run_options& run) {
    using mask = std::uint64_t;
    constexpr std::uint32_t lanes = betweenness_lanes;
    const std::uint32_t n = g.n;
    // Renumbered out-arcs: new vertex i is old vertex order[i].
    const std::vector<std::uint32_t> order = breadth_first_order(g);
    std::vector<std::uint32_t> renamed(n);
    for (std::uint32_t i = 0; i < n; ++i) renamed[order[i]] = i;
    std::vector<std::uint64_t> offset(std::size_t(n) + 1, 0);
    std::vector<std::uint32_t> target(g.n ? g.out_offset[n] : 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t v = order[i];
        offset[i + 1] = offset[i] + g.out_degree(v);
        std::uint64_t k = offset[i];
        for (auto a = g.out_begin(v); a < g.out_end(v); ++a) target[k++] = renamed[g.out_target[a]];
    }
    struct state {
        std::vector<mask> seen, next, upper;  // upper: lanes at the level below the one in hand
        std::vector<double> paths;            // sigma, then (1 + delta) / sigma, [vertex][lane]
        std::vector<std::uint32_t> vertex, touched;
        std::vector<mask> lanes_of;           // frontier entries (vertex, lanes), level by level
        std::vector<std::size_t> level;       // level d is entries [level[d], level[d + 1])
    };
    const std::uint32_t batches = (n + lanes - 1) / lanes;
    const unsigned workers = worker_count(std::min<std::uint32_t>(batches, betweenness_slots), run, 1);
    std::vector<state> states(workers);
    std::vector<double> total;
    parallel_sum(batches, n, betweenness_slots, run, total, [&](unsigned w, std::uint32_t batch, double* bc) {
        state& st = states[w];
        if (st.seen.empty()) {
            st.seen.assign(n, 0), st.next.assign(n, 0), st.upper.assign(n, 0);
            st.paths.assign(std::size_t(n) * lanes, 0.0);
        }
        st.vertex.clear(), st.lanes_of.clear(), st.level.assign(1, 0);
        const std::uint32_t first = batch * lanes, last = std::min(n, first + lanes);
        for (std::uint32_t s = first; s < last; ++s) {
            const mask bit = mask(1) << (s - first);
            st.vertex.push_back(s), st.lanes_of.push_back(bit);
            st.seen[s] = bit;
            st.paths[std::size_t(s) * lanes + (s - first)] = 1.0;
        }
        st.level.push_back(st.vertex.size());
        // Forward: one level for every source of the batch at once; sigma[w] += sigma[v] on the
        // lanes that reach w first through v's level.
        for (std::size_t d = 0; st.level[d] < st.level[d + 1]; ++d) {
            st.touched.clear();
            for (std::size_t i = st.level[d]; i < st.level[d + 1]; ++i) {
                const std::uint32_t v = st.vertex[i];
                const mask at_v = st.lanes_of[i];
                const double* sv = &st.paths[std::size_t(v) * lanes];
                for (auto a = offset[v], end = offset[v + 1]; a < end; ++a) {
                    const std::uint32_t u = target[a];
                    mask fresh = at_v & ~st.seen[u];
                    if (!fresh) continue;
                    if (!st.next[u]) st.touched.push_back(u);
                    st.next[u] |= fresh;
                    double* su = &st.paths[std::size_t(u) * lanes];
                    do {
                        const int l = detail::lowest_bit(fresh);
                        fresh &= fresh - 1;
                        su[l] += sv[l];
                    } while (fresh);
                }
            }
            for (const std::uint32_t u : st.touched) {
                st.seen[u] |= st.next[u];
                st.vertex.push_back(u), st.lanes_of.push_back(st.next[u]);
                st.next[u] = 0;
            }
            st.level.push_back(st.vertex.size());
        }
        // Backward, deepest level first: delta[v] = sigma[v] * sum over arcs v -> u one level
        // down of (1 + delta[u]) / sigma[u], per lane.
        const std::size_t levels = st.level.size() - 1;  // the last level is empty
        for (std::size_t d = levels; d-- > 0;) {
            for (std::size_t i = st.level[d]; i < st.level[d + 1]; ++i) {
                const std::uint32_t v = st.vertex[i];
                const mask at_v = st.lanes_of[i];
                double pull[lanes];
                for (mask t = at_v; t; t &= t - 1) pull[detail::lowest_bit(t)] = 0.0;
                for (auto a = offset[v], end = offset[v + 1]; a < end; ++a) {
                    const std::uint32_t u = target[a];
                    mask below = at_v & st.upper[u];
                    if (!below) continue;
                    const double* cu = &st.paths[std::size_t(u) * lanes];
                    do {
                        const int l = detail::lowest_bit(below);
                        below &= below - 1;
                        pull[l] += cu[l];
                    } while (below);
                }
                double* sv = &st.paths[std::size_t(v) * lanes];
                double sum = 0;
                for (mask t = at_v; t; t &= t - 1) {
                    const int l = detail::lowest_bit(t);
                    const double dependency = sv[l] * pull[l];
                    sum += dependency;
                    sv[l] = (1.0 + dependency) / sv[l];
                }
                if (d > 0) bc[v] += sum;  // level 0 holds the sources themselves
            }
            if (d + 2 < st.level.size())
                for (std::size_t i = st.level[d + 1]; i < st.level[d + 2]; ++i) st.upper[st.vertex[i]] = 0;
            for (std::size_t i = st.level[d]; i < st.level[d + 1]; ++i) st.upper[st.vertex[i]] = st.lanes_of[i];
        }
        for (std::size_t i = 0; i < st.vertex.size(); ++i) {
            const std::uint32_t v = st.vertex[i];
            st.seen[v] = 0, st.upper[v] = 0;
            double* sv = &st.paths[std::size_t(v) * lanes];
            for (mask t = st.lanes_of[i]; t; t &= t - 1) sv[detail::lowest_bit(t)] = 0.0;
        }
    });
    std::vector<double> out(n);
    for (std::uint32_t i = 0; i < n; ++i) out[order[i]] = total[i];
    return out;
}

}  // namespace detail

/// Betweenness centrality (Freeman 1977), by Brandes' algorithm (2001):
/// \f$ b(v) = \sum_{s \ne v \ne t} \sigma_{st}(v) / \sigma_{st} \f$.
///
/// Undirected graphs count each unordered pair {s, t} once (as networkx, igraph and R sna do).
/// Unreachable pairs contribute nothing. Self-ties never lie on a shortest path. Parallel ties
/// of a snapshot built with combine::keep count as separate shortest paths. Edge betweenness
/// sums, over pairs, the share of shortest paths through each edge (undirected: both arcs of an
/// edge add to its id). Node betweenness by hop counts runs 64 sources per traversal
/// (detail::betweenness_by_batches) on graphs of up to 131,072 vertices; otherwise one search
/// per source. Runs on up to 16 cores (run.threads); the result does not depend on the number.
/// O(n m) unweighted, O(n m + n^2 log n) with distances; O(n + m) memory per thread, and
/// O(64 n) for the batches.
inline betweenness_result betweenness_full(const graph_view& g, const betweenness_options& o = {},
                                           bool edges = false) {
    detail::require_length_mode(o.weights, "betweenness");
    const bool weighted = o.weights == weight_mode::distance && g.weighted();
    if (weighted) detail::require_positive_lengths(g);
    const unsigned workers = detail::worker_count(std::min<std::uint32_t>(g.n, detail::betweenness_slots), o.run, 1);
    const std::size_t width = g.n + (edges ? g.num_edge_ids : 0);
    std::vector<double> total;

    if (!weighted && !edges && g.n <= detail::betweenness_batch_limit) {
        total = detail::betweenness_by_batches(g, o.run);
    } else if (!weighted && !edges) {
        // Breadth-first search, then dependencies pulled from the successors (delta[v] =
        // sigma[v] * sum over successors w of (1 + delta[w]) / sigma[w]), which reads only the
        // out-arcs and keeps the sum in a register.
        std::vector<detail::bfs_search> search(workers, detail::bfs_search(g.n));
        detail::parallel_sum(g.n, width, detail::betweenness_slots, o.run, total,
                             [&](unsigned w, std::uint32_t s, double* bc) {
            auto& b = search[w];
            b.run(g.out_offset, g.out_target, s, true);
            for (std::size_t k = b.order.size(); k-- > 0;) {
                const std::uint32_t v = b.order[k];
                const std::int32_t next = b.dist[v] + 1;
                double pull = 0;
                for (auto a = g.out_offset[v], end = g.out_offset[v + 1]; a < end; ++a) {
                    const std::uint32_t t = g.out_target[a];
                    if (b.dist[t] == next) pull += b.delta[t];  // delta[t] holds (1 + delta) / sigma
                }
                const double dependency = b.sigma[v] * pull;
                if (v != s) bc[v] += dependency;
                b.delta[v] = (1.0 + dependency) / b.sigma[v];
            }
        });
    } else {
        std::vector<detail::path_search> search(workers, detail::path_search(g.n));
        std::vector<std::vector<double>> delta(workers, std::vector<double>(g.n, 0.0));
        detail::parallel_sum(g.n, width, detail::betweenness_slots, o.run, total,
                             [&](unsigned w, std::uint32_t s, double* bc) {
            auto& ps = search[w];
            auto& dl = delta[w];
            double* eb = bc + g.n;
            ps.run(g, s, direction::out, weighted, true);
            // Dependencies in reverse order of distance; predecessors are found on the in-arcs.
            for (std::size_t k = ps.order.size(); k-- > 1;) {
                const std::uint32_t t = ps.order[k];
                const double coefficient = (1.0 + dl[t]) / ps.sigma[t];
                for (auto a = g.in_begin(t); a < g.in_end(t); ++a) {
                    const std::uint32_t v = g.in_source[a];
                    if (ps.dist[v] == detail::path_search::unreached) continue;
                    const double len = weighted ? g.edge_weight(g.in_edge[a]) : 1.0;
                    if (weighted ? !detail::same_length(ps.dist[v] + len, ps.dist[t]) : ps.dist[v] + 1.0 != ps.dist[t])
                        continue;
                    const double share = ps.sigma[v] * coefficient;
                    dl[v] += share;
                    if (edges) eb[g.in_edge[a]] += share;
                }
                bc[t] += dl[t];
            }
            for (auto v : ps.order) dl[v] = 0.0;
        });
    }

    betweenness_result r;
    r.node.assign(total.begin(), total.begin() + g.n);
    if (edges) r.edge.assign(total.begin() + g.n, total.end());
    const double n = g.n;
    double scale = g.directed ? 1.0 : 0.5;  // undirected: each pair was counted from both ends
    double edge_scale = scale;
    if (o.normalized) {
        scale = n > 2 ? scale / ((n - 1) * (n - 2) / (g.directed ? 1.0 : 2.0)) : 0.0;
        edge_scale = n > 1 ? edge_scale / (n * (n - 1) / (g.directed ? 1.0 : 2.0)) : 0.0;
    }
    for (auto& x : r.node) x *= scale;
    for (auto& x : r.edge) x *= edge_scale;
    return r;
}

/// Node betweenness; see betweenness_full.
inline std::vector<double> betweenness(const graph_view& g, const betweenness_options& o = {}) {
    return betweenness_full(g, o, false).node;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> betweenness(const Graph& g, const betweenness_options& o = {}) {
    return betweenness(static_cast<const graph_view&>(view_of(g)), o);
}

/// Edge betweenness by edge id; normalised (when asked) by the number of pairs, n(n-1)
/// directed and n(n-1)/2 undirected, as networkx does. See betweenness_full.
inline std::vector<double> edge_betweenness(const graph_view& g, const betweenness_options& o = {}) {
    return betweenness_full(g, o, true).edge;
}
/// Edge betweenness of a Boost.Graph graph: one value per edge of @p g, in the order of
/// `edges(g)` (an undirected edge is one edge). Weights as make_graph_view() reads them.
/// O(n m) unweighted, O(n m + n^2 log n) with distances.
template <class Graph, if_graph<Graph> = 0>
std::vector<double> edge_betweenness(const Graph& g, const betweenness_options& o = {}) {
    return edge_betweenness(static_cast<const graph_view&>(view_of(g)), o);
}

// ------------------------------------------------------------------- closeness and harmonic

/// How closeness treats vertices that cannot reach everyone.
enum class closeness_convention {
    /// Wasserman & Faust (1994) for graphs that are not connected: ((r - 1) / (n - 1)) *
    /// ((r - 1) / sum of distances to the r - 1 reached vertices); networkx's default
    /// (wf_improved=True).
    wasserman_faust,
    /// (r - 1) / sum of distances to the reached vertices, ignoring the others; igraph's
    /// closeness (NaN there for an isolate, 0 here).
    reachable_only,
    /// Freeman (1979): (n - 1) / sum of distances to all others; 0 when one cannot be reached
    /// (R sna's closeness with its default gmode/cmode).
    freeman,
};

/// Options of closeness() and harmonic().
struct closeness_options {
    /// out: distances from the vertex to the others (igraph's mode="out", R sna); in: from the
    /// others to the vertex (networkx on directed graphs); all: ties both ways.
    direction along = direction::out;
    weight_mode weights = weight_mode::none;  ///< none or distance
    closeness_convention convention = closeness_convention::wasserman_faust;
    /// harmonic(): divide by n - 1.
    bool normalized = false;
    run_options run;
};

namespace detail {
/// True when closeness-type sums can come from hop counts along one arc list.
inline bool hop_path(const graph_view& g, const closeness_options& o) {
    require_length_mode(o.weights, "closeness");
    const bool weighted = o.weights == weight_mode::distance && g.weighted();
    return !weighted && (!g.directed || o.along != direction::all);
}

/// Hop sums from every vertex along out-arcs (or in-arcs for direction::in).
inline hop_sums hop_sums_of(const graph_view& g, const closeness_options& o) {
    const bool in = g.directed && o.along == direction::in;
    return all_hop_sums(g.n, in ? g.in_offset : g.out_offset, in ? g.in_source : g.out_target, nullptr, o.run);
}

/// Runs f(dist, reached order, source) for every source: integer BFS when unweighted along out or
/// in arcs, the general search otherwise (weights, or both directions of a directed graph).
template <class PerSource>
std::vector<double> per_source(const graph_view& g, const closeness_options& o, PerSource&& f) {
    require_length_mode(o.weights, "closeness");
    const bool weighted = o.weights == weight_mode::distance && g.weighted();
    if (weighted) require_positive_lengths(g);
    const unsigned workers = worker_count(g.n, o.run);
    std::vector<double> out(g.n, 0.0);
    const bool simple = !weighted && (!g.directed || o.along != direction::all);
    if (simple) {
        const bool in = g.directed && o.along == direction::in;
        const std::uint64_t* offset = in ? g.in_offset : g.out_offset;
        const std::uint32_t* neighbour = in ? g.in_source : g.out_target;
        std::vector<bfs_search> search(workers, bfs_search(g.n));
        parallel_for(g.n, o.run, [&](unsigned w, std::uint32_t s) {
            auto& b = search[w];
            b.run(offset, neighbour, s, false);
            out[s] = f([&](std::uint32_t v) { return static_cast<double>(b.dist[v]); }, b.order, s);
        });
        return out;
    }
    std::vector<path_search> search(workers, path_search(g.n));
    parallel_for(g.n, o.run, [&](unsigned w, std::uint32_t s) {
        auto& ps = search[w];
        ps.run(g, s, o.along, weighted, false);
        out[s] = f([&](std::uint32_t v) { return ps.dist[v]; }, ps.order, s);
    });
    return out;
}
}  // namespace detail

/// Closeness centrality; the convention for unreachable vertices is a parameter (see
/// closeness_convention). A vertex that reaches nobody gets 0. One search per vertex, on every
/// core. O(n m) unweighted, O(n m log n) with distances.
inline std::vector<double> closeness(const graph_view& g, const closeness_options& o = {}) {
    const double n = g.n;
    auto score = [&](double reached, double total) {
        if (reached <= 0 || total <= 0) return 0.0;
        switch (o.convention) {
            case closeness_convention::wasserman_faust: return (reached / total) * (reached / (n - 1));
            case closeness_convention::reachable_only: return reached / total;
            case closeness_convention::freeman: return reached < n - 1 ? 0.0 : (n - 1) / total;
        }
        return 0.0;
    };
    if (detail::hop_path(g, o)) {  // unweighted: 64 sources per traversal
        const auto sums = detail::hop_sums_of(g, o);
        std::vector<double> out(g.n);
        for (std::uint32_t v = 0; v < g.n; ++v) out[v] = score(sums.reached[v], sums.total[v]);
        return out;
    }
    return detail::per_source(g, o, [&](auto&& dist, const std::vector<std::uint32_t>& order, std::uint32_t) {
        double total = 0;
        for (auto v : order) total += dist(v);
        return score(static_cast<double>(order.size()) - 1.0, total);
    });
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> closeness(const Graph& g, const closeness_options& o = {}) {
    return closeness(static_cast<const graph_view&>(view_of(g)), o);
}

/// Harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014):
/// \f$ h(v) = \sum_{u \ne v} 1 / d(v, u) \f$, unreachable vertices adding 0; divided by n - 1
/// when normalized. Direction and weights as for closeness. O(n m).
inline std::vector<double> harmonic(const graph_view& g, const closeness_options& o = {}) {
    const double scale = o.normalized ? (g.n > 1 ? 1.0 / (g.n - 1.0) : 0.0) : 1.0;
    if (detail::hop_path(g, o)) {
        auto sums = detail::hop_sums_of(g, o);
        for (double& x : sums.inverse) x *= scale;
        return sums.inverse;
    }
    return detail::per_source(g, o, [&](auto&& dist, const std::vector<std::uint32_t>& order, std::uint32_t s) {
        double sum = 0;
        for (auto v : order)
            if (v != s) sum += 1.0 / dist(v);
        return sum * scale;
    });
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> harmonic(const Graph& g, const closeness_options& o = {}) {
    return harmonic(static_cast<const graph_view&>(view_of(g)), o);
}

// -------------------------------------------------------------------------- spectral measures

/// Options of the iterative measures (eigenvector, PageRank, Katz).
struct iteration_options {
    weight_mode weights = weight_mode::none;  ///< none or strength
    double tolerance = 1e-12;                 ///< stop when the L1 change per vertex is below this
    unsigned max_iterations = 10000;
    run_options run;
};

namespace detail {
/// y[v] = sum over ties u -> v of w(u, v) x[u] (for undirected graphs, over neighbours).
inline void multiply_transpose(const graph_view& g, bool weighted, const std::vector<double>& x,
                               std::vector<double>& y) {
    for (std::uint32_t v = 0; v < g.n; ++v) {
        double sum = 0;
        for (auto a = g.in_begin(v); a < g.in_end(v); ++a) sum += (weighted ? g.in_weight(a) : 1.0) * x[g.in_source[a]];
        y[v] = sum;
    }
}
inline void normalise_euclidean(std::vector<double>& x) {
    double norm = 0;
    for (double v : x) norm += v * v;
    norm = std::sqrt(norm);
    if (norm > 0)
        for (double& v : x) v /= norm;
}
inline void check_stop(const run_options& run) {
    if (run.should_stop && run.should_stop()) throw interrupted();
}
}  // namespace detail

/// Eigenvector centrality (Bonacich 1972): the principal eigenvector of A^T (a vertex is central
/// when central vertices tie to it), by power iteration on A^T + I, scaled to unit Euclidean
/// length as networkx does (divide by the largest value for igraph's scale=True). On a graph
/// that is not connected the result depends on the start vector (all ones), as in networkx.
/// Throws convergence_error when it does not converge within o.max_iterations. O(m) per iteration.
inline std::vector<double> eigenvector(const graph_view& g, const iteration_options& o = {}) {
    const bool weighted = o.weights == weight_mode::strength && g.weighted();
    std::vector<double> x(g.n, g.n ? 1.0 / g.n : 0.0), y(g.n);
    for (unsigned it = 0; it < o.max_iterations; ++it) {
        detail::multiply_transpose(g, weighted, x, y);
        for (std::uint32_t v = 0; v < g.n; ++v) y[v] += x[v];
        detail::normalise_euclidean(y);
        double change = 0;
        for (std::uint32_t v = 0; v < g.n; ++v) change += std::abs(y[v] - x[v]);
        x.swap(y);
        if (change < g.n * o.tolerance) return x;
        if (it % 64 == 63) detail::check_stop(o.run);
    }
    throw convergence_error("eigenvector centrality did not converge in " + std::to_string(o.max_iterations) +
                              " iterations");
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> eigenvector(const Graph& g, const iteration_options& o = {}) {
    return eigenvector(static_cast<const graph_view&>(view_of(g)), o);
}

/// PageRank (Brin & Page 1998): \f$ p = \alpha P^T p + (1 - \alpha)/n \f$, P row-stochastic
/// by out-strength; the rank of vertices without out-ties is spread evenly over all vertices
/// (as networkx and igraph do). Undirected ties count both ways. Sums to 1. A negative weight
/// (read as strength) is an invalid_value_error naming the tie. Power iteration, O(m) per
/// iteration; convergence_error when it does not converge within o.max_iterations.
inline std::vector<double> pagerank(const graph_view& g, double alpha = 0.85, const iteration_options& o = {}) {
    if (!(alpha >= 0 && alpha < 1)) throw invalid_value_error("pagerank: alpha must be in [0, 1)");
    const bool weighted = o.weights == weight_mode::strength && g.weighted();
    if (weighted) detail::require_weights(g, false, "PageRank reads weights as tie strengths");
    const std::vector<double> out_strength = degree(g, direction::out, weighted ? weight_mode::strength : weight_mode::none);
    const double n = g.n;
    std::vector<double> p(g.n, n ? 1.0 / n : 0.0), share(g.n), next(g.n);
    for (unsigned it = 0; it < o.max_iterations; ++it) {
        double dangling = 0;
        for (std::uint32_t v = 0; v < g.n; ++v) {
            share[v] = out_strength[v] > 0 ? p[v] / out_strength[v] : 0.0;
            if (out_strength[v] <= 0) dangling += p[v];
        }
        detail::multiply_transpose(g, weighted, share, next);
        const double base = (1 - alpha) / n + alpha * dangling / n;
        double change = 0;
        for (std::uint32_t v = 0; v < g.n; ++v) {
            next[v] = alpha * next[v] + base;
            change += std::abs(next[v] - p[v]);
        }
        p.swap(next);
        if (change < n * o.tolerance) return p;
        if (it % 64 == 63) detail::check_stop(o.run);
    }
    throw convergence_error("pagerank did not converge in " + std::to_string(o.max_iterations) + " iterations");
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> pagerank(const Graph& g, double alpha = 0.85, const iteration_options& o = {}) {
    return pagerank(static_cast<const graph_view&>(view_of(g)), alpha, o);
}

/// Katz centrality (Katz 1953): \f$ x = \alpha A^T x + \beta \f$, scaled to unit Euclidean
/// length (networkx's normalized=True). alpha must be below 1 / (largest eigenvalue), else the
/// iteration diverges and invalid_value_error is thrown; convergence_error when it converges too
/// slowly for o.max_iterations. O(m) per iteration.
inline std::vector<double> katz(const graph_view& g, double alpha = 0.1, double beta = 1.0,
                                const iteration_options& o = {}) {
    const bool weighted = o.weights == weight_mode::strength && g.weighted();
    std::vector<double> x(g.n, 0.0), y(g.n);
    for (unsigned it = 0; it < o.max_iterations; ++it) {
        detail::multiply_transpose(g, weighted, x, y);
        double change = 0, size = 0;
        for (std::uint32_t v = 0; v < g.n; ++v) {
            y[v] = alpha * y[v] + beta;
            change += std::abs(y[v] - x[v]);
            size += std::abs(y[v]);
        }
        x.swap(y);
        if (!std::isfinite(size) || size > 1e150)
            throw invalid_value_error("katz: the iteration diverges; alpha must be below 1 / the largest eigenvalue");
        if (change < g.n * o.tolerance) {
            detail::normalise_euclidean(x);
            return x;
        }
        if (it % 64 == 63) detail::check_stop(o.run);
    }
    throw convergence_error("katz did not converge in " + std::to_string(o.max_iterations) +
                              " iterations; alpha may be too close to 1 / the largest eigenvalue");
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> katz(const Graph& g, double alpha = 0.1, double beta = 1.0, const iteration_options& o = {}) {
    return katz(static_cast<const graph_view&>(view_of(g)), alpha, beta, o);
}

// ---------------------------------------------------------------------------- centralisation

/// Freeman centralisation: \f$ \sum_v (\max c - c_v) / \text{theoretical maximum} \f$.
/// The maximum is that of the star (the most centralised graph) for the given score.
/// O(n).
inline double centralization(const std::vector<double>& scores, double theoretical_max) {
    if (scores.empty() || !(theoretical_max > 0)) return 0.0;
    const double top = *std::max_element(scores.begin(), scores.end());
    double sum = 0;
    for (double s : scores) sum += top - s;
    return sum / theoretical_max;
}

/// Which score centralization_of() centralises.
enum class centrality_kind { degree, in_degree, out_degree, betweenness, closeness };

/// Freeman centralisation of degree, betweenness or closeness, with the star's value as the
/// maximum, as R sna's centralization() uses it:
/// - degree: (n-1)(n-2) undirected, 2(n-1)(n-2) for the total degree of a directed graph,
///   (n-1)^2 for in- or out-degree;
/// - betweenness (raw): (n-1)^2 (n-2) directed, (n-1)^2 (n-2)/2 undirected;
/// - closeness (Freeman: 0 unless everyone is reached): (n-1)(n-2)/(2n-3).
/// Unweighted. O(n m) for betweenness and closeness, O(n + m) for degree.
inline double centralization_of(const graph_view& g, centrality_kind kind, const run_options& run = {}) {
    const double n = g.n;
    if (n < 3) return 0.0;
    switch (kind) {
        case centrality_kind::degree:
            return centralization(degree(g, direction::all), g.directed ? 2 * (n - 1) * (n - 2) : (n - 1) * (n - 2));
        case centrality_kind::in_degree: return centralization(degree(g, direction::in), (n - 1) * (n - 1));
        case centrality_kind::out_degree: return centralization(degree(g, direction::out), (n - 1) * (n - 1));
        case centrality_kind::betweenness: {
            betweenness_options o;
            o.run = run;
            return centralization(betweenness(g, o), (n - 1) * (n - 1) * (n - 2) / (g.directed ? 1.0 : 2.0));
        }
        case centrality_kind::closeness: {
            closeness_options o;
            o.convention = closeness_convention::freeman;
            o.run = run;
            return centralization(closeness(g, o), (n - 1) * (n - 2) / (2 * n - 3));
        }
    }
    return 0.0;
}
template <class Graph, if_graph<Graph> = 0>
double centralization_of(const Graph& g, centrality_kind kind, const run_options& run = {}) {
    return centralization_of(static_cast<const graph_view&>(view_of(g)), kind, run);
}

}  // namespace wijknet
