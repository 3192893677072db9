"""Readable, unique, stable document ids: ``outlet-YYYY-MM-DD-slug``.

The outlet's first words (at most ``OUTLET_WORDS`` words, ``OUTLET_CHARS`` characters; a
leading "the" dropped), the published date at its precision (``undated`` when not known),
then the title's first words (``TITLE_WORDS``, ``TITLE_CHARS``), all lower-case ASCII joined by
``-``. An id already taken gets ``-2``, ``-3`` … So the same document added to the same
corpus gets the same id.
"""

from __future__ import annotations

from collections.abc import Collection

from pakus.ingest.article import Article
from pakus.ingest.text import slug

OUTLET_WORDS, OUTLET_CHARS = 3, 24
TITLE_WORDS, TITLE_CHARS = 6, 48


def base_id(article: Article) -> str:
    """The id before making it unique: ``outlet-date-slug``."""
    outlet = article.outlet
    if outlet.lower().startswith("the "):
        outlet = outlet[4:]
    parts = [
        slug(outlet, OUTLET_WORDS, OUTLET_CHARS) or "unknown",
        article.published.iso() if article.published else "undated",
        slug(article.title, TITLE_WORDS, TITLE_CHARS) or "document",
    ]
    return "-".join(parts)


def unique_id(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is first not in ``taken``."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
