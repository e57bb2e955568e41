#pragma once
/// @file mrqap.hpp
/// @brief Multiple regression on relations (MRQAP): does a tie between two organisations
/// follow from other ties or from what the two have in common? Linear (netlm) and logistic
/// (netlogit) regression of one relation matrix on others, with QAP permutation tests
/// (Krackhardt 1988; Dekker, Krackhardt & Snijders 2007), as R's sna::netlm and sna::netlogit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::stats {

/// A square relation matrix over n organisations: value(i, j) = values[i * n + j] (row-major),
/// the tie (or the quantity) from organisation i to organisation j. Undirected (directed =
/// false): symmetric, each pair counted once. The diagonal is never read.
struct RelationMatrix {
    std::size_t n = 0;               ///< number of organisations
    bool directed = true;            ///< false: symmetric, each unordered pair once
    std::vector<double> values{};    ///< n * n values, row-major
};

/// The null hypothesis of the permutation test (sna's `nullhyp`).
enum class NullHypothesis {
    qap,     ///< sna's default: qapspp, or qapy when the model has one column
    qapspp,  ///< double semi-partialling (Dekker, Krackhardt & Snijders 2007)
    qapy,    ///< permute the dependent relation (Krackhardt 1988)
    qapx,    ///< permute each predictor in turn
};

/// The statistic whose null distribution is drawn (sna's `test.statistic`).
enum class TestStatistic {
    t_value,  ///< estimate / standard error (netlm: t value; netlogit: z value)
    beta,     ///< the estimate itself
};

/// Options of netlm() and netlogit().
struct MrqapOptions {
    NullHypothesis method = NullHypothesis::qap;      ///< null hypothesis (sna: "qap")
    TestStatistic statistic = TestStatistic::t_value; ///< tested statistic (sna: t / z value)
    bool intercept = true;                            ///< add a constant term "(intercept)"
    /// Number of permutations (sna's `reps`, default 1000). At least 1.
    std::size_t reps = 1000;
    /// Seed: draw k uses one permutation of the organisations drawn from its own generator
    /// seeded by (seed, k), so the result depends on the seed only, never on the thread count.
    std::uint64_t seed = 0;
    unsigned threads = 0;                 ///< threads (0 = all)
    ProgressHandler progress{};           ///< progress and cancellation (see progress.hpp)
    /// Names of the predictors, for messages and the result (empty: x1, x2, ...).
    std::vector<std::string> names{};
};

/// Result of netlm() and netlogit(). Vectors run over the terms: "(intercept)" first (when
/// fitted), then the predictors in the order given.
struct MrqapResult {
    std::vector<std::string> terms;     ///< term names
    std::vector<double> coefficients;   ///< estimates
    std::vector<double> std_errors;     ///< standard errors of the estimates
    std::vector<double> statistic;      ///< observed test statistic (t / z value, or estimate)
    std::vector<double> p_greater;      ///< share of draws >= observed (sna's pgreq)
    std::vector<double> p_less;         ///< share of draws <= observed (sna's pleeq)
    std::vector<double> p_abs;          ///< share with |draw| >= |observed| (sna's pgreqabs)
    std::vector<double> null;           ///< reps x terms, row-major: the statistic of each draw
    std::size_t reps = 0;               ///< number of draws
    std::size_t cells = 0;              ///< number of cells (dyads) in the regression
    NullHypothesis method = NullHypothesis::qapspp;  ///< the null hypothesis drawn (qap resolved)
    // netlm
    double r_squared = 0.0;             ///< mss / (mss + rss) (sna's summary)
    double adj_r_squared = 0.0;         ///< 1 - (1 - R^2) (cells - intercept) / (cells - terms)
    double residual_se = 0.0;           ///< sqrt(rss / (cells - terms))
    // netlogit
    double deviance = 0.0;              ///< residual deviance, -2 log likelihood
    double null_deviance = 0.0;         ///< deviance of p = 1/2 in every cell (sna's, glm.fit without intercept)
    double aic = 0.0;                   ///< deviance + 2 terms
    double bic = 0.0;                   ///< deviance + terms log(cells)
    int iterations = 0;                 ///< IRLS iterations of the observed fit
    bool converged = true;              ///< the observed IRLS fit converged within 25 iterations
};

