"""The bit-for-bit check of every metric (scripts/metric_hashes.py) on one example network.

The script is run as a program (write with one thread, then --check with two: the same
hashes) and in this process: unchanged, --check finds no difference; with one metric
perturbed by one unit in the last place, an error message changed, a dtype changed or a label
renamed, --check must name the case, the first differing label and the values before and
after, and exit 1.
"""
from __future__ import annotations

import functools
import importlib.util
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from conftest import PYTHON, REPO, python_env

SCRIPT = REPO / "scripts" / "metric_hashes.py"

#: Every metric on the strafrechtketen example, without the report and scenario cases (the
#: slow ones: HTML with figures).
SUBSET = ["--only", "[strafrechtketen", "--exclude", "report.", "--exclude", "compare[",
          "--exclude", "Scenario."]

BETWEENNESS = ("centrality.betweenness[strafrechtketen; weight=None, normalized=False, "
               "endpoints=True, layers='case']")


@pytest.fixture(scope="module")
def mh():
    spec = importlib.util.spec_from_file_location("metric_hashes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["metric_hashes"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules["metric_hashes"]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = python_env()
    # the subprocess imports the ketennet this test imported (installed or built in place)
    env["PYTHONPATH"] = str(Path(kn.__file__).resolve().parents[1])
    return subprocess.run([PYTHON, str(SCRIPT), *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=600)


def test_program_same_input_same_hashes_with_one_and_two_threads(tmp_path):
    out = tmp_path / "before.json"
    written = _run(*SUBSET, "-o", str(out))
    assert written.returncode == 0, written.stderr
    hashes = json.loads(out.read_text(encoding="utf-8"))
    names = {name.split("[")[0] for name in hashes}
    assert {"centrality.betweenness", "cohesion.qap", "brokerage.gould_fernandez",
            "flow.score_chain", "resilience.simulate", "governance.diagnose"} <= names
    assert all("[strafrechtketen" in name for name in hashes)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes.values())
    assert (tmp_path / "before.leaves.jsonl.gz").exists()
    again = _run(*SUBSET, "--threads", "2", "--check", str(out))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "environment differs from the recorded run: threads: 1 -> 2" in again.stdout
    assert f"{len(hashes)} cases compared: 0 differ, 0 missing, 0 new" in again.stdout
    assert "DIFFERS" not in again.stdout


def test_panels_temporal_reach_and_resampling_same_with_two_threads(tmp_path):
    """The cases of the parallel kernels outside the subset: a panel's scorecard (networks
    scored at once), temporal reach (sources at once), resampling on a random network
    (draws at once) and the ERGM's MCMC (chains at once)."""
    only = ["--only", "Panel.scorecard[synthetic 4x3", "--only", "Panel.signals[synthetic 4x3",
            "--only", "Panel.trajectories[synthetic 4x3",
            "--only", "eventlog.temporal_reach[roadtraffic100traces",
            "--only", "stats.*[[]gnp-d-60;*", "--only", "ergm.fit[strafrechtketen",
            "--only", "ergm.simulate[gnp-d-60", "--only", "ergm.gof[gnp-u-60"]
    out = tmp_path / "one.json"
    written = _run(*only, "-o", str(out))
    assert written.returncode == 0, written.stderr
    hashes = json.loads(out.read_text(encoding="utf-8"))
    names = {name.split("[")[0] for name in hashes}
    assert {"Panel.scorecard", "Panel.trajectories", "eventlog.temporal_reach",
            "stats.cug_test", "stats.netlm", "ergm.fit", "ergm.simulate", "ergm.gof"} <= names
    again = _run(*only, "--threads", "2", "--check", str(out))
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{len(hashes)} cases compared: 0 differ, 0 missing, 0 new" in again.stdout


@pytest.fixture(scope="module")
def baseline(mh, tmp_path_factory):
    """The subset written once in this process: (hashes file, its cases)."""
    out = tmp_path_factory.mktemp("hashes") / "before.json"
    assert mh.main([*SUBSET, "-o", str(out)]) == 0
    return out, json.loads(out.read_text(encoding="utf-8"))


def _check(mh, baseline, capsys):
    out, _ = baseline
    capsys.readouterr()
    status = mh.main([*SUBSET, "--check", str(out)])
    return status, capsys.readouterr().out


def test_same_input_same_hashes(mh, baseline, capsys):
    status, text = _check(mh, baseline, capsys)
    assert status == 0
    assert text == f"{len(baseline[1])} cases compared: 0 differ, 0 missing, 0 new\n"


def test_one_ulp_in_one_value_is_reported(mh, baseline, monkeypatch, capsys):
    betweenness = kn.centrality.betweenness

    @functools.wraps(betweenness)
    def nudged(net, *args, **kw):
        s = betweenness(net, *args, **kw)
        if kw == {"weight": None, "normalized": False, "endpoints": True, "layers": "case",
                  "threads": 1}:
            s = s.copy()
            s["om"] = np.nextafter(s["om"], np.inf)
        return s

    monkeypatch.setattr(kn.centrality, "betweenness", nudged)
    status, text = _check(mh, baseline, capsys)
    assert status == 1
    assert re.findall(r"^DIFFERS (.*)$", text, flags=re.M) == [BETWEENNESS]
    assert ("first difference at result[om]: 131.0 (f64:4060600000000000) -> "
            "131.00000000000003 (f64:4060600000000001)") in text
    assert "1 of 44 aligned items differ" in text
    assert f"{len(baseline[1])} cases compared: 1 differ, 0 missing, 0 new" in text


def test_changed_error_message_dtype_and_label_are_reported(mh, baseline, monkeypatch, capsys):
    katz, density, dominators = (kn.centrality.katz, kn.cohesion.density,
                                 kn.resilience.dominators)

    def katz_other_message(net, *a, **kw):
        try:
            return katz(net, *a, **kw)
        except kn.ConvergenceError as e:
            raise kn.ConvergenceError(str(e).replace("did not converge", "failed")) from None

    def dominators_renamed(net, entry, **kw):
        return dominators(net, entry, **kw).rename(index={"politie": "Politie"})

    monkeypatch.setattr(kn.centrality, "katz", katz_other_message)
    monkeypatch.setattr(kn.cohesion, "density", lambda net, **kw: np.float32(density(net, **kw)))
    monkeypatch.setattr(kn.resilience, "dominators", dominators_renamed)
    status, text = _check(mh, baseline, capsys)
    assert status == 1
    differs = re.findall(r"^DIFFERS (.*)$", text, flags=re.M)
    katz_case = ("centrality.katz[strafrechtketen; alpha=0.05, weight='volume', "
                 "normalized=True, layers='case']")
    assert katz_case in differs
    block = text.split(f"DIFFERS {katz_case}\n")[1].splitlines()
    assert block[0].startswith("  first difference at raises: ConvergenceError: katz: did not "
                               "converge in 87 iterations")
    assert "-> ConvergenceError: katz: failed in 87 iterations" in block[0]
    assert block[1] == "  1 of 1 aligned items differ"
    assert ("DIFFERS cohesion.density[strafrechtketen]\n  first difference at result: "
            "0.20952380952380953 (f64:3fcad1ad1ad1ad1b) -> 0.20952381193637848 "
            "(f32:3e568d69)\n") in text
    assert ("DIFFERS resilience.dominators[strafrechtketen; entry='aangever']\n"
            "  first difference at result.index[2]: str:'politie' -> str:'Politie'\n"
            "  2 of 38 aligned items differ\n") in text
    # Only these three functions differ, density in all its four layer selections; and the
    # tests of kn.stats whose statistic is density computed in Python.
    direct = [d for d in differs if "<python: cohesion.density>" not in d]
    assert {d.split("[")[0] for d in direct} == {"centrality.katz", "cohesion.density",
                                                 "resilience.dominators"}
    assert sum(d.startswith("cohesion.density[") for d in differs) == 4
    assert {d.split("[")[0] for d in differs if d not in direct} == {
        "stats.cug_test", "stats.permutation_test", "stats.bootstrap"}
    assert f"{len(baseline[1])} cases compared: {len(differs)} differ, 0 missing, 0 new" in text


def test_missing_case_fails_and_new_case_is_listed(mh, tmp_path, monkeypatch, capsys):
    out = tmp_path / "h.json"
    assert mh.main(["--only", "cohesion.density[strafrechtketen", "-o", str(out)]) == 0
    hashes = json.loads(out.read_text(encoding="utf-8"))
    hashes["cohesion.density[gone]"] = "0" * 64
    del hashes["cohesion.density[strafrechtketen]"]
    out.write_text(json.dumps(hashes), encoding="utf-8")
    capsys.readouterr()
    assert mh.main(["--check", str(out), "--only", "cohesion.density[strafrechtketen"]) == 0
    text = capsys.readouterr().out
    assert "NEW     cohesion.density[strafrechtketen] (not in h.json)" in text
    # Without a selection every case of the file must be computed again.
    monkeypatch.setattr(mh, "_select", lambda cases, only, exclude=(): [
        c for c in cases if c[0].startswith("cohesion.density[strafrechtketen")])
    assert mh.main(["--check", str(out)]) == 1
    assert "MISSING cohesion.density[gone] (in h.json, not computed now)" in \
        capsys.readouterr().out


def _digest(mh, obj):
    return mh.fingerprint(lambda: obj).digest()


def test_canonical_form_is_bit_exact_and_labelled(mh):
    s = pd.Series([0.0, 1.0], index=["a", "b"], name="x")
    d = _digest(mh, s)
    assert _digest(mh, s.copy()) == d
    assert _digest(mh, pd.Series([-0.0, 1.0], index=["a", "b"], name="x")) != d
    assert _digest(mh, pd.Series([0.0, np.nextafter(1.0, 2.0)], index=["a", "b"],
                                 name="x")) != d
    assert _digest(mh, s.astype(np.float32)) != d
    assert _digest(mh, s.rename("y")) != d
    assert _digest(mh, s.rename(index={"b": "c"})) != d
    assert _digest(mh, s.rename_axis("organisation")) != d
    assert _digest(mh, pd.DataFrame({"x": s})) != d
    # Every NaN is the same missing value; set order does not count; ints keep their dtype.
    neg_nan = -np.float64("nan")
    assert _digest(mh, pd.Series([np.nan])) == _digest(mh, pd.Series([neg_nan]))
    assert _digest(mh, {"b", "a", "c"}) == _digest(mh, {"c", "a", "b"})
    assert _digest(mh, np.array([1], dtype=np.int32)) != _digest(mh, np.array([1]))
    # A raised error: its class and message.
    def boom():
        raise KeyError("unknown organisation 'x'")
    assert mh.fingerprint(boom).items == [("raises", "KeyError: \"unknown organisation 'x'\"")]
    # A result of a type the script does not know: the case records that it cannot hash it.
    assert mh.fingerprint(object).items == [
        ("cannot hash", "result: no canonical form for a builtins.object")]


def test_every_public_function_has_cases(mh):
    names = {name.split("[")[0] for name, _ in mh.all_cases(1)}
    public = {f"{m}.{f}" for m in ("centrality", "cohesion", "brokerage", "flow", "resilience",
                                   "governance", "eventlog", "report", "stats")
              for f in getattr(kn, m).__all__
              if inspect.isfunction(getattr(getattr(kn, m), f))}
    assert public - names == set()
    panel = {f"Panel.{f}" for f, v in vars(kn.Panel).items()
             if not f.startswith("_") and isinstance(v, (classmethod, type(lambda: 0)))}
    assert {"Panel.from_frames", "Panel.scorecard", "Panel.trajectories"} <= panel
    assert panel - names == set()
    assert {"scorecard", "signals", "compare", "Scenario.apply", "examples.eventlog", "Panel",
            "examples.synthetic_panel"} <= names
    # kn.ergm: every function that computes a result (the term functions build formulas)
    assert {"ergm.summary", "ergm.change_statistics", "ergm.fit", "ergm.simulate", "ergm.gof",
            "ergm.parse_formula"} <= names
    assert {"read_matrix", "read_survey", "ego", "examples.matrix", "examples.survey",
            "disclosure.protect", "disclosure.pseudonym", "disclosure.notice"} <= names


def test_ergm_terms_and_results_are_hashed(mh):
    """Every term of kn.ergm is summarised; a term hashes as its formula spelling; a fit,
    a simulation and a goodness-of-fit hash their public fields (estimates, networks,
    tables)."""
    summarised = " ".join(name for name, _ in mh.all_cases(1)
                          if name.startswith("ergm.summary["))
    terms = {f for f in kn.ergm.__all__
             if inspect.isfunction(getattr(kn.ergm, f)) and f not in
             ("as_terms", "parse_formula", "summary", "change_statistics", "fit", "simulate",
              "gof")}
    assert {t for t in terms if not re.search(rf"\b{t}\b", summarised)} == set()
    f = kn.ergm.parse_formula
    assert _digest(mh, f("gwesp(0.5, fixed=True)")) == _digest(mh, f("gwesp(0.5)"))
    assert _digest(mh, f("gwesp(0.5)")) != _digest(mh, f("gwesp(0.25)"))
    net = kn.Network()
    net.add_layer("collaboration", directed=False)
    for o in "abcd":
        net.add_organisation(o)
    for s, t in [("a", "b"), ("b", "c"), ("c", "d")]:
        net.add_relation(s, t, "collaboration")
    fit = kn.ergm.fit(net, "edges", method="mple", progress=False)
    items = dict(mh.fingerprint(lambda: fit).items)
    assert "result.coefficients[edges,estimate]" in items
    assert "result.network" in items and "result._model" not in items
    sim = lambda seed: kn.ergm.simulate(fit, nsim=2, burnin=10, interval=5,  # noqa: E731
                                        seed=seed, progress=False)
    assert _digest(mh, sim(1)) == _digest(mh, sim(1))
    assert _digest(mh, sim(1)) != _digest(mh, sim(2))


def test_panels_and_periods_are_hashed(mh):
    """A panel's units, periods and networks count; a Period by its ordinal and frequency."""
    net = kn.examples.load("strafrechtketen")
    other = kn.resilience.null_model(net, seed=1)
    month = pd.Period("2024-01", "M")
    d = _digest(mh, kn.Panel({("noord", month): net, ("noord", month + 1): other}))
    assert _digest(mh, kn.Panel({("noord", month): net, ("noord", month + 1): other})) == d
    assert _digest(mh, kn.Panel({("noord", month): other, ("noord", month + 1): net})) != d
    assert _digest(mh, kn.Panel({("zuid", month): net, ("zuid", month + 1): other})) != d
    assert _digest(mh, kn.Panel({("noord", month): net, ("noord", month + 2): other})) != d
    assert _digest(mh, pd.Period("2024", "Y")) != _digest(mh, pd.Period("2024-01", "M"))
    assert _digest(mh, pd.Series([month, month + 1])) != _digest(mh, pd.Series([month, month]))
