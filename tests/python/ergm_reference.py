"""A plain reference implementation of exponential random graph models (ERGMs), written from
the published definitions, for the tests of ``kn.ergm``.

Nothing here reads ketennet: a network is a dense 0/1 numpy adjacency matrix ``y`` (``y[i, j]
= 1`` for a tie from i to j; symmetric when undirected; zero diagonal), organisation attributes
are arrays indexed like ``y``, and dyadic covariates are square matrices. Everything is written
for clarity, not speed.

Model: P(Y = y) = exp(theta . g(y)) / kappa(theta). The statistics g follow statnet's
ergm-terms documentation (ergm 4), with statnet's coefficient names in brackets. Ties are the
pairs i < j (undirected) or the ordered pairs i != j (directed); d_i a degree,
x_i a numeric attribute, c_i a categorical one:

* edges: number of ties (``edges``); mutual (directed): pairs with y_ij = y_ji = 1
  (``mutual``);
* triangle: undirected, the triangles; directed, transitive triples sum y_ij y_jk y_ik plus
  cyclic triples sum y_ij y_jk y_ki / 3, statnet's ttriple + ctriple (``triangle``);
* kstar(k) (undirected): sum_i C(d_i, k) (``kstar2``); istar(k), ostar(k) (directed): the same
  with in- and out-degrees (``istar2``, ``ostar2``);
* gwesp(a, fixed=True): e^a sum_{s>=1} (1 - (1 - e^-a)^s) EP_s, EP_s the ties with exactly s
  shared partners; directed: partners k with i -> k -> j, statnet's default type "OTP"
  (``gwesp.fixed.0.5``; directed ``gwesp.OTP.fixed.0.5``);
* gwdsp(a, fixed=True): the same over all dyads, tied or not (``gwdsp.fixed.0.5``; directed,
  ordered pairs, ``gwdsp.OTP.fixed.0.5``);
* gwdegree(a, fixed=True) (undirected): e^a sum_{d>=1} (1 - (1 - e^-a)^d) D_d, D_d the
  organisations of degree d (``gwdeg.fixed.0.5``); gwidegree, gwodegree (directed): in- and
  out-degrees (``gwideg.fixed.0.5``, ``gwodeg.fixed.0.5``);
* nodematch(attr): ties within a level (``nodematch.sector``); diff=True: one statistic per
  level, all levels (``nodematch.sector.om``);
* nodemix(attr): ties per cell (a, b) of the mixing matrix (a: the level of i, b of j;
  undirected a <= b, either way round), levels sorted, cells in column-major order, the first
  cell dropped (``mix.sector.om.politie``);
* nodefactor(attr): per level l but the first (sorted), sum over ties of [c_i = l] + [c_j = l]
  (``nodefactor.sector.politie``);
* nodecov(attr): sum over ties of x_i + x_j; nodeocov, nodeicov (directed): of x_i, of x_j;
  absdiff(attr): of |x_i - x_j| (``nodecov.x``, ``nodeocov.x``, ``nodeicov.x``, ``absdiff.x``);
* edgecov(name): sum over ties of w_ij (undirected: the cell i < j) (``edgecov.case``);
* isolates: organisations without a tie, in or out (``isolates``).

The change statistic of a dyad is defined as the difference g(y with the tie) - g(y without
it) (:meth:`Model.change`). The sampler (:func:`sample`) uses local change statistics (the
closed forms of that difference, :meth:`Model.delta`, checked against it in
``test_ergm_reference.py``) with a Metropolis step that toggles a uniformly random dyad.

Closed form for edges + mutual on a directed network: with the dyad census M (mutual dyads),
A (asymmetric dyads, each dyad counted once) and N (null dyads), the dyads are independent and
each is null, one of two asymmetric states or mutual with probabilities proportional to 1,
e^te, e^te, e^(2 te + tm). Matching the multinomial frequencies N/D, A/D, M/D (D = M + A + N):
e^te = A / (2N) and e^(2 te + tm) = M / N, so

    te = log(A / (2N)),    tm = log(4 M N / A^2).

Sources: Snijders, Pattison, Robins & Handcock (2006); Hunter & Handcock (2006); Hunter (2007);
Morris, Handcock & Hunter (2008); Holland & Leinhardt (1981) for the dyad census.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["FLORENTINE_WEALTH", "florentine_adjacency", "Model", "T", "closed_form_edges_mutual",
           "dyad_census", "mple", "logistic_mle", "sample", "batch_se", "decay_label"]


def decay_label(decay: float) -> str:
    """The decay as R's ``as.character`` prints it: 0.5 -> '0.5', 1 -> '1', 0.25 -> '0.25'."""
    return f"{float(decay):.15g}"


