#pragma once
/// @file relation.hpp
/// @brief A relation between two organisations in one layer, and its validation.
#include <cmath>
#include <optional>
#include <sstream>
#include <string>

#include "ketennet/core/attributes.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet {

/// The four standard numeric fields of a relation.
enum class Field { volume, latency, quality, capacity };

/// "volume", "latency", "quality" or "capacity".
[[nodiscard]] inline const char* field_name(Field f) {
    switch (f) {
        case Field::volume: return "volume";
        case Field::latency: return "latency";
        case Field::quality: return "quality";
        default: return "capacity";
    }
}

/// A relation from `source` to `target` in `layer`.
///
/// Standard fields, each optional (absent = unknown, JSON null):
/// - `volume`: items passed on per period (>= 0);
/// - `latency`: days until an item arrives (>= 0);
/// - `quality`: completeness and correctness of what is passed on, in [0, 1];
/// - `capacity`: items per period the relation can carry (>= 0).
/// Any further typed attributes go in `attributes`.
struct Relation {
    std::string source{};
    std::string target{};
    std::string layer{};
    std::optional<double> volume{};
    std::optional<double> latency{};
    std::optional<double> quality{};
    std::optional<double> capacity{};
    Attributes attributes{};

    /// The value of a standard field.
    const std::optional<double>& get(Field f) const {
        switch (f) {
            case Field::volume: return volume;
            case Field::latency: return latency;
            case Field::quality: return quality;
            default: return capacity;
        }
    }
    std::optional<double>& get(Field f) {
        return const_cast<std::optional<double>&>(static_cast<const Relation&>(*this).get(f));
    }

    /// "source -> target (layer L)", for messages.
    std::string label() const { return source + " -> " + target + " (layer '" + layer + "')"; }

    friend bool operator==(const Relation& a, const Relation& b) {
        return a.source == b.source && a.target == b.target && a.layer == b.layer &&
               a.volume == b.volume && a.latency == b.latency && a.quality == b.quality &&
               a.capacity == b.capacity && a.attributes == b.attributes;
    }
    friend bool operator!=(const Relation& a, const Relation& b) { return !(a == b); }
};

/// Checks one standard field value; throws InputError naming @p where and the field.
/// volume, latency and capacity must be finite and >= 0; quality finite and in [0, 1].
inline void check_field(Field f, double value, const std::string& where) {
    auto fail = [&](const std::string& why) {
        std::ostringstream os;
        os.precision(17);
        os << where << ": field '" << field_name(f) << "' = " << value << " " << why;
        throw InputError(os.str());
    };
    if (std::isnan(value)) fail("is NaN; leave the field out (null) when it is unknown");
    if (!std::isfinite(value)) fail("is infinite");
    if (f == Field::quality) {
        if (value < 0.0 || value > 1.0) fail("is outside [0, 1]");
    } else if (value < 0.0) {
        fail("is negative");
    }
}

/// Checks every field and attribute of a relation (not whether its ends exist).
inline void check_relation_values(const Relation& r, const std::string& where) {
    for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
        if (const auto& v = r.get(f)) check_field(f, *v, where);
    }
    check_attributes(r.attributes, where,
                     {"source", "target", "layer", "volume", "latency", "quality", "capacity"});
}

}  // namespace ketennet
