"""The scorecard as readable text, grouped by goal (``ketennet report``)."""
from __future__ import annotations

import textwrap

import pandas as pd

from ._indicators import GOALS, label as _label
from ._report_format import (GOAL_TITLE, STAGE_COLUMNS, fmt, hidden_rows, label_of, layers_note,
                             shown_rows, stage_table)
from .network import Network


def render(net: Network, card: pd.DataFrame) -> str:
    """The text of :func:`ketennet.report.to_text`."""
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
        lines += ["", GOAL_TITLE[key], "-" * len(GOAL_TITLE[key])]
        rows = shown_rows(card, key)
        entries = []
        last_note, last_layers = None, None
        for r in rows.itertuples(index=False):
            if r.unit == "flag":
                entries.append((f"    - {_label(net, r.subject)}", "", ""))
                continue
            arrow = {"higher": "(higher is better)", "lower": "(lower is better)"}.get(r.direction, "")
            entries.append((f"  {label_of(net, r)}", fmt(r.value, r.unit, r.text), arrow))
            layers = layers_note(r, all_layers)
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
        hidden = hidden_rows(card, key)
        if hidden:
            for i, part in enumerate(textwrap.wrap(f"({hidden})", 94)):
                entries.append((("  " if i == 0 else "   ") + part, "", ""))
        wide = max((len(label) for label, value, _ in entries if value), default=0)
        for label, value, arrow in entries:
            lines.append(f"{label:<{wide}}  {value:>10}  {arrow}".rstrip() if value else label)
    for name in net.chains:
        stages = stage_table(net, name)
        if stages is None:
            continue
        title = f"Doorstroom per schakel (flow per stage): {name}"
        lines += ["", title, "-" * len(title)]
        header = ["stage", *(STAGE_COLUMNS)]
        widths = [max(len(header[0]), *(len(x) for x in stages.index))] + [
            max(len(c), 12) for c in STAGE_COLUMNS]
        lines.append("  " + "  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                                      for i, (h, w) in enumerate(zip(header, widths))))
        for stage, row in stages.iterrows():
            cells = [stage] + [fmt(row[c], "share" if c == "attrition" else stages.attrs["unit"])
                               for c in STAGE_COLUMNS]
            lines.append("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                          for i, (c, w) in enumerate(zip(cells, widths))))
        lines += ["  " + part for part in textwrap.wrap(stages.attrs["basis"], 96)]
    return "\n".join(lines) + "\n"
