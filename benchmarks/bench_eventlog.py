#!/usr/bin/env python3
"""Time kn.eventlog against pm4py and against pandas groupby code doing the same, and append an
"Event logs" section to benchmarks/RESULTS_EVENTLOG.md.

Usage::

    python3 benchmarks/bench_eventlog.py [--events 10000000] [--repeat 3] [--bpic PATH]

Cases timed (seconds, best of ``--repeat``; ratios are peer time / ketennet time):

* XES reading: ``kn.eventlog.read_xes`` (expat + zlib, streaming, C++) against
  ``pm4py.read_xes`` (its default: a DataFrame) on BPI Challenge 2012 (``--bpic``, found in
  ``$KETENNET_EVENTLOGS`` or ``../shared/data/eventlogs``; skipped when absent) and on the
  shipped help-desk log.
* Handover network (beta 0, resources, pm4py's definition: self loops kept) on BPIC 2012:
  ``kn.eventlog.handover_network`` against ``pm4py.discover_handover_of_work_network`` and
  against pandas code (shift within cases, groupby pair: count, mean, median wait).
* A generated log of ``--events`` events (10 events per case on average, 20 organisations,
  30 activities, increasing timestamps), columns already in memory: the handover network and
  the journeys (``kn.eventlog.handover_network`` + ``kn.eventlog.journeys`` on the
  EventLog; the C++ kernels through ``ketennet._core`` are timed separately to give the
  events per second per core) against pandas groupby code computing the same pairs and
  per-case lead time, organisations and handovers. ``from_pandas`` (the conversion into the
  columnar log) is timed too. Results are checked against each other before timing.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import os
import platform
import subprocess
import sys
import time

import numpy as np
import pandas as pd

import ketennet as kn
from ketennet import _core
from ketennet import eventlog as ev

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def best(fn, repeat):
    out, times = None, []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def find_bpic(arg):
    for p in (arg, os.path.join(os.environ.get("KETENNET_EVENTLOGS", ""), "bpic2012.xes.gz"),
              os.path.join(REPO, "..", "shared", "data", "eventlogs", "bpic2012.xes.gz"),
              "/work/shared/data/eventlogs/bpic2012.xes.gz"):
        if p and os.path.exists(p):
            return p
    return None


def pandas_handover(df, node, self_loops):
    """Handover pairs of a DataFrame sorted by case and time (pandas only)."""
    d = df[df[node].notna()]
    case = d["case"].to_numpy()
    org = d[node].to_numpy()
    ts = pd.DatetimeIndex(d["ts"]).asi8
    same = case[1:] == case[:-1]
    if not self_loops:
        same &= org[1:] != org[:-1]
    pairs = pd.DataFrame({"s": org[:-1][same], "t": org[1:][same],
                          "w": (ts[1:][same] - ts[:-1][same]) / 1e9})
    return pairs.groupby(["s", "t"], observed=True, sort=False)["w"].agg(["size", "mean", "median"])


def pandas_journeys(df):
    case = np.asarray(df["case"].cat.codes if hasattr(df["case"], "cat") else pd.factorize(df["case"])[0])
    ts = pd.Series(pd.DatetimeIndex(df["ts"]).asi8)
    g = ts.groupby(case, sort=False)
    out = pd.DataFrame({"lead_ns": g.max() - g.min(),
                        "orgs": df["org"].groupby(case, sort=False, observed=True).nunique()})
    d = df["org"].notna().to_numpy()
    c, org = case[d], np.asarray(df["org"].cat.codes)[d]
    change = (c[1:] == c[:-1]) & (org[1:] != org[:-1])
    out["handovers"] = pd.Series(change.astype(np.int64)).groupby(c[1:], sort=False).sum()
    out["handovers"] = out["handovers"].fillna(0)
    return out


def generated(n_events, seed=7):
    rng = np.random.default_rng(seed)
    n_cases = max(1, n_events // 10)
    sizes = rng.integers(1, 20, n_cases)
    sizes = (sizes * (n_events / sizes.sum())).astype(np.int64)
    sizes[sizes < 1] = 1
    rest = n_events - int(sizes.sum())  # spread the rounding remainder over the first cases
    if rest > 0:
        sizes[:rest % len(sizes)] += 1
        sizes += rest // len(sizes)
    case = np.repeat(np.arange(len(sizes)), sizes)
    n = len(case)
    orgs = np.array([f"org{i:02d}" for i in range(20)], dtype=object)
    acts = np.array([f"activity {i}" for i in range(30)], dtype=object)
    start = np.repeat(rng.integers(0, 3 * 365 * 86400, len(sizes)), sizes).astype(np.int64)
    steps = rng.exponential(2 * 86400, n).astype(np.int64)
    # increasing timestamps within a case
    offs = np.cumsum(steps)
    first = np.repeat(np.cumsum(sizes) - sizes, sizes)
    offs = offs - offs[first]
    ts = (1_500_000_000 + start + offs) * 1_000_000_000
    df = pd.DataFrame({
        "case": pd.Categorical.from_codes(case, categories=[f"c{i}" for i in range(len(sizes))]),
        "activity": pd.Categorical.from_codes(rng.integers(0, 30, n), categories=acts),
        "ts": pd.to_datetime(ts, unit="ns", utc=True),
        "org": pd.Categorical.from_codes(rng.integers(0, 20, n), categories=orgs),
    })
    return df


def fmt(x):
    return f"{x:.3g}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--bpic", default=None)
    ap.add_argument("--no-pm4py", action="store_true")
    args = ap.parse_args()
    rows = []
    pm4py = None
    if not args.no_pm4py:
        try:
            import pm4py  # noqa: F401
        except ImportError:
            pm4py = None

    def add(what, data, kn_t, peer, peer_t):
        rows.append((what, data, kn_t, peer, peer_t, peer_t / kn_t if kn_t > 0 else float("nan")))
        print(f"{what:45s} {data:32s} kn {fmt(kn_t)} s  {peer} {fmt(peer_t)} s  ratio {peer_t / kn_t:.1f}x",
              flush=True)

    bpic = find_bpic(args.bpic)
    xes_logs = [("helpdesk (21,348 events)", kn.examples.eventlog_path("helpdesk"))]
    if bpic:
        xes_logs.append(("BPIC 2012 (262,200 events)", bpic))
    else:
        print("bpic2012.xes.gz not found: BPIC 2012 cases skipped", flush=True)
    for label, path in xes_logs:
        t_kn, log = best(lambda: ev.read_xes(path), args.repeat)
        if pm4py is not None:
            t_pm, df = best(lambda: pm4py.read_xes(path), max(1, args.repeat - 1))
            assert len(df) == log.n_events
            add("read XES", label, t_kn, "pm4py.read_xes", t_pm)
    if bpic:
        log = ev.read_xes(bpic)
        t_kn, net = best(lambda: ev.handover_network(log, organisation="resource", self_loops=True), args.repeat)
        pdf = log.to_pandas().rename(columns={"case:concept:name": "case", "org:resource": "res",
                                              "time:timestamp": "ts"})
        t_pd, g = best(lambda: pandas_handover(pdf, "res", True), args.repeat)
        assert len(g) == net.number_of_relations() and int(g["size"].sum()) == int(
            net.relations["handovers"].sum())
        add("handover network (resources)", "BPIC 2012", t_kn, "pandas groupby", t_pd)
        if pm4py is not None:
            df = pm4py.read_xes(bpic)
            df = df[df["org:resource"].notna()]
            t_pm, _ = best(lambda: pm4py.discover_handover_of_work_network(df), 1)
            add("handover network (resources)", "BPIC 2012", t_kn, "pm4py", t_pm)
    # generated log
    n = args.events
    print(f"generating {n:,} events", flush=True)
    df = generated(n)
    t_conv, log = best(lambda: ev.from_pandas(df, case="case", activity="activity", timestamp="ts",
                                              resource=None, organisation="org", attributes=False),
                       1)
    core_bytes, str_bytes = log.nbytes
    label = f"generated, {log.n_events:,} events"
    rows.append(("from_pandas (DataFrame -> columnar log)", label, t_conv, "", float("nan"), float("nan")))

    def kn_both():
        net = ev.handover_network(log)
        j = ev.journeys(log)
        return net, j

    t_kn, (net, j) = best(kn_both, args.repeat)
    def kernels():
        c = time.process_time()
        _core.eventlog.transitions(log._core, "organisation")
        _core.eventlog.journeys(log._core, "organisation", with_variants=False)
        return time.process_time() - c

    t_kernel, cpu_kernel = best(kernels, args.repeat)

    def pd_both():
        return pandas_handover(df, "org", False), pandas_journeys(df)

    t_pd, (g, pj) = best(pd_both, args.repeat)
    assert int(g["size"].sum()) == int(j["handovers"].sum())
    assert (pj["orgs"].to_numpy() == j["organisations"].to_numpy()).all()
    add("handover network + journeys", label, t_kn, "pandas groupby", t_pd)
    rate = log.n_events / t_kernel
    cpu_rate = log.n_events / cpu_kernel
    print(f"C++ kernels: {fmt(t_kernel)} s = {rate / 1e6:.1f} M events/s (one thread, wall); "
          f"CPU {fmt(cpu_kernel)} s = {cpu_rate / 1e6:.1f} M events/s per core", flush=True)

    head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    out = [f"\n## Event logs ({stamp} UTC)\n",
           f"`python3 benchmarks/bench_eventlog.py {' '.join(sys.argv[1:])}`; method in the script's "
           "docstring. Seconds, best of the repeats; ratio = peer time / ketennet time (above 1: "
           "ketennet is faster). **The machine (2 cores) was shared with other jobs during the run: "
           "timings are noisy.**\n",
           f"- {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs; Python "
           f"{platform.python_version()}; ketennet {kn.__version__} (HEAD {head}); pandas {pd.__version__}"
           + (f"; pm4py {pm4py.__version__}" if pm4py is not None else "") + "\n",
           "| operation | data | ketennet | peer | peer time | ratio |",
           "|---|---|---:|---|---:|---:|"]
    for what, data, tk, peer, tp, r in rows:
        out.append(f"| {what} | {data} | {fmt(tk)} | {peer} | {fmt(tp) if peer else ''} | "
                   f"{f'{r:.1f}×' if peer else ''} |")
    out.append(f"\nC++ kernels alone (pair table + journeys, one thread, columns in memory): "
               f"{fmt(t_kernel)} s wall for {log.n_events:,} events = {rate / 1e6:.1f} million events per "
               f"second; CPU time {fmt(cpu_kernel)} s = **{cpu_rate / 1e6:.1f} million events per second "
               f"per core** (the process's CPU time: the wall time includes waiting for the shared "
               f"cores). Columnar log: {core_bytes / log.n_events:.1f} bytes per event for the core "
               f"columns and case offsets, plus {str_bytes:,} bytes of distinct strings.\n")
    path = os.path.join(HERE, "RESULTS_EVENTLOG.md")
    new = not os.path.exists(path)
    with open(path, "a", encoding="utf-8") as f:
        if new:
            f.write("# ketennet event-log benchmark results\n\nAppended by "
                    "`benchmarks/bench_eventlog.py`, newest last.\n")
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
