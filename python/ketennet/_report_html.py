"""The scorecard as one self-contained HTML page: inline CSS, inline SVG figures, no scripts."""
from __future__ import annotations

import datetime as _dt
import html as _html

import pandas as pd

from . import _language
from ._figures import report_figures, robustness_html
from ._indicators import GOALS, label as _label
from ._report_format import (STAGE_COLUMNS, fmt, goal_title, hidden_rows, layers_note, shown_rows,
                             stage_table)
from .network import Network

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



def render(net: Network, card: pd.DataFrame, figures: bool, protection: str,
           lang: str = "en") -> str:
    """The page of :func:`ketennet.report.to_html`: ``card`` English (its keys), the page in
    ``lang``."""
    e = _html.escape
    t = _language.text
    tr = _language.tr
    title = t("heading.report", lang, name=net.name)
    heading = t("heading.report", lang, name=net.name or t("heading.unnamed", lang))
    all_layers = ", ".join(net.layers)
    parts = ["<!DOCTYPE html>", f"<html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(heading)}</h1>"]
    layers = ", ".join(e(t("meta.layer", lang, layer=k, kind=t("kind." + l.kind, lang),
                           directed=t("meta.directed" if l.directed else "meta.undirected", lang)))
                       for k, l in net.layers.items())
    period = e(t("meta.period", lang, period=net.period)) if net.period else ""
    sizes = t("meta.sizes", lang, organisations=len(net), relations=net.number_of_relations())
    generated = t("meta.generated", lang, date=_dt.date.today().isoformat())
    parts.append(f"<p class=\"meta\">{sizes}{period}"
                 f"{t('meta.layers', lang, layers=layers or t('meta.none', lang))}. {generated}</p>")
    parts.append(f"<p class=\"meta\"><b>{e(t('disclosure.heading', lang))}:</b> {e(protection)}</p>")
    if net.chains:
        parts.append(f"<p class=\"meta\">{t('meta.chains_html', lang)}" + "; ".join(
            f"<b>{e(c)}</b>: {' &rarr; '.join(e(s) for s in net.chain(c))}" for c in net.chains) + "</p>")
    for key, _, _ in GOALS:
        parts.append(f"<h2>{e(goal_title(key, lang))}</h2>")
        rows = shown_rows(card, key)
        hidden = hidden_rows(card, key, lang)
        parts.append("<table><thead><tr>" + "".join(
            f"<th>{e(t('column.' + c, lang))}</th>"
            for c in ("indicator", "subject", "value", "meaning", "source")) + "</tr></thead><tbody>")
        for r in rows.itertuples(index=False):
            subject = r.subject if r.scope != "organisation" else _label(net, r.subject)
            scope = "" if r.scope == "network" else f"{t('scope.' + r.scope, lang)}: "
            value = "" if r.unit == "flag" else fmt(r.value, r.unit, r.text, lang)
            arrow = {"higher": t("row.higher_html", lang), "lower": t("row.lower_html", lang)}.get(
                r.direction, "")
            extra = [x for x in (tr(r.note, lang), layers_note(r, all_layers, lang)) if x]
            more = "".join(f"<div class=\"src\">{e(x)}</div>" for x in extra)
            parts.append(
                f"<tr><td>{e(tr(r.indicator, lang))}</td><td>{e(scope + str(subject))}</td>"
                f"<td class=\"v\">{e(value)}<div class=\"dir\">{e(arrow)}</div></td>"
                f"<td>{e(tr(r.meaning, lang))}{more}</td><td class=\"src\">{e(r.source)}</td></tr>")
        parts.append("</tbody></table>")
        if hidden:
            parts.append(f"<p class=\"none\">{e(hidden)}.</p>")
    for name in net.chains:
        stages = stage_table(net, name, lang)
        if stages is None:
            continue
        parts.append(f"<h2>{e(t('heading.flow_per_stage', lang, chain=name))}</h2>")
        parts.append(f"<table><thead><tr><th>{e(t('column.stage', lang))}</th>" + "".join(
            f"<th>{e(t('stage.' + c, lang))}</th>" for c in STAGE_COLUMNS) + "</tr></thead><tbody>")
        for stage, row in stages.iterrows():
            parts.append(f"<tr><td>{e(stage)}</td>" + "".join(
                f"<td class=\"v\">{e(fmt(row[c], 'share' if c == 'attrition' else stages.attrs['unit'], '', lang))}</td>"
                for c in STAGE_COLUMNS) + "</tr>")
        parts.append(f"</tbody></table><p class=\"src\">{e(stages.attrs['basis'])}</p>")
    if figures:
        figs = report_figures(net, lang)
        if figs:
            parts.append(f"<h2>{e(t('heading.figures', lang))}</h2>")
            for title, svg in figs:
                parts.append(f"<figure><figcaption>{e(title)}</figcaption>{svg}</figure>")
    parts.append(robustness_html(net, lang))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
