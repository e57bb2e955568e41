"""The pictures of an ERGM: :func:`gof` (goodness of fit) and :func:`mcmc_trace` (MCMC
diagnostics), re-exported by :mod:`ketennet.plot`."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .ergm import Fit, Gof

__all__ = ["gof", "mcmc_trace"]

_OBSERVED = "#000000"
_BOX = "#dde3ea"
_EDGE = "#5b6b7a"
_ZERO = "#000000"
# chains: the colours of the Okabe & Ito palette (ketennet.plot.PALETTE) but its black, which
# marks the observed value
_CHAINS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]

# per table of kn.ergm.gof: title, x label, y label
_GOF_LABELS = {
    "degree": ("degree", "degree", "organisations"),
    "idegree": ("in-degree", "in-degree", "organisations"),
    "odegree": ("out-degree", "out-degree", "organisations"),
    "espartners": ("edgewise shared partners", "edgewise shared partners", "ties"),
    "distance": ("minimum geodesic distance", "geodesic distance", "pairs"),
    "model": ("model statistics", "statistic", "value"),
}


def _grid(panels: int, cols: int, width: float, height: float):
    import matplotlib.pyplot as plt

    cols = max(1, min(cols, panels))
    rows = math.ceil(panels / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols, height * rows), squeeze=False)
    for extra in axes.ravel()[panels:]:
        extra.set_visible(False)
    return axes.ravel()[:panels]


def _given_axes(ax, count: int, fn: str, what: str) -> np.ndarray:
    axes = np.asarray(ax, dtype=object).ravel()
    if len(axes) != count:
        raise ValueError(f"{fn}: {what} need {count} Axes, not {len(axes)}")
    return axes


def gof(result, *, tables=None, ax=None):
    """The goodness of fit of an ERGM as statnet's ``plot(gof(...))``: one panel per table of
    :func:`ketennet.ergm.gof`, the simulated networks as boxplots and the observed network
    as a thick black line with markers.

    Panels, in the order of ``result.tables``: degree (directed: in-degree and out-degree),
    edgewise shared partners, minimum geodesic distance (the last position, ``inf``, counts
    the unreachable pairs) and the model statistics. Each box spans the quartiles of the
    ``result.nsim`` simulated counts at that value, its whiskers the 2.5 and 97.5 percentiles
    (95% of the simulated networks lie between them); the median is a line in the box. Where
    the observed line leaves the whiskers, the model does not reproduce that feature of the
    network. Counts, not proportions, are drawn (the values of the gof tables).

    Parameters
    ----------
    result : kn.ergm.Gof
        From :func:`ketennet.ergm.gof`.
    tables : sequence of str, optional
        The tables to draw (names of ``result.tables``, e.g. ``["degree", "model"]``); all
        by default.
    ax : sequence of matplotlib Axes, optional
        One Axes per table drawn; a new figure (two panels a row) otherwise.

    Returns
    -------
    numpy.ndarray of matplotlib Axes, one per table

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> fit = kn.ergm.fit(net, "edges + nodematch('sector')", method="mple")
    >>> g = kn.ergm.gof(fit, nsim=50, seed=1, progress=False)
    >>> axes = kn.plot.gof(g)
    >>> [a.get_title() for a in axes]
    ['degree', 'edgewise shared partners', 'minimum geodesic distance', 'model statistics']
    >>> [t.get_text() for t in axes[0].get_legend().get_texts()]
    ['observed', 'simulated']
    """
    from matplotlib.patches import Patch

    fn = "plot.gof"
    if not isinstance(result, Gof):
        raise TypeError(f"{fn}: expected a kn.ergm.Gof (from kn.ergm.gof), not "
                        f"{type(result).__name__}")
    names = list(result.tables) if tables is None else (
        [tables] if isinstance(tables, str) else list(tables))
    if not names:
        raise ValueError(f"{fn}: tables is empty; name at least one of {list(result.tables)}")
    for name in names:
        if name not in result.tables:
            raise KeyError(f"{fn}: unknown table {name!r} (tables: {', '.join(result.tables)})")
    axes = _grid(len(names), 2, 4.8, 3.4) if ax is None else _given_axes(
        ax, len(names), fn, f"{len(names)} tables")
    for a, name in zip(axes, names):
        table = result.tables[name]
        sims = result.simulated[name].to_numpy(dtype=float)
        x = np.arange(len(table))
        a.boxplot([sims[:, k] for k in range(sims.shape[1])], positions=x, widths=0.6,
                  whis=(2.5, 97.5), showfliers=False, patch_artist=True,
                  boxprops={"facecolor": _BOX, "edgecolor": _EDGE},
                  medianprops={"color": _EDGE}, whiskerprops={"color": _EDGE},
                  capprops={"color": _EDGE})
        a.plot(x, table["observed"].to_numpy(dtype=float), color=_OBSERVED, linewidth=2,
               marker="o", markersize=4, label="observed", zorder=3)
        title, xlabel, ylabel = _GOF_LABELS.get(name, (name, name, "count"))
        a.set_xticks(x)
        labels = [str(v) for v in table.index]
        a.set_xticklabels(labels, rotation=45 if name == "model" else 0,
                          ha="right" if name == "model" else "center", fontsize=8)
        if name != "model" and len(labels) > 15:
            for k, label in enumerate(a.get_xticklabels()):
                label.set_visible(k % math.ceil(len(labels) / 15) == 0)
        a.set_title(title, fontsize=10)
        a.set_xlabel(xlabel)
        a.set_ylabel(ylabel)
        a.legend(handles=[a.get_lines()[-1], Patch(facecolor=_BOX, edgecolor=_EDGE)],
                 labels=["observed", "simulated"], fontsize=7, frameon=False)
    fig = axes[0].figure
    if ax is None:
        fig.suptitle(f"goodness of fit of layer {result.layer!r} "
                     f"({result.nsim} simulated networks)", fontsize=10)
        fig.tight_layout()
    return axes


def _chain_blocks(draws: int, chains: int):
    """The draws of each chain: chain c made draws draws c / chains .. draws (c + 1) /
    chains - 1 (the order of the compiled sampler)."""
    chains = max(1, min(chains, draws))
    return [range(draws * c // chains, draws * (c + 1) // chains) for c in range(chains)]


def mcmc_trace(fit, *, terms=None, ax=None):
    """The MCMC diagnostics of an MCMLE fit as statnet's ``mcmc.diagnostics``: per statistic
    the trace of the final sample (draw against the statistic minus its observed value, a
    line at 0) and beside it the distribution of those differences.

    The sample is drawn at the estimate, so a converged fit's differences centre on 0 (their
    mean over their standard deviation is the fit's ``t_ratios``, shown in the titles). A trace
    that drifts, or chains that stay apart, means the sample has not mixed: fit again with a
    longer ``burnin`` or ``interval``. The chains (``chains`` of :func:`ketennet.ergm.fit`,
    4 by default; the sample holds their draws one chain after the other) have their own
    colour, the trace's x axis is the draw within its chain.

    Parameters
    ----------
    fit : kn.ergm.Fit
        An MCMLE fit (``method="mcmle"``); an MPLE fit has no sample.
    terms : sequence of str, optional
        The statistics to draw (names of ``fit.terms``); all by default.
    ax : matplotlib Axes, optional
        A (statistics x 2) array of Axes, trace then distribution of each statistic; a new
        figure otherwise.

    Returns
    -------
    numpy.ndarray of matplotlib Axes, shape (statistics, 2)

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> fit = kn.ergm.fit(net, "edges + gwesp(0.5, fixed=True)", seed=1, progress=False)
    >>> axes = kn.plot.mcmc_trace(fit)
    >>> axes.shape
    (2, 2)
    >>> axes[1, 0].get_ylabel(), axes[1, 1].get_xlabel()
    ('gwesp.fixed.0.5 − observed', 'gwesp.fixed.0.5 − observed')
    """
    fn = "plot.mcmc_trace"
    if not isinstance(fit, Fit):
        raise TypeError(f"{fn}: expected a kn.ergm.Fit (from kn.ergm.fit), not "
                        f"{type(fit).__name__}")
    if fit.mcmc is None or len(fit.mcmc) == 0:
        raise ValueError(f"{fn}: the fit has no MCMC sample to draw (method={fit.method!r}: "
                         "the MPLE is computed without simulation); fit with method='mcmle'")
    names = list(fit.terms) if terms is None else ([terms] if isinstance(terms, str)
                                                   else list(terms))
    if not names:
        raise ValueError(f"{fn}: terms is empty; name at least one of {list(fit.terms)}")
    for name in names:
        if name not in fit.mcmc.columns:
            raise KeyError(f"{fn}: unknown statistic {name!r} (statistics: "
                           f"{', '.join(fit.terms)})")
    if ax is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(len(names), 2, figsize=(9.0, 2.4 * len(names)), squeeze=False,
                               gridspec_kw={"width_ratios": [2, 1]})
    else:
        axes = _given_axes(ax, 2 * len(names), fn, f"{len(names)} statistics").reshape(-1, 2)
    blocks = _chain_blocks(len(fit.mcmc), max(1, fit.chains))
    for row, name in zip(axes, names):
        trace, dist = row
        d = fit.mcmc[name].to_numpy(dtype=float) - float(fit.observed[name])
        finite = d[np.isfinite(d)]
        if len(finite) and np.ptp(finite) > 0 and np.ptp(finite) <= 25 \
                and np.array_equal(finite, np.round(finite)):
            # whole-number statistics (counts): one bin per value
            edges = np.arange(finite.min() - 0.5, finite.max() + 1.5)
        elif len(finite) and np.ptp(finite) > 0:
            edges = np.histogram_bin_edges(finite, bins="auto")
        else:
            edges = 1
        for c, block in enumerate(blocks):
            colour = _CHAINS[c % len(_CHAINS)]
            label = f"chain {c + 1}" if len(blocks) > 1 else "sample"
            trace.plot(np.arange(len(block)), d[block.start:block.stop], color=colour,
                       linewidth=0.6, alpha=0.85, label=label)
            dist.hist(d[block.start:block.stop], bins=edges, histtype="step", color=colour,
                      linewidth=1.2, label=label)
        trace.axhline(0.0, color=_ZERO, linewidth=1.2, linestyle="--", label="observed")
        dist.axvline(0.0, color=_ZERO, linewidth=1.2, linestyle="--", label="observed")
        shown = f"{name} − observed"
        trace.set_title(f"{name}: trace", fontsize=9)
        trace.set_xlabel("draw (within its chain)")
        trace.set_ylabel(shown)
        t = None if fit.t_ratios is None else fit.t_ratios.get(name)
        dist.set_title("distribution" + (f" (t-ratio {t:.2g})" if t is not None else ""),
                       fontsize=9)
        dist.set_xlabel(shown)
        dist.set_ylabel("draws")
    axes[0][0].legend(fontsize=7, frameon=False, ncol=min(len(blocks) + 1, 5))
    fig = axes[0][0].figure
    if ax is None:
        fig.suptitle(f"MCMC sample of the MCMLE fit of layer {fit.layer!r} ({len(fit.mcmc)} "
                     f"draws, {len(blocks)} chain{'s' if len(blocks) > 1 else ''})", fontsize=10)
        fig.tight_layout()
    return np.asarray(axes, dtype=object).reshape(-1, 2)
