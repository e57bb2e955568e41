"""Self-tests of the ERGM reference implementation (ergm_reference.py): its statistics on
hand-drawn networks with values counted by hand, identities of the geometrically weighted
terms (Hunter 2007), counts against NetworkX, local change statistics against the
difference definition, the closed form of edges + mutual, and its sampler's mean statistics
at that closed form."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from ergm_reference import (FLORENTINE_WEALTH, Model, T, _Adjacency, batch_se,
                            closed_form_edges_mutual, dyad_census, florentine_adjacency,
                            logistic_mle, mple, sample)

LOG2 = math.log(2)  # decay log 2: e^a = 2, 1 - e^-a = 1/2, weights 2 (1 - 2^-s)


def _undirected(edges, n):
    y = np.zeros((n, n))
    for i, j in edges:
        y[i, j] = y[j, i] = 1
    return y


def _directed(arcs, n):
    y = np.zeros((n, n))
    for i, j in arcs:
        y[i, j] = 1
    return y


# Undirected, 5 organisations:
#
#     0 ----- 1          sector  a  a  b  b  c
#     | \     |          x       1  2  4  8  16
#     |   \   |
#     3 ----- 2    4     edgecov w_ij = i + j
#
# edges 01 02 03 12 23; degrees 3 2 3 2 0; triangles {0,1,2} {0,2,3}.
# Edgewise shared partners: 01:1 02:2 03:1 12:1 23:1 (EP_1 = 4, EP_2 = 1).
# Dyadwise: also 13:2, and 04 14 24 34: 0 (DP_1 = 4, DP_2 = 2).
UND = _undirected([(0, 1), (0, 2), (0, 3), (1, 2), (2, 3)], 5)
UND_ATTRS = {"sector": np.array(["a", "a", "b", "b", "c"], dtype=object),
             "x": np.array([1.0, 2.0, 4.0, 8.0, 16.0])}
UND_COV = {"w": np.add.outer(np.arange(5.0), np.arange(5.0))}

UND_EXPECTED = [
    (T("edges"), {"edges": 5}),
    (T("triangle"), {"triangle": 2}),
    (T("kstar", 2), {"kstar2": 3 + 1 + 3 + 1}),
    (T("kstar", 3), {"kstar3": 1 + 0 + 1 + 0}),
    (T("gwesp", 0.0), {"gwesp.fixed.0": 5}),                          # ties with >= 1 partner
    (T("gwesp", LOG2), {f"gwesp.fixed.{LOG2:.15g}": 2 * (4 * 0.5 + 0.75)}),
    (T("gwdsp", LOG2), {f"gwdsp.fixed.{LOG2:.15g}": 2 * (4 * 0.5 + 2 * 0.75)}),
    (T("gwdegree", LOG2), {f"gwdeg.fixed.{LOG2:.15g}": 2 * (2 * (1 - 1 / 8) + 2 * (1 - 1 / 4))}),
    (T("isolates"), {"isolates": 1}),
    (T("nodematch", "sector"), {"nodematch.sector": 2}),              # 01 (a a), 23 (b b)
    (T("nodematch", "sector", diff=True),
     {"nodematch.sector.a": 1, "nodematch.sector.b": 1, "nodematch.sector.c": 0}),
    (T("nodefactor", "sector"), {"nodefactor.sector.b": 5, "nodefactor.sector.c": 0}),
    # cells (a,a) (a,b) (b,b) (a,c) (b,c) (c,c), the first dropped; a-b: 02 03 12
    (T("nodemix", "sector"), {"mix.sector.a.b": 3, "mix.sector.b.b": 1, "mix.sector.a.c": 0,
                              "mix.sector.b.c": 0, "mix.sector.c.c": 0}),
    (T("nodecov", "x"), {"nodecov.x": 3 + 5 + 9 + 6 + 12}),
    (T("absdiff", "x"), {"absdiff.x": 1 + 3 + 7 + 2 + 4}),
    (T("edgecov", "w"), {"edgecov.w": 1 + 2 + 3 + 3 + 5}),
]

# Directed, 4 organisations:
#
#     0 <===> 1          sector  a  a  b  b
#     |     ^            x       1  2  4  8
#     v   /
#     2 ----> 3
#
# arcs 0->1 1->0 0->2 2->1 2->3; in-degrees 1 2 1 1, out-degrees 2 1 2 0; one mutual dyad.
# Transitive triple: 0->2->1 with 0->1; cyclic triple: 0->2->1->0. Outgoing two-paths
# (i -> k -> j): 0->2->1, 0->2->3, 1->0->2, 2->1->0 (0->1->0 and 1->0->1 return to the start),
# so the tie 0->1 has one OTP partner and the ordered pairs (0,1) (0,3) (1,2) (2,0) one each.
DIR = _directed([(0, 1), (1, 0), (0, 2), (2, 1), (2, 3)], 4)
DIR_ATTRS = {"sector": np.array(["a", "a", "b", "b"], dtype=object),
             "x": np.array([1.0, 2.0, 4.0, 8.0])}
DIR_COV = {"w": np.arange(16.0).reshape(4, 4)}

DIR_EXPECTED = [
    (T("edges"), {"edges": 5}),
    (T("mutual"), {"mutual": 1}),
    (T("triangle"), {"triangle": 2}),
    (T("istar", 2), {"istar2": 1}),
    (T("ostar", 2), {"ostar2": 2}),
    (T("gwesp", LOG2), {f"gwesp.OTP.fixed.{LOG2:.15g}": 1}),
    (T("gwdsp", LOG2), {f"gwdsp.OTP.fixed.{LOG2:.15g}": 4}),
    (T("gwidegree", LOG2), {f"gwideg.fixed.{LOG2:.15g}": 2 * (3 * 0.5 + 0.75)}),
    (T("gwodegree", LOG2), {f"gwodeg.fixed.{LOG2:.15g}": 2 * (2 * 0.75 + 0.5)}),
    (T("isolates"), {"isolates": 0}),
    (T("nodematch", "sector"), {"nodematch.sector": 3}),
    (T("nodefactor", "sector"), {"nodefactor.sector.b": 4}),
    # cells column-major (a,a) (b,a) (a,b) (b,b), the first dropped
    (T("nodemix", "sector"), {"mix.sector.b.a": 1, "mix.sector.a.b": 1, "mix.sector.b.b": 1}),
    (T("nodecov", "x"), {"nodecov.x": 29}),
    (T("nodeocov", "x"), {"nodeocov.x": 1 + 2 + 1 + 4 + 4}),
    (T("nodeicov", "x"), {"nodeicov.x": 2 + 1 + 4 + 2 + 8}),
    (T("absdiff", "x"), {"absdiff.x": 1 + 1 + 3 + 2 + 4}),
    (T("edgecov", "w"), {"edgecov.w": 1 + 4 + 2 + 9 + 11}),
]


@pytest.mark.parametrize("term, expected", UND_EXPECTED, ids=lambda v: getattr(v, "kind", ""))
def test_undirected_statistics_counted_by_hand(term, expected):
    m = Model([term], directed=False, attrs=UND_ATTRS, covariates=UND_COV)
    assert m.names() == list(expected)
    np.testing.assert_allclose(m.stats(UND), list(expected.values()), rtol=0, atol=1e-12)


@pytest.mark.parametrize("term, expected", DIR_EXPECTED, ids=lambda v: getattr(v, "kind", ""))
def test_directed_statistics_counted_by_hand(term, expected):
    m = Model([term], directed=True, attrs=DIR_ATTRS, covariates=DIR_COV)
    assert m.names() == list(expected)
    np.testing.assert_allclose(m.stats(DIR), list(expected.values()), rtol=0, atol=1e-12)


def test_decay_is_named_as_r_prints_it():
    m = Model([T("gwesp", 0.5), T("gwesp", 1.0), T("gwdsp", 0.25), T("gwdegree", 2.0)],
              directed=False)
    assert m.names() == ["gwesp.fixed.0.5", "gwesp.fixed.1", "gwdsp.fixed.0.25", "gwdeg.fixed.2"]


@pytest.mark.parametrize("kind, directed", [("mutual", False), ("istar", False),
                                            ("kstar", True), ("gwdegree", True),
                                            ("nodeicov", False)])
def test_terms_outside_their_domain_are_refused(kind, directed):
    with pytest.raises(ValueError, match=kind):
        Model([T(kind, 2)], directed=directed)


def _random_undirected(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    return G, nx.to_numpy_array(G, nodelist=range(n))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_triangles_and_kstars_equal_networkx(seed):
    G, y = _random_undirected(25, 0.25, seed)
    m = Model([T("triangle"), T("kstar", 2), T("kstar", 3), T("isolates")], directed=False)
    deg = [d for _, d in G.degree()]
    expected = [sum(nx.triangles(G).values()) / 3, sum(math.comb(d, 2) for d in deg),
                sum(math.comb(d, 3) for d in deg), nx.number_of_isolates(G)]
    np.testing.assert_allclose(m.stats(y), expected, rtol=0, atol=1e-9)


@pytest.mark.parametrize("seed", [1, 2])
def test_geometric_weights_at_their_limits(seed):
    """Hunter (2007): with decay 0 gwesp counts the ties with at least one shared partner
    (gwdsp the pairs, gwdegree the organisations with a tie); as the decay grows the weight
    e^a (1 - (1 - e^-a)^s) tends to s, so gwesp tends to 3 x triangles, gwdsp to the
    2-paths (kstar2) and gwdegree to 2 x edges."""
    G, y = _random_undirected(20, 0.2, seed)
    cn = {(i, j): len(list(nx.common_neighbors(G, i, j))) for i in G for j in G if i < j}
    at0 = Model([T("gwesp", 0.0), T("gwdsp", 0.0), T("gwdegree", 0.0)], directed=False)
    expected0 = [sum(1 for i, j in G.edges() if cn[min(i, j), max(i, j)] > 0),
                 sum(1 for v in cn.values() if v > 0),
                 G.number_of_nodes() - nx.number_of_isolates(G)]
    np.testing.assert_allclose(at0.stats(y), expected0, rtol=0, atol=1e-12)
    big = Model([T("gwesp", 15.0), T("gwdsp", 15.0), T("gwdegree", 15.0)], directed=False)
    tri = sum(nx.triangles(G).values()) / 3
    expected_big = [3 * tri, sum(math.comb(d, 2) for _, d in G.degree()), 2 * G.number_of_edges()]
    np.testing.assert_allclose(big.stats(y), expected_big, rtol=1e-5)


def test_directed_identities():
    """statnet: nodecov = nodeicov + nodeocov on a directed network; edges = sum of the
    out-degrees; triangle = transitive + cyclic triples, here on a complete 3-cycle both
    ways (6 transitive triples, 2 cycles)."""
    rng = np.random.default_rng(5)
    y = (rng.random((15, 15)) < 0.3).astype(float)
    np.fill_diagonal(y, 0)
    x = rng.normal(size=15)
    m = Model([T("nodecov", "x"), T("nodeicov", "x"), T("nodeocov", "x"), T("edges"),
               T("ostar", 1), T("istar", 1)], directed=True, attrs={"x": x})
    s = m.stats(y)
    assert s[0] == pytest.approx(s[1] + s[2])
    assert s[3] == s[4] == s[5] == y.sum()
    full = np.ones((3, 3)) - np.eye(3)
    assert Model([T("triangle")], directed=True).stats(full)[0] == 6 + 2


def _random_network(directed, n, p, seed):
    rng = np.random.default_rng(seed)
    y = (rng.random((n, n)) < p).astype(float)
    np.fill_diagonal(y, 0)
    if not directed:
        y = np.triu(y, 1)
        y = y + y.T
    attrs = {"sector": rng.choice(np.array(["om", "politie", "rechtbank"], dtype=object), n),
             "x": rng.normal(size=n)}
    w = rng.integers(0, 3, (n, n)).astype(float)
    if not directed:
        w = np.triu(w, 1) + np.triu(w, 1).T
    return y, attrs, {"case": w}


def _all_terms(directed):
    common = [T("edges"), T("triangle"), T("gwesp", 0.5), T("gwdsp", 0.7), T("isolates"),
              T("nodematch", "sector"), T("nodematch", "sector", diff=True),
              T("nodemix", "sector"), T("nodefactor", "sector"), T("nodecov", "x"),
              T("absdiff", "x"), T("edgecov", "case")]
    if directed:
        return common + [T("mutual"), T("istar", 2), T("ostar", 3), T("gwidegree", 0.5),
                         T("gwodegree", 1.5), T("nodeicov", "x"), T("nodeocov", "x")]
    return common + [T("kstar", 2), T("kstar", 3), T("gwdegree", 0.5)]


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("seed", [1, 2])
def test_local_change_statistics_equal_the_difference(directed, seed):
    """The sampler's closed-form change statistics equal g(y + ij) - g(y - ij) for every term
    and every dyad of random networks (adding a tie, and removing one: the change of adding
    it to the network without it)."""
    y, attrs, cov = _random_network(directed, 11, 0.3, seed)
    m = Model(_all_terms(directed), directed=directed, attrs=attrs, covariates=cov)
    for i, j in m.dyads(len(y)):
        without = y.copy()
        without[i, j] = 0
        if not directed:
            without[j, i] = 0
        np.testing.assert_allclose(m.delta(_Adjacency(without, directed), i, j), m.change(y, i, j),
                                   rtol=0, atol=1e-9, err_msg=f"dyad {i},{j}")


def test_mple_of_edges_is_the_log_odds_of_the_density():
    y, *_ = _random_network(False, 16, 0.2, 3)
    est, _, _ = mple(Model([T("edges")], directed=False), y)
    e, d = y.sum() / 2, 16 * 15 / 2
    assert est[0] == pytest.approx(math.log(e / (d - e)), abs=1e-10)


def test_florentine_marriages_as_statnet_summarises_them():
    """statnet's flomarriage (Padgett): 16 families, 20 marriages, 3 triangles; the MLE of
    edges + nodecov('wealth') is the logistic regression, statnet prints edges -2.594929
    (s.e. 0.536056) and nodecov.wealth 0.010546 (0.004674)."""
    names, y = florentine_adjacency()
    assert len(names) == 16 and y.sum() / 2 == 20
    m = Model([T("edges"), T("triangle"), T("nodecov", "wealth")], directed=False,
              attrs={"wealth": np.array([FLORENTINE_WEALTH[f] for f in names], dtype=float)})
    assert list(m.stats(y)[:2]) == [20, 3]
    est, se, _ = mple(Model([T("edges"), T("nodecov", "wealth")], directed=False,
                            attrs=m.attrs), y)
    np.testing.assert_allclose(est, [-2.594929, 0.010546], atol=5e-7)
    np.testing.assert_allclose(se, [0.536056, 0.004674], atol=5e-7)


def _directed_with_mutuals(seed):
    y, *_ = _random_network(True, 14, 0.2, seed)
    rng = np.random.default_rng(seed + 100)
    for i in range(14):                      # reciprocate a share of the ties
        for j in range(i + 1, 14):
            if y[i, j] and rng.random() < 0.5:
                y[j, i] = 1
    return y


def test_closed_form_edges_mutual_matches_the_expected_dyad_census():
    """At te = log(A/(2N)), tm = log(4MN/A^2) the expected arcs and mutual dyads equal the
    observed ones (the likelihood equations), exactly."""
    y = _directed_with_mutuals(1)
    m_, a_, n_ = dyad_census(y)
    te, tm = closed_form_edges_mutual(y)
    z = 1 + 2 * math.exp(te) + math.exp(2 * te + tm)
    d = m_ + a_ + n_
    expected_arcs = d * (2 * math.exp(te) + 2 * math.exp(2 * te + tm)) / z
    expected_mutual = d * math.exp(2 * te + tm) / z
    assert expected_arcs == pytest.approx(y.sum(), rel=1e-12)
    assert expected_mutual == pytest.approx(m_, rel=1e-12)


def test_mple_of_edges_mutual_equals_the_closed_form():
    """For edges + mutual the pseudo-likelihood gives the same equations as the likelihood:
    given y_ji = 0 a tie has odds e^te, and the ordered pairs with y_ji = 0 are 2N without
    and A with a tie, so e^te = A/(2N); given y_ji = 1 the odds e^(te + tm) = 2M/A. So the
    MPLE is the closed-form MLE, exactly."""
    y = _directed_with_mutuals(2)
    est, _, _ = mple(Model([T("edges"), T("mutual")], directed=True), y)
    np.testing.assert_allclose(est, closed_form_edges_mutual(y), rtol=0, atol=1e-8)


def test_sampler_means_at_the_closed_form_mle_equal_the_observed_statistics():
    """The Metropolis sampler at the closed-form MLE of edges + mutual reproduces the
    observed arcs and mutual dyads on average: |mean - observed| < 4.1 batch-means standard
    errors for each of the two statistics (chance of a false failure about 1e-4)."""
    y = _directed_with_mutuals(3)
    m = Model([T("edges"), T("mutual")], directed=True)
    theta = closed_form_edges_mutual(y)
    draws = sample(m, theta, y, draws=4000, interval=100, burnin=20000, seed=11)
    z = (draws.mean(0) - m.stats(y)) / batch_se(draws)
    assert np.all(np.abs(z) < 4.1), (draws.mean(0), m.stats(y), z)


def test_sampler_of_a_bernoulli_graph_has_the_binomial_mean_and_variance():
    """edges alone at theta: each of the D dyads is tied with p = 1/(1 + e^-theta)."""
    m = Model([T("edges")], directed=False)
    y0 = np.zeros((12, 12))
    draws = sample(m, [-1.0], y0, draws=3000, interval=150, burnin=5000, seed=3)[:, 0]
    d, p = 66, 1 / (1 + math.exp(1.0))
    assert abs(draws.mean() - d * p) < 4.1 * batch_se(draws[:, None])[0]
    assert draws.var() == pytest.approx(d * p * (1 - p), rel=0.15)


def test_logistic_mle_solves_the_score_equations():
    rng = np.random.default_rng(8)
    X = np.column_stack([np.ones(300), rng.normal(size=300)])
    y = (rng.random(300) < 1 / (1 + np.exp(-(X @ [0.3, -0.8])))).astype(float)
    b, _, _ = logistic_mle(X, y)
    mu = 1 / (1 + np.exp(-(X @ b)))
    np.testing.assert_allclose(X.T @ (y - mu), 0, atol=1e-9)


def test_statnet_mcmle_of_flomarriage_edges_triangle_solves_the_likelihood_equations():
    """statnet's MCMLE of flomarriage ~ edges + triangle (edges -1.676, triangle 0.159, the
    middle of printed ergm 4 runs) is the MLE as far as the reference sampler can tell: the
    mean statistics of 4,000 networks drawn there equal the observed 20 ties and 3
    triangles within 4.1 batch-means standard errors each."""
    _, y = florentine_adjacency()
    m = Model([T("edges"), T("triangle")], directed=False)
    draws = sample(m, [-1.676, 0.159], y, draws=4000, interval=240, burnin=20000, seed=1)
    z = (draws.mean(0) - m.stats(y)) / batch_se(draws)
    assert np.all(np.abs(z) < 4.1), z
