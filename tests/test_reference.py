"""The curated tables of data/reference: complete, sourced and consistent."""

from pathlib import Path

import pandas as pd
import pytest

from pakus.extract.text import WORD, token_key
from pakus.reference import ENTITY_TYPES, PLOVER_TYPES, extraction_tables

REF = Path(__file__).resolve().parents[1] / "data" / "reference"


@pytest.mark.parametrize("path", sorted(REF.glob("*.csv")), ids=lambda p: p.name)
def test_every_row_has_a_source(path):
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert "source" in table.columns
    assert (table["source"].str.strip() != "").all()


def test_each_table_is_described_in_the_readme():
    readme = (REF / "README.md").read_text(encoding="utf-8")
    for path in REF.glob("*.csv"):
        assert f"`{path.name}`" in readme, path.name


def test_actors_are_well_formed():
    actors = extraction_tables().actors
    assert actors["id"].is_unique
    assert set(actors["type"]) <= set(ENTITY_TYPES)
    ids = set(actors["id"])
    for aff in actors["affiliation"]:
        assert aff == "" or aff in ids or len(aff) == 3, aff


def test_no_alias_names_two_actors():
    actors = extraction_tables().actors
    owner: dict[tuple[str, ...], str] = {}
    for row in actors.itertuples():
        for alias in {row.name, *row.aliases.split("|")}:
            key = tuple(token_key(m.group()) for m in WORD.finditer(alias))
            assert owner.setdefault(key, row.id) == row.id, (alias, owner[key], row.id)


def test_trigger_lexicon_uses_plover_types_and_known_modes():
    t = extraction_tables()
    assert set(t.triggers["type"]) <= set(PLOVER_TYPES)
    assert set(t.plover_types["type"]) == set(PLOVER_TYPES)
    assert t.plover_types["intensity"].between(-10, 10).all()
    modes = set(zip(t.plover_modes["type"], t.plover_modes["mode"], strict=True))
    for row in t.triggers.itertuples():
        if row.mode and (row.type, row.mode) not in modes:
            assert row.mode in {"phone", "investigate"}, (row.type, row.mode)


def test_the_codebook_values_follow_the_plover_manual():
    plover = extraction_tables().plover_types.set_index("type")
    assert plover.loc["AID", "intensity"] == 10
    assert plover.loc["ASSAULT", "intensity"] == -9
    assert plover.loc["SANCTION", "quad"] == "MConf"
    assert plover.loc["CONSULT", "quad"] == "VC"
