"""The scorecard's indicators: one network's rows by goal, computed once.

Every network yields the same (goal, indicator, scope, subject) keys for a given set of
options: an indicator that cannot be computed is a row with ``value`` NaN and a ``note`` saying
why. Organisation rows of ranked indicators (brokers, vulnerable organisations) are kept as
whole per-organisation Series, so a batch can report the union of the organisations ranked in
any of its networks (:func:`ketennet.scorecard`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .network import Network

#: The four goals, in the order the inspectorate lists them: (key, Dutch, English).
GOALS = [
    ("resilience", "Veerkracht en weerbaarheid", "Resilience"),
    ("learning", "Lerend vermogen", "Learning capacity"),
    ("effectiveness", "Effectieve ketens en netwerken", "Effective chains and networks"),
    ("citizen", "Burgerperspectief", "Citizen perspective"),
]

#: Columns of a scorecard, in order.
COLUMNS = ["goal", "indicator", "scope", "subject", "value", "text", "unit", "direction",
           "layers", "meaning", "note", "source"]

#: Columns that identify a row within one network's scorecard.
KEY = ["goal", "indicator", "scope", "subject"]

_SRC_PM = "Provan & Milward (1995), ASQ 40(1)"
_SRC_FREEMAN = "Freeman (1979), Social Networks 1(3)"
_SRC_BRANDES = "Freeman (1977); Brandes (2001)"
_SRC_SCHNEIDER = "Schneider et al. (2011), PNAS 108(10); Newman & Ziff (2000)"
_SRC_LM2005 = "Latora & Marchiori (2005), Phys. Rev. E 71"
_SRC_GF = "Gould & Fernandez (1989); sna::brokerage"
_SRC_KS = "Krackhardt & Stern (1988)"
_SRC_JOURNEYS = "van der Aalst (2016), Process Mining; Inspectie JenV (2021): burgerperspectief"

#: Efficiency vulnerability costs O(n^2 m): computed up to this many organisations.
VULNERABILITY_MAX = 500
#: Robustness simulations: computed up to this many organisations.
SIMULATION_MAX = 20000
#: Targeted attacks recompute betweenness up to this many organisations, else degree.
BETWEENNESS_ATTACK_MAX = 500

_NO_TIES = ("no tie layer: collaboration indicators read the layers of agreements, "
            "collaboration or co-location only; declare them with kind 'tie' "
            "(add_layer(name, kind=\"tie\"), set_layer_kind, or \"kind\": \"tie\" in the JSON)")
_NO_LOG = ("needs an event log: pass log= (kn.eventlog.read_xes, read_csv or from_pandas) to "
           "measure the journeys cases actually make")


@dataclass
class Ranked:
    """A ranked per-organisation indicator: its values for every organisation of the network
    and the organisations this network ranks (``top``)."""

    goal: str
    indicator: str
    unit: str
    direction: str
    layers: str
    source: str
    meaning: Callable[[str], str]
    values: pd.Series
    top: List[str]
    note: str = ""


@dataclass
class Card:
    """One network's scorecard before the organisation rows are chosen: rows (dicts) and
    Ranked entries, in order."""

    net: Network
    entries: list = field(default_factory=list)

    def ranked(self) -> Dict[Tuple[str, str], Ranked]:
        return {(e.goal, e.indicator): e for e in self.entries if isinstance(e, Ranked)}

    def frame(self, subjects: Optional[Dict[Tuple[str, str], Sequence[str]]] = None) -> pd.DataFrame:
        """The rows, with each ranked indicator's organisations: its own top (default) or
        ``subjects[(goal, indicator)]`` (a batch's union; organisations this network lacks are
        NaN rows with a note)."""
        rows = []
        for e in self.entries:
            if not isinstance(e, Ranked):
                rows.append(e)
                continue
            chosen = e.top if subjects is None else subjects.get((e.goal, e.indicator), [])
            for oid in chosen:
                value, note = math.nan, e.note
                if oid in e.values.index:
                    value = float(e.values.loc[oid])
                    if not e.note and oid not in e.top and not math.isnan(value):
                        note = "not among the organisations this network ranks; shown to align " \
                               "the batch"
                elif not e.note:
                    note = "not an organisation of this network"
                rows.append(_row(e.goal, e.indicator, value, e.unit, e.direction,
                                 e.meaning(oid), e.source, scope="organisation", subject=oid,
                                 layers=e.layers, note=note))
        frame = pd.DataFrame(rows, columns=COLUMNS)
        frame["value"] = frame["value"].astype("float64")
        return frame


def _row(goal, indicator, value, unit, direction, meaning, source, *, scope="network",
         subject="", layers="", note="", text=""):
    """One scorecard row; numbers become float, booleans 1.0/0.0 with text yes/no, strings go
    to ``text`` with value NaN."""
    if isinstance(value, (bool, np.bool_)):
        text = "yes" if value else "no"
        value = 1.0 if value else 0.0
    elif isinstance(value, str):
        text, value = value, math.nan
    elif value is None:
        value = math.nan
    else:
        value = float(value)
    if isinstance(layers, (list, tuple)):
        layers = ", ".join(layers)
    if math.isnan(value) and not text and not note:
        note = "not defined for this network"
    return dict(goal=goal, indicator=indicator, scope=scope, subject=subject, value=value,
                text=text, unit=unit, direction=direction, layers=layers, meaning=meaning,
                note=note, source=source)


def _why(e: BaseException) -> str:
    return str(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)


def label(net: Network, oid: str) -> str:
    """"Name (id)" of an organisation, or its id when it has no other name (or is absent)."""
    if oid not in net:
        return oid
    name = net.organisation(oid)["name"]
    return f"{name} ({oid})" if name and name != oid else oid


class _Builder:
    def __init__(self, net: Network, layers: List[str], top: int):
        self.net = net
        self.layers = layers
        self.top = top
        self.card = Card(net)

    def add(self, goal, indicator, value, unit, direction, meaning, source, **kw):
        self.card.entries.append(_row(goal, indicator, value, unit, direction, meaning, source, **kw))

    def guarded(self, goal, indicator, compute: Callable[[], object], unit, direction, meaning,
                source, **kw):
        """A row whose value ``compute()`` gives; a ValueError/KeyError (a network too small,
        a missing field) becomes NaN with the reason in ``note``."""
        try:
            value = compute()
        except (ValueError, KeyError) as e:
            value = math.nan
            kw["note"] = (kw.get("note", "") + "; " if kw.get("note") else "") + \
                f"not computable: {_why(e)}"
        self.add(goal, indicator, value, unit, direction, meaning, source, **kw)

    def na(self, goal, indicator, unit, direction, meaning, source, note, **kw):
        self.add(goal, indicator, math.nan, unit, direction, meaning, source, note=note, **kw)

    def ranked(self, goal, indicator, unit, direction, source, meaning, layers,
               compute: Callable[[], pd.Series], top: Optional[int], note: str = ""):
        """A ranked indicator: ``compute()`` gives every organisation's value; this network
        ranks its ``top`` largest positive values (all positive ones when ``top`` is None)."""
        values = pd.Series(dtype=float)
        chosen: List[str] = []
        if not note:
            try:
                values = compute().astype(float)
            except (ValueError, KeyError) as e:
                note = f"not computable: {_why(e)}"
            else:
                order = values[values > 0].sort_values(ascending=False, kind="stable")
                chosen = list(order.index if top is None else order.index[:top])
        if isinstance(layers, (list, tuple)):
            layers = ", ".join(layers)
        self.card.entries.append(Ranked(goal, indicator, unit, direction, layers, source,
                                        meaning, values, chosen, note))


def compute(net: Network, *, layers: Optional[Sequence[str]] = None,
            chains: Optional[Sequence[str]] = None, top: int = 5, log=None) -> Card:
    """One network's scorecard entries (see :func:`ketennet.report.scorecard`)."""
    from . import centrality, cohesion, resilience

    sel = list(net.layers) if layers is None else list(layers)
    sub = net if layers is None else net.select_layers(sel)
    chain_names = list(net.chains) if chains is None else list(chains)
    b = _Builder(sub, sel, top)
    n = len(sub)
    kinds = {name: sub.layers[name].kind for name in sel}
    ties = [name for name in sel if kinds[name] == "tie"]
    directed = [name for name in sel if sub.layers[name].directed]

    # ------------------------------------------------------------------ resilience
    cut = resilience.articulation_points(sub) if n else []
    b.add("resilience", "single points of failure", len(cut), "organisations", "lower",
          "organisations whose loss disconnects others (articulation points, the undirected "
          "projection of the layers)", "Hopcroft & Tarjan (1973)", layers=sel)
    cut_set = set(cut)
    b.ranked("resilience", "single point of failure", "flag", "lower", "Hopcroft & Tarjan (1973)",
             lambda oid: f"{label(sub, oid)} disconnects the network when it fails "
                         "(1: yes, 0: no)",
             sel, lambda: pd.Series([1.0 if o in cut_set else 0.0 for o in sub.ids],
                                    index=sub.ids, dtype=float), None)
    b.guarded("resilience", "bridges", lambda: len(resilience.bridges(sub)), "ties", "lower",
              "ties whose loss splits the network (undirected projection)", "Tarjan (1974)",
              layers=sel)
    _vulnerability(b, n)
    _robustness(b, n)
    for name in chain_names:
        _throughput_loss(b, name)

    # ------------------------------------------------------------------ learning capacity
    if directed:
        b.guarded("learning", "reciprocity", lambda: cohesion.reciprocity(sub, layers=directed),
                  "share", "higher", "share of directed ties that are returned: information "
                  "flows back", "Wasserman & Faust (1994); NetworkX overall_reciprocity",
                  layers=directed)
    else:
        b.na("learning", "reciprocity", "share", "higher", "share of directed ties that are "
             "returned: information flows back", "Wasserman & Faust (1994)",
             "no directed layer: every tie is mutual")
    for name in sel:
        meaning = f"share of ties in layer '{name}' that are returned"
        if not sub.layers[name].directed:
            b.na("learning", "reciprocity", "share", "higher", meaning, "Wasserman & Faust (1994)",
                 "undirected layer: every tie is mutual", scope="layer", subject=name,
                 layers=[name])
        else:
            b.guarded("learning", "reciprocity", lambda name=name: cohesion.reciprocity(sub, layers=name),
                      "share", "higher", meaning, "Wasserman & Faust (1994)", scope="layer",
                      subject=name, layers=[name])

    # ------------------------------------------------------------------ effectiveness
    b.add("effectiveness", "organisations", n, "organisations", "context", "size of the network", "")
    b.add("effectiveness", "relations", sub.number_of_relations(),
          "relations", "context", "relations in the layers", "", layers=sel)
    sectors = sub.organisations["sector"] if n else pd.Series(dtype=object)
    b.add("effectiveness", "sectors", int(sectors[sectors != ""].nunique()), "sectors", "context",
          "distinct sectors taking part", "")
    b.guarded("effectiveness", "density", lambda: cohesion.density(sub, layers=sel), "share",
              "context", "share of possible ties present (layers merged): integration", _SRC_PM,
              layers=sel)
    for name in sel:
        b.guarded("effectiveness", "density", lambda name=name: cohesion.density(sub, layers=name),
                  "share", "context", f"share of possible ties present in layer '{name}'",
                  _SRC_PM, scope="layer", subject=name, layers=[name])
    _maybe(b, "" if n >= 3 else "needs three organisations", "effectiveness",
           "degree centralization", lambda: cohesion.centralization(sub, layers=sel), "share",
           "context", "how far integration runs through one organisation (1 = a star)",
           f"{_SRC_FREEMAN}; {_SRC_PM}", sel)
    b.ranked("effectiveness", "broker (betweenness)", "share of pairs", "context", _SRC_BRANDES,
             lambda oid: f"{label(sub, oid)}: share of shortest paths between others through it",
             sel, lambda: centrality.betweenness(sub, layers=sel), top)
    _collaboration(b, ties, top)
    _cohesion(b, sel)

    # ------------------------------------------------------------------ chains
    for name in chain_names:
        _chain(b, name)

    # ------------------------------------------------------------------ citizen perspective
    _journeys(b, log)
    return b.card


