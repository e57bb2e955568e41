#pragma once
/// @file partition.ipp
/// @brief Definitions of brokerage/partition.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ketennet/brokerage/partition.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

KETENNET_INLINE std::string attribute_label(const AttributeValue& v) {
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const double* d = std::get_if<double>(&v)) {
        for (int prec = 1; prec <= 17; ++prec) {
            std::ostringstream s;
            s.precision(prec);
            s << *d;
            if (std::stod(s.str()) == *d) return s.str();
        }
    }
    return std::get<std::string>(v);
}

KETENNET_INLINE Partition partition_by(const Network& net, const std::string& attribute) {
    if (attribute.empty()) throw InputError("partition: the attribute name is empty");
    const auto& orgs = net.organisations();
    if (attribute == "sector") {
        // Fast path: sectors are strings, so the groups are the distinct sectors in
        // alphabetical order (as the general path's ordering of values); found by hashing.
        std::unordered_map<std::string_view, std::uint32_t> first;
        std::vector<std::string_view> distinct;
        Partition p;
        p.group.reserve(orgs.size());
        bool complete = true;
        for (const auto& o : orgs) {
            if (o.sector.empty()) {
                complete = false;
                break;
            }
            auto [it, added] = first.try_emplace(o.sector, std::uint32_t(distinct.size()));
            if (added) distinct.push_back(o.sector);
            p.group.push_back(it->second);
        }
        if (complete) {
            std::vector<std::uint32_t> order(distinct.size()), code(distinct.size());
            for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
            std::sort(order.begin(), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return distinct[a] < distinct[b]; });
            p.labels.reserve(distinct.size());
            for (std::uint32_t k = 0; k < order.size(); ++k) {
                code[order[k]] = k;
                p.labels.emplace_back(distinct[order[k]]);
            }
            for (auto& c : p.group) c = code[c];
            return p;
        }
        // an empty sector: the general path names the organisations without one
    }
    std::vector<const AttributeValue*> values(orgs.size(), nullptr);
    std::vector<AttributeValue> sectors;
    const bool sector = attribute == "sector";
    if (sector) sectors.reserve(orgs.size());
    std::vector<std::string> missing;
    std::size_t missing_count = 0;
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        if (sector) {
            sectors.emplace_back(orgs[i].sector);
            if (orgs[i].sector.empty()) {
                if (missing.size() < 10) missing.push_back(orgs[i].id);
                ++missing_count;
            } else {
                values[i] = &sectors.back();
            }
            continue;
        }
        auto it = orgs[i].attributes.find(attribute);
        if (it == orgs[i].attributes.end()) {
            if (missing.size() < 10) missing.push_back(orgs[i].id);
            ++missing_count;
        } else {
            values[i] = &it->second;
        }
    }
    if (missing_count) {
        std::string msg = "partition by '" + attribute + "': " + std::to_string(missing_count) +
                          " organisation" + (missing_count > 1 ? "s have" : " has") +
                          (sector ? " no sector: " : " no such attribute: ");
        for (std::size_t k = 0; k < missing.size(); ++k) msg += (k ? ", '" : "'") + missing[k] + "'";
        if (missing_count > missing.size()) msg += ", ...";
        throw InputError(msg);
    }
    std::map<AttributeValue, std::uint32_t> codes;
    for (const AttributeValue* v : values) codes.emplace(*v, 0);
    Partition p;
    for (auto& [value, code] : codes) {
        code = std::uint32_t(p.labels.size());
        p.labels.push_back(attribute_label(value));
    }
    p.group.reserve(values.size());
    for (const AttributeValue* v : values) p.group.push_back(codes.at(*v));
    return p;
}

KETENNET_INLINE void check_partition(const View& view, const Partition& p) {
    if (p.group.size() != view.n())
        throw InputError("partition has " + std::to_string(p.group.size()) +
                         " entries for a view of " + std::to_string(view.n()) + " organisations");
    for (std::size_t v = 0; v < p.group.size(); ++v)
        if (p.group[v] >= p.labels.size())
            throw InputError("partition: organisation '" + view.id(vertex_t(v)) + "' has group " +
                             std::to_string(p.group[v]) + " but there are only " +
                             std::to_string(p.labels.size()) + " labels");
}

}  // namespace ketennet::brokerage
