"""Network data as researchers have it: adjacency matrices, roster surveys and Excel
workbooks, and ego networks (docs/data.md).

* :func:`read_matrix`: a square adjacency matrix (CSV, an Excel sheet or a DataFrame) into one
  layer; blank cells are *missing dyads*, not 0.
* :func:`read_survey`: a roster survey (one row per respondent and named partner, or one
  column per partner) into one layer; the dyads of organisations that did not respond are
  missing, and ``symmetrize=`` decides an undirected tie from one or both reports.
* :func:`read_excel`, :func:`write_excel`: a workbook with an organisations sheet and a
  relations sheet (the columns of :func:`ketennet.from_pandas`), a layers sheet and a network
  sheet.
* :func:`ego`: the ego network of an organisation.

Every network is built by :func:`ketennet.from_pandas`. The dyads whose tie value is unknown
are recorded in ``net.metadata["missing_dyads"][layer]`` (see :data:`MISSING_KEY`), which
survives :func:`ketennet.write_json` / :func:`ketennet.read_json`; every metric on such a layer
then warns (:class:`ketennet.MissingDataWarning`) or, where a result assumes complete data,
refuses (:class:`ketennet.MissingDataError`).
"""
from __future__ import annotations

import csv
import io as _io
import json
import math
import os
import tempfile
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ._util import MISSING_KEY, Layers, MissingDataError, MissingDataWarning, check_network
from ._util import index_of
from .network import FIELDS, Network

__all__ = ["read_matrix", "read_survey", "read_excel", "write_excel", "ego", "SYMMETRIZE",
           "MISSING_KEY", "MissingDataWarning", "MissingDataError", "SHEETS"]

PathOrFrame = Union[str, "os.PathLike[str]", pd.DataFrame]

#: The rules that decide an undirected tie from the two reports of a pair (docs/data.md):
#:
#: ========================  =========================  ==========================  =========
#: rule                      both organisations report  one reports (other missing) none
#: ========================  =========================  ==========================  =========
#: ``"reciprocated"``        tie if both name it (min)  missing                     missing
#: ``"respondent"``          tie if both name it (min)  the one report decides      missing
#: ``"either"``              tie if one names it (max)  the one report decides      missing
#: ========================  =========================  ==========================  =========
SYMMETRIZE = ("reciprocated", "respondent", "either")

#: Sheet names of :func:`write_excel` (and the defaults of :func:`read_excel`).
SHEETS = {"organisations": "Organisaties", "relations": "Relaties", "layers": "Lagen",
          "network": "Netwerk"}

#: The longest text :func:`write_excel` puts in one cell (Excel holds 32,767 characters); a
#: longer JSON text (metadata, a chain) continues on the next rows with the same key.
EXCEL_CELL_TEXT = 32000

#: Cell texts read as a missing value (besides a blank cell).
MISSING_TEXTS = ("", "NA", "N/A", "na", "n/a", "NaN", "nan")


# ------------------------------------------------------------------ tables and places

class _Table:
    """A raw grid of cells (``None`` for blank) read from a CSV file, an Excel sheet or a
    DataFrame, with the words that name a cell where the user sees it."""

    def __init__(self, rows: List[list], source: str, kind: str, sheet: str = ""):
        self.rows, self.source, self.kind, self.sheet = rows, source, kind, sheet

    def cell(self, r: int, c: int, short: bool = False) -> str:
        """Where cell (r, c) of the grid is (0-based, header row and id column included);
        ``short``: without the file (a second cell of the same file)."""
        if self.kind == "excel":
            return f"{'' if short else self.source + ', '}sheet '{self.sheet}', cell " \
                   f"{_letter(c)}{r + 1}"
        if self.kind == "csv":
            return f"{'' if short else self.source + ', '}line {r + 1}, column {c + 1}"
        return f"DataFrame, row {r - 1}, column {c}" if r else f"DataFrame, column {c}"

    def row(self, r: int) -> str:
        if self.kind == "excel":
            return f"{self.source}, sheet '{self.sheet}', row {r + 1}"
        if self.kind == "csv":
            return f"{self.source}, line {r + 1}"
        return f"DataFrame row {r - 1}"

    @property
    def where(self) -> str:
        return f"{self.source}, sheet '{self.sheet}'" if self.kind == "excel" else self.source


def _letter(c: int) -> str:
    """Excel's column letter of 0-based column ``c`` (0 -> A, 26 -> AA)."""
    out = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        out = chr(65 + rem) + out
    return out


def _blank(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return isinstance(v, str) and v.strip() in MISSING_TEXTS


def _openpyxl(fn: str):
    try:
        import openpyxl
    except ImportError:  # a dependency of the package; a broken install says so
        raise ImportError(f"{fn}: reading and writing Excel workbooks needs openpyxl "
                          "(pip install openpyxl)") from None
    return openpyxl


def _check_path(path, fn: str) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{fn}: expected a file path or a pandas DataFrame, not "
                        f"{type(path).__name__}")
    text = os.fspath(path)
    if "\0" in text:
        raise ValueError(f"{fn}: the path contains a NUL character")
    if not os.path.isfile(text):
        raise FileNotFoundError(f"{fn}: no such file: {text}")
    from .io import limits

    size, limit = os.path.getsize(text), limits().max_input_bytes
    if size > limit:
        raise ValueError(f"{fn}: {text}: the file has {size} bytes, more than the limit of "
                         f"{limit} bytes (ketennet.io.set_limits(max_input_bytes=...))")
    return text


def _is_excel(path: str) -> bool:
    return path.lower().endswith((".xlsx", ".xlsm"))


def _workbook(path: str, fn: str):
    openpyxl = _openpyxl(fn)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # not a workbook, or a damaged one
        raise ValueError(f"{fn}: {path} is not a readable Excel workbook (.xlsx): {e}") from None


def _sheet_rows(wb, sheet: str, path: str, fn: str) -> List[list]:
    if sheet not in wb.sheetnames:
        raise KeyError(f"{fn}: {path} has no sheet '{sheet}' (sheets: "
                       f"{', '.join(repr(s) for s in wb.sheetnames)})")
    rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    return _trim(rows)