def _vulnerability(b: _Builder, n: int) -> None:
    from . import resilience

    meaning = "share of the network's global efficiency lost when its most vulnerable " \
              "organisation fails"
    note = ""
    if n < 2:
        note = "needs two organisations"
    elif n > VULNERABILITY_MAX:
        note = (f"not computed: more than {VULNERABILITY_MAX} organisations (efficiency "
                "vulnerability costs O(n^2 m))")
    vul = pd.Series(dtype=float)
    if not note:
        try:
            vul = resilience.vulnerability(b.net, layers=b.layers, progress=False)
        except (ValueError, KeyError) as e:
            note = f"not computable: {_why(e)}"
    largest = float(vul.max()) if len(vul) and not note else math.nan
    if not note and math.isnan(largest):
        note = "not defined: the network has no ties (its global efficiency is 0)"
    b.add("resilience", "largest vulnerability (efficiency)", largest, "share", "lower", meaning,
          _SRC_LM2005, layers=b.layers, note=note)
    b.ranked("resilience", "vulnerability (efficiency)", "share", "lower", _SRC_LM2005,
             lambda oid: f"{label(b.net, oid)}: share of the network's global efficiency lost "
                         "when it fails", b.layers, lambda: vul, b.top, note=note)


def robustness_runs(n: int) -> List[Tuple[str, str, dict, str]]:
    """The removal simulations of the scorecard and the report's robustness figure, for a
    network of ``n`` organisations: (indicator, strategy, options of
    :func:`ketennet.resilience.simulate`, how organisations are removed)."""
    attack = "betweenness" if n <= BETWEENNESS_ATTACK_MAX else "degree"
    return [("robustness R (random removal)", "random", dict(runs=50, seed=0),
             "organisations removed at random (50 runs, seed 0)"),
            ("robustness R (targeted attack)", attack, dict(recompute=True),
             f"organisations removed by a targeted attack on the highest {attack}, recomputed "
             "after each removal")]


