"""What a reader hands on: one article's text and metadata, before it has an id."""

from __future__ import annotations

from dataclasses import dataclass

from pakus.dates import PartialDate


@dataclass(frozen=True)
class Article:
    """One document read from a file or a URL, ready to be given an id and stored.

    ``text`` is plain UTF-8 text, paragraphs separated by a blank line. ``published`` is no
    more precise than its source, and ``published_basis`` says what that source is (the
    page's metadata, a dateline in the text, the URL, the PDF's metadata, an export's date
    line); both are empty when nothing fixes the date. ``source`` names the file or URL it
    came from (for messages), with ``#N`` for the N-th article of a multi-article export.
    """

    text: str
    source: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: PartialDate | None = None
    published_basis: str = ""
    url: str = ""
    language: str = ""
