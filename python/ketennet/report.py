"""The scorecard: indicators grouped by the inspectorate's four goals, as text and HTML.

A scorecard is a tidy DataFrame, one row per indicator, with the columns

``goal, indicator, scope, subject, value, unit, direction, meaning, source``

* ``goal``: one of :data:`GOALS` (Inspectie JenV, Meerjarenperspectief 2021-2024);
* ``scope``: ``network``, ``layer`` or ``organisation``; ``subject``: which one;
* ``direction``: ``higher``/``lower`` is better, or ``context`` where the literature reads
  the value against the network's task rather than as good or bad.

Researchers comparing many regional networks concatenate the scorecards of each.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
from typing import List, Optional

import numpy as np
import pandas as pd

from . import centrality, cohesion, resilience
from .network import Network

__all__ = ["GOALS", "scorecard", "to_text", "to_html"]

#: The four goals, in the order the inspectorate lists them: (key, Dutch, English).
GOALS = [
    ("resilience", "Veerkracht en weerbaarheid", "Resilience"),
    ("learning", "Lerend vermogen", "Learning capacity"),
    ("effectiveness", "Effectieve ketens en netwerken", "Effective chains and networks"),
    ("citizen", "Burgerperspectief", "Citizen perspective"),
]
_GOAL_TITLE = {k: f"{nl} ({en})" for k, nl, en in GOALS}

COLUMNS = ["goal", "indicator", "scope", "subject", "value", "unit", "direction", "meaning", "source"]

_SRC_PM = "Provan & Milward (1995), ASQ 40(1)"
_SRC_FREEMAN = "Freeman (1979), Social Networks 1(3)"
_SRC_BRANDES = "Freeman (1977); Brandes (2001)"


def scorecard(net: Network, *, top: int = 5) -> pd.DataFrame:
    """Indicators of a network, one row each, grouped by goal (see the module docstring).

    Computed on the view of all layers unless the row's scope names a layer. Indicators
    that are undefined for the network (reciprocity without directed ties, say) are left
    out rather than filled in.

    Examples
    --------
    >>> import ketennet as kn
    >>> card = kn.report.scorecard(kn.examples.load("strafrechtketen"))
    >>> sorted(card["goal"].unique())
    ['effectiveness', 'learning', 'resilience']
    """
    rows: List[dict] = []

    def add(goal, indicator, value, unit, direction, meaning, source, scope="network", subject=None):
        rows.append(dict(goal=goal, indicator=indicator, scope=scope,
                         subject=net.name if subject is None else subject, value=value, unit=unit,
                         direction=direction, meaning=meaning, source=source))

    n = len(net)
    layers = net.layers
    # -- resilience
    cut = resilience.articulation_points(net) if n else []
    add("resilience", "single points of failure", len(cut), "organisations", "lower",
        "organisations whose loss disconnects others (articulation points, all layers)",
        "Hopcroft & Tarjan (1973)")
    for oid in cut:
        add("resilience", "single point of failure", 1, "flag", "lower",
            f"{_label(net, oid)} disconnects the network when it fails", "Hopcroft & Tarjan (1973)",
            scope="organisation", subject=oid)
    # -- learning capacity
    directed_layers = [name for name, d in layers.items() if d]
    if directed_layers and net.view(directed_layers).m > 0:
        add("learning", "reciprocity", cohesion.reciprocity(net, layers=directed_layers), "share",
            "higher", "share of directed ties that are returned: information flows back",
            "Wasserman & Faust (1994); NetworkX overall_reciprocity")
        for name in directed_layers:
            if net.view(name).m > 0:
                add("learning", "reciprocity", cohesion.reciprocity(net, layers=name), "share",
                    "higher", f"share of ties in layer '{name}' that are returned",
                    "Wasserman & Faust (1994)", scope="layer", subject=name)
    # -- effective chains and networks
    add("effectiveness", "organisations", n, "count", "context", "size of the network", "")
    add("effectiveness", "relations", net.number_of_relations(), "count", "context",
        "relations over all layers", "")
    sectors = net.organisations["sector"] if n else pd.Series(dtype=object)
    add("effectiveness", "sectors", int(sectors[sectors != ""].nunique()), "count", "context",
        "distinct sectors taking part", "")
    if n >= 2:
        add("effectiveness", "density", cohesion.density(net), "share", "context",
            "share of possible ties present (all layers merged): integration", _SRC_PM)
        for name in layers:
            add("effectiveness", "density", cohesion.density(net, layers=name), "share", "context",
                f"share of possible ties present in layer '{name}'", _SRC_PM,
                scope="layer", subject=name)
    if n >= 3:
        add("effectiveness", "degree centralization", cohesion.centralization(net), "share",
            "context", "how far integration runs through one organisation (1 = a star)",
            f"{_SRC_FREEMAN}; {_SRC_PM}")
        bc = centrality.betweenness(net).sort_values(ascending=False, kind="stable")
        for oid, value in bc.head(top).items():
            if value <= 0:
                break
            add("effectiveness", "broker (betweenness)", float(value), "share of pairs",
                "context", f"{_label(net, oid)}: share of shortest paths between others through it",
                _SRC_BRANDES, scope="organisation", subject=oid)
    return pd.DataFrame(rows, columns=COLUMNS)


def _label(net: Network, oid: str) -> str:
    name = net.organisation(oid)["name"]
    return f"{name} ({oid})" if name and name != oid else oid


def _fmt(value, unit: str) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, float):
        if unit in ("share", "share of pairs"):
            return f"{value:.3f}"
        return f"{value:,.4g}"
    return str(value)


def _goal_rows(card: pd.DataFrame, goal: str) -> pd.DataFrame:
    return card[card["goal"] == goal]


_NOT_YET = {
    "citizen": "case journeys (lead time per case, hand-offs, ping-pong) need an event log",
}


def to_text(net: Network, card: Optional[pd.DataFrame] = None) -> str:
    """The scorecard as readable text, grouped by goal (what ``ketennet report`` prints)."""
    card = scorecard(net) if card is None else card
    lines = []
    title = f"ketennet report: {net.name or '(unnamed network)'}"
    lines += [title, "=" * len(title)]
    layers = ", ".join(f"{k} ({'directed' if d else 'undirected'})" for k, d in net.layers.items())
    lines.append(f"{len(net)} organisations, {net.number_of_relations()} relations; layers: {layers or 'none'}")
    if net.chains:
        lines.append("chains: " + "; ".join(f"{c} ({' -> '.join(net.chain(c))})" for c in net.chains))
    for key, _, _ in GOALS:
        lines += ["", _GOAL_TITLE[key], "-" * len(_GOAL_TITLE[key])]
        rows = _goal_rows(card, key)
        if rows.empty:
            lines.append(f"  no indicators for this network"
                         + (f" ({_NOT_YET[key]})" if key in _NOT_YET else ""))
            continue
        entries = []
        for r in rows.itertuples(index=False):
            if r.unit == "flag":
                entries.append((f"    - {_label(net, r.subject)}", "", ""))
                continue
            if r.scope == "network":
                label = r.indicator
            elif r.scope == "layer":
                label = f"{r.indicator} [layer {r.subject}]"
            else:
                label = f"{r.indicator}: {_label(net, r.subject)}"
            arrow = {"higher": "(higher is better)", "lower": "(lower is better)"}.get(r.direction, "")
            entries.append((f"  {label}", _fmt(r.value, r.unit), arrow))
        wide = max(len(label) for label, value, _ in entries if value) if any(v for _, v, _ in entries) else 0
        for label, value, arrow in entries:
            lines.append(f"{label:<{wide}}  {value:>10}  {arrow}".rstrip() if value else label)
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:62rem;
color:#1d2733;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:2px solid #154273;
padding-bottom:.2rem;color:#154273} .meta{color:#5a6a7a;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.92rem} th,td{text-align:left;padding:.35rem .5rem;
border-bottom:1px solid #dde3ea;vertical-align:top} th{background:#f2f5f8}
td.v{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.dir{color:#5a6a7a;font-size:.85rem} .src{color:#5a6a7a;font-size:.8rem} .none{color:#5a6a7a;font-style:italic}
"""


