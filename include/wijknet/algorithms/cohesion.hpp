/// @file
/// @brief Cohesion: k-cores, articulation points, bridges, biconnected components, maximal
/// cliques, and the number of stakeholder-disjoint paths between two stakeholders.
///
/// Except for core_number and node_connectivity, these read the graph as undirected (a tie either
/// way joins two vertices), ignore self-ties and merge parallel ties.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/flow.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

/// Core number of every vertex (Seidman 1983; Batagelj & Zaversnik 2003, O(n + m)): the largest
/// k such that the vertex belongs to a subgraph where every vertex has degree >= k. Degree is
/// the number of ties (in + out for a directed graph, every parallel tie counted), self-ties
/// ignored, as networkx.core_number and igraph coreness(mode="all").
inline std::vector<double> core_number(const graph_view& g) {
    std::vector<std::uint32_t> deg(g.n, 0);
    auto for_each_neighbour = [&](std::uint32_t v, auto&& f) {
        for (auto a = g.out_begin(v); a < g.out_end(v); ++a)
            if (g.out_target[a] != v) f(g.out_target[a]);
        if (g.directed)
            for (auto a = g.in_begin(v); a < g.in_end(v); ++a)
                if (g.in_source[a] != v) f(g.in_source[a]);
    };
    std::uint32_t max_deg = 0;
    for (std::uint32_t v = 0; v < g.n; ++v) {
        for_each_neighbour(v, [&](std::uint32_t) { ++deg[v]; });
        max_deg = std::max(max_deg, deg[v]);
    }
    // Bucket sort by degree; pos/order as in Batagelj & Zaversnik.
    std::vector<std::uint32_t> bin(std::size_t(max_deg) + 1, 0), order(g.n), pos(g.n);
    for (auto d : deg) ++bin[d];
    for (std::uint32_t d = 0, start = 0; d <= max_deg; ++d) {
        const std::uint32_t count = bin[d];
        bin[d] = start;
        start += count;
    }
    for (std::uint32_t v = 0; v < g.n; ++v) pos[v] = bin[deg[v]]++, order[pos[v]] = v;
    for (std::uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
    if (!bin.empty()) bin[0] = 0;
    for (std::uint32_t i = 0; i < g.n; ++i) {
        const std::uint32_t v = order[i];
        for_each_neighbour(v, [&](std::uint32_t u) {
            if (deg[u] <= deg[v]) return;
            const std::uint32_t du = deg[u], pu = pos[u], pw = bin[du], w = order[pw];
            if (u != w) pos[u] = pw, order[pu] = w, pos[w] = pu, order[pw] = u;
            ++bin[du];
            --deg[u];
        });
    }
    return std::vector<double>(deg.begin(), deg.end());
}
template <class Graph, if_graph<Graph> = 0>
std::vector<double> core_number(const Graph& g) {
    return core_number(static_cast<const graph_view&>(view_of(g)));
}

/// Articulation points, bridges and biconnected components of the undirected reading.
struct biconnected_result {
    std::vector<std::uint32_t> articulation_points;                ///< sorted
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;  ///< (u, v), u < v, sorted
    std::vector<std::vector<std::uint32_t>> components;            ///< vertex sets (sorted), each >= 2 vertices
};

/// Hopcroft & Tarjan (1973), iterative: an articulation point (cut point) is a stakeholder whose
/// removal splits its component; a bridge is a tie whose removal does; a biconnected component
/// is a maximal set that stays connected after removing any one vertex (networkx
/// biconnected_components; isolates belong to none). O(n + m).
inline biconnected_result biconnected(const graph_view& g) {
    const neighbour_table t(g, false);
    const std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> disc(g.n, none), low(g.n, 0), parent(g.n, none);
    std::vector<char> is_cut(g.n, 0);
    std::vector<std::pair<std::uint32_t, std::uint64_t>> call;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edge_stack;
    biconnected_result r;
    std::uint32_t time = 0;
    auto pop_component = [&](std::uint32_t u, std::uint32_t v) {
        std::vector<std::uint32_t> comp;
        while (!edge_stack.empty()) {
            const auto e = edge_stack.back();
            edge_stack.pop_back();
            comp.push_back(e.first), comp.push_back(e.second);
            if (e.first == u && e.second == v) break;
        }
        std::sort(comp.begin(), comp.end());
        comp.erase(std::unique(comp.begin(), comp.end()), comp.end());
        r.components.push_back(std::move(comp));
    };
    for (std::uint32_t root = 0; root < g.n; ++root) {
        if (disc[root] != none) continue;
        disc[root] = low[root] = time++;
        std::uint32_t root_children = 0;
        call.emplace_back(root, t.begin(root));
        while (!call.empty()) {
            auto& [v, k] = call.back();
            if (k < t.end(v)) {
                const std::uint32_t w = t.neighbour(k++);
                if (disc[w] == none) {
                    parent[w] = v;
                    disc[w] = low[w] = time++;
                    edge_stack.emplace_back(v, w);
                    if (v == root) ++root_children;
                    call.emplace_back(w, t.begin(w));
                } else if (w != parent[v] && disc[w] < disc[v]) {
                    low[v] = std::min(low[v], disc[w]);
                    edge_stack.emplace_back(v, w);
                }
                continue;
            }
            const std::uint32_t child = v;
            call.pop_back();
            if (call.empty()) break;
            const std::uint32_t u = call.back().first;
            low[u] = std::min(low[u], low[child]);
            if (low[child] > disc[u]) r.bridges.emplace_back(std::min(u, child), std::max(u, child));
            if (low[child] >= disc[u]) {
                if (u != root) is_cut[u] = 1;
                pop_component(u, child);
            }
        }
        if (root_children > 1) is_cut[root] = 1;
    }
    for (std::uint32_t v = 0; v < g.n; ++v)
        if (is_cut[v]) r.articulation_points.push_back(v);
    std::sort(r.bridges.begin(), r.bridges.end());
    return r;
}
template <class Graph, if_graph<Graph> = 0>
biconnected_result biconnected(const Graph& g) {
    return biconnected(static_cast<const graph_view&>(view_of(g)));
}

/// Maximal cliques of the undirected reading (Bron & Kerbosch 1973 with Tomita et al.'s 2006
/// pivot), each sorted, listed in lexicographic order; cliques smaller than @p min_size are left
/// out. Worst case O(3^(n/3)); fast on sparse alliance networks.
inline std::vector<std::vector<std::uint32_t>> maximal_cliques(const graph_view& g, std::uint32_t min_size = 1,
                                                               const run_options& run = {}) {
    const neighbour_table t(g, false);
    std::vector<std::vector<std::uint32_t>> out;
    std::vector<std::uint32_t> clique;
    auto adjacent = [&](std::uint32_t a, std::uint32_t b) { return t.find(a, b) != t.end(a); };
    std::uint64_t steps = 0;
    // Recursive expansion; candidate and excluded sets as sorted vectors.
    auto expand = [&](auto&& self, std::vector<std::uint32_t>& cand, std::vector<std::uint32_t>& excl) -> void {
        if (++steps % 4096 == 0) detail::check_stop(run);
        if (cand.empty()) {
            if (excl.empty() && clique.size() >= min_size) {
                auto c = clique;
                std::sort(c.begin(), c.end());
                out.push_back(std::move(c));
            }
            return;
        }
        // Pivot: the vertex of cand or excl with the most neighbours in cand.
        std::uint32_t pivot = cand[0];
        std::ptrdiff_t best = -1;
        for (const auto* set : {&cand, &excl})
            for (auto u : *set) {
                std::ptrdiff_t count = 0;
                for (auto v : cand) count += adjacent(u, v);
                if (count > best) best = count, pivot = u;
            }
        std::vector<std::uint32_t> todo;
        for (auto v : cand)
            if (!adjacent(pivot, v)) todo.push_back(v);
        for (auto v : todo) {
            std::vector<std::uint32_t> next_cand, next_excl;
            for (auto u : cand)
                if (adjacent(v, u)) next_cand.push_back(u);
            for (auto u : excl)
                if (adjacent(v, u)) next_excl.push_back(u);
            clique.push_back(v);
            self(self, next_cand, next_excl);
            clique.pop_back();
            cand.erase(std::find(cand.begin(), cand.end(), v));
            excl.insert(std::lower_bound(excl.begin(), excl.end(), v), v);
        }
    };
    std::vector<std::uint32_t> cand(g.n), excl;
    for (std::uint32_t v = 0; v < g.n; ++v) cand[v] = v;
    expand(expand, cand, excl);
    std::sort(out.begin(), out.end());
    return out;
}
template <class Graph, if_graph<Graph> = 0>
std::vector<std::vector<std::uint32_t>> maximal_cliques(const Graph& g, std::uint32_t min_size = 1,
                                                        const run_options& run = {}) {
    return maximal_cliques(static_cast<const graph_view&>(view_of(g)), min_size, run);
}

/// Number of paths from s to t that share no vertex but s and t (Menger: the smallest number of
/// stakeholders whose removal disconnects t from s). Paths follow the ties (directed graphs)
/// or ties either way (direction::all, and undirected graphs). A direct tie s -> t counts as one
/// path. Unit-capacity max flow on the vertex-split graph by breadth-first augmenting paths,
/// O(k m) for k paths. s == t is an error.
inline std::uint32_t node_connectivity(const graph_view& g, std::uint32_t s, std::uint32_t t,
                                       direction along = direction::out) {
    return detail::vertex_flow(g, s, t, along).run();
}
/// node_connectivity of a Boost.Graph graph; @p s and @p t are vertex indices. O(n + m) for the
/// copy, then as above.
template <class Graph, if_graph<Graph> = 0>
std::uint32_t node_connectivity(const Graph& g, std::uint32_t s, std::uint32_t t, direction along = direction::out) {
    return node_connectivity(static_cast<const graph_view&>(view_of(g)), s, t, along);
}

}  // namespace wijknet
