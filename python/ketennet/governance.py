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
where they disagree, with the reasoning written out. The observed structure (density, degree
centralization, the NAO or lead organisation, central integration) is the compiled core's
(``ketennet/governance/structure.hpp``, which the scorecard also reads); this module holds the
rules of the contingencies, whose thresholds (the operationalisation of "few", "high", ...)
are the constants below.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import List, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import Layers, view_of

__all__ = ["diagnose", "GovernanceDiagnosis", "MODES"]

MODES = ("shared", "lead organisation", "NAO")
"""The governance modes of Provan & Kenis (2008)."""

#: Participants: "few" up to this many (shared governance), "many" above MANY.
FEW = 8
MANY = 20
#: Trust (density of trust ties, or a share in [0, 1]): low below, high at or above.
TRUST_LOW, TRUST_HIGH = 0.3, 0.6
#: Goal consensus in [0, 1]: moderately low below 0.5, high at or above 0.75.
CONSENSUS_MID, CONSENSUS_HIGH = 0.5, 0.75
#: Need for network-level competencies in [0, 1]: low below 1/3, high at or above 2/3.
NEED_LOW, NEED_HIGH = 1 / 3, 2 / 3
#: Degree centralization at or above which a network counts as centrally integrated
#: (Provan & Milward 1995) and, with a dominant member, as led by a lead organisation.
CENTRAL = _core.governance.CENTRAL
#: Share of the other organisations a lead organisation or NAO must be tied to.
REACH = _core.governance.REACH
#: Contingencies that must be known (the number of participants always is) to indicate a mode.
MIN_KNOWN = 2

LEVELS = ("low", "moderate", "high")
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


def _level(value: Level, name: str, low: float, high: float) -> Optional[str]:
    """A number in [0, 1] or a level name -> "low" / "moderate" / "high" (None if unknown)."""
    if value is None:
        return None
    if isinstance(value, str):
        if value not in LEVELS:
            raise ValueError(f"{name} must be a number in [0, 1] or one of {', '.join(LEVELS)}, "
                             f"not {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number in [0, 1], a level name or None, "
                        f"not {type(value).__name__}")
    x = float(value)
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"{name} must lie in [0, 1], not {x}")
    return "low" if x < low else ("high" if x >= high else "moderate")


