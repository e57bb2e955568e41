#pragma once
/// @file pairs.hpp
/// @brief detail::PairIndex and detail::used_nodes(): the node renumbering and pair index
/// shared by the pair tables of transitions(), working_together_counts(),
/// subcontracting_counts() and by journeys().
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ketennet::eventlog::detail {

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

}  // namespace ketennet::eventlog::detail
