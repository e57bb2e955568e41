"""Small degenerate networks, shared by the degenerate-input tests.

:func:`build` gives each case as a ketennet network and as the NetworkX graph of the same
ties (``Graph`` or ``DiGraph`` as the network's layers), so a test can run ketennet's metric
and NetworkX's on the same input. The cases (:data:`CASES`):

* ``none``: no organisations (one layer, empty);
* ``one``: organisation ``a`` alone;
* ``one_self_loop``: ``a`` with a self-loop ``a - a`` (volume 10);
* ``two_isolated``, ``three_isolated``: ``a, b`` or ``a, b, c`` without ties;
* ``empty_layer``: the path ``a - b - c`` in layer ``info`` beside the empty layer ``leeg``
  (``layers="leeg"`` selects a network of three isolated organisations);
* ``triangle_and_isolated``: the triangle ``a - b - c - a`` (a cycle when directed) and the
  isolated ``d``.

Every relation has volume, latency and capacity 1 (the self-loop volume 10) and quality 1,
and every organisation the sector ``s`` + its id, so weighted metrics and partitions apply.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import networkx as nx

import ketennet as kn

CASES = ("none", "one", "one_self_loop", "two_isolated", "three_isolated", "empty_layer",
         "triangle_and_isolated")

_SPEC = {
    # name: (organisations, ties of layer "info", has the empty layer "leeg")
    "none": ("", [], False),
    "one": ("a", [], False),
    "one_self_loop": ("a", [("a", "a")], False),
    "two_isolated": ("ab", [], False),
    "three_isolated": ("abc", [], False),
    "empty_layer": ("abc", [("a", "b"), ("b", "c")], True),
    "triangle_and_isolated": ("abcd", [("a", "b"), ("b", "c"), ("c", "a")], False),
}


@dataclass(frozen=True)
class Degenerate:
    """One degenerate case: the network, the NetworkX graph of all its ties, and the layer
    selection (``None``: all layers)."""

    name: str
    directed: bool
    net: kn.Network
    graph: nx.Graph
    layers: Optional[str] = None

    @property
    def id(self) -> str:
        return f"{self.name}-{'directed' if self.directed else 'undirected'}" + (
            f"-{self.layers}" if self.layers else "")


def build(name: str, directed: bool, layers: Optional[str] = None) -> Degenerate:
    """The case ``name`` with directed or undirected layers; ``layers="leeg"`` (only for
    ``empty_layer``) selects the empty layer, and the graph then has no edges."""
    orgs, ties, empty_layer = _SPEC[name]
    net = kn.Network(name)
    net.add_layer("info", directed=directed)
    if empty_layer:
        net.add_layer("leeg", directed=directed)
    G = nx.DiGraph() if directed else nx.Graph()
    for o in orgs:
        net.add_organisation(o, sector="s" + o)
        G.add_node(o, sector="s" + o)
    for s, t in ties:
        volume = 10.0 if s == t else 1.0
        net.add_relation(s, t, "info", volume=volume, latency=1.0, capacity=1.0, quality=1.0)
        if layers != "leeg":
            G.add_edge(s, t, volume=volume)
    if layers is not None and not empty_layer:
        raise ValueError(f"case {name!r} has no layer {layers!r} to select")
    return Degenerate(name, directed, net, G, layers)


def all_cases() -> Tuple[Degenerate, ...]:
    """Every case, undirected and directed, plus ``empty_layer`` with only ``leeg`` selected."""
    out = []
    for directed in (False, True):
        for name in CASES:
            out.append(build(name, directed))
        out.append(build("empty_layer", directed, "leeg"))
    return tuple(out)
