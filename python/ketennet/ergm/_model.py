"""Observed statistics, estimation and simulation of ERGMs (the compiled core does the work)."""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from .. import _core
from .._util import check_view, core_default, progress_handler, thread_count
from ..io import from_pandas
from ..network import Network
from ._terms import Term, as_terms, resolve

__all__ = ["summary", "fit", "simulate", "Fit", "Simulation", "change_statistics"]

_MCMLE = _core.ergm.mcmle
_SIM = _core.ergm.simulate


def _outcome(net, layer: str, fn: str):
    if not isinstance(net, Network):
        raise TypeError(f"{fn}: net must be a kn.Network, not {type(net).__name__}")
    if not isinstance(layer, str):
        raise TypeError(f"{fn}: layer must be a layer name (str), not {type(layer).__name__}")
    if not net.has_layer(layer):
        raise KeyError(f"{fn}: unknown layer {layer!r} (layers: {', '.join(net.layers) or 'none'})")
    rev = net._core.revision
    return check_view(net.view(layer), rev, fn)


def _model(net, terms, layer: str, fn: str):
    view = _outcome(net, layer, fn)
    ts = as_terms(terms)
    resolved = [resolve(t, net, view, layer) for t in ts]
    return view, ts, resolved


def _names(view, resolved) -> List[str]:
    return list(_core.ergm.names(view, resolved))


def summary(net, terms, *, layer: str = "collaboration") -> pd.Series:
    """The observed statistics g(y) of the model's terms on one layer, as statnet's
    ``summary(net ~ terms)``.

    Parameters
    ----------
    net : kn.Network
    terms : str, Term or list of Term
        A formula string (``"edges + nodematch('sector')"``) or term objects
        (``[kn.ergm.edges(), kn.ergm.nodematch("sector")]``).
    layer : str
        The layer whose ties are the network y (default ``"collaboration"``); directed or
        undirected as the layer is. Self-ties are left out.

    Returns
    -------
    pandas.Series
        One float per statistic, indexed by its statnet name.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("collaboration", directed=False)
    >>> for o, s in [("a", "om"), ("b", "om"), ("c", "zorg"), ("d", "zorg")]:
    ...     net.add_organisation(o, sector=s)
    >>> for s, t in [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")]:
    ...     net.add_relation(s, t, "collaboration")
    >>> kn.ergm.summary(net, "edges + triangle + nodematch('sector') + kstar(2)").to_dict()
    {'edges': 4.0, 'triangle': 1.0, 'nodematch.sector': 2.0, 'kstar2': 5.0}
    """
    view, _, resolved = _model(net, terms, layer, "ergm.summary")
    values = _core.ergm.summary(view, resolved)
    return pd.Series(np.asarray(values, dtype=float), index=pd.Index(_names(view, resolved)),
                     name="statistic", dtype=float)


def change_statistics(net, terms, *, layer: str = "collaboration") -> pd.DataFrame:
    """The change statistics of every pair: the design of the pseudo-likelihood.

    One row per pair (directed: ordered pairs i ≠ j; undirected: i before j in the
    organisation order) with columns ``source``, ``target``, ``tie`` (1 when tied) and one
    column per statistic: :math:`\\delta_{ij} g(y) = g(y^+_{ij}) - g(y^-_{ij})`, the change
    of the statistics when the tie goes from absent to present, the other ties as observed.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("collaboration", directed=False)
    >>> for o in "abc":
    ...     net.add_organisation(o)
    >>> net.add_relation("a", "b", "collaboration"); net.add_relation("b", "c", "collaboration")
    >>> kn.ergm.change_statistics(net, "edges + triangle")[["source", "target", "tie", "triangle"]]
      source target  tie  triangle
    0      a      b  1.0       0.0
    1      a      c  0.0       1.0
    2      b      c  1.0       0.0
    """
    view, _, resolved = _model(net, terms, layer, "ergm.change_statistics")
    r = _core.ergm.change_statistics(view, resolved)
    ids = np.asarray(view.ids, dtype=object)
    out = pd.DataFrame({"source": ids[r["source"]], "target": ids[r["target"]], "tie": r["tie"]})
    x = pd.DataFrame(r["x"], columns=_names(view, resolved))
    return pd.concat([out, x], axis=1)


