"""Date expressions: absolute dates at their precision, fiscal years, decades, ranges, and
relative expressions resolved against the published date or the date told just before."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from pakus.dates import PartialDate, fiscal_year_bounds
from pakus.extract.mentions import DateMention
from pakus.extract.scan import Anchor, Scan
from pakus.extract.spans import Spans
from pakus.extract.text import opens_sentence
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

__all__ = ["MONTHS", "NUMBER_WORDS", "WEEKDAYS", "date_mentions"]

_MONTH = rf"(?P<m>{'|'.join(MONTH_NAMES + MONTH_ABBREVIATIONS)})"
_MONTH_NAMES = "|".join(MONTH_NAMES)
_MONTH_FULL = rf"(?P<m>{_MONTH_NAMES})"
_YEAR = r"(?:19\d\d|20\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
_NUM = rf"(?P<n>{'|'.join(NUMBER_WORDS)}|\d{{1,2}})"
_APPROX = r"(?:(?:almost|nearly|about|some|around|roughly|just|only|barely|over|more than)\s+)?"


# anchors: every match of a date pattern contains a hit of its anchor (see pakus.extract.scan)
_MONTH_ANCHOR = Anchor(re.compile("|".join(MONTH_PREFIXES)))
_YEAR_ANCHOR = Anchor(re.compile(r"[12][09]\d\d"))
_FISCAL_ANCHOR = Anchor(re.compile("FY|fiscal"))
_WEEKDAY_ANCHOR = Anchor(re.compile("|".join(WEEKDAY_NAMES)))
_UNIT_ANCHOR = Anchor.words(["year", "month", "week"])


Resolver = Callable[[re.Match[str], PartialDate | None, PartialDate | None], dict | None]


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


def _abs(date: PartialDate | None) -> dict | None:
    return None if date is None else {"date": date.iso(), "precision": date.precision}


def _nearest_year(month: int, day: int | None, pub: PartialDate | None) -> int | None:
    """The year that puts ``month``/``day`` at or before the published date (within a year)."""
    if pub is None or pub.month is None:
        return None
    if (month, day or 1) <= (pub.month, pub.day or 31):
        return pub.year
    return pub.year - 1


# --- absolute ----------------------------------------------------------------------------


def _full_mdy(m, pub, prev):
    return _abs(_pd(int(m.group("y")), _month(m), int(m.group("d"))))


def _day_range(m, pub, prev):
    year, month = int(m.group("y")), _month(m)
    first, last = _pd(year, month, int(m.group("d"))), _pd(year, month, int(m.group("d2")))
    if first is None or last is None or last <= first:
        return None
    return {"date": first.iso(), "precision": "day", "date_end": last.iso()}


def _month_range(m, pub, prev):
    """A month range ("from March to June 2019"); a first month after the last crosses the
    year's start ("from November to February 2019": November 2018 to February 2019)."""
    year = int(m.group("y"))
    m1, m2 = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
    first, last = _pd(year if m1 <= m2 else year - 1, m1), _pd(year, m2)
    if first is None or last is None:
        return None
    return {"date": first.iso(), "precision": "month", "date_end": last.last_day().isoformat()}


def _month_year(m, pub, prev):
    return _abs(_pd(int(m.group("y")), _month(m)))


def _iso(m, pub, prev):
    return _abs(_pd(int(m.group("y")), int(m.group("mo")), int(m.group("d"))))


def _year(m, pub, prev):
    return _abs(_pd(int(m.group("y"))))


