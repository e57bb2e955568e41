"""kn.read_matrix, kn.read_survey, kn.read_excel / kn.write_excel and kn.ego: good files, each
kind of bad file (the error's type, and a message naming the file, the row or record and the
column or field), the missing-dyad metadata and the one rule that makes metrics on such layers
warn or refuse, the symmetrize rules on hand-drawn cases, round trips, and ego networks
against networkx.ego_graph."""
from __future__ import annotations

import os
import warnings

import numpy as np
import pandas as pd
import pytest

import ketennet as kn

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (a dependency) is not installed")

IDS = ["politie", "om", "rechtbank"]


def write(path, text: str) -> str:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return str(path)


def workbook(path, sheets: dict) -> str:
    """An .xlsx file with the given sheets, each a list of rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb.save(path)
    return str(path)


def ties(net) -> set:
    return {(s, t) for s, t in zip(net.relations["source"], net.relations["target"])}


def quietly(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kn.MissingDataWarning)
        return fn(*args, **kwargs)


# ------------------------------------------------------------------ read_matrix: good files

# politie -> om -> rechtbank, om -> politie; rechtbank -> politie unknown (blank):
#
#   politie <-> om -> rechtbank      (rechtbank ?-> politie)
MATRIX = "id;politie;om;rechtbank\npolitie;;1;0\nom;1;;1\nrechtbank;;0;\n"


def test_matrix_csv_sniffs_the_delimiter_and_records_blank_cells(tmp_path):
    net = kn.read_matrix(write(tmp_path / "m.csv", MATRIX), layer="info", directed=True)
    assert net.ids == IDS
    assert ties(net) == {("politie", "om"), ("om", "politie"), ("om", "rechtbank")}
    entry = net.metadata["missing_dyads"]["info"]
    assert entry["count"] == 1 and entry["dyads"] == 6
    assert entry["cells"] == [["rechtbank", "politie"]]
    assert entry["source"] == "matrix" and entry["response_rate"] is None


def test_matrix_comma_tab_and_explicit_sep(tmp_path):
    for sep in (",", "\t", "|"):
        net = kn.read_matrix(write(tmp_path / "m.csv", MATRIX.replace(";", sep)), layer="x")
        assert len(net.relations) == 3
    net = kn.read_matrix(write(tmp_path / "m.csv", MATRIX), layer="x", sep=";")
    assert len(net.relations) == 3


def test_matrix_valued_cells_are_the_weight_and_the_diagonal_is_not_read(tmp_path):
    text = "id,a,b\na,7,2.5\nb,0,99\n"  # the diagonal (7, 99) is ignored
    net = kn.read_matrix(write(tmp_path / "m.csv", text), layer="x")
    assert net.relations[["source", "target", "weight"]].values.tolist() == [["a", "b", 2.5]]
    assert "missing_dyads" not in net.metadata


def test_matrix_dataframe_and_excel_give_the_same_network(tmp_path):
    df = pd.DataFrame([[None, 1, 0], [1, None, 1], [None, 0, None]], index=IDS, columns=IDS)
    a = kn.read_matrix(df, layer="info")
    b = kn.read_matrix(write(tmp_path / "m.csv", MATRIX), layer="info")
    rows = [["id"] + IDS] + [[i] + [None if v is None or v != v else v for v in r]
                             for i, r in zip(IDS, df.values.tolist())]
    c = kn.read_matrix(workbook(tmp_path / "m.xlsx", {"Blad1": [["x"]], "M": rows}),
                       layer="info", sheet="M")
    assert a == b == c
    assert a.metadata == b.metadata == c.metadata


def test_matrix_undirected_symmetric_and_kind(tmp_path):
    text = "id,a,b,c\na,0,1,0\nb,1,0,1\nc,0,1,0\n"
    net = kn.read_matrix(write(tmp_path / "m.csv", text), layer="overleg", directed=False,
                         kind="tie")
    assert not net.layers["overleg"].directed and net.layers["overleg"].kind == "tie"
    assert ties(net) == {("a", "b"), ("b", "c")}


# ------------------------------------------------------------------ read_matrix: bad files

@pytest.mark.parametrize("text,exc,words", [
    ("", ValueError, ["m.csv", "empty"]),
    ("   \n\n", ValueError, ["m.csv", "empty"]),
    ("id\n", ValueError, ["m.csv", "no matrix"]),
    # no id column: the values start in the first column
    ("a,b\n0,1\n1,0\n", ValueError, ["m.csv", "row", "column", "'0'"]),
    ("id,a,b\na,0,1\nc,1,0\n", ValueError, ["m.csv", "line 3", "row id 'c'", "column id 'b'"]),
    ("id,a,b\nb,0,1\na,1,0\n", ValueError, ["position 1", "row id 'b'", "column id 'a'"]),
    ("id,a,a\na,0,1\na,1,0\n", ValueError, ["duplicate column id 'a'", "line 1, column 3"]),
    ("id,a,b\na,0,1\na,1,0\n", ValueError, ["duplicate row id 'a'", "line 3, column 1"]),
    ("id,a,b,c\na,0,1,0\nb,1,0,0\n", ValueError, ["2 rows but 3 columns", "'c'"]),
    ("id,a,b\na,0,x\nb,1,0\n", ValueError, ["m.csv", "line 2, column 3", "row 'a'",
                                             "column 'b'", "'x'", "not a number"]),
    ("id;a;b\na;0;1,5\nb;1;0\n", ValueError, ["row 'a'", "column 'b'", "decimal comma"]),
    ("id,a,b\na,0,-1\nb,1,0\n", ValueError, ["row 'a'", "column 'b'", ">= 0"]),
    ("id,a,b\n,0,1\nb,1,0\n", ValueError, ["line 2, column 1", "blank row id"]),
    ("id,a,\na,0,1\nb,1,0\n", ValueError, ["line 1, column 3", "blank column id"]),
])
def test_bad_matrix_file(tmp_path, text, exc, words):
    path = write(tmp_path / "m.csv", text)
    with pytest.raises(exc) as e:
        kn.read_matrix(path, layer="x")
    msg = str(e.value)
    assert msg.startswith("read_matrix: ")
    for w in words:
        assert w in msg, (w, msg)


def test_asymmetric_undirected_matrix_names_the_first_asymmetric_pair(tmp_path):
    text = "id,a,b,c\na,0,1,0\nb,1,0,1\nc,0,2,0\n"
    with pytest.raises(ValueError, match=r"line 3, column 4 \(row 'b', column 'c'\) is 1 but "
                                         r"line 4, column 3 \(row 'c', column 'b'\) is 2"):
        kn.read_matrix(write(tmp_path / "m.csv", text), layer="x", directed=False)
    # blank against a value is asymmetric too
    with pytest.raises(ValueError, match=r"row 'a', column 'b'\) is blank but .* is 1"):
        kn.read_matrix(write(tmp_path / "m.csv", "id,a,b\na,0,\nb,1,0\n"), layer="x",
                       directed=False)


def test_readers_hold_files_to_the_input_limit(tmp_path):
    path = write(tmp_path / "m.csv", MATRIX)
    old = kn.io.limits()
    kn.io.set_limits(max_input_bytes=10)
    try:
        for call in (lambda: kn.read_matrix(path, layer="x"), lambda: kn.read_survey(path),
                     lambda: kn.read_excel(path)):
            with pytest.raises(ValueError, match=r"m.csv: the file has \d+ bytes, more than the "
                                                 r"limit of 10 bytes"):
                call()
    finally:
        kn.io.set_limits(max_input_bytes=old.max_input_bytes)


def test_bad_matrix_arguments_and_sources(tmp_path):
    with pytest.raises(FileNotFoundError, match="read_matrix: no such file"):
        kn.read_matrix(tmp_path / "none.csv", layer="x")
    with pytest.raises(TypeError, match="file path or a pandas DataFrame"):
        kn.read_matrix(42, layer="x")
    with pytest.raises(ValueError, match="symmetrize must be one of"):
        kn.read_matrix(pd.DataFrame(), layer="x", directed=False, symmetrize="both")
    with pytest.raises(ValueError, match="pass directed=False"):
        kn.read_matrix(pd.DataFrame(), layer="x", symmetrize="either")
    path = workbook(tmp_path / "m.xlsx", {"M": [["id", "a"], ["a", 0]]})
    with pytest.raises(KeyError, match=r"m.xlsx has no sheet 'Matrix' \(sheets: 'M'\)"):
        kn.read_matrix(path, layer="x", sheet="Matrix")
    with pytest.raises(ValueError, match="not an Excel workbook"):
        kn.read_matrix(write(tmp_path / "m.csv", MATRIX), layer="x", sheet="M")
    with pytest.raises(ValueError, match="not a readable Excel workbook"):
        kn.read_matrix(write(tmp_path / "bad.xlsx", "not a zip"), layer="x")
    bad = workbook(tmp_path / "b.xlsx", {"M": [["id", "a", "b"], ["a", 0, "ja"], ["b", 1, 0]]})
    with pytest.raises(ValueError, match=r"b.xlsx, sheet 'M', cell C2 \(row 'a', column 'b'\): "
                                         r"'ja' is not a number"):
        kn.read_matrix(bad, layer="x")
    with open(tmp_path / "latin.csv", "wb") as f:
        f.write("id,é\né,0\n".encode("latin-1"))
    with pytest.raises(ValueError, match="not UTF-8"):
        kn.read_matrix(tmp_path / "latin.csv", layer="x")


# ------------------------------------------------------------------ symmetrize rules by hand
#
# Four organisations; a, b, c responded, d did not. Reports (row reports column):
#
#        a  b  c  d           a-b: both report            -> confirmed tie
#   a    .  1  1  1           a-c: a reports, c does not  -> disagreement
#   b    1  .  0  0           a-d: a reports, d missing   -> one report
#   c    0  0  .  0           b-d: b says no, d missing
#   d    ?  ?  ?  .           (d's row unknown)

REPORTS = pd.DataFrame({"respondent": ["a", "a", "a", "b"], "alter": ["b", "c", "d", "a"]})


@pytest.mark.parametrize("rule,expected,missing", [
    ("reciprocated", {("a", "b")}, 3),           # a-d, b-d, c-d missing
    ("respondent", {("a", "b"), ("a", "d")}, 0),  # respondent decides a-d, b-d, c-d
    ("either", {("a", "b"), ("a", "c"), ("a", "d")}, 0),
])
def test_symmetrize_rules(rule, expected, missing):
    net = kn.read_survey(REPORTS, respondents=["a", "b", "c"], symmetrize=rule)
    assert not net.layers["survey"].directed
    assert {tuple(sorted(p)) for p in ties(net)} == expected
    entry = net.metadata["missing_dyads"]["survey"]
    assert entry["count"] == missing and entry["dyads"] == 6
    assert entry["non_respondents"] == ["d"] and entry["response_rate"] == 0.75
    # confirmed: a-b is the only tie both report
    assert entry["confirmed_share"] == pytest.approx(1 / len(expected))


def test_symmetrize_values_min_and_max():
    df = pd.DataFrame({"respondent": ["a", "b"], "alter": ["b", "a"], "contact": [1, 4]})
    low = kn.read_survey(df, value="contact", symmetrize="reciprocated")
    high = kn.read_survey(df, value="contact", symmetrize="either")
    assert low.relations["weight"].tolist() == [1.0]
    assert high.relations["weight"].tolist() == [4.0]


def test_directed_survey_non_respondents_out_dyads_are_missing():
    net = kn.read_survey(REPORTS, respondents=["a", "b", "c"])
    assert net.layers["survey"].directed
    assert ties(net) == {("a", "b"), ("a", "c"), ("a", "d"), ("b", "a")}
    entry = net.metadata["missing_dyads"]["survey"]
    assert entry["count"] == 3 and entry["dyads"] == 12  # d -> a, b, c
    assert entry["confirmed_share"] == pytest.approx(2 / 4)  # a->b and b->a


def test_default_respondents_are_those_with_rows():
    net = kn.read_survey(REPORTS)
    entry = net.metadata["missing_dyads"]["survey"]
    assert entry["respondents"] == 2 and entry["non_respondents"] == ["c", "d"]
    assert entry["count"] == 6


def test_wide_roster_and_name_slots_equal_long():
    long = kn.read_survey(REPORTS, respondents=["a", "b", "c"], symmetrize="either")
    roster = pd.DataFrame({"respondent": ["a", "b", "c"], "p_a": [None, 1, 0],
                           "p_b": [1, None, 0], "p_c": [1, 0, None], "p_d": [1, 0, 0]})
    wide = kn.read_survey(roster, alters="p_", symmetrize="either")
    # a respondent's own column is the diagonal: not read, whatever it holds
    assert kn.read_survey(roster.fillna(1), alters="p_", symmetrize="either") == wide
    slots = pd.DataFrame({"respondent": ["a", "b", "c"], "n1": ["b", "a", None],
                          "n2": ["c", None, None], "n3": ["d", None, None]})
    named = kn.read_survey(slots, alters=["n1", "n2", "n3"], organisations=list("abcd"),
                           symmetrize="either")
    assert long == wide == named
    assert long.metadata == wide.metadata == named.metadata


def test_survey_files_and_roster(tmp_path):
    path = write(tmp_path / "s.csv", "respondent;alter;contact\na;b;2\nb;a;3\n")
    roster = pd.DataFrame({"id": ["a", "b", "c"], "regio": ["Utrecht"] * 3})
    net = kn.read_survey(path, value="contact", organisations=roster, respondents=["a", "b", "c"])
    assert net.ids == ["a", "b", "c"]
    assert net.organisation("c")["attributes"] == {"regio": "Utrecht"}
    assert net.metadata["missing_dyads"]["survey"]["count"] == 0
    xl = workbook(tmp_path / "s.xlsx", {"Antwoorden": [["respondent", "alter", "contact"],
                                                       ["a", "b", 2], ["b", "a", 3]]})
    assert kn.read_survey(xl, value="contact", sheet="Antwoorden", organisations=roster,
                          respondents=["a", "b", "c"]) == net


@pytest.mark.parametrize("text,kwargs,exc,words", [
    ("", {}, ValueError, ["s.csv", "empty"]),
    ("wie,alter\na,b\n", {}, KeyError, ["s.csv", "no respondent column 'respondent'", "'wie'"]),
    ("respondent,partner\na,b\n", {}, KeyError, ["no alter column 'alter'", "'partner'"]),
    ("respondent,alter\na,b\n", {"value": "w"}, KeyError, ["no value column 'w'"]),
    ("respondent,alter\na,b\n,c\n", {}, ValueError,
     ["s.csv, line 3, column 1", "blank respondent"]),
    ("respondent,alter\na,\n", {}, ValueError, ["line 2, column 2 ('alter')", "blank alter"]),
    ("respondent,alter\na,a\n", {}, ValueError, ["line 2", "names itself"]),
    ("respondent,alter\na,b\na,b\n", {}, ValueError, ["line 3", "twice", "first at", "line 2"]),
    ("respondent,alter,w\na,b,veel\n", {"value": "w"}, ValueError,
     ["line 2, column 3 ('w')", "respondent 'a'", "alter 'b'", "'veel'", "not a number"]),
    ("respondent,alter,w\na,b,\n", {"value": "w"}, ValueError, ["line 2, column 3", "blank value"]),
    ("respondent,alter\na,b\n", {"organisations": ["a", "c"]}, KeyError,
     ["line 2", "partner 'b'", "organisations="]),
    ("respondent,alter\na,b\n", {"respondents": ["b"]}, ValueError,
     ["line 2", "respondent 'a'", "not in respondents="]),
    ("respondent,alter\na,b\n", {"directed": False}, ValueError, ["needs symmetrize="]),
    ("respondent,alter\na,b\n", {"directed": True, "symmetrize": "either"}, ValueError,
     ["pass directed=False"]),
    ("respondent,p_b\na,b\n", {"alters": "q_"}, KeyError, ["no column starting with 'q_'"]),
    ("respondent,p_b,p_c\na,1,c\n", {"alters": "p_"}, ValueError, ["mix ids and numbers"]),
    ("respondent,respondent\na,b\n", {}, ValueError, ["line 1, column 2", "duplicate column"]),
])
def test_bad_survey_file(tmp_path, text, kwargs, exc, words):
    path = write(tmp_path / "s.csv", text)
    with pytest.raises(exc) as e:
        kn.read_survey(path, **kwargs)
    msg = str(e.value)
    assert "read_survey: " in msg
    for w in words:
        assert w in msg, (w, msg)


def test_bad_survey_sheet(tmp_path):
    xl = workbook(tmp_path / "s.xlsx", {"Antwoorden": [["respondent", "alter"], ["a", "b"]]})
    with pytest.raises(KeyError, match=r"has no sheet 'Blad1' \(sheets: 'Antwoorden'\)"):
        kn.read_survey(xl, sheet="Blad1")
    xl = workbook(tmp_path / "t.xlsx", {"S": [["respondent", "alter", "w"], ["a", "b", "x"]]})
    with pytest.raises(ValueError, match=r"t.xlsx, sheet 'S', cell C2 \('w'\) \(respondent "
                                         r"'a', alter 'b'\): 'x' is not a number"):
        kn.read_survey(xl, value="w")


# ------------------------------------------------------------------ missing dyads in metrics

@pytest.fixture(scope="module")
def surveyed():
    return kn.read_survey(REPORTS, respondents=["a", "b", "c"], symmetrize="reciprocated")


def test_metrics_on_a_layer_with_missing_dyads_warn(surveyed):
    with pytest.warns(kn.MissingDataWarning) as caught:
        kn.centrality.degree(surveyed)
    msg = str(caught[0].message)
    assert msg.startswith("degree: layer 'survey' has 3 missing dyads of 6 (response rate 0.75)")
    assert caught[0].filename == __file__  # attributed to the caller's line
    for call in (lambda: kn.centrality.betweenness(surveyed),
                 lambda: kn.cohesion.density(surveyed),
                 lambda: kn.brokerage.constraint(surveyed),
                 lambda: kn.resilience.articulation_points(surveyed),
                 lambda: kn.stats.relation(surveyed, layers="survey")):
        with pytest.warns(kn.MissingDataWarning, match="layer 'survey' has 3 missing dyads"):
            call()


def test_complete_layers_do_not_warn(surveyed):
    net = surveyed.copy()
    net.add_layer("formeel", directed=False)
    net.add_relation("a", "b", "formeel")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kn.centrality.degree(net, layers="formeel")
        kn.centrality.degree(kn.examples.load("strafrechtketen"))


def test_methods_assuming_complete_data_refuse(surveyed):
    net = surveyed.copy()
    net.add_layer("formeel", directed=False)
    net.add_relation("a", "b", "formeel")
    calls = [lambda: kn.stats.cug_test(net, "density", reps=10, layers="survey"),
             lambda: kn.stats.bootstrap(net, "density", reps=10, layers="survey"),
             lambda: kn.stats.permutation_test(net, net, "density", reps=10, layers="survey"),
             lambda: kn.stats.netlm("survey", ["formeel"], net, reps=10),
             lambda: kn.stats.netlogit("formeel", ["survey"], net, reps=10),
             lambda: kn.cohesion.qap(net, "survey", "formeel", permutations=10)]
    for call in calls:
        with pytest.raises(kn.MissingDataError, match=r"layer 'survey' has 3 missing dyads of 6 "
                                                      r"\(response rate 0.75\).*complete data"):
            call()
    assert issubclass(kn.MissingDataError, ValueError)


def test_scorecard_rows_on_such_a_layer_say_so(surveyed):
    card = kn.report.scorecard(surveyed)
    on = card["layers"].str.split(", ").map(lambda ls: "survey" in ls)
    assert on.any()
    assert card.loc[on, "note"].str.contains("computed with missing dyads: layer 'survey' has "
                                             "3 missing dyads").all()
    assert not card.loc[~on, "note"].str.contains("missing dyads").any()
    batch = kn.scorecard({"s": surveyed, "t": kn.examples.load("strafrechtketen")})
    assert batch.loc[batch["network"] == "s", "note"].str.contains("missing dyads").any()
    assert not batch.loc[batch["network"] == "t", "note"].str.contains("missing dyads").any()


def test_missing_dyads_survive_json(tmp_path, surveyed):
    path = tmp_path / "s.json"
    kn.write_json(surveyed, path)
    back = kn.read_json(path)
    assert back.metadata == surveyed.metadata
    with pytest.warns(kn.MissingDataWarning):
        kn.centrality.degree(back)


# ------------------------------------------------------------------ Excel workbooks

@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_excel_round_trip(tmp_path, example):
    net = kn.examples.load(example)
    path = tmp_path / "k.xlsx"
    kn.write_excel(net, path)
    back = kn.read_excel(path)
    assert back == net and back.name == net.name and back.metadata == net.metadata
    assert back.chains == net.chains and all(back.chain(c) == net.chain(c) for c in net.chains)
    assert {n: (l.directed, l.kind) for n, l in back.layers.items()} == \
        {n: (l.directed, l.kind) for n, l in net.layers.items()}
    pd.testing.assert_frame_equal(back.organisations, net.organisations)
    pd.testing.assert_frame_equal(back.relations, net.relations)
    sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert sheets == ["Organisaties", "Relaties", "Lagen", "Netwerk"]


def test_excel_round_trip_keeps_missing_dyads(tmp_path, surveyed):
    kn.write_excel(surveyed, tmp_path / "s.xlsx")
    back = kn.read_excel(tmp_path / "s.xlsx")
    assert back == surveyed and back.metadata == surveyed.metadata


def test_excel_minimal_workbook(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {
        "Organisaties": [["id", "name"], ["politie", "Politie"], ["om", "OM"]],
        "Relaties": [["source", "target", "layer", "volume"], ["politie", "om", "case", 120]]})
    net = kn.read_excel(path)
    assert net.ids == ["politie", "om"] and net.layers["case"].directed
    assert net.relations["volume"].tolist() == [120.0]


GOOD_ORGS = [["id", "name"], ["politie", "Politie"], ["om", "OM"]]
GOOD_RELS = [["source", "target", "layer", "volume"], ["politie", "om", "case", 1]]


@pytest.mark.parametrize("sheets,kwargs,exc,words", [
    ({"Organisaties": GOOD_ORGS}, {}, KeyError,
     ["no sheet 'Relaties'", "sheets: 'Organisaties'"]),
    ({"Orgs": GOOD_ORGS, "Relaties": GOOD_RELS}, {}, KeyError, ["no sheet 'Organisaties'"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS}, {"relations": "Relations"}, KeyError,
     ["no sheet 'Relations'"]),
    ({"Organisaties": [["naam"], ["Politie"]], "Relaties": GOOD_RELS}, {}, KeyError,
     ["sheet 'Organisaties' has no column 'id'", "'naam'"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": [["van", "naar"], ["politie", "om"]]}, {},
     KeyError, ["sheet 'Relaties' has no column 'source'", "'van', 'naar'"]),
    ({"Organisaties": [], "Relaties": GOOD_RELS}, {}, ValueError,
     ["sheet 'Organisaties' is empty"]),
    ({"Organisaties": GOOD_ORGS + [["politie", "dubbel"]], "Relaties": GOOD_RELS}, {},
     ValueError, ["sheet 'Organisaties', row 4", "politie"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS + [["politie", "rechtbank", "case", 1]]},
     {}, KeyError, ["sheet 'Relaties', row 3", "rechtbank"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS + [["om", "politie", "case", "veel"]]},
     {}, ValueError, ["sheet 'Relaties', row 3", "column D ('volume')", "veel"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS + [["om", "politie", "case", -4]]},
     {}, ValueError, ["sheet 'Relaties', row 3", "volume"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS + [["om", "politie", None, 1]]},
     {}, ValueError, ["sheet 'Relaties', row 3, column C ('layer')", "blank layer"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS,
      "Lagen": [["layer", "directed"], ["case", "soms"]]}, {}, ValueError,
     ["sheet 'Lagen', row 2, column B ('directed')", "'soms'"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS + [["om", "politie", "info", 1]],
      "Lagen": [["layer", "directed"], ["case", True]]}, {}, ValueError,
     ["sheet 'Relaties', row 3, column C ('layer')", "'info' is not in sheet 'Lagen'"]),
    ({"Organisaties": GOOD_ORGS, "Relaties": GOOD_RELS,
      "Netwerk": [["key", "value"], ["metadata", "{kapot"]]}, {}, ValueError,
     ["sheet 'Netwerk', row 2", "not JSON"]),
    ({"Organisaties": [["id", "id"], ["a", "b"]], "Relaties": GOOD_RELS}, {}, ValueError,
     ["sheet 'Organisaties', cell B1", "duplicate column name 'id'"]),
])
def test_bad_workbook(tmp_path, sheets, kwargs, exc, words):
    path = workbook(tmp_path / "w.xlsx", sheets)
    with pytest.raises(exc) as e:
        kn.read_excel(path, **kwargs)
    msg = str(e.value.args[0])
    assert msg.startswith("read_excel: "), msg
    assert "w.xlsx" in msg, msg
    for w in words:
        assert w in msg, (w, msg)


def test_write_excel_replaces_atomically_and_checks_arguments(tmp_path):
    path = tmp_path / "k.xlsx"
    kn.write_excel(kn.examples.load("strafrechtketen"), path)
    with pytest.raises(TypeError, match="expected a ketennet.Network"):
        kn.write_excel("net", path)
    assert kn.read_excel(path).name == "strafrechtketen"
    assert sorted(os.listdir(tmp_path)) == ["k.xlsx"]


# ------------------------------------------------------------------ ego networks

@pytest.mark.parametrize("radius", [0, 1, 2, 3])
@pytest.mark.parametrize("direction,undirected,reverse", [("both", True, False),
                                                          ("out", False, False),
                                                          ("in", False, True)])
def test_ego_matches_networkx(radius, direction, undirected, reverse):
    nx = pytest.importorskip("networkx")
    net = kn.examples.load("strafrechtketen")
    G = kn.to_networkx(net, layers="case")
    if reverse:
        G = G.reverse()
    for org in ("om", "politie", "gemeente", "cjib"):
        sub = kn.ego(net, org, radius, layers="case", direction=direction)
        want = set(nx.ego_graph(G, org, radius=radius, undirected=undirected).nodes())
        assert set(sub.ids) == want, (org, radius, direction)
        # the induced network on every layer
        rels = net.relations
        kept = rels[rels["source"].isin(want) & rels["target"].isin(want)]
        assert len(sub.relations) == len(kept)
        assert sub.metadata["ego"] == {"organisation": org, "radius": radius,
                                       "layers": ["case"], "direction": direction}


def test_ego_all_layers_and_undirected():
    nx = pytest.importorskip("networkx")
    net = kn.examples.load("vreemdelingenketen")
    G = nx.Graph(kn.to_networkx(net))
    sub = kn.ego(net, "coa", 2)
    assert set(sub.ids) == set(nx.ego_graph(G, "coa", radius=2).nodes())


def test_ego_restricts_missing_dyads(surveyed):
    sub = quietly(kn.ego, surveyed, "b")  # reciprocated: b - a only
    assert sorted(sub.ids) == ["a", "b"]
    entry = sub.metadata["missing_dyads"]["survey"]
    assert entry["count"] == 0 and entry["non_respondents"] == [] and entry["dyads"] == 1
    net = kn.read_survey(REPORTS, respondents=["a", "b", "c"], symmetrize="respondent")
    sub = quietly(kn.ego, net, "a")  # a - b, a - d: no pair of two non-respondents
    entry = sub.metadata["missing_dyads"]["survey"]
    assert sorted(sub.ids) == ["a", "b", "d"] and entry["non_respondents"] == ["d"]
    assert entry["count"] == 0 and entry["response_rate"] == pytest.approx(2 / 3)
    net = kn.read_survey(REPORTS, respondents=["a", "b", "c"])  # directed: d's row missing
    sub = quietly(kn.ego, net, "d", 1)
    entry = sub.metadata["missing_dyads"]["survey"]
    assert sorted(sub.ids) == ["a", "d"] and entry["count"] == 1 and entry["dyads"] == 2
    assert entry["response_rate"] == 0.5


def test_ego_bad_arguments():
    net = kn.examples.load("strafrechtketen")
    with pytest.raises(KeyError, match="ego: unknown ego organisation 'nope'"):
        kn.ego(net, "nope")
    with pytest.raises(TypeError, match="ego: ego must be an organisation id"):
        kn.ego(net, 3)
    with pytest.raises(ValueError, match="radius must be a whole number >= 0"):
        kn.ego(net, "om", -1)
    with pytest.raises(ValueError, match="direction must be"):
        kn.ego(net, "om", direction="up")
    with pytest.raises(KeyError, match="unknown layer 'cases'"):
        kn.ego(net, "om", layers="cases")


# ------------------------------------------------------------------ shipped examples

def test_shipped_examples_are_synthetic_and_load():
    assert all(n.startswith("synthetic_") for n in kn.examples.data_names())
    a, b = kn.examples.survey(), kn.examples.survey("xlsx")
    assert a == b and a.metadata == b.metadata
    entry = a.metadata["missing_dyads"]["contact"]
    assert entry["respondents"] == 9 and len(a) == 12
    m = kn.examples.matrix()
    assert len(m) == 12 and m.metadata["missing_dyads"]["information"]["count"] == 4
    with open(os.path.join(os.path.dirname(kn.examples.data_path("synthetic_zvh_matrix.csv")),
                           "README.md"), encoding="utf-8") as f:
        assert "not real data" in f.read()


# ------------------------------------------------------------------ R sna cross-check

R_CASES = [(n, p, seed) for n, p, seed in ((8, 0.3, 1), (15, 0.2, 2), (30, 0.1, 3), (40, 0.5, 4))]


@pytest.fixture(scope="module")
def sna(tmp_path_factory):
    """One Rscript run for the module: sna::symmetrize (rules "strong" and "weak") and
    sna::ego.extract (neighbourhoods "combined", "out", "in") of random directed 0/1
    matrices, as 0/1 matrices and lists of the organisations kept (1-based)."""
    import shutil
    import subprocess

    if shutil.which("Rscript") is None:
        pytest.skip("Rscript not found: install r-base-core and r-cran-sna (scripts/setup.sh "
                    "does) to run the R sna cross-checks")
    folder = tmp_path_factory.mktemp("sna")
    mats = {}
    for n, p, seed in R_CASES:
        m = (np.random.default_rng(seed).random((n, n)) < p).astype(int)
        np.fill_diagonal(m, 0)
        mats[n] = m
        np.savetxt(folder / f"m{n}.csv", m, fmt="%d", delimiter=",")
    script = folder / "sna.R"
    script.write_text("""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
