// GraphML reading and writing with pugixml (see include/ketennet/io/graphml.hpp).
#include "ketennet/io/graphml.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "file_util.hpp"
#include "json_detail.hpp"
#include "ketennet/io/json.hpp"

namespace ketennet::io {
namespace {

using ojson = nlohmann::ordered_json;

constexpr const char* kNamespace = "http://graphml.graphdrawing.org/xmlns";

// ----------------------------------------------------------------------------- writing

const char* graphml_type(const AttributeValue& v) {
    switch (v.index()) {
        case 0: return "boolean";
        case 1: return "double";
        default: return "string";
    }
}

/// True for a number as xs:double writes it: decimal digits with an optional sign, point
/// and exponent, or INF, -INF, NaN (no hexadecimal, no "infinity", no digit separators).
bool is_xs_double(const std::string& s) {
    if (s == "INF" || s == "-INF" || s == "+INF" || s == "NaN") return true;
    std::size_t i = 0, digits = 0;
    auto run = [&] {
        std::size_t n = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++n;
        return n;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    digits += run();
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits += run();
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (run() == 0) return false;
    }
    return i == s.size();
}

std::string format_double(double x) {
    std::ostringstream os;
    os.precision(17);
    os << x;
    return os.str();
}

/// XML 1.0 cannot hold control characters other than tab, LF and CR, not even escaped.
void check_xml_text(const std::string& text, const std::string& what) {
    for (unsigned char c : text)
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            throw InputError("cannot write GraphML: " + what + " contains the control character U+00" +
                             std::string(1, "0123456789ABCDEF"[c >> 4]) +
                             std::string(1, "0123456789ABCDEF"[c & 15]) +
                             ", which XML 1.0 cannot represent");
}

std::string value_text(const AttributeValue& v) {
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const double* d = std::get_if<double>(&v)) return format_double(*d);
    return std::get<std::string>(v);
}

/// Collects attribute names and their single GraphML type; InputError on a type clash.
void collect_keys(const Attributes& attrs, const std::string& record,
                  std::map<std::string, std::pair<const char*, std::string>>& keys) {
    for (const auto& [k, v] : attrs) {
        const char* t = graphml_type(v);
        auto [it, fresh] = keys.emplace(k, std::make_pair(t, record));
        if (!fresh && std::string(it->second.first) != t)
            throw InputError("cannot write GraphML: attribute '" + k + "' is " +
                             attribute_type_name(v) + " in " + record + " but " +
                             (std::string(it->second.first) == "double"    ? "number"
                              : std::string(it->second.first) == "boolean" ? "bool"
                                                                           : "string") +
                             " in " + it->second.second +
                             "; a GraphML key has one type");
    }
}

}  // namespace

