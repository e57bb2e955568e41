#pragma once
/// @file mrqap.ipp
/// @brief Definitions of stats/mrqap.hpp (compiled into the library; see core/config.hpp).
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/stats/detail/mrqap_kernel.hpp"
#include "ketennet/stats/mrqap.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::stats {

namespace detail {

/// The model over the cells: y, the columns (intercept first) and the full matrices that
/// the draws permute.
struct Model {
    std::size_t n = 0, cells = 0, terms = 0;
    bool directed = true;
    bool intercept = true;
    std::vector<std::string> names;       ///< term names
    Eigen::VectorXd y;                    ///< cells
    Eigen::MatrixXd x;                    ///< cells x terms
    std::vector<double> y_full;           ///< n x n
    std::vector<std::vector<double>> x_full;  ///< per term, n x n
};

[[nodiscard]] inline std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

/// Checks one matrix and returns its cells.
inline void check_matrix(const RelationMatrix& m, const RelationMatrix& y, const std::string& fn,
                         const std::string& name) {
    if (m.n != y.n)
        throw InputError(fn + ": " + name + " has " + std::to_string(m.n) + " organisations, y has " +
                         std::to_string(y.n));
    if (m.directed != y.directed)
        throw InputError(fn + ": " + name + " is " + (m.directed ? "directed" : "undirected") +
                         " but y is " + (y.directed ? "directed" : "undirected") +
                         "; every relation of the model must have the same directedness");
    if (m.values.size() != m.n * m.n)
        throw InputError(fn + ": " + name + " has " + std::to_string(m.values.size()) +
                         " values, an n x n matrix over " + std::to_string(m.n) +
                         " organisations has " + std::to_string(m.n * m.n));
    for (std::size_t i = 0; i < m.n; ++i)
        for (std::size_t j = 0; j < m.n; ++j) {
            if (i == j) continue;
            const double v = m.values[i * m.n + j];
            if (!std::isfinite(v))
                throw InputError(fn + ": " + name + " has the value " + format_number(v) + " at (" +
                                 std::to_string(i) + ", " + std::to_string(j) +
                                 "); every cell off the diagonal must be a finite number");
            if (!m.directed && v != m.values[j * m.n + i])
                throw InputError(fn + ": " + name + " is undirected but not symmetric: (" +
                                 std::to_string(i) + ", " + std::to_string(j) + ") is " +
                                 format_number(v) + ", (" + std::to_string(j) + ", " +
                                 std::to_string(i) + ") is " + format_number(m.values[j * m.n + i]));
        }
}

[[nodiscard]] inline Model make_model(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                      const MrqapOptions& o, const std::string& fn) {
    if (y.n < 3)
        throw InputError(fn + " needs at least three organisations, there are " + std::to_string(y.n));
    if (o.reps == 0) throw InputError(fn + ": reps must be at least 1");
    if (!o.names.empty() && o.names.size() != x.size())
        throw InputError(fn + ": " + std::to_string(o.names.size()) + " names for " +
                         std::to_string(x.size()) + " predictors");
    Model m;
    m.n = y.n;
    m.directed = y.directed;
    m.intercept = o.intercept;
    if (o.intercept) m.names.push_back("(intercept)");
    for (std::size_t k = 0; k < x.size(); ++k) {
        std::string name = "x";  // (appended: "x" + to_string trips GCC 12's -Wrestrict)
        name.append(std::to_string(k + 1));
        m.names.push_back(o.names.empty() ? name : o.names[k]);
    }
    m.terms = m.names.size();
    if (m.terms == 0) throw InputError(fn + ": no predictor and no intercept: nothing to fit");
    check_matrix(y, y, fn, "y");
    for (std::size_t k = 0; k < x.size(); ++k)
        check_matrix(x[k], y, fn, "'" + m.names[k + (o.intercept ? 1 : 0)] + "'");
    const std::size_t n = y.n;
    m.cells = y.directed ? n * (n - 1) : n * (n - 1) / 2;
    if (m.cells <= m.terms)
        throw InputError(fn + ": " + std::to_string(m.terms) + " terms and only " +
                         std::to_string(m.cells) + " cells; a test needs more cells than terms");
    std::vector<std::size_t> id(n);
    for (std::size_t v = 0; v < n; ++v) id[v] = v;
    m.y_full = y.values;
    m.y.resize(Eigen::Index(m.cells));
    gather_cells(m.y_full.data(), n, m.directed, id, m.y.data());
    if (o.intercept) m.x_full.emplace_back(n * n, 1.0);
    for (const auto& xm : x) m.x_full.push_back(xm.values);
    m.x.resize(Eigen::Index(m.cells), Eigen::Index(m.terms));
    for (std::size_t j = 0; j < m.terms; ++j)
        gather_cells(m.x_full[j].data(), n, m.directed, id, m.x.col(Eigen::Index(j)).data());
    // rank: as R's qr (tol 1e-7), naming a column that is a combination of the others
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(m.x);
    qr.setThreshold(1e-7);
    if (qr.rank() < Eigen::Index(m.terms)) {
        const auto& perm = qr.colsPermutation().indices();
        std::size_t bad = std::size_t(perm(qr.rank()));
        throw InputError(fn + ": the term '" + m.names[bad] +
                         "' is a linear combination of the other terms over the cells (a "
                         "constant predictor with the intercept, or predictors that repeat each other); "
                         "leave it out");
    }
    const double y0 = m.y(0);
    if ((m.y.array() == y0).all())
        throw InputError(fn + ": y has the same value (" + format_number(y0) +
                         ") in every cell; there is nothing to explain");
    return m;
}

/// Least squares of @p y on @p x: estimates, standard errors, the statistic of every term,
/// and the residuals.
struct OlsFit {
    Eigen::VectorXd coef, se, stat, resid;
};

[[nodiscard]] inline OlsFit ols(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, bool beta) {
    const Eigen::Index p = x.cols(), N = x.rows();
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(x);
    OlsFit f;
    f.coef = qr.solve(y);
    f.resid = y - x * f.coef;
    const Eigen::MatrixXd r = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
    const Eigen::MatrixXd r_inv =
        r.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
    const double s2 = f.resid.squaredNorm() / double(N - p);
    f.se = (r_inv.rowwise().squaredNorm() * s2).cwiseSqrt();
    f.stat = beta ? f.coef : Eigen::VectorXd(f.coef.cwiseQuotient(f.se));
    return f;
}

/// Orthonormal basis (thin Q) of the columns of @p x.
[[nodiscard]] inline Eigen::MatrixXd thin_q(const Eigen::MatrixXd& x) {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(x);
    return qr.householderQ() * Eigen::MatrixXd::Identity(x.rows(), x.cols());
}

/// The columns other than @p j.
[[nodiscard]] inline Eigen::MatrixXd others(const Eigen::MatrixXd& x, Eigen::Index j) {
    Eigen::MatrixXd o(x.rows(), x.cols() - 1);
    for (Eigen::Index k = 0, c = 0; k < x.cols(); ++k)
        if (k != j) o.col(c++) = x.col(k);
    return o;
}

/// The full n x n matrix holding @p cells at the model's cells (symmetric when undirected).
[[nodiscard]] inline std::vector<double> full_matrix(const Model& m, const Eigen::VectorXd& cells) {
    std::vector<double> f(m.n * m.n, 0.0);
    std::size_t c = 0;
    for (std::size_t u = 0; u < m.n; ++u) {
        const std::size_t end = m.directed ? m.n : u;
        for (std::size_t v = 0; v < end; ++v) {
            if (v == u) continue;
            f[u * m.n + v] = cells(Eigen::Index(c));
            if (!m.directed) f[v * m.n + u] = cells(Eigen::Index(c));
            ++c;
        }
    }
    return f;
}

/// The matrix each term's draws permute: x_j (qapx) or the residual of x_j on the other
/// columns (qapspp).
[[nodiscard]] inline std::vector<std::vector<double>> permuted_sources(const Model& m,
                                                                       NullHypothesis h) {
    if (h == NullHypothesis::qapx) return m.x_full;
    std::vector<std::vector<double>> out;
    for (std::size_t j = 0; j < m.terms; ++j) {
        const Eigen::MatrixXd q = thin_q(others(m.x, Eigen::Index(j)));
        const Eigen::VectorXd xj = m.x.col(Eigen::Index(j));
        const Eigen::VectorXd e = xj - q * (q.transpose() * xj);
        out.push_back(full_matrix(m, e));
    }
    return out;
}

[[nodiscard]] inline NullHypothesis resolve(NullHypothesis h, std::size_t terms) {
    if ((h == NullHypothesis::qap || h == NullHypothesis::qapspp) && terms == 1) return NullHypothesis::qapy;
    return h == NullHypothesis::qap ? NullHypothesis::qapspp : h;
}

/// Runs draw(k, pi, row) for k = 0 .. reps-1 in parallel blocks, row = the k-th row of
/// r.null; then the p-values.
template <class Scratch, class Draw>
void run_draws(MrqapResult& r, const Model& m, const MrqapOptions& o, Draw&& draw) {
    const std::size_t P = o.reps, p = m.terms;
    r.reps = P;
    r.null.assign(P * p, 0.0);
    const std::size_t blocks = block_count(P, 256);
    parallel_blocks(blocks, o.threads, [&](std::size_t blk) {
        const auto [lo, hi] = block_range(P, blocks, blk);
        std::vector<std::size_t> pi(m.n);
        Scratch scratch(m);
        for (std::size_t k = lo; k < hi; ++k) {
            draw_permutation(o.seed, k, pi);
            draw(scratch, pi, r.null.data() + k * p);
        }
    }, o.progress);
    r.p_greater.assign(p, 0.0);
    r.p_less.assign(p, 0.0);
    r.p_abs.assign(p, 0.0);
    for (std::size_t j = 0; j < p; ++j) {
        const double obs = r.statistic[j];
        const double tol = 1e-9 * std::max(1.0, std::abs(obs));
        std::size_t ge = 0, le = 0, ab = 0;
        for (std::size_t k = 0; k < P; ++k) {
            const double x = r.null[k * p + j];
            if (x >= obs - tol) ++ge;
            if (x <= obs + tol) ++le;
            if (std::abs(x) >= std::abs(obs) - tol) ++ab;
        }
        r.p_greater[j] = double(ge) / double(P);
        r.p_less[j] = double(le) / double(P);
        r.p_abs[j] = double(ab) / double(P);
    }
}

/// The observed linear fit and its summary (sna's netlm and summary.netlm).
[[nodiscard]] inline MrqapResult netlm_observed(const Model& m, const MrqapOptions& o) {
    const bool beta = o.statistic == TestStatistic::beta;
    const OlsFit f = ols(m.x, m.y, beta);
    MrqapResult r;
    r.terms = m.names;
    r.cells = m.cells;
    r.method = resolve(o.method, m.terms);
    r.coefficients.assign(f.coef.data(), f.coef.data() + f.coef.size());
    r.std_errors.assign(f.se.data(), f.se.data() + f.se.size());
    r.statistic.assign(f.stat.data(), f.stat.data() + f.stat.size());
    const Eigen::VectorXd fitted = m.y - f.resid;
    const double rss = f.resid.squaredNorm();
    const double mss = m.intercept ? (fitted.array() - fitted.mean()).matrix().squaredNorm()
                                   : fitted.squaredNorm();
    const double N = double(m.cells), p = double(m.terms), df_int = m.intercept ? 1.0 : 0.0;
    r.r_squared = mss / (mss + rss);
    r.adj_r_squared = 1.0 - (1.0 - r.r_squared) * ((N - df_int) / (N - p));
    r.residual_se = std::sqrt(rss / (N - p));
    return r;
}

/// Per-block scratch of the reference draws: the design of one draw.
struct DesignScratch {
    explicit DesignScratch(const Model& m) : x(m.x), y(m.y) {}
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

/// Per-block scratch of the kernel: one gathered column.
struct CellScratch {
    explicit CellScratch(const Model& m) : r(m.cells), acc() {}
    std::vector<double> r;
    std::vector<double> acc;
};

// ---------------------------------------------------------------- logistic regression

/// R's binomial logit link (family.c): inverse with eta clamped at +-30, its derivative.
inline double logit_mu(double eta) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double t = eta < -30.0 ? eps : (eta > 30.0 ? 1.0 / eps : std::exp(eta));
    return t / (1.0 + t);
}
inline double logit_mu_eta(double eta) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double opexp = 1.0 + std::exp(eta);
    return (eta > 30.0 || eta < -30.0) ? eps : std::exp(eta) / (opexp * opexp);
}
/// Binomial deviance of one 0/1 cell.
inline double logit_dev(double y, double mu) {
    return y != 0.0 ? -2.0 * std::log(mu) : -2.0 * std::log(1.0 - mu);
}

