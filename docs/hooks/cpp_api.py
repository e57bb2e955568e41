"""mkdocs hook: generates the C++ API page (cpp-api.md) from the headers in include/ketennet,
so the page always matches the code.

A small scanner reads each header as C++ tokens (comments, strings and preprocessor lines
understood, function bodies skipped by matching braces) and lists every public declaration
outside `detail` and unnamed namespaces: free functions (inline or not), classes and structs
with their public members (constructors, static members, data members, nested types; private
and protected members left out), enums with their enumerators, type aliases and constants.
Each comes with its signature and its `///` comment (the lines just above it) or its trailing
`///<` comment; a declaration without a comment is listed with its signature only.

`declarations()` returns what was found (for the tests), `build()` the page.
"""
from __future__ import annotations

import dataclasses
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include" / "ketennet"

# Folders from the bottom layer up (docs/architecture.md); a folder not named here follows
# them in alphabetical order, so none is ever left out.
FOLDER_ORDER = ["core", "support", "view", "model", "linalg", "paths", "centrality", "brokerage",
                "eventlog", "flow", "resilience", "cohesion", "io"]

_OPS = ["<=>", "->*", "...", "<<=", ">>=", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "<<",
        ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "++", "--"]
_CLASS_KEYS = {"class", "struct", "union"}


# ----------------------------------------------------------------------------- tokens

@dataclasses.dataclass
class Token:
    kind: str   # "id", "num", "str", "op", "doc" (///), "trail" (///<)
    text: str
    start: int  # offsets into the header text
    end: int
    line: int


def _tokens(text: str) -> tuple[list[Token], str]:
    """The tokens of a header, and its text with comments and preprocessor lines blanked
    (offsets kept), from which signatures are cut."""
    out: list[Token] = []
    code = list(text)
    i, n, line = 0, len(text), 1
    at_line_start = True

    def blank(a, b):
        for k in range(a, b):
            if code[k] != "\n":
                code[k] = " "

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            at_line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "#" and at_line_start:  # preprocessor line, with continuations
            j = i
            while j < n and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i, min(j, n))
            line += text.count("\n", i, min(j, n))
            i = j
            continue
        at_line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            body = text[i:j]
            if body.startswith("///<"):
                out.append(Token("trail", body[4:].strip(), i, j, line))
            elif body.startswith("///") and not body.startswith("////"):
                s = body[3:]
                out.append(Token("doc", s[1:] if s.startswith(" ") else s, i, j, line))
            blank(i, j)
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            line += text.count("\n", i, j)
            i = j
            continue
        m = re.compile(r'R"([^(\s]*)\(').match(text, i)
        if m:  # raw string literal
            j = text.find(")" + m.group(1) + '"', m.end())
            j = n if j < 0 else j + len(m.group(1)) + 2
            out.append(Token("str", text[i:j], i, j, line))
            line += text.count("\n", i, j)
            i = j
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(Token("str", text[i:j + 1], i, j + 1, line))
            i = j + 1
            continue
        if c.isalpha() or c == "_":
            m = re.compile(r"\w+").match(text, i)
            out.append(Token("id", m.group(), i, m.end(), line))
            i = m.end()
            continue
        if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = re.compile(r"(?:[0-9.]|'(?=\w)|[eEpP][+-]|\w)+").match(text, i)
            out.append(Token("num", m.group(), i, m.end(), line))
            i = m.end()
            continue
        op = next((o for o in _OPS if text.startswith(o, i)), c)
        out.append(Token("op", op, i, i + len(op), line))
        i += len(op)
    return out, "".join(code)


# ----------------------------------------------------------------------------- declarations

@dataclasses.dataclass
class Decl:
    kind: str            # function, class, struct, union, enum, enumerator, alias, variable
    name: str            # unqualified ("view", "operator==", "~DaryHeap")
    scope: tuple         # enclosing classes, outermost first: ("NodeKey", "Source")
    namespace: str       # "ketennet::io"
    signature: str       # with the class qualification before the name
    doc: str = ""        # the /// block above it
    trail: str = ""      # its ///< comment
    header: str = ""     # "ketennet/io/json.hpp"
    friend: bool = False
    also: list = dataclasses.field(default_factory=list)  # further declarators' names
    members: list = dataclasses.field(default_factory=list)  # of a class or enum

    @property
    def qualified(self) -> str:
        """Class-qualified name: Network::view, NodeKey::Source::automatic."""
        return "::".join((*self.scope, self.name))

    @property
    def full_name(self) -> str:
        return f"{self.namespace}::{self.qualified}"


