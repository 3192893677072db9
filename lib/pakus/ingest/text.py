"""Text clean-up and the metadata found in the words themselves: datelines, dates in URLs,
bylines, and slugs for ids.

Dates are parsed only in the unambiguous written forms news and reports print them in
(``March 4, 2019``, ``4 March 2019``, ``Mar. 4, 2019``, ``2019-03-04``, ``March 2019``), and
kept at the precision written: a month and year give a month-precision date.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from pakus.dates import PartialDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
]
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_WEEKDAY_WORD = r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?\s*"

# A dateline opens a paragraph: a place in capitals (optionally with an agency in brackets),
# a comma, then the date — "WASHINGTON, March 4, 2019 —", "ISLAMABAD (Reuters), 4 March 2019:".
# A line that is only a date, optionally labelled, counts too: "Published Jan 06, 2020",
# "Updated March 5, 2019", "Date: 2019-03-05", "March 2019". A "published" line wins over an
# "updated" one.
_PLACE = re.compile(r"^[A-Z][A-Z .'\-]{1,40}(?:\s*\([^)]{1,40}\))?,\s*")
_LABEL = re.compile(
    r"^(?P<label>published|posted|updated|dated|date|released|issued)(?:\s+on)?\s*:?\s*", re.I
)
_TIME_REST = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[AP]M)?)?(?:\s+[A-Z]{2,4})?$", re.I)
DATELINE_LINES = 6
"""How many of a text's first non-empty lines are searched for a dateline."""

_URL_DATE = [
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$)"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?:[/_.-]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})(?:/|$)"),
]
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'\-]+(?:\s+(?:and\s+)?[A-Z][\w.'\-]+){0,5})\s*$")


def parse_written_date(value: str) -> PartialDate | None:
    """The first date written in ``value`` (see the module docstring), or None."""
    for form in _DATE_FORMS:
        m = form.search(value)
        if m and (date := _date_from(m)):
            return date
    return None


def _date_from(m: re.Match) -> PartialDate | None:
    groups = m.groupdict()
    month = groups.get("month")
    month_no = int(month) if month and month.isdigit() else _MONTHS.get((month or "").lower())
    try:
        day = int(groups["day"]) if groups.get("day") else None
        return PartialDate(int(groups["year"]), month_no, day)
    except (TypeError, ValueError):
        return None


def dateline_date(text: str) -> tuple[PartialDate, str] | None:
    """A date from a dateline among the first lines of ``text``, with the line's opening
    words (for ``published_basis``), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    found: list[tuple[bool, PartialDate, str]] = []
    for line in lines:
        head = line[:120]
        label = _LABEL.match(head)
        place = _PLACE.match(head)
        if label:
            at, whole, updated = label.end(), True, label.group("label").lower() == "updated"
        elif place:
            at, whole, updated = place.end(), False, False
        else:
            at, whole, updated = 0, True, False
        hit = date_at(head[at:], whole)
        if hit:
            found.append((updated, hit[0], head[: at + hit[1]]))
    if not found:
        return None
    updated, date, words = min(found, key=lambda f: f[0])  # the first not "updated"
    return date, words


def date_at(value: str, whole: bool) -> tuple[PartialDate, int] | None:
    """A date written right at the start of ``value`` (``whole``: and nothing after it but a
    weekday or a time of day), and where it ends."""
    skip = re.match(_WEEKDAY, value, flags=re.I)
    offset = skip.end() if skip else 0
    value = value[offset:]
    for form in _DATE_FORMS:
        m = form.match(value)
        if not m or not (date := _date_from(m)):
            continue
        rest = re.sub(_WEEKDAY_WORD, "", value[m.end() :].strip(" .,;"), flags=re.I)
        if whole and not _TIME_REST.match(rest.strip(" .,;")):
            continue
        return date, offset + m.end()
    return None


def url_date(url: str) -> PartialDate | None:
    """A date written in a URL's path (``/2019/03/04/``, ``-2019-03-04``, ``/2019/03/``)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "")
    for form in _URL_DATE:
        m = form.search(path)
        if m and (date := _date_from(m)):
            return date
    return None


def byline(text: str) -> str:
    """The name in a ``By Jane Roe`` line among the first lines, or ``""``."""
    for line in [s.strip() for s in text.splitlines() if s.strip()][:DATELINE_LINES]:
        m = _BYLINE.match(line)
        if m:
            return m.group("name")
    return ""


def clean_text(text: str) -> str:
    """NFC-normalised text with paragraphs separated by one blank line, lines trimmed,
    runs of spaces collapsed, control characters removed, ending in one newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    paragraphs = [re.sub(r" {2,}", " ", p.strip()) for p in re.split(r"\n", text)]
    body = "\n\n".join(p for p in paragraphs if p)
    return body + "\n" if body else ""


def slug(value: str, words: int, chars: int) -> str:
    """Lower-case ASCII words joined by ``-``: at most ``words`` words and ``chars`` characters."""
    ascii_ = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_.lower())[:words]
    out = ""
    for part in parts:
        candidate = f"{out}-{part}" if out else part
        if len(candidate) > chars:
            break
        out = candidate
    return out or (parts[0][:chars] if parts else "")


def first_line(text: str, limit: int = 150) -> str:
    """The text's first non-empty line if it is short enough to be a title, else ``""``."""
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else ""
    return ""
