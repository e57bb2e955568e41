// Bindings of ketennet::flow (how information flows: efficiency, lead time, throughput,
// fidelity, first passage, feedback, chain scores). The Python module ketennet.flow wraps them.
#include "common.hpp"

namespace ketennet::python {
namespace {

using Start = std::vector<std::pair<vertex_t, double>>;

py::list path_list(const std::vector<vertex_t>& p) {
    py::list out;
    for (vertex_t v : p) out.append(py::int_(v));
    return out;
}

py::dict outcome_dict(const flow::RoutedOutcome& r) {
    py::dict d;
    d["value"] = r.value;
    d["arrival"] = r.arrival;
    py::list ends;
    for (auto [v, p] : r.ends) ends.append(py::make_tuple(v, p));
    d["ends"] = ends;
    d["trapped"] = r.trapped;
    return d;
}

py::dict measure_dict(const flow::Measure& m) {
    py::dict d;
    d["value"] = m.value;
    d["layers"] = m.layers;
    d["path"] = path_list(m.path);
    d["note"] = m.note;
    return d;
}

py::dict feedback_dict(const flow::FeedbackResult& f) {
    py::dict d;
    py::list pairs;
    for (const auto& p : f.pairs) {
        py::dict x;
        x["upstream"] = p.upstream;
        x["downstream"] = p.downstream;
        x["ties"] = p.ties;
        x["coverage"] = p.coverage;
        x["reach"] = p.reach;
        pairs.append(x);
    }
    d["pairs"] = pairs;
    d["coverage"] = f.coverage;
    d["reach_coverage"] = f.reach_coverage;
    py::list comps;
    for (const auto& c : f.components) comps.append(path_list(c));
    d["components"] = comps;
    d["exit_reaches_entry"] = f.exit_reaches_entry;
    d["exit_to_entry_path"] = path_list(f.exit_to_entry_path);
    return d;
}

std::vector<double> values_of(const std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>>& a) {
    std::vector<double> out;
    if (a) out.assign(a->data(), a->data() + a->size());
    return out;
}

Chain make_chain(const std::string& name, const std::vector<std::pair<std::string, std::vector<std::string>>>& stages) {
    Chain c{name, {}};
    for (const auto& [s, orgs] : stages) c.stages.push_back(Stage{s, orgs});
    return c;
}

}  // namespace

void register_flow(py::module_& m) {
    auto f = m.def_submodule("flow", "how information flows: efficiency, lead time, throughput, "
                                     "fidelity, first passage, feedback, chain scores");

    // -- layer selection and derived views
    f.def("layers_carrying", &flow::layers_carrying, py::arg("network"), py::arg("names"));
    f.def("directed_layers", &flow::directed_layers, py::arg("network"));
    f.def("select_layers", &flow::select_layers, py::arg("network"), py::arg("layers"),
          py::arg("names"), py::arg("what"));
    f.def("select_case_layers", &flow::select_case_layers, py::arg("network"), py::arg("layers"),
          py::arg("names"), py::arg("what"));
    f.def("select_capacity_layers", &flow::select_capacity_layers, py::arg("network"),
          py::arg("layers"), py::arg("capacity"), py::arg("fallback"), py::arg("what"));
    f.def("feedback_layers", &flow::feedback_layers, py::arg("network"));
    f.def("capacity_view", [](const Network& net, const std::vector<std::string>& layers,
                              const std::string& capacity, const std::string& fallback) {
        auto cv = flow::capacity_view(net, layers, capacity, fallback);
        return py::make_tuple(std::const_pointer_cast<View>(cv.view), cv.relations, cv.fallback);
    }, py::arg("network"), py::arg("layers"), py::arg("capacity"), py::arg("fallback") = "");
    f.def("routed_view", [](const Network& net, const std::vector<std::string>& layers,
                            const std::string& routing, const std::string& second) {
        auto rv = flow::routed_view(net, layers, routing, second);
        return py::make_tuple(std::const_pointer_cast<View>(rv.view), to_numpy(rv.value));
    }, py::arg("network"), py::arg("layers"), py::arg("routing"), py::arg("second"));
    f.def("tie_layers", [](const Network& net, const std::vector<std::string>& layers,
                           const std::vector<vertex_t>& sources, const std::vector<vertex_t>& targets) {
        if (sources.size() != targets.size())
            throw InputError("tie_layers: sources and targets differ in length");
        std::vector<std::vector<std::string>> out;
        out.reserve(sources.size());
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (sources[i] >= net.organisation_count() || targets[i] >= net.organisation_count())
                throw InputError("tie_layers: organisation index out of range");
            out.push_back(flow::tie_layers(net, layers, sources[i], targets[i]));
        }
        return out;
    }, py::arg("network"), py::arg("layers"), py::arg("sources"), py::arg("targets"));
    f.def("resolve_chain", [](const Network& net, const std::string& name,
                              const std::vector<std::pair<std::string, std::vector<std::string>>>& stages) {
        auto rc = flow::resolve_chain(net, make_chain(name, stages));
        return rc.stages;
    }, py::arg("network"), py::arg("name"), py::arg("stages"));

