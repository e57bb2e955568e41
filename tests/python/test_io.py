"""Reading and writing networks: JSON, GraphML (also with NetworkX), pandas, NetworkX, igraph."""
from __future__ import annotations

import json
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import _core


# ----------------------------------------------------------------------------- fixtures

def rich_network() -> kn.Network:
    """Every feature the documents hold: attributes of each type, a layer without relations,
    directed and undirected layers, a self-loop, chains (with an empty stage), metadata."""
    n = kn.Network("strafrecht Ü-test")
    n.metadata = {"sources": ["OM jaarbericht 2022", "C&R 2018"], "year": 2022,
                  "nested": {"share": 0.1, "ok": True, "none": None, "list": [1, "two", 3.5]},
                  "description": "é€ <tag> & \"quotes\""}
    n.add_layer("case", directed=True)
    n.add_layer("collaboration", directed=False)
    n.add_layer("it", directed=True)  # no relations
    n.add_organisation("politie", name="Nationale Politie", sector="politie", fte=65000,
                       regional=True, note="zsm & <ketens>", ratio=1 / 3)
    n.add_organisation("om", name="Openbaar Ministerie", sector="om", fte=5000.5,
                       regional=False, note="Den Haag", ratio=-2.5e-300)
    n.add_organisation("rechtspraak", name="De Rechtspraak", sector="rechtspraak", fte=1e20)
    n.add_organisation("cjib", name="", sector="")
    n.add_organisation("id met spatie & é", name="Ünïcode", sector="gemeente", note="")
    n.add_relation("politie", "om", "case", volume=168800, latency=30.25, quality=0.9,
                   capacity=200000, reference="OM 2022", published=True, weight=0.1 + 0.2)
    n.add_relation("om", "rechtspraak", "case", volume=94000, quality=0.0, published=False)
    n.add_relation("om", "cjib", "case", latency=0, reference="C&R 2018")
    n.add_relation("om", "om", "case", volume=1)  # self-loop
    n.add_relation("om", "politie", "collaboration", quality=1.0, reference="ZSM")
    n.add_relation("id met spatie & é", "cjib", "collaboration")
    n.add_chain("strafrechtketen", {"opsporing": ["politie"], "vervolging": ["om"],
                                    "berechting": ["rechtspraak"], "tenuitvoerlegging": []})
    n.add_chain("boetes", [("inning", ["cjib", "om"])])
    return n


def content(net: kn.Network):
    """Everything but record order: organisations, layers, chains, name, metadata and the
    relations as a set (an undirected relation's ends unordered)."""
    rels = []
    for r in net.relations.to_dict("records"):
        ends = (r["source"], r["target"])
        if not net.layers[r["layer"]].directed:
            ends = tuple(sorted(ends))
        vals = tuple(sorted((k, None if (isinstance(v, float) and math.isnan(v)) or v is pd.NA else v)
                            for k, v in r.items() if k not in ("source", "target")))
        rels.append((ends, vals))
    orgs = sorted((i, repr(net.organisation(i))) for i in net.ids)
    return (net.name, net.metadata, net.layers, {c: net.chain(c) for c in net.chains}, orgs,
            sorted(rels, key=repr))


def assert_round_trip(back: kn.Network, net: kn.Network):
    """Same content first (the informative failure), then exact equality (record order too),
    which from_networkx documents for graphs made by to_networkx."""
    assert content(back) == content(net)
    assert back.ids == net.ids
    assert back == net, ("same content, but relation order or the stored end order of "
                         "undirected relations changed")


@pytest.fixture
def rich() -> kn.Network:
    return rich_network()


def write_text(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ----------------------------------------------------------------------------- JSON

def test_json_round_trip(rich, tmp_path):
    p = tmp_path / "net.json"
    kn.write_json(rich, p)
    back = kn.read_json(p)
    assert back == rich
    assert back.metadata == rich.metadata and list(back.metadata) == list(rich.metadata)
    assert {k: l.directed for k, l in back.layers.items()} == {"case": True, "collaboration": False, "it": True}
    assert back.chain("strafrechtketen")["tenuitvoerlegging"] == []
    assert back.organisation("politie")["attributes"]["ratio"] == 1 / 3
    assert back.relation("politie", "om", "case")["attributes"]["weight"] == 0.1 + 0.2
    # text stable
    p2 = tmp_path / "again.json"
    kn.write_json(back, p2)
    assert p2.read_text(encoding="utf-8") == p.read_text(encoding="utf-8")


def test_json_text(rich, tmp_path):
    p = tmp_path / "net.json"
    kn.write_json(rich, str(p))
    text = p.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert list(doc) == ["ketennet", "name", "metadata", "layers", "organisations", "relations",
                         "chains"]
    assert doc["ketennet"] == kn.JSON_SCHEMA_VERSION == 2
    assert doc["layers"][0] == {"name": "case", "directed": True, "kind": "case"}
    assert '"volume": 168800,' in text  # integral numbers without a fraction
    rel = doc["relations"][0]
    assert rel["volume"] == 168800 and isinstance(rel["volume"], int)
    assert rel["latency"] == 30.25
    assert doc["relations"][1]["latency"] is None
    assert list(doc["organisations"][0]["attributes"]) == sorted(doc["organisations"][0]["attributes"])
    assert text.endswith("\n")


def test_json_one_line(rich, tmp_path):
    p = tmp_path / "net.json"
    kn.write_json(rich, p, indent=None)
    text = p.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and text.endswith("\n")
    assert kn.read_json(p) == rich


def test_json_empty_network(tmp_path):
    p = tmp_path / "empty.json"
    kn.write_json(kn.Network(), p)
    assert kn.read_json(p) == kn.Network()
    minimal = write_text(tmp_path, "minimal.json", '{"ketennet": 1}')
    assert kn.read_json(minimal) == kn.Network()


def test_json_defaults(tmp_path):
    p = write_text(tmp_path, "d.json", json.dumps({
        "ketennet": 1, "layers": [{"name": "case"}],
        "organisations": [{"id": "a"}, {"id": "b", "name": "B"}],
        "relations": [{"source": "a", "target": "b", "layer": "case", "volume": 3}]}))
    net = kn.read_json(p)
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True}
    assert net.organisation("a") == {"id": "a", "name": "", "sector": "", "attributes": {}}
    assert net.relation("a", "b", "case")["latency"] is None


