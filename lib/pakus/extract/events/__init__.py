"""Events: one per clause with a trigger from the lexicon, coded in PLOVER, with the date
that governs the clause, the actors, intensity, context, negation and modality.

The decisions, one module each, every one a function of a :class:`Clause` (the clause's text
and offsets, its triggers, entities, dates and amounts; frozen) and a trigger match in it:

- ``triggers``: trigger and type — which readings of which triggers the clause admits
  (:func:`~pakus.extract.events.triggers.candidates`), and which is the clause's event
  (:func:`~pakus.extract.events.triggers.primary`), read from the compiled ``lexicon``;
- ``dating``: the governing date — what a clause inherits from its sentence and which date
  each event of the clause takes (:func:`~pakus.extract.events.dating.dated_candidates`);
- ``roles``: source and target, the actors' ids and countries
  (:func:`~pakus.extract.events.roles.parties`);
- ``mood``: negation and modality (:func:`~pakus.extract.events.mood.mood`);
- ``parsed``: the events re-read with the sentence's dependency parse (``grammar`` holds
  the rules: roles, governing words, negation and modality), and the derived verb lexicon's
  events (:func:`~pakus.extract.events.parsed.code_events`).

This module only walks sentences and clauses, builds each :class:`Clause`, and assembles an
:class:`~pakus.extract.mentions.EventMention` from the steps' answers (mode, intensity and
context come from the lexicon's codebook). A step's insides can be replaced (by rules over a
dependency parse, say) as long as it keeps its signature.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from pakus.extract.events import dating, roles, triggers
from pakus.extract.events.clause import ACTOR_TYPES, Clause, within
from pakus.extract.events.lexicon import Keywords, Lexicon, Trigger, words_of
from pakus.extract.events.mood import COMMISSIVE_VERBS, mood
from pakus.extract.events.parsed import CodingTables, SentenceInfo, code_events
from pakus.extract.events.triggers import trigger_hits
from pakus.extract.mentions import AmountMention, DateMention, EntityMention, EventMention
from pakus.extract.parse import MAX_SENTENCE_CHARS
from pakus.extract.text import clause_spans

__all__ = [
    "ACTOR_TYPES", "Clause", "Keywords", "Lexicon", "Trigger", "clause_events", "event_mentions",
    "one_telling", "words_of",
]  # fmt: skip

DAY_MONTH_YEAR = frozenset({"day", "month", "year"})
"""The precisions of a date that can date an event (not a decade, range or fiscal year)."""


def event_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[EntityMention],
    dates: Sequence[DateMention],
    amounts: Sequence[AmountMention],
    lexicon: Lexicon,
    coding: CodingTables | None = None,
    issuer: EntityMention | None = None,
) -> list[EventMention]:
    """One event per clause that holds a trigger whose requirements the clause meets
    (sentences: (start, end) offsets; mentions sorted by start); with ``coding``, re-read
    with the sentence's parse and completed from the derived verb lexicon
    (:func:`~pakus.extract.events.parsed.code_events`); ``issuer``: the actor a
    first-person "we" stands for (the document's issuer). Compound actors ("Pakistani
    soldiers": entity method ``compound``) are left to the clause-level nationality-group
    rules, which read ``demonyms.csv`` themselves, and are actors of the parse (their
    country and sector)."""
    compounds = list(entities)
    all_dates = list(dates)
    entities = [e for e in entities if e.method != "compound"]
    ent_starts = [e.start for e in entities]
    years = [(d, dating.agreements_year(text, d, entities, ent_starts)) for d in dates]
    agreement_years = {a.start: d for d, a in reversed(years) if a is not None}
    named = {id(d) for d, a in years if a is not None}
    dates = [d for d in dates if not dating.covered(d, entities, ent_starts) and id(d) not in named]
    date_starts = [d.start for d in dates]
    amt_starts = [a.start for a in amounts]
    blocked = [(e.start, e.end) for e in entities] + [(d.start, d.end) for d in dates]
    blocked.sort()
    hits = trigger_hits(text, lexicon, blocked)
    hit_starts = [m.start() for m in hits]
    out: list[EventMention] = []
    infos: list[SentenceInfo] = []
    for s_start, s_end in sentences:
        s_hits = hits[
            bisect.bisect_left(hit_starts, s_start) : bisect.bisect_left(hit_starts, s_end)
        ]
        if s_end - s_start > MAX_SENTENCE_CHARS or (not s_hits and coding is None):
            continue  # a run-on span (a table, a 100 kB parenthesis) is not coded for events
        s_dates = [
            d for d in within(dates, date_starts, s_start, s_end) if d.precision in DAY_MONTH_YEAR
        ]
        governing = dating.sentence_initial_date(text, s_start, s_dates)
        infos.append(SentenceInfo(s_start, s_end, s_dates, governing))
        if not s_hits:
            continue
        previous: DateMention | None = None
        for c_start, c_end in clause_spans(text, s_start, s_end):
            c_dates = [
                d for d in within(dates, date_starts, c_start, c_end)
                if d.precision in DAY_MONTH_YEAR
            ]  # fmt: skip
            inherited = dating.inherited_date(text, c_start, c_end, governing, previous)
            previous = c_dates[0] if c_dates else previous
            c_hits = [m for m in s_hits if c_start <= m.start() and m.end() <= c_end]
            if not c_hits:
                continue
            clause = Clause(
                text, c_start, c_end, c_hits,
                within(entities, ent_starts, c_start, c_end),
                within(entities, ent_starts, s_start, s_end),
                c_dates, inherited,
                bool(within(amounts, amt_starts, c_start, c_end)),
                lexicon,
            )  # fmt: skip
            out.extend(clause_events(clause))
    out = [dating.dated_by_name(e, entities, ent_starts, agreement_years) for e in out]
    if coding is not None:
        out = one_telling(code_events(text, infos, out, compounds, lexicon, coding, issuer))
    dated = [d for d in dates if d.precision in DAY_MONTH_YEAR]
    out = dating.referred_back(text, out, dated, sentences, lexicon)
    out = dating.dateline_lead(text, out, all_dates, sentences)
    return group_sides(dating.same_time(text, out, sentences, lexicon), compounds)


NO_HOME = "IMG"
"""Phoenix's code of an international militarized group, the side of an armed group with no
home country (``AL-QAEDA_IN_THE_ARABIAN_PENINSULA [IMG]`` in PETRARCH2's
Phoenix.MilNonState.actors.txt)."""


def group_sides(
    events: list[EventMention], entities: Sequence[EntityMention]
) -> list[EventMention]:
    """``events`` with an armed group's side coded as Phoenix and PLOVER code it: the group's
    home country with sector ``REB`` (Phoenix.MilNonState.actors.txt: ``HEZBOLLAH_ [LBNREB]``,
    ``TALIBAN_ [AFGREB]``; the PLOVER gold-standard records code Hezbollah ``LBN``/``REB``,
    Hamas ``PSE``/``REB``), ``IMG`` for a group with none; the group stays the
    ``source_actor``/``target_actor``. Only where the actor is the group itself: a member
    named as such (Noor Wali Mehsud of the TTP) keeps the group as side, as the annotations
    code a member by the group. Coding inside the pipeline keeps the group's id as its side
    (the TTP is not Pakistan); this is the last step. A group's home: its mention's
    ``country`` (``entities``: the document's). Order and everything else kept."""
    homes = {m.id: m.country if m.country != m.id else "" for m in entities if m.type == "group"}
    if not homes:
        return events
    out = []
    for e in events:
        changes = {}
        for role in ("source", "target"):
            side = getattr(e, f"{role}_country")
            if side in homes and getattr(e, f"{role}_actor") == side:
                changes[f"{role}_country"] = homes[side] or NO_HOME
                changes[f"{role}_sector"] = getattr(e, f"{role}_sector") or "REB"
        out.append(replace(e, **changes) if changes else e)
    return out


PARTY_FIELDS = tuple(
    f"{r}_{k}" for r in ("source", "target") for k in ("actor", "country", "sector")
)
"""The fields that say who an event's source and target are."""


def _with_parties_of(kept: EventMention, other: EventMention) -> EventMention:
    """``kept`` with each party field it leaves empty taken from ``other`` (another telling of
    the same happening)."""
    return replace(kept, **{f: getattr(kept, f) or getattr(other, f) for f in PARTY_FIELDS})


def one_telling(events: list[EventMention]) -> list[EventMention]:
    """``events`` less the undated ones whose trigger tells, with the same type, modality and
    polarity, an event that has a date: one telling of one happening. The parse recodes a
    noun governed by a speech act into the act ("protested against the raid on Friday": the
    raid's date becomes the protest's), beside the clause's own undated reading of the verb;
    the dated event keeps the contexts and any party only the undated one named. Then a
    second telling of one happening inside one clause is dropped (an adverbial participle
    restating it, a coordinated verb of its type and date, a commitment's promised act:
    :func:`_participle_restatements`). Order kept."""

    def telling(e: EventMention) -> tuple:
        return e.trigger_start, e.trigger_end, e.type, e.modality, e.negated

    dated: dict[tuple, EventMention] = {}
    for e in events:
        if e.date is not None:
            dated.setdefault(telling(e), e)
    merged: dict[int, EventMention] = {}
    drop: set[int] = set()
    for e in events:
        twin = dated.get(telling(e))
        if e.date is not None or twin is None:
            continue
        drop.add(id(e))
        base = merged.get(id(twin), twin)
        contexts = sorted({c for x in (base, e) for c in x.context.split(";") if c})
        merged[id(twin)] = replace(
            _with_parties_of(base, e),
            context=";".join(contexts),
            actors=tuple(dict.fromkeys([*base.actors, *e.actors])),
            countries=tuple(dict.fromkeys([*base.countries, *e.countries])),
        )
    out = [merged.get(id(e), e) for e in events if id(e) not in drop]
    return _participle_restatements(out)


_ADVERBIAL_PARTICIPLE = re.compile(r",\s+(?:(?:thus|thereby|effectively|so)\s+)?\Z")
"""A comma (perhaps with a linking adverb) right before an -ing trigger: the trigger opens
an adverbial participle clause on the clause before it."""


COMMITTED_TYPES = frozenset({"AGREE", "THREATEN"})
"""The types a commitment is coded as (``mood.commitment``): its promised act, retyped, is
the commitment itself."""


_COORDINATED = re.compile(r"\s+and\s+(?:[\w-]+\s+){0,3}")
"""The words between two verbs coordinated in one clause: "and", perhaps a short subject
or auxiliary ("killed and six others wounded", "attacked and were killing")."""


def _restates(e: EventMention, x: EventMention, participle: bool) -> bool:
    """Whether ``e`` tells again the happening ``x`` told before it in its clause (see
    :func:`_participle_restatements`); ``participle``: ``e`` opens an adverbial participle
    clause."""
    if not (
        x.start == e.start and x.end == e.end and x.type == e.type
        and x.trigger_end <= e.trigger_start
        and x.negated == e.negated and x.modality == e.modality
    ):  # fmt: skip
        return False
    if participle:
        return True
    gap = e.quote[x.trigger_end - e.start : e.trigger_start - e.start]
    if x.date == e.date and _COORDINATED.fullmatch(gap):
        return True
    said = x.trigger.split()[0].lower() if x.trigger else ""
    return e.type in COMMITTED_TYPES and any(said.startswith(v[:5]) for v in COMMISSIVE_VERBS)


def _participle_restatements(events: list[EventMention]) -> list[EventMention]:
    """``events`` less the second telling of one happening inside one clause, of the same
    type, modality and polarity: an adverbial participle clause that restates its clause's
    event ("imposed sanctions on Pakistan in May, cutting off all military and economic
    aid"; CGEL ch. 14, supplementive -ing clauses of result or elaboration); a verb
    coordinated right after it with the same date ("Seven people were killed and six others
    wounded in a drone attack": one attack, two outcomes; ``_COORDINATED``); and a promised
    act coded as the commitment (AGREE, THREATEN: ``mood.commitment``) where the commissive
    verb ("agreed to", ``mood.COMMISSIVE_VERBS``) is already that event of the clause. The
    first telling stays, with the later one's date if it had none, and its parties filled
    from it. Order kept."""
    out: list[EventMention] = []
    for e in events:
        before = e.quote[: e.trigger_start - e.start]
        first = e.trigger.split()[0].lower() if e.trigger else ""
        participle = first.endswith("ing") and bool(_ADVERBIAL_PARTICIPLE.search(before))

        main = next(
            (k for k in range(len(out) - 1, -1, -1) if _restates(e, out[k], participle)),
            None,
        )
        if main is None:
            out.append(e)
            continue
        kept = out[main]
        if kept.date is None and e.date is not None:
            kept = replace(kept, date=e.date, precision=e.precision, date_quote=e.date_quote)
        out[main] = _with_parties_of(kept, e)
    return out


def clause_events(c: Clause) -> list[EventMention]:
    """The events of one clause.

    The strongest trigger gives the clause's event, with the nearest date. Beside it: a
    verb coordinated with it ("visited Islamabad and warned …"), and a noun with a date of
    its own ("an attack on the embassy in September", "last year's meetings"). A clause that
    tells coordinated dates ("killed A in 2009 and B in 2013") gives one event per date.
    """
    cands = triggers.candidates(c)
    if not cands:
        return []
    topics = triggers.topics(c)
    primary = triggers.primary(cands)
    per_date = dating.per_date(c, cands, primary)
    if per_date is not None:
        return [event(c, x.m, x.trig, d, topics) for x, d in per_date]
    chosen, coordinated = dating.dated_candidates(c, cands, primary)
    events = [event(c, x.m, x.trig, d, topics) for x, d in chosen]
    return roles.share_subject(events, chosen, primary, coordinated)


def event(
    c: Clause, m: re.Match[str], trig: Trigger, date: DateMention | None, topics: frozenset[str]
) -> EventMention:
    """One event of clause ``c``: trigger ``m`` read as ``trig``, dated ``date``; ``topics``:
    the contexts whose keywords the clause holds."""
    text, ents, lex = c.text, c.entities, c.lexicon
    md = mood(c, m)
    source, target, actor_ids, countries = roles.parties(c, m, trig)
    mode = trig.mode
    if not mode and trig.type == "ASSAULT" and re.search(r"\bdrones?\b", c.quote, re.I):
        mode = "drone"
    intensity = lex.mode_intensity.get((trig.type, mode), lex.intensity[trig.type])
    contexts = {trig.context, *topics} if trig.context else set(topics)
    if any(e.type == "group" for e in ents):
        contexts.add("terrorism")
    return EventMention(
        c.start, c.end, c.quote, trig.type, text[m.start() : m.end()], m.start(), m.end(), mode,
        date.date if date else None, date.precision if date else None, date.quote if date else "",
        actor_ids, tuple(dict.fromkeys(e.id for e in ents if e.type in {"program", "agreement"})),
        countries, source.id, target.id, source.country, target.country, "", "",
        float(intensity), lex.quad[trig.type],
        ";".join(sorted(contexts)), md.negated, md.modality,
    )  # fmt: skip
