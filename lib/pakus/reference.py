"""Curated reference tables, shipped with the package in ``pakus/data/reference/`` (read
with ``importlib.resources``), loaded as typed DataFrames.

The gazetteer, trigger lexicon, PLOVER codebook and other tables used by extraction
are read here; every row carries a ``source``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from pakus.dates import PartialDate, is_iso_or_empty

ENTITY_TYPES = ("person", "org", "state", "group", "program", "agreement", "place")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def project_root() -> Path:
    """The folder that default paths (``data/raw``, ``data/processed``, ``notebooks``) are
    relative to: ``PAKUS_ROOT`` if set; else the source checkout this module runs from (the
    folder with ``pyproject.toml`` above ``lib/pakus``); else, for an installed package, the
    current working directory."""
    env = os.environ.get("PAKUS_ROOT")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2]
    return checkout if (checkout / "pyproject.toml").is_file() else Path.cwd()


def reference_dir() -> Path:
    """The folder of reference tables: the package data ``pakus/data/reference`` (a real folder
    in a source checkout and in an installed wheel); ``PAKUS_REFERENCE`` overrides it."""
    env = os.environ.get("PAKUS_REFERENCE")
    if env:
        return Path(env)
    return Path(str(files("pakus").joinpath("data", "reference")))


def read_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read ``<name>.csv`` from the reference folder as strings (empty cells are ``""``)."""
    import pandas as pd

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
    demonyms: pd.DataFrame
    amount_purposes: pd.DataFrame
    fiscal_calendars: pd.DataFrame
    named_days: pd.DataFrame
    currencies: pd.DataFrame
    governors: pd.DataFrame
    role_frames: pd.DataFrame
    verb_lexicon: pd.DataFrame
    verb_lexicon_sets: pd.DataFrame
    peer_actors: pd.DataFrame | None = None
    """States' other names, places, bodies, armed groups and office holders derived from the
    PETRARCH2 dictionaries (``scripts/derive_peer_actors.py``); ``actors`` wins over them."""
    agents: pd.DataFrame | None = None
    """Generic agents and their Phoenix sector: curated ``agents.csv`` rows, then ``peer_agents.csv``."""
    ambiguous_names: pd.DataFrame | None = None
    offices: pd.DataFrame | None = None


@cache
def extraction_tables(folder: str | None = None) -> ExtractionTables:
    """Load (once per folder) the tables that extraction uses."""
    import pandas as pd

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
        demonyms=pd.concat([read_table("demonyms", path), _optional("peer_demonyms", path)]),
        amount_purposes=read_table("amount_purposes", path),
        fiscal_calendars=read_table("fiscal_calendars", path),
        named_days=read_table("named_days", path),
        currencies=read_table("currencies", path),
        governors=read_table("governors", path),
        role_frames=read_table("role_frames", path),
        verb_lexicon=read_table("verb_lexicon", path),
        verb_lexicon_sets=read_table("verb_lexicon_sets", path),
        peer_actors=_optional("peer_actors", path),
        agents=pd.concat([_optional("agents", path), _optional("peer_agents", path)]),
        ambiguous_names=_optional("ambiguous_names", path),
        offices=_optional("offices", path),
    )


def _optional(name: str, folder: Path) -> pd.DataFrame:
    """A table that a reference folder may lack (an empty frame then)."""
    import pandas as pd

    if not (folder / f"{name}.csv").exists():
        return pd.DataFrame()
    return read_table(name, folder)


# --- reference series: context for the corpus, never an input of extraction ----------------


def _schemas():
    from pakus._pandera import pa

    nonempty = pa.Check.str_length(min_value=1, error="must not be empty")
    iso = pa.Check(
        is_iso_or_empty, element_wise=True, error="an ISO date (YYYY, YYYY-MM, YYYY-MM-DD)"
    )
    return {
        "aid_by_fiscal_year": pa.DataFrameSchema(
            {
                "edition": pa.Column(str, [nonempty, iso]),
                "fiscal_year": pa.Column(str, pa.Check.str_matches(r"^FY\d{4}(-FY\d{4})?$")),
                "fy_first": pa.Column(int, pa.Check.in_range(1947, 2100)),
                "fy_last": pa.Column(int, pa.Check.in_range(1947, 2100)),
                "programme": pa.Column(str, nonempty),
                "row_kind": pa.Column(str, pa.Check.isin(["programme", "total"])),
                "amount_musd": pa.Column(float, pa.Check.ge(0), nullable=True),
                "status": pa.Column(str, pa.Check.isin(["", "withheld", "none", "request"])),
                "source": pa.Column(str, nonempty),
                "note": pa.Column(str),
            },
            checks=[
                pa.Check(lambda d: d["fy_last"] >= d["fy_first"], error="fy_last before fy_first"),
                pa.Check(
                    lambda d: d["amount_musd"].isna() == d["status"].isin(["withheld", "none"]),
                    error="an amount is empty exactly when the status is withheld or none",
                ),
            ],
            strict=True,
        ),
        "milestones": pa.DataFrameSchema(
            {
                "date": pa.Column(str, [nonempty, iso]),
                "date_end": pa.Column(str, iso),
                "precision": pa.Column(str, pa.Check.isin(["day", "month", "year"])),
                "what": pa.Column(str, nonempty),
                "plover_type": pa.Column(str, pa.Check.isin(list(PLOVER_TYPES))),
                "source": pa.Column(str, nonempty),
                "note": pa.Column(str),
            },
            strict=True,
        ),
        "cameo_goldstein": pa.DataFrameSchema(
            {
                "code": pa.Column(str, pa.Check.str_matches(r"^\d{2,4}$")),
                "description": pa.Column(str, nonempty),
                "goldstein": pa.Column(float, pa.Check.in_range(-10, 10)),
                "source": pa.Column(str, nonempty),
                "note": pa.Column(str),
            },
            strict=True,
        ),
    }


def load_series(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A reference series (``aid_by_fiscal_year``, ``milestones``, ``cameo_goldstein``), typed
    and validated; a bad cell raises ValueError naming the file, the row and the column."""
    import pandas as pd

    from pakus._pandera import SchemaErrors

    path = (folder or reference_dir()) / f"{name}.csv"
    table = read_table(name, folder)
    for column in ("fy_first", "fy_last"):
        if column in table:
            table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    for column in ("amount_musd", "goldstein"):
        if column in table:
            table[column] = pd.to_numeric(table[column].replace("", None), errors="coerce").astype(
                float
            )
    try:
        return _schemas()[name].validate(table, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        problems = [
            f"row {int(c.index) + 1 if pd.notna(c.index) else '?'}, column '{c.column}': "
            f"{c.failure_case!r}: {c.check}"
            for c in cases.itertuples()
        ]
        raise ValueError(f"{path}: " + "; ".join(problems)) from None


def milestones(folder: Path | None = None) -> pd.DataFrame:
    """The milestones with first and last day of their date and their PLOVER intensity."""
    import pandas as pd

    table = load_series("milestones", folder)
    first = table["date"].map(lambda d: PartialDate.parse(d).first_day())
    last = [
        PartialDate.parse(e or d).last_day()
        for d, e in zip(table["date"], table["date_end"], strict=True)
    ]
    table["first_day"] = pd.to_datetime(first)
    table["last_day"] = pd.to_datetime(last)
    intensity = extraction_tables().plover_types.set_index("type")["intensity"]
    table["intensity"] = table["plover_type"].map(intensity)
    return table
