"""The governing date: which date of its sentence an event takes.

In order: a date inside the clause, the nearest one to the event's trigger (a noun trigger
with a date of its own keeps it: "last year's meetings"); else the date the clause inherits
(:attr:`Clause.governing`: a date opening the sentence, or the date of a coordinated clause);
a "since" date of an active present perfect dates nothing; an undated signing of an agreement
whose name holds its year takes that year.

A happening told at the time of another named by a definite noun ("hours after the attack",
"along with the aid cut") takes its date (:func:`same_time`). A happening told undated and
then named again, with a date, by a noun of its type in one of
the next sentences ("a drone attack has killed four militants. … Thursday's strike was aimed
at …") takes that date (:func:`referred_back`).

Read on the sentence's parse (:func:`parse_date`, used by ``parsed``): a date that modifies a
noun other than an event's trigger labels that thing ("the 1985 law", "last year's budget") and
dates no event told beside it; a stated intent (a promise, a threat) takes the date of the
statement, the clause of its verb of saying (:func:`statement_date`); a verbal act said in
a dated statement's content takes the statement's date (:func:`performed_date`); a
commitment's promised act takes the commitment's (:func:`commitment_date`). A date in a
clause of another time (a gerund after "after"/"before", a "scheduled for" participle) is
that clause's (:func:`_other_time`); a time adjunct the parse hangs on the verb dates the
verb though it follows its object noun (:func:`verb_adjunct_date`).

A story's dated dateline dates the undated happenings of its lead, when the lead tells no
date of its own (:func:`dateline_lead`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from pakus.extract.events import grammar
from pakus.extract.events.clause import RELATIVE, Clause, within
from pakus.extract.events.lexicon import Lexicon
from pakus.extract.events.mood import commitment
from pakus.extract.events.triggers import Candidate
from pakus.extract.mentions import DateMention, EntityMention, EventMention
from pakus.extract.text import opens_sentence
from pakus.extract.words import SAME_TIME_CUES, TIME_NOUNS, TIME_PREPOSITIONS

_SAME_TIME_VERB = re.compile(r"(?:and|but)\s+(?!(?:the|a|an|to|it|he|she|they|we|i)\b)[a-z]")
"""A clause that opens with a coordinated verb ("…on Monday, and offered to mediate")."""

_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?\Z")
""""since" right before a date."""

_PURPOSE = re.compile(r"(?:(?!\bto\b)[^.;:,])*\bto\s+")
"""The words between the primary trigger and a verb trigger that opens the first
infinitive after it, within its clause: "called in the envoy on Friday to (protest)"."""

_SINCE_OPENS = re.compile(r"[Ss]ince\s")
"""A date expression that holds its "since": "since August last year", "since March"."""

_UP_TO_NOW = re.compile(r"(?:(?:in|over|during)\s+)?the\s+(?:past|last)\b", re.I)
"""A span up to the reference day: "(over) the past five months"."""

_FOR_BEFORE = re.compile(r"\b[Ff]or\s+\Z")
""""for" right before a date: "for the past five months"."""

_ACTIVE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|already|now|since|so\s+far)\s+)?\Z")
"""An active present perfect right before a trigger ("has reimbursed", "have also given")."""


def covered(span: DateMention, items: Sequence[EntityMention], starts: list[int]) -> bool:
    """Whether one of ``items`` (sorted, not overlapping each other) contains ``span``."""
    i = bisect.bisect_right(starts, span.start)
    return any(items[k].end >= span.end for k in range(max(0, i - 8), i))


def agreements_year(
    text: str, date: DateMention, entities: Sequence[EntityMention], ent_starts: list[int]
) -> EntityMention | None:
    """The agreement whose year ``date`` is, in its name or right after it ("the Enhanced
    Partnership with Pakistan Act of 2009", "the Pressler Amendment of 1985")."""
    i = bisect.bisect_right(ent_starts, date.start) - 1
    if i < 0 or entities[i].type != "agreement" or date.precision != "year":
        return None
    e = entities[i]
    if date.end <= e.end or text[e.end : date.start] == " of ":
        return e
    return None


def dated_by_name(
    event: EventMention, entities: Sequence[EntityMention], ent_starts: list[int],
    agreement_years: dict[int, DateMention],
) -> EventMention:  # fmt: skip
    """An undated signing, ratification or renewal of an agreement whose name holds its year
    ("signed the Simla Agreement of 1972") takes that year; the year of an agreement only
    cited ("the cutoff, required under the Pressler Amendment of 1985, …") dates nothing.
    ``agreement_years``: the year of each agreement mention, by its start."""
    if event.date is not None or event.type != "SUPPORT":
        return event
    after = within(entities, ent_starts, event.trigger_end, event.end)
    agreement = next((a for a in after if a.type == "agreement"), None)
    year = agreement_years.get(agreement.start) if agreement is not None else None
    if year is None:
        return event
    return replace(event, date=year.date, precision=year.precision, date_quote=year.quote)


def sentence_initial_date(
    text: str, s_start: int, s_dates: list[DateMention]
) -> DateMention | None:
    """The first date that opens the sentence (``pakus.extract.text.opens_sentence``); it
    governs all the sentence's clauses."""
    return next((d for d in s_dates if opens_sentence(text, s_start, d.start)), None)


def inherited_date(
    text: str, c_start: int, c_end: int, governing: DateMention | None,
    previous: DateMention | None,
) -> DateMention | None:  # fmt: skip
    """The date a clause inherits: the sentence's opening date (not for a relative clause),
    or, for a clause opening with a coordinated verb, the last date told before it ("…on
    Monday, and offered to mediate": the same time)."""
    inherited = None if RELATIVE.match(text, c_start, c_end) else governing
    if previous is not None and _SAME_TIME_VERB.match(text, c_start, c_end):
        inherited = previous
    return inherited


def per_date(
    c: Clause, cands: Sequence[Candidate], primary: Candidate
) -> list[tuple[Candidate, DateMention]] | None:
    """A clause that tells coordinated dates ("killed A in 2009 and B in 2013"): one
    (trigger, date) per date, the trigger being the last before the date; else None."""
    text = c.text
    distinct = sorted({d.date: d for d in c.dates}.values(), key=lambda d: d.start)
    if len(distinct) >= 2 and all(
        re.search(r"\band\b", text[a.end : b.start]) for a, b in itertools.pairwise(distinct)
    ):
        out = []
        for d in distinct:
            before = [x for x in cands if x.m.end() <= d.start]
            pick = max(before, key=lambda x: (x.m.start(), x.weight)) if before else primary
            out.append((pick, d))
        return out
    return None


def dated_candidates(
    c: Clause, cands: Sequence[Candidate], primary: Candidate
) -> tuple[list[tuple[Candidate, DateMention | None]], set[int]]:
    """The events of a clause with their dates, in trigger order, and the ids of those that
    are verbs coordinated with the primary one (they share its date).

    The primary trigger takes the nearest date not claimed by a noun trigger's own adjacent
    date, or the governing date when none is left; a trigger of another type is an event of
    its own when it has its own date or is a verb coordinated with the primary one."""
    text = c.text
    chosen: list[tuple[Candidate, DateMention | None]] = []
    claimed: set[int] = set()
    for x in cands:
        if x is primary or x.trig.type == primary.trig.type:
            continue
        own = _adjacent_date(text, x.m, list(c.dates), tight=not x.nominal)
        if own is not None and _verbs_date(text, primary, x, own):
            continue
        if own is not None and id(own) not in claimed:
            claimed.add(id(own))
            chosen.append((x, own))
    free = [d for d in c.dates if id(d) not in claimed]
    date = min(free, key=lambda d: abs(d.start - primary.m.start()), default=None)
    if date is None and not claimed:
        date = c.governing
    if date is not None and ongoing_since(text, c.start, primary.m.start(), date):
        date = None
    chosen.insert(0, (primary, date))
    coordinated: set[int] = set()
    for x in cands:
        if x is primary or x.nominal or x.trig.type == primary.trig.type:
            continue
        lo, hi = sorted((primary.m, x.m), key=lambda m: m.start())
        if re.search(r"\b(?:and|besides|as well as|but also)\b", text[lo.end() : hi.start()]):
            chosen.append((x, date))
            coordinated.add(id(x))
        elif lo is primary.m and _PURPOSE.fullmatch(text, lo.end(), hi.start()):
            chosen.append((x, date))  # "called in the envoy to protest": its purpose, told
            # at its time (the parse reads whether it was done)
    chosen.sort(key=lambda cd: cd[0].m.start())
    return chosen, coordinated


def ongoing_since(text: str, c_start: int, trigger_start: int, date: DateMention) -> bool:
    """Whether ``date`` opens a span the event fills rather than dates it: "since", or a span
    up to now ("for the past five months", "over the last year"), with an active present
    perfect ("has reimbursed $6 billion since 2002", "Since 2001, the US has given …", "For
    the past five months, Talbott has headed U.S. efforts"). A passive or stative perfect keeps it: "aid has been suspended since May"."""
    span = (
        _SINCE_BEFORE.search(text, max(0, date.start - 12), date.start)
        or _SINCE_OPENS.match(date.quote)  # the date's words hold their "since"
    ) or (
        _UP_TO_NOW.match(date.quote)
        and _FOR_BEFORE.search(text, max(0, date.start - 6), date.start)
    )
    perfect = _ACTIVE_PERFECT.search(text, max(c_start, trigger_start - 30), trigger_start)
    return bool(span and perfect)


def _verbs_date(text: str, verb: Candidate, noun: Candidate, date: DateMention) -> bool:
    """Whether a date right after the object of a verb is the verb's ("lifted the embargo in
    1975"), not the noun's own, as it is after a modifier ("the sanctions imposed after the
    1998 tests")."""
    if verb.nominal or not noun.nominal or noun.m.start() < verb.m.end():
        return False
    object_gap = r"\s+(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}"
    return bool(
        re.fullmatch(object_gap, text[verb.m.end() : noun.m.start()])
        and re.fullmatch(r"\s+(?:in|on|during|by)\s+", text[noun.m.end() : date.start])
    )


def _adjacent_date(
    text: str, m: re.Match[str], dates: list[DateMention], tight: bool = False
) -> DateMention | None:
    """A date that belongs to a noun trigger: right before it ("last year's meetings",
    "the 1979 invasion") or shortly after it ("an attack on the embassy in September");
    for a verb (``tight``), only a date right after it ("the aid he cut last year")."""
    if tight:
        return next(
            (
                d
                for d in dates
                if 0 <= d.start - m.end() <= 4 and not text[m.end() : d.start].strip()
            ),
            None,
        )
    for d in dates:
        if d.end <= m.start() and re.fullmatch(
            r"(?:[’']s)?\s+(?:[A-Z]\w+\s+)?", text[d.end : m.start()]
        ):
            return d
        gap = text[m.end() : d.start]
        if (
            d.start >= m.end()
            and len(gap) <= 60
            and not re.search(r"[,;]|\b(?:was|were|is|are|has|had)\b", gap)
        ):
            return d
    return None


LABEL_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
"""Dependency labels of a word that modifies a noun as a label ("the 1985 law", "the
post-9/11 era", "last year's budget"), as ``en_core_web_sm`` assigns them."""


def labels_noun(date_head, event_heads: set[int]) -> bool:
    """Whether the date whose head token is ``date_head`` modifies a common noun that is no
    event's trigger (``event_heads``: the trigger head tokens' indices of the sentence): the
    date names that thing ("invoked the 1985 law to deny aid": the law's year, not the
    denial's). A date right after a preposition is the preposition's object, whatever the
    parser hung it on."""
    cur = date_head
    while (
        cur.dep_ in LABEL_DEPS and cur.head.i != cur.i and cur.head.dep_ in LABEL_DEPS
        and cur.head.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}
    ):  # fmt: skip
        cur = cur.head  # a chain of modifiers: "Saturday morning raid" labels the raid
    noun = cur.head
    first = min(t.i for t in date_head.subtree)
    after_preposition = first > 0 and date_head.doc[first - 1].pos_ == "ADP"
    return (
        cur.dep_ in LABEL_DEPS
        and not after_preposition  # "In 2009 Pakistan arrested …" misparsed as a modifier
        and noun.i != cur.i
        and noun.pos_ == "NOUN"
        and noun.i not in event_heads
        and not _tells_time(noun)
    )


