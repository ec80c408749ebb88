/// @file
/// @brief Positions for drawing a network: Boost.Graph's spring layouts per component,
/// components packed side by side, isolates in a row below.
///
/// A spring layout alone draws a graph of several components badly: the components drift apart
/// (Fruchterman-Reingold) or are not defined at all (Kamada-Kawai needs a connected graph). So each
/// component is laid out on its own, scaled so that a tie is about one unit long, and the
/// components are then packed on shelves, largest first; stakeholders without any tie stand in a
/// row under them. Everything is seeded, so the same input gives the same picture.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numeric>
#include <type_traits>
#include <vector>

// Boost's Kamada-Kawai copies edge iterators that GCC cannot prove initialised.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/error.hpp"

namespace wijknet {

/// A position in the plane, in units of about one tie length.
struct point {
    double x = 0;
    double y = 0;
};

/// Which spring layout places the stakeholders of a component.
enum class layout_method {
    automatic,        ///< Kamada-Kawai up to kamada_kawai_limit stakeholders, else Fruchterman-Reingold
    kamada_kawai,     ///< Kamada & Kawai (1989): graph distances become spring lengths; O(n^2) per sweep
    fruchterman_reingold,  ///< Fruchterman & Reingold (1991), grid-accelerated; O(n + m) per iteration
};

/// Options of spring_layout.
struct layout_options {
    layout_method method = layout_method::automatic;
    std::uint32_t seed = 1;                  ///< seeds the random start of every component
    std::uint32_t kamada_kawai_limit = 150;  ///< automatic: larger components use Fruchterman-Reingold
    std::uint32_t iterations = 0;            ///< Fruchterman-Reingold cooling steps; 0: 200 up to 500
                                             ///< vertices, fewer above (100,000 / n, at least 50)
    double gap = 1.5;                        ///< space between packed components, in tie lengths
    double min_distance = 0.8;               ///< vertices of a component stay this far apart (0: off)
    /// Called now and then from the calling thread (every Fruchterman-Reingold iteration, every
    /// few thousand Kamada-Kawai moves, every sweep that spreads vertices apart, every component);
    /// returning true stops the layout with wijknet::interrupted. The Python bindings check for
    /// Ctrl-C here.
    std::function<bool()> should_stop;
};

namespace detail {

inline void stop_if_asked(const layout_options& o) {
    if (o.should_stop && o.should_stop()) throw interrupted();
}

/// Fruchterman-Reingold's cooling, which Boost calls once per iteration: there the layout can stop.
struct stoppable_cooling {
    boost::linear_cooling<double> cool;
    const layout_options* options;
    double operator()() {
        stop_if_asked(*options);
        return cool();
    }
};

/// The Boost types of a layout. A class template, so that naming them through it depends on the
/// caller's type and Boost's layout templates are instantiated only where spring_layout is used
/// (not in every file that includes wijknet.hpp).
template <class Caller>
struct layout_types {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_weight_t, double>>;
    using topology = boost::square_topology<boost::minstd_rand>;
};

/// Kamada-Kawai's own stop rule, with a cap on the sweeps so that a layout never hangs (and,
/// every 4096 calls, layout_options::should_stop).
struct capped_tolerance {
    boost::layout_tolerance<double> tolerance{1e-4};
    std::size_t calls = 0;
    std::size_t max_calls;
    const layout_options* options = nullptr;
    template <class Vertex, class Graph>
    bool operator()(double delta, Vertex v, const Graph& g, bool global) {
        if (options && calls % 4096 == 0) stop_if_asked(*options);
        return ++calls > max_calls || tolerance(delta, v, g, global);
    }
};

/// Pushes apart vertices closer than @p min_distance (a spring layout puts hubs' neighbours on top
/// of each other, and their labels become unreadable). Each sweep moves both vertices of every
/// too-close pair half the overlap apart along the line between them; coincident vertices
/// separate along a fixed direction per pair. Close pairs are found through a grid of cells
/// min_distance wide, so a sweep is O(n) for a spread-out layout; at most 60 sweeps, each one a
/// place where @p o's should_stop may stop it.
inline void spread(std::vector<point>& p, double min_distance, const layout_options& o = {}) {
    const std::size_t n = p.size();
    if (n < 2 || !(min_distance > 0)) return;
    std::vector<std::int64_t> cell_x(n), cell_y(n);
    std::vector<std::uint32_t> order(n);
    for (int sweep = 0; sweep < 60; ++sweep) {
        stop_if_asked(o);
        for (std::size_t i = 0; i < n; ++i) {
            cell_x[i] = static_cast<std::int64_t>(std::floor(p[i].x / min_distance));
            cell_y[i] = static_cast<std::int64_t>(std::floor(p[i].y / min_distance));
        }
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return cell_x[a] != cell_x[b] ? cell_x[a] < cell_x[b] : (cell_y[a] != cell_y[b] ? cell_y[a] < cell_y[b] : a < b);
        });
        // Vertices sorted by cell: the pairs to check lie in the same column of cells or the next
        // one, at most one cell apart in y.
        bool moved = false;
        for (std::size_t a = 0; a < n; ++a) {
            const std::uint32_t i = order[a];
            for (std::size_t b = a + 1; b < n; ++b) {
                const std::uint32_t j = order[b];
                if (cell_x[j] > cell_x[i] + 1) break;
                if (std::abs(cell_y[j] - cell_y[i]) > 1) continue;
                double dx = p[j].x - p[i].x, dy = p[j].y - p[i].y;
                const double d = std::hypot(dx, dy);
                if (d >= min_distance) continue;
                double push;
                if (d < 1e-9) {
                    const double angle = static_cast<double>((i * 31 + j * 17) % 360) * 0.017453292519943295;
                    dx = std::cos(angle), dy = std::sin(angle), push = min_distance / 2;
                } else {
                    push = (min_distance - d) / 2 / d;
                }
                p[i].x -= dx * push, p[i].y -= dy * push, p[j].x += dx * push, p[j].y += dy * push;
                moved = true;
            }
        }
        if (!moved) return;
    }
}

