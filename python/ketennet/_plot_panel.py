"""Pictures of many networks and of panels: one indicator across networks
(:func:`compare`), a metric over periods (:func:`trajectories`) and the ties kept, formed
and dissolved between periods (:func:`tie_changes`). Re-exported by :mod:`ketennet.plot`.

The functions read only the columns of the tidy tables they are documented with, so a
table built by hand draws the same picture as one computed by ketennet.
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core, _language
from ._util import core_default
from .signals import _text, signals

__all__ = ["compare", "trajectories", "tie_changes", "TIE_COLOURS"]

_SIGNALS = _core.report.signals
#: Colours of the tie changes (Okabe & Ito 2008): kept grey, formed bluish green, dissolved
#: vermillion; every picture of tie changes uses these.
TIE_COLOURS = {"kept": "#8a96a3", "formed": "#009E73", "dissolved": "#D55E00"}
_FLAG = "#D55E00"     # flagged networks and the signal thresholds (vermillion)
_DOT = "#0072B2"      # networks within the thresholds (blue)
_MEDIAN = "#000000"
_MAX_TICKS = 40       # networks named on the axis up to this many; beyond, only flagged ones
_MAX_PANELS = 36      # small multiples of tie_changes


def _listing(values, limit: int = 12) -> str:
    items = [repr(v) if isinstance(v, str) else str(v) for v in values]
    more = f", ... ({len(items) - limit} more)" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def _sorted_unique(values) -> list:
    """The distinct values in sorted order (in order of first appearance if they do not sort)."""
    distinct = list(dict.fromkeys(values))
    try:
        return sorted(distinct)
    except TypeError:
        return distinct


def _require(frame, fn: str, what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"plot.{fn}: expected a DataFrame ({what}), not {type(frame).__name__}")


def _spines(ax) -> None:
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)


# ----------------------------------------------------------------------------- compare
def _compare_columns(card: pd.DataFrame) -> Tuple[str, Optional[str], Optional[str]]:
    """(column naming the networks, period column or None, measurement-unit column or None)
    of a scorecard: ``network`` and ``unit`` (kn.scorecard) or ``unit`` and ``value_unit``
    (a panel's scorecard)."""
    if "network" in card.columns:
        by = "network"
    elif "unit" in card.columns and "period" in card.columns:
        by = "unit"
    else:
        raise KeyError("plot.compare: the scorecard needs a 'network' column (kn.scorecard) or "
                       "'unit' and 'period' columns (a panel's scorecard); it has "
                       f"{_listing(list(card.columns))}")
    missing = [c for c in ("indicator", "scope", "subject", "value", "goal") if c not in card.columns]
    if missing:
        raise KeyError(f"plot.compare: the scorecard lacks the column(s) {_listing(missing)}")
    period = "period" if "period" in card.columns else None
    # the value's unit: ``unit`` in kn.scorecard, ``value_unit`` in a panel's scorecard
    unit = "value_unit" if "value_unit" in card.columns else (
        "unit" if "unit" in card.columns and by != "unit" else None)
    return by, period, unit


def _numbers(values: pd.Series) -> np.ndarray:
    """The values as floats; NaN for missing values and for text or yes/no."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float).to_numpy()
    return np.fromiter((float(v) if isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))
                        else np.nan for v in values), dtype=float, count=len(values))


def compare(card: pd.DataFrame, indicator: str, *, subject: Optional[str] = None,
            period: Any = None,
            threshold: float = core_default(_SIGNALS, "threshold"),
            min_peers: int = core_default(_SIGNALS, "min_peers"),
            ax=None, title: Optional[str] = None, lang: str = "en"):
    """One indicator across the networks of a scorecard: a dot per network, sorted, with the
    median and the outlier thresholds of :func:`ketennet.signals`, and the networks it flags
    labelled.

    The picture: one row per network, largest value on top, a dot at its value (blue; the
    flagged networks vermillion, with their name and robust z-score written beside the dot);
    a solid black vertical line at the peers' median; dashed vermillion lines where the robust
    z-score is -``threshold`` and +``threshold``, the band between them shaded. A network
    whose value is infinite (a lead time with no route) is drawn as a triangle at the edge
    of the axes; one without a value (not computable, NaN) is named at the bottom, without a
    dot. The value axis is labelled with the indicator and its measurement unit (the
    scorecard's ``unit`` column).

    The flagged networks are those :func:`ketennet.signals` flags as outliers on the same
    rows with the same ``threshold`` and ``min_peers``: the robust z-score
    :math:`z = 0.6745 (x - \\tilde{x}) / \\mathrm{MAD}` (Iglewicz & Hoaglin 1993; where the
    MAD is 0, :math:`(x - \\tilde{x}) / (1.253314 \\cdot \\mathrm{meanAD})`) exceeds
    ``threshold`` in absolute value. The thresholds are drawn where that rule puts them,
    :math:`\\tilde{x} \\pm \\mathrm{threshold} \\cdot s` with :math:`s` the scale signals
    divides by (read from its scores, so picture and table cannot disagree). No thresholds are
    drawn where signals judges nothing: fewer than ``min_peers`` networks with a value, every
    value equal, or only infinite deviations.

    Parameters
    ----------
    card : DataFrame
        A scorecard of many networks: :func:`ketennet.scorecard` (networks named in column
        ``network``), or a panel's scorecard (columns ``unit``, ``period`` and the scorecard
        columns: the networks are the units of one period). Reads the columns goal,
        indicator, scope, subject, value, and ``layers``, ``unit`` and ``period`` when present.
    indicator : str
        The indicator to compare (a value of the ``indicator`` column).
    subject : str, optional
        For an indicator with several subjects (a layer, chain or organisation indicator:
        scope not network): the subject to compare. Without it, an indicator scored for the
        whole network and for its layers (density, say) is compared for the whole network.
    period : optional
        With a ``period`` column: the period whose networks are compared (default: the
        latest).
    threshold : float
        Absolute robust z-score beyond which a network is flagged (as in
        :func:`ketennet.signals`).
    min_peers : int
        Fewest networks with a value before outliers are judged (as in
        :func:`ketennet.signals`).
    ax : matplotlib Axes, optional
    title : str, optional
        Default: the indicator (and subject, period) and the number of networks.
    lang : {"en", "nl"}
        The language of the labels (axis, title, legend): ``"nl"`` shows the indicator and
        its unit in Dutch (``indicator`` is still the English name of the scorecard's
        ``indicator`` column, or its name in the card's own language).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``card`` is not a DataFrame.
    KeyError
        A needed column is missing, or an unknown indicator, subject or period (the message
        lists the known ones).
    ValueError
        An indicator with several subjects and no ``subject=``, an indicator without
        numbers (a text indicator), ``period=`` for a scorecard without periods, or two rows
        of one network.

    See Also
    --------
    ketennet.signals : the table of the flagged networks.

    Notes
    -----
    Iglewicz, B. & Hoaglin, D. C. (1993). *How to Detect and Handle Outliers*. ASQC Quality
    Press. The dot plot is Cleveland's (1985), *The Elements of Graphing Data*.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd, ketennet as kn
    >>> card = pd.DataFrame({"network": list("abcdef"), "goal": "effectiveness",
    ...     "indicator": "density", "scope": "network", "subject": list("abcdef"),
    ...     "value": [0.30, 0.31, 0.29, 0.30, 0.32, 0.10], "unit": "share"})
    >>> ax = kn.plot.compare(card, "density")
    >>> ax.get_xlabel()
    'density (share)'
    >>> [t.get_text() for t in ax.texts]  # the flagged network
    ['f  z = -13.5']
    >>> [t.get_text() for t in ax.get_yticklabels()]  # sorted, largest on top
    ['f', 'c', 'a', 'd', 'b', 'e']
    """
    _require(card, "compare", "a scorecard of many networks: kn.scorecard")
    lang = _language.check(lang, "plot.compare")
    by, period_col, unit_col = _compare_columns(card)
    if not isinstance(indicator, str):
        raise TypeError(f"plot.compare: indicator must be a str, not {type(indicator).__name__}")
    known = _sorted_unique(card["indicator"].dropna())
    if indicator not in known:
        raise KeyError(f"plot.compare: unknown indicator {indicator!r} (indicators: "
                       f"{_listing(known, 200)})")
    rows = card[card["indicator"] == indicator]
    where = ""
    if period_col is None:
        if period is not None:
            raise ValueError(f"plot.compare: period={period!r}, but the scorecard has no "
                             "'period' column")
    else:
        periods = _sorted_unique(rows[period_col])
        if period is None:
            period = periods[-1]
        elif period not in periods:
            raise KeyError(f"plot.compare: no period {period!r} for indicator {indicator!r} "
                           f"(periods: {_listing(periods)})")
        rows = rows[rows[period_col] == period]
        where = f", {period_col} {period}"
    # one comparison per key: network-scope rows are compared whatever their subject
    key_cols = ["scope", "subject"] + (["layers"] if "layers" in rows.columns else [])
    keys = [tuple(_text(v) for v in k) for k in rows[key_cols].itertuples(index=False)]
    keys = [(k[0], "" if k[0] == "network" else k[1]) + k[2:] for k in keys]
    subjects = list(dict.fromkeys(k[1] for k in keys))
    if subject is not None:
        chosen = [k[1] == subject and k[0] != "network" for k in keys]
        if not any(chosen):
            if set(subjects) == {""}:
                raise ValueError(f"plot.compare: {indicator!r} is a network indicator; it has "
                                 f"no subject (subject={subject!r})")
            raise KeyError(f"plot.compare: indicator {indicator!r} has no subject {subject!r} "
                           f"(subjects: {_listing([s for s in subjects if s])})")
    else:  # the network-scope rows when there are any (density of the network, not of a layer)
        chosen = [k[0] == "network" for k in keys]
        if not any(chosen):
            chosen = [True] * len(keys)
    rows = rows[np.asarray(chosen, dtype=bool)]
    keys = [k for k, c in zip(keys, chosen) if c]
    if len(set(keys)) > 1:
        if len(set(k[1] for k in keys)) > 1:
            subjects = list(dict.fromkeys(k[1] for k in keys))
            raise ValueError(f"plot.compare: indicator {indicator!r} has {len(subjects)} "
                             f"subjects; choose one with subject= ({_listing(subjects)})")
        raise ValueError(f"plot.compare: indicator {indicator!r} is scored on "
                         f"{len(set(keys))} selections of layers; filter the scorecard to one")
    x = _numbers(rows["value"])
    if np.isnan(x).all():  # a text or yes/no indicator (its words in value, or in text)
        words = [v for v in rows["value"].dropna()]
        if not words and "text" in rows.columns:
            words = [v for v in rows["text"] if _text(v)]
        if words:
            raise ValueError(f"plot.compare: indicator {indicator!r} has no numbers to compare "
                             f"(values such as {words[0]!r})")
    names = [_text(v) for v in rows[by]]
    seen: Dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    twice = [n for n, c in seen.items() if c > 1]
    if twice:
        raise ValueError(f"plot.compare: {by} {twice[0]!r} has {seen[twice[0]]} rows for "
                         f"indicator {indicator!r}{where}; one value per {by}")

    # the signals rule: flagged networks, median and scale from kn.signals' own scores
    median, scale, z = _signal_scale(rows, x, by, threshold, min_peers)
    flagged = {n: s for n, s in z.items() if abs(s) > threshold}

    ax = _axes_for(ax, len(names))
    finite = x[np.isfinite(x)]
    # from the bottom up: missing values, then smallest to largest (ties in row order)
    order = sorted(range(len(names)), key=lambda i: (not np.isnan(x[i]),
                                                     0.0 if np.isnan(x[i]) else x[i], i))
    lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    lines = [median] if median is not None and math.isfinite(median) else []
    if scale is not None:
        lines += [median - threshold * scale, median + threshold * scale]
    lo, hi = min([lo] + lines), max([hi] + lines)
    pad = (hi - lo) * 0.06 or max(abs(hi), 1.0) * 0.06
    left, right = lo - pad, hi + pad
    if scale is not None:
        ax.axvspan(median - threshold * scale, median + threshold * scale, color="#e8ecf0",
                   zorder=0, linewidth=0)
        for side, pos in ((-1, median - threshold * scale), (1, median + threshold * scale)):
            ax.axvline(pos, color=_FLAG, linestyle="--", linewidth=1.0, zorder=1,
                       label=f"robust z = ±{threshold:g}" if side < 0 else None)
    if lines:
        ax.axvline(median, color=_MEDIAN, linewidth=1.2, zorder=1,
                   label=_language.text("figure.median", lang, value=f"{median:.4g}"))
    ticks: List[str] = []
    for y, i in enumerate(order):
        name, v = names[i], x[i]
        colour = _FLAG if name in flagged else _DOT
        label = name
        if np.isnan(v):
            label = _language.text("figure.not_computable", lang, name=name)
        elif math.isinf(v):
            ax.scatter([right if v > 0 else left], [y], marker=">" if v > 0 else "<", s=40,
                       color=colour, zorder=3, clip_on=False)
            label = f"{name} ({'+' if v > 0 else '-'}inf)"
        else:
            ax.scatter([v], [y], s=30, color=colour, zorder=3)
        if name in flagged:
            pos = v if math.isfinite(v) else (right if v > 0 else left)
            ax.annotate(f"{name}  z = {flagged[name]:.3g}", (pos, y), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=8, color=_FLAG,
                        annotation_clip=False)
        ticks.append(label)
    ax.set_xlim(left, right)
    ax.set_ylim(-0.7, len(order) - 0.3)
    if len(order) <= _MAX_TICKS:
        ax.set_yticks(range(len(order)))
        for tick, i in zip(ax.set_yticklabels(ticks, fontsize=8), order):
            if names[i] in flagged:
                tick.set_color(_FLAG)
    else:
        ax.set_yticks([])
        ax.set_ylabel(_language.text("figure.sorted", lang, n=len(order), what=_language.tr(f"{by}s", lang)))
    ax.grid(True, axis="x", alpha=0.3)
    unit = ""
    if unit_col is not None:
        units = [u for u in dict.fromkeys(_text(v) for v in rows[unit_col]) if u]
        unit = ", ".join(units)
    shown = _language.tr(indicator, lang)
    unit = ", ".join(_language.tr(u, lang) for u in unit.split(", ")) if unit else unit
    ax.set_xlabel(shown + (f" ({unit})" if unit and unit != shown else ""))
    what = shown + (f" — {subject}" if subject is not None else "") + where
    ax.set_title(title if title is not None else f"{what}: {len(names)} {_language.tr(f'{by}s', lang)}")
    if lines:
        ax.legend(loc="best", fontsize=7, frameon=True, framealpha=0.9)
    _spines(ax)
    return ax


def _signal_scale(rows: pd.DataFrame, x: np.ndarray, by: str, threshold, min_peers):
    """(median, scale, {network: robust z-score}) of the rows of one comparison (networks
    named in column ``by``), read from
    :func:`ketennet.signals` run with the smallest positive threshold, so that it returns
    every network with a non-zero score: the scale is ``(value - median) / score`` of the
    network farthest from the median with a finite score (None when there is none)."""
    if not isinstance(threshold, numbers.Real) or isinstance(threshold, (bool, np.bool_)):
        raise TypeError(f"plot.compare: threshold must be a number, not {type(threshold).__name__}")
    if not (math.isfinite(threshold) and threshold > 0):
        raise ValueError(f"plot.compare: threshold must be a positive finite number, not {threshold!r}")
    # a panel's networks are its units; signals reads 'unit' as the measurement unit
    table = rows.rename(columns={"unit": "network"}) if by == "unit" else rows
    try:
        found = signals(table, "network", threshold=math.ulp(0.0), min_peers=min_peers)
    except (TypeError, ValueError) as e:
        raise type(e)(f"plot.compare: {e}") from None
    values = x[~np.isnan(x)]
    median = float(np.median(values)) if len(values) else None
    found = found[found["signal"] == "outlier"]
    z = {_text(n): float(s) for n, s in zip(found["network"], found["score"])}
    scale, far = None, -1.0
    for v, s, ref in zip(found["value"], found["score"], found["reference"]):
        median = float(ref)
        v = float(v)
        if math.isfinite(s) and s != 0 and math.isfinite(v) and abs(v - ref) > far:
            far, scale = abs(v - ref), (v - ref) / s
    return median, scale, z


def _axes_for(ax, n: int):
    from .plot import _axes

    return _axes(ax, (7, min(0.28 * min(n, _MAX_TICKS) + 1.6, 14)))


# ----------------------------------------------------------------------------- trajectories
_TRAJECTORY_COLUMNS = ["unit", "period", "organisation", "metric", "value"]
_INDICATOR_COLUMNS = ["unit", "period", "indicator", "value"]


def trajectories(frame: pd.DataFrame, *, by: str = "unit",
                 highlight: Union[None, str, Sequence[str]] = None,
                 unit: Optional[str] = None, organisation: Optional[str] = None,
                 ax=None, title: Optional[str] = None, lang: str = "en"):
    """A metric over periods: one line per unit (or per organisation), with the median of
    the lines in each period drawn as a reference.

    The picture: periods along the horizontal axis (in sorted order, evenly spaced), the
    metric up the vertical axis; a thin grey line per unit or organisation, the highlighted
    ones in colour (Okabe & Ito palette) with their name at their last point and in the
    legend; the median of the lines with a value in each period as a thick dashed black
    line. Without ``highlight``, up to eight lines are all coloured and named; more are
    grey.

    Parameters
    ----------
    frame : DataFrame
        Either the output of ``panel.trajectories`` (columns unit, period, organisation,
        metric, value) or a panel's scorecard filtered to one indicator (columns unit,
        period, indicator, value; an indicator with subjects, such as a layer's or an
        organisation's, filtered to one subject too).
    by : ``"unit"`` or ``"organisation"``
        What a line is. ``"organisation"`` needs a trajectories frame of one unit (or
        ``unit=``); ``"unit"`` on a trajectories frame needs one organisation (or
        ``organisation=``).
    highlight : str or list of str, optional
        Units or organisations drawn in colour and named.
    unit, organisation : str, optional
        Keep only this unit or this organisation (``organisation=``: a trajectories frame).
    ax : matplotlib Axes, optional
    title : str, optional
        Default: the metric, what it was computed for, and what a line is.
    lang : {"en", "nl"}
        The language of the labels: ``"nl"`` shows a scorecard indicator, the axis, the
        legend's median and the title in Dutch.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``frame`` is not a DataFrame.
    KeyError
        The frame has neither set of columns, or an unknown unit, organisation or highlight
        (the message lists the known ones).
    ValueError
        ``by`` is not ``"unit"`` or ``"organisation"``, the frame holds several metrics,
        indicators, subjects, units or organisations where one is needed, a value is not a
        number, or a line has two values in one period.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd, ketennet as kn
    >>> frame = pd.DataFrame({"unit": ["north"] * 3 + ["south"] * 3,
    ...                       "period": [2022, 2023, 2024] * 2, "organisation": "om",
    ...                       "metric": "betweenness", "value": [0.2, 0.3, 0.4, 0.1, 0.1, 0.2]})
    >>> ax = kn.plot.trajectories(frame)
    >>> ax.get_ylabel(), ax.get_title()
    ('betweenness', 'betweenness of om: one line per unit')
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['median', 'north', 'south']
    """
    _require(frame, "trajectories", "panel.trajectories or a panel's scorecard")
    lang = _language.check(lang, "plot.trajectories")
    t = _language.text
    if by not in ("unit", "organisation"):
        raise ValueError(f"plot.trajectories: by must be 'unit' or 'organisation', not {by!r}")
    cols = set(frame.columns)
    if set(_TRAJECTORY_COLUMNS) <= cols:
        table = _keep(frame, "unit", unit)
        table = _keep(table, "organisation", organisation)
        metric = _text(_single(table, "metric", "filter it to one metric"))
        other = "organisation" if by == "unit" else "unit"
        fixed = _text(_single(table, other, f"one line per {by} needs one {other} ({other}=)"))
        what = t("figure.metric_of" if other == "organisation" else "figure.metric_in", lang,
                 metric=_language.tr(metric, lang), fixed=fixed)
    elif set(_INDICATOR_COLUMNS) <= cols:
        if by != "unit" or organisation is not None:
            raise ValueError("plot.trajectories: a scorecard frame has one line per unit "
                             "(by='unit', no organisation=)")
        table = _keep(frame, "unit", unit)
        metric = _language.tr(_text(_single(table, "indicator", "filter it to one indicator")), lang)
        what = metric
        if "subject" in table.columns and "scope" in table.columns:
            own = table[table["scope"].map(_text) != "network"]
            if len(own):
                subject = _text(_single(own, "subject", "filter it to one subject"))
                what = t("figure.metric_of", lang, metric=metric, fixed=subject)
    else:
        raise KeyError("plot.trajectories: expected the columns of panel.trajectories "
                       f"({', '.join(_TRAJECTORY_COLUMNS)}) or of a panel's scorecard filtered to "
                       f"one indicator ({', '.join(_INDICATOR_COLUMNS)}); the frame has "
                       f"{_listing(list(frame.columns))}")
    values = _numbers(table["value"])
    bad = np.flatnonzero(np.isnan(values) & table["value"].notna().to_numpy())
    if len(bad):
        raise ValueError(f"plot.trajectories: the value {table['value'].iloc[bad[0]]!r} of {by} "
                         f"{_text(table[by].iloc[bad[0]])!r}, period {table['period'].iloc[bad[0]]} "
                         "is not a number")
    long = pd.DataFrame({"line": [_text(v) for v in table[by]],
                         "period": table["period"].to_numpy(), "value": values})
    twice = long.duplicated(["line", "period"])
    if twice.any():
        row = long[twice].iloc[0]
        raise ValueError(f"plot.trajectories: {by} {row['line']!r} has several values in period "
                         f"{row['period']}")
    lines = list(dict.fromkeys(long["line"]))
    if highlight is None:
        chosen = lines if len(lines) <= 8 else []
    else:
        chosen = [highlight] if isinstance(highlight, str) else list(highlight)
        unknown = [h for h in chosen if h not in lines]
        if unknown:
            raise KeyError(f"plot.trajectories: unknown {by} {_listing(unknown)} in highlight "
                           f"({by}s: {_listing(lines)})")
    periods = _sorted_unique(long["period"])
    wide = long.pivot(index="period", columns="line", values="value").reindex(periods)[lines]
    from .plot import PALETTE, _axes

    ax = _axes(ax, (7, 4.2))
    xs = np.arange(len(periods))
    colour = {h: PALETTE[k % len(PALETTE)] for k, h in enumerate(chosen)}
    for name in lines:
        if name not in colour:
            ax.plot(xs, wide[name].to_numpy(float), color="#b8c1ca", linewidth=0.9, zorder=1)
    median = wide.median(axis=1, skipna=True).to_numpy(float)
    ax.plot(xs, median, color=_MEDIAN, linewidth=2.2, linestyle="--", zorder=2, label=t("figure.median_line", lang))
    for name in chosen:
        y = wide[name].to_numpy(float)
        ax.plot(xs, y, color=colour[name], linewidth=1.8, marker="o", markersize=3.5, zorder=3,
                label=name)
        last = np.flatnonzero(~np.isnan(y))
        if len(last):
            ax.annotate(name, (xs[last[-1]], y[last[-1]]), xytext=(5, 0),
                        textcoords="offset points", va="center", fontsize=8,
                        color=colour[name], annotation_clip=False)
    ax.set_xticks(xs)
    ax.set_xticklabels([str(p) for p in periods])
    ax.set_xlim(-0.3, len(periods) - 0.7 + (0.6 if chosen else 0.0))
    ax.set_xlabel(t("figure.period", lang))
    ax.set_ylabel(_language.tr(metric, lang))
    ax.legend(loc="best", fontsize=7, frameon=True, framealpha=0.9)
    ax.grid(True, axis="y", alpha=0.3)
    ax.set_title(title if title is not None else
                 t("figure.one_line_per", lang, what=what, by=t("scope." + by, lang)))
    _spines(ax)
    return ax


def _keep(frame: pd.DataFrame, column: str, value) -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` is ``value`` (all rows for None)."""
    if value is None:
        return frame
    known = list(dict.fromkeys(frame[column]))
    if value not in known:
        raise KeyError(f"plot.trajectories: unknown {column} {value!r} "
                       f"({column}s: {_listing(known)})")
    return frame[frame[column] == value]


def _single(frame: pd.DataFrame, column: str, hint: str):
    """The one value of ``column`` in ``frame``; ValueError with ``hint`` otherwise."""
    values = list(dict.fromkeys(frame[column]))
    if len(values) != 1:
        raise ValueError(f"plot.trajectories: the frame holds {len(values)} {column}s "
                         f"({_listing(values)}); {hint}")
    return values[0]


# ----------------------------------------------------------------------------- tie changes
_TIE_COLUMNS = ["unit", "period", "layer", "kept", "formed", "dissolved"]


def tie_changes(frame: pd.DataFrame, *, unit: Optional[str] = None, layer: Optional[str] = None,
                ax=None, title: Optional[str] = None):
    """Ties kept, formed and dissolved from each period to the next: diverging stacked bars.

    The picture, per period (evenly spaced, in sorted order): above zero the ties of the
    period, ``kept`` (grey, from the previous period) with ``formed`` (bluish green, new)
    stacked on top, so the bar's height is the number of ties in the period; below zero the
    ties ``dissolved`` since the previous period (vermillion). A thin line marks zero, the
    legend (right of the bars; of the figure for small multiples) names the three colours
    (the same in every picture: :data:`TIE_COLOURS`), and
    when the frame has a ``jaccard`` column its value, kept / (kept + formed + dissolved),
    is written above each bar. A period whose counts are missing shows "n/a".

    One unit and one layer make one picture; a frame of several is drawn as small multiples
    (one panel per unit and layer, sharing the count axis), unless ``unit=`` and ``layer=``
    choose one.

    Parameters
    ----------
    frame : DataFrame
        The output of ``panel.tie_changes``: columns unit, period, layer, kept, formed,
        dissolved (and jaccard, hamming, read when present).
    unit, layer : str, optional
        Keep only this unit or this layer.
    ax : matplotlib Axes, optional
        Draw one unit and layer here (with several: ``ValueError``).
    title : str, optional
        Default: "tie changes: <unit>, layer <layer>" (of one panel).

    Returns
    -------
    matplotlib Axes, or the Figure of the small multiples

    Raises
    ------
    TypeError
        ``frame`` is not a DataFrame.
    KeyError
        A needed column is missing, or an unknown unit or layer (the message lists the
        known ones).
    ValueError
        A count that is not a whole number >= 0 (the row is named), two rows for one unit,
        layer and period, ``ax=`` with several units or layers, or more than 36 of them.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd, ketennet as kn
    >>> frame = pd.DataFrame({"unit": "north", "period": [2023, 2024], "layer": "case",
    ...                       "kept": [10, 11], "formed": [2, 0], "dissolved": [1, 1]})
    >>> ax = kn.plot.tie_changes(frame)
    >>> ax.get_title()
    'tie changes: north, layer case'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['kept', 'formed', 'dissolved']
    """
    _require(frame, "tie_changes", "panel.tie_changes")
    missing = [c for c in _TIE_COLUMNS if c not in frame.columns]
    if missing:
        raise KeyError(f"plot.tie_changes: the frame lacks the column(s) {_listing(missing)} "
                       f"(panel.tie_changes has {', '.join(_TIE_COLUMNS)}, jaccard, hamming)")
    table = frame.reset_index(drop=True)
    for column, value in (("unit", unit), ("layer", layer)):
        if value is not None:
            known = list(dict.fromkeys(table[column]))
            if value not in known:
                raise KeyError(f"plot.tie_changes: unknown {column} {value!r} "
                               f"({column}s: {_listing(known)})")
            table = table[table[column] == value]
    for column in ("kept", "formed", "dissolved"):
        x = _numbers(table[column])
        bad = np.flatnonzero((table[column].notna().to_numpy() & np.isnan(x))
                             | (x < 0) | (np.isfinite(x) & (x != np.floor(x))) | np.isinf(x))
        if len(bad):
            r = table.iloc[bad[0]]
            raise ValueError(f"plot.tie_changes: {column} must be a whole number >= 0, not "
                             f"{_listing([r[column]])} (row {table.index[bad[0]]}: unit {r['unit']!r}, "
                             f"period {r['period']}, layer {r['layer']!r})")
    twice = table.duplicated(["unit", "layer", "period"])
    if twice.any():
        r = table[twice].iloc[0]
        raise ValueError(f"plot.tie_changes: unit {r['unit']!r}, layer {r['layer']!r} has "
                         f"several rows for period {r['period']}")
    groups = list(dict.fromkeys(zip(table["unit"], table["layer"])))
    periods = _sorted_unique(table["period"])
    if len(groups) <= 1:
        from .plot import _axes

        own = ax is None
        ax = _axes(ax, (max(5.0, 0.7 * len(periods) + 2.5), 4.0))
        u, l = groups[0] if groups else (unit, layer)
        _tie_bars(ax, table, periods)
        ax.set_title(title if title is not None else f"tie changes: {u}, layer {l}")
        if own:  # the legend sits right of the bars: make room for it in the figure
            ax.figure.tight_layout()
        return ax
    if ax is not None:
        raise ValueError(f"plot.tie_changes: the frame holds {len(groups)} units and layers; "
                         "choose one with unit= and layer= to draw on ax")
    if len(groups) > _MAX_PANELS:
        raise ValueError(f"plot.tie_changes: the frame holds {len(groups)} units and layers, "
                         f"more than {_MAX_PANELS} panels; choose with unit= or layer=")
    from ._figures import _figure

    cols = min(len(groups), 3)
    rows = math.ceil(len(groups) / cols)
    fig = _figure((min(4.2 * cols, 13), 3.0 * rows + 0.6))
    axes = fig.subplots(rows, cols, sharey=True, squeeze=False).ravel()
    for k, (a, (u, l)) in enumerate(zip(axes, groups)):
        _tie_bars(a, table[(table["unit"] == u) & (table["layer"] == l)], periods, legend=False)
        a.set_title(f"{u}, layer {l}", fontsize=9)
        if k % cols:
            a.set_ylabel("")
    for a in axes[len(groups):]:
        a.set_visible(False)
    fig.suptitle(title if title is not None else "tie changes")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


def _tie_bars(ax, table: pd.DataFrame, periods: list, legend: bool = True) -> None:
    """The diverging bars of one unit and layer on ``ax``, one slot per period of ``periods``."""
    from matplotlib.ticker import MaxNLocator

    at = {p: k for k, p in enumerate(periods)}
    xs = np.array([at[p] for p in table["period"]], dtype=float)
    kept, formed, dissolved = (_numbers(table[c]) for c in ("kept", "formed", "dissolved"))
    ax.bar(xs, kept, width=0.7, color=TIE_COLOURS["kept"], label="kept")
    ax.bar(xs, formed, bottom=kept, width=0.7, color=TIE_COLOURS["formed"], label="formed")
    ax.bar(xs, -dissolved, width=0.7, color=TIE_COLOURS["dissolved"], label="dissolved")
    ax.axhline(0.0, color="#333333", linewidth=0.8)
    top = np.nan_to_num(kept + formed, nan=0.0)
    jaccard = _numbers(table["jaccard"]) if "jaccard" in table.columns else None
    for k, x in enumerate(xs):
        if np.isnan(kept[k]) or np.isnan(formed[k]) or np.isnan(dissolved[k]):
            ax.annotate("n/a", (x, 0.0), xytext=(0, 3), textcoords="offset points",
                        ha="center", fontsize=7, color="#5b6b7a")
        elif jaccard is not None and not np.isnan(jaccard[k]):
            ax.annotate(f"J {jaccard[k]:.2f}", (x, top[k]), xytext=(0, 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=7,
                        color="#5b6b7a")
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels([str(p) for p in periods])
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.set_xlabel("period")
    ax.set_ylabel("ties (dissolved below zero)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(_absolute())
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    _spines(ax)


def _absolute():
    """Tick labels without the sign: the dissolved ties below zero are counts too."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{abs(v):,.0f}")
