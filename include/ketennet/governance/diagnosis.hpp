#pragma once
/// @file diagnosis.hpp
/// @brief Governance fit (Provan & Kenis 2008): the mode a network's structure shows, the
/// mode its contingencies point to, and where they disagree.
///
/// Provan & Kenis (2008, "Modes of network governance: structure, management, and
/// effectiveness", JPART 18:229-252) distinguish three modes of network governance: shared
/// governance (the members govern together), a lead organisation (one member governs) and a
/// network administrative organisation (NAO, a separate entity set up to govern). Which mode
/// works depends on four contingencies (their Table 1):
///
///   contingency            shared   lead organisation          NAO
///   trust (density)        high     low, highly centralized    moderate
///   participants           few      moderate                   moderate to many
///   goal consensus         high     moderately low             moderately high
///   need for competencies  low      moderate                   high
///
/// diagnose() reports the observed structure (governance::observe, structure.hpp), the mode
/// the known contingencies point to and the fit, as findings rows and reasoning sentences.
/// The thresholds below are the operationalisation of "few", "high", ...; the Python package
/// reads them from here.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::governance {

/// The governance modes of Provan & Kenis (2008), in the order results list them.
inline constexpr std::array<const char*, 3> modes = {"shared", "lead organisation", "NAO"};
/// The level names of a contingency given as a level.
inline constexpr std::array<const char*, 3> levels = {"low", "moderate", "high"};

/// Participants: "few" up to this many organisations (shared governance).
inline constexpr std::size_t few_participants = 8;
/// Participants: "many" above this many organisations (NAO); in between "moderate".
inline constexpr std::size_t many_participants = 20;
/// Trust (density of trust ties, or a share in [0, 1]): low below, high at or above.
inline constexpr double trust_low = 0.3;
inline constexpr double trust_high = 0.6;
/// Goal consensus in [0, 1]: moderately low below consensus_mid, high at or above
/// consensus_high, moderate in between.
inline constexpr double consensus_mid = 0.5;
inline constexpr double consensus_high = 0.75;
/// Need for network-level competencies in [0, 1]: low below 1/3, high at or above 2/3.
inline constexpr double need_low = 1.0 / 3.0;
inline constexpr double need_high = 2.0 / 3.0;
/// Contingencies that must be known (the number of participants always is) to indicate a
/// mode.
inline constexpr std::size_t min_known = 2;

/// A contingency as given: unknown (std::monostate), a number in [0, 1], or a level name
/// ("low", "moderate", "high").
using Level = std::variant<std::monostate, double, std::string>;

/// The options of diagnose().
struct DiagnosisOptions {
    /// Trust among the members: a Level, or the name of a layer of trust ties (a string that
    /// is not a level name), whose density (unweighted) is the trust level.
    Level trust{};
    /// Goal consensus among the members.
    Level goal_consensus{};
    /// Need for network-level competencies.
    Level competency_need{};
    /// The layers whose structure is judged; nullopt: every layer but a trust layer (every
    /// layer when the trust layer is the only one). Unknown layers: UnknownId, as
    /// Network::view().
    std::optional<std::vector<std::string>> layers{};
    /// The organisation attribute (or the field "id", "name", "sector") whose value "nao"
    /// (any case) marks a candidate NAO.
    std::string nao_attribute = "role";
};

/// The value of a finding: none, a count, a number or a text.
using FindingValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// One indicator of the diagnosis.
struct Finding {
    std::string aspect;     ///< "structure" or "contingency"
    std::string indicator;  ///< "organisations", "density", ..., "trust", "participants", ...
    FindingValue value{};   ///< the value (a contingency: as given, or the trust layer's density)
    std::optional<std::string> level{};  ///< its level; nullopt when it has none or is unknown
    std::string points_to;               ///< the modes it favours, joined by " or " ("" for none)
    std::optional<bool> agrees{};        ///< agrees with the observed mode; nullopt: not judged
    std::string note;
};

/// The result of diagnose().
struct Diagnosis {
    /// The mode the known contingencies point to, or nullopt when they are split evenly or
    /// fewer than min_known are known.
    std::optional<std::string> mode{};
    std::string observed_mode;  ///< the mode the structure shows (governance::observe)
    /// Whether the observed mode is the indicated one; nullopt when mode is.
    std::optional<bool> fits{};
    bool centrally_integrated = false;  ///< degree centralization >= central_threshold
    std::optional<std::string> lead_organisation{}, nao{};
    /// Five structure rows (organisations, density, degree centralization, lead
    /// organisation, NAO), then the four contingencies (trust, participants, goal consensus,
    /// need for network-level competencies).
    std::vector<Finding> findings;
    /// The reasoning, one sentence each: observe()'s three, one per contingency, the verdict.
    std::vector<std::string> reasoning;
    /// The contingencies pointing to each mode, in the order of modes.
    std::array<int, 3> scores{};
};

/// @p value as a level of the contingency @p name: nullopt when unknown; a level name as
/// given; a number x in [0, 1] as "low" (x < low), "high" (x >= high) or "moderate".
/// InputError for another text ("<name> must be a number in [0, 1] or one of low, moderate,
/// high, not 'x'") or a number outside [0, 1] or NaN ("<name> must lie in [0, 1], not 1.5").
[[nodiscard]] std::optional<std::string> level_of(const Level& value, const std::string& name,
                                                  double low, double high);

/// Governance fit of @p net after Provan & Kenis (2008).
///
/// Observed structure: governance::observe() on the view of options.layers (unweighted):
/// NAO, else lead organisation, else shared; centrally integrated when degree
/// centralization >= central_threshold (Provan & Milward 1995).
///
/// Contingencies (Provan & Kenis 2008, Table 1), each pointing to one or more modes:
/// trust low (< 0.3) -> lead organisation, moderate -> NAO, high (>= 0.6) -> shared;
/// participants few (<= 8) -> shared, moderate (9-20) -> lead organisation or NAO, many
/// (> 20) -> NAO; goal consensus below 0.5 -> lead organisation, 0.5-0.75 -> NAO, high
/// (>= 0.75) -> shared; competency need low (< 1/3) -> shared, moderate -> lead
/// organisation, high (>= 2/3) -> NAO. The indicated mode is the one most known
/// contingencies point to (nullopt on a tie, or when fewer than min_known are known);
/// unknown contingencies are listed as unknown, never guessed. The fit compares it with the
/// observed mode; every contingency that points elsewhere is reported as a disagreement.
///
/// Errors, in this order: InputError for fewer than two organisations; UnknownId when the
/// trust names no layer ("trust: no layer 'x'; give a layer name, a number in [0, 1] or one
/// of low, moderate, high"); InputError for a bad level (level_of(), naming trust,
/// goal_consensus or competency_need); UnknownId for an unknown layer of options.layers.
[[nodiscard]] Diagnosis diagnose(const Network& net, const DiagnosisOptions& options = {});

}  // namespace ketennet::governance

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/governance/impl/diagnosis.ipp"
#endif
