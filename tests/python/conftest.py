"""Shared fixtures of the ketennet pytest suite.

* ``deviation``: records the largest absolute deviation of a cross-check per metric; the
  terminal summary lists them (so the suite reports how close ketennet is to NetworkX).
* ``example_path``: path of a built-in example's JSON file, or a failing test when it is absent.
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_DEVIATIONS = defaultdict(float)
_COUNTS = defaultdict(int)


class _Deviation:
    def record(self, metric: str, value: float) -> None:
        value = float(value)
        _COUNTS[metric] += 1
        if not value <= _DEVIATIONS[metric]:  # also keeps NaN visible
            _DEVIATIONS[metric] = value


@pytest.fixture
def deviation():
    return _Deviation()


def pytest_terminal_summary(terminalreporter):
    if not _DEVIATIONS:
        return
    terminalreporter.section("max abs deviation vs peers")
    for metric in sorted(_DEVIATIONS):
        terminalreporter.write_line(
            f"{metric:<45} {_DEVIATIONS[metric]:.3e}  ({_COUNTS[metric]} comparisons)")


def python_env():
    """Environment for subprocesses: the same interpreter, no user site surprises."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


PYTHON = sys.executable
