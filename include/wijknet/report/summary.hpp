/// @file
/// @brief The first look at an alliance: who is in it, how they are tied, which roles are missing.
#pragma once

#include <string>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/algorithms/structure.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/snapshot.hpp"

namespace wijknet {

/// Ties, density and components of one relation in one wave.
struct relation_wave_summary {
    std::string relation;
    std::string wave;
    bool directed = false;
    std::size_t stakeholders = 0;  ///< stakeholders present in the wave
    std::size_t ties = 0;
    double density = 0;                 ///< see wijknet::density
    std::size_t components = 0;         ///< weak components, isolates included
    std::size_t largest_component = 0;  ///< stakeholders in the largest one
    std::size_t isolates = 0;           ///< present stakeholders with no tie of this relation
};

/// Roles a method template asks for that no stakeholder holds.
struct missing_roles {
    std::string template_key;
    std::vector<std::string> required;
    std::vector<std::string> recommended;
};

/// The summary printed by the `wijknet` command.
struct alliance_summary {
    std::size_t stakeholders = 0;
    std::size_t events = 0;
    std::size_t participations = 0;
    std::vector<std::pair<std::string, std::size_t>> stakeholders_per_role;  ///< taxonomy order, all roles
    std::vector<relation_wave_summary> relations;                           ///< relation-major, waves in order
    std::vector<missing_roles> missing;                                     ///< one per template checked
};

/// Roles of @p tmpl that no stakeholder of @p a holds. Throws unknown_id_error for an unknown
/// template. O(n r).
WIJKNET_DECL missing_roles find_missing_roles(const alliance& a, const std::string& tmpl);
#if WIJKNET_BODIES
WIJKNET_DECL missing_roles find_missing_roles(const alliance& a, const std::string& tmpl) {
    const method_template& t = a.template_at(tmpl);
    missing_roles out{t.key, {}, {}};
    for (const auto& req : t.roles) {
        bool held = false;
        for (const auto& s : a.stakeholders())
            held = held || std::find(s.roles.begin(), s.roles.end(), req.role) != s.roles.end();
        if (held) continue;
        (req.level == requirement_level::required ? out.required : out.recommended).push_back(req.role);
    }
    return out;
}
#endif

/// Summarises @p a: stakeholders per role; per relation and wave the ties, density, weak
/// components and isolates (on a snapshot of that relation and wave, parallel ties merged);
/// missing roles for each template in @p templates (all templates when empty).
/// O(R W (n + m)) for R relations and W waves.
WIJKNET_DECL alliance_summary summarize(const alliance& a, std::vector<std::string> templates = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance_summary summarize(const alliance& a, std::vector<std::string> templates) {
    alliance_summary out;
    out.stakeholders = a.num_stakeholders();
    out.events = a.events().size();
    out.participations = a.participations().size();
    for (const auto& role : a.roles().entries()) {
        std::size_t count = 0;
        for (const auto& s : a.stakeholders())
            count += std::find(s.roles.begin(), s.roles.end(), role.key) != s.roles.end();
        out.stakeholders_per_role.emplace_back(role.key, count);
    }
    for (const auto& r : a.relations()) {
        for (const auto& w : a.waves()) {
            selection sel;
            sel.relations = {r.key};
            sel.waves = {w.key};
            const snapshot g(a, sel);
            relation_wave_summary row;
            row.relation = r.key;
            row.wave = w.key;
            row.directed = r.directed;
            row.stakeholders = g.num_vertices();
            row.ties = g.num_ties();
            row.density = density(g);
            const components_result c = weak_components(g);
            row.components = c.count;
            for (auto size : c.sizes()) {
                row.largest_component = std::max<std::size_t>(row.largest_component, size);
                row.isolates += size == 1;
            }
            out.relations.push_back(row);
        }
    }
    if (templates.empty())
        for (const auto& t : a.templates()) templates.push_back(t.key);
    for (const auto& t : templates) out.missing.push_back(find_missing_roles(a, t));
    return out;
}
#endif

}  // namespace wijknet
