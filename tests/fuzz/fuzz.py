"""Runs one reader's fuzz target under atheris (libFuzzer).

    python tests/fuzz/fuzz.py READER [libFuzzer options] [CORPUS_DIR ...]

READER is one of harness.READERS. With ``--findings DIR`` (before the libFuzzer options)
a finding (harness.Finding) is saved as ``DIR/<signature>.input`` with its traceback in
``<signature>.txt``, one input per distinct signature, and fuzzing goes on; without it the
first finding ends the run as libFuzzer's crash. Crashes and time-outs are libFuzzer's
(``-artifact_prefix``). tests/fuzz/run.py runs every reader for a given time.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import traceback

import warnings

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

with atheris.instrument_imports(include=["ketennet", "harness"]):
    import ketennet  # noqa: F401  (instrumented: coverage of the Python layer guides libFuzzer)

    import harness


def signature(exc: BaseException) -> str:
    """What makes two findings the same: the exception types and the message with numbers and
    quoted text left out."""
    cause = exc.__cause__ or exc
    text = re.sub(r"'[^']*'|\"[^\"]*\"|0x[0-9a-fA-F]+|\d+", "#", str(exc))[:160]
    key = f"{type(cause).__name__}: {text}"
    return hashlib.sha1(key.encode("utf-8", "backslashreplace")).hexdigest()[:12]


def main(argv: list) -> None:
    reader = argv[1]
    findings = None
    rest = argv[2:]
    if rest[:1] == ["--findings"]:
        findings, rest = rest[1], rest[2:]
        os.makedirs(findings, exist_ok=True)
    target = harness.READERS[reader]
    warnings.simplefilter("ignore")  # OrderWarning and pandas' warnings are not findings

    if findings is None:
        run = target
    else:
        def run(data: bytes) -> None:
            try:
                target(data)
            except harness.Finding as exc:
                sig = signature(exc)
                path = os.path.join(findings, sig)
                if not os.path.exists(path + ".input"):
                    with open(path + ".input", "wb") as f:
                        f.write(data)
                    with open(path + ".txt", "w", encoding="utf-8", errors="backslashreplace") as f:
                        f.write("".join(traceback.format_exception(exc)))
                    print(f"FINDING {reader} {sig}: {exc}", file=sys.stderr, flush=True)

    atheris.Setup([argv[0]] + rest, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
