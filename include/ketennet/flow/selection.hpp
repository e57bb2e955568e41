#pragma once
/// @file selection.hpp
/// @brief Which layers and values the flow metrics read: default layer selection, views with
/// a fallback field, and routed views that carry a second value per tie.
///
/// Flow metrics need relation fields (latency for lead times, volume for routing, quality
/// for fidelity, capacity for throughput). Relations whose field is unknown are never filled
/// in silently: a metric either runs on layers in which every relation carries what it
/// needs, or it names the relations that lack it (InputError).
///
/// Default selection (layers_carrying): the layers that hold at least one relation and in
/// which every relation carries all the requested fields. In the built-in examples that is
/// `information` for latency and quality, and `case` for volume.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/model/projection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
[[nodiscard]] std::string quoted_list(const std::vector<std::string>& names);

/// Layers that hold at least one relation and in which @p ok(i) holds for every relation i,
/// in network order.
template <class Pred>
std::vector<std::string> layers_where(const Network& net, Pred ok) {
    const std::size_t L = net.layers().size();
    std::vector<std::size_t> total(L, 0), bad(L, 0);
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        const std::uint32_t l = net.relation_layer(i);
        ++total[l];
        if (!ok(i)) ++bad[l];
    }
    std::vector<std::string> out;
    for (std::size_t l = 0; l < L; ++l)
        if (total[l] > 0 && bad[l] == 0) out.push_back(net.layers()[l].name);
    return out;
}

/// Layers that hold at least one relation and in which every relation carries each of
/// @p names (fields or numeric attributes), in network order.
[[nodiscard]] std::vector<std::string> layers_carrying(const Network& net,
                                                const std::vector<std::string>& names);

/// Directed layers that hold at least one relation, in network order.
[[nodiscard]] std::vector<std::string> directed_layers(const Network& net);

/// For messages: how many relations of each non-empty layer (of kind @p kind when given)
/// lack one of @p names ("layer 'case': 18 of 34 relations lack it; layer 'it': 10 of 10 ..."),
/// or, when a name is neither a field nor an attribute any relation holds,
/// Network::no_relation_has ("no relation has 'volumes'; relation fields: ...").
[[nodiscard]] std::string describe_missing(const Network& net, const std::vector<std::string>& names,
                                    std::optional<LayerKind> kind = std::nullopt);

/// @p layers when given, else layers_carrying(@p names); InputError naming @p what and the
/// gaps per layer when no layer qualifies.
[[nodiscard]] std::vector<std::string> select_layers(const Network& net,
                                              const std::vector<std::string>& layers,
                                              const std::vector<std::string>& names,
                                              const std::string& what);

/// "'a' (information), 'b' (tie)": the layers of @p net with their kinds, for messages.
[[nodiscard]] std::string layers_with_kinds(const Network& net);

/// The layers a chain indicator reads: @p layers when given (checked); else the case layers
/// (LayerKind::cases) that hold relations and in which every relation carries each of
/// @p names. Chain indicators never default to information or tie layers, so messages are
/// never added to cases. InputError naming @p what when the network has no case layer (with
/// how to declare one) or no case layer carries the fields (with the gaps per layer).
[[nodiscard]] std::vector<std::string> select_case_layers(const Network& net,
                                                   const std::vector<std::string>& layers,
                                                   const std::vector<std::string>& names,
                                                   const std::string& what);

/// The layers throughput reads: @p layers when given (checked); else the case layers that
/// hold relations and in which every relation carries @p capacity or, with a non-empty
/// @p fallback, the fallback. InputError naming @p what as select_case_layers.
[[nodiscard]] std::vector<std::string> select_capacity_layers(const Network& net,
                                                       const std::vector<std::string>& layers,
                                                       const std::string& capacity,
                                                       const std::string& fallback,
                                                       const std::string& what);

