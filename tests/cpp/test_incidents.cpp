// The incident log: the model's rules, the CSV and JSON readers and writers, and the analyses,
// on a small log worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "wijknet/diagnostics/incidents.hpp"
#include "wijknet/io/csv_folder.hpp"
#include "wijknet/io/json.hpp"
#include "expect_throw.hpp"

using namespace wijknet;

namespace {


// The small alliance and log used throughout.
//
//   stakeholders: bi (bewonersinitiatief), coc (lhbti_organisatie), wz (welzijnswerk), agent (wijkagent)
//   referral ties on paper, wave T0 (2022-01-01):  bi -> coc -> wz -> agent,  and bi -> wz
//
//   M1 (intimidatie, 2022-03-01 10:00)
//      10:00 bi ontvangen
//      11:00 bi doorverwezen -> coc            (along bi -> coc)
//      13:00 coc doorverwezen -> wz            (along coc -> wz; coc waited 2 h: its first step after
//                                               the 11:00 handoff is this one)
//      15:00 wz opgepakt                       (first action 5 h after the report; wz waited 2 h)
//      16:00 wz doorverwezen -> agent          (along wz -> agent)
//      20:00 agent afgesloten                  (closure 10 h; agent waited 4 h)
//      route bi, coc, wz, agent: the whole chain (4 roles)
//   M2 (vernieling, 2022-03-02 09:00)
//      09:00 bi doorverwezen -> agent          (no tie bi -> agent: off paper)
//      12:00 agent opgepakt                    (first action 3 h; agent waited 3 h)
//      route bi, agent: bewonersinitiatief ... wijkagent, but not consecutive in the chain,
//      longest run 1 role (bi alone, or agent alone)
//   M3 (intimidatie, 2022-03-03 08:00)
//      08:00 wz opgepakt                       (first action 0 h; handled alone, still open)
//      route wz: 1 role
//
//   handoffs: bi->coc, coc->wz, wz->agent (on paper), bi->agent (not); tie bi -> wz never used.
//   activity: bi received 1, referred 2, handled 2; agent acted 1, closed 1, passed_to 2, handled 2;
//             wz acted 2, referred 1, handled 2, alone 1 (M3).
alliance small() {
    alliance a;
    a.add_wave({"T0", "T0", "2022-01-01"});
    a.add_stakeholder({"bi", "Bewoners", stakeholder_kind::initiative, {"bewonersinitiatief"}, {}, {}});
    a.add_stakeholder({"coc", "COC", stakeholder_kind::organisation, {"lhbti_organisatie"}, {}, {}});
    a.add_stakeholder({"wz", "Welzijn", stakeholder_kind::organisation, {"welzijnswerk"}, {}, {}});
    a.add_stakeholder({"agent", "Kees", stakeholder_kind::person, {"wijkagent"}, {}, {}});
    a.add_tie("bi", "coc", "referral", "T0");
    a.add_tie("coc", "wz", "referral", "T0");
    a.add_tie("wz", "agent", "referral", "T0");
    a.add_tie("bi", "wz", "referral", "T0");
    a.add_incident({"M1", "2022-03-01T10:00", "intimidatie", "Vogelwijk", "", {},
                    {{"bi", "ontvangen", "", "2022-03-01T10:00", "", 0},
                     {"bi", "doorverwezen", "coc", "2022-03-01T11:00", "", 0},
                     {"coc", "referred", "wz", "2022-03-01 13:00", "", 0},
                     {"wz", "opgepakt", "", "2022-03-01T15:00", "", 0},
                     {"wz", "doorverwezen", "agent", "2022-03-01T16:00", "", 0},
                     {"agent", "closed", "", "1-3-2022 20:00", "", 0}},
                    0});
    a.add_incident({"M2", "2022-03-02T09:00", "vandalism", "", "", {},
                    {{"bi", "doorverwezen", "agent", "2022-03-02T09:00", "", 0},
                     {"agent", "opgepakt", "", "2022-03-02T12:00", "", 0}},
                    0});
    a.add_incident({"M3", "2022-03-03T08:00", "intimidatie", "", "", {}, {{"wz", "opgepakt", "", "2022-03-03T08:00", "", 0}}, 0});
    return a;
}

std::string fingerprint(const alliance& a) { return to_json(a, {true}); }

const std::vector<std::string> chain = {"bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"};

}  // namespace

