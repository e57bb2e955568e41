#pragma once
/// @file chain_score.ipp
/// @brief Definitions of flow/chain_score.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/feedback.hpp"
#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

namespace detail {

[[nodiscard]] inline std::string join_ids(const Network& net, const std::vector<vertex_t>& vs,
                            const char* sep = " > ") {
    std::string s;
    for (std::size_t k = 0; k < vs.size(); ++k) s += (k ? sep : "") + net.organisation(vs[k]).id;
    return s;
}

[[nodiscard]] inline std::string fmt(double x) {
    std::ostringstream os;
    os.precision(4);
    os << x;
    return os.str();
}

/// Runs @p body filling @p m; an InputError becomes the note of a NaN value.
template <class Body>
void measure(ChainIndicator& m, Body&& body) {
    try {
        body();
    } catch (const InputError& e) {
        m.value = std::numeric_limits<double>::quiet_NaN();
        m.path.clear();
        m.note = e.what();
    }
}

}  // namespace detail

KETENNET_INLINE void CaseRecords::require() const {
    if (!error.empty()) throw InputError(error);
}

KETENNET_INLINE CaseRecords case_records(const Network& net) {
    CaseRecords r;
    const std::size_t n = net.organisation_count();
    for (std::size_t v = 0; v < n && !r.present; ++v) {
        const auto& a = net.organisation(vertex_t(v)).attributes;
        r.present = a.count(case_starts_attribute) || a.count(case_ends_attribute);
    }
    if (!r.present) return r;
    r.starts.assign(n, 0.0);
    r.ends.assign(n, 0.0);
    for (std::size_t v = 0; v < n && r.error.empty(); ++v) {
        const Organisation& o = net.organisation(vertex_t(v));
        for (const char* name : {case_starts_attribute, case_ends_attribute}) {
            auto it = o.attributes.find(name);
            const double* x = it == o.attributes.end() ? nullptr : std::get_if<double>(&it->second);
            if (!x || !(*x >= 0.0)) {
                r.error = std::string("case records: organisation '") + o.id + "' " +
                          (it == o.attributes.end()
                               ? std::string("has no '") + name + "'"
                               : std::string("has '") + name + "' = " +
                                     (x ? detail::fmt(*x) : attribute_type_name(it->second)) +
                                     ", not a number >= 0") +
                          " while other organisations record where cases start and end "
                          "(attributes 'case_starts' and 'case_ends')";
                break;
            }
            (name == case_starts_attribute ? r.starts : r.ends)[v] = *x;
        }
    }
    return r;
}

namespace detail {

[[nodiscard]] inline std::vector<std::pair<vertex_t, double>> entry_weights(const View& routing,
                                                              const std::vector<vertex_t>& entry) {
    std::vector<std::pair<vertex_t, double>> start;
    for (vertex_t v : entry) {
        double w = 0.0;
        for (double x : routing.out_weights(v)) w += x;
        start.emplace_back(v, w);
    }
    return start;
}

}  // namespace detail

