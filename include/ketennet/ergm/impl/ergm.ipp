// Definitions of ergm.hpp.
#pragma once
#include <Eigen/Dense>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/ergm/detail/sampler.hpp"
#include "ketennet/ergm/detail/state.hpp"
#include "ketennet/ergm/detail/terms.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/random.hpp"

namespace ketennet::ergm {

namespace detail {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

inline CompiledModel compile_for(const View& y, const Model& model) {
    return detail::compile(model, y.n(), y.directed());
}

inline void check_coef(const CompiledModel& cm, const std::vector<double>& coef, const char* what) {
    if (coef.size() != cm.p)
        throw InputError(std::string(what) + ": " + std::to_string(coef.size()) + " coefficients for " +
                         std::to_string(cm.p) + " statistics");
    for (std::size_t q = 0; q < coef.size(); ++q)
        if (!std::isfinite(coef[q]))
            throw InputError(std::string(what) + ": the coefficient of " + cm.names[q] + " is not finite");
}

/// log(1 + e^x) without overflow.
inline double log1pexp(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

}  // namespace detail


KETENNET_INLINE std::vector<std::string> statistic_names(const View& y, const Model& model) {
    return detail::compile_for(y, model).names;
}

KETENNET_INLINE std::vector<double> summary(const View& y, const Model& model) {
    const auto cm = detail::compile_for(y, model);
    const auto s = detail::state_of(y);
    std::vector<double> out(cm.p, 0.0);
    cm.statistic_all(s, out.data());
    return out;
}

KETENNET_INLINE bool is_dyad_independent(const Model& model) {
    for (const Term& t : model)
        switch (t.kind) {
        case TermKind::edges: case TermKind::mutual: case TermKind::nodematch: case TermKind::nodemix:
        case TermKind::nodefactor: case TermKind::nodecov: case TermKind::nodeicov: case TermKind::nodeocov:
        case TermKind::absdiff: case TermKind::edgecov:
            break;
        default:
            return false;
        }
    return true;
}

KETENNET_INLINE ChangeStatistics change_statistics(const View& y, const Model& model) {
    const auto cm = detail::compile_for(y, model);
    auto s = detail::state_of(y);
    const std::size_t n = y.n();
    ChangeStatistics out;
    out.p = cm.p;
    out.pairs = y.directed() ? n * (n > 0 ? n - 1 : 0) : n * (n > 0 ? n - 1 : 0) / 2;
    if (out.pairs > (std::size_t(1) << 26))
        throw InputError("ergm: " + std::to_string(out.pairs) +
                         " pairs are too many for the change-statistic design (at most 2^26)");
    out.x.resize(out.pairs * cm.p);
    out.tie.resize(out.pairs);
    out.sources.resize(out.pairs);
    out.targets.resize(out.pairs);
    std::size_t r = 0;
    for (vertex_t i = 0; i < n; ++i)
        for (vertex_t j = y.directed() ? 0 : i + 1; j < n; ++j) {
            if (i == j) continue;
            const bool tied = s.has(i, j);
            if (tied) s.remove(i, j);
            cm.change_all(s, i, j, out.x.data() + r * cm.p);
            if (tied) s.add(i, j);
            out.tie[r] = tied ? 1.0 : 0.0;
            out.sources[r] = i;
            out.targets[r] = j;
            ++r;
        }
    return out;
}

KETENNET_INLINE SimulationResult simulate(const View& y, const Model& model, const std::vector<double>& coef,
                                          const SimulationOptions& options) {
    const auto cm = detail::compile_for(y, model);
    detail::check_coef(cm, coef, "ergm.simulate");
    if (y.n() < 2) throw InputError("ergm.simulate: a network needs at least 2 organisations");
    if (options.nsim < 1) throw InputError("ergm.simulate: nsim must be at least 1");
    if (options.interval < 1) throw InputError("ergm.simulate: interval must be at least 1");
    const auto start = detail::state_of(y);
    std::vector<double> observed(cm.p, 0.0);
    cm.statistic_all(start, observed.data());
    return detail::run_chains(cm, start, observed, coef, options);
}

KETENNET_INLINE MpleResult mple(const View& y, const Model& model) {
    const auto cs = change_statistics(y, model);
    const auto names = statistic_names(y, model);
    const std::size_t p = cs.p, N = cs.pairs;
    if (N == 0) throw InputError("ergm.mple: a network needs at least 2 organisations");
    Eigen::Map<const detail::Matrix> X(cs.x.data(), Eigen::Index(N), Eigen::Index(p));
    Eigen::Map<const detail::Vector> Y(cs.tie.data(), Eigen::Index(N));
    for (std::size_t q = 0; q < p; ++q) {
        const auto col = X.col(Eigen::Index(q));
        if (col.maxCoeff() == col.minCoeff() && col.maxCoeff() == 0.0)
            throw InputError("ergm.mple: the change statistic of " + names[q] +
                             " is 0 for every pair: its coefficient is not identifiable");
    }
    MpleResult out;
    out.pairs = N;
    detail::Vector beta = detail::Vector::Zero(Eigen::Index(p));
    auto deviance = [&](const detail::Vector& b) {
        const detail::Vector eta = X * b;
        double ll = 0;
        for (Eigen::Index r = 0; r < eta.size(); ++r) ll += Y[r] * eta[r] - detail::log1pexp(eta[r]);
        return ll;
    };
    double ll = deviance(beta);
    out.null_pseudo_loglik = ll;
    detail::Matrix info(p, p);
    out.converged = false;
    for (int it = 1; it <= 100; ++it) {
        const detail::Vector eta = X * beta;
        detail::Vector w(eta.size()), grad = detail::Vector::Zero(Eigen::Index(p));
        for (Eigen::Index r = 0; r < eta.size(); ++r) {
            const double mu = 1.0 / (1.0 + std::exp(-eta[r]));
            w[r] = mu * (1.0 - mu);
        }
        info = X.transpose() * w.asDiagonal() * X;
        for (Eigen::Index r = 0; r < eta.size(); ++r) {
            const double mu = 1.0 / (1.0 + std::exp(-eta[r]));
            grad += X.row(r).transpose() * (Y[r] - mu);
        }
        const auto ldlt = info.ldlt();
        if (ldlt.info() != Eigen::Success || ldlt.rcond() < 1e-14) {
            if (it == 1)
                throw InputError("ergm.mple: the change statistics are collinear (the Fisher information is "
                                 "singular): the model's coefficients are not identifiable");
            break;  // the estimates diverge (separation): converged stays false
        }
        detail::Vector step = ldlt.solve(grad);
        double next = deviance(beta + step);
        int halvings = 0;
        while (next < ll - 1e-12 * std::fabs(ll) && halvings < 30) {
            step *= 0.5;
            next = deviance(beta + step);
            ++halvings;
        }
        beta += step;
        const double change = std::fabs(next - ll);
        ll = next;
        out.iterations = it;
        if (change <= 1e-12 * (std::fabs(ll) + 0.1) && step.cwiseAbs().maxCoeff() < 1e-8) {
            out.converged = true;
            break;
        }
    }
    {
        const detail::Vector eta = X * beta;
        detail::Vector w(eta.size());
        for (Eigen::Index r = 0; r < eta.size(); ++r) {
            const double mu = 1.0 / (1.0 + std::exp(-eta[r]));
            w[r] = mu * (1.0 - mu);
        }
        info = X.transpose() * w.asDiagonal() * X;
    }
    const auto final_ldlt = info.ldlt();
    detail::Matrix cov = final_ldlt.solve(detail::Matrix::Identity(Eigen::Index(p), Eigen::Index(p)));
    if (final_ldlt.info() != Eigen::Success || final_ldlt.rcond() < 1e-14)  // separation: no s.e.
        cov.setConstant(std::numeric_limits<double>::quiet_NaN());
    out.coef.assign(beta.data(), beta.data() + p);
    out.covariance.assign(cov.data(), cov.data() + p * p);
    out.std_error.resize(p);
    for (std::size_t q = 0; q < p; ++q) out.std_error[q] = std::sqrt(cov(Eigen::Index(q), Eigen::Index(q)));
    out.pseudo_loglik = ll;
    return out;
}

namespace detail {

/// The pairs of a dyad-independent model as independent small exponential families: for each
/// pair {i, j} (i < j) the statistics of each of its states relative to the empty pair, and
/// the observed state. Undirected: 2 states (none, i - j); directed: 4 (none, i -> j, j -> i,
/// both; "both" differs from the sum of the two by mutual).
struct DyadTable {
    std::size_t states = 2;
    Matrix g;               ///< row (pair * states + state): the statistics of that state
    std::vector<int> obs;   ///< the observed state of each pair
};

inline DyadTable dyad_table(const View& y, const CompiledModel& cm) {
    const vertex_t n = y.n();
    const std::size_t pairs = std::size_t(n) * std::size_t(n > 0 ? n - 1 : 0) / 2;
    DyadTable t;
    t.states = y.directed() ? 4 : 2;
    t.g = Matrix::Zero(Eigen::Index(pairs * t.states), Eigen::Index(cm.p));
    t.obs.resize(pairs);
    const auto obs = state_of(y);
    DyadState scratch(n, y.directed());
    std::vector<double> d(cm.p);
    std::size_t k = 0;
    for (vertex_t i = 0; i < n; ++i)
        for (vertex_t j = i + 1; j < n; ++j, ++k) {
            auto row = [&](std::size_t st) { return t.g.row(Eigen::Index(k * t.states + st)); };
            cm.change_all(scratch, i, j, d.data());
            for (std::size_t q = 0; q < cm.p; ++q) row(1)(Eigen::Index(q)) = d[q];
            if (!y.directed()) {
                t.obs[k] = obs.has(i, j) ? 1 : 0;
                continue;
            }
            cm.change_all(scratch, j, i, d.data());
            for (std::size_t q = 0; q < cm.p; ++q) row(2)(Eigen::Index(q)) = d[q];
            scratch.add(i, j);
            cm.change_all(scratch, j, i, d.data());
            scratch.remove(i, j);
            for (std::size_t q = 0; q < cm.p; ++q) row(3)(Eigen::Index(q)) = row(1)(Eigen::Index(q)) + d[q];
            const bool ij = obs.has(i, j), ji = obs.has(j, i);
            t.obs[k] = ij && ji ? 3 : ij ? 1 : ji ? 2 : 0;
        }
    return t;
}

/// The exact log-likelihood of the pairs at theta; with @p grad and @p info also its gradient
/// (observed minus expected statistics) and the Fisher information (the sum over pairs of the
/// covariance of their statistics).
inline double dyad_loglik(const DyadTable& t, const Vector& theta, Vector* grad, Matrix* info) {
    const Eigen::Index p = theta.size();
    const Vector eta = t.g * theta;
    if (grad) *grad = Vector::Zero(p);
    if (info) *info = Matrix::Zero(p, p);
    double ll = 0.0;
    const std::size_t S = t.states;
    std::vector<double> w(S);
    Vector mean(p);
    for (std::size_t k = 0; k < t.obs.size(); ++k) {
        const Eigen::Index base = Eigen::Index(k * S);
        double mx = 0.0;
        for (std::size_t st = 0; st < S; ++st) mx = std::max(mx, eta[base + Eigen::Index(st)]);
        double z = 0.0;
        for (std::size_t st = 0; st < S; ++st) z += (w[st] = std::exp(eta[base + Eigen::Index(st)] - mx));
        ll += eta[base + t.obs[k]] - (mx + std::log(z));
        if (!grad && !info) continue;
        mean.setZero();
        for (std::size_t st = 0; st < S; ++st) mean += (w[st] / z) * t.g.row(base + Eigen::Index(st)).transpose();
        if (grad) *grad += t.g.row(base + t.obs[k]).transpose() - mean;
        if (info)
            for (std::size_t st = 0; st < S; ++st) {
                const Vector c = t.g.row(base + Eigen::Index(st)).transpose() - mean;
                info->noalias() += (w[st] / z) * c * c.transpose();
            }
    }
    return ll;
}

/// The exact MLE of a dyad-independent model by Newton's method with step halving on the
/// concave log-likelihood of the pairs, from @p start (the MPLE); the Fisher information at
/// the estimate in @p info. Stops when no coordinate moves by more than 1e-10.
inline Vector dyad_mle(const DyadTable& t, Vector theta, Matrix& info) {
    Vector grad;
    double ll = dyad_loglik(t, theta, &grad, &info);
    for (int it = 0; it < 200; ++it) {
        const Vector step = info.completeOrthogonalDecomposition().solve(grad);
        double h = 1.0;
        Vector next = theta + step;
        double nll = dyad_loglik(t, next, nullptr, nullptr);
        while (!(nll >= ll - 1e-12) && h > 1e-8) {
            h *= 0.5;
            next = theta + h * step;
            nll = dyad_loglik(t, next, nullptr, nullptr);
        }
        const double moved = (h * step).cwiseAbs().maxCoeff();
        theta = next;
        ll = dyad_loglik(t, theta, &grad, &info);
        if (!(moved > 1e-10)) break;
    }
    return theta;
}

}  // namespace detail

KETENNET_INLINE double dyad_independent_loglik(const View& y, const Model& model, const std::vector<double>& coef) {
    const auto cm = detail::compile_for(y, model);
    detail::check_coef(cm, coef, "ergm.loglik");
    if (!is_dyad_independent(model)) return std::numeric_limits<double>::quiet_NaN();
    const detail::DyadTable t = detail::dyad_table(y, cm);
    return detail::dyad_loglik(t, Eigen::Map<const detail::Vector>(coef.data(), Eigen::Index(cm.p)), nullptr,
                               nullptr);
}

namespace detail {

/// Is @p xi in the convex hull of the rows of @p Z? Phase 1 of the simplex method on
/// sum_k lambda_k z_k = xi, sum_k lambda_k = 1, lambda >= 0 (Dantzig's rule, at most
/// 50 (S + p) pivots): inside when the artificial variables reach 0.
inline bool in_convex_hull(const Matrix& Z, const Vector& xi) {
    const Eigen::Index S = Z.rows(), p = Z.cols(), m = p + 1, cols = S + m + 1, rhs = S + m;
    Matrix T = Matrix::Zero(m + 1, cols);
    for (Eigen::Index r = 0; r < p; ++r) {
        for (Eigen::Index k = 0; k < S; ++k) T(r, k) = Z(k, r);
        T(r, rhs) = xi[r];
    }
    for (Eigen::Index k = 0; k < S; ++k) T(p, k) = 1.0;
    T(p, rhs) = 1.0;
    for (Eigen::Index r = 0; r < m; ++r) {
        if (T(r, rhs) < 0) T.row(r) *= -1.0;
        T(r, S + r) = 1.0;
    }
    for (Eigen::Index k = 0; k < S; ++k) T(m, k) = T.col(k).head(m).sum();
    T(m, rhs) = T.col(rhs).head(m).sum();
    const double tol = 1e-9;
    for (Eigen::Index it = 0; it < 50 * (S + m); ++it) {
        Eigen::Index j = -1;
        double best = tol;
        for (Eigen::Index c = 0; c < S + m; ++c)
            if (T(m, c) > best) {
                best = T(m, c);
                j = c;
            }
        if (j < 0) break;
        Eigen::Index r = -1;
        double ratio = std::numeric_limits<double>::infinity();
        for (Eigen::Index q = 0; q < m; ++q)
            if (T(q, j) > 1e-12 && T(q, rhs) / T(q, j) < ratio) {
                ratio = T(q, rhs) / T(q, j);
                r = q;
            }
        if (r < 0) break;
        T.row(r) /= T(r, j);
        for (Eigen::Index q = 0; q <= m; ++q)
            if (q != r && T(q, j) != 0.0) T.row(q) -= T(q, j) * T.row(r);
    }
    return T(m, rhs) < 1e-7;
}

/// The sample's statistics relative to g(y), standardised per column (for the hull test).
struct Sample {
    Matrix z;      // S x p: g(y_s) - g(y)
    Vector mean;   // column means
};

inline Sample relative_sample(const SimulationResult& sim, const std::vector<double>& observed) {
    Sample s;
    const Eigen::Index S = Eigen::Index(sim.nsim), p = Eigen::Index(sim.p);
    s.z.resize(S, p);
    for (Eigen::Index k = 0; k < S; ++k)
        for (Eigen::Index q = 0; q < p; ++q) s.z(k, q) = sim.statistics[std::size_t(k * p + q)] - observed[std::size_t(q)];
    s.mean = s.z.colwise().mean().transpose();
    return s;
}

inline Matrix covariance(const Matrix& z) {
    const Matrix c = z.rowwise() - z.colwise().mean();
    return (c.transpose() * c) / double(std::max<Eigen::Index>(1, z.rows() - 1));
}

/// Maximises the Geyer-Thompson approximation (theta - theta_t) . xi - log mean exp((theta -
/// theta_t) . z_s) by Newton's method with step halving; returns theta - theta_t.
inline Vector geyer_thompson_step(const Matrix& z, const Vector& xi) {
    const Eigen::Index p = z.cols();
    Vector d = Vector::Zero(p);
    auto objective = [&](const Vector& v) {
        const Vector e = z * v;
        const double mx = e.maxCoeff();
        return v.dot(xi) - (mx + std::log((e.array() - mx).exp().mean()));
    };
    double f = objective(d);
    for (int it = 0; it < 100; ++it) {
        const Vector e = z * d;
        Vector w = (e.array() - e.maxCoeff()).exp();
        w /= w.sum();
        const Vector mean = z.transpose() * w;
        const Matrix c = z.rowwise() - mean.transpose();
        const Matrix cov = c.transpose() * w.asDiagonal() * c;
        const Vector grad = xi - mean;
        Vector step = cov.completeOrthogonalDecomposition().solve(grad);
        double next = objective(d + step);
        int halvings = 0;
        while (!(next >= f) && halvings < 40) {
            step *= 0.5;
            next = objective(d + step);
            ++halvings;
        }
        if (!(next >= f)) break;
        d += step;
        const double gain = next - f;
        f = next;
        if (gain < 1e-12 && step.cwiseAbs().maxCoeff() < 1e-10) break;
    }
    return d;
}

}  // namespace detail

KETENNET_INLINE McmleResult mcmle(const View& y, const Model& model, const McmleOptions& options) {
    const auto cm = detail::compile_for(y, model);
    if (y.n() < 3) throw InputError("ergm.fit: a network needs at least 3 organisations for MCMLE");
    if (options.samplesize < 2) throw InputError("ergm.fit: samplesize must be at least 2");
    const std::size_t p = cm.p;
    const auto start = detail::state_of(y);
    std::vector<double> observed(p, 0.0);
    cm.statistic_all(start, observed.data());
    McmleResult out;
    out.observed = observed;
    out.dyad_independent = is_dyad_independent(model);
    const MpleResult first = mple(y, model);
    out.mple = first.coef;
    detail::Vector theta = Eigen::Map<const detail::Vector>(first.coef.data(), Eigen::Index(p));
    SimulationOptions sim;
    sim.nsim = options.samplesize;
    sim.burnin = options.burnin;
    sim.interval = options.interval;
    sim.chains = options.chains;
    sim.threads = options.threads;
    // each sample reports its share of an iteration's step of the progress (and cancels)
    double base = 0.0;
    const double step = 1.0 / double(options.max_iterations + 1);
    if (options.progress)
        sim.progress = [&](double f) { return options.progress(std::min(1.0, base + step * f)); };
    auto sample_at = [&](const detail::Vector& th, std::size_t t) {
        sim.seed = mix64(options.seed + 0x9E3779B97F4A7C15ULL * (t + 1));
        const std::vector<double> coef(th.data(), th.data() + p);
        return detail::run_chains(cm, start, observed, coef, sim);
    };
    // what makes a sample degenerate, in words; `final`: also a sample mostly at the empty or
    // the complete network (during the iterations such a sample still gives a step)
    auto degenerate = [&](const SimulationResult& r, const detail::Sample& s, bool final) -> std::string {
        const detail::Matrix c = detail::covariance(s.z);
        for (std::size_t q = 0; q < p; ++q)
            if (!(c(Eigen::Index(q), Eigen::Index(q)) > 0.0))
                return "the sampled " + cm.names[q] + " does not vary (every draw has " +
                       detail::r_number(r.statistics[q]) + "): the model is degenerate at these coefficients or the "
                       "chains do not mix; try the MPLE, other terms or a longer interval";
        for (std::size_t t = 0; final && t < cm.terms.size(); ++t)
            if (cm.terms[t].kind == TermKind::edges) {
                const std::size_t q = cm.terms[t].offset;
                double lo = 0, hi = 0;
                for (std::size_t k = 0; k < r.nsim; ++k) {
                    const double e = r.statistics[k * p + q];
                    lo += e <= 0.0 ? 1.0 : 0.0;
                    hi += e >= start.pairs() ? 1.0 : 0.0;
                }
                if (lo > 0.5 * double(r.nsim))
                    return "most draws are the empty network: the model is degenerate at these coefficients";
                if (hi > 0.5 * double(r.nsim))
                    return "most draws are the complete network: the model is degenerate at these coefficients";
            }
        return {};
    };
    // a dyad-independent model: the pairs are independent, the likelihood is exact and concave,
    // and its maximum is found without a sample (the final sample below is drawn at it for the
    // diagnostics; the standard errors are the exact Fisher information's)
    detail::Matrix exact_info;
    const bool exact = out.dyad_independent && first.converged;
    if (exact) {
        theta = detail::dyad_mle(detail::dyad_table(y, cm), theta, exact_info);
        out.converged = true;
    }
    int ones = 0;
    detail::Vector last_step = detail::Vector::Zero(Eigen::Index(p));
    if (!first.converged)  // separation: the pseudo-likelihood, and the likelihood, have no maximum
        out.degeneracy = "the MPLE does not exist (the observed statistics are at the edge of their range: no "
                         "ties, every tie, or a category whose pairs are all tied or all untied), and neither "
                         "does the MLE";
    for (std::size_t t = 0; !exact && out.degeneracy.empty() && t < options.max_iterations; ++t) {
        base = double(t) * step;
        const auto r = sample_at(theta, t);
        const detail::Sample s = detail::relative_sample(r, observed);
        out.degeneracy = degenerate(r, s, false);
        out.iterations = int(t + 1);
        if (!out.degeneracy.empty()) {
            // a step into a degenerate region (a sample whose statistics do not vary): go back
            // half the step and sample again; at the start (the MPLE) there is no step to undo
            if (t == 0 || last_step.cwiseAbs().maxCoeff() < 1e-8) break;
            last_step *= 0.5;
            theta -= last_step;
            ones = 0;
            out.degeneracy.clear();
            out.steplengths.push_back(0.0);
            continue;
        }
        // Hummel's step length: the largest gamma whose target, pushed out by the margin, is
        // in the hull of the sample (the mean, gamma = 0, always is)
        auto inside = [&](double g) {
            const detail::Vector pt = s.mean * (1.0 - (1.0 + options.margin) * g);
            return detail::in_convex_hull(s.z, pt);
        };
        double gamma = 1.0;
        if (!inside(1.0)) {
            double lo = 0.0, hi = 1.0;
            for (int b = 0; b < 20; ++b) {
                const double mid = 0.5 * (lo + hi);
                (inside(mid) ? lo : hi) = mid;
            }
            gamma = lo;
        }
        out.steplengths.push_back(gamma);
        const detail::Vector xi = s.mean * (1.0 - gamma);
        last_step = detail::geyer_thompson_step(s.z, xi);
        theta += last_step;
        ones = gamma >= 1.0 ? ones + 1 : 0;
        if (ones >= 2) {
            out.converged = true;
            break;
        }
    }
    out.coef.assign(theta.data(), theta.data() + p);
    base = double(options.max_iterations) * step;
    const auto r = sample_at(theta, options.max_iterations + 1);
    out.sample = r.statistics;
    const detail::Sample s = detail::relative_sample(r, observed);
    const std::string last = degenerate(r, s, true);
    if (out.degeneracy.empty() && !last.empty()) out.degeneracy = last;
    if (!out.degeneracy.empty()) out.converged = false;
    const detail::Matrix info = detail::covariance(s.z);
    // the MCMC variance of the sample mean, by batch means within each chain
    const std::size_t per_chain = r.nsim / std::max<std::size_t>(1, r.chains);
    const std::size_t bsize = std::max<std::size_t>(1, std::size_t(std::sqrt(double(std::max<std::size_t>(1, per_chain)))));
    std::vector<detail::Vector> batches;
    for (std::size_t c = 0; c < r.chains; ++c) {
        const auto [b, e] = block_range(r.nsim, r.chains, c);
        for (std::size_t k = b; k + bsize <= e; k += bsize)
            batches.push_back(s.z.middleRows(Eigen::Index(k), Eigen::Index(bsize)).colwise().mean().transpose());
    }
    detail::Matrix V = detail::Matrix::Zero(Eigen::Index(p), Eigen::Index(p));
    if (batches.size() >= 2) {
        detail::Matrix bm(Eigen::Index(batches.size()), Eigen::Index(p));
        for (std::size_t k = 0; k < batches.size(); ++k) bm.row(Eigen::Index(k)) = batches[k].transpose();
        V = detail::covariance(bm) * (double(bsize) / double(r.nsim));
    }
    const detail::Matrix inv = (exact ? exact_info : info).completeOrthogonalDecomposition().pseudoInverse();
    if (exact) V.setZero();  // the estimate is exact: no Monte Carlo part
    const detail::Matrix mc = inv * V * inv;
    const detail::Matrix cov = inv + mc;
    out.covariance.assign(cov.data(), cov.data() + p * p);
    out.std_error.resize(p);
    out.mcmc_std_error.resize(p);
    out.t_ratios.resize(p);
    for (std::size_t q = 0; q < p; ++q) {
        const Eigen::Index e = Eigen::Index(q);
        out.std_error[q] = std::sqrt(std::max(0.0, cov(e, e)));
        out.mcmc_std_error[q] = std::sqrt(std::max(0.0, mc(e, e)));
        const double sd = std::sqrt(info(e, e));
        out.t_ratios[q] = sd > 0 ? s.mean[e] / sd : std::numeric_limits<double>::quiet_NaN();
    }
    if (out.dyad_independent) {
        out.loglik = dyad_independent_loglik(y, model, out.coef);
    } else if (out.degeneracy.empty() && options.bridges > 0) {
        // path sampling from theta_0 (the edges coefficient alone): a Bernoulli graph whose
        // log kappa is exact, pairs * log(1 + e^theta_edges) (ordered pairs when directed)
        detail::Vector theta0 = detail::Vector::Zero(Eigen::Index(p));
        for (const auto& term : cm.terms)
            if (term.kind == TermKind::edges) theta0[Eigen::Index(term.offset)] = theta[Eigen::Index(term.offset)];
        double e0 = 0.0;
        for (Eigen::Index q = 0; q < Eigen::Index(p); ++q) e0 += theta0[q];  // only edges is non-zero
        const double log_kappa0 = double(start.pairs()) * detail::log1pexp(e0);
        const detail::Vector delta = theta - theta0;
        const std::size_t K = options.bridges;
        SimulationOptions bridge = sim;
        bridge.nsim = std::max<std::size_t>(64, options.samplesize / 4);
        bridge.progress = {};
        double integral = 0.0, variance = 0.0;
        for (std::size_t k = 0; k < K; ++k) {
            const detail::Vector th = theta0 + delta * ((double(k) + 0.5) / double(K));
            bridge.seed = mix64(options.seed ^ (0xB5297A4D3F8C1E07ULL * (k + 1)));
            const std::vector<double> coef(th.data(), th.data() + p);
            const auto rb = detail::run_chains(cm, start, observed, coef, bridge);
            // the mean and the variance of (theta - theta_0) . g over the draws
            double m = 0.0, m2 = 0.0;
            for (std::size_t d = 0; d < rb.nsim; ++d) {
                double v = 0.0;
                for (std::size_t q = 0; q < p; ++q) v += delta[Eigen::Index(q)] * rb.statistics[d * p + q];
                m += v;
                m2 += v * v;
            }
            m /= double(rb.nsim);
            const double var = std::max(0.0, m2 / double(rb.nsim) - m * m);
            integral += m / double(K);
            variance += var / double(rb.nsim) / double(K * K);
        }
        double obs_dot = 0.0;
        for (std::size_t q = 0; q < p; ++q) obs_dot += theta[Eigen::Index(q)] * observed[q];
        out.loglik = obs_dot - (log_kappa0 + integral);
        out.loglik_mc_error = std::sqrt(variance);
    } else {
        out.loglik = std::numeric_limits<double>::quiet_NaN();
    }
    report_progress(options.progress, 1.0);
    return out;
}

}  // namespace ketennet::ergm
