"""Every fact from every document points at the exact characters it came from."""

from pathlib import Path

import pytest

from pakus.corpus import load_corpus, read_document
from pakus.extract import extract_document, extract_text

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = sorted((ROOT / "tests" / "documents").glob("*.txt"))
CORPUS = load_corpus(ROOT / "data" / "raw")


@pytest.mark.parametrize("doc", CORPUS.documents, ids=lambda d: d.id)
def test_corpus_facts_quote_their_text(doc):
    result = extract_document(doc)
    total = 0
    with open(ROOT / "data" / "raw" / doc.file, encoding="utf-8", newline="") as handle:
        text = handle.read()
    for kind in ("entity", "date", "amount", "count", "event"):
        for row in result.records(kind):
            assert row["doc"] == doc.id
            assert text[row["start"] : row["end"]] == row["quote"], row
            total += 1
    assert total > 50


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.name)
def test_held_out_facts_quote_their_text(path):
    text = read_document(path)
    result = extract_text(text, path.name)
    for kind in ("entity", "date", "amount", "count", "event"):
        for row in result.records(kind):
            assert text[row["start"] : row["end"]] == row["quote"], row


def test_there_are_held_out_documents():
    assert len(HELD_OUT) >= 4
