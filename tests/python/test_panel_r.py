"""Cross-check of the panel's tie changes against R's sna (2.7): the Hamming distance
``hamming`` = formed + dissolved of :meth:`ketennet.Panel.tie_changes` equals
``sna::hdist(a, b, diag = TRUE, mode = ...)`` of the two adjacency matrices over the
organisations of either period (organisations that entered or left are rows of zeros in the
period they are absent from; an undirected tie counts once, sna's ``mode = "graph"``).

R runs once (r_hdist.R) for the whole module. Skipped, with the reason, only when ``Rscript``
is not installed (scripts/setup.sh installs r-base-core and r-cran-sna).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import ketennet as kn

HERE = Path(__file__).resolve().parent
RSCRIPT = shutil.which("Rscript")
pytestmark = pytest.mark.skipif(
    RSCRIPT is None, reason="Rscript not found: install r-base-core and r-cran-sna "
                            "(scripts/setup.sh does) to run the R sna cross-checks")

CASES = [(directed, seed) for directed in (True, False) for seed in range(4)]


def _pair(directed: bool, seed: int):
    """Two periods of one unit over 25 possible organisations, each present with probability
    0.8 (so some enter and some leave); the earlier period's ties drawn with probability 0.12,
    the later one keeping each of them with probability 0.7 and adding others with
    probability 0.04; self-loops included."""
    rng = np.random.default_rng(seed)
    nets, earlier = [], set()
    for k in range(2):
        ids = [f"o{i}" for i in range(25) if rng.random() < 0.8]
        net = kn.Network(f"p{k}")
        net.add_layer("t", directed=directed)
        for o in ids:
            net.add_organisation(o)
        for i, a in enumerate(ids):
            for b in ids[i if not directed else 0:]:
                p = (0.7 if (a, b) in earlier else 0.04) if k else 0.12
                if rng.random() < p:
                    net.add_relation(a, b, "t")
        earlier = set(zip(net.relations["source"], net.relations["target"]))
        nets.append(net)
    return nets


@pytest.fixture(scope="module")
def r_hdist(tmp_path_factory):
    d = tmp_path_factory.mktemp("hdist")
    lines = []
    for directed, seed in CASES:
        name = f"{'d' if directed else 'u'}{seed}"
        a, b = _pair(directed, seed)
        joint = list(dict.fromkeys(a.ids + b.ids))
        pos = {o: i + 1 for i, o in enumerate(joint)}
        for net, ext in ((a, "a"), (b, "b")):
            rel = net.relations
            rows = [f"{pos[s]} {pos[t]}" for s, t in zip(rel["source"], rel["target"])]
            if not directed:  # both ways, as sna reads a symmetric matrix
                rows += [f"{pos[t]} {pos[s]}" for s, t in zip(rel["source"], rel["target"])]
            (d / f"{name}.{ext}").write_text("\n".join(rows) + ("\n" if rows else ""))
        lines.append(f"{name} {len(joint)} {'digraph' if directed else 'graph'}")
    (d / "cases.txt").write_text("\n".join(lines) + "\n")
    proc = subprocess.run([RSCRIPT, str(HERE / "r_hdist.R"), str(d)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    values = [float(x) for x in (d / "hdist.txt").read_text().split()]
    return dict(zip(CASES, values))


@pytest.mark.parametrize("directed,seed", CASES)
def test_hamming_is_sna_hdist(directed, seed, r_hdist):
    a, b = _pair(directed, seed)
    assert set(a.ids) != set(b.ids)  # organisations entered and left
    row = kn.Panel({("u", 1): a, ("u", 2): b}).tie_changes().iloc[0]
    assert row["hamming"] == row["formed"] + row["dissolved"]
    assert row["hamming"] == r_hdist[directed, seed]
