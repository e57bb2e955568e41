#pragma once
/// @file partition.hpp
/// @brief A partition of the organisations into groups (sectors, regions, ...), read from
/// the `sector` field or an attribute.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/attributes.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet {
class Network;  // model/network.hpp
}  // namespace ketennet

namespace ketennet::brokerage {

/// Groups of the organisations: group[v] in 0..labels.size()-1 for every organisation v
/// (network order, which is view order).
struct Partition {
    std::vector<std::uint32_t> group;
    std::vector<std::string> labels;
    std::size_t groups() const noexcept { return labels.size(); }
};

/// The text of an attribute value used as a group label: a string as is, a number in the
/// shortest form that reads back the same ("3", "2.5"), a bool as "true"/"false".
[[nodiscard]] std::string attribute_label(const AttributeValue& v);

/// The partition of @p net's organisations by @p attribute: the `sector` field when
/// @p attribute is "sector", otherwise the organisation attribute of that name. Groups are
/// numbered in the order of their values (strings alphabetically; numbers before strings).
/// InputError naming the organisations (up to ten) that have no value: an empty sector, or
/// the attribute absent.
[[nodiscard]] Partition partition_by(const Network& net, const std::string& attribute);

/// Checks that @p p fits @p view: one group per organisation, every group below groups().
void check_partition(const View& view, const Partition& p);

}  // namespace ketennet::brokerage

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/brokerage/impl/partition.ipp"
#endif
