/// @file
/// @brief wijknet::snapshot: a compact, immutable graph of part of an alliance, modelling the
/// Boost.Graph concepts.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "wijknet/error.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/graph_view.hpp"
#include "wijknet/view/selection.hpp"

namespace wijknet {

class snapshot;

/// An edge of a snapshot: its ends and its edge id. In an undirected snapshot each edge is
/// seen from both ends, as the arcs u->v and v->u, which share one id.
struct snapshot_edge {
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    std::uint32_t id = 0;
    friend bool operator==(const snapshot_edge& a, const snapshot_edge& b) {
        return a.id == b.id && a.source == b.source && a.target == b.target;
    }
    friend bool operator!=(const snapshot_edge& a, const snapshot_edge& b) { return !(a == b); }
};

namespace detail {

/// Iterates arcs of a snapshot (out-arcs, in-arcs, or all arcs) as snapshot_edge values.
class snapshot_arc_iterator
    : public boost::iterator_facade<snapshot_arc_iterator, snapshot_edge, boost::random_access_traversal_tag,
                                    snapshot_edge, std::ptrdiff_t> {
public:
    enum class mode : std::uint8_t { out, in };
    snapshot_arc_iterator() = default;
    snapshot_arc_iterator(const snapshot* g, std::uint32_t vertex, std::uint64_t position, mode m)
        : g_(g), vertex_(vertex), position_(position), mode_(m) {}

private:
    friend class boost::iterator_core_access;
    inline snapshot_edge dereference() const;
    bool equal(const snapshot_arc_iterator& o) const { return position_ == o.position_; }
    void increment() { ++position_; }
    void decrement() { --position_; }
    void advance(std::ptrdiff_t n) { position_ += n; }
    std::ptrdiff_t distance_to(const snapshot_arc_iterator& o) const {
        return static_cast<std::ptrdiff_t>(o.position_) - static_cast<std::ptrdiff_t>(position_);
    }

    const snapshot* g_ = nullptr;
    std::uint32_t vertex_ = 0;
    std::uint64_t position_ = 0;
    mode mode_ = mode::out;
};

/// Iterates every arc of a snapshot, vertex by vertex (edges(g)).
class snapshot_all_arcs_iterator
    : public boost::iterator_facade<snapshot_all_arcs_iterator, snapshot_edge, boost::forward_traversal_tag,
                                    snapshot_edge> {
public:
    snapshot_all_arcs_iterator() = default;
    inline snapshot_all_arcs_iterator(const snapshot* g, std::uint64_t position);

private:
    friend class boost::iterator_core_access;
    inline snapshot_edge dereference() const;
    bool equal(const snapshot_all_arcs_iterator& o) const { return position_ == o.position_; }
    inline void increment();
    inline void settle();

    const snapshot* g_ = nullptr;
    std::uint32_t vertex_ = 0;
    std::uint64_t position_ = 0;
};

}  // namespace detail

/// A compact, immutable graph built from a selection of an alliance (relations, waves, weights,
/// stakeholders), in O(n + m) time.
///
/// Layout (compressed sparse rows, targets sorted within each row):
/// - directed: out-arcs (4 bytes each; the arc position is the edge id) and in-arcs (4 bytes
///   source + 4 bytes edge id);
/// - undirected: every edge as two arcs u->v and v->u (4 bytes target + 4 bytes edge id each);
///   in_edges(v) are the out-arcs of v seen from the other end;
/// - weights: 8 bytes per edge, left out when every weight is 1.
/// So 12 (directed) or 16 (undirected) bytes per tie unweighted, 20 / 24 weighted, plus O(n).
///
/// It models the Boost.Graph concepts VertexListGraph, EdgeListGraph, IncidenceGraph,
/// BidirectionalGraph and AdjacencyGraph, with the property maps vertex_index, edge_index and
/// edge_weight. Its directed_category is bidirectional_tag for both kinds: an undirected
/// snapshot is a symmetric digraph, so num_edges(g) counts arcs (twice the ties) and
/// is_directed() tells the two apart at run time. wijknet's algorithms read is_directed();
/// Boost's own traversals (BFS, Dijkstra, ...) give the undirected answers on it unchanged.
class snapshot {
public:
    using vertex_type = std::uint32_t;

