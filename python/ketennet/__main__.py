"""``python -m ketennet report ...``: the same as the ``ketennet`` command."""
import sys

from .cli import main

sys.exit(main())
