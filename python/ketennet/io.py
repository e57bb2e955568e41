"""Reading and writing networks: JSON, GraphML, pandas, NetworkX and igraph; adjacency
matrices, roster surveys and Excel workbooks (:mod:`ketennet.data`).

Conventions shared by every reader: ids are strings; a field or attribute that is missing
(JSON ``null``, NaN in a DataFrame, ``None``) is *unknown* and left out, never filled in;
anything else that does not fit the model raises a ``ValueError`` (``KeyError`` for unknown
ids, ``FileNotFoundError`` for a missing file) naming the file, line or row, and field.

Hostile input is held to limits (:func:`limits`, :func:`set_limits`): JSON nesting depth
(also in a GraphML ``ketennet`` datum and in metadata set from Python) and the size of an
input read whole. Writers write a temporary file in the target's directory and rename it
over the target, so a failed write leaves the previous file intact. A path with a NUL
character is a ``ValueError``.
"""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import Layers, check_layers, core_default, layer_list
# the readers of matrices, surveys and workbooks, with the other readers (ketennet.data builds
# its networks with from_pandas below, imported where it is called)
from .data import read_excel, read_matrix, read_survey, write_excel
from .network import FIELDS, LAYER_KINDS, Network

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["read_json", "write_json", "read_graphml", "write_graphml", "from_pandas",
           "from_networkx", "to_networkx", "from_igraph", "to_igraph", "JSON_SCHEMA_VERSION",
           "Limits", "limits", "set_limits", "read_matrix", "read_survey", "read_excel",
           "write_excel"]

#: Version of the JSON document this ketennet writes (docs/json-schema.md).
JSON_SCHEMA_VERSION: int = _core.io.json_schema_version


@dataclass(frozen=True)
class Limits:
    """Limits the readers hold their input to (C++ ``ketennet::io::Limits``).

    Attributes
    ----------
    json_depth : int
        Deepest nesting of JSON arrays and objects, counted from the document (level 1; the
        ``metadata`` object is level 2). Applies to :func:`read_json`, to the JSON in a
        GraphML ``ketennet`` datum and to ``Network.metadata`` set from Python. Default 256.
    max_input_bytes : int
        Largest input read, in bytes: a regular file is refused by its size before reading;
        a pipe or device (``/dev/zero``) is read in 1 MiB chunks until it exceeds the limit.
        Default 1 GiB (2**30).

    Exceeding a limit raises a ``ValueError`` naming the file and the limit, found while
    reading (fast, in bounded memory).
    """

    json_depth: int = 256
    max_input_bytes: int = 1 << 30


_limits = Limits()
_limits_lock = threading.Lock()


def limits() -> Limits:
    """The limits the readers use now (see :class:`Limits`).

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.io.limits()
    Limits(json_depth=256, max_input_bytes=1073741824)
    """
    return _limits


