"""Built-in example networks (see README.md in this folder for sources).

* ``strafrechtketen``: the Dutch criminal justice chain, volumes from published figures;
* ``vreemdelingenketen``: the Dutch migration chain.

Each relation and organisation says in its attribute ``basis`` whether its numbers are
published, derived or illustrative, with a ``reference``.
"""
from __future__ import annotations

import os
from typing import List

__all__ = ["names", "load", "path"]

_DIR = os.path.dirname(os.path.abspath(__file__))


def names() -> List[str]:
    """Names of the built-in examples.

    >>> import ketennet as kn
    >>> kn.examples.names()
    ['strafrechtketen', 'vreemdelingenketen']
    """
    return sorted(f[:-5] for f in os.listdir(_DIR) if f.endswith(".json"))


def path(name: str) -> str:
    """Path of an example's JSON file; ``KeyError`` for an unknown name."""
    if name not in names():
        raise KeyError(f"unknown example '{name}' (available: {', '.join(names())})")
    return os.path.join(_DIR, name + ".json")


def load(name: str):
    """Load a built-in example as a :class:`ketennet.Network`.

    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> net.chains
    ['strafrechtketen']
    """
    from ..io import read_json

    return read_json(path(name))
