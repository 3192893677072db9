"""Which PLOVER type an event gets: the derived verb lexicon's readings (``parsed``), the
sentence's main predicate, and speech acts typed by their content."""

import pytest

from helpers import extract
from pakus.extract.events import grammar
from pakus.extract.parse import parse_spans


def events(text: str, published: str | None = None):
    return extract(text, published).events


def typed(text: str) -> list[tuple[str, str, str]]:
    return [(e.trigger, e.type, e.source_actor) for e in events(text)]


def _tok(sentence: str, word: str):
    doc = parse_spans(sentence, [(0, len(sentence))])[0]
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "main"),
    [
        ("India reimposed a curfew in the valley.", "reimposed", True),
        ("India reimposed a curfew in the valley, officials said.", "reimposed", True),
        ("The minister, who took office in May, met the envoy.", "took", False),
        ("A bombing claimed by the group killed ten people.", "claimed", False),
    ],
)
def test_main_predicate_is_the_root_or_the_content_of_a_root_verb_of_saying(sentence, word, main):
    assert grammar.main_predicate(_tok(sentence, word)) is main


def test_the_main_predicate_with_its_subject_alone_is_an_event():
    assert ("reimposed", "COERCE", "IND") in typed("India reimposed a curfew in Kashmir.")


def test_a_one_actor_reading_in_a_relative_clause_is_no_event():
    found = typed("The general, who took power in 1999, spoke on Monday.")
    assert not any(t == "took" for t, _, _ in found)


def test_a_dyadic_type_needs_a_second_party():
    # CONSULT/COOPERATE/SUPPORT/AID are acts with or for someone: no one-actor event
    assert not any(t == "communicated" for t, _, _ in typed("India communicated its position."))


def test_an_object_with_petrarch2s_null_code_selects_no_event():
    # PETRARCH2: CLAIM + RESPONSIBILITY is a statement (CAMEO 015), not an accusation
    found = typed("The Taliban claimed responsibility for the blast in Kabul.")
    assert not any(t == "claimed" for t, _, _ in found)


def test_a_phrase_cue_needs_its_modifier():
    # PETRARCH2: LAUNCH + {VERBAL ATTACK} is ACCUSE, LAUNCH + ATTACK is ASSAULT
    assert ("launched", "ASSAULT", "IND") in typed("India launched an attack on the post.")


def test_a_coded_purpose_clause_does_not_make_its_verb_a_light_verb():
    # "blockade … to demand": the blockade is an event of its own (a stated one: THREATEN)
    found = typed("Indian farmers said they would blockade Delhi to demand higher prices.")
    assert ("blockade", "THREATEN", "IND") in found


def test_an_offer_to_act_is_agree_whatever_the_act():
    # PLOVER: a promise or stated intent to cooperate is AGREE; "to" met by the infinitive
    found = events("Iran has offered to hand over two suspects to Germany.")
    assert [e.type for e in found if e.trigger.startswith("offer")] == ["AGREE"]
    assert not any(e.type == "COOPERATE" for e in found)


def test_a_speech_act_noun_object_frames_the_clause_it_governs():
    found = events("The UN repeated its demand that India lift restrictions on the press.")
    assert [(e.trigger, e.type) for e in found][:1] == [("demand", "REQUEST")]
    assert not any(e.type == "RETREAT" for e in found)


def test_a_conditional_conflictual_act_is_a_threat():
    # PLOVER THREATEN: "may halt … if …" is a conditional threat, not a SANCTION done
    found = events("Japan may halt all aid to Nepal if the army stays in power.")
    assert "THREATEN" in [e.type for e in found]
    assert not any(e.type == "SANCTION" and e.modality == "asserted" for e in found)


def test_the_main_predicates_object_is_the_event_not_its_purpose_clause():
    # "began a hunger strike to protest against …": PROTEST (hunger strike, CAMEO 142), whose
    # target is the one the purpose clause protests against
    found = events("Kurdish prisoners began a hunger strike to protest against Turkey's policy.")
    first = found[0]
    assert (first.trigger, first.type) == ("hunger strike", "PROTEST")
    assert first.target_actor == "TUR"


def test_a_suspension_of_links_is_a_sanction():
    found = events("Japan announced a suspension of air links with Myanmar on Monday.")
    assert [(e.trigger, e.type) for e in found] == [("suspension", "SANCTION")]


def test_a_since_phrase_does_not_date_the_main_event():
    found = events(
        "Since the March 3, 2009, attack, the Sri Lankan government has arrested 40 Tamil "
        "rebels, the minister said."
    )
    arrested = [e for e in found if e.trigger == "arrested"]
    assert arrested and arrested[0].type == "COERCE" and arrested[0].date is None


def test_a_demonstration_by_unnamed_civilians_is_a_protest():
    # PLOVER PROTEST: civilians, often unnamed; the main predicate needs no named actor
    found = events("Hundreds of students demonstrated in Dhaka on Monday.")
    assert [(e.trigger, e.type) for e in found] == [("demonstrated", "PROTEST")]


def test_an_unnamed_subject_gives_no_other_one_actor_event():
    assert not events("Local officials reimposed a curfew in Dhaka.")


@pytest.mark.parametrize(
    "sentence",
    [
        "In March 2025 the United States suspended aid to Pakistan and condemned its tests.",
        "On Monday the European Union suspended talks with Belarus and condemned its crackdown.",
    ],
)
def test_an_ed_trigger_right_after_an_actors_name_is_its_verb_not_a_noun(sentence):
    # rule triggers._finite_after_actor: "the United States suspended" is a past tense whose
    # subject is the name (the determiner belongs to the name); both coordinated verbs are events
    found = extract(sentence, "2025-06-04").events
    assert {e.trigger for e in found} >= {"suspended"}
    assert len({e.trigger for e in found}) == 2


def test_a_governed_noun_dated_only_by_its_governors_clause_is_no_event_of_its_own():
    # rule parsed._recode: "suspended talks" is a SANCTION; the talks are no CONSULT, even when
    # the clause's date ("On Monday") reaches both words; a date of its own keeps it
    found = extract(
        "On Monday the European Union suspended talks with Belarus and condemned its crackdown.",
        "2025-06-04",
    ).events
    assert "CONSULT" not in {e.type for e in found}
    kept = extract("In 2001 the United States lifted the sanctions imposed in 1998.").events
    assert ("sanctions", "1998") in {(e.trigger, e.date) for e in kept}
