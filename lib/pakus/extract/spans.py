"""Non-overlapping character spans, kept sorted so that an overlap check is a binary search
(a text of several megabytes holds thousands of dates and amounts)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class Spans:
    """Disjoint ``(start, end)`` spans, sorted by start."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span already taken."""
        i = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``; it must not overlap a span already taken."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def starting_in(items: Sequence, starts: list[int], start: int, end: int) -> Sequence:
    """The items (sorted by start, with ``starts`` their starts) that start in ``[start, end)``."""
    return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
