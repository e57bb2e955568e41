#pragma once
/// @file simulate.ipp
/// @brief Definitions of resilience/simulate.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/resilience/simulate.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/resilience/detail/component_betweenness.hpp"
#include "ketennet/resilience/detail/degrees.hpp"
#include "ketennet/resilience/failure_model.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/random.hpp"
#include "ketennet/support/union_find.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

KETENNET_INLINE double SimulationResult::value(std::size_t run, std::size_t step, std::size_t measure) const {
    return values[(run * (steps + 1) + step) * measures.size() + measure];
}

KETENNET_INLINE double SimulationResult::mean_robustness(std::size_t i) const {
    double s = 0.0;
    for (std::size_t r = 0; r < runs; ++r) s += robustness[r * measures.size() + i];
    return s / double(runs);
}

namespace detail {

/// Ties of equal value (within 1e-9 relative) go to the lowest index: the first alive
/// vertex whose score reaches the maximum.
/// @p best receives the maximum (if not null).
[[nodiscard]] inline vertex_t pick_max(const std::vector<double>& score, const std::vector<char>& alive,
                                       double* best_out = nullptr) {
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t v = 0; v < score.size(); ++v)
        if (alive[v] && score[v] > best) best = score[v];
    if (best_out) *best_out = best;
    const double threshold = best - 1e-9 * std::max(1.0, std::abs(best));
    for (std::size_t v = 0; v < score.size(); ++v)
        if (alive[v] && score[v] >= threshold) return vertex_t(v);
    return 0;
}

/// The weak component of @p s among the survivors (ascending not guaranteed).
inline void weak_component(const View& g, const std::vector<char>& alive, vertex_t s,
                           std::vector<char>& seen, std::vector<vertex_t>& out) {
    out.clear();
    out.push_back(s);
    seen[s] = 1;
    for (std::size_t h = 0; h < out.size(); ++h) {
        const vertex_t v = out[h];
        for (vertex_t w : g.out_neighbours(v))
            if (alive[w] && !seen[w]) { seen[w] = 1; out.push_back(w); }
        if (g.directed())
            for (vertex_t w : g.in_neighbours(v))
                if (alive[w] && !seen[w]) { seen[w] = 1; out.push_back(w); }
    }
    for (vertex_t v : out) seen[v] = 0;
}

/// Removal order of one run: @p steps organisations. A recomputed betweenness attack uses
/// @p threads threads inside each recomputation and reports its steps to @p progress.
[[nodiscard]] inline std::vector<vertex_t> removal_order(const FailureModel& fm, const SimulationOptions& opt,
                                                         const std::vector<vertex_t>& candidates,
                                                         std::size_t steps, std::size_t run,
                                                         unsigned threads = 1,
                                                         const ProgressHandler* progress = nullptr) {
    const View& g = *fm.structure;
    const vertex_t n = fm.n;
    std::vector<vertex_t> order;
    order.reserve(steps);
    switch (opt.strategy) {
        case Strategy::random:
        case Strategy::sector: {
            std::vector<vertex_t> c = candidates;
            SplitMix64 rng(opt.seed, run);
            rng.shuffle(c);
            order.assign(c.begin(), c.begin() + std::ptrdiff_t(steps));
            return order;
        }
        case Strategy::list:
            order.assign(opt.order.begin(), opt.order.begin() + std::ptrdiff_t(steps));
            return order;
        default: break;
    }
    const bool by_degree = opt.strategy == Strategy::degree;
    std::vector<char> alive(n, 1);
    std::vector<double> score;
    ComponentBetweenness brandes(n, threads);
    std::vector<vertex_t> all(n);
    for (vertex_t v = 0; v < n; ++v) all[v] = v;
    if (by_degree) {
        score = degrees(g);
    } else {
        score.assign(n, 0.0);
        brandes.compute(g, alive, all, score);
    }
    if (!opt.recompute) {
        // rank once: ties (within 1e-9 relative of the largest score) by index
        double top = 0.0;
        for (double x : score) top = std::max(top, std::abs(x));
        std::vector<std::int64_t> key(n);
        for (vertex_t v = 0; v < n; ++v)
            key[v] = top > 0 ? std::llround(score[v] / top * 1e9) : 0;
        std::vector<vertex_t> idx = all;
        std::stable_sort(idx.begin(), idx.end(),
                         [&](vertex_t a, vertex_t b) { return key[a] > key[b]; });
        order.assign(idx.begin(), idx.begin() + std::ptrdiff_t(steps));
        return order;
    }
    std::vector<char> seen(n, 0);
    std::vector<vertex_t> comp;
    for (std::size_t k = 0; k < steps; ++k) {
        double top = 0.0;
        const vertex_t v = pick_max(score, alive, &top);
        order.push_back(v);
        if (by_degree) {
            alive[v] = 0;
            for (vertex_t w : g.out_neighbours(v))
                if (w != v) score[w] -= 1.0;
            if (g.directed())
                for (vertex_t w : g.in_neighbours(v))
                    if (w != v) score[w] -= 1.0;
            continue;
        }
        // Every survivor scoring 0 means every reachable pair is adjacent, which removals
        // keep true: the remaining order is by index, with no more searches.
        if (top <= 0.0) {
            alive[v] = 0;
            continue;
        }
        // betweenness changes only inside v's former component
        weak_component(g, alive, v, seen, comp);
        alive[v] = 0;
        comp.erase(std::remove(comp.begin(), comp.end(), v), comp.end());
        brandes.compute(g, alive, comp, score);
        if (progress && *progress) report_progress(*progress, double(k + 1) / double(steps));
    }
    return order;
}

