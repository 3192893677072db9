"""``pakus build``: extract every document of a corpus and write the fact tables.

The build streams: the corpus is read and checked whole first but held without its texts;
each batch's texts are read again as it is built. Documents go through extraction in batches
of ``BATCH_DOCUMENTS`` (from
the extraction cache where their entry is there, else by the runner: one process, a process
pool or Dask), and each batch's mentions are appended to the mention tables (CSV, and Parquet
one row group per batch) and dropped, so memory does not grow with the number of mentions.
The documents come in id order, so the appended tables are sorted as a whole. Facts are then
reconciled from the written tables (events, amounts, and the programme and state mentions),
after a large build has dropped extraction's long-lived objects (``RELEASE_MIN_DOCUMENTS``),
so that the build's peak memory is that of extraction or of reconciliation, not their sum.

Everything is written into a staging folder beside ``--out`` that replaces it only once
complete, under a lock (``pakus.outputs``): a killed build leaves the previous output whole,
and two builds never write one folder at once.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import shutil
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pakus.corpus import Corpus, Document, Problem, corpus_path, load_corpus, read_document
from pakus.errors import DocumentError
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
    import pyarrow as pa

    from pakus.corrections import Correction

PROGRESS_MIN_DOCUMENTS = 50
"""Show a progress bar from this many documents on (and only on a terminal)."""

BATCH_DOCUMENTS = 128
"""Documents extracted and written per batch on average (one Parquet row group per batch;
see ``document_batches``). Small enough that an incremental build re-encodes little (the
batch a new document falls in), large enough to keep a process pool busy between batches."""

MENTION_TABLES = {
    "entities": "entity",
    "dates": "date",
    "amounts": "amount",
    "counts": "count",
    "events": "event",
}
"""The tables of mentions, and the kind of mention each holds."""

RELEASE_MIN_DOCUMENTS = 500
"""From this many documents on, a build drops extraction's long-lived objects (the spaCy
pipeline, the compiled reference tables: ``pakus.extract.release``) once every batch is
written, before it reconciles: reconciliation's memory grows with the corpus, and it then
reuses theirs, so the build's peak is the larger of the two, not their sum. Smaller builds
keep them (loading them again takes about 2 s, which a small build, or the next one in the
same process, would feel)."""

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
    "document_batches",
    "extract_corpus",
    "fact_tables",
    "reconciled_entities",
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
    """What a build wrote: the corpus read (its documents without their texts, each dropped
    once its batch is written, so memory does not grow with the corpus), the number of rows
    of each table, the smaller tables in memory (documents, problems and the reconciled
    ones), and the files."""

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


def build_provenance() -> dict:
    """What the tables were extracted with: the pakus version, the spaCy parser (package,
    pipeline name and version, spaCy version and the components run:
    ``pakus.extract.parse.parser_meta``, read without loading spaCy) and the extraction
    fingerprint (``pakus.cache.fingerprint``: SHA-256 of the reference tables, the extraction
    source and these versions). No paths or times, so identical inputs give identical bytes."""
    import importlib.metadata

    from pakus.cache import fingerprint
    from pakus.extract.parse import parser_meta

    try:
        version = importlib.metadata.version("pakus")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    return {"version": version, "parser": parser_meta(), "fingerprint": fingerprint()}


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
    from pakus.reference import read_table

    types = set(read_table("plover_types")["type"])
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
    """One table written as CSV and Parquet, a sorted frame at a time (appended). A frame is
    first *encoded* (``encode``: its CSV lines and its Arrow table), so that an encoded batch
    kept from an earlier build can be appended as it was (``write_encoded``) without pandas."""

    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        self.csv_path = folder / f"{name}.csv"
        self.pq_path = folder / f"{name}.parquet"
        self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        header, self._schema = _table_layout(name)
        self._csv.write(header)
        self._pq = None
        self.rows = 0

    def encode(self, frame: pd.DataFrame) -> EncodedFrame:
        """The frame's CSV lines (no header) and Arrow table, as ``write`` writes them."""
        import pyarrow as pa

        csv = frame.to_csv(index=False, header=False, lineterminator="\n") if len(frame) else ""
        table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        return EncodedFrame(csv, table, len(frame))

    def write(self, frame: pd.DataFrame) -> EncodedFrame:
        """Append a typed, sorted frame; returns it encoded."""
        encoded = self.encode(frame)
        self.write_encoded(encoded)
        return encoded

    def write_encoded(self, encoded: EncodedFrame) -> None:
        """Append an encoded frame (one Parquet row group unless it is empty)."""
        import pyarrow.parquet as pq

        self._csv.write(encoded.csv)
        self.rows += encoded.rows
        if encoded.rows:
            if self._pq is None:
                self._pq = pq.ParquetWriter(self.pq_path, self._schema, compression="zstd")
            self._pq.write_table(encoded.table)

    def close(self) -> list[Path]:
        import pyarrow.parquet as pq

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


