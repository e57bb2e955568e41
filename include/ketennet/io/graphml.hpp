#pragma once
/// @file graphml.hpp
/// @brief GraphML (http://graphml.graphdrawing.org/) read and write, attributes kept.
///
/// Writing: organisations are nodes (id; data keys `name`, `sector` and one key per
/// attribute), relations are edges (data keys `layer`, `volume`, `latency`, `quality`,
/// `capacity` and one per attribute; `directed="false"` on edges of undirected layers when
/// the graph's edgedefault is directed). The network's name, metadata, layers and chains go
/// in one graph-level data key `ketennet` holding JSON, so ketennet -> GraphML -> ketennet is
/// exact. Each attribute name must have one type across records (GraphML keys are typed).
///
/// Reading accepts GraphML from other tools (NetworkX, igraph, Gephi, yEd): node data
/// `name` and `sector` become those fields, other data become typed attributes (int and
/// long as numbers); edge data `layer` names the layer (else the `layer` argument), the
/// numeric data `volume`, `latency`, `quality`, `capacity` the standard fields; layers are
/// created on first use, directed as the edge (its `directed` attribute or the graph's
/// edgedefault). Key defaults (`<default>`) apply. Edge ids, nested graphs, hyperedges and
/// ports are not supported (edge ids are ignored; the others are errors). Errors name the
/// file, line and element.
///
/// Hostile input: every string must be valid UTF-8 (after the encoding the XML declaration
/// names), a character reference to U+0000 (`&#0;`) or a NUL byte is an error, numbers are
/// decimal (xs:double: no hexadecimal, no `infinity`), the `ketennet` datum is read as
/// JSON under the same rules and Limits::json_depth as read_json, and input larger than
/// Limits::max_input_bytes is refused (limits.hpp). Writing is atomic, as for JSON.
#include <string>

#include "ketennet/io/limits.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::io {

/// Reads a network from a GraphML file; relations without a `layer` datum go to @p layer.
Network read_graphml(const std::string& path, const std::string& layer = "default",
                     const Limits& limits = {});

/// Reads a network from GraphML text; @p origin names the text in messages.
Network read_graphml_string(const std::string& text, const std::string& origin = "<string>",
                            const std::string& layer = "default", const Limits& limits = {});

/// Writes a network as GraphML.
void write_graphml(const Network& net, const std::string& path);

/// The GraphML text of a network.
std::string write_graphml_string(const Network& net);

}  // namespace ketennet::io
