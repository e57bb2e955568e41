"""kn.eventlog.aggregate: DuckDB (pandas, CSV and Parquet sources) and Spark (local[2], one
session for the module) give the same handover and journey tables as the in-memory C++ path,
on the shipped logs, and the same network."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ketennet import eventlog as ev
from ketennet.examples import eventlog_path

FINES_MAP = {"Create Fine": "police", "Send Fine": "police", "Insert Fine Notification": "police",
             "Add penalty": "police", "Send Appeal to Prefecture": "prefecture",
             "Insert Date Appeal to Prefecture": "prefecture",
             "Receive Result Appeal from Prefecture": "prefecture",
             "Notify Result Appeal to Offender": "prefecture", "Appeal to Judge": "judge",
             "Send for Credit Collection": "collection agency"}

CASES = [("receipt", "org:group"), ("receipt", "org:resource"), ("roadtraffic100traces", "mapping"),
         ("helpdesk", "org:resource")]


def _frame(name):
    if name == "helpdesk":
        return ev.read_xes(eventlog_path(name)).to_pandas().astype({"org:resource": object})
    return pd.read_csv(eventlog_path(name, "csv"), dtype=str)


def _reference(df, organisation):
    org = FINES_MAP if organisation == "mapping" else organisation
    if isinstance(org, dict):
        log = ev.from_pandas(df, organisation=org, resource=None, attributes=False)
    else:
        log = ev.from_pandas(df, organisation=org, resource=None, attributes=False)
    edges = ev.handover_table(log)
    j = ev.journeys(log)
    return log, edges, j, org


def _check(agg, edges, j, deviation, engine):
    mine = edges.sort_values(["source", "target"]).reset_index(drop=True)
    theirs = agg.edges.sort_values(["source", "target"]).reset_index(drop=True)
    assert list(mine["source"]) == list(theirs["source"])
    assert list(mine["target"]) == list(theirs["target"])
    assert list(mine["handovers"]) == list(theirs["handovers"])
    assert list(mine["cases"]) == list(theirs["cases"])
    for col in ("mean_seconds", "median_seconds", "share"):
        d = float(np.max(np.abs(mine[col].to_numpy() - theirs[col].to_numpy()))) if len(mine) else 0.0
        deviation.record(f"aggregate {engine} {col}", d)
        assert d <= 1e-3 if col != "share" else d <= 1e-12
    jj = agg.journeys.loc[j.index]
    for col in ("events", "unmapped_events", "organisations", "handovers"):
        assert (jj[col].to_numpy() == j[col].to_numpy()).all(), col
    d = float(np.max(np.abs((jj["lead_time"] - j["lead_time"]).dt.total_seconds())))
    deviation.record(f"aggregate {engine} lead time seconds", d)
    assert d <= 1e-3
    assert (jj["start"] == j["start"]).all()
    # where cases start and end, as the journeys' first and last organisation
    nodes = agg.nodes.set_index("organisation")
    for col, ref in (("case_starts", "first"), ("case_ends", "last")):
        counts = j[ref].value_counts().reindex(nodes.index, fill_value=0)
        assert (nodes[col] == counts).all(), col


@pytest.mark.parametrize("name,organisation", CASES)
def test_duckdb_agrees(name, organisation, tmp_path, deviation):
    pytest.importorskip("duckdb")
    df = _frame(name)
    log, edges, j, org = _reference(df, organisation)
    _check(ev.aggregate(df, organisation=org), edges, j, deviation, "duckdb")
    # out of core: CSV and Parquet files
    csv = tmp_path / "log.csv"
    df.to_csv(csv, index=False)
    _check(ev.aggregate(csv, organisation=org), edges, j, deviation, "duckdb")
    pq = tmp_path / "log.parquet"
    pytest.importorskip("pyarrow")
    df.astype(str).where(df.notna(), None).to_parquet(pq, index=False)
    agg = ev.aggregate(pq, organisation=org)
    _check(agg, edges, j, deviation, "duckdb")
    # the same network builder
    net = agg.network()
    ref = ev.handover_network(log)
    a = net.relations.sort_values(["source", "target"]).reset_index(drop=True)
    b = ref.relations.sort_values(["source", "target"]).reset_index(drop=True)
    assert list(a["volume"]) == list(b["volume"])
    assert np.allclose(a["latency"].astype(float), b["latency"].astype(float), equal_nan=True)
    assert sorted(net.ids) == sorted(ref.ids)
    orgs, ref_orgs = net.organisations.set_index("id"), ref.organisations.set_index("id")
    for col in ("case_starts", "case_ends"):
        assert orgs[col].to_dict() == ref_orgs.loc[orgs.index, col].to_dict()


def test_duckdb_bad_input(tmp_path):
    pytest.importorskip("duckdb")
    df = _frame("receipt")
    with pytest.raises(ValueError, match="missing column 'org:unit'"):
        ev.aggregate(df, organisation="org:unit")
    with pytest.raises(ValueError, match="engine"):
        ev.aggregate(df, engine="polars")
    with pytest.raises(FileNotFoundError):
        ev.aggregate(tmp_path / "none.parquet")


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (default-jre-headless)")
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("ketennet-tests")
         .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.mark.parametrize("name,organisation", [("receipt", "org:group"), ("roadtraffic100traces", "mapping")])
def test_spark_agrees(spark, name, organisation, deviation):
    df = _frame(name)
    log, edges, j, org = _reference(df, organisation)
    _check(ev.aggregate(df, engine="spark", organisation=org, spark=spark), edges, j, deviation, "spark")


def test_network_from_an_empty_edge_table():
    """A log with no handover (every case at one organisation) gives a network with its case
    layer and no relation, as handover_network does, not an error about arguments the user
    never passed."""
    df = pd.DataFrame({"case:concept:name": ["c1", "c1", "c2"], "concept:name": ["a", "b", "a"],
                       "time:timestamp": pd.to_datetime(["2024-01-01", "2024-01-02",
                                                         "2024-01-03"], utc=True),
                       "org:resource": ["politie", "politie", "om"]})
    direct = ev.handover_network(ev.from_pandas(df))
    edges = ev.handover_table(ev.from_pandas(df))
    assert len(edges) == 0
    alone = ev.network_from_tables(edges)  # no node table: no organisation is known
    assert list(alone.layers) == ["case"] and alone.layers["case"].kind == "case"
    assert len(alone) == 0 and alone.number_of_relations() == 0
    net = ev.aggregate(df, "duckdb").network()
    assert net.layers["case"].kind == "case" and net.layers["case"].directed
    assert net.number_of_relations() == 0 == direct.number_of_relations()
    assert sorted(net.ids) == sorted(direct.ids) == ["om", "politie"]
