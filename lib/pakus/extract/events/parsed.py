"""Event coding from the parse: the events the trigger lexicon found, re-read with the
sentence's grammar, and events of the derived verb lexicon in clauses the curated triggers
leave uncoded.

For each event, on its trigger's head token (``pakus.extract.events.grammar`` holds the rules):

1. **governing** — a word that governs the trigger and reverses it decides the type
   (``data/reference/governors.csv``): a ban on a sale or the calling off of talks is
   SANCTION, the lifting of sanctions or of a ban or cutoff of aid RETREAT;
2. **framing** — a trigger of a speech act (AGREE, REQUEST, THREATEN, REJECT, ACCUSE) that
   governs it makes the event that speech act, said by the speaker (``urged Pakistan to
   sign`` is REQUEST; ``pledged to provide`` AGREE), and a promise of cooperation told in the
   future tense (``will provide``) is AGREE, as PLOVER codes promises;
3. **roles** — source and target from the subject, passive agent, objects and the type's
   role frame (``data/reference/role_frames.csv``); coordinated actors give one event per
   source–target pair;
4. **mood** — negation and modality read from the parse.

A sentence longer than ``parse.MAX_SENTENCE_CHARS`` is not parsed; its events keep what the
trigger lexicon gave (``long_sentences`` reports them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from pakus.extract.events import dating, grammar, triggers
from pakus.extract.events.grammar import Actor, ActorIndex
from pakus.extract.events.mood import PERMITTED_TYPES, commitment, permission
from pakus.extract.mentions import DateMention, EntityMention, EventMention
from pakus.extract.parse import MAX_SENTENCE_CHARS, ParserError, parse_spans
from pakus.extract.scan import Scan
from pakus.extract.text import clause_spans
from pakus.extract.trie import trie_pattern

ACTOR_TYPES = frozenset({"person", "org", "state", "group"})
FRAMING = ("AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE")
"""Speech acts whose content is not itself asserted (PLOVER: a promise is AGREE and a threat
THREATEN, whatever is promised or threatened)."""
COOPERATIVE = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT", "RETREAT", "CONCEDE"})
CONFLICTUAL = frozenset({"SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
"""Material conflict: told in the future by its actor, it is a threat (PLOVER THREATEN)."""
ADDRESSED = {"REQUEST": "asked", "ACCUSE": "asked", "AGREE": "promised", "THREATEN": "promised"}
"""Speech acts addressed to a party: one their content names, where they name none
themselves (``grammar.roles``, ``addressed``): the one asked to act, or the one an act is
promised or threatened to."""
SUFFERED = frozenset({"ASSAULT", "COERCE"})
"""Types whose event noun's possessor suffers it ("Soleimani's killing", "Khan's arrest")."""
RECIPIENT = frozenset({"AID", "SANCTION", "COOPERATE", "RETREAT"})
"""Types whose recipient is a required argument (PLOVER: aid is given to, a sanction imposed
on, cooperation resumed with, sanctions eased on someone): one the clause leaves unsaid is
the discourse's (:func:`implicit_recipients`). Not AGREE: a promise's party is often another
than the last one helped ("pledging aid" after aid to another state)."""
_FRAMING_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "advcl"})
ADVERBIAL_PREPOSITIONS = frozenset(
    "in at during after before since amid amidst despite following until within near "
    "across throughout".split()
)
"""Prepositions of time, place and circumstance: a phrase they head tells when, where or why
a speech act was made, not what it says ("denied aid in protest against …", "urged … at a
meeting"); a speech act does not frame an event in it."""
_OWN_CLAUSE_DEPS = frozenset({"advcl", "conj", "relcl", "acl", "parataxis"})
"""Clauses under a verb that tell their own happening: a coded event in one ("blockade Paris
to demand an end …") does not make the verb a light verb over it."""
DYADIC = frozenset({"CONSULT", "COOPERATE", "SUPPORT", "AID"})
"""PLOVER types defined as an act with or for a second party (consult with, cooperate with,
support, give aid to): a derived-lexicon reading of one of them is coded only with both."""
EVALUATIVE = frozenset({"ACCUSE", "SUPPORT"})
"""Speech acts that judge what their object names (PLOVER manual draft 2.0: ACCUSE "condemn,
decry a policy or an action", SUPPORT "commend, approve policy, action"): a verb of one over
an event noun ("denounced the raid", "welcomed the operation") is the event told, and a
definite event noun it judges refers back to a happening, not a new one (:func:`_judged`).
Not REJECT: its verbs in the derived lexicon are mostly material ("prevented the
demonstration" stops the protest; it does not judge it)."""
UNNAMED = frozenset({"PROTEST"})
"""PLOVER types whose actors are often unnamed civilians ("hundreds of people demonstrated"):
a main predicate of one is an event even with no actor named."""
RECEIVER = "subject"
"""The ``target`` frame of a derived reading of a verb of getting (``scripts/
derive_verb_lexicon.py``'s ``GETTING``): the subject (or passive agent) gets, so it is the
target, and the ``from`` phrase names the giver or seller, the source."""
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class VerbReading:
    object: str
    preposition: str
    type: str
    mode: str
    context: str
    target: tuple[str, ...]


