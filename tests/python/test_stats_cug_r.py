"""Cross-check of :func:`ketennet.stats.cug_test` against R's ``sna::cug.test`` (sna 2.7):
the observed statistic is the same, and the null means and p-values agree within Monte Carlo
error (the two draw with different generators).

Statistics compared: density (``gden``), reciprocity (``grecip(measure="edgewise")``, the
share of reciprocated arcs) and, on undirected graphs, transitivity (``gtrans``), each given
size, edges and the dyad census. All graphs go to one temporary directory and R runs once for
the module (r_cug.R). Skipped, with the reason, only when ``Rscript`` is not installed.
"""
from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import ketennet as kn

HERE = Path(__file__).resolve().parent
RSCRIPT = shutil.which("Rscript")
pytestmark = pytest.mark.skipif(
    RSCRIPT is None, reason="Rscript not found: install r-base-core and r-cran-sna "
                            "(scripts/setup.sh does) to run the R sna cross-checks")

REPS = 1000
# (name, organisations, directed, edge probability, seed, statistic, given)
CASES = [
    ("dens-size", 25, True, 0.1, 1, "density", "size"),
    ("dens-edges", 25, True, 0.1, 1, "density", "edges"),
    ("recip-edges", 25, True, 0.15, 2, "reciprocity", "edges"),
    ("recip-dyad", 25, True, 0.15, 2, "reciprocity", "dyad_census"),
    ("recip-size", 25, True, 0.15, 2, "reciprocity", "size"),
    ("trans-edges", 30, False, 0.15, 3, "transitivity", "edges"),
    ("trans-dyad", 30, False, 0.15, 3, "transitivity", "dyad_census"),
]
SNA_CMODE = {"size": "size", "edges": "edges", "dyad_census": "dyad.census"}


def network(n, directed, p, seed):
    g = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    net = kn.Network()
    net.add_layer("l", directed=directed)
    for v in g.nodes:
        net.add_organisation(f"o{v}")
    for u, v in g.edges:
        net.add_relation(f"o{u}", f"o{v}", "l")
    return net, g


@pytest.fixture(scope="module")
def sna(tmp_path_factory):
    d = tmp_path_factory.mktemp("cug")
    lines = []
    for name, n, directed, p, seed, stat, given in CASES:
        _, g = network(n, directed, p, seed)
        arcs = [(u + 1, v + 1) for u, v in g.edges]
        if not directed:
            arcs += [(v, u) for u, v in arcs]
        (d / f"{name}.edges").write_text("".join(f"{u} {v}\n" for u, v in arcs))
        lines.append(f"{name} {n} {'digraph' if directed else 'graph'} {stat} "
                     f"{SNA_CMODE[given]} {REPS}\n")
    (d / "cases.txt").write_text("".join(lines))
    subprocess.run([RSCRIPT, str(HERE / "r_cug.R"), str(d)], check=True, capture_output=True,
                   timeout=300)
    return {name: np.loadtxt(d / "out" / f"{name}.txt") for name, *_ in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_cug_test_agrees_with_sna(case, sna):
    name, n, directed, p, seed, stat, given = case
    net, _ = network(n, directed, p, seed)
    r = kn.stats.cug_test(net, stat, given, reps=REPS, seed=seed)
    theirs = sna[name]
    obs, draws = theirs[0], theirs[1:]
    assert r.statistic == pytest.approx(obs, abs=1e-12)
    # null means: 5 standard errors of the difference of two Monte Carlo means
    sd = max(np.std(r.null, ddof=1), np.std(draws, ddof=1))
    assert abs(r.null.mean() - draws.mean()) <= 5 * sd * math.sqrt(2 / REPS) + 1e-12
    # p-values: 5 standard errors of the difference of two Monte Carlo proportions
    for ours, theirs_p in ((r.p_greater, np.mean(draws >= obs - 1e-12)),
                           (r.p_less, np.mean(draws <= obs + 1e-12))):
        q = (ours + theirs_p) / 2
        assert abs(ours - theirs_p) <= 5 * math.sqrt(q * (1 - q) * 2 / REPS) + 1e-9
