#pragma once
/// @file ergm.hpp
/// @brief Exponential random graph models (ERGMs) of one layer: the model terms, their
/// statistics and change statistics, the MCMC sampler, and estimation by maximum
/// pseudo-likelihood (MPLE) and Monte Carlo maximum likelihood (MCMLE).
///
/// An ERGM gives a network y (the ties of one layer among the n organisations) the probability
///   P(Y = y) = exp(theta . g(y)) / kappa(theta),
/// where g(y) are the model's statistics (one or more per term) and kappa the normalising sum
/// over every network on the same organisations (Frank & Strauss 1986; Wasserman & Pattison
/// 1996; Snijders, Pattison, Robins & Handcock 2006; Hunter & Handcock 2006). The terms, their
/// definitions and the names of their statistics follow statnet's `ergm` package (version 4,
/// `?ergmTerm`). Undirected layers count each pair once; directed layers count ordered pairs;
/// there are no loops (a self-tie of the view is not a tie of the model).
///
/// The change statistic of a term for the pair (i, j) is delta_ij g(y) = g(y + ij) - g(y - ij):
/// the change of its statistics when the tie i -> j (i - j) goes from absent to present, with
/// every other tie as in y. The sampler, the pseudo-likelihood and the tests all read them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/types.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::ergm {

/// The model terms (statnet's names). r = 1 - exp(-decay) in the geometrically weighted
/// terms; sp(i, j) = shared partners of i and j (directed: two-paths i -> k -> j, statnet's
/// default type "OTP"); d(v) = degree (directed: in + out for isolates).
enum class TermKind {
    edges,       ///< number of ties: sum_ij y_ij
    mutual,      ///< directed: pairs with ties both ways, sum_{i<j} y_ij y_ji
    triangle,    ///< undirected: triangles; directed: transitive triples + cyclic triples
    kstar,       ///< undirected: k-stars, sum_v C(d(v), k)
    istar,       ///< directed: in-k-stars, sum_v C(d_in(v), k)
    ostar,       ///< directed: out-k-stars, sum_v C(d_out(v), k)
    gwesp,       ///< e^a sum_{ties ij} (1 - r^sp(i,j)) (Hunter 2007)
    gwdsp,       ///< e^a sum_{pairs ij} (1 - r^sp(i,j)) (directed: ordered pairs)
    gwdegree,    ///< undirected: e^a sum_v (1 - r^d(v)) (Hunter 2007)
    gwidegree,   ///< directed: e^a sum_v (1 - r^d_in(v))
    gwodegree,   ///< directed: e^a sum_v (1 - r^d_out(v))
    nodematch,   ///< ties within a category (diff: one statistic per category)
    nodemix,     ///< ties per pair of categories (the first cell dropped)
    nodefactor,  ///< ends of ties per category (the first category dropped)
    nodecov,     ///< sum over ties of x_i + x_j
    nodeicov,    ///< directed: sum over ties of x_j (the receiver's value)
    nodeocov,    ///< directed: sum over ties of x_i (the sender's value)
    absdiff,     ///< sum over ties of |x_i - x_j|
    edgecov,     ///< sum over ties of w_ij (a dyadic covariate: another layer or a matrix)
    isolates,    ///< organisations without a tie
};

/// One term of a model, with what it reads.
struct Term {
    TermKind kind = TermKind::edges;
    /// k of kstar/istar/ostar (>= 1); the decay a of the geometrically weighted terms (>= 0).
    double parameter = 0.0;
    /// nodematch: one statistic per category instead of one in all.
    bool diff = false;
    /// Name of the attribute or covariate, used in the statistic names (nodematch.<name>, ...).
    std::string name;
    /// Categorical terms (nodematch, nodemix, nodefactor): the category index of each
    /// organisation (0 .. levels.size() - 1), in view order.
    std::vector<std::uint32_t> codes;
    /// Categorical terms: the categories, in the order of their statistics (statnet: sorted).
    std::vector<std::string> levels;
    /// Numeric terms (nodecov, nodeicov, nodeocov, absdiff): the value of each organisation.
    std::vector<double> values;
    /// edgecov: the nonzero covariate cells w_ij (i -> j; an undirected model reads the cell
    /// (min(i, j), max(i, j))). Repeated cells are an error.
    std::vector<vertex_t> cov_sources, cov_targets;
    std::vector<double> cov_values;
};

