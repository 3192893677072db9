"""Extraction time on pathological text shapes, at two sizes: is it linear in the length?

    python benchmarks/pathological.py [--kb 25 50] [--shapes us_run,full_stops]

Each shape is one document made of one short piece repeated until it reaches the size (in
kB of UTF-8), the kind of input a scraper or a bad conversion produces: ``U.S.`` repeated
without spaces, a run of full stops, ``FY2010-`` and ``2019,`` repeated (dates), ``$1 million
and`` repeated (amounts), one sentence holding a long parenthesised span full of event
triggers (events), and a base64 blob (one line, no spaces). For each shape and size the
script prints the seconds per MB of text, the stage that took longest (the stages of
``extract_text``'s ``timings``) and, for the larger size, the ratio of its seconds per MB to
the smaller size's: about 1 where the time grows linearly with the length, about the size
ratio where it grows with the square of the length. The times are wall-clock seconds of one
process; speed is never asserted in a test (the structural bounds are tested in
``tests/test_properties.py``).
"""

from __future__ import annotations

import argparse
import base64
import random
import time
from collections.abc import Callable

from pakus.dates import PartialDate
from pakus.extract import extract_text

PUBLISHED = PartialDate(2020, 1, 6)
"""A published date, so that relative dates are resolved as in a corpus document."""


def _repeat(piece: str, size: int) -> str:
    """``piece`` repeated until the text holds ``size`` bytes of UTF-8 (whole pieces)."""
    return piece * max(1, size // len(piece.encode("utf-8")))


def _parenthesised(size: int) -> str:
    inner = _repeat("the army attacked militants and the US gave aid to Pakistan, ", size)
    return f"Pakistan said ({inner.rstrip(', ')}) that it would cooperate.\n"


def _base64_blob(size: int) -> str:
    rng = random.Random(17)
    raw = bytes(rng.getrandbits(8) for _ in range(size * 3 // 4))
    return base64.b64encode(raw).decode("ascii")


SHAPES: dict[str, Callable[[int], str]] = {
    "us_run": lambda n: _repeat("U.S.", n),
    "full_stops": lambda n: _repeat(".", n),
    "fy_range": lambda n: _repeat("FY2010-", n),
    "year_commas": lambda n: _repeat("2019,", n),
    "million_and": lambda n: _repeat("$1 million and ", n),
    "parenthesised": _parenthesised,
    "base64": _base64_blob,
}
"""Each shape: a function from a size in bytes to a text of about that size."""


def measure(text: str) -> tuple[float, str]:
    """Seconds to extract ``text``, and the stage that took longest."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    extract_text(text, "pathological.txt", PUBLISHED, timings=timings)
    return time.perf_counter() - start, max(timings, key=timings.__getitem__)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--kb", type=int, nargs=2, default=[25, 50], metavar=("SMALL", "LARGE"),
        help="the two sizes in kB (default 25 50)",
    )  # fmt: skip
    parser.add_argument(
        "--shapes", default=",".join(SHAPES),
        help=f"comma-separated shapes (default all: {','.join(SHAPES)})",
    )  # fmt: skip
    args = parser.parse_args(argv)
    names = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}; choose from {', '.join(SHAPES)}")
    small, large = sorted(args.kb)
    extract_text("Warm-up: Pakistan and the U.S. met in 2019.", "w", PUBLISHED)  # load tables
    print(f"{'shape':<14} {'kB':>5} {'seconds':>8} {'s/MB':>8} {'slowest stage':<14} ratio")
    for name in names:
        per_mb = []
        for kb in (small, large):
            text = SHAPES[name](kb * 1000)
            mb = len(text.encode("utf-8")) / 1e6
            seconds, stage = measure(text)
            per_mb.append(seconds / mb)
            ratio = f"{per_mb[1] / per_mb[0]:.2f}" if len(per_mb) == 2 and per_mb[0] else ""
            print(
                f"{name:<14} {kb:>5} {seconds:>8.3f} {seconds / mb:>8.2f} {stage:<14} {ratio}",
                flush=True,
            )
    print(
        f"ratio: s/MB at {large} kB over s/MB at {small} kB; about 1 is linear, "
        f"about {large / small:.0f} is quadratic"
    )


if __name__ == "__main__":
    main()
