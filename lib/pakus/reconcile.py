"""One fact per happening: event and amount mentions from all documents grouped, with every
disagreement and implausible value flagged.

Grouping (event mentions that are dated and told as done):

1. Mentions are taken in date order. A mention joins a fact when it has the same PLOVER type,
   its first day lies within 366 days of every member's, and either it shares a programme
   with the fact (IMET, FMF, …; a clause that names none but follows a programme's mention
   within about two sentences, in an aid-related event, takes that programme), or its date
   agrees with every member's and it shares an actor that is not a state, or two actors.
   Otherwise it starts a new fact. So only a shared programme can join dates that disagree,
   and only such facts can hold date conflicts.
2. A fact's date is the most precise date that two documents or more attest (at that
   precision or finer) and that no document contradicts; failing that, the date most documents
   agree with (at the coarser precision), ties going to the more precise, then the earlier.
   Its amount is the amount the most documents give.
3. Members whose dates do not agree with each other beyond their precision, or whose amounts
   differ, are *conflicts*; each version is listed with its document and quote.

Plausibility flags, each naming its rule:

- ``aid-amount-exceeds-all-aid``: an aid amount larger than all US aid to Pakistan in
  FY2002–FY2018 as the CRS tables give it (``data/reference/aid_by_fiscal_year.csv``);
- ``date-after-publication``: an event told as done, dated after its document's publication;
- ``published-after-today``: a document whose published date begins after today (the day of
  the build), so that the dates resolved against it are in the future too (a whole-document
  flag: start and end 0, empty quote);
- ``date-after-today``: an event told as done, dated after today;
- ``date-disagrees-with-corpus``: a mention whose date disagrees with the date more documents
  give for the same happening.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter

import pandas as pd

from pakus.analysis.facts import dated_events, split
from pakus.dates import PRECISIONS, PartialDate
from pakus.extract.amounts import usd_text
from pakus.reference import load_series
from pakus.tables import COLUMNS, SORT_KEYS

WINDOW_DAYS = 366
AID_FAMILY = {"SANCTION", "AID", "COOPERATE"}


def programme_told_before(entities: pd.DataFrame, doc: str, start: int) -> list[str]:
    """The programme named last before ``start`` (within about two sentences) in ``doc``."""
    near = entities[(entities["doc"] == doc) & (entities["type"] == "program")
                    & (entities["end"] <= start) & (entities["start"] >= start - 600)]  # fmt: skip
    return [near.iloc[-1]["id"]] if not near.empty else []


def _programmes(row, entities: pd.DataFrame) -> frozenset[str]:
    named = [p for p in split(row.programs) if p.startswith("PROG.") or p.startswith("AGR.")]
    if not named and row.type in AID_FAMILY and not entities.empty:
        named = programme_told_before(entities, row.doc, row.start)
    return frozenset(named)


def _best_date(dates: list[tuple[PartialDate, str]]) -> PartialDate:
    """The most precise date that two documents or more attest (at that precision or finer)
    and none contradicts; failing that, the date most documents agree with (ties: the more
    precise, then the earlier)."""

    def fineness(d: PartialDate) -> int:
        return 2 - PRECISIONS.index(d.precision)

    def attesting(d: PartialDate) -> set[str]:
        return {doc for o, doc in dates if o.compatible(d) and fineness(o) >= fineness(d)}

    candidates = [
        d for d, _ in dates if len(attesting(d)) >= 2 and all(o.compatible(d) for o, _ in dates)
    ]  # fmt: skip
    if candidates:
        return max(
            candidates, key=lambda d: (fineness(d), len(attesting(d)), -d.first_day().toordinal())
        )
    support = {d: len({doc for o, doc in dates if o.compatible(d)}) for d, _ in dates}
    return max(support, key=lambda d: (support[d], fineness(d), -d.first_day().toordinal()))


def fact_id(kind: str, doc: str, start: int, trigger_start: int, date: str) -> str:
    """A stable id from the fact's earliest mention (its clause, trigger and date)."""
    key = f"{kind}|{doc}|{start}|{trigger_start}|{date}"
    return "F" + hashlib.sha1(key.encode()).hexdigest()[:10]


