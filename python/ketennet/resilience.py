"""What happens when organisations fail: single points of failure."""
from __future__ import annotations

from typing import List

from . import _core
from ._util import Layers, view_of

__all__ = ["articulation_points"]


def articulation_points(net, *, layers: Layers = None) -> List[str]:
    """Organisations whose removal disconnects others: single points of failure.

    Computed on the undirected projection of the view (a tie in either direction connects;
    weights ignored), as NetworkX's ``articulation_points`` on ``G.to_undirected()``, with
    Boost.Graph's biconnected-components algorithm (Hopcroft & Tarjan 1973). Returned as a
    list of ids in network order.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "rechtspraak"]: net.add_organisation(o)
    >>> net.add_relation("politie", "om", "case"); net.add_relation("om", "rechtspraak", "case")
    >>> kn.resilience.articulation_points(net)
    ['om']
    """
    view = view_of(net, layers)
    ids = net.ids
    return [ids[i] for i in _core.resilience.articulation_points(view)]
