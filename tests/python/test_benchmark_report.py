"""The benchmark results page: benchmarks/RESULTS.md is what benchmarks/report.py makes of
benchmarks/results.json, and every benchmark script that records runs has its section.

report.py runs in a subprocess (it imports benchmarks/harness.py as ``harness``, a name the
fuzzing tests also use for tests/fuzz/harness.py). No timings are checked.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "benchmarks")


def _python(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", code], cwd=BENCH, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _script_areas() -> dict:
    """script file -> its AREA constant, for every script under benchmarks/ that has one."""
    out = {}
    for name in sorted(os.listdir(BENCH)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(BENCH, name), encoding="utf-8") as f:
            tree = ast.parse(f.read(), name)
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "AREA" for t in node.targets):
                out[name] = ast.literal_eval(node.value)
    return out


def test_results_page_is_the_report_of_the_store(tmp_path):
    page = tmp_path / "RESULTS.md"
    _python(f"import sys, report; sys.exit(report.main(['--output', {str(page)!r}]))")
    with open(os.path.join(BENCH, "RESULTS.md"), encoding="utf-8") as f:
        committed = f.read()
    assert page.read_text(encoding="utf-8") == committed, (
        "benchmarks/RESULTS.md is not what `python3 benchmarks/report.py` writes from "
        "benchmarks/results.json: regenerate it")


def test_every_recording_script_has_a_section():
    areas = json.loads(_python(
        "import json, report; print(json.dumps({k: a['script'] for k, a in "
        "report.AREAS.items()}))"))
    scripts = _script_areas()
    assert "bench_ergm.py" in scripts
    for script, area in scripts.items():
        assert areas.get(area) == script, f"benchmarks/{script}: area {area!r} has no section " \
                                          "in report.AREAS naming the script"
    with open(os.path.join(BENCH, "results.json"), encoding="utf-8") as f:
        stored = {r["area"] for r in json.load(f)["runs"]}
    assert stored <= set(areas), f"runs of areas without a section: {sorted(stored - set(areas))}"
