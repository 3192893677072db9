"""Score extraction against hand annotations and against the PLOVER gold-standard records.

An annotation file (``tests/annotations/<doc id>.tsv``, format in that folder's README) has one
line per gold item, tab-separated:

    entity   <surface>  <id>      <count>   every whole-word occurrence of <surface>
                                            (longest surfaces claimed first) is entity <id>;
                                            <count> says how many there are; id "-" marks
                                            occurrences that are not entities; braces pick
                                            the span out of a context: ``US-{Pakistan} military``
    amount   <surface>  <usd>     [<n>]     money (all occurrences, or the n-th)
    event    <trigger>  <n>  <TYPE>  <date>  [<source>  <target>]
                                            the n-th occurrence of <trigger> is a dated,
                                            asserted event of PLOVER <TYPE> at <date>, done by
                                            <source> to <target>: ISO 3166 alpha-3 codes, ``IGO``
                                            or an actor id (a group such as ``TTP``); several
                                            coordinated actors joined by ``|``; ``-`` for none.
                                            Without the two columns the roles are not scored.
    notdone  <trigger>  <n>  <TYPE>         the n-th occurrence of <trigger> is a statement of
                                            an event of <TYPE> that did not happen as told
                                            (negated, future, hypothetical, only allowed)

Matching: entities by exact span and id (the canonical-id accuracy is the share of predicted
entities with a gold span whose id is right; compound actors such as "Pakistani soldiers",
which the annotations do not list, are no named entities and are left out); amounts (US dollars only: the gold gives
``usd``) by overlapping span and equal value;
dated events by a predicted clause that holds the gold trigger, the same type and dates that
agree at the coarser precision. Only predicted events that are dated, asserted and not negated
are scored as dated events; predicted events of one trigger, type and date are taken together, their
actors joined (coordination gives one event per conjunct). Roles are right when the predicted
source codes equal the gold's and so do the target codes (an actor's codes: its id, and its
country unless it is an armed group). A ``notdone`` statement is wrongly reported as done when
an asserted, not negated predicted event of its type (dated or not) holds its trigger and was
not matched to a gold event.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pakus.corpus import load_corpus
from pakus.dates import PartialDate
from pakus.extract import extract_document
from pakus.extract.mentions import EntityMention, EventMention, Extraction
from pakus.reference import PLOVER_TYPES, read_table

NO_ACTOR = "-"


class AnnotationError(ValueError):
    """An annotation line that does not fit its document."""


@dataclass(frozen=True)
class GoldEvent:
    """A dated event told as done: the trigger's span, PLOVER type, date and (optionally) roles.

    ``source``/``target`` are frozensets of codes (empty: no such actor); None: not annotated.
    """

    start: int
    end: int
    type: str
    date: PartialDate
    source: frozenset[str] | None = None
    target: frozenset[str] | None = None


@dataclass(frozen=True)
class NotDone:
    """A statement of an event of ``type`` that must not be reported as done."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Gold:
    entities: set[tuple[int, int, str]]
    amounts: list[tuple[int, int, float]]
    events: list[GoldEvent]
    notdone: list[NotDone] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)


