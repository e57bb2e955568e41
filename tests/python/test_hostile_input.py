"""Hostile and malformed input to the JSON and GraphML readers and writers.

Every failure on bad input is a ValueError (parse or content), KeyError (unknown reference) or
OSError (file system) naming the file and the place; limits (nesting depth, input size) are
checked while reading, fast and in bounded memory; messages are valid text whatever bytes the
input held; writes replace the target atomically. The large inputs are generated here.
"""
from __future__ import annotations

import json
import os
import re
import resource
import signal
import time

import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from ketennet import cli


def doc(**extra) -> dict:
    d = {"ketennet": kn.JSON_SCHEMA_VERSION, "name": "n", "layers": [{"name": "case", "kind": "case"}],
         "organisations": [{"id": "a"}, {"id": "b"}],
         "relations": [{"source": "a", "target": "b", "layer": "case", "volume": 1}]}
    d.update(extra)
    return d


def write(path, text) -> str:
    mode = "wb" if isinstance(text, bytes) else "w"
    with open(path, mode) as f:
        f.write(text)
    return str(path)


def deep_json(levels: int) -> str:
    """A document whose metadata nests `levels` arrays."""
    return ('{"ketennet": %d, "metadata": {"x": ' % kn.JSON_SCHEMA_VERSION + "[" * levels +
            "]" * levels + "}}")


def graphml_with_datum(datum: str) -> str:
    from xml.sax.saxutils import escape
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '<key id="ketennet" for="graph" attr.name="ketennet" attr.type="string"/>\n'
            '<graph edgedefault="directed">\n'
            f'<data key="ketennet">{escape(datum)}</data>\n'
            '<node id="a"/>\n</graph>\n</graphml>\n')


GRAPHML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                '<key id="v" for="edge" attr.name="volume" attr.type="double"/>\n'
                '<graph edgedefault="directed">\n')


@pytest.fixture(autouse=True)
def default_limits():
    before = kn.io.limits()
    yield
    kn.io.set_limits(json_depth=before.json_depth, max_input_bytes=before.max_input_bytes)


# ------------------------------------------------------------------ nesting depth

def test_deep_json_fails_fast_naming_the_limit(tmp_path):
    path = write(tmp_path / "deep.json", deep_json(300_000))
    t = time.perf_counter()
    with pytest.raises(ValueError) as e:
        kn.read_json(path)
    assert time.perf_counter() - t < 5
    msg = str(e.value)
    assert msg.startswith(f"{path}: /metadata: nesting deeper than 256 levels")
    assert "json_depth" in msg


def test_depth_limit_counts_the_document_levels(tmp_path):
    # the document is level 1, metadata level 2, the arrays in "x" levels 3 ... 2 + n
    assert kn.read_json(write(tmp_path / "ok.json", deep_json(254))).metadata["x"] == nested(254)
    with pytest.raises(ValueError, match="nesting deeper than 256 levels"):
        kn.read_json(write(tmp_path / "deep.json", deep_json(255)))


def test_depth_limit_is_adjustable(tmp_path):
    path = write(tmp_path / "d.json", deep_json(300))
    with pytest.raises(ValueError, match="deeper than 256"):
        kn.read_json(path)
    kn.io.set_limits(json_depth=400)
    assert kn.io.limits().json_depth == 400
    net = kn.read_json(path)
    out = str(tmp_path / "again.json")
    kn.write_json(net, out)
    assert kn.read_json(out) == net
    kn.io.set_limits(json_depth=10)
    with pytest.raises(ValueError, match="nesting deeper than 10 levels"):
        kn.read_json(write(tmp_path / "d2.json", deep_json(9)))


@pytest.mark.parametrize("bad", [0, -1, 2.5, "256", True])
def test_set_limits_checks_its_arguments(bad):
    with pytest.raises((TypeError, ValueError), match="json_depth"):
        kn.io.set_limits(json_depth=bad)


