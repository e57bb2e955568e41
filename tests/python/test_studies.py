"""kn.scorecard for batches of networks and kn.signals (robust z-scores, period changes)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.stats

import ketennet as kn


@pytest.fixture(scope="module")
def nets():
    return {"strafrecht": kn.examples.load("strafrechtketen"),
            "vreemdelingen": kn.examples.load("vreemdelingenketen")}


def test_batch_scorecard_holds_the_single_scorecards(nets):
    card = kn.scorecard(nets)
    assert list(card.columns) == ["network"] + kn.report.COLUMNS
    key = ["goal", "indicator", "scope", "subject"]
    for name, net in nets.items():
        one = kn.report.scorecard(net).set_index(key)
        mine = card[card["network"] == name].drop(columns="network").set_index(key)
        # every row of the single scorecard, with the same values; the batch adds the rows
        # other networks rank or have (organisations, sectors), each NaN or with its value
        pd.testing.assert_frame_equal(mine.loc[one.index], one)
        extra = mine.drop(index=one.index)
        assert set(extra.index.get_level_values("scope")) <= {"organisation", "sector", "chain"}
        assert extra["note"].str.len().gt(0).all()
    alone = kn.scorecard({"x": nets["strafrecht"]}).drop(columns="network")
    pd.testing.assert_frame_equal(alone, kn.report.scorecard(nets["strafrecht"]))


def test_single_network_and_list(nets):
    net = nets["strafrecht"]
    assert set(kn.scorecard(net)["network"]) == {net.name}
    card = kn.scorecard(list(nets.values()))
    assert set(card["network"]) == {n.name for n in nets.values()}


def test_chains_filter(nets):
    net = nets["strafrecht"]
    a = kn.scorecard(net, chains="strafrechtketen")
    assert (a["scope"] == "chain").any()
    with pytest.raises(KeyError, match="no network has chain 'nope'"):
        kn.scorecard(net, chains=["nope"])


def test_bad_batches(nets):
    net = nets["strafrecht"]
    with pytest.raises(ValueError, match="two networks are named"):
        kn.scorecard([net, net])
    with pytest.raises(TypeError, match=r"networks\[1\] is a str"):
        kn.scorecard([net, "x"])
    with pytest.raises(TypeError, match=r"networks\['b'\] is a int"):
        kn.scorecard({"a": net, "b": 3})
    with pytest.raises(ValueError, match="no networks"):
        kn.scorecard([])


def _card(values, indicator="density", period=None):
    df = pd.DataFrame({"network": [f"r{i}" for i in range(len(values))], "goal": "effectiveness",
                       "indicator": indicator, "scope": "network", "subject": "", "value": values,
                       "unit": "share", "direction": "context", "meaning": "m"})
    if period is not None:
        df["period"] = period
    return df


def test_robust_z_matches_scipy_mad():
    rng = np.random.default_rng(3)
    x = rng.normal(10, 2, 25)
    x[7] = 40.0
    sig = kn.signals(_card(list(x)))
    mad = scipy.stats.median_abs_deviation(x)  # unscaled
    z = 0.6745 * (x - np.median(x)) / mad
    expected = {f"r{i}" for i in np.flatnonzero(np.abs(z) > 3.5)}
    assert set(sig["network"]) == expected and "r7" in expected
    row = sig.set_index("network").loc["r7"]
    assert row["score"] == pytest.approx(z[7], rel=1e-12)
    assert row["reference"] == pytest.approx(np.median(x), rel=1e-12)


def test_mad_zero_falls_back_to_mean_absolute_deviation():
    x = [1.0] * 9 + [5.0]
    sig = kn.signals(_card(x))
    meanad = np.mean(np.abs(np.array(x) - 1.0))
    assert sig["network"].tolist() == ["r9"]
    assert sig["score"].iloc[0] == pytest.approx(4.0 / (1.253314 * meanad))
    assert kn.signals(_card([2.0] * 8)).empty  # all equal: nothing stands out


def test_too_few_peers_and_non_numeric_values():
    assert kn.signals(_card([1.0, 1.0, 50.0])).empty
    card = _card([0.1, 0.1, 0.1, 0.1, 0.1, "n/a"])
    assert kn.signals(card).empty


def test_period_changes():
    a = _card([0.2, 0.3, 0.4, 0.5, 0.6], period=2023)
    b = _card([0.2, 0.3, 0.9, 0.5, 0.6], period=2024)
    sig = kn.signals(pd.concat([a, b]), period="period")
    ch = sig[sig["signal"] == "change"]
    assert ch[["network", "period"]].values.tolist() == [["r2", 2024]]
    assert ch["score"].iloc[0] == pytest.approx(0.5 / 0.4)
    assert ch["reference"].iloc[0] == pytest.approx(0.4)


def test_signals_bad_input():
    with pytest.raises(KeyError, match="'value'"):
        kn.signals(_card([1.0]).drop(columns="value"))
    with pytest.raises(ValueError, match="threshold"):
        kn.signals(_card([1.0]), threshold=0)
    with pytest.raises(KeyError, match="'period'"):
        kn.signals(_card([1.0]), period="period")


def test_network_rich_display(nets):
    net = nets["strafrecht"]
    html = net._repr_html_()
    assert html.count("<tr>") == 2 + len(net.layers) + len(net.chains)
    assert "aangifte → opsporing" in html
    text = net.describe()
    assert f"organisations  " in text and "layer 'case'" in text
    empty = kn.Network()
    assert "organisations" in empty.describe() and "(unnamed)" in empty._repr_html_()


def test_automatic_progress_bar(monkeypatch):
    """progress=None: a tqdm bar only once a call has run longer than AUTO_PROGRESS_DELAY."""
    import tqdm.auto

    from ketennet import _util

    made = []

    class FakeBar:
        def __init__(self, **kw):
            made.append(kw["desc"])
            self.n = 0
            self.start_t = 0.0

        def refresh(self):
            pass

        def close(self):
            made.append("closed")

    monkeypatch.setattr(tqdm.auto, "tqdm", FakeBar)
    assert _util.progress_handler(False, "x") is None
    quick = _util.progress_handler(None, "quick")
    quick(0.5), quick(1.0)
    assert made == []  # finished within the delay: nothing shown
    monkeypatch.setattr(_util, "AUTO_PROGRESS_DELAY", 0.0)
    slow = _util.progress_handler(None, "slow")
    slow(0.5), slow(1.0)
    assert made == ["slow", "closed"]
    now = _util.progress_handler(True, "now")
    now(1.0)
    assert made[-2:] == ["now", "closed"]
    # the default of a long kernel goes through it
    monkeypatch.setattr(_util, "AUTO_PROGRESS_DELAY", 0.0)
    net = kn.examples.load("strafrechtketen")
    kn.centrality.betweenness(net)
    assert "betweenness" in made


def test_results_render_as_html_tables(nets):
    net = nets["strafrecht"]
    lt = kn.flow.lead_time(net, "aangever", "cjib")
    html = lt._repr_html_()
    assert html.startswith("<div><b>LeadTime</b>") and " → ".join(lt.path) in html
    com = kn.cohesion.communities(net, seed=1)
    assert "<b>Communities</b>" in com._repr_html_() and "dataframe" in com._repr_html_()
    sim = kn.resilience.simulate(net, "random", runs=2, progress=False)
    assert "rows</small>" in sim._repr_html_()  # long tables shown by their first rows
