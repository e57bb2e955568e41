"""Every Python example of README.md, of the documentation pages (docs/*.md) and of the
built-in examples' README runs as written on the built-in examples.

Conventions for the ```python blocks of those pages:

* A page's blocks run in order, in one fresh namespace per page, with the working directory a
  temporary folder (examples that write files write there) and matplotlib's ``Agg`` backend.
* A block written as a doctest (its first line starts with ``>>>``) runs as a doctest in the
  page's namespace: its shown output must match (``NORMALIZE_WHITESPACE``, ``ELLIPSIS``).
* A line ``expression  # -> value`` (or an expression followed by a comment line
  ``# -> value``) shows a real result: the test checks it. ``value`` is the longest start of
  the comment that is a Python literal (or ``nan``/``inf``); the rest is a remark. It is
  compared with the expression's ``repr``; a number to the digits shown (``0.081`` matches
  0.0814), lists and tuples item by item.
* A block that is deliberately not runnable is preceded by the comment
  ``<!-- not-run: reason -->`` (blank lines may stand between). They are counted and listed,
  with their reasons, as the skip reason of ``test_not_run_blocks_are_listed`` (``pytest -ra``
  shows it), so they stay visible; keep them rare.
"""
from __future__ import annotations

import ast
import doctest
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = (["README.md"] + sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))
         + ["python/ketennet/examples/README.md"])

_FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)
_NOT_RUN = re.compile(r"<!--\s*not-run:\s*((?:(?!-->).)*?)\s*-->\s*\Z", re.S)
_SHOWN = re.compile(r"#\s*->\s*(.+?)\s*$")


@dataclass
class Block:
    page: str
    line: int          # line of the opening fence, 1-based
    code: str
    not_run: Optional[str]  # the reason, for a block marked not-run

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def blocks_of(page: str) -> List[Block]:
    """The ```python blocks of a page, in order, with their not-run markers."""
    return blocks_in((ROOT / page).read_text(encoding="utf-8"), page)


def blocks_in(text: str, page: str) -> List[Block]:
    out = []
    for m in _FENCE.finditer(text):
        before = text[:m.start()]
        marker = _NOT_RUN.search(before)
        reason = None
        if marker is not None:
            reason = marker.group(1)
            if not reason:
                raise ValueError(f"{page}:{before.count(chr(10)) + 1}: a not-run marker must "
                                 "give its reason: <!-- not-run: reason -->")
        out.append(Block(page, before.count("\n") + 1, m.group(1), reason))
    return out


ALL = [b for page in PAGES for b in blocks_of(page)]
RUN = sorted({b.page for b in ALL if b.not_run is None})
NOT_RUN = [b for b in ALL if b.not_run is not None]


def _shown_text(text: str) -> str:
    """The value part of the text after ``# ->``: its longest prefix that is a Python literal
    (or nan/inf); what follows is a remark (``# -> 0.57 (share within a year)``)."""
    text = text.strip()
    cuts = [i for i, ch in enumerate(text) if ch in " ;,"] + [len(text)]
    for i in reversed(cuts):
        head = text[:i].rstrip(" ;,")
        if head in ("nan", "inf", "-inf"):
            return head
        try:
            ast.literal_eval(head)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        return head
    return text


def _close(shown: str, value) -> bool:
    """Whether ``value`` is what ``shown`` (the text after ``# ->``) says."""
    shown = _shown_text(shown)
    if repr(value) == shown or str(value) == shown:
        return True
    if shown in ("nan", "inf", "-inf"):
        try:
            return repr(float(value)) == shown
        except (TypeError, ValueError):
            return False
    try:
        lit = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return False
    return _close_literal(shown, lit, value)


def _digits(text: str) -> int:
    """Decimals shown in a number's text ('0.081' -> 3, '63' -> 0, '1.2e-3' -> 4)."""
    m = re.fullmatch(r"\s*-?\d*(?:\.(\d*))?(?:e([-+]?\d+))?\s*", text, re.I)
    if m is None:
        return 12
    dec = len(m.group(1) or "")
    return max(dec - int(m.group(2) or 0), 0)