    snapshot() = default;

    /// Builds the snapshot of @p a selected by @p s. Throws unknown_id_error for an unknown
    /// relation, wave or role in the selection. O(n + m).
    snapshot(const alliance& a, const selection& s = {}) { build(a, s); }

    bool is_directed() const noexcept { return directed_; }
    std::uint32_t num_vertices() const noexcept { return static_cast<std::uint32_t>(stakeholder_.size()); }
    /// Number of edges: ties after merging (each undirected edge counted once).
    std::uint32_t num_ties() const noexcept { return num_edges_; }
    /// Number of arcs: num_ties() directed, 2 num_ties() minus self-ties undirected.
    std::uint64_t num_arcs() const noexcept { return out_target_.size(); }
    bool is_weighted() const noexcept { return !weight_.empty(); }

    /// Weight of edge @p id (1 when the snapshot is unweighted).
    double weight(std::uint32_t id) const noexcept { return weight_.empty() ? 1.0 : weight_[id]; }
    /// The stakeholder id of vertex @p v.
    const std::string& id(vertex_type v) const { return ids_[v]; }
    /// The alliance index of the stakeholder at vertex @p v.
    index_t stakeholder(vertex_type v) const { return stakeholder_[v]; }
    /// Stakeholder ids by vertex.
    const std::vector<std::string>& ids() const noexcept { return ids_; }

    std::uint64_t out_begin(vertex_type v) const { return out_offset_[v]; }
    std::uint64_t out_end(vertex_type v) const { return out_offset_[v + 1]; }
    std::uint64_t in_begin(vertex_type v) const { return directed_ ? in_offset_[v] : out_offset_[v]; }
    std::uint64_t in_end(vertex_type v) const { return directed_ ? in_offset_[v + 1] : out_offset_[v + 1]; }
    /// All out-arc targets, row after row (out_begin(v) .. out_end(v) is v's row).
    const std::uint32_t* arc_targets() const noexcept { return out_target_.data(); }
    /// Target of out-arc @p arc.
    vertex_type arc_target(std::uint64_t arc) const { return out_target_[arc]; }
    /// Edge id of out-arc @p arc.
    std::uint32_t arc_edge(std::uint64_t arc) const {
        return directed_ ? static_cast<std::uint32_t>(arc) : out_edge_[arc];
    }
    /// Source of in-arc @p arc (directed) or other end of out-arc @p arc (undirected).
    vertex_type in_arc_source(std::uint64_t arc) const { return directed_ ? in_source_[arc] : out_target_[arc]; }
    std::uint32_t in_arc_edge(std::uint64_t arc) const { return directed_ ? in_edge_[arc] : out_edge_[arc]; }

    /// Raw arrays, for wijknet::make_graph_view (null where the layout has none).
    const std::uint64_t* out_offset_data() const noexcept { return out_offset_.data(); }
    const std::uint32_t* out_edge_data() const noexcept { return out_edge_.empty() ? nullptr : out_edge_.data(); }
    const std::uint64_t* in_offset_data() const noexcept { return in_offset_.empty() ? nullptr : in_offset_.data(); }
    const std::uint32_t* in_source_data() const noexcept { return in_source_.empty() ? nullptr : in_source_.data(); }
    const std::uint32_t* in_edge_data() const noexcept { return in_edge_.empty() ? nullptr : in_edge_.data(); }
    const double* weight_data() const noexcept { return weight_.empty() ? nullptr : weight_.data(); }

    /// Bytes held by the graph arrays (for the benchmarks' memory figures).
    std::size_t memory_bytes() const noexcept {
        return out_offset_.size() * 8 + in_offset_.size() * 8 +
               (out_target_.size() + out_edge_.size() + in_source_.size() + in_edge_.size()) * 4 +
               weight_.size() * 8 + stakeholder_.size() * 4;
    }

