#pragma once
/// @file projection.hpp
/// @brief The one projection of a Network onto a weighted View: which relations of the
/// selected layers become arcs, with which value, and how relations lacking it are reported.
///
/// Network::view() and the flow views (flow::capacity_view, flow::routed_view) all project
/// through project_relations(), so they agree on the conventions:
/// - the selected layers are the named ones (every layer when none is named); the view is
///   directed when one of them is, and a relation of an undirected layer then gives two arcs
///   (one, for a self-loop);
/// - a relation's value is a standard field or a numeric attribute (relation_value()); an
///   attribute of another type is an InputError naming the relation;
/// - relations whose value is unknown (NaN) are never dropped silently: the projection raises
///   one InputError that counts them and names the first five (MissingRelations).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ketennet/core/attributes.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/core/types.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/model/relation.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/view_options.hpp"

namespace ketennet {

/// Relations that lack a value a view needs, gathered for one message that names how many
/// and the first five: "12 selected relations lack the weight 'volume': a -> b (layer
/// 'case'), ...".
struct MissingRelations {
    std::size_t count = 0;
    std::vector<std::string> examples;  ///< labels of the first five
    /// Counts one relation; @p label() (its label for the message) is only called for the
    /// first five.
    template <class Label>
    void add(Label label) {
        if (examples.size() < 5) examples.push_back(label());
        ++count;
    }
    bool empty() const noexcept { return count == 0; }
    /// "<count> selected relation(s) lack(s) <what>: <examples>[, ...]".
    std::string message(const std::string& what) const {
        std::string msg = std::to_string(count) + " selected relation" +
                          (count > 1 ? "s lack " : " lacks ") + what + ": ";
        for (std::size_t k = 0; k < examples.size(); ++k) msg += (k ? ", " : "") + examples[k];
        if (count > examples.size()) msg += ", ...";
        return msg;
    }
};

/// Reads one value of relations: a standard field ("volume", "latency", "quality",
/// "capacity"), a column read, or a relation attribute of that name. The name is resolved
/// once. NaN when the relation lacks it; InputError naming the relation when the attribute
/// is not a number.
class RelationValue {
public:
    RelationValue(const Network& net, std::string name) : net_(net), name_(std::move(name)) {
        for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity})
            if (name_ == field_name(f)) field_ = int(f);
    }
    /// The value of relation @p i (position in the network).
    double operator()(std::size_t i) const {
        if (field_ >= 0) return net_.relation_field(i, Field(field_));
        const Attributes& attrs = net_.relation_attributes(i);
        auto it = attrs.find(name_);
        if (it == attrs.end()) return std::numeric_limits<double>::quiet_NaN();
        if (const double* d = std::get_if<double>(&it->second)) return *d;
        throw InputError("relation " + net_.relation(i).label() + ": weight '" + name_ +
                         "' is a " + attribute_type_name(it->second) + " attribute, not a number");
    }
    const std::string& name() const noexcept { return name_; }

private:
    const Network& net_;
    std::string name_;
    int field_ = -1;
};

/// The value @p name of relation @p i of @p net (see RelationValue): NaN when absent.
[[nodiscard]] inline double relation_value(const Network& net, std::size_t i, const std::string& name) {
    return RelationValue(net, name)(i);
}

/// The layers a view reads: ViewOptions naming them (all layers when @p layers is empty), a
/// flag per layer position, and whether any of them is directed (then the view is directed
/// and undirected relations give two arcs). UnknownId for an unknown layer.
struct LayerSelection {
    ViewOptions options;
    std::vector<char> selected;
    bool directed = false;
};

[[nodiscard]] inline LayerSelection layer_selection(const Network& net, const std::vector<std::string>& layers) {
    LayerSelection out;
    out.selected.assign(net.layers().size(), 0);
    out.options.layers = layers;
    if (out.options.layers.empty())
        for (const auto& l : net.layers()) out.options.layers.push_back(l.name);
    for (const auto& name : out.options.layers) {
        const std::uint32_t l = net.layer_position(name);
        out.selected[l] = 1;
        out.directed = out.directed || net.layers()[l].directed;
    }
    return out;
}