@dataclass(frozen=True)
class T:
    """One term: its statnet name and arguments, e.g. ``T("gwesp", 0.5)``,
    ``T("nodematch", "sector", diff=True)``, ``T("edgecov", "case")``."""
    kind: str
    arg: object = None
    diff: bool = False


DIRECTED_ONLY = {"mutual", "istar", "ostar", "gwidegree", "gwodegree", "nodeicov", "nodeocov"}
UNDIRECTED_ONLY = {"kstar", "gwdegree"}


def _levels(values) -> list:
    return sorted(set(values.tolist() if isinstance(values, np.ndarray) else values))


@dataclass
class Model:
    """Terms over networks of ``n`` organisations, directed or not, with organisation
    attributes ``attrs`` ({name: array}) and dyadic covariates ``covariates`` ({name: n x n
    matrix})."""
    terms: list
    directed: bool
    attrs: dict = field(default_factory=dict)
    covariates: dict = field(default_factory=dict)

    def __post_init__(self):
        for t in self.terms:
            if t.kind in DIRECTED_ONLY and not self.directed:
                raise ValueError(f"{t.kind} needs a directed network")
            if t.kind in UNDIRECTED_ONLY and self.directed:
                raise ValueError(f"{t.kind} needs an undirected network")

    # ----------------------------------------------------------------- names
    def names(self) -> list[str]:
        out = []
        for t in self.terms:
            out += self._names(t)
        return out

    def _names(self, t: T) -> list[str]:
        k, a = t.kind, t.arg
        if k in ("edges", "mutual", "triangle", "isolates"):
            return [k]
        if k in ("kstar", "istar", "ostar"):
            return [f"{k}{int(a)}"]
        if k in ("gwesp", "gwdsp"):
            kind = f"{k}.OTP" if self.directed else k     # statnet names the directed type
            return [f"{kind}.fixed.{decay_label(a)}"]
        if k in ("gwdegree", "gwidegree", "gwodegree"):
            short = {"gwdegree": "gwdeg", "gwidegree": "gwideg", "gwodegree": "gwodeg"}[k]
            return [f"{short}.fixed.{decay_label(a)}"]
        if k == "nodematch":
            if t.diff:
                return [f"nodematch.{a}.{lv}" for lv in _levels(self.attrs[a])]
            return [f"nodematch.{a}"]
        if k == "nodefactor":
            return [f"nodefactor.{a}.{lv}" for lv in _levels(self.attrs[a])[1:]]
        if k == "nodemix":
            return [f"mix.{a}.{p}.{q}" for p, q in self._mix_cells(a)[1:]]
        if k in ("nodecov", "nodeicov", "nodeocov", "absdiff", "edgecov"):
            return [f"{k}.{a}"]
        raise ValueError(f"unknown term {k!r}")

    def _mix_cells(self, attr):
        lv = _levels(self.attrs[attr])
        # column-major order of the mixing matrix (rows: the tail's level, columns: the head's);
        # undirected: the cells on and above the diagonal
        return [(lv[r], lv[c]) for c in range(len(lv)) for r in range(len(lv))
                if self.directed or r <= c]

    # ------------------------------------------------------------ statistics
    def _ties(self, y):
        """The ties as index arrays (i, j): undirected i < j, directed every i != j."""
        if self.directed:
            i, j = np.nonzero(y)
        else:
            i, j = np.nonzero(np.triu(y, 1))
        return i, j

    def stats(self, y) -> np.ndarray:
        y = np.asarray(y, dtype=float)
        out = []
        for t in self.terms:
            out += list(self._stat(t, y))
        return np.array(out, dtype=float)

    def _stat(self, t: T, y):
        k, a = t.kind, t.arg
        i, j = self._ties(y)
        n = len(y)
        if k == "edges":
            return [len(i)]
        if k == "mutual":
            return [np.sum(np.triu(y * y.T, 1))]
        if k == "triangle":
            y2 = y @ y
            if not self.directed:
                return [np.trace(y2 @ y) / 6]
            transitive = np.sum(y2 * y)          # i -> k -> j and i -> j
            cyclic = np.trace(y2 @ y) / 3        # i -> j -> k -> i, each cycle once
            return [transitive + cyclic]
        if k in ("kstar", "istar", "ostar"):
            deg = {"kstar": y.sum(1), "ostar": y.sum(1), "istar": y.sum(0)}[k]
            return [sum(math.comb(int(d), int(a)) for d in deg)]
        if k in ("gwesp", "gwdsp"):
            # shared partners of (i, j): undirected common neighbours; directed i -> k -> j
            sp = y @ y
            if k == "gwesp":
                counts = sp[i, j]
            else:
                mask = (~np.eye(n, dtype=bool) if self.directed
                        else np.triu(np.ones((n, n), dtype=bool), 1))
                counts = sp[mask]
            return [self._gw(counts, a)]
        if k in ("gwdegree", "gwidegree", "gwodegree"):
            deg = {"gwdegree": y.sum(1), "gwodegree": y.sum(1), "gwidegree": y.sum(0)}[k]
            return [self._gw(deg, a)]
        if k == "nodematch":
            x = np.asarray(self.attrs[a], dtype=object)
            same = x[i] == x[j]
            if t.diff:
                return [np.sum(same & (x[i] == lv)) for lv in _levels(self.attrs[a])]
            return [np.sum(same)]
        if k == "nodefactor":
            x = np.asarray(self.attrs[a], dtype=object)
            return [np.sum(x[i] == lv) + np.sum(x[j] == lv) for lv in _levels(self.attrs[a])[1:]]
        if k == "nodemix":
            x = np.asarray(self.attrs[a], dtype=object)
            out = []
            for p, q in self._mix_cells(a)[1:]:
                if self.directed or p == q:
                    out.append(np.sum((x[i] == p) & (x[j] == q)))
                else:
                    out.append(np.sum(((x[i] == p) & (x[j] == q)) | ((x[i] == q) & (x[j] == p))))
            return out
        if k in ("nodecov", "nodeicov", "nodeocov", "absdiff"):
            x = np.asarray(self.attrs[a], dtype=float)
            return [{"nodecov": np.sum(x[i] + x[j]), "nodeocov": np.sum(x[i]),
                     "nodeicov": np.sum(x[j]), "absdiff": np.sum(np.abs(x[i] - x[j]))}[k]]
        if k == "edgecov":
            w = np.asarray(self.covariates[a], dtype=float)
            return [np.sum(w[i, j])]
        if k == "isolates":
            return [np.sum((y.sum(0) + y.sum(1)) == 0)]
        raise ValueError(f"unknown term {k!r}")

    @staticmethod
    def _gw(counts, decay):
        """Hunter (2007): e^a sum_s (1 - (1 - e^-a)^s) over the counts s >= 1."""
        counts = np.asarray(counts, dtype=float)
        r = 1.0 - math.exp(-decay)
        return math.exp(decay) * float(np.sum(1.0 - r ** counts[counts > 0]))

    # ------------------------------------------------------ change statistics
    def dyads(self, n):
        """The dyads of a network of n organisations: (i, j) with i < j (undirected) or
        i != j (directed)."""
        return [(i, j) for i in range(n) for j in range(n)
                if (i != j if self.directed else i < j)]

    def change(self, y, i, j) -> np.ndarray:
        """g(y with the tie i -> j) - g(y without it): the definition."""
        on = np.array(y, dtype=float)
        off = on.copy()
        on[i, j] = 1
        off[i, j] = 0
        if not self.directed:
            on[j, i] = 1
            off[j, i] = 0
        return self.stats(on) - self.stats(off)

    def design(self, y):
        """MPLE design: the change statistics of every dyad (rows) and its tie value."""
        y = np.asarray(y, dtype=float)
        d = self.dyads(len(y))
        X = np.array([self.change(y, i, j) for i, j in d])
        return X, np.array([y[i, j] for i, j in d])

    # ---------------------------------------- local change statistics (sampler)
    def delta(self, adj, i, j) -> list:
        """The change statistics of adding the tie i -> j to the network ``adj`` (a list of
        out-neighbour sets, with in-neighbour sets ``adj.inn`` when directed) that lacks it;
        closed forms of :meth:`change`."""
        out = []
        for t in self.terms:
            out += self._delta(t, adj, i, j)
        return out

    def _delta(self, t, adj, i, j):
        k, a = t.kind, t.arg
        if k == "edges":
            return [1.0]
        if self.directed:
            outn, inn = adj.out, adj.inn
            if k == "mutual":
                return [1.0 if i in outn[j] else 0.0]
            if k == "triangle":
                # new transitive triples with i -> j as each of its three ties, new cycles
                tt = (len(outn[i] & inn[j]) + len(outn[i] & outn[j]) + len(inn[i] & inn[j]))
                return [tt + len(outn[j] & inn[i])]
            if k in ("istar", "ostar"):
                d = len(inn[j]) if k == "istar" else len(outn[i])
                return [float(math.comb(d, int(a) - 1))]
            if k in ("gwidegree", "gwodegree"):
                d = len(inn[j]) if k == "gwidegree" else len(outn[i])
                return [(1 - math.exp(-a)) ** d]
            if k == "gwesp":
                r = 1 - math.exp(-a)
                w = lambda s: math.exp(a) * (1 - r ** s)  # noqa: E731
                # the tie i -> j itself: its partners k with i -> k -> j
                ch = w(len(outn[i] & inn[j]))
                # ties whose OTP partners gain j or i: i -> k with j -> k (k gains partner j
                # for tie i -> k via i -> j -> k); k -> j with k -> i (tie k -> j via k -> i -> j)
                for kk in outn[j] & outn[i]:
                    s = len(outn[i] & inn[kk])
                    ch += w(s + 1) - w(s)
                for kk in inn[i] & inn[j]:
                    s = len(outn[kk] & inn[j])
                    ch += w(s + 1) - w(s)
                return [ch]
            if k == "gwdsp":
                r = 1 - math.exp(-a)
                w = lambda s: math.exp(a) * (1 - r ** s)  # noqa: E731
                ch = 0.0
                # pairs (i, k) with j -> k gain partner j; pairs (k, j) with k -> i gain i
                for kk in outn[j]:
                    if kk != i:
                        s = len(outn[i] & inn[kk])
                        ch += w(s + 1) - w(s)
                for kk in inn[i]:
                    if kk != j:
                        s = len(outn[kk] & inn[j])
                        ch += w(s + 1) - w(s)
                return [ch]
        else:
            nb = adj.out
            if k == "triangle":
                return [float(len(nb[i] & nb[j]))]
            if k == "kstar":
                k1 = int(a) - 1
                return [float(math.comb(len(nb[i]), k1) + math.comb(len(nb[j]), k1))]
            if k == "gwdegree":
                r = 1 - math.exp(-a)
                return [r ** len(nb[i]) + r ** len(nb[j])]
            if k == "gwesp":
                r = 1 - math.exp(-a)
                w = lambda s: math.exp(a) * (1 - r ** s)  # noqa: E731
                common = nb[i] & nb[j]
                ch = w(len(common))
                for kk in common:
                    for u in (i, j):
                        s = len(nb[u] & nb[kk])
                        ch += w(s + 1) - w(s)
                return [ch]
            if k == "gwdsp":
                r = 1 - math.exp(-a)
                w = lambda s: math.exp(a) * (1 - r ** s)  # noqa: E731
                ch = 0.0
                for kk in nb[j]:        # pairs {i, kk} gain partner j
                    if kk != i:
                        s = len(nb[i] & nb[kk])
                        ch += w(s + 1) - w(s)
                for kk in nb[i]:        # pairs {j, kk} gain partner i
                    if kk != j:
                        s = len(nb[j] & nb[kk])
                        ch += w(s + 1) - w(s)
                return [ch]
            if k == "mutual":
                raise ValueError("mutual needs a directed network")
        if k == "isolates":
            deg = adj.degree
            return [-(float(deg[i] == 0) + float(deg[j] == 0))]
        if k == "nodematch":
            x = self.attrs[a]
            if t.diff:
                return [float(x[i] == x[j] == lv) for lv in _levels(x)]
            return [float(x[i] == x[j])]
        if k == "nodefactor":
            x = self.attrs[a]
            return [float(x[i] == lv) + float(x[j] == lv) for lv in _levels(x)[1:]]
        if k == "nodemix":
            x = self.attrs[a]
            cells = self._mix_cells(a)[1:]
            if self.directed:
                return [float(x[i] == p and x[j] == q) for p, q in cells]
            pair = tuple(sorted((x[i], x[j])))
            return [float(pair == (p, q)) for p, q in cells]
        if k in ("nodecov", "nodeicov", "nodeocov", "absdiff"):
            x = self.attrs[a]
            return [{"nodecov": x[i] + x[j], "nodeocov": x[i], "nodeicov": x[j],
                     "absdiff": abs(x[i] - x[j])}[k]]
        if k == "edgecov":
            if not self.directed and i > j:
                i, j = j, i
            return [float(self.covariates[a][i][j])]
        raise ValueError(f"no local change statistic for {k!r}")


