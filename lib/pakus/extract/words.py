"""English words the extractors share: month and weekday names, number words and future cues.
One home for each list; the patterns built from them live with the extractor that uses them.

Sources: the English calendar (month and weekday names, and the abbreviations newspapers use:
AP style abbreviates "Sept."), and the project's reading of the seed and evaluation texts for
the cues.
"""

from __future__ import annotations

import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""The months, in calendar order."""
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                       "Nov", "Dec")  # fmt: skip
"""Abbreviated month names ("Sept" before "Sep", so a pattern tries the longer first)."""
MONTH_PREFIXES = tuple(name[:3] for name in MONTH_NAMES)
"""The first three letters of each month ("Jan" … "Dec", "May" included)."""
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): MONTH_PREFIXES.index(abbr[:3]) + 1 for abbr in MONTH_ABBREVIATIONS},
}
"""Month number (1–12) of each lower-cased month name or abbreviation."""

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days of the week, Monday first (``datetime.date.weekday`` order)."""
WEEKDAYS = [name.lower() for name in WEEKDAY_NAMES]
"""Lower-cased weekday names; the index is ``datetime.date.weekday()``."""
WEEKDAY_PREFIXES = tuple(name[:3] for name in WEEKDAY_NAMES)
"""The first three letters of each weekday ("Mon" … "Sun")."""

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
"""Numbers written as words, as in "two years ago" or "three soldiers"."""

FUTURE_CUE = re.compile(
    r"\b(?:[Ww]ill|[Ww]ould|[Ss]hall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"expected\s+to|set\s+to|to\s+be|aims?\s+to|seeks?\s+to|wants?\s+to|hopes?\s+to|"
    r"upcoming|next|is\s+due|are\s+due|scheduled)\b|[’']ll\b"
)
"""Words that tell of something to come ("will", "plans to", "is due", "next", "’ll")."""

EXCLUDE_VERBS = ("rule out", "exclude", "preclude")
"""Verbs that deny a possibility ("ruled out sanctions"); denied themselves ("did not rule
out", "refused to rule out", "would not exclude") they leave their object possible: the
object's event is hypothetical, not negated."""
EXCLUDE_VERB = re.compile(
    r"\b(?:rul(?:e|es|ed|ing)\s+out|exclud(?:e|es|ed|ing)|preclud(?:e|es|ed|ing))\b", re.I
)
"""``EXCLUDE_VERBS`` in any inflection, as written."""

TIME_PREPOSITIONS = frozenset("after before following since during amid amidst until till".split())
"""Prepositions whose object tells the time of what it modifies ("the sanctions imposed after
the 1998 tests": 1998 is the sanctions' time, though it names the tests)."""
TIME_NOUNS = frozenset("wake aftermath eve run-up time days weeks months years".split())
"""Nouns that tell a time by what they are "of" ("in the wake of the 2022 floods")."""

SAME_TIME_CUES = (
    "hours after", "hours before", "shortly after", "shortly before", "soon after",
    "along with", "together with", "alongside",
)  # fmt: skip
"""Words that tell a happening at (about) the time of another one, named by the definite noun
that follows ("closed the crossings hours after the attack", "Along with the aid cut, the US
held back …"): the happening takes the date of the one named."""
