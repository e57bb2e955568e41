"""The kn.Network API: organisations, layers, relations, chains, subnetworks, views, metadata,
and every bad input (exception type and a message naming the record and the field)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

NAN, INF = float("nan"), float("inf")


@pytest.fixture
def net() -> kn.Network:
    """politie -> om -> rechtspraak (case, directed), politie - om (collaboration, undirected)."""
    n = kn.Network("mini")
    n.add_layer("case", directed=True)
    n.add_layer("collaboration", directed=False)
    n.add_organisation("politie", name="Nationale Politie", sector="politie", fte=65000, regional=True)
    n.add_organisation("om", name="Openbaar Ministerie", sector="om", seat="Den Haag")
    n.add_organisation("rechtspraak", name="De Rechtspraak", sector="rechtspraak")
    n.add_organisation("cjib", name="CJIB", sector="cjib")
    n.add_relation("politie", "om", "case", volume=168800, latency=30, quality=0.9, basis="published")
    n.add_relation("om", "rechtspraak", "case", volume=94000, latency=60)
    n.add_relation("om", "cjib", "case", volume=32000)
    n.add_relation("politie", "om", "collaboration", volume=10, zsm=True)
    n.add_chain("strafrecht", {"opsporing": ["politie"], "vervolging": ["om"],
                               "berechting": ["rechtspraak"], "executie": ["cjib"]})
    return n


# ----------------------------------------------------------------------------- network

def test_empty_network():
    n = kn.Network()
    assert len(n) == 0 and n.number_of_organisations() == 0
    assert n.number_of_relations() == 0
    assert n.name == "" and n.layers == {} and n.ids == [] and n.chains == []
    assert n.metadata == {}
    assert list(n.organisations.columns) == ["id", "name", "sector"]
    assert list(n.relations.columns) == ["source", "target", "layer", "volume", "latency",
                                         "quality", "capacity"]
    assert len(n.organisations) == 0 and len(n.relations) == 0


def test_name_and_repr(net):
    assert net.name == "mini"
    net.name = "renamed"
    assert net.name == "renamed"
    r = repr(net)
    assert "'renamed'" in r and "4 organisations" in r and "4 relations" in r
    assert "collaboration (tie, undirected)" in r and "1 chains" in r


def test_len_contains(net):
    assert len(net) == 4
    assert "om" in net and "ind" not in net
    assert 3 not in net and None not in net


def test_not_hashable(net):
    with pytest.raises(TypeError):
        hash(net)


# ----------------------------------------------------------------------------- layers

def test_layers(net):
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "collaboration": False}
    assert net.has_layer("case") and not net.has_layer("information")
    net.add_layer("information")  # directed by default
    assert list(net.layers) == ["case", "collaboration", "information"]
    assert net.layers["information"].directed is True


def test_duplicate_layer(net):
    with pytest.raises(ValueError, match="duplicate layer 'case'"):
        net.add_layer("case", directed=False)
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "collaboration": False}


def test_empty_layer_name(net):
    with pytest.raises(ValueError, match="layer"):
        net.add_layer("")


def test_remove_layer(net):
    net.remove_layer("case")
    assert {k: l.directed for k, l in net.layers.items()} == {"collaboration": False}
    assert net.number_of_relations() == 1
    assert net.has_relation("om", "politie", "collaboration")
    assert len(net) == 4  # organisations stay
    with pytest.raises(KeyError, match="case"):
        net.remove_layer("case")


def test_remove_first_layer_keeps_other_relations_addressable(net):
    net.add_layer("it", directed=True)
    net.add_relation("om", "cjib", "it", volume=5)
    net.remove_layer("case")
    assert net.relation("om", "cjib", "it")["volume"] == 5.0
    assert set(net.relations["layer"]) == {"collaboration", "it"}


# ----------------------------------------------------------------------------- organisations

def test_organisation_record(net):
    o = net.organisation("politie")
    assert o == {"id": "politie", "name": "Nationale Politie", "sector": "politie",
                 "attributes": {"fte": 65000.0, "regional": True}}
    assert isinstance(o["attributes"]["fte"], float)
    assert o["attributes"]["regional"] is True
    # a copy: changing it does not change the network
    o["attributes"]["fte"] = 1
    assert net.organisation("politie")["attributes"]["fte"] == 65000.0


def test_ids_in_insertion_order(net):
    assert net.ids == ["politie", "om", "rechtspraak", "cjib"]


def test_attribute_types():
    n = kn.Network()
    n.add_organisation("a", s="x", i=3, f=0.25, b=False, ni=np.int64(7), nf=np.float32(0.5),
                       nb=np.bool_(True), big=2 ** 53)
    a = n.organisation("a")["attributes"]
    assert a == {"s": "x", "i": 3.0, "f": 0.25, "b": False, "ni": 7.0, "nf": 0.5, "nb": True,
                 "big": float(2 ** 53)}
    assert type(a["b"]) is bool and type(a["nb"]) is bool and type(a["ni"]) is float


def test_duplicate_organisation(net):
    with pytest.raises(ValueError, match="duplicate organisation id 'om'"):
        net.add_organisation("om", name="Other")
    assert net.organisation("om")["name"] == "Openbaar Ministerie"
    assert len(net) == 4


def test_empty_organisation_id():
    with pytest.raises(ValueError, match="empty"):
        kn.Network().add_organisation("")


@pytest.mark.parametrize("value,fragment", [
    ([1, 2], "type list"), ({"a": 1}, "type dict"), (None, "type NoneType"), (b"x", "type bytes"),
    (object(), "type object"), (1 + 2j, "type complex"), (NAN, "is NaN"), (INF, "is infinite"),
    (-INF, "is infinite"), (np.float64("nan"), "is NaN"),
])
def test_bad_organisation_attribute(value, fragment):
    n = kn.Network()
    with pytest.raises(ValueError) as e:
        n.add_organisation("dji", budget=value)
    msg = str(e.value)
    assert "organisation 'dji'" in msg and "attribute 'budget'" in msg and fragment in msg
    assert "dji" not in n and len(n) == 0


def test_update_organisation(net):
    net.update_organisation("om", name="OM", seat=None, employees=5000, regional=False)
    o = net.organisation("om")
    assert o["name"] == "OM" and o["sector"] == "om"
    assert o["attributes"] == {"employees": 5000.0, "regional": False}
    net.update_organisation("om", sector="justitie")
    assert net.organisation("om")["name"] == "OM"
    assert net.organisation("om")["sector"] == "justitie"
    # removing an absent attribute is fine
    net.update_organisation("om", nothing=None)
    assert "nothing" not in net.organisation("om")["attributes"]


def test_update_organisation_unknown(net):
    with pytest.raises(KeyError, match="unknown organisation 'ind'"):
        net.update_organisation("ind", name="IND")


def test_update_organisation_bad_attribute_keeps_record(net):
    before = net.organisation("politie")
    with pytest.raises(ValueError, match="organisation 'politie'.*attribute 'fte'.*NaN"):
        net.update_organisation("politie", name="changed", fte=NAN)
    assert net.organisation("politie") == before


def test_remove_organisation(net):
    net.remove_organisation("om")
    assert net.ids == ["politie", "rechtspraak", "cjib"]
    assert net.number_of_relations() == 0  # all four touched om
    assert net.chain("strafrecht")["vervolging"] == []
    assert net.chain("strafrecht")["berechting"] == ["rechtspraak"]
    with pytest.raises(KeyError, match="om"):
        net.remove_organisation("om")
    with pytest.raises(KeyError):
        net.organisation("om")


def test_remove_organisation_shifts_indices(net):
    net.add_relation("rechtspraak", "cjib", "case", volume=1)
    net.remove_organisation("politie")
    assert net.ids == ["om", "rechtspraak", "cjib"]
    rel = net.relations
    assert list(zip(rel["source"], rel["target"], rel["layer"])) == [
        ("om", "rechtspraak", "case"), ("om", "cjib", "case"), ("rechtspraak", "cjib", "case")]
    assert net.relation("rechtspraak", "cjib", "case")["volume"] == 1.0
    assert kn.centrality.degree(net, "out").to_dict() == {"om": 2, "rechtspraak": 1, "cjib": 0}
    net.add_organisation("politie")  # the id is free again
    assert net.ids[-1] == "politie"


def test_organisations_frame(net):
    df = net.organisations
    assert list(df.columns[:3]) == ["id", "name", "sector"]
    assert set(df.columns[3:]) == {"fte", "regional", "seat"}
    assert df["id"].tolist() == net.ids
    assert df["fte"].dtype == np.float64
    assert df["fte"].iloc[0] == 65000.0 and np.isnan(df["fte"].iloc[1])
    assert str(df["regional"].dtype) == "boolean"
    assert df["regional"].iloc[0] == True and df["regional"].isna().tolist() == [False, True, True, True]  # noqa: E712
    assert df["seat"].dtype == object and df["seat"].tolist() == [None, "Den Haag", None, None]


def test_organisations_frame_mixed_attribute_types():
    n = kn.Network()
    n.add_organisation("a", code="x")
    n.add_organisation("b", code=3)
    n.add_organisation("c", code=True)
    col = n.organisations["code"]
    assert col.dtype == object
    assert col.tolist() == ["x", 3.0, True]


# ----------------------------------------------------------------------------- relations

def test_relation_record(net):
    r = net.relation("politie", "om", "case")
    assert r == {"source": "politie", "target": "om", "layer": "case", "volume": 168800.0,
                 "latency": 30.0, "quality": 0.9, "capacity": None,
                 "attributes": {"basis": "published"}}
    assert net.number_of_relations() == 4


def test_relation_directions(net):
    assert net.has_relation("politie", "om", "case")
    assert not net.has_relation("om", "politie", "case")
    # undirected layer: both orders name the same relation
    assert net.has_relation("om", "politie", "collaboration")
    assert net.relation("om", "politie", "collaboration")["volume"] == 10.0
    # the reverse in a directed layer is a different relation
    net.add_relation("om", "politie", "case", volume=1)
    assert net.number_of_relations() == 5
    assert not net.has_relation("politie", "om", "nolayer")
    assert not net.has_relation("politie", "nobody", "case")


def test_duplicate_relation_directed(net):
    with pytest.raises(ValueError) as e:
        net.add_relation("politie", "om", "case", volume=1)
    assert "politie -> om" in str(e.value) and "duplicate" in str(e.value)
    assert net.relation("politie", "om", "case")["volume"] == 168800.0
    assert net.number_of_relations() == 4


def test_duplicate_relation_undirected_reverse(net):
    with pytest.raises(ValueError, match="om -> politie.*duplicate.*undirected"):
        net.add_relation("om", "politie", "collaboration")
    assert net.number_of_relations() == 4


def test_self_loop_relation(net):
    net.add_relation("om", "om", "case", volume=3)
    assert net.has_relation("om", "om", "case")
    assert kn.centrality.degree(net, "out", layers="case")["om"] == 3  # rechtspraak, cjib, om


@pytest.mark.parametrize("source,target,layer,fragment", [
    ("ind", "om", "case", "unknown source organisation 'ind'"),
    ("om", "ind", "case", "unknown target organisation 'ind'"),
    ("om", "politie", "information", "unknown layer 'information'"),
])
def test_relation_unknown_ids(net, source, target, layer, fragment):
    with pytest.raises(KeyError) as e:
        net.add_relation(source, target, layer, volume=1)
    assert fragment in str(e.value)
    assert f"{source} -> {target}" in str(e.value)
    assert net.number_of_relations() == 4


@pytest.mark.parametrize("field,value,fragment", [
    ("quality", 1.2, "outside [0, 1]"), ("quality", -0.01, "outside [0, 1]"),
    ("quality", NAN, "NaN"), ("quality", INF, "infinite"),
    ("volume", -1, "negative"), ("volume", NAN, "NaN"), ("volume", INF, "infinite"),
    ("latency", -0.5, "negative"), ("latency", NAN, "NaN"), ("latency", -INF, "infinite"),
    ("capacity", -3, "negative"), ("capacity", NAN, "NaN"), ("capacity", INF, "infinite"),
    ("volume", True, "not a bool"), ("latency", "3", "must be a number"),
    ("capacity", [1], "must be a number"),
])
def test_bad_relation_field(net, field, value, fragment):
    with pytest.raises(ValueError) as e:
        net.add_relation("rechtspraak", "cjib", "case", **{field: value})
    msg = str(e.value)
    assert "rechtspraak -> cjib" in msg and "'case'" in msg
    assert f"field '{field}'" in msg and fragment in msg
    assert not net.has_relation("rechtspraak", "cjib", "case")


@pytest.mark.parametrize("field,value", [("quality", 0.0), ("quality", 1.0), ("volume", 0),
                                         ("latency", 0.0), ("capacity", 1e300)])
def test_field_boundaries_accepted(net, field, value):
    net.add_relation("rechtspraak", "cjib", "case", **{field: value})
    assert net.relation("rechtspraak", "cjib", "case")[field] == value


@pytest.mark.parametrize("value,fragment", [([1], "type list"), (None, "type NoneType"),
                                            (NAN, "is NaN"), (INF, "is infinite")])
def test_bad_relation_attribute(net, value, fragment):
    with pytest.raises(ValueError) as e:
        net.add_relation("rechtspraak", "cjib", "case", reference=value)
    msg = str(e.value)
    assert "rechtspraak -> cjib" in msg and "attribute 'reference'" in msg and fragment in msg
    assert not net.has_relation("rechtspraak", "cjib", "case")


def test_update_relation(net):
    net.update_relation("politie", "om", "case", volume=1.5, latency=None, capacity=200,
                        basis=None, checked=True)
    r = net.relation("politie", "om", "case")
    assert (r["volume"], r["latency"], r["quality"], r["capacity"]) == (1.5, None, 0.9, 200.0)
    assert r["attributes"] == {"checked": True}
    # undirected relation addressed in the other order
    net.update_relation("om", "politie", "collaboration", volume=11)
    assert net.relation("politie", "om", "collaboration")["volume"] == 11.0
    assert net.number_of_relations() == 4


def test_update_relation_bad_value_keeps_relation(net):
    before = net.relation("politie", "om", "case")
    with pytest.raises(ValueError, match="politie -> om.*field 'quality'.*outside"):
        net.update_relation("politie", "om", "case", volume=5, quality=2)
    assert net.relation("politie", "om", "case") == before


def test_update_relation_unknown(net):
    with pytest.raises(KeyError, match="no relation om -> politie in layer 'case'"):
        net.update_relation("om", "politie", "case", volume=1)


def test_remove_relation(net):
    net.remove_relation("om", "rechtspraak", "case")
    assert not net.has_relation("om", "rechtspraak", "case")
    assert net.number_of_relations() == 3
    # later relations stay addressable after the shift
    assert net.relation("om", "cjib", "case")["volume"] == 32000.0
    net.remove_relation("om", "politie", "collaboration")  # either order, undirected
    assert net.number_of_relations() == 2
    with pytest.raises(KeyError, match="no relation"):
        net.remove_relation("om", "rechtspraak", "case")
    # and it can be added again
    net.add_relation("om", "rechtspraak", "case")
    assert net.has_relation("om", "rechtspraak", "case")


def test_relations_frame(net):
    df = net.relations
    assert list(df.columns[:7]) == ["source", "target", "layer", "volume", "latency", "quality",
                                    "capacity"]
    assert set(df.columns[7:]) == {"basis", "zsm"}
    assert df["source"].tolist() == ["politie", "om", "om", "politie"]
    assert df["layer"].tolist() == ["case", "case", "case", "collaboration"]
    assert df["volume"].tolist() == [168800.0, 94000.0, 32000.0, 10.0]
    assert df["capacity"].isna().all()
    assert df["basis"].tolist() == ["published", None, None, None]
    assert str(df["zsm"].dtype) == "boolean"


# ----------------------------------------------------------------------------- chains

def test_chain(net):
    assert net.chains == ["strafrecht"]
    assert net.chain("strafrecht") == {"opsporing": ["politie"], "vervolging": ["om"],
                                       "berechting": ["rechtspraak"], "executie": ["cjib"]}
    assert list(net.chain("strafrecht")) == ["opsporing", "vervolging", "berechting", "executie"]


def test_chain_as_pairs_and_set(net):
    net.add_chain("boetes", [("inning", ["cjib"]), ("vervolging", ["om", "politie"])])
    assert net.chains == ["strafrecht", "boetes"]
    assert net.chain("boetes") == {"inning": ["cjib"], "vervolging": ["om", "politie"]}
    net.update_chain("boetes", {"alles": ["politie", "om", "cjib"]})
    assert net.chain("boetes") == {"alles": ["politie", "om", "cjib"]}
    net.remove_chain("strafrecht")
    assert net.chains == ["boetes"]


def test_bad_chains(net):
    with pytest.raises(ValueError, match="duplicate chain 'strafrecht'"):
        net.add_chain("strafrecht", {"x": ["om"]})
    with pytest.raises(KeyError, match="chain 'c'.*stage 0 'a'.*unknown organisation 'ind'"):
        net.add_chain("c", {"a": ["ind"]})
    with pytest.raises(ValueError, match="chain 'c'.*organisation 'om' listed twice"):
        net.add_chain("c", {"a": ["om", "om"]})
    with pytest.raises(ValueError, match="chain 'c'.*stage 1 'a'.*duplicate stage name"):
        net.add_chain("c", [("a", ["om"]), ("a", ["politie"])])
    with pytest.raises(ValueError, match="stage 'a'.*not a string"):
        net.add_chain("c", {"a": "om"})
    with pytest.raises(ValueError, match="stages must be"):
        net.add_chain("c", [("a",)])
    with pytest.raises(ValueError, match="chain names must not be empty"):
        net.add_chain("", {"a": ["om"]})
    with pytest.raises(ValueError, match="stage names must not be empty"):
        net.add_chain("c", {"": ["om"]})
    with pytest.raises(KeyError, match="unknown chain 'c'"):
        net.update_chain("c", {"a": ["om"]})
    with pytest.raises(KeyError, match="unknown chain 'c'"):
        net.remove_chain("c")
    with pytest.raises(KeyError, match="unknown chain 'c'"):
        net.chain("c")
    assert net.chains == ["strafrecht"]


# ----------------------------------------------------------------------------- subnetworks

def test_induced(net):
    net.metadata = {"year": 2022}
    sub = net.induced(["cjib", "om", "politie"])
    assert sub.ids == ["politie", "om", "cjib"]  # network order, not argument order
    assert sub.layers == net.layers and sub.name == net.name and sub.metadata == {"year": 2022}
    rel = sub.relations
    assert sorted(zip(rel["source"], rel["target"], rel["layer"])) == [
        ("om", "cjib", "case"), ("politie", "om", "case"), ("politie", "om", "collaboration")]
    assert sub.relation("politie", "om", "case") == net.relation("politie", "om", "case")
    assert sub.chain("strafrecht") == {"opsporing": ["politie"], "vervolging": ["om"],
                                       "berechting": [], "executie": ["cjib"]}
    assert sub.organisation("politie") == net.organisation("politie")
    # independent of the original
    sub.remove_organisation("om")
    assert "om" in net and net.number_of_relations() == 4
    # the induced network's relation index works (duplicates detected, lookups find them)
    sub2 = net.induced(["politie", "om"])
    with pytest.raises(ValueError, match="duplicate"):
        sub2.add_relation("om", "politie", "collaboration")
    sub2.remove_relation("politie", "om", "case")
    assert sub2.number_of_relations() == 1


def test_induced_unknown(net):
    with pytest.raises(KeyError, match="ind"):
        net.induced(["om", "ind"])


def test_select_layers(net):
    sub = net.select_layers("collaboration")
    assert {k: l.directed for k, l in sub.layers.items()} == {"collaboration": False}
    assert sub.number_of_relations() == 1 and len(sub) == 4 and sub.chains == ["strafrecht"]
    both = net.select_layers(["collaboration", "case"])
    assert both == net  # layer order stays the network's
    with pytest.raises(KeyError, match="information"):
        net.select_layers(["case", "information"])
    assert {k: l.directed for k, l in net.layers.items()} == {"case": True, "collaboration": False}


# ----------------------------------------------------------------------------- copy, equality

def test_copy_is_deep(net):
    net.metadata = {"sources": ["OM 2022"]}
    c = net.copy()
    assert c == net and c is not net
    c.update_organisation("om", name="changed")
    c.update_relation("politie", "om", "case", volume=1)
    c.add_layer("it")
    c.metadata = {"sources": []}
    c.update_chain("strafrecht", {"x": ["om"]})
    assert net.organisation("om")["name"] == "Openbaar Ministerie"
    assert net.relation("politie", "om", "case")["volume"] == 168800.0
    assert "it" not in net.layers and net.metadata == {"sources": ["OM 2022"]}
    assert net.chain("strafrecht")["vervolging"] == ["om"]
    assert c != net


def _pair(**rel):
    n = kn.Network("x")
    n.add_layer("l")
    n.add_organisation("a")
    n.add_organisation("b")
    n.add_relation("a", "b", "l", **rel)
    return n


def test_equality():
    assert _pair(volume=1) == _pair(volume=1)
    assert _pair(volume=1) != _pair(volume=2)
    assert _pair(volume=1) != _pair()
    assert _pair(tag=1) != _pair(tag="1")
    assert _pair(tag=1) != _pair(tag=True)
    assert _pair(tag=1) == _pair(tag=1.0)
    a, b = _pair(), _pair()
    b.name = "y"
    assert a != b
    b = _pair()
    b.metadata = {"k": 1}
    assert a != b
    b = _pair()
    b.add_chain("c", {"s": ["a"]})
    assert a != b
    assert (a == "x") is False and (a != 3) is True


def test_equality_depends_on_order():
    def build(order_orgs, order_layers):
        n = kn.Network()
        for l in order_layers:
            n.add_layer(l)
        for o in order_orgs:
            n.add_organisation(o)
        return n
    assert build("ab", ["x", "y"]) == build("ab", ["x", "y"])
    assert build("ab", ["x", "y"]) != build("ba", ["x", "y"])
    assert build("ab", ["x", "y"]) != build("ab", ["y", "x"])


def test_undirected_layer_not_equal_to_directed():
    a, b = kn.Network(), kn.Network()
    a.add_layer("l", directed=True)
    b.add_layer("l", directed=False)
    assert a != b


# ----------------------------------------------------------------------------- metadata

def test_metadata(net):
    md = {"sources": ["OM jaarbericht 2022", "C&R 2018"], "year": 2022, "nested": {"a": [1, 2.5, None, True]},
          "z": "é€", "b": 1}
    net.metadata = md
    assert net.metadata == md
    assert list(net.metadata) == ["sources", "year", "nested", "z", "b"]  # order kept
    got = net.metadata
    got["year"] = 1900
    got["nested"]["a"].append(0)
    assert net.metadata == md  # a copy


@pytest.mark.parametrize("value,exc", [([1, 2], TypeError), ("text", TypeError), (None, TypeError),
                                       ({"x": float("nan")}, ValueError),
                                       ({"x": {1, 2}}, ValueError), ({"x": object()}, ValueError)])
def test_bad_metadata(net, value, exc):
    net.metadata = {"keep": 1}
    with pytest.raises(exc):
        net.metadata = value
    assert net.metadata == {"keep": 1}


# ----------------------------------------------------------------------------- views

def test_view_properties(net):
    v = net.view()
    assert (v.n, v.m, v.directed, v.weighted) == (4, 4, True, False)
    # case: 3 arcs; collaboration politie-om adds om -> politie (politie -> om merges)
    src, tgt, w = v.edges()
    pairs = sorted(zip(np.asarray(src).tolist(), np.asarray(tgt).tolist()))
    assert pairs == [(0, 1), (1, 0), (1, 2), (1, 3)]
    assert np.asarray(w).tolist() == [1.0] * 4
    assert v.ids == net.ids
    assert v.layers == ["case", "collaboration"] and v.combine == "sum" and v.weight == ""
    assert "n=4" in repr(v) and "directed" in repr(v)


def test_view_undirected_only(net):
    v = net.view("collaboration")
    assert (v.n, v.m, v.directed) == (4, 1, False)
    src, tgt, _ = v.edges()
    assert (int(src[0]), int(tgt[0])) == (0, 1)


def test_view_layers_str_or_list(net):
    assert net.view("case") is net.view(["case"])
    assert net.view(["case"]).m == 3


def test_view_cached_until_change(net):
    v1 = net.view("case", weight="volume")
    assert net.view("case", weight="volume") is v1
    assert net.view("case") is not v1  # other arguments, other view
    rev = v1.revision
    net.add_relation("rechtspraak", "cjib", "case", volume=5)
    v2 = net.view("case", weight="volume")
    assert v2 is not v1 and v2.revision > rev and v2.m == 4
    assert v1.m == 3  # the old view is immutable and still valid
    net.update_organisation("om", name="OM")
    assert net.view("case", weight="volume") is not v2
    net.metadata = {"x": 1}
    net.name = "other"
    v3 = net.view("case", weight="volume")
    # whatever is cached must reflect the current relations
    assert v3.m == 4


def test_view_weights_and_combine(net):
    net.add_layer("it", directed=True)
    net.add_relation("politie", "om", "it", volume=1000)
    src, tgt, w = net.view(["case", "it"], weight="volume").edges()
    got = {(net.ids[s], net.ids[t]): x for s, t, x in zip(src, tgt, w)}
    assert got[("politie", "om")] == 169800.0
    _, _, wmin = net.view(["case", "it"], weight="volume", combine="min").edges()
    _, _, wmax = net.view(["case", "it"], weight="volume", combine="max").edges()
    assert sorted(wmin.tolist()) == [1000.0, 32000.0, 94000.0]
    assert sorted(wmax.tolist()) == [32000.0, 94000.0, 168800.0]
    # the combined weight drives the metrics
    deg = kn.centrality.degree(net, "out", layers=["case", "it"], weight="volume")
    assert deg["politie"] == 169800.0 and deg["om"] == 126000.0


def test_view_attribute_weight(net):
    net.update_relation("politie", "om", "case", cost=2.5)
    net.update_relation("om", "rechtspraak", "case", cost=1)
    net.update_relation("om", "cjib", "case", cost=0)
    v = net.view("case", weight="cost")
    assert v.weighted and v.weight == "cost"
    assert sorted(v.edges()[2].tolist()) == [0.0, 1.0, 2.5]


def test_view_missing_weight_names_relation(net):
    with pytest.raises(ValueError) as e:
        net.view("case", weight="latency")
    msg = str(e.value)
    assert "1 selected relation lacks the weight 'latency'" in msg
    assert "om -> cjib (layer 'case')" in msg
    with pytest.raises(ValueError, match="2 selected relations lack the weight 'quality'"):
        kn.centrality.degree(net, layers="case", weight="quality")
    # an unselected layer may lack it
    assert net.view("collaboration", weight="volume").m == 1


def test_view_missing_weight_many(net):
    net2 = kn.Network()
    net2.add_layer("l")
    for i in range(10):
        net2.add_organisation(f"o{i}")
    for i in range(9):
        net2.add_relation(f"o{i}", f"o{i + 1}", "l")
    with pytest.raises(ValueError) as e:
        kn.centrality.betweenness(net2, weight="volume")
    msg = str(e.value)
    assert msg.startswith("9 selected relations lack the weight 'volume'")
    assert "o0 -> o1 (layer 'l')" in msg and msg.endswith(", ...")


def test_view_string_weight_attribute(net):
    with pytest.raises(ValueError, match="politie -> om.*weight 'basis' is a string attribute"):
        net.view("case", weight="basis")


# ----------------------------------------------------------------- careless names: layers, weights

LAYERS_TEXT = "(layers: case, collaboration)"


@pytest.mark.parametrize("call", [
    pytest.param(lambda n: n.view("cases"), id="view"),
    pytest.param(lambda n: n.view(["case", "cases"], weight="volume"), id="view-weighted"),
    pytest.param(lambda n: kn.centrality.degree(n, layers="cases"), id="degree"),
    pytest.param(lambda n: kn.centrality.betweenness(n, layers=["cases"]), id="betweenness"),
    pytest.param(lambda n: n.select_layers("cases"), id="select_layers"),
    pytest.param(lambda n: n.remove_layer("cases"), id="remove_layer"),
    pytest.param(lambda n: kn.flow.lead_time(n, "politie", "rechtspraak", layers="cases"),
                 id="flow.lead_time"),
])
def test_unknown_layer_lists_the_layers(net, call):
    with pytest.raises(KeyError) as e:
        call(net)
    msg = e.value.args[0]
    assert "unknown layer 'cases'" in msg and LAYERS_TEXT in msg, msg


def test_unknown_layer_of_relation_lists_the_layers(net):
    with pytest.raises(KeyError) as e:
        net.add_relation("om", "politie", "information", volume=1)
    assert e.value.args[0] == ("relation om -> politie (layer 'information'): unknown layer 'information' "
                               "(layers: case, collaboration; add it with add_layer)")
    with pytest.raises(KeyError) as e:
        net.relation("om", "politie", "information")
    assert e.value.args[0] == ("no relation om -> politie in layer 'information' "
                               "(unknown layer; layers: case, collaboration)")


def test_unknown_layer_in_empty_network():
    with pytest.raises(KeyError) as e:
        kn.Network().view("case")
    assert e.value.args[0] == "unknown layer 'case' (the network has no layers)"


def test_unknown_layer_among_many_lists_the_first_twenty():
    n = kn.Network()
    for year in range(2000, 2025):
        n.add_layer(f"y{year}")
    expected = ("unknown layer 'y1999' (layers: " + ", ".join(f"y{y}" for y in range(2000, 2020))
                + ", ... (25 in all))")
    with pytest.raises(KeyError) as e:
        n.view("y1999")
    assert e.value.args[0] == expected
    with pytest.raises(KeyError) as e:
        kn.to_networkx(n, layers="y1999")
    assert e.value.args[0] == expected


def test_weight_no_relation_has(net):
    """A weight that is neither a field nor an attribute of any relation: say so and list
    what there is, instead of counting relations that 'lack' it."""
    expected = ("no relation has 'volumes'; relation fields: volume, latency, quality, "
                "capacity; attributes: basis (string), zsm (bool)")
    with pytest.raises(ValueError) as e:
        kn.centrality.degree(net, weight="volumes")
    assert str(e.value) == expected
    with pytest.raises(ValueError) as e:
        net.view("case", weight="volumes")
    assert str(e.value) == expected
    # a numeric attribute is listed without its type
    net.update_relation("om", "cjib", "case", cost=2.5)
    with pytest.raises(ValueError) as e:
        net.view(weight="kosten")
    assert str(e.value) == ("no relation has 'kosten'; relation fields: volume, latency, "
                            "quality, capacity; attributes: basis (string), cost, zsm (bool)")


def test_weight_some_relations_lack_is_counted(net):
    """A field or an attribute that some relation holds: the relations lacking it are counted
    and named (the other message)."""
    with pytest.raises(ValueError) as e:
        kn.centrality.degree(net, weight="latency")
    msg = str(e.value)
    assert msg.startswith("2 selected relations lack the weight 'latency': ")
    assert "no relation has" not in msg
    net.update_relation("om", "cjib", "case", cost=2.5)
    with pytest.raises(ValueError) as e:
        net.view("case", weight="cost")
    assert str(e.value).startswith("2 selected relations lack the weight 'cost': politie -> om")
    # a field no relation has a value for is still a field: counted, not "no relation has"
    with pytest.raises(ValueError) as e:
        net.view(weight="capacity")
    assert str(e.value).startswith("4 selected relations lack the weight 'capacity'")


def test_weight_no_relation_has_in_flow_views(net):
    """The flow selections (capacity, routed views, default layers) word it the same way."""
    expected = "no relation has 'capaciteit'; relation fields: volume, latency, quality, capacity"
    with pytest.raises(ValueError) as e:
        kn.flow.throughput(net, "politie", "cjib", capacity="capaciteit")
    assert expected in str(e.value)
    # even when the fallback would fill every gap: a misspelt name is not a missing value
    with pytest.raises(ValueError) as e:
        kn.flow.throughput(net, "politie", "cjib", capacity="capaciteit", fallback="volume")
    assert expected in str(e.value)


def test_view_bad_arguments(net):
    with pytest.raises(ValueError, match="combine"):
        net.view(combine="mean")
    with pytest.raises(KeyError, match="information"):
        net.view("information")
    with pytest.raises(TypeError):
        net.view([1])


def test_view_empty_layer_selection_is_an_error(net):
    """An empty list is not 'all layers' (python/ketennet/_util.py: layer_list)."""
    with pytest.raises(ValueError, match="empty selection"):
        net.view([])


def test_metric_layer_selection(net):
    assert kn.cohesion.density(net, layers="case") == pytest.approx(3 / 12)
    assert kn.cohesion.density(net, layers="collaboration") == pytest.approx(2 / 12)
    assert kn.cohesion.density(net) == pytest.approx(4 / 12)
    assert kn.resilience.articulation_points(net) == ["om"]
    assert kn.resilience.articulation_points(net, layers="collaboration") == []


def test_negative_weight_rejected_by_betweenness():
    n = kn.Network()
    n.add_layer("l")
    for o in "abc":
        n.add_organisation(o)
    n.add_relation("a", "b", "l", d=-1.0)
    n.add_relation("b", "c", "l", d=1.0)
    with pytest.raises(ValueError, match="a -> b.*negative"):
        kn.centrality.betweenness(n, weight="d")


def test_bad_direction(net):
    with pytest.raises(ValueError, match="direction"):
        kn.centrality.degree(net, "both")


def test_reciprocity_without_ties():
    n = kn.Network()
    n.add_layer("l")
    n.add_organisation("a")
    with pytest.raises(ValueError, match="without relations"):
        kn.cohesion.reciprocity(n)


def test_betweenness_progress_and_cancel(net):
    seen = []
    kn.centrality.betweenness(net, progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0)
    assert all(0.0 <= f <= 1.0 for f in seen) and seen == sorted(seen)
    with pytest.raises(RuntimeError, match="cancel"):
        kn.centrality.betweenness(net, progress=lambda f: False)


def test_betweenness_progress_exception_propagates(net):
    def boom(fraction):
        raise ZeroDivisionError("from callback")
    with pytest.raises(ZeroDivisionError, match="from callback"):
        kn.centrality.betweenness(net, progress=boom)


def test_numpy_bool_field_rejected_like_bool(net):
    """A bool is not a volume: ``volume=True`` is rejected, and so must ``np.bool_(True)`` be
    (from_pandas and from_networkx reject NumPy bools as fields too)."""
    with pytest.raises(ValueError, match="field 'volume' must be a number, not a bool"):
        net.add_relation("rechtspraak", "cjib", "case", volume=True)
    with pytest.raises(ValueError, match="rechtspraak -> cjib.*field 'volume'.*bool"):
        net.add_relation("rechtspraak", "cjib", "case", volume=np.bool_(True))
    assert not net.has_relation("rechtspraak", "cjib", "case")


def test_integer_attribute_too_large_is_value_error():
    """An int that does not fit a double is a bad value: ValueError naming record and attribute."""
    n = kn.Network()
    with pytest.raises(ValueError, match="organisation 'a'.*attribute 'x'"):
        n.add_organisation("a", x=10 ** 400)
    assert len(n) == 0


def test_result_index_and_view_follow_changes():
    """Per-organisation results reuse a cached id index and view; both are rebuilt after a
    change (an added, removed organisation; a copy has its own)."""
    net = kn.Network()
    net.add_layer("l", directed=False)
    for o in "abc":
        net.add_organisation(o)
    net.add_relation("a", "b", "l")
    net.add_relation("b", "c", "l")
    first = kn.cohesion.core_number(net)
    assert first.index.tolist() == ["a", "b", "c"]
    assert first.index.name == "organisation" and first.index.dtype == object
    assert kn.centrality.pagerank(net).index is first.index  # cached, not rebuilt
    copy = net.copy()
    net.add_organisation("d")
    net.add_relation("c", "d", "l")
    net.add_relation("d", "a", "l")
    after = kn.cohesion.core_number(net)
    assert after.index.tolist() == ["a", "b", "c", "d"]
    assert after.to_dict() == {"a": 2, "b": 2, "c": 2, "d": 2}
    assert kn.centrality.pagerank(net).index.tolist() == ["a", "b", "c", "d"]
    assert kn.cohesion.core_number(copy).to_dict() == {"a": 1, "b": 1, "c": 1}
    net.remove_organisation("b")
    assert kn.cohesion.core_number(net).to_dict() == {"a": 1, "c": 1, "d": 1}
    assert kn.cohesion.communities(net).partition.index.tolist() == ["a", "c", "d"]
    # the Series owns its values: changing one result leaves the next call alone
    s = kn.cohesion.core_number(net)
    s.iloc[0] = 99
    assert kn.cohesion.core_number(net).iloc[0] == 1
