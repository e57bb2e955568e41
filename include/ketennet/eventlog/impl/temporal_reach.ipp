#pragma once
/// @file temporal_reach.ipp
/// @brief Definitions of eventlog/temporal_reach.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

#include "ketennet/eventlog/temporal_reach.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/detail/pairs.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

namespace detail {

/// Checks a contact stream and options; returns the number of nodes.
inline std::size_t check_contacts(const HandoverContacts& c, const TemporalReachOptions& opt,
                                  const char* what) {
    if (opt.within_ns < 0 && opt.within_ns != no_wait_limit)
        throw InputError(std::string(what) + ": the waiting limit must be >= 0, not " +
                         std::to_string(opt.within_ns) + " ns");
    const std::size_t m = c.source.size();
    if (c.target.size() != m || c.departure.size() != m || c.arrival.size() != m ||
        (!c.case_index.empty() && c.case_index.size() != m))
        throw InputError(std::string(what) + ": the contact columns differ in length");
    const std::size_t n = c.nodes.size();
    for (std::size_t i = 0; i < m; ++i) {
        if (c.source[i] < 0 || std::size_t(c.source[i]) >= n || c.target[i] < 0 ||
            std::size_t(c.target[i]) >= n)
            throw InputError(std::string(what) + ": contact " + std::to_string(i) +
                             " names a node out of range");
        if (c.departure[i] == missing_int || c.arrival[i] == missing_int)
            throw InputError(std::string(what) + ": contact " + std::to_string(i) + " has no " +
                             (c.departure[i] == missing_int ? "departure" : "arrival") + " time");
        if (c.arrival[i] < c.departure[i])
            throw InputError(std::string(what) + ": contact " + std::to_string(i) + " arrives (" +
                             std::to_string(c.arrival[i]) + " ns) before it departs (" +
                             std::to_string(c.departure[i]) + " ns)");
    }
    if (m > 0) {
        // every arrival is >= its departure: the span runs from the first departure to the last arrival
        const std::int64_t lo = *std::min_element(c.departure.begin(), c.departure.end());
        const std::int64_t hi = *std::max_element(c.arrival.begin(), c.arrival.end());
        if (std::uint64_t(hi) - std::uint64_t(lo) > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            throw InputError(std::string(what) + ": the contacts span more than 292 years");
    }
    return n;
}

/// An empty result for n nodes.
inline TemporalReach empty_reach(const HandoverContacts& c, const TemporalReachOptions& opt) {
    TemporalReach r;
    const std::size_t n = c.nodes.size();
    r.nodes = c.nodes;
    r.reachable.assign(n * n, 0);
    r.fastest_ns.assign(n * n, missing_int);
    r.first_arrival_ns.assign(n * n, missing_int);
    r.reach.assign(n, 0);
    r.reached_by.assign(n, 0);
    r.contacts = c.source.size();
    r.skipped_events = c.skipped_events;
    r.within_ns = opt.within_ns;
    return r;
}

/// Records that the source (row @p row) reaches node @p v at @p t after departing at @p t0.
inline void record_reach(TemporalReach& r, std::size_t row, std::int32_t v, std::int64_t t0, std::int64_t t) {
    const std::size_t k = row + std::size_t(v);
    r.reachable[k] = 1;
    const std::int64_t d = t - t0;
    if (r.fastest_ns[k] == missing_int || d < r.fastest_ns[k]) r.fastest_ns[k] = d;
    if (r.first_arrival_ns[k] == missing_int || t < r.first_arrival_ns[k]) r.first_arrival_ns[k] = t;
}

/// The reach counts of a finished result.
inline void count_reach(TemporalReach& r) {
    const std::size_t n = r.nodes.size();
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t v = 0; v < n; ++v)
            if (r.reachable[s * n + v]) {
                ++r.reach[s];
                ++r.reached_by[v];
            }
}

/// True when information that arrived at @p a may still leave at @p t (a <= t).
inline bool within_wait(std::int64_t a, std::int64_t t, std::int64_t within) {
    return within == no_wait_limit || std::uint64_t(t) - std::uint64_t(a) <= std::uint64_t(within);
}

/// The (departure, arrival) pairs of the paths from one source that have arrived at a node:
/// arrival ascending and departure strictly descending (each beats the later ones on
/// departure and loses on arrival); [head, size) are live, those before head waited too long.
/// Pairs join in arrival order, so a new pair removes the pairs at the back it beats.
struct ReachLabels {
    struct Label {
        std::int64_t departure, arrival;
    };
    std::vector<Label> labels;
    std::size_t head = 0;

