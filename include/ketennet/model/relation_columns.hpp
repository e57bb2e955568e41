#pragma once
/// @file relation_columns.hpp
/// @brief Relations in columns: the bulk input of Network::add_relations (from_pandas).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/types.hpp"

namespace ketennet {

/// A column of one relation attribute for Network::add_relations (bulk input).
struct AttributeColumn {
    enum class Kind { number, boolean, string };
    std::string name;
    Kind kind = Kind::number;
    std::vector<double> numbers;          ///< Kind::number: NaN = absent
    std::vector<std::int8_t> booleans;    ///< Kind::boolean: -1 = absent, 0, 1
    std::vector<std::int64_t> codes;      ///< Kind::string: index into categories, -1 = absent
    std::vector<std::string> categories;  ///< Kind::string: the distinct strings
};

/// Relations in columns, for Network::add_relations. `source`, `target` and `layer` are
/// indices into the network's organisations and layers. Each field column is either empty
/// (column absent) or as long as `source`; NaN in a field column means "unknown".
struct RelationColumns {
    std::vector<vertex_t> source;
    std::vector<vertex_t> target;
    std::vector<std::uint32_t> layer;
    std::array<std::vector<double>, 4> fields;  ///< volume, latency, quality, capacity
    std::vector<AttributeColumn> attributes;
    /// Prefix for messages ("relations.csv row"): errors read "<record> <i>: ...".
    std::string record = "row";
};

}  // namespace ketennet
