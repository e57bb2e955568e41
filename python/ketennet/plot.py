"""Pictures of networks, chains and results, drawn with matplotlib.

Every function draws on the Axes it is given (or on a new figure) and returns the Axes; none
calls ``plt.show()``, so a notebook shows the picture once and a script can save it. Labels
come from organisation names; colours from a colour-blind-safe palette (Okabe & Ito 2008),
one per sector; layers are told apart by line style.

matplotlib is imported when a function is called, not when ketennet is.
"""
from __future__ import annotations

import math
from typing import Dict, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .network import Network

__all__ = ["network", "chain", "funnel", "centrality", "handovers", "lead_times", "robustness",
           "PALETTE"]

#: Okabe & Ito (2008) colour-blind-safe palette (black last: used for "other" sectors).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
_LINESTYLES = ["-", "--", ":", "-."]
_GREY = "#8a96a3"


def _axes(ax, figsize):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _check_net(net, fn: str) -> None:
    if not isinstance(net, Network):
        raise TypeError(f"{fn}: expected a ketennet.Network, not {type(net).__name__}")


def _labels(net: Network) -> Dict[str, str]:
    orgs = net.organisations
    if orgs.empty:
        return {}
    names = orgs["name"].where(orgs["name"].astype(str) != "", orgs["id"])
    return dict(zip(orgs["id"], names))


def _short(label: str, width: int = 22) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def sector_colours(net: Network) -> Dict[str, str]:
    """Colour of every sector of ``net``: the palette in order of first appearance (sectors
    beyond the palette, and organisations without a sector, are grey)."""
    sectors = [s for s in dict.fromkeys(net.organisations["sector"]) if s]
    return {s: (PALETTE[i] if i < len(PALETTE) - 1 else _GREY) for i, s in enumerate(sectors)}


def _sector_layout(net: Network) -> Dict[str, Tuple[float, float]]:
    """Organisations on a circle, grouped by sector (in order of first appearance)."""
    orgs = net.organisations
    order = sorted(range(len(orgs)), key=lambda i: (list(dict.fromkeys(orgs["sector"])).index(
        orgs["sector"].iloc[i]), i))
    n = max(len(order), 1)
    return {orgs["id"].iloc[i]: (math.cos(2 * math.pi * k / n + math.pi / 2),
                                 math.sin(2 * math.pi * k / n + math.pi / 2))
            for k, i in enumerate(order)}


def _arrow(ax, p, q, *, colour, width, style, directed, alpha=0.8, shrink=11):
    from matplotlib.patches import FancyArrowPatch

    ax.add_patch(FancyArrowPatch(p, q, arrowstyle="-|>" if directed else "-", mutation_scale=9,
                                 linewidth=width, linestyle=style, color=colour, alpha=alpha,
                                 shrinkA=shrink, shrinkB=shrink,
                                 connectionstyle="arc3,rad=0.08" if directed else "arc3"))


