"""Statistical disclosure control (kn.disclosure): suppression patterns on hand-made tables,
rounding, keyed pseudonyms, free text, networks, and no count below the threshold in any
output of the counting functions, the CLI text or the HTML report."""
from __future__ import annotations

import hashlib
import hmac
import pickle
import re

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import cli
from ketennet.report import KEY

D = kn.disclosure


def _pattern(p) -> dict:
    """{(row, column): reason} of a Protected."""
    return {(r.row, r.column): r.reason for r in p.suppressed.itertuples()}


# ----------------------------------------------------------------------------- primary

def test_primary_suppression_of_one_count_column_and_its_secondary():
    # cases: a 120, b 3, c 48, d 31: b is below 10 (primary); the column's total is
    # derivable, so the smallest other count, d, goes too (secondary)
    t = pd.DataFrame({"cases": [120, 3, 48, 31], "note": ["w", "x", "y", "z"]},
                     index=list("abcd"))
    p = D.protect(t, min_count=10, round_to=None)
    assert _pattern(p) == {("b", "cases"): "primary", ("d", "cases"): "secondary"}
    assert p.data["cases"].dtype == "Int64"
    assert p.data["cases"].isna().tolist() == [False, True, False, True]
    assert p.data["cases"].dropna().tolist() == [120, 48]  # not rounded, never clamped
    assert p.dropped == ("note",) and "note" not in p.data.columns
    assert list(t["cases"]) == [120, 3, 48, 31]  # the input is unchanged


def test_zero_is_kept_and_min_count_is_shown():
    t = pd.DataFrame({"n": [0, 10, 9, 50]})
    p = D.protect(t, min_count=10, round_to=None)
    # 0 counts nobody and stays; 9 goes (primary), then the smallest non-zero other, 10
    assert p.data["n"].iloc[0] == 0 and p.data["n"].iloc[3] == 50
    assert _pattern(p) == {(2, "n"): "primary", (1, "n"): "secondary"}


# ----------------------------------------------------------------------------- secondary

def test_cross_table_with_margins_rows_and_columns():
    #            noord  zuid  All
    # aangifte      40     4   44      4 < 10: primary
    # sepot         25    31   56      its row and column would give it away
    # All           65    35  100
    t = pd.DataFrame({"noord": [40, 25, 65], "zuid": [4, 31, 35], "All": [44, 56, 100]},
                     index=["aangifte", "sepot", "All"])
    p = D.protect(t, min_count=10, round_to=None)
    assert _pattern(p) == {("aangifte", "zuid"): "primary", ("aangifte", "noord"): "secondary",
                           ("sepot", "noord"): "secondary", ("sepot", "zuid"): "secondary"}
    # margins stay; no row or column has exactly one suppressed cell
    hidden = p.data.isna().to_numpy()
    assert all(hidden[i].sum() != 1 for i in range(3))
    assert all(hidden[:, j].sum() != 1 for j in range(3))
    assert p.data.loc["All"].tolist() == [65, 35, 100]


def test_secondary_suppression_iterates():
    #       c1  c2  c3
    # r1     5  20  30     5: primary; row r1 -> 20 (secondary); column c1 -> 40;
    # r2    40  50  60     column c2 then has one (20) -> 50; row r2 has two: done
    # r3    70  80  12
    t = pd.DataFrame({"c1": [5, 40, 70], "c2": [20, 50, 80], "c3": [30, 60, 12]},
                     index=["r1", "r2", "r3"])
    p = D.protect(t, min_count=10, round_to=None)
    assert _pattern(p) == {("r1", "c1"): "primary", ("r1", "c2"): "secondary",
                           ("r2", "c1"): "secondary", ("r2", "c2"): "secondary"}


