"""Read documents and their metadata (``corpus.csv``), validating both."""

from __future__ import annotations

import csv
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pakus.dates import PartialDate, is_iso_or_empty
from pakus.errors import CorpusError, DocumentError

MAX_BYTES = 5_000_000
"""Largest document read (bytes); a longer file is reported, not read."""

CORPUS_FILE = "corpus.csv"
CORRECTIONS_FILE = "corrections.csv"
"""Researchers' corrections beside corpus.csv, read by ``pakus.corrections``, not a document."""
"""The metadata table in a corpus folder."""

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
    """Something that kept a document (or a metadata row) out of the corpus, or a caution.

    For a row of ``corpus.csv`` that is refused, ``row`` is its number (1 = the first data
    row, as the message says) and ``file`` the document file it names (``""`` if none), so
    that a summary can count refused rows, not problems, and name their files."""

    path: str
    message: str
    skipped: bool = True
    row: int | None = None
    file: str = ""

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


_BYTE_ORDER_MARKS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)
"""Byte-order marks of the UTF-16 and UTF-32 encodings (The Unicode Standard, §23.8)."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file that exists, is a regular file, is not empty and holds at most
    ``max_bytes`` bytes. Raises DocumentError (one line, naming the file) otherwise, or when it
    cannot be opened (no read permission)."""
    try:
        if not path.exists():
            problem = "broken symbolic link" if path.is_symlink() else "file not found"
            raise DocumentError(path, problem)
        if not path.is_file():
            raise DocumentError(path, "not a regular file")
        size = path.stat().st_size
        if size == 0:
            raise DocumentError(path, "empty file (0 bytes)")
        if size > max_bytes:
            raise DocumentError(
                path, f"file too large ({size:,} bytes; the limit is {max_bytes:,})"
            )
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as err:
        raise DocumentError(path, f"cannot be opened ({err.strerror or err})") from None


