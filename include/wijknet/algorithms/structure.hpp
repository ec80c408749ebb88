/// @file
/// @brief Basic structure: directedness, tie count, density, weak components.
///
/// Templates on the Boost.Graph concepts: they run on wijknet::snapshot and on a user's own
/// Boost.Graph graph (e.g. boost::adjacency_list).
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

#include <boost/concept/assert.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/graph_traits.hpp>

#include "wijknet/view/snapshot.hpp"

namespace wijknet {

/// Whether @p g is directed: read at run time for a snapshot, from directed_category otherwise.
template <class Graph>
bool is_directed_graph(const Graph& g) {
    return boost::is_directed(g);
}
inline bool is_directed_graph(const snapshot& g) { return g.is_directed(); }

/// Number of ties: edges of a directed graph, undirected edges counted once.
template <class Graph>
double count_ties(const Graph& g) {
    return static_cast<double>(num_edges(g));
}
inline double count_ties(const snapshot& g) { return g.num_ties(); }

/// Density: the share of possible ties present.
///
/// Directed: m / (n (n - 1)); undirected: 2 m / (n (n - 1)) (Wasserman & Faust 1994, 4.2).
/// m counts ties as the graph holds them: self-ties and parallel ties count too, so a multigraph
/// can exceed 1 (build the snapshot with a combine rule other than keep to avoid that).
/// Returns 0 for fewer than two vertices. Weights are ignored. O(1) on a snapshot.
template <class Graph>
double density(const Graph& g) {
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
    const double n = static_cast<double>(num_vertices(g));
    if (n < 2) return 0.0;
    const double pairs = n * (n - 1) / (is_directed_graph(g) ? 1.0 : 2.0);
    return count_ties(g) / pairs;
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
///
/// Requires IncidenceGraph, BidirectionalGraph and VertexListGraph with a vertex_index map.
/// O(n + m) time, O(n) extra memory.
template <class Graph>
components_result weak_components(const Graph& g) {
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
    BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    const auto index = get(boost::vertex_index, g);
    const std::size_t n = num_vertices(g);
    const std::uint32_t unseen = UINT32_MAX;

    components_result out;
    out.label.assign(n, unseen);
    std::vector<vertex> stack;
    for (auto [vi, vend] = vertices(g); vi != vend; ++vi) {
        if (out.label[get(index, *vi)] != unseen) continue;
        const std::uint32_t c = out.count++;
        out.label[get(index, *vi)] = c;
        stack.push_back(*vi);
        while (!stack.empty()) {
            const vertex u = stack.back();
            stack.pop_back();
            auto visit = [&](vertex w) {
                auto& l = out.label[get(index, w)];
                if (l == unseen) l = c, stack.push_back(w);
            };
            for (auto [ei, eend] = out_edges(u, g); ei != eend; ++ei) visit(target(*ei, g));
            for (auto [ei, eend] = in_edges(u, g); ei != eend; ++ei) visit(source(*ei, g));
        }
    }
    return out;
}

}  // namespace wijknet