def test_deep_json_inside_graphml_datum(tmp_path):
    datum = '{"version": %d, "metadata": {"x": ' % kn.JSON_SCHEMA_VERSION + "[" * 300_000 + "]" * 300_000 + "}}"
    path = write(tmp_path / "deep.graphml", graphml_with_datum(datum))
    t = time.perf_counter()
    with pytest.raises(ValueError) as e:
        kn.read_graphml(path)
    assert time.perf_counter() - t < 5
    msg = str(e.value)
    assert msg.startswith(f"{path}:5:")
    assert "graph datum 'ketennet'" in msg and "/metadata: nesting deeper than 256 levels" in msg


def nested(levels: int):
    v: list = []
    for _ in range(levels - 1):
        v = [v]
    return v


@pytest.mark.parametrize("levels", [300, 100_000])
def test_deep_metadata_from_python_is_refused(levels):
    net = kn.Network()
    with pytest.raises(ValueError, match="nesting deeper than 256 levels"):
        net.metadata = {"x": nested(levels)}
    assert net.metadata == {}


def test_metadata_up_to_the_limit_round_trips(tmp_path):
    net = kn.Network("n")
    net.metadata = {"x": nested(254)}   # metadata is level 2: the lists reach level 256
    with pytest.raises(ValueError, match="nesting deeper than 256 levels"):
        net.metadata = {"x": nested(255)}
    for write_, read in ((kn.write_json, kn.read_json), (kn.write_graphml, kn.read_graphml)):
        path = str(tmp_path / f"n.{write_.__name__}")
        write_(net, path)
        assert read(path).metadata == net.metadata


# ------------------------------------------------------------------ typed errors

def test_number_overflow_is_a_value_error_with_position(tmp_path):
    path = write(tmp_path / "big.json", '{"ketennet": 1,\n "metadata": {"x": 1e309}}')
    with pytest.raises(ValueError) as e:
        kn.read_json(path)
    assert type(e.value) is ValueError
    assert str(e.value).startswith(f"{path}:2:")
    assert "1e309" in str(e.value)


@pytest.mark.parametrize("datum, fragment", [
    ('{"version": 1, "chains": 5}', "/chains: expected an array, found number"),
    ('{"version": 1, "chains": [{"name": 3, "stages": []}]}', "/chains/0/name: expected a string, found number"),
    ('{"version": 1, "chains": [{"name": "c", "stages": [{"name": "s", "organisations": [1]}]}]}',
     "/chains/0/stages/0/organisations/0: expected a string, found number"),
    ('{"version": 1, "chains": [{"name": "c"}]}', "/chains/0: missing required key 'stages'"),
])
def test_bad_graphml_datum_names_the_datum(tmp_path, datum, fragment):
    path = write(tmp_path / "bad.graphml", graphml_with_datum(datum))
    with pytest.raises(ValueError) as e:
        kn.read_graphml(path)
    assert type(e.value) is ValueError
    msg = str(e.value)
    assert msg.startswith(f"{path}:5:") and "graph datum 'ketennet'" in msg and fragment in msg


def test_duplicate_json_key_names_key_and_pointer(tmp_path):
    text = json.dumps(doc())[:-1] + ', "name": "again"}'
    path = write(tmp_path / "dup.json", text)
    with pytest.raises(ValueError, match=r"dup.json: /: duplicate key 'name'"):
        kn.read_json(path)
    text = '{"ketennet": 1, "organisations": [{"id": "a", "id": "b"}]}'
    with pytest.raises(ValueError, match=r"/organisations/0: duplicate key 'id'"):
        kn.read_json(write(tmp_path / "dup2.json", text))


def test_content_after_nul_is_an_error(tmp_path):
    path = write(tmp_path / "nul.json", json.dumps(doc()).encode() + b"\0garbage")
    with pytest.raises(ValueError, match=r"nul.json:1:\d+: .*NUL"):
        kn.read_json(path)


# ------------------------------------------------------------------ invalid UTF-8