@dataclass(frozen=True)
class Ratio:
    """``hits`` of ``n``; ``value`` is 1.0 when there is nothing to count."""

    hits: int
    n: int

    @property
    def value(self) -> float:
        return self.hits / self.n if self.n else 1.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.n + other.n)


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface``; ``US-{Pakistan} military`` matches the whole
    phrase but gives the span of the part in braces only."""
    m = re.fullmatch(r"(.*?)\{(.+)\}(.*)", surface)
    pre, core, post = m.groups() if m else ("", surface, "")
    pattern = rf"(?<!\w){re.escape(pre)}({re.escape(core)}){re.escape(post)}(?!\w)"
    return [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]


def _nth(text: str, surface: str, n: str, where: str) -> tuple[int, int]:
    spans = _occurrences(text, surface)
    if not n.isdigit() or not 1 <= int(n) <= len(spans):
        raise AnnotationError(f"{where}: occurrence {n} of {surface!r} not found")
    return spans[int(n) - 1]


def _codes(field_: str, where: str) -> frozenset[str]:
    """``USA|AFG`` → {USA, AFG}; ``-`` → the empty set (no such actor)."""
    if field_ == NO_ACTOR:
        return frozenset()
    codes = field_.split("|")
    if not all(re.fullmatch(r"[A-Za-z0-9_.:-]+", c) for c in codes):
        raise AnnotationError(f"{where}: bad actor codes {field_!r}")
    return frozenset(codes)


def _type(value: str, where: str) -> str:
    if value not in PLOVER_TYPES:
        raise AnnotationError(f"{where}: {value!r} is not a PLOVER event type")
    return value


def load_gold(path: Path, text: str) -> Gold:
    """Read an annotation file for ``text``; raise AnnotationError (naming the file and line)
    on a line that does not fit."""
    entity_lines, amounts, events, notdone = [], [], [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{path}:{number}"
        kind = fields[0]
        if kind == "entity" and len(fields) == 4:
            entity_lines.append((fields[1], fields[2], int(fields[3]), where))
        elif kind == "amount" and len(fields) in {3, 4}:
            spans = _occurrences(text, fields[1])
            if len(fields) == 4:
                spans = [spans[int(fields[3]) - 1]] if len(spans) >= int(fields[3]) else []
            if not spans:
                raise AnnotationError(f"{where}: {fields[1]!r} not found")
            amounts += [(s, e, float(fields[2])) for s, e in spans]
        elif kind == "event" and len(fields) in {5, 7}:
            s, e = _nth(text, fields[1], fields[2], where)
            roles = (
                (_codes(fields[5], where), _codes(fields[6], where))
                if len(fields) == 7
                else (None, None)
            )
            date = PartialDate.parse(fields[4])
            events.append(GoldEvent(s, e, _type(fields[3], where), date, *roles))
        elif kind == "notdone" and len(fields) == 4:
            s, e = _nth(text, fields[1], fields[2], where)
            notdone.append(NotDone(s, e, _type(fields[3], where)))
        else:
            raise AnnotationError(f"{where}: cannot read {line!r}")
    entities: set[tuple[int, int, str]] = set()
    taken: list[tuple[int, int]] = []
    for surface, ident, count, where in sorted(entity_lines, key=lambda x: -len(x[0])):
        spans = [
            (s, e) for s, e in _occurrences(text, surface)
            if all(e <= ts or s >= te for ts, te in taken)
        ]  # fmt: skip
        if len(spans) != count:
            raise AnnotationError(f"{where}: {surface!r} occurs {len(spans)} times, not {count}")
        taken += spans
        if ident != "-":
            entities |= {(s, e, ident) for s, e in spans}
    return Gold(entities, amounts, events, notdone)


# --- actors → codes -----------------------------------------------------------------------


@cache
def actor_codes_table(folder: str | None = None) -> dict[str, tuple[str, str]]:
    """Actor id → (country code, type) from ``actors.csv``: its ``country`` column where the
    table has one, else its ``affiliation``; a state is its own country."""
    table = read_table("actors", Path(folder) if folder else None)
    column = "country" if "country" in table.columns else "affiliation"
    result = {}
    for row in table.itertuples(index=False):
        country = getattr(row, column) or (row.id if row.type == "state" else "")
        result[row.id] = (country, row.type)
    return result


def codes_of(actor: str, country: str = "", table: Mapping[str, tuple[str, str]] | None = None):
    """The codes an actor id answers to: the id itself and its country (the given ``country``,
    else the table's), except that an armed group answers only to its id (``TTP`` is not
    ``PAK``), and one without a home country also to Phoenix's ``IMG`` (international
    militarized group, as the PLOVER records code al-Qaeda). Shape: a frozenset of strings, empty for no actor."""
    if not actor and not country:
        return frozenset()
    table = actor_codes_table() if table is None else table
    known_country, kind = table.get(actor, ("", ""))
    if kind == "group":
        return frozenset({actor} if known_country else {actor, "IMG"})
    return frozenset(c for c in (actor, country or known_country) if c)


def _roles_right(
    gold: frozenset[str], predicted: Iterable[tuple[str, str]], table: Mapping
) -> bool:
    """Every predicted actor answers to a gold code and every gold code is answered."""
    pred = [codes_of(a, c, table) for a, c in predicted if a or c]
    if not gold:
        return not pred
    return all(p & gold for p in pred) and all(any(g in p for p in pred) for g in gold)


# --- documents ------------------------------------------------------------------------------


UNNAMED_METHODS = frozenset({"compound"})
"""Entity methods of actors named without a name ("Pakistani soldiers", "Egyptian police":
a nationality or body with a generic agent): actors of events, but not named entities, which
the annotations list (README of tests/annotations), so not scored as entities."""


def named(x: Extraction) -> list[EntityMention]:
    """The entities of ``x`` that are named entities (not ``UNNAMED_METHODS``)."""
    return [e for e in x.entities if e.method not in UNNAMED_METHODS]


def score_entities(gold: Gold, x: Extraction) -> Score:
    """Named entities (:func:`named`) by exact span and id."""
    pred = {(e.start, e.end, e.id) for e in named(x)}
    return Score(len(pred & gold.entities), len(pred), len(gold.entities))


def score_entity_ids(gold: Gold, x: Extraction) -> Ratio:
    """Canonical-id accuracy: of the predicted entities whose span is a gold entity's span,
    the share whose id is the gold id."""
    gold_ids = {(s, e): i for s, e, i in gold.entities}
    pairs = [(gold_ids[(m.start, m.end)], m.id) for m in named(x) if (m.start, m.end) in gold_ids]
    return Ratio(sum(g == p for g, p in pairs), len(pairs))


def score_amounts(gold: Gold, x: Extraction) -> Score:
    remaining = list(gold.amounts)
    tp = 0
    dollars = [a for a in x.amounts if a.usd is not None]
    for a in dollars:
        hit = next(
            (g for g in remaining if g[0] < a.end and a.start < g[1] and abs(g[2] - a.usd) < 0.5),
            None,
        )
        if hit is not None:
            remaining.remove(hit)
            tp += 1
    return Score(tp, len(dollars), len(gold.amounts))


def scored_events(x: Extraction) -> list[EventMention]:
    """The predicted events that count as dated happenings."""
    return [e for e in x.events if e.date and e.told_as_done]


def _grouped(events: list[EventMention]) -> list[list[EventMention]]:
    """Predicted events of one trigger span, type and date, together (in document order)."""
    groups: dict[tuple[int, int, str, str | None], list[EventMention]] = {}
    for e in events:
        groups.setdefault((e.trigger_start, e.trigger_end, e.type, e.date), []).append(e)
    return list(groups.values())


@dataclass(frozen=True)
class EventScores:
    events: Score
    roles: Ratio
    """Among matched events whose gold has roles: source and target both right."""
    wrongly_done: Ratio
    """Of the ``notdone`` statements, those reported as done."""
    at_trigger: Ratio = Ratio(0, 0)
    """Of the matched events, those whose predicted trigger overlaps the gold trigger (the
    stricter reading of a match: the clause rule above also accepts an event of the gold type
    and date told elsewhere in the clause that holds the trigger). On the studied sets most
    matches off the trigger name one happening by another word of it ("a drone attack … killed":
    gold *killed*, predicted *drone attack*); a few are another event of the clause."""
    causes: Counter[str] = field(default_factory=Counter)
    """Why gold events were missed (``miss: …``) and predicted ones spurious (``spurious: …``),
    counted by :func:`_miss_cause` and :func:`_spurious_cause`: aggregate counts that say which
    stage loses most on a set without listing its sentences."""


def _holding(events: Iterable[EventMention], start: int, end: int) -> list[EventMention]:
    return [e for e in events if e.start <= start and end <= e.end]


def _miss_cause(g: GoldEvent, x: Extraction) -> str:
    """The first stage at which a missed gold event was lost: no predicted event holds its
    trigger; only events of another type do; the type is there but not told as done (future,
    hypothetical, negated); it is told as done but undated; or dated otherwise."""
    held = _holding(x.events, g.start, g.end)
    typed = [e for e in held if e.type == g.type]
    if not held:
        return "miss: no event at the trigger"
    if not typed:
        return (
            "miss: other type only (" + "/".join(sorted({e.type for e in held})) + f" for {g.type})"
        )
    done = [e for e in typed if e.told_as_done]
    if not done:
        return "miss: type right, not told as done"
    if not any(e.date for e in done):
        return "miss: type right, done, undated"
    return "miss: type right, done, other date"


def _spurious_cause(e: EventMention, gold: Gold) -> str:
    """Why a predicted dated event matched no gold event: a gold event of its type is at the
    trigger but dated otherwise (or already matched); one of another type is there; the
    statement is annotated as not done; or the annotations have nothing there."""
    at = [g for g in gold.events if e.start <= g.start and g.end <= e.end]
    if any(g.type == e.type for g in at):
        return "spurious: gold of the type there, other date"
    if any(e.start <= n.start and n.end <= e.end and n.type == e.type for n in gold.notdone):
        return "spurious: annotated as not done"
    if at:
        return "spurious: gold of another type there"
    return "spurious: no gold event there"


def match_events(gold: Gold, x: Extraction, table: Mapping | None = None) -> EventScores:
    """Dated events, role accuracy and statements wrongly reported as done (rules above)."""
    table = actor_codes_table() if table is None else table
    groups = _grouped(scored_events(x))
    remaining = list(gold.events)
    tp, role_hits, role_n, at_trigger = 0, 0, 0, 0
    matched: set[int] = set()
    causes: Counter[str] = Counter()
    for group in groups:
        e = group[0]
        date = PartialDate.parse(e.date)
        fits = [
            g for g in remaining
            if e.start <= g.start and g.end <= e.end and g.type == e.type and g.date.compatible(date)
        ]  # fmt: skip
        if not fits:
            causes[_spurious_cause(e, gold)] += 1
            continue

        def right(g: GoldEvent, group=group) -> bool:
            return (
                g.source is not None
                and _roles_right(g.source, [(p.source_actor, p.source_country) for p in group], table)
                and _roles_right(g.target, [(p.target_actor, p.target_country) for p in group], table)
            )  # fmt: skip

        hit = next((g for g in fits if right(g)), fits[0])
        remaining.remove(hit)
        matched |= {id(p) for p in group}
        tp += 1
        at_trigger += any(p.trigger_start < hit.end and hit.start < p.trigger_end for p in group)
        if hit.source is not None:
            role_n += 1
            role_hits += right(hit)
    done = [e for e in x.events if e.told_as_done and id(e) not in matched]
    wrong = sum(
        any(e.start <= n.start and n.end <= e.end and e.type == n.type for e in done)
        for n in gold.notdone
    )
    causes.update(_miss_cause(g, x) for g in remaining)
    return EventScores(
        Score(tp, len(groups), len(gold.events)),
        Ratio(role_hits, role_n),
        Ratio(wrong, len(gold.notdone)),
        Ratio(at_trigger, tp),
        causes,
    )


def score_events(gold: Gold, x: Extraction) -> Score:
    """Dated-event precision and recall (see :func:`match_events`)."""
    return match_events(gold, x).events


@dataclass(frozen=True)
class DocumentScores:
    doc: str
    entities: Score
    amounts: Score
    events: Score
    entity_ids: Ratio = Ratio(0, 0)
    roles: Ratio = Ratio(0, 0)
    wrongly_done: Ratio = Ratio(0, 0)
    at_trigger: Ratio = Ratio(0, 0)
    """See :attr:`EventScores.at_trigger`."""
    causes: Counter[str] = field(default_factory=Counter)
    """See :attr:`EventScores.causes`."""


def score_document(gold: Gold, x: Extraction) -> DocumentScores:
    """Every score of one document."""
    ev = match_events(gold, x)
    return DocumentScores(
        x.doc,
        score_entities(gold, x),
        score_amounts(gold, x),
        ev.events,
        score_entity_ids(gold, x),
        ev.roles,
        ev.wrongly_done,
        ev.at_trigger,
        ev.causes,
    )


def score_corpus(corpus_dir: Path, annotations_dir: Path) -> list[DocumentScores]:
    """Score every document of a corpus folder that has an annotation file."""
    scores = []
    for doc in load_corpus(corpus_dir).documents:
        path = annotations_dir / f"{doc.id}.tsv"
        if not path.exists():
            continue
        gold = load_gold(path, doc.text)
        scores.append(score_document(gold, extract_document(doc)))
    return scores


RATIOS = ("entity_ids", "roles", "wrongly_done", "at_trigger")


def total(scores: list[DocumentScores], kind: str):
    """Micro-averaged score of one kind over documents: a Score for ``entities``, ``amounts``
    or ``events``; a Ratio for ``entity_ids``, ``roles``, ``wrongly_done`` or ``at_trigger``."""
    result: Score | Ratio = Ratio(0, 0) if kind in RATIOS else Score(0, 0, 0)
    for s in scores:
        result = result + getattr(s, kind)
    return result


# --- PLOVER gold-standard records ------------------------------------------------------------


def read_gsr(path: Path) -> list[dict]:
    """The records of a PLOVER GSR JSON Lines file (``id``, ``text``, ``type``, ``source``,
    ``target``: lists of ``{"text", "code", "sector"}``, ``markup``); raise ValueError naming
    the file and line on a line that is not such a record."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{number}: not JSON ({err})") from err
        missing = [k for k in ("id", "text", "type", "source", "target") if k not in record]
        if missing:
            raise ValueError(f"{path}:{number}: a GSR record without {', '.join(missing)}")
        records.append(record)
    return records