def test_tidy_table_by_row_and_column_keys():
    # source -> target counts, the tidy form of
    #        x   y   z
    # a      2  15  30        2: primary; row a -> 15; column x -> 11 (b, x);
    # b     11  40   .        row b then has one -> 40; column y has two: done
    t = pd.DataFrame({"source": ["a", "a", "a", "b", "b"], "target": ["x", "y", "z", "x", "y"],
                      "count": [2, 15, 30, 11, 40], "mean_seconds": [1.0, 2.0, 3.0, 4.0, 5.0]})
    p = D.protect(t, min_count=10, round_to=None, by=("source", "target"))
    counts = {k: v for k, v in _pattern(p).items() if k[1] == "count"}
    assert counts == {(0, "count"): "primary", (1, "count"): "secondary",
                      (3, "count"): "secondary", (4, "count"): "secondary"}
    # times of suppressed pairs describe those few cases: suppressed with them
    assert p.data["mean_seconds"].isna().tolist() == [True, True, False, True, True]
    assert {k for k, v in _pattern(p).items() if v == "row"} == {
        (i, "mean_seconds") for i in (0, 1, 3, 4)}
    assert p.data[["source", "target"]].equals(t[["source", "target"]])  # keys kept


# ----------------------------------------------------------------------------- rounding

def test_rounding_to_the_nearest_multiple_halves_up():
    t = pd.DataFrame({"cases": [10, 12, 13, 15, 25, 1000]})
    assert D.protect(t, 10, 5).data["cases"].tolist() == [10, 10, 15, 15, 25, 1000]
    assert D.protect(t, 10, 10).data["cases"].tolist() == [10, 10, 10, 20, 30, 1000]
    assert D.protect(t, 10, None).data["cases"].tolist() == [10, 12, 13, 15, 25, 1000]
    assert D.protect(t, 10, 1).data["cases"].tolist() == [10, 12, 13, 15, 25, 1000]


def test_share_is_recomputed_from_published_counts():
    t = pd.DataFrame({"variant": ["a", "b", "c"], "cases": [52, 33, 15],
                      "share": [0.52, 0.33, 0.15]})
    p = D.protect(t, 10, 5, by="variant")
    assert p.data["cases"].tolist() == [50, 35, 15]
    assert p.data["share"].tolist() == [0.5, 0.35, 0.15]  # published count / published 100


# ----------------------------------------------------------------------------- pseudonyms

def test_pseudonyms_are_keyed_and_deterministic():
    t = pd.DataFrame({"case": ["Z-1", "Z-2", "Z-1"], "days": [3.5, 4.0, 1.0]})
    a = D.protect(t, ids="case", secret="geheim")
    b = D.protect(t.iloc[::-1], ids="case", secret=b"geheim")
    c = D.protect(t, ids="case", secret="ander")
    expected = hmac.new(b"geheim", b"Z-1", hashlib.sha256).hexdigest()[:16]
    assert a.data["case"].iloc[0] == a.data["case"].iloc[2] == expected
    assert b.data["case"].iloc[0] == expected  # same id + secret: same pseudonym anywhere
    assert set(a.data["case"]).isdisjoint(set(c.data["case"]))  # other secret: other ids
    assert a.pseudonymised == ("case",)
    assert len(D.protect(t, ids="case", secret="geheim", id_length=32).data["case"][0]) == 32


def test_secret_is_never_kept():
    secret = "zeer-geheime-sleutel-42"
    t = pd.DataFrame({"cases": [12, 40]}, index=pd.Index(["Z-1", "Z-2"], name="case"))
    p = D.protect(t, ids="index", secret=secret)
    assert p.data.index.name == "case" and "Z-1" not in p.data.index
    blob = pickle.dumps(p)
    assert secret.encode() not in blob and secret not in repr(p) and secret not in str(p.data)
    assert all(secret not in repr(getattr(p, f)) for f in p.__dataclass_fields__)


def test_ids_without_secret_and_bad_input_are_typed_errors():
    t = pd.DataFrame({"case": ["Z-1"], "cases": [12]})
    with pytest.raises(ValueError, match="protect: ids case .*secret="):
        D.protect(t, ids="case")
    with pytest.raises(KeyError, match="counts names column 'nope'"):
        D.protect(t, counts="nope")
    with pytest.raises(TypeError, match="protect: expected a pandas DataFrame or a ketennet.Network, not list"):
        D.protect([1, 2])
    with pytest.raises(ValueError, match="min_count must be a whole number >= 1, not 0"):
        D.protect(t, 0)
    with pytest.raises(TypeError, match="secret must be bytes or str"):
        D.protect(t, ids="case", secret=12)
    with pytest.raises(ValueError, match="counts column 'cases' holds negative values"):
        D.protect(pd.DataFrame({"cases": [12, -1]}))


