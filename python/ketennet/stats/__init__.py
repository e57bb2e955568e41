"""Inference on networks: regression on relations with QAP tests (:func:`netlm`,
:func:`netlogit`) and the relations an organisation attribute implies (:func:`same`,
:func:`difference`). Definitions, formulas and sources: docs/stats.md."""
from ._regression import NetlmResult, NetlogitResult, difference, netlm, netlogit, same

__all__ = ["netlm", "netlogit", "same", "difference", "NetlmResult", "NetlogitResult"]
