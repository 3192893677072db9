"""The speed benchmark's corpora: varied as documented, and the same facts to find."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from pakus.dates import PartialDate
from pakus.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "extraction_speed", ROOT / "benchmarks" / "extraction_speed.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_speed"] = module
    spec.loader.exec_module(module)
    return module


def test_heaps_law_gives_the_textbooks_worked_example(bench):
    # Manning, Raghavan and Schütze (2008), §5.1.1: 44 × 1,000,020^0.49 ≈ 38,323 terms
    assert bench.heaps_types(1_000_020) == 38_323


def test_growing_vocabulary_follows_heaps_law(bench):
    # below about 2.5 MB the sources' rare words (those that no reference table or code
    # contains) are too few to reach the curve
    texts = bench.synthetic_corpus(3.0)
    grown = bench.with_growing_vocabulary(texts)
    assert [i for i, _ in grown] == [i for i, _ in texts]
    tokens = sum(len(bench._TERM.findall(t.lower())) for _, t in grown)
    assert bench.vocabulary(texts) < bench.heaps_types(tokens) * 0.2
    assert bench.vocabulary(grown) == pytest.approx(bench.heaps_types(tokens), rel=0.01)
    assert grown == bench.with_growing_vocabulary(texts)  # deterministic


def test_growing_vocabulary_keeps_every_fact(bench):
    texts = bench.synthetic_corpus(0.1)
    grown = bench.with_growing_vocabulary(texts)
    assert sum(a != b for (_, a), (_, b) in zip(texts, grown, strict=True)) > len(texts) / 2

    def facts(text: str) -> Counter:
        x = extract_text(text, "t", PartialDate(2020, 6, 15))
        return Counter(
            [("entity", e.id) for e in x.entities]
            + [("date", d.date) for d in x.dates]
            + [("amount", a.usd) for a in x.amounts]
            + [("event", e.type, e.date, e.source_actor, e.target_actor) for e in x.events]
        )

    # The rule-based stages find exactly the same facts; events depend on a statistical
    # parse (spaCy's tagger and parser), which a made-up word in the sentence can move, so
    # the benchmark's events per MB stay close (within 15 %) rather than equal.
    before = sum((facts(b) for _, b in texts), Counter())
    after = sum((facts(a) for _, a in grown), Counter())
    rules = lambda c: Counter({k: n for k, n in c.items() if k[0] != "event"})  # noqa: E731
    assert rules(after) == rules(before)
    events = lambda c: sum(n for k, n in c.items() if k[0] == "event")  # noqa: E731
    assert abs(events(after) - events(before)) <= 0.15 * events(before)


def test_made_up_words_are_new(bench):
    import random

    avoid = {"bata", "koli"}
    words = bench.made_up_words(random.Random(1), avoid)
    made = [next(words) for _ in range(2000)]
    assert len(set(made)) == len(made)
    assert avoid.isdisjoint(made)


def test_stage_timings_add_up_and_change_nothing():
    text = "In May 2011, US forces killed Osama bin Laden. Congress froze $800 million in aid."
    timings: dict[str, float] = {"events": 1.0}
    timed = extract_text(text, "t", PartialDate(2011, 7, 1), timings=timings)
    assert set(timings) == {"sentences", "dates", "entities", "amounts", "counts", "events"}
    assert all(t >= 0 for t in timings.values()) and timings["events"] >= 1.0  # added to
    assert timed == extract_text(text, "t", PartialDate(2011, 7, 1))
