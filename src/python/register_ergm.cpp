// Bindings of ergm/: exponential random graph models (ketennet._core.ergm).
#include "common.hpp"

namespace ketennet::python {

namespace {

ergm::TermKind parse_term_kind(const std::string& k) {
    using ergm::TermKind;
    static const std::pair<const char*, TermKind> kinds[] = {
        {"edges", TermKind::edges},         {"mutual", TermKind::mutual},
        {"triangle", TermKind::triangle},   {"kstar", TermKind::kstar},
        {"istar", TermKind::istar},         {"ostar", TermKind::ostar},
        {"gwesp", TermKind::gwesp},         {"gwdsp", TermKind::gwdsp},
        {"gwdegree", TermKind::gwdegree},   {"gwidegree", TermKind::gwidegree},
        {"gwodegree", TermKind::gwodegree}, {"nodematch", TermKind::nodematch},
        {"nodemix", TermKind::nodemix},     {"nodefactor", TermKind::nodefactor},
        {"nodecov", TermKind::nodecov},     {"nodeicov", TermKind::nodeicov},
        {"nodeocov", TermKind::nodeocov},   {"absdiff", TermKind::absdiff},
        {"edgecov", TermKind::edgecov},     {"isolates", TermKind::isolates}};
    for (const auto& [name, kind] : kinds)
        if (k == name) return kind;
    throw InputError("ergm: unknown term '" + k + "'");
}

/// A list of term dicts (kind, parameter, diff, name, codes, levels, values, cov_sources,
/// cov_targets, cov_values; all but kind optional) -> the C++ model.
ergm::Model to_model(const py::list& terms) {
    ergm::Model model;
    for (py::handle h : terms) {
        const auto d = py::reinterpret_borrow<py::dict>(h);
        ergm::Term t;
        t.kind = parse_term_kind(d["kind"].cast<std::string>());
        if (d.contains("parameter")) t.parameter = d["parameter"].cast<double>();
        if (d.contains("diff")) t.diff = d["diff"].cast<bool>();
        if (d.contains("name")) t.name = d["name"].cast<std::string>();
        if (d.contains("codes")) t.codes = d["codes"].cast<std::vector<std::uint32_t>>();
        if (d.contains("levels")) t.levels = d["levels"].cast<std::vector<std::string>>();
        if (d.contains("values")) t.values = d["values"].cast<std::vector<double>>();
        if (d.contains("cov_sources")) t.cov_sources = d["cov_sources"].cast<std::vector<vertex_t>>();
        if (d.contains("cov_targets")) t.cov_targets = d["cov_targets"].cast<std::vector<vertex_t>>();
        if (d.contains("cov_values")) t.cov_values = d["cov_values"].cast<std::vector<double>>();
        model.push_back(std::move(t));
    }
    return model;
}

py::array_t<double> matrix(std::vector<double>&& v, std::size_t rows, std::size_t cols) {
    auto a = to_numpy(std::move(v));
    return a.reshape({py::ssize_t(rows), py::ssize_t(cols)});
}

py::dict to_python(ergm::SimulationResult&& r) {
    py::dict d;
    d["statistics"] = matrix(std::move(r.statistics), r.nsim, r.p);
    py::list nets;
    for (const auto& ties : r.networks) {
        py::array_t<std::int64_t> a({py::ssize_t(ties.size()), py::ssize_t(2)});
        auto m = a.mutable_unchecked<2>();
        for (std::size_t k = 0; k < ties.size(); ++k) {
            m(py::ssize_t(k), 0) = ties[k].first;
            m(py::ssize_t(k), 1) = ties[k].second;
        }
        nets.append(a);
    }
    d["networks"] = nets;
    d["chain"] = to_numpy_index(r.chain_of);
    d["chains"] = r.chains;
    d["proposals"] = r.proposals;
    d["accepted"] = r.accepted;
    return d;
}

py::dict to_python(ergm::MpleResult&& r) {
    const std::size_t p = r.coef.size();
    py::dict d;
    d["coef"] = to_numpy(std::move(r.coef));
    d["std_error"] = to_numpy(std::move(r.std_error));
    d["covariance"] = matrix(std::move(r.covariance), p, p);
    d["pseudo_loglik"] = r.pseudo_loglik;
    d["null_pseudo_loglik"] = r.null_pseudo_loglik;
    d["pairs"] = r.pairs;
    d["iterations"] = r.iterations;
    d["converged"] = r.converged;
    return d;
}

py::dict to_python(ergm::McmleResult&& r) {
    const std::size_t p = r.coef.size();
    const std::size_t S = p ? r.sample.size() / p : 0;
    py::dict d;
    d["coef"] = to_numpy(std::move(r.coef));
    d["std_error"] = to_numpy(std::move(r.std_error));
    d["mcmc_std_error"] = to_numpy(std::move(r.mcmc_std_error));
    d["covariance"] = matrix(std::move(r.covariance), p, p);
    d["mple"] = to_numpy(std::move(r.mple));
    d["observed"] = to_numpy(std::move(r.observed));
    d["sample"] = matrix(std::move(r.sample), S, p);
    d["t_ratios"] = to_numpy(std::move(r.t_ratios));
    d["steplengths"] = to_numpy(std::move(r.steplengths));
    d["iterations"] = r.iterations;
    d["converged"] = r.converged;
    d["dyad_independent"] = r.dyad_independent;
    d["loglik"] = r.loglik;
    d["loglik_mc_error"] = r.loglik_mc_error;
    d["degeneracy"] = r.degeneracy;
    return d;
}

}  // namespace

void register_ergm(py::module_& m) {
    auto e = m.def_submodule("ergm", "exponential random graph models");
    e.def("names", [](const View& v, const py::list& terms) {
        return ergm::statistic_names(v, to_model(terms));
    }, py::arg("view"), py::arg("terms"));
    e.def("summary", [](const View& v, const py::list& terms) {
        auto model = to_model(terms);
        return to_numpy(call_released([&] { return ergm::summary(v, model); }));
    }, py::arg("view"), py::arg("terms"));
    e.def("change_statistics", [](const View& v, const py::list& terms) {
        auto model = to_model(terms);
        auto r = call_released([&] { return ergm::change_statistics(v, model); });
        py::dict d;
        const std::size_t rows = r.pairs, p = r.p;
        d["x"] = matrix(std::move(r.x), rows, p);
        d["tie"] = to_numpy(std::move(r.tie));
        d["source"] = to_numpy_index(r.sources);
        d["target"] = to_numpy_index(r.targets);
        return d;
    }, py::arg("view"), py::arg("terms"));
    const ergm::SimulationOptions sim;
    e.def("simulate", [](const View& v, const py::list& terms, const std::vector<double>& coef, std::size_t nsim,
                         std::size_t burnin, std::size_t interval, std::size_t chains, std::uint64_t seed,
                         bool networks, unsigned threads, py::object progress) {
        auto model = to_model(terms);
        ergm::SimulationOptions o;
        o.nsim = nsim;
        o.burnin = burnin;
        o.interval = interval;
        o.chains = chains;
        o.seed = seed;
        o.networks = networks;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return ergm::simulate(v, model, coef, options);
        }));
    }, py::arg("view"), py::arg("terms"), py::arg("coef"), py::arg("nsim") = sim.nsim,
       py::arg("burnin") = sim.burnin, py::arg("interval") = sim.interval, py::arg("chains") = sim.chains,
       py::arg("seed") = sim.seed, py::arg("networks") = sim.networks, py::arg("threads") = sim.threads,
       py::arg("progress") = py::none());
    e.def("mple", [](const View& v, const py::list& terms) {
        auto model = to_model(terms);
        return to_python(call_released([&] { return ergm::mple(v, model); }));
    }, py::arg("view"), py::arg("terms"));
    const ergm::McmleOptions mc;
    e.def("mcmle", [](const View& v, const py::list& terms, std::size_t samplesize, std::size_t burnin,
                      std::size_t interval, std::size_t chains, std::size_t max_iterations, double margin,
                      std::uint64_t seed, unsigned threads, py::object progress) {
        auto model = to_model(terms);
        ergm::McmleOptions o;
        o.samplesize = samplesize;
        o.burnin = burnin;
        o.interval = interval;
        o.chains = chains;
        o.max_iterations = max_iterations;
        o.margin = margin;
        o.seed = seed;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return ergm::mcmle(v, model, options);
        }));
    }, py::arg("view"), py::arg("terms"), py::arg("samplesize") = mc.samplesize, py::arg("burnin") = mc.burnin,
       py::arg("interval") = mc.interval, py::arg("chains") = mc.chains,
       py::arg("max_iterations") = mc.max_iterations, py::arg("margin") = mc.margin, py::arg("seed") = mc.seed,
       py::arg("threads") = mc.threads, py::arg("progress") = py::none());
    e.def("loglik", [](const View& v, const py::list& terms, const std::vector<double>& coef) {
        auto model = to_model(terms);
        return call_released([&] { return ergm::dyad_independent_loglik(v, model, coef); });
    }, py::arg("view"), py::arg("terms"), py::arg("coef"));
}

}  // namespace ketennet::python
