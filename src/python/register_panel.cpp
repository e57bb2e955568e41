// Bindings of ketennet::panel: tie changes between two periods of a panel.
#include <cstdint>
#include <string>
#include <vector>

#include "common.hpp"

namespace ketennet::python {

namespace {

/// The tie changes of the layers as two column dicts: per layer, and per organisation.
py::dict to_python(const std::vector<panel::LayerTieChanges>& result) {
    std::vector<std::string> layer, org_layer, organisation;
    std::vector<bool> directed;
    std::vector<std::int64_t> kept, formed, dissolved, org_kept, org_formed, org_dissolved;
    for (const auto& l : result) {
        layer.push_back(l.layer);
        directed.push_back(l.directed);
        kept.push_back(std::int64_t(l.changes.ties.kept));
        formed.push_back(std::int64_t(l.changes.ties.formed));
        dissolved.push_back(std::int64_t(l.changes.ties.dissolved));
        for (std::size_t v = 0; v < l.changes.organisations.size(); ++v) {
            const auto& c = l.changes.per_organisation[v];
            org_layer.push_back(l.layer);
            organisation.push_back(l.changes.organisations[v]);
            org_kept.push_back(std::int64_t(c.kept));
            org_formed.push_back(std::int64_t(c.formed));
            org_dissolved.push_back(std::int64_t(c.dissolved));
        }
    }
    const auto ints = [](const std::vector<std::int64_t>& v) {
        return py::array_t<std::int64_t>(py::ssize_t(v.size()), v.data());
    };
    py::dict layers, orgs;
    layers["layer"] = layer;
    layers["directed"] = directed;
    layers["kept"] = ints(kept);
    layers["formed"] = ints(formed);
    layers["dissolved"] = ints(dissolved);
    orgs["layer"] = org_layer;
    orgs["organisation"] = organisation;
    orgs["kept"] = ints(org_kept);
    orgs["formed"] = ints(org_formed);
    orgs["dissolved"] = ints(org_dissolved);
    py::dict d;
    d["layers"] = layers;
    d["organisations"] = orgs;
    return d;
}

}  // namespace

void register_panel(py::module_& m) {
    auto p = m.def_submodule("panel", "panels of networks: tie changes between periods");
    p.def("tie_changes", [](const Network& before, const Network& after, const std::vector<std::string>& layers) {
        const Network a = before, b = after;  // read while the GIL is released
        return to_python(call_released([&] { return panel::tie_changes(a, b, layers); }));
    }, py::arg("before"), py::arg("after"), py::arg("layers") = std::vector<std::string>{});
}

}  // namespace ketennet::python
