"""kn.signals compares like with like: network-scope rows across networks whatever the
networks are called, layer, chain and organisation rows the same layer, chain or organisation
across networks, and changes per network and indicator across consecutive periods.

The networks are synthetic Zorg- en Veiligheidshuis-like regions from one seeded generator
(:func:`zvh_region`); one region is planted with far fewer relations, one with a slow chain.
"""
from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet.signals import signals

# -- the shared generator ---------------------------------------------------------------

#: (id, name, sector) of a synthetic Zorg- en Veiligheidshuis network.
ORGS = [("zvh", "Zorg- en Veiligheidshuis", "zvh"), ("politie", "Politie", "politie"),
        ("om", "Openbaar Ministerie", "om"), ("gemeente", "Gemeente", "gemeente"),
        ("reclassering", "Reclassering", "reclassering"), ("ggz", "GGZ-instelling", "zorg"),
        ("jeugdzorg", "Gecertificeerde instelling", "jeugdzorg"), ("rvdk", "Raad voor de "
        "Kinderbescherming", "rvdk"), ("slachtofferhulp", "Slachtofferhulp", "slachtofferhulp"),
        ("woningcorporatie", "Woningcorporatie", "wonen"), ("dji", "DJI", "dji")]
#: The chain of a case through the house: stages in order.
STAGES = {"melding": ["politie", "gemeente"], "casusoverleg": ["zvh"],
          "aanpak": ["om", "reclassering", "ggz"], "nazorg": ["woningcorporatie", "dji"]}
REGIONS = ["Groningen", "Twente", "Utrecht", "Haaglanden", "Zeeland", "Limburg-Noord",
           "Flevoland", "Kennemerland"]


def zvh_region(name: str, seed: int, *, information: float = 0.5, collaboration: float = 0.45,
               slow: float = 1.0) -> kn.Network:
    """A synthetic regional Zorg- en Veiligheidshuis network (seeded).

    Every organisation collaborates with the house; besides that each directed information
    tie is present with probability ``information`` and each undirected collaboration tie
    with ``collaboration``. The chain "casus" runs melding -> casusoverleg -> aanpak ->
    nazorg on the case layer, whose latencies (about 10 days a hand-off) are multiplied by
    ``slow``."""
    rng = np.random.default_rng(seed)
    net = kn.Network(name)
    net.add_layer("case", directed=True)
    net.add_layer("information", directed=True)
    net.add_layer("collaboration", directed=False)
    for oid, label, sector in ORGS:
        net.add_organisation(oid, name=label, sector=sector)
    stages = list(STAGES.values())
    for here, there in zip(stages, stages[1:]):
        for s in here:
            for t in there:
                net.add_relation(s, t, "case", volume=float(rng.integers(50, 150)),
                                 latency=slow * float(rng.uniform(8, 12)),
                                 quality=float(rng.uniform(0.85, 0.95)))
    ids = [oid for oid, _, _ in ORGS]
    for s in ids:
        for t in ids:
            if s != t and rng.random() < information:
                net.add_relation(s, t, "information")
    for i, s in enumerate(ids):
        for t in ids[i + 1:]:
            if s == "zvh" or rng.random() < collaboration:
                net.add_relation(s, t, "collaboration")
    net.add_chain("casus", STAGES)
    return net


def zvh_regions(*, sparse: str = "Zeeland", slow: str = "Twente", year: int = 2023,
                seed: int = 0) -> "dict[str, kn.Network]":
    """The eight regions, keyed by region; each network's ``name`` carries the house and the
    year ("ZVH Zeeland 2023"), as networks read from yearly files do. Region ``sparse`` has
    far fewer information and collaboration ties, region ``slow`` a chain three times as
    slow."""
    return {region: zvh_region(f"ZVH {region} {year}", seed + i,
                               information=0.1 if region == sparse else 0.5,
                               collaboration=0.05 if region == sparse else 0.45,
                               slow=3.0 if region == slow else 1.0)
            for i, region in enumerate(REGIONS)}


@pytest.fixture(scope="module")
def card():
    return kn.scorecard(zvh_regions())


def _values(card, indicator, scope, subject=None):
    rows = card[(card["indicator"] == indicator) & (card["scope"] == scope)]
    if subject is not None:
        rows = rows[rows["subject"] == subject]
    return rows.set_index("network")["value"].astype(float)