def test_json_missing_file(tmp_path):
    p = tmp_path / "nope.json"
    with pytest.raises(FileNotFoundError, match=re.escape(str(p))):
        kn.read_json(p)


def test_json_directory(tmp_path):
    with pytest.raises(OSError, match="directory"):
        kn.read_json(tmp_path)


def test_json_write_to_missing_directory(rich, tmp_path):
    with pytest.raises(OSError, match="nodir"):
        kn.write_json(rich, tmp_path / "nodir" / "x.json")


@pytest.mark.parametrize("text,line,cols", [
    ('{\n  "ketennet": 1,\n  "name": "x",,\n}', 3, [15]),
    ('{"ketennet": 1,\n "layers": [\n', 3, [1]),
    ("", 1, [1]),
    # the offending token "name" spans columns 19..24 (nlohmann reports its end)
    ('{\n\n    "ketennet": 1 "name": "x"}', 3, range(19, 25)),
])
def test_json_malformed(tmp_path, text, line, cols):
    p = write_text(tmp_path, "bad.json", text)
    with pytest.raises(ValueError) as e:
        kn.read_json(p)
    msg = str(e.value)
    m = re.match(re.escape(str(p)) + r":(\d+):(\d+): malformed JSON", msg)
    assert m, msg
    assert int(m.group(1)) == line and int(m.group(2)) in cols, msg


