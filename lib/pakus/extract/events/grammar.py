"""Who did what to whom, and whether it happened, read from a sentence's dependency parse.

The rules are written against spaCy's English dependency labels (ClearNLP conversion of
OntoNotes, as ``en_core_web_sm`` 3.8 assigns them: ``nsubj``, ``nsubjpass``, ``dobj``,
``dative``, ``prep``/``pobj``, ``agent``, ``xcomp``, ``ccomp``, ``relcl``, ``conj``, ``neg``,
``aux`` …). Each public function takes tokens of one parsed sentence; offsets in the document
are ``sentence_start + token.idx``. Nothing here reads a reference table: the actors of a
sentence come in as an ActorIndex, the role frame and the governing words as arguments.

One home per rule:

- **roles** (``roles``): the source is the subject, or the agent of a passive (``by``); the
  target is the first of the frame's slots that holds an actor (``dobj``, ``dative``, a
  preposition's object); a passive's subject is its target. A verb with no subject of its own
  takes its controller's (``urged Pakistan to sign`` → Pakistan signs; ``agreed to provide``
  → the one who agreed), a coordinated verb its first conjunct's, a relative clause its
  antecedent. An event noun takes its possessor or modifier (``US strikes``), a ``by``
  phrase, or the subject of the verb it is the object of (``imposed sanctions on``).
- **phrases** (``actors_of``): a phrase's head names the actor; if it names none, its
  modifiers do (``US forces``, ``Pakistani soldiers``, ``the government of Pakistan``);
  coordination gives all conjuncts; a relative pronoun is its antecedent; a pronoun is the
  sentence's (or the previous sentence's) first subject actor.
- **governing** (``governor_of``): a word that governs the trigger (``ban on … sales``,
  ``called off … talks``, ``lifted … sanctions``) decides its polarity.
- **mood** (``mood``): negation (``not``, ``never``, ``no`` on the trigger, its object or its
  subject, ``failed to``, ``without``, ``ruled out``) and modality (modal auxiliaries, verbs and
  adjectives of plan and possibility, conditionals, permission, requests, allegations,
  questions, a gerund spoken of by a noun) and general statements (a relative clause in the
  simple present: "a group that fights coalition forces").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pakus.extract.words import EVERY_WORDS, EXCLUDE_VERBS, HABITUAL_ADVERBS

MODAL_FUTURE = frozenset({"will", "shall", "'ll", "’ll"})
MODAL_HYPOTHETICAL = frozenset({"would", "may", "might", "could", "should", "must", "can", "ought"})
"""Modal auxiliaries (lower case). ``would`` is hypothetical on its own and future in reported
speech ("said talks would resume")."""
INTENT_VERBS = frozenset(
    "plan propose seek consider want hope intend aim expect prepare try attempt wish "
    "threaten offer promise pledge vow agree decide".split()
)
"""Verbs whose complement is not (yet) done: "planned to strike", "sought to expand"."""
PERMISSION_VERBS = frozenset("let allow permit authorize authorise enable empower".split())
"""Verbs whose complement is allowed, not done: "a bill that lets the president relax …"."""
IRREALIS_ADJECTIVES = frozenset(
    "possible potential proposed planned prospective likely expected hypothetical "
    "future envisaged contemplated".split()
)
"""Modifiers of an event noun that make it not (yet) done: "a possible sale"."""
DIRECTIVE_VERBS = frozenset("invite urge ask encourage request press call".split())
"""Verbs whose complement is asked of someone, not done: "invited Blinken to visit"."""
FAIL_VERBS = frozenset("fail refuse decline neglect cease".split())
"""Verbs whose complement did not happen: "failed to deliver"."""
ALLEGE_VERBS = frozenset("accuse allege charge claim blame suspect".split())
"""Verbs of saying whose content is an allegation, not asserted as done."""
SPEECH_VERBS = frozenset(
    "say tell state announce add report note declare confirm insist reiterate "
    "write explain argue warn caution".split()
)
"""Verbs of saying: reported speech keeps the content's own actors; "would" in it is future."""
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
CONDITIONALS = frozenset({"if", "unless", "whether"})
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "my", "me"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
SUBJECTS = ("nsubj", "csubj")
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
_CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nsubjpass", "acl", "conj"})


@dataclass(frozen=True)
class Actor:
    """An actor found in the text: canonical id, the country it acts for, its sector, and
    the offsets of the words that name it."""

    id: str
    country: str = ""
    sector: str = ""
    start: int = 0
    end: int = 0
    adjective: bool = False
    """A nationality adjective ("Pakistani"): an actor only as a modifier of a phrase's head
    ("Pakistani forces"), not as a head of its own ("a Pakistani")."""


