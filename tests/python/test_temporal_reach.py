"""kn.eventlog.temporal_reach: time-respecting paths along the handover contacts of a log, and
the stage order of cases. A hand-drawn case, a plain time-respecting search written here (one
forward scan per departure, a different method from the C++ kernel and its reference), the
shipped event logs end to end, and the errors."""
from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import eventlog as ev

H = pd.Timedelta(hours=1)
T0 = pd.Timestamp("2024-01-01", tz="UTC")


def contact_log(contacts):
    """A log with one case per contact (a, b, departs, arrives) in hours: a at the departure,
    then b at the arrival."""
    rows = []
    for k, (a, b, d, t) in enumerate(contacts):
        rows.append((f"c{k}", a, T0 + d * H))
        rows.append((f"c{k}", b, T0 + t * H))
    df = pd.DataFrame(rows, columns=["case", "org", "time"])
    df["activity"] = "work"
    return ev.from_pandas(df, case="case", activity="activity", timestamp="time", organisation="org")


# The contact stream: each handover departs at the first hour and arrives at the second.
#
#   A --0>1--> B --2>3--> C --48>50--> D --55>60--> E
#   A ------36>38-------> C
#                B --18>20--> F --30>35--> E
#
# With within=24h: B -> C arrives at 3 and C -> D departs at 48 (a wait of 45 hours), so B
# never reaches D; A reaches E first by A -> B -> F -> E (0 to 35: 35 hours) and fastest by
# A -> C -> D -> E (36 to 60: 24 hours). A direct pair's fastest is its latency (C -> D: 2
# hours; A -> C: 2 hours, though A's information reaches C first through B, at 3).
DRAWN = [("A", "B", 0, 1), ("B", "C", 2, 3), ("B", "F", 18, 20), ("F", "E", 30, 35),
         ("A", "C", 36, 38), ("C", "D", 48, 50), ("D", "E", 55, 60)]


def ns(times: pd.Series) -> list:
    """Timestamps as int64 nanoseconds since the epoch."""
    return pd.to_datetime(times, utc=True).dt.as_unit("ns").astype("int64").tolist()


def pair(r, s, t):
    return r.pairs.set_index(["source", "target"]).loc[(s, t)]


def test_hand_drawn_stream():
    log = contact_log(DRAWN)
    r = ev.temporal_reach(log, within="24h")
    assert r.within == pd.Timedelta(hours=24)
    assert r.contacts == 7
    assert list(r.pairs.columns) == ["source", "target", "reachable", "fastest", "first_arrival"]
    assert len(r.pairs) == 6 * 5
    assert not pair(r, "B", "D")["reachable"]
    assert pd.isna(pair(r, "B", "D")["fastest"]) and pd.isna(pair(r, "B", "D")["first_arrival"])
    assert pair(r, "A", "D")["fastest"] == 14 * H
    ae = pair(r, "A", "E")
    assert ae["fastest"] == 24 * H and ae["first_arrival"] == T0 + 35 * H
    assert pair(r, "C", "D")["fastest"] == 2 * H
    ac = pair(r, "A", "C")
    assert ac["fastest"] == 2 * H and ac["first_arrival"] == T0 + 3 * H
    assert r.reach["reach"].to_dict() == {"A": 5, "B": 3, "C": 2, "D": 1, "E": 0, "F": 1}
    assert r.reach["reached_by"].to_dict() == {"A": 0, "B": 1, "C": 2, "D": 2, "E": 5, "F": 2}
    assert r.reach.index.name == "organisation"
    assert r.pairs["fastest"].dtype == "timedelta64[ns]"
    assert str(r.pairs["first_arrival"].dtype) == "datetime64[ns, UTC]"
    assert r.stage_order is None and r.stage_order_share is None
    assert "TemporalReach(6 organisations, 7 contacts, within 1 days" in repr(r)
    assert "<table>" in r._repr_html_()
    # within=None: no waiting limit, so B reaches D after 48 hours (2 to 50)
    free = ev.temporal_reach(log)
    assert free.within is None
    assert pair(free, "B", "D")["fastest"] == 48 * H
    assert free.reach.loc["B", "reach"] == 4
    # the same limit spelled four ways
    for w in (pd.Timedelta(hours=24), dt.timedelta(days=1), np.timedelta64(24, "h"), "1D"):
        assert ev.temporal_reach(log, within=w).pairs.equals(r.pairs)


