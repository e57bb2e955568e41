#pragma once
/// @file markov.ipp
/// @brief Definitions of flow/markov.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <Eigen/SparseLU>

#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/detail/path_search.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::flow {

namespace detail {

/// (I - Q) over m unknowns, from triplets of Q; dense LU when small, sparse LU otherwise.
class TransientSystem {
public:
    static constexpr std::size_t dense_limit = 300;

    TransientSystem(std::size_t m, const std::vector<Eigen::Triplet<double>>& q) : m_(m) {
        if (m_ == 0) return;
        if (m_ <= dense_limit) {
            Eigen::MatrixXd a = Eigen::MatrixXd::Identity(Eigen::Index(m_), Eigen::Index(m_));
            for (const auto& t : q) a(t.row(), t.col()) -= t.value();
            dense_.compute(a);
        } else {
            std::vector<Eigen::Triplet<double>> trip;
            trip.reserve(q.size() + m_);
            for (std::size_t i = 0; i < m_; ++i)
                trip.emplace_back(Eigen::Index(i), Eigen::Index(i), 1.0);
            for (const auto& t : q) trip.emplace_back(t.row(), t.col(), -t.value());
            Eigen::SparseMatrix<double> a{Eigen::Index(m_), Eigen::Index(m_)};
            a.setFromTriplets(trip.begin(), trip.end());  // duplicates are summed
            a.makeCompressed();
            sparse_.analyzePattern(a);
            sparse_.factorize(a);
            if (sparse_.info() != Eigen::Success)
                throw Error("expected lead time: the sparse LU factorisation failed (" +
                            sparse_.lastErrorMessage() + ")");
        }
    }
    std::size_t size() const { return m_; }
    Eigen::VectorXd solve(const Eigen::VectorXd& b) const {
        if (m_ == 0) return b;
        Eigen::VectorXd x = m_ <= dense_limit ? Eigen::VectorXd(dense_.solve(b))
                                              : Eigen::VectorXd(sparse_.solve(b));
        check(x);
        return x;
    }
    Eigen::VectorXd solve_transposed(const Eigen::VectorXd& b) const {
        if (m_ == 0) return b;
        Eigen::VectorXd x = m_ <= dense_limit
                                ? Eigen::VectorXd(dense_.transpose().solve(b))
                                : Eigen::VectorXd(sparse_.transpose().solve(b));
        check(x);
        return x;
    }

private:
    static void check(const Eigen::VectorXd& x) {
        if (!x.allFinite())
            throw Error("routed flow: the linear system is singular (this is a bug: the "
                        "transient set was chosen so that it cannot be)");
    }
    std::size_t m_;
    Eigen::PartialPivLU<Eigen::MatrixXd> dense_;
    // transpose() of Eigen's SparseLU is not const; solving does not change the factors
    mutable Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> sparse_;
};

inline void require_values(const View& g, std::span<const double> value, bool unit_interval,
                           const char* what, const char* name) {
    if (value.size() != g.m())
        throw InputError(std::string(what) + ": " + std::to_string(value.size()) + " " + name +
                         " values for a view of " + std::to_string(g.m()) + " ties");
    for (std::size_t e = 0; e < value.size(); ++e) {
        const double x = value[e];
        const bool ok = unit_interval ? (x >= 0.0 && x <= 1.0) : (x >= 0.0 && std::isfinite(x));
        if (!ok)
            throw InputError(std::string(what) + ": " + name + " of " +
                             g.id(g.edge_sources()[e]) + (g.directed() ? " -> " : " - ") +
                             g.id(g.edge_targets()[e]) + " is " + std::to_string(x) +
                             (unit_interval ? "; it must lie in [0, 1]" : "; it must be >= 0"));
    }
}

/// Exits must be one per organisation, finite and >= 0 (or none).
inline void require_exits(const View& g, std::span<const double> exits, const char* what) {
    if (exits.empty()) return;
    if (exits.size() != g.n())
        throw InputError(std::string(what) + ": " + std::to_string(exits.size()) +
                         " exit values for a view of " + std::to_string(g.n()) + " organisations");
    for (vertex_t v = 0; v < g.n(); ++v)
        if (!(exits[v] >= 0.0) || !std::isfinite(exits[v]))
            throw InputError(std::string(what) + ": the exits (items ending) at " + g.id(v) +
                             " must be finite and >= 0, not " + std::to_string(exits[v]));
}

/// Out-weight totals (items leaving each organisation per period), plus the exits if given.
[[nodiscard]] inline std::vector<double> out_totals(const View& g, std::span<const double> exits = {}) {
    std::vector<double> tot(g.n(), 0.0);
    for (vertex_t u = 0; u < g.n(); ++u) {
        for (double w : g.out_weights(u)) tot[u] += w;
        if (!exits.empty()) tot[u] += exits[u];
    }
    return tot;
}

/// Right-hand side of the expected-time system B = Q B + c over the transient set S'
/// (members, idx: position in S' or -1):
///   c(u) = sum over v of P(u, v) tau(u, v) A(v),
/// with P(u, v) = w(u, v) / tot(u), tau the relation's duration and A the arrival
/// probability (1 on targets, A on S', 0 elsewhere). Then B(u) = E[time; arrival].
template <class IsTarget, class Duration>
[[nodiscard]] inline Eigen::VectorXd time_rhs(const View& g, const std::vector<vertex_t>& members,
                                const std::vector<std::int64_t>& idx,
                                const std::vector<double>& tot, const Eigen::VectorXd& A,
                                IsTarget is_target, Duration duration) {
    Eigen::VectorXd c = Eigen::VectorXd::Zero(Eigen::Index(members.size()));
    for (std::size_t i = 0; i < members.size(); ++i) {
        const vertex_t u = members[i];
        const auto nb = g.out_neighbours(u);
        const auto wt = g.out_weights(u);
        const auto es = g.out_edges(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (!(wt[k] > 0.0)) continue;
            const vertex_t v = nb[k];
            const double av = is_target(v) ? 1.0 : (idx[v] >= 0 ? A[Eigen::Index(idx[v])] : 0.0);
            c[Eigen::Index(i)] += wt[k] / tot[u] * duration(es[k]) * av;
        }
    }
    return c;
}

/// Organisations, not absorbing, from which an absorbing one can be reached along ties of
/// positive weight (reverse search from the absorbing set).
[[nodiscard]] inline std::vector<char> can_reach(const View& g, const std::vector<char>& absorbing) {
    const vertex_t n = g.n();
    std::vector<char> reach(n, 0);
    std::vector<vertex_t> stack;
    for (vertex_t v = 0; v < n; ++v)
        if (absorbing[v]) stack.push_back(v);
    while (!stack.empty()) {
        const vertex_t v = stack.back();
        stack.pop_back();
        const auto nb = g.in_neighbours(v);
        const auto wt = g.in_weights(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t u = nb[k];
            if (absorbing[u] || reach[u] || !(wt[k] > 0.0)) continue;
            reach[u] = 1;
            stack.push_back(u);
        }
    }
    return reach;
}

enum class Accumulate { time, product };

/// The routed outcome. @p value per edge id: durations (time) or qualities (product); an
/// empty span means 1 per step (hops) for time.
[[nodiscard]] inline RoutedOutcome routed(const View& g, std::span<const double> value, Accumulate mode,
                            const std::vector<std::pair<vertex_t, double>>& start,
                            const std::vector<vertex_t>& targets, const char* what,
                            std::span<const double> exits = {}) {
    const vertex_t n = g.n();
    require_weights(g, WeightRule::routing, what);
    require_exits(g, exits, what);
    if (!value.empty())
        require_values(g, value, mode == Accumulate::product, what,
                       mode == Accumulate::product ? "quality" : "duration");
    if (targets.empty()) throw InputError(std::string(what) + ": no target organisation given");
    check_vertices(g, targets, (std::string(what) + " (targets)").c_str());
    std::vector<vertex_t> sv;
    double mass = 0.0;
    for (auto [v, p] : start) {
        sv.push_back(v);
        if (!(p >= 0.0) || !std::isfinite(p))
            throw InputError(std::string(what) + ": the start weight of '" +
                             (v < n ? g.id(v) : std::to_string(v)) + "' must be finite and >= 0");
        mass += p;
    }
    if (sv.empty()) throw InputError(std::string(what) + ": no source organisation given");
    check_vertices(g, sv, (std::string(what) + " (start)").c_str());
    check_disjoint(g, sv, targets, what, "source", "target");
    if (!(mass > 0.0))
        throw InputError(std::string(what) + ": the sources send nothing (their start weights "
                         "sum to 0)");

    const std::vector<double> tot = out_totals(g, exits);
    const std::vector<char> is_target = mask(n, targets);
    std::vector<char> dead(n, 0), absorbing(n, 0), exiting(n, 0);
    const std::vector<double> out_only = exits.empty() ? tot : out_totals(g);
    for (vertex_t v = 0; v < n; ++v) {
        // an organisation whose items all end there (no out-volume) is a dead end
        dead[v] = !is_target[v] && !(out_only[v] > 0.0);
        absorbing[v] = is_target[v] || dead[v];
        exiting[v] = !absorbing[v] && !exits.empty() && exits[v] > 0.0;
    }
    // S': transient organisations that can reach a target, a dead end or an exit (I - Q is
    // nonsingular on S'); the rest of the transient ones are trapped.
    std::vector<char> stops(absorbing);
    for (vertex_t v = 0; v < n; ++v) stops[v] = stops[v] || exiting[v];
    std::vector<char> live = can_reach(g, stops);
    for (vertex_t v = 0; v < n; ++v) live[v] = live[v] || exiting[v];
    std::vector<std::int64_t> idx(n, -1);
    std::vector<vertex_t> members;
    for (vertex_t v = 0; v < n; ++v)
        if (live[v]) {
            idx[v] = std::int64_t(members.size());
            members.push_back(v);
        }
    const std::size_t m = members.size();
    auto factor = [&](std::size_t e) {
        return (mode == Accumulate::product && !value.empty()) ? value[e] : 1.0;
    };
    auto duration = [&](std::size_t e) {
        return (mode == Accumulate::time && !value.empty()) ? value[e] : 1.0;
    };
    std::vector<Eigen::Triplet<double>> q, qf;
    Eigen::VectorXd bA = Eigen::VectorXd::Zero(Eigen::Index(m));
    Eigen::VectorXd bF = Eigen::VectorXd::Zero(Eigen::Index(m));
    for (std::size_t i = 0; i < m; ++i) {
        const vertex_t u = members[i];
        const auto nb = g.out_neighbours(u);
        const auto wt = g.out_weights(u);
        const auto es = g.out_edges(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (!(wt[k] > 0.0)) continue;
            const double p = wt[k] / tot[u];
            const vertex_t v = nb[k];
            if (idx[v] >= 0) {
                q.emplace_back(Eigen::Index(i), Eigen::Index(idx[v]), p);
                if (mode == Accumulate::product)
                    qf.emplace_back(Eigen::Index(i), Eigen::Index(idx[v]), p * factor(es[k]));
            } else if (is_target[v]) {
                bA[Eigen::Index(i)] += p;
                bF[Eigen::Index(i)] += p * factor(es[k]);
            }
        }
    }
    const TransientSystem sys(m, q);
    const Eigen::VectorXd A = sys.solve(bA);  // arrival probability from each member
    // the numerator of the conditional expectation, per member
    Eigen::VectorXd X;
    if (mode == Accumulate::time) {
        X = sys.solve(time_rhs(g, members, idx, tot, A, [&](vertex_t v) { return bool(is_target[v]); },
                               duration));
    } else {
        const TransientSystem sysf(m, qf);
        X = sysf.solve(bF);  // F(u) = E[product of qualities; arrival]
    }
    // expected visits from the start distribution (transposed system) -> where items end
    Eigen::VectorXd s0 = Eigen::VectorXd::Zero(Eigen::Index(m));
    RoutedOutcome out;
    double num = 0.0, arrive_a = 0.0;
    std::vector<double> end_mass(n, 0.0);
    double trapped = 0.0;
    for (auto [v, p] : start) {
        const double share = p / mass;
        if (idx[v] >= 0) {
            s0[Eigen::Index(idx[v])] += share;
            num += share * X[Eigen::Index(idx[v])];
            arrive_a += share * A[Eigen::Index(idx[v])];
        } else if (dead[v]) {
            end_mass[v] += share;
        } else {
            trapped += share;  // transient but cannot reach any absorbing organisation
        }
    }
    const Eigen::VectorXd y = sys.solve_transposed(s0);
    double arrival = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        const vertex_t u = members[i];
        const double yu = y[Eigen::Index(i)];
        if (yu == 0.0) continue;
        if (exiting[u]) end_mass[u] += yu * exits[u] / tot[u];
        const auto nb = g.out_neighbours(u);
        const auto wt = g.out_weights(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (!(wt[k] > 0.0)) continue;
            const vertex_t v = nb[k];
            const double f = yu * wt[k] / tot[u];
            if (is_target[v])
                arrival += f;
            else if (dead[v])
                end_mass[v] += f;
            else if (idx[v] < 0)
                trapped += f;
        }
    }
    out.arrival = arrival;
    for (vertex_t v = 0; v < n; ++v)
        if (end_mass[v] > 0.0) out.ends.emplace_back(v, end_mass[v]);
    out.trapped = trapped;
    if (arrive_a > 0.0)
        out.value = num / arrive_a;
    else
        out.value = mode == Accumulate::time ? std::numeric_limits<double>::infinity()
                                             : std::numeric_limits<double>::quiet_NaN();
    return out;
}

}  // namespace detail