TEST(IncidentModel, StoresCanonicalKeysAndTimes) {
    const alliance a = small();
    ASSERT_EQ(a.incidents().size(), 3u);
    const incident& m1 = a.incidents().incidents()[0];
    EXPECT_EQ(m1.category, "intimidatie");
    EXPECT_EQ(a.incidents().incidents()[1].category, "vernieling");  // given by English label
    EXPECT_EQ(m1.steps[2].action, "doorverwezen");                    // "referred"
    EXPECT_EQ(m1.steps[2].time, "2022-03-01T13:00");                  // "2022-03-01 13:00"
    EXPECT_EQ(m1.steps[5].time, "2022-03-01T20:00");                  // Dutch day-first "1-3-2022 20:00"
    EXPECT_EQ(m1.steps[5].seconds - m1.seconds, 10 * 3600);
    EXPECT_EQ(a.incidents().num_steps(), 9u);
}

TEST(IncidentModel, DateTimes) {
    EXPECT_EQ(parse_date_time("1970-01-02")->seconds, 86400);
    EXPECT_EQ(parse_date_time("2000-03-01T00:00:01")->text, "2000-03-01T00:00:01");
    EXPECT_EQ(parse_date_time("29/02/2024")->text, "2024-02-29");
    EXPECT_FALSE(parse_date_time("2023-02-29"));
    EXPECT_FALSE(parse_date_time("2023-01-01T24:00"));
    EXPECT_FALSE(parse_date_time("gisteren"));
}

TEST(IncidentModel, BadInputNamesIncidentAndStepAndChangesNothing) {
    alliance a = small();
    const std::string before = fingerprint(a);
    auto step = [](std::string who, std::string action, std::string to, std::string time) {
        return incident_step{who, action, to, time, "", 0};
    };
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "geweld", "", "", {}, {step("bi", "ontvangen", "", "2022-04-01T10:00"), step("cocc", "opgepakt", "", "2022-04-01T11:00")}, 0}),
                      unknown_id_error, "incident 'M9', step 2: unknown stakeholder 'cocc'; did you mean 'coc'");
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "geweld", "", "", {}, {step("bi", "doorverwezen", "", "2022-04-01T10:00")}, 0}),
                      invalid_value_error, "incident 'M9', step 1: 'doorverwezen' passes the incident on, but to nobody");
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "geweld", "", "", {}, {step("bi", "ontvangen", "", "2022-04-01T12:00"), step("wz", "opgepakt", "", "2022-04-01T11:00")}, 0}),
                      invalid_value_error, "incident 'M9', step 2: time 2022-04-01T11:00 is before the step before it");
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "geweld", "", "", {}, {step("bi", "ontvangen", "", "2022-03-31T12:00")}, 0}),
                      invalid_value_error, "before the report");
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "ruzie", "", "", {}, {}, 0}), unknown_id_error,
                      "incident 'M9': unknown category 'ruzie'");
    EXPECT_THROW_WITH(a.add_incident({"M9", "2022-04-01T10:00", "geweld", "", "", {}, {step("bi", "gebeld", "", "2022-04-01T10:00")}, 0}),
                      unknown_id_error, "step 1: unknown action 'gebeld'");
    EXPECT_THROW_WITH(a.add_incident({"M1", "2022-04-01T10:00", "geweld", "", "", {}, {}, 0}), duplicate_id_error,
                      "incident 'M1' already exists");
    EXPECT_THROW_WITH(a.add_incident({"M9", "april", "geweld", "", "", {}, {}, 0}), invalid_value_error,
                      "reported 'april' is not a date-time");
    EXPECT_THROW_WITH(a.remove_incident("M9"), unknown_id_error, "unknown incident 'M9'");
    EXPECT_EQ(fingerprint(a), before);
}

