"""The resampling tests of a network statistic: :func:`cug_test`, :func:`permutation_test`
and :func:`bootstrap` (C++: include/ketennet/stats/resampling.hpp)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple, Union

import numpy as np

from .. import _core
from .._util import Layers, Progress, check_choice, check_view, core_default, progress_handler
from .._util import result_html as _result_html
from .._util import thread_count, view_of
from ..network import FIELDS, Network

__all__ = ["cug_test", "permutation_test", "bootstrap", "statistic_names", "CugResult",
           "PermutationResult", "BootstrapResult"]

Statistic = Union[str, Callable[[Network], float]]

_S = _core.stats
GIVEN = ("size", "edges", "dyad_census")


def statistic_names() -> List[str]:
    """The statistics the tests know by name, scored in C++ on every draw.

    ``density``, ``reciprocity``, ``transitivity``, ``average_clustering``,
    ``degree_centralization`` (in- plus out-degree), ``indegree_centralization``,
    ``outdegree_centralization``, ``betweenness_centralization``,
    ``closeness_centralization``, ``global_efficiency``, ``local_efficiency`` (the mean over
    the organisations), ``components`` (weak), ``strong_components`` and ``ties`` (the number
    of ties). Each is the ketennet metric of that name on the selected view (e.g.
    :func:`ketennet.cohesion.density`), NaN where the metric is undefined (reciprocity of a
    network without ties).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.stats.statistic_names()[:3]
    ['density', 'reciprocity', 'transitivity']
    """
    return list(_S.statistic_names())


# ---------------------------------------------------------------- results

def _p(x: float) -> str:
    return "nan" if x != x else f"{x:.4f}"


@dataclass(frozen=True)
class CugResult:
    """Result of :func:`cug_test`: the observed statistic, the draws of the conditional
    uniform graph distribution (``null``, in draw order) and the p-values."""

    _repr_html_ = _result_html

    statistic: float
    p_greater: float
    p_less: float
    p_value: float
    null: np.ndarray
    name: str
    given: str
    reps: int
    seed: int
    method: str = "conditional uniform graph test"

    def __repr__(self) -> str:
        return (f"CugResult({self.name} = {self.statistic:.6g} given {self.given}: "
                f"p(>=) = {_p(self.p_greater)}, p(<=) = {_p(self.p_less)}, "
                f"p = {_p(self.p_value)}, {self.reps} draws, seed {self.seed})")


@dataclass(frozen=True)
class PermutationResult:
    """Result of :func:`permutation_test`: the difference s(a) - s(b), both observed values,
    the permuted differences (``null``, in draw order) and the p-values."""

    _repr_html_ = _result_html

    statistic: float
    statistic_a: float
    statistic_b: float
    p_greater: float
    p_less: float
    p_abs: float
    p_value: float
    null: np.ndarray
    name: str
    reps: int
    seed: int
    method: str = "dyad permutation test"

    def __repr__(self) -> str:
        return (f"PermutationResult({self.name}: a - b = {self.statistic_a:.6g} - "
                f"{self.statistic_b:.6g} = {self.statistic:.6g}: p(>=) = {_p(self.p_greater)}, "
                f"p(<=) = {_p(self.p_less)}, p(|d|) = {_p(self.p_abs)}, {self.reps} permutations, "
                f"seed {self.seed})")


@dataclass(frozen=True)
class BootstrapResult:
    """Result of :func:`bootstrap`: the observed statistic, its bootstrap standard error and
    percentile interval, the test of ``null_value`` and the bootstrap draws (``null``)."""

    _repr_html_ = _result_html

    statistic: float
    standard_error: float
    ci: Tuple[float, float]
    level: float
    null_value: float
    p_greater: float
    p_less: float
    p_value: float
    null: np.ndarray
    name: str
    reps: int
    seed: int
    method: str = "vertex bootstrap"

    def __repr__(self) -> str:
        lo, hi = self.ci
        return (f"BootstrapResult({self.name} = {self.statistic:.6g}, se = "
                f"{self.standard_error:.4g}, {self.level:.0%} interval [{lo:.6g}, {hi:.6g}], "
                f"p(= {self.null_value:g}) = {_p(self.p_value)}, {self.reps} samples, "
                f"seed {self.seed})")


# ---------------------------------------------------------------- argument checks

def _check_reps_seed(reps, seed, fn: str) -> None:
    if not isinstance(reps, (int, np.integer)) or isinstance(reps, bool) or reps < 1:
        raise ValueError(f"{fn}: reps must be a positive whole number, not {reps!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"{fn}: seed must be a whole number >= 0, not {seed!r}")


def _check_statistic(statistic, fn: str) -> str:
    """The statistic's name (for the result); TypeError unless a name or a callable."""
    if isinstance(statistic, str):
        if statistic not in _S.statistic_names():
            known = ", ".join(repr(s) for s in _S.statistic_names())
            raise ValueError(f"{fn}: unknown statistic {statistic!r}; the known statistics "
                             f"are {known}, or pass a function of a Network")
        return statistic
    if callable(statistic):
        return getattr(statistic, "__name__", type(statistic).__name__)
    raise TypeError(f"{fn}: statistic must be a statistic name (str) or a function of a "
                    f"Network returning a number, not {type(statistic).__name__}")


