#!/usr/bin/env python3
"""Bit-for-bit fingerprints of every public result of ketennet, to prove a change kept them.

Computes every public metric and result (every function of ``kn.centrality``,
``kn.cohesion``, ``kn.brokerage``, ``kn.flow``, ``kn.resilience``, ``kn.governance``,
``kn.eventlog`` (``temporal_reach`` with and without a waiting limit and stages;
``handover_network`` per period, a Panel) and ``kn.stats`` (the CUG test, permutation test
and bootstrap of every named statistic and of statistics computed in Python, with 20 to 100
draws; ``netlm`` and ``netlogit`` with every method and test statistic; ``relation``,
``same``, ``difference``); ``kn.report`` scorecard, text and HTML; ``kn.scorecard``,
``kn.signals``, ``kn.Scenario`` and ``kn.compare``; ``kn.Panel``: building one, sizes,
scorecard, signals, tie changes, turnover and trajectories; ``kn.ergm``: the summary of
every term, change statistics, fits by MPLE and MCMLE, simulations and goodness of fit; the
readers ``kn.read_matrix`` and ``kn.read_survey`` on the shipped data files, ``kn.ego``,
``kn.disclosure`` and the reports in Dutch and with a minimum count) with the options that
change a result (weight, normalized, layers, direction, given, method, within, stages,
period, layer, min_count, lang, ...) on

* the shipped example networks (``kn.examples``);
* seeded random G(n, p) networks of the shared generator of the NetworkX cross-checks
  (``tests/python/test_crosscheck_networkx.py``): directed and undirected, weighted by a float
  ``w`` and an integer ``latency``; the directed ones read as a case layer with a chain;
* the small degenerate networks of ``tests/python/degenerate_networks.py`` (no organisations,
  one, isolated ones, an empty layer, ...);
* the shipped event logs, also with organisations from ``org:group`` and from the activity
  mapping of the event-log tests;
* for ``kn.ergm``: the examples' undirected ``collaboration`` and directed ``case`` layers
  and the directed and undirected random networks, with a numeric attribute ``rank`` (the
  random ones with three sectors in turn);
* panels: small synthetic panels (``kn.examples.synthetic_panel``, 2 to 4 regions over 2 to
  4 years, of both examples), the handover networks of the shipped logs per month, year or
  quarter, and a panel read back with ``Panel.from_frames``,

and writes ``{case: sha256}`` as JSON. A case is one call, named
``function[input; option=value, ...]`` after the function's public path. Its hash covers,
in order:

* every value bit for bit: floats as their IEEE 754 bits (``-0.0`` differs from ``0.0``; every
  NaN counts as the same missing value, whatever its sign or payload), integers, strings,
  booleans, timestamps, durations and periods exactly;
* every label: a Series' index and name, a DataFrame's index and columns, with the index
  class, dtype and names;
* every dtype;
* a result object's type and public fields (dataclasses and named tuples; fields starting
  with ``_`` are internal and left out), a network's name, metadata, layers, organisations,
  relations and chains, an event log's counts, attributes and events, a panel's units,
  periods and networks, an ERGM term as its formula spelling;
* warnings other than deprecation warnings (``DeprecationWarning``, ``FutureWarning``), so
  an old spelling that now warns does not count as a changed result;
* for a call that raises: the exception's class name and message.

Next to ``FILE`` the script writes ``FILE`` with ``.json`` replaced by ``.leaves.jsonl.gz``
(gzipped JSON lines): every hashed item as (label, text) and the environment (versions, CPU,
threads). ``--check FILE`` recomputes the cases, lists every case whose hash differs from
``FILE`` and, from the leaves file, its first differing label with the values before and
after; exit status 1 when any case differs or is missing.

Deterministic: fixed seeds; ``threads`` pinned (``--threads``, default 1) in every call that
takes it; ``PYTHONHASHSEED=0`` (the script restarts itself with it); figures with a fixed
date (``SOURCE_DATE_EPOCH``) and SVG id salt.

Usage (see docs/development.md)::

    python scripts/metric_hashes.py -o before.json        # on the commit before the change
    python scripts/metric_hashes.py --check before.json   # on the commit after it
    python scripts/metric_hashes.py --list --only centrality.degree
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fnmatch
import gzip
import hashlib
import inspect
import json
import math
import os
import platform
import struct
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests" / "python"

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    # The same set iteration order in every run: restart with PYTHONHASHSEED=0 (before the
    # heavy imports).
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]],
              dict(os.environ, PYTHONHASHSEED="0"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import ketennet as kn  # noqa: E402

FORMAT = "ketennet-metric-hashes 1"

#: Warnings that do not count as a changed result: an old spelling kept as a deprecated alias.
IGNORED_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)

# ------------------------------------------------------------------------ canonical form


class Leaves:
    """The canonical items of one result as (label, text) pairs, in order; :meth:`digest`
    is their SHA-256."""

    def __init__(self) -> None:
        self.items: List[Tuple[str, str]] = []

    def add(self, label: str, text: str) -> None:
        self.items.append((label, text))

    def digest(self) -> str:
        h = hashlib.sha256()
        for label, text in self.items:
            h.update(label.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
            h.update(text.encode("utf-8", "surrogatepass"))
            h.update(b"\x1e")
        return h.hexdigest()


def _float_text(x: float, kind: str = "f64") -> str:
    """A float as its IEEE 754 bits in hex (``f64:3ff0000000000000``); every NaN as
    ``f64:nan``."""
    if math.isnan(x):
        return f"{kind}:nan"
    if kind == "f32":
        return f"f32:{struct.unpack('<I', struct.pack('<f', x))[0]:08x}"
    return f"f64:{struct.unpack('<Q', struct.pack('<d', x))[0]:016x}"


def readable(text: str) -> str:
    """An item's text for people: float bits with their decimal value."""
    for kind, fmt, width in (("f64:", "<d", 16), ("f32:", "<f", 8)):
        if text.startswith(kind) and len(text) == 4 + width:
            bits = int(text[4:], 16)
            value = struct.unpack(fmt, bits.to_bytes(width // 2, "little"))[0]
            return f"{value!r} ({text})"
    return text


def scalar_text(v: Any) -> str:
    """Exact text of one scalar value, with its type."""
    if v is None:
        return "None"
    if v is pd.NA:
        return "NA"
    if v is pd.NaT:
        return "NaT"
    if isinstance(v, (bool, np.bool_)):
        return f"{type(v).__name__}:{bool(v)}"
    if isinstance(v, np.integer):
        return f"{v.dtype}:{int(v)}"
    if isinstance(v, int):
        return f"int:{v}"
    if isinstance(v, np.float32):
        return _float_text(float(v), "f32")
    if isinstance(v, (float, np.floating)):
        return _float_text(float(v))
    if isinstance(v, str):
        return "str:" + repr(v)
    if isinstance(v, bytes):
        return "bytes:" + v.hex()
    if isinstance(v, pd.Timestamp):
        return f"Timestamp:{v.value} unit={v.unit} tz={v.tz}"
    if isinstance(v, pd.Timedelta):
        return f"Timedelta:{v.value} unit={v.unit}"
    if isinstance(v, pd.Period):
        return f"Period:{v.ordinal} freq={v.freqstr}"
    if isinstance(v, (np.datetime64, np.timedelta64)):
        return f"{v.dtype}:{v.astype('int64')}"
    if isinstance(v, (complex, np.complexfloating)):
        return f"complex:{_float_text(v.real)},{_float_text(v.imag)}"
    raise TypeError(f"no canonical text for a {type(v).__module__}.{type(v).__qualname__}")


def _label(v: Any) -> str:
    if isinstance(v, tuple):
        return ",".join(_label(x) for x in v)
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    if isinstance(v, np.generic):
        return str(v.item())
    return str(v)


def _is_scalar(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or isinstance(
        v, (bool, int, float, complex, str, bytes, np.generic, pd.Timestamp, pd.Timedelta,
            pd.Period))


def _values(label: str, arr, labels: Sequence[str], out: Leaves) -> None:
    """Every element of a 1-d array (or extension array), labelled."""
    dtype = getattr(arr, "dtype", None)
    if isinstance(dtype, pd.CategoricalDtype):
        _index(label + ".categories", dtype.categories, out)
        out.add(label + ".ordered", scalar_text(bool(dtype.ordered)))
        codes = np.asarray(arr.codes if hasattr(arr, "codes") else pd.Categorical(arr).codes)
        for lab, c in zip(labels, codes.tolist()):
            out.add(f"{label}[{lab}]", f"code:{c}")
        return
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        kind = "f32" if dtype.itemsize == 4 else "f64"
        for lab, x in zip(labels, np.asarray(arr, dtype=np.float64).tolist()):
            out.add(f"{label}[{lab}]", _float_text(x, kind))
        return
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        for lab, x in zip(labels, np.asarray(arr).tolist()):
            out.add(f"{label}[{lab}]", f"{dtype}:{x}")
        return
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        ints = np.asarray(arr).view("int64").tolist()
        nat = np.isnat(np.asarray(arr)).tolist()
        for lab, x, missing in zip(labels, ints, nat):
            out.add(f"{label}[{lab}]", "NaT" if missing else f"{dtype}:{x}")
        return
    if isinstance(dtype, pd.DatetimeTZDtype):
        a = pd.DatetimeIndex(arr)
        ints = a.asi8.tolist()
        nat = a.isna().tolist()
        for lab, x, missing in zip(labels, ints, nat):
            out.add(f"{label}[{lab}]", "NaT" if missing else f"{dtype}:{x}")
        return
    for lab, x in zip(labels, list(arr)):
        walk(x, f"{label}[{lab}]", out)


def _index(label: str, index: pd.Index, out: Leaves) -> None:
    out.add(label, f"{type(index).__name__} dtype={index.dtype} names={list(index.names)!r} "
                   f"len={len(index)}")
    if isinstance(index, pd.MultiIndex):
        for i, level in enumerate(index.levels):
            _values(f"{label}.level{i}", level.take(index.codes[i]),
                    range(len(index)), out)
        return
    _values(label, index.array if not isinstance(index.dtype, np.dtype) else index.values,
            range(len(index)), out)


def walk(obj: Any, label: str, out: Leaves) -> None:
    """Add the canonical items of ``obj`` to ``out``, labelled from ``label``."""
    if isinstance(obj, str) and len(obj) > 200 and "\n" in obj:
        lines = obj.split("\n")
        out.add(label, f"str lines={len(lines)}")
        for i, line in enumerate(lines):
            out.add(f"{label}.line[{i + 1}]", scalar_text(line))
    elif _is_scalar(obj):
        out.add(label, scalar_text(obj))
    elif isinstance(obj, pd.DataFrame):
        out.add(label, f"DataFrame shape={obj.shape}")
        _index(label + ".columns", obj.columns, out)
        _index(label + ".index", obj.index, out)
        rows = [_label(r) for r in obj.index]
        for j, col in enumerate(obj.columns):
            s = obj.iloc[:, j]
            out.add(f"{label}[:,{_label(col)}].dtype", str(s.dtype))
            _values(f"{label}", s.array if not isinstance(s.dtype, np.dtype) else s.values,
                    [f"{r},{_label(col)}" for r in rows], out)
        attrs = dict(obj.attrs)
        if attrs:
            walk(attrs, label + ".attrs", out)
    elif isinstance(obj, pd.Series):
        out.add(label, f"Series name={obj.name!r} dtype={obj.dtype} len={len(obj)}")
        _index(label + ".index", obj.index, out)
        _values(label, obj.array if not isinstance(obj.dtype, np.dtype) else obj.values,
                [_label(r) for r in obj.index], out)
        if obj.attrs:
            walk(dict(obj.attrs), label + ".attrs", out)
    elif isinstance(obj, pd.Index):
        _index(label, obj, out)
    elif isinstance(obj, np.ndarray):
        out.add(label, f"ndarray dtype={obj.dtype} shape={obj.shape}")
        flat = obj.reshape(-1)
        labels = [",".join(map(str, ix)) for ix in np.ndindex(obj.shape)] if obj.ndim > 1 \
            else range(len(flat))
        _values(label, flat, labels, out)
    elif isinstance(obj, kn.Network):
        _network(obj, label, out)
    elif isinstance(obj, kn.ergm.Term):
        out.add(label, f"Term {obj!r}")
    elif isinstance(obj, kn.Panel):
        out.add(label, "Panel")
        walk(obj.units, label + ".units", out)
        walk(obj.periods, label + ".periods", out)
        for (unit, period), net in obj:
            walk(net, f"{label}[{_label(unit)},{_label(period)}]", out)
    elif isinstance(obj, kn.eventlog.EventLog):
        out.add(label, "EventLog")
        for name in ("n_events", "n_cases", "reordered_cases", "unmapped_events",
                     "organisation_source", "attributes"):
            value = getattr(obj, name)
            walk(value() if callable(value) else value, f"{label}.{name}", out)
        walk(obj.to_pandas(), f"{label}.events", out)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out.add(label, f"{type(obj).__qualname__}")
        for f in dataclasses.fields(obj):
            if not f.name.startswith("_"):
                walk(getattr(obj, f.name), f"{label}.{f.name}", out)
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        out.add(label, f"{type(obj).__qualname__}")
        for name in obj._fields:
            walk(getattr(obj, name), f"{label}.{name}", out)
    elif isinstance(obj, dict):
        out.add(label, f"dict len={len(obj)}")
        for k, v in obj.items():
            out.add(f"{label}.key", scalar_text(k) if _is_scalar(k) else repr(k))
            walk(v, f"{label}[{_label(k)}]", out)
    elif isinstance(obj, (list, tuple)):
        out.add(label, f"{type(obj).__name__} len={len(obj)}")
        for i, v in enumerate(obj):
            walk(v, f"{label}[{i}]", out)
    elif isinstance(obj, (set, frozenset)):
        # Unordered: items in the order of their canonical text.
        parts = []
        for v in obj:
            sub = Leaves()
            walk(v, "", sub)
            parts.append(sub.items)
        parts.sort()
        out.add(label, f"{type(obj).__name__} len={len(obj)}")
        for i, items in enumerate(parts):
            for lab, text in items:
                out.add(f"{label}{{{i}}}{lab}", text)
    else:
        raise TypeError(f"{label}: no canonical form for a "
                        f"{type(obj).__module__}.{type(obj).__qualname__}")


def _network(net: "kn.Network", label: str, out: Leaves) -> None:
    out.add(label, "Network")
    walk(net.name, label + ".name", out)
    walk(json.loads(json.dumps(net.metadata, sort_keys=False, default=str)),
         label + ".metadata", out)
    walk([tuple(layer) for layer in net.layers.values()], label + ".layers", out)
    walk(net.organisations, label + ".organisations", out)
    walk(net.relations, label + ".relations", out)
    walk({c: net.chain(c) for c in net.chains}, label + ".chains", out)


def fingerprint(fn: Callable[[], Any]) -> Leaves:
    """Call ``fn`` and return the canonical items of its result, its warnings and, when it
    raises, its exception."""
    out = Leaves()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn()
        except Exception as e:  # noqa: BLE001 - a raised error is a result too
            out.add("raises", f"{type(e).__qualname__}: {e}")
            result = None
        else:
            try:
                walk(result, "result", out)
            except TypeError as e:  # a result type this script does not know yet
                print(f"metric_hashes: {e}", file=sys.stderr)
                out.add("cannot hash", str(e))
    seen = []
    for w in caught:
        if issubclass(w.category, IGNORED_WARNINGS):
            continue
        text = f"{w.category.__qualname__}: {w.message}"
        if text not in seen:
            seen.append(text)
    for i, text in enumerate(seen):
        out.add(f"warning[{i}]", text)
    return out


# ------------------------------------------------------------------------------- inputs


def _shared_generators():
    """The shared test generators of tests/python (importable from a checkout)."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    import degenerate_networks
    import test_crosscheck_networkx
    return degenerate_networks, test_crosscheck_networkx


@dataclasses.dataclass
class Input:
    """One network the metrics run on, with the options worth varying on it: the weights
    and layer selections, its chain, the capacity field and its fallback, and the partition
    of the brokerage metrics (built on first use)."""

    name: str
    make: Callable[[], "kn.Network"]
    weights: Tuple[Optional[str], ...]
    layers: Tuple[Any, ...] = (None,)
    chain: Optional[str] = None
    kind: str = "example"
    capacity: Tuple[str, Optional[str]] = ("capacity", "volume")
    partition: Any = "sector"
    _net: Any = None

    @property
    def net(self) -> "kn.Network":
        if self._net is None:
            self._net = self.make()
        return self._net


#: Seeded G(n, p) networks of the shared generator: directed (read as a case layer with a
#: chain of three stages, so the chain indicators apply), undirected, and directed sparse
#: (disconnected, with self-loops).
RANDOM_CASES = ("gnp-d-60", "gnp-u-60", "gnp-d-150-sparse")


def _random_network(crosscheck, case: str) -> "kn.Network":
    """A network of the shared generator; a directed one as a case layer whose relations
    carry volume and capacity ``w`` and quality ``w / 10`` (``w`` is in [0.1, 10]), with a
    chain of three stages over its first six organisations."""
    net = crosscheck.network(case).copy()
    if net.layers["default"].directed:
        net.set_layer_kind("default", "case")
        rel = net.relations
        for s, t, w in zip(rel["source"], rel["target"], rel["w"]):
            net.update_relation(s, t, "default", volume=w, capacity=w, quality=w / 10)
        ids = net.ids
        net.add_chain("keten", {"in": ids[:2], "mid": ids[2:4], "out": ids[4:6]})
    return net


def _groups(net: "kn.Network") -> pd.Series:
    """Three groups in turn over the organisations (the random networks have no sectors)."""
    return pd.Series([f"g{i % 3}" for i in range(len(net))], index=net.ids, dtype=object)


def inputs() -> List[Input]:
    out = []
    for name in kn.examples.names():
        out.append(Input(name, lambda name=name: kn.examples.load(name),
                         weights=(None, "volume", "latency"),
                         layers=(None, "case", "collaboration", ("information", "it")),
                         chain=name, kind="example"))
    degenerate, crosscheck = _shared_generators()
    for case in RANDOM_CASES:
        inp = Input(case, lambda case=case: _random_network(crosscheck, case),
                    weights=(None, "w", "latency"), kind="random", capacity=("capacity", None))
        inp.partition = Arg("<three groups in turn>", lambda inp=inp: _groups(inp.net))
        inp.chain = "keten" if case.startswith("gnp-d") else None
        out.append(inp)
    for d in degenerate.all_cases():
        out.append(Input(d.id, lambda d=d: degenerate.build(d.name, d.directed, d.layers).net,
                         weights=(None, "volume"), layers=(d.layers,), kind="degenerate"))
    return out


def _ends(inp: Input) -> List[Tuple[Any, Any]]:
    """(source, target) pairs for path and flow metrics: single organisations and groups."""
    net = inp.net
    ids = net.ids
    if inp.chain and inp.kind == "example":
        stages = list(net.chain(inp.chain).values())
        return [(stages[0][0], stages[-2][0]), (tuple(stages[0]), tuple(stages[-1]))]
    if not ids:
        return [("a", "b")]
    if len(ids) < 6:
        return [(ids[0], ids[-1])]
    return [(ids[0], ids[-1]), (tuple(ids[:3]), tuple(ids[-3:]))]


def _stages(inp: Input):
    """A chain for the chain metrics: the network's own, or stages of its first ids."""
    if inp.chain:
        return inp.chain
    ids = inp.net.ids
    if len(ids) >= 6:
        return {"in": ids[:2], "mid": ids[2:4], "out": ids[4:6]}
    return {"in": ids[:1] or ["a"], "out": ids[1:2] or ["b"]}


# -------------------------------------------------------------------------------- cases

Case = Tuple[str, Callable[[], Any]]


class Arg:
    """An argument computed when its case runs, named ``text`` in the case's name."""

    def __init__(self, text: str, fn: Callable[[], Any]) -> None:
        self.text, self.fn = text, fn

    def __call__(self) -> Any:
        return self.fn()


def _opt_text(v: Any) -> str:
    if isinstance(v, Arg):
        return v.text
    if isinstance(v, (list, tuple)):
        return "(" + ",".join(_opt_text(x) for x in v) + ")"
    if isinstance(v, dict):
        return "{" + ",".join(f"{k}:{_opt_text(x)}" for k, x in v.items()) + "}"
    return repr(v)


def _grid(**options: Sequence[Any]) -> Iterator[Dict[str, Any]]:
    keys = list(options)
    if not keys:
        yield {}
        return
    first, rest = keys[0], {k: options[k] for k in keys[1:]}
    for v in options[first]:
        for tail in _grid(**rest):
            yield {first: v, **tail}


class Cases:
    """The cases in order. A case names its function by its public path (``"centrality.degree"``
    is ``kn.centrality.degree``), looked up when it runs, so moving a function to another
    module keeps the case's name; ``threads`` is added to every call whose function takes it.
    Arguments given as callables are evaluated when the case runs."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.items: List[Case] = []
        self.names: set = set()

    def add(self, fn: Any, where: str, *args: Any, **kwargs: Any) -> None:
        """Add the call ``fn(*args, **kwargs)``: ``fn`` a public path or ``(name, callable)``."""
        name, target = (fn, None) if isinstance(fn, str) else fn
        shown = lambda v: not callable(v) or isinstance(v, Arg)  # noqa: E731
        opts = ", ".join(f"{k}={_opt_text(v)}" for k, v in kwargs.items() if shown(v))
        arg_text = ", ".join(_opt_text(a) for a in args if shown(a))
        case = f"{name}[{where}" + (f"; {arg_text}" if arg_text else "") + \
            (f"; {opts}" if opts else "") + "]"
        if case in self.names:
            raise ValueError(f"duplicate case {case}")
        self.names.add(case)
        self.items.append((case, lambda: self._call(name, target, args, kwargs)))

    def _call(self, name: str, target: Optional[Callable], args, kwargs) -> Any:
        fn = target
        if fn is None:
            fn = kn
            for part in name.split("."):
                fn = getattr(fn, part)
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            params = {}
        kwargs = {k: (v() if callable(v) else v) for k, v in kwargs.items()}
        if "threads" in params and "threads" not in kwargs:
            kwargs["threads"] = self.threads
        return fn(*(a() if callable(a) else a for a in args), **kwargs)


def network_cases(cases: Cases, inp: Input) -> None:
    """Every metric of one network, with the options that change its result."""
    W, L = inp.weights, inp.layers
    net = lambda: inp.net  # noqa: E731 - built when the case runs, so --list stays fast
    where = inp.name
    add = lambda fn, *a, **k: cases.add(fn, where, net, *a, **k)  # noqa: E731
    part = inp.partition
    partition = part if not isinstance(part, str) else \
        Arg(f"<{part}>", lambda: _sector_partition(inp.net))
    capacity, fallback = inp.capacity

    def sel(o):  # the layers option only when it selects something
        return {k: v for k, v in o.items() if not (k == "layers" and v is None)}

    # Centrality.
    for o in _grid(direction=("all", "in", "out"), layers=L, weight=W):
        add("centrality.degree", **sel(o))
    for o in _grid(weight=W, normalized=(True, False), endpoints=(False, True), layers=L):
        add("centrality.betweenness", **sel(o))
    for o in _grid(weight=W, normalized=(True, False), layers=L):
        add("centrality.edge_betweenness", **sel(o))
        add("centrality.current_flow_betweenness", **sel(o))
        add("centrality.hits", **sel(o))
        add("centrality.katz", alpha=0.05, **sel(o))
    for o in _grid(weight=W, wf_improved=(True, False), layers=L):
        add("centrality.closeness", **sel(o))
    for o in _grid(weight=W, layers=L):
        o = sel(o)
        for fn in ("centrality.harmonic", "centrality.eigenvector", "centrality.information",
                   "centrality.current_flow_closeness", "centrality.pagerank",
                   "brokerage.constraint", "brokerage.effective_size", "brokerage.efficiency",
                   "brokerage.hierarchy", "brokerage.structural_holes",
                   "flow.global_efficiency", "cohesion.communities"):
            add(fn, **o)
        add("centrality.pagerank", alpha=0.5, max_iter=500, **o)
        # Per-organisation inputs: a personalization and dangling vector on the first
        # organisation, a Katz beta of 1, 2, 3, ... in the organisations' order.
        first = Arg("<first organisation: 1>", lambda: _first(inp.net))
        add("centrality.pagerank", personalization=first, dangling=first, **o)
        add("centrality.katz", alpha=0.01, beta=Arg("<1, 2, 3, ...>", lambda: _ramp(inp.net)),
            **o)
        add("cohesion.communities", method="leiden", seed=1, resolution=0.5, **o)
        for per_organisation in (False, True):
            add("flow.local_efficiency", per_organisation=per_organisation, **o)
        for average in (False, True):
            add("cohesion.clustering", average=average, **o)
        add("brokerage.assortativity", attribute=part, **o)
        for normalized in (False, True):
            add("brokerage.mixing_matrix", attribute=part, normalized=normalized, **o)
        for level in ("network", "group", "organisation"):
            add("brokerage.ei_index", attribute=part, level=level, **o)
        add("cohesion.modularity", partition=partition, **o)
    # Whole-network measures, paths, flow and chains, per layer selection.
    for o in _grid(layers=L):
        o = sel(o)
        for fn in ("cohesion.density", "cohesion.transitivity", "cohesion.core_number",
                   "cohesion.multiplexity", "resilience.articulation_points",
                   "resilience.bridges", "resilience.biconnected_components"):
            add(fn, **o)
        add("brokerage.gould_fernandez", partition=part, **o)
        for per_organisation in (False, True):
            add("cohesion.reciprocity", per_organisation=per_organisation, **o)
        for measure in ("degree", "betweenness", "closeness"):
            for direction in ("all", "in", "out"):
                add("cohesion.centralization", measure=measure, direction=direction, **o)
        for kind in ("weak", "strong"):
            for labels in (False, True):
                add("cohesion.components", kind=kind, labels=labels, **o)
        add("cohesion.clustering", combine="max", weight=W[-1], **o)
        add("cohesion.node_connectivity", **o)
        add("cohesion.edge_connectivity", **o)
        source, target = _ends(inp)[0]
        add("cohesion.node_connectivity", s=source, t=target, **o)
        add("cohesion.edge_connectivity", s=source, t=target, **o)
        add("resilience.dominators", entry=source, **o)
        add("flow.first_passage", **o)
        add("flow.first_passage", weight="volume", time="latency", **o)
        for source, target in _ends(inp):
            add("resilience.min_vertex_cut", sources=source, sinks=target, **o)
            for weight in W:
                add("flow.lead_time", source=source, target=target, weight=weight, **o)
            for routing in ("volume", None):
                add("flow.fidelity", source=source, target=target, routing=routing, **o)
            for ends in ("case_ends", None):
                add("flow.expected_lead_time", source=source, targets=target,
                    routing="volume", ends=ends, **o)
            add("flow.throughput", sources=source, sinks=target, capacity=capacity, **o)
            add("flow.throughput", sources=source, sinks=target, capacity=capacity,
                fallback=fallback, bottlenecks=False, **o)
        add("flow.feedback", chain=_stages(inp), **o)
        add("flow.score_chain", chain=_stages(inp), capacity=capacity, fallback=fallback, **o)
        add("governance.diagnose", **o)
        add("governance.diagnose", trust=0.2, goal_consensus=0.4, competency_need=0.5, **o)
        add("governance.diagnose", trust="high", goal_consensus="high",
            competency_need="low", **o)
    add("flow.layers_carrying", "volume")
    add("flow.layers_carrying", "volume", "latency")
    add("cohesion.complexity")
    if inp.chain:
        add("cohesion.complexity", chain=inp.chain)
    cases.add("cohesion.partition_agreement", where, partition,
              Arg("<louvain communities>", lambda: kn.cohesion.communities(inp.net).partition))
    if inp.kind == "example":
        for a, b in (("case", "information"), ("information", "it")):
            for weight in (None, "volume"):
                add("cohesion.qap", a, b, permutations=200, seed=3, weight=weight)
    else:
        first_last = [lambda: list(inp.net.layers)[0], lambda: list(inp.net.layers)[-1]]
        add("cohesion.qap", *first_last, permutations=50, seed=3)
    # Resilience: failures, simulations and null models.
    chain = inp.chain
    for measure in ("efficiency", "largest_component", "throughput", "reachability"):
        for o in _grid(layers=L[:2]):
            add("resilience.vulnerability", measure=measure, chain=chain, capacity=capacity,
                fallback=fallback, **sel(o))
    strategies = ["random", "degree", "betweenness"]
    if inp.kind == "example":
        strategies += ["sector:politie", "layer:it"]
    measures = list(kn.resilience.MEASURES) if chain else ["largest_component", "efficiency"]
    for strategy in strategies:
        for recompute in ((False, True) if strategy in ("degree", "betweenness") else (False,)):
            add("resilience.simulate", strategy=strategy, measures=measures,
                runs=3 if strategy == "random" else None, seed=5, recompute=recompute,
                chain=chain, capacity=capacity, fallback=fallback)
    for kind in ("configuration", "erdos_renyi"):
        add("resilience.null_model", kind=kind, seed=7)


def _first(net: "kn.Network") -> Dict[str, float]:
    return {net.ids[0]: 1.0} if len(net) else {}


def _ramp(net: "kn.Network") -> Dict[str, float]:
    return {o: float(i + 1) for i, o in enumerate(net.ids)}


def _sector_partition(net: "kn.Network") -> pd.Series:
    orgs = net.organisations
    return pd.Series(orgs["sector"].to_numpy(), index=orgs["id"].to_numpy(), name="sector")


def report_cases(cases: Cases, examples: List[Input]) -> None:
    """Scorecards, report text, batch scorecards, signals, scenarios and comparisons."""
    for inp in examples:
        net = lambda inp=inp: inp.net  # noqa: E731
        where = inp.name
        cases.add("report.scorecard", where, net)
        cases.add("report.scorecard", where, net, layers="case", chains=inp.chain, top=3)
        cases.add("report.to_text", where, net)
        cases.add("report.to_html", where, net, figures=False)
        cases.add("report.to_html", where, net, figures=True)
        first = lambda inp=inp: list(inp.net.chain(inp.chain).values())[1][0]  # noqa: E731
        cases.add(("Scenario.apply", _scenario), where, net, first)
        cases.add("compare", where, net, lambda inp=inp, first=first: _scenario(inp.net, first()))
        cases.add("compare", where, net, lambda inp=inp: _degraded(inp.net), layers="case",
                  top=3)
    batch = lambda: _batch(examples)  # noqa: E731
    cases.add("scorecard", "examples+null models", batch)
    cases.add("scorecard", "examples", lambda: [i.net for i in examples],
              chains=[i.chain for i in examples], layers=["case", "information"], top=3)
    cards = lambda: kn.scorecard(_batch(examples))  # noqa: E731
    cases.add("signals", "examples+null models", cards, min_peers=3)
    cases.add("signals", "examples+null models", cards, threshold=2.0, min_peers=2)
    cases.add("signals", "examples+null models; by period", lambda: _periods(examples),
              by="network", period="period", min_peers=2)


def _scenario(net, first):
    """A scenario's network: the first organisation of the second stage fails and the IT
    layer goes."""
    return kn.Scenario(net).remove(first).drop_layer("it").apply()


def _degraded(net):
    rel = net.relations
    row = rel[rel["layer"] == "case"].iloc[0]
    return kn.Scenario(net).degrade(row["source"], row["target"], layer="case", quality=0.5,
                                    latency=20).apply()


_BATCH: Dict[int, list] = {}


def _batch(examples: List[Input]) -> list:
    """The examples and two null models of each, renamed: a batch of six networks."""
    key = id(examples)
    if key not in _BATCH:
        nets = []
        for inp in examples:
            nets.append(inp.net)
            for seed in (1, 2):
                m = kn.resilience.null_model(inp.net, "configuration", seed=seed)
                m.name = f"{inp.name}-null{seed}"
                nets.append(m)
        _BATCH[key] = nets
    return _BATCH[key]


def _periods(examples: List[Input]) -> pd.DataFrame:
    """A batch scorecard in which each network is seen in two periods (the second: its
    configuration null model), for the change signals."""
    frames = []
    for period, seed in (("2022", 1), ("2023", 2)):
        nets = []
        for inp in examples:
            m = inp.net if period == "2022" else kn.resilience.null_model(inp.net, seed=seed)
            m = m.copy()
            m.name = inp.name
            nets.append(m)
        card = kn.scorecard(nets)
        card.insert(0, "period", period)
        frames.append(card)
    return pd.concat(frames, ignore_index=True)


def _fines_map() -> Dict[str, str]:
    """The activities of the road-traffic fines log mapped to organisations (the mapping of
    the event-log tests)."""
    _shared_generators()
    from test_eventlog import FINES_MAP
    return dict(FINES_MAP)


#: The logs: (case label, shipped log, how its events map to organisations).
LOGS = (
    ("helpdesk", "helpdesk", None),
    ("receipt", "receipt", None),
    ("receipt by org:group", "receipt", "org:group"),
    ("roadtraffic100traces", "roadtraffic100traces", None),
    ("roadtraffic100traces by FINES_MAP", "roadtraffic100traces", "FINES_MAP"),
    ("running-example", "running-example", None),
)

#: Stage orders for ``kn.eventlog.temporal_reach``, by log label: {stage: [organisations]}
#: (one organisation in two stages, one in none) and {organisation: stage index}.
TEMPORAL_STAGES = {
    "running-example": (
        {"register": ["Pete", "Mike", "Ellen"], "check": ["Sue", "Sean", "Mike"],
         "decide": ["Sara"]},
        {"Pete": 0, "Mike": 0, "Ellen": 0, "Sue": 1, "Sean": 1, "Sara": 2},
    ),
    "roadtraffic100traces by FINES_MAP": (
        {"police": 0, "prefecture": 1, "judge": 2, "collection agency": 3},
        {"police": ["police"], "appeal": ["prefecture", "judge"]},
    ),
}

_LOG_CACHE: Dict[str, Any] = {}


def _log(label: str):
    """A shipped log, with its organisations mapped as :data:`LOGS` says (cached)."""
    if label not in _LOG_CACHE:
        _, name, organisation = next(x for x in LOGS if x[0] == label)
        log = kn.examples.eventlog(name)
        if organisation == "FINES_MAP":
            log = log.map_organisations(_fines_map(), by="activity")
        elif organisation:
            log = log.with_organisation_attribute(organisation)
        _LOG_CACHE[label] = log
    return _LOG_CACHE[label]


def eventlog_cases(cases: Cases) -> None:
    """Reading the shipped logs, and every log metric on each."""
    for name in kn.examples.eventlog_names():
        path = lambda name=name: kn.examples.eventlog_path(name)  # noqa: E731
        cases.add("examples.eventlog", name, name)
        if ".xes" in kn.examples.eventlog_path(name):
            cases.add("eventlog.read_xes", name, path, organisation_by="resource")
        csv = _csv(name)
        if csv:
            cases.add("eventlog.read_csv", name + " csv", lambda csv=csv: csv)
            cases.add(("eventlog.aggregate", _aggregate), name + " csv", lambda csv=csv: csv)
    for label, name, organisation in LOGS:
        log = lambda label=label: _log(label)  # noqa: E731
        where = label
        add = lambda fn, *a, where=where, log=log, **k: cases.add(fn, where, log, *a, **k)  # noqa
        if organisation is None:
            cases.add("eventlog.from_pandas", where, lambda log=log: log().to_pandas())
        nodes = (None, "activity") if organisation is None else (None,)
        for o in nodes:
            add("eventlog.handover_network", organisation=o)
            add("eventlog.handover_network", beta=0.5, organisation=o, self_loops=True)
            add("eventlog.handover_table", organisation=o, quantiles=(0.5, 0.9))
            add("eventlog.working_together", organisation=o)
            add("eventlog.subcontracting", organisation=o)
            add("eventlog.journeys", organisation=o)
            for collapse in (True, False):
                add("eventlog.variants", organisation=o, collapse=collapse)
        for key in (("activity", "resource", "organisation") if organisation is None
                    else ("organisation",)):
            add("eventlog.directly_follows", key=key)
        journeys = lambda log=log: kn.eventlog.journeys(log())  # noqa: E731
        for days in (35.0, "politierechter", "hoger beroep"):
            cases.add("eventlog.within_norm", where, journeys, days=days)
        cases.add("eventlog.within_norm", where, journeys, days=35.0, counts=True)
        cases.add(("eventlog.network_from_tables", _tables_network), where, log)
        # Per period: a Panel of handover networks (per month only the logs of a year or two).
        for period in ("Y", "Q") + (("M",) if name in ("receipt", "running-example") else ()):
            add("eventlog.handover_network", period=period)
        add("eventlog.handover_network", beta=0.5, self_loops=True, quantiles=(0.9,),
            period="Q")
        # Time-respecting reach along the handovers.
        for o in nodes:
            for within in (None, "0s", "1D", "30D"):
                add("eventlog.temporal_reach", organisation=o, within=within)
        for stages in TEMPORAL_STAGES.get(label, ()):
            for within in (None, "30D"):
                add("eventlog.temporal_reach", within=within, stages=stages)
    run = lambda: _log("running-example")  # noqa: E731
    for period in ("fortnight", 12):
        cases.add("eventlog.handover_network", "running-example", run, period=period)
    for within in (30, "-1D", "soon"):
        cases.add("eventlog.temporal_reach", "running-example", run, within=within)
    for stages in ({}, Arg("<handover network without a chain>",
                           lambda: kn.eventlog.handover_network(_log("running-example")))):
        cases.add("eventlog.temporal_reach", "running-example", run, stages=stages)
    # Metrics on a network built from a log.
    hand = Input("handover(roadtraffic100traces by FINES_MAP)",
                 lambda: kn.eventlog.handover_network(_log("roadtraffic100traces by FINES_MAP")),
                 weights=(None, "volume", "latency"), kind="eventlog")
    for fn in ("centrality.betweenness", "centrality.pagerank", "flow.global_efficiency",
               "report.scorecard", "report.to_text"):
        cases.add(fn, hand.name, lambda: hand.net)
    cases.add("flow.expected_lead_time", hand.name, lambda: hand.net, source="police",
              targets="judge")


def _csv(name: str) -> Optional[str]:
    try:
        return kn.examples.eventlog_path(name, "csv")
    except KeyError:
        return None


def _aggregate(source):
    """``kn.eventlog.aggregate`` on DuckDB of a CSV log, and the network of its tables."""
    a = kn.eventlog.aggregate(source, engine="duckdb")
    return {"edges": a.edges, "nodes": a.nodes, "journeys": a.journeys, "network": a.network()}


def _tables_network(log):
    """``kn.eventlog.network_from_tables`` of a log's handover table."""
    return kn.eventlog.network_from_tables(kn.eventlog.handover_table(log))



# ------------------------------------------------------------------------- kn.stats cases


def _python_density(net: "kn.Network") -> float:
    """A statistic computed in Python (``kn.cohesion.density``), for the callable form of the
    resampling tests."""
    return kn.cohesion.density(net)


def _python_efficiency(net: "kn.Network") -> float:
    """A weighted statistic computed in Python (``kn.flow.global_efficiency`` by latency)."""
    return kn.flow.global_efficiency(net, weight="latency")


PY_DENSITY = Arg("<python: cohesion.density>", lambda: _python_density)
PY_EFFICIENCY = Arg("<python: flow.global_efficiency weight='latency'>",
                    lambda: _python_efficiency)


def _ranked(net: "kn.Network") -> "kn.Network":
    """A copy of ``net`` whose organisations carry a numeric attribute ``rank``: 3, 0, 4,
    1, 5, 2, ... (i * 3 mod 7 in the organisations' order), for ``kn.stats.difference``."""
    net = net.copy()
    for i, o in enumerate(net.ids):
        net.update_organisation(o, rank=float(i * 3 % 7))
    return net


def _terms_sector(net: "kn.Network") -> Dict[str, Any]:
    return {"case": "case", "same_sector": kn.stats.same(net, "sector")}


def _terms_rank(net: "kn.Network") -> Dict[str, Any]:
    r = _ranked(net)
    return {"rank_difference": kn.stats.difference(r, "rank", absolute=True),
            "case": kn.stats.relation(net, layers="case")}


def stats_cases(cases: Cases, ins: List[Input]) -> None:
    """``kn.stats``: the CUG test, the permutation test and the bootstrap of every named
    statistic and of statistics computed in Python, given each conditioning, weighted and
    not; netlm and netlogit with every method and test statistic; the relations they read.
    Draws: 100 on the examples, 50 on the random networks, 20 on the degenerate ones."""
    cases.add("stats.statistic_names", "registry")
    names = kn.stats.statistic_names()
    for inp in (i for i in ins if i.kind == "example"):
        net = lambda inp=inp: inp.net  # noqa: E731
        where = inp.name
        add = lambda fn, *a, where=where, net=net, **k: cases.add(fn, where, net, *a, **k)  # noqa
        null = Arg("<configuration null model, seed 1>",
                   lambda inp=inp: kn.resilience.null_model(inp.net, seed=1))
        # every statistic on the case layers
        for statistic in names:
            add("stats.cug_test", statistic, "edges", layers="case", reps=100, seed=1)
            add("stats.permutation_test", null, statistic, layers="case", reps=100, seed=1)
            add("stats.bootstrap", statistic, layers="case", reps=100, seed=1)
        # each conditioning, on all layers and on an undirected layer
        for given in ("size", "edges", "dyad_census"):
            for layers in (None, "collaboration"):
                add("stats.cug_test", "transitivity", given,
                    **({"layers": layers} if layers else {}), reps=100, seed=2)
            add("stats.cug_test", "global_efficiency", given, layers="case", weight="latency",
                reps=100, seed=3)
            add("stats.cug_test", PY_DENSITY, given, layers="case", reps=50, seed=4)
        add("stats.cug_test", PY_EFFICIENCY, "dyad_census", layers="case", weight="latency",
            reps=50, seed=4)
        add("stats.permutation_test", null, "global_efficiency", layers="case",
            weight="latency", reps=100, seed=3)
        add("stats.permutation_test", null, PY_DENSITY, layers="case", reps=50, seed=4)
        add("stats.permutation_test", null, PY_EFFICIENCY, layers="case", weight="latency",
            reps=50, seed=4)
        add("stats.permutation_test",
            Arg("<without its first organisation>", lambda inp=inp: inp.net.induced(
                inp.net.ids[1:])), "density", reps=20, seed=1)
        add("stats.bootstrap", "density", layers="case", reps=100, seed=2, level=0.9,
            null_value=0.1)
        add("stats.bootstrap", "global_efficiency", layers="case", weight="latency", reps=100,
            seed=3)
        add("stats.bootstrap", PY_DENSITY, layers="case", reps=50, seed=4)
        add("stats.bootstrap", PY_EFFICIENCY, layers="case", weight="latency", reps=50, seed=4)
        add("stats.bootstrap", "density", level=1.5)
        # regression on relations
        sector = Arg("{case:'case',same_sector:<same(sector)>}",
                     lambda inp=inp: _terms_sector(inp.net))
        same_sector = Arg("{same_sector:<same(sector)>}",
                          lambda inp=inp: {"same_sector": kn.stats.same(inp.net, "sector")})
        for fn, statistics in (("stats.netlm", ("t-value", "beta")),
                               ("stats.netlogit", ("z-value", "beta"))):
            for method in ("qap", "qapspp", "qapy", "qapx"):
                for test_statistic in statistics:
                    cases.add(fn, where, "information", sector, net, method,
                              test_statistic=test_statistic, reps=100, seed=1)
            cases.add(fn, where, "information", ["case"], net, reps=100, seed=2)
            cases.add(fn, where, "information", ["case", "collaboration"], net,
                      intercept=False, reps=100, seed=3)
            for directed in (False, True):
                cases.add(fn, where, "collaboration", same_sector, net, directed=directed,
                          reps=100, seed=4)
            cases.add(fn, where, "information", ["case"], net, directed=False, reps=20, seed=4)
            cases.add(fn, where, Arg("<relation(information)>", lambda inp=inp:
                                     kn.stats.relation(inp.net, layers="information")),
                      Arg("{rank_difference:<|difference(rank)|>,case:<relation(case)>}",
                          lambda inp=inp: _terms_rank(inp.net)), reps=100, seed=5)
        cases.add("stats.netlm", where, "case", same_sector, net, weight="volume", reps=100,
                  seed=6)
        cases.add("stats.netlogit", where, "case", same_sector, net, weight="volume", reps=20,
                  seed=6)
        # the relations: each layer selection, the case layer weighted
        for layers in inp.layers:
            add("stats.relation", **({"layers": layers} if layers else {}))
        for weight in inp.weights[1:]:
            add("stats.relation", layers="case", weight=weight)
        add("stats.relation", weight="volume")
        for attribute in ("sector", "name", "colour"):
            add("stats.same", attribute)
        ranked = Arg("<with rank i * 3 mod 7>", lambda inp=inp: _ranked(inp.net))
        for absolute in (False, True):
            cases.add("stats.difference", where, ranked, "rank", absolute=absolute)
        add("stats.difference", "aantal")
        add("stats.difference", "sector")
    for inp in (i for i in ins if i.kind == "random"):
        net = lambda inp=inp: inp.net  # noqa: E731
        add = lambda fn, *a, inp=inp, net=net, **k: cases.add(fn, inp.name, net, *a, **k)  # noqa
        null = Arg("<configuration null model, seed 1>",
                   lambda inp=inp: kn.resilience.null_model(inp.net, seed=1))
        for statistic in ("density", "reciprocity", "transitivity", "betweenness_centralization",
                          "global_efficiency", "strong_components"):
            for given in ("edges", "dyad_census"):
                add("stats.cug_test", statistic, given, reps=50, seed=1)
            add("stats.permutation_test", null, statistic, reps=50, seed=1)
            add("stats.bootstrap", statistic, reps=50, seed=1)
        add("stats.cug_test", "global_efficiency", "edges", weight="w", reps=50, seed=2)
        add("stats.bootstrap", "global_efficiency", weight="w", reps=50, seed=2)
        for weight in (None, "w"):
            add("stats.relation", weight=weight)
        terms = Arg("{w:<relation(weight='w')>,same_group:<same group>}",
                    lambda inp=inp: _terms_groups(inp.net))
        y = Arg("<relation>", lambda inp=inp: kn.stats.relation(inp.net))
        cases.add("stats.netlm", inp.name, y, terms, reps=50, seed=1)
        if not inp.name.endswith("-sparse"):  # 150 organisations: 10 s for 50 draws
            cases.add("stats.netlogit", inp.name, y, terms, reps=20, seed=1)
    for inp in (i for i in ins if i.kind == "degenerate"):
        net = lambda inp=inp: inp.net  # noqa: E731
        layers = {"layers": inp.layers[0]} if inp.layers[0] else {}
        add = lambda fn, *a, inp=inp, net=net, **k: cases.add(fn, inp.name, net, *a, **k)  # noqa
        add("stats.cug_test", "density", **layers, reps=20, seed=1)
        add("stats.cug_test", PY_DENSITY, **layers, reps=20, seed=1)
        add("stats.permutation_test", Arg("<itself>", net), "density", **layers, reps=20,
            seed=1)
        add("stats.bootstrap", "density", **layers, reps=20, seed=1)
        add("stats.relation", **layers)
        y = Arg("<relation>", lambda inp=inp, layers=layers: kn.stats.relation(inp.net, **layers))
        xs = Arg("(<relation>)", lambda y=y: [y()])
        cases.add("stats.netlm", inp.name, y, xs, reps=20, seed=1)


def _terms_groups(net: "kn.Network") -> Dict[str, Any]:
    """A weighted relation and "same group" of three groups in turn."""
    g = net.copy()
    for o, group in _groups(net).items():
        g.update_organisation(o, sector=group)
    return {"w": kn.stats.relation(net, weight="w"), "same_group": kn.stats.same(g, "sector")}


# ------------------------------------------------------------------------ kn.Panel cases

#: The synthetic panels: (case label, arguments of ``kn.examples.synthetic_panel``).
PANELS = (
    ("synthetic 4x3", dict(units=4, periods=3, seed=1)),
    ("synthetic vreemdelingenketen 3x4", dict(units=3, periods=4, seed=2,
                                              example="vreemdelingenketen",
                                              changed_unit="regio 02", change_period=2022)),
    ("synthetic 3x2 unchanged", dict(units=3, periods=2, changed_unit=None)),
)

#: The panels of the shipped event logs: (case label, log label of :data:`LOGS`, period).
LOG_PANELS = (
    ("handover(running-example) per month", "running-example", "M"),
    ("handover(roadtraffic100traces by FINES_MAP) per year",
     "roadtraffic100traces by FINES_MAP", "Y"),
    ("handover(receipt by org:group) per quarter", "receipt by org:group", "Q"),
)

#: The panel ``Panel.from_frames`` builds from the long tables of the first synthetic panel.
FROM_FRAMES = f"Panel.from_frames({PANELS[0][0]})"

_PANEL_CACHE: Dict[str, Any] = {}


def _panel(label: str):
    """A panel of :data:`PANELS`, :data:`LOG_PANELS` or ``from_frames`` (cached)."""
    if label not in _PANEL_CACHE:
        synthetic = dict(PANELS)
        logs = {x[0]: x[1:] for x in LOG_PANELS}
        if label in synthetic:
            panel = kn.examples.synthetic_panel(**synthetic[label])
        elif label in logs:
            log, period = logs[label]
            panel = kn.eventlog.handover_network(_log(log), period=period)
        else:
            panel = kn.Panel.from_frames(*_frames(_panel(PANELS[0][0])))
        _PANEL_CACHE[label] = panel
    return _PANEL_CACHE[label]


def _frames(panel) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """A panel as the long relations (columns unit, period, source, target, layer, fields)
    and its first network's organisations, the input of ``Panel.from_frames``."""
    parts = []
    for (unit, period), net in panel:
        rel = net.relations[["source", "target", "layer", "volume", "latency"]].copy()
        rel.insert(0, "period", period)
        rel.insert(0, "unit", unit)
        parts.append(rel)
    first = next(iter(panel))[1]
    return pd.concat(parts, ignore_index=True), first.organisations[["id", "name", "sector"]]


def _panel_dict(kind: str) -> Dict[Any, Any]:
    """A dict of networks for ``kn.Panel``: the examples and null models over years or
    monthly Periods, or with mixed kinds of period."""
    s = kn.examples.load("strafrechtketen")
    v = kn.examples.load("vreemdelingenketen")
    null = kn.resilience.null_model(s, seed=1)
    if kind == "years":
        return {("zuid", 2024): null, ("noord", 2023): s, ("noord", 2024): null,
                ("zuid", 2022): v}
    if kind == "months":
        return {("noord", pd.Period("2024-02", "M")): null,
                ("noord", pd.Period("2024-01", "M")): s}
    return {("noord", 2023): s, ("noord", pd.Period("2024", "Y")): null}


def _trajectories(panel, metric, *, threads: int, **options):
    """``Panel.trajectories`` with ``threads`` pinned for the metrics that take it."""
    fn = metric
    if isinstance(metric, str):  # found as Panel.trajectories finds it
        module, _, name = metric.rpartition(".")
        modules = [module] if module else list(kn.panel.METRIC_MODULES)
        fn = next((getattr(getattr(kn, m), name) for m in modules
                   if hasattr(getattr(kn, m, None), name)), None)
    if callable(fn) and "threads" in inspect.signature(fn).parameters:
        options["threads"] = threads
    return panel.trajectories(metric, **options)


def _python_constraint(net: "kn.Network") -> pd.Series:
    """A per-organisation metric computed in Python, for ``Panel.trajectories``."""
    return kn.brokerage.constraint(net, weight="volume", layers="case")


def panel_cases(cases: Cases) -> None:
    """``kn.Panel`` on small synthetic panels (``kn.examples.synthetic_panel``), on panels
    of the shipped event logs per period (``kn.eventlog.handover_network(log, period=...)``)
    and on one built with ``Panel.from_frames``: sizes, scorecards, signals, tie changes,
    turnover and trajectories."""
    for label, args in PANELS:
        cases.add("examples.synthetic_panel", label, **args)
    cases.add("examples.synthetic_panel", "errors", units=0)
    cases.add("examples.synthetic_panel", "errors", example="onbekend")
    cases.add("examples.synthetic_panel", "errors", periods=2, changed_unit="regio 99")
    for kind in ("years", "months", "mixed"):
        cases.add("Panel", "dict", Arg(f"<{kind}>", lambda kind=kind: _panel_dict(kind)))
    cases.add("Panel", "dict", {})
    where = f"frames of {PANELS[0][0]}"
    relations = Arg("<relations>", lambda: _frames(_panel(PANELS[0][0]))[0])
    organisations = Arg("<organisations>", lambda: _frames(_panel(PANELS[0][0]))[1])
    cases.add("Panel.from_frames", where, relations, organisations)
    cases.add("Panel.from_frames", where, relations)
    cases.add("Panel.from_frames", where, relations, organisations, directed=False)
    cases.add("Panel.from_frames", where, relations, unit="region")
    labels = [p[0] for p in PANELS] + [p[0] for p in LOG_PANELS] + [FROM_FRAMES]
    for label in labels:
        panel = lambda label=label: _panel(label)  # noqa: E731
        add = lambda fn, *a, label=label, panel=panel, **k: cases.add(  # noqa: E731
            fn, label, panel, *a, **k)
        synthetic = label in dict(PANELS)
        add("Panel.sizes")
        add("Panel.periods_of", Arg("<its last unit>", lambda panel=panel: panel().units[-1]))
        add("Panel.scorecard")
        add("Panel.signals")
        add("Panel.signals", threshold=2.0, change=0.1, min_peers=2)
        add("Panel.tie_changes")
        add("Panel.turnover")
        traj = lambda *a, **k: add(("Panel.trajectories", _trajectories), *a, **k)  # noqa
        traj("centrality.degree")
        traj("pagerank", weight="volume", layers="case")
        if synthetic:
            add("Panel.scorecard", layers="case", top=3)
            add("Panel.scorecard", chains=dict(PANELS)[label].get("example", "strafrechtketen"),
                layers=["case", "information"], top=2)
            for layers in ("case", ("information", "it")):
                add("Panel.tie_changes", layers=layers)
                add("Panel.turnover", layers=layers)
            add("Panel.tie_changes", layers="onbekend")
            add("Panel.periods_of", "onbekend")
            traj("centrality.betweenness", weight="latency", layers="case")
            traj("brokerage.constraint", weight="volume", layers="case")
            traj(Arg("<python: brokerage.constraint weight='volume', layers='case'>",
                     lambda: _python_constraint))
            traj("cohesion.density")
            traj("onbekend")


# ------------------------------------------------------------------------- kn.ergm cases

#: Every term of ``kn.ergm``, each summarised on its own (an error of one term does not hide
#: the others); ``rank`` is the numeric attribute of :func:`_ergm_network`.
ERGM_TERMS = (
    "edges", "mutual", "triangle", "kstar(2)", "kstar(3)", "istar(2)", "ostar(2)",
    "gwesp(0.5, fixed=True)", "gwesp(1.5, fixed=True)", "gwesp(0.5, fixed=False)",
    "gwdsp(0.5, fixed=True)", "gwdegree(0.5, fixed=True)", "gwidegree(0.5, fixed=True)",
    "gwodegree(0.5, fixed=True)", "nodematch('sector')", "nodematch('sector', diff=True)",
    "nodemix('sector')", "nodefactor('sector')", "nodecov('rank')", "nodeicov('rank')",
    "nodeocov('rank')", "absdiff('rank')", "isolates", "nodematch('onbekend')",
)

_ERGM_CACHE: Dict[Any, Any] = {}


def _ergm_network(inp: Input) -> "kn.Network":
    """``inp``'s network with a numeric attribute ``rank`` (:func:`_ranked`); the random
    networks' organisations get the sectors of :func:`_groups` (three groups in turn)."""
    key = ("net", inp.name)
    if key not in _ERGM_CACHE:
        net = _ranked(inp.net)
        if inp.kind == "random":
            for o, group in _groups(net).items():
                net.update_organisation(o, sector=group)
        _ERGM_CACHE[key] = net
    return _ERGM_CACHE[key]


def _ergm_fit(inp: Input, terms: str, layer: str) -> Any:
    """The MPLE of ``terms`` on ``inp``'s layer (cached), for simulate and gof."""
    key = ("fit", inp.name, terms, layer)
    if key not in _ERGM_CACHE:
        _ERGM_CACHE[key] = kn.ergm.fit(_ergm_network(inp), terms, layer=layer, method="mple",
                                       progress=False)
    return _ERGM_CACHE[key]


def _ergm_matrix(inp: Input) -> np.ndarray:
    """A dyadic covariate matrix: (i + 2 j) mod 3 in the organisations' order."""
    n = len(inp.net)
    i, j = np.indices((n, n))
    return ((i + 2 * j) % 3).astype(float)


def ergm_cases(cases: Cases, ins: List[Input]) -> None:
    """``kn.ergm`` on the examples' undirected ``collaboration`` and directed ``case``
    layers and on the seeded random networks (directed and undirected): the summary of
    every term, change statistics, fits by MPLE and MCMLE (small samples, fixed seed),
    simulations (statistics and networks) and goodness-of-fit tables."""
    models = []  # (input, layer, formula of the fits)
    for inp in ins:
        if inp.kind == "example":
            models.append((inp, "collaboration",
                           "edges + gwesp(0.5, fixed=True) + nodematch('sector') + "
                           "absdiff('rank') + edgecov('case')"))
            models.append((inp, "case",
                           "edges + mutual + gwesp(0.5, fixed=True) + nodefactor('sector') + "
                           "nodeicov('rank') + edgecov('information')"))
        elif inp.name in ("gnp-u-60", "gnp-d-60"):
            directed = inp.name.startswith("gnp-d")
            models.append((inp, "default",
                           "edges + " + ("mutual + istar(2)" if directed else "kstar(2)") +
                           " + gwesp(0.5, fixed=True) + nodematch('sector') + nodecov('rank')"))
    for inp, layer, formula in models:
        net = Arg("<with rank>", lambda inp=inp: _ergm_network(inp))
        add = lambda fn, *a, inp=inp, net=net, **k: cases.add(  # noqa: E731
            fn, inp.name, net, *a, **k)
        for term in ERGM_TERMS:
            add("ergm.summary", term, layer=layer)
        add("ergm.summary", formula, layer=layer)
        if inp.kind == "example":
            for term in ("edgecov('case', weight='volume')", "edgecov('collaboration')",
                         "edgecov('information', weight='volume')"):
                add("ergm.summary", term, layer=layer)
        add("ergm.summary", [kn.ergm.edges(), kn.ergm.gwdegree(0.25)], layer=layer)
        add("ergm.summary", Arg("[edgecov(<(i + 2j) mod 3>, name='m')]",
                                lambda inp=inp: [kn.ergm.edgecov(_ergm_matrix(inp), name="m")]),
            layer=layer)
        add("ergm.change_statistics", formula, layer=layer)
        add("ergm.fit", formula, layer=layer, method="mple")
        fit = Arg(f"<mple fit on {layer}>", lambda inp=inp, layer=layer, formula=formula:
                  _ergm_fit(inp, formula, layer))
        cases.add("ergm.simulate", inp.name, fit, nsim=3, burnin=2000, interval=200, seed=1)
        cases.add("ergm.gof", inp.name, fit, nsim=10, burnin=2000, interval=200, seed=1)
        add("ergm.simulate", "edges + triangle", layer=layer, coef=[-1.5, 0.25], nsim=2,
            burnin=1000, interval=100, chains=2, seed=3)
        if inp.kind == "example":
            # MCMLE: a dyad-independent model (exact) and one with gwesp, small samples
            add("ergm.fit", "edges + nodematch('sector')", layer=layer, method="mcmle", seed=1)
            add("ergm.fit", formula, layer=layer, method="mcmle", seed=1, samplesize=64,
                burnin=1000, interval=64, max_iterations=3)
    # errors: each names what and where
    inp = next(i for i in ins if i.kind == "example")
    net = Arg("<with rank>", lambda: _ergm_network(inp))
    add = lambda fn, *a, **k: cases.add(fn, inp.name, net, *a, **k)  # noqa: E731
    add("ergm.summary", "edges", layer="onbekend")
    add("ergm.summary", "edges + onbekend")
    add("ergm.summary", "nodecov('sector')")
    add("ergm.fit", "edges", method="onbekend")
    add("ergm.simulate", "edges")
    add("ergm.simulate", "edges + triangle", coef=[0.0])
    cases.add("ergm.gof", inp.name, net)
    cases.add("ergm.parse_formula", "formula",
              "edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector', diff=True) + "
              "edgecov('case', weight='volume')")


# ------------------------------------------------------------- readers and disclosure


def _sector_table(net: "kn.Network") -> pd.DataFrame:
    """A cross table: relations by the source's sector (rows) and layer (columns), with
    margins ``All``."""
    rel = net.relations
    sector = net.organisations.set_index("id")["sector"]
    return pd.crosstab(rel["source"].map(sector).astype(object), rel["layer"].astype(object),
                       margins=True)


def _sector_counts(net: "kn.Network") -> pd.DataFrame:
    """A tidy table: ``count`` of relations per source and layer."""
    rel = net.relations
    out = rel.groupby([rel["source"].astype(object), rel["layer"].astype(object)]).size()
    return out.rename("count").reset_index()


def data_cases(cases: Cases, examples: List[Input]) -> None:
    """The readers (``kn.read_matrix``, ``kn.read_survey``, ``kn.examples.matrix`` and
    ``survey`` on the shipped data files), ``kn.ego``, ``kn.disclosure`` (``protect`` on
    tables and networks with a fixed secret, ``pseudonym``, ``notice``) and the reports in
    Dutch with a minimum count."""
    path = lambda name: Arg(f"<{name}>", lambda: kn.examples.data_path(name))  # noqa: E731
    matrix, survey = path("synthetic_zvh_matrix.csv"), path("synthetic_zvh_survey.csv")
    xlsx = path("synthetic_zvh_survey.xlsx")
    cases.add("examples.data_names", "registry")
    cases.add("examples.matrix", "shipped")
    for kind in ("csv", "xlsx"):
        for sym in ("respondent", "reciprocated", "either", None):
            cases.add("examples.survey", "shipped", kind=kind, symmetrize=sym)
    cases.add("read_matrix", "shipped", matrix)
    cases.add("read_matrix", "shipped", matrix, layer="overleg", directed=False,
              symmetrize="reciprocated", kind="tie", name="overleg")
    cases.add("read_matrix", "shipped", matrix, symmetrize="max")
    cases.add("read_matrix", "shipped", matrix, directed=False, symmetrize="either")
    cases.add("read_survey", "shipped", survey)
    cases.add("read_survey", "shipped", survey, directed=False, symmetrize="reciprocated")
    cases.add("read_survey", "shipped", xlsx)
    # errors, from tables read beforehand (a message naming a file names the checkout)
    table = lambda name, **k: Arg(f"<table {name}>",  # noqa: E731
                                  lambda: pd.read_csv(kn.examples.data_path(name), **k))
    cases.add("read_matrix", "shipped", table("synthetic_zvh_matrix.csv", sep=";", index_col=0),
              directed=False)
    cases.add("read_matrix", "shipped", table("synthetic_zvh_roster.csv", index_col=0))
    cases.add("read_survey", "shipped", table("synthetic_zvh_survey.csv"),
              respondent="onbekend")
    for inp in examples:
        net = lambda inp=inp: inp.net  # noqa: E731
        add = lambda fn, *a, inp=inp, net=net, **k: cases.add(  # noqa: E731
            fn, inp.name, net, *a, **k)
        first = Arg("<first of the second stage>",
                    lambda inp=inp: list(inp.net.chain(inp.chain).values())[1][0])
        add("ego", first)
        add("ego", first, 2, layers="case", direction="out")
        add("ego", first, 2, layers=("information", "it"), direction="in")
        add("ego", first, 0)
        add("ego", "onbekend")
        cross = Arg("<crosstab sector x layer>", lambda inp=inp: _sector_table(inp.net))
        tidy = Arg("<count per source and layer>", lambda inp=inp: _sector_counts(inp.net))
        for options in ({}, {"min_count": 3}, {"min_count": 3, "round_to": None},
                        {"min_count": 1, "round_to": 1}):
            cases.add("disclosure.protect", inp.name, cross, **options)
            add("disclosure.protect", **options)
        cases.add("disclosure.protect", inp.name, tidy, min_count=3, by=("source", "layer"))
        cases.add("disclosure.protect", inp.name, tidy, min_count=3, ids="source",
                  secret="metric-hashes")
        cases.add("disclosure.protect", inp.name, tidy, by=("source", "layer"), ids="source",
                  secret="metric-hashes", id_length=8)
        cases.add("disclosure.protect", inp.name, tidy, ids="source")
        add("disclosure.protect", min_count=3, keep="omschrijving")
        for lang in ("en", "nl"):
            add("report.scorecard", lang=lang, min_count=5)
            add("report.to_text", lang=lang, min_count=5)
        add("report.to_text", lang="nl")
        add("report.to_html", figures=False, lang="nl", min_count=5)
        add("report.to_html", lang="onbekend")
        card = Arg("<scorecard>", lambda inp=inp: kn.report.scorecard(inp.net))
        cases.add("report.translate", inp.name, card, lang="nl")
        cases.add("report.translate", inp.name, card, lang="onbekend")
        cases.add("report.untranslated", inp.name, card, lang="nl")
    for key, values in (("heading.report", {"name": "strafrechtketen"}),
                        ("goal.citizen", {}), ("onbekend", {})):
        for lang in ("en", "nl"):
            cases.add("report.report_text", "fixed", key, lang=lang, **values)
    cases.add("disclosure.pseudonym", "fixed", "om", "metric-hashes")
    cases.add("disclosure.pseudonym", "fixed", "om", b"metric-hashes", length=8)
    for lang in ("en", "nl"):
        cases.add("disclosure.notice", "fixed", 10, lang=lang)
        cases.add("disclosure.notice", "fixed", None, None, lang=lang)


def all_cases(threads: int) -> List[Case]:
    cases = Cases(threads)
    ins = inputs()
    for inp in ins:
        network_cases(cases, inp)
    report_cases(cases, [i for i in ins if i.kind == "example"])
    eventlog_cases(cases)
    stats_cases(cases, ins)
    panel_cases(cases)
    examples = [i for i in ins if i.kind == "example"]
    ergm_cases(cases, ins)
    data_cases(cases, examples)
    return cases.items


# ------------------------------------------------------------------------------- driver


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(p in name or fnmatch.fnmatchcase(name, p) for p in patterns)


def _select(cases: List[Case], only: Sequence[str], exclude: Sequence[str] = ()) -> List[Case]:
    """The cases that match a pattern of ``only`` (all when empty) and none of ``exclude``."""
    return [c for c in cases
            if (not only or _matches(c[0], only)) and not _matches(c[0], exclude)]


@contextlib.contextmanager
def pinned() -> Iterator[None]:
    """Figures without a date or random ids: matplotlib's SVG writer reads the date from
    ``SOURCE_DATE_EPOCH`` and salts its ids with ``svg.hashsalt``."""
    import matplotlib

    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    old_salt = matplotlib.rcParams["svg.hashsalt"]
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    matplotlib.rcParams["svg.hashsalt"] = "ketennet-metric-hashes"
    try:
        yield
    finally:
        matplotlib.rcParams["svg.hashsalt"] = old_salt
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch


def compute(cases: List[Case], verbose: bool = False) -> Iterator[Tuple[str, Leaves]]:
    """The canonical items of every case, one case at a time, in order."""
    with pinned():
        for name, fn in cases:
            t = time.perf_counter()
            items = fingerprint(fn)
            if verbose:
                print(f"{time.perf_counter() - t:8.3f}s {name}", file=sys.stderr)
            yield name, items


def environment(threads: int) -> Dict[str, Any]:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {"ketennet": kn.__version__, "python": platform.python_version(),
            "numpy": np.__version__, "pandas": pd.__version__, "machine": platform.machine(),
            "cpu": cpu, "threads": threads,
            "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED")}


def leaves_path(path: Path) -> Path:
    name = path.name[:-5] if path.name.endswith(".json") else path.name
    return path.with_name(name + ".leaves.jsonl.gz")


class LeavesWriter:
    """The leaves file: gzipped JSON lines, first ``{"format", "environment"}``, then one
    ``[case, items]`` per case; a case whose items equal an earlier case's is written as
    ``[case, "=<that case>"]``."""

    def __init__(self, path: Path, threads: int) -> None:
        self.fh = gzip.open(leaves_path(path), "wt", encoding="utf-8", compresslevel=1)
        self.first: Dict[str, str] = {}
        self._line({"format": FORMAT, "environment": environment(threads)})

    def _line(self, obj: Any) -> None:
        self.fh.write(json.dumps(obj, separators=(",", ":")) + "\n")

    def add(self, case: str, digest: str, leaves: Leaves) -> None:
        if digest in self.first:
            self._line([case, "=" + self.first[digest]])
        else:
            self.first[digest] = case
            self._line([case, leaves.items])

    def close(self) -> None:
        self.fh.close()


def read_leaves(path: Path, digests: set) -> Tuple[Optional[dict], Dict[str, list]]:
    """From the leaves file beside ``path``: its environment (None when there is no file)
    and the items of the given digests (``digests`` as ``path`` records them)."""
    lp = leaves_path(path)
    if not lp.exists():
        return None, {}
    recorded = json.loads(path.read_text(encoding="utf-8"))
    found: Dict[str, list] = {}
    with gzip.open(lp, "rt", encoding="utf-8") as fh:
        header = json.loads(fh.readline())
        if header.get("format") != FORMAT:
            raise ValueError(f"{lp}: not a leaves file of this script "
                             f"(format {header.get('format')!r}, expected {FORMAT!r})")
        for line in fh:
            case, items = json.loads(line)
            d = recorded.get(case)
            if d in digests and d not in found and not isinstance(items, str):
                found[d] = [tuple(x) for x in items]
    return header.get("environment", {}), found


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _pair(old: str, new: str, width: int = 90) -> Tuple[str, str]:
    """Two long texts cut to ``width`` around their first differing character."""
    old, new = readable(old), readable(new)
    if len(old) <= width and len(new) <= width:
        return old, new
    p = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, p - width // 3)
    cut = lambda t: ("..." if start else "") + _short(t[start:], width)  # noqa: E731
    return cut(old), cut(new)


def explain(old: Optional[List[List[str]]], new: Leaves) -> List[str]:
    """The first differing item of one case, and how many differ."""
    if old is None:
        return ["  (no leaves file: cannot say which value changed)"]
    old_items = old
    new_items = new.items
    diffs = [i for i in range(min(len(old_items), len(new_items)))
             if old_items[i] != new_items[i]]
    lines = []
    if diffs:
        i = diffs[0]
        (ol, ot), (nl, nt) = old_items[i], new_items[i]
        if ol == nl:
            before, after = _pair(ot, nt)
            lines.append(f"  first difference at {ol}: {before} -> {after}")
        else:
            lines.append(f"  first difference at item {i}: {ol} = {_short(readable(ot))} -> "
                         f"{nl} = {_short(readable(nt))}")
    if len(old_items) != len(new_items):
        lines.append(f"  {len(old_items)} items before, {len(new_items)} now")
        if not diffs:
            shorter = min(len(old_items), len(new_items))
            extra = (old_items if len(old_items) > shorter else new_items)[shorter]
            lines.append(f"  first extra item: {extra[0]} = {_short(readable(extra[1]))}")
    lines.append(f"  {len(diffs)} of {min(len(old_items), len(new_items))} aligned items differ")
    return lines


def check(path: Path, before: Dict[str, str], digests: Dict[str, str],
          changed: Dict[str, Leaves], selected: bool, threads: int) -> int:
    """Print the cases of ``before`` (read from ``path``) whose hash differs from
    ``digests`` (with the items of each in ``changed``), are missing (not computed, unless
    the run is a selection) or new; 1 if any differs or is missing."""
    missing = [c for c in before if c not in digests] if not selected else []
    new = [c for c in digests if c not in before]
    env_then, old = read_leaves(path, {before[c] for c in changed})
    if env_then is not None:
        env_now = environment(threads)
        differ = [f"{k}: {env_then.get(k)!r} -> {env_now[k]!r}" for k in env_now
                  if env_then.get(k) != env_now[k]]
        if differ:
            print("environment differs from the recorded run: " + "; ".join(differ))
    for case, leaves in changed.items():
        print(f"DIFFERS {case}")
        for line in explain(old.get(before[case]) if env_then is not None else None, leaves):
            print(line)
    for case in missing:
        print(f"MISSING {case} (in {path.name}, not computed now)")
    for case in new:
        print(f"NEW     {case} (not in {path.name})")
    compared = sum(1 for c in before if c in digests)
    print(f"{compared} cases compared: {len(changed)} differ, {len(missing)} missing, "
          f"{len(new)} new")
    return 1 if changed or missing else 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", type=Path, help="write {case: sha256} to this JSON file "
                   "(and the items to the .leaves.jsonl.gz file beside it)")
    p.add_argument("--check", type=Path, metavar="FILE", help="recompute and list the cases "
                   "whose hash differs from FILE; exit 1 if any differs or is missing")
    p.add_argument("--only", action="append", default=[], metavar="PATTERN",
                   help="only the cases whose name contains PATTERN or matches it as a glob "
                        "(repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="PATTERN",
                   help="leave out the cases whose name contains PATTERN or matches it as a "
                        "glob (repeatable)")
    p.add_argument("--threads", type=int, default=1,
                   help="threads for every call that takes them (default 1)")
    p.add_argument("--list", action="store_true", help="list the case names and stop")
    p.add_argument("-v", "--verbose", action="store_true", help="time each case on stderr")
    args = p.parse_args(argv)
    if args.threads < 1:
        p.error("--threads must be at least 1")
    if not (args.output or args.check or args.list):
        p.error("give -o FILE, --check FILE or --list")
    cases = _select(all_cases(args.threads), args.only, args.exclude)
    if args.list:
        for name, _ in cases:
            print(name)
        return 0
    if not cases:
        p.error(f"no case matches --only {args.only} --exclude {args.exclude}")
    before = json.loads(args.check.read_text(encoding="utf-8")) if args.check else None
    writer = LeavesWriter(args.output, args.threads) if args.output else None
    digests: Dict[str, str] = {}
    changed: Dict[str, Leaves] = {}
    t = time.perf_counter()
    try:
        for name, leaves in compute(cases, args.verbose):
            d = digests[name] = leaves.digest()
            if writer:
                writer.add(name, d, leaves)
            if before is not None and name in before and before[name] != d:
                changed[name] = leaves
    finally:
        if writer:
            writer.close()
    print(f"{len(digests)} cases in {time.perf_counter() - t:.1f} s "
          f"(threads={args.threads})", file=sys.stderr)
    if args.output:
        args.output.write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    if before is None:
        return 0
    return check(args.check, before, digests, changed, bool(args.only or args.exclude),
                 args.threads)


if __name__ == "__main__":
    sys.exit(main())
