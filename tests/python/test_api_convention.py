"""The Python API convention of docs/api.md: the network first, then the required
organisation arguments, ``weight=``, ``layers=`` and every option after them keyword-only,
``source``/``target`` for one organisation and ``sources``/``targets`` for many. The spellings
it replaced keep working for one release: they give the identical result and a
DeprecationWarning naming the new spelling; the new spelling does not warn."""
from __future__ import annotations

import ast
import inspect
import pathlib
import warnings

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

PACKAGE = pathlib.Path(kn.__file__).resolve().parent


@pytest.fixture(scope="module")
def chain():
    return kn.examples.load("strafrechtketen")


@pytest.fixture(scope="module")
def zvh():
    """A Zorg- en Veiligheidshuis and its partners: one undirected, connected layer with
    volumes (what the current-flow measures need)."""
    net = kn.Network("zvh")
    net.add_layer("overleg", directed=False)
    net.add_layer("info", directed=False)
    for org in ["zvh", "politie", "om", "gemeente", "reclassering"]:
        net.add_organisation(org)
    for i, (a, b) in enumerate([("zvh", "politie"), ("zvh", "om"), ("zvh", "gemeente"),
                                ("zvh", "reclassering"), ("politie", "om"),
                                ("gemeente", "reclassering")]):
        net.add_relation(a, b, "overleg", volume=1.0 + i)
        if i % 2 == 0:
            net.add_relation(a, b, "info", volume=2.0)
    return net


def _same(a, b) -> None:
    """``a`` and ``b`` are the identical result (bit for bit)."""
    assert type(a) is type(b)
    if isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, check_exact=True)
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif hasattr(a, "__dataclass_fields__"):
        for name in (n for n in a.__dataclass_fields__ if not n.startswith("_")):
            x, y = getattr(a, name), getattr(b, name)
            if isinstance(x, (pd.Series, pd.DataFrame, tuple)):
                _same(x, y)
            elif isinstance(x, np.ndarray):
                assert np.array_equal(x, y)
            else:
                assert x == y or (x != x and y != y), name
    else:
        assert a == b


