// Any Boost.Graph with its weights: the adapter (view/adapter.hpp) and every algorithm on
// adjacency_list<vecS, vecS>, adjacency_list<listS, listS> with an index map and
// compressed_sparse_row_graph, directed x weighted, each giving exactly the snapshot's results
// (in the manner of NetworKit's parametrised centrality tests).
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/named_function_params.hpp>
#include <boost/property_map/property_map.hpp>
#include <gtest/gtest.h>

#include "wijknet/algorithms/brokerage.hpp"
#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/cohesion.hpp"
#include "wijknet/algorithms/community.hpp"
#include "wijknet/algorithms/layout.hpp"
#include "wijknet/algorithms/mixing.hpp"
#include "wijknet/algorithms/structural_holes.hpp"
#include "wijknet/algorithms/structure.hpp"
#include "wijknet/view/snapshot.hpp"

using namespace wijknet;

namespace {

using weight_property = boost::property<boost::edge_weight_t, double>;
template <class Direction>
using vec_graph = boost::adjacency_list<boost::vecS, boost::vecS, Direction>;
template <class Direction>
using vec_weighted = boost::adjacency_list<boost::vecS, boost::vecS, Direction, boost::no_property, weight_property>;
template <class Direction>
using list_graph =
    boost::adjacency_list<boost::listS, boost::listS, Direction, boost::property<boost::vertex_index_t, int>>;
template <class Direction>
using list_weighted = boost::adjacency_list<boost::listS, boost::listS, Direction,
                                            boost::property<boost::vertex_index_t, int>, weight_property>;
using csr_graph = boost::compressed_sparse_row_graph<boost::directedS>;
using csr_weighted = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, weight_property>;

// ------------------------------------------------------------------ the three findings of issue 14

//   a --1-- b --1-- c, and a --5-- c: with weights as distances a reaches c through b (1 + 1 = 2
//   < 5), so b lies on the one shortest a-c path: betweenness(b) = 1. Counting hops, a-c is
//   direct and b gets 0.
TEST(Adapter, WeightedAdjacencyListKeepsItsWeights) {
    vec_weighted<boost::undirectedS> g(3);
    add_edge(0, 1, weight_property(1.0), g);
    add_edge(1, 2, weight_property(1.0), g);
    add_edge(0, 2, weight_property(5.0), g);
    betweenness_options as_distance;
    as_distance.weights = weight_mode::distance;
    EXPECT_EQ(betweenness(g, as_distance), (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(betweenness(g), (std::vector<double>{0, 0, 0}));
    // Strength: a 1 + 5 = 6, b 1 + 1 = 2, c 1 + 5 = 6.
    EXPECT_EQ(degree(g, direction::all, weight_mode::strength), (std::vector<double>{6, 2, 6}));
}

// degree(make_graph_view(g)) compiles and counts: a-b, a-c, a-d: a has 3 ties, the others 1.
TEST(Adapter, AlgorithmsTakeAnOwnedView) {
    vec_graph<boost::undirectedS> g(4);
    add_edge(0, 1, g), add_edge(0, 2, g), add_edge(0, 3, g);
    EXPECT_EQ(degree(make_graph_view(g)), (std::vector<double>{3, 1, 1, 1}));
    const owned_graph_view v = make_graph_view(g);
    EXPECT_EQ(degree(v), (std::vector<double>{3, 1, 1, 1}));
    EXPECT_EQ(v.view().num_ties(), 3u);
}

//   a - b - c - d, the edges added as c-d, a-b, b-c. Edge betweenness counts the pairs whose
//   shortest path uses the edge: c-d carries (a,d) (b,d) (c,d) = 3; a-b carries (a,b) (a,c)
//   (a,d) = 3; b-c carries (a,c) (a,d) (b,c) (b,d) = 4. One value per edge, in edges(g) order.
TEST(Adapter, EdgeBetweennessPerEdgeInTheGraphsOrder) {
    vec_graph<boost::undirectedS> g(4);
    add_edge(2, 3, g), add_edge(0, 1, g), add_edge(1, 2, g);
    EXPECT_EQ(edge_betweenness(g), (std::vector<double>{3, 3, 4}));
    // Directed path a -> b -> c -> d: a->b carries (a,b) (a,c) (a,d) = 3; b->c carries (a,c)
    // (a,d) (b,c) (b,d) = 4; c->d carries (a,d) (b,d) (c,d) = 3; edges(g) lists them by source.
    vec_graph<boost::directedS> d(4);
    add_edge(2, 3, d), add_edge(0, 1, d), add_edge(1, 2, d);
    EXPECT_EQ(edge_betweenness(d), (std::vector<double>{3, 4, 3}));
}

struct tie_bundle {
    double strength = 1;
};

// A bundled weight passed as a weight map, as an argument and as a named parameter; a listS
// graph without an index property given boost::vertex_index_map. Same triangle as above.
TEST(Adapter, WeightMapAsArgumentOrNamedParameter) {
    using bundled = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, tie_bundle>;
    bundled g(3);
    add_edge(0, 1, tie_bundle{1.0}, g), add_edge(1, 2, tie_bundle{1.0}, g), add_edge(0, 2, tie_bundle{5.0}, g);
    betweenness_options as_distance;
    as_distance.weights = weight_mode::distance;
    // Without a weight map a bundle is not a weight: every tie counts 1.
    EXPECT_EQ(betweenness(g, as_distance), (std::vector<double>{0, 0, 0}));
    const auto w = get(&tie_bundle::strength, g);
    EXPECT_EQ(betweenness(make_graph_view(g, w), as_distance), (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(betweenness(make_graph_view(g, boost::weight_map(w)), as_distance), (std::vector<double>{0, 1, 0}));

    using listed = boost::adjacency_list<boost::listS, boost::listS, boost::undirectedS, boost::no_property, tie_bundle>;
    listed h;
    std::vector<listed::vertex_descriptor> v;
    std::map<listed::vertex_descriptor, int> position;
    for (int i = 0; i < 3; ++i) v.push_back(add_vertex(h)), position[v.back()] = i;
    add_edge(v[0], v[1], tie_bundle{1.0}, h), add_edge(v[1], v[2], tie_bundle{1.0}, h);
    add_edge(v[0], v[2], tie_bundle{5.0}, h);
    const boost::associative_property_map<std::map<listed::vertex_descriptor, int>> index(position);
    const auto view = make_graph_view(h, boost::weight_map(get(&tie_bundle::strength, h)).vertex_index_map(index));
    EXPECT_EQ(betweenness(view, as_distance), (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(betweenness(make_graph_view(h, get(&tie_bundle::strength, h), index), as_distance),
              (std::vector<double>{0, 1, 0}));
}

TEST(Adapter, AnIndexOutOfRangeIsAnError) {
    list_graph<boost::directedS> g;
    const auto a = add_vertex(0, g), b = add_vertex(7, g);  // index 7 in a graph of 2 vertices
    add_edge(a, b, g);
    try {
        (void)make_graph_view(g);
        FAIL() << "no error";
    } catch (const invalid_value_error& e) {
        EXPECT_NE(std::string(e.what()).find("a vertex has index 7; a graph of 2 vertices needs indices 0 .. 1"),
                  std::string::npos)
            << e.what();
    }
}

TEST(Adapter, OnlyGraphTypesTakeTheGenericOverloads) {
    static_assert(is_graph_v<vec_graph<boost::directedS>>);
    static_assert(is_graph_v<list_weighted<boost::undirectedS>>);
    static_assert(is_graph_v<csr_weighted>);
    static_assert(is_graph_v<snapshot>);
    static_assert(!is_graph_v<int>);
    static_assert(!is_graph_v<graph_view>);
    static_assert(!is_graph_v<owned_graph_view>);
    static_assert(!is_graph_v<std::vector<int>>);
    SUCCEED();
}

// A graph_view of a snapshot points into the snapshot's arrays: no copy.
TEST(Adapter, ASnapshotIsViewedWithoutCopying) {
    const snapshot s = snapshot::from_edges({"a", "b", "c"}, {0, 1, 2}, true, {0, 1}, {1, 2}, {2.0, 3.0});
    const graph_view v = view_of(s);
    EXPECT_EQ(v.out_offset, s.out_offset_data());
    EXPECT_EQ(v.weight, s.weight_data());
}

// One error hierarchy (error.hpp): a std::runtime_error at the root, every kind below it.
TEST(Errors, OneHierarchy) {
    static_assert(std::is_base_of<std::runtime_error, error>::value);
    static_assert(std::is_base_of<error, unknown_id_error>::value && std::is_base_of<error, duplicate_id_error>::value);
    static_assert(std::is_base_of<error, invalid_value_error>::value && std::is_base_of<error, parse_error>::value);
    static_assert(std::is_base_of<parse_error, io_error>::value && std::is_same<file_error, io_error>::value);
    static_assert(std::is_base_of<error, write_error>::value && std::is_base_of<error, convergence_error>::value);
    static_assert(std::is_base_of<error, interrupted>::value);
    // The directed path a -> b -> c: one step of A^T + I takes (1, 1, 1)/3 to (1, 2, 2)/3 and the
    // next to (1, 3, 4)/3 (before scaling), far from a tolerance of 1e-12 after two steps.
    vec_graph<boost::directedS> g(3);
    add_edge(0, 1, g), add_edge(1, 2, g);
    iteration_options o;
    o.max_iterations = 2;
    EXPECT_THROW(eigenvector(g, o), convergence_error);
    EXPECT_THROW(pagerank(g, 0.85, o), convergence_error);
    // A tolerance of 0 is never reached; the iteration asks should_stop every 64 steps.
    iteration_options forever;
    forever.tolerance = 0, forever.max_iterations = 1000;
    forever.run.should_stop = [] { return true; };
    EXPECT_THROW(eigenvector(g, forever), interrupted);
}

// ------------------------------------------------------------------ every algorithm, every graph type

// Results flattened to numbers, so that one comparison serves every result type; NaN equals NaN.
template <class T, std::size_t N>
void flatten(const std::array<T, N>& xs, std::vector<double>& out);
template <class T>
void flatten(const std::vector<T>& xs, std::vector<double>& out);
template <class A, class B>
void flatten(const std::pair<A, B>& p, std::vector<double>& out);
void flatten(const point& p, std::vector<double>& out) { out.push_back(p.x), out.push_back(p.y); }
void flatten(double x, std::vector<double>& out) { out.push_back(x); }
void flatten(std::uint32_t x, std::vector<double>& out) { out.push_back(x); }
template <class T, std::size_t N>
void flatten(const std::array<T, N>& xs, std::vector<double>& out) {
    for (const auto& x : xs) flatten(x, out);
}
template <class T>
void flatten(const std::vector<T>& xs, std::vector<double>& out) {
    out.push_back(static_cast<double>(xs.size()));
    for (const auto& x : xs) flatten(x, out);
}
template <class A, class B>
void flatten(const std::pair<A, B>& p, std::vector<double>& out) {
    flatten(p.first, out), flatten(p.second, out);
}
void flatten(const components_result& r, std::vector<double>& out) { flatten(r.label, out), flatten(r.count, out); }
void flatten(const dyad_census_result& r, std::vector<double>& out) {
    flatten(r.mutual, out), flatten(r.asymmetric, out), flatten(r.null, out);
}
void flatten(const distance_summary& r, std::vector<double>& out) {
    flatten(r.eccentricity, out), flatten(r.diameter, out), flatten(r.average_path_length, out);
    flatten(r.reachable_pairs, out), flatten(r.unreachable_pairs, out);
}
void flatten(const biconnected_result& r, std::vector<double>& out) {
    flatten(r.articulation_points, out), flatten(r.bridges, out), flatten(r.components, out);
}
void flatten(const mixing_result& r, std::vector<double>& out) {
    flatten(r.ties, out), flatten(r.density, out), flatten(r.size, out);
}
void flatten(const ei_result& r, std::vector<double>& out) {
    flatten(r.network, out), flatten(r.group, out), flatten(r.vertex, out), flatten(r.expected, out);
    flatten(r.rescaled, out), flatten(r.external, out), flatten(r.internal, out);
}
void flatten(const brokerage_result& r, std::vector<double>& out) {
    flatten(r.raw, out), flatten(r.expected, out), flatten(r.sd, out), flatten(r.z, out), flatten(r.density, out);
}
void flatten(const holes_result& r, std::vector<double>& out) {
    flatten(r.constraint, out), flatten(r.effective_size, out), flatten(r.efficiency, out), flatten(r.hierarchy, out);
}

// The numbers of a result, or the message of the error it threw.
template <class F, class G>
std::pair<std::vector<double>, std::string> outcome(const F& f, const G& g) {
    std::pair<std::vector<double>, std::string> r;
    try {
        flatten(f(g), r.first);
    } catch (const error& e) {
        r.second = e.what();
    }
    return r;
}

bool same_numbers(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
    return true;
}

struct edge_list {
    std::uint32_t n = 0;
    std::vector<std::uint32_t> src, dst;  // sorted by (src, dst); undirected: src < dst
    std::vector<double> weight;           // empty: unweighted
};

// A fixed graph of 24 vertices (22 and 23 isolates) with about 90 ties, hubs at 0 and 1, some
// reciprocated pairs when directed and integer weights 1 .. 4 when weighted.
edge_list example_graph(bool directed, bool weighted) {
    edge_list e;
    e.n = 24;
    std::uint64_t state = 2024;
    auto next = [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL, state >> 33; };
    for (std::uint32_t u = 0; u < 22; ++u)
        for (std::uint32_t v = directed ? 0 : u + 1; v < 22; ++v) {
            if (u == v) continue;
            const std::uint64_t chance = (u < 2 || v < 2) ? 45 : 12;  // percent
            if (next() % 100 >= chance) continue;
            e.src.push_back(u), e.dst.push_back(v);
            if (weighted) e.weight.push_back(static_cast<double>(1 + next() % 4));
        }
    return e;
}

snapshot snapshot_of(const edge_list& e, bool directed) {
    std::vector<std::string> ids;
    std::vector<index_t> items;
    for (std::uint32_t v = 0; v < e.n; ++v) ids.push_back("v" + std::to_string(v)), items.push_back(v);
    return snapshot::from_edges(ids, items, directed, e.src, e.dst, e.weight);
}

template <class G>
G adjacency_of(const edge_list& e) {
    G g;
    std::vector<typename boost::graph_traits<G>::vertex_descriptor> v;
    for (std::uint32_t i = 0; i < e.n; ++i) v.push_back(add_vertex(g));
    if constexpr (std::is_same<typename G::vertex_list_selector, boost::listS>::value) {
        // listS has no built-in index: number the vertices through the vertex_index property.
        for (std::uint32_t i = 0; i < e.n; ++i) put(boost::vertex_index, g, v[i], static_cast<int>(i));
    }
    for (std::size_t k = 0; k < e.src.size(); ++k) {
        if constexpr (detail::has_edge_weight<G>::value)
            add_edge(v[e.src[k]], v[e.dst[k]], weight_property(e.weight[k]), g);
        else
            add_edge(v[e.src[k]], v[e.dst[k]], g);
    }
    return g;
}

template <class G>
G csr_of(const edge_list& e) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t k = 0; k < e.src.size(); ++k) pairs.emplace_back(e.src[k], e.dst[k]);
    G g(boost::edges_are_sorted, pairs.begin(), pairs.end(), e.n);
    if constexpr (detail::has_edge_weight<G>::value) {
        std::size_t k = 0;
        for (auto [ei, ee] = edges(g); ei != ee; ++ei) put(boost::edge_weight, g, *ei, e.weight[k++]);
    }
    return g;
}

// Runs every algorithm on the foreign graph and on the snapshot: the numbers must be identical
// (or both throw the same message).
template <class G>
void expect_same_as_snapshot(const G& g, const snapshot& s, const char* kind) {
    std::vector<std::uint32_t> group(s.num_vertices());
    for (std::uint32_t v = 0; v < group.size(); ++v) group[v] = v % 3;
    std::vector<double> value(s.num_vertices());
    for (std::uint32_t v = 0; v < value.size(); ++v) value[v] = (v * 7) % 5;
    run_options one_thread;
    one_thread.threads = 1;
    auto check = [&](const char* name, const auto& f) {
        const auto ours = outcome(f, g), theirs = outcome(f, s);
        EXPECT_EQ(ours.second, theirs.second) << kind << ": " << name;
        EXPECT_TRUE(same_numbers(ours.first, theirs.first)) << kind << ": " << name;
    };
    for (auto d : {direction::out, direction::in, direction::all})
        for (auto m : {weight_mode::none, weight_mode::strength}) {
            check("degree", [&](const auto& x) { return degree(x, d, m); });
        }
    for (auto m : {weight_mode::none, weight_mode::distance}) {
        betweenness_options b;
        b.weights = m;
        b.run = one_thread;  // per-thread partial sums would add in a different order
        check("betweenness", [&](const auto& x) { return betweenness(x, b); });
        check("edge_betweenness", [&](const auto& x) { return edge_betweenness(x, b); });
        b.normalized = true;
        check("betweenness normalised", [&](const auto& x) { return betweenness(x, b); });
        for (auto d : {direction::out, direction::in, direction::all}) {
            closeness_options c;
            c.weights = m, c.along = d, c.run = one_thread;
            check("closeness", [&](const auto& x) { return closeness(x, c); });
            check("harmonic", [&](const auto& x) { return harmonic(x, c); });
            check("distances", [&](const auto& x) { return distances(x, d, m, one_thread); });
        }
    }
    for (auto m : {weight_mode::none, weight_mode::strength}) {
        iteration_options it;
        it.weights = m;
        it.run = one_thread;
        check("eigenvector", [&](const auto& x) { return eigenvector(x, it); });
        check("pagerank", [&](const auto& x) { return pagerank(x, 0.85, it); });
        check("katz", [&](const auto& x) { return katz(x, 0.05, 1.0, it); });
        check("mixing_matrix", [&](const auto& x) { return mixing_matrix(x, group, m); });
        check("modularity", [&](const auto& x) { return modularity(x, group, 1.0, m); });
        community_options co;
        co.weights = m;
        co.run = one_thread;
        check("louvain", [&](const auto& x) { return louvain(x, co); });
        check("leiden", [&](const auto& x) { return leiden(x, co); });
        check("label_propagation", [&](const auto& x) { return label_propagation(x, co); });
        holes_options h;
        h.weights = m;
        check("structural_holes", [&](const auto& x) { return structural_holes(x, h); });
    }
    for (auto k : {centrality_kind::degree, centrality_kind::in_degree, centrality_kind::out_degree,
                   centrality_kind::betweenness, centrality_kind::closeness})
        check("centralization_of", [&](const auto& x) { return centralization_of(x, k, one_thread); });
    for (auto k : {clustering_kind::unweighted, clustering_kind::onnela, clustering_kind::barrat})
        check("clustering", [&](const auto& x) { return clustering(x, k); });
    for (auto k : {reciprocity_kind::edgewise, reciprocity_kind::dyadic, reciprocity_kind::dyadic_non_null})
        check("reciprocity", [&](const auto& x) { return reciprocity(x, k); });
    check("density", [&](const auto& x) { return density(x); });
    check("weak_components", [&](const auto& x) { return weak_components(x); });
    check("strong_components", [&](const auto& x) { return strong_components(x); });
    check("dyad_census", [&](const auto& x) { return dyad_census(x); });
    check("transitivity", [&](const auto& x) { return transitivity(x); });
    check("triad_census", [&](const auto& x) { return triad_census(x); });
    check("core_number", [&](const auto& x) { return core_number(x); });
    check("biconnected", [&](const auto& x) { return biconnected(x); });
    check("maximal_cliques", [&](const auto& x) { return maximal_cliques(x, 3); });
    check("node_connectivity", [&](const auto& x) { return node_connectivity(x, 0, 5); });
    check("ei_index", [&](const auto& x) { return ei_index(x, group); });
    check("assortativity", [&](const auto& x) { return assortativity(x, group); });
    check("numeric_assortativity", [&](const auto& x) { return numeric_assortativity(x, value, value); });
    check("brokerage", [&](const auto& x) { return brokerage(x, group); });
    check("spring_layout", [&](const auto& x) { return spring_layout(x); });
}

// (directed, weighted)
class EveryGraphType : public testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(EveryGraphType, SameResultsAsTheSnapshot) {
    const auto [directed, weighted] = GetParam();
    const edge_list e = example_graph(directed, weighted);
    const snapshot s = snapshot_of(e, directed);
    ASSERT_EQ(s.num_ties(), e.src.size());
    ASSERT_EQ(s.is_weighted(), weighted);
    if (directed && weighted) {
        // The snapshot through the generic path (a copy with its weight map) gives its own results
        // too. (An undirected snapshot is a symmetric digraph to Boost: copied, it is directed.)
        expect_same_as_snapshot(make_graph_view(s, get(boost::edge_weight, s)), s, "snapshot copied");
    }
    if (directed) {
        if (weighted) {
            expect_same_as_snapshot(adjacency_of<vec_weighted<boost::directedS>>(e), s, "vecS, vecS");
            expect_same_as_snapshot(adjacency_of<list_weighted<boost::directedS>>(e), s, "listS, listS");
            expect_same_as_snapshot(csr_of<csr_weighted>(e), s, "compressed_sparse_row_graph");
        } else {
            expect_same_as_snapshot(adjacency_of<vec_graph<boost::directedS>>(e), s, "vecS, vecS");
            expect_same_as_snapshot(adjacency_of<list_graph<boost::directedS>>(e), s, "listS, listS");
            expect_same_as_snapshot(csr_of<csr_graph>(e), s, "compressed_sparse_row_graph");
        }
    } else {
        // Boost's compressed_sparse_row_graph is directed only (directedS or bidirectionalS).
        if (weighted) {
            expect_same_as_snapshot(adjacency_of<vec_weighted<boost::undirectedS>>(e), s, "vecS, vecS");
            expect_same_as_snapshot(adjacency_of<list_weighted<boost::undirectedS>>(e), s, "listS, listS");
        } else {
            expect_same_as_snapshot(adjacency_of<vec_graph<boost::undirectedS>>(e), s, "vecS, vecS");
            expect_same_as_snapshot(adjacency_of<list_graph<boost::undirectedS>>(e), s, "listS, listS");
        }
    }
}

INSTANTIATE_TEST_SUITE_P(DirectedWeighted, EveryGraphType,
                         testing::Combine(testing::Bool(), testing::Bool()),
                         [](const testing::TestParamInfo<std::tuple<bool, bool>>& info) {
                             return std::string(std::get<0>(info.param) ? "Directed" : "Undirected") +
                                    (std::get<1>(info.param) ? "Weighted" : "Unweighted");
                         });

}  // namespace
