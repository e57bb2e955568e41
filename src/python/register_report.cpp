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

/// The rows of report::compare() as a dict of columns (lists; the numbers as NumPy arrays).
py::dict to_python(const std::vector<report::CompareRow>& rows) {
    py::dict d;
    const auto text = [&](const char* name, std::string report::CompareRow::*member) {
        py::list col;
        for (const auto& r : rows) col.append(r.*member);
        d[name] = col;
    };
    const auto number = [&](const char* name, double report::CompareRow::*member) {
        std::vector<double> col;
        col.reserve(rows.size());
        for (const auto& r : rows) col.push_back(r.*member);
        d[name] = to_numpy(std::move(col));
    };
    text("goal", &report::CompareRow::goal);
    text("indicator", &report::CompareRow::indicator);
    text("scope", &report::CompareRow::scope);
    text("subject", &report::CompareRow::subject);
    text("unit", &report::CompareRow::unit);
    text("direction", &report::CompareRow::direction);
    number("before", &report::CompareRow::before);
    number("after", &report::CompareRow::after);
    number("difference", &report::CompareRow::difference);
    text("text_before", &report::CompareRow::text_before);
    text("text_after", &report::CompareRow::text_after);
    text("note_before", &report::CompareRow::note_before);
    text("note_after", &report::CompareRow::note_after);
    return d;
}

