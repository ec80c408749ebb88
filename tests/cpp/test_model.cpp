// The alliance model: its invariants, and every error path with the message it gives.
#include <gtest/gtest.h>

#include <string>

#include "wijknet/model/alliance.hpp"
#include "expect_throw.hpp"

using namespace wijknet;

namespace {


stakeholder make(std::string id, std::vector<std::string> roles, std::vector<std::string> waves = {}) {
    stakeholder s;
    s.id = std::move(id);
    s.roles = std::move(roles);
    s.waves = std::move(waves);
    return s;
}

// A small alliance:  agent -- welzijn (collaboration, T0)
//                    coc -> welzijn -> agent (referral, T0 and T1)
//                    buurt (T1 only)
alliance small() {
    alliance a;
    a.add_wave({"T0", "T0 2021", "2021-10-01"});
    a.add_wave({"T1", "T1 2022", "2022-11-15"});
    a.add_stakeholder(make("agent", {"wijkagent"}));
    a.add_stakeholder(make("welzijn", {"welzijnswerk"}));
    a.add_stakeholder(make("coc", {"lhbti_organisatie", "zelforganisatie"}));
    a.add_stakeholder(make("buurt", {"bewonersinitiatief"}, {"T1"}));
    a.add_tie("agent", "welzijn", "collaboration", "T0", 3);
    a.add_tie("coc", "welzijn", "referral", "T0");
    a.add_tie("welzijn", "agent", "referral", "T0");
    a.add_tie("coc", "welzijn", "referral", "T1", 2);
    return a;
}

// Everything observable about an alliance, to check that a failed edit changed nothing.
std::string fingerprint(const alliance& a) {
    std::string out;
    for (const auto& s : a.stakeholders()) {
        out += s.id + "/" + s.name + "/" + to_string(s.kind) + "[";
        for (const auto& r : s.roles) out += r + ",";
        for (const auto& w : s.waves) out += w + ";";
        for (const auto& [k, v] : s.attributes) out += k + "=" + to_string(v.value) + (v.sensitive ? "!" : "");
        out += "]\n";
    }
    for (const auto& t : a.ties()) out += a.describe(t) + " w=" + format_number(t.weight) + "\n";
    for (const auto& e : a.events()) {
        out += e.id + ":";
        for (const auto& o : e.organisers) out += o + ",";
        out += "\n";
    }
    for (const auto& p : a.participations())
        out += a.stakeholders()[p.stakeholder].id + "@" + a.events()[p.event].id + "\n";
    out += std::to_string(a.relations().size()) + " relations, " + std::to_string(a.waves().size()) + " waves, " +
           std::to_string(a.roles().size()) + " roles, " + std::to_string(a.templates().size()) + " templates";
    return out;
}

}  // namespace

TEST(Taxonomy, BuiltInRolesHaveDutchKeysAndEnglishLabels) {
    alliance a;
    EXPECT_EQ(a.roles().size(), 10u);
    EXPECT_EQ(a.roles().at("wijkagent").label, "community police officer");
    EXPECT_EQ(a.roles().at("Community Police Officer").key, "wijkagent");  // label, any case
    EXPECT_EQ(a.roles().at("LHBTI_Organisatie").key, "lhbti_organisatie");
    EXPECT_EQ(a.themes().at("human rights").key, "mensenrechten");
    for (const char* key : {"welzijnswerk", "zelforganisatie", "bewonersinitiatief", "sociale_partner", "gemeente",
                            "antidiscriminatievoorziening", "kerngroep", "bewoner"})
        EXPECT_TRUE(a.roles().contains(key)) << key;
}

TEST(Taxonomy, UnknownRoleNamesTheClosest) {
    alliance a;
    EXPECT_THROW_WITH(a.roles().at("wijkagnt"), unknown_id_error, "did you mean 'wijkagent'");
    EXPECT_THROW_WITH(a.roles().at("welzijnwerk"), unknown_id_error, "'welzijnswerk'");
    EXPECT_THROW_WITH(a.add_stakeholder(make("x", {"polce officer"})), unknown_id_error, "stakeholder 'x'");
}

