"""The ``ketennet`` command line.

``ketennet report (FILE | --example NAME) [--html OUT.html] [--layers A,B] [--chains C]
[--top K] [--min-count N] [--lang en|nl]`` prints the scorecard of a
network (a ketennet JSON document or a GraphML file) grouped by the inspectorate's four goals,
and writes a self-contained HTML report with ``--html``; ``--lang nl`` writes both in Dutch.

``--min-count N`` protects the output for publication (:mod:`ketennet.disclosure`): the
scorecard's counts of cases below N are suppressed and the rest rounded to multiples of 5,
and the network the report describes and draws is protected likewise (its relation counts
below N suppressed, with secondary suppression, the rest rounded, free-text attributes
dropped). The text and the HTML report end or open with the rule applied; without
``--min-count`` they say that the output is unprotected.

The file type follows the extension: ``.json`` is read as a ketennet JSON document,
``.graphml`` and ``.xml`` as GraphML, a file without an extension as JSON; any other extension
(``.csv``, ``.xlsx``, ``.txt`` ...) of an existing file is a usage error.

Exit codes: 0 success; 2 wrong usage (including an unsupported file type); 3 a file that
cannot be read or written; 4 a file whose content is invalid (malformed JSON/XML, text that
is not UTF-8, unknown schema version, bad values, input beyond the readers' limits of
nesting depth and size). Errors go to standard error as one line,
``ketennet: error: <file>: <where>: <what>``, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

EXIT_USAGE, EXIT_FILE, EXIT_INVALID = 2, 3, 4

#: Extension -> reader name, for the files ``ketennet report`` reads.
READERS = {".json": "json", ".graphml": "graphml", ".xml": "graphml", "": "json"}


class UnsupportedFileType(ValueError):
    """A report file whose extension names no format ketennet reads (a usage error)."""


def _parser() -> argparse.ArgumentParser:
    from . import __version__, _core, examples

    p = argparse.ArgumentParser(
        prog="ketennet", description="Chains and networks of justice and security organisations.",
        epilog="exit codes: 0 ok, 2 usage, 3 file cannot be read/written, 4 invalid file content")
    p.add_argument("--version", action="version", version=f"ketennet {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    r = sub.add_parser("report", help="print the scorecard of a network, optionally as HTML",
                       description="Print the scorecard of a network grouped by the four goals of "
                                   "the Inspectie JenV; write an HTML report with --html.")
    src = r.add_mutually_exclusive_group(required=True)
    src.add_argument("file", nargs="?",
                     help="network file: .json (ketennet) or .graphml/.xml (GraphML)")
    src.add_argument("--example", choices=examples.names(), help="a built-in example network")
    r.add_argument("--html", metavar="OUT.html", help="also write a self-contained HTML report")
    r.add_argument("--layers", metavar="NAMES", type=_names,
                   help="score the network restricted to these layers (comma-separated; "
                        "default: all)")
    r.add_argument("--chains", metavar="NAMES", type=_names,
                   help="chains to score (comma-separated; default: every chain)")
    r.add_argument("--top", type=int, default=5,
                   help="organisations to list per ranked indicator (default 5)")
    r.add_argument("--min-count", metavar="N", type=_min_count, default=None,
                   help="protect the output for publication: suppress counts below N, round "
                        "the rest to multiples of 5 (default: unprotected)")
    r.add_argument("--lang", choices=_core.report.LANGUAGES, default="en",
                   help="language of the report: en (default) or nl (Dutch)")
    p.report_usage = r.format_usage()  # printed with usage errors found after parsing
    return p


def _names(text: str) -> List[str]:
    names = [t.strip() for t in text.split(",")]
    if not all(names):
        raise argparse.ArgumentTypeError(f"expected comma-separated names, got {text!r}")
    return names


def _min_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return n


def _load(args):
    from . import examples, read_graphml, read_json

    if args.example:
        return examples.load(args.example)
    path = args.file
    ext = os.path.splitext(path)[1].lower()
    if ext not in READERS and os.path.isfile(path):  # a missing file is a file error
        raise UnsupportedFileType(
            f"{path}: unsupported file type '{ext}' (ketennet report reads .json (a ketennet "
            f"JSON document) and .graphml or .xml (GraphML); for tables, build the network "
            f"with kn.from_pandas and save it with kn.write_json)")
    if READERS.get(ext) == "graphml":
        return read_graphml(path)
    return read_json(path)


def main(argv: Optional[List[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "report":
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from . import disclosure, report

    try:
        net = _load(args)
    except UnsupportedFileType as e:
        sys.stderr.write(parser.report_usage)
        print(f"ketennet: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (FileNotFoundError, IsADirectoryError, PermissionError, OSError) as e:
        print(f"ketennet: error: {_msg(e)}", file=sys.stderr)
        return EXIT_FILE
    except (ValueError, KeyError) as e:
        print(f"ketennet: error: {_msg(e)}", file=sys.stderr)
        return EXIT_INVALID
    except (RecursionError, MemoryError) as e:
        # the readers hold input to their limits; this is the last guard for bad input
        print(f"ketennet: error: {args.file}: input too deeply nested or too large "
              f"({type(e).__name__})", file=sys.stderr)
        return EXIT_INVALID
    try:
        card = report.scorecard(net, layers=args.layers, chains=args.chains, top=args.top,
                                min_count=args.min_count)
    except (ValueError, KeyError) as e:  # options that do not fit the network
        sys.stderr.write(parser.report_usage)
        print(f"ketennet: error: {_msg(e)}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(report.to_text(net, card, lang=args.lang, min_count=args.min_count))
    if args.min_count is None:
        print(disclosure.notice(None, lang=args.lang))
    if args.html:
        try:
            with open(args.html, "w", encoding="utf-8") as f:
                f.write(report.to_html(net, card, lang=args.lang, min_count=args.min_count))
        except OSError as e:
            print(f"ketennet: error: {args.html}: cannot write: {e.strerror or e}", file=sys.stderr)
            return EXIT_FILE
        print(report.report_text("cli.html_written", lang=args.lang, path=args.html))
    return 0


def _msg(e: BaseException) -> str:
    # KeyError quotes its message; show it plainly
    return str(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
