/// @file
/// @brief The two-mode (stakeholder x event) participation network of the Alle Kleuren method:
/// selection by wave, date range, role, kind and theme; projections both ways; two-mode degree,
/// closeness and betweenness with the normalisations of Borgatti & Halgin (2011); two-mode
/// density and components.
///
/// The participation network is bipartite: stakeholders on one side ("actors", the top nodes of
/// networkx.bipartite when they are passed as `nodes`), events on the other. Its projections
/// are ordinary wijknet::snapshot objects (built with snapshot::from_edges), so every measure and
/// every Boost.Graph algorithm runs on them unchanged.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/view/adapter.hpp"
#include "wijknet/algorithms/structure.hpp"
#include "wijknet/error.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/snapshot.hpp"

namespace wijknet {

/// Which part of the participation network to take. The defaults take every event and every
/// stakeholder who took part in one.
struct two_mode_selection {
    /// Wave keys: events in the period of one of these waves — dated after the previous wave's
    /// date and on or before the wave's own date (the first wave: on or before its date). Events
    /// without a date belong to no wave. Empty: no wave filter.
    std::vector<std::string> waves;
    std::string from;  ///< ISO date; events dated before it are left out (empty: open)
    std::string to;    ///< ISO date; events dated after it are left out (empty: open)
    std::vector<std::string> themes;  ///< events with at least one of these themes (key or label); empty: all
    std::vector<std::string> events;  ///< only these event ids; empty: all
    std::vector<std::string> roles;   ///< stakeholders with at least one of these roles (key or label); empty: all
    std::vector<std::string> kinds;   ///< stakeholder kinds (organisation, person, ...); empty: all
    /// Participation attribute "role" (e.g. "organiser", "participant") must be one of these; empty: all.
    std::vector<std::string> participation_roles;
};

/// The stakeholder x event network as two compressed adjacency lists (actors to events, events
/// to actors), each list sorted. Actors are the stakeholders with at least one selected
/// participation, in alliance order; events are all selected events (an event nobody in the
/// selection attended stays, with degree 0), in alliance order.
class two_mode_network {
public:
    two_mode_network() = default;

