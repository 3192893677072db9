"""Reference series set beside the corpus: CRS aid appropriations and the milestones of the
relationship. They are context and a check for the corpus, drawn apart from corpus facts, and
never an input of extraction.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from pakus.analysis.dyads import involves_both, with_coalitions
from pakus.analysis.facts import dated_events, split
from pakus.dates import PartialDate, fiscal_year_of
from pakus.extract import extract_text
from pakus.reference import load_series, milestones

SINGLE_YEAR_PROGRAMMES = ("FMF", "IMET", "CSF", "ESF", "PCF/PCCF")
MILESTONE_WINDOW_DAYS = 548
"""How far (about 18 months) a corpus event may lie from a milestone and still bear on it."""


def appropriations(programmes: tuple[str, ...] = SINGLE_YEAR_PROGRAMMES) -> pd.DataFrame:
    """Single-fiscal-year appropriations by programme ($ million), latest edition first.

    Spans (FY2002–13), totals, requests and years the source marks "—" (none) are left out; a
    year withheld has no amount and keeps its status. Where two editions give the same year, the latest is kept and
    ``editions`` says how many gave one.
    """
    table = load_series("aid_by_fiscal_year")
    single = table[(table["fy_first"] == table["fy_last"]) & (table["row_kind"] == "programme")
                   & table["programme"].isin(programmes) & ~table["status"].isin(["request", "none"])]  # fmt: skip
    single = single.sort_values(["fy_first", "programme", "edition"])
    counts = single.groupby(["fy_first", "programme"]).size().rename("editions")
    latest = (
        single.groupby(["fy_first", "programme"]).tail(1).join(counts, on=["fy_first", "programme"])
    )
    latest = latest.rename(columns={"fy_first": "fiscal_year_number"})
    return latest[["fiscal_year_number", "fiscal_year", "programme", "amount_musd", "status", "edition",
                   "editions", "source", "note"]].reset_index(drop=True)  # fmt: skip


def fiscal_year(date: str) -> int | None:
    """The US fiscal year of a date known to the month or day; None for a bare year (it
    straddles two fiscal years)."""
    d = PartialDate.parse(date)
    return None if d.month is None else fiscal_year_of(d.first_day())


@cache
def milestone_actors(what: str) -> frozenset[str]:
    """The canonical actors a milestone's description names, found by the same gazetteer
    extraction uses (``Salala border incident …`` → ``PLACE.SALALA``)."""
    return frozenset(e.id for e in extract_text(what).entities)


def compare_milestones(events: pd.DataFrame, start: PartialDate | None = None,
                       end: PartialDate | None = None, dyad: tuple[str, str] = ("USA", "PAK"),
                       coalitions: dict[str, frozenset[str]] | None = None) -> pd.DataFrame:  # fmt: skip
    """For each milestone in the period: does the corpus confirm it, contradict it, or not cover it?

    A corpus event *bears on* a milestone when it is a dated, asserted event of the same PLOVER
    type, dated within ``MILESTONE_WINDOW_DAYS`` of it, that shares the milestone's actors: one
    of the actors its description names besides the two states (a place, person, group,
    programme or agreement: ``milestone_actors``), or, when it names none, both states of the
    dyad (coalition members counting for their side). A shared word is not enough. It
    *confirms* the milestone when the two dates agree at the coarser precision; if events bear
    on it but none agrees, it *contradicts* it; with none, the milestone is *not covered*.
    """
    ms = milestones()
    if start is not None:
        ms = ms[ms["last_day"] >= pd.Timestamp(start.first_day())]
    if end is not None:
        ms = ms[ms["first_day"] <= pd.Timestamp(end.last_day())]
    ev = with_coalitions(dated_events(events), coalitions or {})
    both = involves_both(ev, dyad) if not ev.empty else pd.Series(dtype=bool)
    actor_sets = [
        set(split(a)) | set(split(p)) for a, p in zip(ev["actors"], ev["programs"], strict=True)
    ]
    rows = []
    for m in ms.itertuples():
        date = PartialDate.parse(m.date)
        named = milestone_actors(m.what) - set(dyad)
        shares = (
            pd.Series([bool(a & named) for a in actor_sets], index=ev.index, dtype=bool)
            if named
            else both
        )
        bears = (ev["type"] == m.plover_type) & (
            (ev["first_day"] - m.first_day).abs() <= pd.Timedelta(days=MILESTONE_WINDOW_DAYS)
        )
        near = ev[bears & shares] if not ev.empty else ev
        agree = near[near["date"].map(lambda d, ref=date: PartialDate.parse(d).compatible(ref))]
        status = (
            "confirmed" if not agree.empty else "contradicted" if not near.empty else "not covered"
        )
        best = agree.iloc[0] if not agree.empty else near.iloc[0] if not near.empty else None
        rows.append({
            "date": m.date, "what": m.what, "type": m.plover_type, "status": status,
            "corpus_date": best["date"] if best is not None else "",
            "doc": best["doc"] if best is not None else "",
            "quote": best["quote"] if best is not None else "",
            "source": m.source,
        })  # fmt: skip
    return pd.DataFrame(
        rows, columns=["date", "what", "type", "status", "corpus_date", "doc", "quote", "source"]
    )


def milestone_index(start: int = 1947, end: int = 2024) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Milestones as a yearly PLOVER index (period table and rows), for ``cycles.phases``."""
    ms = milestones()
    ms = ms[(ms["first_day"].dt.year >= start) & (ms["first_day"].dt.year <= end)].copy()
    ms["period"] = ms["first_day"].dt.to_period("Y")
    ms["trigger"] = ms["what"]
    ms["type"] = ms["plover_type"]
    table = ms.groupby("period").agg(events=("intensity", "size"), index=("intensity", "mean"))
    table = table.reindex(pd.period_range(str(start), str(end), freq="Y"))
    table["events"] = table["events"].fillna(0).astype(int)
    table.index.name = "period"
    return table.reset_index(), ms.reset_index(drop=True)


def milestone_findings(check: pd.DataFrame) -> str:
    """One sentence on how far the corpus covers the reference milestones of the period."""
    if check.empty:
        return "No reference milestone falls in the chosen period."
    counts = check["status"].value_counts()
    confirmed = check[check["status"] == "confirmed"]
    text = (
        f"Of **{len(check)}** reference milestones in the period, the corpus confirms "
        f"**{counts.get('confirmed', 0)}**, contradicts **{counts.get('contradicted', 0)}** and "
        f"does not cover **{counts.get('not covered', 0)}**."
    )
    if not confirmed.empty:
        text += (
            " Confirmed: " + "; ".join(f"{r.what} ({r.date})" for r in confirmed.itertuples()) + "."
        )
    return text
