"""``pakus add``: files, folders and URLs read into a corpus folder.

Each input is read by its kind (``.html``/``.htm``, ``.pdf``, ``.docx``, ``.txt``, a ``.txt``
list of URLs, an ``http(s)://`` address; a folder stands for the files of those kinds in it,
recursively, skipping hidden files and the ``*_files`` folders browsers save a page's images
in). A multi-article export is split (:mod:`pakus.ingest.splitters`). Each article gets a
readable id (:mod:`pakus.ingest.ids`); an article whose text is already in the corpus (the
same words, whatever the spacing and case) is not added again; reprints and near-duplicates
of each other or of documents already in the corpus are grouped
(:mod:`pakus.ingest.reprints`) and the reprint's row names its original in ``reprint_of``.
Everything is written at once and atomically (:mod:`pakus.ingest.store`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pakus.corpus import load_corpus, read_bytes, read_document
from pakus.errors import CorpusError, DocumentError
from pakus.ingest.article import Article
from pakus.ingest.docx import docx_paragraphs, read_docx
from pakus.ingest.html import block_lines, decode_html, read_html
from pakus.ingest.ids import base_id, unique_id
from pakus.ingest.pdf import read_pdf
from pakus.ingest.reprints import Text, group_reprints
from pakus.ingest.splitters import find_splitter
from pakus.ingest.store import Entry, read_rows, write_corpus
from pakus.ingest.text import byline, dateline_date, first_line, url_date
from pakus.ingest.urls import Fetcher, is_url, url_list

SUFFIXES = (".html", ".htm", ".pdf", ".docx", ".txt")
"""The file kinds ``pakus add`` reads."""
MAX_FILE_BYTES = 50_000_000
"""Largest input file read (bytes)."""
UNKNOWN_OUTLET = "unknown"
"""The outlet written when neither the document nor ``--outlet`` names one."""


@dataclass(frozen=True)
class Added:
    """A document added (or, in a dry run, that would be): its id, file and metadata."""

    id: str
    file: str
    article: Article
    reprint_of: str = ""


@dataclass(frozen=True)
class Duplicate:
    """An article not added because the same text is already in the corpus (or the batch)."""

    source: str
    same_as: str


@dataclass
class AddResult:
    added: list[Added] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    regrouped: dict[str, str] = field(default_factory=dict)
    """Documents already in the corpus now recorded as reprints of a new one: {id: original}."""


def expand(inputs: Iterable[str], exclude: Path | None = None) -> list[str]:
    """Inputs with each folder replaced by its readable files (sorted), in the given order;
    files inside ``exclude`` (the corpus folder itself) are left out."""
    out: list[str] = []
    skip = exclude.resolve() if exclude else None
    for item in inputs:
        path = Path(item)
        if is_url(item) or not path.is_dir():
            out.append(item)
            continue
        for found in sorted(path.rglob("*")):
            parts = found.relative_to(path).parts
            if any(p.startswith(".") or p.endswith("_files") for p in parts):
                continue
            if skip and found.resolve().is_relative_to(skip):
                continue
            if found.is_file() and found.suffix.lower() in SUFFIXES:
                out.append(str(found))
    return out


def fingerprint(text: str) -> str:
    """A hash of the text's words, lower-cased (so spacing and case do not matter)."""
    words = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def _read_bytes(path: Path) -> bytes:
    return read_bytes(path, MAX_FILE_BYTES)


def read_html_file(data: bytes, source: str, url: str = "") -> list[Article | DocumentError]:
    """The article(s) of an HTML page: split when it is a multi-article export."""
    html = decode_html(data, source)
    lines = block_lines(html, source)
    splitter = find_splitter(lines)
    if splitter:
        return splitter.split(lines, source)
    return [read_html(html, source, url)]


def read_docx_file(data: bytes, source: str) -> list[Article | DocumentError]:
    """The article(s) of a Word file: split when it is a multi-article export."""
    lines, _ = docx_paragraphs(data, source)
    splitter = find_splitter([x.strip() for x in lines if x.strip()])
    if splitter:
        return splitter.split([x.strip() for x in lines if x.strip()], source)
    return [read_docx(data, source)]


def text_article(text: str, source: str) -> Article:
    """A plain-text document: its text as written, title from its first line, date from a
    dateline."""
    text = text.replace("\r\n", "\n").strip() + "\n"
    line = dateline_date(text)
    return Article(
        text=text,
        source=source,
        title=first_line(text),
        author=byline(text),
        published=line[0] if line else None,
        published_basis=f'dateline in the text: "{line[1]}"' if line else "",
    )


def read_input(item: str, fetcher: Fetcher) -> list[Article | DocumentError]:
    """The articles of one file or URL, or the errors that kept them out."""
    try:
        if is_url(item):
            return _read_url(item, fetcher, item)
        path = Path(item)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            return read_html_file(_read_bytes(path), item)
        if suffix == ".pdf":
            return [read_pdf(_read_bytes(path), item)]
        if suffix == ".docx":
            return read_docx_file(_read_bytes(path), item)
        if suffix == ".txt":
            text = read_document(path)
            urls = url_list(text)
            if urls is None:
                return [text_article(text, item)]
            out: list[Article | DocumentError] = []
            for n, url in enumerate(urls, 1):
                out += _read_url(url, fetcher, f"{url} ({item}, URL {n})")
            return out
        if not path.exists():
            raise DocumentError(item, "file not found")
        raise DocumentError(
            item,
            f"unsupported file type '{suffix or '(none)'}'; pakus add reads "
            f"{', '.join(SUFFIXES)}, URL lists (.txt) and http(s) addresses",
        )
    except DocumentError as err:
        return [err]
    except RecursionError:
        return [DocumentError(item, "could not be read (nested too deeply to parse)")]
    except Exception as err:  # a parser's own failure on a malformed file: this input only
        return [DocumentError(item, f"could not be read ({type(err).__name__}: {err})")]


