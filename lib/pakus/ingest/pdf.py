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
import logging
import re
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
"""A line shorter than this share of the page's typical full line ends a paragraph."""
TYPICAL_QUANTILE = 0.8
"""The page's typical full line: this quantile of its line lengths (most lines of running
text are full; the last line of each paragraph is short)."""
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[\divxlc]+(?:\s+(?:of|/)\s+\d+)?$", re.I)


def read_pdf(data: bytes, source: str) -> Article:
    """One document from a PDF's bytes (``source`` names it in messages).

    Raises DocumentError for a file that is not a PDF, an encrypted PDF that needs a
    password, and a PDF with no text layer (scanned pages, images only).
    """
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the one-line error below says what is wrong
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(source, "encrypted PDF: it needs a password to be read")
        pages = [page_lines(page) for page in reader.pages]
        info = reader.metadata
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError(source, "encrypted PDF: it needs a password to be read") from None
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise DocumentError(source, f"not a readable PDF ({err})") from None
    finally:
        quiet.setLevel(level)
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


def _squeeze(lines: list[str]) -> list[str]:
    return [re.sub(r"\s+", " ", x).strip() for x in lines if x.strip()]


def page_lines(page) -> tuple[list[str], bool]:
    """A pypdf page's lines, and whether its paragraph breaks are known.

    pypdf's layout mode renders vertical gaps as blank lines (``""`` here); it is used when it
    gives the same lines as the plain mode (a single column). Otherwise (columns side by
    side) the plain mode's lines are returned, without breaks."""
    plain = page.extract_text() or ""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except (ValueError, KeyError, IndexError, ZeroDivisionError):
        layout = ""
    if layout and _squeeze(layout.splitlines()) == _squeeze(plain.splitlines()):
        lines = [re.sub(r"\s+", " ", x).strip() for x in layout.splitlines()]
        return lines, True
    return _squeeze(plain.splitlines()), False


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without its running headers, footers and page numbers (``""``
    lines, paragraph gaps, are kept but do not count as a page's first or last lines)."""
    edges: Counter[str] = Counter()
    for lines in pages:
        text = [x for x in lines if x]
        edges.update({_mask(x) for x in text[:EDGE_LINES] + text[-EDGE_LINES:]})
    running = {m for m, n in edges.items() if n >= 2 and n * 2 >= len(pages)}
    out = []
    for lines in pages:
        at = [i for i, x in enumerate(lines) if x]
        edge = set(at[:EDGE_LINES] + at[-EDGE_LINES:])
        out.append([
            x for i, x in enumerate(lines)
            if i not in edge or not (_mask(x) in running or _PAGE_NUMBER.match(x.strip()))
        ])  # fmt: skip
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


def _trim(lines: list[str]) -> list[str]:
    """Lines without the page's leading and trailing gaps."""
    at = [i for i, x in enumerate(lines) if x]
    return lines[at[0] : at[-1] + 1] if at else []


def join_pages(pages: list[tuple[list[str], bool]]) -> str:
    """The pages' text as paragraphs (blank-line separated), headers and footers dropped,
    hyphenation repaired, wrapped lines joined; each page is (lines, whether its paragraph
    breaks are known: ``""`` lines)."""
    kept = drop_running_lines([lines for lines, _ in pages])
    kept = [_trim(lines) for lines in kept]
    text = repair_hyphenation("\n\f\n".join("\n".join(lines) for lines in kept))
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for (_, known), page in zip(pages, text.split("\n\f\n"), strict=True):
        lines = page.split("\n")
        lengths = sorted(len(x) for x in lines if x)
        typical = lengths[int(TYPICAL_QUANTILE * (len(lengths) - 1))] if lengths else 0
        if current and re.search(r"[.!?\"”’]$", current[-1]):
            flush()  # the page before ended its paragraph
        for line in lines:
            if not line:
                flush()
                continue
            current.append(line)
            if not known and len(line) < SHORT_LINE * typical:
                flush()
    flush()
    return "\n\n".join(paragraphs)
