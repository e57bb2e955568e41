"""The installed CMake package, used from an outside project.

Configures, builds and installs this repository into a temporary prefix, then builds the C++
program of README.md (its ```cpp block; examples/cpp/main.cpp when README has none) as an
outside project with ``find_package(ketennet CONFIG REQUIRED)`` and runs it; builds the
example programs of examples/cpp the same way and checks that the scorecard program prints
the rows and text of ``kn.report.scorecard`` and ``kn.report.to_text`` for every example
network.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

CMAKE = shutil.which("cmake")
NINJA = shutil.which("ninja")

pytestmark = [
    pytest.mark.skipif(CMAKE is None, reason="cmake not found on PATH"),
    pytest.mark.skipif(NINJA is None, reason="ninja not found on PATH (the test uses -G Ninja)"),
]

OUTSIDE_CMAKELISTS = """\
cmake_minimum_required(VERSION 3.20)
project(ketennet_outside LANGUAGES CXX)
find_package(ketennet CONFIG REQUIRED)
add_executable(app main.cpp)
target_link_libraries(app PRIVATE ketennet::ketennet)
"""


def run(cmd, cwd=None, timeout=1200):
    r = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, (f"{' '.join(map(str, cmd))} exited {r.returncode}\n"
                               f"--- stdout\n{r.stdout[-4000:]}\n--- stderr\n{r.stderr[-4000:]}")
    return r


def program_source() -> tuple[str, str]:
    """(C++ source, where it came from)."""
    readme = REPO / "README.md"
    if readme.exists():
        blocks = re.findall(r"^```cpp[ \t]*\n(.*?)^```[ \t]*$", readme.read_text(encoding="utf-8"),
                            re.S | re.M)
        blocks = [b for b in blocks if re.search(r"\bint\s+main\s*\(", b)]
        if blocks:
            return blocks[0], "README.md"
    pytest.fail("README.md must hold a complete C++ program in a ```cpp block (the issue asks "
                "for one, and this test builds it against the installed package)")


@pytest.fixture(scope="module")
def prefix(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cmake-package")
    build, prefix = tmp / "build", tmp / "prefix"
    # CMake's standard switch, and no Catch2 to be found: the install needs neither
    configured = run([CMAKE, "-S", REPO, "-B", build, "-G", "Ninja", "-DBUILD_TESTING=OFF",
                      "-DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON", "-DCMAKE_BUILD_TYPE=Release",
                      f"-DCMAKE_INSTALL_PREFIX={prefix}"])
    unused = configured.stderr.partition("not used by the project:")[2]
    assert "BUILD_TESTING" not in unused, configured.stderr
    assert "ketennet_tests" not in (build / "build.ninja").read_text(encoding="utf-8")
    run([CMAKE, "--build", build])
    run([CMAKE, "--install", build])
    return prefix


def _configure(tmp_path, *args, source=REPO):
    """Configures only (no build); returns the completed process and the ninja file's text."""
    build = tmp_path / "configure-only"
    r = run([CMAKE, "-S", source, "-B", build, "-G", "Ninja", *args], timeout=600)
    return r, (build / "build.ninja").read_text(encoding="utf-8")


def test_top_level_build_has_tests_by_default(tmp_path):
    _, ninja = _configure(tmp_path)
    assert "ketennet_tests" in ninja


def test_without_catch2_the_tests_are_skipped_with_a_message(tmp_path):
    r, ninja = _configure(tmp_path, "-DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON")
    assert "Catch2 (2.13 or later) not found: the C++ tests are not built" in r.stderr
    assert "ketennet_tests" not in ninja


def test_a_project_that_adds_ketennet_as_a_subdirectory_does_not_build_its_tests(tmp_path):
    project = tmp_path / "parent"
    project.mkdir()
    (project / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.20)\nproject(parent LANGUAGES CXX)\n"
        f"add_subdirectory({REPO.as_posix()} ketennet)\n"
        "add_executable(app main.cpp)\ntarget_link_libraries(app PRIVATE ketennet::ketennet)\n",
        encoding="utf-8")
    (project / "main.cpp").write_text("int main() { return 0; }\n", encoding="utf-8")
    _, ninja = _configure(tmp_path, source=project)
    assert "ketennet_tests" not in ninja
    # nor does the parent's install carry ketennet's headers and CMake package
    install_rules = (tmp_path / "configure-only" / "ketennet" / "cmake_install.cmake").read_text(
        encoding="utf-8")
    assert "ketennetTargets" not in install_rules and "include/ketennet" not in install_rules