def _one(sig, **match):
    rows = sig
    for col, value in match.items():
        rows = rows[rows[col] == value]
    assert len(rows) == 1, f"expected one signal {match}, found {len(rows)}:\n{sig}"
    return rows.iloc[0]


# -- network scope: the planted region, whatever the networks are called ----------------

def test_planted_region_stands_out_on_network_indicators(card):
    sig = signals(card)
    relations = _values(card, "relations", "network")
    assert relations["Zeeland"] < 0.5 * relations.drop("Zeeland").min()
    row = _one(sig, network="Zeeland", indicator="relations", scope="network")
    x = relations.to_numpy()
    med = np.median(x)
    z = 0.6745 * (relations["Zeeland"] - med) / np.median(np.abs(x - med))
    assert row["signal"] == "outlier"
    assert row["score"] == pytest.approx(z, rel=1e-12) and row["score"] < -3.5
    assert row["reference"] == pytest.approx(med)
    assert row["peers"] == len(REGIONS)
    assert row["value"] == relations["Zeeland"] and row["unit"] == "relations"
    assert row["subject"] == card.loc[(card["network"] == "Zeeland")
                                      & (card["indicator"] == "relations"), "subject"].item()
    # the planted region is the only one standing out on the size of its network
    net_rows = sig[(sig["scope"] == "network") & sig["indicator"].isin(["relations", "density"])]
    assert set(net_rows["network"]) == {"Zeeland"}
    assert set(net_rows["indicator"]) == {"relations", "density"}


def test_network_rows_compared_whatever_their_subject(card):
    # network rows carry "ZVH <region> 2023"; unnamed ("") or named by region: same signals
    named = signals(card)
    network = card["scope"] == "network"
    unnamed = card.assign(subject=card["subject"].where(~network, ""))
    by_region = card.assign(subject=card["subject"].where(~network, card["network"]))
    cols = ["network", "goal", "indicator", "scope", "signal", "score", "reference"]
    for other in (unnamed, by_region):
        pd.testing.assert_frame_equal(signals(other)[cols], named[cols])

def test_the_float_schema_with_text_and_layers_gives_the_same_signals(card):
    # value float64 (NaN: not computable or text), text in its own column, network rows
    # without a subject, an (empty) layers column: the same comparisons as the mixed column
    numeric = [isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))
               for v in card["value"]]
    new = card.assign(
        value=[float(v) if ok else np.nan for v, ok in zip(card["value"], numeric)],
        text=[str(v) if not ok else "" for v, ok in zip(card["value"], numeric)],
        subject=card["subject"].where(card["scope"] != "network", ""), layers="")
    assert new["value"].dtype == np.float64
    cols = ["network", "goal", "indicator", "scope", "signal", "score", "reference", "peers"]
    pd.testing.assert_frame_equal(signals(new)[cols], signals(card)[cols])
    assert (signals(new)["layers"] == "").all()

# -- layer, chain and organisation scope: the same subject across networks ---------------

def test_layer_rows_compare_the_same_layer(card):
    sig = signals(card)
    density = _values(card, "density", "layer", "information")
    row = _one(sig, network="Zeeland", indicator="density", scope="layer", subject="information")
    med = np.median(density)
    assert row["reference"] == pytest.approx(med)
    assert row["score"] == pytest.approx(
        0.6745 * (density["Zeeland"] - med) / np.median(np.abs(density - med)), rel=1e-12)
    # every layer signal's reference is the median of that layer only
    for r in sig[sig["scope"] == "layer"].itertuples():
        same_layer = _values(card, r.indicator, "layer", r.subject)
        assert r.reference == pytest.approx(np.median(same_layer))


def test_chain_rows_compare_the_same_chain(card):
    sig = signals(card)
    lead = _values(card, "lead time (fastest)", "chain", "casus")
    assert lead.notna().all() and lead["Twente"] > 2 * lead.drop("Twente").max()
    row = _one(sig, network="Twente", indicator="lead time (fastest)", scope="chain")
    assert row["subject"] == "casus" and row["unit"] == "days" and row["value"] == lead["Twente"]
    assert row["reference"] == pytest.approx(lead.median()) and row["score"] > 3.5
    # the slow chain does not make the rest of the slow region stand out
    assert set(sig.loc[sig["network"] == "Twente", "scope"]) == {"chain"}


