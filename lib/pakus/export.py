"""Exports for other tools: a Frictionless Data Package of the fact tables, and events in the
POLECAT column layout."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from pakus.reconcile import asserted
from pakus.tables import COLUMNS

_FRICTIONLESS_TYPES = {"string": "string", "int64": "integer", "Int64": "integer",
                       "float64": "number", "boolean": "boolean"}  # fmt: skip
PRIMARY_KEYS = {
    "documents": ["doc"],
    "entities": ["doc", "start", "end"],
    "dates": ["doc", "start"],
    "amounts": ["doc", "start"],
    "counts": ["doc", "start"],
    "events": ["doc", "start", "trigger_start", "type", "date", "source_actor", "target_actor"],
    "facts": ["fact_id"],
    "fact_sources": ["fact_id", "kind", "doc", "start"],
    "conflicts": ["fact_id", "field", "doc", "start"],
    "flags": ["doc", "start", "rule", "reason"],
    "corrections": ["action", "doc", "start", "field", "value", "other_doc"],
    "problems": ["path", "message"],
}
QUAD_NAMES = {"VC": "Verbal Cooperation", "MC": "Material Cooperation", "VConf": "Verbal Conflict",
              "MConf": "Material Conflict"}  # fmt: skip
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Recipient Name", "Recipient Country", "Source",
    "Publication Date", "Primary Actor Sector", "Primary Recipient Sector",
    "pakus Doc", "pakus Start", "pakus End", "pakus Quote",
]  # fmt: skip


def datapackage(out: Path, provenance: dict | None = None) -> dict:
    """The Data Package descriptor for the CSV tables of ``out`` (written as datapackage.json),
    with the build's ``provenance`` under ``pakus`` (``pakus.build.build_provenance``)."""
    resources = []
    for name, columns in COLUMNS.items():
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "format": "csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {"name": c, "type": _FRICTIONLESS_TYPES[t], "description": d} for c, t, d in columns
                ],
                "primaryKey": PRIMARY_KEYS[name],
                "missingValues": [""],
            },
        })  # fmt: skip
    package = {
        "name": "pakus-facts",
        "title": "pakus: sourced facts about US–Pakistan security relations",
        "description": "Built by `pakus build` from a corpus of documents; every fact has doc, start, "
        "end and quote (text[start:end] == quote).",
        "licenses": [{"name": "MIT"}],
        "resources": resources,
        **({"pakus": provenance} if provenance is not None else {}),
    }
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return package


def _sector_of(events: pd.DataFrame, entities: pd.DataFrame):
    """A function giving an event's source or target sector: the event's own
    ``source_sector``/``target_sector`` where the events table has them, else that of the
    actor's mention inside the event's clause, else of its first mention in the document."""
    has = {"source_sector", "target_sector"} <= set(events.columns)
    if "sector" not in entities.columns:
        entities = entities.assign(sector="")
    by_actor = {
        key: list(zip(group["start"], group["sector"], strict=True))
        for key, group in entities.sort_values(["doc", "start"]).groupby(["doc", "id"])
    }

    def sector(e, role: str) -> str:
        if has:
            return getattr(e, f"{role}_sector") or ""
        actor = getattr(e, f"{role}_actor")
        mentions = by_actor.get((e.doc, actor), [])
        inside = [s for start, s in mentions if e.start <= start < e.end]
        return (inside or [s for _, s in mentions] or [""])[0]

    return sector


def polecat_events(
    events: pd.DataFrame, entities: pd.DataFrame, documents: pd.DataFrame
) -> pd.DataFrame:
    """Events told as done, in the POLECAT column layout, with pakus provenance columns."""
    names = entities.drop_duplicates("id").set_index("id")["name"]
    sector = _sector_of(events, entities)
    published = documents.set_index("doc")["published"]
    ev = asserted(events)
    rows = []
    for e in ev.itertuples():
        # one event per source–target pair of coordinated actors: the pair is part of the key
        key = f"{e.doc}|{e.start}|{e.trigger_start}|{e.date}|{e.source_actor}|{e.target_actor}"
        rows.append({
            "Event ID": "pakus-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            "Event Date": e.date, "Event Type": e.type, "Event Mode": e.mode,
            "Intensity": e.intensity, "Quad Code": QUAD_NAMES.get(e.quad, e.quad),
            "Contexts": e.context, "Actor Name": names.get(e.source_actor, ""),
            "Actor Country": e.source_country, "Recipient Name": names.get(e.target_actor, ""),
            "Recipient Country": e.target_country, "Source": e.doc,
            "Publication Date": published.get(e.doc, ""),
            "Primary Actor Sector": sector(e, "source"),
            "Primary Recipient Sector": sector(e, "target"),
            "pakus Doc": e.doc, "pakus Start": e.start, "pakus End": e.end, "pakus Quote": e.quote,
        })  # fmt: skip
    return pd.DataFrame(rows, columns=POLECAT_COLUMNS)
