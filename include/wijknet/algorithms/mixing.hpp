/// @file
/// @brief Mixing between groups: group x group tie counts and densities, the E-I index, and
/// assortativity.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/neighbours.hpp"

namespace wijknet {

namespace detail {
inline std::uint32_t group_count(const std::vector<std::uint32_t>& group, std::uint32_t n) {
    if (group.size() != n)
        throw invalid_value_error("one group per vertex expected, got " + std::to_string(group.size()) + " for " +
                                  std::to_string(n) + " vertices");
    std::uint32_t k = 0;
    for (auto x : group) k = std::max(k, x + 1);
    return k;
}
}  // namespace detail

/// Group x group mixing.
struct mixing_result {
    std::vector<std::vector<double>> ties;     ///< ties[a][b]: ties from group a to group b
    std::vector<std::vector<double>> density;  ///< ties[a][b] / possible ties between a and b
    std::vector<double> size;                  ///< members of each group
};

/// Counts ties between groups. Directed: ties[a][b] counts ties a -> b. Undirected: an edge
/// between a and b counts in ties[a][b] and ties[b][a], an edge within a counts once in
/// ties[a][a]. Possible ties: n_a n_b between groups, n_a (n_a - 1) within (halved for an
/// undirected graph). Unweighted (count) or the sum of weights (strength). Self-ties ignored.
/// O(n + m + k^2).
inline mixing_result mixing_matrix(const graph_view& g, const std::vector<std::uint32_t>& group,
                                   weight_mode weights = weight_mode::none) {
    const std::uint32_t k = detail::group_count(group, g.n);
    mixing_result r;
    r.ties.assign(k, std::vector<double>(k, 0.0));
    r.density.assign(k, std::vector<double>(k, 0.0));
    r.size.assign(k, 0.0);
    for (auto x : group) r.size[x] += 1;
    const bool weighted = weights == weight_mode::strength;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            const std::uint32_t v = g.out_target[a];
            if (u == v || (!g.directed && v < u && group[u] == group[v])) continue;  // within: once
            r.ties[group[u]][group[v]] += weighted ? g.out_weight(a) : 1.0;
        }
    for (std::uint32_t a = 0; a < k; ++a)
        for (std::uint32_t b = 0; b < k; ++b) {
            double possible = a == b ? r.size[a] * (r.size[a] - 1) : r.size[a] * r.size[b];
            if (!g.directed && a == b) possible /= 2;
            r.density[a][b] = possible > 0 ? r.ties[a][b] / possible : 0.0;
        }
    return r;
}
template <class Graph, if_graph<Graph> = 0>
mixing_result mixing_matrix(const Graph& g, const std::vector<std::uint32_t>& group,
                            weight_mode weights = weight_mode::none) {
    return mixing_matrix(static_cast<const graph_view&>(view_of(g)), group, weights);
}

/// The E-I index of Krackhardt & Stern (1988) at every level.
struct ei_result {
    double network = 0;                 ///< (E - I) / (E + I) over all ties
    std::vector<double> group;          ///< per group: its members' ties
    std::vector<double> vertex;         ///< per vertex: its own ties
    double expected = 0;                ///< E-I if ties fell at random: (E* - I*) / (E* + I*) over possible ties
    double rescaled = 0;                ///< network E-I with the random expectation mapped to 0: see ei_index
    double external = 0, internal = 0;  ///< E and I of the network
};