def _robustness(b: _Builder, n: int) -> None:
    from . import resilience

    note = ""
    if n < 2:
        note = "needs two organisations"
    elif n > SIMULATION_MAX:
        note = f"not computed: more than {SIMULATION_MAX} organisations"
    for indicator, strategy, kw, how in robustness_runs(n):
        meaning = (f"mean share of organisations in the largest component while all are "
                   f"removed one by one: {how}; 0.5 is the most a network can have")
        if note:
            b.na("resilience", indicator, "share", "higher", meaning, _SRC_SCHNEIDER, note,
                 layers=b.layers)
            continue
        b.guarded("resilience", indicator,
                  lambda strategy=strategy, kw=kw: float(resilience.simulate(
                      b.net, strategy, layers=b.layers, progress=False, **kw)
                      .robustness["largest_component"]),
                  "share", "higher", meaning, _SRC_SCHNEIDER, layers=b.layers)


def _throughput_loss(b: _Builder, name: str) -> None:
    from . import resilience

    meaning = ("share of the chain's throughput (first to last stage) lost when its most "
               "critical organisation fails (organisations of the first and last stage left out: "
               "without them nothing enters or leaves)")
    src = _SRC_LM2005 + "; Ford & Fulkerson (1956)"
    net = b.net
    if name not in net.chains:
        b.na("resilience", "largest throughput loss from one failure", "share", "lower", meaning,
             src, f"the network has no chain '{name}'", scope="chain", subject=name)
        return
    try:
        vul = resilience.vulnerability(net, "throughput", chain=name, progress=False)
    except (ValueError, KeyError) as e:
        b.na("resilience", "largest throughput loss from one failure", "share", "lower", meaning,
             src, f"not computable: {_why(e)}", scope="chain", subject=name)
        return
    stages = list(net.chain(name).values())
    ends = set(stages[0]) | set(stages[-1])
    vul = vul[[oid not in ends for oid in vul.index]].dropna()
    if vul.empty:
        b.na("resilience", "largest throughput loss from one failure", "share", "lower", meaning,
             src, "no organisation between the first and last stage", scope="chain", subject=name)
        return
    vul = vul.sort_values(ascending=False, kind="stable")
    oid, value = vul.index[0], float(vul.iloc[0])
    b.add("resilience", "largest throughput loss from one failure", value, "share", "lower",
          meaning, src, scope="chain", subject=name, note=f"when {label(net, oid)} fails")