struct LogitFit {
    Eigen::VectorXd coef, se;
    double deviance = 0.0;
    int iterations = 0;
    bool converged = false;
};

/// glm.fit(x, y, family = binomial(), intercept = FALSE) of R: IRLS by weighted QR.
[[nodiscard]] inline LogitFit logit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    const Eigen::Index N = x.rows(), p = x.cols();
    Eigen::VectorXd eta(N), mu(N);
    double devold = 0.0;
    for (Eigen::Index c = 0; c < N; ++c) {
        const double m0 = (y(c) + 0.5) / 2.0;
        eta(c) = std::log(m0 / (1.0 - m0));
        mu(c) = logit_mu(eta(c));
        devold += logit_dev(y(c), mu(c));
    }
    LogitFit f;
    Eigen::MatrixXd wx(N, p);
    Eigen::VectorXd wz(N);
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(N, p);
    for (int iter = 1; iter <= 25; ++iter) {
        for (Eigen::Index c = 0; c < N; ++c) {
            const double me = logit_mu_eta(eta(c));
            const double z = eta(c) + (y(c) - mu(c)) / me;
            const double w = std::sqrt(me * me / (mu(c) * (1.0 - mu(c))));
            wx.row(c) = x.row(c) * w;
            wz(c) = z * w;
        }
        qr.compute(wx);
        f.coef = qr.solve(wz);
        eta = x * f.coef;
        double dev = 0.0;
        for (Eigen::Index c = 0; c < N; ++c) {
            mu(c) = logit_mu(eta(c));
            dev += logit_dev(y(c), mu(c));
        }
        f.iterations = iter;
        f.deviance = dev;
        if (std::abs(dev - devold) / (std::abs(dev) + 0.1) < 1e-8) {
            f.converged = true;
            break;
        }
        devold = dev;
    }
    const Eigen::MatrixXd r = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
    const Eigen::MatrixXd r_inv =
        r.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
    f.se = r_inv.rowwise().norm();
    return f;
}

