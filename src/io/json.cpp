// Reading and writing the ketennet JSON document (see include/ketennet/io/json.hpp).
#include "ketennet/io/json.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "file_util.hpp"
#include "json_detail.hpp"

namespace ketennet::io {
namespace {

using json = nlohmann::ordered_json;

/// Context of one document being read: its name, for messages.
struct Reader {
    std::string origin;
    std::size_t json_depth = Limits{}.json_depth;

    [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
        throw InputError(valid_text(origin + ": " + (pointer.empty() ? "/" : pointer) + ": " + what));
    }

    const char* type_of(const json& j) const {
        if (j.is_null()) return "null";
        if (j.is_boolean()) return "boolean";
        if (j.is_number()) return "number";
        if (j.is_string()) return "string";
        if (j.is_array()) return "array";
        return "object";
    }

    void only_keys(const json& obj, const std::string& ptr,
                   std::initializer_list<const char*> allowed) const {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) {
                std::string list;
                for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
                fail(ptr, "unknown key '" + it.key() + "' (allowed: " + list + ")");
            }
        }
    }

    const json& require(const json& obj, const std::string& ptr, const char* key) const {
        auto it = obj.find(key);
        if (it == obj.end()) fail(ptr, std::string("missing required key '") + key + "'");
        return *it;
    }

    void expect_object(const json& j, const std::string& ptr) const {
        if (!j.is_object()) fail(ptr, std::string("expected an object, found ") + type_of(j));
    }
    void expect_array(const json& j, const std::string& ptr) const {
        if (!j.is_array()) fail(ptr, std::string("expected an array, found ") + type_of(j));
    }

    std::string string_at(const json& j, const std::string& ptr) const {
        if (!j.is_string()) fail(ptr, std::string("expected a string, found ") + type_of(j));
        return j.get<std::string>();
    }

    std::string optional_string(const json& obj, const std::string& ptr, const char* key) const {
        auto it = obj.find(key);
        if (it == obj.end()) return {};
        return string_at(*it, ptr + "/" + key);
    }

