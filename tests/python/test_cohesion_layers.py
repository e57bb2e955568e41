"""kn.cohesion.qap (beyond the sna cross-check in test_brokerage_r.py) and the
betweenness/closeness centralization: hand cases, weights, determinism, bad input."""
from __future__ import annotations

import numpy as np
import pytest

import ketennet as kn


def _layers(n=8, seed=3, weighted=False):
    rng = np.random.default_rng(seed)
    net = kn.Network()
    net.add_layer("agreement")
    net.add_layer("information")
    for i in range(n):
        net.add_organisation(f"o{i}")
    A = np.zeros((n, n))
    B = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            if rng.random() < 0.4:
                A[i, j] = rng.integers(1, 5) if weighted else 1
                net.add_relation(f"o{i}", f"o{j}", "agreement", volume=A[i, j])
            if rng.random() < 0.4:
                B[i, j] = rng.integers(1, 5) if weighted else 1
                net.add_relation(f"o{i}", f"o{j}", "information", volume=B[i, j])
    return net, A, B


@pytest.mark.parametrize("weighted", [False, True])
def test_qap_correlation_is_pearson_over_off_diagonal_cells(weighted):
    net, A, B = _layers(weighted=weighted)
    off = ~np.eye(len(A), dtype=bool)
    expected = np.corrcoef(A[off], B[off])[0, 1]
    r = kn.cohesion.qap(net, "agreement", "information", permutations=50, seed=1,
                        weight="volume" if weighted else None)
    assert r.correlation == pytest.approx(expected, abs=1e-12)
    assert r.permutations.shape == (50,)
    assert np.all(np.abs(r.permutations) <= 1 + 1e-12)


def test_qap_is_deterministic_for_a_seed_whatever_the_threads():
    net, _, _ = _layers(n=12)
    r1 = kn.cohesion.qap(net, "agreement", "information", permutations=300, seed=5, threads=1)
    r2 = kn.cohesion.qap(net, "agreement", "information", permutations=300, seed=5, threads=2)
    r3 = kn.cohesion.qap(net, "agreement", "information", permutations=300, seed=6)
    np.testing.assert_array_equal(r1.permutations, r2.permutations)
    assert not np.array_equal(r1.permutations, r3.permutations)
    assert (r1.p_greater, r1.p_less) == (r2.p_greater, r2.p_less)
    assert "permutations" in repr(r1)


def test_qap_bad_input():
    net = kn.examples.load("strafrechtketen")
    with pytest.raises(ValueError, match="layer 'case' is directed but layer 'collaboration' is undirected"):
        kn.cohesion.qap(net, "case", "collaboration")
    net.add_layer("leeg")
    with pytest.raises(ValueError, match="layer 'leeg' has no variance"):
        kn.cohesion.qap(net, "case", "leeg")
    with pytest.raises(KeyError, match="nope"):
        kn.cohesion.qap(net, "case", "nope")
    with pytest.raises(ValueError, match="permutations must be a positive integer"):
        kn.cohesion.qap(net, "case", "information", permutations=0)
    small = kn.Network()
    small.add_layer("a")
    small.add_layer("b")
    for o in "xy":
        small.add_organisation(o)
    small.add_relation("x", "y", "a")
    small.add_relation("x", "y", "b")
    with pytest.raises(ValueError, match="at least three organisations"):
        kn.cohesion.qap(small, "a", "b")


def test_centralization_measures_on_a_star_and_a_path():
    star = kn.Network()
    star.add_layer("L", directed=False)
    for o in "habcd":
        star.add_organisation(o)
    for o in "abcd":
        star.add_relation("h", o, "L")
    for m in ("degree", "betweenness", "closeness"):
        assert kn.cohesion.centralization(star, m) == pytest.approx(1.0)
    path = kn.Network()
    path.add_layer("L", directed=False)
    for o in "abcd":
        path.add_organisation(o)
    for s, t in [("a", "b"), ("b", "c"), ("c", "d")]:
        path.add_relation(s, t, "L")
    assert kn.cohesion.centralization(path, "betweenness") == pytest.approx(4 / 9)
    assert kn.cohesion.centralization(path, "closeness") == pytest.approx(5 / 12)
    with pytest.raises(ValueError, match="measure must be one of"):
        kn.cohesion.centralization(path, "eigenvector")
