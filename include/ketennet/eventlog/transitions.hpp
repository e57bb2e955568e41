#pragma once
/// @file transitions.hpp
/// @brief Pair tables of an event log: handovers between the nodes (organisations, resources,
/// activities) of successive events of a case, with counts and waiting times. The common
/// kernel of handover_network and directly_follows, and the table the SQL engines
/// (kn.eventlog.aggregate) reproduce.
///
/// Definition (van der Aalst, Reijers & Song 2005, "Discovering social networks from event
/// logs", CSCW 14(6), section 4.1). For a case, let S = (s_1, ..., s_m) be the nodes of its
/// events in time order, leaving out events that have no node (an event no organisation
/// mapping covers: A, unknown, B gives a handover A -> B). With causality fall factor beta:
///
///     volume(a, b) = sum over cases, sum over i < j with s_i = a, s_j = b, of beta^(j-i-1)
///
/// where 0^0 = 1, so beta = 0 counts only direct successions (j = i + 1). `handovers` counts
/// the direct successions, `cases` the cases with at least one pair (a, b), and `share` is
/// volume / (sum of all volumes) -- the normalised metric of the paper and of pm4py's
/// discover_handover_of_work_network. Waiting times are over the direct successions only:
/// t(s_{i+1}) - t(s_i), from the last event at a to the first at b.
/// Self pairs (a, a) are kept only when `self_loops` is set (the paper and pm4py keep them).
///
/// Per node, `node_starts` counts the cases whose first event with a node is there and
/// `node_ends` those whose last one is there. With beta = 0 and no self pairs every visit (a
/// maximal run of events at one node) begins with a start or an arriving handover and ends
/// with a handover or the case's end, so for every node
///     visits = starts + handovers in = ends + handovers out.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

/// Options of the pair table.
struct TransitionOptions {
    double beta = 0.0;                ///< causality fall factor in [0, 1)
    bool self_loops = false;          ///< keep pairs (a, a)
    std::vector<double> quantiles{};  ///< further waiting-time quantiles in [0, 1]
    ProgressHandler progress{};       ///< progress and cancellation (see progress.hpp)
};

/// The pair table: one row per (source, target) that occurs. Times in seconds.
struct TransitionTable {
    std::vector<std::string> nodes;        ///< node names (those some event has), first-appearance order
    std::vector<std::int64_t> node_events; ///< events per node
    /// Cases whose first event with a node is at the node (cases entering the log there).
    std::vector<std::int64_t> node_starts;
    /// Cases whose last event with a node is at the node (cases ending there).
    std::vector<std::int64_t> node_ends;
    std::vector<std::int32_t> source, target;  ///< indices into nodes
    std::vector<double> volume;            ///< sum of beta^(j-i-1)
    std::vector<std::int64_t> handovers;   ///< direct successions
    std::vector<std::int64_t> cases;       ///< cases with this pair
    std::vector<double> share;             ///< volume / total volume
    std::vector<double> mean_seconds;      ///< mean wait of the direct successions (NaN: none)
    std::vector<double> median_seconds;    ///< median wait (linear interpolation)
    std::vector<std::vector<double>> quantile_seconds;  ///< one column per requested quantile
    std::vector<double> quantiles;         ///< the requested quantiles
    std::size_t skipped_events = 0;        ///< events without a node
    double total_volume = 0.0;
    double beta = 0.0;
    bool self_loops = false;
};

/// Counts per node pair (working together, subcontracting): `count` is the number the
/// metric counts, `share` its normalised value.
struct PairCounts {
    std::vector<std::string> nodes;
    std::vector<std::int64_t> node_events;
    std::vector<std::int32_t> source, target;
    std::vector<double> count;
    std::vector<double> share;
    std::size_t skipped_events = 0;
    std::size_t cases = 0;  ///< cases in the log (the usual denominator)
};