/// Linear regression of relation @p y on the relations @p x, with a QAP test of every
/// coefficient: R's sna::netlm (2.7) with its defaults (mode from the matrices' directedness,
/// diag = FALSE).
///
/// Cells: every ordered pair i != j (directed), or every pair i > j once (undirected; the
/// matrices are symmetric). Model: y = X b + e with X = [1, x_1, ..., x_k] over the cells;
/// b = (X'X)^-1 X'y by QR; t_j = b_j / sqrt(s^2 [(X'X)^-1]_jj), s^2 = rss / (cells - terms).
/// Null hypotheses, for each term j, `reps` draws of a uniformly random relabelling pi of the
/// organisations (m'_uv = m_pi(u)pi(v)):
///  - qapy: y permuted, the model refitted (Krackhardt 1988);
///  - qapx: x_j permuted, the model refitted, the statistic of term j kept;
///  - qapspp: e_j, the residual of x_j regressed on the other columns, permuted and put in
///    place of x_j; the statistic of its coefficient kept (Dekker, Krackhardt & Snijders 2007);
///  - qap: qapspp, or qapy when the model has a single column (as sna).
/// p_greater, p_less, p_abs: the shares of draws >= / <= the observed statistic and with
/// |draw| >= |observed| (sna's pgreq, pleeq, pgreqabs); draws within 1e-9 (relative) of the
/// observed count as equal to it. Draw k uses one permutation for every term.
/// InputError for matrices of different sizes or directedness, a wrong number of values, an
/// asymmetric undirected matrix, a value that is not finite, fewer than three organisations,
/// no predictor and no intercept, more columns than cells, collinear columns (naming the
/// term), or reps = 0. Cost: O(reps * terms^2 * cells), parallel over draws.
[[nodiscard]] MrqapResult netlm(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                const MrqapOptions& options = {});

/// Logistic regression of the 0/1 relation @p y on the relations @p x, with a QAP test of
/// every coefficient: R's sna::netlogit (2.7), fitted as R's glm.fit with family binomial.
///
/// Cells, null hypotheses and p-values as netlm() (qapspp residualises x_j by least squares,
/// as sna). Fit: iteratively reweighted least squares from mu = (y + 1/2) / 2, with working
/// response z = eta + (y - mu) / mu' and weights mu'^2 / (mu (1 - mu)); stops when
/// |D - D_old| / (|D| + 0.1) < 1e-8 or after 25 iterations (glm.control's epsilon and maxit;
/// the logit link clamped at |eta| > 30 as R's). z value: b_j / sqrt([(X'WX)^-1]_jj) with the
/// weights of the last iteration. Deviance D = -2 sum(y log mu + (1 - y) log(1 - mu)); null
/// deviance against mu = 1/2 in every cell (sna fits without glm's own intercept); AIC =
/// D + 2 terms, BIC = D + terms log(cells).
/// InputError as netlm(), and for a y value other than 0 or 1. Cost: O(reps * terms *
/// iterations * terms^2 * cells), parallel over draws.
[[nodiscard]] MrqapResult netlogit(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                   const MrqapOptions& options = {});

namespace reference {

/// netlm() computed as its definition reads: each draw builds the permuted design and
/// refits it by QR. The same draws as netlm(); netlm() computes them from quantities fixed
/// before the draws (stats/detail/mrqap_kernel.hpp) and agrees within 1e-9 (relative).
[[nodiscard]] MrqapResult netlm(const RelationMatrix& y, const std::vector<RelationMatrix>& x,
                                const MrqapOptions& options = {});

}  // namespace reference

}  // namespace ketennet::stats

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/stats/impl/mrqap.ipp"
#endif