@pytest.mark.parametrize("doc,exc,fragments", [
    ({"ketennet": 3}, ValueError, ["/ketennet", "unknown schema version 3"]),
    ({"ketennet": "1"}, ValueError, ["/ketennet", "integer"]),
    ({"name": "x"}, ValueError, ["missing required key 'ketennet'"]),
    ({"ketennet": 1, "volumes": 3}, ValueError, ["unknown key 'volumes'"]),
    ({"ketennet": 1, "layers": [{"name": "case", "directed": True}],
      "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "case", "volumes": 3}]},
     ValueError, ["/relations/0", "unknown key 'volumes'"]),
    ({"ketennet": 1, "organisations": [{"id": "a", "sectr": "om"}]}, ValueError,
     ["/organisations/0", "unknown key 'sectr'"]),
    ({"ketennet": 1, "layers": [{"name": "case"}], "organisations": [{"id": "a"}],
      "relations": [{"source": "a", "target": "b", "layer": "case"}]},
     KeyError, ["/relations/0", "unknown target organisation 'b'"]),
    ({"ketennet": 1, "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "case"}]},
     KeyError, ["/relations/0", "unknown layer 'case'"]),
    ({"ketennet": 1, "layers": [{"name": "case"}], "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "case", "quality": 1.2}]},
     ValueError, ["/relations/0/quality", "field 'quality' = 1.2 is outside [0, 1]"]),
    ({"ketennet": 1, "layers": [{"name": "case"}], "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "case", "volume": -5}]},
     ValueError, ["/relations/0/volume", "negative"]),
    ({"ketennet": 1, "layers": [{"name": "case"}], "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "case", "latency": "3"}]},
     ValueError, ["/relations/0/latency", "expected a number or null, found string"]),
    ({"ketennet": 1, "layers": [{"name": "c", "directed": False}],
      "organisations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"source": "a", "target": "b", "layer": "c"},
                    {"source": "b", "target": "a", "layer": "c"}]},
     ValueError, ["/relations/1", "duplicate"]),
    ({"ketennet": 1, "organisations": [{"id": "a"}, {"id": "a"}]}, ValueError,
     ["/organisations/1", "duplicate organisation id 'a'"]),
    ({"ketennet": 1, "organisations": [{"id": ""}]}, ValueError, ["/organisations/0/id"]),
    ({"ketennet": 1, "organisations": [{"id": "a", "attributes": {"x": None}}]}, ValueError,
     ["/organisations/0/attributes/x", "null"]),
    ({"ketennet": 1, "organisations": [{"id": "a", "attributes": {"x": [1]}}]}, ValueError,
     ["/organisations/0/attributes/x", "array"]),
    ({"ketennet": 1, "layers": [{"name": "case"}, {"name": "case"}]}, ValueError,
     ["/layers/1", "duplicate layer 'case'"]),
    ({"ketennet": 1, "layers": [{"name": "case", "directed": "yes"}]}, ValueError,
     ["/layers/0/directed", "boolean"]),
    ({"ketennet": 1, "organisations": [{"id": "a"}],
      "chains": [{"name": "c", "stages": [{"name": "s", "organisations": ["a", "x"]}]}]},
     KeyError, ["/chains/0", "unknown organisation 'x'"]),
    ({"ketennet": 1, "metadata": [1]}, ValueError, ["/metadata", "expected an object"]),
    ([1, 2], ValueError, ["expected an object, found array"]),
])
def test_json_invalid(tmp_path, doc, exc, fragments):
    p = write_text(tmp_path, "bad.json", json.dumps(doc, indent=1))
    with pytest.raises(exc) as e:
        kn.read_json(p)
    msg = str(e.value.args[0])
    assert msg.startswith(f"{p}: "), msg
    for f in fragments:
        assert f in msg, msg
    if exc is ValueError:
        assert not isinstance(e.value, KeyError)


# ----------------------------------------------------------------------------- GraphML

def test_graphml_round_trip(rich, tmp_path):
    p = tmp_path / "net.graphml"
    kn.write_graphml(rich, p)
    back = kn.read_graphml(p)
    assert back == rich
    p2 = tmp_path / "again.graphml"
    kn.write_graphml(back, p2)
    assert p2.read_text(encoding="utf-8") == p.read_text(encoding="utf-8")
    ET.parse(p)  # well-formed for a standard parser


def test_graphml_empty_network(tmp_path):
    p = tmp_path / "e.graphml"
    kn.write_graphml(kn.Network(), p)
    assert kn.read_graphml(p) == kn.Network()


def test_graphml_only_undirected(tmp_path):
    n = kn.Network("u")
    n.add_layer("collaboration", directed=False)
    for o in "abc":
        n.add_organisation(o)
    n.add_relation("a", "b", "collaboration", volume=2)
    n.add_relation("c", "b", "collaboration")
    p = tmp_path / "u.graphml"
    kn.write_graphml(n, p)
    assert 'edgedefault="undirected"' in p.read_text()
    assert kn.read_graphml(p) == n


def test_graphml_mixed_attribute_types_cannot_be_written(tmp_path):
    n = kn.Network()
    n.add_organisation("a", code="x")
    n.add_organisation("b", code=3)
    with pytest.raises(ValueError, match="attribute 'code'.*organisation 'b'.*organisation 'a'"):
        kn.write_graphml(n, tmp_path / "x.graphml")
    kn.write_json(n, tmp_path / "x.json")  # JSON holds them
    assert kn.read_json(tmp_path / "x.json") == n


def test_graphml_string_with_carriage_return_round_trips(tmp_path):
    """write_graphml promises an exact round trip; XML parsers turn a raw CR into LF, so the
    writer must encode it (&#13;)."""
    n = kn.Network()
    n.add_organisation("a", name="regel 1\r\nregel 2", note="x\ry")
    p = tmp_path / "cr.graphml"
    kn.write_graphml(n, p)
    assert kn.read_graphml(p) == n
    G = nx.read_graphml(p)
    assert G.nodes["a"]["name"] == "regel 1\r\nregel 2"


def test_graphml_control_character_is_refused_or_readable(tmp_path):
    """XML 1.0 cannot hold U+0001: the writer must refuse it (ValueError naming the record)
    or write XML that other tools read; it must not write a file only ketennet can read."""
    n = kn.Network()
    n.add_organisation("a", name="x\x01y")
    p = tmp_path / "ctl.graphml"
    try:
        kn.write_graphml(n, p)
    except ValueError as e:
        assert "'a'" in str(e)
        return
    ET.parse(p)  # raises ParseError for &#01;


def test_graphml_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.graphml"):
        kn.read_graphml(tmp_path / "nope.graphml")


@pytest.mark.parametrize("text,line,col", [
    ('<graphml>\n<graph edgedefault="directed">\n<node id="a">\n</graph></graphml>', 4, 3),
    ('<?xml version="1.0"?>\n<graphml>\n  <graph edgedefault="directed">\n    <node id="a"/>\n'
     '  </graph>\n', 5, None),  # unclosed <graphml>: reported where the input ends
    ('<graphml><graph edgedefault="directed"><node id="a" x=1/></graph></graphml>', 1, None),
])
def test_graphml_malformed(tmp_path, text, line, col):
    p = write_text(tmp_path, "bad.graphml", text)
    with pytest.raises(ValueError) as e:
        kn.read_graphml(p)
    msg = str(e.value)
    prefix = f"{p}:{line}:" + ("" if col is None else f"{col}:")
    assert msg.startswith(prefix), msg
    assert re.match(re.escape(str(p)) + r":\d+:\d+: malformed XML", msg), msg


GRAPHML_HEAD = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'


@pytest.mark.parametrize("body,fragment,line", [
    ('<graph edgedefault="sideways"/>', "edgedefault", 3),
    ('<key id="k" for="node" attr.name="x" attr.type="int"/>\n<graph edgedefault="directed">\n'
     '<node id="a"><data key="k">1.5</data></node></graph>', "not an integer", 5),
    ('<graph edgedefault="directed">\n<node id="a"><data key="zz">1</data></node></graph>',
     "undeclared key 'zz'", 4),
    ('<graph edgedefault="directed">\n<node id="a"/>\n<node id="a"/></graph>',
     "duplicate organisation id 'a'", 5),
    ('<key id="q" for="edge" attr.name="quality" attr.type="double"/>\n'
     '<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n'
     '<edge source="a" target="b"><data key="q">1.2</data></edge></graph>', "quality", 6),
])
def test_graphml_invalid(tmp_path, body, fragment, line):
    p = write_text(tmp_path, "bad.graphml", GRAPHML_HEAD + body + "\n</graphml>\n")
    with pytest.raises(ValueError) as e:
        kn.read_graphml(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:{line}:"), msg
    assert fragment in msg, msg


def test_graphml_edge_to_unknown_node_is_key_error(tmp_path):
    """io's shared convention: an unknown id is a KeyError (with the file and line)."""
    p = write_text(tmp_path, "u.graphml", GRAPHML_HEAD +
                   '<graph edgedefault="directed">\n<node id="a"/>\n'
                   '<edge source="a" target="b"/>\n</graph>\n</graphml>\n')
    with pytest.raises(KeyError) as e:
        kn.read_graphml(p)
    msg = str(e.value.args[0])
    assert msg.startswith(f"{p}:5:") and "unknown target organisation 'b'" in msg


def _nx_sample(directed: bool) -> nx.Graph:
    G = nx.DiGraph(name="g") if directed else nx.Graph(name="g")
    G.add_node("politie", sector="politie", s="x", i=3, f=1.5, b=True)
    G.add_node("om", sector="om", name="Openbaar Ministerie", s="y", i=4, f=2.5, b=False)
    G.add_node("cjib")
    G.add_edge("politie", "om", volume=10, weight=2.5, label="k", ok=True)
    G.add_edge("om", "cjib", volume=3.5, latency=2, quality=0.5)
    return G


@pytest.mark.parametrize("directed", [True, False])
def test_graphml_written_by_networkx(tmp_path, directed):
    G = _nx_sample(directed)
    p = tmp_path / "nx.graphml"
    nx.write_graphml(G, p)
    net = kn.read_graphml(p, layer="case")
    assert {k: l.directed for k, l in net.layers.items()} == {"case": directed}
    assert net.ids == ["politie", "om", "cjib"]
    assert net.organisation("politie") == {
        "id": "politie", "name": "", "sector": "politie",
        "attributes": {"s": "x", "i": 3.0, "f": 1.5, "b": True}}
    assert net.organisation("om")["name"] == "Openbaar Ministerie"
    assert net.organisation("cjib")["attributes"] == {}
    r = net.relation("politie", "om", "case")
    assert (r["volume"], r["latency"], r["quality"], r["capacity"]) == (10.0, None, None, None)
    assert r["attributes"] == {"weight": 2.5, "label": "k", "ok": True}
    r = net.relation("om", "cjib", "case")
    assert (r["volume"], r["latency"], r["quality"]) == (3.5, 2.0, 0.5)
    # the same as converting the graph directly (except the graph-level name)
    direct = kn.from_networkx(G, layer="case")
    pd.testing.assert_frame_equal(net.organisations.sort_index(axis=1),
                                  direct.organisations.sort_index(axis=1))
    pd.testing.assert_frame_equal(net.relations.sort_index(axis=1),
                                  direct.relations.sort_index(axis=1))


def test_graphml_multigraph_written_by_networkx(tmp_path):
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", layer="case", volume=1)
    G.add_edge("a", "b", layer="information", volume=2)
    G.add_edge("b", "a", layer="case")
    p = tmp_path / "multi.graphml"
    nx.write_graphml(G, p)
    net = kn.read_graphml(p)
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "information": True}
    assert net.relation("a", "b", "information")["volume"] == 2.0
    assert net.number_of_relations() == 3


def _graph_data(G):
    nodes = {v: d for v, d in G.nodes(data=True)}
    if G.is_multigraph():
        edges = sorted((u, v, sorted(d.items())) for u, v, d in G.edges(data=True))
    elif G.is_directed():
        edges = sorted((u, v, sorted(d.items())) for u, v, d in G.edges(data=True))
    else:
        edges = sorted((*sorted((u, v)), sorted(d.items())) for u, v, d in G.edges(data=True))
    return nodes, edges


@pytest.mark.parametrize("layers", ["case", "collaboration", ["case", "it"]])
def test_graphml_read_by_networkx(rich, tmp_path, layers):
    net = rich.select_layers(layers)
    p = tmp_path / "kn.graphml"
    kn.write_graphml(net, p)
    H = nx.read_graphml(p)
    G = kn.to_networkx(net)
    assert H.is_directed() == G.is_directed()
    assert list(H.nodes) == net.ids
    h_nodes, h_edges = _graph_data(H)
    g_nodes, g_edges = _graph_data(G)
    assert h_nodes == g_nodes
    assert h_edges == g_edges
    assert H.number_of_edges() == net.number_of_relations()
    assert json.loads(H.graph["ketennet"])["name"] == net.name


# ----------------------------------------------------------------------------- pandas

def _org_frame():
    return pd.DataFrame({
        "id": pd.Series(["politie", "om", "rechtspraak", "cjib"], dtype=object),
        "name": pd.Series(["Nationale Politie", "Openbaar Ministerie", "", "CJIB"], dtype=object),
        "sector": pd.Series(["politie", "om", "rechtspraak", ""], dtype=object),
        "regio": pd.Series(["Utrecht", None, "Noord", None], dtype=object),
        "fte": [65000.0, np.nan, 2.5, -1.0],
        "published": pd.array([True, None, False, True], dtype="boolean"),
    })


def _rel_frame():
    return pd.DataFrame({
        "source": pd.Series(["politie", "om", "om", "politie"], dtype=object),
        "target": pd.Series(["om", "rechtspraak", "cjib", "om"], dtype=object),
        "layer": pd.Series(["case", "case", "case", "collaboration"], dtype=object),
        "volume": [168800.0, 94000.0, np.nan, np.nan],
        "latency": [30.0, np.nan, 1.5, np.nan],
        "quality": [0.9, np.nan, np.nan, 1.0],
        "capacity": [np.nan, np.nan, np.nan, np.nan],
        "reference": pd.Series(["OM 2022", None, "C&R 2018", None], dtype=object),
        "checked": pd.array([True, False, None, None], dtype="boolean"),
        "cost": [1.25, np.nan, 3.0, 0.0],
    })


def _canonical(df: pd.DataFrame) -> pd.DataFrame:
    out = df.sort_index(axis=1).copy()
    for c in ("id", "name", "sector", "source", "target", "layer"):
        if c in out.columns:
            out[c] = out[c].astype(object)
    return out


def test_from_pandas_round_trip():
    orgs, rels = _org_frame(), _rel_frame()
    net = kn.from_pandas(orgs, rels, directed={"case": True, "collaboration": False}, name="p")
    assert net.name == "p"
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "collaboration": False}
    pd.testing.assert_frame_equal(_canonical(net.organisations), _canonical(orgs))
    pd.testing.assert_frame_equal(_canonical(net.relations), _canonical(rels))
    assert net.organisation("om")["attributes"] == {}
    assert net.organisation("om")["name"] == "Openbaar Ministerie"
    assert net.relation("om", "cjib", "case")["attributes"] == {"reference": "C&R 2018", "cost": 3.0}
    # and the frames build the same network again
    assert kn.from_pandas(net.organisations, net.relations,
                          directed={"case": True, "collaboration": False}, name="p") == net


def test_from_pandas_attribute_columns_with_missing_values():
    orgs = pd.DataFrame({
        "id": ["a", "b", "c"],                                    # pandas' default str dtype
        "s": ["x", None, "z"],
        "f": [1.5, np.nan, 2.0],
        "i": pd.array([1, None, 3], dtype="Int64"),
        "n": np.array([1, 2, 3], dtype=np.int64),
        "b": pd.array([True, None, False], dtype="boolean"),
        "ob": pd.Series([True, None, False], dtype=object),
    })
    rels = pd.DataFrame({
        "source": ["a", "b"], "target": ["b", "c"],
        "s": ["u", None], "i": pd.array([4, None], dtype="Int64"),
        "n": np.array([7, 8], dtype=np.int32), "b": pd.Series([None, False], dtype=object),
        "f": [np.nan, 0.5],
    })
    net = kn.from_pandas(orgs, rels)
    assert net.organisation("a")["attributes"] == {"s": "x", "f": 1.5, "i": 1.0, "n": 1.0,
                                                   "b": True, "ob": True}
    assert net.organisation("b")["attributes"] == {"n": 2.0}
    assert net.organisation("c")["attributes"] == {"s": "z", "f": 2.0, "i": 3.0, "n": 3.0,
                                                   "b": False, "ob": False}
    assert net.relation("a", "b", "default")["attributes"] == {"s": "u", "i": 4.0, "n": 7.0}
    assert net.relation("b", "c", "default")["attributes"] == {"n": 8.0, "b": False, "f": 0.5}
    assert {k: l.directed for k, l in net.layers.items()} == {"default": True}
    back = net.organisations
    assert back["i"].dtype == np.float64 and str(back["b"].dtype) == "boolean"


def test_from_pandas_without_organisations():
    rels = pd.DataFrame({"source": ["a", "c", "b"], "target": ["b", "a", "d"]})
    net = kn.from_pandas(None, rels, layer="info", directed=False)
    assert sorted(net.ids) == ["a", "b", "c", "d"]
    assert net.ids[0] == "a"
    assert {k: l.directed for k, l in net.layers.items()} == {"info": False}
    assert all(net.organisation(i)["name"] == "" and net.organisation(i)["sector"] == ""
               for i in net.ids)
    assert net.number_of_relations() == 3 and net.has_relation("a", "c", "info")


def test_from_pandas_integer_ids_become_strings():
    net = kn.from_pandas(None, pd.DataFrame({"source": [1, 2], "target": [2, 3]}))
    assert sorted(net.ids) == ["1", "2", "3"]
    assert net.has_relation("1", "2", "default")


def test_from_pandas_directed_dict():
    rels = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "layer": ["case", "collab"]})
    net = kn.from_pandas(None, rels, directed={"case": True, "collab": False, "it": True})
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "collab": False, "it": True}
    with pytest.raises(ValueError, match="layer 'collab' is not in directed="):
        kn.from_pandas(None, rels, directed={"case": True})


