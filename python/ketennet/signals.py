"""Signals: where one network stands out from its peers, or changes sharply over time.

The inspectorate's supervision pyramid moves from broad monitoring to an in-depth study when
signals recur; WODC-style studies compare many regional networks at once. :func:`signals`
reads a batch scorecard (:func:`ketennet.scorecard`) and marks, as input for deciding where to
look deeper and not as verdicts:

* ``outlier``: a value far from the same indicator of the other networks (robust z-score,
  Iglewicz & Hoaglin 1993);
* ``change``: a value far from the same network's value in the previous period.

Like is compared with like. A row's *comparison key* is (goal, indicator, scope, subject) plus
``layers`` when the scorecard has that column, except that network-scope rows are keyed on
(goal, indicator, scope[, layers]) whatever their ``subject`` says (a network's name, or
empty): every network's density is compared with every other network's density. Layer- and
chain-scope rows compare the same layer or chain across networks, organisation rows the same
organisation.
"""
from __future__ import annotations

import math
import numbers
from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["signals"]

#: Columns that identify one indicator within one network's scorecard (with ``layers`` when
#: the scorecard has it).
KEY = ["goal", "indicator", "scope", "subject"]

#: Scorecard columns carried into the signals, when present, so each signal reads on its own.
_CARRY = ["unit", "direction", "meaning"]

#: Scale of the mean absolute deviation that matches the MAD's 0.6745 for normal data:
#: E|X - mu| = sigma * sqrt(2 / pi), and 1 / sqrt(2 / pi) = 1.253314.
_MEANAD_SCALE = 1.253314


def _robust_z(values: pd.Series, groups: Optional[pd.Series] = None) -> pd.Series:
    """Modified z-scores 0.6745 (x - median) / MAD (Iglewicz & Hoaglin 1993), within each
    group of ``groups`` (Series aligned with ``values``; default: one group). Where the MAD
    is 0, (x - median) / (1.253314 * mean absolute deviation) (the same scale for normal
    data); NaN when every value is equal or the median or MAD is infinite. An infinite value
    against a finite median scores +-inf."""
    x = values.astype(float)
    keys = groups if groups is not None else np.zeros(len(x), dtype=int)
    med = x.groupby(keys, sort=False, dropna=False).transform("median")
    dev = x - med
    absdev = dev.abs()
    by = absdev.groupby(keys, sort=False, dropna=False)
    mad = by.transform("median")
    finite = absdev.where(np.isfinite(absdev))
    meanad = finite.groupby(keys, sort=False, dropna=False).transform("mean").fillna(0.0)
    spread = by.transform("max")
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(mad > 0, 0.6745 * dev / mad,
                     np.where(meanad > 0, dev / (_MEANAD_SCALE * meanad),
                              np.where(dev == 0, 0.0, np.sign(dev) * np.inf)))
    undefined = ~np.isfinite(med) | ~np.isfinite(mad) | (spread == 0)
    return pd.Series(np.where(undefined, np.nan, z), index=x.index)


