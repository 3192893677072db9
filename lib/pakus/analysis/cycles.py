"""When did US–Pakistan relations converge, and when did they estrange?

Method, step by step:

1. *Scale.* Every dated event told as done between the two sides of the dyad (coalition
   members counted for their side, ``pakus.analysis.dyads``) is scored on the PLOVER
   intensity scale of its type (−10 … +10, ``pakus/data/reference/plover_types.csv``), a
   conflict–cooperation scale in the tradition of Goldstein (1992), "A Conflict-Cooperation
   Scale for WEIS Events Data", *Journal of Conflict Resolution* 36(2): 369–385.
2. *Periods.* Events are grouped into periods (year, quarter or month); an event whose date
   is coarser than the period is left out and counted. A period's index is the mean intensity
   of its events, kept only where it has at least ``min_events`` events from at least
   ``min_sources`` documents; other periods are gaps (no value, no line drawn across them).
3. *Uncertainty.* A 95 % percentile bootstrap interval of each period's mean, resampling its
   events with replacement ``BOOTSTRAP_REPLICATES`` times with a fixed seed (Efron and
   Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13).
4. *Smoothing.* A trailing moving average over ``window`` consecutive periods, periods without
   a value skipped (Hyndman and Athanasopoulos, *Forecasting: Principles and Practice*, 3rd
   ed., 2021, §3.3); it never reaches across a gap.
5. *Phases.* A phase is a run of consecutive periods with a value whose smoothed index *and*
   own index have the same sign: convergence (> 0) or estrangement (< 0). A period whose own
   index contradicts the smoothed one is a *turning* period, shown on its own, so one contrary
   period can neither be hidden inside a phase nor flip it. A gap ends a phase. Each phase
   is described by its mean intensity over its events (which has the phase's sign) and its
   events of largest absolute intensity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pakus.analysis.checks import check_coalitions, whole_number
from pakus.analysis.dyads import involves_both, with_coalitions
from pakus.analysis.facts import (
    FREQUENCIES,
    check_choice,
    check_period,
    check_subset,
    dated_events,
    within,
)  # fmt: skip
from pakus.dates import PartialDate
from pakus.errors import ParameterError
from pakus.reference import extraction_tables

BOOTSTRAP_REPLICATES = 2000
BOOTSTRAP_SEED = 20240101
"""Fixed so that the same inputs give the same intervals, byte for byte."""
PERIOD_COLUMNS = ["period", "events", "documents", "mean_intensity", "total_intensity", "index",
                  "low", "high"]  # fmt: skip
PHASE_COLUMNS = ["phase", "start", "end", "periods", "mean_intensity", "events", "defining_events"]

_PERIOD_CODE = {"year": "Y", "quarter": "Q", "month": "M"}
_NEEDS = {"year": {"year", "month", "day"}, "quarter": {"month", "day"}, "month": {"month", "day"}}


def dyad_events(events: pd.DataFrame, dyad: tuple[str, str] = ("USA", "PAK"),
                coalitions: dict[str, frozenset[str]] | None = None) -> pd.DataFrame:  # fmt: skip
    """Dated, asserted events whose actors belong to both sides of the dyad, coalition members
    (``{"USA": {"NATO", "ISAF"}}``) counting for their side."""
    ev = with_coalitions(dated_events(events), coalitions or {})
    return ev[involves_both(ev, dyad)].reset_index(drop=True)


def bootstrap_interval(values: np.ndarray, replicates: int = BOOTSTRAP_REPLICATES,
                       seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:  # fmt: skip
    """95 % percentile bootstrap interval (2.5th and 97.5th percentiles) of the mean of
    ``values`` (Efron and Tibshirani 1993, ch. 13); ``(nan, nan)`` for no values."""
    if len(values) == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = rng.choice(values, size=(replicates, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def period_index(
    events: pd.DataFrame,
    frequency: str,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    min_sources: int = 1,
    min_events: int = 1,
    sources: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per period: events, documents, mean and total intensity, the index and its bootstrap
    interval (``low``, ``high``).

    ``documents`` counts independent documents: with ``sources`` (``{doc: source doc}``,
    :func:`pakus.reconcile.independent_sources` of the documents table) a reprint counts with
    its original, once; ``min_sources`` applies to that count.

    Returns the period table (every period from the first to the last, empty ones included;
    ``index`` empty where the period has fewer than ``min_events`` events or ``min_sources``
    documents) and the events used, each with its ``period``. Events whose date is coarser
    than the period are left out (see ``coarse_events``).
    """
    ev = within(events, start, end) if not events.empty else events
    ev = ev[ev["precision"].isin(_NEEDS[frequency])].copy() if not ev.empty else ev.copy()
    if ev.empty:
        ev["period"] = pd.Series(dtype="object")
        return pd.DataFrame(columns=PERIOD_COLUMNS), ev
    code = _PERIOD_CODE[frequency]
    ev["period"] = ev["first_day"].dt.to_period(code)
    first = pd.Period(start.first_day(), code) if start else ev["period"].min()
    last = pd.Period(end.last_day(), code) if end else ev["period"].max()
    source = ev["doc"].map(lambda d: (sources or {}).get(d, d))
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
    enough = (table["documents"] >= min_sources) & (table["events"] >= min_events)
    table["index"] = table["mean_intensity"].where(enough)
    intervals = {
        p: bootstrap_interval(part["intensity"].to_numpy(dtype=float))
        for p, part in ev.groupby("period")
    }
    table["low"] = [intervals.get(p, (np.nan, np.nan))[0] for p in table.index]
    table["high"] = [intervals.get(p, (np.nan, np.nan))[1] for p in table.index]
    table[["low", "high"]] = table[["low", "high"]].where(enough, np.nan)
    table.index.name = "period"
    return table.reset_index(), ev.sort_values(["first_day", "doc", "start"]).reset_index(drop=True)


