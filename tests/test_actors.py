"""Actors (issue 11): compound actors, office holders by date, ambiguous one-word names,
ranks and titles outside names, country and sector on entity mentions, and the script that
derives the peer tables from the PETRARCH2 dictionaries."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd

from pakus.dates import PartialDate
from pakus.extract import extract_text
from pakus.extract.entities import Gazetteer, gazetteer_mentions

ROOT = Path(__file__).resolve().parents[1]


def entities(text, published=None):
    pub = PartialDate.parse(published) if published else None
    return [
        (e.quote, e.id, e.type, e.country, e.sector)
        for e in extract_text(text, published=pub).entities
    ]


def test_compound_actor_nationality_and_agent_has_country_and_sector():
    assert ("Pakistani soldiers", "PAK", "state", "PAK", "MIL") in entities(
        "Pakistani soldiers returned fire across the border."
    )


def test_compound_actor_officials_warplanes_and_trained_army():
    found = entities("Afghan officials said the US-trained Afghan army and Indian warplanes moved.")
    assert ("Afghan officials", "AFG", "state", "AFG", "GOV") in found
    assert ("Afghan army", "AFG", "state", "AFG", "MIL") in found
    assert ("Indian warplanes", "IND", "state", "IND", "MIL") in found


def test_singular_agent_beside_a_named_person_is_left_to_the_person():
    found = entities("Robert Oakley, the American ambassador in Islamabad, met officials.")
    assert not [f for f in found if f[0].startswith("American")]


def test_named_group_wins_over_compound():
    assert ("Pakistani Taliban", "TTP", "group", "PAK", "REB") in entities(
        "Officials blamed the Pakistani Taliban for the attack."
    )


def test_office_short_form_goes_to_the_holder_at_the_published_date():
    found = entities(
        "Prime Minister Sharif met the US envoy. His brother, Punjab chief minister Shahbaz "
        "Sharif, was also present.",
        "1999-10-15",
    )
    assert ("Sharif", "PER.NAWAZ", "person", "PAK", "GOV") in found
    assert next(f for f in found if f[0] == "Shahbaz Sharif")[1] == "PER.SHEHBAZ"


def test_office_short_form_tells_namesakes_apart_by_office_and_date():
    assert ("Sharif", "PER.RAHEEL", "person", "PAK", "MIL") in entities(
        "General Sharif visited the troops.", "2015-03-01"
    )
    assert ("Sharif", "PER.SHEHBAZ", "person", "PAK", "GOV") in entities(
        "Prime Minister Sharif visited Washington.", "2023-05-01"
    )


def test_rank_abbreviation_without_full_stop_is_not_part_of_the_name():
    found = entities("Col John Miller said the convoy was delayed.")
    assert [f[0] for f in found if f[2] == "person"] == ["John Miller"]
    found = entities("Sgt Mat Knowles said the patrol came under fire.")
    assert [f[0] for f in found if f[2] == "person"] == ["Mat Knowles"]


def test_person_coordinated_with_a_titled_person_is_a_person():
    found = entities("Dr. Aafia Siddiqui and John Smith appeared in court.")
    assert [f[0] for f in found if f[2] == "person"] == ["Aafia Siddiqui", "John Smith"]


def test_headline_label_and_release_number_are_not_entities():
    found = entities("SUMMIT TALKS: The two leaders met in Washington.\nPRN: 2010/389\n")
    assert [f[0] for f in found] == ["Washington"]


def _gaz(rows, ambiguous):
    cols = ["id", "name", "type", "affiliation", "aliases", "active", "source"]
    table = pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows])
    amb = pd.DataFrame(ambiguous, columns=["name", "kind", "source"])
    return Gazetteer(table, None, amb)


def test_ambiguous_first_name_fires_only_without_a_neighbouring_name():
    gaz = _gaz(
        [
            ("TCD", "Chad", "state", "TCD", "Chad", "", "s"),
            ("JOR", "Jordan", "state", "JOR", "Jordan", "", "s"),
        ],
        [("Chad", "first name", "s"), ("Jordan", "first name", "s")],
    )
    text = "Chad Smith met Michael Jordan. Troops left Chad and Jordan on Monday."
    found = [(m.quote, m.start) for m in gazetteer_mentions(text, gaz)]
    assert found == [("Chad", text.index("Chad and")), ("Jordan", text.index("Jordan on"))]


def test_ambiguous_frequent_word_never_fires_at_a_sentence_start():
    gaz = _gaz([("PER.X", "Will", "person", "", "Will", "", "s")], [("Will", "word", "s")])
    assert gazetteer_mentions("Will the talks succeed?", gaz) == []


def test_unicode_space_inside_a_name_matches_with_original_offsets():
    text = "Talks with Nawaz\u00a0Sharif ended."
    found = [e for e in extract_text(text).entities if e.id == "PER.NAWAZ"]
    assert found and text[found[0].start : found[0].end] == found[0].quote == "Nawaz\u00a0Sharif"


def test_entity_records_carry_country_and_sector():
    row = extract_text("Pakistani soldiers fired.").records("entity")[0]
    assert (row["country"], row["sector"]) == ("PAK", "MIL")


# --- the derivation script --------------------------------------------------------------


def _script():
    spec = importlib.util.spec_from_file_location(
        "derive", ROOT / "scripts" / "derive_peer_actors.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["derive"] = module
    spec.loader.exec_module(module)
    return module


def test_derivation_parses_names_aliases_and_dated_codes(tmp_path):
    d = _script()
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(
        "# header\nNAWAZ_SHARIF  # CountryInfo.txt\n+PRIME_MINISTER_SHARIF\n"
        "\t[PAKGOV 970217-991012]\n\t[PAKGOV >20130605]\n",
        encoding="utf-8",
    )
    (entry,) = d.parse_actors(path)
    assert (entry.name, entry.line, entry.aliases) == ("NAWAZ_SHARIF", 2, ["PRIME_MINISTER_SHARIF"])
    assert [d.parse_role(c, {"PAK"}) for c in entry.codes] == [
        "PAK GOV 1997-02-17/1999-10-12",
        "PAK GOV 2013-06-05/",
    ]
    rows = d.body_rows([entry], {"PAK"}, "org")
    assert (
        rows[0]["id"] == "person:nawaz-sharif" and rows[0]["aliases"] == ""
    )  # title alias dropped
    assert "Phoenix.Countries.actors.txt:2" in rows[0]["source"]


def test_derivation_codes_give_country_and_sector():
    d = _script()
    assert d.parse_code("PAKGOV", {"PAK"}) == ("PAK", "GOV")
    assert d.parse_code("IGOUNOREF", {"PAK"}) == ("IGO", "REF")
    assert d.parse_code("IMGMUSALQ", {"PAK"}) == ("", "REB")
    assert (
        d.parse_date("19220101", True) == "1922-01-01"
        and d.parse_date("010416", True) == "2001-04-16"
    )


def test_derived_tables_have_a_source_on_every_row_and_the_licence_beside_them():
    ref = ROOT / "lib" / "pakus" / "data" / "reference"
    for name in (
        "peer_actors",
        "peer_agents",
        "peer_demonyms",
        "ambiguous_names",
        "offices",
        "agents",
    ):
        table = pd.read_csv(ref / f"{name}.csv", dtype=str, keep_default_na=False)
        assert len(table) and (table["source"].str.strip() != "").all(), name
    assert "MIT License" in (ref / "PETRARCH2-LICENSE.txt").read_text(encoding="utf-8")


def test_curated_rows_win_over_peer_rows():
    peers = pd.read_csv(
        ROOT / "lib" / "pakus" / "data" / "reference" / "peer_actors.csv",
        dtype=str,
        keep_default_na=False,
    )
    assert "Nawaz Sharif" not in set(peers["name"])  # PER.NAWAZ is curated


def test_body_role_apposition_after_a_name_makes_the_person_the_bodys():
    """Rule _body_role: "X, the <body> <title>," — the person acts for the body named in the
    apposition (an international body: IGO), whatever the gazetteer's nationality, and so
    does every other mention of the person."""
    found = entities(
        "Richard Holbrooke, the United Nations Special Coordinator, met officials. "
        "Richard Holbrooke left on Monday."
    )
    people = [f for f in found if f[0] == "Richard Holbrooke"]
    assert len(people) == 2 and all(p[3] == "IGO" for p in people)


def test_body_role_title_before_a_name_makes_the_person_the_bodys():
    """Rule _body_role: "<body> <title> <Name>" ("NATO spokesman …")."""
    found = entities("NATO spokesman Richard Holbrooke said the convoy was hit.")
    assert next(f for f in found if f[0] == "Richard Holbrooke")[3] == "IGO"


def test_body_role_needs_a_body_at_the_start_of_the_apposition():
    """Rule _body_role: a nationality or a bare title in the apposition is no body."""
    found = entities("Richard Holbrooke, the special envoy, met officials.")
    assert next(f for f in found if f[0] == "Richard Holbrooke")[3] == "USA"


def test_derivation_splits_an_entry_by_the_body_each_name_names():
    """Rule split_bodies: PETRARCH2 lists bodies and people coded alike under one entry; each
    becomes its own actor (acronyms join the name whose initials they fit; a name sharing a
    distinctive word joins that name; a first name opens a person)."""
    d = _script()
    names = ["Federal Trade Commission", "FTC", "Overseas Private Investment Corporation", "OPIC"]
    assert d.split_bodies(names, set()) == [
        ("", ["Federal Trade Commission", "FTC"]),
        ("body", ["Overseas Private Investment Corporation", "OPIC"]),
    ]
    names = ["United States Military", "US Military", "West Point", "Darpa", "John Kirby"]
    assert d.split_bodies(names, {"us", "united", "states"}, {"John": 3.3}) == [
        ("", ["United States Military", "US Military", "Darpa"]),
        ("body", ["West Point"]),
        ("person", ["John Kirby"]),
    ]


def test_derived_peer_table_keeps_a_lumped_person_and_body_apart():
    """Rule split_bodies, on the derived table: "John Kirby" and "OPIC" are actors of their
    own, not the US military and the Federal Trade Commission."""
    found = dict(entities("John Kirby said OPIC would stop lending.", "2016-05-01")[i][:2]
                 for i in range(2))  # fmt: skip
    assert found == {"John Kirby": "person:john-kirby",
                     "OPIC": "org:overseas-private-investment-corporation"}  # fmt: skip


def test_located_agent_takes_the_country_it_is_in():
    """Rule Agents.located: a generic agent with no nationality before a locative
    preposition and a state or a place of one is that state's, with the agent's sector."""
    found = entities("Police in Karachi detained students throughout Indonesia.")
    assert ("Police", "PAK", "state", "PAK", "COP") in found
    assert ("students", "IDN", "state", "IDN", "EDU") in found


def test_located_agent_not_for_troops_or_officials_or_a_named_side():
    """Rule Agents.located: soldiers and officials serve abroad (UNPLACED_SECTORS), and a
    nationality or a name before the agent gives its side ("US officials in Islamabad")."""
    found = entities(
        "Troops in Afghanistan and diplomats in Islamabad met. US students in Kabul and "
        "CIA contractors in Lahore left."
    )
    assert not [f for f in found if f[0] in {"Troops", "diplomats", "students", "contractors"}]


def test_led_agent_is_the_leaders():
    """Rule Agents.led: "X-led <agent>" is an actor of X's country (a state, a body or a
    nationality), with the agent's sector; "-backed" is not "-led"."""
    found = entities(
        "The US-led coalition and Saudi-led forces moved. The Iranian-backed militias left."
    )
    assert ("coalition", "USA", "state", "USA", "") in found
    assert ("forces", "SAU", "state", "SAU", "MIL") in found
    assert not [f for f in found if f[0] == "militias" and f[3] == "IRN"]


