"""kn.Scenario, kn.compare, the resilience section of the scorecard and the robustness plot."""
from __future__ import annotations

import math

import matplotlib
import pytest

matplotlib.use("Agg")

import ketennet as kn


@pytest.fixture
def net():
    return kn.examples.load("strafrechtketen")


def test_scenario_is_immutable_and_leaves_the_base_alone(net):
    before = net.copy()
    base = kn.Scenario(net)
    s1 = base.remove_organisations("om")
    s2 = s1.remove_layer("it").degrade("politie", "zsm", layer="information", quality=0.5, latency=20)
    assert base.changes == [] and len(s1.changes) == 1 and len(s2.changes) == 3
    after = s2.apply()
    assert net == before
    assert "om" not in after and "om" in net
    assert "it" not in after.layers
    rel = after.relation("politie", "zsm", "information")
    assert (rel["quality"], rel["latency"]) == (0.5, 20.0)
    assert rel["volume"] == net.relation("politie", "zsm", "information")["volume"]
    assert after.number_of_relations() == (
        net.number_of_relations()
        - ((net.relations.layer == "it") | net.relations.source.eq("om") | net.relations.target.eq("om")).sum())
    # the chain loses om from its stage
    assert "om" not in after.chain("strafrechtketen")["vervolging"]
    assert s1.apply() == kn.Scenario(net).remove_organisations("om").apply()
    # a set of changes: the order of the calls does not matter (the example)
    a = (kn.Scenario(net).remove_organisations("om").remove_layer("it")
         .degrade("politie", "om", layer="information", quality=0.5, latency=20).apply())
    b = (kn.Scenario(net).degrade("politie", "om", layer="information", quality=0.5, latency=20)
         .remove_layer("it").remove_organisations("om").apply())
    assert a == b and "om" not in a


def test_scenario_bad_input(net):
    s = kn.Scenario(net)
    with pytest.raises(KeyError, match="unknown organisation 'brandweer'"):
        s.remove_organisations("brandweer")
    with pytest.raises(KeyError, match="unknown layer 'water'"):
        s.remove_layer("water")
    with pytest.raises(KeyError, match="no relation om -> politie in layer 'case'"):
        s.degrade("om", "politie", layer="case", quality=0.5)
    with pytest.raises(ValueError, match="quality=1.5 is outside"):
        s.degrade("politie", "zsm", layer="information", quality=1.5)
    with pytest.raises(ValueError, match="at least one of"):
        s.degrade("politie", "zsm", layer="information")
    with pytest.raises(ValueError, match="removed already"):
        s.remove_organisations("om").remove_organisations("om")
    with pytest.raises(ValueError, match="removed already"):
        s.remove_layer("it").remove_layer("it")
    with pytest.raises(TypeError):
        kn.Scenario("strafrechtketen")


def test_compare_before_and_after(net):
    after = kn.Scenario(net).remove_organisations("zsm").apply()
    table = kn.compare(net, after)
    assert list(table.columns) == ["goal", "indicator", "scope", "subject", "unit", "direction",
                                   "before", "after", "difference", "text_before", "text_after",
                                   "note_before", "note_after"]
    a = kn.report.scorecard(net)
    assert len(table) >= len(a)
    row = table[(table.indicator == "relations") & (table.scope == "network")].iloc[0]
    assert row.before == net.number_of_relations()
    assert row.after == after.number_of_relations()
    assert row.difference == row.after - row.before
    thr = table[(table.indicator == "throughput") & (table.scope == "chain")].iloc[0]
    direct = kn.flow.score_chain(after, "strafrechtketen")
    direct = direct[direct.stage.isna()].set_index("indicator")["value"]
    assert thr.after == pytest.approx(direct["throughput"])
    # rows of a removed organisation have no 'after'
    gone = table[(table.scope == "organisation") & (table.subject == "zsm")]
    assert len(gone) and gone["after"].isna().all()
    assert (gone["note_after"] == "not an organisation of this network").all()
    same = kn.compare(net, net.copy())
    assert (same["difference"].dropna() == 0).all()


def test_scorecard_resilience_section(net):
    card = kn.report.scorecard(net)
    res = card[card.goal == "resilience"]
    inds = set(res.indicator)
    assert {"bridges", "vulnerability (efficiency)", "largest vulnerability (efficiency)",
            "robustness R (random removal)", "robustness R (targeted attack)",
            "largest throughput loss from one failure"} <= inds
    targeted = res[res.indicator == "robustness R (targeted attack)"].iloc[0]
    assert "betweenness, recomputed" in targeted.meaning
    assert res[res.indicator == "bridges"].value.iloc[0] == len(kn.resilience.bridges(net))
    vul = kn.resilience.vulnerability(net).sort_values(ascending=False, kind="stable")
    top = res[res.indicator == "vulnerability (efficiency)"]
    assert list(top.subject) == list(vul.index[:len(top)])
    assert top.value.iloc[0] == pytest.approx(vul.iloc[0])
    r = res[res.indicator == "robustness R (random removal)"].value.iloc[0]
    sim = kn.resilience.simulate(net, "random", runs=50, seed=0, progress=False)
    assert r == pytest.approx(sim.robustness["largest_component"])
    text = kn.report.to_text(net, card)
    assert "robustness R (random removal)" in text


def test_html_report_has_a_robustness_plot(net):
    html = kn.report.to_html(net)
    assert "<svg" in html and "Robustheid" in html
    # the robustness section holds one figure (the report's other figures come before it)
    section = html[html.index("Robustheid"):]
    assert section.count("<svg") == 1


def test_plot_robustness_returns_axes(net):
    sim = kn.resilience.simulate(net, "random", ["largest_component", "efficiency"], runs=5,
                                 progress=False)
    ax = kn.plot.robustness(sim, measure="efficiency")
    assert ax.get_ylabel() == "efficiency"
    assert len(ax.lines) == 1 and len(ax.collections) == 1  # mean line and the 10-90% band
    assert "R = " in ax.get_legend().get_texts()[0].get_text()
    with pytest.raises(KeyError, match="was not simulated"):
        kn.plot.robustness(sim, measure="throughput")
