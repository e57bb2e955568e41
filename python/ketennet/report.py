"""The scorecard: the inspectorate's indicators of a network by its four goals, as a table,
text and HTML.

A scorecard is a tidy DataFrame, one row per indicator, with the columns

``goal, indicator, scope, subject, value, text, unit, direction, layers, meaning, note, source``

* ``goal``: one of :data:`GOALS` (Inspectie JenV, Meerjarenperspectief 2021-2024): every
  scorecard has rows for all four;
* ``scope``: ``network``, ``layer``, ``chain``, ``sector`` or ``organisation``; ``subject``:
  which one (``""`` for the network itself);
* ``value``: a float (NaN when the indicator cannot be computed; ``note`` says why); yes/no
  indicators are 1.0/0.0, and ``text`` holds ``yes``/``no`` or a text result (a governance
  mode, whose ``value`` is NaN);
* ``direction``: ``higher``/``lower`` is better, or ``context`` where the literature reads
  the value against the network's task rather than as good or bad;
* ``layers``: the layers the row was computed on (chain indicators: the case layers; indicators
  called "collaboration ...": the tie layers); ``note``: why a value is missing, or its basis.

For a given set of options (``layers``, ``chains``, ``top``, an event log or none) every network
yields the same (goal, indicator, scope, subject) keys apart from the organisations ranked
(brokers, vulnerable organisations); :func:`ketennet.scorecard` of a batch reports the union of
the organisations ranked in any network, so the rows of a batch align.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import math
import textwrap
from typing import Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _indicators, flow, resilience
from ._indicators import COLUMNS, GOALS, KEY, label as _label
from ._util import check_layers, layer_list
from .network import Network

__all__ = ["GOALS", "COLUMNS", "scorecard", "to_text", "to_html"]

_GOAL_TITLE = {k: f"{nl} ({en})" for k, nl, en in GOALS}


def check_options(net: Network, layers, chains, top, fn: str = "scorecard"):
    """The scorecard options checked: (layers list or None, chains list or None, top)."""
    sel = layer_list(layers)
    if sel is not None:
        check_layers(net, sel, fn)
    wanted = [chains] if isinstance(chains, str) else (None if chains is None else list(chains))
    if wanted is not None:
        unknown = [c for c in wanted if c not in net.chains]
        if unknown:
            raise KeyError(f"{fn}: unknown chain(s) {', '.join(map(repr, unknown))} (chains: "
                           f"{', '.join(map(repr, net.chains)) or 'none'})")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"{fn}: top must be a whole number >= 0, not {top!r}")
    return sel, wanted, int(top)


def scorecard(net: Network, *, layers: Union[None, str, Sequence[str]] = None,
              chains: Union[None, str, Sequence[str]] = None, top: int = 5,
              log=None) -> pd.DataFrame:
    """The inspectorate's indicators of a network, one row each, by its four goals.

    Parameters
    ----------
    net : Network
    layers : str or list of str, optional
        Score the network restricted to these layers (default: all). Chain indicators read
        the case layers among them, collaboration indicators the tie layers.
    chains : str or list of str, optional
        Chains to score (default: every chain of the network); ``KeyError`` for a chain the
        network lacks.
    top : int
        Organisation rows per ranked indicator (brokers, vulnerable organisations).
    log : ketennet.eventlog.EventLog, optional
        An event log of the network's cases: the citizen perspective then also measures the
        journeys cases make (lead time per case, organisations and hand-offs per case,
        ping-pong). Without it those rows are NaN with a note saying what would make them
        computable.

    Returns
    -------
    DataFrame
        The columns of :data:`COLUMNS` (see the module docstring).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> card = kn.report.scorecard(net)
    >>> sorted(card["goal"].unique())
    ['citizen', 'effectiveness', 'learning', 'resilience']
    >>> card["value"].dtype
    dtype('float64')
    >>> row = card.set_index(["indicator", "scope"]).loc[("collaboration governance mode (observed)", "network")]
    >>> row["text"], row["layers"]
    ('shared', 'collaboration')
    """
    sel, wanted, top = check_options(net, layers, chains, top)
    return _indicators.compute(net, layers=sel, chains=wanted, top=top, log=log).frame()


def _fmt(value, unit: str, text: str = "") -> str:
    if text:
        return text
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    value = float(value)
    if math.isnan(value):
        return "n/a"
    if unit in ("share", "share of pairs"):
        return f"{value:.3f}"
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    if (" per " in unit or unit in ("cases", "items")) and abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def _quiet(rows: pd.DataFrame) -> pd.Series:
    """Rows the text and HTML reports leave out (the table keeps them): organisation flags
    that are 0 (not a single point of failure) and sector rows without a value (a sector of
    one organisation, say)."""
    return (((rows["unit"] == "flag") & (rows["value"] != 1.0))
            | ((rows["scope"] == "sector") & rows["value"].isna()))


def _shown_rows(card: pd.DataFrame, goal: str) -> pd.DataFrame:
    rows = card[card["goal"] == goal]
    return rows[~_quiet(rows)]


def _hidden_rows(card: pd.DataFrame, goal: str) -> str:
    """A line saying which sector rows were left out ('' when none)."""
    rows = card[card["goal"] == goal]
    gone = rows[_quiet(rows) & (rows["scope"] == "sector")]
    if gone.empty:
        return ""
    return (f"{gone['indicator'].iloc[0]} not computable for sector(s) "
            f"{', '.join(gone['subject'])}: see the table's notes")


def _label_of(net: Network, r) -> str:
    if r.scope == "network":
        return r.indicator
    if r.scope == "organisation":
        return f"{r.indicator}: {_label(net, r.subject)}"
    return f"{r.indicator} [{r.scope} {r.subject}]"


def _layers_note(r, all_layers: str) -> str:
    """"layers: ..." when a row was computed on other layers than all of them (and its
    subject does not already say so)."""
    if not r.layers or r.layers == all_layers or (r.scope == "layer" and r.subject == r.layers):
        return ""
    return f"layers: {r.layers}"


def to_text(net: Network, card: Optional[pd.DataFrame] = None) -> str:
    """The scorecard as readable text, grouped by goal (what ``ketennet report`` prints).

    Values that cannot be computed show as ``n/a`` with the reason below them; rows computed
    on other layers than all of them name their layers."""
    card = scorecard(net) if card is None else card
    all_layers = ", ".join(net.layers)
    lines = []
    title = f"ketennet report: {net.name or '(unnamed network)'}"
    lines += [title, "=" * len(title)]
    layers = ", ".join(f"{k} ({l.kind}, {'directed' if l.directed else 'undirected'})"
                       for k, l in net.layers.items())
    period = f"; period {net.period}" if net.period else ""
    lines.append(f"{len(net)} organisations, {net.number_of_relations()} relations{period}; "
                 f"layers: {layers or 'none'}")
    if net.chains:
        lines.append("chains: " + "; ".join(f"{c} ({' -> '.join(net.chain(c))})" for c in net.chains))
    for key, _, _ in GOALS:
        lines += ["", _GOAL_TITLE[key], "-" * len(_GOAL_TITLE[key])]
        rows = _shown_rows(card, key)
        entries = []
        last_note, last_layers = None, None
        for r in rows.itertuples(index=False):
            if r.unit == "flag":
                entries.append((f"    - {_label(net, r.subject)}", "", ""))
                continue
            arrow = {"higher": "(higher is better)", "lower": "(lower is better)"}.get(r.direction, "")
            entries.append((f"  {_label_of(net, r)}", _fmt(r.value, r.unit, r.text), arrow))
            layers = _layers_note(r, all_layers)
            if layers and layers != last_layers:
                entries.append((f"      {layers}", "", ""))
            last_layers = layers or last_layers
            if r.note:
                if r.note == last_note:
                    entries.append(("      (as above)", "", ""))
                else:
                    for part in textwrap.wrap(r.note, 92):
                        entries.append((f"      {part}", "", ""))
                last_note = r.note
        hidden = _hidden_rows(card, key)
        if hidden:
            for i, part in enumerate(textwrap.wrap(f"({hidden})", 94)):
                entries.append((("  " if i == 0 else "   ") + part, "", ""))
        wide = max((len(label) for label, value, _ in entries if value), default=0)
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
            cells = [stage] + [_fmt(row[c], "share" if c == "attrition" else stages.attrs["unit"])
                               for c in _STAGE_COLUMNS]
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
    unit = net.volume_unit([name.strip() for name in layers.split(",") if name.strip()])
    table.attrs["unit"] = unit
    table.attrs["basis"] = (f"{unit}, from the volumes of layer(s) {layers}; the first "
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
    all_layers = ", ".join(net.layers)
    parts = ["<!DOCTYPE html>", "<html lang=\"nl\"><head><meta charset=\"utf-8\">",
             f"<title>ketennet report: {e(net.name)}</title><style>{_CSS}</style></head><body>",
             f"<h1>ketennet report: {e(net.name or '(unnamed network)')}</h1>"]
    layers = ", ".join(f"{e(k)} ({e(l.kind)}, {'directed' if l.directed else 'undirected'})"
                       for k, l in net.layers.items())
    period = f"; period {e(net.period)}" if net.period else ""
    parts.append(f"<p class=\"meta\">{len(net)} organisations, {net.number_of_relations()} relations"
                 f"{period}; layers: {layers or 'none'}. Generated {_dt.date.today().isoformat()} "
                 "by ketennet.</p>")
    if net.chains:
        parts.append("<p class=\"meta\">Chains: " + "; ".join(
            f"<b>{e(c)}</b>: {' &rarr; '.join(e(s) for s in net.chain(c))}" for c in net.chains) + "</p>")
    for key, _, _ in GOALS:
        parts.append(f"<h2>{e(_GOAL_TITLE[key])}</h2>")
        rows = _shown_rows(card, key)
        hidden = _hidden_rows(card, key)
        parts.append("<table><thead><tr><th>Indicator</th><th>Subject</th><th>Value</th>"
                     "<th>Meaning</th><th>Source</th></tr></thead><tbody>")
        for r in rows.itertuples(index=False):
            subject = r.subject if r.scope != "organisation" else _label(net, r.subject)
            scope = "" if r.scope == "network" else f"{r.scope}: "
            value = "" if r.unit == "flag" else _fmt(r.value, r.unit, r.text)
            arrow = {"higher": "higher is better", "lower": "lower is better"}.get(r.direction, "")
            extra = [x for x in (r.note, _layers_note(r, all_layers)) if x]
            more = "".join(f"<div class=\"src\">{e(x)}</div>" for x in extra)
            parts.append(
                f"<tr><td>{e(r.indicator)}</td><td>{e(scope + str(subject))}</td>"
                f"<td class=\"v\">{e(value)}<div class=\"dir\">{e(arrow)}</div></td>"
                f"<td>{e(r.meaning)}{more}</td><td class=\"src\">{e(r.source)}</td></tr>")
        parts.append("</tbody></table>")
        if hidden:
            parts.append(f"<p class=\"none\">{e(hidden)}.</p>")
    for name in net.chains:
        stages = _stage_table(net, name)
        if stages is None:
            continue
        parts.append(f"<h2>Doorstroom per schakel (flow per stage): {e(name)}</h2>")
        parts.append("<table><thead><tr><th>Stage</th>" + "".join(
            f"<th>{e(c)}</th>" for c in _STAGE_COLUMNS) + "</tr></thead><tbody>")
        for stage, row in stages.iterrows():
            parts.append(f"<tr><td>{e(stage)}</td>" + "".join(
                f"<td class=\"v\">{e(_fmt(row[c], 'share' if c == 'attrition' else stages.attrs['unit']))}</td>"
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


def _robustness_simulations(net: Network):
    """(label, Simulation) of the scorecard's removal simulations, for the figure; [] when
    the network is too small or too large."""
    n = len(net)
    if n < 2 or n > _indicators.SIMULATION_MAX:
        return []
    out = []
    for indicator, strategy, kw, _ in _indicators.robustness_runs(n):
        label = "random removal" if strategy == "random" else f"targeted: {strategy}, recomputed"
        out.append((label, resilience.simulate(net, strategy, progress=False, **kw)))
    return out


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
