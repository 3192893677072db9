"""Money in US dollars (with what it is for) and counts of people and things."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
from text_to_num import text2num

from pakus.extract.mentions import AmountMention, CountMention, DateMention, EntityMention
from pakus.extract.scan import Anchor, Scan, joined
from pakus.extract.spans import Spans, starting_in
from pakus.extract.trie import trie_pattern
from pakus.extract.words import MONTH_NAMES, NUMBER_WORDS
from pakus.reference import extraction_tables

_SCALES = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lac": 1e5, "million": 1e6, "mn": 1e6, "m": 1e6,
    "mln": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9, "b": 1e9, "lakh crore": 1e12,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
"""Scale words and their factors; lakh (100,000) and crore (10,000,000) are the South Asian
numbering units (Oxford English Dictionary)."""
_NUMBER = r"\d+(?:(?:,|[ \u00a0\u202f](?=\d{3}(?![\d,.])))\d+)*(?:\.\d+)?"
"""A number as written: digits grouped by commas (any grouping here; ``_number`` checks it)
or by spaces in threes ("13 009"), with decimals."""
_SCALE = r"lakh\s+crore|thousand|million|billion|trillion|lakh|lac|crore|mln|mn|bn|tn|m|b|k"
_QUALIFIER = (
    r"more than|over|about|around|nearly|almost|up to|at least|some|roughly|approximately|"
    r"close to|less than|under|an estimated|upwards of"
)
_CURRENCY = r"(?:US\s?\$|USD\s?|\$)"
_TO_SCALE = r"(?:\s*|-)"
"""What may lie between a number and its scale: spaces, none, or a hyphen, as in the compound
adjective "a $1.5-billion package" (the hyphenated form newspapers use before a noun)."""
_RANGE_END = (
    rf"(?:\s*(?:-|–|to)\s*(?:US\s?\$|USD\s?|\$)?\s?(?P<n2>{_NUMBER})"
    rf"(?:{_TO_SCALE}(?P<s2>{_SCALE})\b)?)?"
)
_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred"
).split()
_CARD = "|".join(sorted(_CARDINALS, key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?P<half_a>half\s+an?)|(?P<card>(?:{_CARD})(?:(?:[\s-]+|\s+and\s+)(?:{_CARD}))*)"
    rf"(?P<and_half>\s+and\s+a\s+half)?|(?P<one>an?)"
)
"""A number in words before a scale: "half a", "one and a half", "two hundred", "a"."""
_WORD_SCALE = r"thousand|million|billion|trillion|lakh|crore"
_BETWEEN_ANCHOR = Anchor.words(["between"])
_QUALIFIER_BEFORE = re.compile(rf"(?:^|[\s(])(?P<qual>{_QUALIFIER})\s+(?:US\s?)?$", re.I)
_US_BEFORE = re.compile(r"\bUS\s?$")
_BETWEEN = re.compile(rf"\bbetween\s+{_CURRENCY}\s?(?P<n1>{_NUMBER})\s*(?P<s1>{_SCALE})?\s+and\s+"
                      rf"{_CURRENCY}?\s?(?P<n2>{_NUMBER})\s*(?P<s2>{_SCALE})\b", re.I)  # fmt: skip
_MORE_DIGITS = re.compile(r"[ \u00a0\u202f]?\d|[.,]\d")
"""What may not follow a number's match: digits it would leave behind. A number followed by
them is oddly grouped ("$13 09 million"), and is rejected rather than cut short."""
_WESTERN = re.compile(r"\d{1,3}(?:,\d{3})+")
_SOUTH_ASIAN = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}")
"""Digit groupings read whole: 1,234,567 and the South Asian 12,34,567 (lakh and crore)."""
_REACH = 200
"""How far (characters) around an amount, inside its sentence, its purpose and category are
read: every per-amount window is bounded, so a sentence of many amounts takes linear time."""
_STOP_ALTERNATIVES = (
    r"\s+in\s+(?:a\s+bid|order)|\s+as\s+|\s+to\s+(?:[a-z]+)\b|\s+which\b|\s+that\b|\s+while\b|"
    r"\s+and\s+(?:the|a|an|to)\b|\s+and\s+(?=\S*\d)|\s+since\b|\s+after\b|[,.;:(—–]|$|"
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
_LINK_BEFORE = re.compile(r"\b(?:worth|totalling|totaling|to|valued\s+at|at|of|reached|reach)\s+$")
"""The word that links an amount to a noun phrase before it; ``_NP_BEFORE`` runs only after
one (and over the last 120 characters), so that each amount's search is short."""
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


