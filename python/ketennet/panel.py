"""Panels: one network per unit and period (25 regions over ten years, say).

A :class:`Panel` holds networks keyed by ``(unit, period)``. Organisations are matched by id
across periods and may enter or leave; periods are ordered (numbers, pandas Periods or
Timestamps). What a panel answers:

* :meth:`Panel.scorecard`: every indicator of every network, one tidy table (columns
  ``unit``, ``period`` and those of :func:`ketennet.scorecard`);
* :meth:`Panel.signals`: units that stand out from the other units in a period, and sharp
  changes of a unit from one period to the next (:func:`ketennet.signals`);
* :meth:`Panel.tie_changes` and :meth:`Panel.turnover`: the ties kept, formed and dissolved
  between consecutive periods of each unit, per layer and per organisation (Snijders, van de
  Bunt & Steglich 2010; RSiena reports the same counts and Jaccard index);
* :meth:`Panel.trajectories`: a per-organisation metric over the periods.

Build one from a dict of networks, from long DataFrames (:meth:`Panel.from_frames`) or from
an event log (``kn.eventlog.handover_network(log, period="Y")``).
"""
from __future__ import annotations

import datetime
import html
import numbers
from types import MappingProxyType
from typing import Any, Callable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core, brokerage, centrality, cohesion, flow, resilience
from ._util import Progress, check_missing, core_default, layer_list
from .io import from_pandas
from .network import Network
from .signals import signals as _signals
from .studies import scorecard as _scorecard

__all__ = ["Panel"]

Key = Tuple[str, Any]

#: Modules searched, in this order, for a metric named without its module ("betweenness").
METRIC_MODULES = {"centrality": centrality, "brokerage": brokerage, "cohesion": cohesion,
                  "resilience": resilience, "flow": flow}


def _period_kind(p) -> str:
    """'number', 'Period <freq>' or 'Timestamp': the kind of an orderable period."""
    if isinstance(p, (bool, np.bool_)) or p is None:
        return ""
    if isinstance(p, numbers.Real):
        return "" if isinstance(p, float) and p != p else "number"
    if isinstance(p, pd.Period):
        return f"Period {p.freqstr}"
    if isinstance(p, pd.Timestamp):
        return "" if p is pd.NaT else ("Timestamp" if p.tz is None else f"Timestamp {p.tz}")
    return ""


def _as_period(p):
    """A period as the panel keeps it: datetimes and numpy datetimes as pandas Timestamps,
    numpy numbers as Python numbers."""
    if isinstance(p, (datetime.datetime, np.datetime64)) and not isinstance(p, pd.Timestamp):
        return pd.Timestamp(p)
    if isinstance(p, np.generic) and not isinstance(p, np.bool_):
        return p.item()
    return p


def _order_periods(periods, where: str) -> list:
    kinds = {}
    for p in periods:
        kind = _period_kind(p)
        if not kind:
            raise TypeError(f"{where}: period {p!r} ({type(p).__name__}) is not a number, a "
                            "pandas Period or a Timestamp; periods must be ordered")
        kinds.setdefault(kind, p)
    if len(kinds) > 1:
        shown = "; ".join(f"{p!r} ({k})" for k, p in kinds.items())
        raise TypeError(f"{where}: the periods mix kinds that cannot be ordered: {shown}")
    return sorted(periods)


def _check_unit(unit, where: str) -> str:
    if not isinstance(unit, str) or not unit:
        raise TypeError(f"{where}: a unit must be a non-empty str (a region's name, say), not "
                        f"{unit!r} ({type(unit).__name__})")
    return unit