def _year_range(m, pub, prev):
    y1 = int(m.group("y1"))
    raw = m.group("y2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 100:
        return None
    return {"date": f"{y1:04d}", "precision": "range", "date_end": f"{y2:04d}"}


def _fiscal_year(m, pub, prev):
    raw = m.group("fy")
    fy = int(raw) if len(raw) == 4 else 2000 + int(raw)
    raw2 = m.groupdict().get("fy2") or m.groupdict().get("fy4")
    fy2 = (int(raw2) if len(raw2) == 4 else (fy // 100) * 100 + int(raw2)) if raw2 else fy
    if fy < fy2:  # "FY2002-13", "fiscal 2010 through 2014"
        first, _ = fiscal_year_bounds(fy)
        _, last = fiscal_year_bounds(fy2)
        return {"date": first.isoformat(), "precision": "fiscal_year", "date_end": last.isoformat(),
                "note": f"FY{fy}–FY{fy2}"}  # fmt: skip
    first, last = fiscal_year_bounds(fy)
    return {"date": first.isoformat(), "precision": "fiscal_year", "date_end": last.isoformat(),
            "note": f"FY{fy}"}  # fmt: skip


def _decade(m, pub, prev):
    start = int(m.group("dec"))
    return {"date": f"{start:04d}", "precision": "decade", "date_end": f"{start + 9:04d}-12-31"}


# --- relative to the published date -------------------------------------------------------


def _month_day_no_year(m, pub, prev):
    month, day = _month(m), int(m.group("d"))
    year = _nearest_year(month, day, pub)
    if year is None:
        return {"note": "no year in the text and no published month to infer it"}
    return {**(_abs(_pd(year, month, day)) or {}), "relative": True, "anchor": "published"}


def _month_alone(m, pub, prev):
    month = _month(m)
    cue = m.group("cue").lower()
    if pub is None or pub.month is None:
        return {"note": "no year in the text and no published month to infer it"}
    before = re.split(r"[,.;:!?]", m.string[max(0, m.start() - 60) : m.start()].lower())[-1]
    if cue in {"next", "this coming"} or (
        cue in {"in", "by", "until", "till"} and FUTURE_CUE.search(before)
    ):  # "is due to retire in November": the next November
        year = pub.year if month > pub.month else pub.year + 1
    elif cue == "this":
        year = pub.year
    else:
        year = _nearest_year(month, None, pub)
    return {**(_abs(_pd(year, month)) or {}), "relative": True, "anchor": "published"}


def _this_last_next(m, pub, prev):
    unit = m.group("unit").lower()
    shift = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[m.group("rel").lower()]
    if pub is None:
        return {"note": "relative date: the published date is not known"}
    if unit == "year":
        date = _pd(pub.year + shift)
    elif unit == "month":
        if pub.month is None:
            return {"note": "relative date: the published month is not known"}
        date = _pd(*_add_months(pub.year, pub.month, shift))
    else:  # week: resolved only as far as the whole week lies in one month
        anchor = pub.as_date()
        if anchor is None:
            return {"note": "relative date: the published day is not known"}
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        sunday = monday + dt.timedelta(days=6)
        date = (
            _pd(monday.year, monday.month)
            if (monday.year, monday.month) == (sunday.year, sunday.month)
            else _pd(monday.year)
            if monday.year == sunday.year
            else None
        )
        if date is None:
            return {"note": "relative week spans two years"}
    return {**(_abs(date) or {}), "relative": True, "anchor": "published"}


def _deictic_day(m, pub, prev):
    word = m.group("w").lower()
    if pub is None:
        return {"note": "relative date: the published date is not known"}
    if word in {"today", "tonight"}:
        return {**(_abs(pub) or {}), "relative": True, "anchor": "published"}
    day = pub.as_date()
    if day is None:
        return {"note": "relative date: the published day is not known"}
    shift = -1 if word == "yesterday" else 1
    return {**(_abs(PartialDate.from_date(day + dt.timedelta(days=shift))) or {}),
            "relative": True, "anchor": "published"}  # fmt: skip


def _weekday(m, pub, prev):
    if pub is None or pub.as_date() is None:
        return {"note": "relative weekday: the published day is not known"}
    anchor = pub.as_date()
    wd = WEEKDAYS.index(m.group("wd").lower())
    cue = (m.group("cue") or "").lower()
    before = m.string[max(0, m.start() - 60) : m.start()].lower()
    future = cue == "next" or (cue != "last" and FUTURE_CUE.search(before) is not None)
    if future:
        delta = (wd - anchor.weekday()) % 7 or 7
    else:
        delta = -((anchor.weekday() - wd) % 7)
        if cue == "last" and delta == 0:
            delta = -7
    day = anchor + dt.timedelta(days=delta)
    return {**(_abs(PartialDate.from_date(day)) or {}), "relative": True, "anchor": "published"}


def _ago(m, pub, prev):
    n, unit = _number(m.group("n")), m.group("unit").lower()
    if pub is None:
        return {"note": "relative date: the published date is not known"}
    return _shift(pub, n, unit, -1, "published", approx=bool(m.group("approx")))


def _later_earlier(m, pub, prev):
    n, unit = _number(m.group("n")), m.group("unit").lower()
    if prev is None:
        return {"note": "relative to an earlier date that the text does not give"}
    sign = 1 if m.group("dir").lower() in {"later", "afterwards", "after that"} else -1
    return _shift(prev, n, unit, sign, "previous date", approx=bool(m.group("approx")))


def _shift(base: PartialDate, n: int, unit: str, sign: int, anchor: str, approx: bool) -> dict:
    if unit == "year":
        date = _pd(base.year + sign * n)
    elif unit == "month" and base.month is not None:
        date = _pd(*_add_months(base.year, base.month, sign * n))
        if approx:
            date = _pd(date.year) if date else None
    elif unit in {"day", "week"} and base.day is not None and not approx:
        days = n * (7 if unit == "week" else 1)
        date = PartialDate.from_date(base.first_day() + dt.timedelta(days=sign * days))
    else:
        return {"note": f"'{unit}' offset from a date known only to the {base.precision}"}
    return {**(_abs(date) or {}), "relative": True, "anchor": anchor}


def _same_year(m, pub, prev):
    word = (m.group("which") or "that").lower()
    if prev is None:
        return {"note": "relative to an earlier date that the text does not give"}
    shift = {"same": 0, "that": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}[word]
    return {**(_abs(_pd(prev.year + shift)) or {}), "relative": True, "anchor": "previous date"}


def _same_month(m, pub, prev):
    word = (m.group("which") or "that").lower()
    if prev is None or prev.month is None:
        return {"note": "relative to an earlier month that the text does not give"}
    shift = {"same": 0, "that": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}[word]
    return {**(_abs(_pd(*_add_months(prev.year, prev.month, shift))) or {}), "relative": True,
            "anchor": "previous date"}  # fmt: skip


def _event_relative(m, pub, prev):
    return {"relative": True, "note": "relative to another event; not resolved"}


def _event_name(m, pub, prev):
    return {
        "relative": True,
        "note": 'part of an event\'s name ("September 11 attacks"); not resolved',
    }


def _vague(m, pub, prev):
    return {"relative": True, "note": "vague expression; not resolved"}


_PATTERNS: list[tuple[re.Pattern[str], Resolver, Anchor]] = [
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
    (
        re.compile(
            rf"\b{_MONTH}\.?\s+{_DAY}(?=\s+(?:attacks?|bombings?|massacre|raid|strikes?)\b)"
        ),
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
    (
        re.compile(
            r"\b(?:FY|fiscal years?\s+|fiscal\s+)'?(?P<fy>\d{4}|\d{2})(?:\s*[-–]\s*(?:FY)?(?P<fy2>\d{4}|\d{2})"
            r"|\s+(?:through|to|until|and)\s+(?:FY|fiscal\s+(?:year\s+)?)?(?P<fy4>(?:19|20)\d\d))?\b"
        ),
        _fiscal_year,
        _FISCAL_ANCHOR,
    ),
    (  # "the 1991 fiscal year"
        re.compile(r"\b(?P<fy>(?:19|20)\d\d)\s+fiscal\s+year\b"),
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
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>this|last|next|previous|coming)\s+(?P<unit>year|month|week)\b",
            re.I,
        ),
        _this_last_next,
        _UNIT_ANCHOR,
    ),
    (
        re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow)\b", re.I),
        _deictic_day,
        Anchor.words(["today", "tonight", "yesterday", "tomorrow"]),
    ),
    (
        re.compile(rf"\b(?:on\s+)?(?:(?P<cue>last|this|next)\s+)?(?P<wd>{_WEEKDAY})\b"),
        _weekday,
        _WEEKDAY_ANCHOR,
    ),
    (
        re.compile(
            rf"\b(?P<approx>{_APPROX}){_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I
        ),
        _ago,
        Anchor.words(["ago"]),
    ),
    (
        re.compile(
            rf"\b(?P<approx>{_APPROX}){_NUM}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|afterwards|earlier)\b",
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
    (
        re.compile(
            r"\b(?:(?:just|only|mere)\s+)?(?:hours|days|weeks|months|years)\s+(?:after|before|later|earlier)\b",
            re.I,
        ),
        _event_relative,
        Anchor.words(["hours", "days", "weeks", "months", "years"]),
    ),
    (
        re.compile(rf"\b{_APPROX}(?:a|one|two|three|several)\s+decades?\s+ago\b", re.I),
        _vague,
        Anchor.words(["decade"]),
    ),
]


def date_mentions(
    text: str, published: PartialDate | None, sentences: list[tuple[int, int]] | None = None
) -> list[DateMention]:
    """Every date expression in ``text``, longest first where they overlap, in text order.

    Relative expressions use ``published``; "N years later" and "the same year" use the
    narrative time: the last date that opened a sentence ("In September 2022, …"), or
    else the last date told before.
    """
    openers = sorted(s for s, _ in sentences or [])
    scan = Scan(text)
    found: list[tuple[int, int, int, re.Match[str], Resolver]] = []
    for rank, (pattern, resolver, anchor) in enumerate(_PATTERNS):
        for m in scan.near(pattern, anchor):
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

    out: list[DateMention] = []
    prev: PartialDate | None = None
    narrative: PartialDate | None = None
    for start, end, m, resolver in chosen:
        result = resolver(m, published, narrative or prev)
        if result is None:
            continue
        mention = DateMention(
            start, end, text[start:end], result.get("date"), result.get("precision")
        )
        mention = replace(
            mention,
            date_end=result.get("date_end"),
            relative=result.get("relative", "date" not in result),
            anchor=result.get("anchor", ""),
            note=result.get("note", ""),
        )
        if mention.precision in {"day", "month", "year"}:
            prev = PartialDate.parse(mention.date)
            i = bisect.bisect_right(openers, start) - 1
            if i >= 0 and opens_sentence(text, openers[i], start):
                narrative = prev
            if mention.date_end is None:
                mention = replace(mention, date_end=_last_day_iso(prev))
        out.append(mention)
    return out


def _last_day_iso(date: PartialDate) -> str:
    return date.last_day().isoformat()
