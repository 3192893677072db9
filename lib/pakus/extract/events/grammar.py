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
  phrase, or the subject of the verb it is the object of (``imposed sanctions on``). A
  passive, or a participle modifying a noun (``the people killed in …``), told with an event
  noun of its kind takes that noun's agent; a verb of judging a deed is against the deed's
  doer (``judged_deed``, ``deed_doers``); the speaker of reported speech is no party of what
  it reports (``in_speaker``).
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
APPROVAL_VERBS = frozenset("approve authorize authorise clear notify".split())
"""Verbs whose approval is done though what they approve is only possible: "has approved a
possible sale" (the approving, AGREE, happened; the sale is not done)."""
DIRECTIVE_VERBS = frozenset(
    "invite urge ask encourage request press push pressure call require oblige obligate mandate".split()
)
"""Verbs whose complement is asked of someone, not done: "invited Blinken to visit", "has been
pushing Pakistan to launch an operation"; and verbs of obligation, whose complement is owed,
not done ("a law that requires the United States to cut off aid", "obliged him to impose")."""
READINESS_ADJECTIVES = frozenset(
    "ready willing prepared eager keen likely unlikely poised set determined due".split()
)
"""Adjectives whose infinitive is not (yet) done: "was ready to pursue the Taliban", "is
unlikely to become", "were prepared to revive" (CGEL ch. 14: adjectives with infinitival
complements of disposition and likelihood)."""
INABILITY_ADJECTIVES = frozenset("unable unwilling".split())
"""Adjectives that deny their infinitive: "has been unable to make that certification"."""
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
LOCATIVE = frozenset("in at near inside outside across along around into within throughout".split())
"""Prepositions whose object is where an event took place ("killed 12 militants in North
Waziristan", "exploded bombs in the capital Kabul", "a raid at a Pakistani check post")."""
PROXIMITY = frozenset({"close", "next", "adjacent", "near"})
"""Adjectives that with ``to`` make a preposition of place ("close to the border")."""
_OWN_CLAUSE_STOP = frozenset({"relcl", "ccomp", "csubj", "parataxis", "advcl"})
"""Links below which a clause tells its own happening, not the place of this one."""
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
RELATIONAL_NOUNS = frozenset(
    "ally neighbor neighbour rival enemy foe adversary opponent partner friend counterpart".split()
)
"""Relational nouns of another party (CGEL ch. 5, relational nouns: their possessor or
``of`` phrase names the relatum, the one the relation is to): "its Afghan ally" is not "its"
state, "Israel's militia ally in southern Lebanon" is not Israel, "an ally of Pakistan" not
Pakistan."""
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
    nationals: bool = False
    """People named by their nationality ("Croatian extremists", a compound actor): a party
    of their own, not the state."""


class ActorIndex:
    """The actors of a sentence by character offset: named entities, nationality adjectives
    (``Pakistani``) and, for first-person pronouns, the document's issuer."""

    def __init__(
        self, sentence_start: int, actors: Iterable[Actor], previous: Actor | None = None,
        issuer: Actor | None = None, places: Iterable[Actor] = (),
    ) -> None:  # fmt: skip
        self.offset = sentence_start
        self.actors = sorted(actors, key=lambda a: a.start)
        self.places = sorted((p for p in places if p.country), key=lambda a: a.start)
        """Named places with the country they lie in (Salala → PAK): where an event happened,
        never an actor of their own."""
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

    def place_at(self, token, named: bool = False) -> Actor | None:
        """The country, as an actor, of the place or state whose words hold ``token`` (a
        nationality adjective counts: "a Pakistani check post"); with ``named``, a place
        keeps its own id (Balochistan, of PAK: not the state itself)."""
        start = self.offset + token.idx
        end = start + len(token)
        states = (a for a in self.actors if a.id == a.country)
        for a in (*self.places, *states):
            if a.start <= start and end <= a.end:
                return Actor(a.id if named else a.country, a.country, "", a.start, a.end)
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


def _described_as(
    tok, index: ActorIndex, seen: frozenset[int], own: Actor, modifiers: bool
) -> Actor | None:
    """The first other actor with a country that describes the name ``tok``: in an apposition
    ("X, the UN relief coordinator") or, with ``modifiers``, in a modifier before it ("Iraqi
    President X")."""
    return next(
        (
            a for c in tok.children
            if c.dep_ == "appos" or (modifiers and c.dep_ in _MODIFIER_DEPS and c.i < tok.i)
            for a in actors_of(c, index, seen)
            if a.country and a.id != own.id
        ),
        None,
    )  # fmt: skip


