#pragma once
/// @file null_model.hpp
/// @brief Null models: random networks of the same size (and degrees) as a given one, so
/// that a resilience result can be read against chance.
#include <cstddef>
#include <cstdint>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::resilience {

/// Which null model.
enum class NullModel {
    /// Degree-preserving rewiring (Maslov & Sneppen 2002): repeated double-edge swaps
    /// a-b, c-d -> a-d, c-b that keep every organisation's degree (in- and out-degree in a
    /// directed layer) in every layer: the configuration model by Markov chain.
    configuration,
    /// G(n, m) (Erdos & Renyi 1959): each layer's relations placed on uniformly random
    /// distinct pairs of organisations (no self-loops).
    erdos_renyi,
};

/// null_model() reports its progress after every this many swap attempts (configuration) or
/// relations placed (erdos_renyi).
inline constexpr std::size_t null_model_progress_batch = 4096;

/// Options of null_model().
struct NullModelOptions {
    NullModel kind = NullModel::configuration;
    std::uint64_t seed = 0;
    /// configuration: swaps attempted per relation of a layer (NetworkX's double_edge_swap
    /// takes nswap and max_tries; here nswap = swaps_per_relation * m, at most 100 times as
    /// many attempts).
    std::size_t swaps_per_relation = 10;
    /// Progress and cancellation (see progress.hpp): the fraction done (swaps made, or
    /// relations placed, over all layers) after every null_model_progress_batch swap attempts
    /// or placed relations, and 1.0 at the end. The result does not depend on it.
    ProgressHandler progress{};
};

/// A random network with the same organisations (ids, names, sectors, attributes), layers,
/// chains and number of relations per layer as @p net. Every relation keeps its fields and
/// attributes (volume, capacity, ...) but connects new organisations:
/// - configuration: rewired by double-edge swaps within its layer, so every organisation
///   keeps its degree per layer; self-loops stay where they are; swaps that would create a
///   self-loop or a duplicate are rejected;
/// - erdos_renyi: placed on a uniformly random pair of distinct organisations not yet used
///   in its layer (an undirected layer: unordered pairs).
/// Deterministic for a seed (layer l uses the random stream SplitMix64(seed, l)).
/// InputError when a layer has more relations than distinct pairs (erdos_renyi); Cancelled
/// when the progress handler asks to stop.
[[nodiscard]] Network null_model(const Network& net, const NullModelOptions& opt = {});

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/null_model.ipp"
#endif