def _network(fn: str, net, what: str = "net") -> None:
    if not isinstance(net, Network):
        raise TypeError(f"{fn}: {what} must be a ketennet.Network, not {type(net).__name__}")


# ---------------------------------------------------------------- draws for Python statistics

class _Draws:
    """Networks of the draws, for a statistic computed in Python: one layer ``ties``
    (directed as the view), the view's organisations, and the tie values as the field or
    attribute ``weight`` names."""

    def __init__(self, view, weight: Optional[str]):
        self.ids = list(view.ids)
        self.weight = weight
        base = Network("draw")
        base.add_layer("ties", directed=bool(view.directed))
        base._core.add_organisations(self.ids, [""] * len(self.ids), [""] * len(self.ids), [],
                                     "organisation")
        self.base = base

    def network(self, arcs) -> Network:
        src, tgt, w = arcs
        net = self.base.copy()
        fields = [None] * len(FIELDS)
        attributes = []
        if self.weight is not None:
            if self.weight in FIELDS:
                fields[FIELDS.index(self.weight)] = np.asarray(w, dtype=float)
            else:
                attributes = [(self.weight, "number", np.asarray(w, dtype=float), None)]
        net._core.add_relations_columns(np.asarray(src, dtype=np.int64), self.ids,
                                        np.asarray(tgt, dtype=np.int64), self.ids,
                                        np.zeros(len(src), dtype=np.int64), ["ties"],
                                        fields, attributes, "draw")
        return net


def _score(statistic, net: Network, fn: str) -> float:
    value = statistic(net)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{fn}: the statistic function must return a number, not "
                        f"{type(value).__name__}") from None


def _score_draws(statistic, draws: _Draws, arcs_list, progress, fn: str) -> np.ndarray:
    handler = progress_handler(progress, fn)
    out = np.empty(len(arcs_list))
    for k, arcs in enumerate(arcs_list):
        out[k] = _score(statistic, draws.network(arcs), fn)
        if handler is not None and handler((k + 1) / len(arcs_list)) is False:
            raise RuntimeError(f"{fn}: cancelled")
    return out


# ---------------------------------------------------------------- the tests