@pytest.mark.parametrize("which,column", [("orgs", "id"), ("rels", "source"), ("rels", "target")])
def test_from_pandas_missing_required_column(which, column):
    orgs, rels = _org_frame(), _rel_frame()
    if which == "orgs":
        orgs = orgs.drop(columns=[column])
    else:
        rels = rels.drop(columns=[column])
    with pytest.raises(ValueError, match=f"missing required column '{column}'"):
        kn.from_pandas(orgs, rels, directed={"case": True, "collaboration": False})


def test_from_pandas_unknown_organisation_names_row():
    rels = _rel_frame()
    rels.loc[2, "target"] = "dji"
    with pytest.raises(KeyError) as e:
        kn.from_pandas(_org_frame(), rels, directed={"case": True, "collaboration": False})
    msg = str(e.value.args[0])
    assert "relations row 2" in msg and "unknown target organisation 'dji'" in msg


def test_from_pandas_missing_id_names_row():
    orgs = _org_frame()
    orgs.loc[1, "id"] = None
    with pytest.raises(ValueError, match="organisations row 1: missing value in column 'id'"):
        kn.from_pandas(orgs, _rel_frame(), directed={"case": True, "collaboration": False})


def test_from_pandas_duplicate_organisation_names_row():
    orgs = _org_frame()
    orgs.loc[3, "id"] = "om"
    with pytest.raises(ValueError, match=r"organisations row 3 \(id 'om'\): duplicate.*row 1"):
        kn.from_pandas(orgs, _rel_frame(), directed={"case": True, "collaboration": False})