    void clear() {
        labels.clear();
        head = 0;
    }
    /// Adds the pair (@p departure, @p arrival), arrival >= every arrival held; false when a
    /// pair with the same arrival departs no earlier (nothing changes).
    bool add(std::int64_t departure, std::int64_t arrival) {
        if (labels.size() > head && labels.back().arrival == arrival && labels.back().departure >= departure)
            return false;
        while (labels.size() > head && labels.back().departure <= departure) labels.pop_back();
        labels.push_back({departure, arrival});
        return true;
    }
    /// The latest departure of the pairs that may leave at @p t (arrived in [t - within, t]),
    /// or missing_int; @p t never decreases between calls.
    std::int64_t departure_at(std::int64_t t, std::int64_t within) {
        while (head < labels.size() && !within_wait(labels[head].arrival, t, within)) ++head;
        return head < labels.size() ? labels[head].departure : missing_int;
    }
};

}  // namespace detail

KETENNET_INLINE HandoverContacts handover_contacts(const EventLog& log, const NodeKey& key) {
    log.require_finalised();
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    HandoverContacts c;
    std::vector<std::int64_t> events;
    const auto remap = detail::used_nodes(codes, *names_p, c.nodes, events, c.skipped_events);
    const auto& off = log.case_offsets();
    for (std::size_t k = 0; k < log.case_count(); ++k) {
        std::int32_t prev = -1;
        std::int64_t prev_time = 0;  // the time of the last event with a node: where a handover departs
        for (auto i = off[k]; i < off[k + 1]; ++i) {
            const std::int32_t code = codes[std::size_t(i)];
            if (code < 0) continue;
            const std::int32_t b = remap[std::size_t(code)];
            const std::int64_t t = log.time[std::size_t(i)];
            if (prev >= 0 && prev != b) {
                c.source.push_back(prev);
                c.target.push_back(b);
                c.departure.push_back(prev_time);
                c.arrival.push_back(t);
                c.case_index.push_back(std::int32_t(k));
            }
            prev = b;
            prev_time = t;
        }
    }
    return c;
}

KETENNET_INLINE StageOrder stage_order(const EventLog& log, const NodeKey& key,
                                       const std::vector<Stage>& stages) {
    log.require_finalised();
    if (stages.empty()) throw InputError("stage_order: no stages given");
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    const auto& names = *names_p;
    std::unordered_map<std::string, std::vector<std::int32_t>> index;
    for (std::size_t i = 0; i < stages.size(); ++i)
        for (const auto& o : stages[i].organisations) {
            if (o.empty())
                throw InputError("stage_order: stage '" + stages[i].name + "' lists an empty organisation id");
            auto& v = index[o];
            if (v.empty() || v.back() != std::int32_t(i)) v.push_back(std::int32_t(i));
        }
    // the stage indices of every node code, ascending; `staged` says whether it has any
    std::vector<std::vector<std::int32_t>> stage_of(names.size());
    std::vector<std::uint8_t> staged(names.size(), 0), listed(names.size(), 0);
    for (std::size_t c = 0; c < names.size(); ++c) {
        auto it = index.find(names[c]);
        if (it != index.end()) {
            stage_of[c] = it->second;
            staged[c] = 1;
        }
    }
    StageOrder out;
    const auto& off = log.case_offsets();
    out.cases.resize(log.case_count());
    for (std::size_t k = 0; k < log.case_count(); ++k) {
        bool any = false, unstaged = false, violates = false;
        std::int32_t cur = -1;
        for (auto i = off[k]; i < off[k + 1]; ++i) {
            const std::int32_t code = codes[std::size_t(i)];
            if (code < 0) continue;
            any = true;
            if (!staged[std::size_t(code)]) {
                unstaged = true;
                if (!listed[std::size_t(code)]) {
                    listed[std::size_t(code)] = 1;
                    out.unstaged_nodes.push_back(names[std::size_t(code)]);
                }
                continue;
            }
            if (violates) continue;
            const auto& st = stage_of[std::size_t(code)];
            const auto next = std::lower_bound(st.begin(), st.end(), cur);
            if (next == st.end()) violates = true;
            else cur = *next;
        }
        StageOrderCase v = unstaged  ? StageOrderCase::unstaged
                           : !any    ? StageOrderCase::no_organisation
                           : violates ? StageOrderCase::violates
                                      : StageOrderCase::respects;
        out.cases[k] = v;
        switch (v) {
            case StageOrderCase::respects: ++out.respecting; break;
            case StageOrderCase::violates: ++out.violating; break;
            case StageOrderCase::unstaged: ++out.unstaged; break;
            default: ++out.no_organisation; break;
        }
    }
    const std::int64_t d = out.respecting + out.violating;
    out.share = d > 0 ? double(out.respecting) / double(d) : std::numeric_limits<double>::quiet_NaN();
    return out;
}

