"""On which militant groups do Washington and Islamabad converge?

Each dated, asserted event that names an armed group and whose acting (source) actor belongs
to one side (the United States or Pakistan; an armed group's act is not its home country's,
though its ``source_country`` is that country, as Phoenix codes it) is a *stance* of that side toward the group: **hostile** for SANCTION, ASSAULT and COERCE naming the group, for ACCUSE, THREATEN and
REJECT aimed at it (it is the target), and for a REQUEST whose clause asks to act *against* it; **shielding** for SUPPORT, AGREE, AID,
COOPERATE, CONCEDE and RETREAT with the group as target. Per group and period the
convergence score is +1 when both sides are hostile, −1 when one is hostile and the other
shields, +0.5 when only one side acts and is hostile (unilateral), and −0.5 when the only
stance is shielding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pakus.analysis.checks import as_list, check_coalitions
from pakus.analysis.dyads import with_coalitions
from pakus.analysis.facts import (
    FREQUENCIES,
    PERIOD_CODES,
    check_choice,
    check_period,
    check_subset,
    dated_events,
    split,
    within,
)
from pakus.dates import PartialDate
from pakus.reconcile import asserted
from pakus.reference import extraction_tables

SIDES = {"USA": "United States", "PAK": "Pakistan"}
HOSTILE = {"SANCTION", "ASSAULT", "COERCE", "ACCUSE", "THREATEN", "REJECT"}
MATERIAL_HOSTILE = {"SANCTION", "ASSAULT", "COERCE"}
SHIELDING = {"SUPPORT", "AGREE", "AID", "COOPERATE", "CONCEDE", "RETREAT"}
DEFAULT_GROUPS = ("TTP", "AQ", "ISKP", "LET", "JEM", "AQIS", "TALIBAN", "HQN")


def known_groups(entities: pd.DataFrame) -> dict[str, str]:
    """Every armed group the corpus names: id → name."""
    groups = entities[entities["type"] == "group"].drop_duplicates("id")
    return dict(zip(groups["id"], groups["name"], strict=True))


def stances(
    events: pd.DataFrame,
    entities: pd.DataFrame,
    groups: list[str],
    start=None,
    end=None,
    coalitions: dict[str, frozenset[str]] | None = None,
) -> pd.DataFrame:
    """One row per (event, side, group): the side's stance toward the group in that event.

    Undated events told as done are kept (``dated`` False): they are listed and drawn, but
    only dated ones enter the per-period convergence score and the period filter."""
    told = asserted(events)
    undated = told[told["date"] == ""].assign(first_day=pd.NaT, last_day=pd.NaT)
    ev = pd.concat([within(dated_events(events), start, end), undated], ignore_index=True)
    ev = with_coalitions(ev, coalitions or {})
    group_ids = set(groups)
    armed = group_ids | (set(known_groups(entities)) if "type" in entities.columns else set())
    rows = []
    for r in ev.itertuples(index=False):
        named = [a for a in split(r.actors) if a in group_ids]
        if not named:
            continue
        side = r.source_country  # the side that acts, not the one acted upon
        if side not in SIDES or r.source_actor in armed:  # a group's side is its home country
            continue
        for group in named:
            if (
                r.type in MATERIAL_HOSTILE
                or (r.type in HOSTILE and r.target_actor == group)
                or (r.type == "REQUEST" and re.search(r"\bagainst\b", r.quote))
            ):
                stance = "hostile"
            elif r.type in SHIELDING and r.target_actor == group:
                stance = "shielding"
            else:
                continue
            rows.append({"group": group, "side": side, "stance": stance, "type": r.type,
                         "date": r.date, "dated": bool(r.date), "first_day": r.first_day, "doc": r.doc,
                         "start": r.start, "end": r.end, "quote": r.quote})  # fmt: skip
    columns = [
        "group",
        "side",
        "stance",
        "type",
        "date",
        "dated",
        "first_day",
        "doc",
        "start",
        "end",
        "quote",
    ]
    return (
        pd.DataFrame(rows, columns=columns)
        .sort_values(["group", "first_day", "doc", "start"])
        .reset_index(drop=True)
    )


def _score(hostile: set[str], shielding: set[str]) -> float | None:
    if len(hostile) == 2:
        return 1.0
    if hostile and shielding - hostile:
        return -1.0
    if hostile:
        return 0.5
    if shielding:
        return -0.5
    return None


def convergence(st: pd.DataFrame, frequency: str = "year") -> pd.DataFrame:
    """Convergence score per group and period (see the module's method)."""
    code = PERIOD_CODES[frequency]
    st = st[st["dated"]] if not st.empty else st
    if st.empty:
        return pd.DataFrame(
            columns=["group", "period", "us_hostile", "pak_hostile", "score", "events"]
        )
    st = st.assign(period=st["first_day"].dt.to_period(code))
    rows = []
    for (group, period), part in st.groupby(["group", "period"], sort=True):
        hostile = set(part.loc[part["stance"] == "hostile", "side"])
        shielding = set(part.loc[part["stance"] == "shielding", "side"])
        rows.append({"group": group, "period": str(period), "us_hostile": "USA" in hostile,
                     "pak_hostile": "PAK" in hostile, "score": _score(hostile, shielding),
                     "events": len(part)})  # fmt: skip
    return pd.DataFrame(rows)


def summary(conv: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per group: periods with stances, mean score, and how many periods converge."""
    if conv.empty:
        return pd.DataFrame(
            columns=["group", "name", "periods", "mean_score", "converging_periods"]
        )
    out = conv.groupby("group").agg(
        periods=("period", "size"), mean_score=("score", "mean"),
        converging_periods=("score", lambda s: int((s == 1.0).sum())),
    ).reset_index()  # fmt: skip
    out.insert(1, "name", out["group"].map(names))
    out["mean_score"] = out["mean_score"].round(2)
    return out.sort_values(["mean_score", "group"], ascending=[False, True]).reset_index(drop=True)


@dataclass(frozen=True)
class Parameters:
    corpus: str
    groups: list[str]
    start: PartialDate | None
    end: PartialDate | None
    frequency: str
    coalitions: dict[str, frozenset[str]]


def check_parameters(corpus, groups, start, end, frequency, found: dict[str, str] | None = None,
                     coalitions=None) -> Parameters:  # fmt: skip
    """Validate the notebook's parameters; ``groups`` may be ``"all"`` (every group found) or
    one id as a string. Called before extraction (``found`` None), it checks ``groups``
    against the gazetteer only; with ``found`` it expands ``"all"``."""
    s, e = check_period(start, end)
    check_choice("frequency", frequency, FREQUENCIES)
    actors = extraction_tables().actors
    gazetteer = actors.query("type == 'group'")["id"]
    found = found or {}
    options = sorted(set(gazetteer) | set(found))
    if groups == "all":
        chosen = sorted(set(DEFAULT_GROUPS) | set(found))
    else:
        chosen = as_list("groups", groups)
    check_subset("groups", chosen, options)
    bodies = check_coalitions(
        coalitions, list(SIDES), actors.query("type in ['org', 'group']")["id"]
    )
    return Parameters(str(corpus), chosen, s, e, frequency, bodies)


def findings(st: pd.DataFrame, conv: pd.DataFrame, names: dict[str, str]) -> str:
    """The findings paragraph, written from the computed numbers."""
    if st.empty:
        return (
            "Nothing to analyse: no US or Pakistani actions toward the chosen groups fall in the "
            "chosen period."
        )
    by_side = st.groupby("side").size()
    parts = [
        f"**{len(st)}** actions toward **{st['group'].nunique()}** group(s) "
        f"({int(st['dated'].sum())} of them dated): "
        f"{by_side.get('USA', 0)} by the United States and {by_side.get('PAK', 0)} by Pakistan."
    ]
    both = conv[conv["score"] == 1.0]
    if both.empty:
        parts.append("In no period do both sides act against the same group in this corpus.")
    else:
        listed = ", ".join(f"{names.get(r.group, r.group)} ({r.period})" for r in both.itertuples())
        parts.append(f"Both sides act against the same group in: {listed}.")
    one = conv[conv["score"] == 0.5]
    if not one.empty:
        parts.append(f"{len(one)} group-period(s) see action by one side only.")
    return " ".join(parts)