def test_invalid_utf8_json_is_a_value_error_with_position(tmp_path):
    path = write(tmp_path / "bad.json", b'{"ketennet": 1,\n "name": "a\xff\xfeb"}')
    with pytest.raises(ValueError) as e:
        kn.read_json(path)
    assert not isinstance(e.value, UnicodeError)
    msg = str(e.value)
    assert msg.startswith(f"{path}:2:")
    assert "\\xFF" in msg or "\\xff" in msg


def test_utf16_json_is_a_value_error_with_position(tmp_path):
    path = write(tmp_path / "u16.json", json.dumps(doc()).encode("utf-16"))
    with pytest.raises(ValueError) as e:
        kn.read_json(path)
    assert not isinstance(e.value, UnicodeError)
    assert str(e.value).startswith(f"{path}:1:")
    assert "UTF-16" in str(e.value)


def test_invalid_utf8_graphml_id_is_refused_with_line(tmp_path):
    path = write(tmp_path / "bad.graphml", GRAPHML_HEAD.encode() + b'<node id="a\xffb"/>\n</graph>\n</graphml>\n')
    with pytest.raises(ValueError) as e:
        kn.read_graphml(path)
    msg = str(e.value)
    assert msg.startswith(f"{path}:5:") and "not valid UTF-8" in msg and "a\\xFFb" in msg


# ------------------------------------------------------------------ GraphML values

def test_graphml_character_reference_to_nul_is_refused(tmp_path):
    path = write(tmp_path / "nul.graphml", GRAPHML_HEAD + '<node id="a&#0;b"/>\n</graph>\n</graphml>\n')
    with pytest.raises(ValueError, match=r"nul.graphml:5:\d+: .*&#0;"):
        kn.read_graphml(path)


@pytest.mark.parametrize("value", ["0x10", "0X1p3", "infinity", "nan", "1_000", "1e", "+-1"])
def test_graphml_numbers_are_decimal(tmp_path, value):
    path = write(tmp_path / "hex.graphml", GRAPHML_HEAD +
                 f'<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="v">{value}</data></edge>\n'
                 '</graph>\n</graphml>\n')
    with pytest.raises(ValueError, match=rf"hex.graphml:6:\d+: data 'volume': '{re.escape(value)}' is not a number"):
        kn.read_graphml(path)


@pytest.mark.parametrize("value, expected", [("16", 16.0), (" 1.5e1 ", 15.0), ("0.25", 0.25),
                                              (".5", 0.5), ("+3.", 3.0)])
def test_graphml_decimal_numbers_are_read(tmp_path, value, expected):
    path = write(tmp_path / "ok.graphml", GRAPHML_HEAD +
                 f'<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="v">{value}</data></edge>\n'
                 '</graph>\n</graphml>\n')
    assert kn.read_graphml(path).relation("a", "b", "default")["volume"] == expected


# ------------------------------------------------------------------ input size

def test_dev_zero_fails_fast():
    kn.io.set_limits(max_input_bytes=1 << 20)
    t = time.perf_counter()
    with pytest.raises(ValueError, match=r"/dev/zero: .*more than the limit of 1048576 bytes.*max_input_bytes"):
        kn.read_json("/dev/zero")
    assert time.perf_counter() - t < 5


def test_default_limits():
    assert kn.io.limits() == kn.io.Limits(json_depth=256, max_input_bytes=1 << 30)


def test_large_file_is_refused_by_its_size(tmp_path):
    path = write(tmp_path / "big.json", json.dumps(doc(metadata={"pad": "x" * 5000})))
    kn.io.set_limits(max_input_bytes=4096)
    with pytest.raises(ValueError, match=r"big.json: the file has \d+ bytes, more than the limit of 4096 bytes"):
        kn.read_json(path)
    kn.io.set_limits(max_input_bytes=1 << 20)
    assert kn.read_json(path).metadata["pad"] == "x" * 5000


# ------------------------------------------------------------------ paths and atomic writes