@functools.cache
def _table_layout(name: str) -> tuple[str, pa.Schema]:
    """A table's CSV header line and Arrow schema (from its empty typed frame)."""
    import pyarrow as pa

    from pakus.tables import typed_frame

    empty = typed_frame(name, [])
    return empty.to_csv(index=False, lineterminator="\n"), pa.Schema.from_pandas(
        empty, preserve_index=False
    )


@dataclass
class EncodedFrame:
    """A table's frame as written: its CSV lines (no header), its Arrow table, its rows."""

    csv: str
    table: pa.Table
    rows: int

    def to_bytes(self) -> bytes:
        """The Arrow table as an IPC stream (a batch's entry in the extraction cache)."""
        import pyarrow as pa

        sink = pa.BufferOutputStream()
        options = pa.ipc.IpcWriteOptions(compression="zstd")
        with pa.ipc.new_stream(sink, self.table.schema, options=options) as writer:
            writer.write_table(self.table)
        return sink.getvalue().to_pybytes()

    @classmethod
    def from_bytes(cls, csv: str, data: bytes, rows: int) -> EncodedFrame:
        import pyarrow as pa

        return cls(csv, pa.ipc.open_stream(data).read_all(), rows)


DATED_FILTER = [("modality", "==", "asserted"), ("negated", "==", False), ("date", "!=", "")]
"""The rows of the events table that ``pakus.reconcile.dated_events`` keeps, as a Parquet filter."""


def document_batches(documents: Sequence[Document]) -> Iterator[list[Document]]:
    """The documents (in id order) in consecutive batches of ``BATCH_DOCUMENTS`` on average:
    a batch ends after a document whose id hashes to 0 modulo ``BATCH_DOCUMENTS``, or at
    ``4 * BATCH_DOCUMENTS`` documents. The boundaries depend on the ids alone (content-defined
    chunking), so adding, removing or changing documents changes only the batches they fall
    in, and every other batch is found whole in the extraction cache by the next build."""
    size = BATCH_DOCUMENTS
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        digest = hashlib.blake2b(doc.id.encode("utf-8"), digest_size=8).digest()
        if int.from_bytes(digest, "big") % size == 0 or len(batch) >= 4 * size:
            yield batch
            batch = []
    if batch:
        yield batch


@functools.cache
def _writer_fingerprint() -> str:
    """SHA-256 of what turns extractions into a batch's encoded tables: this module's and
    ``pakus.tables``'s source and the pandas and pyarrow versions."""
    import importlib.metadata

    h = hashlib.sha256()
    for module in ("build.py", "tables.py"):
        h.update((Path(__file__).resolve().parent / module).read_bytes() + b"\0")
    for name in ("pandas", "pyarrow"):
        h.update(f"{name} {importlib.metadata.version(name)}\0".encode())
    return h.hexdigest()


def reconciled_entities(path: Path) -> pd.DataFrame:
    """What ``pakus.reconcile.reconcile`` reads of an entities table (Parquet at ``path``):
    the programme mentions (columns doc, start, end, id, type; in the table's order), then
    one row per distinct state id (doc ``""``, start and end 0), since of the states'
    mentions reconciliation reads only which ids are states. The same facts as from every
    programme and state mention; at 20,000 synthetic documents, 33,000 rows instead of
    397,000, and 23 MB less at the build's peak (its reconciliation)."""
    import pandas as pd
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    columns = ["doc", "start", "end", "id", "type"]
    programmes = pd.read_parquet(path, columns=columns, filters=[("type", "==", "program")])
    ids = pq.read_table(path, columns=["id"], filters=[("type", "==", "state")])["id"]
    states = sorted(pc.unique(ids).to_pylist())
    del ids
    rows = pd.DataFrame({"doc": "", "start": 0, "end": 0, "id": states, "type": "state"},
                        columns=columns)  # fmt: skip
    return pd.concat([programmes, rows.astype(programmes.dtypes.to_dict())], ignore_index=True)


