// Alliance diagnostics on small alliances worked by hand (graphs drawn, arithmetic in the
// comments) and on the bundled example, whose deliberate flaws must be found. Brute-force
// checks of fragmentation and key players over all k-subsets are in
// tests/python/test_diagnostics.py.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "wijknet/wijknet.hpp"

using namespace wijknet;

namespace {

const double inf = std::numeric_limits<double>::infinity();

struct person {
    std::string id;
    std::vector<std::string> roles;
};

// One wave T0; ties of one relation `tie` (directed or not), or of the built-in `referral`.
alliance build(const std::vector<person>& people, const std::vector<std::pair<std::string, std::string>>& ties,
               bool directed_ties, const std::string& relation = "tie") {
    alliance a;
    a.add_wave({"T0", "", ""});
    if (relation == "tie") a.add_relation({"tie", "", directed_ties});
    for (const auto& p : people) {
        stakeholder s;
        s.id = p.id;
        s.roles = p.roles;
        a.add_stakeholder(s);
    }
    for (const auto& [s, t] : ties) a.add_tie(s, t, relation, "T0");
    return a;
}

scope in_t0(const std::string& relation = "tie") {
    scope s;
    s.relations = {relation};
    s.wave = "T0";
    return s;
}

std::vector<std::string> ids(const snapshot& g, const std::vector<std::uint32_t>& vs) {
    std::vector<std::string> out;
    for (auto v : vs) out.push_back(g.id(v));
    return out;
}

alliance example() { return read_csv_folder(std::string(WIJKNET_SOURCE_DIR) + "/examples/data"); }

}  // namespace

// ------------------------------------------------------------------------------- coverage

//   agent --- welzijn1 --- welzijn2        coc (no ties)
// Template "mini": wijkagent, welzijnswerk, lhbti_organisatie required; bewonersinitiatief
// recommended.
TEST(Coverage, StatusPerRole) {
    alliance a = build({{"agent", {"wijkagent"}}, {"welzijn1", {"welzijnswerk"}}, {"welzijn2", {"welzijnswerk"}},
                        {"coc", {"lhbti_organisatie"}}},
                       {{"agent", "welzijn1"}, {"welzijn1", "welzijn2"}}, false);
    method_template t;
    t.key = "mini";
    t.roles = {{"wijkagent", requirement_level::required, ""},
               {"welzijnswerk", requirement_level::required, ""},
               {"lhbti_organisatie", requirement_level::required, ""},
               {"bewonersinitiatief", requirement_level::recommended, ""}};
    a.add_template(t);
    const auto c = role_coverage(a, "mini", in_t0());
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0].status, coverage_status::single);  // one wijkagent, tied in
    EXPECT_EQ(c[0].holders, (std::vector<std::string>{"agent"}));
    EXPECT_EQ(c[1].status, coverage_status::covered);  // two welfare workers
    EXPECT_EQ(c[2].status, coverage_status::isolated);  // coc has no tie
    EXPECT_EQ(c[2].isolated_holders, (std::vector<std::string>{"coc"}));
    EXPECT_NE(c[2].explanation.find("single point of failure"), std::string::npos);
    EXPECT_EQ(c[3].status, coverage_status::absent);
    EXPECT_EQ(c[3].level, requirement_level::recommended);
    EXPECT_NE(c[3].explanation.find("No stakeholder in wave T0"), std::string::npos);
    EXPECT_THROW(role_coverage(a, "nope"), unknown_id_error);
}

// Same alliance: role x role ties and distances over wijkagent, welzijnswerk, lhbti.
TEST(Coverage, RoleMatrices) {
    const alliance a = build({{"agent", {"wijkagent"}}, {"welzijn1", {"welzijnswerk"}}, {"welzijn2", {"welzijnswerk"}},
                              {"coc", {"lhbti_organisatie"}}},
                             {{"agent", "welzijn1"}, {"welzijn1", "welzijn2"}}, false);
    const auto m = role_matrices(a, {"wijkagent", "welzijnswerk", "lgbti+ organisation"}, in_t0());
    EXPECT_EQ(m.roles[2], "lhbti_organisatie");  // labels are accepted and stored as keys
    // Ties: agent-welzijn1 counts both ways between the groups; welzijn1-welzijn2 once on the diagonal.
    EXPECT_EQ(m.ties, (std::vector<double>{0, 1, 0, 1, 1, 0, 0, 0, 0}));
    // Distances: agent - welzijn1 is 1; two different welzijnswerk holders are 1 apart; a single
    // wijkagent has no second holder (inf); coc reaches no one.
    EXPECT_EQ(m.distance, (std::vector<double>{inf, 1, inf, 1, 1, inf, inf, inf, inf}));
}

