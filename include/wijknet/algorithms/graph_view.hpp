/// @file
/// @brief graph_view: the flat, read-only adjacency every wijknet algorithm runs on.
///
/// A snapshot is viewed without copying; any other Boost.Graph graph (VertexListGraph +
/// IncidenceGraph, with a vertex_index map) is copied once into an owned_graph_view, O(n + m).
/// The algorithms themselves then run on flat arrays, which is what makes them fast.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/concept/assert.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>

#include "wijknet/view/snapshot.hpp"

namespace wijknet {

/// How an algorithm reads tie weights.
enum class weight_mode {
    none,      ///< every tie counts 1
    strength,  ///< a heavier tie is a stronger tie (degree strength, PageRank, constraint ...)
    distance,  ///< a heavier tie is a longer tie (shortest paths)
};

/// Read-only adjacency in compressed rows. In an undirected view every edge appears as two arcs
/// sharing one edge id, and the in-arcs of v are its out-arcs.
struct graph_view {
    std::uint32_t n = 0;
    bool directed = true;
    std::uint64_t num_edge_ids = 0;  ///< edge ids are 0 .. num_edge_ids - 1
    const std::uint64_t* out_offset = nullptr;
    const std::uint32_t* out_target = nullptr;
    const std::uint32_t* out_edge = nullptr;  ///< null: the arc position is the edge id
    const std::uint64_t* in_offset = nullptr;
    const std::uint32_t* in_source = nullptr;
    const std::uint32_t* in_edge = nullptr;
    const double* weight = nullptr;  ///< by edge id; null: all 1
    /// Vertex names for error messages (a snapshot's stakeholder ids); null: vertex numbers.
    const std::string* names = nullptr;

    std::uint64_t out_begin(std::uint32_t v) const { return out_offset[v]; }
    std::uint64_t out_end(std::uint32_t v) const { return out_offset[v + 1]; }
    std::uint64_t in_begin(std::uint32_t v) const { return in_offset[v]; }
    std::uint64_t in_end(std::uint32_t v) const { return in_offset[v + 1]; }
    std::uint32_t out_degree(std::uint32_t v) const { return static_cast<std::uint32_t>(out_end(v) - out_begin(v)); }
    std::uint32_t in_degree(std::uint32_t v) const { return static_cast<std::uint32_t>(in_end(v) - in_begin(v)); }
    std::uint32_t out_edge_id(std::uint64_t arc) const {
        return out_edge ? out_edge[arc] : static_cast<std::uint32_t>(arc);
    }
    double edge_weight(std::uint32_t id) const { return weight ? weight[id] : 1.0; }
    double out_weight(std::uint64_t arc) const { return edge_weight(out_edge_id(arc)); }
    double in_weight(std::uint64_t arc) const { return edge_weight(in_edge[arc]); }
    /// Number of ties: arcs directed, edges undirected (a self-tie counts once).
    std::uint64_t num_ties() const { return num_edge_ids; }
    bool weighted() const { return weight != nullptr; }
};

/// A graph_view that owns its arrays (made from a graph that is not a snapshot).
class owned_graph_view {
public:
    owned_graph_view() = default;
    owned_graph_view(const owned_graph_view&) = delete;
    owned_graph_view& operator=(const owned_graph_view&) = delete;
    owned_graph_view(owned_graph_view&& o) noexcept { *this = std::move(o); }
    owned_graph_view& operator=(owned_graph_view&& o) noexcept {
        out_offset_ = std::move(o.out_offset_), out_target_ = std::move(o.out_target_);
        out_edge_ = std::move(o.out_edge_), in_offset_ = std::move(o.in_offset_);
        in_source_ = std::move(o.in_source_), in_edge_ = std::move(o.in_edge_), weight_ = std::move(o.weight_);
        view_ = o.view_;
        repoint();
        return *this;
    }
    const graph_view& view() const { return view_; }
    operator const graph_view&() const { return view_; }

    template <class Graph, class WeightMap>
    friend owned_graph_view make_graph_view(const Graph& g, WeightMap weights, bool weighted);

private:
    void repoint() {
        view_.out_offset = out_offset_.data(), view_.out_target = out_target_.data();
        view_.out_edge = out_edge_.empty() ? nullptr : out_edge_.data();
        view_.in_offset = in_offset_.data(), view_.in_source = in_source_.data(), view_.in_edge = in_edge_.data();
        view_.weight = weight_.empty() ? nullptr : weight_.data();
    }

