"""The scorecard as one self-contained HTML page: inline CSS, inline SVG figures, no scripts."""
from __future__ import annotations

import datetime as _dt
import html as _html

import pandas as pd

from ._figures import report_figures, robustness_html
from ._indicators import GOALS, label as _label
from ._report_format import (GOAL_TITLE, STAGE_COLUMNS, fmt, hidden_rows, layers_note, shown_rows,
                             stage_table)
from .disclosure import TEXT as _DISCLOSURE_TEXT
from .network import Network

DISCLOSURE_HEADING = _DISCLOSURE_TEXT["heading"]

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



def render(net: Network, card: pd.DataFrame, figures: bool, protection: str) -> str:
    """The page of :func:`ketennet.report.to_html`."""
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
    parts.append(f"<p class=\"meta\"><b>{e(DISCLOSURE_HEADING)}:</b> {e(protection)}</p>")
    if net.chains:
        parts.append("<p class=\"meta\">Chains: " + "; ".join(
            f"<b>{e(c)}</b>: {' &rarr; '.join(e(s) for s in net.chain(c))}" for c in net.chains) + "</p>")
    for key, _, _ in GOALS:
        parts.append(f"<h2>{e(GOAL_TITLE[key])}</h2>")
        rows = shown_rows(card, key)
        hidden = hidden_rows(card, key)
        parts.append("<table><thead><tr><th>Indicator</th><th>Subject</th><th>Value</th>"
                     "<th>Meaning</th><th>Source</th></tr></thead><tbody>")
        for r in rows.itertuples(index=False):
            subject = r.subject if r.scope != "organisation" else _label(net, r.subject)
            scope = "" if r.scope == "network" else f"{r.scope}: "
            value = "" if r.unit == "flag" else fmt(r.value, r.unit, r.text)
            arrow = {"higher": "higher is better", "lower": "lower is better"}.get(r.direction, "")
            extra = [x for x in (r.note, layers_note(r, all_layers)) if x]
            more = "".join(f"<div class=\"src\">{e(x)}</div>" for x in extra)
            parts.append(
                f"<tr><td>{e(r.indicator)}</td><td>{e(scope + str(subject))}</td>"
                f"<td class=\"v\">{e(value)}<div class=\"dir\">{e(arrow)}</div></td>"
                f"<td>{e(r.meaning)}{more}</td><td class=\"src\">{e(r.source)}</td></tr>")
        parts.append("</tbody></table>")
        if hidden:
            parts.append(f"<p class=\"none\">{e(hidden)}.</p>")
    for name in net.chains:
        stages = stage_table(net, name)
        if stages is None:
            continue
        parts.append(f"<h2>Doorstroom per schakel (flow per stage): {e(name)}</h2>")
        parts.append("<table><thead><tr><th>Stage</th>" + "".join(
            f"<th>{e(c)}</th>" for c in STAGE_COLUMNS) + "</tr></thead><tbody>")
        for stage, row in stages.iterrows():
            parts.append(f"<tr><td>{e(stage)}</td>" + "".join(
                f"<td class=\"v\">{e(fmt(row[c], 'share' if c == 'attrition' else stages.attrs['unit']))}</td>"
                for c in STAGE_COLUMNS) + "</tr>")
        parts.append(f"</tbody></table><p class=\"src\">{e(stages.attrs['basis'])}</p>")
    if figures:
        figs = report_figures(net)
        if figs:
            parts.append("<h2>Figuren (figures)</h2>")
            for title, svg in figs:
                parts.append(f"<figure><figcaption>{e(title)}</figcaption>{svg}</figure>")
    parts.append(robustness_html(net))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
