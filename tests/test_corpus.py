from pathlib import Path

import pytest

from pakus.corpus import load_corpus, read_document
from pakus.errors import CorpusError, DocumentError


def test_corpus_loads_all_five_documents_with_metadata(root):
    corpus = load_corpus(root / "data" / "raw")
    assert corpus.problems == []
    assert len(corpus.documents) == 5
    by_id = {d.id: d for d in corpus.documents}
    assert by_id["002_c9f9e16b6cf80bfd"].published.iso() == "2020-01-06"
    assert by_id["004_26da00272a9a3e9f"].published.precision == "year"
    assert all(d.published_basis for d in corpus.documents)


def test_text_is_read_without_newline_translation(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Pakistan\r\nUnited States\r\n")
    text = read_document(path)
    assert text == "Pakistan\r\nUnited States\r\n"
    with open(path, encoding="utf-8", newline="") as handle:
        assert text == handle.read()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        ("Pakistan’s army".encode("cp1252"), "not UTF-8: invalid byte 0x92 at byte offset 8"),
    ],
)
def test_bad_files_are_named_with_their_problem(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_oversized_and_missing_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Pakistan " * 20)
    with pytest.raises(DocumentError, match="file too large"):
        read_document(big, max_bytes=100)
    with pytest.raises(DocumentError, match="file not found"):
        read_document(tmp_path / "missing.txt")


def _rewrite_row(corpus: Path, doc_id: str, column: str, value: str) -> None:
    import pandas as pd

    table = pd.read_csv(corpus / "corpus.csv", dtype=str, keep_default_na=False)
    table.loc[table["id"] == doc_id, column] = value
    table.to_csv(corpus / "corpus.csv", index=False)


def test_bad_metadata_cell_names_file_row_and_column_and_others_still_load(corpus_copy):
    _rewrite_row(corpus_copy, "001_151ebe38f56b1ce4", "published", "2021-13")
    corpus = load_corpus(corpus_copy)
    messages = [str(p) for p in corpus.problems]
    assert any("corpus.csv: row 2, column 'published': '2021-13'" in m for m in messages), messages
    assert len(corpus.documents) == 4
    assert "001_151ebe38f56b1ce4" not in {d.id for d in corpus.documents}


def test_duplicate_ids_are_reported(corpus_copy):
    _rewrite_row(corpus_copy, "001_151ebe38f56b1ce4", "id", "000_77a1b7f1c87fe9cc")
    corpus = load_corpus(corpus_copy)
    assert any("column 'id'" in str(p) and "duplicate" in str(p) for p in corpus.problems)


def test_row_pointing_nowhere_is_reported_and_the_rest_load(corpus_copy):
    (corpus_copy / "003_050d6b8304c1845d.txt").unlink()
    corpus = load_corpus(corpus_copy)
    assert [p.message for p in corpus.skipped] == ["file not found"]
    assert corpus.skipped[0].path.endswith("003_050d6b8304c1845d.txt")
    assert len(corpus.documents) == 4


def test_unlisted_and_unreadable_files_are_reported_not_dropped(corpus_copy):
    (corpus_copy / "new_story.txt").write_text("Pakistan and the United States met last year.")
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    corpus = load_corpus(corpus_copy)
    ids = {d.id for d in corpus.documents}
    assert "new_story" in ids
    new = next(d for d in corpus.documents if d.id == "new_story")
    assert new.published is None
    notes = {Path(p.path).name: p for p in corpus.problems}
    assert notes["new_story.txt"].skipped is False
    assert notes["broken.txt"].skipped is True
    assert "binary" in notes["broken.txt"].message


def test_missing_column_is_a_corpus_error(corpus_copy):
    import pandas as pd

    table = pd.read_csv(corpus_copy / "corpus.csv", dtype=str, keep_default_na=False)
    table.drop(columns=["published_basis"]).to_csv(corpus_copy / "corpus.csv", index=False)
    with pytest.raises(CorpusError, match="missing column"):
        load_corpus(corpus_copy)