@pytest.mark.parametrize("row,source,target,layer", [
    (2, "politie", "om", "case"),          # same as row 0
    (3, "om", "politie", "collaboration"),  # the reverse of row 2, undirected
])
def test_from_pandas_duplicate_relation_names_row(row, source, target, layer):
    rels = pd.DataFrame({"source": ["politie", "om", "om", "om"],
                         "target": ["om", "rechtspraak", "politie", "cjib"],
                         "layer": ["case", "case", "collaboration", "case"]})
    rels.loc[row, ["source", "target", "layer"]] = [source, target, layer]
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed={"case": True, "collaboration": False})
    msg = str(e.value)
    assert f"relations row {row}" in msg and "duplicate" in msg


def test_bulk_insert_is_all_or_nothing():
    """The column-wise insert behind from_pandas adds every row or none (here on an existing
    network, through the binding from_pandas uses)."""
    net = kn.from_pandas(_org_frame(), _rel_frame(), directed={"case": True, "collaboration": False})
    before = net.copy()
    ids = ["rechtspraak", "cjib", "politie"]
    src = np.array([0, 1, 2], dtype=np.int64)          # rechtspraak, cjib, politie
    tgt_uniques = ["cjib", "rechtspraak", "om"]
    tgt = np.array([0, 1, 2], dtype=np.int64)          # cjib, rechtspraak, om: row 2 exists
    layer = np.zeros(3, dtype=np.int64)
    with pytest.raises(ValueError, match="row 2 .*politie -> om.*duplicate"):
        net._core.add_relations_columns(src, ids, tgt, tgt_uniques, layer, ["case"],
                                        [None, None, None, None], [], "row")
    assert net == before
    # the index was rolled back: the rows that came before the duplicate can still be added
    net.add_relation("rechtspraak", "cjib", "case")
    net.add_relation("cjib", "rechtspraak", "case")
    assert net.number_of_relations() == before.number_of_relations() + 2


@pytest.mark.parametrize("column,value,fragment", [
    ("quality", 1.2, "field 'quality' = 1.2 is outside [0, 1]"),
    ("volume", -3.0, "field 'volume' = -3 is negative"),
    ("latency", np.inf, "field 'latency' = inf is infinite"),
])
def test_from_pandas_bad_field_names_row_and_field(column, value, fragment):
    rels = _rel_frame()
    rels.loc[1, column] = value
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed={"case": True, "collaboration": False})
    msg = str(e.value)
    assert "relations row 1" in msg and "om -> rechtspraak" in msg and fragment in msg


def test_from_pandas_non_numeric_field():
    rels = _rel_frame()
    rels["volume"] = rels["volume"].astype(object)
    rels.loc[2, "volume"] = "veel"
    with pytest.raises(ValueError, match="relations row 2: field 'volume' must be a number, found 'veel'"):
        kn.from_pandas(_org_frame(), rels, directed={"case": True, "collaboration": False})


def test_from_pandas_mixed_type_attribute_column():
    rels = _rel_frame()
    rels["reference"] = pd.Series(["OM 2022", None, 2018, "x"], dtype=object)
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed={"case": True, "collaboration": False})
    msg = str(e.value)
    assert "relations row 2" in msg and "attribute column 'reference' mixes types" in msg


def test_from_pandas_bad_organisation_attribute_names_row():
    orgs = _org_frame()
    orgs["bad"] = pd.Series([None, None, [1], None], dtype=object)
    with pytest.raises(ValueError, match=r"organisations row 2 \(id 'rechtspraak'\): attribute 'bad'"):
        kn.from_pandas(orgs, _rel_frame(), directed={"case": True, "collaboration": False})


def test_from_pandas_type_errors():
    with pytest.raises(TypeError):
        kn.from_pandas(None, {"source": ["a"], "target": ["b"]})
    with pytest.raises(TypeError):
        kn.from_pandas([1], pd.DataFrame({"source": ["a"], "target": ["b"]}))


