"""Runs the fuzz target of every reader (or those named) for SECONDS each and reports
executions and findings.

    PYTHONPATH=python python tests/fuzz/run.py SECONDS [--readers json_string,graphml]
                                              [--out build/fuzz] [--timeout 10] [--seed 1]

Each reader runs under atheris (libFuzzer) from its seed corpus (tests/fuzz/corpus/<kind>,
read only) and a working corpus (<out>/corpus/<reader>, kept between runs). Findings go to
<out>/findings/<reader>/: ``<signature>.input`` and ``.txt`` for an input handled outside the
error contract (harness.py), libFuzzer's ``crash-*``, ``timeout-*`` (an input that took
longer than --timeout seconds) and ``oom-*`` (over --rss-limit-mb) for the others. After a
crash or time-out the reader is started again for the time left. The summary is printed and
written to <out>/summary.json; the exit status is 1 when there was a finding.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import CORPUS, READERS  # noqa: E402

ARTIFACT = re.compile(r"^(crash|timeout|oom|leak|slow-unit)-")


def run_reader(reader: str, seconds: float, out: str, timeout: int, rss_limit_mb: int,
               seed: int, max_len: int) -> dict:
    corpus = os.path.join(out, "corpus", reader)
    findings = os.path.join(out, "findings", reader)
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(findings, exist_ok=True)
    before = set(os.listdir(findings))
    executions, starts, stopped = 0, 0, []
    t0 = time.monotonic()
    while True:
        left = seconds - (time.monotonic() - t0)
        if left < 1 or (starts and left < 3):
            break
        starts += 1
        cmd = [sys.executable, os.path.join(HERE, "fuzz.py"), reader, "--findings", findings,
               f"-max_total_time={max(1, int(left))}", f"-timeout={timeout}",
               f"-rss_limit_mb={rss_limit_mb}", f"-seed={seed + starts - 1}",
               f"-max_len={max_len}", "-print_final_stats=1",
               f"-artifact_prefix={findings}{os.sep}", corpus,
               os.path.join(HERE, "corpus", CORPUS[reader])]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="backslashreplace")
        log = proc.stdout
        with open(os.path.join(out, f"{reader}.log"), "a", encoding="utf-8") as f:
            f.write(f"$ {' '.join(cmd)}\n{log}\n")
        m = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
        if m is None:
            m = re.search(r"Done (\d+) runs", log)
        if m is None:
            counts = re.findall(r"^#(\d+)\s", log, re.M)
            m_count = int(counts[-1]) if counts else 0
        else:
            m_count = int(m.group(1))
        executions += m_count
        if proc.returncode != 0:
            stopped.append(proc.returncode)
            if not any(ARTIFACT.match(f) for f in set(os.listdir(findings)) - before):
                # ended without an artifact: not a finding libFuzzer saved; report the log tail
                stopped.append("no artifact: " + " | ".join(log.strip().splitlines()[-5:]))
                break
    elapsed = time.monotonic() - t0
    new = sorted(set(os.listdir(findings)) - before)
    items = []
    for f in new:
        if f.endswith(".txt"):
            continue
        path = os.path.join(findings, f)
        what = f.split("-")[0] if ARTIFACT.match(f) else ""
        txt = path[: -len(".input")] + ".txt"
        if f.endswith(".input") and os.path.exists(txt):
            with open(txt, encoding="utf-8") as t:
                lines = [ln for ln in t.read().strip().splitlines() if ln.strip()]
            what = lines[-1] if lines else ""
        items.append({"input": path, "size": os.path.getsize(path), "what": what[:300]})
    return {"reader": reader, "seconds": round(elapsed, 1), "starts": starts,
            "executions": executions, "exec_per_s": round(executions / max(elapsed, 1e-9)),
            "findings": items, "abnormal_exits": stopped}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seconds", type=float, help="fuzzing time per reader")
    ap.add_argument("--readers", default=",".join(READERS),
                    help="comma-separated, of: " + ", ".join(READERS))
    ap.add_argument("--out", default=os.path.join("build", "fuzz"))
    ap.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    ap.add_argument("--rss-limit-mb", type=int, default=2048)
    ap.add_argument("--max-len", type=int, default=16384, help="largest input in bytes")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    readers = [r for r in args.readers.split(",") if r]
    unknown = [r for r in readers if r not in READERS]
    if unknown:
        ap.error(f"unknown reader(s) {unknown}; known: {', '.join(READERS)}")
    os.makedirs(args.out, exist_ok=True)
    results = []
    for r in readers:
        res = run_reader(r, args.seconds, args.out, args.timeout, args.rss_limit_mb, args.seed,
                         args.max_len)
        results.append(res)
        print(f"{r:13s} {res['seconds']:7.1f} s {res['executions']:9d} executions "
              f"{res['exec_per_s']:6d}/s  {len(res['findings'])} finding(s)", flush=True)
        for item in res["findings"]:
            print(f"    {item['input']} ({item['size']} B): {item['what']}", flush=True)
        for e in res["abnormal_exits"]:
            if isinstance(e, str):
                print(f"    {e}", flush=True)
    total = sum(r["executions"] for r in results)
    found = sum(len(r["findings"]) for r in results)
    print(f"total: {total} executions, {found} finding(s)")
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
