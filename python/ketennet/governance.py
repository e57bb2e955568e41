"""Governance fit: does the network's governance suit its structure and circumstances?

Following Provan & Kenis (2008, "Modes of network governance: structure, management, and
effectiveness", JPART 18:229-252), a network is governed in one of three modes:

* **shared** governance: the members govern together, with no central organisation;
* **lead organisation**: one member governs and coordinates the others;
* **NAO** (network administrative organisation): a separate entity set up to govern the
  network (for Dutch Zorg- en Veiligheidshuizen, the house's own coordination office).

Which mode works depends on four contingencies (their Table 1):

=====================  ==============  =========================  ====================
contingency            shared          lead organisation          NAO
=====================  ==============  =========================  ====================
trust (density)        high            low, highly centralized    moderate
participants           few             moderate                   moderate to many
goal consensus         high            moderately low             moderately high
need for competencies  low             moderate                   high
=====================  ==============  =========================  ====================

:func:`diagnose` reports the observed structure, the mode the contingencies point to, and
where they disagree, with the reasoning written out. The compiled core computes it
(``ketennet/governance/diagnosis.hpp``; the observed structure, which the scorecard also
reads, is ``ketennet/governance/structure.hpp``); the thresholds of the contingencies (the
operationalisation of "few", "high", ...) are the constants below, read from there.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import Layers, check_missing, core_default, layer_list

__all__ = ["diagnose", "GovernanceDiagnosis", "MODES"]

_G = _core.governance

MODES = tuple(_G.MODES)
"""The governance modes of Provan & Kenis (2008)."""

#: Participants: "few" up to this many (shared governance), "many" above MANY.
FEW = _G.FEW
MANY = _G.MANY
#: Trust (density of trust ties, or a share in [0, 1]): low below, high at or above.
TRUST_LOW, TRUST_HIGH = _G.TRUST_LOW, _G.TRUST_HIGH
#: Goal consensus in [0, 1]: moderately low below 0.5, high at or above 0.75.
CONSENSUS_MID, CONSENSUS_HIGH = _G.CONSENSUS_MID, _G.CONSENSUS_HIGH
#: Need for network-level competencies in [0, 1]: low below 1/3, high at or above 2/3.
NEED_LOW, NEED_HIGH = _G.NEED_LOW, _G.NEED_HIGH
#: Degree centralization at or above which a network counts as centrally integrated
#: (Provan & Milward 1995) and, with a dominant member, as led by a lead organisation.
CENTRAL = _G.CENTRAL
#: Share of the other organisations a lead organisation or NAO must be tied to.
REACH = _G.REACH
#: Contingencies that must be known (the number of participants always is) to indicate a mode.
MIN_KNOWN = _G.MIN_KNOWN

LEVELS = tuple(_G.LEVELS)
Level = Union[None, float, str]


@dataclass(frozen=True)
class GovernanceDiagnosis:
    """Result of :func:`diagnose`.

    Attributes
    ----------
    mode : str or None
        The mode the contingencies point to ("shared", "lead organisation", "NAO"), or
        ``None`` when they are split evenly.
    observed_mode : str
        The mode the structure shows.
    fits : bool or None
        Whether the observed mode is the indicated one (``None`` when ``mode`` is ``None``).
    centrally_integrated : bool
        Degree centralization at least :data:`CENTRAL` (Provan & Milward 1995).
    lead_organisation, nao : str or None
        The organisation seen as lead organisation / the NAO, if any.
    findings : DataFrame
        One row per indicator: ``aspect`` (structure or contingency), ``indicator``,
        ``value``, ``level``, ``points_to`` (modes it favours), ``agrees`` (with the observed
        mode; ``None`` when unknown) and ``note``.
    reasoning : str
        The reasoning, one sentence per line.
    """

    mode: Optional[str]
    observed_mode: str
    fits: Optional[bool]
    centrally_integrated: bool
    lead_organisation: Optional[str]
    nao: Optional[str]
    findings: pd.DataFrame
    reasoning: str
    scores: dict = field(default_factory=dict)

    def __str__(self) -> str:
        fit = "unknown" if self.fits is None else ("yes" if self.fits else "no")
        return (f"governance: observed {self.observed_mode}; indicated "
                f"{self.mode or 'undetermined'}; fits: {fit}\n{self.reasoning}")

    def __repr__(self) -> str:
        return (f"GovernanceDiagnosis(observed_mode={self.observed_mode!r}, mode={self.mode!r}, "
                f"fits={self.fits!r}, centrally_integrated={self.centrally_integrated!r})")

    def _repr_html_(self) -> str:
        fit = "unknown" if self.fits is None else ("yes" if self.fits else "no")
        lines = "".join(f"<li>{html.escape(s)}</li>" for s in self.reasoning.splitlines())
        return (f"<div><b>Governance</b>: observed <b>{html.escape(self.observed_mode)}</b>, "
                f"indicated <b>{html.escape(self.mode or 'undetermined')}</b>, fits: {fit}"
                f"{self.findings.to_html(index=False, na_rep='unknown')}<ul>{lines}</ul></div>")


def _checked(value: Level, name: str) -> Level:
    """A contingency of a type the compiled core takes: None, a str or a float (TypeError
    otherwise; the core checks the value)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number in [0, 1], a level name or None, "
                        f"not {type(value).__name__}")
    return float(value)


