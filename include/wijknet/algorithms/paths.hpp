/// @file
/// @brief Single-source shortest paths on a graph_view: the engine of betweenness, closeness,
/// harmonic centrality and the distance measures.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "wijknet/view/adapter.hpp"
#include "wijknet/algorithms/parallel.hpp"
#include "wijknet/detail/bits.hpp"

namespace wijknet {

/// Which ties a path may follow from a vertex.
enum class direction {
    out,  ///< along the ties (from source to target)
    in,   ///< against the ties
    all,  ///< both ways (the undirected reading of a directed graph)
};

namespace detail {

/// Relative tolerance when comparing path lengths summed in different orders.
inline bool same_length(double a, double b) { return std::abs(a - b) <= 1e-10 * std::max(1.0, std::abs(a)); }

/// Reusable state of one single-source search (one per worker thread).
struct path_search {
    static constexpr double unreached = std::numeric_limits<double>::infinity();
    std::vector<double> dist;   ///< distance from the source; infinity when unreached
    std::vector<double> sigma;  ///< number of shortest paths from the source
    std::vector<std::uint32_t> order;  ///< reached vertices, in non-decreasing distance
    std::vector<std::uint32_t> queue;

    explicit path_search(std::uint32_t n) : dist(n, unreached), sigma(n, 0.0) { order.reserve(n), queue.reserve(n); }

    /// Calls f(neighbour, edge id) for every tie leaving v in direction d.
    template <class F>
    static void for_each_step(const graph_view& g, std::uint32_t v, direction d, F&& f) {
        if (d != direction::in || !g.directed)
            for (auto a = g.out_begin(v); a < g.out_end(v); ++a) f(g.out_target[a], g.out_edge_id(a));
        if (g.directed && d != direction::out)
            for (auto a = g.in_begin(v); a < g.in_end(v); ++a) f(g.in_source[a], g.in_edge[a]);
    }

    /// Shortest paths from s (BFS when !weighted, Dijkstra with weights as lengths otherwise).
    /// Counts shortest paths when count_paths. Resets only what the previous run touched.
    void run(const graph_view& g, std::uint32_t s, direction d, bool weighted, bool count_paths) {
        for (auto v : order) dist[v] = unreached, sigma[v] = 0.0;
        order.clear();
        dist[s] = 0.0;
        sigma[s] = 1.0;
        if (!weighted) {
            queue.clear();
            queue.push_back(s);
            for (std::size_t head = 0; head < queue.size(); ++head) {
                const std::uint32_t v = queue[head];
                order.push_back(v);
                const double next = dist[v] + 1.0;
                for_each_step(g, v, d, [&](std::uint32_t w, std::uint32_t) {
                    if (dist[w] == unreached) dist[w] = next, queue.push_back(w);
                    if (count_paths && dist[w] == next) sigma[w] += sigma[v];
                });
            }
            return;
        }
        using item = std::pair<double, std::uint32_t>;
        std::priority_queue<item, std::vector<item>, std::greater<item>> heap;
        heap.emplace(0.0, s);
        std::vector<char>& done = settled_;
        if (done.size() != dist.size()) done.assign(dist.size(), 0);
        while (!heap.empty()) {
            const double dv = heap.top().first;  // named variables: C++17 lambdas cannot capture bindings
            const std::uint32_t v = heap.top().second;
            heap.pop();
            if (done[v] || dv > dist[v]) continue;
            done[v] = 1;
            order.push_back(v);
            for_each_step(g, v, d, [&](std::uint32_t w, std::uint32_t e) {
                const double alt = dv + g.edge_weight(e);
                if (done[w]) return;
                if (dist[w] == unreached || (alt < dist[w] && !same_length(alt, dist[w]))) {
                    dist[w] = alt;
                    sigma[w] = count_paths ? sigma[v] : 0.0;
                    heap.emplace(alt, w);
                } else if (count_paths && same_length(alt, dist[w])) {
                    sigma[w] += sigma[v];
                }
            });
        }
        for (auto v : order) done[v] = 0;
    }

private:
    std::vector<char> settled_;
};

/// Breadth-first search along one arc list (out-arcs or in-arcs), integer distances: the fast
/// path of the unweighted all-pairs measures. `order` is the queue and the visit order.
struct bfs_search {
    std::vector<std::int32_t> dist;  ///< -1 when unreached
    std::vector<double> sigma;       ///< shortest-path counts (when counted)
    std::vector<double> delta;       ///< dependency accumulator (betweenness)
    std::vector<std::uint32_t> order;

    explicit bfs_search(std::uint32_t n) : dist(n, -1), sigma(n, 0.0), delta(n, 0.0) { order.reserve(n); }

