/// @file
/// @brief Which part of an alliance an analysis runs on.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

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

}  // namespace wijknet
