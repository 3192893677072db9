"""Multi-article exports: one file (HTML or Word) holding many articles one after another, as
news databases export them, split into one document per article with its metadata.

A splitter works on the file's lines (an HTML page's block elements, a Word file's
paragraphs). Each registered :class:`Splitter` says whether a file is in its layout
(``detects``) and splits it (``split``); the first that detects a file splits it. To add a
layout, write the two functions and register them::

    register(Splitter("my-layout", detects=my_detects, split=my_split))

**Layout ``nexis``** (the shape of Nexis Uni's Word and HTML exports). Articles follow each
other, each ending with a line ``End of Document``. Within an article, in this order:

============================  ==============================================================
line                          meaning
============================  ==============================================================
headline                      the title
outlet                        the publication's name
date line                     ``March 5, 2019 Tuesday`` (a time of day may follow); the date
                              becomes ``published``, at the precision written
``Label: value`` lines        optional; ``Byline:`` gives the author, the others
                              (``Copyright``, ``Section:``, ``Length:``, ``Dateline:``…)
                              are dropped
``Body``                      starts the article's text
paragraphs                    the text
``Classification``,           optional; this line and everything after it up to
``Load-Date:`` …              ``End of Document`` is dropped
``End of Document``           ends the article
============================  ==============================================================

Lines before the first article's headline (a cover page listing the documents) are skipped:
the headline and outlet are the two lines just before the last date line before ``Body``
(so a headline may hold a colon). An article without a readable date line, outlet or body is an
error naming its position in the file; the other articles are still split.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pakus.errors import DocumentError
from pakus.ingest.article import Article
from pakus.ingest.text import clean_text, date_at


@dataclass(frozen=True)
class Splitter:
    """A multi-article layout: its name, a test on a file's lines, and the split, which
    returns one Article or one DocumentError per article, in file order."""

    name: str
    detects: Callable[[list[str]], bool]
    split: Callable[[list[str], str], list[Article | DocumentError]]


SPLITTERS: list[Splitter] = []
"""The registered layouts, tried in order."""


def register(splitter: Splitter) -> Splitter:
    """Add a layout to the registry (see the module docstring)."""
    SPLITTERS.append(splitter)
    return splitter


def find_splitter(lines: list[str]) -> Splitter | None:
    """The first registered layout that detects these lines, or None (a single article)."""
    return next((s for s in SPLITTERS if s.detects(lines)), None)


# --- the nexis layout -------------------------------------------------------------------

_END = "end of document"
_LABELLED = re.compile(r"^(?P<label>[A-Z][A-Za-z\-]+(?: [A-Za-z\-]+)?):\s*(?P<value>.*)$")
_TRAILER = re.compile(r"^(?:classification|load-date:|graphic:?|notes?:)", re.I)


def _nexis_detects(lines: list[str]) -> bool:
    lowered = [x.strip().lower() for x in lines]
    return _END in lowered and "body" in lowered


def _nexis_split(lines: list[str], source: str) -> list[Article | DocumentError]:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip().lower() == _END:
            chunks.append([])
        else:
            chunks[-1].append(line.strip())
    chunks = [c for c in chunks if any(c)]
    return [_nexis_article(chunk, f"{source}#{n}") for n, chunk in enumerate(chunks, 1)]


def _nexis_article(chunk: list[str], source: str) -> Article | DocumentError:
    lines = [x for x in chunk if x]
    lowered = [x.lower() for x in lines]
    if "body" not in lowered:
        return DocumentError(source, "nexis export: an article without a 'Body' line")
    body_at = lowered.index("body")
    header = lines[:body_at]
    found = next(
        (i for i in range(len(header) - 1, -1, -1) if date_at(header[i], whole=True)), None
    )
    if found is None or found < 2:
        return DocumentError(
            source, "nexis export: no headline, outlet and date line before 'Body'"
        )
    date, _ = date_at(header[found], whole=True)  # type: ignore[misc]
    labels: dict[str, str] = {}
    for line in header[found + 1 :]:  # labelled lines follow the date line
        m = _LABELLED.match(line)
        if m:
            labels[m.group("label").lower()] = m.group("value").strip()
    body: list[str] = []
    for line in lines[body_at + 1 :]:
        if _TRAILER.match(line):
            break
        body.append(line)
    text = clean_text("\n".join(body))
    if not text:
        return DocumentError(source, "nexis export: an article with no text after 'Body'")
    author = re.sub(r"^by\s+", "", labels.get("byline", ""), flags=re.I).strip()
    return Article(
        text=text,
        source=source,
        title=header[found - 2],
        outlet=header[found - 1],
        author=author,
        published=date,
        published_basis=f'the export\'s date line for the article: "{header[found]}"',
    )


register(Splitter("nexis", _nexis_detects, _nexis_split))
