#pragma once
/// @file transitions.ipp
/// @brief Definitions of eventlog/transitions.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/detail/pairs.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE TransitionTable transitions(const EventLog& log, const NodeKey& key,
                                            const TransitionOptions& opt) {
    const ProgressHandler& progress = opt.progress;
    log.require_finalised();
    if (!(opt.beta >= 0.0 && opt.beta < 1.0))
        throw InputError("beta must be in [0, 1), not " + std::to_string(opt.beta));
    for (double q : opt.quantiles)
        if (!(q >= 0.0 && q <= 1.0))
            throw InputError("quantiles must be in [0, 1], not " + std::to_string(q));
    if (opt.from >= opt.until)
        throw InputError("the time window is empty: from (" + std::to_string(opt.from) +
                         " ns) is not before until (" + std::to_string(opt.until) + " ns)");
    const bool windowed = opt.from != std::numeric_limits<std::int64_t>::min() ||
                          opt.until != std::numeric_limits<std::int64_t>::max();
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
    // whether event i lies in the window (always, without one)
    const auto in_window = [&](std::int32_t i) {
        return !windowed || (time[std::size_t(i)] >= opt.from && time[std::size_t(i)] < opt.until);
    };
    if (windowed) {  // the events in the window only
        std::fill(t.node_events.begin(), t.node_events.end(), 0);
        for (std::size_t i = 0; i < codes.size(); ++i)
            if (codes[i] >= 0 && in_window(std::int32_t(i)))
                ++t.node_events[std::size_t(remap[std::size_t(codes[i])])];
    }
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
            if (in_window(seq.front()))
                ++t.node_starts[std::size_t(remap[std::size_t(codes[std::size_t(seq.front())])])];
            if (in_window(seq.back()))
                ++t.node_ends[std::size_t(remap[std::size_t(codes[std::size_t(seq.back())])])];
        }
        for (std::size_t i = 0; i + 1 < m; ++i) {
            const std::int32_t a = remap[std::size_t(codes[std::size_t(seq[i])])];
            // direct succession
            {
                const std::int32_t b = remap[std::size_t(codes[std::size_t(seq[i + 1])])];
                if ((opt.self_loops || a != b) && in_window(seq[i + 1])) {
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
                if ((!opt.self_loops && a == b) || !in_window(seq[j])) continue;
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
    if (windowed) {  // keep the nodes active in the window, in their order
        std::vector<char> keep(t.nodes.size(), 0);
        for (std::size_t v = 0; v < t.nodes.size(); ++v) keep[v] = t.node_events[v] > 0;
        for (std::size_t e = 0; e < t.source.size(); ++e)
            keep[std::size_t(t.source[e])] = keep[std::size_t(t.target[e])] = 1;
        std::vector<std::int32_t> to(t.nodes.size(), -1);
        std::size_t k = 0;
        for (std::size_t v = 0; v < t.nodes.size(); ++v) {
            if (!keep[v]) continue;
            to[v] = std::int32_t(k);
            if (k != v) t.nodes[k] = std::move(t.nodes[v]);
            t.node_events[k] = t.node_events[v];
            t.node_starts[k] = t.node_starts[v];
            t.node_ends[k] = t.node_ends[v];
            ++k;
        }
        t.nodes.resize(k);
        t.node_events.resize(k);
        t.node_starts.resize(k);
        t.node_ends.resize(k);
        for (auto& a : t.source) a = to[std::size_t(a)];
        for (auto& b : t.target) b = to[std::size_t(b)];
    }
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
