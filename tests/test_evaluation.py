"""pakus.evaluation: the annotation format with roles and not-done statements, the scores
built on it, and the PLOVER gold-standard scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pakus.evaluation import (
    AnnotationError,
    GoldEvent,
    codes_of,
    load_gold,
    match_events,
    read_code_aliases,
    read_gsr,
    score_entities,
    score_entity_ids,
    score_gsr,
)
from pakus.extract.mentions import EntityMention, EventMention, Extraction

ROOT = Path(__file__).resolve().parents[1]
TABLE = {
    "USA": ("USA", "state"),
    "PAK": ("PAK", "state"),
    "AFG": ("AFG", "state"),
    "USA.STATE": ("USA", "org"),
    "TTP": ("PAK", "group"),
    "AQ": ("", "group"),
    "NATO": ("IGO", "org"),
}
TEXT = "The US and Afghanistan struck Pakistan on 3 May 2011. Pakistan will not resume talks."


def event(trigger: str, type_: str, source="", target="", date="2011-05-03", **kw) -> EventMention:
    start = TEXT.index(trigger)
    sentence_end = TEXT.index(".", start) + 1
    return EventMention(
        0, sentence_end, TEXT[:sentence_end], type_, trigger, start, start + len(trigger),
        date=date, source_actor=source, target_actor=target, **kw,
    )  # fmt: skip


def gold(tmp_path: Path, lines: str, text: str = TEXT):
    path = tmp_path / "a.tsv"
    path.write_text(lines, encoding="utf-8")
    return load_gold(path, text)


def test_an_event_line_without_roles_still_loads_with_roles_unscored(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\n")
    assert g.events[0].source is None and g.events[0].target is None


def test_roles_are_sets_of_codes_joined_by_a_bar_and_a_dash_is_no_actor(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\tUSA|AFG\t-\n")
    assert (g.events[0].source, g.events[0].target) == (frozenset({"USA", "AFG"}), frozenset())


def test_a_notdone_line_names_a_statement_and_its_type(tmp_path):
    g = gold(tmp_path, "notdone\ttalks\t1\tCONSULT\n")
    start = TEXT.index("talks")
    assert [(n.start, n.end, n.type) for n in g.notdone] == [(start, start + 5, "CONSULT")]


@pytest.mark.parametrize(
    "line, message",
    [
        ("notdone\ttalks\t2\tCONSULT\n", "occurrence 2 of 'talks' not found"),
        ("notdone\ttalks\t1\tTALK\n", "'TALK' is not a PLOVER event type"),
        ("event\tstruck\t1\tASSAULT\t2011\tUSA\n", "cannot read"),
        ("event\tstruck\t1\tASSAULT\t2011\tUS A\tPAK\n", "bad actor codes"),
    ],
)
def test_a_line_that_does_not_fit_is_an_error_naming_the_file_and_line(tmp_path, line, message):
    with pytest.raises(AnnotationError, match=rf"a\.tsv:1: .*{message}"):
        gold(tmp_path, line)


def test_codes_of_an_actor_are_its_id_and_its_country_but_a_group_is_only_itself():
    assert codes_of("USA.STATE", table=TABLE) == {"USA.STATE", "USA"}
    assert codes_of("TTP", table=TABLE) == {"TTP"}  # the Pakistani Taliban are not Pakistan
    assert codes_of("AQ", table=TABLE) == {"AQ", "IMG"}  # no home country: Phoenix's IMG
    assert codes_of("person:x", "PAK", table=TABLE) == {"person:x", "PAK"}  # a given country wins
    assert codes_of("", table=TABLE) == frozenset()


def test_roles_are_right_only_when_every_coordinated_actor_is_found(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\tUSA|AFG\tPAK\n")
    one = Extraction("a", TEXT, events=[event("struck", "ASSAULT", "USA", "PAK")])
    both = Extraction(
        "a", TEXT,
        events=[event("struck", "ASSAULT", "USA", "PAK"), event("struck", "ASSAULT", "AFG", "PAK")],
    )  # fmt: skip
    s1, s2 = match_events(g, one, TABLE), match_events(g, both, TABLE)
    assert (s1.events.tp, s1.roles.hits, s1.roles.n) == (1, 0, 1)
    # one event per conjunct counts as one predicted event, with both sources
    assert (s2.events.tp, s2.events.n_pred, s2.roles.hits) == (1, 1, 1)


def test_a_source_given_through_an_office_answers_to_its_country(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05\tUSA\tPAK\n")
    x = Extraction("a", TEXT, events=[event("struck", "ASSAULT", "USA.STATE", "PAK")])
    assert match_events(g, x, TABLE).roles.hits == 1
    swapped = Extraction("a", TEXT, events=[event("struck", "ASSAULT", "PAK", "USA")])
    assert match_events(g, swapped, TABLE).roles.hits == 0


def test_a_notdone_statement_counts_when_an_asserted_event_of_its_type_holds_it(tmp_path):
    g = gold(tmp_path, "notdone\ttalks\t1\tCONSULT\n")
    asserted = Extraction("a", TEXT, events=[event("resume", "CONSULT", date=None)])
    future = Extraction("a", TEXT, events=[event("resume", "CONSULT", modality="future")])
    negated = Extraction("a", TEXT, events=[event("resume", "CONSULT", negated=True)])
    other_type = Extraction("a", TEXT, events=[event("resume", "COOPERATE")])
    assert match_events(g, asserted, TABLE).wrongly_done.hits == 1  # dated or not
    for x in (future, negated, other_type):
        assert match_events(g, x, TABLE).wrongly_done.hits == 0


def test_a_match_is_at_the_trigger_only_when_the_predicted_trigger_overlaps_the_gold_one(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\n")
    at = Extraction("a", TEXT, events=[event("struck", "ASSAULT")])
    # the clause holds the gold trigger, so it matches, but through another word of it
    elsewhere = Extraction("a", TEXT, events=[event("Afghanistan", "ASSAULT")])
    s_at, s_elsewhere = match_events(g, at, TABLE), match_events(g, elsewhere, TABLE)
    assert (s_at.events.tp, s_at.at_trigger.hits, s_at.at_trigger.n) == (1, 1, 1)
    assert (s_elsewhere.events.tp, s_elsewhere.at_trigger.hits) == (1, 0)


def test_told_as_done_is_asserted_and_not_negated():
    assert event("struck", "ASSAULT").told_as_done
    assert not event("struck", "ASSAULT", negated=True).told_as_done
    assert not event("struck", "ASSAULT", modality="future").told_as_done


def test_an_event_matched_to_gold_is_not_also_wrongly_done(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\nnotdone\tstruck\t1\tASSAULT\n")
    x = Extraction("a", TEXT, events=[event("struck", "ASSAULT")])
    assert match_events(g, x, TABLE).wrongly_done.hits == 0


@pytest.mark.parametrize(
    ("predicted", "cause"),
    [
        ([], "miss: no event at the trigger"),
        ([event("struck", "COERCE")], "miss: other type only (COERCE for ASSAULT)"),
        ([event("struck", "ASSAULT", modality="future")], "miss: type right, not told as done"),
        ([event("struck", "ASSAULT", negated=True)], "miss: type right, not told as done"),
        ([event("struck", "ASSAULT", date=None)], "miss: type right, done, undated"),
    ],
)
def test_a_missed_gold_event_is_counted_by_the_first_stage_that_lost_it(tmp_path, predicted, cause):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\n")
    causes = match_events(g, Extraction("a", TEXT, events=predicted), TABLE).causes
    assert {k: n for k, n in causes.items() if k.startswith("miss")} == {cause: 1}


def test_a_gold_event_dated_otherwise_is_one_miss_and_one_spurious_prediction(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tASSAULT\t2011-05-03\n")
    x = Extraction("a", TEXT, events=[event("struck", "ASSAULT", date="2010-01-01")])
    assert match_events(g, x, TABLE).causes == {
        "miss: type right, done, other date": 1,
        "spurious: gold of the type there, other date": 1,
    }


def test_a_spurious_prediction_is_counted_by_what_the_annotations_hold_there(tmp_path):
    g = gold(tmp_path, "event\tstruck\t1\tCOERCE\t2011-05-03\nnotdone\tresume\t1\tCONSULT\n")
    x = Extraction("a", TEXT, events=[event("struck", "ASSAULT"), event("resume", "CONSULT")])
    causes = match_events(g, x, TABLE).causes
    assert causes["spurious: gold of another type there"] == 1
    assert causes["spurious: annotated as not done"] == 1
    assert causes["miss: other type only (ASSAULT/CONSULT for COERCE)"] == 1  # both hold it


def test_entity_id_accuracy_counts_only_predictions_on_gold_spans(tmp_path):
    g = gold(tmp_path, "entity\tUS\tUSA\t1\nentity\tPakistan\tPAK\t2\n")
    us, pak = TEXT.index("US"), TEXT.index("Pakistan")
    x = Extraction(
        "a", TEXT,
        entities=[
            EntityMention(us, us + 2, "US", "USA", "United States", "state"),
            EntityMention(pak, pak + 8, "Pakistan", "AFG", "Afghanistan", "state"),
            EntityMention(7, 10, "and", "X", "x", "org"),  # span not in gold: not counted
        ],
    )  # fmt: skip
    ids = score_entity_ids(g, x)
    assert (ids.hits, ids.n) == (1, 2)


def test_compound_actors_are_not_scored_as_named_entities(tmp_path):
    """Rule UNNAMED_METHODS: a nationality + agent actor ("US troops") is an event actor,
    not a named entity; the annotations do not list it, so it costs no precision."""
    g = gold(tmp_path, "entity\tUS\tUSA\t1\n")
    us = TEXT.index("US")
    x = Extraction(
        "a", TEXT,
        entities=[
            EntityMention(us, us + 2, "US", "USA", "United States", "state"),
            EntityMention(us, us + 9, TEXT[us : us + 9], "USA", "United States", "state",
                          method="compound"),
        ],
    )  # fmt: skip
    s = score_entities(g, x)
    assert (s.tp, s.n_pred, s.n_gold) == (1, 1, 1)


GSR = {
    "id": "T-1", "text": "Pakistan attacked NATO troops.", "type": "ASSAULT",
    "source": [{"text": "Pakistan", "code": "PAK", "sector": ""}],
    "target": [{"text": "NATO", "code": "IGO", "sector": "MIL"}],
    "markup": "(SRC: Pakistan) (EVT: attacked) (TAR: NATO) troops.",
}  # fmt: skip


def gsr_extraction(text, events, entities=()):
    return lambda _: Extraction("gsr", text, entities=list(entities), events=events)


def test_gsr_scores_type_roles_all_three_and_actor_recall():
    text = GSR["text"]
    hit = EventMention(
        0, 30, text, "ASSAULT", "attacked", 9, 17, source_actor="PAK", target_actor="NATO"
    )
    entities = [EntityMention(0, 8, "Pakistan", "PAK", "Pakistan", "state")]
    s = score_gsr([GSR], gsr_extraction(text, [hit], entities), TABLE)
    assert (s.type.value, s.source.value, s.target.value, s.all_three.value) == (1, 1, 1, 1)
    assert (s.actor_recall.hits, s.actor_recall.n) == (1, 2)  # NATO is not among the entities


def test_gsr_takes_the_event_on_the_marked_words_before_the_first_event():
    text = GSR["text"]
    other = EventMention(0, 30, text, "CONSULT", "Pakistan", 0, 8, source_actor="PAK")
    right = EventMention(0, 30, text, "ASSAULT", "attacked", 9, 17, source_actor="USA")
    s = score_gsr([GSR], gsr_extraction(text, [other, right]), TABLE)
    assert (s.type.hits, s.source.hits, s.all_three.hits) == (1, 0, 0)


def test_gsr_takes_one_event_per_coordinated_actor_together():
    record = {**GSR, "text": "The US and Afghanistan attacked.", "target": []}
    record["source"] = [{"text": "US", "code": "USA"}, {"text": "Afghanistan", "code": "AFG"}]
    text = record["text"]
    us = EventMention(0, 32, text, "ASSAULT", "attacked", 23, 31, source_actor="USA")
    afg = EventMention(0, 32, text, "ASSAULT", "attacked", 23, 31, source_actor="AFG")
    record["markup"] = "The (SRC: US) and (SRC: Afghanistan) (EVT: attacked)."
    assert score_gsr([record], gsr_extraction(text, [us, afg]), TABLE).all_three.hits == 1
    assert score_gsr([record], gsr_extraction(text, [us]), TABLE).source.hits == 0


def test_gsr_codes_that_are_not_iso_are_mapped_by_the_aliases():
    record = {**GSR, "target": [{"text": "Tokyo", "code": "JAP", "sector": ""}]}
    text = record["text"]
    hit = EventMention(
        0, 30, text, "ASSAULT", "attacked", 9, 17, source_actor="PAK", target_actor="JPN"
    )
    table = {**TABLE, "JPN": ("JPN", "state")}
    aliases = read_code_aliases(ROOT / "tests" / "peers" / "gsr_code_aliases.csv")
    assert aliases["JAP"] == "JPN"
    assert score_gsr([record], gsr_extraction(text, [hit]), table, aliases).target.hits == 1
    assert score_gsr([record], gsr_extraction(text, [hit]), table).target.hits == 0


def test_an_alias_without_a_source_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("code,iso3,source\nJAP,JPN,\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"aliases\.csv: rows \[2\] need a code, an iso3 and a source"
    ):
        read_code_aliases(path)


def test_gsr_without_an_event_is_wrong_except_an_absent_target():
    record = {**GSR, "target": []}
    s = score_gsr([record], gsr_extraction(record["text"], []), TABLE)
    assert (s.type.hits, s.source.hits, s.target.hits) == (0, 0, 1)


def test_the_copied_gsr_records_read_with_their_licence_beside_them():
    path = ROOT / "tests" / "peers" / "plover_gsr_dev.jsonl"
    records = read_gsr(path)
    assert len(records) == 163
    assert all(r["source"] for r in records)
    assert "Attribution-ShareAlike 4.0" in (path.parent / "README.md").read_text(encoding="utf-8")


def test_gsr_scores_real_records_over_their_own_codes():
    from pakus.extract import extract_text

    records = read_gsr(ROOT / "tests" / "peers" / "plover_gsr_dev.jsonl")[:6]
    s = score_gsr(records, lambda text: extract_text(text, "gsr"))
    codes = [{a["code"] for a in r["source"] + r["target"]} for r in records]
    assert (s.n, s.type.n, s.all_three.n) == (6, 6, 6)
    assert s.actor_recall.n == sum(len(c) for c in codes)
    assert s.all_three.hits <= min(s.type.hits, s.source.hits, s.target.hits)


def test_a_bad_gsr_line_is_an_error_naming_the_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.jsonl:1: a GSR record without type, source, target"):
        read_gsr(path)


def test_gold_event_without_roles_is_the_default():
    assert GoldEvent(0, 1, "AID", None).source is None
