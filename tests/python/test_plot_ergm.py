"""The ERGM pictures: kn.plot.gof draws every table of kn.ergm.gof (observed line = the
table's observed column, boxes = the simulated counts), kn.plot.mcmc_trace the final MCMC
sample of an MCMLE fit (per statistic a trace and a distribution of the draws minus the
observed value, one colour per chain)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import ketennet as kn  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _net(directed: bool = False) -> kn.Network:
    """Two sectors of four organisations; collaboration mostly within a sector:

        o0 - o1        o4 - o5
        |  \\  |        |    |
        o3 - o2        o7   o6
          \\__________/
               (o3 - o4)
    """
    net = kn.Network()
    net.add_layer("collaboration", directed=directed)
    for k in range(8):
        net.add_organisation(f"o{k}", sector="om" if k < 4 else "zorg")
    for s, t in [(0, 1), (1, 2), (2, 3), (0, 3), (0, 2), (4, 5), (5, 6), (4, 7), (3, 4)]:
        net.add_relation(f"o{s}", f"o{t}", "collaboration")
    return net


@pytest.fixture(scope="module")
def mcmle():
    return kn.ergm.fit(_net(), "edges + nodematch('sector') + triangle", seed=3,
                       samplesize=200, burnin=2000, interval=50, chains=4, progress=False)


@pytest.fixture(scope="module")
def goodness(mcmle):
    return kn.ergm.gof(mcmle, nsim=40, burnin=2000, interval=50, seed=2, progress=False)


def test_gof_draws_one_panel_per_table_observed_line_is_the_table(goodness):
    axes = kn.plot.gof(goodness)
    assert len(axes) == len(goodness.tables) == 4
    assert len([a for a in axes[0].figure.axes if a.get_visible()]) == 4
    assert [a.get_title() for a in axes] == ["degree", "edgewise shared partners",
                                             "minimum geodesic distance", "model statistics"]
    assert [(a.get_xlabel(), a.get_ylabel()) for a in axes] == [
        ("degree", "organisations"), ("edgewise shared partners", "ties"),
        ("geodesic distance", "pairs"), ("statistic", "value")]
    for a, (name, table) in zip(axes, goodness.tables.items()):
        assert [t.get_text() for t in a.get_legend().get_texts()] == ["observed", "simulated"]
        observed = [line for line in a.get_lines() if line.get_label() == "observed"]
        assert len(observed) == 1
        np.testing.assert_array_equal(observed[0].get_ydata(), table["observed"].to_numpy())
        assert [t.get_text() for t in a.get_xticklabels()] == [str(v) for v in table.index]
    # the observed statistics of the model panel are those of the fit
    np.testing.assert_array_equal(axes[3].get_lines()[-1].get_ydata(),
                                  kn.ergm.summary(_net(), "edges + nodematch('sector') + "
                                                  "triangle").to_numpy())
    assert list(goodness.tables["distance"].index)[-1] == "inf"
    assert "40 simulated networks" in axes[0].figure._suptitle.get_text()


def test_gof_boxes_span_the_simulated_counts(goodness):
    ax = kn.plot.gof(goodness, tables=["degree"])[0]
    sims = goodness.simulated["degree"].to_numpy(dtype=float)
    # each box is a patch whose vertical extent is the quartiles of that degree's counts
    boxes = list(ax.patches)
    assert len(boxes) == sims.shape[1]
    for k, box in enumerate(boxes):
        ys = box.get_path().vertices[:, 1]
        lo, hi = np.percentile(sims[:, k], [25, 75])
        assert ys.min() == pytest.approx(lo) and ys.max() == pytest.approx(hi)


def test_gof_directed_has_in_and_out_degree_and_takes_given_axes():
    net = _net(directed=True)
    f = kn.ergm.fit(net, "edges + mutual", method="mple")
    g = kn.ergm.gof(f, nsim=20, burnin=500, interval=20, seed=1, progress=False)
    fig, grid = plt.subplots(1, 2)
    axes = kn.plot.gof(g, tables=["idegree", "odegree"], ax=grid)
    assert list(axes) == list(grid)
    assert [a.get_title() for a in axes] == ["in-degree", "out-degree"]
    assert len(kn.plot.gof(g)) == 5


def test_gof_bad_input(goodness, mcmle):
    with pytest.raises(TypeError, match="plot.gof: expected a kn.ergm.Gof .* not Fit"):
        kn.plot.gof(mcmle)
    with pytest.raises(KeyError, match="unknown table 'triads'.*degree, espartners"):
        kn.plot.gof(goodness, tables=["triads"])
    with pytest.raises(ValueError, match="plot.gof: 2 tables need 2 Axes, not 1"):
        kn.plot.gof(goodness, tables=["degree", "model"], ax=plt.gca())


def test_mcmc_trace_panels_labels_and_chains(mcmle):
    axes = kn.plot.mcmc_trace(mcmle)
    assert axes.shape == (3, 2)
    assert len(axes[0, 0].figure.axes) == 6
    for (trace, dist), name in zip(axes, mcmle.terms):
        assert trace.get_title() == f"{name}: trace"
        assert trace.get_xlabel() == "draw (within its chain)"
        assert trace.get_ylabel() == dist.get_xlabel() == f"{name} − observed"
        assert dist.get_ylabel() == "draws"
        assert dist.get_title() == f"distribution (t-ratio {mcmle.t_ratios[name]:.2g})"
        chains = [line for line in trace.get_lines() if line.get_label().startswith("chain")]
        assert len(chains) == 4 and len({line.get_color() for line in chains}) == 4
        # the chains, one after the other, are the sample minus the observed value
        ys = np.concatenate([line.get_ydata() for line in chains])
        np.testing.assert_array_equal(ys, mcmle.mcmc[name].to_numpy() - mcmle.observed[name])
        zero = [line for line in trace.get_lines() if line.get_label() == "observed"]
        assert len(zero) == 1 and list(zero[0].get_ydata()) == [0.0, 0.0]
    assert [t.get_text() for t in axes[0, 0].get_legend().get_texts()] == [
        "chain 1", "chain 2", "chain 3", "chain 4", "observed"]
    assert "200 draws, 4 chains" in axes[0, 0].figure._suptitle.get_text()


def test_mcmc_trace_one_statistic_on_given_axes(mcmle):
    fig, grid = plt.subplots(1, 2)
    axes = kn.plot.mcmc_trace(mcmle, terms="triangle", ax=grid)
    assert axes.shape == (1, 2) and axes[0, 0] is grid[0]
    assert grid[0].get_title() == "triangle: trace"


def test_mcmc_trace_bad_input(mcmle):
    mple = kn.ergm.fit(_net(), "edges + triangle", method="mple")
    with pytest.raises(ValueError, match="no MCMC sample.*method='mple'.*method='mcmle'"):
        kn.plot.mcmc_trace(mple)
    with pytest.raises(TypeError, match="plot.mcmc_trace: expected a kn.ergm.Fit"):
        kn.plot.mcmc_trace(mcmle.coefficients)
    with pytest.raises(KeyError, match="unknown statistic 'mutual'.*edges, nodematch.sector"):
        kn.plot.mcmc_trace(mcmle, terms=["mutual"])
    with pytest.raises(ValueError, match="3 statistics need 6 Axes, not 2"):
        kn.plot.mcmc_trace(mcmle, ax=plt.subplots(1, 2)[1])