/// What a projection reads and how it words a relation that lacks it.
struct ProjectionValue {
    /// "<count> selected relations lack <lacking>: ..." ("the weight 'volume'").
    std::string lacking;
    /// Names checked with Network::require_relation_value before the message above, so that a
    /// name no relation carries reads "no relation has 'x'; relation fields: ..." instead.
    std::vector<std::string> require;
};

/// The projection: walks the relations of the selected layers in network order and calls
/// @p value_of(i) for each (a double, NaN when the relation lacks it; it may throw), then
/// @p arc(source, target, value, i) for each arc the relation gives (two for a relation of
/// an undirected layer in a directed selection, except a self-loop). Relations without a
/// value give no arc; after the walk, when there were any, InputError: first
/// Network::require_relation_value for each of @p what.require, then
/// MissingRelations::message(@p what.lacking) with the labels @p label(i) of the first five.
template <class ValueOf, class OnArc, class Label>
void project_relations(const Network& net, const LayerSelection& sel, ValueOf&& value_of,
                       OnArc&& arc, Label&& label, const ProjectionValue& what) {
    MissingRelations missing;
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        const std::uint32_t l = net.relation_layer(i);
        if (!sel.selected[l]) continue;
        const double w = value_of(i);
        if (std::isnan(w)) {
            missing.add([&] { return label(i); });
            continue;
        }
        const vertex_t s = net.relation_source(i), t = net.relation_target(i);
        arc(s, t, w, i);
        if (sel.directed && !net.layers()[l].directed && s != t) arc(t, s, w, i);
    }
    if (!missing.empty()) {
        for (const auto& name : what.require) net.require_relation_value(name);
        throw InputError(missing.message(what.lacking));
    }
}

/// The view of @p layers (all when empty) with each relation weighted by @p value_of(i)
/// (NaN: lacking, see project_relations; relations are labelled by Relation::label()), parallel
/// relations merged with @p combine. The view's options name the layers, @p weight_label and
/// @p combine. With @p weighted false every arc weighs 1 and the view is unweighted.
template <class ValueOf>
ViewPtr project_view(const Network& net, const std::vector<std::string>& layers,
                     const std::string& weight_label, Combine combine, bool weighted,
                     ValueOf&& value_of, const ProjectionValue& what) {
    LayerSelection sel = layer_selection(net, layers);
    sel.options.weight = weight_label;
    sel.options.combine = combine;
    std::vector<Arc> arcs;
    arcs.reserve(net.relation_count());
    project_relations(
        net, sel, value_of,
        [&](vertex_t s, vertex_t t, double w, std::size_t) { arcs.push_back(Arc{s, t, w}); },
        [&](std::size_t i) { return net.relation(i).label(); }, what);
    return View::build(vertex_t(net.organisation_count()), sel.directed, weighted,
                       std::move(arcs), combine, std::move(sel.options), net.ids(),
                       net.revision());
}

/// The view of @p options, uncached (Network::view() caches it): unweighted when
/// options.weight is empty, else every selected relation weighted by relation_value().
[[nodiscard]] inline ViewPtr build_view(const Network& net, const ViewOptions& options) {
    if (options.weight.empty())
        return project_view(net, options.layers, options.weight, options.combine, false,
                            [](std::size_t) { return 1.0; }, {});
    return project_view(net, options.layers, options.weight, options.combine, true,
                        RelationValue(net, options.weight),
                        {"the weight '" + options.weight + "'", {options.weight}});
}

inline ViewPtr Network::view(const ViewOptions& options) const {
    ViewOptions resolved = options;
    if (resolved.layers.empty())
        for (const auto& l : layers_) resolved.layers.push_back(l.name);
    return view_cache_.get(resolved, [&] { return build_view(*this, resolved); });
}

}  // namespace ketennet
