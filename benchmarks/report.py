#!/usr/bin/env python3
"""Write benchmarks/RESULTS.md from benchmarks/results.json: the current table of every area.

Usage::

    python3 benchmarks/report.py [--results benchmarks/results.json] [--output benchmarks/RESULTS.md]

For each area (centrality and cohesion, flow, brokerage, resilience, event logs, inference,
ERGMs, compile time) and each operation and data set, the latest run that measured it gives
the row: ketennet's times and every peer's, side by side, from that one run (so a row's
ratios come from one machine and one process), the ratios peer time / ketennet time, the
result check, the date and the method. Earlier runs stay in results.json (the history);
the page shows none of them.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

#: Per area: title, the script, ketennet's modes (column order), the modes the ratios are
#: taken against, the peers (column order), operation labels and order, an introduction.
AREAS: Dict[str, Dict[str, Any]] = {
    "centrality": {
        "title": "Centrality, cohesion and construction",
        "script": "run.py",
        "modes": ["cold", "warm"],
        "ratio_modes": ["cold", "warm"],
        "peers": ["networkx", "igraph", "networkit"],
        "intro": (
            "Generated networks (5 arcs per organisation). *cold*: the first call on a "
            "network whose analysis view is not built yet (a fresh `net.copy()` per run, copy "
            "untimed), so it includes building the CSR view; *warm*: later calls, the view is "
            "cached. `skipped (est. X s)`: not run with `--skip-slow`, X extrapolated from the "
            "largest smaller size. `n/a`: the library has no such function (or, NetworKit's "
            "Katz, none computing the same values). ketennet `threads=2`, NetworKit "
            "`setNumberOfThreads(2)`; igraph and NetworkX run on one thread."),
        "labels": {
            "construction": "construction from DataFrames",
            "degree": "degree (out; undirected: degree)",
            "density": "density",
            "betweenness": "betweenness, unweighted",
            "betweenness_weighted": "betweenness, weight=volume",
            "articulation_points": "articulation points",
            "reciprocity": "reciprocity (overall)",
            "edge_betweenness": "edge betweenness, unweighted",
            "closeness": "closeness (incoming), unweighted",
            "closeness_weighted": "closeness (incoming), weight=volume",
            "harmonic": "harmonic (incoming), unweighted",
            "pagerank": "PageRank, unweighted",
            "pagerank_weighted": "PageRank, weight=volume",
            "katz": "Katz (alpha 0.1)",
            "eigenvector": "eigenvector",
            "hits": "HITS (hubs and authorities)",
            "information": "information (largest component)",
            "current_flow_closeness": "current-flow closeness (largest component)",
            "current_flow_betweenness": "current-flow betweenness (largest component)",
            "core_number": "core number (k-cores; igraph coreness)",
            "communities": "communities: Louvain, seed 0 (igraph: multilevel); check: modularity",
            "communities_leiden": "communities: Leiden, seed 0 (igraph: community_leiden)",
        },
        "breakdown": ("ketennet breakdown: where its time goes: building the view "
                      "(`net.view(...)` on a fresh copy) and the C++ kernel called directly "
                      "through the internal `ketennet._core` on a cached view, without the "
                      "Python wrapper; the single-thread kernel compares per core with igraph."),
    },
    "flow": {
        "title": "Flow: max-flow, vertex cut, efficiency",
        "script": "bench_flow.py",
        "modes": ["warm", "warm, with bottlenecks", "cold", "warm, 1 thread"],
        "ratio_modes": ["warm"],
        "peers": ["networkx", "igraph", "networkit"],
        "intro": ("Max-flow and vertex cut: directed networks, 5 arcs per organisation, "
                  "capacities uniform in [1, 100), seconds per (source, sink) pair, the mean "
                  "over 5 pairs. Efficiency: undirected, mean degree 5, latencies uniform in "
                  "[1, 30). *warm*: later calls on a network; *cold*: the first call on a fresh "
                  "copy (first pair only). ketennet and NetworKit on 2 threads unless marked."),
        "labels": {},
    },
    "brokerage": {
        "title": "Brokerage",
        "script": "bench_brokerage.py",
        "modes": ["warm", "first call on a view"],
        "ratio_modes": ["warm", "first call on a view"],
        "peers": ["networkx", "igraph", "R sna"],
        "intro": ("Generated networks (5 arcs per organisation, 10 random sectors). *warm*: "
                  "repeated calls on one network; *first call on a view*: fresh copies of the "
                  "network with view and result index built untimed, the mutual adjacency "
                  "built in the call. igraph's constraint: undirected only. R sna timed "
                  "inside R (`system.time`)."),
        "labels": {},
    },
    "resilience": {
        "title": "Resilience simulations",
        "script": "bench_resilience.py",
        "modes": [None],
        "ratio_modes": [None],
        "peers": ["networkx", "igraph"],
        "intro": ("Undirected random networks. The peers are removal loops written with "
                  "NetworkX and igraph; slow peer loops are timed over a few runs and scaled "
                  "to the full count (notes column). Every peer's first run is checked to "
                  "give ketennet's curve and removal order."),
        "labels": {},
    },
    "eventlog": {
        "title": "Event logs",
        "script": "bench_eventlog.py",
        "modes": [None, "C++ kernels"],
        "ratio_modes": [None],
        "peers": ["pm4py", "pandas"],
        "intro": ("XES reading and handover networks on BPI Challenge 2012 and the shipped "
                  "help-desk log, and a generated log (10 events per case on average, 20 "
                  "organisations, 30 activities). *pandas*: groupby code computing the same "
                  "pairs and journeys."),
        "labels": {},
    },
    "stats": {
        "title": "Inference and panels: MRQAP, CUG test, panel scorecard",
        "script": "bench_stats.py",
        "modes": ["warm"],
        "ratio_modes": ["warm"],
        "peers": ["R sna"],
        "intro": ("MRQAP: 100 organisations, a directed valued relation and three predictors "
                  "(normal values), double semi-partialling (`qapspp`); netlogit on the "
                  "relation dichotomised at 0. CUG test: transitivity given the number of "
                  "ties on a random undirected network. R sna timed inside R (`system.time`), "
                  "one run; its cug.test time is scaled from fewer draws (notes column). "
                  "ketennet on 2 threads. Targets: netlm at least 20x faster than sna, "
                  "cug_test under a second, the 25 x 10 panel scored under 10 s."),
        "labels": {},
    },
    "ergm": {
        "title": "Exponential random graph models: MCMC and MCMLE",
        "script": "bench_ergm.py",
        "modes": ["1 thread", "1 thread, CPU", "2 threads", "2 threads, CPU"],
        "ratio_modes": [],
        "peers": ["none"],
        "intro": ("MCMC: 1,000 organisations, 3,000 random directed ties, four sectors, "
                  "`edges + mutual + gwesp(0.5, fixed=True) + nodematch('sector')` at "
                  "coefficients (-6, 2, 0.3, 0.5), one chain on one thread; target at least 5 "
                  "million proposals per second per core (the notes give both rates). MCMLE: "
                  "150 organisations, undirected collaboration ties in five sectors and a "
                  "directed case layer, `edges + gwesp(0.5, fixed=True) + nodematch('sector') "
                  "+ edgecov('case')`, default control, seed 1; target under 5 s. *CPU*: the "
                  "process's CPU time (all threads) of the kept run; the other columns are wall "
                  "time. No peer (column *none*): statnet's ergm is an R package that is not "
                  "packaged for Debian 12, and only PyPI and Debian are reachable from the "
                  "benchmark machine, so it could not be installed."),
        "labels": {},
    },
    "compile": {
        "title": "Compile time: what including ketennet costs a C++ user",
        "script": "bench_compile.py",
        "intro": ("One compile (`-c`) of small user programs against the headers, with the "
                  "flags of a CMake Release build (`-std=c++20 -O3 -DNDEBUG`), in the two modes "
                  "of `include/ketennet/core/config.hpp`. *library* (the default): the "
                  "definitions are compiled into the ketennet library and a user's file parses "
                  "declarations only; *header-only*: `KETENNET_HEADER_ONLY`, every definition "
                  "inline in the user's file. CPU: the compiler's user + system seconds (best "
                  "of the runs); peak: its maximum resident memory. Target for a file that "
                  "includes the umbrella header and uses nothing: under 4 s and 500 MB."),
        "custom": True,
    },
}
PEER_SHORT = {"networkx": "nx", "igraph": "ig", "networkit": "nk", "R sna": "sna",
              "pm4py": "pm4py", "pandas": "pandas"}


def cell(c: Optional[Dict[str, Any]]) -> str:
    if c is None:
        return "n/a"
    if c.get("seconds") is None:
        if c.get("estimate") is not None:
            return f"skipped (est. {harness.fmt_s(c['estimate'])} s)"
        return "–"
    return (harness.fmt_s(c["seconds"]) + ("¹" if c.get("runs") == 1 else "")
            + ("†" if (c.get("load") or 0) >= harness.Quiet.limit else ""))


def ratio(peer: Optional[Dict[str, Any]], ref: Optional[Dict[str, Any]]) -> str:
    if not peer or not ref or peer.get("seconds") is None or not ref.get("seconds"):
        return "–"
    r = peer["seconds"] / ref["seconds"]
    return f"{r:.3g}×" if r < 100 else f"{r:,.0f}×"


def mode_name(mode: Optional[str]) -> str:
    return "ketennet" if mode is None else f"ketennet {mode}"


Key = Tuple[str, int, Optional[int], str]


def current(runs: List[Dict[str, Any]], section: Optional[str]
            ) -> Dict[Key, Tuple[int, List[Dict[str, Any]]]]:
    """(graph, n, m, op) -> (index of the latest run that measured it, that run's cases)."""
    out: Dict[Key, Tuple[int, List[Dict[str, Any]]]] = {}
    for i, run in enumerate(runs):
        mine: Dict[Key, List[Dict[str, Any]]] = {}
        for c in run["cases"]:
            if c.get("section") == section:
                mine.setdefault((c["graph"], c["n"], c.get("m"), c["op"]), []).append(c)
        out.update({k: (i, v) for k, v in mine.items()})
    return out


def sort_key(area: Dict[str, Any], key: Key, first_seen: Dict[str, int]):
    graph, n, m, op = key
    order = list(area["labels"])
    return (graph, n, order.index(op) if op in order else len(order) + first_seen.get(op, 0),
            -(m or 0))


def table(head: List[str], rows: List[List[str]], left: Tuple[str, ...]) -> List[str]:
    out = ["| " + " | ".join(head) + " |",
           "|" + "|".join("---" if h in left else "---:" for h in head) + "|"]
    out += ["| " + " | ".join(x.replace("|", "\\|") for x in r) + " |" for r in rows]
    return out + [""]


def size_text(n) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


class Section:
    """The page's section of one area: the main table, ketennet's breakdown, the checks and
    the machines of the rows shown. ``methods`` is shared across sections (M1, M2, ...)."""

    def __init__(self, area: Dict[str, Any], runs: List[Dict[str, Any]], methods: List[str]):
        self.area, self.runs, self.methods = area, runs, methods
        self.cur = current(runs, None)
        self.bd = current(runs, "breakdown")
        first_seen: Dict[str, int] = {}
        for k in self.cur:
            first_seen.setdefault(k[3], len(first_seen))
        self.keys = sorted(self.cur, key=lambda k: sort_key(area, k, first_seen))
        cases = [c for _, cs in self.cur.values() for c in cs]
        self.modes = [m for m in area["modes"]
                      if any(c["lib"] == "ketennet" and c["mode"] == m for c in cases)]
        self.peers = [p for p in area["peers"] if any(c["lib"] == p for c in cases)]
        self.rmodes = [m for m in area["ratio_modes"] if m in self.modes]

    def method_ref(self, run: Dict[str, Any]) -> str:
        text = run.get("method") or "unknown"
        if text not in self.methods:
            self.methods.append(text)
        return f"M{self.methods.index(text) + 1}"

    def label(self, op: str) -> str:
        return self.area["labels"].get(op, op)

    def checks(self, run: Dict[str, Any], key: Key) -> List[Dict[str, Any]]:
        graph, n, _m, op = key
        return [x for x in run.get("checks", []) if (x["graph"], x["n"], x["op"]) == (graph, n, op)]

    def row(self, key: Key) -> List[str]:
        i, cs = self.cur[key]
        run = self.runs[i]
        graph, n, m, op = key
        kn = {c["mode"]: c for c in cs if c["lib"] == "ketennet"}
        peer = {c["lib"]: c for c in cs if c["lib"] != "ketennet"}
        r = [graph, size_text(n), f"{m:,}" if m else "–", self.label(op)]
        r += [cell(kn.get(mo)) if mo in kn else "–" for mo in self.modes]
        r += [cell(peer.get(p)) for p in self.peers]
        r += [ratio(peer.get(p), kn.get(mo)) for p in self.peers for mo in self.rmodes]
        checks = self.checks(run, key)
        r.append("; ".join({True: "OK", False: "FAILED", None: "not checked"}[x["ok"]]
                           for x in checks) if checks else "–")
        by_note: Dict[str, List[str]] = {}
        for c in cs:
            if c.get("note"):
                by_note.setdefault(c["note"], []).append(
                    mode_name(c["mode"]) if c["lib"] == "ketennet" else c["lib"])
        r.append("; ".join(text if len(who) == len(cs) or len(cs) == 1 else
                           f"{', '.join(who)}: {text}" for text, who in by_note.items()))
        return r + [run["date"][:10], self.method_ref(run)]

    def main_table(self) -> List[str]:
        head = ["graph", "n", "m", "operation"] + [mode_name(m) for m in self.modes] + self.peers
        head += [f"{PEER_SHORT[p]} / kn{'' if m is None else ' ' + m}"
                 for p in self.peers for m in self.rmodes]
        head += ["check", "notes", "date", "method"]
        return table(head, [self.row(k) for k in self.keys],
                     ("graph", "operation", "check", "notes", "date", "method"))

    def breakdown(self) -> List[str]:
        if not self.bd:
            return []
        rows = []
        for key in sorted(self.bd, key=lambda k: (k[0], k[1])):
            i, cs = self.bd[key]
            rows += [[key[0], size_text(key[1]), c.get("note") or key[3], cell(c),
                      self.runs[i]["date"][:10], self.method_ref(self.runs[i])] for c in cs]
        return [f"### {self.area['breakdown']}", ""] + table(
            ["graph", "n", "step", "seconds", "date", "method"], rows,
            ("graph", "step", "date", "method"))

    def check_details(self) -> List[str]:
        rows = [[key[0], size_text(key[1]), self.label(key[3]), x["text"]]
                for key in self.keys for x in self.checks(self.runs[self.cur[key][0]], key)]
        if not rows:
            return []
        return (["<details><summary>Result checks of these rows</summary>", ""]
                + table(["graph", "n", "operation", "check"], rows,
                        ("graph", "operation", "check")) + ["</details>", ""])

    def machines(self) -> List[str]:
        out: List[str] = []
        for i in sorted({i for i, _ in self.cur.values()} | {i for i, _ in self.bd.values()}):
            mach = self.runs[i].get("machine") or {}
            desc = f"{mach.get('cpu', 'unknown CPU')}"
            if mach.get("logical_cpus"):
                desc += f", {mach['logical_cpus']} logical CPUs"
            if mach.get("versions"):
                desc += "; " + ", ".join(f"{k} {x}" for k, x in mach["versions"].items())
            if desc not in out:
                out.append(desc)
        return ["Machines of these rows: " + " | ".join(out), ""]

    def lines(self) -> List[str]:
        return ([f"## {self.area['title']}", "",
                 f"`benchmarks/{self.area['script']}`. {self.area['intro']}", ""]
                + self.main_table() + self.breakdown() + self.check_details() + self.machines())


def compile_section(area: Dict[str, Any], runs: List[Dict[str, Any]],
                    methods: List[str]) -> List[str]:
    """The compile-time section: the latest run's programs and modes (one run: the figures
    of one checkout, compared with each other)."""
    run = runs[-1]
    if run.get("method") not in methods:
        methods.append(run.get("method") or "unknown")
    rows = []
    for c in run["cases"]:
        check = [x for x in run.get("checks", []) if (x["graph"], x["op"]) == (c["graph"], c["op"])]
        rows.append([c["graph"], c["mode"], f"{c['seconds']:.2f}", f"{c['wall']:.2f}",
                     f"{c['peak_mb']:.0f}", f"{c['n']:,}",
                     "; ".join(("OK: " if x["ok"] else "FAILED: ") + x["text"] for x in check) or "–",
                     c.get("note") or ""])
    mach = run.get("machine") or {}
    settings = run.get("settings") or {}
    return ([f"## {area['title']}", "", f"`benchmarks/{area['script']}`. {area['intro']}", ""]
            + table(["program", "mode", "CPU s", "wall s", "peak MB", "preprocessed lines",
                     "target", "what"], rows, ("program", "mode", "target", "what"))
            + [f"Run of {run['date']} (commit {run.get('commit') or 'unknown'}, "
               f"{settings.get('compiler', 'compiler unknown')}, best of "
               f"{settings.get('repeat', '?')}; M{methods.index(run.get('method') or 'unknown') + 1}); "
               f"machine: {mach.get('cpu', 'unknown CPU')}, {mach.get('logical_cpus', '?')} "
               "logical CPUs.", ""])


def render(store: harness.Store) -> str:
    methods: List[str] = []
    lines = [
        "# ketennet benchmark results",
        "",
        "Generated by `python3 benchmarks/report.py` from `benchmarks/results.json`, which "
        "keeps every run (machine, date, commit, command, method). Each row is the latest run "
        "of that operation and size; ketennet and the peers in a row were timed in the same "
        "run. Seconds per call; ratios are peer time / ketennet time (above 1: ketennet is "
        "faster). ¹: a single run (the case took longer than the budget); †: other processes "
        "competed for the CPUs during the kept run; `–`: not measured. How to run the "
        "benchmarks and what each operation measures: `benchmarks/README.md`.",
        "",
    ]
    for name, area in AREAS.items():
        runs = [r for r in store.runs if r["area"] == name]
        if runs and area.get("custom"):
            lines += compile_section(area, runs, methods)
        elif runs:
            lines += Section(area, runs, methods).lines()
    lines += ["## Methods", ""]
    lines += [f"- **M{i + 1}**: {text}" for i, text in enumerate(methods)]
    return "\n".join(lines) + "\n"


def write(results: str = harness.RESULTS_JSON, output: str = harness.RESULTS_MD) -> str:
    text = render(harness.Store(results))
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)
    return output


def publish(run: harness.Run, args) -> None:
    """Unless ``args.save`` is off (--quick, --no-save): add ``run`` to ``args.results`` and
    regenerate the page (``args.output``, default benchmarks/RESULTS.md)."""
    if args.save:
        run.save(args.results)
        print(f"wrote {write(args.results, getattr(args, 'output', harness.RESULTS_MD))}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--results", default=harness.RESULTS_JSON)
    p.add_argument("--output", default=harness.RESULTS_MD)
    args = p.parse_args(argv)
    print(f"wrote {write(args.results, args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
