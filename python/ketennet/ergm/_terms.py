"""The terms of an ERGM: objects naming a statistic and what it reads, the formula parser,
and the resolution of a term's attribute or covariate against a network."""
from __future__ import annotations

import ast
import math
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

__all__ = ["Term", "edges", "mutual", "triangle", "kstar", "istar", "ostar", "gwesp", "gwdsp",
           "gwdegree", "gwidegree", "gwodegree", "nodematch", "nodemix", "nodefactor",
           "nodecov", "nodeicov", "nodeocov", "absdiff", "edgecov", "isolates",
           "parse_formula", "as_terms"]


def _r_number(x: float) -> str:
    """A number as R pastes it into a term name: 0.5, 1, 0.25 (15 significant digits)."""
    return f"{float(x):.15g}"


class Term:
    """One ERGM term: a statistic (or several) of the network with statnet's name.

    Made by the term functions of :mod:`ketennet.ergm` (``kn.ergm.gwesp(0.5)``) or parsed
    from a formula string; ``repr`` gives the formula spelling.
    """

    __slots__ = ("kind", "args", "kwargs")

    def __init__(self, kind: str, args: tuple = (), kwargs: Optional[Dict[str, Any]] = None):
        self.kind = kind
        self.args = tuple(args)
        self.kwargs = dict(kwargs or {})

    def __repr__(self) -> str:
        parts = [repr(a) if not isinstance(a, (np.ndarray, pd.DataFrame)) else "<matrix>"
                 for a in self.args]
        parts += [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return self.kind + (f"({', '.join(parts)})" if parts else "")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and repr(self) == repr(other)

    def __hash__(self) -> int:
        return hash(repr(self))

    def __add__(self, other: Any) -> List["Term"]:
        return as_terms(self) + as_terms(other)

    def __radd__(self, other: Any) -> List["Term"]:
        return as_terms(other) + as_terms(self)


def _whole(k: Any, term: str) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"{term}: k must be a whole number >= 1, not {k!r}")
    return int(k)


def _decay(decay: Any, fixed: Any, term: str) -> float:
    if isinstance(decay, bool) or not isinstance(decay, (int, float, np.integer, np.floating)):
        raise TypeError(f"{term}: decay must be a number, not {type(decay).__name__}")
    if not math.isfinite(decay) or decay < 0:
        raise ValueError(f"{term}: decay must be finite and >= 0, not {decay!r}")
    if fixed is not True:
        raise ValueError(f"{term}: only fixed=True is supported (the curved form, fixed=False, "
                         "estimates the decay and is not available)")
    return float(decay)


def _attr(attr: Any, term: str) -> str:
    if not isinstance(attr, str) or not attr:
        raise TypeError(f"{term}: attr must be an attribute name (str), not {attr!r}")
    return attr


def edges() -> Term:
    """Number of ties, :math:`\\sum_{ij} y_{ij}` (statnet ``edges``): the ERGM's intercept.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.edges()
    edges
    """
    return Term("edges")


def mutual() -> Term:
    """Directed layers: pairs tied both ways, :math:`\\sum_{i<j} y_{ij} y_{ji}` (statnet
    ``mutual``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.mutual()
    mutual
    """
    return Term("mutual")


def triangle() -> Term:
    """Triangles (statnet ``triangle``): undirected, sets of ties {ij, jk, ki}; directed,
    transitive triples (i→j, j→k, i→k) plus cyclic triples (i→j, j→k, k→i).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.triangle()
    triangle
    """
    return Term("triangle")


def kstar(k: int) -> Term:
    """Undirected layers: k-stars, :math:`\\sum_v \\binom{d_v}{k}` (statnet ``kstar``; name
    ``kstar<k>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.kstar(2)
    kstar(2)
    """
    return Term("kstar", (_whole(k, "kstar"),))


def istar(k: int) -> Term:
    """Directed layers: in-k-stars, :math:`\\sum_v \\binom{d^{in}_v}{k}` (statnet ``istar``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.istar(2)
    istar(2)
    """
    return Term("istar", (_whole(k, "istar"),))


def ostar(k: int) -> Term:
    """Directed layers: out-k-stars, :math:`\\sum_v \\binom{d^{out}_v}{k}` (statnet ``ostar``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.ostar(2)
    ostar(2)
    """
    return Term("ostar", (_whole(k, "ostar"),))