KETENNET_INLINE RoutedOutcome expected_lead_time(const View& routing, std::span<const double> latency,
                                        const std::vector<std::pair<vertex_t, double>>& start,
                                        const std::vector<vertex_t>& targets,
                                        std::span<const double> exits) {
    return detail::routed(routing, latency, detail::Accumulate::time, start, targets,
                          "expected_lead_time", exits);
}

KETENNET_INLINE RoutedOutcome expected_fidelity(const View& routing, std::span<const double> quality,
                                       const std::vector<std::pair<vertex_t, double>>& start,
                                       const std::vector<vertex_t>& targets,
                                       std::span<const double> exits) {
    if (quality.empty()) throw InputError("expected_fidelity: no quality values given");
    return detail::routed(routing, quality, detail::Accumulate::product, start, targets,
                          "expected_fidelity", exits);
}

KETENNET_INLINE FirstPassage first_passage(const View& g, std::span<const double> duration,
                                  const FirstPassageOptions& opt) {
    require_weights(g, WeightRule::routing, "first_passage");
    if (!duration.empty())
        detail::require_values(g, duration, false, "first_passage", "duration");
    const vertex_t n = g.n();
    FirstPassage out;
    out.n = n;
    out.time.assign(std::size_t(n) * n, std::numeric_limits<double>::infinity());
    out.arrival.assign(std::size_t(n) * n, 0.0);
    if (n == 0) return out;
    const std::vector<double> tot = detail::out_totals(g);
    const std::size_t blocks = block_count(n);
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            std::vector<char> absorbing(n, 0);
            std::vector<std::int64_t> idx(n, -1);
            for (std::size_t jj = lo; jj < hi; ++jj) {
                const vertex_t j = vertex_t(jj);
                absorbing.assign(n, 0);
                absorbing[j] = 1;
                // only organisations that can reach j matter: elsewhere A = 0
                const std::vector<char> live = detail::can_reach(g, absorbing);
                std::vector<vertex_t> members;
                std::fill(idx.begin(), idx.end(), -1);
                for (vertex_t v = 0; v < n; ++v)
                    if (live[v]) {
                        idx[v] = std::int64_t(members.size());
                        members.push_back(v);
                    }
                const std::size_t m = members.size();
                std::vector<Eigen::Triplet<double>> q;
                Eigen::VectorXd bA = Eigen::VectorXd::Zero(Eigen::Index(m));
                for (std::size_t i = 0; i < m; ++i) {
                    const vertex_t u = members[i];
                    const auto nb = g.out_neighbours(u);
                    const auto wt = g.out_weights(u);
                    for (std::size_t k = 0; k < nb.size(); ++k) {
                        if (!(wt[k] > 0.0)) continue;
                        const double p = wt[k] / tot[u];
                        if (nb[k] == j)
                            bA[Eigen::Index(i)] += p;
                        else if (idx[nb[k]] >= 0)
                            q.emplace_back(Eigen::Index(i), Eigen::Index(idx[nb[k]]), p);
                    }
                }
                const detail::TransientSystem sys(m, q);
                const Eigen::VectorXd A = sys.solve(bA);
                const Eigen::VectorXd B = sys.solve(detail::time_rhs(
                    g, members, idx, tot, A, [j](vertex_t v) { return v == j; },
                    [&](std::size_t e) { return duration.empty() ? 1.0 : duration[e]; }));
                for (std::size_t i = 0; i < m; ++i) {
                    const std::size_t cell = std::size_t(members[i]) * n + j;
                    const double a = A[Eigen::Index(i)];
                    out.arrival[cell] = a;
                    out.time[cell] = a > 0.0 ? B[Eigen::Index(i)] / a
                                             : std::numeric_limits<double>::infinity();
                }
                out.arrival[std::size_t(j) * n + j] = 1.0;
                out.time[std::size_t(j) * n + j] = 0.0;
            }
        },
        opt.progress);
    return out;
}