namespace detail {

/// Maps (a, b) node pairs to dense edge ids: a matrix when small, a hash map otherwise.
class PairIndex {
public:
    explicit PairIndex(std::size_t k) : k_(k) {
        if (k * k <= (std::size_t(1) << 22)) dense_.assign(k * k, -1);
    }
    /// The id of (a, b), adding it (as id @p next) if new; sets @p added.
    std::int32_t get(std::int32_t a, std::int32_t b, std::int32_t next, bool& added) {
        added = false;
        if (!dense_.empty()) {
            auto& slot = dense_[std::size_t(a) * k_ + std::size_t(b)];
            if (slot < 0) {
                slot = next;
                added = true;
            }
            return slot;
        }
        const auto key = (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b);
        auto [it, ins] = sparse_.emplace(key, next);
        added = ins;
        return it->second;
    }

private:
    std::size_t k_;
    std::vector<std::int32_t> dense_;
    std::unordered_map<std::uint64_t, std::int32_t> sparse_;
};

/// Renumbers node codes to the nodes that some event has (first-appearance order in the
/// finalised log); returns the map code -> new index (-1: unused) and fills names/events.
[[nodiscard]] inline std::vector<std::int32_t> used_nodes(const std::vector<std::int32_t>& codes,
                                            const std::vector<std::string>& names,
                                            std::vector<std::string>& out_names,
                                            std::vector<std::int64_t>& out_events,
                                            std::size_t& skipped) {
    std::vector<std::int32_t> remap(names.size(), -1);
    skipped = 0;
    for (const std::int32_t c : codes) {
        if (c < 0) {
            ++skipped;
            continue;
        }
        auto& r = remap[std::size_t(c)];
        if (r < 0) {
            r = std::int32_t(out_names.size());
            out_names.push_back(names[std::size_t(c)]);
            out_events.push_back(0);
        }
        ++out_events[std::size_t(r)];
    }
    return remap;
}

}  // namespace detail

