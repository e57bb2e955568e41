"""The documentation site builds with mkdocs in strict mode (any warning fails): every page in
the navigation exists, every docstring parses as numpydoc, the C++ API page is generated from
the headers."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs is in the test extra")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    page = (tmp_path / "site" / "cpp-api" / "index.html").read_text(encoding="utf-8")
    assert "betweenness.hpp" in page and "pagerank" in page
    # plain declarations and class members are on the page (tests/python/test_cpp_api_page.py
    # checks it in full)
    for name in ("read_json", "read_xes", "out_neighbours", "has_organisations", "automatic"):
        assert name in page, name
    assert (tmp_path / "site" / "centrality" / "index.html").exists()
