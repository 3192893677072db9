"""Date expressions: absolute dates at their precision, fiscal years, decades, ranges, and
relative expressions resolved against the published date or the date told just before."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from pakus.dates import PartialDate
from pakus.extract.mentions import DateMention
from pakus.extract.scan import Anchor, Scan
from pakus.extract.spans import Spans
from pakus.extract.text import DATELINE, opens_sentence
from pakus.extract.trie import trie_pattern
from pakus.extract.words import (
    FUTURE_CUE,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_PREFIXES,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from pakus.reference import extraction_tables

__all__ = [
    "MONTHS", "NUMBER_WORDS", "WEEKDAYS", "Context", "DateRules", "FiscalCalendar", "Resolved",
    "compile_dates", "date_mentions", "dateline", "default_rules",
]  # fmt: skip

_MONTH = rf"(?P<m>{'|'.join(MONTH_NAMES + MONTH_ABBREVIATIONS)})"
_MONTH_NAMES = "|".join(MONTH_NAMES)
_MONTH_FULL = rf"(?P<m>{_MONTH_NAMES})"
_YEAR = r"(?:19\d\d|20\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
_NUM = rf"(?P<n>{'|'.join(NUMBER_WORDS)}|\d{{1,2}})"
_NUM_WORD = rf"{'|'.join(NUMBER_WORDS)}|\d{{1,2}}"
_PART = rf"(?:{_NUM_WORD})\s+(?:day|week|month|year)s?(?:\s+and\s+a\s+half)?"
_DURATION = rf"{_PART}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_PART}){{0,2}}"
"""One to three parts: "two years", "one month and two days", "a year and a half"."""
_APPROX = r"(?:(?:almost|nearly|about|some|around|roughly|just|only|barely|over|more than)\s+)?"


# anchors: every match of a date pattern contains a hit of its anchor (see pakus.extract.scan)
_MONTH_ANCHOR = Anchor(re.compile("|".join(MONTH_PREFIXES)))
_YEAR_ANCHOR = Anchor(re.compile(r"[12][09]\d\d"))
_FISCAL_ANCHOR = Anchor(re.compile("FY|[Ff]iscal|[Ff]inancial"))
_WEEKDAY_ANCHOR = Anchor(re.compile("|".join(WEEKDAY_NAMES)))
_UNIT_ANCHOR = Anchor.words(["year", "month", "week"])
_SPAN_ANCHOR = Anchor.words(
    ["the past", "the last", "the previous", "last night", "overnight", "this morning",
     "this afternoon", "this evening", "earlier today"]
)  # fmt: skip
"""One anchor (one pass over the text) for the spans ("in the past 14 days") and the times
of day ("last night")."""


Resolver = Callable[[re.Match[str], "Context"], "Resolved | None"]


@dataclass(frozen=True)
class Resolved:
    """What a date resolver found: the date at its precision (or why there is none).

    ``date`` is ISO at ``precision`` (for fiscal years, decades and ranges: the first day or
    year); ``date_start``/``date_end`` are the first and last day the expression covers
    where they differ from the date's own bounds (spans such as "earlier this week");
    ``fiscal_year`` is the fiscal year's number (the calendar year it ends in) and
    ``fiscal_calendar`` the ISO 3166 alpha-3 code of the state whose fiscal year it is
    (``pakus/data/reference/fiscal_calendars.csv``); ``label`` names a named day
    (``pakus/data/reference/named_days.csv``)."""

    date: str | None = None
    precision: str | None = None
    date_end: str | None = None
    relative: bool = False
    anchor: str = ""
    note: str = ""
    date_start: str | None = None
    fiscal_year: int | None = None
    fiscal_calendar: str = ""
    label: str = ""

    @classmethod
    def at(cls, date: PartialDate | None, anchor: str = "") -> Resolved | None:
        """``date`` at its own precision; relative when ``anchor`` names what it counts from;
        None for an impossible date."""
        if date is None:
            return None
        return cls(date.iso(), date.precision, relative=bool(anchor), anchor=anchor)

    @classmethod
    def unresolved(cls, note: str) -> Resolved:
        """A relative expression left unresolved, and why."""
        return cls(relative=True, note=note)


@dataclass(frozen=True)
class Context:
    """What a resolver may count from: the reference day (the published date, or the
    dateline's date within a story that has one) under the name ``anchor``, the narrative's
    previous date, the rules' tables, and the text around the match."""

    reference: PartialDate | None
    anchor: str
    previous: PartialDate | None
    rules: DateRules
    sentence: tuple[int, int]
    told: PartialDate | None = None
    """The last day-, month- or year-precise date told before, wherever it stood."""


@dataclass(frozen=True)
class FiscalCalendar:
    """A state's fiscal year: it starts on the first day of ``first_month`` and is named for
    the calendar year in which it ends. ``cues`` are words that, in a fiscal year's
    sentence, say the fiscal year is this state's."""

    country: str
    first_month: int
    cues: re.Pattern[str] | None

    def bounds(self, fy: int) -> tuple[dt.date, dt.date]:
        """First and last day of fiscal year ``fy`` (US: FY2018 = 2017-10-01 … 2018-09-30)."""
        if self.first_month == 1:
            return dt.date(fy, 1, 1), dt.date(fy, 12, 31)
        first = dt.date(fy - 1, self.first_month, 1)
        return first, dt.date(fy, self.first_month, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class DateRules:
    """The reference tables date extraction reads, compiled: fiscal calendars (the first is
    the default, the US federal one) and named days by surface form and by (month, day)."""

    calendars: tuple[FiscalCalendar, ...]
    named_forms: dict[str, tuple[str, str]]
    """Surface form ("9/11") → (name, ISO date)."""
    named_by_day: dict[tuple[int, int], tuple[str, str]]
    """(month, day) → (name, ISO date)."""
    named_pattern: re.Pattern[str] | None
    named_anchor: Anchor


def compile_dates(calendars: pd.DataFrame, named_days: pd.DataFrame) -> DateRules:
    """Compile ``fiscal_calendars.csv`` and ``named_days.csv`` (see pakus/data/reference/README.md).

    Raises ValueError when the first calendar is not the US one or a month is not 1–12."""
    cals = []
    for row in calendars.itertuples(index=False):
        month = int(row.first_month)
        if not 1 <= month <= 12:
            raise ValueError(f"fiscal_calendars.csv: {row.country}: first_month {month}")
        cues = [c for c in row.cues.split("|") if c]
        pattern = re.compile(rf"(?<![\w$-])(?:{trie_pattern(cues)})(?![\w-])") if cues else None
        cals.append(FiscalCalendar(row.country, month, pattern))
    if not cals or cals[0].country != "USA":
        raise ValueError("fiscal_calendars.csv: the first row must be the US federal calendar")
    forms: dict[str, tuple[str, str]] = {}
    by_day: dict[tuple[int, int], tuple[str, str]] = {}
    for row in named_days.itertuples(index=False):
        day = PartialDate.parse(row.date)
        for form in row.forms.split("|"):
            if form:
                forms[form] = (row.name, day.iso())
        by_day[(day.month or 0, day.day or 0)] = (row.name, day.iso())
    pattern = (
        re.compile(rf"(?<![\w/.])(?:{trie_pattern(forms)})(?![\w/-]|[.,]\d)") if forms else None
    )
    anchor = Anchor(re.compile(trie_pattern(forms) if forms else "(?!)"))
    return DateRules(tuple(cals), forms, by_day, pattern, anchor)


@cache
def default_rules() -> DateRules:
    """The date rules of the default reference folder."""
    tables = extraction_tables()
    return compile_dates(tables.fiscal_calendars, tables.named_days)


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("m").lower().rstrip(".")]


def _number(value: str) -> int:
    return NUMBER_WORDS.get(value.lower()) or int(value)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _pd(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _abs(date: PartialDate | None) -> Resolved | None:
    return Resolved.at(date)


def _rel(date: PartialDate | None, ctx: Context) -> Resolved | None:
    return Resolved.at(date, ctx.anchor)


def _nearest_year(month: int, day: int | None, pub: PartialDate | None) -> int | None:
    """The year that puts ``month``/``day`` at or before the published date (within a year)."""
    if pub is None or pub.month is None:
        return None
    if (month, day or 1) <= (pub.month, pub.day or 31):
        return pub.year
    return pub.year - 1


def _span(first: dt.date, last: dt.date, ctx: Context, anchor: str | None = None) -> Resolved:
    """The days ``first``…``last``, dated by the finest calendar unit that holds them all
    (day, month or year; else a range): "earlier this week" on Thursday 31 January 2019 is
    28–30 January, so January 2019."""
    if last < first:
        first, last = last, first
    if first == last:
        date = PartialDate.from_date(first)
    elif (first.year, first.month) == (last.year, last.month):
        date = PartialDate(first.year, first.month)
    elif first.year == last.year:
        date = PartialDate(first.year)
    else:
        date = None
    name = ctx.anchor if anchor is None else anchor
    if date is None:
        return Resolved(first.isoformat(), "range", last.isoformat(), True, name,
                        date_start=first.isoformat())  # fmt: skip
    return Resolved(date.iso(), date.precision, last.isoformat(), True, name,
                    date_start=first.isoformat())  # fmt: skip


# --- absolute ----------------------------------------------------------------------------


def _full_mdy(m, ctx):
    return _abs(_pd(int(m.group("y")), _month(m), int(m.group("d"))))


def _day_range(m, ctx):
    year, month = int(m.group("y")), _month(m)
    first, last = _pd(year, month, int(m.group("d"))), _pd(year, month, int(m.group("d2")))
    if first is None or last is None or last <= first:
        return None
    return Resolved(first.iso(), "day", last.iso())


def _month_range(m, ctx):
    """A month range ("from March to June 2019"); a first month after the last crosses the
    year's start ("from November to February 2019": November 2018 to February 2019)."""
    year = int(m.group("y"))
    m1, m2 = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
    first, last = _pd(year if m1 <= m2 else year - 1, m1), _pd(year, m2)
    if first is None or last is None:
        return None
    return Resolved(first.iso(), "month", last.last_day().isoformat())


def _month_year(m, ctx):
    return _abs(_pd(int(m.group("y")), _month(m)))


def _iso(m, ctx):
    return _abs(_pd(int(m.group("y")), int(m.group("mo")), int(m.group("d"))))


def _year(m, ctx):
    return _abs(_pd(int(m.group("y"))))


def _year_range(m, ctx):
    y1 = int(m.group("y1"))
    raw = m.group("y2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 100:
        return None
    return Resolved(f"{y1:04d}", "range", f"{y2:04d}")


_CUE_REACH = 160
"""How far (characters, each way, inside the sentence) a fiscal year's calendar cue is looked
for."""
_OWNER_GAP = re.compile(
    r"(?:['’]s)?\s+(?:(?:the|federal|annual|national|current|next|coming|last|new|outgoing|"
    r"financial|budget|for|in|of)\s+){0,3}"
)
"""What may stand between a state's name and its fiscal year: "Pakistan's fiscal year",
"the Pakistani budget for FY2016"."""


def _calendar(m: re.Match[str], ctx: Context, split: bool) -> FiscalCalendar | None:
    """The fiscal calendar a fiscal year belongs to: a state named just before it ("Pakistan's
    fiscal year 2015-16", "the Pakistani budget for FY2016"), or, for a year written with
    both its calendar years ("2015-16", which the US never uses for one fiscal year) or as a
    "financial year", a state's cue word in the sentence. Otherwise the US federal calendar;
    None for a "financial year" no state is named for."""
    rules, text = ctx.rules, m.string
    s_start, s_end = ctx.sentence
    lo = max(s_start, m.start() - 60)
    for cal in rules.calendars[1:]:
        if cal.cues is None:
            continue
        last = deque(cal.cues.finditer(text, lo, m.start()), maxlen=1)
        if last and _OWNER_GAP.fullmatch(text, last[0].end(), m.start()):
            return cal
    financial = "financial" in m.group(0).lower()
    if split or financial:
        lo, hi = max(s_start, m.start() - _CUE_REACH), min(s_end, m.end() + _CUE_REACH)
        best: tuple[int, FiscalCalendar] | None = None
        for cal in rules.calendars[1:]:
            if cal.cues is None:
                continue
            for cue in cal.cues.finditer(text, lo, hi):
                distance = min(abs(cue.start() - m.end()), abs(m.start() - cue.end()))
                if best is None or distance < best[0]:
                    best = (distance, cal)
        if best is not None:
            return best[1]
    return None if financial else rules.calendars[0]


def _fiscal_year(m, ctx):
    raw = m.group("fy")
    fy = int(raw) if len(raw) == 4 else 2000 + int(raw)
    raw2 = m.groupdict().get("fy2") or m.groupdict().get("fy4")
    fy2 = (int(raw2) if len(raw2) == 4 else (fy // 100) * 100 + int(raw2)) if raw2 else fy
    split = m.groupdict().get("fy2") is not None and fy2 == fy + 1
    cal = _calendar(m, ctx, split)
    if cal is None:
        return Resolved.unresolved("a financial year of a state the text does not name")
    if cal.country != "USA" and split:  # "2015-16": one fiscal year, named for its end
        fy = fy2
    if (cal.country != "USA" and split) or fy >= fy2:
        first, last = cal.bounds(fy)
    else:  # "FY2002-13", "fiscal 2010 through 2014": a range of fiscal years
        first, _ = cal.bounds(fy)
        _, last = cal.bounds(fy2)
    return Resolved(first.isoformat(), "fiscal_year", last.isoformat(), fiscal_year=fy,
                    fiscal_calendar=cal.country)  # fmt: skip


def _decade(m, ctx):
    start = int(m.group("dec"))
    return Resolved(f"{start:04d}", "decade", f"{start + 9:04d}-12-31")


# --- named days ------------------------------------------------------------------------


def _named_form(m, ctx):
    name, iso = ctx.rules.named_forms[m.group(0)]
    return Resolved(iso, "named_day", iso, label=name, note=f"names a day: {name}")


def _event_name(m, ctx):
    """A month and day that name an attack or an era ("September 11 attacks",
    "post-September 11"): a named day from the table when one has that month and day."""
    named = ctx.rules.named_by_day.get((_month(m), int(m.group("d"))))
    if named is None:
        return Resolved.unresolved(
            'part of an event\'s name ("September 11 attacks"); not resolved'
        )
    name, iso = named
    return Resolved(iso, "named_day", iso, label=name, note=f"names a day: {name}")


# --- relative to the published date (or the dateline) ------------------------------------

_CLAUSE_EDGE = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|whereas|who|which|that|after|before|when|because|"
    r"although|though|as|said|says|told|announced|added|if|whether)\b",
    re.I,
)
_CLAUSE_REACH = 100
"""How far (characters) the clause of a date is read for its tense, each way."""


_BARE_PARTICIPLE = re.compile(
    r"\b(?!(?:be|been|being|is|are|was|were|will|would|shall|should|could|can|may|might|must|"
    r"to|have|has|had|get|gets|got|not)\b)[A-Za-z]+\s+(?:[a-z]+ed|[a-z]+en)\s+(?:(?:in|on|during)\s+)?\Z"
)
"""A past participle right before the date's preposition, after a word that is no
auxiliary: a reduced relative ("aid to Pakistan frozen in March"), whose time is past
whatever the modal of the clause around it (CGEL ch. 12, past-participial modifiers)."""


def _future(m: re.Match[str], ctx: Context) -> bool:
    """Whether the clause that holds the date speaks of the future: a future or conditional
    auxiliary ("will", "would", "is due to", "plans to") between the clause's start and the
    date — or, for a date that opens its sentence or clause and is followed by a comma ("On
    Friday, talks will resume"), in the clause that follows. The clause ends at a comma,
    a conjunction, a relative pronoun or a verb of saying ("said"), so that "talks would
    resume on Friday, officials who met on Monday said" reads each day in its own tense."""
    text = m.string
    s_start, s_end = ctx.sentence
    lo = max(s_start, m.start() - _CLAUSE_REACH)
    before = text[lo : m.start()]
    edges = list(_CLAUSE_EDGE.finditer(before))
    clause = before[edges[-1].end() :] if edges else before
    if _BARE_PARTICIPLE.search(clause):
        return False  # "aid to Pakistan frozen in March": a past participle's own time
    if FUTURE_CUE.search(clause):
        return True
    if clause.strip(" \t\n").lower() not in {"", "on", "by", "from", "until", "till", "next"}:
        return False
    hi = min(s_end, m.end() + _CLAUSE_REACH)
    after = text[m.end() : hi]
    if not after.startswith(","):
        return False
    rest = after[1:]
    stop = _CLAUSE_EDGE.search(rest)
    return FUTURE_CUE.search(rest[: stop.start()] if stop else rest) is not None


def _month_day_no_year(m, ctx):
    """A month and day without a year: the latest such day up to the reference day, or, in
    a clause that speaks of the future (:func:`_future`: "will make a stopover on March
    25"), the next one from it."""
    month, day = _month(m), int(m.group("d"))
    year = _nearest_year(month, day, ctx.reference)
    pub = ctx.reference
    if year is not None and pub is not None and pub.day is not None and _future(m, ctx):
        year = pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    if year is None:
        return Resolved.unresolved("no year in the text and no published month to infer it")
    return _rel(_pd(year, month, day), ctx)


def _month_alone(m, ctx):
    month = _month(m)
    cue = m.group("cue").lower()
    pub = ctx.reference
    if pub is None or pub.month is None:
        return Resolved.unresolved("no year in the text and no published month to infer it")
    if cue in {"next", "this coming"} or (
        cue in {"in", "by", "until", "till"} and _future(m, ctx)
    ):  # "is due to retire in November": the next November
        year = pub.year if month > pub.month else pub.year + 1
    elif cue == "this":
        year = pub.year
    else:
        year = _nearest_year(month, None, pub)
    return _rel(_pd(year, month), ctx)


_YEAR_SHIFT = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}
"""The year a month is told in, from the reference year: "May last year" is May of the year
before, "March next year" March of the year after."""


def _month_of_relative_year(m, ctx):
    """A month with the year it falls in told relative to the reference day ("in May last
    year", "March of next year"): that month of the shifted year, not the nearest one."""
    pub = ctx.reference
    if pub is None:
        return Resolved.unresolved("relative date: the published date is not known")
    shift = _YEAR_SHIFT[m.group("rel").lower().split()[-1]]
    return _rel(_pd(pub.year + shift, _month(m)), ctx)


def _at_that_time(m, ctx):
    """ "At that time", "at the time": the time told just before (the last date told, at its
    precision: "When I proposed it in 1985, … At that time, …" is 1985)."""
    told = ctx.told or ctx.previous
    if told is None:
        return Resolved.unresolved("relative to an earlier date that the text does not give")
    return Resolved.at(told, "previous date")


def _came_after(m, ctx):
    """ "(The incident) comes a day after <clause>", "came two weeks before <clause>": the
    subject is the happening just told, so what the clause tells is that long before it
    ("after") or after it ("before"), counted from the last date told."""
    told = ctx.told or ctx.previous
    sign = -1 if m.group("dir").lower() == "after" else 1
    return _duration(m, told, sign, "previous date", approx=bool(m.group("approx")))


def _week_of(day: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
    return monday, monday + dt.timedelta(days=6)


def _this_last_next(m, ctx):
    unit = m.group("unit").lower()
    rel = m.group("rel").lower()
    edge = (m.group("edge") or "").lower()
    shift = {"this": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}[rel]
    pub = ctx.reference
    if pub is None:
        return Resolved.unresolved("relative date: the published date is not known")
    day = pub.as_date()
    if rel == "coming" and day is not None:  # "the coming year": the twelve months ahead
        ahead = {"year": _shift_months(day, 12), "month": _shift_months(day, 1)}
        last = ahead.get(unit, day + dt.timedelta(weeks=1))
        return _span(day + dt.timedelta(days=1), last, ctx)
    if unit == "week":
        if day is None:
            return Resolved.unresolved("relative date: the published day is not known")
        first, last = _week_of(day, shift)
        if shift == 0 and edge == "earlier" and day > first:  # Monday up to the day before
            last = day - dt.timedelta(days=1)
        elif shift == 0 and edge == "later" and day < last:
            first = day + dt.timedelta(days=1)
        return _span(first, last, ctx)
    if unit == "year":
        date = _pd(pub.year + shift)
    else:
        if pub.month is None:
            return Resolved.unresolved("relative date: the published month is not known")
        date = _pd(*_add_months(pub.year, pub.month, shift))
    if shift == 0 and day is not None and date is not None and edge in {"earlier", "later"}:
        first, last = date.first_day(), date.last_day()  # "earlier this month": up to yesterday
        if edge == "earlier" and day > first:
            return _span(first, day - dt.timedelta(days=1), ctx)
        if edge == "later" and day < last:
            return _span(day + dt.timedelta(days=1), last, ctx)
    return _rel(date, ctx)


def _shift_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept within the month it lands in (31 March less one
    month is 28 or 29 February)."""
    year, month = _add_months(day.year, day.month, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _deictic_day(m, ctx):
    word = m.group("w").lower()
    pub = ctx.reference
    if pub is None:
        return Resolved.unresolved("relative date: the published date is not known")
    if word in {"today", "tonight"}:
        return _rel(pub, ctx)
    day = pub.as_date()
    if day is None:
        return Resolved.unresolved("relative date: the published day is not known")
    shift = -1 if word == "yesterday" else 1
    return _rel(PartialDate.from_date(day + dt.timedelta(days=shift)), ctx)


def _time_of_day(m, ctx):
    """The times of day: "last night" is the evening before the reference day; "this morning", "earlier
    today", "this evening" the reference day; "overnight" the night from the day before
    into the reference day (dated by the day it began, ending on the reference day)."""
    phrase = " ".join(m.group(0).lower().split())
    pub = ctx.reference
    day = pub.as_date() if pub is not None else None
    if day is None:
        return Resolved.unresolved("relative date: the published day is not known")
    if "overnight" in phrase:
        before = day - dt.timedelta(days=1)
        return Resolved(before.isoformat(), "day", day.isoformat(), True, ctx.anchor,
                        date_start=before.isoformat())  # fmt: skip
    if "last" in phrase:
        return _rel(PartialDate.from_date(day - dt.timedelta(days=1)), ctx)
    return _rel(pub, ctx)


def _past_span(m, ctx):
    """A span up to the reference day: "in the past 14 days", "over the last two weeks", "the past week": the days before
    the reference day, up to it."""
    pub = ctx.reference
    day = pub.as_date() if pub is not None else None
    if day is None:
        return Resolved.unresolved("relative date: the published day is not known")
    n = _number(m.group("n")) if m.group("n") else 1
    unit = m.group("unit").lower()
    if unit in {"day", "week"}:
        first = day - dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        first = _shift_months(day, -n * (12 if unit == "year" else 1))
    return _span(first, day, ctx)


def _weekday(m, ctx):
    pub = ctx.reference
    if pub is None or pub.as_date() is None:
        return Resolved.unresolved("relative weekday: the published day is not known")
    anchor = pub.as_date()
    wd = WEEKDAYS.index(m.group("wd").lower())
    cue = " ".join((m.group("cue") or "").lower().split())
    if cue == "this":  # "this Thursday": the Thursday of the reference day's week
        return _rel(PartialDate.from_date(_week_of(anchor, 0)[0] + dt.timedelta(days=wd)), ctx)
    future = cue in {"next", "this coming"} or (cue not in {"last", "past"} and _future(m, ctx))
    if future:
        delta = (wd - anchor.weekday()) % 7 or 7
    else:
        delta = -((anchor.weekday() - wd) % 7)
        if cue in {"last", "past"} and delta == 0:
            delta = -7
    return _rel(PartialDate.from_date(anchor + dt.timedelta(days=delta)), ctx)


_UNIT_PART = re.compile(
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?(?P<half>\s+and\s+a\s+half)?",
    re.I,
)


def _parts(m: re.Match[str]) -> list[tuple[int, str]]:
    """(number, unit) of each part of a duration ("one month and two days"); "a year and a
    half" is 18 months; empty for half of a smaller unit (no whole number of days)."""
    out = []
    for p in _UNIT_PART.finditer(m.group("dur")):
        n, unit = _number(p.group("n")), p.group("unit").lower()
        if p.group("half"):
            if unit != "year":
                return []
            n, unit = n * 12 + 6, "month"
        out.append((n, unit))
    return out


_COARSE = {"year": 0, "month": 1, "week": 2, "day": 2}


def _duration(m, base: PartialDate | None, sign: int, anchor: str, approx: bool) -> Resolved:
    """``base`` moved by the duration ``m`` names: to the day where every unit is days or
    weeks, else to the month ("one month and two days ago", "two years and three months
    ago"); a number of years alone to the year."""
    parts = _parts(m)
    if not parts:
        return Resolved.unresolved("a duration that is no whole number of days")
    if base is None:
        return Resolved.unresolved("relative date: the published date is not known")
    coarsest = min(parts, key=lambda p: _COARSE[p[1]])[1]
    if coarsest == "year" and len(parts) > 1:
        coarsest = "month"  # "two years and three months ago": known to the month
    months = sum(n * (12 if u == "year" else 1) for n, u in parts if u in {"year", "month"})
    days = sum(n * (7 if u == "week" else 1) for n, u in parts if u in {"week", "day"})
    if coarsest == "year" and len(parts) == 1:
        return Resolved.at(_pd(base.year + sign * months // 12), anchor)
    if base.day is not None:
        day = _shift_months(base.first_day(), sign * months) + dt.timedelta(days=sign * days)
        date = PartialDate.from_date(day)
    elif base.month is not None and days == 0:
        date = _pd(*_add_months(base.year, base.month, sign * months))
    else:
        return Resolved.unresolved(f"'{coarsest}' offset from a date known only to the "
                                   f"{base.precision}")  # fmt: skip
    if coarsest in {"year", "month"}:
        date = date.truncate("year" if approx or coarsest == "year" else "month")
    elif approx:
        return Resolved.unresolved("an approximate offset in days")
    return Resolved.at(date, anchor)


def _ago(m, ctx):
    return _duration(m, ctx.reference, -1, ctx.anchor, approx=bool(m.group("approx")))


def _later_earlier(m, ctx):
    if ctx.previous is None:
        return Resolved.unresolved("relative to an earlier date that the text does not give")
    sign = 1 if m.group("dir").lower() in {"later", "afterwards", "after that"} else -1
    return _duration(m, ctx.previous, sign, "previous date", approx=bool(m.group("approx")))


_WHICH = {"same": 0, "that": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}


def _same_year(m, ctx):
    word = (m.group("which") or "that").lower()
    if ctx.previous is None:
        return Resolved.unresolved("relative to an earlier date that the text does not give")
    return Resolved.at(_pd(ctx.previous.year + _WHICH[word]), "previous date")


def _same_month(m, ctx):
    word = (m.group("which") or "that").lower()
    prev = ctx.previous
    if prev is None or prev.month is None:
        return Resolved.unresolved("relative to an earlier month that the text does not give")
    return Resolved.at(_pd(*_add_months(prev.year, prev.month, _WHICH[word])), "previous date")


def _next_day(m, ctx):
    """ "The following day", "the next day", "the previous day", "the day before": the day
    after (or before) the last day-precise date told ("talks on September 7 and the maritime
    talks on the following day" is 8 September); "later in the day", "earlier that day",
    "the same day", "that day": that day itself; unresolved when no day was told before."""
    base = next((d for d in (ctx.told, ctx.previous) if d is not None and d.day is not None), None)
    if base is None:
        return Resolved.unresolved("relative to an earlier day that the text does not give")
    if m.groupdict().get("same"):  # "later in the day", "that day", "the same day"
        return Resolved.at(base, "previous date")
    which = (m.group("which") or m.group("dir") or "").lower()
    shift = -1 if which in {"previous", "preceding", "before"} else 1
    return Resolved.at(PartialDate.from_date(base.as_date() + dt.timedelta(days=shift)),
                       "previous date")  # fmt: skip


def _earlier_in_the(m, ctx):
    """ "Earlier in the week", "later in the month": the same days as "earlier this week",
    "later this month" (:func:`_this_last_next`), counted from the reference day."""
    fields = {"edge": m.group("edge"), "rel": "this", "unit": m.group("unit")}
    return _this_last_next(_Groups(fields), ctx)


class _Groups:
    """The named groups of a match, given as a mapping (one resolver reusing another's)."""

    def __init__(self, fields: dict[str, str | None]) -> None:
        self.fields = fields

    def group(self, name: str) -> str | None:
        return self.fields.get(name)


def _event_relative(m, ctx):
    return Resolved.unresolved("relative to another event; not resolved")


def _vague(m, ctx):
    return Resolved.unresolved("vague expression; not resolved")


_PATTERNS: list[tuple[re.Pattern[str], Resolver, Anchor]] = [
    (  # "the post-September 11, 2001 era", "the Sept. 11, 2001 generation": a named day as
        # the label of an era, not a date (before the full dates: the same length wins by rank)
        re.compile(rf"(?:(?<=[Pp]ost-)|(?<=[Pp]re-)){_MONTH}\.?\s+{_DAY},?\s+{_YEAR}\b"),
        _event_name,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(
            rf"\b{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}(?=,?\s+(?:era|generation|world|period)\b)"
        ),
        _event_name,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+{_DAY},?\s+(?P<y>{_YEAR})\b"),
        _full_mdy,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+(?P<y>{_YEAR})\b"),
        _full_mdy,
        _MONTH_ANCHOR,
    ),
    (re.compile(rf"\b(?P<y>{_YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"), _iso, _YEAR_ANCHOR),
    (  # "May 1-2, 2011": the first day, with the last as its end
        re.compile(
            rf"\b{_MONTH}\.?\s+(?P<d>[0-3]?\d)\s?[-–]\s?(?P<d2>[0-3]?\d),?\s+(?P<y>{_YEAR})\b"
        ),
        _day_range,
        _MONTH_ANCHOR,
    ),
    (  # "from March to June 2019"
        re.compile(
            rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{_MONTH_NAMES})\s+(?:to|and|until|through)\s+"
            rf"(?P<m2>{_MONTH_NAMES}),?\s+(?P<y>{_YEAR})\b"
        ),
        _month_range,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(rf"\b(?:(?:early|mid|late)[\s-]+)?{_MONTH}\.?,?\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
        _month_year,
        _MONTH_ANCHOR,
    ),
    (  # "September 11 attacks", "post-September 11 cooperation": a named day, not a date
        re.compile(
            rf"\b{_MONTH}\.?\s+{_DAY}(?=\s+(?:attacks?|bombings?|massacre|raid|strikes?|"
            rf"[Cc]ommission|era|generation)\b)"
        ),
        _event_name,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(rf"(?:(?<=[Pp]ost-)|(?<=[Pp]re-)){_MONTH}\.?\s+{_DAY}\b(?![,\s]*\d)"),
        _event_name,
        _MONTH_ANCHOR,
    ),
    (re.compile(rf"\b{_MONTH}\.?\s+{_DAY}\b(?![,\s]*\d)"), _month_day_no_year, _MONTH_ANCHOR),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?![,\s]*\d)"), _month_day_no_year, _MONTH_ANCHOR),
    (
        re.compile(
            rf"\b(?P<cue>(?i:in|since|by|until|till|during|from|last|this|next|early|late|mid|"
            rf"in early|in late|in mid))[\s-]+{_MONTH_FULL}\b(?![,\s]*\d)"
        ),
        _month_alone,
        _MONTH_ANCHOR,
    ),
    (  # "in May last year", "March of next year": the month of a year told relative
        re.compile(
            rf"\b(?:(?i:in|since|by|until|till|during|from|early|late|mid|in early|in late|"
            rf"in mid)[\s-]+)?{_MONTH_FULL}\s+(?:of\s+)?(?P<rel>(?i:last|this|next|"
            rf"the\s+previous|the\s+following))\s+year\b"
        ),
        _month_of_relative_year,
        _MONTH_ANCHOR,
    ),
    (
        re.compile(
            r"\b(?:FY|(?:[Ff]iscal|[Ff]inancial)\s+years?\s+|[Ff]iscal\s+)'?(?P<fy>\d{4}|\d{2})(?:\s*[-–/]\s*(?:FY)?(?P<fy2>\d{4}|\d{2})"
            r"|\s+(?:through|to|until|and)\s+(?:FY|fiscal\s+(?:year\s+)?)?(?P<fy4>(?:19|20)\d\d))?\b"
        ),
        _fiscal_year,
        _FISCAL_ANCHOR,
    ),
    (  # "the 1991 fiscal year", "Pakistan's 2015-16 fiscal year"
        re.compile(
            r"\b(?P<fy>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<fy2>\d{4}|\d{2}))?\s+(?:fiscal|financial)\s+year\b"
        ),
        _fiscal_year,
        _FISCAL_ANCHOR,
    ),
    (
        re.compile(
            rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<y1>{_YEAR})\s+(?:to|and|until|till|through)\s+(?P<y2>{_YEAR})\b"
        ),
        _year_range,
        _YEAR_ANCHOR,
    ),
    (
        re.compile(rf"(?<![\w$.,/-])(?P<y1>{_YEAR})\s?[-–]\s?(?P<y2>\d{{4}}|\d{{2}})(?![\w%]|,\d)"),
        _year_range,
        _YEAR_ANCHOR,
    ),
    (
        re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)s\b"),
        _decade,
        _YEAR_ANCHOR,
    ),
    (re.compile(rf"(?<![\w$.,/-])(?P<y>{_YEAR})(?![\w%]|[.,]\d)"), _year, _YEAR_ANCHOR),
    (
        re.compile(
            r"(?<![’']s\s)\b(?:(?P<edge>earlier|later|early|late)\s+)?(?P<rel>this|last|next|previous|coming)\s+(?P<unit>year|month|week)\b",
            re.I,
        ),
        _this_last_next,
        _UNIT_ANCHOR,
    ),
    (  # "in the past 14 days", "over the last two weeks", "the past week"
        re.compile(
            rf"\b(?:(?:in|over|during)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{_NUM_WORD})\s+)?"
            r"(?P<unit>day|week|month|year)s?\b(?!\s+of\b)",
            re.I,
        ),
        _past_span,
        _SPAN_ANCHOR,
    ),
    (
        re.compile(
            r"\b(?:(?:late|early)\s+)?last\s+night\b|\bovernight\b|"
            r"\b(?:this|early\s+this|late\s+this)\s+(?:morning|afternoon|evening)\b|\bearlier\s+today\b",
            re.I,
        ),
        _time_of_day,
        _SPAN_ANCHOR,
    ),
    (
        re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow)\b", re.I),
        _deictic_day,
        Anchor.words(["today", "tonight", "yesterday", "tomorrow"]),
    ),
    (
        re.compile(
            rf"\b(?:(?i:on)\s+)?(?:(?P<cue>(?i:last|this|next|past|this\s+coming))\s+)?(?P<wd>{_WEEKDAY})\b"
        ),
        _weekday,
        _WEEKDAY_ANCHOR,
    ),
    (
        re.compile(rf"\b(?P<approx>{_APPROX})(?P<dur>{_DURATION})\s+ago\b", re.I),
        _ago,
        Anchor.words(["ago"]),
    ),
    (
        re.compile(
            rf"\b(?P<approx>{_APPROX})(?P<dur>{_DURATION})\s+(?P<dir>later|afterwards|earlier)\b",
            re.I,
        ),
        _later_earlier,
        Anchor.words(["later", "afterwards", "earlier"]),
    ),
    (
        re.compile(
            r"\b(?:the\s+(?P<which>same|following|next|previous|preceding)|that)\s+year\b", re.I
        ),
        _same_year,
        _UNIT_ANCHOR,
    ),
    (
        re.compile(
            r"\b(?:the\s+(?P<which>same|following|next|previous|preceding)|that)\s+month\b", re.I
        ),
        _same_month,
        _UNIT_ANCHOR,
    ),
    (  # "on the following day", "the next day", "the day before" (not "the day before the
        # vote", a day counted from an event named after it)
        re.compile(
            r"\b[Tt]he\s+(?:(?P<which>following|next|previous|preceding)\s+day\b|"
            r"day\s+(?P<dir>before|after)\b(?![ \t]+(?:the|a|an|his|her|its|their|[A-Z0-9])\b))"
        ),
        _next_day,
        Anchor.words(["day"]),
    ),
    (  # "later in the day", "earlier that day", "the same day", "that day" (not "that day's",
        # nor "the day that …", a day named by what follows)
        re.compile(
            r"\b(?P<same>(?:[Ll]ater|[Ee]arlier)\s+(?:in\s+the|that)\s+day|"
            r"(?:[Tt]he\s+same|[Tt]hat)\s+day)\b(?![’']s|\s+(?:that|when|of)\b)"
        ),
        _next_day,
        Anchor.words(["day"]),
    ),
    (
        re.compile(r"\b(?P<edge>[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?P<unit>week|month|year)\b"),
        _earlier_in_the,
        _UNIT_ANCHOR,
    ),
    (
        re.compile(
            r"\b(?:(?:just|only|mere)\s+)?(?:hours|days|weeks|months|years)\s+(?:after|before|later|earlier)\b",
            re.I,
        ),
        _event_relative,
        Anchor.words(["hours", "days", "weeks", "months", "years"]),
    ),
    (  # "The incident comes a day after Kayani met Allen": the meeting, a day before it
        re.compile(
            rf"(?:(?<=\bcomes\s)|(?<=\bcame\s))(?P<approx>{_APPROX})(?P<dur>{_DURATION})\s+"
            r"(?P<dir>after|before)\b",
            re.I,
        ),
        _came_after,
        Anchor.words(["after", "before"]),
    ),
    (
        re.compile(r"\b[Aa]t\s+(?:that|the)\s+time\b(?!\s+(?:of|when|that)\b)"),
        _at_that_time,
        Anchor.words(["time"]),
    ),
    (
        re.compile(rf"\b{_APPROX}(?:a|one|two|three|several)\s+decades?\s+ago\b", re.I),
        _vague,
        Anchor.words(["decade"]),
    ),
]


_DATELINE_REACH = 600
"""How far into a text (characters) a dateline is looked for: after a headline and a byline."""


def dateline(text: str, published: PartialDate | None) -> tuple[int, int, PartialDate] | None:
    """The dateline of a story ("WASHINGTON, October 21:", "ISLAMABAD, Oct 21 (Reuters) –")
    in the first lines of ``text``: (start, end) of its date and the date, the latest such
    day up to the published date when the dateline gives no year. None without one."""
    m = DATELINE.search(text, 0, min(len(text), _DATELINE_REACH))
    if m is None:
        return None
    month, day = _month(m), int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else _nearest_year(month, day, published)
    date = _pd(year, month, day) if year is not None else None
    if date is None:
        return None
    return m.start("date"), m.end("date"), date


def date_mentions(
    text: str,
    published: PartialDate | None,
    sentences: list[tuple[int, int]] | None = None,
    rules: DateRules | None = None,
) -> list[DateMention]:
    """Every date expression in ``text``, longest first where they overlap, in text order.

    Relative expressions count from the reference day: the dateline's date after a story's
    dateline (anchor ``dateline``), else ``published`` (anchor ``published``); "N years
    later" and "the same year" use the narrative time: the last date that opened a sentence
    ("In September 2022, …"), or else the last date told before. ``rules``: the fiscal
    calendars and named days (default: those of pakus/data/reference)."""
    rules = rules or default_rules()
    spans = sorted(sentences or [(0, len(text))])
    openers = [s for s, _ in spans]
    sentence_starts = [s for s, _ in spans]
    scan = Scan(text)
    found: list[tuple[int, int, int, re.Match[str], Resolver]] = []
    patterns = _PATTERNS
    if rules.named_pattern is not None:
        patterns = [(rules.named_pattern, _named_form, rules.named_anchor), *_PATTERNS]
    for rank, (pattern, resolver, anchor) in enumerate(patterns):
        reach = (8, 8) if resolver is _named_form else (80, 40)
        for m in scan.near(pattern, anchor, *reach):
            found.append((m.start(), m.end(), rank, m, resolver))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken = Spans()
    chosen = []
    for start, end, _rank, m, resolver in found:
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        chosen.append((start, end, m, resolver))
    chosen.sort(key=lambda c: c[0])

    line = dateline(text, published)
    out: list[DateMention] = []
    prev: PartialDate | None = None
    narrative: PartialDate | None = None
    for start, end, m, resolver in chosen:
        k = bisect.bisect_right(sentence_starts, start) - 1
        sentence = spans[k] if k >= 0 and start < spans[k][1] else (start, end)
        if line is not None and start >= line[1]:
            reference, anchor = line[2], "dateline"
        else:
            reference, anchor = published, "published"
        ctx = Context(reference, anchor, narrative or prev, rules, sentence, prev)
        result = resolver(m, ctx)
        if result is None:
            continue
        if line is not None and (start, end) == line[:2]:
            result = Resolved.at(line[2], "published")
            result = Resolved(result.date, result.precision, relative=True,
                              anchor="published", note="dateline")  # fmt: skip
        date_start, date_end = result.date_start, result.date_end
        if result.precision in {"day", "month", "year"} and result.date is not None:
            prev = PartialDate.parse(result.date)
            i = bisect.bisect_right(openers, start) - 1
            if i >= 0 and opens_sentence(text, openers[i], start):
                narrative = prev
            date_end = date_end or _last_day_iso(prev)
            date_start = date_start or prev.first_day().isoformat()
        elif result.date is not None and date_start is None:
            date_start = _first_day_iso(result.date)
        mention = DateMention(
            start, end, text[start:end], result.date, result.precision, date_end,
            result.relative, result.anchor, result.note, date_start,
            result.fiscal_year, result.fiscal_calendar, result.label,
        )  # fmt: skip
        out.append(mention)
    return out


def _first_day_iso(date: str) -> str | None:
    try:
        return PartialDate.parse(date).first_day().isoformat()
    except ValueError:
        return None


def _last_day_iso(date: PartialDate) -> str:
    return date.last_day().isoformat()
