// Bindings of ketennet::cohesion (how integrated the network is).
#include "common.hpp"

namespace ketennet::python {

namespace {

cohesion::ComponentKind parse_kind(const std::string& kind) {
    if (kind == "weak") return cohesion::ComponentKind::weak;
    if (kind == "strong") return cohesion::ComponentKind::strong;
    throw InputError("kind must be 'weak' or 'strong', not '" + kind + "'");
}

vertex_t checked_vertex(const View& v, std::int64_t i, const char* what) {
    if (i < 0 || std::uint64_t(i) >= v.n())
        throw UnknownId(std::string(what) + ": organisation index " + std::to_string(i) + " out of range");
    return vertex_t(i);
}

/// {correlation, p_greater, p_less, p_abs, permutations}
py::dict to_python(const cohesion::QapResult& r) {
    py::dict d;
    d["correlation"] = r.correlation;
    d["p_greater"] = r.p_greater;
    d["p_less"] = r.p_less;
    d["p_abs"] = r.p_abs;
    d["permutations"] = to_numpy(r.permutations);
    return d;
}

/// (label, size) arrays
py::tuple to_python(const cohesion::Components& r) {
    return py::make_tuple(to_numpy_index(r.label), to_numpy_index(r.size));
}

/// (membership, modularity, levels)
py::tuple to_python(const cohesion::CommunityResult& r) {
    return py::make_tuple(to_numpy_index(r.membership), r.modularity, r.levels);
}

/// (nmi, ari)
py::tuple to_python(const cohesion::PartitionAgreement& r) { return py::make_tuple(r.nmi, r.ari); }

/// {layers, source, target, n_layers, pair_layers (names), multiplex_share, jaccard,
/// pairs_per_layer}: one entry per tied pair in source, target, n_layers and pair_layers.
py::dict to_python(const cohesion::Multiplexity& r) {
    std::vector<vertex_t> s, t;
    std::vector<std::size_t> k;
    py::list names;
    for (const auto& p : r.pairs) {
        s.push_back(p.source);
        t.push_back(p.target);
        k.push_back(p.layers.size());
        py::list l;
        for (auto i : p.layers) l.append(r.layers[i]);
        names.append(l);
    }
    py::dict d;
    d["layers"] = r.layers;
    d["source"] = to_numpy_index(s);
    d["target"] = to_numpy_index(t);
    d["n_layers"] = to_numpy_index(k);
    d["pair_layers"] = names;
    d["multiplex_share"] = r.multiplex_share;
    d["jaccard"] = to_numpy(r.jaccard);
    d["pairs_per_layer"] = to_numpy_index(r.pairs_per_layer);
    return d;
}

/// [(indicator, value, unit, meaning, source), ...]
py::list to_python(const std::vector<cohesion::ComplexityRow>& rows) {
    py::list out;
    for (const auto& r : rows)
        out.append(py::make_tuple(r.indicator, r.value, r.unit, r.meaning, r.source));
    return out;
}

/// (diameter, average, pairs)
py::tuple to_python(const cohesion::PathLengths& r) {
    return py::make_tuple(r.diameter, r.average, r.pairs);
}

}  // namespace

void register_cohesion(py::module_& m) {
    auto c = m.def_submodule("cohesion", "how integrated the network is");
    c.def("density", [](const View& v) { return cohesion::density(v); }, py::arg("view"));
    c.def("reciprocity", [](const View& v) { return cohesion::reciprocity(v); }, py::arg("view"));
    c.def("reciprocity_per_organisation", [](const View& v) {
        return to_numpy(cohesion::reciprocity_per_organisation(v));
    }, py::arg("view"));
    c.def("betweenness_centralization", [](const View& v, unsigned threads, py::object progress) {
        return call_released(std::move(progress), [&](ProgressHandler h) {
            return cohesion::betweenness_centralization(v, threads, h);
        });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("closeness_centralization", [](const View& v, unsigned threads, py::object progress) {
        return call_released(std::move(progress), [&](ProgressHandler h) {
            return cohesion::closeness_centralization(v, threads, h);
        });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    const cohesion::QapOptions qap;
    c.def("qap", [](const View& a, const View& b, std::size_t permutations, std::uint64_t seed,
                    unsigned threads, py::object progress) {
        cohesion::QapOptions o;
        o.permutations = permutations;
        o.seed = seed;
        o.threads = threads;
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return cohesion::qap(a, b, options);
        }));
    }, py::arg("a"), py::arg("b"), py::arg("permutations") = qap.permutations,
       py::arg("seed") = qap.seed, py::arg("threads") = qap.threads,
       py::arg("progress") = py::none());
    c.def("degree_centralization", [](const View& v, const std::string& direction) {
        return cohesion::degree_centralization(v, parse_direction(direction));
    }, py::arg("view"), py::arg("direction") = "all");

    // -- clustering
    c.def("clustering", [](const View& v) {
        return to_numpy(call_released([&] { return cohesion::clustering(v); }));
    }, py::arg("view"));
    c.def("transitivity", [](const View& v) {
        return call_released([&] { return cohesion::transitivity(v); });
    }, py::arg("view"));

    // -- components, cores, connectivity
    c.def("components", [](const View& v, const std::string& kind) {
        const auto k = parse_kind(kind);
        return to_python(call_released([&] { return cohesion::components(v, k); }));
    }, py::arg("view"), py::arg("kind") = "weak");
    c.def("core_number", [](const View& v) {
        return to_numpy_index(call_released([&] { return cohesion::core_number(v); }));
    }, py::arg("view"));
    c.def("node_connectivity", [](const View& v, std::optional<std::int64_t> s,
                                  std::optional<std::int64_t> t) {
        if (s.has_value() != t.has_value())
            throw InputError("node_connectivity: give both s and t, or neither");
        if (s) {
            const vertex_t a = checked_vertex(v, *s, "node_connectivity");
            const vertex_t b = checked_vertex(v, *t, "node_connectivity");
            return call_released([&] { return cohesion::node_connectivity(v, a, b); });
        }
        return call_released([&] { return cohesion::node_connectivity(v); });
    }, py::arg("view"), py::arg("s") = py::none(), py::arg("t") = py::none());
    c.def("edge_connectivity", [](const View& v, std::optional<std::int64_t> s,
                                  std::optional<std::int64_t> t) {
        if (s.has_value() != t.has_value())
            throw InputError("edge_connectivity: give both s and t, or neither");
        if (s) {
            const vertex_t a = checked_vertex(v, *s, "edge_connectivity");
            const vertex_t b = checked_vertex(v, *t, "edge_connectivity");
            return call_released([&] { return cohesion::edge_connectivity(v, a, b); });
        }
        return call_released([&] { return cohesion::edge_connectivity(v); });
    }, py::arg("view"), py::arg("s") = py::none(), py::arg("t") = py::none());

    // -- communities
    const cohesion::CommunityOptions community;
    c.def("communities", [](const View& v, const std::string& method, double resolution,
                            std::uint64_t seed, double threshold, int iterations, double randomness) {
        cohesion::CommunityOptions o;
        if (method == "louvain") o.method = cohesion::CommunityMethod::louvain;
        else if (method == "leiden") o.method = cohesion::CommunityMethod::leiden;
        else throw InputError("method must be 'louvain' or 'leiden', not '" + method + "'");
        o.resolution = resolution;
        o.seed = seed;
        o.threshold = threshold;
        o.iterations = iterations;
        o.randomness = randomness;
        return to_python(call_released([&] { return cohesion::communities(v, o); }));
    }, py::arg("view"), py::arg("method") = "louvain", py::arg("resolution") = community.resolution,
       py::arg("seed") = community.seed, py::arg("threshold") = community.threshold,
       py::arg("iterations") = community.iterations, py::arg("randomness") = community.randomness);
    c.def("modularity", [](const View& v, const std::vector<std::size_t>& membership,
                           double resolution) {
        return cohesion::modularity(v, membership, resolution);
    }, py::arg("view"), py::arg("membership"), py::arg("resolution") = 1.0);
    c.def("partition_agreement", [](const std::vector<std::int64_t>& a,
                                    const std::vector<std::int64_t>& b) {
        return to_python(cohesion::partition_agreement(a, b));
    }, py::arg("a"), py::arg("b"));

    // -- multiplexity, complexity
    c.def("multiplexity", [](const Network& net, const std::vector<std::string>& layers) {
        return to_python(cohesion::multiplexity(net, layers));
    }, py::arg("network"), py::arg("layers"));
    c.def("complexity", [](const Network& net, const std::string& chain) {
        const Network snapshot = net;  // read with the GIL released (see call.hpp)
        return to_python(call_released([&] { return cohesion::complexity(snapshot, chain); }));
    }, py::arg("network"), py::arg("chain") = "");
    c.def("path_lengths", [](const View& v) {
        return to_python(call_released([&] { return cohesion::path_lengths(v); }));
    }, py::arg("view"));
    c.def("single_intermediary_share", [](const View& v) {
        return cohesion::single_intermediary_share(v);
    }, py::arg("view"));
}

}  // namespace ketennet::python