def _purpose(sentence: str, rel_start: int, rel_end: int) -> tuple[str, tuple[int, int] | None]:
    """What the amount at ``sentence[rel_start:rel_end]`` is for, in the sentence's words, and
    where that phrase lies (offsets into ``sentence``; None when there is none)."""
    after = sentence[rel_end:]
    at = rel_end
    rate = _RATE.match(after)  # "$1.5 billion a year in civilian aid"
    if rate:
        after, at = after[rate.end() :], at + rate.end()
    before = sentence[:rel_start]
    head = _HEAD_AFTER.match(after)
    for pattern in (_FOR_AFTER, _IN_AFTER):
        rest_at = at + head.end() if head else at
        m = pattern.match(after[head.end() :] if head else after)
        if m and not _WHEN.fullmatch(m.group("p").strip()):  # "for FY2016" tells when, not what
            p = m.group("p").strip()
            end = rest_at + m.end("p")
            if head and pattern is _FOR_AFTER:
                return f"{head.group('p').strip()} for {p}", (at + head.start("p"), end)
            return p, (rest_at + m.start("p"), end)
    if head:
        return head.group("p").strip(), (at + head.start("p"), at + head.end("p"))
    m = (
        _NP_BEFORE.search(before, max(0, len(before) - 120))
        if _LINK_BEFORE.search(before[-25:])
        else None
    )
    if m:
        words = m.group("p").split()
        while words and words[0].lower() in _NP_STOP_WORDS:
            words.pop(0)
        return " ".join(words), (m.start("p"), m.end("p"))
    return "", None


def compile_purposes(purposes: pd.DataFrame) -> list[tuple[str, re.Pattern[str]]]:
    """The purpose categories of ``amount_purposes.csv`` as (category, keyword regex), in
    order. The regexes match lower-cased text and start with their keywords (no lookbehind,
    so that ``re`` skips ahead on a keyword's first letters): ``_category`` checks that a hit
    does not start inside a word."""
    return [
        (
            row.category,
            re.compile(rf"(?:{trie_pattern(k.lower() for k in row.keywords.split('|'))})(?![\w-])"),
        )
        for row in purposes.itertuples(index=False)
    ]


def _category(purpose: str, sentence: str, purposes: list[tuple[str, re.Pattern[str]]]) -> str:
    """The first category (in table order) with a keyword in ``purpose``, else in
    ``sentence`` (the words around the amount)."""
    for text in (purpose, sentence):
        low = text.lower()
        if len(low) != len(text):  # lowering changed the length: lower letter by letter
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        for category, pattern in purposes:
            if any(not joined(low, m.start() - 1) for m in pattern.finditer(low)):
                return category
    return ""


