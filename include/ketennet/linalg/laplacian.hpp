#pragma once
/// @file laplacian.hpp
/// @brief The grounded Laplacian of an undirected view as an electrical network, factorised
/// once with a sparse Cholesky (LDL^T) decomposition: potentials for injected currents,
/// effective resistances. Shared by the current-flow (information) centralities.
///
/// Every tie is a resistor whose conductance is its weight (a strength: more volume, more
/// current; 1 unweighted), as NetworkX's `laplacian_matrix(G, weight=)`; self-loops carry no
/// current and are ignored. One organisation (the ground) is held at potential 0 so that the
/// Laplacian L becomes the symmetric positive definite grounded Laplacian L_g (L without the
/// ground's row and column); X = L_g^{-1}, padded with a zero row and column for the ground,
/// is a generalised inverse of L from which effective resistances follow:
///   R(u, v) = X(u, u) + X(v, v) - 2 X(u, v).
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>

#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::linalg {

namespace detail {

/// "layers 'a', 'b'" or "all layers", for messages.
[[nodiscard]] inline std::string layer_text(const View& g) {
    const auto& layers = g.options().layers;
    if (layers.empty()) return "all layers";
    std::string s = layers.size() == 1 ? "layer " : "layers ";
    for (std::size_t i = 0; i < layers.size(); ++i) s += (i ? ", '" : "'") + layers[i] + "'";
    return s;
}

}  // namespace detail

/// Throws InputError unless the view suits an electrical (current-flow) analysis: undirected,
/// at least @p min_n organisations, connected, every tie with a positive finite conductance.
/// The message names @p algorithm, the problem and an organisation or tie where it occurs.
inline void require_electrical(const View& g, const char* algorithm, vertex_t min_n = 1) {
    const std::string what = algorithm;
    if (g.directed())
        throw InputError(what + ": the view (" + detail::layer_text(g) +
                         ") is directed; current-flow centralities are defined for undirected "
                         "networks (as in NetworkX): view undirected layers only");
    const vertex_t n = g.n();
    if (n < min_n)
        throw InputError(what + ": the network has " + std::to_string(n) + " organisation" +
                         (n == 1 ? "" : "s") + "; at least " + std::to_string(min_n) +
                         " are needed");
    require_weights(g, WeightRule::conductance, what);  // the view is undirected here
    if (n == 0) return;
    // connected? breadth-first search from the first organisation
    std::vector<char> seen(n, 0);
    std::vector<vertex_t> queue{0};
    seen[0] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head)
        for (vertex_t w : g.out_neighbours(queue[head]))
            if (!seen[w]) {
                seen[w] = 1;
                queue.push_back(w);
            }
    if (queue.size() == n) return;
    std::size_t components = 1;
    vertex_t example = 0;
    bool have_example = false;
    for (vertex_t s = 0; s < n; ++s) {
        if (seen[s]) continue;
        if (!have_example) {
            example = s;
            have_example = true;
        }
        ++components;
        std::vector<vertex_t> q{s};
        seen[s] = 1;
        for (std::size_t head = 0; head < q.size(); ++head)
            for (vertex_t w : g.out_neighbours(q[head]))
                if (!seen[w]) {
                    seen[w] = 1;
                    q.push_back(w);
                }
    }
    throw InputError(what + ": the view (" + detail::layer_text(g) + ") is not connected: it has " +
                     std::to_string(components) + " components, and '" + g.id(example) +
                     "' cannot be reached from '" + g.id(0) +
                     "'; current-flow centralities are defined for connected networks (as in "
                     "NetworkX): select layers that connect every organisation, or analyse each "
                     "component on its own (Network::induced)");
}

/// The grounded Laplacian of an undirected view (checked with require_electrical), factorised.
class GroundedLaplacian {
public:
    using Matrix = Eigen::SparseMatrix<double, Eigen::ColMajor, int>;
    using Solver = Eigen::SimplicialLDLT<Matrix, Eigen::Lower, Eigen::AMDOrdering<int>>;

