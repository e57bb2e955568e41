"""The network model: organisations, layers, relations and chains."""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments, renamed_function
from ._util import (DEFAULT_COMBINE, MISSING_KEY, Layers, check_choice, layer_list,
                    make_index, restrict_missing)

FIELDS = ("volume", "latency", "quality", "capacity")

#: What moves on a layer: cases (dossiers, persons), information (messages, data, reports), or
#: nothing (a tie: an agreement, collaboration, co-location). See :class:`Layer`.
LAYER_KINDS = ("case", "information", "tie")

#: Lengths of period a network's volumes may count (``metadata["per"]``).
PERIOD_LENGTHS = ("year", "quarter", "month", "week", "day")


class Layer(NamedTuple):
    """A layer of a network: its name, whether it is directed, and its kind.

    ``kind`` says what moves on the layer:

    * ``"case"``: cases, dossiers or persons pass from one organisation to the next; volumes
      count them per period. Chain indicators (lead time, expected lead time, throughput,
      fidelity, attrition, :func:`ketennet.flow.score_chain`) read case layers unless
      ``layers=`` says otherwise, so messages are never added to cases.
    * ``"information"``: messages, data, reports, notifications.
    * ``"tie"``: an agreement, collaboration or co-location; nothing flows. Collaboration
      indicators of the scorecard read tie layers only.

    A layer declared without a kind (and every layer of a version-1 JSON file, a GraphML or a
    NetworkX graph without kinds) gets one by its name: ``case``, ``zaak``/``zaken``,
    ``dossier``, ``handover``, ``referral``, ``verwijzing``, ``instroom`` or a name starting with
    ``case`` is a case layer; ``collaboration``, ``samenwerking``, ``agreement``, ``convenant``,
    ``colocation``, ``co-location``, ``tie``, ``trust``, ``overleg`` a tie layer (names compared
    without case and a plural ``s``); any other undirected layer is a tie layer and any other
    directed layer an information layer. Declare the kind where the rule does not fit.
    """

    name: str
    directed: bool
    kind: str

    def __bool__(self) -> bool:
        raise TypeError("a Layer is not a truth value: read layer.directed or layer.kind "
                        "(net.layers maps layer names to Layer records)")

StagesLike = Union[Mapping[str, Sequence[str]], Sequence[Tuple[str, Sequence[str]]]]


