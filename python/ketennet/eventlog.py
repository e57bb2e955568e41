"""Process event logs: from case-level data to the chain network and the citizen's journeys.

Case-level data comes as process event logs: IEEE 1849 XES files (:func:`read_xes`) or tables
with a case id, an activity, a timestamp and a resource or organisation (:func:`from_pandas`,
:func:`read_csv`; the default column names are the XES keys pm4py uses). The log is held in
C++ column-wise (:class:`EventLog`: 24 bytes per event plus the distinct strings), events
grouped by case and sorted by time within each case (stably; cases that were out of order are
counted in :attr:`EventLog.reordered_cases`).

Events are mapped to organisations by a column (``organisation="org:group"``) or by a mapping
from activities or resources to organisations. Events that no mapping covers stay in the log
(and in the journeys' lead times); the networks skip them (A, unknown, B is a handover
A -> B) and say how many they skipped.

From a log: :func:`handover_network` (van der Aalst, Reijers & Song 2005, with the
causality fall factor ``beta``), :func:`working_together`, :func:`subcontracting`
(``kn.Network`` objects, so every metric of ketennet runs on them), :func:`handover_table`,
:func:`directly_follows` (the directly-follows graph with waiting times), :func:`journeys`
(one row per case), :func:`variants`, :func:`within_norm`, :func:`temporal_reach`
(time-respecting paths along the handovers, and the stage order of cases); and
:func:`aggregate`, the same
tables computed as SQL on DuckDB or Spark for logs larger than memory.

Which nodes a network has (the ``organisation`` argument of the builders): ``None`` (the
log's organisations, or its resources when it has no organisation column: pm4py's
``org:resource`` default), ``"organisation"``, ``"resource"`` (or pm4py's
``"org:resource"``), ``"activity"`` (or ``"concept:name"``), the name of a string event
attribute (``"org:group"``), or a mapping of activities to organisations. A DataFrame that
pm4py produced reads as it is; integer ids in a column that also holds NaN (a float column)
read as integers (``1.0`` -> ``'1'``).

Examples
--------
>>> import ketennet as kn
>>> log = kn.examples.eventlog("running-example")
>>> log
EventLog(6 cases, 42 events; no organisations)
>>> net = kn.eventlog.handover_network(log)
>>> net.relation("Mike", "Sara", "case")["volume"]
3.0
"""
from __future__ import annotations

import gzip
import lzma
import math
import os
import warnings
import zipfile
import zlib
import zoneinfo
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core, disclosure as _disclosure
from ._deprecation import renamed_arguments
from ._util import Progress, check_choice, core_default, progress_handler, thread_count
from ._util import result_html as _result_html
from .network import Network, _stages

__all__ = ["EventLog", "read_xes", "from_pandas", "read_csv", "handover_network", "handover_table",
           "working_together", "subcontracting", "directly_follows", "journeys", "variants",
           "within_norm", "NORMS", "aggregate", "Aggregates", "network_from_tables", "OrderWarning",
           "temporal_reach", "TemporalReach"]

PathLike = Union[str, "os.PathLike[str]"]
NodeSpec = Union[None, str, Mapping[str, str]]

_SRC = ("van der Aalst, Reijers & Song (2005), Discovering social networks from event logs, "
        "Computer Supported Cooperative Work 14(6), 549-593")

_DEFAULT = object()

#: Lead-time norms of the Dutch courts (Rechtspraak, 2015): (days, share of cases that should
#: be within them). Five weeks; six months and nine months as 365.25 / 12 days a month.
NORMS: Dict[str, Tuple[float, float]] = {name: (days, share) for name, days, share in _core.eventlog.NORMS}


def _zone(timezone: Optional[str], fn: str) -> Optional[str]:
    """``timezone`` checked: None (as stored, UTC) or an IANA time zone name; ``ValueError``
    naming ``fn`` and the zone otherwise."""
    if timezone is None:
        return None
    if not isinstance(timezone, str):
        raise TypeError(f"{fn}: timezone must be an IANA time zone name such as "
                        f"'Europe/Amsterdam' or None, not {type(timezone).__name__}")
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{fn}: unknown time zone {timezone!r} (an IANA name such as "
                         "'Europe/Amsterdam' or 'UTC', or None for the times as stored)") from None
    return timezone


def _local_time(ns: int, timezone: Optional[str]) -> pd.Timestamp:
    """An instant (ns since the epoch, UTC) as a naive local time of ``timezone`` (UTC when
    None)."""
    t = pd.Timestamp(ns, unit="ns")
    return t if timezone is None else t.tz_localize("UTC").tz_convert(timezone).tz_localize(None)


def _instant(local: pd.Timestamp, timezone: Optional[str]) -> int:
    """A naive local time of ``timezone`` (UTC when None) as ns since the epoch; a local time
    a daylight-saving change skips moves forward to the change."""
    if timezone is None:
        return local.value
    return local.tz_localize(timezone, ambiguous=True, nonexistent="shift_forward").value


def _shown(times: pd.Series, timezone: Optional[str]):
    """UTC ``times`` as the log shows them: in ``timezone`` when one is set."""
    return times if timezone is None else times.tz_convert(timezone)


def _local(col: pd.Series, timezone: Optional[str], name: str, where: str) -> pd.Series:
    """A timestamp column whose times without a UTC offset are local times of ``timezone``
    (tz-aware then); the column itself without a zone, or when it cannot be read as one
    (the usual reading then names the row)."""
    if timezone is None or isinstance(col.dtype, pd.DatetimeTZDtype):
        return col
    if pd.api.types.is_datetime64_dtype(col.dtype):
        naive = col
    else:
        try:
            parsed = pd.to_datetime(col, format="ISO8601")
        except (ValueError, TypeError, OverflowError):
            return col
        if not pd.api.types.is_datetime64_dtype(parsed.dtype):
            return col  # offsets given: instants already
        naive = parsed
    try:
        return naive.dt.tz_localize(timezone, ambiguous="raise", nonexistent="raise")
    except Exception as e:  # pandas' AmbiguousTimeError / NonExistentTimeError
        raise ValueError(f"{where or 'from_pandas'}: column '{name}': a local time that the "
                         f"daylight-saving change of {timezone} skips or repeats ({e}); give such "
                         "times with their UTC offset") from None


