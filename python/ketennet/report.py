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

For a given set of options (``layers``, ``chains``, ``top``, an event log or none) every network
yields the same (goal, indicator, scope, subject) keys apart from the organisations ranked
(brokers, vulnerable organisations); :func:`ketennet.scorecard` of a batch reports the union of
the organisations ranked in any network, so the rows of a batch align.
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core, _indicators, _report_html, disclosure as _disclosure
from ._indicators import COLUMNS, GOALS, KEY  # noqa: F401 (KEY is public here)
from ._util import check_layers, layer_list
from .network import Network

__all__ = ["GOALS", "COLUMNS", "scorecard", "to_text", "to_html"]


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
              log=None, min_count: Optional[int] = None) -> pd.DataFrame:
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
        too, score ``kn.disclosure.protect(net, min_count).data`` (what ``ketennet report
        --min-count`` does).

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
    _disclosure._check_min_count(min_count, "scorecard")
    card = _indicators.frame(_indicators.compute(net, layers=sel, chains=wanted, top=top,
                                                 log=log).rows(), net)
    return _disclosure._protect_scorecard(card, min_count, "scorecard")


def _protected(net: Network, card: Optional[pd.DataFrame], min_count, fn: str):
    """(network, scorecard) as the reports show them: with ``min_count``, the network
    protected by :func:`ketennet.disclosure.protect` and its scorecard's counts too."""
    min_count = _disclosure._check_min_count(min_count, fn)
    if min_count is not None:
        net = _disclosure.protect(net, min_count).data
    if card is None:
        return net, scorecard(net, min_count=min_count)
    return net, _disclosure._protect_scorecard(card, min_count, fn)


def to_text(net: Network, card: Optional[pd.DataFrame] = None, *,
            min_count: Optional[int] = None) -> str:
    """The scorecard as readable text, grouped by goal (what ``ketennet report`` prints).

    Values that cannot be computed show as ``n/a`` with the reason below them; rows computed
    on other layers than all of them name their layers. Rendered by the compiled core
    (``ketennet::report::to_text``), so C++ programs print the same text. With
    ``min_count`` the network and the scorecard are protected for publication (see
    :func:`to_html`) and the text ends with the rule applied
    (:func:`ketennet.disclosure.notice`)."""
    protect = min_count is not None
    net, card = _protected(net, card, min_count, "to_text")
    rows = card[COLUMNS].to_dict("records")
    text = _core.report.to_text(net._core, rows)
    return text + _disclosure.notice(min_count) + "\n" if protect else text


def to_html(net: Network, card: Optional[pd.DataFrame] = None, *, figures: bool = True,
            min_count: Optional[int] = None) -> str:
    """The scorecard as one self-contained HTML page (inline CSS and inline SVG figures, no
    scripts or downloads). ``figures=False`` leaves the figures out (a smaller, faster page).

    The page states under its title whether its counts are protected
    (:func:`ketennet.disclosure.notice`): without ``min_count`` it says that the output is
    unprotected; with it, the network is protected by :func:`ketennet.disclosure.protect`
    (small relation volumes unknown, free-text attributes dropped), the scorecard's counts
    of cases as in :func:`scorecard`, and the page states the rule."""
    net, card = _protected(net, card, min_count, "to_html")
    return _report_html.render(net, card, figures, _disclosure.notice(min_count))
