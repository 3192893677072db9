"""Reference series set beside the corpus: CRS aid appropriations and the milestones of the
relationship. They are context and a check for the corpus, drawn apart from corpus facts, and
never an input of extraction.
"""

from __future__ import annotations

import re

import pandas as pd

from pakus.analysis.facts import dated_events, split
from pakus.dates import PartialDate, fiscal_year_of
from pakus.reference import load_series, milestones

SINGLE_YEAR_PROGRAMMES = ("FMF", "IMET", "CSF", "ESF", "PCF/PCCF")
_STOP = frozenset("with after from over during their that this were into about".split())


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


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _STOP}


def compare_milestones(events: pd.DataFrame, start: PartialDate | None = None,
                       end: PartialDate | None = None, dyad: tuple[str, str] = ("USA", "PAK")) -> pd.DataFrame:  # fmt: skip
    """For each milestone in the period: does the corpus confirm it, contradict it, or not cover it?

    A corpus event *bears on* a milestone when it is a dated, asserted event of the same PLOVER
    type with an actor of either side (or naming a programme), shares a content word with the
    milestone's description, and is dated within 18 months of it. It *confirms* the milestone
    when the two dates agree at the coarser precision; if events bear on it but none agrees, it
    *contradicts* it; with none, the milestone is *not covered*.
    """
    ms = milestones()
    if start is not None:
        ms = ms[ms["last_day"] >= pd.Timestamp(start.first_day())]
    if end is not None:
        ms = ms[ms["first_day"] <= pd.Timestamp(end.last_day())]
    ev = dated_events(events)
    ev = ev[ev["countries"].map(lambda c: bool(set(dyad) & set(split(c)))) | (ev["programs"] != "")]
    rows = []
    for m in ms.itertuples():
        words, date = _words(m.what), PartialDate.parse(m.date)
        bears = (ev["type"] == m.plover_type) & (
            (ev["first_day"] - m.first_day).abs() <= pd.Timedelta(days=548)
        )
        near = ev[bears & ev["quote"].map(lambda q, w=words: bool(w & _words(q)))]
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
