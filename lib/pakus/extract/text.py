"""Tokens, sentences and clauses, with character offsets into the original text."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from pakus.extract.words import MONTH_ABBREVIATIONS, MONTH_NAMES

WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+")
"""A word token: an abbreviation with dots (``U.S.``, ``D.C.``) or a run of letters/digits."""

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "prof",
        "rev",
        *(abbr.lower() for abbr in MONTH_ABBREVIATIONS),
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "govt",
    ]
)

_END = re.compile(r"(?<![.!?])[.!?]++[\"”’')\]]*(?=\s|[\"“‘(]?[A-Z])")
"""A possible sentence end: a whole run of ``.!?`` (never part of one: the look-behind and
the possessive ``++`` keep the search linear in a long run of full stops), closing quotes or
brackets, then a space or a capital."""

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters that break a line: those of Python's ``str.splitlines`` (LF, CR, VT, FF,
the file, group and record separators, NEL U+0085, LINE SEPARATOR U+2028 and PARAGRAPH
SEPARATOR U+2029), so a lone carriage return (old Mac files) ends a line too."""

_LINE = re.compile(f"[^{LINE_BREAKS}]+")

DATELINE_DASH = r"(?:[:—–]|--?(?=[ \t]))"
"""What ends a dateline: a colon, an en or em dash, or a plain hyphen, or two (the
typewriter's dash), before a space (wires write "KARACHI, Jan 6 (Reuters) - The …" with the
keyboard's hyphen, "ISLAMABAD, Pakistan, Oct. 28 (UPI) -- At least …" with two)."""
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.'\-]+(?:[ \t/]+[A-Z][A-Za-z.'\-]+){0,3})(?:,[ \t]*[A-Z][A-Za-z.]+)?,"
    rf"[ \t]+(?P<date>(?P<m>{'|'.join(MONTH_NAMES + MONTH_ABBREVIATIONS)})\.?[ \t]+"
    r"(?P<d>[0-3]?\d)(?:,?[ \t]+(?P<y>19\d\d|20\d\d))?)"
    rf"[ \t]*(?:\([A-Z][\w .&-]{{1,30}}\)[ \t]*{DATELINE_DASH}?|(?:[A-Z]{{2,6}}[ \t]*)?{DATELINE_DASH})",
    re.M,
)
"""A story's dated dateline at the start of a line: a place in capitals or with capitals
(one or more, "Islamabad/Washington"), perhaps its state, the date (``date``: month ``m``,
day ``d``, year ``y`` if given), then the outlet in brackets, perhaps with
``DATELINE_DASH`` ("ISLAMABAD, Oct 21 (Reuters) –", "NEW DELHI, March 7 (PTI) On …"), or
perhaps the outlet's bare initials and ``DATELINE_DASH`` ("WASHINGTON, October 21:",
"Rawalpindi, Sept 3 PPI:", "Islamabad/Washington, March 25:").
It is a heading, not part of the first sentence: ``sentence_spans`` keeps it apart."""

PLACE_LINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z]{3}[A-Z.'\-]*(?:[ \t]+[A-Z][A-Z.'\-]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][a-z]+)?)?[ \t]*"
    r"(?:\([A-Z][\w .&-]{1,30}\)[ \t]*)?(?:[—–]|--?(?=[ \t])|:(?=[ \t]+[A-Z]))"
)
"""An undated dateline opening a line: a place in capitals, perhaps its state or country,
perhaps the outlet in brackets, then a dash or a colon ("ISLAMABAD—The …", "ISLAMABAD,
Pakistan — …", "WASHINGTON: India …"). Like ``DATELINE`` it is a heading, not part of the
first sentence, wherever the dash stands (with or without spaces around it)."""