def gwesp(decay: float, fixed: bool = True) -> Term:
    """Geometrically weighted edgewise shared partners (Hunter 2007; statnet ``gwesp``; name
    ``gwesp.fixed.<decay>``; on a directed layer the shared partners lie on outgoing two-paths
    i→k→j, statnet's default type OTP, named ``gwesp.OTP.fixed.<decay>``):

    .. math:: e^{\\alpha} \\sum_{k \\ge 1} \\left(1 - (1 - e^{-\\alpha})^k\\right) EP_k

    where :math:`EP_k` is the number of ties whose two ends have exactly k shared partners
    (directed: k two-paths i→h→j, statnet's default type ``"OTP"``) and α the decay. Triadic
    closure with diminishing returns; ``decay=0`` counts ties with at least one shared partner.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.gwesp(0.5)
    gwesp(0.5, fixed=True)
    """
    return Term("gwesp", (_decay(decay, fixed, "gwesp"),), {"fixed": True})


def gwdsp(decay: float, fixed: bool = True) -> Term:
    """Geometrically weighted dyadwise shared partners (Hunter 2007; statnet ``gwdsp``): as
    :func:`gwesp` over every pair (tied or not; directed: ordered pairs, two-paths i→h→j,
    named ``gwdsp.OTP.fixed.<decay>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.gwdsp(0.5)
    gwdsp(0.5, fixed=True)
    """
    return Term("gwdsp", (_decay(decay, fixed, "gwdsp"),), {"fixed": True})


def gwdegree(decay: float, fixed: bool = True) -> Term:
    """Undirected layers: geometrically weighted degree (Hunter 2007; statnet ``gwdegree``;
    name ``gwdeg.fixed.<decay>``), :math:`e^{\\alpha} \\sum_k (1 - (1 - e^{-\\alpha})^k) D_k`,
    :math:`D_k` the number of organisations with degree k.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.gwdegree(0.5)
    gwdegree(0.5, fixed=True)
    """
    return Term("gwdegree", (_decay(decay, fixed, "gwdegree"),), {"fixed": True})


def gwidegree(decay: float, fixed: bool = True) -> Term:
    """Directed layers: :func:`gwdegree` of the in-degrees (statnet ``gwidegree``; name
    ``gwideg.fixed.<decay>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.gwidegree(0.5)
    gwidegree(0.5, fixed=True)
    """
    return Term("gwidegree", (_decay(decay, fixed, "gwidegree"),), {"fixed": True})


def gwodegree(decay: float, fixed: bool = True) -> Term:
    """Directed layers: :func:`gwdegree` of the out-degrees (statnet ``gwodegree``; name
    ``gwodeg.fixed.<decay>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.gwodegree(0.5)
    gwodegree(0.5, fixed=True)
    """
    return Term("gwodegree", (_decay(decay, fixed, "gwodegree"),), {"fixed": True})


def nodematch(attr: str, diff: bool = False) -> Term:
    """Homophily: ties between organisations with the same value of ``attr`` (statnet
    ``nodematch``; name ``nodematch.<attr>``); ``diff=True``: one statistic per value,
    ``nodematch.<attr>.<value>``, values in sorted order.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodematch("sector")
    nodematch('sector')
    """
    if not isinstance(diff, (bool, np.bool_)):
        raise TypeError(f"nodematch: diff must be True or False, not {diff!r}")
    return Term("nodematch", (_attr(attr, "nodematch"),), {"diff": True} if diff else {})


def nodemix(attr: str) -> Term:
    """Mixing: ties per pair of values of ``attr`` (statnet ``nodemix``; names
    ``mix.<attr>.<a>.<b>``, a the value of the sender (undirected: a <= b), cells by column
    of the mixing matrix with values sorted; the first cell is the base and is left out).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodemix("sector")
    nodemix('sector')
    """
    return Term("nodemix", (_attr(attr, "nodemix"),))


def nodefactor(attr: str) -> Term:
    """Activity by category: the ends of ties at organisations with each value of ``attr``
    (statnet ``nodefactor``; names ``nodefactor.<attr>.<value>``, the first value in sorted
    order left out as the base).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodefactor("sector")
    nodefactor('sector')
    """
    return Term("nodefactor", (_attr(attr, "nodefactor"),))


def nodecov(attr: str) -> Term:
    """Main effect of a numeric attribute: :math:`\\sum_{ij} y_{ij} (x_i + x_j)` (statnet
    ``nodecov``; name ``nodecov.<attr>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodecov("size")
    nodecov('size')
    """
    return Term("nodecov", (_attr(attr, "nodecov"),))