# ----------------------------------------------------------------- careless input to from_pandas

DIRECTED = {"case": True, "collaboration": False}


def test_from_pandas_object_field_column_with_missing_values():
    """Numbers and None/NaN sharing an object column are read; None and NaN are unknown."""
    rels = _rel_frame()
    rels["volume"] = pd.Series([10, None, 3.5, np.nan], dtype=object)
    net = kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    got = net.relations.set_index(["source", "target", "layer"])["volume"]
    assert got["politie", "om", "case"] == 10.0
    assert math.isnan(got["om", "rechtspraak", "case"])
    assert got["om", "cjib", "case"] == 3.5
    assert math.isnan(got["politie", "om", "collaboration"])
    assert net.relation("om", "rechtspraak", "case")["volume"] is None


def test_from_pandas_object_field_column_with_pandas_na():
    rels = _rel_frame()
    rels["latency"] = pd.Series([1, pd.NA, np.int64(4), np.float32(0.5)], dtype=object)
    net = kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    assert net.relation("politie", "om", "case")["latency"] == 1.0
    assert net.relation("om", "rechtspraak", "case")["latency"] is None
    assert net.relation("om", "cjib", "case")["latency"] == 4.0


@pytest.mark.parametrize("values,row,fragment", [
    ([10, "abc", 3.5, None], 1, "found 'abc' (str"),
    ([10, None, 3.5, True], 3, "found True (bool"),
    ([None, np.nan, 2.0, [1]], 3, "found [1] (list"),
])
def test_from_pandas_bad_value_in_object_field_column(values, row, fragment):
    rels = _rel_frame()
    rels["volume"] = pd.Series(values, dtype=object)
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    msg = str(e.value)
    assert msg.startswith(f"relations row {row}: field 'volume' must be a number"), msg
    assert fragment in msg


@pytest.mark.parametrize("text", ["1,5", "12,75", "-0,3", "1.234,5"])
def test_from_pandas_decimal_comma_field_suggests_decimal(text):
    rels = _rel_frame()
    rels["latency"] = pd.Series(["30", None, text, None], dtype=object)
    rels.loc[0, "latency"] = 30.0
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    msg = str(e.value)
    assert msg.startswith(f"relations row 2: field 'latency' must be a number, found '{text}'")
    assert 'decimal=","' in msg and "pandas.read_csv" in msg


def test_from_pandas_decimal_comma_column_read_by_pandas():
    """The hint works: the same CSV read with decimal="," gives the numbers."""
    import io as _io

    csv = "source;target;layer;volume\npolitie;om;case;1,5\nom;rechtspraak;case;12,75\n"
    raw = pd.read_csv(_io.StringIO(csv), sep=";")
    with pytest.raises(ValueError, match=r"relations row 0: field 'volume' .*found '1,5'.*decimal=\",\""):
        kn.from_pandas(None, raw)
    net = kn.from_pandas(None, pd.read_csv(_io.StringIO(csv), sep=";", decimal=","))
    assert net.relation("om", "rechtspraak", "case")["volume"] == 12.75


def test_from_pandas_number_as_text_field_suggests_to_numeric():
    rels = _rel_frame()
    rels["volume"] = pd.Series([10.0, "94000", None, None], dtype=object)
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    msg = str(e.value)
    assert msg.startswith("relations row 1: field 'volume' must be a number, found '94000'")
    assert "pandas.to_numeric" in msg and "decimal" not in msg


def test_from_pandas_string_dtype_field_column():
    rels = _rel_frame()
    rels["quality"] = pd.Series([None, "0,5", None, None], dtype="string")
    with pytest.raises(ValueError, match=r"relations row 1: field 'quality' .*'0,5'.*decimal=\",\""):
        kn.from_pandas(_org_frame(), rels, directed=DIRECTED)


@pytest.mark.parametrize("values,row,value", [
    ([10, "abc", None, 3.5], 1, "'abc'"),
    (["abc", 10, 20.5, None], 0, "'abc'"),        # the odd one out, wherever it is
    ([10, 3.5, None, "abc"], 3, "'abc'"),
    ([True, False, 2, None], 2, "2"),
])
def test_from_pandas_mixed_relation_attribute_names_row_and_value(values, row, value):
    rels = _rel_frame()
    rels["cost"] = pd.Series(values, dtype=object)
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    msg = str(e.value)
    assert msg.startswith(f"relations row {row}: attribute column 'cost' mixes types: {value} ("), msg


def test_from_pandas_object_relation_attribute_with_missing_values():
    rels = _rel_frame()
    rels["cost"] = pd.Series([10, None, 3.5, np.nan], dtype=object)
    net = kn.from_pandas(_org_frame(), rels, directed=DIRECTED)
    assert net.relation("politie", "om", "case")["attributes"]["cost"] == 10.0
    assert "cost" not in net.relation("om", "rechtspraak", "case")["attributes"]
    assert net.relation("om", "cjib", "case")["attributes"]["cost"] == 3.5


def test_from_pandas_object_organisation_attribute_with_missing_values():
    orgs = _org_frame()
    orgs["fte"] = pd.Series([10, None, 3.5, np.nan], dtype=object)
    net = kn.from_pandas(orgs, _rel_frame(), directed=DIRECTED)
    assert net.organisation("politie")["attributes"]["fte"] == 10.0
    assert "fte" not in net.organisation("om")["attributes"]
    assert net.organisation("rechtspraak")["attributes"]["fte"] == 3.5
    assert "fte" not in net.organisation("cjib")["attributes"]


@pytest.mark.parametrize("values,row,oid,value,hint", [
    ([10, "abc", None, 3.5], 1, "om", "'abc'", ""),
    ([65000, None, "2,5", 4], 2, "rechtspraak", "'2,5'", 'decimal=","'),
])
def test_from_pandas_mixed_organisation_attribute_names_row_and_value(values, row, oid, value, hint):
    orgs = _org_frame()
    orgs["fte"] = pd.Series(values, dtype=object)
    with pytest.raises(ValueError) as e:
        kn.from_pandas(orgs, _rel_frame(), directed=DIRECTED)
    msg = str(e.value)
    assert msg.startswith(f"organisations row {row} (id '{oid}'): attribute column 'fte' mixes "
                          f"types: {value} (str) among number values"), msg
    assert hint in msg


