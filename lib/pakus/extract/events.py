"""Events: one per clause with a trigger from the lexicon, coded in PLOVER, with the date
that governs the clause, the actors, intensity, context, negation and modality."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from pakus.extract.coding import CodingTables, SentenceInfo, code_events
from pakus.extract.mentions import AmountMention, DateMention, EntityMention, EventMention
from pakus.extract.scan import Anchor, Scan
from pakus.extract.spans import starting_in
from pakus.extract.text import clause_spans
from pakus.extract.trie import trie_pattern

ACTOR_TYPES = frozenset({"person", "org", "state", "group"})
_WORD_RUN = re.compile(r"[\w-]+")
_ACTOR_GAP = re.compile(
    r"[\s,]*(?:(?:the|his|her|their|its|visiting|with|by|to)\s+)*(?:[a-z]+\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and)\s+)?){0,5}"
)
"""What may stand between a trigger and the actor it requires: articles, a role ("envoy",
"counterpart") and titles."""
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|without|refused\s+to|declined\s+to|failed\s+to|"
    r"unwilling\s+to|reluctant\s+to|"
    r"cannot|can't|won't|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't)\b|n[’']t\b",
    re.I,
)
_CONDITIONAL = re.compile(r"\b(?:[Ii]f|[Ww]hether|[Uu]nless)\b")
_IRREALIS = re.compile(
    r"\b(?:[Cc]ould|might|may|[Ss]hould|ought|possibility|possible|likely|would\s+(?:not\s+|never\s+)?have|suggested|"
    r"proposed|considering|consider|keen|desire|desired|wish|hope|hopes|want|wants)\b"
)
_SUBJECT = re.compile(r"\b(?:that|which|who|he|she|they|it|we|I)\b")
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|[Ww]ould|[Ss]hall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"expected\s+to|set\s+to|to\s+be|aims?\s+to|seeks?\s+to|wants?\s+to|hopes?\s+to|"
    r"upcoming|next)\b|[’']ll\b"
)
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
_TOPIC = re.compile(
    r"\b(?:discuss\w*|about|regarding|concerning|demand\w*|call\w*\s+for|end\s+to|halt\s+to|"
    r"condemn\w*|protest\w*|criticis\w*|criticiz\w*)\b",
    re.I,
)
_AGENT_GAP = re.compile(r"\bby\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z")
_NOT_NEGATION = re.compile(r"\bnot\s+(?:least|only)\b", re.I)
_NO_BEFORE = re.compile(r"\bno\s+$", re.I)
_NOMINAL = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|this|that|any)|[’']s)\s+(?:[\w.-]+\s+){0,2}$", re.I
)
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
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|this|that|any)|[’']s)\s+$", re.I
)
_RELATIVE = re.compile(r"(?:which|who)\b")
"""A clause that opens with a relative pronoun."""
_SAME_TIME_VERB = re.compile(r"(?:and|but)\s+(?!(?:the|a|an|to|it|he|she|they|we|i)\b)[a-z]")
"""A clause that opens with a coordinated verb ("…on Monday, and offered to mediate")."""
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?\Z")
""""since" right before a date."""
_ACTIVE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|already|now|since|so\s+far)\s+)?\Z")
"""An active present perfect right before a trigger ("has reimbursed", "have also given")."""
_DISCOURSE = re.compile(
    r"\b(?:it\s+should\s+be\s+noted|it\s+is\s+worth\s+noting|it\s+may\s+be\s+recalled)\b", re.I
)


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str
    requires: tuple[str, ...]
    priority: int
    context: str


class Lexicon:
    """The trigger lexicon compiled into one regex, plus the codebook intensities."""

    def __init__(self, triggers: pd.DataFrame, plover: pd.DataFrame, modes: pd.DataFrame,
                 contexts: pd.DataFrame, demonyms: pd.DataFrame) -> None:  # fmt: skip
        self.demonyms = dict(zip(demonyms["demonym"], demonyms["state"], strict=True))
        self._groups = re.compile(
            rf"(?<![\w.-])(?P<demonym>{trie_pattern(self.demonyms)})[ \t]+(?:[a-z-]+[ \t]+)?"
            rf"(?:{_GROUP_NOUNS})\b"
        )
        self.by_form: dict[str, list[Trigger]] = {}
        for row in triggers.itertuples(index=False):
            trig = Trigger(
                row.type, row.mode, tuple(r for r in row.requires.split("|") if r),
                int(row.priority), row.context,
            )  # fmt: skip
            for form in row.forms.split("|"):
                self.by_form.setdefault(form.lower(), []).append(trig)
        self.anchor = Anchor(re.compile(rf"(?:{trie_pattern(self.by_form)})(?![\w-])"), fold=True)
        self.intensity = dict(zip(plover["type"], plover["intensity"], strict=True))
        self.quad = dict(zip(plover["type"], plover["quad"], strict=True))
        self.mode_intensity = {
            (t, m): v
            for t, m, v in zip(modes["type"], modes["mode"], modes["intensity"], strict=True)
        }
        self.contexts = [
            (row.context, Keywords(row.keywords.split("|")))
            for row in contexts.itertuples(index=False)
        ]

    def group_states(self, text: str, start: int, end: int) -> list[str]:
        """The states of the groups named by nationality in ``text[start:end]``, in order."""
        return [
            self.demonyms[re.sub(r"\s+", " ", m.group("demonym"))]
            for m in self._groups.finditer(text, start, end)
        ]


class Keywords:
    """Words and phrases looked for as whole words, in any case: single words by their
    presence in a clause's set of words, phrases by a pattern."""

    def __init__(self, keywords: Sequence[str]) -> None:
        self.words = frozenset(k.lower() for k in keywords if _WORD_RUN.fullmatch(k))
        phrases = [k for k in keywords if not _WORD_RUN.fullmatch(k)]
        self.phrases = (
            re.compile(rf"(?<![\w-])(?:{trie_pattern(phrases)})(?![\w-])", re.I)
            if phrases
            else None
        )
        firsts = [_WORD_RUN.match(k.lower()) for k in phrases]
        self.first_words = frozenset(m.group() for m in firsts if m) if all(firsts) else None
        """The first word of each phrase: an ASCII clause without one holds no phrase."""

    def found(self, words: frozenset[str], clause: str) -> bool:
        """Whether the clause, with ``words`` its set of lower-cased words, holds a keyword."""
        if not self.words.isdisjoint(words):
            return True
        if self.phrases is None or (
            self.first_words is not None and clause.isascii() and self.first_words.isdisjoint(words)
        ):
            return False
        return self.phrases.search(clause) is not None