def test_organisation_rows_compare_the_same_organisation(card):
    sig = signals(card)
    orgs = sig[sig["scope"] == "organisation"]
    assert len(orgs)
    for r in orgs.itertuples():
        peers = _values(card, r.indicator, "organisation", r.subject)
        assert r.peers == len(peers) >= 5
        assert r.reference == pytest.approx(peers.median())
    # in the sparse region every route runs through the house: its betweenness stands out
    bc = _values(card, "broker (betweenness)", "organisation", "zvh")
    row = _one(orgs, network="Zeeland", indicator="broker (betweenness)", subject="zvh")
    assert row["value"] == bc["Zeeland"] == bc.max() and row["score"] > 3.5


def test_an_organisation_in_too_few_networks_is_not_judged():
    card = pd.DataFrame({"network": list("abcdefg"), "goal": "effectiveness",
                         "indicator": "broker (betweenness)", "scope": "organisation",
                         "subject": ["om"] * 6 + ["ggz"],
                         "value": [0.10, 0.12, 0.09, 0.11, 0.10, 0.105, 0.9]})
    assert signals(card).empty  # ggz is in one network; om's six values are close
    card.loc[6, "subject"] = "om"
    assert signals(card)["network"].tolist() == ["g"]


# -- change between periods -------------------------------------------------------------

@pytest.fixture(scope="module")
def periods():
    """2023 and 2024: in 2024 Utrecht loses every information tie."""
    nets_2024 = zvh_regions(year=2024)
    utrecht = nets_2024["Utrecht"]
    for r in utrecht.relations.query("layer == 'information'").itertuples():
        utrecht.remove_relation(r.source, r.target, r.layer)
    return pd.concat([kn.scorecard(zvh_regions(year=2023)).assign(year=2023),
                      kn.scorecard(nets_2024).assign(year=2024)])


def test_change_between_periods_of_named_networks(periods):
    sig = signals(periods, period="year")
    changes = sig[sig["signal"] == "change"]
    rel = periods[(periods["indicator"] == "relations") & (periods["network"] == "Utrecht")]
    old, new = rel.set_index("year")["value"].astype(float).loc[[2023, 2024]]
    row = _one(changes, network="Utrecht", indicator="relations", scope="network")
    assert row["year"] == 2024 and row["value"] == new and row["reference"] == old
    assert row["score"] == pytest.approx(abs(new - old) / old) and row["score"] > 0.5
    assert pd.isna(row["peers"])
    _one(changes, network="Utrecht", indicator="density", scope="layer", subject="information")
    assert set(changes["network"]) == {"Utrecht"}  # the same seeds: nothing else changed
    # outliers are judged within each period: the planted region in both, Utrecht in 2024
    outliers = sig[(sig["signal"] == "outlier") & (sig["indicator"] == "relations")]
    assert sorted(map(tuple, outliers[["network", "year"]].values.tolist())) == [
        ("Utrecht", 2024), ("Zeeland", 2023), ("Zeeland", 2024)]


def _density(values, **columns):
    df = pd.DataFrame({"network": [f"r{i}" for i in range(len(values))], "goal": "effectiveness",
                       "indicator": "density", "scope": "network", "subject": "",
                       "value": values, "unit": "share"})
    return df.assign(**columns)


def test_change_needs_the_previous_period():
    a = _density([0.2, 0.3, 0.4], year=2022)
    b = _density([0.2, 0.3, 0.4], year=2023).iloc[:2]  # r2 has no value in 2023
    c = _density([0.2, 0.3, 0.9], year=2024)
    sig = signals(pd.concat([a, b, c]), period="year")
    assert sig.empty  # 2022 -> 2024 is not a step between consecutive periods
    sig = signals(pd.concat([a, c]), period="year")
    row = _one(sig, network="r2")
    assert (row["year"], row["reference"], row["score"]) == (2024, 0.4, pytest.approx(1.25))


def test_change_from_zero_scores_inf():
    sig = signals(pd.concat([_density([0.0, 0.0], year=1), _density([0.0, 0.1], year=2)]),
                  period="year")
    assert sig[["network", "score"]].values.tolist() == [["r1", math.inf]]


# -- the current scorecard schema: float values with NaN, text, layers -------------------

