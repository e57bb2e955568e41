"""Pictures of networks, chains and results, drawn with matplotlib.

Every function draws on the Axes it is given (or on a new figure) and returns the Axes (the
small multiples of :func:`tie_changes`: their Figure); none calls ``plt.show()``, so a
notebook shows the picture once and a script can save it. Labels come from organisation
names, wrapped between words and never cut; each sector present has its own colour from a
colour-blind-safe palette (Okabe & Ito 2008) and, beyond eight sectors, its own marker (bars:
hatch); layers are told apart by line style, volumes by line width.

matplotlib is imported when a function is called, not when ketennet is.
"""
from __future__ import annotations

import math
from typing import Dict, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _language
from ._deprecation import renamed_arguments
from ._plot_ergm import gof, mcmc_trace
from ._plot_panel import TIE_COLOURS, compare, tie_changes, trajectories
from ._plot_stats import null_distribution
from .network import Network

__all__ = ["network", "chain", "funnel", "centrality", "handovers", "lead_times", "robustness",
           "compare", "trajectories", "tie_changes", "null_distribution", "gof", "mcmc_trace",
           "sector_styles", "sector_colours", "PALETTE", "MARKERS", "TIE_COLOURS"]

#: Okabe & Ito (2008) colour-blind-safe palette; sector k gets colour ``PALETTE[k % 8]``.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
#: Markers: sector k gets ``MARKERS[k // 8]``, so every (colour, marker) pair is distinct up to
#: 120 sectors.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "p", "*", "d", "8", "H"]
#: Bar hatches, one per marker, so bars tell sectors apart as markers do.
HATCHES = ["", "////", "....", "xxxx", "\\\\\\\\", "++++", "oo", "----", "||||", "**",
           "//..", "\\\\..", "xx..", "++..", "--.."]
_LINESTYLES = ["-", "--", ":", "-."]
_GREY = "#8a96a3"
_EDGE = "#5b6b7a"
_NO_SECTOR = "(no sector)"
_FONT = 8.0          # label font size (points) when the picture has room
_WRAP = 18           # label line length (characters): names wrap at word boundaries


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


def _wrap(label: str, width: int = _WRAP) -> str:
    """``label`` on lines of at most ``width`` characters, broken between words (a single
    word longer than ``width`` keeps its own line whole)."""
    import textwrap

    return "\n".join(textwrap.wrap(str(label), width, break_long_words=False,
                                   break_on_hyphens=False)) or str(label)