def nodeicov(attr: str) -> Term:
    """Directed layers: receiver effect, :math:`\\sum_{ij} y_{ij} x_j` (statnet ``nodeicov``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodeicov("size")
    nodeicov('size')
    """
    return Term("nodeicov", (_attr(attr, "nodeicov"),))


def nodeocov(attr: str) -> Term:
    """Directed layers: sender effect, :math:`\\sum_{ij} y_{ij} x_i` (statnet ``nodeocov``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.nodeocov("size")
    nodeocov('size')
    """
    return Term("nodeocov", (_attr(attr, "nodeocov"),))


def absdiff(attr: str) -> Term:
    """Heterophily of a numeric attribute: :math:`\\sum_{ij} y_{ij} |x_i - x_j|` (statnet
    ``absdiff``; name ``absdiff.<attr>``).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.absdiff("size")
    absdiff('size')
    """
    return Term("absdiff", (_attr(attr, "absdiff"),))


def edgecov(x: Union[str, np.ndarray, pd.DataFrame], *, weight: Optional[str] = None,
            name: Optional[str] = None) -> Term:
    """A dyadic covariate: :math:`\\sum_{ij} y_{ij} w_{ij}` (statnet ``edgecov``; name
    ``edgecov.<layer>``).

    ``x`` is another layer of the network (w = 1 for a tie, or its ``weight`` field; an
    undirected layer counts both ways) or an n x n matrix in the network's organisation
    order (a NumPy array, or a DataFrame indexed and labelled by organisation id). An
    undirected model reads the cell (i, j) with i before j in the organisation order, as
    statnet reads the upper triangle. ``name`` names a matrix's statistic (default
    ``edgecov.matrix``). ``weight=`` is keyword-only, as everywhere in ketennet.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.edgecov("case")
    edgecov('case')
    """
    if isinstance(x, str):
        if weight is not None and not isinstance(weight, str):
            raise TypeError(f"edgecov: weight must be a field name (str), not {weight!r}")
        kwargs: Dict[str, Any] = {}
        if weight is not None:
            kwargs["weight"] = weight
        if name is not None:
            kwargs["name"] = str(name)
        return Term("edgecov", (x,), kwargs)
    if weight is not None:
        raise ValueError("edgecov: weight= applies to a layer, not to a matrix")
    if isinstance(x, pd.DataFrame):
        m = x
    elif hasattr(x, "tocoo"):  # a SciPy sparse matrix: its nonzero cells
        c = x.tocoo()
        if c.shape[0] != c.shape[1]:
            raise ValueError(f"edgecov: the matrix must be square (n x n), not {c.shape}")
        m = _Sparse(c.shape[0], np.asarray(c.row, dtype=np.int64), np.asarray(c.col, dtype=np.int64),
                    np.asarray(c.data, dtype=float))
    else:
        m = np.asarray(x, dtype=float)
        if m.ndim != 2 or m.shape[0] != m.shape[1]:
            raise ValueError(f"edgecov: the matrix must be square (n x n), not {m.shape}")
    return Term("edgecov", (m,), {"name": str(name) if name is not None else "matrix"})


class _Sparse:
    """The nonzero cells of a sparse covariate matrix (rows, cols, values)."""

    __slots__ = ("n", "rows", "cols", "values")

    def __init__(self, n: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray):
        self.n, self.rows, self.cols, self.values = n, rows, cols, values

    def __repr__(self) -> str:
        return "<sparse matrix>"


def isolates() -> Term:
    """Organisations without a tie (statnet ``isolates``; directed: neither in nor out).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.isolates()
    isolates
    """
    return Term("isolates")


_TERMS = {f.__name__: f for f in (edges, mutual, triangle, kstar, istar, ostar, gwesp, gwdsp,
                                  gwdegree, gwidegree, gwodegree, nodematch, nodemix, nodefactor,
                                  nodecov, nodeicov, nodeocov, absdiff, edgecov, isolates)}


def _literal(node: ast.AST, formula: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)) \
            and isinstance(node.operand, ast.Constant) \
            and isinstance(node.operand.value, (int, float)) \
            and not isinstance(node.operand.value, bool):
        v = node.operand.value
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.Name) and node.id in ("TRUE", "FALSE", "T", "F"):
        return node.id in ("TRUE", "T")
    raise ValueError(f"formula {formula!r}: term arguments must be numbers, strings, True or "
                     f"False, not {ast.unparse(node)!r}")