def cug_test(net, statistic: Statistic,
             given: str = core_default(_S.cug_test, "given"), *,
             layers: Layers = None, weight: Optional[str] = None,
             reps: int = core_default(_S.cug_test, "reps"),
             seed: int = core_default(_S.cug_test, "seed"),
             threads: int = 0, progress: Progress = None) -> CugResult:
    """Conditional uniform graph (CUG) test of a network statistic (Anderson, Butts &
    Carley 1999; R's ``sna::cug.test``).

    Is the statistic more extreme than in random graphs that share some of the network's
    structure? The statistic t of the network is compared with its distribution over
    ``reps`` uniformly random graphs on the same organisations, conditional on ``given``:

    * ``"size"``: the number of organisations only; every possible tie (each arc of a
      directed view, each pair of an undirected one) present with probability 1/2;
    * ``"edges"``: the number of ties; uniform over the graphs with as many ties (G(n, m));
    * ``"dyad_census"``: the numbers of mutual, asymmetric and null pairs (directed; in an
      undirected view the same as ``"edges"``), as ``sna::rguman(method="exact")``.

    Self-loops are left out, of the observed network as of the draws (sna's
    ``diag=FALSE``). With ``weight=``, given ``"edges"`` places the observed tie values on
    the drawn ties in random order (sna's ``ignore.eval=FALSE``), given ``"dyad_census"``
    the values of a random observed mutual pair on each drawn mutual pair and of a random
    asymmetric tie on each asymmetric one; given ``"size"`` has no values to place
    (``ValueError``).

    ``statistic`` is a name of :func:`statistic_names` (scored in C++, in parallel over the
    draws) or a function taking a :class:`~ketennet.Network` and returning a number. A
    function is called once per draw in Python, on a network with one layer ``ties`` (and
    the tie values as the field or attribute ``weight`` names): slower, by the cost of
    building each draw as a Network and of the function itself.

    p-values (draws whose statistic is undefined, NaN, are left out):
    ``p_greater`` = share of draws >= t (sna's ``Pr(X>=Obs)``), ``p_less`` = share <= t
    (``Pr(X<=Obs)``), ``p_value`` = min(1, 2 min(p_greater, p_less)), the two-sided
    equal-tailed p-value. Draw k uses the random stream (``seed``, k): the result depends
    on ``seed`` only, not on ``threads``; it agrees with sna's within Monte Carlo error (sna
    draws with R's generator).

    ``ValueError`` for fewer than two organisations, an unknown statistic or ``given``, a
    statistic undefined on the network; ``TypeError`` for a statistic that is neither a name
    nor a function.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcdef": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")]:
    ...     net.add_relation(s, t, "info")
    >>> r = kn.stats.cug_test(net, "transitivity", given="edges", reps=200, seed=1)
    >>> r.statistic, r.p_greater < 0.05
    (1.0, True)
    """
    fn = "cug_test"
    _network(fn, net)
    name = _check_statistic(statistic, fn)
    check_choice(given, "given", GIVEN)
    _check_reps_seed(reps, seed, fn)
    threads = thread_count(threads, fn)
    view = check_view(view_of(net, layers, weight, complete=True), net._core.revision, fn)
    if isinstance(statistic, str):
        r = _S.cug_test(view, statistic, given, int(reps), int(seed), threads,
                        progress_handler(progress, fn))
    else:
        if view.n < 2:
            raise ValueError(f"cug_test needs at least two organisations, there are {view.n}")
        if given == "size" and view.weighted:
            raise ValueError("cug_test: given 'size' draws graphs without tie values; test a "
                             "weighted network given 'edges' or 'dyad_census', or without a weight")
        draws = _Draws(view, weight)
        observed = _score(statistic, draws.network(_S.cug_observed(view)), fn)
        if observed != observed:
            raise ValueError(f"{fn}: the statistic is undefined (NaN) on the observed network")
        null = _score_draws(statistic, draws, _S.cug_draws(view, given, int(reps), int(seed)),
                            progress, fn)
        r = _S.cug_result(observed, null)
    return CugResult(float(r["statistic"]), float(r["p_greater"]), float(r["p_less"]),
                     float(r["p_value"]), np.asarray(r["null"]), name, given, int(reps),
                     int(seed))