def _sector_gap(net: Network) -> str:
    """Why sector indicators cannot be computed ('' when they can)."""
    if len(net) == 0:
        return "the network has no organisations"
    sectors = net.organisations["sector"]
    missing = int((sectors == "").sum())
    if missing:
        return f"{missing} organisation(s) have no sector"
    if sectors.nunique() < 2:
        return "needs at least two sectors"
    return ""


def _collaboration(b: _Builder, ties: List[str], top: int) -> None:
    """Collaboration rows (goal effectiveness), on the tie layers only."""
    from . import brokerage, cohesion, governance

    net, g = b.net, "effectiveness"
    base = "" if ties else _NO_TIES
    if not base and net.view(layers=ties).m == 0:
        base = f"the tie layer(s) {', '.join(map(repr, ties))} hold no ties"
    small = base or ("needs three organisations" if len(net) < 3 else "")
    sector_gap = base or _sector_gap(net)
    _maybe(b, small, g, "collaboration betweenness centralization",
           lambda: cohesion.centralization(net, "betweenness", layers=ties), "share", "context",
           "how far the shortest routes between collaborating organisations run through one of "
           "them (1 = a star)", f"{_SRC_FREEMAN}; sna::centralization", ties)
    roles = None
    if not sector_gap:
        try:
            roles = brokerage.gould_fernandez(net, layers=ties)
        except (ValueError, KeyError) as e:
            sector_gap = f"not computable: {_why(e)}"
    what = {"liaison": "between two other sectors", "gatekeeper": "from another sector into its own"}
    for role in ("liaison", "gatekeeper"):
        def meaning(oid, role=role):
            z = roles.z.loc[oid, role] if roles is not None and oid in roles.z.index else math.nan
            return (f"{label(net, oid)} links collaborating pairs {what[role]} that have no direct "
                    f"tie (z = {z:.1f} against chance)")
        b.ranked(g, f"collaboration broker ({role})", "pairs", "context", _SRC_GF, meaning, ties,
                 lambda role=role: roles.raw[role].astype(float), top, note=sector_gap)
    _maybe(b, sector_gap, g, "collaboration E-I index (sectors)",
           lambda: brokerage.ei_index(net, layers=ties), "index", "context",
           "(external - internal) / all collaboration ties by sector; +1 all cross sectors, -1 all "
           "stay inside", _SRC_KS, ties)
    present = sorted(set(net.organisations["sector"]) - {""}) if len(net) else []
    groups = None
    if not sector_gap:
        try:
            groups = brokerage.ei_index(net, level="group", layers=ties)
        except (ValueError, KeyError) as e:
            sector_gap = f"not computable: {_why(e)}"
    sizes = net.organisations["sector"].value_counts() if len(net) else pd.Series(dtype=int)
    for sector in present:
        note = sector_gap
        value = math.nan
        if not note:
            if sizes[sector] < 2:
                note = "one organisation in the sector: trivially +1"
            else:
                value = float(groups.loc[sector, "ei"])
                if math.isnan(value):
                    note = "the sector has no collaboration ties"
        b.add(g, "collaboration E-I index", value, "index", "context",
              f"collaboration ties of sector '{sector}' across vs within it", _SRC_KS,
              scope="sector", subject=sector, layers=ties, note=note)
    _maybe(b, sector_gap, g, "collaboration sector assortativity",
           lambda: _nan_note(brokerage.assortativity(net, layers=ties),
                             "every tie joins two organisations of one sector or every sector "
                             "has the same degree"),
           "index", "context", "do collaboration ties stay within sectors (1) or prefer other "
           "sectors (< 0)?", "Newman (2003); NetworkX attribute_assortativity_coefficient", ties)
    d, why = None, small
    if not why:
        try:
            d = governance.diagnose(net, layers=ties)
        except (ValueError, KeyError) as e:
            why = f"not computable: {_why(e)}"
    src = "Provan & Kenis (2008), JPART 18"
    b.add(g, "collaboration governance mode (observed)", None if d is None else d.observed_mode,
          "mode", "context", "the governance mode the collaboration ties show"
          + ("" if d is None else ": " + d.reasoning.splitlines()[1]), src, layers=ties, note=why)
    b.add(g, "collaboration governance mode (indicated)",
          None if d is None else (d.mode or "undetermined"), "mode", "context",
          "the mode the contingencies point to; undetermined here, as trust, goal consensus and "
          "competency needs are not in the network data (give them to kn.governance.diagnose)",
          src, layers=ties, note=why)
    b.add(g, "collaboration centrally integrated",
          None if d is None else bool(d.centrally_integrated), "yes/no", "higher",
          "degree centralization of the collaboration ties >= 0.5 (effective networks are "
          "centrally integrated)", _SRC_PM, layers=ties, note=why)


