"""Extraction speed against a baseline in the same process.

    python benchmarks/extraction_speed.py [--mb 20]

The corpus is built in memory from the seed documents (data/raw) and the held-out documents
(tests/documents): their paragraphs are shuffled into new documents of 2–12 kB, and names,
years and amounts are varied so that no two documents are the same. The baseline is spaCy's
blank English pipeline with a sentencizer (tokenising and sentence splitting only) over the
same texts. Documents are processed one at a time and their facts counted and dropped, so
memory should not grow with the corpus: the script reports the peak traced memory for the
first fifth of the corpus and for the whole corpus, and times a tenth of the corpus as one
long document beside the same text as many (no step may grow faster than the length of a
document). The target compares one process with one
process; where the machine has several cores, both are also run with one process per core
(spaCy's ``n_process``, a process pool for pakus, as ``pakus build --jobs 0`` uses).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from functools import cache, partial
from pathlib import Path

from pakus.corpus import Document, load_corpus
from pakus.dates import PartialDate
from pakus.extract import extract_document

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["Pakistan", "Afghanistan", "India", "Iran", "China", "Qatar"]
YEARS = [str(y) for y in range(1990, 2025)]


def synthetic_corpus(megabytes: float, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) pairs adding up to at least ``megabytes`` MB of UTF-8 text."""
    rng = random.Random(seed)
    docs = []
    for folder in (ROOT / "data" / "raw", ROOT / "tests" / "documents"):
        docs += load_corpus(folder).documents
    paragraphs = [p for d in docs for p in d.text.split("\n") if len(p) > 40]
    out, size, n = [], 0, 0
    target = megabytes * 1_000_000
    while size < target:
        k = rng.randint(3, 18)
        text = "\n\n".join(rng.choice(paragraphs) for _ in range(k))
        text = re.sub(r"\b(?:19|20)\d\d\b", lambda m: rng.choice(YEARS), text)
        text = re.sub(r"\$(\d+)", lambda m: f"${int(m.group(1)) + rng.randint(0, 99)}", text)
        text = text.replace("Pakistan", rng.choice(NAMES)) if rng.random() < 0.3 else text
        out.append((f"synthetic_{n:06d}", text))
        size += len(text.encode("utf-8"))
        n += 1
    return out


def facts_in(item: tuple[str, str]) -> int:
    """Extract one (id, text) document and return how many facts it gave."""
    doc_id, text = item
    x = extract_document(Document(doc_id, text, published=PartialDate(2020, 6, 15)))
    return len(x.entities) + len(x.dates) + len(x.amounts) + len(x.events)


def run_pakus(texts: list[tuple[str, str]], processes: int = 1) -> int:
    if processes == 1:
        return sum(map(facts_in, texts))
    with ProcessPoolExecutor(processes) as pool:
        return sum(pool.map(facts_in, texts, chunksize=32))


@cache
def spacy_pipeline():
    """spaCy's blank English pipeline with a sentencizer, made once (outside the timing)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return nlp


def run_spacy(texts: list[tuple[str, str]], processes: int = 1) -> int:
    docs = spacy_pipeline().pipe((t for _, t in texts), n_process=processes, batch_size=64)
    return sum(len(list(doc.sents)) for doc in docs)


def timed(fn, texts) -> tuple[float, int]:
    start = time.perf_counter()
    result = fn(texts)
    return time.perf_counter() - start, result


def peak_memory(fn, texts) -> float:
    tracemalloc.start()
    fn(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument(
        "--no-processes", dest="processes", action="store_false",
        help="skip the runs with one process per core",
    )  # fmt: skip
    args = parser.parse_args(argv)
    texts = synthetic_corpus(args.mb)
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    n = len(texts)
    print(f"corpus: {n} documents, {mb:.1f} MB")
    run_pakus(texts[:20])  # warm up both: load tables, compile patterns, build the pipeline
    run_spacy(texts[:20])
    cores = os.cpu_count() or 1
    runs = [(1, "spaCy blank('en') + sentencizer (baseline)", run_spacy),
            (1, "pakus extraction", run_pakus)]  # fmt: skip
    if args.processes and cores > 1:
        runs += [(cores, f"spaCy baseline, {cores} processes", run_spacy),
                 (cores, f"pakus extraction, {cores} processes", run_pakus)]  # fmt: skip
    seconds = []
    for processes, name, fn in runs:
        took, _ = timed(partial(fn, processes=processes), texts)
        seconds.append(took)
        print(f"  {name:<45} {took:7.1f} s  {mb / took:6.2f} MB/s  {n / took:7.1f} docs/s")
    print(f"pakus is {seconds[0] / seconds[1]:.2f}x the baseline's speed on one core "
          "(target: at least 2x)")  # fmt: skip
    if len(seconds) == 4:
        print(f"with {cores} processes each: {seconds[2] / seconds[3]:.2f}x; pakus gains "
              f"{seconds[1] / seconds[3]:.2f}x from {cores} processes")  # fmt: skip
    # one long document must take about as long as the same text in many: no step may be
    # quadratic in a document's length
    part = texts[: max(1, n // 10)]
    one = [("one_document", "\n\n".join(t for _, t in part))]
    many_s, _ = timed(run_pakus, part)
    one_s, _ = timed(run_pakus, one)
    part_mb = sum(len(t.encode("utf-8")) for _, t in part) / 1e6
    print(
        f"{part_mb:.1f} MB as one document: {one_s:.1f} s; as {len(part)} documents: {many_s:.1f} s"
    )
    fifth = texts[: max(1, n // 5)]
    small, full = peak_memory(run_pakus, fifth), peak_memory(run_pakus, texts)
    print(f"peak traced memory: {small:.1f} MB for {len(fifth)} documents, {full:.1f} MB for {n}")


if __name__ == "__main__":
    main()