KETENNET_INLINE ChainScore score_chain(const Network& net, const Chain& chain,
                              const ChainScoreOptions& opt) {
    const ResolvedChain rc = resolve_chain(net, chain);
    const std::string where = "score_chain: chain '" + chain.name + "'";
    rc.require_ends(net, where);
    for (const auto& l : opt.layers) net.layer_position(l);
    ChainScore out;
    out.chain = chain.name;
    out.stage_names = rc.stage_names;
    out.entry = rc.stages.front();
    out.exit = rc.stages.back();
    const auto& entry = out.entry;
    const auto& exit = out.exit;
    const CaseRecords cases = case_records(net);
    const std::span<const double> exits =
        cases.present && cases.error.empty() ? std::span<const double>(cases.ends)
                                             : std::span<const double>();
    // items enter in proportion to the entry organisations' out-volume, or to the cases
    // starting there when the network records them
    auto entering = [&](const View& v) {
        if (!cases.present) return detail::entry_weights(v, entry);
        cases.require();
        std::vector<std::pair<vertex_t, double>> start;
        double total = 0.0;
        for (vertex_t x : entry) {
            start.emplace_back(x, cases.starts[x]);
            total += cases.starts[x];
        }
        if (!(total > 0.0))
            throw InputError("no case starts at the first stage (attribute 'case_starts' is 0 "
                             "at " + detail::join_ids(net, entry, ", ") + ")");
        return start;
    };
    const std::string entering_note =
        cases.present ? "cases enter where they start (case_starts) and leave where they end "
                        "(case_ends)"
                      : "items enter in proportion to the entry organisations' out-volume";
    auto pick = [&](const std::vector<std::string>& names, const std::string& what) {
        return select_case_layers(net, opt.layers, names, what);
    };
    auto view_of = [&](const std::vector<std::string>& layers, const std::string& weight,
                       Combine c) {
        ViewOptions o;
        o.layers = layers;
        o.weight = weight;
        o.combine = c;
        return net.view(o);
    };

    // the parts of the score, for progress: lead time, expected lead time, throughput and
    // bottlenecks, fidelity, expected fidelity, hand-offs, attrition, feedback
    constexpr double parts = 8.0;

    // -- lead time, fastest
    detail::measure(out.lead_time, [&] {
        out.lead_time.layers = pick({"latency"}, "lead time");
        const auto v = view_of(out.lead_time.layers, "latency", Combine::min);
        const PathResult r = lead_time(*v, entry, exit);
        out.lead_time.value = r.value;
        out.lead_time.path = r.path;
        out.lead_time.note = r.path.empty() ? "no path from the first to the last stage"
                                            : "fastest path " + detail::join_ids(net, r.path);
    });
    report_progress(opt.progress, 1.0 / parts);
    // -- lead time, expected; arrival
    detail::measure(out.expected_lead_time, [&] {
        out.expected_lead_time.layers = pick({"volume", "latency"}, "expected lead time");
        out.arrival.layers = out.expected_lead_time.layers;
        const RoutedView rv = routed_view(net, out.expected_lead_time.layers, "volume", "latency");
        const RoutedOutcome r =
            expected_lead_time(*rv.view, rv.value, entering(*rv.view), exit, exits);
        out.expected_lead_time.value = r.value;
        out.arrival.value = r.arrival;
        std::string ends;
        for (auto [v, p] : r.ends)
            ends += (ends.empty() ? "" : ", ") + net.organisation(v).id + " " + detail::fmt(p);
        out.expected_lead_time.note =
            entering_note + "; mean over the share " + detail::fmt(r.arrival) +
            " that reaches the last stage";
        out.arrival.note = (cases.present ? "other cases end at " : "other items stop at dead ends (") +
                           (ends.empty() ? "none" : ends) +
                           (cases.present ? "" : ")") + " or circulate (share " +
                           detail::fmt(r.trapped) + ")";
    });
    if (std::isnan(out.expected_lead_time.value) && out.arrival.note.empty()) {
        out.arrival.note = out.expected_lead_time.note;
        out.arrival.layers = out.expected_lead_time.layers;
    }
    report_progress(opt.progress, 2.0 / parts);
    // -- throughput and bottlenecks
    detail::measure(out.throughput, [&] {
        out.throughput.layers =
            select_capacity_layers(net, opt.layers, opt.capacity, opt.fallback, "throughput");
        out.bottlenecks.layers = out.throughput.layers;
        const CapacityView cv = capacity_view(net, out.throughput.layers, opt.capacity, opt.fallback);
        const MaxFlowResult r = max_flow(*cv.view, entry, exit, MaxFlowOptions{.keep_layout = false});
        out.throughput.value = r.value;
        std::string cut;
        for (const auto& t : r.cut)
            cut += (cut.empty() ? "" : ", ") + net.organisation(t.source).id + " -> " +
                   net.organisation(t.target).id;
        out.throughput.note = "'" + opt.capacity + "' of " +
                              std::to_string(cv.relations - cv.fallback) + " relations" +
                              (cv.fallback ? ", '" + opt.fallback + "' of " +
                                                 std::to_string(cv.fallback) +
                                                 " whose capacity is unknown"
                                           : std::string()) +
                              "; minimum cut: " + (cut.empty() ? "none (no path)" : cut);
        detail::measure(out.bottlenecks, [&] {
            const VertexCut vc = min_vertex_cut(*cv.view, entry, exit, MaxFlowOptions{.keep_layout = false});
            if (!vc.exists) {
                out.bottlenecks.note = "a first-stage organisation has a direct tie to a "
                                       "last-stage one: no set of organisations separates them";
                return;
            }
            out.bottlenecks.value = double(vc.vertices.size());
            out.bottlenecks.path = vc.vertices;
            out.bottlenecks.note = vc.vertices.empty()
                                       ? "the first stage does not reach the last"
                                       : "fewest organisations whose loss cuts every path: " +
                                             detail::join_ids(net, vc.vertices, ", ");
        });
        if (cases.present) {
            // the observed figure: cases starting at the first stage that reach the last,
            // routed as the arrival share (hops: no latency needed)
            const auto rl = pick({"volume"}, "throughput");
            const auto v = view_of(rl, "volume", Combine::sum);
            const auto start = entering(*v);
            double started = 0.0;
            for (auto [x, w] : start) started += w;
            const RoutedOutcome a = expected_lead_time(*v, {}, start, exit, exits);
            out.throughput.value = a.arrival * started;
            out.throughput.layers = rl;
            out.throughput.note = "cases reaching the last stage, of the " + detail::fmt(started) +
                                  " that start at the first stage (arrival share " +
                                  detail::fmt(a.arrival) + "; case_starts, case_ends); max-flow " +
                                  detail::fmt(r.value) + " on the " + out.throughput.note;
        }
    });
    if (std::isnan(out.throughput.value) && out.bottlenecks.note.empty()) {
        out.bottlenecks.note = out.throughput.note;
        out.bottlenecks.layers = out.throughput.layers;
    }
    report_progress(opt.progress, 3.0 / parts);
    // -- fidelity
    detail::measure(out.fidelity, [&] {
        out.fidelity.layers = pick({"quality"}, "fidelity");
        const auto v = view_of(out.fidelity.layers, "quality", Combine::max);
        const PathResult r = most_reliable_path(*v, entry, exit);
        out.fidelity.value = r.value;
        out.fidelity.path = r.path;
        out.fidelity.note = r.path.empty() ? "no path from the first to the last stage"
                                           : "most reliable path " + detail::join_ids(net, r.path);
    });
    report_progress(opt.progress, 4.0 / parts);
    detail::measure(out.expected_fidelity, [&] {
        out.expected_fidelity.layers = pick({"volume", "quality"}, "expected fidelity");
        const RoutedView rv = routed_view(net, out.expected_fidelity.layers, "volume", "quality");
        const RoutedOutcome r =
            expected_fidelity(*rv.view, rv.value, entering(*rv.view), exit, exits);
        out.expected_fidelity.value = r.value;
        out.expected_fidelity.note = "routed by volume; mean over the share " +
                                     detail::fmt(r.arrival) + " that reaches the last stage";
    });
    report_progress(opt.progress, 5.0 / parts);
    // -- hand-offs on the typical path
    detail::measure(out.handoffs, [&] {
        out.handoffs.layers = pick({"volume"}, "hand-offs");
        const auto v = view_of(out.handoffs.layers, "volume", Combine::sum);
        const PathResult r = most_probable_path(*v, entering(*v), exit, exits);
        if (r.path.empty()) {
            out.handoffs.note = "no path with volume from the first to the last stage";
            return;
        }
        out.handoffs.value = double(r.path.size() - 1);
        out.handoffs.path = r.path;
        out.handoffs.note = "typical (most probable) path " + detail::join_ids(net, r.path) +
                            ", followed by a share " + detail::fmt(r.value) + " of the items";
    });
    report_progress(opt.progress, 6.0 / parts);
    // -- attrition per stage
    detail::measure(out.attrition_basis, [&] {
        out.attrition_basis.layers = pick({"volume"}, "attrition");
        const auto v = view_of(out.attrition_basis.layers, "volume", Combine::sum);
        const std::size_t K = rc.stages.size();
        const vertex_t n = v->n();
        // first and last stage of each organisation (an organisation may act in several)
        std::vector<std::vector<char>> in(K, std::vector<char>(n, 0));
        std::vector<char> any(n, 0);
        for (std::size_t k = 0; k < K; ++k)
            for (vertex_t x : rc.stages[k]) in[k][x] = any[x] = 1;
        auto later = [&](std::size_t k, vertex_t x) {
            for (std::size_t j = k + 1; j < K; ++j)
                if (in[j][x]) return true;
            return false;
        };
        auto earlier = [&](std::size_t k, vertex_t x) {
            for (std::size_t j = 0; j < k; ++j)
                if (in[j][x]) return true;
            return false;
        };
        const auto src = v->edge_sources();
        const auto tgt = v->edge_targets();
        const auto w = v->edge_weights();
        for (std::size_t k = 0; k < K; ++k) {
            StageAttrition a;
            a.stage = rc.stage_names[k];
            for (std::size_t e = 0; e < src.size(); ++e) {
                // in an undirected view a tie carries its volume both ways
                for (int dir = 0; dir < (v->directed() ? 1 : 2); ++dir) {
                    const vertex_t x = dir ? tgt[e] : src[e], y = dir ? src[e] : tgt[e];
                    if (x == y) continue;
                    if (in[k][x] && !in[k][y]) {
                        if (later(k, y)) a.onward += w[e];
                        else if (earlier(k, y)) a.back += w[e];
                        else a.out_of_chain += w[e];
                    } else if (in[k][y] && !in[k][x]) {
                        if (earlier(k, x)) a.from_earlier += w[e];
                        else if (later(k, x)) a.from_later += w[e];
                        else a.from_outside += w[e];
                    }
                }
            }
            a.inflow = k == 0 ? a.onward + a.back + a.out_of_chain
                              : a.from_earlier + a.from_later + a.from_outside;
            a.ends_here = a.inflow - a.onward - a.back - a.out_of_chain;
            if (a.inflow > 0) {
                a.out_of_chain_share = a.out_of_chain / a.inflow;
                if (k + 1 < K) {
                    a.onward_share = a.onward / a.inflow;
                    a.attrition = 1.0 - a.onward_share;
                }
            }
            out.attrition.push_back(a);
        }
        out.attrition_basis.value = 0.0;
        out.attrition_basis.note =
            "volumes of relations with one end in the stage; the first stage's inflow is its "
            "outflow (items entering the chain there)";
    });
    report_progress(opt.progress, 7.0 / parts);
    // -- feedback
    detail::measure(out.feedback_coverage, [&] {
        std::vector<std::string> layers = opt.layers.empty() ? feedback_layers(net) : opt.layers;
        if (layers.empty())
            throw InputError("feedback: the network has no directed case or information layer "
                             "with relations");
        out.feedback_coverage.layers = layers;
        out.feedback_reach.layers = layers;
        out.exit_reaches_entry.layers = layers;
        ViewOptions o;
        o.layers = layers;
        const auto v = net.view(o);
        out.feedback = feedback(*v, rc.stages);
        std::size_t with = 0;
        for (const auto& p : out.feedback.pairs) with += p.ties > 0;
        out.feedback_coverage.value = out.feedback.coverage;
        out.feedback_coverage.note = std::to_string(with) + " of " +
                                     std::to_string(out.feedback.pairs.size()) +
                                     " pairs of stages have a direct tie from the later stage "
                                     "back to the earlier one";
        out.feedback_reach.value = out.feedback.reach_coverage;
        out.feedback_reach.note = "pairs of stages in which the later stage reaches the "
                                  "earlier one along a path";
        out.exit_reaches_entry.value = out.feedback.exit_reaches_entry ? 1.0 : 0.0;
        out.exit_reaches_entry.path = out.feedback.exit_to_entry_path;
        out.exit_reaches_entry.note =
            out.feedback.exit_reaches_entry
                ? "path " + detail::join_ids(net, out.feedback.exit_to_entry_path)
                : "no path from the last stage back to the first";
    });
    if (std::isnan(out.feedback_coverage.value)) {
        out.feedback_reach.note = out.exit_reaches_entry.note = out.feedback_coverage.note;
    }
    report_progress(opt.progress, 1.0);
    return out;
}

}  // namespace ketennet::flow