# ----------------------------------------------------------------------------- networks

def test_network_keeps_ties_suppresses_volumes_and_drops_free_text():
    #  a --20--> b --3--> c      the 3 is suppressed; b's handovers out (3 + 14) would
    #            b --14-> d      reveal it, so the 14 goes too; ties stay
    net = kn.Network("toy")
    net.add_layer("case")
    for o in "abcd":
        net.add_organisation(o, name=o.upper(), sector="s", toelichting="vrije tekst", events=20)
    net.add_relation("a", "b", "case", volume=20.0, latency=2.0, toelichting="notitie")
    net.add_relation("b", "c", "case", volume=3.0, latency=5.0)
    net.add_relation("b", "d", "case", volume=14.0, latency=1.0)
    p = D.protect(net, 10, 5)
    out = p.data
    assert out.number_of_relations() == 3
    assert out.relation("b", "c", "case")["volume"] is None
    assert out.relation("b", "c", "case")["latency"] is None
    assert out.relation("b", "d", "case")["volume"] is None
    assert out.relation("a", "b", "case")["volume"] == 20.0
    assert "toelichting" not in out.relation("a", "b", "case")["attributes"]
    assert "toelichting" not in out.organisation("a")["attributes"]
    assert out.organisation("a")["name"] == "A" and out.organisation("a")["sector"] == "s"
    assert set(p.dropped) == {"toelichting"}
    assert _pattern(p)[(("b", "c", "case"), "volume")] == "primary"
    assert _pattern(p)[(("b", "d", "case"), "volume")] == "secondary"
    assert out.metadata["disclosure"]["min_count"] == 10
    assert net.relation("b", "c", "case")["volume"] == 3.0  # the input is unchanged
    kept = D.protect(net, 10, 5, keep="toelichting").data
    assert kept.organisation("a")["attributes"]["toelichting"] == "vrije tekst"


# ----------------------------------------------------------------------------- functions

@pytest.fixture(scope="module")
def logs():
    return {name: kn.examples.eventlog(name) for name in kn.examples.eventlog_names()}


def _small(values) -> list:
    v = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(dtype=float)
    return [x for x in v if 0 < x < 10]


def _network_counts(net) -> list:
    rel, org = net.relations, net.organisations
    return ([x for c in ("volume", "handovers", "cases") if c in rel for x in rel[c]]
            + [x for c in ("events", "case_starts", "case_ends") if c in org for x in org[c]])


def test_no_count_below_the_threshold_in_any_eventlog_output(logs):
    found_unprotected = 0
    for name, log in logs.items():
        for protect in (None, 10):
            v = kn.eventlog.variants(log, min_count=protect)
            d = kn.eventlog.directly_follows(log, min_count=protect)
            n = kn.eventlog.handover_network(log, min_count=protect)
            panel = kn.eventlog.handover_network(log, period="Y", min_count=protect,
                                                 progress=False)
            counts = (list(v["cases"]) + list(d["count"]) + _network_counts(n)
                      + [x for net in panel.networks.values() for x in _network_counts(net)])
            if protect is None:
                found_unprotected += len(_small(counts))
            else:
                assert _small(counts) == [], name
                assert d.loc[d["count"].isna(), ["mean_seconds", "median_seconds"]].isna().all().all()
    assert found_unprotected > 0  # the scan finds small counts where they are not protected


def test_journeys_refuses_min_count(logs):
    with pytest.raises(ValueError, match="journeys: min_count cannot protect a journeys table"):
        kn.eventlog.journeys(logs["running-example"], min_count=10)


def _count_rows(card):
    unit = card["unit"].astype(str)
    return card[(unit == "cases") | unit.str.startswith("cases ")]


