#pragma once
/// @file mrqap_kernel.hpp
/// @brief The permutations of the MRQAP draws and the fast kernel of netlm's draws.
///
/// Why a kernel: sna refits the whole regression for every draw and every term (a QR of
/// cells x terms each time). Whatever one draw permutes, the other columns of the model stay
/// fixed, so by the Frisch-Waugh-Lovell theorem the statistic of the permuted column r needs
/// only its products with the residual e_y of y on the other columns and with an orthonormal
/// basis Q of the other columns:
///   b = r'e_y / (r'r - |Q'r|^2),  rss = e_y'e_y - (r'e_y)^2 / (r'r - |Q'r|^2),
///   t = b / sqrt(rss / (cells - terms) / (r'r - |Q'r|^2)).
/// (qapy: Q'r with the basis of all columns gives b = R^-1 Q'r and rss = r'r - |Q'r|^2.)
/// One pass over the cells per term and draw instead of a QR. Measured on 100 organisations
/// (9,900 cells), 3 predictors and the intercept, qapspp, one thread: 1.0 ms of CPU per draw
/// for the reference (a Householder QR refit per term), 0.12 ms for this kernel (0.21 ms
/// before the sums were kept in registers, dots_fixed). The reference,
/// stats::reference::netlm, agrees within 1e-9 (relative); tests/cpp/stats/test_mrqap.cpp
/// holds the two together.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/support/random.hpp"

namespace ketennet::stats::detail {

/// Permutation of draw @p k: Fisher-Yates from the generator seeded by (seed, k), as
/// cohesion::qap draws its permutations.
inline void draw_permutation(std::uint64_t seed, std::uint64_t k, std::vector<std::size_t>& pi) {
    SplitMix64 rng(seed, k);
    rng.next();
    const std::size_t n = pi.size();
    for (std::size_t v = 0; v < n; ++v) pi[v] = v;
    for (std::size_t v = n; v-- > 1;) std::swap(pi[v], pi[rng.below(std::uint64_t(v) + 1)]);
}

/// The cells of the permuted matrix m'_uv = m_pi(u)pi(v) of the full n x n row-major @p m, in
/// cell order: (u, v) row by row with v != u (directed) or v < u (undirected; m symmetric).
inline void gather_cells(const double* m, std::size_t n, bool directed,
                         const std::vector<std::size_t>& pi, double* out) {
    std::size_t c = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const double* row = m + pi[u] * n;
        const std::size_t end = directed ? n : u;
        for (std::size_t v = 0; v < end; ++v)
            if (v != u) out[c++] = row[pi[v]];
    }
}

/// What one term's draws keep fixed (qapx, qapspp): the matrix that is permuted (x_j, or the
/// residual of x_j on the other columns) and, per cell, the residual of y on the other columns
/// followed by an orthonormal basis of the other columns (cells x (1 + others), row-major).
struct TermKernel {
    std::vector<double> source;   ///< n x n, row-major
    std::vector<double> basis;    ///< cells x width: e_y, q_1 .. q_others
    std::size_t width = 1;        ///< 1 + others
    double ey_ss = 0.0;           ///< e_y' e_y
};

/// rr = r'r and acc[k] = sum_c r_c b_ck over the cells, b row-major with W columns. W a
/// constant: the sums stay in registers (a width known only at run time keeps them in memory,
/// four times slower).
template <std::size_t W>
inline double dots_fixed(const double* r, const double* b, std::size_t cells, double* acc) {
    double a[W] = {};
    double rr = 0.0;
    for (std::size_t c = 0; c < cells; ++c, b += W) {
        const double x = r[c];
        rr += x * x;
        for (std::size_t k = 0; k < W; ++k) a[k] += x * b[k];
    }
    for (std::size_t k = 0; k < W; ++k) acc[k] = a[k];
    return rr;
}

/// dots_fixed for any width @p w (up to 8 columns with the sums in registers).
inline double dots(const double* r, const double* b, std::size_t cells, std::size_t w, double* acc) {
    switch (w) {
        case 1: return dots_fixed<1>(r, b, cells, acc);
        case 2: return dots_fixed<2>(r, b, cells, acc);
        case 3: return dots_fixed<3>(r, b, cells, acc);
        case 4: return dots_fixed<4>(r, b, cells, acc);
        case 5: return dots_fixed<5>(r, b, cells, acc);
        case 6: return dots_fixed<6>(r, b, cells, acc);
        case 7: return dots_fixed<7>(r, b, cells, acc);
        case 8: return dots_fixed<8>(r, b, cells, acc);
        default: break;
    }
    for (std::size_t k = 0; k < w; ++k) acc[k] = 0.0;
    double rr = 0.0;
    for (std::size_t c = 0; c < cells; ++c, b += w) {
        const double x = r[c];
        rr += x * x;
        for (std::size_t k = 0; k < w; ++k) acc[k] += x * b[k];
    }
    return rr;
}

/// The statistic of the permuted column of one term in one draw (see the file comment).
/// @p r holds the gathered cells; @p acc is scratch of width values.
inline double term_statistic(const TermKernel& t, const double* r, std::size_t cells,
                             std::size_t terms, bool beta, std::vector<double>& acc) {
    const std::size_t w = t.width;
    acc.resize(w);
    const double rr = dots(r, t.basis.data(), cells, w, acc.data());
    double proj = 0.0;
    for (std::size_t k = 1; k < w; ++k) proj += acc[k] * acc[k];
    const double rt = rr - proj;  // |r - Q Q'r|^2
    const double coef = acc[0] / rt;
    if (beta) return coef;
    const double rss = t.ey_ss - acc[0] * acc[0] / rt;
    return coef / std::sqrt(rss / double(cells - terms) / rt);
}

/// What qapy's draws keep fixed: the orthonormal basis Q of the columns (cells x terms,
/// row-major), R^-1 of X = QR (terms x terms, row-major) and diag((X'X)^-1).
struct ResponseKernel {
    std::vector<double> q;
    std::vector<double> r_inv;
    std::vector<double> cvm_diag;
    std::size_t terms = 0;
};

/// The statistics of every term for the permuted response @p r (qapy), into @p out.
inline void response_statistics(const ResponseKernel& k, const double* r, std::size_t cells,
                                bool beta, std::vector<double>& acc, double* out) {
    const std::size_t p = k.terms;
    acc.resize(p);
    const double rr = dots(r, k.q.data(), cells, p, acc.data());
    double proj = 0.0;
    for (std::size_t j = 0; j < p; ++j) proj += acc[j] * acc[j];
    const double s2 = (rr - proj) / double(cells - p);
    for (std::size_t j = 0; j < p; ++j) {
        double coef = 0.0;
        for (std::size_t l = j; l < p; ++l) coef += k.r_inv[j * p + l] * acc[l];
        out[j] = beta ? coef : coef / std::sqrt(k.cvm_diag[j] * s2);
    }
}

}  // namespace ketennet::stats::detail
