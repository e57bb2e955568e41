"""Writes the seed corpus of every fuzz target to tests/fuzz/corpus/ (committed; rerun after a
format change): small valid files, cut from the shipped examples (python/ketennet/examples)
or written by ketennet itself, and near-valid ones (truncated, one field of the wrong type,
an unknown reference, an entity, a bad date).

    PYTHONPATH=python python tests/fuzz/make_corpus.py
"""
from __future__ import annotations

import gzip
import io
import os
import shutil
import tempfile

import networkx as nx

import ketennet as kn
from ketennet import _core
from ketennet.examples import eventlog_path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "corpus")


def small_network() -> kn.Network:
    net = kn.Network("zvh")
    net.metadata = {"bron": "voorbeeld", "jaren": [2022, 2023]}
    net.add_layer("case", directed=True)
    net.add_layer("overleg", directed=False)
    net.add_organisation("politie", name="Nationale Politie", sector="politie")
    net.add_organisation("om", name="Openbaar Ministerie", sector="om", fte=4800)
    net.add_organisation("rechtspraak", name="Rechtspraak", sector="rechtspraak")
    net.add_relation("politie", "om", "case", volume=190000.0, latency=30.0, quality=0.9)
    net.add_relation("om", "rechtspraak", "case", volume=90000.0, capacity=100000.0)
    net.add_relation("politie", "om", "overleg", kanaal="ZSM")
    return net


def write(kind: str, name: str, data) -> None:
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, kind, name), "wb") as f:
        f.write(data)