def set_limits(*, json_depth: Optional[int] = None,
               max_input_bytes: Optional[int] = None) -> Limits:
    """Change the readers' limits for this process (arguments left out keep their value);
    returns the previous limits, so a caller can restore them.

    The limits are module-level defaults read at each call, so a change applies to the
    calls that start after it, in every thread. Each must be a positive ``int``
    (``TypeError``/``ValueError`` otherwise).

    Examples
    --------
    >>> import ketennet as kn
    >>> before = kn.io.set_limits(json_depth=64)
    >>> kn.io.limits().json_depth
    64
    >>> _ = kn.io.set_limits(json_depth=before.json_depth)
    """
    global _limits
    for name, value in (("json_depth", json_depth), ("max_input_bytes", max_input_bytes)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be a positive int, not {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be a positive int, not {value!r}")
    with _limits_lock:
        before = _limits
        _limits = Limits(int(json_depth) if json_depth is not None else before.json_depth,
                         int(max_input_bytes) if max_input_bytes is not None else before.max_input_bytes)
    return before


def _core_limits():
    lim = _limits
    return _core.io.Limits(json_depth=lim.json_depth, max_input_bytes=lim.max_input_bytes)


def _path(path: PathLike) -> str:
    """A path as str; ValueError for a NUL character (the system would cut the path there)."""
    p = os.fspath(path)
    if isinstance(p, bytes):
        p = os.fsdecode(p)
    if "\0" in p:
        raise ValueError("path contains a NUL character")
    return p


def read_json(path: PathLike) -> Network:
    """Read a network from a ketennet JSON document (schema in ``docs/json-schema.md``).

    Raises ``FileNotFoundError`` for a missing file, ``ValueError`` for malformed JSON (with
    line and column), an unknown schema version, an unknown key, a wrong type or a value out
    of range, and ``KeyError`` for a relation to an unknown organisation; messages name the
    file and the record as a JSON pointer (``/relations/3/quality``). Also a ``ValueError``:
    text that is not UTF-8 (UTF-16, an invalid byte, a NUL byte), a key given twice in one
    object, a number beyond the double range (``1e309``), nesting deeper than
    ``limits().json_depth`` and input larger than ``limits().max_input_bytes``.

    Examples
    --------
    >>> import ketennet as kn, tempfile, os
    >>> net = kn.examples.load("strafrechtketen")
    >>> path = os.path.join(tempfile.mkdtemp(), "net.json")
    >>> kn.write_json(net, path)
    >>> kn.read_json(path) == net
    True
    """
    return Network._wrap(_core.io.read_json(_path(path), _core_limits()))


@renamed_arguments(positional=("indent",))
def write_json(net: Network, path: PathLike, *,
               indent: Optional[int] = core_default(_core.io.write_json, "indent")) -> None:
    """Write a network as a ketennet JSON document; reading it back gives an equal network.
    ``indent=None`` writes one line. The text goes to a temporary file in the same directory,
    renamed over ``path``: a write that fails part-way leaves the previous file intact."""
    _core.io.write_json(net._core, _path(path), -1 if indent is None else int(indent))


@renamed_arguments(positional=("layer",))
def read_graphml(path: PathLike, *, layer: str = "default") -> Network:
    """Read a GraphML file (from ketennet, NetworkX, igraph, Gephi, yEd ...).

    Node data ``name`` and ``sector`` become those fields, other node data typed attributes;
    edge data ``layer`` names the layer (``layer`` otherwise), ``volume``, ``latency``,
    ``quality``, ``capacity`` the fields, others attributes. Layers take the directedness of
    their edges. Edge ids are not kept. Errors name the file, line and element; a string that
    is not valid UTF-8, ``&#0;``, a number not in decimal (``0x10``) and a ``ketennet`` datum
    that breaks the JSON rules of :func:`read_json` are ``ValueError``, and so is input
    larger than ``limits().max_input_bytes``."""
    return Network._wrap(_core.io.read_graphml(_path(path), layer, _core_limits()))


def write_graphml(net: Network, path: PathLike) -> None:
    """Write a network as GraphML with every attribute; name, metadata, layers and chains go
    in a graph datum ``ketennet`` so that :func:`read_graphml` restores the network exactly.
    Written atomically, as :func:`write_json`."""
    _core.io.write_graphml(net._core, _path(path))


# ---------------------------------------------------------------------------- pandas

def _string_ids(values: pd.Series, what: str, record: str) -> pd.Series:
    """Ids (or layer names) as strings, with ``str`` for non-string ids. A whole number in a
    float column (pandas stores integer ids as float once a column has held a NaN) is written
    without its decimal part: 1.0 -> '1'. A missing id is an error naming the row."""
    missing = values.isna().to_numpy()
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise ValueError(f"{record} {row}: missing value in column '{what}' (found "
                         f"{_show(values.iloc[row])}); every row needs one")
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values.astype(object)
    if pd.api.types.is_integer_dtype(values.dtype):
        return values.astype(str).astype(object)
    if pd.api.types.is_float_dtype(values.dtype):
        arr = values.to_numpy(dtype=float)
        if np.all(np.isfinite(arr) & (arr == np.round(arr)) & (np.abs(arr) < 2.0 ** 53)):
            return pd.Series(arr.astype(np.int64).astype(str).astype(object), index=values.index)
    # non-string ids (integers, say) are converted with str(), as documented; whole floats
    # in an object column lose their '.0' as in a float column
    return pd.Series([_id_text(v) for v in values.tolist()], index=values.index, dtype=object)


def _show(v: Any) -> str:
    """A value as messages quote it: repr of the plain Python value, NaN as 'NaN'."""
    if v is None or v is pd.NA or v is pd.NaT:
        return repr(v) if v is None else str(v)
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and np.isnan(v):
        return "NaN"
    return repr(v)


def _id_text(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, (float, np.floating)) and np.isfinite(v) and float(v).is_integer():
        return str(int(v))
    return str(v)


#: A number written with a decimal comma ("1,5", "-12,75", "1.234,5"), as Dutch exports do.
_DECIMAL_COMMA = re.compile(r"\s*[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+\s*")


def _text_hint(value: Any) -> str:
    """For a string where a number was expected: how to read it as one, or ''."""
    if not isinstance(value, str):
        return ""
    if _DECIMAL_COMMA.fullmatch(value):
        return ("; it looks like a number with a decimal comma: read the file with "
                "pandas.read_csv(..., decimal=\",\") (and thousands=\".\" if it groups "
                "thousands with dots), or convert the column")
    try:
        float(value)
    except ValueError:
        return ""
    return "; it is a number stored as text: convert the column with pandas.to_numeric"


def _is_missing(v: Any) -> bool:
    """None, NaN, pd.NA or NaT: an absent value."""
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, (float, np.floating)) and np.isnan(v)


def _field_column(df: pd.DataFrame, name: str, record: str) -> Optional[np.ndarray]:
    """A relation field column as float (NaN = unknown). Numbers and missing values (None,
    NaN, pd.NA) may share an object column; anything else is an error naming the row and
    the value."""
    if name not in df.columns:
        return None
    col = df[name]
    if pd.api.types.is_complex_dtype(col.dtype):
        bad = np.flatnonzero(np.imag(col.to_numpy()) != 0)
        row = int(bad[0]) if len(bad) else 0
        raise ValueError(f"{record} {row}: field '{name}' must be a real number, found "
                         f"{_show(col.iloc[row])} (column dtype {col.dtype})")
    if pd.api.types.is_numeric_dtype(col.dtype) and not pd.api.types.is_bool_dtype(col.dtype):
        return col.to_numpy(dtype=float, na_value=np.nan)
    values = col.tolist()
    out = np.empty(len(values), dtype=float)
    for i, v in enumerate(values):
        if _is_missing(v):
            out[i] = np.nan
        elif _is_number(v):
            out[i] = float(v)
        elif isinstance(v, (complex, np.complexfloating)):
            raise ValueError(f"{record} {i}: field '{name}' must be a real number, found "
                             f"{_show(v)} (column dtype {col.dtype})")
        else:
            raise ValueError(f"{record} {i}: field '{name}' must be a number, found {_show(v)} "
                             f"({type(v).__name__}; column dtype {col.dtype}){_text_hint(v)}")
    return out


def _is_number(v: Any) -> bool:
    return v is None or (isinstance(v, (int, float, np.integer, np.floating))
                         and not isinstance(v, (bool, np.bool_)))


def _value_kind(v: Any) -> Optional[str]:
    """'number', 'boolean', 'string' or None (absent) for an attribute value; the type name
    for a value no attribute can hold."""
    if _is_missing(v):
        return None
    if isinstance(v, (bool, np.bool_)):
        return "boolean"
    if isinstance(v, (int, float, np.integer, np.floating)):
        return "number"
    if isinstance(v, str):
        return "string"
    return type(v).__name__


_KINDS = ("number", "boolean", "string")


def _column_kind(values: list, name: str, where) -> Optional[str]:
    """The one kind of an attribute column's present values ('number', 'boolean' or
    'string'; None when all are absent). ``where(i)`` names row ``i`` for errors: a value
    of another type (list, date ...) or, in a column that mixes kinds, the first value that
    is not of the column's most common kind."""
    kinds = [_value_kind(v) for v in values]
    for i, k in enumerate(kinds):
        if k is not None and k not in _KINDS:
            raise ValueError(f"{where(i)}: attribute '{name}' has type {k}; attribute "
                             f"values must be str, int, float or bool")
    counts = {k: kinds.count(k) for k in _KINDS}
    present = [k for k in _KINDS if counts[k]]
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    first = {k: kinds.index(k) for k in present}
    main = max(present, key=lambda k: (counts[k], -first[k]))
    bad = next(i for i, k in enumerate(kinds) if k is not None and k != main)
    v = values[bad]
    hint = _text_hint(v) if main == "number" else ""
    raise ValueError(f"{where(bad)}: attribute column '{name}' mixes types: {_show(v)} "
                     f"({type(v).__name__}) among {main} values; an attribute column holds "
                     f"one of str, number or bool (None/NaN = absent){hint}")


def _attribute_column(col: pd.Series, name: str, record: str):
    """(name, kind, data, categories) for the C++ bulk insert."""
    dtype = col.dtype
    if pd.api.types.is_complex_dtype(dtype):
        raise ValueError(f"{record} 0: attribute '{name}' has type complex; attribute values "
                         f"must be str, int, float or bool")
    if pd.api.types.is_bool_dtype(dtype):
        data = col.astype("Int8").to_numpy(dtype=np.int8, na_value=-1)
        return (name, "boolean", data, [])
    if pd.api.types.is_numeric_dtype(dtype):
        return (name, "number", col.to_numpy(dtype=float, na_value=np.nan), [])
    values = col.astype(object)
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred in ("string", "empty"):
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return (name, "string", codes.astype(np.int64), [str(u) for u in uniques])
    items = values.tolist()
    kind = _column_kind(items, name, lambda i: f"{record} {i}")
    if kind == "boolean":
        data = np.array([-1 if _is_missing(v) else int(bool(v)) for v in items], dtype=np.int8)
        return (name, "boolean", data, [])
    if kind == "number":
        return (name, "number", np.array([np.nan if _is_missing(v) else float(v) for v in items],
                                         dtype=float), [])
    codes, uniques = pd.factorize(pd.Series([None if _is_missing(v) else v for v in items],
                                            dtype=object), use_na_sentinel=True)
    return (name, "string", codes.astype(np.int64), [str(u) for u in uniques])


def _attribute_value(value: Any, where: str, key: str) -> Any:
    """Python scalar -> attribute value (None/NaN: absent -> returns None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, str):
        return value
    raise ValueError(f"{where}: attribute '{key}' has type {type(value).__name__}; attribute "
                     f"values must be str, int, float or bool")


def _check_kinds(kinds: Optional[Mapping[str, str]], fn: str) -> Dict[str, str]:
    """``kinds`` ({layer: "case" | "information" | "tie"}) checked; {} for None."""
    if kinds is None:
        return {}
    if not isinstance(kinds, Mapping):
        raise TypeError(f"{fn}: kinds must be a dict {{layer: kind}}, not {type(kinds).__name__}")
    for lname, kind in kinds.items():
        if kind not in LAYER_KINDS:
            raise ValueError(f"{fn}: kinds: layer '{lname}': unknown kind {kind!r} "
                             f"(kinds: {', '.join(LAYER_KINDS)})")
    return {str(k): v for k, v in kinds.items()}


def _check_kinds_used(net: Network, kinds: Mapping[str, str], fn: str) -> None:
    """ValueError when ``kinds`` names a layer the network did not get (a typo)."""
    unknown = [k for k in kinds if not net.has_layer(k)]
    if unknown:
        raise ValueError(f"{fn}: kinds names layer(s) {', '.join(map(repr, unknown))} that the "
                         f"input does not have (layers: {', '.join(map(repr, net.layers)) or 'none'})")


def from_pandas(organisations: Optional[pd.DataFrame], relations: pd.DataFrame, *,
                directed: Union[bool, Mapping[str, bool]] = True, layer: str = "default",
                kinds: Optional[Mapping[str, str]] = None, name: str = "") -> Network:
    """Build a network from two DataFrames, column-wise (no Python loop per relation).

    Parameters
    ----------
    organisations : DataFrame or None
        Column ``id`` (required), optional ``name`` and ``sector``; every other column is an
        attribute (NaN/None = absent). ``None`` creates one organisation per id named in
        ``relations`` (in order of first appearance) with empty name and sector.
    relations : DataFrame
        Columns ``source`` and ``target`` (required), ``layer`` (else every relation goes to
        ``layer``), the numeric fields ``volume``, ``latency``, ``quality``, ``capacity``
        (NaN = unknown) and any attribute columns (str, numeric or bool; NaN/None = absent).
    directed : bool or dict
        Directedness of the layers: one value for all, or ``{layer: bool}`` (default True).
    layer : str
        Layer of the relations when there is no ``layer`` column.
    kinds : dict, optional
        What moves on each layer, ``{layer: "case" | "information" | "tie"}`` (see
        :class:`ketennet.Layer`); layers left out get a kind by their name and direction.
    name : str
        Name of the network.

    Notes
    -----
    Ids are strings; non-string ids (integers, say) are converted with ``str``, and a whole
    number in a float column (pandas makes ``[1, 2, NaN]`` into ``1.0, 2.0, NaN``) gives
    ``'1'``, not ``'1.0'``; a missing id is an error. A field or attribute column may hold
    numbers with ``None``/NaN (unknown) in an object column. Errors name the row (0-based
    position), column and value: a missing required column, a relation to an unknown
    organisation (``KeyError``), a duplicate, quality outside [0, 1], a negative or infinite
    value, text in a field (a decimal comma such as ``'1,5'`` suggests reading the file with
    ``pandas.read_csv(..., decimal=",")``), an attribute column that mixes str, number and
    bool, a layer missing from ``directed=`` (naming the layers there are), and a
    ``directed=`` that is not a bool (``TypeError``). Nothing is dropped: the call adds every
    row or, on an error, none.

    Examples
    --------
    >>> import pandas as pd, ketennet as kn
    >>> orgs = pd.DataFrame({"id": ["politie", "om"], "name": ["Politie", "OM"],
    ...                      "sector": ["politie", "om"], "regio": ["Utrecht", "Utrecht"]})
    >>> rels = pd.DataFrame({"source": ["politie"], "target": ["om"], "layer": ["case"],
    ...                      "volume": [168800.0]})
    >>> net = kn.from_pandas(orgs, rels, kinds={"case": "case"})
    >>> net.relations[["source", "target", "volume"]]
        source target    volume
    0  politie     om  168800.0
    >>> net.layers["case"].kind
    'case'
    """
    kinds = _check_kinds(kinds, "from_pandas")
    if not isinstance(relations, pd.DataFrame):
        raise TypeError("relations must be a pandas DataFrame")
    for col in ("source", "target"):
        if col not in relations.columns:
            raise ValueError(f"relations: missing required column '{col}' "
                             f"(columns: {', '.join(map(str, relations.columns))})")
    if relations.columns.duplicated().any():
        raise ValueError(f"relations: duplicate column names {list(relations.columns[relations.columns.duplicated()])}")
    net = Network(name)
    source = _string_ids(relations["source"], "source", "relations row")
    target = _string_ids(relations["target"], "target", "relations row")
    if "layer" in relations.columns:
        layer_col = _string_ids(relations["layer"], "layer", "relations row")
    else:
        layer_col = pd.Series(np.full(len(relations), layer, dtype=object))

    if organisations is None:
        # order of first appearance, row by row (source before target)
        ids = pd.unique(np.column_stack([source.to_numpy(dtype=object),
                                         target.to_numpy(dtype=object)]).ravel())
        net._core.add_organisations([str(i) for i in ids], [""] * len(ids), [""] * len(ids), [],
                                    "organisations row")
    else:
        if not isinstance(organisations, pd.DataFrame):
            raise TypeError("organisations must be a pandas DataFrame or None")
        if "id" not in organisations.columns:
            raise ValueError(f"organisations: missing required column 'id' "
                             f"(columns: {', '.join(map(str, organisations.columns))})")
        oid = _string_ids(organisations["id"], "id", "organisations row").tolist()
        n = len(oid)

        def text_column(col: str) -> list:
            if col not in organisations.columns:
                return [""] * n
            out = []
            for i, v in enumerate(organisations[col].tolist()):
                if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
                    out.append("")
                elif isinstance(v, str):
                    out.append(v)
                else:
                    raise ValueError(f"organisations row {i}: field '{col}' must be a string, "
                                     f"found {v!r}")
            return out

        extra = [c for c in organisations.columns if c not in ("id", "name", "sector")]
        attrs = []
        if extra:
            cols = {c: organisations[c].tolist() for c in extra}
            for c in extra:  # one kind per column, as for relations
                _column_kind(cols[c], str(c), lambda i: f"organisations row {i} (id '{oid[i]}')")
            for i in range(n):
                where = f"organisations row {i} (id '{oid[i]}')"
                row = {}
                for c in extra:
                    v = _attribute_value(cols[c][i], where, str(c))
                    if v is not None:
                        row[str(c)] = v
                attrs.append(row)
        net._core.add_organisations(oid, text_column("name"), text_column("sector"), attrs,
                                    "organisations row")

    layer_codes, layer_uniques = pd.factorize(layer_col)
    _check_directed(directed, layer_codes, layer_uniques)
    for lname in layer_uniques:
        net.add_layer(lname, bool(directed[lname] if isinstance(directed, Mapping) else directed),
                      kinds.get(lname))
    if isinstance(directed, Mapping):
        for lname, d in directed.items():
            if not net.has_layer(lname):
                net.add_layer(lname, bool(d), kinds.get(lname))
    _check_kinds_used(net, kinds, "from_pandas")
    s_codes, s_uniques = pd.factorize(source)
    t_codes, t_uniques = pd.factorize(target)
    fields = [_field_column(relations, f, "relations row") for f in FIELDS]
    extra = [c for c in relations.columns if c not in ("source", "target", "layer") + FIELDS]
    attributes = [_attribute_column(relations[c], str(c), "relations row") for c in extra]
    net._core.add_relations_columns(s_codes.astype(np.int64), list(s_uniques),
                                    t_codes.astype(np.int64), list(t_uniques),
                                    layer_codes.astype(np.int64), list(layer_uniques),
                                    fields, attributes, "relations row")
    return net


def _check_directed(directed, layer_codes: np.ndarray, layer_uniques) -> None:
    """directed= is a bool or a {layer: bool} that names every layer of the relations
    (TypeError / ValueError naming the layer, its first row and the layers there are)."""
    if not isinstance(directed, Mapping):
        if not isinstance(directed, (bool, np.bool_)):
            raise TypeError(f"directed must be True/False or a {{layer: bool}} mapping, not "
                            f"{directed!r}")
        return
    for lname, d in directed.items():
        if not isinstance(d, (bool, np.bool_)):
            raise TypeError(f"directed[{lname!r}] must be True or False, not {d!r}")
    for code, lname in enumerate(layer_uniques):
        if lname not in directed:
            row = int(np.flatnonzero(layer_codes == code)[0])
            raise ValueError(f"relations row {row}: layer '{lname}' is not in directed= "
                             f"(which names {', '.join(map(repr, directed)) or 'no layer'}); "
                             f"the relations' layers are {', '.join(map(repr, layer_uniques))}")


# ---------------------------------------------------------------------------- NetworkX

_LAYERS_KEY = "ketennet_layers"
_KINDS_KEY = "ketennet_layer_kinds"


_ORDER_KEY = "ketennet_relations"


def _graph_payload(net: Network, layers: list, rels: pd.DataFrame) -> Dict[str, Any]:
    return {"name": net.name, "metadata": net.metadata,
            _LAYERS_KEY: {name: net.layers[name].directed for name in layers},
            _KINDS_KEY: {name: net.layers[name].kind for name in layers},
            "chains": {c: net.chain(c) for c in net.chains},
            # relation order and stored ends, so that from_* restores the network exactly
            _ORDER_KEY: list(zip(rels["source"].tolist(), rels["target"].tolist(),
                                 rels["layer"].tolist()))}


def _edge_attrs(row: Dict[str, Any]) -> Dict[str, Any]:
    out = {}
    for f in FIELDS:
        v = row[f]
        if v is not None and not (isinstance(v, float) and np.isnan(v)):
            out[f] = float(v)
    return out


def _selected_layers(net: Network, layers: Layers) -> list:
    sel = layer_list(layers)
    if sel is None:
        return list(net.layers)
    check_layers(net, sel)
    return sel


@renamed_arguments(positional=("layers",))
def to_networkx(net: Network, *, layers: Layers = None):
    """Convert to a NetworkX graph.

    One layer gives a ``DiGraph`` or ``Graph`` (as the layer is directed); several give a
    ``MultiDiGraph`` (``MultiGraph`` if all are undirected) with the layer name as edge key.
    When directed and undirected layers mix, an undirected relation becomes two arcs. Node
    attributes: ``name``, ``sector`` and the organisation's attributes; edge attributes:
    ``layer``, the known fields and the attributes. ``G.graph`` holds the name, metadata,
    layers (``ketennet_layers``: name -> directed; ``ketennet_layer_kinds``: name -> kind) and chains, so :func:`from_networkx`
    restores the network.
    """
    import networkx as nx

    sel = _selected_layers(net, layers)
    directed = any(net.layers[name].directed for name in sel)
    multi = len(sel) != 1
    cls = (nx.MultiDiGraph if directed else nx.MultiGraph) if multi else (nx.DiGraph if directed else nx.Graph)
    G = cls()
    rels = net.relations
    rels = rels[rels["layer"].isin(sel)]
    G.graph.update(_graph_payload(net, sel, rels))
    orgs = net.organisations
    attr_cols = [c for c in orgs.columns if c not in ("id", "name", "sector")]
    for rec in orgs.to_dict("records"):
        data = {"name": rec["name"], "sector": rec["sector"]}
        for c in attr_cols:
            v = _plain(rec[c])
            if v is not None:
                data[c] = v
        G.add_node(rec["id"], **data)
    attr_cols = [c for c in rels.columns if c not in ("source", "target", "layer") + FIELDS]
    layer_directed = {name: layer.directed for name, layer in net.layers.items()}
    for rec in rels.to_dict("records"):
        data = {"layer": rec["layer"], **_edge_attrs(rec)}
        for c in attr_cols:
            v = _plain(rec[c])
            if v is not None:
                data[c] = v
        pairs = [(rec["source"], rec["target"])]
        if directed and not layer_directed[rec["layer"]] and rec["source"] != rec["target"]:
            pairs.append((rec["target"], rec["source"]))
        for u, v in pairs:
            if multi:
                G.add_edge(u, v, key=rec["layer"], **data)
            else:
                G.add_edge(u, v, **data)
    return G


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def _restore_graph(net: Network, graph: Mapping[str, Any]) -> None:
    if isinstance(graph.get("name"), str):
        net.name = graph["name"]
    md = graph.get("metadata")
    if isinstance(md, Mapping):
        net.metadata = md


def _declare_layers(net: Network, graph: Mapping[str, Any], kinds: Dict[str, str]) -> None:
    """Layers saved by to_networkx/to_igraph (name -> directed, and their kinds), in order;
    ``kinds`` given by the caller take precedence over saved ones."""
    declared = graph.get(_LAYERS_KEY)
    saved = graph.get(_KINDS_KEY)
    saved = saved if isinstance(saved, Mapping) else {}
    if isinstance(declared, Mapping):
        for lname, d in declared.items():
            if not isinstance(d, (bool, np.bool_)):  # the string 'False' is not False
                raise ValueError(f"graph attribute '{_LAYERS_KEY}': layer '{lname}': directed "
                                 f"must be True or False, found {d!r} ({type(d).__name__})")
            lname = str(lname)
            kind = kinds.get(lname, saved.get(lname))
            net.add_layer(lname, bool(d), kind if kind in LAYER_KINDS else None)


@renamed_arguments(positional=("layer",))
def from_networkx(G, *, layer: str = "default", kinds: Optional[Mapping[str, str]] = None) -> Network:
    """Build a network from a NetworkX graph, keeping its directedness and attributes.

    Node ids become strings (``str``). A node attribute ``sector`` becomes the sector and
    ``name`` the display name; other node attributes become typed attributes (str, int,
    float, bool; ``None``/NaN are absent; other types raise ``ValueError``). An edge attribute
    ``layer`` names the relation's layer, else ``layer``; edge attributes ``volume``,
    ``latency``, ``quality`` and ``capacity`` are the fields; others attributes. Graphs made by
    :func:`to_networkx` come back exactly (name, metadata, layers with their kinds, chains).
    ``kinds`` (``{layer: "case" | "information" | "tie"}``) declares what moves on each layer;
    other layers get a kind by their name and direction (:class:`ketennet.Layer`). Parallel
    edges of a multigraph in the same layer are a duplicate-relation ``ValueError``.

    Examples
    --------
    >>> import networkx as nx, ketennet as kn
    >>> net = kn.from_networkx(nx.karate_club_graph())
    >>> len(net), net.number_of_relations(), net.layers
    (34, 78, {'default': Layer(name='default', directed=False, kind='tie')})
    """
    kinds = _check_kinds(kinds, "from_networkx")
    directed = G.is_directed()
    net = Network()
    _restore_graph(net, G.graph)
    _declare_layers(net, G.graph, kinds)
    for node, data in G.nodes(data=True):
        nid = node if isinstance(node, str) else str(node)
        where = f"node {nid!r}"
        attrs = {}
        name, sector = "", ""
        for key, value in data.items():
            if key == "name":
                name = "" if value is None else str(value) if isinstance(value, str) else _bad(where, key, value, "a string")
            elif key == "sector":
                sector = "" if value is None else str(value) if isinstance(value, str) else _bad(where, key, value, "a string")
            else:
                v = _attribute_value(value, where, str(key))
                if v is not None:
                    attrs[str(key)] = v
        net._core.add_organisation(nid, name, sector, attrs)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    records = []
    for u, v, key, data in edges:
        su = u if isinstance(u, str) else str(u)
        sv = v if isinstance(v, str) else str(v)
        lname = data.get("layer", layer)
        if not isinstance(lname, str):
            lname = str(lname)
        where = f"edge {su!r} -> {sv!r}"
        fields = {}
        attrs = {}
        for k, value in data.items():
            if k == "layer":
                continue
            if k in FIELDS:
                if value is not None and not _is_number(value):
                    raise ValueError(f"{where}: field '{k}' must be a number, found {value!r}")
                if value is not None and not (isinstance(value, float) and np.isnan(value)):
                    fields[k] = float(value)
            else:
                val = _attribute_value(value, where, str(k))
                if val is not None:
                    attrs[str(k)] = val
        records.append((su, sv, lname, fields, attrs))
    _add_records(net, records, directed, G.graph.get(_ORDER_KEY), kinds)
    _check_kinds_used(net, kinds, "from_networkx")
    chains = G.graph.get("chains")
    if isinstance(chains, Mapping):
        for cname, stages in chains.items():
            net.add_chain(cname, stages)
    return net


def _add_records(net: Network, records: list, directed: bool, order,
                 kinds: Mapping[str, str]) -> None:
    """Adds relation records (source, target, layer, fields, attrs) from a converted graph.

    An undirected relation exported into a directed graph comes back as two arcs: the second
    must match the first and is then skipped. With the order saved by to_networkx/to_igraph,
    relations are added in the original order with their original ends."""
    for _, _, lname, _, _ in records:
        if not net.has_layer(lname):
            net.add_layer(lname, directed, kinds.get(lname))
    layers = {name: layer.directed for name, layer in net.layers.items()}
    if order is not None:
        rank = {}
        for i, (s, t, l) in enumerate(order):
            rank[(s, t, l)] = i
            if not layers.get(l, True):
                rank.setdefault((t, s, l), i)
        if all((s, t, l) in rank for s, t, l, _, _ in records):
            records = sorted(records, key=lambda r: rank[(r[0], r[1], r[2])])
            canonical = {(s, t, l) for s, t, l in order}
            records = [r if (r[0], r[1], r[2]) in canonical else (r[1], r[0]) + r[2:]
                       for r in records]
    for su, sv, lname, fields, attrs in records:
        if directed and not layers[lname] and net.has_relation(su, sv, lname):
            # an undirected relation exported as two arcs: the second must match the first
            existing = net.relation(su, sv, lname)
            if all(existing[f] == fields.get(f) for f in FIELDS) and existing["attributes"] == attrs:
                continue
        net._core.add_relation(su, sv, lname, fields.get("volume"), fields.get("latency"),
                               fields.get("quality"), fields.get("capacity"), attrs)


def _bad(where: str, key: str, value: Any, expected: str):
    raise ValueError(f"{where}: attribute '{key}' must be {expected}, found {value!r}")


# ---------------------------------------------------------------------------- igraph

@renamed_arguments(positional=("layers",))
def to_igraph(net: Network, *, layers: Layers = None):
    """Convert to a python-igraph ``Graph``.

    Directed if any chosen layer is (undirected relations then become two arcs). Vertex
    attribute ``name`` is the organisation id (igraph's convention), ``label`` the display
    name, ``sector`` and the organisation attributes; edge attributes ``layer``, the fields and
    the relation attributes (``None`` where unknown). Graph attributes hold the network's
    name, metadata, layers and chains for :func:`from_igraph`."""
    import igraph as ig

    sel = _selected_layers(net, layers)
    directed = any(net.layers[name].directed for name in sel)
    orgs = net.organisations
    g = ig.Graph(n=len(orgs), directed=directed)
    rels = net.relations
    rels = rels[rels["layer"].isin(sel)].reset_index(drop=True)
    for k, v in _graph_payload(net, sel, rels).items():
        g[k] = v
    g.vs["name"] = orgs["id"].tolist()
    g.vs["label"] = orgs["name"].tolist()
    g.vs["sector"] = orgs["sector"].tolist()
    for c in orgs.columns:
        if c not in ("id", "name", "sector"):
            g.vs[c] = [_plain(v) for v in orgs[c].tolist()]
    index = {oid: i for i, oid in enumerate(orgs["id"].tolist())}
    pairs, rows = [], []
    layer_directed = {name: layer.directed for name, layer in net.layers.items()}
    for i, rec in enumerate(rels.itertuples(index=False)):
        pairs.append((index[rec.source], index[rec.target]))
        rows.append(i)
        if directed and not layer_directed[rec.layer] and rec.source != rec.target:
            pairs.append((index[rec.target], index[rec.source]))
            rows.append(i)
    g.add_edges(pairs)
    for c in rels.columns:
        if c in ("source", "target"):
            continue
        col = rels[c].tolist()
        g.es[c] = [_plain(col[r]) for r in rows]
    return g


@renamed_arguments(positional=("layer",))
def from_igraph(g, *, layer: str = "default", kinds: Optional[Mapping[str, str]] = None) -> Network:
    """Build a network from a python-igraph ``Graph``, keeping directedness and attributes.

    The vertex attribute ``name`` is the id (else the vertex index as a string), ``label`` the
    display name, ``sector`` the sector, others typed attributes. Edge attribute ``layer``
    names the layer (else ``layer``); ``volume``, ``latency``, ``quality``, ``capacity`` are
    the fields; others attributes. igraph stores a value for every vertex and edge, so
    ``None`` (and NaN) mean absent. ``kinds`` as in :func:`from_networkx`."""
    kinds = _check_kinds(kinds, "from_igraph")
    directed = g.is_directed()
    net = Network()
    attrs_g = {k: g[k] for k in g.attributes()}
    _restore_graph(net, attrs_g)
    _declare_layers(net, attrs_g, kinds)
    vattrs = g.vs.attributes()
    ids = [str(v) for v in g.vs["name"]] if "name" in vattrs else [str(i) for i in range(g.vcount())]
    for i, vid in enumerate(ids):
        v = g.vs[i]
        where = f"vertex {vid!r}"
        name = v["label"] if "label" in vattrs and v["label"] is not None else ""
        sector = v["sector"] if "sector" in vattrs and v["sector"] is not None else ""
        if not isinstance(name, str):
            _bad(where, "label", name, "a string")
        if not isinstance(sector, str):
            _bad(where, "sector", sector, "a string")
        attrs = {}
        for key in vattrs:
            if key in ("name", "label", "sector"):
                continue
            val = _attribute_value(v[key], where, key)
            if val is not None:
                attrs[key] = val
        net._core.add_organisation(vid, name, sector, attrs)
    eattrs = g.es.attributes()
    records = []
    for e in g.es:
        su, sv = ids[e.source], ids[e.target]
        where = f"edge {su!r} -> {sv!r}"
        lname = e["layer"] if "layer" in eattrs and e["layer"] is not None else layer
        fields, attrs = {}, {}
        for key in eattrs:
            if key == "layer":
                continue
            value = e[key]
            if key in FIELDS:
                if value is not None and not _is_number(value):
                    raise ValueError(f"{where}: field '{key}' must be a number, found {value!r}")
                if value is not None and not np.isnan(value):
                    fields[key] = float(value)
            else:
                val = _attribute_value(value, where, key)
                if val is not None:
                    attrs[key] = val
        records.append((su, sv, str(lname), fields, attrs))
    _add_records(net, records, directed, attrs_g.get(_ORDER_KEY), kinds)
    _check_kinds_used(net, kinds, "from_igraph")
    chains = attrs_g.get("chains")
    if isinstance(chains, Mapping):
        for cname, stages in chains.items():
            net.add_chain(cname, stages)
    return net
