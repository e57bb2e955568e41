#pragma once
/// @file simulate.hpp
/// @brief Failure simulation: remove organisations step by step (at random, by degree or
/// betweenness, a whole sector, a listed order) or fail a whole layer, and record how the
/// measures of failure_model.hpp decline; the robustness index R of Schneider et al. (2011).
///
/// Random runs are parallel over threads (support/parallel.hpp); run r draws its random
/// numbers from SplitMix64(seed, r), so results are identical for every thread count.
/// Deterministic strategies compute their one run once; a recomputed betweenness attack
/// re-runs Brandes only on the component that lost an organisation, block by block
/// (resilience/detail/component_betweenness.hpp), with the sources of large blocks on all threads. The largest
/// component is computed incrementally: organisations are added back in reverse removal
/// order into a union-find (Newman & Ziff 2000), O(m alpha(n)) per run; the other measures
/// are evaluated after every step.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/resilience/failure_model.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// How organisations (or a layer) fail.
enum class Strategy {
    random,       ///< uniformly random order, different in every run (Albert et al. 2000)
    degree,       ///< highest degree first (targeted attack)
    betweenness,  ///< highest betweenness first (targeted attack; Holme et al. 2002)
    sector,       ///< the organisations of one sector, in random order
    layer,        ///< one layer fails at once: a single step
    list,         ///< an explicit order
};

/// Options of simulate().
struct SimulationOptions {
    Strategy strategy = Strategy::random;
    /// degree / betweenness: recompute the ranking among the survivors after every removal
    /// (false: rank once on the intact network). Ties go to the lowest organisation index.
    bool recompute = false;
    /// Strategy::sector: the sector code; Strategy::layer: the layer name.
    std::string target{};
    /// Strategy::list: the organisations in removal order.
    std::vector<vertex_t> order{};
    /// Measures to record (at least one).
    std::vector<Measure> measures{Measure::largest_component};
    /// Layers and chain the measures read (see FailureSelection).
    FailureSelection selection{};
    /// Removals per run; 0: until every organisation the strategy can remove is gone.
    std::size_t steps = 0;
    /// Runs (>= 1). Deterministic strategies (degree, betweenness, list, layer) repeat the
    /// same run: it is computed once and copied.
    std::size_t runs = 1;
    std::uint64_t seed = 0;
    /// Threads (0 = all): over runs for random and sector failures, inside the betweenness
    /// recomputations of an attack. Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress over runs, and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Result of simulate(). Step 0 is the intact network; step k follows k removals.
struct SimulationResult {
    std::vector<Measure> measures;
    std::size_t runs = 0;
    std::size_t steps = 0;
    /// removed[r * steps + (k - 1)]: the organisation removed at step k of run r (unused for
    /// Strategy::layer, whose one step removes the layer).
    std::vector<vertex_t> removed;
    /// values[(r * (steps + 1) + k) * measures.size() + i]: measure i after step k of run r.
    std::vector<double> values;
    /// robustness[r * measures.size() + i]: R of run r for measure i, the mean of the measure
    /// over steps 1..steps (Schneider et al. 2011).
    std::vector<double> robustness;

    /// Measure @p measure after step @p step of run @p run (an entry of values).
    double value(std::size_t run, std::size_t step, std::size_t measure) const;
    /// R for measure i averaged over the runs.
    double mean_robustness(std::size_t i) const;
};

/// Removes organisations step by step and records the measures after each step.
///
/// Strategies: random (Albert, Jeong & Barabasi 2000), degree and betweenness attacks,
/// ranked once or recomputed after every removal (Holme, Kim, Yoon & Han 2002), the
/// organisations of one sector in random order, an explicit order, or one layer failing at
/// once (one step; `removed` unused). The robustness index of run r for a measure is
///   R = (1 / S) * sum over k = 1..S of measure(k)
/// (Schneider et al. 2011, with the largest component share s(q) as the measure; S = n
/// removes everything).
///
/// InputError: zero runs, no measure, more steps than the strategy can remove, an unknown
/// sector, a listed organisation out of range or repeated, a chain measure without a chain;
/// UnknownId: unknown layer or chain. Cancelled when the progress handler asks to stop.
[[nodiscard]] SimulationResult simulate(const Network& net, const SimulationOptions& opt);

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/simulate.ipp"
#endif
