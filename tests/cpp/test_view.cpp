// Analysis snapshots: selection, merging, the Boost.Graph interface, and the first algorithms on
// both a snapshot and a plain boost::adjacency_list.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>

#include "wijknet/algorithms/structure.hpp"
#include "wijknet/report/summary.hpp"
#include "wijknet/view/snapshot.hpp"

using namespace wijknet;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<snapshot>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<snapshot>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<snapshot>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<snapshot>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<snapshot>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<snapshot_weight_map, snapshot_edge>));

namespace {

stakeholder person(std::string id, std::vector<std::string> roles, std::vector<std::string> waves = {}) {
    stakeholder s;
    s.id = std::move(id);
    s.kind = stakeholder_kind::person;
    s.roles = std::move(roles);
    s.waves = std::move(waves);
    return s;
}

//   T0:  a --collab(2)-- b --collab(1)-- c        d (isolated)      e (T1 only)
//        a --referral(1)--> b,  b --referral(3)--> a,  c --referral(4)--> a
//   T1:  a --collab(5)-- b,  b --referral(2)--> a,  e --referral(1)--> d
alliance example() {
    alliance a;
    a.add_wave({"T0", "", ""});
    a.add_wave({"T1", "", ""});
    a.add_stakeholder(person("a", {"wijkagent"}));
    a.add_stakeholder(person("b", {"welzijnswerk"}));
    a.add_stakeholder(person("c", {"lhbti_organisatie"}));
    a.add_stakeholder(person("d", {"bewoner"}));
    a.add_stakeholder(person("e", {"bewoner"}, {"T1"}));
    a.add_tie("a", "b", "collaboration", "T0", 2);
    a.add_tie("c", "b", "collaboration", "T0", 1);
    a.add_tie("a", "b", "referral", "T0", 1);
    a.add_tie("b", "a", "referral", "T0", 3);
    a.add_tie("c", "a", "referral", "T0", 4);
    a.add_tie("a", "b", "collaboration", "T1", 5);
    a.add_tie("b", "a", "referral", "T1", 2);
    a.add_tie("e", "d", "referral", "T1", 1);
    return a;
}

std::vector<std::string> out_neighbours(const snapshot& g, const std::string& id) {
    std::vector<std::string> out;
    for (std::uint32_t v = 0; v < g.num_vertices(); ++v) {
        if (g.id(v) != id) continue;
        for (auto [ei, ee] = out_edges(v, g); ei != ee; ++ei) out.push_back(g.id(target(*ei, g)));
    }
    return out;
}

}  // namespace

TEST(Snapshot, UndirectedRelationInOneWave) {
    const alliance a = example();
    selection s;
    s.relations = {"collaboration"};
    s.waves = {"T0"};
    const snapshot g(a, s);
    EXPECT_FALSE(g.is_directed());
    EXPECT_EQ(g.num_vertices(), 4u);  // e is not present at T0
    EXPECT_EQ(g.num_ties(), 2u);
    EXPECT_EQ(g.num_arcs(), 4u);      // each undirected edge seen from both ends
    EXPECT_EQ(num_edges(g), 4u);
    EXPECT_EQ(out_neighbours(g, "b"), (std::vector<std::string>{"a", "c"}));
    EXPECT_EQ(in_degree(1, g), 2u);
    // Density: 2 ties of 4*3/2 = 6 possible pairs = 1/3.
    EXPECT_DOUBLE_EQ(density(g), 2.0 / 6.0);
    // The weight map: a--b has weight 2, and both arcs of an edge share its id.
    auto [ab, found] = edge(0, 1, g);
    ASSERT_TRUE(found);
    auto [ba, found2] = edge(1, 0, g);
    ASSERT_TRUE(found2);
    EXPECT_EQ(ab.id, ba.id);
    EXPECT_DOUBLE_EQ(get(get(boost::edge_weight, g), ab), 2.0);
    EXPECT_FALSE(edge(0, 3, g).second);
}

