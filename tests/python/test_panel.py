"""kn.Panel: construction from networks, long tables and an event log; ordered periods;
organisations entering and leaving; errors naming what and where; tie changes against a hand
count and against NetworkX edge sets; turnover; trajectories against kn.centrality; the
panel scorecard aligned with kn.scorecard; the synthetic panel and its signals."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn


def _net(name, orgs, ties, layer="case", directed=True):
    net = kn.Network(name)
    net.add_layer(layer, directed=directed)
    for o in orgs:
        net.add_organisation(o)
    for a, b in ties:
        net.add_relation(a, b, layer)
    return net


#   2023: a -> b -> c -> d          2024: a -> b, c -> b, c -> e  (d left, e entered)
#   kept a->b; formed c->b, c->e; dissolved b->c, c->d
EARLY = _net("early", "abcd", [("a", "b"), ("b", "c"), ("c", "d")])
LATE = _net("late", "bace", [("a", "b"), ("c", "b"), ("c", "e")])


@pytest.fixture(scope="module")
def small():
    return kn.Panel({("noord", 2024): LATE, ("noord", 2023): EARLY, ("zuid", 2024): EARLY})


@pytest.fixture(scope="module")
def synthetic():
    return kn.examples.synthetic_panel(units=8, periods=4, seed=3)


# ---------------------------------------------------------------------- construction
def test_access_order_and_display(small):
    assert small.units == ["noord", "zuid"]
    assert small.periods == [2023, 2024]
    assert len(small) == 3
    assert [k for k, _ in small] == [("noord", 2023), ("noord", 2024), ("zuid", 2024)]
    assert small["noord", 2023] is EARLY and ("zuid", 2023) not in small
    assert list(small.networks) == [k for k, _ in small]
    with pytest.raises(TypeError):
        small.networks["x", 1] = EARLY  # read-only
    assert repr(small) == "Panel(2 units x 2 periods: 3 networks)"
    page = small._repr_html_()
    assert "<th>2023</th>" in page and "<td>4 / 3</td>" in page and "<th>zuid</th>" in page
    assert small.sizes()["relations"].tolist() == [3, 3, 3]
    assert small.periods_of("zuid") == [2024]


def test_periods_of_each_kind_are_ordered():
    q = pd.period_range("2023Q3", periods=3, freq="Q")
    p = kn.Panel({("u", q[2]): EARLY, ("u", q[0]): LATE, ("u", q[1]): EARLY})
    assert p.periods == list(q)
    t = kn.Panel({("u", pd.Timestamp("2024-02-01")): EARLY, ("u", np.datetime64("2024-01-01")): LATE})
    assert t.periods == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01")]
    assert kn.Panel({("u", np.int64(3)): EARLY, ("u", 1.5): LATE}).periods == [1.5, 3]


@pytest.mark.parametrize("networks,error,match", [
    ([EARLY], TypeError, "expected a dict"),
    ({}, ValueError, "no networks"),
    ({"u": EARLY}, TypeError, "key 'u' is not a \\(unit, period\\) pair"),
    ({(3, 2023): EARLY}, TypeError, "key \\(3, 2023\\): a unit must be a non-empty str"),
    ({("u", 2023): "net"}, TypeError, "networks\\[\\('u', 2023\\)\\] is a str"),
    ({("u", 2023): EARLY, ("u", pd.Period("2024", "Y")): LATE}, TypeError,
     "periods mix kinds that cannot be ordered: 2023 \\(number\\); Period\\('2024'"),
    ({("u", pd.Period("2023-01", "M")): EARLY, ("u", pd.Period("2024", "Y")): LATE}, TypeError,
     "mix kinds"),
    ({("u", "2023"): EARLY}, TypeError, "period '2023' \\(str\\) is not a number, a pandas Period"),
    ({("u", None): EARLY}, TypeError, "period None"),
])
def test_construction_errors_name_what_and_where(networks, error, match):
    with pytest.raises(error, match=match):
        kn.Panel(networks)


def test_unknown_keys_name_what_there_is(small):
    with pytest.raises(KeyError, match="unknown unit 'oost' \\(units: 'noord', 'zuid'\\)"):
        small["oost", 2023]
    with pytest.raises(KeyError, match="unit 'zuid' has no network for period 2023 \\(its periods: 2024\\)"):
        small["zuid", 2023]
    with pytest.raises(KeyError, match="index a panel with \\(unit, period\\)"):
        small["noord"]


def test_from_frames_shared_and_per_unit_organisations():
    rels = pd.DataFrame({"unit": ["n", "n", "z"], "period": [1, 2, 2],
                         "source": ["a", "a", "a"], "target": ["b", "c", "b"],
                         "volume": [1.0, 2.0, 3.0]})
    shared = pd.DataFrame({"id": list("abcx"), "sector": ["s1", "s2", "s2", "s3"]})
    p = kn.Panel.from_frames(rels, shared)
    assert [k for k, _ in p] == [("n", 1), ("n", 2), ("z", 2)]
    assert all(net.ids == list("abcx") for _, net in p)  # shared: every organisation everywhere
    assert p["n", 2].relations["volume"].tolist() == [2.0]
    assert p["n", 2].name == "n 2" and p["n", 2].metadata == {"unit": "n", "period": "2"}
    own = pd.DataFrame({"unit": ["n", "n", "n", "z", "z"], "id": ["a", "b", "c", "a", "b"]})
    q = kn.Panel.from_frames(rels, own)
    assert q["z", 2].ids == ["a", "b"] and q["n", 1].ids == ["a", "b", "c"]
    # the organisations named in the relations alone: they enter and leave
    r = kn.Panel.from_frames(rels)
    assert r["n", 1].ids == ["a", "b"] and r["n", 2].ids == ["a", "c"]


def test_from_frames_errors_name_unit_and_period():
    rels = pd.DataFrame({"region": ["n", "n"], "year": [1, 2], "source": ["a", "a"],
                         "target": ["b", "zz"]})
    with pytest.raises(KeyError, match="relations lack the column 'unit'"):
        kn.Panel.from_frames(rels)
    orgs = pd.DataFrame({"id": ["a", "b"]})
    with pytest.raises(KeyError, match="unit 'n', period 2: .*zz"):
        kn.Panel.from_frames(rels, orgs, unit="region", period="year")
    with pytest.raises(ValueError, match="relations row 1 has no year"):
        kn.Panel.from_frames(rels.assign(year=[1, None]), unit="region", period="year")
    with pytest.raises(TypeError, match="organisations must be a DataFrame"):
        kn.Panel.from_frames(rels, {"id": ["a"]}, unit="region", period="year")


# ---------------------------------------------------------------------- tie changes
def test_tie_changes_by_hand(small):
    t = small.tie_changes()
    assert t.to_dict("records") == [dict(unit="noord", period=2024, layer="case", kept=1,
                                         formed=2, dissolved=2, jaccard=0.2, hamming=4)]
    o = small.turnover().set_index("organisation")
    assert o.index.tolist() == ["a", "b", "c", "d", "e"]  # earlier order, then entered
    assert o.loc["a", ["kept", "formed", "dissolved"]].tolist() == [1, 0, 0]
    assert o.loc["b", ["kept", "formed", "dissolved"]].tolist() == [1, 1, 1]
    assert o.loc["c", ["kept", "formed", "dissolved"]].tolist() == [0, 2, 2]
    assert o.loc["d", ["kept", "formed", "dissolved"]].tolist() == [0, 0, 1]  # left
    assert o.loc["e", ["kept", "formed", "dissolved"]].tolist() == [0, 1, 0]  # entered
    assert o["turnover"].tolist() == [0.0, pytest.approx(2 / 3), 1.0, 1.0, 1.0]


def test_tie_changes_layers_and_errors():
    undirected_a = _net("a", "xyz", [("x", "y"), ("y", "z")], layer="c", directed=False)
    undirected_b = _net("b", "xyz", [("y", "x")], layer="c", directed=False)
    p = kn.Panel({("u", 1): undirected_a, ("u", 2): undirected_b})
    # an undirected tie is one tie, whichever way round its ends are written
    assert p.tie_changes(layers="c")[["kept", "formed", "dissolved"]].values.tolist() == [[1, 0, 1]]
    with pytest.raises(KeyError, match="Panel.tie_changes: no network of the panel has layer 'x'"):
        p.tie_changes(layers="x")
    flipped = _net("f", "xyz", [("x", "y")], layer="c", directed=True)
    q = kn.Panel({("u", 1): undirected_a, ("u", 2): flipped})
    with pytest.raises(ValueError, match="unit 'u', period 2: tie_changes: layer 'c' is undirected "
                                         "in the earlier network and directed in the later one"):
        q.tie_changes()
    # a panel without consecutive periods has no rows
    single = kn.Panel({("u", 1): undirected_a})
    assert single.tie_changes().empty and list(single.tie_changes().columns) == [
        "unit", "period", "layer", "kept", "formed", "dissolved", "jaccard", "hamming"]


def _edges(net, layer, directed):
    rel = net.relations
    rel = rel[rel["layer"] == layer]
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_edges_from(zip(rel["source"], rel["target"]))
    return {e if directed else frozenset(e) for e in g.edges()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tie_changes_against_networkx_edge_sets(seed):
    rng = np.random.default_rng(seed)
    nets = []
    for k in range(3):
        ids = [f"o{i}" for i in range(30) if rng.random() < 0.8]  # organisations enter and leave
        net = kn.Network(f"p{k}")
        net.add_layer("d", directed=True)
        net.add_layer("u", directed=False)
        for o in ids:
            net.add_organisation(o)
        for a in ids:
            for b in ids:
                if rng.random() < 0.08:
                    net.add_relation(a, b, "d")
                if a < b and rng.random() < 0.08:
                    net.add_relation(*(rng.permutation([a, b])), "u")
        nets.append(net)
    p = kn.Panel({("r", 2020 + k): net for k, net in enumerate(nets)})
    got = p.tie_changes().set_index(["period", "layer"])
    for k in (1, 2):
        for layer, directed in (("d", True), ("u", False)):
            before, after = _edges(nets[k - 1], layer, directed), _edges(nets[k], layer, directed)
            row = got.loc[(2020 + k, layer)]
            assert row["kept"] == len(before & after)
            assert row["formed"] == len(after - before)
            assert row["dissolved"] == len(before - after)
            assert row["jaccard"] == len(before & after) / len(before | after)
    # per organisation: its ties in either period, from the same edge sets
    turn = p.turnover(layers="d").set_index(["period", "organisation"])
    before, after = _edges(nets[0], "d", True), _edges(nets[1], "d", True)
    for org in set(nets[0].ids) | set(nets[1].ids):
        mine = lambda es: {e for e in es if org in e}  # noqa: E731
        row = turn.loc[(2021, org)]
        assert (row["kept"], row["formed"], row["dissolved"]) == (
            len(mine(before) & mine(after)), len(mine(after) - mine(before)),
            len(mine(before) - mine(after)))


# ---------------------------------------------------------------------- trajectories
def test_trajectories_match_the_metric_on_each_network(small):
    t = small.trajectories("centrality.betweenness", normalized=False)
    assert list(t.columns) == ["unit", "period", "organisation", "metric", "value"]
    one = t[(t["unit"] == "noord") & (t["period"] == 2024)]
    expected = kn.centrality.betweenness(LATE, normalized=False)
    assert one["organisation"].tolist() == expected.index.tolist()
    assert one["value"].tolist() == expected.tolist()
    assert (t["metric"] == "betweenness").all()
    same = small.trajectories("betweenness", normalized=False)
    pd.testing.assert_frame_equal(same, t)
    by_callable = small.trajectories(lambda net: kn.centrality.degree(net))
    assert by_callable["value"].tolist() == pd.concat(
        [kn.centrality.degree(net) for _, net in small]).tolist()
    assert len(t) == 4 + 4 + 4  # an organisation absent from a period has no row there


def test_trajectories_errors(small):
    with pytest.raises(KeyError, match="no metric 'nope'"):
        small.trajectories("nope")
    with pytest.raises(KeyError, match="unknown metric 'centrality.nope'"):
        small.trajectories("centrality.nope")
    with pytest.raises(TypeError, match="metric must be a name"):
        small.trajectories(3)
    with pytest.raises(TypeError, match="gave a float for unit 'noord', period 2023"):
        small.trajectories(lambda net: 1.0)


# ---------------------------------------------------------------------- scorecard, signals
def test_scorecard_rows_align_with_kn_scorecard(small):
    card = small.scorecard(threads=1, progress=False)
    assert list(card.columns[:2]) == ["unit", "period"]
    batch = kn.scorecard({"a": EARLY, "b": LATE, "c": EARLY}, progress=False)
    # the scorecard's unit of a value is value_unit, beside the panel's unit
    assert list(card.columns[2:]) == [{"unit": "value_unit"}.get(c, c) for c in batch.columns[1:]]
    keys = ["goal", "indicator", "scope", "subject"]
    per = card.groupby(["unit", "period"], sort=False)
    first = None
    for (unit, period), rows in per:
        k = list(map(tuple, rows[keys].itertuples(index=False)))
        first = first or k
        assert k == first
    rows = card[(card["unit"] == "noord") & (card["period"] == 2024)].drop(columns=["unit", "period"])
    ref = batch[batch["network"] == "b"].drop(columns=["network"]).rename(
        columns={"unit": "value_unit"})
    pd.testing.assert_frame_equal(rows.reset_index(drop=True), ref.reset_index(drop=True))
    pd.testing.assert_frame_equal(small.scorecard(threads=2, progress=False), card)
    # progress over the networks; a callable returning False cancels
    seen = []
    small.scorecard(progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(RuntimeError, match="cancelled"):
        small.scorecard(threads=1, progress=lambda f: False)


def test_synthetic_panel_is_labelled_and_deterministic(synthetic):
    again = kn.examples.synthetic_panel(units=8, periods=4, seed=3)
    assert all(net == again[key] for key, net in synthetic)
    other = kn.examples.synthetic_panel(units=8, periods=4, seed=4)
    assert synthetic["regio 02", 2020] != other["regio 02", 2020]
    net = synthetic["regio 05", 2021]
    assert net.name == "synthetic regio 05 2021"
    assert net.metadata["synthetic"] is True and "not real data" in net.metadata["description"]
    assert set(net.relations["basis"]) == {"synthetic"}
    assert [synthetic["regio 01", y].metadata["changed"] for y in synthetic.periods] == [
        False, False, True, True]
    with pytest.raises(KeyError, match="changed_unit 'regio 99'"):
        kn.examples.synthetic_panel(units=3, changed_unit="regio 99")
    with pytest.raises(ValueError, match="at least 1"):
        kn.examples.synthetic_panel(units=0)


def test_signals_find_the_changed_region_in_the_change_period(synthetic):
    sig = synthetic.signals(progress=False)
    assert list(sig.columns[:2]) == ["unit", "period"] and "signal" in sig.columns
    by = sig.groupby(["signal", "period"])["unit"].value_counts()
    # the sharp changes of the change year (2022) are the changed region's, twice any other's
    change = by.loc["change", 2022]
    assert change.index[0] == "regio 01" and change.iloc[0] >= 2 * change.iloc[1]
    # from then on it stands out among the regions every year, before that it does not
    for year in (2022, 2023):
        out = by.loc["outlier", year]
        assert out.index[0] == "regio 01" and out.iloc[0] >= 2 * out.iloc[1]
    assert by.loc["outlier", 2020].index[0] != "regio 01"
    # the tie layers: regio 01 loses a third of its collaboration ties in 2022, the others
    # keep more than three quarters of theirs every year
    ties = synthetic.tie_changes(layers="collaboration").set_index(["unit", "period"])
    assert ties.loc[("regio 01", 2022), "jaccard"] < 0.7 < 0.75 < ties.drop(("regio 01", 2022))["jaccard"].min()


# ---------------------------------------------------------------------- event log
def test_handover_network_per_period_keeps_every_handover():
    log = kn.examples.eventlog("running-example")
    whole = kn.eventlog.handover_network(log)
    panel = kn.eventlog.handover_network(log, period="M")
    assert isinstance(panel, kn.Panel) and panel.units == ["handover of work"]
    assert panel.periods == list(pd.period_range("2010-12", "2011-01", freq="M"))
    # each direct succession lands in exactly one period: the counts add up to the whole log's
    total = pd.concat([net.relations for _, net in panel])
    total["handovers"] = total["handovers"].astype(float)
    summed = total.groupby(["source", "target"])["handovers"].sum()
    ref = whole.relations.set_index(["source", "target"])["handovers"]
    pd.testing.assert_series_equal(summed.sort_index(), ref.sort_index(), check_names=False)
    # and the period is that of the receiving event (counted here from the events)
    ev = log.to_pandas().sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    ev["prev"] = ev.groupby("case:concept:name", observed=True)["org:resource"].shift()
    ev = ev[ev["prev"].notna() & (ev["prev"].astype(str) != ev["org:resource"].astype(str))]
    month = ev["time:timestamp"].dt.tz_localize(None).dt.to_period("M")
    for p, net in ((p, panel["handover of work", p]) for p in panel.periods):
        mine = ev[month == p]
        hand = mine.groupby([mine["prev"].astype(str), mine["org:resource"].astype(str)]).size()
        got = net.relations.set_index(["source", "target"])["handovers"]
        assert dict(got.astype(int)) == dict(hand)
        assert net.metadata["period"] == str(p)
        assert sum(net.organisation(o)["attributes"]["events"] for o in net.ids) == \
            int((log.to_pandas()["time:timestamp"].dt.tz_localize(None).dt.to_period("M") == p).sum())
    with pytest.raises(ValueError, match="handover_network: period 'nope' is not a pandas frequency"):
        kn.eventlog.handover_network(log, period="nope")
    with pytest.raises(TypeError, match="period must be a pandas frequency"):
        kn.eventlog.handover_network(log, period=12)