def read_code_aliases(path: Path) -> dict[str, str]:
    """A CSV of ``code,iso3,source`` rows: codes a gold standard uses that are not ISO 3166
    alpha-3 (the PLOVER records' ``JAP`` for Japan), with the ISO code; raise ValueError naming
    the file on a row without a source."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    bad = [
        i
        for i, r in enumerate(rows, 2)
        if not (r.get("code") and r.get("iso3") and r.get("source"))
    ]
    if bad:
        raise ValueError(f"{path}: rows {bad} need a code, an iso3 and a source")
    return {r["code"]: r["iso3"] for r in rows}


def _gsr_codes(actors: list[dict], aliases: Mapping[str, str]) -> frozenset[str]:
    return frozenset(aliases.get(a["code"], a["code"]) for a in actors if a["code"])


def _event_spans(record: dict) -> list[tuple[int, int]]:
    """Character spans in the record's text of its ``(EVT: …)`` markup."""
    spans = []
    for words in re.findall(r"\(EVT: ([^)]*)\)", record.get("markup", "")):
        i = record["text"].find(words)
        if i >= 0:
            spans.append((i, i + len(words)))
    return spans


def _entity_country(m: EntityMention, table: Mapping) -> str:
    return getattr(m, "country", "") or table.get(m.id, ("", ""))[0]


