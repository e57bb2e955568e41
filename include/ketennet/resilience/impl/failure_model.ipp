#pragma once
/// @file failure_model.ipp
/// @brief Definitions of resilience/failure_model.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/resilience/failure_model.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::resilience {

namespace detail {

/// A view of @p n organisations and no ties (a selection that became empty).
[[nodiscard]] inline ViewPtr empty_view(const Network& net, bool weighted, const std::string& weight) {
    ViewOptions o;
    o.weight = weight;
    return View::build(vertex_t(net.organisation_count()), true, weighted, {}, Combine::sum, o,
                       net.ids(), net.revision());
}

[[nodiscard]] inline std::vector<std::string> without(std::vector<std::string> layers, const std::string& l) {
    if (!l.empty()) layers.erase(std::remove(layers.begin(), layers.end(), l), layers.end());
    return layers;
}

}  // namespace detail

KETENNET_INLINE const char* measure_name(Measure m) {
    switch (m) {
        case Measure::largest_component: return "largest_component";
        case Measure::efficiency: return "efficiency";
        case Measure::reachability: return "reachability";
        case Measure::throughput: return "throughput";
        default: return "expected_lead_time";
    }
}

KETENNET_INLINE Measure parse_measure(const std::string& name) {
    for (Measure m : {Measure::largest_component, Measure::efficiency, Measure::reachability,
                      Measure::throughput, Measure::expected_lead_time})
        if (name == measure_name(m)) return m;
    throw InputError("unknown measure '" + name +
                     "'; choose from 'largest_component', 'efficiency', 'reachability', "
                     "'throughput', 'expected_lead_time'");
}

KETENNET_INLINE bool needs_chain(Measure m) {
    return m == Measure::reachability || m == Measure::throughput ||
           m == Measure::expected_lead_time;
}

KETENNET_INLINE FailureModel make_failure_model(const Network& net, const std::vector<Measure>& measures,
                                                const FailureSelection& sel, const char* what) {
    FailureModel fm;
    fm.n = vertex_t(net.organisation_count());
    fm.measures = measures;
    fm.ids = net.ids();
    for (const auto& l : sel.layers) net.layer_position(l);
    if (!sel.without_layer.empty()) net.layer_position(sel.without_layer);
    std::vector<std::string> all;
    for (const auto& l : net.layers()) all.push_back(l.name);
    const std::vector<std::string> structural =
        detail::without(sel.layers.empty() ? all : sel.layers, sel.without_layer);
    if (structural.empty()) {
        fm.structure = detail::empty_view(net, false, "");
    } else {
        ViewOptions o;
        o.layers = structural;
        fm.structure = net.view(o);
    }
    bool chain = false, tp = false, elt = false;
    for (Measure m : measures) {
        chain = chain || needs_chain(m);
        tp = tp || m == Measure::throughput;
        elt = elt || m == Measure::expected_lead_time;
    }
    if (!chain) return fm;
    for (Measure m : measures)
        if (needs_chain(m) && sel.chain.empty())
            throw InputError(std::string(what) + ": measure '" + measure_name(m) +
                             "' needs a chain (its first stage is the entry, its last the "
                             "exit); name one of the network's chains");
    const flow::ResolvedChain rc = flow::resolve_chain(net, net.chain(sel.chain));
    const std::string where = std::string(what) + ": chain '" + sel.chain + "'";
    rc.require_ends(net, where);
    fm.entry = rc.stages.front();
    fm.exit = rc.stages.back();
    if (tp) {
        std::vector<std::string> layers = flow::select_capacity_layers(
            net, sel.layers, sel.capacity, sel.fallback, std::string(what) + ": throughput");
        layers = detail::without(layers, sel.without_layer);
        fm.capacity = layers.empty() ? detail::empty_view(net, true, sel.capacity)
                                     : flow::capacity_view(net, layers, sel.capacity, sel.fallback).view;
        require_weights(*fm.capacity, WeightRule::capacity, what);
    }
    if (elt) {
        std::vector<std::string> layers =
            flow::select_case_layers(net, sel.layers, {"volume", "latency"},
                                std::string(what) + ": expected lead time");
        layers = detail::without(layers, sel.without_layer);
        if (layers.empty()) {
            fm.routing = detail::empty_view(net, true, "volume");
        } else {
            const flow::RoutedView rv = flow::routed_view(net, layers, "volume", "latency");
            fm.routing = rv.view;
            fm.latency = rv.value;
        }
    }
    return fm;
}

KETENNET_INLINE Evaluator::Evaluator(const FailureModel& fm)
    : fm_(fm), seen_(fm.n, 0), dist_(fm.n, -1), queue_(fm.n) {}

KETENNET_INLINE double Evaluator::operator()(Measure m, const std::vector<char>& alive) {
    switch (m) {
        case Measure::largest_component: return largest_component(alive);
        case Measure::efficiency: return efficiency(alive);
        case Measure::reachability: return reachability(alive);
        case Measure::throughput: return throughput(alive);
        default: return expected_lead_time(alive);
    }
}