// Directed: x -> y -> z, roles A = {x}, B = {z}: along the ties A reaches B in 2, B never reaches A.
TEST(Coverage, DirectedDistances) {
    const alliance a = build({{"x", {"wijkagent"}}, {"y", {}}, {"z", {"gemeente"}}}, {{"x", "y"}, {"y", "z"}}, true);
    const auto out = role_matrices(a, {"wijkagent", "gemeente"}, in_t0(), direction::out);
    EXPECT_EQ(out.distance, (std::vector<double>{inf, 2, inf, inf}));
    const auto all = role_matrices(a, {"wijkagent", "gemeente"}, in_t0(), direction::all);
    EXPECT_EQ(all.distance, (std::vector<double>{inf, 2, 2, inf}));
}

// --------------------------------------------------------------------------------- chains

// Referral ties (directed):
//   b1 --> c1 --> w1 --> a
//   b2 -/      \-> w2 -/
// Chain bewonersinitiatief -> lhbti_organisatie -> welzijnswerk -> wijkagent: 2 starts x 2
// middles = 4 shortest routes of 3 ties; every route passes c1 and a, so 1 disjoint route;
// c1 and a are on all of them, w1, w2, b1, b2 on half.
const std::vector<person> chain_people = {{"b1", {"bewonersinitiatief"}}, {"b2", {"bewonersinitiatief"}},
                                          {"c1", {"lhbti_organisatie"}},  {"w1", {"welzijnswerk"}},
                                          {"w2", {"welzijnswerk"}},       {"a", {"wijkagent"}},
                                          {"x", {}}};
const chain referral_chain{{"bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"},
                           {"referral", "referral", "referral"}, false};

TEST(Chains, RoutesCountsAndShares) {
    const alliance a = build(chain_people,
                             {{"b1", "c1"}, {"b2", "c1"}, {"c1", "w1"}, {"c1", "w2"}, {"w1", "a"}, {"w2", "a"}},
                             true, "referral");
    const auto r = chain_routes(a, referral_chain, in_t0("referral"));
    EXPECT_TRUE(r.exists);
    EXPECT_EQ(r.length, 3u);
    EXPECT_EQ(r.shortest_routes, 4);
    ASSERT_EQ(r.routes.size(), 4u);
    EXPECT_EQ(r.routes[0], (std::vector<std::string>{"b1", "c1", "w1", "a"}));
    EXPECT_EQ(r.disjoint_routes, 1u);
    std::map<std::string, double> share(r.on_routes.begin(), r.on_routes.end());
    EXPECT_DOUBLE_EQ(share["c1"], 1.0);
    EXPECT_DOUBLE_EQ(share["a"], 1.0);
    EXPECT_DOUBLE_EQ(share["w1"], 0.5);
    EXPECT_DOUBLE_EQ(share["b2"], 0.5);
    EXPECT_EQ(share.count("x"), 0u);
    ASSERT_EQ(r.best_routes.size(), 2u);
    EXPECT_EQ(r.best_routes[1].first, "b2");
    EXPECT_EQ(r.best_routes[1].second, (std::vector<std::string>{"b2", "c1", "w1", "a"}));
    EXPECT_NE(r.explanation.find("depends on c1, a (on every shortest route)"), std::string::npos);
}

//   b1 --> c1 --> w1 --> a        Two routes sharing nobody: 2 disjoint routes.
//   b2 --> x  --> w2 --> a2       (x holds no role: only with intermediaries does b2 -> x -> c1 count)
TEST(Chains, DisjointRoutesAndIntermediaries) {
    auto people = chain_people;
    people.push_back({"c2", {"lhbti_organisatie"}});
    people.push_back({"a2", {"wijkagent"}});
    const alliance a = build(people, {{"b1", "c1"}, {"c1", "w1"}, {"w1", "a"}, {"b2", "c2"}, {"c2", "w2"}, {"w2", "a2"}},
                             true, "referral");
    const auto r = chain_routes(a, referral_chain, in_t0("referral"));
    EXPECT_EQ(r.shortest_routes, 2);
    EXPECT_EQ(r.disjoint_routes, 2u);

    const alliance via = build(chain_people, {{"b1", "x"}, {"x", "c1"}, {"c1", "w1"}, {"w1", "a"}}, true, "referral");
    EXPECT_FALSE(chain_routes(via, referral_chain, in_t0("referral")).exists);
    chain loose = referral_chain;
    loose.intermediaries = true;
    const auto r2 = chain_routes(via, loose, in_t0("referral"));
    EXPECT_TRUE(r2.exists);
    EXPECT_EQ(r2.length, 4u);  // b1 -> x -> c1 -> w1 -> a
    EXPECT_EQ(r2.routes[0], (std::vector<std::string>{"b1", "x", "c1", "w1", "a"}));
}