def plain_reach(contacts, nodes, within_ns):
    """The definition, by a forward scan from every departure: for source s and departure
    time d, take the contacts in order of departure and mark a contact (a, b, dep, arr) taken
    when it leaves s at d or leaves a no earlier than some taken contact arrived there and at
    most W later; contacts of one departure instant are repeated until nothing changes.
    Returns {(s, v): (fastest_ns, first_ns)}."""
    contacts = sorted(contacts, key=lambda c: c[2])
    groups = [list(g) for _, g in itertools.groupby(contacts, key=lambda c: c[2])]
    out = {}
    for s in nodes:
        for d in sorted({dep for a, _, dep, _ in contacts if a == s}):
            arrived = {}  # organisation -> arrival times of taken contacts
            taken = set()
            for g in groups:
                if g[0][2] < d:
                    continue
                changed = True
                while changed:
                    changed = False
                    for k, (a, b, dep, arr) in enumerate(g):
                        if k in taken:
                            continue
                        if (a == s and dep == d) or any(
                                t <= dep and (within_ns is None or dep - t <= within_ns)
                                for t in arrived.get(a, ())):
                            taken.add(k)
                            arrived.setdefault(b, []).append(arr)
                            changed = True
                taken.clear()
            for v, ts in arrived.items():
                if v == s:
                    continue
                t = min(ts)
                f, a = out.get((s, v), (None, None))
                out[(s, v)] = (t - d if f is None else min(f, t - d), t if a is None else min(a, t))
    return out


def log_contacts(log, col):
    """The handover contacts (a, b, departure, arrival in ns) of a log, from its DataFrame:
    direct successions of events with a value in column ``col``, a != b, from the sending
    event's time to the receiving event's."""
    df = log.to_pandas()
    out = []
    for _, g in df.groupby("case:concept:name", sort=False):
        g = g[g[col].notna()]
        names, times = g[col].astype(str).tolist(), ns(g["time:timestamp"])
        for i in range(len(names) - 1):
            if names[i] != names[i + 1]:
                out.append((names[i], names[i + 1], times[i], times[i + 1]))
    return out


def check_against_plain(r, contacts, within_ns):
    nodes = list(r.reach.index)
    ref = plain_reach(contacts, nodes, within_ns)
    p = r.pairs.set_index(["source", "target"])
    assert set(ref) == set(p.index[p["reachable"]])
    for (s, v), (fastest, first) in ref.items():
        assert p.loc[(s, v), "fastest"].value == fastest, (s, v)
        assert p.loc[(s, v), "first_arrival"].value == first, (s, v)
    assert (r.reach["reach"] == p["reachable"].groupby(level=0).sum().reindex(nodes)).all()


@pytest.mark.parametrize("within", [None, "0s", "1h", "2D", "30D"])
def test_random_logs_against_a_plain_search(within):
    rng = np.random.default_rng(11)
    for _ in range(5):
        rows = []
        for c in range(30):
            t = 0
            for _ in range(int(rng.integers(1, 6))):
                t += int(rng.integers(0, 48))  # hours, with ties
                org = rng.choice(list("PQRSTU") + [None])
                rows.append((f"case{c}", "work", T0 + t * H, org))
        df = pd.DataFrame(rows, columns=["case", "activity", "time", "org"])
        log = ev.from_pandas(df, case="case", activity="activity", timestamp="time", organisation="org")
        r = ev.temporal_reach(log, within=within, threads=1)
        two = ev.temporal_reach(log, within=within, threads=2)
        pd.testing.assert_frame_equal(r.pairs, two.pairs, check_exact=True)
        w = None if within is None else pd.Timedelta(within).value
        contacts = []
        for _, g in df.dropna(subset=["org"]).groupby("case", sort=False):
            o, t = g["org"].tolist(), ns(g["time"])
            contacts += [(o[i], o[i + 1], t[i], t[i + 1]) for i in range(len(o) - 1) if o[i] != o[i + 1]]
        assert r.contacts == len(contacts)
        check_against_plain(r, contacts, w)


ROADTRAFFIC_CHAIN = {
    "Create Fine": "police", "Send Fine": "police", "Insert Fine Notification": "police",
    "Add penalty": "police",
    "Insert Date Appeal to Prefecture": "prefecture", "Send Appeal to Prefecture": "prefecture",
    "Receive Result Appeal from Prefecture": "prefecture",
    "Notify Result Appeal to Offender": "prefecture",
    "Appeal to Judge": "judge", "Send for Credit Collection": "collection agency"}