/// The statistic of term @p j of a logistic fit.
inline double logit_statistic(const LogitFit& f, Eigen::Index j, bool beta) {
    return beta ? f.coef(j) : f.coef(j) / f.se(j);
}

/// The draws of netlm, refitting every design by QR (the definition).
inline void netlm_reference_draws(MrqapResult& r, const Model& m, const MrqapOptions& o) {
    const bool beta = o.statistic == TestStatistic::beta;
    const std::size_t p = m.terms;
    if (r.method == NullHypothesis::qapy) {
        run_draws<DesignScratch>(r, m, o, [&](DesignScratch& s, const std::vector<std::size_t>& pi, double* row) {
            gather_cells(m.y_full.data(), m.n, m.directed, pi, s.y.data());
            const OlsFit f = ols(m.x, s.y, beta);
            for (std::size_t j = 0; j < p; ++j) row[j] = f.stat(Eigen::Index(j));
        });
        return;
    }
    const auto sources = permuted_sources(m, r.method);
    run_draws<DesignScratch>(r, m, o, [&](DesignScratch& s, const std::vector<std::size_t>& pi, double* row) {
        for (std::size_t j = 0; j < p; ++j) {
            const Eigen::Index jj = Eigen::Index(j);
            gather_cells(sources[j].data(), m.n, m.directed, pi, s.x.col(jj).data());
            row[j] = ols(s.x, m.y, beta).stat(jj);
            s.x.col(jj) = m.x.col(jj);
        }
    });
}

