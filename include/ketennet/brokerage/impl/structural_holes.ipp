#pragma once
/// @file structural_holes.ipp
/// @brief Definitions of brokerage/structural_holes.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "ketennet/brokerage/structural_holes.hpp"
#include "ketennet/brokerage/detail/structural_holes_kernel.hpp"
#include "ketennet/brokerage/detail/work_blocks.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::brokerage {

KETENNET_INLINE StructuralHoles reference::structural_holes(const View& g, const StructuralHolesOptions& options) {
    const vertex_t n = g.n();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // the contacts of each organisation with their mutual weights, ascending
    std::vector<std::map<vertex_t, double>> m(n);
    for (vertex_t u = 0; u < n; ++u) {
        const auto out = g.out_neighbours(u);
        const auto out_w = g.out_weights(u);
        for (std::size_t k = 0; k < out.size(); ++k) m[u][out[k]] += out_w[k];
        if (!g.directed()) continue;
        const auto in = g.in_neighbours(u);
        const auto in_w = g.in_weights(u);
        for (std::size_t k = 0; k < in.size(); ++k) m[u][in[k]] += in_w[k];
    }
    std::vector<double> sum(n, 0.0), max(n, 0.0);
    bool ok = true;
    for (vertex_t u = 0; u < n; ++u)
        for (const auto& [j, w] : m[u]) {
            ok = ok && w > 0.0 && w <= std::numeric_limits<double>::max();
            sum[u] += w;
            max[u] = std::max(max[u], w);
        }
    // throws, naming the first bad tie
    if (!ok) require_weights(g, WeightRule::positive_strength, "structural holes");

    StructuralHoles out;
    if (options.constraint) out.constraint.assign(n, nan);
    if (options.effective_size) out.effective_size.assign(n, nan);
    if (options.efficiency) out.efficiency.assign(n, nan);
    if (options.hierarchy) out.hierarchy.assign(n, nan);
    for (vertex_t i = 0; i < n; ++i) {
        std::size_t others = 0;  // contacts other than i itself
        for (const auto& [j, w] : m[i]) others += j != i;
        if (others > 0) {
            double C = 0.0, ES = 0.0;
            std::vector<double> local;  // c_ij, in contact order
            for (const auto& [j, mij] : m[i]) {
                double indirect = 0.0, redundancy = 0.0;
                for (const auto& [q, miq] : m[i]) {
                    const auto qj = m[q].find(j);
                    if (qj == m[q].end()) continue;
                    const double piq = miq / sum[i];
                    indirect += piq * (qj->second / sum[q]);
                    redundancy += piq * (qj->second / max[j]);
                }
                const double x = mij / sum[i] + indirect;
                local.push_back(x * x);
                C += x * x;
                ES += 1.0 - redundancy;
            }
            if (options.constraint) out.constraint[i] = C;
            if (options.effective_size) out.effective_size[i] = ES;
            if (options.efficiency) out.efficiency[i] = ES / double(others);
            const std::size_t d = local.size();
            if (options.hierarchy && d >= 2 && C > 0.0) {
                const double N = double(d);
                double h = 0.0;
                for (double c : local) {
                    const double r = c * N / C;
                    if (r > 0.0) h += r * std::log(r);
                }
                out.hierarchy[i] = h / (N * std::log(N));
            }
        }
        report_progress(options.progress, double(i + 1) / double(n));
    }
    return out;
}

KETENNET_INLINE StructuralHoles structural_holes(const View& g, const StructuralHolesOptions& options) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::structural_holes(g, options);
#else
    const vertex_t n = g.n();
    const bool C = options.constraint || options.hierarchy;
    const bool E = options.effective_size || options.efficiency;
    const auto mutual = detail::mutual_adjacency(g, options.threads);
    const detail::MutualAdjacency& M = *mutual;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    StructuralHoles out;
    if (options.constraint) out.constraint.assign(n, nan);
    if (options.effective_size) out.effective_size.assign(n, nan);
    if (options.efficiency) out.efficiency.assign(n, nan);
    if (options.hierarchy) out.hierarchy.assign(n, nan);
    if ((!C && !E) || n == 0) return out;

    bool ego = options.kernel == StructuralHolesKernel::ego;
    if (options.kernel == StructuralHolesKernel::automatic) ego = 32.0 * M.triangles >= double(M.adj.size());
    if (ego) {
        detail::ego_kernel(M, options, out);
        return out;
    }
    // progress: listing the triangles to 0.5, the sums per ego from there to 1
    const auto part = [&](double from) -> ProgressHandler {
        if (!options.progress) return {};
        return [&options, from](double f) { return options.progress(from + 0.5 * f); };
    };
    std::vector<std::vector<detail::Triangle>> found;
    detail::list_triangles(M, detail::work_blocks(n, detail::cache_factor(M.bytes()) * M.triangle_work),
                           options.threads, found, part(0.0));
    detail::triangle_kernel(M, options, found, out, part(0.5));
    return out;
#endif
}

KETENNET_INLINE std::vector<double> contact_counts(const View& g) {
    const auto mutual = detail::mutual_adjacency(g, /*threads=*/1);
    const detail::MutualAdjacency& M = *mutual;
    std::vector<double> c(g.n(), 0.0);
    for (vertex_t u = 0; u < g.n(); ++u)
        for (vertex_t j : M.contacts(u)) c[u] += j != u ? 1.0 : 0.0;
    return c;
}

}  // namespace ketennet::brokerage
