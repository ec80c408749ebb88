// The two-mode participation network: selection, projections and the Borgatti & Halgin (2011)
// centralities on hand-worked cases.
#include <gtest/gtest.h>

#include <cmath>

#include "wijknet/wijknet.hpp"

using namespace wijknet;

namespace {

// Three stakeholders, two events; the bipartite graph is a path:
//
//     a0 --- e0 --- a1 --- e1 --- a2
//
two_mode_network path() {
    return two_mode_network({"a0", "a1", "a2"}, {"e0", "e1"}, {{0, 0}, {1, 0}, {1, 1}, {2, 1}});
}

double weight_between(const snapshot& g, std::uint32_t u, std::uint32_t v) {
    for (auto arc = g.out_begin(u); arc < g.out_end(u); ++arc)
        if (g.arc_target(arc) == v) return g.weight(g.arc_edge(arc));
    return 0.0;
}

}  // namespace

TEST(TwoMode, ProjectionsOfAPath) {
    const auto g = path();
    // Stakeholders: a0-a1 share e0, a1-a2 share e1; e0 and e1 have two participants each.
    const auto count = projection(g, two_mode_side::actors, projection_weight::count);
    EXPECT_FALSE(count.is_directed());
    EXPECT_EQ(count.num_vertices(), 3u);
    EXPECT_EQ(count.num_ties(), 2u);
    EXPECT_FALSE(count.is_weighted());  // every count is 1
    EXPECT_DOUBLE_EQ(weight_between(count, 0, 2), 0.0);
    const auto newman = projection(g, two_mode_side::actors, projection_weight::newman);
    EXPECT_DOUBLE_EQ(weight_between(newman, 0, 1), 1.0);  // 1 / (2 - 1)
    const auto jaccard = projection(g, two_mode_side::actors, projection_weight::jaccard);
    EXPECT_DOUBLE_EQ(weight_between(jaccard, 0, 1), 0.5);  // |{e0}| / |{e0, e1}|
    const auto overlap = projection(g, two_mode_side::actors, projection_weight::overlap);
    EXPECT_DOUBLE_EQ(weight_between(overlap, 1, 0), 1.0);  // |{e0}| / min(1, 2)
    // Events: e0-e1 share a1 only.
    const auto events_jaccard = projection(g, two_mode_side::events, projection_weight::jaccard);
    EXPECT_EQ(events_jaccard.ids(), (std::vector<std::string>{"e0", "e1"}));
    EXPECT_DOUBLE_EQ(weight_between(events_jaccard, 0, 1), 1.0 / 3.0);  // |{a1}| / |{a0, a1, a2}|
    EXPECT_DOUBLE_EQ(weight_between(projection(g, two_mode_side::events, projection_weight::overlap), 0, 1), 0.5);
    // The projection is a snapshot: existing measures run on it.
    EXPECT_DOUBLE_EQ(density(count), 2.0 / 3.0);
}

TEST(TwoMode, CentralitiesOfAPath) {
    const auto g = path();  // A = 3 stakeholders, E = 2 events, N = 5
    const auto d = two_mode_degree(g);
    EXPECT_DOUBLE_EQ(d[0], 0.5);        // 1 event of 2
    EXPECT_DOUBLE_EQ(d[1], 1.0);        // 2 of 2
    EXPECT_DOUBLE_EQ(d[3], 2.0 / 3.0);  // e0: 2 of 3 stakeholders
    const auto c = two_mode_closeness(g);
    // a0: distances 1 + 2 + 3 + 4 = 10; best for a stakeholder E + 2(A - 1) = 6; 6 / 10.
    EXPECT_DOUBLE_EQ(c[0], 0.6);
    EXPECT_DOUBLE_EQ(c[1], 1.0);  // a1: 1 + 1 + 2 + 2 = 6
    // e0: 1 + 1 + 2 + 3 = 7; best for an event A + 2(E - 1) = 5; 5 / 7.
    EXPECT_DOUBLE_EQ(c[3], 5.0 / 7.0);
    const auto b = two_mode_betweenness(g);
    // Raw: a1 lies on the 4 pairs {a0, e0} x {e1, a2}; e0 on a0's 3 pairs with {a1, e1, a2}.
    // Stakeholder maximum (n 3, m 2; s, t = 1, 0): (4*4 + 2*2*(-2) - 0) / 2 = 4.
    // Event maximum (n 2, m 3; s, t = 0, 1): (9 + 3*1*1 - 1*2) / 2 = 5.
    EXPECT_DOUBLE_EQ(b[0], 0.0);
    EXPECT_DOUBLE_EQ(b[1], 1.0);
    EXPECT_DOUBLE_EQ(b[3], 0.6);
    EXPECT_DOUBLE_EQ(two_mode_density(g), 4.0 / 6.0);
    EXPECT_EQ(two_mode_components(g).count, 1u);
}

