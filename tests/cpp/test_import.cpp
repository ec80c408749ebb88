// Import that survives real exports (issue 9): Dutch headers and names, aliases, encodings, empty
// rows and columns, ties listed twice, and every problem of a folder in one pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "wijknet/io/csv_folder.hpp"
#include "wijknet/io/json.hpp"

using namespace wijknet;
namespace fs = std::filesystem;

namespace {

// A temporary folder of CSV files, removed afterwards.
struct folder {
    fs::path path;
    explicit folder(const std::string& name) : path(fs::temp_directory_path() / ("wijknet_import_" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~folder() { fs::remove_all(path); }
    folder& file(const std::string& name, const std::string& bytes) {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return *this;
    }
    alliance read(const csv_folder_options& o = {}) const { return read_csv_folder(path.string(), o); }
    // "file:line:column: message" of the first error, without the folder; "" when it reads.
    std::string error(const csv_folder_options& o = {}) const {
        try {
            read_csv_folder(path.string(), o);
        } catch (const parse_error& e) {
            std::string what = e.what();
            const std::string prefix = path.string() + "/";
            if (what.rfind(prefix, 0) == 0) what = what.substr(prefix.size());
            return what;
        }
        return "";
    }
    std::vector<std::string> check(const csv_folder_options& o = {}, const char* lang = "en") const {
        std::vector<std::string> out;
        for (const auto& p : check_csv_folder(path.string(), o)) {
            std::string text = std::string(to_string(p.level)) + " " + p.text(lang);
            const std::string prefix = path.string() + "/";
            const std::size_t at = text.find(prefix);
            if (at != std::string::npos) text.erase(at, prefix.size());
            out.push_back(text);
        }
        return out;
    }
};

const char* const people = "id,name,kind,role\nagent,Kees,person,wijkagent\ncoc,COC,organisation,lhbti_organisatie\n"
                           "welzijn,Welzijn,organisation,welzijnswerk\n";

std::string source_dir() { return WIJKNET_SOURCE_DIR; }

}  // namespace

// ---------------------------------------------------------------- names: folding and typos

TEST(Names, FoldIgnoresCaseAccentsAndSeparators) {
    struct row { const char* in; const char* out; };
    for (const row& r : std::vector<row>{{"LHBTI+-Organisatie", "lhbti+ organisatie"},
                                         {"lhbti+_organisatie", "lhbti+ organisatie"},
                                         {"  Geïsoleerd  ", "geisoleerd"},
                                         {"\xC3\x89\xC3\xA9" "n \xC3\xA7" "a", "een ca"},  // Één ça
                                         {"Café  De\xC2\xA0Hoek", "cafe de hoek"},
                                         {"straße", "straße"},
                                         {"ID", "id"}})
        EXPECT_EQ(detail::fold_name(r.in), r.out) << r.in;
}

TEST(Names, TypoDistanceCountsASwapAsOne) {
    EXPECT_EQ(detail::typo_distance("weigth", "weight"), 1u);
    EXPECT_EQ(detail::edit_distance("weigth", "weight"), 2u);  // plain Levenshtein: two substitutions
    EXPECT_EQ(detail::typo_distance("rolen", "role"), 1u);
    EXPECT_GT(detail::typo_distance("sector", "source"), 2u);
    EXPECT_EQ(detail::typo_distance("", "abc"), 3u);
}

// ---------------------------------------------------------------- taxonomy aliases

TEST(Aliases, BuiltInRolesAnswerToDutchLabelsAndAliases) {
    const alliance a;
    struct row { const char* name; const char* key; };
    for (const row& r : std::vector<row>{{"lhbti+ organisatie", "lhbti_organisatie"},
                                         {"LHBTI+-organisatie", "lhbti_organisatie"},
                                         {"lgbti+ organisation", "lhbti_organisatie"},
                                         {"welzijn", "welzijnswerk"},
                                         {"Welzijnswerk", "welzijnswerk"},
                                         {"social welfare work", "welzijnswerk"},
                                         {"wijkagent", "wijkagent"},
                                         {"buurtagent", "wijkagent"},
                                         {"Sociale Partner", "sociale_partner"},
                                         {"ADV", "antidiscriminatievoorziening"},
                                         {"kerngroeplid", "kerngroep"},
                                         {"bewoners", "bewoner"},
                                         {"Bewonersinitiatief", "bewonersinitiatief"}})
        EXPECT_EQ(a.roles().at(r.name).key, r.key) << r.name;
    EXPECT_EQ(a.roles().at("lhbti_organisatie").label_nl, "lhbti+-organisatie");
    EXPECT_EQ(a.roles().at("kerngroep").label_in("nl"), "kerngroeplid");
    EXPECT_EQ(a.roles().at("kerngroep").label_in("en"), "core group member");
    for (const auto& c : a.roles().entries()) EXPECT_FALSE(c.label_nl.empty()) << c.key;
}

TEST(Aliases, BuiltInRelationsAnswerToDutchNames) {
    const alliance a;
    struct row { const char* name; const char* key; };
    for (const row& r : std::vector<row>{{"samenwerking", "collaboration"},
                                         {"Samenwerking", "collaboration"},
                                         {"informatie", "information"},
                                         {"Informatie delen", "information"},
                                         {"information sharing", "information"},
                                         {"doorverwijzing", "referral"},
                                         {"DOORVERWIJZING", "referral"},
                                         {"vertrouwen", "trust"},
                                         {"Trust", "trust"},
                                         {"Doorverwijzing (referral)", "referral"}})
        EXPECT_EQ(a.relations()[a.relation_index(r.name)].key, r.key) << r.name;
    EXPECT_EQ(a.relations()[a.relation_index("trust")].label_in("nl"), "vertrouwen");
    EXPECT_THROW(a.relation_index("vertrouwn"), unknown_id_error);
}

TEST(Aliases, TiesAndSelectionsTakeDutchRelationNames) {
    alliance a;
    a.add_wave({"T0", "", ""});
    a.add_stakeholder({"x", "", stakeholder_kind::person, {"wijkagent"}, {}, {}});
    a.add_stakeholder({"y", "", stakeholder_kind::organisation, {"lhbti+ organisatie"}, {}, {}});
    a.add_tie("x", "y", "doorverwijzing", "T0");
    EXPECT_EQ(a.relations()[a.ties()[0].relation].key, "referral");
    EXPECT_EQ(a.stakeholder_at("y").roles, std::vector<std::string>{"lhbti_organisatie"});  // stored as key
    EXPECT_TRUE(a.find_tie("x", "y", "Doorverwijzing", "T0"));
}

TEST(Aliases, UsersAddRolesAndRelationsWithAliasesButNoClashes) {
    alliance a;
    a.add_role({"jongerenwerk", "youth work", "", "jongerenwerk", {"jeugdwerk", "jongerenwerker"}});
    EXPECT_EQ(a.roles().at("Jeugdwerk").key, "jongerenwerk");
    EXPECT_EQ(a.roles().at("jongerenwerker").key, "jongerenwerk");
    try {
        a.add_role({"buurtvader", "", "", "", {"welzijn"}});  // an alias of a built-in role
        FAIL();
    } catch (const duplicate_id_error& e) {
        EXPECT_STREQ(e.what(), "role 'welzijn' already exists (as 'welzijnswerk'); choose another key, label or alias");
    }
    EXPECT_FALSE(a.roles().contains("buurtvader"));  // unchanged
    a.add_relation({"advice", "advice", true, "advies", {"raad"}});
    EXPECT_EQ(a.relation_index("Raad"), a.relations().size() - 1);
    try {
        a.add_relation({"samenwerking", "", false});
        FAIL();
    } catch (const duplicate_id_error& e) {
        EXPECT_STREQ(e.what(), "relation 'samenwerking' already exists (as 'collaboration')");
    }
    const std::size_t before = a.relations().size();
    EXPECT_THROW(a.add_relation({"x", "", true, "", {"info"}}), duplicate_id_error);
    EXPECT_EQ(a.relations().size(), before);
    EXPECT_FALSE(a.find_relation("x"));
}

TEST(Aliases, JsonKeepsDutchLabelsAndAliases) {
    alliance a(builtins::exclude);
    a.add_role({"jongerenwerk", "youth work", "", "jongerenwerk", {"jeugdwerk"}});
    a.add_theme({"wonen", "housing", "", "wonen", {"huisvesting"}});
    a.add_relation({"advice", "advice", true, "advies", {"raad", "adviseren"}});
    const std::string text = to_json(a);
    EXPECT_NE(text.find("\"label_nl\": \"advies\", \"aliases\": [\"raad\", \"adviseren\"]"), std::string::npos) << text;
    const alliance b = parse_json(text);
    EXPECT_EQ(b.roles().entries(), a.roles().entries());
    EXPECT_EQ(b.themes().entries(), a.themes().entries());
    EXPECT_EQ(b.relations(), a.relations());
    EXPECT_EQ(b.roles().at("jeugdwerk").key, "jongerenwerk");
    // Entries without them write neither member.
    alliance c(builtins::exclude);
    c.add_role({"r", "R", ""});
    EXPECT_EQ(to_json(c).find("label_nl"), std::string::npos);
}

// ---------------------------------------------------------------- encodings

TEST(Encodings, DetectedPerFileAndDecodedToUtf8) {
    const std::string cafe = "Caf\xC3\xA9 \xE2\x80\x9C" "De Hoek\xE2\x80\x9D \xE2\x82\xAC";  // Café “De Hoek” €
    struct row { const char* what; std::string bytes; text_encoding found; };
    std::string utf16_cafe = "\xFF\xFE";  // id<TAB>name\nx<TAB>Café “De Hoek” €\n, little-endian
    for (unsigned cp : std::vector<unsigned>{'i', 'd', '\t', 'n', 'a', 'm', 'e', '\n', 'x', '\t', 'C', 'a', 'f', 0xE9u, ' ',
                                             0x201Cu, 'D', 'e', ' ', 'H', 'o', 'e', 'k', 0x201Du, ' ', 0x20ACu, '\n'})
        utf16_cafe += static_cast<char>(cp & 0xFF), utf16_cafe += static_cast<char>(cp >> 8);
    std::string utf16_be = "\xFE\xFF";
    for (std::size_t i = 2; i < utf16_cafe.size(); i += 2) utf16_be += utf16_cafe[i + 1], utf16_be += utf16_cafe[i];
    const std::vector<row> rows = {
        {"UTF-8", "id,name\nx," + cafe + "\n", text_encoding::utf8},
        {"UTF-8 with BOM", "\xEF\xBB\xBFid,name\nx," + cafe + "\n", text_encoding::utf8},
        {"Windows-1252", "id;name\r\nx;Caf\xE9 \x93" "De Hoek\x94 \x80\r\n", text_encoding::cp1252},
        {"UTF-16 LE", utf16_cafe, text_encoding::utf16},
        {"UTF-16 BE", utf16_be, text_encoding::utf16},
    };
    for (const auto& r : rows) {
        const csv_table t = parse_csv(r.bytes, "f.csv");
        EXPECT_EQ(t.encoding(), r.found) << r.what;
        ASSERT_EQ(t.num_columns(), 2u) << r.what;
        EXPECT_EQ(t.header()[0], "id") << r.what;
        ASSERT_EQ(t.num_rows(), 1u) << r.what;
        EXPECT_EQ(t.cell(0, 1), cafe) << r.what;
    }
}

TEST(Encodings, ValidUtf8IsNeverReadAsWindows1252) {
    // "Ã©" in UTF-8 is also two valid Windows-1252 characters; UTF-8 wins.
    const csv_table t = parse_csv("id\n\xC3\x83\xC2\xA9\n", "f.csv");
    EXPECT_EQ(t.encoding(), text_encoding::utf8);
    EXPECT_EQ(t.cell(0, 0), "\xC3\x83\xC2\xA9");
}

TEST(Encodings, GivenEncodingIsUsedAndErrorsNameLineAndColumn) {
    csv_options o;
    o.encoding = text_encoding::cp1252;
    EXPECT_EQ(parse_csv("id\n\xC3\xA9\n", "f.csv", o).cell(0, 0), "\xC3\x83\xC2\xA9");  // asked for: é as two characters
    struct row { std::string bytes; text_encoding asked; const char* error; };
    const std::vector<row> rows = {
        {"id\ncaf\xE9\n", text_encoding::utf8,
         "f.csv:2:4: the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or convert it with iconv)"},
        {"id\nab\x81\n", text_encoding::cp1252, "f.csv:2:3: the file is not Windows-1252 text (byte 129 is not defined there)"},
        {"id\nab\x81\n", text_encoding::automatic,
         "f.csv:2:3: the file is neither UTF-8, Windows-1252 nor UTF-16 text (save it as 'CSV UTF-8' in Excel, or "
         "convert it with iconv)"},
        {std::string("i\0d\0\n\0", 6), text_encoding::automatic,  // UTF-16 without a byte order mark
         "f.csv:1:2: the file holds NUL bytes, as UTF-16 without a byte order mark does (read it with "
         "encoding='utf-16', or save it as 'CSV UTF-8' in Excel)"},
        {std::string("i\0d\0\n\0x\0", 8), text_encoding::utf16, ""},
        {std::string("\xFF\xFEi\0d\0\n\0x\0\x00\xD8\n\0", 14), text_encoding::automatic,
         "f.csv:2:2: the file is not UTF-16 text: a surrogate pair is broken"},
        {std::string("\xFF\xFEi\0d\0\n", 7), text_encoding::automatic,
         "f.csv:1:3: the file is not UTF-16 text: it has an odd number of bytes"},
    };
    for (const auto& r : rows) {
        csv_options options;
        options.encoding = r.asked;
        try {
            const csv_table t = parse_csv(r.bytes, "f.csv", options);
            if (!*r.error) {  // given: read as little-endian UTF-16
                EXPECT_EQ(t.header()[0], "id");
                EXPECT_EQ(t.cell(0, 0), "x");
                continue;
            }
            ADD_FAILURE() << "no error for " << r.error;
        } catch (const parse_error& e) {
            EXPECT_STREQ(e.what(), r.error);
        }
    }
    EXPECT_EQ(parse_text_encoding("Windows-1252"), text_encoding::cp1252);
    EXPECT_EQ(parse_text_encoding("UTF-8"), text_encoding::utf8);
    EXPECT_EQ(parse_text_encoding("utf-16"), text_encoding::utf16);
    EXPECT_THROW(parse_text_encoding("ebcdic"), invalid_value_error);
}

TEST(Encodings, TabSeparatedUnicodeTextIsDetected) {
    const csv_table t = parse_csv("id\tname\tnote\nx\tA, B\tc;d\n", "f.csv");
    EXPECT_EQ(t.separator(), '\t');
    EXPECT_EQ(t.cell(0, 1), "A, B");
}

// ---------------------------------------------------------------- empty rows and columns

TEST(EmptyRowsAndColumns, AreSkipped) {
    struct row { const char* what; const char* text; std::size_t rows, columns; };
    for (const row& r : std::vector<row>{
             {"semicolon rows", "id;name;kind\nx;X;person\n;;\ny;Y;group\n;;\n", 2, 3},
             {"spaces only", "id,name\nx,X\n  ,\t\n , \ny,Y\n", 2, 2},
             {"trailing empty header cells", "id;name;;\nx;X;;\ny;Y;;\n", 2, 2},
             {"ragged empty tails", "id,name\nx,X,,\ny,Y\n", 2, 2},
             {"header with spaces and no-break spaces", " id \t;\xC2\xA0name\xC2\xA0;;\nx;X;;\n", 1, 2}})
    {
        const csv_table t = parse_csv(r.text, "f.csv");
        EXPECT_EQ(t.num_rows(), r.rows) << r.what;
        ASSERT_EQ(t.num_columns(), r.columns) << r.what;
        EXPECT_EQ(t.header()[0], "id") << r.what;
        EXPECT_EQ(t.header()[1], "name") << r.what;
        EXPECT_EQ(t.cell(0, 0), "x") << r.what;
    }
    const csv_table t = parse_csv("id;name;;\nx;X;;\n;;;\ny;Y;;\n", "f.csv");
    EXPECT_EQ(t.line(1), 4u);  // lines still count the skipped row
}

TEST(EmptyRowsAndColumns, AValueInAColumnWithoutANameIsAnError) {
    try {
        parse_csv("id;name;;\nx;X;;oops\n", "f.csv");
        FAIL();
    } catch (const parse_error& e) {
        EXPECT_STREQ(e.what(), "f.csv:2:6: expected 2 fields as in the header, found 4 (an unquoted separator inside a field?)");
    }
}

// ---------------------------------------------------------------- Dutch headers

TEST(Headers, DutchAndCaseInsensitiveNamesInEveryFile) {
    folder f("dutch_headers");
    f.file("waves.csv", "Meting;Label;Datum\nT0;begin;2021-10-01\nT1;eind;2022-11-15\n")
        .file("relations.csv", "Sleutel;Naam;Gericht\nadvies;Advies;waar\n")
        .file("stakeholders.csv", "\xEF\xBB\xBF" "ID;Naam;Soort;ROL ;Metingen;sector\n"
                                  "agent;Kees;persoon;Wijkagent;T0|T1;politie\n"
                                  "coc;COC;organisatie;LHBTI+ organisatie;;\n")
        .file("ties.csv", "Van;Naar;Relatie;Golf;Gewicht;notitie\nagent;coc;samenwerking;T0;3,5;x\n"
                          "coc;agent;advies;T1;2;\n")
        .file("events.csv", "id;naam;datum;Thema's;Organisatoren\nev;Avond;2022-01-01;veiligheid|jeugd;coc\n")
        .file("participation.csv", "Deelnemer;Activiteit\nagent;ev\n");
    csv_folder_options o;
    o.csv.decimal_comma = true;
    const alliance a = f.read(o);
    EXPECT_EQ(a.waves()[1].label, "eind");
    EXPECT_EQ(a.waves()[0].date, "2021-10-01");
    const auto& agent = a.stakeholder_at("agent");
    EXPECT_EQ(agent.name, "Kees");
    EXPECT_EQ(agent.kind, stakeholder_kind::person);
    EXPECT_EQ(agent.roles, std::vector<std::string>{"wijkagent"});
    EXPECT_EQ(agent.waves, (std::vector<std::string>{"T0", "T1"}));
    EXPECT_EQ(agent.attributes.count("ROL "), 0u);
    EXPECT_EQ(agent.attributes.count("sector"), 1u);
    EXPECT_EQ(a.stakeholder_at("coc").roles, std::vector<std::string>{"lhbti_organisatie"});
    ASSERT_EQ(a.num_ties(), 2u);
    EXPECT_EQ(a.relations()[a.ties()[0].relation].key, "collaboration");
    EXPECT_DOUBLE_EQ(a.ties()[0].weight, 3.5);
    EXPECT_EQ(a.waves()[a.ties()[1].wave].key, "T1");
    EXPECT_EQ(a.ties()[0].attributes.count("notitie"), 1u);
    EXPECT_EQ(a.events()[0].themes, (std::vector<std::string>{"veiligheid", "jongeren"}));
    EXPECT_EQ(a.events()[0].organisers, std::vector<std::string>{"coc"});
    EXPECT_EQ(a.participations().size(), 1u);
}

TEST(Headers, ANearMissIsAnErrorNamingTheColumnItProbablyMeans) {
    struct row { const char* file; const char* header; const char* error; };
    const std::vector<row> rows = {
        {"stakeholders.csv", "id,name,rolen",
         "stakeholders.csv:1:3: unknown column 'rolen' looks like the column 'role'; did you mean 'role'? Rename the "
         "column ('rol' or 'rollen' will do too), or give it a name less like 'role' to keep it as an attribute"},
        {"stakeholders.csv", "id,name,roles ",
         "stakeholders.csv:1:3: unknown column 'roles' looks like the column 'role'; did you mean 'role'? Rename the "
         "column ('rol' or 'rollen' will do too), or give it a name less like 'role' to keep it as an attribute"},
        {"stakeholders.csv", "id,naam,knid",
         "stakeholders.csv:1:3: unknown column 'knid' looks like the column 'kind'; did you mean 'kind'? Rename the "
         "column ('soort' will do too), or give it a name less like 'kind' to keep it as an attribute"},
        {"ties.csv", "source,target,weigth",
         "ties.csv:1:3: unknown column 'weigth' looks like the column 'weight'; did you mean 'weight'? Rename the "
         "column ('gewicht' will do too), or give it a name less like 'weight' to keep it as an attribute"},
        {"ties.csv", "source,target,relatei",
         "ties.csv:1:3: unknown column 'relatei' looks like the column 'relatie'; did you mean 'relatie'? Rename the "
         "column ('relation' will do too), or give it a name less like 'relatie' to keep it as an attribute"},
        {"events.csv", "id,name,organistoren",
         "events.csv:1:3: unknown column 'organistoren' looks like the column 'organisatoren'; did you mean "
         "'organisatoren'? Rename the column ('organisers', 'organizers' or 'organisator' will do too), or give it a "
         "name less like 'organisatoren' to keep it as an attribute"},
        {"participation.csv", "deelnemr,event",
         "participation.csv:1:1: unknown column 'deelnemr' looks like the column 'deelnemer'; did you mean "
         "'deelnemer'? Rename the column ('stakeholder' will do too), or give it a name less like 'deelnemer' to keep "
         "it as an attribute"},
        {"stakeholders.csv", "id,naam,name",
         "stakeholders.csv:1:3: columns 'naam' and 'name' are both the column 'name'; keep one of them"},
    };
    for (const auto& r : rows) {
        folder f("near_miss");
        f.file("stakeholders.csv", people);
        std::string body = r.header;
        body += "\n";
        if (std::string(r.file) != "stakeholders.csv") {
            f.file("events.csv", "id\nev\n");
            f.file(r.file, body);
        } else {
            f.file(r.file, body + "agent,Kees,wijkagent\n");
        }
        EXPECT_EQ(f.error(), r.error) << r.header;
    }
}

TEST(Headers, OrdinaryAttributeNamesAreNotMistakenForColumns) {
    // Every one of these is an attribute, in the file where it stands.
    folder f("attributes");
    f.file("stakeholders.csv", "id,name,kind,role,waves,sector,note,neighbourhood_years,volunteer,date,type,"
                               "lhbti_focus:sensitive,roleplay,kinderen,wijk\n"
                               "x,X,person,bewoner,,zorg,n,3,true,2021,a,false,1,2,oost\n")
        .file("ties.csv", "source,target,note,location,role,wight_class,source_file\nx,x,n,l,r,w,s\n")
        .file("participation.csv", "stakeholder,event,role,name\n");
    const alliance a = f.read();
    EXPECT_EQ(a.stakeholder_at("x").attributes.size(), 10u);
    EXPECT_EQ(a.ties()[0].attributes.size(), 5u);
}

TEST(Headers, NoRoleReadIsAWarning) {
    {
        folder f("no_role_column");
        f.file("stakeholders.csv", "id;naam;functie\nagent;Kees;wijkagent\n");
        std::vector<problem> warnings;
        const alliance a = read_csv_folder(f.path.string(), {}, &warnings);
        EXPECT_EQ(a.num_stakeholders(), 1u);
        ASSERT_EQ(warnings.size(), 1u);
        EXPECT_EQ(warnings[0].level, severity::warning);
        EXPECT_EQ(warnings[0].message, "no roles were read: the table has no role column");
        EXPECT_EQ(warnings[0].suggestion, "is the column named 'role' or 'rol'? (the header has: id, naam, functie)");
        EXPECT_EQ(warnings[0].message_nl, "er zijn geen rollen gelezen: de tabel heeft geen kolom met rollen");
    }
    {
        folder f("empty_role_column");
        f.file("stakeholders.csv", "id;rol\nagent;\ncoc;\n");
        std::vector<problem> warnings;
        read_csv_folder(f.path.string(), {}, &warnings);
        ASSERT_EQ(warnings.size(), 1u);
        EXPECT_EQ(warnings[0].text(), (f.path / "stakeholders.csv").string() +
                                          ":1:2: no roles were read: column 'rol' is empty in every row; fill in the "
                                          "roles (keys such as 'wijkagent' or labels), several separated by '|'");
    }
    {
        folder f("roles_read");
        f.file("stakeholders.csv", people);
        std::vector<problem> warnings;
        read_csv_folder(f.path.string(), {}, &warnings);
        EXPECT_TRUE(warnings.empty());
    }
}

// ---------------------------------------------------------------- ties listed more than once

TEST(Duplicates, EachRuleOnBothDirectionsAndRepeats) {
    // collaboration is undirected: agent-coc and coc-agent are one tie; referral is directed.
    const std::string ties = "source,target,relation,weight,note\n"
                             "agent,coc,collaboration,4,\n"
                             "coc,agent,collaboration,2,vaak\n"
                             "agent,coc,collaboration,3,\n"
                             "agent,coc,referral,1,\n"
                             "coc,agent,referral,5,\n";
    struct row { duplicate_rule rule; double collaboration; const char* error; };
    const std::vector<row> rows = {
        {duplicate_rule::merge, 0,
         "ties.csv:3:4: the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice, on lines 2 and 3, with "
         "weights 4 and 2; say how to combine them with duplicates='sum', 'max' or 'mean', or make the listings agree"},
        {duplicate_rule::error, 0,
         "ties.csv:3:1: the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice, on lines 2 and 3; remove "
         "one listing, or combine them with duplicates='merge', 'sum', 'max' or 'mean'"},
        {duplicate_rule::sum, 9, ""},
        {duplicate_rule::max, 4, ""},
        {duplicate_rule::mean, 3, ""},
    };
    for (const auto& r : rows) {
        folder f("duplicates");
        f.file("stakeholders.csv", people).file("ties.csv", ties);
        csv_folder_options o;
        o.duplicates = r.rule;
        EXPECT_EQ(f.error(o), r.error) << to_string(r.rule);
        if (*r.error) continue;
        const alliance a = f.read(o);
        ASSERT_EQ(a.num_ties(), 3u) << to_string(r.rule);  // one collaboration, two referrals
        EXPECT_DOUBLE_EQ(a.ties()[0].weight, r.collaboration) << to_string(r.rule);
        EXPECT_EQ(std::get<std::string>(a.ties()[0].attributes.at("note").value), "vaak");  // filled from a later listing
        EXPECT_DOUBLE_EQ(a.ties()[1].weight, 1);
        EXPECT_DOUBLE_EQ(a.ties()[2].weight, 5);
    }
    EXPECT_EQ(parse_duplicate_rule("mean"), duplicate_rule::mean);
    EXPECT_THROW(parse_duplicate_rule("average"), invalid_value_error);
}

TEST(Duplicates, EmplaceTieFindsTheTieListedBefore) {
    alliance a;
    a.add_wave({"T0", "", ""});
    a.add_stakeholder({"x", "", stakeholder_kind::person, {}, {}, {}});
    a.add_stakeholder({"y", "", stakeholder_kind::person, {}, {}, {}});
    tie t{1, 0, static_cast<std::uint16_t>(a.relation_index("collaboration")), 0, 2.0, {}};
    EXPECT_EQ(a.emplace_tie(tie(t)), (std::pair<index_t, bool>{0, true}));
    tie mirror{0, 1, t.relation, 0, 5.0, {}};
    EXPECT_EQ(a.emplace_tie(std::move(mirror)), (std::pair<index_t, bool>{0, false}));
    EXPECT_DOUBLE_EQ(mirror.weight, 5.0);  // left as it was
    EXPECT_EQ(a.num_ties(), 1u);
    EXPECT_DOUBLE_EQ(a.ties()[0].weight, 2.0);
    try {
        a.insert_tie(tie{0, 1, t.relation, 0, 1.0, {}});
        FAIL();
    } catch (const duplicate_id_error& e) {
        EXPECT_STREQ(e.what(), "collaboration tie 'x' -- 'y' in wave 'T0' already exists");
    }
    // A listing of a tie that was there before the reader started is an error under every rule.
    tie_listings listings(a, duplicate_rule::sum);
    EXPECT_THROW(listings.add(tie{0, 1, t.relation, 0, 1.0, {}}, 2), duplicate_id_error);
    EXPECT_DOUBLE_EQ(a.ties()[0].weight, 2.0);
}

TEST(Duplicates, IdenticalListingsMergeByDefault) {
    folder f("identical");
    f.file("stakeholders.csv", people)
        .file("ties.csv", "source,target,relation,weight\nagent,coc,collaboration,4\ncoc,agent,collaboration,4\n"
                          "agent,coc,collaboration,4\nagent,welzijn,trust,2\nagent,welzijn,trust,2\n");
    const alliance a = f.read();
    EXPECT_EQ(a.num_ties(), 2u);
    EXPECT_DOUBLE_EQ(a.ties()[0].weight, 4);
}

TEST(Duplicates, ConflictingAttributesAreNamedButSensitiveValuesNeverQuoted) {
    folder f("attribute_conflict");
    f.file("stakeholders.csv", people)
        .file("ties.csv", "source,target,relation,reason:sensitive\nagent,coc,collaboration,geheim-A\n"
                          "coc,agent,collaboration,geheim-B\n");
    const std::string e = f.error();
    EXPECT_EQ(e, "ties.csv:3:4: the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice, on lines 2 and 3, "
                 "with different values of 'reason'; make the listings agree, or remove one (with "
                 "duplicates='sum', 'max' or 'mean' the first listing's value is kept)");
    EXPECT_EQ(e.find("geheim"), std::string::npos);
    csv_folder_options o;
    o.duplicates = duplicate_rule::max;
    EXPECT_EQ(std::get<std::string>(f.read(o).ties()[0].attributes.at("reason").value), "geheim-A");
}

// ---------------------------------------------------------------- one pass, every problem

TEST(Check, EveryProblemOfEveryFileInOnePass) {
    folder f("check");
    f.file("relations.csv", "key,directed\nadvies,misschien\n")
        .file("stakeholders.csv", "id,naam,soort,rolen\nagent,Kees,persoon,wijkagent\ncoc,COC,organisatie,\n"
                                  "welzijn,W,organisatie,\nbuurt,Buurtclub,club,\n")
        .file("ties.csv", "source,target,relation,weight\nagent,cco,trust,1\nagent,coc,trust,veel\n"
                          "agent,welzijn,collaboration,4\nwelzijn,agent,collaboration,3\nagent,welzijn,trust,1,x\n"
                          "buurt,agent,trust,1\n")
        .file("events.csv", "id,theme\nev,veilighied\nev2,sport\n")
        .file("participation.csv", "stakeholder,event\nagent,ev\nbuurt,ev2\nagent,ev3\n");
    const std::vector<std::string> expected = {
        "error relations.csv:2:2: expected true or false in column 'directed'",
        "error stakeholders.csv:1:4: unknown column 'rolen' looks like the column 'role'; did you mean 'role'? Rename "
        "the column ('rol' or 'rollen' will do too), or give it a name less like 'role' to keep it as an attribute",
        "error stakeholders.csv:5:3: unknown stakeholder kind 'club'; expected organisation, person, initiative or group",
        "warning stakeholders.csv:1: no roles were read: the table has no role column; is the column named 'role' or "
        "'rol'? (the header has: id, naam, soort, rolen)",
        "error ties.csv:6:23: expected 4 fields as in the header, found 5 (an unquoted separator inside a field?)",
        "error ties.csv:2:2: unknown stakeholder 'cco'; did you mean 'coc'?",
        "error ties.csv:3:4: expected a number in column 'weight', found 'veel'",
        "error ties.csv:5:4: the collaboration tie 'agent' -- 'welzijn' in wave 'T0' is listed twice, on lines 4 and "
        "5, with weights 4 and 3; say how to combine them with duplicates='sum', 'max' or 'mean', or make the "
        "listings agree",
        "error events.csv:2:2: unknown theme 'veilighied'; did you mean 'veiligheid'? (add it first if it is new)",
        "error participation.csv:4:2: unknown event 'ev3'; did you mean 'ev2'?",
    };
    // buurt's own row failed: its tie and participation are not reported again; nor is agent's
    // participation in ev, whose own row failed.
    EXPECT_EQ(f.check(), expected);
    const std::vector<std::string> dutch = f.check({}, "nl");
    ASSERT_EQ(dutch.size(), expected.size());
    EXPECT_EQ(dutch[0], "error relations.csv:2:2: verwacht true of false (ja of nee) in kolom 'directed'");
    EXPECT_EQ(dutch[1], "error stakeholders.csv:1:4: onbekende kolom 'rolen' lijkt op de kolom 'role'; bedoelt u "
                        "'role'? Geef de kolom die naam ('rol' of 'rollen' mag ook), of een naam die er minder op "
                        "lijkt om hem als kenmerk te houden");
    EXPECT_EQ(dutch[2], "error stakeholders.csv:5:3: onbekende soort stakeholder 'club'; verwacht organisation, "
                        "person, initiative of group (of organisatie, persoon, initiatief, groep)");
    EXPECT_EQ(dutch[3], "warning stakeholders.csv:1: er zijn geen rollen gelezen: de tabel heeft geen kolom met "
                        "rollen; heet de kolom 'role' of 'rol'? (de kopregel heeft: id, naam, soort, rolen)");
    EXPECT_EQ(dutch[4], "error ties.csv:6:23: verwacht 4 velden zoals in de kopregel, gevonden: 5 (een scheidingsteken "
                        "in een veld zonder aanhalingstekens?)");
    EXPECT_EQ(dutch[5], "error ties.csv:2:2: onbekende stakeholder 'cco'; bedoelt u 'coc'?");
    EXPECT_EQ(dutch[6], "error ties.csv:3:4: verwacht een getal in kolom 'weight', gevonden: 'veel'");
    EXPECT_EQ(dutch[7], "error ties.csv:5:4: de relatie 'samenwerking' tussen 'agent' en 'welzijn' in meting 'T0' staat "
                        "twee keer in de invoer, op regel 4 en 5, met gewicht 4 en 3; zeg hoe ze samen moeten met "
                        "duplicates='sum', 'max' of 'mean', of maak ze gelijk");
    EXPECT_EQ(dutch[8], "error events.csv:2:2: onbekend thema 'veilighied'; bedoelt u 'veiligheid'? (voeg hem eerst "
                        "toe als hij nieuw is)");
    // The strict reader stops at the first of them.
    EXPECT_EQ(f.error(), "relations.csv:2:2: expected true or false in column 'directed'");
}

TEST(Check, ACleanFolderHasNoProblemsAndAnUnreadableFileIsOne) {
    EXPECT_TRUE(check_csv_folder(source_dir() + "/examples/data").empty());
    folder f("unreadable");
    f.file("stakeholders.csv", "id\nab\x81\n").file("ties.csv", "source\n");
    const auto problems = f.check();
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "error stakeholders.csv:2:3: the file is neither UTF-8, Windows-1252 nor UTF-16 text (save "
                           "it as 'CSV UTF-8' in Excel, or convert it with iconv)");
    EXPECT_EQ(problems[1], "error ties.csv:1: missing column 'target' (or 'doel', 'naar', 'to'); the header has: source");
}

// ---------------------------------------------------------------- the Excel twins (tests/data/excel)

TEST(ExcelTwins, TheExportReadsToTheSameAllianceAsItsCleanTwin) {
    const std::string dir = source_dir() + "/tests/data/excel/";
    const alliance clean = read_csv_folder(dir + "clean");
    csv_folder_options o;
    o.csv.decimal_comma = true;
    std::vector<problem> warnings;
    const alliance excel = read_csv_folder(dir + "export", o, &warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(to_json(excel, {true}), to_json(clean, {true}));
    EXPECT_GT(clean.num_ties(), 100u);
    EXPECT_TRUE(check_csv_folder(dir + "export", o).empty());
}

TEST(ExcelTwins, TheBrokenTwinShowsEveryMistakeAtOnce) {
    csv_folder_options o;
    o.csv.decimal_comma = true;
    const auto problems = check_csv_folder(source_dir() + "/tests/data/excel/broken", o);
    std::vector<std::string> got;
    for (const auto& p : problems) got.push_back(std::string(to_string(p.level)) + " " +
                                                 fs::path(p.file).filename().string() + ":" + std::to_string(p.line) + ":" +
                                                 std::to_string(p.column) + " " + p.message.substr(0, 40));
    const std::vector<std::string> expected = {
        "error relations.csv:2:3 expected true or false in column 'Gerich",
        "error stakeholders.csv:1:4 unknown column 'Rolen' looks like the co",
        "error stakeholders.csv:4:3 unknown stakeholder kind 'clubhuis'; exp",
        "warning stakeholders.csv:1:0 no roles were read: the table has no rol",
        "error ties.csv:14:66 expected 6 fields as in the header, foun",
        "error ties.csv:6:2 unknown stakeholder 'buurtpreventie_voge",
        "error ties.csv:9:5 expected a number in column 'Gewicht', f",
        "error ties.csv:25:5 the collaboration tie 'welzijn_riviersta",
        "error events.csv:3:4 unknown theme 'veilighied'",
        "error participation.csv:5:2 unknown event 'ev99_onbekend'",
    };
    EXPECT_EQ(got, expected);
}

TEST(Check, TheIncidentFilesAreCheckedToo) {
    folder f("incidents");
    f.file("stakeholders.csv", std::string(people) + "bad,Bad,organisation,slager\n")
        .file("incidents.csv", "id,reported,category\nM1,2022-03-01,intimidatie\nM1,2022-03-02,intimidatie\n"
                               "M2,gisteren,intimidatie\nM3,2022-03-03,intimidatie\nM4,2022-03-04,intimidatie\n")
        .file("incident_steps.csv", "incident,stakeholder,action,to,time\nM9,agent,ontvangen,,2022-03-01T10:00\n"
                                    "M3,bad,ontvangen,,2022-03-03T10:00\nM4,agent,fietsen,,2022-03-04T10:00\n"
                                    "M1,agent,ontvangen,,2022-03-01T10:00\n");
    std::vector<std::string> got;
    for (const auto& line : f.check()) got.push_back(line.substr(0, line.find(';')));
    // Every file, every problem; the step of M3 names 'bad', whose own row was refused: not again.
    const std::vector<std::string> expected = {
        "error stakeholders.csv:5:4: stakeholder 'bad': unknown role 'slager' (add it first if it is new)",
        "error incidents.csv:3:1: incident 'M1' is listed twice (first on line 2)",
        "error incident_steps.csv:2:1: step of unknown incident 'M9' (not in incidents.csv)",
        "error incidents.csv:4:2: incident 'M2': reported 'gisteren' is not a date-time",
        "error incident_steps.csv:4:3: incident 'M4', step 1: unknown action 'fietsen'",
    };
    EXPECT_EQ(got, expected);
    // read_csv_folder stops at the first of them.
    EXPECT_EQ(f.error().substr(0, 40), "stakeholders.csv:5:4: stakeholder 'bad':");
}

TEST(Check, ProblemsAlikeAreShownThreeTimesThenCounted) {
    folder f("alike");
    std::string ties = "source,target,relation,weight\n";
    for (int i = 0; i < 6; ++i) ties += "agent,coc,trust," + std::to_string(i) + ",5\n";  // a decimal comma, unquoted
    ties += "agent,welzijn,trust,x\n";
    f.file("stakeholders.csv", people).file("ties.csv", ties);
    const auto problems = f.check();
    ASSERT_EQ(problems.size(), 5u);
    EXPECT_EQ(problems[0], "error ties.csv:2:19: expected 4 fields as in the header, found 5 (an unquoted separator "
                           "inside a field?)");
    EXPECT_EQ(problems[2], "error ties.csv:4:19: expected 4 fields as in the header, found 5 (an unquoted separator "
                           "inside a field?)");
    EXPECT_EQ(problems[3], "note ties.csv:4:19: and 3 more rows like the one above");  // a line, not a problem
    EXPECT_EQ(problems[4], "error ties.csv:8:4: expected a number in column 'weight', found 'x'");
    EXPECT_EQ(f.check({}, "nl")[3], "note ties.csv:4:19: en nog 3 rijen zoals hierboven");
}

// ---------------------------------------------------------------- ids and text (issue 13)

// Ids are kept as written; one that differs from an earlier id only in capitals, accents or
// Unicode form (NFC "café" = 63 61 66 C3 A9, NFD = 63 61 66 65 CC 81) is a warning at its row.
TEST(Ids, NearDuplicatesAreWarnedAboutNotMerged) {
    folder f("near_duplicates");
    f.file("stakeholders.csv", "id,role\ncoc,lhbti_organisatie\nCOC,lhbti_organisatie\ncaf\xC3\xA9,wijkagent\n"
                               "cafe\xCC\x81,wijkagent\ncoc_a,wijkagent\ncoc-a,wijkagent\n");
    std::vector<problem> warnings;
    const alliance a = read_csv_folder(f.path.string(), {}, &warnings);
    EXPECT_EQ(a.num_stakeholders(), 6u);  // nothing merged
    EXPECT_EQ(a.stakeholders()[3].id, "cafe\xCC\x81");
    EXPECT_EQ(f.check(), (std::vector<std::string>{
                             "warning stakeholders.csv:3:1: the id of stakeholder 'COC' differs from that of 'coc' "
                             "(line 2) only in capitals, accents or Unicode form; if they are one stakeholder, write "
                             "the id the same way everywhere",
                             "warning stakeholders.csv:5:1: the id of stakeholder 'cafe\xCC\x81' differs from that of "
                             "'caf\xC3\xA9' (line 4) only in capitals, accents or Unicode form; if they are one "
                             "stakeholder, write the id the same way everywhere"}));
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0].message_nl, "de id van stakeholder 'COC' verschilt van die van 'coc' (regel 2) alleen in "
                                      "hoofdletters, accenten of Unicode-vorm");
    // The ids the message quotes, for reports that show stakeholders by display name.
    EXPECT_EQ(warnings[0].stakeholders, (std::vector<std::string>{"COC", "coc"}));
    EXPECT_EQ(detail::fold_id("\xC3\x89" "COLE"), "ecole");  // É (U+00C9) folds to e
}