def _preload(cache) -> None:
    """Load what extraction keeps for the life of a process in this one: the compiled
    reference tables (from the cache, or compiled) and the spaCy pipeline. Forked workers
    start with them (``Runner.forks``): without this each worker compiled the tables
    (1.4 s) and imported and loaded spaCy (2 s) on its own, which ``--scheduler processes``
    paid once per worker."""
    from pakus.extract import compiled
    from pakus.extract.parse import ParserError, parser

    cache.prime_compiled()
    compiled()
    with contextlib.suppress(ParserError):  # reported by the workers, document by document
        parser()


def _submit_batch(
    batch: Sequence[Document], runner: Runner, cache
) -> Callable[[], list[Extraction | Failed]]:
    """Start extracting a batch (``Runner.submit``): the documents not in the cache go to the
    runner now; the function returned waits for them, caches them and returns the batch's
    extractions (or Failed) in order."""
    found = [cache.get(d) for d in batch]
    todo = [d for d, x in zip(batch, found, strict=True) if x is None]
    if todo and runner.in_process:
        cache.prime_compiled()
    elif todo and runner.forks:  # loaded once here, before the workers fork, not once in each
        _preload(cache)
    pending = runner.submit(todo)

    def collect() -> list[Extraction | Failed]:
        fresh = iter(pending())
        out = []
        for d, x in zip(batch, found, strict=True):
            if x is None:
                x = next(fresh)
                if isinstance(x, Extraction):
                    cache.put(d, x)
            out.append(x)
        return out

    return collect


LOOKAHEAD_BATCHES = 2
"""Batches handed to the workers ahead of the one being written: while this process encodes
and writes a batch's tables, the workers extract the next ones (none in one process, where
extraction and writing take turns anyway)."""


@dataclass
class _Batch:
    """A batch on its way through a build: its documents (with their texts), the problems of
    reading them, and either its encoded tables (found whole in the cache) or the function
    that waits for its extractions."""

    listed: list[Document]
    documents: list[Document]
    failed: list[tuple[Failed, Problem]]
    key: str
    encoded: dict[str, EncodedFrame] | None = None
    pending: Callable[[], list[Extraction | Failed]] | None = None


def _start_batch(listed: list[Document], corpus_dir: Path, runner: Runner, cache) -> _Batch:
    """Read a batch's texts again, find its encoded tables in the cache or start extracting."""
    batch, failed = [], []  # the batch's documents with their texts, read again now
    for doc in listed:
        try:
            text = read_document(corpus_path(corpus_dir, doc.file))
        except DocumentError as err:  # changed since the corpus was loaded
            failed.append((Failed(doc.id, doc.file, err.problem), Problem(err.path, err.problem)))
            continue
        batch.append(replace(doc, text=text))
    key = cache.batch_key(batch, _writer_fingerprint())
    found = cache.get_batch(key, len(batch))
    started = _Batch(listed, batch, failed, key)
    if found is not None:  # every document as in a build before: its encoded tables
        started.encoded = {n: EncodedFrame.from_bytes(*found[n]) for n in MENTION_TABLES}
    else:
        started.pending = _submit_batch(batch, runner, cache)
    return started


@contextlib.contextmanager
def _shared_parses(runner: Runner) -> Iterator[None]:
    """While a build's local workers are forked from this process (``Runner.forks``), they
    share their sentence parses through a scratch folder (``pakus.extract.parse.share_parses``),
    so that a sentence told in documents that went to different workers is parsed once, as
    in one process. Removed with the build."""
    if not runner.forks:
        yield
        return
    import tempfile

    from pakus.extract.parse import share_parses

    with tempfile.TemporaryDirectory(prefix="pakus-parses-") as folder:
        share_parses(folder)
        try:
            yield
        finally:
            share_parses(None)


