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

#include <nlohmann/json_fwd.hpp>

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
    Network& operator=(const Network& o);
    Network(Network&& o) noexcept { *this = std::move(o); }
    Network& operator=(Network&& o) noexcept;

    // ------------------------------------------------------------------ network
    const std::string& name() const noexcept { return name_; }
    void set_name(std::string name) {
        name_ = std::move(name);
        touch();
    }
    /// Free-form metadata (a JSON object: sources, year, description ...), key order kept.
    const nlohmann::ordered_json& metadata() const noexcept;
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
                   std::optional<LayerKind> kind = std::nullopt);
    bool has_layer(const std::string& name) const { return layer_index_.count(name) != 0; }
    const Layer& layer(const std::string& name) const { return layers_[layer_position(name)]; }
    /// Position of a layer in layers(); UnknownId if there is no such layer.
    std::uint32_t layer_position(const std::string& name) const;
    /// For messages: "layers: case, information, it" in network order (the first 20, then
    /// "..., (45 in all)"), or "the network has no layers".
    std::string layer_names() const;
    const std::vector<Layer>& layers() const noexcept { return layers_; }
    /// Declares what moves on layer @p name. UnknownId if there is no such layer.
    void set_layer_kind(const std::string& name, LayerKind kind);
    /// Names of the layers of kind @p kind, in network order.
    std::vector<std::string> layers_of_kind(LayerKind kind) const;
    /// Removes a layer and all its relations.
    void remove_layer(const std::string& name);

    // ------------------------------------------------------------------ organisations
    std::size_t organisation_count() const noexcept { return orgs_.size(); }
    /// Adds an organisation and returns its index. InputError on an empty or duplicate id or
    /// a non-finite number attribute.
    vertex_t add_organisation(Organisation org);
    /// Replaces an existing organisation (found by org.id) with @p org. UnknownId if absent.
    void set_organisation(Organisation org);
    bool has_organisation(const std::string& id) const { return org_index_.count(id) != 0; }
    /// Index of an organisation; UnknownId if there is none with this id.
    vertex_t index_of(const std::string& id) const;
    std::optional<vertex_t> find_organisation(const std::string& id) const;
    const Organisation& organisation(const std::string& id) const { return orgs_[index_of(id)]; }
    /// The organisation at index @p v; UnknownId when there is none.
    const Organisation& organisation(vertex_t v) const;
    const std::vector<Organisation>& organisations() const noexcept { return orgs_; }
    /// Organisation ids by index (shared with the views).
    std::shared_ptr<const std::vector<std::string>> ids() const;
    /// Removes an organisation, every relation that touches it, and its place in the stages
    /// of every chain. Later organisations move down one index.
    void remove_organisation(const std::string& id);

    // ------------------------------------------------------------------ relations
    std::size_t relation_count() const noexcept { return rel_.size(); }
    /// Adds a relation and returns its position. UnknownId if an end or the layer does not
    /// exist; InputError if the relation exists already (an undirected layer holds one
    /// relation per unordered pair) or a value is out of range.
    std::size_t add_relation(const Relation& r);
    /// Replaces an existing relation (found by source, target, layer). UnknownId if absent.
    void set_relation(const Relation& r);
    bool has_relation(const std::string& source, const std::string& target,
                      const std::string& layer) const {
        return find_relation(source, target, layer).has_value();
    }
    /// Position of a relation, or nullopt. In an undirected layer the order of the ends does
    /// not matter.
    std::optional<std::size_t> find_relation(const std::string& source, const std::string& target,
                                             const std::string& layer) const;
    std::size_t relation_position(const std::string& source, const std::string& target,
                                  const std::string& layer) const;
    /// The relation at position @p i (as stored: an undirected relation keeps the end order
    /// it was added with).
    Relation relation(std::size_t i) const;
    Relation relation(const std::string& source, const std::string& target,
                      const std::string& layer) const {
        return relation(relation_position(source, target, layer));
    }
    std::vector<Relation> relations() const;
    /// Column access without building Relation objects (position i < relation_count()).
    vertex_t relation_source(std::size_t i) const { return rel_.source[i]; }
    vertex_t relation_target(std::size_t i) const { return rel_.target[i]; }
    std::uint32_t relation_layer(std::size_t i) const { return rel_.layer[i]; }
    /// A standard field of relation i; NaN when unknown.
    double relation_field(std::size_t i, Field f) const { return rel_.field[int(f)][i]; }
    const Attributes& relation_attributes(std::size_t i) const { return rel_.attrs[i]; }
    /// Removes a relation. UnknownId if absent. Later relations move down one position.
    void remove_relation(const std::string& source, const std::string& target,
                         const std::string& layer);

    /// Adds many relations at once (the fast path of from_pandas). All rows are checked
    /// before the network changes: on any error nothing is added, and the message names the
    /// row ("<columns.record> <i>") and field.
    void add_relations(const RelationColumns& c);

    // ------------------------------------------------------------------ chains
    /// Checks @p chain against this network without adding it: InputError on an empty chain
    /// or stage name, a stage name used twice, or an organisation listed twice in one stage;
    /// UnknownId for an organisation the network lacks. Messages name the chain and the stage
    /// ("chain 'c', stage 1 'court': unknown organisation 'x'").
    void check_chain(const Chain& chain) const;
    /// Adds a chain. InputError on an empty or duplicate name, an empty stage name, or an
    /// organisation listed twice in one stage; UnknownId for an unknown organisation.
    void add_chain(Chain chain);
    /// Replaces the chain of the same name. UnknownId if absent.
    void set_chain(Chain chain);
    const Chain& chain(const std::string& name) const;
    bool has_chain(const std::string& name) const {
        return std::any_of(chains_.begin(), chains_.end(),
                           [&](const Chain& c) { return c.name == name; });
    }
    const std::vector<Chain>& chains() const noexcept { return chains_; }
    void remove_chain(const std::string& name);

    // ------------------------------------------------------------------ subnetworks
    /// The subnetwork induced by the organisations @p ids (in the order of this network):
    /// those organisations, every relation among them, all layers, and the chains with their
    /// stages restricted to them (empty stages kept, so stage positions stay comparable).
    Network induced(const std::vector<std::string>& ids) const;
    /// A copy holding only the layers @p names (and their relations); organisations and chains
    /// are kept whole.
    Network select_layers(const std::vector<std::string>& names) const;

    // ------------------------------------------------------------------ relation values
    /// Whether @p name is a value relations can carry: one of the four fields (volume,
    /// latency, quality, capacity), known or not, or an attribute at least one relation holds.
    bool has_relation_value(const std::string& name) const;
    /// For messages about a weight no relation carries: "no relation has 'volumes'; relation
    /// fields: volume, latency, quality, capacity; attributes: cost, kind (string)"
    /// (attributes that some relation holds, sorted; a non-numeric one with its type).
    std::string no_relation_has(const std::string& name) const;
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
    friend bool operator==(const Network& a, const Network& b);
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
    std::string duplicate_hint(std::uint32_t l) const;
    std::string label(const RelationColumns& c, std::size_t i) const {
        return orgs_[c.source[i]].id + " -> " + orgs_[c.target[i]].id + ", layer '" +
               layers_[c.layer[i]].name + "'";
    }
    vertex_t end_index(const std::string& id, const std::string& where, const char* end) const;
    std::uint32_t layer_of(const std::string& name, const std::string& where) const;
    static void check_organisation(const Organisation& org, const std::string& where) {
        if (org.id.empty()) throw InputError("organisation ids must not be empty");
        check_attributes(org.attributes, where, {"id", "name", "sector"});
    }
    Chain* find_chain(const std::string& name);
    template <class Keep>
    void keep_relations(Keep keep) {
        Columns out;
        for (std::size_t i = 0; i < rel_.size(); ++i)
            if (keep(i)) out.copy_row(rel_, i, rel_.source[i], rel_.target[i], rel_.layer[i]);
        rel_ = std::move(out);
    }
    void rebuild_relation_index();
    void touch();
    void copy_from(const Network& o);

    std::string name_;
    std::shared_ptr<const nlohmann::ordered_json> metadata_;  // null: the empty object; shared by copies
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
