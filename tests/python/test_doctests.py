"""The numpydoc examples of every public module run as doctests."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["ketennet", "ketennet.network", "ketennet.io", "ketennet.centrality",
           "ketennet.cohesion", "ketennet.resilience", "ketennet.flow", "ketennet.report", "ketennet.examples",
           "ketennet.eventlog"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # examples that write files do so here
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
                             verbose=False, report=True)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed"
