/// @file
/// @brief Permutation tests of network statistics, as R sna: graph correlation (gcor) with its QAP
/// null distribution, MRQAP regression (netlm, OLS) and logistic MRQAP (netlogit) with the null
/// hypotheses qapspp (Dekker semi-partialling), qapy, qapx, qapallx and classical, and uniform
/// random graphs for conditional uniform graph (CUG) tests.
///
/// Networks are dense n x n matrices, row-major (`m[i * n + j]` = tie i -> j). The cells a test
/// uses are the dyads: every (i, j) with i != j (digraph), or every i > j (graph: the lower
/// triangle, as sna's gvectorize keeps it). The diagonal is never used.
///
/// Missing dyads: a NaN cell is a dyad nobody knows (a survey's non-response). As sna does, gcor,
/// ols / netlm and netlogit_fit / netlogit drop every dyad where y or a predictor is NaN (sna:
/// cor(use = "complete.obs") and `mis <- is.na(y) | apply(is.na(x), 1, any)`), and a permutation
/// moves the NaN cells with the rest of its matrix, so each permuted data set drops its own dyads.
/// qapspp is refused with missing dyads: sna writes the residuals of the complete dyads back into
/// every dyad cell, which is not defined when some were dropped.
///
/// Randomness: permutation @c r of a run with seed @c s draws from its own stream (xoshiro256**
/// seeded by splitmix64 from (s, r, sub-stream)), so the result of a permutation depends only on
/// the seed and its index — never on the number of threads or on how the permutations were
/// split into batches (for Dask).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "wijknet/algorithms/parallel.hpp"
#include "wijknet/error.hpp"

namespace wijknet {

/// Which cells of a matrix are dyads.
enum class dyad_mode { digraph, graph };

/// The null hypotheses of netlm / netlogit (sna's names).
enum class null_hypothesis { qapspp, qapy, qapx, qapallx, classical };

/// The statistic a regression test permutes.
enum class test_statistic { t_value, beta };

// --------------------------------------------------------------------------------- randomness

namespace detail {

/// splitmix64 (Steele, Lea & Flood 2014): a well-mixed 64-bit hash, used to seed streams.
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// xoshiro256** (Blackman & Vigna 2021), one stream per (seed, index, sub-stream).
class stream_rng {
public:
    stream_rng(std::uint64_t seed, std::uint64_t index, std::uint64_t sub = 0) {
        std::uint64_t x = seed;
        std::uint64_t mix = splitmix64(x) ^ (index * 0xd1b54a32d192ed03ULL);
        mix = splitmix64(mix) ^ (sub * 0x8cb92ba72f3d8dd7ULL);
        for (auto& s : s_) s = splitmix64(mix);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0], s_[3] ^= s_[1], s_[1] ^= s_[2], s_[0] ^= s_[3], s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, bound), without bias (Lemire 2019, multiply and reject).
    std::uint32_t below(std::uint32_t bound) {
        std::uint64_t m = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next() >> 32)) * bound;
        auto low = static_cast<std::uint32_t>(m);
        if (low < bound) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-bound) % bound;
            while (low < threshold) {
                m = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next() >> 32)) * bound;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }
    bool coin() { return (next() >> 63) != 0; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

/// Fisher-Yates shuffle of 0..n-1 into @p out.
inline void shuffle_identity(std::vector<std::uint32_t>& out, std::uint32_t n, stream_rng& rng) {
    out.resize(n);
    std::iota(out.begin(), out.end(), 0u);
    for (std::uint32_t i = n; i > 1; --i) std::swap(out[i - 1], out[rng.below(i)]);
}

}  // namespace detail

/// The permutation of 0..n-1 that permutation @p index (sub-stream @p sub) of a run with @p seed
/// uses. Uniform over all n! orders. O(n).
inline std::vector<std::uint32_t> random_permutation(std::uint32_t n, std::uint64_t seed, std::uint64_t index,
                                                     std::uint64_t sub = 0) {
    detail::stream_rng rng(seed, index, sub);
    std::vector<std::uint32_t> out;
    detail::shuffle_identity(out, n, rng);
    return out;
}

// ------------------------------------------------------------------------------------ helpers

namespace detail {

inline void check_square(const std::vector<double>& m, std::size_t n, const char* what) {
    if (m.size() != n * n)
        throw invalid_value_error(std::string(what) + ": expected an n x n matrix with n = " + std::to_string(n) +
                                  " (" + std::to_string(n * n) + " cells), got " + std::to_string(m.size()) +
                                  " cells");
}

/// Calls f(i, j) for every dyad cell of an n x n matrix, row by row.
template <class F>
inline void for_each_dyad(std::size_t n, dyad_mode mode, F&& f) {
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t end = mode == dyad_mode::graph ? i : n;
        for (std::size_t j = 0; j < end; ++j)
            if (i != j) f(i, j);
    }
}

inline std::size_t dyad_count(std::size_t n, dyad_mode mode) {
    return mode == dyad_mode::graph ? n * (n - 1) / 2 : n * (n - 1);
}

/// Sum over dyads of a[i, j] * b[p(i), p(j)] (b permuted by p; identity when p is empty).
inline double permuted_dot(const std::vector<double>& a, const std::vector<double>& b, std::size_t n,
                           dyad_mode mode, const std::vector<std::uint32_t>& p) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double* ra = a.data() + i * n;
        const double* rb = b.data() + (p.empty() ? i : p[i]) * n;
        const std::size_t end = mode == dyad_mode::graph ? i : n;
        if (p.empty()) {
            for (std::size_t j = 0; j < end; ++j)
                if (j != i) s += ra[j] * rb[j];
        } else {
            for (std::size_t j = 0; j < end; ++j)
                if (j != i) s += ra[j] * rb[p[j]];
        }
    }
    return s;
}

/// Sum over dyads of m[p(i), p(j)]^2.
inline double permuted_sum_sq(const std::vector<double>& m, std::size_t n, dyad_mode mode,
                              const std::vector<std::uint32_t>& p) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double* r = m.data() + (p.empty() ? i : p[i]) * n;
        const std::size_t end = mode == dyad_mode::graph ? i : n;
        for (std::size_t j = 0; j < end; ++j)
            if (j != i) {
                const double v = r[p.empty() ? j : p[j]];
                s += v * v;
            }
    }
    return s;
}