def _nan_note(value: float, why: str) -> float:
    if isinstance(value, float) and math.isnan(value):
        raise ValueError(why)
    return value


def _maybe(b: _Builder, why: str, goal, indicator, compute, unit, direction, meaning, source,
           layers, **kw):
    if why:
        b.na(goal, indicator, unit, direction, meaning, source, why, layers=layers, **kw)
    else:
        b.guarded(goal, indicator, compute, unit, direction, meaning, source, layers=layers, **kw)


def _cohesion(b: _Builder, sel: List[str]) -> None:
    """Cohesion rows (goal effectiveness): clustering, fragmentation, communities and whether
    they follow sector lines, and complexity indicators, on the layers merged."""
    from . import cohesion

    net, g, n = b.net, "effectiveness", len(b.net)
    _maybe(b, "" if n >= 3 else "needs three organisations", g, "transitivity",
           lambda: cohesion.transitivity(net, layers=sel), "share", "context",
           "share of connected triples that are closed: partners of partners work together "
           "directly (layers merged)", "Wasserman & Faust (1994); NetworkX transitivity", sel)
    comps = cohesion.components(net, layers=sel) if n else []
    b.add(g, "weak components", len(comps), "components", "lower",
          "groups of organisations with no tie between them (1: one connected network)",
          "Wasserman & Faust (1994)", layers=sel)
    _maybe(b, "" if n >= 1 else "the network has no organisations", g,
           "share in largest component", lambda: len(comps[0]) / n, "share", "higher",
           "share of organisations in the largest connected group", "Wasserman & Faust (1994)",
           sel)
    no_ties = "" if n and net.view(layers=sel).m > 0 else "the layers hold no ties"
    found = None
    if not no_ties:
        try:
            found = cohesion.communities(net, "louvain", seed=0, layers=sel)
        except (ValueError, KeyError) as e:
            no_ties = f"not computable: {_why(e)}"
    _maybe(b, no_ties, g, "communities (Louvain)", lambda: len(found), "communities", "context",
           "groups tied more densely among themselves than to the rest (seed 0)",
           "Blondel et al. (2008)", sel)
    _maybe(b, no_ties, g, "modularity (Louvain)", lambda: found.modularity, "share", "context",
           "how sharply the network splits into communities (0: not at all; above 0.3: clear "
           "groups)", "Newman & Girvan (2004); Blondel et al. (2008)", sel)
    why = no_ties or _sector_gap(net)
    agree = None
    if not why:
        try:
            agree = cohesion.partition_agreement(found, "sector", net=net)
        except (ValueError, KeyError) as e:
            why = f"not computable: {_why(e)}"
    _maybe(b, why, g, "communities follow sectors (NMI)", lambda: agree.nmi, "share", "context",
           "agreement of the communities with the sectors: near 1 means ties stay within sector "
           "lines (silos), near 0 that they cross them", "Danon et al. (2005)", sel)
    _maybe(b, why, g, "communities follow sectors (ARI)", lambda: agree.ari, "share", "context",
           "adjusted Rand index of communities and sectors (0: as by chance)",
           "Hubert & Arabie (1985)", sel)
    profile, failed = None, ""
    try:
        profile = cohesion.complexity(net.select_layers(sel) if sel != list(net.layers) else net)
        profile = profile.set_index("indicator")
    except (ValueError, KeyError) as e:
        failed = f"not computable: {_why(e)}"
    for indicator, direction, unit in [("sector heterogeneity (Blau)", "context", "index"),
                                       ("single-intermediary pairs", "lower", "share"),
                                       ("cyclomatic number", "context", "loops"),
                                       ("average path length", "lower", "ties")]:
        if profile is None or indicator not in profile.index:
            b.na(g, indicator, unit, direction, "", "ketennet complexity profile",
                 failed if profile is None else "not in the complexity profile", layers=sel)
            continue
        row = profile.loc[indicator]
        value = row["value"]
        note = ""
        if isinstance(value, float) and math.isnan(value):
            note = "not defined for this network (too few organisations or ties)"
        b.add(g, indicator, value, row["unit"], direction, row["meaning"],
              row["source"] or "ketennet complexity profile", layers=sel, note=note)


