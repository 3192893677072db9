"""Researchers' corrections of machine coding: a reviewed ``corrections.csv`` in the corpus
folder (beside ``corpus.csv``), applied by reconciliation and reported row by row.

Columns (validated with pandera; a bad cell is reported with file, row and column, and the
row is left out):

| column | meaning |
|---|---|
| ``action`` | ``drop`` (a mention is not a fact), ``set`` (fix one field of a mention), ``split`` (the mention is a happening of its own), ``join`` (the mention's fact and the fact of ``other_doc``/``other_start`` are one happening) |
| ``doc``, ``start`` | the mention: its document id and start offset, as in the events (or amounts) table |
| ``field``, ``value`` | for ``set``: ``type``, ``date``, ``source_actor``, ``target_actor``, ``source_country`` or ``target_country``, and the new value (a PLOVER type; an ISO date at its precision; an actor id; an ISO 3166 alpha-3 code); empty otherwise |
| ``other_doc``, ``other_start`` | for ``join``: the mention whose fact to join; empty otherwise |
| ``who``, ``why`` | who reviewed the coding, and why it is wrong (both required) |

Each row applies to every event mention of ``doc`` starting at ``start`` (``drop`` also to
amounts there). What each row changed is reported in the ``corrections`` table (``effect``),
so a row that matches nothing is seen, never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pakus.corpus import CORRECTIONS_FILE
from pakus.dates import PartialDate, is_iso_or_empty
from pakus.errors import CorpusError

ACTIONS = ("drop", "set", "split", "join")
FIELDS = ("type", "date", "source_actor", "target_actor", "source_country", "target_country")
COLUMNS = ("action", "doc", "start", "field", "value", "other_doc", "other_start", "who", "why")


@dataclass(frozen=True)
class Correction:
    """One row of ``corrections.csv`` and what applying it did (a row of ``corrections``)."""

    action: str
    doc: str
    start: int
    field: str
    value: str
    other_doc: str
    other_start: int | None
    who: str
    why: str
    effect: str = ""


def _schema():
    from pakus._pandera import pa

    non_empty = pa.Check.str_length(min_value=1, error="must not be empty")
    return pa.DataFrameSchema(
        {
            "action": pa.Column(str, pa.Check.isin(ACTIONS, error=f"must be one of {', '.join(ACTIONS)}")),
            "doc": pa.Column(str, non_empty),
            "start": pa.Column(str, pa.Check.str_matches(r"^\d+$", error="must be an offset (0, 1, …)")),
            "field": pa.Column(str, pa.Check.isin(("", *FIELDS), error=f"must be empty or one of {', '.join(FIELDS)}")),
            "value": pa.Column(str),
            "other_doc": pa.Column(str),
            "other_start": pa.Column(str, pa.Check.str_matches(r"^\d*$", error="must be empty or an offset")),
            "who": pa.Column(str, non_empty),
            "why": pa.Column(str, non_empty),
        },
        strict=True,
        ordered=False,
    )  # fmt: skip


def _row_problems(row: pd.Series, types: set[str]) -> list[tuple[str, str]]:
    """(column, problem) for rules that tie columns together."""
    out = []
    if row["action"] == "set":
        if not row["field"]:
            out.append(("field", f"must be one of {', '.join(FIELDS)} for set"))
        elif row["field"] == "type" and row["value"] not in types:
            out.append(("value", f"{row['value']!r} is not a PLOVER type"))
        elif row["field"] == "date" and (not row["value"] or not is_iso_or_empty(row["value"])):
            out.append(("value", f"{row['value']!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD"))
    if row["action"] == "join" and (not row["other_doc"] or not row["other_start"]):
        out.append(("other_doc", "join needs other_doc and other_start"))
    return out


def load_corrections(folder: Path | str, types: set[str]) -> tuple[list[Correction], list[str]]:
    """The valid rows of ``<folder>/corrections.csv`` (none when there is no file) and a
    one-line problem per bad cell (``row N, column C: problem``; row 2 is the first data row,
    as a spreadsheet numbers it). ``types``: the PLOVER
    types a ``set type`` may give. CorpusError when the file cannot be parsed at all."""
    path = Path(folder) / CORRECTIONS_FILE
    if not path.is_file():
        return [], []
    from pakus._pandera import SchemaErrors  # here: a corpus without corrections needs no pandera

    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise CorpusError(path, [f"cannot be read as CSV ({err})"]) from None
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise CorpusError(path, [f"missing column(s) {', '.join(missing)}"])
    problems: list[str] = []
    bad: set[int] = set()
    try:
        _schema().validate(table, lazy=True)
    except SchemaErrors as err:
        for case in err.failure_cases.itertuples():
            row = int(case.index) if pd.notna(case.index) else -1
            bad.add(row)
            problems.append(f"row {row + 2}, column {case.column!r}: {case.check}")
    out = []
    for i, row in table.iterrows():
        if i in bad:
            continue
        extra = _row_problems(row, types)
        if extra:
            problems += [f"row {i + 2}, column {c!r}: {p}" for c, p in extra]
            continue
        out.append(Correction(
            row["action"], row["doc"], int(row["start"]), row["field"], row["value"],
            row["other_doc"], int(row["other_start"]) if row["other_start"] else None,
            row["who"], row["why"],
        ))  # fmt: skip
    return out, sorted(set(problems))


def apply_to_mentions(events: pd.DataFrame, amounts: pd.DataFrame, corrections: list[Correction],
                      intensity: dict[str, float]) -> tuple[pd.DataFrame, pd.DataFrame, list[Correction]]:  # fmt: skip
    """Apply ``drop`` and ``set`` rows to the events and amounts tables (new frames; the
    inputs are not changed). ``intensity``: PLOVER type → intensity, so a fixed type brings
    its intensity. Returns the tables and the ``drop``/``set`` rows with their ``effect``."""
    events, amounts = events.copy(), amounts.copy()
    done = []
    for c in corrections:
        if c.action not in ("drop", "set"):
            continue
        at = (events["doc"] == c.doc) & (events["start"] == c.start)
        n = int(at.sum())
        if c.action == "drop":
            money = (amounts["doc"] == c.doc) & (amounts["start"] == c.start)
            m = int(money.sum())
            events, amounts = events[~at], amounts[~money]
            effect = (
                f"dropped {n} event mention(s) and {m} amount(s)"
                if n or m
                else "no mention there: nothing changed"
            )
        elif n == 0:
            effect = "no event mention there: nothing changed"
        else:
            old = ", ".join(sorted(set(events.loc[at, c.field].astype(str))))
            events.loc[at, c.field] = c.value
            if c.field == "type":
                events.loc[at, "intensity"] = intensity.get(c.value, float("nan"))
            if c.field == "date":
                events.loc[at, "precision"] = PartialDate.parse(c.value).precision
            effect = f"{c.field} of {n} event mention(s): {old or '(empty)'} → {c.value}"
        done.append(_with_effect(c, effect))
    return events, amounts, done


def apply_to_groups(groups: list, corrections: list[Correction], new_group, add) -> tuple[list, list[Correction]]:  # fmt: skip
    """Apply ``split`` and ``join`` rows to grouped facts (objects with ``members``, rows with
    ``doc`` and ``start``); ``new_group(member)`` makes a group of one member and
    ``add(group, member)`` adds one. Returns the groups (a split-off mention's group right
    after its old one; joined facts where the earlier stood) and the rows with their
    ``effect``."""
    groups = list(groups)
    done = []

    def where(doc: str, start: int | None):
        for gi, g in enumerate(groups):
            for m in g.members:
                if m.doc == doc and m.start == start:
                    return gi
        return None

    for c in corrections:
        if c.action == "split":
            gi = where(c.doc, c.start)
            if gi is None:
                effect = "no grouped event mention there: nothing changed"
            else:
                members = groups[gi].members
                moved = [m for m in members if m.doc == c.doc and m.start == c.start]
                rest = [m for m in members if not (m.doc == c.doc and m.start == c.start)]
                if not rest:
                    effect = "already a fact of its own: nothing changed"
                else:
                    parts = []
                    for group_members in (rest, moved):
                        g = new_group(group_members[0])
                        for m in group_members[1:]:
                            add(g, m)
                        parts.append(g)
                    groups[gi : gi + 1] = parts
                    effect = f"split from a fact of {len(members)} mentions"
        elif c.action == "join":
            gi, gj = where(c.doc, c.start), where(c.other_doc, c.other_start)
            if gi is None or gj is None:
                effect = "a mention is not in any fact: nothing changed"
            elif gi == gj:
                effect = "already one fact: nothing changed"
            else:
                keep, gone = min(gi, gj), max(gi, gj)
                for m in groups[gone].members:
                    add(groups[keep], m)
                del groups[gone]
                effect = "two facts joined into one"
        else:
            continue
        done.append(_with_effect(c, effect))
    return groups, done


def _with_effect(c: Correction, effect: str) -> Correction:
    return Correction(c.action, c.doc, c.start, c.field, c.value, c.other_doc, c.other_start,
                      c.who, c.why, effect)  # fmt: skip
