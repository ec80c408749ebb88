/// @file
/// @brief Role coverage: is every role a method asks for present, tied in, and held by more
/// than one stakeholder? And how close are the role groups to each other?
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/diagnostics/common.hpp"

namespace wijknet {

/// How a role of a method template is covered in one scope, worst first.
enum class coverage_status {
    absent,    ///< no stakeholder in the scope holds the role
    isolated,  ///< the role is held, but no holder has a tie in the scope's relations
    single,    ///< exactly one stakeholder holds the role (a single point of failure)
    covered,   ///< two or more holders, at least one of them tied in
};

/// "absent", "isolated", "single" or "covered".
inline const char* to_string(coverage_status s) noexcept {
    switch (s) {
        case coverage_status::absent: return "absent";
        case coverage_status::isolated: return "isolated";
        case coverage_status::single: return "single";
        case coverage_status::covered: return "covered";
    }
    return "covered";
}

/// The coverage of one role of a method template.
struct role_coverage_entry {
    std::string role;                         ///< role key
    std::string label;                        ///< the role's English label
    requirement_level level = requirement_level::required;
    coverage_status status = coverage_status::absent;
    std::vector<std::string> holders;           ///< ids of the stakeholders holding the role, in alliance order
    std::vector<std::string> isolated_holders;  ///< those of them with no tie in the scope
    std::string explanation;                    ///< one or two plain-language sentences
};

/// Role coverage of an alliance against a method template, in one scope.
///
/// For each role of the template, in template order: the stakeholders in the scope holding it,
/// those of them without any tie (in either direction) of the scope's relations, and a status:
/// absent (no holder), isolated (every holder without a tie), single (exactly one holder, tied
/// in) or covered. A single holder that is also isolated is reported as isolated, the worse of
/// the two; the explanation names both. Holders that are isolated while others of the role are
/// not are listed in isolated_holders and named in the explanation.
///
/// @param a            the alliance
/// @param template_key a method template of @p a (key), e.g. "samen_in_de_wijk"
/// @param where        the relations and the wave looked at
/// Throws unknown_id_error for an unknown template, relation or wave. O(n r + m) for r roles.
WIJKNET_DECL std::vector<role_coverage_entry> role_coverage(const alliance& a, const std::string& template_key,
                                                      const scope& where = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::vector<role_coverage_entry> role_coverage(const alliance& a, const std::string& template_key,
                                                      const scope& where) {
    const method_template& t = a.template_at(template_key);
    const snapshot g(a, where.to_selection());
    const graph_view v = make_graph_view(g);
    const std::vector<double> deg = degree(v, direction::all);
    const std::string in_scope = where.wave.empty() ? std::string() : " in wave " + where.wave;
    std::vector<role_coverage_entry> out;
    for (const auto& req : t.roles) {
        role_coverage_entry e;
        e.role = req.role;
        e.label = a.roles().at(req.role).label;
        e.level = req.level;
        for (std::uint32_t x : detail::holders(a, g, req.role)) {
            e.holders.push_back(g.id(x));
            if (deg[x] == 0) e.isolated_holders.push_back(g.id(x));
        }
        const std::string what = std::string(to_string(req.level)) + " role " + e.role + " (" + e.label + ")";
        auto list = [](const std::vector<std::string>& ids) {
            std::string s;
            for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
            return s;
        };
        if (e.holders.empty()) {
            e.status = coverage_status::absent;
            e.explanation = "No stakeholder" + in_scope + " holds the " + what + ".";
        } else if (e.isolated_holders.size() == e.holders.size()) {
            e.status = coverage_status::isolated;
            e.explanation = "The " + what + " is held by " + list(e.holders) +
                            ", but not one of them has a tie with anyone else" + in_scope + ".";
            if (e.holders.size() == 1) e.explanation += " It is also the only holder: a single point of failure.";
        } else if (e.holders.size() == 1) {
            e.status = coverage_status::single;
            e.explanation = "Only " + e.holders[0] + " holds the " + what + in_scope +
                            ": a single point of failure; if they leave, the role is gone.";
        } else {
            e.status = coverage_status::covered;
            e.explanation = "The " + what + " is held by " + std::to_string(e.holders.size()) + " stakeholders" +
                            in_scope + ".";
            if (!e.isolated_holders.empty())
                e.explanation += " Of them, " + list(e.isolated_holders) + " has no tie with anyone.";
        }
        out.push_back(std::move(e));
    }
    return out;
}
#endif

/// Role x role matrices: ties between role groups and the shortest distance between them.
struct role_matrix {
    std::vector<std::string> roles;  ///< role keys, the order of rows and columns
    /// ties[i * r + j]: ties from a holder of roles[i] to a holder of roles[j]. Parallel ties
    /// (several relations, or the same relation in several waves) count once per pair. An
    /// undirected tie counts both ways; a tie between two holders of the same role once on the
    /// diagonal. A stakeholder holding several roles counts for each.
    std::vector<double> ties;
    /// distance[i * r + j]: the fewest ties from any holder of roles[i] to any holder of
    /// roles[j] (0 when one stakeholder holds both roles; on the diagonal, between two different
    /// holders); infinity when there is no path or a role has no (second) holder.
    std::vector<double> distance;
};

/// The role x role tie and distance matrices of an alliance in one scope.
///
/// @param a      the alliance
/// @param roles  role keys or labels for rows and columns; empty = every role of the taxonomy
/// @param where  the relations and the wave looked at
/// @param along  out: paths follow the ties' direction (for directed relations); all: ties count
///               either way (the default: who is in contact with whom)
/// Distances count ties (weights are ignored). One breadth-first search per stakeholder holding
/// one of the roles: O(h (n + m)) for h holders. Throws unknown_id_error for an unknown role,
/// relation or wave.
WIJKNET_DECL role_matrix role_matrices(const alliance& a, std::vector<std::string> roles = {}, const scope& where = {},
                                 direction along = direction::all);
#if WIJKNET_BODIES
WIJKNET_DECL role_matrix role_matrices(const alliance& a, std::vector<std::string> roles, const scope& where,
                                 direction along) {
    if (roles.empty())
        for (const auto& c : a.roles().entries()) roles.push_back(c.key);
    for (auto& r : roles) r = detail::role_key(a, r);
    const snapshot g(a, where.to_selection());
    const graph_view v = make_graph_view(g);
    const std::size_t r = roles.size();
    role_matrix out;
    out.roles = roles;
    out.ties.assign(r * r, 0.0);
    out.distance.assign(r * r, std::numeric_limits<double>::infinity());
    // Which roles each vertex holds.
    std::vector<std::vector<std::uint32_t>> held(g.num_vertices());
    for (std::size_t i = 0; i < r; ++i)
        for (auto x : detail::holders(a, g, roles[i])) held[x].push_back(static_cast<std::uint32_t>(i));
    for (std::uint32_t x = 0; x < g.num_vertices(); ++x)
        for (auto arc = g.out_begin(x); arc < g.out_end(x); ++arc) {
            const std::uint32_t y = g.arc_target(arc);
            if (!g.is_directed() && y < x) continue;  // each undirected edge once
            for (auto i : held[x])
                for (auto j : held[y]) {
                    out.ties[i * r + j] += 1;
                    if (!g.is_directed() && i != j) out.ties[j * r + i] += 1;
                }
        }
    detail::path_search search(g.num_vertices());
    for (std::uint32_t x = 0; x < g.num_vertices(); ++x) {
        if (held[x].empty()) continue;
        search.run(v, x, along, false, false);
        for (auto y : search.order)
            for (auto i : held[x])
                for (auto j : held[y]) {
                    if (i == j && x == y) continue;  // the diagonal is between two different holders
                    double& d = out.distance[i * r + j];
                    d = std::min(d, search.dist[y]);
                }
    }
    return out;
}
#endif

}  // namespace wijknet
