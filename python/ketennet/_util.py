"""Internal helpers shared by the thin Python modules: views, Series, progress."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence, Union

import numpy as np
import pandas as pd

Layers = Optional[Union[str, Sequence[str]]]
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


def series(net, values, name: str) -> pd.Series:
    """Per-organisation values as a Series indexed by organisation id."""
    return pd.Series(np.asarray(values), index=net._id_index(), name=name)


def progress_handler(progress: Progress, desc: str) -> Optional[Callable[[float], bool]]:
    """``None``/``False``: no reporting; ``True``: a tqdm bar; a callable: called with the
    fraction done (return ``False`` to cancel)."""
    if progress is None or progress is False:
        return None
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=100, desc=desc, unit="%", leave=False)

        def update(fraction: float) -> bool:
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