//   M (bewonersinitiatief + welzijnswerk) <-> L (lhbti),  M --> W,  B --> L --> Z --> W
// Routes, by hand: M-L-M-W, M-L-Z-W, B-L-M-W, B-L-Z-W. M takes two places in the first and is on three of
// the four (B-L-Z-W avoids it): its share is 0.75, not the 1.0 of adding its two layers' shares.
TEST(Chains, AStakeholderInTwoPlacesCountsOnce) {
    const alliance a = build({{"M", {"bewonersinitiatief", "welzijnswerk"}}, {"B", {"bewonersinitiatief"}},
                              {"L", {"lhbti_organisatie"}}, {"Z", {"welzijnswerk"}}, {"W", {"wijkagent"}}},
                             {{"M", "L"}, {"L", "M"}, {"M", "W"}, {"B", "L"}, {"L", "Z"}, {"Z", "W"}}, true, "referral");
    for (bool intermediaries : {false, true}) {
        chain c = referral_chain;
        c.intermediaries = intermediaries;
        const auto r = chain_routes(a, c, in_t0("referral"));
        EXPECT_EQ(r.shortest_routes, 4);
        EXPECT_EQ(r.routes.size(), 4u);
        std::map<std::string, double> share(r.on_routes.begin(), r.on_routes.end());
        EXPECT_DOUBLE_EQ(share["M"], 0.75);
        EXPECT_DOUBLE_EQ(share["L"], 1.0);
        EXPECT_DOUBLE_EQ(share["Z"], 0.5);
        EXPECT_EQ(r.disjoint_routes, 1u);
        EXPECT_TRUE(r.disjoint_exact);
        EXPECT_NE(r.explanation.find("depends on L, W (on every shortest route)"), std::string::npos);
    }
}

//   b1 --> c1      w1 --> a        The chain reaches c1 and stops: step 2 (lhbti -> welzijnswerk).
TEST(Chains, WhereItBreaks) {
    const alliance a = build(chain_people, {{"b1", "c1"}, {"w1", "a"}}, true, "referral");
    const auto r = chain_routes(a, referral_chain, in_t0("referral"));
    EXPECT_FALSE(r.exists);
    EXPECT_EQ(r.broken_step, 2u);
    EXPECT_EQ(r.stranded, (std::vector<std::string>{"c1"}));
    EXPECT_NE(r.explanation.find("breaks in wave T0 at step 2"), std::string::npos);
    EXPECT_EQ(r.best_routes[0].second, std::vector<std::string>{});
    chain bad = referral_chain;
    bad.relations = {"referral"};
    EXPECT_THROW(chain_routes(a, bad), invalid_value_error);
}

// ----------------------------------------------------------------------------- resilience

//   a - b - c     d - e     f
// n = 6; components 3, 2, 1: reachable ordered pairs 3*2 + 2*1 = 8; F = 1 - 8/30 = 11/15.
// 1/d over unordered pairs: a-b 1, b-c 1, a-c 1/2, d-e 1 = 3.5; ordered 7; DF = 1 - 7/30 = 23/30.
// Without b: a, c, d, e, f (n = 5), pairs 2 (d-e both ways); F = 1 - 2/20 = 0.9.
TEST(Resilience, Fragmentation) {
    const alliance a = build({{"a", {}}, {"b", {}}, {"c", {}}, {"d", {}}, {"e", {}}, {"f", {}}},
                             {{"a", "b"}, {"b", "c"}, {"d", "e"}}, false);
    const snapshot g(a, in_t0().to_selection());
    const auto f = fragmentation(make_graph_view(g));
    EXPECT_NEAR(f.fragmentation, 11.0 / 15.0, 1e-15);
    EXPECT_NEAR(f.distance_fragmentation, 23.0 / 30.0, 1e-15);
    EXPECT_EQ(f.components, 3u);
    EXPECT_EQ(f.largest_component, 3u);
    const auto without_b = fragmentation(make_graph_view(g), {0, 1, 0, 0, 0, 0});
    EXPECT_NEAR(without_b.fragmentation, 0.9, 1e-15);
    EXPECT_EQ(without_b.stakeholders, 5u);
    // The same through a scenario on a copy: the original keeps b.
    const alliance gone = without(a, {"b"});
    EXPECT_TRUE(a.find_stakeholder("b").has_value());
    EXPECT_NEAR(fragmentation(make_graph_view(snapshot(gone, in_t0().to_selection()))).fragmentation, 0.9, 1e-15);
}