    /// A snapshot of a graph given by its edges rather than by an alliance: the projections of the
    /// two-mode participation network (algorithms/two_mode.hpp) are built this way, so every
    /// measure runs on them. Vertex v has id @p ids[v] and alliance index @p items[v] (a
    /// stakeholder index, or an event index for an event projection). Edges (src[i], dst[i]) with
    /// weight w[i] (w empty: all 1); undirected edges may be given either way round. Parallel
    /// edges merge by @p parallel, self-edges are dropped. Throws invalid_value_error for a vertex
    /// out of range or lengths that differ. O(n + m).
    static snapshot from_edges(std::vector<std::string> ids, std::vector<index_t> items, bool directed,
                               const std::vector<std::uint32_t>& src, const std::vector<std::uint32_t>& dst,
                               const std::vector<double>& w = {}, combine parallel = combine::sum) {
        const auto n = ids.size();
        if (items.size() != n || dst.size() != src.size() || (!w.empty() && w.size() != src.size()))
            throw invalid_value_error("snapshot::from_edges: ids and items, and src, dst and weights, must have equal lengths");
        snapshot g;
        g.directed_ = directed;
        g.ids_ = std::move(ids);
        g.stakeholder_ = std::move(items);
        std::vector<std::uint32_t> a, b;
        std::vector<double> x;
        a.reserve(src.size()), b.reserve(src.size()), x.reserve(src.size());
        for (std::size_t i = 0; i < src.size(); ++i) {
            std::uint32_t u = src[i], v = dst[i];
            if (u >= n || v >= n) throw invalid_value_error("snapshot::from_edges: vertex out of range");
            if (u == v) continue;
            if (!directed && v < u) std::swap(u, v);
            a.push_back(u), b.push_back(v), x.push_back(w.empty() ? 1.0 : w[i]);
        }
        g.assemble(a, b, x, parallel);
        return g;
    }

private:
    void build(const alliance& a, const selection& s);
    void assemble(const std::vector<std::uint32_t>& src, const std::vector<std::uint32_t>& dst,
                  const std::vector<double>& w, combine parallel);