def read_document(path: Path | str, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of a plain-text UTF-8 file, as ``open(path, encoding="utf-8", newline="")``.

    Offsets into a document are always indices into this text. A UTF-8 byte-order mark is
    kept as U+FEFF (as ``open`` keeps it). A UTF-16 or UTF-32 file is not decoded (offsets
    would then differ from those of the UTF-8 reading the extraction contract promises): it
    is reported with its encoding, to be converted to UTF-8.

    Raises DocumentError naming the file for a missing, unopenable (no read permission),
    empty, oversized, UTF-16/32, binary or non-UTF-8 file. The message is one line.
    """
    path = Path(path)
    raw = read_bytes(path, max_bytes)
    for mark, encoding in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            raise DocumentError(
                path,
                f"{encoding} text (byte-order mark {mark.hex(' ').upper()}); pakus reads UTF-8: "
                f"convert it (e.g. iconv -f {encoding.split()[0]} -t UTF-8)",
            )
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


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
"""A document id: letters, digits, ``_ . -``, starting with a letter or digit."""


@functools.cache
def corpus_schema():
    """The pandera schema of ``corpus.csv``'s columns (``validate_rows``). Built on first use,
    so that importing this module does not import pandera (0.5 s): a build whose
    ``corpus.csv`` was validated before reads the result from its cache instead."""
    from pakus._pandera import pa

    return pa.DataFrameSchema(
        {
            "id": pa.Column(
                str,
                [
                    pa.Check.str_matches(
                        ID_PATTERN,
                        error="id: letters, digits, _ . - only, starting with a letter or digit",
                    )
                ],
                unique=True,
            ),
            "file": pa.Column(
                str,
                [
                    pa.Check.str_matches(
                        r"^[^/\\]+\.(?i:txt)$", error="a .txt file name inside the corpus folder"
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
                    r"^(?:[A-Za-z0-9][A-Za-z0-9_.\-]*)?$",
                    error="the id of another document, or empty",
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


def __getattr__(name: str):
    if name == "CORPUS_SCHEMA":  # the schema as a module constant, as it was: built when asked
        return corpus_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Metadata:
    """A validated ``corpus.csv``: its valid rows, a problem per bad cell or row, and every
    file it names (bad rows included, so their files are not read again as unlisted).

    ``rows`` keeps the table's row numbers as its index (0 = the first data row), and
    ``ids`` maps each id a row gives (bad rows included) to its row number.
    """

    rows: pd.DataFrame
    problems: list[Problem]
    files: frozenset[str]
    ids: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _BadRecord:
    """A data row the CSV parser could not read (an unclosed quote): its row number
    (0 = the first data row), its physical line (1-based), the fields a lenient reading of
    that line gives (for its id and file) and the parser's complaint."""

    row: int
    line: int
    fields: list[str]
    error: str


def _csv_rows(
    csv_path: Path,
) -> tuple[list[str], list[tuple[int, list[str]]], list[_BadRecord]]:
    """The header, the data rows (with their row numbers, 0 = the first data row) of a CSV
    file, and the rows it could not parse; blank lines are not rows. A row the parser cannot
    read (an unclosed quote runs to the end of the file) is that row's problem alone: it is
    returned as a ``_BadRecord`` and parsing resumes on the line after the one it began on.
    Raises CorpusError for a file that cannot be read or decoded, or whose header cannot be
    parsed or is missing."""
    try:
        raw = csv_path.read_bytes()
    except OSError as err:
        raise CorpusError(csv_path, [f"cannot be opened ({err.strerror or err})"]) from None
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's UTF-8 byte-order mark is not data
    except UnicodeDecodeError as err:
        raise CorpusError(
            csv_path, [f"not UTF-8: invalid byte 0x{raw[err.start]:02x} at byte offset {err.start}"]
        ) from None
    lines = text.splitlines(keepends=True)
    rows: list[tuple[int, list[str]]] = []
    bad: list[_BadRecord] = []
    header: list[str] | None = None
    at = 0  # the physical line (0-based) the reader starts from
    while at < len(lines):
        consumed = at

        def feed(start: int = at):
            nonlocal consumed
            for i in range(start, len(lines)):
                consumed = i + 1
                yield lines[i]

        reader = csv.reader(feed(), strict=True)
        began = at  # the line the record being read began on
        try:
            for record in reader:
                if header is None:
                    header = record
                elif record:
                    rows.append((len(rows) + len(bad), record))
                began = consumed
            at = len(lines)
        except csv.Error as err:
            if header is None:
                raise CorpusError(
                    csv_path, [f"not a readable CSV table (line {began + 1}: {err})"]
                ) from None
            fields = next(csv.reader([lines[began]]), [])
            bad.append(_BadRecord(len(rows) + len(bad), began + 1, fields, str(err)))
            at = began + 1
    if not header:
        raise CorpusError(csv_path, ["not a readable CSV table (no header line)"])
    return [h.strip() for h in header], rows, bad


def read_metadata(csv_path: Path) -> Metadata:
    """Read and validate ``corpus.csv``.

    Rows with a bad cell, rows with more or fewer fields than the header, and rows the CSV
    parser cannot read (an unclosed quote) are left out of ``rows``; each is reported with
    its row number (1 = the first data row), its column and what is wrong. Raises
    CorpusError (one line per problem) for a file that cannot be read or decoded, whose
    header cannot be parsed, or that lacks a column of ``CORPUS_COLUMNS``.
    """
    header, records, unreadable = _csv_rows(csv_path)
    missing = [c for c in CORPUS_COLUMNS if c not in header]
    if missing:
        raise CorpusError(csv_path, [f"missing column(s): {', '.join(missing)}"])
    columns = [*CORPUS_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in header)]
    where = [header.index(c) for c in columns]
    problems: list[Problem] = []
    good: dict[int, list[str]] = {}
    files: set[str] = set()
    ids: dict[str, int] = {}
    for record in unreadable:  # its file is still claimed, so it is not read as unlisted
        cells = [record.fields[i].strip() if i < len(record.fields) else "" for i in where]
        if cells[0]:
            ids.setdefault(cells[0], record.row)
        if cells[1]:
            files.add(cells[1])
        column = header[min(max(len(record.fields) - 1, 0), len(header) - 1)]
        problems.append(Problem(str(csv_path), (
            f"row {record.row + 1}, column '{column}': not readable as CSV (line "
            f"{record.line}: {record.error}; an unclosed quote?); the other rows are read"
        ), row=record.row + 1, file=cells[1]))  # fmt: skip
    for row, record in records:
        cells = [record[i].strip() if i < len(record) else "" for i in where]
        ids.setdefault(cells[0], row)
        files.add(cells[1])
        if len(record) > len(header):
            extra = len(record) - len(header)
            problems.append(Problem(str(csv_path), (
                f"row {row + 1}, column {len(header) + 1} (after the last column, "
                f"'{header[-1]}'): {extra} field(s) more than the header has "
                f"({record[len(header)]!r}{', …' if extra > 1 else ''}; a trailing comma?)"
            ), row=row + 1, file=cells[1]))  # fmt: skip
        elif len(record) < len(header):
            problems.append(Problem(str(csv_path), (
                f"row {row + 1}, column '{header[len(record)]}': missing "
                f"({len(record)} field(s) where the header has {len(header)})"
            ), row=row + 1, file=cells[1]))  # fmt: skip
        else:
            good[row] = cells
    table = pd.DataFrame.from_dict(good, orient="index", columns=columns, dtype=str)
    table = table.reindex(columns=columns).astype(str)
    rows, cell_problems = validate_rows(table, str(csv_path))
    problems += cell_problems
    problems.sort(key=lambda p: _row_number(p.message))
    return Metadata(rows, problems, frozenset(files), ids)