// Directed x -> y -> z: along the ties 3 of 6 ordered pairs reach (x-y, x-z, y-z): F = 0.5;
// either way all 6: F = 0. DF along: 1 - (1 + 1/2 + 1)/6 = 7/12.
TEST(Resilience, DirectedFragmentation) {
    const alliance a = build({{"x", {}}, {"y", {}}, {"z", {}}}, {{"x", "y"}, {"y", "z"}}, true);
    const snapshot g(a, in_t0().to_selection());
    const auto along = fragmentation(make_graph_view(g), {}, direction::out);
    EXPECT_NEAR(along.fragmentation, 0.5, 1e-15);
    EXPECT_NEAR(along.distance_fragmentation, 7.0 / 12.0, 1e-15);
    EXPECT_NEAR(fragmentation(make_graph_view(g)).fragmentation, 0.0, 1e-15);
}

//   a - b - c - d - e
// KPP-Neg k = 1: removing c leaves {a, b}, {d, e}: pairs 4 of 12, F = 2/3; removing b leaves
// {a}, {c, d, e}: pairs 6, F = 1/2. So c.
// KPP-Neg k = 2: {b, d} leaves a, c, e isolated: F = 1; no other pair does. Greedy takes c
// first; {c, x} gives at best F = 2/3 and so does {a, c}, from which single swaps never reach
// {b, d}: a random restart does.
// KPP-Pos k = 2, distance 1: {b, d} reach a, c, e: 3 of the 3 others = 1.
TEST(Resilience, KeyPlayersOnAPath) {
    const alliance a = build({{"a", {}}, {"b", {}}, {"c", {}}, {"d", {}}, {"e", {}}},
                             {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}}, false);
    const snapshot g(a, in_t0().to_selection());
    const graph_view v = make_graph_view(g);
    key_player_options o;
    o.k = 1;
    auto r = key_players(v, o);
    EXPECT_EQ(ids(g, r.players), (std::vector<std::string>{"c"}));
    EXPECT_NEAR(r.score, 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(r.before, 0.0, 1e-15);
    o.k = 2;
    r = key_players(v, o);
    std::sort(r.players.begin(), r.players.end());
    EXPECT_EQ(ids(g, r.players), (std::vector<std::string>{"b", "d"}));
    EXPECT_NEAR(r.score, 1.0, 1e-15);
    o.objective = key_player_objective::reach;  // {b, d} or {a, d} or {b, e}: all reach everyone
    r = key_players(v, o);
    EXPECT_NEAR(r.score, 1.0, 1e-15);
    o.max_distance = 2;  // within 2 ties c alone reaches all 4 others
    o.k = 1;
    r = key_players(v, o);
    EXPECT_EQ(ids(g, r.players), (std::vector<std::string>{"c"}));
    EXPECT_NEAR(r.score, 1.0, 1e-15);
    // DF, k = 1: without c, 1/d sums to 4 ordered pairs of distance 1: DF = 1 - 4/12 = 2/3;
    // without b: a alone, c-d 1, d-e 1, c-e 1/2 -> ordered 5: DF = 1 - 5/12. So c again.
    o.objective = key_player_objective::distance_fragmentation;
    o.k = 1;
    r = key_players(v, o);
    EXPECT_EQ(ids(g, r.players), (std::vector<std::string>{"c"}));
    EXPECT_NEAR(r.score, 2.0 / 3.0, 1e-15);
    o.k = 6;
    EXPECT_THROW(key_players(v, o), invalid_value_error);
}

// --------------------------------------------------------------------------------- ties to add

