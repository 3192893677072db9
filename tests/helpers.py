"""Small helpers for extraction tests."""

from __future__ import annotations

from pakus.dates import PartialDate
from pakus.extract import extract_text


def extract(text: str, published: str | None = None):
    return extract_text(text, "test.txt", PartialDate.parse(published) if published else None)


def entity_ids(text: str) -> list[tuple[str, str]]:
    return [(e.quote, e.id) for e in extract(text).entities]


def dates(text: str, published: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(d.quote, d.date, d.precision) for d in extract(text, published).dates]


def date_spans(
    text: str, published: str | None = None
) -> list[tuple[str, str | None, str | None, str | None]]:
    """(quote, date, precision, date_end) of each date mention."""
    return [(d.quote, d.date, d.precision, d.date_end) for d in extract(text, published).dates]


def sources(text: str, published: str | None = None) -> list[tuple[str, str]]:
    """(trigger, source actor) of each event."""
    return [(e.trigger, e.source_actor) for e in extract(text, published).events]
