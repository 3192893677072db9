"""pandera (the project's schema library), imported without hypothesis.

pandera imports hypothesis, when it is installed, for its data synthesis
(``schema.strategy()``, ``schema.example()``), which pakus does not use: on its first
validation in a process, which every build does (``corpus.csv``), that import alone took
0.32 s of a 0.36 s first validation. Here pandera's modules are imported while
``hypothesis`` is marked absent (``sys.modules["hypothesis"] = None``, which makes its
import raise ImportError: pandera then sets ``HAS_HYPOTHESIS = False``, as it does where
hypothesis is not installed), and the mark is removed at once, so hypothesis itself stays
importable (the property tests use it). Where hypothesis was imported before, it is left
as it is. Validation is the same either way.
"""

from __future__ import annotations

import sys

_hide = "hypothesis" not in sys.modules
if _hide:
    sys.modules["hypothesis"] = None  # type: ignore[assignment]
try:
    import pandera.pandas as pa
    import pandera.strategies.pandas_strategies  # noqa: F401  (imports hypothesis if it can)
    from pandera.errors import SchemaErrors
finally:
    if _hide and sys.modules.get("hypothesis", 0) is None:
        del sys.modules["hypothesis"]

__all__ = ["SchemaErrors", "pa"]
