// Permutation tests on networks small enough to work by hand (arithmetic in the comments); the
// comparison with R sna's stored values is in tests/python/test_permutation.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <cmath>
#include <limits>
#include <numeric>

#include "expect_throw.hpp"
#include "wijknet/algorithms/permutation.hpp"

using namespace wijknet;

namespace {

// a: 0 -> 1, 1 -> 0, 1 -> 2;  b = a transposed: 1 -> 0, 0 -> 1, 2 -> 1.
//      a          b
//   0 1 0      0 1 0
//   1 0 1      1 0 0
//   0 0 0      0 1 0
const std::vector<double> a = {0, 1, 0, 1, 0, 1, 0, 0, 0};
const std::vector<double> b = {0, 1, 0, 1, 0, 0, 0, 1, 0};
const std::vector<double> ones(9, 1.0);

}  // namespace

TEST(Permutation, GcorByHand) {
    // Dyads in row order (0,1) (0,2) (1,0) (1,2) (2,0) (2,1): x = 1 0 1 1 0 0, y = 1 0 1 0 0 1.
    // Both means 1/2; sum of (x - 1/2)(y - 1/2) = 4 (1/4) - 2 (1/4) = 1/2; sums of squares 6/4.
    // r = (1/2) / (3/2) = 1/3.
    EXPECT_NEAR(gcor(a, b, 3), 1.0 / 3.0, 1e-15);
    // Graph mode reads the lower triangle (1,0) (2,0) (2,1): x = 1 0 0, y = 1 0 1.
    // means 1/3, 2/3; cross = (2/3)(1/3) + (-1/3)(-2/3) + (-1/3)(1/3) = 1/3; sxx = 2/3, syy = 2/3: r = 1/2.
    EXPECT_NEAR(gcor(a, b, 3, dyad_mode::graph), 0.5, 1e-15);
}

TEST(Permutation, OlsByHand) {
    // y = b on x = a with an intercept: slope = sxy / sxx = (1/2) / (3/2) = 1/3, intercept
    // = mean(y) - slope mean(x) = 1/2 - 1/6 = 1/3, R^2 = r^2 = 1/9.
    const auto f = ols(b, {ones, a}, 3, dyad_mode::digraph, true);
    EXPECT_NEAR(f.coefficients[0], 1.0 / 3.0, 1e-14);
    EXPECT_NEAR(f.coefficients[1], 1.0 / 3.0, 1e-14);
    EXPECT_NEAR(f.r_squared, 1.0 / 9.0, 1e-14);
    // RSS = TSS (1 - R^2) = (3/2)(8/9) = 4/3; sigma^2 = (4/3) / 4 = 1/3; se(slope) =
    // sqrt(sigma^2 / sxx) = sqrt((1/3) / (3/2)) = sqrt(2/9); t = (1/3) / sqrt(2/9) = 1/sqrt(2).
    EXPECT_NEAR(f.rss, 4.0 / 3.0, 1e-14);
    EXPECT_NEAR(f.t_values[1], 1.0 / std::sqrt(2.0), 1e-14);
    EXPECT_EQ(f.df_residual, 4u);
    // fitted: 1/3 + x/3
    EXPECT_NEAR(f.fitted[0], 2.0 / 3.0, 1e-14);
    EXPECT_NEAR(f.fitted[1], 1.0 / 3.0, 1e-14);
    EXPECT_THROW(ols(b, {ones, ones}, 3, dyad_mode::digraph, true), invalid_value_error);
}

TEST(Permutation, LogitByHand) {
    // Saturated 2 x 2 table: x = 1 on (0,1) (1,0) (1,2) with y = 1 1 0 -> p = 2/3; x = 0 on
    // (0,2) (2,0) (2,1) with y = 0 0 1 -> p = 1/3. b0 = logit(1/3) = -ln 2, b1 = logit(2/3) -
    // logit(1/3) = 2 ln 2; var(b0) = 1 / (3 (1/3)(2/3)) = 3/2, var(b1) = 3/2 + 3/2 = 3.
    const auto f = netlogit_fit(b, {ones, a}, 3, dyad_mode::digraph, true);
    EXPECT_TRUE(f.converged);
    EXPECT_NEAR(f.coefficients[0], -std::log(2.0), 1e-6);
    EXPECT_NEAR(f.coefficients[1], 2 * std::log(2.0), 1e-6);
    EXPECT_NEAR(f.std_errors[0], std::sqrt(1.5), 1e-6);
    EXPECT_NEAR(f.std_errors[1], std::sqrt(3.0), 1e-6);
    // deviance = -2 sum ln p(y): 4 cells with p = 2/3 and 2 with p = 1/3 -> -2 (4 ln 2/3 + 2 ln 1/3)
    EXPECT_NEAR(f.deviance, -2 * (4 * std::log(2.0 / 3) + 2 * std::log(1.0 / 3)), 1e-9);
    EXPECT_NEAR(f.null_deviance, 6 * 2 * std::log(2.0), 1e-12);  // p = 1/2 everywhere
}

