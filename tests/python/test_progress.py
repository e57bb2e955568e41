"""Progress bars: only for calls that run over a second, and never a warning in a notebook
without ipywidgets."""
from __future__ import annotations

import sys
import types
import warnings

import pytest

import ketennet as kn
from ketennet import _util


def test_fast_call_prints_nothing(capfd):
    net = kn.examples.load("strafrechtketen")
    kn.centrality.betweenness(net)  # progress=None: automatic
    kn.flow.global_efficiency(net)
    kn.brokerage.structural_holes(net)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_bar_appears_only_after_the_delay(monkeypatch, capsys):
    now = [100.0]
    monkeypatch.setattr(_util, "_clock", lambda: now[0])
    update = _util.progress_handler(None, "betweenness")
    for fraction in (0.1, 0.3, 0.5):  # within the first second: nothing
        now[0] += 0.25
        assert update(fraction) is True
    assert capsys.readouterr().err == ""
    now[0] += 0.5  # 1.25 s since the start
    assert update(0.7) is True
    err = capsys.readouterr().err
    assert "betweenness" in err and "70%" in err
    assert "[00:01<" in err  # elapsed counts from the start of the call
    update(1.0)
    assert "100%" in capsys.readouterr().err


def test_call_done_within_the_delay_prints_nothing(monkeypatch, capsys):
    now = [0.0]
    monkeypatch.setattr(_util, "_clock", lambda: now[0])
    update = _util.progress_handler(None, "closeness")
    now[0] = 0.9
    update(0.5)
    now[0] = 5.0
    update(1.0)  # finished: no bar for a call that is already done
    assert capsys.readouterr().err == ""


def test_false_and_callable():
    assert _util.progress_handler(False, "x") is None
    seen = []
    assert _util.progress_handler(seen.append, "x") == seen.append
    with pytest.raises(TypeError, match="progress must be"):
        _util.progress_handler("yes", "x")


@pytest.fixture
def notebook_without_ipywidgets(monkeypatch):
    """A Jupyter kernel as tqdm detects it (ipykernel's shell module loaded), without
    ipywidgets; tqdm's notebook modules are imported afresh."""
    pytest.importorskip("IPython")
    monkeypatch.setitem(sys.modules, "ipykernel.zmqshell", types.ModuleType("ipykernel.zmqshell"))
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import ipywidgets -> ImportError
    for name in ("tqdm.auto", "tqdm.autonotebook", "tqdm.notebook"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.delenv("QT_API", raising=False)  # tqdm takes a Qt console for a terminal


def test_notebook_without_ipywidgets_text_bar_no_warning(notebook_without_ipywidgets, capsys):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        update = _util.progress_handler(True, "journeys")
        update(0.4)
        update(1.0)
    assert [str(w.message) for w in caught] == []
    err = capsys.readouterr().err
    assert "journeys" in err and "40%" in err


def test_in_a_jupyter_kernel_no_warning(tmp_path):
    """The same in a real Jupyter kernel: a progress bar prints no tqdm warning."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import ketennet as kn\n"
        "net = kn.examples.load('strafrechtketen')\n"
        "bc = kn.centrality.betweenness(net, progress=True)\n"
        "print(round(bc.max(), 6))\n")]
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Warning" not in text and "IProgress" not in text, text
    assert f"{kn.centrality.betweenness(kn.examples.load('strafrechtketen')).max():.6g}" in text