# indicator of kn.flow.score_chain -> (goal, meaning, source)
CHAIN_ROWS = {
    "lead time (fastest)": (
        "effectiveness", "fastest route of a case from the first stage to the last (latency)",
        "Dijkstra (1959); WODC Cahier 2012-1 (doorlooptijden)"),
    "arrival share": (
        "effectiveness", "share of the cases entering the chain that reach its last stage",
        "Kemeny & Snell (1960)"),
    "throughput": (
        "effectiveness", "most cases per period that can move from the first stage to the last "
        "(maximum flow)", "Ford & Fulkerson (1956); Boykov & Kolmogorov (2004)"),
    "bottleneck organisations": (
        "effectiveness", "fewest organisations whose loss cuts every route from the first stage "
        "to the last (1: a single bottleneck; higher is more redundant)",
        "Menger (1927); Even (1975)"),
    "fidelity (most reliable path)": (
        "effectiveness", "best product of quality along a route from the first stage to the last",
        "most reliable path (Dijkstra on -log quality)"),
    "fidelity (expected)": (
        "effectiveness", "mean product of quality over the routes cases routed by volume take",
        "Kemeny & Snell (1960)"),
    "feedback coverage": (
        "learning", "share of pairs of stages in which the later stage sends information "
        "directly back to the earlier one", "Inspectie JenV (2021): lerend vermogen"),
    "feedback reach": (
        "learning", "share of pairs of stages in which the later stage reaches the earlier one "
        "along any path", "Inspectie JenV (2021): lerend vermogen"),
    "exit reaches entry": (
        "learning", "can outcomes travel back from the last stage to the first, so that those "
        "who act first hear about them?", "Inspectie JenV (2021): lerend vermogen; Tarjan (1972)"),
    "lead time (expected)": (
        "citizen", "how long a citizen's case takes on average from the first stage to the last "
        "(cases routed by volume)", "Kemeny & Snell (1960), absorbing Markov chains"),
    "hand-offs on the typical path": (
        "citizen", "hand-offs a citizen's case meets on the route most cases follow (most probable "
        "path by volume)", "van der Aalst, Reijers & Song (2005): handover of work"),
}

