"""``pakus build``: extract every document of a corpus and write the fact tables.

The build streams: documents go through extraction in batches of ``BATCH_DOCUMENTS`` (from
the extraction cache where their entry is there, else by the runner: one process, a process
pool or Dask), and each batch's mentions are appended to the mention tables (CSV, and Parquet
one row group per batch) and dropped, so memory does not grow with the number of mentions.
The documents come in id order, so the appended tables are sorted as a whole. Facts are then
reconciled from the written tables (events, amounts, and the programme and state mentions).

Everything is written into a staging folder beside ``--out`` that replaces it only once
complete, under a lock (``pakus.outputs``): a killed build leaves the previous output whole,
and two builds never write one folder at once.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pakus.corpus import Corpus, Document, Problem, load_corpus
from pakus.extract.mentions import Extraction
from pakus.outputs import (
    carry_over,
    check_writable,
    output_lock,
    pause_for_tests,
    recover,
    staging_folder,
    swap_in,
)
from pakus.runner import DEFAULT_BUDGET_S, Failed, Runner, batches, worker_count

if TYPE_CHECKING:
    import pandas as pd

    from pakus.corrections import Correction

PROGRESS_MIN_DOCUMENTS = 50
"""Show a progress bar from this many documents on (and only on a terminal)."""

BATCH_DOCUMENTS = 256
"""Documents extracted and written per batch (one Parquet row group per batch)."""

MENTION_TABLES = {
    "entities": "entity",
    "dates": "date",
    "amounts": "amount",
    "counts": "count",
    "events": "event",
}
"""The tables of mentions, and the kind of mention each holds."""

BUILD_STAMP = ".build-stamp"
"""The file in ``--out`` holding ``build_stamp`` of the corpus it was built from."""

CACHE_FOLDER = ".cache"
"""The extraction cache's folder inside ``--out`` unless ``--cache`` names another."""

__all__ = [
    "BUILD_STAMP",
    "BuildResult",
    "build",
    "build_stamp",
    "corpus_tables",
    "extract_corpus",
    "fact_tables",
    "worker_count",
]  # fmt: skip


def default_out(corpus: Path) -> Path:
    """Where ``pakus build --corpus DIR`` writes without ``--out``: beside the corpus, never
    into another corpus's tables — ``DIR/../processed`` for a folder named ``raw`` (the
    project's data/raw → data/processed), else ``DIR/../<DIR name>-processed``."""
    corpus = Path(corpus).absolute()
    name = "processed" if corpus.name == "raw" else f"{corpus.name}-processed"
    return corpus.parent / name


@dataclass
class BuildResult:
    """What a build wrote: the corpus read, the number of rows of each table, the smaller
    tables in memory (documents, problems and the reconciled ones), and the files."""

    corpus: Corpus
    rows: dict[str, int]
    tables: dict[str, pd.DataFrame]
    written: list[Path]
    failed: list[Failed] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def skipped(self) -> list[Problem]:
        return self.corpus.skipped