/// Largest-component shares after steps 0..S, by adding organisations back in reverse
/// order into a union-find (Newman & Ziff 2000).
inline void largest_component_curve(const View& g, const std::vector<vertex_t>& order,
                                    std::vector<double>& out) {
    const vertex_t n = g.n();
    const std::size_t S = order.size();
    out.assign(S + 1, 0.0);
    if (n == 0) return;
    std::vector<char> present(n, 1);
    for (vertex_t v : order) present[v] = 0;
    UnionFind uf(n);
    auto add = [&](vertex_t v) {
        present[v] = 1;
        uf.add(v);
        for (vertex_t w : g.out_neighbours(v))
            if (present[w]) uf.unite(v, w);
        if (g.directed())
            for (vertex_t w : g.in_neighbours(v))
                if (present[w]) uf.unite(v, w);
    };
    for (vertex_t v = 0; v < n; ++v)
        if (present[v]) {
            present[v] = 0;
            add(v);
        }
    out[S] = double(uf.largest()) / double(n);
    for (std::size_t k = S; k-- > 0;) {
        add(order[k]);
        out[k] = double(uf.largest()) / double(n);
    }
}

}  // namespace detail

KETENNET_INLINE SimulationResult simulate(const Network& net, const SimulationOptions& opt) {
    if (opt.runs == 0) throw InputError("simulate: runs must be at least 1, not 0");
    if (opt.measures.empty()) throw InputError("simulate: no measure given");
    const vertex_t n = vertex_t(net.organisation_count());
    SimulationResult res;
    res.measures = opt.measures;
    res.runs = opt.runs;
    const std::size_t M = opt.measures.size();
    const FailureModel fm = make_failure_model(net, opt.measures, opt.selection, "simulate");

    if (opt.strategy == Strategy::layer) {
        net.layer_position(opt.target);
        if (opt.steps > 1)
            throw InputError("simulate: a failing layer is one step; steps=" +
                             std::to_string(opt.steps) + " is more than that");
        FailureSelection sel = opt.selection;
        sel.without_layer = opt.target;
        const FailureModel after = make_failure_model(net, opt.measures, sel, "simulate");
        res.steps = 1;
        const std::vector<char> alive(n, 1);
        Evaluator e0(fm), e1(after);
        std::vector<double> one;
        for (Measure m : opt.measures) one.push_back(e0(m, alive));
        for (Measure m : opt.measures) one.push_back(e1(m, alive));
        for (std::size_t r = 0; r < opt.runs; ++r) {
            res.values.insert(res.values.end(), one.begin(), one.end());
            for (std::size_t i = 0; i < M; ++i) res.robustness.push_back(one[M + i]);
        }
        report_progress(opt.progress, 1.0);
        return res;
    }

    std::vector<vertex_t> candidates;
    std::string what;
    if (opt.strategy == Strategy::sector) {
        for (vertex_t v = 0; v < n; ++v)
            if (net.organisation(v).sector == opt.target) candidates.push_back(v);
        if (candidates.empty()) {
            std::vector<std::string> sectors;
            for (const auto& o : net.organisations())
                if (!o.sector.empty() &&
                    std::find(sectors.begin(), sectors.end(), o.sector) == sectors.end())
                    sectors.push_back(o.sector);
            throw InputError("simulate: no organisation has sector '" + opt.target +
                             "'; the network's sectors are " +
                             (sectors.empty() ? std::string("none") : flow::quoted_list(sectors)));
        }
        what = "the " + std::to_string(candidates.size()) + " organisations of sector '" +
               opt.target + "'";
    } else if (opt.strategy == Strategy::list) {
        std::vector<char> seen(n, 0);
        for (vertex_t v : opt.order) {
            if (v >= n) throw InputError("simulate: listed organisation index " +
                                         std::to_string(v) + " is out of range");
            if (seen[v]) throw InputError("simulate: organisation '" + net.organisation(v).id +
                                          "' is listed twice");
            seen[v] = 1;
        }
        candidates = opt.order;
        what = "the " + std::to_string(candidates.size()) + " listed organisations";
    } else {
        candidates.resize(n);
        for (vertex_t v = 0; v < n; ++v) candidates[v] = v;
        what = "the network's " + std::to_string(n) + " organisations";
    }
    if (candidates.empty())
        throw InputError("simulate: there is nothing to remove (" + what + ")");
    if (opt.steps > candidates.size())
        throw InputError("simulate: steps=" + std::to_string(opt.steps) + " is more than " + what);
    const std::size_t S = opt.steps ? opt.steps : candidates.size();
    res.steps = S;
    res.removed.assign(opt.runs * S, 0);
    res.values.assign(opt.runs * (S + 1) * M, 0.0);
    res.robustness.assign(opt.runs * M, 0.0);

    // Degree, betweenness and listed orders are deterministic: every run is the same run,
    // computed once (its betweenness recomputations on all threads) and copied.
    const bool deterministic =
        opt.strategy != Strategy::random && opt.strategy != Strategy::sector;
    const std::size_t distinct = deterministic ? 1 : opt.runs;
    const std::size_t blocks = block_count(distinct, 4096);
    parallel_blocks(
        blocks, deterministic ? 1u : opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(distinct, blocks, b);
            Evaluator eval(fm);
            std::vector<double> lc;
            std::vector<char> alive(n);
            for (std::size_t r = lo; r < hi; ++r) {
                const std::vector<vertex_t> order =
                    deterministic ? detail::removal_order(fm, opt, candidates, S, r, opt.threads,
                                                          &opt.progress)
                                  : detail::removal_order(fm, opt, candidates, S, r);
                std::copy(order.begin(), order.end(), res.removed.begin() + std::ptrdiff_t(r * S));
                double* out = res.values.data() + r * (S + 1) * M;
                bool forward = false;
                for (std::size_t i = 0; i < M; ++i) {
                    if (opt.measures[i] == Measure::largest_component) {
                        if (lc.empty()) detail::largest_component_curve(*fm.structure, order, lc);
                        for (std::size_t k = 0; k <= S; ++k) out[k * M + i] = lc[k];
                    } else {
                        forward = true;
                    }
                }
                lc.clear();
                if (forward) {
                    std::fill(alive.begin(), alive.end(), 1);
                    for (std::size_t k = 0; k <= S; ++k) {
                        if (k > 0) alive[order[k - 1]] = 0;
                        for (std::size_t i = 0; i < M; ++i)
                            if (opt.measures[i] != Measure::largest_component)
                                out[k * M + i] = eval(opt.measures[i], alive);
                    }
                }
                for (std::size_t i = 0; i < M; ++i) {
                    double s = 0.0;
                    for (std::size_t k = 1; k <= S; ++k) s += out[k * M + i];
                    res.robustness[r * M + i] = s / double(S);
                }
            }
        },
        opt.progress);
    for (std::size_t r = distinct; r < opt.runs; ++r) {
        std::copy_n(res.removed.begin(), S, res.removed.begin() + std::ptrdiff_t(r * S));
        std::copy_n(res.values.begin(), (S + 1) * M,
                    res.values.begin() + std::ptrdiff_t(r * (S + 1) * M));
        std::copy_n(res.robustness.begin(), M, res.robustness.begin() + std::ptrdiff_t(r * M));
    }
    return res;
}

}  // namespace ketennet::resilience
