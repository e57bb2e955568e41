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

from . import _core, _language
from ._util import core_default

__all__ = ["signals"]

#: Columns that identify one indicator within one network's scorecard (with ``layers`` when
#: the scorecard has it).
KEY = ["goal", "indicator", "scope", "subject"]

#: Scorecard columns carried into the signals, when present, so each signal reads on its own.
_CARRY = ["unit", "direction", "meaning"]

_SIGNALS = _core.report.signals


def _is_number(v) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def _text(v) -> str:
    """A key entry as text: missing as '', a list of layers as its tuple's repr."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return repr(tuple(v))
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return v if isinstance(v, str) else str(v)


def _check_type(name: str, value, *, integer: bool = False) -> None:
    ok = isinstance(value, numbers.Integral) if integer else isinstance(value, numbers.Real)
    if not ok or isinstance(value, (bool, np.bool_)):
        kind = "an integer" if integer else "a number"
        raise TypeError(f"signals: {name} must be {kind}, not {type(value).__name__}")


def signals(scorecards: pd.DataFrame, by: str = "network", *, period: Optional[str] = None,
            threshold: float = core_default(_SIGNALS, "threshold"),
            change: float = core_default(_SIGNALS, "change"),
            min_peers: int = core_default(_SIGNALS, "min_peers"), lang: str = "en") -> pd.DataFrame:
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
    lang : {"en", "nl"}
        The language of the indicator, unit, direction and meaning columns of the result
        (translated from an English scorecard, see :func:`ketennet.report.scorecard`); the
        keys and the ``signal`` column stay English.

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
    lang = _language.check(lang, "signals")
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
    _check_type("threshold", threshold)
    _check_type("change", change)
    _check_type("min_peers", min_peers, integer=True)

    has_layers = "layers" in scorecards.columns
    extra = [c for c in _CARRY if c in scorecards.columns and c not in (by, period)]
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
        x = value.astype(float).to_numpy()
    else:  # text, yes/no and numbers side by side: only numbers are compared
        x = np.fromiter((float(v) if _is_number(v) else np.nan for v in value), dtype=float,
                        count=len(value))
    ranks = None
    if period:
        periods = table[period]
        order = []
        if (~np.isnan(x)).any():
            try:
                order = sorted(periods.unique())
            except TypeError as e:
                raise TypeError(f"signals: the periods in column {period!r} cannot be sorted: "
                                f"{e}") from None
        if order and all(isinstance(p, numbers.Integral) and not isinstance(p, (bool, np.bool_))
                         for p in order):
            ranks = [int(p) for p in periods]  # integer periods name themselves in messages
        else:
            pos = {p: i for i, p in enumerate(order)}
            ranks = [pos.get(p, 0) for p in periods]
    text = {c: [_text(v) for v in table[c]] for c in KEY}
    found = _SIGNALS(
        [_text(v) for v in table[by]], ranks, text["goal"], text["indicator"], text["scope"],
        text["subject"], [_text(v) for v in table["layers"]] if has_layers else [""] * len(table),
        x, period_name=str(period) if period else "period", threshold=float(threshold),
        change=float(change), min_peers=int(min_peers))
    if np.isnan(x).all():  # nothing to compare
        return pd.DataFrame(columns=cols).astype({"score": float, "reference": float,
                                                   "peers": "Int64"})
    res = table.iloc[found["row"]].reset_index(drop=True)
    res["signal"] = pd.Series(found["signal"], dtype=str)
    res["score"] = np.asarray(found["score"], dtype=float)
    res["reference"] = np.asarray(found["reference"], dtype=float)
    res["peers"] = pd.array(np.asarray(found["peers"]), dtype="Int64")
    res.loc[res["signal"] == "change", "peers"] = pd.NA
    return _language.translate(res[cols], lang) if lang != "en" else res[cols]