@pytest.mark.parametrize("call", [
    lambda p: kn.read_json(p), lambda p: kn.read_graphml(p),
    lambda p: kn.write_json(kn.Network(), p), lambda p: kn.write_graphml(kn.Network(), p),
    lambda p: kn._core.io.read_json(p), lambda p: kn._core.io.write_json(kn.Network()._core, p),
    lambda p: kn._core.io.read_graphml(p), lambda p: kn._core.io.write_graphml(kn.Network()._core, p),
])
def test_nul_in_path(tmp_path, call):
    target = str(tmp_path / "report.json")
    with pytest.raises(ValueError, match="path contains a NUL character"):
        call(target + "\0.txt")
    assert not os.path.exists(target)


@pytest.mark.parametrize("writer", [kn.write_json, kn.write_graphml])
def test_failed_write_leaves_previous_file(tmp_path, writer):
    path = tmp_path / "net.out"
    small = kn.examples.load("strafrechtketen")
    writer(small, str(path))
    before = path.read_bytes()
    big = small.copy()
    big.metadata = {"pad": "x" * 200_000}
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 1000, hard))
    try:
        with pytest.raises(OSError, match="net.out"):
            writer(big, str(path))   # the disk "fills up" part-way
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["net.out"]   # no temporary file left


@pytest.mark.parametrize("writer", [kn.write_json, kn.write_graphml])
def test_write_replaces_and_keeps_permissions(tmp_path, writer):
    path = tmp_path / "net.out"
    path.write_text("old")
    os.chmod(path, 0o640)
    writer(kn.examples.load("strafrechtketen"), str(path))
    assert path.read_text() != "old"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["net.out"]


# ------------------------------------------------------------------ pandas and NetworkX

@pytest.mark.parametrize("value", [{"k": 1}, [1, 2]])
def test_from_pandas_container_attribute_names_column_and_row(value):
    rels = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "x": [None, value]})
    with pytest.raises(ValueError, match=r"relations row 1: attribute 'x' has type (dict|list)"):
        kn.from_pandas(None, rels)


def test_from_pandas_complex_volume_is_refused():
    rels = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "volume": [1 + 0j, 2 + 1j]})
    with pytest.raises(ValueError, match=r"relations row 1: field 'volume' must be a real number, found \(2\+1j\)"):
        kn.from_pandas(None, rels)


def test_from_pandas_complex_attribute_is_refused():
    rels = pd.DataFrame({"source": ["a"], "target": ["b"], "z": np.array([1 + 1j])})
    with pytest.raises(ValueError, match=r"relations row 0: attribute 'z' has type complex"):
        kn.from_pandas(None, rels)


@pytest.mark.parametrize("value", ["False", 0, None])
def test_from_networkx_layer_directedness_must_be_bool(value):
    import networkx as nx
    G = nx.DiGraph()
    G.add_edge("a", "b", layer="case")
    G.graph["ketennet_layers"] = {"case": value}
    with pytest.raises(ValueError, match=r"graph attribute 'ketennet_layers': layer 'case': directed must be True or False"):
        kn.from_networkx(G)


# ------------------------------------------------------------------ the CLI

@pytest.mark.parametrize("name, content", [
    ("deep.json", deep_json(300_000).encode()),
    ("overflow.json", b'{"ketennet": 1, "metadata": {"x": 1e309}}'),
    ("datum.graphml", graphml_with_datum('{"version": 1, "chains": 5}').encode()),
    ("utf8.json", b'{"ketennet": 1, "name": "\xff\xfe"}'),
    ("utf8.graphml", GRAPHML_HEAD.encode() + b'<node id="\xc3"/>\n</graph>\n</graphml>\n'),
])
def test_cli_bad_input_exit_code_4_one_line(tmp_path, capsys, name, content):
    path = write(tmp_path / name, content)
    assert cli.main(["report", path]) == cli.EXIT_INVALID == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"ketennet: error: {path}")
    assert "Traceback" not in err
