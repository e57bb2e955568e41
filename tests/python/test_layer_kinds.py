"""Layer kinds: what moves on a layer (cases, information, ties), kept by every reader and
writer, and chain indicators that read case layers only."""
from __future__ import annotations

import json
import math
import re

import networkx as nx
import pandas as pd
import pytest

import ketennet as kn


def mixed_chain() -> kn.Network:
    """A three-stage chain whose information layer is faster and busier than its case layer.

        case:         politie --30d, 100--> om --40d, 60--> rechtbank
        information:  politie --1d, 900--> rechtbank  (a notification, not a case)
        collaboration (tie): politie -- om
    """
    net = kn.Network("mixed")
    net.add_layer("case", kind="case")
    net.add_layer("information", kind="information")
    net.add_layer("collaboration", directed=False)
    for oid in ("politie", "om", "rechtbank"):
        net.add_organisation(oid, sector=oid)
    net.add_relation("politie", "om", "case", volume=100, latency=30, quality=0.9)
    net.add_relation("om", "rechtbank", "case", volume=60, latency=40, quality=0.8)
    net.add_relation("politie", "rechtbank", "information", volume=900, latency=1, quality=1.0)
    net.add_relation("politie", "om", "collaboration")
    net.add_chain("keten", {"opsporing": ["politie"], "vervolging": ["om"],
                            "berechting": ["rechtbank"]})
    return net


# ----------------------------------------------------------------------------- the model

def test_kinds_declared_and_by_rule():
    net = kn.Network()
    net.add_layer("doorverwijzing", kind="case")
    net.add_layer("cases")
    net.add_layer("Zaken")
    net.add_layer("meldingen")
    net.add_layer("samenwerking", directed=False)
    net.add_layer("agreements")
    net.add_layer("co-location", directed=False)
    net.add_layer("overleg_regio", directed=False)
    kinds = {name: layer.kind for name, layer in net.layers.items()}
    assert kinds == {"doorverwijzing": "case", "cases": "case", "Zaken": "case",
                     "meldingen": "information", "samenwerking": "tie", "agreements": "tie",
                     "co-location": "tie", "overleg_regio": "tie"}
    assert net.layers["samenwerking"] == kn.Layer("samenwerking", False, "tie")
    assert net.layers_of_kind("case") == ["doorverwijzing", "cases", "Zaken"]
    assert net.layers_of_kind("tie", "information")[0] == "meldingen"


def test_set_layer_kind_and_errors():
    net = mixed_chain()
    rev = net.view("information")
    net.set_layer_kind("information", "case")
    assert net.layers["information"].kind == "case"
    assert net.view("information") is not rev  # a change: views are rebuilt
    with pytest.raises(ValueError, match=r"layer 'case': unknown kind 'cases' \(kinds: case, information, tie\)"):
        net.set_layer_kind("case", "cases")
    with pytest.raises(KeyError, match="unknown layer 'nope'"):
        net.set_layer_kind("nope", "case")
    with pytest.raises(ValueError, match="unknown kind 'flow'"):
        net.add_layer("x", kind="flow")
    with pytest.raises(ValueError, match="layers_of_kind: unknown kind 'cases'"):
        net.layers_of_kind("cases")


def test_kind_is_part_of_equality_and_display():
    a, b = mixed_chain(), mixed_chain()
    assert a == b
    b.set_layer_kind("information", "tie")
    assert a != b
    assert "case (case)" in repr(a) and "collaboration (tie, undirected)" in repr(a)
    assert re.search(r"layer 'information' +information, 1 relations, directed", a.describe())


def test_copies_and_subnetworks_keep_kinds():
    net = mixed_chain()
    net.set_layer_kind("information", "tie")
    for other in (net.copy(), net.induced(["politie", "om"]), net.select_layers(["information"]),
                  kn.resilience.null_model(net, seed=1)):
        assert other.layers["information"].kind == "tie"


# ----------------------------------------------------------------------------- files

def test_json_v2_round_trip_keeps_kinds(tmp_path):
    net = mixed_chain()
    net.set_layer_kind("information", "tie")
    path = tmp_path / "net.json"
    kn.write_json(net, path)
    doc = json.loads(path.read_text())
    assert doc["ketennet"] == 2 == kn.JSON_SCHEMA_VERSION
    assert doc["layers"][1] == {"name": "information", "directed": True, "kind": "tie"}
    assert kn.read_json(path) == net


def _v1(tmp_path, layers):
    doc = {"ketennet": 1, "name": "oud", "layers": layers}
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(doc))
    return path


def test_json_v1_reads_with_the_documented_rule(tmp_path):
    path = _v1(tmp_path, [{"name": "case"}, {"name": "information"},
                          {"name": "collaboration", "directed": False}, {"name": "it"},
                          {"name": "trust", "directed": True}])
    net = kn.read_json(path)
    assert [l.kind for l in net.layers.values()] == ["case", "information", "tie", "information", "tie"]


def test_json_kind_errors_name_the_record(tmp_path):
    path = _v1(tmp_path, [{"name": "case", "kind": "case"}])
    with pytest.raises(ValueError, match=r"v1\.json: /layers/0: unknown key 'kind'"):
        kn.read_json(path)
    doc = {"ketennet": 2, "layers": [{"name": "case", "directed": True}]}
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=r"/layers/0: .*'kind'"):
        kn.read_json(path)
    doc["layers"][0]["kind"] = "cases"
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=r"/layers/0/kind: layer 'case': unknown kind 'cases' "
                                         r"\(kinds: case, information, tie\)"):
        kn.read_json(path)
    doc["ketennet"] = 3
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="unknown schema version 3 .*versions 1 to 2"):
        kn.read_json(path)


