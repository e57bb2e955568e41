"""Internal helpers shared by the thin Python modules: views, Series, progress."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence, Union

import numpy as np
import pandas as pd

Layers = Optional[Union[str, Sequence[str]]]
Ids = Union[str, Sequence[str]]
Progress = Union[None, bool, Callable[[float], object]]


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


def view_of(net, layers: Layers = None, weight: Optional[str] = None, combine: str = "sum"):
    """The cached analysis view of ``net`` (see :meth:`ketennet.Network.view`)."""
    from .network import Network

    if not isinstance(net, Network):
        raise TypeError(f"expected a ketennet.Network, not {type(net).__name__}")
    return net.view(layers=layers, weight=weight, combine=combine)


def check_network(net) -> None:
    """TypeError unless ``net`` is a :class:`ketennet.Network`."""
    from .network import Network

    if not isinstance(net, Network):
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


def series(net, values, name: str) -> pd.Series:
    """Per-organisation values as a Series indexed by organisation id."""
    return pd.Series(np.asarray(values), index=net._id_index(), name=name)


#: With ``progress=None`` (the default of long kernels) a tqdm bar appears once the call has
#: run this many seconds: long calls show progress, quick ones print nothing.
AUTO_PROGRESS_DELAY = 1.0


def progress_handler(progress: Progress, desc: str) -> Optional[Callable[[float], bool]]:
    """The progress callback handed to a C++ kernel.

    ``None`` (default): automatic, a tqdm bar (notebook or terminal) that appears only when
    the call has run longer than :data:`AUTO_PROGRESS_DELAY` seconds; ``False``: no
    reporting; ``True``: a tqdm bar at once; a callable: called with the fraction done
    (return ``False`` to cancel)."""
    if progress is False:
        return None
    if progress is None or progress is True:
        import time

        start = time.monotonic()
        delay = 0.0 if progress is True else AUTO_PROGRESS_DELAY
        state = {"bar": None}

        def update(fraction: float) -> bool:
            bar = state["bar"]
            if bar is None:
                if delay > 0 and (fraction >= 1.0 or time.monotonic() - start < delay):
                    return True
                from tqdm.auto import tqdm

                bar = state["bar"] = tqdm(
                    total=100, initial=round(100 * fraction), desc=desc, leave=False,
                    bar_format="{l_bar}{bar}| {n_fmt}% [{elapsed}<{remaining}]")
            bar.n = round(100 * fraction)
            bar.refresh()
            if fraction >= 1.0:
                bar.close()
            return True

        return update
    if callable(progress):
        return progress
    raise TypeError("progress must be None, True/False or a callable taking the fraction done")


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