TEST(TwoMode, SelectionByWaveThemeAndRole) {
    alliance a;
    a.add_wave({"T0", "", "2021-10-01"});
    a.add_wave({"T1", "", "2022-11-15"});
    for (const char* id : {"p", "q", "r"}) {
        stakeholder s;
        s.id = id;
        s.kind = std::string(id) == "r" ? stakeholder_kind::organisation : stakeholder_kind::person;
        s.roles = {std::string(id) == "r" ? "welzijnswerk" : "bewoner"};
        a.add_stakeholder(s);
    }
    a.add_event({"before", "", "2021-09-01", {"sport"}, {}, {}});
    a.add_event({"during", "", "2022-03-01", {"racisme", "jongeren"}, {}, {}});
    a.add_event({"undated", "", "", {"sport"}, {}, {}});
    a.add_participation("p", "before");
    a.add_participation("q", "during");
    a.add_participation("r", "during");
    a.add_participation("r", "undated");

    two_mode_selection t1;
    t1.waves = {"T1"};  // after 2021-10-01, up to 2022-11-15
    const two_mode_network g(a, t1);
    EXPECT_EQ(g.event_ids(), (std::vector<std::string>{"during"}));
    EXPECT_EQ(g.actor_ids(), (std::vector<std::string>{"q", "r"}));

    two_mode_selection sport;
    sport.themes = {"sport"};
    sport.kinds = {"person"};
    const two_mode_network h(a, sport);
    EXPECT_EQ(h.event_ids(), (std::vector<std::string>{"before", "undated"}));
    EXPECT_EQ(h.actor_ids(), (std::vector<std::string>{"p"}));
    EXPECT_EQ(h.num_participations(), 1u);
    EXPECT_EQ(two_mode_components(h).count, 2u);  // {p, before} and the empty event

    two_mode_selection bad;
    bad.themes = {"knitting"};
    EXPECT_THROW(two_mode_network(a, bad), unknown_id_error);
}

TEST(TwoMode, SnapshotFromEdges) {
    // Undirected triangle given with one edge twice (merged by sum) and one self-edge (dropped):
    //   a --2+3-- b --1-- c --1-- a
    const auto g = snapshot::from_edges({"a", "b", "c"}, {0, 1, 2}, false, {0, 1, 1, 2, 2}, {1, 0, 2, 0, 2},
                                        {2.0, 3.0, 1.0, 1.0, 9.0});
    EXPECT_EQ(g.num_ties(), 3u);
    EXPECT_DOUBLE_EQ(weight_between(g, 0, 1), 5.0);
    EXPECT_DOUBLE_EQ(weight_between(g, 2, 0), 1.0);
    EXPECT_EQ(weak_components(g).count, 1u);
    EXPECT_THROW(snapshot::from_edges({"a"}, {0}, false, {0}, {1}), invalid_value_error);
    EXPECT_THROW(snapshot::from_edges({"a", "b"}, {0}, false, {0}, {1}), invalid_value_error);
    EXPECT_THROW(two_mode_network({"a"}, {"e"}, {{0, 1}}), invalid_value_error);
}