def _write_tables(
    corpus: Corpus, corpus_dir: Path, staging: Path, runner: Runner, cache, progress: bool
) -> BuildResult:
    import pandas as pd

    from pakus.reconcile import AMOUNT_COLUMNS, EVENT_COLUMNS, reconcile
    from pakus.tables import data_dictionary, reconciled_tables, typed_frame

    writers = {name: TableWriter(staging, name) for name in MENTION_TABLES}
    documents, failed = [], []

    def finish(started: _Batch) -> None:
        for fail, problem in started.failed:
            failed.append(fail)
            corpus.problems.append(problem)
        encoded = started.encoded
        if encoded is None:
            results = started.pending()
            done = []
            for doc, result in zip(started.documents, results, strict=True):
                if isinstance(result, Failed):
                    failed.append(result)
                    corpus.problems.append(Problem(str(corpus_dir / doc.file), result.message))
                else:
                    documents.append(document_row(doc))
                    done.append(result)
            encoded = {
                name: writers[name].encode(typed_frame(name, mention_rows(done, kind)))
                for name, kind in MENTION_TABLES.items()
            }
            if len(done) == len(started.documents):  # a failure is tried again next build
                cache.put_batch(
                    started.key, {n: (e.csv, e.to_bytes(), e.rows) for n, e in encoded.items()}
                )
            del results, done
        else:
            documents.extend(document_row(doc) for doc in started.documents)
        for name in MENTION_TABLES:
            writers[name].write_encoded(encoded[name])

    ahead = 0 if runner.in_process else LOOKAHEAD_BATCHES
    queue: deque[_Batch] = deque()
    with _progress(len(corpus.documents), progress) as bar:

        def finish_until(left: int) -> None:
            """Finish the oldest started batches until ``left`` remain."""
            while len(queue) > left:
                started = queue.popleft()
                finish(started)  # the texts are dropped with it
                bar.update(len(started.listed))

        for listed in document_batches(corpus.documents):
            queue.append(_start_batch(listed, corpus_dir, runner, cache))
            finish_until(ahead)
        finish_until(0)
    if len(corpus.documents) >= RELEASE_MIN_DOCUMENTS:
        from pakus.extract import release

        release()
    written: list[Path] = []
    rows = {}
    for name, writer in writers.items():
        written += writer.close()
        rows[name] = writer.rows
    tables: dict[str, pd.DataFrame] = {"documents": typed_frame("documents", documents)}
    failed_ids = {f.doc for f in failed}
    corpus.documents = [d for d in corpus.documents if d.id not in failed_ids]
    # reconcile from the written tables: only the columns and rows reconciliation reads
    corrections = corpus_corrections(corpus_dir, corpus)
    # without corrections, only what reconcile reads: the events told as done with a date
    # (``reconcile.dated_events``), in the table's order, and only the columns it uses
    events = pd.read_parquet(
        staging / "events.parquet", columns=None if corrections else list(EVENT_COLUMNS),
        filters=None if corrections else DATED_FILTER,
    )  # fmt: skip
    amounts = pd.read_parquet(
        staging / "amounts.parquet", columns=None if corrections else list(AMOUNT_COLUMNS)
    )
    entities = reconciled_entities(staging / "entities.parquet")
    reconciled = reconcile(events, amounts, entities, tables["documents"],
                           corrections=corrections, aid_limit=cache.aid_limit())  # fmt: skip
    del events, amounts, entities
    tables.update(reconciled_tables(reconciled).items())
    del reconciled
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
    import pyarrow as pa

    from pakus.cache import ExtractionCache
    from pakus.export import datapackage

    # Arrow's default allocator (mimalloc) keeps what each batch freed: with the system
    # allocator the resident memory of a build stays flat over its batches
    pa.set_memory_pool(pa.system_memory_pool())
    out = Path(out).absolute()
    corpus_dir = Path(corpus_dir)
    check_writable(out)
    with output_lock(out, wait):
        recover(out)
        stamp = build_stamp(corpus_dir)
        store = ExtractionCache(
            (Path(cache_dir) if cache_dir else out / CACHE_FOLDER) if cache else None
        )
        try:
            # each batch's texts are read as it is built
            corpus = load_corpus(corpus_dir, texts=False, metadata=store.metadata)
        except BaseException:
            store.close()
            raise
        staging = staging_folder(out)
        try:
            with Runner(jobs, scheduler, budget) as runner, _shared_parses(runner):
                result = _write_tables(corpus, corpus_dir, staging, runner, store, progress)
                datapackage(staging, build_provenance())
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
