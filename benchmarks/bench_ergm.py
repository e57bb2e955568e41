#!/usr/bin/env python3
"""Time the ERGM core: MCMC proposals per second on one core and an MCMLE fit of a typical
inter-organisational network; the run is added to benchmarks/results.json and
benchmarks/RESULTS.md regenerated (report.py).

Usage::

    python3 benchmarks/bench_ergm.py --quick    # 1 million proposals, once, nothing saved
    python3 benchmarks/bench_ergm.py            # 10 million proposals, best of 3

* MCMC: 1,000 organisations, 3,000 random directed ties (seed 1; mean degree, in plus out,
  6), four sectors; ``edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')`` at
  coefficients (-6, 2, 0.3, 0.5), under which the chain keeps a mean degree of about 6; one
  chain, one thread, ``--proposals`` burn-in proposals and one draw. Target: at least 5
  million proposals per second per core. Recorded: the wall and CPU time of the call, and
  in the notes the proposals per second of both and the acceptance rate. Checked: the mean
  degree of the final network stays within 6 +- 0.5 (a chain whose change statistics or
  acceptance step were wrong drifts to an empty or dense network).
* MCMLE: 150 organisations in five sectors, undirected collaboration ties (5% within a
  sector, 1.5% between, seed 3) and a directed case layer (2%), fitted with ``edges +
  gwesp(0.5, fixed=True) + nodematch('sector') + edgecov('case')`` (seed 1) on one and
  ``--threads`` threads (default 2). Target: under 5 s. Recorded: wall and CPU time.
  Checked: the fit converged, every t-ratio of the final sample (its mean minus the
  observed statistics, over its standard deviation) is below 0.1 in absolute value, and
  the estimates are the same on one and on ``--threads`` threads (the seed alone decides).

No peer: statnet's ergm (R) is not packaged for Debian 12 and only PyPI and Debian are
reachable from the benchmark machine, so it could not be installed.
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Callable, List, Tuple

import numpy as np
import pandas as pd

import ketennet as kn

import harness
import report
from harness import Run, log

AREA = "ergm"
N_MCMC, M_MCMC = 1000, 3000
N_FIT = 150
MCMC_FORMULA = "edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')"
MCMC_COEF = [-6.0, 2.0, 0.3, 0.5]
FIT_FORMULA = "edges + gwesp(0.5, fixed=True) + nodematch('sector') + edgecov('case')"
#: Peer name recorded for the area's rows: no ERGM implementation could be installed here.
NO_PEER = "none"


def sparse_network() -> kn.Network:
    rng = np.random.default_rng(1)
    n, m = N_MCMC, M_MCMC
    s, t = rng.integers(n, size=2 * m), rng.integers(n, size=2 * m)
    keep = s != t
    rel = pd.DataFrame({"source": [f"o{a}" for a in s[keep]],
                        "target": [f"o{b}" for b in t[keep]]}).drop_duplicates().head(m)
    orgs = pd.DataFrame({"id": [f"o{k}" for k in range(n)],
                         "sector": rng.choice(["om", "politie", "zorg", "gemeente"], size=n)})
    return kn.from_pandas(orgs, rel, directed=True, layer="collaboration")


def typical_network() -> kn.Network:
    rng = np.random.default_rng(3)
    n = N_FIT
    sector = rng.choice(["om", "politie", "zorg", "gemeente", "reclassering"], size=n)
    ids = [f"o{k}" for k in range(n)]
    rows = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < (0.05 if sector[i] == sector[j] else 0.015):
                rows.append((ids[i], ids[j], "collaboration"))
            if rng.random() < 0.02:
                rows.append((ids[i], ids[j], "case"))
    rel = pd.DataFrame(rows, columns=["source", "target", "layer"])
    return kn.from_pandas(pd.DataFrame({"id": ids, "sector": sector}), rel,
                          directed={"collaboration": False, "case": True})


def timed_cpu(fn: Callable[[], object], repeat: int, budget: float
              ) -> Tuple[harness.Timing, float]:
    """``harness.best`` of ``fn`` and the CPU time (this process, all threads) of the kept
    run: the call whose wall time is the best."""
    calls: List[Tuple[float, float]] = []

    def call(_):
        w0, c0 = time.perf_counter(), time.process_time()
        res = fn()
        calls.append((time.perf_counter() - w0, time.process_time() - c0))
        return res

    t = harness.timed(call, repeat=repeat, budget=budget)
    cpu = min(calls, key=lambda wc: abs(wc[0] - t.best))[1]
    return t, cpu


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proposals", type=int, default=None,
                    help="MCMC proposals per run (default 10 million; --quick 1 million)")
    harness.add_common_arguments(ap, threads=2)
    args = ap.parse_args(argv)
    harness.apply_common(args)
    steps = args.proposals or (1_000_000 if args.quick else 10_000_000)
    threads = sorted({1, args.threads})
    run = Run(AREA, "bench_ergm.py", argv, (),
              {"repeat": args.repeat, "threads": threads, "proposals": steps})

    net = sparse_network()
    m = int(kn.ergm.summary(net, "edges")["edges"])
    graph = f"{N_MCMC:,} organisations, directed"
    label = f"MCMC, {steps:,} proposals, 1 chain"
    seeds = iter(range(1000))
    t, cpu = timed_cpu(lambda: kn.ergm.simulate(
        net, MCMC_FORMULA, coef=MCMC_COEF, nsim=1, burnin=steps, interval=1, chains=1,
        threads=1, seed=next(seeds), progress=False), args.repeat, args.budget)
    sim = t.first
    rate = (f"{steps / t.best / 1e6:.2f} million proposals/s (wall; CPU "
            f"{steps / cpu / 1e6:.2f}); acceptance {sim.acceptance:.3f}; "
            "target >= 5 million/s per core")
    run.timing(graph, N_MCMC, m, label, "ketennet", t, mode="1 thread", note=rate)
    run.case(graph, N_MCMC, m, label, "ketennet", cpu, mode="1 thread, CPU", runs=t.runs,
             load=t.load)
    run.case(graph, N_MCMC, m, label, NO_PEER, None)
    log(f"  {rate}")
    degree = 2 * float(sim.statistics["edges"].iloc[0]) / N_MCMC
    ok = abs(degree - 2 * m / N_MCMC) <= 0.5
    run.check(graph, N_MCMC, label, f"mean degree {2 * m / N_MCMC:.2f} at the start, "
              f"{degree:.2f} after the chain (allowed: +- 0.5)", ok)

    typical = typical_network()
    m = int(kn.ergm.summary(typical, "edges")["edges"])
    graph = f"{N_FIT} organisations, undirected"
    label = "MCMLE fit, seed 1"
    fits = {}
    for th in threads:
        t, cpu = timed_cpu(lambda: kn.ergm.fit(typical, FIT_FORMULA, seed=1, threads=th,
                                               progress=False), args.repeat, args.budget)
        fits[th] = t.first
        mode = "1 thread" if th == 1 else f"{th} threads"
        run.timing(graph, N_FIT, m, label, "ketennet", t, mode=mode,
                   note=f"{t.first.iterations} iterations; target < 5 s")
        run.case(graph, N_FIT, m, label, "ketennet", cpu, mode=mode + ", CPU", runs=t.runs,
                 load=t.load)
    run.case(graph, N_FIT, m, label, NO_PEER, None)
    for th, f in fits.items():
        worst = float(np.max(np.abs(f.t_ratios.to_numpy())))
        ok = bool(f.converged) and worst < 0.1
        who = "1 thread" if th == 1 else f"{th} threads"
        run.check(graph, N_FIT, label, f"{who}: converged {f.converged} in {f.iterations} "
                  f"iterations, largest |t-ratio| {worst:.3f} (< 0.1)", ok)
    first, last = fits[threads[0]], fits[threads[-1]]
    same = first.coefficients.equals(last.coefficients)
    run.check(graph, N_FIT, label, f"estimates on {threads[0]} and {threads[-1]} threads "
              + ("identical" if same else "DIFFERENT: " + str(
                  (first.coef - last.coef).abs().max())), same)
    report.publish(run, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
