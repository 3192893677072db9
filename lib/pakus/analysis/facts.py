"""Fact tables for a corpus folder, and the checks every notebook parameter goes through."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from pakus.build import BUILD_STAMP, build, build_stamp, default_out
from pakus.dates import PartialDate
from pakus.errors import ParameterError
from pakus.reconcile import asserted, dated_events, independent_sources, split
from pakus.reference import project_root

__all__ = [
    "FREQUENCIES", "PERIOD_CODES", "Facts", "asserted", "built_folder", "check_choice",
    "check_flag", "check_period", "check_positive_int", "check_subset", "dated_events",
    "load_facts", "parse_bound", "resolve_corpus", "sources_table", "split", "within",
]  # fmt: skip

FREQUENCIES = ("year", "quarter", "month")
"""The periods an analysis counts by."""
PERIOD_CODES = {"year": "Y", "quarter": "Q", "month": "M"}
"""The pandas period code of each frequency (``Series.dt.to_period``)."""


@dataclass(frozen=True)
class Facts:
    """The fact tables of one corpus (see ``pakus.tables`` for their columns)."""

    folder: Path
    documents: pd.DataFrame
    entities: pd.DataFrame
    events: pd.DataFrame
    amounts: pd.DataFrame
    problems: pd.DataFrame
    facts: pd.DataFrame
    fact_sources: pd.DataFrame
    conflicts: pd.DataFrame
    flags: pd.DataFrame
    corrections: pd.DataFrame
    """The researchers' corrections applied, with what each changed (``pakus.corrections``)."""

    @property
    def sources(self) -> dict[str, str]:
        """Each document's independent source, ``{doc: source doc}``: a reprint maps to its
        original (:func:`pakus.reconcile.independent_sources`)."""
        return independent_sources(self.documents)


def resolve_corpus(corpus: str | Path) -> Path:
    """A corpus folder: as given, or relative to the project root; ParameterError if missing."""
    path = Path(corpus)
    for candidate in (path, project_root() / path):
        if candidate.is_dir():
            return candidate.resolve()
    raise ParameterError(
        f"corpus: {str(corpus)!r} is not a folder (give a folder of .txt files with corpus.csv)"
    )


TABLES = ("documents", "entities", "events", "amounts", "problems", "facts", "fact_sources",
          "conflicts", "flags", "corrections")  # fmt: skip
"""The tables a notebook reads (the fields of ``Facts`` after ``folder``)."""


def built_folder(folder: Path) -> Path:
    """Where the tables of a corpus folder are built: where ``pakus build --corpus FOLDER``
    writes them without ``--out`` (:func:`pakus.build.default_out`) — ``data/processed`` for
    the project's ``data/raw``, beside any other corpus, never into the project's data."""
    return default_out(folder)


def load_facts(corpus: str | Path = "data/raw", out: str | Path | None = None) -> Facts:
    """The fact tables of a corpus folder, read from what ``pakus build`` wrote (in ``out``,
    default ``built_folder``), building them first (incrementally, from the extraction cache)
    when they are missing or stale: when the corpus's files, the package's source, the
    reference tables or the versions extraction uses differ from those of the last build
    (``pakus.build.build_stamp``). Cached in memory per stamp. Raises ParameterError for a
    corpus that is not a folder and CorpusError for an unreadable corpus.csv."""
    folder = resolve_corpus(corpus)
    target = Path(out) if out is not None else built_folder(folder)
    return _load(folder, target, build_stamp(folder))


@cache
def _load(folder: Path, out: Path, stamp: str) -> Facts:
    stamp_file = out / BUILD_STAMP
    if not stamp_file.exists() or stamp_file.read_text(encoding="utf-8").strip() != stamp:
        build(folder, out, progress=False, wait=600)
    return Facts(folder, *(pd.read_parquet(out / f"{name}.parquet") for name in TABLES))


def parse_bound(name: str, value: str | int | None) -> PartialDate | None:
    """A start or end parameter (``2018``, ``2018-06``, ``2018-06-30``) as a PartialDate."""
    if value is None or value == "":
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError as err:
        raise ParameterError(
            f"{name}: {str(value)!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD ({err})"
        ) from None


def check_period(
    start: str | int | None, end: str | int | None
) -> tuple[PartialDate | None, PartialDate | None]:
    """Parse start and end; ParameterError if start comes after end."""
    s, e = parse_bound("start", start), parse_bound("end", end)
    if s is not None and e is not None and s.first_day() > e.last_day():
        raise ParameterError(f"start ({s}) is after end ({e})")
    return s, e


def check_choice(name: str, value: str, choices: Iterable[str]) -> str:
    """``value`` if it is one of ``choices``; else ParameterError listing them."""
    options = list(choices)
    if value not in options:
        raise ParameterError(f"{name}: unknown value {value!r}; choose from {', '.join(options)}")
    return value


def check_subset(name: str, values: Iterable[str], choices: Iterable[str]) -> list[str]:
    """``values`` if each is one of ``choices``; else ParameterError naming the unknown ones."""
    options = list(choices)
    values = list(values)
    unknown = [v for v in values if v not in options]
    if unknown or not values:
        raise ParameterError(
            f"{name}: unknown value(s) {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"choose from {', '.join(options)}"
        )
    return values


def within(frame: pd.DataFrame, start: PartialDate | None, end: PartialDate | None) -> pd.DataFrame:
    """Rows whose dated span lies inside [start, end]."""
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= frame["first_day"] >= pd.Timestamp(start.first_day())
    if end is not None:
        keep &= frame["last_day"] <= pd.Timestamp(end.last_day())
    return frame[keep]


def sources_table(rows: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Document, outlet, date, type and quote of every fact used, for a notebook's Sources."""
    meta = documents.set_index("doc")[["outlet", "published"]]
    out = rows.join(meta, on="doc")
    columns = [
        c
        for c in ("doc", "outlet", "published", "date", "type", "usd", "quote", "start", "end")
        if c in out
    ]
    return out[columns].sort_values(["doc", "start"]).reset_index(drop=True)


def check_positive_int(name: str, value: object, what: str = "a whole number") -> int:
    """``value`` if it is an int of 1 or more (not a bool); else ParameterError saying it must
    be ``what``, 1 or more."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ParameterError(f"{name}: {value!r} must be {what}, 1 or more")
    return value


def check_flag(name: str, value: object) -> bool:
    """A True/False parameter; ParameterError for anything else."""
    if not isinstance(value, bool):
        raise ParameterError(f"{name}: {value!r} must be True or False")
    return value