/// The signals of report::signals() as a dict of columns (row, signal; the numbers as NumPy
/// arrays).
py::dict to_python(const std::vector<report::Signal>& found) {
    std::vector<std::int64_t> row, peers;
    std::vector<double> score, reference;
    py::list kind;
    for (const auto& s : found) {
        row.push_back(std::int64_t(s.row));
        kind.append(s.signal);
        score.push_back(s.score);
        reference.push_back(s.reference);
        peers.push_back(std::int64_t(s.peers));
    }
    py::dict d;
    d["row"] = py::array_t<std::int64_t>(py::ssize_t(row.size()), row.data());
    d["signal"] = kind;
    d["score"] = to_numpy(std::move(score));
    d["reference"] = to_numpy(std::move(reference));
    d["peers"] = py::array_t<std::int64_t>(py::ssize_t(peers.size()), peers.data());
    return d;
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
    r.def("to_text", [](const Network& net, const py::list& rows, const std::string& lang) {
        return report::to_text(net, rows_from_python(rows), report::language(lang));
    }, py::arg("network"), py::arg("rows"), py::arg("lang") = "en");
    r.def("format_value", [](double value, const std::string& unit, const std::string& text,
                             const std::string& lang) {
        return report::format_value(value, unit, text, report::language(lang));
    }, py::arg("value"), py::arg("unit"), py::arg("text") = "", py::arg("lang") = "en");
    // the languages (ketennet/report/language.hpp)
    r.attr("LANGUAGES") = report::language_codes();
    r.attr("TRANSLATED_COLUMNS") = report::translated_columns();
    r.def("check_language", [](const std::string& lang) { return report::code(report::language(lang)); },
          py::arg("lang"));
    r.def("translate", [](const std::string& text, const std::string& lang) {
        return report::translate(text, report::language(lang));
    }, py::arg("text"), py::arg("lang"));
    r.def("translate_rows", [](const py::list& rows, const std::string& lang) {
        return rows_to_python(report::translate_rows(rows_from_python(rows), report::language(lang)));
    }, py::arg("rows"), py::arg("lang"));
    r.def("untranslated", [](const py::list& rows, const std::string& lang) {
        return report::untranslated(rows_from_python(rows), report::language(lang));
    }, py::arg("rows"), py::arg("lang"));
    r.def("report_text", [](const std::string& key, const std::string& lang) {
        return report::report_text(key, report::language(lang));
    }, py::arg("key"), py::arg("lang") = "en");
    r.def("report_text_keys", &report::report_text_keys);
    r.def("phrases", [](const std::string& lang) {
        py::list out;
        for (const auto& p : report::phrases(report::language(lang)))
            out.append(py::make_tuple(p.english, p.translation, p.exact));
        return out;
    }, py::arg("lang"));
    r.def("compare", [](const Network& before, const Network& after, const std::vector<std::string>& layers,
                        std::optional<std::vector<std::string>> chains, std::size_t top) {
        report::ScorecardOptions o;
        o.layers = layers;
        o.chains = std::move(chains);
        o.top = top;
        const Network a = before, b = after;  // read while the GIL is released
        return to_python(call_released(o, py::none(), [&](const report::ScorecardOptions& opt) {
            return report::compare(a, b, opt);
        }));
    }, py::arg("before"), py::arg("after"), py::arg("layers"), py::arg("chains"),
       py::arg("top") = report::ScorecardOptions{}.top);
    r.attr("MODIFIED_Z_SCALE") = report::modified_z_scale;
    r.attr("MEANAD_SCALE") = report::meanad_scale;
    r.def("signals", [](const std::vector<std::string>& network, const std::optional<std::vector<std::int64_t>>& period,
                        const std::vector<std::string>& goal, const std::vector<std::string>& indicator,
                        const std::vector<std::string>& scope, const std::vector<std::string>& subject,
                        const std::vector<std::string>& layers, const std::vector<double>& value,
                        const std::string& period_name, double threshold, double change, std::int64_t min_peers) {
        const std::size_t n = network.size();
        for (const auto* col : {&goal, &indicator, &scope, &subject, &layers})
            if (col->size() != n) throw InputError("signals: the columns differ in length");
        if (value.size() != n || (period && period->size() != n))
            throw InputError("signals: the columns differ in length");
        std::vector<report::SignalRow> rows(n);
        for (std::size_t i = 0; i < n; ++i)
            rows[i] = {network[i], period ? (*period)[i] : 0, goal[i], indicator[i], scope[i], subject[i],
                       layers[i], value[i]};
        report::SignalOptions o;
        o.by_period = period.has_value();
        o.period_name = period_name;
        o.threshold = threshold;
        o.change = change;
        o.min_peers = min_peers;
        return to_python(call_released([&] { return report::signals(rows, o); }));
    }, py::arg("network"), py::arg("period"), py::arg("goal"), py::arg("indicator"), py::arg("scope"),
       py::arg("subject"), py::arg("layers"), py::arg("value"),
       py::arg("period_name") = report::SignalOptions{}.period_name,
       py::arg("threshold") = report::SignalOptions{}.threshold,
       py::arg("change") = report::SignalOptions{}.change,
       py::arg("min_peers") = report::SignalOptions{}.min_peers);
    r.def("scorecards", [](const std::vector<const Network*>& networks,
                           const std::vector<std::vector<std::string>>& layers,
                           std::optional<std::vector<std::string>> chains, std::size_t top,
                           unsigned threads, py::object progress) {
        if (layers.size() != networks.size())
            throw InputError("scorecards: " + std::to_string(networks.size()) + " networks but " +
                             std::to_string(layers.size()) + " layer selections");
        std::vector<Network> copies;  // read while the GIL is released
        copies.reserve(networks.size());
        for (const Network* net : networks) copies.push_back(*net);
        std::vector<const Network*> nets;
        std::vector<report::ScorecardOptions> options(networks.size());
        for (std::size_t i = 0; i < copies.size(); ++i) {
            nets.push_back(&copies[i]);
            options[i].layers = layers[i];
            options[i].chains = chains;
            options[i].top = top;
        }
        return call_released(std::move(progress), [&](const ProgressHandler& handler) {
            return report::scorecards(nets, options, threads, handler);
        });
    }, py::arg("networks"), py::arg("layers"), py::arg("chains"),
       py::arg("top") = report::ScorecardOptions{}.top, py::arg("threads") = 0,
       py::arg("progress") = py::none());
    r.def("batch_rows", [](const std::vector<const report::Scorecard*>& cards) {
        std::vector<report::Scorecard> copies;
        for (const auto* c : cards) copies.push_back(*c);
        py::list out;
        for (const auto& rows : report::batch_rows(copies)) out.append(rows_to_python(rows));
        return out;
    }, py::arg("cards"));
}

}  // namespace ketennet::python
