/// @file
/// @brief The things an alliance is made of: relations, waves, stakeholders, ties, events and
/// participations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"
#include "wijknet/model/attribute.hpp"

namespace wijknet {

/// Index of a stakeholder, tie, event ... inside one alliance. Indices shift when an earlier
/// object is removed; ids are the stable handle.
using index_t = std::uint32_t;

/// A named tie type (collaboration, information, referral, trust, or a user's own).
struct relation {
    std::string key;    ///< e.g. "referral"
    std::string label;  ///< e.g. "Doorverwijzing (referral)"
    bool directed = true;  ///< a referral goes from A to B; a collaboration is mutual
    std::string label_nl = {};  ///< Dutch name for Dutch reports, e.g. "doorverwijzing"; empty = the key
    std::vector<std::string> aliases = {};  ///< other names it is known by ("verwijzing" ...)

    /// The label in language @p lang ("nl": the Dutch label, else the English one).
    const std::string& label_in(std::string_view lang) const { return detail::label_in(*this, lang); }
    /// Every name it answers to: key, label, Dutch label, aliases.
    std::vector<std::string> names() const { return detail::names_of(*this); }

    friend bool operator==(const relation& a, const relation& b) {
        return a.key == b.key && a.label == b.label && a.directed == b.directed && a.label_nl == b.label_nl &&
               a.aliases == b.aliases;
    }
};

/// A measurement moment, e.g. T0 (autumn 2021) and T1 (autumn 2022). Waves keep the order in
/// which they were declared; that order is the time order.
struct wave {
    std::string key;    ///< e.g. "T0"
    std::string label;  ///< e.g. "T0 2021"
    std::string date;   ///< ISO 8601 date of the measurement, may be empty

    friend bool operator==(const wave& a, const wave& b) {
        return a.key == b.key && a.label == b.label && a.date == b.date;
    }
};

/// What a stakeholder is.
enum class stakeholder_kind : std::uint8_t { organisation, person, initiative, group };

inline const char* to_string(stakeholder_kind k) noexcept {
    switch (k) {
        case stakeholder_kind::organisation: return "organisation";
        case stakeholder_kind::person: return "person";
        case stakeholder_kind::initiative: return "initiative";
        case stakeholder_kind::group: return "group";
    }
    return "organisation";
}

/// Parses "organisation", "person", "initiative" or "group" (case-insensitive; the Dutch
/// "organisatie", "persoon", "initiatief", "groep" are accepted too).
inline stakeholder_kind parse_stakeholder_kind(std::string_view text) {
    struct name { const char* text; stakeholder_kind kind; };
    static const name names[] = {
        {"organisation", stakeholder_kind::organisation}, {"organization", stakeholder_kind::organisation},
        {"organisatie", stakeholder_kind::organisation},  {"person", stakeholder_kind::person},
        {"persoon", stakeholder_kind::person},            {"initiative", stakeholder_kind::initiative},
        {"initiatief", stakeholder_kind::initiative},     {"group", stakeholder_kind::group},
        {"groep", stakeholder_kind::group}};
    for (const auto& n : names)
        if (detail::iequals(text, n.text)) return n.kind;
    throw invalid_value_error("unknown stakeholder kind '" + std::string(text) +
                              "'; expected organisation, person, initiative or group");
}

/// A stakeholder: an organisation, person, initiative or group taking part in the alliance.
struct stakeholder {
    std::string id;    ///< stable, unique, non-empty
    std::string name;  ///< display name; the id when empty
    stakeholder_kind kind = stakeholder_kind::organisation;
    std::vector<std::string> roles;  ///< role keys (canonical once inside an alliance)
    std::vector<std::string> waves;  ///< wave keys in which the stakeholder takes part; empty = every wave
    attribute_map attributes;

    friend bool operator==(const stakeholder& a, const stakeholder& b) {
        return a.id == b.id && a.name == b.name && a.kind == b.kind && a.roles == b.roles &&
               a.waves == b.waves && a.attributes == b.attributes;
    }
};

/// A tie of one relation in one wave between two stakeholders (by index into the alliance).
struct tie {
    index_t source = 0;
    index_t target = 0;
    std::uint16_t relation = 0;  ///< index into alliance::relations()
    std::uint16_t wave = 0;      ///< index into alliance::waves()
    double weight = 1.0;
    attribute_map attributes;
};

/// An event (Alle Kleuren: a neighbourhood event or a diversity meeting).
struct event {
    std::string id;
    std::string name;
    std::string date;                     ///< ISO 8601, may be empty
    std::vector<std::string> themes;      ///< theme keys (canonical once inside an alliance)
    std::vector<std::string> organisers;  ///< stakeholder ids
    attribute_map attributes;

    friend bool operator==(const event& a, const event& b) {
        return a.id == b.id && a.name == b.name && a.date == b.date && a.themes == b.themes &&
               a.organisers == b.organisers && a.attributes == b.attributes;
    }
};

/// A stakeholder taking part in an event: one tie of the two-mode stakeholder x event network.
struct participation {
    index_t stakeholder = 0;  ///< index into alliance::stakeholders()
    index_t event = 0;        ///< index into alliance::events()
    attribute_map attributes;
};

}  // namespace wijknet