def test_from_pandas_integer_ids_in_float_column():
    """pandas stores integer ids as float once the column held a NaN: 1.0 is read as '1'."""
    orgs = pd.DataFrame({"id": [1.0, 2.0, 3.0], "name": ["Politie", "OM", "Rechtspraak"]})
    rels = pd.DataFrame({"source": [1, 2, np.nan], "target": [2, 3, 1]}).dropna()
    assert rels["source"].dtype == np.float64
    net = kn.from_pandas(orgs, rels)
    assert net.ids == ["1", "2", "3"]
    assert net.has_relation("1", "2", "default") and net.has_relation("2", "3", "default")
    assert net.organisation("2")["name"] == "OM"
    assert kn.from_pandas(None, rels).ids == ["1", "2", "3"]
    # in an object column too
    obj = pd.DataFrame({"source": pd.Series([1.0, "x"], dtype=object), "target": ["x", 2]})
    assert kn.from_pandas(None, obj).ids == ["1", "x", "2"]
    # a fractional id keeps its decimals; each whole number loses its '.0'
    assert kn.from_pandas(None, pd.DataFrame({"source": [1.5], "target": [2.0]})).ids == ["1.5", "2"]


@pytest.mark.parametrize("which,column,row", [
    ("orgs", "id", 1), ("rels", "source", 2), ("rels", "target", 0)])
def test_from_pandas_nan_id_in_float_column_names_row(which, column, row):
    orgs = pd.DataFrame({"id": [1, 2, 3]})
    rels = pd.DataFrame({"source": [1, 2, 3], "target": [2, 3, 1]})
    frame = orgs if which == "orgs" else rels
    frame[column] = frame[column].astype(float)
    frame.loc[row, column] = np.nan
    if which == "orgs":
        rels = rels[rels["source"] != 2].reset_index(drop=True)
        rels = rels[rels["target"] != 2].reset_index(drop=True)
    record = "organisations row" if which == "orgs" else "relations row"
    with pytest.raises(ValueError) as e:
        kn.from_pandas(orgs, rels)
    msg = str(e.value)
    assert msg.startswith(f"{record} {row}: missing value in column '{column}' (found NaN)"), msg
    assert "1.0" not in msg


def test_from_pandas_directed_names_unknown_layer():
    rels = _rel_frame()
    with pytest.raises(ValueError) as e:
        kn.from_pandas(_org_frame(), rels, directed={"cases": True, "collaboration": False})
    msg = str(e.value)
    assert msg == ("relations row 0: layer 'case' is not in directed= (which names 'cases', "
                   "'collaboration'); the relations' layers are 'case', 'collaboration'")


@pytest.mark.parametrize("directed,fragment", [
    ("false", "directed must be True/False or a {layer: bool} mapping, not 'false'"),
    ({"case": True, "collaboration": "no"}, "directed['collaboration'] must be True or False, not 'no'"),
    ({"case": 1, "collaboration": False}, "directed['case'] must be True or False, not 1"),
])
def test_from_pandas_directed_must_be_bool(directed, fragment):
    with pytest.raises(TypeError) as e:
        kn.from_pandas(_org_frame(), _rel_frame(), directed=directed)
    assert str(e.value) == fragment


def test_to_networkx_unknown_layer_lists_layers(rich):
    for convert in (kn.to_networkx, kn.to_igraph):
        with pytest.raises(KeyError) as e:
            convert(rich, layers=["case", "cases"])
        assert e.value.args[0] == "unknown layer 'cases' (layers: case, collaboration, it)"