//   a - b - c     d - e     f        (a, b, c: welzijnswerk; d, e, f: bewoner)
// Joining {a,b,c} and {d,e}: 2*3*2 = 12 more reachable pairs, F 22/30 -> 10/30; endpoints the
// best-tied: b (2 ties) and d. Then {a..e} and {f}: 2*5*1 = 10: F -> 0.
TEST(Suggestions, Fragmentation) {
    const alliance a = build({{"a", {"welzijnswerk"}}, {"b", {"welzijnswerk"}}, {"c", {"welzijnswerk"}},
                              {"d", {"bewoner"}}, {"e", {"bewoner"}}, {"f", {"bewoner"}}},
                             {{"a", "b"}, {"b", "c"}, {"d", "e"}}, false);
    suggestion_options o;
    o.k = 5;
    const auto s = suggest_ties(a, in_t0(), o);
    ASSERT_EQ(s.size(), 2u);  // after two ties everyone is connected: nothing more to gain
    EXPECT_EQ(s[0].source, "b");
    EXPECT_EQ(s[0].target, "d");
    EXPECT_NEAR(s[0].before, 22.0 / 30.0, 1e-15);
    EXPECT_NEAR(s[0].after, 10.0 / 30.0, 1e-15);
    EXPECT_NEAR(s[1].after, 0.0, 1e-15);
    EXPECT_NE(s[0].reason.find("joins the group of 3 around welzijnswerk b to the group of 2"), std::string::npos);
    // Constraints: b and d may not be paired, and at most one new tie per stakeholder.
    o.excluded = {{"d", "b"}};
    o.max_per_stakeholder = 1;
    const auto t = suggest_ties(a, in_t0(), o);
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].source, "b");
    EXPECT_EQ(t[0].target, "e");
    EXPECT_EQ(t[1].source, "a");  // b used its one new tie; a is next best-tied
    EXPECT_EQ(t[1].target, "f");
    // Only between welzijnswerk and bewoner roles is the same here; only bewoner-bewoner leaves
    // {a,b,c} out: d/e joined to f only.
    o = {};
    o.from_roles = {"bewoner"};
    o.to_roles = {"bewoner"};
    const auto u = suggest_ties(a, in_t0(), o);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u[0].source, "d");
    EXPECT_EQ(u[0].target, "f");
}

//   b1 --> c1      w1 --> a    (referral): the tie c1 -> w1 completes the one chain.
TEST(Suggestions, CompleteAChain) {
    const alliance a = build(chain_people, {{"b1", "c1"}, {"w1", "a"}}, true, "referral");
    suggestion_options o;
    o.objective = suggestion_objective::chain;
    o.target = referral_chain;
    o.k = 3;
    const auto s = suggest_ties(a, in_t0("referral"), o);
    ASSERT_GE(s.size(), 1u);
    EXPECT_EQ(s[0].source, "c1");
    EXPECT_EQ(s[0].target, "w1");
    EXPECT_EQ(s[0].relation, "referral");
    EXPECT_EQ(s[0].before, 0);
    EXPECT_EQ(s[0].after, 1);
    EXPECT_EQ(s[0].reason, "connects the only lhbti_organisatie c1 to welzijnswerk w1; completes 1 chain "
                           "(a route for 1 more bewonersinitiatief)");
}

//   b1 --> c1 --> w1 --> a        Both starts have a route, but every route passes w1 and a:
//   b2 --> c2 ---/   w2 --> a2    1 disjoint route. c1 -> w2 (the first of the equals, c1 - w2
//                                 and c2 - w2) opens b1 c1 w2 a2 beside b2 c2 w1 a: 2.
TEST(Suggestions, AddADisjointRoute) {
    auto people = chain_people;
    people.push_back({"c2", {"lhbti_organisatie"}});
    people.push_back({"a2", {"wijkagent"}});
    const alliance a = build(people, {{"b1", "c1"}, {"c1", "w1"}, {"w1", "a"}, {"b2", "c2"}, {"c2", "w1"}, {"w2", "a2"}},
                             true, "referral");
    EXPECT_EQ(chain_routes(a, referral_chain, in_t0("referral")).disjoint_routes, 1u);
    suggestion_options o;
    o.objective = suggestion_objective::chain;
    o.target = referral_chain;
    o.k = 2;
    const auto s = suggest_ties(a, in_t0("referral"), o);
    ASSERT_EQ(s.size(), 1u);  // with two starts, two disjoint routes is the most there can be
    EXPECT_EQ(s[0].source, "c1");
    EXPECT_EQ(s[0].target, "w2");
    EXPECT_EQ(s[0].before, 2);  // both starts already have a route
    EXPECT_NE(s[0].reason.find("adds a route that shares no stakeholder with the existing ones (1 -> 2)"),
              std::string::npos);
}