    /// The participation network of @p a selected by @p s. Throws unknown_id_error for an
    /// unknown wave, theme, role or event, invalid_value_error for an unknown kind. O(n + p).
    explicit two_mode_network(const alliance& a, const two_mode_selection& s = {}) {
        std::vector<char> take_event(a.events().size(), 1);
        if (!s.events.empty()) {
            std::fill(take_event.begin(), take_event.end(), 0);
            for (const auto& id : s.events) take_event[a.event_index(id)] = 1;
        }
        std::vector<std::string> themes;
        for (const auto& t : s.themes) themes.push_back(a.themes().at(t).key);
        std::vector<std::pair<std::string, std::string>> periods;  // (after, up to)
        for (const auto& w : s.waves) {
            const auto k = a.wave_index(w);
            periods.emplace_back(k ? a.waves()[k - 1].date : std::string(), a.waves()[k].date);
        }
        for (std::size_t e = 0; e < a.events().size(); ++e) {
            const event& ev = a.events()[e];
            if (!s.from.empty() && (ev.date.empty() || ev.date < s.from)) take_event[e] = 0;
            if (!s.to.empty() && (ev.date.empty() || ev.date > s.to)) take_event[e] = 0;
            if (!periods.empty() &&
                (ev.date.empty() || std::none_of(periods.begin(), periods.end(), [&](const auto& p) {
                     return (p.first.empty() || ev.date > p.first) && !p.second.empty() && ev.date <= p.second;
                 })))
                take_event[e] = 0;
            if (!themes.empty() && std::none_of(themes.begin(), themes.end(), [&](const std::string& t) {
                    return std::find(ev.themes.begin(), ev.themes.end(), t) != ev.themes.end();
                }))
                take_event[e] = 0;
        }
        std::vector<std::string> roles;
        for (const auto& r : s.roles) roles.push_back(a.roles().at(r).key);
        std::vector<stakeholder_kind> kinds;
        for (const auto& k : s.kinds) kinds.push_back(parse_stakeholder_kind(k));
        std::vector<char> take_actor(a.num_stakeholders(), 1);
        for (index_t i = 0; i < a.num_stakeholders(); ++i) {
            const stakeholder& st = a.stakeholders()[i];
            if (!roles.empty() && std::none_of(roles.begin(), roles.end(), [&](const std::string& r) {
                    return std::find(st.roles.begin(), st.roles.end(), r) != st.roles.end();
                }))
                take_actor[i] = 0;
            if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), st.kind) == kinds.end()) take_actor[i] = 0;
        }

        const std::uint32_t none = UINT32_MAX;
        std::vector<std::uint32_t> event_vertex(a.events().size(), none), actor_vertex(a.num_stakeholders(), none);
        for (index_t e = 0; e < a.events().size(); ++e)
            if (take_event[e]) {
                event_vertex[e] = static_cast<std::uint32_t>(event_item_.size());
                event_item_.push_back(e), event_ids_.push_back(a.events()[e].id);
            }
        std::vector<char> attends(a.num_stakeholders(), 0);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (stakeholder index, event vertex)
        for (const participation& p : a.participations()) {
            if (event_vertex[p.event] == none || !take_actor[p.stakeholder]) continue;
            if (!s.participation_roles.empty()) {
                auto it = p.attributes.find("role");
                const std::string* r = it == p.attributes.end() ? nullptr : std::get_if<std::string>(&it->second.value);
                if (!r || std::find(s.participation_roles.begin(), s.participation_roles.end(), *r) ==
                              s.participation_roles.end())
                    continue;
            }
            attends[p.stakeholder] = 1;
            pairs.emplace_back(p.stakeholder, event_vertex[p.event]);
        }
        for (index_t i = 0; i < a.num_stakeholders(); ++i)
            if (attends[i]) {
                actor_vertex[i] = static_cast<std::uint32_t>(actor_item_.size());
                actor_item_.push_back(i), actor_ids_.push_back(a.stakeholders()[i].id);
            }
        for (auto& p : pairs) p.first = actor_vertex[p.first];
        assemble(pairs);
    }

    /// A network from plain data: actor and event ids and (actor, event) pairs of positions into
    /// them (for data outside an alliance, and for tests). Duplicate pairs count once. Alliance
    /// indices are the positions. Throws invalid_value_error for a position out of range.
    two_mode_network(std::vector<std::string> actor_ids, std::vector<std::string> event_ids,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs)
        : actor_ids_(std::move(actor_ids)), event_ids_(std::move(event_ids)) {
        for (const auto& [u, e] : pairs)
            if (u >= actor_ids_.size() || e >= event_ids_.size())
                throw invalid_value_error("two_mode_network: participation (" + std::to_string(u) + ", " +
                                          std::to_string(e) + ") out of range");
        for (index_t i = 0; i < actor_ids_.size(); ++i) actor_item_.push_back(i);
        for (index_t i = 0; i < event_ids_.size(); ++i) event_item_.push_back(i);
        assemble(pairs);
    }

    std::uint32_t num_actors() const noexcept { return static_cast<std::uint32_t>(actor_ids_.size()); }
    std::uint32_t num_events() const noexcept { return static_cast<std::uint32_t>(event_ids_.size()); }
    /// Number of participations (edges of the bipartite graph).
    std::uint64_t num_participations() const noexcept { return actor_event_.size(); }
    const std::vector<std::string>& actor_ids() const noexcept { return actor_ids_; }
    const std::vector<std::string>& event_ids() const noexcept { return event_ids_; }
    /// Alliance stakeholder index of actor @p u; alliance event index of event @p e.
    index_t actor_item(std::uint32_t u) const { return actor_item_[u]; }
    index_t event_item(std::uint32_t e) const { return event_item_[e]; }
    const std::vector<index_t>& actor_items() const noexcept { return actor_item_; }
    const std::vector<index_t>& event_items() const noexcept { return event_item_; }

    /// Events of actor @p u: positions [actor_begin(u), actor_begin(u + 1)) of actor_events().
    std::uint64_t actor_begin(std::uint32_t u) const { return actor_offset_[u]; }
    std::uint64_t event_begin(std::uint32_t e) const { return event_offset_[e]; }
    const std::vector<std::uint64_t>& actor_offsets() const noexcept { return actor_offset_; }
    const std::vector<std::uint32_t>& actor_events() const noexcept { return actor_event_; }
    const std::vector<std::uint64_t>& event_offsets() const noexcept { return event_offset_; }
    const std::vector<std::uint32_t>& event_actors() const noexcept { return event_actor_; }
    std::uint32_t actor_degree(std::uint32_t u) const { return static_cast<std::uint32_t>(actor_offset_[u + 1] - actor_offset_[u]); }
    std::uint32_t event_degree(std::uint32_t e) const { return static_cast<std::uint32_t>(event_offset_[e + 1] - event_offset_[e]); }

    /// The bipartite graph as one undirected snapshot: actors are vertices 0 .. A-1, events
    /// A .. A+E-1 (ids as given; an actor and an event may share an id). O(A + E + P).
    snapshot bipartite() const {
        std::vector<std::string> ids(actor_ids_);
        ids.insert(ids.end(), event_ids_.begin(), event_ids_.end());
        std::vector<index_t> items(actor_item_);
        items.insert(items.end(), event_item_.begin(), event_item_.end());
        std::vector<std::uint32_t> src(actor_event_.size()), dst(actor_event_.size());
        for (std::uint32_t u = 0; u < num_actors(); ++u)
            for (auto k = actor_offset_[u]; k < actor_offset_[u + 1]; ++k) src[k] = u, dst[k] = num_actors() + actor_event_[k];
        return snapshot::from_edges(std::move(ids), std::move(items), false, src, dst);
    }

