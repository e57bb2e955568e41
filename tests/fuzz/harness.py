"""Fuzz targets for ketennet's readers, and the rule that tells a finding from an expected error.

One target per reader; each takes the raw bytes of one input:

``json_string``   ``_core.io.read_json_string`` (the JSON reader on a string)
``json_file``     :func:`ketennet.read_json` on a file
``graphml``       :func:`ketennet.read_graphml` on a file
``xes``           :func:`ketennet.eventlog.read_xes` on a plain ``.xes`` file
``xes_gz``        :func:`ketennet.eventlog.read_xes` on a ``.xes.gz`` file: the first byte even,
                  the rest gzip-compressed (fuzzes the XML); odd, the rest as the file itself
                  (fuzzes the gzip stream: headers, trailers, truncation)
``eventlog_csv``  :func:`ketennet.eventlog.read_csv` on a file
``pandas_csv``    :func:`ketennet.from_pandas` on the relations read by :func:`pandas.read_csv`

A network that reads is then used as a user would (ids, organisations table, written back as
JSON and read again), an event log is converted to a DataFrame: a reader must not accept what
it cannot hand on.

Expected: the documented errors, ``ValueError`` (parse or content), ``KeyError`` (unknown
reference) and ``OSError`` (file system) with a message that is valid text. A finding: any
other exception (``RuntimeError`` from a library, ``TypeError``, ``StopIteration`` ...), a
``UnicodeError`` (a message that could not be decoded: the file and line it named are lost),
a message that cannot be encoded as UTF-8, a crash, or a hang over the time limit (the last
two are caught by libFuzzer, see run.py).
"""
from __future__ import annotations

import gzip
import os
import tempfile
from typing import Callable, Dict

EXPECTED = (ValueError, KeyError, OSError)


class Finding(Exception):
    """An input the reader handled outside its error contract."""


def check_error(exc: BaseException) -> None:
    """Return if ``exc`` is an expected reader error; raise :class:`Finding` otherwise."""
    if isinstance(exc, UnicodeError):
        raise Finding(f"{type(exc).__name__} instead of a reader error: {exc}") from exc
    if not isinstance(exc, EXPECTED):
        raise Finding(f"undocumented {type(exc).__module__}.{type(exc).__qualname__}: "
                      f"{exc}") from exc
    message = str(exc)
    try:
        message.encode("utf-8")
    except UnicodeEncodeError as err:
        raise Finding(f"{type(exc).__name__} message is not valid text: {message!r}") from err
    if not message.strip():
        raise Finding(f"{type(exc).__name__} without a message") from exc


def guarded(reader: Callable[[bytes], None]) -> Callable[[bytes], None]:
    """The target for libFuzzer: runs ``reader``, lets expected errors pass, raises
    :class:`Finding` for everything else."""

    def target(data: bytes) -> None:
        try:
            reader(data)
        except Finding:
            raise
        except Exception as exc:  # noqa: BLE001 - classifying every exception is the point
            check_error(exc)

    target.__name__ = reader.__name__
    return target


_tmp = tempfile.mkdtemp(prefix="ketennet-fuzz-")


def _file(data: bytes, suffix: str) -> str:
    path = os.path.join(_tmp, "input" + suffix)
    with open(path, "wb") as f:
        f.write(data)
    return path