TEST(Snapshot, DirectedRelationsAndInEdges) {
    const alliance a = example();
    selection s;
    s.relations = {"referral"};
    s.waves = {"T0"};
    const snapshot g(a, s);
    EXPECT_TRUE(g.is_directed());
    EXPECT_EQ(g.num_ties(), 3u);
    EXPECT_EQ(out_neighbours(g, "a"), std::vector<std::string>{"b"});
    // In-arcs of a come from b and c, sorted by source.
    std::vector<std::string> sources;
    for (auto [ei, ee] = in_edges(0, g); ei != ee; ++ei) {
        sources.push_back(g.id(source(*ei, g)));
        EXPECT_EQ(target(*ei, g), 0u);
    }
    EXPECT_EQ(sources, (std::vector<std::string>{"b", "c"}));
    // Density: 3 arcs of 4*3 = 12 possible = 0.25.
    EXPECT_DOUBLE_EQ(density(g), 0.25);
    // Edge iteration visits every arc once.
    std::size_t arcs = 0;
    for (auto [ei, ee] = edges(g); ei != ee; ++ei) ++arcs;
    EXPECT_EQ(arcs, 3u);
}

TEST(Snapshot, MixingDirectedAndUndirectedRelations) {
    const alliance a = example();
    selection s;
    s.waves = {"T0"};
    s.relations = {"collaboration", "referral"};
    const snapshot g(a, s);  // directed: collaboration becomes two arcs, then merged with referral
    EXPECT_TRUE(g.is_directed());
    // arcs a->b: collab 2 + referral 1 = 3; b->a: 2 + 3 = 5; b->c, c->b: 1; c->a: 4
    EXPECT_EQ(g.num_ties(), 5u);
    EXPECT_DOUBLE_EQ(g.weight(edge(0, 1, g).first.id), 3.0);
    EXPECT_DOUBLE_EQ(g.weight(edge(1, 0, g).first.id), 5.0);
    s.parallel = combine::max;
    EXPECT_DOUBLE_EQ(snapshot(a, s).weight(edge(1, 0, snapshot(a, s)).first.id), 3.0);
    s.parallel = combine::count;
    const snapshot counted(a, s);
    EXPECT_DOUBLE_EQ(counted.weight(edge(1, 0, counted).first.id), 2.0);
    s.parallel = combine::keep;
    EXPECT_EQ(snapshot(a, s).num_ties(), 7u);  // 2 collab x 2 arcs + 3 referrals
    s.parallel = combine::min;
    s.symmetrize = true;
    const snapshot sym(a, s);
    EXPECT_FALSE(sym.is_directed());
    EXPECT_EQ(sym.num_ties(), 3u);  // a-b, b-c, a-c
    EXPECT_DOUBLE_EQ(sym.weight(edge(0, 1, sym).first.id), 1.0);
}

TEST(Snapshot, AllWavesMergeAndFilters) {
    const alliance a = example();
    const snapshot all(a);  // every relation, every wave, weights summed
    EXPECT_EQ(all.num_vertices(), 5u);
    EXPECT_TRUE(all.is_weighted());
    selection s;
    s.min_weight = 2;
    s.relations = {"referral"};
    const snapshot heavy(a, s);
    EXPECT_EQ(heavy.num_ties(), 2u);  // b->a (3 at T0 + 2 at T1), c->a (4); a->b and e->d are below 2
    EXPECT_DOUBLE_EQ(heavy.weight(edge(1, 0, heavy).first.id), 5.0);
    s = {};
    s.roles = {"community police officer", "welzijnswerk"};
    const snapshot roles(a, s);
    EXPECT_EQ(roles.ids(), (std::vector<std::string>{"a", "b"}));
    s = {};
    s.filter = [](const stakeholder& x) { return x.id != "a"; };
    s.relations = {"referral"};
    EXPECT_EQ(snapshot(a, s).num_ties(), 1u);  // only e->d remains
    s = {};
    s.relations = {"collaboration"};
    s.waves = {"T1"};
    const snapshot unweighted_check(a, s);
    EXPECT_TRUE(unweighted_check.is_weighted());  // weight 5
    s.parallel = combine::count;
    EXPECT_FALSE(snapshot(a, s).is_weighted());  // all counts are 1: weights dropped
}

TEST(Snapshot, UnknownNamesInTheSelectionAreErrors) {
    const alliance a = example();
    selection s;
    s.relations = {"refferal"};
    EXPECT_THROW(snapshot(a, s), unknown_id_error);
    s = {};
    s.waves = {"T3"};
    EXPECT_THROW(snapshot(a, s), unknown_id_error);
    s = {};
    s.roles = {"politie"};
    EXPECT_THROW(snapshot(a, s), unknown_id_error);
}