KETENNET_INLINE double Evaluator::largest_component(const std::vector<char>& alive) {
    const View& g = *fm_.structure;
    const vertex_t n = fm_.n;
    if (n == 0) return 0.0;
    std::fill(seen_.begin(), seen_.end(), 0);
    std::size_t best = 0;
    for (vertex_t s = 0; s < n; ++s) {
        if (!alive[s] || seen_[s]) continue;
        std::size_t head = 0, tail = 0;
        queue_[tail++] = s;
        seen_[s] = 1;
        while (head < tail) {
            const vertex_t v = queue_[head++];
            auto visit = [&](std::span<const vertex_t> nb) {
                for (vertex_t w : nb)
                    if (alive[w] && !seen_[w]) {
                        seen_[w] = 1;
                        queue_[tail++] = w;
                    }
            };
            visit(g.out_neighbours(v));
            if (g.directed()) visit(g.in_neighbours(v));
        }
        best = std::max(best, tail);
    }
    std::fill(seen_.begin(), seen_.end(), 0);
    return double(best) / double(n);
}

KETENNET_INLINE double Evaluator::efficiency(const std::vector<char>& alive) {
    const vertex_t n = fm_.n;
    if (n < 2) return 0.0;
    double sum = 0.0;
    for (vertex_t s = 0; s < n; ++s)
        if (alive[s]) sum += inverse_distances(s, alive);
    return sum / (double(n) * double(n - 1));
}

KETENNET_INLINE double Evaluator::inverse_distances(vertex_t s, const std::vector<char>& alive) {
    const View& g = *fm_.structure;
    std::size_t head = 0, tail = 0;
    queue_[tail++] = s;
    dist_[s] = 0;
    double sum = 0.0;
    while (head < tail) {
        const vertex_t v = queue_[head++];
        const std::int64_t d = dist_[v] + 1;
        for (vertex_t w : g.out_neighbours(v))
            if (alive[w] && dist_[w] < 0) {
                dist_[w] = d;
                sum += 1.0 / double(d);
                queue_[tail++] = w;
            }
    }
    for (std::size_t i = 0; i < tail; ++i) dist_[queue_[i]] = -1;
    return sum;
}

KETENNET_INLINE double Evaluator::reachability(const std::vector<char>& alive) {
    const View& g = *fm_.structure;
    std::size_t ok = 0;
    for (vertex_t s : fm_.entry) {
        if (!alive[s]) continue;
        std::size_t head = 0, tail = 0;
        queue_[tail++] = s;
        seen_[s] = 1;
        while (head < tail) {
            const vertex_t v = queue_[head++];
            for (vertex_t w : g.out_neighbours(v))
                if (alive[w] && !seen_[w]) {
                    seen_[w] = 1;
                    queue_[tail++] = w;
                }
        }
        for (vertex_t t : fm_.exit) ok += seen_[t] ? 1 : 0;
        for (std::size_t i = 0; i < tail; ++i) seen_[queue_[i]] = 0;
    }
    return double(ok) / (double(fm_.entry.size()) * double(fm_.exit.size()));
}

KETENNET_INLINE double Evaluator::throughput(const std::vector<char>& alive) {
    std::vector<vertex_t> s, t;
    for (vertex_t v : fm_.entry)
        if (alive[v]) s.push_back(v);
    for (vertex_t v : fm_.exit)
        if (alive[v]) t.push_back(v);
    if (s.empty() || t.empty()) return 0.0;
    const ViewPtr sub = restrict_view(*fm_.capacity, alive, {}, nullptr);
    return flow::max_flow(*sub, s, t, flow::MaxFlowOptions{.keep_layout = false}).value;  // sub is used once
}

KETENNET_INLINE double Evaluator::expected_lead_time(const std::vector<char>& alive) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<vertex_t> t;
    for (vertex_t v : fm_.exit)
        if (alive[v]) t.push_back(v);
    if (t.empty()) return inf;
    std::vector<double> lat;
    const ViewPtr sub = restrict_view(*fm_.routing, alive, fm_.latency, &lat);
    std::vector<std::pair<vertex_t, double>> start;
    double mass = 0.0;
    for (vertex_t v : fm_.entry) {
        if (!alive[v]) continue;
        double w = 0.0;
        for (double x : sub->out_weights(v)) w += x;
        start.emplace_back(v, w);
        mass += w;
    }
    if (!(mass > 0.0)) return inf;
    return flow::expected_lead_time(*sub, lat, start, t).value;
}

KETENNET_INLINE ViewPtr Evaluator::restrict_view(const View& g, const std::vector<char>& alive,
                                                 const std::vector<double>& values,
                                                 std::vector<double>* values_out) const {
    std::vector<Arc> arcs;
    arcs.reserve(g.m());
    if (values_out) values_out->clear();
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (!alive[src[e]] || !alive[tgt[e]]) continue;
        arcs.push_back(Arc{src[e], tgt[e], w[e]});
        if (values_out) values_out->push_back(values[e]);  // edges stay in sorted order
    }
    return View::build(g.n(), g.directed(), g.weighted(), std::move(arcs), Combine::sum,
                       g.options(), fm_.ids, g.revision());
}

}  // namespace ketennet::resilience