def build_stamp(corpus_dir: Path | str) -> str:
    """SHA-256 of what a build's tables depend on: every file of the corpus folder (name and
    bytes), the package's source, the reference tables and the versions extraction uses
    (``pakus.cache.fingerprint``). No paths or times, so the same inputs give the same stamp."""
    import hashlib

    from pakus.cache import fingerprint

    h = hashlib.sha256(fingerprint().encode())
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        h.update(path.as_posix().rsplit("/pakus/", 1)[-1].encode() + b"\0" + path.read_bytes())
    for path in sorted(Path(corpus_dir).iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    show = enabled and total >= PROGRESS_MIN_DOCUMENTS and sys.stderr.isatty()
    return tqdm(total=total, desc="extracting", unit="doc", disable=not show)


def extract_corpus(
    corpus: Corpus, progress: bool = True, jobs: int | None = None, scheduler: str | None = None,
    budget: float = DEFAULT_BUDGET_S,
) -> list[Extraction]:  # fmt: skip
    """Extract every document of the corpus, in id order (in ``jobs`` processes, 0: one per
    core, or with a Dask ``scheduler``). A document that fails or runs over its time budget
    is moved from ``corpus.documents`` to ``corpus.problems``. Extraction is a pure function
    of each document, so the result does not depend on how it was run."""
    out: list[Extraction] = []
    with (
        Runner(jobs, scheduler, budget) as runner,
        _progress(len(corpus.documents), progress) as bar,
    ):
        results = []
        for batch in batches(corpus.documents, BATCH_DOCUMENTS):
            results += runner.map(batch)
            bar.update(len(batch))
    kept = []
    for doc, result in zip(corpus.documents, results, strict=True):
        if isinstance(result, Failed):
            corpus.problems.append(Problem(doc.file or doc.id, result.message))
        else:
            kept.append(doc)
            out.append(result)
    corpus.documents = kept
    return out


def fact_tables(corpus: Corpus, extractions: Sequence[Extraction],
                corrections: Sequence[Correction] | None = None) -> dict[str, pd.DataFrame]:  # fmt: skip
    """All tables for a corpus and its extractions, in memory, typed and sorted: the
    documents, the mention tables, the reconciled tables (``pakus.reconcile``, with the
    researchers' ``corrections`` applied) and the problems. ``pakus build`` writes the same
    tables batch by batch instead."""
    from pakus.reconcile import reconcile
    from pakus.tables import reconciled_tables, typed_frame

    tables = {"documents": typed_frame("documents", [document_row(d) for d in corpus.documents])}
    for name, kind in MENTION_TABLES.items():
        tables[name] = typed_frame(name, mention_rows(extractions, kind))
    reconciled = reconcile(
        tables["events"], tables["amounts"], tables["entities"], tables["documents"],
        corrections=list(corrections or []),
    )  # fmt: skip
    tables.update(reconciled_tables(reconciled).items())
    tables["problems"] = typed_frame(
        "problems",
        [{"path": p.path, "message": p.message, "skipped": p.skipped} for p in corpus.problems],
    )
    return tables


def corpus_tables(
    folder: Path | str, progress: bool = False, jobs: int | None = None,
    scheduler: str | None = None,
) -> tuple[Corpus, dict[str, pd.DataFrame]]:  # fmt: skip
    """Load a corpus folder and return its fact tables (in memory; nothing written)."""
    corpus = load_corpus(folder)
    corrections = corpus_corrections(folder, corpus)
    extractions = extract_corpus(corpus, progress, jobs, scheduler)
    return corpus, fact_tables(corpus, extractions, corrections)


def corpus_corrections(folder: Path | str, corpus: Corpus) -> list[Correction]:
    """The valid rows of the corpus folder's ``corrections.csv`` (``pakus.corrections``);
    each bad cell becomes a problem of the corpus (one line naming file, row and column)."""
    from pakus.corrections import CORRECTIONS_FILE, load_corrections
    from pakus.reference import extraction_tables

    types = set(extraction_tables().plover_types["type"])
    rows, problems = load_corrections(folder, types)
    corpus.problems += [Problem(str(Path(folder) / CORRECTIONS_FILE), p, False) for p in problems]
    return rows


def mention_rows(extractions: Sequence[Extraction], kind: str) -> list[dict]:
    """Table rows for one kind of mention (as ``Extraction.records`` gives them, less
    ``kind``): list cells joined with ``;``. A shallow copy of each mention's fields, which
    is many times faster than ``dataclasses.asdict``'s deep copy on large corpora."""
    attr = {"entity": "entities", "date": "dates", "amount": "amounts", "count": "counts",
            "event": "events"}[kind]  # fmt: skip
    rows = []
    for x in extractions:
        for item in getattr(x, attr):
            row = {"doc": x.doc, **vars(item)}
            for key in ("actors", "programs", "countries"):
                if key in row:
                    row[key] = ";".join(row[key])
            rows.append(row)
    return rows


def document_row(d: Document) -> dict:
    """A row of the documents table."""
    return {
        "doc": d.id, "file": d.file, "title": d.title, "outlet": d.outlet, "author": d.author,
        "published": d.published.iso() if d.published else "",
        "published_precision": d.published.precision if d.published else "",
        "published_basis": d.published_basis, "characters": len(d.text),
        "reprint_of": d.reprint_of,
    }  # fmt: skip


class TableWriter:
    """One table written as CSV and Parquet, a sorted frame at a time (appended)."""

    def __init__(self, folder: Path, name: str) -> None:
        import pyarrow as pa

        from pakus.tables import typed_frame

        self.name = name
        self.csv_path = folder / f"{name}.csv"
        self.pq_path = folder / f"{name}.parquet"
        self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._header = True
        self._pq = None
        self._schema = pa.Schema.from_pandas(typed_frame(name, []), preserve_index=False)
        self.rows = 0

    def write(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        frame.to_csv(self._csv, index=False, header=self._header, lineterminator="\n")
        self._header = False
        self.rows += len(frame)
        if len(frame):
            if self._pq is None:
                self._pq = pq.ParquetWriter(self.pq_path, self._schema, compression="zstd")
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
            self._pq.write_table(table)

    def close(self) -> list[Path]:
        import pyarrow.parquet as pq

        if self._header:  # nothing written: the header alone
            from pakus.tables import typed_frame

            typed_frame(self.name, []).to_csv(self._csv, index=False, lineterminator="\n")
        self._csv.close()
        if self._pq is None:  # no rows: an empty table, as pandas writes one
            import pyarrow as pa

            from pakus.tables import typed_frame

            empty = pa.Table.from_pandas(
                typed_frame(self.name, []), schema=self._schema, preserve_index=False
            )
            pq.write_table(empty, self.pq_path, compression="zstd")
        else:
            self._pq.close()
        return [self.csv_path, self.pq_path]


def _extract_batch(batch: Sequence[Document], runner: Runner, cache) -> list[Extraction | Failed]:
    """Extractions of a batch, from the cache where there, else by the runner (and cached)."""
    found = [cache.get(d) for d in batch]
    todo = [d for d, x in zip(batch, found, strict=True) if x is None]
    fresh = iter(runner.map(todo))
    out = []
    for d, x in zip(batch, found, strict=True):
        if x is None:
            x = next(fresh)
            if isinstance(x, Extraction):
                cache.put(d, x)
        out.append(x)
    return out


def _write_tables(
    corpus: Corpus, corpus_dir: Path, staging: Path, runner: Runner, cache, progress: bool
) -> BuildResult:
    import pandas as pd

    from pakus.reconcile import reconcile
    from pakus.tables import data_dictionary, reconciled_tables, typed_frame

    writers = {name: TableWriter(staging, name) for name in MENTION_TABLES}
    documents, failed = [], []
    with _progress(len(corpus.documents), progress) as bar:
        for batch in batches(corpus.documents, BATCH_DOCUMENTS):
            results = _extract_batch(batch, runner, cache)
            done = []
            for doc, result in zip(batch, results, strict=True):
                if isinstance(result, Failed):
                    failed.append(result)
                    corpus.problems.append(Problem(str(corpus_dir / doc.file), result.message))
                else:
                    documents.append(document_row(doc))
                    done.append(result)
            for name, kind in MENTION_TABLES.items():
                writers[name].write(typed_frame(name, mention_rows(done, kind)))
            del results, done
            bar.update(len(batch))
    written: list[Path] = []
    rows = {}
    for name, writer in writers.items():
        written += writer.close()
        rows[name] = writer.rows
    tables: dict[str, pd.DataFrame] = {"documents": typed_frame("documents", documents)}
    failed_ids = {f.doc for f in failed}
    corpus.documents = [d for d in corpus.documents if d.id not in failed_ids]
    # reconcile from the written tables: only the columns and rows reconciliation reads
    events = pd.read_parquet(staging / "events.parquet")
    amounts = pd.read_parquet(staging / "amounts.parquet")
    entities = pd.read_parquet(
        staging / "entities.parquet", filters=[("type", "in", ["program", "state"])]
    )
    corrections = corpus_corrections(corpus_dir, corpus)
    reconciled = reconcile(events, amounts, entities, tables["documents"], corrections=corrections)
    tables.update(reconciled_tables(reconciled).items())
    del events, amounts, entities
    tables["problems"] = typed_frame(
        "problems",
        [{"path": p.path, "message": p.message, "skipped": p.skipped} for p in corpus.problems],
    )
    for name in (
        "documents",
        "facts",
        "fact_sources",
        "conflicts",
        "flags",
        "corrections",
        "problems",
    ):
        writer = TableWriter(staging, name)
        writer.write(tables[name])
        written += writer.close()
        rows[name] = len(tables[name])
    dictionary = staging / "data_dictionary.csv"
    data_dictionary().to_csv(dictionary, index=False, lineterminator="\n", encoding="utf-8")
    written.append(dictionary)
    return BuildResult(corpus, rows, tables, written, failed)


def build(
    corpus_dir: Path | str, out: Path | str, progress: bool = True, jobs: int | None = None,
    scheduler: str | None = None, cache: bool = True, cache_dir: Path | str | None = None,
    budget: float = DEFAULT_BUDGET_S, wait: float = 0.0,
) -> BuildResult:  # fmt: skip
    """Read the corpus, extract (in ``jobs`` processes or with a Dask ``scheduler``; from the
    extraction cache unless ``cache`` is False), reconcile, and put the tables and
    datapackage.json in ``out`` whole (see the module docstring). Raises CorpusError for an
    unreadable corpus.csv, OutputError (one line) for an ``out`` that cannot be written or
    that another build holds for more than ``wait`` seconds; either way ``out`` is as it was.
    """
    from pakus.cache import ExtractionCache
    from pakus.export import datapackage

    out = Path(out).absolute()
    corpus_dir = Path(corpus_dir)
    check_writable(out)
    with output_lock(out, wait):
        recover(out)
        stamp = build_stamp(corpus_dir)
        corpus = load_corpus(corpus_dir)
        staging = staging_folder(out)
        store = ExtractionCache(
            (Path(cache_dir) if cache_dir else out / CACHE_FOLDER) if cache else None
        )
        try:
            with Runner(jobs, scheduler, budget) as runner:
                result = _write_tables(corpus, corpus_dir, staging, runner, store, progress)
                datapackage(staging)
                (staging / BUILD_STAMP).write_text(stamp + "\n", encoding="utf-8")
                result.written += [staging / "datapackage.json", staging / BUILD_STAMP]
                result.cache_hits, result.cache_misses = store.hits, store.misses
                store.close()
                carry_over(out, staging)
                pause_for_tests()  # the workers are still up: a window to kill the build in
                swap_in(staging, out)
        except BaseException:
            store.close()
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result.written = [out / p.relative_to(staging) for p in result.written]
    return result
