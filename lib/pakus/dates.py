"""Partial dates: a date known only to the year, month or day, and US fiscal years."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date no more precise than its source: year, year-month or year-month-day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # raises ValueError for an impossible date
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _ISO.match(value.strip())
        if not m:
            raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in m.groups())
        return cls(year, month, day)

    @classmethod
    def from_date(cls, d: dt.date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The ISO 8601 form at this precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def as_date(self) -> dt.date | None:
        """The exact date, or None when the precision is coarser than a day."""
        return self.first_day() if self.day is not None else None

    def truncate(self, precision: str) -> PartialDate:
        """This date at a coarser (or equal) precision."""
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def compatible(self, other: PartialDate) -> bool:
        """True when the two agree at the coarser of their precisions."""
        coarser = coarser_precision(self.precision, other.precision)
        return self.truncate(coarser) == other.truncate(coarser)

    def __str__(self) -> str:
        return self.iso()


def is_iso_or_empty(value: str) -> bool:
    """True for ``""`` or a valid ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (table schemas use it)."""
    if value == "":
        return True
    try:
        PartialDate.parse(value)
    except ValueError:
        return False
    return True


def coarser_precision(a: str, b: str) -> str:
    """The coarser of two precisions (``year`` > ``month`` > ``day``)."""
    return a if PRECISIONS.index(a) > PRECISIONS.index(b) else b


def fiscal_year_of(d: dt.date) -> int:
    """The US federal fiscal year (1 October – 30 September) that contains ``d``."""
    return d.year + 1 if d.month >= 10 else d.year


def fiscal_year_bounds(fy: int) -> tuple[dt.date, dt.date]:
    """First and last day of US federal fiscal year ``fy`` (FY2018 = 2017-10-01 … 2018-09-30)."""
    return dt.date(fy - 1, 10, 1), dt.date(fy, 9, 30)
