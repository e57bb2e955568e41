"""kn.plot.compare, trajectories and tie_changes: what the reader sees (titles, axis labels,
the median and threshold lines where the signals rule puts them, the flagged networks
labelled exactly as kn.signals flags them, sort order, legends and colours), and errors.

The frames are built by hand in the columns of kn.scorecard, a panel's scorecard,
panel.trajectories and panel.tie_changes."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import ketennet as kn  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def card_of(values, *, indicator="density", scope="network", subject=None, unit="share",
            period=None, panel=False):
    """A scorecard in kn.scorecard's columns (``network`` first), or a panel's (``unit``,
    ``period`` first, without the measurement unit): one row per network of ``values``."""
    names = list(values)
    frame = pd.DataFrame({
        "goal": "effectiveness", "indicator": indicator, "scope": scope,
        "subject": names if subject is None else subject,
        "value": [values[n] for n in names], "text": "", "direction": "context",
        "layers": "", "meaning": "", "note": "", "source": ""})
    if panel:
        frame.insert(0, "period", period)
        frame.insert(0, "unit", names)
    else:
        frame.insert(0, "network", names)
        frame.insert(6, "unit", unit)
        if period is not None:
            frame["period"] = period
    return frame


def vertical_lines(ax):
    """{'median': x, 'thresholds': [x, x]} of the vertical lines drawn by compare."""
    out = {"median": [], "thresholds": []}
    for line in ax.lines:
        xs = line.get_xdata()
        if len(xs) == 2 and xs[0] == xs[1]:
            kind = "thresholds" if line.get_linestyle() == "--" else "median"
            out[kind].append(float(xs[0]))
    return out


# eight regions: median 0.30, |deviations| sorted 0, 0, .01, .01, .01, .02, .02, .20 -> MAD .01
REGIONS = {"a": 0.30, "b": 0.31, "c": 0.29, "d": 0.30, "e": 0.32, "f": 0.10, "g": 0.28, "h": 0.31}


def test_compare_median_thresholds_and_flags_follow_the_signals_rule():
    card = card_of(REGIONS)
    ax = kn.plot.compare(card, "density")
    lines = vertical_lines(ax)
    med, mad = 0.30, 0.01
    assert lines["median"] == [pytest.approx(med, abs=1e-15)]
    assert sorted(lines["thresholds"]) == pytest.approx(
        [med - 3.5 * mad / 0.6745, med + 3.5 * mad / 0.6745], rel=1e-12)
    flagged = set(kn.signals(card)["network"])
    assert flagged == {"f"}
    assert [t.get_text() for t in ax.texts] == ["f  z = -13.5"]
    assert to_hex(ax.texts[0].get_color()) == "#d55e00"
    assert [to_hex(t.get_color()) for t in ax.get_yticklabels()] == ["#d55e00"] + ["#000000"] * 7
    # the median line is the reference kn.signals reports
    assert lines["median"][0] == float(kn.signals(card)["reference"].iloc[0])


def test_compare_thresholds_when_the_mad_is_zero():
    # six of nine share 1.0: MAD 0, so signals scales by 1.253314 times the mean |x - median|
    values = dict(zip("abcdefghi", [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 0.5, 9.0]))
    card = card_of(values, indicator="relations", unit="relations")
    ax = kn.plot.compare(card, "relations", threshold=2.0)
    meanad = (1.0 + 0.5 + 8.0) / 9
    assert sorted(vertical_lines(ax)["thresholds"]) == pytest.approx(
        [1.0 - 2.0 * 1.253314 * meanad, 1.0 + 2.0 * 1.253314 * meanad], rel=1e-12)
    flagged = set(kn.signals(card, threshold=2.0)["network"])
    assert flagged == {"i"}
    assert {t.get_text().split()[0] for t in ax.texts} == flagged
    assert ax.get_xlabel() == "relations"  # the unit is not repeated when it is the indicator


def test_compare_labels_what_signals_flags_on_a_scorecard():
    base = kn.examples.load("strafrechtketen")
    nets = {}
    for k, drop in enumerate([0, 1, 2, 1, 0, 2, 30]):
        net = base.copy()
        net.name = f"r{k}"
        rel = net.relations
        for r in rel.iloc[:drop].itertuples():
            net.remove_relation(r.source, r.target, r.layer)
        nets[net.name] = net
    card = kn.scorecard(nets)
    sig = kn.signals(card)
    for indicator in ("relations", "density"):
        ax = kn.plot.compare(card, indicator)
        want = set(sig[(sig["indicator"] == indicator) & (sig["scope"] == "network")]["network"])
        assert want == {"r6"}
        assert {t.get_text().split()[0] for t in ax.texts} == want
        assert ax.get_xlabel().startswith(indicator)


def test_compare_sorted_largest_on_top_and_titled():
    ax = kn.plot.compare(card_of(REGIONS), "density")
    ticks = [t.get_text() for t in ax.get_yticklabels()]  # from the bottom up
    assert ticks == ["f", "g", "c", "a", "d", "b", "h", "e"]
    ys = {}
    for coll in ax.collections:
        for x, y in coll.get_offsets():
            ys[ticks[int(round(y))]] = x
    assert ys == pytest.approx(REGIONS)
    assert ax.get_title() == "density: 8 networks"
    assert ax.get_xlabel() == "density (share)"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["robust z = ±3.5", "median 0.3"]


def test_compare_panel_scorecard_one_period():
    card = pd.concat([card_of(REGIONS, period=2023, panel=True),
                      card_of({**REGIONS, "f": 0.30, "b": 0.90}, period=2024, panel=True)])
    ax = kn.plot.compare(card, "density")  # the latest period
    assert ax.get_title() == "density, period 2024: 8 units"
    assert ax.get_xlabel() == "density"
    assert [t.get_text().split()[0] for t in ax.texts] == ["b"]
    ax = kn.plot.compare(card, "density", period=2023)
    assert [t.get_text().split()[0] for t in ax.texts] == ["f"]
    # what kn.signals flags among the units of each period (column 0: the unit)
    sig = kn.signals(card, by="unit", period="period")
    outliers = sig[sig["signal"] == "outlier"]
    assert list(outliers.iloc[:, 0][outliers["period"] == 2023]) == ["f"]
    assert list(outliers.iloc[:, 0][outliers["period"] == 2024]) == ["b"]
    with pytest.raises(KeyError, match=r"no period 2030 .*periods: 2023, 2024"):
        kn.plot.compare(card, "density", period=2030)
    with pytest.raises(ValueError, match="no 'period' column"):
        kn.plot.compare(card_of(REGIONS), "density", period=2023)


def test_compare_panel_scorecard_names_the_value_unit():
    # a panel's scorecard keeps the value's unit as value_unit (unit names the region)
    card = kn.examples.synthetic_panel(units=4, periods=2).scorecard()
    ax = kn.plot.compare(card, "density")
    assert ax.get_xlabel() == "density (share)"
    assert ax.get_title().startswith("density, period ")


def test_compare_subjects():
    layers = pd.concat([card_of(REGIONS, indicator="layer density", scope="layer", subject="case"),
                        card_of({k: 0.5 for k in REGIONS}, indicator="layer density",
                                scope="layer", subject="it")])
    with pytest.raises(ValueError, match=r"'layer density' has 2 subjects; choose one with "
                                         r"subject= \('case', 'it'\)"):
        kn.plot.compare(layers, "layer density")
    ax = kn.plot.compare(layers, "layer density", subject="case")
    assert ax.get_title() == "layer density — case: 8 networks"
    assert [t.get_text().split()[0] for t in ax.texts] == ["f"]
    ax = kn.plot.compare(layers, "layer density", subject="it")  # all equal: nothing judged
    assert list(ax.texts) == [] and vertical_lines(ax) == {"median": [0.5], "thresholds": []}
    with pytest.raises(KeyError, match=r"no subject 'x' \(subjects: 'case', 'it'\)"):
        kn.plot.compare(layers, "layer density", subject="x")
    with pytest.raises(ValueError, match="'density' is a network indicator"):
        kn.plot.compare(card_of(REGIONS), "density", subject="case")


def test_compare_few_peers_infinite_and_missing_values():
    card = card_of({"a": 1.0, "b": 2.0, "c": 3.0})
    ax = kn.plot.compare(card, "density")  # fewer than min_peers (5): nothing judged
    assert list(ax.texts) == [] and vertical_lines(ax) == {"median": [2.0], "thresholds": []}
    values = {**REGIONS, "f": np.inf, "x": np.nan}
    ax = kn.plot.compare(card_of(values), "density")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0] == "x (not computable)" and ticks[-1] == "f (+inf)"
    assert set(kn.signals(card_of(values))["network"]) == {"f"}
    assert [t.get_text() for t in ax.texts] == ["f  z = inf"]
    assert ax.collections[-1].get_offsets()[0][0] == pytest.approx(ax.get_xlim()[1])


def test_compare_errors():
    card = card_of(REGIONS)
    with pytest.raises(TypeError, match="plot.compare: expected a DataFrame"):
        kn.plot.compare(card.to_dict(), "density")
    with pytest.raises(KeyError, match=r"unknown indicator 'dens' \(indicators: 'density'\)"):
        kn.plot.compare(card, "dens")
    with pytest.raises(KeyError, match="needs a 'network' column"):
        kn.plot.compare(card.drop(columns="network"), "density")
    text = card_of(dict.fromkeys(REGIONS, "network"), indicator="governance mode")
    with pytest.raises(ValueError, match="'governance mode' has no numbers"):
        kn.plot.compare(text, "governance mode")
    text = card_of(dict.fromkeys(REGIONS, np.nan), indicator="governance mode").assign(text="shared")
    with pytest.raises(ValueError, match=r"'governance mode' has no numbers to compare \(values "
                                         r"such as 'shared'\)"):
        kn.plot.compare(text, "governance mode")
    with pytest.raises(ValueError, match="network 'a' has 2 rows for indicator 'density'"):
        kn.plot.compare(pd.concat([card, card.iloc[:1]]), "density")
    with pytest.raises(ValueError, match="threshold must be a positive finite number"):
        kn.plot.compare(card, "density", threshold=0)
    with pytest.raises(ValueError, match="plot.compare: signals: min_peers must be at least 2"):
        kn.plot.compare(card, "density", min_peers=1)


def test_compare_draws_on_the_given_axes():
    fig, ax = plt.subplots()
    assert kn.plot.compare(card_of(REGIONS), "density", ax=ax) is ax


# ----------------------------------------------------------------------------- trajectories
def trajectory_frame(values, *, metric="betweenness", organisation="om", unit=None):
    """panel.trajectories' columns: ``values`` maps a unit (or, with ``unit``, an
    organisation) to its values in periods 2021, 2022, ..."""
    rows = []
    for name, series in values.items():
        for k, v in enumerate(series):
            rows.append({"unit": unit or name, "period": 2021 + k,
                         "organisation": name if unit else organisation, "metric": metric,
                         "value": v})
    return pd.DataFrame(rows)


def test_trajectories_lines_median_and_labels():
    values = {"north": [0.1, 0.2, 0.3], "south": [0.2, 0.2, 0.1], "east": [0.4, np.nan, 0.5]}
    ax = kn.plot.trajectories(trajectory_frame(values))
    assert ax.get_title() == "betweenness of om: one line per unit"
    assert ax.get_xlabel() == "period" and ax.get_ylabel() == "betweenness"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2022", "2023"]
    median = [line for line in ax.lines if line.get_label() == "median"][0]
    assert median.get_linestyle() == "--"
    np.testing.assert_allclose(median.get_ydata(), [0.2, 0.2, 0.3])
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["median", "north", "south", "east"]
    colours = [to_hex(h.get_color()) for h in legend.legend_handles[1:]]
    assert colours == [c.lower() for c in kn.plot.PALETTE[:3]]
    assert [t.get_text() for t in ax.texts] == ["north", "south", "east"]


def test_trajectories_highlight_among_many():
    values = {f"r{k}": [k, k + 1.0] for k in range(12)}
    ax = kn.plot.trajectories(trajectory_frame(values), highlight=["r3"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["median", "r3"]
    assert len(ax.lines) == 13
    ax = kn.plot.trajectories(trajectory_frame(values))  # more than eight: grey, none named
    assert list(ax.texts) == []
    with pytest.raises(KeyError, match=r"unknown unit 'zz' in highlight"):
        kn.plot.trajectories(trajectory_frame(values), highlight="zz")


def test_trajectories_by_organisation_and_from_a_scorecard():
    orgs = trajectory_frame({"om": [1, 2], "politie": [3, 5]}, unit="north")
    ax = kn.plot.trajectories(orgs, by="organisation")
    assert ax.get_title() == "betweenness in north: one line per organisation"
    both = pd.concat([orgs, orgs.assign(unit="south")])
    with pytest.raises(ValueError, match=r"holds 2 units \('north', 'south'\); one line per "
                                         r"organisation needs one unit \(unit=\)"):
        kn.plot.trajectories(both, by="organisation")
    ax = kn.plot.trajectories(both, by="organisation", unit="south")
    assert ax.get_title() == "betweenness in south: one line per organisation"
    with pytest.raises(ValueError, match=r"one line per unit needs one organisation"):
        kn.plot.trajectories(both)
    card = pd.concat([card_of(REGIONS, period=p, panel=True) for p in (2022, 2023)])
    ax = kn.plot.trajectories(card[["unit", "period", "indicator", "value"]])
    assert ax.get_ylabel() == "density" and ax.get_title() == "density: one line per unit"
    with pytest.raises(ValueError, match="2 indicators"):
        kn.plot.trajectories(pd.concat([card, card.assign(indicator="relations")]))
    with pytest.raises(ValueError, match="one line per unit"):
        kn.plot.trajectories(card, by="organisation")


def test_trajectories_errors():
    frame = trajectory_frame({"north": [1, 2]})
    with pytest.raises(TypeError, match="plot.trajectories: expected a DataFrame"):
        kn.plot.trajectories([1, 2])
    with pytest.raises(KeyError, match="expected the columns of panel.trajectories"):
        kn.plot.trajectories(frame.drop(columns="period"))
    with pytest.raises(ValueError, match="by must be 'unit' or 'organisation', not 'x'"):
        kn.plot.trajectories(frame, by="x")
    with pytest.raises(ValueError, match="2 metrics"):
        kn.plot.trajectories(pd.concat([frame, frame.assign(metric="degree")]))
    with pytest.raises(ValueError, match="unit 'north' has several values in period 2021"):
        kn.plot.trajectories(pd.concat([frame, frame.iloc[:1]]))
    with pytest.raises(ValueError, match="'high' of unit 'north', period 2021 is not a number"):
        kn.plot.trajectories(frame.assign(value=["high", 1]))
    with pytest.raises(KeyError, match=r"unknown unit 'x' \(units: 'north'\)"):
        kn.plot.trajectories(frame, unit="x")


# ----------------------------------------------------------------------------- tie changes
def tie_frame(counts, *, unit="north", layer="case", first=2022):
    """panel.tie_changes' columns; ``counts``: (kept, formed, dissolved) per period."""
    rows = []
    for k, (kept, formed, dissolved) in enumerate(counts):
        total = kept + formed + dissolved
        rows.append({"unit": unit, "period": first + k, "layer": layer, "kept": kept,
                     "formed": formed, "dissolved": dissolved,
                     "jaccard": kept / total if total else np.nan, "hamming": formed + dissolved})
    return pd.DataFrame(rows)