TEST(Taxonomy, UsersAddRolesButNotTwice) {
    alliance a;
    a.add_role({"jongerenwerk", "youth work", ""});
    EXPECT_EQ(a.roles().at("Youth Work").key, "jongerenwerk");
    EXPECT_THROW_WITH(a.add_role({"Wijkagent", "other", ""}), duplicate_id_error, "already exists");
    EXPECT_THROW_WITH(a.add_role({"politie", "community police officer", ""}), duplicate_id_error, "wijkagent");
    EXPECT_THROW_WITH(a.add_role({"", "nothing", ""}), invalid_value_error, "non-empty key");
}

TEST(Templates, BuiltInTemplatesAreData) {
    alliance a;
    const auto& siw = a.template_at("samen_in_de_wijk");
    EXPECT_EQ(siw.roles_at(requirement_level::required),
              (std::vector<std::string>{"wijkagent", "welzijnswerk", "sociale_partner", "bewonersinitiatief",
                                        "zelforganisatie", "lhbti_organisatie", "gemeente"}));
    for (const auto& r : siw.roles) EXPECT_FALSE(r.source.empty()) << r.role;
    EXPECT_EQ(a.template_at("alle_kleuren").roles_at(requirement_level::required),
              (std::vector<std::string>{"kerngroep", "bewoner"}));
}

TEST(Templates, UserTemplatesAreCheckedAgainstTheTaxonomy) {
    alliance a;
    a.add_template({"mini", "Mini", "", {{"Community police officer", requirement_level::required, "us"}}});
    EXPECT_EQ(a.template_at("mini").roles[0].role, "wijkagent");  // label stored as key
    EXPECT_THROW_WITH(a.add_template({"bad", "", "", {{"wijkagnt", requirement_level::required, ""}}}),
                      unknown_id_error, "did you mean 'wijkagent'");
    EXPECT_THROW_WITH(a.add_template({"mini", "", "", {}}), duplicate_id_error, "'mini' already exists");
    EXPECT_THROW_WITH(a.template_at("samen_in_de_wyk"), unknown_id_error, "samen_in_de_wijk");
    EXPECT_FALSE(a.find_template("bad"));
}

TEST(Stakeholders, AddFindAndCanonicalise) {
    alliance a = small();
    EXPECT_EQ(a.num_stakeholders(), 4u);
    EXPECT_EQ(a.stakeholder_index("coc"), 2u);
    EXPECT_EQ(a.stakeholder_at("agent").name, "agent");  // name defaults to the id
    stakeholder s = make("dup_roles", {"resident", "bewoner", "BEWONER"});
    a.add_stakeholder(s);
    EXPECT_EQ(a.stakeholder_at("dup_roles").roles, std::vector<std::string>{"bewoner"});
    EXPECT_TRUE(a.present(a.stakeholder_index("agent"), 1));
    EXPECT_FALSE(a.present(a.stakeholder_index("buurt"), 0));
}

TEST(Stakeholders, ErrorsNameTheId) {
    alliance a = small();
    EXPECT_THROW_WITH(a.add_stakeholder(make("coc", {})), duplicate_id_error, "stakeholder 'coc' already exists");
    EXPECT_THROW_WITH(a.add_stakeholder(make("", {})), invalid_value_error, "non-empty id");
    EXPECT_THROW_WITH(a.add_stakeholder(make("new", {}, {"T2"})), unknown_id_error, "unknown wave 'T2'");
    EXPECT_THROW_WITH(a.stakeholder_index("agnet"), unknown_id_error, "did you mean 'agent'");
    EXPECT_THROW_WITH(a.remove_stakeholder("nobody"), unknown_id_error, "unknown stakeholder 'nobody'");
    EXPECT_THROW_WITH(parse_stakeholder_kind("club"), invalid_value_error, "expected organisation, person");
    EXPECT_EQ(parse_stakeholder_kind("Persoon"), stakeholder_kind::person);
}

TEST(Stakeholders, UpdateKeepsTiesValid) {
    alliance a = small();
    stakeholder s = a.stakeholder_at("welzijn");
    s.attributes["budget"] = {120000.0, false};
    s.waves = {"T0", "T1"};
    a.update_stakeholder(s);
    EXPECT_EQ(std::get<double>(a.stakeholder_at("welzijn").attributes.at("budget").value), 120000.0);
    const std::string before = fingerprint(a);
    s.waves = {"T1"};  // welzijn has T0 ties
    EXPECT_THROW_WITH(a.update_stakeholder(s), invalid_value_error, "tie in wave 'T0'");
    EXPECT_EQ(fingerprint(a), before);
    EXPECT_THROW_WITH(a.update_stakeholder(make("ghost", {})), unknown_id_error, "ghost");
}

