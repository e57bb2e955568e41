"""A network changed while a metric runs on it: the result is the one for the state the
metric started from, labelled with the ids of the view it ran on (docs/reliability.md,
"Threading contract").

Two ways to change a network mid-call are exercised:

- the metric's own ``progress`` callback removes an organisation (it runs on the calling
  thread while the kernel waits);
- the view a metric runs on is taken, then the network changes before the kernel runs (as
  another Python thread may do while this one is between two lines): ``view_of`` is wrapped
  so that it removes an organisation right after returning the view.

Either way the result must equal the result on an unchanged copy: same values, same labels.
A path is used, and the first organisation is removed, so that every vertex index shifts:
labelling with the network's ids after the change would mislabel every value.

    o0 - o1 - o2 - ... - o59        (undirected "tie" layer, weights 1..3)
    o0 -> o1 -> ... -> o59          (directed "case" layer, latency and volume)
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import brokerage, centrality, cohesion, flow, resilience

N = 60


def path_network() -> kn.Network:
    net = kn.Network()
    net.add_layer("tie", directed=False, kind="tie")
    net.add_layer("case", directed=True, kind="case")
    for i in range(N):
        net.add_organisation(f"o{i}", sector="ab"[i % 2])
    for i in range(N - 1):
        net.add_relation(f"o{i}", f"o{i + 1}", "tie", weight=1.0 + i % 3)
        net.add_relation(f"o{i}", f"o{i + 1}", "case", volume=100.0 - i, latency=2.0 + i % 5)
    return net


def same(got, expected) -> None:
    if isinstance(expected, pd.Series):
        pd.testing.assert_series_equal(got, expected)
    elif isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(got, expected)
    elif isinstance(expected, (tuple, list)) and not hasattr(expected, "_fields"):
        assert type(got) is type(expected) and len(got) == len(expected)
        for g, e in zip(got, expected):
            same(g, e)
    elif isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(got)
    elif hasattr(expected, "_fields"):  # NamedTuple results
        assert type(got) is type(expected)
        for field in expected._fields:
            same(getattr(got, field), getattr(expected, field))
    else:
        assert got == expected


# metrics with a progress callback: the callback removes "o0" on its first call
WITH_PROGRESS = {
    "betweenness": lambda net, p: centrality.betweenness(net, layers="tie", progress=p),
    "edge_betweenness": lambda net, p: centrality.edge_betweenness(net, layers="tie", progress=p),
    "closeness": lambda net, p: centrality.closeness(net, layers="tie", progress=p),
    "harmonic": lambda net, p: centrality.harmonic(net, weight="weight", layers="tie", progress=p),
    "information": lambda net, p: centrality.information(net, layers="tie", progress=p),
    "current_flow_closeness":
        lambda net, p: centrality.current_flow_closeness(net, layers="tie", progress=p),
    "current_flow_betweenness":
        lambda net, p: centrality.current_flow_betweenness(net, layers="tie", progress=p),
    "structural_holes": lambda net, p: brokerage.structural_holes(net, layers="tie", progress=p),
    "constraint": lambda net, p: brokerage.constraint(net, layers="tie", progress=p),
    "local_efficiency": lambda net, p: flow.local_efficiency(net, layers="tie", progress=p),
    "first_passage": lambda net, p: flow.first_passage(net, progress=p),
    "vulnerability": lambda net, p: resilience.vulnerability(net, layers="tie", progress=p),
    "simulate": lambda net, p: resilience.simulate(net, "degree", layers="tie", progress=p).curves,
    "simulate_list": lambda net, p: resilience.simulate(net, ["o5", "o6", "o7"], layers="tie",
                                                        progress=p).curves,
}


@pytest.mark.parametrize("name", sorted(WITH_PROGRESS))
def test_progress_callback_that_changes_the_network(name):
    metric = WITH_PROGRESS[name]
    net = path_network()
    expected = metric(net.copy(), False)
    calls = []

    def progress(fraction):
        if not calls:
            net.remove_organisation("o0")
        calls.append(fraction)
        return True

    got = metric(net, progress)
    assert calls, f"{name}: the progress callback was never called"
    assert "o0" not in net.ids
    same(got, expected)
    # and the changed network gives its own result afterwards, with its own labels
    after = metric(net, False)
    if isinstance(after, pd.Series) and after.index.name == "organisation":
        assert list(after.index) == net.ids


# every metric whose result names organisations, run with the network changed between
# taking the view and running the kernel
METRICS = {
    "degree": lambda net: centrality.degree(net, layers="tie"),
    "betweenness": lambda net: centrality.betweenness(net, weight="weight", layers="tie"),
    "edge_betweenness": lambda net: centrality.edge_betweenness(net, layers="tie"),
    "closeness": lambda net: centrality.closeness(net, layers="tie"),
    "harmonic": lambda net: centrality.harmonic(net, layers="tie"),
    "pagerank": lambda net: centrality.pagerank(net, layers="case"),
    "katz": lambda net: centrality.katz(net, layers="tie"),
    "eigenvector": lambda net: centrality.eigenvector(net, max_iter=1000, layers="tie"),
    "hits": lambda net: centrality.hits(net, max_iter=1000, layers="case"),
    "information": lambda net: centrality.information(net, layers="tie"),
    "current_flow_closeness": lambda net: centrality.current_flow_closeness(net, layers="tie"),
    "current_flow_betweenness":
        lambda net: centrality.current_flow_betweenness(net, layers="tie"),
    "structural_holes": lambda net: brokerage.structural_holes(net, layers="tie"),
    "effective_size": lambda net: brokerage.effective_size(net, layers="tie"),
    "efficiency": lambda net: brokerage.efficiency(net, layers="tie"),
    "hierarchy": lambda net: brokerage.hierarchy(net, layers="tie"),
    "gould_fernandez": lambda net: brokerage.gould_fernandez(net, layers="case").raw,
    "ei_index": lambda net: brokerage.ei_index(net, level="organisation", layers="tie"),
    "reciprocity": lambda net: cohesion.reciprocity(net, layers="case", per_organisation=True),
    "clustering": lambda net: cohesion.clustering(net, layers="tie"),
    "components": lambda net: cohesion.components(net, layers="tie", labels=True),
    "core_number": lambda net: cohesion.core_number(net, layers="tie"),
    "communities": lambda net: cohesion.communities(net, layers="tie").partition,
    "local_efficiency": lambda net: flow.local_efficiency(net, layers="tie"),
    "lead_time": lambda net: flow.lead_time(net, "o5", "o40"),
    "lead_time_path": lambda net: flow.lead_time(net, "o5", "o40").path,
    "first_passage": lambda net: flow.first_passage(net),
    "articulation_points": lambda net: resilience.articulation_points(net, layers="tie"),
    "bridges": lambda net: resilience.bridges(net, layers="tie"),
    "dominators": lambda net: resilience.dominators(net, "o3", layers="case"),
    "min_vertex_cut": lambda net: resilience.min_vertex_cut(net, "o3", "o9", layers="case"),
}
# (vulnerability and simulate take no view: they copy the network when they start; the
# progress test above covers them)


@pytest.fixture
def change_after_view(monkeypatch):
    """Make every metric module's ``view_of`` remove organisation "o0" from the network once,
    right after handing out the view."""
    state = {"done": False}  # set True to stop it

    def install(module):
        original = module.view_of

        def view_then_change(net, *args, **kwargs):
            view = original(net, *args, **kwargs)
            if not state["done"] and net._core.has_organisation("o0"):
                state["done"] = True
                net.remove_organisation("o0")
            return view

        monkeypatch.setattr(module, "view_of", view_then_change)

    for module in (centrality, brokerage, cohesion, flow, resilience):
        install(module)
    return state


@pytest.mark.parametrize("name", sorted(METRICS))
def test_network_changed_after_the_view_was_taken(name, change_after_view):
    metric = METRICS[name]
    net = path_network()
    change_after_view["done"] = True  # no change while the expected result is computed
    expected = metric(net.copy())
    change_after_view["done"] = False
    got = metric(net)
    assert change_after_view["done"], f"{name} does not take its view through view_of"
    assert "o0" not in net.ids
    same(got, expected)


def test_labels_of_a_stale_view_come_from_the_view():
    net = path_network()
    view = net.view(layers="tie")
    net.remove_organisation("o0")
    from ketennet import _util

    index = _util.labels(net, view)
    assert list(index) == [f"o{i}" for i in range(N)]
    assert index.name == "organisation"
    s = _util.series(net, view, np.arange(N, dtype=float), "x")
    assert s.index[0] == "o0" and s.iloc[0] == 0.0 and len(s) == N
    # and for the current network, its own ids
    assert list(_util.labels(net, net.view(layers="tie"))) == net.ids


@pytest.mark.parametrize("call", [
    lambda net: flow.lead_time(net, "o5", "o40"),
    lambda net: resilience.dominators(net, "o3", layers="case"),
    lambda net: brokerage.ei_index(net, layers="tie"),
    lambda net: cohesion.node_connectivity(net, "o1", "o9", layers="tie"),
], ids=["lead_time", "dominators", "ei_index", "node_connectivity"])
def test_change_between_reading_the_arguments_and_taking_the_view(call, monkeypatch):
    """Organisation ids (or a partition) read at one state, the view taken at another: a
    clear error, not a result that mixes the two."""
    net = path_network()

    def change_then_view(module):
        original = module.view_of

        def wrapped(n, *args, **kwargs):
            if n._core.has_organisation("o0"):
                n.remove_organisation("o0")
            return original(n, *args, **kwargs)

        monkeypatch.setattr(module, "view_of", wrapped)

    for module in (brokerage, cohesion, flow, resilience):
        change_then_view(module)
    with pytest.raises(kn.NetworkChangedError, match="changed while the call was starting"):
        call(net)
    assert issubclass(kn.NetworkChangedError, RuntimeError)


def test_writers_copy_the_network_they_write(tmp_path):
    """The writers read a copy taken when they start: another thread may change the network
    while the file is written (with the GIL released), and every file holds one state of
    the network: complete, readable, with the organisations it had then."""
    import threading

    net = kn.Network()
    net.add_layer("tie", directed=False)
    ids = [f"o{i}" for i in range(3000)]
    for o in ids:
        net.add_organisation(o, sector="x")
    for i in range(len(ids) - 1):
        net.add_relation(ids[i], ids[i + 1], "tie", weight=1.0)
    done = threading.Event()
    written = []

    def writer():
        for k in range(4):
            path = tmp_path / f"n{k}.{'json' if k % 2 else 'graphml'}"
            (kn.write_json if k % 2 else kn.write_graphml)(net, path)
            written.append(path)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    k = 0
    while not done.is_set():  # change the network while it is being written
        net.add_organisation(f"extra{k}")
        net.add_relation(ids[0], f"extra{k}", "tie", weight=2.0)
        k += 1
    thread.join()
    assert k > 0 and len(written) == 4
    for path in written:
        back = (kn.read_json if path.suffix == ".json" else kn.read_graphml)(path)
        extras = len(back) - len(ids)
        assert 0 <= extras <= k
        # taken between adding an organisation and its relation, or after both
        assert back.number_of_relations() - (len(ids) - 1) in (extras - 1, extras)
