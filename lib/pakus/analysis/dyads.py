"""The sides of a dyad, with coalitions: which actors' events count for which side."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pakus.reconcile import split


def with_coalitions(events: pd.DataFrame, coalitions: Mapping[str, frozenset[str]]) -> pd.DataFrame:
    """The events table with coalition members counted for their side: an event naming a
    member (``actors``) has the side added to ``countries``; a member as ``source_actor`` or
    ``target_actor`` sets ``source_country`` or ``target_country`` to the side (a NATO strike
    is a US-side strike). Rows are neither added nor dropped; the input is not changed."""
    if not coalitions or events.empty:
        return events
    side_of = {body: side for side, bodies in coalitions.items() for body in bodies}
    out = events.copy()

    def countries(row) -> str:
        have = split(row["countries"])
        extra = [side_of[a] for a in split(row["actors"]) if a in side_of]
        return ";".join(dict.fromkeys([*have, *extra]))

    out["countries"] = out.apply(countries, axis=1) if len(out) else out["countries"]
    for role in ("source", "target"):
        actor, country = out[f"{role}_actor"], out[f"{role}_country"]
        out[f"{role}_country"] = [
            side_of.get(a, c) for a, c in zip(actor, country, strict=True)
        ]  # fmt: skip
    return out


def involves_both(events: pd.DataFrame, dyad: tuple[str, str]) -> pd.Series:
    """Whether each event's countries (after coalitions) include both sides of the dyad."""
    return pd.Series(
        [set(dyad) <= set(split(c)) for c in events["countries"]], index=events.index, dtype=bool
    )