def _skip_balanced(toks, i, open_, close):
    """Index just past the bracket matching toks[i] (an opening bracket)."""
    depth = 0
    while i < len(toks):
        t = toks[i].text if toks[i].kind == "op" else None
        if t == open_:
            depth += 1
        elif t == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _template_head_end(stmt):
    """Index in stmt past a leading `template <...>` (and [[attributes]])."""
    k = 0
    while k < len(stmt):
        if stmt[k].text == "template" and k + 1 < len(stmt) and stmt[k + 1].text == "<":
            depth, k = 0, k + 1
            while k < len(stmt):
                t = stmt[k].text
                depth += t.count("<") if t in ("<", "<<") else 0
                depth -= 2 if t == ">>" else 1 if t == ">" else 0
                k += 1
                if depth <= 0:
                    break
        elif stmt[k].text == "[" and k + 1 < len(stmt) and stmt[k + 1].text == "[":
            k = _skip_balanced(stmt, k, "[", "]")
        else:
            return k
    return k


def _top_level(stmt, start=0):
    """(index, token) pairs of stmt outside (), [] and {}."""
    depth = 0
    for k in range(start, len(stmt)):
        t = stmt[k].text if stmt[k].kind == "op" else None
        if t in ("(", "[", "{"):
            if depth == 0:
                yield k, stmt[k]
            depth += 1
            continue
        if t in (")", "]", "}"):
            depth -= 1
            continue
        if depth == 0:
            yield k, stmt[k]


def _first_assign(stmt, start):
    """Index of the first top-level `=` that is not part of an operator name."""
    for k, t in _top_level(stmt, start):
        if t.kind == "op" and t.text == "=" and not (k > 0 and stmt[k - 1].text == "operator"):
            return k
    return None


def _function_name(stmt, start):
    """(index of the name's first token, name, index of the parameter list's `(`) or None."""
    assign = _first_assign(stmt, start)
    for k, t in _top_level(stmt, start):
        if assign is not None and k > assign:
            return None
        if t.text == "operator" and t.kind == "id":
            j = k + 1
            if j < len(stmt) and stmt[j].text == "(":  # operator()
                j += 2
            while j < len(stmt) and stmt[j].text != "(":
                j += 1
            name = "operator" + "".join(s.text for s in stmt[k + 1:j])
            name = name if re.match(r"operator\W", name) else name.replace("operator", "operator ", 1)
            return k, name, j
        if t.kind == "op" and t.text == "(":
            prev = stmt[k - 1] if k > start else None
            if prev is None or prev.kind != "id" or prev.text in ("alignas", "decltype", "noexcept",
                                                                  "__attribute__"):
                continue
            first = k - 1
            if first > start and stmt[first - 1].text == "~":
                first -= 1
            return first, "".join(s.text for s in stmt[first:k]), k
    return None


def _variable_names(stmt, start):
    """(index, name) of each declarator of a variable / data member declaration."""
    names, piece, angle = [], [], 0
    depth = 0
    for k in range(start, len(stmt)):
        t = stmt[k]
        if t.kind == "op" and t.text in ("(", "[", "{"):
            depth += 1
        elif t.kind == "op" and t.text in (")", "]", "}"):
            depth -= 1
        if depth:
            piece.append(None)
            continue
        if t.text == "<":
            angle += 1
        elif t.text == ">":
            angle -= 1
        elif t.text == ">>":
            angle -= 2
        if angle <= 0 and t.text == ",":
            names.append(piece)
            piece = []
            continue
        piece.append(k)
    names.append(piece)
    out = []
    for piece in names:
        last = None
        for k in piece:
            if k is None:
                break
            t = stmt[k]
            if t.kind == "op" and t.text in ("=", "{", "[", ":"):
                break
            if t.kind == "id":
                last = k
        if last is not None:
            out.append((last, stmt[last].text))
    return out


