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

}  // namespace

void register_cohesion(py::module_& m) {
    auto c = m.def_submodule("cohesion", "how integrated the network is");
    c.def("density", [](const View& v) { return cohesion::density(v); }, py::arg("view"));
    c.def("reciprocity", [](const View& v) { return cohesion::reciprocity(v); }, py::arg("view"));
    c.def("reciprocity_per_organisation", [](const View& v) {
        return to_numpy(cohesion::reciprocity_per_organisation(v));
    }, py::arg("view"));
    c.def("betweenness_centralization", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        return p.run([&](ProgressHandler h) { return cohesion::betweenness_centralization(v, threads, h); });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("closeness_centralization", [](const View& v, unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        return p.run([&](ProgressHandler h) { return cohesion::closeness_centralization(v, threads, h); });
    }, py::arg("view"), py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("qap", [](const View& a, const View& b, std::size_t permutations, std::uint64_t seed,
                    unsigned threads, py::object progress) {
        PythonProgress p(std::move(progress));
        auto r = p.run([&](ProgressHandler h) {
            cohesion::QapOptions o;
            o.permutations = permutations;
            o.seed = seed;
            o.threads = threads;
            o.progress = std::move(h);
            return cohesion::qap(a, b, o);
        });
        py::dict d;
        d["correlation"] = r.correlation;
        d["p_greater"] = r.p_greater;
        d["p_less"] = r.p_less;
        d["p_abs"] = r.p_abs;
        d["permutations"] = to_numpy(r.permutations);
        return d;
    }, py::arg("a"), py::arg("b"), py::arg("permutations") = 1000, py::arg("seed") = 0,
       py::arg("threads") = 0, py::arg("progress") = py::none());
    c.def("degree_centralization", [](const View& v, const std::string& direction) {
        return cohesion::degree_centralization(v, parse_direction(direction));
    }, py::arg("view"), py::arg("direction") = "all");

    // -- clustering
    c.def("clustering", [](const View& v) {
        std::vector<double> r;
        {
            py::gil_scoped_release release;
            r = cohesion::clustering(v);
        }
        return to_numpy(r);
    }, py::arg("view"));
    c.def("transitivity", [](const View& v) {
        py::gil_scoped_release release;
        return cohesion::transitivity(v);
    }, py::arg("view"));

    // -- components, cores, connectivity
    c.def("components", [](const View& v, const std::string& kind) {
        const auto k = parse_kind(kind);
        cohesion::Components r;
        {
            py::gil_scoped_release release;
            r = cohesion::components(v, k);
        }
        return py::make_tuple(to_numpy_index(r.label), to_numpy_index(r.size));
    }, py::arg("view"), py::arg("kind") = "weak");
    c.def("core_number", [](const View& v) {
        std::vector<std::size_t> r;
        {
            py::gil_scoped_release release;
            r = cohesion::core_number(v);
        }
        return to_numpy_index(r);
    }, py::arg("view"));
    c.def("node_connectivity", [](const View& v, std::optional<std::int64_t> s,
                                  std::optional<std::int64_t> t) {
        if (s.has_value() != t.has_value())
            throw InputError("node_connectivity: give both s and t, or neither");
        if (s) {
            const vertex_t a = checked_vertex(v, *s, "node_connectivity");
            const vertex_t b = checked_vertex(v, *t, "node_connectivity");
            py::gil_scoped_release release;
            return cohesion::node_connectivity(v, a, b);
        }
        py::gil_scoped_release release;
        return cohesion::node_connectivity(v);
    }, py::arg("view"), py::arg("s") = py::none(), py::arg("t") = py::none());
    c.def("edge_connectivity", [](const View& v, std::optional<std::int64_t> s,
                                  std::optional<std::int64_t> t) {
        if (s.has_value() != t.has_value())
            throw InputError("edge_connectivity: give both s and t, or neither");
        if (s) {
            const vertex_t a = checked_vertex(v, *s, "edge_connectivity");
            const vertex_t b = checked_vertex(v, *t, "edge_connectivity");
            py::gil_scoped_release release;
            return cohesion::edge_connectivity(v, a, b);
        }
        py::gil_scoped_release release;
        return cohesion::edge_connectivity(v);
    }, py::arg("view"), py::arg("s") = py::none(), py::arg("t") = py::none());

    // -- communities
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
        cohesion::CommunityResult r;
        {
            py::gil_scoped_release release;
            r = cohesion::communities(v, o);
        }
        return py::make_tuple(to_numpy_index(r.membership), r.modularity, r.levels);
    }, py::arg("view"), py::arg("method") = "louvain", py::arg("resolution") = 1.0,
       py::arg("seed") = 0, py::arg("threshold") = 1e-7, py::arg("iterations") = 2,
       py::arg("randomness") = 0.01);
    c.def("modularity", [](const View& v, const std::vector<std::size_t>& membership,
                           double resolution) {
        return cohesion::modularity(v, membership, resolution);
    }, py::arg("view"), py::arg("membership"), py::arg("resolution") = 1.0);
    c.def("partition_agreement", [](const std::vector<std::int64_t>& a,
                                    const std::vector<std::int64_t>& b) {
        const auto r = cohesion::partition_agreement(a, b);
        return py::make_tuple(r.nmi, r.ari);
    }, py::arg("a"), py::arg("b"));

    // -- multiplexity, complexity
    c.def("multiplexity", [](const Network& net, const std::vector<std::string>& layers) {
        const auto r = cohesion::multiplexity(net, layers);
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
    }, py::arg("network"), py::arg("layers"));
    c.def("complexity", [](const Network& net, const std::string& chain) {
        std::vector<cohesion::ComplexityRow> rows;
        {
            py::gil_scoped_release release;
            rows = cohesion::complexity(net, chain);
        }
        py::list out;
        for (const auto& r : rows)
            out.append(py::make_tuple(r.indicator, r.value, r.unit, r.meaning, r.source));
        return out;
    }, py::arg("network"), py::arg("chain") = "");
    c.def("path_lengths", [](const View& v) {
        cohesion::PathLengths r;
        {
            py::gil_scoped_release release;
            r = cohesion::path_lengths(v);
        }
        return py::make_tuple(r.diameter, r.average, r.pairs);
    }, py::arg("view"));
    c.def("single_intermediary_share", [](const View& v) {
        return cohesion::single_intermediary_share(v);
    }, py::arg("view"));
}

}  // namespace ketennet::python