    bool directed_ = true;
    std::uint32_t num_edges_ = 0;
    std::vector<index_t> stakeholder_;
    std::vector<std::string> ids_;
    std::vector<std::uint64_t> out_offset_{0};
    std::vector<std::uint32_t> out_target_;
    std::vector<std::uint32_t> out_edge_;  // undirected only
    std::vector<std::uint64_t> in_offset_;  // directed only
    std::vector<std::uint32_t> in_source_;  // directed only
    std::vector<std::uint32_t> in_edge_;    // directed only
    std::vector<double> weight_;            // by edge id; empty = all 1
};

namespace detail {

/// Stable counting sort of positions [0, keys.size()) by keys[] in [0, range). O(m + range).
inline std::vector<std::uint32_t> counting_order(const std::vector<std::uint32_t>& keys,
                                                 const std::vector<std::uint32_t>& order, std::uint32_t range) {
    std::vector<std::uint64_t> start(std::size_t(range) + 1, 0);
    for (auto i : order) ++start[keys[i] + 1];
    for (std::size_t k = 0; k < range; ++k) start[k + 1] += start[k];
    std::vector<std::uint32_t> out(order.size());
    for (auto i : order) out[start[keys[i]]++] = i;
    return out;
}

/// Positions of (first[i], second[i]) pairs sorted by first, then second (two stable counting passes).
inline std::vector<std::uint32_t> pair_order(const std::vector<std::uint32_t>& first,
                                             const std::vector<std::uint32_t>& second, std::uint32_t range) {
    std::vector<std::uint32_t> identity(first.size());
    for (std::uint32_t i = 0; i < identity.size(); ++i) identity[i] = i;
    return counting_order(first, counting_order(second, identity, range), range);
}

inline double merge_weight(combine how, double acc, double w) {
    switch (how) {
        case combine::sum: return acc + w;
        case combine::max: return std::max(acc, w);
        case combine::min: return std::min(acc, w);
        case combine::count: return acc + 1;
        case combine::keep: return acc;
    }
    return acc;
}

}  // namespace detail

inline void snapshot::build(const alliance& a, const selection& s) {
    // Which stakeholders, relations and waves (select() looks every key up first).
    const selected_parts kept = select(a, s);
    const std::vector<char>& use_relation = kept.relation;

    // Directed when a selected relation is directed. Relations named in the selection count as
    // declared; without names, only relations that have ties count, so that the built-in
    // relations an alliance never uses do not make its graph directed.
    std::vector<char> has_ties(a.relations().size(), !s.relations.empty());
    if (s.relations.empty())
        for (const tie& t : a.ties()) has_ties[t.relation] = 1;
    directed_ = false;
    if (!s.symmetrize)
        for (std::size_t r = 0; r < use_relation.size(); ++r)
            if (use_relation[r] && has_ties[r] && a.relations()[r].directed) directed_ = true;

    // Vertices: the selected stakeholders, in alliance order.
    const std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> vertex_of(a.num_stakeholders(), none);
    for (index_t i = 0; i < a.num_stakeholders(); ++i) {
        if (!kept.stakeholder[i]) continue;
        const wijknet::stakeholder& st = a.stakeholders()[i];
        vertex_of[i] = static_cast<std::uint32_t>(stakeholder_.size());
        stakeholder_.push_back(i);
        ids_.push_back(st.id);
    }

    // Selected ties as (source, target, weight); an undirected tie in a directed snapshot
    // becomes two arcs, and in an undirected snapshot is put as (min, max).
    std::vector<std::uint32_t> src, dst;
    std::vector<double> w;
    for (const tie& t : a.ties()) {
        if (!kept.keeps(t)) continue;
        std::uint32_t u = vertex_of[t.source], v = vertex_of[t.target];
        if (u == v && !s.self_ties) continue;
        if (!directed_ && v < u) std::swap(u, v);
        src.push_back(u), dst.push_back(v), w.push_back(t.weight);
        if (directed_ && !a.relations()[t.relation].directed && u != v)
            src.push_back(v), dst.push_back(u), w.push_back(t.weight);
    }
    assemble(src, dst, w, s.parallel);
}

inline void snapshot::assemble(const std::vector<std::uint32_t>& src, const std::vector<std::uint32_t>& dst,
                               const std::vector<double>& w, combine parallel) {
    const std::uint32_t n = num_vertices();
    // Edges: sorted by (source, target), parallel ties merged as asked. Input that is sorted
    // already (a projection's) skips the two counting passes.
    std::vector<std::uint32_t> edge_src, edge_dst;
    std::vector<double> edge_w;
    bool sorted = true;
    for (std::size_t i = 1; i < src.size() && sorted; ++i)
        sorted = src[i - 1] < src[i] || (src[i - 1] == src[i] && dst[i - 1] <= dst[i]);
    std::vector<std::uint32_t> order;
    if (sorted) {
        order.resize(src.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    } else {
        order = detail::pair_order(src, dst, n);
    }
    edge_src.reserve(order.size()), edge_dst.reserve(order.size()), edge_w.reserve(order.size());
    for (std::uint32_t i : order) {
        const bool same = !edge_src.empty() && edge_src.back() == src[i] && edge_dst.back() == dst[i];
        if (same && parallel != combine::keep) {
            edge_w.back() = detail::merge_weight(parallel, edge_w.back(), w[i]);
            continue;
        }
        edge_src.push_back(src[i]), edge_dst.push_back(dst[i]);
        edge_w.push_back(parallel == combine::count ? 1.0 : w[i]);
    }
    num_edges_ = static_cast<std::uint32_t>(edge_src.size());
    if (std::any_of(edge_w.begin(), edge_w.end(), [](double x) { return x != 1.0; })) weight_ = std::move(edge_w);

    out_offset_.assign(std::size_t(n) + 1, 0);
    if (directed_) {
        // Out-arcs are the edges themselves (already sorted); in-arcs sorted by (target, source).
        out_target_ = edge_dst;
        for (auto u : edge_src) ++out_offset_[u + 1];
        in_offset_.assign(std::size_t(n) + 1, 0);
        for (auto v : edge_dst) ++in_offset_[v + 1];
        for (std::uint32_t v = 0; v < n; ++v) out_offset_[v + 1] += out_offset_[v], in_offset_[v + 1] += in_offset_[v];
        auto order = detail::pair_order(edge_dst, edge_src, n);
        in_source_.resize(order.size());
        in_edge_.resize(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) in_source_[k] = edge_src[order[k]], in_edge_[k] = order[k];
    } else {
        // Both arcs of every edge (a self-tie once), sorted by (source, target), in one pass:
        // edges come sorted with source <= target, so row x receives first the arcs of edges
        // (y, x), y < x, in increasing y, then those of edges (x, z), z >= x, in increasing z.
        for (std::uint32_t e = 0; e < num_edges_; ++e) {
            ++out_offset_[edge_src[e] + 1];
            if (edge_src[e] != edge_dst[e]) ++out_offset_[edge_dst[e] + 1];
        }
        for (std::uint32_t v = 0; v < n; ++v) out_offset_[v + 1] += out_offset_[v];
        out_target_.resize(out_offset_[n]);
        out_edge_.resize(out_offset_[n]);
        std::vector<std::uint64_t> next(out_offset_.begin(), out_offset_.end() - 1);
        for (std::uint32_t e = 0; e < num_edges_; ++e) {
            const std::uint32_t u = edge_src[e], v = edge_dst[e];
            std::uint64_t k = next[u]++;
            out_target_[k] = v, out_edge_[k] = e;
            if (u != v) k = next[v]++, out_target_[k] = u, out_edge_[k] = e;
        }
    }
}

// ------------------------------------------------------------------ iterators

inline snapshot_edge detail::snapshot_arc_iterator::dereference() const {
    if (mode_ == mode::out) return {vertex_, g_->arc_target(position_), g_->arc_edge(position_)};
    return {g_->in_arc_source(position_), vertex_, g_->in_arc_edge(position_)};
}

inline detail::snapshot_all_arcs_iterator::snapshot_all_arcs_iterator(const snapshot* g, std::uint64_t position)
    : g_(g), position_(position) {
    settle();
}

inline void detail::snapshot_all_arcs_iterator::settle() {
    while (vertex_ < g_->num_vertices() && position_ >= g_->out_end(vertex_)) ++vertex_;
}

inline void detail::snapshot_all_arcs_iterator::increment() {
    ++position_;
    settle();
}

inline snapshot_edge detail::snapshot_all_arcs_iterator::dereference() const {
    return {vertex_, g_->arc_target(position_), g_->arc_edge(position_)};
}

// ------------------------------------------------------------------ Boost.Graph interface
// Free functions found by argument-dependent lookup, as the Boost.Graph concepts ask.

/// bidirectional_graph_tag implies incidence_graph_tag.
struct snapshot_traversal_category : boost::bidirectional_graph_tag,
                                     boost::adjacency_graph_tag,
                                     boost::vertex_list_graph_tag,
                                     boost::edge_list_graph_tag {};

inline std::pair<boost::counting_iterator<std::uint32_t>, boost::counting_iterator<std::uint32_t>> vertices(
    const snapshot& g) {
    return {boost::counting_iterator<std::uint32_t>(0), boost::counting_iterator<std::uint32_t>(g.num_vertices())};
}
inline std::uint32_t num_vertices(const snapshot& g) { return g.num_vertices(); }
inline std::uint64_t num_edges(const snapshot& g) { return g.num_arcs(); }

inline std::pair<detail::snapshot_arc_iterator, detail::snapshot_arc_iterator> out_edges(std::uint32_t u,
                                                                                       const snapshot& g) {
    using it = detail::snapshot_arc_iterator;
    return {it(&g, u, g.out_begin(u), it::mode::out), it(&g, u, g.out_end(u), it::mode::out)};
}
inline std::pair<detail::snapshot_arc_iterator, detail::snapshot_arc_iterator> in_edges(std::uint32_t v,
                                                                                      const snapshot& g) {
    using it = detail::snapshot_arc_iterator;
    return {it(&g, v, g.in_begin(v), it::mode::in), it(&g, v, g.in_end(v), it::mode::in)};
}
inline std::uint64_t out_degree(std::uint32_t u, const snapshot& g) { return g.out_end(u) - g.out_begin(u); }
inline std::uint64_t in_degree(std::uint32_t v, const snapshot& g) { return g.in_end(v) - g.in_begin(v); }
inline std::uint64_t degree(std::uint32_t v, const snapshot& g) { return out_degree(v, g) + in_degree(v, g); }

inline std::pair<detail::snapshot_all_arcs_iterator, detail::snapshot_all_arcs_iterator> edges(const snapshot& g) {
    using it = detail::snapshot_all_arcs_iterator;
    return {it(&g, 0), it(&g, g.num_arcs())};
}

inline std::uint32_t source(const snapshot_edge& e, const snapshot&) { return e.source; }
inline std::uint32_t target(const snapshot_edge& e, const snapshot&) { return e.target; }

/// Targets of u's out-arcs (sorted ascending).
inline std::pair<const std::uint32_t*, const std::uint32_t*> adjacent_vertices(std::uint32_t u, const snapshot& g) {
    const std::uint32_t* base = g.arc_targets();
    return {base + g.out_begin(u), base + g.out_end(u)};
}

/// The first edge u->v, if any; O(log out_degree(u)).
inline std::pair<snapshot_edge, bool> edge(std::uint32_t u, std::uint32_t v, const snapshot& g) {
    auto range = adjacent_vertices(u, g);
    auto it = std::lower_bound(range.first, range.second, v);
    if (it == range.second || *it != v) return {snapshot_edge{u, v, 0}, false};
    const auto arc = g.out_begin(u) + static_cast<std::uint64_t>(it - range.first);
    return {snapshot_edge{u, v, g.arc_edge(arc)}, true};
}

/// Readable property map: edge -> weight.
struct snapshot_weight_map {
    using key_type = snapshot_edge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const snapshot* g = nullptr;
};
inline double get(const snapshot_weight_map& m, const snapshot_edge& e) { return m.g->weight(e.id); }

/// Readable property map: edge -> edge id (both arcs of an undirected edge share it).
struct snapshot_edge_index_map {
    using key_type = snapshot_edge;
    using value_type = std::uint32_t;
    using reference = std::uint32_t;
    using category = boost::readable_property_map_tag;
};
inline std::uint32_t get(const snapshot_edge_index_map&, const snapshot_edge& e) { return e.id; }

inline boost::typed_identity_property_map<std::uint32_t> get(boost::vertex_index_t, const snapshot&) { return {}; }
inline snapshot_edge_index_map get(boost::edge_index_t, const snapshot&) { return {}; }
inline snapshot_weight_map get(boost::edge_weight_t, const snapshot& g) { return {&g}; }
inline std::uint32_t get(boost::vertex_index_t, const snapshot&, std::uint32_t v) { return v; }
inline double get(boost::edge_weight_t, const snapshot& g, const snapshot_edge& e) { return g.weight(e.id); }

/// Views a snapshot without copying: the graph_view points into the snapshot's arrays, so it is
/// valid while the snapshot lives. Edge ids are the snapshot's. O(1).
/// @param g the snapshot
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

/// The view the algorithms run on: the snapshot itself, not copied (see make_graph_view()).
/// @param g the snapshot
inline graph_view view_of(const snapshot& g) { return make_graph_view(g); }

}  // namespace wijknet

namespace boost {

template <>
struct graph_traits<wijknet::snapshot> {
    using vertex_descriptor = std::uint32_t;
    using edge_descriptor = wijknet::snapshot_edge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = wijknet::snapshot_traversal_category;
    using vertex_iterator = counting_iterator<std::uint32_t>;
    using out_edge_iterator = wijknet::detail::snapshot_arc_iterator;
    using in_edge_iterator = wijknet::detail::snapshot_arc_iterator;
    using edge_iterator = wijknet::detail::snapshot_all_arcs_iterator;
    using adjacency_iterator = const std::uint32_t*;
    using vertices_size_type = std::uint32_t;
    using edges_size_type = std::uint64_t;
    using degree_size_type = std::uint64_t;
    static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

template <>
struct property_map<wijknet::snapshot, vertex_index_t> {
    using type = typed_identity_property_map<std::uint32_t>;
    using const_type = type;
};
template <>
struct property_map<wijknet::snapshot, edge_index_t> {
    using type = wijknet::snapshot_edge_index_map;
    using const_type = type;
};
template <>
struct property_map<wijknet::snapshot, edge_weight_t> {
    using type = wijknet::snapshot_weight_map;
    using const_type = type;
};

}  // namespace boost
