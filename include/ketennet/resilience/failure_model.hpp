#pragma once
/// @file failure_model.hpp
/// @brief What a failure does: the measures of a network (largest component, efficiency,
/// chain reachability, chain throughput, expected lead time) evaluated while some
/// organisations have failed. Shared by resilience::simulate and resilience::vulnerability.
///
/// Conventions
/// - A failed organisation loses all its ties but stays in the denominators: measures are
///   shares of the *original* network (the largest component as a share of all n
///   organisations; efficiency summed over the pairs of survivors and divided by n (n - 1);
///   reachability over all entry-exit pairs of the chain). A failed entry or exit
///   organisation sends or receives nothing.
/// - Structural measures (largest_component, efficiency, reachability) read the unweighted
///   view of the selected layers (efficiency counts hand-offs); throughput reads capacities
///   (else volumes) and expected_lead_time volumes and latencies, as kn.flow.score_chain.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// A measure of how well a network still works.
enum class Measure {
    largest_component,   ///< share of the n organisations in the largest weak component
    efficiency,          ///< global efficiency over the original n (n - 1) pairs (hops)
    reachability,        ///< share of a chain's (entry, exit) pairs with a directed path
    throughput,          ///< chain max-flow entry -> exit (items per period)
    expected_lead_time,  ///< volume-routed expected lead time entry -> exit (days)
};

/// The name of @p m as parse_measure() reads it ("largest_component", "efficiency",
/// "reachability", "throughput", "expected_lead_time").
[[nodiscard]] const char* measure_name(Measure m);

/// Measure by name; InputError naming the unknown name and the valid ones.
[[nodiscard]] Measure parse_measure(const std::string& name);

/// True for the measures that need a chain (an entry and an exit stage).
[[nodiscard]] bool needs_chain(Measure m);

/// Which layers and chain the measures read.
struct FailureSelection {
    /// Layers of every measure; empty: all layers for the structural measures, and for
    /// throughput / expected_lead_time the layers whose relations carry what they need.
    std::vector<std::string> layers{};
    /// Name of a chain of the network (needed by reachability, throughput,
    /// expected_lead_time): entry = its first stage, exit = its last.
    std::string chain{};
    /// Throughput's capacity weight and the fallback where it is unknown (as score_chain).
    std::string capacity = "capacity";
    std::string fallback = "volume";
    /// Leave this layer out of every selection (a failed layer; empty: none).
    std::string without_layer{};
};

/// The views the measures read, built once from a network.
struct FailureModel {
    vertex_t n = 0;
    std::vector<Measure> measures;
    ViewPtr structure;                 ///< unweighted view of the selected layers
    ViewPtr capacity;                  ///< throughput (null unless measured)
    ViewPtr routing;                   ///< expected lead time: volume view (null unless measured)
    std::vector<double> latency;       ///< per routing edge
    std::vector<vertex_t> entry, exit; ///< the chain's first and last stage
    std::shared_ptr<const std::vector<std::string>> ids;
};

/// Builds the views for @p measures. InputError when a chain measure has no chain, the chain
/// is unusable (fewer than two stages, an empty first or last stage, an organisation in
/// both), or a measure's data are missing; UnknownId for unknown chains or layers.
[[nodiscard]] FailureModel make_failure_model(const Network& net, const std::vector<Measure>& measures,
                                              const FailureSelection& sel, const char* what);

/// Evaluates measures while some organisations have failed. One per thread (scratch space).
class Evaluator {
public:
    explicit Evaluator(const FailureModel& fm);

    /// The value of @p m with alive[v] != 0 for the organisations still working.
    double operator()(Measure m, const std::vector<char>& alive);

    /// Share of all n organisations in the largest weak component of the survivors.
    double largest_component(const std::vector<char>& alive);

    /// Sum over ordered pairs of survivors of 1 / d (hops; 0 when unreachable), divided by
    /// n (n - 1) of the original network.
    double efficiency(const std::vector<char>& alive);

    /// Sum of 1 / d(s, t) over survivors t != s reachable from s (directed, hops).
    double inverse_distances(vertex_t s, const std::vector<char>& alive);

    /// Share of the chain's (entry, exit) pairs with a directed path through survivors
    /// (pairs with a failed end count as cut).
    double reachability(const std::vector<char>& alive);

    /// Max-flow from the surviving entry organisations to the surviving exit ones on the
    /// ties among survivors; 0 when every entry or every exit organisation failed.
    double throughput(const std::vector<char>& alive);

    /// Expected lead time (days) of items entering at the surviving entry organisations in
    /// proportion to their out-volume among survivors, routed by volume to the surviving
    /// exit organisations; +infinity when no item can arrive.
    double expected_lead_time(const std::vector<char>& alive);

    /// The view without the ties of failed organisations (same n); @p values per edge
    /// carried over into @p values_out when given.
    ViewPtr restrict_view(const View& g, const std::vector<char>& alive,
                          const std::vector<double>& values, std::vector<double>* values_out) const;

private:
    const FailureModel& fm_;
    std::vector<char> seen_;
    std::vector<std::int64_t> dist_;
    std::vector<vertex_t> queue_;
};

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/failure_model.ipp"
#endif
