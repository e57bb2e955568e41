"""The scorecard: indicators grouped by the inspectorate's four goals, as text and HTML.

A scorecard is a tidy DataFrame, one row per indicator, with the columns

``goal, indicator, scope, subject, value, unit, direction, meaning, source``

* ``goal``: one of :data:`GOALS` (Inspectie JenV, Meerjarenperspectief 2021-2024);
* ``scope``: ``network``, ``layer``, ``chain`` or ``organisation``; ``subject``: which one;
* ``direction``: ``higher``/``lower`` is better, or ``context`` where the literature reads
  the value against the network's task rather than as good or bad.

Researchers comparing many regional networks concatenate the scorecards of each.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import math
import textwrap
from typing import List, Optional

import numpy as np
import pandas as pd

from . import centrality, cohesion, flow, resilience
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
    _resilience_rows(net, add, top)
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
    _collaboration_rows(net, add, top)
    _cohesion_rows(net, add)
    # -- every chain: how cases and information flow through it (kn.flow.score_chain)
    for name in net.chains:
        _chain_rows(net, name, add)
    return pd.DataFrame(rows, columns=COLUMNS)


def _collaboration_rows(net: Network, add, top: int) -> None:
    """Collaboration rows (goal ``effectiveness``): betweenness centralization, brokers
    between sectors (Gould-Fernandez liaisons and gatekeepers), the E-I index overall and per
    sector, sector assortativity, and the governance fit (Provan & Kenis 2008). Rows that are
    undefined for the network (sectors missing, no ties) are left out."""
    from . import brokerage, governance

    n = len(net)
    if n < 3 or net.view().m == 0:
        return
    add("effectiveness", "betweenness centralization", cohesion.centralization(net, "betweenness"),
        "share", "context", "collaboration: how far the shortest routes between organisations run "
        "through one of them (1 = a star)", f"{_SRC_FREEMAN}; sna::centralization")
    sectors = net.organisations["sector"]
    if (sectors != "").all() and sectors.nunique() >= 2:
        roles = brokerage.gould_fernandez(net)
        what = {"liaison": "between two other sectors", "gatekeeper": "from another sector into its own"}
        for role in ("liaison", "gatekeeper"):
            counts = roles.raw[role].sort_values(ascending=False, kind="stable")
            for oid, value in counts.head(top).items():
                if value <= 0:
                    break
                add("effectiveness", f"broker ({role})", int(value), "pairs", "context",
                    f"collaboration: {_label(net, oid)} links pairs {what[role]} that have no "
                    f"direct tie (z = {roles.z.loc[oid, role]:.1f} against chance)",
                    "Gould & Fernandez (1989); sna::brokerage", scope="organisation", subject=oid)
        ei = brokerage.ei_index(net)
        add("effectiveness", "E-I index (sectors)", ei, "index", "context",
            "collaboration: (external - internal) / all ties by sector; +1 all ties cross sectors, "
            "-1 all stay inside", "Krackhardt & Stern (1988)")
        sizes = sectors.value_counts()
        for sector, row in brokerage.ei_index(net, level="group").iterrows():
            if sizes[sector] >= 2 and not math.isnan(row["ei"]):  # one member: trivially +1
                add("effectiveness", f"E-I index [sector {sector}]", float(row["ei"]), "index",
                    "context", f"collaboration: ties of sector '{sector}' across vs within it",
                    "Krackhardt & Stern (1988)")
        r = brokerage.assortativity(net)
        if not math.isnan(r):
            add("effectiveness", "sector assortativity", r, "index", "context",
                "collaboration: do ties stay within sectors (1) or prefer other sectors (< 0)?",
                "Newman (2003); NetworkX attribute_assortativity_coefficient")
    d = governance.diagnose(net)
    add("effectiveness", "governance mode (observed)", d.observed_mode, "mode", "context",
        "collaboration: " + d.reasoning.splitlines()[1], "Provan & Kenis (2008), JPART 18")
    add("effectiveness", "governance mode (indicated)", d.mode or "undetermined", "mode",
        "context", "collaboration: the mode the contingencies point to; undetermined here, as "
        "trust, goal consensus and competency needs are not in the network data (give them to "
        "kn.governance.diagnose)",
        "Provan & Kenis (2008), JPART 18")
    add("effectiveness", "centrally integrated", d.centrally_integrated, "yes/no", "higher",
        "collaboration: degree centralization >= 0.5 (effective networks are centrally "
        "integrated)", _SRC_PM)


# indicator of kn.flow.score_chain -> (goal, meaning, source)
_CHAIN_ROWS = {
    "lead time (fastest)": (
        "effectiveness", "fastest route from the first stage to the last (latency, days)",
        "Dijkstra (1959); WODC Cahier 2012-1 (doorlooptijden)"),
    "lead time (expected)": (
        "effectiveness", "mean time until items routed by volume from the first stage reach "
        "the last", "Kemeny & Snell (1960), absorbing Markov chains"),
    "arrival share": (
        "effectiveness", "share of the items entering the chain that reach its last stage",
        "Kemeny & Snell (1960)"),
    "throughput": (
        "effectiveness", "most items per period that can move from the first stage to the last "
        "(maximum flow)", "Ford & Fulkerson (1956); Boykov & Kolmogorov (2004)"),
    "bottleneck organisations": (
        "effectiveness", "fewest organisations whose loss cuts every route from the first stage "
        "to the last (1: a single bottleneck; higher is more redundant)",
        "Menger (1927); Even (1975)"),
    "fidelity (most reliable path)": (
        "effectiveness", "best product of quality along a route from the first stage to the last",
        "most reliable path (Dijkstra on -log quality)"),
    "fidelity (expected)": (
        "effectiveness", "mean product of quality over the routes items routed by volume take",
        "Kemeny & Snell (1960)"),
    "hand-offs on the typical path": (
        "effectiveness", "hand-offs on the route most items follow (most probable path by volume)",
        "van der Aalst, Reijers & Song (2005): handover of work"),
    "feedback coverage": (
        "learning", "share of pairs of stages in which the later stage sends information "
        "directly back to the earlier one", "Inspectie JenV (2021): lerend vermogen"),
    "feedback reach": (
        "learning", "share of pairs of stages in which the later stage reaches the earlier one "
        "along any path", "Inspectie JenV (2021): lerend vermogen"),
    "exit reaches entry": (
        "learning", "can outcomes travel back from the last stage to the first, so that those "
        "who act first hear about them?", "Inspectie JenV (2021): lerend vermogen; Tarjan (1972)"),
}


def _chain_rows(net: Network, name: str, add) -> None:
    """Scorecard rows of one chain (scope ``chain``): flow indicators under effective chains,
    feedback under learning capacity. Values the data cannot support are NaN, with the
    reason in ``meaning``."""
    try:
        card = flow.score_chain(net, name)
    except (ValueError, KeyError) as e:
        add("effectiveness", "chain score", math.nan, "", "context",
            f"chain '{name}' cannot be scored: {e}", "", scope="chain", subject=name)
        return
    for r in card[card["stage"].isna()].itertuples(index=False):
        goal, meaning, source = _CHAIN_ROWS[r.indicator]
        value = r.value
        missing = isinstance(value, float) and math.isnan(value)
        if not missing and r.unit in ("organisations", "hand-offs"):
            value = int(value)
        if r.layers:
            meaning += f" [layers: {r.layers}]"
        if missing:
            meaning += f"; not computable: {r.note}"
        elif r.note:
            meaning += f"; {r.note}"
        add(goal, r.indicator, value, r.unit, r.direction, meaning, source,
            scope="chain", subject=name)


def _label(net: Network, oid: str) -> str:
    name = net.organisation(oid)["name"]
    return f"{name} ({oid})" if name and name != oid else oid


def _fmt(value, unit: str) -> str:
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        return "n/a"
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if unit in ("share", "share of pairs"):
            return f"{value:.3f}"
        if unit in ("items per period", "items") and abs(value) >= 1000:
            return f"{value:,.0f}"
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
        last_why = None
        for r in rows.itertuples(index=False):
            if r.unit == "flag":
                entries.append((f"    - {_label(net, r.subject)}", "", ""))
                continue
            if r.scope == "network":
                label = r.indicator
            elif r.scope == "layer":
                label = f"{r.indicator} [layer {r.subject}]"
            elif r.scope == "chain":
                label = f"{r.indicator} [chain {r.subject}]"
            else:
                label = f"{r.indicator}: {_label(net, r.subject)}"
            arrow = {"higher": "(higher is better)", "lower": "(lower is better)"}.get(r.direction, "")
            entries.append((f"  {label}", _fmt(r.value, r.unit), arrow))
            if r.scope == "chain" and "; not computable: " in r.meaning:
                why = r.meaning.split("; not computable: ", 1)[1]
                if why == last_why:
                    entries.append(("      (not computable: as above)", "", ""))
                else:
                    for part in textwrap.wrap("not computable: " + why, 92):
                        entries.append((f"      {part}", "", ""))
                last_why = why
        wide = max(len(label) for label, value, _ in entries if value) if any(v for _, v, _ in entries) else 0
        for label, value, arrow in entries:
            lines.append(f"{label:<{wide}}  {value:>10}  {arrow}".rstrip() if value else label)
    for name in net.chains:
        stages = _stage_table(net, name)
        if stages is None:
            continue
        title = f"Doorstroom per schakel (flow per stage): {name}"
        lines += ["", title, "-" * len(title)]
        header = ["stage", *(_STAGE_COLUMNS)]
        widths = [max(len(header[0]), *(len(x) for x in stages.index))] + [
            max(len(c), 12) for c in _STAGE_COLUMNS]
        lines.append("  " + "  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                                      for i, (h, w) in enumerate(zip(header, widths))))
        for stage, row in stages.iterrows():
            cells = [stage] + [_fmt(row[c], "share" if c == "attrition" else "items") for c in _STAGE_COLUMNS]
            lines.append("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                          for i, (c, w) in enumerate(zip(cells, widths))))
        lines += ["  " + part for part in textwrap.wrap(stages.attrs["basis"], 96)]
    return "\n".join(lines) + "\n"


_STAGE_COLUMNS = ["stage inflow", "flows on", "sent back", "leaves the chain", "ends in stage",
                  "attrition"]


def _stage_table(net: Network, name: str) -> Optional[pd.DataFrame]:
    """The per-stage rows of kn.flow.score_chain as a stage x indicator table (None when the
    chain cannot be scored or its volumes are not known)."""
    try:
        card = flow.score_chain(net, name)
    except (ValueError, KeyError):
        return None
    rows = card[card["stage"].notna()]
    if rows.empty:
        return None
    table = rows.pivot(index="stage", columns="indicator", values="value")
    table = table.reindex(index=list(dict.fromkeys(rows["stage"])), columns=_STAGE_COLUMNS)
    table = table.astype(float)
    layers = rows["layers"].iloc[0]
    table.attrs["basis"] = (f"items per period, from the volumes of layer(s) {layers}; the first "
                            "stage's inflow is what enters the chain there; 'ends in stage' is "
                            "inflow minus all outflow (negative when figures of different years "
                            "do not balance); attrition = 1 - flows on / inflow")
    return table


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:62rem;
color:#1d2733;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:2px solid #154273;
padding-bottom:.2rem;color:#154273} .meta{color:#5a6a7a;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.92rem} th,td{text-align:left;padding:.35rem .5rem;
border-bottom:1px solid #dde3ea;vertical-align:top} th{background:#f2f5f8}
td.v{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
figure{margin:1.2rem 0} figcaption{font-weight:600;margin-bottom:.3rem}
.dir{color:#5a6a7a;font-size:.85rem} .src{color:#5a6a7a;font-size:.8rem} .none{color:#5a6a7a;font-style:italic}
"""


