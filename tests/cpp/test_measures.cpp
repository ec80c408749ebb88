// Network measures on small graphs worked by hand (the arithmetic is in the comments). The
// comparison with networkx, igraph and R sna on the classic data sets is in
// tests/python/test_measures.py.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <set>
#include <thread>

#include "wijknet/wijknet.hpp"

using namespace wijknet;

namespace {

using undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// An alliance from "a-b b-c" style pairs, one relation (directed or not), one wave.
alliance build(const std::vector<std::pair<std::string, std::string>>& ties, bool directed_ties,
               const std::vector<std::string>& extra = {}) {
    alliance a;
    a.add_wave({"T0", "", ""});
    a.add_relation({"tie", "", directed_ties});
    auto ensure = [&](const std::string& id) {
        if (!a.find_stakeholder(id)) {
            stakeholder s;
            s.id = id;
            a.add_stakeholder(s);
        }
    };
    for (const auto& [s, t] : ties) ensure(s), ensure(t), a.add_tie(s, t, "tie", "T0");
    for (const auto& id : extra) ensure(id);
    return a;
}

snapshot only_tie(const alliance& a) {
    selection s;
    s.relations = {"tie"};
    return snapshot(a, s);
}

//   a - b - c - d
const alliance path4 = build({{"a", "b"}, {"b", "c"}, {"c", "d"}}, false);

}  // namespace

TEST(Centrality, PathOfFour) {
    const snapshot g = only_tie(path4);
    EXPECT_EQ(degree(g), (std::vector<double>{1, 2, 2, 1}));
    // b lies on the shortest paths a-c and a-d: 2; normalised by (n-1)(n-2)/2 = 3.
    EXPECT_EQ(betweenness(g), (std::vector<double>{0, 2, 2, 0}));
    betweenness_options norm;
    norm.normalized = true;
    EXPECT_NEAR(betweenness(g, norm)[1], 2.0 / 3.0, 1e-15);
    // Edge b-c carries a-c, a-d, b-c, b-d: 4 pairs; a-b carries a-b, a-c, a-d: 3.
    const auto eb = edge_betweenness(make_graph_view(g));
    EXPECT_EQ(std::count(eb.begin(), eb.end(), 4.0), 1);
    EXPECT_EQ(std::count(eb.begin(), eb.end(), 3.0), 2);
    // Closeness of a: 3 / (1 + 2 + 3) = 0.5; of b: 3 / (1 + 1 + 2) = 0.75.
    closeness_options c;
    c.convention = closeness_convention::freeman;
    EXPECT_EQ(closeness(g, c), (std::vector<double>{0.5, 0.75, 0.75, 0.5}));
    // Harmonic of a: 1 + 1/2 + 1/3 = 11/6; of b: 1 + 1 + 1/2 = 5/2.
    const auto h = harmonic(g);
    EXPECT_NEAR(h[0], 11.0 / 6.0, 1e-15);
    EXPECT_NEAR(h[1], 2.5, 1e-15);
    const auto d = distances(g);
    EXPECT_EQ(d.diameter, 3);
    // Mean distance over 12 ordered pairs: 2 x (1+2+3 + 1+1+2) / 12 = 20/12.
    EXPECT_NEAR(d.average_path_length, 20.0 / 12.0, 1e-15);
    EXPECT_EQ(d.eccentricity, (std::vector<double>{3, 2, 2, 3}));
}

TEST(Centrality, ClosenessConventionsOnADisconnectedGraph) {
    // a - b   c (isolate): a reaches 1 of 2 others at distance 1.
    const snapshot g = only_tie(build({{"a", "b"}}, false, {"c"}));
    closeness_options o;
    EXPECT_NEAR(closeness(g, o)[0], 1.0 * (1.0 / 2.0), 1e-15);  // (1/1) x (1/2), Wasserman-Faust
    o.convention = closeness_convention::reachable_only;
    EXPECT_EQ(closeness(g, o)[0], 1.0);
    o.convention = closeness_convention::freeman;
    EXPECT_EQ(closeness(g, o)[0], 0.0);
    EXPECT_EQ(closeness(g, o)[2], 0.0);
}