/// The draws of netlm by the kernel of mrqap_kernel.hpp.
inline void netlm_kernel_draws(MrqapResult& r, const Model& m, const MrqapOptions& o) {
    const bool beta = o.statistic == TestStatistic::beta;
    const std::size_t p = m.terms, N = m.cells;
    if (r.method == NullHypothesis::qapy) {
        ResponseKernel k;
        k.terms = p;
        Eigen::HouseholderQR<Eigen::MatrixXd> qr(m.x);
        const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(Eigen::Index(N), Eigen::Index(p));
        const Eigen::MatrixXd rm = qr.matrixQR().topRows(Eigen::Index(p)).triangularView<Eigen::Upper>();
        const Eigen::MatrixXd r_inv = rm.triangularView<Eigen::Upper>().solve(
            Eigen::MatrixXd::Identity(Eigen::Index(p), Eigen::Index(p)));
        k.q.resize(N * p);
        for (std::size_t c = 0; c < N; ++c)
            for (std::size_t j = 0; j < p; ++j) k.q[c * p + j] = q(Eigen::Index(c), Eigen::Index(j));
        k.r_inv.resize(p * p);
        for (std::size_t i = 0; i < p; ++i)
            for (std::size_t j = 0; j < p; ++j) k.r_inv[i * p + j] = r_inv(Eigen::Index(i), Eigen::Index(j));
        const Eigen::VectorXd d = r_inv.rowwise().squaredNorm();
        k.cvm_diag.assign(d.data(), d.data() + p);
        run_draws<CellScratch>(r, m, o, [&](CellScratch& s, const std::vector<std::size_t>& pi, double* row) {
            gather_cells(m.y_full.data(), m.n, m.directed, pi, s.r.data());
            response_statistics(k, s.r.data(), N, beta, s.acc, row);
        });
        return;
    }
    const auto sources = permuted_sources(m, r.method);
    std::vector<TermKernel> kernels(p);
    for (std::size_t j = 0; j < p; ++j) {
        const Eigen::MatrixXd q = thin_q(others(m.x, Eigen::Index(j)));
        const Eigen::VectorXd ey = m.y - q * (q.transpose() * m.y);
        TermKernel& t = kernels[j];
        t.source = sources[j];
        t.width = p;
        t.ey_ss = ey.squaredNorm();
        t.basis.resize(N * p);
        for (std::size_t c = 0; c < N; ++c) {
            t.basis[c * p] = ey(Eigen::Index(c));
            for (std::size_t l = 1; l < p; ++l) t.basis[c * p + l] = q(Eigen::Index(c), Eigen::Index(l - 1));
        }
    }
    run_draws<CellScratch>(r, m, o, [&](CellScratch& s, const std::vector<std::size_t>& pi, double* row) {
        for (std::size_t j = 0; j < p; ++j) {
            gather_cells(kernels[j].source.data(), m.n, m.directed, pi, s.r.data());
            row[j] = term_statistic(kernels[j], s.r.data(), N, p, beta, s.acc);
        }
    });
}

}  // namespace detail