/// E-I index: (E - I) / (E + I), E counting ties between groups and I ties within (Krackhardt
/// & Stern 1988); -1 when all ties stay inside groups, +1 when all cross. Every tie counts once
/// per end for vertices and groups (a directed tie counts for both its sender and receiver),
/// once for the network. NaN where a vertex or group has no ties. `expected` is the E-I of the
/// complete graph on the same groups (UCINET's "expected" value); `rescaled` maps [-1, expected]
/// to [-1, 0] and [expected, 1] to [0, 1], so 0 means "as mixed as chance". Unweighted,
/// self-ties ignored. O(n + m + k).
inline ei_result ei_index(const graph_view& g, const std::vector<std::uint32_t>& group) {
    const std::uint32_t k = detail::group_count(group, g.n);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> ve(g.n, 0), vi(g.n, 0), ge(k, 0), gi(k, 0), size(k, 0);
    for (auto x : group) size[x] += 1;
    ei_result r;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            const std::uint32_t v = g.out_target[a];
            if (u == v || (!g.directed && v < u)) continue;  // each tie once
            const bool external = group[u] != group[v];
            (external ? r.external : r.internal) += 1;
            (external ? ve[u] : vi[u]) += 1;
            (external ? ve[v] : vi[v]) += 1;
            if (external) ge[group[u]] += 1, ge[group[v]] += 1;
            else gi[group[u]] += 1;
        }
    auto ei = [&](double e, double i) { return e + i > 0 ? (e - i) / (e + i) : nan; };
    r.network = ei(r.external, r.internal);
    r.vertex.resize(g.n);
    for (std::uint32_t v = 0; v < g.n; ++v) r.vertex[v] = ei(ve[v], vi[v]);
    r.group.resize(k);
    for (std::uint32_t x = 0; x < k; ++x) r.group[x] = ei(ge[x], gi[x]);
    // Possible ties between and within groups (a constant factor 2 for directed graphs cancels).
    double between = 0, within = 0;
    const double n = g.n;
    for (double s : size) within += s * (s - 1) / 2, between += s * (n - s) / 2;
    r.expected = ei(between, within);
    if (std::isnan(r.network) || std::isnan(r.expected)) r.rescaled = nan;
    else if (r.network >= r.expected) r.rescaled = r.expected < 1 ? (r.network - r.expected) / (1 - r.expected) : 0.0;
    else r.rescaled = (r.network - r.expected) / (1 + r.expected);
    return r;
}
template <class Graph, if_graph<Graph> = 0>
ei_result ei_index(const Graph& g, const std::vector<std::uint32_t>& group) {
    return ei_index(static_cast<const graph_view&>(view_of(g)), group);
}

/// Newman's (2003) assortativity for a categorical attribute:
/// \f$ r = (\sum_a e_{aa} - \sum_a a_a b_a) / (1 - \sum_a a_a b_a) \f$ with e the mixing matrix
/// normalised to sum 1 (undirected edges counted both ways), a and b its row and column sums;
/// as networkx.attribute_assortativity_coefficient. NaN when every tie is in one group.
/// O(n + m + k^2).
inline double assortativity(const graph_view& g, const std::vector<std::uint32_t>& group) {
    const std::uint32_t k = detail::group_count(group, g.n);
    std::vector<std::vector<double>> e(k, std::vector<double>(k, 0.0));
    double total = 0;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            e[group[u]][group[g.out_target[a]]] += 1;
            total += 1;
        }
    if (total == 0) return std::numeric_limits<double>::quiet_NaN();
    double trace = 0, ab = 0;
    std::vector<double> row(k, 0), col(k, 0);
    for (std::uint32_t a = 0; a < k; ++a)
        for (std::uint32_t b = 0; b < k; ++b) row[a] += e[a][b] / total, col[b] += e[a][b] / total;
    for (std::uint32_t a = 0; a < k; ++a) trace += e[a][a] / total, ab += row[a] * col[a];
    return ab < 1 ? (trace - ab) / (1 - ab) : std::numeric_limits<double>::quiet_NaN();
}
template <class Graph, if_graph<Graph> = 0>
double assortativity(const Graph& g, const std::vector<std::uint32_t>& group) {
    return assortativity(static_cast<const graph_view&>(view_of(g)), group);
}

/// Newman's (2003) assortativity for a numeric value per vertex: the Pearson correlation of the
/// values at the two ends of every tie (undirected ties counted both ways); as
/// networkx.numeric_assortativity_coefficient, and with degrees as values
/// degree_assortativity_coefficient. NaN when a side has no variance. O(n + m).
inline double numeric_assortativity(const graph_view& g, const std::vector<double>& source_value,
                                    const std::vector<double>& target_value) {
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
            const double x = source_value[u], y = target_value[g.out_target[a]];
            n += 1, sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
        }
    const double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
    return vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : std::numeric_limits<double>::quiet_NaN();
}
/// numeric_assortativity of a Boost.Graph graph, values by vertex index. O(n + m).
template <class Graph, if_graph<Graph> = 0>
double numeric_assortativity(const Graph& g, const std::vector<double>& source_value,
                             const std::vector<double>& target_value) {
    return numeric_assortativity(static_cast<const graph_view&>(view_of(g)), source_value, target_value);
}

}  // namespace wijknet
