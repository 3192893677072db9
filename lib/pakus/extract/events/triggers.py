"""Trigger and type: which words of a clause signal an event, and which PLOVER type the
clause's event has.

Among a trigger form's readings (``lexicon``) whose requirements the clause meets, the one
with the highest ``priority`` wins; the clause's type is that of the candidate with the highest
*weight*: its priority, less ``NOUN_IN_CLAUSE_OFFSET`` (4) for a noun inside the clause ("the
killing of") and less ``TOPIC_OFFSET`` (6) for the topic of a demand or a discussion
(:func:`weight`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pakus.extract.events.clause import ACTOR_TYPES, Clause
from pakus.extract.events.lexicon import Lexicon, Trigger
from pakus.extract.mentions import EntityMention
from pakus.extract.scan import Scan

NOUN_IN_CLAUSE_OFFSET = 4
"""How much lower a noun trigger inside the clause ranks than its priority."""

TOPIC_OFFSET = 6
"""How much lower the topic of a demand or a discussion ranks than its priority."""

_ACTOR_GAP = re.compile(
    r"[\s,]*(?:(?:the|his|her|their|its|visiting|with|by|to)\s+)*(?:[a-z]+\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and)\s+)?){0,5}"
)
"""What may stand between a trigger and the actor it requires: articles, a role ("envoy",
"counterpart") and titles."""

_TOPIC = re.compile(
    r"\b(?:discuss\w*|about|regarding|concerning|demand\w*|call\w*\s+for|end\s+to|halt\s+to|"
    r"condemn\w*|protest\w*|criticis\w*|criticiz\w*)\b",
    re.I,
)

_NOMINAL = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|this|that|any)|[’']s)\s+(?:[\w.-]+\s+){0,2}$", re.I
)

_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|this|that|any)|[’']s)\s+$", re.I
)


def _requirement_met(
    req: str, words: frozenset[str], ents: Sequence[EntityMention], has_amount: bool,
    m: re.Match[str], text: str,
) -> bool:  # fmt: skip
    if req == "@actor":  # an actor named right after the trigger ("met Foreign Minister X")
        return any(
            e.type in ACTOR_TYPES
            and 0 <= e.start - m.end() <= 40
            and _ACTOR_GAP.fullmatch(text, m.end(), e.start) is not None
            for e in ents
        )
    if req == "@program":
        return any(e.type == "program" for e in ents)
    if req == "@agreement":
        return any(e.type == "agreement" for e in ents)
    if req == "@amount":
        return has_amount
    return req.lower() in words


def _inside(m: re.Match[str], blocked: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, m.start()) - 1
    return any(s <= m.start() < e or s < m.end() <= e for s, e in blocked[max(0, i - 3) : i + 1])


@dataclass(frozen=True)
class Candidate:
    weight: int
    m: re.Match[str]
    trig: Trigger
    nominal: bool


def weight(text: str, c_start: int, m: re.Match[str], trig: Trigger) -> tuple[int, bool]:
    """A trigger's priority, and whether it is a noun. The priority is lowered for a noun
    inside the clause ("the killing of") and more for a topic ("to discuss … killing",
    "demanding an end to drone strikes"), which are what the clause is about, not its event."""
    lead = text[c_start : m.start()]
    nominal = bool(_NOMINAL.search(lead[-40:]))
    if nominal and m.group().lower().endswith("ing") and not _DETERMINER_BEFORE.search(lead[-20:]):
        nominal = False  # "a resolution demanding …" is a participle, "the killing of" a noun
    if len(lead.split()) > 3 and _TOPIC.search(lead):
        return trig.priority - TOPIC_OFFSET, nominal  # what a demand or a discussion is about
    if len(lead.split()) > 3 and nominal:
        return trig.priority - NOUN_IN_CLAUSE_OFFSET, nominal
    return trig.priority, nominal


def trigger_hits(
    text: str, lexicon: Lexicon, blocked: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """The trigger matches in ``text`` that do not overlap a blocked span (an entity or a
    date; ``blocked`` sorted), in order."""
    starts = [b[0] for b in blocked]
    return [m for m in Scan(text).bounded(lexicon.anchor) if not _inside(m, blocked, starts)]


def candidates(c: Clause) -> list[Candidate]:
    """Each trigger of the clause with a reading whose requirements the clause meets: its
    best reading (highest priority) and weight, in order."""
    cands: list[Candidate] = []
    for m in c.hits:
        readings = [
            t for t in c.lexicon.by_form[" ".join(m.group().lower().split())]
            if not t.requires
            or any(_requirement_met(r, c.words, c.entities, c.has_amount, m, c.text) for r in t.requires)
        ]  # fmt: skip
        if readings:
            trig = max(readings, key=lambda t: t.priority)
            w, nominal = weight(c.text, c.start, m, trig)
            if nominal and _finite_after_actor(c, m):
                nominal = False
                if w == trig.priority - NOUN_IN_CLAUSE_OFFSET:
                    w = trig.priority  # a verb, not a noun inside the clause
            cands.append(Candidate(w, m, trig, nominal))
    return cands


def _finite_after_actor(c: Clause, m: re.Match[str]) -> bool:
    """Whether an "-ed" trigger right after an actor's name is the actor's verb, not a noun
    after a determiner: "the United States suspended aid" (a past tense whose subject is the
    name), unlike "the US suspension of aid"."""
    if not m.group().lower().split()[0].endswith("ed"):
        return False  # the verb of a form with its particle too: "Pakistan agreed to"
    return any(
        e.type in ACTOR_TYPES and e.end <= m.start() and not c.text[e.end : m.start()].strip()
        for e in c.entities
    )


def primary(cands: Sequence[Candidate]) -> Candidate:
    """The clause's event: the strongest reading gives the clause's type; its first trigger of
    that type is the event ("imposed sanctions …, cutting off aid": the sanctions, not the
    participle)."""
    strongest = max(cands, key=lambda c: (c.weight, -c.m.start()))
    return next(c for c in cands if c.trig.type == strongest.trig.type)


def topics(c: Clause) -> frozenset[str]:
    """The PLOVER contexts whose keywords the clause holds."""
    return frozenset(name for name, kw in c.lexicon.contexts if kw.found(c.words, c.quote))