@dataclass(repr=False)
class Fit:
    """An estimated ERGM (:func:`fit`).

    ``coefficients`` is a DataFrame indexed by statistic name with columns ``estimate``,
    ``std_error``, ``z`` and ``p_value`` (two-sided, normal); ``loglik`` the log-likelihood
    (MPLE: the log pseudo-likelihood; MCMLE: exact for dyad-independent models, estimated by
    path sampling for others, with its Monte Carlo standard error in ``loglik_mc_error``; see
    :func:`fit`), ``aic`` = -2 loglik + 2 p and ``bic`` = -2 loglik + p log(pairs);
    ``mcmc`` the final MCMC sample's statistics (draws x statistics; None for MPLE);
    ``observed`` the observed statistics; ``converged`` whether the estimation converged.
    """

    coefficients: pd.DataFrame
    loglik: float
    aic: float
    bic: float
    method: str
    terms: List[str]
    observed: pd.Series
    converged: bool
    mcmc: Optional[pd.DataFrame]
    network: Any
    layer: str
    iterations: int = 0
    t_ratios: Optional[pd.Series] = None
    degeneracy: str = ""
    pairs: int = 0
    _model: List[Term] = field(default_factory=list)
    _control: Dict[str, Any] = field(default_factory=dict)
    loglik_mc_error: float = 0.0

    @property
    def chains(self) -> int:
        """The MCMC chains the final sample ``mcmc`` was drawn with (its draws chain by chain,
        each chain's a contiguous block); 0 for an MPLE fit."""
        return int(self._control.get("chains", 0)) if self.mcmc is not None else 0

    @property
    def coef(self) -> pd.Series:
        """The estimates, indexed by statistic name."""
        return self.coefficients["estimate"]

    def _lines(self) -> List[str]:
        c = self.coefficients
        width = max([len(n) for n in c.index] + [8])
        out = [f"ERGM fit of layer {self.layer!r} ({self.method.upper()}, "
               f"{'converged' if self.converged else 'NOT converged'}"
               + (f", {self.iterations} iterations" if self.method == "mcmle" else "") + ")",
               f"{'':{width}}  {'Estimate':>10} {'Std. Error':>10} {'z value':>8} {'Pr(>|z|)':>9}"]
        for name, row in c.iterrows():
            p = row["p_value"]
            stars = "" if not np.isfinite(p) else "***" if p < 0.001 else "**" if p < 0.01 \
                else "*" if p < 0.05 else "." if p < 0.1 else ""
            out.append(f"{name:{width}}  {row['estimate']:10.4f} {row['std_error']:10.4f} "
                       f"{row['z']:8.3f} {p:9.3g} {stars}")
        ll = "NaN" if math.isnan(self.loglik) else f"{self.loglik:.4f}"
        label = "log pseudo-likelihood" if self.method == "mple" else "log-likelihood"
        how = (f" (path sampling, Monte Carlo s.e. {self.loglik_mc_error:.2g})"
               if self.loglik_mc_error > 0 else "")
        out.append(f"{label}: {ll}{how}   AIC: {self.aic:.4g}   BIC: {self.bic:.4g}")
        if self.method == "mple" and len(self.terms) and not _dyad_independent(self._model):
            out.append("MPLE standard errors ignore the dependence between ties: not valid "
                       "for this model.")
        if self.degeneracy:
            out.append("Degeneracy: " + self.degeneracy)
        return out

    def __repr__(self) -> str:
        return "\n".join(self._lines())

    def _repr_html_(self) -> str:
        lines = self._lines()
        table = self.coefficients.to_html(float_format=lambda x: f"{x:.4g}")
        notes = "".join(f"<p>{html.escape(line)}</p>" for line in lines[2 + len(self.coefficients):])
        return f"<div><p><b>{html.escape(lines[0])}</b></p>{table}{notes}</div>"


def _dyad_independent(terms: Sequence[Term]) -> bool:
    return all(t.kind in ("edges", "mutual", "nodematch", "nodemix", "nodefactor", "nodecov",
                          "nodeicov", "nodeocov", "absdiff", "edgecov") for t in terms)