def network(net: Network, *, layers: Union[None, str, Sequence[str]] = None,
            layout: Union[str, Mapping[str, Tuple[float, float]]] = "sectors",
            size: Optional[Union[str, pd.Series]] = None, labels: bool = True, ax=None,
            seed: int = 0):
    """Draw the network: organisations coloured by sector, layers as line styles.

    Parameters
    ----------
    net : Network
    layers : str or list of str, optional
        Layers to draw (default all), each with its own line style (solid, dashed, dotted,
        dash-dot, in the order of ``net.layers``).
    layout : ``"sectors"``, ``"spring"`` or dict
        ``"sectors"`` (default): a circle with each sector's organisations together, the same
        picture every time; ``"spring"``: NetworkX's ``spring_layout`` (needs networkx) with
        ``seed``; or a dict ``{organisation: (x, y)}``.
    size : Series or str, optional
        Marker size by a per-organisation value (a centrality, say; scaled so the largest is
        big), or the name of a numeric organisation attribute. Default: equal sizes.
    labels : bool
        Write organisation names next to the markers.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> ax = kn.plot.network(kn.examples.load("vreemdelingenketen"))
    >>> ax.get_title()
    'vreemdelingenketen'
    """
    _check_net(net, "plot.network")
    ax = _axes(ax, (9, 9))
    if isinstance(layout, str):
        if layout == "sectors":
            pos = _sector_layout(net)
        elif layout == "spring":
            import networkx as nx

            from .io import to_networkx

            pos = {k: tuple(v) for k, v in nx.spring_layout(to_networkx(net), seed=seed).items()}
        else:
            raise ValueError(f"plot.network: layout must be 'sectors', 'spring' or a dict, not {layout!r}")
    else:
        pos = dict(layout)
        missing = [o for o in net.ids if o not in pos]
        if missing:
            raise KeyError(f"plot.network: layout lacks a position for {', '.join(missing[:5])}"
                           + (", ..." if len(missing) > 5 else ""))
    all_layers = list(net.layers)
    chosen = all_layers if layers is None else ([layers] if isinstance(layers, str) else list(layers))
    for name in chosen:
        if name not in net.layers:
            raise KeyError(f"plot.network: unknown layer {name!r} (layers: {', '.join(all_layers)})")
    rel = net.relations
    from matplotlib.lines import Line2D

    handles = []
    for name in chosen:
        style = _LINESTYLES[all_layers.index(name) % len(_LINESTYLES)]
        directed = net.layers[name]
        for s, t in rel.loc[rel["layer"] == name, ["source", "target"]].itertuples(index=False):
            if s != t:
                _arrow(ax, pos[s], pos[t], colour=_GREY, width=1.0, style=style, directed=directed,
                       alpha=0.6)
        handles.append(Line2D([], [], color=_GREY, linestyle=style,
                              label=f"{name} ({'directed' if directed else 'undirected'})"))
    orgs = net.organisations
    colours = sector_colours(net)
    if size is None:
        sizes = np.full(len(orgs), 160.0)
    else:
        vals = orgs[size] if isinstance(size, str) else pd.Series(size).reindex(orgs["id"]).to_numpy()
        vals = pd.to_numeric(pd.Series(np.asarray(vals)), errors="raise").fillna(0.0).to_numpy(float)
        top = vals.max() if len(vals) and vals.max() > 0 else 1.0
        sizes = 60.0 + 600.0 * vals / top
    xy = np.array([pos[o] for o in orgs["id"]]) if len(orgs) else np.zeros((0, 2))
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=[colours.get(s, _GREY) for s in orgs["sector"]],
               edgecolors="white", linewidths=1.0, zorder=3)
    if labels:
        names = _labels(net)
        for o, (x, y) in zip(orgs["id"], xy):
            ax.annotate(_short(names[o]), (x, y), xytext=(0, 8), textcoords="offset points",
                        ha="center", fontsize=8, zorder=4)
    for sector, colour in colours.items():
        handles.append(Line2D([], [], marker="o", linestyle="", color=colour, label=sector))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=8)
    ax.set_title(net.name)
    ax.set_aspect("equal")
    ax.margins(0.12)
    ax.axis("off")
    return ax


def chain(net: Network, name: str, *, layer: Optional[str] = "case", ax=None):
    """Draw a chain stage by stage: stages as columns, their organisations stacked, relations
    between chain organisations as arrows whose width grows with ``volume``.

    Parameters
    ----------
    net : Network
    name : str
        A chain of the model (``net.chains``).
    layer : str or None
        The layer whose relations are drawn (default ``"case"``; ``None``: all layers).
        Relations without a volume are drawn thin and dashed.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> ax = kn.plot.chain(net, "strafrechtketen")
    >>> [t.get_text() for t in ax.get_xticklabels()][:2]
    ['aangifte', 'opsporing']
    """
    _check_net(net, "plot.chain")
    if name not in net.chains:
        raise KeyError(f"plot.chain: unknown chain {name!r} (chains: {', '.join(net.chains) or 'none'})")
    if layer is not None and layer not in net.layers:
        raise KeyError(f"plot.chain: unknown layer {layer!r} (layers: {', '.join(net.layers)})")
    stages = net.chain(name)
    ax = _axes(ax, (max(6, 2.2 * len(stages)), 6))
    pos = {}
    for k, (stage, orgs) in enumerate(stages.items()):
        for j, o in enumerate(orgs):
            pos.setdefault(o, (float(k), -(j - (len(orgs) - 1) / 2.0)))
    rel = net.relations
    rel = rel[rel["source"].isin(pos) & rel["target"].isin(pos)]
    if layer is not None:
        rel = rel[rel["layer"] == layer]
    vol = pd.to_numeric(rel["volume"], errors="coerce")
    top = vol.max() if vol.notna().any() else 1.0
    for (s, t, v) in zip(rel["source"], rel["target"], vol):
        if s == t:
            continue
        known = not math.isnan(v)
        width = 0.6 + 7.0 * (v / top) ** 0.5 if known and top > 0 else 0.8
        _arrow(ax, pos[s], pos[t], colour=PALETTE[0] if known else _GREY, width=width,
               style="-" if known else "--", directed=True, alpha=0.55)
    colours = sector_colours(net)
    names = _labels(net)
    orgs = net.organisations.set_index("id")
    for o, (x, y) in pos.items():
        ax.scatter([x], [y], s=180, color=colours.get(orgs.loc[o, "sector"], _GREY),
                   edgecolors="white", zorder=3)
        ax.annotate(_short(names[o]), (x, y), xytext=(0, 9), textcoords="offset points",
                    ha="center", fontsize=8, zorder=4)
    ax.set_xticks(range(len(stages)))
    ax.set_xticklabels(list(stages))
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlim(-0.6, len(stages) - 0.4)
    ax.margins(y=0.15)
    ax.set_title(f"{name}" + (f" — layer '{layer}', width ~ volume" if layer else ""))
    return ax


