#pragma once
/// @file derived.hpp
/// @brief Structures derived from an immutable view (another layout of its ties), built on
/// first use and kept with the view.
///
/// Some kernels start by rearranging the view's adjacency: the mutual contact lists of Burt's
/// measures (brokerage/structural_holes.hpp) and the in-ties grouped by in-degree of PageRank
/// (centrality/pagerank.hpp). The rearrangement depends on the view alone, yet on sparse
/// networks of 10^3 to 10^4 organisations it costs as much as the kernel that reads it. A
/// DerivedCache keeps one such structure per type for the view's lifetime, so a notebook that
/// asks for constraint, effective size and hierarchy of the same network, or PageRank with
/// several damping factors, builds it once.
///
/// Conventions
/// - Only layouts of the view's own data go here (a function of the view alone, whatever the
///   options or thread count of the call that builds it), never a metric's result: a cached
///   structure is identical to a fresh one, so results do not depend on what was cached.
/// - Thread-safe: the structure is built outside the lock (building may itself use threads).
///   When two threads miss at once both build it and the first one stored is kept; both
///   copies are identical, and the caller holds whichever it gets through a shared_ptr.
/// - A build that throws (bad weights, say) stores nothing: the next call builds (and throws)
///   again.
/// - Memory: a cached structure lives as long as the view, which the network keeps until it
///   changes (Network::view). It may refer to the view's arrays, so it must not be used after
///   the view is gone; kernels use it within a call on the view.
#include <memory>
#include <mutex>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace ketennet {

/// One structure per type T, built by make() on first use (see the file comment).
class DerivedCache {
public:
    DerivedCache() = default;
    DerivedCache(const DerivedCache&) = delete;
    DerivedCache& operator=(const DerivedCache&) = delete;

    /// The cached T, or the one make() returns (a std::shared_ptr<const T>), stored first.
    template <class T, class Make>
    std::shared_ptr<const T> get(Make&& make) const {
        const std::type_index key(typeid(T));
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (const auto& [k, p] : items_)
                if (k == key) return std::static_pointer_cast<const T>(p);
        }
        std::shared_ptr<const T> made = std::forward<Make>(make)();
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [k, p] : items_)
            if (k == key) return std::static_pointer_cast<const T>(p);  // another thread's
        items_.emplace_back(key, made);
        return made;
    }

    /// The number of structures held (for tests).
    std::size_t size() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return items_.size();
    }

private:
    mutable std::mutex mutex_;
    mutable std::vector<std::pair<std::type_index, std::shared_ptr<const void>>> items_;
};

}  // namespace ketennet