def _tells_time(noun) -> bool:
    """Whether ``noun`` is the object of a preposition of time (``TIME_PREPOSITIONS``: "after
    Pakistan's 1998 tests") or of a noun of time (``TIME_NOUNS``: "in the wake of the 2022
    floods"): its date then times what the phrase modifies."""
    cur = noun
    for _ in range(4):
        if cur.dep_ not in {"pobj", "prep"} or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "ADP" and cur.lower_ in TIME_PREPOSITIONS:
            return True
        if cur.pos_ == "NOUN" and cur.lower_ in TIME_NOUNS:
            return True
    return False


def parse_date(
    event: EventMention, tok, dates: Sequence[DateMention], governing: DateMention | None,
    offset: int, event_heads: set[int],
) -> EventMention:  # fmt: skip
    """``event`` (trigger head ``tok``, in a sentence parsed as ``tok.doc`` starting at
    document offset ``offset``; ``dates``: the sentence's day-, month- or year-precise dates,
    ``governing`` the one opening it) with a date that labels a noun (:func:`labels_noun`)
    replaced by a date of the trigger's own clause, else the sentence's opening date, else
    none; an undated event takes the date of a "when" clause on its own (:func:`when_date`)."""
    doc = tok.doc

    def head(d: DateMention):
        return grammar.head_token(doc, d.start - offset, d.end - offset)

    if not event.date_quote:
        if (adjunct := verb_adjunct_date(tok, dates, offset)) is not None:
            return _dated(event, adjunct)
        return _dated(event, when) if (when := when_date(tok, dates, offset)) else event

    current = next((d for d in dates if d.quote == event.date_quote and d.date == event.date), None)
    h = head(current) if current is not None else None
    if h is None or not (
        labels_noun(h, event_heads)
        or _subordinate(h, tok, event_heads)
        or _allegation_date(h, tok)
        or _complement_date(h, tok)
    ):
        return event
    others = [d for d in dates if d is not current and (hd := head(d)) is not None
              and not labels_noun(hd, event_heads) and not _subordinate(hd, tok, event_heads)
              and not _allegation_date(hd, tok) and not _complement_date(hd, tok)]  # fmt: skip
    own = next((d for d in others if grammar.same_clause(head(d), tok)), None)
    if own is None and governing is not None and governing in others:
        own = governing
    return _dated(event, own)