class EventLog:
    """A process event log held column-wise in C++.

    Columns per event: case (int32), activity, resource, organisation (int32 dictionary codes;
    -1 = none) and timestamp (int64 ns since the epoch, UTC): 24 bytes per event, plus 8 per
    case and the distinct strings (:attr:`nbytes`). Further attributes (XES string, date,
    int, float, boolean, id) are stored columnar by name. Events are grouped by case, cases in
    order of first appearance, and sorted by time within each case, stably.

    Build one with :func:`read_xes`, :func:`from_pandas` or :func:`read_csv`.

    **Time zone.** Events are stored as instants (UTC). :attr:`timezone` says how times are
    shown and which calendar a period or a day belongs to: ``None`` (the default) shows them
    as stored, in UTC; an IANA zone such as ``"Europe/Amsterdam"`` shows local times (in
    :meth:`to_pandas`, the ``start`` and ``end`` of :func:`journeys`, the periods of
    :func:`handover_network` and the calendar days of :func:`within_norm`). Set it with
    ``timezone=`` when reading, or :meth:`with_timezone`. Lead times, waiting times and every
    count are the same in every zone.
    """

    __slots__ = ("_core", "_timezone")

    def __init__(self, core: "_core.eventlog.EventLog", timezone: Optional[str] = None) -> None:
        if not isinstance(core, _core.eventlog.EventLog):
            raise TypeError("use kn.eventlog.read_xes, from_pandas or read_csv to make an EventLog")
        self._core = core
        self._timezone = _zone(timezone, "EventLog")

    @property
    def timezone(self) -> Optional[str]:
        """The time zone times are shown in (an IANA name), or ``None``: as stored, in UTC."""
        return self._timezone

    def with_timezone(self, timezone: Optional[str]) -> "EventLog":
        """The same log (the events are shared, not copied) shown in ``timezone``: an IANA
        name such as ``"Europe/Amsterdam"``, or ``None`` for the times as stored (UTC).
        ``ValueError`` naming an unknown zone.

        Examples
        --------
        >>> import pandas as pd
        >>> import ketennet as kn
        >>> df = pd.DataFrame({"case:concept:name": ["1", "1"], "concept:name": ["aangifte", "dagvaarding"],
        ...                    "time:timestamp": ["2024-02-29T23:15:00Z", "2024-03-04T10:00:00Z"]})
        >>> log = kn.eventlog.from_pandas(df).with_timezone("Europe/Amsterdam")
        >>> log.timezone
        'Europe/Amsterdam'
        >>> str(kn.eventlog.journeys(log)["start"].iloc[0])
        '2024-03-01 00:15:00+01:00'
        """
        return EventLog(self._core, _zone(timezone, "with_timezone"))

    @property
    def n_events(self) -> int:
        """Number of events."""
        return self._core.event_count

    @property
    def n_cases(self) -> int:
        """Number of cases."""
        return self._core.case_count

    def __len__(self) -> int:
        return self._core.event_count

    @property
    def reordered_cases(self) -> int:
        """Cases whose events were not in time order in the input (sorted stably on reading)."""
        return self._core.reordered_cases

    @property
    def unmapped_events(self) -> int:
        """Events without an organisation (all of them when the log has no organisations)."""
        return self._core.unmapped_events

    @property
    def organisation_source(self) -> str:
        """What the organisations come from: a column name, ``"mapping of activities"``,
        ``"mapping of resources"``, or ``""`` (no organisations)."""
        return self._core.organisation_source

    @property
    def nbytes(self) -> Tuple[int, int]:
        """(bytes of the core columns and case offsets, bytes of the distinct strings)."""
        return tuple(self._core.nbytes)

    def attributes(self) -> list:
        """Names of the further event attributes."""
        return list(self._core.event_attribute_names())

    def __repr__(self) -> str:
        src = self.organisation_source
        orgs = (f"organisations from {src}, {self.unmapped_events} events without one" if src
                else "no organisations")
        return f"EventLog({self.n_cases} cases, {self.n_events} events; {orgs})"

    def map_organisations(self, mapping: Mapping[str, str], by: str = "activity") -> "EventLog":
        """A copy of the log whose organisations come from ``mapping`` of activities
        (``by="activity"``) or resources (``by="resource"``) to organisation names. Events the
        mapping does not cover get no organisation: they are counted in
        :attr:`unmapped_events`, kept in the log and skipped by the networks. pm4py's names
        ``"concept:name"`` and ``"org:resource"`` are accepted for ``by`` as well."""
        check_choice(by, "by", ("activity", "resource", "concept:name", "org:resource"))
        keys, values = _mapping_lists(mapping)
        return EventLog(self._core.with_mapping(keys, values, _COLUMN_ALIASES[by] == "resource"),
                        self._timezone)

    def with_organisation_attribute(self, name: str) -> "EventLog":
        """A copy of the log whose organisations are the string event attribute ``name``."""
        return EventLog(self._core.with_organisation_attribute(name), self._timezone)

    def to_pandas(self) -> pd.DataFrame:
        """The events as a DataFrame with the XES column names (``case:concept:name``,
        ``concept:name``, ``time:timestamp`` in UTC or in the log's :attr:`timezone`,
        ``org:resource``, ``organisation``) and one column per further attribute, in the log's
        order (by case, then time)."""
        c = self._core.columns()
        out = {
            "case:concept:name": _categorical(c["case"], c["cases"]),
            "concept:name": _categorical(c["activity"], c["activities"]),
            "time:timestamp": _shown(pd.to_datetime(c["time"], unit="ns", utc=True), self._timezone),
            "org:resource": _categorical(c["resource"], c["resources"]),
            "organisation": _categorical(c["organisation"], c["organisations"]),
        }
        for a in c["event_attributes"]:
            out[a["name"]] = _attribute_values(a)
        for a in c["case_attributes"]:
            out[a["name"]] = _attribute_values(a)[c["case"]]
        return pd.DataFrame(out)


def _categorical(codes: np.ndarray, values: Sequence[str]) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(values, dtype=object)
                                     if len(values) else pd.Index([], dtype=object))


def _attribute_values(a: Dict[str, Any]) -> np.ndarray:
    kind = a["kind"]
    if kind in ("string", "id"):
        return np.asarray(_categorical(a["codes"], a["values"]))
    v = np.asarray(a["values"])
    if kind == "date":
        return np.asarray(pd.to_datetime(v, unit="ns", utc=True))
    if kind == "int":
        missing = v == np.iinfo(np.int64).min
        return pd.arrays.IntegerArray(np.where(missing, 0, v), missing)
    if kind == "boolean":
        return pd.arrays.BooleanArray(v == 1, v < 0)
    return v


def _mapping_lists(mapping: Mapping[str, str]) -> Tuple[list, list]:
    if not isinstance(mapping, Mapping):
        raise TypeError(f"an organisation mapping must be a dict, not {type(mapping).__name__}")
    keys, values = [], []
    for k, v in mapping.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError(f"organisation mapping: keys and values must be strings, not {k!r}: {v!r}")
        keys.append(k)
        values.append(v)
    return keys, values


# ----------------------------------------------------------------------------- reading

#: The XES reader's default limit on one XML token (a tag with its attribute values, a
#: comment): 16 MiB.
XES_MAX_TOKEN_BYTES = core_default(_core.eventlog.read_xes, "max_token_bytes")
#: The XES reader's default limit on the XML text read (after decompression): 4 GiB.
XES_MAX_BYTES = core_default(_core.eventlog.read_xes, "max_bytes")