/// The dyad values of m (permuted by p when given), in row order.
inline void gather(const std::vector<double>& m, std::size_t n, dyad_mode mode, const std::vector<std::uint32_t>& p,
                   std::vector<double>& out) {
    out.clear();
    out.reserve(dyad_count(n, mode));
    for (std::size_t i = 0; i < n; ++i) {
        const double* r = m.data() + (p.empty() ? i : p[i]) * n;
        const std::size_t end = mode == dyad_mode::graph ? i : n;
        for (std::size_t j = 0; j < end; ++j)
            if (j != i) out.push_back(r[p.empty() ? j : p[j]]);
    }
}

/// Pearson correlation of two equally long vectors (NaN when either is constant).
inline double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t m = x.size();
    double mx = 0, my = 0;
    for (std::size_t k = 0; k < m; ++k) mx += x[k], my += y[k];
    mx /= m, my /= m;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t k = 0; k < m; ++k) {
        const double a = x[k] - mx, b = y[k] - my;
        sxy += a * b, sxx += a * a, syy += b * b;
    }
    return sxy / std::sqrt(sxx * syy);
}

/// Whether a dyad cell of m is NaN (a missing dyad). O(n^2).
inline bool has_missing(const std::vector<double>& m, std::size_t n, dyad_mode mode) {
    bool any = false;
    for_each_dyad(n, mode, [&](std::size_t i, std::size_t j) { any = any || std::isnan(m[i * n + j]); });
    return any;
}

/// Which rows (dyads) are complete: y and every column known.
inline std::vector<char> complete_rows(const std::vector<std::vector<double>>& cols, const std::vector<double>& y) {
    std::vector<char> keep(y.size());
    for (std::size_t t = 0; t < y.size(); ++t) {
        bool known = !std::isnan(y[t]);
        for (const auto& c : cols) known = known && !std::isnan(c[t]);
        keep[t] = known;
    }
    return keep;
}

/// v without the rows keep marks false (in place).
inline void drop_rows(std::vector<double>& v, const std::vector<char>& keep) {
    std::size_t out = 0;
    for (std::size_t t = 0; t < v.size(); ++t)
        if (keep[t]) v[out++] = v[t];
    v.resize(out);
}

/// Drops the incomplete rows of cols and y; returns which rows were kept.
inline std::vector<char> drop_incomplete(std::vector<std::vector<double>>& cols, std::vector<double>& y) {
    auto keep = complete_rows(cols, y);
    if (std::find(keep.begin(), keep.end(), 0) == keep.end()) return keep;
    for (auto& c : cols) drop_rows(c, keep);
    drop_rows(y, keep);
    return keep;
}

/// v (one value per kept row) spread over every row, NaN on the dropped ones.
inline std::vector<double> spread_rows(const std::vector<double>& v, const std::vector<char>& keep) {
    if (v.size() == keep.size()) return v;
    std::vector<double> out(keep.size(), std::numeric_limits<double>::quiet_NaN());
    std::size_t t = 0;
    for (std::size_t r = 0; r < keep.size(); ++r)
        if (keep[r]) out[r] = v[t++];
    return out;
}

/// Pearson correlation over the pairs where both values are known (R cor(use = "complete.obs")).
inline double pearson_complete(std::vector<double> x, std::vector<double> y) {
    std::vector<std::vector<double>> cols{std::move(x)};
    drop_incomplete(cols, y);
    return pearson(cols[0], y);
}

/// Whether y or a predictor has a missing dyad; throws for qapspp, which is not defined then (see
/// the file's comment).
inline bool regression_has_missing(const std::vector<double>& y, const std::vector<std::vector<double>>& x,
                                   std::size_t n, dyad_mode mode, null_hypothesis hyp) {
    bool missing = has_missing(y, n, mode);
    for (const auto& c : x) missing = missing || has_missing(c, n, mode);
    if (missing && hyp == null_hypothesis::qapspp)
        throw invalid_value_error(
            "nullhyp 'qapspp' is not defined with missing dyads (NaN cells): its residuals exist for the complete "
            "dyads only; use nullhyp 'qapy', 'qapx', 'qapallx' or 'classical', which drop the missing dyads as R sna "
            "does");
    return missing;
}

/// Householder QR of an m x k column-major matrix (columns in @p a), in place; LINPACK-style:
/// R on and above the diagonal, the Householder vectors below, their scalars in @p beta.
/// Returns false when a column is (numerically) dependent on the ones before it: its remaining
/// norm is below tol times its original norm, the rule of R's qr(tol =) (dqrdc2).
inline bool householder_qr(std::vector<std::vector<double>>& a, std::vector<double>& beta, double tol) {
    const std::size_t k = a.size(), m = k ? a[0].size() : 0;
    beta.assign(k, 0.0);
    for (std::size_t c = 0; c < k; ++c) {
        auto& col = a[c];
        double original = 0;
        for (std::size_t r = 0; r < m; ++r) original += col[r] * col[r];
        // the norm before this column was reduced by the earlier reflections
        double norm = 0;
        for (std::size_t r = c; r < m; ++r) norm += col[r] * col[r];
        norm = std::sqrt(norm);
        if (!(norm > tol * std::sqrt(original)) || norm == 0) return false;
        const double alpha = col[c] > 0 ? -norm : norm;
        const double v0 = col[c] - alpha;
        // v = (v0, col[c+1..]); H = I - beta v v^T with beta = 2 / v^T v
        double vtv = v0 * v0;
        for (std::size_t r = c + 1; r < m; ++r) vtv += col[r] * col[r];
        col[c] = v0;
        const double b = 2.0 / vtv;
        for (std::size_t d = c + 1; d < k; ++d) {
            auto& other = a[d];
            double s = 0;
            for (std::size_t r = c; r < m; ++r) s += col[r] * other[r];
            s *= b;
            for (std::size_t r = c; r < m; ++r) other[r] -= s * col[r];
        }
        beta[c] = b;
        col[c] = v0;
        // store R's diagonal separately: keep v in col[c..], alpha as R_cc
        a[c].push_back(alpha);
    }
    return true;
}

/// Applies Q^T of householder_qr to y in place.
inline void apply_qt(const std::vector<std::vector<double>>& qr, const std::vector<double>& beta,
                     std::vector<double>& y) {
    const std::size_t m = y.size();
    for (std::size_t c = 0; c < qr.size(); ++c) {
        const auto& v = qr[c];
        double s = 0;
        for (std::size_t r = c; r < m; ++r) s += v[r] * y[r];
        s *= beta[c];
        for (std::size_t r = c; r < m; ++r) y[r] -= s * v[r];
    }
}

