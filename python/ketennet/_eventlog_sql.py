"""SQL engines of kn.eventlog.aggregate: the handover pairs and per-case journeys of an event
log as SQL on DuckDB (embedded, out of core over Parquet and CSV) or on Spark.

The queries are one text with two engine-specific functions (the median and the epoch in
microseconds); the definitions are those of kn.eventlog.handover_table (beta 0, no self
loops, events without an organisation skipped) and kn.eventlog.journeys.
"""
from __future__ import annotations

import os
from typing import Mapping, Tuple, Union

import pandas as pd

_EVENTS = """
ev AS (
  SELECT CAST(e.{case} AS VARCHAR(65535)) AS case_id, {org_expr} AS org, e.ts AS ts, e.rn AS rn
  FROM src e {join}
),
known AS (SELECT case_id, org, ts, rn FROM ev WHERE org IS NOT NULL),
seq AS (
  SELECT case_id, org AS source, LEAD(org) OVER w AS target,
         {us}(LEAD(ts) OVER w) - {us}(ts) AS wait_us
  FROM known WINDOW w AS (PARTITION BY case_id ORDER BY ts, rn)
)"""

_EDGES = """
SELECT source, target, COUNT(*) AS handovers, COUNT(DISTINCT case_id) AS cases,
       AVG(wait_us) / 1e6 AS mean_seconds, {median} / 1e6 AS median_seconds
FROM seq WHERE target IS NOT NULL AND source <> target
GROUP BY source, target ORDER BY source, target"""

_NODES = """
, ends AS (
  SELECT org, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY ts, rn) AS first_rank,
         ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY ts DESC, rn DESC) AS last_rank
  FROM known
)
SELECT k.org AS organisation, k.events, COALESCE(s.n, 0) AS case_starts, COALESCE(e.n, 0) AS case_ends
FROM (SELECT org, COUNT(*) AS events FROM known GROUP BY org) k
LEFT JOIN (SELECT org, COUNT(*) AS n FROM ends WHERE first_rank = 1 GROUP BY org) s ON k.org = s.org
LEFT JOIN (SELECT org, COUNT(*) AS n FROM ends WHERE last_rank = 1 GROUP BY org) e ON k.org = e.org
ORDER BY k.org"""

_JOURNEYS = """
, per_case AS (
  SELECT case_id, MIN(ts) AS start_ts, MAX(ts) AS end_ts, {us}(MAX(ts)) - {us}(MIN(ts)) AS lead_us,
         COUNT(*) AS events, COUNT(*) - COUNT(org) AS unmapped_events,
         COUNT(DISTINCT org) AS organisations
  FROM ev GROUP BY case_id
),
changes AS (
  SELECT case_id, SUM(CASE WHEN target IS NOT NULL AND source <> target THEN 1 ELSE 0 END) AS handovers
  FROM seq GROUP BY case_id
)
SELECT p.case_id, p.start_ts, p.end_ts, p.lead_us, p.events, p.unmapped_events, p.organisations,
       COALESCE(c.handovers, 0) AS handovers
FROM per_case p LEFT JOIN changes c ON p.case_id = c.case_id ORDER BY p.case_id"""


def _quote(name: str, q: str) -> str:
    return q + name.replace(q, q + q) + q


def _queries(case: str, activity: str, organisation: Union[str, Mapping[str, str]], us: str,
             median: str, q: str) -> Tuple[str, str, str]:
    if isinstance(organisation, Mapping):
        org_expr = "m.org"
        join = f"LEFT JOIN org_mapping m ON CAST(e.{_quote(activity, q)} AS VARCHAR(65535)) = m.activity"
    else:
        org_expr = f"CAST(e.{_quote(organisation, q)} AS VARCHAR(65535))"
        join = ""
    head = "WITH " + _EVENTS.format(case=_quote(case, q), org_expr=org_expr, join=join, us=us)
    return (head + _EDGES.format(median=median), head + _NODES,
            head + _JOURNEYS.format(us=us))


def _journey_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({
        "start": pd.to_datetime(df["start_ts"], utc=True),
        "end": pd.to_datetime(df["end_ts"], utc=True),
        "lead_time": pd.to_timedelta(df["lead_us"].astype("int64"), unit="us"),
        "events": df["events"].astype("int64"),
        "unmapped_events": df["unmapped_events"].astype("int64"),
        "organisations": df["organisations"].astype("int64"),
        "handovers": df["handovers"].astype("int64"),
    })
    out.index = pd.Index(df["case_id"].astype(str).to_numpy(), name="case")
    return out


