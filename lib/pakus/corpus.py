"""Read documents and their metadata (``corpus.csv``), validating both."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from pakus.dates import PartialDate, is_iso_or_empty
from pakus.errors import CorpusError, DocumentError

MAX_BYTES = 5_000_000
"""Largest document read (bytes); a longer file is reported, not read."""

CORPUS_COLUMNS = ("id", "file", "title", "outlet", "author", "published", "published_basis")
OPTIONAL_COLUMNS = ("url", "language", "reprint_of")
"""Columns read when present: the page's address, its language (ISO 639-1) and, for a reprint
or near-duplicate of another document of the corpus (``pakus add`` finds them), that
document's id."""


@dataclass(frozen=True)
class Document:
    """One document: its text (offsets are ``str`` indices) and its metadata."""

    id: str
    text: str
    file: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: PartialDate | None = None
    published_basis: str = ""
    url: str = ""
    language: str = ""
    reprint_of: str = ""


@dataclass(frozen=True)
class Problem:
    """Something that kept a document (or a metadata row) out of the corpus, or a caution."""

    path: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Corpus:
    """The documents that could be read, and what could not, with why."""

    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


def read_document(path: Path | str, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of a plain-text UTF-8 file, as ``open(path, encoding="utf-8", newline="")``.

    Raises DocumentError naming the file for a missing, empty, oversized, binary or
    non-UTF-8 file.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "file not found")
    if not path.is_file():
        raise DocumentError(path, "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(path, "empty file (0 bytes)")
    if size > max_bytes:
        raise DocumentError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise DocumentError(path, "binary file (contains NUL bytes), not plain text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DocumentError(
            path, f"not UTF-8: invalid byte 0x{raw[err.start]:02x} at byte offset {err.start}"
        ) from None
    if not text.strip():
        raise DocumentError(path, "no text (the file holds only whitespace)")
    return text


CORPUS_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(
            str,
            [
                pa.Check.str_matches(
                    r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", error="id: letters, digits, _ . - only"
                )
            ],
            unique=True,
        ),
        "file": pa.Column(
            str,
            [
                pa.Check.str_matches(
                    r"^[^/\\]+\.txt$", error="a .txt file name inside the corpus folder"
                ),
            ],
            unique=True,
        ),
        "title": pa.Column(str, pa.Check.str_length(min_value=1, error="must not be empty")),
        "outlet": pa.Column(str, pa.Check.str_length(min_value=1, error="must not be empty")),
        "author": pa.Column(str),
        "published": pa.Column(
            str,
            pa.Check(
                is_iso_or_empty,
                element_wise=True,
                error="an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that exists, or empty",
            ),
        ),
        "published_basis": pa.Column(str),
        "reprint_of": pa.Column(
            str,
            pa.Check.str_matches(
                r"^(?:[A-Za-z0-9][A-Za-z0-9_.\-]*)?$", error="the id of another document, or empty"
            ),
            required=False,
        ),
    },
    checks=[
        pa.Check(
            lambda df: (df["published"] == "") | (df["published_basis"].str.strip() != ""),
            error="published_basis: say what fixes the published date",
        )
    ],
    strict=False,
)


@dataclass(frozen=True)
class Metadata:
    """A validated ``corpus.csv``: its valid rows, a problem per bad cell, and every file it
    names (bad rows included, so their files are not read again as unlisted)."""

    rows: pd.DataFrame
    problems: list[Problem]
    files: frozenset[str]


