#!/usr/bin/env python3
"""What including ketennet costs a C++ user: compile time and compiler memory.

Usage (see benchmarks/README.md)::

    python3 benchmarks/bench_compile.py --quick     # each program once, nothing saved
    python3 benchmarks/bench_compile.py             # best of 3, saved to results.json

Compiles small user programs (``-c``, the flags of a CMake Release build: ``-std=c++20 -O3
-DNDEBUG``) against the headers of this checkout, in the two modes of
``include/ketennet/core/config.hpp``: the default (the definitions are compiled into the
library, a user file parses declarations only) and ``KETENNET_HEADER_ONLY`` (every
definition inline in the user's file). Per program: wall seconds, CPU seconds (user + system
of the compiler), the compiler's peak memory (maximum resident set, from ``wait4``) and the
preprocessed lines. The targets (a file that includes the umbrella header and uses nothing:
under 4 s and 500 MB) are checked on the default mode and printed; the page shows them.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Tuple

import harness
import report
from harness import Run, log

AREA = "compile"
METHOD = ("Each program compiled --repeat times in a row, each compile a fresh compiler "
          "process; the compile with the least CPU time kept, with its wall time, peak memory "
          "and the other processes' load during it.")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAGS = ["-std=c++20", "-O3", "-DNDEBUG"]
TARGET_SECONDS, TARGET_MB = 4.0, 500.0

BETWEENNESS_MAIN = r"""
int main() {
    ketennet::Network net("example");
    net.add_layer("case");
    for (const char* id : {"police", "om", "court", "prison"}) net.add_organisation({id});
    net.add_relation({"police", "om", "case"});
    net.add_relation({"om", "court", "case"});
    net.add_relation({"court", "prison", "case"});
    const auto values = ketennet::centrality::betweenness(*net.view({{"case"}}));
    std::printf("%g\n", values[1]);
}
"""

#: name -> (what it shows, source)
PROGRAMS: Dict[str, Tuple[str, str]] = {
    "umbrella, uses nothing": (
        "`#include <ketennet/ketennet.hpp>`, an empty main()",
        "#include <ketennet/ketennet.hpp>\nint main() { return 0; }\n"),
    "umbrella, betweenness": (
        "the umbrella header; builds a 4-organisation network and prints a betweenness",
        "#include <cstdio>\n#include <ketennet/ketennet.hpp>\n" + BETWEENNESS_MAIN),
    "two headers, betweenness": (
        "the same program with model/network.hpp and centrality/betweenness.hpp only",
        "#include <cstdio>\n#include <ketennet/model/network.hpp>\n"
        "#include <ketennet/centrality/betweenness.hpp>\n" + BETWEENNESS_MAIN),
    "examples/cpp/scorecard.cpp": (
        "the shipped example: reads a JSON network, prints the scorecard", None),
}
MODES = {"library": [], "header-only": ["-DKETENNET_HEADER_ONLY"]}


def include_flags() -> List[str]:
    """-I for this checkout's headers and the dependencies' (Eigen's include directory is
    not on the default path on Debian)."""
    flags = ["-I" + os.path.join(ROOT, "include")]
    for d in ("/usr/include/eigen3", "/usr/local/include/eigen3"):
        if os.path.isdir(d):
            flags.append("-I" + d)
    return flags


def compile_once(cxx: str, source: str, extra: List[str], out: str) -> Tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of one compile; raises CalledProcessError with the
    compiler's message when it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen([cxx, *FLAGS, *extra, *include_flags(), "-c", source, "-o", out],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stdout.close()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise subprocess.CalledProcessError(code, cxx, stderr=err)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def preprocessed_lines(cxx: str, source: str, extra: List[str]) -> int:
    text = subprocess.run([cxx, *FLAGS, *extra, *include_flags(), "-E", source],
                          check=True, capture_output=True, text=True).stdout
    return text.count("\n")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    harness.add_common_arguments(p)
    p.add_argument("--cxx", default=os.environ.get("CXX", "g++"), help="the compiler (default g++)")
    args = p.parse_args(argv)
    harness.apply_common(args)
    cxx = shutil.which(args.cxx)
    if not cxx:
        p.error(f"--cxx {args.cxx}: not found")
    version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    run = Run(AREA, "bench_compile.py", argv if argv is not None else sys.argv[1:], [],
              {"repeat": args.repeat, "compiler": version, "flags": " ".join(FLAGS)},
              method=METHOD)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, (what, text) in PROGRAMS.items():
            if text is None:
                source = os.path.join(ROOT, "examples", "cpp", "scorecard.cpp")
            else:
                source = os.path.join(tmp, "program.cpp")
                with open(source, "w") as f:
                    f.write(text)
            for mode, extra in MODES.items():
                lines = preprocessed_lines(cxx, source, extra)
                best = None
                for _ in range(args.repeat):
                    harness.Quiet.wait()
                    a = harness.Quiet.snap()
                    wall, cpu, mb = compile_once(cxx, source, extra, os.path.join(tmp, "p.o"))
                    b = harness.Quiet.snap()
                    # other processes' load (cores): the machine's busy time less the compiler's
                    load = max(0.0, (b[0] - a[0] - cpu) / (b[2] - a[2]))
                    if best is None or cpu < best[1]:
                        best = (wall, cpu, mb, load)
                wall, cpu, mb, load = best
                c = run.case(name, lines, None, mode, "ketennet", cpu, mode=mode,
                             runs=args.repeat, load=load, note=what)
                c.update({"wall": round(wall, 3), "peak_mb": round(mb, 1)})
                log(f"  {name:<28} {mode:<12} {cpu:6.2f} s CPU  {wall:6.2f} s wall  "
                    f"{mb:7.1f} MB  {lines:>8,} lines")
                if name.startswith("umbrella, uses nothing") and mode == "library":
                    ok = cpu < TARGET_SECONDS and mb < TARGET_MB
                    failed |= not ok
                    run.check(name, lines, mode,
                              f"{cpu:.2f} s CPU (target < {TARGET_SECONDS:g} s), {mb:.0f} MB "
                              f"(target < {TARGET_MB:g} MB)", ok)
    report.publish(run, args)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
