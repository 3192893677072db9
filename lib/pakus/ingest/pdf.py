"""PDF files (reports, releases, hearings): text with pypdf, pages joined, hyphenation at line
ends repaired, running headers and footers dropped.

- **Running headers and footers**: a line among the first or last ``EDGE_LINES`` lines of a
  page is dropped when the same line, with its digits masked (``Page 3 of 9`` = ``Page 7 of
  9``), is at the top or bottom of at least half the pages (and at least two); a line that is
  only a page number is dropped everywhere at a page's edge.
- **Hyphenation**: ``govern-`` at a line end followed by ``ment`` becomes ``government``;
  the hyphen is kept when the document writes the hyphenated form elsewhere and never the
  joined one (``well-`` ``known`` → ``well-known``).
- **Lines and pages**: a line is joined to the next with a space unless it is markedly
  shorter than the page's typical line (then a paragraph, or a heading, ends there); a page
  whose last paragraph does not end a sentence continues onto the next page.
- **Metadata**: title and author from the document information; the published date from a
  dateline in the first lines, else the document's creation date (``/CreationDate``).
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.article import Article
from pakus.ingest.text import byline, clean_text, dateline_date, first_line

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running headers/footers."""
SHORT_LINE = 0.75
"""A line shorter than this share of the page's median line length ends a paragraph."""
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[\divxlc]+(?:\s+(?:of|/)\s+\d+)?$", re.I)


def read_pdf(data: bytes, source: str) -> Article:
    """One document from a PDF's bytes (``source`` names it in messages).

    Raises DocumentError for a file that is not a PDF, an encrypted PDF that needs a
    password, and a PDF with no text layer (scanned pages, images only).
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(source, "encrypted PDF: it needs a password to be read")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError(source, "encrypted PDF: it needs a password to be read") from None
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise DocumentError(source, f"not a readable PDF ({err})") from None
    text = clean_text(join_pages(pages))
    if not text.strip():
        raise DocumentError(
            source,
            f"no text layer in the PDF ({len(pages)} page(s) of images only, e.g. a scan): "
            "run OCR on it first",
        )
    title = str(info.title or "").strip() if info else ""
    author = str(info.author or "").strip() if info else ""
    published, basis = None, ""
    line = dateline_date(text)
    if line:
        published, basis = line[0], f'dateline in the text: "{line[1]}"'
    elif info is not None and _creation_date(info):
        published = _creation_date(info)
        basis = "the PDF's metadata (its creation date, /CreationDate)"
    return Article(
        text=text,
        source=source,
        title=title or first_line(text),
        author=author or byline(text),
        published=published,
        published_basis=basis,
    )


def _creation_date(info) -> PartialDate | None:
    try:
        created = info.creation_date
    except (ValueError, TypeError):
        return None
    return PartialDate.from_date(created.date()) if created else None


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without its running headers, footers and page numbers."""
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_mask(x) for x in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    running = {m for m, n in edges.items() if n >= 2 and n * 2 >= len(pages)}
    out = []
    for lines in pages:
        keep = list(lines)
        for i in [*range(min(EDGE_LINES, len(lines))), *range(len(lines) - EDGE_LINES, len(lines))]:
            if i >= 0 and (_mask(lines[i]) in running or _PAGE_NUMBER.match(lines[i].strip())):
                keep[i] = None  # type: ignore[call-overload]
        out.append([x for x in keep if x is not None])
    return out


def repair_hyphenation(text: str) -> str:
    """Join words split by a hyphen at a line end (see the module docstring)."""
    words = set(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text))

    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        hyphenated = f"{left}-{right}"
        if hyphenated in words and f"{left}{right}" not in words:
            return hyphenated
        return f"{left}{right}"

    return re.sub(r"([A-Za-z]+)-[ \t]*\n[ \t]*([a-z][A-Za-z]*)", join, text)


def join_pages(pages: list[str]) -> str:
    """The pages' text as paragraphs (blank-line separated), headers and footers dropped,
    hyphenation repaired, wrapped lines joined."""
    split = drop_running_lines([[x for x in p.splitlines() if x.strip()] for p in pages])
    paragraphs: list[str] = []
    open_paragraph = False
    for lines in split:
        if not lines:
            continue
        text = repair_hyphenation("\n".join(lines))
        lines = text.split("\n")
        typical = statistics.median(len(x) for x in lines)
        current: list[str] = []
        if open_paragraph and paragraphs:
            current = [paragraphs.pop()]
        for line in lines:
            current.append(line.strip())
            if len(line.strip()) < SHORT_LINE * typical:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        open_paragraph = bool(current) and not re.search(r"[.!?\"”’]$", current[-1])
    return "\n\n".join(paragraphs)
