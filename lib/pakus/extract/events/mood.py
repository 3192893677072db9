"""Negation and modality: whether a clause denies its event, and whether it tells it as done
(``asserted``), to come (``future``) or as a possibility, wish or condition (``hypothetical``).
Both read the words before the trigger in its clause, and a modal verb right after a noun
subject ("Talks will resume"). Where the sentence is parsed, ``grammar.mood`` reads them again
from the parse and adds ``general`` (a habit or standing state: "a group that fights …")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pakus.extract.events.clause import Clause
from pakus.extract.words import EXCLUDE_VERB, FUTURE_CUE

_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|without|refused\s+to|declined\s+to|failed\s+to|"
    r"unwilling\s+to|reluctant\s+to|"
    r"cannot|can't|won't|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't)\b|n[’']t\b",
    re.I,
)

_NOT_NEGATION = re.compile(r"\bnot\s+(?:least|only)\b", re.I)

_NO_BEFORE = re.compile(r"\bno\s+$", re.I)

_DISCOURSE = re.compile(
    r"\b(?:it\s+should\s+be\s+noted|it\s+is\s+worth\s+noting|it\s+may\s+be\s+recalled)\b", re.I
)

_CONDITIONAL = re.compile(r"\b(?:[Ii]f|[Ww]hether|[Uu]nless)\b")

_IRREALIS = re.compile(
    r"\b(?:[Cc]ould|might|may|[Ss]hould|ought|possibility|possible|likely|would\s+(?:not\s+|never\s+)?have|suggested|"
    r"proposed|considering|consider|keen|desire|desired|wish|hope|hopes|want|wants)\b"
)

_SUBJECT = re.compile(r"\b(?:that|which|who|he|she|they|it|we|I)\b")


_VERB_AFTER_SUBJECT = re.compile(
    r"(?:\s+(?!(?:and|but|or|that|which|who)\b)[\w-]+){0,3}?\s+(?:(?P<future>will|shall|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to|"
    r"(?:is|are)\s+to)|(?P<hypo>would|could|may|might))\b"
)

_INFINITIVE = re.compile(r"\bto\s+$", re.I)

_REALIS_INFINITIVE = re.compile(
    r"\b(?:continues?|continued|began|begins|started|starts|managed|decided|voted|went\s+on|"
    r"decision|move|order)\s+to\s+$",
    re.I,
)


@dataclass(frozen=True)
class Mood:
    """``negated``: the clause denies the event; ``modality``: asserted, future or hypothetical."""

    negated: bool
    modality: str


def mood(c: Clause, m: re.Match[str]) -> Mood:
    """The negation and modality of the event whose trigger is ``m`` in clause ``c``."""
    text, c_end = c.text, c.end
    before = _DISCOURSE.sub("", text[c.start : m.start()])
    window = before[-60:]
    # "did not rule out new sanctions": the negation denies the excluding, so the sanctions
    # stay possible (hypothetical), not denied; negation is read after the excluding verb
    excluded = list(EXCLUDE_VERB.finditer(window))
    possible = False
    if excluded and _NEGATION.search(_NOT_NEGATION.sub("", window[: excluded[-1].start()])):
        window, possible = window[excluded[-1].end() :], True
    negated = (
        _NEGATION.search(_NOT_NEGATION.sub("", window)) is not None
        or _NO_BEFORE.search(window) is not None
    )
    infinitive = _INFINITIVE.search(before) and not _REALIS_INFINITIVE.search(before)
    # modal verbs govern the verb of their own subject: "said he would consider restoring the
    # aid he cut last year" makes "restoring" hypothetical, not "cut"
    subjects = list(_SUBJECT.finditer(before))
    local = before[subjects[-1].end() :] if subjects else before
    # a noun that is the clause's subject takes the mood of its verb: "Talks will resume"
    verb_after = (
        _VERB_AFTER_SUBJECT.match(text, m.end(), c_end) if len(before.split()) <= 3 else None
    )
    if (
        possible or _CONDITIONAL.search(before) or _IRREALIS.search(local) or infinitive
        or (verb_after and verb_after.group("hypo"))
    ):  # fmt: skip
        modality = "hypothetical"
    elif FUTURE_CUE.search(local[-60:]) or (verb_after and verb_after.group("future")):
        modality = "future"
    else:
        modality = "asserted"
    return Mood(negated, modality)


COMMISSIVE_VERBS = frozenset("agree pledge promise vow commit undertake".split())
"""Verbs by which a speaker commits to a future act (Searle's commissives; PLOVER manual,
AGREE: "agree to, promise, pledge, commit to" an action, and THREATEN for a conflictual
one): the commitment, once made, is a happening of its own."""


def _governing_verb(tok, deps: set[str], lemmas: frozenset[str], modalities: set[str]):
    """The verb of ``lemmas`` whose complement (a dependent of relation ``deps``) is the
    clause of the trigger head ``tok`` (or its first conjunct: "agreed to restore and
    expand": both are complements), when that verb's own mood is one of ``modalities`` and
    not negated; None otherwise."""
    from pakus.extract.events import grammar  # the parse's rules; imported where used

    verb = grammar.clause_head(tok)
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    if verb.dep_ not in deps or head.i == verb.i or head.pos_ != "VERB":
        return None
    if not grammar.verb_lemmas(head) & lemmas:
        return None
    m = grammar.mood(head)
    return head if m.modality in modalities and not m.negated else None


def commitment(tok):
    """The commissive verb (``COMMISSIVE_VERBS``) whose infinitive complement (``xcomp``)
    holds the trigger head ``tok``, when that verb is itself told as done ("The US agreed to
    restore Pakistan's access to training": the agreeing happened, the restoring is still to
    come); None otherwise ("may agree to restore", "did not agree to restore", "restored")."""
    return _governing_verb(tok, {"xcomp"}, COMMISSIVE_VERBS, {"asserted"})


PERMITTED_TYPES = frozenset({"RETREAT"})
"""Types whose permission, once granted, is the happening itself: a law or vote that lets
the President waive or ease sanctions eases them (the project's annotation guidelines: "a
congressional act allowing the President to waive a sanction is a dated RETREAT ... and the
waivers it allows not-done"; PLOVER manual, RETREAT: easing of sanctions)."""


def permission(tok):
    """The verb of permission (``grammar.PERMISSION_VERBS``) whose complement holds the
    trigger head ``tok``, when the permitting is told as done or as what a law does ("voted
    to allow the President to waive the sanctions", "a bill that lets the president relax
    sanctions"); None otherwise ("may allow", "did not allow")."""
    from pakus.extract.events import grammar  # the parse's rules; imported where used

    return _governing_verb(
        tok, {"xcomp", "ccomp"}, grammar.PERMISSION_VERBS, {"asserted", "general"}
    )