/// Lays out one connected component (its vertices in `members`, a tie list in local numbering)
/// and returns local positions scaled so that the median tie is one unit long.
template <class Caller>
std::vector<point> layout_component(std::size_t size, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ties,
                                    const layout_options& o, std::uint32_t component_seed) {
    using layout_graph = typename layout_types<Caller>::graph;
    using layout_topology = typename layout_types<Caller>::topology;
    if (size == 1) return {point{}};
    layout_graph lg(size);
    for (auto [a, b] : ties) boost::add_edge(a, b, 1.0, lg);
    using position = typename layout_topology::point_type;
    std::vector<position> pos(size);
    auto pmap = boost::make_iterator_property_map(pos.begin(), get(boost::vertex_index, lg));
    boost::minstd_rand gen(component_seed);
    const bool kk = o.method == layout_method::kamada_kawai ||
                    (o.method == layout_method::automatic && size <= o.kamada_kawai_limit);
    if (kk) {
        layout_topology topo(gen, std::sqrt(static_cast<double>(size)) * 2.0);
        boost::random_graph_layout(lg, pmap, topo);
        capped_tolerance done{{1e-4}, 0, 400 * size, &o};
        boost::kamada_kawai_spring_layout(lg, pmap, get(boost::edge_weight, lg), topo, boost::edge_length(1.0), done);
    } else {
        // Boost's grid of repulsive forces has cells of 2 * area / sqrt(n), which is FR's 2k
        // only for a square of area 1 (square_topology(gen, 0.5) spans -0.5 .. 0.5): then about
        // sqrt(n) / 2 cells a side hold a few vertices each and an iteration is O(n + m); a larger
        // square makes few cells of many vertices and every iteration nearly O(n^2). The first
        // steps may move a vertex a tenth of the square, as Fruchterman & Reingold suggest.
        layout_topology topo(gen, 0.5);
        boost::random_graph_layout(lg, pmap, topo);
        // Boost's FR costs about 10 microseconds per vertex and iteration here (2,000 vertices: 20
        // ms an iteration), so large components get fewer, still cooling, iterations.
        const std::size_t steps =
            o.iterations ? o.iterations : std::clamp<std::size_t>(100000 / size, 50, 200);
        boost::fruchterman_reingold_force_directed_layout(
            lg, pmap, topo, boost::cooling(stoppable_cooling{boost::linear_cooling<double>(steps, 0.1), &o}));
    }
    std::vector<point> out(size);
    for (std::size_t i = 0; i < size; ++i) out[i] = point{pos[i][0], pos[i][1]};
    std::vector<double> lengths;
    lengths.reserve(ties.size());
    for (auto [a, b] : ties)
        if (a != b) lengths.push_back(std::hypot(out[a].x - out[b].x, out[a].y - out[b].y));
    double scale = 1.0;
    if (!lengths.empty()) {
        std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
        const double median = lengths[lengths.size() / 2];
        if (median > 1e-9) scale = 1.0 / median;
    }
    for (auto& p : out) p = point{p.x * scale, p.y * scale};
    spread(out, o.min_distance, o);
    double min_x = out[0].x, min_y = out[0].y;
    for (const auto& p : out) min_x = std::min(min_x, p.x), min_y = std::min(min_y, p.y);
    for (auto& p : out) p = point{p.x - min_x, p.y - min_y};
    return out;
}

}  // namespace detail

