"""Who brokers between organisations and sectors.

* Burt's (1992) structural holes: :func:`constraint`, :func:`effective_size`,
  :func:`efficiency`, :func:`hierarchy` (all four at once: :func:`structural_holes`), directed
  and weighted, with NetworkX's conventions;
* Gould & Fernandez's (1989) brokerage roles between groups (sectors):
  :func:`gould_fernandez`, with R sna's expected values and z-scores;
* ties within and between groups: :func:`ei_index` (Krackhardt & Stern 1988),
  :func:`mixing_matrix` and :func:`assortativity` (Newman 2003), as NetworkX.

A *partition* (``partition=`` / ``attribute=``) names the organisations' ``sector`` field or
one of their attributes, or is a ``{organisation id: group}`` mapping or Series. Every
organisation needs a value: ``ValueError`` names those without one (an empty sector counts as
none). ``layers=`` selects the view (default all layers); ``weight=`` reads a relation field
(``"volume"``, ...) as tie strength.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import result_html as _result_html
from ._util import Layers, Progress, check_choice, check_view, labels, progress_handler, series
from ._util import core_default, thread_count, view_of

__all__ = ["constraint", "effective_size", "efficiency", "hierarchy", "structural_holes",
           "gould_fernandez", "BrokerageRoles", "ei_index", "mixing_matrix", "assortativity",
           "ROLES"]

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total")
"""Gould-Fernandez roles in column order (sna columns w_I, w_O, b_OI, b_IO, b_O, t)."""

_ROLE_COLUMNS = pd.Index(ROLES)  # built once: a list would be re-inferred on every DataFrame
_NETWORK_ROWS = pd.Index(["raw", "expected", "sd", "z"])

PartitionLike = Union[str, Mapping[str, object], pd.Series]


def _partition(net, partition: PartitionLike, name: str = "partition"):
    """(codes, labels) of a partition given by attribute name or by a mapping."""
    if isinstance(partition, str):
        codes, labels = _core.brokerage.partition(net._core, partition)
        return np.asarray(codes), list(labels)
    if isinstance(partition, pd.Series):
        partition = partition.to_dict()
    if not isinstance(partition, Mapping):
        raise TypeError(f"{name} must be an attribute name, a dict or a Series keyed by "
                        f"organisation id, not {type(partition).__name__}")
    ids = net.ids
    unknown = [k for k in partition if not net.has_organisation(k)]
    if unknown:
        raise KeyError(f"{name}: unknown organisation{'s' if len(unknown) > 1 else ''} "
                       + ", ".join(repr(k) for k in unknown[:10]))
    missing = [i for i in ids if i not in partition or partition[i] is None
               or (isinstance(partition[i], float) and np.isnan(partition[i]))]
    if missing:
        raise ValueError(f"{name}: {len(missing)} organisation{'s have' if len(missing) > 1 else ' has'}"
                         " no group: " + ", ".join(repr(m) for m in missing[:10])
                         + (", ..." if len(missing) > 10 else ""))
    values = [partition[i] for i in ids]
    labels = sorted({str(v) for v in values})
    code = {lab: k for k, lab in enumerate(labels)}
    return np.asarray([code[str(v)] for v in values], dtype=np.int64), labels


_MEASURES = ("constraint", "effective_size", "efficiency", "hierarchy")


def _holes(net, weight, layers, threads, progress, measures=_MEASURES):
    """The view and the chosen Burt measures on it (a dict of arrays): the kernel computes
    only those."""
    view = view_of(net, layers, weight)
    fn = measures[0] if len(measures) == 1 else "structural_holes"
    return view, _core.brokerage.structural_holes(view, thread_count(threads, fn),
                                                  progress_handler(progress, "structural holes"),
                                                  **{m: m in measures for m in _MEASURES})


@renamed_arguments(positional=("weight",))
def structural_holes(net, *, weight: Optional[str] = None, layers: Layers = None,
                     threads: int = 0, progress: Progress = None) -> pd.DataFrame:
    """Burt's four structural-hole measures in one pass: a DataFrame indexed by organisation
    with columns ``constraint``, ``effective_size``, ``efficiency`` and ``hierarchy``.

    See :func:`constraint`, :func:`effective_size`, :func:`efficiency`, :func:`hierarchy` for
    the definitions and conventions.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> sh = kn.brokerage.structural_holes(net)
    >>> list(sh.columns)
    ['constraint', 'effective_size', 'efficiency', 'hierarchy']
    """
    view, r = _holes(net, weight, layers, threads, progress)
    return pd.DataFrame({k: r[k] for k in _MEASURES}, index=labels(net, view))


@renamed_arguments(positional=("weight",))
def constraint(net, *, weight: Optional[str] = None, layers: Layers = None, threads: int = 0,
               progress: Progress = None) -> pd.Series:
    """Burt's (1992) constraint: how much an organisation's contacts are tied to each other.

    .. math:: C_i = \\sum_{j \\in N(i)} \\Big(p_{ij} + \\sum_{q \\in N(i)} p_{iq} p_{qj}\\Big)^2,
              \\qquad p_{ij} = \\frac{a_{ij} + a_{ji}}{\\sum_k (a_{ik} + a_{ki})}

    with N(i) the in- and out-neighbours of i and a the tie weights (1 unweighted). High
    constraint (up to 1 and beyond for tight cliques) means few structural holes: the
    organisation's contacts all talk to each other, so it brokers little.

    Conventions exactly as NetworkX's ``constraint`` (networkx 3.x): directed ties count
    in either direction through the mutual weight :math:`a_{ij} + a_{ji}`; an undirected tie
    counts both ways; with ``weight=`` the relation field is the tie strength (positive and
    finite, ``ValueError`` otherwise); a self-loop makes the organisation its own contact.
    Organisations without ties to others get NaN (so every organisation of a network of
    one), and a network without organisations an empty Series, as NetworkX.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("a", "c"), ("a", "d")]: net.add_relation(s, t, "info")
    >>> round(float(kn.brokerage.constraint(net)["a"]), 4)   # a star's centre: 3 * (1/3)^2
    0.3333
    """
    view, r = _holes(net, weight, layers, threads, progress, ("constraint",))
    return series(net, view, r["constraint"], "constraint")


@renamed_arguments(positional=("weight",))
def effective_size(net, *, weight: Optional[str] = None, layers: Layers = None,
                   threads: int = 0, progress: Progress = None) -> pd.Series:
    """Burt's (1992) effective size: the number of contacts minus their redundancy.

    .. math:: ES_i = \\sum_{j \\in N(i)} \\Big(1 - \\sum_{q \\in N(i)} p_{iq}
              \\frac{m_{jq}}{\\max_k m_{jk}}\\Big), \\qquad m_{jq} = a_{jq} + a_{qj}

    For an unweighted undirected network this is Borgatti's (1997) :math:`n - 2t/n`
    (n contacts, t ties among them). Conventions exactly as NetworkX's ``effective_size``
    (see :func:`constraint`); NaN without ties to others.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")]: net.add_relation(s, t, "info")
    >>> round(float(kn.brokerage.effective_size(net)["a"]), 4)   # 3 - 2 * 1 / 3
    2.3333
    """
    view, r = _holes(net, weight, layers, threads, progress, ("effective_size",))
    return series(net, view, r["effective_size"], "effective_size")


@renamed_arguments(positional=("weight",))
def efficiency(net, *, weight: Optional[str] = None, layers: Layers = None, threads: int = 0,
               progress: Progress = None) -> pd.Series:
    """Burt's (1992) efficiency: effective size divided by the number of contacts.

    .. math:: EF_i = ES_i / |N(i) \\setminus \\{i\\}|

    In (0, 1]: 1 when no contact is tied to another. The contacts are the in- and
    out-neighbours (the organisation itself excluded), so this equals NetworkX's suggested
    ``effective_size / degree`` for undirected networks without self-loops. NaN without
    ties to others. (Not NetworkX's ``global_efficiency``, a path measure:
    :func:`ketennet.flow.efficiency`.)

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")]: net.add_relation(s, t, "info")
    >>> round(float(kn.brokerage.efficiency(net)["a"]), 4)   # (7/3) / 3
    0.7778
    """
    view, r = _holes(net, weight, layers, threads, progress, ("efficiency",))
    return series(net, view, r["efficiency"], "efficiency")


@renamed_arguments(positional=("weight",))
def hierarchy(net, *, weight: Optional[str] = None, layers: Layers = None, threads: int = 0,
              progress: Progress = None) -> pd.Series:
    """Burt's (1992) hierarchy: how far an organisation's constraint rests on one contact.

    .. math:: H_i = \\frac{\\sum_{j \\in N(i)} r_j \\ln r_j}{N \\ln N}, \\qquad
              r_j = \\frac{c_{ij}}{C_i / N}

    with :math:`c_{ij}` the local constraint of contact j (the terms of :func:`constraint`),
    :math:`C_i` their sum and N the number of contacts: the Coleman-Theil disorder index
    used by Burt (1992, p. 71) and UCINET. 0 when constraint is spread evenly over the
    contacts, 1 when one contact holds it all. NaN for fewer than two contacts
    (:math:`N \\ln N = 0`); :math:`0 \\ln 0 = 0`. No peer library has it (it was requested
    from NetworkX and never merged); the tests check hand-computed cases.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("a", "c"), ("a", "d")]: net.add_relation(s, t, "info")
    >>> bool(abs(kn.brokerage.hierarchy(net)["a"]) < 1e-12)   # a star: constraint spread evenly
    True
    """
    view, r = _holes(net, weight, layers, threads, progress, ("hierarchy",))
    return series(net, view, r["hierarchy"], "hierarchy")


@dataclass(frozen=True)
class BrokerageRoles:
    """Result of :func:`gould_fernandez`.

    Attributes
    ----------
    raw, expected, sd, z : DataFrame
        Per organisation (index) and role (columns :data:`ROLES`): observed counts, expected
        counts and standard deviations under a random digraph of the same density and group
        sizes, and z-scores ``(raw - expected) / sd``.
    network : DataFrame
        Network totals: rows ``raw``, ``expected``, ``sd``, ``z``; columns :data:`ROLES`.
    group : Series
        The group (sector) of each organisation.
    density : float
        The density the expectations use, m / (n (n - 1)) with m the arcs.
    """

    _repr_html_ = _result_html

    raw: pd.DataFrame
    expected: pd.DataFrame
    sd: pd.DataFrame
    z: pd.DataFrame
    network: pd.DataFrame
    group: pd.Series
    density: float

    def __repr__(self) -> str:
        return (f"BrokerageRoles({len(self.raw)} organisations, {self.group.nunique()} groups, "
                f"density {self.density:.4g})\n{self.raw.astype('int64')}")


def gould_fernandez(net, partition: PartitionLike = "sector", *, layers: Layers = None,
                    threads: int = 0, progress: Progress = None) -> BrokerageRoles:
    """Gould & Fernandez's (1989) brokerage roles of every organisation between groups.

    Organisation v brokers the ordered pair (a, c) when a -> v -> c and there is no tie
    a -> c (a, c, v distinct). By the groups of a, v and c (v's written second):

    ==============  ==========  ==========================================
    role            two-path    meaning
    ==============  ==========  ==========================================
    coordinator     A -> A -> A  mediates within its own group
    itinerant       A -> B -> A  mediates within another group
    gatekeeper      A -> B -> B  lets an outside contact into its group
    representative  A -> A -> B  passes its group's contact outward
    liaison         A -> B -> C  mediates between two other groups
    ==============  ==========  ==========================================

    plus ``total``. Counts, expected values, standard deviations and z-scores are those of R's
    ``sna::brokerage`` (sna 2.7): expectations under a random digraph with the observed
    density m / (n (n-1)) and group sizes. Column mapping to sna: coordinator ``w_I``,
    itinerant ``w_O``, gatekeeper ``b_OI``, representative ``b_IO``, liaison ``b_O``, total
    ``t`` (sna's help page names b_OI gatekeeper, A -> B -> B; checked on three-organisation
    cases in the tests). An undirected view counts both directions, so each unordered pair
    twice, as sna does with a symmetric matrix; weights are ignored. A z-score is NaN or
    infinite where the standard deviation is 0, as in R. ``ValueError`` for fewer than three
    organisations or a partition with missing values (naming the organisations).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o, s in [("politie", "politie"), ("om", "om"), ("rechtspraak", "rechtspraak")]:
    ...     net.add_organisation(o, sector=s)
    >>> net.add_relation("politie", "om", "case"); net.add_relation("om", "rechtspraak", "case")
    >>> r = kn.brokerage.gould_fernandez(net)
    >>> int(r.raw.loc["om", "liaison"])
    1
    """
    rev = net._core.revision
    codes, groups = _partition(net, partition)
    view = check_view(view_of(net, layers), rev, "gould_fernandez")
    r = _core.brokerage.gould_fernandez(view, codes, groups, thread_count(threads, "gould_fernandez"),
                                        progress_handler(progress, "brokerage"))
    index = labels(net, view)
    frame = lambda a: pd.DataFrame(a, index=index, columns=_ROLE_COLUMNS)  # noqa: E731
    network = pd.DataFrame(np.vstack([r["network_raw"], r["network_expected"], r["network_sd"],
                                      r["network_z"]]), index=_NETWORK_ROWS,
                           columns=_ROLE_COLUMNS)
    group = pd.Series(np.asarray(groups, dtype=object)[codes], index=index, name="group")
    return BrokerageRoles(frame(r["raw"]), frame(r["expected"]), frame(r["sd"]), frame(r["z"]),
                          network, group, float(r["density"]))


def ei_index(net, attribute: PartitionLike = "sector", level: str = "network", *,
             layers: Layers = None, weight: Optional[str] = None):
    """Krackhardt & Stern's (1988) E-I index: external minus internal ties, over their sum.

    .. math:: EI = \\frac{E - I}{E + I} \\in [-1, 1]

    -1: every tie stays inside a group (sector); +1: every tie crosses groups.

    Parameters
    ----------
    attribute : str, dict or Series
        The groups (default the ``sector``).
    level : {"network", "group", "organisation"}
        ``"network"``: E = ties between groups, I = ties within one (a float).
        ``"group"``: per group, E = ties with exactly one end in it, I = ties with both ends in
        it, each tie counted once (a DataFrame indexed by group).
        ``"organisation"``: per organisation, its ties (in and out) to other groups and to its
        own (a DataFrame indexed by organisation, with its ``group``).
    weight : str, optional
        Sum this relation field instead of counting ties.

    Each tie of the view counts once (an arc of a directed view, an edge of an undirected
    one); self-loops are left out. NaN where there are no ties. UCINET also offers a rescaled
    index and a permutation test; those are not computed here.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> -1.0 <= kn.brokerage.ei_index(net) <= 1.0
    True
    """
    check_choice(level, "level", ("network", "group", "organisation"))
    rev = net._core.revision
    codes, groups = _partition(net, attribute, "attribute")
    view = check_view(view_of(net, layers, weight), rev, "ei_index")
    r = _core.brokerage.ei_index(view, codes, groups)
    if level == "network":
        return float(r["ei"])
    if level == "group":
        return pd.DataFrame({"external": r["group_external"], "internal": r["group_internal"],
                             "ei": r["group_ei"]}, index=pd.Index(groups, name="group"))
    index = labels(net, view)
    return pd.DataFrame({"group": np.asarray(groups, dtype=object)[codes],
                         "external": r["external_of"], "internal": r["internal_of"],
                         "ei": r["ei_of"]}, index=index)


def mixing_matrix(net, attribute: PartitionLike = "sector", *,
                  normalized: bool = core_default(_core.brokerage.mixing_matrix, "normalized"),
                  layers: Layers = None, weight: Optional[str] = None) -> pd.DataFrame:
    """The attribute mixing matrix: the share (or number) of ties from each group to each.

    Rows are the groups of the tie's source, columns of its target, both in sorted order.
    As NetworkX's ``attribute_mixing_matrix`` (``normalized=True`` divides by the total):
    an undirected tie counts in both directions, a self-loop once. ``weight=`` sums a
    relation field instead of counting ties.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o, s in [("a", "x"), ("b", "x"), ("c", "y")]: net.add_organisation(o, sector=s)
    >>> net.add_relation("a", "b", "info"); net.add_relation("b", "c", "info")
    >>> kn.brokerage.mixing_matrix(net, normalized=False)
    target    x    y
    source
    x       2.0  1.0
    y       1.0  0.0
    """
    rev = net._core.revision
    codes, groups = _partition(net, attribute, "attribute")
    view = check_view(view_of(net, layers, weight), rev, "mixing_matrix")
    M = _core.brokerage.mixing_matrix(view, codes, groups, normalized)
    return pd.DataFrame(M, index=pd.Index(groups, name="source"),
                        columns=pd.Index(groups, name="target"))


def assortativity(net, attribute: PartitionLike = "sector", *, layers: Layers = None,
                  weight: Optional[str] = None) -> float:
    """Newman's (2003) attribute assortativity: do ties stay within groups?

    .. math:: r = \\frac{\\sum_a e_{aa} - \\sum_a a_a b_a}{1 - \\sum_a a_a b_a}

    with e the normalised :func:`mixing_matrix`, a its row sums and b its column sums.
    1: ties only within groups; 0: as mixed as chance; negative: ties prefer other groups.
    As NetworkX's ``attribute_assortativity_coefficient``. NaN when every tie lies within
    one group (0 / 0); 0 when the view has no ties, as NetworkX (its mixing matrix is then
    empty).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o, s in [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")]: net.add_organisation(o, sector=s)
    >>> net.add_relation("a", "b", "info"); net.add_relation("c", "d", "info")
    >>> kn.brokerage.assortativity(net)
    1.0
    """
    rev = net._core.revision
    codes, groups = _partition(net, attribute, "attribute")
    view = check_view(view_of(net, layers, weight), rev, "assortativity")
    return float(_core.brokerage.assortativity(view, codes, groups))
