"""The command line: ``python -m ketennet report ...`` and the ``ketennet`` console script.

Exit codes (python/ketennet/cli.py): 0 ok, 2 usage, 3 file cannot be read/written,
4 invalid file content.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ketennet as kn
from conftest import PYTHON, python_env

GOALS = ["Veerkracht en weerbaarheid", "Lerend vermogen", "Effectieve ketens en netwerken",
         "Burgerperspectief"]


def console_script() -> str | None:
    """The installed ``ketennet`` script of this interpreter (next to it), else on PATH."""
    here = Path(sys.executable).parent / "ketennet"
    if here.exists():
        return str(here)
    return shutil.which("ketennet")


def run_module(*args, cwd):
    return subprocess.run([PYTHON, "-m", "ketennet", *map(str, args)], cwd=cwd, env=python_env(),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def run_script(*args, cwd):
    script = console_script()
    if script is None:
        pytest.fail("the ketennet console script is not installed (pyproject [project.scripts])")
    return subprocess.run([script, *map(str, args)], cwd=cwd, env=python_env(),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


RUNNERS = [pytest.param(run_module, id="python-m"), pytest.param(run_script, id="console-script")]


@pytest.fixture
def small_json(tmp_path) -> Path:
    net = kn.Network("testketen")
    net.add_layer("case", directed=True)
    net.add_layer("collaboration", directed=False)
    for oid, sector in [("politie", "politie"), ("om", "om"), ("rechtspraak", "rechtspraak"),
                        ("cjib", "cjib")]:
        net.add_organisation(oid, name=oid.upper(), sector=sector)
    net.add_relation("politie", "om", "case", volume=10)
    net.add_relation("om", "politie", "case", volume=1)
    net.add_relation("om", "rechtspraak", "case")
    net.add_relation("om", "cjib", "case")
    net.add_relation("politie", "om", "collaboration")
    p = tmp_path / "net.json"
    kn.write_json(net, p)
    return p


def assert_goals(text: str):
    positions = [text.find(g) for g in GOALS]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions), "goals out of the inspectorate's order"


def assert_self_contained_html(html: str):
    assert re.search(r"<html[\s>]", html, re.I)
    assert re.search(r"</html>\s*$", html, re.I)
    # nothing fetched from elsewhere: no remote (or protocol-relative) src/href/url()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import", html, re.I)


# ----------------------------------------------------------------------------- examples

@pytest.mark.parametrize("run", RUNNERS)
@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_report_example(run, example, tmp_path):
    r = run("report", "--example", example, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_goals(r.stdout)
    assert example in r.stdout
    assert r.stderr == ""


@pytest.mark.parametrize("run", RUNNERS)
def test_report_example_html(run, tmp_path):
    out = tmp_path / "out.html"
    r = run("report", "--example", "strafrechtketen", "--html", out, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_goals(r.stdout)
    html = out.read_text(encoding="utf-8")
    assert_self_contained_html(html)
    assert_goals(html)
    assert str(out) in r.stdout


# ----------------------------------------------------------------------------- own files

@pytest.mark.parametrize("run", RUNNERS)
def test_report_json_file(run, small_json, tmp_path):
    out = tmp_path / "r.html"
    r = run("report", small_json, "--html", out, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_goals(r.stdout)
    assert "testketen" in r.stdout
    assert_self_contained_html(out.read_text(encoding="utf-8"))


def test_report_graphml_file(small_json, tmp_path):
    p = tmp_path / "net.graphml"
    kn.write_graphml(kn.read_json(small_json), p)
    r = run_module("report", p, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_goals(r.stdout)
    assert "testketen" in r.stdout


def test_report_matches_library(small_json, tmp_path):
    """The CLI prints what kn.report.to_text gives, then says that the output is
    unprotected (kn.disclosure.notice); with --min-count, to_text's protected text, which
    ends with the rule."""
    r = run_module("report", small_json, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    net = kn.read_json(small_json)
    assert r.stdout == kn.report.to_text(net) + kn.disclosure.notice(None) + "\n"
    r = run_module("report", small_json, "--min-count", "10", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == kn.report.to_text(net, min_count=10)


# ----------------------------------------------------------------------------- errors

@pytest.mark.parametrize("run", RUNNERS)
def test_missing_file(run, tmp_path):
    missing = tmp_path / "bestaat-niet.json"
    r = run("report", missing, cwd=tmp_path)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert str(missing) in r.stderr
    assert r.stderr.startswith("ketennet: error:")
    assert r.stdout == ""


def test_directory_is_a_file_error(tmp_path):
    r = run_module("report", tmp_path, cwd=tmp_path)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert str(tmp_path) in r.stderr


@pytest.mark.parametrize("run", RUNNERS)
def test_malformed_json(run, tmp_path):
    p = tmp_path / "kapot.json"
    p.write_text('{\n  "ketennet": 1,\n  "name": "x",,\n}\n', encoding="utf-8")
    r = run("report", p, cwd=tmp_path)
    assert r.returncode == 4, (r.stdout, r.stderr)
    assert f"{p}:3:15" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("doc,fragment", [
    ({"ketennet": 99}, "unknown schema version"),
    ({"ketennet": 1, "organisations": [{"id": "a"}], "layers": [{"name": "c"}],
      "relations": [{"source": "a", "target": "b", "layer": "c"}]}, "unknown target organisation 'b'"),
    ({"ketennet": 1, "organisations": [{"id": "a"}, {"id": "b"}], "layers": [{"name": "c"}],
      "relations": [{"source": "a", "target": "b", "layer": "c", "quality": 1.5}]},
     "/relations/0/quality"),
])
def test_invalid_content(doc, fragment, tmp_path):
    p = tmp_path / "invalid.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    r = run_module("report", p, cwd=tmp_path)
    assert r.returncode == 4, (r.stdout, r.stderr)
    assert str(p) in r.stderr and fragment in r.stderr
    assert "Traceback" not in r.stderr


def test_malformed_graphml(tmp_path):
    p = tmp_path / "kapot.graphml"
    p.write_text("<graphml>\n<graph edgedefault='directed'>\n<node id='a'>\n</graph>\n",
                 encoding="utf-8")
    r = run_module("report", p, cwd=tmp_path)
    assert r.returncode == 4, (r.stdout, r.stderr)
    assert re.search(re.escape(str(p)) + r":\d+:\d+", r.stderr)


@pytest.mark.parametrize("name,ext", [("relaties.csv", ".csv"), ("net.txt", ".txt"),
                                      ("Netwerk.XLSX", ".xlsx")])
def test_unsupported_file_type_in_process(name, ext, tmp_path, capsys):
    """A table or text file is a usage error naming the type, not malformed JSON."""
    from ketennet import cli

    p = tmp_path / name
    p.write_text("source,target\npolitie,om\n", encoding="utf-8")
    assert cli.main(["report", str(p)]) == cli.EXIT_USAGE == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.startswith("usage: ketennet report")
    assert (f"ketennet: error: {p}: unsupported file type '{ext}' (ketennet report reads .json "
            "(a ketennet JSON document) and .graphml or .xml (GraphML)") in err
    assert "malformed" not in err and "JSON" not in err.split("unsupported")[0]


def test_missing_file_of_unsupported_type_is_a_file_error(tmp_path, capsys):
    """A path that does not exist is reported as such, whatever its extension."""
    from ketennet import cli

    missing = tmp_path / "bestaat-niet.csv"
    assert cli.main(["report", str(missing)]) == cli.EXIT_FILE == 3
    err = capsys.readouterr().err
    assert err.startswith(f"ketennet: error: {missing}") and "unsupported" not in err


@pytest.mark.parametrize("run", RUNNERS)
def test_unsupported_file_type(run, tmp_path):
    p = tmp_path / "relaties.csv"
    p.write_text("source,target\npolitie,om\n", encoding="utf-8")
    r = run("report", p, cwd=tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert f"{p}: unsupported file type '.csv'" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_extensionless_file_is_read_as_json(small_json, tmp_path, capsys):
    from ketennet import cli

    plain = tmp_path / "netwerk"
    plain.write_bytes(small_json.read_bytes())
    assert cli.main(["report", str(plain)]) == 0
    assert_goals(capsys.readouterr().out)


def test_unwritable_html(small_json, tmp_path):
    out = tmp_path / "geen-map" / "r.html"
    r = run_module("report", small_json, "--html", out, cwd=tmp_path)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert str(out) in r.stderr


@pytest.mark.parametrize("run", RUNNERS)
def test_no_arguments(run, tmp_path):
    r = run(cwd=tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "usage" in r.stderr.lower()


@pytest.mark.parametrize("args", [["report"], ["report", "--example", "bestaat-niet"],
                                  ["rapport"], ["report", "a.json", "--example", "strafrechtketen"],
                                  ["report", "--top", "veel", "--example", "strafrechtketen"]])
def test_usage_errors(args, tmp_path):
    r = run_module(*args, cwd=tmp_path)
    assert r.returncode == 2, (args, r.stdout, r.stderr)
    assert r.stderr


def test_version(tmp_path):
    r = run_module("--version", cwd=tmp_path)
    assert r.returncode == 0
    assert kn.__version__ in r.stdout


def test_main_in_process(small_json, capsys):
    """cli.main returns the exit code instead of exiting."""
    from ketennet import cli
    assert cli.main(["report", str(small_json)]) == 0
    out = capsys.readouterr().out
    assert_goals(out)
    assert cli.main(["report", str(small_json) + ".missing"]) == 3
    assert "missing" in capsys.readouterr().err
