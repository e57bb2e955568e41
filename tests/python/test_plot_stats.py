"""kn.plot.null_distribution: what the reader sees, the histogram of the draws, the observed
value's line where it belongs, the axis named after the statistic, the p-values in the title,
and one panel per term for a regression result."""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import ketennet as kn  # noqa: E402


@pytest.fixture(scope="module")
def net():
    return kn.examples.load("strafrechtketen")


@pytest.fixture(autouse=True)
def close():
    yield
    plt.close("all")


def _lines(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def test_cug_histogram_with_observed_line(net):
    r = kn.stats.cug_test(net, "transitivity", "edges", layers="case", reps=300, seed=2)
    ax = kn.plot.null_distribution(r)
    assert ax.get_xlabel() == "transitivity" and ax.get_ylabel() == "draws"
    title = ax.get_title().splitlines()
    assert title[0] == "conditional uniform graph test given edges (300 draws)"
    assert title[1] == (f"p(≥) = {r.p_greater:.3g}, p(≤) = {r.p_less:.3g}, "
                        f"p = {r.p_value:.3g}")
    line = _lines(ax)[f"observed = {r.statistic:.3g}"]
    assert line.get_xdata()[0] == pytest.approx(r.statistic)
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == 300  # every draw counted in the bars


def test_permutation_axis_names_the_difference(net):
    r = kn.stats.permutation_test(net.select_layers("case"), net.select_layers("information"),
                                  "density", reps=100, seed=1)
    ax = kn.plot.null_distribution(r)
    assert ax.get_xlabel() == "density: a - b"
    assert f"p(|·|) = {r.p_abs:.3g}" in ax.get_title()
    assert "p = " not in ax.get_title()  # p_value is p_abs, shown once
    assert _lines(ax)[f"observed = {r.statistic:.3g}"].get_xdata()[0] == pytest.approx(r.statistic)


def test_bootstrap_shows_interval_and_null_value(net):
    r = kn.stats.bootstrap(net, "density", layers="case", reps=200, seed=1, null_value=0.05)
    fig, ax = plt.subplots()
    assert kn.plot.null_distribution(r, ax=ax) is ax
    lines = _lines(ax)
    assert lines["null value = 0.05"].get_xdata()[0] == 0.05
    assert lines["null value = 0.05"].get_linestyle() == "--"
    labels = ax.get_legend_handles_labels()[1]
    assert f"interval [{r.ci[0]:.3g}, {r.ci[1]:.3g}]" in labels


@dataclass(frozen=True)
class Regression:
    statistic: pd.Series
    p_value: pd.Series
    null: pd.DataFrame
    method: str = "netlm"


def test_regression_one_panel_per_term():
    rng = np.random.default_rng(1)
    terms = ["intercept", "x1", "x2", "x3"]
    r = Regression(pd.Series([0.5, 1.0, -2.0, 0.1], index=terms),
                   pd.Series([0.01, 0.2, 0.03, 0.9], index=terms),
                   pd.DataFrame(rng.normal(size=(50, 4)), columns=terms))
    axes = kn.plot.null_distribution(r)
    assert [a.get_xlabel() for a in axes] == terms
    assert axes[2].get_title() == "x2\np = 0.03"
    assert _lines(axes[2])["observed = -2"].get_xdata()[0] == -2.0
    assert axes[0].figure.get_suptitle() == "netlm (50 draws)"
    with pytest.raises(ValueError, match="4 terms need as many Axes, not 1"):
        kn.plot.null_distribution(r, ax=[plt.gca()])


def test_other_objects_are_refused():
    with pytest.raises(TypeError, match="null_distribution: expected an inference result"):
        kn.plot.null_distribution(3.0)
