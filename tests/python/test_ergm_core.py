"""The ERGM core through Python: observed statistics of hand-drawn networks, change
statistics against the difference of statistics, MPLE against statsmodels' logistic
regression of the change-statistic design, MCMLE of dyad-independent models against their
closed-form MLE, simulation determinism across thread counts, and typed errors."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ketennet as kn


def _network(ties, n, directed, sectors=None, sizes=None, layer="collaboration"):
    net = kn.Network("t")
    net.add_layer(layer, directed=directed)
    for k in range(n):
        attrs = {}
        if sizes is not None:
            attrs["size"] = float(sizes[k])
        net.add_organisation(f"o{k}", sector=(sectors[k] if sectors else ""), **attrs)
    for s, t in ties:
        net.add_relation(f"o{s}", f"o{t}", layer)
    return net


def _random(n, p, directed, seed, layer="collaboration"):
    rng = np.random.default_rng(seed)
    ties = [(i, j) for i in range(n) for j in range(n)
            if i != j and (directed or i < j) and rng.random() < p]
    sectors = [["om", "politie", "zorg"][int(rng.integers(3))] for _ in range(n)]
    sizes = rng.normal(size=n).round(3)
    return _network(ties, n, directed, sectors, sizes, layer)


# undirected, 5 organisations            sectors: o0, o1 om; o2, o3, o4 zorg
#
#    o0 --- o1
#    |  \    |        ties: o0-o1, o0-o2, o0-o3, o1-o3, o2-o3; o4 isolated
#    |   \   |        triangles o0-o1-o3, o0-o2-o3
#    o2 --- o3   o4
HAND = [(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)]
SECTORS = ["om", "om", "zorg", "zorg", "zorg"]


def test_summary_of_a_hand_drawn_network():
    net = _network(HAND, 5, False, SECTORS, sizes=[1, 2, 3, 4, 5])
    s = kn.ergm.summary(net, "edges + triangle + kstar(2) + isolates + nodematch('sector') + "
                             "nodefactor('sector') + nodemix('sector') + nodecov('size') + "
                             "absdiff('size') + gwesp(0, fixed=True) + gwdegree(0.5)")
    r = 1 - math.exp(-0.5)
    expected = {"edges": 5, "triangle": 2, "kstar2": 8, "isolates": 1, "nodematch.sector": 2,
                "nodefactor.sector.zorg": 5, "mix.sector.om.zorg": 3, "mix.sector.zorg.zorg": 1,
                "nodecov.size": 25, "absdiff.size": 9, "gwesp.fixed.0": 5,
                "gwdeg.fixed.0.5": math.exp(0.5) * (2 * (1 - r ** 3) + 2 * (1 - r ** 2))}
    assert list(s.index) == list(expected)
    assert s.dtype == float
    for k, v in expected.items():
        assert s[k] == pytest.approx(v, abs=1e-12), k


def test_summary_of_a_directed_network_and_diff_names():
    # o0 <-> o1, o1 -> o2, o0 -> o2, o2 -> o3: mutual 1, transitive triples 2
    net = _network([(0, 1), (1, 0), (1, 2), (0, 2), (2, 3)], 4, True, ["a", "a", "b", "b"])
    s = kn.ergm.summary(net, [kn.ergm.edges(), kn.ergm.mutual(), kn.ergm.triangle(),
                              kn.ergm.istar(2), kn.ergm.ostar(2),
                              kn.ergm.nodematch("sector", diff=True), kn.ergm.nodemix("sector")])
    assert s.to_dict() == {"edges": 5, "mutual": 1, "triangle": 2, "istar2": 1, "ostar2": 2,
                           "nodematch.sector.a": 2, "nodematch.sector.b": 1,
                           "mix.sector.b.a": 0, "mix.sector.a.b": 2, "mix.sector.b.b": 1}


def test_edgecov_of_a_layer_and_of_a_matrix():
    net = _network(HAND, 5, False, SECTORS)
    net.add_layer("case", directed=True)
    net.add_relation("o0", "o1", "case", volume=3.0)
    net.add_relation("o3", "o0", "case", volume=2.0)   # o0-o3 read as (o0, o3): not this cell
    net.add_relation("o4", "o0", "case", volume=9.0)   # no collaboration tie
    s = kn.ergm.summary(net, "edgecov('case') + edgecov('case', weight='volume')")
    assert list(s.index) == ["edgecov.case", "edgecov.case"]
    assert s.tolist() == [1.0, 3.0]
    m = np.zeros((5, 5))
    m[0, 3] = 0.5
    m[2, 3] = 4.0
    assert kn.ergm.summary(net, kn.ergm.edgecov(m, name="dist")).to_dict() == {"edgecov.dist": 4.5}
    frame = pd.DataFrame(m, index=net.ids, columns=net.ids).iloc[::-1, ::-1]  # any order
    assert kn.ergm.summary(net, kn.ergm.edgecov(frame)).to_dict() == {"edgecov.matrix": 4.5}
    sparse = pytest.importorskip("scipy.sparse")
    assert kn.ergm.summary(net, kn.ergm.edgecov(sparse.csr_matrix(m), name="d")).tolist() == [4.5]
    with pytest.raises(ValueError, match="the matrix is 4 x 4; the layer 'collaboration' has 5"):
        kn.ergm.summary(net, kn.ergm.edgecov(np.zeros((4, 4))))


@pytest.mark.parametrize("directed", [False, True])
def test_change_statistics_are_differences_of_statistics(directed):
    net = _random(9, 0.3, directed, 3)
    formula = ("edges + triangle + gwesp(0.5) + gwdsp(0.25) + isolates + nodematch('sector') + "
               "nodefactor('sector') + nodecov('size') + absdiff('size')")
    formula += " + mutual + istar(2) + gwodegree(0.7)" if directed else " + kstar(2) + gwdegree(0.7)"
    cs = kn.ergm.change_statistics(net, formula)
    names = [c for c in cs.columns if c not in ("source", "target", "tie")]
    for row in cs.sample(12, random_state=1).itertuples(index=False):
        g = net.copy()
        if row.tie:
            g.remove_relation(row.source, row.target, "collaboration")
        without = kn.ergm.summary(g, formula)
        g.add_relation(row.source, row.target, "collaboration")
        with_ = kn.ergm.summary(g, formula)
        got = np.asarray(row[3:], dtype=float)
        np.testing.assert_allclose(got, (with_ - without)[names].to_numpy(), atol=1e-9)


@pytest.mark.parametrize("directed,formula", [
    (False, "edges + nodematch('sector') + nodecov('size')"),
    (False, "edges + triangle + gwesp(0.5)"),
    (True, "edges + mutual + nodeicov('size') + gwesp(0.5, fixed=True)"),
])
def test_mple_is_the_logistic_regression_of_the_change_statistics(directed, formula):
    sm = pytest.importorskip("statsmodels.api")
    net = _random(24, 0.15, directed, 7)
    fit = kn.ergm.fit(net, formula, method="mple")
    cs = kn.ergm.change_statistics(net, formula)
    x = cs[fit.terms].to_numpy()
    ref = sm.Logit(cs["tie"].to_numpy(), x).fit(disp=0, tol=1e-14, maxiter=200)
    np.testing.assert_allclose(fit.coefficients["estimate"].to_numpy(), ref.params, atol=1e-8)
    np.testing.assert_allclose(fit.coefficients["std_error"].to_numpy(), ref.bse, rtol=1e-7)
    assert fit.loglik == pytest.approx(ref.llf, abs=1e-8)
    assert fit.method == "mple" and fit.mcmc is None and fit.converged
    assert fit.aic == pytest.approx(-2 * ref.llf + 2 * len(fit.terms))


def test_mcmle_of_edges_and_mutual_matches_the_closed_form():
    """edges + mutual on a directed layer: the pairs are independent with probabilities
    p_null : p_asym : p_mutual = 1 : 2 e^a : e^(2a + b), so the MLE from the dyad census (M
    mutual, A asymmetric, N null pairs) is a = log(A / 2N), b = log(M N) - 2 log(A / 2)."""
    net = _random(20, 0.2, True, 5)
    s = kn.ergm.summary(net, "edges + mutual")
    pairs = 20 * 19 / 2
    M = s["mutual"]
    A = s["edges"] - 2 * M
    N = pairs - M - A
    a = math.log(A / (2 * N))
    b = math.log(M * N) - 2 * math.log(A / 2)
    fit = kn.ergm.fit(net, "edges + mutual", seed=3, samplesize=1024, burnin=5000,
                      interval=200, progress=False)
    assert fit.converged
    est = fit.coefficients["estimate"]
    assert est["edges"] == pytest.approx(a, abs=0.05)
    assert est["mutual"] == pytest.approx(b, abs=0.1)
    # the exact log-likelihood at the estimate
    lz = math.log(1 + 2 * math.exp(est["edges"]) + math.exp(2 * est["edges"] + est["mutual"]))
    ll = A * est["edges"] + M * (2 * est["edges"] + est["mutual"]) - pairs * lz
    assert fit.loglik == pytest.approx(ll, abs=1e-8)
    assert fit.mcmc.shape == (1024, 2)
    assert fit.t_ratios.abs().max() < 0.3


def test_dependent_mcmle_reports_a_path_sampled_loglik_and_a_sample():
    net = _random(20, 0.15, False, 2)
    fit = kn.ergm.fit(net, "edges + gwesp(0.5)", seed=1, samplesize=256, burnin=2000,
                      interval=100, progress=False)
    assert np.isfinite(fit.loglik) and fit.aic == pytest.approx(-2 * fit.loglik + 4)
    assert list(fit.mcmc.columns) == ["edges", "gwesp.fixed.0.5"]
    assert "ERGM fit of layer 'collaboration' (MCMLE" in repr(fit)
    assert "<table" in fit._repr_html_()


def test_simulation_depends_on_the_seed_not_the_threads():
    net = _random(30, 0.08, True, 9)
    kw = dict(coef=[-2.5, 1.0, 0.3], nsim=6, burnin=2000, interval=200, seed=4, progress=False)
    one = kn.ergm.simulate(net, "edges + mutual + gwesp(0.5)", threads=1, **kw)
    two = kn.ergm.simulate(net, "edges + mutual + gwesp(0.5)", threads=2, **kw)
    pd.testing.assert_frame_equal(one.statistics, two.statistics, check_exact=True)
    assert [sorted(g.relations[["source", "target"]].itertuples(index=False)) for g in one.networks] \
        == [sorted(g.relations[["source", "target"]].itertuples(index=False)) for g in two.networks]
    # every draw's statistics are its network's
    for g, (_, row) in zip(one.networks, one.statistics.iterrows()):
        assert g.ids == net.ids
        np.testing.assert_allclose(kn.ergm.summary(g, "edges + mutual + gwesp(0.5)").to_numpy(),
                                   row.to_numpy(), atol=1e-9)
    other = kn.ergm.simulate(net, "edges + mutual + gwesp(0.5)", **dict(kw, seed=5))
    assert not other.statistics.equals(one.statistics)


def test_simulate_a_fit():
    net = _random(15, 0.2, False, 1)
    fit = kn.ergm.fit(net, "edges + nodematch('sector')", method="mple")
    sim = kn.ergm.simulate(fit, nsim=4, burnin=1000, interval=100, seed=2, progress=False)
    assert sim.statistics.shape == (4, 2) and len(sim.networks) == 4
    assert list(sim.coef.index) == ["edges", "nodematch.sector"]


def test_errors_are_typed_and_name_what():
    net = _network(HAND, 5, False, SECTORS)
    with pytest.raises(KeyError, match="unknown layer 'nope'"):
        kn.ergm.summary(net, "edges", layer="nope")
    with pytest.raises(ValueError, match="unknown term 'edgez'"):
        kn.ergm.summary(net, "edges + edgez")
    with pytest.raises(KeyError, match="unknown organisation attribute 'colour'"):
        kn.ergm.summary(net, "nodematch('colour')")
    with pytest.raises(TypeError, match="nodecov\\('sector'\\): attribute 'sector' must be numeric"):
        kn.ergm.summary(net, "nodecov('sector')")
    with pytest.raises(ValueError, match="mutual applies to directed layers only"):
        kn.ergm.summary(net, "edges + mutual")
    with pytest.raises(ValueError, match="not a term"):
        kn.ergm.summary(net, "edges + os.system('true')")
    with pytest.raises(ValueError, match="unknown term '__import__'"):
        kn.ergm.summary(net, "edges + __import__('os')")
    with pytest.raises(ValueError, match="term arguments must be numbers"):
        kn.ergm.summary(net, "gwesp(x)")
    with pytest.raises(KeyError, match="unknown layer 'cases'"):
        kn.ergm.summary(net, "edgecov('cases')")
    with pytest.raises(ValueError, match="only fixed=True"):
        kn.ergm.gwesp(0.5, fixed=False)
    with pytest.raises(ValueError, match="at least 3"):
        kn.ergm.fit(_network([], 2, False), "edges", method="mple")
    with pytest.raises(ValueError, match="method must be 'mcmle' or 'mple'"):
        kn.ergm.fit(net, "edges", method="mle")
    with pytest.raises(TypeError, match="unknown control option 'samples'"):
        kn.ergm.fit(net, "edges", samples=10)
    with pytest.raises(ValueError, match="organisation 'o4' has no value of 'sector'"):
        kn.ergm.summary(_network(HAND, 5, False, ["om"] * 4 + [""]), "nodematch('sector')")
    with pytest.raises(ValueError, match="2 coefficients for 1 statistics"):
        kn.ergm.simulate(net, "edges", coef=[1.0, 2.0], progress=False)
    with pytest.raises(TypeError, match="ergm.fit: threads must be a whole number"):
        kn.ergm.fit(net, "edges", method="mple", threads=1.5)


def test_progress_reports_and_cancels():
    net = _random(40, 0.05, True, 2)
    seen = []
    kn.ergm.simulate(net, "edges + mutual", coef=[-3.0, 1.0], nsim=4, burnin=300_000,
                     interval=1000, seed=1, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 2
    with pytest.raises(RuntimeError):
        kn.ergm.simulate(net, "edges + mutual", coef=[-3.0, 1.0], nsim=2, burnin=10 ** 11,
                         seed=1, threads=2, progress=lambda f: False)
    with pytest.raises(RuntimeError):
        kn.ergm.fit(net, "edges + mutual", burnin=10 ** 11, progress=lambda f: False)


@pytest.mark.parametrize("directed", [False, True])
def test_gof_tables_count_what_they_say(directed):
    net = _random(12, 0.2, directed, 4)
    fit = kn.ergm.fit(net, "edges", method="mple")
    g = kn.ergm.gof(fit, nsim=20, burnin=500, interval=50, seed=3, progress=False)
    n = 12
    pairs = n * (n - 1) // (1 if directed else 2)
    ties = int(kn.ergm.summary(net, "edges")["edges"])
    degrees = ["idegree", "odegree"] if directed else ["degree"]
    assert list(g.tables) == degrees + ["espartners", "distance", "model"]
    for d in degrees:
        assert g.tables[d]["observed"].sum() == n
        assert (g.simulated[d].sum(axis=1) == n).all()
    assert g.espartners["observed"].sum() == ties
    assert g.distance["observed"].sum() == pairs and g.distance.index[-1] == "inf"
    assert g.distance["observed"].iloc[0] == ties
    assert (g.simulated["distance"].sum(axis=1) == pairs).all()
    assert g.model.loc["edges", "observed"] == ties
    assert ((g.model["p_value"] >= 0) & (g.model["p_value"] <= 1)).all()
    assert "Goodness of fit" in repr(g) and "<table" in g._repr_html_()
    # distances and shared partners against NetworkX
    nx = pytest.importorskip("networkx")
    G = (nx.DiGraph if directed else nx.Graph)()
    G.add_nodes_from(net.ids)
    G.add_edges_from(net.relations[["source", "target"]].itertuples(index=False))
    lengths = [d for s, row in nx.all_pairs_shortest_path_length(G) for t, d in row.items()
               if s != t and (directed or s < t)]
    hist = np.bincount(lengths)
    for k, v in g.distance["observed"].items():
        if k == "inf":
            assert v == pairs - len(lengths)
        else:
            assert v == (hist[k] if k < len(hist) else 0)
    esp = [len(set(G.successors(a)) & set(G.predecessors(b))) if directed
           else len(set(G[a]) & set(G[b])) for a, b in G.edges()]
    assert g.espartners["observed"].to_numpy().tolist() == np.bincount(
        esp, minlength=len(g.espartners)).tolist()[:len(g.espartners)]


def test_mple_under_separation_is_not_converged():
    # every tie is within a sector: nodematch separates the pairs perfectly
    net = _network([(0, 1), (2, 3), (4, 5)], 6, False, ["a", "a", "b", "b", "c", "c"])
    fit = kn.ergm.fit(net, "edges + nodematch('sector')", method="mple")
    assert not fit.converged
    assert fit.coefficients.loc["nodematch.sector", "estimate"] > 10


def test_mcmle_of_a_dependent_model_is_the_exact_mle():
    """edges + triangle on 6 organisations: the exact MLE by Newton's method over all 2^15
    networks, against the MCMLE. The MPLE (-1.39, 1.79) is far from the MLE (-0.11, -0.03)
    and its samples sit near the complete network: Hummel's steps bring it back."""
    from itertools import combinations
    n = 6
    pairs = list(combinations(range(n), 2))
    index = {p: k for k, p in enumerate(pairs)}
    graphs = np.arange(2 ** len(pairs))
    bits = (graphs[:, None] >> np.arange(len(pairs))) & 1
    edges = bits.sum(axis=1)
    tri = sum(bits[:, index[(a, b)]] * bits[:, index[(a, c)]] * bits[:, index[(b, c)]]
              for a, b, c in combinations(range(n), 3))
    g = np.stack([edges, tri], axis=1).astype(float)
    ties = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (3, 5)]  # two triangles and a bridge
    net = _network(ties, n, False)
    obs = kn.ergm.summary(net, "edges + triangle").to_numpy()
    theta = np.zeros(2)
    for _ in range(100):
        w = np.exp(g @ theta - (g @ theta).max())
        w /= w.sum()
        mean = w @ g
        cov = (g - mean).T @ ((g - mean) * w[:, None])
        step = np.linalg.solve(cov, obs - mean)
        theta += step
        if np.abs(step).max() < 1e-12:
            break
    fit = kn.ergm.fit(net, "edges + triangle", seed=2, samplesize=2048, burnin=2000,
                      interval=50, progress=False)
    assert fit.converged
    est = fit.coefficients["estimate"].to_numpy()
    se = fit.coefficients["std_error"].to_numpy()
    np.testing.assert_allclose(est, theta, atol=0.1 * se.max() + 0.05)
    # the exact standard errors: the inverse of the covariance of g at the MLE
    w = np.exp(g @ theta - (g @ theta).max())
    w /= w.sum()
    mean = w @ g
    exact_se = np.sqrt(np.diag(np.linalg.inv((g - mean).T @ ((g - mean) * w[:, None]))))
    np.testing.assert_allclose(se, exact_se, rtol=0.15)
    # the path-sampled log-likelihood at the estimate against the exact one there:
    # theta . g(y) - log sum_y' exp(theta . g(y')) over all 2^15 networks
    eta = g @ est
    exact_ll = est @ obs - (eta.max() + np.log(np.exp(eta - eta.max()).sum()))
    assert 0 < fit.loglik_mc_error < 0.2
    assert abs(fit.loglik - exact_ll) < 4 * fit.loglik_mc_error + 0.02
    assert fit.aic == pytest.approx(-2 * fit.loglik + 4)
    assert "path sampling, Monte Carlo s.e." in repr(fit)