TEST(IncidentModel, ExtensibleTaxonomiesAndRemoval) {
    alliance a = small();
    a.add_incident_category({"bedreiging_online", "online threat", ""});
    a.add_incident_action({"gebeld", "phoned", ""}, action_kind::inform);
    a.add_incident({"M4", "2022-05-01", "online threat", "", "", {}, {{"agent", "phoned", "bi", "2022-05-01T09:00", "", 0}}, 0});
    EXPECT_EQ(a.incidents().incidents()[3].steps[0].action, "gebeld");
    EXPECT_EQ(a.incidents().kind_of("gebeld"), action_kind::inform);
    a.remove_incident("M4");
    EXPECT_EQ(a.incidents().size(), 3u);
    // Removing a stakeholder removes the incidents it handled (M1 and M2 involve the agent).
    a.remove_stakeholder("agent");
    ASSERT_EQ(a.incidents().size(), 1u);
    EXPECT_EQ(a.incidents().incidents()[0].id, "M3");
    EXPECT_TRUE(a.incidents().find("M3"));
}

TEST(IncidentIo, JsonRoundTripIsLosslessAndSensitiveByDefault) {
    alliance a = small();
    a.add_incident_action({"gebeld", "phoned", "", "gebeld", {"belletje"}}, action_kind::inform);
    incident x{"M5", "2022-06-01T10:00", "overig", "Centrum", "een tekst, met \"aanhalingstekens\"", {}, {}, 0};
    x.attributes["bron"] = attribute{std::string("telefoon"), true};
    x.steps.push_back({"agent", "gebeld", "wz", "2022-06-01T10:30", "notitie", 0});
    a.add_incident(x);
    const std::string text = to_json(a, {true});
    const alliance b = parse_json(text);
    EXPECT_EQ(to_json(b, {true}), text);
    EXPECT_TRUE(b.incidents().incidents() == a.incidents().incidents());
    EXPECT_EQ(b.incidents().kind_of("gebeld"), action_kind::inform);
    EXPECT_EQ(b.incidents().kind_of("belletje"), action_kind::inform);  // aliases travel too
    const std::string safe = to_json(a);
    EXPECT_EQ(safe.find("M5"), std::string::npos);
    EXPECT_NE(safe.find("\"incidents\": 4"), std::string::npos);
    EXPECT_EQ(parse_json(safe).incidents().size(), 0u);
}

TEST(IncidentIo, JsonErrorPointsAtTheStep) {
    std::string text = to_json(small(), {true});
    const auto at = text.find("\"to\": \"agent\"");
    text.replace(at, 13, "\"to\": \"agnt\"");
    try {
        parse_json(text, "a.json");
        ADD_FAILURE() << "no error";
    } catch (const parse_error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown stakeholder 'agnt'"), std::string::npos) << e.what();
        EXPECT_GT(e.line(), 1u);
        EXPECT_GT(e.column(), 1u);
    }
}