def _table(names, estimate, se) -> pd.DataFrame:
    estimate = np.asarray(estimate, dtype=float)
    se = np.asarray(se, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = estimate / se
    p = np.asarray([math.erfc(abs(v) / math.sqrt(2.0)) if np.isfinite(v) else float("nan")
                    for v in z])
    return pd.DataFrame({"estimate": estimate, "std_error": se, "z": z, "p_value": p},
                        index=pd.Index(names, name="term"))


def _whole(value, name: str, fn: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{fn}: {name} must be a whole number >= {minimum}, not {value!r}")
    return int(value)


def fit(net, terms, *, layer: str = "collaboration", method: str = "mcmle", seed: int = 0,
        threads: int = 0, progress=None, **control) -> Fit:
    """Fit an exponential random graph model to one layer.

    The model gives the layer's network y the probability
    :math:`P(Y=y) = \\exp(\\theta^\\top g(y)) / \\kappa(\\theta)` with the terms' statistics g
    (statnet's definitions and names; see the term functions of :mod:`ketennet.ergm`).

    ``method="mple"``: maximum pseudo-likelihood (Strauss & Ikeda 1990), the logistic
    regression of each pair's tie on its change statistics, fitted by IRLS; standard errors
    from the inverse Fisher information of that regression, as statnet reports them. For a
    model with dependence terms (triangle, stars, gw*, isolates) these standard errors are not
    valid and the MPLE is biased; use MCMLE. ``loglik`` is then the log pseudo-likelihood.

    ``method="mcmle"`` (default): Monte Carlo maximum likelihood (Geyer & Thompson 1992) from
    the MPLE, with Hummel, Hunter & Handcock's (2012) step length, as statnet's ergm: each
    iteration samples networks at the current coefficients by MCMC (tie/no-tie proposal), and
    moves to the maximum of the Geyer-Thompson approximation of the log-likelihood ratio
    (ergm's ``MCMLE.metric="naive"``) with the observed statistics moved toward the sample mean
    until they lie within the sample's convex hull; a step whose sample is degenerate is
    halved and drawn again; it stops when the full step is taken twice in a row. ``t_ratios``
    (mean of the final sample minus the observed, over its standard deviation) is the
    convergence check: below 0.1 in absolute value is good. Standard errors combine the inverse Fisher
    information (the covariance of a final sample) and the MCMC variance of its mean, as
    statnet's. A dyad-independent model (edges, mutual, nodal terms, edgecov) needs no MCMC:
    its pairs are independent, and its exact likelihood is maximised by Newton's method
    (``iterations`` 0; the final sample is still drawn for the diagnostics). ``loglik`` is
    exact for dyad-independent models; for others it is estimated by path sampling, as
    statnet's bridge sampling (16 bridges from the Bernoulli graph with the fit's edges
    coefficient, whose likelihood is exact; Gelman & Meng 1998; Hunter & Handcock 2006), with
    its Monte Carlo standard error in ``loglik_mc_error``; it is NaN for a degenerate fit.
    Degeneracy (a sample whose statistics do not vary, or most draws empty or complete) is
    reported in ``degeneracy`` and leaves ``converged`` False.

    Parameters
    ----------
    net : kn.Network
    terms : str, Term or list of Term
        Formula string or term objects.
    layer : str
        The outcome layer (default ``"collaboration"``).
    method : {"mcmle", "mple"}
    seed : int
        Seed of the MCMC: the same seed gives the same fit for any ``threads``.
    threads : int
        Threads for the chains (0 or None: all cores).
    progress : None, bool or callable
        Progress bar / callback (see the API convention); return False to cancel.
    **control
        MCMLE settings: ``samplesize`` (1024), ``burnin`` (16384), ``interval`` (1024),
        ``chains`` (4), ``max_iterations`` (60), ``margin`` (0.05), statnet's MCMC.samplesize,
        MCMC.burnin, MCMC.interval, MCMLE.maxit and MCMLE.steplength.margin.

    Returns
    -------
    Fit

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("collaboration", directed=False)
    >>> for k in range(8):
    ...     net.add_organisation(f"o{k}", sector="om" if k < 4 else "zorg")
    >>> for s, t in [(0, 1), (1, 2), (2, 3), (0, 3), (4, 5), (5, 6), (3, 4), (6, 7), (1, 3)]:
    ...     net.add_relation(f"o{s}", f"o{t}", "collaboration")
    >>> f = kn.ergm.fit(net, "edges + nodematch('sector')", method="mple")
    >>> f.coefficients["estimate"].round(4).to_dict()
    {'edges': -2.7081, 'nodematch.sector': 3.4012}

    A dyad-independent model: edges is the log-odds of a tie between sectors (1 of 16
    pairs, log(1/15)), edges + nodematch.sector that within a sector (8 of 12, log 2).
    """
    fn = "ergm.fit"
    if method not in ("mcmle", "mple"):
        raise ValueError(f"{fn}: method must be 'mcmle' or 'mple', not {method!r}")
    seed = _whole(seed, "seed", fn)
    threads = thread_count(threads, fn)
    view, ts, resolved = _model(net, terms, layer, fn)
    names = _names(view, resolved)
    if view.n < 3:
        raise ValueError(f"{fn}: the layer {layer!r} has {view.n} organisations; an ERGM needs "
                         "at least 3")
    observed = pd.Series(np.asarray(_core.ergm.summary(view, resolved), dtype=float),
                         index=pd.Index(names), name="observed")
    n = view.n
    pairs = n * (n - 1) // (1 if view.directed else 2)
    p = len(names)
    if method == "mple":
        unknown = set(control)
        if unknown:
            raise TypeError(f"{fn}: unknown MPLE option {sorted(unknown)[0]!r} (MPLE takes none)")
        r = _core.ergm.mple(view, resolved)
        ll = float(r["pseudo_loglik"])
        return Fit(_table(names, r["coef"], r["std_error"]), ll, -2 * ll + 2 * p,
                   -2 * ll + p * math.log(pairs), "mple", names, observed, bool(r["converged"]),
                   None, net, layer, int(r["iterations"]), None, "", pairs, ts, {})
    allowed = ("samplesize", "burnin", "interval", "chains", "max_iterations", "margin")
    for k in control:
        if k not in allowed:
            raise TypeError(f"{fn}: unknown control option {k!r} (options: {', '.join(allowed)})")
    opts = {k: core_default(_MCMLE, k) for k in allowed}
    opts.update(control)
    for k in ("samplesize", "burnin", "interval", "chains", "max_iterations"):
        opts[k] = _whole(opts[k], k, fn, 1 if k != "burnin" else 0)
    margin = opts["margin"]
    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not margin >= 0:
        raise ValueError(f"{fn}: margin must be a number >= 0, not {margin!r}")
    r = _MCMLE(view, resolved, opts["samplesize"], opts["burnin"], opts["interval"],
               opts["chains"], opts["max_iterations"], float(margin), seed, threads,
               progress_handler(progress, fn))
    ll = float(r["loglik"])
    mcmc = pd.DataFrame(r["sample"], columns=pd.Index(names))
    mcmc.index.name = "draw"
    return Fit(_table(names, r["coef"], r["std_error"]), ll, -2 * ll + 2 * p,
               -2 * ll + p * math.log(pairs), "mcmle", names, observed, bool(r["converged"]),
               mcmc, net, layer, int(r["iterations"]),
               pd.Series(r["t_ratios"], index=pd.Index(names), name="t_ratio"),
               str(r["degeneracy"]), pairs, ts, dict(opts, seed=seed),
               float(r["loglik_mc_error"]))


@dataclass(repr=False)
class Simulation:
    """Networks drawn from an ERGM (:func:`simulate`): ``networks`` (a list of kn.Network
    with the organisations and the simulated layer), ``statistics`` (DataFrame, one row per
    draw, one column per statistic), ``coef`` (the coefficients used) and ``layer``."""

    networks: List[Any]
    statistics: pd.DataFrame
    coef: pd.Series
    layer: str
    acceptance: float = 0.0

    def __repr__(self) -> str:
        return (f"<ERGM simulation: {len(self.networks)} networks of layer {self.layer!r}, "
                f"acceptance {self.acceptance:.3f}>")

    def _repr_html_(self) -> str:
        return (f"<div><p>{html.escape(repr(self))}</p>"
                f"{self.statistics.describe().to_html(float_format=lambda x: f'{x:.4g}')}</div>")


def simulate(fit_or_net, terms=None, *, layer: Optional[str] = None, coef=None, nsim: int = 1,
             burnin: int = core_default(_SIM, "burnin"),
             interval: int = core_default(_SIM, "interval"),
             chains: int = core_default(_SIM, "chains"), seed: int = 0,
             threads: int = 0, progress=None) -> Simulation:
    """Draw networks from an ERGM by MCMC (Metropolis-Hastings, tie/no-tie proposal).

    ``simulate(fit)`` draws from a :class:`Fit` (its network, layer, terms and estimates);
    ``simulate(net, terms, layer=, coef=)`` from given coefficients (one per statistic, a
    sequence in statistic order or a mapping by name). The chains start at the observed
    layer; chain c (of ``min(chains, nsim)``) runs ``burnin`` proposals and then makes its
    share of the draws ``interval`` proposals apart, from its own random stream of ``seed``:
    the draws depend on the seed alone, never on ``threads``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("collaboration", directed=False)
    >>> for k in range(10):
    ...     net.add_organisation(f"o{k}")
    >>> sim = kn.ergm.simulate(net, "edges", coef=[0.0], nsim=3, seed=1, progress=False)
    >>> len(sim.networks), list(sim.statistics.columns)
    (3, ['edges'])
    """
    fn = "ergm.simulate"
    if isinstance(fit_or_net, Fit):
        f = fit_or_net
        if terms is not None or coef is not None:
            raise TypeError(f"{fn}: give terms and coef with a network, not with a Fit")
        net, layer, ts, coefs = f.network, (layer or f.layer), f._model, f.coef.to_numpy()
    else:
        net = fit_or_net
        if terms is None or coef is None:
            raise TypeError(f"{fn}: give the terms and coef= to simulate from a network")
        ts, layer = terms, (layer or "collaboration")
        coefs = coef
    nsim = _whole(nsim, "nsim", fn, 1)
    burnin = _whole(burnin, "burnin", fn)
    interval = _whole(interval, "interval", fn, 1)
    chains = _whole(chains, "chains", fn, 1)
    seed = _whole(seed, "seed", fn)
    threads = thread_count(threads, fn)
    view, ts, resolved = _model(net, ts, layer, fn)
    names = _names(view, resolved)
    if view.n < 2:
        raise ValueError(f"{fn}: the layer {layer!r} has {view.n} organisations; at least 2 needed")
    if isinstance(coefs, (dict, pd.Series)):
        missing = [n for n in names if n not in coefs]
        if missing:
            raise KeyError(f"{fn}: no coefficient for {missing[0]!r}")
        coefs = [coefs[n] for n in names]
    coefs = np.asarray(coefs, dtype=float).ravel()
    if coefs.size != len(names):
        raise ValueError(f"{fn}: {coefs.size} coefficients for {len(names)} statistics "
                         f"({', '.join(names)})")
    r = _SIM(view, resolved, coefs.tolist(), nsim, burnin, interval, chains, seed, True, threads,
             progress_handler(progress, fn))
    stats = pd.DataFrame(r["statistics"], columns=pd.Index(names))
    stats.index.name = "draw"
    ids = np.asarray(view.ids, dtype=object)
    orgs = net.organisations
    nets = []
    for ties in r["networks"]:
        rel = pd.DataFrame({"source": ids[ties[:, 0]] if len(ties) else np.array([], dtype=object),
                            "target": ids[ties[:, 1]] if len(ties) else np.array([], dtype=object)})
        nets.append(from_pandas(orgs, rel, directed=view.directed, layer=layer))
    acceptance = float(r["accepted"]) / max(1.0, float(r["proposals"]))
    return Simulation(nets, stats, pd.Series(coefs, index=pd.Index(names), name="coef"), layer,
                      acceptance)

