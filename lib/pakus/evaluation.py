"""Score extraction against hand annotations: precision, recall and F1 per kind.

An annotation file (``tests/annotations/<doc id>.tsv``) has one line per gold item:

    entity  <surface>  <id>      <count>   every whole-word occurrence of <surface>
                                           (longest surfaces claimed first) is entity <id>;
                                           <count> says how many there are; id "-" marks
                                           occurrences that are not entities; braces pick
                                           the span out of a context: ``US-{Pakistan} military``
    amount  <surface>  <usd>     [<n>]     money (all occurrences, or the n-th)
    event   <trigger>  <n>  <TYPE>  <date> the n-th occurrence of <trigger> is a dated,
                                           asserted event of PLOVER <TYPE> at <date>

Matching: entities by exact span and id; amounts by overlapping span and equal value;
dated events by a predicted clause that holds the gold trigger, the same type and dates
that agree at the coarser precision. Only predicted events that are dated, asserted and
not negated are scored as dated events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pakus.corpus import load_corpus
from pakus.dates import PartialDate
from pakus.extract import extract_document
from pakus.extract.mentions import Extraction


class AnnotationError(ValueError):
    """An annotation line that does not fit its document."""


@dataclass(frozen=True)
class Gold:
    entities: set[tuple[int, int, str]]
    amounts: list[tuple[int, int, float]]
    events: list[tuple[int, int, str, PartialDate]]


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


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface``; ``US-{Pakistan} military`` matches the whole
    phrase but gives the span of the part in braces only."""
    m = re.fullmatch(r"(.*?)\{(.+)\}(.*)", surface)
    pre, core, post = m.groups() if m else ("", surface, "")
    pattern = rf"(?<!\w){re.escape(pre)}({re.escape(core)}){re.escape(post)}(?!\w)"
    return [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]


def load_gold(path: Path, text: str) -> Gold:
    """Read an annotation file for ``text``; raise AnnotationError on a line that does not fit."""
    entity_lines, amounts, events = [], [], []
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
        elif kind == "event" and len(fields) == 5:
            spans = _occurrences(text, fields[1])
            n = int(fields[2])
            if len(spans) < n:
                raise AnnotationError(f"{where}: occurrence {n} of {fields[1]!r} not found")
            s, e = spans[n - 1]
            events.append((s, e, fields[3], PartialDate.parse(fields[4])))
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
    return Gold(entities, amounts, events)


def score_entities(gold: Gold, x: Extraction) -> Score:
    pred = {(e.start, e.end, e.id) for e in x.entities}
    return Score(len(pred & gold.entities), len(pred), len(gold.entities))


def score_amounts(gold: Gold, x: Extraction) -> Score:
    remaining = list(gold.amounts)
    tp = 0
    for a in x.amounts:
        hit = next(
            (g for g in remaining if g[0] < a.end and a.start < g[1] and abs(g[2] - a.usd) < 0.5),
            None,
        )
        if hit is not None:
            remaining.remove(hit)
            tp += 1
    return Score(tp, len(x.amounts), len(gold.amounts))


def scored_events(x: Extraction) -> list:
    """The predicted events that count as dated happenings."""
    return [e for e in x.events if e.date and e.modality == "asserted" and not e.negated]


def score_events(gold: Gold, x: Extraction) -> Score:
    pred = scored_events(x)
    remaining = list(gold.events)
    tp = 0
    for e in pred:
        date = PartialDate.parse(e.date)
        hit = next(
            (
                g for g in remaining
                if e.start <= g[0] and g[1] <= e.end and g[2] == e.type and g[3].compatible(date)
            ),
            None,
        )  # fmt: skip
        if hit is not None:
            remaining.remove(hit)
            tp += 1
    return Score(tp, len(pred), len(gold.events))


@dataclass(frozen=True)
class DocumentScores:
    doc: str
    entities: Score
    amounts: Score
    events: Score


def score_corpus(corpus_dir: Path, annotations_dir: Path) -> list[DocumentScores]:
    """Score every document of a corpus folder that has an annotation file."""
    scores = []
    for doc in load_corpus(corpus_dir).documents:
        path = annotations_dir / f"{doc.id}.tsv"
        if not path.exists():
            continue
        gold = load_gold(path, doc.text)
        x = extract_document(doc)
        scores.append(
            DocumentScores(
                doc.id, score_entities(gold, x), score_amounts(gold, x), score_events(gold, x)
            )
        )
    return scores


def total(scores: list[DocumentScores], kind: str) -> Score:
    """Micro-averaged score of one kind (``entities``, ``amounts`` or ``events``)."""
    result = Score(0, 0, 0)
    for s in scores:
        result = result + getattr(s, kind)
    return result
