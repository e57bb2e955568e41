// Random graphs shared by the Catch2 tests of ketennet (not a test file itself).
//
// Seed convention: every random draw of the tests comes from kt::Random, a wrapper of
// ketennet::SplitMix64 (support/random.hpp), never from the std:: engines and distributions
// (whose output the C++ standard leaves to each library). A graph is therefore a function of
// its arguments and its seed alone: the same on every platform, compiler and thread count. A
// test names its seed as a small literal, or derives it from the case it runs (seed 1..8 of a
// GENERATE, "seed + directed"), so that a failing case prints the seed that rebuilds it. Draws
// a test makes besides the graph (sectors, leaves, start vectors, a second weight, survivor
// sets) either continue the graph's own stream (RandomGraph::random()) or use the same seed
// with another stream number: kt::Random(seed, 1), kt::Random(seed, 2), ...
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/model/network.hpp"
#include "ketennet/support/random.hpp"
#include "test_helpers.hpp"

namespace kt {

/// Organisation id @p prefix followed by @p i: "o0", "o1", ... (built by appending, since
/// "o" + std::to_string(i) trips a false GCC 12 -Wrestrict warning).
inline std::string numbered_id(std::size_t i, const std::string& prefix = "o") {
    std::string s = prefix;
    s.append(std::to_string(i));
    return s;
}

/// The ids numbered_id(0) .. numbered_id(n - 1): "o0", "o1", ..., "o{n-1}".
inline std::vector<std::string> numbered(std::size_t n, const std::string& prefix = "o") {
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(numbered_id(i, prefix));
    return out;
}

/// The random stream of the tests: stream @p stream of @p seed of ketennet::SplitMix64 (see
/// the seed convention at the top of this file).
class Random {
public:
    explicit Random(std::uint64_t seed, std::uint64_t stream = 0) : rng_(seed, stream) {}
    /// Uniform integer in [0, n) (n > 0), without modulo bias.
    std::size_t below(std::size_t n) { return std::size_t(rng_.below(n)); }
    /// Uniform double in [lo, hi).
    double uniform(double lo = 0.0, double hi = 1.0) { return lo + (hi - lo) * rng_.uniform(); }
    /// True with probability @p p.
    bool chance(double p) { return rng_.uniform() < p; }
    /// The next 64 random bits.
    std::uint64_t bits() { return rng_.next(); }

private:
    ketennet::SplitMix64 rng_;
};

/// How a generator draws the weight of a tie.
using WeightDraw = std::function<double(Random&)>;

/// Weight 1 on every tie (draws nothing).
inline WeightDraw unit_weight() {
    return [](Random&) { return 1.0; };
}

/// One of the @p count evenly spaced values @p first, @p first + @p step, ..., each equally
/// likely: steps(1, 1, 3) gives the integers 1..3 (few values, so many shortest paths tie),
/// steps(0.5, 0.5, 5) gives 0.5, 1, ..., 2.5.
inline WeightDraw steps(double first, double step, std::size_t count) {
    return [=](Random& r) { return first + step * double(r.below(count)); };
}

/// One of @p values, each equally likely.
inline WeightDraw one_of(std::vector<double> values) {
    return [values = std::move(values)](Random& r) { return values[r.below(values.size())]; };
}

/// Uniform in [@p lo, @p hi).
inline WeightDraw uniform_weight(double lo, double hi) {
    return [=](Random& r) { return r.uniform(lo, hi); };
}

/// One tie of a RandomGraph: the numbers of its ends and its weight.
struct Tie {
    std::size_t source;
    std::size_t target;
    double weight;
};

/// A random graph on organisations 0 .. n-1, built in steps that each draw from the graph's
/// own stream kt::Random(seed), so that the ties depend on (n, directed, seed) and the steps
/// taken only. At most one tie per pair: per ordered pair when directed (a -> b and b -> a may
/// both occur), per unordered pair when undirected; a pair drawn again is dropped and keeps
/// its first weight. Ties are kept in the order drawn.
///
///     // 300 organisations, 1,200 draws of a random pair (self-loops dropped), latencies
///     // from six values; the relations of layer "L" carry the weight as latency
///     const Network net = kt::RandomGraph(300, true, seed)
///                             .draw(1200, kt::one_of({0.5, 1.0, 1.5, 2.0, 0.1, 0.7}))
///                             .network({"latency"});
class RandomGraph {
public:
    RandomGraph(std::size_t n, bool directed, std::uint64_t seed)
        : n_(n), directed_(directed), random_(seed) {}

    std::size_t n() const { return n_; }
    bool directed() const { return directed_; }
    const std::vector<Tie>& ties() const { return ties_; }
    /// The graph's stream, for the test's own draws after the graph's (see the seed convention).
    Random& random() { return random_; }

    /// Whether the tie @p s -> @p t (undirected: s - t in either order) is present.
    bool has(std::size_t s, std::size_t t) const { return seen_.count(key(s, t)) != 0; }

    /// Adds the tie @p s -> @p t (undirected: s - t) with @p weight unless the pair is tied
    /// already; whether it was added.
    bool tie(std::size_t s, std::size_t t, double weight = 1.0) {
        if (s >= n_ || t >= n_) throw std::out_of_range("kt::RandomGraph::tie: no organisation with that number");
        if (!seen_.insert(key(s, t)).second) return false;
        ties_.push_back({s, t, weight});
        return true;
    }

