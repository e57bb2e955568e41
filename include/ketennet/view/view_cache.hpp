#pragma once
/// @file view_cache.hpp
/// @brief The views built from one state of a network, by selection, until it changes.
///
/// Network::view() keeps each view it builds here, keyed by its ViewOptions (layers resolved
/// to their names, weight, combine), and clears the cache at every change of the network.
/// Thread-safe: a view is built outside the lock; when two threads miss at once both build it
/// and the first one stored is kept (both are equal).
#include <map>
#include <mutex>
#include <string>

#include "ketennet/view/view.hpp"
#include "ketennet/view/view_options.hpp"

namespace ketennet {

/// Views by selection (see the file comment).
class ViewCache {
public:
    ViewCache() = default;
    ViewCache(const ViewCache&) = delete;
    ViewCache& operator=(const ViewCache&) = delete;

    /// The cached view of @p options, or the one @p build() returns, stored first.
    template <class Build>
    ViewPtr get(const ViewOptions& options, Build&& build) const {
        const std::string key = key_of(options);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = views_.find(key);
            if (it != views_.end()) return it->second;
        }
        ViewPtr v = build();
        std::lock_guard<std::mutex> lock(mutex_);
        return views_.emplace(key, v).first->second;
    }
    /// Forgets every view (the network changed).
    void clear() const {
        std::lock_guard<std::mutex> lock(mutex_);
        views_.clear();
    }

private:
    static std::string key_of(const ViewOptions& o) {
        std::string key = o.weight + '\x1f' + combine_name(o.combine);
        for (const auto& l : o.layers) key += '\x1f' + l;
        return key;
    }
    mutable std::mutex mutex_;
    mutable std::map<std::string, ViewPtr> views_;
};

}  // namespace ketennet
