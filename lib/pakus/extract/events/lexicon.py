"""The trigger lexicon and codebook, compiled: trigger forms with their readings, PLOVER
intensities and quad classes, mode intensities, context keywords and demonyms.

A trigger (``triggers.csv`` in the reference tables) is a word form with a PLOVER type, an
optional mode and context, the requirements the clause must meet (``@actor``, ``@program``,
``@agreement``, ``@amount`` or a word), and a ``priority`` (see ``triggers``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pakus.extract.scan import Anchor
from pakus.extract.trie import trie_pattern

WORD_RUN = re.compile(r"[\w-]+")


def words_of(clause: str) -> frozenset[str]:
    """The lower-cased words of a clause: its runs of letters, digits, ``_`` and ``-``."""
    return frozenset(WORD_RUN.findall(clause.lower()))


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str
    requires: tuple[str, ...]
    priority: int
    context: str


class Lexicon:
    """The trigger lexicon compiled into one regex, plus the codebook intensities."""

    def __init__(self, triggers: pd.DataFrame, plover: pd.DataFrame, modes: pd.DataFrame,
                 contexts: pd.DataFrame, demonyms: pd.DataFrame) -> None:  # fmt: skip
        self.demonyms = dict(zip(demonyms["demonym"], demonyms["state"], strict=True))
        self._groups = re.compile(
            rf"(?<![\w.-])(?P<demonym>{trie_pattern(self.demonyms)})[ \t]+(?:[a-z-]+[ \t]+)?"
            rf"(?:{_GROUP_NOUNS})\b"
        )
        self.by_form: dict[str, list[Trigger]] = {}
        for row in triggers.itertuples(index=False):
            trig = Trigger(
                row.type, row.mode, tuple(r for r in row.requires.split("|") if r),
                int(row.priority), row.context,
            )  # fmt: skip
            for form in row.forms.split("|"):
                self.by_form.setdefault(form.lower(), []).append(trig)
        self.anchor = Anchor(re.compile(rf"(?:{trie_pattern(self.by_form)})(?![\w-])"), fold=True)
        self.intensity = dict(zip(plover["type"], plover["intensity"], strict=True))
        self.quad = dict(zip(plover["type"], plover["quad"], strict=True))
        self.mode_intensity = {
            (t, m): v
            for t, m, v in zip(modes["type"], modes["mode"], modes["intensity"], strict=True)
        }
        self.contexts = [
            (row.context, Keywords(row.keywords.split("|")))
            for row in contexts.itertuples(index=False)
        ]

    def group_states(self, text: str, start: int, end: int) -> list[str]:
        """The states of the groups named by nationality in ``text[start:end]``, in order."""
        return [
            self.demonyms[re.sub(r"\s+", " ", m.group("demonym"))]
            for m in self._groups.finditer(text, start, end)
        ]


class Keywords:
    """Words and phrases looked for as whole words, in any case: single words by their
    presence in a clause's set of words, phrases by a pattern."""

    def __init__(self, keywords: Sequence[str]) -> None:
        self.words = frozenset(k.lower() for k in keywords if WORD_RUN.fullmatch(k))
        phrases = [k for k in keywords if not WORD_RUN.fullmatch(k)]
        self.phrases = (
            re.compile(rf"(?<![\w-])(?:{trie_pattern(phrases)})(?![\w-])", re.I)
            if phrases
            else None
        )
        firsts = [WORD_RUN.match(k.lower()) for k in phrases]
        self.first_words = frozenset(m.group() for m in firsts if m) if all(firsts) else None
        """The first word of each phrase: an ASCII clause without one holds no phrase."""

    def found(self, words: frozenset[str], clause: str) -> bool:
        """Whether the clause, with ``words`` its set of lower-cased words, holds a keyword."""
        if not self.words.isdisjoint(words):
            return True
        if self.phrases is None or (
            self.first_words is not None and clause.isascii() and self.first_words.isdisjoint(words)
        ):
            return False
        return self.phrases.search(clause) is not None


_GROUP_NOUNS = (
    "forces|troops|soldiers|military|army|navy|officials|diplomats|government|authorities|"
    "drones|jets|warplanes|aircraft|helicopters|police|officers|commandos|negotiators|"
    "delegation|leaders|administration|envoys|paramilitaries|intelligence"
)
"""What a nationality adjective may head as an actor ("Pakistani forces", "Afghan officials")."""