def permutation_test(a, b, statistic: Statistic, *, layers: Layers = None,
                     weight: Optional[str] = None,
                     reps: int = core_default(_S.permutation_test, "reps"),
                     seed: int = core_default(_S.permutation_test, "seed"),
                     threads: int = 0, progress: Progress = None) -> PermutationResult:
    """Permutation test of the difference of a statistic between two networks on the same
    organisations: two periods of one chain, two regions' layers, before and after.

    The statistic is d = s(a) - s(b). Under the null hypothesis the two networks are
    exchangeable dyad by dyad: each dyad, an unordered pair {i, j} with both its arcs
    (i -> j and j -> i move together, so a reciprocated tie stays reciprocated) or a
    self-loop, is swapped between a and b with probability 1/2, independently of the
    others; tie values (``weight=``) move with their ties. ``null`` holds
    s(a') - s(b') of each of the ``reps`` permutations. ``p_greater`` = share of permuted
    d' >= d, ``p_less`` = share <= d, ``p_abs`` = share of \\|d'\\| >= \\|d\\| and
    ``p_value`` = ``p_abs`` (two-sided; the null distribution is symmetric about 0).

    ``layers=`` and ``weight=`` select the view of both networks. The organisations are
    matched by id (their order may differ); ``ValueError`` when the networks differ in
    organisations (naming them) or directedness. ``statistic`` as in :func:`cug_test`: a
    name of :func:`statistic_names`, or a function of a Network (called in Python on each
    permuted pair, on networks with one layer ``ties``). Permutation k uses the random
    stream (``seed``, k): the result depends on ``seed`` only, not on ``threads``.

    Examples
    --------
    >>> import ketennet as kn
    >>> def period(ties):
    ...     net = kn.Network()
    ...     net.add_layer("case")
    ...     for o in "abcde": net.add_organisation(o)
    ...     for s, t in ties: net.add_relation(s, t, "case")
    ...     return net
    >>> before = period([("a", "b"), ("b", "c"), ("c", "d")])
    >>> after = period([("a", "b"), ("b", "a"), ("b", "c"), ("c", "b"), ("c", "d"), ("d", "c")])
    >>> r = kn.stats.permutation_test(after, before, "density", reps=500, seed=1)
    >>> r.statistic_a, r.statistic_b, round(r.statistic, 3)
    (0.3, 0.15, 0.15)
    """
    fn = "permutation_test"
    _network(fn, a, "a")
    _network(fn, b, "b")
    name = _check_statistic(statistic, fn)
    _check_reps_seed(reps, seed, fn)
    threads = thread_count(threads, fn)
    va = check_view(view_of(a, layers, weight, complete=True), a._core.revision, fn)
    vb = check_view(view_of(b, layers, weight, complete=True), b._core.revision, fn)
    if isinstance(statistic, str):
        r = _S.permutation_test(va, vb, statistic, int(reps), int(seed), threads,
                                progress_handler(progress, fn))
    else:
        aligned = _S.aligned(va, vb)
        draws = _Draws(va, weight)
        sa = _score(statistic, draws.network(_S.ties(va)), fn)
        sb = _score(statistic, draws.network(aligned), fn)
        for s, which in ((sa, "first"), (sb, "second")):
            if s != s:
                raise ValueError(f"{fn}: the statistic is undefined (NaN) on the {which} network")
        da, db = _S.permutation_draws(va, vb, int(reps), int(seed))
        handler = progress_handler(progress, fn)
        null = np.empty(int(reps))
        for k in range(int(reps)):
            null[k] = (_score(statistic, draws.network(da[k]), fn)
                       - _score(statistic, draws.network(db[k]), fn))
            if handler is not None and handler((k + 1) / reps) is False:
                raise RuntimeError(f"{fn}: cancelled")
        r = _S.permutation_result(sa, sb, null)
    return PermutationResult(float(r["statistic"]), float(r["statistic_a"]),
                             float(r["statistic_b"]), float(r["p_greater"]), float(r["p_less"]),
                             float(r["p_abs"]), float(r["p_value"]), np.asarray(r["null"]),
                             name, int(reps), int(seed))