class CodingTables:
    """The tables the grammar reads: governors, role frames, the derived verb lexicon."""

    def __init__(
        self, governors: pd.DataFrame, frames: pd.DataFrame, verbs: pd.DataFrame,
        verb_sets: pd.DataFrame, demonyms: dict[str, str],
    ) -> None:  # fmt: skip
        self.governors: dict[str, dict[str, str]] = {}
        """lemma → {governed type: the type it becomes}: a lemma may reverse several types,
        each its own way (``halt`` aid is SANCTION, ``halt`` attacks RETREAT)."""
        for row in governors.itertuples(index=False):
            for lemma in row.lemmas.split("|"):
                entry = self.governors.setdefault(lemma, {})
                for governed in row.governs.split("|"):
                    entry.setdefault(governed, row.becomes)
        self.frames = {r.type: tuple(r.target.split("|")) for r in frames.itertuples(index=False)}
        self.sets: dict[str, frozenset[str]] = {}
        for name, group in verb_sets.groupby("set"):
            self.sets[str(name)] = frozenset(group["member"])
        self.verbs: dict[str, list[VerbReading]] = {}
        for r in verbs.itertuples(index=False):
            self.verbs.setdefault(r.lemma, []).append(
                VerbReading(
                    r.object, r.preposition, r.type, r.mode, r.context, tuple(r.target.split("|"))
                )
            )
        self.first_words = frozenset(lemma.split()[0] for lemma in self.verbs)
        self.demonyms = demonyms
        self._demonym = re.compile(rf"(?<![\w.-])(?:{trie_pattern(demonyms)})(?![\w-])")

    def may_hold_verb(self, sentence: str) -> bool:
        """Whether a word of ``sentence`` may be a form of a lexicon verb (its lower-case
        form, or that form less -s, -es, -ed, -d, -ing, with or without a final e)."""
        for w in _WORD.findall(sentence.lower()):
            if w in self.first_words:
                return True
            for suffix in ("ing", "ed", "es", "s", "d"):
                if w.endswith(suffix) and len(w) > len(suffix) + 2:
                    stem = w[: -len(suffix)]
                    if stem in self.first_words or stem + "e" in self.first_words:
                        return True
                    if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in self.first_words:
                        return True
        return False

    def demonym_actors(self, text: str, start: int, end: int) -> list[Actor]:
        return [
            Actor(self.demonyms[m.group()], self.demonyms[m.group()], "", m.start(), m.end(), True)
            for m in self._demonym.finditer(text, start, end)
        ]

    def governor(self, tok, governed_type: str) -> tuple[object, str] | None:
        """The token governing ``tok`` that reverses an event of ``governed_type``, and the
        type it makes of it."""

        def becomes_of(t) -> str | None:
            for lemma in (_phrasal_lemma(t), t.lemma_.lower()):
                found = self.governors.get(lemma, {}).get(governed_type)
                if found:
                    return found
            return None

        gov = grammar.governor_of(tok, lambda t: becomes_of(t) is not None)
        if gov is None:
            return None
        return gov, becomes_of(gov)

    def refusal(self, tok, governed_type: str) -> tuple[object, str] | None:
        """The verb of refusal whose complement ``tok`` is ("ruled out paying", "refused to
        resume"), and REJECT, where ``governors.csv`` makes an event of ``governed_type``
        under it REJECT; None otherwise."""
        if tok.dep_ not in {"xcomp", "ccomp"}:
            return None
        head = tok.head
        for lemma in (_phrasal_lemma(head), head.lemma_.lower()):
            if self.governors.get(lemma, {}).get(governed_type) == "REJECT":
                return head, "REJECT"
        return None

    def verb_reading(self, tok) -> VerbReading | None:
        """The derived lexicon's reading of a verb: one whose object cue its object (or a
        preposition's object) meets, else its own reading; None where there is none or the
        cue selects no event (a row with an empty type: "claimed responsibility")."""
        for lemma in (_phrasal_lemma(tok), tok.lemma_.lower()):
            met, reading = self.cued_reading(tok, lemma)
            if met:
                return reading
            default = next(
                (r for r in self.verbs.get(lemma, ()) if not r.object and not r.preposition),
                None,
            )
            if default is not None:
                return default
        return None

    def cued_reading(
        self, tok, lemma: str | None = None, objects_only: bool = False
    ) -> tuple[bool, VerbReading | None]:
        """Whether a reading of the verb ``tok`` (as ``lemma``; default: its phrasal lemma,
        then its lemma) whose object or preposition cue the clause
        meets exists, and that reading (None where the cue selects no event: PETRARCH2's
        null code or a CAMEO 01 statement, "offered condolences"). A passive's subject and
        the noun a participle modifies count as its object; a cue of several words ("hunger
        strike") needs its modifiers before the object's head. A preposition's phrase counts
        only after the verb, as PETRARCH2's ``- * (FOR …)`` places it ("For five months he has
        headed …" is no ``HEAD (FOR)``). ``objects_only``: only readings
        with an object cue (a preposition alone, "meet at", is a weak cue)."""
        for form in (lemma,) if lemma else (_phrasal_lemma(tok), tok.lemma_.lower()):
            readings = self.verbs.get(form)
            if not readings:
                continue
            objs = [c for c in tok.children if c.dep_ in {"dobj", "attr", "nsubjpass"}]
            if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a bombing claimed by …"
                objs.append(tok.head)
            objs = [_antecedent(o) for o in objs]
            objs += [p for o in objs if _partitive(o) for p in _of_objects(o)]
            after = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
            preps = [
                (c.lower_, p)
                for c in after
                for p in c.children if p.dep_ in {"pobj", "pcomp"}
            ]  # fmt: skip
            prep_words = {c.lower_ for c in after}
            for r in readings:
                if not r.object and (objects_only or not r.preposition):
                    continue
                if r.preposition:
                    hit = (not r.object and r.preposition in prep_words) or any(
                        p == r.preposition and self._cue(r.object, o) for p, o in preps
                    )
                else:
                    hit = any(self._cue(r.object, o) for o in objs)
                if hit:
                    return True, (r if r.type else None)
        return False, None

    def _cue(self, cue: str, tok) -> bool:
        """Whether the phrase headed by ``tok`` meets an object cue: its head word (or a
        member of the synonym set ``&NAME``) and, for a cue of several words, the words
        before the head among the token's modifiers."""
        if not cue:
            return False
        *mods, head = cue.split()
        heads = self.sets.get(head, frozenset({head}))
        if (
            tok.lemma_.lower() not in heads
            and tok.lower_ not in heads
            and (_model_singular(tok.lower_) not in heads)
        ):
            return False
        if not mods:
            return True
        before = {w for c in tok.children if c.i < tok.i for w in (c.lower_, c.lemma_.lower())}
        return set(mods) <= before


_MODEL_PLURAL = re.compile(r"(?=[a-z/]*[-/]?\d)([a-z0-9/-]*\d[a-z]?)s$")


def _model_singular(word: str) -> str:
    """The singular of a model designation's plural, which the tagger leaves unlemmatized:
    ``f-16s`` → ``f-16``, ``b-52s`` → ``b-52``, ``mig-21s`` → ``mig-21`` (a designation ends in a
    digit, or a digit and a letter, before the plural ``s``); other words unchanged."""
    m = _MODEL_PLURAL.fullmatch(word)
    return m.group(1) if m else word


PARTITIVES = frozenset(
    "amount part portion share bulk rest most some all half much sum lot tranche instalment "
    "installment worth".split()
)
"""Nouns of quantity whose ``of`` phrase names the thing counted: "$1 billion of debt",
"part of the aid", "the bulk of the funds" (a partitive construction: Huddleston &
Pullum 2002, The Cambridge Grammar of the English Language, ch. 5 §9)."""


def _partitive(obj) -> bool:
    """Whether ``obj`` is a number ("$1 billion") or a noun of quantity (``PARTITIVES``)."""
    return obj.like_num or obj.tag_ == "CD" or obj.lemma_.lower() in PARTITIVES


def _of_objects(obj) -> list:
    return [
        p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip


def _antecedent(obj):
    """The noun a relative pronoun object stands for: "the sanctions that the law obliged him
    to impose" (``that`` → sanctions), through infinitive complements up to the relative
    clause; ``obj`` itself otherwise."""
    if obj.tag_ not in {"WDT", "WP"} and obj.lower_ not in {"that", "which", "whom"}:
        return obj
    cur = obj.head
    for _ in range(4):
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ not in {"xcomp", "ccomp"}:
            break
        cur = cur.head
    return obj


def _phrasal_lemma(tok) -> str:
    """The verb's lemma with its particle: a ``prt`` child, or a preposition right after it
    that the parse attaches as an adverb ("set aside the sanctions": ``aside`` advmod)."""
    prt = [
        c.lower_ for c in tok.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.pos_ == "ADP" and c.i == tok.i + 1)
    ]  # fmt: skip
    return f"{tok.lemma_.lower()} {prt[0]}" if prt else tok.lemma_.lower()


def _country(e: EntityMention) -> str:
    """The side an actor acts for in an event: an armed group stands for itself and its
    members for it (the TTP is not Pakistan, as in ``roles.country``); otherwise the entity's
    ISO3/IGO ``country``, else its affiliation."""
    if e.type == "group":
        return e.id
    if e.affiliation and e.country and e.affiliation != e.country:
        return e.affiliation  # a person or body of a group: Noor Wali Mehsud of the TTP
    return e.country or (e.id if e.type == "state" else e.affiliation)


def _actor(e: EntityMention) -> Actor:
    return Actor(
        e.id, _country(e), getattr(e, "sector", ""), e.start, e.end,
        nationals=e.method == "compound",
    )  # fmt: skip


@dataclass
class SentenceInfo:
    """What event coding needs of one sentence."""

    start: int
    end: int
    dates: list[DateMention]
    governing: DateMention | None
    text: str = ""
    """The sentence's text (``document[start:end]``)."""


