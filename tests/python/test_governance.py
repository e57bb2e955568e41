"""kn.governance.diagnose on hand-checked networks: a star (lead organisation), a network
with a marked NAO, a dense small network (shared governance); unknown inputs; bad input."""
from __future__ import annotations

import pandas as pd
import pytest

import ketennet as kn


def _net(n, edges, directed=False, **attrs):
    net = kn.Network()
    net.add_layer("overleg", directed=directed)
    for i in range(n):
        o = f"o{i}"
        net.add_organisation(o, sector="s", **attrs.get(o, {}))
    for s, t in edges:
        net.add_relation(f"o{s}", f"o{t}", "overleg")
    return net


def star(n=12):
    return _net(n, [(0, i) for i in range(1, n)])


def test_star_is_led_by_its_centre_and_fits_lead_contingencies():
    d = kn.governance.diagnose(star(), trust=0.2, goal_consensus=0.4, competency_need=0.5)
    assert d.observed_mode == "lead organisation"
    assert d.lead_organisation == "o0" and d.nao is None
    assert d.mode == "lead organisation" and d.fits is True
    assert d.centrally_integrated is True
    f = d.findings.set_index("indicator")
    assert f.loc["degree centralization", "value"] == pytest.approx(1.0)
    assert f.loc["trust", "level"] == "low" and f.loc["trust", "agrees"] == True  # noqa: E712
    assert "lead organisation" in d.reasoning and "fits" in d.reasoning


def test_star_with_shared_contingencies_does_not_fit():
    d = kn.governance.diagnose(star(6), trust="high", goal_consensus=0.9, competency_need=0.1)
    assert d.mode == "shared" and d.observed_mode == "lead organisation" and d.fits is False
    assert "does not fit" in d.reasoning
    contingency = d.findings[d.findings["aspect"] == "contingency"]
    assert not contingency["agrees"].any()


def test_marked_nao_tied_to_all_is_an_nao():
    n = 25
    edges = [(0, i) for i in range(1, n)] + [(i, i + 1) for i in range(1, n - 1)]
    net = _net(n, edges, o0={"role": "NAO"})
    d = kn.governance.diagnose(net, trust=0.45, goal_consensus=0.6, competency_need=0.9)
    assert d.observed_mode == "NAO" and d.nao == "o0" and d.lead_organisation is None
    assert d.mode == "NAO" and d.fits is True
    # participants: 25 > 20 is "many" -> NAO
    f = d.findings.set_index("indicator")
    assert f.loc["participants", "level"] == "many"


def test_marked_nao_without_reach_is_not_an_nao():
    net = _net(6, [(1, 2), (2, 3), (3, 4), (4, 5), (5, 1), (0, 1)], o0={"role": "nao"})
    d = kn.governance.diagnose(net)
    assert d.nao is None and d.observed_mode == "shared"
    assert "does not govern" in d.findings.set_index("indicator").loc["NAO", "note"]


def test_dense_small_network_is_shared_and_fits_with_high_trust():
    n = 5
    net = _net(n, [(i, j) for i in range(n) for j in range(i + 1, n)])
    d = kn.governance.diagnose(net, trust=0.8, goal_consensus=0.8, competency_need=0.2)
    assert d.observed_mode == "shared" and d.mode == "shared" and d.fits is True
    assert d.centrally_integrated is False


def test_trust_from_a_layer_density():
    net = star(8)
    net.add_layer("vertrouwen", directed=False)
    for i in range(8):
        for j in range(i + 1, 8):
            net.add_relation(f"o{i}", f"o{j}", "vertrouwen")
    d = kn.governance.diagnose(net, trust="vertrouwen")
    f = d.findings.set_index("indicator")
    assert f.loc["trust", "value"] == pytest.approx(1.0)  # complete trust layer
    assert f.loc["trust", "level"] == "high"
    # the structure is judged without the trust layer: still a star
    assert d.observed_mode == "lead organisation"


def test_unknown_inputs_are_reported_not_guessed():
    d = kn.governance.diagnose(star(12))
    f = d.findings.set_index("indicator")
    for name in ("trust", "goal consensus", "need for network-level competencies"):
        assert pd.isna(f.loc[name, "level"]) and "unknown" in f.loc[name, "note"]
    # only size is known: too little to indicate a mode
    assert d.mode is None and d.fits is None
    assert "too little to indicate a mode" in d.reasoning
    # with two known contingencies that tie (moderate size: lead or NAO; trust moderate: NAO;
    # consensus low: lead) the modes are split
    d2 = kn.governance.diagnose(star(12), trust=0.4, goal_consensus=0.3)
    assert d2.mode is None and "split" in d2.reasoning
    assert "unknown" in d._repr_html_() and "<table" in d._repr_html_()
    assert "observed lead organisation" in str(d)


def test_bad_input():
    with pytest.raises(ValueError, match="at least two organisations"):
        kn.governance.diagnose(_net(1, []))
    with pytest.raises(ValueError, match=r"goal_consensus must lie in \[0, 1\]"):
        kn.governance.diagnose(star(), goal_consensus=1.5)
    with pytest.raises(ValueError, match="competency_need must be a number"):
        kn.governance.diagnose(star(), competency_need="very high")
    with pytest.raises(KeyError, match="trust: no layer 'vertrouwen'"):
        kn.governance.diagnose(star(), trust="vertrouwen")
    with pytest.raises(TypeError):
        kn.governance.diagnose(star(), trust=[0.3])