private:
    void assemble(std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        actor_offset_.assign(std::size_t(num_actors()) + 1, 0);
        event_offset_.assign(std::size_t(num_events()) + 1, 0);
        for (const auto& [u, e] : pairs) ++actor_offset_[u + 1], ++event_offset_[e + 1];
        for (std::uint32_t u = 0; u < num_actors(); ++u) actor_offset_[u + 1] += actor_offset_[u];
        for (std::uint32_t e = 0; e < num_events(); ++e) event_offset_[e + 1] += event_offset_[e];
        actor_event_.resize(pairs.size()), event_actor_.resize(pairs.size());
        std::vector<std::uint64_t> next(event_offset_.begin(), event_offset_.end() - 1);
        for (std::size_t k = 0; k < pairs.size(); ++k) {  // sorted by actor: event rows come out sorted too
            actor_event_[k] = pairs[k].second;
            event_actor_[next[pairs[k].second]++] = pairs[k].first;
        }
    }

    std::vector<std::string> actor_ids_, event_ids_;
    std::vector<index_t> actor_item_, event_item_;
    std::vector<std::uint64_t> actor_offset_{0}, event_offset_{0};
    std::vector<std::uint32_t> actor_event_, event_actor_;
};

/// Which side of the two-mode network a projection or measure is about.
enum class two_mode_side { actors, events };

/// How a projection weighs the tie between two vertices u, v of one side, whose sets of
/// neighbours on the other side are N(u), N(v), and k(x) is the degree of x on the other side.
enum class projection_weight {
    none,     ///< 1: the tie exists (networkx.bipartite.projected_graph)
    count,    ///< |N(u) ∩ N(v)|: shared events or shared participants (networkx weighted_projected_graph; igraph bipartite_projection multiplicity)
    newman,   ///< Σ_{x ∈ N(u) ∩ N(v)} 1 / (k(x) - 1) (Newman 2001; networkx collaboration_weighted_projected_graph)
    jaccard,  ///< |N(u) ∩ N(v)| / |N(u) ∪ N(v)| (networkx overlap_weighted_projected_graph, jaccard=True)
    overlap,  ///< |N(u) ∩ N(v)| / min(|N(u)|, |N(v)|) (networkx overlap_weighted_projected_graph, jaccard=False)
};