def code_events(
    text: str, sentences: Sequence[SentenceInfo], events: list[EventMention],
    entities: Sequence[EntityMention], lex, tables: CodingTables,
    issuer: EntityMention | None = None,
) -> list[EventMention]:  # fmt: skip
    """The events, re-read with the parse, plus the derived lexicon's events. ``lex``: the
    trigger Lexicon (intensities, quad classes, curated forms); ``issuer``: the actor a
    first-person ``we`` stands for (an official statement's issuer), if known."""
    actors = [_actor(e) for e in entities if e.type in ACTOR_TYPES]
    places = [_actor(e) for e in entities if e.type == "place"]
    by_sentence: dict[int, list[EventMention]] = {}
    for ev in events:
        s = next(
            (i for i, si in enumerate(sentences) if si.start <= ev.trigger_start < si.end), None
        )
        by_sentence.setdefault(-1 if s is None else s, []).append(ev)
    todo = []
    for i, si in enumerate(sentences):
        if si.end - si.start > MAX_SENTENCE_CHARS:
            continue
        has_actor = any(si.start <= a.start and a.end <= si.end for a in actors)
        if i in by_sentence or (has_actor and tables.may_hold_verb(text[si.start : si.end])):
            todo.append(i)
    try:
        docs = parse_spans(text, [(sentences[i].start, sentences[i].end) for i in todo])
    except ParserError:
        return events
    parsed = dict(zip(todo, docs, strict=True))
    for i in todo:
        sentences[i].text = text[sentences[i].start : sentences[i].end]
    out: list[EventMention] = list(by_sentence.get(-1, []))
    previous: Actor | None = None
    issuer_actor = _actor(issuer) if issuer is not None else None
    for i, si in enumerate(sentences):
        s_events = by_sentence.get(i, [])
        doc = parsed.get(i)
        if doc is None:
            out.extend(s_events)
            continue
        s_actors = [a for a in actors if si.start <= a.start and a.end <= si.end]
        s_actors += [
            d for d in tables.demonym_actors(text, si.start, si.end)
            if not any(a.start <= d.start < a.end for a in s_actors)
        ]  # fmt: skip
        s_places = [p for p in places if si.start <= p.start and p.end <= si.end]
        index = ActorIndex(si.start, s_actors, previous, issuer_actor, s_places)
        coded = _sentence(text, si, doc, s_events, index, lex, tables, out)
        out.extend(coded)
        subj = next((t for t in doc if t.dep_ in grammar.SUBJECTS and t.head.dep_ == "ROOT"), None)
        found = grammar.actors_of(subj, index) if subj is not None else []
        previous = found[0] if found else previous
    out.sort(key=lambda e: (e.start, e.trigger_start, e.source_actor, e.target_actor))
    return implicit_recipients(out)


def implicit_recipients(events: list[EventMention]) -> list[EventMention]:
    """Events of a ``RECIPIENT`` type whose clause names no recipient take the state (or
    group) their source last acted on earlier in the document in the same sense (cooperation
    or conflict, by the type's quad class; a RETREAT, easing a conflict, the one last acted
    against): the recipient of aid or of a sanction is an argument the verb or noun requires
    (PLOVER: AID is given to, a SANCTION imposed on, a target), and one left unsaid is
    recovered from the discourse, as implicit arguments of predicates are (Gerber & Chai
    2010, "Beyond NomBank"): "The US cut aid to Pakistan in 1990. … It also held back the
    delivery of 28 F-16s" (PAK). Likewise an event of any type whose clause names no doer
    (an agentless passive: "aid was restored two years later", "The US ambassador was called
    in last night" after "Pakistan called in the US ambassador"; an event noun with no
    agent: "the strike killed Mansour" after a US strike on the Taliban) takes the state
    that last did an act of its type (or the act it undoes) to its target: the agent left
    unsaid is the discourse's (Gerber & Chai 2010). ``events`` in document order; an event
    with neither party, or whose party has met no one so before, is kept."""
    last: dict[tuple[str, bool], str] = {}
    by: dict[tuple[str, str], str] = {}
    out = []
    for e in events:
        # a retreat (easing sanctions, a withdrawal) is from a conflict: its party is the
        # one last acted against
        sense = e.type == "RETREAT" or _conflict(e.quad)
        if e.type in RECIPIENT and not e.target_country and (e.source_country, sense) in last:
            t = last[(e.source_country, sense)]
            e = replace(
                e, target_actor=t, target_country=t, target_sector="",
                actors=tuple(dict.fromkeys([*e.actors, t])),
                countries=tuple(dict.fromkeys([*e.countries, t])),
            )  # fmt: skip
        elif not e.source_country and (giver := _giver(e, by)):
            g = giver
            e = replace(
                e, source_actor=g, source_country=g, source_sector="",
                actors=tuple(dict.fromkeys([g, *e.actors])),
                countries=tuple(dict.fromkeys([g, *e.countries])),
            )  # fmt: skip
        out.append(e)
        if e.source_country and e.target_country and e.target_country != e.source_country:
            last[(e.source_country, _conflict(e.quad))] = e.target_country
            by[(e.target_country, e.type)] = e.source_country
    return out


UNDOES = {"RETREAT": "SANCTION", "SANCTION": "AID", "AID": "SANCTION"}
"""The act a type undoes (``governors.csv``: lifting a sanction is RETREAT, cutting aid
SANCTION; aid given again, "aid was restored", undoes its cutoff): an unnamed doer of the
undoing is the doer of the act undone."""


def _giver(e: EventMention, by: dict[tuple[str, str], str]) -> str:
    """The state that last did an act of ``e``'s type, or of the act it undoes, to ``e``'s
    target (``by``: (target, type) → source); empty if none."""
    for kind in (e.type, UNDOES.get(e.type, "")):
        if (e.target_country, kind) in by:
            return by[(e.target_country, kind)]
    return ""


def _conflict(quad: str) -> bool:
    """Whether a quad class (``plover_types.csv``: VC, MC, VConf, MConf) is of conflict."""
    return quad.endswith("Conf")


