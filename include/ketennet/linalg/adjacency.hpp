#pragma once
/// @file adjacency.hpp
/// @brief A view's adjacency matrix as an Eigen sparse matrix, for the spectral centralities
/// (PageRank, Katz, eigenvector, HITS), and the checks their weights need.
///
/// Conventions (as NetworkX's `to_scipy_sparse_array`): A(u, v) is the weight of the tie
/// u -> v (1 in an unweighted view); an undirected tie gives A(u, v) = A(v, u); a self-loop
/// gives one diagonal entry A(v, v) = w (not 2w).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <sstream>
#include <string>

#include <Eigen/Sparse>

#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::linalg {

/// Row-major sparse matrix with 64-bit indices (rows are contiguous: fast y = M x).
using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;

namespace detail {

template <class Neighbours, class Weights>
RowMatrix rows_from(const View& g, Neighbours&& nbrs, Weights&& wts,
                    std::span<const double> column_scale) {
    const vertex_t n = g.n();
    std::size_t nnz = 0;
    for (vertex_t v = 0; v < n; ++v) nnz += nbrs(v).size();
    RowMatrix M(n, n);
    M.resizeNonZeros(Eigen::Index(nnz));
    std::int64_t* outer = M.outerIndexPtr();
    std::int64_t* inner = M.innerIndexPtr();
    double* value = M.valuePtr();
    std::size_t p = 0;
    outer[0] = 0;
    for (vertex_t v = 0; v < n; ++v) {
        const auto nb = nbrs(v);
        const auto wt = wts(v);
        for (std::size_t k = 0; k < nb.size(); ++k, ++p) {
            inner[p] = std::int64_t(nb[k]);
            value[p] = column_scale.empty() ? wt[k] : wt[k] * column_scale[nb[k]];
        }
        outer[v + 1] = std::int64_t(p);
    }
    return M;
}

}  // namespace detail

/// The adjacency matrix A: row u holds u's out-neighbours v with A(u, v).
[[nodiscard]] inline RowMatrix adjacency(const View& g) {
    return detail::rows_from(
        g, [&](vertex_t v) { return g.out_neighbours(v); },
        [&](vertex_t v) { return g.out_weights(v); }, {});
}

/// The transposed adjacency matrix A^T: row v holds v's in-neighbours u with A(u, v), times
/// column_scale[u] when given (PageRank: 1 / out-strength of u). y = A^T x sums, for every
/// v, x over v's in-neighbours in increasing order, as NetworkX's `x @ A`.
[[nodiscard]] inline RowMatrix transposed_adjacency(const View& g, std::span<const double> column_scale = {}) {
    return detail::rows_from(
        g, [&](vertex_t v) { return g.in_neighbours(v); },
        [&](vertex_t v) { return g.in_weights(v); }, column_scale);
}

}  // namespace ketennet::linalg