KETENNET_INLINE PathResult most_probable_path(const View& routing,
                                     const std::vector<std::pair<vertex_t, double>>& start,
                                     const std::vector<vertex_t>& targets,
                                     std::span<const double> exits) {
    require_weights(routing, WeightRule::routing, "most_probable_path");
    detail::require_exits(routing, exits, "most_probable_path");
    std::vector<vertex_t> sv;
    double mass = 0.0;
    for (auto [v, p] : start) {
        sv.push_back(v);
        if (!(p >= 0.0) || !std::isfinite(p))
            throw InputError("most_probable_path: start weights must be finite and >= 0");
        mass += p;
    }
    detail::check_ends(routing, sv, targets, "most_probable_path", "start");
    if (!(mass > 0.0)) throw InputError("most_probable_path: the start weights sum to 0");
    const std::vector<double> tot = detail::out_totals(routing, exits);
    std::vector<std::pair<vertex_t, double>> starts;
    for (auto [v, p] : start)
        if (p > 0.0) starts.emplace_back(v, -std::log(p / mass));
    constexpr double inf = std::numeric_limits<double>::infinity();
    PathResult r = detail::best_path(routing, starts, detail::mask(routing.n(), targets),
                                     [&](vertex_t u, std::size_t k) {
                                         const double w = routing.out_weights(u)[k];
                                         return w > 0.0 ? -std::log(w / tot[u]) : inf;
                                     });
    r.value = r.path.empty() ? 0.0 : std::exp(-r.value);
    return r;
}

}  // namespace ketennet::flow