class _Header:
    def __init__(self, path: pathlib.Path):
        self.path = path
        self.rel = str(path.relative_to(INCLUDE.parent))
        text = path.read_text(encoding="utf-8")
        self.toks, self.code = _tokens(text)
        self.file_doc: list[str] = []
        self.decls: list[Decl] = []
        self._parse_scope(0, namespace=(), classes=(), access="public", out=self.decls)

    # -- helpers
    def _sig(self, stmt, name_indices=(), qualifier="", end=None):
        """Signature text of stmt[:end] (comments left out, white space collapsed), with
        `qualifier` inserted before each of the names at name_indices."""
        end = len(stmt) if end is None else end
        stmt = stmt[:end]
        if not stmt:
            return ""
        pos, s = stmt[0].start, ""
        for k in sorted(name_indices) if qualifier else ():
            at = stmt[k].start
            s += self.code[pos:at] + qualifier
            pos = at
        s += self.code[pos:stmt[-1].end]
        s = re.sub(r"\s+", " ", s).strip()
        s = re.sub(r"\(\s+", "(", s)
        return re.sub(r"\s+\)", ")", s)

    def _parse_scope(self, i, namespace, classes, access, out, skip=False):
        """Parses declarations from toks[i] to the `}` closing the scope; returns the index
        past it. `skip`: consume without recording (detail namespaces, private classes)."""
        toks = self.toks
        stmt: list[Token] = []
        doc: list[str] = []
        last: Decl | None = None

        def emit(d: Decl):
            nonlocal last
            d.header = self.rel
            d.doc = "\n".join(doc).strip()
            if not skip and access == "public":
                out.append(d)
            last = d

        while i < len(toks):
            t = toks[i]
            if t.kind == "doc":
                if not stmt:
                    doc.append(t.text)
                    if "@file" in t.text:
                        self.file_doc = doc = []
                i += 1
                continue
            if t.kind == "trail":
                if last is not None and not stmt:
                    last.trail = (last.trail + " " + t.text).strip()
                i += 1
                continue
            if t.kind == "op" and t.text == "}":
                return i + 1
            if t.kind == "op" and t.text in ("(", "["):
                j = _skip_balanced(toks, i, t.text, ")" if t.text == "(" else "]")
                stmt.extend(toks[i:j])
                i = j
                continue
            if (not stmt and t.kind == "id" and t.text in ("public", "private", "protected")
                    and i + 1 < len(toks) and toks[i + 1].text == ":"):
                access = t.text
                doc, last = [], None
                i += 2
                continue
            if t.kind == "op" and t.text == ";":
                if stmt:
                    self._statement(stmt, namespace, classes, emit)
                stmt, doc = [], []
                i += 1
                continue
            if t.kind == "op" and t.text == "{":
                i, goes_on = self._brace(stmt, i, namespace, classes, access, emit, skip)
                if not goes_on:
                    stmt, doc = [], []
                continue
            stmt.append(t)
            i += 1
        return i

    def _brace(self, stmt, i, namespace, classes, access, emit, skip):
        """Handles a `{` at the statement's top level. Returns the index to go on from and
        whether the statement goes on (after an initializer, up to its `;`)."""
        toks = self.toks
        h = _template_head_end(stmt)
        head = [t.text for t in stmt[h:]]
        if head[:1] == ["namespace"] or (head[:1] == ["inline"] and head[1:2] == ["namespace"]):
            names = [t for t in head if t not in ("namespace", "inline")]
            name = "".join(names)
            inner = (*namespace, *[p for p in name.split("::") if p]) if name else (*namespace, "")
            hide = skip or not name or any(p == "detail" for p in inner)
            return self._parse_scope(i + 1, inner, classes, "public",
                                     [] if hide else self.decls, skip=hide), False
        if head[:1] == ["enum"]:
            return self._enum(stmt, i, namespace, classes, emit), False
        if head and head[0] in _CLASS_KEYS:
            key = head[0]
            colon = next((k for k, t in _top_level(stmt, h) if t.text == ":"), None)
            names = [t for t in (stmt[h + 1:colon] if colon else stmt[h + 1:])
                     if t.kind == "id" and t.text not in ("final", "alignas")]
            name = names[-1].text if names else ""
            name_index = stmt.index(names[-1]) if names else None
            qual = "::".join(classes) + "::" if classes else ""
            d = Decl(key, name, tuple(classes), "::".join(namespace),
                     self._sig(stmt, [name_index] if name_index is not None else [], qual))
            emit(d)
            hidden = skip or access != "public"
            end = self._parse_scope(i + 1, namespace, (*classes, name),
                                    "private" if key == "class" else "public", d.members,
                                    skip=hidden)
            # declarators after the closing brace (`} name;`) are skipped up to the `;`
            while end < len(toks) and toks[end].text != ";":
                end += 1
            return end + 1, False
        j = _skip_balanced(toks, i, "{", "}")
        assign = _first_assign(stmt, h)
        fn = _function_name(stmt, h)
        last_tok = stmt[-1] if stmt else None
        ctor_init = None
        if fn is not None:
            close = _skip_balanced(stmt, fn[2], "(", ")")
            ctor_init = next((k for k, t in _top_level(stmt, close) if t.text == ":"), None)
        is_init = (
            not stmt
            or assign is not None
            or (fn is None and last_tok.kind == "id")
            or (ctor_init is not None and last_tok.kind == "id" or
                ctor_init is not None and last_tok.text == ">")
        )
        if is_init:  # an initializer: keep its tokens and go on to the `;`
            stmt.extend(toks[i:j])
            return j, True
        # a function definition: its body is skipped
        end = ctor_init if ctor_init is not None else len(stmt)
        self._function(stmt, h, fn, namespace, classes, emit, end)
        return j, False

    def _statement(self, stmt, namespace, classes, emit):
        """A declaration ended by `;` (no body): a function, variable, alias or nothing to
        list (static_assert, forward declarations, friend classes, using namespace)."""
        h = _template_head_end(stmt)
        head = [t.text for t in stmt[h:]]
        if (not head or head[0] in ("static_assert", "extern")
                or head[:2] == ["using", "namespace"]
                or head[0] == "friend" and head[1:2] and head[1] in _CLASS_KEYS
                or head[0] in _CLASS_KEYS or head[0] == "enum"):
            return
        ns = "::".join(namespace)
        qual = "::".join(classes) + "::" if classes else ""
        if head[0] == "using" and head[2:3] == ["="]:
            emit(Decl("alias", stmt[h + 1].text, tuple(classes), ns,
                      self._sig(stmt, [h + 1], qual) + ";"))
            return
        if head[0] == "typedef":
            name = [k for k, _ in _variable_names(stmt, h)][-1:]
            emit(Decl("alias", stmt[name[0]].text if name else "", tuple(classes), ns,
                      self._sig(stmt, name, qual) + ";"))
            return
        if head[0] == "using":  # a using-declaration (inherited constructors)
            emit(Decl("using", stmt[-1].text, tuple(classes), ns, self._sig(stmt) + ";"))
            return
        fn = _function_name(stmt, h)
        if fn is not None:
            self._function(stmt, h, fn, namespace, classes, emit, len(stmt))
            return
        names = _variable_names(stmt, h)
        if not names:
            return
        end = len(stmt)
        assign = _first_assign(stmt, h)
        if len(names) == 1 and assign is not None and len(self._sig(stmt[assign:])) > 80:
            end = assign  # a long initializer (a table, a lambda) is left out
        sig = self._sig(stmt, [k for k, _ in names], qual, end=end)
        emit(Decl("variable", names[0][1], tuple(classes), ns,
                  sig + (" = ...;" if end != len(stmt) else ";"),
                  also=[name for _, name in names[1:]]))

    def _function(self, stmt, h, fn, namespace, classes, emit, end):
        first, name, _ = fn
        if first > h and stmt[first - 1].text == "::":
            return  # the definition of a member declared in its class
        friend = any(t.text == "friend" for t in stmt[h:first])
        qual = "::".join(classes) + "::" if classes and not friend else ""
        emit(Decl("function", name, tuple(classes), "::".join(namespace),
                  self._sig(stmt, [first], qual, end=end) + ";", friend=friend))

    def _enum(self, stmt, i, namespace, classes, emit):
        toks = self.toks
        h = _template_head_end(stmt)
        colon = next((k for k, t in _top_level(stmt, h) if t.text == ":"), None)
        names = [t for t in (stmt[h:colon] if colon else stmt[h:])
                 if t.kind == "id" and t.text not in ("enum", "class", "struct")]
        name = names[-1].text if names else ""
        qual = "::".join(classes) + "::" if classes else ""
        d = Decl("enum", name, tuple(classes), "::".join(namespace),
                 self._sig(stmt, [stmt.index(names[-1])] if names else [], qual))
        emit(d)
        scope = (*classes, name)
        j = i + 1
        doc: list[str] = []
        cur: Decl | None = None
        expect_name = True
        while j < len(toks) and toks[j].text != "}":
            t = toks[j]
            if t.kind == "doc":
                doc.append(t.text)
            elif t.kind == "trail":
                if cur is not None:
                    cur.trail = (cur.trail + " " + t.text).strip()
            elif t.text == ",":
                expect_name = True
            elif t.kind == "op" and t.text in ("(", "{", "["):
                j = _skip_balanced(toks, j, t.text, {"(": ")", "{": "}", "[": "]"}[t.text])
                continue
            elif expect_name and t.kind == "id":
                cur = Decl("enumerator", t.text, scope, d.namespace, "::".join((*scope, t.text)),
                           doc="\n".join(doc).strip(), header=self.rel)
                d.members.append(cur)
                doc, expect_name = [], False
            j += 1
        while j < len(toks) and toks[j].text != ";":
            j += 1
        # a ///< after the closing `;` of the last enumerator's line is read as its comment
        return j + 1


