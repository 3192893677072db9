"""Extraction quality against the hand annotations: precision, recall and F1.

    python benchmarks/extraction_quality.py

Three sets, reported separately: the development set (the five seed documents in data/raw,
which the extractor was developed against); the held-out set (tests/documents, news-style
documents about other episodes, written and annotated before the extractor was run on them,
then used for error analysis); and the blind set (tests/blind, written and annotated after
that error analysis and scored once before any change informed by it). Scores are
micro-averaged over documents; matching rules are in pakus.evaluation.
"""

from __future__ import annotations

from pathlib import Path

from pakus.evaluation import score_corpus, total

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "development (data/raw)": ROOT / "data" / "raw",
    "held-out (tests/documents)": ROOT / "tests" / "documents",
    "blind (tests/blind)": ROOT / "tests" / "blind",
}
KINDS = ("entities", "amounts", "events")
LABEL = {"entities": "entities", "amounts": "amounts", "events": "dated events"}


def main() -> None:
    for name, folder in SETS.items():
        scores = score_corpus(folder, ROOT / "tests" / "annotations")
        print(f"\n{name}: {len(scores)} documents")
        print(f"  {'':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
        for kind in KINDS:
            s = total(scores, kind)
            print(
                f"  {LABEL[kind]:<14}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                f"{s.n_gold:7d}{s.n_pred:7d}"
            )
        print("  per document (F1 entities / amounts / dated events):")
        for s in scores:
            print(f"    {s.doc:<26} {s.entities.f1:.2f} / {s.amounts.f1:.2f} / {s.events.f1:.2f}")


if __name__ == "__main__":
    main()
