/// @file
/// @brief The built-in roles, themes, relations and method templates, as data.
///
/// Sources: the handreiking *Veilige Wijken* (pilot of the Regenboogsteden programme, 2021-2022),
/// chapters on Alle Kleuren and Samen in de Wijk; docs/method_templates.md explains each entry.
#pragma once

#include <vector>

#include "wijknet/model/entities.hpp"
#include "wijknet/model/method_template.hpp"
#include "wijknet/model/taxonomy.hpp"

namespace wijknet::builtin {

/// The roles of both methods: Dutch keys as the field uses them, English and Dutch labels, and
/// the other names people give them (looked up ignoring case, accents, '_', '-' and spaces).
inline const std::vector<category>& roles() {
    static const std::vector<category> data = {
        {"wijkagent", "community police officer", "Police officer responsible for the neighbourhood.", "wijkagent",
         {"buurtagent", "police officer"}},
        {"welzijnswerk", "social welfare work", "Welfare organisation or worker (opbouwwerk, jongerenwerk).",
         "welzijnswerk", {"welzijn", "welzijnsorganisatie", "welzijnswerker", "welfare work", "social work"}},
        {"zelforganisatie", "self-organisation", "Local organisation of and for a community (migrant, faith, women).",
         "zelforganisatie", {"zelforganisaties", "migrantenorganisatie", "self-organization"}},
        {"lhbti_organisatie", "lgbti+ organisation", "Local organisation of and for lhbti+ residents.",
         "lhbti+-organisatie", {"lhbti organisatie", "lhbtiq+ organisatie", "lhbt organisatie", "lgbti+ organization", "lgbti organisation", "lgbtq+ organisation"}},
        {"bewonersinitiatief", "resident initiative", "Initiative started and run by residents.", "bewonersinitiatief",
         {"bewonersinitiatieven", "buurtinitiatief", "residents' initiative"}},
        {"sociale_partner", "social partner", "Housing corporation, school, sports club, entrepreneur, care provider ...",
         "sociale partner", {"sociale partners", "maatschappelijke partner", "maatschappelijk partner"}},
        {"gemeente", "municipality", "Municipal staff; usually holds the direction (regie) of the alliance.", "gemeente",
         {"gemeentelijke organisatie", "municipal staff"}},
        {"antidiscriminatievoorziening", "anti-discrimination service",
         "The municipal anti-discrimination service where residents report discrimination.", "antidiscriminatievoorziening",
         {"adv", "meldpunt discriminatie", "discriminatiemeldpunt", "antidiscriminatiebureau"}},
        {"kerngroep", "core group member", "Member of an Alle Kleuren core group of engaged residents and organisations.",
         "kerngroeplid", {"kerngroepleden", "core group"}},
        {"bewoner", "resident", "Resident of the neighbourhood taking part as an individual.", "bewoner",
         {"bewoners", "buurtbewoner", "inwoner"}},
    };
    return data;
}

/// The six themes of the Alle Kleuren diversity meetings.
inline const std::vector<category>& themes() {
    static const std::vector<category> data = {
        {"veiligheid", "safety", "", "veiligheid", {}},
        {"ondernemerschap", "entrepreneurship", "", "ondernemerschap", {"ondernemen"}},
        {"jongeren", "youth", "", "jongeren", {"jeugd"}},
        {"mensenrechten", "human rights", "", "mensenrechten", {}},
        {"racisme", "racism", "", "racisme", {}},
        {"sport", "sport", "", "sport", {"sporten"}},
    };
    return data;
}

/// The four tie types every alliance starts with, with their Dutch names as aliases.
inline const std::vector<relation>& relations() {
    static const std::vector<relation> data = {
        {"collaboration", "Samenwerking (collaboration)", false, "samenwerking", {"samenwerken", "cooperation"}},
        {"information", "Informatie delen (information sharing)", true, "informatie delen",
         {"informatie", "information sharing", "informatie-uitwisseling", "info"}},
        {"referral", "Doorverwijzing (referral)", true, "doorverwijzing",
         {"doorverwijzen", "verwijzing", "doorverwijzingen"}},
        {"trust", "Vertrouwen (trust)", true, "vertrouwen", {}},
    };
    return data;
}

/// The method templates of the pilot Veilige Wijken. Where each requirement comes from is in
/// its `source` field and in docs/method_templates.md.
inline const std::vector<method_template>& templates() {
    using L = requirement_level;
    static const char* const siw = "Handreiking Veilige Wijken, Samen in de Wijk: alliance members listed";
    static const char* const siw_regie = "Handreiking Veilige Wijken, Samen in de Wijk: under municipal direction (regie)";
    static const char* const siw_rec = "wijknet: where residents report discrimination; not named in the handreiking";
    static const char* const ak = "Handreiking Veilige Wijken, Alle Kleuren: core group of engaged residents and organisations";
    static const char* const ak_rec = "Handreiking Veilige Wijken, Alle Kleuren: events organised together with the partners";
    static const std::vector<method_template> data = {
        {"samen_in_de_wijk", "Samen in de Wijk (Dona Daria)",
         "Chain approach (ketenaanpak): a safety alliance of social partners, the wijkagent, welfare work, "
         "resident initiatives, self-organisations and lhbti+ organisations, under municipal direction.",
         {{"wijkagent", L::required, siw},
          {"welzijnswerk", L::required, siw},
          {"sociale_partner", L::required, siw},
          {"bewonersinitiatief", L::required, siw},
          {"zelforganisatie", L::required, siw},
          {"lhbti_organisatie", L::required, siw},
          {"gemeente", L::required, siw_regie},
          {"antidiscriminatievoorziening", L::recommended, siw_rec}}},
        {"alle_kleuren", "Alle Kleuren (Stichting Alle Kleuren)",
         "A core group (kerngroep) of engaged residents and organisations organises neighbourhood events and "
         "diversity meetings (safety, entrepreneurship, youth, human rights, racism, sport).",
         {{"kerngroep", L::required, ak},
          {"bewoner", L::required, ak},
          {"lhbti_organisatie", L::recommended, ak_rec},
          {"zelforganisatie", L::recommended, ak_rec},
          {"welzijnswerk", L::recommended, ak_rec},
          {"sociale_partner", L::recommended, ak_rec},
          {"gemeente", L::recommended, ak_rec},
          {"wijkagent", L::recommended, ak_rec}}},
    };
    return data;
}

}  // namespace wijknet::builtin