def _trim(rows: List[list]) -> List[list]:
    """Rows without trailing blank rows and columns (what a spreadsheet pads with), text
    stripped of surrounding spaces and blank text as None."""
    rows = [[(v.strip() or None) if isinstance(v, str) else v for v in r] for r in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if v is not None), default=0)
                 for r in rows), default=0)
    return [(r + [None] * width)[:width] for r in rows]


def _sniff(text: str, sep: Optional[str]) -> str:
    if sep is not None:
        if not isinstance(sep, str) or len(sep) != 1:
            raise ValueError(f"sep must be one character, not {sep!r}")
        return sep
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _read_grid(data: PathOrFrame, fn: str, sheet: Optional[str], sep: Optional[str],
               header_only_frame: bool = False) -> _Table:
    """The raw grid of a CSV file, an Excel sheet (``sheet``: default the first) or a
    DataFrame (its index as the first column and its columns as the header row)."""
    if isinstance(data, pd.DataFrame):
        head = [data.index.name] + [str(c) for c in data.columns]
        rows = [head] + [[idx] + list(vals) for idx, vals in
                         zip(data.index.tolist(), data.itertuples(index=False, name=None))]
        return _Table(_trim(rows), "DataFrame", "frame")
    path = _check_path(data, fn)
    if _is_excel(path):
        wb = _workbook(path, fn)
        try:
            name = wb.sheetnames[0] if sheet is None else sheet
            rows = _sheet_rows(wb, name, path, fn)
        finally:
            wb.close()
        if not rows:
            raise ValueError(f"{fn}: {path}, sheet '{name}' is empty")
        return _Table(rows, path, "excel", name)
    if sheet is not None:
        raise ValueError(f"{fn}: sheet={sheet!r} given, but {path} is not an Excel workbook "
                         "(.xlsx)")
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{fn}: {path} is not UTF-8 text (byte {e.start}); save it as "
                         "UTF-8 CSV") from None
    if not text.strip():
        raise ValueError(f"{fn}: {path} is empty")
    delimiter = _sniff(text, sep)
    rows = list(csv.reader(_io.StringIO(text), delimiter=delimiter))
    return _Table(_trim(rows), path, "csv")


