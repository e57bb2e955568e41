"""kn.eventlog: reading (XES, pandas, pyarrow, CSV), organisation mapping, networks, journeys,
variants, norms, and bad input. Cross-checks against pm4py are in test_eventlog_pm4py.py."""
from __future__ import annotations

import gzip

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import eventlog as ev
from ketennet.examples import eventlog_path

FINES_MAP = {"Create Fine": "police", "Send Fine": "police", "Insert Fine Notification": "police",
             "Add penalty": "police",
             "Insert Date Appeal to Prefecture": "prefecture", "Send Appeal to Prefecture": "prefecture",
             "Receive Result Appeal from Prefecture": "prefecture", "Notify Result Appeal to Offender": "prefecture",
             "Appeal to Judge": "judge", "Send for Credit Collection": "collection agency"}


def small_frame() -> pd.DataFrame:
    # case a: police -> om -> police -> court (events out of order in the input)
    # case b: police -> (unmapped) -> court
    return pd.DataFrame({
        "case:concept:name": ["a", "b", "a", "a", "b", "a", "b"],
        "concept:name": ["report", "report", "charge", "sentence", "x", "check", "sentence"],
        "time:timestamp": pd.to_datetime([
            "2024-01-01T10:00:00+01:00", "2024-01-01T00:00:00Z", "2024-01-03T00:00:00Z",
            "2024-01-10T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-05T00:00:00Z",
            "2024-01-04T00:00:00Z"], utc=True),
        "org:resource": ["r1", "r1", "r2", "r3", None, "r1", "r3"],
    })


MAP = {"report": "police", "charge": "om", "check": "police", "sentence": "court"}


def test_from_pandas_columns_sorting_and_mapping():
    df = small_frame()
    df = pd.concat([df.iloc[[3]], df.drop(index=3)])  # case a's last event first: out of order
    with pytest.warns(ev.OrderWarning, match="1 of 2 cases were not in time order"):
        log = ev.from_pandas(df, organisation=MAP)
    assert (log.n_cases, log.n_events) == (2, 7)
    assert log.reordered_cases == 1
    assert log.unmapped_events == 1
    assert log.organisation_source == "mapping of activities"
    out = log.to_pandas()
    assert list(out["case:concept:name"]) == ["a"] * 4 + ["b"] * 3
    assert list(out["concept:name"][:4]) == ["report", "charge", "check", "sentence"]
    assert out["time:timestamp"].iloc[0] == pd.Timestamp("2024-01-01T09:00:00Z")
    assert pd.isna(out["organisation"].iloc[5])
    core, strings = log.nbytes
    assert core == 24 * 7 + 8 * 3


def test_handover_network_counts_skips_and_latency():
    log = ev.from_pandas(small_frame(), organisation=MAP)
    net = ev.handover_network(log, quantiles=(0.9,))
    # a: police(01-01 09h) -> om(01-03) -> police(01-05) -> court(01-10); b: police -> ? -> court
    rel = net.relation("police", "court", "case")
    assert rel["volume"] == 2.0
    assert rel["attributes"]["cases"] == 2.0
    # waits: a 5 days (01-05 -> 01-10), b 3 days (01-01 -> 01-04): median 4, mean 4, q90 4.8
    assert rel["latency"] == pytest.approx(4.0)
    assert rel["attributes"]["latency_mean"] == pytest.approx(4.0)
    assert rel["attributes"]["latency_q90"] == pytest.approx(4.8)
    assert net.metadata["skipped_events"] == 1
    assert net.relation("police", "om", "case")["latency"] == pytest.approx(1 + 15 / 24)
    assert net.number_of_relations() == 3
    assert net.organisation("police")["attributes"]["events"] == 3.0
    # every metric runs on it
    assert kn.centrality.degree(net).idxmax() == "police"
    assert kn.flow.lead_time(net, "police", "court").value == pytest.approx(4.0)


def test_handover_beta_and_table():
    log = ev.from_pandas(small_frame(), organisation=MAP)
    t = ev.handover_table(log, beta=0.5, self_loops=True)
    got = {(s, d): v for s, d, v in zip(t["source"], t["target"], t["volume"])}
    # a: P O P C: direct PO, OP, PC; distance 2 PP .5, OC .5; distance 3 PC .25. b: P C direct.
    assert got == pytest.approx({("police", "om"): 1, ("om", "police"): 1, ("police", "court"): 2.25,
                                 ("police", "police"): 0.5, ("om", "court"): 0.5})
    assert t["share"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="beta"):
        ev.handover_network(log, beta=1.0)


