#pragma once
/// @file selection.ipp
/// @brief Definitions of flow/selection.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/flow/selection.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/model/projection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

KETENNET_INLINE std::string quoted_list(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (k) s += (k + 1 == names.size()) ? " and " : ", ";
        s += "'" + names[k] + "'";
    }
    return s;
}

KETENNET_INLINE std::vector<std::string> layers_carrying(const Network& net,
                                                const std::vector<std::string>& names) {
    std::vector<RelationValue> read;
    for (const auto& name : names) read.emplace_back(net, name);
    return layers_where(net, [&](std::size_t i) {
        for (const auto& r : read)
            if (std::isnan(r(i))) return false;
        return true;
    });
}

KETENNET_INLINE std::vector<std::string> directed_layers(const Network& net) {
    std::vector<std::string> out;
    std::vector<char> used(net.layers().size(), 0);
    for (std::size_t i = 0; i < net.relation_count(); ++i) used[net.relation_layer(i)] = 1;
    for (std::size_t l = 0; l < net.layers().size(); ++l)
        if (used[l] && net.layers()[l].directed) out.push_back(net.layers()[l].name);
    return out;
}

KETENNET_INLINE std::string describe_missing(const Network& net, const std::vector<std::string>& names,
                                    std::optional<LayerKind> kind) {
    for (const auto& name : names)
        if (!name.empty() && !net.has_relation_value(name)) return net.no_relation_has(name);
    const std::size_t L = net.layers().size();
    std::vector<std::size_t> total(L, 0), missing(L, 0);
    std::vector<RelationValue> read;
    for (const auto& name : names) read.emplace_back(net, name);
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        const std::uint32_t l = net.relation_layer(i);
        ++total[l];
        for (const auto& r : read)
            if (std::isnan(r(i))) {
                ++missing[l];
                break;
            }
    }
    std::string s;
    for (std::size_t l = 0; l < L; ++l) {
        if (total[l] == 0 || (kind && net.layers()[l].kind != *kind)) continue;
        if (!s.empty()) s += "; ";
        s += "layer '" + net.layers()[l].name + "': " + std::to_string(missing[l]) + " of " +
             std::to_string(total[l]) + " relations lack " +
             (names.size() > 1 ? "one of them" : "it");
    }
    return s.empty() ? std::string("the network has no relations") : s;
}

KETENNET_INLINE std::vector<std::string> select_layers(const Network& net,
                                              const std::vector<std::string>& layers,
                                              const std::vector<std::string>& names,
                                              const std::string& what) {
    for (const auto& l : layers) net.layer_position(l);  // UnknownId for unknown layers
    if (!layers.empty()) return layers;
    auto out = layers_carrying(net, names);
    if (out.empty()) {
        for (const auto& name : names)
            if (!net.has_relation_value(name)) throw InputError(what + ": " + net.no_relation_has(name));
        throw InputError(what + ": no layer in which every relation carries " +
                         quoted_list(names) + " (" + describe_missing(net, names) +
                         "); fill in the values or name the layers to read (layers)");
    }
    return out;
}

KETENNET_INLINE std::string layers_with_kinds(const Network& net) {
    std::string s;
    for (const auto& l : net.layers())
        s += (s.empty() ? "'" : ", '") + l.name + "' (" + layer_kind_name(l.kind) + ")";
    return s.empty() ? std::string("none") : s;
}

KETENNET_INLINE std::vector<std::string> select_case_layers(const Network& net,
                                                   const std::vector<std::string>& layers,
                                                   const std::vector<std::string>& names,
                                                   const std::string& what) {
    for (const auto& l : layers) net.layer_position(l);  // UnknownId for unknown layers
    if (!layers.empty()) return layers;
    const auto cases = net.layers_of_kind(LayerKind::cases);
    if (cases.empty())
        throw InputError(what + ": the network has no case layer (layers: " +
                         layers_with_kinds(net) +
                         "); chain indicators read the layers on which cases pass from one "
                         "organisation to the next, never messages or ties. Declare one with "
                         "kind 'case' (set_layer_kind, or the kind given to add_layer; JSON: "
                         "\"kind\": \"case\"), or name the layers to read (layers)");
    std::vector<std::string> out;
    for (const auto& l : layers_carrying(net, names))
        if (net.layer(l).kind == LayerKind::cases) out.push_back(l);
    if (out.empty()) {
        if (names.empty())
            throw InputError(what + ": the case layer" + (cases.size() > 1 ? "s " : " ") +
                             quoted_list(cases) + " hold" + (cases.size() > 1 ? "" : "s") +
                             " no relations; add relations or name the layers to read (layers)");
        throw InputError(what + ": no case layer in which every relation carries " +
                         quoted_list(names) + " (" +
                         describe_missing(net, names, LayerKind::cases) +
                         "); fill in the values or name the layers to read (layers)");
    }
    return out;
}

