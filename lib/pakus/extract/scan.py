"""Run slow patterns only where they can match.

Python's ``re`` skips quickly through a text only when a pattern starts with a literal or a
character class; a pattern that starts with ``\\b``, a lookbehind or an optional group is
tried at every position. Most of the extractors' patterns are of that second kind, and most
of a text cannot match them. So each slow pattern gets an *anchor*: a fast pattern that
every one of its matches contains (a month name, a unit word, "ago"). The anchor is scanned
once per text; the slow pattern then runs only in windows around the anchor's hits, which
gives the matches a scan of the whole text gives as long as no match reaches further than
the window from its anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pakus.extract.trie import trie_pattern


def joined(text: str, i: int) -> bool:
    """Whether the character at ``i`` would join a neighbouring word (a letter, digit, _ or -);
    False outside the text."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


@dataclass(frozen=True)
class Anchor:
    """A fast pattern; with ``fold``, it is lower case and matched against the lowered text."""

    pattern: re.Pattern[str]
    fold: bool = False

    @classmethod
    def words(cls, words: Iterable[str], fold: bool = True) -> Anchor:
        """An anchor for any of ``words`` (lower-cased when ``fold``)."""
        forms = [w.lower() for w in words] if fold else list(words)
        return cls(re.compile(trie_pattern(forms, space=" ")), fold)


class Scan:
    """One text, with the hits of each anchor computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._hits: dict[Anchor, list[tuple[int, int]]] = {}
        self._windows: dict[tuple[Anchor, int, int], list[tuple[int, int]]] = {}
        self.walked = 0
        """Characters stepped over while widening windows to whitespace (at most twice the
        text's length per anchor and reach: the walks never go over a window twice)."""

    def lowered(self) -> str | None:
        """The text in lower case, or None where lowering changes its length (then offsets
        would no longer agree and folded anchors fall back to a case-insensitive scan)."""
        if self._lower is None:
            lower = self.text.lower()
            self._lower = lower if len(lower) == len(self.text) else ""
        return self._lower or None

    def hits(self, anchor: Anchor) -> list[tuple[int, int]]:
        """(start, end) of each hit of ``anchor``."""
        found = self._hits.get(anchor)
        if found is None:
            if not anchor.fold:
                found = [m.span() for m in anchor.pattern.finditer(self.text)]
            elif (lower := self.lowered()) is not None:
                found = [m.span() for m in anchor.pattern.finditer(lower)]
            else:
                slow = re.compile(anchor.pattern.pattern, re.I)
                found = [m.span() for m in slow.finditer(self.text)]
            self._hits[anchor] = found
        return found

    def windows(self, anchor: Anchor, before: int, after: int) -> list[tuple[int, int]]:
        """Disjoint windows reaching ``before`` characters back and ``after`` forward from each
        hit, widened to whitespace so that no word is cut."""
        key = (anchor, before, after)
        if key in self._windows:
            return self._windows[key]
        text, out = self.text, []
        for start, end in self.hits(anchor):
            # neither walk re-reads the previous window (hits come in order), so the walks
            # take time linear in the text even where it has no whitespace (a base64 blob)
            floor = out[-1][1] if out else 0
            lo = low = max(0, start - before)
            while lo > floor and not text[lo - 1].isspace():
                lo -= 1
            hi = high = min(len(text), max(end + after, floor))
            while hi < len(text) and not text[hi].isspace():
                hi += 1
            self.walked += (low - lo) + (hi - high)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        self._windows[key] = out
        return out

    def near(
        self, pattern: re.Pattern[str], anchor: Anchor, before: int = 80, after: int = 40
    ) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` near hits of ``anchor``."""
        for lo, hi in self.windows(anchor, before, after):
            yield from pattern.finditer(self.text, lo, hi)

    def bounded(self, anchor: Anchor) -> Iterator[re.Match[str]]:
        """Matches of ``anchor`` that do not start inside a word (as a leading ``(?<![\\w-])``
        would require, which would keep ``re`` from skipping ahead quickly). With a folded
        anchor, the matches are of the lowered text: take quotes from the text by offset."""
        text = self.text
        if anchor.fold and (lower := self.lowered()) is not None:
            subject, pattern = lower, anchor.pattern
        elif anchor.fold:
            subject, pattern = text, re.compile(anchor.pattern.pattern, re.I)
        else:
            subject, pattern = text, anchor.pattern
        pos = 0
        while (m := pattern.search(subject, pos)) is not None:
            start = m.start()
            if joined(text, start - 1):
                pos = start + 1
                continue
            yield m
            pos = max(m.end(), start + 1)