class ActorIndex:
    """The actors of a sentence by character offset: named entities, nationality adjectives
    (``Pakistani``) and, for first-person pronouns, the document's issuer."""

    def __init__(
        self, sentence_start: int, actors: Iterable[Actor], previous: Actor | None = None,
        issuer: Actor | None = None,
    ) -> None:  # fmt: skip
        self.offset = sentence_start
        self.actors = sorted(actors, key=lambda a: a.start)
        self.previous = previous
        """The first subject actor of the previous sentence: what a pronoun opening this
        sentence refers to when this one names none before it."""
        self.issuer = issuer

    def at(self, token) -> Actor | None:
        """The actor whose words hold ``token``."""
        start = self.offset + token.idx
        end = start + len(token)
        for a in self.actors:
            if a.start <= start and end <= a.end:
                return a
        return None


def head_token(doc, start: int, end: int):
    """The syntactic head of the tokens overlapping ``[start, end)`` (sentence-relative
    offsets): the one whose head lies outside them. None if no token overlaps."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return None
    ids = {t.i for t in toks}
    outside = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return (outside or toks)[0]


# spaCy makes a new Token object at each access: tokens are compared by their index ``.i``


def actors_of(tok, index: ActorIndex, seen: frozenset[int] = frozenset()) -> list[Actor]:
    """The actors a noun phrase headed by ``tok`` names, all conjuncts included.

    The head's own actor first; else a relative pronoun's antecedent, a pronoun's referent, or
    the actors its modifiers name (``US forces``, ``the Pakistani army``, ``Pakistan's army``,
    ``the government of Pakistan``). Coordinated heads (``Pakistan and India``) add theirs."""
    if tok is None or tok.i in seen:
        return []
    seen = seen | {tok.i}
    out = _own_actors(tok, index, seen)
    for conj in tok.children:
        if conj.dep_ == "conj":
            out += actors_of(conj, index, seen)
    return list({a.id: a for a in out}.values())


def _own_actors(tok, index: ActorIndex, seen: frozenset[int]) -> list[Actor]:
    own = index.at(tok)
    if own is not None:
        return [own] if not own.adjective or tok.dep_ in (*_MODIFIER_DEPS, "conj") else []
    lower = tok.lower_
    if lower in RELATIVE and tok.head.dep_ == "relcl":
        return actors_of(tok.head.head, index, seen)
    if lower in FIRST_PERSON and tok.pos_ == "PRON":
        return [index.issuer] if index.issuer else []
    if lower in PRONOUNS and tok.pos_ == "PRON":
        ref = _referent(tok, index, seen)
        return [ref] if ref else []
    for child in tok.children:
        if child.dep_ in _MODIFIER_DEPS and child.i < tok.i:
            found = actors_of(child, index, seen)
            if found:
                return found
    for child in tok.children:  # "the government of Pakistan", "forces from Afghanistan"
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors_of(pobj, index, seen)
                    if found:
                        return found
    for child in tok.children:  # "Islamabad's ally, the United States": the apposition
        if child.dep_ == "appos":
            found = actors_of(child, index, seen)
            if found:
                return found
    return []


def _referent(tok, index: ActorIndex, seen: frozenset[int] = frozenset()) -> Actor | None:
    """A pronoun's referent: the first subject actor of its sentence before it, else the
    previous sentence's. ``seen``: the tokens already being resolved (no cycles)."""
    for t in tok.doc[: tok.i]:
        if t.dep_ in SUBJECTS and t.i not in seen:
            found = [a for a in actors_of(t, index, seen) if a.start < index.offset + tok.idx]
            if found:
                return found[0]
    return index.previous


@dataclass(frozen=True)
class Roles:
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()


def _children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, prep: str) -> list:
    return [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == prep
        for p in c.children if p.dep_ in {"pobj", "pcomp"}
    ]  # fmt: skip


def slot_tokens(tok, slot: str) -> list:
    """The tokens filling a frame slot of ``tok``: ``dobj``, ``dative`` (an indirect object),
    or a preposition's object."""
    if slot == "dobj":
        return _children(tok, "dobj", "attr") if tok.pos_ in {"VERB", "AUX"} else []
    if slot == "dative":
        return [c for c in _children(tok, "dative") if not _children(c, "pobj")]
    found = _prep_objects(tok, slot)
    if not found and tok.pos_ in {"VERB", "AUX"}:
        # a phrase the parser hung on the object: "handed over three suspects to the US"
        found = [p for o in _children(tok, "dobj") for p in _prep_objects(o, slot)]
    return found