KETENNET_INLINE MrqapResult netlm(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                  const MrqapOptions& options) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::netlm(y, x, options);
#else
    const detail::Model m = detail::make_model(y, x, options, "netlm");
    MrqapResult r = detail::netlm_observed(m, options);
    detail::netlm_kernel_draws(r, m, options);
    return r;
#endif
}

KETENNET_INLINE MrqapResult reference::netlm(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                             const MrqapOptions& options) {
    const detail::Model m = detail::make_model(y, x, options, "netlm");
    MrqapResult r = detail::netlm_observed(m, options);
    detail::netlm_reference_draws(r, m, options);
    return r;
}

KETENNET_INLINE MrqapResult netlogit(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                     const MrqapOptions& options) {
    const detail::Model m = detail::make_model(y, x, options, "netlogit");
    for (std::size_t i = 0; i < y.n; ++i)
        for (std::size_t j = 0; j < y.n; ++j) {
            const double v = y.values[i * y.n + j];
            if (i != j && v != 0.0 && v != 1.0)
                throw InputError("netlogit: y has the value " + detail::format_number(v) + " at (" +
                                 std::to_string(i) + ", " + std::to_string(j) +
                                 "); a logistic regression needs 0 (no tie) or 1 (a tie) in every cell");
        }
    const bool beta = options.statistic == TestStatistic::beta;
    const std::size_t p = m.terms;
    const detail::LogitFit f = detail::logit(m.x, m.y);
    MrqapResult r;
    r.terms = m.names;
    r.cells = m.cells;
    r.method = detail::resolve(options.method, p);
    r.coefficients.assign(f.coef.data(), f.coef.data() + f.coef.size());
    r.std_errors.assign(f.se.data(), f.se.data() + f.se.size());
    for (std::size_t j = 0; j < p; ++j) r.statistic.push_back(detail::logit_statistic(f, Eigen::Index(j), beta));
    const double N = double(m.cells);
    r.deviance = f.deviance;
    r.null_deviance = 2.0 * N * std::log(2.0);
    r.aic = f.deviance + 2.0 * double(p);
    r.bic = f.deviance + double(p) * std::log(N);
    r.iterations = f.iterations;
    r.converged = f.converged;
    if (r.method == NullHypothesis::qapy) {
        detail::run_draws<detail::DesignScratch>(r, m, options, [&](detail::DesignScratch& s,
                                                                    const std::vector<std::size_t>& pi, double* row) {
            detail::gather_cells(m.y_full.data(), m.n, m.directed, pi, s.y.data());
            const detail::LogitFit g = detail::logit(m.x, s.y);
            for (std::size_t j = 0; j < p; ++j) row[j] = detail::logit_statistic(g, Eigen::Index(j), beta);
        });
        return r;
    }
    const auto sources = detail::permuted_sources(m, r.method);
    detail::run_draws<detail::DesignScratch>(r, m, options, [&](detail::DesignScratch& s,
                                                                const std::vector<std::size_t>& pi, double* row) {
        for (std::size_t j = 0; j < p; ++j) {
            const Eigen::Index jj = Eigen::Index(j);
            detail::gather_cells(sources[j].data(), m.n, m.directed, pi, s.x.col(jj).data());
            row[j] = detail::logit_statistic(detail::logit(s.x, m.y), jj, beta);
            s.x.col(jj) = m.x.col(jj);
        }
    });
    return r;
}

}  // namespace ketennet::stats
