#pragma once
/// @file attributes.hpp
/// @brief Typed free-form attributes of organisations and relations.
///
/// An attribute value is a string, a number (double) or a boolean; there is no null: an
/// unknown attribute is simply absent. Attributes are kept in a sorted map so that every
/// writer emits them in the same order.
#include <cmath>
#include <initializer_list>
#include <map>
#include <string>
#include <variant>

#include "ketennet/core/errors.hpp"

namespace ketennet {

/// One attribute value: bool, number or string.
using AttributeValue = std::variant<bool, double, std::string>;

/// Attributes by name, sorted by name.
using Attributes = std::map<std::string, AttributeValue>;

/// The name of the type held by an attribute value: "bool", "number" or "string".
[[nodiscard]] inline const char* attribute_type_name(const AttributeValue& v) {
    switch (v.index()) {
        case 0: return "bool";
        case 1: return "number";
        default: return "string";
    }
}

/// Throws InputError when an attribute name is empty or one of @p reserved (the record's own
/// fields, which readers and the pandas tables would confuse with it), or a number attribute
/// is NaN or infinite (they cannot be written to JSON and compare unequal to themselves).
/// @p where names the record for the message.
inline void check_attributes(const Attributes& attrs, const std::string& where,
                             std::initializer_list<const char*> reserved = {}) {
    for (const auto& [key, value] : attrs) {
        if (key.empty()) throw InputError(where + ": attribute names must not be empty");
        for (const char* r : reserved)
            if (key == r)
                throw InputError(where + ": '" + key +
                                 "' is a field of the record, not a free attribute");
        if (const double* d = std::get_if<double>(&value); d && !std::isfinite(*d)) {
            throw InputError(where + ": attribute '" + key + "' is " +
                             (std::isnan(*d) ? "NaN" : "infinite") +
                             "; numeric attributes must be finite (leave it out when unknown)");
        }
    }
}

}  // namespace ketennet