def test_scorecards_protect_counts_of_cases(logs):
    nets = {name: kn.examples.load(name) for name in kn.examples.names()}
    card = kn.scorecard(nets, min_count=10)
    assert _small(_count_rows(card)["value"]) == []
    log = logs["running-example"]
    net = kn.eventlog.handover_network(log)
    plain = kn.report.scorecard(net, log=log)
    assert _small(_count_rows(plain)["value"]) == [6.0]  # six cases followed
    safe = kn.report.scorecard(net, log=log, min_count=10)
    assert _small(_count_rows(safe)["value"]) == []
    per_case = safe[safe["indicator"].isin(["lead time per case (median)", "cases with ping-pong"])]
    assert per_case["value"].isna().all()
    assert (per_case["note"] == "suppressed: computed from fewer than 10 cases").all()


@pytest.fixture(scope="module")
def receipt_file(tmp_path_factory, logs):
    """A handover network of the receipt log with a chain: many small and large counts."""
    net = kn.eventlog.handover_network(logs["receipt"])
    net.add_chain("werk", {"ontvangst": ["Resource01"], "controle": ["Resource19"],
                           "afhandeling": ["Resource10"], "admin": ["admin1"]})
    path = tmp_path_factory.mktemp("disclosure") / "receipt.json"
    kn.write_json(net, path)
    return path


def _html_counts(html: str) -> list:
    """The numbers of the HTML report that are counts: the values of scorecard rows in
    cases, and the count columns of the per-stage tables (not attrition)."""
    out = []
    for row in re.findall(r"<tr><td>(.*?)</tr>", html, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", "<td>" + row, flags=re.S)
        if cells and cells[0] in ("throughput", "cases followed"):
            out.append(re.sub(r"<.*", "", cells[2], flags=re.S))
    for table in re.findall(r"Doorstroom per schakel.*?</table>", html, flags=re.S):
        for row in re.findall(r"<tr><td>.*?</tr>", table, flags=re.S):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
            out.extend(cells[1:-1])  # the stage name and attrition left out
    return _small([c.replace(",", "") for c in out])


def _text_counts(text: str) -> list:
    return _small(re.findall(r"(?m)^\s*(?:throughput|cases followed)\b.*?\s(\d[\d,]*)\b", text))


@pytest.mark.parametrize("source", ["receipt", "strafrechtketen"])
def test_cli_and_html_report_show_no_small_count(source, receipt_file, tmp_path, capsys):
    args = [str(receipt_file)] if source == "receipt" else ["--example", source]
    html = tmp_path / "r.html"
    assert cli.main(["report", *args, "--html", str(html)]) == 0
    plain, page = capsys.readouterr().out, html.read_text(encoding="utf-8")
    assert D.TEXT["unprotected"] in plain and D.TEXT["unprotected"] in page
    if source == "receipt":
        assert _html_counts(page)  # unprotected: small counts are there to find
    assert cli.main(["report", *args, "--html", str(html), "--min-count", "10"]) == 0
    safe, page = capsys.readouterr().out, html.read_text(encoding="utf-8")
    assert D.notice(10) in safe and D.notice(10) in page
    assert D.TEXT["unprotected"] not in safe + page
    assert _html_counts(page) == [] and _text_counts(safe) == []


def test_cli_min_count_must_be_a_whole_number(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["report", "--example", "strafrechtketen", "--min-count", "0"])
    assert e.value.code == 2
    assert "--min-count: expected a whole number >= 1, got '0'" in capsys.readouterr().err


def test_protected_report_scores_the_network_as_given():
    """The report of a protected network keeps the indicators that need every volume
    (throughput): the scorecard is computed on the network as given and its counts of cases
    protected; only the network the report shows (sizes, stage tables, figures) is protected.
    Here one case relation counts 7 cases, so the protected network does not know its volume."""
    net = kn.examples.load("strafrechtketen").copy()
    net.update_relation("dji", "zvh", "case", volume=7)
    assert kn.disclosure.protect(net, 10).suppressed["reason"].eq("primary").any()
    plain = kn.report.scorecard(net).set_index(KEY)["value"]
    safe = kn.report.scorecard(net, min_count=10).set_index(KEY)["value"]
    row = ("effectiveness", "throughput", "chain", "strafrechtketen")
    assert plain[row] == 45507.0 and safe[row] == 45505.0  # rounded to a multiple of 5
    line = re.search(r"(?m)^  throughput\b.*$", kn.report.to_text(net, min_count=10)).group(0)
    assert "45,505" in line and "n/a" not in line
