"""When did US–Pakistan relations converge, and when did they estrange?

Method: every dated, asserted event between the two sides of the dyad is scored on the PLOVER
intensity scale (−10 … +10, ``pakus/data/reference/plover_types.csv``). Events are grouped into
periods (year, quarter or month); an event whose date is coarser than the period (a year
when periods are months) is left out and counted. A period's index is the mean intensity of
its events, kept only where at least ``min_sources`` documents report events in it. The index
is smoothed with a trailing rolling mean over ``window`` periods that have data; a phase is a
run of periods whose smoothed index has the same sign: convergence (> 0) or estrangement
(< 0). Each phase is defined by its events of largest absolute intensity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from pakus.analysis.facts import (
    FREQUENCIES,
    PERIOD_CODES,
    check_choice,
    check_period,
    check_positive_int,
    check_subset,
    dated_events,
    split,
    within,
)  # fmt: skip
from pakus.dates import PartialDate
from pakus.errors import ParameterError
from pakus.reference import extraction_tables

_NEEDS = {"year": {"year", "month", "day"}, "quarter": {"month", "day"}, "month": {"month", "day"}}


def dyad_events(events: pd.DataFrame, dyad: tuple[str, str] = ("USA", "PAK")) -> pd.DataFrame:
    """Dated, asserted events whose actors belong to both sides of the dyad."""
    ev = dated_events(events)
    both = ev["countries"].map(lambda c: set(dyad) <= set(split(c)))
    return ev[both].reset_index(drop=True)


def period_index(
    events: pd.DataFrame,
    frequency: str,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    min_sources: int = 1,
    sources: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per period: events, documents, mean and total intensity, and the index.

    ``documents`` counts independent documents: with ``sources`` (``{doc: source doc}``,
    :func:`pakus.reconcile.independent_sources` of the documents table) a reprint counts with
    its original, once; ``min_sources`` applies to that count.

    Returns the period table (every period from the first to the last, empty ones included)
    and the events used, each with its ``period``. Events whose date is coarser than the
    period are left out (see ``coarse_events``).
    """
    ev = within(events, start, end)
    ev = ev[ev["precision"].isin(_NEEDS[frequency])].copy()
    code = PERIOD_CODES[frequency]
    ev["period"] = ev["first_day"].dt.to_period(code)
    source = ev["doc"].map(lambda d: (sources or {}).get(d, d))
    first = pd.Period(start.first_day(), code) if start else ev["period"].min()
    last = pd.Period(end.last_day(), code) if end else ev["period"].max()
    if ev.empty or pd.isna(first) or pd.isna(last):
        return pd.DataFrame(columns=["period", "events", "documents", "mean_intensity",
                                     "total_intensity", "index"]), ev  # fmt: skip
    grouped = (
        ev.assign(source=source)
        .groupby("period")
        .agg(
            events=("intensity", "size"),
            documents=("source", "nunique"),
            mean_intensity=("intensity", "mean"),
            total_intensity=("intensity", "sum"),
        )
    )
    table = grouped.reindex(pd.period_range(first, last, freq=code))
    table[["events", "documents"]] = table[["events", "documents"]].fillna(0).astype(int)
    table["index"] = table["mean_intensity"].where(table["documents"] >= min_sources)
    table.index.name = "period"
    return table.reset_index(), ev.sort_values(["first_day", "doc", "start"]).reset_index(drop=True)


def coarse_events(events: pd.DataFrame, frequency: str) -> pd.DataFrame:
    """Events left out of a period index because their date is coarser than the period."""
    return events[~events["precision"].isin(_NEEDS[frequency])]


def phases(table: pd.DataFrame, used: pd.DataFrame, window: int = 1, top: int = 2) -> pd.DataFrame:
    """Runs of convergence and estrangement in the smoothed index, with their defining events."""
    data = table.dropna(subset=["index"]).copy()
    if data.empty:
        return pd.DataFrame(columns=["phase", "start", "end", "periods", "mean_intensity", "events",
                                     "defining_events"])  # fmt: skip
    data["smoothed"] = data["index"].rolling(window, min_periods=1).mean()
    data = data[data["smoothed"] != 0]
    data["phase"] = data["smoothed"].map(lambda v: "convergence" if v > 0 else "estrangement")
    run = (data["phase"] != data["phase"].shift()).cumsum()
    rows = []
    for _, part in data.groupby(run):
        periods = set(part["period"])
        ev = used[used["period"].isin(periods)]
        defining = ev.reindex(
            ev["intensity"].abs().sort_values(ascending=False, kind="stable").index
        )
        rows.append({
            "phase": part["phase"].iloc[0],
            "start": str(part["period"].iloc[0]),
            "end": str(part["period"].iloc[-1]),
            "periods": len(part),
            "mean_intensity": round(float(ev["intensity"].mean()), 2),
            "events": len(ev),
            "defining_events": "; ".join(
                f"{r.date} {r.type} ({r.trigger})" for r in defining.head(top).itertuples()
            ),
        })  # fmt: skip
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Parameters:
    corpus: str
    start: PartialDate | None
    end: PartialDate | None
    frequency: str
    window: int
    dyad: tuple[str, str]
    min_sources: int


def check_parameters(corpus, start, end, frequency, window, dyad, min_sources) -> Parameters:
    """Validate the notebook's parameters; ParameterError with a clear message otherwise."""
    s, e = check_period(start, end)
    check_choice("frequency", frequency, FREQUENCIES)
    check_positive_int("window", window, "a whole number of periods")
    check_positive_int("min_sources", min_sources)
    sides = tuple(x.strip() for x in str(dyad).split(",") if x.strip())
    states = set(extraction_tables().actors.query("type == 'state'")["id"])
    if len(sides) != 2 or sides[0] == sides[1]:
        raise ParameterError(f"dyad: {dyad!r} must name two different states, e.g. 'USA,PAK'")
    check_subset("dyad", sides, sorted(states))
    return Parameters(str(corpus), s, e, frequency, window, (sides[0], sides[1]), min_sources)


def findings(
    table: pd.DataFrame, phase_table: pd.DataFrame, used: pd.DataFrame, coarse: int
) -> str:
    """The findings paragraph, written from the computed numbers."""
    if used.empty:
        return "No dated events between the two sides fall in the chosen period."
    with_data = table.dropna(subset=["index"])
    best = with_data.loc[with_data["index"].idxmax()]
    worst = with_data.loc[with_data["index"].idxmin()]
    parts = [
        f"**{len(used)}** dated events between the two sides, from **{used['doc'].nunique()}** "
        f"documents, fall in **{len(with_data)}** of the {len(table)} periods "
        f"({coarse} more are dated too coarsely for this frequency and were left out).",
        f"The index peaks at **{best['index']:+.1f}** in {best['period']} and is lowest at "
        f"**{worst['index']:+.1f}** in {worst['period']}.",
    ]
    if not phase_table.empty:
        runs = ", then ".join(f"{p.phase} {p.start}–{p.end} (mean {p.mean_intensity:+.1f})"
                              for p in phase_table.itertuples())  # fmt: skip
        parts.append(f"The smoothed index gives {len(phase_table)} phase(s): {runs}.")
    return " ".join(parts)
