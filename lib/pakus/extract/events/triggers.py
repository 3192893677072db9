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
    r"[\s,]*(?:(?:the|his|her|their|its|visiting|with|by|to)\s+)*(?:\d[\d,]*\s+)?(?:[a-z]+\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and)\s+)?){0,5}"
)
"""What may stand between a trigger and the actor it requires: articles, a count in figures
("freed 12 Americans"), a role ("envoy", "counterpart") and titles."""

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
    m: re.Match[str], text: str, demonyms: dict[str, str] | None = None,
) -> bool:  # fmt: skip
    if req == "@actor":  # an actor named right after the trigger ("met Foreign Minister X")
        return any(
            e.type in ACTOR_TYPES
            and 0 <= e.start - m.end() <= 40
            and _ACTOR_GAP.fullmatch(text, m.end(), e.start) is not None
            for e in ents
        ) or _nationals_after(m, text, demonyms or {})
    if req == "@program":
        return any(e.type == "program" for e in ents)
    if req == "@agreement":
        return any(e.type == "agreement" for e in ents)
    if req == "@amount":
        return has_amount
    return req.lower() in words


_NATIONALS = re.compile(
    r"[\s,]*(?:the\s+)?(?:(?:\d[\d,]*|[a-z]+)\s+)?(?P<name>[A-Z][\w.-]*?)(?:s|es)?(?![\w-])"
)
"""A nationality noun after a trigger, with an optional article and count: "freed 12
Americans", "released two Pakistanis"."""


def _nationals_after(m: re.Match[str], text: str, demonyms: dict[str, str]) -> bool:
    """Whether people named by their nationality (a demonym in the plural, ``demonyms.csv``)
    follow the trigger ``m``: they are an actor, the nationals of their state (as
    ``events.actors`` codes "Pakistani soldiers")."""
    n = _NATIONALS.match(text, m.end())
    return n is not None and n.group("name") in demonyms and n.group().rstrip()[-1] == "s"


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
            or any(
                _requirement_met(r, c.words, c.entities, c.has_amount, m, c.text, c.lexicon.demonyms)
                for r in t.requires
            )
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


ARGUMENT_FREE_REQUIREMENTS = frozenset({"to", "that", "with", "from", "between", "for", "on"})
"""Requirements that are grammatical words, not arguments: checked elsewhere
(``parsed._complement_missing``), never by :func:`required_elsewhere`."""

_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})


