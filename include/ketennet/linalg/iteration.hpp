#pragma once
/// @file iteration.hpp
/// @brief Shared pieces of the iterative spectral centralities: checking user vectors
/// (start vectors, personalization) and reporting non-convergence.
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::linalg {

/// Throws InputError unless @p x is finite and in @p lo .. @p hi.
inline void require_in_range(const char* algorithm, const char* name, double x, double lo,
                             double hi) {
    if (std::isfinite(x) && x >= lo && x <= hi) return;
    std::ostringstream msg;
    msg << algorithm << ": " << name << " = " << x << " must be a number in [" << lo << ", " << hi
        << "]";
    throw InputError(msg.str());
}

/// A per-organisation vector given by the caller (empty: not given) as an Eigen vector
/// divided by its sum. It must have one finite, non-negative value per organisation and a
/// positive sum (InputError naming the vector and the organisation otherwise).
[[nodiscard]] inline Eigen::VectorXd distribution(const View& g, const std::vector<double>& values,
                                    const char* algorithm, const char* name) {
    const vertex_t n = g.n();
    if (values.size() != n)
        throw InputError(std::string(algorithm) + ": " + name + " has " +
                         std::to_string(values.size()) + " values for " + std::to_string(n) +
                         " organisations");
    double sum = 0.0;
    for (vertex_t v = 0; v < n; ++v) {
        if (!(values[v] >= 0.0) || !std::isfinite(values[v])) {
            std::ostringstream msg;
            msg << algorithm << ": " << name << " of '" << g.id(v) << "' is " << values[v]
                << "; values must be finite and >= 0";
            throw InputError(msg.str());
        }
        sum += values[v];
    }
    if (!(sum > 0.0))
        throw InputError(std::string(algorithm) + ": " + name +
                         " is zero for every organisation; give at least one a positive value");
    Eigen::VectorXd x(n);
    for (vertex_t v = 0; v < n; ++v) x[v] = values[v] / sum;
    return x;
}

/// Throws ConvergenceError: @p algorithm did not converge in @p iterations iterations;
/// @p error is the last change, @p limit the one it had to fall below; @p advice what to try.
[[noreturn]] inline void not_converged(const char* algorithm, std::size_t iterations, double error,
                                       double limit, const std::string& advice) {
    std::ostringstream msg;
    msg << algorithm << ": did not converge in " << iterations << " iteration"
        << (iterations == 1 ? "" : "s") << " (last change " << error << ", needed below "
        << limit << ")";
    if (!advice.empty()) msg << "; " << advice;
    throw ConvergenceError(msg.str(), iterations);
}

/// sqrt(sum x_i^2) without overflow or underflow (as Python's math.hypot(*x)).
[[nodiscard]] inline double euclidean_norm(const Eigen::VectorXd& x) { return x.stableNorm(); }

}  // namespace ketennet::linalg
