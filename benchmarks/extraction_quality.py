"""Extraction quality against the hand annotations: precision, recall and F1, roles, modality.

    python benchmarks/extraction_quality.py [--per-document]

Ten sets, reported separately: the development set (the five seed documents in data/raw,
which the extractor was developed against); the held-out set (tests/documents, news-style
documents about other episodes, written and annotated before the extractor was run on them,
then used for error analysis); the blind set (tests/blind, written and annotated after that
error analysis and scored once before any change informed by it); the real-text set
(tests/realtext: sentence-by-sentence paraphrases of published articles, 1990s–2020s, sources
in tests/annotations/README.md); and the held-out real-text set (tests/realtext_heldout:
fifteen paraphrases of published articles from other outlets, 1995–2022, written and annotated
before pakus was run on them and never used to tune the event coder); and the judge real-text
set (tests/realtext_judge: fifteen paraphrases of published articles from yet other outlets,
1987–2024, written and annotated on 2026-12-01 before pakus was run on them and read by no one
else; the final judge of issue 12, reported as a whole and never per document); and the study
real-text set (tests/realtext_study: paraphrases of published articles from outlets none of the
sets above uses, 1980s–2020s, written and annotated on 2026-12-01 before pakus was run on them,
then open to study: its errors are meant to be read, and it is listed per document); and the
second judge real-text set (tests/realtext_judge2: twenty paraphrases of published articles from
outlets none of the sets above uses, 1980–2025, written and annotated on 2026-12-01 and committed
before pakus was run on them; like the judge set, reported as a whole and never per document); and
the third judge real-text set (tests/realtext_judge3: twenty paraphrases of published articles of
odd years, 1971–2025, from outlets none of the sets above uses, written and annotated on 2026-12-01
and committed before pakus was run on them; reported as a whole and never per document); and
the second study real-text set (tests/realtext_study2: twenty paraphrases of published articles
of even years, 1986–2024, from outlets none of the sets above uses, written and annotated on
2026-12-01, each batch's gold committed before pakus was run on it; like the study set, open to
study and listed per document).
Scores are micro-averaged over documents; matching rules are in pakus.evaluation. Per set: entity P/R/F1 and canonical-id accuracy, amount P/R/F1,
dated-event P/R/F1 on events told as done, role accuracy (source and target both right, among
matched events with annotated roles) and the statements wrongly reported as done (of those
annotated as not done), the share of matched events whose predicted trigger overlaps the gold
trigger (a stricter reading of a match than the clause rule), and where dated events are lost: counts of missed gold events by the
first stage that lost them and of spurious predictions by what the annotations hold there
(aggregate counts, safe to read for every set). Issue targets on the real-text sets: entity F1 ≥ 0.90, dated-event
F1 ≥ 0.80, role accuracy ≥ 0.80.

The held-out real-text set is also reported in two halves of its sorted document list: the
"study" half (even positions, 0-based), whose errors may be studied, and the "unseen" half (odd
positions), whose errors are never read, so that a fix's effect on texts nobody studied shows.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pakus.evaluation import score_corpus, total

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "development (data/raw)": ROOT / "data" / "raw",
    "held-out (tests/documents)": ROOT / "tests" / "documents",
    "blind (tests/blind)": ROOT / "tests" / "blind",
    "real text (tests/realtext)": ROOT / "tests" / "realtext",
    "real text, held-out (tests/realtext_heldout)": ROOT / "tests" / "realtext_heldout",
    "real text, judge (tests/realtext_judge)": ROOT / "tests" / "realtext_judge",
    "real text, study (tests/realtext_study)": ROOT / "tests" / "realtext_study",
    "real text, judge 2 (tests/realtext_judge2)": ROOT / "tests" / "realtext_judge2",
    "real text, judge 3 (tests/realtext_judge3)": ROOT / "tests" / "realtext_judge3",
    "real text, study 2 (tests/realtext_study2)": ROOT / "tests" / "realtext_study2",
}
KINDS = ("entities", "amounts", "events")
LABEL = {"entities": "entities", "amounts": "amounts", "events": "dated events"}
SPLIT = "real text, held-out (tests/realtext_heldout)"
"""The set reported in halves: study (even positions of the sorted ids) and unseen (odd)."""
UNSEEN = (
    "real text, judge (tests/realtext_judge)",
    "real text, judge 2 (tests/realtext_judge2)",
    "real text, judge 3 (tests/realtext_judge3)",
)
"""The sets whose errors are never read: scored as a whole, never listed per document."""


def halves(scores: list) -> dict[str, list]:
    """``scores`` split by the position of their document id in sorted order: even → "study",
    odd → "unseen"."""
    order = sorted(s.doc for s in scores)
    out: dict[str, list] = {"study": [], "unseen": []}
    for s in scores:
        out["study" if order.index(s.doc) % 2 == 0 else "unseen"].append(s)
    return out


def report(name: str, scores: list, per_document: bool) -> None:
    """Print one set's (or half's) scores."""
    print(f"\n{name}: {len(scores)} documents")
    print(f"  {'':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for kind in KINDS:
        s = total(scores, kind)
        print(
            f"  {LABEL[kind]:<14}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
            f"{s.n_gold:7d}{s.n_pred:7d}"
        )
    ids, roles, wrong = (total(scores, k) for k in ("entity_ids", "roles", "wrongly_done"))
    print(f"  entity id accuracy    {ids.value:.3f}  ({ids.hits} of {ids.n} gold spans found)")
    print(f"  role accuracy         {roles.value:.3f}  ({roles.hits} of {roles.n} matched events)")
    print(f"  wrongly told as done  {wrong.hits} of {wrong.n} not-done statements")
    at = total(scores, "at_trigger")
    print(f"  matched at the trigger {at.value:.3f}  ({at.hits} of {at.n} matched events)")
    causes = sum((s.causes for s in scores), Counter())
    print("  where dated events are lost (counts):")
    for cause, n in sorted(causes.items()):
        print(f"    {cause:<46}{n:4d}")
    if per_document:
        print("  per document (F1 entities / amounts / dated events; roles; wrongly done):")
        for s in scores:
            print(
                f"    {s.doc:<26} {s.entities.f1:.2f} / {s.amounts.f1:.2f} / "
                f"{s.events.f1:.2f}; {s.roles.hits}/{s.roles.n}; "
                f"{s.wrongly_done.hits}/{s.wrongly_done.n}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-document", action="store_true")
    args = parser.parse_args()
    for name, folder in SETS.items():
        scores = score_corpus(folder, ROOT / "tests" / "annotations")
        report(name, scores, args.per_document and name != SPLIT and name not in UNSEEN)
        if name == SPLIT:
            for half, part in halves(scores).items():
                # the unseen half is never listed per document: its errors are not to be read
                report(f"{name}, {half} half", part, args.per_document and half == "study")


if __name__ == "__main__":
    main()