#: Citizen-perspective rows derived from score_chain: (indicator, unit, direction, meaning).
CITIZEN_CHAIN_ROWS = [
    ("organisations a case passes", "organisations", "lower",
     "organisations a citizen deals with on the route most cases follow"),
    ("returns to an earlier stage", "share", "lower",
     "share of the chain's case movements that go back to an earlier stage (a citizen meets "
     "the same stage again)"),
]


def _chain(b: _Builder, name: str) -> None:
    """Chain rows (scope chain) from kn.flow.score_chain on the case layers: flow indicators
    under effective chains, feedback under learning capacity, what the citizen meets under the
    citizen perspective."""
    from . import flow

    net = b.net
    card, why = None, ""
    if name not in net.chains:
        why = f"the network has no chain '{name}'"
    else:
        try:
            card = flow.score_chain(net, name)
        except (ValueError, KeyError) as e:
            why = f"the chain cannot be scored: {_why(e)}"
    if card is None:
        for indicator, (goal, meaning, source) in CHAIN_ROWS.items():
            b.na(goal, indicator, "", "context", meaning, source, why, scope="chain", subject=name)
        for indicator, unit, direction, meaning in CITIZEN_CHAIN_ROWS:
            b.na("citizen", indicator, unit, direction, meaning, "", why, scope="chain",
                 subject=name)
        return
    chain_rows = card[card["stage"].isna()].set_index("indicator")
    for indicator, (goal, meaning, source) in CHAIN_ROWS.items():
        r = chain_rows.loc[indicator]
        value = r["value"]
        missing = isinstance(value, float) and math.isnan(value)
        note = f"not computable: {r['note']}" if missing else r["note"]
        if indicator == "bottleneck organisations" and r["path"] and not missing and not note:
            note = r["path"]
        b.add(goal, indicator, value, r["unit"], r["direction"], meaning, source, scope="chain",
              subject=name, layers=r["layers"], note=note)
    hand = chain_rows.loc["hand-offs on the typical path"]
    indicator, unit, direction, meaning = CITIZEN_CHAIN_ROWS[0]
    if isinstance(hand["value"], float) and math.isnan(hand["value"]):
        b.na("citizen", indicator, unit, direction, meaning, "van der Aalst, Reijers & Song (2005)",
             f"not computable: {hand['note']}", scope="chain", subject=name, layers=hand["layers"])
    else:
        b.add("citizen", indicator, float(hand["value"]) + 1, unit, direction, meaning,
              "van der Aalst, Reijers & Song (2005)", scope="chain", subject=name,
              layers=hand["layers"], note=hand["path"])
    stages = card[card["stage"].notna()]
    indicator, unit, direction, meaning = CITIZEN_CHAIN_ROWS[1]
    if stages.empty:
        b.na("citizen", indicator, unit, direction, meaning, "Inspectie JenV (2021): burgerperspectief",
             "not computable: " + (chain_rows.loc["attrition", "note"]
                                   if "attrition" in chain_rows.index else "no stage volumes"),
             scope="chain", subject=name)
        return
    table = stages.pivot(index="stage", columns="indicator", values="value").astype(float)
    moved = float(table[["flows on", "sent back", "leaves the chain"]].to_numpy().sum())
    back = float(table["sent back"].sum())
    b.add("citizen", indicator, back / moved if moved > 0 else math.nan, unit, direction, meaning,
          "Inspectie JenV (2021): burgerperspectief", scope="chain", subject=name,
          layers=stages["layers"].iloc[0],
          note="" if moved > 0 else "not computable: no case volume leaves any stage")