def test_journeys_variants_and_norms():
    log = ev.from_pandas(small_frame(), organisation=MAP)
    j = ev.journeys(log)
    assert list(j.index) == ["a", "b"]
    a, b = j.loc["a"], j.loc["b"]
    assert a["lead_time"] == pd.Timedelta(days=8, hours=15)
    assert (a["handovers"], a["ping_pong"], a["organisations"], a["repeated_visits"]) == (3, 1, 3, 1)
    assert (b["handovers"], b["unmapped_events"], b["events"]) == (1, 1, 3)
    assert b["lead_time"] == pd.Timedelta(days=3)
    assert b["waiting"] == pd.Timedelta(days=3)
    assert b["waiting_share"] == pytest.approx(1.0)
    assert (a["first"], a["last"]) == ("police", "court")
    v = ev.variants(log)
    assert list(v["cases"]) == [1, 1]
    assert v["variant"].iloc[0] == ("police", "om", "police", "court")
    assert ev.within_norm(j, days=5) == 0.5
    assert ev.within_norm(j, days=10, counts=True) == (1.0, 2, 2)
    with pytest.raises(ValueError, match="unknown norm"):
        ev.within_norm(j, "kantonrechter")
    with pytest.raises(ValueError, match="days"):
        ev.within_norm(j, days=-1)


def test_working_together_and_subcontracting_small():
    log = ev.from_pandas(small_frame(), organisation=MAP)
    w = ev.working_together(log)
    assert not w.layers["working together"].directed
    assert w.relation("police", "court", "working together")["volume"] == 2.0
    assert w.relation("police", "court", "working together")["attributes"]["share"] == 1.0
    s = ev.subcontracting(log)
    assert s.relation("police", "om", "subcontracting")["volume"] == 1.0
    assert s.number_of_relations() == 1
    with pytest.raises(ValueError, match="at least 2"):
        ev.subcontracting(log, n=1)


def test_node_choices_resource_activity_attribute():
    log = ev.from_pandas(small_frame())
    assert log.organisation_source == ""
    net = ev.handover_network(log)  # resources by default
    assert set(net.ids) == {"r1", "r2", "r3"}
    assert net.metadata["skipped_events"] == 1
    acts = ev.handover_network(log, organisation="activity")
    assert "report" in acts
    df = small_frame().assign(unit=["u1", "u1", "u2", "u3", "u1", "u1", "u3"])
    log2 = ev.from_pandas(df)
    assert set(ev.handover_network(log2, organisation="unit").ids) == {"u1", "u2", "u3"}
    log3 = ev.from_pandas(df, organisation="unit")  # the organisation column, named again
    assert set(ev.handover_network(log3, organisation="unit").ids) == {"u1", "u2", "u3"}
    with pytest.raises(KeyError, match="no event attribute 'nope'"):
        ev.handover_network(log2, organisation="nope")
    with pytest.raises(ValueError, match="no organisations"):
        ev.journeys(log, organisation="organisation")
    by_res = log.map_organisations({"r1": "police", "r3": "court"}, by="resource")
    assert by_res.unmapped_events == 2


def test_pyarrow_and_string_timestamps_and_csv(tmp_path):
    pa = pytest.importorskip("pyarrow")
    df = small_frame()
    log1 = ev.from_pandas(df, organisation=MAP)
    log2 = ev.from_pandas(pa.Table.from_pandas(df), organisation=MAP)
    s = df.assign(**{"time:timestamp": df["time:timestamp"].dt.tz_convert("Europe/Amsterdam")
                     .dt.strftime("%Y-%m-%dT%H:%M:%S%z")})
    log3 = ev.from_pandas(s, organisation=MAP)
    p = tmp_path / "log.csv"
    s.to_csv(p, index=False)
    log4 = ev.read_csv(p, organisation=MAP)
    ref = ev.journeys(log1)
    for other in (log2, log3, log4):
        pd.testing.assert_frame_equal(ev.journeys(other), ref)


def test_bad_input_is_named(tmp_path):
    df = small_frame()
    with pytest.raises(ValueError, match="missing timestamp column 'when'"):
        ev.from_pandas(df, timestamp="when")
    with pytest.raises(ValueError, match="missing resource column 'who'"):
        ev.from_pandas(df, resource="who")
    bad = df.astype({"time:timestamp": object})
    bad["time:timestamp"] = bad["time:timestamp"].astype(str)
    bad.loc[4, "time:timestamp"] = "gisteren"
    with pytest.raises(ValueError, match=r"row 4: cannot parse the timestamp 'gisteren'"):
        ev.from_pandas(bad)
    nat = df.copy()
    nat.loc[2, "time:timestamp"] = pd.NaT
    with pytest.raises(ValueError, match="row 2: missing timestamp"):
        ev.from_pandas(nat)
    nocase = df.astype({"case:concept:name": object})
    nocase.loc[1, "case:concept:name"] = None
    with pytest.raises(ValueError, match="row 1: missing case id"):
        ev.from_pandas(nocase)
    with pytest.raises(ValueError, match="empty"):
        ev.from_pandas(df.iloc[:0])
    with pytest.raises(TypeError):
        ev.handover_network(df)
    with pytest.raises(ValueError, match="empty organisation name"):
        ev.from_pandas(df, organisation={"report": ""})
    # XES: truncated, malformed, missing
    text = open(eventlog_path("running-example"), encoding="utf-8").read()
    cut = tmp_path / "cut.xes"
    cut.write_text(text[:5000], encoding="utf-8")
    with pytest.raises(ValueError, match=r"cut\.xes:\d+:\d+: malformed XML"):
        ev.read_xes(cut)
    gz = tmp_path / "bad.xes.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write(text.replace('value="2011-01-06T09:18:00.000+01:00"', 'value="6 januari"', 1))
    with pytest.raises(ValueError, match=r"bad\.xes\.gz:\d+:\d+: time:timestamp: cannot parse '6 januari'"):
        ev.read_xes(gz)
    with pytest.raises(FileNotFoundError):
        ev.read_xes(tmp_path / "none.xes")