/// A model: its terms, in formula order.
using Model = std::vector<Term>;

/// The names of the model's statistics, in order, exactly as statnet's ergm prints them
/// (edges, mutual, triangle, kstar2, gwesp.fixed.0.5, nodematch.sector, mix.sector.a.b,
/// nodefactor.sector.b, nodecov.x, edgecov.case, isolates, ...). Checks the model against the
/// view as the other functions do: InputError naming the term for a term that does not apply
/// to the layer's direction (mutual, istar, ostar, gwidegree, gwodegree, nodeicov, nodeocov on
/// an undirected layer; kstar, gwdegree on a directed one), a k below 1, a negative or
/// non-finite decay, attribute vectors of the wrong length, a category index out of range, a
/// non-finite value, an edgecov cell outside the organisations or given twice, or an empty
/// model.
[[nodiscard]] std::vector<std::string> statistic_names(const View& y, const Model& model);

/// The observed statistics g(y) of the view's network (statnet's `summary(y ~ terms)`).
/// Self-loops of the view are left out. Cost: O(m d) for the triangle-based terms.
[[nodiscard]] std::vector<double> summary(const View& y, const Model& model);

/// The change statistics of every pair and whether it is tied: the design of the
/// pseudo-likelihood. Rows in pair order (i ascending, then j; undirected i < j; directed
/// i != j), each row p = names.size() values.
struct ChangeStatistics {
    std::size_t pairs = 0;               ///< rows: n (n - 1) directed, n (n - 1) / 2 undirected
    std::size_t p = 0;                   ///< statistics per row
    std::vector<double> x;               ///< row-major pairs x p
    std::vector<double> tie;             ///< 1 where the pair is tied in y, else 0
    std::vector<vertex_t> sources, targets;  ///< the pair of each row
};

/// Change statistics of every pair of the view (delta_ij g(y), computed with the other ties
/// as in y). Cost: O(n^2 p) memory; at most 2^26 pairs (about 8,000 organisations directed),
/// InputError beyond.
[[nodiscard]] ChangeStatistics change_statistics(const View& y, const Model& model);

/// Options of simulate().
struct SimulationOptions {
    std::size_t nsim = 1;         ///< draws (networks) in all, >= 1
    std::size_t burnin = 16384;   ///< proposals before each chain's first draw (ergm: 16 x interval)
    std::size_t interval = 1024;  ///< proposals between draws (ergm's MCMC.interval)
    /// Independent chains the draws are shared over (min(chains, nsim) of them; chain c makes
    /// draws nsim c / chains .. nsim (c + 1) / chains - 1); each starts at y and runs its own
    /// burn-in. Fixed, so the draws depend on the seed alone, never on the threads.
    std::size_t chains = 4;
    std::uint64_t seed = 0;       ///< chain c draws from SplitMix64(seed, c)
    bool networks = false;        ///< keep each draw's ties (SimulationResult::networks)
    unsigned threads = 0;         ///< threads (0 = all); chains run in parallel
    ProgressHandler progress{};   ///< progress and cancellation
};

/// Result of simulate().
struct SimulationResult {
    std::size_t nsim = 0, p = 0;
    /// The statistics g(y_s) of each draw, row-major nsim x p, draws in chain-major order
    /// (the draws of chain 0, then of chain 1, ...).
    std::vector<double> statistics;
    /// When SimulationOptions::networks: each draw's ties (i, j) (undirected: i < j), sorted.
    std::vector<std::vector<std::pair<vertex_t, vertex_t>>> networks;
    std::size_t chains = 0;            ///< chains run
    std::vector<std::size_t> chain_of;  ///< the chain of each draw
    std::uint64_t proposals = 0;       ///< proposals made in all
    std::uint64_t accepted = 0;        ///< proposals accepted
};