def reconcile(events: pd.DataFrame, amounts: pd.DataFrame, entities: pd.DataFrame,
              documents: pd.DataFrame, today: datetime.date | None = None) -> dict[str, pd.DataFrame]:  # fmt: skip
    """Group mentions into facts; return facts, fact_sources, conflicts and flags tables.
    Dates after ``today`` (default: the system's date) are flagged."""
    ev = dated_events(events)
    state_ids = (
        set(entities.loc[entities["type"] == "state", "id"]) if not entities.empty else set()
    )
    ev = ev.sort_values(["first_day", "doc", "start"]).reset_index(drop=True)
    groups: list[dict] = []
    for row in ev.itertuples(index=False):
        progs = _programmes(row, entities)
        actors = set(split(row.actors))
        for g in groups:
            if g["type"] != row.type:
                continue
            if any(abs((row.first_day - m.first_day).days) > WINDOW_DAYS for m in g["members"]):
                continue
            shared = actors & g["actors"]
            same_programme = bool(progs & g["programmes"])
            date = PartialDate.parse(row.date)
            agree = all(date.compatible(PartialDate.parse(m.date)) for m in g["members"])
            if same_programme or (agree and ((shared - state_ids) or len(shared) >= 2)):
                g["members"].append(row)
                g["programmes"] |= progs
                g["actors"] |= actors
                break
        else:
            groups.append(
                {
                    "type": row.type,
                    "members": [row],
                    "programmes": set(progs),
                    "actors": set(actors),
                }
            )

    by_doc = _amounts_by_doc(amounts)
    facts, sources, conflicts = [], [], []
    for g in groups:
        first = g["members"][0]
        fid = fact_id(g["type"], first.doc, first.start, first.trigger_start, first.date)
        dates = [(PartialDate.parse(m.date), m.doc) for m in g["members"]]
        best = _best_date(dates)
        money = [(a, m) for m in g["members"] for a in _amounts_in(by_doc, m)]
        usd_votes = Counter(a.usd for a, _ in money)
        usd = max(usd_votes, key=lambda v: (usd_votes[v], v)) if usd_votes else None
        docs = sorted({m.doc for m in g["members"]})
        facts.append({
            "fact_id": fid, "type": g["type"], "date": best.iso(), "precision": best.precision,
            "actors": ";".join(sorted(g["actors"])), "programmes": ";".join(sorted(g["programmes"])),
            "usd": usd, "documents": len(docs), "mentions": len(g["members"]),
            "corroborated": len(docs) >= 2,
        })  # fmt: skip
        for m in g["members"]:
            sources.append({"fact_id": fid, "kind": "event", "doc": m.doc, "start": m.start, "end": m.end,
                            "quote": m.quote, "date": m.date, "usd": None})  # fmt: skip
        for a, _ in money:
            sources.append({"fact_id": fid, "kind": "amount", "doc": a.doc, "start": a.start, "end": a.end,
                            "quote": a.quote, "date": "", "usd": a.usd})  # fmt: skip
        parsed = [(PartialDate.parse(m.date), m) for m in g["members"]]
        if any(not a.compatible(b) for (a, _), (b, _) in _pairs(parsed)):
            for _d, m in parsed:
                conflicts.append({"fact_id": fid, "field": "date", "version": m.date, "doc": m.doc,
                                  "start": m.start, "end": m.end, "quote": m.quote})  # fmt: skip
        if len(usd_votes) > 1:
            for a, _ in money:
                conflicts.append({"fact_id": fid, "field": "amount", "version": f"{a.usd:.0f}", "doc": a.doc,
                                  "start": a.start, "end": a.end, "quote": a.quote})  # fmt: skip
    flags = _flags(ev, amounts, documents, facts, sources, today or datetime.date.today())
    return {
        "facts": _table(facts, "facts"),
        "fact_sources": _table(sources, "fact_sources"),
        "conflicts": _table(conflicts, "conflicts"),
        "flags": _table(flags, "flags"),
    }


