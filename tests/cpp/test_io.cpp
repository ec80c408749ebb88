// Reading CSV text and CSV folders: what is accepted, and the exact error for what is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>  // getpid: the names of this process's temporaries

#include "expect_throw.hpp"
#include "wijknet/detail/file.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/io/csv_folder.hpp"
#include "wijknet/io/dl.hpp"
#include "wijknet/io/dot.hpp"
#include "wijknet/io/roster.hpp"
#include "wijknet/io/graphml.hpp"
#include "wijknet/io/json.hpp"

using namespace wijknet;
namespace fs = std::filesystem;

namespace {

// The parse_error `text` gives, as "line:column: message" (or "" when it parses).
std::string csv_error(const std::string& text, csv_options options = {}) {
    try {
        parse_csv(text, "f.csv", options);
    } catch (const parse_error& e) {
        return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.what();
    }
    return "";
}

// A temporary folder of CSV files, removed afterwards.
struct folder {
    fs::path path;
    explicit folder(const std::string& name) : path(fs::temp_directory_path() / ("wijknet_test_" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~folder() { fs::remove_all(path); }
    folder& file(const std::string& name, const std::string& text) {
        std::ofstream(path / name, std::ios::binary) << text;
        return *this;
    }
    std::string read_error() const {
        try {
            read_csv_folder(path.string());
        } catch (const parse_error& e) {
            return fs::path(e.file()).filename().string() + ":" + std::to_string(e.line()) + ":" +
                   std::to_string(e.column()) + ": " + e.what();
        }
        return "";
    }
};

const char* const people = "id,name,kind,role\nagent,Kees,person,wijkagent\ncoc,COC,organisation,lhbti_organisatie\n";

}  // namespace

TEST(Csv, QuotedFieldsSeparatorsAndLineBreaks) {
    const csv_table t = parse_csv("id,name\r\na,\"Doe, \"\"J\"\"\"\r\nb,\"two\nlines\"\r\n\r\n", "f.csv");
    ASSERT_EQ(t.num_rows(), 2u);
    EXPECT_EQ(t.cell(0, 1), "Doe, \"J\"");
    EXPECT_EQ(t.cell(1, 1), "two\nlines");
    EXPECT_EQ(t.line(1), 3u);
}

// The writer puts a quote before a text cell a spreadsheet would run, and before a cell that
// starts with a quote followed by one of those characters (python/wijknet/_io.py, to_csv_text);
// the reader takes exactly that one quote off, unquoted or quoted, header included, and leaves
// every other quote (Dutch names such as 's-Hertogenbosch) alone.
TEST(Csv, TheQuoteOfACellMadeSafeForSpreadsheetsIsTakenOff) {
    const csv_table t = parse_csv(
        "id,'=note\n"
        "\"'=HYPERLINK(\"\"\"\")\",'+cmd\n"
        "'-x,\"'@SUM(1),2\"\n"
        "\"'\tx\",\"'\ry\"\n"
        "''-5,'''\n"
        "'s-Hertogenbosch,'\n"
        "-0.5,'a\n",
        "f.csv");
    EXPECT_EQ(t.header()[1], "=note");
    ASSERT_EQ(t.num_rows(), 6u);
    EXPECT_EQ(t.cell(0, 0), "=HYPERLINK(\"\")");
    EXPECT_EQ(t.cell(0, 1), "+cmd");
    EXPECT_EQ(t.cell(1, 0), "-x");
    EXPECT_EQ(t.cell(1, 1), "@SUM(1),2");
    EXPECT_EQ(t.cell(2, 0), "\tx");
    EXPECT_EQ(t.cell(2, 1), "\ry");
    EXPECT_EQ(t.cell(3, 0), "'-5");  // a name that really starts with a quote, written with a second one
    EXPECT_EQ(t.cell(3, 1), "''");
    EXPECT_EQ(t.cell(4, 0), "'s-Hertogenbosch");
    EXPECT_EQ(t.cell(4, 1), "'");
    EXPECT_EQ(t.cell(5, 0), "-0.5");
    EXPECT_DOUBLE_EQ(t.number(5, 0), -0.5);
    EXPECT_EQ(t.cell(5, 1), "'a");
}

TEST(Csv, SemicolonsBomAndDecimalComma) {
    csv_options o;
    o.decimal_comma = true;
    const csv_table t = parse_csv("\xEF\xBB\xBFid;weight\nx;3,5\ny;NA\n", "f.csv", o);
    EXPECT_EQ(t.separator(), ';');
    EXPECT_EQ(t.header()[0], "id");  // BOM dropped
    EXPECT_DOUBLE_EQ(t.number(0, 1), 3.5);
    EXPECT_TRUE(t.is_missing(1, 1));
    // With decimal commas a full stop is refused: "1.500" is 1500 in a Dutch file, 1.5 in others.
    const csv_table stops = parse_csv("id;weight\nx;1.500\n", "f.csv", o);
    EXPECT_THROW_WITH(stops.number(0, 1), parse_error,
                      "f.csv:2:2: expected a number in column 'weight', found '1.500' (with decimal_comma a full stop "
                      "may be a thousands separator");
}

TEST(Csv, ErrorsNameLineAndColumn) {
    EXPECT_EQ(csv_error(""), "1:0: f.csv:1: the file is empty; expected a header line with column names");
    EXPECT_EQ(csv_error("a,b\n1,\"open\n2,3\n"),
              "2:3: f.csv:2:3: a quoted field is never closed; expected a closing '\"'");
    EXPECT_EQ(csv_error("a,b\n1,\"x\"y\n"), "2:6: f.csv:2:6: unexpected text after a closing quote; expected ',' or "
                                            "the end of the line");
    EXPECT_EQ(csv_error("a,b\n1,2,3\n"),
              "2:5: f.csv:2:5: expected 2 fields as in the header, found 3 (an unquoted separator inside a field?)");
    EXPECT_EQ(csv_error("a,b\n1\n"),
              "2:0: f.csv:2: expected 2 fields as in the header, found 1 (is the line cut short, or the separator "
              "wrong?)");
    EXPECT_EQ(csv_error("a,,b\n"), "1:3: f.csv:1:3: column 2 has no name");
    EXPECT_EQ(csv_error("a,b,a\n"), "1:5: f.csv:1:5: column name 'a' appears twice; column names must be unique");
    EXPECT_EQ(csv_error("a,b\n1,ab\"c\n"),
              "2:5: f.csv:2:5: a '\"' inside an unquoted field; quote the whole field and double the quote (\"\")");
    csv_options utf8;
    utf8.encoding = text_encoding::utf8;
    EXPECT_EQ(csv_error("a,b\n1,caf\xE9\n", utf8),
              "2:6: f.csv:2:6: the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or convert it with iconv)");
    EXPECT_EQ(csv_error("a,b\n1,\xC3", utf8), "2:3: f.csv:2:3: the file is not UTF-8 text (save it as 'CSV UTF-8' in "
                                              "Excel, or convert it with iconv)");  // truncated multi-byte character
    // Detected: none of UTF-8, Windows-1252 (0x81 is undefined there), UTF-16 (no byte order mark).
    EXPECT_EQ(csv_error("a,b\n1,caf\xE9\n2,\x81\n"), "3:3: f.csv:3:3: the file is neither UTF-8, Windows-1252 nor "
                                                      "UTF-16 text (save it as 'CSV UTF-8' in Excel, or convert it with iconv)");
}

TEST(Csv, NumbersAndMissingColumns) {
    const csv_table t = parse_csv("id,weight\nx,3,5\n", "f.csv", csv_options{';', false, {}});
    EXPECT_EQ(t.num_columns(), 1u);  // ';' given: commas are text
    const csv_table u = parse_csv("id,weight\nx,\"3,5\"\n", "f.csv");
    try {
        u.number(0, 1);
        FAIL();
    } catch (const parse_error& e) {
        EXPECT_STREQ(e.what(), "f.csv:2:2: expected a number in column 'weight', found '3,5' (a decimal comma? read "
                               "the file with decimal_comma)");
    }
    try {
        u.column("wieght");
        FAIL();
    } catch (const parse_error& e) {
        EXPECT_STREQ(e.what(), "f.csv:1: missing column 'wieght'; did you mean 'weight'? (the header has: id, "
                               "weight)");
    }
}

TEST(CsvFolder, ReadsTheBundledExample) {
    const alliance a = read_csv_folder(std::string(WIJKNET_SOURCE_DIR) + "/examples/data");
    EXPECT_GE(a.num_stakeholders(), 25u);
    EXPECT_LE(a.num_stakeholders(), 40u);
    EXPECT_EQ(a.waves().size(), 2u);
    EXPECT_EQ(a.relations().size(), 4u);
    EXPECT_GE(a.events().size(), 8u);
    // Sensitive column marked, typed attributes inferred per column.
    const auto& attrs = a.stakeholder_at("wijkagent_kwikstaart").attributes;
    EXPECT_TRUE(attrs.at("lhbti_focus").sensitive);
    EXPECT_TRUE(std::holds_alternative<bool>(attrs.at("volunteer").value));
    EXPECT_TRUE(std::holds_alternative<double>(attrs.at("neighbourhood_years").value));
    EXPECT_TRUE(std::holds_alternative<std::string>(attrs.at("sector").value));
    // Every relation has ties in both waves; names with commas and quotes came through.
    for (std::size_t r = 0; r < 4; ++r)
        for (std::size_t w = 0; w < 2; ++w)
            EXPECT_TRUE(std::any_of(a.ties().begin(), a.ties().end(),
                                    [&](const tie& t) { return t.relation == r && t.wave == w; }));
    EXPECT_TRUE(std::any_of(a.stakeholders().begin(), a.stakeholders().end(),
                            [](const stakeholder& s) { return s.name.find(", ") != std::string::npos; }));
}

TEST(CsvFolder, WavesDeclaredFromTiesWhenNoWaveFile) {
    folder f("waves_from_ties");
    f.file("stakeholders.csv", people).file("ties.csv", "source,target,relation,wave\nagent,coc,trust,2021\n"
                                                        "coc,agent,trust,2022\n");
    const alliance a = read_csv_folder(f.path.string());
    ASSERT_EQ(a.waves().size(), 2u);
    EXPECT_EQ(a.waves()[0].key, "2021");
    EXPECT_EQ(a.num_ties(), 2u);
}

TEST(CsvFolder, ErrorsNameFileLineAndColumn) {
    EXPECT_EQ(folder("no_folder").file("x.txt", "").read_error(),
              "stakeholders.csv:0:0: " + (folder("no_folder").path / "stakeholders.csv").string() +
                  ": no such file");
    {
        folder f("dup");
        f.file("stakeholders.csv", "id,role\nagent,wijkagent\nagent,bewoner\n");
        EXPECT_EQ(f.read_error(), "stakeholders.csv:3:1: " + (f.path / "stakeholders.csv").string() +
                                      ":3:1: stakeholder 'agent' already exists");
    }
    {
        folder f("role");
        f.file("stakeholders.csv", "id,role\nagent,wijkagent|wijkagnt\n");
        EXPECT_EQ(f.read_error(), "stakeholders.csv:2:2: " + (f.path / "stakeholders.csv").string() +
                                      ":2:2: stakeholder 'agent': unknown role 'wijkagnt'; did you mean 'wijkagent'? (add it "
                                      "first if it is new)");
    }
    {
        folder f("kind");
        f.file("stakeholders.csv", "id,kind\nagent,club\n");
        EXPECT_EQ(f.read_error(), "stakeholders.csv:2:2: " + (f.path / "stakeholders.csv").string() +
                                      ":2:2: unknown stakeholder kind 'club'; expected organisation, person, "
                                      "initiative or group");
    }
    {
        folder f("tie_target");
        f.file("stakeholders.csv", people).file("ties.csv", "source,target,relation,wave\nagent,cco,trust,T0\n");
        EXPECT_EQ(f.read_error(), "ties.csv:2:2: " + (f.path / "ties.csv").string() +
                                      ":2:2: unknown stakeholder 'cco'; did you mean 'coc'?");
    }
    {
        folder f("tie_relation");
        f.file("stakeholders.csv", people).file("ties.csv", "source,target,relation,wave\nagent,coc,trusst,T0\n");
        EXPECT_EQ(f.read_error(), "ties.csv:2:3: " + (f.path / "ties.csv").string() +
                                      ":2:3: unknown relation 'trusst'; did you mean 'trust'?");
    }
    {
        folder f("tie_weight");
        f.file("stakeholders.csv", people).file("ties.csv", "source,target,weight\nagent,coc,veel\n");
        EXPECT_EQ(f.read_error(), "ties.csv:2:3: " + (f.path / "ties.csv").string() +
                                      ":2:3: expected a number in column 'weight', found 'veel'");
    }
    {
        folder f("tie_wave");
        f.file("waves.csv", "key,label\nT0,start\n")
            .file("stakeholders.csv", people)
            .file("ties.csv", "source,target,relation,wave\nagent,coc,trust,T1\n");
        EXPECT_EQ(f.read_error(),
                  "ties.csv:2:4: " + (f.path / "ties.csv").string() + ":2:4: unknown wave 'T1'; did you mean 'T0'?");
    }
    {
        folder f("relation_direction");
        f.file("relations.csv", "key,label,directed\ncollaboration,samen,true\n").file("stakeholders.csv", people);
        EXPECT_EQ(f.read_error(), "relations.csv:2:3: " + (f.path / "relations.csv").string() +
                                      ":2:3: relation 'collaboration' is built in as undirected; give it another key "
                                      "to declare it the other way");
    }
    {
        folder f("event_theme");
        f.file("stakeholders.csv", people).file("events.csv", "id,theme,organisers\nev,sport|footbal,coc\n");
        EXPECT_EQ(f.read_error().substr(0, 20), "events.csv:2:2: " + (f.path / "events.csv").string().substr(0, 4));
    }
    {
        folder f("participation");
        f.file("stakeholders.csv", people)
            .file("events.csv", "id\nev\n")
            .file("participation.csv", "stakeholder,event\ncoc,ev\ncoc,ev\n");
        EXPECT_EQ(f.read_error(), "participation.csv:3:2: " + (f.path / "participation.csv").string() +
                                      ":3:2: participation of 'coc' in event 'ev' already exists");
    }
}

// ---------------------------------------------------------------- JSON, atomic writes

namespace {

// Every field of two alliances, in order; "" when equal, else the first difference.
std::string difference(const alliance& a, const alliance& b) {
    if (!(a.roles().entries() == b.roles().entries())) return "roles";
    if (!(a.themes().entries() == b.themes().entries())) return "themes";
    if (!(a.relations() == b.relations())) return "relations";
    if (!(a.waves() == b.waves())) return "waves";
    if (!(a.templates() == b.templates())) return "templates";
    if (a.num_stakeholders() != b.num_stakeholders()) return "number of stakeholders";
    for (std::size_t i = 0; i < a.num_stakeholders(); ++i)
        if (!(a.stakeholders()[i] == b.stakeholders()[i])) return "stakeholder " + a.stakeholders()[i].id;
    if (a.num_ties() != b.num_ties()) return "number of ties";
    for (std::size_t i = 0; i < a.num_ties(); ++i) {
        const tie &x = a.ties()[i], &y = b.ties()[i];
        if (x.source != y.source || x.target != y.target || x.relation != y.relation || x.wave != y.wave ||
            x.weight != y.weight || x.attributes != y.attributes)
            return "tie " + a.describe(x);
    }
    if (!(a.events() == b.events())) return "events";
    if (a.participations().size() != b.participations().size()) return "number of participations";
    for (std::size_t i = 0; i < a.participations().size(); ++i) {
        const participation &x = a.participations()[i], &y = b.participations()[i];
        if (x.stakeholder != y.stakeholder || x.event != y.event || x.attributes != y.attributes)
            return "participation " + std::to_string(i);
    }
    return "";
}

// The bundled example plus a user role, theme, relation and template, sensitive tie and
// participation attributes, odd characters.
alliance rich_example() {
    alliance a = read_csv_folder(std::string(WIJKNET_SOURCE_DIR) + "/examples/data");
    a.add_role({"jongerenwerk", "youth work", "Youth workers \"on the street\"\n(second line)"});
    a.add_theme({"wonen", "housing", ""});
    a.add_relation({"advice", "Advies", true});
    a.add_template({"mijn_methode", "My method", "", {{"youth work", requirement_level::required, "memo §2"},
                                                       {"wijkagent", requirement_level::recommended, ""}}});
    stakeholder s;
    s.id = "jw_\xC3\xA9\xC3\xA9n";
    s.kind = stakeholder_kind::group;
    s.roles = {"jongerenwerk", "bewoner"};
    s.waves = {"T1"};
    s.attributes["score"] = {0.1 + 0.2, false};
    s.attributes["tab\there"] = {std::string("a\x01" "b"), true};
    a.add_stakeholder(s);
    a.add_tie(s.id, "wijkagent_kwikstaart", "advice", "T1", 2.5,
              {{"secret", {std::string("x"), true}}, {"n", {1e-300, false}}});
    a.add_participation(s.id, a.events()[0].id, {{"paid", {true, true}}});
    return a;
}

std::string json_error(const std::string& text) {
    try {
        parse_json(text, "f.json");
    } catch (const parse_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Files, MissingFileAndFolderWhereAFileShouldBeAreFileErrors) {
    folder f("file_errors");
    const std::string missing = (f.path / "missing.json").string();
    try {
        read_json(missing);
        ADD_FAILURE() << "no error";
    } catch (const file_error& e) {
        EXPECT_EQ(e.why(), file_error::reason::not_found);
        EXPECT_EQ(e.file(), missing);
        EXPECT_EQ(std::string(e.what()), missing + ": no such file");
    }
    // A folder read as a file: once "basic_string::_M_replace_aux" (its size read as a length).
    std::filesystem::create_directories(f.path / "a.graphml");
    for (auto read : {+[](const std::string& p) { read_graphml(p); }, +[](const std::string& p) { read_dl(p); },
                      +[](const std::string& p) { read_json(p); }}) {
        try {
            read((f.path / "a.graphml").string());
            ADD_FAILURE() << "no error";
        } catch (const file_error& e) {
            EXPECT_EQ(e.why(), file_error::reason::is_a_folder);
            EXPECT_EQ(e.sentence(), "this is a folder; expected a file");
        }
    }
    EXPECT_THROW(read_json(missing), parse_error);  // code that catches parse_error catches it too
}

TEST(Json, RoundTripIsExactWithSensitive) {
    const alliance a = rich_example();
    json_options o;
    o.include_sensitive = true;
    const std::string text = to_json(a, o);
    const alliance b = parse_json(text, "x.json");
    EXPECT_EQ(difference(a, b), "");
    EXPECT_EQ(to_json(b, o), text);  // and the text is stable
    EXPECT_EQ(text.find("omitted_sensitive"), std::string::npos);
}

TEST(Json, SensitiveAttributesAreLeftOutByDefaultAndListed) {
    const alliance a = rich_example();
    const std::string text = to_json(a);
    EXPECT_EQ(text.find("\"lhbti_focus\": "), std::string::npos);
    EXPECT_EQ(text.find("\"secret\": "), std::string::npos);
    EXPECT_NE(text.find("\"omitted_sensitive\": {\n    \"stakeholders\": [\"lhbti_focus\", \"tab\\there\"],\n"
                        "    \"ties\": [\"secret\"],\n    \"participation\": [\"paid\"],\n"
                        "    \"incidents\": 38\n  }"),  // the example's incident log: only its size
              std::string::npos)
        << text.substr(text.size() - 300);
    const alliance b = parse_json(text);
    EXPECT_EQ(b.stakeholder_at("wijkagent_kwikstaart").attributes.count("lhbti_focus"), 0u);
    EXPECT_EQ(b.num_ties(), a.num_ties());
}

TEST(Json, BuiltinsFlagAndDefaults) {
    const alliance a = parse_json(R"({"format": "wijknet", "version": 1, "builtins": true,
        "waves": [{"key": "T0"}],
        "stakeholders": [{"id": "a", "roles": ["community police officer"]}, {"id": "b"}],
        "ties": [{"source": "a", "target": "b", "relation": "trust", "wave": "T0"}]})");
    EXPECT_EQ(a.stakeholder_at("a").roles, std::vector<std::string>{"wijkagent"});
    EXPECT_EQ(a.ties()[0].weight, 1.0);
    EXPECT_EQ(a.templates().size(), 2u);
}

TEST(Json, ErrorsNameLineAndColumn) {
    const std::string head = "{\"format\": \"wijknet\", \"version\": 1,\n";
    EXPECT_EQ(json_error(""), "f.json:1:1: the file is empty; expected a JSON object");
    EXPECT_EQ(json_error("{\"format\": \"wijknet\", \"version\": 1"),
              "f.json:1:35: the file ends too early (truncated?); expected ',' or '}'");
    EXPECT_EQ(json_error("{\"format\": \"csv\"}"),
              "f.json:1:12: expected \"format\": \"wijknet\" (is this a wijknet JSON file?)");
    EXPECT_EQ(json_error("{\"format\": \"wijknet\", \"version\": 2}"),
              "f.json:1:34: the file has format version 2, written by a newer wijknet; this wijknet reads "
              "versions up to 1");
    EXPECT_EQ(json_error(head + "\"stakeholder\": []}"),
              "f.json:2:16: unknown member 'stakeholder' in the document; did you mean 'stakeholders'?");
    EXPECT_EQ(json_error(head + "\"stakeholders\": [{\"id\": \"a\", \"roles\": [\"wijkagent\"]}]}"),
              "f.json:2:18: stakeholder 'a': unknown role 'wijkagent' (add it first if it is new)");
    EXPECT_EQ(json_error(head + "\"stakeholders\": [{\"id\": \"a\", \"attributes\": {\"x\": [1]}}]}"),
              "f.json:2:50: attribute 'x': expected null, a boolean, a number or a string, found an array");
    EXPECT_EQ(json_error(head + "\"waves\": [{\"key\": \"T0\"}], \"stakeholders\": [{\"id\": \"a\"}],\n"
                                "\"ties\": [{\"source\": \"a\", \"target\": \"b\", \"relation\": \"x\", \"wave\": \"T0\"}]}"),
              "f.json:3:10: unknown stakeholder 'b'; did you mean 'a'?");
    EXPECT_EQ(json_error(head + "\"waves\": [{\"key\": \"T0\", \"label\": 5}]}"),
              "f.json:2:34: expected a string as 'label', found a number");
    EXPECT_EQ(json_error(head + "\"waves\": [{\"key\": \"T0\nT1\"}]}"),
              "f.json:2:22: a line break inside a string; write it as \\n");
    EXPECT_EQ(json_error(head + "\"waves\": [{\"key\": 01}]}"),
              "f.json:2:20: a number may not start with 0 (leading zeros are not JSON)");
    EXPECT_EQ(json_error(head + "\"waves\": [{\"key\": \"T0\"} {}]}"), "f.json:2:25: expected ',' or ']', found '{'");
    EXPECT_EQ(json_error("{\"a\": \"\xC3\xA9\xC3\"}"), "f.json:1:9: the file is not UTF-8 text");
}

TEST(AtomicFile, AFailedWriteKeepsThePreviousFile) {
    folder f("atomic");
    const std::string path = (f.path / "alliance.json").string();
    write_file_atomically(path, [](std::ostream& out) { out << "old"; });
    EXPECT_THROW(write_file_atomically(path,
                                       [](std::ostream& out) {
                                           out << "half of the new";
                                           throw std::runtime_error("interrupted");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(detail::read_file(path), "old");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(f.path)) files += entry.is_regular_file();
    EXPECT_EQ(files, 1u);  // no temporary file left behind
    write_json(rich_example(), path);
    EXPECT_EQ(read_json(path).num_stakeholders(), rich_example().num_stakeholders());
    EXPECT_THROW(write_json(rich_example(), (f.path / "no_such_folder" / "x.json").string()), write_error);
}

TEST(AtomicFile, KeepsTheModeFollowsSymlinksAndRemovesOnlyDeadWritersOrphans) {
    folder f("atomic_mode");
    const fs::path real = f.path / "real.json", link = f.path / "link.json";
    write_file_atomically(real.string(), [](std::ostream& out) { out << "old"; });
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write);  // 0600
    fs::create_symlink("real.json", link);
    // An orphan of a process that is gone (pid 2^22 + 1 is above Linux's pid_max default of
    // 2^22, so no process has it) and one of this (running) process.
    const std::string gone = ".real.json.wijknet-tmp-4194305-0";
    const std::string mine = ".real.json.wijknet-tmp-" + std::to_string(::getpid()) + "-99";
    f.file(gone, "half").file(mine, "in progress");
    write_file_atomically(link.string(), [](std::ostream& out) { out << "new"; });
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(detail::read_file(real.string()), "new");
    EXPECT_EQ(fs::status(real).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_FALSE(fs::exists(f.path / gone));
    EXPECT_TRUE(fs::exists(f.path / mine));
}

TEST(AtomicFile, AFolderIsReplacedAsOneUnitKeepingOtherFiles) {
    folder f("atomic_folder");
    const std::string target = (f.path / "alliance").string();
    write_folder_atomically(target, {{"a.csv", "old a"}, {"b.csv", "old b"}, {"stale.csv", "old"}}, {"stale.csv"});
    std::ofstream(f.path / "alliance" / "notes.txt") << "ours";
    write_folder_atomically(target, {{"a.csv", "new a"}, {"b.csv", "new b"}}, {"stale.csv"});
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(f.path / "alliance")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"a.csv", "b.csv", "notes.txt"}));
    EXPECT_EQ(detail::read_file((f.path / "alliance" / "a.csv").string()), "new a");
    EXPECT_EQ(detail::read_file((f.path / "alliance" / "notes.txt").string()), "ours");
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(f.path)) entries += entry.exists();
    EXPECT_EQ(entries, 1u);  // no temporary folder left
    EXPECT_THROW(write_folder_atomically(target, {{"../x.csv", ""}}, {}), invalid_value_error);
    EXPECT_THROW(write_folder_atomically((f.path / "alliance" / "a.csv").string(), {{"a.csv", ""}}, {}), write_error);
    EXPECT_EQ(detail::read_file((f.path / "alliance" / "a.csv").string()), "new a");
}

// A save onto something that is not a regular file must not put a file in its place: as root, a
// rename over /dev/null would replace the system's device.
TEST(AtomicFile, ADeviceOrAPipeIsWrittenThroughAndNeverReplaced) {
    folder f("atomic_special");
    const fs::path null = f.path / "null";
    if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) GTEST_SKIP() << "mknod needs root";
    write_file_atomically(null.string(), [](std::ostream& out) { out << "gone"; });
    EXPECT_TRUE(fs::is_character_file(null));