/// Draws networks from the ERGM with coefficients @p coef (one per statistic) by
/// Metropolis-Hastings with statnet's tie/no-tie (TNT) proposal, starting from y: with
/// probability 1/2 a uniformly chosen tie is proposed for removal, else a uniformly chosen pair
/// is toggled (always the latter while there is no tie); the Hastings ratio corrects for the
/// two proposal probabilities (Morris, Handcock & Hunter 2008), and the move is accepted with
/// probability min(1, exp(theta . delta) q(y'->y) / q(y->y')). InputError for a coefficient
/// vector of the wrong length or with a non-finite value, or fewer than 2 organisations;
/// Cancelled when the progress handler stops it.
[[nodiscard]] SimulationResult simulate(const View& y, const Model& model, const std::vector<double>& coef,
                                        const SimulationOptions& options = {});

/// Result of mple() (a logistic regression of the ties on their change statistics).
struct MpleResult {
    std::vector<double> coef;        ///< the MPLE
    std::vector<double> std_error;   ///< sqrt of the diagonal of the inverse Fisher information
    std::vector<double> covariance;  ///< p x p inverse Fisher information (row-major)
    double pseudo_loglik = 0.0;      ///< log pseudo-likelihood at the MPLE
    double null_pseudo_loglik = 0.0; ///< at theta = 0 (pairs x log 1/2)
    std::size_t pairs = 0;           ///< pairs (observations)
    int iterations = 0;              ///< IRLS iterations
    bool converged = true;           ///< IRLS converged (false: separation; estimates diverge)
};

/// Maximum pseudo-likelihood estimate (Strauss & Ikeda 1990): the logistic regression of
/// y_ij on delta_ij g(y) over every pair, without intercept, fitted by iteratively reweighted
/// least squares (Newton's method on the logistic log-likelihood) until the relative change
/// of the deviance is below 1e-12 (at most 100 iterations). The standard errors are those of
/// the logistic regression (inverse Fisher information), as statnet reports for MPLE; for a
/// model with dependence terms they are not valid (they ignore the dependence) and the MPLE
/// itself is biased. InputError when a statistic does not vary over the pairs (the model is
/// not identifiable: a constant column or collinear columns, named).
[[nodiscard]] MpleResult mple(const View& y, const Model& model);

/// Options of mcmle().
struct McmleOptions {
    std::size_t samplesize = 1024;   ///< draws per iteration (ergm's MCMC.samplesize)
    std::size_t burnin = 16384;      ///< burn-in of each chain (ergm's MCMC.burnin)
    std::size_t interval = 1024;     ///< proposals between draws (ergm's MCMC.interval)
    std::size_t chains = 4;          ///< chains per sample (see SimulationOptions::chains)
    std::size_t max_iterations = 60; ///< ergm's MCMLE.maxit
    double margin = 0.05;            ///< Hummel's steplength margin (ergm's MCMLE.steplength.margin)
    std::uint64_t seed = 0;          ///< iteration t samples with seed mix(seed, t)
    /// Bridges of the path sampling that estimates a dependent model's log-likelihood (ergm's
    /// bridge.nsteps); each draws max(64, samplesize / 4) networks. 0: no log-likelihood.
    std::size_t bridges = 16;
    unsigned threads = 0;
    ProgressHandler progress{};
};