def _sentence(
    text: str, si: SentenceInfo, doc, events: list[EventMention], index: ActorIndex, lex,
    tables: CodingTables, history: Sequence[EventMention] = (),
) -> list[EventMention]:  # fmt: skip
    """The events of one parsed sentence; ``history``: the document's events coded before
    it, in order (the antecedents of deeds referred back to)."""
    heads = {}
    for ev in events:
        tok = grammar.head_token(doc, ev.trigger_start - si.start, ev.trigger_end - si.start)
        if tok is not None:
            heads[id(ev)] = tok
    trigger_tokens = {t.i for t in heads.values()}
    trigger_dates = {heads[id(ev)].i: ev.date_quote for ev in events if id(ev) in heads}
    out: list[EventMention] = []
    donors: dict[int, EventMention] = {}
    """verb token → a dropped event whose clause date is the verb's event's"""
    dropped: set[int] = set()
    motives: set[int] = set()
    """offsets of event nouns that name a motive (``triggers.names_motive``)"""
    """verb tokens whose curated reading's required word is not among their arguments"""
    for ev in events:
        tok = heads.get(id(ev))
        if tok is None:
            out.append(ev)
            continue
        if (
            tok.dep_ == "compound"
            and tok.head.i not in trigger_tokens
            and tok.head.lower_ not in lex.by_form
        ):
            continue  # the modifier of a noun that tells no event: "a press briefing"
        if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.i < tok.head.i:
            # an attributive participle describes its noun: "released the detained
            # contractor" (a state the noun is in, not a happening the sentence tells); the
            # clause's date it was given is its verb's
            verb = grammar.clause_head(tok.head)
            if ev.date and verb.i != tok.i:
                donors.setdefault(verb.i, ev)
            continue
        if triggers.topic_of_evaluation(tok):
            continue  # "stressed the importance of … assistance": a topic, not a happening
        if triggers.names_motive(tok):
            motives.add(si.start + tok.idx)  # "denied aid … in protest against …": the
            # motive of the denial, no event of its own (dropped once it has lent its
            # parties to the main event: "a hunger strike in protest of X's refusal")
        if tok.pos_ == "VERB" and _complement_missing(tok, ev, lex):
            continue  # "told reporters that …": no infinitive, so no order
        if (
            tok.pos_ == "VERB"
            and (_other_sense(tok, ev, tables) or tok.dep_ == "relcl")
            and triggers.required_elsewhere(tok, ev.trigger, ev.type, lex, index)
        ):
            # "officials … in no mood to strike a deal": the word the reading needs
            # ("military") is not the verb's, and its object selects another sense
            # (PETRARCH2 STRIKE + DEAL [057]), or the verb is a relative clause's, whose
            # object is its antecedent ("the first tweet he sent … threatened to cut aid");
            # the derived lexicon reads the verb instead
            del heads[id(ev)]
            dropped.add(tok.i)
            continue
        if tok.pos_ == "VERB":
            met, reading = tables.cued_reading(tok, objects_only=True)
            if met and reading is None and not _object_named(tok, ev, lex):
                continue  # "offered condolences": the verb with this object tells no event
        if tok.pos_ == "VERB" and (chosen := _object_type(tok, ev, lex, index)) is not None:
            ev = replace(
                ev, type=chosen, mode="", intensity=float(lex.intensity[chosen]),
                quad=lex.quad[chosen],
            )  # fmt: skip
        gov = tables.governor(tok, ev.type)
        if (
            gov is not None and gov[0].i in trigger_tokens and ev.date and _noun(tok)
            and not own_date(tok, ev, si, gov[0])
        ):  # fmt: skip
            donors.setdefault(gov[0].i, ev)  # the governed noun's date is its governor's
        date_start = None
        if sum(e.trigger_start == ev.trigger_start for e in events) > 1 and ev.date_quote:
            # one trigger, several dates ("killed A in 2009 and B in 2013"): each date's
            # event keeps the target named nearest before its date
            at = ev.quote.find(ev.date_quote)
            date_start = ev.start + at if at >= 0 else None
        out.extend(
            _recode(
                text,
                si,
                ev,
                tok,
                index,
                lex,
                tables,
                trigger_tokens,
                date_start,
                trigger_dates,
                [*history, *out],
            )
        )
    main, main_tokens = _main_event(text, si, doc, heads, index, lex, tables, out, history, dropped)
    out.extend(main)
    covered = {t.i for t in heads.values()} | {e.trigger_start for e in out} | main_tokens
    for tok in doc:
        if tok.pos_ != "VERB" or tok.i in covered:
            continue
        if any(a.i in covered for a in grammar.ancestors_within(tok, 4, _FRAMING_DEPS | {"conj"})):
            continue  # the content of a coded event, or a verb coordinated with it
        own_object = any(
            c.dep_ == "dobj" and c.i not in covered and index.at(c) is not None
            for c in tok.children
        )
        reading = tables.verb_reading(tok)
        if reading is None:
            continue
        if reading.type not in EVALUATIVE and any(
            c.i in covered
            or (
                not own_object
                and c.pos_ not in {"VERB", "AUX"}  # "caught trying to ship …": a clause
                and any(g.i in covered for g in c.children)
            )
            for c in tok.children
            if c.dep_ not in _OWN_CLAUSE_DEPS
        ):
            continue  # a light verb over a coded event noun: "imposes sanctions", "took part in
            # talks"; not a verb with its own object ("defended Iraq against criticism"), nor
            # a judgement of the event ("denounced the drone strikes": EVALUATIVE)
        gov = tables.governor(tok, reading.type) or tables.refusal(tok, reading.type)
        if gov is not None and gov[0].i in covered and gov[1] not in FRAMING:
            # the reversal is coded already ("lifted the ban"); a participle with a date of
            # its own tells its own happening: "lifted the aid ban imposed in April 1979"
            own = _clause_date(tok, si) if tok.dep_ == "acl" and tok.tag_ == "VBN" else None
            noun = si.start + tok.head.idx
            if own is None or any(
                e.trigger_start == noun and e.date_quote == own.quote for e in out
            ):
                continue  # no date of its own, or its noun's event tells it already
            gov = None
        if gov is not None:  # "ruled out paying compensation": the refusal is the event
            if gov[0].i in covered:
                continue
            tok, reading = (
                gov[0],
                replace(
                    reading, type=gov[1], mode="", target=tables.frames.get(gov[1], reading.target)
                ),
            )
        judges = reading.type in EVALUATIVE and any(o.i in covered for o in _judged_objects(tok))
        new = _new_event(text, si, tok, reading, index, lex, judges, [*history, *out])
        if new:
            covered.add(tok.i)
            out.extend(new)
    out = [e for e in out if e.trigger_start not in motives]
    return _unique(_judged(out, doc, si, donors))


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
MATERIAL = COOPERATIVE - {"SUPPORT", "CONSULT", "CONCEDE"} | CONFLICTUAL
"""PLOVER's material types (manual draft 2.0: material cooperation and conflict): happenings
a speech act may judge."""


def _judged(
    events: list[EventMention], doc, si: SentenceInfo, donors: dict[int, EventMention]
) -> list[EventMention]:
    """``events`` less the definite event nouns of MATERIAL types that an EVALUATIVE speech act
    of the sentence takes as its object ("condemned the attack", "welcomed this operation"): the noun
    refers back to a happening already told, the judgement is the event (issue 12: the
    content of a speech act is not asserted as a new event). A noun with a date in its own
    phrase ("the attack of May 2") tells its happening and is kept. An undated event whose
    verb is a key of ``donors`` (verb token → a dropped event of its clause), or the judgement
    of a dropped noun, takes that event's date: the clause's date the dropped word was given
    ("welcomed the raid on Monday")."""
    at = {t.idx + si.start: t for t in doc}
    acts = {at[e.trigger_start].i for e in events if e.type in EVALUATIVE and e.trigger_start in at}
    dated = {d for ev in events for d in [ev.date_quote] if d}
    judge: dict[int, int] = {}  # id of a topic event → its act's token

    def topic(e: EventMention) -> bool:
        tok = grammar.head_token(doc, e.trigger_start - si.start, e.trigger_end - si.start)
        if tok is None or e.type not in MATERIAL or not _noun(tok):
            return False  # a happening, not another speech act ("backed the request")
        act = _act_judging(tok)
        if act is None or act.i not in acts:
            return False
        if not any(
            (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in tok.children
        ):
            return False
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        own = si.text[lo:hi] if si.text else ""
        if any(d and d in own for d in dated):
            return False
        judge[id(e)] = act.i
        return True

    topics = [e for e in events if acts and topic(e)]
    if not topics and not donors:
        return events
    date_of = dict(donors) | {judge[id(e)]: e for e in topics if e.date}
    out = []
    for e in events:
        if any(e is t for t in topics):
            continue
        src = date_of.get(at[e.trigger_start].i) if e.trigger_start in at else None
        if not e.date and src is not None:
            e = replace(e, date=src.date, precision=src.precision, date_quote=src.date_quote)
        out.append(e)
    return out


JUDGED_FOR = frozenset({"for", "over"})
"""Prepositions whose object is what a judgement is about: "apologised for the attack",
"criticised Pakistan over the raid", "praised the army for the operation" (PETRARCH2
CAMEO.2.0.txt patterns ``(FOR …)``/``(OVER …)`` of APOLOGIZE, ACCUSE, PRAISE, CRITICIZE)."""


def _judged_objects(verb) -> list:
    """What the speech act ``verb`` judges: its direct object, and the object of its ``for``
    or ``over`` phrase (``JUDGED_FOR``)."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    out += [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in JUDGED_FOR
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    return out


def _act_judging(noun):
    """The verb whose judged object (:func:`_judged_objects`) ``noun`` is, or None; a
    ``for``/``over`` phrase the parse attaches to the verb's object (or to the object of its
    preposition) is the verb's."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in JUDGED_FOR:
        act = noun.head.head
        if act.pos_ in {"NOUN", "PROPN"} and act.dep_ in {"dobj", "pobj"}:
            # the parse hangs the phrase from the verb's object: "lashed out at the US
            # military over the raids", "criticised Pakistan over the attack"
            act = act.head.head if act.dep_ == "pobj" else act.head
        return act
    return None


def _judged_roles(
    type_: str, verb, r: grammar.Roles, index: ActorIndex, lex,
    history: Sequence[EventMention] = (),
) -> grammar.Roles:  # fmt: skip
    """Roles of an EVALUATIVE speech act whose object is a deed of a MATERIAL type: its
    target is who did the deed (PLOVER manual draft 2.0: ACCUSE "condemn, decry a policy or
    an action" is against the actor of the action; SUPPORT "commend, approve policy,
    action" for it), not the deed's victim nor its place: "Pakistan condemned the US drone
    strike that killed five militants" (USA). The doer named with the deed
    (``grammar.deed_doers``), else, for a definite deed ("condemned the strike"), the source
    of the last event of its type told before (``history``: the document's events so far,
    in order): the noun refers back to it. No target where neither names one. ``r``
    unchanged for other types or objects."""
    if type_ not in EVALUATIVE:
        return r

    def deed_types(n) -> frozenset[str]:
        forms = {n.lower_, n.lemma_.lower()}
        return frozenset(
            t.type for f in forms for t in lex.by_form.get(f, ()) if t.type in MATERIAL
        )

    deed = grammar.judged_deed(verb, deed_types, index)
    if deed is None or any(
        t.type == type_ for f in {deed.lower_, deed.lemma_.lower()} for t in lex.by_form.get(f, ())
    ):
        return r  # the act's own noun under a light verb: "lodged a protest with Albania"
    kinds = deed_types(deed)
    doers = grammar.deed_doers(deed, verb, index, suffered=bool(kinds & SUFFERED))
    definite = any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in deed.children
    )
    if not doers and definite:
        at = index.offset + verb.idx
        prior = next(
            (e for e in reversed(history)
             if e.type in kinds and e.source_country and e.trigger_start < at),
            None,
        )  # fmt: skip
        if prior is not None:
            doers = [Actor(prior.source_actor, prior.source_country, prior.source_sector)]
    own = {a.id for a in r.sources}
    return grammar.Roles(r.sources, tuple(a for a in doers if a.id not in own))