TEST(IncidentIo, CsvFolderWithDutchHeadersAndErrorsAtFileLineColumn) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "wijknet_test_incidents";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto write = [&](const char* name, const std::string& text) { std::ofstream(dir / name) << text; };
    write("stakeholders.csv", "id,rol\nbi,bewonersinitiatief\nwz,welzijnswerk\n");
    write("incidents.csv", "Melding;Gemeld;Categorie;Wijk;Bron\nM1;1-3-2022 10:00;intimidatie;Oost;telefoon\n");
    write("incident_steps.csv",
          "melding;wie;actie;naar;tijdstip\nM1;bi;ontvangen;;2022-03-01T10:00\nM1;bi;doorverwezen;wz;2022-03-01T11:00\n");
    alliance a = read_csv_folder(dir.string());
    ASSERT_EQ(a.incidents().size(), 1u);
    const incident& m1 = a.incidents().incidents()[0];
    EXPECT_EQ(m1.reported, "2022-03-01T10:00");
    EXPECT_EQ(m1.neighbourhood, "Oost");
    EXPECT_TRUE(m1.attributes.at("Bron").sensitive);
    ASSERT_EQ(m1.steps.size(), 2u);
    EXPECT_EQ(m1.steps[1].to, "wz");

    // Where read_csv_folder stops: the line and column of the first problem.
    auto fails_at = [&](std::size_t line, std::size_t column, const std::string& fragment) {
        try {
            read_csv_folder(dir.string());
            ADD_FAILURE() << "no error";
        } catch (const parse_error& e) {
            EXPECT_EQ(e.line(), line) << e.what();
            EXPECT_EQ(e.column(), column) << e.what();
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    // A referral to nobody on line 3, column 4 ('naar'); an unknown stakeholder on line 2, column 2;
    // a step before the one above it on line 3, column 5 ('tijdstip').
    write("incident_steps.csv", "melding;wie;actie;naar;tijdstip\nM1;bi;ontvangen;;2022-03-01T10:00\nM1;bi;doorverwezen;;2022-03-01T11:00\n");
    fails_at(3, 4, "incident 'M1', step 2");
    write("incident_steps.csv", "melding;wie;actie;naar;tijdstip\nM1;bj;ontvangen;;2022-03-01T10:00\n");
    fails_at(2, 2, "incident_steps.csv");
    write("incident_steps.csv", "melding;wie;actie;naar;tijdstip\nM1;bi;ontvangen;;2022-03-01T12:00\nM1;bi;opgepakt;;2022-03-01T11:00\n");
    fails_at(3, 5, "steps must be in time order");
    // read_incidents_csv into an existing alliance leaves it as it was when it fails.
    alliance b = small();
    const std::string before = fingerprint(b);
    write("incidents.csv", "id,reported,category\nM7,2022-03-01,geweld\n");
    write("incident_steps.csv", "incident,stakeholder,action,time\nM7,bi,ontvangen,2022-03-01\nM8,bi,ontvangen,2022-03-01\n");
    EXPECT_THROW_WITH(read_incidents_csv(b, dir.string()), parse_error, "step of unknown incident 'M8'");
    EXPECT_EQ(fingerprint(b), before);
    fs::remove_all(dir);
}

// One rule for the check and the read (found by the incidents fuzz target): a column 'wijknaam'
// holds the name 'wijk', so it is a warning in check_csv_folder; read_csv_folder threw it as an
// error. Now both warn, the read goes on with 'wijknaam' as a free field.
TEST(IncidentIo, WhatTheCheckWarnsAboutTheReadAccepts) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "wijknet_test_incident_warnings";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "stakeholders.csv") << "id,rol\nbi,bewonersinitiatief\n";
    std::ofstream(dir / "incidents.csv") << "id,reported,category,wijknaam\nM1,2022-03-01,intimidatie,Oost\n";
    const std::vector<problem> checked = check_csv_folder(dir.string());
    ASSERT_EQ(checked.size(), 1u);
    EXPECT_EQ(checked[0].level, severity::warning);
    std::vector<problem> warnings;
    const alliance a = read_csv_folder(dir.string(), {}, &warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].text(), checked[0].text());
    ASSERT_EQ(a.incidents().size(), 1u);
    EXPECT_EQ(a.incidents().incidents()[0].neighbourhood, "");
    EXPECT_TRUE(a.incidents().incidents()[0].attributes.at("wijknaam").sensitive);
    alliance b = small();
    std::vector<problem> direct;
    std::ofstream(dir / "incidents.csv") << "id,reported,category,wijknaam\nM9,2022-03-01,intimidatie,Oost\n";
    read_incidents_csv(b, dir.string(), {}, &direct);
    EXPECT_EQ(direct.size(), 1u);
    EXPECT_TRUE(b.incidents().find("M9"));
    fs::remove_all(dir);
}