/// R (k x k upper triangular, row-major) from householder_qr's output.
inline std::vector<double> qr_r(const std::vector<std::vector<double>>& qr) {
    const std::size_t k = qr.size();
    std::vector<double> r(k * k, 0.0);
    for (std::size_t c = 0; c < k; ++c) {
        r[c * k + c] = qr[c].back();
        for (std::size_t row = 0; row < c; ++row) r[row * k + c] = qr[c][row];
    }
    return r;
}

/// (R^T R)^{-1} (R upper triangular, k x k): R's chol2inv.
inline std::vector<double> chol2inv(const std::vector<double>& r, std::size_t k) {
    std::vector<double> inv(k * k, 0.0);  // R^{-1}, upper triangular
    for (std::size_t c = 0; c < k; ++c) {
        inv[c * k + c] = 1.0 / r[c * k + c];
        for (std::size_t row = c; row-- > 0;) {
            double s = 0;
            for (std::size_t t = row + 1; t <= c; ++t) s += r[row * k + t] * inv[t * k + c];
            inv[row * k + c] = -s / r[row * k + row];
        }
    }
    std::vector<double> out(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            double s = 0;
            for (std::size_t t = std::max(i, j); t < k; ++t) s += inv[i * k + t] * inv[j * k + t];
            out[i * k + j] = s;
        }
    return out;
}

/// Solves R b = z for the first k entries of z (back substitution).
inline std::vector<double> back_solve(const std::vector<double>& r, std::size_t k, const std::vector<double>& z) {
    std::vector<double> b(k);
    for (std::size_t row = k; row-- > 0;) {
        double s = z[row];
        for (std::size_t t = row + 1; t < k; ++t) s -= r[row * k + t] * b[t];
        b[row] = s / r[row * k + row];
    }
    return b;
}

/// Statistic(s) of an OLS fit from its cross products: G = X^T X (k x k, row-major), xy = X^T y,
/// yy = y^T y, m rows. Writes beta or t of coefficient @p which (all when which = k) to out.
/// Cholesky of G; RSS = yy - b^T X^T y. Returns false when G is not positive definite.
inline bool gram_statistic(std::vector<double>& g, const std::vector<double>& xy, double yy, std::size_t m,
                           std::size_t k, test_statistic stat, std::size_t which, double* out) {
    // Cholesky G = L L^T in place (lower)
    for (std::size_t j = 0; j < k; ++j) {
        double d = g[j * k + j];
        for (std::size_t t = 0; t < j; ++t) d -= g[j * k + t] * g[j * k + t];
        if (!(d > 0)) return false;
        d = std::sqrt(d);
        g[j * k + j] = d;
        for (std::size_t i = j + 1; i < k; ++i) {
            double s = g[i * k + j];
            for (std::size_t t = 0; t < j; ++t) s -= g[i * k + t] * g[j * k + t];
            g[i * k + j] = s / d;
        }
    }
    // b = G^{-1} xy
    std::vector<double> z(k), b(k);
    for (std::size_t i = 0; i < k; ++i) {
        double s = xy[i];
        for (std::size_t t = 0; t < i; ++t) s -= g[i * k + t] * z[t];
        z[i] = s / g[i * k + i];
    }
    for (std::size_t i = k; i-- > 0;) {
        double s = z[i];
        for (std::size_t t = i + 1; t < k; ++t) s -= g[t * k + i] * b[t];
        b[i] = s / g[i * k + i];
    }
    auto put = [&](std::size_t j, double* o) {
        if (stat == test_statistic::beta) {
            *o = b[j];
            return;
        }
        // (G^{-1})_jj = || L^{-1} e_j ||^2
        std::vector<double> e(k, 0.0);
        e[j] = 1.0;
        double norm = 0;
        for (std::size_t i = j; i < k; ++i) {
            double s = e[i];
            for (std::size_t t = j; t < i; ++t) s -= g[i * k + t] * e[t];
            e[i] = s / g[i * k + i];
            norm += e[i] * e[i];
        }
        double rss = yy;
        for (std::size_t i = 0; i < k; ++i) rss -= b[i] * xy[i];
        const double resvar = std::max(rss, 0.0) / static_cast<double>(m - k);
        *o = b[j] / std::sqrt(norm * resvar);
    };
    if (which == k)
        for (std::size_t j = 0; j < k; ++j) put(j, out + j);
    else
        put(which, out);
    return true;
}

/// Regularised incomplete beta function I_x(a, b), by the continued fraction of Lentz's method
/// (DiDonato & Morris 1992 give the expansion; here the standard even/odd terms).
inline double incomplete_beta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const bool flip = x > (a + 1) / (a + b + 2);
    if (flip) std::swap(a, b), x = 1 - x;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                                  b * std::log1p(-x)) / a;
    const double tiny = 1e-300;
    double f = 1, c = 1, d = 0;
    for (int i = 0; i <= 10000; ++i) {
        const int m = i / 2;
        double num;
        if (i == 0)
            num = 1;
        else if (i % 2 == 0)
            num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        else
            num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
        d = 1 + num * d;
        if (std::fabs(d) < tiny) d = tiny;
        d = 1 / d;
        c = 1 + num / c;
        if (std::fabs(c) < tiny) c = tiny;
        const double cd = c * d;
        f *= cd;
        if (std::fabs(1 - cd) < 1e-16) break;
    }
    const double v = front * (f - 1);
    return flip ? 1 - v : v;
}

}  // namespace detail

/// P(T <= t) for Student's t with @p df degrees of freedom (R's pt).
inline double student_t_cdf(double t, double df) {
    if (std::isnan(t)) return t;
    if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
    const double tail = 0.5 * detail::incomplete_beta(df / 2, 0.5, df / (df + t * t));
    return t > 0 ? 1 - tail : tail;
}

// -------------------------------------------------------------------------------------- gcor