def own_arguments(verb) -> list:
    """The tokens of the verb ``verb``'s own phrase, less its active subject: its objects,
    complements and modifiers (``verb.subtree`` without the subject's subtree); the noun a
    relative clause or participle modifies ("the aid that was suspended", "aid suspended
    in 1990"); for a verb coordinated with another, the objects they share ("cut and
    suspended aid"); for a participial clause without a subject, the arguments of the verb it
    hangs from ("renewed the memorandum, originally signed in 2005"). A spaCy token in, tokens
    out."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    skip = {t.i for s in subjects for t in s.subtree}
    out = [t for t in verb.subtree if t.i not in skip]
    if verb.dep_ in {"relcl", "acl"}:
        out += [verb.head, *(c for c in verb.head.children if c.dep_ in {"compound", "amod"})]
    if verb.dep_ == "conj":
        out += [t for c in verb.head.children if c.dep_ in _OBJECT_DEPS for t in c.subtree]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not subjects:
        # a participial clause's understood subject is an argument of the verb it hangs
        # from: "renewed the memorandum, originally signed in 2005"
        out += [
            t for c in verb.head.children
            if c.dep_ in _OBJECT_DEPS | _SUBJECT_DEPS | {"nsubj"} for t in c.subtree
        ]  # fmt: skip
    return out


def required_elsewhere(verb, trigger: str, type_: str, lex: Lexicon, index=None) -> bool:
    """Whether every curated reading of ``trigger`` (its form) of ``type_`` requires a word
    that the clause holds but the verb ``verb`` (a spaCy token) does not govern: the reading
    was met by another phrase of the clause, so the verb does not tell that event (the
    clause-wide requirement of :func:`candidates` is a proxy for the verb's argument, PLOVER
    manual draft 2.0: a trigger is coded with its own arguments). "Officials of the military
    are in no mood to strike a deal" is no ASSAULT (``strike`` requires ``military``, met by
    the subject's modifier; its object is ``deal``); "the army suspended the talks" is still
    SANCTION (``talks`` is its object). A reading with no requirement, or with an ``@``
    requirement met by the verb's arguments (an actor, an amount's number, a program or
    agreement's name), or with only grammatical requirements (``to``, ``that``: see
    ``ARGUMENT_FREE_REQUIREMENTS``), keeps the event. False where the lexicon has no reading
    of that form and type."""
    form = " ".join(trigger.lower().split())
    readings = [t for t in lex.by_form.get(form, ()) if t.type == type_]
    if not readings:
        return False
    args = own_arguments(verb)
    words = {w for t in args for w in (t.lower_, t.lemma_.lower())}
    for t in readings:
        reqs = [r for r in t.requires if r.lower() not in ARGUMENT_FREE_REQUIREMENTS]
        if not reqs:
            return False
        if any(r.lower() in words for r in reqs if not r.startswith("@")):
            return False
        for r in (r for r in reqs if r.startswith("@")):
            if r == "@amount" and any(a.like_num or a.tag_ == "$" for a in args):
                return False
            if r in {"@program", "@agreement"} and any(a.pos_ == "PROPN" for a in args):
                return False
            if r == "@actor" and (
                index is None
                or any(index.at(a) is not None for a in args if a.i != verb.i)
                or any(a.text.endswith("s") and a.text[:-1] in lex.demonyms for a in args)
            ):
                return False
    return True


MOTIVE_PREPOSITIONS = frozenset({"in"})
"""Prepositions of a bare noun naming an act's motive: "in protest against", "in
retaliation for", "in response to"."""


def names_motive(noun) -> bool:
    """Whether the event noun ``noun`` (a spaCy token) names the motive of the verb it hangs
    from, not a happening of its own: a noun without determiner or possessor in an ``in``
    phrase of a verb ("denied aid … in protest against the programme", "held a rally in
    protest against the strikes", "fired back in retaliation"). The phrase is an adjunct of
    reason (Huddleston & Pullum 2002, The Cambridge Grammar of the English Language, ch. 8
    §12): the verb's event is what is told."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ not in MOTIVE_PREPOSITIONS or prep.head.pos_ not in {"VERB", "AUX", "NOUN"}:
        return False
    if prep.head.pos_ == "NOUN" and prep.head.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
        return False
    return not any(c.dep_ in {"det", "poss", "nummod", "amod", "compound"} for c in noun.children)


NON_FACTUAL_HEADS = frozenset(
    "importance need necessity possibility prospect prospects potential scope way ways means "
    "value significance desirability feasibility".split()
)
"""Nouns whose complement names an act as a topic of evaluation or possibility, not as a
happening: "stressed the importance of … assistance", "the need for closer cooperation",
"the possibility of sanctions" (a non-factual noun complement: Huddleston & Pullum 2002,
The Cambridge Grammar of the English Language, ch. 11 §7; PLOVER manual draft 2.0 codes
events that happened, not the value of possible ones)."""

_COMPLEMENT_DEPS = frozenset({"pobj", "prep", "conj", "appos", "pcomp", "acl", "xcomp", "dobj"})


def topic_of_evaluation(noun, hops: int = 6) -> bool:
    """Whether the event noun ``noun`` (a spaCy token) lies in the complement of a
    ``NON_FACTUAL_HEADS`` noun ("the importance of …, including … provision of border
    infrastructure"), climbing at most ``hops`` prepositions, conjuncts, appositions and
    objects."""
    if noun.pos_ != "NOUN":
        return False
    cur = noun
    for _ in range(hops):
        if cur.dep_ not in _COMPLEMENT_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in NON_FACTUAL_HEADS:
            return True
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ != "prep":  # "including" is a preposition
            return False
    return False