TEST(IncidentAnalysis, HandoffsAlongTiesAndWaiting) {
    const alliance a = small();
    const auto h = incident_handoffs(a, {}, {"referral"});
    ASSERT_EQ(h.size(), 4u);
    const std::vector<std::pair<std::string, std::string>> pairs = {{"bi", "coc"}, {"coc", "wz"}, {"wz", "agent"}, {"bi", "agent"}};
    const bool along[] = {true, true, true, false};
    const double waiting[] = {2, 2, 4, 3};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(a.stakeholders()[h[i].source].id, pairs[i].first);
        EXPECT_EQ(a.stakeholders()[h[i].target].id, pairs[i].second);
        EXPECT_EQ(h[i].along_tie, along[i]) << i;
        EXPECT_DOUBLE_EQ(h[i].waiting, waiting[i]) << i;
        EXPECT_EQ(h[i].wave, 0u);
    }
    // Only the collaboration relation on paper: no handoff is along a tie.
    for (const auto& x : incident_handoffs(a, {}, {"collaboration"})) EXPECT_FALSE(x.along_tie);
}

TEST(IncidentAnalysis, HandoffAllianceIsASnapshotSource) {
    const alliance a = small();
    incident_selection sel;
    sel.categories = {"intimidation"};  // M1 and M3
    const alliance h = handoff_alliance(a, sel);
    EXPECT_TRUE(h.find_tie("bi", "coc", "handoff", "T0"));
    EXPECT_FALSE(h.find_tie("bi", "agent", "handoff", "T0"));  // M2 is vandalism
    EXPECT_EQ(h.num_ties(), a.num_ties() + 3);
    sel = {};
    sel.to = "2022-03-01";  // M1 only (whole day)
    EXPECT_EQ(handoff_alliance(a, sel).num_ties(), a.num_ties() + 3);
    sel.from = "2022-03-02";
    sel.to = "";
    EXPECT_EQ(handoff_alliance(a, sel).num_ties(), a.num_ties() + 1);  // M2: bi -> agent
}

TEST(IncidentAnalysis, RoutesTimesAndChain) {
    const auto f = incident_routes(small(), {}, chain);
    ASSERT_EQ(f.size(), 3u);
    EXPECT_DOUBLE_EQ(f[0].first_action, 5);
    EXPECT_DOUBLE_EQ(f[0].closure, 10);
    EXPECT_EQ(f[0].handoffs, 3u);
    EXPECT_EQ(f[0].route.size(), 4u);
    EXPECT_EQ(f[0].chain_matched, 4u);
    EXPECT_DOUBLE_EQ(f[1].first_action, 3);
    EXPECT_TRUE(std::isnan(f[1].closure));
    EXPECT_EQ(f[1].chain_matched, 1u);
    EXPECT_EQ(f[2].chain_matched, 1u);
    EXPECT_DOUBLE_EQ(f[2].first_action, 0);
    EXPECT_EQ(f[2].last_step, 0u);
}

TEST(IncidentAnalysis, Activities) {
    const alliance a = small();
    const auto act = incident_activities(a);
    const auto& bi = act[*a.find_stakeholder("bi")];
    EXPECT_EQ(bi.received, 1u);
    EXPECT_EQ(bi.referred, 2u);
    EXPECT_EQ(bi.handled, 2u);
    const auto& agent = act[*a.find_stakeholder("agent")];
    EXPECT_EQ(agent.acted, 1u);
    EXPECT_EQ(agent.closed, 1u);
    EXPECT_EQ(agent.passed_to, 2u);
    EXPECT_EQ(agent.handled, 2u);
    const auto& wz = act[*a.find_stakeholder("wz")];
    EXPECT_EQ(wz.acted, 2u);
    EXPECT_EQ(wz.alone, 1u);
    EXPECT_EQ(wz.handled, 2u);
}