/// Graph correlation (sna gcor): the Pearson correlation of the dyad values of two n x n
/// matrices, over the dyads known in both (NaN cells dropped). O(n^2).
inline double gcor(const std::vector<double>& a, const std::vector<double>& b, std::size_t n,
                   dyad_mode mode = dyad_mode::digraph) {
    detail::check_square(a, n, "gcor");
    detail::check_square(b, n, "gcor");
    std::vector<double> x, y;
    detail::gather(a, n, mode, {}, x);
    detail::gather(b, n, mode, {}, y);
    return detail::pearson_complete(std::move(x), std::move(y));
}

/// QAP null distribution of gcor (sna qaptest(list(a, b), gcor)): for permutation r in
/// [first, first + count), the correlation of a with b's rows and columns permuted by
/// random_permutation(n, seed, r). Runs on every core; O(count n^2).
inline std::vector<double> gcor_permutations(const std::vector<double>& a, const std::vector<double>& b,
                                             std::size_t n, dyad_mode mode, std::uint64_t seed, std::uint64_t first,
                                             std::uint32_t count, const run_options& options = {}) {
    detail::check_square(a, n, "gcor");
    detail::check_square(b, n, "gcor");
    std::vector<double> x;
    detail::gather(a, n, mode, {}, x);
    if (detail::has_missing(a, n, mode) || detail::has_missing(b, n, mode)) {
        // each permutation drops its own dyads: no moments can be shared between permutations
        std::vector<double> out(count);
        detail::parallel_for(count, options, [&](unsigned, std::uint32_t r) {
            std::vector<double> y;
            detail::gather(b, n, mode, random_permutation(static_cast<std::uint32_t>(n), seed, first + r), y);
            out[r] = detail::pearson_complete(x, std::move(y));
        }, 4);
        return out;
    }
    const std::size_t m = x.size();
    double mx = 0;
    for (double v : x) mx += v;
    mx /= m;
    double sxx = 0;
    std::vector<double> centred(n * n, 0.0);
    detail::for_each_dyad(n, mode, [&](std::size_t i, std::size_t j) {
        centred[i * n + j] = a[i * n + j] - mx;
        sxx += (a[i * n + j] - mx) * (a[i * n + j] - mx);
    });
    // The permuted b has the same multiset of dyad values when the mode is digraph or b is
    // symmetric; compute its moments per permutation anyway (graph mode with an asymmetric b).
    std::vector<double> out(count);
    const unsigned workers = detail::worker_count(count, options, 4);
    std::vector<std::vector<std::uint32_t>> perms(workers);
    detail::parallel_for(count, options, [&](unsigned w, std::uint32_t r) {
        detail::stream_rng rng(seed, first + r);
        detail::shuffle_identity(perms[w], static_cast<std::uint32_t>(n), rng);
        const auto& p = perms[w];
        double sy = 0, syy = 0, sxy = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double* rb = b.data() + p[i] * n;
            const double* rc = centred.data() + i * n;
            const std::size_t end = mode == dyad_mode::graph ? i : n;
            for (std::size_t j = 0; j < end; ++j) {
                if (j == i) continue;
                const double v = rb[p[j]];
                sy += v, syy += v * v, sxy += rc[j] * v;
            }
        }
        const double vy = syy - sy * sy / m;
        out[r] = sxy / std::sqrt(sxx * vy);
    }, 4);
    return out;
}

// ------------------------------------------------------------------------------------- netlm

/// An OLS fit of dyad values (sna netlm without the test).
struct ols_result {
    std::vector<double> coefficients, std_errors, t_values;
    std::vector<double> fitted, residuals;  ///< per dyad, in row order (i, then j); NaN for a dropped dyad
    std::size_t n_obs = 0, rank = 0, df_residual = 0;
    double rss = 0, r_squared = 0, adj_r_squared = 0, f_statistic = 0;
};

namespace detail {

/// The dyad values of y and of each predictor matrix (checked to be n x n), in row order.
inline void dyad_columns(const std::vector<double>& y, const std::vector<std::vector<double>>& x, std::size_t n,
                         dyad_mode mode, std::vector<std::vector<double>>& cols, std::vector<double>& yv) {
    check_square(y, n, "y");
    cols.assign(x.size(), {});
    for (std::size_t c = 0; c < x.size(); ++c) {
        check_square(x[c], n, "predictor");
        gather(x[c], n, mode, {}, cols[c]);
    }
    gather(y, n, mode, {}, yv);
}

/// The matrices a permutation test moves under qapspp: each predictor's residuals on the others
/// (none for the other null hypotheses).
inline std::vector<std::vector<double>> moved_residuals(const std::vector<std::vector<double>>& x, std::size_t n,
                                                        dyad_mode mode, bool intercept, null_hypothesis hyp,
                                                        double tol);

}  // namespace detail

/// OLS of y on the predictor matrices x (the first may be all ones: the intercept), over the
/// dyads known in y and every predictor (NaN cells dropped; their fitted value and residual are NaN). Householder QR, as R's qr()/qr.coef(); std errors sqrt(diag((X^T X)^{-1}) RSS/(m - k)).
/// R^2 = 1 - RSS/TSS, TSS about the mean when @p intercept, else about 0 (R's summary.lm).
/// Throws when a predictor is a linear combination of the others (tolerance @p tol, as qr()).
/// O(m k^2), m = number of dyads.
inline ols_result ols(const std::vector<double>& y, const std::vector<std::vector<double>>& x, std::size_t n,
                      dyad_mode mode, bool intercept, double tol = 1e-7) {
    std::vector<std::vector<double>> cols;
    std::vector<double> yv;
    detail::dyad_columns(y, x, n, mode, cols, yv);
    const auto keep = detail::drop_incomplete(cols, yv);
    const std::size_t m = yv.size(), k = cols.size();
    if (m <= k) throw invalid_value_error("fewer dyads than predictors: the regression has no residual degrees of freedom");
    const auto original = cols;
    std::vector<double> beta;
    if (!detail::householder_qr(cols, beta, tol))
        throw invalid_value_error("the predictors are collinear (one is a linear combination of the others)");
    const auto r = detail::qr_r(cols);
    std::vector<double> qty = yv;
    detail::apply_qt(cols, beta, qty);
    ols_result out;
    out.coefficients = detail::back_solve(r, k, qty);
    out.n_obs = m, out.rank = k, out.df_residual = m - k;
    out.fitted.assign(m, 0.0);
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t t = 0; t < m; ++t) out.fitted[t] += original[c][t] * out.coefficients[c];
    out.residuals.resize(m);
    double mean = 0;
    for (double v : yv) mean += v;
    mean /= m;
    double tss = 0;
    for (std::size_t t = 0; t < m; ++t) {
        out.residuals[t] = yv[t] - out.fitted[t];
        out.rss += out.residuals[t] * out.residuals[t];
        const double d = intercept ? yv[t] - mean : yv[t];
        tss += d * d;
    }
    const auto cvm = detail::chol2inv(r, k);
    const double resvar = out.rss / out.df_residual;
    for (std::size_t c = 0; c < k; ++c) {
        out.std_errors.push_back(std::sqrt(cvm[c * k + c] * resvar));
        out.t_values.push_back(out.coefficients[c] / out.std_errors.back());
    }
    const double df_int = intercept ? 1.0 : 0.0;
    out.r_squared = 1 - out.rss / tss;
    out.adj_r_squared = 1 - (1 - out.r_squared) * ((m - df_int) / static_cast<double>(out.df_residual));
    out.f_statistic = ((tss - out.rss) / (k - df_int)) / resvar;
    out.fitted = detail::spread_rows(out.fitted, keep);
    out.residuals = detail::spread_rows(out.residuals, keep);
    return out;
}

