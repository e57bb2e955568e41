"""Dutch output (``lang="nl"``): one translation table (the compiled core's), English the
default. Every displayed text of the scorecard of every shipped example, with and without an
event log, has a Dutch phrase (a missing translation fails here, it does not fall back
silently); the keys stay English; the text and HTML reports, the command line and the plots
that show scorecard labels are Dutch; an unknown language is a ValueError listing the
languages."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import _language

GOALS_NL = ["Veerkracht en weerbaarheid", "Lerend vermogen", "Effectieve ketens en netwerken",
            "Burgerperspectief"]
GOALS_EN = ["Resilience", "Learning capacity", "Effective chains and networks",
            "Citizen perspective"]
#: English words of the scorecard's vocabulary that no Dutch text may contain.
ENGLISH = re.compile(r"\b(share|organisations?|network|layers?|cases?|ties|higher|lower|"
                     r"needs|computable|the|and|with|when|between|stage)\b")  # "of" is Dutch too


def _cards():
    """(name, English scorecard) of every shipped example, alone and with each shipped event
    log, and of a batch."""
    out = []
    for name in kn.examples.names():
        net = kn.examples.load(name)
        out.append((name, kn.report.scorecard(net)))
        for log_name in kn.examples.eventlog_names():
            out.append((f"{name}+{log_name}",
                        kn.report.scorecard(net, log=kn.examples.eventlog(log_name))))
    out.append(("batch", kn.scorecard({n: kn.examples.load(n) for n in kn.examples.names()},
                                      progress=False)))
    return out


@pytest.fixture(scope="module")
def cards():
    return _cards()


@pytest.fixture(scope="module")
def chain():
    return kn.examples.load("strafrechtketen")


def test_every_shown_text_of_every_example_has_a_dutch_phrase(cards):
    for name, card in cards:
        assert kn.report.untranslated(card, lang="nl") == [], name
        assert kn.report.untranslated(card, lang="en") == [], name


def _names() -> list:
    """The names the examples' texts quote (organisations, ids, sectors, layers, chains,
    stages), longest first: data, not words of the table."""
    names = set()
    for n in kn.examples.names():
        net = kn.examples.load(n)
        names |= set(net.layers) | set(net.chains)
        orgs = net.organisations
        for col in ("id", "name", "sector"):
            names |= {str(v) for v in orgs[col].dropna()}
        for c in net.chains:
            names |= set(net.chain(c))
    return sorted((x for x in names if x), key=len, reverse=True)


def test_a_dutch_scorecard_has_no_english_in_its_translated_columns(cards):
    names = _names()
    for name, card in cards:
        nl = kn.report.translate(card, lang="nl")
        for col in kn.report.TRANSLATED_COLUMNS:
            for text in pd.unique(nl[col]):
                words = re.sub(r"'[^']*'", "", text)
                for n in names:
                    words = re.sub(r"(?<!\w)" + re.escape(n) + r"(?!\w)", "", words)
                assert not ENGLISH.search(words), (name, col, text)


def test_dutch_table_row_by_row_against_the_phrases(chain):
    card = kn.report.scorecard(chain)
    nl = kn.report.scorecard(chain, lang="nl")
    phrases = {en: nl for en, nl, _ in kn._core.report.phrases("nl")}
    for col in kn.report.TRANSLATED_COLUMNS:
        for en, text in zip(card[col], nl[col]):
            if en in phrases:  # a phrase without placeholders: exactly its translation
                assert text == phrases[en], (col, en)


def test_keys_values_and_order_stay_in_every_language(chain):
    en = kn.report.scorecard(chain)
    nl = kn.report.scorecard(chain, lang="nl")
    assert list(nl.columns) == list(en.columns)
    for col in ("goal", "scope", "subject", "layers", "source"):
        assert nl[col].tolist() == en[col].tolist(), col
    np.testing.assert_array_equal(nl["value"].to_numpy(), en["value"].to_numpy())
    assert nl["value"].dtype == np.float64
    # a comparison across languages by key: the goal keys filter the same rows
    assert (nl["goal"] == "learning").sum() == (en["goal"] == "learning").sum()
    row = nl[(nl["goal"] == "effectiveness") & (nl["scope"] == "network")
             & (en["indicator"] == "density")].iloc[0]
    assert (row["indicator"], row["unit"], row["direction"]) == ("dichtheid", "aandeel", "context")
    assert set(nl["direction"]) <= {"hoger", "lager", "context"}
    assert set(nl["text"]) <= {"", "ja", "nee", "gedeeld", "onbepaald", "leidende organisatie",
                               "netwerkorganisatie (NAO)"}


def test_batch_scorecard_and_signals_in_dutch(chain):
    nets = {"a": chain, "b": kn.examples.load("vreemdelingenketen")}
    en = kn.scorecard(nets, progress=False)
    nl = kn.scorecard(nets, progress=False, lang="nl")
    assert nl["network"].tolist() == en["network"].tolist()
    assert nl["goal"].tolist() == en["goal"].tolist()
    assert "wederkerigheid" in set(nl["indicator"])
    card = pd.DataFrame({"network": list("abcdef"), "goal": "effectiveness",
                         "indicator": "density", "scope": "network", "subject": list("abcdef"),
                         "value": [0.30, 0.31, 0.29, 0.30, 0.32, 0.10], "unit": "share",
                         "direction": "context",
                         "meaning": "share of possible ties present (layers merged): integration"})
    sig = kn.signals(card, lang="nl")
    assert sig["indicator"].tolist() == ["dichtheid"]
    assert sig["unit"].tolist() == ["aandeel"]
    assert sig["signal"].tolist() == ["outlier"]  # a key
    assert sig["meaning"].iloc[0].startswith("aandeel van de mogelijke relaties")


def test_text_report_in_dutch(chain):
    text = kn.report.to_text(chain, lang="nl")
    assert text.startswith("ketennet-rapport: strafrechtketen\n")
    lines = text.splitlines()
    for goal in GOALS_NL:
        assert goal in lines
    for goal in GOALS_EN:
        assert f"({goal})" not in text
    assert "(hoger is beter)" in text and "(lager is beter)" in text
    assert "is better" not in text and "n/a" not in text
    assert "Doorstroom per schakel: strafrechtketen" in text
    assert "instroom" in text and "verlaat de keten" in text
    assert re.search(r"dichtheid\s+0,\d{3}\b", text)  # a decimal comma
    # the units, directions and texts of a Dutch card read back to the English ones
    en, nl = kn.report.scorecard(chain), kn.report.scorecard(chain, lang="nl")
    back = _language.english_keys(nl)
    for col in ("unit", "direction", "text"):
        assert back[col].tolist() == en[col].tolist(), col
    # the card may be English or already Dutch: the same text
    assert kn.report.to_text(chain, kn.report.scorecard(chain, lang="nl"), lang="nl") == text
    assert kn.report.to_text(chain, kn.report.scorecard(chain), lang="nl") == text
    # English is unchanged by the table
    assert kn.report.to_text(chain) == kn._core.report.to_text(
        chain._core, kn.report.scorecard(chain)[kn.report.COLUMNS].to_dict("records"))


def test_html_report_in_dutch(chain):
    page = kn.report.to_html(chain, lang="nl")
    for goal in GOALS_NL:
        assert f"<h2>{goal}</h2>" in page
    for word in ("Indicator", "Onderwerp", "Waarde", "Betekenis", "Bron"):
        assert f"<th>{word}</th>" in page
    assert "<h1>ketennet-rapport: strafrechtketen</h1>" in page
    assert "hoger is beter" in page and "higher is better" not in page
    assert "<h2>Figuren</h2>" in page and "<h2>Robuustheid bij uitval</h2>" in page
    assert "Het netwerk (kleur en symbool" in page
    assert "Doorstroom per schakel: strafrechtketen" in page
    assert "Gemaakt op" in page and "Generated" not in page
    assert "(Resilience)" not in page


def test_cli_lang_nl(tmp_path, capsys):
    from ketennet import cli

    out = tmp_path / "rapport.html"
    assert cli.main(["report", "--example", "strafrechtketen", "--lang", "nl", "--html", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("ketennet-rapport: strafrechtketen")
    assert "Lerend vermogen\n" in printed
    assert f"HTML-rapport geschreven naar {out}" in printed
    assert "<h2>Burgerperspectief</h2>" in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        cli.main(["report", "--example", "strafrechtketen", "--lang", "de"])
    assert e.value.code == 2
    assert "invalid choice: 'de' (choose from 'en', 'nl')" in capsys.readouterr().err


@pytest.mark.parametrize("call", [
    lambda net: kn.report.scorecard(net, lang="fr"),
    lambda net: kn.scorecard(net, lang="fr", progress=False),
    lambda net: kn.report.to_text(net, lang="fr"),
    lambda net: kn.report.to_html(net, lang="fr"),
    lambda net: kn.report.report_text("goal.learning", lang="fr"),
    lambda net: kn.plot.funnel(net, "strafrechtketen", lang="fr"),
])
def test_unknown_language_is_a_value_error_listing_the_languages(chain, call):
    with pytest.raises(ValueError, match=r"unknown language lang='fr' \(languages: 'en', 'nl'\)"):
        call(chain)


def test_report_texts_by_key():
    keys = kn._core.report.report_text_keys()
    assert len(keys) == len(set(keys))
    for key in keys:
        en, nl = kn.report.report_text(key), kn.report.report_text(key, lang="nl")
        assert nl, key
    assert kn.report.report_text("scope.organisation", lang="nl") == "organisatie"
    assert kn.report.report_text("heading.report", lang="nl", name="x") == "ketennet-rapport: x"
    with pytest.raises(KeyError, match="unknown key 'no.such'"):
        kn.report.report_text("no.such")


def test_plot_labels_in_dutch(chain):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = kn.plot.funnel(chain, "strafrechtketen", lang="nl")
    assert ax.get_ylabel() == "stuks per periode"
    assert ax.get_title() == "strafrechtketen: volumes per schakel"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "instroom" in legend and "stroomt door" in legend
    assert kn.plot.funnel(chain, "strafrechtketen").get_ylabel() == "items per period"
    plt.close("all")

    card = kn.scorecard({f"r{i}": chain for i in range(4)}, progress=False)
    ax = kn.plot.compare(card, "density", lang="nl")
    assert ax.get_xlabel() == "dichtheid (aandeel)"
    assert ax.get_title() == "dichtheid: 4 netwerken"
    ax = kn.plot.compare(kn.report.translate(card, lang="nl"), "dichtheid", lang="nl")
    assert ax.get_xlabel() == "dichtheid (aandeel)"
    ax = kn.plot.compare(card, "density")
    assert ax.get_xlabel() == "density (share)"
    plt.close("all")


def test_panel_scorecard_and_signals_in_dutch():
    panel = kn.examples.synthetic_panel(units=3, periods=2)
    en = panel.scorecard(progress=False)
    nl = panel.scorecard(progress=False, lang="nl")
    assert nl["goal"].tolist() == en["goal"].tolist()
    assert nl["unit"].tolist() == en["unit"].tolist()  # the panel's units, not translated
    assert "aandeel" in set(nl["value_unit"]) and "share" not in set(nl["value_unit"])
    assert "dichtheid" in set(nl["indicator"])
    sig = panel.signals(progress=False, lang="nl")
    assert len(sig) and set(sig["indicator"]) <= set(nl["indicator"])


def test_trajectories_labels_in_dutch():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    card = kn.examples.synthetic_panel(units=3, periods=2).scorecard(progress=False)
    rows = card[(card["indicator"] == "density") & (card["scope"] == "network")]
    ax = kn.plot.trajectories(rows, lang="nl")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("periode", "dichtheid")
    assert ax.get_title() == "dichtheid: één lijn per eenheid"
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "mediaan"
    en = kn.plot.trajectories(rows)
    assert (en.get_xlabel(), en.get_ylabel(), en.get_title()) == (
        "period", "density", "density: one line per unit")
    plt.close("all")


def test_whole_phrases_read_back_unambiguously():
    """Two English texts never share a Dutch translation, so a Dutch card's units,
    directions and texts read back to the English the reports compute with."""
    seen = {}
    for en, nl, exact in kn._core.report.phrases("nl"):
        if "{" not in en and not exact:
            assert seen.setdefault(nl, en) == en, (nl, en, seen[nl])


def test_every_phrase_fills_plain_placeholders():
    """A translation fills placeholders of its English only (it may leave one out, as the
    goal heading drops the English name), plainly: "{what}", never "{what:t}" (the ":t" mark
    belongs to the English side)."""
    for english, translation, _ in kn._core.report.phrases("nl"):
        names = set(re.findall(r"\{(\w+)(?::t)?\}", english))
        assert ":t}" not in translation, (english, translation)
        assert set(re.findall(r"\{(\w+)\}", translation)) <= names, (english, translation)


def test_html_names_its_language(chain):
    assert '<html lang="en">' in kn.report.to_html(chain, figures=False)
    assert '<html lang="nl">' in kn.report.to_html(chain, figures=False, lang="nl")


def test_missing_dyads_and_protection_in_dutch(chain):
    card = kn.report.scorecard(kn.examples.survey())  # its notes name the missing dyads
    assert kn.report.untranslated(card, lang="nl") == []
    notes = [n for n in kn.report.translate(card, lang="nl")["note"] if "dyaden" in n]
    assert notes and all("{" not in n for n in notes)
    assert ("berekend met ontbrekende dyaden: laag 'contact' heeft 3 ontbrekende dyaden van 66 "
            "(respons 0.75); ontbrekende relaties tellen als afwezig") in notes
    safe = kn.report.scorecard(chain, min_count=10)
    assert kn.report.untranslated(safe, lang="nl") == []
    assert kn.disclosure.notice(None, lang="nl").startswith("Onbeveiligde uitvoer: ")
    assert kn.disclosure.notice(10, lang="nl") == (
        "Beveiligd voor publicatie: aantallen van 1 tot en met 9 zijn onderdrukt (getoond als "
        "n.b.), en verdere aantallen ook waar een totaal ze zou onthullen; de overige aantallen "
        "zijn afgerond op een veelvoud van 5.")
    page = kn.report.to_html(chain, figures=False, lang="nl", min_count=10)
    assert "<b>Statistische beveiliging:</b> Beveiligd voor publicatie" in page


def test_cli_states_protection_in_dutch(capsys):
    from ketennet import cli

    assert cli.main(["report", "--example", "strafrechtketen", "--lang", "nl"]) == 0
    assert kn.disclosure.notice(None, lang="nl") in capsys.readouterr().out
    assert cli.main(["report", "--example", "strafrechtketen", "--lang", "nl",
                     "--min-count", "10"]) == 0
    out = capsys.readouterr().out
    assert kn.disclosure.notice(10, lang="nl") in out
    assert "Onbeveiligde" not in out and "Unprotected" not in out
