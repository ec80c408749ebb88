/// @file
/// @brief graph_view: the flat, read-only adjacency every wijknet algorithm runs on.
///
/// This header needs nothing but the standard library and wijknet's error types. A snapshot is viewed without copying
/// (view/snapshot.hpp); any other Boost.Graph graph is copied once into an owned_graph_view by
/// view/adapter.hpp, O(n + m). The algorithms themselves run on flat arrays, which is what makes
/// them fast.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/detail/number.hpp"
#include "wijknet/error.hpp"

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
    /// The view of the owned arrays.
    const graph_view& view() const { return view_; }
    /// Every algorithm taking a graph_view takes an owned_graph_view too.
    operator const graph_view&() const { return view_; }

    /// Takes over arrays in the layout of graph_view (the adapter in view/adapter.hpp fills
    /// them): @p out_offset has n + 1 entries; out-arcs carry targets and edge ids; in-arcs
    /// carry sources and edge ids; @p weight is by edge id, empty when every weight is 1.
    /// @param n            number of vertices
    /// @param directed     whether the graph is directed
    /// @param num_edge_ids number of edge ids (edges of an undirected graph, arcs of a directed one)
    /// @param out_offset   out-arcs of v are out_offset[v] .. out_offset[v + 1] - 1
    /// @param out_target   target of each out-arc
    /// @param out_edge     edge id of each out-arc
    /// @param in_offset    in-arcs of v are in_offset[v] .. in_offset[v + 1] - 1
    /// @param in_source    source of each in-arc
    /// @param in_edge      edge id of each in-arc
    /// @param weight       weight by edge id, or empty
    owned_graph_view(std::uint32_t n, bool directed, std::uint64_t num_edge_ids, std::vector<std::uint64_t> out_offset,
                     std::vector<std::uint32_t> out_target, std::vector<std::uint32_t> out_edge,
                     std::vector<std::uint64_t> in_offset, std::vector<std::uint32_t> in_source,
                     std::vector<std::uint32_t> in_edge, std::vector<double> weight)
        : out_offset_(std::move(out_offset)), in_offset_(std::move(in_offset)), out_target_(std::move(out_target)),
          out_edge_(std::move(out_edge)), in_source_(std::move(in_source)), in_edge_(std::move(in_edge)),
          weight_(std::move(weight)) {
        view_.n = n;
        view_.directed = directed;
        view_.num_edge_ids = num_edge_ids;
        repoint();
    }

private:
    void repoint() {
        view_.out_offset = out_offset_.data(), view_.out_target = out_target_.data();
        view_.out_edge = out_edge_.empty() ? nullptr : out_edge_.data();
        if (in_offset_.empty()) {  // undirected: the in-arcs of v are its out-arcs
            view_.in_offset = view_.out_offset, view_.in_source = view_.out_target, view_.in_edge = out_edge_.data();
        } else {
            view_.in_offset = in_offset_.data(), view_.in_source = in_source_.data(), view_.in_edge = in_edge_.data();
        }
        view_.weight = weight_.empty() ? nullptr : weight_.data();
    }

    std::vector<std::uint64_t> out_offset_, in_offset_;
    std::vector<std::uint32_t> out_target_, out_edge_, in_source_, in_edge_;
    std::vector<double> weight_;
    graph_view view_;
};

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

}  // namespace wijknet
