"""Money in US dollars (with what it is for) and counts of people and things."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pakus.extract.mentions import AmountMention, CountMention, DateMention, EntityMention
from pakus.extract.scan import Anchor, Scan
from pakus.extract.spans import Spans, starting_in
from pakus.extract.trie import trie_pattern
from pakus.extract.words import MONTH_NAMES, NUMBER_WORDS

_SCALES = {
    "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|mln|mn|bn|tn|m|b"
_QUALIFIER = (
    r"more than|over|about|around|nearly|almost|up to|at least|some|roughly|approximately|"
    r"close to|less than|under|an estimated|upwards of"
)
_CURRENCY = r"(?:US\s?\$|USD\s?|\$)"
_RANGE_END = (
    rf"(?:\s*(?:-|–|to)\s*(?:US\s?\$|USD\s?|\$)?\s?(?P<n2>{_NUMBER})(?:\s*(?P<s2>{_SCALE})\b)?)?"
)
# each pattern starts with a literal, so the regex engine skips quickly to candidates
_SYMBOL = re.compile(rf"\$\s?(?P<n1>{_NUMBER})(?:\s*(?P<s1>{_SCALE})\b)?{_RANGE_END}", re.I)
_USD = re.compile(rf"\bUSD\s?(?P<n1>{_NUMBER})(?:\s*(?P<s1>{_SCALE})\b)?{_RANGE_END}", re.I)
_WORDS = re.compile(
    rf"(?<![\d.,])(?P<n3>{_NUMBER})\s*(?P<s3>million|billion|trillion)?\s+(?:US\s+|American\s+)?dollars\b",
    re.I,
)
_BETWEEN_ANCHOR = Anchor.words(["between"])
_USD_ANCHOR = Anchor.words(["usd"])
_DOLLARS_ANCHOR = Anchor.words(["dollars"])
_QUALIFIER_BEFORE = re.compile(rf"(?:^|[\s(])(?P<qual>{_QUALIFIER})\s+(?:US\s?)?$", re.I)
_US_BEFORE = re.compile(r"\bUS\s?$")
_BETWEEN = re.compile(rf"\bbetween\s+{_CURRENCY}\s?(?P<n1>{_NUMBER})\s*(?P<s1>{_SCALE})?\s+and\s+"
                      rf"{_CURRENCY}?\s?(?P<n2>{_NUMBER})\s*(?P<s2>{_SCALE})\b", re.I)  # fmt: skip
_STOP_ALTERNATIVES = (
    r"\s+in\s+(?:a\s+bid|order)|\s+as\s+|\s+to\s+(?:[a-z]+)\b|\s+which\b|\s+that\b|\s+while\b|"
    r"\s+and\s+(?:the|a|an|to)\b|\s+since\b|\s+after\b|[,.;:(—–]|$|"
    r"\s+(?:in|on|by|during|until)\s+(?:(?:early|mid|late)[\s-]+)?(?:(?:19|20)\d\d|(?:"
    + "|".join(MONTH_NAMES)
    + r")\b)"
)
_STOP = rf"(?={_STOP_ALTERNATIVES})"
_FOR_AFTER = re.compile(rf"^\s*(?:[a-z\-]+\s+){{0,2}}?for\s+(?P<p>.{{3,100}}?){_STOP}")
_IN_AFTER = re.compile(
    rf"^\s*(?:in|of)\s+(?!(?:it|them|this|that|these|those)\b)(?P<p>[A-Za-z][\w’'\- ]{{2,60}}?)(?=\s+(?:for|from|to)\b|{_STOP_ALTERNATIVES})"
)
_HEAD_AFTER = re.compile(
    r"^\s*(?P<p>(?:(?!(?:in|of|for|to|from|by|on|at)\b)[a-z\-]+\s+){0,2}"
    r"(?:package|deal|sale|loan|grant|aid|fund|tranche|programme|program|contract|bailout|"
    r"deposit|credit|facility))\b"
)
_NP_BEFORE = re.compile(
    r"(?P<p>(?:[\w’'\-]+\s+){1,5}?)(?:worth|totalling|totaling|amounting\s+to|amounts?\s+to|"
    r"valued\s+at|standing\s+at|of|at|reached|reach)\s+$"
)
_NP_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "by",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "which",
        "now",
        "it",
    ]
)


def usd_text(usd: float) -> str:
    """Money as documents write it: $450 million, $1.5 billion, $34.2 billion."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if usd >= scale:
            number = f"{usd / scale:,.1f}".removesuffix(".0")
            return f"${number} {word}"
    return f"${usd:,.0f}"


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * (_SCALES[scale.lower()] if scale else 1.0)


_RATE = re.compile(r"^\s+(?:a|per|each|every)\s+(?:year|month|week)|^\s+annually|^\s+yearly")


_WHEN = re.compile(
    r"(?:(?:the\s+)?(?:fiscal\s+year|FY)\s*'?\d{2,4}(?:\s*[-–]\s*(?:FY)?\d{2,4})?|(?:19|20)\d\d)",
    re.I,
)


def _purpose(sentence: str, rel_start: int, rel_end: int) -> str:
    after = sentence[rel_end:]
    rate = _RATE.match(after)  # "$1.5 billion a year in civilian aid"
    if rate:
        after = after[rate.end() :]
    before = sentence[:rel_start]
    head = _HEAD_AFTER.match(after)
    for pattern in (_FOR_AFTER, _IN_AFTER):
        m = pattern.match(after[head.end() :] if head else after)
        if m and not _WHEN.fullmatch(m.group("p").strip()):  # "for FY2016" tells when, not what
            p = m.group("p").strip()
            return f"{head.group('p').strip()} for {p}" if head and pattern is _FOR_AFTER else p
    if head:
        return head.group("p").strip()
    m = _NP_BEFORE.search(before)
    if m:
        words = m.group("p").split()
        while words and words[0].lower() in _NP_STOP_WORDS:
            words.pop(0)
        return " ".join(words)
    return ""


