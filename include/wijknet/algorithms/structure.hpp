/// @file
/// @brief Basic structure: density, components, reciprocity, clustering, distances, censuses.
///
/// Every function takes a graph_view, a wijknet::snapshot or a user's own Boost.Graph graph
/// (e.g. boost::adjacency_list), which enters through view/adapter.hpp.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

/// Density: the share of possible ties present.
///
/// Directed: m / (n (n - 1)); undirected: 2 m / (n (n - 1)) (Wasserman & Faust 1994, 4.2).
/// m counts ties as the graph holds them: self-ties and parallel ties count too, so a multigraph
/// can exceed 1 (build the snapshot with a combine rule other than keep to avoid that).
/// Returns 0 for fewer than two vertices. Weights are ignored. O(1).
inline double density(const graph_view& g) {
    const double n = g.n;
    if (n < 2) return 0.0;
    return static_cast<double>(g.num_ties()) / (n * (n - 1) / (g.directed ? 1.0 : 2.0));
}
/// Density of a Boost.Graph graph (see above); O(n + m) for the copy, O(1) on a snapshot.
template <class Graph, if_graph<Graph> = 0>
double density(const Graph& g) {
    return density(static_cast<const graph_view&>(view_of(g)));
}

/// Result of a component search: a label per vertex (0 .. count - 1, numbered in order of the
/// lowest vertex in each component) and the number of components.
struct components_result {
    std::vector<std::uint32_t> label;
    std::uint32_t count = 0;

    /// Number of vertices in each component.
    std::vector<std::uint32_t> sizes() const {
        std::vector<std::uint32_t> out(count, 0);
        for (auto l : label) ++out[l];
        return out;
    }
};

/// Weakly connected components: ties are followed in both directions (for an undirected graph
/// these are its connected components). Isolates are components of size 1.
/// O(n + m) time, O(n) extra memory.
inline components_result weak_components(const graph_view& g) {
    const std::uint32_t unseen = UINT32_MAX;
    components_result out;
    out.label.assign(g.n, unseen);
    std::vector<std::uint32_t> stack;
    for (std::uint32_t s = 0; s < g.n; ++s) {
        if (out.label[s] != unseen) continue;
        const std::uint32_t c = out.count++;
        out.label[s] = c;
        stack.push_back(s);
        while (!stack.empty()) {
            const std::uint32_t u = stack.back();
            stack.pop_back();
            auto visit = [&](std::uint32_t w) {
                auto& l = out.label[w];
                if (l == unseen) l = c, stack.push_back(w);
            };
            for (auto a = g.out_begin(u); a < g.out_end(u); ++a) visit(g.out_target[a]);
            if (g.directed)
                for (auto a = g.in_begin(u); a < g.in_end(u); ++a) visit(g.in_source[a]);
        }
    }
    return out;
}
/// Weak components of a Boost.Graph graph (see above). O(n + m).
template <class Graph, if_graph<Graph> = 0>
components_result weak_components(const Graph& g) {
    return weak_components(static_cast<const graph_view&>(view_of(g)));
}

// ------------------------------------------------------------------------------ reciprocity

/// Dyad census of a directed graph (Holland & Leinhardt 1970): mutual, asymmetric and null
/// dyads. Self-ties and parallel ties are ignored. An undirected graph has only mutual and null
/// dyads. O(n + m).
struct dyad_census_result {
    double mutual = 0, asymmetric = 0, null = 0;
};
inline dyad_census_result dyad_census(const graph_view& g) {
    const neighbour_table t(g, false);
    dyad_census_result r;
    for (std::uint32_t v = 0; v < g.n; ++v)
        for (auto k = t.begin(v); k < t.end(v); ++k) {
            if (t.neighbour(k) < v) continue;
            if (t.sent(k) > 0 && t.received(k) > 0) r.mutual += 1;
            else r.asymmetric += 1;
        }
    const double n = g.n;
    r.null = n * (n - 1) / 2 - r.mutual - r.asymmetric;
    return r;
}
template <class Graph, if_graph<Graph> = 0>
dyad_census_result dyad_census(const Graph& g) {
    return dyad_census(static_cast<const graph_view&>(view_of(g)));
}

/// Which reciprocity.
enum class reciprocity_kind {
    edgewise,         ///< share of ties that are reciprocated: 2M / (2M + A) (networkx, sna "edgewise")
    dyadic,           ///< share of dyads that are symmetric, null dyads included: (M + N) / (M + A + N) (sna "dyadic")
    dyadic_non_null,  ///< share of tied dyads that are mutual: M / (M + A) (sna "dyadic.nonnull")
};

