"""Cross-checks against R's sna (2.7): Gould-Fernandez brokerage (``sna::brokerage``),
betweenness and closeness centralization (``sna::centralization``) and the QAP test
(``sna::qaptest`` with ``gcor``).

All graphs are written to one temporary directory and R runs once (r_sna.R) for the whole
module, so CI pays for one R start-up. Skipped, with the reason, only when ``Rscript`` is not
installed (scripts/setup.sh installs r-base-core and r-cran-sna).
"""
from __future__ import annotations

import functools
import math
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import ketennet as kn
from test_brokerage import grouped
from test_crosscheck_networkx import graph, network

HERE = Path(__file__).resolve().parent
RSCRIPT = shutil.which("Rscript")
pytestmark = pytest.mark.skipif(
    RSCRIPT is None, reason="Rscript not found: install r-base-core and r-cran-sna "
                            "(scripts/setup.sh does) to run the R sna cross-checks")

# sna's column order w_I, w_O, b_IO, b_OI, b_O, t -> ketennet's ROLES order
SNA_COLUMN = {"coordinator": 0, "itinerant": 1, "representative": 2, "gatekeeper": 3,
              "liaison": 4, "total": 5}
ORDER = [SNA_COLUMN[r] for r in kn.brokerage.ROLES]

BROKERAGE_CASES = ["karate", "florentine", "davis", "lesmis", "karate-oriented",
                   "lesmis-oriented", "gnp-d-60", "gnp-d-100", "gnp-u-60", "gnp-u-150-sparse"]
EXAMPLE_LAYERS = [(name, layer) for name in ("strafrechtketen", "vreemdelingenketen")
                  for layer in (None, "case", "information", "collaboration", "it")]
CENTRAL_CASES = ["karate", "florentine", "davis", "lesmis", "karate-oriented", "gnp-d-60",
                 "gnp-d-150-sparse", "gnp-u-60", "gnp-u-150-sparse", "gnp-d-300"]
QAP_REPS = 2000


def _example(name, layer):
    net = kn.examples.load(name)
    return net if layer is None else net.select_layers(layer)


def _arcs(net, layers=None):
    """1-based arcs of the view (undirected ties both ways, self-loops once)."""
    v = net.view(layers=layers)
    src, tgt, _ = v.edges()
    src, tgt = np.asarray(src), np.asarray(tgt)
    arcs = np.column_stack([src, tgt])
    if not v.directed:
        rev = arcs[src != tgt][:, ::-1]
        arcs = np.vstack([arcs, rev])
    return arcs + 1, v.directed


def _correlated_pair(n, p, keep, noise, seed, directed):
    rng = np.random.default_rng(seed)
    A = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    net = kn.Network()
    net.add_layer("agreement", directed=directed)
    net.add_layer("information", directed=directed)
    for v in A.nodes:
        net.add_organisation(str(v))
    B = set()
    for u, v in A.edges():
        net.add_relation(str(u), str(v), "agreement")
        if rng.random() < keep:
            B.add((u, v))
    for u in range(n):
        for v in range(n):
            if u != v and (directed or u < v) and rng.random() < noise:
                B.add((u, v))
    for u, v in sorted(B):
        net.add_relation(str(u), str(v), "information")
    return net


QAP_CASES = {
    "strafrecht-case-information": (lambda: kn.examples.load("strafrechtketen"), "case", "information"),
    "strafrecht-it-case": (lambda: kn.examples.load("strafrechtketen"), "it", "case"),
    "vreemdelingen-case-information": (lambda: kn.examples.load("vreemdelingenketen"), "case", "information"),
    "random-d-40": (lambda: _correlated_pair(40, 0.1, 0.5, 0.05, 5, True), "agreement", "information"),
    "random-u-50": (lambda: _correlated_pair(50, 0.08, 0.3, 0.05, 6, False), "agreement", "information"),
    "random-d-30-weak": (lambda: _correlated_pair(30, 0.1, 0.05, 0.1, 7, True), "agreement", "information"),
}


def _write(path: Path, arcs):
    path.write_text("".join(f"{a} {b}\n" for a, b in arcs))