    std::vector<std::uint64_t> out_offset_, in_offset_;
    std::vector<std::uint32_t> out_target_, out_edge_, in_source_, in_edge_;
    std::vector<double> weight_;
    graph_view view_;
};

/// A weight map giving 1 for every edge (for graphs without weights).
template <class Edge>
struct unit_weight_map {
    using key_type = Edge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
};
template <class Edge>
double get(const unit_weight_map<Edge>&, const Edge&) {
    return 1.0;
}

/// Copies any Boost.Graph graph into flat arrays. Requires VertexListGraph and IncidenceGraph
/// and a vertex_index map; @p weights is read only when @p weighted. An undirected graph's edges
/// are seen from both ends; each arc gets its own id there. O(n + m).
template <class Graph, class WeightMap>
owned_graph_view make_graph_view(const Graph& g, WeightMap weights, bool weighted) {
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
    BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
    const auto index = get(boost::vertex_index, g);
    owned_graph_view o;
    const auto n = static_cast<std::uint32_t>(num_vertices(g));
    o.out_offset_.assign(std::size_t(n) + 1, 0);
    for (auto [vi, ve] = vertices(g); vi != ve; ++vi) {
        const auto u = static_cast<std::uint32_t>(get(index, *vi));
        for (auto [ei, ee] = out_edges(*vi, g); ei != ee; ++ei) ++o.out_offset_[u + 1];
    }
    for (std::uint32_t v = 0; v < n; ++v) o.out_offset_[v + 1] += o.out_offset_[v];
    const std::uint64_t m = o.out_offset_[n];
    o.out_target_.resize(m);
    if (weighted) o.weight_.resize(m);
    std::vector<std::uint64_t> next(o.out_offset_.begin(), o.out_offset_.end() - 1);
    for (auto [vi, ve] = vertices(g); vi != ve; ++vi) {
        const auto u = static_cast<std::uint32_t>(get(index, *vi));
        for (auto [ei, ee] = out_edges(*vi, g); ei != ee; ++ei) {
            const std::uint64_t arc = next[u]++;
            o.out_target_[arc] = static_cast<std::uint32_t>(get(index, target(*ei, g)));
            if (weighted) o.weight_[arc] = static_cast<double>(get(weights, *ei));
        }
    }
    // In-arcs by counting sort on the target.
    o.in_offset_.assign(std::size_t(n) + 1, 0);
    for (auto t : o.out_target_) ++o.in_offset_[t + 1];
    for (std::uint32_t v = 0; v < n; ++v) o.in_offset_[v + 1] += o.in_offset_[v];
    o.in_source_.resize(m);
    o.in_edge_.resize(m);
    next.assign(o.in_offset_.begin(), o.in_offset_.end() - 1);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint64_t arc = o.out_offset_[u]; arc < o.out_offset_[u + 1]; ++arc) {
            const std::uint64_t k = next[o.out_target_[arc]]++;
            o.in_source_[k] = u;
            o.in_edge_[k] = static_cast<std::uint32_t>(arc);
        }
    o.view_.n = n;
    o.view_.directed = boost::is_directed(g);
    o.view_.num_edge_ids = m;
    o.repoint();
    if (!o.view_.directed) {
        // Undirected: as many ties as num_edges(g); arcs keep their own ids for weights.
        o.view_.num_edge_ids = m;
    }
    return o;
}

/// Copies any Boost.Graph graph, unweighted.
template <class Graph>
owned_graph_view make_graph_view(const Graph& g) {
    return make_graph_view(g, unit_weight_map<typename boost::graph_traits<Graph>::edge_descriptor>{}, false);
}

/// Views a snapshot without copying.
inline graph_view make_graph_view(const snapshot& g) {
    graph_view v;
    v.n = g.num_vertices();
    v.directed = g.is_directed();
    v.num_edge_ids = g.num_ties();
    v.out_offset = g.out_offset_data();
    v.out_target = g.arc_targets();
    v.out_edge = g.is_directed() ? nullptr : g.out_edge_data();
    if (g.is_directed()) {
        v.in_offset = g.in_offset_data();
        v.in_source = g.in_source_data();
        v.in_edge = g.in_edge_data();
    } else {
        v.in_offset = v.out_offset;
        v.in_source = v.out_target;
        v.in_edge = g.out_edge_data();
    }
    v.weight = g.weight_data();
    v.names = g.ids().data();
    return v;
}

namespace detail {

/// "'a' -> 'b'" (undirected: "'a' -- 'b'") for the tie with edge id @p e, by the vertex names of
/// @p g (numbers when it has none). The ends are found by a scan of the arcs: O(m), for messages.
inline std::string describe_edge(const graph_view& g, std::uint64_t e) {
    auto name = [&](std::uint32_t v) { return "'" + (g.names ? g.names[v] : std::to_string(v)) + "'"; };
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (std::uint64_t a = g.out_begin(u); a < g.out_end(u); ++a)
            if (g.out_edge_id(a) == e) return name(u) + (g.directed ? " -> " : " -- ") + name(g.out_target[a]);
    return "number " + std::to_string(e);
}

/// Throws invalid_value_error naming the first tie of @p g whose weight is negative (with
/// @p positive: not above 0) and @p what reads it as: "PageRank reads weights as tie strengths"
/// and the like. Nothing when g has no weights. O(m).
inline void require_weights(const graph_view& g, bool positive, const std::string& what) {
    if (!g.weight) return;
    for (std::uint64_t e = 0; e < g.num_edge_ids; ++e) {
        const double w = g.weight[e];
        if (positive ? w > 0 : w >= 0) continue;
        throw invalid_value_error(what + ", which must be " + (positive ? "positive" : "non-negative") + ": the tie " +
                                  describe_edge(g, e) + " has weight " + format_number(w) +
                                  " (leave such ties out with min_weight, or use weight_mode::none)");
    }
}

}  // namespace detail

/// The count of ties of a view as the measures read it: edges of an undirected graph, arcs of a
/// directed one. (An owned view of an undirected Boost graph holds both arcs of each edge.)
inline double tie_count(const graph_view& g) {
    if (g.directed || g.out_edge) return static_cast<double>(g.num_ties());
    std::uint64_t loops = 0;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) loops += g.out_target[a] == u;
    return static_cast<double>(g.num_ties() - loops) / 2.0 + static_cast<double>(loops);
}

}  // namespace wijknet
