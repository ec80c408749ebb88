/// @file
/// @brief neighbour_table: each vertex's distinct neighbours (ties either way, self-ties left
/// out) with the weight sent and received, for the measures defined on ego networks
/// (clustering, structural holes, cores, cliques, cohesion, communities).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "wijknet/view/adapter.hpp"

namespace wijknet {

/// Distinct neighbours of each vertex, sorted, with the tie weight v -> u ("sent") and
/// u -> v ("received"); parallel ties are summed; 0 means no tie that way. In an undirected
/// graph sent == received. Built in O(n + m).
class neighbour_table {
public:
    explicit neighbour_table(const graph_view& g, bool weighted = true) : n_(g.n), offset_(std::size_t(g.n) + 1, 0) {
        // Gather (v, u, sent, received) from the out-arcs (and in-arcs when directed), then merge
        // per vertex with a position marker, keeping neighbours sorted by a counting pass.
        std::vector<std::uint32_t> count(g.n, 0);
        std::vector<std::uint32_t> mark(g.n, UINT32_MAX);
        for (std::uint32_t v = 0; v < g.n; ++v) {
            auto touch = [&](std::uint32_t u) {
                if (u != v && mark[u] != v) mark[u] = v, ++count[v];
            };
            for (auto a = g.out_begin(v); a < g.out_end(v); ++a) touch(g.out_target[a]);
            if (g.directed)
                for (auto a = g.in_begin(v); a < g.in_end(v); ++a) touch(g.in_source[a]);
        }
        for (std::uint32_t v = 0; v < g.n; ++v) offset_[v + 1] = offset_[v] + count[v];
        neighbour_.resize(offset_[g.n]);
        sent_.assign(offset_[g.n], 0.0);
        received_.assign(offset_[g.n], 0.0);
        std::fill(mark.begin(), mark.end(), UINT32_MAX);
        // Visit sources in increasing order so that each neighbour list comes out sorted:
        // u appears in v's list when processing u (arcs u -> v or v -> u).
        std::vector<std::uint64_t> fill(offset_.begin(), offset_.end() - 1);
        std::vector<std::uint32_t> last(g.n, UINT32_MAX);  // last u placed in v's list
        auto place = [&](std::uint32_t v, std::uint32_t u, double sent, double received) {
            if (last[v] != u) {
                last[v] = u;
                const std::uint64_t k = fill[v]++;
                neighbour_[k] = u;
            }
            const std::uint64_t k = fill[v] - 1;
            sent_[k] += sent;
            received_[k] += received;
        };
        for (std::uint32_t u = 0; u < g.n; ++u) {
            for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
                const std::uint32_t v = g.out_target[a];
                if (v == u) continue;
                const double w = weighted ? g.out_weight(a) : 1.0;
                if (g.directed) place(v, u, 0.0, w);  // in v's list: u sent to v
                else place(v, u, w, w);
            }
            if (g.directed)
                for (auto a = g.in_begin(u); a < g.in_end(u); ++a) {
                    const std::uint32_t v = g.in_source[a];
                    if (v == u) continue;
                    place(v, u, weighted ? g.in_weight(a) : 1.0, 0.0);  // in v's list: v sent to u
                }
        }
    }

    std::uint32_t size() const { return n_; }
    std::uint64_t begin(std::uint32_t v) const { return offset_[v]; }
    std::uint64_t end(std::uint32_t v) const { return offset_[v + 1]; }
    std::uint32_t degree(std::uint32_t v) const { return static_cast<std::uint32_t>(offset_[v + 1] - offset_[v]); }
    std::uint32_t neighbour(std::uint64_t k) const { return neighbour_[k]; }
    double sent(std::uint64_t k) const { return sent_[k]; }
    double received(std::uint64_t k) const { return received_[k]; }
    const std::uint32_t* neighbours(std::uint32_t v) const { return neighbour_.data() + offset_[v]; }

    /// Position of u in v's list, or end(v). O(log degree).
    std::uint64_t find(std::uint32_t v, std::uint32_t u) const {
        const std::uint32_t* first = neighbour_.data() + offset_[v];
        const std::uint32_t* last = neighbour_.data() + offset_[v + 1];
        const std::uint32_t* it = std::lower_bound(first, last, u);
        return (it != last && *it == u) ? static_cast<std::uint64_t>(it - neighbour_.data()) : offset_[v + 1];
    }

    /// Calls f(a, c) for every two-path a -> v -> c with a != c (the walk through v that
    /// brokerage and directed transitivity count). O(in-degree x out-degree of v).
    template <class F>
    void for_each_two_path(std::uint32_t v, F&& f) const {
        for (auto ka = begin(v); ka < end(v); ++ka) {
            if (!(received_[ka] > 0)) continue;  // a -> v
            for (auto kc = begin(v); kc < end(v); ++kc)
                if (kc != ka && sent_[kc] > 0) f(neighbour_[ka], neighbour_[kc]);  // v -> c
        }
    }

    /// True when there is a tie v -> u (either way in an undirected graph). O(log degree).
    bool sends(std::uint32_t v, std::uint32_t u) const {
        const auto k = find(v, u);
        return k != end(v) && sent_[k] > 0;
    }

private:
    std::uint32_t n_;
    std::vector<std::uint64_t> offset_;
    std::vector<std::uint32_t> neighbour_;
    std::vector<double> sent_, received_;
};

}  // namespace wijknet
