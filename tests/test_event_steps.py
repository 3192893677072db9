"""The steps of event coding, each a function of a frozen Clause (pakus.extract.events)."""

import dataclasses

import pytest

from pakus.extract import _compiled
from pakus.extract.events import Clause, clause_events
from pakus.extract.events.mood import mood
from pakus.extract.events.roles import parties
from pakus.extract.events.triggers import candidates, primary, trigger_hits


def clause_of(text: str) -> Clause:
    """The whole text as one clause, with no entities, dates or amounts."""
    lexicon = _compiled(None)[1]
    return Clause(
        text, 0, len(text), trigger_hits(text, lexicon, []), (), (), (), None, False, lexicon
    )


def test_clause_is_frozen_and_derives_its_words():
    c = clause_of("Washington suspended aid.")
    assert c.quote == "Washington suspended aid." and "suspended" in c.words
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.start = 1  # type: ignore[misc]


def test_mood_negation_and_future_from_the_words_before_the_trigger():
    for text, expected in [
        ("Washington did not suspend aid.", (True, "asserted")),
        ("Washington will suspend aid.", (False, "future")),
        ("If Washington suspends aid, Islamabad will protest.", (False, "hypothetical")),
        ("Washington suspended aid.", (False, "asserted")),
    ]:
        c = clause_of(text)
        m = primary(candidates(c)).m
        assert (mood(c, m).negated, mood(c, m).modality) == expected, text


def test_a_clause_naming_no_actor_has_no_source_or_target():
    c = clause_of("Aid was suspended.")
    cand = primary(candidates(c))
    source, target, ids, countries = parties(c, cand.m, cand.trig)
    assert (source.id, target.id, ids, countries) == ("", "", (), ())
    assert [e.type for e in clause_events(c)] == [cand.trig.type]


@pytest.mark.parametrize(
    "text",
    [
        "The US did not rule out new sanctions on Pakistan.",
        "Washington refused to rule out sanctions on Pakistan.",
        "The US would not exclude sanctions on Pakistan.",
    ],
)
def test_mood_a_denied_exclusion_leaves_the_event_possible_not_negated(text):
    c = clause_of(text)
    m = primary(candidates(c)).m
    assert (mood(c, m).negated, mood(c, m).modality) == (False, "hypothetical")
