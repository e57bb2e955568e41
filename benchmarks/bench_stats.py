#!/usr/bin/env python3
"""Time kn.stats (MRQAP regression, the conditional uniform graph test) against R's sna, and
the scoring of a panel; the run is added to benchmarks/results.json and
benchmarks/RESULTS.md regenerated (report.py).

Usage::

    python3 benchmarks/bench_stats.py --quick      # a check, about a minute, nothing saved
    python3 benchmarks/bench_stats.py              # the targets' sizes (R takes ~15 min)

* netlm: 100 organisations, a directed valued relation y and three predictors (normal
  values, seed 1), ``kn.stats.netlm(y, xs, method="qapspp", reps=10000)`` against
  ``sna::netlm(y, x, nullhyp="qapspp", reps=10000)``. Target: ketennet at least 20x faster.
  Checked: the coefficients and t-values equal (1e-8 relative).
* netlogit: the same organisations, y dichotomised at 0, ``--logit-reps`` draws (default
  1,000: R fits a glm per draw and predictor) against ``sna::netlogit``; same checks.
* cug_test: 1,000 organisations, 5,000 random undirected ties (seed 1), transitivity given
  the number of ties, ``kn.stats.cug_test(net, "transitivity", given="edges", reps=1000)``
  against ``sna::cug.test(g, gtrans, mode="graph", cmode="edges", reps=--r-cug-reps)``; R's time is scaled to
  1,000 draws from ``--r-cug-reps`` draws (default 100; R needs about a second per draw
  here) and the row says so. Target: ketennet under a second. Checked: the observed
  transitivity equal; the null means agree within Monte Carlo error.
* panel scorecard: ``kn.examples.synthetic_panel(units=25, periods=10)`` scored with
  ``panel.scorecard()``; no peer. Target: under 10 s.

R is timed inside R with ``system.time`` (start-up and file reading excluded), once (its runs
take minutes); ketennet best of ``--repeat``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

import ketennet as kn

import harness
import report
from harness import Run, best, log

AREA = "stats"
N_REG = 100
N_CUG, M_CUG = 1000, 5000


def rscript(script: str) -> str:
    exe = shutil.which("Rscript")
    r = subprocess.run([exe, "--vanilla", "-e", script], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return r.stdout


def have_sna() -> bool:
    if shutil.which("Rscript") is None:
        return False
    try:
        rscript("suppressMessages(library(sna))")
        return True
    except RuntimeError:
        return False


def regression_data(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    ids = [f"o{i:03d}" for i in range(n)]
    frame = lambda a: pd.DataFrame(a, index=ids, columns=ids)  # noqa: E731
    y = rng.normal(size=(n, n))
    xs = [rng.normal(size=(n, n)) for _ in range(3)]
    y = y + 0.3 * xs[0] - 0.2 * xs[1]
    return frame(y), {f"x{k + 1}": frame(x) for k, x in enumerate(xs)}


def r_regression(d: str, fn: str, y: pd.DataFrame, xs, reps: int):
    """(seconds, coefficients, statistics) of sna::netlm or sna::netlogit, y and xs as files."""
    np.savetxt(os.path.join(d, "y"), y.to_numpy())
    for k, x in enumerate(xs.values()):
        np.savetxt(os.path.join(d, f"x{k}"), x.to_numpy())
    n, kx = len(y), len(xs)
    out = rscript(
        f"suppressMessages(library(sna)); y <- as.matrix(read.table('{d}/y'));"
        f"x <- array(0, c({kx}, {n}, {n})); for (k in 1:{kx}) "
        f"x[k,,] <- as.matrix(read.table(paste0('{d}/x', k - 1)));"
        f"set.seed(1); t <- system.time(f <- {fn}(y, x, nullhyp='qapspp', reps={reps}))[['elapsed']];"
        f"cat(sprintf('%.17g', c(t, f$coefficients, f$tstat)), '\\n')").split()
    v = np.array([float(s) for s in out])
    return v[0], v[1:kx + 2], v[kx + 2:]


def cug_network(seed: int = 1):
    s, t, _ = harness.random_ties(N_CUG, False, seed, M_CUG)
    ids = [f"o{i}" for i in range(N_CUG)]
    net = kn.from_pandas(pd.DataFrame({"id": ids}),
                         pd.DataFrame({"source": [ids[i] for i in s], "target": [ids[j] for j in t],
                                       "layer": "L"}), directed=False)
    return net, s, t


def r_cug(d: str, s, t, reps: int):
    np.savetxt(os.path.join(d, "e"), np.column_stack([s, t]) + 1, fmt="%d")
    out = rscript(
        f"suppressMessages(library(sna)); e <- as.matrix(read.table('{d}/e'));"
        f"g <- matrix(0, {N_CUG}, {N_CUG}); g[e] <- 1; g[e[, 2:1]] <- 1; set.seed(1);"
        f"tm <- system.time(c <- cug.test(g, gtrans, mode='graph', cmode='edges', reps={reps}))[['elapsed']];"
        f"cat(sprintf('%.17g', c(tm, c$obs.stat, mean(c$rep.stat), sd(c$rep.stat))), '\\n')").split()
    return tuple(float(x) for x in out)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=None, help="netlm draws (default 10,000; --quick 500)")
    ap.add_argument("--logit-reps", type=int, default=None, help="netlogit draws (default 1,000; --quick 100)")
    ap.add_argument("--r-cug-reps", type=int, default=None,
                    help="R cug.test draws, scaled to 1,000 (default 100; --quick 10)")
    ap.add_argument("--periods", type=int, default=10)
    harness.add_common_arguments(ap, threads=2)
    args = ap.parse_args(argv)
    harness.apply_common(args)
    reps = args.reps or (500 if args.quick else 10000)
    logit_reps = args.logit_reps or (100 if args.quick else 1000)
    r_cug_reps = args.r_cug_reps or (10 if args.quick else 100)
    sna = have_sna()
    run = Run(AREA, "bench_stats.py", argv, (),
              {"repeat": args.repeat, "threads": args.threads, "netlm reps": reps,
               "netlogit reps": logit_reps, "R cug.test reps": r_cug_reps})
    th = args.threads

    y, xs = regression_data(N_REG)
    yb = (y > 0).astype(float)
    m_reg = N_REG * (N_REG - 1)
    with tempfile.TemporaryDirectory() as d:
        for op, fn, yy, rr in (("netlm", kn.stats.netlm, y, reps),
                               ("netlogit", kn.stats.netlogit, yb, logit_reps)):
            graph = f"{N_REG} organisations, 3 predictors"
            label = f"{op}, qapspp, {rr:,} draws"
            tk = best(lambda: fn(yy, xs, method="qapspp", reps=rr, seed=1, threads=th, progress=False),
                      args.repeat)
            run.timing(graph, N_REG, m_reg, label, "ketennet", tk, mode="warm")
            if not sna:
                continue
            tr, coef, tstat = r_regression(d, op, yy, xs, rr)
            ours = tk.first.coefficients
            ok = bool(np.allclose(ours["estimate"].to_numpy(), coef, rtol=1e-8, atol=1e-12)
                      and np.allclose(ours["statistic"].to_numpy(), tstat, rtol=1e-8, atol=1e-12))
            run.check(graph, N_REG, label, "coefficients and test statistics equal sna's (1e-8)"
                      if ok else f"DIFFERENT: sna {coef} {tstat}, ketennet {ours}", ok)
            assert ok
            run.case(graph, N_REG, m_reg, label, "R sna", tr, runs=1)
            log(f"  {op} R sna {harness.fmt_s(tr)} s; ratio {tr / tk.best:.0f}x")

        net, s, t = cug_network()
        graph = f"{N_CUG:,} organisations, {M_CUG:,} ties"
        label = "cug_test, transitivity given edges, 1,000 draws"
        tk = best(lambda: kn.stats.cug_test(net, "transitivity", given="edges", reps=1000,
                                            seed=1, threads=th), args.repeat)
        run.timing(graph, N_CUG, M_CUG, label, "ketennet", tk, mode="warm")
        if sna:
            tr, obs, mean, sd = r_cug(d, s, t, r_cug_reps)
            res = tk.first
            ours_mean = float(np.mean(res.null))
            ok = bool(abs(res.statistic - obs) <= 1e-12 and
                      abs(ours_mean - mean) <= 4 * sd / np.sqrt(r_cug_reps)
                      + 4 * float(np.std(res.null)) / np.sqrt(1000))
            run.check(graph, N_CUG, label, f"observed equal ({obs:.6g}); null means "
                      f"{ours_mean:.6g} and {mean:.6g} within Monte Carlo error" if ok else
                      f"DIFFERENT: sna {obs} {mean}, ketennet {res.statistic} {ours_mean}", ok)
            assert ok
            run.case(graph, N_CUG, M_CUG, label, "R sna", tr * 1000 / r_cug_reps, runs=1,
                     note=f"{r_cug_reps} draws timed, scaled to 1,000")

    panel = kn.examples.synthetic_panel(units=25, periods=args.periods, seed=0)
    nets = len(panel)
    tk = best(lambda: panel.scorecard(), args.repeat)
    run.timing(f"25 units x {args.periods} periods", nets, None,
               "panel scorecard (synthetic panel)", "ketennet", tk, mode="warm")
    report.publish(run, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
