"""The languages of the scorecard, the reports and the plots that show scorecard labels: one
translation table, in the compiled core (``ketennet/report/language.hpp``), read here.

The scorecard is computed in English. Its keys (``goal``, ``scope``, ``subject``, ``layers``,
``source``) stay English in every language, so code can filter and align rows whatever
language they are shown in; the displayed columns (:data:`TRANSLATED_COLUMNS`: indicator,
text, unit, direction, meaning, note) are translated. The report's own words (headings,
column names, notes, goal names) come from :func:`text` by key.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List

import pandas as pd

from . import _core

_report = _core.report

#: The languages of the reports: English (the default) and Dutch.
LANGUAGES = tuple(_report.LANGUAGES)
#: The scorecard columns shown in the chosen language; the others are keys and stay English.
TRANSLATED_COLUMNS = list(_report.TRANSLATED_COLUMNS)


def check(lang, fn: str) -> str:
    """``lang`` as a language code ("en", "nl"); ``ValueError`` naming ``fn`` and the
    languages otherwise."""
    if not isinstance(lang, str) or lang.lower() not in LANGUAGES:
        raise ValueError(f"{fn}: unknown language lang={lang!r} (languages: "
                         f"{', '.join(map(repr, LANGUAGES))})")
    return lang.lower()


def text(key: str, lang: str = "en", **values) -> str:
    """The report's text ``key`` in ``lang``, its ``{name}`` placeholders filled from
    ``values`` (``KeyError`` for an unknown key)."""
    try:
        out = _report.report_text(key, lang)
    except ValueError as e:  # the core's UnknownId
        raise KeyError(str(e)) from None
    for name, value in values.items():
        out = out.replace("{" + name + "}", str(value))
    return out


def tr(english: str, lang: str) -> str:
    """A scorecard text (an indicator, unit, note, ...) in ``lang``; itself when the table has
    no phrase for it (see :func:`untranslated`)."""
    if lang == "en" or not english:
        return english
    out = _report.translate(english, lang)
    return english if out is None else out


def _records(card: pd.DataFrame) -> List[dict]:
    cols = list(_report.COLUMNS)
    rows = []
    for r in card.reindex(columns=cols).to_dict("records"):
        rows.append({c: (float(r[c]) if c == "value" else ("" if pd.isna(r[c]) else str(r[c])))
                     for c in cols})
    return rows


def translate(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of a scorecard (any frame with its columns) with :data:`TRANSLATED_COLUMNS` in
    ``lang``; every other column, the index and the values unchanged."""
    out = card.copy()
    if lang != "en":
        cols = [c for c in TRANSLATED_COLUMNS if c in out.columns]
        for col in cols:
            words = {v: tr(v, lang) for v in pd.unique(out[col].dropna())}
            out[col] = out[col].map(lambda v, w=words: w.get(v, v))
    out.attrs["lang"] = lang
    return out


def untranslated(card: pd.DataFrame, lang: str) -> List[str]:
    """The texts of a scorecard's :data:`TRANSLATED_COLUMNS` that the table of ``lang`` has no
    phrase for (empty for English)."""
    seen: Dict[str, None] = {}
    for col in (c for c in TRANSLATED_COLUMNS if c in card.columns):
        for v in pd.unique(card[col].dropna()):
            if v and v not in seen and _report.translate(str(v), lang) is None:
                seen[v] = None
    return list(seen)


@lru_cache(maxsize=None)
def _back(lang: str):
    """(regex, English template, translated placeholders) of every phrase of ``lang``, to read
    a translated unit or direction back."""
    out = []
    for english, translation, exact in _report.phrases(lang):
        if exact:  # a report text: translates only its own text
            continue
        names = re.findall(r"\{(\w+)(?::t)?\}", english)
        marked = set(re.findall(r"\{(\w+):t\}", english))
        pattern = "".join(f"(?P<{m.group(1)}>.+?)" if m.group(1) else re.escape(m.group(0))
                          for m in re.finditer(r"\{(\w+)\}|[^{]+|\{", translation))
        if set(re.findall(r"\{(\w+)\}", translation)) != set(names):
            continue
        out.append((re.compile(pattern + r"\Z"), english, marked))
    return out


def back(translated: str, lang: str) -> str:
    """The English of a translated unit, direction or yes/no text (itself when no phrase
    gives it)."""
    if lang == "en" or not translated:
        return translated
    for english, translation, _ in _report.phrases(lang):  # a whole phrase first
        if translation == translated and "{" not in english:
            return english
    for regex, english, marked in _back(lang):
        m = regex.match(translated)
        if not m:
            continue
        values = {k: (back(v, lang) if k in marked else v) for k, v in m.groupdict().items()}
        return re.sub(r"\{(\w+)(?::t)?\}", lambda g: values[g.group(1)], english)
    return translated


def english_keys(card: pd.DataFrame) -> pd.DataFrame:
    """A scorecard whose ``unit``, ``direction`` and ``text`` are English, as the reports read
    them: the card itself when it is English, else those columns read back from its language
    (the other displayed columns stay as they are and are shown as given)."""
    lang = card.attrs.get("lang", "en")
    if lang == "en" and set(card.get("direction", pd.Series(dtype=object)).dropna()) <= {
            "higher", "lower", "context", ""}:
        return card
    if lang == "en":  # attrs lost on the way: guess from the directions
        lang = next((l for l in LANGUAGES if l != "en" and set(card["direction"].dropna()) <= {
            tr(d, l) for d in ("higher", "lower", "context", "")}), "en")
    out = card.copy()
    for col in ("unit", "direction", "text"):
        if col in out.columns:
            words = {v: back(v, lang) for v in pd.unique(out[col].dropna())}
            out[col] = out[col].map(lambda v, w=words: w.get(v, v))
    out.attrs["lang"] = "en"
    return out
