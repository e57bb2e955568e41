// Bindings of stats/statistics.hpp and stats/resampling.hpp: the CUG test, the permutation
// test and the vertex bootstrap (ketennet._core.stats), and their draws for statistics
// computed in Python.
#include "common.hpp"

namespace ketennet::python {

namespace {

stats::Given parse_given(const std::string& g) {
    if (g == "size") return stats::Given::size;
    if (g == "edges") return stats::Given::edges;
    if (g == "dyad_census") return stats::Given::dyad_census;
    throw InputError("cug_test: given must be 'size', 'edges' or 'dyad_census', not '" + g + "'");
}

/// A view's ties as (sources, targets, weights) arrays of vertex numbers and values.
py::tuple arcs(const View& g) {
    const auto s = g.edge_sources();
    const auto t = g.edge_targets();
    const auto w = g.edge_weights();
    return py::make_tuple(to_numpy_index(std::vector<vertex_t>(s.begin(), s.end())),
                          to_numpy_index(std::vector<vertex_t>(t.begin(), t.end())),
                          to_numpy(std::vector<double>(w.begin(), w.end())));
}

py::list arcs(const std::vector<ViewPtr>& views) {
    py::list out;
    for (const auto& v : views) out.append(arcs(*v));
    return out;
}

py::dict to_python(stats::CugResult&& r) {
    py::dict d;
    d["statistic"] = r.statistic;
    d["p_greater"] = r.p_greater;
    d["p_less"] = r.p_less;
    d["p_value"] = r.p_value;
    d["null"] = to_numpy(std::move(r.null));
    return d;
}

py::dict to_python(stats::PermutationResult&& r) {
    py::dict d;
    d["statistic"] = r.statistic;
    d["statistic_a"] = r.statistic_a;
    d["statistic_b"] = r.statistic_b;
    d["p_greater"] = r.p_greater;
    d["p_less"] = r.p_less;
    d["p_abs"] = r.p_abs;
    d["p_value"] = r.p_value;
    d["null"] = to_numpy(std::move(r.null));
    return d;
}

py::dict to_python(stats::BootstrapResult&& r) {
    py::dict d;
    d["statistic"] = r.statistic;
    d["standard_error"] = r.standard_error;
    d["ci_lower"] = r.ci_lower;
    d["ci_upper"] = r.ci_upper;
    d["null_value"] = r.null_value;
    d["p_greater"] = r.p_greater;
    d["p_less"] = r.p_less;
    d["p_value"] = r.p_value;
    d["null"] = to_numpy(std::move(r.null));
    return d;
}

}  // namespace

void register_stats_tests(py::module_& m) {
    auto s = m.def_submodule("stats", "Statistical inference on networks (stats/)");
    s.def("statistic_names", [] { return stats::statistic_names(); });
    s.def("statistic", [](const View& v, const std::string& name) {
        stats::check_statistic(name, "statistic");
        return call_released([&] { return stats::statistic(v, name); });
    }, py::arg("view"), py::arg("name"));

    s.def("ties", [](const View& v) { return arcs(v); }, py::arg("view"));

    const stats::CugOptions cug;
    s.def("cug_test", [](const View& v, const std::string& statistic, const std::string& given,
                         std::size_t reps, std::uint64_t seed, unsigned threads, py::object progress) {
        stats::CugOptions o;
        o.given = parse_given(given);
        o.reps = reps;
        o.seed = seed;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return stats::cug_test(v, statistic, options);
        }));
    }, py::arg("view"), py::arg("statistic"), py::arg("given") = "size", py::arg("reps") = cug.reps,
       py::arg("seed") = cug.seed, py::arg("threads") = cug.threads, py::arg("progress") = py::none());
    s.def("cug_observed", [](const View& v) { return arcs(*stats::without_self_loops(v)); }, py::arg("view"));
    s.def("cug_draws", [](const View& v, const std::string& given, std::size_t reps, std::uint64_t seed) {
        const auto g = parse_given(given);
        const auto observed = stats::without_self_loops(v);
        std::vector<ViewPtr> draws(reps);
        call_released([&] {
            for (std::size_t k = 0; k < reps; ++k) draws[k] = stats::cug_draw(*observed, g, seed, k);
        });
        return arcs(draws);
    }, py::arg("view"), py::arg("given"), py::arg("reps"), py::arg("seed"));
    s.def("cug_result", [](double observed, std::vector<double> null) {
        return to_python(stats::cug_result(observed, std::move(null)));
    }, py::arg("observed"), py::arg("null"));

    const stats::PermutationOptions perm;
    s.def("permutation_test", [](const View& a, const View& b, const std::string& statistic, std::size_t reps,
                                 std::uint64_t seed, unsigned threads, py::object progress) {
        stats::PermutationOptions o;
        o.reps = reps;
        o.seed = seed;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return stats::permutation_test(a, b, statistic, options);
        }));
    }, py::arg("a"), py::arg("b"), py::arg("statistic"), py::arg("reps") = perm.reps,
       py::arg("seed") = perm.seed, py::arg("threads") = perm.threads, py::arg("progress") = py::none());
    s.def("aligned", [](const View& a, const View& b) { return arcs(*stats::aligned(a, b)); },
          py::arg("a"), py::arg("b"));
    s.def("permutation_draws", [](const View& a, const View& b, std::size_t reps, std::uint64_t seed) {
        std::vector<ViewPtr> da(reps), db(reps);
        call_released([&] {
            const ViewPtr bb = stats::aligned(a, b);
            for (std::size_t k = 0; k < reps; ++k) std::tie(da[k], db[k]) = stats::permutation_draw(a, *bb, seed, k);
        });
        return py::make_tuple(arcs(da), arcs(db));
    }, py::arg("a"), py::arg("b"), py::arg("reps"), py::arg("seed"));
    s.def("permutation_result", [](double statistic_a, double statistic_b, std::vector<double> null) {
        return to_python(stats::permutation_result(statistic_a, statistic_b, std::move(null)));
    }, py::arg("statistic_a"), py::arg("statistic_b"), py::arg("null"));

    const stats::BootstrapOptions boot;
    s.def("bootstrap", [](const View& v, const std::string& statistic, std::size_t reps, std::uint64_t seed,
                          double level, double null_value, unsigned threads, py::object progress) {
        stats::BootstrapOptions o;
        o.reps = reps;
        o.seed = seed;
        o.level = level;
        o.null_value = null_value;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return stats::bootstrap(v, statistic, options);
        }));
    }, py::arg("view"), py::arg("statistic"), py::arg("reps") = boot.reps, py::arg("seed") = boot.seed,
       py::arg("level") = boot.level, py::arg("null_value") = boot.null_value, py::arg("threads") = boot.threads,
       py::arg("progress") = py::none());
    s.def("bootstrap_draws", [](const View& v, std::size_t reps, std::uint64_t seed) {
        std::vector<ViewPtr> draws(reps);
        call_released([&] {
            for (std::size_t k = 0; k < reps; ++k) draws[k] = stats::bootstrap_draw(v, seed, k);
        });
        return arcs(draws);
    }, py::arg("view"), py::arg("reps"), py::arg("seed"));
    s.def("bootstrap_result", [](double observed, std::vector<double> null, double level, double null_value) {
        return to_python(stats::bootstrap_result(observed, std::move(null), level, null_value));
    }, py::arg("observed"), py::arg("null"), py::arg("level"), py::arg("null_value"));
}

}  // namespace ketennet::python