def is_passive(tok) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)


def _subject_of(tok, index: ActorIndex) -> list[Actor]:
    """The subject actors of the clause headed by ``tok``, through control and coordination."""
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            return actors_of(c, index)
        if c.dep_ == "agent":
            for p in _children(c, "pobj"):
                return actors_of(p, index)
    if is_passive(tok):
        return []
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "xcomp":  # object control: "urged Pakistan to sign"; else subject control
        objs = [a for o in _children(head, "dobj") for a in actors_of(o, index)]
        return objs or _subject_of(head, index)
    if tok.dep_ in {"conj", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        return _subject_of(head, index)
    if tok.dep_ == "relcl":
        return actors_of(head, index)
    if tok.dep_ == "pcomp" and head.head.pos_ in {"VERB", "AUX"}:  # "accused X of sheltering"
        return _subject_of(head.head, index)
    return []


_OBJECT_FRAME = ("on", "against", "to", "with", "for")


def roles(
    tok,
    frame: Sequence[str],
    index: ActorIndex,
    exclude: frozenset[int] = frozenset(),
    possessor_suffers: bool = False,
) -> Roles:
    """Source and target actors of the event whose trigger's head is ``tok``; ``frame``: the
    target slots to try, in order (``("dobj", "to", "against")``); ``exclude``: tokens (by
    index) that are events of their own, not actors' phrases (what a ban bans);
    ``possessor_suffers``: an event noun's possessor is its target (a killing, an arrest)."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return _noun_roles(tok, frame, index, exclude, possessor_suffers)
    sources = _subject_of(tok, index)
    targets: list[Actor] = []
    if is_passive(tok):
        targets = [a for c in _children(tok, "nsubjpass") for a in actors_of(c, index)]
    if not targets:
        targets = _frame_targets(tok, frame, index, exclude)
    if not targets:  # the object's own frame: "imposed sanctions on X", "approved a sale to X"
        for obj in _children(tok, "dobj", "nsubjpass"):
            if obj.i in exclude:
                continue
            targets = _frame_targets(obj, _OBJECT_FRAME, index)
            for acl in _children(obj, "acl"):  # "the sanctions placed on Pakistan were lifted"
                targets = targets or _frame_targets(acl, _OBJECT_FRAME, index)
            if targets:
                break
    for adv in _children(tok, "advcl"):  # "struck a compound, killing an al-Qaeda operative"
        if not targets and adv.tag_ == "VBG" and not _children(adv, "nsubj"):
            targets = _frame_targets(adv, frame, index, exclude)
    return _distinct(sources, targets)


def _frame_targets(
    tok, frame: Sequence[str], index: ActorIndex, exclude: frozenset[int] = frozenset()
) -> list[Actor]:
    for slot in frame:
        found = [
            a for t in slot_tokens(tok, slot) if t.i not in exclude for a in actors_of(t, index)
        ]
        if found:
            return found
    return []


def _noun_roles(
    tok,
    frame: Sequence[str],
    index: ActorIndex,
    exclude: frozenset[int] = frozenset(),
    possessor_suffers: bool = False,
) -> Roles:
    """Roles of an event noun: its modifier or possessor (``US strikes``, ``Pakistan's
    attack``), a ``by`` phrase, or the subject of the verb it is the object of; the target in
    its own prepositional frame, else the governing verb's."""
    sources: list[Actor] = []
    suffered: list[Actor] = []
    for c in tok.children:
        if c.dep_ in _MODIFIER_DEPS and c.i < tok.i:
            found = actors_of(c, index)
            if found and c.dep_ == "poss" and possessor_suffers:
                suffered = found  # "Soleimani's killing": the possessor is the one killed
            elif found:
                sources = found
            if found:
                break
    if not sources:
        sources = [a for p in _prep_objects(tok, "by") for a in actors_of(p, index)]
    verb = tok.head if tok.dep_ in {"dobj", "attr"} else None
    if not sources and verb is not None:
        sources = _subject_of(verb, index)
    noun_frame = [s for s in frame if s not in {"dobj", "dative"}] or ["on", "against"]
    targets = suffered or _frame_targets(tok, [*noun_frame, "of"], index, exclude)
    for acl in _children(tok, "acl"):  # "the sanctions placed on Pakistan"
        targets = targets or _frame_targets(acl, noun_frame, index, exclude)
    if not targets and verb is not None:
        targets = _frame_targets(verb, [s for s in frame if s != "dobj"], index, exclude)
    return _distinct(sources, targets)


def _distinct(sources: list[Actor], targets: list[Actor]) -> Roles:
    src_ids = {a.id for a in sources}
    return Roles(tuple(sources), tuple(t for t in targets if t.id not in src_ids))


def ancestors_within(tok, hops: int = 3, deps: frozenset[str] = _CLIMB_DEPS):
    """The tokens that govern ``tok`` through noun-phrase and object links, nearest first, at
    most ``hops`` links up ("sales" → "on" → "ban")."""
    out = []
    cur = tok
    for _ in range(hops):
        if cur.dep_ not in deps or cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"}:
            break  # a coordinated verb tells its own happening
        cur = cur.head
        out.append(cur)
    return out


def governor_of(tok, is_governor: Callable[[object], bool]):
    """The nearest word governing ``tok`` for which ``is_governor(token)`` holds, within
    ``ancestors_within``; a verb's particle counts with it ("called off"). None if none."""
    for anc in ancestors_within(tok):
        if anc.pos_ == "ADP":
            continue
        if is_governor(anc):
            return anc
    return None


@dataclass(frozen=True)
class Mood:
    negated: bool = False
    modality: str = "asserted"


def _has_neg(tok) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children
    )


