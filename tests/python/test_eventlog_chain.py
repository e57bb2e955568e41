"""Chains scored on networks built from event logs: the handover network records where cases
start and end (case_starts, case_ends), and score_chain's arrival share and throughput equal
what the log shows (kn.eventlog.journeys, kn.eventlog.variants) when every visit outside the
last stage is made by a case that started at the first stage and has not yet reached the last
one. Checked on every shipped log, on a hand-made log where it holds by construction, and on
one where a case leaves the last stage (the model's value is reported, and it differs)."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import eventlog as ev


def log_of(routes):
    """An event log with one case per route (a list of organisations, one event each, a day
    apart), case ids c0, c1, ...; the activity is the organisation."""
    rows = []
    for c, route in enumerate(routes):
        for i, org in enumerate(route):
            rows.append((f"c{c}", org, pd.Timestamp("2024-01-01", tz="UTC") + pd.Timedelta(days=i)))
    df = pd.DataFrame(rows, columns=["case:concept:name", "concept:name", "time:timestamp"])
    return ev.from_pandas(df, organisation="concept:name")


def card(net, first, last):
    c = kn.flow.score_chain(net, [("first", list(first)), ("last", list(last))])
    return c[c["stage"].isna()].set_index("indicator")


def observed(log, key, first, last):
    """From the log's visit sequences: (cases starting at the first stage, those of them that
    reach the last stage, the conditions (a) every case starts at the first or last stage and
    (b) no case visits an organisation outside the last stage after reaching it)."""
    v = ev.variants(log, key)
    first, last = set(first), set(last)
    started = reached = 0
    a = b = True
    for seq, n in zip(v["variant"], v["cases"]):
        if not seq:
            continue
        a &= seq[0] in first or seq[0] in last
        hit = next((i for i, o in enumerate(seq) if o in last), None)
        if hit is not None:
            b &= all(o in last for o in seq[hit:])
        if seq[0] in first:
            started += n
            reached += n if hit is not None else 0
    return started, reached, a and b


def test_issue_road_traffic_arrival_is_the_journeys_share():
    log = kn.examples.eventlog("roadtraffic100traces")
    net = ev.handover_network(log, organisation="activity")
    c = card(net, ["Create Fine"], ["Send for Credit Collection"])
    j = ev.journeys(log, "activity")
    # no case leaves "Send for Credit Collection": reaching it is ending there
    reached = int(((j["first"] == "Create Fine") & (j["last"] == "Send for Credit Collection")).sum())
    assert reached == 36 and len(j) == 100
    assert c.loc["arrival share", "value"] == pytest.approx(0.36, abs=1e-12)
    assert c.loc["arrival share", "unit"] == "share"
    assert c.loc["throughput", "value"] == pytest.approx(36.0, abs=1e-9)
    assert c.loc["throughput", "unit"] == "cases"
    note = c.loc["throughput", "note"]
    assert "of the 100 that start at the first stage" in note and "max-flow" in note
    assert c.loc["throughput", "layers"] == "case"
    assert "cases enter where they start" in c.loc["lead time (expected)", "note"]
    assert "other cases end at" in c.loc["arrival share", "note"]


# (log, nodes, first stage, last stage): on each the conditions hold (checked below)
SHIPPED = [
    ("roadtraffic100traces", "activity", ["Create Fine"], ["Send for Credit Collection"]),
    ("running-example", "activity", ["register request"], ["pay compensation"]),
    ("receipt", "activity", ["Confirmation of receipt"], ["T15 Print document X request unlicensed"]),
    # the help desk's only such chain: every other activity is reached from every one but this
    ("helpdesk", "activity", ["Insert ticket"], None),
]


@pytest.mark.parametrize("name,key,first,last", SHIPPED, ids=[s[0] for s in SHIPPED])
def test_arrival_and_throughput_equal_the_log_on_every_shipped_log(name, key, first, last):
    log = kn.examples.eventlog(name)
    net = ev.handover_network(log, organisation=key)
    j = ev.journeys(log, key)
    if last is None:  # every other organisation
        last = sorted(set(net.ids) - set(first))
    started, reached, exact = observed(log, key, first, last)
    assert exact, "the shipped chain must satisfy the conditions of exactness"
    assert 0 < reached <= started
    c = card(net, first, last)
    assert c.loc["arrival share", "value"] == pytest.approx(reached / started, rel=1e-9)
    assert c.loc["throughput", "value"] == pytest.approx(reached, rel=1e-9)
    # the journeys table says the same (no case leaves the last stage: reaching it = ending there)
    jr = int((j["first"].isin(first) & j["last"].isin(last)).sum())
    assert jr == reached and int(j["first"].isin(first).sum()) == started


def test_case_starts_and_ends_are_the_journeys_first_and_last():
    log = kn.examples.eventlog("receipt")
    net = ev.handover_network(log, organisation="org:group")
    j = ev.journeys(log, "org:group")
    orgs = net.organisations.set_index("id")
    assert orgs["case_starts"].to_dict() == {o: float(n) for o, n in
                                             j["first"].value_counts().reindex(orgs.index, fill_value=0).items()}
    assert orgs["case_ends"].to_dict() == {o: float(n) for o, n in
                                           j["last"].value_counts().reindex(orgs.index, fill_value=0).items()}
    # every visit begins with a start or an arriving handover, and ends with a handover or the end
    rel = net.relations
    into = rel.groupby("target")["volume"].sum().reindex(orgs.index, fill_value=0)
    out = rel.groupby("source")["volume"].sum().reindex(orgs.index, fill_value=0)
    assert np.allclose(orgs["case_starts"] + into, orgs["case_ends"] + out)


def test_exact_by_construction():
    # politie -> om -> rechtbank; some cases end at om, one at politie; rechtbank is left by none
    routes = ([["politie", "om", "rechtbank"]] * 6 + [["politie", "om"]] * 3 + [["politie"]]
              + [["politie", "om", "politie", "om", "rechtbank"]] * 2 + [["rechtbank"]] * 4)
    log = log_of(routes)
    net = ev.handover_network(log)
    c = card(net, ["politie"], ["rechtbank"])
    started, reached, exact = observed(log, None, ["politie"], ["rechtbank"])
    assert (started, reached, exact) == (12, 8, True)
    assert c.loc["arrival share", "value"] == pytest.approx(8 / 12, rel=1e-12)
    assert c.loc["throughput", "value"] == pytest.approx(8.0, rel=1e-12)
    # the max-flow over handover counts is kept in the note: om -> rechtbank carries 8
    assert ("max-flow 8 on the 'capacity' of 0 relations, 'volume' of 3 whose capacity is "
            "unknown; minimum cut: om -> rechtbank") in c.loc["throughput", "note"]
    # the typical path stops where cases end: politie 14 visits (13 to om, 1 ends), om 13
    # visits (8 to rechtbank): followed by 13/14 * 8/13 of the cases
    assert c.loc["hand-offs on the typical path", "path"] == "politie > om > rechtbank"
    assert f"share {13 / 14 * 8 / 13:.4g} of the items" in c.loc["hand-offs on the typical path", "note"]


def test_a_case_that_leaves_the_last_stage_gets_the_model_value():
    # c0 reaches rechtbank, goes back to om and ends there; c1 ends at om
    log = log_of([["politie", "om", "rechtbank", "om"], ["politie", "om"]])
    net = ev.handover_network(log)
    c = card(net, ["politie"], ["rechtbank"])
    started, reached, exact = observed(log, None, ["politie"], ["rechtbank"])
    assert (started, reached, exact) == (2, 1, False)
    # om has 3 visits: 1 handed to rechtbank, 2 ending there -> arrival 1/3, not 1/2
    assert c.loc["arrival share", "value"] == pytest.approx(1 / 3, rel=1e-12)
    assert c.loc["throughput", "value"] == pytest.approx(2 / 3, rel=1e-12)
    assert "other cases end at om 0.6667" in c.loc["arrival share", "note"]


def test_cases_starting_elsewhere_are_pooled():
    # a case starting at om (neither the first nor the last stage) ends there: om's exit share
    # pools it with the politie cases
    log = log_of([["politie", "om", "rechtbank"], ["om"]])
    c = card(ev.handover_network(log), ["politie"], ["rechtbank"])
    assert observed(log, None, ["politie"], ["rechtbank"]) == (1, 1, False)
    assert c.loc["arrival share", "value"] == pytest.approx(0.5, rel=1e-12)


def test_without_case_records_score_chain_is_unchanged():
    log = log_of([["politie", "om", "rechtbank", "om"], ["politie", "om"]])
    net = ev.handover_network(log)
    plain = kn.Network()
    plain.add_layer("case")
    for o in net.ids:
        plain.add_organisation(o)
    for r in net.relations.itertuples():
        plain.add_relation(r.source, r.target, "case", volume=r.volume, latency=r.latency)
    c = card(plain, ["politie"], ["rechtbank"])
    # routed by volume with no exits: om passes everything it passes on to rechtbank
    assert c.loc["arrival share", "value"] == pytest.approx(1.0)
    assert c.loc["throughput", "value"] == pytest.approx(1.0)  # max-flow: om -> rechtbank 1
    assert c.loc["throughput", "note"].startswith("'capacity' of 0 relations")
    assert c.loc["throughput", "unit"] == "cases per period"


def test_partial_case_records_are_named():
    log = log_of([["politie", "om", "rechtbank"]])
    net = ev.handover_network(log)
    net.add_organisation("cjib")
    net.add_relation("om", "cjib", "case", volume=1.0, latency=2.0)
    c = card(net, ["politie"], ["rechtbank"])
    for row in ("arrival share", "throughput", "lead time (expected)"):
        assert np.isnan(c.loc[row, "value"])
        assert "organisation 'cjib' has no 'case_starts'" in c.loc[row, "note"]
    with pytest.raises(ValueError, match="organisation 'cjib' has no 'case_starts'"):
        kn.flow.expected_lead_time(net, "politie", "rechtbank")


def test_expected_lead_time_stops_where_cases_end():
    log = log_of([["politie", "om", "rechtbank"], ["politie", "om"], ["politie", "om"]])
    net = ev.handover_network(log)
    r = kn.flow.expected_lead_time(net, "politie", "rechtbank", weight=None)
    assert r.arrival == pytest.approx(1 / 3) and r.ends == {"om": pytest.approx(2 / 3)}
    assert r.value == pytest.approx(2.0)  # two hand-offs for those that arrive
    r = kn.flow.expected_lead_time(net, "politie", "rechtbank", weight=None, ends=None)
    assert r.arrival == pytest.approx(1.0) and r.ends == {}
    with pytest.raises(ValueError, match="ends must be 'case_ends'"):
        kn.flow.expected_lead_time(net, "politie", "rechtbank", ends="events")


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_case_records_survive_files(tmp_path, fmt):
    log = kn.examples.eventlog("roadtraffic100traces")
    net = ev.handover_network(log, organisation="activity")
    path = tmp_path / f"fines.{fmt}"
    if fmt == "json":
        kn.io.write_json(net, path)
        back = kn.io.read_json(path)
    else:
        kn.io.write_graphml(net, path)
        back = kn.io.read_graphml(path)
    orgs = back.organisations.set_index("id")
    assert orgs.loc["Create Fine", "case_starts"] == 100.0
    assert orgs.loc["Send for Credit Collection", "case_ends"] == 36.0
    a = card(net, ["Create Fine"], ["Send for Credit Collection"])
    b = card(back, ["Create Fine"], ["Send for Credit Collection"])
    for row in ("arrival share", "throughput"):
        assert b.loc[row, "value"] == pytest.approx(a.loc[row, "value"], rel=1e-12)
