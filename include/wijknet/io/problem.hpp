/// @file
/// @brief A problem found in input files (an error or a warning), in English and Dutch.
#pragma once

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/error.hpp"

namespace wijknet {

/// How bad a problem is: an error stops a read; a warning does not, but the result may not be
/// what was meant; a note is neither, only a line of the list (the "and 28 more rows like the one
/// above" after the problems alike that are shown), and counts as no problem.
enum class severity { error, warning, note };

inline const char* to_string(severity s) noexcept {
    return s == severity::error ? "error" : s == severity::warning ? "warning" : "note";
}

/// One problem in an input file, where it is and what would be right.
///
/// `message` and `suggestion` are English; `message_nl` and `suggestion_nl` Dutch. The suggestion
/// is the part that says what to do ("did you mean 'coc'?"); it may be empty. Hints that name an
/// option use its Python keyword (`duplicates='sum'`, `encoding='cp1252'`); the command line
/// rewrites them to its flags (`--duplicates sum`). Values of sensitive attributes are never quoted.
struct problem {
    std::string file;         ///< file name as given to the reader
    std::size_t line = 0;     ///< 1-based; 0 when the problem is about the whole file
    std::size_t column = 0;   ///< 1-based character column; 0 when not known
    severity level = severity::error;
    std::string message;
    std::string suggestion;
    std::string message_nl;
    std::string suggestion_nl;
    /// For a note "and 28 more rows like the one above": how many problems alike it stands for
    /// (28), each of the level of the problem above it; 0 otherwise.
    std::size_t more = 0;
    /// The ids of the stakeholders the messages quote (each as `'id'`), so that a report can show
    /// them by display name (a person's pseudonym) instead: an id often holds a person's name.
    /// The messages stay true when a display name replaces an id.
    std::vector<std::string> stakeholders;