def test_from_pandas_million_relations():
    rng = np.random.default_rng(2024)
    n_orgs, n_rel = 10_000, 1_000_000
    codes = np.unique(rng.integers(0, n_orgs * n_orgs, size=int(n_rel * 1.05)))
    codes = rng.permutation(codes)[:n_rel]
    assert len(codes) == n_rel
    ids = np.array([f"org{i}" for i in range(n_orgs)], dtype=object)
    orgs = pd.DataFrame({"id": ids, "sector": rng.choice(["politie", "om", "gemeente"], n_orgs)})
    rels = pd.DataFrame({"source": ids[codes // n_orgs], "target": ids[codes % n_orgs],
                         "volume": rng.uniform(0, 1000, n_rel),
                         "quality": rng.uniform(0, 1, n_rel)})
    net = kn.from_pandas(orgs, rels)
    assert len(net) == n_orgs and net.number_of_relations() == n_rel
    for k in (0, 12345, n_rel - 1):
        r = net.relation(rels["source"].iat[k], rels["target"].iat[k], "default")
        assert r["volume"] == rels["volume"].iat[k] and r["quality"] == rels["quality"].iat[k]
    assert net.view().m == n_rel


# ----------------------------------------------------------------------------- NetworkX

def test_networkx_graph_round_trip():
    G = nx.karate_club_graph()
    net = kn.from_networkx(G, layer="friends")
    assert {k: l.directed for k, l in net.layers.items()} == {"friends": False} and net.name == "Zachary's Karate Club"
    assert net.organisation("0")["attributes"] == {"club": "Mr. Hi"}
    H = kn.to_networkx(net)
    assert type(H) is nx.Graph
    assert list(H.nodes) == [str(v) for v in G.nodes]
    assert {frozenset((u, v)) for u, v in H.edges} == {frozenset((str(u), str(v))) for u, v in G.edges}
    for u, v, d in G.edges(data=True):
        assert H.edges[str(u), str(v)]["weight"] == d["weight"]
        assert H.edges[str(u), str(v)]["layer"] == "friends"
    for v, d in G.nodes(data=True):
        assert H.nodes[str(v)]["club"] == d["club"]
    assert_round_trip(kn.from_networkx(H), net)


def test_networkx_digraph_round_trip():
    G = nx.gnp_random_graph(40, 0.1, seed=5, directed=True)
    for i, (u, v) in enumerate(G.edges):
        G.edges[u, v]["volume"] = float(i)
        G.edges[u, v]["kind"] = "a" if i % 2 else "b"
    nx.set_node_attributes(G, {v: ("om" if v % 2 else "politie") for v in G}, "sector")
    net = kn.from_networkx(G)
    assert {k: l.directed for k, l in net.layers.items()} == {"default": True}
    assert net.organisation("1")["sector"] == "om" and net.organisation("1")["attributes"] == {}
    H = kn.to_networkx(net)
    assert type(H) is nx.DiGraph
    assert sorted(H.edges) == sorted((str(u), str(v)) for u, v in G.edges)
    for u, v, d in G.edges(data=True):
        assert H.edges[str(u), str(v)]["volume"] == d["volume"]
        assert H.edges[str(u), str(v)]["kind"] == d["kind"]
    assert_round_trip(kn.from_networkx(H), net)


def test_networkx_multilayer_round_trip(rich):
    G = kn.to_networkx(rich)
    assert type(G) is nx.MultiDiGraph
    # the undirected relations of 'collaboration' become two arcs each
    assert G.number_of_edges() == 4 + 2 * 2
    assert G.has_edge("om", "politie", key="collaboration")
    assert G.has_edge("politie", "om", key="collaboration")
    assert G.edges["politie", "om", "case"]["volume"] == 168800.0
    assert "latency" not in G.edges["om", "rechtspraak", "case"]  # unknown stays absent
    assert G.nodes["politie"]["sector"] == "politie" and G.nodes["politie"]["regional"] is True
    assert_round_trip(kn.from_networkx(G), rich)


def test_networkx_all_undirected_layers_give_multigraph():
    n = kn.Network()
    n.add_layer("a", directed=False)
    n.add_layer("b", directed=False)
    for o in "xyz":
        n.add_organisation(o)
    n.add_relation("x", "y", "a")
    n.add_relation("y", "x", "b", volume=2)
    G = kn.to_networkx(n)
    assert type(G) is nx.MultiGraph and G.number_of_edges() == 2
    assert_round_trip(kn.from_networkx(G), n)
    single = kn.to_networkx(n, layers="b")
    assert type(single) is nx.Graph and single.number_of_edges() == 1
    with pytest.raises(KeyError, match="unknown layer 'c'"):
        kn.to_networkx(n, layers="c")


def test_networkx_multidigraph_by_hand():
    G = nx.MultiDiGraph()
    G.add_node("politie", sector="politie", name="Politie")
    G.add_node("om", sector="om")
    G.add_edge("politie", "om", layer="case", volume=5)
    G.add_edge("politie", "om", layer="information", quality=0.5)
    G.add_edge("om", "politie")  # no layer: the default
    net = kn.from_networkx(G, layer="other")
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "information": True, "other": True}
    assert net.organisation("politie")["sector"] == "politie"
    assert net.organisation("politie")["name"] == "Politie"
    assert net.relation("politie", "om", "information")["quality"] == 0.5
    G.add_edge("politie", "om", layer="case")
    with pytest.raises(ValueError, match="duplicate"):
        kn.from_networkx(G)


def test_from_networkx_bad_values():
    G = nx.Graph()
    G.add_node("a", tags=["x"])
    with pytest.raises(ValueError, match="node 'a': attribute 'tags'"):
        kn.from_networkx(G)
    G = nx.Graph()
    G.add_node("a", sector=3)
    with pytest.raises(ValueError, match="node 'a': attribute 'sector' must be a string"):
        kn.from_networkx(G)
    G = nx.Graph()
    G.add_edge("a", "b", volume="veel")
    with pytest.raises(ValueError, match="edge 'a' -> 'b': field 'volume' must be a number"):
        kn.from_networkx(G)
    G = nx.Graph()
    G.add_edge("a", "b", quality=3.0)
    with pytest.raises(ValueError, match="a -> b.*quality"):
        kn.from_networkx(G)


# ----------------------------------------------------------------------------- igraph

ig = pytest.importorskip("igraph")


@pytest.mark.parametrize("layers", [None, "case", "collaboration"])
def test_igraph_round_trip(rich, layers):
    net = rich if layers is None else rich.select_layers(layers)
    g = kn.to_igraph(net)
    assert g.is_directed() == any(l.directed for l in net.layers.values())
    assert g.vs["name"] == net.ids
    assert g.vs["sector"] == net.organisations["sector"].tolist()
    expected_edges = sum(2 if (not net.layers[l].directed and any(l.directed for l in net.layers.values()) and s != t) else 1
                         for s, t, l in zip(net.relations["source"], net.relations["target"],
                                            net.relations["layer"]))
    assert g.ecount() == expected_edges
    assert_round_trip(kn.from_igraph(g), net)


def test_igraph_graph_round_trip_values():
    G = nx.karate_club_graph()
    net = kn.from_networkx(G)
    g = kn.to_igraph(net)
    assert not g.is_directed() and g.vcount() == 34 and g.ecount() == 78
    for e in g.es:
        u, v = g.vs[e.source]["name"], g.vs[e.target]["name"]
        assert e["weight"] == G.edges[int(u), int(v)]["weight"]
        assert e["volume"] is None and e["layer"] == "default"
    assert_round_trip(kn.from_igraph(g), net)


def test_from_igraph_by_hand():
    g = ig.Graph([(0, 1), (1, 2), (2, 0)], directed=True)
    g.vs["name"] = ["politie", "om", "cjib"]
    g.vs["sector"] = ["politie", "om", None]
    g.vs["label"] = ["Nationale Politie", None, "CJIB"]
    g.vs["fte"] = [65000, None, 2.5]
    g.es["volume"] = [1.0, None, float("nan")]
    g.es["layer"] = ["case", "case", None]
    net = kn.from_igraph(g, layer="info")
    assert net.ids == ["politie", "om", "cjib"]
    assert net.organisation("politie") == {"id": "politie", "name": "Nationale Politie",
                                           "sector": "politie", "attributes": {"fte": 65000.0}}
    assert net.organisation("om") == {"id": "om", "name": "", "sector": "om", "attributes": {}}
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "info": True}
    assert net.relation("politie", "om", "case")["volume"] == 1.0
    assert net.relation("om", "cjib", "case")["volume"] is None
    assert net.relation("cjib", "politie", "info")["volume"] is None


def test_from_igraph_without_names():
    g = ig.Graph.Famous("Zachary")
    net = kn.from_igraph(g)
    assert net.ids == [str(i) for i in range(34)]
    assert {k: l.directed for k, l in net.layers.items()} == {"default": False} and net.number_of_relations() == 78
    assert kn.cohesion.density(net) == pytest.approx(g.density())