def _sides(text, published="2020-01-08"):
    x = extract_text(text, published=PartialDate.parse(published))
    return [
        (e.type, e.source_actor, e.source_country, e.source_sector, e.target_country)
        for e in x.events
    ]


def test_group_sides_code_an_armed_group_by_its_home_country_with_sector_reb():
    # Phoenix HEZBOLLAH_ [LBNREB]; the curated TTP's home is Pakistan; the group stays the actor
    found = _sides(
        "Hezbollah fighters killed two Israeli soldiers on Monday. "
        "The Pakistani Taliban attacked a US convoy on Monday."
    )
    assert ("ASSAULT", "group:hezbollah", "LBN", "REB", "ISR") in found
    assert ("ASSAULT", "TTP", "PAK", "REB", "USA") in found


def test_group_sides_code_a_group_without_a_home_country_as_img():
    found = _sides("Al-Qaeda bombed the US embassy on Monday.")
    assert ("ASSAULT", "AQ", "IMG", "REB", "USA") in found


def test_group_sides_leave_a_member_of_a_group_coded_by_the_group():
    found = _sides("TTP chief Noor Wali Mehsud threatened Pakistan on Monday.")
    assert [f[2] for f in found if f[0] == "THREATEN"] == ["TTP"]


def test_stances_do_not_count_an_armed_groups_act_for_its_home_country():
    from pakus.analysis.ct import stances

    cols = ["doc", "start", "end", "quote", "type", "date", "precision", "actors", "countries",
            "source_actor", "target_actor", "source_country", "target_country", "negated",
            "modality"]  # fmt: skip
    row = ["d", 0, 10, "x", "ASSAULT", "2020-01-06", "day", "TTP;USA", "PAK;USA", "TTP", "USA",
           "PAK", "USA", False, "asserted"]  # fmt: skip
    army = [*row[:9], "PAK", "TTP", "PAK", "TTP", False, "asserted"]  # Pakistan strikes the TTP
    events = pd.DataFrame([row, army], columns=cols)
    entities = pd.DataFrame(
        {"id": ["TTP"], "name": ["Tehrik-i-Taliban Pakistan"], "type": ["group"]}
    )
    found = stances(events, entities, ["TTP"])
    assert list(zip(found["side"], found["stance"], strict=True)) == [("PAK", "hostile")]


