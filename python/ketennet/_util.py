"""Internal helpers shared by the thin Python modules: views, Series, progress."""
from __future__ import annotations

import ast
import functools
import json
import os
import sys
import warnings
from typing import Any, Callable, Dict, Iterable, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core

Layers = Optional[Union[str, Sequence[str]]]
Ids = Union[str, Sequence[str]]
Progress = Union[None, bool, Callable[[float], object]]


def _core_defaults(fn) -> Dict[str, Any]:
    """{argument: default} of a compiled function, read from the signature pybind11 writes
    on the first line of its ``__doc__`` (the values are literals: numbers, strings, bools,
    lists, None)."""
    return _signature_defaults(fn.__doc__.splitlines()[0])


@functools.lru_cache(maxsize=None)
def _signature_defaults(line: str) -> Dict[str, Any]:
    name, rest = line.split("(", 1)
    args = ast.parse(f"def {name}({rest.rsplit(' -> ', 1)[0]}: pass").body[0].args
    named = args.args[len(args.args) - len(args.defaults):]
    return {a.arg: ast.literal_eval(d) for a, d in zip(named, args.defaults)}


def core_default(fn, name: str):
    """The default of argument ``name`` of the compiled function ``fn`` (``_core.<area>.<f>``).

    Defaults are written once, in the C++ options structs (``PageRankOptions::alpha = 0.85``);
    the binding takes them from a default-constructed struct, and a Python signature reads
    them here, so that ``inspect.signature`` and the docs show the value
    (``alpha: float = core_default(_core.centrality.pagerank, "alpha")`` shows ``alpha=0.85``).
    """
    defaults = _core_defaults(fn)
    if name not in defaults:
        raise KeyError(f"{fn.__name__} has no default for {name!r}")
    return defaults[name]


def layer_list(layers: Layers) -> Optional[list]:
    """``None`` (all layers), one layer name, or a sequence of names -> list or None."""
    if layers is None:
        return None
    if isinstance(layers, str):
        return [layers]
    out = list(layers)
    if not out:
        raise ValueError("layers: an empty selection; pass None for all layers")
    for name in out:
        if not isinstance(name, str):
            raise TypeError(f"layer names must be strings, not {type(name).__name__}")
    return out


def layer_names(net) -> str:
    """For messages: "layers: case, information, it" (the first 20, then "..., (45 in
    all)"), or "the network has no layers", as the C++ core words it."""
    names = list(net.layers)
    if not names:
        return "the network has no layers"
    more = f", ... ({len(names)} in all)" if len(names) > 20 else ""
    return f"layers: {', '.join(names[:20])}{more}"


def check_layers(net, names: Iterable[str], fn: str = "") -> None:
    """KeyError naming the first of ``names`` that is not a layer of ``net`` and the layers
    there are ("unknown layer 'cases' (layers: case, information)")."""
    for name in names:
        if not net.has_layer(name):
            raise KeyError(f"{fn + ': ' if fn else ''}unknown layer {name!r} ({layer_names(net)})")


#: How a view combines the weights of relations of several layers between the same pair
#: (``"sum"``; the default of ``ViewOptions``).
DEFAULT_COMBINE = core_default(_core.Network.view, "combine")


def view_of(net, layers: Layers = None, weight: Optional[str] = None,
            combine: str = DEFAULT_COMBINE, *, complete: bool = False):
    """The cached analysis view of ``net`` (see :meth:`ketennet.Network.view`).

    All layers combined by the default (sum; the default of every metric) goes straight to
    the C++ cache, without the argument checks that only other selections need. Selected
    layers with missing dyads give a :class:`MissingDataWarning`, or, with
    ``complete=True`` (a method that assumes complete data), a :class:`MissingDataError`
    (see :func:`check_missing`)."""
    check_network(net)
    check_missing(net, layers, complete=complete)
    if layers is None and combine == DEFAULT_COMBINE:
        return net._core.view(None, weight, DEFAULT_COMBINE)
    return net.view(layers=layers, weight=weight, combine=combine)


#: The metadata key of the dyads whose tie value is unknown, per layer (docs/data.md,
#: "Missing data"): ``metadata["missing_dyads"][layer] = {"count": ..., ...}``.
MISSING_KEY = "missing_dyads"


class MissingDataWarning(UserWarning):
    """A metric was computed on a layer with missing dyads (non-respondents of a survey,
    blank cells of a matrix): the unknown ties count as absent, so the result describes the
    observed network only. The message names the layer, the number of missing dyads and
    the response rate (docs/data.md, "Missing data")."""


class MissingDataError(ValueError):
    """A method that assumes complete data (the tests and regressions of
    :mod:`ketennet.stats`, :func:`ketennet.cohesion.qap`) was asked about a layer with
    missing dyads. The message names the layer, the number of missing dyads and the
    response rate."""