    /// @p draws pairs of organisations drawn uniformly (ends among 0 .. @p among - 1; all n by
    /// default, so the last n - among stay isolated), each tied with a weight from @p weight;
    /// self-loops dropped unless @p loops, repeated pairs dropped. On a sparse graph this
    /// gives close to @p draws ties: draws = 3 n means about 3 ties per organisation. The
    /// weight is drawn only for a tie that is added.
    RandomGraph& draw(std::size_t draws, const WeightDraw& weight = unit_weight(), bool loops = false,
                      std::size_t among = 0) {
        const std::size_t m = among ? among : n_;
        for (std::size_t k = 0; k < draws; ++k) {
            const std::size_t s = random_.below(m), t = random_.below(m);
            if ((s == t && !loops) || has(s, t)) continue;
            tie(s, t, weight(random_));
        }
        return *this;
    }

    /// Gilbert's G(n, p): each pair not yet tied (ordered when directed, unordered when
    /// undirected; no self-loops) tied with probability @p p, pairs taken in the order
    /// (0, 1), (0, 2), ..., (1, 0), ...; the expected density is p.
    RandomGraph& gilbert(double p, const WeightDraw& weight = unit_weight()) {
        for (std::size_t i = 0; i < n_; ++i)
            for (std::size_t j = directed_ ? 0 : i + 1; j < n_; ++j)
                if (i != j && !has(i, j) && random_.chance(p)) tie(i, j, weight(random_));
        return *this;
    }

    /// A random recursive tree: each organisation v = 1 .. n-1 tied to an organisation drawn
    /// uniformly from 0 .. v-1 (v -> u when directed). Undirected, the graph is connected.
    RandomGraph& tree(const WeightDraw& weight = unit_weight()) {
        for (std::size_t v = 1; v < n_; ++v) tie(v, random_.below(v), weight(random_));
        return *this;
    }

    /// The ring 0 -> 1 -> ... -> n-1 -> 0: strongly connected when directed.
    RandomGraph& ring(const WeightDraw& weight = unit_weight()) {
        for (std::size_t v = 0; v < n_ && n_ > 1; ++v) tie(v, (v + 1) % n_, weight(random_));
        return *this;
    }

    /// Drops every tie with an end for which @p isolated is true (these stay without ties).
    RandomGraph& isolate(const std::function<bool(std::size_t)>& isolated) {
        std::vector<Tie> kept;
        for (const Tie& t : ties_)
            if (isolated(t.source) || isolated(t.target))
                seen_.erase(key(t.source, t.target));
            else
                kept.push_back(t);
        ties_ = std::move(kept);
        return *this;
    }

    /// The ties as relations of kt::graph (ends named numbered_id(i, @p prefix), weight set).
    std::vector<E> edges(const std::string& prefix = "o") const {
        std::vector<E> out;
        out.reserve(ties_.size());
        for (const Tie& t : ties_)
            out.push_back({numbered_id(t.source, prefix), numbered_id(t.target, prefix), t.weight});
        return out;
    }

    /// The ties as arcs of ketennet::View::build (vertex numbers and weight).
    std::vector<ketennet::Arc> arcs() const {
        std::vector<ketennet::Arc> out;
        out.reserve(ties_.size());
        for (const Tie& t : ties_)
            out.push_back({ketennet::vertex_t(t.source), ketennet::vertex_t(t.target), t.weight});
        return out;
    }

    /// A network "random": organisations numbered(n, @p prefix) in this order, one layer
    /// @p layer, and a relation per tie whose relation fields named in @p fields ("volume",
    /// "latency", "quality", "capacity"; network({}): no weight) hold the weight.
    ketennet::Network network(std::initializer_list<const char*> fields = {"volume", "latency"},
                              const std::string& layer = "L", const std::string& prefix = "o") const {
        std::vector<std::optional<double> ketennet::Relation::*> slots;
        for (const std::string f : fields) {
            if (f == "volume") slots.push_back(&ketennet::Relation::volume);
            else if (f == "latency") slots.push_back(&ketennet::Relation::latency);
            else if (f == "quality") slots.push_back(&ketennet::Relation::quality);
            else if (f == "capacity") slots.push_back(&ketennet::Relation::capacity);
            else throw std::invalid_argument("kt::RandomGraph::network: no relation field '" + f + "'");
        }
        return network_with(
            [&](ketennet::Relation& r, const Tie& t) {
                for (auto slot : slots) r.*slot = t.weight;
            },
            layer, prefix);
    }

    /// The same network with each relation's values set by @p fill (ends and layer are set).
    ketennet::Network network_with(const std::function<void(ketennet::Relation&, const Tie&)>& fill,
                              const std::string& layer = "L", const std::string& prefix = "o") const {
        ketennet::Network net("random");
        net.add_layer(layer, directed_);
        const std::vector<std::string> ids = numbered(n_, prefix);
        for (const auto& id : ids) net.add_organisation({id, "", "", {}});
        for (const Tie& t : ties_) {
            ketennet::Relation r;
            r.source = ids[t.source];
            r.target = ids[t.target];
            r.layer = layer;
            fill(r, t);
            net.add_relation(r);
        }
        return net;
    }

private:
    std::pair<std::size_t, std::size_t> key(std::size_t s, std::size_t t) const {
        return directed_ ? std::pair{s, t} : std::pair{std::min(s, t), std::max(s, t)};
    }

    std::size_t n_;
    bool directed_;
    Random random_;
    std::vector<Tie> ties_;
    std::set<std::pair<std::size_t, std::size_t>> seen_;
};

}  // namespace kt