def test_fit_depends_on_the_seed_not_the_threads():
    net = _random(25, 0.12, False, 8)
    kw = dict(seed=5, samplesize=256, burnin=2000, interval=100, progress=False)
    one = kn.ergm.fit(net, "edges + gwesp(0.5) + nodematch('sector')", threads=1, **kw)
    two = kn.ergm.fit(net, "edges + gwesp(0.5) + nodematch('sector')", threads=2, **kw)
    pd.testing.assert_frame_equal(one.coefficients, two.coefficients, check_exact=True)
    pd.testing.assert_frame_equal(one.mcmc, two.mcmc, check_exact=True)


def test_a_layer_without_ties_has_no_estimate_and_says_why():
    net = _network([], 5, False)
    mple = kn.ergm.fit(net, "edges", method="mple")
    assert not mple.converged
    fit = kn.ergm.fit(net, "edges", seed=1, progress=False)
    assert not fit.converged and "MPLE does not exist" in fit.degeneracy
    assert "Degeneracy: the MPLE does not exist" in repr(fit)


def test_fit_names_the_chains_of_its_sample():
    net = _random(12, 0.2, False, 4)
    fit = kn.ergm.fit(net, "edges + gwesp(0.5)", seed=1, samplesize=64, burnin=500,
                      interval=20, chains=2, progress=False)
    assert fit.chains == 2 and len(fit.mcmc) == 64
    assert kn.ergm.fit(net, "edges", method="mple").chains == 0
