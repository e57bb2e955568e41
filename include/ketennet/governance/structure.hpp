/// @file structure.hpp
/// @brief The governance mode a network's structure shows (Provan & Kenis 2008) and whether
/// it is centrally integrated (Provan & Milward 1995).
///
/// A network is governed by a network administrative organisation (NAO) when an
/// organisation marked `<nao_attribute> = "nao"` (any case, surrounding spaces ignored) is
/// tied to at least half (reach) of the others (the attribute may also be the field "id",
/// "name" or "sector"); else by a lead organisation when degree
/// centralization is at least 0.5 (central) and the organisation with the most contacts is
/// tied to at least half of the others; else governance is shared. It is centrally
/// integrated when degree centralization is at least 0.5.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::governance {

/// Degree centralization at or above which a network counts as centrally integrated and,
/// with a dominant member, as led by a lead organisation.
inline constexpr double central_threshold = 0.5;
/// Share of the other organisations a lead organisation or NAO must be tied to.
inline constexpr double reach_threshold = 0.5;

/// The observed structure of a network's governance.
struct ObservedGovernance {
    std::size_t organisations = 0;
    double density = 0.0;
    double centralization = 0.0;  ///< degree centralization (all ties)
    std::string mode;             ///< "shared", "lead organisation" or "NAO"
    std::optional<std::string> lead_organisation, nao;
    bool centrally_integrated = false;
    std::string lead_note;  ///< why there is a lead organisation, or why there is none
    std::string nao_note;   ///< why there is an NAO, or why there is none
    /// The reasoning, one sentence each: the structure and mode; who governs; central
    /// integration.
    std::vector<std::string> reasoning;
};

/// The governance mode the structure of @p net on @p view (a view of @p net, unweighted)
/// shows. InputError for fewer than two organisations.
[[nodiscard]] ObservedGovernance observe(const Network& net, const View& view,
                                  const std::string& nao_attribute = "role");

}  // namespace ketennet::governance

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/governance/impl/structure.ipp"
#endif