def _is_number(v) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def _hashable(v):
    """A ``layers`` entry as a grouping key: a list of layers as a tuple, missing as ''."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return tuple(v)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return v


def _check_number(name: str, value, *, integer: bool = False, minimum=None) -> None:
    ok = isinstance(value, numbers.Integral) if integer else isinstance(value, numbers.Real)
    if not ok or isinstance(value, (bool, np.bool_)):
        kind = "an integer" if integer else "a number"
        raise TypeError(f"signals: {name} must be {kind}, not {type(value).__name__}")
    if integer:
        if value < minimum:
            raise ValueError(f"signals: {name} must be at least {minimum}, not {value!r}")
    elif not (math.isfinite(value) and value > 0):
        raise ValueError(f"signals: {name} must be a positive finite number, not {value!r}")


def signals(scorecards: pd.DataFrame, by: str = "network", *, period: Optional[str] = None,
            threshold: float = 3.5, change: float = 0.5, min_peers: int = 5) -> pd.DataFrame:
    """Indicators on which a network stands out from its peers, or changes sharply.

    Two kinds of signal, as input for deciding where to look deeper (not as verdicts):

    * ``outlier``: among the networks of the same period, the robust z-score of the value,
      :math:`z = 0.6745 (x - \\tilde{x}) / \\mathrm{MAD}` (Iglewicz & Hoaglin 1993:
      :math:`\\tilde{x}` the peers' median, MAD the median absolute deviation from it, so one
      extreme region does not hide itself by inflating the spread), exceeds ``threshold`` in
      absolute value. Where the MAD is 0 (more than half of the peers share one value),
      :math:`z = (x - \\tilde{x}) / (1.253314 \\cdot \\mathrm{meanAD})` with the mean
      absolute deviation from the median (the same scale for normal data); where every
      value is equal, nothing stands out. Judged only among at least ``min_peers``
      networks with a value.
    * ``change`` (only with ``period``): from one period to the next (consecutive in the
      sorted periods of the table), the same network's value changes by more than
      ``change`` as a share of the earlier value: :math:`|x_t - x_{t-1}| / |x_{t-1}|`
      (a change from 0 to anything else scores ``inf``). A row without a value in the
      previous period has no change signal.

    **Like is compared with like.** Each row has a comparison key (goal, indicator, scope,
    subject), plus ``layers`` when the scorecard has that column. Network-scope rows are
    keyed without their subject, so every network's value is compared with every other
    network's value whatever the networks are called; layer- and chain-scope rows compare
    the same layer or chain across networks, organisation rows the same organisation
    (an organisation that appears in fewer than ``min_peers`` networks is not judged).
    Changes follow one network's key across periods.

    Only numbers are compared: rows whose ``value`` is missing (NaN: not computable), text
    (a governance mode) or yes/no are left out. An infinite value (a lead time with no
    route) against a finite median scores +-inf.

    Parameters
    ----------
    scorecards : DataFrame
        Output of :func:`ketennet.scorecard` for many networks (column ``by``), optionally
        stacked with a ``period`` column (one batch per year, say). Needs the columns
        ``by``, goal, indicator, scope, subject and value; ``layers``, unit, direction and
        meaning are used when present.
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
        Fewest networks with a value for the same key before outliers are judged (at
        least 2).

    Returns
    -------
    DataFrame
        One row per signal: ``by``, (``period``), goal, indicator, scope, subject,
        (``layers``), value, (unit), ``signal`` (``outlier`` or ``change``), ``score`` (the
        robust z-score, or the relative change), ``reference`` (the peers' median, or the
        value in the previous period), ``peers`` (networks compared for an outlier; missing
        for a change), (direction, meaning). Sorted by ``|score|``, largest first.

    Raises
    ------
    TypeError
        ``scorecards`` is not a DataFrame, or a parameter has the wrong type.
    KeyError
        A needed column is missing.
    ValueError
        A parameter is out of range, a row has no network or period, a non-network row has
        no subject, or one network has two numeric rows with the same key (and period).
        Messages name rows by their position in ``scorecards`` (0-based).

    See Also
    --------
    ketennet.scorecard : the batch scorecard read here.

    Notes
    -----
    Iglewicz, B. & Hoaglin, D. C. (1993). *How to Detect and Handle Outliers*. ASQC Quality
    Press: the modified z-score and the cut-off 3.5.

    Examples
    --------
    Six regions, one with a far lower density than the others; the regions' names in
    ``subject`` do not keep them apart:

    >>> import pandas as pd
    >>> from ketennet.signals import signals
    >>> card = pd.DataFrame({"network": list("abcdef"), "goal": "effectiveness",
    ...     "indicator": "density", "scope": "network", "subject": list("abcdef"),
    ...     "value": [0.30, 0.31, 0.29, 0.30, 0.32, 0.10], "unit": "share",
    ...     "direction": "context", "meaning": "share of possible ties present"})
    >>> sig = signals(card)
    >>> sig[["network", "signal", "score", "reference", "peers"]]
      network   signal   score  reference  peers
    0       f  outlier -13.49        0.3      6

    The same table a year later, in which region ``b`` doubled its density: outliers are
    judged within each year, changes from one year to the next:

    >>> later = card.assign(value=[0.30, 0.62, 0.29, 0.30, 0.32, 0.10])
    >>> both = pd.concat([card.assign(year=2023), later.assign(year=2024)])
    >>> signals(both, period="year")[["network", "year", "signal", "value", "score",
    ...                               "reference", "peers"]]
      network  year   signal  value      score  reference  peers
    0       b  2024  outlier   0.62  14.389333       0.30      6
    1       f  2023  outlier   0.10 -13.490000       0.30      6
    2       f  2024  outlier   0.10  -8.993333       0.30      6
    3       b  2024   change   0.62   1.000000       0.31   <NA>
    """
    if not isinstance(scorecards, pd.DataFrame):
        raise TypeError(f"signals: expected a DataFrame of scorecards (kn.scorecard), not "
                        f"{type(scorecards).__name__}")
    if period is not None and period == by:
        raise ValueError(f"signals: by and period are both {by!r}")
    need = [by] + ([period] if period else []) + KEY + ["value"]
    missing = [c for c in need if c not in scorecards.columns]
    if missing:
        raise KeyError("signals: the scorecards lack the column(s) "
                       f"{', '.join(map(repr, missing))}")
    _check_number("threshold", threshold)
    _check_number("change", change)
    _check_number("min_peers", min_peers, integer=True, minimum=2)

    has_layers = "layers" in scorecards.columns
    extra = [c for c in _CARRY if c in scorecards.columns]
    cols = ([by] + ([period] if period else []) + KEY + (["layers"] if has_layers else [])
            + ["value"] + (["unit"] if "unit" in extra else []) + ["signal", "score", "reference",
            "peers"] + [c for c in extra if c != "unit"])

    table = scorecards.reset_index(drop=True)  # rows are named by position from here on
    for col in [by] + ([period] if period else []):
        absent = np.flatnonzero(table[col].isna().to_numpy())
        if len(absent):
            raise ValueError(f"signals: row {absent[0]} has no value in column {col!r}")

    value = table["value"]
    if pd.api.types.is_numeric_dtype(value) and not pd.api.types.is_bool_dtype(value):
        numeric = np.ones(len(table), dtype=bool)
    else:  # text, yes/no and numbers side by side
        numeric = np.fromiter((_is_number(v) for v in value), dtype=bool, count=len(value))
    card = table[numeric].copy()
    card["_x"] = card["value"].astype(float)
    card = card[card["_x"].notna()]
    # the comparison key: network-scope rows whatever their subject
    network = card["scope"] == "network"
    nosubject = ~network & card["subject"].isna()
    if nosubject.any():
        idx = card.index[nosubject.to_numpy()][0]
        raise ValueError(f"signals: row {idx!r} ({card.at[idx, 'indicator']!r}, scope "
                         f"{card.at[idx, 'scope']!r}) has no subject")
    card["_subject"] = card["subject"].where(~network, "")
    key = ["goal", "indicator", "scope", "_subject"]
    if has_layers:
        card["_layers"] = card["layers"].map(_hashable)
        key.append("_layers")
    per = [period] if period else []
    dup = card.duplicated([by] + per + key, keep=False)
    if dup.any():
        rows = card[dup]
        first = rows.iloc[0]
        same = rows[(rows[[by] + per + key] == first[[by] + per + key]).all(axis=1)]
        where = f"network {first[by]!r}" + (f", {period} {first[period]!r}" if period else "")
        raise ValueError(f"signals: {where} has {len(same)} rows for indicator "
                         f"{first['indicator']!r} (scope {first['scope']!r}, subject "
                         f"{first['subject']!r}) at rows {list(same.index)}; one value per "
                         "network and key")

    found = []
    if len(card):
        grouped = card.groupby(per + key, sort=False, dropna=False)["_x"]
        peers = grouped.transform("size")
        med = grouped.transform("median")
        z = _robust_z(card["_x"], grouped.ngroup())
        hit = (peers >= min_peers) & (z.abs() > threshold)
        hit = hit.to_numpy()
        out = card[hit].assign(signal="outlier", score=z.to_numpy()[hit],
                               reference=med.to_numpy()[hit], peers=peers.to_numpy()[hit])
        found.append(out)
    if period and len(card):
        try:
            order = sorted(table[period].unique())
        except TypeError as e:
            raise TypeError(f"signals: the periods in column {period!r} cannot be sorted: "
                            f"{e}") from None
        pos = {p: i for i, p in enumerate(order)}
        card["_pos"] = card[period].map(pos)
        prev = card[[by] + key + ["_pos", "_x"]].rename(columns={"_x": "_old"})
        prev["_pos"] = prev["_pos"] + 1
        steps = card.merge(prev, on=[by] + key + ["_pos"], how="inner")
        old, new = steps["_old"].to_numpy(), steps["_x"].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.where(old != 0, np.abs(new - old) / np.abs(old),
                           np.where(new != 0, np.inf, 0.0))
        sel = rel > change
        out = steps[sel].assign(signal="change", score=rel[sel], reference=old[sel], peers=pd.NA)
        found.append(out)
    res = pd.concat([f[cols] for f in found], ignore_index=True) if found else \
        pd.DataFrame(columns=cols)
    res["score"] = res["score"].astype(float)
    res["reference"] = res["reference"].astype(float)
    res["peers"] = res["peers"].astype("Int64")
    if len(res):
        res = res.iloc[np.argsort(-res["score"].abs().to_numpy(), kind="stable")]
    return res.reset_index(drop=True)