TEST(Stakeholders, RemovalTakesTiesParticipationsAndOrganiserRolesWithIt) {
    alliance a = small();
    a.add_event({"ev1", "Buurtfeest", "2022-06-01", {"veiligheid"}, {"welzijn", "coc"}, {}});
    a.add_participation("welzijn", "ev1");
    a.add_participation("agent", "ev1");
    a.remove_stakeholder("welzijn");
    EXPECT_EQ(a.num_stakeholders(), 3u);
    EXPECT_EQ(a.num_ties(), 0u);  // every tie touched welzijn
    ASSERT_EQ(a.participations().size(), 1u);
    EXPECT_EQ(a.stakeholders()[a.participations()[0].stakeholder].id, "agent");
    EXPECT_EQ(a.events()[0].organisers, std::vector<std::string>{"coc"});
    EXPECT_EQ(a.stakeholder_index("buurt"), 2u);  // indices shifted, ids still resolve
    a.add_tie("coc", "agent", "referral", "T0");  // the index of ties was rebuilt
    EXPECT_THROW(a.add_tie("coc", "agent", "referral", "T0"), duplicate_id_error);
}

TEST(Ties, MultiplexDirectedAndUndirected) {
    alliance a = small();
    EXPECT_EQ(a.num_ties(), 4u);
    // Collaboration is undirected: (welzijn, agent) is the same tie as (agent, welzijn).
    EXPECT_TRUE(a.find_tie("welzijn", "agent", "collaboration", "T0"));
    EXPECT_THROW_WITH(a.add_tie("welzijn", "agent", "collaboration", "T0"), duplicate_id_error,
                      "collaboration tie 'welzijn' -- 'agent' in wave 'T0' already exists");
    // Referral is directed: the reverse is another tie; another relation on the same pair too.
    EXPECT_FALSE(a.find_tie("agent", "welzijn", "referral", "T1"));
    a.add_tie("agent", "welzijn", "referral", "T0");
    a.add_tie("agent", "welzijn", "trust", "T0", 4.5, {{"item", {std::string("reliability"), false}}});
    EXPECT_EQ(a.num_ties(), 6u);
    EXPECT_EQ(a.ties().back().weight, 4.5);
    EXPECT_EQ(std::get<std::string>(a.ties().back().attributes.at("item").value), "reliability");
}

TEST(Ties, ErrorsNameWhatIsWrongAndChangeNothing) {
    alliance a = small();
    const std::string before = fingerprint(a);
    EXPECT_THROW_WITH(a.add_tie("agent", "nobody", "referral", "T0"), unknown_id_error, "unknown stakeholder 'nobody'");
    EXPECT_THROW_WITH(a.add_tie("agent", "coc", "refferal", "T0"), unknown_id_error, "did you mean 'referral'");
    EXPECT_THROW_WITH(a.add_tie("agent", "coc", "referral", "T9"), unknown_id_error, "unknown wave 'T9'");
    EXPECT_THROW_WITH(a.add_tie("agent", "buurt", "referral", "T0"), invalid_value_error,
                      "'buurt' does not take part in wave 'T0'");
    EXPECT_THROW_WITH(a.add_tie("agent", "coc", "referral", "T0", std::nan("")), invalid_value_error,
                      "weight must be a finite number");
    EXPECT_THROW_WITH(a.add_tie("coc", "welzijn", "referral", "T0"), duplicate_id_error,
                      "referral tie 'coc' -> 'welzijn' in wave 'T0' already exists");
    EXPECT_THROW_WITH(a.remove_tie("coc", "agent", "referral", "T0"), unknown_id_error, "no referral tie");
    EXPECT_EQ(fingerprint(a), before);
}

TEST(Ties, Removal) {
    alliance a = small();
    a.remove_tie("agent", "welzijn", "collaboration", "T0");  // undirected: either order
    EXPECT_EQ(a.num_ties(), 3u);
    EXPECT_FALSE(a.find_tie("welzijn", "agent", "collaboration", "T0"));
    EXPECT_TRUE(a.find_tie("coc", "welzijn", "referral", "T1"));  // index still right after the shift
    a.add_tie("welzijn", "agent", "collaboration", "T0");         // and the key is free again
}

