"""The curated tables of lib/pakus/data/reference: complete, sourced and consistent."""

import datetime as dt
import itertools
import re
from pathlib import Path

import pandas as pd
import pytest

from pakus.extract.entities import active_period
from pakus.extract.text import WORD, token_key
from pakus.reference import ENTITY_TYPES, PLOVER_TYPES, extraction_tables

REF = Path(__file__).resolve().parents[1] / "lib" / "pakus" / "data" / "reference"


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


def test_a_name_is_shared_only_by_actors_of_different_times():
    """Two actors may share a name ("George Bush") only if both have an ``active`` period and
    the periods do not overlap, so that the time a text speaks of tells them apart."""
    actors = extraction_tables().actors
    owners: dict[tuple[str, ...], set[str]] = {}
    periods = {row.id: active_period(row.active) for row in actors.itertuples()}
    for row in actors.itertuples():
        for alias in {row.name, *row.aliases.split("|")}:
            key = tuple(token_key(m.group()) for m in WORD.finditer(alias))
            owners.setdefault(key, set()).add(row.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert ("george", "bush") in shared  # the reason for the rule
    for key, ids in shared.items():
        spans = sorted(periods[i] for i in ids if periods[i] is not None)
        assert len(spans) == len(ids), (key, ids)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start, (key, ids)


def test_active_periods_are_iso_intervals():
    assert active_period("") is None
    assert active_period("1989-01-20/1993-01-20") == (dt.date(1989, 1, 20), dt.date(1993, 1, 20))
    assert active_period("2001/2009") == (dt.date(2001, 1, 1), dt.date(2009, 12, 31))
    for bad in ("1993/1989", "1989", "1989-13/1990"):
        with pytest.raises(ValueError):
            active_period(bad)


def test_demonyms_stand_for_states_of_the_gazetteer():
    t = extraction_tables()
    states = set(t.actors.loc[t.actors["type"] == "state", "id"])
    assert set(t.demonyms["state"]) <= states
    assert t.demonyms["demonym"].is_unique


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


def test_currency_forms_are_iso_4217_codes_aligned_with_their_states():
    table = extraction_tables().currencies
    for row in table.itertuples():
        codes, states = row.currency.split("|"), row.states.split("|")
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), row.form
        assert len(codes) == len(states) and row.position in {"before", "after"}, row.form
        assert all(s == "" or re.fullmatch(r"[A-Z]{3}", s) for s in states), row.form


def test_fiscal_calendars_start_with_the_us_federal_year_and_name_real_months():
    table = extraction_tables().fiscal_calendars
    assert table.iloc[0]["country"] == "USA" and table.iloc[0]["first_month"] == "10"
    assert table["first_month"].astype(int).between(1, 12).all()
    assert table["country"].is_unique


def test_named_days_are_days():
    from pakus.dates import PartialDate

    for row in extraction_tables().named_days.itertuples():
        assert PartialDate.parse(row.date).precision == "day" and row.forms