std::string write_graphml_string(const Network& net) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto root = doc.append_child("graphml");
    root.append_attribute("xmlns") = kNamespace;
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_attribute("xsi:schemaLocation") =
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    auto add_key = [&](const std::string& id, const char* for_, const std::string& name,
                       const char* type) {
        auto k = root.append_child("key");
        k.append_attribute("id") = id.c_str();
        k.append_attribute("for") = for_;
        k.append_attribute("attr.name") = name.c_str();
        k.append_attribute("attr.type") = type;
    };
    std::map<std::string, std::pair<const char*, std::string>> node_keys, edge_keys;
    for (const auto& o : net.organisations())
        collect_keys(o.attributes, "organisation '" + o.id + "'", node_keys);
    for (std::size_t i = 0; i < net.relation_count(); ++i)
        collect_keys(net.relation_attributes(i), "relation " + net.relation(i).label(), edge_keys);

    add_key("ketennet", "graph", "ketennet", "string");
    add_key("name", "node", "name", "string");
    add_key("sector", "node", "sector", "string");
    std::map<std::string, std::string> node_key_id, edge_key_id;
    std::size_t k = 0;
    for (const auto& [name, t] : node_keys) {
        node_key_id[name] = "n" + std::to_string(k++);
        add_key(node_key_id[name], "node", name, t.first);
    }
    add_key("layer", "edge", "layer", "string");
    for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity})
        add_key(field_name(f), "edge", field_name(f), "double");
    k = 0;
    for (const auto& [name, t] : edge_keys) {
        edge_key_id[name] = "e" + std::to_string(k++);
        add_key(edge_key_id[name], "edge", name, t.first);
    }

    bool any_directed = net.layers().empty();
    for (const auto& l : net.layers()) any_directed = any_directed || l.directed;
    auto graph = root.append_child("graph");
    graph.append_attribute("id") = net.name().empty() ? "G" : net.name().c_str();
    graph.append_attribute("edgedefault") = any_directed ? "directed" : "undirected";

    ojson meta = ojson::object();
    meta["version"] = json_schema_version;
    meta["name"] = net.name();
    meta["metadata"] = net.metadata();
    meta["layers"] = detail::layers_json<ojson>(net);
    meta["chains"] = detail::chains_json<ojson>(net);
    auto gd = graph.append_child("data");
    gd.append_attribute("key") = "ketennet";
    gd.text().set(meta.dump().c_str());

    auto data = [](pugi::xml_node parent, const std::string& key, const std::string& text) {
        auto d = parent.append_child("data");
        d.append_attribute("key") = key.c_str();
        d.text().set(text.c_str());
    };
    check_xml_text(net.name(), "the network name");
    for (const auto& l : net.layers()) check_xml_text(l.name, "layer '" + l.name + "'");
    for (const auto& o : net.organisations()) {
        const std::string rec = "organisation '" + o.id + "'";
        check_xml_text(o.id, rec + " (id)");
        check_xml_text(o.name, rec + " (name)");
        check_xml_text(o.sector, rec + " (sector)");
        for (const auto& [name, v] : o.attributes) {
            check_xml_text(name, rec + " (an attribute name)");
            if (auto* str = std::get_if<std::string>(&v)) check_xml_text(*str, rec + " (attribute '" + name + "')");
        }
    }
    for (std::size_t i = 0; i < net.relation_count(); ++i)
        for (const auto& [name, v] : net.relation_attributes(i)) {
            const std::string rec = "relation " + net.relation(i).label();
            check_xml_text(name, rec + " (an attribute name)");
            if (auto* str = std::get_if<std::string>(&v)) check_xml_text(*str, rec + " (attribute '" + name + "')");
        }
    for (const auto& o : net.organisations()) {
        auto node = graph.append_child("node");
        node.append_attribute("id") = o.id.c_str();
        data(node, "name", o.name);
        data(node, "sector", o.sector);
        for (const auto& [name, v] : o.attributes) data(node, node_key_id[name], value_text(v));
    }
    const auto& orgs = net.organisations();
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        auto edge = graph.append_child("edge");
        edge.append_attribute("source") = orgs[net.relation_source(i)].id.c_str();
        edge.append_attribute("target") = orgs[net.relation_target(i)].id.c_str();
        const Layer& l = net.layers()[net.relation_layer(i)];
        if (any_directed && !l.directed) edge.append_attribute("directed") = "false";
        data(edge, "layer", l.name);
        for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
            const double x = net.relation_field(i, f);
            if (!std::isnan(x)) data(edge, field_name(f), format_double(x));
        }
        for (const auto& [name, v] : net.relation_attributes(i)) data(edge, edge_key_id[name], value_text(v));
    }
    std::ostringstream os;
    doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
    // pugixml writes a carriage return in content raw, and XML parsers turn it into a line
    // feed; the writer's own line ends are "\n", so every "\r" here is content: escape it.
    std::string out = os.str();
    std::string escaped;
    escaped.reserve(out.size());
    for (char c : out) {
        if (c == '\r') escaped += "&#13;";
        else escaped += c;
    }
    return escaped;
}

