#pragma once
/// @file gould_fernandez.ipp
/// @brief Definitions of brokerage/gould_fernandez.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "ketennet/brokerage/gould_fernandez.hpp"
#include "ketennet/brokerage/partition.hpp"
#include "ketennet/brokerage/detail/work_blocks.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

KETENNET_INLINE Brokerage gould_fernandez(const View& g, const Partition& p, const BrokerageOptions& options) {
    check_partition(g, p);
    const vertex_t n = g.n();
    if (n < 3) throw InputError("gould_fernandez: brokerage roles need at least three organisations (a "
                                "broker between two others), the view has " +
                                std::to_string(n));
    constexpr std::size_t R = role_count;
    Brokerage out;
    out.raw.assign(std::size_t(n) * R, 0.0);
    double work = 0.0;
    for (vertex_t v = 0; v < n; ++v) {
        const double d = double(g.out_neighbours(v).size());
        work += d * (d + 1.0);
    }
    struct Scratch {
        std::vector<std::uint32_t> mark;  // mark[c] = v + 1 while c is in broker v's S
        std::vector<double> count;        // S's members per group
    };
    detail::ScratchPool<Scratch> pool([&] {
        return Scratch{std::vector<std::uint32_t>(n, 0), std::vector<double>(p.groups(), 0.0)};
    });
    const std::size_t blocks = detail::work_blocks(n, work);
    detail::run_blocks(blocks, options.threads, [&](std::size_t b) {
        const auto [lo, hi] = block_range(n, blocks, b);
        pool.with([&](Scratch& s) {
            std::uint32_t* mark = s.mark.data();
            double* count = s.count.data();
            for (vertex_t v = vertex_t(lo); v < vertex_t(hi); ++v) {
                double* row = &out.raw[std::size_t(v) * R];
                const std::uint32_t gv = p.group[v], stamp = v + 1;
                auto outs = g.out_neighbours(v);
                double size = 0.0;  // |S|
                for (vertex_t c : outs) {
                    if (c == v) continue;
                    mark[c] = stamp;
                    count[p.group[c]] += 1.0;
                    size += 1.0;
                }
                if (size > 0.0) {
                    for (vertex_t a : g.in_neighbours(v)) {
                        if (a == v) continue;
                        const std::uint32_t ga = p.group[a];
                        // T = S \ {a} \ out(a): |T| and its members in v's and a's groups
                        double t = size, in_v = count[gv], in_a = count[ga];
                        const auto drop = [&](vertex_t c) {
                            const std::uint32_t gc = p.group[c];
                            t -= 1.0;
                            in_v -= gc == gv ? 1.0 : 0.0;
                            in_a -= gc == ga ? 1.0 : 0.0;
                        };
                        if (mark[a] == stamp) drop(a);
                        for (vertex_t c : g.out_neighbours(a))
                            if (c != a && mark[c] == stamp) drop(c);
                        if (ga == gv) {
                            row[std::size_t(Role::coordinator)] += in_v;         // A -> A -> A
                            row[std::size_t(Role::representative)] += t - in_v;  // A -> A -> B
                        } else {
                            row[std::size_t(Role::gatekeeper)] += in_v;          // A -> B -> B
                            row[std::size_t(Role::itinerant)] += in_a;           // A -> B -> A
                            row[std::size_t(Role::liaison)] += t - in_v - in_a;  // A -> B -> C
                        }
                    }
                }
                for (vertex_t c : outs)
                    if (c != v) count[p.group[c]] = 0.0;
                for (std::size_t r = 0; r < R - 1; ++r) row[R - 1] += row[r];
            }
        });
    }, options.progress);

    // density of the digraph: arcs, undirected edges counting twice (loops once)
    double arcs = 0.0;
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e) arcs += (!g.directed() && src[e] != tgt[e]) ? 2.0 : 1.0;
    const double N = n;
    const double d = arcs / (N * (N - 1.0));
    out.density = d;
    const std::size_t k = p.groups();
    std::vector<double> size(k, 0.0);
    for (std::uint32_t c : p.group) size[c] += 1.0;
    const double q = d * d * (1.0 - d);        // d^2 (1 - d): one brokered two-path
    const double q3 = std::pow(d * (1.0 - d), 3);  // d^3 (1 - d)^3
    const auto choose2 = [](double x) { return x * (x - 1.0) / 2.0; };
    // Per-group expectations and variances (sna::brokerage's ebr, vbr), roles in Role order.
    out.group_expected.assign(k * R, 0.0);
    out.group_sd.assign(k * R, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        const double ni = size[i];
        double others_pairs = 0.0, others_triples = 0.0, sum_other = 0.0, sum_other_sq = 0.0,
               liaison_var = 0.0;
        for (std::size_t j = 0; j < k; ++j) {
            if (j == i) continue;
            const double nj = size[j];
            others_pairs += nj * (nj - 1.0);
            others_triples += nj * (nj - 1.0) * (nj - 2.0);
            sum_other += nj;
            sum_other_sq += nj * nj;
            liaison_var += nj * choose2(N - nj - ni);
        }
        std::array<double, R> e{}, var{};
        e[0] = q * (ni - 1.0) * (ni - 2.0);
        var[0] = e[0] * (1.0 - q) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q3;
        e[1] = q * others_pairs;
        var[1] = e[1] * (1.0 - q) + 2.0 * others_triples * q3;
        e[2] = q * (N - ni) * (ni - 1.0);
        var[2] = e[2] * (1.0 - q) + 2.0 * ((ni - 1.0) * choose2(N - ni) + (N - ni) * choose2(ni - 1.0)) * q3;
        e[3] = e[2];
        var[3] = var[2];
        e[4] = q * (sum_other * sum_other - sum_other_sq);
        var[4] = e[4] * (1.0 - q) + 4.0 * liaison_var * q3;
        e[5] = q * (N - 1.0) * (N - 2.0);
        var[5] = e[5] * (1.0 - q) + 2.0 * (N - 1.0) * (N - 2.0) * (N - 3.0) * q3;
        for (std::size_t r = 0; r < R; ++r) {
            out.group_expected[i * R + r] = e[r];
            out.group_sd[i * R + r] = std::sqrt(var[r]);
        }
    }
    out.expected.resize(out.raw.size());
    out.sd.resize(out.raw.size());
    out.z.resize(out.raw.size());
    for (vertex_t v = 0; v < n; ++v) {
        const std::size_t c = p.group[v];
        for (std::size_t r = 0; r < R; ++r) {
            const std::size_t at = std::size_t(v) * R + r;
            out.expected[at] = out.group_expected[c * R + r];
            out.sd[at] = out.group_sd[c * R + r];
            out.z[at] = (out.raw[at] - out.expected[at]) / out.sd[at];
        }
    }
    // Network level (sna's egbr, vgbr).
    for (vertex_t v = 0; v < n; ++v)
        for (std::size_t r = 0; r < R; ++r) out.network_raw[r] += out.raw[std::size_t(v) * R + r];
    const double d3 = q3, d4 = std::pow(d, 4) * std::pow(1.0 - d, 2), d5 = std::pow(d, 5) * (1.0 - d);
    std::array<double, R> e{}, var{};
    double s_coord = 0.0, s_coord_var = 0.0, s_cross = 0.0, s_gate_var = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        const double x = size[i];
        s_coord += x * (x - 1.0) * (x - 2.0);
        s_coord_var += x * (x - 1.0) * (x - 2.0) *
                       ((4.0 * x - 10.0) * d3 - 4.0 * (x - 3.0) * d4 + (x - 3.0) * d5);
        s_cross += x * (N - x) * (x - 1.0);
        s_gate_var += x * (N - x) * (x - 1.0) * ((N - 3.0) * d3 + (x - 2.0) * d5);
    }
    e[0] = q * s_coord;
    var[0] = e[0] * (1.0 - q) + s_coord_var;
    e[1] = q * s_cross;
    double itin = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double x = size[i], y = size[j];
            itin += x * y * (x - 1.0) * ((2.0 * x + 2.0 * y - 6.0) * d3 + (N - x - 1.0) * d5);
        }
    for (std::size_t i = 0; i < k; ++i) {
        const double x = size[i];
        itin -= x * x * (x - 1.0) * ((4.0 * x - 6.0) * d3 + (N - x - 1.0) * d5);
    }
    var[1] = e[1] * (1.0 - q) + itin;
    e[2] = q * s_cross;
    var[2] = e[2] * (1.0 - q) + s_gate_var;
    e[3] = e[2];
    var[3] = var[2];
    double lia = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) lia += size[i] * size[j] * (N - size[i] - size[j]);
    for (std::size_t i = 0; i < k; ++i) lia -= size[i] * size[i] * (N - 2.0 * size[i]);
    e[4] = q * lia;
    var[4] = e[4] * (1.0 - q);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            for (std::size_t l = 0; l < k; ++l) {
                if (i == j || j == l || i == l) continue;
                const double a = size[i], b = size[j], c = size[l];
                var[4] += a * b * c *
                          ((4.0 * (N - b) - 2.0 * (a + c + 1.0)) * d3 -
                           (4.0 * (N - c) - 2.0 * (a + b + 1.0)) * d4 + (N - (a + c + 1.0)) * d5);
            }
    e[5] = q * N * (N - 1.0) * (N - 2.0);
    var[5] = e[5] * (1.0 - q) +
             N * (N - 1.0) * (N - 2.0) * ((4.0 * N - 10.0) * d3 - 4.0 * (N - 3.0) * d4 + (N - 3.0) * d5);
    for (std::size_t r = 0; r < R; ++r) {
        out.network_expected[r] = e[r];
        out.network_sd[r] = std::sqrt(var[r]);
        out.network_z[r] = (out.network_raw[r] - e[r]) / out.network_sd[r];
    }
    return out;
}

}  // namespace ketennet::brokerage
