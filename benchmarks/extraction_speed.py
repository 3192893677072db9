"""Extraction speed against a baseline in the same process.

    python benchmarks/extraction_speed.py [--mb 20]

The corpus is built in memory from the seed documents (data/raw) and the held-out documents
(tests/documents): their paragraphs are shuffled into new documents of 2–12 kB, and names,
years and amounts are varied so that no two documents are the same. The baseline is spaCy's
blank English pipeline with a sentencizer (tokenising and sentence splitting only) over the
same texts. Documents are processed one at a time and their facts counted and dropped, so
memory should not grow with the corpus: the script reports the peak traced memory for the
first fifth of the corpus and for the whole corpus.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import tracemalloc
from pathlib import Path

from pakus.corpus import load_corpus
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


def run_pakus(texts: list[tuple[str, str]]) -> int:
    from pakus.corpus import Document
    from pakus.dates import PartialDate

    facts = 0
    for doc_id, text in texts:
        x = extract_document(Document(doc_id, text, published=PartialDate(2020, 6, 15)))
        facts += len(x.entities) + len(x.dates) + len(x.amounts) + len(x.events)
    return facts


def run_spacy(texts: list[tuple[str, str]]) -> int:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return sum(len(list(doc.sents)) for doc in nlp.pipe(t for _, t in texts))


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
    args = parser.parse_args(argv)
    texts = synthetic_corpus(args.mb)
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    n = len(texts)
    print(f"corpus: {n} documents, {mb:.1f} MB")
    run_pakus(texts[:20])  # warm up: load tables, compile patterns
    rows = []
    for name, fn in (
        ("spaCy blank('en') + sentencizer (baseline)", run_spacy),
        ("pakus extraction", run_pakus),
    ):
        seconds, _ = timed(fn, texts)
        rows.append((name, seconds))
        print(f"  {name:<45} {seconds:7.1f} s  {mb / seconds:6.2f} MB/s  {n / seconds:7.1f} docs/s")
    ratio = rows[0][1] / rows[1][1]
    print(f"pakus is {ratio:.2f}x the baseline's speed (target: at least 2x)")
    fifth = texts[: max(1, n // 5)]
    small, full = peak_memory(run_pakus, fifth), peak_memory(run_pakus, texts)
    print(f"peak traced memory: {small:.1f} MB for {len(fifth)} documents, {full:.1f} MB for {n}")


if __name__ == "__main__":
    main()