def sector_styles(net: Network) -> Dict[str, Tuple[str, str]]:
    """``{sector: (colour, marker)}`` for every sector present in ``net``, in order of first
    appearance: sector k gets ``PALETTE[k % 8]`` and ``MARKERS[k // 8]``, so no two sectors
    share both. Organisations without a sector are drawn grey (``"#8a96a3"``) with circles.

    Raises
    ------
    ValueError
        With more than ``len(PALETTE) * len(MARKERS)`` (120) sectors.

    Examples
    --------
    >>> import ketennet as kn
    >>> styles = kn.plot.sector_styles(kn.examples.load("strafrechtketen"))
    >>> styles["burger"], styles["rvdk"]  # the first and the ninth sector: one colour, two markers
    (('#0072B2', 'o'), ('#0072B2', 's'))
    >>> len(styles), len(set(styles.values()))
    (17, 17)
    """
    sectors = [s for s in dict.fromkeys(net.organisations["sector"]) if s]
    limit = len(PALETTE) * len(MARKERS)
    if len(sectors) > limit:
        raise ValueError(f"{net.name}: {len(sectors)} sectors; a picture tells at most {limit} "
                         "apart (group sectors first)")
    return {s: (PALETTE[i % len(PALETTE)], MARKERS[i // len(PALETTE)]) for i, s in enumerate(sectors)}


def sector_colours(net: Network) -> Dict[str, str]:
    """Colour of every sector of ``net`` (see :func:`sector_styles`; sectors beyond the eight
    colours repeat them with another marker)."""
    return {s: c for s, (c, _) in sector_styles(net).items()}


def _sector_layout(net: Network) -> Dict[str, Tuple[float, float]]:
    """Organisations on a circle, grouped by sector (in order of first appearance)."""
    orgs = net.organisations
    order = sorted(range(len(orgs)), key=lambda i: (list(dict.fromkeys(orgs["sector"])).index(
        orgs["sector"].iloc[i]), i))
    n = max(len(order), 1)
    return {orgs["id"].iloc[i]: (math.cos(2 * math.pi * k / n + math.pi / 2),
                                 math.sin(2 * math.pi * k / n + math.pi / 2))
            for k, i in enumerate(order)}


def _arrow(ax, p, q, *, colour, width, style, directed, alpha=0.8, shrink=11, gid=None):
    from matplotlib.patches import FancyArrowPatch

    patch = FancyArrowPatch(p, q, arrowstyle="-|>" if directed else "-", mutation_scale=9,
                            linewidth=width, linestyle=style, color=colour, alpha=alpha,
                            shrinkA=shrink, shrinkB=shrink, zorder=2,
                            connectionstyle="arc3,rad=0.08" if directed else "arc3")
    if gid is not None:
        patch.set_gid(gid)
    ax.add_patch(patch)
    return patch


# ----------------------------------------------------------------------------- grid layouts
def _stage_cells(net: Network, chain: str):
    """Grid cells ``{organisation: (column, row)}`` of the stage layout: one column per stage
    of ``chain`` (an organisation in several stages stands in the first), then the
    organisations outside the chain in further columns, grouped by sector; and the column
    headings."""
    stages = net.chain(chain)
    cells: Dict[str, Tuple[int, int]] = {}
    heads = []
    for k, (stage, members) in enumerate(stages.items()):
        heads.append(stage)
        row = 0
        for o in members:
            if o not in cells:
                cells[o] = (k, row)
                row += 1
    rows = max([r + 1 for _, r in cells.values()] or [1])
    orgs = net.organisations
    order = {s: k for k, s in enumerate(dict.fromkeys(orgs["sector"]))}
    ids = list(orgs["id"])
    rest = [ids[i] for _, i in sorted((order[s], i) for i, s in enumerate(orgs["sector"]))
            if ids[i] not in cells]
    if rest:
        rows = max(rows, math.ceil(math.sqrt(len(rest))))
        start = len(heads)
        for i, o in enumerate(rest):
            cells[o] = (start + i // rows, i % rows)
        extra = math.ceil(len(rest) / rows)
        heads += [f"outside {chain}"] + [""] * (extra - 1)
    return cells, heads


def _spring(net: Network, seed: int, required: bool):
    """(ids, positions, degrees) of NetworkX's ``spring_layout`` (Fruchterman & Reingold
    1991) of ``net``, all layers as one undirected graph. Without networkx: ImportError when
    ``required``, else the sector circle of :func:`_sector_layout`."""
    ids = list(net.ids)
    rel = net.relations
    pairs = {frozenset(p) for p in zip(rel["source"], rel["target"]) if p[0] != p[1]}
    degree = dict.fromkeys(ids, 0)
    for pair in pairs:
        for o in pair:
            degree[o] += 1
    try:
        import networkx as nx
    except ImportError:
        if required:
            raise ImportError("plot.network: layout 'spring' needs networkx "
                              "(pip install networkx); layout 'sectors' does without") from None
        pos = _sector_layout(net)
    else:
        g = nx.Graph()
        g.add_nodes_from(ids)
        g.add_edges_from(tuple(p) for p in pairs)
        pos = nx.spring_layout(g, seed=seed) if len(ids) > 1 else {o: np.zeros(2) for o in ids}
    xy = np.array([pos[o] for o in ids], dtype=float).reshape(-1, 2)
    return ids, xy, [degree[o] for o in ids]


def _force_cells(spring, ratio: float = 1.0) -> Dict[str, Tuple[int, int]]:
    """Grid cells ``{organisation: (column, row)}`` of the force layout: the
    :func:`_spring` positions snapped to a grid with half again as many cells as
    organisations and about ``ratio`` columns per row, best-connected organisations first,
    each to the free cell nearest its spring position."""
    ids, xy, degree = spring
    n = len(ids)
    if n == 0:
        return {}
    cells_wanted = math.ceil(1.5 * n)
    cols = min(cells_wanted, max(1, round(math.sqrt(cells_wanted * ratio))))
    rows = math.ceil(cells_wanted / cols)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    target = (xy - lo) / span * np.array([cols - 1, rows - 1])
    target[:, 1] = (rows - 1) - target[:, 1]  # rows run downwards
    grid = np.array([(c, r) for r in range(rows) for c in range(cols)], dtype=float)
    free = np.ones(len(grid), dtype=bool)
    cells = {}
    for i in sorted(range(n), key=lambda i: (-degree[i], i)):
        d = ((grid - target[i]) ** 2).sum(axis=1)
        d[~free] = np.inf
        j = int(np.argmin(d))
        free[j] = False
        cells[ids[i]] = (int(grid[j, 0]), int(grid[j, 1]))
    return cells


def _text_size(text: str, size: float, weight: str = "normal") -> Tuple[float, float]:
    """Width and height in points of (possibly multi-line) ``text`` at font ``size``."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=size, weight=weight)
    lines = text.split("\n")
    width = max(TextToPath().get_text_width_height_descent(line or " ", prop, ismath=False)[0]
                for line in lines)
    return width, size * (1.0 + 1.25 * (len(lines) - 1)) + 0.3 * size


def _volume_widths(values: pd.Series) -> Tuple[np.ndarray, float]:
    """Line widths (points) of relations by volume: 0.6 + 6 sqrt(volume / largest); relations
    without a volume 0.8 (and drawn fainter)."""
    vol = pd.to_numeric(values, errors="coerce").to_numpy(float)
    known = ~np.isnan(vol)
    top = float(np.nanmax(vol)) if known.any() else 0.0
    widths = np.full(len(vol), 0.8)
    if top > 0:
        widths[known] = 0.6 + 6.0 * np.sqrt(np.clip(vol[known], 0.0, None) / top)
    return widths, top


def network(net: Network, *, layers: Union[None, str, Sequence[str]] = None,
            layout: Union[str, Mapping[str, Tuple[float, float]]] = "auto",
            chain: Optional[str] = None, size: Optional[Union[str, pd.Series]] = None,
            labels: bool = True, ax=None, seed: int = 0):
    """Draw the network: organisations by sector (colour and marker), relations as lines
    whose style tells the layer and whose width grows with the volume.

    Every sector present gets its own (colour, marker) pair (:func:`sector_styles`) and
    one legend entry; the legend lists only sectors present, then ``(no sector)`` when an
    organisation has none, the layers (line styles) and two reference widths of volume.
    Organisation names are wrapped at word boundaries, never cut.

    The ``"stages"`` and ``"spring"`` layouts place organisations in the cells of a grid
    sized to the longest label, so no two labels overlap and none falls outside the
    axes. On a new figure the figure is sized to fit at 8-point labels; on a given ``ax``
    the legend takes its room from the right of ``ax`` (as a colour bar does) and the
    labels shrink to fit the rest (lines wrap narrower when that lets them be larger).
    The ``"stages"`` layout is the picture a reader of a chain expects (WODC-style chain
    diagrams); the force layout is Fruchterman & Reingold (1991) as NetworkX computes it.

    Parameters
    ----------
    net : Network
    layers : str or list of str, optional
        Layers to draw (default all), each with its own line style (solid, dashed, dotted,
        dash-dot, in the order of ``net.layers``; arrows for directed layers).
    layout : ``"auto"``, ``"stages"``, ``"spring"``, ``"sectors"`` or dict
        ``"auto"`` (default): ``"stages"`` when the network has a chain, ``"spring"``
        otherwise (without networkx installed: the ``"sectors"`` circle snapped to the
        label grid). ``"stages"``: a column per stage of ``chain`` (default the first chain),
        its organisations stacked; organisations outside the chain in further columns.
        ``"spring"``: NetworkX's ``spring_layout`` with ``seed``, snapped to the label
        grid. ``"sectors"``: a circle with each sector's organisations together; or a dict
        ``{organisation: (x, y)}``. The last two place labels as given, without the
        no-overlap guarantee.
    chain : str, optional
        The chain of the ``"stages"`` layout (default: the first of ``net.chains``).
    size : Series or str, optional
        Marker size by a per-organisation value (a centrality, say; area scaled so the
        largest is big), or the name of a numeric organisation attribute. Default: equal.
    labels : bool
        Write organisation names under the markers.
    ax : matplotlib Axes, optional
    seed : int
        Seed of the spring layout (the same seed gives the same picture).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    KeyError
        An unknown layer or chain, or a layout dict without some organisation.
    ValueError
        An unknown layout name, or ``"stages"`` for a network without chains.
    ImportError
        ``layout="spring"`` without networkx.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import ketennet as kn
    >>> ax = kn.plot.network(kn.examples.load("vreemdelingenketen"))
    >>> ax.get_title()
    'vreemdelingenketen'
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:3]
    ['burger', 'kmar', 'politie']
    """
    return _network(net, layers=layers, layout=layout, chain=chain, size=size, labels=labels,
                    ax=ax, seed=seed, new_axes=None)


def _network(net: Network, *, layers, layout, chain, size, labels, ax, seed, new_axes,
             styles=None):
    """:func:`network`; ``new_axes(figsize)`` makes the Axes when ``ax`` is None (pyplot's
    ``subplots`` by default); ``styles``: the sector styles (default those of ``net``)."""
    _check_net(net, "plot.network")
    all_layers = list(net.layers)
    chosen = all_layers if layers is None else ([layers] if isinstance(layers, str) else list(layers))
    for name in chosen:
        if name not in all_layers:
            raise KeyError(f"plot.network: unknown layer {name!r} (layers: {', '.join(all_layers)})")
    if chain is not None and chain not in net.chains:
        raise KeyError(f"plot.network: unknown chain {chain!r} (chains: {', '.join(net.chains) or 'none'})")
    if isinstance(layout, str):
        if layout not in ("auto", "stages", "spring", "sectors"):
            raise ValueError("plot.network: layout must be 'auto', 'stages', 'spring', 'sectors' "
                             f"or a dict, not {layout!r}")
        auto = layout == "auto"
        if auto:
            layout = "stages" if net.chains else "spring"
        if layout == "stages" and not net.chains:
            raise ValueError(f"plot.network: layout 'stages' needs a chain; {net.name!r} has none")
    else:
        given = dict(layout)
        missing = [o for o in net.ids if o not in given]
        if missing:
            raise KeyError(f"plot.network: layout lacks a position for {', '.join(missing[:5])}"
                           + (", ..." if len(missing) > 5 else ""))
    orgs = net.organisations
    if styles is None:
        styles = sector_styles(net)
    else:  # the sectors present, in their order of first appearance
        styles = {s: styles[s] for s in dict.fromkeys(orgs["sector"]) if s}
    ids = list(orgs["id"])
    if size is None:
        areas = np.full(len(orgs), 110.0)
    else:
        if isinstance(size, str) and size not in orgs.columns:
            raise KeyError(f"plot.network: no organisation attribute {size!r}")
        vals = orgs[size] if isinstance(size, str) else pd.Series(size).reindex(orgs["id"]).to_numpy()
        vals = pd.to_numeric(pd.Series(np.asarray(vals)), errors="raise").fillna(0.0).to_numpy(float)
        top = vals.max() if len(vals) and vals.max() > 0 else 1.0
        areas = 40.0 + 400.0 * vals / top
    names = _labels(net)
    texts = {o: _wrap(names[o]) for o in ids} if labels else {}
    cells: Dict[str, Tuple[int, int]] = {}

    # positions, in data units; on the grid layouts also the cell size in points
    heads: list = []
    legend_cols = 1
    entries = ([s or _NO_SECTOR for s in dict.fromkeys(orgs["sector"])]
               + [f"{name} (undirected)" for name in chosen] + ["volume 000,000,000"])
    legend_w = max(_text_size(e, _FONT)[0] for e in entries) + 50.0
    legend_h = 1.6 * _FONT * len(entries) + 16.0
    aspect, avail = 1.4, None  # width / height of the picture on a new figure
    if ax is not None:
        # as a colour bar does, the legend takes its room from the right of ax
        box = ax.get_position()
        fw, fh = ax.figure.get_size_inches() * 72.0
        legend_cols = max(1, math.ceil(legend_h / (box.height * fh)))
        room = min(legend_w * legend_cols, 0.45 * box.width * fw)
        ax.set_position([box.x0, box.y0, box.width - room / fw, box.height])
        avail = (box.width * fw - room, box.height * fh)
        aspect = avail[0] / avail[1]
    if isinstance(layout, str) and layout in ("stages", "spring"):
        if layout == "stages":
            cells, heads = _stage_cells(net, chain or net.chains[0])
        radius = math.sqrt(float(areas.max() if len(areas) else 110.0)) / 2.0
        spring = _spring(net, seed, required=not auto) if layout == "spring" else None
        best = None
        # on a given ax, narrower lines when they let the labels be larger
        for wrap in ((_WRAP,) if avail is None else (_WRAP, 14, 11)):
            wrapped = {o: _wrap(names[o], wrap) for o in ids} if labels else {}
            sizes = [_text_size(t, _FONT) for t in wrapped.values()]
            head_sizes = [_text_size(_wrap(h, wrap), _FONT + 1, "bold") for h in heads if h]
            cw = max([w for w, _ in sizes + head_sizes] + [2 * radius]) + 12.0
            ch = max((h for _, h in sizes), default=0.0) + 2 * radius + 10.0
            hh = max([h for _, h in head_sizes] + [0.0])
            hh = hh + 8.0 if hh else 0.0
            grid = _force_cells(spring, aspect * ch / cw) if spring is not None else cells
            nc = max([c + 1 for c, _ in grid.values()] + [len(heads), 1])
            nr = max([r + 1 for _, r in grid.values()] + [1])
            fit = min(1.0, avail[0] / (nc * cw), avail[1] / (nr * ch + hh)) if avail else 1.0
            if best is None or fit > 1.05 * best[0]:
                best = (fit, wrap, wrapped, cw, ch, hh, grid, nc, nr)
        _, wrap, texts, cell_w, cell_h, head_h, cells, cols, rows = best
        need_w, need_h = cols * cell_w, rows * cell_h + head_h
        if ax is None:
            fig_w = min(max(need_w + legend_w + 60.0, 360.0), 22 * 72.0)
            fig_h = min(max(need_h + 70.0, legend_h + 60.0, 220.0), 22 * 72.0)
            ax = (new_axes or _pyplot_axes)((fig_w / 72.0, fig_h / 72.0))
            ax_w, ax_h = min(need_w, fig_w - legend_w - 60.0), min(need_h, fig_h - 70.0)
            # title room (50 pt) above the axes, the legend to its right
            ax.set_position([30.0 / fig_w, (fig_h - 50.0 - ax_h) / fig_h, ax_w / fig_w, ax_h / fig_h])
        box = ax.get_position()
        fw, fh = ax.figure.get_size_inches() * 72.0
        scale = min(1.0, box.width * fw / need_w, box.height * fh / need_h)
        font = _FONT * scale
        # a cell is one data unit square; rows run downwards
        top_y = -0.5 - head_h / cell_h
        ax.set_xlim(-0.5, cols - 0.5)
        ax.set_ylim(rows - 0.5, top_y)
        # marker near the top of its cell, its label below it
        lift = 0.5 - (5.0 + radius) / cell_h
        pos = {o: (float(c), float(r) - lift) for o, (c, r) in cells.items()}
        for k, h in enumerate(heads):
            if h:
                ax.text(k, top_y + 4.0 / cell_h, _wrap(h, wrap), ha="center", va="top",
                        fontsize=(_FONT + 1) * scale, fontweight="bold", color="#333333",
                        gid=f"stage:{h}")
        offset = (radius + 2.0) * scale
        marker_scale = scale ** 2
    else:
        if ax is None:
            side = max(9 * 72.0, legend_h + 60.0)
            fig_w = side + legend_w
            ax = (new_axes or _pyplot_axes)((fig_w / 72.0, side / 72.0))
            ax.set_position([30.0 / fig_w, 20.0 / side, (side - 40.0) / fig_w, (side - 70.0) / side])
        pos = _sector_layout(net) if isinstance(layout, str) else {o: tuple(given[o]) for o in ids}
        font, offset, marker_scale = _FONT, 8.0, 1.0
        ax.set_aspect("equal")
        ax.margins(0.12)

    from matplotlib.lines import Line2D

    # relations: line style by layer, width by volume
    rel = net.relations
    rel = rel[rel["layer"].isin(chosen) & (rel["source"] != rel["target"])]
    widths, top_volume = _volume_widths(rel["volume"]) if len(rel) else (np.zeros(0), 0.0)
    known = pd.to_numeric(rel["volume"], errors="coerce").notna().to_numpy()
    layer_handles = []
    for name in chosen:
        style = _LINESTYLES[all_layers.index(name) % len(_LINESTYLES)]
        directed = net.view(layers=name).directed
        mask = (rel["layer"] == name).to_numpy()
        for (s, t), w, k in zip(rel.loc[mask, ["source", "target"]].itertuples(index=False),
                                widths[mask], known[mask]):
            _arrow(ax, pos[s], pos[t], colour=_EDGE if k else _GREY, width=w * math.sqrt(marker_scale),
                   style=style, directed=directed, alpha=0.55 if k else 0.45,
                   shrink=offset + 1.0, gid=f"{name}:{s}->{t}")
        layer_handles.append(Line2D([], [], color=_EDGE, linestyle=style,
                                    label=f"{name} ({'directed' if directed else 'undirected'})"))

    # organisations: one marker set per sector
    sector_of = orgs["sector"].to_numpy()
    groups = list(styles) + ([""] if (sector_of == "").any() else [])
    handles = []
    for sector in groups:
        colour, marker = styles.get(sector, (_GREY, "o"))
        mask = sector_of == sector
        xy = np.array([pos[o] for o in orgs["id"][mask]], dtype=float).reshape(-1, 2)
        label = sector or _NO_SECTOR
        ax.scatter(xy[:, 0], xy[:, 1], s=areas[mask] * marker_scale, c=colour, marker=marker,
                   edgecolors="#333333", linewidths=0.6, zorder=3, label=label, gid=f"sector:{label}")
        handles.append(Line2D([], [], marker=marker, linestyle="", markerfacecolor=colour,
                              markeredgecolor="#333333", markeredgewidth=0.6, markersize=7,
                              label=label))
    for o in texts:
        x, y = pos[o]
        ax.annotate(texts[o], (x, y), xytext=(0, -offset), textcoords="offset points",
                    ha="center", va="top", fontsize=font, zorder=4, gid=f"label:{o}",
                    bbox=dict(boxstyle="square,pad=0.05", facecolor="white", edgecolor="none",
                              alpha=0.75))
    handles += layer_handles
    if top_volume > 0:
        for v in (top_volume, top_volume / 10.0):
            w = 0.6 + 6.0 * math.sqrt(v / top_volume)
            handles.append(Line2D([], [], color=_EDGE, linewidth=w * math.sqrt(marker_scale),
                                  label=f"volume {v:,.0f}"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=_FONT, borderaxespad=0.5, ncols=legend_cols)
    ax.set_title(net.name)
    ax.axis("off")
    return ax


def _pyplot_axes(figsize):
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize)[1]


def chain(net: Network, name: str, *, layers: Union[None, str, Sequence[str]] = None, ax=None):
    """Draw a chain stage by stage: a column per stage headed by its name, the stage's
    organisations stacked in it, and the relations among the chain's organisations as
    arrows whose width grows with ``volume``.

    The picture is :func:`network`'s stage layout of the chain's organisations alone, in
    the sector colours and markers of the whole network; labels are whole and do not
    overlap.

    Parameters
    ----------
    net : Network
    name : str
        A chain of the model (``net.chains``).
    layers : str or list of str, optional
        The layers whose relations are drawn. Default: the case layers (``kind="case"``), as
        every chain indicator; ``ValueError`` when the network has none. Relations without a
        volume are drawn thin and grey.
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
    >>> [t.get_text() for t in ax.texts][:2]
    ['aangifte', 'opsporing']
    >>> ax.get_title()
    "strafrechtketen — layer 'case', width ~ volume"
    """
    return _chain(net, name, layers=layers, ax=ax, new_axes=None)


def _chain(net: Network, name: str, *, layers, ax, new_axes):
    """:func:`chain`; ``new_axes`` as in :func:`_network`."""
    _check_net(net, "plot.chain")
    if name not in net.chains:
        raise KeyError(f"plot.chain: unknown chain {name!r} (chains: {', '.join(net.chains) or 'none'})")
    if layers is None:
        chosen = net.layers_of_kind("case")
        if not chosen:
            raise ValueError("plot.chain: the network has no case layer; declare one with "
                             "net.set_layer_kind(name, \"case\") or pass layers=")
    else:
        chosen = [layers] if isinstance(layers, str) else list(layers)
        for layer in chosen:
            if layer not in net.layers:
                raise KeyError(f"plot.chain: unknown layer {layer!r} (layers: {', '.join(net.layers)})")
    members = list(dict.fromkeys(o for orgs in net.chain(name).values() for o in orgs))
    ax = _network(net.induced(members), layers=chosen, layout="stages", chain=name, size=None,
                  labels=True, ax=ax, seed=0, new_axes=new_axes, styles=sector_styles(net))
    what = "layer" if len(chosen) == 1 else "layers"
    ax.set_title(f"{name} — {what} {', '.join(repr(l) for l in chosen)}, width ~ volume")
    return ax


def funnel(net: Network, name: str, *, ax=None, lang: str = "en", **score_chain_options):
    """Volumes along a chain, stage by stage: what enters each stage, what flows on, what
    goes back, what leaves the chain and what ends there (from :func:`ketennet.flow.score_chain`).

    Parameters
    ----------
    net : Network
    name : str
        A chain of the model.
    ax : matplotlib Axes, optional
    lang : {"en", "nl"}
        The language of the axis label, the legend (the stage columns of the report) and
        the title.
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
    >>> kn.plot.funnel(kn.examples.load("strafrechtketen"), "strafrechtketen", lang="nl").get_ylabel()
    'stuks per periode'
    """
    from . import flow

    lang = _language.check(lang, "plot.funnel")
    t = _language.text
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
    ax.bar(x, table["stage inflow"], color="#dde3ea", label=t("stage.stage inflow", lang), width=0.8)
    parts = [("flows on", PALETTE[0]), ("sent back", PALETTE[1]), ("leaves the chain", PALETTE[3]),
             ("ends in stage", PALETTE[2])]
    w = 0.8 / len(parts)
    for k, (col, colour) in enumerate(parts):
        if col in table:
            ax.bar(x - 0.4 + w * (k + 0.5), table[col].clip(lower=0), width=w * 0.95,
                   color=colour, label=t("stage." + col, lang))
    ax.set_xticks(x)
    ax.set_xticklabels(table.index, rotation=20, ha="right")
    ax.set_ylabel(t("figure.items_per_period", lang))
    ax.yaxis.set_major_formatter(_thousands())
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(t("figure.volumes_per_stage", lang, chain=name))
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}")


def centrality(values: pd.Series, net: Optional[Network] = None, *, top: int = 15, ax=None,
               title: Optional[str] = None):
    """Horizontal bars of a per-organisation result (a centrality, say), largest on top.

    The value axis is labelled with the Series' name. With ``net``, bars are labelled with
    organisation names and coloured (and hatched) by sector as :func:`network` draws them,
    and the legend lists the sectors of the bars shown.

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
    >>> ax.get_xlabel()
    'betweenness'
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"plot.centrality: expected a Series, not {type(values).__name__}")
    if top < 1:
        raise ValueError(f"plot.centrality: top must be at least 1, not {top}")
    vals = pd.to_numeric(values, errors="raise").sort_values(ascending=False, kind="stable").head(top)
    if net is not None:
        _check_net(net, "plot.centrality")
        known = set(net.ids)
        unknown = [o for o in vals.index if o not in known]
        if unknown:
            raise KeyError(f"plot.centrality: {', '.join(map(str, unknown[:5]))} not in {net.name!r}")
    ax = _axes(ax, (7, 0.45 * len(vals) + 1.4))
    names = _labels(net) if net is not None else {}
    styles = sector_styles(net) if net is not None else {}
    sector = dict(zip(net.organisations["id"], net.organisations["sector"])) if net is not None else {}
    hatch_of = {s: HATCHES[MARKERS.index(m)] for s, (_, m) in styles.items()}
    y = np.arange(len(vals))[::-1]
    from matplotlib.patches import Patch

    shown = {}
    for yi, (o, v) in zip(y, vals.items()):
        sec = sector.get(o, "")
        colour = styles[sec][0] if sec in styles else (_GREY if net is not None else PALETTE[0])
        ax.barh(yi, float(v), color=colour, hatch=hatch_of.get(sec, ""), edgecolor="white",
                linewidth=0.0)
        if net is not None:
            shown.setdefault(sec, Patch(facecolor=colour, hatch=hatch_of.get(sec, ""),
                                        edgecolor="white", label=sec or _NO_SECTOR))
    ax.set_yticks(y)
    ax.set_yticklabels([_wrap(str(names.get(o, o)), 32) for o in vals.index], fontsize=8)
    name = str(values.name) if values.name is not None else "value"
    ax.set_xlabel(name.replace("_", " "))
    if shown:
        ax.legend(handles=list(shown.values()), title="sector", loc="lower right", fontsize=7,
                  title_fontsize=7, frameon=True, framealpha=0.9)
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
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel("lead time (days)")
    ax.set_ylabel("cases")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if norm_days is not None:
        within = float((days <= norm_days).mean()) if len(days) else float("nan")
        ax.axvline(norm_days, color=PALETTE[3], linestyle="--",
                   label=f"norm {norm_days:g} days: {within:.0%} of cases within")
        ax.legend(frameon=False)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


@renamed_arguments(positional=("ax", "measure", "label", "title"))
def robustness(result, *, ax=None, measure: Optional[str] = None, label: Optional[str] = None,
               title: Optional[str] = None):
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
    title : str, optional
        Default: "robustness: <measure> as organisations are removed" (or "as layers fail"),
        set when the Axes has no title yet, so simulations drawn into one Axes keep the first.

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
    >>> ax.get_title()
    'robustness: largest component as organisations are removed'
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
    layered = result.strategy.startswith("layer:")
    ax.set_xlabel("layer failed" if layered else "organisations removed")
    if title is not None or not ax.get_title():
        ax.set_title(title if title is not None else
                     f"robustness: {measure.replace('_', ' ')} as "
                     + ("layers fail" if layered else "organisations are removed"))
    ax.set_ylabel(measure.replace("_", " "))
    ax.set_xlim(steps.min(), max(steps.max(), 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax
