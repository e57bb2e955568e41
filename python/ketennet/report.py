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
  called "collaboration ...": the tie layers); ``note``: why a value is missing, or its basis,
  and whether a layer it was computed on has missing dyads (docs/data.md, "Missing data").

**Languages.** ``lang="nl"`` gives the scorecard and the reports in Dutch (English is the
default; :data:`LANGUAGES`). One translation table, in the compiled core, covers the displayed
columns (:data:`TRANSLATED_COLUMNS`: indicator, text, unit, direction, meaning, note), the
report's headings and notes (:func:`report_text`) and the plots' labels. The keys ``goal``,
``scope``, ``subject``, ``layers`` and ``source`` stay English in every language, and the
rows come in the same order, so code that filters by goal or aligns two languages by
position works whatever language a card is shown in.

For a given set of options (``layers``, ``chains``, ``top``, an event log or none) every network
yields the same (goal, indicator, scope, subject) keys apart from the organisations ranked
(brokers, vulnerable organisations); :func:`ketennet.scorecard` of a batch reports the union of
the organisations ranked in any network, so the rows of a batch align.
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core, _indicators, _language, _report_html, disclosure as _disclosure
from ._indicators import COLUMNS, GOALS, KEY  # noqa: F401 (KEY is public here)
from ._language import LANGUAGES, TRANSLATED_COLUMNS
from ._util import check_layers, layer_list
from .network import Network