void write_graphml(const Network& net, const std::string& path) {
    detail::check_path(path);
    detail::write_text_file(path, write_graphml_string(net));
}

// ----------------------------------------------------------------------------- reading

namespace {

struct Key {
    std::string for_;   // node, edge, graph, all
    std::string name;   // attr.name
    std::string type;   // boolean, int, long, float, double, string
    std::optional<std::string> default_value;
};

struct GraphmlReader {
    const std::string& text;
    const std::string& origin;
    const Limits& limits;
    std::vector<std::size_t> line_starts;

    GraphmlReader(const std::string& t, const std::string& o, const Limits& l) : text(t), origin(o), limits(l) {
        line_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts.push_back(i + 1);
    }

    std::pair<std::size_t, std::size_t> position(std::ptrdiff_t offset) const {
        if (offset < 0) return {0, 0};
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), std::size_t(offset));
        const std::size_t line = std::size_t(it - line_starts.begin());
        return {line, std::size_t(offset) - line_starts[line - 1] + 1};
    }

    [[noreturn]] void fail(pugi::xml_node at, const std::string& what) const {
        auto [line, col] = position(at ? at.offset_debug() : -1);
        throw ParseError(origin, line, col, what);
    }

    /// Converts a datum to an attribute value of the key's type.
    AttributeValue convert(pugi::xml_node at, const Key& key, const std::string& raw) const {
        const std::string where = "data '" + key.name + "'";
        if (key.type == "string" || key.type.empty()) return raw;
        std::string s = raw;
        s.erase(0, s.find_first_not_of(" \t\r\n"));
        s.erase(s.find_last_not_of(" \t\r\n") + 1);
        if (key.type == "boolean") {
            std::string l;
            for (char c : s) l += char(std::tolower(static_cast<unsigned char>(c)));
            if (l == "true" || l == "1") return true;
            if (l == "false" || l == "0") return false;
            fail(at, where + ": '" + raw + "' is not a boolean (true or false)");
        }
        if (key.type == "int" || key.type == "long" || key.type == "float" || key.type == "double") {
            char* end = nullptr;
            errno = 0;
            if (!is_xs_double(s))
                fail(at, where + ": '" + raw + "' is not a number (" + key.type +
                             "; GraphML numbers are decimal, as xs:double)");
            const double x = std::strtod(s.c_str(), &end);
            if (s.empty() || *end != '\0') fail(at, where + ": '" + raw + "' is not a number (" + key.type + ")");
            if (!std::isfinite(x))
                fail(at, where + ": '" + raw + "' is not finite; leave the datum out when unknown");
            if ((key.type == "int" || key.type == "long") && std::floor(x) != x)
                fail(at, where + ": '" + raw + "' is not an integer (" + key.type + ")");
            return x;
        }
        fail(at, "key '" + key.name + "' has unsupported attr.type '" + key.type + "'");
    }

    /// NUL: a byte (in UTF-8 text) or a character reference &#0; would silently cut the
    /// string that holds it; XML 1.0 allows neither.
    void check_nul() const {
        const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 1; };
        const bool wide = (byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF) ||
                          (!text.empty() && (byte(0) == 0 || byte(1) == 0));
        if (!wide)
            if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
                auto [line, col] = position(std::ptrdiff_t(nul));
                throw ParseError(origin, line, col, "malformed XML: a NUL byte, which XML cannot hold");
            }
        for (std::size_t at = text.find("&#"); at != std::string::npos; at = text.find("&#", at + 2)) {
            std::size_t i = at + 2;
            const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
            if (hex) ++i;
            std::size_t digits = 0;
            bool zero = true;
            for (; i < text.size() && std::isxdigit(static_cast<unsigned char>(text[i])); ++i, ++digits)
                zero = zero && text[i] == '0';
            if (digits > 0 && zero && i < text.size() && text[i] == ';') {
                auto [line, col] = position(std::ptrdiff_t(at));
                throw ParseError(origin, line, col,
                                 "malformed XML: the character reference " + text.substr(at, i + 1 - at) +
                                     " (U+0000) is not allowed in XML");
            }
        }
    }

    /// Every name, attribute and text must be valid UTF-8 (pugixml does not check).
    void check_utf8(const pugi::xml_document& doc) const {
        auto check = [&](pugi::xml_node at, const char* s, const std::string& what) {
            const std::string v = s;
            if (invalid_utf8_at(v) != std::string::npos)
                fail(at, what + " is not valid UTF-8: '" + valid_text(v) + "'");
        };
        for (pugi::xml_node n = doc.first_child(); n;) {
            const pugi::xml_node element = n.type() == pugi::node_element ? n : n.parent();
            if (n.type() == pugi::node_element) {
                check(n, n.name(), "an element name");
                for (auto a : n.attributes()) {
                    check(n, a.name(), std::string("an attribute name of <") + n.name() + ">");
                    check(n, a.value(), std::string("attribute ") + a.name() + " of <" + n.name() + ">");
                }
            } else {
                check(element, n.value(), std::string("the text of <") + element.name() + ">");
            }
            if (n.first_child()) {
                n = n.first_child();
                continue;
            }
            while (n && n != doc && !n.next_sibling()) n = n.parent();
            if (!n || n == doc) break;
            n = n.next_sibling();
        }
    }

    Network read(const std::string& default_layer) {
        detail::check_input_size(text.size(), limits, origin);
        check_nul();
        pugi::xml_document doc;
        pugi::xml_parse_result res = doc.load_buffer(text.data(), text.size(),
                                                     pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!res) {
            auto [line, col] = position(res.offset);
            throw ParseError(origin, line, col, std::string("malformed XML: ") + res.description());
        }
        check_utf8(doc);
        pugi::xml_node root = doc.child("graphml");
        if (!root) fail(doc.first_child(), "not a GraphML document (no <graphml> root element)");
        std::map<std::string, Key> keys;
        for (auto k : root.children("key")) {
            Key key;
            const std::string id = k.attribute("id").value();
            if (id.empty()) fail(k, "<key> without an id");
            key.for_ = k.attribute("for") ? k.attribute("for").value() : "all";
            key.name = k.attribute("attr.name") ? k.attribute("attr.name").value() : id;
            key.type = k.attribute("attr.type") ? k.attribute("attr.type").value() : "string";
            if (auto d = k.child("default")) key.default_value = d.text().get();
            if (!keys.emplace(id, key).second) fail(k, "duplicate key id '" + id + "'");
        }
        auto graphs = root.children("graph");
        pugi::xml_node graph = root.child("graph");
        if (!graph) fail(root, "no <graph> element");
        if (std::distance(graphs.begin(), graphs.end()) > 1)
            fail(graph.next_sibling("graph"), "more than one <graph> element is not supported");
        const std::string edgedefault = graph.attribute("edgedefault").value();
        if (edgedefault != "directed" && edgedefault != "undirected")
            fail(graph, "<graph> needs edgedefault=\"directed\" or \"undirected\"");
        const bool default_directed = edgedefault == "directed";

        Network net;
        std::vector<Chain> chains;
        // graph data: the ketennet block, or ignored foreign keys kept as metadata
        ojson foreign = ojson::object();
        for (auto d : graph.children("data")) {
            const std::string kid = d.attribute("key").value();
            auto it = keys.find(kid);
            if (it == keys.end()) fail(d, "data refers to undeclared key '" + kid + "'");
            if (it->second.name == "ketennet") {
                ojson meta;
                try {
                    meta = detail::parse_json(d.text().get(), "graph datum 'ketennet'", limits);
                } catch (const ParseError& e) {
                    fail(d, "graph datum 'ketennet' is not valid JSON: at " + std::to_string(e.line()) + ":" +
                                std::to_string(e.column()) + " of the datum: " +
                                std::string(e.what()).substr(e.file().size() + std::to_string(e.line()).size() +
                                                             std::to_string(e.column()).size() + 4));
                } catch (const InputError& e) {
                    fail(d, e.what());
                }
                // reuse the JSON reader for the structure: build a document without records
                ojson j = ojson::object();
                if (!meta.is_object() || !meta.contains("version"))
                    fail(d, "the ketennet graph datum lacks its version");
                j["ketennet"] = meta["version"];
                for (const char* key : {"name", "metadata", "layers"})
                    if (meta.contains(key)) j[key] = meta[key];
                try {
                    net = read_json_string(j.dump(), origin + " (graph datum 'ketennet')", limits);
                } catch (const InputError& e) {
                    fail(d, e.what());
                }
                if (meta.contains("chains")) {
                    try {
                        chains_ = detail::read_chains(meta["chains"], "graph datum 'ketennet'");
                    } catch (const InputError& e) {
                        fail(d, e.what());
                    }
                    chain_node_ = d;
                }
            } else {
                const std::string raw = d.text().get();
                AttributeValue v = convert(d, it->second, raw);
                if (const bool* b = std::get_if<bool>(&v)) foreign[it->second.name] = *b;
                else if (const double* x = std::get_if<double>(&v)) foreign[it->second.name] = *x;
                else foreign[it->second.name] = std::get<std::string>(v);
            }
        }
        if (!foreign.empty()) {
            ojson md = net.metadata();
            md["graphml"] = foreign;
            net.set_metadata(md);
        }
        if (net.name().empty() && graph.attribute("id")) {
            const std::string gid = graph.attribute("id").value();
            if (gid != "G") net.set_name(gid);
        }

        auto defaults_for = [&](const char* what) {
            std::vector<std::pair<std::string, const Key*>> out;
            for (const auto& [id, k] : keys)
                if ((k.for_ == what || k.for_ == "all") && k.default_value) out.emplace_back(id, &k);
            return out;
        };
        const auto node_defaults = defaults_for("node");
        const auto edge_defaults = defaults_for("edge");

        for (auto child : graph.children()) {
            const std::string tag = child.name();
            if (tag == "hyperedge") fail(child, "hyperedges are not supported");
            if (tag != "node") continue;
            Organisation org;
            org.id = child.attribute("id").value();
            if (org.id.empty()) fail(child, "<node> without an id");
            if (child.child("graph")) fail(child, "nested graphs are not supported");
            if (child.child("port")) fail(child, "ports are not supported");
            std::map<std::string, std::pair<pugi::xml_node, std::string>> values;
            for (auto& [id, k] : node_defaults) values[id] = {child, *k->default_value};
            for (auto d : child.children("data")) values[d.attribute("key").value()] = {d, d.text().get()};
            for (auto& [kid, nv] : values) {
                auto it = keys.find(kid);
                if (it == keys.end()) fail(nv.first, "data refers to undeclared key '" + kid + "'");
                const Key& key = it->second;
                if (key.for_ != "node" && key.for_ != "all")
                    fail(nv.first, "key '" + kid + "' is declared for " + key.for_ + ", used on a node");
                if (key.name == "name" || key.name == "sector") {
                    std::string& field = key.name == "name" ? org.name : org.sector;
                    field = nv.second;
                } else {
                    org.attributes[key.name] = convert(nv.first, key, nv.second);
                }
            }
            try {
                net.add_organisation(std::move(org));
            } catch (const UnknownId& e) {
                auto [line, col] = position(child.offset_debug());
                throw UnknownId(origin + ":" + std::to_string(line) + ":" + std::to_string(col) + ": node: " + e.what());
            } catch (const Error& e) {
                fail(child, std::string("node: ") + e.what());
            }
        }
        for (auto edge : graph.children("edge")) {
            Relation rel;
            rel.source = edge.attribute("source").value();
            rel.target = edge.attribute("target").value();
            if (edge.attribute("sourceport") || edge.attribute("targetport"))
                fail(edge, "ports are not supported");
            bool directed = default_directed;
            if (auto a = edge.attribute("directed")) {
                const std::string v = a.value();
                if (v != "true" && v != "false") fail(edge, "edge attribute directed must be true or false");
                directed = v == "true";
            }
            std::map<std::string, std::pair<pugi::xml_node, std::string>> values;
            for (auto& [id, k] : edge_defaults) values[id] = {edge, *k->default_value};
            for (auto d : edge.children("data")) values[d.attribute("key").value()] = {d, d.text().get()};
            rel.layer = default_layer;
            for (auto& [kid, nv] : values) {
                auto it = keys.find(kid);
                if (it == keys.end()) fail(nv.first, "data refers to undeclared key '" + kid + "'");
                const Key& key = it->second;
                if (key.for_ != "edge" && key.for_ != "all")
                    fail(nv.first, "key '" + kid + "' is declared for " + key.for_ + ", used on an edge");
                if (key.name == "layer") {
                    rel.layer = nv.second;
                    continue;
                }
                bool is_field = false;
                for (Field f : {Field::volume, Field::latency, Field::quality, Field::capacity}) {
                    if (key.name != field_name(f)) continue;
                    is_field = true;
                    AttributeValue v = convert(nv.first, key, nv.second);
                    const double* x = std::get_if<double>(&v);
                    if (!x) fail(nv.first, std::string("data '") + field_name(f) + "' must be numeric (attr.type double)");
                    rel.get(f) = *x;
                }
                if (!is_field) rel.attributes[key.name] = convert(nv.first, key, nv.second);
            }
            try {
                if (!net.has_layer(rel.layer)) net.add_layer(rel.layer, directed);
                if (net.layer(rel.layer).directed != directed)
                    fail(edge, "edge " + rel.label() + " is " + (directed ? "directed" : "undirected") +
                                   " but layer '" + rel.layer + "' is " +
                                   (directed ? "undirected" : "directed"));
                net.add_relation(rel);
            } catch (const ParseError&) {
                throw;
            } catch (const UnknownId& e) {
                auto [line, col] = position(edge.offset_debug());
                throw UnknownId(origin + ":" + std::to_string(line) + ":" + std::to_string(col) + ": edge: " + e.what());
            } catch (const Error& e) {
                fail(edge, std::string("edge: ") + e.what());
            }
        }
        {
            for (std::size_t i = 0; i < chains_.size(); ++i) {
                try {
                    net.add_chain(std::move(chains_[i]));
                } catch (const UnknownId& e) {
                    auto [line, col] = position(chain_node_.offset_debug());
                    throw UnknownId(origin + ":" + std::to_string(line) + ":" + std::to_string(col) + ": chain " +
                                    std::to_string(i) + ": " + e.what());
                } catch (const Error& e) {
                    fail(chain_node_, "chain " + std::to_string(i) + ": " + e.what());
                } catch (const std::exception& e) {
                    fail(chain_node_, "chain " + std::to_string(i) + " is malformed: " + e.what());
                }
            }
        }
        return net;
    }

    std::vector<Chain> chains_;
    pugi::xml_node chain_node_;
};

}  // namespace

Network read_graphml_string(const std::string& text, const std::string& origin,
                            const std::string& layer, const Limits& limits) {
    GraphmlReader r(text, origin, limits);
    try {
        return r.read(layer);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(valid_text(origin + ": " + e.what()));
    }
}

Network read_graphml(const std::string& path, const std::string& layer, const Limits& limits) {
    const std::string text = detail::read_text_file(path, limits);
    return read_graphml_string(text, valid_text(path), layer, limits);
}

}  // namespace ketennet::io
