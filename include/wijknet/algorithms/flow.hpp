/// @file
/// @brief Vertex-disjoint paths by unit-capacity max flow on the vertex-split graph: the engine
/// of node_connectivity and of the disjoint routes of a chain.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "wijknet/view/adapter.hpp"
#include "wijknet/algorithms/paths.hpp"
#include "wijknet/error.hpp"

namespace wijknet::detail {

/// Max flow from s to t where every vertex but s and t has capacity 1 (Menger: the number of
/// paths sharing no vertex but s and t). Vertex v is split into v_in = 2v and v_out = 2v + 1;
/// a tie u -> v becomes u_out -> v_in. Augmenting paths are found breadth-first, O(k m) for
/// k paths. A direct tie s -> t counts as one path. After run(), the residual network tells
/// which new ties would add a path (see would_add_path).
class vertex_flow {
public:
    /// @param g     the graph
    /// @param s     source vertex
    /// @param t     target vertex (not s)
    /// @param along which ties a path follows (directed graphs; undirected ones go both ways)
    vertex_flow(const graph_view& g, std::uint32_t s, std::uint32_t t, direction along)
        : s_(s), t_(t), net_(std::size_t(g.n) * 2) {
        if (s >= g.n || t >= g.n) throw invalid_value_error("node_connectivity: vertex out of range");
        if (s == t) throw invalid_value_error("node_connectivity: source and target must differ");
        big_ = g.n + 1;
        for (std::uint32_t v = 0; v < g.n; ++v) add(2 * v, 2 * v + 1, (v == s || v == t) ? big_ : 1);
        for (std::uint32_t u = 0; u < g.n; ++u)
            path_search::for_each_step(g, u, g.directed ? along : direction::out, [&](std::uint32_t v, std::uint32_t) {
                if (v != u) add(2 * u + 1, 2 * v, big_);
            });
    }

    /// Runs the augmentations; returns the number of vertex-disjoint paths.
    std::uint32_t run() {
        const std::uint32_t source = 2 * s_ + 1, sink = 2 * t_;
        std::uint32_t flow = 0;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> came_from(net_.size());
        std::vector<std::uint32_t> queue;
        while (true) {
            std::fill(came_from.begin(), came_from.end(), std::make_pair(UINT32_MAX, 0u));
            came_from[source] = {source, 0};
            queue.assign(1, source);
            for (std::size_t h = 0; h < queue.size() && came_from[sink].first == UINT32_MAX; ++h) {
                const std::uint32_t x = queue[h];
                for (std::uint32_t i = 0; i < net_[x].size(); ++i) {
                    const arc& e = net_[x][i];
                    if (e.capacity > 0 && came_from[e.to].first == UINT32_MAX)
                        came_from[e.to] = {x, i}, queue.push_back(e.to);
                }
            }
            if (came_from[sink].first == UINT32_MAX) break;
            // A direct tie s -> t has unbounded capacity: count it once and remove it.
            std::uint32_t bottleneck = big_;
            for (std::uint32_t x = sink; x != source; x = came_from[x].first)
                bottleneck = std::min(bottleneck, net_[came_from[x].first][came_from[x].second].capacity);
            if (bottleneck == big_) bottleneck = 1;
            for (std::uint32_t x = sink; x != source; x = came_from[x].first) {
                arc& e = net_[came_from[x].first][came_from[x].second];
                e.capacity -= bottleneck;
                net_[e.to][e.reverse].capacity += bottleneck;
                if (came_from[x].first == source && x == sink) e.capacity = 0;  // used the direct tie
            }
            flow += bottleneck;
        }
        return flow;
    }

    /// After run(): would_add_path(u, v) is true when a new tie u -> v would add one more
    /// vertex-disjoint path (the residual network reaches u_out from s and t from v_in).
    /// O(n + m) for the first call, O(1) after.
    bool would_add_path(std::uint32_t u, std::uint32_t v) {
        if (from_source_.empty()) residual_reach();
        return from_source_[2 * u + 1] && to_sink_[2 * v];
    }

private:
    struct arc {
        std::uint32_t to;
        std::uint32_t capacity;
        std::uint32_t reverse;
    };
    void add(std::uint32_t a, std::uint32_t b, std::uint32_t cap) {
        net_[a].push_back({b, cap, static_cast<std::uint32_t>(net_[b].size())});
        net_[b].push_back({a, 0, static_cast<std::uint32_t>(net_[a].size() - 1)});
    }
    void residual_reach() {
        from_source_.assign(net_.size(), 0);
        to_sink_.assign(net_.size(), 0);
        std::vector<std::uint32_t> queue{2 * s_ + 1};
        from_source_[queue[0]] = 1;
        for (std::size_t h = 0; h < queue.size(); ++h)
            for (const arc& e : net_[queue[h]])
                if (e.capacity > 0 && !from_source_[e.to]) from_source_[e.to] = 1, queue.push_back(e.to);
        // x reaches the sink when some residual arc x -> y has y reaching it: walk reverse arcs.
        queue.assign(1, 2 * t_);
        to_sink_[queue[0]] = 1;
        for (std::size_t h = 0; h < queue.size(); ++h) {
            const std::uint32_t y = queue[h];
            for (const arc& back : net_[y]) {
                const arc& forward = net_[back.to][back.reverse];  // back.to -> y
                if (forward.capacity > 0 && !to_sink_[back.to]) to_sink_[back.to] = 1, queue.push_back(back.to);
            }
        }
    }

    std::uint32_t s_, t_, big_ = 0;
    std::vector<std::vector<arc>> net_;
    std::vector<char> from_source_, to_sink_;
};

}  // namespace wijknet::detail
