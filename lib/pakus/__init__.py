"""pakus: sourced, normalised facts about US–Pakistan security relations.

The names below are imported on first use, so ``import pakus`` (and ``pakus --help``) stays
fast: pandas, pandera and the reference tables load only when a document is read or extracted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__all__ = [
    "CorpusError",
    "Document",
    "DocumentError",
    "extract_document",
    "load_corpus",
    "read_document",
]
__version__ = "0.1.0"

_HOMES = {
    "CorpusError": "pakus.errors",
    "DocumentError": "pakus.errors",
    "Document": "pakus.corpus",
    "load_corpus": "pakus.corpus",
    "read_document": "pakus.corpus",
    "extract_document": "pakus.extract",
}

if TYPE_CHECKING:
    from pakus.corpus import Document, load_corpus, read_document
    from pakus.errors import CorpusError, DocumentError
    from pakus.extract import extract_document


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pakus' has no attribute {name!r}")