namespace detail {

/// Cross products of all predictor columns and y, over the dyads (one pass per pair).
struct cross_products {
    std::vector<double> g;   ///< X^T X, k x k
    std::vector<double> xy;  ///< X^T y
    double yy = 0;
};

inline cross_products crosses(const std::vector<std::vector<double>>& x, const std::vector<double>& y, std::size_t n,
                              dyad_mode mode) {
    const std::size_t k = x.size();
    cross_products c;
    c.g.assign(k * k, 0.0);
    c.xy.assign(k, 0.0);
    for (std::size_t a = 0; a < k; ++a) {
        for (std::size_t b = a; b < k; ++b) c.g[a * k + b] = c.g[b * k + a] = permuted_dot(x[a], x[b], n, mode, {});
        c.xy[a] = permuted_dot(x[a], y, n, mode, {});
    }
    c.yy = permuted_dot(y, y, n, mode, {});
    return c;
}

/// The residual matrix of x[i] regressed on the other predictors (sna's qapspp step): cells
/// outside the dyads are 0; in graph mode the upper triangle mirrors the lower one.
inline std::vector<double> partial_residuals(const std::vector<std::vector<double>>& x, std::size_t i, std::size_t n,
                                             dyad_mode mode, bool intercept, double tol) {
    std::vector<std::vector<double>> others;
    for (std::size_t c = 0; c < x.size(); ++c)
        if (c != i) others.push_back(x[c]);
    std::vector<double> out(n * n, 0.0);
    if (others.empty()) {
        out = x[i];
    } else {
        const auto fit = ols(x[i], others, n, mode, intercept && i != 0, tol);
        std::size_t t = 0;
        for_each_dyad(n, mode, [&](std::size_t a, std::size_t b) { out[a * n + b] = fit.residuals[t++]; });
    }
    for (std::size_t a = 0; a < n; ++a) out[a * n + a] = 0;
    if (mode == dyad_mode::graph)
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b) out[a * n + b] = out[b * n + a];
    return out;
}

inline std::vector<std::vector<double>> moved_residuals(const std::vector<std::vector<double>>& x, std::size_t n,
                                                        dyad_mode mode, bool intercept, null_hypothesis hyp,
                                                        double tol) {
    std::vector<std::vector<double>> out;
    if (hyp == null_hypothesis::qapspp)
        for (std::size_t c = 0; c < x.size(); ++c) out.push_back(partial_residuals(x, c, n, mode, intercept, tol));
    return out;
}

/// The OLS statistic(s) of y on cols (complete rows, column vectors) through the cross products:
/// coefficient @p which, or all when which = cols.size(). Leaves NaN when the fit is singular.
inline void column_statistic(const std::vector<std::vector<double>>& cols, const std::vector<double>& y,
                             test_statistic stat, std::size_t which, double* out) {
    const std::size_t k = cols.size(), m = y.size();
    if (m <= k) return;
    std::vector<double> g(k * k), xy(k);
    double yy = 0;
    for (std::size_t a = 0; a < k; ++a) {
        for (std::size_t b = a; b < k; ++b)
            g[a * k + b] = g[b * k + a] = std::inner_product(cols[a].begin(), cols[a].end(), cols[b].begin(), 0.0);
        xy[a] = std::inner_product(cols[a].begin(), cols[a].end(), y.begin(), 0.0);
    }
    yy = std::inner_product(y.begin(), y.end(), y.begin(), 0.0);
    gram_statistic(g, xy, yy, m, k, stat, which, out);
}

/// The permutation schemes qapy, qapx and qapallx on data with missing dyads: each permuted data
/// set (its NaN cells moved with it) goes to fit(cols, y, which, out) as full dyad columns, which
/// drops the incomplete rows itself. The same permutations (streams) as the complete-data kernels.
template <class Fit>
void permuted_fits(const std::vector<double>& y, const std::vector<std::vector<double>>& x, std::size_t n,
                   dyad_mode mode, null_hypothesis hyp, std::uint64_t seed, std::uint64_t first, std::uint32_t count,
                   const run_options& options, std::vector<double>& out, Fit fit) {
    const std::size_t k = x.size();
    std::vector<std::vector<double>> cols;
    std::vector<double> yv;
    dyad_columns(y, x, n, mode, cols, yv);
    const auto n32 = static_cast<std::uint32_t>(n);
    parallel_for(count, options, [&](unsigned, std::uint32_t r) {
        const std::uint64_t index = first + r;
        double* row = out.data() + static_cast<std::size_t>(r) * k;
        try {
            if (hyp == null_hypothesis::qapy) {
                auto pc = cols;
                std::vector<double> py;
                gather(y, n, mode, random_permutation(n32, seed, index, 0), py);
                fit(pc, py, k, row);
            } else if (hyp == null_hypothesis::qapallx) {
                auto pc = cols;
                auto py = yv;
                for (std::size_t c = 0; c < k; ++c) gather(x[c], n, mode, random_permutation(n32, seed, index, c), pc[c]);
                fit(pc, py, k, row);
            } else {  // qapx
                for (std::size_t c = 0; c < k; ++c) {
                    auto pc = cols;
                    auto py = yv;
                    gather(x[c], n, mode, random_permutation(n32, seed, index, c), pc[c]);
                    fit(pc, py, c, row + c);
                }
            }
        } catch (const invalid_value_error&) {
            // a permuted design can be singular (e.g. a permuted dummy); that draw gives NaN
        }
    }, 1);
}

}  // namespace detail