    /// Builds and factorises L_g for ground vertex @p ground. Throws InputError if the
    /// factorisation fails (a network that is not connected slipped through, or conductances
    /// so disparate that L_g is numerically singular).
    explicit GroundedLaplacian(const View& g, vertex_t ground = 0) : n_(g.n()), ground_(ground) {
        if (n_ > vertex_t(std::numeric_limits<int>::max()))
            throw InputError("current flow: too many organisations for the sparse solver");
        const Eigen::Index size = Eigen::Index(n_) - 1;
        std::vector<Eigen::Triplet<double, int>> t;
        t.reserve(4 * g.m() + n_);
        std::vector<double> diag(n_, 0.0);
        const auto src = g.edge_sources();
        const auto tgt = g.edge_targets();
        const auto w = g.edge_weights();
        for (std::size_t e = 0; e < src.size(); ++e) {
            const vertex_t u = src[e], v = tgt[e];
            if (u == v) continue;
            diag[u] += w[e];
            diag[v] += w[e];
            if (u == ground_ || v == ground_) continue;
            t.emplace_back(index(u), index(v), -w[e]);
            t.emplace_back(index(v), index(u), -w[e]);
        }
        for (vertex_t v = 0; v < n_; ++v)
            if (v != ground_) t.emplace_back(index(v), index(v), diag[v]);
        Matrix L(size, size);
        L.setFromTriplets(t.begin(), t.end());
        solver_.compute(L);
        bool ok = solver_.info() == Eigen::Success;
        if (ok)
            for (Eigen::Index i = 0; i < size; ++i) ok = ok && solver_.vectorD()[i] > 0.0;
        if (!ok)
            throw InputError("current flow: the grounded Laplacian could not be factorised (the "
                             "network must be connected, with conductances of similar magnitude)");
    }

    vertex_t n() const noexcept { return n_; }
    vertex_t ground() const noexcept { return ground_; }
    /// Row of vertex @p v in L_g (v != ground).
    int index(vertex_t v) const noexcept { return int(v) - int(v > ground_); }

    /// Potentials p (size n, p[ground] = 0) for injected currents @p b (size n; the ground's
    /// entry is where the balance flows out, and is ignored).
    void potentials(const Eigen::VectorXd& b, Eigen::VectorXd& p) const {
        Eigen::VectorXd rhs(Eigen::Index(n_) - 1);
        for (vertex_t v = 0; v < n_; ++v)
            if (v != ground_) rhs[index(v)] = b[v];
        const Eigen::VectorXd x = solver_.solve(rhs);
        p.resize(n_);
        for (vertex_t v = 0; v < n_; ++v) p[v] = v == ground_ ? 0.0 : x[index(v)];
    }

    /// X(v, v) = (L_g^{-1})(v, v) (0 for the ground): the effective resistance between v
    /// and the ground. With L_g = P^T L D L^T P, X(v, v) = sum_k y_k^2 / D_k for
    /// L y = P e_v, a forward substitution from the row of v onwards. @p y is scratch space
    /// of size n - 1, all zero on entry and on return.
    double diagonal(vertex_t v, Eigen::VectorXd& y) const {
        if (v == ground_) return 0.0;
        const Matrix& L = solver_.matrixL().nestedExpression();
        const auto& D = solver_.vectorD();
        const Eigen::Index start = solver_.permutationP().indices()[index(v)];
        const Eigen::Index size = L.cols();
        y[start] = 1.0;
        double sum = 0.0;
        for (Eigen::Index i = start; i < size; ++i) {
            const double yi = y[i];
            if (yi == 0.0) continue;
            y[i] = 0.0;
            sum += yi * yi / D[i];
            for (Matrix::InnerIterator it(L, i); it; ++it)
                if (it.index() > i) y[it.index()] -= it.value() * yi;
        }
        return sum;
    }

    /// Non-zeros of the Cholesky factor (a measure of the solver's cost).
    Eigen::Index factor_nonzeros() const { return solver_.matrixL().nestedExpression().nonZeros(); }

private:
    vertex_t n_;
    vertex_t ground_;
    Solver solver_;
};

}  // namespace ketennet::linalg