def _term_of(node: ast.AST, formula: str) -> Term:
    if isinstance(node, ast.Name):
        name, args, kwargs = node.id, [], {}
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        args = [_literal(a, formula) for a in node.args]
        kwargs = {k.arg: _literal(k.value, formula) for k in node.keywords if k.arg}
        if any(k.arg is None for k in node.keywords):
            raise ValueError(f"formula {formula!r}: ** is not allowed")
    else:
        raise ValueError(f"formula {formula!r}: {ast.unparse(node)!r} is not a term "
                         "(write terms joined by +, e.g. \"edges + nodematch('sector')\")")
    if name not in _TERMS:
        raise ValueError(f"formula {formula!r}: unknown term {name!r} (terms: "
                         f"{', '.join(_TERMS)})")
    try:
        return _TERMS[name](*args, **kwargs)
    except TypeError as e:
        if "argument" in str(e):
            raise TypeError(f"formula {formula!r}: {name}: {e}") from None
        raise


def parse_formula(formula: str) -> List[Term]:
    """The terms of a formula string such as ``"edges + mutual + gwesp(0.5, fixed=True) +
    nodematch('sector') + edgecov('case')"`` (statnet's right-hand side; an optional leading
    ``~`` or ``net ~`` is ignored). Parsed with Python's ``ast`` and read as data: nothing is
    evaluated.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.parse_formula("edges + gwesp(0.5, fixed=True) + nodematch('sector', diff=True)")
    [edges, gwesp(0.5, fixed=True), nodematch('sector', diff=True)]
    """
    if not isinstance(formula, str):
        raise TypeError(f"formula must be a str, not {type(formula).__name__}")
    text = formula.split("~", 1)[1] if "~" in formula else formula
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as e:
        raise ValueError(f"formula {formula!r}: not a sum of terms ({e.msg})") from None
    out: List[Term] = []

    def walk(node: ast.AST) -> None:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            walk(node.left)
            walk(node.right)
        else:
            out.append(_term_of(node, formula))

    walk(tree.body)
    return out


def as_terms(terms: Any) -> List[Term]:
    """A formula string, a term, or a sequence of terms (and formula strings) -> list of terms.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.ergm.as_terms([kn.ergm.edges(), "mutual"])
    [edges, mutual]
    """
    if isinstance(terms, str):
        return parse_formula(terms)
    if isinstance(terms, Term):
        return [terms]
    if callable(terms) and getattr(terms, "__name__", None) in _TERMS:
        return [terms()]  # kn.ergm.edges without the call
    if isinstance(terms, Sequence) or isinstance(terms, (list, tuple)):
        out: List[Term] = []
        for t in terms:
            out += as_terms(t)
        if not out:
            raise ValueError("the model has no terms")
        return out
    raise TypeError(f"terms must be a formula string, a term or a list of terms, not "
                    f"{type(terms).__name__}")


# ------------------------------------------------------------------ resolution

def _column(net, attr: str, ids: Sequence[str], term: str) -> list:
    orgs = net.organisations
    if attr not in orgs.columns or attr in ("id", "name"):
        cols = [c for c in orgs.columns if c not in ("id", "name")]
        raise KeyError(f"{term}: unknown organisation attribute {attr!r} (attributes: "
                       f"{', '.join(cols)})")
    values = dict(zip(orgs["id"], orgs[attr]))
    out = []
    for oid in ids:
        v = values.get(oid)
        if v is None or (isinstance(v, float) and math.isnan(v)) or (attr == "sector" and v == ""):
            raise ValueError(f"{term}: organisation {oid!r} has no value of {attr!r}")
        out.append(v)
    return out


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def _categories(values: list):
    """Codes and sorted level names (numbers sorted as numbers and named as R prints them)."""
    if all(_is_number(v) for v in values):
        levels = sorted(set(float(v) for v in values))
        names = [_r_number(v) for v in levels]
        index = {v: k for k, v in enumerate(levels)}
        codes = [index[float(v)] for v in values]
    else:
        keys = [str(v) for v in values]
        names = sorted(set(keys))
        index = {v: k for k, v in enumerate(names)}
        codes = [index[k] for k in keys]
    return np.asarray(codes, dtype=np.uint32), names