def _limit(value: Optional[int], name: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int (bytes) or None, not {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be positive (bytes) or None for no limit, not {value}")
    return int(value)


def read_xes(path: PathLike, organisation: NodeSpec = None, organisation_by: str = "activity", *,
             max_token_bytes: Optional[int] = XES_MAX_TOKEN_BYTES,
             max_bytes: Optional[int] = XES_MAX_BYTES, progress: Progress = None,
             timezone: Optional[str] = None) -> EventLog:
    """Read an IEEE 1849 XES event log (``.xes`` or gzip-compressed ``.xes.gz``).

    A streaming reader in C++ on expat and zlib: the file is never held in memory whole.
    Traces are cases (``concept:name`` is the case id), events carry ``concept:name``
    (activity), ``org:resource`` and ``time:timestamp``; other top-level attributes of events
    become typed columns (string, date, int, float, boolean, id) and those of traces case
    attributes named ``case:<key>`` (as pm4py names them). Dates honour their UTC offset and
    are stored in UTC (a date without an offset is taken as UTC). Nested attributes, global
    defaults and log-level attributes are skipped.

    Parameters
    ----------
    path : str or path
    organisation : None, str or dict
        ``None``: no organisations (the networks then use the resources); the name of a string
        event attribute (``"org:group"``), or ``"org:resource"`` / ``"concept:name"`` (also
        ``"resource"`` / ``"activity"``) for the resource or activity column; or a mapping of
        activities (or resources, with ``organisation_by="resource"``) to organisation
        names.
    organisation_by : {"activity", "resource"}
        What a mapping's keys are.
    max_token_bytes : int or None
        The longest XML token read: a start tag with its attribute values, a comment or a
        processing instruction (default :data:`XES_MAX_TOKEN_BYTES`, 16 MiB; ``None``: no
        limit). Enforced while streaming, before expat's buffer grows further, so a hostile
        file with one huge attribute value fails fast in bounded memory. Text between tags is
        streamed and not limited.
    max_bytes : int or None
        The most XML bytes read, after decompression for ``.gz`` (default
        :data:`XES_MAX_BYTES`, 4 GiB; ``None``: no limit): a guard against compression bombs.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done (the share of
        the file read, as stored, up to 0.9; 1.0 once the log is finalised) and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.
    timezone : str, optional
        The time zone the log shows its times in (:attr:`EventLog.timezone`; default
        ``None``: as stored, in UTC). XES dates carry their UTC offset and are read as the
        instants they name in every zone.

    Timestamps must lie in :data:`TIMESTAMP_RANGE` (1677-09-21 to 2262-04-11, int64
    nanoseconds): others are refused, never wrapped. The clock runs from 00:00:00 to
    23:59:59.999999999, and ``24:00:00`` is midnight of the next day; a leap second
    (``23:59:60``) and other clock values out of range are refused.

    Errors: ``FileNotFoundError``, ``OSError`` (the file system); ``ValueError`` naming the
    file, line and column for malformed or truncated XML, a value that does not parse as its
    type or a timestamp out of range (naming key and value), an event without activity or
    timestamp, a trace without case id, a token or input over its limit (naming the limit),
    and a truncated or corrupt gzip stream (missing trailer, bad CRC or length);
    ``ValueError`` for a log without events.

    Examples
    --------
    >>> import ketennet as kn
    >>> from ketennet.examples import eventlog_path
    >>> log = kn.eventlog.read_xes(eventlog_path("running-example"))
    >>> log.n_cases, log.n_events, log.reordered_cases
    (6, 42, 0)
    """
    core = _core.eventlog.read_xes(os.fspath(path), _limit(max_token_bytes, "max_token_bytes"),
                                   _limit(max_bytes, "max_bytes"),
                                   progress_handler(progress, "reading " + os.path.basename(os.fspath(path))))
    log = _report_order(EventLog(core, _zone(timezone, "read_xes")), os.fspath(path))
    return _with_organisation(log, organisation, organisation_by)


class OrderWarning(UserWarning):
    """Events of some cases were not in time order in the input; they were sorted stably."""


def _report_order(log: EventLog, what: str) -> EventLog:
    if log.reordered_cases:
        warnings.warn(f"{what}: the events of {log.reordered_cases} of {log.n_cases} cases were not "
                      "in time order; they have been sorted by time (stably: equal timestamps keep "
                      "their order). See EventLog.reordered_cases.", OrderWarning, stacklevel=3)
    return log


def _with_organisation(log: EventLog, organisation: NodeSpec, by: str) -> EventLog:
    if organisation is None:
        return log
    if isinstance(organisation, str):
        return log.with_organisation_attribute(organisation)
    return log.map_organisations(organisation, by=by)


def _id_text(u) -> str:
    """An id as text: integral floats (an integer column that holds NaN becomes float) as
    integers, ``1.0`` -> ``'1'``."""
    if isinstance(u, (float, np.floating)) and math.isfinite(u) and float(u).is_integer():
        return str(int(u))
    return str(u)


def _codes(col: pd.Series) -> Tuple[np.ndarray, list]:
    codes, uniques = pd.factorize(col, sort=False, use_na_sentinel=True)
    return codes.astype(np.int64, copy=False), [_id_text(u) for u in uniques]


#: The range of timestamps an event log holds (int64 nanoseconds since 1970-01-01 UTC, the
#: smallest int64 meaning "missing"): pandas' ``Timestamp.min`` to ``Timestamp.max``.
TIMESTAMP_RANGE = "1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z"
_I64 = np.iinfo(np.int64)


def _name(path) -> str:
    return os.fspath(path) if isinstance(path, (str, os.PathLike)) else repr(path)


def _record(where: str, i: int) -> str:
    return f"{where}: record {i}" if where else f"row {i}"


def _timestamps(col: pd.Series, name: str, where: str = "") -> np.ndarray:
    if isinstance(col.dtype, pd.DatetimeTZDtype):
        ts = col.dt.tz_convert("UTC").dt.tz_localize(None)
    elif pd.api.types.is_datetime64_any_dtype(col.dtype):
        ts = col
    else:
        ts = pd.to_datetime(col, utc=True, errors="coerce", format="ISO8601")
        bad = ts.isna().to_numpy() & col.notna().to_numpy()
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"{_record(where, i)}: cannot parse the timestamp {col.iloc[i]!r} in "
                             f"column '{name}' ({int(bad.sum())} such rows)")
        ts = ts.dt.tz_localize(None)
    # the column's own unit (pandas reads seconds, microseconds ...): checked before the cast
    # to nanoseconds, which would wrap silently
    raw = ts.to_numpy()
    unit, count = np.datetime_data(raw.dtype)
    per = int(np.timedelta64(count, unit) // np.timedelta64(1, "ns"))
    v = raw.view(np.int64)
    if per != 1:
        lo, hi = -((-(_I64.min + 1)) // per), _I64.max // per  # ceil and floor
        out = (v != _I64.min) & ((v < lo) | (v > hi))
        if out.any():
            i = int(np.flatnonzero(out)[0])
            raise ValueError(f"{_record(where, i)}: the timestamp {col.iloc[i]!r} in column "
                             f"'{name}' is outside the supported range {TIMESTAMP_RANGE} (int64 "
                             f"nanoseconds since 1970; {int(out.sum())} such rows)")
        v = np.where(v == _I64.min, _I64.min, v * per)
    # NaT is int64 min: the C++ side names the row of a missing timestamp
    return np.ascontiguousarray(v, dtype=np.int64)


def _attribute_column(name: str, col: pd.Series, where: str = ""):
    dt = col.dtype
    if pd.api.types.is_bool_dtype(dt):
        flags = np.where(col.isna(), -1, col.fillna(False).astype(bool)).astype(np.int8)
        return (name, "boolean", flags)
    if isinstance(dt, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(dt):
        return (name, "date", _timestamps(col, name, where))
    if pd.api.types.is_integer_dtype(dt) and not col.isna().any():
        raw = col.to_numpy()
        if raw.dtype.kind == "u":
            over = raw > np.uint64(_I64.max)
            if over.any():
                i = int(np.flatnonzero(over)[0])
                raise ValueError(f"{_record(where, i)}: the value {int(raw[i])} in the integer column "
                                 f"'{name}' is above the int64 maximum {_I64.max} ({int(over.sum())} "
                                 "such rows); convert the column to float or text to keep it")
        values = raw.astype(np.int64)
        low = values == _I64.min
        if low.any():
            i = int(np.flatnonzero(low)[0])
            raise ValueError(f"{_record(where, i)}: the value {_I64.min} in the integer column '{name}' "
                             "is the int64 minimum, which an event log reserves for a missing value; "
                             "use a nullable column (pandas.NA) for missing values")
        return (name, "int", values)
    if pd.api.types.is_complex_dtype(dt):
        raise TypeError(f"attribute column '{name}' has the complex dtype {dt}: an event log holds "
                        "real numbers; split it into real and imaginary columns")
    if pd.api.types.is_numeric_dtype(dt):
        return (name, "float", col.to_numpy(dtype=float, na_value=np.nan))
    codes, uniques = _codes(col)
    return (name, "string", codes, uniques)


def from_pandas(df, case: str = "case:concept:name", activity: str = "concept:name",
                timestamp: str = "time:timestamp", resource: Optional[str] = _DEFAULT,
                organisation: NodeSpec = None, organisation_by: str = "activity",
                attributes: Union[bool, Sequence[str]] = True, *,
                timezone: Optional[str] = None) -> EventLog:
    """Build an event log from a table of events (pandas DataFrame or pyarrow Table).

    Columns go to C++ as arrays (dictionary codes made by ``pandas.factorize``), never row by
    row through Python.

    Parameters
    ----------
    df : DataFrame or pyarrow.Table
    case, activity, timestamp : str
        Column names (XES keys by default). Timestamps may be datetimes (time-zone aware ones
        are converted to UTC; naive ones are taken as UTC) or ISO 8601 strings.
    resource : str or None
        Resource column (default ``"org:resource"``, optional when absent; pass ``None`` for
        none). A column named explicitly must exist.
    organisation : None, str or dict
        An organisation column, or a mapping of activities (or resources with
        ``organisation_by="resource"``) to organisation names. ``"org:resource"`` or
        ``"resource"`` (``"concept:name"`` or ``"activity"``) without a column of that name
        takes the organisations from the resource (activity) column. Ids of a float column
        that are whole numbers (integers with NaN among them) read as integers: ``'1'``, not
        ``'1.0'``; this holds for the case and resource columns too.
    attributes : bool or list of str
        Further columns to keep as typed attributes (True: all others).
    timezone : str, optional
        An IANA time zone such as ``"Europe/Amsterdam"``: timestamps without a UTC offset
        are local times of that zone (a local time that a daylight-saving change makes
        ambiguous or skips is a ``ValueError``: give such times with their offset), and the
        log shows its times there (:attr:`EventLog.timezone`). Default ``None``: as stored
        (timestamps without an offset are UTC, times shown in UTC).

    Errors (``ValueError``): a missing column (naming it and listing those present), an empty
    table, a missing case id or activity, an unparseable or missing timestamp (naming the row,
    0-based, and the value), a timestamp outside the supported range
    :data:`TIMESTAMP_RANGE` (1677-09-21 to 2262-04-11: int64 nanoseconds; refused, never
    wrapped), an unsigned integer column holding a value above the int64 maximum, and the
    int64 minimum in an integer column (it stands for a missing value in the log; use
    ``pandas.NA``). ``TypeError``: a complex attribute column (its imaginary part is not
    dropped). Events of a case out of time order are sorted stably and counted
    (:attr:`EventLog.reordered_cases`), with an :class:`OrderWarning`.

    Examples
    --------
    >>> import pandas as pd, ketennet as kn
    >>> df = pd.DataFrame({"case:concept:name": ["z1", "z1", "z1"],
    ...                    "concept:name": ["aangifte", "dagvaarding", "vonnis"],
    ...                    "time:timestamp": ["2024-01-02T09:00:00+01:00",
    ...                                       "2024-01-20T10:00:00+01:00", "2024-03-01T15:00:00+01:00"],
    ...                    "org": ["politie", "om", "rechtspraak"]})
    >>> log = kn.eventlog.from_pandas(df, organisation="org")
    >>> kn.eventlog.journeys(log)[["lead_time", "handovers", "organisations"]]
              lead_time  handovers  organisations
    case
    z1 59 days 06:00:00          2              3
    """
    return _from_pandas(df, case, activity, timestamp, resource, organisation, organisation_by,
                        attributes, "", timezone)


def _from_pandas(df, case, activity, timestamp, resource, organisation, organisation_by,
                 attributes, where: str, timezone: Optional[str] = None) -> EventLog:
    timezone = _zone(timezone, "read_csv" if where else "from_pandas")
    if type(df).__module__.startswith("pyarrow"):
        df = df.to_pandas()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame or pyarrow Table, not {type(df).__name__}")
    if len(df) == 0:
        raise ValueError("the event log is empty: the table has no rows")
    cols = list(map(str, df.columns))

    def need(name: str, what: str) -> pd.Series:
        if name not in df.columns:
            raise ValueError(f"missing {what} column '{name}' (columns: {', '.join(cols)})")
        return df[name]

    case_col = need(case, "case")
    act_col = need(activity, "activity")
    ts_col = need(timestamp, "timestamp")
    if resource is _DEFAULT:
        resource = "org:resource" if "org:resource" in df.columns else None
    res_col = need(resource, "resource") if resource is not None else None
    org_name = organisation if isinstance(organisation, str) else None
    if org_name is not None and org_name not in df.columns and org_name in _COLUMN_ALIASES:
        # the resource or activity column, by pm4py's or ketennet's name
        alias = _COLUMN_ALIASES[org_name]
        org_col = res_col if alias == "resource" else act_col
        if org_col is None:
            raise ValueError(f"organisation={org_name!r}: the table has no resource column "
                             f"(columns: {', '.join(cols)})")
    else:
        org_col = need(org_name, "organisation") if org_name is not None else None
    used = {case, activity, timestamp, resource, org_name}
    extra = []
    if attributes is True:
        extra = [c for c in df.columns if c not in used]
    elif attributes:
        extra = [need(c, "attribute").name for c in attributes]
    case_codes, case_names = _codes(case_col)
    act_codes, act_names = _codes(act_col)
    times = _timestamps(_local(ts_col, timezone, timestamp, where), timestamp, where)
    empty = np.zeros(0, dtype=np.int64)
    res_codes, res_names = _codes(res_col) if res_col is not None else (empty, [])
    org_codes, org_names = _codes(org_col) if org_col is not None else (empty, [])
    attrs = [_attribute_column(str(c), df[c], where) for c in extra]
    core = _core.eventlog.from_columns(case_codes, case_names, act_codes, act_names, times,
                                       res_codes, res_names, org_codes, org_names, attrs,
                                       org_name or "")
    log = _report_order(EventLog(core, timezone), where or "from_pandas")
    if organisation is not None and org_name is None:
        log = log.map_organisations(organisation, by=organisation_by)
    return log


def read_csv(path: PathLike, case: str = "case:concept:name", activity: str = "concept:name",
             timestamp: str = "time:timestamp", resource: Optional[str] = _DEFAULT,
             organisation: NodeSpec = None, organisation_by: str = "activity",
             attributes: Union[bool, Sequence[str]] = True, *, timezone: Optional[str] = None,
             **read_csv_kwargs) -> EventLog:
    """Read an event log from a CSV file: :func:`pandas.read_csv` (the key columns read as
    text, so resource ids such as ``537`` stay ``"537"``) followed by :func:`from_pandas`
    with the same keys. Errors are those of :func:`from_pandas`, naming the file and the
    record (the 0-based data row) where a timestamp or value is refused; a truncated or
    corrupt compressed file (``.gz``, ``.bz2``, ``.xz``, ``.zip``: a missing trailer, a bad
    CRC) is a ``ValueError`` naming the file, not an ``OSError`` or ``EOFError``.
    ``timezone=`` is that of :func:`from_pandas`.

    Examples
    --------
    >>> import ketennet as kn
    >>> from ketennet.examples import eventlog_path
    >>> log = kn.eventlog.read_csv(eventlog_path("receipt"), organisation="org:group")
    >>> log.n_cases, log.n_events
    (1434, 8577)
    """
    keys = [case, activity]
    if isinstance(resource, str):
        keys.append(resource)
    elif resource is _DEFAULT:
        keys.append("org:resource")
    if isinstance(organisation, str):
        keys.append(organisation)
    try:
        header = pd.read_csv(path, nrows=0, **read_csv_kwargs).columns
        dtype = dict(read_csv_kwargs.pop("dtype", {}) or {})
        for k in keys:
            if k in header:
                dtype.setdefault(k, str)
        df = pd.read_csv(path, dtype=dtype, **read_csv_kwargs)
    except (EOFError, zlib.error, gzip.BadGzipFile, lzma.LZMAError, zipfile.BadZipFile) as e:
        # the decompressors' own exceptions: a damaged file, not a failing file system
        raise ValueError(f"{_name(path)}: truncated or corrupt compressed file: "
                         f"{type(e).__name__}: {e}") from e
    except UnicodeDecodeError as e:
        bad = e.object[e.start:e.start + 1].hex() if isinstance(e.object, bytes) else "?"
        raise ValueError(f"{_name(path)}: the text is not valid {e.encoding} (byte 0x{bad}: "
                         f"{e.reason}); pass the file's encoding, e.g. encoding=\"latin-1\"") from None
    return _from_pandas(df, case, activity, timestamp, resource, organisation, organisation_by,
                        attributes, os.fspath(path) if isinstance(path, (str, os.PathLike)) else "",
                        timezone)


# ----------------------------------------------------------------------------- networks

def _check_log(log) -> EventLog:
    if not isinstance(log, EventLog):
        raise TypeError(f"expected a ketennet.eventlog.EventLog, not {type(log).__name__}")
    return log


#: pm4py's standard attribute names (and ketennet's own) for the event log's own columns.
_COLUMN_ALIASES = {"org:resource": "resource", "resource": "resource",
                   "concept:name": "activity", "activity": "activity"}


def _node_key(log: EventLog, organisation: NodeSpec) -> Tuple[EventLog, str, str]:
    """(log to use, node source, attribute name)."""
    _check_log(log)
    if organisation is None:
        return log, ("organisation" if log.organisation_source else "resource"), ""
    if isinstance(organisation, str) and organisation in ("org:resource", "concept:name"):
        if organisation == log.organisation_source:
            return log, "organisation", ""
        return log, _COLUMN_ALIASES[organisation], ""
    if isinstance(organisation, str):
        if organisation in ("organisation", "resource", "activity"):
            if organisation == "organisation" and not log.organisation_source:
                raise ValueError("the event log has no organisations: map them with "
                                 "log.map_organisations(...) or pass organisation=<column or mapping>")
            return log, organisation, ""
        if organisation == log.organisation_source:
            return log, "organisation", ""
        if organisation not in log.attributes():
            raise KeyError(f"the event log has no event attribute {organisation!r} "
                           f"(attributes: {', '.join(log.attributes()) or 'none'})")
        return log, "attribute", organisation
    if isinstance(organisation, Mapping):
        return log.map_organisations(organisation), "organisation", ""
    raise TypeError("organisation must be None, a column name or a dict of activities to organisations")


def handover_network(log: EventLog,
                     beta: float = core_default(_core.eventlog.handover_network, "beta"),
                     organisation: NodeSpec = None, *,
                     self_loops: bool = core_default(_core.eventlog.handover_network,
                                                     "self_loops"),
                     quantiles: Sequence[float] = (), period: Optional[str] = None,
                     min_count: Optional[int] = None,
                     progress: Progress = None) -> Union[Network, "Panel"]:
    """The handover-of-work network: who passes work to whom within cases; with ``period``,
    one network per period, as a :class:`ketennet.Panel`.

    Definition (van der Aalst, Reijers & Song 2005, section 4.1). For a case, let
    ``S = (s_1, ..., s_m)`` be the organisations of its events in time order, leaving out
    events without one (A, unknown, B is a handover A -> B). With causality fall factor
    ``beta`` in [0, 1)::

        volume(a, b) = sum over cases, sum over i < j with s_i = a, s_j = b, of beta^(j-i-1)

    (0^0 = 1: ``beta=0`` counts the direct successions only). The result is a
    :class:`ketennet.Network` with one directed layer ``"case"``; each relation has

    * ``volume`` = that sum (the number of handovers when beta = 0),
    * ``latency`` = the median waiting time in days from the last event at a to the first at
      b (over the direct successions; unknown when there is none), and attributes
      ``handovers`` (direct successions), ``cases`` (cases with a pair a -> b), ``share`` =
      volume / total volume (the paper's normalised metric, pm4py's value),
      ``latency_mean`` (days) and ``latency_q<p>`` (days) for each of ``quantiles``.

    Organisations carry the attributes ``events``, ``case_starts`` (cases whose first event
    with an organisation is there: the cases entering the log there) and ``case_ends`` (cases
    whose last such event is there); the metadata records ``beta``, ``self_loops`` and
    ``skipped_events`` (events without an organisation). With beta 0 and no self loops,
    ``case_starts`` + handovers in = visits = ``case_ends`` + handovers out at every
    organisation, and :func:`ketennet.flow.score_chain` uses the two attributes to let cases
    enter where they start and leave where they end: its arrival share and throughput are
    then the log's own counts under the conditions given there.

    Conventions: pairs (a, a) -- work that stays with one organisation -- are not handovers
    between organisations and are left out unless ``self_loops=True``; with
    ``self_loops=True`` and resources as nodes, ``share`` equals pm4py's
    ``discover_handover_of_work_network`` (beta 0 and beta > 0). Quantiles interpolate
    linearly (NumPy's default); the median is the 0.5 quantile.

    **Per period** (``period="Y"``, ``"Q"``, ``"M"``, ... : a pandas frequency): a
    :class:`ketennet.Panel` with one unit, ``"handover of work"``, and one network per
    period (:class:`pandas.Period`) from the period of the log's first event to that of its
    last; periods begin at midnight in the log's :attr:`EventLog.timezone` (UTC by default),
    so with ``"Europe/Amsterdam"`` an event at 00:15 on 1 January local time is in the new
    year. A handover belongs to the period in which the work arrives: the pair (s_i, s_j)
    counts in the period of the receiving event s_j (its waiting time too), so a case that
    passes from a in December to b in January adds a -> b to January. Each period's network
    holds the organisations with an event in the period or an end of one of its handovers
    (organisations enter and leave); ``events``, ``case_starts`` and ``case_ends`` count the
    period's events, and ``share`` is over the period's volume. The metadata records the
    ``period`` (its text) and the pandas frequency ``freq``.

    Parameters
    ----------
    log : EventLog
    beta : float
        Causality fall factor in [0, 1) (``ValueError`` otherwise).
    organisation : None, str or dict
        The nodes (see the module docstring).
    self_loops : bool
    quantiles : sequence of float
        Further waiting-time quantiles in [0, 1].
    period : str, optional
        A pandas frequency (``"Y"``, ``"Q"``, ``"M"``, ``"W"``, ``"D"``): one network per
        period, as a Panel (``ValueError`` for a frequency pandas does not know).
    min_count : int, optional
        Protect the network(s) for publication with :func:`ketennet.disclosure.protect`
        (``min_count``, counts rounded to multiples of 5): a relation whose handovers or
        cases number 1 to ``min_count - 1`` keeps its tie but its volume becomes unknown and
        its counts, share and latencies are removed, with secondary suppression over each
        organisation's handovers in and out; organisation counts (``events``,
        ``case_starts``, ``case_ends``) below ``min_count`` are removed; the metadata
        records the rule under ``"disclosure"``. Default: unprotected.
    progress : None, True or callable

    Examples
    --------
    >>> import ketennet as kn
    >>> log = kn.examples.eventlog("running-example")
    >>> net = kn.eventlog.handover_network(log)
    >>> r = net.relation("Pete", "Mike", "case")
    >>> r["volume"], round(r["latency"], 4), r["attributes"]["cases"]
    (2.0, 0.4507, 2.0)
    >>> kn.centrality.degree(net).idxmax()
    'Sara'

    Per month, as a Panel:

    >>> panel = kn.eventlog.handover_network(log, period="M")
    >>> panel
    Panel(1 unit x 2 periods: 2 networks)
    >>> panel.periods
    [Period('2010-12', 'M'), Period('2011-01', 'M')]
    >>> panel.tie_changes()[["period", "kept", "formed", "dissolved"]]
        period  kept  formed  dissolved
    0  2011-01     3      14          1
    """
    log, src, attr = _node_key(log, organisation)
    quantiles = [float(q) for q in quantiles]
    min_count = _disclosure._check_min_count(min_count, "handover_network")
    if period is None:
        core = _core.eventlog.handover_network(log._core, src, attr, float(beta), bool(self_loops),
                                               quantiles, progress_handler(progress, "handover network"))
        net = Network._wrap(core)
        return net if min_count is None else _disclosure.protect(net, min_count).data
    from .panel import Panel

    if not isinstance(period, str):
        raise TypeError("handover_network: period must be a pandas frequency such as 'Y', 'Q' "
                        f"or 'M', not {type(period).__name__}")
    times = np.asarray(log._core.columns()["time"], dtype=np.int64)
    first, last = (_local_time(int(t), log.timezone) for t in (times.min(), times.max()))
    try:
        periods = pd.period_range(first.to_period(period), last.to_period(period), freq=period)
    except (ValueError, TypeError) as e:
        raise ValueError(f"handover_network: period {period!r} is not a pandas frequency "
                         f"('Y', 'Q', 'M', 'W', 'D', ...): {e}") from None
    report = progress_handler(progress, "handover network per period")
    networks = {}
    for i, p in enumerate(periods):
        core = _core.eventlog.handover_network(
            log._core, src, attr, float(beta), bool(self_loops), quantiles, None,
            window_from=_instant(p.start_time, log.timezone),
            window_until=_instant((p + 1).start_time, log.timezone))
        net = Network._wrap(core)
        net.metadata = {**net.metadata, "period": str(p), "freq": p.freqstr}
        if min_count is not None:
            net = _disclosure.protect(net, min_count).data
        networks[net.name, p] = net
        if report is not None and report((i + 1) / len(periods)) is False:
            raise RuntimeError("handover_network: cancelled")
    return Panel(networks)


def handover_table(log: EventLog, beta: float = 0.0, organisation: NodeSpec = None, *,
                   self_loops: bool = False, quantiles: Sequence[float] = (),
                   progress: Progress = None) -> pd.DataFrame:
    """The handover pairs of :func:`handover_network` as a DataFrame: columns ``source``,
    ``target``, ``volume``, ``handovers``, ``cases``, ``share``, ``mean_seconds``,
    ``median_seconds`` and ``q<p>_seconds`` per quantile, in order of first appearance. The
    table :func:`aggregate` returns has the same columns (for beta 0).

    Examples
    --------
    >>> import ketennet as kn
    >>> t = kn.eventlog.handover_table(kn.examples.eventlog("running-example"))
    >>> row = t.iloc[0]
    >>> row["source"], row["target"], int(row["handovers"]), float(row["median_seconds"])
    ('Pete', 'Mike', 2, 38940.0)
    """
    log, src, attr = _node_key(log, organisation)
    qs = [float(q) for q in quantiles]
    t = _core.eventlog.transitions(log._core, src, attr, float(beta), bool(self_loops), qs,
                                   progress_handler(progress, "handover table"))
    return _pair_frame(t, qs)


def _pair_frame(t: Dict[str, Any], qs: Sequence[float]) -> pd.DataFrame:
    nodes = np.asarray(t["nodes"], dtype=object)
    out = pd.DataFrame({
        "source": nodes[t["source"]] if len(nodes) else np.array([], dtype=object),
        "target": nodes[t["target"]] if len(nodes) else np.array([], dtype=object),
        "volume": t["volume"], "handovers": t["handovers"], "cases": t["cases"],
        "share": t["share"], "mean_seconds": t["mean_seconds"],
        "median_seconds": t["median_seconds"]})
    for q, col in zip(qs, t["quantile_seconds"]):
        out[f"q{q * 100:g}_seconds"] = col
    out.attrs["skipped_events"] = t["skipped_events"]
    return out


def working_together(log: EventLog, organisation: NodeSpec = None) -> Network:
    """The working-together network: organisations that act in the same cases.

    Definition (van der Aalst, Reijers & Song 2005, section 4.3, the simple metric): for
    a != b, ``volume`` = the number of cases in which both a and b have an event, attribute
    ``share`` = volume / (number of cases). One undirected layer ``"working together"``.
    Events without an organisation are skipped (metadata ``skipped_events``).

    pm4py's ``discover_working_together_network`` on a DataFrame divides by the number of
    *events* (its log variant by the number of cases, as here); the tests check
    ``share * cases == pm4py value * events``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.eventlog.working_together(kn.examples.eventlog("running-example"))
    >>> net.relation("Pete", "Mike", "working together")["volume"]
    4.0
    """
    log, src, attr = _node_key(log, organisation)
    return Network._wrap(_core.eventlog.working_together(log._core, src, attr))


def subcontracting(log: EventLog, organisation: NodeSpec = None,
                   n: int = core_default(_core.eventlog.subcontracting, "n"), *,
                   self_loops: bool = core_default(_core.eventlog.subcontracting,
                                                   "self_loops")) -> Network:
    """The subcontracting network: a subcontracts b when b works in between two events of a.

    Definition (van der Aalst, Reijers & Song 2005, section 4.2): with the organisation
    sequence ``S`` of a case (events without one left out) and window ``n >= 2``, every
    ``i`` with ``s_i = s_{i+n}`` adds one to ``count(s_i, s_j)`` for each ``i < j < i + n``.
    ``volume`` = count, attribute ``share`` = count / (number of cases) (pm4py's
    normalisation). One directed layer ``"subcontracting"``. Pairs (a, a) only with
    ``self_loops=True`` (pm4py keeps them).

    pm4py 2.7's ``discover_subcontracting_network`` adds the in-between events only at the
    first position where each a is found (an indentation slip in its loop), so it undercounts;
    this follows the paper (see docs/eventlog.md).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.eventlog.subcontracting(kn.examples.eventlog("running-example"))
    >>> net.relations[["source", "target", "volume"]].head(2)
      source target  volume
    0   Mike  Ellen     1.0
    1   Mike   Sara     1.0
    """
    log, src, attr = _node_key(log, organisation)
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    return Network._wrap(_core.eventlog.subcontracting(log._core, src, attr, int(n), bool(self_loops)))


def directly_follows(log: EventLog, key: str = "activity", *,
                     min_count: Optional[int] = None) -> pd.DataFrame:
    """The directly-follows graph with waiting times.

    For every pair of activities (a, b) that follow each other directly within a case:
    ``count`` = how often, ``mean_seconds`` and ``median_seconds`` = the mean and median time
    from a to b. Self pairs (a, a) are included. The same as pm4py's ``discover_dfg`` (counts)
    and ``discover_performance_dfg`` (mean and median). ``key`` may also be ``"resource"``,
    ``"organisation"`` or a string attribute; events without that key are skipped.

    ``min_count`` protects the table for publication (:func:`ketennet.disclosure.protect`
    with ``by=("source", "target")``): counts of 1 to ``min_count - 1`` become ``<NA>``,
    with secondary suppression over each activity's counts out and in, the times of those
    pairs become NaN, and the other counts are rounded to multiples of 5. Default:
    unprotected.

    Examples
    --------
    >>> import ketennet as kn
    >>> dfg = kn.eventlog.directly_follows(kn.examples.eventlog("running-example"))
    >>> top = dfg.sort_values("count", ascending=False).iloc[0]
    >>> top["source"], top["target"], int(top["count"]), float(top["median_seconds"])
    ('check ticket', 'decide', 6, 129300.0)
    """
    log, src, attr = _node_key(log, key)
    t = _core.eventlog.transitions(log._core, src, attr, 0.0, True, [], None)
    f = _pair_frame(t, [])
    out = pd.DataFrame({"source": f["source"], "target": f["target"], "count": f["handovers"],
                        "mean_seconds": f["mean_seconds"], "median_seconds": f["median_seconds"]})
    if _disclosure._check_min_count(min_count, "directly_follows") is None:
        return out
    return _disclosure.protect(out, min_count, counts="count", by=("source", "target")).data


# ----------------------------------------------------------------------------- journeys

def journeys(log: EventLog, organisation: NodeSpec = None, *, min_count: Optional[int] = None,
             progress: Progress = None) -> pd.DataFrame:
    """Citizen journeys: one row per case, indexed by case id.

    For a case with events in time order, the *visits* are the maximal runs of events at one
    organisation, leaving out events without one (A A ? A B gives the visits A, B). Columns:

    * ``start``, ``end`` (timestamps in the log's :attr:`EventLog.timezone`, UTC by default)
      and ``lead_time`` = end - start (a Timedelta, the same in every zone; every event counts,
      including those without an organisation);
    * ``events``, ``unmapped_events`` (events without an organisation);
    * ``organisations``: distinct organisations visited; ``visits``;
    * ``handovers`` = visits - 1; ``ping_pong``: how often A -> B -> A occurs in the visits;
      ``repeated_visits`` = visits - organisations (returns to an organisation);
    * ``waiting``: the sum over handovers of the time from the last event at A to the first
      at B, and ``waiting_share`` = waiting / lead_time (NaN when the lead time is 0);
    * ``first``, ``last``: the first and last organisation (None if none).

    The lead time equals pm4py's case duration (``get_all_case_durations``).

    A journeys table is microdata: each row is one case, a group of one, which no threshold
    makes safe to publish. ``min_count`` (given, as on the counting functions) is therefore
    refused with a ``ValueError`` that names the protected aggregates to publish instead
    (:func:`variants`, :func:`directly_follows`, :func:`handover_network` with
    ``min_count``); to share the rows within a secure environment, replace the case ids by
    keyed pseudonyms with ``kn.disclosure.protect(j, ids="index", secret=...)``.

    Examples
    --------
    >>> import ketennet as kn
    >>> j = kn.eventlog.journeys(kn.examples.eventlog("running-example"))
    >>> j.loc["6", ["lead_time", "visits", "handovers", "ping_pong", "organisations"]]
    lead_time        9 days 20:45:00
    visits                         5
    handovers                      4
    ping_pong                      2
    organisations                  3
    Name: 6, dtype: object
    """
    if _disclosure._check_min_count(min_count, "journeys") is not None:
        raise ValueError(
            "journeys: min_count cannot protect a journeys table: each row is one case "
            "(microdata, a group of one); publish protected counts instead "
            "(kn.eventlog.variants, directly_follows or handover_network with min_count=), "
            "or pseudonymise the case ids with kn.disclosure.protect(table, ids='index', "
            "secret=...) to share the rows in a secure environment")
    log, src, attr = _node_key(log, organisation)
    d = _core.eventlog.journeys(log._core, src, attr, True, False,
                                progress_handler(progress, "journeys"))
    return _journey_frame(log, d)


def _journey_frame(log: EventLog, d: Dict[str, Any]) -> pd.DataFrame:
    nodes = np.asarray(list(d["nodes"]) + [None], dtype=object)
    cases = log._core.case_ids()
    idx = pd.Index(cases, name="case")
    return pd.DataFrame({
        "start": _shown(pd.to_datetime(d["start"], unit="ns", utc=True), log.timezone),
        "end": _shown(pd.to_datetime(d["end"], unit="ns", utc=True), log.timezone),
        "lead_time": pd.to_timedelta(d["lead_ns"], unit="ns"),
        "events": d["events"], "unmapped_events": d["unmapped"],
        "organisations": d["organisations"], "visits": d["visits"], "handovers": d["handovers"],
        "ping_pong": d["ping_pong"], "repeated_visits": d["repeated_visits"],
        "waiting": pd.to_timedelta(d["waiting_ns"], unit="ns"), "waiting_share": d["waiting_share"],
        "first": nodes[d["first"]], "last": nodes[d["last"]],
    }, index=idx)


def variants(log: EventLog, organisation: NodeSpec = None, *, collapse: bool = True,
             min_count: Optional[int] = None) -> pd.DataFrame:
    """The variants of a log: the distinct organisation sequences of its cases, with their
    frequencies, most frequent first (ties in order of first appearance).

    Columns: ``variant`` (a tuple of organisations), ``cases`` and ``share`` (of all cases).
    With ``collapse=True`` a sequence lists visits (runs at one organisation count once, as in
    :func:`journeys`); ``collapse=False`` lists every event with an organisation, which with
    ``organisation="activity"`` gives pm4py's ``get_variants``.

    ``min_count`` protects the table for publication (:func:`ketennet.disclosure.protect`):
    variants followed by 1 to ``min_count - 1`` cases get ``cases`` ``<NA>`` and ``share``
    NaN, and if exactly one is suppressed the next-rarest is too (the total follows from
    the shares); the other counts are rounded to multiples of 5 and ``share`` is recomputed
    from them. The order stays that of the unprotected table. Default: unprotected.

    Examples
    --------
    >>> import ketennet as kn
    >>> v = kn.eventlog.variants(kn.examples.eventlog("running-example"), "activity", collapse=False)
    >>> len(v), int(v["cases"].sum())
    (6, 6)
    """
    log, src, attr = _node_key(log, organisation)
    d = _core.eventlog.journeys(log._core, src, attr, bool(collapse), True, None)
    counts = np.asarray(d["variant_cases"])
    out = pd.DataFrame({"variant": pd.Series(list(d["variants"]), dtype=object),
                        "cases": counts, "share": counts / counts.sum()})
    order = np.argsort(-counts, kind="stable")
    out = out.iloc[order].reset_index(drop=True)
    if _disclosure._check_min_count(min_count, "variants") is None:
        return out
    return _disclosure.protect(out, min_count, counts="cases", by="variant").data


def within_norm(journeys: pd.DataFrame, days: Union[float, str], *, counts: bool = False,
                calendar: bool = False):
    """The share of cases whose lead time is within a norm of ``days`` days (lead_time <=
    days).

    ``days`` may be a number or the name of a court norm in :data:`NORMS` (Rechtspraak 2015:
    ``"politierechter"`` 35 days, 90% of cases; ``"meervoudige kamer"`` six months, 90%;
    ``"hoger beroep"`` nine months, 85%). With ``counts=True`` returns (share, within,
    total). ``ValueError`` for a negative or NaN norm, a table without ``lead_time`` or with no
    rows.

    ``calendar=True`` counts calendar days instead of elapsed time: a case is within the norm
    when the date of its ``end`` is at most ``days`` days after the date of its ``start``,
    both dates in the time zone of the journeys (the log's :attr:`EventLog.timezone`, UTC by
    default). A case from 23:30 to 00:30 local time then takes one day, and one from 00:10 to
    23:50 of the same day none; a day with a daylight-saving change counts as one day. A
    whole-day norm ("within 14 days" of a law or a court norm) is usually counted so.

    Examples
    --------
    >>> import ketennet as kn
    >>> j = kn.eventlog.journeys(kn.examples.eventlog("running-example"))
    >>> kn.eventlog.within_norm(j, days=14)
    0.6666666666666666
    >>> kn.eventlog.within_norm(j, "politierechter", counts=True)
    (1.0, 6, 6)

    A case from 23:30 to 00:30 Amsterdam time is within a norm of 0 calendar days in UTC
    (22:30 to 23:30 on one day), not in local time:

    >>> import pandas as pd
    >>> df = pd.DataFrame({"case:concept:name": ["1", "1"], "concept:name": ["a", "b"],
    ...                    "time:timestamp": ["2024-03-01T22:30:00Z", "2024-03-01T23:30:00Z"]})
    >>> log = kn.eventlog.from_pandas(df)
    >>> kn.eventlog.within_norm(kn.eventlog.journeys(log), 0, calendar=True)
    1.0
    >>> local = kn.eventlog.journeys(log.with_timezone("Europe/Amsterdam"))
    >>> kn.eventlog.within_norm(local, 0, calendar=True)
    0.0
    """
    if isinstance(days, str):
        days = _core.eventlog.norm_days(days)
    if not isinstance(journeys, pd.DataFrame) or "lead_time" not in journeys.columns:
        raise ValueError("within_norm needs the DataFrame of kn.eventlog.journeys (column 'lead_time')")
    if calendar:
        if not {"start", "end"} <= set(journeys.columns):
            raise ValueError("within_norm(calendar=True) needs the 'start' and 'end' columns of "
                             "kn.eventlog.journeys")
        dates = (journeys["end"].dt.normalize().dt.tz_localize(None)
                 - journeys["start"].dt.normalize().dt.tz_localize(None))
        lead_ns = dates.to_numpy(dtype="timedelta64[ns]").view(np.int64)  # whole days
    else:
        lead_ns = journeys["lead_time"].to_numpy(dtype="timedelta64[ns]").view(np.int64)  # NaT: int64 min
    share, within, total = _core.eventlog.within_norm(lead_ns, float(days))
    return (share, within, total) if counts else share


# ----------------------------------------------------------------------------- engines

@dataclass
class Aggregates:
    """What :func:`aggregate` returns: ``edges`` (source, target, handovers, cases,
    mean_seconds, median_seconds, volume, share; beta 0, no self loops), ``nodes``
    (organisation, events, case_starts, case_ends: cases whose first / last event with an
    organisation is there) and ``journeys`` (indexed by case: start, end, lead_time, events,
    unmapped_events, organisations, handovers). :meth:`network` builds the handover network
    from them with the same builder as :func:`handover_network`."""

    edges: pd.DataFrame
    nodes: pd.DataFrame
    journeys: pd.DataFrame

    def network(self) -> Network:
        """The handover network of these tables (see :func:`network_from_tables`)."""
        return network_from_tables(self.edges, self.nodes)


def network_from_tables(edges: pd.DataFrame, nodes: Optional[pd.DataFrame] = None) -> Network:
    """A handover network from an edge table (as :func:`handover_table` or :func:`aggregate`
    return: source, target, volume, handovers, cases, share, mean_seconds, median_seconds) and
    optionally a node table (organisation, events, and case_starts, case_ends when given):
    the relations and organisation attributes of :func:`handover_network` (latency = median
    days, ``latency_mean`` in days)."""
    from .io import from_pandas as _net_from_pandas

    for col in ("source", "target", "volume", "handovers", "cases", "share", "mean_seconds", "median_seconds"):
        if col not in edges.columns:
            raise ValueError(f"edge table: missing column '{col}'")
    rels = pd.DataFrame({"source": edges["source"].astype(str), "target": edges["target"].astype(str),
                         "volume": edges["volume"].astype(float),
                         "latency": edges["median_seconds"].astype(float) / 86400.0,
                         "handovers": edges["handovers"].astype(float),
                         "cases": edges["cases"].astype(float),
                         "share": edges["share"].astype(float),
                         "latency_mean": edges["mean_seconds"].astype(float) / 86400.0})
    orgs = None
    if nodes is not None:
        orgs = pd.DataFrame({"id": nodes["organisation"].astype(str),
                             "events": nodes["events"].astype(float)})
        for col in ("case_starts", "case_ends"):
            if col in nodes.columns:
                orgs[col] = nodes[col].astype(float)
    # the case layer is declared (directed=) so that it exists even without a handover
    return _net_from_pandas(orgs, rels, layer="case", directed={"case": True},
                            kinds={"case": "case"}, name="handover of work")


@renamed_arguments(keywords={"source": "data"})
def aggregate(data, engine: str = "duckdb", *, case: str = "case:concept:name",
              activity: str = "concept:name", timestamp: str = "time:timestamp",
              organisation: Union[str, Mapping[str, str]] = "org:resource",
              spark=None) -> Aggregates:
    """Per-case and handover aggregates computed as SQL on DuckDB or Spark.

    For logs beyond one machine's memory: the same handover pairs as :func:`handover_table`
    (beta 0, no self loops, events without an organisation skipped) and the same journey
    columns as :func:`journeys`, computed with window functions (``LEAD`` over each case's
    events with a known organisation, ordered by time and then input order) and grouped
    aggregates (``median`` / ``percentile`` interpolate linearly, as here).

    Parameters
    ----------
    data
        DuckDB: a path to a Parquet or CSV file (read out of core), or a pandas DataFrame.
        Spark: a pyspark DataFrame, a pandas DataFrame or a Parquet/CSV path.
    engine : {"duckdb", "spark"}
    case, activity, timestamp : str
        Column names.
    organisation : str or dict
        The organisation column (``"org:resource"`` by default), or a mapping of activities to
        organisations (a join with a mapping table).
    spark : SparkSession, optional
        The session to use (Spark; default: the active one or a new ``local[2]``).

    Examples
    --------
    >>> import ketennet as kn
    >>> from ketennet.examples import eventlog_path
    >>> agg = kn.eventlog.aggregate(eventlog_path("receipt"), organisation="org:group")  # doctest: +SKIP
    >>> agg.network()  # doctest: +SKIP
    """
    check_choice(engine, "engine", ("duckdb", "spark"))
    if engine == "duckdb":
        from ._eventlog_sql import aggregate_duckdb
        edges, nodes, jour = aggregate_duckdb(data, case, activity, timestamp, organisation)
    else:
        from ._eventlog_sql import aggregate_spark
        edges, nodes, jour = aggregate_spark(data, case, activity, timestamp, organisation, spark)
    total = float(edges["handovers"].sum())
    edges = edges.assign(volume=edges["handovers"].astype(float),
                         share=edges["handovers"] / total if total > 0 else 0.0)
    return Aggregates(edges=edges, nodes=nodes, journeys=jour)


# ----------------------------------------------------------------------------- temporal reach

#: The labels of TemporalReach.stage_order, by the code the C++ kernel gives each case.
_STAGE_ORDER = ("respects", "violates", "unstaged", "no organisation")


@dataclass(frozen=True)
class TemporalReach:
    """Result of :func:`temporal_reach`.

    ``pairs``: one row per ordered pair of distinct organisations (``source``, ``target``,
    ``reachable``, ``fastest`` as a Timedelta from the first departure to the last arrival,
    ``first_arrival`` as a UTC Timestamp; NaT when unreachable). ``reach``: per organisation (index ``"organisation"``), ``reach`` (the
    organisations it reaches) and ``reached_by`` (those that reach it). ``within``: the
    waiting limit (None: none). ``stage_order_share``, ``stage_order_counts`` (respecting,
    violating, unstaged, no_organisation), ``stage_order`` (per case) and
    ``unstaged_organisations``: None when no stage order was given. ``contacts``: the
    handover contacts; ``skipped_events``: events without an organisation."""

    _repr_html_ = _result_html

    pairs: pd.DataFrame
    reach: pd.DataFrame
    within: Optional[pd.Timedelta]
    stage_order_share: Optional[float]
    stage_order_counts: Optional[Dict[str, int]]
    stage_order: Optional[pd.Series]
    unstaged_organisations: Optional[Tuple[str, ...]]
    contacts: int
    skipped_events: int

    def __repr__(self) -> str:
        n = len(self.reach)
        within = "no waiting limit" if self.within is None else f"within {self.within}"
        text = (f"TemporalReach({n} organisations, {self.contacts} contacts, {within}: "
                f"{int(self.pairs['reachable'].sum())} of {len(self.pairs)} pairs reachable")
        if self.stage_order_counts is not None:
            c = self.stage_order_counts
            judged = c["respecting"] + c["violating"]
            text += (f"; stage order respected by {c['respecting']} of {judged} cases"
                     f" (share {self.stage_order_share:.4g}; {c['unstaged']} unstaged,"
                     f" {c['no_organisation']} without organisation)")
        return text + ")"


def _within_ns(within) -> Tuple[int, Optional[pd.Timedelta]]:
    """(nanoseconds for the kernel, the Timedelta to report) of a waiting limit."""
    if within is None:
        return int(_core.eventlog.NO_WAIT_LIMIT), None
    if isinstance(within, (bool, int, float, np.number)) and not isinstance(within, np.timedelta64):
        raise TypeError(f"temporal_reach: within must be a duration ('30D', pd.Timedelta(days=30)) "
                        f"or None, not the number {within!r}")
    if not isinstance(within, (str, pd.Timedelta, np.timedelta64)) and not hasattr(within, "total_seconds"):
        raise TypeError(f"temporal_reach: within must be a duration ('30D', pd.Timedelta(days=30)) "
                        f"or None, not {type(within).__name__}")
    try:
        td = pd.Timedelta(within)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"temporal_reach: within={within!r} is not a duration "
                         f"(write it as '30D', '12h' or pd.Timedelta(days=30))") from None
    if td is pd.NaT:
        raise ValueError("temporal_reach: within must be a duration, not NaT")
    if td < pd.Timedelta(0):
        raise ValueError(f"temporal_reach: within must be >= 0, not {td}")
    return int(td.value), td


def _stage_list(stages) -> list:
    """The stages as [(name, [ids])] from a Network with one chain, {stage: [ids]}, a list of
    (stage, [ids]) pairs or {organisation: stage index}."""
    if isinstance(stages, Network):
        names = stages.chains
        if len(names) != 1:
            has = f"has {len(names)} chains ({', '.join(names)})" if names else "has no chain"
            raise ValueError(f"temporal_reach: the network {has}: pass stages=net.chain(name)")
        stages = stages.chain(names[0])
    if isinstance(stages, Mapping) and stages and all(
            isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in stages.values()):
        by_index: Dict[int, list] = {}
        for org, i in stages.items():
            by_index.setdefault(int(i), []).append(org)
        stages = [(str(i), by_index[i]) for i in sorted(by_index)]
    try:
        out = _stages(stages)
    except ValueError as e:
        raise ValueError(f"temporal_reach: {e}; or {{organisation: stage index}}") from None
    if not out:
        raise ValueError("temporal_reach: stages is empty")
    for stage, orgs in out:
        for o in orgs:
            if not isinstance(o, str):
                raise TypeError(f"temporal_reach: stage {stage!r}: organisation ids must be str, "
                                f"not {type(o).__name__} ({o!r})")
    return [(str(stage), list(orgs)) for stage, orgs in out]


def temporal_reach(log: EventLog, organisation: NodeSpec = None, *, within=None, stages=None,
                   threads: int = 0, progress: Progress = None) -> TemporalReach:
    """Time-respecting reach: which organisation can pass a case's information to which
    along the handovers of the log, and how fast.

    The temporal network is the stream of handover *contacts* (Holme & Saramäki 2012): every
    direct succession of two events of a case at different organisations (the handovers of
    :func:`handover_network`, with beta 0: events without an organisation are left out, so
    A, unknown, B is a contact A -> B; work staying at one organisation is no contact) gives
    the contact ``(a, b, d, t)``: it departs at ``d``, the time of the sending event (the
    last at ``a``), and arrives at ``t``, the time of the receiving event (the first at
    ``b``). A handover takes time: its latency ``t - d`` is one of the waiting times whose
    median is the ``latency`` of :func:`handover_network`. A *time-respecting path* from
    ``s`` to ``v`` is a sequence of contacts ``(s, x1, d1, t1), (x1, x2, d2, t2), ...,
    (x_{k-1}, v, dk, tk)`` in which each step departs no earlier than the previous one
    arrived, ``d_{i+1} >= t_i``, and with a waiting limit ``W`` (``within``; Pan & Saramäki
    2011) also ``d_{i+1} - t_i <= W``: information waits at most ``W`` at an organisation
    before it is passed on. For every ordered pair of distinct organisations:

    * ``reachable``: some time-respecting path runs from source to target;
    * ``fastest`` = min over those paths of ``tk - d1`` (first departure to last arrival; for
      a pair with direct handovers at most the quickest one's latency): Wu et al. (2014)'s
      fastest path;
    * ``first_arrival`` = min over those paths of ``tk``: the earliest time the target can
      hear from the source.

    ``reach`` counts per organisation the others it reaches and those that reach it (tsna's
    ``tReach`` counts the seed too: ``tReach = reach + 1``). When every latency is 0 and
    there is no ``within``, the reachable sets are tsna's ``forward.reachable`` and ``tPath``
    sets (tsna takes one traversal time for every edge, not a latency per handover).

    With ``stages``, also the *stage order* of every case: with the organisations of its
    events in time order (events without one left out) and the stage indices of each
    organisation (one may act in several stages), the case *respects* the order when an index
    can be chosen for every event so that they never decrease, and *violates* it otherwise.
    Cases with an organisation in no stage (``unstaged``) and cases without organisations
    (``no_organisation``) are counted apart; ``stage_order_share`` = respecting / (respecting
    + violating), NaN when both are 0.

    The C++ kernel (``eventlog::temporal_reach``) runs one pass per source over the contacts
    in order of departure, keeping per organisation the (departure, arrival) pairs of the
    paths that have arrived there and that no other beats on both, as Wu et al. (2014) do for
    fastest paths over edges with a traversal time; a plain breadth-first search over
    contacts (``eventlog::reference::temporal_reach``) checks it. The sources run in
    parallel (``threads``); the result is the same for every thread count.

    Parameters
    ----------
    log : EventLog
    organisation : None, str or dict
        The nodes (see the module docstring).
    within : None, str or Timedelta
        The waiting limit: a pandas Timedelta string (``"30D"``, ``"12h"``), a
        :class:`pandas.Timedelta`, :class:`datetime.timedelta` or :class:`numpy.timedelta64`,
        >= 0. None: no limit. A number is a ``TypeError`` (its unit would be a guess).
    stages : None, Network, dict or list
        A stage order: a Network with one chain (its stages), ``{stage: [organisation ids]}``
        in order (what ``net.chain(name)`` returns), a list of ``(stage, [ids])`` pairs, or
        ``{organisation id: stage index}``.
    threads : int
        0: all cores.
    progress : None, True or callable

    Returns
    -------
    TemporalReach

    References
    ----------
    Holme & Saramäki (2012), Temporal networks, Physics Reports 519(3), 97-125.
    Pan & Saramäki (2011), Path lengths, correlations, and centrality in temporal networks,
    Physical Review E 84, 016105. Wu, Cheng, Huang, Ke, Lu & Xu (2014), Path problems in
    temporal graphs, PVLDB 7(9), 721-732. Peer: R's tsna (``tPath``, ``tReach``,
    ``forward.reachable``).

    Examples
    --------
    >>> import ketennet as kn
    >>> log = kn.examples.eventlog("running-example")
    >>> r = kn.eventlog.temporal_reach(log, within="30D")
    >>> r
    TemporalReach(6 organisations, 32 contacts, within 30 days 00:00:00: 30 of 30 pairs reachable)
    >>> pair = r.pairs.set_index(["source", "target"]).loc[("Pete", "Ellen")]
    >>> bool(pair["reachable"]), pair["fastest"]
    (True, Timedelta('0 days 02:02:00'))
    >>> int(kn.eventlog.temporal_reach(log, within="1D").pairs["reachable"].sum())
    26
    """
    try:
        log, src, attr = _node_key(log, organisation)
    except (KeyError, ValueError) as e:
        raise type(e)(f"temporal_reach: {e.args[0]}") from None
    within_ns, within_td = _within_ns(within)
    stage_list = [] if stages is None else _stage_list(stages)
    d = _core.eventlog.temporal_reach(log._core, src, attr, within_ns, stage_list,
                                      thread_count(threads, "temporal_reach"),
                                      progress_handler(progress, "temporal reach"))
    nodes = np.asarray(d["nodes"], dtype=object)
    n = len(nodes)
    s_idx, t_idx = np.nonzero(~np.eye(n, dtype=bool))
    fastest = np.asarray(d["fastest_ns"])[s_idx, t_idx]
    first = np.asarray(d["first_arrival_ns"])[s_idx, t_idx]
    pairs = pd.DataFrame({
        "source": nodes[s_idx] if n else np.array([], dtype=object),
        "target": nodes[t_idx] if n else np.array([], dtype=object),
        "reachable": np.asarray(d["reachable"])[s_idx, t_idx],
        "fastest": pd.to_timedelta(fastest.view("timedelta64[ns]")),
        "first_arrival": pd.to_datetime(first.view("datetime64[ns]"), utc=True),
    })
    index = pd.Index(nodes, name="organisation", dtype=object)
    reach = pd.DataFrame({"reach": np.asarray(d["reach"], dtype=np.int64),
                          "reached_by": np.asarray(d["reached_by"], dtype=np.int64)}, index=index)
    so = d["stage_order"]
    share = counts = per_case = unstaged = None
    if so is not None:
        share = float(so["share"])
        counts = {k: int(so[k]) for k in ("respecting", "violating", "unstaged", "no_organisation")}
        per_case = pd.Series(pd.Categorical.from_codes(np.asarray(so["cases"], dtype=np.int8),
                                                       categories=list(_STAGE_ORDER)),
                             index=pd.Index(log._core.case_ids(), name="case"), name="stage_order")
        unstaged = tuple(so["unstaged_nodes"])
    return TemporalReach(pairs=pairs, reach=reach, within=within_td, stage_order_share=share,
                         stage_order_counts=counts, stage_order=per_case,
                         unstaged_organisations=unstaged, contacts=int(d["contacts"]),
                         skipped_events=int(d["skipped_events"]))