/// Null distribution of netlm's statistics (sna netlm(nullhyp =)): rows of k values for
/// permutations [first, first + count), row-major count x k. x includes the intercept matrix
/// when there is one (its column is the first).
///
/// - qapy: y permuted (rows and columns together), all k statistics from one fit;
/// - qapx: for predictor c, x[c] alone permuted (sub-stream c), statistic c;
/// - qapallx: every predictor permuted independently (sub-stream c), all k statistics;
/// - qapspp (Dekker, Krackhardt & Snijders 2007): for predictor c, the residuals of x[c]
///   regressed on the other predictors are permuted (sub-stream c) and y regressed on the
///   others plus them; statistic of that last column.
///
/// The fits of permuted data go through the cross products X^T X and X^T y (Cholesky), which
/// agrees with QR to rounding for the well-conditioned designs of a test. O(count k^2 n^2).
inline std::vector<double> netlm_permutations(const std::vector<double>& y, const std::vector<std::vector<double>>& x,
                                              std::size_t n, dyad_mode mode, bool intercept, null_hypothesis hyp,
                                              test_statistic stat, std::uint64_t seed, std::uint64_t first,
                                              std::uint32_t count, const run_options& options = {},
                                              double tol = 1e-7) {
    detail::check_square(y, n, "y");
    for (const auto& c : x) detail::check_square(c, n, "predictor");
    const std::size_t k = x.size(), m = detail::dyad_count(n, mode);
    std::vector<double> out(static_cast<std::size_t>(count) * k, std::numeric_limits<double>::quiet_NaN());
    if (hyp == null_hypothesis::classical || count == 0) return out;
    if (detail::regression_has_missing(y, x, n, mode, hyp)) {
        detail::permuted_fits(y, x, n, mode, hyp, seed, first, count, options, out,
                              [&](std::vector<std::vector<double>>& cols, std::vector<double>& yv, std::size_t which,
                                  double* o) {
                                  detail::drop_incomplete(cols, yv);
                                  detail::column_statistic(cols, yv, stat, which, o);
                              });
        return out;
    }
    const auto base = detail::crosses(x, y, n, mode);
    const auto residuals = detail::moved_residuals(x, n, mode, intercept, hyp, tol);
    const unsigned workers = detail::worker_count(count, options, 1);
    struct scratch {
        std::vector<std::uint32_t> perm;
        std::vector<double> g, xy;
    };
    std::vector<scratch> pool(workers);
    detail::parallel_for(count, options, [&](unsigned w, std::uint32_t r) {
        auto& s = pool[w];
        const std::uint64_t index = first + r;
        double* row = out.data() + static_cast<std::size_t>(r) * k;
        const auto n32 = static_cast<std::uint32_t>(n);
        if (hyp == null_hypothesis::qapy) {
            detail::stream_rng rng(seed, index, 0);
            detail::shuffle_identity(s.perm, n32, rng);
            s.g = base.g;
            s.xy.assign(k, 0.0);
            for (std::size_t c = 0; c < k; ++c) s.xy[c] = detail::permuted_dot(x[c], y, n, mode, s.perm);
            const double yy = detail::permuted_sum_sq(y, n, mode, s.perm);
            detail::gram_statistic(s.g, s.xy, yy, m, k, stat, k, row);
        } else if (hyp == null_hypothesis::qapallx) {
            std::vector<std::vector<double>> px(k);
            std::vector<std::uint32_t> identity;
            for (std::size_t c = 0; c < k; ++c) {
                detail::stream_rng rng(seed, index, c);
                detail::shuffle_identity(s.perm, n32, rng);
                px[c].assign(n * n, 0.0);
                for (std::size_t a = 0; a < n; ++a)
                    for (std::size_t b = 0; b < n; ++b) px[c][a * n + b] = x[c][s.perm[a] * n + s.perm[b]];
            }
            const auto cp = detail::crosses(px, y, n, mode);
            s.g = cp.g;
            detail::gram_statistic(s.g, cp.xy, cp.yy, m, k, stat, k, row);
        } else {  // qapx, qapspp: one statistic per predictor
            for (std::size_t c = 0; c < k; ++c) {
                detail::stream_rng rng(seed, index, c);
                detail::shuffle_identity(s.perm, n32, rng);
                const auto& moved = hyp == null_hypothesis::qapx ? x[c] : residuals[c];
                // predictor c replaced by `moved` permuted; for qapspp it goes last, which
                // does not change its statistic, so it keeps its place here.
                s.g = base.g;
                s.xy = base.xy;
                for (std::size_t d = 0; d < k; ++d) {
                    if (d == c) continue;
                    const double v = detail::permuted_dot(x[d], moved, n, mode, s.perm);
                    s.g[c * k + d] = s.g[d * k + c] = v;
                }
                s.g[c * k + c] = detail::permuted_sum_sq(moved, n, mode, s.perm);
                s.xy[c] = detail::permuted_dot(y, moved, n, mode, s.perm);
                detail::gram_statistic(s.g, s.xy, base.yy, m, k, stat, c, row + c);
            }
        }
    }, 1);
    return out;
}

// ---------------------------------------------------------------------------------- netlogit

/// A logistic regression of binary dyad values (sna netlogit, R glm.fit with binomial()).
struct logit_result {
    std::vector<double> coefficients, std_errors, z_values;
    std::vector<double> fitted;  ///< fitted probabilities per dyad, in row order
    std::size_t n_obs = 0, rank = 0, df_residual = 0, df_null = 0, iterations = 0;
    double deviance = 0, null_deviance = 0, aic = 0, bic = 0;
    bool converged = false;
};