def _id(v: Any) -> Optional[str]:
    """A cell as an organisation id (a whole number 3.0 reads '3'); None when blank."""
    if _blank(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _number(v: Any, where, fn: str) -> float:
    """A cell as a tie value >= 0 (NaN when blank); ValueError naming the cell (``where()``:
    the file, the cell and the two organisations) otherwise."""
    if _blank(v):
        return math.nan
    if isinstance(v, (bool, np.bool_)):
        return float(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        x = float(v)
    else:
        text = str(v).strip()
        try:
            x = float(text)
        except ValueError:
            hint = ""
            if "," in text and text.replace(",", "", 1).replace(".", "").lstrip("-").isdigit():
                hint = " (a decimal comma: write 1.5, or save the file with a decimal point)"
            raise ValueError(f"{fn}: {where()}: {text!r} is not a number{hint}") from None
    if not math.isfinite(x) or x < 0:
        raise ValueError(f"{fn}: {where()}: {x!r} is not a tie value (a number >= 0; 0 = no "
                         "tie, blank = missing)")
    return x


def _cells(rows: List[list], n: int, t: _Table, ids: List[str], fn: str) -> np.ndarray:
    """The n x n cells of a matrix below its header and right of its id column as tie
    values (NaN: blank; the diagonal NaN, not read), column-wise; the first bad cell (row by
    row) is reported by :func:`_number`."""
    flat = pd.Series([v for r in rows[1:] for v in r[1:n + 1]], dtype=object)  # stripped
    blank = flat.isna().to_numpy() | flat.isin(MISSING_TEXTS).to_numpy()
    values = np.array(pd.to_numeric(flat.where(~blank), errors="coerce"), dtype="float64")
    diagonal = np.eye(n, dtype=bool).ravel()
    bad = ~blank & ~diagonal & ~(np.isfinite(values) & (values >= 0))
    for k in np.flatnonzero(bad):  # what pandas does not read as a number: raise or read it
        r, c = divmod(int(k), n)
        values[k] = _number(flat.iat[k], lambda: f"{t.cell(r + 1, c + 1)} (row '{ids[r]}', "
                                                 f"column '{ids[c]}')", fn)
    values[blank | diagonal] = np.nan
    return values.reshape(n, n)


# ------------------------------------------------------------------ ties from reports

def _decide(reports: np.ndarray, directed: bool, symmetrize: Optional[str], ids: List[str],
            where, fn: str) -> Tuple[list, list, Optional[float]]:
    """Ties, missing dyads and the confirmed share from a report matrix.

    ``reports[i, j]`` is what organisation i reports about its tie to j: a value >= 0 (0: no
    tie) or NaN (unknown); the diagonal is not read. Returns ``(ties, missing, confirmed)``:
    ties as (i, j, value) with value > 0 (i < j on an undirected layer), missing dyads as
    (i, j), and the share of ties both organisations report (NaN-free; None when there are
    no ties)."""
    n = len(ids)
    off = ~np.eye(n, dtype=bool)
    known = ~np.isnan(reports)
    named = known & (np.nan_to_num(reports) > 0) & off
    if directed:
        ii, jj = np.nonzero(named)
        ties = [(int(i), int(j), float(reports[i, j])) for i, j in zip(ii, jj)]
        mi, mj = np.nonzero(~known & off)
        missing = [(int(i), int(j)) for i, j in zip(mi, mj)]
        both = named & named.T
        confirmed = float(both.sum() / named.sum()) if named.sum() else None
        return ties, missing, confirmed
    iu, ju = np.triu_indices(n, 1)
    a, b = reports[iu, ju], reports[ju, iu]
    ka, kb = known[iu, ju], known[ju, iu]
    if symmetrize is None:
        bad = np.flatnonzero((ka != kb) | (ka & kb & (a != b)))
        if bad.size:
            k = bad[0]
            i, j = int(iu[k]), int(ju[k])
            show = lambda x: "blank" if math.isnan(x) else f"{x:g}"  # noqa: E731
            raise ValueError(
                f"{fn}: the matrix of an undirected layer must be symmetric: {where(i, j)} "
                f"(row '{ids[i]}', column '{ids[j]}') is {show(a[k])} but {where(j, i, True)} (row "
                f"'{ids[j]}', column '{ids[i]}') is {show(b[k])}; pass symmetrize="
                f"'reciprocated', 'respondent' or 'either', or directed=True")
        value, decided = a, ka
    else:
        both = ka & kb
        one = ka ^ kb
        lo, hi = np.fmin(a, b), np.fmax(a, b)  # fmin/fmax: the known one where one is NaN
        value = np.where(both, hi if symmetrize == "either" else lo, np.where(one, hi, np.nan))
        decided = both if symmetrize == "reciprocated" else both | one
    tied = decided & (np.nan_to_num(value) > 0)
    ties = [(int(iu[k]), int(ju[k]), float(value[k])) for k in np.flatnonzero(tied)]
    missing = [(int(iu[k]), int(ju[k])) for k in np.flatnonzero(~decided)]
    confirmed_pairs = tied & ka & kb & (np.nan_to_num(a) > 0) & (np.nan_to_num(b) > 0)
    confirmed = float(confirmed_pairs.sum() / tied.sum()) if tied.sum() else None
    return ties, missing, confirmed


def _build(ids: List[str], ties: list, layer: str, directed: bool, kind: Optional[str],
           name: str, organisations: Optional[pd.DataFrame] = None) -> Network:
    """The network of ``ids`` and ``ties`` (one layer; the tie value as attribute
    ``weight``), through :func:`ketennet.from_pandas`."""
    from .io import from_pandas

    orgs = organisations if organisations is not None else pd.DataFrame(
        {"id": pd.Series(ids, dtype=object)})
    rels = pd.DataFrame({
        "source": pd.Series([ids[i] for i, _, _ in ties], dtype=object),
        "target": pd.Series([ids[j] for _, j, _ in ties], dtype=object),
        "layer": pd.Series([layer] * len(ties), dtype=object),
        "weight": pd.Series([v for _, _, v in ties], dtype="float64")})
    return from_pandas(orgs, rels, directed={layer: bool(directed)},
                       kinds=None if kind is None else {layer: kind}, name=name)


def _record(net: Network, layer: str, entry: Dict[str, Any]) -> None:
    meta = net.metadata
    meta.setdefault(MISSING_KEY, {})[layer] = entry
    net.metadata = meta


def _check_layer_args(layer: str, directed, kind, fn: str) -> None:
    if not isinstance(layer, str) or not layer:
        raise TypeError(f"{fn}: layer must be a non-empty layer name (str), not {layer!r}")
    if not isinstance(directed, (bool, np.bool_)):
        raise TypeError(f"{fn}: directed must be True or False, not {directed!r}")
    if kind is not None and not isinstance(kind, str):
        raise TypeError(f"{fn}: kind must be 'case', 'information', 'tie' or None, not {kind!r}")


def _check_symmetrize(symmetrize, fn: str) -> None:
    if symmetrize is not None and symmetrize not in SYMMETRIZE:
        raise ValueError(f"{fn}: symmetrize must be one of {', '.join(map(repr, SYMMETRIZE))} "
                         f"or None, not {symmetrize!r}")


# ------------------------------------------------------------------ read_matrix

def read_matrix(path_or_df: PathOrFrame, *, layer: str = "default", directed: bool = True,
                symmetrize: Optional[str] = None, kind: Optional[str] = None,
                sheet: Optional[str] = None, sep: Optional[str] = None,
                name: str = "") -> Network:
    """Read a square adjacency matrix into a network of one layer.

    The matrix has the organisation ids in its first column and in its header row, in the
    same order; cell (i, j) is the tie from the organisation of row i to the organisation
    of column j: ``0`` no tie, a number > 0 a tie (``1`` for a 0/1 matrix, else its value),
    **blank** (or ``NA``) a *missing dyad*, not 0: the tie is unknown. The diagonal is not
    read (organisations have no ties with themselves), whatever it holds.

    Parameters
    ----------
    path_or_df : str, path or DataFrame
        A CSV file (the delimiter ``,``, ``;``, tab or ``|`` is sniffed, or given as
        ``sep=``), an Excel workbook (``.xlsx``; the first sheet or ``sheet=``) or a
        DataFrame whose index and columns are the ids (``pd.read_csv(..., index_col=0)``).
    layer : str
        Name of the layer.
    directed : bool
        A directed layer (default) reads every cell; an undirected one needs a symmetric
        matrix (a ``ValueError`` names the first asymmetric pair) unless ``symmetrize=``
        decides each pair from its two cells (:data:`SYMMETRIZE`; a blank cell counts as a
        missing report).
    symmetrize : str, optional
        ``"reciprocated"``, ``"respondent"`` or ``"either"`` (undirected layers only).
    kind : str, optional
        The layer's kind (``"case"``, ``"information"``, ``"tie"``); default by its name
        and direction (:class:`ketennet.Layer`).
    sheet, sep : str, optional
        The Excel sheet; the CSV delimiter.
    name : str
        Name of the network (default: none).

    Returns
    -------
    Network
        The organisations in matrix order, one relation per tie with its value in the
        relation attribute ``weight`` (``weight="weight"`` in a metric uses it; 1.0 in a
        0/1 matrix). Blank cells are recorded in ``metadata["missing_dyads"][layer]``
        (docs/data.md, "Missing data").

    Raises
    ------
    ValueError
        An empty file; a header and first column that differ (naming the first mismatch, its
        row and column); a duplicate or blank id; a row of another length; a cell that is
        not a number >= 0 (naming the file, row id, column id and value); an asymmetric
        undirected matrix. ``FileNotFoundError``, and ``KeyError`` for an unknown sheet.

    Examples
    --------
    >>> import pandas as pd, ketennet as kn
    >>> m = pd.DataFrame([[0, 1, None], [1, 0, 1], [0, 1, 0]],
    ...                  index=["politie", "om", "rechtbank"],
    ...                  columns=["politie", "om", "rechtbank"])
    >>> net = kn.read_matrix(m, layer="overleg", directed=True)
    >>> net.relations[["source", "target", "weight"]]
        source     target  weight
    0  politie         om     1.0
    1       om    politie     1.0
    2       om  rechtbank     1.0
    3  rechtbank       om     1.0
    >>> net.metadata["missing_dyads"]["overleg"]["count"]
    1
    """
    fn = "read_matrix"
    _check_layer_args(layer, directed, kind, fn)
    _check_symmetrize(symmetrize, fn)
    if symmetrize is not None and directed:
        raise ValueError(f"{fn}: symmetrize={symmetrize!r} makes an undirected layer; pass "
                         "directed=False with it")
    t = _read_grid(path_or_df, fn, sheet, sep)
    rows = t.rows
    if not rows or len(rows) < 2 or len(rows[0]) < 2:
        raise ValueError(f"{fn}: {t.where} holds no matrix (the first row must be the column "
                         "ids, the first column the row ids)")
    header = rows[0]
    n_cols, n_rows = len(header) - 1, len(rows) - 1
    col_ids, row_ids = [], []
    for c in range(1, len(header)):
        cid = _id(header[c])
        if cid is None:
            raise ValueError(f"{fn}: {t.cell(0, c)}: the header has a blank column id")
        col_ids.append(cid)
    for r in range(1, len(rows)):
        rid = _id(rows[r][0])
        if rid is None:
            raise ValueError(f"{fn}: {t.cell(r, 0)}: blank row id (the first column must "
                             "hold the organisation ids)")
        row_ids.append(rid)
    for what, found, pos in (("column", col_ids, lambda k: t.cell(0, k + 1)),
                             ("row", row_ids, lambda k: t.cell(k + 1, 0))):
        seen: Dict[str, int] = {}
        for k, oid in enumerate(found):
            if oid in seen:
                raise ValueError(f"{fn}: duplicate {what} id '{oid}' at {pos(k)} (first at "
                                 f"{pos(seen[oid])})")
            seen[oid] = k
    for k in range(max(n_rows, n_cols)):
        rid = row_ids[k] if k < n_rows else None
        cid = col_ids[k] if k < n_cols else None
        if rid != cid:
            if rid is None or cid is None:
                raise ValueError(
                    f"{fn}: {t.where}: {n_rows} rows but {n_cols} columns of organisations; "
                    f"the first column must hold the row ids and the first row the column ids "
                    f"({'column' if rid is None else 'row'} id '{cid or rid}' has no "
                    f"{'row' if rid is None else 'column'})")
            raise ValueError(
                f"{fn}: the row ids and the column ids differ at position {k + 1}: row id "
                f"'{rid}' ({t.cell(k + 1, 0)}) but column id '{cid}' ({t.cell(0, k + 1)}); "
                "the first column and the header must list the same organisations in the "
                "same order")
    ids = row_ids
    n = len(ids)
    reports = _cells(rows, n, t, ids, fn)
    ties, missing, confirmed = _decide(reports, directed, symmetrize, ids,
                                       lambda i, j, short=False: t.cell(i + 1, j + 1, short),
                                       fn)
    net = _build(ids, ties, layer, directed, kind, name)
    if missing:
        _record(net, layer, {
            "count": len(missing), "dyads": n * (n - 1) // (1 if directed else 2),
            "response_rate": None, "respondents": None, "non_respondents": [],
            "cells": [[ids[i], ids[j]] for i, j in missing], "symmetrize": symmetrize,
            "confirmed_share": confirmed if symmetrize is not None else None,
            "source": "matrix"})
    return net


# ------------------------------------------------------------------ read_survey

def _frame(data: PathOrFrame, fn: str, sheet: Optional[str], sep: Optional[str]
           ) -> Tuple[pd.DataFrame, _Table]:
    """A table with a header row as a DataFrame of raw cells (row k of the frame is row k + 1
    of the grid)."""
    if isinstance(data, pd.DataFrame):
        t = _Table([list(map(str, data.columns))] + [list(r) for r in
                                                      data.itertuples(index=False, name=None)],
                   "DataFrame", "frame")
        df = data.reset_index(drop=True)
        df.columns = [str(c) for c in df.columns]
        return df, t
    t = _read_grid(data, fn, sheet, sep)
    if not t.rows:
        raise ValueError(f"{fn}: {t.where} is empty")
    head = [_id(v) or "" for v in t.rows[0]]
    for c, h in enumerate(head):
        if not h:
            raise ValueError(f"{fn}: {t.cell(0, c)}: blank column header")
        if head.index(h) != c:
            raise ValueError(f"{fn}: {t.cell(0, c)}: duplicate column header {h!r}")
    return pd.DataFrame(t.rows[1:], columns=head, dtype=object), t


def _frame_cell(t: _Table, k: int, c: int) -> str:
    """Where row k (0-based, below the header), column c of a table is."""
    if t.kind == "frame":
        return f"DataFrame row {k}, column '{t.rows[0][c]}'"
    return f"{t.cell(k + 1, c)} ('{t.rows[0][c]}')"


def read_survey(path_or_df: PathOrFrame, respondent: str = "respondent", alter: str = "alter",
                value: Optional[str] = None, *, alters: Union[None, str, Sequence[str]] = None,
                respondents: Optional[Iterable[str]] = None,
                organisations: Union[None, Iterable[str], pd.DataFrame] = None,
                layer: str = "survey", directed: Optional[bool] = None,
                symmetrize: Optional[str] = None, kind: Optional[str] = None,
                sheet: Optional[str] = None, sep: Optional[str] = None,
                name: str = "") -> Network:
    """Read a roster survey of organisations into a network of one layer.

    Each responding organisation (the *respondent*) reports its ties to other organisations
    (its *alters*). Two layouts:

    * **long** (default): one row per respondent and named partner, columns ``respondent``
      and ``alter`` (and ``value``, the tie's strength; without it every named partner is
      a tie of value 1);
    * **wide** (``alters=`` a list of columns or a column prefix such as ``"partner_"``):
      one row per respondent, one column per partner: either one column per organisation of
      the roster (the column name, less the prefix, is the alter's id; the cell its value,
      blank = not named; a respondent's own column is not read) or name slots
      (``partner_1``, ``partner_2`` ...; each cell an alter's id).

    A respondent's partners not named are *no tie* (value 0). A **non-respondent** (an
    organisation of ``organisations=`` or named as a partner that is not among
    ``respondents=``) reports nothing: its own dyads are *missing*, not 0.

    Parameters
    ----------
    path_or_df : str, path or DataFrame
        A CSV file (delimiter sniffed or ``sep=``), an Excel workbook (``sheet=``) or a
        DataFrame, with a header row.
    respondent, alter, value : str
        Column names: the respondent's id, the partner's id (long layout), the tie's value
        (a number >= 0; 0 = no tie; optional).
    alters : str or list of str, optional
        The wide layout: the partner columns, or the prefix they start with.
    respondents : list of str, optional
        The organisations that answered (default: those with a row). One that answered but
        named nobody belongs here, or it counts as a non-respondent.
    organisations : list of str or DataFrame, optional
        The whole roster (ids, or a DataFrame with column ``id`` and attributes as for
        :func:`ketennet.from_pandas`); default the respondents and the partners they name.
    layer : str
        Name of the layer.
    directed : bool, optional
        Default: directed unless ``symmetrize=`` is given. A directed layer holds each
        report as a tie respondent -> alter; a non-respondent's outgoing dyads are missing.
    symmetrize : str, optional
        An undirected layer, each pair decided from its two reports (:data:`SYMMETRIZE`):
        ``"reciprocated"``: a tie when both report it, missing when one did not respond;
        ``"respondent"``: a tie when both report it, and where one did not respond, the
        respondent's report decides (reconstruction, Stork & Richards 1992; Huisman 2009);
        ``"either"``: a tie when one of them reports it (the respondent's report where one
        did not respond). A pair of two non-respondents is missing under every rule.
    kind : str, optional
        The layer's kind (default by name and direction).
    sheet, sep : str, optional
        The Excel sheet; the CSV delimiter.
    name : str
        Name of the network.

    Returns
    -------
    Network
        Ties with their value in the relation attribute ``weight``, and
        ``metadata["missing_dyads"][layer]`` = ``{"count", "dyads", "response_rate",
        "respondents", "non_respondents", "cells", "symmetrize", "confirmed_share",
        "source"}``: ``confirmed_share`` is the share of the layer's ties that both
        organisations report (docs/data.md, "Missing data").

    Raises
    ------
    KeyError
        A column that is not in the table (naming the columns there are); a partner outside
        ``organisations=``.
    ValueError
        A blank id, a respondent naming itself or a partner twice, a value that is not a
        number >= 0 (each naming the file, row and column), a ``directed=False`` without
        ``symmetrize=``.

    References
    ----------
    Stork, D. & Richards, W. D. (1992). Nonrespondents in communication network studies:
    problems and possibilities. Group & Organization Management 17(2), 193-209.
    Huisman, M. (2009). Imputation of missing network data: some simple procedures. Journal
    of Social Structure 10(1).

    Examples
    --------
    >>> import pandas as pd, ketennet as kn
    >>> answers = pd.DataFrame({"respondent": ["politie", "politie", "om"],
    ...                         "alter": ["om", "gemeente", "politie"]})
    >>> net = kn.read_survey(answers, symmetrize="reciprocated")
    >>> net.relations[["source", "target"]]
        source target
    0  politie     om
    >>> entry = net.metadata["missing_dyads"]["survey"]
    >>> entry["response_rate"], entry["non_respondents"], entry["count"]
    (0.6666666666666666, ['gemeente'], 2)
    """
    fn = "read_survey"
    _check_symmetrize(symmetrize, fn)
    if directed is None:
        directed = symmetrize is None
    _check_layer_args(layer, directed, kind, fn)
    if directed and symmetrize is not None:
        raise ValueError(f"{fn}: symmetrize={symmetrize!r} makes an undirected layer; pass "
                         "directed=False with it (or leave directed out)")
    if not directed and symmetrize is None:
        raise ValueError(f"{fn}: an undirected layer needs symmetrize= (one of "
                         f"{', '.join(map(repr, SYMMETRIZE))}) to decide a tie from two "
                         "reports")
    df, t = _frame(path_or_df, fn, sheet, sep)
    cols = list(df.columns)

    def col(c: str, what: str) -> int:
        if not isinstance(c, str):
            raise TypeError(f"{fn}: {what} must be a column name (str), not {c!r}")
        if c not in cols:
            raise KeyError(f"{fn}: {t.where} has no {what} column {c!r} (columns: "
                           f"{', '.join(map(repr, cols))})")
        return cols.index(c)

    rc = col(respondent, "respondent")
    reports: List[Tuple[str, str, float, str]] = []  # respondent, alter, value, where
    row_respondents: List[str] = []
    resp_values = df.iloc[:, rc].tolist()
    for k, v in enumerate(resp_values):
        rid = _id(v)
        if rid is None:
            raise ValueError(f"{fn}: {_frame_cell(t, k, rc)}: blank respondent id")
        row_respondents.append(rid)
    if alters is None:
        ac = col(alter, "alter")
        vc = col(value, "value") if value is not None else None
        for k, (rid, v) in enumerate(zip(row_respondents, df.iloc[:, ac].tolist())):
            aid = _id(v)
            if aid is None:
                raise ValueError(f"{fn}: {_frame_cell(t, k, ac)}: blank alter id (respondent "
                                 f"'{rid}')")
            x = 1.0 if vc is None else _number(
                df.iat[k, vc], lambda: f"{_frame_cell(t, k, vc)} (respondent '{rid}', alter "
                                       f"'{aid}')", fn)
            if math.isnan(x):
                raise ValueError(f"{fn}: {_frame_cell(t, k, vc)}: blank value (respondent "
                                 f"'{rid}', alter '{aid}'): 0 means no tie, leave the row "
                                 "out for a partner not named")
            reports.append((rid, aid, x, _frame_cell(t, k, ac)))
    else:
        if isinstance(alters, str):
            prefix = alters
            wide = [c for c in cols if c.startswith(prefix) and c != respondent]
            if not wide:
                raise KeyError(f"{fn}: {t.where} has no column starting with {prefix!r} "
                               f"(columns: {', '.join(map(repr, cols))})")
        else:
            prefix = ""
            wide = list(alters)
            for c in wide:
                col(c, "alters")
        idx = [cols.index(c) for c in wide]
        cells = [(k, c, df.iat[k, c]) for k in range(len(df)) for c in idx
                 if not _blank(df.iat[k, c])]
        texts = [x for x in cells if isinstance(x[2], str) and not _is_float(x[2])]
        if texts and len(texts) < len(cells):
            k, c, _ = next(x for x in cells if not (isinstance(x[2], str) and not _is_float(x[2])))
            raise ValueError(f"{fn}: {_frame_cell(t, k, c)}: the partner columns mix ids and "
                             "numbers; use one column per organisation (values) or name slots "
                             "(ids)")
        for k, c, v in cells:
            rid = row_respondents[k]
            if texts:  # name slots
                reports.append((rid, _id(v), 1.0, _frame_cell(t, k, c)))
            else:
                aid = cols[c][len(prefix):].strip()
                if aid == rid:  # the respondent's own column: the diagonal, not read
                    continue
                reports.append((rid, aid, _number(
                    v, lambda: f"{_frame_cell(t, k, c)} (respondent '{rid}', alter '{aid}')",
                    fn), _frame_cell(t, k, c)))
    # the organisations
    roster_df = None
    if isinstance(organisations, pd.DataFrame):
        if "id" not in organisations.columns:
            raise KeyError(f"{fn}: organisations has no column 'id' (columns: "
                           f"{', '.join(map(repr, organisations.columns))})")
        roster_df = organisations
        roster = [str(i) for i in organisations["id"].tolist()]
    elif organisations is not None:
        if isinstance(organisations, str):
            raise TypeError(f"{fn}: organisations must be a list of ids or a DataFrame, not "
                            "a str")
        roster = [str(i) for i in organisations]
    else:
        roster = None
    if respondents is None:
        answered = list(dict.fromkeys(row_respondents))
    else:
        if isinstance(respondents, str):
            raise TypeError(f"{fn}: respondents must be a list of organisation ids, not a str")
        answered = list(dict.fromkeys(str(i) for i in respondents))
        unknown = [r for r in dict.fromkeys(row_respondents) if r not in set(answered)]
        if unknown:
            k = row_respondents.index(unknown[0])
            raise ValueError(f"{fn}: {_frame_cell(t, k, rc)}: respondent '{unknown[0]}' has "
                             "answers but is not in respondents=")
    if roster is None:
        ids = list(dict.fromkeys(answered + [r[0] for r in reports] + [r[1] for r in reports]))
    else:
        ids = list(dict.fromkeys(roster))
        known = set(ids)
        for rid in answered:
            if rid not in known:
                raise KeyError(f"{fn}: respondent '{rid}' is not in organisations=")
        for rid, aid, _, where in reports:
            if aid not in known:
                raise KeyError(f"{fn}: {where}: partner '{aid}' (named by '{rid}') is not in "
                               "organisations=")
    pos = {oid: i for i, oid in enumerate(ids)}
    n = len(ids)
    is_resp = np.zeros(n, dtype=bool)
    is_resp[[pos[r] for r in answered]] = True
    rep = np.full((n, n), np.nan)
    rep[is_resp, :] = 0.0
    seen: Dict[Tuple[str, str], str] = {}
    for rid, aid, x, where in reports:
        if rid == aid:
            raise ValueError(f"{fn}: {where}: respondent '{rid}' names itself")
        if (rid, aid) in seen:
            raise ValueError(f"{fn}: {where}: respondent '{rid}' names '{aid}' twice (first at "
                             f"{seen[rid, aid]})")
        seen[rid, aid] = where
        rep[pos[rid], pos[aid]] = x
    ties, missing, confirmed = _decide(rep, directed, symmetrize, ids, None, fn)
    net = _build(ids, ties, layer, directed, kind, name,
                 None if roster_df is None else roster_df)
    non = [oid for oid in ids if not is_resp[pos[oid]]]
    _record(net, layer, {
        "count": len(missing), "dyads": n * (n - 1) // (1 if directed else 2),
        "response_rate": float(is_resp.sum() / n) if n else None,
        "respondents": int(is_resp.sum()), "non_respondents": non, "cells": [],
        "symmetrize": symmetrize, "confirmed_share": confirmed, "source": "survey"})
    return net


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ ego

def ego(net: Network, organisation: str, radius: int = 1, *, layers: Layers = None,
        direction: str = "both") -> Network:
    """The ego network of an organisation: it and every organisation within ``radius`` steps
    of it on the selected layers, with all relations among them.

    Parameters
    ----------
    net : Network
    organisation : str
        The ego.
    radius : int
        Steps from the ego (``0``: the ego alone).
    layers : str or list of str, optional
        The layers whose ties define the neighbourhood (default: all). The ego network keeps
        *every* layer's relations among the organisations kept (use
        :meth:`ketennet.Network.select_layers` on the result for fewer).
    direction : str
        ``"both"`` (default): steps along ties in either direction (NetworkX
        ``ego_graph(..., undirected=True)``); ``"out"``: along ties from the ego outwards
        (NetworkX's default ``undirected=False``); ``"in"``: towards the ego. Undirected
        layers count in both directions.

    Returns
    -------
    Network
        :meth:`ketennet.Network.induced` of the organisations kept (in the network's order;
        chains restricted to them), with ``metadata["ego"] = {"organisation", "radius",
        "layers", "direction"}`` and the missing dyads restricted to them.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> sub = kn.ego(net, "zsm", layers="collaboration")
    >>> sorted(sub.ids)
    ['halt', 'om', 'politie', 'reclassering_nederland', 'rvdk', 'slachtofferhulp', 'zsm']
    >>> sorted(sub.layers) == sorted(net.layers)
    True
    """
    fn = "ego"
    check_network(net)
    if isinstance(radius, bool) or not isinstance(radius, (int, np.integer)) or radius < 0:
        raise ValueError(f"{fn}: radius must be a whole number >= 0, not {radius!r}")
    if direction not in ("both", "out", "in"):
        raise ValueError(f"{fn}: direction must be 'both', 'out' or 'in', not {direction!r}")
    start = index_of(net, organisation, "ego", fn)
    # the view, not a metric: the missing dyads go with the result instead of a warning
    view = net.view(layers)
    src, tgt, _ = (np.asarray(a) for a in view.edges())
    n = len(view.ids)
    if not view.directed or direction == "both":
        a, b = np.concatenate([src, tgt]), np.concatenate([tgt, src])
    elif direction == "out":
        a, b = src, tgt
    else:
        a, b = tgt, src
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    starts = np.searchsorted(a, np.arange(n + 1))
    dist = np.full(n, -1, dtype=np.int64)
    dist[start] = 0
    frontier = [start]
    for step in range(1, int(radius) + 1):
        nxt = []
        for v in frontier:
            for w in b[starts[v]:starts[v + 1]]:
                if dist[w] < 0:
                    dist[w] = step
                    nxt.append(int(w))
        if not nxt:
            break
        frontier = nxt
    ids = list(view.ids)
    kept = [ids[i] for i in range(n) if dist[i] >= 0]
    sub = net.induced(kept)  # the missing dyads restricted to the organisations kept
    meta = sub.metadata
    meta["ego"] = {"organisation": organisation, "radius": int(radius),
                   "layers": None if layers is None else
                   ([layers] if isinstance(layers, str) else list(layers)),
                   "direction": direction}
    sub.metadata = meta
    return sub


# ------------------------------------------------------------------ Excel workbooks

def _sheet_frame(rows: List[list], path: str, sheet: str, fn: str,
                 required: Sequence[str]) -> pd.DataFrame:
    """A sheet with a header row as a DataFrame (blank cells None; row k is Excel row
    k + 2); KeyError naming the sheet and the columns there are for a missing column."""
    if not rows:
        raise ValueError(f"{fn}: {path}, sheet '{sheet}' is empty (row 1 must hold the "
                         f"column names: {', '.join(required)} ...)")
    head = []
    for c, v in enumerate(rows[0]):
        h = _id(v)
        if h is None:
            raise ValueError(f"{fn}: {path}, sheet '{sheet}', cell {_letter(c)}1: blank "
                             "column name")
        if h in head:
            raise ValueError(f"{fn}: {path}, sheet '{sheet}', cell {_letter(c)}1: duplicate "
                             f"column name {h!r} (first in column {_letter(head.index(h))})")
        head.append(h)
    for r in required:
        if r not in head:
            raise KeyError(f"{fn}: {path}, sheet '{sheet}' has no column '{r}' in row 1 "
                           f"(columns: {', '.join(map(repr, head))})")
    body = [r for r in rows[1:]]
    return pd.DataFrame(body, columns=head, dtype=object)


def _excel_error(e: Exception, path: str, sheets: Mapping[str, Tuple[str, list]]):
    """``e`` (from :func:`ketennet.from_pandas`) reworded with the sheet, the Excel row and
    the column letter."""
    import re

    text = str(e.args[0]) if e.args else str(e)

    def row(m):
        what, k = m.group(1), int(m.group(2))
        sheet, head = sheets[what]
        return f"{path}, sheet '{sheet}', row {k + 2}"

    text = re.sub(r"\b(relations|organisations) row (\d+)", row, text)
    for what, (sheet, head) in sheets.items():
        for c, h in enumerate(head):
            text = text.replace(f"field '{h}'", f"column {_letter(c)} ('{h}')") \
                if f"sheet '{sheet}'" in text else text
    return type(e)(f"read_excel: {text}")


def read_excel(path, organisations: str = SHEETS["organisations"],
               relations: str = SHEETS["relations"], *, layers: str = SHEETS["layers"],
               network: str = SHEETS["network"]) -> Network:
    """Read a network from an Excel workbook (``.xlsx``).

    The workbook (what :func:`write_excel` writes):

    * the organisations sheet (default ``"Organisaties"``): row 1 the column names ``id``
      (required), ``name``, ``sector`` and attribute columns; one row per organisation;
    * the relations sheet (``"Relaties"``): ``source``, ``target`` (required), ``layer``,
      ``volume``, ``latency``, ``quality``, ``capacity`` and attribute columns; one row per
      relation (blank cells: unknown);
    * optional, the layers sheet (``"Lagen"``): ``layer``, ``directed`` (TRUE/FALSE),
      ``kind``; without it every layer is directed, its kind by name;
    * optional, the network sheet (``"Netwerk"``): ``key`` and ``value`` rows ``name``,
      ``metadata`` (JSON text) and ``chain <name>`` (JSON text of its stages).

    The columns are those of :func:`ketennet.from_pandas`, which builds the network.

    Parameters
    ----------
    path : str or path
    organisations, relations, layers, network : str
        Sheet names.

    Raises
    ------
    KeyError
        A missing sheet (naming the sheets there are) or required column (naming the sheet
        and its columns).
    ValueError
        A bad cell, naming the file, sheet, Excel row (as shown in Excel) and column:
        everything :func:`ketennet.from_pandas` checks (duplicate ids, unknown organisations,
        values outside their domain ...).

    Examples
    --------
    >>> import os, tempfile, ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> path = os.path.join(tempfile.mkdtemp(), "keten.xlsx")
    >>> kn.write_excel(net, path)
    >>> kn.read_excel(path) == net
    True
    """
    from .io import from_pandas

    fn = "read_excel"
    path = _check_path(path, fn)
    for what, s in (("organisations", organisations), ("relations", relations),
                     ("layers", layers), ("network", network)):
        if not isinstance(s, str):
            raise TypeError(f"{fn}: {what} must be a sheet name (str), not {s!r}")
    wb = _workbook(path, fn)
    try:
        org_rows = _sheet_rows(wb, organisations, path, fn)
        rel_rows = _sheet_rows(wb, relations, path, fn)
        lay_rows = _sheet_rows(wb, layers, path, fn) if layers in wb.sheetnames else None
        net_rows = _sheet_rows(wb, network, path, fn) if network in wb.sheetnames else None
    finally:
        wb.close()
    orgs = _sheet_frame(org_rows, path, organisations, fn, ["id"])
    rels = _sheet_frame(rel_rows, path, relations, fn, ["source", "target"])
    for f in FIELDS:  # numbers, blank = unknown (object columns of None read as NaN)
        if f in rels.columns:
            rels[f] = rels[f].map(lambda v: np.nan if v is None else v)
    directed: Dict[str, bool] = {}
    kinds: Dict[str, str] = {}
    if lay_rows is not None:
        lay = _sheet_frame(lay_rows, path, layers, fn, ["layer", "directed"])
        head = list(lay.columns)
        for k, rec in enumerate(lay.to_dict("records")):
            where = f"{path}, sheet '{layers}', row {k + 2}"
            lname = _id(rec["layer"])
            if lname is None:
                raise ValueError(f"{fn}: {where}, column {_letter(head.index('layer'))}: blank "
                                 "layer name")
            d = rec["directed"]
            if isinstance(d, str) and d.strip().upper() in ("TRUE", "FALSE", "WAAR", "ONWAAR"):
                d = d.strip().upper() in ("TRUE", "WAAR")
            if not isinstance(d, (bool, np.bool_)):
                raise ValueError(f"{fn}: {where}, column {_letter(head.index('directed'))} "
                                 f"('directed'): {d!r} is not TRUE or FALSE")
            if lname in directed:
                raise ValueError(f"{fn}: {where}: layer '{lname}' is listed twice")
            directed[lname] = bool(d)
            kd = rec.get("kind")
            if not _blank(kd):
                kinds[lname] = str(kd)
    if "layer" in rels.columns:
        lcol = rels.columns.get_loc("layer")
        for k, v in enumerate(rels["layer"].tolist()):
            lname = _id(v)
            if lname is None:
                raise ValueError(f"{fn}: {path}, sheet '{relations}', row {k + 2}, column "
                                 f"{_letter(lcol)} ('layer'): blank layer name")
            if lay_rows is not None and lname not in directed:
                raise ValueError(f"{fn}: {path}, sheet '{relations}', row {k + 2}, column "
                                 f"{_letter(lcol)} ('layer'): layer '{lname}' is not in sheet "
                                 f"'{layers}' (layers: {', '.join(map(repr, directed))})")
            directed.setdefault(lname, True)
    name, metadata, chains = "", None, []
    texts: Dict[str, Tuple[List[str], str]] = {}
    if net_rows is not None:
        info = _sheet_frame(net_rows, path, network, fn, ["key", "value"])
        for k, rec in enumerate(info.to_dict("records")):
            key, v = _id(rec["key"]), rec["value"]
            where = f"{path}, sheet '{network}', row {k + 2}"
            if key is None:
                continue
            if key == "name":
                name = "" if _blank(v) else str(v)
            elif key == "metadata" or key.startswith("chain "):
                # JSON text longer than a cell holds continues on rows with the same key
                texts.setdefault(key, ([], where))[0].append("" if _blank(v) else str(v))
            else:
                raise ValueError(f"{fn}: {where}: unknown key {key!r} (keys: name, metadata, "
                                 "chain <name>)")
        for key, (parts, where) in texts.items():
            try:
                parsed = json.loads("".join(parts))
            except json.JSONDecodeError as e:
                raise ValueError(f"{fn}: {where} ('{key}'): not JSON text: {e}") from None
            if key == "metadata":
                if not isinstance(parsed, dict):
                    raise ValueError(f"{fn}: {where} ('metadata'): a JSON object expected")
                metadata = parsed
            else:
                chains.append((key[len("chain "):], parsed, where))
    sheets = {"organisations": (organisations, list(orgs.columns)),
              "relations": (relations, list(rels.columns))}
    try:
        net = from_pandas(orgs, rels, directed=directed or True, kinds=kinds or None,
                          name=name)
    except (ValueError, KeyError, TypeError) as e:
        raise _excel_error(e, path, sheets) from None
    for cname, stages, where in chains:
        try:
            net.add_chain(cname, stages)
        except (ValueError, KeyError, TypeError) as e:
            raise type(e)(f"{fn}: {where} ('chain {cname}'): {e.args[0] if e.args else e}") \
                from None
    if metadata is not None:
        net.metadata = metadata
    return net


def _cell_value(v: Any) -> Any:
    """A DataFrame value as an Excel cell: None for unknown, numbers, bools, text."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    return v


def write_excel(net: Network, path) -> None:
    """Write a network to an Excel workbook (``.xlsx``) that :func:`read_excel` reads back
    into an equal network.

    Sheets ``Organisaties`` (``net.organisations``), ``Relaties`` (``net.relations``),
    ``Lagen`` (``layer``, ``directed``, ``kind``) and ``Netwerk`` (``key``, ``value``: the
    name, the metadata and each chain as JSON text). Unknown values are blank cells. The
    file is written beside the target and renamed over it (a failed write leaves the
    previous file).

    Examples
    --------
    >>> import os, tempfile, ketennet as kn
    >>> path = os.path.join(tempfile.mkdtemp(), "keten.xlsx")
    >>> kn.write_excel(kn.examples.load("vreemdelingenketen"), path)
    >>> kn.read_excel(path).name
    'vreemdelingenketen'
    """
    fn = "write_excel"
    check_network(net)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{fn}: path must be a file path, not {type(path).__name__}")
    path = os.fspath(path)
    if "\0" in path:
        raise ValueError(f"{fn}: the path contains a NUL character")
    openpyxl = _openpyxl(fn)
    wb = openpyxl.Workbook(write_only=True)

    from openpyxl.cell import WriteOnlyCell

    def sheet(title: str, df: pd.DataFrame) -> None:
        ws = wb.create_sheet(title)

        def cell(v):
            v = _cell_value(v)
            if isinstance(v, str) and v.startswith("="):  # text, never a formula
                c = WriteOnlyCell(ws, value=v)
                c.data_type = "s"
                return c
            return v

        ws.append([cell(str(c)) for c in df.columns])
        for rec in df.itertuples(index=False, name=None):
            ws.append([cell(v) for v in rec])

    sheet(SHEETS["organisations"], net.organisations)
    sheet(SHEETS["relations"], net.relations)
    sheet(SHEETS["layers"], pd.DataFrame(
        [(n, l.directed, l.kind) for n, l in net.layers.items()],
        columns=["layer", "directed", "kind"]))
    texts = [("metadata", json.dumps(net.metadata, ensure_ascii=False))]
    texts += [(f"chain {c}", json.dumps(net.chain(c), ensure_ascii=False)) for c in net.chains]
    info = [("name", net.name)] + [(key, text[i:i + EXCEL_CELL_TEXT])
                                   for key, text in texts
                                   for i in range(0, max(len(text), 1), EXCEL_CELL_TEXT)]
    sheet(SHEETS["network"], pd.DataFrame(info, columns=["key", "value"]))
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