MAX_WORD_BEFORE_STOP = 64
"""How far (characters) ``_is_sentence_end`` looks back from a full stop for the word it
ends; words in running text are far shorter, and the bound keeps sentence splitting linear
in a run like ``U.S.U.S.…`` (without it, each full stop walked back over the whole run)."""
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[\"“A-Z])|\s[–—]\s|,\s+(?=(?:but|while|whereas|although|though|which|who|"
    r"after|before|when|as well as|and then|and)\b)|,\s+(?=(?:a|an|the)\s+[\w-]+\s+(?:that|which)\b)|"
    r",\s+(?=(?:in|of|by|during|under|for|from|after)\s+which\b)|"
    r",\s+(?=(?:(?:a|one|two|three|several|some|just|only|barely)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)\b)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as character offsets into ``text``.

    A line break (any of ``LINE_BREAKS``) always ends a sentence, and so does a dateline
    opening a line (``DATELINE``, or an undated one: ``PLACE_LINE``); within a line, a run of ``.!?`` followed by a space or a
    capital does, unless the full stop ends an initial (``J.``), a dotted abbreviation
    (``U.S.``) or a word of ``ABBREVIATIONS``. Time is linear in the length of the text.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        base, chunk = line.start(), line.group()
        start = 0
        heading = DATELINE.match(chunk) or PLACE_LINE.match(chunk)
        if heading:
            _append_trimmed(spans, chunk, base, 0, heading.end())
            start = heading.end()
        words: list[int] | None = None  # starts of the line's runs of word characters and dots
        for m in _END.finditer(chunk, start):
            if m.group().startswith("."):
                if words is None:
                    words = [w.start() for w in _WORD_AND_DOTS.finditer(chunk)]
                if not _is_sentence_end(chunk, m.start(), word_before(words, m.start())):
                    continue
            end = m.end()
            _append_trimmed(spans, chunk, base, start, end)
            start = end
        _append_trimmed(spans, chunk, base, start, len(chunk))
    return spans


_WORD_AND_DOTS = re.compile(r"[\w.]+")


def word_before(starts: list[int], pos: int) -> int:
    """Where the word ending at the full stop at ``pos`` starts: the start of its run of
    word characters and dots (``starts``: the start of each run of ``[\\w.]+`` in the line),
    but at most ``MAX_WORD_BEFORE_STOP`` characters back."""
    return max(starts[bisect.bisect_right(starts, pos) - 1], pos - MAX_WORD_BEFORE_STOP)


def _is_sentence_end(chunk: str, pos: int, word_start: int) -> bool:
    """Whether the full stop at ``chunk[pos]`` ends a sentence, given where the word before
    it starts (``word_before``)."""
    before = chunk[word_start:pos]
    word = before.rsplit(".", 1)[-1] if "." in before else before
    if len(word) == 1 and word.isupper():  # an initial: "Lloyd J. Austin", "U.S."
        return False
    if "." in before and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", before):
        return False  # "U.S", "D.C" before the final dot
    return word.lower() not in ABBREVIATIONS


def _append_trimmed(spans: list[tuple[int, int]], chunk: str, base: int, s: int, e: int) -> None:
    piece = chunk[s:e]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((base + s + lead, base + s + lead + len(stripped)))


_LEADING_ADVERBIAL = re.compile(
    r"(?:During|Following|After|Before|Since|Despite|Amid|Amidst|Notwithstanding|Upon|On\s+his|"
    r"On\s+her|On\s+their|In\s+the\s+wake\s+of|In\s+the\s+aftermath\s+of)\b[^,;]{3,120}?,\s+"
)


_PARENTHETICAL = re.compile(
    r",\s+(?P<body>(?:following|after|during|amid|despite|in\s+the\s+wake\s+of)\b[^,;]{3,120}),"
)
_RELATIVE_END = re.compile(r",\s+(?=(?:the|a|an)\s|[A-Z]|[a-z]{3,}ed\b)")
"""Where a relative clause (", who …") ends: before an article, a name or a past-tense verb."""


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the sentence ``text[start:end]`` into clauses: a leading adverbial phrase
    ("During his visit, …"), a parenthetical one (", following the attack in May,"), a
    relative clause (", which …,"), and at ``;``, colons, dashes and conjunctions."""
    cuts: list[tuple[int, int]] = []  # (where a clause ends, where the next one starts)
    lead = _LEADING_ADVERBIAL.match(text, start, end)
    if lead:
        cuts.append((start + len(lead.group().rstrip(", \t")), lead.end()))
    for m in _PARENTHETICAL.finditer(text, start, end):
        cuts += [(m.start(), m.start("body")), (m.end("body"), m.end())]
    close: re.Match[str] | None = None
    searched = False
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        cuts.append((m.start(), m.end()))
        if re.match(r"(?:which|who)\b", text[m.end() : m.end() + 6]):
            # the first end at or after m.end(): the last search's answer while it lies
            # ahead (so many relative clauses without an end cost one pass, not one each)
            if not searched or (close is not None and close.start() < m.end()):
                close = _RELATIVE_END.search(text, m.end(), end)
                searched = True
            if close:
                cuts.append((close.start(), close.end()))
    spans = []
    cursor = start
    for stop, nxt in [*sorted(cuts), (end, end)]:
        if stop < cursor:
            continue
        while cursor < stop and text[cursor].isspace():
            cursor += 1
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = max(cursor, nxt)
    return spans


_WORD_SPLIT = re.compile(f"({WORD.pattern})")


def tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """The word tokens of ``text`` (``WORD``) with their start and end offsets. Splitting
    the text and summing the pieces' lengths avoids a match object per token."""
    pieces = _WORD_SPLIT.split(text)  # gap, word, gap, word, …, gap
    bounds = list(accumulate(map(len, pieces)))
    return pieces[1::2], bounds[0:-1:2], bounds[1::2]


def token_key(token: str) -> str:
    """The case-folded form of a token without dots, used to match names."""
    return token.replace(".", "").casefold()


_CONNECTIVE = re.compile(
    r"^(?:Furthermore|Moreover|However|Meanwhile|Additionally|Also|Indeed|Still|Yet|Then|Later|"
    r"Earlier|Previously|Subsequently|Afterwards|Thereafter|Before that|After that|"
    r"Separately|Similarly|Likewise|In addition|Since then),\s+"
)

_OPENING_WORDS = frozenset(
    "In On At During After Following Since By Before Until Through Throughout Amid Over Within "
    "From Last This Early Late Earlier Later Months Weeks Days Years Shortly Soon".split()
)
"""Words that open a sentence with a time phrase rather than with its subject."""


def opens_sentence(text: str, s_start: int, start: int) -> bool:
    """Whether the phrase at ``start`` opens the sentence that starts at ``s_start`` ("In May
    2018, …", "Last year, …", "Furthermore, after the floods last year, …"): after a
    connective, at most six words and no comma before it, and either at most two words or a
    first word that opens a time phrase (not the end of the first clause: "Washington cut aid
    in 1971, and …")."""
    lead = _CONNECTIVE.sub("", text[s_start:start], count=1)
    words = lead.split()
    opening = len(words) <= 2 or words[0].capitalize() in _OPENING_WORDS
    return len(words) <= 6 and "," not in lead and opening
