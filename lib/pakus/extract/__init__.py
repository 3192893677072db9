"""Extraction: a document's text and published date in, sourced mentions out.

Pure functions of the text, the published date and the reference tables in
``pakus/data/reference/`` (gazetteer, trigger lexicon, codebooks); nothing here knows any
particular document.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from pakus.corpus import Document
from pakus.dates import PartialDate
from pakus.extract.actors import Agents, Offices
from pakus.extract.amounts import (
    CountPattern,
    MoneyRules,
    amount_mentions,
    compile_counts,
    compile_money,
    compile_purposes,
    count_mentions,
)
from pakus.extract.entities import Gazetteer, entity_mentions
from pakus.extract.events import Lexicon, event_mentions
from pakus.extract.events.parsed import CodingTables
from pakus.extract.longlived import long_lived
from pakus.extract.mentions import EntityMention, Extraction
from pakus.extract.parse import MAX_SENTENCE_CHARS
from pakus.extract.temporal import DateRules, compile_dates, date_mentions
from pakus.extract.text import sentence_spans
from pakus.reference import extraction_tables

T = TypeVar("T")


Compiled = tuple[
    Gazetteer, Lexicon, list, CountPattern, DateRules, MoneyRules, Agents, Offices, CodingTables
]
"""The reference tables compiled for extraction (gazetteer, lexicons, rules)."""

_GIVEN: dict[str | None, Callable[[], Compiled | None]] = {}


@cache
def _compiled(folder: str | None) -> Compiled:
    with long_lived():
        load = _GIVEN.pop(folder, None)
        found = load() if load is not None else None
        return found if found is not None else _compile(folder)


def compiled(
    folder: str | None = None, load: Callable[[], Compiled | None] | None = None
) -> Compiled:
    """The reference tables of ``folder`` (default: the package's) compiled for extraction,
    once per process (about 1.4 s: most of it the gazetteer's 35,000 peer names). ``load``:
    where this process has not compiled them yet, a function that returns them as an earlier
    process compiled them (``pakus.cache.ExtractionCache.load_compiled`` unpickles them from
    a build's cache, about 0.5 s), or None to compile them here. Either way the objects are
    built as ``long_lived``."""
    if load is not None and _compiled.cache_info().currsize == 0:
        _GIVEN[folder] = load
    return _compiled(folder)


def _compile(folder: str | None) -> Compiled:
    tables = extraction_tables(folder)
    states = dict(zip(tables.actors["id"], tables.actors["name"], strict=True))
    lexicon = Lexicon(
        tables.triggers, tables.plover_types, tables.plover_modes, tables.contexts, tables.demonyms
    )
    return (
        Gazetteer(tables.actors, tables.peer_actors, tables.ambiguous_names),
        lexicon,
        compile_purposes(tables.amount_purposes),
        compile_counts(tables.count_units),
        compile_dates(tables.fiscal_calendars, tables.named_days),
        compile_money(tables.currencies),
        Agents(tables.agents, tables.demonyms, states, _state_names(tables.actors)),
        Offices(tables.offices),
        CodingTables(
            tables.governors,
            tables.role_frames,
            tables.verb_lexicon,
            tables.verb_lexicon_sets,
            lexicon.demonyms,
        ),
    )


def release() -> bool:
    """Drop the objects extraction keeps for the life of the process: the compiled reference
    tables, the tables themselves and the spaCy pipeline with its cached parses (together
    about 290 MB), then collect them (they were frozen by ``long_lived``, so the garbage
    collector's permanent generation is thawed first: ``gc.unfreeze``). Freed memory serves
    what the process does next (a build's reconciliation, which grows with the corpus), so
    a build's peak is the larger of the two instead of their sum. The next extraction
    builds or loads them again (about 2 s). True if anything was loaded."""
    from pakus.extract import parse
    from pakus.reference import extraction_tables

    loaded = _compiled.cache_info().currsize > 0
    _GIVEN.clear()
    _compiled.cache_clear()
    extraction_tables.cache_clear()
    loaded = parse.release() or loaded
    if loaded:
        gc.unfreeze()
        gc.collect()
    return loaded


def _state_names(actors) -> frozenset[str]:
    """Every name and alias of the curated states."""
    rows = actors[actors["type"] == "state"]
    return frozenset(
        a.strip() for n, al in zip(rows["name"], rows["aliases"], strict=True)
        for a in [n, *al.split("|")]
    )  # fmt: skip


def extract_text(
    text: str, doc: str = "", published: PartialDate | None = None, reference: str | None = None,
    timings: dict[str, float] | None = None, issuer: EntityMention | None = None,
) -> Extraction:  # fmt: skip
    """Extract entities, dates, amounts, counts and events from one text. With ``timings``,
    the seconds each stage took are added to it, by stage name; ``issuer``: the actor that
    issues the text (:func:`issuer_of`), whom a first-person "we" names."""
    (gazetteer, lexicon, purposes, count_pattern, date_rules, money, agents, offices, coding) = (
        _compiled(reference)
    )
    clock = _Clock(timings)
    sentences = clock("sentences", sentence_spans, text)
    dates = clock("dates", date_mentions, text, published, sentences, date_rules)
    entities = clock(
        "entities", entity_mentions, text, gazetteer, dates, published, agents, offices
    )
    amounts = clock("amounts", amount_mentions, text, sentences, entities, dates, purposes, money)
    counts = clock("counts", count_mentions, text, count_pattern, amounts)
    events = clock(
        "events",
        event_mentions,
        text,
        sentences,
        entities,
        dates,
        amounts,
        lexicon,
        coding,
        issuer,
    )
    result = Extraction(doc, text, entities, dates, amounts, counts, events)
    long = [s for s in sentences if s[1] - s[0] > MAX_SENTENCE_CHARS]
    if long:
        result.notes.append(
            f"{doc}: {len(long)} sentence(s) over {MAX_SENTENCE_CHARS:,} characters not coded "
            f"for events (first at offset {long[0][0]})"
        )
    if published is None and any(d.relative for d in dates):
        result.notes.append(
            f"{doc}: no published date; {sum(d.relative for d in dates)} relative date(s) left unresolved"
        )
    return result


class _Clock:
    """Calls a stage, adding its time to ``timings`` when there is one."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def __call__(self, stage: str, fn: Callable[..., T], *args: Any) -> T:
        if self.timings is None:
            return fn(*args)
        start = time.perf_counter()
        result = fn(*args)
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start
        return result


ISSUER_TYPES = frozenset({"org", "state"})
"""Actor types that issue official statements in their own name (a ministry, an army's press
wing, a government); a person writing signs as "I", and a news outlet is not an actor."""

_NOT_A_NAME = re.compile(r"(?:\W|\bthe\b|\bThe\b)*")


def issuer_of(document: Document, reference: str | None = None) -> EntityMention | None:
    """The actor that issues ``document``: the known organisation or state that its ``author``
    field, else its ``outlet`` field, names and nothing else ("U.S. Department of State",
    "The State Department", "Inter-Services Public Relations (ISPR)": one actor, named once or
    with its abbreviation). None where the field names no actor, more than one, or more
    than an actor ("paraphrase of a State Department briefing", a newspaper)."""
    gazetteer, *_ = _compiled(reference)
    for field_ in (document.author, document.outlet):
        found = [m for m in entity_mentions(field_, gazetteer) if m.method != "compound"]
        ids = {m.id for m in found}
        if len(ids) != 1 or found[0].type not in ISSUER_TYPES:
            continue
        rest = field_
        for m in sorted(found, key=lambda m: -m.start):
            rest = rest[: m.start] + rest[m.end :]
        if _NOT_A_NAME.fullmatch(rest):
            return found[0]
    return None


def extract_document(document: Document, reference: str | None = None) -> Extraction:
    """Extract everything from a Document, resolving relative dates against its published
    date; a first-person "we" names the document's issuer (:func:`issuer_of`)."""
    return extract_text(
        document.text, document.id, document.published, reference,
        issuer=issuer_of(document, reference),
    )  # fmt: skip


__all__ = [
    "Compiled",
    "Extraction",
    "compiled",
    "extract_document",
    "extract_text",
    "issuer_of",
    "release",
]
