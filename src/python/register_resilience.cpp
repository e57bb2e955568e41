// Bindings of ketennet::resilience (what happens when organisations fail): single points of
// failure, dominators, vertex cuts, vulnerability, failure simulation and null models. The
// Python module ketennet.resilience wraps them.
#include "common.hpp"

namespace ketennet::python {
namespace {

resilience::Strategy parse_strategy(const std::string& s) {
    using resilience::Strategy;
    if (s == "random") return Strategy::random;
    if (s == "degree") return Strategy::degree;
    if (s == "betweenness") return Strategy::betweenness;
    if (s == "sector") return Strategy::sector;
    if (s == "layer") return Strategy::layer;
    if (s == "list") return Strategy::list;
    throw InputError("unknown strategy '" + s + "'");
}

std::vector<resilience::Measure> parse_measures(const std::vector<std::string>& names) {
    std::vector<resilience::Measure> out;
    for (const auto& n : names) out.push_back(resilience::parse_measure(n));
    return out;
}

resilience::FailureSelection selection(const std::vector<std::string>& layers,
                                       const std::string& chain, const std::string& capacity,
                                       const std::string& fallback) {
    resilience::FailureSelection s;
    s.layers = layers;
    s.chain = chain;
    s.capacity = capacity;
    s.fallback = fallback;
    return s;
}

/// (sources, targets) arrays of bridges
py::tuple to_python(const std::vector<resilience::Tie>& ties) {
    std::vector<vertex_t> s, t;
    for (auto [x, y] : ties) {
        s.push_back(x);
        t.push_back(y);
    }
    return py::make_tuple(to_numpy_index(s), to_numpy_index(t));
}

/// (exists, vertices)
py::tuple to_python(const flow::VertexCut& c) {
    return py::make_tuple(c.exists, to_numpy_index(c.vertices));
}

/// {removed: runs x steps, values: runs x (steps + 1) x measures, robustness: runs x
/// measures, ids, revision}, with the ids and revision of the network simulated.
py::dict to_python(const resilience::SimulationResult& res, const std::vector<std::string>& ids,
                   std::uint64_t revision) {
    const auto R = py::ssize_t(res.runs), S = py::ssize_t(res.steps),
               M = py::ssize_t(res.measures.size());
    py::array_t<std::int64_t> removed({R, S});
    auto* rp = removed.mutable_data();
    for (std::size_t i = 0; i < res.removed.size(); ++i) rp[i] = std::int64_t(res.removed[i]);
    py::array_t<double> values({R, S + 1, M});
    std::copy(res.values.begin(), res.values.end(), values.mutable_data());
    py::array_t<double> rob({R, M});
    std::copy(res.robustness.begin(), res.robustness.end(), rob.mutable_data());
    py::dict d;
    d["removed"] = removed;
    d["values"] = values;
    d["robustness"] = rob;
    d["ids"] = ids_to_numpy(ids);
    d["revision"] = revision;
    return d;
}

}  // namespace

void register_resilience(py::module_& m) {
    auto r = m.def_submodule("resilience", "what happens when organisations fail");
    r.def("articulation_points", [](const View& v) {
        return to_numpy_index(call_released([&] { return resilience::articulation_points(v); }));
    }, py::arg("view"));
    r.def("biconnected_components", [](const View& v) {
        const auto c = call_released([&] { return resilience::biconnected_components(v); });
        py::list out;
        for (const auto& x : c) out.append(to_numpy_index(x));
        return out;
    }, py::arg("view"));
    r.def("bridges", [](const View& v) {
        return to_python(call_released([&] { return resilience::bridges(v); }));
    }, py::arg("view"));
    r.def("immediate_dominators", [](const View& v, vertex_t entry) {
        const auto d = call_released([&] { return resilience::immediate_dominators(v, entry); });
        py::array_t<std::int64_t> a(py::ssize_t(d.size()));  // no dominator: -1
        auto* p = a.mutable_data();
        for (std::size_t i = 0; i < d.size(); ++i)
            p[i] = d[i] == resilience::no_dominator ? -1 : std::int64_t(d[i]);
        return a;
    }, py::arg("view"), py::arg("entry"));
    r.def("min_vertex_cut", [](const View& v, const std::vector<vertex_t>& sources,
                               const std::vector<vertex_t>& sinks) {
        return to_python(call_released([&] { return flow::min_vertex_cut(v, sources, sinks); }));
    }, py::arg("view"), py::arg("sources"), py::arg("sinks"));

    const resilience::FailureSelection selected;
    const resilience::VulnerabilityOptions vulnerability;
    r.def("vulnerability", [](const Network& net, const std::string& measure,
                              const std::vector<std::string>& layers, const std::string& chain,
                              const std::string& capacity, const std::string& fallback,
                              unsigned threads, py::object progress) {
        resilience::VulnerabilityOptions o;
        o.measure = resilience::parse_measure(measure);
        o.selection = selection(layers, chain, capacity, fallback);
        o.threads = threads;
        // the kernel reads a copy taken with the GIL held: the network may change (another
        // thread, the progress callback) while it runs with the GIL released
        const Network snapshot = net;
        auto out = call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return resilience::vulnerability(snapshot, options);
        });
        return py::make_tuple(to_numpy(std::move(out)), ids_to_numpy(*snapshot.ids()));
    }, py::arg("network"), py::arg("measure"), py::arg("layers"), py::arg("chain"),
       py::arg("capacity") = selected.capacity, py::arg("fallback") = selected.fallback,
       py::arg("threads") = vulnerability.threads, py::arg("progress") = py::none());

    const resilience::SimulationOptions simulation;
    r.def("simulate", [](const Network& net, const std::string& strategy, const std::string& target,
                         const std::vector<vertex_t>& order, bool recompute,
                         const std::vector<std::string>& measures,
                         const std::vector<std::string>& layers, const std::string& chain,
                         const std::string& capacity, const std::string& fallback,
                         std::size_t steps, std::size_t runs, std::uint64_t seed, unsigned threads,
                         py::object progress) {
        resilience::SimulationOptions o;
        o.strategy = parse_strategy(strategy);
        o.target = target;
        o.order = order;
        o.recompute = recompute;
        o.measures = parse_measures(measures);
        o.selection = selection(layers, chain, capacity, fallback);
        o.steps = steps;
        o.runs = runs;
        o.seed = seed;
        o.threads = threads;
        const Network snapshot = net;  // read while the GIL is released (see vulnerability)
        const std::uint64_t revision = net.revision();  // the state the copy holds
        const auto res = call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return resilience::simulate(snapshot, options);
        });
        return to_python(res, *snapshot.ids(), revision);
    }, py::arg("network"), py::arg("strategy"), py::arg("target"), py::arg("order"),
       py::arg("recompute"), py::arg("measures"), py::arg("layers"), py::arg("chain"),
       py::arg("capacity") = selected.capacity, py::arg("fallback") = selected.fallback,
       py::arg("steps") = simulation.steps, py::arg("runs") = simulation.runs,
       py::arg("seed") = simulation.seed, py::arg("threads") = simulation.threads,
       py::arg("progress") = py::none());

    const resilience::NullModelOptions null_model;
    r.def("null_model", [](const Network& net, const std::string& kind, std::uint64_t seed,
                           std::size_t swaps_per_relation) {
        resilience::NullModelOptions o;
        if (kind == "configuration") o.kind = resilience::NullModel::configuration;
        else if (kind == "erdos_renyi") o.kind = resilience::NullModel::erdos_renyi;
        else throw InputError("null_model: kind must be 'configuration' or 'erdos_renyi', not '" +
                              kind + "'");
        o.seed = seed;
        o.swaps_per_relation = swaps_per_relation;
        const Network snapshot = net;  // read while the GIL is released (see vulnerability)
        return call_released([&] { return resilience::null_model(snapshot, o); });
    }, py::arg("network"), py::arg("kind"), py::arg("seed") = null_model.seed,
       py::arg("swaps_per_relation") = null_model.swaps_per_relation);
}

}  // namespace ketennet::python