for (n in strsplit(args[2], ",")[[1]]) {
  m <- as.matrix(read.csv(file.path(args[1], paste0("m", n, ".csv")), header = FALSE))
  v <- as.character(seq_len(nrow(m)))
  dimnames(m) <- list(v, v)  # ego.extract names its rows by them
  for (rule in c("strong", "weak")) {
    write.table(symmetrize(m, rule = rule), file.path(args[1], paste0(rule, n, ".csv")),
                sep = ",", row.names = FALSE, col.names = FALSE)
  }
  for (hood in c("combined", "out", "in")) {
    e <- ego.extract(m, neighborhood = hood)
    kept <- sapply(seq_along(e), function(i) {
      paste(sort(as.integer(rownames(e[[i]]))), collapse = " ")
    })
    writeLines(kept, file.path(args[1], paste0("ego_", hood, n, ".txt")))
  }
}
""")
    subprocess.run(["Rscript", str(script), str(folder), ",".join(str(n) for n, _, _ in R_CASES)],
                   check=True, capture_output=True, text=True, timeout=300)
    return folder, mats


@pytest.mark.parametrize("n", [n for n, _, _ in R_CASES])
def test_symmetrize_matches_sna_on_complete_data(sna, n):
    folder, mats = sna
    m = mats[n]
    ids = [f"o{i}" for i in range(n)]
    df = pd.DataFrame(m, index=ids, columns=ids)
    for rule, ours in (("strong", "reciprocated"), ("strong", "respondent"), ("weak", "either")):
        want = np.loadtxt(folder / f"{rule}{n}.csv", delimiter=",", ndmin=2)
        assert want.shape == (n, n)
        net = kn.read_matrix(df, layer="x", directed=False, symmetrize=ours)
        got = np.zeros((n, n))
        for s, t in ties(net):
            got[ids.index(s), ids.index(t)] = got[ids.index(t), ids.index(s)] = 1
        assert np.array_equal(got, want), (n, rule)
        assert "missing_dyads" not in net.metadata


@pytest.mark.parametrize("n", [n for n, _, _ in R_CASES])
def test_ego_matches_sna_ego_extract(sna, n):
    folder, mats = sna
    ids = [f"o{i}" for i in range(n)]
    net = kn.read_matrix(pd.DataFrame(mats[n], index=ids, columns=ids), layer="x")
    for hood, direction in (("combined", "both"), ("out", "out"), ("in", "in")):
        lines = (folder / f"ego_{hood}{n}.txt").read_text().splitlines()
        for i, line in enumerate(lines):
            want = {f"o{int(k) - 1}" for k in line.split()}
            assert set(kn.ego(net, ids[i], direction=direction).ids) == want, (n, hood, i)


def test_functions_that_read_layers_in_the_core_warn_too(surveyed):
    net = surveyed.copy()
    net.add_chain("keten", {"begin": ["a"], "eind": ["b"]})
    for call in (lambda: kn.cohesion.multiplexity(net),
                 lambda: kn.resilience.vulnerability(net),
                 lambda: kn.resilience.simulate(net, "degree", steps=2, progress=False),
                 lambda: kn.flow.score_chain(net, "keten", layers="survey"),
                 lambda: kn.governance.diagnose(net),
                 lambda: kn.Panel({("u", 2020): net, ("u", 2021): net}).tie_changes()):
        with pytest.warns(kn.MissingDataWarning, match="layer 'survey' has 3 missing dyads"):
            call()


def test_excel_text_is_never_a_formula_and_long_metadata_spans_rows(tmp_path):
    net = kn.Network("=1+1")
    net.add_layer("case")
    net.add_organisation("=HYPERLINK(\"http://x\")", name="=2*3", note="=SUM(A1:A2)")
    net.add_organisation("om")
    net.add_relation("om", "=HYPERLINK(\"http://x\")", "case", remark="=A1")
    net.metadata = {"long": "x" * 100_000, "cells": [["a", "b"]] * 5000}
    path = tmp_path / "f.xlsx"
    kn.write_excel(net, path)
    wb = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
    assert max(len(str(c.value or "")) for ws in wb for row in ws.iter_rows() for c in row) \
        <= 32767
    back = kn.read_excel(path)
    assert back == net and back.name == "=1+1" and back.metadata == net.metadata
    assert back.organisation("=HYPERLINK(\"http://x\")")["name"] == "=2*3"


def test_subnetworks_count_the_missing_dyads_they_hold(surveyed):
    # the respondents only: complete data, no warning and no refusal
    sub = surveyed.induced(["a", "b", "c"])
    entry = sub.metadata["missing_dyads"]["survey"]
    assert entry["count"] == 0 and entry["non_respondents"] == [] and entry["dyads"] == 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kn.centrality.degree(sub)
        kn.stats.cug_test(sub, "density", reps=10, layers="survey", progress=False)
    # a network the non-respondent was removed from counts what is left, stale metadata or not
    net = surveyed.copy()
    net.remove_organisation("d")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kn.centrality.degree(net)
    net = surveyed.copy()
    net.remove_organisation("c")  # a-d, b-d are left
    with pytest.warns(kn.MissingDataWarning, match="has 2 missing dyads of 3"):
        kn.centrality.degree(net)
