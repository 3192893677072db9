"""Extraction quality on the hand-annotated sets, and the scorer itself."""

import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

from pakus.corpus import load_corpus
from pakus.dates import PartialDate
from pakus.evaluation import AnnotationError, Score, load_gold, score_corpus, total
from pakus.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "tests" / "annotations"
SETS = {
    "development": ROOT / "data" / "raw",
    "held-out": ROOT / "tests" / "documents",
    "blind": ROOT / "tests" / "blind",
}
TARGETS = {"entities": 0.90, "amounts": 0.90, "events": 0.80}


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("kind", TARGETS)
def test_f1_meets_the_target(name, kind):
    scores = score_corpus(SETS[name], ANNOTATIONS)
    assert len(scores) >= 3
    assert total(scores, kind).f1 >= TARGETS[kind]


# The real-text set (tests/realtext: 14 paraphrases of published articles, annotated before
# pakus was run on them) is scored on its own. These are floors below the scores of the code
# the set was first run on (entities F1 0.906, amounts F1 0.960, dated events F1 0.489, role
# accuracy 0.36, 5 of 25 not-done statements reported as done), so that a change cannot quietly
# make real text worse; they are not the targets. Issue targets: entity F1 >= 0.90 (issue 11),
# dated-event F1 >= 0.80 and role accuracy >= 0.80 (issue 12).
REAL_TEXT = ROOT / "tests" / "realtext"


# The held-out real-text set (tests/realtext_heldout: 15 paraphrases of published articles from
# other outlets, 1995-2022, written and annotated on 2026-11-30 before pakus was run on them) is
# the judge of issue 12; the event coder is never tuned on its odd-position half ("unseen"; the
# even half was studied for entity faults). First scores (main at e960721): entities F1 0.888,
# amounts F1 1.000, dated events F1 0.563, role accuracy 0.345 (10 of 29), 4 of 34 not-done
# statements reported as done. The floors sit below the scores at the end of session 5
# (entities 0.923, dated events 0.569, roles 0.379, 5 of 34 wrongly done) so that a change
# cannot quietly make unseen real text worse; they are not the targets (issue 12: dated-event
# F1 and role accuracy >= 0.80).
REAL_TEXT_HELD_OUT = ROOT / "tests" / "realtext_heldout"

# The judge real-text set (tests/realtext_judge: 15 paraphrases of published articles from yet
# other outlets, 1987-2024, written and annotated on 2026-12-01 before pakus was run on them; no
# one but its author has read it) is the final judge of issue 12: scored as a whole, never
# diagnosed. First scores (main at 194c740): entities F1 0.888, amounts F1 0.933, dated events
# F1 0.413 (P 0.433, R 0.394), role accuracy 0.308 (4 of 13), 4 of 21 not-done statements
# reported as done. The floors below sit a clear margin under those first scores, only so that a
# change cannot quietly make unseen real text worse; they are NOT targets (issue 12: dated-event
# F1 and role accuracy >= 0.80).
REAL_TEXT_JUDGE = ROOT / "tests" / "realtext_judge"

# The study real-text set (tests/realtext_study: 20 paraphrases of published articles from
# outlets none of the sets above uses, 1982-2024, written and annotated on 2026-12-01 in batches
# of five before pakus was run on them) is open to study: its errors are meant to be read. First
# scores (main at 0964873, after all the gold was committed): entities F1 0.872, amounts F1 0.950
# (0.976 after one omitted amount was added), dated events F1 0.551 (P 0.628, R 0.491), role
# accuracy 0.222 (6 of 27), 11 of 35 not-done statements reported as done. The floors sit a clear
# margin below, only so that a change cannot quietly make this real text worse; they are NOT
# targets (issue 12: dated-event F1 and role accuracy >= 0.80).
REAL_TEXT_STUDY = ROOT / "tests" / "realtext_study"

# The second judge real-text set (tests/realtext_judge2: 20 paraphrases of published articles
# from outlets none of the sets above uses, 1980-2025, written and annotated on 2026-12-01 and
# committed before pakus was run on them) is, like the judge set, scored as a whole and never
# diagnosed. Its floors are set after its first scoring.
REAL_TEXT_JUDGE2 = ROOT / "tests" / "realtext_judge2"

# The third judge real-text set (tests/realtext_judge3: 20 paraphrases of published articles of
# odd years 1971-2025 from outlets none of the sets above uses, written and annotated on
# 2026-12-01 and committed before pakus was run on them; its author ran only the loader) is
# scored as a whole and never diagnosed. First scores (the session-start code c61338f, before
# any change of that session): entities F1 0.898, amounts F1 1.000, dated events F1 0.447
# (P 0.438, R 0.457), role accuracy 12 of 21, 5 of 30 not-done statements reported as done.
REAL_TEXT_JUDGE3 = ROOT / "tests" / "realtext_judge3"