def funnel(net: Network, name: str, *, ax=None, **score_chain_options):
    """Volumes along a chain, stage by stage: what enters each stage, what flows on, what
    goes back, what leaves the chain and what ends there (from :func:`ketennet.flow.score_chain`).

    Parameters
    ----------
    net : Network
    name : str
        A chain of the model.
    ax : matplotlib Axes, optional
    **score_chain_options
        Passed to :func:`ketennet.flow.score_chain` (``layers=``, say).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        When the chain's stage volumes are not known.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> ax = kn.plot.funnel(kn.examples.load("strafrechtketen"), "strafrechtketen")
    >>> ax.get_ylabel()
    'items per period'
    """
    from . import flow

    _check_net(net, "plot.funnel")
    card = flow.score_chain(net, name, **score_chain_options)
    rows = card[card["stage"].notna()]
    if rows.empty:
        raise ValueError(f"plot.funnel: the stage volumes of chain {name!r} are not known "
                         "(no relation volumes between its stages)")
    table = rows.pivot(index="stage", columns="indicator", values="value")
    table = table.reindex(index=list(dict.fromkeys(rows["stage"]))).astype(float)
    ax = _axes(ax, (max(6, 1.4 * len(table)), 4.5))
    x = np.arange(len(table))
    ax.bar(x, table["stage inflow"], color="#dde3ea", label="stage inflow", width=0.8)
    parts = [("flows on", PALETTE[0]), ("sent back", PALETTE[1]), ("leaves the chain", PALETTE[3]),
             ("ends in stage", PALETTE[2])]
    w = 0.8 / len(parts)
    for k, (col, colour) in enumerate(parts):
        if col in table:
            ax.bar(x - 0.4 + w * (k + 0.5), table[col].clip(lower=0), width=w * 0.95,
                   color=colour, label=col)
    ax.set_xticks(x)
    ax.set_xticklabels(table.index, rotation=20, ha="right")
    ax.set_ylabel("items per period")
    ax.yaxis.set_major_formatter(_thousands())
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(f"{name}: volumes per stage")
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}")