    std::optional<double> optional_number(const json& obj, const std::string& ptr,
                                          const char* key) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        if (!it->is_number())
            fail(ptr + "/" + key, std::string("expected a number or null, found ") + type_of(*it));
        return it->get<double>();
    }

    Attributes attributes(const json& obj, const std::string& ptr) const {
        Attributes out;
        auto it = obj.find("attributes");
        if (it == obj.end()) return out;
        const std::string aptr = ptr + "/attributes";
        expect_object(*it, aptr);
        for (auto a = it->begin(); a != it->end(); ++a) {
            const std::string p = aptr + "/" + a.key();
            if (a->is_boolean())
                out.emplace(a.key(), a->get<bool>());
            else if (a->is_number())
                out.emplace(a.key(), a->get<double>());
            else if (a->is_string())
                out.emplace(a.key(), a->get<std::string>());
            else
                fail(p, std::string("attribute values must be a string, number or boolean, found ") +
                            type_of(*a) + (a->is_null() ? " (leave the attribute out when unknown)" : ""));
        }
        return out;
    }

    /// Runs f, prefixing any ketennet error without origin with origin and pointer.
    template <class F>
    void at(const std::string& ptr, F&& f) const {
        try {
            f();
        } catch (const UnknownId& e) {
            throw UnknownId(origin + ": " + ptr + ": " + e.what());
        } catch (const ParseError&) {
            throw;
        } catch (const InputError& e) {
            const std::string msg = e.what();
            if (msg.rfind(origin + ": ", 0) == 0) throw;
            throw InputError(origin + ": " + ptr + ": " + msg);
        }
    }

    /// A chain record (name and stages) at pointer p.
    Chain chain_at(const json& c, const std::string& p) const {
        expect_object(c, p);
        only_keys(c, p, {"name", "stages"});
        Chain chain;
        chain.name = string_at(require(c, p, "name"), p + "/name");
        const json& stages = require(c, p, "stages");
        expect_array(stages, p + "/stages");
        for (std::size_t s = 0; s < stages.size(); ++s) {
            const std::string sp = p + "/stages/" + std::to_string(s);
            const json& st = stages[s];
            expect_object(st, sp);
            only_keys(st, sp, {"name", "organisations"});
            Stage stage;
            stage.name = string_at(require(st, sp, "name"), sp + "/name");
            const json& orgs = require(st, sp, "organisations");
            expect_array(orgs, sp + "/organisations");
            for (std::size_t k = 0; k < orgs.size(); ++k)
                stage.organisations.push_back(
                    string_at(orgs[k], sp + "/organisations/" + std::to_string(k)));
            chain.stages.push_back(std::move(stage));
        }
        return chain;
    }

    Network read(const json& doc) const {
        expect_object(doc, "");
        only_keys(doc, "", {"ketennet", "name", "metadata", "layers", "organisations", "relations",
                            "chains"});
        const json& version = require(doc, "", "ketennet");
        if (!version.is_number_integer())
            fail("/ketennet", std::string("the schema version must be an integer, found ") + type_of(version));
        const long long schema = version.get<long long>();
        if (schema < 1 || schema > json_schema_version)
            fail("/ketennet", "unknown schema version " + version.dump() + " (this ketennet reads versions 1 to " +
                                  std::to_string(json_schema_version) + ")");
        Network net(optional_string(doc, "", "name"));
        if (auto it = doc.find("metadata"); it != doc.end()) {
            expect_object(*it, "/metadata");
            net.set_metadata(*it, json_depth);
        }
        if (auto it = doc.find("layers"); it != doc.end()) {
            expect_array(*it, "/layers");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string p = "/layers/" + std::to_string(i);
                const json& l = (*it)[i];
                expect_object(l, p);
                // version 1 has no kinds: they follow default_layer_kind (docs/json-schema.md)
                if (schema >= 2)
                    only_keys(l, p, {"name", "directed", "kind"});
                else
                    only_keys(l, p, {"name", "directed"});
                const std::string name = string_at(require(l, p, "name"), p + "/name");
                bool directed = true;
                if (auto d = l.find("directed"); d != l.end()) {
                    if (!d->is_boolean()) fail(p + "/directed", std::string("expected a boolean, found ") + type_of(*d));
                    directed = d->get<bool>();
                }
                std::optional<LayerKind> kind;
                if (schema >= 2) {
                    const std::string k = string_at(require(l, p, "kind"), p + "/kind");
                    kind = parse_layer_kind(k);
                    if (!kind)
                        fail(p + "/kind", "layer '" + name + "': unknown kind '" + k +
                                              "' (kinds: case, information, tie)");
                }
                at(p, [&] { net.add_layer(name, directed, kind); });
            }
        }
        if (auto it = doc.find("organisations"); it != doc.end()) {
            expect_array(*it, "/organisations");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string p = "/organisations/" + std::to_string(i);
                const json& o = (*it)[i];
                expect_object(o, p);
                only_keys(o, p, {"id", "name", "sector", "attributes"});
                Organisation org;
                org.id = string_at(require(o, p, "id"), p + "/id");
                if (org.id.empty()) fail(p + "/id", "organisation ids must not be empty");
                org.name = optional_string(o, p, "name");
                org.sector = optional_string(o, p, "sector");
                org.attributes = attributes(o, p);
                at(p, [&] { net.add_organisation(std::move(org)); });
            }
        }
        if (auto it = doc.find("relations"); it != doc.end()) {
            expect_array(*it, "/relations");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string p = "/relations/" + std::to_string(i);
                const json& r = (*it)[i];
                expect_object(r, p);
                only_keys(r, p, {"source", "target", "layer", "volume", "latency", "quality",
                                 "capacity", "attributes"});
                Relation rel;
                rel.source = string_at(require(r, p, "source"), p + "/source");
                rel.target = string_at(require(r, p, "target"), p + "/target");
                rel.layer = string_at(require(r, p, "layer"), p + "/layer");
                for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
                    rel.get(f) = optional_number(r, p, field_name(f));
                    if (rel.get(f)) {
                        const std::string fp = p + "/" + field_name(f);
                        at(fp, [&] { check_field(f, *rel.get(f), "relation " + rel.label()); });
                    }
                }
                rel.attributes = attributes(r, p);
                at(p, [&] { net.add_relation(rel); });
            }
        }
        if (auto it = doc.find("chains"); it != doc.end()) {
            expect_array(*it, "/chains");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string p = "/chains/" + std::to_string(i);
                const json& c = (*it)[i];
                Chain chain = chain_at(c, p);
                at(p, [&] { net.add_chain(std::move(chain)); });
            }
        }
        return net;
    }
};