def to_html(net: Network, card: Optional[pd.DataFrame] = None, *, figures: bool = True) -> str:
    """The scorecard as one self-contained HTML page (inline CSS and inline SVG figures, no
    scripts or downloads). ``figures=False`` leaves the figures out (a smaller, faster page)."""
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
    for name in net.chains:
        stages = _stage_table(net, name)
        if stages is None:
            continue
        parts.append(f"<h2>Doorstroom per schakel (flow per stage): {e(name)}</h2>")
        parts.append("<table><thead><tr><th>Stage</th>" + "".join(
            f"<th>{e(c)}</th>" for c in _STAGE_COLUMNS) + "</tr></thead><tbody>")
        for stage, row in stages.iterrows():
            parts.append(f"<tr><td>{e(stage)}</td>" + "".join(
                f"<td class=\"v\">{e(_fmt(row[c], 'share' if c == 'attrition' else 'items'))}</td>"
                for c in _STAGE_COLUMNS) + "</tr>")
        parts.append(f"</tbody></table><p class=\"src\">{e(stages.attrs['basis'])}</p>")
    if figures:
        from ._figures import report_figures

        figs = report_figures(net)
        if figs:
            parts.append("<h2>Figuren (figures)</h2>")
            for title, svg in figs:
                parts.append(f"<figure><figcaption>{e(title)}</figcaption>{svg}</figure>")
    parts.append(_robustness_html(net))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- resilience (issue 5)
