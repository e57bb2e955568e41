// Bindings of ketennet::centrality (who is central).
#include "common.hpp"

namespace ketennet::python {

namespace {

/// An optional per-organisation vector from Python: None -> empty; else a 1-d float array.
std::vector<double> optional_vector(const py::object& obj) {
    if (obj.is_none()) return {};
    auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(obj);
    if (!a || a.ndim() != 1) throw InputError("expected a one-dimensional array of numbers");
    return std::vector<double>(a.data(), a.data() + a.size());
}

}  // namespace

void register_centrality(py::module_& m) {
    auto c = m.def_submodule(
        "centrality",
        "who is central: degree, betweenness, edge betweenness, closeness, harmonic, PageRank, "
        "Katz, eigenvector, HITS, information, current-flow closeness and betweenness");
    c.def("degree", [](const View& v, const std::string& direction) {
        return to_numpy(centrality::degree(v, parse_direction(direction)));
    }, py::arg("view"), py::arg("direction") = "all");
    c.def("betweenness", [](const View& v, bool normalized, bool endpoints, unsigned threads,
                            py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::BetweennessOptions o;
            o.normalized = normalized;
            o.endpoints = endpoints;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::betweenness(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("normalized") = true, py::arg("endpoints") = false,
       py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("edge_betweenness", [](const View& v, bool normalized, unsigned threads,
                                 py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::EdgeBetweennessOptions o;
            o.normalized = normalized;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::edge_betweenness(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("normalized") = true, py::arg("threads") = 0,
       py::arg("progress") = py::none());
    c.def("closeness", [](const View& v, bool wf_improved, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::ClosenessOptions o;
            o.wf_improved = wf_improved;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::closeness(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("wf_improved") = true, py::arg("threads") = 0,
       py::arg("progress") = py::none());
    c.def("harmonic", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::HarmonicOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::harmonic(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("pagerank", [](const View& v, double alpha, py::object personalization,
                         std::size_t max_iter, double tol, py::object nstart, py::object dangling,
                         unsigned threads) {
        centrality::PageRankOptions o;
        o.alpha = alpha;
        o.personalization = optional_vector(personalization);
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        o.dangling = optional_vector(dangling);
        o.threads = threads;
        std::vector<double> r;
        {
            py::gil_scoped_release release;
            r = centrality::pagerank(v, o);
        }
        return to_numpy(std::move(r));
    }, py::arg("view"), py::arg("alpha") = 0.85, py::arg("personalization") = py::none(),
       py::arg("max_iter") = 100, py::arg("tol") = 1e-6, py::arg("nstart") = py::none(),
       py::arg("dangling") = py::none(), py::arg("threads") = 0);
    c.def("katz", [](const View& v, double alpha, double beta, py::object beta_per_organisation,
                     std::size_t max_iter, double tol, py::object nstart, bool normalized) {
        centrality::KatzOptions o;
        o.alpha = alpha;
        o.beta = beta;
        o.beta_per_organisation = optional_vector(beta_per_organisation);
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        o.normalized = normalized;
        std::vector<double> r;
        {
            py::gil_scoped_release release;
            r = centrality::katz(v, o);
        }
        return to_numpy(r);
    }, py::arg("view"), py::arg("alpha") = 0.1, py::arg("beta") = 1.0,
       py::arg("beta_per_organisation") = py::none(), py::arg("max_iter") = 1000,
       py::arg("tol") = 1e-6, py::arg("nstart") = py::none(), py::arg("normalized") = true);
    c.def("eigenvector", [](const View& v, std::size_t max_iter, double tol, py::object nstart) {
        centrality::EigenvectorOptions o;
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        std::vector<double> r;
        {
            py::gil_scoped_release release;
            r = centrality::eigenvector(v, o);
        }
        return to_numpy(r);
    }, py::arg("view"), py::arg("max_iter") = 100, py::arg("tol") = 1e-6,
       py::arg("nstart") = py::none());
    c.def("hits", [](const View& v, std::size_t max_iter, double tol, py::object nstart,
                     bool normalized) {
        centrality::HitsOptions o;
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        o.normalized = normalized;
        centrality::HitsResult r;
        {
            py::gil_scoped_release release;
            r = centrality::hits(v, o);
        }
        return py::make_tuple(to_numpy(r.hubs), to_numpy(r.authorities));
    }, py::arg("view"), py::arg("max_iter") = 100, py::arg("tol") = 1e-8,
       py::arg("nstart") = py::none(), py::arg("normalized") = true);
    c.def("information", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::CurrentFlowOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::information(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("current_flow_closeness", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::CurrentFlowOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::current_flow_closeness(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("current_flow_betweenness", [](const View& v, bool normalized, unsigned threads,
                                         py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            centrality::CurrentFlowBetweennessOptions o;
            o.normalized = normalized;
            o.threads = threads;
            o.progress = std::move(h);
            return centrality::current_flow_betweenness(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("normalized") = true, py::arg("threads") = 0,
       py::arg("progress") = py::none());
}

}  // namespace ketennet::python
