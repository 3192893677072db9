"""Curated reference tables in ``data/reference/``, loaded as typed DataFrames.

The gazetteer, trigger lexicon, PLOVER codebook and other tables used by extraction
are read here; every row carries a ``source``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

ENTITY_TYPES = ("person", "org", "state", "group", "program", "agreement", "place")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def project_root() -> Path:
    """The project folder (the one holding ``data/``); ``PAKUS_ROOT`` overrides it."""
    env = os.environ.get("PAKUS_ROOT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2]


def reference_dir() -> Path:
    """The folder of reference tables; ``PAKUS_REFERENCE`` overrides it."""
    env = os.environ.get("PAKUS_REFERENCE")
    return Path(env) if env else project_root() / "data" / "reference"


def read_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read ``<name>.csv`` from the reference folder as strings (empty cells are ``""``)."""
    path = (folder or reference_dir()) / f"{name}.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if "source" in table.columns and (table["source"].str.strip() == "").any():
        bad = table.index[table["source"].str.strip() == ""].tolist()
        raise ValueError(f"{path}: rows {bad} have no source")
    return table


@dataclass(frozen=True)
class ExtractionTables:
    """The reference tables that extraction reads (and only these)."""

    actors: pd.DataFrame
    triggers: pd.DataFrame
    plover_types: pd.DataFrame
    plover_modes: pd.DataFrame
    contexts: pd.DataFrame
    count_units: pd.DataFrame
    amount_purposes: pd.DataFrame


@cache
def extraction_tables(folder: str | None = None) -> ExtractionTables:
    """Load (once per folder) the tables that extraction uses."""
    path = Path(folder) if folder else reference_dir()
    plover = read_table("plover_types", path)
    plover["intensity"] = plover["intensity"].astype(float)
    modes = read_table("plover_modes", path)
    modes["intensity"] = modes["intensity"].astype(float)
    triggers = read_table("triggers", path)
    triggers["priority"] = triggers["priority"].astype(int)
    return ExtractionTables(
        actors=read_table("actors", path),
        triggers=triggers,
        plover_types=plover,
        plover_modes=modes,
        contexts=read_table("contexts", path),
        count_units=read_table("count_units", path),
        amount_purposes=read_table("amount_purposes", path),
    )
