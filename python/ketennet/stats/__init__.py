"""Statistical inference on networks: is a statistic more than chance, and does one relation
follow from others?

* :func:`cug_test` (conditional uniform graph test), :func:`permutation_test` (two networks on
  the same organisations) and :func:`bootstrap` (vertex bootstrap: standard error, interval,
  test) of a network statistic (:func:`statistic_names`); docs/inference.md.
* :func:`netlm` and :func:`netlogit`: regression on relations with QAP tests (MRQAP), and the
  relations built from layers (:func:`relation`) or implied by an organisation attribute
  (:func:`same`, :func:`difference`);
  docs/stats.md.

The draws run in C++, in parallel, and depend on ``seed`` only.

>>> import ketennet as kn
>>> net = kn.examples.load("strafrechtketen")
>>> r = kn.stats.cug_test(net, "density", "edges", layers="case", reps=100, seed=1)
>>> r.p_value
1.0
"""
from ._regression import (NetlmResult, NetlogitResult, difference, netlm, netlogit, relation,
                          same)
from ._resampling import (BootstrapResult, CugResult, PermutationResult, bootstrap, cug_test,
                          permutation_test, statistic_names)

__all__ = ["cug_test", "permutation_test", "bootstrap", "statistic_names", "netlm", "netlogit",
           "relation", "same", "difference", "CugResult", "PermutationResult", "BootstrapResult",
           "NetlmResult", "NetlogitResult"]

# the public names live in kn.stats: their docs, doctests and the API checks look there
for _public in __all__:
    globals()[_public].__module__ = __name__
del _public