def smoothed(table: pd.DataFrame, window: int) -> pd.Series:
    """The trailing moving average of ``index`` over ``window`` consecutive periods (periods
    without a value skipped; empty where the period itself has none)."""
    if table.empty:
        return pd.Series(dtype=float)
    values = table["index"].astype(float)
    return values.rolling(window, min_periods=1).mean().where(values.notna())


def coarse_events(events: pd.DataFrame, frequency: str) -> pd.DataFrame:
    """Events left out of a period index because their date is coarser than the period."""
    return events[~events["precision"].isin(_NEEDS[frequency])]


def phases(table: pd.DataFrame, used: pd.DataFrame, window: int = 1, top: int = 2) -> pd.DataFrame:
    """Phases of convergence and estrangement, and turning periods (step 5 of the method)."""
    if table.empty or table["index"].notna().sum() == 0:
        return pd.DataFrame(columns=PHASE_COLUMNS)
    data = table.copy()
    data["smoothed"] = smoothed(data, window)
    own, smooth = np.sign(data["index"]), np.sign(data["smoothed"])

    def label(o, s_):
        if pd.isna(o) or pd.isna(s_) or o == 0 or s_ == 0:
            return None
        if o != s_:
            return "turning"
        return "convergence" if o > 0 else "estrangement"

    data["phase"] = [label(o, s_) for o, s_ in zip(own, smooth, strict=True)]
    # a new run starts at every change of label and after every period without one (a gap)
    run = (data["phase"] != data["phase"].shift()).cumsum()
    rows = []
    for _, part in data.groupby(run, sort=False):
        phase = part["phase"].iloc[0]
        if pd.isna(phase):
            continue
        periods = set(part["period"])
        ev = used[used["period"].isin(periods)]
        defining = ev.reindex(
            ev["intensity"].abs().sort_values(ascending=False, kind="stable").index
        )
        rows.append({
            "phase": phase,
            "start": str(part["period"].iloc[0]),
            "end": str(part["period"].iloc[-1]),
            "periods": len(part),
            "mean_intensity": round(float(ev["intensity"].mean()), 2),
            "events": len(ev),
            "defining_events": "; ".join(
                f"{r.date} {r.type} ({r.trigger})" for r in defining.head(top).itertuples()
            ),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=PHASE_COLUMNS)


@dataclass(frozen=True)
class Parameters:
    corpus: str
    start: PartialDate | None
    end: PartialDate | None
    frequency: str
    window: int
    dyad: tuple[str, str]
    min_sources: int
    min_events: int
    coalitions: dict[str, frozenset[str]]


def check_parameters(corpus, start, end, frequency, window, dyad, min_sources, min_events=1,
                     coalitions=None) -> Parameters:  # fmt: skip
    """Validate the notebook's parameters; ParameterError naming the parameter and the
    allowed values otherwise."""
    s, e = check_period(start, end)
    check_choice("frequency", frequency, FREQUENCIES)
    whole_number("window", window)
    whole_number("min_sources", min_sources)
    whole_number("min_events", min_events)
    if isinstance(dyad, list | tuple):
        dyad = ",".join(map(str, dyad))
    sides = tuple(x.strip() for x in str(dyad).split(",") if x.strip())
    actors = extraction_tables().actors
    states = set(actors.query("type == 'state'")["id"])
    if len(sides) != 2 or sides[0] == sides[1]:
        raise ParameterError(f"dyad: {dyad!r} must name two different states, e.g. 'USA,PAK'")
    check_subset("dyad", sides, sorted(states))
    bodies = check_coalitions(coalitions, sides, actors.query("type in ['org', 'group']")["id"])
    return Parameters(str(corpus), s, e, frequency, window, (sides[0], sides[1]), min_sources,
                      min_events, bodies)  # fmt: skip


def findings(
    table: pd.DataFrame,
    phase_table: pd.DataFrame,
    used: pd.DataFrame,
    coarse: int,
    min_events: int = 1,
) -> str:
    """The findings paragraph, written from the computed numbers."""
    if used.empty:
        return (
            "Nothing to analyse: no dated events between the two sides fall in the chosen period."
        )
    with_data = table.dropna(subset=["index"])
    docs = used["doc"].nunique()
    parts = [
        f"**{len(used)}** dated event{'s' if len(used) != 1 else ''} between the two sides, "
        f"from **{docs}** document{'s' if docs != 1 else ''}, fall in the chosen period "
        f"({coarse} more are dated too coarsely for this frequency and were left out); "
        f"**{len(with_data)}** of the {len(table)} periods have at least {min_events} "
        f"event(s) and enter the index."
    ]
    if with_data.empty:
        parts.append(
            "No period has enough events for an index; lower `min_events` or widen the period."
        )
        return " ".join(parts)
    best = with_data.loc[with_data["index"].idxmax()]
    worst = with_data.loc[with_data["index"].idxmin()]
    parts.append(
        f"The index peaks at **{best['index']:+.1f}** in {best['period']} "
        f"({best['events']} events, 95 % interval {best['low']:+.1f} to {best['high']:+.1f}) and "
        f"is lowest at **{worst['index']:+.1f}** in {worst['period']} ({worst['events']} events, "
        f"{worst['low']:+.1f} to {worst['high']:+.1f})."
    )
    real = phase_table[phase_table["phase"] != "turning"]
    if not real.empty:
        runs = ", then ".join(
            f"{p.phase} {p.start}" + (f"–{p.end}" if p.end != p.start else "")
            + f" (mean {p.mean_intensity:+.1f} over {p.events} events)"
            for p in real.itertuples()
        )  # fmt: skip
        parts.append(f"The smoothed index gives {len(real)} phase(s): {runs}.")
    turning = phase_table[phase_table["phase"] == "turning"]
    if not turning.empty:
        parts.append(
            "Turning periods (own index against the smoothed trend): "
            + ", ".join(f"{p.start} (mean {p.mean_intensity:+.1f})" for p in turning.itertuples())
            + "."
        )
    return " ".join(parts)