def _row_number(message: str) -> int:
    found = re.match(r"row (\d+),", message)
    return int(found.group(1)) if found else 0


def validate_rows(table: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate metadata rows (the columns of ``CORPUS_COLUMNS``, as stripped strings, the
    index being row numbers, 0 = the first data row) against ``corpus_schema()``.

    Returns the valid rows and one Problem per bad cell, naming ``source``, the row
    (1-based), the column and what is wrong, with the row's ``file``; a row with a bad cell
    is left out. The check across columns (a published date needs ``published_basis``),
    which pandera reports on every column of the row, is one problem, in ``published_basis``.
    """
    from pakus._pandera import SchemaErrors

    problems: list[Problem] = []
    try:
        corpus_schema().validate(table, lazy=True)
    except SchemaErrors as err:
        bad_rows: set[int] = set()
        seen: set[tuple[int, str, str]] = set()
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
                what, column = "say what fixes the published date", "published_basis"
            else:
                what = check
            if (row, column, what) in seen:
                continue
            seen.add((row, column, what))
            value = table.at[row, column] if column in table.columns else ""
            file = table.at[row, "file"] if "file" in table.columns else ""
            problems.append(Problem(source, f"row {row + 1}, column '{column}': {value!r}: {what}",
                                    row=row + 1, file=str(file)))  # fmt: skip
            bad_rows.add(row)
        order = {c: i for i, c in enumerate(table.columns)}  # a row's problems in column order
        problems.sort(key=lambda p: (p.row, order.get(p.message.split("'")[1], len(order))))
        table = table.drop(index=sorted(bad_rows))
    return table, problems


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


def corpus_path(folder: Path, name: str) -> Path:
    """The path of the file ``name`` in the corpus folder ``folder``.

    Raises DocumentError when the path, once symbolic links are resolved, leaves the folder
    (a link to a file elsewhere): a corpus holds only its own files.
    """
    path = folder / name
    plain = "/" not in name and os.sep not in name and name not in (".", "..")
    if plain and not path.is_symlink():  # an entry of the folder itself, not a link: stays there
        return path
    try:
        real, root = path.resolve(), folder.resolve()
    except (OSError, RuntimeError) as err:  # RuntimeError: a loop of symbolic links
        raise DocumentError(path, f"cannot be resolved ({err})") from None
    if not real.is_relative_to(root):
        raise DocumentError(
            path, f"a symbolic link to {real}, outside the corpus folder {root}: not read"
        )
    return path


def _listing(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as err:
        raise CorpusError(folder, [f"cannot list the folder ({err.strerror or err})"]) from None


def _is_text_name(name: str) -> bool:
    return name.lower().endswith(".txt")


def load_corpus(
    folder: Path | str, max_bytes: int = MAX_BYTES, texts: bool = True,
    metadata: Callable[[Path], Metadata] | None = None,
) -> Corpus:  # fmt: skip
    """Load every readable document of a corpus folder, with its metadata from ``corpus.csv``.

    With ``texts=False`` every document is read and checked all the same, but kept without
    its text (``""``), so that memory does not hold the whole corpus: ``pakus build`` reads
    each batch's texts again as it extracts them (``read_document``). ``metadata`` reads and
    validates ``corpus.csv`` in place of ``read_metadata`` (``pakus build`` gives one that
    remembers the result by the file's bytes, ``pakus.cache.ExtractionCache.metadata``).

    Every entry of the folder is read or reported (``problems``), with why:

    - a file listed in ``corpus.csv`` is read with its row's metadata; a metadata row with a
      bad cell or a wrong number of fields is reported and its file skipped;
    - a ``.txt`` file (any case: ``B.TXT``) not listed is read as the document whose id is
      its name without the extension, without a published date (so its relative dates stay
      unresolved), and reported as a note; it is skipped and reported when that id breaks
      the id rule (``.hidden.txt``) or is already taken (by a row of ``corpus.csv`` or by
      another unlisted file);
    - any other file or folder is reported as not read (a note, not skipped);
    - a ``reprint_of`` that names no document read is reported as a note (kept as given:
      reprints of one missing original count as one source);
    - a file that is missing, cannot be opened or decoded (``read_document``), or whose path
      leaves the folder through a symbolic link (``corpus_path``), is reported and skipped.

    The other documents are still loaded. Documents are returned sorted by id. Raises
    CorpusError when the folder cannot be listed, or ``corpus.csv`` cannot be parsed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(folder, ["not a folder"])
    corpus = Corpus()
    csv_path = folder / CORPUS_FILE
    entries = _listing(folder)
    listed: frozenset[str] = frozenset()
    taken: dict[str, str] = {}  # id -> who holds it, for unlisted files' ids
    if csv_path.exists():
        meta = (metadata or read_metadata)(csv_path)
        corpus.problems.extend(meta.problems)
        listed = meta.files  # rows that failed validation still claim their file
        for doc_id, row in meta.ids.items():
            refused = "" if row in meta.rows.index else " (a row refused above: fix it there)"
            taken[doc_id] = f"corpus.csv row {row + 1}, column 'id'{refused}"
        for row in meta.rows.itertuples(index=False):
            try:
                text = read_document(corpus_path(folder, row.file), max_bytes)
            except DocumentError as err:
                corpus.problems.append(Problem(err.path, err.problem))
                continue
            corpus.documents.append(_document(row, text if texts else ""))
    else:
        corpus.problems.append(
            Problem(str(csv_path), "no corpus.csv: documents read without metadata", False)
        )
    id_rule = re.compile(ID_PATTERN)
    for entry in entries:
        name, path = entry.name, folder / entry.name
        if name in (CORPUS_FILE, CORRECTIONS_FILE) or name in listed:
            continue
        if not _is_text_name(name):
            kind = "a folder" if entry.is_dir() else "not a .txt document"
            corpus.problems.append(Problem(str(path), f"{kind}: not read", skipped=False))
            continue
        doc_id = name[: -len(".txt")]
        if not id_rule.match(doc_id):
            corpus.problems.append(Problem(str(path), (
                f"not listed in corpus.csv, and its name gives the id {doc_id!r}, which the id "
                "rule forbids (letters, digits, _ . -, starting with a letter or digit): "
                "list it in corpus.csv with an id"
            )))  # fmt: skip
            continue
        if doc_id in taken:
            corpus.problems.append(Problem(str(path), (
                f"not listed in corpus.csv, and its name gives the id {doc_id!r}, which "
                f"{taken[doc_id]} already gives to another document: list it with another id"
            )))  # fmt: skip
            continue
        try:
            text = read_document(corpus_path(folder, name), max_bytes)
        except DocumentError as err:
            corpus.problems.append(Problem(err.path, err.problem))
            continue
        taken[doc_id] = f"the unlisted file {name}"
        corpus.problems.append(
            Problem(
                str(path),
                "not listed in corpus.csv: read without a published date",
                skipped=False,
            )
        )
        corpus.documents.append(Document(id=doc_id, text=text if texts else "", file=name))
    corpus.documents.sort(key=lambda d: d.id)
    loaded = {d.id for d in corpus.documents}
    for d in corpus.documents:
        if d.reprint_of and d.reprint_of not in loaded:
            corpus.problems.append(Problem(str(csv_path), (
                f"document {d.id!r}: reprint_of {d.reprint_of!r} names no document read from "
                "this corpus (a misspelt id?); kept: reprints of one missing original still "
                "count as one source"
            ), skipped=False))  # fmt: skip
    return corpus


def metadata_for(path: Path | str) -> Document | None:
    """The metadata row for a file from ``corpus.csv`` in its own folder, if it is listed there.

    Returns a Document with empty text, or None when the folder has no valid row for the file.
    The folder's ``corpus.csv`` is read once per version of the file; one that cannot be
    read or parsed gives None.
    """
    path = Path(path)
    csv_path = path.parent / CORPUS_FILE
    try:
        if not csv_path.is_file():
            return None
        rows = _valid_rows(csv_path.resolve(), csv_path.stat().st_mtime_ns)
    except OSError:
        return None
    return rows.get(path.name)


@functools.lru_cache(maxsize=64)
def _valid_rows(csv_path: Path, mtime_ns: int) -> dict[str, Document]:
    try:
        meta = read_metadata(csv_path)
    except CorpusError:
        return {}
    return {row.file: _document(row, "") for row in meta.rows.itertuples(index=False)}
