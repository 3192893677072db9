"""The ``pakus`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pakus import __version__
from pakus.dates import PartialDate
from pakus.errors import CorpusError, DocumentError, OutputError, ParameterError
from pakus.reference import project_root

DEFAULT_KINDS = ("entity", "amount", "event")
ALL_KINDS = ("entity", "date", "amount", "count", "event")
# fields each kind prints, after doc, kind, start, end, quote
_FIELDS = {
    "entity": ("id", "name", "type", "affiliation", "country", "sector", "method"),
    "date": (
        "date", "precision", "date_start", "date_end", "relative", "anchor", "note", "fiscal_year",
        "fiscal_calendar", "label",
    ),
    "amount": (
        "usd", "usd_max", "currency", "value", "value_max", "qualifier", "purpose", "category",
        "program", "fiscal_year", "role", "whole",
    ),
    "count": ("count", "unit"),
    "event": (
        "date", "precision", "type", "mode", "actors", "programs", "countries", "trigger", "source_actor", "target_actor",
        "source_country", "target_country", "source_sector", "target_sector", "intensity", "quad", "context", "negated", "modality",
    ),
}  # fmt: skip


def _iso_date(value: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid date ({err})") from None


def _kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in ALL_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(ALL_KINDS)}"
        )
    return kinds


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a number of processes (a whole number; 0 for one per core)"
        )
    return jobs


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds (0 or more)")
    return seconds


class _Command(argparse.ArgumentParser):
    """A subcommand's parser: an argument it does not know is its own error, shown with its
    own usage (``pakus build: error: unrecognized arguments: --frobnicate``), where argparse
    would pass it up to ``pakus``'s and show the top-level usage."""

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pakus",
        description="Sourced, normalised facts about US–Pakistan security relations.",
    )
    p.add_argument("--version", action="version", version=f"pakus {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Command)

    ex = sub.add_parser(
        "extract",
        help="print the facts of plain-text documents as JSON Lines",
        description=(
            "Read plain-text UTF-8 documents (in the corpus or not) and print one JSON object "
            "per fact on stdout: doc, kind, start, end, quote (text[start:end] == quote), and "
            "id/name/type for entities, usd for amounts, date/type/actors for events. A file "
            "listed in corpus.csv in its own folder takes its published date from there; "
            "--published overrides it. Without a published date, relative dates stay "
            "unresolved and are reported on stderr, as is a published date after today. A file "
            "that cannot be read (missing, no read permission, not UTF-8 text) is reported on "
            "stderr and the others are still processed; the exit status is then 1."
        ),
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="plain-text files")
    ex.add_argument(
        "--published", type=_iso_date, metavar="DATE",
        help="published date (YYYY, YYYY-MM or YYYY-MM-DD) to resolve relative dates against",
    )  # fmt: skip
    ex.add_argument(
        "--kinds", type=_kinds, default=DEFAULT_KINDS, metavar="K[,K…]",
        help=f"which facts to print (default {','.join(DEFAULT_KINDS)}; also date, count)",
    )  # fmt: skip

    bd = sub.add_parser(
        "build",
        help="extract the whole corpus and write the fact tables",
        description=(
            "Read every document of the corpus folder (with corpus.csv), extract its facts and "
            "write documents, entities, dates, amounts, counts, events and problems as CSV and "
            "Parquet, with a data dictionary. Rows are sorted, so the same inputs give "
            "byte-identical files. Documents that cannot be read are listed with the reason; "
            "the exit status is then 1."
        ),
    )
    root = project_root()
    bd.add_argument("--corpus", type=Path, default=root / "data" / "raw", help="corpus folder")
    bd.add_argument(
        "--out", type=Path, default=None,
        help="output folder (default: beside the corpus — `processed` next to a folder named "
        "`raw`, as data/raw → data/processed, else `<corpus>-processed` next to it)",
    )  # fmt: skip
    bd.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    bd.add_argument(
        "--jobs", type=_jobs, default=None, metavar="N",
        help="extract in N processes (default 1; 0: one per core; with --scheduler processes "
        "or threads, its workers, default one per core); the tables are the same",
    )  # fmt: skip
    bd.add_argument(
        "--scheduler", metavar="S", default=None,
        help="extract with Dask: 'processes', 'threads', or a scheduler's address "
        "(tcp://host:8786) to use a cluster; the tables are the same as in one process",
    )  # fmt: skip
    bd.add_argument(
        "--no-cache", dest="cache", action="store_false",
        help="extract every document again instead of reusing the extraction cache",
    )  # fmt: skip
    bd.add_argument(
        "--cache", dest="cache_dir", type=Path, default=None, metavar="DIR",
        help="the extraction cache's folder (default: OUT/.cache)",
    )  # fmt: skip
    bd.add_argument(
        "--budget", type=_seconds, default=None, metavar="SECONDS",
        help="skip (and report) a document whose extraction takes longer than this "
        "(default 120; 0: no limit)",
    )  # fmt: skip
    bd.add_argument(
        "--wait", type=_seconds, default=0.0, metavar="SECONDS",
        help="when another build is writing OUT, wait this long for it before giving up "
        "(default 0: give up at once)",
    )  # fmt: skip
    ad = sub.add_parser(
        "add",
        help="read web pages, PDFs, Word files, text files and URLs into a corpus folder",
        description=(
            "Read each PATH_OR_URL (.html/.htm, .pdf, .docx, .txt, a .txt list of URLs, an "
            "http(s) address, or a folder of such files) and add it to the corpus folder: "
            "its text as DIR/<id>.txt and a validated row in DIR/corpus.csv with title, "
            "outlet, author, published date (only as precise as known) and what fixes it. "
            "Multi-article exports are split; a text already in the corpus is not added "
            "again; reprints are recorded in reprint_of. A file or URL that cannot be read is "
            "reported on stderr with the problem and the others are still added (exit "
            "status 1). Nothing is half-written."
        ),
    )
    ad.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files, folders or URLs")
    ad.add_argument("--corpus", type=Path, default=root / "data" / "raw", help="corpus folder")
    ad.add_argument(
        "--dry-run", action="store_true", help="show what would be added; write nothing"
    )
    ad.add_argument("--outlet", default="", help="outlet for documents that do not name one")
    ad.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                    help="seconds to wait for a web server (default 20)")  # fmt: skip
    ex2 = sub.add_parser(
        "export",
        help="export the facts for other tools",
        description="Write events told as done in the POLECAT column layout (CSV), with pakus's "
        "provenance columns (document, offsets, quote) at the end, so they can be merged with POLECAT.",
    )
    ex2.add_argument("format", choices=["polecat"], help="the layout to write")
    ex2.add_argument("--corpus", type=Path, default=root / "data" / "raw", help="corpus folder")
    ex2.add_argument("--out", default=None,
                     help="output CSV file, or a folder to write events_polecat.csv in (default: "
                     "the corpus's tables folder, where pakus build writes: data/processed for "
                     "data/raw, else DIR-processed beside the corpus)")  # fmt: skip
    return p


