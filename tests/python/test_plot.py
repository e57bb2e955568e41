"""kn.plot: every function draws on the given Axes, returns it, and refuses bad input."""
from __future__ import annotations

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
    assert sum(c.get_offsets().shape[0] for c in ax.collections) == len(net)
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
    with pytest.raises(KeyError, match="unknown chain 'x'"):
        kn.plot.network(net, chain="x")
    with pytest.raises(ValueError, match="'stages' needs a chain"):
        kn.plot.network(synthetic_network(6, 2, seed=1), layout="stages")
    with pytest.raises(TypeError, match="ketennet.Network"):
        kn.plot.network("net")


def test_chain_columns_are_stages(net):
    ax = kn.plot.chain(net, "strafrechtketen")
    stages = list(net.chain("strafrechtketen"))
    heads = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("stage:")]
    assert [h.replace("\n", " ") for h in heads] == stages
    assert ax.get_title() == "strafrechtketen — layer 'case', width ~ volume"
    # only the chain's case relations, in the whole network's sector styles
    rel = net.relations
    assert len(ax.patches) == int(((rel["layer"] == "case") & (rel["source"] != rel["target"])).sum())
    styles = kn.plot.sector_styles(net)
    for c in _node_artists(ax):
        sector = c.get_gid().split(":", 1)[1]
        assert matplotlib.colors.to_hex(c.get_facecolor()[0]) == styles[sector][0].lower()
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