    const fs::path pipe = f.path / "pipe";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(pipe, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    write_file_atomically(pipe.string(), [](std::ostream& out) { out << "through the pipe"; });
    reader.join();
    EXPECT_EQ(received, "through the pipe");
    EXPECT_TRUE(fs::is_fifo(pipe));

    // An open descriptor's file (as /dev/stdout names it) is appended to, not swapped for a new file.
    const fs::path log = f.path / "log.txt";
    std::ofstream(log) << "kept\n";
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
    ASSERT_GE(fd, 0);
    struct stat before {};
    ::stat(log.c_str(), &before);
    write_file_atomically("/proc/self/fd/" + std::to_string(fd), [](std::ostream& out) { out << "report\n"; });
    ::close(fd);
    struct stat after {};
    ::stat(log.c_str(), &after);
    EXPECT_EQ(after.st_ino, before.st_ino);
    EXPECT_EQ(detail::read_file(log.string()), "kept\nreport\n");

    const fs::path socket_path = f.path / "socket";
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_THROW_WITH(write_file_atomically(socket_path.string(), [](std::ostream& out) { out << "x"; }), write_error,
                      socket_path.string() + ": this is a socket, not a file; wijknet writes files, character devices "
                                             "and pipes; give a file name");
    ::close(sock);
    EXPECT_TRUE(fs::is_socket(socket_path));

    // A folder save swaps the whole folder, so a pipe among its files is refused before anything is written.
    write_folder_atomically((f.path / "alliance").string(), {{"a.csv", "old"}}, {"b.csv"});
    ASSERT_EQ(::mkfifo((f.path / "alliance" / "b.csv").c_str(), 0600), 0);
    EXPECT_THROW(write_folder_atomically((f.path / "alliance").string(), {{"a.csv", "new"}, {"b.csv", "new"}}, {}),
                 write_error);
    EXPECT_TRUE(fs::is_fifo(f.path / "alliance" / "b.csv"));
    EXPECT_EQ(detail::read_file((f.path / "alliance" / "a.csv").string()), "old");
}

// The kernel does not follow a link in a sticky folder anyone may write to (/tmp) when another
// user owns it (fs.protected_symlinks); follow_links resolves links itself, so it must not either.
TEST(AtomicFile, ALinkAnotherUserPlantedInASharedFolderIsNotFollowed) {
    if (::geteuid() != 0) GTEST_SKIP() << "giving a link to another user needs root";
    folder f("atomic_planted");
    const fs::path shared = f.path / "shared", victim = f.path / "victim.json";
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 01777);
    std::ofstream(victim) << "precious";
    const fs::path planted = shared / "report.html", own = shared / "mine.html";
    fs::create_symlink(victim, planted);
    ASSERT_EQ(::lchown(planted.c_str(), 65534, 65534), 0);  // nobody
    EXPECT_THROW_WITH(write_file_atomically(planted.string(), [](std::ostream& out) { out << "x"; }), write_error,
                      planted.string() + ": a symbolic link of another user (uid 65534) in a folder anyone may write "
                                         "to; it is not followed");
    EXPECT_THROW(write_folder_atomically(planted.string(), {{"a.csv", "x"}}, {}), write_error);
    EXPECT_EQ(detail::read_file(victim.string()), "precious");
    EXPECT_TRUE(fs::is_symlink(planted));
    // The caller's own link there is followed, as is one in a folder that is not shared.
    fs::create_symlink(victim, own);
    write_file_atomically(own.string(), [](std::ostream& out) { out << "mine"; });
    EXPECT_EQ(detail::read_file(victim.string()), "mine");
    ::chmod(shared.c_str(), 0755);
    write_file_atomically(planted.string(), [](std::ostream& out) { out << "allowed"; });
    EXPECT_EQ(detail::read_file(victim.string()), "allowed");
}