def test_state_role_before_a_name_gives_the_person_that_states_country():
    # rule _state_role_before: a state ('s) or a state's body right before the title
    found = entities(
        "Pakistan's envoy Tariq Lodhan met them. State Department spokeswoman Mara Quill said so."
    )
    assert ("Tariq Lodhan", "person:tariq-lodhan", "person", "PAK", "GOV") in found
    assert ("Mara Quill", "person:mara-quill", "person", "USA", "GOV") in found


def test_state_role_before_reaches_every_mention_of_the_person_and_not_a_coordinated_name():
    found = entities("India's envoy Ravi Sethan called. Later Ravi Sethan and Senator Jo Marn met.")
    assert [f[3] for f in found if f[0] == "Ravi Sethan"] == ["IND", "IND"]
    assert ("Jo Marn", "person:jo-marn", "person", "", "") in found


def test_derivation_territories_are_places_of_their_own_code(tmp_path):
    # rule territory_rows: a Countries entry coded [HKG] (no curated state) gives a place
    d = _script()
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(
        "HONG_KONG  [HKG]\n+HONGKONG_\nATLANTIS_ [ATL]\n+POSEIDONIA_\n", encoding="utf-8"
    )
    rows = d.territory_rows(d.parse_actors(path), {"PAK"})
    assert [(r["id"], r["country"], r["aliases"]) for r in rows] == [
        ("place:hong-kong", "HKG", "Hongkong")
    ]