// An id that is not UTF-8 (a lone surrogate, ED A0 80) is refused when the file is read as UTF-8,
// at its character column; read with detection, such a file is Windows-1252 (every byte defined
// there), so the id is valid UTF-8 once read either way.
TEST(Ids, InvalidUtf8IdIsAnErrorAtReadTime) {
    folder f("invalid_utf8_id");
    f.file("stakeholders.csv", "id,role\n\xC3\xA9\xED\xA0\x80,wijkagent\n");
    csv_folder_options utf8;
    utf8.csv.encoding = text_encoding::utf8;
    EXPECT_EQ(f.error(utf8), "stakeholders.csv:2:2: the file is not UTF-8 text (save it as 'CSV UTF-8' in Excel, or "
                             "convert it with iconv)");
    const alliance a = f.read();
    EXPECT_EQ(a.stakeholders()[0].id, "\xC3\x83\xC2\xA9\xC3\xAD\xC2\xA0\xE2\x82\xAC");  // Ã © í NBSP €
    EXPECT_EQ(detail::invalid_utf8(a.stakeholders()[0].id), std::string_view::npos);
}

// ---------------------------------------------------------------- a CSV folder in Dutch (issue 20)

TEST(DutchFolder, DutchFileNamesInAnyCaseAreRead) {
    // As a Dutch programme lead saves the sheets: Dutch file names, capitals, semicolons and
    // decimal commas (read as such without being told: the file is separated by ';').
    folder f("dutch_files");
    f.file("Stakeholders.CSV", "id;naam;rol\nagent;Kees;wijkagent\ncoc;COC;lhbti_organisatie\nwelzijn;Welzijn;welzijnswerk\n")
        .file("metingen.csv", "meting;naam;datum\nT0;begin;2021-10-01\n")
        .file("Relaties.csv", "van;naar;relatie;meting;gewicht\nagent;coc;samenwerking;T0;3,5\ncoc;welzijn;doorverwijzing;T0;2\n")
        .file("bijeenkomsten.csv", "id;naam;datum;thema\nev;Avond;2022-01-01;veiligheid\n")
        .file("deelname.csv", "deelnemer;bijeenkomst\nagent;ev\n")
        .file("meldingen.csv", "melding;gemeld;categorie\nm1;2022-02-01;discriminatie\n")
        .file("meldingstappen.csv", "melding;wie;actie;tijdstip\nm1;coc;ontvangen;2022-02-01\n");
    std::vector<problem> warnings;
    const alliance a = read_csv_folder(f.path.string(), {}, &warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front().message;
    ASSERT_EQ(a.num_ties(), 2u);
    EXPECT_DOUBLE_EQ(a.ties()[0].weight, 3.5);
    EXPECT_EQ(a.waves()[0].label, "begin");
    EXPECT_EQ(a.events().size(), 1u);
    EXPECT_EQ(a.participations().size(), 1u);
    EXPECT_EQ(a.incidents().size(), 1u);
    EXPECT_EQ(a.incidents().incidents()[0].steps.size(), 1u);
    EXPECT_TRUE(f.check().empty());
}

TEST(DutchFolder, TheExcelExportReadsWithoutBeingToldAboutItsDecimalCommas) {
    const std::string dir = source_dir() + "/tests/data/excel/";
    EXPECT_EQ(to_json(read_csv_folder(dir + "export"), {true}), to_json(read_csv_folder(dir + "clean"), {true}));
}

TEST(DutchFolder, AnUnknownCsvFileIsAWarningNamingWhatItMayBe) {
    folder f("unknown_files");
    f.file("stakeholders.csv", people)
        .file("relatie.csv", "van,naar\nagent,coc\n")
        .file("export_t0.csv", "a,b\n1,2\n")
        .file("README.md", "notes\n");
    const std::vector<std::string> expected = {
        "warning export_t0.csv: 'export_t0.csv' is not read: it is none of the files of the layout; the folder is read "
        "from stakeholders.csv, ties.csv (relaties.csv), waves.csv (metingen.csv), relations.csv, events.csv "
        "(bijeenkomsten.csv), participation.csv (deelname.csv), incidents.csv (meldingen.csv) and incident_steps.csv "
        "(meldingstappen.csv); see docs/csv.md",
        "warning relatie.csv: 'relatie.csv' is not read: it is none of the files of the layout; did you mean "
        "'relaties.csv' (the ties)? Rename it to be read"};
    EXPECT_EQ(f.check(), expected);
    EXPECT_EQ(f.check({}, "nl")[1],
              "warning relatie.csv: 'relatie.csv' wordt niet gelezen: het is geen van de bestanden van de indeling; "
              "bedoelt u 'relaties.csv' (de relaties)? Geef het die naam om het te laten lezen");
    std::vector<problem> warnings;
    const alliance a = read_csv_folder(f.path.string(), {}, &warnings);
    EXPECT_EQ(warnings.size(), 2u);  // kept with the alliance (Python: read_warnings), as every warning
    EXPECT_EQ(a.num_ties(), 0u);
}

TEST(DutchFolder, AFileUnderTwoNamesIsAnError) {
    folder f("two_names");
    f.file("stakeholders.csv", people).file("ties.csv", "source,target\nagent,coc\n").file("relaties.csv", "van,naar\ncoc,welzijn\n");
    EXPECT_EQ(f.error(), "ties.csv: 'relaties.csv' and 'ties.csv' are both the ties (ties.csv); keep one of them in "
                         "the folder");
}

TEST(DutchFolder, ASemicolonFileHasDecimalCommasUnlessSaidOtherwise) {
    folder f("semicolon_numbers");
    f.file("stakeholders.csv", people).file("ties.csv", "source;target;weight\nagent;coc;4.5\n");
    EXPECT_EQ(f.error(), "ties.csv:2:3: expected a number in column 'weight', found '4.5' (the file is separated by "
                         "';', so its numbers are read with a decimal comma, as Dutch Excel writes them: write 4,5 for "
                         "four and a half, or read the file with decimal_comma=False)");
    csv_folder_options points;
    points.csv.infer_decimal_comma = false;
    EXPECT_DOUBLE_EQ(f.read(points).ties()[0].weight, 4.5);
    // A comma-separated file keeps its decimal points.
    f.file("ties.csv", "source,target,weight\nagent,coc,4.5\n");
    EXPECT_DOUBLE_EQ(f.read().ties()[0].weight, 4.5);
}

TEST(DutchFolder, AColumnReadAsTextBecauseOfAFewCellsIsAWarning) {
    folder f("odd_cells");
    f.file("stakeholders.csv", "id,role,jaren,vrijwilliger\nagent,wijkagent,6,ja\ncoc,lhbti_organisatie,n.b.,nee\n"
                               "welzijn,welzijnswerk,15,misschien\nbuurt,bewonersinitiatief,4,ja\n")
        .file("ties.csv", "source;target;uren\nagent;coc;1.5\ncoc;welzijn;2.5\nagent;welzijn;3\n");
    const std::vector<std::string> expected = {
        "warning stakeholders.csv:3:3: column 'jaren' is read as text: 1 of its 4 values are not numbers (line 3: "
        "'n.b.'); correct those cells (empty, or NA, where the value is not known) to read the column as numbers",
        "warning stakeholders.csv:4:4: column 'vrijwilliger' is read as text: 1 of its 4 values are not true or false "
        "(line 4: 'misschien'); correct those cells (empty, or NA, where the value is not known) to read the column "
        "as true or false",
        "warning ties.csv:2:3: column 'uren' is read as text: 2 of its 3 values are not numbers (line 2: '1.5', line "
        "3: '2.5'); the file is separated by ';', so its numbers are read with a decimal comma: write 4,5 for four "
        "and a half, or read the file with decimal_comma=False"};
    EXPECT_EQ(f.check(), expected);
    // A column of text stays text without a word.
    f.file("stakeholders.csv", "id,role,sector\nagent,wijkagent,politie\ncoc,lhbti_organisatie,12\n");
    f.file("ties.csv", "source,target\nagent,coc\n");
    EXPECT_TRUE(f.check().empty());
}

// What the data describe is written and read with the alliance: JSON keeps its order, and a file
// without it stays as it was (no "about" member).
TEST(About, JsonKeepsItInOrder) {
    alliance a;
    a.set_about("neighbourhood", "Vogelwijk-Oost");
    a.set_about("municipality", "Rivierstad");
    EXPECT_EQ(parse_json(to_json(a)).about(), a.about());
    EXPECT_EQ(to_json(alliance()).find("\"about\""), std::string::npos);
}