@dataclass(frozen=True)
class MoneyRules:
    """The currency forms of ``currencies.csv``, compiled: forms written before the number
    (``$``, ``A$``, ``Rs``) and after it (``dollars``, ``Australian dollars``), each with its
    ISO 4217 candidates and their states."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    after_anchor: Anchor
    currencies: dict[str, tuple[tuple[str, str], ...]]
    """Form (lower case for words after the number) → ((currency, state), …)."""


def compile_money(currencies: pd.DataFrame) -> MoneyRules:
    """Compile ``currencies.csv`` (see pakus/data/reference/README.md). Raises ValueError on a
    position other than ``before``/``after`` or candidates not aligned with their states."""
    forms: dict[str, tuple[tuple[str, str], ...]] = {}
    before, after = [], []
    for row in currencies.itertuples(index=False):
        codes, states = row.currency.split("|"), row.states.split("|")
        if len(codes) != len(states) or row.position not in {"before", "after"}:
            raise ValueError(f"currencies.csv: {row.form}: bad position or states")
        key = row.form if row.position == "before" else row.form.lower()
        forms[key] = tuple(zip(codes, states, strict=True))
        (before if row.position == "before" else after).append(row.form)
    words = trie_pattern([w.lower() for w in after], space=r"\s+")
    units = trie_pattern(sorted({w.split()[-1].lower().removesuffix("s") for w in after}))
    unit_adjective = rf"(?:-(?:{units})s?\b(?!-))?"  # "$1.5 billion-dollar deal"
    before_re = re.compile(  # case-sensitive forms: a literal start lets re skip ahead fast
        rf"(?P<cur>{trie_pattern(before)})\s?(?P<n1>{_NUMBER})"
        rf"(?i:(?:{_TO_SCALE}(?P<s1>{_SCALE})\b{unit_adjective})?{_RANGE_END})"
    )
    after_re = re.compile(
        rf"(?<![\w.,$-])(?:(?P<n3>{_NUMBER})|(?:{_WORD_NUMBER})(?=\s+(?:{_WORD_SCALE})\b))"
        rf"(?:{_TO_SCALE}(?P<s3>{_SCALE})\b)?\s+(?P<cur>{words})\b",
        re.I,
    )
    anchor = Anchor.words([w.split()[-1] for w in after])
    return MoneyRules(before_re, after_re, anchor, forms)


@cache
def default_money() -> MoneyRules:
    """The money rules of the default reference folder."""
    return compile_money(extraction_tables().currencies)


def _number(raw: str) -> float | None:
    """The value of a number as written, or None where its digit grouping is neither the
    international (1,234,567) nor the South Asian (12,34,567) one: never a part of it."""
    whole = raw.split(".")[0]
    if "," in whole and not (_WESTERN.fullmatch(whole) or _SOUTH_ASIAN.fullmatch(whole)):
        return None
    return float(re.sub(r"[,\s\u00a0\u202f]", "", raw))


def _words_value(m: re.Match[str]) -> float | None:
    """The value of a number in words ("one and a half", "half a", "two hundred"): the
    cardinal read by text2num (a maintained number-words parser), plus the fraction."""
    if m.group("half_a"):
        return 0.5
    if m.group("one"):
        return 1.0
    try:
        value = float(text2num(" ".join(m.group("card").replace("-", " ").split()), "en"))
    except ValueError:
        return None
    return value + (0.5 if m.group("and_half") else 0.0)


def _scale(word: str | None) -> float:
    return _SCALES[" ".join(word.lower().split())] if word else 1.0


def _currency(form: str, rules: MoneyRules, states: Sequence[tuple[int, str]], at: int) -> str:
    """The ISO 4217 code of a currency form; for a form several states write ("Rs"), the
    currency of the state named nearest to ``at`` in ``states`` ((offset, state) in the
    sentence), else ""."""
    key = form if form in rules.currencies else " ".join(form.lower().split())
    candidates = rules.currencies.get(key) or rules.currencies.get(form.upper(), ())
    if len(candidates) == 1:
        return candidates[0][0]
    by_state = {state: code for code, state in candidates}
    near = sorted((abs(offset - at), state) for offset, state in states if state in by_state)
    return by_state[near[0][1]] if near else ""


def _parse(
    m: re.Match[str], rules: MoneyRules, states: Sequence[tuple[int, str]]
) -> tuple[str, float, float | None] | None:
    """(currency, value, value_max) of a match, or None when a number in it is oddly
    grouped."""
    g = m.groupdict()
    currency = "USD" if m.re is _BETWEEN else _currency(g["cur"], rules, states, m.start())
    if g.get("n3") is not None or g.get("card") or g.get("half_a") or g.get("one"):
        base = _number(g["n3"]) if g.get("n3") is not None else _words_value(m)
        if base is None:
            return None
        return currency, base * _scale(g.get("s3")), None
    s1, s2 = g.get("s1"), g.get("s2")
    if g.get("n2") and not s1 and s2:
        s1 = s2
    low = _number(g["n1"])
    high = _number(g["n2"]) if g.get("n2") else None
    if low is None or (g.get("n2") and high is None):
        return None
    value = low * _scale(s1)
    value_max = high * _scale(s2 or s1) if high is not None else None
    if value_max is not None and value_max <= value:
        value_max = None
    return currency, value, value_max


_MAX_PARTS = 8
"""How many amounts after a sum may be its parts (a bound, so that a sentence of many amounts
takes linear time)."""
_PART_CUE = re.compile(
    r"\b(?:of\s+which|of\s+that|of\s+this|of\s+the\s+total|including|includes|included|"
    r"comprising|comprises|consisting\s+of|split\s+(?:between|into))\b",
    re.I,
)
_EQUIVALENT_OPEN = re.compile(r"\s*\(\s*(?:(?:about|around|roughly|approximately|some|nearly|"
                              r"or|equivalent\s+to|worth)\s+)*\Z", re.I)  # fmt: skip


def _relations(found: list[dict], text: str) -> None:
    """Mark the amounts that are not sums of their own (in place): an amount in brackets
    right after another ("Rs 35,876 crore ($4.5 billion)") is its ``equivalent``; an amount
    after a cue of parts ("of which", "including") following a larger one in the sentence,
    or amounts that together make up an earlier one ("a $699 million package: $430 million
    for … and $269 million for …"), are its ``part``s. ``whole`` is the start of the other."""
    for i, a in enumerate(found):
        if i == 0:
            continue
        prev = found[i - 1]
        gap = text[prev["end"] : a["start"]]
        if prev["sentence"] == a["sentence"] and _EQUIVALENT_OPEN.fullmatch(gap):
            a["role"], a["whole"] = "equivalent", prev["start"]
    by_sentence: dict[tuple[int, int], list[dict]] = {}
    for a in found:
        if not a["role"]:
            by_sentence.setdefault(a["sentence"], []).append(a)
    for group in by_sentence.values():
        for i, whole in enumerate(group):
            following = group[i + 1 : i + 1 + _MAX_PARTS]
            later = [a for a in following if not a["role"] and a["value"] < whole["value"]]
            if not later or whole["currency"] != later[0]["currency"]:
                continue
            gap = text[whole["end"] : later[0]["start"]]
            cue = _PART_CUE.search(gap)
            total = sum(a["value"] for a in later)
            sums = len(later) >= 2 and abs(total - whole["value"]) <= 0.005 * whole["value"]
            if cue or sums:
                for a in later if sums else later[:1]:
                    a["role"], a["whole"] = "part", whole["start"]
                if cue and not sums:  # "of which $430 million … and $269 million …"
                    for a in later[1:]:
                        if a["value"] < whole["value"]:
                            a["role"], a["whole"] = "part", whole["start"]


_NOUNS = frozenset({"NOUN", "PROPN"})
_VALUE_WORDS = frozenset({"worth", "valued", "totalling", "totaling", "amounting", "costing"})


def _phrase(noun: Any, skip: tuple[int, int]) -> tuple[int, int]:
    """Character span of ``noun`` with its compound and adjective modifiers (not those in
    ``skip``, the amount's own characters) and a "for"/"of" phrase after it."""
    tokens = [noun]
    for child in noun.children:
        inside = skip[0] <= child.idx < skip[1]
        before = child.i < noun.i and child.dep_ in {"compound", "amod", "poss"} and not inside
        after = child.i > noun.i and child.dep_ == "prep" and child.lower_ in {"for", "of"}
        if before or after:
            tokens.extend(child.subtree)
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def attached_phrase(parse: Any, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase the amount at ``[start, end)`` belongs to, from a dependency parse
    (a spaCy ``Doc`` of the amount's sentence; offsets relative to it), or None.

    The amount's head token (the one whose head lies outside the amount) decides: a
    modifier of a noun ("a $450 million package") belongs to that noun; the object of a
    value word ("programmes worth around $2 billion") to the noun the value word modifies;
    an amount that heads its own phrase ("gave $2 billion in security assistance",
    "withheld $255 million in Foreign Military Financing") to the object of the first
    "in"/"for" phrase after it, on the amount or on its verb."""
    inside = [t for t in parse if start <= t.idx < end]
    heads = [t for t in inside if not start <= t.head.idx < end or t.head is t]
    if not heads:
        return None
    root = heads[0]
    head = root.head
    if head is not root and head.pos_ in _NOUNS and head.idx >= end:
        return _phrase(head, (start, end))
    if head.lower_ in _VALUE_WORDS and head.head.pos_ in _NOUNS and head.head is not head:
        return _phrase(head.head, (start, end))
    holders = [root, head] if head is not root else [root]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "for"} and child.idx >= end:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
                if objects:
                    return _phrase(objects[0], (start, end))
    return None


def _attached_program(
    programs: Sequence[EntityMention], starts: list[int], sent: tuple[int, int],
    purpose: tuple[int, int] | None,
) -> str:  # fmt: skip
    """The programme the money belongs to: one named inside the noun phrase the amount is
    attached to (``purpose``, as offsets) — "IMET is a small part of US security aid
    programmes worth around $2 billion": the $2 billion is the programmes', not IMET's;
    with no such phrase, the first programme of the sentence.

    The phrase is the one ``attached_phrase`` finds in the sentence's dependency parse
    where ``amount_mentions`` is given parses; without them (``extract_text`` passes none
    until a parse module is part of extraction), the purpose phrase found by the patterns
    above stands for the noun phrase the amount modifies."""
    if purpose is not None:
        inside = starting_in(programs, starts, *purpose)
        return next((e.id for e in inside if e.end <= purpose[1]), "")
    return next((e.id for e in starting_in(programs, starts, *sent)), "")


def amount_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[EntityMention],
    dates: Sequence[DateMention],
    purposes: list[tuple[str, re.Pattern[str]]],
    money: MoneyRules | None = None,
    parses: Mapping[tuple[int, int], Any] | None = None,
) -> list[AmountMention]:
    """Money amounts with their currency (ISO 4217) and value; US dollars also as ``usd``.
    Each with its qualifier, range, purpose, programme and US fiscal year, and its relation
    to another amount (``part`` of a larger sum, or its ``equivalent`` in brackets).
    ``parses``: a dependency parse (spaCy ``Doc``) by sentence span, where there is one, to
    attach each amount to the noun phrase it modifies (see ``attached_phrase``)."""
    rules = money or default_money()
    scan = Scan(text)
    matches = list(rules.before.finditer(text))
    if "$" in text or "USD" in text:  # "between $300 million and $400 million"
        matches += scan.near(_BETWEEN, _BETWEEN_ANCHOR, before=10, after=80)
    matches += scan.near(rules.after, rules.after_anchor, before=80, after=30)
    if not matches:
        return []
    sentence_starts = [s for s, _ in sentences]
    programs = [e for e in entities if e.type == "program"]
    program_starts = [e.start for e in programs]
    fiscal_years = [d for d in dates if d.fiscal_year is not None and d.fiscal_calendar == "USA"]
    fy_starts = [d.start for d in fiscal_years]
    ent_starts = [e.start for e in entities]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    taken = Spans()
    found: list[dict] = []
    for m in matches:
        start = m.start()
        if (
            m.re is rules.before
            and start > 0
            and (text[start - 1].isalpha() or text[start - 1] == "$")
        ):
            continue  # a form inside a word ("PRs 5"); the pattern has no lookbehind, to be fast
        num_end = m.end("n1") if m.groupdict().get("n1") else -1
        if m.groupdict().get("n3"):
            num_end = m.end("n3")
        if num_end >= 0 and _MORE_DIGITS.match(text, num_end):
            continue  # "$13 09 million": oddly grouped, never cut short
        us = _US_BEFORE.search(text, max(0, start - 3), start)
        if us and m.re is rules.before and m.group("cur") == "$":
            start = us.start()
        qual_m = _QUALIFIER_BEFORE.search(text, max(0, start - 25), start)
        if qual_m and m.re is not _BETWEEN:
            start = qual_m.start("qual")
        if taken.overlaps(start, m.end()):
            continue
        k = bisect.bisect_right(sentence_starts, start) - 1
        sent = sentences[k] if k >= 0 and start < sentences[k][1] else (start, m.end())
        lo, hi = max(sent[0], start - _REACH), min(sent[1], m.end() + _REACH)
        states = [
            (e.start, e.id if e.type == "state" else e.affiliation)
            for e in starting_in(entities, ent_starts, lo, hi)
        ]
        parsed = _parse(m, rules, states)
        if parsed is None:
            continue
        currency, value, value_max = parsed
        taken.add(start, m.end())
        window = text[lo:hi]
        purpose, span = _purpose(window, start - lo, m.end() - lo)
        purpose_at = (lo + span[0], lo + span[1]) if span else None
        parse = parses.get(sent) if parses else None
        if parse is not None:
            phrase = attached_phrase(parse, start - sent[0], m.end() - sent[0])
            purpose_at = (sent[0] + phrase[0], sent[0] + phrase[1]) if phrase else None
        qual = qual_m.group("qual") if qual_m and m.re is not _BETWEEN else ""
        fy = next((d.fiscal_year for d in starting_in(fiscal_years, fy_starts, *sent)), None)
        found.append({
            "start": start, "end": m.end(), "sentence": sent, "currency": currency,
            "value": value, "value_max": value_max, "qualifier": qual.lower(),
            "purpose": purpose, "category": _category(purpose, window, purposes),
            "program": _attached_program(programs, program_starts, sent, purpose_at),
            "fiscal_year": fy, "role": "", "whole": None,
        })  # fmt: skip
    found.sort(key=lambda a: a["start"])
    _relations(found, text)
    out = []
    for a in found:
        usd = a["currency"] == "USD"
        out.append(
            AmountMention(
                a["start"], a["end"], text[a["start"] : a["end"]],
                a["value"] if usd else None, a["value_max"] if usd else None,
                a["qualifier"], a["purpose"], a["category"], a["program"], a["fiscal_year"],
                a["currency"], a["value"], a["value_max"], a["role"], a["whole"],
            )
        )  # fmt: skip
    return out


_FUNCTION_WORDS = r"(?:for|of|in|to|and|or|from|by|with|at|on|the|a|an)\b"


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
        rf"(?<![\w$.,/-])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{words}|dozens|hundreds|thousands)\s+"
        rf"(?:[A-Za-z][\w’'\-]*\s+){{0,2}}?(?P<unit>{unit_alt})(?:e?s)?\b"
        rf"(?:\s+(?:(?!{_FUNCTION_WORDS})[A-Za-z][\w’'\-]*\s+)?(?P<head>{unit_alt})(?:e?s)?\b)?",
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
