#pragma once
/// @file view_options.hpp
/// @brief Which layers and which weight an analysis view projects.
#include <string>
#include <vector>

namespace ketennet {

/// How relations of several selected layers between the same ordered pair (or unordered pair,
/// in an undirected view) are merged into one edge of the view.
enum class Combine {
    sum,  ///< add the weights (volumes, capacities: the default)
    min,  ///< keep the smallest (latencies: the fastest relation counts)
    max,  ///< keep the largest (quality: the best relation counts)
};

/// "sum", "min" or "max".
[[nodiscard]] inline const char* combine_name(Combine c) {
    return c == Combine::sum ? "sum" : (c == Combine::min ? "min" : "max");
}

/// The selection of an analysis view.
///
/// - `layers`: names of the layers to project; empty selects every layer.
/// - `weight`: empty for an unweighted view (every edge weighs 1), else "volume", "latency",
///   "quality", "capacity" or the name of a numeric relation attribute. Every selected
///   relation must have it: InputError otherwise, naming the relations that lack it.
/// - `combine`: how parallel relations of different layers merge (weighted views only).
struct ViewOptions {
    std::vector<std::string> layers{};
    std::string weight{};
    Combine combine = Combine::sum;
};

}  // namespace ketennet