class Network:
    """A network of organisations in named layers of relations, with chains.

    The model of ketennet, mirrored from the C++ class ``ketennet::Network``:

    * an **organisation** has a unique string ``id``, a display ``name``, a ``sector``
      (free string; suggested codes in ``docs/model.md``: politie, kmar, om, rechtspraak,
      cjib, dji, reclassering, nifp, rvdk, halt, jeugdzorg, slachtofferhulp, gemeente, zvh,
      veiligheidsregio, ind, coa, dtv, avim, nctv) and typed attributes (str, number, bool);
    * a **layer** ("case", "information", "collaboration", "it", ...) is directed or
      undirected (a mutual agreement is undirected) and has a kind, what moves on it:
      ``"case"`` (cases, dossiers, persons), ``"information"`` (messages, data) or ``"tie"``
      (an agreement or collaboration: nothing flows); see :class:`Layer`;
    * a **relation** goes from one organisation to another in one layer, with the optional
      numeric fields ``volume`` (items per period), ``latency`` (days), ``quality``
      (0..1: completeness and correctness of what is passed on) and ``capacity`` (items per
      period), plus typed attributes. At most one relation per (source, target, layer); an
      undirected layer holds at most one per unordered pair;
    * a **chain** is a named, ordered list of stages, each a list of organisations.

    Algorithms never read the network directly: they use an immutable analysis view
    (:meth:`view`), built from chosen layers with one weight and cached until the network
    changes.

    Bad values raise ``ValueError`` (a duplicate id, quality outside [0, 1], a negative or NaN
    volume, latency or capacity), unknown ids ``KeyError``; messages name the record and field.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network("demo")
    >>> net.add_layer("case", directed=True)
    >>> net.add_organisation("politie", name="Nationale Politie", sector="politie")
    >>> net.add_organisation("om", name="Openbaar Ministerie", sector="om")
    >>> net.add_relation("politie", "om", "case", volume=168800)
    >>> net.relation("politie", "om", "case")["volume"]
    168800.0
    >>> len(net), net.number_of_relations()
    (2, 1)
    """

    __slots__ = ("_core", "_index_cache", "_layers_cache", "_missing_cache")

    def __init__(self, name: str = "") -> None:
        self._core = _core.Network(name)
        self._index_cache: Tuple[int, Optional[pd.Index]] = (-1, None)
        self._layers_cache: Tuple[int, dict] = (-1, {})
        self._missing_cache: Tuple[int, dict] = (-1, {})

    @classmethod
    def _wrap(cls, core: "_core.Network") -> "Network":
        net = cls.__new__(cls)
        net._core = core
        net._index_cache = (-1, None)
        net._layers_cache = (-1, {})
        net._missing_cache = (-1, {})
        return net

    # ------------------------------------------------------------------ network
    @property
    def name(self) -> str:
        """The network's name."""
        return self._core.name

    @name.setter
    def name(self, value: str) -> None:
        self._core.name = value

    @property
    def metadata(self) -> Dict[str, Any]:
        """Free-form metadata (a JSON-compatible dict: sources, year, description ...).

        A copy: assign the whole dict to change it."""
        return json.loads(self._core.metadata_json)

    @metadata.setter
    def metadata(self, value: Mapping[str, Any]) -> None:
        if not isinstance(value, Mapping):
            raise TypeError("metadata must be a dict")
        from .io import limits

        depth = limits().json_depth
        try:
            text = json.dumps(dict(value), allow_nan=False)
        except (TypeError, ValueError) as e:
            raise ValueError(f"metadata must be JSON-compatible: {e}") from None
        except RecursionError:
            raise ValueError(f"/metadata: nesting deeper than {depth} levels (limit: json_depth; "
                             f"ketennet.io.set_limits(json_depth=...))") from None
        self._core.set_metadata_json(text, depth)

    @property
    def period(self) -> Optional[str]:
        """The period the network describes (``metadata["period"]``, e.g. ``"2022"`` or
        ``"2021-Q3"``), or ``None``. Studies of several years key their networks by it."""
        return _metadata_text(self.metadata, "period")

    @property
    def per(self) -> Optional[str]:
        """The length of the period its volumes count (``metadata["per"]``: ``"year"``,
        ``"quarter"``, ``"month"``, ``"week"`` or ``"day"``), or ``None``. Units then read
        "cases per year" rather than "cases per period".

        Examples
        --------
        >>> import ketennet as kn
        >>> net = kn.Network()
        >>> net.add_layer("case")
        >>> net.metadata = {"period": "2022", "per": "year"}
        >>> net.period, net.per, net.volume_unit(["case"])
        ('2022', 'year', 'cases per year')
        """
        per = _metadata_text(self.metadata, "per")
        if per is not None and per not in PERIOD_LENGTHS:
            raise ValueError(f"network {self.name!r}: metadata 'per' is {per!r}; use one of "
                             f"{', '.join(PERIOD_LENGTHS)}")
        return per

    def volume_unit(self, layers: Sequence[str]) -> str:
        """The unit of volumes summed over ``layers``: "cases per year" on case layers of a
        network whose ``per`` is "year", "messages per ..." on information layers, "items
        per ..." when kinds mix; "per period" when ``per`` is not set."""
        kinds = {self.layers[name].kind for name in layers if self.has_layer(name)}
        noun = {"case": "cases", "information": "messages"}.get(kinds.pop(), "items") \
            if len(kinds) == 1 else "items"
        return f"{noun} per {self.per or 'period'}"

    def copy(self) -> "Network":
        """An independent deep copy."""
        return Network._wrap(self._core.copy())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return self._core == other._core

    __hash__ = None  # mutable

    def __len__(self) -> int:
        return self._core.organisation_count

    def __contains__(self, organisation_id: object) -> bool:
        return isinstance(organisation_id, str) and self._core.has_organisation(organisation_id)

    def __repr__(self) -> str:
        layers = ", ".join(f"{n} ({k}{'' if d else ', undirected'})" for n, d, k in self._core.layers())
        return (f"<ketennet.Network {self.name!r}: {len(self)} organisations, "
                f"{self.number_of_relations()} relations, layers [{layers}], "
                f"{len(self.chains)} chains>")

    def _summary(self) -> "List[Tuple[str, str]]":
        rel = self.relations
        per_layer = rel["layer"].value_counts() if len(rel) else pd.Series(dtype=int)
        sectors = self.organisations["sector"] if len(self) else pd.Series(dtype=object)
        sectors = sectors[sectors != ""].value_counts()
        rows = [("organisations", f"{len(self):,}"),
                ("sectors", ", ".join(f"{s} ({c})" for s, c in sectors.items()) or "none")]
        for name, directed, kind in self._core.layers():
            rows.append((f"layer '{name}'", f"{kind}, {int(per_layer.get(name, 0)):,} relations, "
                                            f"{'directed' if directed else 'undirected'}"))
        for name in self.chains:
            stages = self.chain(name)
            rows.append((f"chain '{name}'", " → ".join(stages)))
        return rows

    def _repr_html_(self) -> str:
        """A compact table for Jupyter: organisations, sectors, layers and chains."""
        import html

        cells = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
                        f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
                        for k, v in self._summary())
        return (f"<div><b>ketennet.Network</b> {html.escape(self.name or '(unnamed)')}"
                f"<table>{cells}</table></div>")

    def describe(self) -> str:
        """The network in a few readable lines (what Jupyter shows as a table).

        Examples
        --------
        >>> import ketennet as kn
        >>> print(kn.examples.load("vreemdelingenketen").describe().splitlines()[1])
        organisations  16
        """
        rows = self._summary()
        width = max(len(k) for k, _ in rows)
        return "\n".join([f"ketennet.Network {self.name or '(unnamed)'}"] +
                         [f"{k:<{width}}  {v}" for k, v in rows])

    # ------------------------------------------------------------------ layers
    def add_layer(self, name: str, directed: bool = True, kind: Optional[str] = None) -> None:
        """Add a layer.

        Parameters
        ----------
        name : str
            Unique, non-empty.
        directed : bool
            A directed layer's relation A -> B differs from B -> A; an undirected layer holds
            one relation per pair of organisations.
        kind : {"case", "information", "tie"}, optional
            What moves on the layer (see :class:`Layer`). Omitted: by the layer's name and
            direction (the rule in :class:`Layer`).

        Raises
        ------
        ValueError
            The name is taken or the kind unknown.

        Examples
        --------
        >>> import ketennet as kn
        >>> net = kn.Network()
        >>> net.add_layer("doorverwijzing", kind="case")
        >>> net.add_layer("collaboration", directed=False)
        >>> net.layers["doorverwijzing"].kind, net.layers["collaboration"].kind
        ('case', 'tie')
        """
        if not isinstance(directed, (bool, np.bool_)):
            raise TypeError(f"add_layer: directed must be True or False, not {directed!r}")
        self._core.add_layer(name, bool(directed), _kind(kind, name))

    def set_layer_kind(self, name: str, kind: str) -> None:
        """Declare what moves on layer ``name``: ``"case"``, ``"information"`` or ``"tie"``
        (see :class:`Layer`). ``KeyError`` for an unknown layer, ``ValueError`` for an
        unknown kind.

        Examples
        --------
        >>> import ketennet as kn
        >>> net = kn.Network()
        >>> net.add_layer("meldingen")
        >>> net.layers["meldingen"].kind
        'information'
        >>> net.set_layer_kind("meldingen", "case")
        >>> net.layers_of_kind("case")
        ['meldingen']
        """
        self._core.set_layer_kind(name, _kind(kind, name))

    def layers_of_kind(self, *kinds: str) -> List[str]:
        """Names of the layers of the given kinds (``"case"``, ``"information"``,
        ``"tie"``), in order."""
        if not kinds:
            raise ValueError("layers_of_kind: name at least one kind "
                             f"({', '.join(LAYER_KINDS)})")
        for k in kinds:
            if k not in LAYER_KINDS:
                raise ValueError(f"layers_of_kind: unknown kind {k!r} (kinds: "
                                 f"{', '.join(LAYER_KINDS)})")
        return [n for n, _, k in self._core.layers() if k in kinds]

    def remove_layer(self, name: str) -> None:
        """Remove a layer and all its relations; ``KeyError`` if absent."""
        self._core.remove_layer(name)

    def has_layer(self, name: str) -> bool:
        return self._core.has_layer(name)

    @property
    def layers(self) -> Dict[str, Layer]:
        """Layers in order, as ``{name: Layer(name, directed, kind)}`` (a copy).

        Examples
        --------
        >>> import ketennet as kn
        >>> net = kn.examples.load("strafrechtketen")
        >>> net.layers["case"]
        Layer(name='case', directed=True, kind='case')
        >>> [(name, layer.kind) for name, layer in net.layers.items()]
        [('case', 'case'), ('information', 'information'), ('collaboration', 'tie'), ('it', 'information')]
        """
        return {n: Layer(n, d, k) for n, d, k in self._core.layers()}

    # ------------------------------------------------------------------ organisations
    def add_organisation(self, id: str, name: str = "", sector: str = "", **attributes: Any) -> None:
        """Add an organisation with optional typed attributes (str, int, float, bool).

        ``ValueError`` on a duplicate or empty id or a NaN/infinite number attribute."""
        self._core.add_organisation(id, name, sector, attributes)

    def update_organisation(self, id: str, *, name: Optional[str] = None,
                            sector: Optional[str] = None, **attributes: Any) -> None:
        """Change fields of an organisation. Given attributes are set; an attribute given as
        ``None`` is removed. ``KeyError`` if the organisation does not exist."""
        current = self._core.organisation(id)
        attrs = dict(current["attributes"])
        for key, value in attributes.items():
            if value is None:
                attrs.pop(key, None)
            else:
                attrs[key] = value
        self._core.set_organisation(id, current["name"] if name is None else name,
                                    current["sector"] if sector is None else sector, attrs)

    def remove_organisation(self, id: str) -> None:
        """Remove an organisation, its relations and its place in chains."""
        self._core.remove_organisation(id)

    def has_organisation(self, id: str) -> bool:
        return self._core.has_organisation(id)

    def organisation(self, id: str) -> Dict[str, Any]:
        """``{"id", "name", "sector", "attributes"}`` of one organisation (a copy)."""
        return self._core.organisation(id)

    @property
    def ids(self) -> List[str]:
        """Organisation ids in order (the index of every per-organisation result)."""
        return self._core.organisation_ids()

    def _id_index(self) -> pd.Index:
        """The organisation ids as the index of per-organisation results (object dtype,
        named "organisation"), cached until the network changes (as the views are)."""
        cache = self._index_cache
        rev = self._core.revision
        if cache[0] != rev:
            cache = self._index_cache = (rev, make_index(self._core.organisation_ids_array(),
                                                         "organisation"))
        return cache[1]

    def _default_layers(self, key, select) -> List[str]:
        """The default layer selection ``select()`` of the flow functions (the layers in
        which every relation carries the fields named in ``key``), kept until the network
        changes, as the views are: finding it reads every relation. A selection that fails
        raises every time and is not kept."""
        rev = self._core.revision
        if self._layers_cache[0] != rev:
            self._layers_cache = (rev, {})
        kept = self._layers_cache[1]
        if key not in kept:
            kept[key] = tuple(select())
        return list(kept[key])

    def number_of_organisations(self) -> int:
        return self._core.organisation_count

    @property
    def organisations(self) -> pd.DataFrame:
        """Organisations as a DataFrame with columns ``id``, ``name``, ``sector`` and one
        column per attribute (missing values ``None``/NaN): the shape
        :func:`ketennet.from_pandas` reads."""
        t = self._core.organisations_table()
        df = pd.DataFrame({"id": pd.Series(t["id"], dtype=object),
                           "name": pd.Series(t["name"], dtype=object),
                           "sector": pd.Series(t["sector"], dtype=object)})
        for key, values in t["attributes"].items():
            df[key] = _attribute_series(values)
        return df

    # ------------------------------------------------------------------ relations
    def add_relation(self, source: str, target: str, layer: str, *, volume: Optional[float] = None,
                     latency: Optional[float] = None, quality: Optional[float] = None,
                     capacity: Optional[float] = None, **attributes: Any) -> None:
        """Add a relation ``source -> target`` in ``layer`` (which must exist).

        ``KeyError`` for an unknown organisation or layer; ``ValueError`` for a duplicate (an
        undirected layer holds one relation per unordered pair), a quality outside [0, 1], a
        negative, NaN or infinite volume, latency or capacity. ``None`` means unknown."""
        self._core.add_relation(source, target, layer, volume, latency, quality, capacity, attributes)

    def update_relation(self, source: str, target: str, layer: str, **changes: Any) -> None:
        """Change fields or attributes of an existing relation.

        Keys ``volume``, ``latency``, ``quality``, ``capacity`` set the field (``None``: unknown);
        other keys set attributes (``None`` removes the attribute)."""
        current = self._core.relation(source, target, layer)
        fields = {f: current[f] for f in FIELDS}
        attrs = dict(current["attributes"])
        for key, value in changes.items():
            if key in FIELDS:
                fields[key] = value
            elif value is None:
                attrs.pop(key, None)
            else:
                attrs[key] = value
        self._core.set_relation(current["source"], current["target"], layer, fields["volume"],
                                fields["latency"], fields["quality"], fields["capacity"], attrs)

    def remove_relation(self, source: str, target: str, layer: str) -> None:
        """Remove a relation; ``KeyError`` if absent."""
        self._core.remove_relation(source, target, layer)

    def has_relation(self, source: str, target: str, layer: str) -> bool:
        return self._core.has_relation(source, target, layer)

    def relation(self, source: str, target: str, layer: str) -> Dict[str, Any]:
        """``{"source", "target", "layer", "volume", "latency", "quality", "capacity",
        "attributes"}`` of one relation (unknown fields are ``None``)."""
        return self._core.relation(source, target, layer)

    def number_of_relations(self) -> int:
        return self._core.relation_count

    @property
    def relations(self) -> pd.DataFrame:
        """Relations as a DataFrame with columns ``source``, ``target``, ``layer``, ``volume``,
        ``latency``, ``quality``, ``capacity`` (NaN = unknown) and one column per attribute:
        the shape :func:`ketennet.from_pandas` reads."""
        t = self._core.relations_table()
        ids = np.asarray(self._core.organisation_ids(), dtype=object)
        layers = np.asarray([name for name, _, _ in self._core.layers()], dtype=object)
        df = pd.DataFrame({
            "source": ids[t["source"]] if len(ids) else np.empty(0, dtype=object),
            "target": ids[t["target"]] if len(ids) else np.empty(0, dtype=object),
            "layer": layers[t["layer"]] if len(layers) else np.empty(0, dtype=object),
        })
        for f in FIELDS:
            df[f] = t[f]
        for key, values in t["attributes"].items():
            df[key] = _attribute_series(values)
        return df

    # ------------------------------------------------------------------ chains
    def add_chain(self, name: str, stages: StagesLike) -> None:
        """Add a chain: ``stages`` is ``{stage: [organisation ids]}`` (in order) or a list of
        ``(stage, [ids])`` pairs. ``KeyError`` for unknown organisations."""
        self._core.add_chain(name, _stages(stages))

    def update_chain(self, name: str, stages: StagesLike) -> None:
        """Replace the stages of an existing chain (given as in :meth:`add_chain`).
        ``KeyError`` if the chain or one of the organisations does not exist."""
        self._core.set_chain(name, _stages(stages))

    set_chain = renamed_function(update_chain, "set_chain")

    def chain(self, name: str) -> Dict[str, List[str]]:
        """The stages of a chain, in order, as ``{stage: [organisation ids]}``."""
        return {stage: list(orgs) for stage, orgs in self._core.chain(name)}

    def remove_chain(self, name: str) -> None:
        self._core.remove_chain(name)

    @property
    def chains(self) -> List[str]:
        """Names of the chains, in order."""
        return self._core.chain_names()

    # ------------------------------------------------------------------ subnetworks, views
    def induced(self, ids: Iterable[str]) -> "Network":
        """The subnetwork of the given organisations: them, the relations among them, all
        layers, and the chains restricted to them; the missing dyads of its metadata
        (``metadata["missing_dyads"]``, docs/data.md) counted among them."""
        sub = Network._wrap(self._core.induced(list(ids)))
        entries = sub.metadata.get(MISSING_KEY)
        if isinstance(entries, dict):
            meta = sub.metadata
            meta[MISSING_KEY] = restrict_missing(entries, sub.ids,
                                                 {n: d for n, d, _ in sub._core.layers()})
            sub.metadata = meta
        return sub

    def select_layers(self, layers: Layers) -> "Network":
        """A copy with only the given layers (and their relations)."""
        return Network._wrap(self._core.select_layers(layer_list(layers) or []))

    @renamed_arguments(positional=("weight", "combine"))
    def view(self, layers: Layers = None, *, weight: Optional[str] = None,
             combine: str = DEFAULT_COMBINE):
        """The immutable analysis view of some layers with one weight (cached).

        Parameters
        ----------
        layers : str or list of str, optional
            Layers to project; all when omitted. The view is directed if any chosen layer is.
        weight : str, optional
            ``"volume"``, ``"latency"``, ``"quality"``, ``"capacity"`` or a numeric attribute;
            unweighted (every tie 1) when omitted. Every chosen relation must have it
            (``ValueError`` naming those that lack it).
        combine : {"sum", "min", "max"}
            How relations of different layers between the same pair merge into one tie.
        """
        check_choice(combine, "combine", ("sum", "min", "max"))
        return self._core.view(layer_list(layers), weight, combine)