def test_install_layout(prefix):
    config = list(prefix.glob("lib*/cmake/ketennet/ketennetConfig.cmake"))
    assert config, "ketennetConfig.cmake not installed"
    assert (config[0].parent / "ketennetConfigVersion.cmake").exists()
    assert (prefix / "include" / "ketennet" / "ketennet.hpp").exists()
    headers = {p.relative_to(REPO / "include").as_posix()
               for p in (REPO / "include").rglob("*.hpp")}
    installed = {p.relative_to(prefix / "include").as_posix()
                 for p in (prefix / "include").rglob("*.hpp")}
    assert headers <= installed


def test_outside_project(prefix, tmp_path):
    source, origin = program_source()
    project = tmp_path / "outside"
    project.mkdir()
    (project / "main.cpp").write_text(source, encoding="utf-8")
    (project / "CMakeLists.txt").write_text(OUTSIDE_CMAKELISTS, encoding="utf-8")
    build = tmp_path / "outside-build"
    run([CMAKE, "-S", project, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
         f"-DCMAKE_PREFIX_PATH={prefix}"])
    run([CMAKE, "--build", build])
    app = build / "app"
    assert app.exists()
    workdir = tmp_path / "run"
    workdir.mkdir()
    r = subprocess.run([str(app)], cwd=workdir, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"program from {origin} exited {r.returncode}: {r.stderr}"
    assert r.stdout.strip(), f"program from {origin} printed nothing"
    # the README program reports its own checks; none may fail
    assert "FAILED" not in r.stdout, r.stdout


def _tsv_field(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), text)


def test_scorecard_program_matches_the_python_scorecard(prefix, tmp_path):
    import math

    import ketennet as kn

    build = tmp_path / "examples-build"
    run([CMAKE, "-S", REPO / "examples" / "cpp", "-B", build, "-G", "Ninja",
         "-DCMAKE_BUILD_TYPE=Release", f"-DCMAKE_PREFIX_PATH={prefix}"])
    run([CMAKE, "--build", build, "--target", "ketennet_scorecard"])
    program = build / "ketennet_scorecard"
    for name in kn.examples.names():
        net = kn.examples.load(name)
        card = kn.report.scorecard(net)
        tsv = run([program, kn.examples.path(name), "--tsv"]).stdout.splitlines()
        assert tsv[0].split("\t") == list(kn.report.COLUMNS)
        assert len(tsv) - 1 == len(card), name
        for i, (line, row) in enumerate(zip(tsv[1:], card.itertuples(index=False))):
            fields = [_tsv_field(f) for f in line.split("\t")]
            expected = list(row)
            got = fields[:4] + [float(fields[4])] + fields[5:]
            where = f"{name}, row {i} ({row.indicator})"
            assert got[:4] == expected[:4] and got[5:] == expected[5:], where
            assert (math.isnan(got[4]) and math.isnan(expected[4])) or got[4] == expected[4], where
        text = run([program, kn.examples.path(name)]).stdout
        assert text == kn.report.to_text(net, card), name


def test_outside_project_rejects_incompatible_version(prefix, tmp_path):
    """The version file is honoured: asking for a major version that does not exist fails."""
    project = tmp_path / "needs-v99"
    project.mkdir()
    (project / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.20)\nproject(v99 LANGUAGES CXX)\n"
        "find_package(ketennet 99 CONFIG REQUIRED)\n", encoding="utf-8")
    r = subprocess.run([CMAKE, "-S", str(project), "-B", str(tmp_path / "b"), "-G", "Ninja",
                        f"-DCMAKE_PREFIX_PATH={prefix}"], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode != 0
    assert "ketennet" in r.stderr
