// Bindings of ketennet::centrality (who is central).
#include "common.hpp"

namespace ketennet::python {

void register_centrality(py::module_& m) {
    auto c = m.def_submodule("centrality", "who is central: degree, betweenness");
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
}

}  // namespace ketennet::python
