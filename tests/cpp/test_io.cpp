// Reading CSV text and CSV folders: what is accepted, and the exact error for what is not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "wijknet/io/csv_folder.hpp"

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

TEST(Csv, SemicolonsBomAndDecimalComma) {
    csv_options o;
    o.decimal_comma = true;
    const csv_table t = parse_csv("\xEF\xBB\xBFid;weight\nx;3,5\ny;NA\n", "f.csv", o);
    EXPECT_EQ(t.separator(), ';');
    EXPECT_EQ(t.header()[0], "id");  // BOM dropped
    EXPECT_DOUBLE_EQ(t.number(0, 1), 3.5);
    EXPECT_TRUE(t.is_missing(1, 1));
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
    EXPECT_EQ(csv_error("a,b\n1,caf\xE9\n"),
              "2:6: f.csv:2:6: the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or convert it with iconv)");
    EXPECT_EQ(csv_error("a,b\n1,\xC3"), "2:3: f.csv:2:3: the file is not UTF-8 text (save it as 'CSV UTF-8' in "
                                        "Excel, or convert it with iconv)");  // truncated multi-byte character
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
                  ": cannot open the file (does it exist, and may it be read?)");
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