KETENNET_INLINE TemporalReach temporal_reach(const HandoverContacts& contacts, const TemporalReachOptions& opt) {
    const std::size_t n = detail::check_contacts(contacts, opt, "temporal_reach");
    TemporalReach r = detail::empty_reach(contacts, opt);
    const std::size_t m = contacts.source.size();
    // contacts by (departure, arrival), stably: within one departure instant the contacts
    // that arrive at once (latency 0) come first
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return contacts.departure[a] != contacts.departure[b] ? contacts.departure[a] < contacts.departure[b]
                                                              : contacts.arrival[a] < contacts.arrival[b];
    });
    std::vector<std::int32_t> src(m), dst(m);
    std::vector<std::int64_t> dep(m), arr(m);
    for (std::size_t i = 0; i < m; ++i) {
        src[i] = contacts.source[order[i]];
        dst[i] = contacts.target[order[i]];
        dep[i] = contacts.departure[order[i]];
        arr[i] = contacts.arrival[order[i]];
    }
    // The contacts that arrive after they depart, by arrival (stably): the order in which
    // their pairs join the receiving node. They are read in this order, from arrays of their
    // own, and slot[i] is contact i's place among them (those of latency 0 join when they are
    // relaxed and have none): the pass reads them in sequence rather than scattered.
    order.clear();
    for (std::size_t i = 0; i < m; ++i)
        if (arr[i] != dep[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return arr[a] < arr[b]; });
    const std::size_t late = order.size();
    std::vector<std::int64_t> late_arr(late);
    std::vector<std::int32_t> late_dst(late);
    std::vector<std::size_t> slot(m, late);
    for (std::size_t j = 0; j < late; ++j) {
        late_arr[j] = arr[order[j]];
        late_dst[j] = dst[order[j]];
        slot[order[j]] = j;
    }
    order = {};
    const std::int64_t within = opt.within_ns;
    // Sources in fixed blocks; a source writes only its own row of the result, so the result
    // is the same for every thread count.
    const std::size_t blocks = block_count(n);
    parallel_blocks(blocks, opt.threads, [&](std::size_t blk) {
        std::vector<detail::ReachLabels> labels(n);
        // per contact that arrives later (by slot): the departure of the best path from the
        // source that takes it, or missing_int
        std::vector<std::int64_t> from(late);
        const auto [first_source, last_source] = block_range(n, blocks, blk);
        for (std::size_t s = first_source; s < last_source; ++s) {
            for (auto& l : labels) l.clear();
            std::fill(from.begin(), from.end(), missing_int);
            const std::size_t row = s * n;
            // the latest departure from the source of a path that may leave x at t
            const auto departure_at = [&](std::int32_t x, std::int64_t t) {
                return std::size_t(x) == s ? t : labels[std::size_t(x)].departure_at(t, within);
            };
            std::size_t j = 0;  // the next contact that arrives later, by arrival, whose pair has not joined
            for (std::size_t g = 0; g < m;) {
                const std::int64_t t = dep[g];
                std::size_t z = g;  // [g, z): latency 0; [z, h): arriving later
                while (z < m && dep[z] == t && arr[z] == t) ++z;
                std::size_t h = z;
                while (h < m && dep[h] == t) ++h;
                // the pairs of the contacts that arrived by the time the contacts of instant t depart
                for (; j < late && late_arr[j] <= t; ++j)
                    if (from[j] != missing_int) labels[std::size_t(late_dst[j])].add(from[j], late_arr[j]);
                // contacts that arrive at the instant they depart may chain: relax them until stable
                for (bool again = true; again;) {
                    again = false;
                    for (std::size_t i = g; i < z; ++i) {
                        if (std::size_t(dst[i]) == s) continue;  // a path back to the source is never faster
                        const std::int64_t d0 = departure_at(src[i], t);
                        if (d0 == missing_int || !labels[std::size_t(dst[i])].add(d0, t)) continue;
                        detail::record_reach(r, row, dst[i], d0, t);
                        again = z - g > 1;
                    }
                }
                // the others arrive later: their pairs join when the pass reaches their arrival
                for (std::size_t i = z; i < h; ++i) {
                    if (std::size_t(dst[i]) == s) continue;
                    const std::int64_t d0 = departure_at(src[i], t);
                    if (d0 == missing_int) continue;
                    from[slot[i]] = d0;
                    detail::record_reach(r, row, dst[i], d0, arr[i]);
                }
                g = h;
            }
        }
    }, opt.progress);
    detail::count_reach(r);
    return r;
}

