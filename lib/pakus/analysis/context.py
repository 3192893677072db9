"""Reference series set beside the corpus: CRS aid appropriations and the milestones of the
relationship. They are context and a check for the corpus, drawn apart from corpus facts, and
never an input of extraction.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from pakus.analysis.aid import programmes_of
from pakus.analysis.dyads import with_coalitions
from pakus.analysis.facts import dated_events, split
from pakus.dates import PartialDate, fiscal_year_of
from pakus.errors import ParameterError
from pakus.extract import extract_text
from pakus.reconcile import ProgrammeIndex
from pakus.reference import load_series, milestones, project_root

SINGLE_YEAR_PROGRAMMES = ("FMF", "IMET", "CSF", "ESF", "PCF/PCCF")
MILESTONE_WINDOW_DAYS = 548
"""How far (days; about 18 months) a corpus event's date may lie from a milestone's and still
bear on it: the gap between the two dates' spans of days (0 when they overlap)."""


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
    """The canonical actors other than states that a milestone's description names, found by
    the same gazetteer extraction uses (``Salala border incident …`` → ``PLACE.SALALA``,
    ``IMET suspended`` → ``PROG.IMET``): places, persons, groups, programmes, agreements."""
    return frozenset(e.id for e in extract_text(what).entities if e.type != "state")


def gap_days(first: pd.Series, last: pd.Series, other_first, other_last) -> pd.Series:
    """Days between each span [first, last] and the span [other_first, other_last]
    (Timestamps of first and last days), 0 where they overlap."""
    after = (first - other_last).dt.days.clip(lower=0)
    before = (other_first - last).dt.days.clip(lower=0)
    return after + before


def _direction(src: str, tgt: str, events: pd.DataFrame, countries: list[set[str]],
               dyad: tuple[str, str]) -> tuple[list[bool], list[bool]]:  # fmt: skip
    """Per event: does its direction agree with the milestone's sides ``src`` → ``tgt``, and
    does it disagree? A side agrees when the event gives that state, or leaves the side empty
    while that state is among its countries; it disagrees when the event gives another state.
    With no side given, an event agrees when both states of ``dyad`` are among its countries
    and never disagrees."""
    agree, disagree = [], []
    for s_, t_, c in zip(events["source_country"], events["target_country"], countries,
                         strict=True):  # fmt: skip
        if not src and not tgt:
            agree.append(set(dyad) <= c)
            disagree.append(False)
            continue
        sides = [(want, got if isinstance(got, str) else "") for want, got in ((src, s_), (tgt, t_))
                 if want]  # fmt: skip
        agree.append(all(got == want or (not got and want in c) for want, got in sides))
        disagree.append(any(got and got != want for want, got in sides))
    return agree, disagree


SCHEMES = ("PROG.", "AGR.")
"""Gazetteer id prefixes of programmes and agreements: an event about another programme or
agreement than the one a milestone names is another happening."""

MILESTONE_COLUMNS = ["date", "what", "type", "direction", "status", "corpus_date", "doc", "quote",
                     "shared", "gap_days", "source"]  # fmt: skip