// ---------------------------------------------------------------- GraphML

namespace {

std::string graphml_error(const std::string& text) {
    try {
        parse_graphml(text, "g.graphml");
    } catch (const parse_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(GraphML, RoundTripKeepsStakeholdersTiesAndTypes) {
    alliance a = rich_example();
    stakeholder s = a.stakeholders().back();
    EXPECT_THROW(to_graphml(a, {true}), invalid_value_error);  // XML 1.0 cannot hold control character 1
    s.attributes["tab\there"].value = std::string("a&<b>\"c\"\n");
    a.update_stakeholder(s);
    graphml_write_options o;
    o.include_sensitive = true;
    const std::string text = to_graphml(a, o);
    EXPECT_THROW(parse_graphml(text, "x.graphml"), parse_error);  // role 'jongerenwerk' is not built in
    graphml_read_options r;
    r.declare_unknown_roles = true;
    const alliance b = parse_graphml(text, "x.graphml", r);
    ASSERT_EQ(b.num_stakeholders(), a.num_stakeholders());
    // GraphML declares attributes per key: a stakeholder without a value has it as missing.
    auto present = [](auto x) {
        for (auto it = x.attributes.begin(); it != x.attributes.end();)
            it = is_missing(it->second.value) ? x.attributes.erase(it) : std::next(it);
        return x.attributes;
    };
    for (std::size_t i = 0; i < a.num_stakeholders(); ++i)
    {
        stakeholder x = a.stakeholders()[i], y = b.stakeholders()[i];
        x.attributes = present(x), y.attributes = present(y);
        EXPECT_TRUE(x == y) << x.id;
    }
    EXPECT_EQ(a.waves()[1].key, b.waves()[1].key);
    ASSERT_EQ(b.num_ties(), a.num_ties());
    for (std::size_t i = 0; i < a.num_ties(); ++i) {
        EXPECT_EQ(a.describe(a.ties()[i]), b.describe(b.ties()[i]));
        EXPECT_EQ(a.ties()[i].weight, b.ties()[i].weight);
        EXPECT_TRUE(present(a.ties()[i]) == present(b.ties()[i])) << a.describe(a.ties()[i]);
        EXPECT_EQ(a.relations()[a.ties()[i].relation].directed, b.relations()[b.ties()[i].relation].directed);
    }
    EXPECT_EQ(to_graphml(b, o), text);
}

TEST(GraphML, SensitiveAttributesAreLeftOutByDefault) {
    const std::string text = to_graphml(rich_example());
    EXPECT_EQ(text.find("attr.name=\"lhbti_focus\""), std::string::npos);
    EXPECT_NE(text.find("<!-- sensitive attributes left out: stakeholders: lhbti_focus|tab\there; ties: secret -->"),
              std::string::npos);
}

TEST(GraphML, ReadsForeignFilesWithDefaultsAndUndirectedGraphs) {
    // As igraph writes it: ids n0, n1; the original ids in the attribute "id"; an int attribute.
    const alliance a = parse_graphml(R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_id" for="node" attr.name="id" attr.type="string"/>
  <key id="v_age" for="node" attr.name="age" attr.type="int"><default>7</default></key>
  <key id="e_w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="v_id">Ann &amp; co</data><data key="v_age">40</data></node>
    <node id="n1"><data key="v_id">b</data></node>
    <edge source="n0" target="n1"><data key="e_w">2.5</data></edge>
  </graph>
</graphml>)");
    ASSERT_EQ(a.num_stakeholders(), 2u);
    EXPECT_EQ(a.stakeholders()[0].id, "Ann & co");
    EXPECT_EQ(std::get<double>(a.stakeholders()[1].attributes.at("age").value), 7.0);
    EXPECT_FALSE(a.relations()[a.ties()[0].relation].directed);
    EXPECT_EQ(a.relations()[a.ties()[0].relation].key, "tie");
    EXPECT_EQ(a.ties()[0].weight, 2.5);
    EXPECT_EQ(a.waves()[0].key, "T0");
}

TEST(GraphML, ErrorsNameLineAndColumn) {
    const std::string head = "<graphml>\n<key id=\"d0\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n<graph>\n";
    EXPECT_EQ(graphml_error(""), "g.graphml:1:1: the file is empty; expected an XML document");
    EXPECT_EQ(graphml_error("<gexf/>"), "g.graphml:1:1: expected a <graphml> root element, found <gexf>");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"><data key=\"d0\">x</data></node>"),
              "g.graphml:3:1: element <graph> is never closed (truncated?); expected </graph>");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"><data key=\"d0\">x</data></node></graph></graphml>"),
              "g.graphml:4:14: attribute 'n' is declared int, found 'x'; expected a number");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"><data key=\"d1\">x</data></node></graph></graphml>"),
              "g.graphml:4:14: <data> refers to key 'd1', which no <key> declares");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"/><node id=\"a\"/></graph></graphml>"),
              "g.graphml:4:15: stakeholder 'a' already exists");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"/><edge source=\"a\" target=\"bb\"/></graph></graphml>"),
              "g.graphml:4:15: edge refers to node 'bb', which no <node> declares; did you mean 'a'?");
    EXPECT_EQ(graphml_error(head + "<node id=\"a\"/></grph></graphml>"),
              "g.graphml:4:17: closing tag </grph> does not match <graph> opened at line 3");
    EXPECT_EQ(graphml_error(head + "<node id=\"a&b\"/></graph></graphml>"),
              "g.graphml:4:12: a '&' that does not start an entity; write it as &amp;");
}

