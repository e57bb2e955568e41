#pragma once
/// @file layer.hpp
/// @brief A named layer of relations ("information", "case", "collaboration", "it").
#include <string>

namespace ketennet {

/// A layer groups relations of one kind. A directed layer's relation A -> B differs from
/// B -> A; an undirected layer (a mutual agreement, co-location) holds at most one relation
/// per unordered pair and algorithms traverse it both ways.
struct Layer {
    std::string name;
    bool directed = true;

    friend bool operator==(const Layer& a, const Layer& b) {
        return a.name == b.name && a.directed == b.directed;
    }
    friend bool operator!=(const Layer& a, const Layer& b) { return !(a == b); }
};

}  // namespace ketennet
