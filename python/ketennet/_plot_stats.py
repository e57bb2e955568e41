"""The picture of an inference result: :func:`null_distribution` (re-exported by
:mod:`ketennet.plot`)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["null_distribution"]

_BARS = "#8a96a3"
_OBSERVED = "#D55E00"
_NULL_VALUE = "#0072B2"


def _fmt(x) -> str:
    return "nan" if x != x else f"{x:.3g}"


def _p_text(result, term=None) -> str:
    """The p-values of the result (of one term of a regression) as they print; a
    permutation test's p_value, equal to its p_abs, once."""
    labels = {"p_greater": "p(≥)", "p_less": "p(≤)", "p_abs": "p(|·|)", "p_value": "p"}
    shown = {}
    for field in labels:
        value = getattr(result, field, None)
        if value is None:
            continue
        if term is not None:
            if not isinstance(value, pd.Series) or term not in value.index:
                continue
            value = value[term]
        elif isinstance(value, pd.Series):
            continue
        shown[field] = float(value)
    if "p_abs" in shown and shown.get("p_value") == shown["p_abs"]:
        del shown["p_value"]
    return ", ".join(f"{labels[f]} = {_fmt(v)}" for f, v in shown.items())


def _histogram(ax, draws: np.ndarray, observed: float, xlabel: str, title: str, p: str,
               null_value=None, interval=None) -> None:
    draws = np.asarray(draws, dtype=float)
    draws = draws[np.isfinite(draws)]
    if len(draws):
        bins = "auto" if np.ptp(draws) > 0 else 1
        ax.hist(draws, bins=bins, color=_BARS, edgecolor="white", label=f"draws ({len(draws)})")
    ax.axvline(observed, color=_OBSERVED, linewidth=2, label=f"observed = {_fmt(observed)}")
    if interval is not None:
        ax.axvspan(interval[0], interval[1], color=_NULL_VALUE, alpha=0.12,
                   label=f"interval [{_fmt(interval[0])}, {_fmt(interval[1])}]")
    if null_value is not None:
        ax.axvline(null_value, color=_NULL_VALUE, linestyle="--", linewidth=1.5,
                   label=f"null value = {_fmt(null_value)}")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("draws")
    ax.set_title(f"{title}\n{p}" if p else title, fontsize=9)
    ax.legend(fontsize=7, frameon=False)


def null_distribution(result, *, ax=None):
    """The draws of an inference result as a histogram, with the observed value as a line
    and the p-values in the title.

    For a :class:`ketennet.stats.CugResult`, :class:`~ketennet.stats.PermutationResult` or
    :class:`~ketennet.stats.BootstrapResult` (a number as ``statistic`` and the draws as
    ``null``): one histogram of the draws, the observed statistic as a solid line, the
    x axis named after the statistic (for a permutation test the difference "a - b"); for a
    bootstrap also the percentile interval as a band and ``null_value`` as a dashed line.
    For a regression result (``statistic`` a Series by term, ``null`` a DataFrame of draws by
    term): one small panel per term, each with its own observed value and p-values.

    Parameters
    ----------
    result : an inference result
        From :mod:`ketennet.stats`.
    ax : matplotlib Axes, optional
        Drawn into (for a regression result: a sequence of as many Axes as terms); a new
        figure otherwise.

    Returns
    -------
    matplotlib.axes.Axes, or a numpy array of Axes (one per term) for a regression result

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> r = kn.stats.cug_test(net, "transitivity", "edges", layers="case", reps=200, seed=1)
    >>> ax = kn.plot.null_distribution(r)
    >>> ax.get_xlabel()
    'transitivity'
    >>> ax.get_title().splitlines()[0]
    'conditional uniform graph test given edges (200 draws)'
    """
    import matplotlib.pyplot as plt

    if not (hasattr(result, "statistic") and hasattr(result, "null")):
        raise TypeError("null_distribution: expected an inference result of ketennet.stats "
                        f"(with statistic and null), not {type(result).__name__}")
    name = getattr(result, "name", "statistic")
    method = getattr(result, "method", "null distribution")
    if isinstance(result.statistic, pd.Series):
        null = result.null
        if not isinstance(null, pd.DataFrame):
            raise TypeError("null_distribution: a result whose statistic is a Series needs its "
                            "draws as a DataFrame (reps x terms)")
        terms = list(result.statistic.index)
        if ax is None:
            cols = min(3, len(terms))
            rows = math.ceil(len(terms) / cols)
            fig, axes = plt.subplots(rows, cols, figsize=(3.6 * cols, 2.8 * rows), squeeze=False)
            for extra in axes.ravel()[len(terms):]:
                extra.set_visible(False)
            axes = axes.ravel()[:len(terms)]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            if len(axes) != len(terms):
                raise ValueError(f"null_distribution: {len(terms)} terms need as many Axes, "
                                 f"not {len(axes)}")
        for a, term in zip(axes, terms):
            _histogram(a, null[term].to_numpy(), float(result.statistic[term]), str(term),
                       str(term), _p_text(result, term))
        axes[0].figure.suptitle(f"{method} ({len(null)} draws)", fontsize=10)
        return axes
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.6))
    draws = np.asarray(result.null, dtype=float)
    title = method
    if getattr(result, "given", None):
        title += f" given {result.given}"
    title += f" ({len(draws)} draws)"
    xlabel = name
    if hasattr(result, "statistic_a"):
        xlabel = f"{name}: a - b"
    _histogram(ax, draws, float(result.statistic), xlabel, title, _p_text(result),
               null_value=getattr(result, "null_value", None), interval=getattr(result, "ci", None))
    return ax