def excludes(tok) -> bool:
    """Whether ``tok`` is a verb of ``EXCLUDE_VERBS`` ("rule out": the verb with its particle)."""
    for words in EXCLUDE_VERBS:
        verb, *particle = words.split()
        if tok.lemma_.lower() == verb and all(
            any(c.dep_ == "prt" and c.lower_ == p for c in tok.children) for p in particle
        ):
            return True
    return False


def _det_no(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in tok.children)


def _modal(tok) -> str:
    for c in tok.children:
        if c.dep_ == "aux":
            if c.lower_ in MODAL_FUTURE:
                return "future"
            if c.lower_ in MODAL_HYPOTHETICAL:
                return "would" if c.lower_ == "would" else "hypothetical"
    for c in tok.children:  # "is to visit", "is going to", "is expected to"
        if c.dep_ == "aux" and c.lower_ in {"is", "are", "was"} and tok.tag_ == "VB":
            return "future"
    return ""


def _clause_head(tok):
    """The verb whose clause holds ``tok``: itself if a verb, else the nearest verb above."""
    cur = tok
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return cur


def mood(tok) -> Mood:
    """Negation and modality of the event whose trigger's head is ``tok``.

    Read on the trigger, its own clause and the clauses that govern it: ``not``/``never`` on
    the verb; ``no`` as determiner of the trigger noun, of the verb's object or of its subject
    ("no economic sanctions", "no US troops entered"); a verb of failure or refusal over it;
    ``without``; modal auxiliaries (``would`` in reported speech is future); verbs of intent
    or permission over it; irrealis adjectives on an event noun or the verb's object;
    conditional clauses; the content of an allegation."""
    negated = False
    modality = ""
    verb = _clause_head(tok)
    if (verb.dep_ == "relcl" and _simple_present(verb)) or _habitual(verb):
        return Mood(False, "general")  # "a militant group that fights coalition forces"
    if tok.pos_ in {"NOUN", "PROPN"}:
        if _det_no(tok) or _has_neg(tok):
            negated = True
        if any(c.dep_ == "amod" and c.lower_ in IRREALIS_ADJECTIVES for c in tok.children):
            modality = "hypothetical"
    if _spoken_of(verb):
        modality = "hypothetical"
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and _det_no(c):
            negated = True
        if c.dep_ == "dobj" and any(
            g.dep_ == "amod" and g.lower_ in IRREALIS_ADJECTIVES for g in c.children
        ):
            modality = modality or "hypothetical"
    chain = [verb]
    cur = verb
    while cur.head.i != cur.i and len(chain) < 6:
        if cur.dep_ in {"relcl", "acl"}:
            break  # a relative clause tells its own happening
        nxt = cur.head
        if cur.dep_ == "conj":
            cur = nxt
            continue
        chain.append(nxt)
        if cur.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubj",
                            "nsubjpass", "csubj"}:  # fmt: skip
            break
        cur = nxt
    reported = False
    for i, v in enumerate(chain):
        if (
            v.i != tok.i
            and excludes(v)
            and (
                _has_neg(v)
                or (i + 1 < len(chain) and v.dep_ == "xcomp" and chain[i + 1].lemma_ in FAIL_VERBS)
            )
        ):
            # "did not rule out new sanctions", "refused to rule out": the denial is of the
            # excluding, so the event stays possible: hypothetical, not negated
            modality = modality or "hypothetical"
            break
        if v.i != tok.i and excludes(v) and not _has_neg(v):
            negated = True  # "ruled out sanctions": the sanctions are excluded
        if _question(v):
            modality = modality or "hypothetical"  # "Did the team ask the US for help?"
        # "did not say it would …" negates the saying, not the content
        if _has_neg(v) and (i == 0 or chain[i - 1].dep_ == "xcomp"):
            negated = True
        m = _modal(v)
        if m and (i == 0 or chain[i - 1].dep_ in {"xcomp"}):
            if m == "would":
                m = "future" if reported or _reported(v) else "hypothetical"
            modality = modality or m
        if i > 0:
            lemmas = verb_lemmas(v)
            below = chain[i - 1]
            if lemmas & FAIL_VERBS and below.dep_ == "xcomp":
                negated = True
            elif lemmas & (PERMISSION_VERBS | INTENT_VERBS | DIRECTIVE_VERBS):
                if below.dep_ in {"xcomp", "ccomp"}:
                    modality = modality or "hypothetical"
            elif lemmas & ALLEGE_VERBS and below.dep_ in {"pcomp", "ccomp", "pobj"}:
                modality = modality or "hypothetical"
            if lemmas & SPEECH_VERBS:
                reported = True
        for c in v.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONALS and v.dep_ in {"advcl", "ccomp"}:
                modality = modality or "hypothetical"
        if v.dep_ == "pcomp" and v.head.lower_ == "without":
            negated = True
    return Mood(negated, modality or "asserted")