@functools.lru_cache(maxsize=None)
def sna(tmp: str = ""):
    """Run R once on every case; return the output directory."""
    d = Path(tmp)
    lines = []
    for case in BROKERAGE_CASES:
        G, net = grouped(case)
        arcs, _ = _arcs(net)
        _write(d / f"{case}.edges", arcs)
        (d / f"{case}.cl").write_text("".join(f"{G.nodes[v]['grp']}\n" for v in G.nodes))
        lines.append(f"{case} {len(net)}")
    for name, layer in EXAMPLE_LAYERS:
        net = _example(name, layer)
        key = f"{name}-{layer or 'all'}"
        arcs, _ = _arcs(net)
        _write(d / f"{key}.edges", arcs)
        (d / f"{key}.cl").write_text("".join(f"{o['sector']}\n" for o in map(net.organisation, net.ids)))
        lines.append(f"{key} {len(net)}")
    (d / "brokerage.txt").write_text("\n".join(lines) + "\n")
    lines = []
    for case in CENTRAL_CASES:
        net = network(case)
        arcs, directed = _arcs(net)
        _write(d / f"c-{case}.edges", arcs)
        lines.append(f"c-{case} {len(net)} {'digraph' if directed else 'graph'}")
    for name, layer in EXAMPLE_LAYERS:
        net = _example(name, layer)
        arcs, directed = _arcs(net)
        key = f"c-{name}-{layer or 'all'}"
        _write(d / f"{key}.edges", arcs)
        lines.append(f"{key} {len(net)} {'digraph' if directed else 'graph'}")
    (d / "central.txt").write_text("\n".join(lines) + "\n")
    lines = []
    for i, (key, (make, la, lb)) in enumerate(QAP_CASES.items()):
        net = make()
        a, directed = _arcs(net, la)
        b, _ = _arcs(net, lb)
        _write(d / f"{key}.a", a)
        _write(d / f"{key}.b", b)
        lines.append(f"{key} {len(net)} {'digraph' if directed else 'graph'} {QAP_REPS} {100 + i}")
    (d / "qap.txt").write_text("\n".join(lines) + "\n")
    r = subprocess.run([RSCRIPT, "--vanilla", str(HERE / "r_sna.R"), str(d)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"Rscript failed:\n{r.stderr}"
    return d / "out"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return sna(str(tmp_path_factory.mktemp("sna")))


def _read(path):
    # R writes an undefined z-score (0 / 0) as NA or NaN: both are NaN here
    return np.loadtxt(path, ndmin=2, converters=lambda x: float("nan") if x in ("NA", b"NA") else float(x))


def _same(got, exp, what, deviation, tol=1e-9):
    got, exp = np.asarray(got, float), np.asarray(exp, float)
    assert got.shape == exp.shape, what
    assert np.array_equal(np.isnan(got), np.isnan(exp)), f"{what}: NaN positions differ"
    fin = np.isfinite(exp)
    assert np.array_equal(got[~fin & ~np.isnan(exp)], exp[~fin & ~np.isnan(exp)]), f"{what}: infinities differ"
    dev = float(np.max(np.abs(got[fin] - exp[fin]), initial=0.0))
    deviation.record(what, dev)
    scale = max(1.0, float(np.max(np.abs(exp[fin]), initial=0.0)))
    assert dev <= tol * scale, f"{what}: max deviation {dev}"


def _check_brokerage(res, out, key, deviation):
    exp_raw = _read(out / f"{key}.raw")[:, ORDER]
    _same(res.raw.to_numpy(), exp_raw, "sna::brokerage raw", deviation, 0)
    _same(res.expected.to_numpy(), _read(out / f"{key}.exp")[:, ORDER], "sna::brokerage exp", deviation)
    _same(res.sd.to_numpy(), _read(out / f"{key}.sd")[:, ORDER], "sna::brokerage sd", deviation)
    _same(res.z.to_numpy(), _read(out / f"{key}.z")[:, ORDER], "sna::brokerage z", deviation)
    gli = _read(out / f"{key}.gli")[:, ORDER]
    _same(res.network.to_numpy(), gli, "sna::brokerage network level", deviation)


@pytest.mark.parametrize("case", BROKERAGE_CASES)
def test_gould_fernandez_matches_sna(case, out, deviation):
    G, net = grouped(case)
    _check_brokerage(kn.brokerage.gould_fernandez(net, "grp"), out, case, deviation)


@pytest.mark.parametrize("name,layer", EXAMPLE_LAYERS)
def test_gould_fernandez_matches_sna_on_examples(name, layer, out, deviation):
    net = _example(name, layer)
    res = kn.brokerage.gould_fernandez(net)
    _check_brokerage(res, out, f"{name}-{layer or 'all'}", deviation)
    assert res.raw["total"].sum() == res.network.loc["raw", "total"]


def test_roles_on_three_organisations_match_sna_columns(tmp_path):
    """The role <-> sna column mapping, checked on the five two-paths a -> b -> c."""
    cases = {"coordinator": "XXX", "itinerant": "YXY", "gatekeeper": "YXX",
             "representative": "XXY", "liaison": "YXZ"}
    script = ["suppressMessages(library(sna))", "g <- matrix(0,3,3); g[1,2] <- 1; g[2,3] <- 1"]
    for role, s in cases.items():
        script.append(f"cat(brokerage(g, c({','.join(repr(c) for c in s)}))$raw.nli[2,], '\\n')")
    (tmp_path / "three.R").write_text("\n".join(script) + "\n")
    r = subprocess.run([RSCRIPT, "--vanilla", str(tmp_path / "three.R")], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = [list(map(float, line.split())) for line in r.stdout.strip().splitlines()]
    for (role, s), sna_row in zip(cases.items(), rows):
        net = kn.Network()
        net.add_layer("L")
        for o, sec in zip("abc", s):
            net.add_organisation(o, sector=sec)
        net.add_relation("a", "b", "L")
        net.add_relation("b", "c", "L")
        got = kn.brokerage.gould_fernandez(net).raw.loc["b"]
        assert got[role] == 1 and got["total"] == 1
        assert [sna_row[i] for i in ORDER] == got.tolist(), role


def _central_rows():
    keys = [f"c-{c}" for c in CENTRAL_CASES] + [f"c-{n}-{l or 'all'}" for n, l in EXAMPLE_LAYERS]
    return keys


@pytest.mark.parametrize("key", _central_rows())
def test_centralization_matches_sna(key, out, deviation):
    rows = dict(zip(_central_rows(), _read(out / "central")))
    if key[2:] in CENTRAL_CASES:
        net = network(key[2:])
    else:
        name, layer = next((n, l) for n, l in EXAMPLE_LAYERS if f"c-{n}-{l or 'all'}" == key)
        net = _example(name, layer)
    bet, clo = rows[key][0], rows[key][1]
    got_b = kn.cohesion.centralization(net, "betweenness")
    got_c = kn.cohesion.centralization(net, "closeness")
    deviation.record("sna::centralization betweenness", abs(got_b - bet))
    deviation.record("sna::centralization closeness", abs(got_c - clo))
    assert got_b == pytest.approx(bet, abs=1e-12)
    assert got_c == pytest.approx(clo, abs=1e-12)


@pytest.mark.parametrize("key", list(QAP_CASES))
def test_qap_matches_sna_qaptest(key, out, deviation):
    rows = dict(zip(QAP_CASES, _read(out / "qap")))
    make, la, lb = QAP_CASES[key]
    r = kn.cohesion.qap(make(), la, lb, permutations=QAP_REPS, seed=11)
    testval, pg, pl, pa = rows[key]
    deviation.record("sna::gcor", abs(r.correlation - testval))
    assert r.correlation == pytest.approx(testval, abs=1e-12)
    # p-values: two independent Monte Carlo estimates of the same probability
    for name, mine, theirs in (("p_greater", r.p_greater, pg), ("p_less", r.p_less, pl),
                               ("p_abs", r.p_abs, pa)):
        p = (mine + theirs) / 2
        se = math.sqrt(max(p * (1 - p), 1 / QAP_REPS) * 2 / QAP_REPS)
        deviation.record(f"sna::qaptest {name} (Monte Carlo)", abs(mine - theirs))
        assert abs(mine - theirs) <= 4.5 * se + 1e-12, f"{name}: {mine} vs sna {theirs}"
