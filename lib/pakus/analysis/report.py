"""What a notebook shows a reader: Findings text safe for MathJax, Sources tables with full
quotes, money as printed and documents named by outlet and date, and citations of every
source as BibTeX and CSL-JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pakus.extract.amounts import usd_text
from pakus.reference import read_table

__all__ = [
    "bibtex",
    "corrections_note",
    "csl_json",
    "document_names",
    "export_citations",
    "markdown_safe",
    "money",
    "setup_display",
    "sources_table",
]  # fmt: skip


def markdown_safe(text: str) -> str:
    """Markdown whose dollar signs are escaped (``\\$``), so that Jupyter's MathJax does not
    typeset the words between two amounts as mathematics."""
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def money(usd: float | None) -> str:
    """US dollars as documents write them ($450 million); ``""`` for none."""
    return "" if usd is None or pd.isna(usd) else usd_text(float(usd))


def document_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc id → "Outlet, published date" (the id where the outlet is unknown), made unique
    with the id where two documents share both."""
    names = {}
    for r in documents.itertuples():
        label = ", ".join(x for x in (r.outlet, r.published) if x) or r.doc
        names[r.doc] = label
    counts = pd.Series(list(names.values())).value_counts()
    return {d: (n if counts[n] == 1 else f"{n} ({d})") for d, n in names.items()}


def sources_table(rows: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every fact used, for a notebook's Sources: the document by outlet and date, its title,
    the fact's date and type, money as printed, and the full quote with its offsets."""
    names = document_names(documents)
    meta = documents.set_index("doc")[["title"]]
    out = rows.join(meta, on="doc")
    out = out.assign(document=out["doc"].map(names))
    if "usd" in out:
        out["usd"] = out["usd"].map(money)
    columns = [c for c in ("document", "title", "date", "type", "usd", "quote", "doc", "start", "end")
               if c in out]  # fmt: skip
    return out.sort_values(["doc", "start"])[columns].reset_index(drop=True)


def _key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:40] or "ref"


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", str(text))


def _reference_sources(tables: Iterable[str]) -> list[tuple[str, str]]:
    """(table, source) for each distinct source cell of the reference tables named."""
    out = []
    for name in tables:
        table = read_table(name)
        for source in dict.fromkeys(s for s in table.get("source", []) if s):
            out.append((name, source))
    return out


def csl_json(documents: pd.DataFrame, tables: Iterable[str] = ()) -> list[dict]:
    """CSL-JSON items: one per document (title, outlet as container, author, issued date,
    URL where the corpus gives one) and one per distinct source of each reference table."""
    items = []
    for r in documents.sort_values("doc").itertuples():
        item = {"id": r.doc, "type": "article-newspaper", "title": r.title,
                "container-title": r.outlet}  # fmt: skip
        if r.author:
            item["author"] = [{"literal": r.author}]
        if r.published:
            item["issued"] = {"date-parts": [[int(x) for x in r.published.split("-")]]}
        url = getattr(r, "url", "")
        if isinstance(url, str) and url:
            item["URL"] = url
        items.append(item)
    for k, (table, source) in enumerate(_reference_sources(tables), start=1):
        urls = re.findall(r"https?://\S+", source)
        item = {"id": f"{table}-{k}", "type": "document", "title": source,
                "note": f"source of pakus/data/reference/{table}.csv"}  # fmt: skip
        if urls:
            item["URL"] = urls[0]
        items.append(item)
    return items


def bibtex(documents: pd.DataFrame, tables: Iterable[str] = ()) -> str:
    """The same items as :func:`csl_json`, as BibTeX (``@article`` for documents, ``@misc``
    for reference-table sources)."""
    entries = []
    for item in csl_json(documents, tables):
        fields = {"title": item["title"]}
        kind = "misc"
        if item["type"] == "article-newspaper":
            kind = "article"
            fields["journal"] = item["container-title"]
            if "author" in item:
                fields["author"] = "{" + item["author"][0]["literal"] + "}"
            if "issued" in item:
                parts = item["issued"]["date-parts"][0]
                fields["year"] = str(parts[0])
                if len(parts) > 1:
                    fields["month"] = str(parts[1])
                if len(parts) > 2:
                    fields["day"] = str(parts[2])
        else:
            fields["note"] = item["note"]
        if "URL" in item:
            fields["url"] = item["URL"]
        body = ",\n".join(
            f"  {k} = {{{v if k in ('url', 'author') else _bib_escape(v)}}}"
            for k, v in fields.items()
        )
        entries.append(f"@{kind}{{{_key(item['id'])},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def export_citations(documents: pd.DataFrame, tables: Iterable[str], folder: Path | str,
                     name: str) -> list[Path]:  # fmt: skip
    """Write ``<folder>/<name>.bib`` and ``<name>.csl.json`` for the documents and reference
    tables a notebook used; return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = list(tables)
    bib, csl = out / f"{name}.bib", out / f"{name}.csl.json"
    bib.write_text(bibtex(documents, tables), encoding="utf-8")
    csl.write_text(json.dumps(csl_json(documents, tables), indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")  # fmt: skip
    return [bib, csl]


def setup_display() -> None:
    """Tables show every quote in full (pandas would cut cells at 50 characters with "…")."""
    pd.set_option("display.max_colwidth", None)


def problems_note(problems: pd.DataFrame) -> str:
    """One line saying what of the corpus folder was left out of the tables (the ``problems``
    table's skipped rows: unreadable files, refused ``corpus.csv`` rows, documents over the
    time budget) and how many notes were made, so that a count of documents is never read
    as the whole folder; the rows themselves are in ``problems.csv`` beside the tables."""
    if problems.empty:
        return "Left out: nothing (every document of the corpus folder was read)."
    skipped = problems[problems["skipped"].astype(bool)]
    notes = len(problems) - len(skipped)
    if skipped.empty:
        return f"Left out: nothing; {notes} note(s) on the corpus (see problems.csv)."
    where = sorted({Path(p).name for p in skipped["path"]})
    return (
        f"Left out: {len(skipped)} problem(s) kept document(s) or corpus.csv row(s) out of the "
        f"tables ({', '.join(where)}); {notes} note(s); each is listed in problems.csv."
    )


def corrections_note(corrections: pd.DataFrame) -> str:
    """One line saying whether researchers' corrections (``corrections.csv`` in the corpus
    folder, ``pakus.corrections``) were applied, and how many changed something."""
    if corrections.empty:
        return "Corrections: none (no corrections.csv in the corpus folder); the machine coding is shown as extracted."
    changed = int((~corrections["effect"].str.contains("nothing changed")).sum())
    return (
        f"Corrections: {len(corrections)} reviewed row(s) of corrections.csv applied, "
        f"{changed} of them changed the facts (see the corrections table)."
    )
