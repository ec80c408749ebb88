/// @file
/// @brief The one way a Boost.Graph graph enters wijknet's algorithms: make_graph_view() and
/// view_of().
///
/// Any graph that models VertexListGraph and EdgeListGraph (or, when directed, IncidenceGraph)
/// and has a vertex index is copied once into flat arrays, O(n + m). Weights are read the
/// Boost.Graph way: from the graph's own edge_weight property, or from a weight map the caller
/// passes, as an argument or as a named parameter (`boost::weight_map(w)`); they are never
/// replaced by 1 behind the caller's back. Edge ids are the positions of the edges in
/// `edges(g)`, so an edge result (edge betweenness) is per edge of the caller's graph, in its
/// edge order; an undirected edge is one edge, seen from both ends. A wijknet::snapshot is
/// viewed without copying (its overloads live in view/snapshot.hpp).
///
/// This header needs neither the alliance model nor Boost's graph concept checks.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>

#include "wijknet/error.hpp"
#include "wijknet/view/graph_view.hpp"

namespace boost {
// Declared in boost/graph/named_function_params.hpp, which a caller passing named parameters
// has included; declaring them here keeps that header out of every wijknet include.
template <typename T, typename Tag, typename Base>
struct bgl_named_params;
struct param_not_found;
}  // namespace boost