def _referred_back(
    type_: str, noun, r: grammar.Roles, index: ActorIndex, history: Sequence[EventMention]
) -> grammar.Roles:
    """The parties of a definite event noun that names none ("The cutoff, required under
    the Pressler Amendment, halts …", "yesterday's drone strikes"): those of the last event of
    its type told before (``history``), all its coordinated parties, which a definite
    description refers back to (Poesio & Vieira 1998, definite descriptions of discourse-old
    entities). ``r`` unchanged for a verb, an indefinite noun, or where nothing of its type
    was told with a doer."""
    if not _noun(noun) or not any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children
    ):
        return r
    at = index.offset + noun.idx
    prior = next(
        (e for e in reversed(history)
         if e.type == type_ and e.source_country and e.trigger_start < at),
        None,
    )  # fmt: skip
    if prior is None:
        return r
    told = [e for e in history if (e.trigger_start, e.type) == (prior.trigger_start, type_)]
    sources = {
        e.source_actor: Actor(e.source_actor, e.source_country, e.source_sector)
        for e in told
        if e.source_country
    }
    targets = {
        e.target_actor: Actor(e.target_actor, e.target_country, e.target_sector)
        for e in told
        if e.target_country
    }
    return grammar.Roles(tuple(sources.values()), tuple(targets.values()))


def _curated_readings(ev: EventMention, lex) -> list:
    """The curated trigger readings (``Trigger`` rows of the lexicon) of ``ev``'s trigger
    words and type."""
    form = " ".join(ev.trigger.lower().split())
    return [t for t in lex.by_form.get(form, ()) if t.type == ev.type]


def _object_type(tok, ev: EventMention, lex, index: ActorIndex) -> str | None:
    """The type of the curated reading of the verb ``tok``'s trigger form that its own object
    selects, where the clause's type came from a reading whose requirement only another word
    of the clause met: "pardoned and released Davis after two million dollars were paid"
    is a release of a person (RETREAT, ``@actor``), not of funds (AID: "dollars" is not what
    was released). The object: the direct object or passive subject and their conjuncts; a
    reading is selected by a required word heading it, or by ``@actor`` where it is an actor.
    None where the object selects no other type (or selects ``ev``'s type too)."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    objs += [c for o in objs for c in o.conjuncts]
    if not objs:
        return None

    def selected(t) -> bool:
        return any(
            (r == "@actor" and any(index.at(o) is not None for o in objs))
            or (not r.startswith("@") and any(r.lower() in {o.lower_, o.lemma_.lower()} for o in objs))
            for r in t.requires
        )  # fmt: skip

    form = " ".join(ev.trigger.lower().split())
    chosen = [t for t in lex.by_form.get(form, ()) if t.requires and selected(t)]
    if not chosen or any(t.type == ev.type for t in chosen):
        return None
    return max(chosen, key=lambda t: t.priority).type


def _complement_missing(tok, ev: EventMention, lex) -> bool:
    """Whether the curated trigger ``ev``'s readings of its type all require a complement
    (``to`` an infinitive, ``that`` a finite clause: "told Zardari to act") that the verb
    ``tok`` does not have in the parse: the word was met elsewhere in the clause ("told
    reporters that Pakistan agreed to …" is no order)."""
    reqs = [set(t.requires) for t in _curated_readings(ev, lex)]
    if not reqs or any(not r or not r <= {"to", "that"} for r in reqs):
        return False
    kids = list(tok.children)
    return not any(
        ("to" in r and any(
            c.dep_ in {"xcomp", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in kids
        )) or ("that" in r and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in kids
        ))
        for r in reqs
    )  # fmt: skip


def _object_named(tok, ev: EventMention, lex) -> bool:
    """Whether the curated trigger ``ev`` was chosen for the verb ``tok``'s object: a word its
    reading requires ("provide aid", "approved the sale") heads the verb's object or the
    object of one of its prepositions. A curated reading that names no object (a bare verb,
    or one that needs only an actor or a ``to``) yields where the derived lexicon's pattern
    for the verb with this object selects no event (PETRARCH2's null code or a CAMEO 01
    statement: OFFER + CONDOLENCES [018]): a verb-and-object pattern is more specific than a
    verb. A pattern of another type does not override it: the derived lexicon merges a
    verb's senses (ATTACK + ENVOY is PETRARCH2's verbal attack, the curated ``attack`` the
    material one)."""
    words = {
        r.lower() for t in _curated_readings(ev, lex)
        for r in t.requires if not r.startswith("@")
    } - {"to", "that", "with", "from", "for", "on", "against", "between"}  # fmt: skip
    if not words:
        return False
    objs = [c for c in tok.children if c.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}]
    objs += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    objs += [c for o in objs for c in o.conjuncts]
    return any(o.lower_ in words or o.lemma_.lower() in words for o in objs)


def _main_event(
    text: str, si: SentenceInfo, doc, heads: dict, index: ActorIndex, lex,
    tables: CodingTables, coded: Sequence[EventMention] = (),
    history: Sequence[EventMention] = (), dropped: frozenset[int] | set[int] = frozenset(),
) -> tuple[list[EventMention], set[int]]:  # fmt: skip
    """The sentence's main event where the trigger lexicon coded only its subordinate
    clauses: a curated trigger that is a main predicate (``grammar.main_predicate``) or the
    object of one ("began a hunger strike to demand …": the hunger strike, not the demand
    of its purpose clause, is what the sentence tells). Only where some event was coded
    and none of them is the main predicate or its object; a reading needs its word
    requirements met in the sentence (``@`` requirements are not checked here, so such
    readings are left out), in the trigger's clause; a DYADIC type needs its target. Where
    the parse finds no source or target, the subordinate
    clause's event gives it ("… to protest against Sweden's decision": Sweden is the target
    of the hunger strike). Returns the events and the head tokens they cover."""
    if not heads:
        return [], set()
    preds = [t for t in doc if t.pos_ in {"VERB", "AUX"} and grammar.main_predicate(t)]
    slots = {t.i for t in preds} | {
        c.i for t in preds for c in t.children if c.dep_ in {"dobj", "attr"}
    }  # fmt: skip
    told = slots | {
        c.i for t in preds for c in t.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}
    }  # fmt: skip
    if any(h.i in told for h in heads.values()):
        return [], set()  # an event noun as subject is the main event too: "a strike killed …"
    for m in _curated_hits(si.text, lex):
        tok = grammar.head_token(doc, m.start(), m.end())
        if tok is None or tok.i not in slots or index.at(tok) is not None or tok.i in dropped:
            continue
        start = si.start + m.start()
        if any(e.trigger_start <= start < e.trigger_end for e in coded):
            continue  # the words of a trigger coded already ("its demand that …")
        c_start, c_end = next(
            ((a, b) for a, b in clause_spans(text, si.start, si.end) if a <= start < b),
            (si.start, si.end),
        )
        words = frozenset(_WORD.findall(text[c_start:c_end].lower()))
        form = " ".join(m.group().lower().split())
        readings = [
            t for t in lex.by_form.get(form, [])
            if not t.requires
            or any(not r.startswith("@") and r.lower() in words for r in t.requires)
        ]  # fmt: skip
        if not readings:
            continue
        trig = max(readings, key=lambda t: t.priority)
        r = grammar.roles(
            tok, tables.frames.get(trig.type, ("dobj",)), index,
            possessor_suffers=trig.type in SUFFERED,
        )  # fmt: skip
        if trig.type in DYADIC and not r.targets:
            continue  # consulting, supporting, aiding: with or for someone
        purposes = [e for e in coded if _under(doc, e, si, tok)]
        below = next((e for e in purposes if e.target_actor), None)
        if not r.targets and below is not None:
            r = grammar.Roles(
                r.sources, (Actor(below.target_actor, below.target_country, below.target_sector),)
            )
        below = next((e for e in purposes if e.source_actor), None)
        if (
            not r.sources
            and below is not None
            and below.source_actor not in {a.id for a in r.targets}
        ):
            r = grammar.Roles(
                (Actor(below.source_actor, below.source_country, below.source_sector),), r.targets
            )
        r = _judged_roles(trig.type, tok, r, index, lex, [*history, *coded])
        date = _clause_date(tok, si) or dating.when_date(tok, si.dates, si.start) or si.governing
        if date is not None and _since(date, doc, si):
            date = None  # "Since the 2001 attacks, … has detained": a span's start, no date
        md = grammar.mood(tok)
        type_, mode, modality = trig.type, trig.mode, md.modality
        stated = _stated_intent(type_, tok, md.modality, md.negated, r, None)
        if stated:
            type_, mode, date, modality = stated, "", None, "asserted"
        ev = EventMention(
            c_start, c_end, text[c_start:c_end], type_, text[start : si.start + m.end()], start,
            si.start + m.end(), mode, date.date if date else None,
            date.precision if date else None, date.quote if date else "",
            intensity=float(lex.mode_intensity.get((type_, mode), lex.intensity[type_])),
            quad=lex.quad[type_], context=trig.context,
        )  # fmt: skip
        return _with_roles(ev, r, md.negated, modality), {tok.i}
    return [], set()