/// Positions for every vertex of @p view, for drawing. Ties are read undirected and unweighted.
///
/// Each component of two or more vertices is laid out by Boost.Graph's
/// `kamada_kawai_spring_layout` (Kamada & Kawai 1989) or
/// `fruchterman_reingold_force_directed_layout` (Fruchterman & Reingold 1991) from a seeded
/// random start, scaled so that its median tie is one unit long, vertices closer than
/// `min_distance` pushed apart, and the components are packed
/// on shelves, largest first (ties between sizes broken by lowest vertex). Vertices without ties
/// stand in rows under the components. The smallest x and y are 0; y grows downwards, as in SVG.
///
/// Deterministic for a given graph, vertex order and options. O(sum of c^2) per Kamada-Kawai
/// sweep over components of size c, O(n + m) per Fruchterman-Reingold iteration.
/// @param view a graph_view (or owned_graph_view); see also the overload for Boost.Graph graphs
/// @param o    the options
/// (A template only so that Boost's layouts are compiled where they are used.)
template <class View, std::enable_if_t<std::is_convertible<const View&, const graph_view&>::value, int> = 0>
std::vector<point> spring_layout(const View& view, const layout_options& o = {}) {
    const graph_view& g = view;
    const std::uint32_t n = g.n;
    std::vector<point> out(n);
    if (n == 0) return out;
    if (!(o.gap >= 0)) throw invalid_value_error("layout gap must be zero or more");

    // Weak components, numbered in order of their lowest vertex.
    std::vector<std::vector<std::uint32_t>> members;
    {
        std::vector<std::uint32_t> label(n, UINT32_MAX), stack;
        for (std::uint32_t s = 0; s < n; ++s) {
            if (label[s] != UINT32_MAX) continue;
            const auto c = static_cast<std::uint32_t>(members.size());
            members.emplace_back();
            label[s] = c;
            stack.push_back(s);
            while (!stack.empty()) {
                const std::uint32_t u = stack.back();
                stack.pop_back();
                members[c].push_back(u);
                for (auto arc = g.out_begin(u); arc < g.out_end(u); ++arc)
                    if (label[g.out_target[arc]] == UINT32_MAX) label[g.out_target[arc]] = c, stack.push_back(g.out_target[arc]);
                if (g.directed)
                    for (auto arc = g.in_begin(u); arc < g.in_end(u); ++arc)
                        if (label[g.in_source[arc]] == UINT32_MAX) label[g.in_source[arc]] = c, stack.push_back(g.in_source[arc]);
            }
            std::sort(members[c].begin(), members[c].end());
        }
    }
    const auto count = static_cast<std::uint32_t>(members.size());

    struct box {
        std::vector<point> local;
        double width = 0, height = 0;
        std::uint32_t component = 0;
    };
    std::vector<box> boxes;
    std::vector<std::uint32_t> isolates;
    std::vector<std::uint32_t> local(n, 0);
    for (std::uint32_t c = 0; c < count; ++c) {
        const auto& vs = members[c];
        if (vs.size() == 1) {
            isolates.push_back(vs[0]);
            continue;
        }
        for (std::uint32_t i = 0; i < vs.size(); ++i) local[vs[i]] = i;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ties;
        for (auto u : vs)
            for (auto arc = g.out_begin(u); arc < g.out_end(u); ++arc) {
                const auto w = g.out_target[arc];
                if (u != w && (g.directed || u < w)) ties.emplace_back(local[u], local[w]);
            }
        detail::stop_if_asked(o);
        box b;
        b.component = c;
        b.local = detail::layout_component<View>(vs.size(), ties, o, o.seed + 7919u * c);
        for (const auto& p : b.local) b.width = std::max(b.width, p.x), b.height = std::max(b.height, p.y);
        boxes.push_back(std::move(b));
    }
    // Largest components first; components are numbered by their lowest vertex, so equal
    // sizes keep a fixed order.
    std::stable_sort(boxes.begin(), boxes.end(), [&](const box& a, const box& b) {
        return members[a.component].size() > members[b.component].size();
    });

    // Shelf packing: a row is as wide as the widest component or the square root of the total
    // area, whichever is larger, so the picture stays roughly as wide as it is high.
    double area = 0, widest = 0;
    for (const auto& b : boxes) area += (b.width + o.gap) * (b.height + o.gap), widest = std::max(widest, b.width);
    const double row_width =
        std::max({widest, std::sqrt(area) * 1.3, std::sqrt(static_cast<double>(isolates.size())) * 1.5});
    double x = 0, y = 0, shelf = 0;
    for (const auto& b : boxes) {
        if (x > 0 && x + b.width > row_width) x = 0, y += shelf + o.gap, shelf = 0;
        const auto& vs = members[b.component];
        for (std::size_t i = 0; i < vs.size(); ++i) out[vs[i]] = point{x + b.local[i].x, y + b.local[i].y};
        x += b.width + o.gap;
        shelf = std::max(shelf, b.height);
    }
    if (!isolates.empty()) {
        const double step = 1.0;
        const std::size_t per_row = std::max<std::size_t>(1, static_cast<std::size_t>(row_width / step) + 1);
        const double top = boxes.empty() ? 0.0 : y + shelf + o.gap;
        for (std::size_t i = 0; i < isolates.size(); ++i)
            out[isolates[i]] = point{static_cast<double>(i % per_row) * step, top + static_cast<double>(i / per_row) * step};
    }
    return out;
}

/// spring_layout of any Boost.Graph graph (a snapshot is viewed without copying).
/// @param g the graph
/// @param o the options
template <class Graph, if_graph<Graph> = 0>
std::vector<point> spring_layout(const Graph& g, const layout_options& o = {}) {
    return spring_layout(static_cast<const graph_view&>(view_of(g)), o);
}

}  // namespace wijknet