TEST(Centrality, StarIsMaximallyCentralised) {
    //   centre 0 with leaves 1..4
    undirected star(5);
    for (int leaf = 1; leaf <= 4; ++leaf) boost::add_edge(0, leaf, star);
    const auto v = make_graph_view(star);
    // Degree: sum(4 - 1) over 4 leaves = 12, maximum (n-1)(n-2) = 12.
    EXPECT_DOUBLE_EQ(centralization_of(v.view(), centrality_kind::degree), 1.0);
    // Betweenness of the centre: C(4, 2) = 6 pairs; 4 x 6 / ((n-1)^2 (n-2) / 2 = 24) = 1.
    EXPECT_DOUBLE_EQ(betweenness(v.view())[0], 6.0);
    EXPECT_DOUBLE_EQ(centralization_of(v.view(), centrality_kind::betweenness), 1.0);
    EXPECT_DOUBLE_EQ(centralization_of(v.view(), centrality_kind::closeness), 1.0);
}

TEST(Centrality, WeightsAsDistances) {
    //   a -1- b -1- c,  a -5- c : the shortest a-c path runs through b (length 2 < 5).
    alliance a = build({{"a", "b"}, {"b", "c"}}, false);
    a.add_tie("a", "c", "tie", "T0", 5);
    const snapshot g = only_tie(a);
    betweenness_options o;
    EXPECT_EQ(betweenness(g, o)[1], 0.0);  // unweighted: a-c is direct
    o.weights = weight_mode::distance;
    EXPECT_EQ(betweenness(g, o)[1], 1.0);
    alliance bad = build({{"a", "b"}}, false, {"c"});
    bad.add_tie("b", "c", "tie", "T0", 0.0);
    EXPECT_THROW(betweenness(only_tie(bad), o), invalid_value_error);  // zero length
}

TEST(Spectral, PageRankSumsToOneAndFavoursTheTarget) {
    // a -> c, b -> c, c -> a   (vertex order a, c, b: the order stakeholders were added)
    const snapshot g = only_tie(build({{"a", "c"}, {"b", "c"}, {"c", "a"}}, true));
    const auto p = pagerank(g);
    const double a = p[0], c = p[1], b = p[2];
    EXPECT_NEAR(a + b + c, 1.0, 1e-12);
    // b has no in-ties: (1 - 0.85) / 3 = 0.05.
    EXPECT_NEAR(b, 0.05, 1e-12);
    // c = 0.05 + 0.85 (a + b) and a = 0.05 + 0.85 c  =>  c = (0.05 + 0.85 (0.05 + 0.05)) / (1 - 0.85^2).
    EXPECT_NEAR(c, (0.05 + 0.85 * 0.1) / (1 - 0.85 * 0.85), 1e-12);
    EXPECT_NEAR(a, 0.05 + 0.85 * c, 1e-10);  // power iteration stops at a change of 1e-12 per vertex
}

TEST(Spectral, EigenvectorOfACompleteGraphIsUniform) {
    const snapshot g = only_tie(build({{"a", "b"}, {"b", "c"}, {"a", "c"}}, false));
    for (double x : eigenvector(g)) EXPECT_NEAR(x, 1 / std::sqrt(3.0), 1e-12);
    // Katz on K3: x = 0.1 * 2x + 1 gives x = 1.25 for all; normalised 1/sqrt(3).
    for (double x : katz(g)) EXPECT_NEAR(x, 1 / std::sqrt(3.0), 1e-12);
    EXPECT_THROW(katz(g, 0.9), invalid_value_error);  // alpha above 1/2 diverges
}

TEST(Structure, TriangleWithPendant) {
    //   a - b, b - c, a - c (triangle), c - d
    const snapshot g = only_tie(build({{"a", "b"}, {"b", "c"}, {"a", "c"}, {"c", "d"}}, false));
    // 1 triangle, triples a:1 b:1 c:3 d:0 = 5: 3/5.
    EXPECT_DOUBLE_EQ(transitivity(g), 0.6);
    EXPECT_EQ(clustering(g), (std::vector<double>{1, 1, 1.0 / 3.0, 0}));
    EXPECT_EQ(core_number(g), (std::vector<double>{2, 2, 2, 1}));
    const auto b = biconnected(make_graph_view(g));
    EXPECT_EQ(b.articulation_points, std::vector<std::uint32_t>{2});
    ASSERT_EQ(b.bridges.size(), 1u);
    EXPECT_EQ(b.bridges[0], (std::pair<std::uint32_t, std::uint32_t>{2, 3}));
    EXPECT_EQ(b.components.size(), 2u);
    const auto cliques = maximal_cliques(make_graph_view(g));
    EXPECT_EQ(cliques, (std::vector<std::vector<std::uint32_t>>{{0, 1, 2}, {2, 3}}));
    // a to d: every path passes c: 1; a to b: direct + via c = 2.
    EXPECT_EQ(node_connectivity(make_graph_view(g), 0, 3), 1u);
    EXPECT_EQ(node_connectivity(make_graph_view(g), 0, 1), 2u);
}

