/// @file
/// @brief Gould & Fernandez brokerage roles between groups (roles, sectors, any attribute).
///
/// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
/// brokerage in transaction networks. Sociological Methodology 19, 89-126. Counts, expected
/// values and z-scores as R sna's brokerage() computes them.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

/// The five Gould-Fernandez roles (plus their total), in the order of R sna's columns.
enum class broker_role : std::uint8_t {
    coordinator = 0,     ///< w_I: a -> b -> c, all three in one group
    itinerant = 1,       ///< w_O (consultant): a and c in one group, the broker b in another
    representative = 2,  ///< b_IO: a and b in one group, c outside: b represents its group outward
    gatekeeper = 3,      ///< b_OI: b and c in one group, a outside: b lets a contact into its group
    liaison = 4,         ///< b_O: a, b and c in three different groups
    total = 5,           ///< t: all of the above
};

/// Column names as R sna gives them, in broker_role order.
inline const std::array<const char*, 6>& broker_role_codes() {
    static const std::array<const char*, 6> codes = {"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};
    return codes;
}
/// English names, in broker_role order.
inline const std::array<const char*, 6>& broker_role_names() {
    static const std::array<const char*, 6> names = {"coordinator", "itinerant", "representative",
                                                     "gatekeeper",  "liaison",   "total"};
    return names;
}

/// Brokerage scores per vertex and role.
struct brokerage_result {
    std::vector<std::array<double, 6>> raw;       ///< counts of open two-paths a -> v -> c by role
    std::vector<std::array<double, 6>> expected;  ///< expectation under a random graph of the same density
    std::vector<std::array<double, 6>> sd;        ///< standard deviation under that model
    std::vector<std::array<double, 6>> z;         ///< (raw - expected) / sd; NaN where sd is 0
    double density = 0;                           ///< arc density used for the expectations
};

/// Gould-Fernandez brokerage of every vertex, by group.
///
/// A broker v of an open two-path a -> v -> c (a != c, a and c distinct from v, no tie a -> c)
/// takes the role given by the groups of a, v, c (see broker_role). Ties are read unweighted;
/// an undirected graph counts each path both ways, as R sna does on symmetric data.
/// Expected counts and variances follow sna (Gould & Fernandez 1989): with arc density d,
/// q = d^2 (1 - d), r = d^3 (1 - d)^3, N vertices and the broker's group size n (isolates
/// included), E = q x (number of ordered pairs (a, c) of the role's kind): (n-1)(n-2)
/// coordinator, sum_{g != i} n_g (n_g - 1) itinerant, (n-1)(N-n) representative and gatekeeper,
/// sum_{g != i} n_g (N - n - n_g) liaison, (N-1)(N-2) total; Var = E (1 - q) + a covariance term
/// in r for pairs of two-paths sharing a tie (see docs/measures.md); sd = sqrt(Var).
/// O(sum of in-degree x out-degree).
/// @param g     the graph
/// @param group group label of every vertex, 0 .. k-1
inline brokerage_result brokerage(const graph_view& g, const std::vector<std::uint32_t>& group) {
    if (group.size() != g.n)
        throw invalid_value_error("brokerage: one group per vertex expected, got " + std::to_string(group.size()) +
                                  " for " + std::to_string(g.n) + " vertices");
    const neighbour_table t(g, false);
    brokerage_result r;
    r.raw.assign(g.n, {});
    for (std::uint32_t v = 0; v < g.n; ++v)
        t.for_each_two_path(v, [&](std::uint32_t a, std::uint32_t c) {
            if (t.sends(a, c)) return;  // closed: no brokerage
            const bool av = group[a] == group[v], vc = group[v] == group[c], ac = group[a] == group[c];
            broker_role role = av && vc ? broker_role::coordinator
                               : ac     ? broker_role::itinerant
                               : vc     ? broker_role::gatekeeper
                               : av     ? broker_role::representative
                                        : broker_role::liaison;
            r.raw[v][static_cast<int>(role)] += 1;
            r.raw[v][5] += 1;
        });
    // Expectations.
    std::uint32_t groups = 0;
    for (auto x : group) groups = std::max(groups, x + 1);
    std::vector<double> size(groups, 0.0);
    for (auto x : group) size[x] += 1;
    const double N = g.n;
    double arcs = 0;
    for (std::uint32_t v = 0; v < g.n; ++v)
        for (auto k = t.begin(v); k < t.end(v); ++k) arcs += t.sent(k) > 0;
    const double p = N > 1 ? arcs / (N * (N - 1)) : 0.0;
    r.density = p;
    const double q = p * p * (1 - p), cov = p * p * p * (1 - p) * (1 - p) * (1 - p);
    auto choose2 = [](double x) { return x * (x - 1) / 2; };
    r.expected.assign(g.n, {}), r.sd.assign(g.n, {}), r.z.assign(g.n, {});
    for (std::uint32_t v = 0; v < g.n; ++v) {
        const double ng = size[group[v]];
        double itinerant_pairs = 0, itinerant_cov = 0, liaison_pairs = 0, liaison_cov = 0;
        for (std::uint32_t h = 0; h < groups; ++h) {
            if (h == group[v]) continue;
            itinerant_pairs += size[h] * (size[h] - 1);
            itinerant_cov += size[h] * (size[h] - 1) * (size[h] - 2);
            liaison_pairs += size[h] * (N - ng - size[h]);
            liaison_cov += size[h] * choose2(N - size[h] - ng);
        }
        const double between_cov = (ng - 1) * choose2(N - ng) + (N - ng) * choose2(ng - 1);
        const std::array<double, 6> pairs = {(ng - 1) * (ng - 2), itinerant_pairs, (ng - 1) * (N - ng),
                                             (ng - 1) * (N - ng), liaison_pairs,   (N - 1) * (N - 2)};
        const std::array<double, 6> covariance = {2 * (ng - 1) * (ng - 2) * (ng - 3) * cov, 2 * itinerant_cov * cov,
                                                  2 * between_cov * cov, 2 * between_cov * cov, 4 * liaison_cov * cov,
                                                  2 * (N - 1) * (N - 2) * (N - 3) * cov};
        for (int k = 0; k < 6; ++k) {
            r.expected[v][k] = pairs[k] * q;
            r.sd[v][k] = std::sqrt(std::max(0.0, r.expected[v][k] * (1 - q) + covariance[k]));
            r.z[v][k] = r.sd[v][k] > 0 ? (r.raw[v][k] - r.expected[v][k]) / r.sd[v][k]
                                       : std::numeric_limits<double>::quiet_NaN();
        }
    }
    return r;
}
template <class Graph, if_graph<Graph> = 0>
brokerage_result brokerage(const Graph& g, const std::vector<std::uint32_t>& group) {
    return brokerage(static_cast<const graph_view&>(view_of(g)), group);
}

}  // namespace wijknet