def _own_actors(tok, index: ActorIndex, seen: frozenset[int]) -> list[Actor]:
    own = index.at(tok)
    if own is not None and own.adjective and tok.dep_ not in (*_MODIFIER_DEPS, "conj"):
        return []
    if own is not None and own.id != own.country:
        # a body named by its possessor's state is that state's: "Pakistan's Senate"
        owner = next(
            (
                a for c in tok.children
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                for o in ([c] if c.dep_ == "poss" else _children(c, "pobj"))
                for a in actors_of(o, index, seen)
                if a.id == a.country and a.country != own.country
            ),
            None,
        )  # fmt: skip
        if owner is not None:
            own = Actor(owner.country, owner.country, own.sector, own.start, own.end)
    if own is not None and not own.country:
        # a person known by no country takes that of the words around the name: "Iraqi
        # President Saddam Hussein", "Robert Oakley, the American ambassador"
        home = _described_as(tok, index, seen, own, modifiers=True)
        if home is not None:
            own = Actor(own.id, home.country, own.sector, own.start, own.end)
    if own is not None and own.id != own.country:
        # a title in apposition tells for whom a person acts: "Kenji Sato, the UN relief
        # coordinator" acts for the UN, whatever his nationality
        title = _described_as(tok, index, seen, own, modifiers=False)
        if title is not None:
            own = Actor(own.id, title.country, own.sector, own.start, own.end)
    if own is not None:
        # a compound actor's coordinated modifiers act with it: "US and Afghan forces"
        both = [
            a for c in tok.children
            if c.dep_ in _MODIFIER_DEPS and c.i < tok.i and _children(c, "conj")
            for a in actors_of(c, index, seen)
        ]  # fmt: skip
        return list({**{a.id: a for a in both}, own.id: own}.values())
    lower = tok.lower_
    if lower in RELATIVE and tok.head.dep_ == "relcl":
        return actors_of(tok.head.head, index, seen)
    if lower in FIRST_PERSON and tok.pos_ == "PRON":
        return [index.issuer] if index.issuer else []
    if lower in PRONOUNS and tok.pos_ == "PRON":
        ref = _referent(tok, index, seen)
        return [ref] if ref else []
    for child in tok.children:  # "Islamabad's ally, the United States": the apposition
        if child.dep_ == "appos":
            found = [a for a in actors_of(child, index, seen) if a.country]
            if found:
                return found
    if tok.lower_ == "based" and tok.dep_ == "amod":
        # "a Belarus-based tractor plant", "a Karachi-based firm": where the body is based
        for child in tok.children:
            if child.dep_ in {"npadvmod", "compound", "nmod"} and child.i < tok.i:
                found = actors_of(child, index, seen)
                where = index.place_at(child)
                if found or where is not None:
                    return found or [where]
    relational = tok.lemma_.lower() in RELATIONAL_NOUNS
    for child in tok.children:
        if relational and (child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")):
            continue  # "its Afghan ally", "Israel's militia ally": the relatum, not the referent
        if child.dep_ in _MODIFIER_DEPS and child.i < tok.i:
            found = actors_of(child, index, seen)
            if found:
                return found
    for child in tok.children:  # "Darfur rebels": a group named by where it acts
        if child.dep_ == "compound" and child.i < tok.i and tok.pos_ == "NOUN":
            where = index.place_at(child, named=True)
            if where is not None:
                return [where]
    for child in tok.children:  # "the government of Pakistan", "forces from Afghanistan"
        if relational and child.lower_ == "of":
            continue  # "an ally of Pakistan" is not Pakistan
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors_of(pobj, index, seen)
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
        if tok.pos_ not in {"VERB", "AUX"}:
            return []
        # "allowed the United States to use its bases": the parser makes the object the
        # subject of the infinitive clause
        return _children(tok, "dobj", "attr") or [
            s for c in _children(tok, "ccomp") if _infinitive(c) for s in _children(c, "nsubj")
        ]  # fmt: skip
    if slot == "dative":
        return [c for c in _children(tok, "dative") if not _children(c, "pobj")]
    found = _prep_objects(tok, slot)
    if not found and tok.pos_ in {"VERB", "AUX"}:
        # a phrase the parser hung on the object: "handed over three suspects to the US"
        found = [p for o in _children(tok, "dobj") for p in _prep_objects(o, slot)]
    return found


def stative(tok) -> bool:
    """Whether a participle that looks passive is an adjective of attitude: present-tense
    ``be``, no ``by`` agent and a ``to`` complement ("Israel is opposed to French mediation",
    "Vietnam is committed to opening up its economy"). Its subject holds the attitude (the
    source), it does not undergo an act."""
    return (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in {"is", "are", "am"} for c in tok.children)
        and not _children(tok, "agent")
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    )


def _infinitive(clause) -> bool:
    """Whether ``clause`` is an infinitive (``to`` + verb) with no ``that``/``for`` mark, or a
    bare infinitive (the base form with no auxiliary: "help India become", "let Pakistan
    buy", CGEL's catenative complements of help, let, make)."""
    kids = list(clause.children)
    bare = clause.tag_ == "VB" and not any(c.dep_ in {"aux", "auxpass"} for c in kids)
    return (bare or any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)) and not any(
        c.dep_ == "mark" for c in kids
    )