/// Reciprocity of a directed graph from its dyad census; 1 for an undirected graph with ties.
/// Returns 0 (not NaN) when the denominator is 0. O(n + m).
inline double reciprocity(const graph_view& g, reciprocity_kind kind = reciprocity_kind::edgewise) {
    const auto d = dyad_census(g);
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    switch (kind) {
        case reciprocity_kind::edgewise: return ratio(2 * d.mutual, 2 * d.mutual + d.asymmetric);
        case reciprocity_kind::dyadic: return ratio(d.mutual + d.null, d.mutual + d.asymmetric + d.null);
        case reciprocity_kind::dyadic_non_null: return ratio(d.mutual, d.mutual + d.asymmetric);
    }
    return 0.0;
}
template <class Graph, if_graph<Graph> = 0>
double reciprocity(const Graph& g, reciprocity_kind kind = reciprocity_kind::edgewise) {
    return reciprocity(static_cast<const graph_view&>(view_of(g)), kind);
}

// ----------------------------------------------------------------- transitivity, clustering

/// Which local clustering coefficient.
enum class clustering_kind {
    unweighted,  ///< Watts & Strogatz (1998): closed / possible pairs of neighbours
    onnela,      ///< Onnela et al. (2005): geometric mean of weights / max weight (networkx weight=...)
    barrat,      ///< Barrat et al. (2004): weight of the ties to the closing pair (igraph weights=...)
};

/// Local clustering of every vertex on the undirected reading of the graph (ties either way,
/// self-ties dropped, parallel ties merged by summing their weights). Vertices with fewer than
/// two neighbours get 0 (networkx; igraph gives NaN). O(sum of degree^2).
inline std::vector<double> clustering(const graph_view& g, clustering_kind kind = clustering_kind::unweighted) {
    const neighbour_table t(g, kind != clustering_kind::unweighted);
    auto w = [&](std::uint64_t k) { return t.sent(k) > 0 ? t.sent(k) : t.received(k); };
    double max_w = 0;
    for (std::uint32_t v = 0; v < g.n; ++v)
        for (auto k = t.begin(v); k < t.end(v); ++k) max_w = std::max(max_w, w(k));
    std::vector<double> out(g.n, 0.0);
    for (std::uint32_t v = 0; v < g.n; ++v) {
        const double d = t.degree(v);
        if (d < 2) continue;
        double sum = 0, strength = 0;
        for (auto a = t.begin(v); a < t.end(v); ++a) strength += w(a);
        for (auto a = t.begin(v); a < t.end(v); ++a)
            for (auto b = a + 1; b < t.end(v); ++b) {
                const auto closing = t.find(t.neighbour(a), t.neighbour(b));
                if (closing == t.end(t.neighbour(a))) continue;
                switch (kind) {
                    case clustering_kind::unweighted: sum += 1; break;
                    case clustering_kind::onnela: sum += std::cbrt(w(a) * w(b) * w(closing) / (max_w * max_w * max_w)); break;
                    case clustering_kind::barrat: sum += (w(a) + w(b)) / 2; break;
                }
            }
        out[v] = kind == clustering_kind::barrat ? sum / (strength * (d - 1) / 2) : sum / (d * (d - 1) / 2);
    }
    return out;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> clustering(const Graph& g, clustering_kind kind = clustering_kind::unweighted) {
    return clustering(static_cast<const graph_view&>(view_of(g)), kind);
}

/// Global transitivity.
///
/// Undirected graph: 3 x triangles / connected triples (networkx transitivity, igraph
/// transitivity_undirected). Directed graph: the share of two-paths i -> j -> k (i != k) whose
/// ends are tied i -> k (R sna gtrans, measure "weak"). Unweighted; 0 when there is no triple.
/// O(sum of degree^2).
inline double transitivity(const graph_view& g) {
    const neighbour_table t(g, false);
    double closed = 0, triples = 0;
    if (!g.directed) {
        for (std::uint32_t v = 0; v < g.n; ++v) {
            const double d = t.degree(v);
            triples += d * (d - 1) / 2;
            for (auto a = t.begin(v); a < t.end(v); ++a)
                for (auto b = a + 1; b < t.end(v); ++b)
                    closed += t.find(t.neighbour(a), t.neighbour(b)) != t.end(t.neighbour(a));
        }
        return triples > 0 ? closed / triples : 0.0;
    }
    // Directed: every two-path i -> j -> k (i != k), closed when i -> k.
    for (std::uint32_t j = 0; j < g.n; ++j)
        t.for_each_two_path(j, [&](std::uint32_t i, std::uint32_t k) {
            triples += 1;
            closed += t.sends(i, k);
        });
    return triples > 0 ? closed / triples : 0.0;
}
template <class Graph, if_graph<Graph> = 0>
double transitivity(const Graph& g) {
    return transitivity(static_cast<const graph_view&>(view_of(g)));
}

// ------------------------------------------------------------------------ strong components

/// Strongly connected components (Tarjan 1972, iterative): u and v share a component when each
/// reaches the other. For an undirected graph these are the connected components. Labels are
/// numbered in order of each component's lowest vertex. O(n + m).
inline components_result strong_components(const graph_view& g) {
    const std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> index(g.n, none), low(g.n, 0), stack, comp(g.n, none);
    std::vector<char> on_stack(g.n, 0);
    std::vector<std::pair<std::uint32_t, std::uint64_t>> call;  // (vertex, next arc)
    std::uint32_t counter = 0, found = 0;
    for (std::uint32_t root = 0; root < g.n; ++root) {
        if (index[root] != none) continue;
        call.emplace_back(root, g.out_begin(root));
        index[root] = low[root] = counter++;
        stack.push_back(root), on_stack[root] = 1;
        while (!call.empty()) {
            auto& [v, arc] = call.back();
            if (arc < g.out_end(v)) {
                const std::uint32_t w = g.out_target[arc++];
                if (index[w] == none) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w), on_stack[w] = 1;
                    call.emplace_back(w, g.out_begin(w));
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            const std::uint32_t done = v;
            call.pop_back();
            if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
            if (low[done] == index[done]) {
                std::uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    comp[w] = found;
                } while (w != done);
                ++found;
            }
        }
    }
    // Renumber by lowest vertex.
    std::vector<std::uint32_t> rename(found, none);
    components_result r;
    r.label.resize(g.n);
    for (std::uint32_t v = 0; v < g.n; ++v) {
        if (rename[comp[v]] == none) rename[comp[v]] = r.count++;
        r.label[v] = rename[comp[v]];
    }
    return r;
}
template <class Graph, if_graph<Graph> = 0>
components_result strong_components(const Graph& g) {
    return strong_components(static_cast<const graph_view&>(view_of(g)));
}