TEST(Ties, SelfTiesAreKept) {
    alliance a = small();
    a.add_tie("coc", "coc", "information", "T0");
    EXPECT_TRUE(a.find_tie("coc", "coc", "information", "T0"));
}

TEST(Relations, DeclareAndLookUp) {
    alliance a;
    EXPECT_EQ(a.relations().size(), 4u);
    EXPECT_FALSE(a.relations()[a.relation_index("collaboration")].directed);
    EXPECT_TRUE(a.relations()[a.relation_index("referral")].directed);
    a.add_relation({"advice", "Advies (advice)", true});
    EXPECT_EQ(a.relation_index("advice"), 4u);
    EXPECT_THROW_WITH(a.add_relation({"trust", "", false}), duplicate_id_error, "relation 'trust' already exists");
    EXPECT_THROW_WITH(a.add_relation({"", "", false}), invalid_value_error, "non-empty id");
    EXPECT_THROW_WITH(a.add_wave({"", "", ""}), invalid_value_error, "non-empty id");
    alliance bare(builtins::exclude);
    EXPECT_EQ(bare.relations().size(), 0u);
    EXPECT_EQ(bare.roles().size(), 0u);
    EXPECT_THROW_WITH(bare.wave_index("T0"), unknown_id_error, "none is declared yet");
}

TEST(Waves, OrderIsDeclarationOrder) {
    alliance a = small();
    EXPECT_EQ(a.wave_index("T0"), 0u);
    EXPECT_EQ(a.wave_index("T1"), 1u);
    EXPECT_EQ(a.waves()[1].date, "2022-11-15");
    EXPECT_THROW_WITH(a.add_wave({"T1", "", ""}), duplicate_id_error, "wave 'T1' already exists");
}

TEST(Waves, DatesAreReadDayFirstOrIsoAndKeptInTimeOrder) {
    alliance a;
    a.add_wave({"T0", "", "1-10-2021"});   // Dutch Excel: day first
    a.add_wave({"T1", "", "2022/11/15"});  // ISO with slashes
    EXPECT_EQ(a.waves()[0].date, "2021-10-01");
    EXPECT_EQ(a.waves()[1].date, "2022-11-15");
    EXPECT_THROW_WITH(a.add_wave({"T2", "", "2022-01-01"}), invalid_value_error,
                      "wave 'T2' is dated 2022-01-01, before wave 'T1' (2022-11-15); expected the waves in time order");
    EXPECT_THROW_WITH(a.add_wave({"T2", "", "15-11-22"}), invalid_value_error,
                      "wave 'T2': date '15-11-22' is not a date; write it as year-month-day (2021-10-23) or "
                      "day-month-year (23-10-2021)");
    EXPECT_EQ(a.waves().size(), 2u);
    a.add_wave({"T2", "", ""});  // no date: nothing to order by
    EXPECT_EQ(a.waves()[2].date, "");
}

TEST(Events, DatesAreCanonical) {
    alliance a = small();
    event e;
    e.id = "E9", e.date = "23-10-2021";
    a.add_event(e);
    EXPECT_EQ(a.events().back().date, "2021-10-23");
    e.id = "E10", e.date = "30-02-2022";  // no such day
    EXPECT_THROW_WITH(a.add_event(e), invalid_value_error, "event 'E10': date '30-02-2022' is not a date");
}

TEST(Events, TwoModeParticipation) {
    alliance a = small();
    a.add_event({"ev1", "", "2022-03-01", {"Human rights", "sport", "sport"}, {"coc"}, {}});
    EXPECT_EQ(a.events()[0].name, "ev1");
    EXPECT_EQ(a.events()[0].themes, (std::vector<std::string>{"mensenrechten", "sport"}));
    a.add_participation("coc", "ev1", {{"as", {std::string("organiser"), false}}});
    a.add_participation("buurt", "ev1");
    EXPECT_EQ(a.participations().size(), 2u);

    const std::string before = fingerprint(a);
    EXPECT_THROW_WITH(a.add_event({"ev1", "", "", {}, {}, {}}), duplicate_id_error, "event 'ev1' already exists");
    EXPECT_THROW_WITH(a.add_event({"ev2", "", "", {"racism", "footbal"}, {}, {}}), unknown_id_error,
                      "unknown theme 'footbal'");
    EXPECT_THROW_WITH(a.add_event({"ev2", "", "", {}, {"kok"}, {}}), unknown_id_error,
                      "event 'ev2': organiser unknown stakeholder 'kok'; did you mean 'coc'");
    EXPECT_THROW_WITH(a.add_participation("coc", "ev1"), duplicate_id_error, "already exists");
    EXPECT_THROW_WITH(a.add_participation("coc", "ev9"), unknown_id_error, "unknown event 'ev9'");
    EXPECT_THROW_WITH(a.remove_participation("agent", "ev1"), unknown_id_error, "'agent' has no participation");
    EXPECT_EQ(fingerprint(a), before);

    a.add_event({"ev2", "", "", {}, {}, {}});
    a.add_participation("agent", "ev2");
    a.remove_event("ev1");
    ASSERT_EQ(a.participations().size(), 1u);
    EXPECT_EQ(a.events()[a.participations()[0].event].id, "ev2");
    a.remove_participation("agent", "ev2");
    EXPECT_TRUE(a.participations().empty());
}

