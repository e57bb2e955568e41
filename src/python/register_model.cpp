// Bindings of the model: Network and View.
#include <cmath>
#include <limits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common.hpp"

namespace ketennet::python {
namespace {

std::optional<double> opt(const py::object& o, const char* field, const std::string& where) {
    if (o.is_none()) return std::nullopt;
    const bool numpy_bool = py::hasattr(o, "dtype") && std::string(py::str(o.attr("dtype").attr("kind"))) == "b";
    if (PyBool_Check(o.ptr()) || numpy_bool)
        throw InputError(where + ": field '" + field + "' must be a number, not a bool");
    double x;
    try {
        x = o.cast<double>();
    } catch (const py::cast_error&) {
        throw InputError(where + ": field '" + field + "' must be a number or None, not " +
                         std::string(py::str(py::type::of(o).attr("__name__"))));
    }
    return x;
}

Relation make_relation(const std::string& s, const std::string& t, const std::string& l,
                       const py::object& volume, const py::object& latency, const py::object& quality,
                       const py::object& capacity, const py::object& attributes) {
    Relation r{s, t, l, {}, {}, {}, {}, {}};
    const std::string where = "relation " + r.label();
    r.volume = opt(volume, "volume", where);
    r.latency = opt(latency, "latency", where);
    r.quality = opt(quality, "quality", where);
    r.capacity = opt(capacity, "capacity", where);
    r.attributes = to_attributes(attributes, where);
    return r;
}

/// The kind named @p kind for layer @p layer; InputError (ValueError) listing the kinds.
LayerKind layer_kind_of(const std::string& kind, const std::string& layer) {
    if (auto k = parse_layer_kind(kind)) return *k;
    throw InputError("layer '" + layer + "': unknown kind '" + kind +
                     "' (kinds: case, information, tie)");
}

py::dict relation_dict(const Relation& r) {
    py::dict d;
    d["source"] = r.source;
    d["target"] = r.target;
    d["layer"] = r.layer;
    for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
        const auto& v = r.get(f);
        d[field_name(f)] = v ? py::object(py::float_(*v)) : py::object(py::none());
    }
    d["attributes"] = from_attributes(r.attributes);
    return d;
}

py::dict organisation_dict(const Organisation& o) {
    py::dict d;
    d["id"] = o.id;
    d["name"] = o.name;
    d["sector"] = o.sector;
    d["attributes"] = from_attributes(o.attributes);
    return d;
}

Chain make_chain(const std::string& name, const py::list& stages) {
    Chain c{name, {}};
    for (auto s : stages) {
        auto t = s.cast<py::tuple>();
        if (t.size() != 2) throw InputError("chain '" + name + "': each stage is (name, [organisation ids])");
        c.stages.push_back(Stage{t[0].cast<std::string>(), t[1].cast<std::vector<std::string>>()});
    }
    return c;
}

py::list chain_stages(const Chain& c) {
    py::list out;
    for (const auto& s : c.stages) out.append(py::make_tuple(s.name, s.organisations));
    return out;
}

/// Factorised string column -> vertex or layer indices, naming the first bad row.
template <class Lookup>
std::vector<std::uint32_t> resolve_codes(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& codes,
                                         const std::vector<std::string>& uniques, Lookup lookup,
                                         const std::string& record, const char* column) {
    std::vector<std::int64_t> map(uniques.size(), -1);
    std::vector<std::string> unknown(uniques.size());
    for (std::size_t u = 0; u < uniques.size(); ++u) {
        auto idx = lookup(uniques[u]);
        if (idx) map[u] = std::int64_t(*idx);
    }
    const auto n = std::size_t(codes.size());
    const std::int64_t* c = codes.data();
    std::vector<std::uint32_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (c[i] < 0 || std::size_t(c[i]) >= uniques.size())
            throw InputError(record + " " + std::to_string(i) + ": missing value in column '" + column + "'");
        const std::int64_t v = map[std::size_t(c[i])];
        if (v < 0) {
            const bool is_layer = std::string(column) == "layer";
            throw UnknownId(record + " " + std::to_string(i) + ": unknown " +
                            (is_layer ? "layer '" : std::string(column) + " organisation '") +
                            uniques[std::size_t(c[i])] + "'" +
                            (is_layer ? " (declare it with add_layer or the directed= argument)" : ""));
        }
        out[i] = std::uint32_t(v);
    }
    return out;
}

}  // namespace

