"""pakus: sourced, normalised facts about US–Pakistan security relations."""

from pakus.corpus import Document, load_corpus, read_document
from pakus.errors import CorpusError, DocumentError
from pakus.extract import extract_document

__all__ = [
    "CorpusError",
    "Document",
    "DocumentError",
    "extract_document",
    "load_corpus",
    "read_document",
]
__version__ = "0.1.0"