def missing_dyads(net, layers: Layers = None) -> Dict[str, dict]:
    """``{layer: entry}`` of the selected layers (``None``: all) that have missing dyads
    (``metadata["missing_dyads"][layer]`` with a ``count`` above 0); ``{}`` for complete
    data. Read from the metadata once per revision of the network (the revision changes
    with the metadata), so that the check costs a metric call next to nothing."""
    rev = net._core.revision
    cached_rev, entries = net._missing_cache
    if cached_rev != rev:
        text = net._core.metadata_json
        entries = {}
        if f'"{MISSING_KEY}"' in text:
            found = json.loads(text).get(MISSING_KEY)
            if isinstance(found, dict):  # counted among the organisations there are now
                current = restrict_missing(found, net._core.organisation_ids(),
                                           {name: d for name, d, _ in net._core.layers()})
                entries = {k: v for k, v in current.items() if v["count"] > 0}
        net._missing_cache = (rev, entries)
    if not entries:
        return {}
    names = layer_list(layers)
    names = list(net.layers) if names is None else names
    return {name: entries[name] for name in names if name in entries and net.has_layer(name)}


def missing_pairs(ids: Sequence[str], entry: Mapping[str, Any], directed: bool) -> set:
    """The missing dyads (pairs of ids; ``a < b`` on an undirected layer) that an entry of
    ``metadata["missing_dyads"]`` describes among the organisations ``ids``: its blank
    ``cells``, and the dyads its ``non_respondents`` did not report on (their outgoing
    dyads on a directed layer; under ``symmetrize="reciprocated"`` every pair with a
    non-respondent, under the other rules every pair of two non-respondents)."""
    keep = set(ids)
    non = [o for o in entry.get("non_respondents") or [] if o in keep]
    out = set()
    for pair in entry.get("cells") or []:
        if len(pair) == 2 and pair[0] in keep and pair[1] in keep:
            a, b = pair
            out.add((a, b) if directed or a < b else (b, a))
    if directed:
        out.update((a, b) for a in non for b in ids if b != a)
    elif entry.get("symmetrize") == "reciprocated":
        out.update((min(a, b), max(a, b)) for a in non for b in ids if b != a)
    else:
        out.update((min(a, b), max(a, b)) for a in non for b in non if b != a)
    return out


def restrict_missing(entries: Mapping[str, Any], ids: Sequence[str],
                     directed: Mapping[str, bool]) -> Dict[str, dict]:
    """The entries of ``metadata["missing_dyads"]`` of the layers in ``directed`` ({layer:
    directed}) restricted to the organisations ``ids``: their missing dyads, all dyads,
    non-respondents and response rate counted there (a subnetwork, an ego network, a
    network organisations were removed from)."""
    ids = list(ids)
    keep, n = set(ids), len(ids)
    out = {}
    for name, entry in entries.items():
        if name not in directed or not isinstance(entry, dict):
            continue
        d = bool(directed[name])
        pairs = missing_pairs(ids, entry, d)
        e = dict(entry)
        e["count"] = len(pairs)
        e["dyads"] = n * (n - 1) // (1 if d else 2)
        if entry.get("cells"):
            e["cells"] = [list(p) for p in entry["cells"] if p[0] in keep and p[1] in keep]
        non = [o for o in entry.get("non_respondents") or [] if o in keep]
        e["non_respondents"] = non
        if entry.get("response_rate") is not None:
            e["respondents"] = n - len(non)
            e["response_rate"] = (n - len(non)) / n if n else None
        out[name] = e
    return out


def missing_text(layer: str, entry: Mapping[str, Any]) -> str:
    """"layer 'survey' has 6 missing dyads of 12 (response rate 0.67)": what the warning,
    the error and the scorecard note say about a layer with missing dyads."""
    rate = entry.get("response_rate")
    total = entry.get("dyads")
    of = f" of {total}" if total is not None else ""
    how = f"response rate {rate:.2f}" if isinstance(rate, (int, float)) else "blank cells"
    count = entry.get("count")
    return f"layer '{layer}' has {count} missing dyad{'' if count == 1 else 's'}{of} ({how})"