# The second study real-text set (tests/realtext_study2: 20 paraphrases of published articles of
# even years, 1986-2024, from outlets none of the sets above uses, written and annotated on
# 2026-12-01 in batches of five, each batch's gold committed before pakus was run on it) is open
# to study like the first. First scores (this branch at c61338f of main, after all the gold was
# committed): entities F1 0.894, amounts F1 1.000, dated events F1 0.444 (P 0.433, R 0.456), role
# accuracy 0.308 (8 of 26), 8 of 42 not-done statements reported as done; after omitted entity
# spans were added, over-close wording rephrased and one document replaced (README): entities
# 0.898, dated events 0.472, roles 8 of 25, 5 of 41. The floors sit a clear margin below, only so that a change
# cannot quietly make this real text worse; they are NOT targets (issue 12: dated-event F1 and
# role accuracy >= 0.80).
REAL_TEXT_STUDY2 = ROOT / "tests" / "realtext_study2"


@dataclass(frozen=True)
class Floors:
    """Regression floors of the real-text set in ``folder`` (not the issue targets): at least
    ``documents`` scored, F1 of each kind at least ``f1``, role accuracy at least ``roles`` over at least
    ``roles_n`` matched events, not-done statements reported as done at most ``wrong`` of at
    least ``wrong_n``."""

    folder: Path
    documents: int
    f1: dict[str, float]
    roles: float
    roles_n: int
    wrong: float
    wrong_n: int


REAL_TEXT_FLOORS = {
    "real text": Floors(
        REAL_TEXT, 14, {"entities": 0.85, "amounts": 0.90, "events": 0.55}, 0.60, 5, 0.10, 15
    ),
    "held-out real text": Floors(
        REAL_TEXT_HELD_OUT, 15, {"entities": 0.88, "amounts": 0.90, "events": 0.50},
        0.30, 20, 0.25, 30,
    ),
    "judge real text": Floors(
        REAL_TEXT_JUDGE, 15, {"entities": 0.85, "amounts": 0.80, "events": 0.33},
        0.20, 8, 0.30, 20,
    ),
    # first scored at the session-start code 50161c0: events F1 .390, roles 8/15, wrongly 5/28
    "second judge real text": Floors(
        REAL_TEXT_JUDGE2, 20, {"entities": 0.85, "amounts": 0.90, "events": 0.33},
        0.30, 10, 0.30, 25,
    ),
    "third judge real text": Floors(
        REAL_TEXT_JUDGE3, 20, {"entities": 0.85, "amounts": 0.90, "events": 0.35},
        0.35, 12, 0.30, 25,
    ),
    "study real text": Floors(
        REAL_TEXT_STUDY, 20, {"entities": 0.82, "amounts": 0.85, "events": 0.45},
        0.12, 15, 0.45, 30,
    ),
    "second study real text": Floors(
        REAL_TEXT_STUDY2, 20, {"entities": 0.86, "amounts": 0.90, "events": 0.35},
        0.20, 15, 0.30, 35,
    ),
}  # fmt: skip
"""Role-accuracy target 0.80 (issue 12); not-done target: none reported as done."""


@functools.cache
def real_text_scores(name: str) -> list:
    """Scores of the real-text set named ``name`` in ``REAL_TEXT_FLOORS`` (scored once)."""
    return score_corpus(REAL_TEXT_FLOORS[name].folder, ANNOTATIONS)


@pytest.mark.parametrize("name", REAL_TEXT_FLOORS)
@pytest.mark.parametrize("kind", ["entities", "amounts", "events"])
def test_real_text_f1_stays_above_its_floor(name, kind):
    floors = REAL_TEXT_FLOORS[name]
    scores = real_text_scores(name)
    assert len(scores) >= floors.documents
    assert total(scores, kind).f1 >= floors.f1[kind]


@pytest.mark.parametrize("name", REAL_TEXT_FLOORS)
def test_real_text_roles_and_modality_stay_above_their_floors(name):
    floors = REAL_TEXT_FLOORS[name]
    roles = total(real_text_scores(name), "roles")
    wrong = total(real_text_scores(name), "wrongly_done")
    assert roles.n >= floors.roles_n and roles.value >= floors.roles
    assert wrong.n >= floors.wrong_n and wrong.value <= floors.wrong


def _surface(field_: str) -> str:
    """The span an annotation surface names: the part in braces, else all of it."""
    return field_.split("{", 1)[1].split("}", 1)[0] if "{" in field_ else field_