_SRC_SCHNEIDER = "Schneider et al. (2011), PNAS 108(10); Newman & Ziff (2000)"
_SRC_LM2005 = "Latora & Marchiori (2005), Phys. Rev. E 71"
_VULNERABILITY_MAX = 500   # efficiency vulnerability is O(n^2 m): skipped on larger networks
_SIMULATION_MAX = 20000    # robustness simulations: skipped on larger networks


def _robustness_simulations(net: Network):
    """(label, Simulation) for random removal (50 runs, seed 0) and a targeted attack
    (betweenness recomputed up to 500 organisations, else degree recomputed), measured by the
    largest component; [] when the network is empty or too large."""
    n = len(net)
    if n < 2 or n > _SIMULATION_MAX:
        return []
    attack = "betweenness" if n <= 500 else "degree"
    return [("random removal", resilience.simulate(net, "random", runs=50, seed=0, progress=False)),
            (f"targeted: {attack}, recomputed",
             resilience.simulate(net, attack, recompute=True, progress=False))]


def _resilience_rows(net: Network, add, top: int) -> None:
    """Resilience rows (kn.resilience): bridges, the most vulnerable organisations, the
    robustness index R under random and targeted removal, and per chain the organisation
    whose failure costs the most throughput."""
    n = len(net)
    if n < 2:
        return
    add("resilience", "bridges", len(resilience.bridges(net)), "ties", "lower",
        "ties whose loss splits the network (all layers, undirected projection)", "Tarjan (1974)")
    if n <= _VULNERABILITY_MAX:
        vul = resilience.vulnerability(net, progress=False).sort_values(ascending=False, kind="stable")
        for oid, value in vul.head(top).items():
            if not value > 0:
                break
            add("resilience", "vulnerability (efficiency)", float(value), "share", "lower",
                f"{_label(net, oid)}: share of the network's global efficiency lost when it fails",
                _SRC_LM2005, scope="organisation", subject=oid)
    for label, sim in _robustness_simulations(net):
        add("resilience", f"robustness R ({label})", float(sim.robustness["largest_component"]),
            "share", "higher",
            f"mean share of organisations in the largest component while all are removed one by "
            f"one ({sim.runs} run(s)); 0.5 is the most a network can have",
            _SRC_SCHNEIDER)
    for name in net.chains:
        try:
            vul = resilience.vulnerability(net, "throughput", chain=name, progress=False)
        except (ValueError, KeyError):
            continue
        stages = list(net.chain(name).values())
        ends = set(stages[0]) | set(stages[-1])
        vul = vul[[oid not in ends for oid in vul.index]].dropna()
        if vul.empty:
            continue
        vul = vul.sort_values(ascending=False, kind="stable")
        oid, value = vul.index[0], float(vul.iloc[0])
        add("resilience", "largest throughput loss from one failure", value, "share", "lower",
            f"share of the chain's throughput (first to last stage) lost when {_label(net, oid)} "
            "fails (organisations of the first and last stage left out: without them nothing "
            "enters or leaves)", _SRC_LM2005 + "; Ford & Fulkerson (1956)", scope="chain",
            subject=name)