def _call_quietly(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        return fn(*args, **kwargs)


# (name, function getter, network fixture, old args, old kwargs, new args, new kwargs, message)
C = kn.centrality
OLD_SPELLINGS = [
    ("betweenness", lambda: C.betweenness, "chain", ("volume", False), dict(layers="case"),
     (), dict(weight="volume", normalized=False, layers="case"),
     "betweenness(): pass weight, normalized by keyword (weight=..., normalized=...)"),
    ("edge_betweenness", lambda: C.edge_betweenness, "chain", ("latency",), dict(layers="case"),
     (), dict(layers="case", weight="latency"), "edge_betweenness(): pass weight by keyword (weight=...)"),
    ("closeness", lambda: C.closeness, "chain", ("latency", False), dict(layers="case"),
     (), dict(layers="case", weight="latency", wf_improved=False), "closeness(): pass weight, wf_improved"),
    ("harmonic", lambda: C.harmonic, "chain", ("latency",), dict(layers="case"), (), dict(layers="case", weight="latency"),
     "harmonic(): pass weight by keyword"),
    ("pagerank", lambda: C.pagerank, "chain", (0.85, None, 100, 1e-6, None, "volume"),
     dict(layers="case"), (0.85, None, 100, 1e-6, None), dict(weight="volume", layers="case"), "pagerank(): pass weight by keyword"),
    ("katz", lambda: C.katz, "zvh", (0.01, 1.0, 1000, 1e-6, None, True, "volume"), {},
     (0.01, 1.0, 1000, 1e-6, None, True), dict(weight="volume"), "katz(): pass weight"),
    ("eigenvector", lambda: C.eigenvector, "zvh", (100, 1e-6, None, "volume"), {},
     (100, 1e-6, None), dict(weight="volume"), "eigenvector(): pass weight"),
    ("current_flow_closeness", lambda: C.current_flow_closeness, "zvh", ("volume",), {},
     (), dict(weight="volume"), "current_flow_closeness(): pass weight by keyword"),
    ("information", lambda: C.information, "zvh", ("volume",), {}, (), dict(weight="volume"),
     "information(): pass weight by keyword"),
    ("current_flow_betweenness", lambda: C.current_flow_betweenness, "zvh", (False, "volume"),
     {}, (), dict(weight="volume", normalized=False),
     "current_flow_betweenness(): pass normalized, weight by keyword"),
    ("structural_holes", lambda: kn.brokerage.structural_holes, "chain", ("volume",),
     dict(layers="case"),
     (), dict(weight="volume", layers="case"), "structural_holes(): pass weight by keyword"),
    ("constraint", lambda: kn.brokerage.constraint, "chain", ("volume",),
     dict(layers="case"), (),
     dict(weight="volume", layers="case"), "constraint(): pass weight by keyword"),
    ("effective_size", lambda: kn.brokerage.effective_size, "chain", ("volume",),
     dict(layers="case"), (),
     dict(weight="volume", layers="case"), "effective_size(): pass weight"),
    ("efficiency", lambda: kn.brokerage.efficiency, "chain", ("volume",),
     dict(layers="case"), (),
     dict(weight="volume", layers="case"), "efficiency(): pass weight"),
    ("hierarchy", lambda: kn.brokerage.hierarchy, "chain", ("volume",),
     dict(layers="case"), (),
     dict(weight="volume", layers="case"), "hierarchy(): pass weight"),
    ("qap", lambda: kn.cohesion.qap, "zvh", ("overleg", "info", 50, 3), {},
     ("overleg", "info"), dict(permutations=50, seed=3), "qap(): pass permutations, seed"),
    ("node_connectivity", lambda: kn.cohesion.node_connectivity, "chain", (),
     dict(s="politie", t="rechtbank"), (), dict(source="politie", target="rechtbank"),
     "node_connectivity(): the argument s= is deprecated; use source="),
    ("edge_connectivity", lambda: kn.cohesion.edge_connectivity, "chain", ("politie",),
     dict(t="rechtbank"), ("politie", "rechtbank"), {},
     "edge_connectivity(): the argument t= is deprecated; use target="),
    ("throughput", lambda: kn.flow.throughput, "chain", ("politie", "rechtbank", "volume"), {},
     ("politie",), dict(targets="rechtbank", capacity="volume"),
     "throughput(): pass capacity by keyword (capacity=...)"),
    ("throughput sinks=", lambda: kn.flow.throughput, "chain", ("politie",),
     dict(sinks="rechtbank", capacity="volume"), ("politie", "rechtbank"),
     dict(capacity="volume"),
     "throughput(): the argument sinks= is deprecated; use targets="),
    ("dominators", lambda: kn.resilience.dominators, "chain", (), dict(entry="politie"),
     ("politie",), {}, "dominators(): the argument entry= is deprecated; use source="),
    ("min_vertex_cut", lambda: kn.resilience.min_vertex_cut, "chain", ("politie",),
     dict(sinks="rechtbank"), (), dict(sources="politie", targets="rechtbank"),
     "min_vertex_cut(): the argument sinks= is deprecated; use targets="),
    ("simulate", lambda: kn.resilience.simulate, "chain",
     ("degree", "largest_component", 4, None, 7, 1, False), {},
     ("degree", "largest_component"), dict(steps=4, seed=7, threads=1, progress=False),
     "simulate(): pass steps, runs, seed, threads, progress by keyword"),
    ("null_model", lambda: kn.resilience.null_model, "chain", ("configuration", 5), {},
     ("configuration",), dict(seed=5), "null_model(): pass seed by keyword"),
    ("diagnose", lambda: kn.governance.diagnose, "chain", ("high", "low"), {},
     (), dict(trust="high", goal_consensus="low"),
     "diagnose(): pass trust, goal_consensus by keyword"),
    ("to_networkx", lambda: kn.to_networkx, "chain", ("case",), {}, (), dict(layers="case"),
     "to_networkx(): pass layers by keyword"),
    ("write_json", lambda: _written, "chain", (0,), {}, (), dict(indent=0),
     "write_json(): pass indent by keyword (indent=...)"),
    ("from_networkx", lambda: kn.from_networkx, "graph", ("overleg",), {}, (),
     dict(layer="overleg"), "from_networkx(): pass layer by keyword (layer=...)"),
    ("view", lambda: kn.Network.view, "chain", ("case", "volume", "min"), {},
     ("case",), dict(weight="volume", combine="min"),
     "Network.view(): pass weight, combine by keyword (weight=..., combine=...)"),
]


@pytest.fixture(scope="module")
def graph():
    import networkx as nx

    return nx.karate_club_graph()


def _written(net, *args, **kwargs):
    """The JSON text ``kn.write_json`` writes (to a temporary file)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "net.json"
        kn.write_json(net, path, *args, **kwargs)
        return path.read_text(encoding="utf-8")


def _result(fn, net, args, kwargs):
    out = fn(net, *args, **kwargs)
    if fn is kn.to_networkx:  # a graph: compare what it holds
        return (sorted(out.nodes(data=True)), sorted(out.edges(data=True)))
    if fn is kn.Network.view:  # a view: compare its ties
        return tuple(np.asarray(x).tolist() for x in out.edges())
    return out


@pytest.mark.parametrize("case", OLD_SPELLINGS, ids=[c[0] for c in OLD_SPELLINGS])
def test_old_spelling_warns_and_gives_the_same_result(case, request):
    name, get, fixture, old_args, old_kwargs, new_args, new_kwargs, message = case
    fn, net = get(), request.getfixturevalue(fixture)
    new = _call_quietly(_result, fn, net, new_args, new_kwargs)
    with pytest.warns(DeprecationWarning) as caught:
        old = _result(fn, net, old_args, old_kwargs)
    texts = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert any(message in t for t in texts), texts
    assert all(w.filename == __file__ for w in caught), "attributed to the caller's line"
    if isinstance(new, tuple) and new and isinstance(new[0], list):
        assert old == new
    else:
        _same(old, new)


def test_old_and_new_spelling_together_is_an_error(chain):
    with pytest.raises(TypeError, match=r"got both sinks= \(deprecated\) and targets="):
        kn.flow.throughput(chain, "politie", sinks="om", targets="rechtbank")
    with pytest.raises(TypeError, match="multiple values for argument 'weight'"):
        kn.centrality.betweenness(chain, "volume", weight="volume")
    with pytest.raises(TypeError, match="takes at most 3 positional arguments"):
        kn.centrality.betweenness(chain, "volume", True, False)


def test_renamed_methods(chain):
    net = chain.copy()
    net.add_chain("kort", {"in": ["politie"], "uit": ["om"]})
    _call_quietly(net.update_chain, "kort", {"in": ["kmar"], "uit": ["om"]})
    assert net.chain("kort") == {"in": ["kmar"], "uit": ["om"]}
    with pytest.warns(DeprecationWarning,
                      match=r"Network.set_chain\(\) is deprecated; use Network.update_chain\(\)"):
        net.set_chain("kort", {"in": ["politie"], "uit": ["om"]})
    assert net.chain("kort") == {"in": ["politie"], "uit": ["om"]}
    with pytest.raises(KeyError, match="unknown chain 'nope'"):
        net.update_chain("nope", {"in": ["om"]})

    new = _call_quietly(lambda: kn.Scenario(chain).remove_organisations("om").remove_layer("it"))
    with pytest.warns(DeprecationWarning) as caught:
        old = kn.Scenario(chain).remove("om").drop_layer("it")
    assert [str(w.message) for w in caught] == [
        "Scenario.remove() is deprecated; use Scenario.remove_organisations()",
        "Scenario.drop_layer() is deprecated; use Scenario.remove_layer()"]
    assert old.apply() == new.apply() and old.changes == new.changes


def test_throughput_result_names_its_targets(chain):
    r = _call_quietly(kn.flow.throughput, chain, "politie", ["rechtbank", "om"],
                      capacity="volume")
    assert r.targets == ("rechtbank", "om")
    with pytest.warns(DeprecationWarning, match="Throughput.sinks is deprecated; use "
                                                "Throughput.targets"):
        assert r.sinks == r.targets


# every public function of these modules, and the Network's methods, follow the convention
MODULES = ["centrality", "cohesion", "brokerage", "flow", "resilience", "governance", "disclosure",
           "eventlog", "studies", "signals", "scenario", "plot", "report", "io", "panel",
           "examples", "stats", "ergm", "_plot_stats", "_plot_panel", "_plot_ergm", "data"]
NODE_NAMES = {"source", "target", "sources", "targets"}
RETIRED_NAMES = {"s", "t", "sink", "sinks", "entry"}


def _public_functions():
    import importlib

    for m in MODULES:
        mod = importlib.import_module(f"ketennet.{m}")
        for name in getattr(mod, "__all__", dir(mod)):
            obj = getattr(mod, name)
            if inspect.isfunction(obj) and (obj.__module__ == mod.__name__ or  # a package's
                                            obj.__module__.startswith(mod.__name__ + ".")):
                yield f"{m}.{name}", obj
    for cls in (kn.Network, kn.Panel):
        for name, obj in vars(cls).items():
            if isinstance(obj, classmethod):
                obj = obj.__func__
            if inspect.isfunction(obj) and not name.startswith("_"):
                yield f"{cls.__name__}.{name}", obj


FUNCTIONS = list(_public_functions())


@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_weight_and_layers_are_keyword_only(name, fn):
    params = inspect.signature(fn).parameters
    for arg in ("weight", "layers", "threads", "progress"):
        if arg in params and not (arg == "layers" and name in (
                "Network.select_layers", "Network.volume_unit", "Network.view")):
            assert params[arg].kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {arg}"
    assert not RETIRED_NAMES & set(params), f"{name}: {sorted(RETIRED_NAMES & set(params))}"


def test_information_is_current_flow_closeness(zvh):
    a = kn.centrality.information(zvh, weight="volume")
    b = kn.centrality.current_flow_closeness(zvh, weight="volume")
    assert a.name == "information" and b.name == "current_flow_closeness"
    assert np.array_equal(a.to_numpy(), b.to_numpy()) and a.index.equals(b.index)
    doc = inspect.getdoc(kn.centrality.information)
    assert "\n\n" not in doc and ":func:`current_flow_closeness`" in doc
    assert "Examples" in inspect.getdoc(kn.centrality.current_flow_closeness)


def test_helpers_never_import_the_modules_above_them():
    """The shared helpers import nothing of the package but the compiled core."""
    for low in ("_util.py", "_deprecation.py"):
        tree = ast.parse((PACKAGE / low).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert node.module is None and [a.name for a in node.names] == ["_core"], \
                    f"{low}:{node.lineno}"


def test_modules_import_at_the_top():
    """Every import of a module is at its top (before its first function or class), and
    ``__all__`` is assigned once."""
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        seen_def = False
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                seen_def = True
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                assert not seen_def, f"{path.name}:{node.lineno}: import after a definition"
            elif isinstance(node, ast.AugAssign) and getattr(node.target, "id", "") == "__all__":
                raise AssertionError(f"{path.name}:{node.lineno}: __all__ extended")


def test_aggregate_reads_data_not_a_source():
    """``source`` names an organisation everywhere; the data of an aggregation is ``data``."""
    pytest.importorskip("duckdb")
    log = pd.DataFrame({"case:concept:name": ["1", "1", "2", "2"],
                        "concept:name": ["aangifte", "dagvaarding", "aangifte", "vonnis"],
                        "time:timestamp": pd.to_datetime(["2024-01-01", "2024-01-05",
                                                          "2024-01-02", "2024-02-01"]),
                        "org:resource": ["politie", "om", "politie", "rechtbank"]})
    new = _call_quietly(kn.eventlog.aggregate, data=log)
    with pytest.warns(DeprecationWarning,
                      match="aggregate\\(\\): the argument source= is deprecated; use data="):
        old = kn.eventlog.aggregate(source=log)
    _same(old.edges, new.edges)
    _same(old.journeys, new.journeys)
    assert new.edges[["source", "target", "handovers"]].values.tolist() == [
        ["politie", "om", 1], ["politie", "rechtbank", 1]]


THREADED = [
    ("betweenness", lambda net, t: kn.centrality.betweenness(net, threads=t, progress=False)),
    ("harmonic", lambda net, t: kn.centrality.harmonic(net, threads=t, progress=False)),
    ("pagerank", lambda net, t: kn.centrality.pagerank(net, threads=t)),
    ("constraint", lambda net, t: kn.brokerage.constraint(net, threads=t, progress=False)),
    ("structural_holes", lambda net, t: kn.brokerage.structural_holes(net, threads=t,
                                                                        progress=False)),
    ("centralization", lambda net, t: kn.cohesion.centralization(net, "betweenness", threads=t)),
    ("global_efficiency", lambda net, t: kn.flow.global_efficiency(net, threads=t,
                                                                   progress=False)),
    ("vulnerability", lambda net, t: kn.resilience.vulnerability(net, threads=t)),
    ("simulate", lambda net, t: kn.resilience.simulate(net, "degree", steps=3, threads=t,
                                                       progress=False)),
    ("scorecard", lambda net, t: kn.scorecard({"a": net, "b": net}, threads=t, progress=False)),
]


@pytest.mark.parametrize("fn,call", THREADED, ids=[n for n, _ in THREADED])
def test_threads_is_checked_the_same_everywhere(fn, call, chain):
    """``threads=0`` and ``threads=None`` mean all cores, with the result of one thread;
    anything but a whole number >= 0 is an error naming the function."""
    one = call(chain, 1)
    _same(call(chain, 0), one)
    _same(call(chain, None), one)
    with pytest.raises(TypeError, match=f"{fn}: threads must be a whole number .*not float"):
        call(chain, 1.5)
    with pytest.raises(TypeError, match=f"{fn}: threads must be a whole number .*not bool"):
        call(chain, True)
    with pytest.raises(ValueError, match=f"{fn}: threads must be >= 0 .*not -1"):
        call(chain, -1)


@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_threads_and_progress_default_alike(name, fn):
    params = inspect.signature(fn).parameters
    if "threads" in params:
        assert params["threads"].default == 0, name
    if "progress" in params:
        assert params["progress"].default is None, name
