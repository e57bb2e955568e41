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
    fig = _figure(figsize)
    draw(fig.add_subplot())
    fig.tight_layout()
    return _svg_text(fig)


def _figure(figsize):
    """A matplotlib Figure on an Agg canvas (no pyplot: the user's backend is left alone)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig


def _svg_text(fig) -> str:
    """``fig`` as an inline ``<svg>`` element (see :func:`svg`)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'(<svg[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    text = re.sub(r'(<svg[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    return text.replace("<svg", '<svg role="img" style="width:100%;height:auto"', 1)


def network_svg(net: Network) -> str:
    """:func:`ketennet.plot.network` of ``net`` as inline SVG, on a figure sized by the plot
    so its labels keep their full size and do not overlap."""
    from . import plot

    ax = plot._network(net, layers=None, layout="auto", chain=None, size=None, labels=True,
                       ax=None, seed=0, new_axes=_new_axes)
    return _svg_text(ax.figure)


def _new_axes(figsize):
    """Axes on a new Agg figure of ``figsize`` (inches)."""
    return _figure(figsize).add_subplot()


def report_figures(net: Network, lang: str = "en") -> List[Tuple[str, str]]:
    """(title, inline SVG) of every figure of the report of ``net``: the network, the most
    central organisations, and for each chain its stages and its volumes per stage (when known);
    titles and labels in ``lang``."""
    from . import _language, centrality, plot

    t = _language.text

    out: List[Tuple[str, str]] = []
    if len(net) == 0:
        return out
    out.append((t("figure.network", lang),
                network_svg(net)))
    if len(net) >= 3:
        bc = centrality.betweenness(net)
        if (bc > 0).any():
            out.append((t("figure.brokers", lang),
                        svg(lambda ax: plot.centrality(bc, net, top=10, ax=ax,
                                                       title=t("figure.betweenness", lang)), figsize=(8, 4))))
    for name in net.chains:
        layers = net.layers_of_kind("case") or None  # else all layers, titled so
        if layers is None:
            layers = list(net.layers)
        out.append((t("figure.chain_stages", lang, chain=name),
                    _svg_text(plot._chain(net, name, layers=layers, ax=None,
                                          new_axes=_new_axes).figure)))
        try:
            funnel = svg(lambda ax, name=name: plot.funnel(net, name, ax=ax), figsize=(9, 4.5))
        except (ValueError, KeyError):
            continue
        out.append((t("figure.chain_volumes", lang, chain=name), funnel))
    return out


def robustness_simulations(net: Network, lang: str = "en"):
    """(label, Simulation) of the scorecard's removal simulations, for the figure; [] when
    the network is too small or too large."""
    from . import _indicators, _language, resilience

    n = len(net)
    if n < 2 or n > _indicators.SIMULATION_MAX:
        return []
    out = []
    for indicator, strategy, kw, _ in _indicators.robustness_runs(n):
        label = (_language.text("figure.random_removal", lang) if strategy == "random" else
                 _language.text("figure.targeted", lang, strategy=_language.tr(strategy, lang)))
        out.append((label, resilience.simulate(net, strategy, progress=False, **kw)))
    return out


def robustness_html(net: Network, lang: str = "en") -> str:
    """A robustness plot (inline SVG) for the HTML report: the largest component share while
    organisations are removed at random and by a targeted attack; '' without matplotlib or
    for networks too small or too large."""
    sims = robustness_simulations(net, lang)
    if not sims:
        return ""
    try:
        import io
        from matplotlib.figure import Figure  # no pyplot: the user's backend is left alone
    except ImportError:
        return ""
    from . import _language, plot

    t = _language.text
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    for label, sim in sims:
        plot.robustness(sim, ax=ax, label=label)
    ax.set_ylabel(t("figure.largest_share", lang))
    if lang != "en":
        ax.set_xlabel(t("figure.removed", lang))
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.find("<svg"):]
    return (f"<h2>{t('heading.robustness', lang)}</h2>" + svg +
            f"<p class=\"src\">{t('figure.robustness_note', lang)}</p>")