@dataclass(frozen=True)
class GsrScores:
    n: int
    type: Ratio
    source: Ratio
    target: Ratio
    all_three: Ratio
    actor_recall: Ratio
    """Of the records' source and target codes, those among the sentence's entities' countries."""


def score_gsr(
    records: list[dict],
    extract: Callable[[str], Extraction],
    table: Mapping | None = None,
    aliases: Mapping[str, str] | None = None,
) -> GsrScores:
    """Score an extractor on PLOVER gold-standard records (one sentence each).

    The predicted event of a record is the first of the sentence's events whose trigger
    overlaps the record's ``(EVT: …)`` words, else its first event, taken together with the
    events of the same trigger and type (one per coordinated actor); with no event, type,
    source and target are wrong, except an absent target for a record without one.
    Modality and negation are not scored: the records code threats, promises and refusals.
    Source (target) is right when the predicted event's actor codes equal the record's codes
    (``IGO`` for an intergovernmental body; the records' non-ISO codes mapped by ``aliases``,
    as :func:`read_code_aliases` reads them).
    Actor recall counts each record's distinct source and target codes found among the
    countries (or ids) of the sentence's entities: an entity's ``country`` field when it has
    one, else its id's country in ``actors.csv``.
    """
    table = actor_codes_table() if table is None else table
    aliases = aliases or {}
    t = s = g = a = 0
    found = total_codes = 0
    for record in records:
        x = extract(record["text"])
        spans = _event_spans(record)
        first = next(
            (
                e
                for e in x.events
                if any(e.trigger_start < b and a_ < e.trigger_end for a_, b in spans)
            ),
            x.events[0] if x.events else None,
        )
        group = [
            e for e in x.events
            if first is not None
            and (e.trigger_start, e.trigger_end, e.type) == (first.trigger_start, first.trigger_end, first.type)
        ]  # fmt: skip
        source, target = (
            _gsr_codes(record["source"], aliases),
            _gsr_codes(record["target"], aliases),
        )
        type_ok = first is not None and first.type == record["type"]
        source_ok = first is not None and _roles_right(
            source, [(e.source_actor, e.source_country) for e in group], table
        )
        target_ok = _roles_right(target, [(e.target_actor, e.target_country) for e in group], table)
        t, s, g = t + type_ok, s + source_ok, g + target_ok
        a += type_ok and source_ok and target_ok
        codes = source | target
        present = set()
        for m in x.entities:
            present |= codes_of(m.id, _entity_country(m, table), table)
            present.add(_entity_country(m, table))
        found += len(codes & present)
        total_codes += len(codes)
    n = len(records)
    return GsrScores(
        n, Ratio(t, n), Ratio(s, n), Ratio(g, n), Ratio(a, n), Ratio(found, total_codes)
    )
