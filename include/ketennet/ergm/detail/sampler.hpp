#pragma once
// The Metropolis-Hastings sampler of the ERGM with the tie/no-tie (TNT) proposal, one chain
// per random stream; chains run in parallel and their draws are laid out in chain order, so
// the result depends on the seed alone.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/ergm/detail/state.hpp"
#include "ketennet/ergm/detail/terms.hpp"
#include "ketennet/ergm/ergm.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/random.hpp"

namespace ketennet::ergm::detail {

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
                i = vertex_t(rng_.below(n));
                j = vertex_t(rng_.below(n - 1));
                if (j >= i) ++j;
                if (!dir && i > j) std::swap(i, j);
                present = s_.has(i, j);
            } else {
                const auto e = s_.edge(std::size_t(rng_.below(m)));
                i = e.first;
                j = e.second;
                present = true;
            }
            // log of q(y' -> y) / q(y -> y') for the TNT proposal
            double log_q;
            if (present)
                log_q = m == 1 ? -std::log(comp * pairs + (1.0 - comp)) : std::log(double(m) / (odds * pairs + double(m)));
            else
                log_q = m == 0 ? std::log(comp * pairs + (1.0 - comp)) : std::log1p(odds * pairs / double(m + 1));
            if (present) s_.remove(i, j);
            cm_.change_all(s_, i, j, buf_.data());
            double eta = 0.0;
            for (std::size_t q = 0; q < buf_.size(); ++q) eta += coef_[q] * buf_[q];
            const double sign = present ? -1.0 : 1.0;
            const double log_ratio = sign * eta + log_q;
            bool accept = log_ratio >= 0.0;
            if (!accept) accept = std::log(rng_.uniform()) < log_ratio;
            ++proposals_;
            if (accept) {
                ++accepted_;
                if (!present) s_.add(i, j);
                for (std::size_t q = 0; q < buf_.size(); ++q) delta_[q] += sign * buf_[q];
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
/// (observed + accumulated change) at their rows.
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
    // progress: chain blocks report when done; a chain alone reports nothing in between
    parallel_blocks(chains, options.threads, [&](std::size_t c) {
        Chain chain(cm, start, coef, options.seed, c);
        chain.run(options.burnin);
        const auto [b, e] = block_range(options.nsim, chains, c);
        for (std::size_t d = b; d < e; ++d) {
            chain.run(options.interval);
            for (std::size_t q = 0; q < cm.p; ++q) out.statistics[d * cm.p + q] = observed[q] + chain.delta()[q];
            out.chain_of[d] = c;
            if (options.networks) out.networks[d] = chain.state().ties();
        }
        proposals[c] = chain.proposals();
        accepted[c] = chain.accepted();
    }, options.progress);
    for (std::size_t c = 0; c < chains; ++c) {
        out.proposals += proposals[c];
        out.accepted += accepted[c];
    }
    return out;
}

}  // namespace ketennet::ergm::detail