/// Result of mcmle().
struct McmleResult {
    std::vector<double> coef;        ///< the MCMLE
    std::vector<double> std_error;   ///< sqrt(diag(I^-1 + I^-1 V I^-1)): Fisher and MCMC parts
    std::vector<double> mcmc_std_error;  ///< the MCMC part alone, sqrt(diag(I^-1 V I^-1))
    std::vector<double> covariance;  ///< p x p, the variance of the estimates (both parts)
    std::vector<double> mple;        ///< the starting point (the MPLE)
    std::vector<double> observed;    ///< g(y)
    /// The final sample at the estimate, row-major samplesize x p (absolute statistics).
    std::vector<double> sample;
    std::vector<double> t_ratios;    ///< (mean of the final sample - g(y)) / its sd, per statistic
    std::vector<double> steplengths; ///< Hummel's gamma of each iteration
    int iterations = 0;              ///< iterations run
    bool converged = false;          ///< gamma reached 1 twice in a row
    bool dyad_independent = false;   ///< every term's pair statistics depend on that pair alone
    /// The log-likelihood at the estimate: exact when dyad_independent (the pairs are
    /// independent and kappa factorises); else estimated by path sampling (Gelman & Meng 1998,
    /// as ergm's bridge sampling: log kappa(theta) - log kappa(theta_0) is the integral over
    /// t in [0, 1] of (theta - theta_0) . E_{theta_0 + t (theta - theta_0)} g(Y), by the
    /// midpoint rule over McmleOptions::bridges samples, from the exactly known reference
    /// theta_0 = theta's edges coefficient alone (0 without an edges term)); NaN when the fit
    /// is degenerate or bridges is 0.
    double loglik = 0.0;
    double loglik_mc_error = 0.0;    ///< the Monte Carlo standard error of a path-sampled loglik
    std::string degeneracy;          ///< empty, or what made the sample degenerate, in words
};

/// Monte Carlo maximum likelihood (Geyer & Thompson 1992) with Hummel, Hunter & Handcock's
/// (2012) step length, as ergm's "MCMLE" method: start at the MPLE; at iteration t draw a
/// sample at theta_t (simulate(), with the options' burn-in, interval and chains), find the
/// largest gamma in (0, 1] such that the target xi = g(y) gamma + (1 - gamma) mean(sample),
/// pushed out by the margin, lies in the convex hull of the sample (a linear programme,
/// bisected), and move theta to the maximiser of the Geyer-Thompson approximation of the
/// log-likelihood ratio with xi in place of g(y) (ergm's MCMLE.metric "naive"; Newton's
/// method with step halving, a concave function with a maximum since xi is inside the hull):
///   l(theta) - l(theta_t) ~ (theta - theta_t) . (xi - g(y)) - log mean_s exp((theta - theta_t) . (g(y_s) - g(y))).
/// A step whose next sample is degenerate (its statistics do not vary) is halved and the
/// sample drawn again (a degenerate sample gives no step; ergm stops there). It stops when
/// gamma = 1 in two iterations in a row (converged), or after max_iterations.
/// A final sample at the estimate gives the Fisher information I (its covariance) and the
/// MCMC variance V of its mean (batch means over each chain); the reported variance is
/// I^-1 + I^-1 V I^-1, as ergm's. t_ratios, (mean - g(y)) / sd of the final sample, are the
/// convergence diagnostic (|t| below 0.1 is good). Degeneracy (a sample whose statistics do
/// not vary; in the final sample also most draws empty or complete) and an MPLE that does not
/// exist (separation: then there are no iterations) are reported in words in `degeneracy` and
/// leave `converged` false.
/// A dyad-independent model (is_dyad_independent(): edges, mutual, nodal and dyadic covariate
/// terms) needs no sample: its pairs are independent exponential families with a few states,
/// so the log-likelihood is exact and concave, and its maximum is found by Newton's method from
/// the MPLE (to 1e-10), with standard errors from the exact Fisher information (no MCMC part;
/// iterations 0, converged true). The final sample is still drawn, at that estimate, for
/// `sample` and `t_ratios`. (statnet returns the MPLE for such models, which equals this MLE
/// except with mutual, where statnet runs MCMC.)
[[nodiscard]] McmleResult mcmle(const View& y, const Model& model, const McmleOptions& options = {});

/// Exact log-likelihood of a dyad-independent model at @p coef (every term's statistics of a
/// pair depend on that pair's ties alone: edges, mutual, the nodal terms and edgecov), NaN
/// for any other model: sum over pairs {i, j} of theta . g_ij(y) - log sum over the pair's
/// states (1 or 2 ties undirected; none, i -> j, j -> i, both directed) of exp(theta . g_ij).
[[nodiscard]] double dyad_independent_loglik(const View& y, const Model& model, const std::vector<double>& coef);

/// True when every term of the model is dyad-independent in the sense above.
[[nodiscard]] bool is_dyad_independent(const Model& model);

}  // namespace ketennet::ergm

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/ergm/impl/ergm.ipp"
#endif