/// Directed case and information layers that hold relations, in network order: where
/// feedback (a later stage reaching an earlier one) can run. Tie layers carry nothing back.
[[nodiscard]] std::vector<std::string> feedback_layers(const Network& net);

/// A capacity view and how it was filled.
struct CapacityView {
    ViewPtr view;
    std::size_t relations = 0;  ///< selected relations
    std::size_t fallback = 0;   ///< of which used the fallback value
};

/// The view of @p layers weighted by @p capacity (a field or numeric attribute), parallel
/// relations summed (parallel channels add up). With a non-empty @p fallback, a relation
/// whose capacity is unknown uses its @p fallback value instead (for example its observed
/// volume: what it demonstrably carries), and the count is reported; a relation lacking
/// both raises InputError naming it. A name that is neither a field nor an attribute any
/// relation holds raises InputError listing the fields and attributes (even when the
/// fallback would fill every gap: a misspelt name is not a missing value).
[[nodiscard]] CapacityView capacity_view(const Network& net, const std::vector<std::string>& layers,
                                  const std::string& capacity, const std::string& fallback = {});

/// A view weighted by a routing value (items per period, summed over parallel relations)
/// together with a second value per edge (latency or quality), indexed by edge id.
///
/// Parallel relations of different layers merge into one tie whose routing value is the sum
/// and whose second value is the routing-weighted mean (the mean an item routed over the tie
/// experiences); when their routing values are all 0 the plain mean is kept (the tie then
/// carries no items, so the value is never used).
struct RoutedView {
    ViewPtr view;                ///< weights: routing values (volume)
    std::vector<double> value;   ///< second value per edge id of view
};

[[nodiscard]] RoutedView routed_view(const Network& net, const std::vector<std::string>& layers,
                              const std::string& routing, const std::string& second);

/// The layers among @p layers (empty: all) holding a relation u -> v (either way in an
/// undirected layer): the relations behind one tie of a view.
[[nodiscard]] std::vector<std::string> tie_layers(const Network& net, const std::vector<std::string>& layers,
                                           vertex_t u, vertex_t v);

/// tie_layers() of many ties at once: element i lists the layers behind the tie
/// sources[i] -> targets[i]. InputError when the lists differ in length or an index is not
/// an organisation of @p net.
[[nodiscard]] std::vector<std::vector<std::string>> tie_layers(const Network& net,
                                                        const std::vector<std::string>& layers,
                                                        const std::vector<vertex_t>& sources,
                                                        const std::vector<vertex_t>& targets);

/// Index of organisation @p id, with @p what ("source", "target", ...) in the UnknownId
/// message.
[[nodiscard]] vertex_t vertex_of(const Network& net, const std::string& id, const std::string& what);

/// Checks vertex indices against a view (InputError when out of range or repeated).
void check_vertices(const View& g, const std::vector<vertex_t>& vs, const char* what);

/// InputError when @p a and @p b share an organisation (naming it and @p what).
void check_disjoint(const View& g, const std::vector<vertex_t>& a,
                           const std::vector<vertex_t>& b, const std::string& what,
                           const char* a_name, const char* b_name);

}  // namespace ketennet::flow

namespace ketennet::flow {

/// A chain with its organisations resolved to vertex indices, stage by stage.
struct ResolvedChain {
    std::string name;
    std::vector<std::string> stage_names;
    std::vector<std::vector<vertex_t>> stages;

    /// Checks that the chain has what chain measures need: at least two stages, a non-empty
    /// first stage (the entry) and last stage (the exit), and no organisation in both.
    /// InputError starting with @p where otherwise.
    void require_ends(const Network& net, const std::string& where) const;
};

/// Resolves the organisations of @p chain in @p net, after Network::check_chain: UnknownId
/// naming the chain, stage and organisation for an id the network lacks; InputError for an
/// empty chain name or stage name, a stage name used twice, or an organisation listed twice
/// in one stage.
[[nodiscard]] ResolvedChain resolve_chain(const Network& net, const Chain& chain);

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/selection.ipp"
#endif
