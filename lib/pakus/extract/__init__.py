"""Extraction: a document's text and published date in, sourced mentions out.

Pure functions of the text, the published date and the reference tables in
``data/reference/`` (gazetteer, trigger lexicon, codebooks); nothing here knows any
particular document.
"""

from __future__ import annotations

from functools import cache

from pakus.corpus import Document
from pakus.dates import PartialDate
from pakus.extract.amounts import (
    CountPattern,
    amount_mentions,
    compile_counts,
    compile_purposes,
    count_mentions,
)
from pakus.extract.entities import Gazetteer, entity_mentions
from pakus.extract.events import Lexicon, event_mentions
from pakus.extract.mentions import Extraction
from pakus.extract.temporal import date_mentions
from pakus.extract.text import sentence_spans
from pakus.reference import extraction_tables


@cache
def _compiled(folder: str | None) -> tuple[Gazetteer, Lexicon, list, CountPattern]:
    tables = extraction_tables(folder)
    lexicon = Lexicon(
        tables.triggers, tables.plover_types, tables.plover_modes, tables.contexts, tables.demonyms
    )
    return (
        Gazetteer(tables.actors),
        lexicon,
        compile_purposes(tables.amount_purposes),
        compile_counts(tables.count_units),
    )


def extract_text(
    text: str, doc: str = "", published: PartialDate | None = None, reference: str | None = None
) -> Extraction:
    """Extract entities, dates, amounts, counts and events from one text."""
    gazetteer, lexicon, purposes, count_pattern = _compiled(reference)
    sentences = sentence_spans(text)
    dates = date_mentions(text, published, sentences)
    entities = entity_mentions(text, gazetteer, dates, published)
    amounts = amount_mentions(text, sentences, entities, dates, purposes)
    counts = count_mentions(text, count_pattern, amounts)
    events = event_mentions(text, sentences, entities, dates, amounts, lexicon)
    result = Extraction(doc, text, entities, dates, amounts, counts, events)
    if published is None and any(d.relative for d in dates):
        result.notes.append(
            f"{doc}: no published date; {sum(d.relative for d in dates)} relative date(s) left unresolved"
        )
    return result


def extract_document(document: Document, reference: str | None = None) -> Extraction:
    """Extract everything from a Document, resolving relative dates against its published date."""
    return extract_text(document.text, document.id, document.published, reference)


__all__ = ["Extraction", "extract_document", "extract_text"]
