"""Cross-checks of kn.stats.netlm and kn.stats.netlogit against R's sna 2.7 (``netlm``,
``netlogit``): coefficients, test statistics and the fit's summary to 1e-8; p-values within
Monte Carlo error (sna draws from R's generator, ketennet from its own), for each null
hypothesis, directed and undirected.

All matrices are written to one temporary directory and R runs once (r_sna_regression.R)
for the whole module. Skipped, with the reason, only when ``Rscript`` is not installed
(scripts/setup.sh installs r-base-core and r-cran-sna).
"""
from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

HERE = Path(__file__).resolve().parent
RSCRIPT = shutil.which("Rscript")
pytestmark = pytest.mark.skipif(
    RSCRIPT is None, reason="Rscript not found: install r-base-core and r-cran-sna "
                            "(scripts/setup.sh does) to run the R sna cross-checks")

N = 10
R_REPS = 200     # sna's draws (R is slow: each is a refit in R)
OUR_REPS = 2000  # ketennet's draws
METHODS = ["qap", "qapy", "qapx"]  # qap is qapspp with these models
CASES = [(fn, mode, method) for fn in ("netlm", "netlogit") for mode in ("digraph", "graph")
         for method in METHODS]


@functools.lru_cache(maxsize=None)
def data():
    """{mode: (y, y01, [x1, x2, x3])} as DataFrames over N organisations."""
    rng = np.random.default_rng(21)
    ids = pd.Index([f"o{i}" for i in range(N)], dtype=object, name="organisation")
    out = {}
    for mode in ("digraph", "graph"):
        x1 = (rng.random((N, N)) < 0.35).astype(float)
        group = rng.integers(0, 3, N)
        x2 = (group[:, None] == group[None, :]).astype(float)
        x3 = np.round(rng.normal(size=(N, N)), 3)
        eta = -0.4 + 0.9 * x1 + 0.7 * x2 + 0.5 * x3
        y = np.round(eta + rng.normal(size=(N, N)), 6)
        y01 = (rng.random((N, N)) < 1 / (1 + np.exp(-eta))).astype(float)
        mats = [y, y01, x1, x2, x3]
        if mode == "graph":
            mats = [np.tril(m) + np.tril(m, -1).T for m in mats]
        for m in mats:
            np.fill_diagonal(m, 0.0)
        frames = [pd.DataFrame(m, index=ids, columns=ids.copy()) for m in mats]
        out[mode] = (frames[0], frames[1], frames[2:])
    return out


@functools.lru_cache(maxsize=None)
def sna(tmp: str):
    d = Path(tmp)
    for mode, (y, y01, xs) in data().items():
        for tag, resp in (("lm", y), ("logit", y01)):
            np.savetxt(d / f"{mode}-{tag}.y", resp.to_numpy(), fmt="%.17g")
            for k, x in enumerate(xs, 1):
                np.savetxt(d / f"{mode}-{tag}.x{k}", x.to_numpy(), fmt="%.17g")
            (d / f"{mode}-{tag}.nx").write_text(f"{len(xs)}\n")
    lines = [f"{fn}-{mode}-{method} {fn} {mode} {method} {R_REPS} {100 + i} "
             f"{mode}-{'lm' if fn == 'netlm' else 'logit'}"
             for i, (fn, mode, method) in enumerate(CASES)]
    (d / "cases.txt").write_text("\n".join(lines) + "\n")
    r = subprocess.run([RSCRIPT, "--vanilla", str(HERE / "r_sna_regression.R"), str(d)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"Rscript failed:\n{r.stderr}"
    return d / "out"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return sna(str(tmp_path_factory.mktemp("sna_regression")))


def _read(path):
    return np.loadtxt(path, ndmin=2, converters=lambda x: float("nan") if x in ("NA", b"NA") else float(x))


@functools.lru_cache(maxsize=None)
def ours(fn, mode, method):
    y, y01, xs = data()[mode]
    f = kn.stats.netlm if fn == "netlm" else kn.stats.netlogit
    return f(y if fn == "netlm" else y01, xs, method=method, directed=mode == "digraph",
             reps=OUR_REPS, seed=5)


@pytest.mark.parametrize("fn,mode,method", CASES)
def test_matches_sna(fn, mode, method, out):
    exp = _read(out / f"{fn}-{mode}-{method}")
    r = ours(fn, mode, method)
    assert r.n == (N * (N - 1) if mode == "digraph" else N * (N - 1) // 2)
    c = r.coefficients
    np.testing.assert_allclose(c["estimate"], exp[0], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(c["statistic"], exp[1], rtol=1e-8, atol=1e-10)
    if fn == "netlm":
        np.testing.assert_allclose([r.r_squared, r.adj_r_squared], exp[5, :2], rtol=1e-8)
    else:
        np.testing.assert_allclose([r.deviance, r.null_deviance, r.aic, r.bic], exp[5, :4],
                                   rtol=1e-8)
    # p-values: sna's are a Monte Carlo estimate from R_REPS draws, ours from OUR_REPS. Under
    # qapx the intercept's draws all equal the observed statistic (permuting a constant changes
    # nothing): ours count them as equal (every p-value 1), sna's differ from it by rounding
    # (its observed t is computed by another formula), so its p-values there are 0 or 1.
    terms = slice(1, None) if method == "qapx" else slice(None)
    if method == "qapx":
        assert c.iloc[0][["p_greater", "p_less", "p_abs"]].tolist() == [1.0, 1.0, 1.0]
    for col, row in (("p_greater", 2), ("p_less", 3), ("p_abs", 4)):
        p, p_r = c[col].to_numpy()[terms], exp[row][terms]
        # the larger variance of the two: the normal bound is too tight for p near 0 or 1
        v = np.maximum(p * (1 - p), p_r * (1 - p_r))
        tol = 4 * np.sqrt(v / R_REPS + v / OUR_REPS) + 1 / R_REPS
        assert np.all(np.abs(p - p_r) <= tol), (col, p, p_r)