def _read_url(url: str, fetcher: Fetcher, source: str) -> list[Article | DocumentError]:
    try:
        reply = fetcher.fetch(url)
    except DocumentError as err:
        return [DocumentError(source, err.problem)]
    kind = reply.content_type
    path = reply.url.split("?")[0].lower()
    try:
        if kind == "application/pdf" or path.endswith(".pdf"):
            articles: list[Article | DocumentError] = [read_pdf(reply.data, source)]
        elif "wordprocessingml" in kind or path.endswith(".docx"):
            articles = read_docx_file(reply.data, source)
        elif kind == "text/plain":
            try:
                articles = [text_article(reply.data.decode("utf-8"), source)]
            except UnicodeDecodeError:
                raise DocumentError(source, "plain text that is not UTF-8") from None
        else:
            articles = read_html_file(reply.data, source, reply.url)
    except DocumentError as err:
        return [err]
    host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://([^/:]+).*$", r"\1", reply.url, flags=re.I))
    out: list[Article | DocumentError] = []
    for a in articles:
        if isinstance(a, Article):
            a = replace(a, url=a.url or reply.url, outlet=a.outlet or host)
            if a.published is None and url_date(reply.url):
                a = replace(a, published=url_date(reply.url),
                            published_basis=f"the date in the page's URL ({reply.url})")  # fmt: skip
        out.append(a)
    return out


def _row(a: Added) -> dict[str, str]:
    art = a.article
    return {
        "id": a.id, "file": a.file, "title": art.title, "outlet": art.outlet,
        "author": art.author, "published": art.published.iso() if art.published else "",
        "published_basis": art.published_basis, "url": art.url, "language": art.language,
        "reprint_of": a.reprint_of,
    }  # fmt: skip


def add(
    inputs: Iterable[str],
    corpus_dir: Path | str,
    dry_run: bool = False,
    fetcher: Fetcher | None = None,
    outlet: str = "",
    progress: Callable[[list[str]], Iterable[str]] = lambda items: items,
) -> AddResult:
    """Read ``inputs`` (files, folders, URLs) into the corpus folder ``corpus_dir`` (created
    if missing); with ``dry_run`` nothing is written. ``outlet`` names the outlet of documents
    that do not name one. Bad inputs are in ``errors``, each naming its file or URL; the others
    are still added. Raises CorpusError when the corpus's ``corpus.csv`` cannot be read or a
    new row fails its validation (then nothing is written)."""
    folder = Path(corpus_dir)
    fetcher = fetcher or Fetcher()
    result = AddResult()
    existing = load_corpus(folder).documents if folder.is_dir() else []
    _, rows = read_rows(folder / "corpus.csv")
    taken = {r.get("id", "") for r in rows} | {Path(r.get("file", "")).stem for r in rows}
    if folder.is_dir():
        taken |= {p.stem for p in folder.glob("*.txt")}
    seen = {fingerprint(d.text): d.id for d in existing}
    for item in progress(expand(inputs, folder)):
        for article in read_input(item, fetcher):
            if isinstance(article, DocumentError):
                result.errors.append(article)
                continue
            if not article.outlet:
                article = replace(article, outlet=outlet or UNKNOWN_OUTLET)
            if not article.title:
                stem = Path(article.source.split("#")[0]).stem.replace("_", " ")
                article = replace(article, title=first_line(article.text) or stem or "untitled")
            key = fingerprint(article.text)
            if key in seen:
                result.duplicates.append(Duplicate(article.source, seen[key]))
                continue
            doc_id = unique_id(base_id(article), taken)
            taken.add(doc_id)
            seen[key] = doc_id
            result.added.append(Added(doc_id, f"{doc_id}.txt", article))
    _group(result, existing, {r.get("id", ""): r.get("reprint_of", "") for r in rows})
    if not dry_run and result.added:
        entries = [Entry(_row(a), a.article.text) for a in result.added]
        updates = {k: {"reprint_of": v} for k, v in result.regrouped.items()}
        write_corpus(folder, entries, updates)
    return result


def _group(result: AddResult, existing: list, recorded: dict[str, str]) -> None:
    """Set ``reprint_of`` of the new documents, and of documents already in the corpus that
    turn out to be reprints of a new one (where their row names none)."""
    if not result.added:
        return
    texts = [Text(d.id, d.text, d.published) for d in existing]
    texts += [Text(a.id, a.article.text, a.article.published) for a in result.added]
    groups = group_reprints(texts)
    new = {a.id for a in result.added}
    result.added[:] = [replace(a, reprint_of=groups.get(a.id, "")) for a in result.added]
    for doc, original in groups.items():
        if doc not in new and original in new and not recorded.get(doc):
            result.regrouped[doc] = original


__all__ = ["AddResult", "Added", "CorpusError", "Duplicate", "add", "expand"]