def _under(doc, ev: EventMention, si: SentenceInfo, main) -> bool:
    """Whether the event ``ev``'s trigger lies in an adverbial clause or phrase of the verb
    governing ``main`` (its purpose, its reason), not in a relative clause or a modifier."""
    tok = grammar.head_token(doc, ev.trigger_start - si.start, ev.trigger_end - si.start)
    verb = grammar.clause_head(main)
    for _ in range(8):
        if tok is None or tok.head.i == tok.i or tok.dep_ == "appos":
            return False
        if tok.dep_ in {"relcl", "acl"} and not _content_clause(tok):
            return False  # "Powell, who flew to New Delhi": a relative clause tells its own
        if tok.head.i == main.i:
            return True  # "a hunger strike to protest against …"
        if tok.head.i == verb.i:
            return tok.dep_ in {"advcl", "prep", "xcomp", "npadvmod"}
        tok = tok.head
    return False


def _since(date: DateMention, doc, si: SentenceInfo) -> bool:
    """Whether ``date`` is in a ``since`` phrase (the start of a span of time)."""
    dt = grammar.head_token(doc, date.start - si.start, date.end - si.start)
    cur = dt
    for _ in range(5):
        if cur is None or cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return False
        if cur.lower_ == "since":
            return True
        cur = cur.head
    return False


def _curated_hits(sentence: str, lex):
    """The trigger lexicon's matches in a sentence (offsets in the sentence)."""
    return list(Scan(sentence).bounded(lex.anchor))


def _unique(events: list[EventMention]) -> list[EventMention]:
    seen = set()
    out = []
    for e in events:
        key = (e.start, e.trigger_start, e.type, e.source_actor, e.target_actor, e.date)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _framing(tok, lex, trigger_tokens: set[int], content_type: str = ""):
    """The nearest speech-act trigger that governs ``tok`` as its content, and its type.
    A reading that requires ``to`` or ``that`` frames an infinitive or a ``that`` clause
    ("offered to hand over": AGREE); a speech-act noun that is the object of the verb the
    content hangs on frames it too ("reiterated its demand that Israel ease …": REQUEST).
    None past a verb of exclusion (``grammar.excludes``): "refused to rule out sanctions"
    refuses the excluding, not the sanctions, which stay possible (``grammar.mood``); None
    past an adverbial clause with its own subject (a content clause of a speech act is an
    infinitive, a ``that`` clause or an object, not a finite adverbial clause: Huddleston &
    Pullum 2002, ch. 11). A speech act whose form has a THREATEN reading frames a SANCTION
    content (``content_type``) as THREATEN: a warning of sanctions is a threat (CAMEO 1312),
    whatever verb of the SANCTION rows the content uses."""
    clause = grammar.clause_head(tok)
    if clause.dep_ == "acl" and _content_clause(clause):  # "its demand that India lift …"
        noun = clause.head
        readings = lex.by_form.get(noun.lower_, [])
        types = [t.type for t in readings if t.type in FRAMING and not t.requires]
        if types:
            return noun, types[0]
    below = tok
    for anc in grammar.ancestors_within(tok, 3, _FRAMING_DEPS):
        if anc.pos_ == "ADP":
            if anc.lower_ in ADVERBIAL_PREPOSITIONS:
                return None  # "deny aid … in protest against": a reason, not the content
            below = anc
            continue
        if anc.i != tok.i and grammar.excludes(anc):
            return None
        if below.dep_ == "advcl" and any(c.dep_ in grammar.SUBJECTS for c in below.children):
            return None  # an adverbial clause with a subject of its own tells its own
            # happening, not a speech act's content: "thousands held a rally …, and a
            # spokesman condemned …" (the parse's advcl for a second coordinated clause)
        for form in (_phrasal_lemma(anc), anc.lower_):
            readings = lex.by_form.get(form, [])
            types = [
                t.type for t in readings
                if t.type in FRAMING and (not t.requires or _complement(t.requires, below, anc))
            ]  # fmt: skip
            if types and content_type == "SANCTION" and any(t.type == "THREATEN" for t in readings):
                return anc, "THREATEN"  # "warned that it could cut aid": a threat of
                # sanctions (CAMEO 1312), whichever word the warning's content uses
            if types:
                return anc, types[0]
        if below.dep_ in {"ccomp", "xcomp"} and below.head.i == anc.i:
            for obj in anc.children:
                if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
                    continue
                readings = lex.by_form.get(obj.lower_, [])
                types = [t.type for t in readings if t.type in FRAMING and not t.requires]
                if types:
                    return obj, types[0]
        below = anc
    return None


def _content_clause(verb) -> bool:
    """Whether the clause headed by ``verb`` is a content clause (``that``, or ``to`` with
    an infinitive), not a participle ("the sanctions imposed in 1998")."""
    return any(
        (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to")
        for c in verb.children
    )


def _complement(requires: tuple[str, ...], below, anc) -> bool:
    """Whether ``below``, a clause under ``anc``, meets a reading's grammatical requirement:
    ``to`` an infinitive complement, ``that`` a finite one; or ``below`` is the direct object
    that a word requirement names ("approved the sale": the sale is what is approved, the
    content of the AGREE, PETRARCH2 APPROVE + SALE [0311])."""
    if below.head.i != anc.i:
        return False
    if below.dep_ == "dobj" and {below.lower_, below.lemma_.lower()} & set(requires):
        return True
    if "to" in requires and below.dep_ == "xcomp":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    if "that" in requires and below.dep_ == "ccomp":
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children)
    return False


def _retype(ev: EventMention, type_: str, tok, si: SentenceInfo, lex) -> EventMention:
    """``ev`` as an event of ``type_`` triggered by ``tok`` (with its particle when it follows
    it: "called off")."""
    start = si.start + tok.idx
    end = start + len(tok)
    prt = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    if prt:
        end = si.start + prt[0].idx + len(prt[0])
    return replace(
        ev, type=type_, trigger=si.text[start - si.start : end - si.start],
        trigger_start=start, trigger_end=end, mode="",
        intensity=float(lex.intensity[type_]), quad=lex.quad[type_],
    )  # fmt: skip


