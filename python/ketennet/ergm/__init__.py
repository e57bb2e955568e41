"""Exponential random graph models (ERGMs): why do organisations collaborate?

An ERGM explains the ties of one layer (the outcome, by default ``"collaboration"``) by
statistics of the network: homophily on organisation attributes (``nodematch('sector')``),
another layer as a dyadic covariate (``edgecov('case')``), reciprocity (``mutual``) and
triadic closure (``gwesp``). The terms, their definitions and their names follow statnet's
``ergm`` (version 4), so results read the same; the statistics, change statistics, MCMC
sampler (tie/no-tie proposal), MPLE and MCMLE run in the compiled core.

>>> import ketennet as kn
>>> kn.ergm.parse_formula("edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')")
[edges, mutual, gwesp(0.5, fixed=True), nodematch('sector')]
"""
from ._gof import Gof, gof
from ._model import Fit, Simulation, change_statistics, fit, simulate, summary
from ._terms import (Term, absdiff, as_terms, edgecov, edges, gwdegree, gwdsp, gwesp, gwidegree,
                     gwodegree, isolates, istar, kstar, mutual, nodecov, nodefactor, nodeicov,
                     nodematch, nodemix, nodeocov, ostar, parse_formula, triangle)

__all__ = ["Fit", "Gof", "Simulation", "Term", "absdiff", "as_terms", "change_statistics", "edgecov",
           "edges", "fit", "gof", "gwdegree", "gwdsp", "gwesp", "gwidegree", "gwodegree", "isolates",
           "istar", "kstar", "mutual", "nodecov", "nodefactor", "nodeicov", "nodematch",
           "nodemix", "nodeocov", "ostar", "parse_formula", "simulate", "summary", "triangle"]