/// The one-mode projection of @p g onto one side: actors tied by shared events (co-participation),
/// or events tied by shared participants. Every vertex of that side is kept, isolated or not;
/// the result is an undirected snapshot whose ids are those of the side and whose weights are
/// as @p weight says (stored only when not all 1). A vertex x on the other side with k(x) < 2
/// ties nobody (and adds nothing to Newman's weights). Uses a sparse accumulator per vertex:
/// O(Σ_x k(x)^2) time over the other side's vertices, O(n + ties) memory.
inline snapshot projection(const two_mode_network& g, two_mode_side side, projection_weight weight) {
    const bool actors = side == two_mode_side::actors;
    const std::uint32_t n = actors ? g.num_actors() : g.num_events();
    const auto& offset = actors ? g.actor_offsets() : g.event_offsets();
    const auto& neighbour = actors ? g.actor_events() : g.event_actors();
    const auto& other_offset = actors ? g.event_offsets() : g.actor_offsets();
    const auto& other_neighbour = actors ? g.event_actors() : g.actor_events();
    std::vector<std::uint32_t> src, dst;
    std::vector<double> w;
    std::vector<double> acc(n, 0.0);
    std::vector<std::uint32_t> shared(n, 0), touched;
    for (std::uint32_t u = 0; u < n; ++u) {
        touched.clear();
        for (auto k = offset[u]; k < offset[u + 1]; ++k) {
            const std::uint32_t x = neighbour[k];
            const double kx = static_cast<double>(other_offset[x + 1] - other_offset[x]);
            for (auto j = other_offset[x]; j < other_offset[x + 1]; ++j) {
                const std::uint32_t v = other_neighbour[j];
                if (v <= u) continue;  // each pair once, from its lower end
                if (!shared[v]) touched.push_back(v);
                ++shared[v];
                acc[v] += 1.0 / (kx - 1.0);  // kx >= 2 here: x has both u and v
            }
        }
        std::sort(touched.begin(), touched.end());
        const double du = static_cast<double>(offset[u + 1] - offset[u]);
        for (auto v : touched) {
            const double c = shared[v], dv = static_cast<double>(offset[v + 1] - offset[v]);
            double x = 1.0;
            switch (weight) {
                case projection_weight::none: x = 1.0; break;
                case projection_weight::count: x = c; break;
                case projection_weight::newman: x = acc[v]; break;
                case projection_weight::jaccard: x = c / (du + dv - c); break;
                case projection_weight::overlap: x = c / std::min(du, dv); break;
            }
            src.push_back(u), dst.push_back(v), w.push_back(x);
            shared[v] = 0, acc[v] = 0.0;
        }
    }
    return snapshot::from_edges(actors ? g.actor_ids() : g.event_ids(), actors ? g.actor_items() : g.event_items(),
                                false, src, dst, w);
}

/// Two-mode scores by bipartite vertex: actors 0 .. A-1, then events A .. A+E-1.
/// Two-mode degree centrality (Borgatti & Everett 1997; Borgatti & Halgin 2011): an actor's
/// degree divided by the number of events E, an event's by the number of actors A
/// (networkx.bipartite.degree_centrality with the actors as `nodes`). An empty other side gives 0. O(A + E).
inline std::vector<double> two_mode_degree(const two_mode_network& g) {
    const double A = g.num_actors(), E = g.num_events();
    std::vector<double> out(g.num_actors() + g.num_events(), 0.0);
    for (std::uint32_t u = 0; u < g.num_actors(); ++u) out[u] = E > 0 ? g.actor_degree(u) / E : 0.0;
    for (std::uint32_t e = 0; e < g.num_events(); ++e) out[g.num_actors() + e] = A > 0 ? g.event_degree(e) / A : 0.0;
    return out;
}