def centrality(values: pd.Series, net: Optional[Network] = None, *, top: int = 15, ax=None,
               title: Optional[str] = None):
    """Horizontal bars of a per-organisation result (a centrality, say), largest on top.

    Parameters
    ----------
    values : Series
        Indexed by organisation id (as every ``kn.centrality`` function returns).
    net : Network, optional
        For organisation names as labels and sector colours.
    top : int
        Bars to show (the largest values).
    ax : matplotlib Axes, optional
    title : str, optional
        Default: the Series' name.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> ax = kn.plot.centrality(kn.centrality.betweenness(net), net, top=5)
    >>> len(ax.patches)
    5
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"plot.centrality: expected a Series, not {type(values).__name__}")
    if top < 1:
        raise ValueError(f"plot.centrality: top must be at least 1, not {top}")
    vals = pd.to_numeric(values, errors="raise").sort_values(ascending=False, kind="stable").head(top)
    ax = _axes(ax, (7, 0.35 * len(vals) + 1.2))
    names = _labels(net) if net is not None else {}
    colours = sector_colours(net) if net is not None else {}
    sector = dict(zip(net.organisations["id"], net.organisations["sector"])) if net is not None else {}
    y = np.arange(len(vals))[::-1]
    ax.barh(y, vals.to_numpy(float), color=[colours.get(sector.get(o, ""), PALETTE[0]) for o in vals.index])
    ax.set_yticks(y)
    ax.set_yticklabels([_short(str(names.get(o, o)), 32) for o in vals.index], fontsize=8)
    ax.set_title(title if title is not None else (values.name or ""))
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def handovers(data: Union[Network, pd.DataFrame], *, value: str = "volume", layer: Optional[str] = None,
              ax=None, annotate: bool = True):
    """Heat map of hand-overs between organisations: rows hand over to columns.

    Parameters
    ----------
    data : Network or DataFrame
        A network (a handover network from ``kn.eventlog.handover_network``, say: its
        relations' ``value`` field) or a DataFrame with columns ``source``, ``target`` and
        ``value``.
    value : str
        The relation field or column to show (default ``"volume"``: the number of hand-overs).
    layer : str, optional
        With a network: only this layer's relations.
    ax : matplotlib Axes, optional
    annotate : bool
        Write the values in the cells (for up to 20 organisations).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd, ketennet as kn
    >>> df = pd.DataFrame({"source": ["politie", "om", "om"], "target": ["om", "rechtbank", "politie"],
    ...                    "volume": [120, 80, 15]})
    >>> ax = kn.plot.handovers(df)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['politie', 'om', 'rechtbank']
    """
    names: Dict[str, str] = {}
    if isinstance(data, Network):
        rel = data.relations
        if layer is not None:
            if layer not in data.layers:
                raise KeyError(f"plot.handovers: unknown layer {layer!r}")
            rel = rel[rel["layer"] == layer]
        names = _labels(data)
        order = list(data.ids)
    elif isinstance(data, pd.DataFrame):
        rel = data
        order = list(dict.fromkeys(list(rel["source"]) + list(rel["target"]))) if len(rel) else []
    else:
        raise TypeError(f"plot.handovers: expected a Network or DataFrame, not {type(data).__name__}")
    for col in ("source", "target", value):
        if col not in rel.columns:
            raise KeyError(f"plot.handovers: no column {col!r}")
    vals = pd.to_numeric(rel[value], errors="raise")
    if vals.isna().any():
        bad = rel.loc[vals.isna(), ["source", "target"]].head(3).values.tolist()
        raise ValueError(f"plot.handovers: {int(vals.isna().sum())} relation(s) lack '{value}', "
                         f"e.g. {bad}")
    mat = (pd.DataFrame({"s": rel["source"].to_numpy(), "t": rel["target"].to_numpy(),
                         "v": vals.to_numpy(float)})
           .pivot_table(index="s", columns="t", values="v", aggfunc="sum", fill_value=0.0)
           .reindex(index=order, columns=order, fill_value=0.0))
    ax = _axes(ax, (0.45 * len(order) + 3, 0.45 * len(order) + 2))
    im = ax.imshow(mat.to_numpy(float), cmap="Blues")
    labels = [_short(str(names.get(o, o)), 26) for o in order]
    ax.set_xticks(range(len(order)))
    ax.set_xticklabels(labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xlabel("to")
    ax.set_ylabel("from")
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label=value)
    if annotate and len(order) <= 20:
        top = mat.to_numpy().max() if mat.size else 0
        for i in range(len(order)):
            for j in range(len(order)):
                v = mat.iat[i, j]
                if v:
                    ax.text(j, i, f"{v:,.0f}", ha="center", va="center", fontsize=7,
                            color="white" if v > top / 2 else "black")
    return ax


def lead_times(journeys: Union[pd.DataFrame, pd.Series], *, norm_days: Optional[float] = None,
               bins: int = 40, ax=None, column: str = "lead_time"):
    """Distribution of case lead times, with the share within a norm.

    Parameters
    ----------
    journeys : DataFrame or Series
        ``kn.eventlog.journeys(...)`` (its ``lead_time`` column, Timedelta) or a Series of
        Timedeltas or of days.
    norm_days : float, optional
        A lead-time norm in days (the courts' norms, say): drawn as a line, with the share of
        cases within it in the legend.
    bins : int
    ax : matplotlib Axes, optional
    column : str
        Column of a DataFrame holding the lead times.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd, ketennet as kn
    >>> lt = pd.Series(pd.to_timedelta([10, 20, 35, 90, 200], unit="D"))
    >>> ax = kn.plot.lead_times(lt, norm_days=60)
    >>> ax.get_legend().get_texts()[0].get_text()
    'norm 60 days: 60% of cases within'
    """
    s = journeys[column] if isinstance(journeys, pd.DataFrame) else journeys
    if not isinstance(s, pd.Series):
        raise TypeError(f"plot.lead_times: expected a DataFrame or Series, not {type(journeys).__name__}")
    if pd.api.types.is_timedelta64_dtype(s):
        days = s.dt.total_seconds() / 86400.0
    else:
        days = pd.to_numeric(s, errors="raise").astype(float)
    if days.isna().any():
        raise ValueError(f"plot.lead_times: {int(days.isna().sum())} lead time(s) are missing")
    ax = _axes(ax, (7, 4))
    ax.hist(days.to_numpy(), bins=bins, color=PALETTE[0], alpha=0.85)
    ax.set_xlabel("lead time (days)")
    ax.set_ylabel("cases")
    if norm_days is not None:
        within = float((days <= norm_days).mean()) if len(days) else float("nan")
        ax.axvline(norm_days, color=PALETTE[3], linestyle="--",
                   label=f"norm {norm_days:g} days: {within:.0%} of cases within")
        ax.legend(frameon=False)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


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
