"""Comparing many networks: one scorecard for a batch, and signals of where to look deeper.

WODC-style studies and the inspectorate's analysts compare many networks at once: all 25
safety regions, every Zorg- en Veiligheidshuis, one chain over several years.
:func:`scorecard` gives one tidy table for a batch whose rows align;
:func:`ketennet.signals` marks the indicators on which a network stands out from its peers,
or changes sharply from one period to the next.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence, Union

import pandas as pd

from . import _core, _indicators, _language, disclosure as _disclosure, report as _report
from ._deprecation import renamed_arguments
from ._util import Progress, progress_handler, thread_count
from .network import Network

__all__ = ["scorecard"]

Networks = Union[Network, Mapping[str, Network], Sequence[Network]]


def _as_named(nets: Networks) -> "dict[str, Network]":
    if isinstance(nets, Network):
        return {nets.name: nets}
    if isinstance(nets, Mapping):
        out = {}
        for key, net in nets.items():
            if not isinstance(net, Network):
                raise TypeError(f"scorecard: networks[{key!r}] is a {type(net).__name__}, "
                                "not a ketennet.Network")
            out[str(key)] = net
        return out
    if isinstance(nets, (str, bytes)) or not isinstance(nets, Iterable):
        raise TypeError("scorecard: expected a ketennet.Network, or a dict or list of them, "
                        f"not {type(nets).__name__}")
    out = {}
    for i, net in enumerate(nets):
        if not isinstance(net, Network):
            raise TypeError(f"scorecard: networks[{i}] is a {type(net).__name__}, not a "
                            "ketennet.Network")
        name = net.name or f"network {i}"
        if name in out:
            raise ValueError(f"scorecard: two networks are named {name!r}; pass a dict "
                             "{name: network} to name them apart")
        out[name] = net
    if not out:
        raise ValueError("scorecard: no networks given")
    return out


@renamed_arguments(positional=("chains",))
def scorecard(networks: Networks, *, chains: Optional[Union[str, Sequence[str]]] = None,
              layers: Optional[Union[str, Sequence[str]]] = None, top: int = 5,
              min_count: Optional[int] = None, threads: Optional[int] = 0,
              progress: Progress = None, lang: str = "en") -> pd.DataFrame:
    """Every indicator of one network, or of many, as one tidy DataFrame whose rows align.

    One row per network and indicator, with the columns of
    :func:`ketennet.report.scorecard` (``goal``: one of the inspectorate's four goals;
    ``indicator``; ``scope``: network, layer, chain, sector or organisation; ``subject``;
    ``value``: float, NaN when not computable; ``text``; ``unit``; ``direction``; ``layers``;
    ``meaning``; ``note``; ``source``) and, first, ``network``: the network's name (its key in
    a dict, its ``name`` in a list).

    Every network has the same (goal, indicator, scope, subject) keys: chains, layers and
    sectors that some network lacks are NaN rows with a note, and the organisation rows of a
    ranked indicator (brokers, vulnerable organisations, single points of failure) cover the
    union of the organisations ranked in any network, each with its value in every network
    (NaN with a note where the organisation is absent). So ``pivot`` and
    :func:`ketennet.compare` show a NaN only where a value cannot exist, and say why.

    Parameters
    ----------
    networks : Network, dict of str to Network, or list of Network
        A study of 25 regions is one call with a dict ``{region: network}``. In a list every
        network needs a distinct ``name``.
    chains : str or list of str, optional
        Chains to score (default: every chain of any network). A named chain that no network
        has raises ``KeyError``.
    layers : str or list of str, optional
        Score the networks restricted to these layers (each network must have them).
    top : int
        Organisation rows per ranked indicator in each network, as in
        :func:`ketennet.report.scorecard`.
    min_count : int, optional
        Protect the counts of cases for publication, as :func:`ketennet.report.scorecard`
        does with ``min_count`` (default: unprotected).
    threads : int
        Networks scored at once (0 or None: all cores); the table is the same for every
        count.
    progress : None, bool or callable
        Progress over the networks (see docs/api.md).
    lang : {"en", "nl"}
        The language of the displayed columns (indicator, text, unit, direction, meaning,
        note), as in :func:`ketennet.report.scorecard`; the keys (goal, scope, subject,
        layers) stay English, so the rows of two languages align.

    Returns
    -------
    DataFrame
        Columns ``network`` and then those of :func:`ketennet.report.scorecard`.

    Examples
    --------
    >>> import ketennet as kn
    >>> nets = {"strafrecht": kn.examples.load("strafrechtketen"),
    ...         "vreemdelingen": kn.examples.load("vreemdelingenketen")}
    >>> card = kn.scorecard(nets)
    >>> sorted(card["network"].unique())
    ['strafrecht', 'vreemdelingen']
    >>> float(card.set_index(["network", "indicator", "scope"]).loc[
    ...     ("vreemdelingen", "organisations", "network"), "value"])
    16.0
    >>> keys = card.groupby("network").apply(lambda c: list(zip(c.goal, c.indicator, c.scope, c.subject)))
    >>> keys["strafrecht"] == keys["vreemdelingen"]
    True
    """
    lang = _language.check(lang, "scorecard")
    named = _as_named(networks)
    _disclosure._check_min_count(min_count, "scorecard")
    checked = {key: _report.check_options(net, layers, None, top, "scorecard")
               for key, net in named.items()}
    wanted = [chains] if isinstance(chains, str) else (None if chains is None else list(chains))
    every = list(dict.fromkeys(c for net in named.values() for c in net.chains))
    if wanted is None:
        wanted = every
    else:
        unknown = [c for c in wanted if c not in every]
        if unknown:
            raise KeyError(f"scorecard: no network has chain {', '.join(map(repr, unknown))} "
                           f"(chains: {', '.join(map(repr, every)) or 'none'})")
    threads = thread_count(threads, "scorecard")
    cards = _core.report.scorecards(
        [net._core for net in named.values()],
        [list(checked[key][0] or []) for key in named], wanted,
        next(iter(checked.values()))[2], threads,
        progress_handler(progress, "scorecard"))
    frames = [_indicators.frame(rows, net)
              for rows, net in zip(_core.report.batch_rows(cards), named.values())]
    out = []
    for key, frame in zip(named, frames):
        frame.insert(0, "network", key)
        out.append(frame)
    card = _disclosure._protect_scorecard(pd.concat(out, ignore_index=True), min_count, "scorecard")
    return _language.translate(card, lang) if lang != "en" else card