def verb_lemmas(tok) -> frozenset[str]:
    """The lemmas a verb form may have: the parser's, and the form less a regular ending
    (-s, -es, -d, -ed, -ing, with or without a final e), since the small model's lemmatizer
    errs on some ("hoped" → "hop")."""
    w = tok.lower_
    out = {tok.lemma_.lower(), w}
    for suffix in ("s", "es", "d", "ed", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out |= {w[: -len(suffix)], w[: -len(suffix)] + "e"}
    return frozenset(out)


def _simple_present(verb) -> bool:
    """A verb in the simple present with no auxiliary ("fights", "bars"): a standing state
    or habit, not a dated happening."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children
    )


def _habitual(verb) -> bool:
    """Whether the clause of ``verb`` tells a habit: a habitual adverb ("routinely
    arrests"), a frequency ("every year Congress has backed …") or "used to" over it."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS:
            return True
        if c.dep_ == "npadvmod" and any(
            g.dep_ == "det" and g.lower_ in EVERY_WORDS for g in c.children
        ):
            return True
    return verb.dep_ == "xcomp" and verb.head.lower_ == "used"


def _question(verb) -> bool:
    """Whether ``verb`` heads a direct question: its sentence ends in "?" and an auxiliary
    comes before its subject ("Did the team ask …?")."""
    last = [t for t in verb.doc if not t.is_space]
    if not last or last[-1].text != "?":
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in verb.children
    )


def _spoken_of(verb) -> bool:
    """Whether the clause of ``verb`` is a gerund a noun speaks of rather than a happening
    told: the object of a noun's preposition ("the wisdom of giving aid"), or a gerund
    hanging from a noun denied by "no" ("no objection to America restoring aid")."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head.head.i != verb.head.i
    return verb.dep_ == "acl" and _det_no(verb.head)


def reported_would(tok) -> bool:
    """Whether the clause of ``tok`` has ``would`` and is the content of a verb of saying
    ("said they would boycott …")."""
    verb = _clause_head(tok)
    return _modal(verb) == "would" and _reported(verb)


def has_condition(tok, mark: str) -> bool:
    """Whether the clause of ``tok`` has a subordinate clause opened by ``mark`` ("unless")."""
    verb = _clause_head(tok)
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == mark for g in c.children)
        for c in verb.children
    )


def _reported(tok) -> bool:
    """Whether ``tok`` heads the content of a verb of saying ("said talks would resume")."""
    cur = tok
    while cur.dep_ in {"conj", "ccomp"} and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_.lower() in SPEECH_VERBS | ALLEGE_VERBS:
            return True
    return False


def clause_head(tok):
    """The verb heading the clause of ``tok`` (itself for a verb)."""
    return _clause_head(tok)


def same_clause(a, b) -> bool:
    """Whether two tokens lie in the same clause: the same clause-heading verb, or one's verb
    coordinated with or controlling the other's (``xcomp``)."""
    ha, hb = _clause_head(a), _clause_head(b)
    if ha.i == hb.i:
        return True
    return (ha.dep_ == "xcomp" and ha.head.i == hb.i) or (hb.dep_ == "xcomp" and hb.head.i == ha.i)
