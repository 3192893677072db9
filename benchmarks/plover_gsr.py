"""Event coding on the PLOVER gold-standard records: type, source, target and actor recall.

    python benchmarks/plover_gsr.py [PATH]

PATH defaults to tests/peers/plover_gsr_dev.jsonl (the development half of the records, copied
from ../shared/peers/plover/gsr-dev.jsonl with its CC BY-SA 4.0 notice beside it). Each record
is one news sentence coded by the PLOVER team; pakus extracts it with no published date and the
scores follow pakus.evaluation.score_gsr (the records' few non-ISO country codes mapped
by tests/peers/gsr_code_aliases.csv): event-type accuracy, source accuracy, target
accuracy, all three right, and actor recall (the share of the records' source and target codes
found among the countries of the sentence's entities). Targets: type ≥ 0.80 and all three
≥ 0.65 (issue 12), actor recall ≥ 0.90 (issue 11). With ``--by-type`` the type accuracy is
also given per gold type.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pakus.evaluation import read_code_aliases, read_gsr, score_gsr
from pakus.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "peers" / "plover_gsr_dev.jsonl"
ALIASES = ROOT / "tests" / "peers" / "gsr_code_aliases.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--by-type", action="store_true")
    args = parser.parse_args()
    records = read_gsr(args.path)
    aliases = read_code_aliases(ALIASES)
    s = score_gsr(records, lambda text: extract_text(text, "gsr"), aliases=aliases)
    print(f"PLOVER gold-standard records: {s.n} ({args.path.name})")
    for label, ratio, target in (
        ("event type", s.type, 0.80),
        ("source", s.source, None),
        ("target", s.target, None),
        ("all three", s.all_three, 0.65),
        ("actor recall", s.actor_recall, 0.90),
    ):
        goal = f"   (target ≥ {target:.2f})" if target else ""
        print(f"  {label:<14}{ratio.value:7.3f}  {ratio.hits:4d} / {ratio.n:<4d}{goal}")
    if args.by_type:
        counts = Counter(r["type"] for r in records)
        for kind in sorted(counts):
            sub = score_gsr(
                [r for r in records if r["type"] == kind], lambda t: extract_text(t, "gsr")
            )
            print(f"    {kind:<10} {sub.type.value:5.2f}  of {counts[kind]}")


if __name__ == "__main__":
    main()