TEST(Permutation, StudentT) {
    EXPECT_NEAR(student_t_cdf(1.0, 1.0), 0.75, 1e-14);                  // Cauchy: 1/2 + atan(1)/pi
    EXPECT_NEAR(student_t_cdf(1.0, 2.0), 0.5 + 1 / (2 * std::sqrt(3.0)), 1e-14);  // 1/2 + t/(2 sqrt(2 + t^2))
    EXPECT_NEAR(student_t_cdf(-1.0, 2.0), 0.5 - 1 / (2 * std::sqrt(3.0)), 1e-14);
    EXPECT_NEAR(student_t_cdf(0.0, 7.0), 0.5, 1e-15);
}

TEST(Permutation, PermutationsAreUniformAndReproducible) {
    auto p = random_permutation(10, 42, 7);
    auto sorted = p;
    std::sort(sorted.begin(), sorted.end());
    for (std::uint32_t i = 0; i < 10; ++i) EXPECT_EQ(sorted[i], i);
    EXPECT_EQ(p, random_permutation(10, 42, 7));
    EXPECT_NE(p, random_permutation(10, 42, 8));
    // all 6 orders of 3 appear about equally often in 6000 draws (each 1000 +- 4 sd = 4 * 29)
    std::map<std::vector<std::uint32_t>, int> counts;
    for (std::uint64_t r = 0; r < 6000; ++r) ++counts[random_permutation(3, 1, r)];
    EXPECT_EQ(counts.size(), 6u);
    for (const auto& [order, c] : counts) EXPECT_NEAR(c, 1000, 116);
}

TEST(Permutation, ThreadsAndBatchesDoNotChangeTheResult) {
    std::vector<double> y(100), x1(100), x2(100);
    for (int i = 0; i < 100; ++i) y[i] = (i * 7) % 3, x1[i] = (i * 5) % 4, x2[i] = (i % 10) > 4;
    run_options one, two;
    one.threads = 1, two.threads = 2;
    for (auto h : {null_hypothesis::qapspp, null_hypothesis::qapy, null_hypothesis::qapx, null_hypothesis::qapallx}) {
        const auto all = netlm_permutations(y, {std::vector<double>(100, 1.0), x1, x2}, 10, dyad_mode::digraph, true,
                                            h, test_statistic::t_value, 5, 0, 40, one);
        const auto threaded = netlm_permutations(y, {std::vector<double>(100, 1.0), x1, x2}, 10, dyad_mode::digraph,
                                                 true, h, test_statistic::t_value, 5, 0, 40, two);
        const auto tail = netlm_permutations(y, {std::vector<double>(100, 1.0), x1, x2}, 10, dyad_mode::digraph, true,
                                             h, test_statistic::t_value, 5, 25, 15, two);
        EXPECT_EQ(all, threaded);
        EXPECT_TRUE(std::equal(tail.begin(), tail.end(), all.begin() + 25 * 3));
    }
    EXPECT_EQ(gcor_permutations(y, x1, 10, dyad_mode::digraph, 3, 0, 50, one),
              gcor_permutations(y, x1, 10, dyad_mode::digraph, 3, 0, 50, two));
}

TEST(Permutation, QapyMatchesAPermutedRefit) {
    // A qapy draw equals the QR fit of y permuted by the same permutation.
    std::vector<double> y(64), x(64);
    for (int i = 0; i < 64; ++i) y[i] = (i * 13) % 5, x[i] = (i * 3) % 7;
    const auto dist = netlm_permutations(y, {std::vector<double>(64, 1.0), x}, 8, dyad_mode::digraph, true,
                                         null_hypothesis::qapy, test_statistic::t_value, 9, 0, 3);
    const auto p = random_permutation(8, 9, 2);
    std::vector<double> py(64);
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 8; ++j) py[i * 8 + j] = y[p[i] * 8 + p[j]];
    const auto f = ols(py, {std::vector<double>(64, 1.0), x}, 8, dyad_mode::digraph, true);
    EXPECT_NEAR(dist[2 * 2 + 0], f.t_values[0], 1e-9);
    EXPECT_NEAR(dist[2 * 2 + 1], f.t_values[1], 1e-9);
}

