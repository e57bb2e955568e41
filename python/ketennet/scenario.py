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

from typing import List, Optional

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_function
from ._util import core_default
from .network import Network

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

    The compiled core holds the scenario (``ketennet/model/scenario.hpp``): the base network
    is copied once, when ``Scenario(net)`` is made (later changes to ``net`` do not reach the
    scenario), and every scenario built from it shares that copy. :meth:`apply` copies it
    once more and makes the changes in place on the copy.

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

    __slots__ = ("_net", "_core")

    def __init__(self, net: Network, _core_scenario: Optional[_core.Scenario] = None) -> None:
        if not isinstance(net, Network):
            raise TypeError(f"Scenario: expected a ketennet.Network, not {type(net).__name__}")
        self._net = net
        self._core = _core.Scenario(net._core) if _core_scenario is None else _core_scenario

    @property
    def network(self) -> Network:
        """The base network (unchanged)."""
        return self._net

    @property
    def changes(self) -> List[str]:
        """The changes, in order, as text."""
        return self._core.changes()

    def _with(self, core: "_core.Scenario") -> "Scenario":
        return Scenario(self._net, core)

    def remove_organisations(self, *organisations: str) -> "Scenario":
        """Organisations fail: they and every relation touching them are removed."""
        for i, oid in enumerate(organisations):
            if not isinstance(oid, str):
                if i:  # a problem with an id before it is named first
                    self._core.remove_organisations(list(organisations[:i]))
                raise TypeError("Scenario.remove_organisations: organisation ids are strings, "
                                f"not {type(oid).__name__}")
        return self._with(self._core.remove_organisations(list(organisations)))

    def remove_relation(self, source: str, target: str, layer: str) -> "Scenario":
        """One relation is removed."""
        return self._with(self._core.remove_relation(source, target, layer))

    def remove_layer(self, layer: str) -> "Scenario":
        """A whole layer fails: the layer and all its relations are removed."""
        if not isinstance(layer, str):
            raise KeyError(f"Scenario.remove_layer: unknown layer {layer!r} (the network has "
                           f"{', '.join(map(repr, self._net.layers)) or 'none'})")
        return self._with(self._core.remove_layer(layer))

    def degrade(self, source: str, target: str, layer: str, *, volume: Optional[float] = None,
                latency: Optional[float] = None, quality: Optional[float] = None,
                capacity: Optional[float] = None) -> "Scenario":
        """A relation's fields get new values (at least one of ``volume``, ``latency``,
        ``quality``, ``capacity``): the values replace the current ones. Values are checked
        as the model does (quality in [0, 1]; the others finite and >= 0)."""
        values = dict(volume=volume, latency=latency, quality=quality, capacity=capacity)
        for i, (k, v) in enumerate(values.items()):
            if v is not None and (isinstance(v, bool)
                                  or not isinstance(v, (int, float, np.integer, np.floating))):
                earlier = {n: float(x) for n, x in list(values.items())[:i] if x is not None}
                if earlier or not self._net.has_relation(source, target, layer):
                    # an unknown relation, or a bad value before this one, is named first
                    self._core.degrade(source, target, layer, **earlier)
                raise TypeError(f"Scenario.degrade: {k} must be a number, not {type(v).__name__}")
        numbers = {k: None if v is None else float(v) for k, v in values.items()}
        return self._with(self._core.degrade(source, target, layer, **numbers))

    remove = renamed_function(remove_organisations, "remove")
    drop_layer = renamed_function(remove_layer, "drop_layer")

    def apply(self) -> Network:
        """The changed network (a new :class:`~ketennet.Network`; the base is untouched):
        degraded values first, then relation, organisation and layer removals (see the class
        docstring)."""
        return Network._wrap(self._core.apply())

    def __repr__(self) -> str:
        body = "; ".join(self.changes) or "no changes"
        return f"<Scenario on {self._net.name!r}: {body}>"


def compare(before: Network, after: Network, *, layers=None, chains=None,
            top: int = core_default(_core.report.compare, "top")) -> pd.DataFrame:
    """Every scorecard indicator of two networks side by side, with the difference.

    The two networks are scored as one batch (:func:`ketennet.scorecard`; computed by the
    compiled core, ``ketennet/report/compare.hpp``), so their rows
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
    from .report import check_options

    for x in (before, after):
        if not isinstance(x, Network):
            raise TypeError(f"compare: expected ketennet.Network objects, not {type(x).__name__}")
    sel, _, top = check_options(before, layers, None, top, "scorecard")
    check_options(after, layers, None, top, "scorecard")
    wanted = [chains] if isinstance(chains, str) else (None if chains is None else list(chains))
    return pd.DataFrame(_core.report.compare(before._core, after._core, sel or [], wanted, top))
