"""The HTML report renders in a real browser (headless Chromium, Debian's `chromium`) without
console errors, with its figures, and stands alone (no request leaves the file)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import ketennet as kn

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (scripts/setup.sh installs Debian's chromium)")


def _render(path):
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--enable-logging=stderr", "--log-level=0", "--dump-dom",
                           path.as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return proc.stdout, console


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_report_renders_without_console_errors(example, tmp_path):
    net = kn.examples.load(example)
    out = tmp_path / f"{example}.html"
    out.write_text(kn.report.to_html(net), encoding="utf-8")
    dom, console = _render(out)
    assert not console, "browser console: " + "\n".join(console)
    assert f"ketennet report: {example}" in dom
    assert dom.count("<svg") >= 4  # network, brokers, chain stages (+ volumes, robustness)
    # stands alone: nothing fetched from elsewhere
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", dom)


def test_browser_check_catches_errors(tmp_path):
    """The check above can fail: a page with a script error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>")
    _, console = _render(bad)
    assert any("undefinedFunction" in line for line in console)
