"""Statistical inference on networks: is a network's statistic more than chance?

:func:`cug_test` (conditional uniform graph test), :func:`permutation_test` (two networks on
the same organisations) and :func:`bootstrap` (vertex bootstrap: standard error, interval,
test). The draws run in C++, in parallel, and depend on ``seed`` only. See docs/inference.md.
"""
from ._resampling import (BootstrapResult, CugResult, PermutationResult, bootstrap, cug_test,
                          permutation_test, statistic_names)

__all__ = ["cug_test", "permutation_test", "bootstrap", "statistic_names", "CugResult",
           "PermutationResult", "BootstrapResult"]