/// A number as JSON: integral values within 2^53 as integers (168800, not 168800.0).
json number(double x) {
    if (std::floor(x) == x && std::fabs(x) < 9007199254740992.0) return json(static_cast<long long>(x));
    return json(x);
}

json attributes_json(const Attributes& attrs) {
    json out = json::object();
    for (const auto& [k, v] : attrs) {
        if (const bool* b = std::get_if<bool>(&v))
            out[k] = *b;
        else if (const double* d = std::get_if<double>(&v))
            out[k] = number(*d);
        else
            out[k] = std::get<std::string>(v);
    }
    return out;
}

/// Line and column (1-based) of a byte offset in text.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return {line, col};
}


/// Builds the document from nlohmann's SAX events, checking what json::parse does not: the
/// nesting depth (before a level too many is built, so a deep document costs nothing) and
/// keys given twice in one object. The parser reports syntax errors and number overflow
/// (1e309) through parse_error, with the byte position.
class StrictSax final : public nlohmann::json_sax<json> {
public:
    StrictSax(json& root, const std::string& text, const std::string& origin, std::size_t max_depth)
        : root_(root), text_(text), origin_(origin), max_depth_(max_depth) {}

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool v) override { return put(json(v)); }
    bool number_integer(number_integer_t v) override { return put(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(json(v)); }
    bool string(string_t& v) override { return put(json(std::move(v))); }
    bool binary(binary_t&) override { return true; }  // not in JSON text
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        Frame& f = stack_.back();
        if (!f.keys.insert(k).second)
            throw InputError(valid_text(origin_ + ": " + pointer(stack_.size()) + ": duplicate key '" + k +
                                        "' (a key may appear once in an object)"));
        f.key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        auto [line, col] = line_column(text_, position > 0 ? position - 1 : 0);
        std::string what = e.what();
        if (e.id == 406) {  // out_of_range.406: number overflow parsing '1e309'
            what = "number out of range: " + what.substr(what.find("number overflow parsing ") + 24) +
                   " (JSON numbers must be finite: at most about 1.8e308)";
            throw ParseError(origin_, line, col, what);
        }
        // strip nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: "
        if (auto pos = what.find(": "); pos != std::string::npos) what = what.substr(pos + 2);
        throw ParseError(origin_, line, col, "malformed JSON: " + what);
    }