// -------------------------------------------------------------------------------- distances

/// Distance summary of a graph.
struct distance_summary {
    std::vector<double> eccentricity;  ///< longest shortest path from each vertex to a vertex it reaches
    double diameter = 0;               ///< the largest eccentricity
    double average_path_length = 0;    ///< mean over ordered pairs (u, v), u reaching v, u != v
    double reachable_pairs = 0;        ///< ordered pairs counted in the mean
    double unreachable_pairs = 0;      ///< ordered pairs (u, v), u != v, with no path
};

/// Eccentricity, diameter and average path length, over reachable pairs only (igraph's
/// unconn=TRUE; networkx raises on a graph that is not connected, R sna gives Inf).
/// Paths follow the ties (out), or ties both ways with direction::all; weights as distances when
/// asked. One search per vertex on every core; O(n m).
inline distance_summary distances(const graph_view& g, direction along = direction::out,
                                  weight_mode weights = weight_mode::none, const run_options& run = {}) {
    detail::require_length_mode(weights, "distances");
    const bool weighted = weights == weight_mode::distance && g.weighted();
    if (weighted) detail::require_positive_lengths(g);
    const unsigned workers = detail::worker_count(g.n, run);
    std::vector<detail::path_search> search(workers, detail::path_search(g.n));
    std::vector<double> total(g.n, 0.0), reached(g.n, 0.0);
    distance_summary r;
    r.eccentricity.assign(g.n, 0.0);
    detail::parallel_for(g.n, run, [&](unsigned w, std::uint32_t s) {
        auto& ps = search[w];
        ps.run(g, s, along, weighted, false);
        double ecc = 0, sum = 0;
        for (auto v : ps.order) ecc = std::max(ecc, ps.dist[v]), sum += ps.dist[v];
        r.eccentricity[s] = ecc;
        total[s] = sum;
        reached[s] = static_cast<double>(ps.order.size()) - 1;
    });
    double sum = 0;
    for (std::uint32_t v = 0; v < g.n; ++v) {
        sum += total[v];
        r.reachable_pairs += reached[v];
        r.diameter = std::max(r.diameter, r.eccentricity[v]);
    }
    const double n = g.n;
    r.unreachable_pairs = n * (n - 1) - r.reachable_pairs;
    r.average_path_length = r.reachable_pairs > 0 ? sum / r.reachable_pairs : 0.0;
    return r;
}
template <class Graph, if_graph<Graph> = 0>
distance_summary distances(const Graph& g, direction along = direction::out, weight_mode weights = weight_mode::none,
                           const run_options& run = {}) {
    return distances(static_cast<const graph_view&>(view_of(g)), along, weights, run);
}

