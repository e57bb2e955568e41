#pragma once
/// @file scenario.ipp
/// @brief Definitions of model/scenario.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/model/scenario.hpp"
#include "ketennet/support/number_text.hpp"
#include "ketennet/support/quote.hpp"

namespace ketennet {

KETENNET_INLINE Scenario::Scenario(std::shared_ptr<const Network> base) : base_(std::move(base)) {
    if (!base_) throw InputError("Scenario: no base network");
}

KETENNET_INLINE Scenario Scenario::with(Change change) const {
    Scenario out = *this;
    out.changes_.push_back(std::move(change));
    return out;
}

KETENNET_INLINE std::vector<std::string> Scenario::changes() const {
    std::vector<std::string> out;
    for (const Change& c : changes_) {
        switch (c.kind) {
            case Kind::remove_organisation: out.push_back("remove " + c.source); break;
            case Kind::remove_relation:
                out.push_back("remove relation " + c.source + " -> " + c.target + " (" + c.layer + ")");
                break;
            case Kind::remove_layer: out.push_back("drop layer " + c.layer); break;
            case Kind::degrade: {
                std::string vals;
                const auto add = [&](const char* name, const std::optional<double>& v) {
                    if (v) vals += (vals.empty() ? "" : ", ") + std::string(name) + "=" + number_g(*v);
                };
                add("volume", c.values.volume);
                add("latency", c.values.latency);
                add("quality", c.values.quality);
                add("capacity", c.values.capacity);
                out.push_back("degrade " + c.source + " -> " + c.target + " (" + c.layer + "): " + vals);
                break;
            }
        }
    }
    return out;
}

KETENNET_INLINE Scenario Scenario::remove_organisations(const std::vector<std::string>& ids) const {
    const std::string fn = "Scenario.remove_organisations";
    if (ids.empty()) throw InputError(fn + ": name at least one organisation");
    Scenario out = *this;
    for (const std::string& id : ids) {
        if (!base_->has_organisation(id)) throw UnknownId(fn + ": unknown organisation " + quoted_name(id));
        const bool again = std::any_of(out.changes_.begin(), out.changes_.end(), [&](const Change& c) {
            return c.kind == Kind::remove_organisation && c.source == id;
        });
        if (again) throw InputError(fn + ": organisation " + quoted_name(id) + " is removed already");
        out.changes_.push_back({Kind::remove_organisation, id, {}, {}, {}});
    }
    return out;
}

KETENNET_INLINE Scenario Scenario::remove_relation(const std::string& source, const std::string& target,
                                                   const std::string& layer) const {
    if (!base_->has_relation(source, target, layer))
        throw UnknownId("Scenario.remove_relation: no relation " + source + " -> " + target + " in layer " +
                        quoted_name(layer));
    const bool again = std::any_of(changes_.begin(), changes_.end(), [&](const Change& c) {
        return c.kind == Kind::remove_relation && c.source == source && c.target == target && c.layer == layer;
    });
    if (again)
        throw InputError("Scenario.remove_relation: " + source + " -> " + target + " (" + layer +
                         ") is removed already");
    return with({Kind::remove_relation, source, target, layer, {}});
}

KETENNET_INLINE Scenario Scenario::remove_layer(const std::string& layer) const {
    if (!base_->has_layer(layer)) {
        std::string names;
        for (const Layer& l : base_->layers()) names += (names.empty() ? "" : ", ") + quoted_name(l.name);
        throw UnknownId("Scenario.remove_layer: unknown layer " + quoted_name(layer) + " (the network has " +
                        (names.empty() ? std::string("none") : names) + ")");
    }
    const bool again = std::any_of(changes_.begin(), changes_.end(), [&](const Change& c) {
        return c.kind == Kind::remove_layer && c.layer == layer;
    });
    if (again) throw InputError("Scenario.remove_layer: layer " + quoted_name(layer) + " is removed already");
    return with({Kind::remove_layer, {}, {}, layer, {}});
}

KETENNET_INLINE Scenario Scenario::degrade(const std::string& source, const std::string& target,
                                           const std::string& layer, const Degradation& values) const {
    if (!base_->has_relation(source, target, layer))
        throw UnknownId("Scenario.degrade: no relation " + source + " -> " + target + " in layer " +
                        quoted_name(layer));
    if (!values.volume && !values.latency && !values.quality && !values.capacity)
        throw InputError("Scenario.degrade: give at least one of volume, latency, quality, capacity");
    const auto check = [&](const char* name, const std::optional<double>& v, bool share) {
        if (!v) return;
        const double x = *v;
        if (!std::isfinite(x) || x < 0 || (share && x > 1))
            throw InputError("Scenario.degrade: " + source + " -> " + target + " (" + layer + "): " + name +
                             "=" + number_repr(x) + " is " +
                             (share ? "outside [0, 1]" : "not finite and >= 0"));
    };
    check("volume", values.volume, false);
    check("latency", values.latency, false);
    check("quality", values.quality, true);
    check("capacity", values.capacity, false);
    return with({Kind::degrade, source, target, layer, values});
}

KETENNET_INLINE Network Scenario::apply() const {
    Network net = *base_;
    for (const Kind rank : {Kind::degrade, Kind::remove_relation, Kind::remove_organisation, Kind::remove_layer}) {
        for (const Change& c : changes_) {
            if (c.kind != rank) continue;
            switch (c.kind) {
                case Kind::degrade: {
                    Relation r = net.relation(c.source, c.target, c.layer);
                    if (c.values.volume) r.volume = c.values.volume;
                    if (c.values.latency) r.latency = c.values.latency;
                    if (c.values.quality) r.quality = c.values.quality;
                    if (c.values.capacity) r.capacity = c.values.capacity;
                    r.layer = c.layer;
                    net.set_relation(r);
                    break;
                }
                case Kind::remove_relation: net.remove_relation(c.source, c.target, c.layer); break;
                case Kind::remove_organisation: net.remove_organisation(c.source); break;
                case Kind::remove_layer: net.remove_layer(c.layer); break;
            }
        }
    }
    return net;
}

}  // namespace ketennet
