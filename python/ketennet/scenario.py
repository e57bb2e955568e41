"""What-if scenarios: a network with organisations, relations or layers removed or relations
degraded, and the scorecard before and after.

>>> import ketennet as kn
>>> net = kn.examples.load("strafrechtketen")
>>> s = kn.Scenario(net).remove_organisations("zsm").remove_layer("it")
>>> after = s.apply()
>>> len(net) - len(after), "it" in after.layers, "it" in net.layers
(1, False, True)
"""
from __future__ import annotations

import math
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd

from ._deprecation import renamed_function
from .network import FIELDS, Network

__all__ = ["Scenario", "compare"]


class Scenario:
    """An immutable what-if builder over a network.

    Each method returns a *new* Scenario with one more change; the base network is never
    modified. :meth:`apply` gives the changed network.

    * :meth:`remove_organisations`: organisations fail (they and all their relations go; they leave the
      chains' stages);
    * :meth:`remove_relation`: one relation goes;
    * :meth:`remove_layer`: a whole layer fails, e.g. the relations that depend on one shared IT
      system;
    * :meth:`degrade`: a relation's fields get new values (a slower or poorer hand-off:
      ``quality=0.5, latency=20``).

    Changes are checked when they are added against the base network (``KeyError`` for an
    unknown organisation, layer or relation, ``ValueError`` for a bad value, naming it). A
    scenario is a set of changes, so the result does not depend on the order of the calls:
    :meth:`apply` first gives relations their degraded values, then removes relations, then
    organisations, then layers. A relation that is degraded and also loses an end or its
    layer is therefore simply gone (``Scenario(net).remove_organisations("om").degrade("politie", "om",
    ...)`` is valid).

    What :meth:`apply` copies: the network is copied once (one deep copy of the organisation
    table and of the column-wise relation store; the C++ model has no copy-on-write
    sharing) and the changes are then made in place on that copy, each in one pass over the
    relation columns. The base network and its cached views stay as they are.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> s = (kn.Scenario(net).remove_organisations("om").remove_layer("it")
    ...      .degrade("politie", "zsm", layer="information", quality=0.5, latency=20))
    >>> s
    <Scenario on 'strafrechtketen': remove om; drop layer it; degrade politie -> zsm (information): latency=20, quality=0.5>
    >>> after = s.apply()
    >>> "om" in after, after.relation("politie", "zsm", "information")["latency"]
    (False, 20.0)
    >>> s.degrade("politie", "om", layer="information", quality=0.5).apply() == after  # om is gone
    True
    """

    __slots__ = ("_net", "_ops")

    def __init__(self, net: Network, _ops: Tuple[tuple, ...] = ()) -> None:
        if not isinstance(net, Network):
            raise TypeError(f"Scenario: expected a ketennet.Network, not {type(net).__name__}")
        self._net = net
        self._ops = tuple(_ops)

    @property
    def network(self) -> Network:
        """The base network (unchanged)."""
        return self._net

    @property
    def changes(self) -> List[str]:
        """The changes, in order, as text."""
        return [_describe(op) for op in self._ops]

    def _with(self, op: tuple) -> "Scenario":
        return Scenario(self._net, self._ops + (op,))

    def remove_organisations(self, *organisations: str) -> "Scenario":
        """Organisations fail: they and every relation touching them are removed."""
        fn = "Scenario.remove_organisations"
        if not organisations:
            raise ValueError(f"{fn}: name at least one organisation")
        out = self
        for oid in organisations:
            if not isinstance(oid, str):
                raise TypeError(f"{fn}: organisation ids are strings, not {type(oid).__name__}")
            if oid not in self._net:
                raise KeyError(f"{fn}: unknown organisation {oid!r}")
            if any(op == ("remove", oid) for op in out._ops):
                raise ValueError(f"{fn}: organisation {oid!r} is removed already")
            out = out._with(("remove", oid))
        return out

    def remove_relation(self, source: str, target: str, layer: str) -> "Scenario":
        """One relation is removed."""
        if not self._net.has_relation(source, target, layer):
            raise KeyError(f"Scenario.remove_relation: no relation {source} -> {target} in "
                           f"layer {layer!r}")
        if ("remove_relation", source, target, layer) in self._ops:
            raise ValueError(f"Scenario.remove_relation: {source} -> {target} ({layer}) is "
                             "removed already")
        return self._with(("remove_relation", source, target, layer))

    def remove_layer(self, layer: str) -> "Scenario":
        """A whole layer fails: the layer and all its relations are removed."""
        if not isinstance(layer, str) or not self._net.has_layer(layer):
            raise KeyError(f"Scenario.remove_layer: unknown layer {layer!r} (the network has "
                           f"{', '.join(map(repr, self._net.layers)) or 'none'})")
        if ("drop_layer", layer) in self._ops:
            raise ValueError(f"Scenario.remove_layer: layer {layer!r} is removed already")
        return self._with(("drop_layer", layer))

    def degrade(self, source: str, target: str, layer: str, *, volume: Optional[float] = None,
                latency: Optional[float] = None, quality: Optional[float] = None,
                capacity: Optional[float] = None) -> "Scenario":
        """A relation's fields get new values (at least one of ``volume``, ``latency``,
        ``quality``, ``capacity``): the values replace the current ones. Values are checked
        as the model does (quality in [0, 1]; the others finite and >= 0)."""
        if not self._net.has_relation(source, target, layer):
            raise KeyError(f"Scenario.degrade: no relation {source} -> {target} in layer {layer!r}")
        values = {k: v for k, v in dict(volume=volume, latency=latency, quality=quality,
                                        capacity=capacity).items() if v is not None}
        if not values:
            raise ValueError("Scenario.degrade: give at least one of volume, latency, quality, capacity")
        for k, v in values.items():
            if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
                raise TypeError(f"Scenario.degrade: {k} must be a number, not {type(v).__name__}")
            v = float(v)
            if not math.isfinite(v) or v < 0 or (k == "quality" and v > 1):
                raise ValueError(f"Scenario.degrade: {source} -> {target} ({layer}): {k}={v} is "
                                 + ("outside [0, 1]" if k == "quality" else "not finite and >= 0"))
        return self._with(("degrade", source, target, layer, tuple(values.items())))

    remove = renamed_function(remove_organisations, "remove")
    drop_layer = renamed_function(remove_layer, "drop_layer")

    def apply(self) -> Network:
        """The changed network (a new :class:`~ketennet.Network`; the base is untouched):
        degraded values first, then relation, organisation and layer removals (see the class
        docstring)."""
        net = self._net.copy()
        for rank in ("degrade", "remove_relation", "remove", "drop_layer"):
            for op in self._ops:
                if op[0] != rank:
                    continue
                if rank == "remove":
                    net.remove_organisation(op[1])
                elif rank == "remove_relation":
                    net.remove_relation(op[1], op[2], op[3])
                elif rank == "drop_layer":
                    net.remove_layer(op[1])
                else:
                    net.update_relation(op[1], op[2], op[3], **dict(op[4]))
        return net

    def __repr__(self) -> str:
        body = "; ".join(self.changes) or "no changes"
        return f"<Scenario on {self._net.name!r}: {body}>"


