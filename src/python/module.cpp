// The ketennet._core extension module, assembled from one register_<area>.cpp per area.
#include "common.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "ketennet's compiled core (C++). Use the Python package `ketennet` instead.";
    m.attr("__version__") = ketennet::version_string;
    using namespace ketennet::python;
    register_errors(m);
    register_model(m);
    register_io(m);
    register_centrality(m);
    register_cohesion(m);
    register_resilience(m);
    register_flow(m);
    register_brokerage(m);
    register_eventlog(m);
    register_report(m);
    register_governance(m);
    register_panel(m);
    register_stats_tests(m);
    register_stats_regression(m);
    register_ergm(m);
}