def words_of(clause: str) -> frozenset[str]:
    """The lower-cased words of a clause: its runs of letters, digits, ``_`` and ``-``."""
    return frozenset(_WORD_RUN.findall(clause.lower()))


_GROUP_NOUNS = (
    "forces|troops|soldiers|military|army|navy|officials|diplomats|government|authorities|"
    "drones|jets|warplanes|aircraft|helicopters|police|officers|commandos|negotiators|"
    "delegation|leaders|administration|envoys|paramilitaries|intelligence"
)
"""What a nationality adjective may head as an actor ("Pakistani forces", "Afghan officials")."""


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


def _covered(span: DateMention, items: Sequence[EntityMention], starts: list[int]) -> bool:
    """Whether one of ``items`` (sorted, not overlapping each other) contains ``span``."""
    i = bisect.bisect_right(starts, span.start)
    return any(items[k].end >= span.end for k in range(max(0, i - 8), i))


def _within(items: Sequence, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start) that lie wholly inside ``[start, end)``."""
    return [x for x in starting_in(items, starts, start, end) if x.end <= end]


def event_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[EntityMention],
    dates: Sequence[DateMention],
    amounts: Sequence[AmountMention],
    lexicon: Lexicon,
    coding: CodingTables | None = None,
) -> list[EventMention]:
    """One event per clause that holds a trigger whose requirements the clause meets; with
    ``coding``, re-read with the sentence's parse (``pakus.extract.coding``)."""
    ent_starts = [e.start for e in entities]
    years = [(d, _agreements_year(text, d, entities, ent_starts)) for d in dates]
    agreement_years = {a.start: d for d, a in reversed(years) if a is not None}
    named = {id(d) for d, a in years if a is not None}
    dates = [d for d in dates if not _covered(d, entities, ent_starts) and id(d) not in named]
    date_starts = [d.start for d in dates]
    amt_starts = [a.start for a in amounts]
    blocked = [(e.start, e.end) for e in entities] + [(d.start, d.end) for d in dates]
    blocked.sort()
    block_starts = [b[0] for b in blocked]
    hits = [
        m for m in Scan(text).bounded(lexicon.anchor) if not _inside(m, blocked, block_starts)
    ]  # fmt: skip
    hit_starts = [m.start() for m in hits]
    out: list[EventMention] = []
    infos: list[SentenceInfo] = []
    for s_start, s_end in sentences:
        s_hits = hits[
            bisect.bisect_left(hit_starts, s_start) : bisect.bisect_left(hit_starts, s_end)
        ]
        if not s_hits and coding is None:
            continue
        s_dates = [
            d
            for d in _within(dates, date_starts, s_start, s_end)
            if d.precision in {"day", "month", "year"}
        ]
        governing = _sentence_initial_date(text, s_start, s_dates)
        infos.append(SentenceInfo(s_start, s_end, s_dates, governing))
        if not s_hits:
            continue
        previous: DateMention | None = None
        for c_start, c_end in clause_spans(text, s_start, s_end):
            c_dates = [
                d for d in _within(dates, date_starts, c_start, c_end)
                if d.precision in {"day", "month", "year"}
            ]  # fmt: skip
            inherited = None if _RELATIVE.match(text, c_start, c_end) else governing
            if previous is not None and _SAME_TIME_VERB.match(text, c_start, c_end):
                inherited = previous  # "…on Monday, and offered to mediate": the same time
            previous = c_dates[0] if c_dates else previous
            c_hits = [m for m in s_hits if c_start <= m.start() and m.end() <= c_end]
            if not c_hits:
                continue
            out.extend(_clause_events(
                text, c_start, c_end, c_hits,
                _within(entities, ent_starts, c_start, c_end),
                _within(entities, ent_starts, s_start, s_end),
                c_dates, inherited,
                bool(_within(amounts, amt_starts, c_start, c_end)),
                lexicon,
            ))  # fmt: skip
    out = [_dated_by_name(e, entities, ent_starts, agreement_years) for e in out]
    if coding is not None:
        out = code_events(text, infos, out, entities, lexicon, coding)
    return out


