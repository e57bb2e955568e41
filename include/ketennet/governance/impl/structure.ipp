#pragma once
/// @file structure.ipp
/// @brief Definitions of governance/structure.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "ketennet/governance/structure.hpp"
#include "ketennet/brokerage/structural_holes.hpp"
#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/quote.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::governance {

namespace detail {

inline std::string fixed(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

inline std::string percent(double share) { return fixed(share * 100.0, 0) + "%"; }

}  // namespace detail

KETENNET_INLINE ObservedGovernance observe(const Network& net, const View& view,
                                  const std::string& nao_attribute) {
    const std::size_t n = net.organisation_count();
    if (n < 2)
        throw InputError("diagnose: governance needs a network of at least two organisations, "
                         "this one has " + std::to_string(n));
    ObservedGovernance g;
    g.organisations = n;
    g.density = cohesion::density(view);
    g.centralization = cohesion::degree_centralization(view, centrality::Direction::all);
    const std::vector<double> contacts = brokerage::contact_counts(view);
    std::vector<double> reach(contacts.size());
    for (std::size_t v = 0; v < contacts.size(); ++v) reach[v] = contacts[v] / double(n - 1);
    g.nao_note = "no organisation has " + nao_attribute + " = 'nao'";
    std::optional<std::size_t> best;
    for (std::size_t v = 0; v < n; ++v) {
        const Organisation& o = net.organisation(vertex_t(v));
        const std::string* text = nao_attribute == "id"       ? &o.id
                                  : nao_attribute == "name"   ? &o.name
                                  : nao_attribute == "sector" ? &o.sector
                                                              : nullptr;
        if (!text) {
            const auto it = o.attributes.find(nao_attribute);
            if (it == o.attributes.end()) continue;
            text = std::get_if<std::string>(&it->second);
            if (!text) continue;
        }
        std::string t = *text;
        const auto first = t.find_first_not_of(" \t\n\r\f\v");
        const auto last = t.find_last_not_of(" \t\n\r\f\v");
        t = first == std::string::npos ? std::string() : t.substr(first, last - first + 1);
        std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (t == "nao" && (!best || reach[v] > reach[*best])) best = v;
    }
    if (best) {
        const std::string id = quoted_name(net.organisation(vertex_t(*best)).id);
        const double r = reach[*best];
        if (r >= reach_threshold) {
            g.nao = net.organisation(vertex_t(*best)).id;
            g.nao_note = id + " is marked NAO and tied to " + detail::percent(r) + " of the others";
        } else {
            g.nao_note = id + " is marked NAO but tied to only " + detail::percent(r) +
                         " of the others (< " + detail::percent(reach_threshold) +
                         "), so it does not govern the network";
        }
    }
    const std::size_t top = std::size_t(std::max_element(contacts.begin(), contacts.end()) - contacts.begin());
    if (!g.nao && g.centralization >= central_threshold && reach[top] >= reach_threshold)
        g.lead_organisation = net.organisation(vertex_t(top)).id;
    g.mode = g.nao ? "NAO" : (g.lead_organisation ? "lead organisation" : "shared");
    g.centrally_integrated = g.centralization >= central_threshold;
    g.lead_note = g.lead_organisation
        ? quoted_name(*g.lead_organisation) + " has the most contacts and reaches " +
              detail::percent(reach[top]) + " of the others"
        : "no dominant member (centralization " + detail::fixed(g.centralization, 2) +
              ", top reach " + detail::percent(reach[top]) + ")";
    g.reasoning.push_back("Observed structure: " + std::to_string(n) + " organisations, density " +
                          detail::fixed(g.density, 2) + ", degree centralization " +
                          detail::fixed(g.centralization, 2) + "; observed mode: " + g.mode + ".");
    if (g.nao)
        g.reasoning.push_back("An NAO governs: " + g.nao_note + ".");
    else if (g.lead_organisation)
        g.reasoning.push_back("A lead organisation governs: " + g.lead_note + ".");
    else
        g.reasoning.push_back("No NAO and no dominant member: governance is shared.");
    g.reasoning.push_back(g.centrally_integrated
                              ? "Centrally integrated (Provan & Milward 1995)."
                              : "Not centrally integrated (Provan & Milward 1995 found centrally "
                                "integrated networks more effective).");
    return g;
}

}  // namespace ketennet::governance