namespace detail {

// R's binomial link (family.c): thresholds keep mu away from 0 and 1.
inline double logit_inverse(double eta) {
    constexpr double thresh = 30, eps = std::numeric_limits<double>::epsilon();
    const double e = eta < -thresh ? eps : (eta > thresh ? 1 / eps : std::exp(eta));
    return e / (1 + e);
}
inline double logit_mu_eta(double eta) {
    constexpr double thresh = 30;
    if (eta > thresh || eta < -thresh) return std::numeric_limits<double>::epsilon();
    const double e = std::exp(eta), o = 1 + e;
    return e / (o * o);
}
inline double binomial_deviance(const std::vector<double>& y, const std::vector<double>& mu) {
    double d = 0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        if (y[t] > 0) d += 2 * y[t] * std::log(y[t] / mu[t]);
        if (y[t] < 1) d += 2 * (1 - y[t]) * std::log((1 - y[t]) / (1 - mu[t]));
    }
    return d;
}

/// glm.fit's IRLS for the logit model on columns cols (m each) and y: the same start
/// (mu = (y + 1/2) / 2), the same stopping rule (|dev - dev_old| / (|dev| + 0.1) < epsilon) and
/// the same standard errors (from the QR of the last weighted least-squares step).
inline logit_result logit_fit(const std::vector<std::vector<double>>& cols, const std::vector<double>& yv,
                              double epsilon = 1e-8, unsigned max_iter = 25) {
    const std::size_t m = yv.size(), k = cols.size();
    logit_result out;
    std::vector<double> eta(m), mu(m);
    for (std::size_t t = 0; t < m; ++t) {
        const double start = (yv[t] + 0.5) / 2;
        eta[t] = std::log(start / (1 - start));
        mu[t] = logit_inverse(eta[t]);
    }
    double dev_old = binomial_deviance(yv, mu), dev = dev_old;
    std::vector<double> r;
    std::vector<std::vector<double>> wx(k);
    std::vector<double> z(m), wz(m), beta;
    for (unsigned it = 1; it <= max_iter; ++it) {
        for (std::size_t t = 0; t < m; ++t) {
            const double me = logit_mu_eta(eta[t]);
            const double w = std::sqrt(me * me / (mu[t] * (1 - mu[t])));
            z[t] = eta[t] + (yv[t] - mu[t]) / me;
            wz[t] = z[t] * w;
            for (std::size_t c = 0; c < k; ++c) {
                wx[c].resize(m);
                wx[c][t] = cols[c][t] * w;
            }
        }
        auto qr = wx;
        if (!householder_qr(qr, beta, std::min(1e-7, epsilon / 1000)))
            throw invalid_value_error("the predictors are collinear (one is a linear combination of the others)");
        r = qr_r(qr);
        auto qtz = wz;
        apply_qt(qr, beta, qtz);
        out.coefficients = back_solve(r, k, qtz);
        for (std::size_t t = 0; t < m; ++t) {
            double e = 0;
            for (std::size_t c = 0; c < k; ++c) e += cols[c][t] * out.coefficients[c];
            eta[t] = e;
            mu[t] = logit_inverse(e);
        }
        dev = binomial_deviance(yv, mu);
        out.iterations = it;
        if (std::fabs(dev - dev_old) / (std::fabs(dev) + 0.1) < epsilon) {
            out.converged = true;
            break;
        }
        dev_old = dev;
    }
    const auto cvm = chol2inv(r, k);
    for (std::size_t c = 0; c < k; ++c) {
        out.std_errors.push_back(std::sqrt(cvm[c * k + c]));
        out.z_values.push_back(out.coefficients[c] / out.std_errors.back());
    }
    out.fitted = mu;
    out.deviance = dev;
    out.n_obs = m, out.rank = k, out.df_residual = m - k;
    // sna calls glm.fit(intercept = FALSE) (its intercept is a column of x), so the null model
    // is mu = 1/2 for every dyad: null deviance 2 m ln 2, m degrees of freedom.
    out.null_deviance = binomial_deviance(yv, std::vector<double>(m, 0.5));
    out.df_null = m;
    out.aic = dev + 2.0 * k;  // binomial aic: -2 loglik = deviance for 0/1 data
    out.bic = dev + k * std::log(static_cast<double>(m));
    return out;
}

}  // namespace detail

/// Logistic regression of a binary network y on predictor matrices x over the dyads, as sna
/// netlogit (glm.fit, binomial logit), over the dyads known in y and every predictor (NaN cells
/// dropped; their fitted value is NaN). Values of y must be 0 or 1. The null deviance is sna's:
/// that of mu = 1/2 on every dyad (sna fits with glm.fit(intercept = FALSE)).
/// O(iterations m k^2).
inline logit_result netlogit_fit(const std::vector<double>& y, const std::vector<std::vector<double>>& x,
                                 std::size_t n, dyad_mode mode, bool intercept) {
    std::vector<std::vector<double>> cols;
    std::vector<double> yv;
    detail::dyad_columns(y, x, n, mode, cols, yv);
    for (double v : yv)
        if (v != 0 && v != 1 && !std::isnan(v))
            throw invalid_value_error("netlogit needs a binary dependent network (values 0 and 1)");
    (void)intercept;  // the intercept, when there is one, is the first matrix of x
    const auto keep = detail::drop_incomplete(cols, yv);
    if (yv.size() <= cols.size())
        throw invalid_value_error("fewer dyads than predictors: the regression has no residual degrees of freedom");
    auto out = detail::logit_fit(cols, yv);
    out.fitted = detail::spread_rows(out.fitted, keep);
    return out;
}

