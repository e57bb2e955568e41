// Bindings of ketennet::stats regression on relations (netlm, netlogit: MRQAP).
#include "common.hpp"

namespace ketennet::python {

namespace {

const char* method_name(stats::NullHypothesis h) {
    switch (h) {
        case stats::NullHypothesis::qap: return "qap";
        case stats::NullHypothesis::qapspp: return "qapspp";
        case stats::NullHypothesis::qapy: return "qapy";
        case stats::NullHypothesis::qapx: return "qapx";
    }
    return "";
}

stats::NullHypothesis parse_method(const std::string& s) {
    for (auto h : {stats::NullHypothesis::qap, stats::NullHypothesis::qapspp, stats::NullHypothesis::qapy,
                   stats::NullHypothesis::qapx})
        if (s == method_name(h)) return h;
    throw InputError("method must be 'qap', 'qapspp', 'qapy' or 'qapx', not '" + s + "'");
}

/// "t-value" (netlm) or "z-value" (netlogit) for TestStatistic::t_value, as sna names them.
const char* statistic_name(stats::TestStatistic s, bool lm) {
    return s == stats::TestStatistic::beta ? "beta" : (lm ? "t-value" : "z-value");
}

stats::TestStatistic parse_statistic(const std::string& s) {
    if (s == "t-value" || s == "z-value") return stats::TestStatistic::t_value;
    if (s == "beta") return stats::TestStatistic::beta;
    throw InputError("test_statistic must be 't-value' ('z-value' for netlogit) or 'beta', not '" + s + "'");
}

/// A C-contiguous float64 n x n array as a RelationMatrix.
stats::RelationMatrix to_matrix(const py::array_t<double, py::array::c_style | py::array::forcecast>& a,
                                bool directed, const std::string& what) {
    if (a.ndim() != 2 || a.shape(0) != a.shape(1))
        throw InputError(what + " must be a square matrix");
    stats::RelationMatrix m;
    m.n = std::size_t(a.shape(0));
    m.directed = directed;
    m.values.assign(a.data(), a.data() + m.n * m.n);
    return m;
}

/// {terms, coefficients, std_errors, statistic, p_greater, p_less, p_abs, null (reps x terms),
/// cells, method, r_squared, adj_r_squared, residual_se, deviance, null_deviance, aic, bic,
/// iterations, converged}
py::dict to_python(stats::MrqapResult&& r) {
    py::dict d;
    const std::size_t p = r.terms.size();
    d["terms"] = r.terms;
    d["coefficients"] = to_numpy(r.coefficients);
    d["std_errors"] = to_numpy(r.std_errors);
    d["statistic"] = to_numpy(r.statistic);
    d["p_greater"] = to_numpy(r.p_greater);
    d["p_less"] = to_numpy(r.p_less);
    d["p_abs"] = to_numpy(r.p_abs);
    d["null"] = to_numpy(std::move(r.null)).reshape({py::ssize_t(r.reps), py::ssize_t(p)});
    d["cells"] = r.cells;
    d["method"] = method_name(r.method);
    d["r_squared"] = r.r_squared;
    d["adj_r_squared"] = r.adj_r_squared;
    d["residual_se"] = r.residual_se;
    d["deviance"] = r.deviance;
    d["null_deviance"] = r.null_deviance;
    d["aic"] = r.aic;
    d["bic"] = r.bic;
    d["iterations"] = r.iterations;
    d["converged"] = r.converged;
    return d;
}

using Matrix = py::array_t<double, py::array::c_style | py::array::forcecast>;

template <class Fit>
py::dict run(Fit fit, const Matrix& y, const std::vector<Matrix>& xs, bool directed,
             std::vector<std::string> names, const std::string& method, const std::string& statistic,
             bool intercept, std::size_t reps, std::uint64_t seed, unsigned threads, py::object progress) {
    stats::MrqapOptions o;
    o.method = parse_method(method);
    o.statistic = parse_statistic(statistic);
    o.intercept = intercept;
    o.reps = reps;
    o.seed = seed;
    o.threads = threads;
    o.names = std::move(names);
    const stats::RelationMatrix ym = to_matrix(y, directed, "y");
    std::vector<stats::RelationMatrix> xm;
    for (std::size_t k = 0; k < xs.size(); ++k) {
        std::string what = "x";
        what.append(std::to_string(k + 1));
        xm.push_back(to_matrix(xs[k], directed, what));
    }
    return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
        return fit(ym, xm, options);
    }));
}

}  // namespace

void register_stats_regression(py::module_& m) {
    auto s = m.def_submodule("stats", "Inference on networks");
    const stats::MrqapOptions defaults;
    for (const char* name : {"netlm", "netlogit"}) {
        const bool lm = std::string(name) == "netlm";
        s.def(name, [lm](const Matrix& y, const std::vector<Matrix>& xs, bool directed,
                         std::vector<std::string> names, const std::string& method,
                         const std::string& test_statistic, bool intercept, std::size_t reps,
                         std::uint64_t seed, unsigned threads, py::object progress) {
            const auto fit = [lm](const stats::RelationMatrix& y, const std::vector<stats::RelationMatrix>& x,
                                  const stats::MrqapOptions& o) {
                return lm ? stats::netlm(y, x, o) : stats::netlogit(y, x, o);
            };
            return run(fit, y, xs, directed, std::move(names), method, test_statistic, intercept, reps, seed,
                       threads, std::move(progress));
        }, py::arg("y"), py::arg("xs"), py::arg("directed"), py::arg("names"),
           py::arg("method") = method_name(defaults.method),
           py::arg("test_statistic") = statistic_name(defaults.statistic, lm),
           py::arg("intercept") = defaults.intercept, py::arg("reps") = defaults.reps,
           py::arg("seed") = defaults.seed, py::arg("threads") = defaults.threads,
           py::arg("progress") = py::none());
    }
}

}  // namespace ketennet::python
