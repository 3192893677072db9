"""What did the US give, withhold and restore, and when?

An aid event is a dated, asserted AID, SANCTION or COOPERATE event that names a programme
(IMET, FMF, Coalition Support Funds, F-16 sustainment, …) in its clause, or, naming none,
speaks of security or military assistance (programme ``security assistance``). Its status is
``suspended`` for SANCTION and ``active`` for AID and COOPERATE (resumption, approval,
delivery). A suspension interval runs, within one document, from a programme's suspension to
its next resumption, so that sources that disagree each give their own interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pakus.analysis.checks import as_list
from pakus.analysis.facts import check_period, check_subset, dated_events, split, within
from pakus.dates import PartialDate, coarser_precision
from pakus.extract.amounts import usd_text
from pakus.reconcile import ProgrammeIndex

AID_TYPES = ("AID", "SANCTION", "COOPERATE")
UNSPECIFIED = "security assistance"
_SECURITY_AID = re.compile(r"\b(?:security|military)\s+(?:aid|assistance)\b", re.I)
_PROGRAMME_WORD = re.compile(r"\b(?:programme|program|training)\b", re.I)


def programmes_of(event, index: ProgrammeIndex | None) -> list[str]:
    """The programmes an event (a row of the events table, as a namedtuple) is about: the
    programmes its clause names (``programs``); naming none, ``security assistance`` when it
    speaks of security or military aid or assistance; else, when it speaks of "the programme"
    or "training", the programme named just before it in the same document (``index``, from
    the entities table; O(log n) a query). The one rule for the aid table and the milestones
    (``pakus.analysis.context.compare_milestones``)."""
    named = [p for p in split(event.programs) if p.startswith("PROG.")]
    if not named and _SECURITY_AID.search(event.quote):
        named = [UNSPECIFIED]
    if not named and index is not None and _PROGRAMME_WORD.search(event.quote):
        named = index.before(event.doc, event.start)
    return named


def aid_events(events: pd.DataFrame, programmes: list[str], start=None, end=None,
               entities: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Aid events, one row per (event, programme), with ``programme`` and ``status``.

    Programmes are found by ``programmes_of`` (with ``entities``, a clause that speaks of "the
    programme" takes the programme named just before it): O(n log n) in the rows of
    ``events`` and ``entities``."""
    ev = within(dated_events(events), start, end)
    ev = ev[ev["type"].isin(AID_TYPES)]
    index = ProgrammeIndex(entities) if entities is not None else None
    rows = []
    for r in ev.itertuples(index=False):
        for programme in programmes_of(r, index):
            if programme in programmes:
                rows.append({**r._asdict(), "programme": programme,
                             "status": "suspended" if r.type == "SANCTION" else "active"})  # fmt: skip
    columns = [*ev.columns, "programme", "status"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["programme", "first_day", "doc", "start"]).reset_index(drop=True)


def suspension_intervals(aid: pd.DataFrame) -> pd.DataFrame:
    """Per programme and document: when it was suspended, when resumed, and how long between.

    ``days`` counts from the first day of the suspension date to the first day of the
    resumption date; ``precision`` is the coarser of the two dates' precisions, which bounds
    how exact the interval is.
    """
    rows = []
    for (programme, doc), part in aid.groupby(["programme", "doc"], sort=True):
        part = part.sort_values("first_day")
        suspended = part[part["status"] == "suspended"]
        for s in suspended.itertuples():
            later = part[(part["status"] == "active") & (part["first_day"] > s.first_day)]
            if later.empty:
                continue
            r = later.iloc[0]
            rows.append({
                "programme": programme, "doc": doc,
                "suspended": s.date, "resumed": r["date"],
                "days": int((r["first_day"] - s.first_day).days),
                "precision": coarser_precision(s.precision, r["precision"]),
                "suspended_quote": s.quote, "resumed_quote": r["quote"],
            })  # fmt: skip
            break
    return pd.DataFrame(rows, columns=["programme", "doc", "suspended", "resumed", "days", "precision",
                                       "suspended_quote", "resumed_quote"])  # fmt: skip