def is_passive(tok) -> bool:
    """A passive verb (its subject undergoes the act), not a :func:`stative` participle."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) and not stative(tok)


def reduced_passive(tok) -> bool:
    """A past participle modifying a noun, a passive relative clause reduced ("the people
    killed in the strike" = who were killed; CGEL ch. 12, past-participial modifiers): the
    noun undergoes the act."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}


def _subject_of(tok, index: ActorIndex) -> list[Actor]:
    """The subject actors of the clause headed by ``tok``, through control and coordination;
    a :func:`stative` participle's subject, the subject of the copula an adjective completes
    ("Pakistan is ready to resume talks"), and the noun a participle modifies ("legislators
    visiting Islamabad")."""
    for c in tok.children:
        if c.dep_ in SUBJECTS or (c.dep_ == "nsubjpass" and stative(tok)):
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
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
        return actors_of(head, index)
    if tok.dep_ == "acomp":
        return _subject_of(head, index)
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
    kin: Callable[[object], bool] | None = None,
    addressed: str = "",
) -> Roles:
    """Source and target actors of the event whose trigger's head is ``tok``; ``frame``: the
    target slots to try, in order (``("dobj", "to", "against")``); ``exclude``: tokens (by
    index) that are events of their own, not actors' phrases (what a ban bans);
    ``possessor_suffers``: an event noun's possessor is its target (a killing, an arrest);
    ``kin(verb)``: whether a verb tells the same event as the trigger (an event noun that is
    the subject of a kin verb takes that verb's object: "the attack killed 24 soldiers");
    ``addressed``: "asked" for a demand, "promised" for a promise or threat, whose target,
    where it names none of its own, is the party its content names
    (:func:`_content_targets`)."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        r = _noun_roles(tok, frame, index, exclude, possessor_suffers, kin)
        if addressed and not r.targets:
            found = _content_targets(tok, frame, index, exclude, addressed == "asked")
            r = _distinct(list(r.sources), found)
        return r
    sources = _subject_of(tok, index)
    passive = is_passive(tok) or reduced_passive(tok)
    if not sources and kin is not None and passive:
        # a passive told by an event noun of its kind names the agent there: "was killed in
        # a US drone strike" (USA acted), so a participle modifying a noun ("the 16 people
        # killed in Sunday's U.S. drone strike"); the noun is no target. A phrase after the
        # last of coordinated passives is shared by all ("were killed and six others wounded
        # in a US drone attack": CGEL ch. 15, a right-peripheral dependent of coordination)
        shared = [c for c in _children(tok, "conj") if c.tag_ == "VBN"]
        for n in [*_prep_objects(tok, "in"), *(n for c in shared for n in _prep_objects(c, "in"))]:
            agents = _agents_of(n, index) if n.pos_ == "NOUN" and kin(n) else []
            if agents:
                sources, exclude = agents, exclude | {n.i}
                break
    if addressed and not sources and tok.dep_ == "acl" and tok.head.dep_ == "dobj":
        # a text that demands, promises or threatens is its issuer's: "the party issued a
        # declaration demanding that …"
        sources = _subject_of(tok.head.head, index)
    targets: list[Actor] = []
    thing = next((t for c in _children(tok, "nsubjpass") if (t := _thing_of(c, index))), None)
    if thing is not None:
        # "the US aid to Pakistan …, but it was halted": the aid names the parties
        targets = _object_frame_targets(thing, index)
        if targets and not sources:
            sources = [
                a for c in thing.children if c.dep_ in _MODIFIER_DEPS and c.i < thing.i
                for a in actors_of(c, index)
            ]  # fmt: skip
    if is_passive(tok) and not targets:
        targets = [a for c in _children(tok, "nsubjpass") for a in actors_of(c, index)]
    if not targets:  # an attitude's "to" names what it is about: "is opposed to X"
        adjective = stative(tok) or tok.dep_ == "acomp"
        slots = (*frame, "to") if adjective else tuple(frame)
        targets = _frame_targets(tok, (*slots, "between"), index, exclude)
    if not targets:  # the object's own frame: "imposed sanctions on X", "approved a sale to X"
        for obj in _children(tok, "dobj", "nsubjpass"):
            if obj.i in exclude:
                continue
            targets = _object_frame_targets(obj, index)
            for acl in _children(obj, "acl"):  # "the sanctions placed on Pakistan were lifted"
                targets = targets or _frame_targets(acl, _OBJECT_FRAME, index)
            if targets:
                break
    targets = targets or _participle_targets(tok, frame, index, exclude)
    if not targets and not _children(tok, "dobj"):
        # coordinated verbs share the object told after the last: "has suspended or
        # cancelled $800 million in military aid to Pakistan"
        for conj in _children(tok, "conj"):
            if conj.pos_ == "VERB" and not _children(conj, *SUBJECTS, "nsubjpass"):
                targets = list(roles(conj, frame, index, exclude).targets)
                if targets:
                    break
    if not targets and kin is not None and reduced_passive(tok) and not kin(tok.head):
        targets = actors_of(tok.head, index)  # "the soldiers killed in …" were killed
    if addressed and not targets:
        targets = [
            a for a in _content_targets(tok, frame, index, exclude, addressed == "asked")
            if a.id not in {s.id for s in sources}
        ]  # fmt: skip
    return _distinct(sources, targets)


def _agents_of(noun, index: ActorIndex) -> list[Actor]:
    """The doers an event noun names: its modifier or possessor ("US strikes", "Pakistan's
    raid"), else its ``by`` phrase."""
    for c in noun.children:
        if c.dep_ in _MODIFIER_DEPS and c.i < noun.i:
            found = actors_of(c, index)
            if found:
                return found
    return [a for p in _prep_objects(noun, "by") for a in actors_of(p, index)]


def judged_deed(verb, deed_types: Callable[[object], frozenset[str]], index: ActorIndex):
    """The deed a verb of judging takes as its object ("condemned the strike", "denounced an
    act of killing of civilians"): its direct object if ``deed_types`` gives it a type, else
    the first such noun of the object's measure or part phrases (``_nested``), unless the
    object names a party itself ("accused Baloch separatists of the attack": the separatists
    are accused). None if none."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    for obj in _children(verb, "dobj"):
        if obj.pos_ == "NOUN" and deed_types(obj):
            return obj
        party = index.at(obj) is not None or any(
            actors_of(c, index) or index.place_at(c, named=True) is not None
            for c in obj.children
            if c.dep_ in _MODIFIER_DEPS
        )
        for n in [] if party else _nested(obj)[1:]:
            if n.pos_ == "NOUN" and deed_types(n):
                return n
    return None


def deed_doers(deed, verb, index: ActorIndex, suffered: bool = False) -> list[Actor]:
    """Who did the deed a verb of judging takes as its object: the deed noun's modifier or
    possessor ("condemned the US strike"; not a possessor that suffered it, ``suffered``:
    "condemned Khan's arrest"), else a ``by`` phrase of the deed or of the nouns between it
    and the verb, else a ``by`` phrase the parser hung on the verb itself: a verb in the
    active voice has no agent of its own (CGEL ch. 16: the ``by`` phrase of a passive), so
    its ``by`` phrase belongs to the deed ("denounced an act of killing … by ISAF troops").
    Empty if none."""
    for c in deed.children:
        if c.dep_ in _MODIFIER_DEPS and c.i < deed.i and not (suffered and c.dep_ == "poss"):
            found = actors_of(c, index)
            if found:
                return found
    cur = deed
    for _ in range(4):
        if cur.i == verb.i or cur.head.i == cur.i:
            break
        found = [a for p in _prep_objects(cur, "by") for a in actors_of(p, index)]
        if found:
            return found
        cur = cur.head
    if not is_passive(verb):
        return [
            a for g in verb.children
            if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by")
            for p in _children(g, "pobj") for a in actors_of(p, index)
        ]  # fmt: skip
    return []


def _content_clauses(tok) -> list:
    """The clauses that tell what ``tok`` promises, demands or threatens: its infinitive or
    finite complement ("offered to hand over", "demanding that …"), a ``for`` clause ("pushing
    for the US to support"), a noun's content clause ("its demand that Israel ease …") and a
    gerund after ``to``/``for``/``on`` ("committed to opening …")."""
    out = []
    for c in tok.children:
        marks = {g.lower_ for g in c.children if g.dep_ in {"mark", "aux"}}
        clause = (
            (c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"})
            or (c.dep_ == "advcl" and "for" in marks)
            or (c.dep_ == "acl" and bool(marks & {"that", "to"}))
        )
        if clause:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"to", "for", "on"}:
            out += [p for p in _children(c, "pcomp") if p.pos_ in {"VERB", "AUX"}]
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj":
        # the parser hangs a noun's "that" clause on the verb: "reiterated its demand today
        # that Israel ease …"
        out += [
            c for c in _children(tok.head, "ccomp")
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]  # fmt: skip
    return out


def _content_targets(
    tok, frame: Sequence[str], index: ActorIndex, exclude: frozenset[int] = frozenset(),
    asked: bool = False,
) -> list[Actor]:  # fmt: skip
    """The party a promise, demand or threat is addressed to, told in its content (PLOVER:
    the target of AGREE, REQUEST, THREATEN is the party asked, promised or threatened): for a
    demand (``asked``), the content clause's own subject, the one asked to act ("demanding
    that the Turkish government provide …", "pushing for the US to support …"); else the
    target of the content's verb in the same frame ("offered to hand over to Great Britain
    two suspects"; "warned that Congress could cut aid to Pakistan": Pakistan is threatened,
    not Congress), or of its object's phrase ("threatened to cut aid to Pakistan"). Empty if
    the content names none."""
    for c in _content_clauses(tok):
        subject = [a for s in _children(c, "nsubj") for a in actors_of(s, index)]
        if subject and asked:
            return subject
        found = _frame_targets(c, (*frame, "between"), index, exclude) or next(
            (f for o in _children(c, "dobj") if (f := _object_frame_targets(o, index))), []
        )
        if found:
            return found
        for cond in _children(c, "advcl"):  # an ultimatum: "would hold back more aid if
            # Pakistan does not reopen the routes" threatens Pakistan
            if any(g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in cond.children):
                found = [a for x in _children(cond, *SUBJECTS) for a in actors_of(x, index)]
                if found:
                    return found
    return []


def _thing_of(tok, index: ActorIndex):
    """The thing a passive's pronoun subject ``it`` stands for: the first subject before it
    in its sentence that is a common noun naming no actor itself ("The US aid to Pakistan had
    been large, but it was halted" → aid). None for any other subject."""
    if tok.lower_ != "it" or tok.pos_ != "PRON":
        return None
    for t in tok.doc[: tok.i]:
        if t.dep_ in (*SUBJECTS, "nsubjpass") and t.pos_ == "NOUN" and index.at(t) is None:
            return t
    return None


def _participle_targets(
    verb, frame: Sequence[str], index: ActorIndex, exclude: frozenset[int] = frozenset()
) -> list[Actor]:
    """The target a subjectless participle adjunct of ``verb`` names: it tells the same
    event ("struck a compound, killing an al-Qaeda operative"; "the sanctions had come in
    2019, targeting Noor Wali Mehsud")."""
    for adv in _children(verb, "advcl"):
        if adv.tag_ == "VBG" and not _children(adv, "nsubj"):
            found = _frame_targets(adv, frame, index, exclude)
            if found:
                return found
    return []


def _nested(tok, depth: int = 2) -> list:
    """``tok`` and the nouns its measure or part phrases hold, nearest first: "$800 million
    in military aid (to Pakistan)", "most of its security aid (to Pakistan)"."""
    out = [tok]
    for p in _children(tok, "prep"):
        if depth and p.lower_ in {"of", "in"}:
            for o in _children(p, "pobj"):
                out += _nested(o, depth - 1)
    return out


def _object_frame_targets(obj, index: ActorIndex) -> list[Actor]:
    """The parties an object names in its own ``_OBJECT_FRAME`` or that of a noun its measure
    or part phrases hold, nearest first ("imposed sanctions on X", "$800 million in aid to
    X"), or in a relative clause of which it is the object ("lifted the sanctions that
    Congress had imposed on X"); empty if none."""
    return next(
        (
            f for o in _nested(obj)
            if (f := _frame_targets(o, _OBJECT_FRAME, index))
            or (f := _relative_parties(o, _OBJECT_FRAME, index)[0])
        ),
        [],
    )  # fmt: skip


def _frame_targets(
    tok, frame: Sequence[str], index: ActorIndex, exclude: frozenset[int] = frozenset()
) -> list[Actor]:
    """The actors of the first of ``frame``'s slots of ``tok`` that names one; else the country
    of a place a slot names itself ("would blockade Paris", "to hand over to Great Britain":
    PLOVER codes a place by its country). Empty if none."""
    for slot in frame:
        found = [
            a for t in slot_tokens(tok, slot) if t.i not in exclude for a in actors_of(t, index)
        ]
        if not found and slot == "dobj":
            # an object that is a deed names its doer: "investigating war crimes by Croatian
            # extremists", "rejected the proposal by India"
            found = [
                a for t in slot_tokens(tok, slot) if t.i not in exclude
                for p in _prep_objects(t, "by") for a in actors_of(p, index)
            ]  # fmt: skip
        if found:
            return found
    for slot in frame:
        for t in slot_tokens(tok, slot):
            where = index.place_at(t) if t.i not in exclude else None
            if where is not None:
                return [where]
    return []


def _relative_parties(
    tok, frame: Sequence[str], index: ActorIndex, exclude: frozenset[int] = frozenset()
) -> tuple[list[Actor], list[Actor]]:
    """The targets (in ``frame``) and subject of a relative clause whose verb, or the verb it
    governs, takes the noun ``tok`` as object: "the sanctions that the law obliged him to
    impose on Pakistan and India" (its coordinated targets all). The parser may hang the
    clause on the noun before "of" ("a waiver of the sanctions that …"). Empty if none."""
    rels = _children(tok, "relcl")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        rels += [r for r in _children(tok.head.head, "relcl") if r.i > tok.i]
    for rel in rels:
        for v in _object_chain(rel):
            found = _frame_targets(v, frame, index, exclude)
            if found:
                return found, _subject_of(v, index)
    return [], []


def _object_chain(rel) -> list:
    """The verbs of a relative clause headed by ``rel`` whose object is the noun it modifies:
    ``rel`` or an infinitive it governs, with no object of its own ("that the law obliged him
    to impose": impose). Empty where the relative pronoun is the subject ("sanctions that
    hurt Pakistan") or no relative word opens the clause."""
    words = [c for c in rel.children if c.lower_ in RELATIVE and c.i < rel.i]
    if not words or any(c.dep_ in SUBJECTS for c in words):
        return []
    chain = [rel, *(x for x in rel.children if x.dep_ == "xcomp")]
    return [
        v for v in chain
        if not any(c.dep_ == "dobj" and c.lower_ not in RELATIVE for c in v.children)
    ]  # fmt: skip


def _verb_of(tok, deps: Sequence[str] = ("dobj", "attr")):
    """The verb an event noun is the object of (``deps``: the links that count), also
    through a partitive "of" ("exploded a series of bombs"); None if none."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "NUM"}:
        tok = tok.head.head
    if tok.dep_ in deps and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    return None


UNDERGO_VERBS = frozenset(
    "suffer face endure sustain experience undergo receive get obtain accept".split()
)
"""Verbs whose subject undergoes or receives the event noun that is their object: the
subject is its target, not its source ("Pakistan suffered raids from Afghanistan",
"Pakistan received aid from the US")."""
DEATH_VERBS = frozenset("die perish drown".split())
"""Intransitive verbs of dying (Levin 1993, 48.2 verbs of disappearance; 42.1 in part): their
subject suffers the event in which it died ("died in a drone strike"), it does not do it."""
CIRCUMSTANCE = frozenset({"on", "during", "in", "at"})
"""Prepositions by which a verb tells the event noun its subject took part in ("arrived on
a visit", "in a phone call, the diplomat stressed …"), unlike those relating it to another
event ("since the attacks")."""


def _circumstance(tok) -> bool:
    """Whether the event noun ``tok`` is the object of a ``CIRCUMSTANCE`` preposition of a
    verb."""
    return (
        tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANCE
        and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}
    )  # fmt: skip


def died_in(tok) -> bool:
    """Whether the event noun ``tok`` is the circumstance of a verb of dying ("died in a
    drone strike"): the verb's subject suffered the event, so it tells neither its source nor
    where its unnamed source came from."""
    return _circumstance(tok) and bool(verb_lemmas(tok.head.head) & DEATH_VERBS)


def _noun_roles(
    tok,
    frame: Sequence[str],
    index: ActorIndex,
    exclude: frozenset[int] = frozenset(),
    possessor_suffers: bool = False,
    kin: Callable[[object], bool] | None = None,
) -> Roles:
    """Roles of an event noun: its modifier or possessor (``US strikes``, ``Pakistan's
    attack``), a ``by`` phrase, or the subject of the verb it is the object of; the target in
    its own prepositional frame, else the governing verb's, or the object of a kin verb it is
    the subject of ("a US drone attack killed 24 Pakistani soldiers")."""
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
    if not sources:
        # a participle's agent: "a bombing claimed by Jaish-e-Mohammed", "an attack
        # orchestrated by the TTP" (the doer of the deed the participle tells of); so the
        # agent of a passive the noun is the subject of: "the sanctions were imposed by
        # Congress"
        passive = [tok.head] if tok.dep_ == "nsubjpass" and tok.head.i != tok.i else []
        sources = [
            a for v in [*(c for c in _children(tok, "acl") if c.tag_ == "VBN"), *passive]
            for g in _children(v, "agent") for p in _children(g, "pobj")
            for a in actors_of(p, index)
        ]  # fmt: skip
    if not sources and "from" not in frame:  # "raids from Afghanistan", "aid from the US"
        sources = [a for p in _prep_objects(tok, "from") for a in actors_of(p, index)]
    verb = _verb_of(tok)
    undergone = verb is not None and verb.lemma_.lower() in UNDERGO_VERBS
    if undergone and not suffered:
        suffered = _subject_of(verb, index)  # "Pakistan was suffering raids from …"
    if undergone and not sources and "from" not in frame:  # "suffered raids from X"
        sources = [a for p in _prep_objects(verb, "from") for a in actors_of(p, index)]
    if not sources and verb is not None and not undergone:
        sources = _subject_of(verb, index)
    if died_in(tok):  # "five commanders died in a drone strike": who died suffered it
        suffered = suffered or _subject_of(tok.head.head, index)
    elif not sources and _circumstance(tok):  # "arrived in Amman on a visit": who arrived
        sources = _subject_of(tok.head.head, index)
    noun_frame = [s for s in frame if s not in {"dobj", "dative"}] or ["on", "against"]
    targets = suffered or _frame_targets(tok, [*noun_frame, "of"], index, exclude)
    for acl in _children(tok, "acl"):  # "the sanctions placed on Pakistan"
        targets = targets or _frame_targets(acl, noun_frame, index, exclude)
    if not targets:
        targets, by = _relative_parties(tok, noun_frame, index, exclude)
        sources = sources or by
    if not targets and verb is not None:
        targets = _frame_targets(verb, [s for s in frame if s != "dobj"], index, exclude)
    if not targets and kin is not None and tok.dep_ == "nsubj" and kin(tok.head):
        targets = _frame_targets(tok.head, frame, index, exclude)
    for rel in _children(tok, "relcl") if kin is not None else ():
        # so a relative clause of its kind whose subject is the noun: "the airstrike that
        # killed 24 Pakistani soldiers", "the raid that killed bin Laden"
        if not targets and kin(rel) and any(c.lower_ in RELATIVE for c in _children(rel, "nsubj")):
            targets = _frame_targets(rel, frame, index, exclude)
    if not targets and tok.dep_ == "nsubjpass" and tok.head.pos_ == "VERB":
        # the event noun undergoes a passive verb whose frame names its party: "sanctions
        # were imposed on Pakistan", "talks were held with India"
        targets = _frame_targets(tok.head, noun_frame, index, exclude)
    if not targets and tok.dep_ in {"nsubj", "nsubjpass"}:
        targets = _participle_targets(tok.head, ("dobj", *noun_frame), index, exclude)
    return _distinct(sources, targets)


def _distinct(sources: list[Actor], targets: list[Actor]) -> Roles:
    """Roles with no actor acting on itself; a state and people named by its nationality are
    two parties ("Croatia is investigating crimes by Croatian extremists": HRV → HRV)."""

    def key(a: Actor) -> tuple[str, bool]:
        return a.id, a.adjective or a.nationals

    src = {key(a) for a in sources}
    return Roles(tuple(sources), tuple(t for t in targets if key(t) not in src))


def _place_in(tok, index: ActorIndex, seen: frozenset[int] = frozenset()) -> Actor | None:
    """The place a locative phrase's object names: itself, a modifier ("a Pakistani check
    post", "the Bosnian enclave"), an apposition ("the capital Kabul"), or a place of or in it
    ("the town of Samarra", "a village in Western Cambodia"), or near it ("a village close
    to Angoor Adda, South Waziristan Agency": ``PROXIMITY`` + ``to``, CGEL ch. 7's complex
    prepositions of place; a place told beside another, which the parser may read as a
    conjunct, counts)."""
    if tok.i in seen:
        return None
    seen = seen | {tok.i}
    found = index.place_at(tok)
    if found is not None:
        return found
    for c in tok.children:
        near = c.dep_ == "prep" and c.lower_ == "to" and tok.lower_ in PROXIMITY
        if c.dep_ in {"compound", "amod", "appos", "nmod", "poss"} or (
            c.dep_ == "conj" and tok.pos_ == "PROPN"
        ):
            found = _place_in(c, index, seen)
        elif c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in LOCATIVE or near):
            found = next(
                (p for o in _children(c, "pobj") if (p := _place_in(o, index, seen))), None
            )
        if found is not None:
            return found
    return None


def place_of(tok, index: ActorIndex, kin: Callable[[object], bool] | None = None) -> Actor | None:
    """Where the event headed by ``tok`` took place, as the country of the place: the nearest
    locative phrase (``LOCATIVE``) in the trigger's own phrase or clause (not in a clause of
    its own below it); for an event noun that is a verb's subject or object, in that verb's
    clause too ("a raid … killed 24 soldiers at a Pakistani check post"). ``kin(noun)``: whether
    a noun tells an event of the trigger's kind, which is no place ("killed in a US drone
    strike"). None if none."""
    starts = [tok]
    verb = _verb_of(tok, ("dobj", "attr", "nsubj", "nsubjpass"))
    if tok.pos_ in {"NOUN", "PROPN"} and verb is None and _circumstance(tok):
        verb = tok.head.head
    if tok.pos_ in {"NOUN", "PROPN"} and verb is not None:
        starts.append(verb)
    queue = list(starts)
    seen = {t.i for t in starts}
    while queue:
        cur = queue.pop(0)
        for c in cur.children:
            when = c.dep_ == "advcl" and any(
                g.dep_ == "advmod" and g.lower_ == "when" for g in c.children
            )  # "killed 23 people when they blew themselves up in Tel Aviv": the same time
            if c.i in seen or (c.dep_ in _OWN_CLAUSE_STOP and not when):
                continue
            if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and _children(c, *SUBJECTS):
                continue  # a coordinated clause with a subject of its own
            seen.add(c.i)
            if c.dep_ == "prep" and c.lower_ in LOCATIVE:
                for o in _children(c, "pobj"):
                    if kin is not None and o.pos_ == "NOUN" and kin(o):
                        continue  # "killed in a US drone strike": an act, not a place
                    found = _place_in(o, index)
                    if found is not None:
                        return found
            queue.append(c)
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and not _children(tok, *SUBJECTS, "nsubjpass"):
        # coordinated verbs of one subject share the setting told with the first: "troops
        # landed at a village in South Waziristan and killed seven civilians" (CGEL ch. 15,
        # a dependent of the first of coordinated verb phrases)
        for c in _children(tok.head, "prep"):
            if c.lower_ in LOCATIVE and c.i < tok.i:
                for o in _children(c, "pobj"):
                    found = None if kin is not None and kin(o) else _place_in(o, index)
                    if found is not None:
                        return found
    return None


def _unnamed_subject(tok) -> bool:
    """Whether the clause of ``tok`` has a subject that is a common noun phrase ("gunmen"),
    not a pronoun nor a name, nor the event noun itself ("talks will resume"): an actor
    known only by where it acted."""
    verb = _clause_head(tok)
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.i != tok.i and not died_in(tok)


def placed(tok, r: Roles, index: ActorIndex, kin: Callable[[object], bool] | None = None) -> Roles:
    """Roles completed by the event's place (:func:`place_of`), as the PLOVER records and
    the project's annotations code actors named only generically: a target not named (or
    named by a common noun: "killed 12 militants in North Waziristan") is the country where
    the event happened; so is a source told by a common noun ("gunmen opened fire … in
    Sindh"). A passive without agent keeps no source; the joint act of coordinated sources
    ("American and Pakistani officials held talks in Islamabad") no target."""
    if r.targets and r.sources:
        return r
    where = place_of(tok, index, kin)
    if where is None:
        return r
    sources, targets = r.sources, r.targets
    if not sources and _unnamed_subject(tok):
        sources = (where,)
    if not targets and len(sources) < 2:  # coordinated sources act jointly, on no one
        targets = (where,)
    return Roles(sources, targets)


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
    if (
        tok.dep_ == "xcomp" and tok.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):  # fmt: skip
        # "be to" (CGEL ch. 3 §10.3, quasi-modal): "six of which were to be delivered",
        # "the delegation is to meet", "the goal is to expand": destined or aimed, not done
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
    if _noun_complement(verb):
        modality = "hypothetical"  # "seek permission to sell the F-16s", "its decision to sell"
    if tok.pos_ in {"NOUN", "PROPN"}:
        if _det_no(tok) or _has_neg(tok):
            negated = True
        if any(c.dep_ == "amod" and c.lower_ in IRREALIS_ADJECTIVES for c in tok.children):
            modality = "hypothetical"
        if _scheduled(tok) or _due(tok):
            modality = "future"  # "Talks with Pakistan are scheduled for Friday"
        if _asked_for(tok, verb):
            modality = "hypothetical"  # "calling for an immediate end to the attacks"
    if _spoken_of(verb):
        modality = "hypothetical"
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and _det_no(c):
            negated = True
        if (
            c.dep_ == "dobj"
            and any(g.dep_ == "amod" and g.lower_ in IRREALIS_ADJECTIVES for g in c.children)
            and not (verb.i == tok.i and verb_lemmas(verb) & APPROVAL_VERBS)
        ):
            modality = modality or "hypothetical"
    chain = [verb]
    cur = verb
    while cur.head.i != cur.i and len(chain) < 6:
        if cur.dep_ in {"relcl", "acl"} or _reduced_relative(cur):
            break  # a relative clause tells its own happening
        nxt = cur.head
        if cur.dep_ == "conj":
            cur = nxt
            continue
        if _supplementive(cur):
            # ", triggering a cutoff": a result clause on the whole sentence, not on the
            # content clause the parser hung it from ("declined to certify that Pakistan does
            # not possess a device, triggering a cutoff": the cutoff is not denied)
            while nxt.dep_ in {"ccomp", "xcomp", "conj"} and nxt.head.i != nxt.i:
                nxt = nxt.head
        chain.append(nxt)
        if cur.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubj",
                            "nsubjpass", "csubj", "oprd", "acomp"}:  # fmt: skip
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
        if _question(v) or _too_to(v):
            # "Did the team ask the US for help?"; "too soon to think about easing sanctions"
            modality = modality or "hypothetical"
        # "did not say it would …" negates the saying, not the content
        if _has_neg(v) and (i == 0 or chain[i - 1].dep_ in {"xcomp", "acomp"}):
            negated = True  # "would not be able to attend": through the adjective too
        m = _modal(v)
        link = "own" if i == 0 else shares_time(chain[i - 1], chain[i - 2] if i > 1 else None)
        if m and link:
            if m == "would":
                m = "future" if reported or _reported(v) else "hypothetical"
            # a circumstance of what is to come is no promise or threat of its own
            modality = modality or ("hypothetical" if link == "circumstance" else m)
        if i > 0:
            lemmas = verb_lemmas(v)
            below = chain[i - 1]
            if v.pos_ == "ADJ" and below.dep_ == "xcomp":
                if v.lower_ in INABILITY_ADJECTIVES:
                    negated = True  # "was unable to make the certification"
                elif v.lower_ in READINESS_ADJECTIVES:
                    modality = modality or "hypothetical"  # "stands ready to work with"
            if lemmas & FAIL_VERBS and below.dep_ == "xcomp":
                negated = True
            elif lemmas & (PERMISSION_VERBS | INTENT_VERBS) or directive(v):
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


def _reduced_relative(verb) -> bool:
    """Whether ``verb``, parsed as a complement clause (``ccomp``), is a bare past
    participle with no auxiliary: no finite clause, but a reduced relative on the noun
    before it ("would allow the resumption of aid to Pakistan suspended in October": the aid
    suspended in October; CGEL ch. 12 §8, past-participial modifiers). It tells its own
    happening, not the mood of the clause around it."""
    return (
        verb.dep_ == "ccomp"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _supplementive(verb) -> bool:
    """Whether ``verb`` heads a supplementive -ing clause set off by a comma and closing its
    sentence (", triggering a cutoff of aid."; CGEL ch. 14 §9: its understood subject and its
    time are the main clause's; it tells a result told as fact)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return False
    if verb.doc[verb.i - 1].text != ",":
        return False
    return all(t.is_punct for t in verb.doc[max(t.i for t in verb.subtree) + 1 :])


TIME_SHARING_MARKS = frozenset(
    "after before once until till when whenever while as upon on by without".split()
)
"""Prepositions and subordinators of a clause whose time is that of the clause it modifies."""


def shares_time(below, lower=None) -> str:
    """Whether the clause under a modal verb, reached through ``below`` (the next link down
    the chain from the event; ``lower``: the one below it), tells its happening at the
    modal verb's time, so that a future or hypothetical governs it too: an infinitive
    complement ("plans to visit"), an object predicate ("will keep the routes closed"), a
    gerund after a preposition of time ("would pursue them after consulting Islamabad"), or
    an adverbial clause of time or condition that is non-finite or in the present tense
    ("will resume talks once the elections are over": CGEL ch. 3 §4.2.1, the present for
    future time in subordinate clauses). A past-tense adverbial clause keeps its own time
    ("would retaliate after US aircraft killed 24 soldiers").
    Returns "complement" (the first two: the modal's own action), "circumstance" (the
    others: told as hypothetical, no stated intent of its own) or "" (its own time)."""
    if below.dep_ in {"xcomp", "oprd", "acomp"}:
        return "complement"
    if below.dep_ == "prep" and below.lower_ in TIME_SHARING_MARKS:
        gerund = lower is not None and lower.dep_ == "pcomp" and lower.tag_ in {"VBG", "VB"}
        return "circumstance" if gerund else ""
    if below.dep_ == "advcl":
        marked = any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_SHARING_MARKS | CONDITIONALS
                     for c in below.children)  # fmt: skip
        if below.tag_ in {"VBG", "VB"} or (marked and below.tag_ in {"VBZ", "VBP"}):
            return "circumstance"
    return ""


SUMMONING_PARTICLES = frozenset({"in"})
"""Particles that make "call" a summons, not a directive: "called in the US envoy to
protest" (the protest is made), against "called on Pakistan to act" (asked, not done)."""


def directive(verb) -> bool:
    """Whether ``verb`` directs someone to act (``DIRECTIVE_VERBS``), so that what it
    directs is not done: not "call in" (summon), whether the parser makes "in" a particle or
    a preposition."""
    if not verb_lemmas(verb) & DIRECTIVE_VERBS:
        return False
    return not (
        verb.lemma_.lower() == "call"
        and any(c.dep_ in {"prt", "prep"} and c.lower_ in SUMMONING_PARTICLES
                for c in verb.children)
    )  # fmt: skip


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


SCHEDULE_VERBS = frozenset("schedule slate set plan expect".split())
"""Verbs whose passive has a happening as subject that is arranged, not done: "talks are
scheduled for Friday", "a meeting is set for next week"."""


def _scheduled(noun) -> bool:
    """Whether the event noun ``noun`` is the subject of a passive verb of scheduling
    (``SCHEDULE_VERBS``): the happening is arranged for a time, not told as done. A noun
    that modifies the subject counts as it ("a press briefing is scheduled")."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    return (
        noun.dep_ == "nsubjpass"
        and verb.i != noun.i
        and bool(verb_lemmas(verb) & SCHEDULE_VERBS)
        and any(c.dep_ == "auxpass" for c in verb.children)
    )


ASPECTUAL_VERBS = frozenset(
    "begin start resume open commence continue happen occur proceed take go conclude end".split()
)
"""Verbs that tell a happening's course ("the visit is due to begin", "talks are set to
resume", "the meeting will take place"): their subject noun is the happening itself."""


def _due(noun) -> bool:
    """Whether the event noun ``noun`` is the subject of a verb of readiness or expectation
    (``READINESS_ADJECTIVES``, or a passive of ``SCHEDULE_VERBS``) whose infinitive is a verb
    of its course (``ASPECTUAL_VERBS``): "Mr Clinton's visit is due to begin on March 19",
    "talks are expected to start soon" — the happening is to come. Not "the raid is likely
    to worsen relations" (the raid happened; its effect is to come)."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i == noun.i:
        return False
    verb = noun.head
    ready = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in READINESS_ADJECTIVES]
    if verb_lemmas(verb) & SCHEDULE_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
        ready.append(verb)
    return any(
        x.dep_ == "xcomp" and verb_lemmas(x) & ASPECTUAL_VERBS for r in ready for x in r.children
    )


ASKING_VERBS = frozenset({"demand", "seek"})
"""Verbs whose object is asked for, beside ``DIRECTIVE_VERBS``: "demanded an end to …"."""


def _asked_for(noun, verb) -> bool:
    """Whether the event noun ``noun`` is what ``verb`` asks for, so not (yet) done: the
    object of a directive or asking verb ("demanded an end to the strikes", "urged restraint")
    or of its "for" ("calling for an immediate end to the attacks", "asked for the release
    of …")."""
    if not (directive(verb) or verb_lemmas(verb) & ASKING_VERBS):
        return False
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return True
    prep = noun.head
    return (
        noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i == verb.i
        and prep.dep_ in {"prep", "prt"}
    )  # fmt: skip


REALIS_NOUNS = frozenset({"decision", "move", "order"})
"""Nouns whose infinitive tells what was then done, as the project's annotations code it
("the Trump administration's decision to suspend military aid in 2018"); the regex reading
of ``mood`` has the same words."""


def _noun_complement(verb) -> bool:
    """Whether ``verb`` heads an infinitive that completes a noun ("permission to sell the
    F-16s", "Islamabad's effort to build a bomb"): it tells what is allowed or tried, not a
    happening (CGEL ch. 8 §13: infinitival complements of nouns); not after
    ``REALIS_NOUNS``."""
    return (
        verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.head.lemma_.lower() not in REALIS_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )  # fmt: skip


def _too_to(verb) -> bool:
    """Whether ``verb`` heads an infinitive under "too" + adjective or adverb ("it was too
    soon for Clinton to think about easing", "too weak to resist"): what it tells is out of
    reach, not done (CGEL's excessive-degree construction)."""
    if verb.dep_ not in {"advcl", "xcomp", "ccomp"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    degree = [verb.head, *(c for c in verb.head.children if c.dep_ in {"acomp", "advmod"})]
    return any(any(g.lower_ == "too" for g in d.children) for d in degree if d.i != verb.i)


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


def in_speaker(tok, start: int, end: int, index: ActorIndex) -> bool:
    """Whether the words at document offsets ``[start, end)`` lie in the subject of a verb
    of saying that reports the clause of ``tok``: one whose content clause (``ccomp``) holds
    it, or one the parser hung on it as a parenthetical (``parataxis``, ``ccomp``: "The U.S.
    will not resume aid, Pakistan's Foreign Office said"). The speaker of reported speech is
    the source of the speech act, not a party of the happening reported (CGEL ch. 11,
    reported speech). ``tok`` itself in that subject is the speaker's own act."""
    verb = _clause_head(tok)
    speakers = [a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}]
    speakers += [c for c in verb.children if c.dep_ in {"parataxis", "ccomp"}]
    for v in speakers:
        if not verb_lemmas(v) & (SPEECH_VERBS | ALLEGE_VERBS):
            continue
        for subj in _children(v, *SUBJECTS):
            lo = index.offset + subj.left_edge.idx
            hi = index.offset + subj.right_edge.idx + len(subj.right_edge)
            inside = lo <= index.offset + tok.idx < hi
            if lo <= start and end <= hi and not inside:
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


def main_predicate(tok) -> bool:
    """Whether the verb ``tok`` tells the sentence's own happening: the root predicate, a verb
    coordinated with it or completing it (``tried to hack``), or the content of a root verb of
    saying (``… have retaken a village, sources said``: news style puts the event in the
    reported clause). Not a verb in a relative clause, a modifier or an adverbial clause
    ("who took office in August", "a bombing claimed by …"), which tell a background."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return True
        said = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_VERBS
        if cur.dep_ not in {"conj", "xcomp"} and not said:
            return False
        cur = cur.head
    return False
