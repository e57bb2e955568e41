// Bindings of the scorecard (ketennet/report/scorecard.hpp): ketennet._core.report.
#include "common.hpp"

namespace ketennet::python {

namespace {

/// Scorecard rows as a list of dicts keyed by the column names (the one conversion).
py::list rows_to_python(const std::vector<report::ScorecardRow>& rows) {
    py::list out;
    for (const auto& r : rows) {
        py::dict d;
        d["goal"] = r.goal;
        d["indicator"] = r.indicator;
        d["scope"] = r.scope;
        d["subject"] = r.subject;
        d["value"] = r.value;
        d["text"] = r.text;
        d["unit"] = r.unit;
        d["direction"] = r.direction;
        d["layers"] = r.layers;
        d["meaning"] = r.meaning;
        d["note"] = r.note;
        d["source"] = r.source;
        out.append(std::move(d));
    }
    return out;
}

/// Rows given from Python (dicts keyed by the column names, as rows_to_python makes them).
std::vector<report::ScorecardRow> rows_from_python(const py::list& rows) {
    std::vector<report::ScorecardRow> out;
    for (const auto& item : rows) {
        const py::dict d = py::reinterpret_borrow<py::dict>(item);
        report::ScorecardRow r;
        r.goal = d["goal"].cast<std::string>();
        r.indicator = d["indicator"].cast<std::string>();
        r.scope = d["scope"].cast<std::string>();
        r.subject = d["subject"].cast<std::string>();
        r.value = d["value"].cast<double>();
        r.text = d["text"].cast<std::string>();
        r.unit = d["unit"].cast<std::string>();
        r.direction = d["direction"].cast<std::string>();
        r.layers = d["layers"].cast<std::string>();
        r.meaning = d["meaning"].cast<std::string>();
        r.note = d["note"].cast<std::string>();
        r.source = d["source"].cast<std::string>();
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

void register_report(py::module_& m) {
    auto r = m.def_submodule("report", "the scorecard: the inspectorate's indicators by goal");
    py::list goals;
    for (const auto& g : report::goals()) goals.append(py::make_tuple(g.key, g.dutch, g.english));
    r.attr("GOALS") = goals;
    r.attr("COLUMNS") = report::columns();
    r.attr("VULNERABILITY_MAX") = report::vulnerability_max;
    r.attr("SIMULATION_MAX") = report::simulation_max;
    r.attr("BETWEENNESS_ATTACK_MAX") = report::betweenness_attack_max;
    py::class_<report::Scorecard>(r, "Scorecard", "One network's scorecard (rows and ranked indicators).")
        .def("rows", [](const report::Scorecard& c) { return rows_to_python(c.rows()); });
    r.def("scorecard", [](const Network& net, const std::vector<std::string>& layers,
                          std::optional<std::vector<std::string>> chains, std::size_t top,
                          py::object log) {
        report::ScorecardOptions o;
        o.layers = layers;
        o.chains = std::move(chains);
        o.top = top;
        std::shared_ptr<const eventlog::EventLog> keep;
        if (!log.is_none()) {
            keep = log.cast<std::shared_ptr<eventlog::EventLog>>();
            o.log = keep.get();
        }
        const Network snapshot = net;  // read while the GIL is released
        PythonProgress p{py::none()};
        return p.run([&](ProgressHandler h) {
            o.progress = std::move(h);
            return report::scorecard(snapshot, o);
        });
    }, py::arg("network"), py::arg("layers"), py::arg("chains"), py::arg("top") = 5,
       py::arg("log") = py::none());
    r.def("to_text", [](const Network& net, const py::list& rows) {
        return report::to_text(net, rows_from_python(rows));
    }, py::arg("network"), py::arg("rows"));
    r.def("format_value", &report::format_value, py::arg("value"), py::arg("unit"),
          py::arg("text") = "");
    auto g = m.def_submodule("governance", "the governance mode a network's structure shows");
    g.attr("CENTRAL") = governance::central_threshold;
    g.attr("REACH") = governance::reach_threshold;
    g.def("observe", [](const Network& net, const View& view, const std::string& nao_attribute) {
        const auto o = governance::observe(net, view, nao_attribute);
        py::dict d;
        d["density"] = o.density;
        d["centralization"] = o.centralization;
        d["mode"] = o.mode;
        d["lead_organisation"] = o.lead_organisation ? py::object(py::str(*o.lead_organisation)) : py::none();
        d["nao"] = o.nao ? py::object(py::str(*o.nao)) : py::none();
        d["centrally_integrated"] = o.centrally_integrated;
        d["lead_note"] = o.lead_note;
        d["nao_note"] = o.nao_note;
        d["reasoning"] = o.reasoning;
        return d;
    }, py::arg("network"), py::arg("view"), py::arg("nao_attribute") = "role");
    r.def("batch_rows", [](const std::vector<const report::Scorecard*>& cards) {
        std::vector<report::Scorecard> copies;
        for (const auto* c : cards) copies.push_back(*c);
        py::list out;
        for (const auto& rows : report::batch_rows(copies)) out.append(rows_to_python(rows));
        return out;
    }, py::arg("cards"));
}

}  // namespace ketennet::python