def verb_adjunct_date(tok, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date of a time adjunct that the parse hangs on the verb ``tok`` itself: a
    preposition's object ("Congress blocked the sale of F-16s in May 2016": the blocking's
    month, though the words follow the object noun) or a bare noun phrase of time ("cut
    aid Monday"). None for a noun trigger, or where no date hangs there. ``dates``: the
    sentence's dates, parsed as ``tok.doc`` from document offset ``offset``."""
    if tok.pos_ != "VERB":
        return None
    for d in dates:
        h = grammar.head_token(tok.doc, d.start - offset, d.end - offset)
        if h is None or _UP_TO_NOW.match(d.quote):
            continue  # "for the past five months": a span the event fills
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.i == tok.i:
            if h.head.lower_ not in DEADLINE_PREPOSITIONS | TIME_PREPOSITIONS:
                return d
        elif h.dep_ == "npadvmod" and h.head.i == tok.i:
            return d
    return None


SAME_TIME_MARKS = frozenset({"when", "while", "as"})
"""Conjunctions of an adverbial clause that tells the time of the clause it modifies."""


def when_date(tok, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date of an adverbial clause opened by ``SAME_TIME_MARKS`` on the clause of ``tok``
    ("Pakistan closed the supply routes when US aircraft killed 24 soldiers in November
    2011": November 2011), for an event whose own clause has none (``tok``: its trigger's
    head token in a sentence parsed as ``tok.doc`` starting at document offset ``offset``;
    ``dates``: the sentence's dates); None if there is no such clause or it has no date."""
    verb = grammar.clause_head(tok)
    clauses = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            g.dep_ in {"mark", "advmod"} and g.lower_ in SAME_TIME_MARKS for g in c.children
        ):
            clauses.append(c)
        # a participle on the verb's object or recipient: "complain to U.S. legislators
        # visiting Islamabad on May 2" (the visit's day is the complaint's)
        nouns = [c] if c.dep_ in {"dobj", "dative"} else []
        nouns += [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        clauses += [a for n in nouns for a in n.children if a.dep_ == "acl" and a.tag_ == "VBG"]
    for c in clauses:
        if any(t.i == tok.i for t in c.subtree):
            continue
        for d in dates:
            h = grammar.head_token(tok.doc, d.start - offset, d.end - offset)
            if h is not None and grammar.clause_head(h).i == c.i:
                return d
    return None


def _subordinate(date_head, tok, event_heads: set[int] = frozenset()) -> bool:
    """Whether the date whose head token is ``date_head`` lies in a clause under the clause
    of ``tok`` that does not hold ``tok``: an adverbial clause of that clause ("The attack
    came two weeks before the talks were held": the talks' date, not the attack's), or a
    relative clause on the way to it ("lifted sanctions under authority that Congress granted
    in 1999": the granting's year) unless it modifies an event's trigger noun
    (``event_heads``: "talks held in Islamabad on March 4" tell the talks' day)."""
    verb = grammar.clause_head(tok)
    cur = grammar.clause_head(date_head)
    relative = False
    while cur.i != verb.i:
        if cur.head.i == cur.i:
            return False  # the date's clause is not under the event's
        if cur.dep_ == "advcl" and cur.head.i == verb.i:
            return not any(t.i == tok.i for t in cur.subtree)
        if _other_time(cur, date_head) and not any(t.i == tok.i for t in cur.subtree):
            return True
        if (
            cur.dep_ == "relcl"
            and cur.head.i not in event_heads
            and not any(t.i == tok.i for t in cur.subtree)
        ):
            relative = True
        cur = grammar.clause_head(cur.head)
    return relative


def _other_time(verb, date_head) -> bool:
    """Whether the clause headed by ``verb``, holding the date whose head token is
    ``date_head``, tells another time than the clause it hangs from: a gerund clause after a preposition of time (``TIME_PREPOSITIONS``: "handed him
    over days after arresting him on March 1": the arrest's day, the handing over came an
    unstated time later; CGEL ch. 7, prepositions with clausal complements), or a
    participle of scheduling on a noun (``grammar.SCHEDULE_VERBS``) with its "for" date ("talks scheduled for
    next week were called off": the time the talks were set for, not of the calling off)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in TIME_PREPOSITIONS:
        return True
    return (
        verb.dep_ == "acl"
        and bool(grammar.verb_lemmas(verb) & grammar.SCHEDULE_VERBS)
        and date_head.dep_ == "pobj"
        and date_head.head.lower_ == "for"  # the time set: "set for", "planned for"
        and date_head.head.head.i == verb.i  # not "slots set aside … in August 2018"
    )


def _allegation_date(date_head, tok) -> bool:
    """Whether the date whose head token is ``date_head`` dates an accusation whose content
    holds ``tok`` ("Pakistan accused the United States on Sunday of breaching its sovereignty
    with a drone strike": Sunday is the accusing, the strike came before it). The content:
    ``tok``'s clause under the accusing verb (``grammar.ALLEGE_VERBS``) through ``prep``,
    ``pcomp``, ``pobj`` or ``ccomp`` links."""
    verb = grammar.clause_head(date_head)
    if verb.i == tok.i or verb.lemma_.lower() not in grammar.ALLEGE_VERBS:
        return False
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == verb.i:
            return cur.dep_ in {"prep", "ccomp"}
        cur = cur.head
    return False


DEADLINE_PREPOSITIONS = frozenset({"by", "before", "until", "till"})
"""Prepositions that make a date the time by which something is to be done."""


def _complement_date(date_head, tok) -> bool:
    """Whether the date whose head token is ``date_head`` is a deadline of what the verb
    ``tok`` intends, asks or allows, not ``tok``'s time ("pledged to move toward adherence
    by September 1999", "urged Pakistan to sign the treaty by June"): a date after a
    preposition of ``DEADLINE_PREPOSITIONS`` in the infinitive
    complement (``xcomp``) of a verb of intent, direction or permission
    (``grammar.INTENT_VERBS``, ``DIRECTIVE_VERBS``, ``PERMISSION_VERBS``)."""
    verbs = grammar.INTENT_VERBS | grammar.DIRECTIVE_VERBS | grammar.PERMISSION_VERBS
    if tok.pos_ != "VERB" or not grammar.verb_lemmas(tok) & verbs:
        return False
    if not (date_head.dep_ == "pobj" and date_head.head.lower_ in DEADLINE_PREPOSITIONS):
        return False  # "asked Khan to broker peace in September": the asking's month too
    cur = grammar.clause_head(date_head)
    for _ in range(4):
        if cur.i == tok.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "xcomp" and cur.head.i == tok.i:
            return True
        cur = grammar.clause_head(cur.head)
    return False


def statement_date(tok, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date of the statement whose content holds ``tok`` ("Later Thursday the
    spokeswoman said the US will suspend aid": Thursday): a date in the clause of the verb of
    saying over it (through ``ccomp`` and ``conj`` links); a participle of saying on another
    verb tells at that verb's time ("issued a statement on Monday saying the US respects
    …": Monday). None if the clause of saying has none, or nothing over ``tok`` is a verb of
    saying."""
    cur = grammar.clause_head(tok)
    while cur.dep_ in {"ccomp", "conj", "xcomp"} and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_.lower() in grammar.SPEECH_VERBS:
            said = _date_of_clause(cur, dates, offset)
            if said is None and cur.tag_ == "VBG" and cur.dep_ in {"advcl", "acl"}:
                said = _date_of_clause(grammar.clause_head(cur.head), dates, offset)
            return said
    return None


def commitment_date(tok, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date of the commitment whose complement holds ``tok`` ("On Monday the US agreed
    to restore …": Monday; ``mood.commitment``), None if there is none or it is undated."""
    verb = commitment(tok)
    return _date_of_clause(verb, dates, offset) if verb is not None else None


VERBAL_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE"})
"""PLOVER's verbal types: acts done by saying (PLOVER manual: verbal cooperation and
conflict)."""


def performed_date(tok, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date of the statement that performs the verbal act whose trigger head ``tok``
    lies in its content, when the content tells the speaker's stance now: a present tense
    ("issued a statement earlier this week saying the United States respects Pakistan's
    sovereignty") or the speaker's own pronoun as subject ("said in a statement Thursday
    morning that he condemned the test"): the act is done in that statement, at its time
    (:func:`statement_date`). None otherwise, or if the statement is undated."""
    verb = grammar.clause_head(tok)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    own = subject is not None and subject.lower_ in {"he", "she", "they", "we", "i", "it"}
    if not (verb.tag_ in {"VBZ", "VBP"} or own):
        return None
    return statement_date(tok, dates, offset)


def _date_of_clause(verb, dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The first of ``dates`` whose words hang in the clause of ``verb``."""
    for d in dates:
        h = grammar.head_token(verb.doc, d.start - offset, d.end - offset)
        if h is not None and grammar.clause_head(h).i == verb.i:
            return d
    return None


def _dated(event: EventMention, date: DateMention | None) -> EventMention:
    return replace(
        event, date=date.date if date else None, precision=date.precision if date else None,
        date_quote=date.quote if date else "",
    )  # fmt: skip


REFER_BACK_SENTENCES = 3
"""How many sentences back a dated noun may refer to an undated happening of its type."""

_POSSESSED = re.compile(r"[’']s\s+((?:[\w-]+\s+){0,2}[\w-]+)")
"""The words after a possessive date: "Thursday's (drone) strike"."""
_DEFINITE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:(?:[\w-]+|(?:[A-Z]\.)+)\s+){0,3}?([\w-]+)\s+(?:(?:on|of)\s+)?\Z"
)
"""A definite noun, perhaps with modifiers (words or dotted initials, within one sentence),
right before a date, perhaps without its "on" (news style): "the strike on Thursday", "the
suspected U.S. strike Thursday"."""
_THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
"""A definite article right before a date that labels a noun: "the Saturday drone strike"."""
_LABELLED = re.compile(r"\s+((?:[\w-]+\s+){0,2}[\w-]+)")
"""The words after a date that labels a noun: "(the Saturday) drone strike"."""


def _referring_types(text: str, d: DateMention, lexicon: Lexicon) -> set[str]:
    """The event types of the definite noun a date belongs to ("Thursday's strike", "the
    strike on Thursday", "the Saturday drone strike": a noun that names a happening told
    before), empty if none."""
    words: list[str] = []
    if m := _POSSESSED.match(text, d.end):
        words = m.group(1).split()
    elif m := _DEFINITE_BEFORE.search(text, max(0, d.start - 40), d.start):
        words = [m.group(1)]
    elif (
        d.precision == "day"  # "the 2011 raid" names a happening of its own, long past
        and _THE_BEFORE.search(text, max(0, d.start - 5), d.start)
        and (m := _LABELLED.match(text, d.end))
    ):
        words = m.group(1).split()
    for w in words:
        types = {t.type for t in lexicon.by_form.get(w.lower(), [])}
        if types:
            return types
    return set()


def heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a heading: a whole line that does not end
    in a full stop, question or exclamation mark (or a closing quote). A headline tells the
    story's happening again, undated."""
    whole_line = (start == 0 or text[start - 1] == "\n") and (
        end == len(text) or text[end] in "\r\n"
    )
    return whole_line and text[start:end].rstrip()[-1:] not in {".", "!", "?", '"', "”", "’", "'"}


def referred_back(
    text: str, events: list[EventMention], dates: Sequence[DateMention],
    sentences: Sequence[tuple[int, int]], lexicon: Lexicon,
) -> list[EventMention]:  # fmt: skip
    """The events, where a dated definite noun of an event's type in one of the next
    ``REFER_BACK_SENTENCES`` sentences names it again ("a suspected US drone attack has
    killed four militants. … Thursday's strike was aimed at …"): the undated asserted
    happenings of that type told before the noun's sentence, after the last dated one of
    that type (another happening), take the noun's date; a headline (:func:`heading`) is
    not dated.
    ``dates``: the day-, month- or year-precise dates; ``sentences``: (start, end) offsets."""
    starts = [s for s, _ in sentences]
    out = list(events)
    for d in dates:
        types = _referring_types(text, d, lexicon)
        if not types:
            continue
        k = bisect.bisect_right(starts, d.start) - 1
        if k < 1:
            continue
        lo, hi = starts[max(0, k - REFER_BACK_SENTENCES)], starts[k]
        told = [
            e for e in out
            if lo <= e.trigger_start < hi and e.type in types
            and e.told_as_done
            and not heading(text, *sentences[bisect.bisect_right(starts, e.trigger_start) - 1])
        ]  # fmt: skip
        dated_before = [e.trigger_start for e in told if e.date is not None]
        first = max(dated_before, default=-1)  # a dated one is another happening: stop there
        undated = {id(e) for e in told if e.date is None and e.trigger_start > first}
        out = [_dated(e, d) if id(e) in undated else e for e in out]
    return out


_CUES = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in SAME_TIME_CUES)
_SAME_TIME = re.compile(rf"\b(?:{_CUES})\s+the\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", re.I)
"""A cue of ``SAME_TIME_CUES`` and the definite noun phrase after it."""


def same_time(
    text: str, events: list[EventMention], sentences: Sequence[tuple[int, int]],
    lexicon: Lexicon,
) -> list[EventMention]:  # fmt: skip
    """The events, where an undated happening is told at the time of another one named by a
    definite noun (``SAME_TIME_CUES``: "closed the crossings hours after the attack", "Along
    with the aid cut, the US held back …"): the undated asserted events of that sentence
    take the date of the last dated happening of the noun's type told before the cue."""
    out = list(events)
    for s_start, s_end in sentences:
        for m in _SAME_TIME.finditer(text, s_start, s_end):
            noun = next(
                (
                    w
                    for w in re.finditer(r"[\w-]+", m.group(1))
                    if w.group().lower() in lexicon.by_form
                ),
                None,
            )
            if noun is None:
                continue
            types = {t.type for t in lexicon.by_form[noun.group().lower()]}
            at = m.start(1) + noun.start(), m.start(1) + noun.end()
            before = [
                e for e in out
                if e.type in types and e.date is not None and e.trigger_end <= m.start()
                and e.told_as_done
            ]  # fmt: skip
            if not before:
                continue
            anchor = max(before, key=lambda e: e.trigger_start)
            out = [
                replace(e, date=anchor.date, precision=anchor.precision, date_quote=text[m.start() : at[1]])
                if e.date is None and s_start <= e.trigger_start < s_end
                and not at[0] <= e.trigger_start < at[1]
                and e.told_as_done
                else e
                for e in out
            ]  # fmt: skip
    return out


def dateline_lead(
    text: str, events: list[EventMention], dates: Sequence[DateMention],
    sentences: Sequence[tuple[int, int]],
) -> list[EventMention]:  # fmt: skip
    """The events, where a story's dated dateline ("ISLAMABAD, Sept 8 (Reuters) -") dates
    its lead: the first sentence after it that is no heading, when that sentence tells no
    date of its own, tells the news of the dateline's day (the inverted pyramid of wire
    style: the lead is the day's news, its details and dates follow). Its undated asserted
    happenings take the dateline's date. ``dates``: all the document's date mentions (the
    dateline's own has note ``dateline``); ``sentences``: (start, end) offsets."""
    line = next((d for d in dates if d.note == "dateline" and d.date), None)
    if line is None:
        return events
    lead = next(((a, b) for a, b in sentences if a >= line.end and not heading(text, a, b)), None)
    if lead is None or any(lead[0] <= d.start < lead[1] for d in dates):
        return events
    return [
        _dated(e, line)
        if e.date is None and lead[0] <= e.trigger_start < lead[1]
        and e.told_as_done
        else e
        for e in events
    ]  # fmt: skip
