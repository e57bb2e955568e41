"""Statistical disclosure control: tables and networks that are safe to publish.

Counts of cases, handovers and citizens are personal data under the AVG (GDPR) when they are
small: a cell that counts 2 cases tells who is in it to anyone who knows one of them. The
rules applied here are those of tabular disclosure control (Hundepool et al. 2012,
*Statistical Disclosure Control*, Wiley); docs/data.md, section "Safe to
publish", gives the definitions, the choices made and the sources.

:func:`protect` takes a DataFrame or a :class:`ketennet.Network` and returns a
:class:`Protected`: the protected copy (``.data``) and the record of what was done
(``.suppressed``, ``.dropped``, ``.pseudonymised``, ``.rule``). The functions of the package
that count (:func:`ketennet.eventlog.variants`, :func:`ketennet.eventlog.directly_follows`,
:func:`ketennet.eventlog.handover_network`, :func:`ketennet.scorecard`,
:func:`ketennet.report.scorecard`, ``ketennet report --min-count``) take ``min_count=`` and
apply the same rules through this module.

>>> import ketennet as kn
>>> import pandas as pd
>>> t = pd.DataFrame({"cases": [120, 3, 48, 31]}, index=["a", "b", "c", "d"])
>>> p = kn.disclosure.protect(t, min_count=10, round_to=5)
>>> p.data["cases"].tolist()
[120, <NA>, 50, <NA>]
>>> p.suppressed
  table row column     reason
0  data   b  cases    primary
1  data   d  cases  secondary
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import math
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _language
from .network import Network

__all__ = ["protect", "Protected", "pseudonym", "notice", "TEXT", "COUNT_NAMES", "MARGIN_NAMES",
           "DEFAULT_MIN_COUNT", "DEFAULT_ROUND_TO", "PSEUDONYM_LENGTH"]

#: The threshold and the rounding base :func:`protect` uses by default.
DEFAULT_MIN_COUNT = 10
DEFAULT_ROUND_TO = 5
#: Hex digits of a pseudonym (64 bits of the HMAC-SHA256 digest).
PSEUDONYM_LENGTH = 16

#: Column and attribute names read as counts of units when ``counts`` is not given.
COUNT_NAMES = ("count", "counts", "n", "cases", "frequency", "freq", "volume", "handovers",
               "events", "case_starts", "case_ends", "persons", "citizens")
#: Row and column labels read as the margins (totals) of a cross table.
MARGIN_NAMES = ("All", "all", "Total", "total", "Totaal", "totaal")

#: Every text about protection that the reports show, in English: the report texts
#: ``disclosure.<key>`` of the translation table (:func:`ketennet.report.report_text`).
TEXT = {key: _language.text("disclosure." + key) for key in (
    "unprotected", "protected", "rounded", "not_rounded", "suppressed_note", "suppressed_basis",
    "heading")}


def notice(min_count: Optional[int], round_to: Optional[int] = DEFAULT_ROUND_TO, *,
           lang: str = "en") -> str:
    """The one-line statement the reports print about protection: ``TEXT["unprotected"]``
    when ``min_count`` is None, else the rule applied; in ``lang`` ("en" or "nl").

    >>> import ketennet as kn
    >>> kn.disclosure.notice(10, 5)
    'Protected for publication: counts of 1 to 9 are suppressed (shown as n/a), with further counts suppressed where a total would reveal them; remaining counts are rounded to a multiple of 5.'
    >>> kn.disclosure.notice(None, lang="nl")[:22]
    'Onbeveiligde uitvoer: '
    """
    lang = _language.check(lang, "notice")
    if min_count is None:
        return _language.text("disclosure.unprotected", lang)
    rounding = (_language.text("disclosure.rounded", lang, round_to=round_to)
                if round_to not in (None, 1) else _language.text("disclosure.not_rounded", lang))
    return _language.text("disclosure.protected", lang, below=int(min_count) - 1,
                          rounding=rounding)


@dataclasses.dataclass(frozen=True, repr=False)
class Protected:
    """A protected table or network and the record of what :func:`protect` did.

    Attributes
    ----------
    data : DataFrame or Network
        The protected copy (the input is not changed).
    suppressed : DataFrame
        One row per suppressed value, with columns ``table`` (``"data"`` for a DataFrame;
        ``"relations"`` or ``"organisations"`` for a network), ``row`` (the row label: index
        label, ``(source, target, layer)`` or organisation id, after pseudonymisation),
        ``column`` and ``reason``: ``primary`` (a count of 1 to ``min_count - 1``),
        ``secondary`` (a count suppressed because a total would reveal a primary one) or
        ``row`` (a value of a row whose count is suppressed: a mean, median or share of the
        same units). The suppressed values themselves are not recorded.
    min_count, round_to : int or None
    counts : tuple of str
        The columns (relation fields and attributes, organisation attributes) protected as
        counts.
    dropped : tuple of str
        Free-text columns or attributes removed.
    pseudonymised : tuple of str
        Columns (or ``"index"``) whose ids were replaced by keyed pseudonyms.

    The key given to :func:`protect` is not kept: not in the fields, the repr or the
    pickled state.
    """

    data: Any
    suppressed: pd.DataFrame
    min_count: Optional[int]
    round_to: Optional[int]
    counts: Tuple[str, ...] = ()
    dropped: Tuple[str, ...] = ()
    pseudonymised: Tuple[str, ...] = ()

    @property
    def rule(self) -> str:
        """The rule applied, as the reports state it (:func:`notice`)."""
        return notice(self.min_count, self.round_to)

    def __repr__(self) -> str:
        kind = "Network" if isinstance(self.data, Network) else "DataFrame"
        return (f"Protected({kind}; min_count={self.min_count}, round_to={self.round_to}: "
                f"{len(self.suppressed)} values suppressed, {len(self.dropped)} columns dropped, "
                f"{len(self.pseudonymised)} id columns pseudonymised)")


# ----------------------------------------------------------------------------- checks

def _check_min_count(min_count, fn: str) -> Optional[int]:
    if min_count is None:
        return None
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)):
        raise TypeError(f"{fn}: min_count must be a whole number >= 1, not "
                        f"{type(min_count).__name__}")
    if min_count < 1:
        raise ValueError(f"{fn}: min_count must be a whole number >= 1, not {min_count}")
    return int(min_count)


def _check_round_to(round_to, fn: str) -> Optional[int]:
    if round_to is None:
        return None
    if isinstance(round_to, bool) or not isinstance(round_to, (int, np.integer)):
        raise TypeError(f"{fn}: round_to must be a whole number >= 1 or None, not "
                        f"{type(round_to).__name__}")
    if round_to < 1:
        raise ValueError(f"{fn}: round_to must be a whole number >= 1 or None, not {round_to}")
    return None if round_to == 1 else int(round_to)


def _key(secret, fn: str) -> bytes:
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not isinstance(secret, (bytes, bytearray)):
        raise TypeError(f"{fn}: secret must be bytes or str, not {type(secret).__name__}")
    if not secret:
        raise ValueError(f"{fn}: secret must not be empty")
    return bytes(secret)


def _names(value, what: str, fn: str) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        out = list(value)
    except TypeError:
        raise TypeError(f"{fn}: {what} must be a name or a list of names, not "
                        f"{type(value).__name__}") from None
    for v in out:
        if not isinstance(v, str):
            raise TypeError(f"{fn}: {what} must hold names (str), not {type(v).__name__}")
    return out


# ----------------------------------------------------------------------------- pseudonyms

def pseudonym(value, secret: Union[str, bytes], *, length: int = PSEUDONYM_LENGTH) -> str:
    """The keyed pseudonym of an id: the first ``length`` hex digits of
    HMAC-SHA256(secret, str(value) as UTF-8) (RFC 2104; FIPS 180-4).

    The same id and secret give the same pseudonym in every table; without the secret the id
    cannot be recomputed from it (unlike a plain hash, which anyone can compute for every
    possible id). Keep the secret apart from the published output.

    >>> import ketennet as kn
    >>> kn.disclosure.pseudonym("case 17", "geheim")
    '13f643a120c46051'
    >>> kn.disclosure.pseudonym("case 17", "geheim") == kn.disclosure.pseudonym("case 17", "ander")
    False
    """
    key = _key(secret, "pseudonym")
    if isinstance(length, bool) or not isinstance(length, (int, np.integer)) or not 1 <= length <= 64:
        raise ValueError(f"pseudonym: length must be a whole number from 1 to 64, not {length!r}")
    return hmac.new(key, str(value).encode("utf-8"), hashlib.sha256).hexdigest()[:int(length)]


# ----------------------------------------------------------------------------- the rules

def _is_whole(col: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
        return False
    if pd.api.types.is_integer_dtype(col):
        return True
    v = col.dropna().to_numpy(dtype=float)
    return bool(np.all(np.isfinite(v)) and np.all(v == np.floor(v)))


def _suppress_cells(values: np.ndarray, min_count: int, lines: List[np.ndarray]
                    ) -> Tuple[np.ndarray, np.ndarray]:
    """Primary and secondary suppression on flat cell values (NaN: no value).

    ``lines`` are arrays of cell positions whose total is known (rows and columns of a
    table); a line with exactly one suppressed cell gets its smallest other non-zero cell
    suppressed too, until no line has exactly one. Returns (primary, secondary) masks."""
    present = ~np.isnan(values)
    primary = present & (values >= 1) & (values < min_count)
    hidden = primary.copy()
    secondary = np.zeros_like(primary)
    changed = True
    while changed:
        changed = False
        for line in lines:
            line = line[present[line]]
            if np.count_nonzero(hidden[line]) != 1:
                continue
            candidates = line[~hidden[line] & (values[line] > 0)]
            if candidates.size == 0:
                continue
            pick = candidates[np.argmin(values[candidates])]  # first of the smallest
            hidden[pick] = secondary[pick] = True
            changed = True
    return primary, secondary


def _round(x: np.ndarray, round_to: Optional[int]) -> np.ndarray:
    if round_to is None:
        return x
    return np.floor(x / round_to + 0.5) * round_to  # halves up


def _default_counts(df: pd.DataFrame, exclude: Iterable[str]) -> List[str]:
    skip = set(exclude)
    named = [c for c in df.columns if isinstance(c, str) and c not in skip
             and c.lower() in COUNT_NAMES and _is_whole(df[c])]
    return named


def _protect_frame(df: pd.DataFrame, min_count: int, round_to: Optional[int], counts,
                   by, keep, ids, key, length, table: str, fn: str):
    """(protected frame, suppressed records, counts, dropped, pseudonymised)."""
    out = df.copy()
    by = _names(by, "by", fn) or []
    keep = _names(keep, "keep", fn) or []
    ids = _names(ids, "ids", fn) or []
    for name, what in [(c, "by") for c in by] + [(c, "keep") for c in keep] + \
            [(c, "ids") for c in ids if c != "index"]:
        if name not in out.columns:
            raise KeyError(f"{fn}: {what} names column {name!r}, which the table lacks "
                           f"(columns: {', '.join(map(str, out.columns))})")
    if len(by) > 2:
        raise ValueError(f"{fn}: by takes one or two key columns (rows, columns), not {len(by)}")
    cross = False
    if counts is None:
        counts = _default_counts(out, by + ids)
        if not counts and not by and len(out.columns) and all(
                pd.api.types.is_integer_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c])
                for c in out.columns):
            counts, cross = list(out.columns), True  # a cross table: every cell counts
    else:
        counts = _names(counts, "counts", fn)
        for c in counts:
            if c not in out.columns:
                raise KeyError(f"{fn}: counts names column {c!r}, which the table lacks "
                               f"(columns: {', '.join(map(str, out.columns))})")
            if not pd.api.types.is_numeric_dtype(out[c]) or pd.api.types.is_bool_dtype(out[c]):
                raise ValueError(f"{fn}: counts column {c!r} is not numeric "
                                 f"({out[c].dtype})")
        cross = not by and len(counts) > 1 and len(counts) == len(out.columns)
    records: List[Tuple[Any, Any, str]] = []

    # ids first, so that the record names rows by their pseudonyms
    done_ids = []
    if ids:
        if key is None:
            raise ValueError(f"{fn}: ids {', '.join(ids)} are to be pseudonymised: pass "
                             "secret= (a key kept apart from the output)")
        for c in ids:
            if c == "index":
                out.index = pd.Index([pseudonym(v, key, length=length) for v in out.index],
                                     name=out.index.name)
            else:
                out[c] = [None if v is None or (isinstance(v, float) and math.isnan(v))
                          else pseudonym(v, key, length=length) for v in out[c]]
            done_ids.append(c)

    # free text: object and string columns that are not keys, ids, counts or kept
    dropped = [c for c in out.columns if c not in by and c not in ids and c not in keep
               and c not in counts and (pd.api.types.is_object_dtype(out[c])
                                        or pd.api.types.is_string_dtype(out[c]))]
    out = out.drop(columns=dropped)

    n = len(out)
    labels = list(out.index)
    if counts and n:
        block = np.column_stack([out[c].to_numpy(dtype=float, na_value=np.nan) for c in counts])
        if np.any(block[~np.isnan(block)] < 0):
            bad = counts[int(np.nonzero(np.any(block < 0, axis=0))[0][0])]
            raise ValueError(f"{fn}: counts column {bad!r} holds negative values")
        flat = block.ravel(order="F")  # column by column
        pos = np.arange(flat.size).reshape(block.shape, order="F")
        lines: List[np.ndarray] = []
        if cross:
            lines = [pos[i, :] for i in range(n)] + [pos[:, j] for j in range(len(counts))]
        elif len(by) == 2:
            for j in range(len(counts)):
                for key_col in by:
                    for _, idx in out.groupby(key_col, sort=False, dropna=False).indices.items():
                        lines.append(pos[np.asarray(idx), j])
        else:
            lines = [pos[:, j] for j in range(len(counts))]  # the column total is derivable
        primary, secondary = _suppress_cells(flat, min_count, lines)
        primary = primary.reshape(block.shape, order="F")
        secondary = secondary.reshape(block.shape, order="F")
        hidden = primary | secondary
        shown = _round(block, round_to)
        shown[hidden] = np.nan
        row_hidden = hidden.any(axis=1)
        for j, c in enumerate(counts):
            for i in np.nonzero(hidden[:, j])[0]:
                records.append((i, c, "primary" if primary[i, j] else "secondary"))
            col = shown[:, j]
            if pd.api.types.is_integer_dtype(out[c]):
                out[c] = pd.array([pd.NA if math.isnan(v) else int(v) for v in col], dtype="Int64")
            else:
                out[c] = col
        if not cross:
            # other numbers of a row with a suppressed count describe the same few units
            others = [c for c in out.columns if c not in counts and c not in by and c not in ids
                      and pd.api.types.is_numeric_dtype(out[c])
                      and not pd.api.types.is_bool_dtype(out[c])]
            if "share" in out.columns and "share" in others:
                total = np.nansum(block[:, 0])
                published = _round(np.array([total]), round_to)[0]
                share = shown[:, 0] / published if published > 0 else np.full(n, np.nan)
                out["share"] = share
            for c in others:
                rows = np.nonzero(row_hidden & out[c].notna().to_numpy())[0]
                if rows.size == 0:
                    continue
                col = out[c].copy()
                if pd.api.types.is_integer_dtype(col):
                    col = col.astype("Int64")
                    col.iloc[rows] = pd.NA
                else:
                    col = col.astype(float)
                    col.iloc[rows] = np.nan
                out[c] = col
                records.extend((i, c, "row") for i in rows)
    order = {c: k for k, c in enumerate(out.columns)}
    records.sort(key=lambda r: (order.get(r[1], len(order)), r[0]))  # column, then row
    rec = pd.DataFrame({"table": [table] * len(records),
                        "row": pd.Series([labels[r[0]] for r in records], dtype=object),
                        "column": [r[1] for r in records],
                        "reason": [r[2] for r in records]})
    return out, rec, tuple(counts), tuple(dropped), tuple(done_ids)


# ----------------------------------------------------------------------------- networks

_KEPT_ORG = ("id", "name", "sector")
_REL_FIELDS = ("volume", "latency", "quality", "capacity")


def _protect_network(net: Network, min_count: int, round_to: Optional[int], counts, keep,
                     ids, key, length, fn: str):
    if ids:
        raise ValueError(f"{fn}: ids= pseudonymises case ids in tables; a network's "
                         "organisations are public bodies and keep their ids")
    keep = set(_names(keep, "keep", fn) or [])
    out = net.copy()
    rel = out.relations
    orgs = out.organisations
    wanted = _names(counts, "counts", fn)
    rel_counts = ([c for c in rel.columns if c in wanted] if wanted is not None else
                  [c for c in rel.columns if c.lower() in COUNT_NAMES and _is_whole(rel[c])])
    org_counts = ([c for c in orgs.columns if c in wanted] if wanted is not None else
                  [c for c in orgs.columns if c.lower() in COUNT_NAMES and _is_whole(orgs[c])])
    if wanted is not None:
        unknown = [c for c in wanted if c not in rel.columns and c not in orgs.columns]
        if unknown:
            raise KeyError(f"{fn}: counts names {', '.join(map(repr, unknown))}, which no "
                           "relation or organisation of the network has")
    frames = []
    records = []
    dropped = set()
    # relations, one table per layer (a layer's totals in and out are the lines)
    for layer in out.layers:
        part = rel[rel["layer"] == layer].copy()
        if part.empty:
            continue
        part.index = [(s, t, layer) for s, t in zip(part["source"], part["target"])]
        text = [c for c in part.columns if c not in ("source", "target", "layer") and c not in keep
                and c not in rel_counts and part[c].notna().any()
                and (pd.api.types.is_object_dtype(part[c]) or pd.api.types.is_string_dtype(part[c]))
                and not _is_flags(part[c])]
        body = part.drop(columns=["layer"] + text)
        cnt = [c for c in rel_counts if body[c].notna().any()]
        prot, rec, _, _, _ = _protect_frame(body, min_count, round_to, cnt, ["source", "target"],
                                            [c for c in body.columns if c not in cnt],
                                            None, None, length, "relations", fn)
        dropped.update(text)
        for (s, t, l), row in prot.iterrows():
            changes = {}
            old = part.loc[[(s, t, l)]].iloc[0]
            for c in body.columns:
                if c in ("source", "target"):
                    continue
                new, was = row[c], old[c]
                if _missing(new) and not _missing(was):
                    changes[c] = None
                elif c in cnt and not _missing(new) and new != was:
                    changes[c] = float(new)
                elif c == "share" and not _missing(new) and new != was:
                    changes[c] = float(new)
            for c in text:
                if not _missing(old[c]):
                    changes[c] = None
            if changes:
                out.update_relation(s, t, l, **changes)
        frames.append(rec)
    # organisations: their counts (primary suppression and rounding) and free text
    if not orgs.empty:
        body = orgs.set_index("id")
        text = [c for c in body.columns if c not in _KEPT_ORG and c not in keep
                and c not in org_counts and body[c].notna().any()
                and (pd.api.types.is_object_dtype(body[c]) or pd.api.types.is_string_dtype(body[c]))
                and not _is_flags(body[c])]
        cnt = [c for c in org_counts if body[c].notna().any()]
        for c in cnt:
            prot, rec, _, _, _ = _protect_frame(body[[c]], min_count, round_to, [c], None,
                                                None, None, None, length, "organisations", fn)
            frames.append(rec)
            for oid, value in prot[c].items():
                was = body.at[oid, c]
                if _missing(value) and not _missing(was):
                    out.update_organisation(oid, **{c: None})
                elif not _missing(value) and value != was:
                    out.update_organisation(oid, **{c: float(value)})
        for oid in body.index:
            gone = {c: None for c in text if not _missing(body.at[oid, c])}
            if gone:
                out.update_organisation(oid, **gone)
        dropped.update(text)
    rec = (pd.concat(frames, ignore_index=True) if frames else
           pd.DataFrame({"table": [], "row": pd.Series([], dtype=object), "column": [],
                         "reason": []}))
    out.metadata = {**out.metadata, "disclosure": {
        "min_count": min_count, "round_to": round_to, "rule": notice(min_count, round_to)}}
    return out, rec, tuple(dict.fromkeys(rel_counts + org_counts)), tuple(sorted(dropped)), ()


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _is_flags(col: pd.Series) -> bool:
    return all(isinstance(v, (bool, np.bool_)) for v in col.dropna())


# ----------------------------------------------------------------------------- protect

def protect(obj, min_count: int = DEFAULT_MIN_COUNT, round_to: Optional[int] = DEFAULT_ROUND_TO,
            *, counts: Union[None, str, Sequence[str]] = None,
            by: Union[None, str, Sequence[str]] = None, secret: Union[None, str, bytes] = None,
            ids: Union[None, str, Sequence[str]] = None,
            keep: Union[None, str, Sequence[str]] = None,
            id_length: int = PSEUDONYM_LENGTH) -> Protected:
    """A copy of a table or network that is safe to publish, and the record of what was done.

    The rules, in order (definitions and sources in docs/data.md, "Safe to publish"):

    1. **Pseudonyms** (DataFrames): the ids in the columns ``ids`` (``"index"`` for the
       index) become keyed pseudonyms, :func:`pseudonym` (HMAC-SHA256 with ``secret``,
       ``id_length`` hex digits): the same id and secret give the same pseudonym in every
       table. ``secret`` is required with ``ids`` and is never stored.
    2. **Free text dropped**: DataFrames lose their text columns other than the ``by`` keys,
       the ``ids`` and the columns named in ``keep``; networks lose the text attributes of
       organisations (all but ``id``, ``name`` and ``sector``) and of relations, unless named in
       ``keep``. Free text (notes, descriptions) may name persons.
    3. **Primary suppression** (the threshold rule, Hundepool et al. 2012): every
       count from 1 to ``min_count - 1`` becomes missing (``<NA>`` in an integer column, NaN
       in a float one; a network relation's volume becomes unknown and its count attributes
       are removed). A count of 0 is kept: no unit is in it (the frequency rule of
       the R package sdcTable by default treats empty cells as safe too).
    4. **Secondary suppression** (Hundepool et al. 2012; the smallest-cell heuristic): in
       each *line* whose total is known, a single suppressed cell could be recomputed as the
       total minus the others. While a line has exactly one suppressed
       cell, its smallest other non-zero count is suppressed too (the first in table order
       among equals). The lines: in a cross table (every column a count), each row and each
       column (a margin row or column, e.g. pandas' ``All``, is a cell of its lines like any
       other); with ``by=(row_key, column_key)``, the groups of equal row keys and of equal
       column keys, for each count column; otherwise each count column as a whole (its total
       is published or follows from a share). In a network, the relations of each layer
       with ``by=(source, target)``: an organisation's total in and out.
    5. **Rows**: the other numbers of a row with a suppressed count (mean and median times,
       latencies) describe the same few units and are suppressed as well (reason ``row``).
    6. **Rounding**: the remaining counts are rounded to the nearest multiple of
       ``round_to`` (halves up; conventional, not random, rounding: the same table gives
       the same output). ``round_to=None`` or 1: no rounding. A column named ``share`` is
       recomputed from the published counts: rounded count / rounded total of the first
       count column. Totals are rounded on their own, so they need not equal the sum of the
       rounded cells.

    Parameters
    ----------
    obj : DataFrame or Network
    min_count : int
        The smallest count shown (default 10).
    round_to : int or None
        Rounding base for the counts shown (default 5).
    counts : str or list of str, optional
        The count columns (relation fields and attributes, organisation attributes). Default:
        the whole-number columns named as in :data:`COUNT_NAMES` (``count``, ``n``,
        ``cases``, ``frequency``, ``volume``, ``handovers``, ``events`` ...); a DataFrame
        without such a column whose columns are all integers is a cross table, every cell
        a count.
    by : str or list of str, optional
        The key columns of a tidy table: one (its rows), or two (row key, column key; lines
        for secondary suppression). Keys are kept.
    secret : str or bytes, optional
        The pseudonym key, required with ``ids``.
    ids : str or list of str, optional
        Columns holding case ids (``"index"``: the index).
    keep : str or list of str, optional
        Text columns or attributes to keep.
    id_length : int
        Hex digits of a pseudonym (default 16).

    Returns
    -------
    Protected
        ``.data`` the protected copy; ``.suppressed`` what was suppressed, where and why (the
        values are not recorded); ``.dropped``, ``.pseudonymised``, ``.counts``; ``.rule`` the
        rule as the reports state it. A network's metadata records the rule under
        ``"disclosure"``.

    Raises
    ------
    TypeError
        ``obj`` is neither a DataFrame nor a Network; a wrong type of option.
    KeyError
        ``counts``, ``by``, ``ids`` or ``keep`` name a column the table lacks.
    ValueError
        ``min_count`` < 1, a negative count, ``ids`` without ``secret``.

    Examples
    --------
    A cross table with a margin: the 4 is suppressed (primary); its row and its column would
    reveal it, so the smallest other cells there are suppressed too (secondary)::

        #            noord  zuid  All
        # aangifte      40     4   44
        # sepot         25    31   56
        # All           65    35  100

    >>> import ketennet as kn
    >>> import pandas as pd
    >>> t = pd.DataFrame({"noord": [40, 25, 65], "zuid": [4, 31, 35], "All": [44, 56, 100]},
    ...                  index=["aangifte", "sepot", "All"])
    >>> p = kn.disclosure.protect(t, min_count=10, round_to=5)
    >>> p.data
              noord  zuid  All
    aangifte   <NA>  <NA>   45
    sepot      <NA>  <NA>   55
    All          65    35  100
    >>> p.suppressed[["row", "column", "reason"]]
            row column     reason
    0  aangifte  noord  secondary
    1     sepot  noord  secondary
    2  aangifte   zuid    primary
    3     sepot   zuid  secondary

    Case ids pseudonymised, free text dropped:

    >>> cases = pd.DataFrame({"case": ["Z-1", "Z-2"], "days": [12, 40], "note": ["x", "y"]})
    >>> q = kn.disclosure.protect(cases, ids="case", secret="geheim")
    >>> q.data["case"].tolist() == [kn.disclosure.pseudonym(c, "geheim") for c in ["Z-1", "Z-2"]]
    True
    >>> q.dropped
    ('note',)
    """
    fn = "protect"
    min_count = _check_min_count(min_count, fn)
    if min_count is None:
        raise TypeError(f"{fn}: min_count must be a whole number >= 1, not None")
    round_to = _check_round_to(round_to, fn)
    key = None if secret is None else _key(secret, fn)
    if isinstance(id_length, bool) or not isinstance(id_length, (int, np.integer)) \
            or not 1 <= id_length <= 64:
        raise ValueError(f"{fn}: id_length must be a whole number from 1 to 64, not {id_length!r}")
    if isinstance(obj, Network):
        if by is not None:
            raise ValueError(f"{fn}: by= is for tables; a network's relations are grouped by "
                             "source and target")
        data, rec, cnt, dropped, done = _protect_network(obj, min_count, round_to, counts, keep,
                                                         _names(ids, "ids", fn), key,
                                                         int(id_length), fn)
    elif isinstance(obj, pd.DataFrame):
        data, rec, cnt, dropped, done = _protect_frame(obj, min_count, round_to, counts, by,
                                                       keep, ids, key, int(id_length), "data", fn)
    else:
        raise TypeError(f"{fn}: expected a pandas DataFrame or a ketennet.Network, not "
                        f"{type(obj).__name__}")
    return Protected(data, rec.reset_index(drop=True), min_count, round_to, cnt, dropped, done)


# ----------------------------------------------------------------------------- scorecards

def _protect_scorecard(card: pd.DataFrame, min_count: Optional[int], fn: str,
                       round_to: Optional[int] = DEFAULT_ROUND_TO) -> pd.DataFrame:
    """A scorecard with its counts of cases protected (the rule of :func:`ketennet.scorecard`
    with ``min_count``).

    Rows whose unit is a count of cases (``cases``, ``cases per ...``) get primary
    suppression and rounding; the journey statistics of an event log (the ``citizen`` rows
    read from ``cases followed``: medians, means and shares per case) are suppressed when
    fewer than ``min_count`` cases are followed, and a share of cases when the cases it
    counts are fewer than ``min_count``. A suppressed row has value NaN and a note saying
    so. Other rows (organisations, ties, shares of structure) count no persons."""
    min_count = _check_min_count(min_count, fn)
    if min_count is None:
        return card
    out = card.copy()
    unit = out["unit"].astype(str)
    value = out["value"].to_numpy(dtype=float)
    note = out["note"].astype(object).to_numpy().copy()
    new = value.copy()
    is_count = ((unit == "cases") | unit.str.startswith("cases ")).to_numpy()
    small = is_count & (value >= 1) & (value < min_count)
    new[is_count] = _round(value[is_count], round_to)
    new[small] = np.nan
    for i in np.nonzero(small)[0]:
        note[i] = TEXT["suppressed_note"].format(min_count=min_count)
    followed = (out["indicator"] == "cases followed").to_numpy()
    net_col = out["network"].to_numpy() if "network" in out.columns else np.zeros(len(out))
    per_case = out["indicator"].isin(["lead time per case (median)", "organisations per case (mean)",
                                      "hand-offs per case (mean)", "cases with ping-pong"]).to_numpy()
    for i in np.nonzero(followed)[0]:
        n = value[i]
        if np.isnan(n):  # no log, or already suppressed: the per-case rows are NaN too
            continue
        same = net_col == net_col[i]
        for j in np.nonzero(per_case & same)[0]:
            if np.isnan(value[j]):
                continue
            k = value[j] * n if out["indicator"].iat[j] == "cases with ping-pong" else n
            if n < min_count or (0 < round(k) < min_count):
                new[j] = np.nan
                note[j] = TEXT["suppressed_basis"].format(min_count=min_count)
    out["value"] = new
    out["note"] = note
    return out
