// Bindings of ketennet::centrality (who is central). Defaults come from the options structs.
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

/// HITS hubs and authorities as a (hubs, authorities) tuple of arrays.
py::tuple to_python(centrality::HitsResult&& r) {
    return py::make_tuple(to_numpy(std::move(r.hubs)), to_numpy(std::move(r.authorities)));
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

    const centrality::BetweennessOptions betweenness;
    c.def("betweenness", [](const View& v, bool normalized, bool endpoints, unsigned threads,
                            py::object progress) {
        centrality::BetweennessOptions o;
        o.normalized = normalized;
        o.endpoints = endpoints;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::betweenness(v, options);
        }));
    }, py::arg("view"), py::arg("normalized") = betweenness.normalized,
       py::arg("endpoints") = betweenness.endpoints, py::arg("threads") = betweenness.threads,
       py::arg("progress") = py::none());

    const centrality::EdgeBetweennessOptions edge_betweenness;
    c.def("edge_betweenness", [](const View& v, bool normalized, unsigned threads,
                                 py::object progress) {
        centrality::EdgeBetweennessOptions o;
        o.normalized = normalized;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::edge_betweenness(v, options);
        }));
    }, py::arg("view"), py::arg("normalized") = edge_betweenness.normalized,
       py::arg("threads") = edge_betweenness.threads, py::arg("progress") = py::none());

    const centrality::ClosenessOptions closeness;
    c.def("closeness", [](const View& v, bool wf_improved, unsigned threads, py::object progress) {
        centrality::ClosenessOptions o;
        o.wf_improved = wf_improved;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::closeness(v, options);
        }));
    }, py::arg("view"), py::arg("wf_improved") = closeness.wf_improved,
       py::arg("threads") = closeness.threads, py::arg("progress") = py::none());

    c.def("harmonic", [](const View& v, unsigned threads, py::object progress) {
        centrality::HarmonicOptions o;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::harmonic(v, options);
        }));
    }, py::arg("view"), py::arg("threads") = centrality::HarmonicOptions{}.threads,
       py::arg("progress") = py::none());

    const centrality::PageRankOptions pagerank;
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
        return to_numpy(call_released([&] { return centrality::pagerank(v, o); }));
    }, py::arg("view"), py::arg("alpha") = pagerank.alpha, py::arg("personalization") = py::none(),
       py::arg("max_iter") = pagerank.max_iter, py::arg("tol") = pagerank.tol,
       py::arg("nstart") = py::none(), py::arg("dangling") = py::none(),
       py::arg("threads") = pagerank.threads);

    const centrality::KatzOptions katz;
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
        return to_numpy(call_released([&] { return centrality::katz(v, o); }));
    }, py::arg("view"), py::arg("alpha") = katz.alpha, py::arg("beta") = katz.beta,
       py::arg("beta_per_organisation") = py::none(), py::arg("max_iter") = katz.max_iter,
       py::arg("tol") = katz.tol, py::arg("nstart") = py::none(),
       py::arg("normalized") = katz.normalized);

    const centrality::EigenvectorOptions eigenvector;
    c.def("eigenvector", [](const View& v, std::size_t max_iter, double tol, py::object nstart) {
        centrality::EigenvectorOptions o;
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        return to_numpy(call_released([&] { return centrality::eigenvector(v, o); }));
    }, py::arg("view"), py::arg("max_iter") = eigenvector.max_iter, py::arg("tol") = eigenvector.tol,
       py::arg("nstart") = py::none());

    const centrality::HitsOptions hits;
    c.def("hits", [](const View& v, std::size_t max_iter, double tol, py::object nstart,
                     bool normalized) {
        centrality::HitsOptions o;
        o.max_iter = max_iter;
        o.tol = tol;
        o.nstart = optional_vector(nstart);
        o.normalized = normalized;
        return to_python(call_released([&] { return centrality::hits(v, o); }));
    }, py::arg("view"), py::arg("max_iter") = hits.max_iter, py::arg("tol") = hits.tol,
       py::arg("nstart") = py::none(), py::arg("normalized") = hits.normalized);

    const centrality::CurrentFlowOptions current_flow;
    c.def("information", [](const View& v, unsigned threads, py::object progress) {
        centrality::CurrentFlowOptions o;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::information(v, options);
        }));
    }, py::arg("view"), py::arg("threads") = current_flow.threads, py::arg("progress") = py::none());
    c.def("current_flow_closeness", [](const View& v, unsigned threads, py::object progress) {
        centrality::CurrentFlowOptions o;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::current_flow_closeness(v, options);
        }));
    }, py::arg("view"), py::arg("threads") = current_flow.threads, py::arg("progress") = py::none());

    const centrality::CurrentFlowBetweennessOptions current_flow_betweenness;
    c.def("current_flow_betweenness", [](const View& v, bool normalized, unsigned threads,
                                         py::object progress) {
        centrality::CurrentFlowBetweennessOptions o;
        o.normalized = normalized;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return centrality::current_flow_betweenness(v, options);
        }));
    }, py::arg("view"), py::arg("normalized") = current_flow_betweenness.normalized,
       py::arg("threads") = current_flow_betweenness.threads, py::arg("progress") = py::none());
}

}  // namespace ketennet::python