def _other_sense(tok, ev: EventMention, tables: CodingTables) -> bool:
    """Whether the verb ``tok``'s own object selects a reading of the derived lexicon of
    another type than ``ev``'s, or no event (a verb-and-object pattern: "strike a deal")."""
    met, reading = tables.cued_reading(tok, objects_only=True)
    return met and (reading is None or reading.type != ev.type)


def _dated_in_phrase(noun, ev: EventMention, si: SentenceInfo) -> bool:
    """Whether the date ``ev`` was given lies in the phrase the noun ``noun`` heads (its
    modifiers, its relative clause: "the strike that killed X last week")."""
    d = next((d for d in si.dates if d.quote == ev.date_quote), None)
    if d is None:
        return False
    dt = grammar.head_token(noun.doc, d.start - si.start, d.end - si.start)
    return dt is not None and noun.left_edge.i <= dt.i <= noun.right_edge.i


def own_date(noun, ev: EventMention, si: SentenceInfo, gov=None) -> bool:
    """Whether the date ``ev`` was given is the noun ``noun``'s own: in the phrase it heads
    ("the 1998 sanctions", "the sale of May 2016") or, with ``gov`` (its governing token),
    in no clause of the governor's ("the sanctions that the law obliged him to impose …
    after … tests in May"); not where it hangs from the governor's clause ("blocked the sale
    … in May 2016"). True where the date is not found."""
    d = next((d for d in si.dates if d.quote == ev.date_quote), None)
    if d is None:
        return True
    dt = grammar.head_token(noun.doc, d.start - si.start, d.end - si.start)
    if dt is None or noun.left_edge.i <= dt.i <= noun.right_edge.i:
        return True
    return gov is not None and not grammar.same_clause(dt, gov)


def _recode(
    text: str, si: SentenceInfo, ev: EventMention, tok, index: ActorIndex, lex,
    tables: CodingTables, trigger_tokens: set[int], date_start: int | None,
    trigger_dates: dict[int, str], history: Sequence[EventMention] = (),
) -> list[EventMention]:  # fmt: skip
    head = tok
    original = ev.type
    gov = tables.governor(tok, ev.type)
    content_mood = None
    if gov is not None and gov[0].i in trigger_tokens:
        # the governing word is an event of its own ("lifted the sanctions imposed in 1998"):
        # the governed one is kept only as a happening of its own time: a date of its own,
        # not the one its governor's clause gives both ("On Monday the EU suspended talks")
        shared = trigger_dates.get(gov[0].i) == ev.date_quote
        if ev.date is None or not _noun(tok) or shared or gov[1] in FRAMING:
            return []  # what is approved or refused ("approved the sale") is not yet done
        if not own_date(tok, ev, si, gov[0]):
            return []  # "blocked the sale … in May 2016": the clause's date, the governor's
        gov = None
        own_time = ev
    else:
        own_time = None
    if (
        gov is not None and gov[1] not in FRAMING and _noun(tok) and ev.date_quote
        and _dated_in_phrase(tok, ev, si)
    ):  # fmt: skip
        gov = None  # "lifted the sanctions imposed … for their 1998 tests": the noun tells
        # the imposition with its own date; the lifting is the governor's own event
        own_time = ev
    if gov is not None:
        gov_tok, becomes = gov
        ev = _retype(ev, becomes, gov_tok, si, lex)
        head = gov_tok
    frame = _framing(head, lex, trigger_tokens, ev.type)
    if (
        frame is not None and frame[1] in EVALUATIVE and _noun(head) and ev.date_quote
        and _dated_in_phrase(head, ev, si)
    ):  # fmt: skip
        frame = None  # "criticised the drone strike that killed X last week": the judged
        # happening is told with a date of its own (as ``_judged`` keeps it)
    if frame is not None and frame[0].i != head.i:
        content_mood = grammar.mood(head)
        ev = _retype(ev, frame[1], frame[0], si, lex)
        head = frame[0]
    frame_slots = tables.frames.get(ev.type, ("dobj",))
    kin = _kin(lex, ev.type)
    r = grammar.roles(
        head, frame_slots, index, frozenset({tok.i}) if gov else frozenset(),
        possessor_suffers=ev.type in SUFFERED, kin=kin, addressed=ADDRESSED.get(ev.type, ""),
    )  # fmt: skip
    if gov is not None:
        # what is banned, cut or lifted names the parties: "a ban on American weapons sales
        # to Pakistan" (USA → PAK), "called off the talks with Pakistan"
        inner = grammar.roles(tok, tables.frames.get(original, frame_slots), index)
        sources = r.sources or inner.sources
        src_ids = {a.id for a in sources}
        targets = tuple(a for a in inner.targets if a.id not in src_ids) or r.targets
        r = grammar.Roles(sources, targets)
    r = grammar.placed(head, _fallback(ev, r, head, index, kin), index, kin)
    r = _judged_roles(ev.type, head, r, index, lex, history)
    if head.i == tok.i and not (r.sources or r.targets) and grammar.mood(head) == grammar.Mood():
        r = _referred_back(ev.type, head, r, index, history)  # a happening told as done
    if date_start is not None:
        before = [a for a in r.targets if a.end <= date_start]
        r = grammar.Roles(r.sources[:1], (before[-1],) if before else r.targets[:1])
    m = grammar.mood(head)
    negated, modality = m.negated, m.modality
    if modality == "hypothetical" and ev.type in PERMITTED_TYPES and permission(head) is not None:
        modality = "asserted"  # "voted to allow the President to waive the sanctions"
    ev = dating.parse_date(ev, head, si.dates, si.governing, si.start, trigger_tokens | {head.i})
    if own_time is not None:  # the date of the noun's own phrase, not its governor's clause
        ev = replace(
            ev, date=own_time.date, precision=own_time.precision, date_quote=own_time.date_quote
        )
    if modality == "general":  # a standing state or habit is no dated happening
        ev = replace(ev, date=None, precision=None, date_quote="")
    if (
        ev.date is None and modality == "asserted" and not negated
        and ev.type in dating.VERBAL_TYPES
        and (said := dating.performed_date(head, si.dates, si.start)) is not None
    ):  # fmt: skip
        ev = replace(ev, date=said.date, precision=said.precision, date_quote=said.quote)
    stated = _stated_intent(ev.type, head, modality, negated, r, content_mood)
    if stated:
        said = dating.statement_date(head, si.dates, si.start) or dating.commitment_date(
            head, si.dates, si.start
        )
        ev = replace(
            ev, type=stated, mode="", intensity=float(lex.intensity[stated]),
            quad=lex.quad[stated], date=said.date if said else None,
            precision=said.precision if said else None, date_quote=said.quote if said else "",
        )  # fmt: skip
        modality = "asserted"
    return _with_roles(ev, r, negated, modality)


def _stated_intent(
    type_: str, head, modality: str, negated: bool, r: grammar.Roles, content_mood
) -> str:
    """PLOVER's convention: an actor's stated intent to cooperate is AGREE, to act against
    someone THREATEN, whatever the action ("will provide $300 million" → AGREE; "said they
    would boycott" → THREATEN); a cooperative step offered on a condition ("will withdraw …
    unless") is an ultimatum, THREATEN. The statement is told as done, undated (the date told
    is the promised action's). A conflictual act its actor "may", "could" or "would" take
    on a condition ("may halt mediation if cooperation founders") is a conditional threat,
    THREATEN (PLOVER manual draft 2.0, THREATEN; CAMEO 13). Empty when the event is no
    stated intent."""
    if negated or not r.sources or content_mood is not None or modality == "asserted":
        return ""
    told = modality == "future" or grammar.reported_would(head) or commitment(head) is not None
    if not told and type_ in CONFLICTUAL and modality == "hypothetical":
        verb = grammar.clause_head(head)
        modal = any(
            c.dep_ == "aux" and c.lower_ in grammar.MODAL_HYPOTHETICAL for c in verb.children
        )
        told = modal and (
            grammar.has_condition(head, "if") or grammar.has_condition(head, "unless")
        )
    if not told:
        return ""
    if type_ in CONFLICTUAL:
        return "THREATEN"
    if type_ in COOPERATIVE:
        return "THREATEN" if grammar.has_condition(head, "unless") else "AGREE"
    return ""


def _noun(tok) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"}