void register_model(py::module_& m) {
    py::class_<View, std::shared_ptr<View>>(m, "View",
        "Immutable CSR projection of chosen layers of a network with one weight "
        "(see include/ketennet/view/view.hpp). Built and cached by Network.view().")
        .def_property_readonly("n", &View::n, "number of organisations (vertices)")
        .def_property_readonly("m", &View::m, "number of edges after merging layers")
        .def_property_readonly("directed", &View::directed)
        .def_property_readonly("weighted", &View::weighted)
        .def_property_readonly("weight", [](const View& v) { return v.options().weight; })
        .def_property_readonly("layers", [](const View& v) { return v.options().layers; })
        .def_property_readonly("combine", [](const View& v) { return std::string(combine_name(v.options().combine)); })
        .def_property_readonly("ids", [](const View& v) { return v.ids(); })
        .def("ids_array", [](const View& v) { return ids_to_numpy(v.ids()); },
             "the organisation ids of the view as a NumPy object array of str")
        .def_property_readonly("revision", &View::revision)
        .def("edges", [](const View& v) {
            std::vector<vertex_t> s(v.edge_sources().begin(), v.edge_sources().end());
            std::vector<vertex_t> t(v.edge_targets().begin(), v.edge_targets().end());
            std::vector<double> w(v.edge_weights().begin(), v.edge_weights().end());
            return py::make_tuple(to_numpy_index(s), to_numpy_index(t), to_numpy(w));
        }, "(sources, targets, weights) as NumPy arrays of vertex indices and weights")
        .def("__repr__", [](const View& v) {
            return "<ketennet View n=" + std::to_string(v.n()) + " m=" + std::to_string(v.m()) +
                   (v.directed() ? " directed" : " undirected") +
                   (v.weighted() ? " weight='" + v.options().weight + "'" : " unweighted") + ">";
        });

    py::class_<Network>(m, "Network", "The mutable network model (see ketennet.Network).")
        .def(py::init<std::string>(), py::arg("name") = "")
        .def_property("name", &Network::name, &Network::set_name)
        .def_property("metadata_json",
            [](const Network& n) { return n.metadata().dump(); },
            [](Network& n, const std::string& s) {
                nlohmann::ordered_json j;
                try {
                    j = nlohmann::ordered_json::parse(s);
                } catch (const std::exception& e) {
                    throw InputError(std::string("metadata is not valid JSON: ") + e.what());
                }
                n.set_metadata(std::move(j));
            })
        .def("set_metadata_json", [](Network& n, const std::string& s, std::size_t json_depth) {
                nlohmann::ordered_json j;
                try {
                    j = nlohmann::ordered_json::parse(s);
                } catch (const std::exception& e) {
                    throw InputError(std::string("metadata is not valid JSON: ") + e.what());
                }
                n.set_metadata(std::move(j), json_depth);
            }, py::arg("text"), py::arg("json_depth") = 256,
            "Sets the metadata from JSON text; nesting is held to json_depth levels as written "
            "in a document (metadata is level 2)")
        .def_property_readonly("revision", &Network::revision)
        .def("__eq__", [](const Network& a, const Network& b) { return a == b; })
        .def("copy", [](const Network& n) { return Network(n); })
        // layers
        .def("add_layer", [](Network& n, const std::string& name, bool directed,
                             const std::optional<std::string>& kind) {
            n.add_layer(name, directed, kind ? std::optional<LayerKind>(layer_kind_of(*kind, name))
                                             : std::nullopt);
        }, py::arg("name"), py::arg("directed") = true, py::arg("kind") = py::none())
        .def("has_layer", &Network::has_layer)
        .def("remove_layer", &Network::remove_layer)
        .def("set_layer_kind", [](Network& n, const std::string& name, const std::string& kind) {
            n.layer_position(name);  // UnknownId first
            n.set_layer_kind(name, layer_kind_of(kind, name));
        }, py::arg("name"), py::arg("kind"))
        .def("layers", [](const Network& n) {
            std::vector<std::tuple<std::string, bool, std::string>> out;
            for (const auto& l : n.layers()) out.emplace_back(l.name, l.directed, layer_kind_name(l.kind));
            return out;
        })
        // organisations
        .def_property_readonly("organisation_count", &Network::organisation_count)
        .def("add_organisation", [](Network& n, const std::string& id, const std::string& name,
                                    const std::string& sector, const py::object& attrs) {
            n.add_organisation(Organisation{id, name, sector, to_attributes(attrs, "organisation '" + id + "'")});
        }, py::arg("id"), py::arg("name") = "", py::arg("sector") = "", py::arg("attributes") = py::none())
        .def("set_organisation", [](Network& n, const std::string& id, const std::string& name,
                                    const std::string& sector, const py::object& attrs) {
            n.set_organisation(Organisation{id, name, sector, to_attributes(attrs, "organisation '" + id + "'")});
        }, py::arg("id"), py::arg("name") = "", py::arg("sector") = "", py::arg("attributes") = py::none())
        .def("add_organisations", [](Network& n, const std::vector<std::string>& ids,
                                     const std::vector<std::string>& names,
                                     const std::vector<std::string>& sectors, const py::list& attrs,
                                     const std::string& record) {
            if (names.size() != ids.size() || sectors.size() != ids.size() ||
                (attrs.size() != 0 && attrs.size() != ids.size()))
                throw InputError("add_organisations: columns differ in length");
            // all-or-nothing: check on a copy of the index first
            std::unordered_map<std::string, std::size_t> seen;
            std::vector<Organisation> orgs;
            orgs.reserve(ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const std::string where = record + " " + std::to_string(i) + " (id '" + ids[i] + "')";
                if (ids[i].empty()) throw InputError(record + " " + std::to_string(i) + ": empty organisation id");
                if (n.has_organisation(ids[i]))
                    throw InputError(where + ": duplicate organisation id (already in the network)");
                auto [it, fresh] = seen.emplace(ids[i], i);
                if (!fresh)
                    throw InputError(where + ": duplicate organisation id (also " + record + " " +
                                     std::to_string(it->second) + ")");
                Attributes a = attrs.size() ? to_attributes(attrs[i], where) : Attributes{};
                check_attributes(a, where, {"id", "name", "sector"});
                orgs.push_back(Organisation{ids[i], names[i], sectors[i], std::move(a)});
            }
            for (auto& o : orgs) n.add_organisation(std::move(o));
        }, py::arg("ids"), py::arg("names"), py::arg("sectors"), py::arg("attributes"), py::arg("record") = "row")
        .def("has_organisation", &Network::has_organisation)
        .def("organisation", [](const Network& n, const std::string& id) { return organisation_dict(n.organisation(id)); })
        .def("remove_organisation", &Network::remove_organisation)
        .def("organisation_ids", [](const Network& n) { return *n.ids(); })
        .def("organisation_ids_array", [](const Network& n) { return ids_to_numpy(*n.ids()); }, "organisation ids in order as a NumPy object array of str")
        .def("index_of", &Network::index_of)
        .def("organisations_table", [](const Network& n) {
            py::dict t;
            std::vector<std::string> ids, names, sectors;
            std::map<std::string, std::vector<py::object>> attrs;
            const auto& orgs = n.organisations();
            for (const auto& o : orgs)
                for (const auto& [k, v] : o.attributes) attrs.emplace(k, std::vector<py::object>(orgs.size(), py::none()));
            for (std::size_t i = 0; i < orgs.size(); ++i) {
                ids.push_back(orgs[i].id);
                names.push_back(orgs[i].name);
                sectors.push_back(orgs[i].sector);
                for (const auto& [k, v] : orgs[i].attributes) attrs[k][i] = from_attribute(v);
            }
            t["id"] = ids;
            t["name"] = names;
            t["sector"] = sectors;
            py::dict a;
            for (auto& [k, v] : attrs) a[py::str(k)] = py::cast(v);
            t["attributes"] = a;
            return t;
        })
        // relations
        .def_property_readonly("relation_count", &Network::relation_count)
        .def("add_relation", [](Network& n, const std::string& s, const std::string& t, const std::string& l,
                                const py::object& volume, const py::object& latency, const py::object& quality,
                                const py::object& capacity, const py::object& attrs) {
            n.add_relation(make_relation(s, t, l, volume, latency, quality, capacity, attrs));
        }, py::arg("source"), py::arg("target"), py::arg("layer"), py::arg("volume") = py::none(),
           py::arg("latency") = py::none(), py::arg("quality") = py::none(), py::arg("capacity") = py::none(),
           py::arg("attributes") = py::none())
        .def("set_relation", [](Network& n, const std::string& s, const std::string& t, const std::string& l,
                                const py::object& volume, const py::object& latency, const py::object& quality,
                                const py::object& capacity, const py::object& attrs) {
            n.set_relation(make_relation(s, t, l, volume, latency, quality, capacity, attrs));
        }, py::arg("source"), py::arg("target"), py::arg("layer"), py::arg("volume") = py::none(),
           py::arg("latency") = py::none(), py::arg("quality") = py::none(), py::arg("capacity") = py::none(),
           py::arg("attributes") = py::none())
        .def("has_relation", &Network::has_relation)
        .def("relation", [](const Network& n, const std::string& s, const std::string& t, const std::string& l) {
            return relation_dict(n.relation(s, t, l));
        })
        .def("remove_relation", &Network::remove_relation)
        .def("add_relations_columns", [](Network& n,
                 const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& src_codes,
                 const std::vector<std::string>& src_uniques,
                 const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& tgt_codes,
                 const std::vector<std::string>& tgt_uniques,
                 const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& layer_codes,
                 const std::vector<std::string>& layer_uniques,
                 const std::vector<std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>>>& fields,
                 const py::list& attributes, const std::string& record) {
            RelationColumns c;
            c.record = record;
            auto org = [&](const std::string& id) { return n.find_organisation(id); };
            auto lay = [&](const std::string& name) -> std::optional<std::uint32_t> {
                if (!n.has_layer(name)) return std::nullopt;
                return n.layer_position(name);
            };
            c.source = resolve_codes(src_codes, src_uniques, org, record, "source");
            c.target = resolve_codes(tgt_codes, tgt_uniques, org, record, "target");
            c.layer = resolve_codes(layer_codes, layer_uniques, lay, record, "layer");
            if (fields.size() != 4) throw InputError("add_relations_columns: four field columns expected");
            for (int f = 0; f < 4; ++f)
                if (fields[f]) c.fields[f].assign(fields[f]->data(), fields[f]->data() + fields[f]->size());
            for (auto item : attributes) {
                auto t = item.cast<py::tuple>();  // (name, kind, data, categories)
                AttributeColumn a;
                a.name = t[0].cast<std::string>();
                const std::string kind = t[1].cast<std::string>();
                if (kind == "number") {
                    a.kind = AttributeColumn::Kind::number;
                    auto arr = t[2].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
                    a.numbers.assign(arr.data(), arr.data() + arr.size());
                } else if (kind == "boolean") {
                    a.kind = AttributeColumn::Kind::boolean;
                    auto arr = t[2].cast<py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>>();
                    a.booleans.assign(arr.data(), arr.data() + arr.size());
                } else if (kind == "string") {
                    a.kind = AttributeColumn::Kind::string;
                    auto arr = t[2].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
                    a.codes.assign(arr.data(), arr.data() + arr.size());
                    a.categories = t[3].cast<std::vector<std::string>>();
                } else {
                    throw InputError("attribute column '" + a.name + "': unknown kind " + kind);
                }
                c.attributes.push_back(std::move(a));
            }
            call_released([&] { n.add_relations(c); });
        })
        .def("relations_table", [](const Network& n) {
            const std::size_t m = n.relation_count();
            std::vector<vertex_t> s(m), t(m);
            std::vector<std::uint32_t> l(m);
            std::array<std::vector<double>, 4> f;
            for (auto& x : f) x.resize(m);
            std::map<std::string, std::vector<py::object>> attrs;
            for (std::size_t i = 0; i < m; ++i) {
                s[i] = n.relation_source(i);
                t[i] = n.relation_target(i);
                l[i] = n.relation_layer(i);
                for (int k = 0; k < 4; ++k) f[k][i] = n.relation_field(i, Field(k));
                for (const auto& [key, v] : n.relation_attributes(i)) {
                    auto it = attrs.find(key);
                    if (it == attrs.end()) it = attrs.emplace(key, std::vector<py::object>(m, py::none())).first;
                    it->second[i] = from_attribute(v);
                }
            }
            py::dict d;
            d["source"] = to_numpy_index(s);
            d["target"] = to_numpy_index(t);
            d["layer"] = to_numpy_index(l);
            for (int k = 0; k < 4; ++k) d[field_name(Field(k))] = to_numpy(f[k]);
            py::dict a;
            for (auto& [k, v] : attrs) a[py::str(k)] = py::cast(v);
            d["attributes"] = a;
            return d;
        })
        // chains
        .def("add_chain", [](Network& n, const std::string& name, const py::list& stages) { n.add_chain(make_chain(name, stages)); })
        .def("set_chain", [](Network& n, const std::string& name, const py::list& stages) { n.set_chain(make_chain(name, stages)); })
        .def("chain", [](const Network& n, const std::string& name) { return chain_stages(n.chain(name)); })
        .def("has_chain", &Network::has_chain)
        .def("chain_names", [](const Network& n) {
            std::vector<std::string> out;
            for (const auto& c : n.chains()) out.push_back(c.name);
            return out;
        })
        .def("remove_chain", &Network::remove_chain)
        // subnetworks and views
        .def("induced", &Network::induced)
        .def("select_layers", &Network::select_layers)
        .def("view", [](const Network& n, const std::optional<std::vector<std::string>>& layers,
                        const std::optional<std::string>& weight, const std::string& combine) {
            ViewOptions o;
            if (layers) o.layers = *layers;
            if (weight) o.weight = *weight;
            if (combine == "sum") o.combine = Combine::sum;
            else if (combine == "min") o.combine = Combine::min;
            else if (combine == "max") o.combine = Combine::max;
            else throw InputError("combine must be 'sum', 'min' or 'max', not '" + combine + "'");
            return std::const_pointer_cast<View>(n.view(o));
        }, py::arg("layers") = py::none(), py::arg("weight") = py::none(),
       py::arg("combine") = std::string(combine_name(ViewOptions{}.combine)));

    // What-if scenarios (model/scenario.hpp): the base network is copied once, when the
    // scenario is made; every scenario built from it shares that copy.
    py::class_<Scenario>(m, "Scenario", "An immutable what-if builder (see ketennet.Scenario).")
        .def(py::init([](const Network& net) { return Scenario(std::make_shared<const Network>(net)); }),
             py::arg("network"))
        .def("changes", &Scenario::changes)
        .def("remove_organisations", &Scenario::remove_organisations, py::arg("ids"))
        .def("remove_relation", &Scenario::remove_relation, py::arg("source"), py::arg("target"),
             py::arg("layer"))
        .def("remove_layer", &Scenario::remove_layer, py::arg("layer"))
        .def("degrade", [](const Scenario& s, const std::string& source, const std::string& target,
                           const std::string& layer, std::optional<double> volume, std::optional<double> latency,
                           std::optional<double> quality, std::optional<double> capacity) {
            return s.degrade(source, target, layer, Degradation{volume, latency, quality, capacity});
        }, py::arg("source"), py::arg("target"), py::arg("layer"), py::arg("volume") = py::none(),
           py::arg("latency") = py::none(), py::arg("quality") = py::none(), py::arg("capacity") = py::none())
        .def("apply", &Scenario::apply);
}

}  // namespace ketennet::python