def bars(ax):
    """{colour: [(x, bottom, height)]} of the bars."""
    out = {}
    for p in ax.patches:
        out.setdefault(to_hex(p.get_facecolor()), []).append(
            (round(p.get_x() + p.get_width() / 2, 6), p.get_y(), p.get_height()))
    return out


def test_tie_changes_bars_legend_and_colours():
    ax = kn.plot.tie_changes(tie_frame([(10, 2, 1), (11, 0, 3), (8, 4, 0)]))
    c = kn.plot.TIE_COLOURS
    assert c == {"kept": "#8a96a3", "formed": "#009E73", "dissolved": "#D55E00"}
    got = bars(ax)
    assert got[c["kept"].lower()] == [(0, 0, 10), (1, 0, 11), (2, 0, 8)]
    assert got[c["formed"].lower()] == [(0, 10, 2), (1, 11, 0), (2, 8, 4)]  # stacked on kept
    assert got[c["dissolved"].lower()] == [(0, 0, -1), (1, 0, -3), (2, 0, 0)]  # below zero
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["kept", "formed", "dissolved"]
    assert [to_hex(h.get_facecolor()) for h in legend.legend_handles] == \
        [c[k].lower() for k in ("kept", "formed", "dissolved")]
    assert ax.get_title() == "tie changes: north, layer case"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022", "2023", "2024"]
    assert ax.get_ylabel() == "ties (dissolved below zero)"
    assert [t.get_text() for t in ax.texts] == ["J 0.77", "J 0.79", "J 0.67"]