def _in_coordinated_verb(head, actor_id: str, index: ActorIndex) -> bool:
    """Whether the actor ``actor_id`` is named inside a verb coordinated with ``head``'s
    ("welcomed the offensive but pressed Islamabad": Islamabad is pressed, not welcomed)."""
    doc = head.doc
    for a in index.actors:
        if a.id != actor_id:
            continue
        tok = grammar.head_token(doc, a.start - index.offset, a.end - index.offset)
        cur = tok
        while cur is not None and cur.head.i != cur.i:
            if cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"} and cur.head.i == head.i:
                return True
            cur = cur.head
    return False


def _speaker(head, actor_id: str, index: ActorIndex) -> bool:
    """Whether the actor ``actor_id`` is named only as the speaker who reports ``head``'s
    clause (``grammar.in_speaker``): "The U.S. will not resume aid, Pakistan's Foreign Office
    said" (the Foreign Office is not the one aid is resumed to)."""
    named = [a for a in index.actors if a.id == actor_id]
    return bool(named) and all(grammar.in_speaker(head, a.start, a.end, index) for a in named)


def _in_phrase(head, actor_id: str, index: ActorIndex, kin=None) -> bool:
    """Whether the actor ``actor_id`` may be the target of the event noun ``head``: an event
    noun that is a clause's subject or sits in an adverbial phrase of a verb has its target in
    its own phrase, not in the verb's ("Since the 9/11 attacks, Musharraf's government has
    detained …", "The attacks of September 2001 changed U.S.-Pakistan relations")."""
    adverbial = head.dep_ == "pobj" and head.head.head.pos_ in {"VERB", "AUX"}
    if head.dep_ not in {"nsubj", "nsubjpass"} and not adverbial:
        return True
    if kin is not None and head.dep_ == "nsubj" and kin(head.head):
        return True  # the subject of a verb telling the same event: "the raid killed …"
    lo = index.offset + head.left_edge.idx
    hi = index.offset + head.right_edge.idx + len(head.right_edge)
    return any(a.id == actor_id and lo <= a.start and a.end <= hi for a in index.actors)


def _kin(lex, type_: str):
    """Whether a verb tells an event of ``type_`` in the trigger lexicon ("killed" for an
    ASSAULT noun): a predicate over tokens."""
    return lambda t: any(trig.type == type_ for trig in lex.by_form.get(t.lower_, ()))


def _fallback(
    ev: EventMention, r: grammar.Roles, head, index: ActorIndex | None = None, kin=None
) -> grammar.Roles:
    """Where the parse names no target, the trigger lexicon's (the first actor after the
    trigger: "suspended by Trump … to pressure Islamabad"; for an event noun, only one named
    in its phrase: :func:`_in_phrase`); where it names no source and the
    clause has no subject of its own (not a passive), the lexicon's source."""
    sources, targets = r.sources, r.targets
    src_ids = {a.id for a in sources}
    if (
        not targets and ev.target_actor and ev.target_actor not in src_ids
        and len(sources) < 2  # coordinated sources act jointly, on no one
        and not (index and _in_coordinated_verb(head, ev.target_actor, index))
        and not (index and _speaker(head, ev.target_actor, index))
        and not (index and _noun(head) and not _in_phrase(head, ev.target_actor, index, kin))
    ):  # fmt: skip
        targets = (Actor(ev.target_actor, ev.target_country, ev.target_sector),)
    verb = grammar.clause_head(head)
    has_subject = any(
        c.dep_ in {"nsubj", "nsubjpass", "csubj", "agent", "expl"} for c in verb.children
    )
    own = (not has_subject and verb.dep_ == "ROOT") or (
        _noun(head) and head.dep_ not in {"nsubj", "nsubjpass"} and not grammar.died_in(head)
    )
    if not sources and ev.source_actor and own and ev.source_actor not in {a.id for a in targets}:
        sources = (Actor(ev.source_actor, ev.source_country, ev.source_sector),)
    return grammar.Roles(sources, targets)


def _with_roles(
    ev: EventMention, r: grammar.Roles, negated: bool, modality: str
) -> list[EventMention]:
    sources = r.sources or (None,)
    targets = r.targets or (None,)
    ids = [a.id for a in (*r.sources, *r.targets)]
    actors = tuple(dict.fromkeys([*ids, *ev.actors]))
    countries = tuple(
        dict.fromkeys([*(a.country for a in (*r.sources, *r.targets) if a.country), *ev.countries])
    )
    out = []
    for s in sources:
        for t in targets:
            out.append(replace(
                ev, source_actor=s.id if s else "", target_actor=t.id if t else "",
                source_country=s.country if s else "", target_country=t.country if t else "",
                source_sector=s.sector if s else "", target_sector=t.sector if t else "",
                actors=actors, countries=countries, negated=negated, modality=modality,
            ))  # fmt: skip
    return out


def _new_event(
    text: str, si: SentenceInfo, tok, reading: VerbReading, index: ActorIndex, lex,
    judges: bool = False, history: Sequence[EventMention] = (),
) -> list[EventMention]:  # fmt: skip
    """The derived lexicon's event of the verb ``tok``; ``judges``: the verb is an EVALUATIVE
    speech act whose object is a coded event (its object, the event, is its second party)."""
    getting = reading.target == (RECEIVER,)
    frame = ("from",) if getting else reading.target
    r = grammar.roles(tok, frame, index, addressed=ADDRESSED.get(reading.type, ""))
    if getting:  # "Pakistan bought F-16s from the US": the seller provides, the buyer gets
        r = grammar.Roles(r.targets, r.sources)
    specific = bool(reading.object or reading.preposition) or judges
    main = grammar.main_predicate(tok)
    one_actor = main and (
        (bool(r.sources) and reading.type not in DYADIC) or reading.type in UNNAMED
    )
    if (
        not (r.sources and r.targets)
        and not (specific and (r.sources or r.targets))
        and not one_actor
    ):
        # a verb's own reading codes between two actors; a reading its object or preposition
        # selects ("warn … of attack") also with one; so does the sentence's main predicate
        # with its subject when the type needs no second party ("Israel reimposed
        # blockades", "5,000 workers demonstrated"). A one-actor reading in a relative clause
        # or a modifier ("who took office in August") tells a background, not an event.
        return []
    r = _judged_roles(reading.type, tok, grammar.placed(tok, r, index), index, lex, history)
    start = si.start + tok.idx
    c_start, c_end = next(
        ((a, b) for a, b in clause_spans(text, si.start, si.end) if a <= start < b),
        (si.start, si.end),
    )
    date = _clause_date(tok, si) or dating.when_date(tok, si.dates, si.start) or si.governing
    if date is not None and dating.ongoing_since(text, c_start, start, date):
        date = None  # "For the past five months, Talbott has headed …": a span it fills
    m = grammar.mood(tok)
    modality = m.modality
    stated = _stated_intent(reading.type, tok, m.modality, m.negated, r, None)
    if stated:
        reading = replace(reading, type=stated, mode="")
        date = dating.statement_date(tok, si.dates, si.start) or dating.commitment_date(
            tok, si.dates, si.start
        )
        modality = "asserted"
    if (
        date is None and modality == "asserted" and not m.negated
        and reading.type in dating.VERBAL_TYPES
    ):  # fmt: skip
        date = dating.performed_date(tok, si.dates, si.start)  # said in it, at its time
    ev = EventMention(
        c_start, c_end, text[c_start:c_end], reading.type, tok.text, start, start + len(tok),
        reading.mode, date.date if date else None, date.precision if date else None,
        date.quote if date else "", intensity=float(lex.intensity[reading.type]),
        quad=lex.quad[reading.type], context=reading.context.replace("|", ";"),
    )  # fmt: skip
    return _with_roles(ev, r, m.negated, modality)


def _clause_date(tok, si: SentenceInfo) -> DateMention | None:
    """The date in the clause of ``tok``: a date whose words hang from the same verb."""
    doc = tok.doc
    for d in si.dates:
        if d.precision not in {"day", "month", "year"}:
            continue
        dt = grammar.head_token(doc, d.start - si.start, d.end - si.start)
        if dt is not None and grammar.same_clause(dt, tok):
            return d
    return None