TEST(Snapshot, SelfTiesOnlyWhenAsked) {
    alliance a = example();
    a.add_tie("d", "d", "referral", "T0");
    selection s;
    s.relations = {"referral"};
    s.waves = {"T0"};
    EXPECT_EQ(snapshot(a, s).num_ties(), 3u);
    s.self_ties = true;
    EXPECT_EQ(snapshot(a, s).num_ties(), 4u);
}

TEST(Components, WeakComponentsOnSnapshotAndAdjacencyList) {
    const alliance a = example();
    selection s;
    s.relations = {"referral"};
    const snapshot g(a, s);  // both waves: a<->b, c->a, e->d  =>  {a,b,c} {d,e}
    const components_result c = weak_components(g);
    EXPECT_EQ(c.count, 2u);
    EXPECT_EQ(c.label, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));

    // The same graph as a user's own BGL graph gives the same answer.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS> bgl(5);
    boost::add_edge(0, 1, bgl), boost::add_edge(1, 0, bgl), boost::add_edge(2, 0, bgl), boost::add_edge(4, 3, bgl);
    EXPECT_EQ(weak_components(bgl).label, c.label);
    EXPECT_DOUBLE_EQ(density(bgl), 4.0 / 20.0);

    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> und(4);
    boost::add_edge(0, 1, und), boost::add_edge(2, 3, und);
    EXPECT_EQ(weak_components(und).count, 2u);
    EXPECT_DOUBLE_EQ(density(und), 2.0 / 6.0);
}

TEST(BoostAlgorithms, RunUnchangedOnASnapshot) {
    const alliance a = example();
    selection s;
    s.relations = {"collaboration"};
    s.waves = {"T0"};
    const snapshot g(a, s);  // path a - b - c, plus isolate d
    std::vector<std::uint32_t> hops(g.num_vertices(), 0);
    boost::breadth_first_search(
        g, 0u,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(hops.data(), boost::on_tree_edge())))
            .vertex_index_map(get(boost::vertex_index, g)));
    EXPECT_EQ(hops, (std::vector<std::uint32_t>{0, 1, 2, 0}));

    // Dijkstra with the weights as distances: a-b 2, b-c 1 => c at 3.
    std::vector<double> dist(g.num_vertices());
    boost::dijkstra_shortest_paths(g, 0u,
                                   boost::distance_map(dist.data())
                                       .weight_map(get(boost::edge_weight, g))
                                       .vertex_index_map(get(boost::vertex_index, g)));
    EXPECT_DOUBLE_EQ(dist[2], 3.0);
}

TEST(Summary, CountsRolesTiesAndMissingRoles) {
    const alliance a = example();
    const alliance_summary s = summarize(a, {"samen_in_de_wijk"});
    EXPECT_EQ(s.stakeholders, 5u);
    ASSERT_EQ(s.missing.size(), 1u);
    EXPECT_EQ(s.missing[0].required,
              (std::vector<std::string>{"sociale_partner", "bewonersinitiatief", "zelforganisatie", "gemeente"}));
    EXPECT_EQ(s.missing[0].recommended, std::vector<std::string>{"antidiscriminatievoorziening"});
    // referral at T1: stakeholders a..e present (5), ties b->a, e->d: density 2/20,
    // components {a,b} {c} {d,e}: 3, largest 2, isolates 1 (c).
    const auto it = std::find_if(s.relations.begin(), s.relations.end(),
                                 [](const relation_wave_summary& r) { return r.relation == "referral" && r.wave == "T1"; });
    ASSERT_NE(it, s.relations.end());
    EXPECT_EQ(it->stakeholders, 5u);
    EXPECT_EQ(it->ties, 2u);
    EXPECT_DOUBLE_EQ(it->density, 0.1);
    EXPECT_EQ(it->components, 3u);
    EXPECT_EQ(it->largest_component, 2u);
    EXPECT_EQ(it->isolates, 1u);
    EXPECT_EQ(s.stakeholders_per_role[0], (std::pair<std::string, std::size_t>{"wijkagent", 1}));
}
