"""Word ``.docx`` files with python-docx: the paragraphs' text, and the title from the
document properties or its first heading."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from pakus.errors import DocumentError
from pakus.ingest.article import Article
from pakus.ingest.text import byline, clean_text, dateline_date, first_line


def docx_paragraphs(data: bytes, source: str) -> tuple[list[str], str]:
    """The text of each paragraph, then of each table cell, and the document's
    title property. Raises DocumentError for a file that is not a Word .docx package."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise DocumentError(
            source, f"not a Word .docx file (not a valid Office Open XML package: {err})"
        ) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    headings = [p.text.strip() for p in document.paragraphs
                if p.style is not None and p.style.name in ("Title", "Heading 1") and p.text.strip()]  # fmt: skip
    title = (document.core_properties.title or "").strip() or (headings[0] if headings else "")
    return lines, title


def read_docx(data: bytes, source: str) -> Article:
    """One document from a .docx file's bytes. Raises DocumentError for a file that is not a
    .docx package or holds no text."""
    lines, title = docx_paragraphs(data, source)
    text = clean_text("\n".join(lines))
    if not text:
        raise DocumentError(source, "no text in the Word document")
    line = dateline_date(text)
    return Article(
        text=text,
        source=source,
        title=title or first_line(text),
        author=byline(text),
        published=line[0] if line else None,
        published_basis=f'dateline in the text: "{line[1]}"' if line else "",
    )