# ----------------------------------------------------------------------------- what a reader sees
def synthetic_network(n: int, sectors: int, *, seed: int, chain: bool = False,
                      unassigned: int = 0) -> kn.Network:
    """A reproducible network of ``n`` organisations in ``sectors`` sectors with long,
    multi-word names; a directed ``case`` layer with volumes on most relations and an
    undirected ``collaboration`` layer without; a chain of four stages when ``chain``;
    the last ``unassigned`` organisations without a sector."""
    rng = np.random.default_rng(seed)
    net = kn.Network(f"synthetic {n}/{sectors}")
    net.add_layer("case", directed=True)
    net.add_layer("collaboration", directed=False)
    words = ["Regionaal", "Bureau", "Landelijke", "Dienst", "voor", "Toezicht", "Jeugd",
             "Veiligheid", "Openbaar", "Stichting", "Samenwerkingsverband", "Noord"]
    ids = [f"o{i}" for i in range(n)]
    for i, o in enumerate(ids):
        name = " ".join(rng.choice(words, size=int(rng.integers(1, 6)))) + f" {i}"
        net.add_organisation(o, name=name, sector=f"sector{i % sectors}" if i < n - unassigned else "")
    for i in range(1, n):
        j = int(rng.integers(0, i))
        vol = None if rng.random() < 0.2 else float(rng.integers(10, 100_000))
        net.add_relation(ids[j], ids[i], "case", volume=vol)
        if rng.random() < 0.4:
            net.add_relation(ids[i], ids[int(rng.integers(0, n))] if i else ids[0], "collaboration")
    if chain:
        k = max(n // 2, 4)
        net.add_chain("c", {f"stage {s}": ids[s * k // 4:(s + 1) * k // 4] for s in range(4)})
    return net


NETWORKS = {
    "strafrechtketen": lambda: kn.examples.load("strafrechtketen"),
    "vreemdelingenketen": lambda: kn.examples.load("vreemdelingenketen"),
    "no chain": lambda: synthetic_network(24, 5, seed=3),
    "18 sectors": lambda: synthetic_network(40, 18, seed=4),
    "chain and others": lambda: synthetic_network(30, 6, seed=5, chain=True),
    "some without sector": lambda: synthetic_network(12, 3, seed=6, unassigned=3),
}


def _node_artists(ax):
    return [c for c in ax.collections if (c.get_gid() or "").startswith("sector:")]


def _marker_key(collection):
    face = tuple(np.round(collection.get_facecolor()[0], 4))
    path = tuple(np.round(collection.get_paths()[0].vertices, 3).ravel())
    return face, path


@pytest.mark.parametrize("which", list(NETWORKS))
def test_network_every_sector_distinct_and_in_legend(which):
    net = NETWORKS[which]()
    ax = kn.plot.network(net)
    sectors = net.organisations["sector"]
    # the sectors present in order of first appearance, then organisations without one
    present = [s for s in dict.fromkeys(sectors) if s] + (["(no sector)"] if (sectors == "").any() else [])
    nodes = _node_artists(ax)
    # one marker set per sector present, each with its own (colour, marker) pair
    assert [c.get_gid() for c in nodes] == [f"sector:{s}" for s in present]
    assert len({_marker_key(c) for c in nodes}) == len(present)
    # each organisation is drawn in its sector's set
    for c in nodes:
        sector = c.get_gid().split(":", 1)[1]
        members = (sectors == ("" if sector == "(no sector)" else sector)).sum()
        assert c.get_offsets().shape[0] == members
    # the legend: the sectors present, then the layers, then reference widths of volume
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    layers = [f"{name} ({'directed' if net.view(name).directed else 'undirected'})" for name in net.layers]
    volume = pd.to_numeric(net.relations["volume"], errors="coerce")
    widths = [f"volume {volume.max():,.0f}", f"volume {volume.max() / 10:,.0f}"] if volume.notna().any() else []
    assert legend == present + layers + widths


def _text_boxes(ax):
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return {t.get_gid() or t.get_text(): t.get_window_extent(renderer)
            for t in ax.texts if t.get_text()}, renderer


@pytest.mark.parametrize("which", list(NETWORKS))
@pytest.mark.parametrize("given_axes", [False, True])
def test_network_labels_do_not_overlap_and_are_whole(which, given_axes):
    net = NETWORKS[which]()
    ax = plt.subplots(figsize=(8, 6))[1] if given_axes else None
    _assert_readable(kn.plot.network(net, ax=ax), net)


@pytest.mark.parametrize("which", ["strafrechtketen", "vreemdelingenketen"])
@pytest.mark.parametrize("given_axes", [False, True])
def test_chain_labels_do_not_overlap_and_are_whole(which, given_axes):
    net = NETWORKS[which]()
    ax = plt.subplots(figsize=(10, 5))[1] if given_axes else None
    _assert_readable(kn.plot.chain(net, which, ax=ax), net.induced(
        [o for orgs in net.chain(which).values() for o in orgs]))


def _assert_readable(ax, net):
    """Every organisation's whole name, no two texts overlapping, all inside the axes; the
    title and the legend inside the figure."""
    boxes, renderer = _text_boxes(ax)
    names = dict(zip(net.organisations["id"], net.organisations["name"]))
    labels = {k: v for k, v in boxes.items() if k.startswith("label:")}
    assert len(labels) == len(net)
    # the whole name, wrapped between words only
    for t in ax.texts:
        gid = t.get_gid() or ""
        if gid.startswith("label:"):
            assert " ".join(t.get_text().split()) == " ".join(names[gid[6:]].split())
    items = list(boxes.items())
    for i, (a, box_a) in enumerate(items):
        for b, box_b in items[i + 1:]:
            assert not box_a.overlaps(box_b), f"{a} overlaps {b}"
    axes_box = ax.get_window_extent(renderer)
    fig_box = ax.figure.bbox
    for k, box in boxes.items():
        assert axes_box.x0 - 0.5 <= box.x0 and box.x1 <= axes_box.x1 + 0.5, k
        assert axes_box.y0 - 0.5 <= box.y0 and box.y1 <= axes_box.y1 + 0.5, k
    for artist in (ax.get_legend(), ax.title):  # the title and the legend fit the figure
        box = artist.get_window_extent(renderer)
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1, artist
        assert fig_box.y0 <= box.y0 and box.y1 <= fig_box.y1, artist


def test_network_stage_layout_follows_the_chain(net):
    ax = kn.plot.network(net)
    stages = net.chain("strafrechtketen")
    heads = [t.get_text().replace("\n", " ") for t in ax.texts if (t.get_gid() or "").startswith("stage:")]
    assert heads == list(stages)
    # organisations of a stage share its column; stages run left to right
    xs = {}
    for c in _node_artists(ax):
        sector = c.get_gid().split(":", 1)[1]
        ids = net.organisations.loc[net.organisations["sector"] == sector, "id"]
        xs.update(dict(zip(ids, c.get_offsets()[:, 0])))
    seen = set()
    for k, members in enumerate(stages.values()):
        for o in members:
            if o not in seen:
                assert xs[o] == pytest.approx(k)
                seen.add(o)


def test_network_edge_width_grows_with_volume(net):
    ax = kn.plot.network(net, layers="case")
    rel = net.relations
    rel = rel[(rel["layer"] == "case") & (rel["source"] != rel["target"])]
    width = {p.get_gid(): p.get_linewidth() for p in ax.patches}
    vol = {f"case:{s}->{t}": v for s, t, v in zip(rel["source"], rel["target"], rel["volume"])}
    known = sorted((v, width[g]) for g, v in vol.items() if pd.notna(v))
    assert len({w for _, w in known}) > 5
    assert all(w1 <= w2 for (_, w1), (_, w2) in zip(known, known[1:]))
    assert [t.get_text() for t in ax.get_legend().get_texts()][-2] == f"volume {max(v for v, _ in known):,.0f}"


def test_network_without_volumes_has_equal_widths():
    net = synthetic_network(8, 2, seed=2)
    ax = kn.plot.network(net, layers="collaboration")
    assert len({p.get_linewidth() for p in ax.patches}) == 1
    assert not any(t.get_text().startswith("volume") for t in ax.get_legend().get_texts())


def test_sector_styles_limit():
    net = kn.Network("many")
    for i in range(121):
        net.add_organisation(f"o{i}", sector=f"s{i}")
    with pytest.raises(ValueError, match="121 sectors"):
        kn.plot.sector_styles(net)


def test_centrality_legend_and_axis_label(net):
    bc = kn.centrality.betweenness(net)
    ax = kn.plot.centrality(bc, net, top=8)
    assert ax.get_xlabel() == "betweenness"
    sector = dict(zip(net.organisations["id"], net.organisations["sector"]))
    shown = list(dict.fromkeys(sector[o] for o in bc.sort_values(ascending=False, kind="stable").index[:8]))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == shown
    keys = {(tuple(p.get_facecolor()), p.get_hatch()) for p in ax.patches}
    assert len(keys) == len(shown)
    with pytest.raises(KeyError, match="not in"):
        kn.plot.centrality(pd.Series({"nobody": 1.0}, name="x"), net)


def test_robustness_title():
    net = kn.examples.load("strafrechtketen")
    sim = kn.resilience.simulate(net, "random", runs=3, progress=False)
    ax = kn.plot.robustness(sim)
    assert ax.get_title() == "robustness: largest component as organisations are removed"
    kn.plot.robustness(kn.resilience.simulate(net, "degree", progress=False), ax=ax)
    assert ax.get_title() == "robustness: largest component as organisations are removed"
    assert len(ax.get_legend().get_texts()) == 2


def test_lead_times_integer_counts():
    lt = pd.Series(pd.to_timedelta([3, 5, 8, 13, 21], unit="D"))
    ax = kn.plot.lead_times(lt, bins=5)
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_network_small_and_other_layouts():
    empty = kn.Network("empty")
    ax = kn.plot.network(empty)
    assert _node_artists(ax) == [] and ax.get_title() == "empty"
    one = kn.Network("one")
    one.add_organisation("a", name="Alleen", sector="om")
    ax = kn.plot.network(one)
    assert [t.get_text() for t in ax.texts] == ["Alleen"]
    net = synthetic_network(10, 3, seed=7)
    for layout in ("sectors", {o: (i, i % 3) for i, o in enumerate(net.ids)}):
        ax = kn.plot.network(net, layout=layout)
        assert len({_marker_key(c) for c in _node_artists(ax)}) == 3
        ax.figure.canvas.draw()
        box, fig_box = ax.get_legend().get_window_extent(), ax.figure.bbox
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1 and fig_box.y0 <= box.y0
    with pytest.raises(KeyError, match="no organisation attribute 'height'"):
        kn.plot.network(net, size="height")


def test_network_without_networkx(monkeypatch):
    import sys

    net = synthetic_network(12, 3, seed=8)
    monkeypatch.setitem(sys.modules, "networkx", None)  # import networkx -> ImportError
    ax = kn.plot.network(net)  # auto: the sector circle on the label grid
    _assert_readable(ax, net)
    with pytest.raises(ImportError, match="layout 'spring' needs networkx"):
        kn.plot.network(net, layout="spring")