TEST(Attributes, TypedAndSensitive) {
    alliance a = small();
    stakeholder s = make("p", {"bewoner"});
    s.attributes["years"] = {7.0, false};
    s.attributes["volunteer"] = {true, false};
    s.attributes["lhbti_focus"] = {true, true};
    s.attributes["note"] = {std::string("x"), false};
    s.attributes["unknown"] = {missing{}, false};
    a.add_stakeholder(s);
    const auto& got = a.stakeholder_at("p").attributes;
    EXPECT_TRUE(got.at("lhbti_focus").sensitive);
    EXPECT_FALSE(got.at("years").sensitive);
    EXPECT_TRUE(is_missing(got.at("unknown").value));
    EXPECT_EQ(to_string(got.at("years").value), "7");
    EXPECT_EQ(to_string(attribute_value{0.1}), "0.1");
    EXPECT_EQ(to_string(got.at("volunteer").value), "true");
    EXPECT_EQ(to_string(got.at("unknown").value), "");
}

TEST(StrongGuarantee, EveryRejectedEditLeavesTheAllianceAsItWas) {
    alliance a = small();
    a.add_event({"ev1", "", "", {}, {"coc"}, {}});
    const std::string before = fingerprint(a);
    auto rejected = [&](auto&& edit) {
        EXPECT_THROW(edit(), error);
        EXPECT_EQ(fingerprint(a), before);
    };
    rejected([&] { a.add_stakeholder(make("agent", {})); });
    rejected([&] { a.add_stakeholder(make("z", {"nonsense"})); });
    rejected([&] { a.add_tie("agent", "buurt", "trust", "T0"); });
    rejected([&] { a.remove_stakeholder("zz"); });
    rejected([&] { a.remove_tie("agent", "coc", "trust", "T0"); });
    rejected([&] { a.add_event({"ev2", "", "", {"x"}, {}, {}}); });
    rejected([&] { a.remove_event("ev9"); });
    rejected([&] { a.add_participation("agent", "ev9"); });
    rejected([&] { a.add_relation({"trust", "", true}); });
    rejected([&] { a.add_wave({"T0", "", ""}); });
    rejected([&] { a.add_role({"bewoner", "", ""}); });
    rejected([&] { a.add_template({"x", "", "", {{"nope", requirement_level::required, ""}}}); });
    rejected([&] { a.update_stakeholder(make("agent", {"nope"})); });
}

// What the data describe: in the order first set, replaced in place, removed by an empty value; a
// refused entry changes nothing (test_import.cpp: the writers keep it).
TEST(About, KeepsOrderReplacesAndRemoves) {
    alliance a;
    a.set_about("neighbourhood", "Oost");
    a.set_about("municipality", "Rivierstad");
    a.set_about("neighbourhood", "Vogelwijk-Oost");
    const std::vector<std::pair<std::string, std::string>> expected{{"neighbourhood", "Vogelwijk-Oost"},
                                                                    {"municipality", "Rivierstad"}};
    EXPECT_EQ(a.about(), expected);
    EXPECT_THROW(a.set_about("source", "two\nlines"), invalid_value_error);
    EXPECT_THROW(a.set_about("", "x"), invalid_value_error);
    EXPECT_EQ(a.about(), expected);
    a.set_about("neighbourhood", "");
    EXPECT_EQ(a.about().size(), 1u);
}
