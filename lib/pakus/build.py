"""``pakus build``: extract every document of a corpus and write the fact tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from pakus.corpus import Corpus, load_corpus
from pakus.extract import extract_document
from pakus.extract.mentions import Extraction
from pakus.tables import data_dictionary, fact_tables

PROGRESS_MIN_DOCUMENTS = 50
"""Show a progress bar from this many documents on."""


@dataclass
class BuildResult:
    corpus: Corpus
    tables: dict[str, pd.DataFrame]
    written: list[Path]


def extract_corpus(corpus: Corpus, progress: bool = True) -> list[Extraction]:
    """Extract every document of the corpus, in id order."""
    docs = corpus.documents
    bar = tqdm(
        docs, desc="extracting", unit="doc",
        disable=not progress or len(docs) < PROGRESS_MIN_DOCUMENTS,
    )  # fmt: skip
    return [extract_document(doc) for doc in bar]


def corpus_tables(
    folder: Path | str, progress: bool = False
) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """Load a corpus folder and return its fact tables (nothing written)."""
    corpus = load_corpus(folder)
    return corpus, fact_tables(corpus, extract_corpus(corpus, progress))


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


def build(corpus_dir: Path | str, out: Path | str, progress: bool = True) -> BuildResult:
    """Read the corpus, extract, reconcile, and write ``out/`` with its datapackage.json."""
    from pakus.export import datapackage

    corpus, tables = corpus_tables(corpus_dir, progress)
    written = write_tables(tables, Path(out))
    datapackage(Path(out))
    return BuildResult(corpus, tables, [*written, Path(out) / "datapackage.json"])
