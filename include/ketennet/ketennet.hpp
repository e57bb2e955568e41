#pragma once
/// @file ketennet.hpp
/// @brief Umbrella header: the whole public C++ API of ketennet, every header below.
///
/// The headers declare; the definitions are compiled into the ketennet library (CMake target
/// ketennet::ketennet), so including this header costs a user's file declarations only: no
/// Eigen, Boost.Graph or nlohmann-json (figures: benchmarks/RESULTS.md, "Compile time").
/// KETENNET_HEADER_ONLY makes it header-only instead (core/config.hpp).
///
/// By area, from the bottom layer up (a folder builds only on folders above it in this list):
/// - version.hpp: the library version.
/// - core/: index types (vertex_t, edge_t), the exception types, typed attributes, the
///   compile mode (config.hpp).
/// - support/: threads, progress and cancellation, random numbers, union-find, quoting,
///   numbers written as Python writes them.
/// - view/: the immutable CSR View, its options and derived layouts, the view cache, the
///   weight policy, the Boost.Graph adaptor.
/// - model/: the mutable Network (organisations, layers, relations, chains), bulk input in
///   columns, the projection of a network onto a view, what-if scenarios.
/// - paths/: shortest distances (BFS, Dijkstra), distance sums, path counting (Brandes), the
///   d-ary heap.
/// - centrality/: who is central: degree, betweenness, closeness, harmonic, current flow,
///   information, eigenvector, Katz, PageRank, HITS.
/// - brokerage/: who brokers: structural holes (Burt), Gould-Fernandez roles, homophily,
///   partitions.
/// - eventlog/: the event log (IEEE 1849 XES semantics, columnar) and the networks and
///   journeys found in it: handovers, working together, subcontracting, transitions, lead-time
///   norms, time-respecting reach along handover contacts and the stage order of cases.
/// - flow/: how cases and information flow along a chain: layer selection, lead time,
///   fidelity, Markov routing, max flow, efficiency, feedback, the chain scorecard.
/// - resilience/: single points of failure (articulation points, bridges, dominators, vertex
///   cuts), failure models and simulations, null models, vulnerability.
/// - cohesion/: how the network holds together: components, connectivity, cores, clustering,
///   communities, density, reciprocity, multiplexity, centralization, QAP, partition
///   agreement, complexity.
/// - stats/: inference: the registry of network-level statistics, the conditional uniform
///   graph test, the dyad permutation test, the vertex bootstrap; multiple regression with QAP
///   tests (netlm, netlogit).
/// - ergm/: exponential random graph models of one layer: terms and change statistics, the
///   MCMC sampler (TNT proposal), MPLE and MCMLE.
/// - governance/: the governance mode a network's structure shows and its fit with the
///   contingencies (Provan & Kenis 2008).
/// - panel/: panels of networks (one per unit and period): the ties kept, formed and
///   dissolved between two periods, per layer and per organisation.
/// - io/: JSON and GraphML read and write, the XES event-log reader (.xes, .xes.gz), input
///   limits.
/// - report/: the scorecard, the inspectorate's indicators by its four goals, as rows and as
///   text, two networks' scorecards compared, and the signals (outliers, sharp changes) in a
///   batch of scorecards, in English or Dutch from one translation table (compiled into the
///   library).
///
/// Not included here, because they bring Eigen or Boost.Graph into the including file (include
/// them where needed): linalg/ (Eigen matrices of a view: adjacency, grounded Laplacian, power
/// iteration) and view/boost_undirected.hpp (the undirected projection of a view as a
/// Boost.Graph CSR graph).
#include "ketennet/version.hpp"

#include "ketennet/core/attributes.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/core/types.hpp"

#include "ketennet/support/number_text.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/quote.hpp"
#include "ketennet/support/random.hpp"
#include "ketennet/support/union_find.hpp"

#include "ketennet/view/derived.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/view_cache.hpp"
#include "ketennet/view/view_options.hpp"
#include "ketennet/view/weights.hpp"

#include "ketennet/model/chain.hpp"
#include "ketennet/model/layer.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/model/organisation.hpp"
#include "ketennet/model/projection.hpp"
#include "ketennet/model/relation.hpp"
#include "ketennet/model/relation_columns.hpp"
#include "ketennet/model/scenario.hpp"


#include "ketennet/paths/dary_heap.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/path_counting.hpp"
#include "ketennet/paths/shortest_paths.hpp"

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/closeness.hpp"
#include "ketennet/centrality/current_flow_betweenness.hpp"
#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/centrality/degree.hpp"
#include "ketennet/centrality/edge_betweenness.hpp"
#include "ketennet/centrality/eigenvector.hpp"
#include "ketennet/centrality/harmonic.hpp"
#include "ketennet/centrality/hits.hpp"
#include "ketennet/centrality/information.hpp"
#include "ketennet/centrality/katz.hpp"
#include "ketennet/centrality/pagerank.hpp"

#include "ketennet/brokerage/gould_fernandez.hpp"
#include "ketennet/brokerage/homophily.hpp"
#include "ketennet/brokerage/partition.hpp"
#include "ketennet/brokerage/structural_holes.hpp"

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/handover.hpp"
#include "ketennet/eventlog/journeys.hpp"
#include "ketennet/eventlog/norms.hpp"
#include "ketennet/eventlog/subcontracting.hpp"
#include "ketennet/eventlog/temporal_reach.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/eventlog/working_together.hpp"

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/flow/efficiency.hpp"
#include "ketennet/flow/feedback.hpp"
#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/flow_network.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"

#include "ketennet/resilience/articulation_points.hpp"
#include "ketennet/resilience/biconnected_components.hpp"
#include "ketennet/resilience/dominators.hpp"
#include "ketennet/resilience/failure_model.hpp"
#include "ketennet/resilience/null_model.hpp"
#include "ketennet/resilience/simulate.hpp"
#include "ketennet/resilience/vulnerability.hpp"

#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/clustering.hpp"
#include "ketennet/cohesion/communities.hpp"
#include "ketennet/cohesion/complexity.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/connectivity.hpp"
#include "ketennet/cohesion/cores.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/cohesion/multiplexity.hpp"
#include "ketennet/cohesion/partition_agreement.hpp"
#include "ketennet/cohesion/qap.hpp"
#include "ketennet/cohesion/reciprocity.hpp"

#include "ketennet/panel/tie_changes.hpp"
#include "ketennet/stats/mrqap.hpp"
#include "ketennet/stats/resampling.hpp"
#include "ketennet/stats/statistics.hpp"
#include "ketennet/ergm/ergm.hpp"

#include "ketennet/io/graphml.hpp"
#include "ketennet/io/json.hpp"
#include "ketennet/io/limits.hpp"
#include "ketennet/io/xes.hpp"

#include "ketennet/governance/diagnosis.hpp"
#include "ketennet/governance/structure.hpp"
#include "ketennet/report/compare.hpp"
#include "ketennet/report/language.hpp"
#include "ketennet/report/scorecard.hpp"
#include "ketennet/report/signals.hpp"