def _close_literal(shown: str, lit, value) -> bool:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(lit, bool) or isinstance(value, bool):
        return type(lit) is type(value) and lit == value
    if isinstance(lit, (int, float)):
        try:
            v = float(value)
        except (TypeError, ValueError):
            return False
        if math.isnan(v) or math.isinf(v):
            return False
        return abs(v - lit) <= 0.5 * 10.0 ** -_digits(shown) + 1e-12
    if isinstance(lit, (list, tuple)):
        try:
            items = list(value)
        except TypeError:
            return False
        parts = _split_items(shown)
        return (len(items) == len(lit) == len(parts)
                and all(_close_literal(p, a, b) for p, a, b in zip(parts, lit, items)))
    return lit == value


def _split_items(shown: str) -> List[str]:
    """The top-level items of a list or tuple literal's text."""
    inner = shown.strip()[1:-1]
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def _shown(node: ast.stmt, lines: List[str]) -> Optional[str]:
    """The text after ``# ->`` on an expression statement's last line or the line below."""
    if not isinstance(node, ast.Expr):
        return None
    m = _SHOWN.search(lines[node.end_lineno - 1])
    if m is None and node.end_lineno < len(lines):
        m = re.fullmatch(r"\s*#\s*->\s*(.+?)\s*", lines[node.end_lineno])
    return m.group(1) if m else None


