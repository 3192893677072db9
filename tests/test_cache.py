"""The extraction cache's key: what an extraction depends on, and nothing else."""

from __future__ import annotations

import shutil

import pytest

from pakus.cache import ExtractionCache, document_key, fingerprint
from pakus.corpus import Document
from pakus.dates import PartialDate
from pakus.extract import extract_document
from pakus.reference import reference_dir


def test_the_key_changes_with_text_id_and_published_date_only():
    doc = Document("a", "The US suspended aid to Pakistan last year.", file="a.txt",
                   published=PartialDate(2018, 1, 5), title="t")  # fmt: skip
    key = document_key(doc)
    assert document_key(Document("a", doc.text, published=doc.published)) == key  # metadata
    assert document_key(Document("a", doc.text + " ", published=doc.published)) != key
    assert document_key(Document("b", doc.text, published=doc.published)) != key
    assert document_key(Document("a", doc.text, published=PartialDate(2019))) != key


def test_the_fingerprint_covers_the_reference_tables(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    before = fingerprint(str(folder))
    fingerprint.cache_clear()
    with open(folder / "actors.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert fingerprint(str(folder)) != before
    fingerprint.cache_clear()


def test_a_cached_extraction_is_the_extraction(tmp_path):
    doc = Document("a", "In May 2011, US forces killed Osama bin Laden in Abbottabad.",
                   published=PartialDate(2011, 5, 3))  # fmt: skip
    cache = ExtractionCache(tmp_path / "cache")
    assert cache.get(doc) is None
    fresh = extract_document(doc)
    cache.put(doc, fresh)
    assert cache.get(doc) == fresh and (cache.hits, cache.misses) == (1, 1)
    cache.close()


def test_compiled_tables_kept_in_the_cache_are_loaded_not_compiled_and_extract_the_same(
    tmp_path, monkeypatch
):
    # rule (pakus.cache module docstring): the compiled reference tables are kept pickled,
    # keyed by the fingerprint; a build that finds them there unpickles instead of compiling
    import functools

    import pakus.extract as extraction

    doc = Document("a", "In May 2011, US forces killed Osama bin Laden in Abbottabad.",
                   published=PartialDate(2011, 5, 3))  # fmt: skip
    expected = extract_document(doc)
    fresh_process = functools.cache(extraction._compiled.__wrapped__)
    monkeypatch.setattr(extraction, "_compiled", fresh_process)
    compiles = []
    real_compile = extraction._compile
    monkeypatch.setattr(extraction, "_compile", lambda f: compiles.append(f) or real_compile(f))
    first = ExtractionCache(tmp_path / "cache")
    first.prime_compiled()  # none kept yet: compiled here, and kept
    first.close()
    assert compiles == [None]
    monkeypatch.setattr(extraction, "_compiled", functools.cache(fresh_process.__wrapped__))
    second = ExtractionCache(tmp_path / "cache")
    second.prime_compiled()  # a later build: loaded from the cache
    second.close()
    assert compiles == [None]
    assert extract_document(doc) == expected


def test_no_cache_folder_keeps_no_compiled_tables(tmp_path, monkeypatch):
    import pakus.extract as extraction

    monkeypatch.setattr(extraction, "compiled", lambda *a, **k: pytest.fail("loaded"))
    ExtractionCache(None).prime_compiled()  # --no-cache: the build compiles as it extracts