def _edge_frame(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"source": df["source"].astype(str), "target": df["target"].astype(str),
                         "handovers": df["handovers"].astype("int64"),
                         "cases": df["cases"].astype("int64"),
                         "mean_seconds": df["mean_seconds"].astype(float),
                         "median_seconds": df["median_seconds"].astype(float)})


def _node_frame(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"organisation": df["organisation"].astype(str),
                         "events": df["events"].astype("int64"),
                         "case_starts": df["case_starts"].astype("int64"),
                         "case_ends": df["case_ends"].astype("int64")})


def _check_columns(present, needed) -> None:
    present = list(map(str, present))
    for c in needed:
        if c not in present:
            raise ValueError(f"missing column '{c}' (columns: {', '.join(present)})")


def aggregate_duckdb(source, case: str, activity: str, timestamp: str,
                     organisation: Union[str, Mapping[str, str]]):
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
        if isinstance(source, pd.DataFrame):
            con.register("raw", source)
            rel = "raw"
        else:
            path = os.fspath(source)
            if not os.path.exists(path):
                raise FileNotFoundError(path)
            lower = path.lower()
            if lower.endswith(".parquet") or lower.endswith(".pq"):
                rel = f"read_parquet({_quote(path, chr(39))})"
            else:
                rel = f"read_csv({_quote(path, chr(39))}, all_varchar = true)"
        cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {rel}").fetchall()]
        needed = [case, timestamp] + ([organisation] if isinstance(organisation, str) else [activity])
        _check_columns(cols, needed)
        ts = _quote(timestamp, '"')
        con.execute(f"CREATE TEMP VIEW src AS SELECT *, CAST({ts} AS TIMESTAMPTZ) AS ts, "
                    f"row_number() OVER () AS rn FROM {rel}")
        if isinstance(organisation, Mapping):
            m = pd.DataFrame({"activity": list(organisation.keys()), "org": list(organisation.values())})
            con.register("org_mapping", m)
        qe, qn, qj = _queries(case, activity, organisation, "epoch_us", "median(wait_us)", '"')
        edges = _edge_frame(con.execute(qe).df())
        nodes = _node_frame(con.execute(qn).df())
        jour = _journey_frame(con.execute(qj).df())
    finally:
        con.close()
    return edges, nodes, jour


def aggregate_spark(source, case: str, activity: str, timestamp: str,
                    organisation: Union[str, Mapping[str, str]], spark=None):
    from pyspark.sql import SparkSession, functions as F

    if spark is None:
        spark = SparkSession.getActiveSession() or (
            SparkSession.builder.master("local[2]").appName("ketennet")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false").getOrCreate())
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    if isinstance(source, pd.DataFrame):
        pdf = source.copy()
        for c in pdf.columns:
            if pdf[c].dtype == object or isinstance(pdf[c].dtype, pd.CategoricalDtype):
                pdf[c] = pdf[c].astype("string").astype(object).where(pdf[c].notna(), None)
        df = spark.createDataFrame(pdf)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if path.lower().endswith((".parquet", ".pq")):
            df = spark.read.parquet(path)
        else:
            df = spark.read.option("header", True).csv(path)
    else:
        df = source
    needed = [case, timestamp] + ([organisation] if isinstance(organisation, str) else [activity])
    _check_columns(df.columns, needed)
    df = (df.withColumn("ts", F.to_timestamp(F.col(f"`{timestamp}`")))
            .withColumn("rn", F.monotonically_increasing_id()))
    df.createOrReplaceTempView("src")
    if isinstance(organisation, Mapping):
        m = spark.createDataFrame(pd.DataFrame({"activity": list(organisation.keys()),
                                                "org": list(organisation.values())}))
        m.createOrReplaceTempView("org_mapping")
    qe, qn, qj = _queries(case, activity, organisation, "unix_micros", "percentile(wait_us, 0.5)", "`")
    qe, qn, qj = (q.replace("VARCHAR(65535)", "STRING") for q in (qe, qn, qj))
    edges = _edge_frame(spark.sql(qe).toPandas())
    nodes = _node_frame(spark.sql(qn).toPandas())
    jour = _journey_frame(spark.sql(qj).toPandas())
    return edges, nodes, jour