POLECAT_FILE = "events_polecat.csv"
"""The name ``pakus export polecat`` gives its table inside a folder (``--out FOLDER``)."""


def _export_path(out: str) -> Path:
    """Where the export goes: ``out`` itself, or ``POLECAT_FILE`` inside it when ``out`` is a
    folder (an existing one, or one written with a trailing separator, as ``build`` takes)."""
    if Path(out).is_dir() or out.endswith(("/", os.sep)):
        return Path(out) / POLECAT_FILE
    return Path(out)


def _export(args: argparse.Namespace) -> int:
    from pakus.build import corpus_tables, default_out
    from pakus.export import polecat_events

    try:
        corpus, tables = corpus_tables(args.corpus)
    except CorpusError as err:
        print(f"pakus export: {err}", file=sys.stderr)
        return 1
    frame = polecat_events(tables["events"], tables["entities"], tables["documents"])
    out = _export_path(args.out) if args.out else default_out(args.corpus) / POLECAT_FILE
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(out, index=False, lineterminator="\n")
    except OSError as err:
        print(f"pakus export: cannot write {out}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(f"wrote {len(frame)} events in the POLECAT layout to {out}")
    for line in problem_lines(corpus.skipped):
        print(f"pakus export: {line}", file=sys.stderr)
    return 1 if corpus.skipped else 0


def _extract(args: argparse.Namespace) -> int:
    from pakus.corpus import metadata_for, read_document
    from pakus.extract import extract_text, issuer_of

    status = 0
    out = sys.stdout
    for path in args.paths:
        try:
            text = read_document(path)
        except DocumentError as err:
            print(f"pakus extract: {err}", file=sys.stderr)
            status = 1
            continue
        published = args.published
        meta = metadata_for(path)
        if published is None:
            published = meta.published if meta else None
        if published is not None and published.first_day() > date.today():
            print(
                f"pakus extract: {path}: published {published.iso()}, after today", file=sys.stderr
            )
        issuer = issuer_of(meta) if meta else None
        result = extract_text(text, path.name, published, issuer=issuer)
        for note in result.notes:
            print(f"pakus extract: {note}", file=sys.stderr)
        rows = []
        for kind in args.kinds:
            for rec in result.records(kind):
                row = {k: rec[k] for k in ("doc", "kind", "start", "end", "quote")}
                row.update({k: rec[k] for k in _FIELDS[kind]})
                rows.append(row)
        rows.sort(key=lambda r: (r["start"], ALL_KINDS.index(r["kind"]), r["end"]))
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return status


def _refused_rows(problems) -> dict[tuple[str, int], list]:
    """The skipped problems of ``corpus.csv`` rows, by (file of the table, row number)."""
    rows: dict[tuple[str, int], list] = {}
    for p in problems:
        if p.skipped and p.row is not None:
            rows.setdefault((p.path, p.row), []).append(p)
    return rows


def problem_lines(problems) -> list[str]:
    """One line per skipped document or refused ``corpus.csv`` row (its problems joined, and
    the file the row names, which is left out), and one per note: ``skipped: PATH: …``."""
    lines, done = [], set()
    refused = _refused_rows(problems)
    for p in problems:
        if p.skipped and p.row is not None:
            if (p.path, p.row) in done:
                continue
            done.add((p.path, p.row))
            group = refused[(p.path, p.row)]
            file = next((q.file for q in group if q.file), "")
            also = f" (its file {file} is left out)" if file else ""
            lines.append(f"skipped: {p.path}: {'; '.join(q.message for q in group)}{also}")
        else:
            lines.append(f"{'skipped' if p.skipped else 'note'}: {p}")
    return lines


def skipped_summary(skipped) -> str:
    """The summary's count of what was left out: refused ``corpus.csv`` rows (rows, not
    problems: a row with two bad cells is one) with the files they name, then the other
    documents skipped (unreadable, over the time budget, …) with theirs."""
    refused = _refused_rows(skipped)
    others = [p for p in skipped if p.row is None]
    if not refused and not others:
        return "0 skipped"
    parts = []
    if refused:
        files = dict.fromkeys(
            next((q.file for q in g if q.file), f"row {r}") for (_, r), g in refused.items()
        )
        parts.append(f"{len(refused)} corpus.csv row(s) refused, so {', '.join(files)} not built")
    if others:
        names = [Path(p.path).name for p in others]
        parts.append(f"{len(others)} document(s) skipped ({', '.join(names)})")
    return "; ".join(parts) + ", each listed on stderr with its problem"


def _build(args: argparse.Namespace) -> int:
    from pakus.build import build, default_out
    from pakus.runner import DEFAULT_BUDGET_S

    if args.out is None:
        args.out = default_out(args.corpus)
    budget = DEFAULT_BUDGET_S if args.budget is None else args.budget
    try:
        result = build(
            args.corpus, args.out, progress=not args.quiet, jobs=args.jobs,
            scheduler=args.scheduler, cache=args.cache, cache_dir=args.cache_dir,
            budget=budget, wait=args.wait,
        )  # fmt: skip
    except (CorpusError, OutputError, ParameterError) as err:
        print(f"pakus build: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"pakus build: {err.filename or args.out}: {err.strerror or err}", file=sys.stderr)
        return 1
    for line in problem_lines(result.corpus.problems):
        print(f"pakus build: {line}", file=sys.stderr)
    if not args.quiet:
        n, t = result.rows, result.tables
        print(
            f"built {n['documents']} document(s) into {args.out}: "
            f"{n['entities']} entity mentions, {n['dates']} date expressions, "
            f"{n['amounts']} amounts, {n['counts']} counts, {n['events']} events; "
            f"{n['facts']} facts ({int(t['facts']['corroborated'].sum())} corroborated), "
            f"{t['conflicts']['fact_id'].nunique()} with conflicting sources, {n['flags']} flags; "
            f"{skipped_summary(result.corpus.skipped)}; {result.cache_hits} from the cache"
        )
    corrections = result.tables.get("corrections")
    for c in corrections.itertuples() if corrections is not None else ():
        print(f"pakus build: correction ({c.who}: {c.why}): {c.action} {c.doc}:{c.start}: {c.effect}",
              file=sys.stderr)  # fmt: skip
    return 1 if result.corpus.skipped else 0


def _add(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pakus.ingest.add import add
    from pakus.ingest.urls import Fetcher

    def bar(items: list[str]):
        return tqdm(items, desc="adding", unit="file", disable=not sys.stderr.isatty(), leave=False)

    try:
        result = add(args.inputs, args.corpus, dry_run=args.dry_run,
                     fetcher=Fetcher(timeout=args.timeout), outlet=args.outlet, progress=bar)  # fmt: skip
    except CorpusError as err:
        print(f"pakus add: {err}", file=sys.stderr)
        return 1
    verb = "would add" if args.dry_run else "added"
    for a in result.added:
        art = a.article
        date = f"{art.published.iso()} ({art.published_basis})" if art.published else "undated"
        reprint = f"; reprint of {a.reprint_of}" if a.reprint_of else ""
        print(f"{verb} {a.id}: {art.title!r}, {art.outlet}, {date}{reprint} <- {art.source}")
    for doc, original in result.regrouped.items():
        print(f"{'would record' if args.dry_run else 'recorded'} {doc} as a reprint of {original}")
    for d in result.duplicates:
        print(f"pakus add: not added: {d.source}: the same text is already in the corpus as {d.same_as}",
              file=sys.stderr)  # fmt: skip
    for err in result.errors:
        print(f"pakus add: {err}", file=sys.stderr)
    reprints = sum(1 for a in result.added if a.reprint_of)
    print(
        f"{verb} {len(result.added)} document(s) to {args.corpus} ({reprints} reprint(s)); "
        f"{len(result.duplicates)} already present; {len(result.errors)} could not be read"
    )
    return 1 if result.errors else 0


ARROW_POOL = "system"
"""The Arrow allocator of the command (``ARROW_DEFAULT_MEMORY_POOL`` unless set): Arrow's
default, mimalloc, keeps memory each batch of a build freed, so that the resident memory
grew with the corpus (measured in benchmarks/build_scale.py); it is read when pyarrow is
first imported, hence set here, before any command imports it."""


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    args = parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "export":
            return _export(args)
        if args.command == "add":
            return _add(args)
        return _build(args)
    except BrokenPipeError:  # the reader (e.g. `head`) went away: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1


if __name__ == "__main__":
    sys.exit(main())