KETENNET_INLINE TemporalReach temporal_reach(const EventLog& log, const NodeKey& key,
                                             const TemporalReachOptions& opt) {
    if (opt.within_ns < 0 && opt.within_ns != no_wait_limit)
        throw InputError("temporal_reach: the waiting limit must be >= 0, not " +
                         std::to_string(opt.within_ns) + " ns");
    const HandoverContacts contacts = handover_contacts(log, key);
    TemporalReach r = temporal_reach(contacts, opt);
    if (!opt.stages.empty()) {
        r.with_stage_order = true;
        r.stage_order = stage_order(log, key, opt.stages);
    }
    return r;
}

namespace reference {

KETENNET_INLINE TemporalReach temporal_reach(const HandoverContacts& contacts, const TemporalReachOptions& opt) {
    const std::size_t n = detail::check_contacts(contacts, opt, "temporal_reach");
    TemporalReach r = detail::empty_reach(contacts, opt);
    const std::size_t m = contacts.source.size();
    std::vector<std::vector<std::size_t>> out(n);  // contacts leaving each node
    for (std::size_t i = 0; i < m; ++i) out[std::size_t(contacts.source[i])].push_back(i);
    std::vector<std::uint8_t> seen(m);
    std::deque<std::size_t> queue;
    for (std::size_t s = 0; s < n; ++s) {
        report_progress(opt.progress, double(s) / double(n));
        for (const std::size_t first : out[s]) {
            const std::int64_t departure = contacts.departure[first];
            std::fill(seen.begin(), seen.end(), std::uint8_t(0));
            seen[first] = 1;
            queue.assign(1, first);
            while (!queue.empty()) {
                const std::size_t e = queue.front();
                queue.pop_front();
                const std::int32_t y = contacts.target[e];
                const std::int64_t t = contacts.arrival[e];
                if (std::size_t(y) != s) detail::record_reach(r, s * n, y, departure, t);
                for (const std::size_t f : out[std::size_t(y)])  // leaves y no earlier than e arrived, within W
                    if (!seen[f] && contacts.departure[f] >= t &&
                        detail::within_wait(t, contacts.departure[f], opt.within_ns)) {
                        seen[f] = 1;
                        queue.push_back(f);
                    }
            }
        }
    }
    report_progress(opt.progress, 1.0);
    detail::count_reach(r);
    return r;
}

}  // namespace reference

}  // namespace ketennet::eventlog
