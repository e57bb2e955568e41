#pragma once
/// @file random.hpp
/// @brief A small counter-based random stream (SplitMix64, Steele, Lea & Flood 2014) whose
/// output depends only on (seed, stream), never on threads or the standard library.
#include <cstdint>
#include <utility>
#include <vector>

namespace ketennet {

/// SplitMix64's output function: a bijective mix of 64 bits.
[[nodiscard]] inline std::uint64_t mix64(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Random stream number @p stream of @p seed (for example run r of a simulation): the same
/// numbers on every platform and for every thread count.
class SplitMix64 {
public:
    SplitMix64(std::uint64_t seed, std::uint64_t stream = 0) noexcept
        : state_(mix64(seed + 0x9E3779B97F4A7C15ULL) ^ mix64(stream * 0xD1B54A32D192ED03ULL + 1)) {}
    /// A stream whose state starts at @p state itself (next() = mix64(state += golden gamma)):
    /// the plain SplitMix64 of Steele, Lea & Flood (2014) seeded with @p state.
    static SplitMix64 from_state(std::uint64_t state) noexcept {
        SplitMix64 r(0);
        r.state_ = state;
        return r;
    }
    /// The next 64 random bits.
    std::uint64_t next() noexcept { return mix64(state_ += 0x9E3779B97F4A7C15ULL); }
    /// Uniform integer in [0, bound) (bound > 0), without modulo bias (rejection).
    std::uint64_t below(std::uint64_t bound) noexcept {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (true) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % bound;
        }
    }
    /// Uniform double in [0, 1).
    double uniform() noexcept { return double(next() >> 11) * 0x1.0p-53; }
    /// Fisher-Yates shuffle of @p v.
    template <class T>
    void shuffle(std::vector<T>& v) noexcept {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::uint64_t state_;
};

}  // namespace ketennet