private:
    struct Frame {
        json* value;
        std::string token;                    // place in the parent (key or index), for pointers
        std::string key;                      // the current key, in an object
        std::unordered_set<std::string> keys; // the keys seen, in an object
    };

    /// JSON pointer of the first n frames below the root.
    std::string pointer(std::size_t n) const {
        std::string p;
        for (std::size_t i = 1; i < n && i < stack_.size(); ++i) {
            p += '/';
            for (char c : stack_[i].token) {
                if (c == '~') p += "~0";
                else if (c == '/') p += "~1";
                else p += c;
            }
        }
        return p.empty() ? "/" : p;
    }

    /// Where the next value goes, and the token naming it in its parent.
    json* place(json&& v, std::string& token) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame& f = stack_.back();
        if (f.value->is_array()) {
            token = std::to_string(f.value->size());
            f.value->push_back(std::move(v));
            return &f.value->back();
        }
        token = f.key;
        json& slot = (*f.value)[f.key];
        slot = std::move(v);
        return &slot;
    }

    bool put(json&& v) {
        std::string token;
        place(std::move(v), token);
        return true;
    }

    bool open(json&& v) {
        if (stack_.size() + 1 > max_depth_) {
            std::string token;
            if (stack_.size() == 1) token = stack_[0].value->is_array() ? std::to_string(stack_[0].value->size())
                                                                         : stack_[0].key;
            const std::string where = stack_.size() >= 2 ? pointer(2) : stack_.empty() ? "/" : "/" + token;
            throw InputError(valid_text(origin_ + ": " + where + ": nesting deeper than " +
                                        std::to_string(max_depth_) +
                                        " levels (limit: json_depth of ketennet::io::Limits; in Python "
                                        "ketennet.io.set_limits(json_depth=...))"));
        }
        std::string token;
        json* value = place(std::move(v), token);
        stack_.push_back(Frame{value, std::move(token), {}, {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    json& root_;
    const std::string& text_;
    const std::string& origin_;
    std::size_t max_depth_;
    std::vector<Frame> stack_;
};

}  // namespace

namespace detail {

json parse_json(const std::string& text, const std::string& origin, const Limits& limits) {
    check_input_size(text.size(), limits, origin);
    const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 1; };
    if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF) ||
        (!text.empty() && (byte(0) == 0 || byte(1) == 0)))
        throw ParseError(origin, 1, 1,
                         "the text is UTF-16 or UTF-32, not UTF-8; JSON files must be UTF-8 "
                         "(convert it, e.g. with iconv -f UTF-16 -t UTF-8)");
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        auto [line, col] = line_column(text, nul);
        throw ParseError(origin, line, col,
                         "malformed JSON: a NUL byte (JSON text cannot hold one; what follows "
                         "it would be lost)");
    }
    json doc;
    try {
        StrictSax sax(doc, text, origin, limits.json_depth);
        json::sax_parse(text, &sax);
    } catch (const Error&) {
        throw;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(valid_text(origin + ": malformed JSON: " + e.what()));
    }
    return doc;
}

std::vector<Chain> read_chains(const json& chains, const std::string& origin) {
    Reader r{origin};
    r.expect_array(chains, "/chains");
    std::vector<Chain> out;
    for (std::size_t i = 0; i < chains.size(); ++i)
        out.push_back(r.chain_at(chains[i], "/chains/" + std::to_string(i)));
    return out;
}

}  // namespace detail

Network read_json_string(const std::string& text, const std::string& origin, const Limits& limits) {
    const json doc = detail::parse_json(text, origin, limits);
    try {
        return Reader{origin, limits.json_depth}.read(doc);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(valid_text(origin + ": " + e.what()));
    }
}

Network read_json(const std::string& path, const Limits& limits) {
    return read_json_string(detail::read_text_file(path, limits), valid_text(path), limits);
}

std::string write_json_string(const Network& net, int indent) {
    json doc = json::object();
    doc["ketennet"] = json_schema_version;
    doc["name"] = net.name();
    doc["metadata"] = net.metadata();
    doc["layers"] = detail::layers_json<json>(net);
    json orgs = json::array();
    for (const auto& o : net.organisations()) {
        json j = json::object();
        j["id"] = o.id;
        j["name"] = o.name;
        j["sector"] = o.sector;
        j["attributes"] = attributes_json(o.attributes);
        orgs.push_back(std::move(j));
    }
    doc["organisations"] = std::move(orgs);
    json rels = json::array();
    const auto& o = net.organisations();
    const auto& ls = net.layers();
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        json j = json::object();
        j["source"] = o[net.relation_source(i)].id;
        j["target"] = o[net.relation_target(i)].id;
        j["layer"] = ls[net.relation_layer(i)].name;
        for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
            const double x = net.relation_field(i, f);
            j[field_name(f)] = std::isnan(x) ? json(nullptr) : number(x);
        }
        j["attributes"] = attributes_json(net.relation_attributes(i));
        rels.push_back(std::move(j));
    }
    doc["relations"] = std::move(rels);
    doc["chains"] = detail::chains_json<json>(net);
    try {
        return indent < 0 ? doc.dump() : doc.dump(indent);
    } catch (const nlohmann::json::type_error& e) {
        // 316: a string that is not valid UTF-8 (possible from C++ callers only)
        throw InputError(std::string("cannot write JSON: a name, id or attribute is not valid UTF-8 (") +
                         e.what() + ")");
    }
}

void write_json(const Network& net, const std::string& path, int indent) {
    detail::write_text_file(path, write_json_string(net, indent) + "\n");
}

}  // namespace ketennet::io
