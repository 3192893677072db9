"""``pakus build``: extract every document of a corpus and write the fact tables."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from pakus.corpus import Corpus, Problem, load_corpus
from pakus.corrections import CORRECTIONS_FILE, Correction, load_corrections
from pakus.errors import ParameterError
from pakus.export import datapackage
from pakus.extract import extract_document
from pakus.extract.mentions import Extraction
from pakus.reconcile import reconcile
from pakus.reference import extraction_tables
from pakus.tables import data_dictionary, reconciled_tables, typed_frame

PROGRESS_MIN_DOCUMENTS = 50
"""Show a progress bar from this many documents on."""


@dataclass
class BuildResult:
    corpus: Corpus
    tables: dict[str, pd.DataFrame]
    written: list[Path]


def worker_count(jobs: int) -> int:
    """The number of processes for ``jobs``: itself when positive, every core for 0."""
    if jobs < 0:
        raise ParameterError(f"jobs: {jobs} is not a number of processes (0 means every core)")
    return jobs or os.cpu_count() or 1


def extract_corpus(corpus: Corpus, progress: bool = True, jobs: int = 1) -> list[Extraction]:
    """Extract every document of the corpus, in id order, in ``jobs`` processes (0: one per
    core). Extraction is a pure function of each document, so the result does not depend on
    the number of processes."""
    docs = corpus.documents
    workers = min(worker_count(jobs), len(docs))
    bar = partial(
        tqdm, total=len(docs), desc="extracting", unit="doc",
        disable=not progress or len(docs) < PROGRESS_MIN_DOCUMENTS,
    )  # fmt: skip
    if workers <= 1:
        return [extract_document(doc) for doc in bar(docs)]
    chunk = max(1, min(32, len(docs) // (workers * 8)))
    with ProcessPoolExecutor(workers) as pool:
        return list(bar(pool.map(extract_document, docs, chunksize=chunk)))


_KIND = {
    "entities": "entity",
    "dates": "date",
    "amounts": "amount",
    "counts": "count",
    "events": "event",
}
"""The mention tables and the kind of mention each holds."""


def fact_tables(corpus: Corpus, extractions: list[Extraction],
                corrections: list[Correction] | None = None) -> dict[str, pd.DataFrame]:  # fmt: skip
    """All tables for a corpus and its extractions, typed and sorted: the documents, the
    mention tables, the reconciled tables (``pakus.reconcile``) and the problems."""
    tables: dict[str, pd.DataFrame] = {}
    tables["documents"] = typed_frame(
        "documents",
        [
            {
                "doc": d.id, "file": d.file, "title": d.title, "outlet": d.outlet,
                "author": d.author, "published": d.published.iso() if d.published else "",
                "published_precision": d.published.precision if d.published else "",
                "published_basis": d.published_basis, "characters": len(d.text),
                "reprint_of": d.reprint_of,
            }
            for d in corpus.documents
        ],
    )  # fmt: skip
    for name, kind in _KIND.items():
        rows = []
        for x in extractions:
            for row in x.records(kind):
                row.pop("kind")
                for key in ("actors", "programs", "countries"):
                    if key in row:
                        row[key] = ";".join(row[key])
                rows.append(row)
        tables[name] = typed_frame(name, rows)
    reconciled = reconcile(
        tables["events"], tables["amounts"], tables["entities"], tables["documents"],
        corrections=corrections,
    )  # fmt: skip
    tables.update(reconciled_tables(reconciled).items())
    tables["problems"] = typed_frame(
        "problems",
        [{"path": p.path, "message": p.message, "skipped": p.skipped} for p in corpus.problems],
    )
    return tables


def corpus_tables(
    folder: Path | str, progress: bool = False, jobs: int = 1
) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """Load a corpus folder and return its fact tables (nothing written)."""
    corpus = load_corpus(folder)
    corrections = corpus_corrections(folder, corpus)
    return corpus, fact_tables(corpus, extract_corpus(corpus, progress, jobs), corrections)


def corpus_corrections(folder: Path | str, corpus: Corpus) -> list[Correction]:
    """The valid rows of the corpus folder's ``corrections.csv``; each bad cell becomes a
    problem of the corpus (one line naming file, row and column)."""
    types = set(extraction_tables().plover_types["type"])
    rows, problems = load_corrections(folder, types)
    corpus.problems += [Problem(str(Path(folder) / CORRECTIONS_FILE), p, False) for p in problems]
    return rows


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write each table as CSV and Parquet, and the data dictionary; byte-identical each run."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in [*tables.items(), ("data_dictionary", data_dictionary())]:
        csv_path = out / f"{name}.csv"
        frame.to_csv(csv_path, index=False, lineterminator="\n", encoding="utf-8")
        written.append(csv_path)
        if name != "data_dictionary":
            pq_path = out / f"{name}.parquet"
            frame.to_parquet(pq_path, index=False, engine="pyarrow", compression="zstd")
            written.append(pq_path)
    return written


def build(
    corpus_dir: Path | str, out: Path | str, progress: bool = True, jobs: int = 1
) -> BuildResult:
    """Read the corpus, extract (in ``jobs`` processes), reconcile, and write ``out/`` with
    its datapackage.json."""
    corpus, tables = corpus_tables(corpus_dir, progress, jobs)
    written = write_tables(tables, Path(out))
    datapackage(Path(out))
    return BuildResult(corpus, tables, [*written, Path(out) / "datapackage.json"])
