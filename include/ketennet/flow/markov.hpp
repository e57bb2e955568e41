#pragma once
/// @file markov.hpp
/// @brief Items routed in proportion to relation volumes: an absorbing Markov chain (Kemeny &
/// Snell 1960) for the expected lead time and expected fidelity of what enters at a source,
/// mean first-passage times between organisations, and the most probable (typical) path.
///
/// The walk: an item at organisation u moves along tie u -> v with probability
///   P(u, v) = w(u, v) / sum over x of w(u, x),
/// w being the routing weight (volume: items per period). Targets absorb. An organisation
/// that is not a target and passes nothing on (all its out-volumes 0, or no ties) is a
/// *dead end*: items stop there and never arrive. Items may also circulate forever in a part
/// of the network from which neither a target nor a dead end can be reached (*trapped*).
/// The three outcomes are reported, never hidden: arrival + sum(ends) + trapped = 1.
///
/// Exits (optional): x(u) >= 0 items per period that end their route at u (the cases whose
/// last event is there, on a network built from an event log). Then
///   P(u, v) = w(u, v) / (sum over x of w(u, x) + x(u)),  and an item stops at u with
///   probability x(u) / (sum over x of w(u, x) + x(u)),
/// and `ends` also lists the shares stopping at organisations with exits. With w = observed
/// handovers and x = observed case ends, the expected visits of items entering where cases
/// start equal the observed visit counts (every visit begins with a start or an arriving
/// handover and ends with a handover or the case's end).
///
/// Linear systems (I - Q) x = b over the transient organisations are solved with Eigen:
/// dense partial-pivoting LU up to 300 unknowns, sparse LU (COLAMD ordering) above.
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// What happens to items routed from a start distribution towards targets.
struct RoutedOutcome {
    /// The expectation over the items that arrive (conditional on arrival): the expected
    /// lead time (+infinity when none arrive) or the expected fidelity (NaN when none arrive).
    double value = std::numeric_limits<double>::quiet_NaN();
    /// Share of items that reach a target.
    double arrival = 0.0;
    /// Dead ends where the other items stop, with the share stopping at each (> 0 only),
    /// ascending by organisation index.
    std::vector<std::pair<vertex_t, double>> ends;
    /// Share of items that circulate forever without reaching a target or a dead end.
    double trapped = 0.0;
};

/// Expected lead time of items entering at the @p start organisations (weights: the share
/// entering at each; normalised) until they reach any of @p targets, when every organisation
/// passes items on in proportion to the routing weights of its out-ties (the view's weight:
/// volume). @p latency gives the duration of each tie by edge id (see routed_view); an empty
/// span counts steps (hand-offs).
///
/// Formula (absorbing Markov chain; Kemeny & Snell 1960): with P the routing probabilities,
/// A(u) the probability of reaching a target from u and B(u) = E[T; arrival] the expected
/// time summed over arriving items,
///   A(u) = sum_v P(u, v) A(v),                      A = 1 on targets, 0 at dead ends,
///   B(u) = sum_v P(u, v) (tau(u, v) A(v) + B(v)),   B = 0 on targets and dead ends,
/// solved as (I - Q) A = b, (I - Q) B = c over the transient organisations. The reported
/// value is B(s) / A(s), the mean lead time of the items that arrive; +infinity when none
/// arrive. arrival, ends and trapped say what happens to all items.
/// @p exits (optional, one per organisation): items ending their route there (see the file
/// comment); they stop, as at a dead end, and are listed in `ends`.
[[nodiscard]] RoutedOutcome expected_lead_time(const View& routing, std::span<const double> latency,
                                        const std::vector<std::pair<vertex_t, double>>& start,
                                        const std::vector<vertex_t>& targets,
                                        std::span<const double> exits = {});

/// Expected fidelity of items routed as in expected_lead_time: the mean, over the items
/// that arrive, of the product of the qualities of the ties they travelled:
///   F(u) = sum_v P(u, v) q(u, v) F(v),  F = 1 on targets, 0 at dead ends;  value F(s) / A(s)
/// (NaN when no item arrives). @p quality per edge id, each in [0, 1].
[[nodiscard]] RoutedOutcome expected_fidelity(const View& routing, std::span<const double> quality,
                                       const std::vector<std::pair<vertex_t, double>>& start,
                                       const std::vector<vertex_t>& targets,
                                       std::span<const double> exits = {});

/// Options of first_passage().
struct FirstPassageOptions {
    unsigned threads = 0;
    ProgressHandler progress{};
};

/// Mean first-passage times between all organisations, row-major n x n.
struct FirstPassage {
    vertex_t n = 0;
    /// time[i * n + j]: mean time (steps, or the durations given) for an item starting at i
    /// to first reach j, over the items that reach j; +infinity when none do; 0 when i = j.
    std::vector<double> time;
    /// arrival[i * n + j]: probability that an item starting at i ever reaches j (1 on the
    /// diagonal).
    std::vector<double> arrival;
};

/// Mean first-passage times of the volume-weighted random walk (Kemeny & Snell 1960, ch. 4).
///
/// For each target j, with j absorbing: A_j(i) = P(reach j from i) and
/// B_j(i) = E[T_j; reach j] from the same equations as expected_lead_time, and
/// m(i, j) = B_j(i) / A_j(i). When the walk is irreducible (every organisation reaches every
/// other) A_j = 1 and m is the classical mean first-passage matrix. Dead ends stop the walk.
/// @p duration per edge id (latency) or empty for steps. One LU per target, parallel over
/// targets; identical results for every thread count. O(n) factorisations: meant for
/// networks of up to a few thousand organisations.
[[nodiscard]] FirstPassage first_passage(const View& g, std::span<const double> duration = {},
                                  const FirstPassageOptions& opt = {});

/// The most probable path: the route from a start organisation to a target that the
/// largest share of items follows, i.e. maximising
///   start(s) * prod over ties (u, v) of P(u, v)
/// (Dijkstra on -log P). value is that probability (0 with an empty path when no target is
/// reachable along ties of positive weight). With several sources, start gives each one's
/// share of the entering items. The "typical path" of a chain. With @p exits (one per
/// organisation: items ending there), P(u, v) = w(u, v) / (sum_x w(u, x) + exits(u)).
[[nodiscard]] PathResult most_probable_path(const View& routing,
                                     const std::vector<std::pair<vertex_t, double>>& start,
                                     const std::vector<vertex_t>& targets,
                                     std::span<const double> exits = {});

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/markov.ipp"
#endif
