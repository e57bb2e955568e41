#pragma once
/// @file network.ipp
/// @brief Definitions of model/network.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/model/network.hpp"

namespace ketennet {

KETENNET_INLINE void Network::set_metadata(nlohmann::ordered_json metadata, std::size_t json_depth) {
    if (!metadata.is_object()) throw InputError("network metadata must be a JSON object");
    // iterative walk: the check itself must not recurse
    std::vector<std::pair<const nlohmann::ordered_json*, std::size_t>> todo{{&metadata, 2}};
    while (!todo.empty()) {
        auto [j, level] = todo.back();
        todo.pop_back();
        if (level > json_depth)
            throw InputError("/metadata: nesting deeper than " + std::to_string(json_depth) +
                             " levels (limit: json_depth of ketennet::io::Limits; in Python "
                             "ketennet.io.set_limits(json_depth=...))");
        for (const auto& child : *j)
            if (child.is_structured()) todo.emplace_back(&child, level + 1);
    }
    metadata_ = std::move(metadata);
    touch();
}

}  // namespace ketennet