def _table(rows: list[dict], name: str) -> pd.DataFrame:
    """Rows as the table ``name`` of ``pakus.tables``: its columns, in its order."""
    frame = pd.DataFrame(rows, columns=[c for c, _, _ in COLUMNS[name]])
    return frame.sort_values(SORT_KEYS[name], kind="stable").reset_index(drop=True)


def _pairs(items: list) -> list[tuple]:
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


def _amounts_by_doc(amounts: pd.DataFrame) -> dict[str, list]:
    return {doc: list(part.itertuples()) for doc, part in amounts.groupby("doc", sort=False)}


def _amounts_in(by_doc: dict[str, list], m) -> list:
    """The amounts inside an event mention's clause."""
    return [a for a in by_doc.get(m.doc, []) if m.start <= a.start and a.end <= m.end]


def all_aid_total() -> float:
    """All US aid to Pakistan FY2002–FY2018 in US$ (CRS, 2019 edition, printed grand total)."""
    t = load_series("aid_by_fiscal_year")
    row = t[(t["programme"] == "grand total") & (t["fiscal_year"] == "FY2002-FY2018")]
    return float(row["amount_musd"].max()) * 1e6


def _flags(ev: pd.DataFrame, amounts: pd.DataFrame, documents: pd.DataFrame, facts: list[dict],
           sources: list[dict], today: datetime.date) -> list[dict]:  # fmt: skip
    flags = []
    for d in documents.itertuples():
        if d.published and PartialDate.parse(d.published).first_day() > today:
            flags.append({"doc": d.doc, "start": 0, "end": 0, "quote": "", "rule": "published-after-today",
                          "reason": f"published {d.published}, after today ({today.isoformat()})",
                          "fact_id": ""})  # fmt: skip
    for m in ev[ev["first_day"] > pd.Timestamp(today)].itertuples():
        flags.append({"doc": m.doc, "start": m.start, "end": m.end, "quote": m.quote, "rule": "date-after-today",
                      "reason": f"told as done but dated {m.date}, after today ({today.isoformat()})",
                      "fact_id": ""})  # fmt: skip
    limit = all_aid_total()
    for a in amounts.itertuples():
        if a.category not in {"", "trade"} and a.usd > limit:
            flags.append({"doc": a.doc, "start": a.start, "end": a.end, "quote": a.quote,
                          "rule": "aid-amount-exceeds-all-aid",
                          "reason": f"{usd_text(a.usd)} is more than all US aid to Pakistan in "
                                    f"FY2002–FY2018 ({usd_text(limit)}, CRS)", "fact_id": ""})  # fmt: skip
    published = documents.set_index("doc")["published"]
    for m in ev.itertuples():
        pub = published.get(m.doc, "")
        if pub and m.first_day > pd.Timestamp(PartialDate.parse(pub).last_day()):
            flags.append({"doc": m.doc, "start": m.start, "end": m.end, "quote": m.quote,
                          "rule": "date-after-publication",
                          "reason": f"told as done but dated {m.date}, after publication ({pub})", "fact_id": ""})  # fmt: skip
    best = {f["fact_id"]: f for f in facts}
    for s in sources:
        f = best[s["fact_id"]]
        if s["kind"] != "event" or f["documents"] < 2:
            continue
        if not PartialDate.parse(s["date"]).compatible(PartialDate.parse(f["date"])):
            flags.append({"doc": s["doc"], "start": s["start"], "end": s["end"], "quote": s["quote"],
                          "rule": "date-disagrees-with-corpus",
                          "reason": f"dated {s['date']}; {f['documents']} documents support {f['date']}",
                          "fact_id": s["fact_id"]})  # fmt: skip
    return flags