TEST(Structure, ReciprocityAndTriads) {
    // a <-> b, b -> c:  dyads M = 1, A = 1, N = 1.
    const snapshot g = only_tie(build({{"a", "b"}, {"b", "a"}, {"b", "c"}}, true));
    EXPECT_DOUBLE_EQ(reciprocity(g), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(reciprocity(g, reciprocity_kind::dyadic), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(reciprocity(g, reciprocity_kind::dyadic_non_null), 0.5);
    const auto census = triad_census(g);
    double total = 0;
    for (double c : census) total += c;
    EXPECT_EQ(total, 1);
    EXPECT_EQ(census[7], 1);  // 111U
    // Strong components: {a, b}, {c}.
    EXPECT_EQ(strong_components(g).count, 2u);
    // Directed transitivity: two-paths a->b->c, b->a->b? (i != k) a->b->a excluded: a->b->c only,
    // open (no a->c), and b->a->b excluded: 0 of 1.
    EXPECT_DOUBLE_EQ(transitivity(g), 0.0);
}

TEST(StructuralHoles, StarCentreAndLeaf) {
    undirected star(5);
    for (int leaf = 1; leaf <= 4; ++leaf) boost::add_edge(0, leaf, star);
    const auto h = structural_holes(make_graph_view(star).view());
    // Centre: p = 1/4 to each leaf, no indirect paths: 4 x (1/4)^2 = 0.25.
    EXPECT_DOUBLE_EQ(h.constraint[0], 0.25);
    EXPECT_DOUBLE_EQ(h.effective_size[0], 4);
    EXPECT_DOUBLE_EQ(h.efficiency[0], 1);
    EXPECT_DOUBLE_EQ(h.hierarchy[0], 0);  // all local constraints equal
    EXPECT_DOUBLE_EQ(h.constraint[1], 1);  // a leaf depends on one alter
    //   In a triangle each alter is also tied to the other: p = 1/2, indirect 1/2 x 1/2:
    //   c = 2 x (1/2 + 1/4)^2 = 1.125; effective size = 2 - 2 x (1/2 x 1) = 1.
    const snapshot t = only_tie(build({{"a", "b"}, {"b", "c"}, {"a", "c"}}, false));
    const auto th = structural_holes(t);
    EXPECT_DOUBLE_EQ(th.constraint[0], 1.125);
    EXPECT_DOUBLE_EQ(th.effective_size[0], 1);
}

TEST(Brokerage, RolesOfAnOpenTwoPath) {
    // x -> v -> y with no x -> y. Groups decide the role of v.
    const snapshot g = only_tie(build({{"x", "v"}, {"v", "y"}}, true));
    auto role_of = [&](std::vector<std::uint32_t> groups) {
        const auto r = brokerage(g, groups);
        for (int k = 0; k < 5; ++k)
            if (r.raw[1][k] == 1) return k;
        return -1;
    };
    // vertex order: x, v, y
    EXPECT_EQ(role_of({0, 0, 0}), static_cast<int>(broker_role::coordinator));
    EXPECT_EQ(role_of({0, 1, 0}), static_cast<int>(broker_role::itinerant));
    EXPECT_EQ(role_of({0, 1, 1}), static_cast<int>(broker_role::gatekeeper));  // b_OI
    EXPECT_EQ(role_of({0, 0, 1}), static_cast<int>(broker_role::representative));
    EXPECT_EQ(role_of({0, 1, 2}), static_cast<int>(broker_role::liaison));
}

TEST(Mixing, EIIndexAndMixingMatrix) {
    //   groups: a, b in 0; c, d in 1.  ties a-b (internal), b-c, c-d (internal), a-d:
    //   E = 2, I = 2 -> E-I = 0.
    const snapshot g = only_tie(build({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"a", "d"}}, false));
    const std::vector<std::uint32_t> group = {0, 0, 1, 1};
    const auto ei = ei_index(g, group);
    EXPECT_DOUBLE_EQ(ei.network, 0);
    EXPECT_DOUBLE_EQ(ei.vertex[0], 0);  // a: one tie in (b), one out (d)
    // Possible: within 1 + 1 = 2 pairs, between 4: expected (4 - 2) / 6 = 1/3.
    EXPECT_DOUBLE_EQ(ei.expected, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(ei.rescaled, (0 - 1.0 / 3.0) / (1 + 1.0 / 3.0));
    const auto mix = mixing_matrix(g, group);
    EXPECT_EQ(mix.ties[0][0], 1);
    EXPECT_EQ(mix.ties[0][1], 2);
    EXPECT_EQ(mix.ties[1][0], 2);
    EXPECT_DOUBLE_EQ(mix.density[0][1], 2.0 / 4.0);
    // Assortativity: e = [[2, 2], [2, 2]] / 8: trace 1/2, sum a_i b_i = 1/2 -> r = 0.
    EXPECT_DOUBLE_EQ(assortativity(g, group), 0.0);
}

TEST(Communities, TwoTrianglesJoinedByOneTie) {
    //   a-b-c triangle, d-e-f triangle, c-d bridge.
    const snapshot g = only_tie(
        build({{"a", "b"}, {"b", "c"}, {"a", "c"}, {"d", "e"}, {"e", "f"}, {"d", "f"}, {"c", "d"}}, false));
    const std::vector<std::uint32_t> expected = {0, 0, 0, 1, 1, 1};
    EXPECT_EQ(louvain(g), expected);
    EXPECT_EQ(leiden(g), expected);
    EXPECT_EQ(label_propagation(g), expected);
    // Q = 2 x [3/7 - (7/14)^2] = 6/7 - 1/2 = 5/14.
    EXPECT_NEAR(modularity(g, expected), 5.0 / 14.0, 1e-15);
}

TEST(GenericGraphs, SameAnswersOnAdjacencyList) {
    directed d(3);
    boost::add_edge(0, 1, d), boost::add_edge(1, 0, d), boost::add_edge(1, 2, d);
    EXPECT_DOUBLE_EQ(reciprocity(d), 2.0 / 3.0);
    EXPECT_EQ(betweenness(d), (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(degree(d, direction::in), (std::vector<double>{1, 1, 1}));
}

TEST(Centrality, BetweenessOfACycleWithPendantAndOtherComponents) {
    //   a -> b -> c -> a,  c -> d;   e <-> f;   g alone
    // a->c: a b c (b 1); b->a: b c a (c 1); c->b: c a b (a 1); a->d: a b c d (b 1, c 1);
    // b->d: b c d (c 1). So a 1, b 2, c 3, everyone else 0.
    const alliance a = build({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"e", "f"}, {"f", "e"}}, true, {"g"});
    EXPECT_EQ(betweenness(only_tie(a)), (std::vector<double>{1, 2, 3, 0, 0, 0, 0}));
}

TEST(Threads, ThePoolRunsEveryItemOnceAndIsReused) {
    run_options o;
    o.threads = 4;
    for (int call = 0; call < 300; ++call) {  // one pool for every call
        std::vector<std::atomic<int>> hits(1000);
        std::atomic<unsigned> most{0};
        const unsigned workers = detail::parallel_for(1000, o, [&](unsigned w, std::uint32_t i) {
            ++hits[i];
            unsigned m = most;
            while (w > m && !most.compare_exchange_weak(m, w)) {}
        }, 7);
        ASSERT_EQ(workers, 4u);
        ASSERT_LT(most.load(), 4u);
        for (auto& h : hits) ASSERT_EQ(h.load(), 1);
    }
    // A loop inside a loop finds the pool busy and runs on threads of its own.
    std::atomic<int> inner{0};
    detail::parallel_for(8, o, [&](unsigned, std::uint32_t) {
        detail::parallel_for(100, o, [&](unsigned, std::uint32_t) { ++inner; }, 10);
    }, 1);
    EXPECT_EQ(inner.load(), 800);
    // Exceptions reach the caller, and the pool still works afterwards.
    EXPECT_THROW(detail::parallel_for(100, o, [&](unsigned, std::uint32_t i) {
        if (i == 57) throw invalid_value_error("item 57");
    }, 1), invalid_value_error);
    std::atomic<int> after{0};
    detail::parallel_for(100, o, [&](unsigned, std::uint32_t) { ++after; }, 1);
    EXPECT_EQ(after.load(), 100);
}

TEST(Threads, StopRequestsEndALongLoop) {
    run_options o;
    o.threads = 3;
    std::atomic<int> asked{0};
    o.should_stop = [&] { return ++asked > 2; };
    std::atomic<std::uint32_t> done{0};
    // Each item takes a little while, so that the loop outlasts any time the calling thread (the
    // one that asks) spends descheduled on a loaded machine: unstopped, it would run ~3 s.
    EXPECT_THROW(detail::parallel_for(1000000, o, [&](unsigned, std::uint32_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(10));
        ++done;
    }, 1), interrupted);
    EXPECT_LT(done.load(), 1000000u);
}

TEST(Threads, BetweennessDoesNotDependOnTheThreadCount) {
    // 1,500 vertices, 4,500 random ties (fixed seed): 24 batches of 64 sources over 16 slots.
    std::mt19937_64 rng(3);
    std::uniform_int_distribution<int> pick(0, 1499);
    for (const bool dir : {true, false}) {
        std::set<std::pair<int, int>> pairs;  // distinct, either way round
        for (int k = 0; k < 4500; ++k) {
            const int u = pick(rng), v = pick(rng);
            if (u != v) pairs.emplace(std::min(u, v), std::max(u, v));
        }
        std::vector<std::pair<std::string, std::string>> ties;
        for (const auto& [u, v] : pairs) ties.emplace_back(std::to_string(u), std::to_string(v));
        const snapshot g = only_tie(build(ties, dir));
        betweenness_options one;
        one.run.threads = 1;
        const auto reference = betweenness(g, one);
        for (const unsigned threads : {2u, 3u, 16u}) {
            betweenness_options o;
            o.run.threads = threads;
            EXPECT_EQ(betweenness(g, o), reference) << threads << " threads";
        }
        // The batched path against the one-source-at-a-time search (which edge betweenness takes).
        const auto single = betweenness_full(make_graph_view(g), one, true).node;
        ASSERT_EQ(single.size(), reference.size());
        for (std::size_t v = 0; v < single.size(); ++v)
            EXPECT_NEAR(reference[v], single[v], 1e-9 * std::max(1.0, single[v])) << v;
    }
}

// Weights that cannot be read as the measure needs them are errors naming the tie (issue 13:
// negative weights passed through PageRank and constraint as NaN).
TEST(Weights, NegativeOrZeroWhereAMeasureCannotReadThemNamesTheTie) {
    alliance a = build({{"a", "b"}, {"b", "c"}}, true);
    a.add_tie("c", "a", "tie", "T0", -2.0);
    const snapshot g = only_tie(a);
    iteration_options strength;
    strength.weights = weight_mode::strength;
    const std::string tail = " (leave such ties out with min_weight, or use weight_mode::none)";
    auto message = [](auto&& f) {
        try {
            f();
        } catch (const invalid_value_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message([&] { pagerank(g, 0.85, strength); }),
              "PageRank reads weights as tie strengths, which must be non-negative: the tie 'c' -> 'a' has weight -2" + tail);
    EXPECT_EQ(message([&] { structural_holes(g); }),
              "constraint and the other structural-hole measures read weights as tie strengths, which must be "
              "non-negative: the tie 'c' -> 'a' has weight -2" + tail);
    closeness_options lengths;
    lengths.weights = weight_mode::distance;
    EXPECT_EQ(message([&] { closeness(g, lengths); }),
              "weights read as distances, which must be positive: the tie 'c' -> 'a' has weight -2" + tail);
    // Unweighted readings ignore the weight; a zero weight is a strength of 0 (no error) but no length.
    EXPECT_EQ(pagerank(g).size(), 3u);
    alliance z = build({{"a", "b"}}, false, {"c"});
    z.add_tie("b", "c", "tie", "T0", 0.0);
    EXPECT_EQ(message([&] { closeness(only_tie(z), lengths); }),
              "weights read as distances, which must be positive: the tie 'b' -- 'c' has weight 0" + tail);
    EXPECT_EQ(pagerank(only_tie(z), 0.85, strength).size(), 3u);
}