def compare_milestones(events: pd.DataFrame, start: PartialDate | None = None,
                       end: PartialDate | None = None, dyad: tuple[str, str] = ("USA", "PAK"),
                       coalitions: dict[str, frozenset[str]] | None = None,
                       entities: pd.DataFrame | None = None, table: pd.DataFrame | None = None,
                       window: int = MILESTONE_WINDOW_DAYS) -> pd.DataFrame:  # fmt: skip
    """For each milestone in the period: does the corpus confirm it, contradict it, or not cover it?

    ``table``: the milestones (default ``pakus.reference.milestones()``; a researcher's own
    table in the same layout, read with ``pakus.reference.milestones(folder)``), those whose
    dates meet [``start``, ``end``]. ``events``: the events table; only events told as done
    (asserted, not negated) with a date count. An event's sides are its ``source_country``
    and ``target_country``, with ``coalitions`` members counted for their side (a NATO strike
    is a US-side strike: ``pakus.analysis.dyads.with_coalitions``). Dates on both sides are ISO
    8601 at their precision (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; a milestone may end at
    ``date_end``), each standing for its span of days; distances are whole days between the
    two spans (``gap_days``). The rule:

    - an event *matches* a milestone when it has the milestone's PLOVER type
      (``plover_type``), no side of it contradicts the milestone's direction, and either its
      direction agrees or it shares an actor the milestone names (below). Direction: the
      milestone's ``source_country`` is the event's source side and its ``target_country``
      the event's target side; a side the milestone leaves empty is not compared; a side the
      event leaves empty agrees when that state is among its countries and never contradicts
      (an agentless "the CIS-MOA was signed in 2005" matches by its agreement); a milestone
      with no side agrees with events that have both states of ``dyad`` among their
      countries, either way round. A Pakistani closure of NATO supply routes (PAK → USA)
      does not match a US withholding of aid (USA → PAK). Nor does an event about another
      programme or agreement (``SCHEMES``) than those the milestone names (an IMET event does
      not match an F-16 milestone; an event naming none may).
    - it *confirms* the milestone when it matches and their dates overlap (``gap_days`` 0:
      they agree at the coarser precision; ``2011`` overlaps ``2011-07-10``). Named actors
      are not needed: type, direction and date suffice, for the reference table and for a
      researcher's own.
    - it *bears on* the milestone when it matches, lies within ``window`` days
      (``MILESTONE_WINDOW_DAYS``) and, when the milestone's description names actors other
      than states (``milestone_actors``: ``Pressler``, ``Salala``, ``IMET``), shares one of
      them, among its own actors and the programmes it is about (``aid.programmes_of``: with
      ``entities``, "the programme" is the programme named just before). A shared word is
      never enough.

    ``status`` is ``confirmed`` when an event confirms it, else ``contradicted`` when an event
    bears on it (the same happening told at another date), else ``not covered``. Returns one
    row per milestone, in the table's order, with the columns ``MILESTONE_COLUMNS``:
    ``direction`` (``USA→PAK``; ``USA→any``; ``either`` when no side is given), and of the
    best event (sharing named actors first, then the smallest gap, then document and offset)
    ``corpus_date``, ``doc``, ``quote``, ``shared`` (the named actors it shares, ``;``-joined)
    and ``gap_days`` (whole days, Int64; empty with no event).
    """
    ms = milestones() if table is None else table
    if start is not None:
        ms = ms[ms["last_day"] >= pd.Timestamp(start.first_day())]
    if end is not None:
        ms = ms[ms["first_day"] <= pd.Timestamp(end.last_day())]
    ev = with_coalitions(dated_events(events), coalitions or {})
    index = ProgrammeIndex(entities) if entities is not None else None
    countries = [set(split(c)) for c in ev["countries"]]
    about = [
        set(split(r.actors)) | set(split(r.programs)) | set(programmes_of(r, index))
        for r in ev.itertuples(index=False)
    ]
    rows = []
    for m in ms.itertuples():
        src, tgt = getattr(m, "source_country", ""), getattr(m, "target_country", "")
        agree, disagree = _direction(src, tgt, ev, countries, dyad)
        named = milestone_actors(m.what)
        shares = [bool(a & named) for a in about]
        schemes = {a for a in named if a.startswith(SCHEMES)}
        other = [bool(schemes) and not (a & schemes) and any(x.startswith(SCHEMES) for x in a)
                 for a in about]  # fmt: skip
        matching = [
            t == m.plover_type and not d and not o and (g or n)
            for t, d, o, g, n in zip(ev["type"], disagree, other, agree, shares, strict=True)
        ]
        matches = ev[pd.Series(matching, index=ev.index, dtype=bool)]
        gap = gap_days(matches["first_day"], matches["last_day"], m.first_day, m.last_day)
        shared = pd.Series(
            [";".join(sorted(about[ev.index.get_loc(i)] & named)) for i in matches.index],
            index=matches.index, dtype=object,
        )  # fmt: skip
        confirming = matches[gap == 0]
        bearing = matches[(gap <= window) & ((shared != "") | (not named))]
        found = confirming if not confirming.empty else bearing
        status = (
            "confirmed" if not confirming.empty
            else "contradicted" if not bearing.empty else "not covered"
        )  # fmt: skip
        best = None
        if not found.empty:
            order = found.assign(
                _named=(shared[found.index] == ""), _gap=gap[found.index]
            ).sort_values(["_named", "_gap", "doc", "start"])
            best = order.index[0]
        rows.append({
            "date": m.date, "what": m.what, "type": m.plover_type,
            "direction": f"{src or 'any'}→{tgt or 'any'}" if src or tgt else "either",
            "status": status,
            "corpus_date": ev.at[best, "date"] if best is not None else "",
            "doc": ev.at[best, "doc"] if best is not None else "",
            "quote": ev.at[best, "quote"] if best is not None else "",
            "shared": shared[best] if best is not None else "",
            "gap_days": int(gap[best]) if best is not None else None,
            "source": m.source,
        })  # fmt: skip
    out = pd.DataFrame(rows, columns=MILESTONE_COLUMNS)
    out["gap_days"] = out["gap_days"].astype("Int64")
    return out


def check_milestones(value: object) -> pd.DataFrame | None:
    """The ``milestones`` parameter: ``""`` (or None) for the reference table, else a
    researcher's own CSV file in the layout of ``milestones.csv`` (``source_country`` and
    ``target_country`` optional), as given or relative to the project, read and validated
    with ``pakus.reference.milestones``. ParameterError naming the parameter, the file and,
    for a bad cell, its row and column."""
    if value is None or value == "":
        return None
    if not isinstance(value, str | Path):
        raise ParameterError(f"milestones: {value!r} must be the path of a CSV file, or empty")
    path = Path(value)
    path = path if path.is_file() else project_root() / path
    if not path.is_file() or path.suffix.lower() != ".csv":
        raise ParameterError(
            f"milestones: {str(value)!r} is not a CSV file (give a table in the layout of "
            "data/reference/milestones.csv, or empty for the reference milestones)"
        )
    try:
        return milestones(path)
    except (ValueError, KeyError) as err:
        raise ParameterError(f"milestones: {err}") from None


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


def milestone_findings(check: pd.DataFrame, what: str = "reference milestones") -> str:
    """One sentence on how far the corpus covers the milestones of the period (``what``: how
    to call them, e.g. "milestones of your table")."""
    if check.empty:
        return f"None of the {what} falls in the chosen period."
    counts = check["status"].value_counts()
    confirmed = check[check["status"] == "confirmed"]
    text = (
        f"Of **{len(check)}** {what} in the period, the corpus confirms "
        f"**{counts.get('confirmed', 0)}**, contradicts **{counts.get('contradicted', 0)}** and "
        f"does not cover **{counts.get('not covered', 0)}**."
    )
    if not confirmed.empty:
        text += (
            " Confirmed: " + "; ".join(f"{r.what} ({r.date})" for r in confirmed.itertuples()) + "."
        )
    return text
