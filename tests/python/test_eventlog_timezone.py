"""Event-log time zones: events are stored as instants; ``timezone=`` (or
``EventLog.with_timezone``) shows them in local time. A local-midnight event
(2024-03-01 00:15 Europe/Amsterdam = 2024-02-29 23:15 UTC) shows as 1 March in journeys,
to_pandas and the periods of handover networks; calendar-day norms count local dates; lead
times and counts are the same in every zone; daylight-saving days; an unknown zone is a
ValueError naming it."""
from __future__ import annotations

import pandas as pd
import pytest

import ketennet as kn

AMS = "Europe/Amsterdam"


def _frame(times, cases=None):
    cases = cases or ["1"] * len(times)
    return pd.DataFrame({"case:concept:name": cases,
                         "concept:name": [f"stap {i}" for i in range(len(times))],
                         "org:resource": ["politie", "om"] * (len(times) // 2) + ["om"] * (len(times) % 2),
                         "time:timestamp": times})


#   case 1: 2024-02-29 23:15 UTC (1 March 00:15 local) -> 2024-03-04 10:00 UTC
#   case 2: 2024-03-30 22:30 UTC (23:30 local, +01:00) -> 2024-03-31 01:30 UTC (03:30 local,
#           +02:00: the night the clocks go forward)
UTC_TIMES = ["2024-02-29T23:15:00Z", "2024-03-04T10:00:00Z", "2024-03-30T22:30:00Z",
             "2024-03-31T01:30:00Z"]
CASES = ["1", "1", "2", "2"]


@pytest.fixture()
def log():
    return kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES))


def test_default_is_as_stored_in_utc(log):
    assert log.timezone is None
    j = kn.eventlog.journeys(log)
    assert str(j["start"].dt.tz) == "UTC"
    assert j.loc["1", "start"] == pd.Timestamp("2024-02-29 23:15", tz="UTC")
    assert j.loc["1", "start"].day == 29


def test_local_midnight_event_shows_as_the_first_of_march(log):
    local = log.with_timezone(AMS)
    assert local.timezone == AMS and log.timezone is None  # a new view, the log unchanged
    j = kn.eventlog.journeys(local)
    start = j.loc["1", "start"]
    assert str(start) == "2024-03-01 00:15:00+01:00"
    assert (start.month, start.day) == (3, 1)
    assert str(j["start"].dt.tz) == AMS
    events = local.to_pandas()["time:timestamp"]
    assert str(events.iloc[0]) == "2024-03-01 00:15:00+01:00"
    # the same instants, lead times and counts in every zone
    u = kn.eventlog.journeys(log)
    assert (j["start"] == u["start"]).all() and (j["end"] == u["end"]).all()
    pd.testing.assert_series_equal(j["lead_time"], u["lead_time"])
    pd.testing.assert_frame_equal(kn.eventlog.variants(local), kn.eventlog.variants(log))


def test_timezone_when_reading(tmp_path, log):
    p = tmp_path / "log.csv"
    _frame(UTC_TIMES, CASES).to_csv(p, index=False)
    read = kn.eventlog.read_csv(p, timezone=AMS)
    assert read.timezone == AMS
    assert str(kn.eventlog.journeys(read).loc["1", "start"]) == "2024-03-01 00:15:00+01:00"
    assert kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES), timezone=AMS).timezone == AMS
    xes = kn.eventlog.read_xes(kn.examples.eventlog_path("running-example"), timezone=AMS)
    assert xes.timezone == AMS
    assert str(kn.eventlog.journeys(xes)["start"].dt.tz) == AMS
    # the timezone follows the log through organisation mappings
    assert log.with_timezone(AMS).map_organisations({"stap 0": "politie"}).timezone == AMS


def test_times_without_an_offset_are_local_times_of_the_zone():
    naive = _frame(["2024-03-01 00:15", "2024-03-04 11:00", "2024-03-30 23:30",
                    "2024-03-31 03:30"], CASES)
    local = kn.eventlog.from_pandas(naive, timezone=AMS)
    utc = kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES))
    assert (kn.eventlog.journeys(local)["start"] == kn.eventlog.journeys(utc)["start"]).all()
    # across the change to summer time 23:30 -> 03:30 local is three hours
    assert kn.eventlog.journeys(local).loc["2", "lead_time"] == pd.Timedelta(hours=3)
    # datetime columns without a zone too
    dt = naive.assign(**{"time:timestamp": pd.to_datetime(naive["time:timestamp"])})
    assert (kn.eventlog.journeys(kn.eventlog.from_pandas(dt, timezone=AMS))["start"]
            == kn.eventlog.journeys(utc)["start"]).all()
    # without a zone, times without an offset are UTC, as before
    as_utc = kn.eventlog.journeys(kn.eventlog.from_pandas(naive))
    assert as_utc.loc["1", "start"] == pd.Timestamp("2024-03-01 00:15", tz="UTC")