KETENNET_INLINE std::vector<std::string> select_capacity_layers(const Network& net,
                                                       const std::vector<std::string>& layers,
                                                       const std::string& capacity,
                                                       const std::string& fallback,
                                                       const std::string& what) {
    if (fallback.empty() || !layers.empty())
        return select_case_layers(net, layers, {capacity}, what);
    // checks that a case layer with relations exists (InputError otherwise); the layers
    // themselves are chosen below, by capacity or fallback
    static_cast<void>(select_case_layers(net, layers, {}, what));
    const RelationValue cap(net, capacity), alt(net, fallback);
    std::vector<std::string> out;
    for (const auto& l : layers_where(net, [&](std::size_t i) {
             return !std::isnan(cap(i)) || !std::isnan(alt(i));
         }))
        if (net.layer(l).kind == LayerKind::cases) out.push_back(l);
    if (out.empty())
        throw InputError(what + ": no case layer in which every relation carries '" + capacity +
                         "' or '" + fallback + "' (" +
                         describe_missing(net, {capacity, fallback}, LayerKind::cases) + ")");
    return out;
}

KETENNET_INLINE std::vector<std::string> feedback_layers(const Network& net) {
    std::vector<std::string> out;
    for (const auto& l : directed_layers(net))
        if (net.layer(l).kind != LayerKind::tie) out.push_back(l);
    return out;
}

KETENNET_INLINE CapacityView capacity_view(const Network& net, const std::vector<std::string>& layers,
                                  const std::string& capacity, const std::string& fallback) {
    net.require_relation_value(capacity);
    if (!fallback.empty()) net.require_relation_value(fallback);
    CapacityView out;
    std::size_t used = 0, count = 0;
    const RelationValue cap(net, capacity), alt(net, fallback);
    auto value_of = [&](std::size_t i) {
        ++count;
        double c = cap(i);
        if (std::isnan(c) && !fallback.empty()) {
            c = alt(i);
            if (!std::isnan(c)) ++used;
        }
        return c;
    };
    const std::string label = fallback.empty() ? capacity : capacity + " (else " + fallback + ")";
    const std::string lacking =
        fallback.empty() ? "the capacity '" + capacity + "'"
                         : "both the capacity '" + capacity + "' and the fallback '" + fallback + "'";
    out.view = project_view(net, layers, label, Combine::sum, /*weighted=*/true, value_of,
                            {lacking, {}});
    out.relations = count;
    out.fallback = used;
    return out;
}

KETENNET_INLINE RoutedView routed_view(const Network& net, const std::vector<std::string>& layers,
                              const std::string& routing, const std::string& second) {
    LayerSelection sel = layer_selection(net, layers);
    sel.options.weight = routing;
    sel.options.combine = Combine::sum;
    const bool directed = sel.directed;
    struct Acc {
        double w = 0, wx = 0, x = 0;
        std::size_t k = 0;
    };
    std::map<std::pair<vertex_t, vertex_t>, Acc> acc;
    const RelationValue read_w(net, routing), read_x(net, second);
    double w = 0, x = 0;  // the values of the relation being projected
    project_relations(
        net, sel,
        [&](std::size_t i) {
            w = read_w(i);
            x = read_x(i);
            return std::isnan(w) || std::isnan(x) ? w + x : w;
        },
        [&](vertex_t a, vertex_t b, double, std::size_t) {
            if (!directed && a > b) std::swap(a, b);
            Acc& c = acc[{a, b}];
            c.w += w;
            c.wx += w * x;
            c.x += x;
            ++c.k;
        },
        [&](std::size_t i) {
            return net.relation(i).label() + " (" + (std::isnan(w) ? routing : second) + ")";
        },
        {"'" + routing + "' or '" + second + "'", {routing, second}});
    std::vector<Arc> arcs;
    std::vector<double> values;
    arcs.reserve(acc.size());
    values.reserve(acc.size());
    for (const auto& [key, c] : acc) {  // std::map: sorted by (source, target) as View::build
        arcs.push_back(Arc{key.first, key.second, c.w});
        values.push_back(c.w > 0 ? c.wx / c.w : c.x / double(c.k));
    }
    RoutedView out;
    out.view = View::build(vertex_t(net.organisation_count()), directed, true, std::move(arcs),
                           Combine::sum, std::move(sel.options), net.ids(), net.revision());
    out.value = std::move(values);
    // the edge ids of the view follow the sorted pairs: check the alignment once
    const auto src = out.view->edge_sources();
    const auto tgt = out.view->edge_targets();
    if (src.size() != out.value.size()) throw Error("routed_view: edge alignment lost");
    std::size_t e = 0;
    for (const auto& [key, c] : acc) {
        if (src[e] != key.first || tgt[e] != key.second)
            throw Error("routed_view: edge alignment lost");
        ++e;
    }
    return out;
}