def _after_read(step: str, fn: Callable[[], object]) -> object:
    """Runs one use of what a reader returned; any exception is a finding (the reader
    accepted an input that it cannot hand on)."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        raise Finding(f"read, but then {step} raises {type(exc).__name__}: {exc}") from exc


def _use_network(net) -> None:
    import ketennet as kn
    from ketennet import _core

    ids = _after_read("Network.ids", lambda: list(net.ids))
    for i in ids:
        if not isinstance(i, str):
            raise Finding(f"organisation id {i!r} is not a str")
    _after_read("Network.metadata", lambda: net.metadata)
    _after_read("Network.organisations", lambda: net.organisations)
    _after_read("Network.relations", lambda: net.relations)
    text = _after_read("write_json", lambda: _core.io.write_json_string(net._core, -1))
    again = _after_read("read_json of what write_json wrote", lambda: kn.Network._wrap(
        _core.io.read_json_string(text, "<written back>")))
    if list(again.ids) != ids:
        raise Finding("written back and read again, the ids differ")


def json_string(data: bytes) -> None:
    import ketennet as kn
    from ketennet import _core

    _use_network(kn.Network._wrap(_core.io.read_json_string(data, "<fuzz>")))


def json_file(data: bytes) -> None:
    import ketennet as kn

    _use_network(kn.read_json(_file(data, ".json")))


def graphml(data: bytes) -> None:
    import ketennet as kn

    _use_network(kn.read_graphml(_file(data, ".graphml")))


def _use_log(log) -> None:
    _after_read("EventLog.to_pandas", log.to_pandas)


def xes(data: bytes) -> None:
    import ketennet as kn

    _use_log(kn.eventlog.read_xes(_file(data, ".xes")))


def xes_gz(data: bytes) -> None:
    import ketennet as kn

    if not data:
        return
    body = gzip.compress(data[1:], mtime=0) if data[0] % 2 == 0 else data[1:]
    _use_log(kn.eventlog.read_xes(_file(body, ".xes.gz")))


def eventlog_csv(data: bytes) -> None:
    import ketennet as kn

    _use_log(kn.eventlog.read_csv(_file(data, ".csv")))


def pandas_csv(data: bytes) -> None:
    import pandas as pd

    import ketennet as kn

    try:  # pandas' own errors are not ketennet's; latin-1 decodes every byte
        relations = pd.read_csv(_file(data, ".csv"), encoding="latin-1")
    except Exception:  # noqa: BLE001
        return
    _use_network(kn.from_pandas(None, relations))


READERS: Dict[str, Callable[[bytes], None]] = {
    f.__name__: guarded(f)
    for f in (json_string, json_file, graphml, xes, xes_gz, eventlog_csv, pandas_csv)
}

#: The seed corpus of each reader (tests/fuzz/corpus/<dir>).
CORPUS = {"json_string": "json", "json_file": "json", "graphml": "graphml", "xes": "xes",
          "xes_gz": "xes_gz", "eventlog_csv": "eventlog_csv", "pandas_csv": "pandas_csv"}


def seeds(reader: str) -> Dict[str, bytes]:
    """The seed corpus of ``reader``: file name -> bytes."""
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", CORPUS[reader])
    out = {}
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), "rb") as f:
            out[name] = f.read()
    return out


def mutations(data: bytes, rng) -> bytes:
    """One random edit of ``data`` (a few bytes replaced, inserted, deleted, a span repeated,
    or a cut), for the short in-process run; libFuzzer's mutators do this job in run.py."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(5)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(i, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[i:i] = bytes(rng.choice([rng.randrange(256), 0x22, 0x3C, 0x2C, 0x5B, 0x7B, 0x0A])
                           for _ in range(rng.randint(1, 3)))
        elif op == 2:
            del b[i:i + rng.randint(1, 8)]
        elif op == 3 and b:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 32)] * rng.randint(1, 4)
        else:
            del b[i:]
    return bytes(b)


def short_run(reader: str, mutants_per_seed: int = 30, seed: int = 1):
    """The seeds of ``reader`` and ``mutants_per_seed`` seeded random edits of each, in this
    process (no libFuzzer): deterministic for a seed. Returns (executions, findings) with a
    finding as (seed file, input, message)."""
    import random
    import warnings

    rng = random.Random(seed)
    target = READERS[reader]
    executions, findings = 0, []
    for name, data in seeds(reader).items():
        for k in range(mutants_per_seed + 1):
            x = data if k == 0 else mutations(data, rng)
            executions += 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # OrderWarning is not a finding
                    target(x)
            except Finding as exc:
                findings.append((name, x, str(exc)))
    return executions, findings