TEST(Permutation, CugGraphsKeepWhatTheyCondition) {
    const std::size_t n = 9;
    const auto edges = cug_graphs(n, dyad_mode::digraph, cug_condition::edges, 20, 0, 0, 4, 0, 30);
    const auto census = cug_graphs(n, dyad_mode::digraph, cug_condition::dyad_census, 0, 5, 7, 4, 0, 30);
    const auto graph = cug_graphs(n, dyad_mode::graph, cug_condition::edges, 11, 11, 0, 4, 0, 30);
    for (std::size_t r = 0; r < 30; ++r) {
        const auto* e = edges.data() + r * n * n;
        const auto* c = census.data() + r * n * n;
        const auto* g = graph.data() + r * n * n;
        EXPECT_EQ(std::accumulate(e, e + n * n, 0), 20);
        int mutual = 0, asym = 0, sym = 1, gedges = 0;
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(e[i * n + i] + c[i * n + i] + g[i * n + i], 0);
            for (std::size_t j = i + 1; j < n; ++j) {
                mutual += c[i * n + j] && c[j * n + i];
                asym += c[i * n + j] != c[j * n + i];
                sym &= g[i * n + j] == g[j * n + i];
                gedges += g[i * n + j];
            }
        }
        EXPECT_EQ(mutual, 5);
        EXPECT_EQ(asym, 7);
        EXPECT_EQ(sym, 1);
        EXPECT_EQ(gedges, 11);
    }
}

TEST(Permutation, StopsWhenAsked) {
    std::vector<double> y(400, 0.0), x(400, 0.0);
    for (int i = 0; i < 400; ++i) y[i] = i % 3, x[i] = i % 5;
    run_options o;
    o.threads = 1;
    o.should_stop = [] { return true; };
    EXPECT_THROW(gcor_permutations(y, x, 20, dyad_mode::digraph, 1, 0, 1000, o), interrupted);
}

TEST(Permutation, MissingDyadsAreDroppedByHand) {
    // b with the cell (2,1) missing (NaN): gcor uses the five other dyads, as R's
    // cor(use = "complete.obs"). Row order (0,1) (0,2) (1,0) (1,2) (2,0): x = 1 0 1 1 0, y = 1 0 1 0 0.
    // Means 3/5 and 2/5; cross = sum xy - 5 (3/5)(2/5) = 2 - 6/5 = 4/5; sxx = 3 - 9/5 = 6/5,
    // syy = 2 - 4/5 = 6/5: r = (4/5) / (6/5) = 2/3.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> bm = b;
    bm[2 * 3 + 1] = nan;
    EXPECT_NEAR(gcor(a, bm, 3), 2.0 / 3.0, 1e-15);
    // OLS of y = bm on x = a over the same five dyads: slope = cross / sxx = 2/3, intercept = 2/5 - (2/3)(3/5) = 0.
    const auto f = ols(bm, {ones, a}, 3, dyad_mode::digraph, true);
    EXPECT_EQ(f.n_obs, 5u);
    EXPECT_NEAR(f.coefficients[0], 0.0, 1e-14);
    EXPECT_NEAR(f.coefficients[1], 2.0 / 3.0, 1e-14);
    ASSERT_EQ(f.fitted.size(), 6u);  // one per dyad; the dropped one NaN
    EXPECT_TRUE(std::isnan(f.fitted[5]) && std::isnan(f.residuals[5]));
    // Each permutation drops the dyads its own NaN cells land on: permutation r equals gcor of a with bm
    // permuted by random_permutation(3, seed, r).
    const auto dist = gcor_permutations(a, bm, 3, dyad_mode::digraph, 7, 0, 20);
    for (std::uint32_t r = 0; r < 20; ++r) {
        const auto p = random_permutation(3, 7, r);
        std::vector<double> moved(9);
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j) moved[i * 3 + j] = bm[p[i] * 3 + p[j]];
        const double want = gcor(a, moved, 3);
        if (std::isnan(want))
            EXPECT_TRUE(std::isnan(dist[r]));
        else
            EXPECT_NEAR(dist[r], want, 1e-14) << r;
    }
    // qapspp moves residuals of the complete dyads over every cell: refused with missing dyads.
    EXPECT_THROW_WITH(netlm_permutations(bm, {ones, a, b}, 3, dyad_mode::digraph, true, null_hypothesis::qapspp,
                                         test_statistic::t_value, 1, 0, 5),
                      invalid_value_error, "'qapspp' is not defined with missing dyads");
    EXPECT_NO_THROW(netlm_permutations(bm, {ones, a, b}, 3, dyad_mode::digraph, true, null_hypothesis::qapy,
                                       test_statistic::t_value, 1, 0, 5));
}