/// Null distribution of netlogit's statistics (z-values or coefficients): the permutation
/// schemes of netlm_permutations, each permuted data set refitted by IRLS (qapspp permutes the
/// OLS residuals of each predictor on the others, as sna does). Row-major count x k.
inline std::vector<double> netlogit_permutations(const std::vector<double>& y, const std::vector<std::vector<double>>& x,
                                                 std::size_t n, dyad_mode mode, bool intercept, null_hypothesis hyp,
                                                 test_statistic stat, std::uint64_t seed, std::uint64_t first,
                                                 std::uint32_t count, const run_options& options = {},
                                                 double tol = 1e-7) {
    detail::check_square(y, n, "y");
    const std::size_t k = x.size();
    std::vector<double> out(static_cast<std::size_t>(count) * k, std::numeric_limits<double>::quiet_NaN());
    if (hyp == null_hypothesis::classical || count == 0) return out;
    auto value = [&](const logit_result& f, std::size_t c) {
        return stat == test_statistic::beta ? f.coefficients[c] : f.z_values[c];
    };
    if (detail::regression_has_missing(y, x, n, mode, hyp)) {
        detail::permuted_fits(y, x, n, mode, hyp, seed, first, count, options, out,
                              [&](std::vector<std::vector<double>>& cols, std::vector<double>& yv, std::size_t which,
                                  double* o) {
                                  detail::drop_incomplete(cols, yv);
                                  if (yv.size() <= cols.size()) return;
                                  const auto f = detail::logit_fit(cols, yv);
                                  if (which == cols.size())
                                      for (std::size_t c = 0; c < cols.size(); ++c) o[c] = value(f, c);
                                  else
                                      *o = value(f, which);
                              });
        return out;
    }
    const auto residuals = detail::moved_residuals(x, n, mode, intercept, hyp, tol);
    std::vector<std::vector<double>> cols;
    std::vector<double> yv;
    detail::dyad_columns(y, x, n, mode, cols, yv);
    const auto n32 = static_cast<std::uint32_t>(n);
    detail::parallel_for(count, options, [&](unsigned, std::uint32_t r) {
        const std::uint64_t index = first + r;
        double* row = out.data() + static_cast<std::size_t>(r) * k;
        std::vector<std::uint32_t> perm;
        try {
            if (hyp == null_hypothesis::qapy) {
                detail::stream_rng rng(seed, index, 0);
                detail::shuffle_identity(perm, n32, rng);
                std::vector<double> py;
                detail::gather(y, n, mode, perm, py);
                const auto f = detail::logit_fit(cols, py);
                for (std::size_t c = 0; c < k; ++c) row[c] = value(f, c);
            } else if (hyp == null_hypothesis::qapallx) {
                auto pc = cols;
                for (std::size_t c = 0; c < k; ++c) {
                    detail::stream_rng rng(seed, index, c);
                    detail::shuffle_identity(perm, n32, rng);
                    detail::gather(x[c], n, mode, perm, pc[c]);
                }
                const auto f = detail::logit_fit(pc, yv);
                for (std::size_t c = 0; c < k; ++c) row[c] = value(f, c);
            } else {
                for (std::size_t c = 0; c < k; ++c) {
                    detail::stream_rng rng(seed, index, c);
                    detail::shuffle_identity(perm, n32, rng);
                    auto pc = cols;
                    detail::gather(hyp == null_hypothesis::qapx ? x[c] : residuals[c], n, mode, perm, pc[c]);
                    row[c] = value(detail::logit_fit(pc, yv), c);
                }
            }
        } catch (const invalid_value_error&) {
            // a permuted design can be singular (e.g. a permuted dummy); that draw gives NaN
        }
    }, 1);
    return out;
}

// ---------------------------------------------------------------------------------------- CUG

/// What a conditional uniform graph holds fixed (sna cug.test cmode).
enum class cug_condition { size, edges, dyad_census };

/// Random binary graphs for a CUG test, graphs [first, first + count) of a run with @p seed,
/// as count x n x n bytes (row-major, diagonal 0):
/// - size: every dyad a tie with probability 1/2 (uniform over all graphs of n nodes);
/// - edges: uniform over the graphs with @p edges ties (arcs, or edges in graph mode);
/// - dyad_census: uniform over the digraphs with @p mutual, @p asymmetric dyads (the rest
///   null; sna rguman(method = "exact")); in graph mode the same as edges with @p mutual edges.
/// O(count n^2).
inline std::vector<std::uint8_t> cug_graphs(std::size_t n, dyad_mode mode, cug_condition condition,
                                            std::uint64_t edges, std::uint64_t mutual, std::uint64_t asymmetric,
                                            std::uint64_t seed, std::uint64_t first, std::uint32_t count,
                                            const run_options& options = {}) {
    const std::size_t pairs = n * (n - 1) / 2, cells = detail::dyad_count(n, mode);
    if (condition == cug_condition::edges && edges > cells)
        throw invalid_value_error("more edges (" + std::to_string(edges) + ") than dyads (" + std::to_string(cells) + ")");
    if (condition == cug_condition::dyad_census && mutual + asymmetric > pairs)
        throw invalid_value_error("the dyad census has more mutual and asymmetric dyads than there are pairs");
    std::vector<std::uint8_t> out(static_cast<std::size_t>(count) * n * n, 0);
    detail::parallel_for(count, options, [&](unsigned, std::uint32_t r) {
        detail::stream_rng rng(seed, first + r);
        std::uint8_t* g = out.data() + static_cast<std::size_t>(r) * n * n;
        auto set_pair = [&](std::size_t pair, std::uint8_t ij, std::uint8_t ji) {
            // pair index -> (i > j) in the lower triangle, row by row
            std::size_t i = static_cast<std::size_t>((1 + std::sqrt(1 + 8.0 * pair)) / 2);
            while (i * (i - 1) / 2 > pair) --i;
            while ((i + 1) * i / 2 <= pair) ++i;
            const std::size_t j = pair - i * (i - 1) / 2;
            g[i * n + j] = ij, g[j * n + i] = ji;
        };
        const bool graph = mode == dyad_mode::graph;
        if (condition == cug_condition::size) {
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < (graph ? i : n); ++j)
                    if (i != j && rng.coin()) {
                        g[i * n + j] = 1;
                        if (graph) g[j * n + i] = 1;
                    }
            return;
        }
        // choose the first `take` of a partial Fisher-Yates shuffle of the units
        const bool census = condition == cug_condition::dyad_census && !graph;
        const std::uint64_t units = census ? pairs : cells;
        const std::uint64_t take = census ? mutual + asymmetric : (condition == cug_condition::edges ? edges : mutual);
        std::vector<std::uint32_t> pool(units);
        std::iota(pool.begin(), pool.end(), 0u);
        for (std::uint64_t t = 0; t < take; ++t) {
            const std::uint64_t pick = t + rng.below(static_cast<std::uint32_t>(units - t));
            std::swap(pool[t], pool[pick]);
            const std::size_t u = pool[t];
            if (census) {
                if (t < mutual)
                    set_pair(u, 1, 1);
                else if (rng.coin())
                    set_pair(u, 1, 0);
                else
                    set_pair(u, 0, 1);
            } else if (graph) {
                set_pair(u, 1, 1);
            } else {  // ordered cell u: row i, skipping the diagonal
                const std::size_t i = u / (n - 1), j0 = u % (n - 1);
                g[i * n + (j0 >= i ? j0 + 1 : j0)] = 1;
            }
        }
    }, 4);
    return out;
}

}  // namespace wijknet
