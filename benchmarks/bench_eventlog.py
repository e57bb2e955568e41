#!/usr/bin/env python3
"""Time kn.eventlog against pm4py and against pandas groupby code doing the same; the run is
added to benchmarks/results.json and benchmarks/RESULTS.md regenerated (report.py).

Usage::

    python3 benchmarks/bench_eventlog.py --quick   # a check, under a minute, nothing saved
    python3 benchmarks/bench_eventlog.py [--events 10000000] [--repeat 3] [--bpic PATH]

Cases timed (seconds, ``harness.timed``, best of ``--repeat``; pm4py once; ratios are peer
time / ketennet time):

* XES reading: ``kn.eventlog.read_xes`` (expat + zlib, streaming, C++) against
  ``pm4py.read_xes`` (its default: a DataFrame) on BPI Challenge 2012 (``--bpic``, found in
  ``$KETENNET_EVENTLOGS`` or ``../shared/data/eventlogs``; skipped when absent) and on the
  shipped help-desk log (``--quick``: the help-desk log only).
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
import os
import sys
import time

import numpy as np
import pandas as pd

import ketennet as kn
from ketennet import _core
from ketennet import eventlog as ev

import harness
import report
from harness import Run, best, log

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
AREA = "eventlog"


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


class Cases:
    """The three groups of cases: XES reading, BPIC 2012's handover network, the generated
    log. ``record`` adds one library's time to the run."""

    def __init__(self, args, run: Run, pm4py):
        self.args, self.run, self.pm4py = args, run, pm4py

    def record(self, data, n, op, lib, tm, **kw):
        self.run.timing(data, n, None, op, lib, tm, **kw)

    def read_xes(self, label: str, path: str) -> None:
        tk = best(lambda: ev.read_xes(path), self.args.repeat)
        n = tk.first.n_events
        self.record(label, n, "read XES", "ketennet", tk)
        if self.pm4py is not None:
            tp = best(lambda: self.pm4py.read_xes(path), 1)
            assert len(tp.first) == n
            self.record(label, n, "read XES", "pm4py", tp)
            self.run.check(label, n, "read XES", f"OK: pm4py reads the same {n:,} events", True)

    def bpic_handover(self, bpic: str) -> None:
        xlog = ev.read_xes(bpic)
        n = xlog.n_events
        op = "handover network (resources)"
        tk = best(lambda: ev.handover_network(xlog, organisation="resource", self_loops=True),
                  self.args.repeat)
        net = tk.first
        self.record("BPIC 2012", n, op, "ketennet", tk)
        pdf = xlog.to_pandas().rename(columns={"case:concept:name": "case",
                                               "org:resource": "res", "time:timestamp": "ts"})
        tp = best(lambda: pandas_handover(pdf, "res", True), self.args.repeat)
        g = tp.first
        assert len(g) == net.number_of_relations() and int(g["size"].sum()) == int(
            net.relations["handovers"].sum())
        self.record("BPIC 2012", n, op, "pandas", tp)
        self.run.check("BPIC 2012", n, op, "OK: pandas gives the same pairs and handover counts",
                       True)
        if self.pm4py is not None:
            df = self.pm4py.read_xes(bpic)
            df = df[df["org:resource"].notna()]
            self.record("BPIC 2012", n, op, "pm4py",
                        best(lambda: self.pm4py.discover_handover_of_work_network(df), 1))

    def generated_log(self, events: int) -> None:
        log(f"generating {events:,} events")
        df = generated(events)
        tc = best(lambda: ev.from_pandas(df, case="case", activity="activity", timestamp="ts",
                                         resource=None, organisation="org", attributes=False), 1)
        xlog = tc.first
        core_bytes, str_bytes = xlog.nbytes
        n = xlog.n_events
        self.record("generated", n, "from_pandas (DataFrame to columnar log)", "ketennet", tc,
                    note=f"columnar log: {core_bytes / n:.1f} bytes per event (core columns and "
                         f"case offsets) plus {str_bytes:,} bytes of distinct strings")
        op = "handover network + journeys"
        tk = best(lambda: (ev.handover_network(xlog), ev.journeys(xlog)), self.args.repeat)
        net, j = tk.first
        self.record("generated", n, op, "ketennet", tk)

        def kernels():
            _core.eventlog.transitions(xlog._core, "organisation")
            _core.eventlog.journeys(xlog._core, "organisation", with_variants=False)

        tker = best(kernels, self.args.repeat)
        c0 = time.process_time()
        kernels()
        cpu = time.process_time() - c0
        self.record("generated", n, op, "ketennet", tker, mode="C++ kernels",
                    note=f"C++ kernels, one thread: {n / tker.best / 1e6:.1f} million events per "
                         f"second (wall); CPU time {cpu:.3g} s = {n / cpu / 1e6:.1f} million "
                         "events per second per core")
        tp = best(lambda: (pandas_handover(df, "org", False), pandas_journeys(df)),
                  self.args.repeat)
        g, pj = tp.first
        assert int(g["size"].sum()) == int(j["handovers"].sum())
        assert (pj["orgs"].to_numpy() == j["organisations"].to_numpy()).all()
        self.record("generated", n, op, "pandas", tp)
        self.run.check("generated", n, op,
                       "OK: pandas gives the same handovers and organisations per case", True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=None,
                    help="events of the generated log (default 10,000,000; --quick: 200,000)")
    ap.add_argument("--bpic", default=None, help="path of bpic2012.xes.gz")
    ap.add_argument("--no-pm4py", action="store_true")
    harness.add_common_arguments(ap)
    args = ap.parse_args(argv)
    harness.apply_common(args)
    events = args.events or (200_000 if args.quick else 10_000_000)
    pm4py = None if args.no_pm4py else harness.optional("pm4py")
    run = Run(AREA, "bench_eventlog.py", argv, ("pm4py",),
              {"repeat": args.repeat, "events": events})
    cases = Cases(args, run, pm4py)
    bpic = None if args.quick else find_bpic(args.bpic)
    cases.read_xes("helpdesk", kn.examples.eventlog_path("helpdesk"))
    if bpic:
        cases.read_xes("BPIC 2012", bpic)
        cases.bpic_handover(bpic)
    else:
        log("BPIC 2012 cases skipped (--quick, or bpic2012.xes.gz not found)")
    cases.generated_log(events)
    report.publish(run, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