class Panel:
    """Networks keyed by unit and period: ``Panel({(unit, period): network})``.

    A unit is a name (a region, a chain); a period is a number (a year), a
    :class:`pandas.Period` (all of one frequency) or a :class:`pandas.Timestamp`: the
    periods must be of one kind, so that they are ordered. A unit need not have every
    period. Organisations are matched by id across periods: an organisation may enter (first
    appear in a later period) or leave.

    Parameters
    ----------
    networks : dict of (str, period) to Network
        The networks, each keyed by ``(unit, period)``.

    Raises
    ------
    TypeError
        Not a dict, a key that is not a ``(unit, period)`` pair, a unit that is not a str,
        a value that is not a :class:`ketennet.Network`, or periods of mixed kinds (numbers
        and Periods, say) or of no order; the message names the key.
    ValueError
        No networks.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> panel = kn.Panel({("utrecht", 2023): net, ("utrecht", 2024): net,
    ...                   ("zeeland", 2024): net})
    >>> panel
    Panel(2 units x 2 periods: 3 networks)
    >>> panel.units, panel.periods
    (['utrecht', 'zeeland'], [2023, 2024])
    >>> len(panel), panel["zeeland", 2024] is net
    (3, True)
    >>> [key for key, _ in panel]
    [('utrecht', 2023), ('utrecht', 2024), ('zeeland', 2024)]
    """

    __slots__ = ("_networks", "_units", "_periods")

    def __init__(self, networks: Mapping[Key, Network]) -> None:
        if isinstance(networks, Panel):
            networks = networks.networks
        if not isinstance(networks, Mapping):
            raise TypeError("Panel: expected a dict {(unit, period): Network}, not "
                            f"{type(networks).__name__}")
        if not networks:
            raise ValueError("Panel: no networks given")
        checked = {}
        for key, net in networks.items():
            if not isinstance(key, tuple) or len(key) != 2:
                raise TypeError(f"Panel: key {key!r} is not a (unit, period) pair")
            unit = _check_unit(key[0], f"Panel: key {key!r}")
            if not isinstance(net, Network):
                raise TypeError(f"Panel: networks[{key!r}] is a {type(net).__name__}, not a "
                                "ketennet.Network")
            checked[unit, _as_period(key[1])] = net
        periods = _order_periods(list(dict.fromkeys(p for _, p in checked)), "Panel")
        units = list(dict.fromkeys(u for u, _ in checked))
        rank = {p: i for i, p in enumerate(periods)}
        order = sorted(checked, key=lambda k: (units.index(k[0]), rank[k[1]]))
        self._networks = {k: checked[k] for k in order}
        self._units = units
        self._periods = periods

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_frames(cls, relations: pd.DataFrame, organisations: Optional[pd.DataFrame] = None, *,
                    unit: str = "unit", period: str = "period",
                    directed: Union[bool, Mapping[str, bool]] = True, layer: str = "default",
                    kinds: Optional[Mapping[str, str]] = None) -> "Panel":
        """A panel from long DataFrames: one network per (unit, period) of ``relations``.

        Each network is built by :func:`ketennet.from_pandas` from the rows of its unit and
        period (without the two columns), named ``"<unit> <period>"`` and with metadata
        ``unit`` and ``period``.

        Parameters
        ----------
        relations : DataFrame
            The relations in the shape :func:`ketennet.from_pandas` reads (``source``,
            ``target``, optional ``layer``, fields and attributes), plus the columns ``unit``
            and ``period``.
        organisations : DataFrame, optional
            The organisations (column ``id``, optional ``name``, ``sector``, attributes): shared
            by every network when it has no ``unit`` column, else each unit's own (and, with a
            ``period`` column as well, each network's own). ``None``: the organisations named in
            each network's relations.
        unit, period : str
            The columns naming the unit and the period.
        directed, layer, kinds
            As in :func:`ketennet.from_pandas`.

        Raises
        ------
        KeyError
            A column ``unit`` or ``period`` is missing.
        TypeError, ValueError
            As :class:`Panel` and :func:`ketennet.from_pandas`; errors while building one
            network name its unit and period.

        Examples
        --------
        >>> import pandas as pd, ketennet as kn
        >>> rels = pd.DataFrame({"unit": ["noord", "noord", "noord", "zuid"],
        ...                      "period": [2023, 2024, 2024, 2024],
        ...                      "source": ["politie", "politie", "om", "politie"],
        ...                      "target": ["om", "om", "rechtbank", "om"]})
        >>> panel = kn.Panel.from_frames(rels)
        >>> panel
        Panel(2 units x 2 periods: 3 networks)
        >>> panel["noord", 2024].relations[["source", "target"]]
            source     target
        0  politie         om
        1       om  rechtbank
        """
        where = "Panel.from_frames"
        if not isinstance(relations, pd.DataFrame):
            raise TypeError(f"{where}: relations must be a DataFrame, not {type(relations).__name__}")
        for col in (unit, period):
            if col not in relations.columns:
                raise KeyError(f"{where}: relations lack the column {col!r} (columns: "
                               f"{', '.join(map(str, relations.columns))})")
        if organisations is not None and not isinstance(organisations, pd.DataFrame):
            raise TypeError(f"{where}: organisations must be a DataFrame or None, not "
                            f"{type(organisations).__name__}")
        for col in (unit, period):
            missing = np.flatnonzero(relations[col].isna().to_numpy())
            if len(missing):
                raise ValueError(f"{where}: relations row {missing[0]} has no {col}")
        per_unit = organisations is not None and unit in organisations.columns
        per_net = per_unit and period in organisations.columns
        networks = {}
        for (u, p), rows in relations.groupby([unit, period], sort=False):
            orgs = organisations
            if per_unit:
                mask = organisations[unit] == u
                if per_net:
                    mask &= organisations[period] == p
                orgs = organisations[mask].drop(columns=[c for c in (unit, period)
                                                         if c in organisations.columns])
            try:
                net = from_pandas(orgs, rows.drop(columns=[unit, period]).reset_index(drop=True),
                                  directed=directed, layer=layer, kinds=kinds, name=f"{u} {p}")
            except (KeyError, ValueError, TypeError) as e:
                msg = e.args[0] if e.args else str(e)
                raise type(e)(f"{where}: unit {u!r}, period {p!r}: {msg}") from None
            net.metadata = {"unit": str(u), "period": str(p)}
            networks[_check_unit(u, f"{where}: relations column {unit!r}"), p] = net
        return cls(networks)

    # ------------------------------------------------------------------ access
    @property
    def units(self) -> List[str]:
        """The units, in order of first appearance."""
        return list(self._units)

    @property
    def periods(self) -> List[Any]:
        """The periods, sorted."""
        return list(self._periods)

    @property
    def networks(self) -> Mapping[Key, Network]:
        """The networks as a read-only mapping ``{(unit, period): Network}``, by unit, then
        period."""
        return MappingProxyType(self._networks)

    def __len__(self) -> int:
        return len(self._networks)

    def __iter__(self) -> Iterator[Tuple[Key, Network]]:
        return iter(list(self._networks.items()))

    def __contains__(self, key) -> bool:
        return key in self._networks

    def __getitem__(self, key: Key) -> Network:
        try:
            return self._networks[key]
        except (KeyError, TypeError):
            pass
        if not isinstance(key, tuple) or len(key) != 2:
            raise KeyError(f"Panel: index a panel with (unit, period), not {key!r}")
        unit, period = key
        if unit not in self._units:
            raise KeyError(f"Panel: unknown unit {unit!r} (units: "
                           f"{', '.join(map(repr, self._units[:20]))}"
                           f"{', ...' if len(self._units) > 20 else ''})")
        have = [p for u, p in self._networks if u == unit]
        raise KeyError(f"Panel: unit {unit!r} has no network for period {period!r} (its "
                       f"periods: {', '.join(map(repr, have))})")

    def periods_of(self, unit: str) -> List[Any]:
        """The periods of ``unit``, sorted (``KeyError`` for an unknown unit)."""
        if unit not in self._units:
            raise KeyError(f"Panel: unknown unit {unit!r}")
        return [p for u, p in self._networks if u == unit]

    def _pairs(self) -> Iterator[Tuple[str, Any, Network, Network]]:
        """(unit, period, earlier, later) for consecutive periods of each unit."""
        for unit in self._units:
            periods = self.periods_of(unit)
            for before, after in zip(periods, periods[1:]):
                yield unit, after, self._networks[unit, before], self._networks[unit, after]

    def sizes(self) -> pd.DataFrame:
        """Organisations and relations of each network: columns unit, period,
        organisations, relations."""
        return pd.DataFrame(
            [(u, p, net.number_of_organisations(), net.number_of_relations())
             for (u, p), net in self._networks.items()],
            columns=["unit", "period", "organisations", "relations"])

    def __repr__(self) -> str:
        return (f"Panel({len(self._units)} unit{'s' if len(self._units) != 1 else ''} x "
                f"{len(self._periods)} period{'s' if len(self._periods) != 1 else ''}: "
                f"{len(self)} network{'s' if len(self) != 1 else ''})")

    def _repr_html_(self) -> str:
        """A units x periods table: organisations / relations of each network."""
        cells = {(u, p): f"{net.number_of_organisations()} / {net.number_of_relations()}"
                 for (u, p), net in self._networks.items()}
        head = "".join(f"<th>{html.escape(str(p))}</th>" for p in self._periods)
        rows = []
        for u in self._units:
            tds = "".join(f"<td>{cells.get((u, p), '')}</td>" for p in self._periods)
            rows.append(f"<tr><th>{html.escape(u)}</th>{tds}</tr>")
        return (f"<div><p>{html.escape(repr(self))}; cells: organisations / relations</p>"
                f"<table><thead><tr><th>unit</th>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    # ------------------------------------------------------------------ analyses
    def scorecard(self, *, chains: Optional[Union[str, Sequence[str]]] = None,
                  layers: Optional[Union[str, Sequence[str]]] = None, top: int = 5,
                  threads: Optional[int] = 0, progress: Progress = None,
                  lang: str = "en") -> pd.DataFrame:
        """Every indicator of every network of the panel, as one tidy table whose rows align.

        :func:`ketennet.scorecard` of the panel's networks as one batch (scored in parallel),
        with the columns ``unit`` and ``period`` in place of ``network``.

        Parameters
        ----------
        chains, layers, top
            As in :func:`ketennet.scorecard`.
        threads : int
            Networks scored at once (0 or None: all cores); the table is the same for every
            count.
        progress : None, bool or callable
            Progress over the networks (see docs/api.md).
        lang : {"en", "nl"}
            The language of the displayed columns, as in :func:`ketennet.scorecard`.

        Returns
        -------
        DataFrame
            Columns ``unit`` (the panel's unit), ``period`` and then those of
            :func:`ketennet.report.scorecard`, by unit, then period; the scorecard's column
            ``unit`` (the unit of the value: share, days, ...) is called ``value_unit`` here.

        Examples
        --------
        >>> import ketennet as kn
        >>> panel = kn.examples.synthetic_panel(units=3, periods=2)
        >>> card = panel.scorecard(progress=False)
        >>> card[(card["indicator"] == "density") & (card["scope"] == "network")][
        ...     ["unit", "period", "value", "value_unit"]]
                 unit  period     value value_unit
        25   regio 01    2020  0.207143      share
        120  regio 01    2021  0.154762      share
        215  regio 02    2020  0.204762      share
        310  regio 02    2021  0.204762      share
        405  regio 03    2020  0.204762      share
        500  regio 03    2021  0.209524      share
        """
        keys = list(self._networks)
        names = {f"{i}": key for i, key in enumerate(keys)}
        card = _scorecard({name: self._networks[key] for name, key in names.items()},
                          chains=chains, layers=layers, top=top, threads=threads,
                          progress=progress, lang=lang)
        key = card.pop("network").map(names)
        card = card.rename(columns={"unit": "value_unit"})
        card.insert(0, "period", [k[1] for k in key])
        card.insert(0, "unit", [k[0] for k in key])
        return card

    def signals(self, *, threshold: float = core_default(_core.report.signals, "threshold"),
                change: float = core_default(_core.report.signals, "change"),
                min_peers: int = core_default(_core.report.signals, "min_peers"),
                chains: Optional[Union[str, Sequence[str]]] = None,
                layers: Optional[Union[str, Sequence[str]]] = None, top: int = 5,
                threads: Optional[int] = 0, progress: Progress = None,
                lang: str = "en") -> pd.DataFrame:
        """Units that stand out from the other units in a period, and sharp changes of a unit
        from one period to the next: :func:`ketennet.signals` of :meth:`scorecard`.

        * ``outlier``: within one period, a unit's indicator lies far from the same indicator
          of the other units (robust z-score above ``threshold``);
        * ``change``: a unit's indicator changes by more than ``change`` (a share of the
          earlier value) from one of its periods to the next.

        Parameters
        ----------
        threshold, change, min_peers
            As in :func:`ketennet.signals`.
        chains, layers, top, threads, progress, lang
            As in :meth:`scorecard`.

        Returns
        -------
        DataFrame
            The table of :func:`ketennet.signals` with ``unit`` and ``period`` first; column
            ``signal`` says the kind (``outlier`` or ``change``).

        Examples
        --------
        >>> import ketennet as kn
        >>> panel = kn.examples.synthetic_panel(units=8, periods=3, seed=1)
        >>> sig = panel.signals()
        >>> changed = sig[(sig["signal"] == "change") & (sig["period"] == 2022)]
        >>> changed["unit"].value_counts().index[0]
        'regio 01'
        """
        card = self.scorecard(chains=chains, layers=layers, top=top, threads=threads,
                              progress=progress, lang=lang)
        return _signals(card, "unit", period="period", threshold=threshold, change=change,
                        min_peers=min_peers)

    def tie_changes(self, *, layers: Optional[Union[str, Sequence[str]]] = None) -> pd.DataFrame:
        """The ties kept, formed and dissolved between consecutive periods of each unit, per
        layer.

        For each unit and each of its periods but the first, against the unit's previous
        period (organisations matched by id; a tie is a relation of the layer, whatever its
        values; a directed tie i -> j and j -> i are two ties, an undirected tie counts once):

        * ``kept``: ties in both periods (RSiena's 1 -> 1);
        * ``formed``: ties only in the later period (0 -> 1), every tie to an organisation
          that entered among them;
        * ``dissolved``: ties only in the earlier period (1 -> 0), every tie of an
          organisation that left among them;
        * ``hamming`` = formed + dissolved, the Hamming distance between the two adjacency
          matrices;
        * ``jaccard`` = kept / (kept + formed + dissolved), the Jaccard index of the two tie
          sets (NaN when neither period has a tie in the layer).

        Parameters
        ----------
        layers : str or list of str, optional
            The layers (default: every layer of either network of a pair; a layer one of the
            two networks lacks has no ties there). ``KeyError`` for a layer neither has.

        Returns
        -------
        DataFrame
            Columns unit, period (the later period of the pair), layer, kept, formed,
            dissolved, jaccard, hamming.

        Notes
        -----
        Snijders, T. A. B., van de Bunt, G. G. & Steglich, C. E. G. (2010). Introduction to
        stochastic actor-based models for network dynamics. *Social Networks* 32(1), 44-60:
        the tie changes between consecutive waves and the Jaccard index, which RSiena prints
        when it describes panel data (an index above 0.3 is advised for its models). Counted
        in C++ (``panel::tie_changes``, ``include/ketennet/panel/tie_changes.hpp``).

        Examples
        --------
        >>> import pandas as pd, ketennet as kn
        >>> rels = pd.DataFrame({"unit": "noord", "period": [2023, 2023, 2024, 2024],
        ...                      "source": ["a", "b", "a", "c"], "target": ["b", "c", "b", "a"]})
        >>> kn.Panel.from_frames(rels).tie_changes()
            unit  period    layer  kept  formed  dissolved    jaccard  hamming
        0  noord    2024  default     1       1          1   0.333333        2
        """
        return self._changes(layers, "tie_changes")[0]

    def turnover(self, *, layers: Optional[Union[str, Sequence[str]]] = None) -> pd.DataFrame:
        """The ties kept, formed and dissolved of each organisation between consecutive periods
        of each unit, per layer, and their turnover.

        The counts of :meth:`tie_changes` over the ties an organisation is an end of (its
        in- and out-ties; a self-loop once), for every organisation of either period, and

        ``turnover`` = (formed + dissolved) / (kept + formed + dissolved),

        the share of its ties in the two periods that changed (1 minus its Jaccard index;
        NaN when it has no tie in the layer in either period). An organisation that entered
        has turnover 1 (every tie formed), one that left too (every tie dissolved).

        Parameters
        ----------
        layers : str or list of str, optional
            As in :meth:`tie_changes`.

        Returns
        -------
        DataFrame
            Columns unit, period (the later period of the pair), organisation, layer, kept,
            formed, dissolved, turnover; organisations in the earlier network's order, then
            those that entered.

        Examples
        --------
        >>> import pandas as pd, ketennet as kn
        >>> rels = pd.DataFrame({"unit": "noord", "period": [2023, 2023, 2024, 2024],
        ...                      "source": ["a", "b", "a", "c"], "target": ["b", "c", "b", "a"]})
        >>> kn.Panel.from_frames(rels).turnover()
            unit  period organisation    layer  kept  formed  dissolved  turnover
        0  noord    2024            a  default     1       1          0       0.5
        1  noord    2024            b  default     1       0          1       0.5
        2  noord    2024            c  default     0       1          1       1.0
        """
        return self._changes(layers, "turnover")[1]

    def _changes(self, layers, fn: str) -> Tuple[pd.DataFrame, pd.DataFrame]:
        names = layer_list(layers) or []
        for name in names:
            if not any(net.has_layer(name) for net in self._networks.values()):
                raise KeyError(f"Panel.{fn}: no network of the panel has layer {name!r}")
        for net in self._networks.values():
            held = [n for n in names if net.has_layer(n)]
            if held or not names:
                check_missing(net, held or None, f"Panel.{fn}")
        cols = ["unit", "period", "layer", "kept", "formed", "dissolved"]
        ocols = ["unit", "period", "organisation", "layer", "kept", "formed", "dissolved"]
        ties = {c: [] for c in cols}
        orgs = {c: [] for c in ocols}
        for unit, period, before, after in self._pairs():
            try:
                r = _core.panel.tie_changes(before._core, after._core, names)
            except (KeyError, ValueError) as e:
                msg = e.args[0] if e.args else str(e)
                raise type(e)(f"Panel.{fn}: unit {unit!r}, period {period!r}: {msg}") from None
            for out, part in ((ties, r["layers"]), (orgs, r["organisations"])):
                n = len(part["layer"])
                out["unit"].append([unit] * n)
                out["period"].append([period] * n)
                for c in out:
                    if c not in ("unit", "period"):
                        out[c].append(part[c])
        tie, org = _counts_frame(ties), _counts_frame(orgs)
        with np.errstate(invalid="ignore", divide="ignore"):
            total = (tie["kept"] + tie["formed"] + tie["dissolved"]).to_numpy(dtype=float)
            tie["jaccard"] = tie["kept"].to_numpy(dtype=float) / total
            tie["hamming"] = tie["formed"] + tie["dissolved"]
            ototal = (org["kept"] + org["formed"] + org["dissolved"]).to_numpy(dtype=float)
            org["turnover"] = (org["formed"] + org["dissolved"]).to_numpy(dtype=float) / ototal
        return tie, org

    def trajectories(self, metric: Union[str, Callable[[Network], pd.Series]],
                     **options) -> pd.DataFrame:
        """A per-organisation metric of every network of the panel, as one long table.

        Parameters
        ----------
        metric : str or callable
            A function of ketennet that returns one value per organisation, by name:
            ``"centrality.betweenness"``, or ``"betweenness"`` alone (looked up in
            :mod:`~ketennet.centrality`, :mod:`~ketennet.brokerage`, :mod:`~ketennet.cohesion`,
            :mod:`~ketennet.resilience`, :mod:`~ketennet.flow`, in this order); or a callable
            ``net -> Series`` indexed by organisation.
        **options
            Passed to the metric (``weight="volume"``, ``layers="case"``, ...).

        Returns
        -------
        DataFrame
            Columns unit, period, organisation, metric (its name), value (float): one row per
            organisation of each network, by unit, period and the network's organisation
            order. An organisation absent from a period has no row there.

        Raises
        ------
        TypeError
            ``metric`` is neither a str nor callable, or the metric returned no Series
            (naming the unit and period).
        KeyError
            No metric of that name.

        Examples
        --------
        >>> import ketennet as kn
        >>> panel = kn.examples.synthetic_panel(units=2, periods=2)
        >>> t = panel.trajectories("centrality.degree", layers="case")
        >>> list(t.columns)
        ['unit', 'period', 'organisation', 'metric', 'value']
        >>> t["metric"].unique().tolist()
        ['degree']
        """
        fn, name = _metric(metric)
        frames = []
        for (unit, period), net in self._networks.items():
            values = fn(net, **options)
            if not isinstance(values, pd.Series):
                raise TypeError(f"Panel.trajectories: {name} gave a {type(values).__name__} "
                                f"for unit {unit!r}, period {period!r}; a metric must return a "
                                "Series indexed by organisation")
            frames.append(pd.DataFrame({
                "unit": unit, "period": [period] * len(values),
                "organisation": np.asarray(values.index, dtype=object), "metric": name,
                "value": values.to_numpy(dtype=float)}))
        return pd.concat(frames, ignore_index=True)


def _counts_frame(parts: dict) -> pd.DataFrame:
    """Columns of per-pair parts (lists of arrays) as one table; the counts as int64."""
    counts = ("kept", "formed", "dissolved")
    if not parts["unit"]:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in counts else object) for c in parts})
    return pd.DataFrame({c: np.concatenate(parts[c]) if c in counts
                         else [v for part in parts[c] for v in part] for c in parts})


def _metric(metric) -> Tuple[Callable, str]:
    """The function of a metric and its name."""
    if callable(metric):
        return metric, getattr(metric, "__name__", "metric")
    if not isinstance(metric, str):
        raise TypeError("Panel.trajectories: metric must be a name such as "
                        f"'centrality.betweenness' or a callable, not {type(metric).__name__}")
    if "." in metric:
        module, _, name = metric.partition(".")
        mod = METRIC_MODULES.get(module)
        fn = getattr(mod, name, None) if mod is not None else None
        if fn is None or name not in getattr(mod, "__all__", [name]):
            raise KeyError(f"Panel.trajectories: unknown metric {metric!r} (modules: "
                           f"{', '.join(METRIC_MODULES)})")
        return fn, name
    found = [f"{m}.{metric}" for m, mod in METRIC_MODULES.items()
             if metric in getattr(mod, "__all__", [])]
    if not found:
        raise KeyError(f"Panel.trajectories: no metric {metric!r} in "
                       f"{', '.join(METRIC_MODULES)}; name it as 'module.function' or pass a "
                       "callable")
    module = found[0].partition(".")[0]
    return getattr(METRIC_MODULES[module], metric), metric
