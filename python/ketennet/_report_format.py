"""Formatting of the HTML report: values as text (the compiled core's, as in the text
report), the rows shown, labels, and the per-stage table of each chain."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from . import _core, _language, flow
from ._indicators import GOALS, label as _label
from .network import Network

GOAL_TITLE = {k: f"{nl} ({en})" for k, nl, en in GOALS}


def goal_title(key: str, lang: str = "en") -> str:
    """The heading of a goal in ``lang``: its Dutch and English names, or its Dutch name."""
    dutch, english = next((nl, en) for k, nl, en in GOALS if k == key)
    return _language.text("heading.goal", lang, dutch=dutch, english=english)


def fmt(value, unit: str, text: str = "", lang: str = "en") -> str:
    """A value as the reports show it (the compiled core's ``report::format_value``; booleans
    yes/no, integers with thousands separators), in ``lang``."""
    if text:
        return _language.tr(text, lang)
    if isinstance(value, (bool, np.bool_)):
        return _language.tr("yes" if value else "no", lang)
    if isinstance(value, (int, np.integer)):
        return _core.report.format_value(float(value), "", "", lang) if lang != "en" else f"{int(value):,}"
    return _core.report.format_value(float(value), unit, "", lang)


def quiet(rows: pd.DataFrame) -> pd.Series:
    """Rows the text and HTML reports leave out (the table keeps them): organisation flags
    that are 0 (not a single point of failure) and sector rows without a value (a sector of
    one organisation, say)."""
    return (((rows["unit"] == "flag") & (rows["value"] != 1.0))
            | ((rows["scope"] == "sector") & rows["value"].isna()))


def shown_rows(card: pd.DataFrame, goal: str) -> pd.DataFrame:
    rows = card[card["goal"] == goal]
    return rows[~quiet(rows)]


def hidden_rows(card: pd.DataFrame, goal: str, lang: str = "en") -> str:
    """A line saying which sector rows were left out ('' when none)."""
    rows = card[card["goal"] == goal]
    gone = rows[quiet(rows) & (rows["scope"] == "sector")]
    if gone.empty:
        return ""
    return _language.text("row.hidden_sectors", lang,
                          indicator=_language.tr(gone["indicator"].iloc[0], lang),
                          sectors=", ".join(gone["subject"]))


def label_of(net: Network, r) -> str:
    if r.scope == "network":
        return r.indicator
    if r.scope == "organisation":
        return f"{r.indicator}: {_label(net, r.subject)}"
    return f"{r.indicator} [{r.scope} {r.subject}]"


def layers_note(r, all_layers: str, lang: str = "en") -> str:
    """"layers: ..." when a row was computed on other layers than all of them (and its
    subject does not already say so)."""
    if not r.layers or r.layers == all_layers or (r.scope == "layer" and r.subject == r.layers):
        return ""
    return _language.text("row.layers", lang, layers=r.layers)


STAGE_COLUMNS = ["stage inflow", "flows on", "sent back", "leaves the chain", "ends in stage",
                  "attrition"]


def stage_table(net: Network, name: str, lang: str = "en") -> Optional[pd.DataFrame]:
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
    table = table.reindex(index=list(dict.fromkeys(rows["stage"])), columns=STAGE_COLUMNS)
    table = table.astype(float)
    layers = rows["layers"].iloc[0]
    unit = net.volume_unit([name.strip() for name in layers.split(",") if name.strip()])
    table.attrs["unit"] = unit
    table.attrs["basis"] = _language.text("stage.basis", lang, unit=_language.tr(unit, lang),
                                          layers=layers)
    return table