namespace wijknet {

namespace detail {

template <class G, class = void>
struct has_graph_functions : std::false_type {};
template <class G>
struct has_graph_functions<
    G, std::void_t<decltype(num_vertices(std::declval<const G&>())), decltype(vertices(std::declval<const G&>())),
                   typename boost::graph_traits<G>::traversal_category>> : std::true_type {};

template <class G, bool = has_graph_functions<G>::value>
struct graph_model : std::false_type {};
template <class G>
struct graph_model<G, true> {
    using category = typename boost::graph_traits<G>::traversal_category;
    static constexpr bool vertex_list = std::is_convertible<category, boost::vertex_list_graph_tag>::value;
    static constexpr bool edge_list = std::is_convertible<category, boost::edge_list_graph_tag>::value;
    static constexpr bool incidence = std::is_convertible<category, boost::incidence_graph_tag>::value;
    static constexpr bool value = vertex_list && (edge_list || incidence);
};

/// Whether the graph's own edge properties hold an edge_weight (a property list or a bundle).
template <class G>
struct has_edge_weight
    : std::integral_constant<
          bool, boost::lookup_one_property<typename boost::edge_property_type<G>::type, boost::edge_weight_t>::found ||
                    boost::lookup_one_property<typename boost::edge_bundle_type<G>::type, boost::edge_weight_t>::found> {};

template <class T>
struct is_named_params : std::false_type {};
template <class T, class Tag, class Base>
struct is_named_params<boost::bgl_named_params<T, Tag, Base>> : std::true_type {};

/// Weight map of a graph without weights: no map at all.
struct no_weight_map {};

template <class Graph>
void require_graph_model() {
    static_assert(graph_model<Graph>::value,
                  "wijknet: this type is not a Boost.Graph graph. The algorithms take a wijknet::graph_view, a "
                  "wijknet::snapshot, or a graph that models VertexListGraph and EdgeListGraph (directed graphs may "
                  "model IncidenceGraph instead), with boost::graph_traits, vertices(g) and num_vertices(g).");
}

/// Copies @p g into flat arrays; see make_graph_view(). @p weights is a readable edge property
/// map or no_weight_map; @p index maps vertices to 0 .. n-1.
template <class Graph, class WeightMap, class IndexMap>
owned_graph_view copy_graph(const Graph& g, const WeightMap& weights, const IndexMap& index) {
    require_graph_model<Graph>();
    constexpr bool weighted = !std::is_same<WeightMap, no_weight_map>::value;
    const bool directed = boost::is_directed(g);
    const auto nv = num_vertices(g);
    if (static_cast<std::uint64_t>(nv) >= UINT32_MAX)
        throw invalid_value_error("make_graph_view: " + std::to_string(nv) + " vertices; at most 4294967294 fit");
    const auto n = static_cast<std::uint32_t>(nv);
    const auto position = [&](const auto& v) {
        const auto i = static_cast<std::uint64_t>(get(index, v));
        if (i >= n)
            throw invalid_value_error("make_graph_view: a vertex has index " + std::to_string(i) + "; a graph of " +
                                      std::to_string(n) + " vertices needs indices 0 .. " + std::to_string(n - 1) +
                                      " (fill the vertex_index map, or pass boost::vertex_index_map)");
        return static_cast<std::uint32_t>(i);
    };

    // The edges in the graph's own order: their position is their id.
    std::vector<std::uint32_t> src, dst;
    std::vector<double> w;
    const auto add = [&](const auto& e) {
        src.push_back(position(source(e, g)));
        dst.push_back(position(target(e, g)));
        if constexpr (weighted) w.push_back(static_cast<double>(get(weights, e)));
    };
    using model = graph_model<Graph>;
    if constexpr (model::edge_list) {
        for (auto [ei, ee] = edges(g); ei != ee; ++ei) add(*ei);
    } else {
        static_assert(model::edge_list || model::incidence, "unreachable");
        if (!directed)
            throw invalid_value_error("make_graph_view: an undirected graph must model EdgeListGraph, so that each "
                                      "edge is read once");
        for (auto [vi, ve] = vertices(g); vi != ve; ++vi)
            for (auto [ei, ee] = out_edges(*vi, g); ei != ee; ++ei) add(*ei);
    }
    if (src.size() >= UINT32_MAX)
        throw invalid_value_error("make_graph_view: " + std::to_string(src.size()) + " edges; at most 4294967294 fit");
    const auto m = static_cast<std::uint32_t>(src.size());

    // Out-arcs by a stable counting sort on the source: each vertex's arcs stay in edge order.
    // Undirected: each edge is an arc at both ends (a self-loop one arc), sharing the edge id.
    std::vector<std::uint64_t> out_offset(std::size_t(n) + 1, 0);
    for (std::uint32_t e = 0; e < m; ++e) {
        ++out_offset[src[e] + 1];
        if (!directed && src[e] != dst[e]) ++out_offset[dst[e] + 1];
    }
    for (std::uint32_t v = 0; v < n; ++v) out_offset[v + 1] += out_offset[v];
    std::vector<std::uint32_t> out_target(out_offset[n]), out_edge(out_offset[n]);
    std::vector<std::uint64_t> next(out_offset.begin(), out_offset.end() - 1);
    for (std::uint32_t e = 0; e < m; ++e) {
        auto k = next[src[e]]++;
        out_target[k] = dst[e], out_edge[k] = e;
        if (!directed && src[e] != dst[e]) k = next[dst[e]]++, out_target[k] = src[e], out_edge[k] = e;
    }
    std::vector<std::uint64_t> in_offset;
    std::vector<std::uint32_t> in_source, in_edge;
    if (directed) {
        in_offset.assign(std::size_t(n) + 1, 0);
        for (std::uint32_t e = 0; e < m; ++e) ++in_offset[dst[e] + 1];
        for (std::uint32_t v = 0; v < n; ++v) in_offset[v + 1] += in_offset[v];
        in_source.resize(m), in_edge.resize(m);
        next.assign(in_offset.begin(), in_offset.end() - 1);
        for (std::uint32_t u = 0; u < n; ++u)
            for (auto a = out_offset[u]; a < out_offset[u + 1]; ++a) {
                const auto k = next[out_target[a]]++;
                in_source[k] = u, in_edge[k] = out_edge[a];
            }
        bool identity = true;  // edges came in source order: the arc position is the edge id
        for (std::uint32_t a = 0; a < m && identity; ++a) identity = out_edge[a] == a;
        if (identity) out_edge.clear();
    }
    return owned_graph_view(n, directed, m, std::move(out_offset), std::move(out_target), std::move(out_edge),
                            std::move(in_offset), std::move(in_source), std::move(in_edge), std::move(w));
}

template <class Graph>
auto own_weights(const Graph& g) {
    if constexpr (has_edge_weight<Graph>::value)
        return get(boost::edge_weight, g);
    else
        return no_weight_map{};
}

}  // namespace detail

/// True when @p Graph models the Boost.Graph concepts make_graph_view() needs: VertexListGraph,
/// and EdgeListGraph or (directed graphs) IncidenceGraph. The algorithms' overloads for foreign
/// graphs take only such types.
template <class Graph>
constexpr bool is_graph_v = detail::graph_model<Graph>::value;

/// Enables an algorithm's overload for Boost.Graph graphs only (graph_view arguments take the
/// graph_view overload).
template <class Graph>
using if_graph = std::enable_if_t<is_graph_v<Graph>, int>;

/// Copies a Boost.Graph graph into flat arrays, with the weights and vertex index you give.
///
/// @param g       a graph modelling VertexListGraph and EdgeListGraph (a directed graph may
///                model IncidenceGraph instead)
/// @param weights a readable property map from edges to numbers (e.g. `get(&tie::weight, g)`)
/// @param index   a readable property map from vertices to 0 .. n-1 (all different)
///
/// Edge e gets id k when it is the k-th edge of `edges(g)`. Throws invalid_value_error (naming
/// the index) when a vertex index is n or more. O(n + m) time and memory.
template <class Graph, class WeightMap, class IndexMap>
owned_graph_view make_graph_view(const Graph& g, const WeightMap& weights, const IndexMap& index) {
    return detail::copy_graph(g, weights, index);
}

/// Copies a Boost.Graph graph with the weights you give and the graph's own vertex_index map.
/// @param g       the graph (see the three-argument overload)
/// @param weights a readable property map from edges to numbers
/// O(n + m).
template <class Graph, class WeightMap, std::enable_if_t<!detail::is_named_params<WeightMap>::value, int> = 0>
owned_graph_view make_graph_view(const Graph& g, const WeightMap& weights) {
    detail::require_graph_model<Graph>();
    return detail::copy_graph(g, weights, get(boost::vertex_index, g));
}

/// Copies a Boost.Graph graph, with Boost's named parameters: `boost::weight_map(w)` and
/// `boost::vertex_index_map(i)`, each optional (defaults: the graph's own edge_weight property if
/// it has one, else no weights; the graph's vertex_index map).
/// @param g      the graph (see the three-argument overload)
/// @param params named parameters, e.g. `boost::weight_map(w).vertex_index_map(i)`
/// O(n + m).
template <class Graph, class T, class Tag, class Base>
owned_graph_view make_graph_view(const Graph& g, const boost::bgl_named_params<T, Tag, Base>& params) {
    detail::require_graph_model<Graph>();
    const auto weights = get_param(params, boost::edge_weight);
    const auto index = get_param(params, boost::vertex_index);
    constexpr bool own_weights = std::is_same<std::decay_t<decltype(weights)>, boost::param_not_found>::value;
    constexpr bool own_index = std::is_same<std::decay_t<decltype(index)>, boost::param_not_found>::value;
    const auto w = [&]() {
        if constexpr (own_weights) return detail::own_weights(g);
        else return weights;
    }();
    if constexpr (own_index)
        return detail::copy_graph(g, w, get(boost::vertex_index, g));
    else
        return detail::copy_graph(g, w, index);
}

/// Copies a Boost.Graph graph with its own weights: the edge_weight property when the graph has
/// one (as a property list or in its bundle), else none (every tie counts 1).
/// @param g the graph (see the three-argument overload); needs a vertex_index map
/// O(n + m).
template <class Graph>
owned_graph_view make_graph_view(const Graph& g) {
    detail::require_graph_model<Graph>();
    return detail::copy_graph(g, detail::own_weights(g), get(boost::vertex_index, g));
}

/// The view every algorithm runs on: a copy of a Boost.Graph graph with its own weights (see
/// make_graph_view()); a snapshot is viewed without copying (view/snapshot.hpp).
/// @param g the graph
template <class Graph>
owned_graph_view view_of(const Graph& g) {
    return make_graph_view(g);
}
/// A graph_view is its own view.
/// @param g the view
inline const graph_view& view_of(const graph_view& g) { return g; }
/// The view an owned_graph_view holds.
/// @param g the owned view
inline const graph_view& view_of(const owned_graph_view& g) { return g.view(); }

}  // namespace wijknet