def _metadata_text(metadata: Mapping[str, Any], key: str) -> Optional[str]:
    value = metadata.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"metadata '{key}' must be text such as '2022', not {value!r}")
    return str(value)


def _kind(kind: Optional[str], layer: str) -> Optional[str]:
    """A layer kind checked against :data:`LAYER_KINDS` (``None`` passes)."""
    if kind is None:
        return None
    if not isinstance(kind, str) or kind not in LAYER_KINDS:
        where = f"layer '{layer}': " if layer else ""
        raise ValueError(f"{where}unknown kind {kind!r} (kinds: {', '.join(LAYER_KINDS)})")
    return kind


def _stages(stages: StagesLike) -> list:
    items = stages.items() if isinstance(stages, Mapping) else stages
    out = []
    for item in items:
        try:
            stage, orgs = item
        except (TypeError, ValueError):
            raise ValueError("stages must be {stage: [ids]} or a list of (stage, [ids]) pairs") from None
        if isinstance(orgs, str):
            raise ValueError(f"stage {stage!r}: organisations must be a list of ids, not a string")
        out.append((stage, list(orgs)))
    return out


def _attribute_series(values: list) -> pd.Series:
    """A column of attribute values: float with NaN when all numbers, boolean (nullable) when
    all bools, object otherwise."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean")
    if present and all(isinstance(v, float) and not isinstance(v, bool) for v in present):
        return pd.Series([np.nan if v is None else v for v in values], dtype=float)
    return pd.Series(values, dtype=object)
