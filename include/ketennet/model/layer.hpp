#pragma once
/// @file layer.hpp
/// @brief A named layer of relations, its direction and its kind: what moves on it.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace ketennet {

/// What moves on a layer. Chain indicators (lead time, throughput, fidelity, attrition) read
/// case layers only, so messages are never added to cases; collaboration indicators read tie
/// layers.
enum class LayerKind {
    /// Cases, dossiers or persons pass from one organisation to the next; volumes count them
    /// per period ("case" in files and in Python).
    cases,
    /// Messages, data, reports, notifications ("information").
    information,
    /// An agreement, collaboration or co-location: nothing flows ("tie").
    tie,
};

/// "case", "information" or "tie": the name used in files, messages and Python.
[[nodiscard]] inline const char* layer_kind_name(LayerKind k) noexcept {
    switch (k) {
        case LayerKind::cases: return "case";
        case LayerKind::information: return "information";
        case LayerKind::tie: return "tie";
    }
    return "information";
}

/// The kind named @p name ("case", "information", "tie"), or nullopt.
[[nodiscard]] inline std::optional<LayerKind> parse_layer_kind(std::string_view name) noexcept {
    if (name == "case") return LayerKind::cases;
    if (name == "information") return LayerKind::information;
    if (name == "tie") return LayerKind::tie;
    return std::nullopt;
}

/// The kind of a layer declared without one (Network::add_layer without a kind, JSON schema
/// version 1, GraphML and NetworkX graphs without kinds). The rule, by the layer's name
/// (letters compared case-insensitively, ignoring a plural "s"):
///   - "case", "zaak", "zaken", "dossier", "handover", "referral", "verwijzing", "instroom"
///     or a name starting with "case" -> LayerKind::cases;
///   - "collaboration", "samenwerking", "agreement", "convenant", "colocation", "co-location",
///     "tie", "trust", "overleg" -> LayerKind::tie;
///   - any other undirected layer -> LayerKind::tie (nothing flows along a mutual agreement);
///   - any other directed layer -> LayerKind::information.
[[nodiscard]] inline LayerKind default_layer_kind(const std::string& name, bool directed) {
    std::string s(name);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (s.size() > 1 && s.back() == 's') s.pop_back();
    for (const char* c : {"case", "zaak", "zaken", "dossier", "handover", "referral",
                          "verwijzing", "instroom"})
        if (s == c) return LayerKind::cases;
    if (s.rfind("case", 0) == 0) return LayerKind::cases;
    for (const char* t : {"collaboration", "samenwerking", "agreement", "convenant", "colocation",
                          "co-location", "tie", "trust", "overleg"})
        if (s == t) return LayerKind::tie;
    return directed ? LayerKind::information : LayerKind::tie;
}

/// A layer groups relations of one kind. A directed layer's relation A -> B differs from
/// B -> A; an undirected layer (a mutual agreement, co-location) holds at most one relation
/// per unordered pair and algorithms traverse it both ways.
struct Layer {
    std::string name{};
    bool directed = true;
    LayerKind kind = LayerKind::information;

    friend bool operator==(const Layer& a, const Layer& b) {
        return a.name == b.name && a.directed == b.directed && a.kind == b.kind;
    }
    friend bool operator!=(const Layer& a, const Layer& b) { return !(a == b); }
};

}  // namespace ketennet