def json_seeds() -> None:
    net = small_network()
    text = _core.io.write_json_string(net._core, 2)
    write("json", "small.json", text)
    write("json", "small-one-line.json", _core.io.write_json_string(net._core, -1))
    write("json", "truncated.json", text[: len(text) // 2])
    write("json", "unknown-target.json", text.replace('"target": "rechtspraak"', '"target": "hof"', 1))
    write("json", "wrong-type.json", text.replace('"volume": 90000', '"volume": "veel"', 1))
    write("json", "big-number.json", text.replace("90000", "1e309", 1))
    write("json", "deep-metadata.json", text.replace('"voorbeeld"', "[" * 40 + "1" + "]" * 40, 1))
    write("json", "empty-object.json", "{}")
    with open(os.path.join(ROOT, "tests", "cpp", "data", "malformed.json"), "rb") as f:
        write("json", "malformed.json", f.read())
    ex = kn.examples.load("vreemdelingenketen")
    sub = ex.induced(list(ex.ids)[:6])
    write("json", "example-part.json", _core.io.write_json_string(sub._core, -1))


def graphml_seeds() -> None:
    net = small_network()
    d = tempfile.mkdtemp()
    path = os.path.join(d, "n.graphml")
    kn.write_graphml(net, path)
    with open(path, "rb") as f:
        text = f.read()
    shutil.rmtree(d)
    write("graphml", "small.graphml", text)
    write("graphml", "truncated.graphml", text[: len(text) // 2])
    write("graphml", "unknown-target.graphml", text.replace(b'target="rechtspraak"', b'target="hof"', 1))
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=1.5, layer="case")
    G.add_edge("b", "c", weight=2, label="x")
    G.nodes["a"]["sector"] = "politie"
    buf = io.BytesIO()
    nx.write_graphml(G, buf)
    write("graphml", "networkx.graphml", buf.getvalue())
    write("graphml", "entity.graphml", buf.getvalue().replace(
        b"<graphml", b'<!DOCTYPE graphml [<!ENTITY e "ee">]>\n<graphml', 1).replace(b">a<", b">&e;<", 1))
    with open(os.path.join(ROOT, "tests", "cpp", "data", "networkx_foreign.graphml"), "rb") as f:
        write("graphml", "networkx_foreign.graphml", f.read())


MINIMAL_XES = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <trace>
    <string key="concept:name" value="zaak-1"/>
    <int key="aantal" value="3"/>
    <event>
      <string key="concept:name" value="aangifte"/>
      <string key="org:resource" value="politie"/>
      <date key="time:timestamp" value="2023-01-02T10:00:00.000+01:00"/>
      <float key="kosten" value="12.5"/>
      <boolean key="spoed" value="true"/>
    </event>
    <event>
      <string key="concept:name" value="vervolging"/>
      <string key="org:resource" value="om"/>
      <date key="time:timestamp" value="2023-02-01T09:30:00Z"/>
      <id key="ref" value="a1b2"/>
    </event>
  </trace>
</log>
"""


def xes_seeds() -> None:
    with open(eventlog_path("running-example"), "rb") as f:
        running = f.read()
    # the first two traces of the running example
    cut = running.find(b"<trace>", running.find(b"<trace>", running.find(b"<trace>") + 1) + 1)
    part = running[:cut] + b"</log>\n"
    seeds = {
        "minimal.xes": MINIMAL_XES.encode(),
        "running-example-part.xes": part,
        "truncated.xes": MINIMAL_XES.encode()[:400],
        "bad-date.xes": MINIMAL_XES.replace("2023-02-01T09:30:00Z", "9999-12-31T24:59:60Z").encode(),
        "bad-int.xes": MINIMAL_XES.replace('value="3"', 'value="3x"').encode(),
        "no-case.xes": MINIMAL_XES.replace('<string key="concept:name" value="zaak-1"/>', "").encode(),
    }
    for name, data in seeds.items():
        write("xes", name, data)
        # xes_gz: an even first byte: the rest is compressed by the target
        write("xes_gz", "xml-" + name, b"\x00" + data)
    gz = gzip.compress(MINIMAL_XES.encode(), mtime=0)
    # an odd first byte: the rest is the .xes.gz file itself
    write("xes_gz", "gzip-minimal.xes.gz", b"\x01" + gz)
    write("xes_gz", "gzip-no-trailer.xes.gz", b"\x01" + gz[:-8])
    write("xes_gz", "gzip-truncated.xes.gz", b"\x01" + gz[: len(gz) // 2])
    write("xes_gz", "gzip-part.xes.gz", b"\x01" + gzip.compress(part, mtime=0))


def csv_seeds() -> None:
    with open(eventlog_path("roadtraffic100traces"), "rb") as f:
        lines = f.read().splitlines(keepends=True)
    write("eventlog_csv", "roadtraffic-part.csv", b"".join(lines[:25]))
    write("eventlog_csv", "minimal.csv",
          "case:concept:name,concept:name,org:resource,time:timestamp,kosten\n"
          "z1,aangifte,politie,2023-01-02 10:00:00+01:00,12.5\n"
          "z1,vervolging,om,2023-02-01T09:30:00Z,\n"
          "z2,aangifte,politie,2023-01-03,1\n")
    write("eventlog_csv", "bad-date.csv",
          "case:concept:name,concept:name,org:resource,time:timestamp\n"
          "z1,aangifte,politie,9999-12-31\nz1,zitting,rechtspraak,1000-01-01\n")
    write("eventlog_csv", "missing-column.csv", "case:concept:name,concept:name\nz1,aangifte\n")
    rel = small_network().relations
    write("pandas_csv", "small.csv", rel.to_csv(index=False))
    write("pandas_csv", "minimal.csv", "source,target,layer,volume\npolitie,om,case,3\nom,rechter,case,\n")
    write("pandas_csv", "attributes.csv", "source,target,kanaal,spoed\na,b,ZSM,True\nb,c,,False\n")
    write("pandas_csv", "bad-volume.csv", "source,target,volume\na,b,veel\n")
    write("pandas_csv", "no-target.csv", "source,doel\na,b\n")


if __name__ == "__main__":
    shutil.rmtree(OUT, ignore_errors=True)
    json_seeds()
    graphml_seeds()
    xes_seeds()
    csv_seeds()
    for kind in sorted(os.listdir(OUT)):
        files = os.listdir(os.path.join(OUT, kind))
        print(kind, len(files), "files",
              sum(os.path.getsize(os.path.join(OUT, kind, f)) for f in files), "bytes")
