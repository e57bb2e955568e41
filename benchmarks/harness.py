"""What every benchmark script shares: the generated networks, timing, the machine
description, optional peers, command-line options and the results store.

The scripts (``run.py``, ``bench_brokerage.py``, ``bench_eventlog.py``, ``bench_flow.py``,
``bench_resilience.py``, ``bench_stats.py``, ``bench_ergm.py``, ``bench_compile.py``) import
this module; ``report.py`` turns the store,
``benchmarks/results.json``, into ``benchmarks/RESULTS.md``. Method: ``benchmarks/README.md``.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import gc
import importlib
import json
import math
import os
import platform
import shlex
import subprocess
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS_JSON = os.path.join(HERE, "results.json")
RESULTS_MD = os.path.join(HERE, "RESULTS.md")

# ---------------------------------------------------------------------------- networks

#: Arcs per organisation of the generated networks: directed, 5n distinct ordered pairs;
#: undirected, 2.5n distinct unordered pairs (5n arcs, mean degree 5).
ARCS_PER_ORGANISATION = 5
#: Candidate pairs drawn per tie wanted (plus 100); duplicates and self-loops are dropped and
#: the first ``m`` distinct pairs kept. Networks drawn with another factor (1.3) are other
#: networks: their figures are not comparable tie for tie (README, "Networks").
OVERSAMPLE = 1.2
SECTORS = np.array(["politie", "om", "rechtspraak", "cjib", "dji", "reclassering", "nifp",
                    "rvdk", "halt", "gemeente"], dtype=object)


@dataclasses.dataclass
class RandomNetwork:
    """A generated network: pandas frames for ketennet and the peers' own inputs.

    ``s`` and ``t`` are the ties' ends as positions 0..n-1 (row order of ``rels``), ``ids``
    the organisation ids (``org0000042``) in position order."""

    orgs: pd.DataFrame
    rels: pd.DataFrame
    s: np.ndarray
    t: np.ndarray
    ids: List[str]
    directed: bool

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def m(self) -> int:
        return len(self.s)


def random_ties(n: int, directed: bool, seed: int, m: Optional[int] = None
                ) -> Tuple[np.ndarray, np.ndarray, np.random.Generator]:
    """Uniform random simple graph: ``m`` distinct pairs (ordered when ``directed``), no
    self-loops. ``m`` defaults to ``ARCS_PER_ORGANISATION * n`` arcs (undirected: half as
    many ties). Returns the ends as positions and the generator, whose later draws give the
    attributes (so that the same seed gives the same attributes)."""
    rng = np.random.default_rng([seed, n, int(directed)])
    if m is None:
        m = ARCS_PER_ORGANISATION * n if directed else ARCS_PER_ORGANISATION * n // 2
    s = rng.integers(0, n, int(m * OVERSAMPLE) + 100)
    t = rng.integers(0, n, int(m * OVERSAMPLE) + 100)
    keep = s != t
    s, t = s[keep], t[keep]
    lo, hi = (s, t) if directed else (np.minimum(s, t), np.maximum(s, t))
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    first = np.sort(first)
    if len(first) < m:
        raise RuntimeError(f"graph generator: {len(first)} distinct pairs drawn for n={n}, "
                           f"{m} wanted (too dense for OVERSAMPLE={OVERSAMPLE})")
    first = first[:m]
    return s[first], t[first], rng


def random_network(n: int, directed: bool, seed: int, *, layer: str,
                   weights: Sequence[Tuple[str, float, float]] = (("volume", 1.0, 100.0),),
                   attributes: bool = True, m: Optional[int] = None) -> RandomNetwork:
    """Organisations (``id``; with ``attributes`` also ``name`` and a random ``sector``) and
    relations (``source``, ``target``, ``layer`` and one column per ``weights`` entry
    ``(name, low, high)``, uniform floats in [low, high)) of ``random_ties``. The attributes
    are drawn after the ties, sector first, then the weights in the order given."""
    s, t, rng = random_ties(n, directed, seed, m)
    m = len(s)
    ids = np.array([f"org{i:07d}" for i in range(n)], dtype=object)
    orgs = {"id": ids.tolist()}
    if attributes:
        orgs["name"] = [f"Organisatie {i}" for i in range(n)]
        orgs["sector"] = rng.choice(SECTORS, n).tolist()
    rels = {"source": ids[s].tolist(), "target": ids[t].tolist(), "layer": [layer] * m}
    for name, low, high in weights:
        rels[name] = rng.uniform(low, high, m)
    return RandomNetwork(pd.DataFrame(orgs), pd.DataFrame(rels), s, t, ids.tolist(), directed)


# ---------------------------------------------------------------------------- peers

def optional(module: str):
    """The module, or None when it is not installed (its cases are then left out and the
    run's ``machine.versions`` says "not installed")."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


# ---------------------------------------------------------------------------- timing

MIN_RUN = 0.2  # seconds: shorter calls are looped (as timeit's autorange) and averaged
RETRY_MAX_RUN = 120.0  # seconds: a longer disturbed run is kept (marked †), not repeated


class Quiet:
    """Guards against other processes using the CPUs while we measure.

    Foreign load = busy CPU time of the whole machine (/proc/stat) minus this process's CPU
    time (all its threads), per second of wall time, in cores. Before each run we wait (up to
    ``max_wait`` s) until it stays below ``limit`` for 0.3 s; a run of at least 0.2 s during
    which it exceeded ``limit`` is repeated (up to 3 times), and the load of the kept run is
    recorded (marked † in the report when above the limit)."""

    enabled = True
    limit = 0.25
    max_wait = 900.0
    waited = 0.0
    tick = float(os.sysconf("SC_CLK_TCK")) if hasattr(os, "sysconf") else 100.0

    @classmethod
    def snap(cls):
        try:
            with open("/proc/stat") as f:
                v = [int(x) for x in f.readline().split()[1:9]]
            busy = (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / cls.tick
        except (OSError, ValueError, IndexError):
            busy = float("nan")
        own = os.times()
        return busy, own.user + own.system, time.perf_counter()

    @staticmethod
    def load(a, b) -> float:
        wall = b[2] - a[2]
        if wall <= 0 or math.isnan(a[0]):
            return 0.0
        return max(0.0, ((b[0] - a[0]) - (b[1] - a[1])) / wall)

    @classmethod
    def disturbed(cls, a, b, load: float) -> bool:
        """Other processes competed for the CPUs: their load was above the limit and, with
        ours (own CPU time per wall second: 1 for single-threaded libraries), exceeded the
        cores of the machine."""
        wall = b[2] - a[2]
        own = (b[1] - a[1]) / wall if wall > 0 else 0.0
        return load >= cls.limit and load + own > (os.cpu_count() or 1) - cls.limit

    @classmethod
    def wait(cls) -> None:
        if not cls.enabled:
            return
        t0 = time.perf_counter()
        said = False
        while True:
            a = cls.snap()
            time.sleep(0.3)
            load = cls.load(a, cls.snap())
            if load < cls.limit or time.perf_counter() - t0 > cls.max_wait:
                cls.waited += time.perf_counter() - t0 - 0.3
                if said:
                    print(f"    (machine quiet again after {time.perf_counter() - t0:.0f} s)",
                          flush=True)
                return
            if not said:
                print(f"    (other processes use {load:.1f} cores: waiting)", flush=True)
                said = True


def _once(fn, args):
    Quiet.wait()
    for attempt in range(4):
        gc.collect()
        gc.disable()
        try:
            a = Quiet.snap()
            t0 = time.perf_counter()
            for x in args:
                res = fn(x)
            t1 = time.perf_counter()
            b = Quiet.snap()
        finally:
            gc.enable()
        load = Quiet.load(a, b)
        disturbed = Quiet.disturbed(a, b, load)
        if t1 - t0 < MIN_RUN or t1 - t0 > RETRY_MAX_RUN or not disturbed or attempt == 3 \
                or not Quiet.enabled:
            break  # (a disturbed run longer than RETRY_MAX_RUN is kept and marked †)
        print(f"    (run disturbed: other processes used {load:.1f} cores; again)", flush=True)
        del res
        Quiet.wait()
    return (t1 - t0) / len(args), res, (load if disturbed else 0.0)


@dataclasses.dataclass
class Timing:
    """``best`` seconds per call over ``runs`` runs, the ``first`` call's result, and the
    foreign CPU load (cores) during the best run."""

    best: float
    runs: int
    first: Any
    load: float


def timed(fn: Callable[[Any], Any], arg_factory: Callable[[], Any] = lambda: None,
          repeat: int = 3, budget: float = 60.0) -> Timing:
    """Best of up to ``repeat`` runs (fewer once the runs so far took ``budget`` seconds).

    ``arg_factory`` makes the argument of each call, untimed (a fresh network copy for a
    cold ketennet call). The first call gives the result that is checked. A call shorter
    than MIN_RUN is repeated in a loop of ``number`` calls on ``number`` prepared arguments
    and a run's time is the mean per call, so that microsecond operations are not dominated
    by timer resolution and cache misses after the collector ran. The garbage collector is
    off during a run (as in timeit). Before every run we wait for a quiet machine
    (``Quiet``)."""
    t, first, load = _once(fn, [arg_factory()])
    times: List[Tuple[float, float]] = [(t, load)]
    spent = t
    number = 1 if t >= MIN_RUN else min(10000, max(2, math.ceil(MIN_RUN / max(t, 1e-7))))
    if number > 1:
        times = []  # the single first call was only a calibration
    while len(times) < repeat and spent < budget:
        args = [arg_factory() for _ in range(number)]
        t, res, load = _once(fn, args)
        del res, args
        times.append((t, load))
        spent += t * number
    best = min(times)
    return Timing(best[0], len(times), first, best[1])


def best(fn: Callable[[], Any], repeat: int = 3, budget: float = 60.0) -> Timing:
    """``timed`` for a call without argument."""
    return timed(lambda _: fn(), repeat=repeat, budget=budget)


#: The timing method as the results store records it.
METHOD = ("best of --repeat runs (fewer once a case's runs took --budget s); calls under "
          f"{MIN_RUN} s looped and averaged within a run; garbage collector off; each run "
          "waits for a quiet machine and a disturbed run is repeated up to 3 times "
          "(harness.timed)")


def fmt_s(t: Optional[float]) -> str:
    if t is None:
        return "–"
    return f"{t:.3g}" if t >= 1e-3 else f"{t:.2e}"


# ---------------------------------------------------------------------------- machine

def _first_line(path: str, prefix: str) -> Optional[str]:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line
    except OSError:
        pass
    return None


def commit() -> Optional[str]:
    """The repository's HEAD (short), or None outside a checkout."""
    try:
        out = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        return out or None
    except (OSError, subprocess.SubprocessError):
        return None


def machine(libraries: Iterable[str] = ()) -> Dict[str, Any]:
    """CPU, logical CPUs, RAM, OS, Python and the versions of ketennet, pandas, numpy and
    ``libraries`` (module names; "not installed" when absent). No paths."""
    line = _first_line("/proc/cpuinfo", "model name")
    cpu = line.split(":", 1)[1].strip() if line else (platform.processor() or platform.machine())
    line = _first_line("/proc/meminfo", "MemTotal")
    ram = round(int(line.split()[1]) / 1024 / 1024, 1) if line else None
    line = _first_line("/etc/os-release", "PRETTY_NAME=")
    osname = (line.split("=", 1)[1].strip().strip('"') + f" ({platform.release()})") if line \
        else platform.platform()
    versions = {}
    for name in ("ketennet", "pandas", "numpy", *libraries):
        mod = optional(name)
        versions[name] = getattr(mod, "__version__", "unknown") if mod else "not installed"
    return {"cpu": cpu, "logical_cpus": os.cpu_count(), "ram_gib": ram, "os": osname,
            "python": platform.python_version(), "versions": versions}


# ---------------------------------------------------------------------------- options

def add_common_arguments(p: argparse.ArgumentParser, repeat: int = 3, threads: int = 2) -> None:
    """--quick, --repeat, --budget, --threads, --quiet-limit, --max-wait, --results,
    --no-save: the options every script takes."""
    p.add_argument("--quick", action="store_true",
                   help="small sizes, one run per case, results not saved: checks that the "
                        "script works (under a minute)")
    p.add_argument("--repeat", type=int, default=repeat,
                   help=f"runs per case, best taken (default {repeat})")
    p.add_argument("--budget", type=float, default=60.0,
                   help="stop repeating a case once its runs took this many seconds (default 60)")
    p.add_argument("--threads", type=int, default=threads,
                   help=f"threads for ketennet (and NetworKit) (default {threads})")
    p.add_argument("--quiet-limit", type=float, default=Quiet.limit,
                   help="foreign CPU load (cores) above which we wait / repeat a run (default 0.25)")
    p.add_argument("--max-wait", type=float, default=Quiet.max_wait,
                   help="longest wait for a quiet machine before a run, seconds (default 900; "
                        "--quick does not wait)")
    p.add_argument("--results", default=RESULTS_JSON,
                   help="the results store (default benchmarks/results.json)")
    p.add_argument("--no-save", dest="save", action="store_false",
                   help="do not add the run to the store (implied by --quick)")


def apply_common(args: argparse.Namespace) -> None:
    """Apply --quick (one run per case, calls looped only to 0.01 s, no waiting for a quiet
    machine, nothing saved) and the quiet-machine limits."""
    global MIN_RUN
    if args.quick:
        MIN_RUN = 0.01
        args.repeat = 1
        args.save = False
        Quiet.enabled = False
    Quiet.limit, Quiet.max_wait = args.quiet_limit, args.max_wait


def log(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------------------- results

class Run:
    """One run of a script: where, when, how, and its cases and checks.

    A case is one library's time for one operation on one data set:
    ``graph`` (directed / undirected / a data set's name), ``n``, ``m``, ``op``, ``lib``,
    ``mode`` (ketennet's variant of the call: cold, warm, 1 thread, ...; None for a peer),
    ``seconds`` (None when skipped), ``runs``, ``load``, ``estimate`` (a skipped case's
    extrapolated time), ``note``."""

    def __init__(self, area: str, script: str, argv: Sequence[str], libraries: Iterable[str],
                 settings: Dict[str, Any], method: str = METHOD):
        now = _dt.datetime.now(_dt.timezone.utc)
        self.data: Dict[str, Any] = {
            "id": f"{script} {now.isoformat(timespec='seconds')} {os.getpid()}",
            "area": area, "script": script, "date": now.strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit(),
            "command": f"python3 benchmarks/{script} " + " ".join(shlex.quote(a) for a in argv),
            "method": method, "settings": settings, "machine": machine(libraries),
            "cases": [], "checks": []}

    def case(self, graph: str, n: int, m: Optional[int], op: str, lib: str,
             seconds: Optional[float], *, mode: Optional[str] = None, runs: Optional[int] = None,
             load: float = 0.0, estimate: Optional[float] = None,
             estimated_from: Optional[int] = None, note: Optional[str] = None,
             section: Optional[str] = None) -> Dict[str, Any]:
        c = {"graph": graph, "n": n, "m": m, "op": op, "lib": lib, "mode": mode,
             "seconds": seconds, "runs": runs, "load": round(load, 3), "estimate": estimate,
             "estimated_from": estimated_from, "note": note, "section": section}
        self.data["cases"].append(c)
        return c

    def timing(self, graph: str, n: int, m: Optional[int], op: str, lib: str, t: Timing,
               **kw) -> Dict[str, Any]:
        """Record a ``Timing`` and print it."""
        c = self.case(graph, n, m, op, lib, t.best, runs=t.runs, load=t.load, **kw)
        log(f"  {graph:<10} n={n:<7} {op:<34} {lib:<10} {kw.get('mode') or '':<12} "
            f"{fmt_s(t.best):>9} s  (best of {t.runs})"
            + (f"  † other processes used {t.load:.2f} cores" if t.load >= Quiet.limit else ""))
        return c

    def check(self, graph: str, n: int, op: str, text: str, ok: bool) -> None:
        self.data["checks"].append({"graph": graph, "n": n, "op": op, "text": text, "ok": ok})
        log(f"  check {graph} n={n} {op}: {text}")

    def save(self, path: str = RESULTS_JSON) -> None:
        """Add the run to the store, or replace what an earlier save of it wrote (a long run
        saves after every size, so that an interrupted run keeps what it measured)."""
        store = Store(path)
        store.put(self.data)
        store.save()
        log(f"saved the run in {path}")


class Store:
    """benchmarks/results.json: ``{"schema": 2, "runs": [...], "notes": [...]}``, every run
    of every script (``Run.data``), oldest first, and the analyses written next to earlier
    results (``notes``: date, source, title, text)."""

    def __init__(self, path: str = RESULTS_JSON):
        self.path = path
        self.data: Dict[str, Any] = {"schema": 2, "runs": [], "notes": []}
        if os.path.exists(path):
            with open(path) as f:
                self.data = json.load(f)
            if self.data.get("schema") != 2:
                raise ValueError(f"{path}: not a results store of schema 2 "
                                 f"(keys {sorted(self.data)})")

    @property
    def runs(self) -> List[Dict[str, Any]]:
        return self.data["runs"]

    def put(self, run: Dict[str, Any]) -> None:
        """Append ``run``, or replace the stored run with the same ``id``."""
        runs = self.data["runs"]
        for i, r in enumerate(runs):
            if run.get("id") is not None and r.get("id") == run["id"]:
                runs[i] = run
                return
        runs.append(run)

    def save(self) -> None:
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.data, f, indent=1, ensure_ascii=False)
            f.write("\n")
        os.replace(tmp, self.path)

    def previous(self, area: str, graph: str, n: int, lib: str, op: str, mode: Optional[str]):
        """(n', m', case) of the latest case at the largest size below ``n`` that was
        measured or estimated, or None: the base of ``--skip-slow``'s extrapolation."""
        found = None
        for run in self.runs:
            if run["area"] != area:
                continue
            for c in run["cases"]:
                if (c["graph"], c["lib"], c["op"], c["mode"]) != (graph, lib, op, mode) \
                        or c["n"] >= n:
                    continue
                if c.get("seconds") is None and c.get("estimate") is None:
                    continue
                if found is None or c["n"] >= found[0]:
                    found = (c["n"], c["m"], c)
        return found