@renamed_arguments(positional=("trust", "goal_consensus", "competency_need"))
def diagnose(net, *, trust: Union[None, str, float] = None, goal_consensus: Level = None,
             competency_need: Level = None, layers: Layers = None,
             nao_attribute: str = core_default(_G.diagnose, "nao_attribute"),
             ) -> GovernanceDiagnosis:
    """Governance fit of a network after Provan & Kenis (2008).

    Parameters
    ----------
    net : Network
    trust : str, float or None
        The name of a layer of trust ties (its density is the trust level), a number in
        [0, 1], or one of "low", "moderate", "high". ``None``: unknown.
    goal_consensus, competency_need : float, str or None
        Goal consensus among the members and need for network-level competencies, as a
        number in [0, 1] or a level name. ``None``: unknown (reported, never guessed).
    layers : str or list of str, optional
        The layers whose structure is judged (default all; a trust layer given as ``trust`` is
        left out of the default).
    nao_attribute : str
        The organisation attribute that marks an NAO: an organisation whose attribute has the
        value "nao" (any case) is a candidate NAO.

    Returns
    -------
    GovernanceDiagnosis

    Notes
    -----
    Observed structure. Size n (organisations), density and degree centralization
    (:func:`ketennet.cohesion.density`, :func:`ketennet.cohesion.centralization`). The
    observed mode is

    * **NAO** when an organisation is marked ``<nao_attribute> = "nao"`` and is tied to at
      least half (:data:`REACH`) of the others;
    * else **lead organisation** when degree centralization is at least :data:`CENTRAL` (0.5)
      and the organisation with the most contacts is tied to at least half of the others;
    * else **shared**.

    The network is *centrally integrated* (Provan & Milward 1995; Mannak, Moors & Raab for
    veiligheidshuizen) when degree centralization is at least :data:`CENTRAL`.

    Contingencies (Provan & Kenis 2008, Table 1), each pointing to one or more modes:
    trust low (< 0.3) -> lead organisation, moderate -> NAO, high (>= 0.6) -> shared;
    participants few (<= 8) -> shared, moderate (9-20) -> lead organisation or NAO, many
    (> 20) -> NAO; goal consensus below 0.5 -> lead organisation, 0.5-0.75 -> NAO, high
    (>= 0.75) -> shared; competency need low (< 1/3) -> shared, moderate -> lead
    organisation, high (>= 2/3) -> NAO. The indicated mode is the one most known
    contingencies point to (``None`` on a tie, or when only the number of participants is
    known: at least :data:`MIN_KNOWN` contingencies are needed); unknown contingencies are
    listed as unknown, never guessed.
    The fit compares it with the observed mode, and every contingency that points elsewhere
    is reported as a disagreement.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcdefghijkl": net.add_organisation(o)
    >>> for o in "bcdefghijkl": net.add_relation("a", o, "overleg")
    >>> d = kn.governance.diagnose(net, trust=0.2, goal_consensus=0.4, competency_need=0.5)
    >>> d.observed_mode, d.mode, d.fits, d.lead_organisation
    ('lead organisation', 'lead organisation', True, 'a')
    """
    from .network import Network

    if not isinstance(net, Network):
        raise TypeError(f"expected a ketennet.Network, not {type(net).__name__}")
    given = {"goal consensus": goal_consensus,
             "need for network-level competencies": competency_need}
    check_missing(net, layers, "diagnose")
    d = _G.diagnose(net._core, _checked(trust, "trust"), _checked(goal_consensus, "goal_consensus"),
                    _checked(competency_need, "competency_need"), layer_list(layers), nao_attribute)
    rows = d["findings"]
    for row in rows:  # a contingency given as a number: the value as given (an int stays an int)
        if row["indicator"] in given and row["level"] is not None:
            row["value"] = given[row["indicator"]]
    findings = pd.DataFrame(rows, columns=["aspect", "indicator", "value", "level",
                                           "points_to", "agrees", "note"])
    return GovernanceDiagnosis(d["mode"], d["observed_mode"], d["fits"],
                               bool(d["centrally_integrated"]), d["lead_organisation"], d["nao"],
                               findings, "\n".join(d["reasoning"]), d["scores"])
