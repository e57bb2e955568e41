#!/usr/bin/env python3
"""Time the ERGM core: MCMC proposals per second on one core and an MCMLE fit of a typical
inter-organisational network. Prints its figures; saves nothing.

Usage::

    python3 benchmarks/bench_ergm.py            # 10 million proposals, best of 3
    python3 benchmarks/bench_ergm.py --quick    # 1 million proposals, once

* MCMC: 1,000 organisations, 3,000 random directed ties (seed 1; mean degree 6), four
  sectors; ``edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')`` at
  coefficients (-6, 2, 0.3, 0.5), under which the chain keeps a mean degree of about 6; one
  chain, one thread, ``burnin`` proposals. Target: at least 5 million proposals per second.
  Reported: wall and CPU time per proposal, the acceptance rate, the mean degree reached.
* MCMLE: 150 organisations in five sectors, undirected collaboration ties (5% within a
  sector, 1.5% between, seed 3) and a directed case layer (2%), fitted with ``edges +
  gwesp(0.5, fixed=True) + nodematch('sector') + edgecov('case')``, one and two threads.
  Target: under 5 s.
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import ketennet as kn


def sparse_network() -> kn.Network:
    rng = np.random.default_rng(1)
    n, m = 1000, 3000
    s, t = rng.integers(n, size=2 * m), rng.integers(n, size=2 * m)
    keep = s != t
    rel = pd.DataFrame({"source": [f"o{a}" for a in s[keep]],
                        "target": [f"o{b}" for b in t[keep]]}).drop_duplicates().head(m)
    orgs = pd.DataFrame({"id": [f"o{k}" for k in range(n)],
                         "sector": rng.choice(["om", "politie", "zorg", "gemeente"], size=n)})
    return kn.from_pandas(orgs, rel, directed=True, layer="collaboration")


def typical_network() -> kn.Network:
    rng = np.random.default_rng(3)
    n = 150
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    steps, repeat = (1_000_000, 1) if args.quick else (10_000_000, 3)
    net = sparse_network()
    formula = "edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')"
    best = None
    for rep in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        sim = kn.ergm.simulate(net, formula, coef=[-6.0, 2.0, 0.3, 0.5], nsim=1, burnin=steps,
                               interval=1, chains=1, threads=1, seed=rep, progress=False)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        if best is None or wall < best[0]:
            best = (wall, cpu, sim)
    wall, cpu, sim = best
    degree = 2 * sim.statistics["edges"].iloc[0] / 1000
    print(f"MCMC, 1,000 organisations: {steps / wall / 1e6:.2f} million proposals/s "
          f"(wall; CPU {steps / cpu / 1e6:.2f}), acceptance {sim.acceptance:.3f}, "
          f"mean degree {degree:.2f} (target >= 5 million/s)")
    typical = typical_network()
    formula = "edges + gwesp(0.5, fixed=True) + nodematch('sector') + edgecov('case')"
    for threads in (1, 2):
        t0 = time.perf_counter()
        fit = kn.ergm.fit(typical, formula, seed=1, threads=threads, progress=False)
        print(f"MCMLE, 150 organisations, {threads} thread(s): {time.perf_counter() - t0:.2f} s, "
              f"{fit.iterations} iterations, converged {fit.converged} (target < 5 s)")


if __name__ == "__main__":
    main()
