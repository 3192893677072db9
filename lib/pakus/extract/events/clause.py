"""The clause: what every decision about an event reads (one frozen object), and the word
sets and patterns several decisions share.

Each step of event coding (``triggers``: trigger and type; ``dating``: the governing date;
``roles``: source and target; ``mood``: negation and modality) is a function of a
:class:`Clause` and a trigger match in it, so a step can be replaced (e.g. by one reading a
dependency parse) without touching the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pakus.extract.events.lexicon import Lexicon, words_of
from pakus.extract.mentions import DateMention, EntityMention
from pakus.extract.spans import starting_in

ACTOR_TYPES = frozenset({"person", "org", "state", "group"})
"""Entity types that can act or be acted upon (programmes, agreements and places cannot)."""

RELATIVE = re.compile(r"(?:which|who)\b")
"""A clause that opens with a relative pronoun."""


def within(items: Sequence, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start) that lie wholly inside ``[start, end)``."""
    return [x for x in starting_in(items, starts, start, end) if x.end <= end]


@dataclass(frozen=True, eq=False)
class Clause:
    """One clause of a sentence with everything event coding reads about it.

    ``text``: the whole document; ``start``/``end``: the clause's offsets in it (str indices,
    end exclusive); ``hits``: the trigger matches inside the clause, in order;
    ``entities``: the entity mentions inside the clause, ``sentence_entities``: those of its
    sentence (both sorted by start); ``dates``: the day-, month- or year-precise dates inside
    the clause; ``governing``: the date the clause inherits from its sentence (a date opening
    the sentence, or the date of the clause it is coordinated with), if any; ``has_amount``:
    whether an amount lies inside the clause; ``lexicon``: the compiled trigger lexicon.
    ``quote`` (the clause's words) and ``words`` (its lower-cased word set) are derived.
    """

    text: str
    start: int
    end: int
    hits: Sequence[re.Match[str]]
    entities: Sequence[EntityMention]
    sentence_entities: Sequence[EntityMention]
    dates: Sequence[DateMention]
    governing: DateMention | None
    has_amount: bool
    lexicon: Lexicon
    quote: str = field(init=False)
    words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        quote = self.text[self.start : self.end]
        object.__setattr__(self, "quote", quote)
        object.__setattr__(self, "words", words_of(quote))