def bootstrap(net, statistic: Statistic, *, layers: Layers = None, weight: Optional[str] = None,
              reps: int = core_default(_S.bootstrap, "reps"),
              seed: int = core_default(_S.bootstrap, "seed"),
              level: float = core_default(_S.bootstrap, "level"),
              null_value: float = core_default(_S.bootstrap, "null_value"),
              threads: int = 0, progress: Progress = None) -> BootstrapResult:
    """Vertex bootstrap of a network statistic: standard error, confidence interval and a
    test of ``null_value`` (Snijders & Borgatti 1999).

    Each bootstrap sample draws n organisations with replacement, s_1 .. s_n, and copies
    the ties among them: the sample's tie k -> h is the network's tie s_k -> s_h (with its
    value), a self-loop k -> k the loop s_k -> s_k. Where one organisation was drawn twice
    (s_k = s_h, k != h) the network has no tie to copy; as Snijders & Borgatti prescribe,
    the tie is then copied from a uniformly random pair of distinct organisations of the
    network (a tie or not; in an undirected network one pair for both directions). The
    statistic t* of each of the ``reps`` samples is in ``null`` (in draw order).

    * ``standard_error``: the standard deviation of the t* (divisor reps - 1);
    * ``ci``: the percentile interval, the (1 - level)/2 and (1 + level)/2 quantiles of the
      t* (linear interpolation, numpy's default ``quantile``);
    * ``p_value``: the bootstrap test of Hall & Wilson (1991) of H0: the statistic equals
      ``null_value``. The centred draws t* - t stand for the distribution of
      t - ``null_value`` under H0: ``p_value`` = share of \\|t* - t\\| >= \\|t - null_value\\|
      (two-sided); one-sided, ``p_greater`` = share of t* - t >= t - null_value (small
      when t lies significantly above ``null_value``) and ``p_less`` = share of
      t* - t <= t - null_value (small when it lies significantly below).

    Draws whose statistic is undefined (NaN) are left out of all of them. Sample k uses the
    random stream (``seed``, k): the result depends on ``seed`` only, not on ``threads``.
    ``statistic`` as in :func:`cug_test`. ``ValueError`` for fewer than two organisations,
    ``level`` outside (0, 1), an unknown statistic or one undefined on the network.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> r = kn.stats.bootstrap(net, "density", layers="case", reps=500, seed=1)
    >>> r.ci[0] < r.statistic < r.ci[1], r.p_value < 0.05
    (True, True)
    """
    fn = "bootstrap"
    _network(fn, net)
    name = _check_statistic(statistic, fn)
    _check_reps_seed(reps, seed, fn)
    if isinstance(level, bool) or not isinstance(level, (int, float, np.floating)) \
            or not 0 < level < 1:
        raise ValueError(f"{fn}: level must lie strictly between 0 and 1, not {level!r}")
    if isinstance(null_value, bool) or not isinstance(null_value, (int, float, np.number)) \
            or not np.isfinite(null_value):
        raise ValueError(f"{fn}: null_value must be a finite number, not {null_value!r}")
    threads = thread_count(threads, fn)
    view = check_view(view_of(net, layers, weight, complete=True), net._core.revision, fn)
    if isinstance(statistic, str):
        r = _S.bootstrap(view, statistic, int(reps), int(seed), float(level), float(null_value),
                         threads, progress_handler(progress, fn))
    else:
        if view.n < 2:
            raise ValueError(f"bootstrap needs at least two organisations, there are {view.n}")
        draws = _Draws(view, weight)
        observed = _score(statistic, draws.network(_S.ties(view)), fn)
        if observed != observed:
            raise ValueError(f"{fn}: the statistic is undefined (NaN) on the observed network")
        null = _score_draws(statistic, draws, _S.bootstrap_draws(view, int(reps), int(seed)),
                            progress, fn)
        r = _S.bootstrap_result(observed, null, float(level), float(null_value))
    return BootstrapResult(float(r["statistic"]), float(r["standard_error"]),
                           (float(r["ci_lower"]), float(r["ci_upper"])), float(level),
                           float(r["null_value"]), float(r["p_greater"]), float(r["p_less"]),
                           float(r["p_value"]), np.asarray(r["null"]), name, int(reps),
                           int(seed))