def read_metadata(csv_path: Path) -> Metadata:
    """Read and validate ``corpus.csv``.

    Rows with a bad cell are left out of ``rows``, and each is reported with its row number
    (1 = the first data row), its column and what is wrong.
    """
    try:
        table = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise CorpusError(csv_path, ["not UTF-8"]) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(csv_path, [f"not a readable CSV table ({err})"]) from None
    missing = [c for c in CORPUS_COLUMNS if c not in table.columns]
    if missing:
        raise CorpusError(csv_path, [f"missing column(s): {', '.join(missing)}"])
    optional = [c for c in OPTIONAL_COLUMNS if c in table.columns]
    table = table[[*CORPUS_COLUMNS, *optional]].map(str.strip)
    files = frozenset(table["file"])
    problems: list[Problem] = []
    try:
        CORPUS_SCHEMA.validate(table, lazy=True)
    except SchemaErrors as err:
        bad_rows: set[int] = set()
        cases = err.failure_cases.sort_values(["index", "column"], na_position="first")
        for case in cases.itertuples():
            if pd.isna(case.index):
                continue
            row = int(case.index)
            column = case.column if isinstance(case.column, str) else "published_basis"
            check = str(case.check)
            if "field_uniqueness" in check or check == "unique":
                what = "duplicate value"
            elif check.startswith("<lambda>") or "published_basis" in check:
                what = "say what fixes the published date"
            else:
                what = check
            value = table.at[row, column] if column in table.columns else ""
            problems.append(
                Problem(str(csv_path), f"row {row + 1}, column '{column}': {value!r}: {what}")
            )
            bad_rows.add(row)
        table = table.drop(index=sorted(bad_rows))
    return Metadata(table, problems, files)


def _document(row, text: str) -> Document:
    """A Document from a valid metadata row (any object with the corpus.csv columns)."""
    return Document(
        id=row.id,
        text=text,
        file=row.file,
        title=row.title,
        outlet=row.outlet,
        author=row.author,
        published=PartialDate.parse(row.published) if row.published else None,
        published_basis=row.published_basis,
        **{c: getattr(row, c, "") for c in OPTIONAL_COLUMNS},
    )


def load_corpus(folder: Path | str, max_bytes: int = MAX_BYTES) -> Corpus:
    """Load every readable document of a corpus folder, with its metadata from ``corpus.csv``.

    A ``.txt`` file not listed in ``corpus.csv`` is still read (without a published date,
    so its relative dates stay unresolved) and reported. A listed file that is missing or
    unreadable, and a metadata row with a bad cell, are reported and skipped; the other
    documents are still loaded. Documents are returned sorted by id.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(folder, ["not a folder"])
    corpus = Corpus()
    csv_path = folder / "corpus.csv"
    listed: frozenset[str] = frozenset()
    if csv_path.exists():
        meta = read_metadata(csv_path)
        corpus.problems.extend(meta.problems)
        listed = meta.files  # rows that failed validation still claim their file
        for row in meta.rows.itertuples(index=False):
            try:
                text = read_document(folder / row.file, max_bytes)
            except DocumentError as err:
                corpus.problems.append(Problem(err.path, err.problem))
                continue
            corpus.documents.append(_document(row, text))
    else:
        corpus.problems.append(
            Problem(str(csv_path), "no corpus.csv: documents read without metadata", False)
        )
    for path in sorted(folder.glob("*.txt")):
        if path.name in listed:
            continue
        try:
            text = read_document(path, max_bytes)
        except DocumentError as err:
            corpus.problems.append(Problem(err.path, err.problem))
            continue
        corpus.problems.append(
            Problem(
                str(path),
                "not listed in corpus.csv: read without a published date",
                skipped=False,
            )
        )
        corpus.documents.append(Document(id=path.stem, text=text, file=path.name))
    corpus.documents.sort(key=lambda d: d.id)
    return corpus


def metadata_for(path: Path | str) -> Document | None:
    """The metadata row for a file from ``corpus.csv`` in its own folder, if it is listed there.

    Returns a Document with empty text, or None when the folder has no valid row for the file.
    The folder's ``corpus.csv`` is read once per version of the file.
    """
    path = Path(path)
    csv_path = path.parent / "corpus.csv"
    if not csv_path.exists():
        return None
    rows = _valid_rows(csv_path.resolve(), csv_path.stat().st_mtime_ns)
    return rows.get(path.name)


@functools.lru_cache(maxsize=64)
def _valid_rows(csv_path: Path, mtime_ns: int) -> dict[str, Document]:
    try:
        meta = read_metadata(csv_path)
    except CorpusError:
        return {}
    return {row.file: _document(row, "") for row in meta.rows.itertuples(index=False)}