def _agreements_year(
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


def _dated_by_name(
    event: EventMention, entities: Sequence[EntityMention], ent_starts: list[int],
    agreement_years: dict[int, DateMention],
) -> EventMention:  # fmt: skip
    """An undated signing, ratification or renewal of an agreement whose name holds its year
    ("signed the Simla Agreement of 1972") takes that year; the year of an agreement only
    cited ("the cutoff, required under the Pressler Amendment of 1985, …") dates nothing.
    ``agreement_years``: the year of each agreement mention, by its start."""
    if event.date is not None or event.type != "SUPPORT":
        return event
    after = _within(entities, ent_starts, event.trigger_end, event.end)
    agreement = next((a for a in after if a.type == "agreement"), None)
    year = agreement_years.get(agreement.start) if agreement is not None else None
    if year is None:
        return event
    return replace(event, date=year.date, precision=year.precision, date_quote=year.quote)


def _inside(m: re.Match[str], blocked: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, m.start()) - 1
    return any(s <= m.start() < e or s < m.end() <= e for s, e in blocked[max(0, i - 3) : i + 1])


_CONNECTIVE = re.compile(
    r"^(?:Furthermore|Moreover|However|Meanwhile|Additionally|Also|Indeed|Still|Yet|Then|Later|"
    r"Separately|Similarly|Likewise|In addition|Since then),\s+"
)


_OPENING_WORDS = frozenset(
    "In On At During After Following Since By Before Until Through Throughout Amid Over Within "
    "From Last This Early Late Earlier Later Months Weeks Days Years Shortly Soon".split()
)
"""Words that open a sentence with a time phrase rather than with its subject."""


def _sentence_initial_date(
    text: str, s_start: int, s_dates: list[DateMention]
) -> DateMention | None:
    """A date that opens the sentence ("In May 2018, …", "Last year, …", "Furthermore, after the
    floods last year, …") governs all its clauses."""
    for d in s_dates:
        lead = _CONNECTIVE.sub("", text[s_start : d.start], count=1)
        words = lead.split()
        # an opening phrase, not the end of the first clause ("Washington cut aid in 1971, and …")
        opening = len(words) <= 2 or words[0].capitalize() in _OPENING_WORDS
        if len(words) <= 6 and "," not in lead and opening:
            return d
    return None


@dataclass(frozen=True)
class _Candidate:
    weight: int
    m: re.Match[str]
    trig: Trigger
    nominal: bool


def _clause_events(
    text: str,
    c_start: int,
    c_end: int,
    hits: list[re.Match[str]],
    ents: list[EntityMention],
    sentence_ents: list[EntityMention],
    c_dates: list[DateMention],
    governing: DateMention | None,
    has_amount: bool,
    lex: Lexicon,
) -> list[EventMention]:
    """The events of one clause.

    The strongest trigger gives the clause's event, with the nearest date. Beside it: a
    verb coordinated with it ("visited Islamabad and warned …"), and a noun with a date of
    its own ("an attack on the embassy in September", "last year's meetings"). A clause that
    tells coordinated dates ("killed A in 2009 and B in 2013") gives one event per date.
    """
    clause = text[c_start:c_end]
    words = words_of(clause)
    cands: list[_Candidate] = []
    for m in hits:
        readings = [
            t for t in lex.by_form[" ".join(m.group().lower().split())]
            if not t.requires or any(_requirement_met(r, words, ents, has_amount, m, text) for r in t.requires)
        ]  # fmt: skip
        if readings:
            trig = max(readings, key=lambda t: t.priority)
            weight, nominal = _weight(text, c_start, m, trig)
            cands.append(_Candidate(weight, m, trig, nominal))
    if not cands:
        return []
    topics = frozenset(name for name, kw in lex.contexts if kw.found(words, clause))
    # the strongest reading gives the clause's type; its first trigger of that type is the
    # event ("imposed sanctions …, cutting off aid": the sanctions, not the participle)
    strongest = max(cands, key=lambda c: (c.weight, -c.m.start()))
    primary = next(c for c in cands if c.trig.type == strongest.trig.type)
    distinct = sorted({d.date: d for d in c_dates}.values(), key=lambda d: d.start)
    if len(distinct) >= 2 and all(
        re.search(r"\band\b", text[a.end : b.start]) for a, b in itertools.pairwise(distinct)
    ):
        events = []
        for d in distinct:
            before = [c for c in cands if c.m.end() <= d.start]
            pick = max(before, key=lambda c: (c.m.start(), c.weight)) if before else primary
            events.append(
                _event(text, c_start, c_end, pick.m, pick.trig, d, ents, sentence_ents, lex, topics)
            )
        return events

    chosen: list[tuple[_Candidate, DateMention | None]] = []
    claimed: set[int] = set()
    for c in cands:
        if c is primary or c.trig.type == primary.trig.type:
            continue
        own = _adjacent_date(text, c.m, c_dates, tight=not c.nominal)
        if own is not None and _verbs_date(text, primary, c, own):
            continue
        if own is not None and id(own) not in claimed:
            claimed.add(id(own))
            chosen.append((c, own))
    free = [d for d in c_dates if id(d) not in claimed]
    date = min(free, key=lambda d: abs(d.start - primary.m.start()), default=None)
    if date is None and not claimed:
        date = governing
    if date is not None and _ongoing_since(text, c_start, primary.m, date):
        date = None
    chosen.insert(0, (primary, date))
    coordinated: set[int] = set()
    for c in cands:
        if c is primary or c.nominal or c.trig.type == primary.trig.type:
            continue
        lo, hi = sorted((primary.m, c.m), key=lambda m: m.start())
        if re.search(r"\b(?:and|besides|as well as|but also)\b", text[lo.end() : hi.start()]):
            chosen.append((c, date))
            coordinated.add(id(c))
    chosen.sort(key=lambda cd: cd[0].m.start())
    events = [
        _event(text, c_start, c_end, c.m, c.trig, d, ents, sentence_ents, lex, topics)
        for c, d in chosen
    ]
    # a verb coordinated after the clause's event shares its subject: "Islamabad expanded its
    # operations against the TTP and arrested …" — Islamabad arrested, not the TTP
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


def _ongoing_since(text: str, c_start: int, m: re.Match[str], date: DateMention) -> bool:
    """Whether ``date`` opens a span the event fills rather than dates it: "since" with an
    active present perfect ("has reimbursed $6 billion since 2002", "Since 2001, the US has
    given …"). A passive or stative perfect keeps it: "aid has been suspended since May"."""
    return bool(
        _SINCE_BEFORE.search(text, max(0, date.start - 12), date.start)
        and _ACTIVE_PERFECT.search(text, max(c_start, m.start() - 30), m.start())
    )


def _verbs_date(text: str, verb: _Candidate, noun: _Candidate, date: DateMention) -> bool:
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


def _weight(text: str, c_start: int, m: re.Match[str], trig: Trigger) -> tuple[int, bool]:
    """A trigger's priority, and whether it is a noun. The priority is lowered for a noun
    inside the clause ("the killing of") and more for a topic ("to discuss … killing",
    "demanding an end to drone strikes"), which are what the clause is about, not its event."""
    lead = text[c_start : m.start()]
    nominal = bool(_NOMINAL.search(lead[-40:]))
    if nominal and m.group().lower().endswith("ing") and not _DETERMINER_BEFORE.search(lead[-20:]):
        nominal = False  # "a resolution demanding …" is a participle, "the killing of" a noun
    if len(lead.split()) > 3 and _TOPIC.search(lead):
        return trig.priority - 6, nominal  # what a demand or a discussion is about
    if len(lead.split()) > 3 and nominal:
        return trig.priority - 4, nominal
    return trig.priority, nominal


def _event(
    text: str,
    c_start: int,
    c_end: int,
    m: re.Match[str],
    trig: Trigger,
    date: DateMention | None,
    ents: list[EntityMention],
    sentence_ents: list[EntityMention],
    lex: Lexicon,
    topics: frozenset[str],
) -> EventMention:
    """One event; ``topics``: the contexts whose keywords the clause holds."""
    clause = text[c_start:c_end]
    before = _DISCOURSE.sub("", text[c_start : m.start()])
    window = before[-60:]
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
        _CONDITIONAL.search(before) or _IRREALIS.search(local) or infinitive
        or (verb_after and verb_after.group("hypo"))
    ):  # fmt: skip
        modality = "hypothetical"
    elif _FUTURE.search(local[-60:]) or (verb_after and verb_after.group("future")):
        modality = "future"
    else:
        modality = "asserted"
    source, target, actor_ids, countries = _parties(
        text, c_start, m, trig, ents, sentence_ents, lex
    )
    mode = trig.mode
    if not mode and trig.type == "ASSAULT" and re.search(r"\bdrones?\b", clause, re.I):
        mode = "drone"
    intensity = lex.mode_intensity.get((trig.type, mode), lex.intensity[trig.type])
    contexts = {trig.context, *topics} if trig.context else set(topics)
    if any(e.type == "group" for e in ents):
        contexts.add("terrorism")
    return EventMention(
        c_start, c_end, clause, trig.type, text[m.start() : m.end()], m.start(), m.end(), mode,
        date.date if date else None, date.precision if date else None, date.quote if date else "",
        actor_ids, tuple(dict.fromkeys(e.id for e in ents if e.type in {"program", "agreement"})),
        countries, source.id, target.id, source.country, target.country, "", "",
        float(intensity), lex.quad[trig.type],
        ";".join(sorted(contexts)), negated, modality,
    )  # fmt: skip