def resolve(term: Term, net, view, layer: str) -> Dict[str, Any]:
    """The dict the compiled core reads for ``term`` on the outcome ``view`` of ``net``."""
    ids = list(view.ids)
    kind = term.kind
    d: Dict[str, Any] = {"kind": kind}
    if kind in ("kstar", "istar", "ostar", "gwesp", "gwdsp", "gwdegree", "gwidegree",
                "gwodegree"):
        d["parameter"] = float(term.args[0])
    elif kind in ("nodematch", "nodemix", "nodefactor"):
        attr = term.args[0]
        codes, levels = _categories(_column(net, attr, ids, repr(term)))
        d.update(name=attr, codes=codes, levels=levels, diff=bool(term.kwargs.get("diff", False)))
    elif kind in ("nodecov", "nodeicov", "nodeocov", "absdiff"):
        attr = term.args[0]
        values = _column(net, attr, ids, repr(term))
        for oid, v in zip(ids, values):
            if not _is_number(v):
                raise TypeError(f"{term!r}: attribute {attr!r} must be numeric; organisation "
                                f"{oid!r} has {v!r}")
        d.update(name=attr, values=np.asarray(values, dtype=float))
    elif kind == "edgecov":
        d.update(_edgecov(term, net, view, layer, ids))
    return d


def _edgecov(term: Term, net, view, layer: str, ids: List[str]) -> Dict[str, Any]:
    x = term.args[0]
    n = len(ids)
    if isinstance(x, str):
        if not net.has_layer(x):
            raise KeyError(f"{term!r}: unknown layer {x!r} (layers: {', '.join(net.layers)})")
        cov = net.view(x, weight=term.kwargs.get("weight"))
        pos = {oid: k for k, oid in enumerate(ids)}
        where = np.asarray([pos[o] for o in cov.ids], dtype=np.int64)
        s, t, w = cov.edges()
        s, t = where[np.asarray(s, dtype=np.int64)], where[np.asarray(t, dtype=np.int64)]
        w = np.asarray(w, dtype=float)
        keep = s != t
        s, t, w = s[keep], t[keep], w[keep]
        if cov.directed and view.directed:
            pass
        elif not cov.directed and view.directed:  # an undirected tie counts both ways
            s, t, w = np.concatenate([s, t]), np.concatenate([t, s]), np.concatenate([w, w])
        else:  # an undirected model reads the cell (min, max)
            if cov.directed:
                keep = s < t
                s, t, w = s[keep], t[keep], w[keep]
            else:
                s, t = np.minimum(s, t), np.maximum(s, t)
        name = term.kwargs.get("name", x)
    else:
        if isinstance(x, _Sparse):
            if x.n != n:
                raise ValueError(f"{term!r}: the matrix is {x.n} x {x.n}; the layer {layer!r} has "
                                 f"{n} organisations")
            s, t, w = x.rows, x.cols, x.values
            if not np.all(np.isfinite(w)):
                k = int(np.argmax(~np.isfinite(w)))
                raise ValueError(f"{term!r}: cell ({ids[s[k]]!r}, {ids[t[k]]!r}) is not finite")
            m = np.zeros((n, n))
            np.add.at(m, (s, t), w)  # repeated cells add up, as in a COO matrix
        elif isinstance(x, pd.DataFrame):
            missing = [o for o in ids if o not in x.index or o not in x.columns]
            if missing:
                raise KeyError(f"{term!r}: the matrix has no row or column for organisation "
                               f"{missing[0]!r}")
            m = x.loc[ids, ids].to_numpy(dtype=float)
        else:
            m = x
        if m.shape != (n, n):
            raise ValueError(f"{term!r}: the matrix is {m.shape[0]} x {m.shape[1]}; the layer "
                             f"{layer!r} has {n} organisations")
        if not np.all(np.isfinite(m)):
            r, c = np.argwhere(~np.isfinite(m))[0]
            raise ValueError(f"{term!r}: cell ({ids[r]!r}, {ids[c]!r}) is not finite")
        if not view.directed:
            m = np.triu(m, 1)
        else:
            m = m.copy()
            np.fill_diagonal(m, 0.0)
        s, t = np.nonzero(m)
        w = m[s, t]
        name = term.kwargs["name"]
    return {"name": name, "cov_sources": np.asarray(s, dtype=np.uint32),
            "cov_targets": np.asarray(t, dtype=np.uint32), "cov_values": np.asarray(w, dtype=float)}