    // -- efficiency
    f.def("global_efficiency", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        return p.run([&](ProgressHandler h) {
            flow::EfficiencyOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return flow::global_efficiency(v, o);
        });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    f.def("local_efficiency", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            flow::EfficiencyOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return flow::local_efficiency(v, o);
        });
        return to_numpy(r);
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());

    // -- paths
    f.def("lead_time", [](const View& v, const std::vector<vertex_t>& sources,
                          const std::vector<vertex_t>& targets) {
        flow::PathResult r;
        {
            py::gil_scoped_release release;
            r = flow::lead_time(v, sources, targets);
        }
        return py::make_tuple(r.value, path_list(r.path));
    }, py::arg("view"), py::arg("sources"), py::arg("targets"));
    f.def("most_reliable_path", [](const View& v, const std::vector<vertex_t>& sources,
                                   const std::vector<vertex_t>& targets) {
        flow::PathResult r;
        {
            py::gil_scoped_release release;
            r = flow::most_reliable_path(v, sources, targets);
        }
        return py::make_tuple(r.value, path_list(r.path));
    }, py::arg("view"), py::arg("sources"), py::arg("targets"));
    f.def("most_probable_path", [](const View& v, const Start& start,
                                   const std::vector<vertex_t>& targets) {
        flow::PathResult r;
        {
            py::gil_scoped_release release;
            r = flow::most_probable_path(v, start, targets);
        }
        return py::make_tuple(r.value, path_list(r.path));
    }, py::arg("view"), py::arg("start"), py::arg("targets"));

    // -- routed (Markov) flow
    using OptArray = std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>>;
    f.def("expected_lead_time", [](const View& v, const OptArray& latency, const Start& start,
                                   const std::vector<vertex_t>& targets, const OptArray& exits) {
        const std::vector<double> lat = values_of(latency);
        const std::vector<double> ex = values_of(exits);
        flow::RoutedOutcome r;
        {
            py::gil_scoped_release release;
            r = flow::expected_lead_time(v, lat, start, targets, ex);
        }
        return outcome_dict(r);
    }, py::arg("view"), py::arg("latency"), py::arg("start"), py::arg("targets"),
       py::arg("exits") = py::none());
    f.def("expected_fidelity", [](const View& v, const OptArray& quality, const Start& start,
                                  const std::vector<vertex_t>& targets) {
        const std::vector<double> q = values_of(quality);
        flow::RoutedOutcome r;
        {
            py::gil_scoped_release release;
            r = flow::expected_fidelity(v, q, start, targets);
        }
        return outcome_dict(r);
    }, py::arg("view"), py::arg("quality"), py::arg("start"), py::arg("targets"));
    f.def("first_passage", [](const View& v, const OptArray& duration, unsigned threads,
                              py::object progress) {
        const std::vector<double> d = values_of(duration);
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            flow::FirstPassageOptions o;
            o.threads = threads;
            o.progress = std::move(h);
            return flow::first_passage(v, d, o);
        });
        const auto n = py::ssize_t(r.n);
        py::array_t<double> time({n, n}), arrival({n, n});
        std::copy(r.time.begin(), r.time.end(), time.mutable_data());
        std::copy(r.arrival.begin(), r.arrival.end(), arrival.mutable_data());
        return py::make_tuple(time, arrival);
    }, py::arg("view"), py::arg("duration") = py::none(), py::arg("threads") = 0,
       py::arg("progress") = py::none());

    // -- max-flow
    f.def("max_flow", [](const View& v, const std::vector<vertex_t>& sources,
                         const std::vector<vertex_t>& sinks, bool keep_layout) {
        flow::MaxFlowResult r;
        {
            py::gil_scoped_release release;
            r = flow::max_flow(v, sources, sinks, keep_layout);
        }
        std::vector<vertex_t> cs, ct;
        std::vector<double> cc;
        for (const auto& t : r.cut) {
            cs.push_back(t.source);
            ct.push_back(t.target);
            cc.push_back(t.capacity);
        }
        py::dict d;
        d["value"] = r.value;
        d["cut"] = py::make_tuple(to_numpy_index(cs), to_numpy_index(ct), to_numpy(cc));
        d["source_side"] = to_numpy_index(r.source_side);
        return d;
    }, py::arg("view"), py::arg("sources"), py::arg("sinks"), py::arg("keep_layout") = true);
    f.def("min_vertex_cut", [](const View& v, const std::vector<vertex_t>& sources,
                               const std::vector<vertex_t>& sinks, bool keep_layout) {
        flow::VertexCut r;
        {
            py::gil_scoped_release release;
            r = flow::min_vertex_cut(v, sources, sinks, keep_layout);
        }
        return py::make_tuple(r.exists, path_list(r.vertices));
    }, py::arg("view"), py::arg("sources"), py::arg("sinks"), py::arg("keep_layout") = true);

    f.def("case_records", [](const Network& net) {
        const auto r = flow::case_records(net);
        return py::make_tuple(r.present, r.error, to_numpy(r.starts), to_numpy(r.ends));
    }, py::arg("network"));

    // -- chains
    f.def("feedback", [](const View& v, const std::vector<std::vector<vertex_t>>& stages) {
        return feedback_dict(flow::feedback(v, stages));
    }, py::arg("view"), py::arg("stages"));
    f.def("score_chain", [](const Network& net, const std::string& name,
                            const std::vector<std::pair<std::string, std::vector<std::string>>>& stages,
                            const std::vector<std::string>& layers, const std::string& capacity,
                            const std::string& fallback) {
        flow::ChainScoreOptions o;
        o.layers = layers;
        o.capacity = capacity;
        o.fallback = fallback;
        const flow::ChainScore s = flow::score_chain(net, make_chain(name, stages), o);
        py::dict d;
        d["chain"] = s.chain;
        d["stages"] = s.stage_names;
        d["entry"] = path_list(s.entry);
        d["exit"] = path_list(s.exit);
        d["lead_time"] = measure_dict(s.lead_time);
        d["expected_lead_time"] = measure_dict(s.expected_lead_time);
        d["arrival"] = measure_dict(s.arrival);
        d["throughput"] = measure_dict(s.throughput);
        d["bottlenecks"] = measure_dict(s.bottlenecks);
        d["fidelity"] = measure_dict(s.fidelity);
        d["expected_fidelity"] = measure_dict(s.expected_fidelity);
        d["handoffs"] = measure_dict(s.handoffs);
        d["feedback_coverage"] = measure_dict(s.feedback_coverage);
        d["feedback_reach"] = measure_dict(s.feedback_reach);
        d["exit_reaches_entry"] = measure_dict(s.exit_reaches_entry);
        d["attrition_basis"] = measure_dict(s.attrition_basis);
        py::list att;
        for (const auto& a : s.attrition) {
            py::dict x;
            x["stage"] = a.stage;
            x["from_earlier"] = a.from_earlier;
            x["from_later"] = a.from_later;
            x["from_outside"] = a.from_outside;
            x["onward"] = a.onward;
            x["back"] = a.back;
            x["out_of_chain"] = a.out_of_chain;
            x["inflow"] = a.inflow;
            x["ends_here"] = a.ends_here;
            x["onward_share"] = a.onward_share;
            x["out_of_chain_share"] = a.out_of_chain_share;
            x["attrition"] = a.attrition;
            att.append(x);
        }
        d["attrition"] = att;
        return d;
    }, py::arg("network"), py::arg("name"), py::arg("stages"), py::arg("layers"),
       py::arg("capacity") = "capacity", py::arg("fallback") = "volume");
}

}  // namespace ketennet::python