    /// "file:line:column: message; suggestion" in language @p lang ("en" or "nl").
    std::string text(std::string_view lang = "en") const {
        const bool nl = lang == "nl";
        std::string where = file.empty() ? std::string("<input>") : file;
        if (line > 0) where += ":" + std::to_string(line);
        if (column > 0) where += ":" + std::to_string(column);
        const std::string& m = nl && !message_nl.empty() ? message_nl : message;
        const std::string& s = nl && !suggestion_nl.empty() ? suggestion_nl : suggestion;
        return where + ": " + m + (s.empty() ? "" : "; " + s);
    }
};

namespace detail {

/// The one rule of every reader for a problem it finds (one rule, so that `wijknet check` passes
/// exactly what a read accepts): reading strictly (@p strict), an error stops the read, thrown as
/// a parse_error with the suggestion after the message; a warning or a note never does, and is
/// for the caller to record (as is every problem when checking).
inline void stop_at_error(const problem& p, bool strict) {
    if (strict && p.level == severity::error)
        throw parse_error(p.file, p.line, p.column, p.message + (p.suggestion.empty() ? "" : "; " + p.suggestion));
}

/// The Dutch of an English message wijknet's readers and model give, phrase by phrase; text in
/// single quotes (ids, names, values) is left as it is. Phrases it does not know stay English.
WIJKNET_DECL std::string dutch(std::string_view english);
#if WIJKNET_BODIES
WIJKNET_DECL std::string dutch(std::string_view english) {
    // Longest phrases first where one contains another.
    static const std::pair<const char*, const char*> phrases[] = {
        {"unknown stakeholder kind", "onbekende soort stakeholder"},
        {"expected organisation, person, initiative or group", "verwacht organisation, person, initiative of group (of organisatie, persoon, initiatief, groep)"},
        {"unknown stakeholder", "onbekende stakeholder"},
        {"unknown role", "onbekende rol"},
        {"unknown relation", "onbekende relatie"},
        {"unknown wave", "onbekende meting"},
        {"unknown theme", "onbekend thema"},
        {"unknown event", "onbekende activiteit"},
        {"organiser ", "organisator "},
        {"did you mean", "bedoelt u"},
        {"(add it first if it is new)", "(voeg hem eerst toe als hij nieuw is)"},
        {"none is declared yet", "er is er nog geen vastgelegd"},
        {"already exists", "bestaat al"},
        {"participation of", "deelname van"},
        {"in event", "aan activiteit"},
        {"expected a number in column", "verwacht een getal in kolom"},
        {"(a decimal comma? read the file with decimal_comma)", "(een decimale komma? lees het bestand met decimal_comma=True)"},
        {"expected true or false in column", "verwacht true of false (ja of nee) in kolom"},
        {" fields as in the header, found ", " velden zoals in de kopregel, gevonden: "},
        {"(is the line cut short, or the separator wrong?)", "(is de regel afgebroken, of is het scheidingsteken verkeerd?)"},
        {"(an unquoted separator inside a field?)", "(een scheidingsteken in een veld zonder aanhalingstekens?)"},
        {"expected ", "verwacht "},
        {"a quoted field is never closed; expected a closing", "een veld tussen aanhalingstekens wordt nooit gesloten; verwacht een sluitend"},
        {"unexpected text after a closing quote;", "onverwachte tekst na een sluitend aanhalingsteken;"},
        {"or the end of the line", "of het einde van de regel"},
        {"inside an unquoted field; quote the whole field and double the quote", "in een veld zonder aanhalingstekens; zet het hele veld tussen aanhalingstekens en verdubbel het aanhalingsteken"},
        {"has no name", "heeft geen naam"},
        {"column name", "kolomnaam"},
        {"appears twice; column names must be unique", "komt twee keer voor; kolomnamen moeten uniek zijn"},
        {"the file is empty; expected a header line with column names", "het bestand is leeg; verwacht een kopregel met kolomnamen"},
        {"the header line has no column names", "de kopregel heeft geen kolomnamen"},
        {"the file is neither UTF-8, Windows-1252 nor UTF-16 text", "het bestand is geen UTF-8-, Windows-1252- of UTF-16-tekst"},
        {"the file is not UTF-8 text", "het bestand is geen UTF-8-tekst"},
        {"the file is not Windows-1252 text", "het bestand is geen Windows-1252-tekst"},
        {"the file is not UTF-16 text", "het bestand is geen UTF-16-tekst"},
        {"the file holds NUL bytes, as UTF-16 without a byte order mark does (read it with",
         "het bestand bevat NUL-bytes, zoals UTF-16 zonder byte order mark (lees het met"},
        {", or save it as 'CSV UTF-8' in Excel)", ", of sla het in Excel op als 'CSV UTF-8')"},
        {"(save it as", "(sla het in Excel op als"},
        {"in Excel, or convert it with iconv)", ", of zet het om met iconv)"},
        {"missing column", "kolom ontbreekt:"},
        {"(the header has:", "(de kopregel heeft:"},
        {"no such file", "dit bestand bestaat niet"},
        {"this is a folder; expected a file", "dit is een map; verwacht een bestand"},
        {"the file may not be read (permission denied)", "het bestand mag niet gelezen worden (geen toegang)"},
        {"part of the path is a file, not a folder", "een deel van het pad is een bestand, geen map"},
        {"cannot open the file", "kan het bestand niet openen"},
        {"not a folder; expected a folder holding", "geen map; verwacht een map met"},
        {"does not take part in wave", "doet niet mee in meting"},
        {"(add the wave to its waves first)", "(voeg de meting eerst toe aan zijn metingen)"},
        {"weight must be a finite number, got", "het gewicht moet een eindig getal zijn, gevonden:"},
        {"a stakeholder needs a non-empty id", "een stakeholder heeft een niet-lege id nodig"},
        {"an event needs a non-empty id", "een activiteit heeft een niet-lege id nodig"},
        {"a wave needs a non-empty id", "een meting heeft een niet-lege sleutel nodig"},
        {"a relation needs a non-empty id", "een relatie heeft een niet-lege sleutel nodig"},
        {"is built in as undirected; give it another key to declare it the other way", "is ingebouwd als ongericht; geef haar een andere sleutel om haar anders vast te leggen"},
        {"is built in as directed; give it another key to declare it the other way", "is ingebouwd als gericht; geef haar een andere sleutel om haar anders vast te leggen"},
        {"is not a date; write it as year-month-day (2021-10-23) or day-month-year (23-10-2021)", "is geen datum; schrijf jaar-maand-dag (2021-10-23) of dag-maand-jaar (23-10-2021)"},
        {"); expected the waves in time order, the first measurement first", "); verwacht de metingen in tijdsvolgorde, de eerste meting eerst"},
        {"is dated", "heeft als datum"},
        {", before wave", ", eerder dan meting"},
        {": date", ": datum"},
        {"(the file is separated by ';', so its numbers are read with a decimal comma, as Dutch Excel writes them: write 4,5 for four and a half, or read the file with decimal_comma=False)", "(het bestand is gescheiden door ';', dus worden de getallen gelezen met een decimale komma, zoals Nederlandse Excel ze schrijft: schrijf 4,5 voor vier en een half, of lees het bestand met decimal_comma=False)"},
        {"(with decimal_comma a full stop may be a thousands separator or a decimal point; write the number without thousands separators, with a decimal comma)", "(met decimal_comma kan een punt een scheidingsteken voor duizendtallen of een decimaalteken zijn; schrijf het getal zonder punten, met een decimale komma)"},
        {"known:", "bekend:"},
        {"relation", "relatie"},
        {"tie", "relatie"},
        {"in wave", "in meting"},
        {" or ", " of "},
        {"event", "activiteit"},
        {"wave", "meting"},
        {"found", "gevonden:"},
    };
    std::string out;
    bool quoted = false;
    std::size_t i = 0;
    while (i < english.size()) {
        if (english[i] == '\'') {
            quoted = !quoted;
            out += english[i++];
            continue;
        }
        if (!quoted) {
            bool hit = false;
            for (const auto& [en, nl] : phrases) {
                const std::string_view e(en);
                if (english.substr(i, e.size()) == e) {
                    // whole words only: the phrase may not continue a word
                    const bool starts = i == 0 || !std::isalnum(static_cast<unsigned char>(english[i - 1])) ||
                                        !std::isalnum(static_cast<unsigned char>(e.front()));
                    const bool ends = i + e.size() >= english.size() ||
                                      !std::isalnum(static_cast<unsigned char>(english[i + e.size()])) ||
                                      !std::isalnum(static_cast<unsigned char>(e.back()));
                    if (!starts || !ends) continue;
                    out += nl;
                    i += e.size();
                    hit = true;
                    break;
                }
            }
            if (hit) continue;
        }
        out += english[i++];
    }
    return out;
}
#endif

/// A problem from a parse_error: the message split into what is wrong and what to do (from
/// "did you mean" or "expected" on), each also in Dutch.
WIJKNET_DECL problem to_problem(const parse_error& e, severity level = severity::error);
#if WIJKNET_BODIES
WIJKNET_DECL problem to_problem(const parse_error& e, severity level) {
    problem p;
    p.file = e.file();
    p.line = e.line();
    p.column = e.column();
    p.level = level;
    std::string what = e.what();
    // parse_error's text starts with "file:line:column: "; the problem keeps those apart.
    std::string where = p.file.empty() ? std::string("<input>") : p.file;
    if (p.line > 0) where += ":" + std::to_string(p.line);
    if (p.column > 0) where += ":" + std::to_string(p.column);
    if (what.rfind(where + ": ", 0) == 0) what = what.substr(where.size() + 2);
    std::size_t cut = what.find("; did you mean");
    if (cut == std::string::npos) cut = what.find("; known:");
    if (cut != std::string::npos) {
        p.message = what.substr(0, cut);
        p.suggestion = what.substr(cut + 2);
    } else {
        p.message = what;
    }
    p.message_nl = dutch(p.message);
    p.suggestion_nl = dutch(p.suggestion);
    return p;
}
#endif

}  // namespace detail
}  // namespace wijknet