    /// Hop distances (and path counts when count) from s over the arcs (offset, neighbour),
    /// up to @p max_dist hops (vertices further away stay unreached).
    void run(const std::uint64_t* offset, const std::uint32_t* neighbour, std::uint32_t s, bool count,
             std::int32_t max_dist = std::numeric_limits<std::int32_t>::max()) {
        for (auto v : order) dist[v] = -1, sigma[v] = 0.0, delta[v] = 0.0;
        order.clear();
        order.push_back(s);
        dist[s] = 0;
        sigma[s] = 1.0;
        for (std::size_t head = 0; head < order.size(); ++head) {
            const std::uint32_t v = order[head];
            if (dist[v] >= max_dist) break;  // breadth-first: every later vertex is as far
            const std::int32_t next = dist[v] + 1;
            const double sv = sigma[v];
            for (auto a = offset[v], end = offset[v + 1]; a < end; ++a) {
                const std::uint32_t w = neighbour[a];
                if (dist[w] < 0) dist[w] = next, order.push_back(w);
                if (count && dist[w] == next) sigma[w] += sv;
            }
        }
    }
};

/// Per-source sums over the vertices a source reaches by hops (the source itself excluded).
struct hop_sums {
    std::vector<double> reached;  ///< how many vertices it reaches
    std::vector<double> total;    ///< sum of the hop distances to them
    std::vector<double> inverse;  ///< sum of 1 / hop distance
    std::vector<double> longest;  ///< largest hop distance (eccentricity over reached vertices)
};

/// Hop distances from every vertex at once, 64 sources per pass: a multi-source BFS with one
/// bit per source (Then et al. 2014, "The more the merrier: efficient multi-source graph
/// traversal", PVLDB 8(4)). Arcs (offset, neighbour) are followed forwards; a vertex flagged in
/// @p skip (when given) is neither a source nor passed through. Batches run on every core.
/// O(m x levels / 64 + reached pairs) per batch of 64 sources, against O(m) per source for one
/// BFS per source.
template <class Run>
hop_sums all_hop_sums(std::uint32_t n, const std::uint64_t* offset, const std::uint32_t* neighbour,
                      const std::vector<char>* skip, const Run& run) {
    hop_sums r;
    r.reached.assign(n, 0.0), r.total.assign(n, 0.0), r.inverse.assign(n, 0.0), r.longest.assign(n, 0.0);
    const std::uint32_t batches = (n + 63) / 64;
    auto skipped = [&](std::uint32_t v) { return skip && !skip->empty() && (*skip)[v]; };
    const unsigned workers = worker_count(batches, run, 1);
    struct state {
        std::vector<std::uint64_t> seen, visit, next;
        std::vector<std::uint32_t> frontier, touched;
    };
    std::vector<state> states(workers);
    for (auto& st : states) st.seen.assign(n, 0), st.visit.assign(n, 0), st.next.assign(n, 0);
    parallel_for(batches, run, [&](unsigned w, std::uint32_t batch) {
        state& st = states[w];
        std::fill(st.seen.begin(), st.seen.end(), 0);
        std::fill(st.visit.begin(), st.visit.end(), 0);
        st.frontier.clear();
        const std::uint32_t first = batch * 64, last = std::min(n, first + 64);
        for (std::uint32_t s = first; s < last; ++s) {
            if (skipped(s)) continue;
            const std::uint64_t bit = std::uint64_t(1) << (s - first);
            st.seen[s] |= bit;
            if (!st.visit[s]) st.frontier.push_back(s);
            st.visit[s] |= bit;
        }
        double reached[64] = {}, total[64] = {}, inverse[64] = {}, longest[64] = {};
        for (double level = 1; !st.frontier.empty(); level += 1) {
            st.touched.clear();
            for (const std::uint32_t v : st.frontier) {
                const std::uint64_t bits = st.visit[v];
                for (auto a = offset[v], end = offset[v + 1]; a < end; ++a) {
                    const std::uint32_t u = neighbour[a];
                    const std::uint64_t fresh = bits & ~st.seen[u];
                    if (!fresh || skipped(u)) continue;
                    if (!st.next[u]) st.touched.push_back(u);
                    st.next[u] |= fresh;
                }
            }
            for (const std::uint32_t v : st.frontier) st.visit[v] = 0;
            st.frontier.clear();
            for (const std::uint32_t u : st.touched) {
                std::uint64_t fresh = st.next[u] & ~st.seen[u];
                st.next[u] = 0;
                if (!fresh) continue;
                st.seen[u] |= fresh;
                st.visit[u] = fresh;
                st.frontier.push_back(u);
                while (fresh) {
                    const int i = detail::lowest_bit(fresh);
                    fresh &= fresh - 1;
                    reached[i] += 1, total[i] += level, inverse[i] += 1.0 / level, longest[i] = level;
                }
            }
        }
        for (std::uint32_t s = first; s < last; ++s) {
            const std::uint32_t i = s - first;
            r.reached[s] = reached[i], r.total[s] = total[i], r.inverse[s] = inverse[i], r.longest[s] = longest[i];
        }
    }, 1);
    return r;
}

}  // namespace detail
}  // namespace wijknet