/// Two-mode closeness (Borgatti & Halgin 2011), as networkx.bipartite.closeness_centrality with
/// the actors as `nodes`: with A actors, E events, N = A + E, and from vertex v the hop distances
/// summing to D over the r vertices it reaches,
/// actor: (E + 2 (A - 1)) / D, event: (A + 2 (E - 1)) / D — the smallest possible sum over the
/// distances it has — times r / (N - 1) when @p normalized (networkx's default, for networks that
/// are not connected). A vertex reaching nobody gets 0. O(N P / 64) by multi-source BFS.
inline std::vector<double> two_mode_closeness(const two_mode_network& g, bool normalized = true,
                                              const run_options& run = {}) {
    const snapshot b = g.bipartite();
    const graph_view v = make_graph_view(b);
    const auto sums = detail::all_hop_sums(v.n, v.out_offset, v.out_target, nullptr, run);
    const double A = g.num_actors(), E = g.num_events(), N = A + E;
    std::vector<double> out(v.n, 0.0);
    for (std::uint32_t x = 0; x < v.n; ++x) {
        if (sums.total[x] <= 0 || N <= 1) continue;
        const double best = x < g.num_actors() ? E + 2 * (A - 1) : A + 2 * (E - 1);
        out[x] = best / sums.total[x] * (normalized ? sums.reached[x] / (N - 1) : 1.0);
    }
    return out;
}

namespace detail {
/// Largest betweenness a vertex on the side of size n can have in a bipartite graph with m on the
/// other side (Borgatti & Everett 1997, as networkx.bipartite.betweenness_centrality writes it):
/// with s, t = divmod(n - 1, m): (m^2 (s+1)^2 + m (s+1)(2t - s - 1) - t (2s - t + 3)) / 2.
inline double bipartite_betweenness_max(double n, double m) {
    if (m <= 0) return 0.0;
    const double s = std::floor((n - 1) / m), t = (n - 1) - s * m;
    return (m * m * (s + 1) * (s + 1) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0;
}
}  // namespace detail

/// Two-mode betweenness (Borgatti & Everett 1997; Borgatti & Halgin 2011), as
/// networkx.bipartite.betweenness_centrality with the actors as `nodes`: Brandes' betweenness of
/// the bipartite graph (each unordered pair once, hop counts) divided by the largest value a
/// vertex of its side can reach (detail::bipartite_betweenness_max(A, E) for actors,
/// (E, A) for events); 0 where that maximum is 0. O(N P).
inline std::vector<double> two_mode_betweenness(const two_mode_network& g, const run_options& run = {}) {
    const snapshot b = g.bipartite();
    betweenness_options o;
    o.run = run;
    auto out = betweenness(make_graph_view(b), o);
    const double A = g.num_actors(), E = g.num_events();
    const double top = detail::bipartite_betweenness_max(A, E), bottom = detail::bipartite_betweenness_max(E, A);
    for (std::uint32_t x = 0; x < out.size(); ++x) {
        const double max = x < g.num_actors() ? top : bottom;
        out[x] = max != 0 ? out[x] / max : 0.0;
    }
    return out;
}

/// Two-mode density: participations / (A E), the share of possible stakeholder-event pairs that
/// took place (networkx.bipartite.density). 0 when a side is empty. O(1).
inline double two_mode_density(const two_mode_network& g) {
    const double cells = double(g.num_actors()) * double(g.num_events());
    return cells > 0 ? static_cast<double>(g.num_participations()) / cells : 0.0;
}

/// Connected components of the bipartite graph: labels by bipartite vertex (actors, then
/// events), numbered from the lowest vertex; an event without participants is a component of its own.
/// O(A + E + P).
inline components_result two_mode_components(const two_mode_network& g) {
    return weak_components(g.bipartite());
}

}  // namespace wijknet
