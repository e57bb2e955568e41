"""Multiple regression on relations (MRQAP): R's sna::netlm and sna::netlogit, computed by
the C++ core (include/ketennet/stats/mrqap.hpp)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from .. import _core
from .._util import (Progress, check_choice, check_missing, check_network, core_default,
                     progress_handler, result_html, thread_count, view_of)

Relation = Union[str, pd.DataFrame]
METHODS = ("qap", "qapspp", "qapy", "qapx")
INTERCEPT = "(intercept)"


@dataclass(frozen=True)
class NetlmResult:
    """Result of :func:`netlm`: the coefficient table (``coefficients``: estimate, statistic,
    p_greater, p_less, p_abs by term), the observed statistic and two-sided p-value by term
    (``statistic``, ``p_value``), the statistic of every draw (``null``, reps x terms, in draw
    order), the fit (``r_squared``, ``adj_r_squared``, ``residual_se``), the cells used
    (``n``) and what was tested (``test_statistic``, ``method``, ``reps``, ``seed``)."""

    _repr_html_ = result_html

    coefficients: pd.DataFrame
    statistic: pd.Series
    p_value: pd.Series
    null: pd.DataFrame
    r_squared: float
    adj_r_squared: float
    residual_se: float
    n: int
    directed: bool
    response: str
    test_statistic: str
    method: str
    reps: int
    seed: int

    def __repr__(self) -> str:
        return _describe(self, f"R-squared {self.r_squared:.4f} (adjusted "
                               f"{self.adj_r_squared:.4f})")


@dataclass(frozen=True)
class NetlogitResult:
    """Result of :func:`netlogit`: as :class:`NetlmResult`, with the fit's ``deviance``,
    ``null_deviance`` (against a probability of 1/2 in every cell, as sna), ``aic``, ``bic``,
    and the iterations of the observed fit (``iterations``, ``converged``)."""

    _repr_html_ = result_html

    coefficients: pd.DataFrame
    statistic: pd.Series
    p_value: pd.Series
    null: pd.DataFrame
    deviance: float
    null_deviance: float
    aic: float
    bic: float
    iterations: int
    converged: bool
    n: int
    directed: bool
    response: str
    test_statistic: str
    method: str
    reps: int
    seed: int

    def __repr__(self) -> str:
        return _describe(self, f"deviance {self.deviance:.4f} (null {self.null_deviance:.4f}), "
                               f"AIC {self.aic:.4f}, BIC {self.bic:.4f}")


def _describe(r, fit: str) -> str:
    terms = [t for t in r.coefficients.index if t != INTERCEPT]
    table = r.coefficients.to_string(float_format=lambda x: f"{x:.4g}")
    return (f"{type(r).__name__}: {r.response} ~ {' + '.join(terms) or '1'} "
            f"({r.n:,} cells, {'directed' if r.directed else 'undirected'}), {fit}\n{table}\n"
            f"{r.method} test of the {r.test_statistic}, {r.reps:,} reps, seed {r.seed}")


# ------------------------------------------------------------------ the relations


def _attribute(net, attribute: str, fn: str) -> pd.Series:
    check_network(net)
    if not isinstance(attribute, str):
        raise TypeError(f"{fn}: attribute must be a name (str), not {type(attribute).__name__}")
    table = net.organisations
    if attribute == "id" or attribute not in table.columns:
        known = [c for c in table.columns if c != "id"]
        raise KeyError(f"{fn}: unknown organisation attribute {attribute!r} "
                       f"(attributes: {', '.join(known)})")
    values = pd.Series(table[attribute].to_numpy(), index=pd.Index(table["id"].to_numpy(dtype=object),
                                                                  name="organisation"))
    missing = [i for i, v in values.items() if v is None or (isinstance(v, float) and np.isnan(v))
               or (attribute == "sector" and v == "")]
    if missing:
        more = f", ... ({len(missing)} in all)" if len(missing) > 5 else ""
        raise ValueError(f"{fn}: {len(missing)} organisations lack the attribute {attribute!r}: "
                         f"{', '.join(map(repr, missing[:5]))}{more}")
    return values


def _square(values: np.ndarray, index: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(values, index=index.copy(), columns=index.copy())


def same(net, attribute: str) -> pd.DataFrame:
    """The relation "same attribute value": 1 where two organisations have the same value of
    ``attribute``, 0 otherwise (the homophily term of a regression on relations).

    ``attribute`` is ``"sector"``, ``"name"`` or an organisation attribute. A square
    DataFrame indexed (rows and columns) by organisation id in the network's order, float
    1.0/0.0, 1 on the diagonal (which :func:`netlm` and :func:`netlogit` never read).
    ``KeyError`` for an unknown attribute, ``ValueError`` naming the organisations that lack it.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> for org, sector in [("politie", "police"), ("kmar", "police"), ("om", "prosecution")]:
    ...     net.add_organisation(org, sector=sector)
    >>> kn.stats.same(net, "sector")
    organisation  politie  kmar   om
    organisation
    politie           1.0   1.0  0.0
    kmar              1.0   1.0  0.0
    om                0.0   0.0  1.0
    """
    values = _attribute(net, attribute, "same")
    v = values.to_numpy(dtype=object)
    return _square((v[:, None] == v[None, :]).astype(float), values.index)


def difference(net, attribute: str, *, absolute: bool = False) -> pd.DataFrame:
    """The relation "difference in a numeric attribute": ``value(row) - value(column)``, the
    sender's value minus the receiver's, or ``|value(row) - value(column)|`` with
    ``absolute=True`` (how far apart two organisations are, whichever way).

    The signed difference is antisymmetric: a regression with it is directed (an undirected
    model needs ``absolute=True``). UCINET's and sna users' "absolute difference" is
    ``absolute=True``. A square DataFrame indexed (rows and columns) by organisation id in the
    network's order, 0 on the diagonal. ``KeyError`` for an unknown attribute, ``ValueError``
    naming organisations that lack it, ``TypeError`` for a value that is not a number.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> for org, size in [("politie", 60000), ("om", 5000), ("rechtbank", 2500)]:
    ...     net.add_organisation(org, fte=size)
    >>> kn.stats.difference(net, "fte")
    organisation  politie       om  rechtbank
    organisation
    politie           0.0  55000.0    57500.0
    om           -55000.0      0.0     2500.0
    rechtbank    -57500.0  -2500.0        0.0
    >>> float(kn.stats.difference(net, "fte", absolute=True).loc["om", "politie"])
    55000.0
    """
    values = _attribute(net, attribute, "difference")
    bad = [(i, v) for i, v in values.items()
           if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating))]
    if bad:
        i, v = bad[0]
        raise TypeError(f"difference: attribute {attribute!r} of {i!r} is {v!r} "
                        f"({type(v).__name__}); a difference needs numbers")
    v = values.to_numpy(dtype=float)
    d = v[:, None] - v[None, :]
    return _square(np.abs(d) if absolute else d, values.index)


# ------------------------------------------------------------------ the regression


def relation(net, *, layers: Union[None, str, Sequence[str]] = None,
             weight: Optional[str] = None) -> pd.DataFrame:
    """A relation as a square matrix: the adjacency matrix of ``net``'s view of ``layers``,
    a term of :func:`netlm` and :func:`netlogit`.

    Cell (i, j) holds the tie from organisation i to organisation j: 1.0 for a tie and 0.0
    for none, or with ``weight=`` the tie's value of that relation field (volume, say; summed
    over the chosen layers as the view combines them). An undirected view gives a symmetric
    matrix. A square DataFrame indexed (rows and columns) by organisation id in the network's
    order; the diagonal holds self-loops (which :func:`netlm` and :func:`netlogit` never read).
    Passing a layer name as ``y`` or a term is the same as ``relation(net, layers=name,
    weight=weight)``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for org in ("politie", "om", "rechtbank"):
    ...     net.add_organisation(org)
    >>> net.add_relation("politie", "om", "case", volume=120.0)
    >>> net.add_relation("om", "rechtbank", "case", volume=45.0)
    >>> kn.stats.relation(net, layers="case", weight="volume")
    organisation  politie     om  rechtbank
    organisation
    politie           0.0  120.0        0.0
    om                0.0    0.0       45.0
    rechtbank         0.0    0.0        0.0
    """
    check_network(net)
    view = view_of(net, layers, weight)
    src, tgt, w = (np.asarray(a) for a in view.edges())
    n = len(view.ids)
    a = np.zeros((n, n))
    np.add.at(a, (src, tgt), w)
    if not view.directed:
        loops = src == tgt
        np.add.at(a, (tgt[~loops], src[~loops]), w[~loops])
    return _square(a, pd.Index(np.asarray(view.ids, dtype=object), name="organisation"))


def _relation(obj, net, weight, what: str, fn: str) -> pd.DataFrame:
    """A term as a square float DataFrame (rows and columns in the same order)."""
    if isinstance(obj, str):
        if net is None:
            raise TypeError(f"{fn}: {what} is the layer name {obj!r}; pass the network as net=")
        check_network(net)
        if not net.has_layer(obj):
            raise KeyError(f"{fn}: {what}: unknown layer {obj!r} (layers: {', '.join(net.layers)})")
        check_missing(net, obj, fn, complete=True)
        return relation(net, layers=obj, weight=weight)
    if not isinstance(obj, pd.DataFrame):
        raise TypeError(f"{fn}: {what} must be a layer name or a square DataFrame indexed by "
                        f"organisation id (rows and columns), not {type(obj).__name__}")
    if obj.shape[0] != obj.shape[1]:
        raise ValueError(f"{fn}: {what} is not square: {obj.shape[0]} rows, {obj.shape[1]} columns")
    for axis, labels in (("rows", obj.index), ("columns", obj.columns)):
        if labels.has_duplicates:
            raise ValueError(f"{fn}: {what} repeats the organisation "
                             f"{labels[labels.duplicated()][0]!r} in its {axis}")
    if set(obj.index) != set(obj.columns):
        only = sorted(map(str, set(obj.index) ^ set(obj.columns)))[:5]
        raise ValueError(f"{fn}: {what} has other organisations in its rows than in its "
                         f"columns: {', '.join(map(repr, only))}")
    df = obj.loc[:, list(obj.index)]
    if not all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
               for t in df.dtypes):
        col = next(c for c, t in df.dtypes.items()
                   if not pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t))
        raise TypeError(f"{fn}: {what} has non-numeric values (column {col!r}: "
                        f"{df[col].dtype}); use numbers (1.0/0.0 for ties)")
    return _square(df.to_numpy(dtype=float), pd.Index(list(obj.index), dtype=object, name="organisation"))


def _check_cells(m: np.ndarray, ids, what: str, fn: str, undirected: bool) -> None:
    off = ~np.eye(len(ids), dtype=bool)
    bad = off & ~np.isfinite(m)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(f"{fn}: {what} has {m[i, j]} at ({ids[i]!r}, {ids[j]!r}); every cell off "
                         f"the diagonal must be a finite number")
    if undirected:
        asym = off & (m != m.T)
        if asym.any():
            i, j = np.argwhere(asym)[0]
            raise ValueError(f"{fn}: directed=False but {what} is not symmetric: "
                             f"({ids[i]!r}, {ids[j]!r}) is {m[i, j]}, ({ids[j]!r}, {ids[i]!r}) is "
                             f"{m[j, i]}")


def _terms(xs, fn: str):
    """[(name, relation)] of ``xs``: a list (layer names name their term, others x1, x2, ...),
    a dict name -> relation, or one relation."""
    if isinstance(xs, (str, pd.DataFrame)):
        xs = [xs]
    if isinstance(xs, Mapping):
        items = list(xs.items())
        for name, _ in items:
            if not isinstance(name, str):
                raise TypeError(f"{fn}: the names of xs must be strings, not {type(name).__name__}")
    elif isinstance(xs, Sequence):
        items = [(x if isinstance(x, str) else f"x{k + 1}", x) for k, x in enumerate(xs)]
    else:
        raise TypeError(f"{fn}: xs must be a list or a dict of relations (layer names or square "
                        f"DataFrames), not {type(xs).__name__}")
    names = [n for n, _ in items]
    for name in names:
        if name == INTERCEPT:
            raise ValueError(f"{fn}: {INTERCEPT!r} names the intercept; give the term another name")
        if names.count(name) > 1:
            raise ValueError(f"{fn}: the term {name!r} is given twice")
    return items


def _fit(fn: str, y, xs, net, method, intercept, directed, test_statistic, statistics, weight,
         reps, seed, threads, progress):
    check_choice(method, f"{fn}: method", METHODS)
    check_choice(test_statistic, f"{fn}: test_statistic", statistics)
    if not isinstance(reps, (int, np.integer)) or isinstance(reps, bool) or reps < 1:
        raise ValueError(f"{fn}: reps must be a positive integer, not {reps!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"{fn}: seed must be a non-negative integer, not {seed!r}")
    if directed is not None and not isinstance(directed, (bool, np.bool_)):
        raise TypeError(f"{fn}: directed must be True, False or None, not {type(directed).__name__}")
    threads = thread_count(threads, fn)
    ym = _relation(y, net, weight, "y", fn)
    ids = ym.index
    terms = _terms(xs, fn)
    mats = []
    for name, x in terms:
        xm = _relation(x, net, weight, f"x {name!r}", fn)
        if not xm.index.equals(ids):
            missing = [i for i in ids if i not in set(xm.index)]
            extra = [i for i in xm.index if i not in set(ids)]
            if missing or extra:
                parts = ([f"lacks {', '.join(map(repr, missing[:5]))}"] if missing else []) + \
                        ([f"has {', '.join(map(repr, extra[:5]))} that y lacks"] if extra else [])
                raise ValueError(f"{fn}: x {name!r} and y differ in organisations: x {name!r} "
                                 f"{' and '.join(parts)}")
            xm = xm.loc[ids, ids]
        mats.append((name, xm.to_numpy()))
    y_arr = ym.to_numpy()
    off = ~np.eye(len(ids), dtype=bool)
    if directed is None:
        directed = not all(np.array_equal(m[off], m.T[off]) for m in [y_arr] + [m for _, m in mats])
    idl = list(ids)
    _check_cells(y_arr, idl, "y", fn, not directed)
    if fn == "netlogit":
        bad = off & (y_arr != 0) & (y_arr != 1)
        if bad.any():
            i, j = np.argwhere(bad)[0]
            raise ValueError(f"netlogit: y has the value {y_arr[i, j]} at ({idl[i]!r}, {idl[j]!r}); "
                             f"a logistic regression needs 0 (no tie) or 1 (a tie) in every cell")
    for name, m in mats:
        _check_cells(m, idl, f"x {name!r}", fn, not directed)
    core = getattr(_core.stats, fn)
    r = core(y_arr, [m for _, m in mats], bool(directed), [n for n, _ in terms], method,
             test_statistic, bool(intercept), int(reps), int(seed), threads,
             progress_handler(progress, fn))
    index = pd.Index(r["terms"], dtype=object, name="term")
    coefficients = pd.DataFrame({"estimate": r["coefficients"], "statistic": r["statistic"],
                                 "p_greater": r["p_greater"], "p_less": r["p_less"],
                                 "p_abs": r["p_abs"]}, index=index)
    common = dict(coefficients=coefficients,
                  statistic=pd.Series(r["statistic"], index=index.copy(), name=test_statistic),
                  p_value=pd.Series(r["p_abs"], index=index.copy(), name="p_abs"),
                  null=pd.DataFrame(r["null"], columns=index.copy()),
                  n=int(r["cells"]), directed=bool(directed),
                  response=y if isinstance(y, str) else "y", test_statistic=test_statistic,
                  method=r["method"], reps=int(reps), seed=int(seed))
    return r, common


def netlm(y: Relation, xs, net=None,
          method: str = core_default(_core.stats.netlm, "method"), *,
          intercept: bool = core_default(_core.stats.netlm, "intercept"),
          directed: Optional[bool] = None,
          test_statistic: str = core_default(_core.stats.netlm, "test_statistic"),
          weight: Optional[str] = None,
          reps: int = core_default(_core.stats.netlm, "reps"),
          seed: int = core_default(_core.stats.netlm, "seed"),
          threads: int = 0, progress: Progress = None) -> NetlmResult:
    """Linear regression of one relation on others, with QAP tests of every coefficient
    (MRQAP; R's ``sna::netlm``).

    Do organisations that share cases also exchange information, once the sector they are in
    is taken into account? Each cell (pair of organisations) is one observation: the tie or
    quantity of ``y`` from one organisation to the other is regressed on the same cell of each
    relation in ``xs``, and the coefficients are tested against relabellings of the
    organisations, which keep every relation's structure (Krackhardt 1988).

    ``y`` and each relation in ``xs`` are a layer name of ``net`` (its adjacency matrix: 1 for
    a tie, 0 for none; with ``weight=`` the field's value, summed over parallel relations) or
    a square DataFrame indexed (rows and columns) by organisation id, such as :func:`same` and
    :func:`difference` build. ``xs`` is a list (a layer name names its term, the others are
    x1, x2, ... by position) or a dict ``{name: relation}``. All are aligned on ``y``'s
    organisations. The diagonal is never read.

    The model over the cells (every ordered pair i != j when ``directed``, else every pair
    once), with ``X = [1, x_1, ..., x_k]``:

    .. math:: y_{ij} = b_0 + \\sum_k b_k x_{k,ij} + e_{ij}, \\qquad
              \\hat b = (X'X)^{-1} X'y, \\qquad
              t_k = \\hat b_k / \\sqrt{s^2 [(X'X)^{-1}]_{kk}}, \\quad s^2 = \\frac{RSS}{n - p}

    The null distribution of each term's t-value (or estimate, ``test_statistic="beta"``)
    comes from ``reps`` random relabellings (``method``): ``"qapy"`` permutes ``y``;
    ``"qapx"`` permutes the term's relation; ``"qapspp"`` (double semi-partialling, Dekker,
    Krackhardt & Snijders 2007) permutes the residual of the term's relation regressed on the
    other terms, robust to correlated predictors; ``"qap"`` (the default, as sna) is qapspp,
    or qapy for a model of one column. ``p_greater``, ``p_less`` and ``p_abs`` are the shares of
    draws at least, at most, and at least as large in absolute value as the observed statistic
    (sna's pgreq, pleeq and pgreqabs); ``p_value`` is ``p_abs``, the two-sided p-value.
    Coefficients and test statistics are sna's (``netlm(y, x, mode=..., diag=FALSE)``); the
    draws come from ketennet's generator seeded by (``seed``, k) for draw k (one relabelling
    for every term), so results depend on the seed only, not on ``threads``, and agree with
    sna's within Monte Carlo error. R-squared as sna's summary: ``mss / (mss + rss)``.

    ``directed=None`` treats the model as undirected (each pair once) when ``y`` and every
    relation of ``xs`` are symmetric, else as directed; ``directed=False`` with an asymmetric
    relation is a ``ValueError``. ``intercept=False`` leaves out the constant term.

    Errors: ``TypeError`` for a relation that is neither a layer name nor a DataFrame (or a
    layer name without ``net``), ``KeyError`` for an unknown layer, ``ValueError`` for a
    relation that is not square, has other organisations than ``y``, holds NaN or infinity
    off the diagonal, a ``y`` that is constant, predictors that repeat each other (naming the
    term), fewer than three organisations, or a bad ``method``, ``reps`` or ``seed``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> r = kn.stats.netlm("information", {"case": "case",
    ...                    "same_sector": kn.stats.same(net, "sector")}, net, reps=500, seed=1)
    >>> r.coefficients.index.tolist()
    ['(intercept)', 'case', 'same_sector']
    >>> bool(r.p_value["case"] < 0.05), r.method, r.n
    (True, 'qapspp', 420)
    """
    r, common = _fit("netlm", y, xs, net, method, intercept, directed, test_statistic,
                     ("t-value", "beta"), weight, reps, seed, threads, progress)
    return NetlmResult(r_squared=float(r["r_squared"]), adj_r_squared=float(r["adj_r_squared"]),
                       residual_se=float(r["residual_se"]), **common)


def netlogit(y: Relation, xs, net=None,
             method: str = core_default(_core.stats.netlogit, "method"), *,
             intercept: bool = core_default(_core.stats.netlogit, "intercept"),
             directed: Optional[bool] = None,
             test_statistic: str = core_default(_core.stats.netlogit, "test_statistic"),
             weight: Optional[str] = None,
             reps: int = core_default(_core.stats.netlogit, "reps"),
             seed: int = core_default(_core.stats.netlogit, "seed"),
             threads: int = 0, progress: Progress = None) -> NetlogitResult:
    """Logistic regression of a 0/1 relation on others, with QAP tests of every coefficient
    (MRQAP; R's ``sna::netlogit``).

    As :func:`netlm` (the relations, the cells, the four null hypotheses, the p-values), for
    a ``y`` of ties (1) and no ties (0): the probability of a tie in cell ij is

    .. math:: P(y_{ij} = 1) = \\frac{1}{1 + e^{-\\eta_{ij}}}, \\qquad
              \\eta_{ij} = b_0 + \\sum_k b_k x_{k,ij}, \\qquad z_k = \\hat b_k / se(\\hat b_k)

    fitted by maximum likelihood as R's ``glm.fit(family = binomial())``: iteratively
    reweighted least squares from :math:`\\mu = (y + 1/2)/2`, stopping when the deviance
    changes by less than 1e-8 relative (:math:`|D - D_{old}| / (|D| + 0.1)`) or after 25
    iterations (``glm.control``'s defaults; ``converged`` says which), with R's clamping of
    the link at :math:`|\\eta| > 30`. The standard errors are those of the last iteration's
    weighted least squares, as sna. The test statistic is the z-value (or the estimate,
    ``test_statistic="beta"``). qapspp residualises a term's relation by least squares, as
    sna. Deviance :math:`D = -2 \\sum [y \\log \\mu + (1 - y) \\log(1 - \\mu)]`; the null
    deviance is sna's, against a probability of 1/2 in every cell (:math:`2 n \\log 2`: sna
    fits without glm's own intercept); AIC = D + 2p, BIC = D + p log n (p terms, n cells).

    ``ValueError`` as :func:`netlm`, and for a ``y`` value other than 0 and 1 off the diagonal.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> r = kn.stats.netlogit("information", {"case": "case",
    ...                       "same_sector": kn.stats.same(net, "sector")}, net, reps=200, seed=1)
    >>> r.test_statistic, r.converged, bool(r.coefficients.loc["case", "estimate"] > 0)
    ('z-value', True, True)
    """
    r, common = _fit("netlogit", y, xs, net, method, intercept, directed, test_statistic,
                     ("z-value", "beta"), weight, reps, seed, threads, progress)
    return NetlogitResult(deviance=float(r["deviance"]), null_deviance=float(r["null_deviance"]),
                          aic=float(r["aic"]), bic=float(r["bic"]),
                          iterations=int(r["iterations"]), converged=bool(r["converged"]),
                          **common)