def test_nan_text_and_layers():
    n = 7
    base = {"network": [f"r{i}" for i in range(n)], "goal": "effectiveness", "scope": "chain",
            "subject": "casus", "text": "", "unit": "days", "direction": "lower"}
    fast = pd.DataFrame({**base, "indicator": "lead time (fastest)", "layers": "case",
                         "value": [10.0, 11, 9, 10, 10.5, 9.5, 40]})
    # the same indicator on other layers: compared among themselves only
    info = pd.DataFrame({**base, "indicator": "lead time (fastest)", "layers": "information",
                         "value": [40.0, 41, 39, 40, 40.5, 39.5, np.nan]})
    mode = pd.DataFrame({**base, "indicator": "governance mode (observed)", "scope": "network",
                         "subject": "", "layers": "", "value": np.nan, "text": "shared",
                         "unit": "mode"})
    sig = signals(pd.concat([fast, info, mode]))
    row = _one(sig, network="r6")
    assert (row["layers"], row["value"], row["reference"]) == ("case", 40.0, 10.0)
    assert list(sig.columns) == ["network", "goal", "indicator", "scope", "subject", "layers",
                                 "value", "unit", "signal", "score", "reference", "peers",
                                 "direction"]


def test_infinite_value_against_finite_peers():
    sig = signals(_density([1.0, 1.2, 0.9, 1.1, 1.0, math.inf]))
    row = _one(sig, network="r5")
    assert row["score"] == math.inf and row["reference"] == pytest.approx(1.05)


def test_yes_no_and_strings_are_not_compared():
    card = _density([True, True, True, True, True, False])
    assert signals(card).empty
    assert signals(_density([0.1] * 5 + ["n/a"])).empty


# -- bad input ----------------------------------------------------------------------------

def test_bad_input():
    card = _density([0.1, 0.2, 0.3, 0.4, 0.5])
    with pytest.raises(TypeError, match="expected a DataFrame"):
        signals(card.to_dict())
    with pytest.raises(KeyError, match="'subject'"):
        signals(card.drop(columns="subject"))
    with pytest.raises(KeyError, match="'year'"):
        signals(card, period="year")
    with pytest.raises(ValueError, match="threshold must be a positive finite number, not 0"):
        signals(card, threshold=0)
    with pytest.raises(TypeError, match="change must be a number, not str"):
        signals(card, change="50%")
    with pytest.raises(ValueError, match="min_peers must be at least 2, not 1"):
        signals(card, min_peers=1)
    with pytest.raises(TypeError, match="min_peers must be an integer, not float"):
        signals(card, min_peers=5.0)
    with pytest.raises(ValueError, match="by and period are both 'network'"):
        signals(card, period="network")


def test_missing_network_or_subject_is_named():
    card = _density([0.1, 0.2, 0.3, 0.4, 0.5])
    card.loc[3, "network"] = None
    with pytest.raises(ValueError, match="row 3 has no value in column 'network'"):
        signals(card)
    card = _density([0.1, 0.2, 0.3, 0.4, 0.5], scope="layer", subject="information")
    card.loc[2, "subject"] = np.nan
    with pytest.raises(ValueError, match=r"row 2 \('density', scope 'layer'\) has no subject"):
        signals(card)


def test_two_values_for_one_key_are_an_error():
    # network-scope rows differ only in subject: they are the same indicator of one network
    card = pd.concat([_density([0.1, 0.2, 0.3, 0.4, 0.5]),
                      _density([0.9], subject="other name")], ignore_index=True)
    with pytest.raises(ValueError, match=r"network 'r0' has 2 rows for indicator 'density' "
                                         r"\(scope 'network', subject ''\) at rows \[0, 5\]"):
        signals(card)


def test_empty_scorecard_gives_the_columns():
    empty = _density([]).assign(year=[])
    sig = signals(empty, period="year")
    assert sig.empty and list(sig.columns) == [
        "network", "year", "goal", "indicator", "scope", "subject", "value", "unit", "signal",
        "score", "reference", "peers"]


def test_periods_that_cannot_be_ordered():
    card = pd.concat([_density([0.1, 0.2], year=2023), _density([0.1, 0.2], year="2024")])
    with pytest.raises(TypeError, match="the periods in column 'year' cannot be sorted"):
        signals(card, period="year")
