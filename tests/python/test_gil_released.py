"""Long kernels run with the GIL released: another Python thread makes progress while
``kn.flow.feedback`` and ``kn.flow.score_chain`` run (as while every kernel run through the
bindings' ``call_released``).

A counter thread notes the time of each of its steps. While a call holds the GIL, no step
can happen, apart from the few milliseconds around entering and leaving it (the thread
switch interval is set to 1 ms). So a step well inside the call (``MARGIN`` after it starts
and before it ends) shows the GIL was released.

The network: a ring of N organisations o0 -> o1 -> ... -> o(N-1) -> o0 with a chord
o(i) -> o(i + 7) and a feedback tie o(i) -> o(i - 3), in one directed case layer with volume,
latency, quality and capacity; a chain of four stages of N/4 consecutive organisations.
"""
from __future__ import annotations

import sys
import threading
import time

import pandas as pd
import pytest

import ketennet as kn
from ketennet import _core

N = 60_000
MARGIN = 0.02  # seconds


@pytest.fixture(scope="module")
def ring():
    ids = [f"o{i}" for i in range(N)]
    src, tgt = [], []
    for i in range(N):
        for step in (1, 7, -3):
            src.append(ids[i])
            tgt.append(ids[(i + step) % N])
    k = len(src)
    relations = pd.DataFrame({"source": src, "target": tgt, "layer": "case",
                              "volume": [1.0 + i % 5 for i in range(k)],
                              "latency": [1.0 + i % 3 for i in range(k)],
                              "quality": [0.99] * k, "capacity": [10.0] * k})
    net = kn.from_pandas(pd.DataFrame({"id": ids}), relations, kinds={"case": "case"})
    quarter = N // 4
    stages = [(f"s{j}", ids[j * quarter:(j + 1) * quarter]) for j in range(4)]
    net.add_chain("ring", dict(stages))
    return net, stages


def steps_inside(call) -> tuple:
    """(steps of a counter thread well inside ``call()``, the call's duration)."""
    stamps = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            stamps.append(time.perf_counter())

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    counter = threading.Thread(target=count)
    try:
        counter.start()
        time.sleep(0.01)
        t0 = time.perf_counter()
        call()
        t1 = time.perf_counter()
    finally:
        stop.set()
        counter.join()
        sys.setswitchinterval(interval)
    return sum(t0 + MARGIN < s < t1 - MARGIN for s in stamps), t1 - t0


def test_feedback_releases_the_gil(ring):
    net, stages = ring
    resolved = _core.flow.resolve_chain(net._core, "ring", stages)
    view = net._core.view(["case"], None, "sum")
    inside, seconds = steps_inside(lambda: _core.flow.feedback(view, resolved))
    assert seconds > 4 * MARGIN, f"the call took {seconds:.3f} s: too short to tell"
    assert inside > 0


def test_score_chain_releases_the_gil(ring):
    net, stages = ring
    inside, seconds = steps_inside(
        lambda: _core.flow.score_chain(net._core, "ring", stages, ["case"]))
    assert seconds > 4 * MARGIN, f"the call took {seconds:.3f} s: too short to tell"
    assert inside > 0


def test_a_call_that_holds_the_gil_is_told_apart():
    """The check itself: a C loop that holds the GIL (``sum`` over a ``range``: no bytecode
    runs, so no thread switch) lets no step through; one that releases it
    (``time.sleep``) does."""
    inside, seconds = steps_inside(lambda: sum(range(20_000_000)))
    assert seconds > 4 * MARGIN, f"the call took {seconds:.3f} s: too short to tell"
    assert inside == 0
    inside, seconds = steps_inside(lambda: time.sleep(0.2))
    assert inside > 0
