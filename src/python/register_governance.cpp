// Bindings of the governance structure and diagnosis (ketennet/governance/):
// ketennet._core.governance.
#include "common.hpp"

namespace ketennet::python {

namespace {

py::object optional_text(const std::optional<std::string>& s) {
    return s ? py::object(py::str(*s)) : py::object(py::none());
}

/// A contingency from Python: None (unknown), a str (a level or, for trust, a layer) or a
/// number (the Python module has checked the type).
governance::Level to_level(const py::object& value) {
    if (value.is_none()) return std::monostate{};
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    return value.cast<double>();
}

py::object from_value(const governance::FindingValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return py::int_(*i);
    if (const auto* x = std::get_if<double>(&v)) return py::float_(*x);
    if (const auto* s = std::get_if<std::string>(&v)) return py::str(*s);
    return py::none();
}

/// The observed structure as a dict (the one conversion).
py::dict to_python(const governance::ObservedGovernance& o) {
    py::dict d;
    d["density"] = o.density;
    d["centralization"] = o.centralization;
    d["mode"] = o.mode;
    d["lead_organisation"] = optional_text(o.lead_organisation);
    d["nao"] = optional_text(o.nao);
    d["centrally_integrated"] = o.centrally_integrated;
    d["lead_note"] = o.lead_note;
    d["nao_note"] = o.nao_note;
    d["reasoning"] = o.reasoning;
    return d;
}

/// The diagnosis as a dict: findings a list of row dicts, scores a dict by mode (the one
/// conversion).
py::dict to_python(const governance::Diagnosis& g) {
    py::dict d;
    d["mode"] = optional_text(g.mode);
    d["observed_mode"] = g.observed_mode;
    d["fits"] = g.fits ? py::object(py::bool_(*g.fits)) : py::object(py::none());
    d["centrally_integrated"] = g.centrally_integrated;
    d["lead_organisation"] = optional_text(g.lead_organisation);
    d["nao"] = optional_text(g.nao);
    py::list findings;
    for (const auto& f : g.findings) {
        py::dict row;
        row["aspect"] = f.aspect;
        row["indicator"] = f.indicator;
        row["value"] = from_value(f.value);
        row["level"] = optional_text(f.level);
        row["points_to"] = f.points_to;
        row["agrees"] = f.agrees ? py::object(py::bool_(*f.agrees)) : py::object(py::none());
        row["note"] = f.note;
        findings.append(std::move(row));
    }
    d["findings"] = findings;
    d["reasoning"] = g.reasoning;
    py::dict scores;
    for (std::size_t k = 0; k < governance::modes.size(); ++k) scores[py::str(governance::modes[k])] = g.scores[k];
    d["scores"] = scores;
    return d;
}

}  // namespace

void register_governance(py::module_& m) {
    auto g = m.def_submodule("governance", "the governance mode a network's structure shows, and its fit");
    g.attr("CENTRAL") = governance::central_threshold;
    g.attr("REACH") = governance::reach_threshold;
    py::tuple modes(governance::modes.size()), levels(governance::levels.size());
    for (std::size_t k = 0; k < governance::modes.size(); ++k) modes[k] = py::str(governance::modes[k]);
    for (std::size_t k = 0; k < governance::levels.size(); ++k) levels[k] = py::str(governance::levels[k]);
    g.attr("MODES") = modes;
    g.attr("LEVELS") = levels;
    g.attr("FEW") = governance::few_participants;
    g.attr("MANY") = governance::many_participants;
    g.attr("TRUST_LOW") = governance::trust_low;
    g.attr("TRUST_HIGH") = governance::trust_high;
    g.attr("CONSENSUS_MID") = governance::consensus_mid;
    g.attr("CONSENSUS_HIGH") = governance::consensus_high;
    g.attr("NEED_LOW") = governance::need_low;
    g.attr("NEED_HIGH") = governance::need_high;
    g.attr("MIN_KNOWN") = governance::min_known;
    g.def("observe", [](const Network& net, const View& view, const std::string& nao_attribute) {
        return to_python(governance::observe(net, view, nao_attribute));
    }, py::arg("network"), py::arg("view"), py::arg("nao_attribute") = governance::DiagnosisOptions{}.nao_attribute);
    g.def("diagnose", [](const Network& net, const py::object& trust, const py::object& goal_consensus,
                         const py::object& competency_need, std::optional<std::vector<std::string>> layers,
                         const std::string& nao_attribute) {
        governance::DiagnosisOptions o;
        o.trust = to_level(trust);
        o.goal_consensus = to_level(goal_consensus);
        o.competency_need = to_level(competency_need);
        o.layers = std::move(layers);
        o.nao_attribute = nao_attribute;
        const Network snapshot = net;  // read while the GIL is released
        return to_python(call_released([&] { return governance::diagnose(snapshot, o); }));
    }, py::arg("network"), py::arg("trust") = py::none(), py::arg("goal_consensus") = py::none(),
       py::arg("competency_need") = py::none(), py::arg("layers") = py::none(),
       py::arg("nao_attribute") = governance::DiagnosisOptions{}.nao_attribute);
}

}  // namespace ketennet::python
