"""ketennet.flow: results, defaults, bad input, and the examples."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ketennet as kn


@pytest.fixture
def chain_net() -> kn.Network:
    """s -> m -> e with everything known, x outside the chain (see the Catch2 chain test)."""
    net = kn.Network("keten")
    net.add_layer("case")
    for o in "smex":
        net.add_organisation(o)
    for s, t, v, lat, q, c in [("s", "m", 100, 10, 0.9, 80), ("m", "e", 60, 20, 0.8, 50),
                               ("m", "s", 20, 2, 1.0, 20), ("e", "m", 5, 3, 1.0, 5),
                               ("m", "x", 10, 5, 1.0, 10)]:
        net.add_relation(s, t, "case", volume=v, latency=lat, quality=q, capacity=c)
    net.add_chain("keten", {"S1": ["s"], "S2": ["m"], "S3": ["e"]})
    return net


@pytest.fixture(scope="module")
def straf() -> kn.Network:
    return kn.examples.load("strafrechtketen")


# ----------------------------------------------------------------------------- results

def test_results_read_the_same_way(chain_net):
    lt = kn.flow.lead_time(chain_net, "s", "e")
    assert (lt.value, lt.path, lt.unit, lt.layers) == (30.0, ["s", "m", "e"], "days", ["case"])
    assert repr(lt) == "<LeadTime s -> e: 30 days via s > m > e>"
    r = kn.flow.expected_lead_time(chain_net, "s", "e")
    assert r.value == pytest.approx(234 / 7)
    assert r.arrival == pytest.approx(6 / 7)
    assert r.ends == pytest.approx({"x": 1 / 7})
    assert r.lost == pytest.approx(1 / 7)
    assert "for the 0.857 that arrive" in repr(r) and "stop at x 0.143" in repr(r)
    f = kn.flow.fidelity(chain_net, "s", "e")
    assert (f.value, f.path) == (pytest.approx(0.72), ["s", "m", "e"])
    assert f.expected == pytest.approx(0.7)
    assert "expected 0.7" in repr(f)
    t = kn.flow.throughput(chain_net, "s", "e")
    assert t.value == 50.0
    assert t.bottlenecks == ["m"]
    assert t.cut.to_dict("records") == [{"source": "m", "target": "e", "capacity": 50.0,
                                         "layers": ["case"]}]
    assert repr(t) == "<Throughput s -> e: 50; cut [m -> e]; bottlenecks [m]>"
    fb = kn.flow.feedback(chain_net, "keten")
    assert fb.coverage == pytest.approx(2 / 3) and fb.exit_reaches_entry
    assert fb.exit_to_entry_path == ["e", "m", "s"]
    assert fb.components == [["s", "m", "e"]]
    assert list(fb.pairs.columns) == ["upstream", "downstream", "ties", "coverage", "reach"]
    assert fb.pairs[["upstream", "downstream", "ties"]].values.tolist() == [
        ["S1", "S2", 1], ["S1", "S3", 0], ["S2", "S3", 1]]


def test_score_chain_table(chain_net):
    card = kn.flow.score_chain(chain_net, "keten")
    assert list(card.columns) == ["chain", "indicator", "stage", "value", "unit", "direction",
                                  "layers", "path", "note"]
    top = card[card["stage"].isna()].set_index("indicator")
    assert top.loc["lead time (fastest)", "value"] == 30.0
    assert top.loc["lead time (expected)", "value"] == pytest.approx(234 / 7)
    assert top.loc["arrival share", "value"] == pytest.approx(6 / 7)
    assert top.loc["throughput", "value"] == 50.0
    assert top.loc["bottleneck organisations", "path"] == "m"
    assert top.loc["fidelity (most reliable path)", "value"] == pytest.approx(0.72)
    assert top.loc["fidelity (expected)", "value"] == pytest.approx(0.7)
    assert top.loc["hand-offs on the typical path", "value"] == 2.0
    assert top.loc["hand-offs on the typical path", "path"] == "s > m > e"
    assert top.loc["feedback coverage", "value"] == pytest.approx(2 / 3)
    assert top.loc["exit reaches entry", "value"] is True
    stage = card[card["stage"] == "S2"].set_index("indicator")["value"]
    assert stage["stage inflow"] == 105 and stage["flows on"] == 60 and stage["sent back"] == 20
    assert stage["leaves the chain"] == 10 and stage["ends in stage"] == 15
    assert stage["attrition"] == pytest.approx(3 / 7)
    last = card[card["stage"] == "S3"].set_index("indicator")
    assert math.isnan(last.loc["attrition", "value"])
    assert last.loc["attrition", "note"] == "last stage: the chain ends here"
    # stages given directly instead of a chain name
    direct = kn.flow.score_chain(chain_net, {"S1": ["s"], "S2": ["m"], "S3": ["e"]})
    pd.testing.assert_series_equal(direct["value"].astype(float), card["value"].astype(float))


def test_score_chain_reports_gaps_instead_of_filling_them(straf):
    net = straf.copy()
    net.update_relation("om", "rechtbank", "case", latency=None)
    card = kn.flow.score_chain(net, "strafrechtketen").set_index("indicator")
    row = card.loc["lead time (expected)"]
    assert math.isnan(row["value"])
    assert "no case layer in which every relation carries 'volume' and 'latency'" in row["note"]
    assert "layer 'case': 1 of 34" in row["note"]
    card = kn.flow.score_chain(straf, "strafrechtketen").set_index("indicator")
    assert card.loc["lead time (fastest)", "value"] == 145.0
    assert card.loc["lead time (fastest)", "layers"] == "case"
    assert "'volume' of 30 whose capacity is unknown" in card.loc["throughput", "note"]
    assert card.loc["bottleneck organisations", "path"] == "politie"
    assert card.loc["exit reaches entry", "value"] is False
    strict = kn.flow.score_chain(straf, "strafrechtketen", fallback=None).set_index("indicator")
    assert math.isnan(strict.loc["throughput", "value"])
    assert "carries 'capacity'" in strict.loc["throughput", "note"]


# ----------------------------------------------------------------------------- defaults

def test_default_layers_are_the_case_layers_carrying_the_field(straf):
    assert kn.flow.layers_carrying(straf, "latency") == ["case", "information"]
    assert kn.flow.layers_carrying(straf, "volume") == ["case"]
    assert kn.flow.lead_time(straf, "politie", "om").layers == ["case"]
    assert kn.flow.expected_lead_time(straf, "politie", "rechtbank").layers == ["case"]
    with pytest.raises(ValueError, match="throughput: no case layer in which every relation carries 'capacity'"):
        kn.flow.throughput(straf, "politie", "rechtbank")
    assert kn.flow.throughput(straf, "politie", "rechtbank", fallback="volume").layers == ["case"]
    # unweighted efficiency uses every layer; weighted the layers of any kind carrying the weight
    all_layers = kn.flow.global_efficiency(straf)
    assert all_layers == pytest.approx(kn.flow.global_efficiency(straf, layers=list(straf.layers)))
    assert kn.flow.global_efficiency(straf, weight="latency") == pytest.approx(
        kn.flow.global_efficiency(straf, weight="latency", layers=["case", "information"]))


def test_default_layers_follow_changes_to_the_network(chain_net):
    # the default selection is kept with the network until it changes
    net = chain_net
    assert kn.flow.lead_time(net, "s", "e").layers == ["case"]
    assert kn.flow.throughput(net, "s", "e").value == 50.0
    net.add_layer("cases_express", kind="case")
    net.add_relation("s", "e", "cases_express", latency=1.0, capacity=7.0)
    r = kn.flow.lead_time(net, "s", "e")
    assert r.layers == ["case", "cases_express"] and r.value == 1.0
    assert kn.flow.throughput(net, "s", "e").value == 57.0
    net.add_relation("e", "s", "cases_express", latency=2.0)  # now lacks a capacity
    assert kn.flow.lead_time(net, "s", "e").layers == ["case", "cases_express"]
    assert kn.flow.throughput(net, "s", "e").layers == ["case"]
    assert kn.flow.throughput(net, "s", "e").value == 50.0
    net.add_relation("m", "e", "cases_express", capacity=3.0)  # and now a latency
    assert kn.flow.lead_time(net, "s", "e").layers == ["case"]
    # a layer of another kind never joins the default, whatever it carries
    net.add_layer("it")
    net.add_relation("s", "e", "it", latency=0.5, capacity=100.0)
    assert kn.flow.lead_time(net, "s", "e").layers == ["case"]
    net.set_layer_kind("it", "case")
    assert kn.flow.lead_time(net, "s", "e").layers == ["case", "it"]
    # a failing selection raises on every call, before and after it is fixed
    bare = kn.Network()
    bare.add_layer("x", kind="case")
    bare.add_organisation("a")
    bare.add_organisation("b")
    bare.add_relation("a", "b", "x")
    for _ in range(2):
        with pytest.raises(ValueError, match="throughput: no case layer in which every relation"):
            kn.flow.throughput(bare, "a", "b")
    bare.add_layer("y", kind="case")
    bare.add_relation("a", "b", "y", capacity=4.0)
    assert kn.flow.throughput(bare, "a", "b").value == 4.0


def test_expected_lead_time_with_layers_given(straf):
    # the information layer carries latency everywhere but volume on few relations: named
    with pytest.raises(ValueError, match=r"selected relations lack 'volume' or 'latency'"):
        kn.flow.expected_lead_time(straf, "politie", "rechtbank", layers="information")
    # counting hand-offs needs only volumes
    r = kn.flow.expected_lead_time(straf, "aangever", ["gemeente", "zvh"], weight=None)
    assert r.layers == ["case"] and r.unit == "hand-offs"
    assert 0 < r.arrival < 1 and r.value > 4
    assert r.arrival + sum(r.ends.values()) + r.trapped == pytest.approx(1.0)


def test_first_passage_frame(straf):
    fp = kn.flow.first_passage(straf)
    n = len(straf)
    assert list(fp.columns) == ["source", "target", "time", "arrival"]
    assert len(fp) == n * (n - 1)
    assert ((fp["arrival"] >= 0) & (fp["arrival"] <= 1 + 1e-12)).all()
    never = fp["arrival"] == 0
    assert np.isinf(fp.loc[never, "time"]).all() and np.isfinite(fp.loc[~never, "time"]).all()
    m = fp.pivot(index="source", columns="target", values="time")
    assert m.loc["aangever", "politie"] == 1.0
    with pytest.raises(ValueError, match="time= needs a routing weight"):
        kn.flow.first_passage(straf, weight=None, time="latency")
    # a uniform walk on the undirected collaboration layer reaches everyone in its component
    # surely; organisations without collaboration ties are dead ends
    import networkx as nx
    uniform = kn.flow.first_passage(straf, weight=None, layers="collaboration")
    G = nx.Graph(kn.to_networkx(straf, layers="collaboration"))
    comp = {v: i for i, c in enumerate(nx.connected_components(G)) for v in c}
    same = np.array([comp[a] == comp[b] and G.degree(a) > 0
                     for a, b in zip(uniform["source"], uniform["target"])])
    assert same.any() and (~same).any()
    assert np.allclose(uniform.loc[same, "arrival"], 1.0, atol=1e-12)
    assert (uniform.loc[~same, "arrival"] == 0).all()


def test_progress_and_cancel():
    net = kn.from_pandas(pd.DataFrame({"id": [f"o{i}" for i in range(200)]}),
                         pd.DataFrame({"source": [f"o{i}" for i in range(199)],
                                       "target": [f"o{i + 1}" for i in range(199)],
                                       "layer": "l"}), directed=True)
    seen = []
    kn.flow.global_efficiency(net, progress=lambda f: seen.append(f))
    assert seen and seen[-1] == 1.0
    with pytest.raises(RuntimeError, match="cancelled"):
        kn.flow.global_efficiency(net, threads=1, progress=lambda f: False)


# ----------------------------------------------------------------------------- bad input

def test_unknown_organisations_are_key_errors(chain_net):
    with pytest.raises(KeyError, match="lead_time: unknown source organisation 'nope'"):
        kn.flow.lead_time(chain_net, "nope", "e")
    with pytest.raises(KeyError, match="unknown target organisation 'nope'"):
        kn.flow.expected_lead_time(chain_net, "s", ["e", "nope"])
    with pytest.raises(KeyError, match="throughput: unknown target organisation 'nope'"):
        kn.flow.throughput(chain_net, "s", "nope")
    with pytest.raises(KeyError, match="fidelity: unknown source"):
        kn.flow.fidelity(chain_net, "nope", "e")
    with pytest.raises(KeyError, match="unknown layer 'nope'"):
        kn.flow.lead_time(chain_net, "s", "e", layers="nope")
    with pytest.raises(TypeError, match="organisation id"):
        kn.flow.lead_time(chain_net, 3, "e")


def test_source_equal_to_target_is_a_value_error(chain_net):
    with pytest.raises(ValueError, match="'s' is both a source and a target"):
        kn.flow.lead_time(chain_net, "s", "s")
    with pytest.raises(ValueError, match="'m' is both a source and a target"):
        kn.flow.expected_lead_time(chain_net, "m", ["e", "m"])
    with pytest.raises(ValueError, match="'e' is both a source and a target"):
        kn.flow.throughput(chain_net, ["s", "e"], "e")
    with pytest.raises(ValueError, match="both a source and a target"):
        kn.flow.fidelity(chain_net, "e", "e")


def test_no_path_is_a_documented_value(chain_net):
    lt = kn.flow.lead_time(chain_net, "x", "s")
    assert lt.value == math.inf and lt.path == []
    assert repr(lt) == "<LeadTime x -> s: no path (inf)>"
    f = kn.flow.fidelity(chain_net, "x", "s")
    assert f.value == 0.0 and f.path == [] and math.isnan(f.expected)
    r = kn.flow.expected_lead_time(chain_net, "x", "s")
    assert r.value == math.inf and r.arrival == 0.0 and r.ends == {"x": 1.0}
    t = kn.flow.throughput(chain_net, "x", "s")
    assert t.value == 0.0 and t.cut.empty and t.bottlenecks == []


def test_missing_weight_names_the_relations(chain_net):
    chain_net.update_relation("m", "e", "case", latency=None)
    with pytest.raises(ValueError, match=r"m -> e \(layer 'case'\)"):
        kn.flow.lead_time(chain_net, "s", "e", layers="case")
    with pytest.raises(ValueError, match="no case layer in which every relation carries 'latency'"):
        kn.flow.lead_time(chain_net, "s", "e")
    with pytest.raises(ValueError, match="m -> e"):
        kn.flow.global_efficiency(chain_net, weight="latency", layers="case")


def test_negative_latency(chain_net):
    with pytest.raises(ValueError, match="'latency' = -1 is negative"):
        chain_net.add_relation("e", "s", "case", latency=-1)
    # an attribute used as a duration may be negative: refused where it is read
    net = kn.Network()
    net.add_layer("l", kind="case")
    for o in "ab":
        net.add_organisation(o)
    net.add_relation("a", "b", "l", days=-2.0)
    with pytest.raises(ValueError, match=r"a -> b is negative"):
        kn.flow.lead_time(net, "a", "b", weight="days")
    with pytest.raises(ValueError, match="negative"):
        kn.flow.global_efficiency(net, weight="days")


def test_zero_latency_efficiency_is_refused_but_lead_time_accepts_it():
    net = kn.Network()
    net.add_layer("l", kind="case")
    for o in "abc":
        net.add_organisation(o)
    net.add_relation("a", "b", "l", latency=0)
    net.add_relation("b", "c", "l", latency=4)
    assert kn.flow.lead_time(net, "a", "c").value == 4.0
    with pytest.raises(ValueError, match="a -> b is 0"):
        kn.flow.global_efficiency(net, weight="latency")


def test_chains_naming_unknown_organisations(chain_net):
    with pytest.raises(KeyError, match="chain 'chain', stage 1 'S2': unknown organisation 'nope'"):
        kn.flow.feedback(chain_net, {"S1": ["s"], "S2": ["nope"]})
    with pytest.raises(KeyError, match="unknown organisation 'nope'"):
        kn.flow.score_chain(chain_net, [("S1", ["s"]), ("S2", ["nope"])])
    with pytest.raises(KeyError, match="unknown chain 'other'"):
        kn.flow.score_chain(chain_net, "other")
    with pytest.raises(ValueError, match="at least two"):
        kn.flow.feedback(chain_net, {"S1": ["s"]})
    with pytest.raises(ValueError, match="in both the first and the last stage"):
        kn.flow.score_chain(chain_net, {"S1": ["s", "e"], "S2": ["e"]})


def test_quality_must_stay_in_unit_interval_when_layers_merge():
    net = kn.Network()
    net.add_layer("x", kind="case")
    net.add_layer("y", kind="case")
    for o in "ab":
        net.add_organisation(o)
    net.add_relation("a", "b", "x", quality=0.7, volume=1)
    net.add_relation("a", "b", "y", quality=0.6, volume=3)
    f = kn.flow.fidelity(net, "a", "b")    # the best relation counts
    assert f.value == 0.7 and f.layers == ["x", "y"]
    assert f.expected == pytest.approx((0.7 * 1 + 0.6 * 3) / 4)  # volume-weighted


# ----------------------------------------------------------------------------- report

def test_scorecard_has_chain_rows_under_the_goals(straf):
    card = kn.report.scorecard(straf)
    chain = card[card["scope"] == "chain"]
    assert set(chain["subject"]) == {"strafrechtketen"}
    goals = dict(zip(chain["indicator"], chain["goal"]))
    for indicator in ["lead time (fastest)", "arrival share", "throughput",
                      "bottleneck organisations", "fidelity (most reliable path)",
                      "fidelity (expected)"]:
        assert goals[indicator] == "effectiveness"
    for indicator in ["feedback coverage", "feedback reach", "exit reaches entry"]:
        assert goals[indicator] == "learning"
    for indicator in ["lead time (expected)", "hand-offs on the typical path",
                      "organisations a case passes", "returns to an earlier stage"]:
        assert goals[indicator] == "citizen"
    rows = chain.set_index("indicator")
    assert rows.loc["lead time (fastest)", "value"] == 145.0
    assert rows.loc["lead time (fastest)", "layers"] == "case"
    assert rows.loc["bottleneck organisations", "value"] == 1.0
    assert rows.loc["bottleneck organisations", "note"].endswith("politie")
    assert rows.loc["lead time (expected)", "value"] == pytest.approx(253.2, abs=0.05)
    assert rows.loc["exit reaches entry", "value"] == 0.0
    assert rows.loc["exit reaches entry", "text"] == "no"


def test_report_text_and_html_show_the_flow(straf):
    text = kn.report.to_text(straf)
    assert "lead time (fastest) [chain strafrechtketen]" in text
    assert "lead time (expected) [chain strafrechtketen]" in text
    assert "Doorstroom per schakel (flow per stage): strafrechtketen" in text
    assert "opsporing" in text and "784,500" in text
    html = kn.report.to_html(straf)
    assert "Doorstroom per schakel (flow per stage): strafrechtketen" in html
    assert "<td>exit reaches entry</td>" in html
    assert "n/a" in html


def test_report_survives_a_chain_that_cannot_be_scored():
    net = kn.Network("één schakel")
    net.add_layer("case")
    for o in "ab":
        net.add_organisation(o)
    net.add_relation("a", "b", "case", volume=3)
    net.add_chain("kort", {"alleen": ["a", "b"]})
    card = kn.report.scorecard(net)
    rows = card[card["scope"] == "chain"]
    assert len(rows) == 14 and rows["value"].isna().all()
    assert rows["note"].str.contains("at least two|1 stage").all(), rows["note"]
    assert "Doorstroom per schakel" not in kn.report.to_text(net)


def test_first_passage_threads_bit_identical():
    rng = np.random.default_rng(12)
    n = 320  # more unknowns than the dense limit (300): the sparse LU runs too
    src = rng.integers(0, n, 4 * n)
    dst = rng.integers(0, n, 4 * n)
    keep = src != dst
    rel = pd.DataFrame({"source": [f"o{i}" for i in src[keep]], "target": [f"o{i}" for i in dst[keep]]})
    rel = rel.drop_duplicates(["source", "target"]).reset_index(drop=True)
    rel["volume"] = rng.uniform(1, 10, len(rel))
    rel["layer"] = "cases"
    net = kn.from_pandas(pd.DataFrame({"id": [f"o{i}" for i in range(n)]}), rel, directed=True)
    one = kn.flow.first_passage(net, threads=1)
    two = kn.flow.first_passage(net, threads=2)
    assert one["time"].to_numpy().tobytes() == two["time"].to_numpy().tobytes()
    assert one["arrival"].to_numpy().tobytes() == two["arrival"].to_numpy().tobytes()
    assert np.isfinite(one["time"]).mean() > 0.5
