/// @file
/// @brief What the alliance diagnostics share: the scope they look at (relations, wave), who
/// holds which role in a snapshot, and a small owned directed graph for derived networks
/// (the undirected reading, a graph with stakeholders removed, the layered graph of a chain).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/view/adapter.hpp"
#include "wijknet/algorithms/paths.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/snapshot.hpp"

namespace wijknet {

/// The part of an alliance a diagnostic looks at.
struct scope {
    /// Relation keys whose ties count; empty = every relation.
    std::vector<std::string> relations;
    /// A wave key: the stakeholders present in that wave and its ties. Empty = every stakeholder
    /// and the ties of every wave together.
    std::string wave;

    /// The snapshot selection of this scope (parallel ties merged, self-ties dropped).
    selection to_selection() const {
        selection s;
        s.relations = relations;
        if (!wave.empty()) s.waves = {wave};
        return s;
    }
};

#if WIJKNET_BODIES
namespace detail {

/// True when the stakeholder at vertex @p v of @p g holds @p role (a role key).
inline bool holds(const alliance& a, const snapshot& g, std::uint32_t v, const std::string& role) {
    const auto& roles = a.stakeholders()[g.stakeholder(v)].roles;
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

/// The vertices of @p g whose stakeholder holds @p role, ascending.
inline std::vector<std::uint32_t> holders(const alliance& a, const snapshot& g, const std::string& role) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < g.num_vertices(); ++v)
        if (holds(a, g, v, role)) out.push_back(v);
    return out;
}

/// The role key of a role given by key or label; unknown_id_error otherwise.
inline std::string role_key(const alliance& a, const std::string& role) { return a.roles().at(role).key; }

/// An owned directed graph in compressed rows with out- and in-arcs, seen as a graph_view.
/// Arcs are sorted and repeated arcs dropped. Built in O(n + m log m).
class arc_graph {
public:
    arc_graph(std::uint32_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs) {
        std::sort(arcs.begin(), arcs.end());
        arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
        out_offset_.assign(std::size_t(n) + 1, 0);
        in_offset_.assign(std::size_t(n) + 1, 0);
        out_target_.reserve(arcs.size());
        for (const auto& [u, v] : arcs) ++out_offset_[u + 1], ++in_offset_[v + 1], out_target_.push_back(v);
        for (std::uint32_t v = 0; v < n; ++v) out_offset_[v + 1] += out_offset_[v], in_offset_[v + 1] += in_offset_[v];
        in_source_.resize(arcs.size());
        in_edge_.resize(arcs.size());
        std::vector<std::uint64_t> next(in_offset_.begin(), in_offset_.end() - 1);
        for (std::size_t k = 0; k < arcs.size(); ++k) {
            const std::uint64_t at = next[arcs[k].second]++;
            in_source_[at] = arcs[k].first;
            in_edge_[at] = static_cast<std::uint32_t>(k);
        }
        view_.n = n;
        view_.directed = true;
        view_.num_edge_ids = arcs.size();
        view_.out_offset = out_offset_.data();
        view_.out_target = out_target_.data();
        view_.in_offset = in_offset_.data();
        view_.in_source = in_source_.data();
        view_.in_edge = in_edge_.data();
    }
    arc_graph(const arc_graph&) = delete;
    arc_graph& operator=(const arc_graph&) = delete;

    /// The graph: directed, unweighted; arc positions are edge ids.
    const graph_view& view() const { return view_; }

private:
    std::vector<std::uint64_t> out_offset_, in_offset_;
    std::vector<std::uint32_t> out_target_, in_source_, in_edge_;
    graph_view view_;
};

/// Arcs of @p g read as @p along: out keeps each tie's direction, all makes every tie mutual
/// (an undirected graph's ties are mutual already). Self-ties and the ties of vertices marked
/// in @p removed (when given) are left out; the vertices themselves keep their numbers.
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs_of(const graph_view& g, direction along,
                                                                    const std::vector<char>* removed = nullptr) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    arcs.reserve(g.out_offset[g.n] * (along == direction::all && g.directed ? 2 : 1));
    for (std::uint32_t u = 0; u < g.n; ++u) {
        if (removed && (*removed)[u]) continue;
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            const std::uint32_t v = g.out_target[a];
            if (v == u || (removed && (*removed)[v])) continue;
            if (along == direction::in && g.directed) arcs.emplace_back(v, u);
            else arcs.emplace_back(u, v);
            if (along == direction::all && g.directed) arcs.emplace_back(v, u);
        }
    }
    return arcs;
}

}  // namespace detail
#endif  // WIJKNET_BODIES
}  // namespace wijknet
