"""Saved web pages: the article's text and metadata with trafilatura, its date with htmldate.

The published date is taken, in this order, from the page's metadata (Open Graph, schema.org
JSON-LD, Dublin Core and other meta tags, read by ``htmldate.find_date`` without its
extensive search of the text), from a dateline in the article's first lines
(:func:`pakus.ingest.text.dateline_date`), then from the page's URL
(:func:`pakus.ingest.text.url_date`). The outlet is the page's site name (``og:site_name``
and the like), else the URL's host name.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.article import Article
from pakus.ingest.text import byline, clean_text, dateline_date, url_date

MIN_ARTICLE_CHARS = 200
"""Fewest characters of article text for a page to count as an article (not a menu or a
cookie banner)."""


def decode_html(data: bytes, source: str) -> str:
    """The page's text: UTF-8, else the charset the page declares (``<meta charset>``)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""charset=["']?([A-Za-z0-9_\-]+)""", data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise DocumentError(source, "not UTF-8 and no usable charset declared in the page")


def page_url(html: str) -> str:
    """The page's own address: its canonical link, ``og:url``, or a browser's
    ``saved from url=`` comment; ``""`` when none is given."""
    for pattern in (
        r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)""",
        r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""",
        r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->",
    ):
        m = re.search(pattern, html, re.I)
        if m and m.group(1).startswith(("http://", "https://")):
            return m.group(1)
    return ""


def page_language(html: str) -> str:
    """The page's declared language (``<html lang>`` or ``content-language``), e.g. ``en``."""
    m = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", html, re.I) or re.search(
        r"""<meta[^>]+http-equiv=["']content-language["'][^>]*content=["']([A-Za-z]{2,3})""",
        html,
        re.I,
    )
    return m.group(1).lower() if m else ""


def read_html(html: str, source: str, url: str = "") -> Article:
    """One article from an HTML page (``source`` names the file or URL in messages).

    Raises DocumentError when the page holds no article text (fewer than
    ``MIN_ARTICLE_CHARS`` characters once menus, navigation and boilerplate are removed).
    """
    try:
        doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    except (ParserError, ValueError) as err:
        raise DocumentError(source, f"not a readable HTML page ({err})") from None
    text = clean_text(doc.text or "") if doc else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise DocumentError(
            source,
            f"no article text found in the page ({len(text.strip())} characters after "
            f"removing navigation and boilerplate; at least {MIN_ARTICLE_CHARS} needed)",
        )
    url = url or (doc.url or "") or page_url(html)
    host = urlsplit(url).hostname or ""
    published, basis = _published(html, text, url)
    title = (doc.title or "").strip()
    return Article(
        text=text,
        source=source,
        title=title,
        outlet=(doc.sitename or "").strip() or host.removeprefix("www."),
        author=(doc.author or "").strip() or byline(text),
        published=published,
        published_basis=basis,
        url=url,
        language=(doc.language or "") or page_language(html),
    )


def _published(html: str, text: str, url: str) -> tuple[PartialDate | None, str]:
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True)
    except ValueError:
        found = None
    if found:
        return (
            PartialDate.parse(found),
            "the page's metadata (publication date in its meta tags or JSON-LD, read by htmldate)",
        )
    line = dateline_date(text)
    if line:
        return line[0], f'dateline in the text: "{line[1]}"'
    date = url_date(url)
    if date:
        return date, f"the date in the page's URL ({url})"
    return None, ""


def block_lines(html: str, source: str) -> list[str]:
    """The text of a page's block elements (paragraphs, headings, list items, table cells,
    and divisions with no block inside), one per line, in document order; for splitters."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as err:
        raise DocumentError(source, f"not a readable HTML page ({err})") from None
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "pre",
              "blockquote", "dt", "dd", "title"}  # fmt: skip
    lines = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag not in blocks or el.tag == "title":
            continue
        if any(isinstance(c.tag, str) and c.tag in blocks for c in el.iterdescendants()):
            continue
        for br in el.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for part in el.text_content().split("\n"):
            if part.strip():
                lines.append(re.sub(r"\s+", " ", part).strip())
    return lines