#: Citizen-perspective rows measured on an event log: (indicator, unit, direction, meaning).
JOURNEY_ROWS = [
    ("cases followed", "cases", "context", "cases in the event log, each a citizen's journey"),
    ("lead time per case (median)", "days", "lower",
     "median time from a case's first event to its last"),
    ("organisations per case (mean)", "organisations", "lower",
     "mean number of distinct organisations a citizen's case meets"),
    ("hand-offs per case (mean)", "hand-offs", "lower",
     "mean number of times a case passes from one organisation to another"),
    ("cases with ping-pong", "share", "lower",
     "share of cases sent back and forth (A -> B -> A) between organisations"),
]


def _journeys(b: _Builder, log) -> None:
    if log is None:
        for indicator, unit, direction, meaning in JOURNEY_ROWS:
            b.na("citizen", indicator, unit, direction, meaning, _SRC_JOURNEYS, _NO_LOG)
        return
    from . import eventlog

    j = eventlog.journeys(log)
    days = j["lead_time"].dt.total_seconds() / 86400.0 if len(j) else pd.Series(dtype=float)
    values = [len(j),
              float(days.median()) if len(j) else math.nan,
              float(j["organisations"].mean()) if len(j) else math.nan,
              float(j["handovers"].mean()) if len(j) else math.nan,
              float((j["ping_pong"] > 0).mean()) if len(j) else math.nan]
    for (indicator, unit, direction, meaning), value in zip(JOURNEY_ROWS, values):
        note = "" if len(j) or indicator == "cases followed" else "the event log has no cases"
        b.add("citizen", indicator, value, unit, direction, meaning, _SRC_JOURNEYS, note=note)
