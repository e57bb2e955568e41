"""Cross-checks of kn.brokerage against NetworkX, hand-computed cases and bad input.

Peers: NetworkX's ``constraint`` and ``effective_size`` (directed and weighted; 1e-12 wherever
NetworkX defines them), ``local_constraint`` (for hierarchy, which no library has: the
Coleman-Theil index of NetworkX's local constraints), ``attribute_assortativity_coefficient``
and ``attribute_mixing_matrix``, on the graphs of test_crosscheck_networkx.py (NetworkX's
bundled real graphs, random orientations of them, seeded G(n, p) graphs with self-loops and
disconnected parts, each with weights ``w`` and ``latency``) and the built-in examples.
Gould-Fernandez roles are checked against R's sna in test_brokerage_r.py.
"""
from __future__ import annotations

import functools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from test_crosscheck_networkx import CASES, graph, network

TOL = 1e-12
HOLES_CASES = [(c, w) for c in CASES for w in (None, "w", "latency")]
HOLES_IDS = [f"{c}-{w or 'unweighted'}" for c, w in HOLES_CASES]


def _contacts(G, v):
    return set(nx.all_neighbors(G, v)) - {v} if G.is_directed() else set(G[v]) - {v}


def _compare(got: pd.Series, expected: dict, G, metric, deviation, defined):
    """Compare where NetworkX gives a value; ketennet must give NaN exactly where the
    organisation has no ties to others (``defined`` false)."""
    arr = got.to_numpy(dtype=float)
    exp = np.array([expected[v] for v in G.nodes], dtype=float)
    mask = np.array([defined(v) for v in G.nodes])
    assert np.isnan(arr[~mask]).all(), f"{metric}: expected NaN without ties to others"
    assert not np.isnan(arr[mask]).any(), f"{metric}: NaN where the value is defined"
    mask &= ~np.isnan(exp)
    dev = float(np.max(np.abs(arr[mask] - exp[mask]), initial=0.0))
    deviation.record(metric, dev)
    assert dev <= TOL * max(1.0, float(np.max(np.abs(exp[mask]), initial=0.0))), metric


@pytest.mark.parametrize("case,weight", HOLES_CASES, ids=HOLES_IDS)
def test_constraint_and_effective_size_match_networkx(case, weight, deviation):
    G, net = graph(case), network(case)
    nxw = weight
    got = kn.brokerage.structural_holes(net, weight=weight)
    assert list(got.index) == [str(v) for v in G.nodes]
    defined = lambda v: len(_contacts(G, v)) > 0  # noqa: E731
    _compare(got["constraint"], nx.constraint(G, weight=nxw), G, "nx.constraint", deviation,
             defined)
    # NetworkX 3.6's all-nodes sparse-matrix path of effective_size divides m_jq by the
    # maximum of column q instead of row j (scipy's 1-d max(axis=1)), which changes the
    # result whenever mutual weights differ (weighted or directed graphs); its node-by-node
    # path follows the definition, so those graphs are compared with it (it gives NaN to
    # directed organisations without out-ties: left out). For undirected unweighted graphs
    # the node path is Borgatti's shortcut, which counts a contact's self-loop as a tie,
    # so those are compared with the matrix path (exact there: every mutual weight is 2).
    if nxw is None and not G.is_directed():
        es = nx.effective_size(G, weight=nxw)
    else:
        es = nx.effective_size(G, nodes=list(G.nodes), weight=nxw)
    _compare(got["effective_size"], es, G, "nx.effective_size", deviation, defined)
    if (case, weight) == ("karate", "w"):  # the NetworkX discrepancy is real
        bad = nx.effective_size(G, weight=nxw)
        assert max(abs(bad[v] - es[v]) for v in G.nodes) > 1e-3
    # efficiency: Burt's effective size / number of contacts
    eff = {v: (es[v] / len(_contacts(G, v)) if defined(v) else math.nan) for v in G.nodes}
    _compare(got["efficiency"], eff, G, "efficiency (nx es / contacts)", deviation, defined)
    # the single-measure functions return the same numbers
    pd.testing.assert_series_equal(kn.brokerage.constraint(net, weight=weight), got["constraint"],
                                   check_names=False)


def _theil_of_nx(G, v, weight):
    contacts = set(nx.all_neighbors(G, v))
    c = np.array([nx.local_constraint(G, v, j, weight=weight) for j in contacts])
    N = len(c)
    if N < 2:
        return math.nan
    r = N * c / c.sum()
    return float(np.sum(np.where(r > 0, r * np.log(np.where(r > 0, r, 1.0)), 0.0)) / (N * math.log(N)))


