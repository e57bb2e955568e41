"""Statistical inference on networks: is a network's statistic more than chance?

:func:`cug_test` (conditional uniform graph test), :func:`permutation_test` (two networks on
the same organisations) and :func:`bootstrap` (vertex bootstrap: standard error, interval,
test). The draws run in C++, in parallel, and depend on ``seed`` only. See docs/inference.md.

>>> import ketennet as kn
>>> net = kn.examples.load("strafrechtketen")
>>> r = kn.stats.cug_test(net, "density", "edges", layers="case", reps=100, seed=1)
>>> r.p_value
1.0
"""
from ._resampling import (BootstrapResult, CugResult, PermutationResult, bootstrap, cug_test,
                          permutation_test, statistic_names)

__all__ = ["cug_test", "permutation_test", "bootstrap", "statistic_names", "CugResult",
           "PermutationResult", "BootstrapResult"]
