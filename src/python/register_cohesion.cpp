// Bindings of ketennet::cohesion (how integrated the network is).
#include "common.hpp"

namespace ketennet::python {

void register_cohesion(py::module_& m) {
    auto c = m.def_submodule("cohesion", "how integrated the network is");
    c.def("density", [](const View& v) { return cohesion::density(v); }, py::arg("view"));
    c.def("reciprocity", [](const View& v) { return cohesion::reciprocity(v); }, py::arg("view"));
    c.def("reciprocity_per_organisation", [](const View& v) {
        return to_numpy(cohesion::reciprocity_per_organisation(v));
    }, py::arg("view"));
    c.def("betweenness_centralization", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        return p.run([&](ProgressHandler h) { return cohesion::betweenness_centralization(v, threads, h); });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("closeness_centralization", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        return p.run([&](ProgressHandler h) { return cohesion::closeness_centralization(v, threads, h); });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("qap", [](const View& a, const View& b, std::size_t permutations, std::uint64_t seed,
                    unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            cohesion::QapOptions o;
            o.permutations = permutations;
            o.seed = seed;
            o.threads = threads;
            o.progress = std::move(h);
            return cohesion::qap(a, b, o);
        });
        py::dict d;
        d["correlation"] = r.correlation;
        d["p_greater"] = r.p_greater;
        d["p_less"] = r.p_less;
        d["p_abs"] = r.p_abs;
        d["permutations"] = to_numpy(r.permutations);
        return d;
    }, py::arg("a"), py::arg("b"), py::arg("permutations") = 1000, py::arg("seed") = 0,
       py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("degree_centralization", [](const View& v, const std::string& direction) {
        return cohesion::degree_centralization(v, parse_direction(direction));
    }, py::arg("view"), py::arg("direction") = "all");
}

}  // namespace ketennet::python
