"""kn.plot: every function draws on the given Axes, returns it, and refuses bad input."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import ketennet as kn  # noqa: E402


@pytest.fixture(scope="module")
def net():
    return kn.examples.load("strafrechtketen")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_no_show(monkeypatch, net):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plot called plt.show()"))
    kn.plot.network(net)
    kn.plot.chain(net, "strafrechtketen")
    kn.plot.funnel(net, "strafrechtketen")


def test_network_draws_on_given_axes(net):
    fig, ax = plt.subplots()
    assert kn.plot.network(net, ax=ax) is ax
    # one marker per organisation, one arrow per non-loop relation
    assert ax.collections[0].get_offsets().shape[0] == len(net)
    rel = net.relations
    assert len(ax.patches) == int((rel["source"] != rel["target"]).sum())
    # sectors in the legend, in the palette's colours
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "politie" in " ".join(labels)


def test_network_layers_and_layouts(net):
    ax = kn.plot.network(net, layers="case", size=kn.centrality.betweenness(net))
    assert len(ax.patches) == int((net.relations["layer"] == "case").sum())
    pos = {o: (i, 0.0) for i, o in enumerate(net.ids)}
    kn.plot.network(net, layout=pos, labels=False)
    with pytest.raises(KeyError, match="layout lacks a position"):
        kn.plot.network(net, layout={net.ids[0]: (0, 0)})
    with pytest.raises(KeyError, match="unknown layer 'x'"):
        kn.plot.network(net, layers="x")
    with pytest.raises(ValueError, match="layout must be"):
        kn.plot.network(net, layout="circle")
    with pytest.raises(TypeError, match="ketennet.Network"):
        kn.plot.network("net")


def test_chain_columns_are_stages(net):
    ax = kn.plot.chain(net, "strafrechtketen")
    stages = list(net.chain("strafrechtketen"))
    assert [t.get_text() for t in ax.get_xticklabels()] == stages
    with pytest.raises(KeyError, match="unknown chain"):
        kn.plot.chain(net, "nope")


def test_funnel_bars_match_score_chain(net):
    ax = kn.plot.funnel(net, "strafrechtketen")
    card = kn.flow.score_chain(net, "strafrechtketen")
    inflow = card[card["indicator"] == "stage inflow"]["value"].tolist()
    heights = [p.get_height() for p in ax.patches[: len(inflow)]]
    assert heights == pytest.approx(inflow)


def test_funnel_without_volumes():
    n = kn.Network("x")
    n.add_layer("case")
    for o in "abc":
        n.add_organisation(o)
    n.add_relation("a", "b", "case")
    n.add_relation("b", "c", "case")
    n.add_chain("c", {"s1": ["a"], "s2": ["b"], "s3": ["c"]})
    with pytest.raises(ValueError):
        kn.plot.funnel(n, "c")


def test_centrality_bars(net):
    bc = kn.centrality.betweenness(net)
    ax = kn.plot.centrality(bc, net, top=4)
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(sorted(bc, reverse=True)[:4])  # largest on top: drawn first at the top
    with pytest.raises(ValueError, match="top"):
        kn.plot.centrality(bc, top=0)
    with pytest.raises(TypeError):
        kn.plot.centrality([1, 2])


def test_handovers_matrix():
    df = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "b"], "volume": [1, 2, 3]})
    ax = kn.plot.handovers(df)
    img = ax.images[0].get_array()
    assert img[0, 1] == 4 and img[1, 2] == 2 and img.sum() == 6
    with pytest.raises(KeyError, match="'count'"):
        kn.plot.handovers(df, value="count")
    bad = df.assign(volume=[1, None, 2])
    with pytest.raises(ValueError, match="lack 'volume'"):
        kn.plot.handovers(bad)


def test_handovers_from_network(net):
    ax = kn.plot.handovers(net, layer="case")
    sub = net.relations[net.relations["layer"] == "case"]
    assert ax.images[0].get_array().sum() == pytest.approx(sub["volume"].sum())


def test_lead_times_norm_share():
    j = pd.DataFrame({"lead_time": pd.to_timedelta([1, 2, 3, 40], unit="D")})
    ax = kn.plot.lead_times(j, norm_days=30)
    assert "75%" in ax.get_legend().get_texts()[0].get_text()
    with pytest.raises(ValueError, match="missing"):
        kn.plot.lead_times(pd.Series([1.0, None]))