@renamed_arguments(positional=("trust", "goal_consensus", "competency_need"))
def diagnose(net, *, trust: Union[None, str, float] = None, goal_consensus: Level = None,
             competency_need: Level = None, layers: Layers = None,
             nao_attribute: str = "role") -> GovernanceDiagnosis:
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
    n = len(net)
    if n < 2:
        raise ValueError(f"diagnose: governance needs a network of at least two organisations, "
                         f"this one has {n}")
    # --- trust: a layer (its density), a number or a level
    trust_value: Optional[float] = None
    trust_note = "not given"
    if isinstance(trust, str) and trust not in LEVELS:
        if not net.has_layer(trust):
            raise KeyError(f"trust: no layer {trust!r}; give a layer name, a number in [0, 1] "
                           f"or one of {', '.join(LEVELS)}")
        trust_value = _core.cohesion.density(view_of(net, trust))
        trust_note = f"density of layer {trust!r}"
        if layers is None:
            others = [name for name in net.layers if name != trust]
            layers = others or None
        trust_level = _level(trust_value, "trust", TRUST_LOW, TRUST_HIGH)
    else:
        trust_level = _level(trust, "trust", TRUST_LOW, TRUST_HIGH)
        if trust is not None:
            trust_value = None if isinstance(trust, str) else float(trust)
            trust_note = "given"
    consensus_level = _level(goal_consensus, "goal_consensus", CONSENSUS_MID, CONSENSUS_HIGH)
    need_level = _level(competency_need, "competency_need", NEED_LOW, NEED_HIGH)

    # --- observed structure (compiled core: ketennet/governance/structure.hpp)
    seen = _core.governance.observe(net._core, view_of(net, layers), nao_attribute)
    dens, central = seen["density"], seen["centralization"]
    lead, nao, nao_note = seen["lead_organisation"], seen["nao"], seen["nao_note"]
    observed = seen["mode"]
    integrated = seen["centrally_integrated"]

    # --- contingencies
    size_level = "few" if n <= FEW else ("many" if n > MANY else "moderate")
    points = {
        "trust": {"low": ["lead organisation"], "moderate": ["NAO"], "high": ["shared"]},
        "participants": {"few": ["shared"], "moderate": ["lead organisation", "NAO"],
                         "many": ["NAO"]},
        "goal consensus": {"low": ["lead organisation"], "moderate": ["NAO"],
                           "high": ["shared"]},
        "need for network-level competencies": {"low": ["shared"],
                                                "moderate": ["lead organisation"],
                                                "high": ["NAO"]},
    }
    contingencies = [
        ("trust", trust_value if trust_value is not None else trust, trust_level, trust_note),
        ("participants", n, size_level, f"{n} organisations (few <= {FEW}, many > {MANY})"),
        ("goal consensus", goal_consensus, consensus_level,
         "given" if goal_consensus is not None else "not given"),
        ("need for network-level competencies", competency_need, need_level,
         "given" if competency_need is not None else "not given"),
    ]
    scores = {m: 0 for m in MODES}
    rows: List[dict] = [
        dict(aspect="structure", indicator="organisations", value=n, level=size_level,
             points_to="", agrees=None, note="size of the network"),
        dict(aspect="structure", indicator="density", value=dens, level=None, points_to="",
             agrees=None, note="share of possible ties present"),
        dict(aspect="structure", indicator="degree centralization", value=central, level=None,
             points_to="", agrees=None,
             note=("centrally integrated" if integrated else "not centrally integrated")
             + f" (threshold {CENTRAL})"),
        dict(aspect="structure", indicator="lead organisation", value=lead, level=None,
             points_to="lead organisation" if lead else "", agrees=None,
             note=seen["lead_note"]),
        dict(aspect="structure", indicator="NAO", value=nao, level=None,
             points_to="NAO" if nao else "", agrees=None, note=nao_note),
    ]
    reasoning = list(seen["reasoning"])
    for name, value, level, note in contingencies:
        if level is None:
            rows.append(dict(aspect="contingency", indicator=name, value=None, level=None,
                             points_to="", agrees=None, note="unknown: not given"))
            reasoning.append(f"{name.capitalize()}: unknown (not given), not used.")
            continue
        modes = points[name][level]
        for m in modes:
            scores[m] += 1
        agrees = observed in modes
        rows.append(dict(aspect="contingency", indicator=name, value=value, level=level,
                         points_to=" or ".join(modes), agrees=agrees, note=note))
        reasoning.append(f"{name.capitalize()} is {level} -> {' or '.join(modes)}"
                         + ("" if agrees else f"; disagrees with the observed {observed}")
                         + ".")
    best = max(scores.values())
    top_modes = [m for m in MODES if scores[m] == best]
    mode = top_modes[0] if len(top_modes) == 1 else None
    known = sum(level is not None for _, _, level, _ in contingencies)
    if known < MIN_KNOWN:
        mode, fits = None, None
        reasoning.append(f"Only {known} of the four contingencies is known (the number of "
                         "participants): too little to indicate a mode. Give trust, goal "
                         "consensus and the need for network-level competencies to judge the fit.")
    elif mode is None:
        reasoning.append("The contingencies are split between " + " and ".join(top_modes)
                         + f" ({best} each): no single mode is indicated.")
        fits = None
    else:
        fits = mode == observed
        reasoning.append(f"Indicated mode: {mode} ({best} of the known contingencies). "
                         + ("The observed governance fits." if fits else
                            f"The observed {observed} does not fit: Provan & Kenis expect "
                            f"{mode} to be more effective here."))
    findings = pd.DataFrame(rows, columns=["aspect", "indicator", "value", "level",
                                           "points_to", "agrees", "note"])
    return GovernanceDiagnosis(mode, observed, fits, bool(integrated), lead, nao, findings,
                               "\n".join(reasoning), scores)