def compile_purposes(purposes: pd.DataFrame) -> list[tuple[str, re.Pattern[str]]]:
    """The purpose categories of ``amount_purposes.csv`` as (category, keyword regex), in order."""
    return [
        (
            row.category,
            re.compile(
                rf"(?<![\w-])(?:{trie_pattern(k.lower() for k in row.keywords.split('|'))})(?![\w-])",
                re.I,
            ),
        )
        for row in purposes.itertuples(index=False)
    ]


def _category(purpose: str, sentence: str, purposes: list[tuple[str, re.Pattern[str]]]) -> str:
    for text in (purpose, sentence):
        for category, pattern in purposes:
            if pattern.search(text):
                return category
    return ""


def amount_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[EntityMention],
    dates: Sequence[DateMention],
    purposes: list[tuple[str, re.Pattern[str]]],
) -> list[AmountMention]:
    """Money amounts in US dollars, with their qualifier, range, purpose, programme and FY."""
    out: list[AmountMention] = []
    taken = Spans()
    if "$" not in text and "USD" not in text and "dollars" not in text.lower():
        return out
    sentence_starts = [s for s, _ in sentences]
    programs = [e for e in entities if e.type == "program"]
    program_starts = [e.start for e in programs]
    fiscal_years = [d for d in dates if d.precision == "fiscal_year"]
    fy_starts = [d.start for d in fiscal_years]
    scan = Scan(text)
    matches = list(scan.near(_BETWEEN, _BETWEEN_ANCHOR, before=10, after=80))
    matches += list(_SYMBOL.finditer(text))
    matches += list(scan.near(_USD, _USD_ANCHOR, before=10, after=80))
    matches += list(scan.near(_WORDS, _DOLLARS_ANCHOR, before=80, after=10))
    for m in matches:
        start = m.start()
        us = _US_BEFORE.search(text, max(0, start - 3), start)
        if us and m.re is _SYMBOL:
            start = us.start()
        qual_m = _QUALIFIER_BEFORE.search(text, max(0, start - 25), start)
        if qual_m and m.re is not _BETWEEN:
            start = qual_m.start("qual")
        if taken.overlaps(start, m.end()):
            continue
        g = m.groupdict()
        qual = qual_m.group("qual") if qual_m and m.re is not _BETWEEN else ""
        if g.get("n3"):
            usd, usd_max = _value(g["n3"], g["s3"]), None
        else:
            s1, s2 = g.get("s1"), g.get("s2")
            if g.get("n2") and not s1 and s2:
                s1 = s2
            usd = _value(g["n1"], s1)
            usd_max = _value(g["n2"], s2 or s1) if g.get("n2") else None
            if usd_max is not None and usd_max <= usd:
                usd_max = None
        taken.add(start, m.end())
        k = bisect.bisect_right(sentence_starts, start) - 1
        sent = sentences[k] if k >= 0 and start < sentences[k][1] else (start, m.end())
        sentence = text[sent[0] : sent[1]]
        purpose = _purpose(sentence, start - sent[0], m.end() - sent[0])
        program = next((e.id for e in starting_in(programs, program_starts, *sent)), "")
        fy = next((int(d.note[2:6]) for d in starting_in(fiscal_years, fy_starts, *sent)), None)
        out.append(
            AmountMention(
                start,
                m.end(),
                text[start : m.end()],
                usd,
                usd_max,
                qual.lower(),
                purpose,
                _category(purpose, sentence, purposes),
                program,
                fy,
            )
        )
    return sorted(out, key=lambda a: a.start)


@dataclass(frozen=True)
class CountPattern:
    """The count pattern for the units of ``count_units.csv``, anchored on the unit words."""

    pattern: re.Pattern[str]
    anchor: Anchor


def compile_counts(units: pd.DataFrame) -> CountPattern:
    """Compile the count pattern once for a table of counting units."""
    unit_alt = "|".join(sorted((re.escape(u) for u in units["unit"]), key=len, reverse=True))
    words = "|".join(w for w in NUMBER_WORDS if w not in {"a", "an"})
    pattern = re.compile(
        rf"(?<![\w$.,])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{words}|dozens|hundreds|thousands)\s+"
        rf"(?:(?:[A-Za-z’'\-]+)\s+){{0,2}}?(?P<unit>{unit_alt})(?:e?s)?\b"
        rf"(?:\s+(?P<head>{unit_alt})(?:e?s)?\b)?",
        re.I,
    )
    return CountPattern(pattern, Anchor.words(units["unit"]))


def count_mentions(
    text: str, counts: CountPattern, amounts: Sequence[AmountMention]
) -> list[CountMention]:
    """Counts of people and things ("66 slots", "two Pakistani military officers")."""
    out: list[CountMention] = []
    money = Spans()
    for a in amounts:
        money.add(a.start, a.end)
    for m in Scan(text).near(counts.pattern, counts.anchor, before=100, after=10):
        n = m.group("n").lower()
        if re.fullmatch(r"(?:19|20)\d\d", n) or money.overlaps(m.start(), m.start() + 1):
            continue
        if n in {"dozens", "hundreds", "thousands"}:
            continue
        value = NUMBER_WORDS.get(n) or int(n.replace(",", ""))
        unit = m.group("head") or m.group("unit")  # "400 drone strikes" counts strikes
        out.append(CountMention(m.start(), m.end(), m.group(), value, unit.lower()))
    return out
