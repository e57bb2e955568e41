"""The scorecard a researcher reads: four goals, stable rows, float values with their text,
layers and notes, the same options everywhere, and batches whose rows align."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet.report import COLUMNS, GOALS

KEY = ["goal", "indicator", "scope", "subject"]


def zvh(name: str, n: int = 8, seed: int = 0, sectors: bool = True, chain: bool = True) -> kn.Network:
    """A small Zorg- en Veiligheidshuis-like network: a case chain gemeente -> zvh -> om ->
    reclassering, an information layer and a collaboration (tie) layer among n partners.
    Seeded, so networks of one recipe differ only where the seed says."""
    rng = np.random.default_rng(seed)
    net = kn.Network(name)
    net.add_layer("case", kind="case")
    net.add_layer("information", kind="information")
    net.add_layer("collaboration", directed=False, kind="tie")
    core = ["gemeente", "zvh", "om", "reclassering"]
    others = [f"partner{i}" for i in range(max(0, n - len(core)))]
    for i, oid in enumerate(core + others):
        net.add_organisation(oid, sector=(oid if oid in core else ["zorg", "politie"][i % 2])
                             if sectors else "")
    for a, b in zip(core, core[1:]):
        net.add_relation(a, b, "case", volume=float(rng.integers(50, 200)),
                         latency=float(rng.integers(5, 60)), quality=0.9)
    net.add_relation("reclassering", "zvh", "information", volume=20.0, latency=3.0)
    ids = core + others
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if rng.random() < 0.5:
                net.add_relation(a, b, "collaboration")
    if chain:
        net.add_chain("zorg-en-veiligheid", {"signaal": ["gemeente"], "casus": ["zvh"],
                                             "vervolging": ["om"], "toezicht": ["reclassering"]})
    return net


def keys(card: pd.DataFrame, scopes=("network", "layer", "chain")) -> list:
    rows = card[card["scope"].isin(scopes)]
    return list(map(tuple, rows[KEY].to_numpy().tolist()))


# ----------------------------------------------------------------------------- schema

def test_columns_types_and_four_goals():
    card = kn.report.scorecard(kn.examples.load("strafrechtketen"))
    assert list(card.columns) == COLUMNS
    assert card["value"].dtype == np.float64
    assert [g for g, _, _ in GOALS] == list(dict.fromkeys(card["goal"]))
    assert set(card["goal"]) == {"resilience", "learning", "effectiveness", "citizen"}
    yes_no = card[card["unit"] == "yes/no"]
    assert len(yes_no) and set(yes_no["text"]) <= {"yes", "no", ""}
    assert ((yes_no["value"] == 1.0) == (yes_no["text"] == "yes")).all()
    mode = card.set_index(["indicator", "scope"]).loc[("collaboration governance mode (observed)",
                                                       "network")]
    assert math.isnan(mode["value"]) and mode["text"] in ("shared", "lead organisation", "NAO")
    # NaN rows say why
    missing = card[card["value"].isna() & (card["text"] == "")]
    assert missing["note"].str.len().gt(0).all(), missing[KEY + ["note"]]


def test_citizen_perspective_without_an_event_log():
    net = zvh("a", chain=False)
    citizen = kn.report.scorecard(net).query("goal == 'citizen'")
    assert len(citizen) == 5
    assert citizen["value"].isna().all()
    assert citizen["note"].str.contains("needs an event log: pass log=").all()
    text = kn.report.to_text(net)
    assert "Burgerperspectief (Citizen perspective)" in text
    assert "needs an event log" in text


def test_citizen_perspective_from_the_chain_and_a_log():
    net = zvh("a")
    card = kn.report.scorecard(net).set_index(["goal", "indicator", "scope"])
    passes = card.loc[("citizen", "organisations a case passes", "chain")]
    assert passes["value"] == 4.0 and passes["layers"] == "case"
    assert passes["note"] == "gemeente > zvh > om > reclassering"
    assert card.loc[("citizen", "returns to an earlier stage", "chain"), "value"] == 0.0
    assert card.loc[("citizen", "hand-offs on the typical path", "chain"), "value"] == 3.0
    log = kn.examples.eventlog("running-example")
    j = kn.eventlog.journeys(log)
    card = kn.report.scorecard(net, log=log).set_index(["goal", "indicator"])
    assert card.loc[("citizen", "cases followed"), "value"] == len(j)
    assert card.loc[("citizen", "hand-offs per case (mean)"), "value"] == pytest.approx(
        j["handovers"].mean())
    assert card.loc[("citizen", "lead time per case (median)"), "value"] == pytest.approx(
        j["lead_time"].dt.total_seconds().median() / 86400)


def test_chain_rows_name_their_case_layers_and_collaboration_rows_their_ties():
    card = kn.report.scorecard(kn.examples.load("strafrechtketen"))
    chain = card[card["scope"] == "chain"]
    flow_rows = chain[chain["indicator"].isin(["throughput", "arrival share", "lead time (expected)"])]
    assert set(flow_rows["layers"]) == {"case"}
    collab = card[card["indicator"].str.startswith("collaboration")]
    assert len(collab) >= 6
    assert set(collab["layers"]) == {"collaboration"}


# ----------------------------------------------------------------------------- stable rows

@pytest.mark.parametrize("variant", ["no sector on one organisation", "one organisation",
                                     "no organisations", "no ties", "no tie layer ties"])
def test_the_same_rows_whatever_the_network(variant):
    full = zvh("full")
    other = zvh("other")
    if variant == "no sector on one organisation":
        other.update_organisation("partner1", sector="")
    elif variant == "one organisation":
        other = other.induced(["zvh"])
    elif variant == "no organisations":
        other = other.induced([])
    elif variant == "no ties":
        other = other.select_layers(["case", "information", "collaboration"])
        for r in other.relations.itertuples():
            other.remove_relation(r.source, r.target, r.layer)
    else:
        for r in other.relations[other.relations["layer"] == "collaboration"].itertuples():
            other.remove_relation(r.source, r.target, r.layer)
    a = kn.report.scorecard(full)
    b = kn.report.scorecard(other)  # never raises, however small
    assert keys(a) == keys(b)
    b_missing = b[b["value"].isna() & (b["text"] == "")]
    assert b_missing["note"].str.len().gt(0).all()


def test_batch_rows_align_and_organisations_are_the_union():
    nets = {"a": zvh("a", seed=1), "b": zvh("b", seed=2, n=10), "c": zvh("c", seed=3).induced(["zvh"])}
    nets["a"].update_organisation("partner1", sector="")
    card = kn.scorecard(nets, top=2)
    per = {k: list(map(tuple, g[KEY].to_numpy().tolist())) for k, g in card.groupby("network")}
    assert per["a"] == per["b"] == per["c"]
    brokers = card[card["indicator"] == "broker (betweenness)"]
    subjects = set(brokers["subject"])
    single = {k: set(kn.report.scorecard(n, top=2).query("indicator == 'broker (betweenness)'")["subject"])
              for k, n in nets.items()}
    assert subjects == set().union(*single.values())
    absent = brokers[(brokers["network"] == "c") & (brokers["subject"] != "zvh")]
    assert absent["value"].isna().all()
    assert (absent["note"] == "not an organisation of this network").all()
    table = card.set_index(KEY + ["network"])["value"].unstack("network")
    assert len(table) == len(per["a"])
    # a sector only network b has: NaN rows with a note in the others
    ei = card[(card["indicator"] == "collaboration E-I index") & (card["scope"] == "sector")]
    assert ei.groupby("network").size().nunique() == 1


def test_batch_chain_option():
    nets = {"a": zvh("a"), "b": zvh("b", chain=False)}
    card = kn.scorecard(nets)
    b = card[(card["network"] == "b") & (card["scope"] == "chain")]
    assert len(b) and b["value"].isna().all()
    assert (b["note"] == "the network has no chain 'zorg-en-veiligheid'").all()
    with pytest.raises(KeyError, match="no network has chain 'zorgketen'"):
        kn.scorecard(nets, chains="zorgketen")


def test_compare_has_no_holes_without_a_reason():
    net = kn.examples.load("strafrechtketen")
    after = kn.Scenario(net).remove_organisations("om").apply()
    table = kn.compare(net, after)
    assert table["before"].dtype == np.float64
    holes = table[table["after"].isna() & table["before"].notna()]
    assert holes["note_after"].str.len().gt(0).all(), holes


# ----------------------------------------------------------------------------- options

def test_options_are_the_same_everywhere(tmp_path):
    net = kn.examples.load("strafrechtketen")
    single = kn.report.scorecard(net, layers=["case", "collaboration"], top=1)
    batch = kn.scorecard({"x": net}, layers=["case", "collaboration"], top=1).drop(columns="network")
    pd.testing.assert_frame_equal(single, batch)
    assert set(single.loc[single["scope"] == "layer", "subject"]) == {"case", "collaboration"}
    brokers = single[single["indicator"] == "broker (betweenness)"]
    assert len(brokers) == 1
    with pytest.raises(KeyError, match="scorecard: unknown layer 'cases' \\(layers: case, information"):
        kn.report.scorecard(net, layers="cases")
    with pytest.raises(KeyError, match="unknown chain\\(s\\) 'x'"):
        kn.report.scorecard(net, chains="x")
    with pytest.raises(ValueError, match="top must be a whole number >= 0"):
        kn.report.scorecard(net, top=-1)
    from ketennet.cli import main

    path = tmp_path / "net.json"
    kn.write_json(net, path)
    assert main(["report", str(path), "--layers", "case,collaboration", "--top", "1"]) == 0
    assert main(["report", str(path), "--layers", "cases"]) == 2


def test_text_report_shows_values_and_reasons():
    net = zvh("tiny").induced(["zvh", "om"])
    text = kn.report.to_text(net)
    for title in ("Veerkracht en weerbaarheid", "Lerend vermogen", "Effectieve ketens en netwerken",
                  "Burgerperspectief"):
        assert title in text
    assert "n/a" in text and "needs three organisations" in text
    assert "layers: case, information, collaboration" not in text  # all layers: not repeated


def _wrap_cases():
    rng = np.random.default_rng(7)
    alphabet = list("abcdefgh") + ["é", "-", "-", " ", " ", "  ", "1", ",", ".", "'", "_", "(", ")"]
    fixed = ["hand-offs a citizen's case meets -- on the route most cases follow " * 3,
             "x" * 130, "single-intermediary-pairs-" * 8, "A -> B -> A " * 12,
             "-1 all stay inside; e-mail-adres ketenpartner-overleg " * 4,
             "aa-b-cc-dd " * 15, "---a-- --b " * 20, "wordé-éword " * 12]
    randoms = ["".join(rng.choice(alphabet, size=int(rng.integers(40, 260))).tolist())
               for _ in range(150)]
    return fixed + randoms


def test_text_wraps_notes_as_pythons_textwrap():
    """The compiled text report breaks notes where textwrap.wrap(note, 92) does (hyphenated
    words, dashes, words longer than a line, accented letters)."""
    import textwrap

    net = kn.examples.load("strafrechtketen")
    base = kn.report.scorecard(net)
    row = base[base["indicator"] == "bridges"].copy()
    for note in _wrap_cases():
        row["note"] = note
        lines = kn.report.to_text(net, row).splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("  bridges"))
        expected = ["      " + part for part in textwrap.wrap(note, 92)]
        assert lines[at + 1:at + 1 + len(expected)] == expected, repr(note)
        assert at + 1 + len(expected) == len(lines) or not lines[at + 1 + len(expected)].startswith("      ")


def test_values_are_formatted_as_the_reports_show_them():
    """Shares with three decimals, whole numbers with thousands separators, volumes per period
    of 1,000 or more as whole numbers, else four significant digits (Python's format specs)."""
    from ketennet._report_format import fmt

    rng = np.random.default_rng(3)
    values = [0.0, -0.0, 1.0, 1234.5, 2500.4, 168800.0, 12345.6, 0.12345, -3.5, 1e15, 1e16,
              float("inf"), float("-inf"), float("nan"), 999.95, 0.00012345]
    values += (rng.standard_normal(200) * 10.0 ** rng.integers(-4, 8, size=200)).tolist()
    for unit in ["share", "share of pairs", "days", "cases per year", "cases", "items", "index"]:
        for v in values:
            if math.isnan(v):
                want = "n/a"
            elif unit in ("share", "share of pairs"):
                want = f"{v:.3f}"
            elif v.is_integer() and abs(v) < 1e15:
                want = f"{int(v):,}"
            elif (" per " in unit or unit in ("cases", "items")) and abs(v) >= 1000:
                want = f"{v:,.0f}"
            else:
                want = f"{v:,.4g}"
            assert fmt(v, unit) == want, (v, unit)
