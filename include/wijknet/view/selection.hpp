/// @file
/// @brief Which part of an alliance an analysis runs on.
#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "wijknet/model/alliance.hpp"
#include "wijknet/model/entities.hpp"

namespace wijknet {

/// What to do when several selected ties join the same pair of stakeholders (several relations,
/// several waves, or a directed tie read as undirected).
enum class combine {
    sum,    ///< one edge, weight = sum of the weights (tie strength adds up)
    max,    ///< one edge, weight = largest weight
    min,    ///< one edge, weight = smallest weight
    count,  ///< one edge, weight = number of ties joined
    keep,   ///< keep every tie as its own edge (a multigraph)
};

/// The part of an alliance an analysis snapshot is built from. The defaults select everything:
/// every relation, every wave, every stakeholder, every tie.
struct selection {
    /// Relation keys; empty = all relations. The snapshot is directed when a selected relation is
    /// directed (without keys given: a relation that has ties), unless symmetrize is set.
    std::vector<std::string> relations;
    /// Wave keys; empty = all waves. With waves named, only stakeholders present in at least one
    /// of them are kept.
    std::vector<std::string> waves;
    /// Ties with a weight below this are left out.
    double min_weight = -std::numeric_limits<double>::infinity();
    /// Keep only stakeholders holding at least one of these roles (key or label); empty = all.
    std::vector<std::string> roles;
    /// Keep only stakeholders for which this returns true (e.g. on an attribute); empty = all.
    std::function<bool(const stakeholder&)> filter;
    /// Read every tie as undirected, whatever its relation says.
    bool symmetrize = false;
    /// How ties joining the same pair are merged.
    combine parallel = combine::sum;
    /// Keep self-ties (a stakeholder tied to itself); they are dropped by default.
    bool self_ties = false;
};

/// Which stakeholders, relations and waves of an alliance a selection keeps: the one rule that
/// the snapshot and the DOT writer share. Built by select().
struct selected_parts {
    /// By stakeholder index: kept (present in a selected wave when waves are named, holding a
    /// selected role, passing the filter).
    std::vector<char> stakeholder;
    /// By relation index and by wave index: selected.
    std::vector<char> relation, wave;
    /// Ties lighter than this are left out.
    double min_weight = -std::numeric_limits<double>::infinity();

    /// Whether a tie is kept: its relation and wave are selected, it is heavy enough and both
    /// ends are kept. (Self-ties are kept; the snapshot drops them unless asked.)
    bool keeps(const tie& t) const {
        return relation[t.relation] && wave[t.wave] && !(t.weight < min_weight) && stakeholder[t.source] &&
               stakeholder[t.target];
    }
};

/// The parts of @p a that @p s keeps. Every relation, wave and role key is looked up first, so a
/// bad key throws unknown_id_error before any work. O(stakeholders x roles + relations + waves).
inline selected_parts select(const alliance& a, const selection& s) {
    selected_parts out;
    out.relation.assign(a.relations().size(), s.relations.empty());
    for (const auto& r : s.relations) out.relation[a.relation_index(r)] = 1;
    out.wave.assign(a.waves().size(), s.waves.empty());
    for (const auto& w : s.waves) out.wave[a.wave_index(w)] = 1;
    out.min_weight = s.min_weight;
    std::vector<std::string> roles;
    for (const auto& r : s.roles) roles.push_back(a.roles().at(r).key);
    out.stakeholder.assign(a.num_stakeholders(), 0);
    for (index_t i = 0; i < a.num_stakeholders(); ++i) {
        const stakeholder& st = a.stakeholders()[i];
        if (!s.waves.empty()) {
            bool present = false;
            for (std::size_t w = 0; w < out.wave.size() && !present; ++w) present = out.wave[w] && a.present(i, w);
            if (!present) continue;
        }
        if (!roles.empty() && std::none_of(roles.begin(), roles.end(), [&](const std::string& r) {
                return std::find(st.roles.begin(), st.roles.end(), r) != st.roles.end();
            }))
            continue;
        if (s.filter && !s.filter(st)) continue;
        out.stakeholder[i] = 1;
    }
    return out;
}

}  // namespace wijknet
