#pragma once
/// @file scenario.hpp
/// @brief What-if scenarios: a network with organisations, relations or layers removed or
/// relations degraded.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet {

/// New values of a relation's fields (Scenario::degrade()); nullopt leaves a field as it is.
struct Degradation {
    std::optional<double> volume{};
    std::optional<double> latency{};
    std::optional<double> quality{};
    std::optional<double> capacity{};
};

/// An immutable what-if builder over a base network.
///
/// Each method returns a new Scenario with one more change; the base network (held by a
/// shared pointer to const, shared by every Scenario built from it) is never modified.
/// apply() gives the changed network. The changes:
/// - remove_organisations(): organisations fail (they and all their relations go; they leave
///   the chains' stages);
/// - remove_relation(): one relation goes;
/// - remove_layer(): a whole layer fails (e.g. the relations that depend on one IT system);
/// - degrade(): a relation's fields get new values (a slower or poorer hand-off).
///
/// Changes are checked against the base network when they are added: UnknownId for an
/// unknown organisation, layer or relation, InputError for a bad value or a change made
/// twice, each message naming the method and what is wrong. A scenario is a set of changes,
/// so the result does not depend on the order of the calls: apply() copies the base once,
/// then gives relations their degraded values, then removes relations, then organisations,
/// then layers (each group in the order of the calls). A relation that is degraded and also
/// loses an end or its layer is therefore simply gone.
class Scenario {
public:
    /// What a change does.
    enum class Kind { remove_organisation, remove_relation, remove_layer, degrade };
    /// One change: an organisation (id in source), a relation (source, target, layer), a
    /// layer (in layer), or a degraded relation and its new values.
    struct Change {
        Kind kind = Kind::remove_organisation;
        std::string source{}, target{}, layer{};
        Degradation values{};
    };

    /// A scenario without changes over @p base. InputError when @p base is null.
    explicit Scenario(std::shared_ptr<const Network> base);

    /// The base network (unchanged).
    [[nodiscard]] const Network& network() const noexcept { return *base_; }
    [[nodiscard]] const std::shared_ptr<const Network>& base() const noexcept { return base_; }
    /// The changes, in the order they were added.
    [[nodiscard]] const std::vector<Change>& change_list() const noexcept { return changes_; }
    /// The changes as text: "remove om", "remove relation a -> b (case)", "drop layer it",
    /// "degrade a -> b (case): latency=20, quality=0.5" (the values in field order, as %g).
    [[nodiscard]] std::vector<std::string> changes() const;

    /// Organisations fail: they and every relation touching them are removed. InputError
    /// when @p ids is empty or an organisation is removed already; UnknownId for an unknown
    /// organisation ("Scenario.remove_organisations: unknown organisation 'x'").
    [[nodiscard]] Scenario remove_organisations(const std::vector<std::string>& ids) const;
    /// One relation is removed. UnknownId when the base has no such relation
    /// ("Scenario.remove_relation: no relation a -> b in layer 'case'"); InputError when the
    /// same (source, target, layer) is removed already.
    [[nodiscard]] Scenario remove_relation(const std::string& source, const std::string& target,
                                           const std::string& layer) const;
    /// A whole layer fails: the layer and all its relations are removed. UnknownId for an
    /// unknown layer (naming the layers there are), InputError when removed already.
    [[nodiscard]] Scenario remove_layer(const std::string& layer) const;
    /// A relation's fields get new values (at least one of @p values), which replace the
    /// current ones. UnknownId when the base has no such relation; InputError when no value
    /// is given or one is out of range as the model checks it (quality in [0, 1]; the others
    /// finite and >= 0), naming the relation, field and value.
    [[nodiscard]] Scenario degrade(const std::string& source, const std::string& target,
                                   const std::string& layer, const Degradation& values) const;

    /// The changed network: a copy of the base with the changes made (see the class comment).
    [[nodiscard]] Network apply() const;

private:
    Scenario with(Change change) const;

    std::shared_ptr<const Network> base_;
    std::vector<Change> changes_;
};

}  // namespace ketennet

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/model/impl/scenario.ipp"
#endif
