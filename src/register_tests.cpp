// Permutation tests (gcor, QAP, netlm, netlogit, CUG graphs): the C++ kernels of
// include/wijknet/algorithms/permutation.hpp, wrapped for python/wijknet/_tests.py.
#include <pybind11/numpy.h>

#include <wijknet/algorithms/permutation.hpp>

#include "bindings.hpp"

namespace wijknet::python {

namespace {

using matrix_in = py::array_t<double, py::array::c_style | py::array::forcecast>;

std::vector<double> to_vector(const matrix_in& a) { return {a.data(), a.data() + a.size()}; }

std::vector<std::vector<double>> to_vectors(const std::vector<matrix_in>& xs) {
    std::vector<std::vector<double>> out;
    for (const auto& x : xs) out.push_back(to_vector(x));
    return out;
}

dyad_mode parse_mode(const std::string& mode) {
    if (mode == "digraph") return dyad_mode::digraph;
    if (mode == "graph") return dyad_mode::graph;
    throw invalid_value_error("mode must be 'digraph' or 'graph', got '" + mode + "'");
}

null_hypothesis parse_null(const std::string& h) {
    if (h == "qapspp" || h == "qap") return null_hypothesis::qapspp;
    if (h == "qapy") return null_hypothesis::qapy;
    if (h == "qapx") return null_hypothesis::qapx;
    if (h == "qapallx") return null_hypothesis::qapallx;
    if (h == "classical") return null_hypothesis::classical;
    throw invalid_value_error("nullhyp must be 'qapspp', 'qapy', 'qapx', 'qapallx' or 'classical', got '" + h + "'");
}

test_statistic parse_stat(const std::string& s) {
    if (s == "t-value" || s == "z-value") return test_statistic::t_value;
    if (s == "beta") return test_statistic::beta;
    throw invalid_value_error("test_statistic must be 't-value' (netlogit: 'z-value') or 'beta', got '" + s + "'");
}

py::array_t<double> rows(std::vector<double>&& values, std::size_t count, std::size_t k) {
    py::array_t<double> out({count, k});
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

using permutation_kernel = std::vector<double> (*)(const std::vector<double>&, const std::vector<std::vector<double>>&,
                                                  std::size_t, dyad_mode, bool, null_hypothesis, test_statistic,
                                                  std::uint64_t, std::uint64_t, std::uint32_t, const run_options&,
                                                  double);

// The binding of netlm_permutations and netlogit_permutations (the same arguments).
auto regression_permutations(permutation_kernel kernel) {
    return [kernel](const matrix_in& y, const std::vector<matrix_in>& xs, std::size_t n, const std::string& mode,
                    bool intercept, const std::string& hyp, const std::string& stat, std::uint64_t seed,
                    std::uint64_t first, std::uint32_t count, unsigned threads, double tol) {
        auto vy = to_vector(y);
        auto vx = to_vectors(xs);
        const auto d = parse_mode(mode);
        const auto h = parse_null(hyp);
        const auto s = parse_stat(stat);
        auto values = without_gil(
            [&] { return kernel(vy, vx, n, d, intercept, h, s, seed, first, count, python_run(threads), tol); });
        return rows(std::move(values), count, vx.size());
    };
}

}  // namespace

void register_tests(py::module_& m) {
    m.def("_random_permutation", &random_permutation, py::arg("n"), py::arg("seed"), py::arg("index"),
          py::arg("sub") = 0);
    m.def("_student_t_cdf", &student_t_cdf);
    m.def("_gcor", [](const matrix_in& a, const matrix_in& b, std::size_t n, const std::string& mode) {
        return gcor(to_vector(a), to_vector(b), n, parse_mode(mode));
    });
    m.def("_gcor_permutations", [](const matrix_in& a, const matrix_in& b, std::size_t n, const std::string& mode,
                                   std::uint64_t seed, std::uint64_t first, std::uint32_t count, unsigned threads) {
        auto va = to_vector(a), vb = to_vector(b);
        const auto d = parse_mode(mode);
        auto values = without_gil([&] { return gcor_permutations(va, vb, n, d, seed, first, count, python_run(threads)); });
        return rows(std::move(values), count, 1);
    });
    m.def("_ols", [](const matrix_in& y, const std::vector<matrix_in>& xs, std::size_t n, const std::string& mode,
                     bool intercept, double tol) {
        const auto f = ols(to_vector(y), to_vectors(xs), n, parse_mode(mode), intercept, tol);
        py::dict d;
        d["coefficients"] = f.coefficients, d["std_errors"] = f.std_errors, d["t_values"] = f.t_values;
        d["fitted"] = f.fitted, d["residuals"] = f.residuals, d["n"] = f.n_obs, d["rank"] = f.rank;
        d["df_residual"] = f.df_residual, d["rss"] = f.rss, d["r_squared"] = f.r_squared;
        d["adj_r_squared"] = f.adj_r_squared, d["f_statistic"] = f.f_statistic;
        return d;
    });
    m.def("_netlm_permutations", regression_permutations(&netlm_permutations));
    m.def("_netlogit", [](const matrix_in& y, const std::vector<matrix_in>& xs, std::size_t n, const std::string& mode,
                          bool intercept) {
        const auto f = netlogit_fit(to_vector(y), to_vectors(xs), n, parse_mode(mode), intercept);
        py::dict d;
        d["coefficients"] = f.coefficients, d["std_errors"] = f.std_errors, d["z_values"] = f.z_values;
        d["fitted"] = f.fitted, d["n"] = f.n_obs, d["rank"] = f.rank, d["df_residual"] = f.df_residual;
        d["df_null"] = f.df_null, d["deviance"] = f.deviance, d["null_deviance"] = f.null_deviance;
        d["aic"] = f.aic, d["bic"] = f.bic, d["iterations"] = f.iterations, d["converged"] = f.converged;
        return d;
    });
    m.def("_netlogit_permutations", regression_permutations(&netlogit_permutations));
    m.def("_cug_graphs", [](std::size_t n, const std::string& mode, const std::string& condition, std::uint64_t edges,
                            std::uint64_t mutual, std::uint64_t asymmetric, std::uint64_t seed, std::uint64_t first,
                            std::uint32_t count, unsigned threads) {
        cug_condition c;
        if (condition == "size") c = cug_condition::size;
        else if (condition == "edges") c = cug_condition::edges;
        else if (condition == "dyad_census") c = cug_condition::dyad_census;
        else throw invalid_value_error("condition must be 'size', 'edges' or 'dyad_census', got '" + condition + "'");
        const auto d = parse_mode(mode);
        auto values = without_gil(
            [&] { return cug_graphs(n, d, c, edges, mutual, asymmetric, seed, first, count, python_run(threads)); });
        py::array_t<std::uint8_t> out({static_cast<std::size_t>(count), n, n});
        std::copy(values.begin(), values.end(), out.mutable_data());
        return out;
    });
}

}  // namespace wijknet::python