def test_tie_changes_small_multiples_and_choice():
    frame = pd.concat([tie_frame([(5, 1, 1)] * 2), tie_frame([(3, 0, 2)] * 2, unit="south"),
                       tie_frame([(7, 2, 0)] * 2, layer="it")])
    fig = kn.plot.tie_changes(frame)
    shown = [a for a in fig.axes if a.get_visible()]
    assert [a.get_title() for a in shown] == ["north, layer case", "south, layer case",
                                              "north, layer it"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["kept", "formed", "dissolved"]
    assert [a.get_ylabel() for a in shown] == ["ties (dissolved below zero)", "", ""]
    ax = kn.plot.tie_changes(frame, unit="south", layer="case")
    assert bars(ax)["#8a96a3"] == [(0, 0, 3), (1, 0, 3)]
    fig, given = plt.subplots()
    with pytest.raises(ValueError, match="holds 3 units and layers; choose one with unit= and "
                                         "layer= to draw on ax"):
        kn.plot.tie_changes(frame, ax=given)
    assert kn.plot.tie_changes(frame, unit="north", layer="it", ax=given) is given


def test_tie_changes_missing_counts_and_errors():
    frame = tie_frame([(10, 2, 1), (11, 0, 3)])
    gap = frame.astype({"kept": float})
    gap.loc[0, ["kept", "formed", "dissolved"]] = np.nan
    ax = kn.plot.tie_changes(gap)
    assert "n/a" in [t.get_text() for t in ax.texts]
    with pytest.raises(KeyError, match=r"lacks the column\(s\) 'dissolved'"):
        kn.plot.tie_changes(frame.drop(columns="dissolved"))
    with pytest.raises(ValueError, match=r"formed must be a whole number >= 0, not -1 \(row 1: "
                                         r"unit 'north', period 2023, layer 'case'\)"):
        kn.plot.tie_changes(frame.assign(formed=[2, -1]))
    with pytest.raises(ValueError, match="several rows for period 2022"):
        kn.plot.tie_changes(pd.concat([frame, frame.iloc[:1]]))
    with pytest.raises(KeyError, match=r"unknown layer 'x' \(layers: 'case'\)"):
        kn.plot.tie_changes(frame, layer="x")
    with pytest.raises(TypeError, match="plot.tie_changes: expected a DataFrame"):
        kn.plot.tie_changes(None)


def test_examples_run():
    """The examples of the three pictures (defined in ketennet._plot_panel, which the doctests
    of the public modules do not visit)."""
    import doctest

    from ketennet import _plot_panel

    result = doctest.testmod(_plot_panel, optionflags=doctest.NORMALIZE_WHITESPACE, report=True)
    assert result.attempted >= 12 and result.failed == 0


def test_compare_many_networks_names_only_the_flagged():
    values = {f"region {k:02d}": 0.2 + 0.001 * (k % 7) for k in range(50)}
    values["region 13"] = 0.9
    ax = kn.plot.compare(card_of(values), "density")
    assert list(ax.get_yticks()) == [] and ax.get_ylabel() == "50 networks, sorted"
    assert [t.get_text().split("  ")[0] for t in ax.texts] == ["region 13"]
