"""mkdocs hook: generates the C++ API page (cpp-api.md) from the `///` doc comments of the
headers in include/ketennet, so the page always matches the code.

For every header: its @file/@brief line, then each documented declaration (function, struct,
class, enum, using) with the comment block just above it.
"""
from __future__ import annotations

import pathlib
import re

from mkdocs.structure.files import File

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include" / "ketennet"
_DECL = re.compile(r"^\s*(template\s*<.*>\s*)?(inline|struct|class|enum|using|constexpr|\[\[nodiscard\]\])\b")


def _namespace(text: str) -> str:
    m = re.search(r"^namespace\s+([\w:]+)\s*\{", text, re.M)
    return m.group(1) if m else "ketennet"


def _signature(lines, i):
    sig = []
    while i < len(lines):
        line = lines[i].rstrip()
        sig.append(line.strip())
        if line.endswith("{") or line.endswith(";") or line.endswith("}"):
            break
        i += 1
    text = " ".join(sig).rstrip("{").rstrip()
    return re.sub(r"\s+", " ", text)


def _header_page(path: pathlib.Path) -> str:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    rel = path.relative_to(ROOT / "include")
    brief = ""
    m = re.search(r"@brief\s+(.*?)(?:\n(?!///)|\n///\s*\n)", text, re.S)
    if m:
        brief = " ".join(s.strip().lstrip("/").strip() for s in m.group(1).splitlines())
    out = [f"### `{rel}`", "", brief, "", f"Namespace `{_namespace(text)}`.", ""]
    comment = []
    depth = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("///"):
            if "@file" in stripped or "@brief" in stripped:
                comment = []
                continue
            comment.append(stripped[3:].strip())
            continue
        if comment and _DECL.match(line) and depth <= 1 and "detail" not in line:
            out.append(f"```cpp\n{_signature(lines, i)}\n```")
            body = "\n".join(comment).strip()
            body = body.replace("<", "&lt;").replace(">", "&gt;")
            body = body.replace("[", "\\[").replace("]", "\\]")  # M[a][b] is no link
            out.append(body + "\n")
        comment = []
        if stripped.startswith("namespace detail"):
            depth = 99
        if depth == 99 and stripped.startswith("}  // namespace detail"):
            depth = 0
    return "\n".join(out) + "\n"


def build() -> str:
    parts = ["# C++ API", "",
             "The header-first core: `#include <ketennet/ketennet.hpp>` and link `ketennet::ketennet` "
             "(CMake `find_package(ketennet)`). Generated from the headers' `///` comments; "
             "internal `detail` namespaces are left out. Folders show the architecture (see "
             "[Architecture](architecture.md)): `core/` (ids, errors, attributes), `model/` "
             "(the mutable network), `view/` (immutable analysis views), `paths/`, the algorithm "
             "areas, `io/` and `support/`.", ""]
    for folder in sorted(p for p in INCLUDE.iterdir() if p.is_dir()):
        parts.append(f"## {folder.name}/\n")
        for header in sorted(folder.glob("*.hpp")):
            parts.append(_header_page(header))
    return "\n".join(parts)


def on_files(files, config):
    files.append(File.generated(config, "cpp-api.md", content=build()))
    return files
