#pragma once
/// @file network.ipp
/// @brief Definitions of model/network.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/model/network.hpp"

namespace ketennet {

KETENNET_INLINE const nlohmann::ordered_json& Network::metadata() const noexcept {
    static const nlohmann::ordered_json empty = nlohmann::ordered_json::object();
    return metadata_ ? *metadata_ : empty;
}

KETENNET_INLINE void Network::set_metadata(nlohmann::ordered_json metadata, std::size_t json_depth) {
    if (!metadata.is_object()) throw InputError("network metadata must be a JSON object");
    // iterative walk: the check itself must not recurse
    std::vector<std::pair<const nlohmann::ordered_json*, std::size_t>> todo{{&metadata, 2}};
    while (!todo.empty()) {
        auto [j, level] = todo.back();
        todo.pop_back();
        if (level > json_depth)
            throw InputError("/metadata: nesting deeper than " + std::to_string(json_depth) +
                             " levels (limit: json_depth of ketennet::io::Limits; in Python "
                             "ketennet.io.set_limits(json_depth=...))");
        for (const auto& child : *j)
            if (child.is_structured()) todo.emplace_back(&child, level + 1);
    }
    metadata_ = std::make_shared<const nlohmann::ordered_json>(std::move(metadata));
    touch();
}

KETENNET_INLINE Network& Network::operator=(const Network& o) {
    if (this != &o) {
        copy_from(o);
        touch();
    }
    return *this;
}

KETENNET_INLINE Network& Network::operator=(Network&& o) noexcept {
    if (this != &o) {
        name_ = std::move(o.name_);
        metadata_ = std::move(o.metadata_);
        layers_ = std::move(o.layers_);
        layer_index_ = std::move(o.layer_index_);
        orgs_ = std::move(o.orgs_);
        org_index_ = std::move(o.org_index_);
        rel_ = std::move(o.rel_);
        rel_index_ = std::move(o.rel_index_);
        chains_ = std::move(o.chains_);
        touch();
        o.touch();
    }
    return *this;
}

KETENNET_INLINE void Network::add_layer(const std::string& name, bool directed, std::optional<LayerKind> kind) {
    if (name.empty()) throw InputError("layer names must not be empty");
    if (layer_index_.count(name)) throw InputError("duplicate layer '" + name + "'");
    if (layers_.size() >= std::numeric_limits<std::uint32_t>::max())
        throw InputError("too many layers");
    layer_index_.emplace(name, std::uint32_t(layers_.size()));
    layers_.push_back(Layer{name, directed, kind ? *kind : default_layer_kind(name, directed)});
    touch();
}

KETENNET_INLINE std::uint32_t Network::layer_position(const std::string& name) const {
    auto it = layer_index_.find(name);
    if (it == layer_index_.end())
        throw UnknownId("unknown layer '" + name + "' (" + layer_names() + ")");
    return it->second;
}

KETENNET_INLINE std::string Network::layer_names() const {
    if (layers_.empty()) return "the network has no layers";
    constexpr std::size_t shown = 20;
    std::string s = "layers: ";
    for (std::size_t l = 0; l < layers_.size() && l < shown; ++l)
        s += (l ? ", " : "") + layers_[l].name;
    if (layers_.size() > shown) s += ", ... (" + std::to_string(layers_.size()) + " in all)";
    return s;
}

KETENNET_INLINE void Network::set_layer_kind(const std::string& name, LayerKind kind) {
    Layer& l = layers_[layer_position(name)];
    if (l.kind == kind) return;
    l.kind = kind;
    touch();
}

KETENNET_INLINE std::vector<std::string> Network::layers_of_kind(LayerKind kind) const {
    std::vector<std::string> out;
    for (const auto& l : layers_)
        if (l.kind == kind) out.push_back(l.name);
    return out;
}

KETENNET_INLINE void Network::remove_layer(const std::string& name) {
    const std::uint32_t l = layer_position(name);
    keep_relations([&](std::size_t i) { return rel_.layer[i] != l; });
    for (std::size_t i = 0; i < rel_.size(); ++i)
        if (rel_.layer[i] > l) --rel_.layer[i];
    layers_.erase(layers_.begin() + l);
    layer_index_.clear();
    for (std::uint32_t i = 0; i < layers_.size(); ++i) layer_index_.emplace(layers_[i].name, i);
    rebuild_relation_index();
    touch();
}

KETENNET_INLINE vertex_t Network::add_organisation(Organisation org) {
    check_organisation(org, "organisation '" + org.id + "'");
    if (org_index_.count(org.id)) throw InputError("duplicate organisation id '" + org.id + "'");
    if (orgs_.size() >= std::numeric_limits<vertex_t>::max())
        throw InputError("too many organisations (at most 2^32-1)");
    const auto v = vertex_t(orgs_.size());
    org_index_.emplace(org.id, v);
    orgs_.push_back(std::move(org));
    touch();
    return v;
}

KETENNET_INLINE void Network::set_organisation(Organisation org) {
    const vertex_t v = index_of(org.id);
    check_organisation(org, "organisation '" + org.id + "'");
    orgs_[v] = std::move(org);
    touch();
}

KETENNET_INLINE vertex_t Network::index_of(const std::string& id) const {
    auto it = org_index_.find(id);
    if (it == org_index_.end()) throw UnknownId("unknown organisation '" + id + "'");
    return it->second;
}

KETENNET_INLINE std::optional<vertex_t> Network::find_organisation(const std::string& id) const {
    auto it = org_index_.find(id);
    if (it == org_index_.end()) return std::nullopt;
    return it->second;
}

KETENNET_INLINE const Organisation& Network::organisation(vertex_t v) const {
    if (v >= orgs_.size())
        throw UnknownId("organisation index " + std::to_string(v) + " is out of range (the network has " +
                        std::to_string(orgs_.size()) + " organisations: 0 to n - 1)");
    return orgs_[v];
}

KETENNET_INLINE std::shared_ptr<const std::vector<std::string>> Network::ids() const {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (!ids_) {
        auto v = std::make_shared<std::vector<std::string>>();
        v->reserve(orgs_.size());
        for (const auto& o : orgs_) v->push_back(o.id);
        ids_ = v;
    }
    return ids_;
}

KETENNET_INLINE void Network::remove_organisation(const std::string& id) {
    const vertex_t v = index_of(id);
    keep_relations([&](std::size_t i) { return rel_.source[i] != v && rel_.target[i] != v; });
    for (std::size_t i = 0; i < rel_.size(); ++i) {
        if (rel_.source[i] > v) --rel_.source[i];
        if (rel_.target[i] > v) --rel_.target[i];
    }
    orgs_.erase(orgs_.begin() + v);
    org_index_.erase(id);
    for (auto& [key, idx] : org_index_)
        if (idx > v) --idx;
    for (auto& c : chains_)
        for (auto& s : c.stages)
            s.organisations.erase(
                std::remove(s.organisations.begin(), s.organisations.end(), id),
                s.organisations.end());
    rebuild_relation_index();
    touch();
}

KETENNET_INLINE std::size_t Network::add_relation(const Relation& r) {
    const std::string where = "relation " + r.label();
    check_relation_values(r, where);
    const vertex_t s = end_index(r.source, where, "source");
    const vertex_t t = end_index(r.target, where, "target");
    const std::uint32_t l = layer_of(r.layer, where);
    const Key k = key(s, t, l);
    if (rel_index_.count(k)) throw InputError(where + ": duplicate " + duplicate_hint(l));
    if (rel_.size() >= std::numeric_limits<edge_t>::max())
        throw InputError("too many relations (at most 2^32-1)");
    const std::size_t i = rel_.size();
    rel_.push(s, t, l, r);
    rel_index_.emplace(k, edge_t(i));
    touch();
    return i;
}

KETENNET_INLINE void Network::set_relation(const Relation& r) {
    const std::size_t i = relation_position(r.source, r.target, r.layer);
    check_relation_values(r, "relation " + r.label());
    for (int f = 0; f < 4; ++f) rel_.field[f][i] = r.get(Field(f)).value_or(NaN);
    rel_.attrs[i] = r.attributes;
    touch();
}

KETENNET_INLINE std::optional<std::size_t> Network::find_relation(const std::string& source, const std::string& target, const std::string& layer) const {
    auto s = find_organisation(source), t = find_organisation(target);
    auto l = layer_index_.find(layer);
    if (!s || !t || l == layer_index_.end()) return std::nullopt;
    auto it = rel_index_.find(key(*s, *t, l->second));
    if (it == rel_index_.end()) return std::nullopt;
    return it->second;
}

KETENNET_INLINE std::size_t Network::relation_position(const std::string& source, const std::string& target, const std::string& layer) const {
    auto i = find_relation(source, target, layer);
    if (!i)
        throw UnknownId("no relation " + source + " -> " + target + " in layer '" + layer +
                        "'" + (has_layer(layer) ? "" : " (unknown layer; " + layer_names() + ")"));
    return *i;
}

KETENNET_INLINE Relation Network::relation(std::size_t i) const {
    if (i >= rel_.size()) throw UnknownId("no relation at position " + std::to_string(i));
    Relation r;
    r.source = orgs_[rel_.source[i]].id;
    r.target = orgs_[rel_.target[i]].id;
    r.layer = layers_[rel_.layer[i]].name;
    for (int f = 0; f < 4; ++f) {
        const double x = rel_.field[f][i];
        if (!std::isnan(x)) r.get(Field(f)) = x;
    }
    r.attributes = rel_.attrs[i];
    return r;
}

KETENNET_INLINE std::vector<Relation> Network::relations() const {
    std::vector<Relation> out;
    out.reserve(rel_.size());
    for (std::size_t i = 0; i < rel_.size(); ++i) out.push_back(relation(i));
    return out;
}

KETENNET_INLINE void Network::remove_relation(const std::string& source, const std::string& target, const std::string& layer) {
    const std::size_t i = relation_position(source, target, layer);
    keep_relations([&](std::size_t j) { return j != i; });
    rebuild_relation_index();
    touch();
}

KETENNET_INLINE void Network::add_relations(const RelationColumns& c) {
    const std::size_t n = c.source.size();
    auto where = [&](std::size_t i) { return c.record + " " + std::to_string(i); };
    if (c.target.size() != n || c.layer.size() != n)
        throw InputError("add_relations: source, target and layer columns differ in length");
    for (const auto& f : c.fields)
        if (!f.empty() && f.size() != n)
            throw InputError("add_relations: a field column differs in length");
    for (const auto& a : c.attributes) {
        const std::size_t len = a.kind == AttributeColumn::Kind::number    ? a.numbers.size()
                                : a.kind == AttributeColumn::Kind::boolean ? a.booleans.size()
                                                                           : a.codes.size();
        if (len != n)
            throw InputError("add_relations: attribute column '" + a.name +
                             "' differs in length");
        if (a.name.empty()) throw InputError("add_relations: empty attribute name");
        for (const char* r : {"source", "target", "layer", "volume", "latency", "quality", "capacity"})
            if (a.name == r)
                throw InputError("add_relations: attribute column '" + a.name +
                                 "' is a field of the relation, not a free attribute");
        for (const auto& b : c.attributes)
            if (&b != &a && b.name == a.name)
                throw InputError("add_relations: two attribute columns are named '" + a.name + "'");
    }
    if (rel_.size() + n >= std::numeric_limits<edge_t>::max())
        throw InputError("too many relations (at most 2^32-1)");
    for (std::size_t i = 0; i < n; ++i) {
        if (c.source[i] >= orgs_.size() || c.target[i] >= orgs_.size())
            throw UnknownId(where(i) + ": organisation index out of range");
        if (c.layer[i] >= layers_.size())
            throw UnknownId(where(i) + ": layer index out of range");
        for (int f = 0; f < 4; ++f) {
            if (c.fields[f].empty()) continue;
            const double x = c.fields[f][i];
            if (!std::isnan(x)) check_field(Field(f), x, where(i) + " (" + label(c, i) + ")");
        }
        for (const auto& a : c.attributes) {
            if (a.kind == AttributeColumn::Kind::number && std::isinf(a.numbers[i]))
                throw InputError(where(i) + " (" + label(c, i) + "): attribute '" + a.name +
                                 "' is infinite");
            if (a.kind == AttributeColumn::Kind::string &&
                (a.codes[i] < -1 || a.codes[i] >= std::int64_t(a.categories.size())))
                throw InputError(where(i) + ": attribute '" + a.name +
                                 "' code out of range");
        }
    }
    // insert, rolling back on a duplicate
    const std::size_t before = rel_.size();
    std::vector<Key> added;
    added.reserve(n);
    rel_index_.reserve(before + n);
    for (std::size_t i = 0; i < n; ++i) {
        const Key k = key(c.source[i], c.target[i], c.layer[i]);
        if (!rel_index_.emplace(k, edge_t(before + i)).second) {
            for (const Key& a : added) rel_index_.erase(a);
            throw InputError(where(i) + " (" + label(c, i) + "): duplicate " +
                             duplicate_hint(c.layer[i]));
        }
        added.push_back(k);
    }
    rel_.reserve(before + n);
    for (std::size_t i = 0; i < n; ++i) {
        rel_.source.push_back(c.source[i]);
        rel_.target.push_back(c.target[i]);
        rel_.layer.push_back(c.layer[i]);
        for (int f = 0; f < 4; ++f)
            rel_.field[f].push_back(c.fields[f].empty() ? NaN : c.fields[f][i]);
        Attributes attrs;
        for (const auto& a : c.attributes) {
            switch (a.kind) {
                case AttributeColumn::Kind::number:
                    if (!std::isnan(a.numbers[i])) attrs.emplace(a.name, a.numbers[i]);
                    break;
                case AttributeColumn::Kind::boolean:
                    if (a.booleans[i] >= 0) attrs.emplace(a.name, a.booleans[i] != 0);
                    break;
                case AttributeColumn::Kind::string:
                    if (a.codes[i] >= 0) attrs.emplace(a.name, a.categories[a.codes[i]]);
                    break;
            }
        }
        rel_.attrs.push_back(std::move(attrs));
    }
    touch();
}

KETENNET_INLINE void Network::check_chain(const Chain& chain) const {
    const std::string where = "chain '" + chain.name + "'";
    if (chain.name.empty()) throw InputError("chain names must not be empty");
    for (std::size_t s = 0; s < chain.stages.size(); ++s) {
        const Stage& st = chain.stages[s];
        const std::string sw = where + ", stage " + std::to_string(s) + " '" + st.name + "'";
        if (st.name.empty()) throw InputError(sw + ": stage names must not be empty");
        for (std::size_t k = 0; k < s; ++k)
            if (chain.stages[k].name == st.name)
                throw InputError(sw + ": duplicate stage name");
        std::unordered_set<std::string> seen;
        for (const auto& id : st.organisations) {
            if (!has_organisation(id)) throw UnknownId(sw + ": unknown organisation '" + id + "'");
            if (!seen.insert(id).second)
                throw InputError(sw + ": organisation '" + id + "' listed twice");
        }
    }
}

KETENNET_INLINE void Network::add_chain(Chain chain) {
    check_chain(chain);
    if (find_chain(chain.name)) throw InputError("duplicate chain '" + chain.name + "'");
    chains_.push_back(std::move(chain));
    touch();
}

KETENNET_INLINE void Network::set_chain(Chain chain) {
    check_chain(chain);
    Chain* c = find_chain(chain.name);
    if (!c) throw UnknownId("unknown chain '" + chain.name + "'");
    *c = std::move(chain);
    touch();
}

KETENNET_INLINE const Chain& Network::chain(const std::string& name) const {
    for (const auto& c : chains_)
        if (c.name == name) return c;
    throw UnknownId("unknown chain '" + name + "'");
}

KETENNET_INLINE void Network::remove_chain(const std::string& name) {
    auto it = std::find_if(chains_.begin(), chains_.end(),
                           [&](const Chain& c) { return c.name == name; });
    if (it == chains_.end()) throw UnknownId("unknown chain '" + name + "'");
    chains_.erase(it);
    touch();
}

KETENNET_INLINE Network Network::induced(const std::vector<std::string>& ids) const {
    std::vector<char> keep(orgs_.size(), 0);
    for (const auto& id : ids) keep[index_of(id)] = 1;
    Network out(name_);
    out.metadata_ = metadata_;
    for (const auto& l : layers_) out.add_layer(l.name, l.directed, l.kind);
    std::vector<vertex_t> map(orgs_.size(), 0);
    for (vertex_t v = 0; v < orgs_.size(); ++v)
        if (keep[v]) map[v] = out.add_organisation(orgs_[v]);
    for (std::size_t i = 0; i < rel_.size(); ++i) {
        if (!keep[rel_.source[i]] || !keep[rel_.target[i]]) continue;
        out.rel_index_.emplace(out.key(map[rel_.source[i]], map[rel_.target[i]], rel_.layer[i]),
                               edge_t(out.rel_.size()));
        out.rel_.copy_row(rel_, i, map[rel_.source[i]], map[rel_.target[i]], rel_.layer[i]);
    }
    for (Chain c : chains_) {
        for (auto& s : c.stages)
            s.organisations.erase(std::remove_if(s.organisations.begin(), s.organisations.end(),
                                                 [&](const std::string& id) {
                                                     return !keep[index_of(id)];
                                                 }),
                                  s.organisations.end());
        out.chains_.push_back(std::move(c));
    }
    out.touch();
    return out;
}

KETENNET_INLINE Network Network::select_layers(const std::vector<std::string>& names) const {
    std::vector<char> keep(layers_.size(), 0);
    for (const auto& n : names) keep[layer_position(n)] = 1;
    Network out(*this);
    for (const auto& l : layers_)
        if (!keep[layer_position(l.name)]) out.remove_layer(l.name);
    return out;
}

KETENNET_INLINE bool Network::has_relation_value(const std::string& name) const {
    for (int f = 0; f < 4; ++f)
        if (name == field_name(Field(f))) return true;
    for (const auto& a : rel_.attrs)
        if (a.count(name)) return true;
    return false;
}

KETENNET_INLINE std::string Network::no_relation_has(const std::string& name) const {
    std::map<std::string, std::string> attrs;  // name -> type of its first value
    for (const auto& a : rel_.attrs)
        for (const auto& [key, value] : a) attrs.emplace(key, attribute_type_name(value));
    std::string s = "no relation has '" + name + "'; relation fields: ";
    for (int f = 0; f < 4; ++f) s += std::string(f ? ", " : "") + field_name(Field(f));
    s += "; attributes: ";
    if (attrs.empty()) s += "none";
    bool first = true;
    for (const auto& [key, type] : attrs) {
        s += (first ? "" : ", ") + key;
        if (type != std::string("number")) s += " (" + type + ")";
        first = false;
    }
    return s;
}

KETENNET_INLINE bool operator==(const Network& a, const Network& b) {
    if (a.name_ != b.name_ || a.metadata() != b.metadata() || a.layers_ != b.layers_ ||
        a.orgs_ != b.orgs_ || a.chains_ != b.chains_ || a.rel_.size() != b.rel_.size())
        return false;
    for (std::size_t i = 0; i < a.rel_.size(); ++i)
        if (a.relation(i) != b.relation(i)) return false;
    return true;
}

KETENNET_INLINE std::string Network::duplicate_hint(std::uint32_t l) const {
    return std::string("relation: layer '") + layers_[l].name + "' already holds " +
           (layers_[l].directed ? "a relation between these organisations in this direction"
                                : "a relation between these organisations (undirected layer)");
}

KETENNET_INLINE vertex_t Network::end_index(const std::string& id, const std::string& where, const char* end) const {
    auto v = find_organisation(id);
    if (!v) throw UnknownId(where + ": unknown " + end + " organisation '" + id + "'");
    return *v;
}

KETENNET_INLINE std::uint32_t Network::layer_of(const std::string& name, const std::string& where) const {
    auto it = layer_index_.find(name);
    if (it == layer_index_.end())
        throw UnknownId(where + ": unknown layer '" + name + "' (" + layer_names() +
                        "; add it with add_layer)");
    return it->second;
}

KETENNET_INLINE Chain* Network::find_chain(const std::string& name) {
    for (auto& c : chains_)
        if (c.name == name) return &c;
    return nullptr;
}

KETENNET_INLINE void Network::rebuild_relation_index() {
    rel_index_.clear();
    rel_index_.reserve(rel_.size());
    for (std::size_t i = 0; i < rel_.size(); ++i)
        rel_index_.emplace(key(rel_.source[i], rel_.target[i], rel_.layer[i]), edge_t(i));
}

KETENNET_INLINE void Network::touch() {
    ++revision_;
    view_cache_.clear();
    std::lock_guard<std::mutex> lock(cache_mutex_);
    ids_.reset();
}

KETENNET_INLINE void Network::copy_from(const Network& o) {
    name_ = o.name_;
    metadata_ = o.metadata_;
    layers_ = o.layers_;
    layer_index_ = o.layer_index_;
    orgs_ = o.orgs_;
    org_index_ = o.org_index_;
    rel_ = o.rel_;
    rel_index_ = o.rel_index_;
    chains_ = o.chains_;
    view_cache_.clear();
    std::lock_guard<std::mutex> lock(cache_mutex_);
    ids_.reset();
}

}  // namespace ketennet