//   x - y - z       (x wijkagent, z gemeente; d(x, z) = 2, closeness 1/2)
// Best tie for distance wijkagent -> gemeente: x - z directly (closeness 1).
TEST(Suggestions, Distance) {
    const alliance a = build({{"x", {"wijkagent"}}, {"y", {}}, {"z", {"gemeente"}}}, {{"x", "y"}, {"y", "z"}}, false);
    suggestion_options o;
    o.objective = suggestion_objective::distance;
    o.role_a = "wijkagent";
    o.role_b = "gemeente";
    const auto s = suggest_ties(a, in_t0(), o);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].source, "x");
    EXPECT_EQ(s[0].target, "z");
    EXPECT_NEAR(s[0].before, 0.5, 1e-15);
    EXPECT_NEAR(s[0].after, 1.0, 1e-15);
}

// ------------------------------------------------------------------------- bundled example

TEST(Example, CoverageFindsTheFlaws) {
    const alliance a = example();
    scope t0;
    t0.wave = "T0";
    const auto c = role_coverage(a, "samen_in_de_wijk", t0);
    auto find = [&](const std::string& role) {
        for (const auto& e : c)
            if (e.role == role) return e;
        return role_coverage_entry{};
    };
    EXPECT_EQ(find("antidiscriminatievoorziening").status, coverage_status::absent);
    EXPECT_EQ(find("wijkagent").status, coverage_status::single);
    EXPECT_EQ(find("wijkagent").holders, (std::vector<std::string>{"wijkagent_kwikstaart"}));
    EXPECT_EQ(find("bewonersinitiatief").isolated_holders, (std::vector<std::string>{"moestuin_de_vlinderhof"}));
    scope t1;
    t1.wave = "T1";
    EXPECT_EQ(role_coverage(a, "samen_in_de_wijk", t1)[0].status, coverage_status::single);
}

TEST(Example, TheReferralChainDependsOnTheOpbouwwerker) {
    const alliance a = example();
    scope t0;
    t0.relations = {"referral"};
    t0.wave = "T0";
    const chain c{{"bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"}, {}, false};
    const auto r = chain_routes(a, c, t0);
    ASSERT_TRUE(r.exists);
    ASSERT_EQ(r.routes.size(), 1u);
    EXPECT_EQ(r.routes[0], (std::vector<std::string>{"stichting_een_wijk", "coc_rivierstad", "opbouwwerker_grutto",
                                                     "wijkagent_kwikstaart"}));
    EXPECT_EQ(r.disjoint_routes, 1u);
    // Without the opbouwwerker (who leaves after T0) the T0 chain is broken after coc_rivierstad.
    const auto broken = chain_routes(without(a, {"opbouwwerker_grutto"}), c, t0);
    EXPECT_FALSE(broken.exists);
    EXPECT_EQ(broken.broken_step, 2u);
    EXPECT_EQ(broken.stranded, (std::vector<std::string>{"coc_rivierstad"}));
    // At T1 new routes via welzijn_rivierstad and jongerenwerker_roodborst replace it.
    scope t1 = t0;
    t1.wave = "T1";
    const auto later = chain_routes(a, c, t1);
    EXPECT_TRUE(later.exists);
    // Without the wijkagent every route is gone.
    EXPECT_FALSE(chain_routes(without(a, {"wijkagent_kwikstaart"}), c, t1).exists);
    // The tie that would repair the T0 chain without the opbouwwerker: coc_rivierstad to a welfare worker.
    suggestion_options o;
    o.objective = suggestion_objective::chain;
    o.target = c;
    o.k = 1;
    const auto s = suggest_ties(without(a, {"opbouwwerker_grutto"}), t0, o);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].source, "coc_rivierstad");
    EXPECT_EQ(s[0].after, 1);
}

TEST(Example, ScenarioAssessment) {
    const alliance a = example();
    scope t0;
    t0.wave = "T0";
    const std::vector<chain> chains{{{"bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"},
                                     {"referral", "referral", "referral"}, false}};
    const auto before = assess(a, t0, "samen_in_de_wijk", chains);
    const auto after = assess(without(a, {"wijkagent_kwikstaart"}), t0, "samen_in_de_wijk", chains);
    EXPECT_EQ(before.chains_working, std::vector<char>{1});
    EXPECT_EQ(after.chains_working, std::vector<char>{0});
    EXPECT_EQ(std::count(after.roles_absent.begin(), after.roles_absent.end(), "wijkagent"), 1);
    EXPECT_GE(after.fragmentation.fragmentation, before.fragmentation.fragmentation);
}