def _run(block: Block, ns: dict) -> None:
    """Run a block in ``ns``: statement by statement, checking each shown value when its
    statement runs (tracebacks and messages give the page's line numbers)."""
    name = f"{block.page} (block at line {block.line})"
    code = block.code
    if code.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(code, ns, name, block.page, block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
        out = []
        runner.run(test, out=out.append, clear_globs=False)
        assert runner.failures == 0, "".join(out)
        return
    lines = code.splitlines()
    tree = ast.parse(code, block.page)
    for node in tree.body:
        shown = _shown(node, lines)
        expr = ast.get_source_segment(code, node)
        ast.increment_lineno(node, block.line)  # the page's line numbers in tracebacks
        if shown is None:
            exec(compile(ast.Module([node], type_ignores=[]), block.page, "exec"), ns)
            continue
        value = eval(compile(ast.Expression(node.value), block.page, "eval"), ns)
        assert _close(shown, value), (f"{block.page}:{node.lineno}: {expr} shows {shown}, "
                                      f"but is {value!r}")


@pytest.fixture
def agg(monkeypatch, tmp_path):
    import matplotlib

    matplotlib.use("Agg", force=True)
    monkeypatch.chdir(tmp_path)
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("page", RUN)
def test_page_examples_run(page, agg):
    """Each page's runnable Python blocks, in order, in one fresh namespace."""
    ns = {"__name__": "__docs_example__"}
    for block in blocks_of(page):
        if block.not_run is None:
            _run(block, ns)


def test_not_run_blocks_are_listed():
    """Blocks marked not-run are counted and listed (as this test's skip reason)."""
    if NOT_RUN:
        pytest.skip(f"{len(NOT_RUN)} example block(s) not run: "
                    + "; ".join(f"{b.where} ({b.not_run})" for b in NOT_RUN))


def test_the_pages_have_examples():
    """README.md and the metric pages have Python examples; markers stand before blocks."""
    assert any(b.page == "README.md" and b.not_run is None for b in ALL)
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for m in re.finditer(r"<!--\s*not-run:", text):
            rest = text[m.end():]
            close = rest.find("-->")
            assert close >= 0, f"{page}: unterminated not-run marker"
            assert rest[close + 3:].lstrip().startswith("```python"), (
                f"{page}:{text[:m.start()].count(chr(10)) + 1}: a not-run marker must stand "
                "right before a ```python block")


def test_not_run_markers_are_read():
    """A marker applies to the block right after it (blank lines between), and needs a reason."""
    text = ("intro\n\n<!-- not-run: needs a 3 GB log -->\n\n```python\nload()\n```\n\n"
            "<!-- a remark -->\n```python\nx = 1\n```\n")
    first, second = blocks_in(text, "x.md")
    assert (first.not_run, first.line, first.code) == ("needs a 3 GB log", 5, "load()\n")
    assert second.not_run is None and second.line == 10
    with pytest.raises(ValueError, match="x.md:2: a not-run marker must give its reason"):
        blocks_in("<!-- not-run: -->\n```python\nx = 1\n```\n", "x.md")


def test_shown_values_are_checked():
    """The ``# ->`` convention compares to the digits shown, and catches a wrong value."""
    assert _close("0.081", 0.0814)
    assert not _close("0.081", 0.0826)
    assert _close("(44.0, ['politie', 'om'])", (44.0, ["politie", "om"]))
    assert _close("[0.5, 2]", [0.49999, 2])
    assert not _close("[0.5, 2]", [0.5, 3])
    assert _close("'politie'", "politie")
    assert _close("nan", float("nan")) and not _close("nan", 0.0)
    assert _close("0.57 (share within a year; or a norm)", 0.5700001)
    assert _close("['politie', 'om']; also bridges", ["politie", "om"])
    assert _close("(122.0, ['politie', 'zsm'])", (122.0, ["politie", "zsm"]))
    assert _close("True", np.True_)
    assert not _close("63.0", 64.0)
    assert _close("True", True) and not _close("True", 1)
    with pytest.raises(AssertionError, match="shows 2, but is 3"):
        _run(Block("x.md", 1, "x = 3\nx  # -> 2\n", None), {})
    with pytest.raises(AssertionError, match="shows 2, but is 3"):
        _run(Block("x.md", 1, "x = 3\nx\n# -> 2\n", None), {})
    _run(Block("x.md", 1, ">>> 1 + 1\n2\n", None), {})           # doctest-style blocks
    with pytest.raises(AssertionError, match="Expected"):
        _run(Block("x.md", 1, ">>> 1 + 1\n3\n", None), {})


# ----------------------------------------------------------------------------- the examples' data

EXAMPLES = ["strafrechtketen", "vreemdelingenketen"]
FIELDS = ["volume", "latency", "quality", "capacity"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_score_every_chain_indicator_on_the_case_layer(name):
    """The examples that the docs run on carry, on their case layer, what every chain
    indicator reads: ``score_chain(..., layers="case")`` leaves none of them n/a."""
    import ketennet as kn
    from ketennet.flow import CHAIN_INDICATORS, VOLUME_UNIT

    net = kn.examples.load(name)
    card = kn.flow.score_chain(net, name, layers="case")
    chain_rows = card[card["stage"].isna()].set_index("indicator")
    for _, indicator, unit, _ in CHAIN_INDICATORS:
        row = chain_rows.loc[indicator]
        assert row["layers"] == "case", indicator
        assert row["unit"] == ("cases per year" if unit == VOLUME_UNIT else unit), indicator
        assert not (isinstance(row["value"], float) and math.isnan(row["value"])), (
            f"{name}: {indicator} is n/a: {row['note']}")
    stages = card[card["stage"].notna()]
    assert len(stages) > 0 and (stages["layers"] == "case").all()


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_label_every_value(name):
    """Every filled-in field of every relation says whether it is published, derived or
    illustrative; published and derived values name their source, derived ones say how
    (``examples/README.md``). Every case relation has volume, latency and quality."""
    import json

    import ketennet as kn

    doc = json.loads(Path(kn.examples.path(name)).read_text(encoding="utf-8"))
    assert doc["ketennet"] == 2
    assert [l["kind"] for l in doc["layers"]] == ["case", "information", "tie", "information"]
    for i, r in enumerate(doc["relations"]):
        where = f"{name} relation {i} {r['source']} -> {r['target']} ({r['layer']})"
        a = r["attributes"]
        if r["layer"] == "case":
            for field in ("volume", "latency", "quality"):
                assert r.get(field) is not None, f"{where}: no {field}"
        for field in FIELDS:
            if r.get(field) is None:
                continue
            suffix = "" if field == "volume" else f"_{field}"
            basis = a.get(f"basis{suffix}")
            assert basis in ("published", "derived", "illustrative"), f"{where}: basis{suffix}"
            if basis in ("published", "derived"):
                assert a.get(f"reference{suffix}"), f"{where}: {basis} {field} without reference{suffix}"
            if basis == "derived":
                assert a.get(f"methode{suffix}"), f"{where}: derived {field} without methode{suffix}"
