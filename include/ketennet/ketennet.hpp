#pragma once
/// @file ketennet.hpp
/// @brief Umbrella header: the whole public C++ API of ketennet.
///
/// Layout: core/ (ids, errors, attributes: the base every other folder builds on), model/ (the
/// mutable Network), view/ (immutable CSR views), one folder per question
/// (centrality/, cohesion/, resilience/, flow/), paths/ (shortest paths), linalg/ (Eigen matrices of
/// a view: adjacency, grounded Laplacian), io/ (JSON, GraphML), support/ (threads, progress).
#include "ketennet/version.hpp"

#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"

#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/dary_heap.hpp"
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
#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/clustering.hpp"
#include "ketennet/cohesion/communities.hpp"
#include "ketennet/cohesion/complexity.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/connectivity.hpp"
#include "ketennet/cohesion/cores.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/cohesion/qap.hpp"
#include "ketennet/cohesion/multiplexity.hpp"
#include "ketennet/cohesion/partition_agreement.hpp"
#include "ketennet/cohesion/reciprocity.hpp"
#include "ketennet/resilience/articulation_points.hpp"
#include "ketennet/brokerage/gould_fernandez.hpp"
#include "ketennet/brokerage/homophily.hpp"
#include "ketennet/brokerage/partition.hpp"
#include "ketennet/brokerage/structural_holes.hpp"
#include "ketennet/resilience/biconnected_components.hpp"
#include "ketennet/resilience/dominators.hpp"
#include "ketennet/resilience/failure_model.hpp"
#include "ketennet/resilience/min_vertex_cut.hpp"
#include "ketennet/resilience/null_model.hpp"
#include "ketennet/resilience/simulate.hpp"
#include "ketennet/resilience/vulnerability.hpp"

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/flow/efficiency.hpp"
#include "ketennet/flow/feedback.hpp"
#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/handover.hpp"
#include "ketennet/eventlog/journeys.hpp"
#include "ketennet/eventlog/subcontracting.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/eventlog/working_together.hpp"

#include "ketennet/io/graphml.hpp"
#include "ketennet/io/json.hpp"
#include "ketennet/io/xes.hpp"

#include "ketennet/governance/structure.hpp"
#include "ketennet/report/scorecard.hpp"
