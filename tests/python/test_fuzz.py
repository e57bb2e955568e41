"""The readers under fuzzed input (tests/fuzz/): the error contract of harness.py checked on
the seed corpus and seeded random edits of it (in this process, deterministic), the saved
findings replayed, and a short libFuzzer run through tests/fuzz/run.py.

The long runs are tests/fuzz/run.py SECONDS (docs/reliability.md, "Fuzzing").
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

atheris = pytest.importorskip(
    "atheris", reason="atheris is not installed (pip install 'ketennet[test]' or atheris)")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FUZZ = os.path.join(ROOT, "tests", "fuzz")
sys.path.insert(0, FUZZ)

import harness  # noqa: E402

# Readers that break the error contract on inputs the fuzzers found (saved under
# tests/fuzz/findings/<reader>/), marked as strict expected failures until fixed: none today.
# Every saved finding (number out of range, invalid UTF-8 in JSON, GraphML and CSV, GraphML
# ids that are not UTF-8) now gets the documented error.
OPEN: set = set()


def _reader_param(reader):
    marks = [pytest.mark.xfail(strict=True, reason="reader outside its error contract")] \
        if reader in OPEN else []
    return pytest.param(reader, marks=marks, id=reader)


READERS = [_reader_param(r) for r in harness.READERS]


def test_error_contract_of_the_harness():
    harness.check_error(ValueError("net.json:3:7: /relations/0/volume: expected a number"))
    harness.check_error(KeyError("net.json: /relations/0/target: unknown organisation 'x'"))
    harness.check_error(FileNotFoundError(2, "No such file", "net.json"))
    for exc, what in [(RuntimeError("[json.exception.out_of_range.406] number overflow"),
                       "undocumented builtins.RuntimeError"),
                      (TypeError("bad"), "undocumented builtins.TypeError"),
                      (StopIteration(), "undocumented builtins.StopIteration"),
                      (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
                       "UnicodeDecodeError instead of a reader error"),
                      (ValueError("net.json: bad byte \udcff"), "message is not valid text"),
                      (ValueError(""), "ValueError without a message")]:
        with pytest.raises(harness.Finding, match=what):
            harness.check_error(exc)


def test_a_reader_that_accepts_what_it_cannot_hand_on_is_a_finding():
    class Broken:
        ids = ["a"]

        @property
        def metadata(self):
            raise RecursionError("maximum recursion depth exceeded")

    with pytest.raises(harness.Finding, match="Network.metadata raises RecursionError"):
        harness._use_network(Broken())


@pytest.mark.parametrize("reader", READERS)
def test_short_run(reader):
    executions, findings = harness.short_run(reader, mutants_per_seed=30, seed=1)
    assert executions == 31 * len(harness.seeds(reader))
    assert [(name, message) for name, _, message in findings] == []


def _saved_findings():
    out = []
    root = os.path.join(FUZZ, "findings")
    for reader in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        if not os.path.isdir(os.path.join(root, reader)):
            continue
        for name in sorted(os.listdir(os.path.join(root, reader))):
            if name.endswith(".input"):
                marks = [pytest.mark.xfail(strict=True, reason="reader outside its error "
                                           "contract")] if reader in OPEN else []
                out.append(pytest.param(reader, os.path.join(root, reader, name), marks=marks,
                                        id=f"{reader}/{name}"))
    return out


@pytest.mark.parametrize("reader,path", _saved_findings())
def test_saved_finding_is_handled(reader, path):
    with open(path, "rb") as f:
        harness.READERS[reader](f.read())


def test_libfuzzer_run(tmp_path):
    import ketennet

    env = dict(os.environ)  # the subprocess imports the ketennet this test imported
    env["PYTHONPATH"] = os.pathsep.join(
        [os.path.dirname(os.path.dirname(ketennet.__file__))]
        + [p for p in [env.get("PYTHONPATH")] if p])
    proc = subprocess.run(
        [sys.executable, os.path.join(FUZZ, "run.py"), "2", "--readers", "xes",
         "--out", str(tmp_path)], capture_output=True, text=True, env=env, timeout=300)
    (summary,) = json.loads((tmp_path / "summary.json").read_text())
    assert summary["reader"] == "xes"
    assert summary["executions"] >= len(harness.seeds("xes")), proc.stdout
    assert summary["findings"] == [] and proc.returncode == 0, proc.stdout
    assert "xes" in proc.stdout and "executions" in proc.stdout
