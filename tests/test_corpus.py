import os
from pathlib import Path

import pytest

from pakus import corpus as corpus_module
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


def test_rule_a_refused_row_is_counted_once_per_problem_and_names_its_file(corpus_copy):
    # an impossible date with no basis: two problems, not one per column of the row
    _rewrite_row(corpus_copy, "001_151ebe38f56b1ce4", "published", "2021-13")
    _rewrite_row(corpus_copy, "001_151ebe38f56b1ce4", "published_basis", "")
    corpus = load_corpus(corpus_copy)
    row = [p for p in corpus.skipped if p.row == 2]
    assert [p.message.split(":")[0] for p in row] == [  # in the columns' order
        "row 2, column 'published'",
        "row 2, column 'published_basis'",
    ]
    assert {p.file for p in row} == {"001_151ebe38f56b1ce4.txt"}
    assert len(corpus.documents) == 4


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
    (corpus_copy / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00garbage")
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


# Nothing outside the corpus (issue 17, item 2)


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("General Qamar Javed Bajwa met Osama bin Laden in 2011.\n", encoding="utf-8")
    return secret


def _loaded_text(corpus) -> str:
    return "\n".join(d.text for d in corpus.documents)


def test_an_unlisted_symbolic_link_leaving_the_corpus_folder_is_refused(corpus_copy, tmp_path):
    secret = _outside(tmp_path)
    (corpus_copy / "link.txt").symlink_to(secret)
    corpus = load_corpus(corpus_copy)
    assert "Osama" not in _loaded_text(corpus)
    (problem,) = [p for p in corpus.problems if p.path.endswith("link.txt")]
    assert problem.skipped and "outside the corpus folder" in problem.message
    assert "\n" not in str(problem)
    assert len(corpus.documents) == 5


def test_a_listed_symbolic_link_leaving_the_corpus_folder_is_refused(corpus_copy, tmp_path):
    secret = _outside(tmp_path)
    listed = corpus_copy / "003_050d6b8304c1845d.txt"
    listed.unlink()
    listed.symlink_to(secret)
    corpus = load_corpus(corpus_copy)
    assert "Osama" not in _loaded_text(corpus)
    assert [Path(p.path).name for p in corpus.skipped] == [listed.name]
    assert "outside the corpus folder" in corpus.skipped[0].message
    assert len(corpus.documents) == 4


def test_a_symbolic_link_within_the_corpus_folder_is_read(corpus_copy):
    (corpus_copy / "copy.txt").symlink_to(corpus_copy / "000_77a1b7f1c87fe9cc.txt")
    corpus = load_corpus(corpus_copy)
    assert "copy" in {d.id for d in corpus.documents}
    assert corpus.skipped == []


def test_a_loop_of_symbolic_links_is_reported(corpus_copy):
    (corpus_copy / "loop.txt").symlink_to(corpus_copy / "loop.txt")
    corpus = load_corpus(corpus_copy)
    assert [Path(p.path).name for p in corpus.skipped] == ["loop.txt"]
    assert len(corpus.documents) == 5


# Every file accounted for (item 3)


def test_every_entry_of_the_corpus_folder_is_read_or_reported(corpus_copy):
    (corpus_copy / "B.TXT").write_text("Pakistan and the United States met.", encoding="utf-8")
    (corpus_copy / ".hidden.txt").write_text("The US gave Pakistan aid.", encoding="utf-8")
    (corpus_copy / "README.md").write_text("notes", encoding="utf-8")
    (corpus_copy / "originals").mkdir()
    corpus = load_corpus(corpus_copy)
    read = {d.file for d in corpus.documents}
    reported = {Path(p.path).name: p for p in corpus.problems}
    for entry in os.listdir(corpus_copy):
        assert entry == "corpus.csv" or entry in read or entry in reported, entry
    assert "B.TXT" in read and "B" in {d.id for d in corpus.documents}
    assert reported["B.TXT"].skipped is False
    hidden = reported[".hidden.txt"]
    assert hidden.skipped and "'.hidden'" in hidden.message and "id rule" in hidden.message
    assert reported["README.md"].message == "not a .txt document: not read"
    assert reported["originals"].message == "a folder: not read"
    assert not reported["README.md"].skipped and not reported["originals"].skipped


def test_an_upper_case_extension_is_a_text_file_name_in_corpus_csv(corpus_copy):
    (corpus_copy / "003_050d6b8304c1845d.txt").rename(corpus_copy / "003_050d6b8304c1845d.TXT")
    _rewrite_row(corpus_copy, "003_050d6b8304c1845d", "file", "003_050d6b8304c1845d.TXT")
    corpus = load_corpus(corpus_copy)
    assert corpus.problems == []
    assert len(corpus.documents) == 5


# Metadata that cannot crash (item 4)


def _append_to_line(corpus: Path, line: int, suffix: str) -> None:
    path = corpus / "corpus.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line] = lines[line].rstrip("\r\n") + suffix + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_a_row_with_a_field_too_many_is_a_row_error_naming_file_row_and_column(corpus_copy):
    _append_to_line(corpus_copy, 2, ",")  # a trailing comma on the second data row
    corpus = load_corpus(corpus_copy)
    (problem,) = corpus.problems
    assert problem.path.endswith("corpus.csv") and problem.skipped
    assert problem.message.startswith("row 2, column 9 (after the last column, 'note')")
    assert "trailing comma" in problem.message
    assert "001_151ebe38f56b1ce4" not in {d.id for d in corpus.documents}
    assert len(corpus.documents) == 4  # the row's file is not read again as unlisted


def test_a_row_with_a_field_too_few_is_a_row_error_naming_the_missing_column(corpus_copy):
    with open(corpus_copy / "corpus.csv", "a", encoding="utf-8") as handle:
        handle.write("short,short.txt,A title,An outlet\n")
    (corpus_copy / "short.txt").write_text("Pakistan.", encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    (problem,) = corpus.problems
    assert problem.message == "row 6, column 'author': missing (4 field(s) where the header has 8)"
    assert len(corpus.documents) == 5


def test_a_listed_id_equal_to_an_unlisted_files_name_is_reported_not_doubled(corpus_copy):
    _rewrite_row(corpus_copy, "002_c9f9e16b6cf80bfd", "id", "newsitem")
    (corpus_copy / "newsitem.txt").write_text("Pakistan and the US met in 2019.", encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    ids = [d.id for d in corpus.documents]
    assert len(ids) == len(set(ids)) == 5
    (problem,) = corpus.problems
    assert problem.path.endswith("newsitem.txt") and problem.skipped
    assert "corpus.csv row 3, column 'id'" in problem.message
    assert next(d for d in corpus.documents if d.id == "newsitem").file.startswith("002_")


def test_two_unlisted_files_giving_one_id_are_not_two_documents(corpus_copy):
    (corpus_copy / "story.txt").write_text("Pakistan.", encoding="utf-8")
    (corpus_copy / "story.TXT").write_text("The United States.", encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert [d.file for d in corpus.documents if d.id == "story"] == ["story.TXT"]
    clash = next(p for p in corpus.skipped if p.path.endswith("story.txt"))
    assert "the unlisted file story.TXT" in clash.message


def test_a_spreadsheets_byte_order_mark_in_corpus_csv_is_not_part_of_the_first_column(corpus_copy):
    path = corpus_copy / "corpus.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    corpus = load_corpus(corpus_copy)
    assert corpus.problems == [] and len(corpus.documents) == 5


def test_an_unclosed_quote_is_its_rows_problem_and_the_other_rows_build(corpus_copy):
    path = corpus_copy / "corpus.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    doc_id, file, _ = lines[2].split(",", 2)  # the second data row: its title opens a quote
    lines[2] = f'{doc_id},{file},"An unclosed title,outlet,author,2021-01,,\n'
    path.write_text("".join(lines), encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    (problem,) = [p.message for p in corpus.problems if p.path.endswith("corpus.csv")]
    assert problem.startswith("row 2, column 'title': not readable as CSV (line 3: ")
    assert problem.endswith("an unclosed quote?); the other rows are read")
    assert len(corpus.documents) == 4 and doc_id not in {d.id for d in corpus.documents}
    assert not any(file in p.path and "unlisted" in p.message for p in corpus.problems)


def test_an_unparseable_header_is_one_error_line(corpus_copy):
    _append_to_line(corpus_copy, 0, ',"unclosed')
    with pytest.raises(CorpusError) as err:
        load_corpus(corpus_copy)
    assert "not a readable CSV table (line 1" in str(err.value)
    assert len(str(err.value).splitlines()) == 1


# A file that cannot be opened (item 5)


def _refuse_to_open(monkeypatch, name: str) -> None:
    """Make ``open`` in pakus.corpus fail for ``name`` as a file without read permission does
    (the tests may run as root, who can read any file)."""
    real = open

    def fake_open(path, *args, **kwargs):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "open", fake_open, raising=False)


def test_a_file_that_cannot_be_opened_is_reported_and_the_rest_load(corpus_copy, monkeypatch):
    _refuse_to_open(monkeypatch, "002_c9f9e16b6cf80bfd.txt")
    (corpus_copy / "unlisted.txt").write_text("Pakistan.", encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    (problem,) = corpus.skipped
    assert problem.path.endswith("002_c9f9e16b6cf80bfd.txt")
    assert problem.message == "cannot be opened (Permission denied)"
    assert len(corpus.documents) == 5  # four listed and the unlisted one


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_reported(corpus_copy):
    path = corpus_copy / "002_c9f9e16b6cf80bfd.txt"
    path.chmod(0)
    corpus = load_corpus(corpus_copy)
    assert [p.message for p in corpus.skipped] == ["cannot be opened (Permission denied)"]


# UTF-16 and UTF-32 (item 9)


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16-le", "UTF-16 (little-endian) text (byte-order mark FF FE)"),
        ("utf-16-be", "UTF-16 (big-endian) text (byte-order mark FE FF)"),
        ("utf-32-le", "UTF-32 (little-endian) text (byte-order mark FF FE 00 00)"),
        ("utf-32-be", "UTF-32 (big-endian) text (byte-order mark 00 00 FE FF)"),
    ],
)
def test_a_utf16_or_utf32_byte_order_mark_is_named(tmp_path, encoding, said):
    path = tmp_path / "wide.txt"
    path.write_bytes("\ufeffPakistan and the United States.\n".encode(encoding))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert said in str(err.value) and "convert it" in str(err.value)
    assert "binary" not in str(err.value)


def test_a_utf8_byte_order_mark_is_kept_as_open_keeps_it(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfPakistan")
    with open(path, encoding="utf-8", newline="") as handle:
        assert read_document(path) == handle.read() == "\ufeffPakistan"


def test_a_corpus_loaded_without_texts_has_the_same_documents_and_problems(tmp_path):
    # rule (load_corpus): texts=False reads and checks every file as usual, keeps no text
    (tmp_path / "a.txt").write_text("Pakistan and the US met.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    whole, light = load_corpus(tmp_path), load_corpus(tmp_path, texts=False)
    assert [d.id for d in light.documents] == [d.id for d in whole.documents] == ["a"]
    assert [d.text for d in light.documents] == [""]
    assert light.problems == whole.problems


def test_reading_a_corpus_does_not_import_hypothesis_and_leaves_it_importable():
    # pakus._pandera: pandera's data synthesis (hypothesis) is not loaded for validation
    import subprocess
    import sys

    probe = (
        "import sys\nfrom pakus.corpus import load_corpus\nload_corpus(sys.argv[1])\n"
        "print('hypothesis' in sys.modules)\nimport hypothesis\nprint(bool(hypothesis.given))"
    )
    folder = Path(__file__).resolve().parents[1] / "data" / "raw"
    run = subprocess.run([sys.executable, "-c", probe, str(folder)], capture_output=True,
                         text=True, env={**os.environ})  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "True"]


def test_a_reprint_of_no_document_read_is_a_note_naming_the_id(tmp_path):
    (tmp_path / "a.txt").write_text("The United States suspended aid to Pakistan.\n")
    (tmp_path / "corpus.csv").write_text(
        "id,file,title,outlet,author,published,published_basis,reprint_of\n"
        "a,a.txt,A,Dawn,,2018-01-05,dateline,zzz\n"
    )
    corpus = load_corpus(tmp_path)
    assert [d.id for d in corpus.documents] == ["a"]
    (note,) = corpus.problems
    assert not note.skipped and "reprint_of 'zzz' names no document read" in note.message
