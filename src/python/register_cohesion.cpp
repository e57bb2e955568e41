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
    c.def("degree_centralization", [](const View& v, const std::string& direction) {
        return cohesion::degree_centralization(v, parse_direction(direction));
    }, py::arg("view"), py::arg("direction") = "all");
}

}  // namespace ketennet::python
