"""Writing documents into a corpus folder atomically: every text file and ``corpus.csv`` are
written to temporary files in the folder and renamed into place only once all of them are
written and the new table has passed :func:`pakus.corpus.read_metadata`'s validation, so an
error or an interruption leaves the corpus as it was."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pakus.corpus import CORPUS_COLUMNS, OPTIONAL_COLUMNS, read_metadata
from pakus.errors import CorpusError


@dataclass(frozen=True)
class Entry:
    """A document to store: its ``corpus.csv`` row (column → value) and its text."""

    row: dict[str, str]
    text: str


def read_rows(csv_path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of an existing ``corpus.csv`` (empty when there is none)."""
    if not csv_path.exists():
        return [], []
    with csv_path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = [{k: v or "" for k, v in row.items() if k is not None} for row in reader]
        return list(reader.fieldnames or []), rows


def _temp(folder: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=".pakus-add-", suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return Path(name)


def write_corpus(folder: Path, entries: list[Entry], updates: dict[str, dict[str, str]]) -> None:
    """Append ``entries`` to the corpus in ``folder`` and apply ``updates`` ({id: {column:
    value}}) to existing rows. Raises CorpusError (nothing written) when a new row fails
    validation."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "corpus.csv"
    header, rows = read_rows(csv_path)
    columns = header or list(CORPUS_COLUMNS)
    columns += [c for c in (*CORPUS_COLUMNS, *OPTIONAL_COLUMNS) if c not in columns]
    for row in rows:
        row.update(updates.get(row.get("id", ""), {}))
    rows += [e.row for e in entries]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    temps: list[Path] = []
    try:
        table = _temp(folder, out.getvalue().encode("utf-8"))
        temps.append(table)
        meta = read_metadata(table)
        new_ids = {e.row["id"] for e in entries}
        first_new = len(rows) - len(entries) + 1
        bad = [
            p.message
            for p in meta.problems
            if p.message.startswith("row ") and int(p.message.split()[1].rstrip(",")) >= first_new
        ]
        if bad or not new_ids <= set(meta.rows["id"]):
            raise CorpusError(csv_path, bad or ["a new row failed validation"])
        texts = [(_temp(folder, e.text.encode("utf-8")), folder / e.row["file"]) for e in entries]
        temps += [t for t, _ in texts]
        placed: list[Path] = []
        try:
            for temp, target in texts:
                if target.exists():
                    raise CorpusError(target, ["a file of that name is already in the corpus"])
                os.replace(temp, target)
                placed.append(target)
            os.replace(table, csv_path)
        except BaseException:
            for target in placed:  # new files only: their names were free
                target.unlink(missing_ok=True)
            raise
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
