"""Random-walk simulations of the Markov-chain metrics of ketennet.flow.

Items are simulated one hand-off at a time (seeded, vectorised with NumPy), choosing each
next organisation in proportion to relation volumes, exactly as the model describes; the
simulation shares no code with ketennet. Estimates must agree with the computed values
within five standard errors (binomial for shares, sample standard deviation for means).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

N_WALKERS = 200_000
Z = 5.0


class Walk:
    """A volume-weighted walk over explicit arcs (source, target, volume, latency, quality)."""

    def __init__(self, ids, arcs: pd.DataFrame):
        self.ids = list(ids)
        index = {oid: i for i, oid in enumerate(self.ids)}
        n = len(self.ids)
        src = arcs["source"].map(index).to_numpy()
        dst = arcs["target"].map(index).to_numpy()
        w = arcs["volume"].to_numpy(dtype=float)
        order = np.lexsort((dst, src))
        self.src, self.dst, w = src[order], dst[order], w[order]
        self.tau = arcs["latency"].to_numpy(dtype=float)[order] if "latency" in arcs else np.ones(len(w))
        self.q = arcs["quality"].to_numpy(dtype=float)[order] if "quality" in arcs else np.ones(len(w))
        self.out = np.bincount(self.src, weights=w, minlength=n)
        key = np.empty(len(w))
        for u in range(n):
            seg = np.nonzero(self.src == u)[0]
            if len(seg) == 0 or self.out[u] == 0:
                key[seg] = u  # never sampled: the walk stops at u
                continue
            c = np.cumsum(w[seg]) / self.out[u]
            c[-1] = 1.0
            key[seg] = u + c
        self.key = key
        self.n = n

    def run(self, start: dict, targets, seed: int, walkers: int = N_WALKERS, max_steps: int = 1000):
        """Returns arrays state, status (1 arrived, 2 stopped at a dead end, 0 still moving),
        time, product of qualities."""
        rng = np.random.default_rng(seed)
        starts = np.array([self.ids.index(k) for k in start])
        p = np.array(list(start.values()), dtype=float)
        state = rng.choice(starts, size=walkers, p=p / p.sum())
        target = np.zeros(self.n, dtype=bool)
        target[[self.ids.index(t) for t in targets]] = True
        dead = (self.out == 0) & ~target
        status = np.where(target[state], 1, np.where(dead[state], 2, 0))
        time = np.zeros(walkers)
        prod = np.ones(walkers)
        for _ in range(max_steps):
            active = np.nonzero(status == 0)[0]
            if len(active) == 0:
                break
            s = state[active]
            pos = np.searchsorted(self.key, s + rng.random(len(active)), side="right")
            time[active] += self.tau[pos]
            prod[active] *= self.q[pos]
            nxt = self.dst[pos]
            state[active] = nxt
            status[active] = np.where(target[nxt], 1, np.where(dead[nxt], 2, 0))
        return state, status, time, prod


def _close(dev, estimate: float, exact: float, se: float, what: str):
    """|estimate - exact| <= 5 SE; records |z| (in standard errors) per kind of estimate."""
    kind = what.split(" o")[0].split(" (")[0]
    dev.record(f"Monte Carlo |z| ({kind})", abs(estimate - exact) / se if se > 0 else 0.0)
    assert abs(estimate - exact) <= Z * se + 1e-12, (
        f"{what}: simulated {estimate:.6g} vs computed {exact:.6g} (SE {se:.3g})")


def _share_se(p: float, n: int) -> float:
    return max(np.sqrt(p * (1 - p) / n), 1.0 / n)


def _mean_se(x: np.ndarray) -> float:
    return float(np.std(x, ddof=1) / np.sqrt(len(x))) if len(x) > 1 else np.inf


def _random_network(seed: int, n: int = 24):
    """A directed network with cycles, dead ends and a trap: organisations o0..o{n-1}; o20,
    o21 pass nothing on (dead ends); o22 <-> o23 only feed each other (a trap)."""
    rng = np.random.default_rng(seed)
    rows = []
    seen = set()

    def add(a, b):
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            rows.append((f"o{a}", f"o{b}", float(rng.uniform(1, 100)), float(rng.uniform(0.5, 30)),
                         float(rng.uniform(0.6, 1.0))))

    for a in range(20):
        for _ in range(3):
            add(a, int(rng.integers(0, n)))
        add(a, (a + 1) % 20)
    add(22, 23)
    add(23, 22)
    rel = pd.DataFrame(rows, columns=["source", "target", "volume", "latency", "quality"])
    rel = rel[~rel["source"].isin(["o20", "o21"])]  # dead ends
    rel["layer"] = "case"
    orgs = pd.DataFrame({"id": [f"o{i}" for i in range(n)]})
    return kn.from_pandas(orgs, rel, directed=True), rel


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_expected_lead_time_matches_simulation(seed, deviation):
    net, rel = _random_network(seed)
    walk = Walk(net.ids, rel)
    targets = ["o7", "o15"]
    for source in ["o0", "o11"]:
        r = kn.flow.expected_lead_time(net, source, targets)
        state, status, time, _ = walk.run({source: 1.0}, targets, seed=seed * 100 + int(source[1:]))
        arrived = status == 1
        _close(deviation, arrived.mean(), r.arrival, _share_se(r.arrival, N_WALKERS), "arrival")
        _close(deviation, time[arrived].mean(), r.value, _mean_se(time[arrived]), "expected lead time")
        for oid, share in r.ends.items():
            sim = np.mean((status == 2) & (state == net.ids.index(oid)))
            _close(deviation, sim, share, _share_se(share, N_WALKERS), f"ends at {oid}")
        _close(deviation, np.mean(status == 0), r.trapped, _share_se(r.trapped, N_WALKERS), "trapped")
        assert r.arrival + sum(r.ends.values()) + r.trapped == pytest.approx(1.0, abs=1e-12)
    # the network was built to have all three outcomes somewhere
    assert 0 < r.arrival < 1


def test_expected_lead_time_several_entries_matches_simulation(deviation):
    net, rel = _random_network(4)
    walk = Walk(net.ids, rel)
    start = {"o0": 3.0, "o5": 1.0, "o9": 2.0}
    r = kn.flow.expected_lead_time(net, start, ["o12"])
    state, status, time, _ = walk.run(start, ["o12"], seed=41)
    arrived = status == 1
    _close(deviation, arrived.mean(), r.arrival, _share_se(r.arrival, N_WALKERS), "arrival")
    _close(deviation, time[arrived].mean(), r.value, _mean_se(time[arrived]), "expected lead time")
    # counting hand-offs instead of days
    steps = Walk(net.ids, rel.drop(columns=["latency"]))
    h = kn.flow.expected_lead_time(net, start, ["o12"], weight=None)
    _, status, time, _ = steps.run(start, ["o12"], seed=42)
    _close(deviation, time[status == 1].mean(), h.value, _mean_se(time[status == 1]), "expected hand-offs")


@pytest.mark.parametrize("seed", [5, 6])
def test_expected_fidelity_matches_simulation(seed, deviation):
    net, rel = _random_network(seed)
    walk = Walk(net.ids, rel)
    targets = ["o3", "o17"]
    for source in ["o1", "o9"]:
        f = kn.flow.fidelity(net, source, targets, layers="case")
        _, status, _, prod = walk.run({source: 1.0}, targets, seed=seed * 10 + int(source[1:]))
        arrived = status == 1
        _close(deviation, arrived.mean(), f.arrival, _share_se(f.arrival, N_WALKERS), "arrival")
        _close(deviation, prod[arrived].mean(), f.expected, _mean_se(prod[arrived]), "expected fidelity")
        # every item's route is a walk: the most reliable path is at least as good as any
        assert f.value >= prod[arrived].max() - 1e-12


def _example_with_latencies(seed: int):
    """The case layer of the criminal justice example, with the missing latencies filled
    with seeded random days (a test fixture, not data)."""
    net = kn.examples.load("strafrechtketen")
    rng = np.random.default_rng(seed)
    case = net.relations
    case = case[case["layer"] == "case"][["source", "target", "layer", "volume", "latency"]].copy()
    missing = case["latency"].isna()
    case.loc[missing, "latency"] = rng.uniform(5, 120, missing.sum())
    orgs = net.organisations[["id", "name", "sector"]]
    out = kn.from_pandas(orgs, case, directed={"case": True})
    out.add_chain("strafrechtketen", net.chain("strafrechtketen"))
    return out, case


def test_example_chain_expected_lead_time_matches_simulation(deviation):
    net, rel = _example_with_latencies(7)
    stages = net.chain("strafrechtketen")
    entry, exit_ = list(stages.values())[0], list(stages.values())[-1]
    card = kn.flow.score_chain(net, "strafrechtketen").set_index("indicator")
    value = card.loc["lead time (expected)", "value"]
    arrival = card.loc["arrival share", "value"]
    # the same through expected_lead_time: entries weighted by their out-volume
    r = kn.flow.expected_lead_time(net, entry, exit_)
    assert r.value == pytest.approx(value, rel=1e-12)
    assert r.arrival == pytest.approx(arrival, rel=1e-12)
    out = rel.groupby("source")["volume"].sum()
    start = {e: float(out.get(e, 0.0)) for e in entry}
    walk = Walk(net.ids, rel)
    _, status, time, _ = walk.run({k: v for k, v in start.items() if v > 0}, exit_, seed=77)
    arrived = status == 1
    _close(deviation, arrived.mean(), arrival, _share_se(arrival, N_WALKERS), "arrival (example)")
    _close(deviation, time[arrived].mean(), value, _mean_se(time[arrived]), "expected lead time (example)")
    assert 0 < arrival < 1  # most registered crimes never reach aftercare


@pytest.mark.parametrize("seed", [8, 9])
def test_first_passage_matches_simulation(seed, deviation):
    rng = np.random.default_rng(seed)
    n = 8
    rows = [(f"o{a}", f"o{(a + 1) % n}") for a in range(n)]
    rows += [(f"o{a}", f"o{b}") for a in range(n) for b in range(n)
             if a != b and b != (a + 1) % n and rng.random() < 0.3]
    rel = pd.DataFrame(rows, columns=["source", "target"])
    rel["volume"] = rng.uniform(1, 50, len(rel))
    rel["latency"] = rng.uniform(1, 10, len(rel))
    rel["layer"] = "cases"
    net = kn.from_pandas(pd.DataFrame({"id": [f"o{i}" for i in range(n)]}), rel, directed=True)
    fp = kn.flow.first_passage(net).set_index(["source", "target"])
    ft = kn.flow.first_passage(net, time="latency").set_index(["source", "target"])
    assert np.allclose(fp["arrival"].to_numpy(), 1.0, rtol=0, atol=1e-12)  # a ring: irreducible
    steps = Walk(net.ids, rel.drop(columns=["latency"]))
    days = Walk(net.ids, rel)
    for i, j in [("o0", "o5"), ("o3", "o2"), ("o6", "o1")]:
        _, status, time, _ = steps.run({i: 1.0}, [j], seed=seed + 1, walkers=50_000)
        assert (status == 1).all()
        _close(deviation, time.mean(), fp.loc[(i, j), "time"], _mean_se(time), f"first passage {i}->{j}")
        _, status, time, _ = days.run({i: 1.0}, [j], seed=seed + 2, walkers=50_000)
        _close(deviation, time.mean(), ft.loc[(i, j), "time"], _mean_se(time), f"first passage days {i}->{j}")


def test_first_passage_with_dead_ends_matches_simulation(deviation):
    net, rel = _random_network(10)
    fp = kn.flow.first_passage(net, time="latency").set_index(["source", "target"])
    walk = Walk(net.ids, rel)
    checked = 0
    for i, j in [("o0", "o9"), ("o4", "o18"), ("o13", "o2"), ("o22", "o1")]:
        row = fp.loc[(i, j)]
        state, status, time, _ = walk.run({i: 1.0}, [j], seed=checked + 5, walkers=50_000)
        arrived = status == 1
        _close(deviation, arrived.mean(), row["arrival"], _share_se(row["arrival"], 50_000), f"reach {i}->{j}")
        if row["arrival"] > 0:
            _close(deviation, time[arrived].mean(), row["time"], _mean_se(time[arrived]), f"passage {i}->{j}")
            checked += 1
        else:
            assert row["time"] == np.inf and not arrived.any()
    assert checked >= 3