def test_read_xes_gz_equals_plain(tmp_path):
    src = eventlog_path("running-example")
    gz = tmp_path / "r.xes.gz"
    with open(src, "rb") as f, gzip.open(gz, "wb") as g:
        g.write(f.read())
    a, b = ev.read_xes(src), ev.read_xes(gz)
    pd.testing.assert_frame_equal(a.to_pandas(), b.to_pandas())
    t = a.to_pandas()
    assert t["time:timestamp"].iloc[0] == pd.Timestamp("2010-12-30T13:32:00Z")  # +01:00 honoured
    assert "Costs" in a.attributes()


def test_fines_chain_example():
    log = ev.read_xes(eventlog_path("roadtraffic100traces"), organisation=FINES_MAP)
    assert log.unmapped_events == 58  # Payment: the offender acts, no organisation
    net = ev.handover_network(log)
    assert set(net.ids) <= {"police", "prefecture", "judge", "collection agency"}
    assert net.relation("police", "collection agency", "case")["volume"] > 0
    j = ev.journeys(log)
    assert len(j) == 100
    assert (j["lead_time"] >= pd.Timedelta(0)).all()
    assert (j["handovers"] == j["visits"] - 1).all()


def test_docs_example(capsys):
    """docs/eventlog.md's traffic-fines example runs and finds its bottleneck."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "eventlog.md").read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "docs/eventlog.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("58 58\n")
    assert "police  collection agency    36.0  453.979167" in out
    assert "\n0.57\n" in out


def test_integer_ids_in_float_columns_read_as_integers():
    # integer case and organisation ids become float when the column holds NaN
    df = pd.DataFrame({"case:concept:name": [1.0, 1.0, 2.0, 2.0],
                       "concept:name": ["a", "b", "a", "b"],
                       "time:timestamp": pd.date_range("2024-01-01", periods=4, tz="UTC"),
                       "org:resource": [537.0, np.nan, 12.0, 537.0],
                       "dept": [10.0, 20.0, np.nan, 20.0]})
    log = ev.from_pandas(df, organisation="dept")
    assert list(ev.journeys(log).index) == ["1", "2"]
    assert set(ev.handover_network(log).ids) == {"10", "20"}
    assert set(ev.handover_network(log, organisation="org:resource").ids) == {"537", "12"}
    assert log.unmapped_events == 1
    # a fraction stays a fraction
    frac = ev.from_pandas(df.assign(dept=[1.5, 2.0, np.nan, 2.0]), organisation="dept")
    assert set(ev.handover_network(frac).ids) == {"1.5", "2"}


def test_own_and_pm4py_names_for_the_log_columns():
    df = small_frame().sort_values("time:timestamp", kind="stable")
    for spec in ("org:resource", "resource"):
        log = ev.from_pandas(df, organisation=spec)
        assert set(ev.handover_network(log).ids) == {"r1", "r2", "r3"}
        assert log.unmapped_events == 1
    for spec in ("concept:name", "activity"):
        log = ev.from_pandas(df, organisation=spec)
        assert set(ev.journeys(log)["first"]) == {"report"}
    by_res = ev.from_pandas(df, organisation={"r1": "police", "r3": "court"}, organisation_by="org:resource")
    assert by_res.unmapped_events == 2
    assert set(ev.handover_network(by_res).ids) == {"police", "court"}
    by_act = ev.from_pandas(df).map_organisations(MAP, by="concept:name")
    assert by_act.unmapped_events == 1 and by_act.organisation_source == "mapping of activities"
    with pytest.raises(ValueError, match="organisation='resource': the table has no resource column"):
        ev.from_pandas(df, resource=None, organisation="resource")


def test_read_xes_progress_reports_the_share_read_and_cancels():
    seen = []
    log = ev.read_xes(eventlog_path("running-example"), progress=lambda f: seen.append(f) or True)
    assert (log.n_cases, log.n_events) == (6, 42)
    assert seen[-1] == 1.0 and len(seen) >= 2
    assert all(0.0 <= a <= b <= 1.0 for a, b in zip(seen, seen[1:]))
    with pytest.raises(RuntimeError, match="cancel"):
        ev.read_xes(eventlog_path("running-example"), progress=lambda f: False)
