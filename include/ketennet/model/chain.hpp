#pragma once
/// @file chain.hpp
/// @brief A chain ("keten"): a named, ordered list of stages of organisations.
#include <string>
#include <vector>

namespace ketennet {

/// One stage of a chain (for example "vervolging") and the organisations acting in it.
struct Stage {
    std::string name{};
    std::vector<std::string> organisations{};

    friend bool operator==(const Stage& a, const Stage& b) {
        return a.name == b.name && a.organisations == b.organisations;
    }
    friend bool operator!=(const Stage& a, const Stage& b) { return !(a == b); }
};

/// A chain in the sense of Grijpink: independent organisations cooperating around a dominant
/// chain problem, ordered in stages (for example aangifte -> opsporing -> vervolging ->
/// berechting -> tenuitvoerlegging -> nazorg). An organisation may act in several stages.
struct Chain {
    std::string name{};
    std::vector<Stage> stages{};

    friend bool operator==(const Chain& a, const Chain& b) {
        return a.name == b.name && a.stages == b.stages;
    }
    friend bool operator!=(const Chain& a, const Chain& b) { return !(a == b); }
};

}  // namespace ketennet
