#pragma once
// The Metropolis-Hastings sampler of the ERGM with the tie/no-tie (TNT) proposal, one chain
// per random stream; chains run in parallel and their draws are laid out in chain order, so
// the result depends on the seed alone.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

#include "ketennet/ergm/detail/state.hpp"
#include "ketennet/ergm/detail/terms.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/ergm/ergm.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/random.hpp"

namespace ketennet::ergm::detail {

/// Uniform integer in [0, bound) from @p rng by Lemire's (2019) multiply-shift method: a
/// division only in the rare rejection branch (SplitMix64::below divides twice per draw,
/// which was a sixth of the time of a proposal).
inline std::uint64_t fast_below(SplitMix64& rng, std::uint64_t bound) noexcept {
    // the 128-bit product x * bound: high word = the draw, low word = the rejection test
    auto mul = [bound](std::uint64_t x, std::uint64_t& low) -> std::uint64_t {
#if defined(__SIZEOF_INT128__)
        const unsigned __int128 m = static_cast<unsigned __int128>(x) * bound;
        low = std::uint64_t(m);
        return std::uint64_t(m >> 64);
#else
        const std::uint64_t a = x >> 32, b = x & 0xFFFFFFFFu, c = bound >> 32, d = bound & 0xFFFFFFFFu;
        const std::uint64_t bd = b * d, ad = a * d, bc = b * c, ac = a * c;
        const std::uint64_t mid = (bd >> 32) + (ad & 0xFFFFFFFFu) + (bc & 0xFFFFFFFFu);
        low = (mid << 32) | (bd & 0xFFFFFFFFu);
        return ac + (ad >> 32) + (bc >> 32) + (mid >> 32);
#endif
    };
    std::uint64_t low;
    std::uint64_t high = mul(rng.next(), low);
    if (low < bound) {
        const std::uint64_t t = (0 - bound) % bound;
        while (low < t) high = mul(rng.next(), low);
    }
    return high;
}

/// One chain: the state, its random stream, and a buffer for the change statistics.
class Chain {
public:
    Chain(const CompiledModel& cm, const DyadState& start, const std::vector<double>& coef, std::uint64_t seed,
          std::uint64_t stream)
        : cm_(cm), s_(start), coef_(coef), rng_(seed, stream), delta_(cm.p, 0.0), buf_(cm.p, 0.0) {}

    /// Makes @p steps proposals; delta() accumulates g(y_now) - g(start).
    void run(std::uint64_t steps) {
        const vertex_t n = s_.n();
        const double pairs = s_.pairs();
        const bool dir = s_.directed();
        constexpr double comp = 0.5;  // the probability of proposing a tie for removal
        constexpr double odds = comp / (1.0 - comp);
        for (std::uint64_t step = 0; step < steps; ++step) {
            const std::size_t m = s_.edge_count();
            vertex_t i, j;
            bool present;
            if (m == 0 || rng_.uniform() >= comp) {
                i = vertex_t(fast_below(rng_, n));
                j = vertex_t(fast_below(rng_, n - 1));
                if (j >= i) ++j;
                if (!dir && i > j) std::swap(i, j);
                present = s_.has(i, j);
            } else {
                const auto e = s_.edge(std::size_t(fast_below(rng_, m)));
                i = e.first;
                j = e.second;
                present = true;
            }
            // q(y' -> y) / q(y -> y') for the TNT proposal
            double q;
            if (present)
                q = m == 1 ? 1.0 / (comp * pairs + (1.0 - comp)) : double(m) / (odds * pairs + double(m));
            else
                q = m == 0 ? comp * pairs + (1.0 - comp) : 1.0 + odds * pairs / double(m + 1);
            if (present) s_.remove(i, j);
            cm_.change_all(s_, i, j, buf_.data());
            double eta = 0.0;
            for (std::size_t k = 0; k < buf_.size(); ++k) eta += coef_[k] * buf_[k];
            const double sign = present ? -1.0 : 1.0;
            const double ratio = q * std::exp(sign * eta);
            const bool accept = ratio >= 1.0 || rng_.uniform() < ratio;
            ++proposals_;
            if (accept) {
                ++accepted_;
                if (!present) s_.add(i, j);
                for (std::size_t k = 0; k < buf_.size(); ++k) delta_[k] += sign * buf_[k];
            } else if (present) {
                s_.add(i, j);
            }
        }
    }

    const std::vector<double>& delta() const noexcept { return delta_; }
    const DyadState& state() const noexcept { return s_; }
    std::uint64_t proposals() const noexcept { return proposals_; }
    std::uint64_t accepted() const noexcept { return accepted_; }

private:
    const CompiledModel& cm_;
    DyadState s_;
    const std::vector<double>& coef_;
    SplitMix64 rng_;
    std::vector<double> delta_, buf_;
    std::uint64_t proposals_ = 0, accepted_ = 0;
};

/// Runs the chains of simulate(): chain c (of min(chains, nsim)) makes draws
/// block_range(nsim, chains, c), from SplitMix64(seed, c), and writes their statistics
/// (observed + accumulated change) at their rows. The chains run in slices of 2^16 proposals;
/// after each slice the calling thread reports the share of proposals made, and every chain
/// stops (Cancelled) once the handler has asked to.
inline SimulationResult run_chains(const CompiledModel& cm, const DyadState& start,
                                   const std::vector<double>& observed, const std::vector<double>& coef,
                                   const SimulationOptions& options) {
    SimulationResult out;
    out.nsim = options.nsim;
    out.p = cm.p;
    const std::size_t chains = std::max<std::size_t>(1, std::min(options.chains, options.nsim));
    out.chains = chains;
    out.statistics.assign(options.nsim * cm.p, 0.0);
    out.chain_of.resize(options.nsim);
    if (options.networks) out.networks.resize(options.nsim);
    std::vector<std::uint64_t> proposals(chains, 0), accepted(chains, 0);
    const double total = double(chains) * double(options.burnin) + double(options.nsim) * double(options.interval);
    std::atomic<std::uint64_t> done{0};
    std::atomic<bool> stop{false};
    const auto caller = std::this_thread::get_id();
    auto advance = [&](Chain& chain, std::uint64_t steps) {
        constexpr std::uint64_t slice = std::uint64_t(1) << 16;
        while (steps > 0) {
            const std::uint64_t k = std::min(steps, slice);
            chain.run(k);
            steps -= k;
            const std::uint64_t d = done.fetch_add(k) + k;
            if (stop.load(std::memory_order_relaxed)) throw Cancelled();
            if (options.progress && std::this_thread::get_id() == caller) {
                try {
                    report_progress(options.progress, 0.999 * double(d) / total);
                } catch (...) {
                    stop = true;
                    throw;
                }
            }
        }
    };
    parallel_blocks(chains, options.threads, [&](std::size_t c) {
        Chain chain(cm, start, coef, options.seed, c);
        advance(chain, options.burnin);
        const auto [b, e] = block_range(options.nsim, chains, c);
        for (std::size_t d = b; d < e; ++d) {
            advance(chain, options.interval);
            for (std::size_t q = 0; q < cm.p; ++q) out.statistics[d * cm.p + q] = observed[q] + chain.delta()[q];
            out.chain_of[d] = c;
            if (options.networks) out.networks[d] = chain.state().ties();
        }
        proposals[c] = chain.proposals();
        accepted[c] = chain.accepted();
    });
    if (options.progress) report_progress(options.progress, 1.0);
    for (std::size_t c = 0; c < chains; ++c) {
        out.proposals += proposals[c];
        out.accepted += accepted[c];
    }
    return out;
}

}  // namespace ketennet::ergm::detail