def _describe(op: tuple) -> str:
    if op[0] == "remove":
        return f"remove {op[1]}"
    if op[0] == "remove_relation":
        return f"remove relation {op[1]} -> {op[2]} ({op[3]})"
    if op[0] == "drop_layer":
        return f"drop layer {op[1]}"
    vals = ", ".join(f"{k}={v:g}" for k, v in op[4])
    return f"degrade {op[1]} -> {op[2]} ({op[3]}): {vals}"


def compare(before: Network, after: Network, *, layers=None, chains=None,
            top: int = 5) -> pd.DataFrame:
    """Every scorecard indicator of two networks side by side, with the difference.

    The two networks are scored as one batch (:func:`ketennet.scorecard`), so their rows
    align: the same (goal, indicator, scope, subject) keys on both sides, organisations ranked
    in either network reported in both, and a NaN only where a value cannot exist (an
    organisation that was removed, a chain that can no longer be scored), with the reason in
    ``note_before`` / ``note_after``.

    Parameters
    ----------
    before, after : Network
    layers, chains, top
        As in :func:`ketennet.report.scorecard`.

    Returns
    -------
    pandas.DataFrame
        ``goal, indicator, scope, subject, unit, direction, before, after, difference,
        text_before, text_after, note_before, note_after`` (difference = after - before; NaN
        when either side is), in scorecard order.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> table = kn.compare(net, kn.Scenario(net).remove_organisations("politie").apply())
    >>> row = table[(table.indicator == "organisations") & (table.scope == "network")]
    >>> row[["before", "after", "difference"]].values.tolist()
    [[21.0, 20.0, -1.0]]
    >>> gone = table[(table.scope == "organisation") & (table.subject == "politie")]
    >>> gone["note_after"].iloc[0]
    'not an organisation of this network'
    """
    from .report import KEY
    from .studies import scorecard

    for x in (before, after):
        if not isinstance(x, Network):
            raise TypeError(f"compare: expected ketennet.Network objects, not {type(x).__name__}")
    card = scorecard({"before": before, "after": after}, chains=chains, layers=layers, top=top)
    a = card[card["network"] == "before"].reset_index(drop=True)
    b = card[card["network"] == "after"].reset_index(drop=True)
    out = a[KEY + ["unit", "direction"]].copy()
    out["before"] = a["value"]
    out["after"] = b["value"]
    out["difference"] = b["value"] - a["value"]
    out["text_before"], out["text_after"] = a["text"], b["text"]
    out["note_before"], out["note_after"] = a["note"], b["note"]
    return out
