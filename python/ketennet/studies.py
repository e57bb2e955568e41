"""Comparing many networks: one scorecard for a batch, and signals of where to look deeper.

WODC-style studies and the inspectorate's analysts compare many networks at once: all 25
safety regions, every Zorg- en Veiligheidshuis, one chain over several years.
:func:`scorecard` gives one tidy table for a batch; :func:`signals` marks the indicators on
which a network stands out from its peers, or changes sharply from one period to the next.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import report as _report
from .network import Network

__all__ = ["scorecard", "signals"]

#: Columns that identify one indicator within one network's scorecard.
KEY = ["goal", "indicator", "scope", "subject"]

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


def scorecard(networks: Networks, chains: Optional[Union[str, Sequence[str]]] = None, *,
              top: int = 5) -> pd.DataFrame:
    """Every indicator of one network, or of many, as one tidy DataFrame.

    One row per network and indicator, with the columns of
    :func:`ketennet.report.scorecard` (``goal``: one of the inspectorate's four goals;
    ``indicator``; ``scope``: network, layer, chain or organisation; ``subject``; ``value``;
    ``unit``; ``direction``: ``higher`` or ``lower`` is better, or ``context``; ``meaning``;
    ``source``) and, first, ``network``: the network's name (its key in a dict, its
    ``name`` in a list).

    Parameters
    ----------
    networks : Network, dict of str to Network, or list of Network
        A study of 25 regions is one call with a dict ``{region: network}``. In a list every
        network needs a distinct ``name``.
    chains : str or list of str, optional
        Keep only the chain rows of these chains (a network that lacks a named chain raises
        ``KeyError``). Default: every chain of every network.
    top : int
        Organisation rows per ranked indicator (brokers, say), as in
        :func:`ketennet.report.scorecard`.

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
    >>> card.set_index(["network", "indicator", "scope"]).loc[
    ...     ("vreemdelingen", "organisations", "network"), "value"]
    16
    """
    named = _as_named(networks)
    wanted = [chains] if isinstance(chains, str) else (None if chains is None else list(chains))
    frames = []
    for key, net in named.items():
        if wanted is not None:
            missing = [c for c in wanted if c not in net.chains]
            if missing:
                raise KeyError(f"scorecard: network {key!r} has no chain "
                               f"{', '.join(map(repr, missing))} (its chains: "
                               f"{', '.join(map(repr, net.chains)) or 'none'})")
        card = _report.scorecard(net, top=top)
        if wanted is not None:
            card = card[(card["scope"] != "chain") | card["subject"].isin(wanted)]
        card = card.copy()
        card.insert(0, "network", key)
        frames.append(card)
    return pd.concat(frames, ignore_index=True)


def _robust_z(values: pd.Series) -> pd.Series:
    """Modified z-scores 0.6745 (x - median) / MAD (Iglewicz & Hoaglin 1993); where the MAD
    is 0, (x - median) / (1.253314 * mean absolute deviation) (the same scale for normal
    data); NaN when every value is equal."""
    x = values.astype(float)
    med = x.median()
    mad = (x - med).abs().median()
    if mad > 0:
        return 0.6745 * (x - med) / mad
    meanad = (x - med).abs().mean()
    if meanad > 0:
        return (x - med) / (1.253314 * meanad)
    return pd.Series(np.nan, index=x.index)


def signals(scorecards: pd.DataFrame, by: str = "network", *, period: Optional[str] = None,
            threshold: float = 3.5, change: float = 0.5, min_peers: int = 5) -> pd.DataFrame:
    """Indicators on which a network stands out from its peers, or changes sharply.

    Two kinds of signal, as input for deciding where to look deeper (not as verdicts):

    * ``outlier``: among the networks of the same period, the indicator's robust z-score
      :math:`z = 0.6745 (x - \\tilde{x}) / \\mathrm{MAD}` (Iglewicz & Hoaglin 1993:
      median and median absolute deviation, so one extreme region does not hide itself by
      inflating the spread) exceeds ``threshold`` in absolute value. Where the MAD is 0
      (most peers equal) the mean absolute deviation times 1.253314 takes its place.
      Needs at least ``min_peers`` networks with a value.
    * ``change`` (only with ``period``): from one period to the next, the value of the same
      network's indicator changes by more than ``change`` as a share of the earlier value
      (|new - old| / |old|; a change from 0 to anything else counts).

    Only numeric indicators are compared, each within its (goal, indicator, scope, subject):
    organisation-scope rows compare the same organisation across networks.

    Parameters
    ----------
    scorecards : DataFrame
        Output of :func:`scorecard` for many networks (column ``by``), optionally stacked
        with a ``period`` column (one batch per year, say).
    by : str
        Column naming the network (default ``"network"``).
    period : str, optional
        Column naming the period; outliers are then judged within each period, and changes
        between consecutive periods (in sorted order).
    threshold : float
        Absolute robust z-score above which a value is an outlier (3.5, Iglewicz & Hoaglin).
    change : float
        Relative change above which a step between periods is a signal (0.5 = 50 %).
    min_peers : int
        Fewest networks with a value before outliers are judged.

    Returns
    -------
    DataFrame
        One row per signal: ``by``, (``period``), goal, indicator, scope, subject, value,
        ``signal`` (``outlier`` or ``change``), ``score`` (the robust z-score, or the
        relative change), ``reference`` (the peers' median, or the previous value),
        ``direction`` and ``meaning`` from the scorecard. Sorted by |score|, largest first.

    Examples
    --------
    >>> import pandas as pd, ketennet as kn
    >>> card = pd.DataFrame({"network": list("abcdef"), "goal": "effectiveness",
    ...     "indicator": "density", "scope": "network", "subject": "", "unit": "share",
    ...     "value": [0.30, 0.31, 0.29, 0.30, 0.32, 0.90], "direction": "context",
    ...     "meaning": "share of possible ties present"})
    >>> sig = kn.signals(card)
    >>> sig[["network", "signal"]].values.tolist()
    [['f', 'outlier']]
    """
    need = [by] + KEY + ["value"] + ([period] if period else [])
    missing = [c for c in need if c not in scorecards.columns]
    if missing:
        raise KeyError(f"signals: the scorecards lack the column(s) {', '.join(map(repr, missing))}")
    if not (threshold > 0):
        raise ValueError(f"signals: threshold must be positive, not {threshold!r}")
    if not (change > 0):
        raise ValueError(f"signals: change must be positive, not {change!r}")
    card = scorecards.copy()
    card["_x"] = pd.to_numeric(card["value"].where(card["value"].map(
        lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool))),
        errors="coerce")
    card = card[card["_x"].notna()]
    extra = [c for c in ("direction", "meaning") if c in card.columns]
    out = []
    groups = KEY + ([period] if period else [])
    for _, grp in card.groupby(groups, sort=False, dropna=False):
        if grp[by].nunique() < min_peers:
            continue
        z = _robust_z(grp["_x"])
        med = grp["_x"].median()
        hit = z.abs() > threshold
        for idx in grp.index[hit.fillna(False).to_numpy()]:
            row = grp.loc[idx]
            rec = {by: row[by], **({period: row[period]} if period else {}),
                   **{k: row[k] for k in KEY}, "value": row["value"], "signal": "outlier",
                   "score": float(z.loc[idx]), "reference": float(med)}
            rec.update({k: row[k] for k in extra})
            out.append(rec)
    if period:
        for _, grp in card.groupby([by] + KEY, sort=False, dropna=False):
            grp = grp.sort_values(period, kind="stable")
            prev = None
            for _, row in grp.iterrows():
                if prev is not None:
                    old, new = prev["_x"], row["_x"]
                    rel = (abs(new - old) / abs(old)) if old != 0 else (np.inf if new != 0 else 0.0)
                    if rel > change:
                        rec = {by: row[by], period: row[period], **{k: row[k] for k in KEY},
                               "value": row["value"], "signal": "change", "score": float(rel),
                               "reference": float(old)}
                        rec.update({k: row[k] for k in extra})
                        out.append(rec)
                prev = row
    cols = [by] + ([period] if period else []) + KEY + ["value", "signal", "score", "reference"] + extra
    res = pd.DataFrame(out, columns=cols)
    if len(res):
        res = res.iloc[np.argsort(-res["score"].abs().to_numpy(), kind="stable")].reset_index(drop=True)
    return res
