#pragma once
/// @file partition_agreement.ipp
/// @brief Definitions of cohesion/partition_agreement.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/cohesion/partition_agreement.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE PartitionAgreement partition_agreement(const std::vector<std::int64_t>& a,
                                                       const std::vector<std::int64_t>& b) {
    if (a.size() != b.size())
        throw InputError("partition_agreement: the partitions label " + std::to_string(a.size()) +
                         " and " + std::to_string(b.size()) + " items");
    const std::size_t n = a.size();
    if (n == 0) throw InputError("partition_agreement: no items to compare");
    std::map<std::int64_t, double> ca, cb;
    std::map<std::pair<std::int64_t, std::int64_t>, double> cab;
    for (std::size_t i = 0; i < n; ++i) {
        ca[a[i]] += 1.0;
        cb[b[i]] += 1.0;
        cab[{a[i], b[i]}] += 1.0;
    }
    const double N = double(n);
    auto entropy = [&](const std::map<std::int64_t, double>& c) {
        double h = 0.0;
        for (const auto& [k, x] : c) h -= (x / N) * std::log(x / N);
        return h;
    };
    const double ha = entropy(ca), hb = entropy(cb);
    double mi = 0.0;
    for (const auto& [k, x] : cab)
        mi += (x / N) * std::log(x * N / (ca[k.first] * cb[k.second]));
    PartitionAgreement out;
    if (ca.size() == 1 && cb.size() == 1) out.nmi = 1.0;
    else if (ha + hb <= 0.0) out.nmi = 1.0;
    else out.nmi = std::max(0.0, std::min(1.0, mi / ((ha + hb) / 2.0)));
    auto c2 = [](double x) { return x * (x - 1.0) / 2.0; };
    double sij = 0.0, sa = 0.0, sb = 0.0;
    for (const auto& [k, x] : cab) sij += c2(x);
    for (const auto& [k, x] : ca) sa += c2(x);
    for (const auto& [k, x] : cb) sb += c2(x);
    const double expected = n > 1 ? sa * sb / c2(N) : 0.0;
    const double denom = 0.5 * (sa + sb) - expected;
    out.ari = denom == 0.0 ? 1.0 : (sij - expected) / denom;
    return out;
}

}  // namespace ketennet::cohesion