def to_html(net: Network, card: Optional[pd.DataFrame] = None) -> str:
    """The scorecard as one self-contained HTML page (inline CSS, no scripts or downloads)."""
    card = scorecard(net) if card is None else card
    e = _html.escape
    parts = ["<!DOCTYPE html>", "<html lang=\"nl\"><head><meta charset=\"utf-8\">",
             f"<title>ketennet report: {e(net.name)}</title><style>{_CSS}</style></head><body>",
             f"<h1>ketennet report: {e(net.name or '(unnamed network)')}</h1>"]
    layers = ", ".join(f"{e(k)} ({'directed' if d else 'undirected'})" for k, d in net.layers.items())
    parts.append(f"<p class=\"meta\">{len(net)} organisations, {net.number_of_relations()} relations; "
                 f"layers: {layers or 'none'}. Generated {_dt.date.today().isoformat()} by ketennet.</p>")
    if net.chains:
        parts.append("<p class=\"meta\">Chains: " + "; ".join(
            f"<b>{e(c)}</b>: {' &rarr; '.join(e(s) for s in net.chain(c))}" for c in net.chains) + "</p>")
    for key, _, _ in GOALS:
        parts.append(f"<h2>{e(_GOAL_TITLE[key])}</h2>")
        rows = _goal_rows(card, key)
        if rows.empty:
            parts.append("<p class=\"none\">No indicators for this network"
                         + (f": {e(_NOT_YET[key])}" if key in _NOT_YET else "") + ".</p>")
            continue
        parts.append("<table><thead><tr><th>Indicator</th><th>Subject</th><th>Value</th>"
                     "<th>Meaning</th><th>Source</th></tr></thead><tbody>")
        for r in rows.itertuples(index=False):
            subject = r.subject if r.scope != "organisation" else _label(net, r.subject)
            scope = "" if r.scope == "network" else f"{r.scope}: "
            value = "" if r.unit == "flag" else _fmt(r.value, r.unit)
            arrow = {"higher": "higher is better", "lower": "lower is better"}.get(r.direction, "")
            parts.append(
                f"<tr><td>{e(r.indicator)}</td><td>{e(scope + str(subject))}</td>"
                f"<td class=\"v\">{e(value)}<div class=\"dir\">{e(arrow)}</div></td>"
                f"<td>{e(r.meaning)}</td><td class=\"src\">{e(r.source)}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
