"""Defaults are written once, in the C++ options structs: the bindings take them from a
default-constructed struct (``py::arg("alpha") = PageRankOptions{}.alpha``) and the Python
signatures read them from the bindings (``ketennet._util.core_default``). For every public
function, each argument whose Python default is a value (not ``None``, which means "not
given") must have the default of the same-named argument of the compiled functions it calls.
"""
from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

import ketennet as kn
from ketennet import _core
from ketennet._util import _core_defaults, core_default

MODULES = ["centrality", "cohesion", "brokerage", "flow", "resilience", "governance",
           "eventlog", "io", "report", "scenario", "signals", "studies", "plot",
           "stats", "ergm"]

# public functions whose compiled function is reached through a helper, not called by name
CALLS = {
    "brokerage.constraint": ["brokerage.structural_holes"],
    "brokerage.effective_size": ["brokerage.structural_holes"],
    "brokerage.efficiency": ["brokerage.structural_holes"],
    "brokerage.hierarchy": ["brokerage.structural_holes"],
    "eventlog.read_xes_string": ["eventlog.read_xes_string"],
    "Network.view": ["Network.view"],
    "cohesion.clustering": ["Network.view"],
    "cohesion.communities": ["Network.view"],
    "cohesion.modularity": ["Network.view"],
    "plot.compare": ["report.signals"],
}


def public_functions():
    """(name, function) of every public function of the package and method of Network and
    Panel."""
    seen = {}
    for modname in MODULES:
        mod = getattr(kn, modname, None) or __import__(f"ketennet.{modname}", fromlist=["_"])
        for name in getattr(mod, "__all__", [n for n in vars(mod) if not n.startswith("_")]):
            f = getattr(mod, name, None)
            if inspect.isfunction(f) and f.__module__.startswith("ketennet"):
                seen.setdefault(f"{modname}.{name}", f)
    for cls in (kn.Network, kn.Panel):
        for name, f in vars(cls).items():
            if inspect.isfunction(f) and not name.startswith("_"):
                seen[f"{cls.__name__}.{name}"] = f
    for name in kn.__all__:
        f = getattr(kn, name)
        if inspect.isfunction(f):
            seen.setdefault(f"{f.__module__.rsplit('.', 1)[-1]}.{name}", f)
    return sorted(seen.items())


def compiled_calls(qualname: str, f) -> list:
    """The compiled functions ``f`` calls: ``_core.<area>.<name>(...)`` in its source, the
    same-named function of its area, and those listed in CALLS."""
    names = set(CALLS.get(qualname, []))
    area, name = qualname.split(".", 1)
    if hasattr(getattr(_core, area, None), name):
        names.add(f"{area}.{name}")
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(inspect.unwrap(f))))
    except (OSError, TypeError):
        tree = None
    for node in ast.walk(tree) if tree else ():
        if isinstance(node, ast.Attribute):
            parts = []
            cur = node
            while isinstance(cur, ast.Attribute):
                parts.append(cur.attr)
                cur = cur.value
            if isinstance(cur, ast.Name) and cur.id == "_core" and len(parts) == 2:
                names.add(".".join(reversed(parts)))
    out = []
    for n in sorted(names):
        obj = _core
        for part in n.split("."):
            obj = getattr(obj, part, None)
        if obj is not None and callable(obj) and not inspect.isclass(obj):
            out.append((n, obj))
    return out


def comparable(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def pairs():
    """(public argument, compiled function, Python default, C++ default) for every argument
    both sides give a default."""
    out = []
    for qualname, f in public_functions():
        sig = inspect.signature(f)
        for core_name, core_fn in compiled_calls(qualname, f):
            try:
                cdefaults = _core_defaults(core_fn)
            except (SyntaxError, ValueError):
                continue  # a default that is not a literal (io.Limits): no Python counterpart
            for p in sig.parameters.values():
                if p.default is inspect.Parameter.empty or p.default is None:
                    continue
                if p.name in cdefaults and cdefaults[p.name] is not None:
                    out.append((f"{qualname}({p.name})", core_name, p.default, cdefaults[p.name]))
    return out


PAIRS = pairs()


def test_the_check_covers_the_options():
    checked = {name for name, *_ in PAIRS}
    for name in ["centrality.pagerank(alpha)", "centrality.pagerank(tol)", "centrality.katz(beta)",
                 "centrality.hits(tol)", "centrality.betweenness(endpoints)",
                 "cohesion.communities(threshold)", "cohesion.qap(permutations)",
                 "flow.score_chain(fallback)", "resilience.vulnerability(capacity)",
                 "resilience.null_model(seed)", "eventlog.handover_network(beta)",
                 "eventlog.read_xes(max_bytes)", "io.write_json(indent)",
                 "brokerage.constraint(threads)"]:
        assert name in checked
    assert len(PAIRS) >= 60


@pytest.mark.parametrize("name, core_name, python, cpp", PAIRS, ids=[p[0] for p in PAIRS])
def test_python_default_is_the_cpp_default(name, core_name, python, cpp):
    assert comparable(python) == comparable(cpp), (
        f"{name} defaults to {python!r}, the C++ option ({core_name}) to {cpp!r}; read it with "
        "ketennet._util.core_default")
    assert type(python) is type(cpp) or isinstance(python, tuple)


def test_signatures_show_the_values():
    assert inspect.signature(kn.centrality.pagerank).parameters["alpha"].default == 0.85
    assert "alpha: 'float' = 0.85" in str(inspect.signature(kn.centrality.pagerank))
    assert "tol: 'float' = 1e-08" in str(inspect.signature(kn.centrality.hits))


def test_core_default_reads_the_binding():
    assert core_default(_core.centrality.katz, "max_iter") == 1000
    assert core_default(_core.flow.score_chain, "capacity") == "capacity"
    assert core_default(_core.eventlog.handover_network, "quantiles") == []
    with pytest.raises(KeyError, match="pagerank has no default for 'view'"):
        core_default(_core.centrality.pagerank, "view")


def test_a_changed_default_is_caught(monkeypatch):
    """A Python default written as a literal that differs from the C++ option is found."""
    def pagerank(net, alpha: float = 0.9, max_iter: int = 100):
        return _core.centrality.pagerank(net, alpha, None, max_iter)

    pagerank.__module__ = "ketennet.centrality"
    monkeypatch.setattr(kn.centrality, "pagerank", pagerank)
    wrong = [(name, py, cpp) for name, _, py, cpp in pairs() if comparable(py) != comparable(cpp)]
    assert wrong == [("centrality.pagerank(alpha)", 0.9, 0.85)]
