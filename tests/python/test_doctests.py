"""The numpydoc examples of every public module run as doctests."""
from __future__ import annotations

import doctest
import importlib

import pytest

import pkgutil

import ketennet

# every public module of the package (a new module without examples fails here, on purpose);
# the command-line entry points are tested in test_cli.py
_SKIP = {"ketennet.cli", "ketennet.__main__"}
MODULES = ["ketennet"] + sorted(
    f"ketennet.{m.name}" for m in pkgutil.iter_modules(ketennet.__path__)
    if not m.name.startswith("_") and f"ketennet.{m.name}" not in _SKIP) + [
    # private modules whose functions a public module re-exports (doctest reads a function's
    # examples only in the module that defines it)
    "ketennet._plot_stats", "ketennet._plot_panel", "ketennet._plot_ergm", "ketennet.ergm._terms",
    "ketennet.ergm._model",
    "ketennet.ergm._gof"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # examples that write files do so here
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
                             verbose=False, report=True)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed"
