#pragma once
/// @file diagnosis.ipp
/// @brief Definitions of governance/diagnosis.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ketennet/cohesion/density.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/governance/diagnosis.hpp"
#include "ketennet/governance/structure.hpp"
#include "ketennet/support/number_text.hpp"
#include "ketennet/support/quote.hpp"

namespace ketennet::governance {

namespace detail {

/// "low, moderate, high".
inline std::string level_list() {
    std::string out;
    for (const char* l : levels) out += (out.empty() ? "" : ", ") + std::string(l);
    return out;
}

inline bool is_level_name(const std::string& s) {
    return std::any_of(levels.begin(), levels.end(), [&](const char* l) { return s == l; });
}

inline std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

/// The modes a contingency at @p level points to (Provan & Kenis 2008, Table 1).
inline std::vector<std::string> points_to(const std::string& contingency, const std::string& level) {
    if (contingency == "participants")
        return level == "few" ? std::vector<std::string>{"shared"}
             : level == "many" ? std::vector<std::string>{"NAO"}
                               : std::vector<std::string>{"lead organisation", "NAO"};
    if (contingency == "need for network-level competencies")
        return level == "low" ? std::vector<std::string>{"shared"}
             : level == "high" ? std::vector<std::string>{"NAO"}
                               : std::vector<std::string>{"lead organisation"};
    // trust and goal consensus
    return level == "low" ? std::vector<std::string>{"lead organisation"}
         : level == "high" ? std::vector<std::string>{"shared"}
                           : std::vector<std::string>{"NAO"};
}

inline std::string capitalized(std::string s) {
    if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace detail

KETENNET_INLINE std::optional<std::string> level_of(const Level& value, const std::string& name,
                                                    double low, double high) {
    if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (!detail::is_level_name(*text))
            throw InputError(name + " must be a number in [0, 1] or one of " + detail::level_list() +
                             ", not " + quoted_name(*text));
        return *text;
    }
    const double x = std::get<double>(value);
    if (!(x >= 0.0 && x <= 1.0))
        throw InputError(name + " must lie in [0, 1], not " + number_repr(x));
    return std::string(x < low ? "low" : (x >= high ? "high" : "moderate"));
}

KETENNET_INLINE Diagnosis diagnose(const Network& net, const DiagnosisOptions& options) {
    const std::size_t n = net.organisation_count();
    if (n < 2)
        throw InputError("diagnose: governance needs a network of at least two organisations, "
                         "this one has " + std::to_string(n));
    // --- trust: a layer (its density), a number or a level
    FindingValue trust_value;
    std::string trust_note = "not given";
    std::optional<std::string> trust_level;
    std::optional<std::vector<std::string>> layers = options.layers;
    const auto* trust_text = std::get_if<std::string>(&options.trust);
    if (trust_text && !detail::is_level_name(*trust_text)) {
        if (!net.has_layer(*trust_text))
            throw UnknownId("trust: no layer " + quoted_name(*trust_text) +
                            "; give a layer name, a number in [0, 1] or one of " + detail::level_list());
        ViewOptions trust_view;
        trust_view.layers = {*trust_text};
        const double density = cohesion::density(*net.view(trust_view));
        trust_value = density;
        trust_note = "density of layer " + quoted_name(*trust_text);
        if (!layers) {
            std::vector<std::string> others;
            for (const Layer& l : net.layers())
                if (l.name != *trust_text) others.push_back(l.name);
            if (!others.empty()) layers = std::move(others);
        }
        trust_level = level_of(density, "trust", trust_low, trust_high);
    } else {
        trust_level = level_of(options.trust, "trust", trust_low, trust_high);
        if (trust_text) {
            trust_value = *trust_text;
            trust_note = "given";
        } else if (const auto* x = std::get_if<double>(&options.trust)) {
            trust_value = *x;
            trust_note = "given";
        }
    }
    const auto consensus_level = level_of(options.goal_consensus, "goal_consensus", consensus_mid, consensus_high);
    const auto need_level = level_of(options.competency_need, "competency_need", need_low, need_high);

    // --- observed structure
    ViewOptions structure_view;
    if (layers) structure_view.layers = *layers;
    const ObservedGovernance seen = observe(net, *net.view(structure_view), options.nao_attribute);

    Diagnosis d;
    d.observed_mode = seen.mode;
    d.centrally_integrated = seen.centrally_integrated;
    d.lead_organisation = seen.lead_organisation;
    d.nao = seen.nao;
    d.reasoning = seen.reasoning;

    // --- contingencies
    const std::string size_level = n <= few_participants ? "few" : (n > many_participants ? "many" : "moderate");
    const auto as_value = [](const Level& l) -> FindingValue {
        if (const auto* x = std::get_if<double>(&l)) return *x;
        if (const auto* s = std::get_if<std::string>(&l)) return *s;
        return {};
    };
    struct Contingency {
        std::string name;
        FindingValue value;
        std::optional<std::string> level;
        std::string note;
    };
    const bool consensus_given = !std::holds_alternative<std::monostate>(options.goal_consensus);
    const bool need_given = !std::holds_alternative<std::monostate>(options.competency_need);
    const std::vector<Contingency> contingencies = {
        {"trust", trust_value, trust_level, trust_note},
        {"participants", std::int64_t(n), size_level,
         std::to_string(n) + " organisations (few <= " + std::to_string(few_participants) +
             ", many > " + std::to_string(many_participants) + ")"},
        {"goal consensus", as_value(options.goal_consensus), consensus_level,
         consensus_given ? "given" : "not given"},
        {"need for network-level competencies", as_value(options.competency_need), need_level,
         need_given ? "given" : "not given"},
    };
    const auto text_or_none = [](const std::optional<std::string>& s) -> FindingValue {
        if (s) return *s;
        return {};
    };
    d.findings = {
        {"structure", "organisations", std::int64_t(n), size_level, "", std::nullopt, "size of the network"},
        {"structure", "density", seen.density, std::nullopt, "", std::nullopt, "share of possible ties present"},
        {"structure", "degree centralization", seen.centralization, std::nullopt, "", std::nullopt,
         std::string(seen.centrally_integrated ? "centrally integrated" : "not centrally integrated") +
             " (threshold " + number_repr(central_threshold) + ")"},
        {"structure", "lead organisation", text_or_none(seen.lead_organisation), std::nullopt,
         seen.lead_organisation ? "lead organisation" : "", std::nullopt, seen.lead_note},
        {"structure", "NAO", text_or_none(seen.nao), std::nullopt, seen.nao ? "NAO" : "", std::nullopt,
         seen.nao_note},
    };
    std::size_t known = 0;
    for (const Contingency& c : contingencies) {
        if (!c.level) {
            d.findings.push_back({"contingency", c.name, {}, std::nullopt, "", std::nullopt, "unknown: not given"});
            d.reasoning.push_back(detail::capitalized(c.name) + ": unknown (not given), not used.");
            continue;
        }
        ++known;
        const std::vector<std::string> favoured = detail::points_to(c.name, *c.level);
        for (const std::string& m : favoured)
            for (std::size_t k = 0; k < modes.size(); ++k)
                if (m == modes[k]) ++d.scores[k];
        const bool agrees = std::find(favoured.begin(), favoured.end(), seen.mode) != favoured.end();
        const std::string joined = detail::joined(favoured, " or ");
        d.findings.push_back({"contingency", c.name, c.value, c.level, joined, agrees, c.note});
        d.reasoning.push_back(detail::capitalized(c.name) + " is " + *c.level + " -> " + joined +
                              (agrees ? "" : "; disagrees with the observed " + seen.mode) + ".");
    }
    const int best = *std::max_element(d.scores.begin(), d.scores.end());
    std::vector<std::string> top_modes;
    for (std::size_t k = 0; k < modes.size(); ++k)
        if (d.scores[k] == best) top_modes.push_back(modes[k]);
    if (known < min_known) {
        d.reasoning.push_back("Only " + std::to_string(known) +
                              " of the four contingencies is known (the number of participants): too "
                              "little to indicate a mode. Give trust, goal consensus and the need for "
                              "network-level competencies to judge the fit.");
    } else if (top_modes.size() != 1) {
        d.reasoning.push_back("The contingencies are split between " + detail::joined(top_modes, " and ") +
                              " (" + std::to_string(best) + " each): no single mode is indicated.");
    } else {
        d.mode = top_modes.front();
        d.fits = *d.mode == seen.mode;
        d.reasoning.push_back("Indicated mode: " + *d.mode + " (" + std::to_string(best) +
                              " of the known contingencies). " +
                              (*d.fits ? std::string("The observed governance fits.")
                                       : "The observed " + seen.mode + " does not fit: Provan & Kenis expect " +
                                             *d.mode + " to be more effective here."));
    }
    return d;
}

}  // namespace ketennet::governance