def _robustness_html(net: Network) -> str:
    """A robustness plot (inline SVG) for the HTML report: the largest component share while
    organisations are removed at random and by a targeted attack; '' without matplotlib or
    for networks too small or too large."""
    sims = _robustness_simulations(net)
    if not sims:
        return ""
    try:
        import io
        from matplotlib.figure import Figure  # no pyplot: the user's backend is left alone
    except ImportError:
        return ""
    from . import plot

    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    for label, sim in sims:
        plot.robustness(sim, ax=ax, label=label)
    ax.set_ylabel("share in the largest component")
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.find("<svg"):]
    return ("<h2>Robustheid (robustness under removal)</h2>" + svg +
            "<p class=\"src\">Share of organisations in the largest connected component while "
            "organisations are removed one by one, at random (mean and 10-90% band over the runs) "
            "and by a targeted attack; R is the mean over all steps. Schneider et al. (2011).</p>")


# ----------------------------------------------------------------------------- cohesion (issue 4)
def _cohesion_rows(net: Network, add) -> None:
    """Scorecard rows on collaboration (goal ``effectiveness``, issue 4): clustering,
    fragmentation, communities and whether they follow sector lines, and a few complexity
    indicators (kn.cohesion)."""
    n = len(net)
    if n < 2:
        return
    goal = "effectiveness"
    if n >= 3:
        add(goal, "transitivity", cohesion.transitivity(net), "share", "context",
            "share of connected triples that are closed: partners of partners work together "
            "directly (all layers merged)", "Wasserman & Faust (1994); NetworkX transitivity")
    comps = cohesion.components(net)
    add(goal, "weak components", len(comps), "count", "lower",
        "groups of organisations with no tie between them (1: one connected network)",
        "Wasserman & Faust (1994)")
    add(goal, "share in largest component", len(comps[0]) / n, "share", "higher",
        "share of organisations in the largest connected group", "Wasserman & Faust (1994)")
    if net.view().m > 0:
        found = cohesion.communities(net, "louvain", seed=0)
        add(goal, "communities (Louvain)", len(found), "count", "context",
            "groups tied more densely among themselves than to the rest (seed 0)",
            "Blondel et al. (2008)")
        add(goal, "modularity (Louvain)", found.modularity, "share", "context",
            "how sharply the network splits into communities (0: not at all; above 0.3: "
            "clear groups)", "Newman & Girvan (2004); Blondel et al. (2008)")
        sectors = net.organisations["sector"]
        if (sectors != "").all() and sectors.nunique() >= 2:
            agree = cohesion.partition_agreement(found, "sector", net=net)
            add(goal, "communities follow sectors (NMI)", agree.nmi, "share", "context",
                "agreement of the communities with the sectors: near 1 means collaboration "
                "stays within sector lines (silos), near 0 that it crosses them",
                "Danon et al. (2005)")
            add(goal, "communities follow sectors (ARI)", agree.ari, "share", "context",
                "adjusted Rand index of communities and sectors (0: as by chance)",
                "Hubert & Arabie (1985)")
    profile = cohesion.complexity(net).set_index("indicator")
    for indicator, direction in [("sector heterogeneity (Blau)", "context"),
                                 ("single-intermediary pairs", "lower"),
                                 ("cyclomatic number", "context"),
                                 ("average path length", "lower")]:
        row = profile.loc[indicator]
        value = row["value"]
        if isinstance(value, float) and math.isnan(value):
            continue
        if row["unit"] == "loops":
            value = int(value)
        add(goal, indicator, value, row["unit"], direction, row["meaning"],
            row["source"] or "ketennet complexity profile")