def check_missing(net, layers: Layers = None, fn: str = "", *, complete: bool = False) -> None:
    """The one rule for metrics on layers with missing dyads: a :class:`MissingDataWarning`
    (missing ties counted as absent), or a :class:`MissingDataError` when ``complete`` (a
    method whose result assumes complete data). ``fn`` names the function; by default the
    public function that called into this package."""
    found = missing_dyads(net, layers)
    if not found:
        return
    # the warning points at the caller's line, and names the outermost public function of
    # the package on the stack (the one the caller called)
    package = os.path.dirname(os.path.abspath(__file__)) + os.sep
    frame, level, caller = sys._getframe(1), 2, fn
    while frame is not None and frame.f_code.co_filename.startswith(package):
        code = frame.f_code
        if not fn and not code.co_name.startswith(("_", "<")) and \
                not code.co_filename.endswith("_deprecation.py"):
            caller = code.co_name
        frame, level = frame.f_back, level + 1
    what = "; ".join(missing_text(name, entry) for name, entry in found.items())
    head = f"{caller}: " if caller else ""
    if complete:
        raise MissingDataError(
            f"{head}{what}: this method assumes complete data (missing ties would count as "
            "absent); analyse the respondents only (net.induced(respondents)) or fill the "
            "missing dyads in first (docs/data.md, \"Missing data\")")
    warnings.warn(f"{head}{what}; the missing ties count as absent, so the result describes "
                  "the observed ties only", MissingDataWarning, stacklevel=level)


def check_network(net) -> None:
    """TypeError unless ``net`` is a :class:`ketennet.Network` (recognised by the C++ network
    it holds, so that this module needs nothing from the modules above it)."""
    if not isinstance(getattr(net, "_core", None), _core.Network):
        raise TypeError(f"expected a ketennet.Network, not {type(net).__name__}")


def index_of(net, oid, what: str, fn: str) -> int:
    """The vertex index of organisation ``oid`` (TypeError / KeyError naming ``fn`` and the
    role ``what`` of the organisation otherwise)."""
    if not isinstance(oid, str):
        raise TypeError(f"{fn}: {what} must be an organisation id (str), not {type(oid).__name__}")
    if not net._core.has_organisation(oid):
        raise KeyError(f"{fn}: unknown {what} organisation {oid!r}")
    return net._core.index_of(oid)


def indices_of(net, ids: Ids, what: str, fn: str) -> list:
    """Vertex indices of one organisation id or a list of them (at least one)."""
    if isinstance(ids, str):
        return [index_of(net, ids, what, fn)]
    if not isinstance(ids, (list, tuple, set, frozenset, pd.Index, np.ndarray, pd.Series)):
        raise TypeError(f"{fn}: {what} must be an organisation id (str) or a list of ids, "
                        f"not {type(ids).__name__}")
    out = [index_of(net, oid, what, fn) for oid in ids]
    if not out:
        raise ValueError(f"{fn}: no {what} organisation given")
    return out


class NetworkChangedError(RuntimeError):
    """The network changed while a call on it was starting: its arguments were read at one
    state of the network and its view taken at another (a change from another thread). Run
    the call again; see the threading contract in docs/reliability.md."""


def check_view(view, revision: int, fn: str):
    """``view`` when it reflects the network at ``revision`` (the state at which the call
    read its other inputs: organisation ids, partitions, per-organisation values);
    :class:`NetworkChangedError` otherwise."""
    if view.revision != revision:
        raise NetworkChangedError(
            f"{fn}: the network changed while the call was starting (revision {revision}, "
            f"view of revision {view.revision}); run it again, and do not change a network "
            "from another thread while a metric on it runs")
    return view


def labels(net, view) -> pd.Index:
    """The organisation ids of ``view``, as the index of a per-organisation result (object
    dtype, named "organisation").

    A result is labelled with the ids of the view it was computed on, not with the network's
    ids when the kernel returns: the network may have changed meanwhile (another thread, a
    progress callback). While the view is current this is the network's cached index."""
    rev, index = net._index_cache
    if rev == view.revision:
        return index
    index = make_index(np.asarray(view.ids, dtype=object), "organisation")
    if view.revision == net._core.revision:
        net._index_cache = (view.revision, index)
    return index


def id_array(net, view) -> np.ndarray:
    """The organisation ids of ``view`` as an object array (vertex index -> id)."""
    return labels(net, view).to_numpy()


def series(net, view, values, name: str) -> pd.Series:
    """Per-organisation values computed on ``view`` (one per vertex, in view order) as a
    Series indexed by the view's organisation ids (see :func:`labels`)."""
    return pd.Series(np.asarray(values), index=labels(net, view), name=name, copy=False)


def make_index(values: np.ndarray, name: str) -> pd.Index:
    """An index of organisation ids (object dtype) named ``name``."""
    return pd.Index(values, name=name, dtype=object, copy=False)


#: With ``progress=None`` (the default of long kernels) a progress bar appears once the call
#: has run this many seconds: long calls show progress, quick ones print nothing.
AUTO_PROGRESS_DELAY = 1.0


