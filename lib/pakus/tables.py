"""The fact tables that ``pakus build`` writes: their columns, types and meanings (one place),
their sort keys, and rows turned into typed, sorted frames. Schema only: nothing here extracts
or reconciles."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pakus.reconcile import Reconciled

_PROVENANCE = [
    ("doc", "string", "Document id (corpus.csv id, or the file name)"),
    ("start", "int64", "Start offset (str index) into the document text"),
    ("end", "int64", "End offset (exclusive); text[start:end] == quote"),
    ("quote", "string", "The exact words of the document"),
]

COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "documents": [
        ("doc", "string", "Document id"),
        ("file", "string", "File name in the corpus folder"),
        ("title", "string", "Title"),
        ("outlet", "string", "Outlet (newspaper, magazine, site)"),
        ("author", "string", "Author, empty if not known"),
        ("published", "string", "Published date, ISO, only as precise as known"),
        ("published_precision", "string", "day, month or year; empty if not known"),
        ("published_basis", "string", "What in the text, or which outside fact, fixes the date"),
        ("characters", "int64", "Length of the text in characters"),
        (
            "reprint_of",
            "string",
            "The document this one reprints (the same story, verbatim or lightly edited; "
            "corpus.csv, as pakus add finds it); empty for an original",
        ),
    ],
    "entities": [
        *_PROVENANCE,
        (
            "id",
            "string",
            "Canonical actor id (pakus/data/reference/actors.csv) or a derived id type:slug",
        ),
        ("name", "string", "Canonical name"),
        ("type", "string", "person, org, state, group, program, agreement or place"),
        ("affiliation", "string", "Country (or group) the actor belongs to, if known"),
        (
            "method",
            "string",
            "gazetteer, fuzzy, acronym, title, pattern, compound, office, dateline or coreference",
        ),
        (
            "country",
            "string",
            "ISO 3166 alpha-3 of the actor's state, IGO for an international body, or empty",
        ),
        (
            "sector",
            "string",
            "Phoenix/PLOVER sector (GOV, MIL, COP, SPY, LEG, REB, REF, …) at the mention's time, or empty",
        ),
    ],
    "dates": [
        *_PROVENANCE,
        ("date", "string", "ISO date at its precision; empty if unresolved"),
        ("precision", "string", "day, month, year, decade, range, fiscal_year or named_day"),
        ("date_end", "string", "Last day covered (ISO)"),
        ("relative", "boolean", "True for relative expressions (last year, on Saturday)"),
        (
            "anchor",
            "string",
            "What a relative date was resolved against: published, dateline or previous date",
        ),
        ("note", "string", "Why a date is unresolved, or what it is (dateline, a named day)"),
        ("date_start", "string", "First day covered (ISO)"),
        ("fiscal_year", "Int64", "A fiscal year's number (the calendar year it ends in)"),
        (
            "fiscal_calendar",
            "string",
            "Whose fiscal year (ISO 3166 alpha-3; USA: October–September)",
        ),
        ("label", "string", "For a named day (9/11): what it names"),
    ],
    "amounts": [
        *_PROVENANCE,
        (
            "usd",
            "float64",
            "Amount in US dollars (lower end of a range); empty for other currencies",
        ),
        ("usd_max", "float64", "Upper end of a range, if any"),
        ("currency", "string", "ISO 4217 code; empty where the text leaves it open (Rs)"),
        ("value", "float64", "Amount in its own currency (lower end of a range)"),
        ("value_max", "float64", "Upper end of a range in its own currency, if any"),
        (
            "role",
            "string",
            "part (of a larger amount), equivalent (the same sum in brackets), or empty",
        ),
        ("whole", "Int64", "For a part or an equivalent: the start offset of the other amount"),
        ("qualifier", "string", "more than, about, up to, … as written"),
        ("purpose", "string", "What the money is for, in the sentence's words"),
        (
            "category",
            "string",
            "military aid, arms sale, economic aid, humanitarian aid, reimbursement, trade",
        ),
        ("program", "string", "Programme id named in the same sentence"),
        ("fiscal_year", "Int64", "US fiscal year named in the same sentence"),
    ],
    "counts": [
        *_PROVENANCE,
        ("count", "int64", "The number"),
        ("unit", "string", "What is counted (pakus/data/reference/count_units.csv)"),
    ],
    "events": [
        *_PROVENANCE,
        ("type", "string", "PLOVER event type"),
        ("mode", "string", "PLOVER mode (visit, drone, …), if any"),
        ("trigger", "string", "The word(s) that signal the event"),
        ("trigger_start", "int64", "Offset of the trigger"),
        ("trigger_end", "int64", "End offset of the trigger"),
        ("date", "string", "Date that governs the clause (ISO at its precision); empty if none"),
        ("precision", "string", "day, month or year"),
        ("date_quote", "string", "The date expression the date comes from"),
        ("actors", "string", "Actor ids in the clause, ';'-separated"),
        ("programs", "string", "Programme and agreement ids in the clause, ';'-separated"),
        ("countries", "string", "Countries (or groups) of the actors, ';'-separated"),
        ("source_actor", "string", "The actor that acts"),
        ("target_actor", "string", "The actor acted upon"),
        ("source_country", "string", "Country of the source actor"),
        ("target_country", "string", "Country of the target actor"),
        (
            "source_sector",
            "string",
            "Phoenix/PLOVER sector of the source actor (GOV, MIL, …), if known",
        ),
        ("target_sector", "string", "Phoenix/PLOVER sector of the target actor, if known"),
        (
            "intensity",
            "float64",
            "PLOVER intensity, -10 … +10 (pakus/data/reference/plover_types.csv)",
        ),
        ("quad", "string", "PLOVER quad class: VC, MC, VConf, MConf"),
        ("context", "string", "PLOVER contexts, ';'-separated"),
        ("negated", "boolean", "The clause denies the event"),
        ("modality", "string", "asserted, future, hypothetical or general (a standing state)"),
    ],
    "facts": [
        ("fact_id", "string", "Stable id of the happening (from its earliest mention)"),
        ("type", "string", "PLOVER event type"),
        ("date", "string", "The date most documents agree with (ISO at its precision)"),
        ("precision", "string", "day, month or year"),
        ("actors", "string", "Actor ids of all its mentions, ';'-separated"),
        ("programmes", "string", "Programme and agreement ids, ';'-separated"),
        ("usd", "float64", "The amount most documents give, if any (US$)"),
        (
            "documents",
            "int64",
            "Independent documents that tell it (a reprint counts with its original)",
        ),
        ("mentions", "int64", "Event mentions grouped into it"),
        ("corroborated", "boolean", "Told by two independent documents or more"),
    ],
    "fact_sources": [
        ("fact_id", "string", "The fact"),
        ("kind", "string", "event or amount"),
        ("doc", "string", "Document id"),
        ("start", "int64", "Start offset of the mention"),
        ("end", "int64", "End offset; text[start:end] == quote"),
        ("quote", "string", "The exact words"),
        ("date", "string", "The mention's own date (events)"),
        ("usd", "float64", "The mention's amount (amounts)"),
    ],
    "conflicts": [
        ("fact_id", "string", "The fact whose sources disagree"),
        ("field", "string", "date or amount"),
        ("version", "string", "This source's value"),
        ("doc", "string", "Document id"),
        ("start", "int64", "Start offset of the mention"),
        ("end", "int64", "End offset; text[start:end] == quote"),
        ("quote", "string", "The exact words"),
    ],
    "flags": [
        ("doc", "string", "Document id"),
        ("start", "int64", "Start offset of the flagged mention"),
        ("end", "int64", "End offset; text[start:end] == quote"),
        ("quote", "string", "The exact words"),
        ("rule", "string", "The plausibility rule that raised the flag (pakus.reconcile)"),
        ("reason", "string", "Why, with the numbers"),
        ("fact_id", "string", "The fact, if the flag concerns one"),
    ],
    "corrections": [
        ("action", "string", "drop, set, split or join (pakus.corrections)"),
        ("doc", "string", "Document id of the corrected mention"),
        ("start", "int64", "Start offset of the corrected mention"),
        ("field", "string", "For set: the field fixed (type, date, source_actor, …)"),
        ("value", "string", "For set: the new value"),
        ("other_doc", "string", "For join: the document of the mention whose fact is joined"),
        ("other_start", "Int64", "For join: that mention's start offset"),
        ("who", "string", "Who reviewed the coding"),
        ("why", "string", "Why the machine coding was wrong"),
        ("effect", "string", "What applying the row changed (or that it changed nothing)"),
    ],
    "problems": [
        ("path", "string", "File that could not be read, or the metadata table"),
        ("message", "string", "What is wrong"),
        ("skipped", "boolean", "True if the document was left out of the tables"),
    ],
}

SORT_KEYS = {
    "documents": ["doc"],
    "problems": ["path", "message"],
    "facts": ["date", "type", "fact_id"],
    "fact_sources": ["fact_id", "doc", "start", "kind"],
    "conflicts": ["fact_id", "field", "doc", "start"],
    "flags": ["doc", "start", "rule", "reason"],
    "corrections": ["doc", "start", "action", "field", "other_doc", "other_start"],
}


def typed_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts keyed by column) as the table ``name``: its columns in order, typed as
    ``COLUMNS`` says (missing strings become ``""``) and sorted by its sort key."""
    columns = COLUMNS[name]
    out = pd.DataFrame(rows, columns=[c for c, _, _ in columns])
    for column, dtype, _ in columns:
        if dtype == "string":
            out[column] = out[column].fillna("").astype(str).astype("string")
        else:
            out[column] = out[column].astype(dtype)
    keys = SORT_KEYS.get(name, ["doc", "start", "end"] + (["id"] if name == "entities" else []))
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class ReconciledTables:
    """The reconciled tables as typed, sorted frames (columns: ``COLUMNS[name]``)."""

    facts: pd.DataFrame
    fact_sources: pd.DataFrame
    conflicts: pd.DataFrame
    flags: pd.DataFrame
    corrections: pd.DataFrame = field(default_factory=lambda: typed_frame("corrections", []))

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """(table name, frame) pairs in the order the tables are written."""
        names = ("facts", "fact_sources", "conflicts", "flags", "corrections")
        return [(n, getattr(self, n)) for n in names]


def reconciled_tables(r: Reconciled) -> ReconciledTables:
    """The rows :func:`pakus.reconcile.reconcile` returns, as typed, sorted frames."""
    return ReconciledTables(
        typed_frame("facts", [vars(x) for x in r.facts]),  # flat fields: no deep copy needed
        # a clause with coordinated actors gives one event per source–target pair: one source
        typed_frame("fact_sources", [vars(x) for x in r.fact_sources])
        .drop_duplicates(["fact_id", "kind", "doc", "start"])
        .reset_index(drop=True),
        typed_frame("conflicts", [vars(x) for x in r.conflicts]),
        typed_frame("flags", [vars(x) for x in r.flags]),
        typed_frame("corrections", [vars(x) for x in r.corrections]),
    )


def data_dictionary() -> pd.DataFrame:
    """One row per table column: table, column, type, description."""
    return pd.DataFrame(
        [(t, c, d, desc) for t, cols in COLUMNS.items() for c, d, desc in cols],
        columns=["table", "column", "type", "description"],
    )
