"""Figures of the HTML report, rendered as inline SVG so the page stands alone."""
from __future__ import annotations

import io
import re
from typing import Callable, List, Tuple

from .network import Network


def svg(draw: Callable, figsize=(8, 5)) -> str:
    """Run ``draw(ax)`` on a new figure (Agg canvas, no window) and return the figure as an
    inline ``<svg>`` element (XML prolog and DOCTYPE removed, fixed size replaced by the
    viewBox so it scales with the page)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    draw(ax)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'(<svg[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    text = re.sub(r'(<svg[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    return text.replace("<svg", '<svg role="img" style="width:100%;height:auto"', 1)


def report_figures(net: Network) -> List[Tuple[str, str]]:
    """(title, inline SVG) of every figure of the report of ``net``: the network, the most
    central organisations, and for each chain its stages and its volumes per stage (when known)."""
    from . import centrality, plot

    out: List[Tuple[str, str]] = []
    if len(net) == 0:
        return out
    out.append(("The network (colour: sector; line style: layer)",
                svg(lambda ax: plot.network(net, ax=ax), figsize=(9, 7))))
    if len(net) >= 3:
        bc = centrality.betweenness(net)
        if (bc > 0).any():
            out.append(("Brokers: betweenness (all layers)",
                        svg(lambda ax: plot.centrality(bc, net, top=10, ax=ax,
                                                       title="betweenness"), figsize=(8, 4))))
    for name in net.chains:
        layer = "case" if "case" in net.layers else None
        out.append((f"Chain {name}: stages and relations",
                    svg(lambda ax, name=name: plot.chain(net, name, layer=layer, ax=ax),
                        figsize=(10, 5))))
        try:
            funnel = svg(lambda ax, name=name: plot.funnel(net, name, ax=ax), figsize=(9, 4.5))
        except (ValueError, KeyError):
            continue
        out.append((f"Chain {name}: volumes per stage", funnel))
    return out