def _clock() -> float:
    """Seconds on a monotonic clock (the time base of the automatic progress bar)."""
    import time

    return time.monotonic()


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (the test tqdm.autonotebook uses)."""
    import sys

    return "ipykernel.zmqshell" in sys.modules or "IPython.utils._process_emscripten" in sys.modules


def _bar_class():
    """The tqdm class for a progress bar: tqdm's notebook widget in a Jupyter kernel that has
    ipywidgets, a text bar otherwise.

    ``tqdm.auto`` would warn ("IProgress not found") in a notebook without ipywidgets and
    then fall back to the text bar; this picks the text bar there without the warning."""
    if _in_notebook():
        try:
            from tqdm import notebook
        except ImportError:  # IPython missing or broken: a text bar does
            notebook = None
        if notebook is None or getattr(notebook, "IProgress", None) is None:
            from tqdm.std import tqdm

            return tqdm
    from tqdm.auto import tqdm

    return tqdm


def progress_handler(progress: Progress, desc: str) -> Optional[Callable[[float], bool]]:
    """The progress callback handed to a C++ kernel.

    ``None`` (default): automatic, a tqdm bar (a widget in a notebook with ipywidgets, text
    otherwise) that appears only when the call has run longer than
    :data:`AUTO_PROGRESS_DELAY` seconds, so quick calls print nothing; ``False``: no
    reporting; ``True``: a tqdm bar at once; a callable: called with the fraction done
    (return ``False`` to cancel). The bar is removed when the call completes."""
    if progress is False:
        return None
    if progress is None or progress is True:
        start = _clock()
        delay = 0.0 if progress is True else AUTO_PROGRESS_DELAY
        state = {"bar": None}

        def update(fraction: float) -> bool:
            bar = state["bar"]
            if bar is None:
                if delay > 0 and (fraction >= 1.0 or _clock() - start < delay):
                    return True
                bar = state["bar"] = _bar_class()(
                    total=100, desc=desc, leave=False,
                    bar_format="{l_bar}{bar}| {n_fmt}% [{elapsed}<{remaining}]")
                bar.start_t -= _clock() - start  # elapsed and remaining count from the call's start
            bar.n = round(100 * fraction)
            bar.refresh()
            if fraction >= 1.0:
                bar.close()
            return True

        return update
    if callable(progress):
        return progress
    raise TypeError("progress must be None, True/False or a callable taking the fraction done")


def thread_count(threads, fn: str) -> int:
    """The ``threads=`` argument checked: ``0`` or ``None`` (all cores) or a positive whole
    number; ``TypeError`` for anything else than a whole number, ``ValueError`` below 0."""
    if threads is None:
        return 0
    if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)):
        raise TypeError(f"{fn}: threads must be a whole number (0 or None: all cores), "
                        f"not {type(threads).__name__}")
    if threads < 0:
        raise ValueError(f"{fn}: threads must be >= 0 (0 or None: all cores), not {threads}")
    return int(threads)


def check_choice(value: str, name: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, not {value!r}")
    return value


def result_html(obj) -> str:
    """A compact HTML table of a result object's public fields (Jupyter's rich display):
    numbers and short sequences inline, Series and DataFrames as their first rows."""
    import dataclasses
    import html

    if dataclasses.is_dataclass(obj):
        items = [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)
                 if not f.name.startswith("_")]
        items += [(name, getattr(obj, name)) for name in getattr(obj, "_html_extra", ())]
    else:
        items = [(k, v) for k, v in vars(obj).items() if not k.startswith("_")]
    rows = []
    for name, value in items:
        if isinstance(value, (pd.DataFrame, pd.Series)):
            shown = value.head(10)
            cell = (shown.to_frame() if isinstance(shown, pd.Series) else shown).to_html(
                max_cols=12, float_format=lambda x: f"{x:.6g}")
            if len(value) > 10:
                cell += f"<small>{len(value):,} rows</small>"
        elif isinstance(value, np.ndarray):
            cell = html.escape(np.array2string(value, threshold=12, precision=6))
        elif isinstance(value, (list, tuple, set, frozenset)) and len(value) > 12:
            cell = html.escape(", ".join(map(str, list(value)[:12])) + f", ... ({len(value)} in all)")
        elif isinstance(value, (list, tuple)):
            cell = html.escape(" → ".join(map(str, value)) if name == "path" else ", ".join(map(str, value)))
        elif isinstance(value, float):
            cell = html.escape(f"{value:.6g}")
        else:
            cell = html.escape(str(value))
        rows.append(f"<tr><th style='text-align:left;vertical-align:top'>{html.escape(name)}</th>"
                    f"<td style='text-align:left'>{cell}</td></tr>")
    return (f"<div><b>{html.escape(type(obj).__name__)}</b><table>{''.join(rows)}</table></div>")