@dataclass(frozen=True)
class _Party:
    """A source or target: an actor id (or a state's, for a group named by nationality) and
    the country it acts for."""

    id: str = ""
    country: str = ""


def _party(actor: EntityMention | None) -> _Party:
    return _Party(actor.id, _country(actor)) if actor is not None else _Party()


def _parties(
    text: str, c_start: int, m: re.Match[str], trig: Trigger, ents: list[EntityMention],
    sentence_ents: list[EntityMention], lex: Lexicon,
) -> tuple[_Party, _Party, tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """Source and target of the event at ``m``, and the ids and countries of its actors.

    By position first (``_roles``); then, in order: the possessor of a killing suffered it
    ("Soleimani's killing"); a relative clause acts for its antecedent ("China, which has
    pledged …"); a group named by nationality nearer the trigger than any named actor is the
    source ("Pakistani forces killed …"), or the target before a passive verb ("24 Pakistani
    soldiers were killed"); a clause opening with its verb takes the sentence's subject.
    """
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
        if target is not None and _country(target) == group[0]:
            # "Indian warplanes struck what New Delhi called a JeM camp": not India itself
            target = next(
                (a for a in actors if a.start >= m.end() and _country(a) != group[0]), None
            )
    if antecedent is not None:
        source = antecedent
        actors = [antecedent, *(a for a in actors if a is not antecedent)]
        if target is not None and target.id == source.id:
            target = None
    src = _Party(group[0], group[0]) if group else _party(source)
    tgt = _Party(suffered[0], suffered[0]) if suffered else _party(target)
    ids = tuple(dict.fromkeys([*group, *(a.id for a in actors), *suffered]))
    countries = tuple(
        dict.fromkeys(c for c in [*group, *(_country(a) for a in actors), *suffered] if c)
    )
    return src, tgt, ids, countries


def _antecedent(
    text: str, c_start: int, sentence_ents: list[EntityMention]
) -> EntityMention | None:
    """The actor a relative clause is about: "China, which has pledged …" → China."""
    if not _RELATIVE.match(text, c_start, c_start + 6):
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


def _country(actor: EntityMention | None) -> str:
    """The state an actor acts for: a state itself, a person's or body's affiliation; an armed
    group stands for itself (the TTP is not Pakistan)."""
    if actor is None:
        return ""
    return actor.id if actor.type in {"state", "group"} else actor.affiliation