class _Adjacency:
    """Out- and in-neighbour sets (the same sets when undirected) and degrees of a network
    being sampled."""

    def __init__(self, y, directed):
        n = len(y)
        self.directed = directed
        self.out = [set(np.nonzero(y[i])[0].tolist()) for i in range(n)]
        self.inn = ([set(np.nonzero(y[:, i])[0].tolist()) for i in range(n)] if directed
                    else self.out)
        self.degree = [len(self.out[i]) + (len(self.inn[i]) if directed else 0) for i in range(n)]

    def has(self, i, j):
        return j in self.out[i]

    def add(self, i, j):
        self.out[i].add(j)
        self.inn[j].add(i)      # undirected: inn is out, so j's neighbours gain i
        self.degree[i] += 1
        self.degree[j] += 1

    def remove(self, i, j):
        self.out[i].discard(j)
        self.inn[j].discard(i)
        self.degree[i] -= 1
        self.degree[j] -= 1


def sample(model: Model, theta, y0, *, draws: int, interval: int, burnin: int, seed: int):
    """Metropolis sampler of the ERGM with coefficients ``theta``, started from ``y0``: each
    step proposes to toggle one dyad chosen uniformly at random (an ordered pair i != j;
    undirected: the pair {i, j}) and accepts with probability min(1, exp(theta . delta)),
    delta the change of the statistics by the toggle. The proposal is symmetric, so the chain
    has the ERGM as its stationary distribution. Returns the statistics of ``draws``
    networks, one every ``interval`` steps after ``burnin`` steps (a draws x terms array)."""
    rng = np.random.default_rng(seed)
    y0 = np.asarray(y0, dtype=float)
    n = len(y0)
    theta = np.asarray(theta, dtype=float)
    adj = _Adjacency(y0, model.directed)
    g = model.stats(y0)
    out = np.empty((draws, len(g)))
    total = burnin + draws * interval
    block = 65536
    pos = block
    for step in range(total):
        if pos == block:
            ii = rng.integers(0, n, block).tolist()
            jj = rng.integers(0, n - 1, block).tolist()
            uu = rng.random(block).tolist()
            pos = 0
        i, j, u = ii[pos], jj[pos], uu[pos]
        pos += 1
        if j >= i:
            j += 1
        if not model.directed and i > j:
            i, j = j, i
        if adj.has(i, j):
            adj.remove(i, j)
            d = -np.asarray(model.delta(adj, i, j))     # the change of removing it
            if u < math.exp(min(0.0, float(theta @ d))):
                g += d
            else:
                adj.add(i, j)
        else:
            d = np.asarray(model.delta(adj, i, j))
            if u < math.exp(min(0.0, float(theta @ d))):
                adj.add(i, j)
                g += d
        if step >= burnin and (step - burnin + 1) % interval == 0:
            out[(step - burnin) // interval] = g
    return out


def batch_se(draws, batches: int = 20) -> np.ndarray:
    """Standard error of the mean of each column of ``draws`` by batch means (robust to the
    autocorrelation of a Markov chain): the standard deviation of the means of ``batches``
    consecutive blocks divided by sqrt(batches)."""
    draws = np.asarray(draws, dtype=float)
    m = len(draws) // batches
    means = draws[: m * batches].reshape(batches, m, -1).mean(axis=1)
    return means.std(axis=0, ddof=1) / math.sqrt(batches)


def logistic_mle(X, y):
    """Maximum likelihood of the logistic regression of y on the columns of X (no added
    intercept), with statsmodels' Newton solver to 1e-12."""
    import statsmodels.api as sm
    fit = sm.Logit(np.asarray(y, dtype=float), np.asarray(X, dtype=float)).fit(
        method="newton", tol=1e-12, maxiter=200, disp=0)
    return np.asarray(fit.params), np.asarray(fit.bse), float(fit.llf)


def mple(model: Model, y):
    """The maximum pseudo-likelihood estimate (Strauss & Ikeda 1990): the logistic regression
    of every dyad's tie value on its change statistics. Returns (estimate, std error,
    pseudo-log-likelihood)."""
    X, t = model.design(y)
    return logistic_mle(X, t)


def dyad_census(y):
    """(M, A, N): mutual, asymmetric and null dyads of a directed network, each unordered
    pair counted once."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    up = np.triu(np.ones((n, n), dtype=bool), 1)
    s = (y + y.T)[up]
    return int(np.sum(s == 2)), int(np.sum(s == 1)), int(np.sum(s == 0))


def closed_form_edges_mutual(y):
    """The MLE of edges + mutual on a directed network: te = log(A / (2N)),
    tm = log(4 M N / A^2) (M, A, N: the dyad census, each dyad once)."""
    m, a, nn = dyad_census(y)
    return np.array([math.log(a / (2 * nn)), math.log(4 * m * nn / a ** 2)])


# Padgett's Florentine families as statnet ships them (ergm's data(florentine): flomarriage,
# 16 families, 20 marriages, vertex attribute wealth in thousands of lira). NetworkX's
# florentine_families_graph() has the same 20 marriages but lacks Pucci, who married into
# none of the other families: added here as an isolate. The wealth values are Padgett's, in
# statnet's (alphabetical) order of the families; they reproduce statnet's printed fit of
# edges + nodecov('wealth') (edges -2.594929, nodecov.wealth 0.010546) to 1e-6.
FLORENTINE_WEALTH = {
    "Acciaiuoli": 10, "Albizzi": 36, "Barbadori": 55, "Bischeri": 44, "Castellani": 20,
    "Ginori": 32, "Guadagni": 8, "Lamberteschi": 42, "Medici": 103, "Pazzi": 48,
    "Peruzzi": 49, "Pucci": 3, "Ridolfi": 27, "Salviati": 10, "Strozzi": 146,
    "Tornabuoni": 48,
}


def florentine_adjacency():
    """(families in alphabetical order, 16 x 16 adjacency of the marriages)."""
    import networkx as nx
    g = nx.florentine_families_graph()
    g.add_node("Pucci")
    names = sorted(g.nodes())
    return names, nx.to_numpy_array(g, nodelist=names)