@pytest.mark.parametrize("within", [None, "30D", "365D"])
def test_small_shipped_logs_against_a_plain_search(within):
    w = None if within is None else pd.Timedelta(within).value
    log = kn.examples.eventlog("running-example")
    r = ev.temporal_reach(log, "resource", within=within)
    check_against_plain(r, log_contacts(log, "org:resource"), w)
    road = ev.read_xes(kn.examples.eventlog_path("roadtraffic100traces"), organisation=ROADTRAFFIC_CHAIN)
    r = ev.temporal_reach(road, within=within)
    df = road.to_pandas()
    df["org"] = df["concept:name"].map(ROADTRAFFIC_CHAIN)
    contacts = []
    for _, g in df.dropna(subset=["org"]).groupby("case:concept:name", sort=False):
        o, t = g["org"].tolist(), ns(g["time:timestamp"])
        contacts += [(o[i], o[i + 1], t[i], t[i + 1]) for i in range(len(o) - 1) if o[i] != o[i + 1]]
    check_against_plain(r, contacts, w)


def earliest_arrival(contacts, nodes):
    """Without a waiting limit: the earliest arrival from every source by one scan over the
    contacts in order of departure (a contact is taken when it leaves the source or leaves an
    organisation no earlier than the earliest arrival there)."""
    contacts = sorted(contacts, key=lambda c: c[2])
    groups = [list(g) for _, g in itertools.groupby(contacts, key=lambda c: c[2])]
    out = {}
    for s in nodes:
        arr = {}
        for g in groups:
            changed = True
            while changed:
                changed = False
                for a, b, dep, t in g:
                    if (a == s or arr.get(a, dep + 1) <= dep) and b != s and t < arr.get(b, t + 1):
                        arr[b] = t
                        changed = True
        out.update({(s, v): t for v, t in arr.items()})
    return out


@pytest.mark.parametrize("name", kn.examples.eventlog_names())
def test_shipped_logs_end_to_end(name):
    log = kn.examples.eventlog(name)
    r = ev.temporal_reach(log, within="30D")
    free = ev.temporal_reach(log)
    n = len(r.reach)
    assert n > 1 and len(r.pairs) == n * (n - 1)
    net = ev.handover_network(log)
    assert list(r.reach.index) == net.organisations["id"].tolist()
    assert r.contacts == int(net.relations["volume"].sum())
    assert r.skipped_events == net.metadata["skipped_events"]
    # a waiting limit only removes paths
    assert not (r.pairs["reachable"] & ~free.pairs["reachable"]).any()
    both = r.pairs["reachable"].to_numpy()
    assert (r.pairs["fastest"][both] >= free.pairs["fastest"][both]).all()
    # every direct handover reaches its pair: the fastest is at most its latency (the quickest)
    col = "org:group" if log.organisation_source else "org:resource"
    quickest = {}
    for a, b, dep, arr in log_contacts(log, col):
        quickest[(a, b)] = min(quickest.get((a, b), arr - dep), arr - dep)
    direct = set(zip(net.relations["source"], net.relations["target"]))
    assert set(quickest) == direct
    p = r.pairs.set_index(["source", "target"])
    fastest = p.loc[list(quickest), "fastest"].astype("int64").to_numpy()
    assert (fastest <= np.array(list(quickest.values()))).all()
    assert (fastest >= 0).all()
    assert (r.reach["reach"].sum() == r.reach["reached_by"].sum() == int(r.pairs["reachable"].sum()))
    # without a limit: the earliest arrivals of a plain scan
    nodes = list(free.reach.index)
    ref = earliest_arrival(log_contacts(log, col), nodes)
    q = free.pairs.set_index(["source", "target"])
    assert set(ref) == set(q.index[q["reachable"]])
    got = q.loc[list(ref), "first_arrival"].astype("int64").to_numpy()
    assert (got == np.array(list(ref.values()))).all()


