"""kn.stats.cug_test, permutation_test and bootstrap: known answers, the p-values and
summaries recomputed from the draws, a Python function against the named statistic,
determinism for a seed whatever the threads, and typed errors naming what is wrong."""
from __future__ import annotations

import math

import numpy as np
import pytest

import ketennet as kn


def network(ties, orgs="abcdef", directed=True, layer="l", **fields):
    net = kn.Network()
    net.add_layer(layer, directed=directed)
    for o in orgs:
        net.add_organisation(o)
    for k, (s, t) in enumerate(ties):
        net.add_relation(s, t, layer, **{f: v[k] for f, v in fields.items()})
    return net


#   a -> b -> c -> d -> e -> f,  b <-> a,  c -> a     (directed, 7 arcs on 6 organisations)
TIES = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("b", "a"), ("c", "a")]


@pytest.fixture(scope="module")
def net():
    return network(TIES, volume=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])


def test_density_given_size_averages_one_half(net):
    r = kn.stats.cug_test(net, "density", "size", reps=2000, seed=3)
    assert r.statistic == pytest.approx(7 / 30)
    # one draw: Binomial(30, 1/2) / 30, sd 0.0913; the mean of 2000 draws: sd 0.002
    assert r.null.mean() == pytest.approx(0.5, abs=0.01)
    assert r.p_greater > 0.95 and r.p_less < 0.05  # P(X <= 7) = 0.0026 for X ~ Bin(30, 1/2)
    assert (r.given, r.name, r.reps, r.seed) == ("size", "density", 2000, 3)


def test_density_given_edges_is_one_value(net):
    r = kn.stats.cug_test(net, "density", "edges", reps=100, seed=1)
    assert np.all(r.null == r.statistic)
    assert r.p_greater == r.p_less == r.p_value == 1.0


def test_reciprocity_given_dyad_census_is_one_value(net):
    r = kn.stats.cug_test(net, "reciprocity", "dyad_census", reps=100, seed=1)
    assert r.statistic == pytest.approx(2 / 7)  # a <-> b: 2 of the 7 arcs
    assert np.allclose(r.null, 2 / 7)
    e = kn.stats.cug_test(net, "reciprocity", "edges", reps=300, seed=1)
    assert len(set(np.round(e.null, 12))) > 1  # given edges only, reciprocity varies


def test_p_values_are_the_shares_of_the_draws(net):
    r = kn.stats.cug_test(net, "transitivity", "edges", reps=500, seed=5)
    assert r.p_greater == pytest.approx(np.mean(r.null >= r.statistic - 1e-12))
    assert r.p_less == pytest.approx(np.mean(r.null <= r.statistic + 1e-12))
    assert r.p_value == pytest.approx(min(1.0, 2 * min(r.p_greater, r.p_less)))
    b = network([("a", "b"), ("b", "c")])
    p = kn.stats.permutation_test(net, b, "ties", reps=400, seed=2)
    assert (p.statistic_a, p.statistic_b, p.statistic) == (7.0, 2.0, 5.0)
    assert p.p_greater == pytest.approx(np.mean(p.null >= 5 - 1e-12))
    assert p.p_abs == p.p_value == pytest.approx(np.mean(np.abs(p.null) >= 5 - 1e-12))


def test_bootstrap_summaries(net):
    r = kn.stats.bootstrap(net, "density", reps=800, seed=4, level=0.9, null_value=0.2)
    assert r.standard_error == pytest.approx(np.std(r.null, ddof=1))
    assert r.ci == pytest.approx(tuple(np.quantile(r.null, [0.05, 0.95])))
    centred = r.null - r.statistic
    assert r.p_value == pytest.approx(np.mean(np.abs(centred) >= abs(r.statistic - 0.2)))
    assert r.p_greater == pytest.approx(np.mean(centred >= r.statistic - 0.2 - 1e-12))
    # the bootstrap centres near the observed density
    assert abs(np.mean(r.null) - r.statistic) < 3 * r.standard_error
    assert (r.level, r.null_value, r.method) == (0.9, 0.2, "vertex bootstrap")


@pytest.mark.parametrize("stat,fn", [("density", kn.cohesion.density),
                                     ("transitivity", kn.cohesion.transitivity),
                                     ("reciprocity", kn.cohesion.reciprocity)])
def test_a_python_function_gives_the_named_statistic(net, stat, fn):
    named = kn.stats.cug_test(net, stat, "edges", reps=60, seed=9)
    mine = kn.stats.cug_test(net, fn, "edges", reps=60, seed=9)
    assert mine.statistic == named.statistic and np.array_equal(mine.null, named.null)
    assert mine.name == fn.__name__
    other = network([("a", "c"), ("c", "a"), ("d", "f"), ("b", "a")])
    p1 = kn.stats.permutation_test(net, other, stat, reps=60, seed=9)
    p2 = kn.stats.permutation_test(net, other, fn, reps=60, seed=9)
    assert np.array_equal(p1.null, p2.null) and p1.statistic == p2.statistic
    b1 = kn.stats.bootstrap(net, stat, reps=60, seed=9)
    b2 = kn.stats.bootstrap(net, fn, reps=60, seed=9)
    np.testing.assert_array_equal(b1.null, b2.null)


