#pragma once
/// @file organisation.hpp
/// @brief An organisation: a node of the network.
#include <string>

#include "ketennet/core/attributes.hpp"

namespace ketennet {

/// An organisation of the justice and security domain.
///
/// - `id`: unique, non-empty identifier (for example "om").
/// - `name`: display name ("Openbaar Ministerie"); empty means "use the id".
/// - `sector`: free string. Suggested codes (docs/model.md): politie, kmar, om, rechtspraak,
///   cjib, dji, reclassering, nifp, rvdk, halt, jeugdzorg, slachtofferhulp, gemeente, zvh,
///   veiligheidsregio, ind, coa, dtv, avim, nctv.
/// - `attributes`: any further typed attributes (string, number, bool).
struct Organisation {
    std::string id{};
    std::string name{};
    std::string sector{};
    Attributes attributes{};

    /// The name to display: `name`, or `id` when no name is set.
    const std::string& display_name() const { return name.empty() ? id : name; }

    friend bool operator==(const Organisation& a, const Organisation& b) {
        return a.id == b.id && a.name == b.name && a.sector == b.sector &&
               a.attributes == b.attributes;
    }
    friend bool operator!=(const Organisation& a, const Organisation& b) { return !(a == b); }
};

}  // namespace ketennet