def test_stage_order():
    # Case 1: P ? P O R (respects), case 2: O P R (violates: back to P), case 3: P X (X in no
    # stage), case 4: ? only (no organisation)
    rows = [("1", "P", 0), ("1", None, 1), ("1", "P", 2), ("1", "O", 3), ("1", "R", 5),
            ("2", "O", 10), ("2", "P", 11), ("2", "R", 12), ("3", "P", 0), ("3", "X", 4),
            ("4", None, 0)]
    df = pd.DataFrame([(c, "work", T0 + h * H, o) for c, o, h in rows],
                      columns=["case", "activity", "time", "org"])
    log = ev.from_pandas(df, case="case", activity="activity", timestamp="time", organisation="org")
    stages = {"opsporing": ["P"], "vervolging": ["O"], "berechting": ["R", "O"]}
    r = ev.temporal_reach(log, stages=stages)
    assert r.stage_order_counts == {"respecting": 1, "violating": 1, "unstaged": 1, "no_organisation": 1}
    assert r.stage_order_share == 0.5
    assert r.unstaged_organisations == ("X",)
    assert r.stage_order.to_dict() == {"1": "respects", "2": "violates", "3": "unstaged",
                                       "4": "no organisation"}
    assert "stage order respected by 1 of 2 cases" in repr(r)
    # the same order as a chain of a network, as {organisation: stage index} and as pairs
    net = kn.Network("n")
    for o in "POR":
        net.add_organisation(o)
    net.add_chain("keten", stages)
    for s in (net, net.chain("keten"), list(stages.items())):
        assert ev.temporal_reach(log, stages=s).stage_order.equals(r.stage_order)
    by_index = ev.temporal_reach(log, stages={"P": 0, "O": 1, "R": 2})
    assert by_index.stage_order_counts == r.stage_order_counts
    # nothing to judge: NaN, the cases counted apart
    only_x = ev.temporal_reach(log, stages={"s": ["Z"]})
    assert np.isnan(only_x.stage_order_share)
    assert only_x.stage_order_counts["unstaged"] == 3
    # the traffic-fines chain: police -> prefecture -> judge -> collection agency
    road = ev.read_xes(kn.examples.eventlog_path("roadtraffic100traces"), organisation=ROADTRAFFIC_CHAIN)
    rr = ev.temporal_reach(road, within="30D", stages={"police": 0, "prefecture": 1, "judge": 2,
                                                        "collection agency": 3})
    c = rr.stage_order_counts
    assert sum(c.values()) == road.n_cases
    assert c["unstaged"] == 0
    assert 0.0 <= rr.stage_order_share <= 1.0


def test_errors():
    log = contact_log(DRAWN)
    with pytest.raises(ValueError, match="temporal_reach: within='soon' is not a duration"):
        ev.temporal_reach(log, within="soon")
    with pytest.raises(TypeError, match="temporal_reach: within must be a duration .* not the number 30"):
        ev.temporal_reach(log, within=30)
    with pytest.raises(TypeError, match="not list"):
        ev.temporal_reach(log, within=[1])
    with pytest.raises(ValueError, match="within must be >= 0, not -1 days"):
        ev.temporal_reach(log, within="-1D")
    with pytest.raises(ValueError, match="within must be a duration, not NaT"):
        ev.temporal_reach(log, within=pd.NaT)
    with pytest.raises(KeyError, match="temporal_reach: the event log has no event attribute 'department'"):
        ev.temporal_reach(log, "department")
    with pytest.raises(TypeError, match="expected a ketennet.eventlog.EventLog"):
        ev.temporal_reach(pd.DataFrame())
    net = kn.Network("n")
    with pytest.raises(ValueError, match="the network has no chain: pass stages=net.chain"):
        ev.temporal_reach(log, stages=net)
    with pytest.raises(ValueError, match="stages is empty"):
        ev.temporal_reach(log, stages={})
    with pytest.raises(ValueError, match="stage 's': organisations must be a list of ids"):
        ev.temporal_reach(log, stages={"s": "A"})
    with pytest.raises(TypeError, match="organisation ids must be str, not int"):
        ev.temporal_reach(log, stages=[("s", [1])])
    with pytest.raises(ValueError, match="stage 's' lists an empty organisation id"):
        ev.temporal_reach(log, stages={"s": [""]})
    with pytest.raises(ValueError, match="temporal_reach: threads must be >= 0"):
        ev.temporal_reach(log, threads=-1)
    with pytest.raises(RuntimeError, match="cancel"):
        ev.temporal_reach(log, progress=lambda f: False)
