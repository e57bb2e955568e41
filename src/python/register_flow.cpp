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

py::dict to_python(const flow::RoutedOutcome& r) {
    py::dict d;
    d["value"] = r.value;
    d["arrival"] = r.arrival;
    py::list ends;
    for (auto [v, p] : r.ends) ends.append(py::make_tuple(v, p));
    d["ends"] = ends;
    d["trapped"] = r.trapped;
    return d;
}

py::dict to_python(const flow::ChainIndicator& m) {
    py::dict d;
    d["value"] = m.value;
    d["layers"] = m.layers;
    d["path"] = path_list(m.path);
    d["note"] = m.note;
    return d;
}

py::dict to_python(const flow::StageFeedback& p) {
    py::dict d;
    d["upstream"] = p.upstream;
    d["downstream"] = p.downstream;
    d["ties"] = p.ties;
    d["coverage"] = p.coverage;
    d["reach"] = p.reach;
    return d;
}

py::dict to_python(const flow::FeedbackResult& f) {
    py::dict d;
    py::list pairs;
    for (const auto& p : f.pairs) pairs.append(to_python(p));
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

py::dict to_python(const flow::StageAttrition& a) {
    py::dict d;
    d["stage"] = a.stage;
    d["from_earlier"] = a.from_earlier;
    d["from_later"] = a.from_later;
    d["from_outside"] = a.from_outside;
    d["onward"] = a.onward;
    d["back"] = a.back;
    d["out_of_chain"] = a.out_of_chain;
    d["inflow"] = a.inflow;
    d["ends_here"] = a.ends_here;
    d["onward_share"] = a.onward_share;
    d["out_of_chain_share"] = a.out_of_chain_share;
    d["attrition"] = a.attrition;
    return d;
}

py::dict to_python(const flow::ChainScore& s) {
    py::dict d;
    d["chain"] = s.chain;
    d["stages"] = s.stage_names;
    d["entry"] = path_list(s.entry);
    d["exit"] = path_list(s.exit);
    d["lead_time"] = to_python(s.lead_time);
    d["expected_lead_time"] = to_python(s.expected_lead_time);
    d["arrival"] = to_python(s.arrival);
    d["throughput"] = to_python(s.throughput);
    d["bottlenecks"] = to_python(s.bottlenecks);
    d["fidelity"] = to_python(s.fidelity);
    d["expected_fidelity"] = to_python(s.expected_fidelity);
    d["handoffs"] = to_python(s.handoffs);
    d["feedback_coverage"] = to_python(s.feedback_coverage);
    d["feedback_reach"] = to_python(s.feedback_reach);
    d["exit_reaches_entry"] = to_python(s.exit_reaches_entry);
    d["attrition_basis"] = to_python(s.attrition_basis);
    py::list att;
    for (const auto& a : s.attrition) att.append(to_python(a));
    d["attrition"] = att;
    return d;
}

/// (value, path)
py::tuple to_python(const flow::PathResult& r) { return py::make_tuple(r.value, path_list(r.path)); }

/// (time, arrival): n x n arrays
py::tuple to_python(const flow::FirstPassage& r) {
    const auto n = py::ssize_t(r.n);
    py::array_t<double> time({n, n}), arrival({n, n});
    std::copy(r.time.begin(), r.time.end(), time.mutable_data());
    std::copy(r.arrival.begin(), r.arrival.end(), arrival.mutable_data());
    return py::make_tuple(time, arrival);
}

/// {value, cut: (sources, targets, capacities), source_side}
py::dict to_python(const flow::MaxFlowResult& r) {
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
}

/// (exists, vertices)
py::tuple to_python(const flow::VertexCut& r) { return py::make_tuple(r.exists, path_list(r.vertices)); }

/// (present, error, starts, ends)
py::tuple to_python(const flow::CaseRecords& r) {
    return py::make_tuple(r.present, r.error, to_numpy(r.starts), to_numpy(r.ends));
}

/// (view, relations, fallback)
py::tuple to_python(const flow::CapacityView& cv) {
    return py::make_tuple(std::const_pointer_cast<View>(cv.view), cv.relations, cv.fallback);
}

/// (view, value per edge)
py::tuple to_python(const flow::RoutedView& rv) {
    return py::make_tuple(std::const_pointer_cast<View>(rv.view), to_numpy(rv.value));
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
        return to_python(flow::capacity_view(net, layers, capacity, fallback));
    }, py::arg("network"), py::arg("layers"), py::arg("capacity"), py::arg("fallback") = "");
    f.def("routed_view", [](const Network& net, const std::vector<std::string>& layers,
                            const std::string& routing, const std::string& second) {
        return to_python(flow::routed_view(net, layers, routing, second));
    }, py::arg("network"), py::arg("layers"), py::arg("routing"), py::arg("second"));
    f.def("tie_layers", [](const Network& net, const std::vector<std::string>& layers,
                           const std::vector<vertex_t>& sources, const std::vector<vertex_t>& targets) {
        return flow::tie_layers(net, layers, sources, targets);
    }, py::arg("network"), py::arg("layers"), py::arg("sources"), py::arg("targets"));
    f.def("resolve_chain", [](const Network& net, const std::string& name,
                              const std::vector<std::pair<std::string, std::vector<std::string>>>& stages) {
        auto rc = flow::resolve_chain(net, make_chain(name, stages));
        return rc.stages;
    }, py::arg("network"), py::arg("name"), py::arg("stages"));

    // -- efficiency
    const flow::EfficiencyOptions efficiency;
    f.def("global_efficiency", [](const View& v, unsigned threads, py::object progress) {
        flow::EfficiencyOptions o;
        o.threads = threads;
        return call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return flow::global_efficiency(v, options);
        });
    }, py::arg("view"), py::arg("threads") = efficiency.threads, py::arg("progress") = py::none());
    f.def("local_efficiency", [](const View& v, unsigned threads, py::object progress) {
        flow::EfficiencyOptions o;
        o.threads = threads;
        return to_numpy(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return flow::local_efficiency(v, options);
        }));
    }, py::arg("view"), py::arg("threads") = efficiency.threads, py::arg("progress") = py::none());

    // -- paths
    f.def("lead_time", [](const View& v, const std::vector<vertex_t>& sources,
                          const std::vector<vertex_t>& targets) {
        return to_python(call_released([&] { return flow::lead_time(v, sources, targets); }));
    }, py::arg("view"), py::arg("sources"), py::arg("targets"));
    f.def("most_reliable_path", [](const View& v, const std::vector<vertex_t>& sources,
                                   const std::vector<vertex_t>& targets) {
        return to_python(call_released([&] { return flow::most_reliable_path(v, sources, targets); }));
    }, py::arg("view"), py::arg("sources"), py::arg("targets"));
    f.def("most_probable_path", [](const View& v, const Start& start,
                                   const std::vector<vertex_t>& targets) {
        return to_python(call_released([&] { return flow::most_probable_path(v, start, targets); }));
    }, py::arg("view"), py::arg("start"), py::arg("targets"));

    // -- routed (Markov) flow
    using OptArray = std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>>;
    f.def("expected_lead_time", [](const View& v, const OptArray& latency, const Start& start,
                                   const std::vector<vertex_t>& targets, const OptArray& exits) {
        const std::vector<double> lat = values_of(latency);
        const std::vector<double> ex = values_of(exits);
        return to_python(call_released([&] {
            return flow::expected_lead_time(v, lat, start, targets, ex);
        }));
    }, py::arg("view"), py::arg("latency"), py::arg("start"), py::arg("targets"),
       py::arg("exits") = py::none());
    f.def("expected_fidelity", [](const View& v, const OptArray& quality, const Start& start,
                                  const std::vector<vertex_t>& targets) {
        const std::vector<double> q = values_of(quality);
        return to_python(call_released([&] { return flow::expected_fidelity(v, q, start, targets); }));
    }, py::arg("view"), py::arg("quality"), py::arg("start"), py::arg("targets"));
    f.def("first_passage", [](const View& v, const OptArray& duration, unsigned threads,
                              py::object progress) {
        const std::vector<double> d = values_of(duration);
        flow::FirstPassageOptions o;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return flow::first_passage(v, d, options);
        }));
    }, py::arg("view"), py::arg("duration") = py::none(),
       py::arg("threads") = flow::FirstPassageOptions{}.threads, py::arg("progress") = py::none());

    // -- max-flow
    f.def("max_flow", [](const View& v, const std::vector<vertex_t>& sources,
                         const std::vector<vertex_t>& sinks, bool keep_layout) {
        return to_python(call_released([&] {
            return flow::max_flow(v, sources, sinks, flow::MaxFlowOptions{.keep_layout = keep_layout});
        }));
    }, py::arg("view"), py::arg("sources"), py::arg("sinks"),
       py::arg("keep_layout") = flow::MaxFlowOptions{}.keep_layout);
    f.def("min_vertex_cut", [](const View& v, const std::vector<vertex_t>& sources,
                               const std::vector<vertex_t>& sinks, bool keep_layout) {
        return to_python(call_released([&] {
            return flow::min_vertex_cut(v, sources, sinks, flow::MaxFlowOptions{.keep_layout = keep_layout});
        }));
    }, py::arg("view"), py::arg("sources"), py::arg("sinks"),
       py::arg("keep_layout") = flow::MaxFlowOptions{}.keep_layout);

    f.def("case_records", [](const Network& net) { return to_python(flow::case_records(net)); },
          py::arg("network"));

    // -- chains
    f.def("feedback", [](const View& v, const std::vector<std::vector<vertex_t>>& stages) {
        return to_python(call_released([&] { return flow::feedback(v, stages); }));
    }, py::arg("view"), py::arg("stages"));
    const flow::ChainScoreOptions chain_score;
    f.def("score_chain", [](const Network& net, const std::string& name,
                            const std::vector<std::pair<std::string, std::vector<std::string>>>& stages,
                            const std::vector<std::string>& layers, const std::string& capacity,
                            const std::string& fallback) {
        flow::ChainScoreOptions o;
        o.layers = layers;
        o.capacity = capacity;
        o.fallback = fallback;
        const Chain chain = make_chain(name, stages);
        // the kernel reads a copy taken with the GIL held: another thread may change the
        // network while it runs with the GIL released
        const Network snapshot = net;
        return to_python(call_released([&] { return flow::score_chain(snapshot, chain, o); }));
    }, py::arg("network"), py::arg("name"), py::arg("stages"), py::arg("layers"),
       py::arg("capacity") = chain_score.capacity, py::arg("fallback") = chain_score.fallback);
}

}  // namespace ketennet::python
