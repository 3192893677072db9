"""Roles: the source (the actor that acts) and the target (the actor acted upon) of an event,
with the ids and countries of all the clause's actors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pakus.extract.events.clause import ACTOR_TYPES, RELATIVE, Clause
from pakus.extract.events.lexicon import Trigger
from pakus.extract.events.triggers import Candidate
from pakus.extract.mentions import EntityMention, EventMention

_AGENT_GAP = re.compile(r"\bby\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z")

_IN_PHRASE = re.compile(
    r"\b(?:against|with|to|from|for|on|in|at|of|toward|towards|into|over|about|between|among)"
    r"\s+(?:the\s+)?\Z",
    re.I,
)

_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|he|she)\s+(?:\w+\s+)?\Z|\b(?:its|their|his|her)\s+(?:\w+\s+){1,3}\Z"
)
"""A pronoun subject right before the trigger: "it blacklisted", "they have since resumed",
or a possessive one: "its army has deployed", "their forces later struck"."""

_VERB_FIRST = re.compile(
    r"(?:(?:and|but|then|also)\s+)*(?:[a-z]+ed|held|met|made|took|said|sent|gave|told|went|came|"
    r"struck|sought|brought|began|left|won|lost|paid|put|cut|hit|set|led|flew|fought|broke|"
    r"spoke|wrote|rose|fell|froze|chose|ordered|vowed)\b"
)
"""A clause that opens with its verb, its subject told before it ("…, and offered to mediate")."""

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\Z")


@dataclass(frozen=True)
class Party:
    """A source or target: an actor id (or a state's, for a group named by nationality) and
    the country it acts for."""

    id: str = ""
    country: str = ""


def party(actor: EntityMention | None) -> Party:
    return Party(actor.id, country(actor)) if actor is not None else Party()


def parties(
    c: Clause, m: re.Match[str], trig: Trigger
) -> tuple[Party, Party, tuple[str, ...], tuple[str, ...]]:
    """Source and target of the event at ``m``, and the ids and countries of its actors.

    By position first (``_roles``); then, in order: the possessor of a killing suffered it
    ("Soleimani's killing"); a relative clause acts for its antecedent ("China, which has
    pledged …"); a group named by nationality nearer the trigger than any named actor is the
    source ("Pakistani forces killed …"), or the target before a passive verb ("24 Pakistani
    soldiers were killed"); a clause opening with its verb takes the sentence's subject.
    """
    text, c_start, lex = c.text, c.start, c.lexicon
    ents, sentence_ents = c.entities, c.sentence_entities
    # a clause naming no actor borrows those of its sentence
    actors = [e for e in ents if e.type in ACTOR_TYPES] or [
        e for e in sentence_ents if e.type in ACTOR_TYPES
    ]
    source, target = _roles(text, m, actors)
    if (
        trig.type in {"ASSAULT", "COERCE"}
        and source is not None
        and re.fullmatch(r"[’']s\s+", text[source.end : m.start()])
    ):
        source, target = None, source
    named_before = any(a.end <= m.start() for a in ents if a.type in ACTOR_TYPES)
    agent = source is not None and source.start >= m.end()  # "… by General Kurilla"
    antecedent = None if named_before or agent else _antecedent(text, c_start, sentence_ents)
    group: list[str] = []
    if not agent:
        group = lex.group_states(text, source.end if source else c_start, m.start())[-1:]
    borrowed = not any(e.type in ACTOR_TYPES for e in ents)  # the actors are the sentence's
    subjectless = _VERB_FIRST.match(text, c_start) or _PRONOUN_SUBJECT.search(
        text, c_start, m.start()
    )  # "…, and offered to mediate", "…, and in October it blacklisted …"
    if (source is None or (borrowed and not agent)) and not group and subjectless:
        told = [a for a in sentence_ents if a.type in ACTOR_TYPES and a.end <= c_start]
        subjects = [a for a in told if not _IN_PHRASE.search(text, max(0, a.start - 30), a.start)]
        source = subjects[0] if subjects else None
        if source is not None and target is not None and target.id == source.id:
            target = None
    suffered: list[str] = []
    if group and _PASSIVE.search(text, c_start, m.start()):
        suffered, group, target = group, [], None
    if group:
        source = None
        if target is not None and country(target) == group[0]:
            # "Indian warplanes struck what New Delhi called a JeM camp": not India itself
            target = next(
                (a for a in actors if a.start >= m.end() and country(a) != group[0]), None
            )
    if antecedent is not None:
        source = antecedent
        actors = [antecedent, *(a for a in actors if a is not antecedent)]
        if target is not None and target.id == source.id:
            target = None
    src = Party(group[0], group[0]) if group else party(source)
    tgt = Party(suffered[0], suffered[0]) if suffered else party(target)
    ids = tuple(dict.fromkeys([*group, *(a.id for a in actors), *suffered]))
    countries = tuple(
        dict.fromkeys(c for c in [*group, *(country(a) for a in actors), *suffered] if c)
    )
    return src, tgt, ids, countries


def _antecedent(
    text: str, c_start: int, sentence_ents: list[EntityMention]
) -> EntityMention | None:
    """The actor a relative clause is about: "China, which has pledged …" → China."""
    if not RELATIVE.match(text, c_start, c_start + 6):
        return None
    before = [e for e in sentence_ents if e.type in ACTOR_TYPES and e.end <= c_start]
    if before and re.fullmatch(r"\s*,?\s*", text[before[-1].end : c_start]):
        return before[-1]
    return None


def _roles(
    text: str, m: re.Match[str], actors: list[EntityMention]
) -> tuple[EntityMention | None, EntityMention | None]:
    before = [a for a in actors if a.end <= m.start()]
    after = [a for a in actors if a.start >= m.end()]
    by_agent = next((a for a in after if _AGENT_GAP.search(text, m.end(), a.start)), None)
    if by_agent is not None:
        if before:
            return by_agent, before[-1]
        return by_agent, next((a for a in after if a.id != by_agent.id), None)
    # the subject, not an actor inside a phrase ("Islamabad expanded operations against the
    # TTP and arrested …": Islamabad arrested); the nearest one if all are inside phrases
    subjects = [a for a in before if not _IN_PHRASE.search(text, max(0, a.start - 30), a.start)]
    source = (subjects or before)[-1] if before else None
    target = next((a for a in after if source is None or a.id != source.id), None)
    return source, target


def country(actor: EntityMention | None) -> str:
    """The state an actor acts for: a state itself, a person's or body's affiliation; an armed
    group stands for itself (the TTP is not Pakistan)."""
    if actor is None:
        return ""
    return actor.id if actor.type in {"state", "group"} else actor.affiliation


def share_subject(
    events: list[EventMention], chosen: Sequence[tuple[Candidate, object]], primary: Candidate,
    coordinated: set[int],
) -> list[EventMention]:  # fmt: skip
    """A verb coordinated after the clause's event shares its subject: "Islamabad expanded its
    operations against the TTP and arrested …" — Islamabad arrested, not the TTP.
    ``events`` and ``chosen`` (candidate, date) are parallel, in trigger order."""
    first = events[0]
    if first.source_actor and chosen[0][0] is primary:
        events = [
            replace(e, source_actor=first.source_actor, source_country=first.source_country)
            if id(c) in coordinated
            and c.m.start() > primary.m.start()
            and e.target_actor != first.source_actor
            else e
            for (c, _), e in zip(chosen, events, strict=True)
        ]
    return events