KETENNET_INLINE std::vector<std::string> tie_layers(const Network& net, const std::vector<std::string>& layers,
                                           vertex_t u, vertex_t v) {
    std::vector<std::string> out;
    const std::string& a = net.organisation(u).id;
    const std::string& b = net.organisation(v).id;
    auto check = [&](const std::string& name) {
        if (net.find_relation(a, b, name)) out.push_back(name);
    };
    if (layers.empty())
        for (const auto& l : net.layers()) check(l.name);
    else
        for (const auto& l : layers) check(l);
    return out;
}

KETENNET_INLINE std::vector<std::vector<std::string>> tie_layers(const Network& net,
                                                        const std::vector<std::string>& layers,
                                                        const std::vector<vertex_t>& sources,
                                                        const std::vector<vertex_t>& targets) {
    if (sources.size() != targets.size())
        throw InputError("tie_layers: sources and targets differ in length");
    std::vector<std::vector<std::string>> out;
    out.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (sources[i] >= net.organisation_count() || targets[i] >= net.organisation_count())
            throw InputError("tie_layers: organisation index out of range");
        out.push_back(tie_layers(net, layers, sources[i], targets[i]));
    }
    return out;
}

KETENNET_INLINE vertex_t vertex_of(const Network& net, const std::string& id, const std::string& what) {
    auto v = net.find_organisation(id);
    if (!v) throw UnknownId("unknown " + what + " organisation '" + id + "'");
    return *v;
}

KETENNET_INLINE void check_vertices(const View& g, const std::vector<vertex_t>& vs, const char* what) {
    std::vector<char> seen(g.n(), 0);
    for (vertex_t v : vs) {
        if (v >= g.n())
            throw InputError(std::string(what) + ": organisation index " + std::to_string(v) +
                             " is out of range (the view has " + std::to_string(g.n()) + ")");
        if (seen[v]) throw InputError(std::string(what) + ": '" + g.id(v) + "' is listed twice");
        seen[v] = 1;
    }
}

KETENNET_INLINE void check_disjoint(const View& g, const std::vector<vertex_t>& a,
                           const std::vector<vertex_t>& b, const std::string& what,
                           const char* a_name, const char* b_name) {
    std::vector<char> in_a(g.n(), 0);
    for (vertex_t v : a) in_a[v] = 1;
    for (vertex_t v : b)
        if (in_a[v])
            throw InputError(what + ": '" + g.id(v) + "' is both a " + a_name + " and a " +
                             b_name + "; they must differ");
}

KETENNET_INLINE void ResolvedChain::require_ends(const Network& net, const std::string& where) const {
    if (stages.size() < 2)
        throw InputError(where + " has " + std::to_string(stages.size()) +
                         " stage(s); chain measures need at least two (an entry and an exit)");
    if (stages.front().empty())
        throw InputError(where + ": the first stage '" + stage_names.front() + "' is empty");
    if (stages.back().empty())
        throw InputError(where + ": the last stage '" + stage_names.back() + "' is empty");
    for (vertex_t a : stages.front())
        for (vertex_t b : stages.back())
            if (a == b)
                throw InputError(where + ": organisation '" + net.organisation(a).id +
                                 "' is in both the first and the last stage");
}

KETENNET_INLINE ResolvedChain resolve_chain(const Network& net, const Chain& chain) {
    net.check_chain(chain);
    ResolvedChain out;
    out.name = chain.name;
    for (const Stage& st : chain.stages) {
        std::vector<vertex_t> vs;
        for (const auto& id : st.organisations) vs.push_back(net.index_of(id));
        out.stage_names.push_back(st.name);
        out.stages.push_back(std::move(vs));
    }
    return out;
}

}  // namespace ketennet::flow