def aid_amounts(amounts: pd.DataFrame, events: pd.DataFrame, documents: pd.DataFrame,
                programmes: list[str], start: PartialDate | None = None,
                end: PartialDate | None = None) -> pd.DataFrame:  # fmt: skip
    """Money amounts about aid (not trade) in US dollars, each sum once (no part of a larger
    amount, no equivalent in brackets), with their programme and the year they belong to.

    The year is the date of the event whose clause holds the amount; else the fiscal year
    the sentence names; else the year of publication. ``year_basis`` says which. The holding
    event is looked up among its own document's events only: linear in the corpus.
    """
    a = amounts[(amounts["category"] != "trade") & (amounts["category"] != "")]
    if "role" in a.columns:  # US dollars only, each sum once: not its parts or equivalents
        a = a[a["usd"].notna() & (a["role"].fillna("") == "")]
    a = a.copy()
    a["programme"] = a["program"].where(a["program"] != "", UNSPECIFIED)
    a = a[a["programme"].isin(programmes)]
    dated = dated_events(events)
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for doc, s_, e, date in zip(dated["doc"], dated["start"], dated["end"], dated["date"],
                                strict=True):  # fmt: skip
        by_doc.setdefault(doc, []).append((s_, e, date))
    years, basis, dates = [], [], []
    published = documents.set_index("doc")["published"].str[:4]
    for r in a.itertuples():
        holder = next(
            (d for s_, e, d in by_doc.get(r.doc, ()) if s_ <= r.start and e >= r.end), None
        )
        dates.append(holder if holder is not None else "")
        if holder is not None:
            years.append(int(holder[:4]))
            basis.append("event date")
        elif pd.notna(r.fiscal_year):
            years.append(int(r.fiscal_year))
            basis.append("fiscal year")
        else:
            years.append(int(published[r.doc]) if published.get(r.doc) else None)
            basis.append("publication")
    a["year"] = pd.array(years, dtype="Int64")
    a["year_basis"] = basis
    a["date"] = dates
    if start is not None:
        a = a[a["year"] >= start.year]
    if end is not None:
        a = a[a["year"] <= end.year]
    return a.sort_values(["year", "doc", "start"]).reset_index(drop=True)


def mark_flags(amounts: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """``amounts`` with ``flag``: the plausibility rule (``pakus.reconcile``) raised on the
    amount's words, ``""`` where none. Flagged amounts stay listed and drawn (marked) but are
    left out of headline numbers."""
    rules = {(f.doc, f.start, f.end): f.rule for f in flags.itertuples()}
    return amounts.assign(
        flag=[rules.get((d, s_, e), "") for d, s_, e in zip(amounts["doc"], amounts["start"],
                                                             amounts["end"], strict=True)]
    )  # fmt: skip


PROGRAMME_NAMES = {
    "IMET": "PROG.IMET", "FMF": "PROG.FMF", "CSF": "PROG.CSF", "F-16": "PROG.F16",
    "FMS": "PROG.FMS", "ESF": "PROG.ESF", "PCF": "PROG.PCF", UNSPECIFIED: UNSPECIFIED,
}  # fmt: skip
NAMES = {v: k for k, v in PROGRAMME_NAMES.items()}


@dataclass(frozen=True)
class Parameters:
    corpus: str
    programmes: list[str]
    start: PartialDate | None
    end: PartialDate | None


def check_parameters(corpus, programmes, start, end) -> Parameters:
    """Validate the notebook's parameters; ParameterError with a clear message otherwise."""
    s, e = check_period(start, end)
    names = check_subset("programmes", as_list("programmes", programmes), list(PROGRAMME_NAMES))
    return Parameters(str(corpus), [PROGRAMME_NAMES[n] for n in names], s, e)


def findings(aid: pd.DataFrame, intervals: pd.DataFrame, amounts: pd.DataFrame,
             names: dict[str, str] | None = None) -> str:  # fmt: skip
    """The findings paragraph, written from the computed numbers. ``amounts`` may carry
    ``flag`` (:func:`mark_flags`): flagged amounts are left out of the largest figure and
    named with their rule. ``names`` maps doc ids to "outlet, date"."""
    names = names or {}
    if aid.empty:
        return "Nothing to analyse: no dated aid events for these programmes fall in the chosen period."
    suspended = aid[aid["status"] == "suspended"]
    active = aid[aid["status"] == "active"]
    docs = aid["doc"].nunique()
    parts = [
        f"**{len(aid)}** dated aid event{'s' if len(aid) != 1 else ''} from **{docs}** "
        f"document{'s' if docs != 1 else ''}: "
        f"**{len(suspended)}** suspensions or cuts and **{len(active)}** resumptions, approvals "
        f"or deliveries, across {aid['programme'].nunique()} programme(s)."
    ]
    for r in intervals.itertuples():
        parts.append(
            f"{NAMES.get(r.programme, r.programme)} was suspended in {r.suspended} and resumed in "
            f"{r.resumed} according to {names.get(r.doc, r.doc)}: about **{r.days} days** "
            f"(dates known to the {r.precision})."
        )
    if not amounts.empty:
        flagged = amounts[amounts["flag"] != ""] if "flag" in amounts else amounts.iloc[0:0]
        clean = amounts.drop(flagged.index)
        if not clean.empty:
            largest = clean.loc[clean["usd"].idxmax()]
            parts.append(
                f"The largest aid figure not flagged as implausible is **{usd_text(largest['usd'])}** "
                f"({largest['category']}, {names.get(largest['doc'], largest['doc'])}: "
                f"“{largest['quote']}”)."
            )
        for r in flagged.itertuples():
            parts.append(
                f"Left out as implausible (rule `{r.flag}`): “{r.quote}” "
                f"({names.get(r.doc, r.doc)})."
            )
    return " ".join(parts)
