// Helpers shared by the scorecard's sources (src/report/): not installed, not public.
#pragma once
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::report::internal {

inline std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ") {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

/// A network's metadata text ("per", "period"): a string, or an integer as text; empty when
/// absent. InputError for another kind of value.
inline std::string metadata_text(const Network& net, const std::string& key) {
    const auto& m = net.metadata();
    const auto it = m.find(key);
    if (it == m.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
    throw InputError("metadata '" + key + "' must be text such as '2022', not " + it->dump());
}

/// The unit of volumes summed over @p layers: "cases per year" on case layers of a network
/// whose "per" is "year", "messages per ..." on information layers, "items per ..." when
/// kinds mix; "per period" when "per" is not set.
inline std::string volume_unit(const Network& net, const std::vector<std::string>& layers) {
    std::set<LayerKind> kinds;
    for (const auto& l : layers)
        if (net.has_layer(l)) kinds.insert(net.layer(l).kind);
    std::string noun = "items";
    if (kinds.size() == 1) {
        if (*kinds.begin() == LayerKind::cases) noun = "cases";
        else if (*kinds.begin() == LayerKind::information) noun = "messages";
    }
    const std::string per = metadata_text(net, "per");
    return noun + " per " + (per.empty() ? "period" : per);
}

}  // namespace ketennet::report::internal
