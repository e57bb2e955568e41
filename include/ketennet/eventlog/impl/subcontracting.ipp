#pragma once
/// @file subcontracting.ipp
/// @brief Definitions of eventlog/subcontracting.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/subcontracting.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/detail/pairs.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/working_together.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE PairCounts subcontracting_counts(const EventLog& log, const NodeKey& key,
                                                 const SubcontractingOptions& opt) {
    const int n = opt.n;
    const bool self_loops = opt.self_loops;
    log.require_finalised();
    if (n < 2) throw InputError("subcontracting: the window n must be at least 2, not " + std::to_string(n));
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    PairCounts out;
    const auto remap = detail::used_nodes(codes, *names_p, out.nodes, out.node_events, out.skipped_events);
    detail::PairIndex index(out.nodes.size());
    std::vector<std::int32_t> seq;
    const auto& off = log.case_offsets();
    out.cases = log.case_count();
    const auto un = std::size_t(n);
    for (std::size_t c = 0; c < log.case_count(); ++c) {
        seq.clear();
        for (auto i = off[c]; i < off[c + 1]; ++i)
            if (codes[std::size_t(i)] >= 0) seq.push_back(remap[std::size_t(codes[std::size_t(i)])]);
        for (std::size_t i = 0; i + un < seq.size(); ++i) {
            if (seq[i] != seq[i + un]) continue;
            for (std::size_t j = i + 1; j < i + un; ++j) {
                if (!self_loops && seq[j] == seq[i]) continue;
                bool added;
                const auto e = index.get(seq[i], seq[j], std::int32_t(out.source.size()), added);
                if (added) {
                    out.source.push_back(seq[i]);
                    out.target.push_back(seq[j]);
                    out.count.push_back(0.0);
                }
                out.count[std::size_t(e)] += 1.0;
            }
        }
    }
    out.share.resize(out.count.size());
    for (std::size_t e = 0; e < out.count.size(); ++e) out.share[e] = out.count[e] / double(out.cases);
    return out;
}

KETENNET_INLINE Network subcontracting(const EventLog& log, const NodeKey& key,
                                       const SubcontractingOptions& opt) {
    nlohmann::ordered_json meta;
    meta["n"] = opt.n;
    meta["self_loops"] = opt.self_loops;
    return network_from_pair_counts(subcontracting_counts(log, key, opt),
                                    "subcontracting", "subcontracting", true, std::move(meta));
}

}  // namespace ketennet::eventlog