// ---------------------------------------------------------------- UCINET DL

namespace {

std::string dl_error(const std::string& text) {
    try {
        parse_dl(text, "n.dl");
    } catch (const parse_error& e) {
        return e.what();
    }
    return "";
}

// Ties as "relation@wave source target weight", sorted, for comparing alliances across formats.
std::vector<std::string> tie_lines(const alliance& a) {
    std::vector<std::string> out;
    for (const auto& t : a.ties()) {
        std::string s = a.stakeholders()[t.source].id, u = a.stakeholders()[t.target].id;
        if (!a.relations()[t.relation].directed && u < s) std::swap(s, u);
        out.push_back(a.relations()[t.relation].key + "@" + a.waves()[t.wave].key + " " + s + " " + u + " " +
                      format_number(t.weight));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(Dl, RoundTripInBothLayouts) {
    const alliance a = read_csv_folder(std::string(WIJKNET_SOURCE_DIR) + "/examples/data");
    for (dl_format f : {dl_format::fullmatrix, dl_format::edgelist1}) {
        const std::string text = to_dl(a, {f});
        const alliance b = parse_dl(text, "x.dl");
        ASSERT_EQ(b.num_stakeholders(), a.num_stakeholders());
        EXPECT_EQ(tie_lines(b), tie_lines(a));
        EXPECT_EQ(to_dl(b, {f}), text);
    }
}

TEST(Dl, ReadsTheClassicLayouts) {
    // Matrix without labels; 1-based numbers in an edge list; embedded labels; two matrices.
    const alliance m = parse_dl("dl n=3\nformat = fullmatrix\ndata:\n0 1 0\n0 0 2.5\n1 0 0\n");
    EXPECT_EQ(tie_lines(m), (std::vector<std::string>{"tie@T0 1 2 1", "tie@T0 2 3 2.5", "tie@T0 3 1 1"}));
    const alliance e = parse_dl("DL n=3\nformat = edgelist1\nlabels:\nann, bob, \"cas x\"\ndata:\n1 2\n3 1 4\n");
    EXPECT_EQ(tie_lines(e), (std::vector<std::string>{"tie@T0 ann bob 1", "tie@T0 cas x ann 4"}));
    const alliance x = parse_dl("dl n=2 nm=2\nformat=edgelist1\nmatrix labels:\ncollaboration@T1 trust\n"
                                "labels embedded:\ndata:\nann bob\n!\nbob ann 3\n");
    EXPECT_EQ(tie_lines(x), (std::vector<std::string>{"collaboration@T1 ann bob 1", "trust@T0 bob ann 3"}));
    EXPECT_EQ(x.waves()[0].key, "T1");
    const alliance f = parse_dl("dl n=2 nm=2\nformat=fullmatrix\nmatrix labels: collaboration, trust\n"
                                "labels embedded\ndata:\n a b\na 0 2\nb 2 0\n a b\na 0 1\nb 0 0\n");
    EXPECT_EQ(tie_lines(f), (std::vector<std::string>{"collaboration@T0 a b 2", "trust@T0 a b 1"}));
}

TEST(Dl, ErrorsNameLineAndColumn) {
    EXPECT_EQ(dl_error("graph\n"), "n.dl:1:1: expected the keyword DL at the start of the file");
    EXPECT_EQ(dl_error("dl n=2\nformat=nodelist1\ndata:\n"),
              "n.dl:2:8: unsupported format 'nodelist1'; expected FULLMATRIX or EDGELIST1");
    EXPECT_EQ(dl_error("dl n=2\ndata:\n0 1\n1 x\n"), "n.dl:4:3: expected a number, found 'x'");
    EXPECT_EQ(dl_error("dl n=2\ndata:\n0 1\n1\n"), "n.dl:4: the file ends too early (truncated?); N=2 declares a 2 x 2 matrix (4 values), but the data holds only 3 entries");
    EXPECT_EQ(dl_error("dl n=2 format=edgelist1\ndata:\n1 3\n"), "n.dl:3:3: expected a node number from 1 to 2, found '3'");
    EXPECT_EQ(dl_error("dl n=2\nlabels:\na b\nlabels embedded\ndata:\n a b\na 0 1\nbb 0 0\n"),
              "n.dl:8:1: unknown label 'bb'; did you mean 'b' or 'a'?");
    EXPECT_EQ(dl_error("dl n=2 nm=1 matrix labels: collaboration\nlabels embedded\ndata:\n a b\na 0 1\nb 2 0\n"),
              "n.dl:6:3: relation 'collaboration' is undirected, but its matrix is not symmetric here (2 against 1)");
    EXPECT_EQ(dl_error("dl n=2\nlabels: a a\ndata:\n0 0\n0 0\n"), "n.dl:2:11: stakeholder 'a' already exists");
    EXPECT_EQ(dl_error("dl n=2 lables: a b\ndata:\n"),
              "n.dl:1:8: unknown keyword 'lables'; expected N=, NM=, FORMAT=, LABELS:, LABELS EMBEDDED, MATRIX "
              "LABELS: or DATA:");
}

// ---------------------------------------------------------------- DOT

// The nodes of a DOT text (edges and legend entries left out): the quoted ids before " [label=".
std::vector<std::string> dot_nodes(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto label = line.find("\" [label=");
        if (line.rfind("  \"", 0) == 0 && label != std::string::npos && line.find(" -> ") == std::string::npos &&
            line.find("wijknet legend") == std::string::npos)
            out.push_back(line.substr(3, label - 3));
    }
    return out;
}

TEST(Dot, AWaveDrawsOnlyTheStakeholdersPresentInIt) {
    // The example's opbouwwerker_grutto takes part in T0 only, huisartsen_merelplein in T1 only.
    const alliance a = read_csv_folder(std::string(WIJKNET_SOURCE_DIR) + "/examples/data");
    dot_options o;
    o.selected.waves = {"T1"};
    const std::string t1 = to_dot(a, o);
    const auto nodes = dot_nodes(t1);
    std::size_t present = 0;
    for (index_t i = 0; i < a.num_stakeholders(); ++i) present += a.present(i, a.wave_index("T1"));
    EXPECT_EQ(nodes.size(), present);
    EXPECT_LT(nodes.size(), a.num_stakeholders());
    EXPECT_EQ(std::count(nodes.begin(), nodes.end(), "opbouwwerker_grutto"), 0);
    EXPECT_EQ(std::count(nodes.begin(), nodes.end(), "huisartsen_merelplein"), 1);
    EXPECT_EQ(t1.find("T0"), std::string::npos);  // no tie of T0 either
    o.selected.waves = {"T0"};
    const auto t0 = dot_nodes(to_dot(a, o));
    EXPECT_EQ(std::count(t0.begin(), t0.end(), "opbouwwerker_grutto"), 1);
    EXPECT_EQ(std::count(t0.begin(), t0.end(), "huisartsen_merelplein"), 0);
    EXPECT_EQ(dot_nodes(to_dot(a)).size(), a.num_stakeholders());  // no wave named: everyone

    // Roles and relations select too; a tie is drawn only when both ends are.
    o.selected = {};
    o.selected.roles = {"wijkagent"};
    o.selected.relations = {"referral"};
    const std::string agents = to_dot(a, o);
    EXPECT_EQ(dot_nodes(agents), std::vector<std::string>{"wijkagent_kwikstaart"});
    EXPECT_EQ(agents.find(" -> "), std::string::npos);
    o.selected = {};
    o.selected.relations = {"referral"};
    const std::string referrals = to_dot(a, o);
    EXPECT_EQ(referrals.find("label=\"collaboration"), std::string::npos);
    EXPECT_NE(referrals.find("label=\"referral"), std::string::npos);
}

TEST(Dot, RolesAsColoursKindsAsShapesAndGraphvizAcceptsIt) {
    const alliance a = rich_example();
    dot_options o;
    o.selected.waves = {"T1"};
    const std::string text = to_dot(a, o);
    EXPECT_NE(text.find("\"wijkagent_kwikstaart\" [label=\"Kees Kwikstaart\", shape=ellipse, fillcolor=\"#1f77b4\", "
                        "tooltip=\"community police officer\"];"),
              std::string::npos);
    EXPECT_NE(text.find("\"sv_de_kieviten\" [label=\"Sportvereniging \\\"De Kieviten\\\"\""),
              std::string::npos);
    EXPECT_EQ(text.find(" T0\""), std::string::npos);  // one wave drawn: no wave in labels
    EXPECT_NE(text.find("dir=none"), std::string::npos);
    o.selected.waves = {"T9"};
    EXPECT_THROW(to_dot(a, o), unknown_id_error);
    folder f("dot");
    const std::string path = (f.path / "a.dot").string();
    write_dot(a, path);
    if (std::system("dot -V > /dev/null 2>&1") == 0) {
        EXPECT_EQ(std::system(("dot -Tsvg " + path + " -o " + path + ".svg").c_str()), 0);
    }
}

// ---------------------------------------------------------------- the malformed-file folder

TEST(Malformed, EveryFileGivesItsExactError) {
    // tests/data/malformed/expected_errors.tsv: file <TAB> exact message (paths relative to the folder).
    const std::string folder = std::string(WIJKNET_SOURCE_DIR) + "/tests/data/malformed/";
    std::ifstream table(folder + "expected_errors.tsv");
    ASSERT_TRUE(table) << "missing " << folder << "expected_errors.tsv";
    std::string line;
    std::size_t checked = 0;
    while (std::getline(table, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        const std::string name = line.substr(0, tab), expected = line.substr(tab + 1);
        const std::string path = folder + name, extension = fs::path(name).extension().string();
        std::string got = "(no error)";
        try {
            if (extension == ".json") read_json(path);
            else if (extension == ".graphml") read_graphml(path);
            else if (extension == ".dl") read_dl(path);
            else if (extension == ".csv") read_csv(path);
            else FAIL() << "no reader for " << name;
        } catch (const parse_error& e) {
            got = e.what();
            if (got.rfind(folder, 0) == 0) got = got.substr(folder.size());
        }
        EXPECT_EQ(got, expected) << name;
        ++checked;
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        files += entry.path().extension() != ".tsv" && entry.path().extension() != ".md";
    EXPECT_EQ(checked, files) << "every file in tests/data/malformed needs a line in expected_errors.tsv";
}

// ---------------------------------------------------------------- roster surveys

namespace {

// Roster a, b, c, d; d did not respond. Item "collaboration" (0 = none):
//   a -> b 3, b -> a 2, a -> c 1, c -> b 4, a -> d 2   (c -> a and b -> c not reported)
// Trust items t1..t3 and value item v1:
//   a about b: t1 4, t2 3, v1 2   -> pair trust (4+3)/2 = 3.5, value 2
//   c about b: t1 2               -> pair trust 2
//   a about c: t1 1, t2 1, t3 4, v1 4 -> pair trust 2, value 4
std::vector<roster_response> survey() {
    return {{"a", "b", "collaboration", 3}, {"b", "a", "collaboration", 2}, {"a", "c", "collaboration", 1},
            {"c", "b", "collaboration", 4}, {"a", "d", "collaboration", 2}, {"a", "b", "t1", 4},
            {"a", "b", "t2", 3},            {"a", "b", "v1", 2},            {"c", "b", "t1", 2},
            {"a", "c", "t1", 1},            {"a", "c", "t2", 1},            {"a", "c", "t3", 4},
            {"a", "c", "v1", 4}};
}

std::vector<std::string> roster_ties(tie_rule rule, const char* relation, roster_summary* summary = nullptr) {
    alliance a;
    a.add_wave({"T0", "", ""});
    const auto s = add_roster_ties(a, survey(), {"a", "b", "c", "d"}, {"collaboration", relation, "T0", rule});
    if (summary) *summary = s;
    std::vector<std::string> out;
    for (const auto& t : a.ties())
        out.push_back(a.stakeholders()[t.source].id + a.stakeholders()[t.target].id + " " + format_number(t.weight) +
                      (std::get<bool>(t.attributes.at("confirmed").value) ? "" : " unconfirmed"));
    return out;
}

}  // namespace

TEST(Roster, TieRules) {
    roster_summary s;
    EXPECT_EQ(roster_ties(tie_rule::as_reported, "information", &s),
              (std::vector<std::string>{"ab 3", "ac 1 unconfirmed", "ad 2 unconfirmed", "ba 2", "cb 4 unconfirmed"}));
    EXPECT_EQ(s.respondents, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(s.non_respondents, std::vector<std::string>{"d"});
    EXPECT_EQ(s.unconfirmed, 3u);
    // Confirmed by both: (a, c) and (b, c) fail, (a, d) cannot be checked (d did not respond).
    EXPECT_EQ(roster_ties(tie_rule::minimum, "collaboration"),
              (std::vector<std::string>{"ab 2", "ad 2 unconfirmed"}));
    EXPECT_EQ(roster_ties(tie_rule::maximum, "collaboration"),
              (std::vector<std::string>{"ab 3", "ac 1 unconfirmed", "ad 2 unconfirmed", "bc 4 unconfirmed"}));
    EXPECT_EQ(roster_ties(tie_rule::mean, "collaboration"),
              (std::vector<std::string>{"ab 2.5", "ac 0.5 unconfirmed", "ad 2 unconfirmed", "bc 2 unconfirmed"}));
    EXPECT_THROW(roster_ties(tie_rule::minimum, "information"), invalid_value_error);
}

TEST(Roster, NonRespondentsKeptAndAllianceUnchangedOnError) {
    alliance a;
    a.add_wave({"T0", "", ""});
    add_roster_ties(a, survey(), {"a", "b", "c", "d", "e"}, {"collaboration", "information", "T0", tie_rule::as_reported});
    EXPECT_EQ(a.num_stakeholders(), 5u);
    EXPECT_EQ(std::get<std::string>(a.stakeholder_at("e").attributes.at("respondent_T0").value), "not");
    EXPECT_EQ(std::get<std::string>(a.stakeholder_at("a").attributes.at("respondent_T0").value), "responded");
    alliance b;
    b.add_wave({"T0", "", ""});
    EXPECT_THROW(add_roster_ties(b, survey(), {"a", "b", "c"}, {"collaboration", "information", "T0", tie_rule::as_reported}),
                 invalid_value_error);  // d is not on the roster
    EXPECT_EQ(b.num_stakeholders(), 0u);
}

TEST(Roster, ResponseIsKeptPerWave) {
    // Issue 20: importing T1 overwrote T0's `respondent`. d did not respond at T0 and did at T1;
    // c answered "don't know" (NaN) about d at T1: partly. Each wave keeps its own attribute.
    alliance a;
    a.add_wave({"T0", "", ""});
    const std::vector<std::string> roster = {"a", "b", "c", "d"};
    add_roster_ties(a, survey(), roster, {"collaboration", "information", "T0", tie_rule::as_reported});
    const double missing = std::numeric_limits<double>::quiet_NaN();
    const std::vector<roster_response> t1 = {{"d", "a", "collaboration", 2}, {"c", "a", "collaboration", 1},
                                             {"c", "d", "collaboration", missing}, {"c", "c", "collaboration", missing},
                                             {"b", "a", "collaboration", missing}};
    const auto s = add_roster_ties(a, t1, roster, {"collaboration", "information", "T1", tie_rule::as_reported, true});
    auto response = [&](const char* id, const char* wave) {
        return std::get<std::string>(a.stakeholder_at(id).attributes.at(std::string("respondent_") + wave).value);
    };
    EXPECT_EQ(response("d", "T0"), "not");
    EXPECT_EQ(response("d", "T1"), "responded");
    EXPECT_EQ(response("a", "T0"), "responded");
    EXPECT_EQ(response("a", "T1"), "not");
    EXPECT_EQ(response("c", "T1"), "partly");  // its missing self-report does not count, the one about d does
    EXPECT_EQ(response("b", "T1"), "not");     // only a missing answer: no response
    EXPECT_EQ(s.respondents, (std::vector<std::string>{"c", "d"}));
    EXPECT_EQ(s.partly, std::vector<std::string>{"c"});
    EXPECT_EQ(s.non_respondents, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(s.ties, 2u);  // d -> a, c -> a; a missing answer is no tie
    // A missing answer is left out of the PARTNER scores, as a 0 is.
    const auto scores = partner_scores({{"a", "b", "t1", 4}, {"c", "b", "t1", missing}}, {"t1"}, {});
    EXPECT_DOUBLE_EQ(scores.at("b").trust, 4.0);
    EXPECT_EQ(scores.at("b").raters, 1u);
}

TEST(Roster, DontKnowIsNoReportUnderEveryRule) {
    // a reports 3 about b; b answered other questions but "don't know" (NaN) about a. b gave no
    // report of the pair, as if it had not responded: a's report stands alone, unconfirmed. (It
    // used to count as 0: no tie under minimum, weight (3 + 0) / 2 under mean.)
    const double missing = std::numeric_limits<double>::quiet_NaN();
    const std::vector<roster_response> answers = {{"a", "b", "x", 3}, {"a", "c", "x", 2}, {"b", "c", "x", 1},
                                                  {"b", "a", "x", missing}};
    for (const tie_rule rule : {tie_rule::minimum, tie_rule::mean}) {
        alliance a;
        a.add_wave({"T0", "", ""});
        add_roster_ties(a, answers, {"a", "b", "c"}, {"x", "collaboration", "T0", rule});
        const auto found = a.find_tie("a", "b", "collaboration", "T0");
        ASSERT_TRUE(found.has_value());
        const auto& t = a.ties()[*found];
        EXPECT_EQ(t.weight, 3.0);
        EXPECT_FALSE(std::get<bool>(t.attributes.at("confirmed").value));
    }
}

TEST(Roster, DeclaredWaveIsPartOfTheAllOrNothingChange) {
    // Stakeholder a takes part in T0 only: its tie a -> b in the new wave T1 is refused after
    // the wave was declared on the working copy, and the alliance keeps its one wave.
    alliance a;
    a.add_wave({"T0", "", ""});
    stakeholder only_t0;
    only_t0.id = "a";
    only_t0.waves = {"T0"};
    a.add_stakeholder(only_t0);
    roster_options o{"collaboration", "information", "T1", tie_rule::as_reported, true};
    EXPECT_THROW(add_roster_ties(a, survey(), {"a", "b", "c", "d"}, o), invalid_value_error);
    EXPECT_EQ(a.waves().size(), 1u);
    EXPECT_FALSE(a.find_wave("T1"));
    EXPECT_EQ(a.num_stakeholders(), 1u);
    // Without declare_wave an undeclared wave is refused before anything is done.
    o.declare_wave = false;
    EXPECT_THROW(add_roster_ties(a, survey(), {"a", "b", "c", "d"}, o), unknown_id_error);
    // With it, on an alliance where the ties fit, the wave is declared after T0.
    alliance b;
    b.add_wave({"T0", "", ""});
    o.declare_wave = true;
    const auto s = add_roster_ties(b, survey(), {"a", "b", "c", "d"}, o);
    ASSERT_EQ(b.waves().size(), 2u);
    EXPECT_EQ(b.waves()[1].key, "T1");
    EXPECT_EQ(s.ties, 5u);  // the five as_reported ties of Roster.TieRules
}

TEST(Roster, PartnerTrustAndValueScores) {
    const auto scores = partner_scores(survey(), {"t1", "t2", "t3"}, {"v1"});
    EXPECT_DOUBLE_EQ(scores.at("b").trust, 2.75);  // (3.5 + 2) / 2
    EXPECT_DOUBLE_EQ(scores.at("b").value, 2.0);
    EXPECT_EQ(scores.at("b").raters, 2u);
    EXPECT_DOUBLE_EQ(scores.at("c").trust, 2.0);
    EXPECT_DOUBLE_EQ(scores.at("c").value, 4.0);
    EXPECT_DOUBLE_EQ(scores.at("").trust, 2.5);  // network: (3.5 + 2 + 2) / 3
    EXPECT_DOUBLE_EQ(scores.at("").value, 3.0);  // (2 + 4) / 2
    EXPECT_EQ(scores.count("a"), 0u);            // nobody rated a on these items
}

// ---------------------------------------------------------------- hardened readers (issue 13)

// RFC 3629, section 4: the well-formed byte sequences. Each case is a byte string and the
// position of its first ill-formed byte (npos: all well-formed).
TEST(Utf8, FollowsRfc3629) {
    const auto npos = std::string_view::npos;
    const std::vector<std::pair<std::string, std::size_t>> cases = {
        {"plain ascii", npos},
        {"caf\xC3\xA9", npos},                // U+00E9, two bytes
        {"\xE2\x82\xAC", npos},               // U+20AC, three bytes
        {"\xF0\x9F\x8C\x88", npos},           // U+1F308, four bytes
        {"\xF4\x8F\xBF\xBF", npos},           // U+10FFFF, the last code point
        {"\xEF\xBF\xBF", npos},               // U+FFFF is a code point (a noncharacter, but well-formed)
        {"a\xC0\xAF", 1},                     // overlong '/', C0 lead
        {"a\xC1\xBF", 1},                     // overlong, C1 lead
        {"\xE0\x80\xAF", 0},                  // overlong three-byte '/': E0 needs A0..BF next
        {"\xE0\x9F\xBF", 0},                  // overlong U+07FF
        {"\xF0\x8F\xBF\xBF", 0},              // overlong U+FFFF: F0 needs 90..BF next
        {"ok\xED\xA0\x80", 2},                // U+D800, a UTF-16 surrogate
        {"\xED\xBF\xBF", 0},                  // U+DFFF, a surrogate
        {"\xED\x9F\xBF", npos},               // U+D7FF, just below the surrogates
        {"\xF4\x90\x80\x80", 0},              // U+110000, above the last code point
        {"\xF5\x80\x80\x80", 0},              // F5 lead: above U+10FFFF
        {"\xFF", 0},
        {"ab\x80", 2},                        // a stray continuation byte
        {"\xC3", 0},                          // cut short at the end
        {"\xE2\x82", 0},
        {"\xE2\x82x", 0},                     // cut short by an ASCII byte
    };
    for (const auto& [bytes, bad] : cases) EXPECT_EQ(detail::invalid_utf8(bytes), bad) << detail::printable(bytes);
    // Every reader uses it: a surrogate is refused by JSON, GraphML, DL and (as UTF-8) CSV.
    EXPECT_EQ(json_error("{\"format\": \"wijknet\", \"x\": \"\xED\xA0\x80\"}"), "f.json:1:29: the file is not UTF-8 text");
    EXPECT_EQ(graphml_error("<graphml><graph><node id=\"\xED\xA0\x80\"/></graph></graphml>"),
              "g.graphml:1:27: the file is not UTF-8 text");
    EXPECT_EQ(dl_error("dl n=1\nlabels: a\xF4\x90\x80\x80\ndata:\n0\n"), "n.dl:2:10: the file is not UTF-8 text");
    csv_options utf8;
    utf8.encoding = text_encoding::utf8;
    EXPECT_EQ(csv_error("id,name\na\xED\xA0\x80,x\n", utf8),
              "2:2: f.csv:2:2: the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or convert it with iconv)");
}

TEST(Csv, ErrorColumnsCountCharactersNotBytes) {
    // "é" is two bytes, one character: the second "é" starts at character 3 (byte 4).
    EXPECT_EQ(csv_error("\xC3\xA9,\xC3\xA9\n"), "1:3: f.csv:1:3: column name '\xC3\xA9' appears twice; column names must be unique");
    // After "ëë," (5 bytes, 3 characters) the stray quote is character 5.
    EXPECT_EQ(csv_error("a,b\n\xC3\xAB\xC3\xAB,x\"y\n"),
              "2:5: f.csv:2:5: a '\"' inside an unquoted field; quote the whole field and double the quote (\"\")");
}

// 100,000 names with the one repeat at the end: found by a hash set, not by comparing pairs (the
// time is in benchmarks/bench_readers.py; here the exact answer).
TEST(Duplicates, CsvColumnsJsonMembersAndXmlAttributesAtScale) {
    const std::size_t n = 100000;
    std::string csv, json = "{", xml = "<graphml><graph";
    for (std::size_t i = 0; i < n - 1; ++i) {
        const std::string name = "c" + std::to_string(i);
        csv += name + ",";
        json += "\"" + name + "\": 0, ";
        xml += " " + name + "=\"\"";
    }
    csv += "c7\n";
    json += "\"c7\": 0}";
    xml += " c7=\"\"/></graphml>";
    const std::string csv_column = std::to_string(csv.size() - 2);  // "c7" starts two characters before the end
    EXPECT_EQ(csv_error(csv), "1:" + csv_column + ": f.csv:1:" + csv_column +
                                  ": column name 'c7' appears twice; column names must be unique");
    EXPECT_EQ(json_error(json), "f.json:1:" + std::to_string(json.size() - 7) + ": member 'c7' appears twice in this object");
    EXPECT_EQ(graphml_error(xml), "g.graphml:1:" + std::to_string(xml.size() - 16) + ": attribute 'c7' appears twice");
}

TEST(Limits, CsvRowsAndFields) {
    // A row of more fields than csv_limits::columns stops there.
    const std::string wide(csv_limits::columns + 5, ',');
    EXPECT_EQ(csv_error("a\n" + wide + "\n"),
              "2:100001: f.csv:2:100001: a row with more than 100000 fields; at most that many columns are read");
}

// The DL header is checked against the file before anything is allocated (issue 13: these took
// GBs, spun or ended in a bare length_error).
TEST(Limits, DlDeclaredSizesAreCheckedAgainstTheInput) {
    const std::string too_many = " declares more than the 100000 stakeholders a DL file may have";
    const std::vector<std::pair<std::string, std::string>> cases = {  // file, exact error
        {"DL N=20000 LABELS EMBEDDED DATA:",
         "n.dl:1: the file ends too early (truncated?); N=20000 declares a 20000 x 20000 matrix (400000000 values), "
         "but the data holds only 0 entries"},
        {"DL N=99999999 DATA:", "n.dl:1:6: N=99999999" + too_many},
        {"DL N=2000000000 DATA:\n0", "n.dl:1:6: N=2000000000" + too_many},
        {"DL N=99999999999999999999999 DATA:", "n.dl:1:6: expected a whole number after N, found '99999999999999999999999'"},
        // n = 2^32 would wrap n * n to 0 in 64 bits.
        {"DL N=4294967296 DATA:", "n.dl:1:6: N=4294967296" + too_many},
        {"DL N=3 NM=1001 DATA:", "n.dl:1:11: NM=1001 declares more than the 1000 matrices a DL file may have"},
        {"DL N=2 NM=3 DATA: 0 1 1 0",
         "n.dl:1: the file ends too early (truncated?); N=2 and NM=3 declare 3 matrices of 2 x 2 (12 values), but the "
         "data holds only 4 entries"},
        {"DL N=100000 FORMAT=EDGELIST1 DATA:\n1 100001\n", "n.dl:2:3: expected a node number from 1 to 100000, found '100001'"},
    };
    for (const auto& [text, message] : cases) EXPECT_EQ(dl_error(text), message) << text;
}

TEST(Values, GraphmlWeightNaNOrInfinityIsAnError) {
    const std::string head = "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
                             "<graph><node id=\"a\"/><node id=\"b\"/>\n";
    EXPECT_EQ(graphml_error(head + "<edge source=\"a\" target=\"b\"><data key=\"w\">NaN</data></edge></graph></graphml>"),
              "g.graphml:2:29: edge attribute 'weight' is NaN; expected a finite number (leave the <data> out for the "
              "default weight 1)");
    EXPECT_EQ(graphml_error(head + "<edge source=\"a\" target=\"b\"><data key=\"w\">-INF</data></edge></graph></graphml>"),
              "g.graphml:2:1: tie tie 'a' -> 'b' in wave 'T0': weight must be a finite number, got -inf");
    // A NaN default of the weight key is refused too; a NaN in another attribute is a missing value.
    const std::string nan_default = "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
                                    "<default>nan</default></key><graph><node id=\"a\"/><node id=\"b\"/>\n"
                                    "<edge source=\"a\" target=\"b\"/></graph></graphml>";
    EXPECT_EQ(graphml_error(nan_default), "g.graphml:2:1: edge attribute 'weight' is NaN; expected a finite number "
                                          "(leave the <data> out for the default weight 1)");
    const alliance ok = parse_graphml("<graphml><key id=\"s\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>"
                                      "<graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\">"
                                      "<data key=\"s\">NaN</data></edge></graph></graphml>");
    ASSERT_EQ(ok.num_ties(), 1u);
    EXPECT_EQ(ok.ties()[0].weight, 1.0);
    EXPECT_TRUE(is_missing(ok.ties()[0].attributes.at("score").value));
}

TEST(Values, DotNeverWritesControlCharacters) {
    alliance a;
    stakeholder s;
    s.id = "coc";
    s.name = std::string("C\0C", 3);
    a.add_stakeholder(s);
    EXPECT_THROW_WITH(to_dot(a), invalid_value_error,
                      "the name of stakeholder 'coc' holds control character \\x00, which a DOT file cannot hold; remove it");
    dot_options ids;
    ids.names = false;
    EXPECT_EQ(to_dot(a, ids).find('\0'), std::string::npos);
    // Line breaks in any spelling become \n; a tab stays.
    alliance b;
    s.id = "x";
    s.name = "two\r\nlines\rand\ta tab";
    b.add_stakeholder(s);
    EXPECT_NE(to_dot(b).find("[label=\"two\\nlines\\nand\ta tab\""), std::string::npos);
}

// Every node gets a value for every node key: 4,000 keys (112 kB of declarations) for 2,600 nodes
// would ask for 10.4 million values, past graphml_limits::attribute_values.
TEST(Limits, GraphmlKeysTimesNodes) {
    std::string xml = "<graphml>";
    for (int k = 0; k < 4000; ++k) xml += "<key id=\"k" + std::to_string(k) + "\" for=\"node\"/>";
    const std::size_t graph_at = xml.size() + 1;
    xml += "<graph>";
    for (int v = 0; v < 2600; ++v) xml += "<node id=\"n" + std::to_string(v) + "\"/>";
    xml += "</graph></graphml>";
    EXPECT_EQ(graphml_error(xml), "g.graphml:1:" + std::to_string(graph_at) +
                                      ": 4000 keys for 2600 nodes and 0 for 0 edges ask for more than 10000000 "
                                      "attribute values");
}
