#pragma once
/// @file network.hpp
/// @brief The mutable network model: organisations, layers, relations and chains.
///
/// A Network is the one mutable object of ketennet. Algorithms never read it directly: they
/// take an immutable View, built by Network::view() from chosen layers and one weight
/// (model/projection.hpp) and cached until the network changes (any add, set or remove clears
/// the cache, view/view_cache.hpp). Bulk input in columns: model/relation_columns.hpp.
///
/// Relations are stored column-wise (indices and four doubles, NaN meaning "unknown"), so a
/// network of millions of relations stays compact. Records are kept in insertion order, which
/// every writer preserves.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/core/attributes.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/core/types.hpp"
#include "ketennet/model/chain.hpp"
#include "ketennet/model/layer.hpp"
#include "ketennet/model/organisation.hpp"
#include "ketennet/model/relation.hpp"
#include "ketennet/model/relation_columns.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/view_cache.hpp"
#include "ketennet/view/view_options.hpp"

namespace ketennet {

/// The network model. See the file comment.
class Network {
public:
    explicit Network(std::string name = {}) : name_(std::move(name)) {}
    Network(const Network& o) { copy_from(o); }
    Network& operator=(const Network& o) {
        if (this != &o) {
            copy_from(o);
            touch();
        }
        return *this;
    }
    Network(Network&& o) noexcept { *this = std::move(o); }
    Network& operator=(Network&& o) noexcept {
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

    // ------------------------------------------------------------------ network
    const std::string& name() const noexcept { return name_; }
    void set_name(std::string name) {
        name_ = std::move(name);
        touch();
    }
    /// Free-form metadata (a JSON object: sources, year, description ...), key order kept.
    const nlohmann::ordered_json& metadata() const noexcept { return metadata_; }
    /// Sets the metadata. InputError unless it is an object whose arrays and objects nest at
    /// most @p json_depth levels as written in a ketennet document, where the metadata object
    /// is level 2 (so it may nest json_depth - 1 levels; ketennet::io::Limits::json_depth,
    /// default 256): reading, copying and writing it then never recurse without bound.
    void set_metadata(nlohmann::ordered_json metadata, std::size_t json_depth = 256);
    /// Counter increased by every change; views record the revision they reflect.
    std::uint64_t revision() const noexcept { return revision_; }

    // ------------------------------------------------------------------ layers
    /// Adds a layer of kind @p kind (what moves on it); without a kind, the kind follows
    /// default_layer_kind(name, directed). InputError if the name is empty or already used.
    void add_layer(const std::string& name, bool directed = true,
                   std::optional<LayerKind> kind = std::nullopt) {
        if (name.empty()) throw InputError("layer names must not be empty");
        if (layer_index_.count(name)) throw InputError("duplicate layer '" + name + "'");
        if (layers_.size() >= std::numeric_limits<std::uint32_t>::max())
            throw InputError("too many layers");
        layer_index_.emplace(name, std::uint32_t(layers_.size()));
        layers_.push_back(Layer{name, directed, kind ? *kind : default_layer_kind(name, directed)});
        touch();
    }
    bool has_layer(const std::string& name) const { return layer_index_.count(name) != 0; }
    const Layer& layer(const std::string& name) const { return layers_[layer_position(name)]; }
    /// Position of a layer in layers(); UnknownId if there is no such layer.
    std::uint32_t layer_position(const std::string& name) const {
        auto it = layer_index_.find(name);
        if (it == layer_index_.end())
            throw UnknownId("unknown layer '" + name + "' (" + layer_names() + ")");
        return it->second;
    }
    /// For messages: "layers: case, information, it" in network order (the first 20, then
    /// "..., (45 in all)"), or "the network has no layers".
    std::string layer_names() const {
        if (layers_.empty()) return "the network has no layers";
        constexpr std::size_t shown = 20;
        std::string s = "layers: ";
        for (std::size_t l = 0; l < layers_.size() && l < shown; ++l)
            s += (l ? ", " : "") + layers_[l].name;
        if (layers_.size() > shown) s += ", ... (" + std::to_string(layers_.size()) + " in all)";
        return s;
    }
    const std::vector<Layer>& layers() const noexcept { return layers_; }
    /// Declares what moves on layer @p name. UnknownId if there is no such layer.
    void set_layer_kind(const std::string& name, LayerKind kind) {
        Layer& l = layers_[layer_position(name)];
        if (l.kind == kind) return;
        l.kind = kind;
        touch();
    }
    /// Names of the layers of kind @p kind, in network order.
    std::vector<std::string> layers_of_kind(LayerKind kind) const {
        std::vector<std::string> out;
        for (const auto& l : layers_)
            if (l.kind == kind) out.push_back(l.name);
        return out;
    }
    /// Removes a layer and all its relations.
    void remove_layer(const std::string& name) {
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

    // ------------------------------------------------------------------ organisations
    std::size_t organisation_count() const noexcept { return orgs_.size(); }
    /// Adds an organisation and returns its index. InputError on an empty or duplicate id or
    /// a non-finite number attribute.
    vertex_t add_organisation(Organisation org) {
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
    /// Replaces an existing organisation (found by org.id) with @p org. UnknownId if absent.
    void set_organisation(Organisation org) {
        const vertex_t v = index_of(org.id);
        check_organisation(org, "organisation '" + org.id + "'");
        orgs_[v] = std::move(org);
        touch();
    }
    bool has_organisation(const std::string& id) const { return org_index_.count(id) != 0; }
    /// Index of an organisation; UnknownId if there is none with this id.
    vertex_t index_of(const std::string& id) const {
        auto it = org_index_.find(id);
        if (it == org_index_.end()) throw UnknownId("unknown organisation '" + id + "'");
        return it->second;
    }
    std::optional<vertex_t> find_organisation(const std::string& id) const {
        auto it = org_index_.find(id);
        if (it == org_index_.end()) return std::nullopt;
        return it->second;
    }
    const Organisation& organisation(const std::string& id) const { return orgs_[index_of(id)]; }
    /// The organisation at index @p v; UnknownId when there is none.
    const Organisation& organisation(vertex_t v) const {
        if (v >= orgs_.size())
            throw UnknownId("organisation index " + std::to_string(v) + " is out of range (the network has " +
                            std::to_string(orgs_.size()) + " organisations: 0 to n - 1)");
        return orgs_[v];
    }
    const std::vector<Organisation>& organisations() const noexcept { return orgs_; }
    /// Organisation ids by index (shared with the views).
    std::shared_ptr<const std::vector<std::string>> ids() const {
        std::lock_guard<std::mutex> lock(cache_mutex_);
        if (!ids_) {
            auto v = std::make_shared<std::vector<std::string>>();
            v->reserve(orgs_.size());
            for (const auto& o : orgs_) v->push_back(o.id);
            ids_ = v;
        }
        return ids_;
    }
    /// Removes an organisation, every relation that touches it, and its place in the stages
    /// of every chain. Later organisations move down one index.
    void remove_organisation(const std::string& id) {
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

    // ------------------------------------------------------------------ relations
    std::size_t relation_count() const noexcept { return rel_.size(); }
    /// Adds a relation and returns its position. UnknownId if an end or the layer does not
    /// exist; InputError if the relation exists already (an undirected layer holds one
    /// relation per unordered pair) or a value is out of range.
    std::size_t add_relation(const Relation& r) {
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
    /// Replaces an existing relation (found by source, target, layer). UnknownId if absent.
    void set_relation(const Relation& r) {
        const std::size_t i = relation_position(r.source, r.target, r.layer);
        check_relation_values(r, "relation " + r.label());
        for (int f = 0; f < 4; ++f) rel_.field[f][i] = r.get(Field(f)).value_or(NaN);
        rel_.attrs[i] = r.attributes;
        touch();
    }
    bool has_relation(const std::string& source, const std::string& target,
                      const std::string& layer) const {
        return find_relation(source, target, layer).has_value();
    }
    /// Position of a relation, or nullopt. In an undirected layer the order of the ends does
    /// not matter.
    std::optional<std::size_t> find_relation(const std::string& source, const std::string& target,
                                             const std::string& layer) const {
        auto s = find_organisation(source), t = find_organisation(target);
        auto l = layer_index_.find(layer);
        if (!s || !t || l == layer_index_.end()) return std::nullopt;
        auto it = rel_index_.find(key(*s, *t, l->second));
        if (it == rel_index_.end()) return std::nullopt;
        return it->second;
    }
    std::size_t relation_position(const std::string& source, const std::string& target,
                                  const std::string& layer) const {
        auto i = find_relation(source, target, layer);
        if (!i)
            throw UnknownId("no relation " + source + " -> " + target + " in layer '" + layer +
                            "'" + (has_layer(layer) ? "" : " (unknown layer; " + layer_names() + ")"));
        return *i;
    }
    /// The relation at position @p i (as stored: an undirected relation keeps the end order
    /// it was added with).
    Relation relation(std::size_t i) const {
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
    Relation relation(const std::string& source, const std::string& target,
                      const std::string& layer) const {
        return relation(relation_position(source, target, layer));
    }
    std::vector<Relation> relations() const {
        std::vector<Relation> out;
        out.reserve(rel_.size());
        for (std::size_t i = 0; i < rel_.size(); ++i) out.push_back(relation(i));
        return out;
    }
    /// Column access without building Relation objects (position i < relation_count()).
    vertex_t relation_source(std::size_t i) const { return rel_.source[i]; }
    vertex_t relation_target(std::size_t i) const { return rel_.target[i]; }
    std::uint32_t relation_layer(std::size_t i) const { return rel_.layer[i]; }
    /// A standard field of relation i; NaN when unknown.
    double relation_field(std::size_t i, Field f) const { return rel_.field[int(f)][i]; }
    const Attributes& relation_attributes(std::size_t i) const { return rel_.attrs[i]; }
    /// Removes a relation. UnknownId if absent. Later relations move down one position.
    void remove_relation(const std::string& source, const std::string& target,
                         const std::string& layer) {
        const std::size_t i = relation_position(source, target, layer);
        keep_relations([&](std::size_t j) { return j != i; });
        rebuild_relation_index();
        touch();
    }

    /// Adds many relations at once (the fast path of from_pandas). All rows are checked
    /// before the network changes: on any error nothing is added, and the message names the
    /// row ("<columns.record> <i>") and field.
    void add_relations(const RelationColumns& c) {
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

    // ------------------------------------------------------------------ chains
    /// Checks @p chain against this network without adding it: InputError on an empty chain
    /// or stage name, a stage name used twice, or an organisation listed twice in one stage;
    /// UnknownId for an organisation the network lacks. Messages name the chain and the stage
    /// ("chain 'c', stage 1 'court': unknown organisation 'x'").
    void check_chain(const Chain& chain) const {
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
    /// Adds a chain. InputError on an empty or duplicate name, an empty stage name, or an
    /// organisation listed twice in one stage; UnknownId for an unknown organisation.
    void add_chain(Chain chain) {
        check_chain(chain);
        if (find_chain(chain.name)) throw InputError("duplicate chain '" + chain.name + "'");
        chains_.push_back(std::move(chain));
        touch();
    }
    /// Replaces the chain of the same name. UnknownId if absent.
    void set_chain(Chain chain) {
        check_chain(chain);
        Chain* c = find_chain(chain.name);
        if (!c) throw UnknownId("unknown chain '" + chain.name + "'");
        *c = std::move(chain);
        touch();
    }
    const Chain& chain(const std::string& name) const {
        for (const auto& c : chains_)
            if (c.name == name) return c;
        throw UnknownId("unknown chain '" + name + "'");
    }
    bool has_chain(const std::string& name) const {
        return std::any_of(chains_.begin(), chains_.end(),
                           [&](const Chain& c) { return c.name == name; });
    }
    const std::vector<Chain>& chains() const noexcept { return chains_; }
    void remove_chain(const std::string& name) {
        auto it = std::find_if(chains_.begin(), chains_.end(),
                               [&](const Chain& c) { return c.name == name; });
        if (it == chains_.end()) throw UnknownId("unknown chain '" + name + "'");
        chains_.erase(it);
        touch();
    }

    // ------------------------------------------------------------------ subnetworks
    /// The subnetwork induced by the organisations @p ids (in the order of this network):
    /// those organisations, every relation among them, all layers, and the chains with their
    /// stages restricted to them (empty stages kept, so stage positions stay comparable).
    Network induced(const std::vector<std::string>& ids) const {
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
    /// A copy holding only the layers @p names (and their relations); organisations and chains
    /// are kept whole.
    Network select_layers(const std::vector<std::string>& names) const {
        std::vector<char> keep(layers_.size(), 0);
        for (const auto& n : names) keep[layer_position(n)] = 1;
        Network out(*this);
        for (const auto& l : layers_)
            if (!keep[layer_position(l.name)]) out.remove_layer(l.name);
        return out;
    }

    // ------------------------------------------------------------------ relation values
    /// Whether @p name is a value relations can carry: one of the four fields (volume,
    /// latency, quality, capacity), known or not, or an attribute at least one relation holds.
    bool has_relation_value(const std::string& name) const {
        for (int f = 0; f < 4; ++f)
            if (name == field_name(Field(f))) return true;
        for (const auto& a : rel_.attrs)
            if (a.count(name)) return true;
        return false;
    }
    /// For messages about a weight no relation carries: "no relation has 'volumes'; relation
    /// fields: volume, latency, quality, capacity; attributes: cost, kind (string)"
    /// (attributes that some relation holds, sorted; a non-numeric one with its type).
    std::string no_relation_has(const std::string& name) const {
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
    /// InputError(no_relation_has(@p name)) unless has_relation_value(@p name).
    void require_relation_value(const std::string& name) const {
        if (!has_relation_value(name)) throw InputError(no_relation_has(name));
    }

    // ------------------------------------------------------------------ views
    /// The analysis view of @p options (see view.hpp), built on first use by build_view()
    /// (model/projection.hpp) and cached until the network changes. Thread-safe for
    /// concurrent readers.
    ViewPtr view(const ViewOptions& options = {}) const;

    /// Equal content: name, metadata, layers, organisations, relations (in order), chains.
    friend bool operator==(const Network& a, const Network& b) {
        if (a.name_ != b.name_ || a.metadata_ != b.metadata_ || a.layers_ != b.layers_ ||
            a.orgs_ != b.orgs_ || a.chains_ != b.chains_ || a.rel_.size() != b.rel_.size())
            return false;
        for (std::size_t i = 0; i < a.rel_.size(); ++i)
            if (a.relation(i) != b.relation(i)) return false;
        return true;
    }
    friend bool operator!=(const Network& a, const Network& b) { return !(a == b); }

private:
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

    struct Key {
        vertex_t s, t;
        std::uint32_t l;
        bool operator==(const Key& o) const { return s == o.s && t == o.t && l == o.l; }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            std::uint64_t h = (std::uint64_t(k.s) << 32) | k.t;
            h ^= std::uint64_t(k.l) * 0x9E3779B97F4A7C15ULL;
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdULL;
            h ^= h >> 33;
            return std::size_t(h);
        }
    };
    struct Columns {
        std::vector<vertex_t> source, target;
        std::vector<std::uint32_t> layer;
        std::array<std::vector<double>, 4> field;
        std::vector<Attributes> attrs;
        std::size_t size() const { return source.size(); }
        void reserve(std::size_t n) {
            source.reserve(n);
            target.reserve(n);
            layer.reserve(n);
            for (auto& f : field) f.reserve(n);
            attrs.reserve(n);
        }
        void push(vertex_t s, vertex_t t, std::uint32_t l, const Relation& r) {
            source.push_back(s);
            target.push_back(t);
            layer.push_back(l);
            for (int f = 0; f < 4; ++f) field[f].push_back(r.get(Field(f)).value_or(NaN));
            attrs.push_back(r.attributes);
        }
        void copy_row(const Columns& o, std::size_t i, vertex_t s, vertex_t t, std::uint32_t l) {
            source.push_back(s);
            target.push_back(t);
            layer.push_back(l);
            for (int f = 0; f < 4; ++f) field[f].push_back(o.field[f][i]);
            attrs.push_back(o.attrs[i]);
        }
    };

    Key key(vertex_t s, vertex_t t, std::uint32_t l) const {
        if (!layers_[l].directed && s > t) std::swap(s, t);
        return Key{s, t, l};
    }
    std::string duplicate_hint(std::uint32_t l) const {
        return std::string("relation: layer '") + layers_[l].name + "' already holds " +
               (layers_[l].directed ? "a relation between these organisations in this direction"
                                    : "a relation between these organisations (undirected layer)");
    }
    std::string label(const RelationColumns& c, std::size_t i) const {
        return orgs_[c.source[i]].id + " -> " + orgs_[c.target[i]].id + ", layer '" +
               layers_[c.layer[i]].name + "'";
    }
    vertex_t end_index(const std::string& id, const std::string& where, const char* end) const {
        auto v = find_organisation(id);
        if (!v) throw UnknownId(where + ": unknown " + end + " organisation '" + id + "'");
        return *v;
    }
    std::uint32_t layer_of(const std::string& name, const std::string& where) const {
        auto it = layer_index_.find(name);
        if (it == layer_index_.end())
            throw UnknownId(where + ": unknown layer '" + name + "' (" + layer_names() +
                            "; add it with add_layer)");
        return it->second;
    }
    static void check_organisation(const Organisation& org, const std::string& where) {
        if (org.id.empty()) throw InputError("organisation ids must not be empty");
        check_attributes(org.attributes, where, {"id", "name", "sector"});
    }
    Chain* find_chain(const std::string& name) {
        for (auto& c : chains_)
            if (c.name == name) return &c;
        return nullptr;
    }
    template <class Keep>
    void keep_relations(Keep keep) {
        Columns out;
        for (std::size_t i = 0; i < rel_.size(); ++i)
            if (keep(i)) out.copy_row(rel_, i, rel_.source[i], rel_.target[i], rel_.layer[i]);
        rel_ = std::move(out);
    }
    void rebuild_relation_index() {
        rel_index_.clear();
        rel_index_.reserve(rel_.size());
        for (std::size_t i = 0; i < rel_.size(); ++i)
            rel_index_.emplace(key(rel_.source[i], rel_.target[i], rel_.layer[i]), edge_t(i));
    }
    void touch() {
        ++revision_;
        view_cache_.clear();
        std::lock_guard<std::mutex> lock(cache_mutex_);
        ids_.reset();
    }
    void copy_from(const Network& o) {
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

    std::string name_;
    nlohmann::ordered_json metadata_ = nlohmann::ordered_json::object();
    std::vector<Layer> layers_;
    std::unordered_map<std::string, std::uint32_t> layer_index_;
    std::vector<Organisation> orgs_;
    std::unordered_map<std::string, vertex_t> org_index_;
    Columns rel_;
    std::unordered_map<Key, edge_t, KeyHash> rel_index_;
    std::vector<Chain> chains_;
    std::uint64_t revision_ = 0;
    mutable std::mutex cache_mutex_;
    mutable std::shared_ptr<const std::vector<std::string>> ids_;
    ViewCache view_cache_;
};

}  // namespace ketennet

// Network::view() is defined with the projection it uses.
#include "ketennet/model/projection.hpp"

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/model/impl/network.ipp"
#endif
