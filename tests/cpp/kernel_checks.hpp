// Comparison of a fast kernel's values with its reference implementation's, shared by the
// Catch2 tests of the kernels (not a test file itself).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace kt {

/// Every value of @p fast equals @p reference's bit for bit (both NaN counts as equal): for
/// kernels that add the same terms in the same order.
inline void check_identical(const std::vector<double>& fast, const std::vector<double>& reference) {
    REQUIRE(fast.size() == reference.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        INFO("entry " << i << ": fast " << fast[i] << ", reference " << reference[i]);
        if (std::isnan(reference[i]))
            CHECK(std::isnan(fast[i]));
        else
            CHECK(fast[i] == reference[i]);
    }
}

/// Every value of @p fast is within @p rel (relative to the larger magnitude) of
/// @p reference's (both NaN counts as equal, zeros must match exactly): for kernels that add
/// the same terms in another order, whose rounding differs in the last bits.
inline void check_close(const std::vector<double>& fast, const std::vector<double>& reference,
                        double rel = 1e-12) {
    REQUIRE(fast.size() == reference.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        INFO("entry " << i << ": fast " << fast[i] << ", reference " << reference[i]);
        if (std::isnan(reference[i])) {
            CHECK(std::isnan(fast[i]));
            continue;
        }
        const double scale = std::max(std::abs(fast[i]), std::abs(reference[i]));
        CHECK(std::abs(fast[i] - reference[i]) <= rel * scale);
    }
}

}  // namespace kt
