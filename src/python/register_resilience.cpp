// Bindings of ketennet::resilience (what happens when organisations fail).
#include "common.hpp"

namespace ketennet::python {

void register_resilience(py::module_& m) {
    auto r = m.def_submodule("resilience", "single points of failure");
    r.def("articulation_points", [](const View& v) {
        std::vector<vertex_t> a;
        {
            py::gil_scoped_release release;
            a = resilience::articulation_points(v);
        }
        return to_numpy_index(a);
    }, py::arg("view"));
}

}  // namespace ketennet::python
