"""A generator of random, terminating, deterministic programs in mgen's language.

`generate(seed, index)` returns program `index` of campaign `seed`. See
docs/testing.md for how to extend it.
"""

from . import exprs, funcs, stmts  # noqa: F401  (register the constructs)
from .core import generate  # noqa: F401
