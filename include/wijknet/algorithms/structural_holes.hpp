/// @file
/// @brief Burt's structural holes: constraint, effective size, efficiency, hierarchy.
///
/// Burt, R. S. (1992). Structural Holes. Harvard University Press. Formulas as networkx
/// (constraint, effective_size) and UCINET (hierarchy) implement them.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

/// Which ties define ego's alters and the tie strengths in Burt's measures.
enum class alter_ties {
    both,  ///< a_ij + a_ji: ties either way (Burt's "mutual" strength; networkx, igraph)
    out,   ///< a_ij: the ties ego sends
    in,    ///< a_ji: the ties ego receives
};

/// Options of the structural-holes measures.
struct holes_options {
    alter_ties alters = alter_ties::both;
    weight_mode weights = weight_mode::strength;  ///< strength, or none to count every tie 1
};

/// Burt's four measures for every vertex. Isolates (no alters) get NaN everywhere, as in networkx.
struct holes_result {
    std::vector<double> constraint;      ///< \f$ c_i = \sum_j (p_{ij} + \sum_{q \ne i,j} p_{iq} p_{qj})^2 \f$
    std::vector<double> effective_size;  ///< \f$ \sum_j (1 - \sum_{q \ne i,j} p_{iq} m_{jq}) \f$
    std::vector<double> efficiency;      ///< effective size / number of alters
    std::vector<double> hierarchy;       ///< \f$ \sum_j r_j \ln r_j / (N \ln N) \f$, r_j = c_ij / (C / N)
};

/// Burt's structural holes measures.
///
/// Tie strength z_ij = a_ij + a_ji (alters both), a_ij (out) or a_ji (in), with parallel ties
/// summed and self-ties ignored; alters of i are the j with z_ij > 0; proportional strength
/// p_ij = z_ij / sum_k z_ik; marginal strength m_jq = z_jq / max_k z_jk. Local constraint
/// c_ij = (p_ij + sum_{q != i,j} p_iq p_qj)^2, constraint C_i = sum_j c_ij (Burt 1992, eq. 2.4,
/// as networkx.constraint). Effective size (Burt 1992, eq. 2.2; networkx.effective_size),
/// efficiency = effective size / N, hierarchy (Burt 1992, eq. 2.5; UCINET) with N alters
/// (NaN when N = 1: 0/0). The indirect terms p_qj, m_jq use q's own alters in the same reading.
/// A negative weight is an invalid_value_error naming the tie.
/// O(sum over i of sum over alters j of degree(j)).
inline holes_result structural_holes(const graph_view& g, const holes_options& o = {}) {
    if (o.weights != weight_mode::none)
        detail::require_weights(g, false, "constraint and the other structural-hole measures read weights as tie strengths");
    const neighbour_table t(g, o.weights != weight_mode::none);
    auto strength = [&](std::uint64_t k) {
        switch (o.alters) {
            case alter_ties::both: return t.sent(k) + t.received(k);
            case alter_ties::out: return t.sent(k);
            case alter_ties::in: return t.received(k);
        }
        return 0.0;
    };
    // Per vertex: total and largest strength to its alters.
    std::vector<double> total(g.n, 0.0), largest(g.n, 0.0);
    std::vector<std::uint32_t> alters(g.n, 0);
    for (std::uint32_t v = 0; v < g.n; ++v)
        for (auto k = t.begin(v); k < t.end(v); ++k) {
            const double z = strength(k);
            if (z > 0) total[v] += z, largest[v] = std::max(largest[v], z), ++alters[v];
        }
    // z seen from the other end: in j's list, the entry for q gives z_jq = strength(k) and
    // z_qj = the same tie read from q's side.
    auto reverse_strength = [&](std::uint64_t k) {
        switch (o.alters) {
            case alter_ties::both: return t.sent(k) + t.received(k);
            case alter_ties::out: return t.received(k);
            case alter_ties::in: return t.sent(k);
        }
        return 0.0;
    };

    const double nan = std::numeric_limits<double>::quiet_NaN();
    holes_result r;
    r.constraint.assign(g.n, nan), r.effective_size.assign(g.n, nan);
    r.efficiency.assign(g.n, nan), r.hierarchy.assign(g.n, nan);
    std::vector<double> local, p(g.n, 0.0);  // p[q] = p_iq for the current ego i, scattered
    for (std::uint32_t i = 0; i < g.n; ++i) {
        if (alters[i] == 0) continue;
        for (auto k = t.begin(i); k < t.end(i); ++k) p[t.neighbour(k)] = strength(k) / total[i];
        local.clear();
        double constraint = 0, effective = 0;
        for (auto kj = t.begin(i); kj < t.end(i); ++kj) {
            const std::uint32_t j = t.neighbour(kj);
            const double p_ij = p[j];
            if (!(p_ij > 0)) continue;
            // Over j's neighbours q that are alters of i (q != i, q != j by construction).
            double indirect = 0, redundancy = 0;
            for (auto kq = t.begin(j); kq < t.end(j); ++kq) {
                const std::uint32_t q = t.neighbour(kq);
                if (q == i || !(p[q] > 0)) continue;
                const double z_qj = reverse_strength(kq), z_jq = strength(kq);
                if (z_qj > 0) indirect += p[q] * z_qj / total[q];
                if (z_jq > 0 && largest[j] > 0) redundancy += p[q] * z_jq / largest[j];
            }
            const double c = (p_ij + indirect) * (p_ij + indirect);
            local.push_back(c);
            constraint += c;
            effective += 1 - redundancy;
        }
        for (auto k = t.begin(i); k < t.end(i); ++k) p[t.neighbour(k)] = 0.0;
        const double N = alters[i];
        r.constraint[i] = constraint;
        r.effective_size[i] = effective;
        r.efficiency[i] = effective / N;
        double h = std::numeric_limits<double>::quiet_NaN();  // undefined for a single alter
        if (N > 1 && constraint > 0) {
            h = 0;
            for (double c : local) {
                const double ratio = c / (constraint / N);
                if (ratio > 0) h += ratio * std::log(ratio);
            }
            h /= N * std::log(N);
        }
        r.hierarchy[i] = h;
    }
    return r;
}
template <class Graph, if_graph<Graph> = 0>
holes_result structural_holes(const Graph& g, const holes_options& o = {}) {
    return structural_holes(static_cast<const graph_view&>(view_of(g)), o);
}

}  // namespace wijknet