@pytest.mark.parametrize("case,weight", [("karate", None), ("karate", "w"), ("florentine", None),
                                         ("karate-oriented", "w"), ("gnp-d-60", None),
                                         ("gnp-u-60", "latency")])
def test_hierarchy_is_the_theil_index_of_networkx_local_constraints(case, weight, deviation):
    G, net = graph(case), network(case)
    got = kn.brokerage.hierarchy(net, weight=weight)
    exp = {v: _theil_of_nx(G, v, weight) for v in G.nodes}
    arr = got.to_numpy(dtype=float)
    e = np.array([exp[v] for v in G.nodes])
    assert np.array_equal(np.isnan(arr), np.isnan(e))
    m = ~np.isnan(e)
    deviation.record("hierarchy (Theil of nx.local_constraint)", float(np.max(np.abs(arr[m] - e[m]))))
    np.testing.assert_allclose(arr[m], e[m], rtol=0, atol=1e-12)
    assert ((arr[m] >= -1e-15) & (arr[m] <= 1 + 1e-12)).all()


def test_hierarchy_hand_computed():
    #   a - b, a - c, a - d, b - c:  c_ab = c_ac = 1/4, c_ad = 1/9 (see the C++ test)
    net = kn.Network()
    net.add_layer("info", directed=False)
    for o in "abcd":
        net.add_organisation(o)
    for s, t in [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")]:
        net.add_relation(s, t, "info")
    c = np.array([0.25, 0.25, 1 / 9])
    r = 3 * c / c.sum()
    expected = float(np.sum(r * np.log(r)) / (3 * np.log(3)))
    h = kn.brokerage.hierarchy(net)
    assert h["a"] == pytest.approx(expected, abs=1e-14)
    assert math.isnan(h["d"])  # one contact
    # all constraint on one contact: a's only strong tie
    star = kn.Network()
    star.add_layer("info", directed=False)
    for o in "hxyz":
        star.add_organisation(o)
    for o in "xyz":
        star.add_relation("h", o, "info")
    assert kn.brokerage.hierarchy(star)["h"] == pytest.approx(0.0, abs=1e-14)


# ----------------------------------------------------------------------------- groups

N_GROUPS = 4


@functools.lru_cache(maxsize=None)
def grouped(case: str):
    """The case's graph with a seeded categorical node attribute ``grp`` (karate: its club)."""
    G = graph(case).copy()
    rng = np.random.default_rng(len(case) + 99)
    for v in G.nodes:
        G.nodes[v]["grp"] = G.nodes[v].get("club") or f"g{rng.integers(0, N_GROUPS)}"
    return G, kn.from_networkx(G)


@pytest.mark.parametrize("case", CASES)
def test_mixing_and_assortativity_match_networkx(case, deviation):
    G, net = grouped(case)
    labels = sorted({d["grp"] for _, d in G.nodes(data=True)})
    mapping = {lab: i for i, lab in enumerate(labels)}
    for normalized in (True, False):
        got = kn.brokerage.mixing_matrix(net, "grp", normalized=normalized)
        assert list(got.index) == labels and list(got.columns) == labels
        exp = nx.attribute_mixing_matrix(G, "grp", mapping=mapping, normalized=normalized)
        dev = float(np.max(np.abs(got.to_numpy() - exp)))
        deviation.record("nx.attribute_mixing_matrix", dev)
        assert dev <= TOL
    r = kn.brokerage.assortativity(net, "grp")
    e = nx.attribute_assortativity_coefficient(G, "grp")
    deviation.record("nx.attribute_assortativity_coefficient", abs(r - e))
    assert r == pytest.approx(e, abs=TOL)


@pytest.mark.parametrize("name", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_assortativity_by_sector_match_networkx(name, deviation):
    net = kn.examples.load(name)
    for layer in net.layers:
        G = kn.to_networkx(net.select_layers(layer))
        # to_networkx of one layer: every edge in that layer; node sector kept
        r = kn.brokerage.assortativity(net, layers=layer)
        e = nx.attribute_assortativity_coefficient(G, "sector")
        deviation.record("nx.attribute_assortativity_coefficient", abs(r - e))
        assert r == pytest.approx(e, abs=TOL)


def _ei_reference(G, attr):
    """E-I by direct counting over NetworkX's edges (each tie once, self-loops left out)."""
    E = I = 0
    for u, v in G.edges():
        if u == v:
            continue
        if G.nodes[u][attr] == G.nodes[v][attr]:
            I += 1
        else:
            E += 1
    return (E - I) / (E + I), E, I


@pytest.mark.parametrize("case", ["karate", "florentine", "gnp-d-100", "gnp-u-150-sparse",
                                  "lesmis-oriented"])
def test_ei_index_counts_ties(case):
    G, net = grouped(case)
    ei, E, I = _ei_reference(G, "grp")
    assert kn.brokerage.ei_index(net, "grp") == pytest.approx(ei, abs=1e-15)
    groups = kn.brokerage.ei_index(net, "grp", level="group")
    # each external tie is external for two groups, each internal tie internal for one
    assert groups["external"].sum() == 2 * E and groups["internal"].sum() == I
    orgs = kn.brokerage.ei_index(net, "grp", level="organisation")
    assert orgs["external"].sum() == 2 * E and orgs["internal"].sum() == 2 * I
    assert list(orgs.index) == net.ids
    assert (orgs["group"] == pd.Series({str(v): d["grp"] for v, d in G.nodes(data=True)})).all()


def test_ei_index_hand_computed_and_weighted():
    #   X = {a, b}, Y = {c}: a - b (w 1), b - c (w 3):  E = 1, I = 1: 0;  weighted E 3, I 1: 1/2
    net = kn.Network()
    net.add_layer("info", directed=False)
    for o, s in [("a", "X"), ("b", "X"), ("c", "Y")]:
        net.add_organisation(o, sector=s)
    net.add_relation("a", "b", "info", volume=1)
    net.add_relation("b", "c", "info", volume=3)
    assert kn.brokerage.ei_index(net) == 0.0
    assert kn.brokerage.ei_index(net, weight="volume") == 0.5
    g = kn.brokerage.ei_index(net, level="group")
    assert g.loc["X"].tolist() == [1.0, 1.0, 0.0] and g.loc["Y"].tolist() == [1.0, 0.0, 1.0]
    o = kn.brokerage.ei_index(net, level="organisation")
    assert o.loc["a", "ei"] == -1.0 and o.loc["b", "ei"] == 0.0 and o.loc["c", "ei"] == 1.0
    # a mapping as partition
    assert kn.brokerage.ei_index(net, {"a": 1, "b": 2, "c": 2}) == 0.0


# ----------------------------------------------------------------------------- bad input

def _sectorless():
    net = kn.Network()
    net.add_layer("info")
    net.add_organisation("politie", sector="politie")
    net.add_organisation("om")
    net.add_organisation("zvh", sector="")
    net.add_relation("politie", "om", "info")
    net.add_relation("om", "zvh", "info")
    return net


@pytest.mark.parametrize("fn", [kn.brokerage.gould_fernandez, kn.brokerage.ei_index,
                                kn.brokerage.assortativity, kn.brokerage.mixing_matrix])
def test_missing_partition_values_are_named(fn):
    with pytest.raises(ValueError, match=r"2 organisations have no sector: 'om', 'zvh'"):
        fn(_sectorless())
    with pytest.raises(ValueError, match=r"no such attribute: 'politie', 'om', 'zvh'"):
        fn(_sectorless(), "regio")
    with pytest.raises(ValueError, match=r"1 organisation has no group: 'zvh'"):
        fn(_sectorless(), {"politie": "a", "om": "b"})
    with pytest.raises(KeyError, match="unknown organisation 'rechtspraak'"):
        fn(_sectorless(), {"politie": "a", "om": "b", "zvh": "c", "rechtspraak": "d"})


def test_single_organisation_networks():
    # constraint NaN and assortativity 0 as NetworkX (tests/python/test_degenerate.py has
    # every case); brokerage roles need a broker between two others
    net = kn.Network()
    net.add_layer("info")
    net.add_organisation("om", sector="om")
    assert kn.brokerage.constraint(net).isna().all()
    with pytest.raises(ValueError, match="gould_fernandez: brokerage roles need at least three organisations"):
        kn.brokerage.gould_fernandez(net)
    assert kn.brokerage.assortativity(net) == 0.0


def test_bad_weights_and_levels():
    net = kn.Network()
    net.add_layer("info")
    for o in "abc":
        net.add_organisation(o, sector="x")
    net.add_relation("a", "b", "info", volume=0.0)
    net.add_relation("b", "c", "info", volume=1.0)
    with pytest.raises(ValueError, match=r"a -> b has weight 0"):
        kn.brokerage.constraint(net, weight="volume")
    with pytest.raises(ValueError, match="level must be one of"):
        kn.brokerage.ei_index(net, level="sector")
    with pytest.raises(TypeError, match="partition must be"):
        kn.brokerage.gould_fernandez(net, 3)
