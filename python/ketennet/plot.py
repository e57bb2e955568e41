"""Plots (matplotlib): drawn from the results of ketennet's functions, returning the Axes."""
from __future__ import annotations

from typing import Optional

__all__ = ["robustness"]


def robustness(result, ax=None, measure: Optional[str] = None, label: Optional[str] = None):
    """The robustness curve of a :class:`ketennet.resilience.Simulation`: the measure after
    each removal step, the mean over runs as a line and, with several runs, the 10-90%
    range of the runs as a band. The legend gives the robustness index R (Schneider et al.
    2011), the mean of the curve over steps 1..steps.

    Parameters
    ----------
    result : Simulation
        From :func:`ketennet.resilience.simulate`.
    ax : matplotlib Axes, optional
        Drawn into (several simulations can share one Axes); a new figure otherwise.
    measure : str, optional
        Which simulated measure (default: the first).
    label : str, optional
        Legend label (default: the strategy).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> sim = kn.resilience.simulate(net, "random", runs=10, progress=False)
    >>> ax = kn.plot.robustness(sim)
    >>> ax.get_xlabel()
    'organisations removed'
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    measure = measure or result.measures[0]
    table = result.curve(measure)
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.0))
    steps = table.index.to_numpy()
    mean = table.mean(axis=1).to_numpy()
    text = label or (result.strategy + (" (recomputed)" if result.recompute else ""))
    line, = ax.plot(steps, mean, label=f"{text}: R = {result.robustness[measure]:.3f}")
    if table.shape[1] > 1:
        lo = table.quantile(0.1, axis=1).to_numpy()
        hi = table.quantile(0.9, axis=1).to_numpy()
        ax.fill_between(steps, lo, hi, color=line.get_color(), alpha=0.2, linewidth=0)
    ax.set_xlabel("layer failed" if result.strategy.startswith("layer:") else "organisations removed")
    ax.set_ylabel(measure.replace("_", " "))
    ax.set_xlim(steps.min(), max(steps.max(), 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax
