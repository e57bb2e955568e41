"""kn.stats.netlm and kn.stats.netlogit (MRQAP): the coefficients are those of ordinary least
squares and of R's glm-style IRLS on the vectorised cells (numpy, and statsmodels when
installed), the draws do not depend on the thread count, bad input gets a typed error naming
what and where, and the result prints and displays. The cross-checks against R's sna are in
test_stats_regression_r.py."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

IDS = [f"org{i:02d}" for i in range(14)]


def _frame(m):
    ix = pd.Index(IDS, dtype=object, name="organisation")
    return pd.DataFrame(m, index=ix, columns=ix.copy())


@pytest.fixture(scope="module")
def rel():
    """Relations over 14 organisations: a binary tie, a group (same), a continuous one, and a
    linear and a 0/1 response; each directed and symmetrised."""
    rng = np.random.default_rng(4)
    n = len(IDS)
    x1 = (rng.random((n, n)) < 0.3).astype(float)
    group = rng.integers(0, 3, n)
    x2 = (group[:, None] == group[None, :]).astype(float)
    x3 = rng.normal(size=(n, n))
    eta = -0.5 + 1.2 * x1 + 0.8 * x2 + 0.6 * x3
    y = eta + rng.normal(size=(n, n))
    yb = (rng.random((n, n)) < 1 / (1 + np.exp(-eta))).astype(float)
    sym = lambda m: np.tril(m) + np.tril(m, -1).T  # noqa: E731
    out = {"directed": dict(y=y, yb=yb, xs=[x1, x2, x3])}
    out["undirected"] = dict(y=sym(y), yb=sym(yb), xs=[sym(x1), x2, sym(x3)])
    return {k: {"y": _frame(v["y"]), "yb": _frame(v["yb"]), "xs": [_frame(x) for x in v["xs"]]}
            for k, v in out.items()}


def _cells(df, directed):
    m = df.to_numpy()
    n = len(m)
    mask = ~np.eye(n, dtype=bool) if directed else np.tril(np.ones((n, n), dtype=bool), -1)
    return m[mask]


def _design(case, directed, response):
    y = _cells(case[response], directed)
    X = np.column_stack([np.ones_like(y)] + [_cells(x, directed) for x in case["xs"]])
    return y, X


@pytest.mark.parametrize("mode", ["directed", "undirected"])
def test_netlm_is_least_squares_on_the_cells(rel, mode):
    case = rel[mode]
    r = kn.stats.netlm(case["y"], case["xs"], reps=50, seed=1)
    assert r.directed is (mode == "directed")
    y, X = _design(case, r.directed, "y")
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ b
    s2 = resid @ resid / (len(y) - X.shape[1])
    t = b / np.sqrt(np.diag(np.linalg.inv(X.T @ X)) * s2)
    assert r.n == len(y)
    np.testing.assert_allclose(r.coefficients["estimate"], b, rtol=0, atol=1e-10)
    np.testing.assert_allclose(r.statistic, t, rtol=0, atol=1e-10)
    fitted = X @ b
    mss = np.sum((fitted - fitted.mean()) ** 2)
    r2 = mss / (mss + resid @ resid)
    assert r.r_squared == pytest.approx(r2, abs=1e-12)
    assert r.adj_r_squared == pytest.approx(1 - (1 - r2) * (len(y) - 1) / (len(y) - 4), abs=1e-12)
    assert list(r.coefficients.index) == ["(intercept)", "x1", "x2", "x3"]


@pytest.mark.parametrize("mode", ["directed", "undirected"])
def test_netlm_and_netlogit_equal_statsmodels(rel, mode):
    sm = pytest.importorskip("statsmodels.api", reason="statsmodels is in the test extra")
    case = rel[mode]
    r = kn.stats.netlm(case["y"], case["xs"], reps=20, seed=1)
    y, X = _design(case, r.directed, "y")
    ols = sm.OLS(y, X).fit()
    np.testing.assert_allclose(r.coefficients["estimate"], ols.params, rtol=0, atol=1e-10)
    np.testing.assert_allclose(r.statistic, ols.tvalues, rtol=0, atol=1e-10)
    assert r.r_squared == pytest.approx(ols.rsquared, abs=1e-10)
    assert r.adj_r_squared == pytest.approx(ols.rsquared_adj, abs=1e-10)
    g = kn.stats.netlogit(case["yb"], case["xs"], reps=20, seed=1)
    yb, X = _design(case, g.directed, "yb")
    # statsmodels' IRLS is R's (start (y + 1/2)/2, standard errors of the last weighted least
    # squares); its stopping rule differs, so run it for the iterations R's rule stopped at
    glm = sm.GLM(yb, X, family=sm.families.Binomial()).fit(maxiter=g.iterations, tol=0.0)
    assert g.converged and 3 <= g.iterations <= 25
    np.testing.assert_allclose(g.coefficients["estimate"], glm.params, rtol=0, atol=1e-10)
    np.testing.assert_allclose(g.statistic, glm.tvalues, rtol=0, atol=1e-10)
    assert g.deviance == pytest.approx(glm.deviance, abs=1e-10)
    assert g.null_deviance == pytest.approx(2 * len(yb) * np.log(2), abs=1e-10)
    assert g.aic == pytest.approx(glm.deviance + 2 * 4, abs=1e-10)
    assert g.bic == pytest.approx(glm.deviance + 4 * np.log(len(yb)), abs=1e-10)


@pytest.mark.parametrize("fn", [kn.stats.netlm, kn.stats.netlogit])
@pytest.mark.parametrize("method", ["qap", "qapy", "qapx", "qapspp"])
def test_draws_do_not_depend_on_threads(rel, fn, method):
    case = rel["directed"]
    y = case["yb"] if fn is kn.stats.netlogit else case["y"]
    one = fn(y, case["xs"], method=method, reps=300, seed=3, threads=1)
    two = fn(y, case["xs"], method=method, reps=300, seed=3, threads=2)
    pd.testing.assert_frame_equal(one.null, two.null, check_exact=True)
    pd.testing.assert_frame_equal(one.coefficients, two.coefficients, check_exact=True)
    assert one.null.shape == (300, 4) and one.reps == 300 and one.seed == 3
    assert one.method == ("qapspp" if method == "qap" else method)
    other = fn(y, case["xs"], method=method, reps=300, seed=4, threads=1)
    assert not one.null.equals(other.null)
    p = one.coefficients
    obs, null = one.statistic, one.null
    assert np.allclose(p["p_greater"], (null >= obs - 1e-9 * np.maximum(1, obs.abs())).mean())
    assert p["p_abs"].equals(one.p_value.rename("p_abs")) or np.array_equal(p["p_abs"], one.p_value)


def test_qapx_leaves_the_intercept_alone(rel):
    case = rel["directed"]
    r = kn.stats.netlm(case["y"], case["xs"], method="qapx", reps=100, seed=1)
    assert np.allclose(r.null["(intercept)"], r.statistic["(intercept)"], rtol=1e-9)
    assert r.coefficients.loc["(intercept)", "p_abs"] == 1.0


def test_qap_is_qapspp(rel):
    case = rel["undirected"]
    a = kn.stats.netlm(case["y"], case["xs"], method="qap", reps=100, seed=2)
    b = kn.stats.netlm(case["y"], case["xs"], method="qapspp", reps=100, seed=2)
    assert a.method == b.method == "qapspp"
    pd.testing.assert_frame_equal(a.null, b.null, check_exact=True)


def test_a_model_of_one_column_falls_back_to_qapy(rel):
    case = rel["directed"]
    r = kn.stats.netlm(case["y"], [case["xs"][0]], method="qapspp", intercept=False, reps=50)
    assert r.method == "qapy" and list(r.coefficients.index) == ["x1"]


def test_layers_same_and_difference():
    net = kn.Network()
    net.add_layer("case", directed=True)
    net.add_layer("info", directed=True)
    sectors = ["police", "police", "court", "court", "prison", "prison"]
    for i, s in enumerate(sectors):
        net.add_organisation(f"o{i}", sector=s, fte=float(10 * i + 5))
    ties = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (1, 0), (2, 4), (3, 1)]
    for a, b in ties:
        net.add_relation(f"o{a}", f"o{b}", "case", volume=float(a + b + 1))
    for a, b in ties[:6] + [(0, 3), (2, 5)]:
        net.add_relation(f"o{a}", f"o{b}", "info")
    same = kn.stats.same(net, "sector")
    diff = kn.stats.difference(net, "fte")
    assert same.loc["o0", "o1"] == 1.0 and same.loc["o0", "o2"] == 0.0
    assert diff.loc["o3", "o1"] == 20.0 and diff.loc["o1", "o3"] == -20.0
    assert kn.stats.difference(net, "fte", absolute=True).loc["o1", "o3"] == 20.0
    r = kn.stats.netlm("info", ["case", same, diff], net, reps=50, seed=1)
    assert list(r.coefficients.index) == ["(intercept)", "case", "x2", "x3"]
    assert r.response == "info" and r.directed and r.n == 30
    # a layer is its adjacency matrix: the same as passing it as a DataFrame
    adj = pd.DataFrame(0.0, index=net.ids, columns=net.ids)
    for a, b in ties:
        adj.loc[f"o{a}", f"o{b}"] = 1.0
    r2 = kn.stats.netlm("info", {"case": adj, "x2": same, "x3": diff}, net, reps=50, seed=1)
    pd.testing.assert_frame_equal(r.coefficients, r2.coefficients)
    info = pd.DataFrame(0.0, index=net.ids, columns=net.ids)
    for a, b in ties[:6] + [(0, 3), (2, 5)]:
        info.loc[f"o{a}", f"o{b}"] = 1.0
    w = kn.stats.netlm(info, ["case"], net, weight="volume", reps=20, seed=1)
    vol = adj.copy()
    for a, b in ties:
        vol.loc[f"o{a}", f"o{b}"] = float(a + b + 1)
    w2 = kn.stats.netlm(info, {"case": vol}, reps=20, seed=1)
    pd.testing.assert_frame_equal(w.coefficients, w2.coefficients)
    # kn.stats.relation builds the same matrices: weighted for one term, binary for another
    pd.testing.assert_frame_equal(kn.stats.relation(net, layers="case", weight="volume"), vol,
                                  check_names=False)
    pd.testing.assert_frame_equal(kn.stats.relation(net, layers="info"), info, check_names=False)
    w3 = kn.stats.netlm("info", {"case": kn.stats.relation(net, layers="case", weight="volume")},
                        net, reps=20, seed=1)
    pd.testing.assert_frame_equal(w.coefficients, w3.coefficients)
    # organisations in another order are aligned on y's
    shuffled = same.loc[same.index[::-1], same.index[::-1]]
    r3 = kn.stats.netlm("info", ["case", shuffled, diff], net, reps=50, seed=1)
    pd.testing.assert_frame_equal(r.coefficients, r3.coefficients)


def test_undirected_is_chosen_for_symmetric_relations(rel):
    case = rel["undirected"]
    r = kn.stats.netlm(case["y"], case["xs"], reps=10)
    assert not r.directed and r.n == 14 * 13 // 2
    d = kn.stats.netlm(case["y"], case["xs"], directed=True, reps=10)
    assert d.directed and d.n == 14 * 13
    np.testing.assert_allclose(d.coefficients["estimate"], r.coefficients["estimate"], atol=1e-12)


def test_errors_name_what_and_where(rel):
    case = rel["directed"]
    y, xs = case["y"], case["xs"]
    with pytest.raises(TypeError, match="netlm: y is the layer name 'case'; pass the network as net="):
        kn.stats.netlm("case", xs)
    net = kn.examples.load("strafrechtketen")
    with pytest.raises(KeyError, match="netlm: x 'nope': unknown layer 'nope'"):
        kn.stats.netlm("case", ["nope"], net)
    with pytest.raises(TypeError, match="netlm: x 'x1' must be a layer name or a square DataFrame"
                                        ".*not ndarray"):
        kn.stats.netlm(y, [xs[0].to_numpy()])
    with pytest.raises(TypeError, match="netlm: xs must be a list or a dict"):
        kn.stats.netlm(y, 3)
    with pytest.raises(ValueError, match="netlm: x 'x1' is not square: 14 rows, 13 columns"):
        kn.stats.netlm(y, [xs[0].iloc[:, :13]])
    with pytest.raises(ValueError, match="netlm: x 'x1' and y differ in organisations: x 'x1' "
                                         "lacks 'org13'"):
        kn.stats.netlm(y, [xs[0].iloc[:13, :13]])
    bad = xs[0].copy()
    bad.iloc[2, 5] = np.nan
    with pytest.raises(ValueError, match=r"netlm: x 'x1' has nan at \('org02', 'org05'\)"):
        kn.stats.netlm(y, [bad])
    bad = xs[0].astype(object)
    bad.iloc[1, 2] = "tie"
    with pytest.raises(TypeError, match="netlm: x 'x1' has non-numeric values"):
        kn.stats.netlm(y, [bad])
    with pytest.raises(ValueError, match=r"netlm: directed=False but y is not symmetric: "
                                         r"\('org00', 'org01'\)"):
        kn.stats.netlm(y, xs, directed=False)
    with pytest.raises(ValueError, match="netlm: the term 'x2' is a linear combination of the other terms"):
        kn.stats.netlm(y, [xs[0], xs[0]])
    with pytest.raises(ValueError, match="netlm: the term 'case' is given twice"):
        kn.stats.netlm("information", ["case", "case"], net)
    with pytest.raises(ValueError, match=r"netlogit: y has the value -0\.72\d+ at \('org00', 'org01'\); "
                                         r"a logistic regression needs 0 \(no tie\) or 1"):
        kn.stats.netlogit(y, xs)
    with pytest.raises(ValueError, match="netlm: method must be one of 'qap', 'qapspp', "
                                         "'qapy', 'qapx', not 'qapallx'"):
        kn.stats.netlm(y, xs, method="qapallx")
    with pytest.raises(ValueError, match="netlogit: test_statistic must be one of 'z-value', 'beta'"):
        kn.stats.netlogit(case["yb"], xs, test_statistic="t-value")
    with pytest.raises(ValueError, match="netlm: reps must be a positive integer, not 0"):
        kn.stats.netlm(y, xs, reps=0)
    with pytest.raises(ValueError, match="netlm: seed must be a non-negative integer"):
        kn.stats.netlm(y, xs, seed=-1)
    with pytest.raises(ValueError, match="'\\(intercept\\)' names the intercept"):
        kn.stats.netlm(y, {"(intercept)": xs[0]})
    with pytest.raises(KeyError, match="same: unknown organisation attribute 'colour'"):
        kn.stats.same(net, "colour")
    with pytest.raises(TypeError, match="difference: attribute 'sector' of '.*' is '.*' .*needs numbers"):
        kn.stats.difference(net, "sector")


def test_result_prints_and_displays(rel):
    case = rel["directed"]
    r = kn.stats.netlm(case["y"], {"tie": case["xs"][0], "group": case["xs"][1]}, reps=40, seed=2)
    text = repr(r)
    assert text.startswith("NetlmResult: y ~ tie + group (182 cells, directed), R-squared ")
    assert "p_greater" in text and text.endswith("qapspp test of the t-value, 40 reps, seed 2")
    html = r._repr_html_()
    assert "<table" in html and "NetlmResult" in html and "coefficients" in html
    g = kn.stats.netlogit(case["yb"], {"tie": case["xs"][0]}, method="qapy", reps=40, seed=2)
    assert repr(g).startswith("NetlogitResult: y ~ tie (182 cells, directed), deviance ")
    assert repr(g).endswith("qapy test of the z-value, 40 reps, seed 2")
    with pytest.raises(Exception):
        r.seed = 3  # frozen


def test_progress_is_reported_and_can_cancel(rel):
    case = rel["directed"]
    seen = []
    kn.stats.netlm(case["y"], case["xs"], reps=2000, threads=1, progress=lambda f: seen.append(f))
    assert seen and seen[-1] == 1.0
    with pytest.raises(RuntimeError):
        kn.stats.netlogit(case["yb"], case["xs"], reps=2000, threads=1, progress=lambda f: False)