/// Builds the pair table of @p log over the nodes given by @p key. InputError for beta
/// outside [0, 1) or a quantile outside [0, 1]; see the file comment for the definition.
[[nodiscard]] inline TransitionTable transitions(const EventLog& log, const NodeKey& key,
                                   const TransitionOptions& opt = {}) {
    const ProgressHandler& progress = opt.progress;
    log.require_finalised();
    if (!(opt.beta >= 0.0 && opt.beta < 1.0))
        throw InputError("beta must be in [0, 1), not " + std::to_string(opt.beta));
    for (double q : opt.quantiles)
        if (!(q >= 0.0 && q <= 1.0))
            throw InputError("quantiles must be in [0, 1], not " + std::to_string(q));
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    TransitionTable t;
    t.beta = opt.beta;
    t.self_loops = opt.self_loops;
    t.quantiles = opt.quantiles;
    const auto remap = detail::used_nodes(codes, *names_p, t.nodes, t.node_events, t.skipped_events);
    detail::PairIndex index(t.nodes.size());
    t.node_starts.assign(t.nodes.size(), 0);
    t.node_ends.assign(t.nodes.size(), 0);
    const auto& off = log.case_offsets();
    const auto& time = log.time;
    std::vector<std::int32_t> pair_edge;    // per direct succession
    std::vector<std::int64_t> pair_wait;
    pair_edge.reserve(log.event_count());
    pair_wait.reserve(log.event_count());
    std::vector<std::int32_t> last_case;
    std::vector<std::int32_t> seq;           // known-node events of the current case
    std::vector<double> powers{1.0};
    auto edge_of = [&](std::int32_t a, std::int32_t b) {
        bool added;
        const auto e = index.get(a, b, std::int32_t(t.source.size()), added);
        if (added) {
            t.source.push_back(a);
            t.target.push_back(b);
            t.volume.push_back(0.0);
            t.handovers.push_back(0);
            t.cases.push_back(0);
            last_case.push_back(-1);
        }
        return e;
    };
    const std::size_t nc = log.case_count();
    for (std::size_t c = 0; c < nc; ++c) {
        if ((c & 0xFFFF) == 0) report_progress(progress, double(c) / double(nc));
        seq.clear();
        for (auto i = off[c]; i < off[c + 1]; ++i)
            if (codes[std::size_t(i)] >= 0) seq.push_back(std::int32_t(i));
        const std::size_t m = seq.size();
        if (m > 0) {
            ++t.node_starts[std::size_t(remap[std::size_t(codes[std::size_t(seq.front())])])];
            ++t.node_ends[std::size_t(remap[std::size_t(codes[std::size_t(seq.back())])])];
        }
        for (std::size_t i = 0; i + 1 < m; ++i) {
            const std::int32_t a = remap[std::size_t(codes[std::size_t(seq[i])])];
            // direct succession
            {
                const std::int32_t b = remap[std::size_t(codes[std::size_t(seq[i + 1])])];
                if (opt.self_loops || a != b) {
                    const auto e = edge_of(a, b);
                    t.volume[std::size_t(e)] += 1.0;
                    ++t.handovers[std::size_t(e)];
                    if (last_case[std::size_t(e)] != std::int32_t(c)) {
                        last_case[std::size_t(e)] = std::int32_t(c);
                        ++t.cases[std::size_t(e)];
                    }
                    pair_edge.push_back(e);
                    pair_wait.push_back(time[std::size_t(seq[i + 1])] - time[std::size_t(seq[i])]);
                }
            }
            if (opt.beta == 0.0) continue;
            while (powers.size() < m) powers.push_back(powers.back() * opt.beta);
            for (std::size_t j = i + 2; j < m; ++j) {
                const double w = powers[j - i - 1];
                if (w == 0.0) break;
                const std::int32_t b = remap[std::size_t(codes[std::size_t(seq[j])])];
                if (!opt.self_loops && a == b) continue;
                const auto e = edge_of(a, b);
                t.volume[std::size_t(e)] += w;
                if (last_case[std::size_t(e)] != std::int32_t(c)) {
                    last_case[std::size_t(e)] = std::int32_t(c);
                    ++t.cases[std::size_t(e)];
                }
            }
        }
    }
    report_progress(progress, 1.0);
    // totals and shares
    const std::size_t ne = t.source.size();
    for (double v : t.volume) t.total_volume += v;
    t.share.resize(ne);
    for (std::size_t e = 0; e < ne; ++e) t.share[e] = t.total_volume > 0 ? t.volume[e] / t.total_volume : 0.0;
    // waiting times: counting sort of the direct successions by edge
    std::vector<std::int64_t> start(ne + 1, 0);
    for (const auto e : pair_edge) ++start[std::size_t(e) + 1];
    for (std::size_t e = 0; e < ne; ++e) start[e + 1] += start[e];
    std::vector<double> waits(pair_edge.size());
    {
        std::vector<std::int64_t> next(start.begin(), start.end() - 1);
        for (std::size_t p = 0; p < pair_edge.size(); ++p)
            waits[std::size_t(next[std::size_t(pair_edge[p])]++)] = double(pair_wait[p]) * 1e-9;
    }
    pair_edge = {};
    pair_wait = {};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    t.mean_seconds.assign(ne, nan);
    t.median_seconds.assign(ne, nan);
    t.quantile_seconds.assign(opt.quantiles.size(), std::vector<double>(ne, nan));
    for (std::size_t e = 0; e < ne; ++e) {
        auto b = waits.begin() + start[e], en = waits.begin() + start[e + 1];
        if (b == en) continue;
        // sum in nanoseconds-exact order: long double for stability
        long double s = 0;
        for (auto it = b; it != en; ++it) s += *it;
        t.mean_seconds[e] = double(s / (long double)(en - b));
        t.median_seconds[e] = quantile_inplace(b, en, 0.5);
        for (std::size_t q = 0; q < opt.quantiles.size(); ++q)
            t.quantile_seconds[q][e] = quantile_inplace(b, en, opt.quantiles[q]);
    }
    return t;
}

}  // namespace ketennet::eventlog