// ------------------------------------------------------------------------------ triad census

/// The 16 triad types of Holland & Leinhardt, in the usual order (MAN notation).
inline const std::array<const char*, 16>& triad_names() {
    static const std::array<const char*, 16> names = {"003",  "012",  "102",  "021D", "021U", "021C",
                                                      "111D", "111U", "030T", "030C", "201",  "120D",
                                                      "120U", "120C", "210",  "300"};
    return names;
}

/// Triad census of a directed graph (Batagelj & Mrvar 2001), counts in triad_names() order, as
/// networkx triadic_census and R sna triad.census give them. An undirected graph is read as
/// mutual ties. Self-ties and parallel ties are ignored. O(m Delta) plus O(1) for the 003 count.
inline std::array<double, 16> triad_census(const graph_view& g) {
    // Triad code: 6 bits of the ties among (v, u, w) -> type index (Batagelj & Mrvar's table).
    static const int type_of_code[64] = {1,  2,  2,  3,  2,  4,  6,  8,  2,  6,  5,  7,  3,  8,  7,  11,
                                         2,  6,  4,  8,  5,  9,  9,  13, 6,  10, 9,  14, 7,  14, 12, 15,
                                         2,  5,  6,  7,  6,  9,  10, 14, 4,  9,  9,  12, 8,  13, 14, 15,
                                         3,  7,  8,  11, 7,  12, 14, 15, 8,  14, 13, 15, 11, 15, 15, 16};
    const neighbour_table t(g, false);
    auto tied = [&](std::uint32_t a, std::uint32_t b) { return t.sends(a, b); };
    auto code = [&](std::uint32_t v, std::uint32_t u, std::uint32_t w) {
        int c = 0;
        if (tied(v, u)) c |= 1;
        if (tied(u, v)) c |= 2;
        if (tied(v, w)) c |= 4;
        if (tied(w, v)) c |= 8;
        if (tied(u, w)) c |= 16;
        if (tied(w, u)) c |= 32;
        return c;
    };
    std::array<double, 16> census{};
    const double n = g.n;
    std::vector<std::uint64_t> mark(g.n, 0);
    std::vector<std::uint32_t> union_;
    std::uint64_t stamp = 0;
    for (std::uint32_t v = 0; v < g.n; ++v)
        for (auto a = t.begin(v); a < t.end(v); ++a) {
            const std::uint32_t u = t.neighbour(a);
            if (u <= v) continue;
            // S = neighbours of u or v, other than u and v; each connected triad is counted once,
            // from its pair (v, u) with the rule of Batagelj & Mrvar.
            union_.clear();
            ++stamp;
            for (const std::uint32_t x : {u, v})
                for (auto b = t.begin(x); b < t.end(x); ++b) {
                    const std::uint32_t w = t.neighbour(b);
                    if (w != u && w != v && mark[w] != stamp) mark[w] = stamp, union_.push_back(w);
                }
            const bool mutual = tied(v, u) && tied(u, v);
            census[mutual ? 2 : 1] += n - static_cast<double>(union_.size()) - 2;  // 102 or 012
            for (const std::uint32_t w : union_)
                if (u < w || (v < w && w < u && t.find(v, w) == t.end(v)))
                    census[type_of_code[code(v, u, w)] - 1] += 1;
        }
    double counted = 0;
    for (int k = 1; k < 16; ++k) counted += census[k];
    census[0] = n * (n - 1) * (n - 2) / 6 - counted;
    return census;
}
template <class Graph, if_graph<Graph> = 0>
std::array<double, 16> triad_census(const Graph& g) {
    return triad_census(static_cast<const graph_view&>(view_of(g)));
}
}  // namespace wijknet