@pytest.mark.parametrize("local, what", [("2024-03-31 02:30", "skips"),
                                         ("2024-10-27 02:30", "repeats")])
def test_a_local_time_the_clock_change_skips_or_repeats_is_an_error(local, what):
    with pytest.raises(ValueError, match=r"from_pandas: column 'time:timestamp': a local time "
                                         r"that the daylight-saving change of Europe/Amsterdam "
                                         r"skips or repeats .*2024-.*give such times with their "
                                         r"UTC offset"):
        kn.eventlog.from_pandas(_frame([local, "2024-11-01 10:00"]), timezone=AMS)


def test_calendar_days_count_local_dates(log):
    u = kn.eventlog.journeys(log)
    a = kn.eventlog.journeys(log.with_timezone(AMS))
    # case 2: 22:30 -> 01:30 UTC crosses a UTC date; 23:30 -> 03:30 local crosses the local one
    # case 1: 29 Feb -> 4 Mar in UTC (4 days), 1 Mar -> 4 Mar local (3 days)
    assert kn.eventlog.within_norm(u, 3, calendar=True, counts=True) == (0.5, 1, 2)
    assert kn.eventlog.within_norm(a, 3, calendar=True, counts=True) == (1.0, 2, 2)
    # elapsed time does not depend on the zone
    assert kn.eventlog.within_norm(u, 3.5) == kn.eventlog.within_norm(a, 3.5) == 1.0
    # a case from 23:30 to 00:30 local time takes one calendar day, 00:10 to 23:50 none
    df = _frame(["2024-06-01T21:30:00Z", "2024-06-01T22:30:00Z",
                 "2024-06-01T22:10:00Z", "2024-06-02T21:50:00Z"], ["x", "x", "y", "y"])
    j = kn.eventlog.journeys(kn.eventlog.from_pandas(df, timezone=AMS))
    assert kn.eventlog.within_norm(j, 0, calendar=True, counts=True) == (0.5, 1, 2)
    assert kn.eventlog.within_norm(j.loc[["y"]], 0, calendar=True) == 1.0
    with pytest.raises(ValueError, match="calendar=True.*'start' and 'end'"):
        kn.eventlog.within_norm(j[["lead_time"]], 1, calendar=True)


def test_dst_day_counts_as_one_calendar_day():
    # 30 March 12:00 local -> 31 March 12:00 local: 23 hours (clocks forward), one day
    df = _frame(["2024-03-30T11:00:00Z", "2024-03-31T10:00:00Z"])
    j = kn.eventlog.journeys(kn.eventlog.from_pandas(df, timezone=AMS))
    assert j.loc["1", "lead_time"] == pd.Timedelta(hours=23)
    assert kn.eventlog.within_norm(j, 1, calendar=True) == 1.0
    assert kn.eventlog.within_norm(j, 0, calendar=True) == 0.0


def test_periods_begin_at_local_midnight():
    # one handover at 23:15 UTC on 31 December = 00:15 on 1 January local time
    df = _frame(["2023-12-31T10:00:00Z", "2023-12-31T23:15:00Z"])
    utc = kn.eventlog.from_pandas(df)
    assert [str(p) for p in kn.eventlog.handover_network(utc, period="Y").periods] == ["2023"]
    local = kn.eventlog.handover_network(utc.with_timezone(AMS), period="Y")
    assert [str(p) for p in local.periods] == ["2023", "2024"]
    # the handover arrives in 2024, local time
    sizes = local.sizes()
    assert dict(zip(sizes["period"].astype(str), sizes["relations"])) == {"2023": 0, "2024": 1}


@pytest.mark.parametrize("call", [
    lambda: kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES), timezone="Europe/Amsterdm"),
    lambda: kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES)).with_timezone("Europe/Amsterdm"),
    lambda: kn.eventlog.read_xes(kn.examples.eventlog_path("running-example"),
                                 timezone="Europe/Amsterdm"),
])
def test_unknown_time_zone_is_a_value_error_naming_it(call):
    with pytest.raises(ValueError, match=r"unknown time zone 'Europe/Amsterdm' \(an IANA name"):
        call()


def test_timezone_of_the_wrong_type():
    with pytest.raises(TypeError, match="with_timezone: timezone must be an IANA time zone name"):
        kn.eventlog.from_pandas(_frame(UTC_TIMES, CASES)).with_timezone(1)
