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


def test_a_validated_corpus_csv_is_read_from_the_cache_while_its_bytes_are_unchanged(tmp_path):
    # rule (ExtractionCache.metadata): read_metadata remembered by the file's path and bytes
    import pakus.corpus as corpus

    csv = tmp_path / "corpus.csv"
    csv.write_text("id,file,title,outlet,author,published,published_basis\n"
                   "a,a.txt,T,O,,2011-05-03,dateline\nb b,b.txt,T,O,,,\n", encoding="utf-8")  # fmt: skip
    expected = corpus.read_metadata(csv)
    cache = ExtractionCache(tmp_path / "cache")
    first = cache.metadata(csv)
    assert first.problems == expected.problems and first.rows.equals(expected.rows)
    assert len(first.problems) == 1  # the bad id is reported from the cache as from the file
    calls = []
    real = corpus.read_metadata
    corpus.read_metadata = lambda path: calls.append(path) or real(path)
    try:
        again = cache.metadata(csv)
        assert calls == [] and again.problems == expected.problems
        assert again.rows.equals(expected.rows) and again.files == expected.files
        csv.write_text(csv.read_text(encoding="utf-8").replace("b b", "b"), encoding="utf-8")
        changed = cache.metadata(csv)
        assert calls == [csv] and changed.problems == []
    finally:
        corpus.read_metadata = real
        cache.close()


def test_memo_without_a_cache_folder_computes_each_time():
    calls = []
    cache = ExtractionCache(None)
    assert cache.memo("k", lambda: calls.append(1) or 7) == 7
    assert cache.memo("k", lambda: calls.append(1) or 7) == 7
    assert calls == [1, 1]


def test_the_aid_limit_kept_in_the_cache_is_all_aid_total(tmp_path):
    from pakus.reconcile import all_aid_total

    cache = ExtractionCache(tmp_path / "cache")
    assert cache.aid_limit() == all_aid_total() == cache.aid_limit()
    cache.close()