def test_graphml_round_trip_keeps_kinds(tmp_path):
    net = mixed_chain()
    net.set_layer_kind("collaboration", "information")
    path = tmp_path / "net.graphml"
    kn.write_graphml(net, path)
    back = kn.read_graphml(path)
    assert back == net
    assert back.layers["collaboration"].kind == "information"


def test_from_pandas_kinds():
    rels = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "c"],
                         "layer": ["doorstroom", "doorstroom", "afspraak"]})
    net = kn.from_pandas(None, rels, directed={"doorstroom": True, "afspraak": False},
                         kinds={"doorstroom": "case"})
    assert net.layers["doorstroom"].kind == "case"
    assert net.layers["afspraak"].kind == "tie"  # undirected: by the rule
    with pytest.raises(ValueError, match="from_pandas: kinds names layer\\(s\\) 'dorstroom' that "
                                         "the input does not have"):
        kn.from_pandas(None, rels, kinds={"dorstroom": "case"})
    with pytest.raises(ValueError, match="kinds: layer 'doorstroom': unknown kind 'zaak'"):
        kn.from_pandas(None, rels, kinds={"doorstroom": "zaak"})


def test_networkx_and_igraph_round_trips_keep_kinds():
    net = mixed_chain()
    net.set_layer_kind("information", "tie")
    assert kn.from_networkx(kn.to_networkx(net)) == net
    assert kn.from_igraph(kn.to_igraph(net)) == net
    G = nx.DiGraph()
    G.add_edge("a", "b", layer="flow")
    assert kn.from_networkx(G, kinds={"flow": "case"}).layers["flow"].kind == "case"
    assert kn.from_networkx(G).layers["flow"].kind == "information"


# ----------------------------------------------------------------------------- chain metrics

def test_chain_indicators_read_case_layers_only():
    net = mixed_chain()
    lt = kn.flow.lead_time(net, "politie", "rechtbank")
    assert (lt.value, lt.path, lt.layers) == (70.0, ["politie", "om", "rechtbank"], ["case"])
    tp = kn.flow.throughput(net, "politie", "rechtbank", fallback="volume")
    assert tp.value == 60.0 and tp.layers == ["case"]
    card = kn.flow.score_chain(net, "keten").set_index("indicator")
    chain_rows = card[card["stage"].isna()]
    for indicator in ("lead time (fastest)", "lead time (expected)", "arrival share",
                      "throughput", "fidelity (most reliable path)", "fidelity (expected)",
                      "hand-offs on the typical path"):
        assert chain_rows.loc[indicator, "layers"] == "case", indicator
    assert chain_rows.loc["lead time (fastest)", "value"] == 70.0
    assert chain_rows.loc["throughput", "value"] == 60.0
    # feedback: directed case and information layers, never the tie layer
    assert chain_rows.loc["feedback coverage", "layers"] == "case, information"
    inflow = card[card["stage"].notna()].reset_index().set_index(["stage", "indicator"])
    assert inflow.loc[("vervolging", "stage inflow"), "value"] == 100.0  # messages not added
    # layers= still chooses
    assert kn.flow.lead_time(net, "politie", "rechtbank", layers="information").value == 1.0


def test_no_case_layer_says_how_to_declare_one():
    net = mixed_chain()
    net.set_layer_kind("case", "information")
    with pytest.raises(ValueError) as e:
        kn.flow.lead_time(net, "politie", "rechtbank")
    msg = str(e.value)
    assert "lead_time: the network has no case layer" in msg
    assert "'case' (information), 'information' (information), 'collaboration' (tie)" in msg
    assert "Declare one with kind 'case' (set_layer_kind, or the kind given to add_layer" in msg
    assert "name the layers to read (layers)" in msg
    card = kn.flow.score_chain(net, "keten").set_index("indicator")
    assert math.isnan(card.loc["throughput", "value"])
    assert "no case layer" in card.loc["throughput", "note"]


def test_case_layers_lacking_a_field_are_named():
    net = mixed_chain()
    net.update_relation("om", "rechtbank", "case", latency=None)
    with pytest.raises(ValueError, match=r"no case layer in which every relation carries "
                                         r"'latency' \(layer 'case': 1 of 2 relations lack it\)"):
        kn.flow.lead_time(net, "politie", "rechtbank")


def test_units_follow_the_period():
    net = mixed_chain()
    card = kn.flow.score_chain(net, "keten").set_index("indicator")
    assert card.loc["throughput", "unit"] == "cases per period"
    net.metadata = {"period": "2022", "per": "year"}
    card = kn.flow.score_chain(net, "keten")
    assert card.set_index("indicator").loc["throughput", "unit"] == "cases per year"
    assert set(card.loc[card["stage"].notna() & (card["indicator"] != "attrition"), "unit"]) \
        == {"cases per year"}
    assert kn.flow.score_chain(net, "keten", layers="information").set_index(
        "indicator").loc["throughput", "unit"] == "messages per year"
    net.metadata = {"per": "jaar"}
    with pytest.raises(ValueError, match="metadata 'per' is 'jaar'; use one of year, quarter"):
        kn.flow.score_chain(net, "keten")