def _headers():
    """Headers by folder: [(folder, [paths])], root headers first."""
    folders = [p.name for p in INCLUDE.iterdir() if p.is_dir()]
    order = [f for f in FOLDER_ORDER if f in folders] + sorted(set(folders) - set(FOLDER_ORDER))
    out = [("", sorted(INCLUDE.glob("*.hpp")))]
    out += [(f, sorted((INCLUDE / f).glob("*.hpp"))) for f in order]
    return out


def _walk(decls):
    for d in decls:
        yield d
        yield from _walk(d.members)


def declarations() -> list[Decl]:
    """Every public declaration of every header, classes' and enums' members included (a
    flat list, in header order)."""
    out = []
    for _, headers in _headers():
        for path in headers:
            out.extend(_walk(_Header(path).decls))
    return out


# ----------------------------------------------------------------------------- markdown

def _slug(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading with this text."""
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _escape(text: str) -> str:
    """Markdown text outside code spans with C++ characters shown as written."""
    text = re.sub(r"@[pac]\s+(\w+(?:\(\))?)", r"`\1`", text)  # Doxygen's @p name: code
    parts = re.split(r"(`[^`\n]*`)", text)
    for k in range(0, len(parts), 2):
        s = parts[k]
        s = s.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        parts[k] = re.sub(r"([*_\[\]$])", r"\\\1", s)
    return "".join(parts)


def _doc_md(doc: str) -> str:
    """A /// block as Markdown: @code blocks fenced, lists and tables set off by a blank line,
    other text escaped."""
    out: list[str] = []
    code = in_list = False
    for line in doc.splitlines():
        s = line.strip()
        if s.startswith("@code"):
            lang = re.match(r"@code(?:\{\.(\w+)\})?", s).group(1) or "cpp"
            out += ["", f"```{lang}"]
            code = True
            continue
        if s.startswith("@endcode"):
            out += ["```", ""]
            code = False
            continue
        if code:
            out.append(line)
            continue
        s = re.sub(r"^@brief\s+", "", s)
        if s.startswith("|"):  # a table row, escaped cell by cell
            if out and out[-1] and not out[-1].startswith("|"):
                out.append("")
            out.append("|".join(c if set(c.strip()) <= set("-:") else _escape(c)
                                for c in s.split("|")))
            continue
        if out and out[-1].startswith("|") and s:
            out.append("")
        if re.match(r"[-+] ", s):
            if out and out[-1] and not in_list:
                out.append("")
            out.append("- " + _escape(s[2:]))
            in_list = True
            continue
        if in_list and s and line.startswith("  "):
            out.append("  " + _escape(s))  # the list item goes on
            continue
        if in_list and s:
            out.append("")  # the list has ended
        in_list = False
        s = _escape(s)
        out.append("\\" + s if s[:1] and s[0] in "#+=" or re.match(r"\d+\.\s", s) else s)
    return "\n".join(out).strip()


def _wrap(sig: str, width: int = 100) -> str:
    """A signature as shown: a template head on its own line, and a line longer than
    `width` broken after each parameter."""
    head = ""
    if sig.startswith("template"):
        depth = 0
        for k, c in enumerate(sig):
            depth += (c == "<") - (c == ">")
            if c == ">" and depth == 0:
                head, sig = sig[:k + 1] + "\n", sig[k + 1:].strip()
                break
    if len(sig) <= width:
        return head + sig
    out, line, paren, angle, k = [], "", 0, 0, 0
    while k < len(sig):
        two = sig[k:k + 2]
        if two in ("<<", "->", ">=", "<=") or (two == ">>" and angle < 2):
            line += two
            k += 2
            continue
        c = sig[k]
        line += c
        paren += (c in "([{") - (c in ")]}")
        angle = max(0, angle + (c == "<") - (c == ">"))
        if c == "," and paren == 1 and angle == 0:
            out.append(line)
            line = "   "
        k += 1
    out.append(line)
    return head + "\n".join(out)


def _block(lines: list[str]) -> str:
    return "```cpp\n" + "\n".join(lines) + "\n```\n"


def _members_md(members: list[Decl]) -> list[str]:
    """Members as blocks: a documented member has its own block and its comment below it;
    members without a comment of their own (or with a ///< one, shown as a // comment) share
    one block."""
    out: list[str] = []
    group: list[Decl] = []

    def flush():
        if not group:
            return
        sigs = [_wrap(d.signature) for d in group]
        width = max((len(s) for s, d in zip(sigs, group) if d.trail and "\n" not in s), default=0)
        lines = [s.ljust(width) + "  // " + d.trail if d.trail and "\n" not in s
                 else s + ("  // " + d.trail if d.trail else "") for s, d in zip(sigs, group)]
        out.append(_block(lines))
        group.clear()

    for d in members:
        if d.kind in ("class", "struct", "union", "enum"):
            flush()
            out.extend(_type_md(d, nested=True))
            continue
        if not d.signature:
            continue
        if d.doc:
            flush()
            out.append(_block([_wrap(d.signature)]))
            out.append("\n\n".join(x for x in (_doc_md(d.doc), _escape(d.trail)) if x) + "\n")
        else:
            group.append(d)
    flush()
    return out


def _type_md(d: Decl, nested: bool = False) -> list[str]:
    """A class, struct or enum: a heading (bold for a nested type), its head, its comment and
    its members (enumerators as a list)."""
    title = f"{d.kind} `{d.full_name}`"
    out = [f"**{title}**\n" if nested else f"#### {title}\n", _block([_wrap(d.signature)])]
    text = "\n\n".join(x for x in (_doc_md(d.doc), _escape(d.trail)) if x)
    if text:
        out.append(text + "\n")
    if d.kind == "enum":
        rows = []
        for e in d.members:
            note = " ".join(x for x in (_doc_md(e.doc).replace("\n", " "), _escape(e.trail)) if x)
            rows.append(f"- `{e.qualified}`" + (f": {note}" if note else ""))
        if rows:
            out.append("\n".join(rows) + "\n")
        return out
    out.extend(_members_md(d.members))
    return out


def _header_md(header: _Header) -> list[str]:
    out = [f"### `{header.rel}`\n"]
    if header.file_doc:
        out.append(_doc_md("\n".join(header.file_doc)) + "\n")
    ns = None
    free: list[Decl] = []

    def flush_free():
        if free:
            out.extend(_members_md(free))
            free.clear()

    for d in header.decls:
        if d.namespace != ns:
            flush_free()
            ns = d.namespace
            out.append(f"Namespace `{ns}`.\n")
        if d.kind in ("class", "struct", "union", "enum"):
            flush_free()
            out.extend(_type_md(d))
        else:
            free.append(d)
    flush_free()
    return out


def build() -> str:
    """The Markdown of the C++ API page."""
    parts = ["# C++ API", "",
             "The header-first core: `#include <ketennet/ketennet.hpp>` and link "
             "`ketennet::ketennet` (CMake `find_package(ketennet)`). This page lists every "
             "public declaration of every header (free functions, classes and structs with "
             "their public members, enums with their enumerators, type aliases and constants), "
             "each with its signature and its `///` comment; members are shown under their "
             "class, qualified by it (`Network::view`). It is generated from the headers when "
             "the site is built (`docs/hooks/cpp_api.py`); internal `detail` namespaces and "
             "private members are left out. Folders are listed from the bottom layer up (see "
             "[Architecture](architecture.md)).", ""]
    headers = [(folder, [_Header(p) for p in paths]) for folder, paths in _headers()]
    parts += ["| folder | headers |", "| --- | --- |"]
    for folder, hs in headers:
        links = ", ".join(f"[{h.path.stem}](#{_slug(h.rel)})" for h in hs)
        title = f"[`{folder}/`](#{_slug(folder)})" if folder else "`ketennet/`"
        parts.append(f"| {title} | {links} |")
    parts.append("")
    for folder, hs in headers:
        parts.append(f"## {folder}/\n" if folder else "## ketennet/\n")
        for h in hs:
            parts.extend(_header_md(h))
    return "\n".join(parts) + "\n"


def on_files(files, config):
    from mkdocs.structure.files import File

    files.append(File.generated(config, "cpp-api.md", content=build()))
    return files