# Real-text sets annotated with roles throughout: (folder, at least this many documents, dated
# events, not-done lines).
ROLE_ANNOTATED_REAL_TEXT = {
    "held-out real text": (REAL_TEXT_HELD_OUT, 12, 40, 25),
    "judge real text": (REAL_TEXT_JUDGE, 15, 30, 20),
    "study real text": (REAL_TEXT_STUDY, 20, 50, 30),
    "second judge real text": (REAL_TEXT_JUDGE2, 20, 35, 25),
    "second study real text": (REAL_TEXT_STUDY2, 20, 50, 35),
    "third judge real text": (REAL_TEXT_JUDGE3, 20, 40, 25),
}


@pytest.mark.parametrize("name", ROLE_ANNOTATED_REAL_TEXT)
def test_real_text_loads_and_every_gold_line_resolves_in_its_document(name):
    folder, min_documents, min_events, min_notdone = ROLE_ANNOTATED_REAL_TEXT[name]
    corpus = load_corpus(folder)
    assert not corpus.problems, corpus.problems
    documents = corpus.documents
    assert len(documents) >= min_documents
    n_events = n_notdone = 0
    for doc in documents:
        path = ANNOTATIONS / f"{doc.id}.tsv"
        gold = load_gold(path, doc.text)  # refuses wrong counts and missing occurrences
        lines = [
            line.split("\t")
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith(("event\t", "notdone\t"))
        ]
        told = [(f[1], f[3]) for f in lines if f[0] == "event"]
        assert [(doc.text[g.start : g.end], g.type) for g in gold.events] == told
        denied = [(f[1], f[3]) for f in lines if f[0] == "notdone"]
        assert [(doc.text[n.start : n.end], n.type) for n in gold.notdone] == denied
        assert all(g.source is not None for g in gold.events), f"{doc.id}: an event without roles"
        surfaces = {
            _surface(f[1])
            for f in (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
            if f[0] in {"entity", "amount"} and (f[0] == "amount" or f[2] != "-")
        }
        found = {doc.text[s:e] for s, e, _ in gold.entities} | {
            doc.text[s:e] for s, e, _ in gold.amounts
        }
        assert found == surfaces, doc.id
        n_events += len(gold.events)
        n_notdone += len(gold.notdone)
    assert n_events >= min_events and n_notdone >= min_notdone


def test_every_annotated_document_has_an_annotation_file():
    for folder in [
        *SETS.values(),
        REAL_TEXT,
        REAL_TEXT_HELD_OUT,
        REAL_TEXT_JUDGE,
        REAL_TEXT_STUDY,
        REAL_TEXT_JUDGE2,
        REAL_TEXT_STUDY2,
        REAL_TEXT_JUDGE3,
    ]:
        for doc in folder.glob("*.txt"):
            stem = doc.stem
            ids = {p.stem for p in ANNOTATIONS.glob("*.tsv")}
            assert stem in ids, f"{doc} has no annotation"


def test_score_arithmetic():
    s = Score(tp=8, n_pred=10, n_gold=16)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert s.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert Score(0, 0, 0).f1 == 1.0  # nothing to find, nothing found
    assert Score(0, 5, 5).f1 == 0.0


def test_gold_surfaces_claim_longest_first_and_braces_pick_the_span(tmp_path):
    text = "The US-Pakistan military ties and the Pakistan military."
    ann = tmp_path / "a.tsv"
    ann.write_text(
        "entity\tUS\tUSA\t1\n"
        "entity\tPakistan military\tPAK.ARMY\t1\n"
        "entity\tUS-{Pakistan} military ties\tPAK\t1\n",
        encoding="utf-8",
    )
    gold = load_gold(ann, text)
    assert gold.entities == {(4, 6, "USA"), (7, 15, "PAK"), (38, 55, "PAK.ARMY")}


def test_a_wrong_count_is_an_annotation_error(tmp_path):
    ann = tmp_path / "a.tsv"
    ann.write_text("entity\tPakistan\tPAK\t3\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="occurs 1 times, not 3"):
        load_gold(ann, "Pakistan said.")


def test_dated_event_matching_uses_the_coarser_precision(tmp_path):
    from pakus.evaluation import score_events

    text = "In December 2019 the United States resumed IMET training for Pakistan."
    ann = tmp_path / "a.tsv"
    ann.write_text("event\tresumed\t1\tCOOPERATE\t2019-12-03\n", encoding="utf-8")
    gold = load_gold(ann, text)
    x = extract_text(text, "a.txt", PartialDate(2020, 1, 6))
    assert score_events(gold, x).tp == 1
    ann.write_text("event\tresumed\t1\tCOOPERATE\t2020-01\n", encoding="utf-8")
    assert score_events(load_gold(ann, text), x).tp == 0