def test_python_function_reads_the_weight(net):
    def volume(n):
        return float(n.relations["volume"].sum())

    r = kn.stats.cug_test(net, volume, "edges", weight="volume", reps=20, seed=1)
    assert r.statistic == 28.0 and np.all(r.null == 28.0)  # the values travel with the ties


def test_same_seed_same_draws_whatever_the_threads(net):
    for call in (lambda t, s: kn.stats.cug_test(net, "transitivity", "dyad_census", reps=300,
                                                seed=s, threads=t),
                 lambda t, s: kn.stats.bootstrap(net, "reciprocity", reps=300, seed=s, threads=t),
                 lambda t, s: kn.stats.permutation_test(net, network(TIES[:3]), "density",
                                                        reps=300, seed=s, threads=t)):
        one = call(1, 7)
        assert np.array_equal(call(2, 7).null, one.null, equal_nan=True)
        assert not np.array_equal(call(1, 8).null, one.null, equal_nan=True)


def test_permutation_matches_organisations_by_id(net):
    shuffled = network(TIES, orgs="fedcba")
    r = kn.stats.permutation_test(net, shuffled, "ties", reps=50, seed=1)
    assert r.statistic == 0 and np.all(r.null == 0)  # the same ties: no swap changes a count
    with pytest.raises(ValueError, match=r"permutation_test: the two networks must have the "
                                         r"same organisations; only in the second: 1 \('x'\)"):
        kn.stats.permutation_test(net, network([], orgs="abcdefx"), "ties", reps=5)
    with pytest.raises(ValueError, match="same directedness"):
        kn.stats.permutation_test(net, network([], directed=False), "ties", reps=5)


def test_errors_name_what_is_wrong(net):
    with pytest.raises(ValueError, match=r"cug_test: unknown statistic 'densty'; the known "
                                         r"statistics are 'density', 'reciprocity'"):
        kn.stats.cug_test(net, "densty")
    with pytest.raises(TypeError, match="bootstrap: statistic must be a statistic name"):
        kn.stats.bootstrap(net, 3)
    with pytest.raises(ValueError, match="given must be one of 'size', 'edges', 'dyad_census'"):
        kn.stats.cug_test(net, "density", "nodes")
    with pytest.raises(ValueError, match="cug_test: reps must be a positive whole number"):
        kn.stats.cug_test(net, "density", reps=0)
    with pytest.raises(ValueError, match="seed must be a whole number >= 0"):
        kn.stats.bootstrap(net, "density", seed=-1)
    with pytest.raises(ValueError, match="level must lie strictly between 0 and 1"):
        kn.stats.bootstrap(net, "density", level=1.0)
    with pytest.raises(ValueError, match="given 'size' draws graphs without tie values"):
        kn.stats.cug_test(net, "density", "size", weight="volume")
    with pytest.raises(ValueError, match="given 'size' draws graphs without tie values"):
        kn.stats.cug_test(net, kn.cohesion.density, "size", weight="volume")
    with pytest.raises(TypeError, match="permutation_test: b must be a ketennet.Network"):
        kn.stats.permutation_test(net, "other", "density")
    with pytest.raises(ValueError, match="'reciprocity' is undefined \\(NaN\\) on the observed"):
        kn.stats.cug_test(network([]), "reciprocity")
    with pytest.raises(ValueError, match="at least two organisations"):
        kn.stats.bootstrap(network([], orgs="a"), kn.cohesion.density)
    with pytest.raises(TypeError, match="must return a number, not str"):
        kn.stats.bootstrap(net, lambda n: "x", reps=2)
    with pytest.raises(KeyError):
        kn.stats.cug_test(net, "density", layers="nope")


def test_progress_cancels(net):
    with pytest.raises(RuntimeError):
        kn.stats.cug_test(net, "density", reps=2000, progress=lambda f: False)
    with pytest.raises(RuntimeError, match="cancelled"):
        kn.stats.cug_test(net, kn.cohesion.density, reps=20, progress=lambda f: False)
    seen = []
    kn.stats.bootstrap(net, "density", reps=50, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0


def test_results_print_what_was_tested(net):
    r = kn.stats.cug_test(net, "density", "edges", reps=10, seed=2)
    assert repr(r).startswith("CugResult(density = 0.233333 given edges: p(>=) = 1.0000")
    assert "10 draws, seed 2" in repr(r)
    assert "<table" in r._repr_html_()
    b = kn.stats.bootstrap(net, "density", reps=10, seed=2)
    assert "95% interval" in repr(b) and "vertex bootstrap" == b.method
    p = kn.stats.permutation_test(net, net, "density", reps=10, seed=2)
    assert repr(p).startswith("PermutationResult(density: a - b = ")
    with pytest.raises(Exception):
        r.statistic = 1.0  # frozen