__all__ = ["GOALS", "COLUMNS", "LANGUAGES", "TRANSLATED_COLUMNS", "scorecard", "to_text",
           "to_html", "translate", "untranslated", "report_text"]


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
              log=None, min_count: Optional[int] = None, lang: str = "en") -> pd.DataFrame:
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
    min_count : int, optional
        Protect the counts of cases for publication (default: unprotected). Rows whose unit
        is a count of cases (``cases``, ``cases per year`` ...) are rounded to multiples of 5
        and those from 1 to ``min_count - 1`` suppressed (value NaN, the note says so); the
        journey rows of ``log`` (median lead time, means and share per case) are suppressed
        when fewer than ``min_count`` cases are followed, and the share of cases with
        ping-pong when it counts fewer than ``min_count`` cases. Rows about organisations,
        ties and structure count no persons and stay. To protect the network's own volumes
        too, protect the network with ``kn.disclosure.protect(net, min_count)`` (the reports
        of :func:`to_text` and :func:`to_html` with ``min_count`` show that network).
    lang : {"en", "nl"}
        The language of the displayed columns (see the module docstring); the keys stay
        English. ``ValueError`` naming the languages for another.

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

    In Dutch, the goal and scope keys stay:

    >>> nl = kn.report.scorecard(net, lang="nl")
    >>> row = nl[(nl["goal"] == "effectiveness") & (nl["scope"] == "network")].iloc[3]
    >>> row["indicator"], row["unit"], row["meaning"]
    ('dichtheid', 'aandeel', 'aandeel van de mogelijke relaties dat aanwezig is (lagen samengevoegd): integratie')
    """
    lang = _language.check(lang, "scorecard")
    sel, wanted, top = check_options(net, layers, chains, top)
    _disclosure._check_min_count(min_count, "scorecard")
    card = _indicators.frame(_indicators.compute(net, layers=sel, chains=wanted, top=top,
                                                 log=log).rows(), net)
    card = _disclosure._protect_scorecard(card, min_count, "scorecard")
    return _language.translate(card, lang) if lang != "en" else card


def _protected(net: Network, card: Optional[pd.DataFrame], min_count, fn: str):
    """(network shown, English scorecard) of the reports. The scorecard is computed on the
    network as given and, with ``min_count``, its counts of cases protected as in
    :func:`scorecard`; the network the report shows (its size, stage tables and figures) is
    then the network protected by :func:`ketennet.disclosure.protect`."""
    min_count = _disclosure._check_min_count(min_count, fn)
    if card is None:
        card = scorecard(net, min_count=min_count)
    else:
        card = _disclosure._protect_scorecard(_language.english_keys(card), min_count, fn)
    if min_count is not None:
        net = _disclosure.protect(net, min_count).data
    return net, card


def to_text(net: Network, card: Optional[pd.DataFrame] = None, *, lang: str = "en",
            min_count: Optional[int] = None) -> str:
    """The scorecard as readable text, grouped by goal (what ``ketennet report`` prints).

    Values that cannot be computed show as ``n/a`` with the reason below them; rows computed
    on other layers than all of them name their layers. Rendered by the compiled core
    (``ketennet::report::to_text``), so C++ programs print the same text. ``lang="nl"``
    writes it in Dutch (headings, labels, the rows, numbers with a decimal comma); ``card``
    may be English (the default of :func:`scorecard`) or already in ``lang``.

    With ``min_count`` the counts are protected for publication as in :func:`to_html`, and
    the text ends with the rule applied (:func:`ketennet.disclosure.notice`).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> print(kn.report.to_text(net, lang="nl").splitlines()[5])
    Veerkracht en weerbaarheid
    """
    lang = _language.check(lang, "to_text")
    protect = min_count is not None
    net, card = _protected(net, card, min_count, "to_text")
    rows = _language._records(card) if lang != "en" else card[COLUMNS].to_dict("records")
    text = _core.report.to_text(net._core, rows, lang)
    return text + _disclosure.notice(min_count, lang=lang) + "\n" if protect else text


def to_html(net: Network, card: Optional[pd.DataFrame] = None, *, figures: bool = True,
            lang: str = "en", min_count: Optional[int] = None) -> str:
    """The scorecard as one self-contained HTML page (inline CSS and inline SVG figures, no
    scripts or downloads). ``figures=False`` leaves the figures out (a smaller, faster page).
    ``lang="nl"`` writes the page in Dutch (headings, table, notes, figures); ``card`` may be
    English (the default of :func:`scorecard`) or already in ``lang``.

    The page states under its title whether its counts are protected
    (:func:`ketennet.disclosure.notice`): without ``min_count`` it says that the output is
    unprotected. With it, the scorecard is computed on ``net`` and its counts of cases
    protected as in :func:`scorecard`; the network the page describes and draws (its size,
    the flow per stage, the figures) is ``net`` protected by
    :func:`ketennet.disclosure.protect` (small relation volumes unknown, so a chain with one
    has no stage table; free-text attributes dropped); and the page states the rule.

    Examples
    --------
    >>> import ketennet as kn
    >>> page = kn.report.to_html(kn.examples.load("strafrechtketen"), figures=False, lang="nl")
    >>> "<h2>Lerend vermogen</h2>" in page, "<th>Betekenis</th>" in page
    (True, True)
    """
    lang = _language.check(lang, "to_html")
    net, card = _protected(net, card, min_count, "to_html")
    return _report_html.render(net, card, figures, _disclosure.notice(min_count, lang=lang), lang)

def translate(card: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """A scorecard (of :func:`scorecard`, :func:`ketennet.scorecard` or a panel) with its
    displayed columns (:data:`TRANSLATED_COLUMNS`) in ``lang``; keys, values and index stay.

    A text the table has no phrase for stays English: :func:`untranslated` lists them.

    Examples
    --------
    >>> import ketennet as kn
    >>> card = kn.report.scorecard(kn.examples.load("strafrechtketen"))
    >>> kn.report.translate(card, lang="nl")["indicator"].iloc[0]
    'enkelvoudige faalpunten'
    """
    return _language.translate(_language.english_keys(card), _language.check(lang, "translate"))


def untranslated(card: pd.DataFrame, *, lang: str) -> list:
    """The texts of an English scorecard's displayed columns that the translation table of
    ``lang`` has no phrase for (empty when the card is covered in full).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.report.untranslated(kn.report.scorecard(kn.examples.load("strafrechtketen")), lang="nl")
    []
    """
    return _language.untranslated(card, _language.check(lang, "untranslated"))


def report_text(key: str, *, lang: str = "en", **values) -> str:
    """A text of the reports by its key, in ``lang``: headings (``heading.report``), goal
    names (``goal.learning``), scope names (``scope.layer``), column names
    (``column.meaning``), notes; ``{name}`` placeholders filled from ``values``.
    ``KeyError`` for an unknown key; ``_core.report.report_text_keys()`` lists the keys.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.report.report_text("goal.citizen", lang="nl")
    'Burgerperspectief'
    >>> kn.report.report_text("heading.report", lang="nl", name="strafrechtketen")
    'ketennet-rapport: strafrechtketen'
    """
    return _language.text(key, _language.check(lang, "report_text"), **values)
