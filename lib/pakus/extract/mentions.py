"""The records that extraction returns: each carries its offsets and quote."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of a document: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class EntityMention(Span):
    id: str
    name: str
    type: str
    affiliation: str = ""
    method: str = "gazetteer"
    """How it was found: gazetteer, fuzzy, acronym, title, pattern, compound, office or
    coreference."""
    country: str = ""
    """ISO 3166 alpha-3 of the state the actor is or belongs to, ``IGO`` for an international
    body, or empty (unknown, or a group without one)."""
    sector: str = ""
    """Phoenix/PLOVER sector code (GOV, MIL, COP, REB, SPY, …), or empty (a state itself, a place)."""


@dataclass(frozen=True)
class DateMention(Span):
    date: str | None
    """ISO date at its precision (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); None if unresolved."""
    precision: str | None
    """day, month, year, decade, fiscal_year, range or named_day; None if unresolved."""
    date_end: str | None = None
    """For ranges, decades and fiscal years: the last date covered."""
    relative: bool = False
    anchor: str = ""
    """What a relative date was resolved against: ``published``, ``dateline`` (the date of
    the story's dateline) or ``previous date``."""
    note: str = ""
    """Why a date is unresolved, or what it is (``dateline``, the named day)."""
    date_start: str | None = None
    """The first day covered (ISO); with ``date_end``, the days the expression spans."""
    fiscal_year: int | None = None
    """For a fiscal year: its number, the calendar year in which it ends (the first of a
    range of fiscal years)."""
    fiscal_calendar: str = ""
    """For a fiscal year: the state whose fiscal year it is (ISO 3166 alpha-3; USA for the US
    federal October–September year; pakus/data/reference/fiscal_calendars.csv)."""
    label: str = ""
    """For a named day ("9/11", precision ``named_day``): the name of what happened that day
    (pakus/data/reference/named_days.csv). A named day labels an era or an attack; it never dates
    another event."""


@dataclass(frozen=True)
class AmountMention(Span):
    usd: float | None
    """The value in US dollars; None for another currency."""
    usd_max: float | None = None
    """Upper end of a range (``$300-400 million``), in US dollars."""
    qualifier: str = ""
    """more than, about, up to, … as the text says."""
    purpose: str = ""
    """What the money is for, in the sentence's own words."""
    category: str = ""
    """military aid, arms sale, economic aid, humanitarian aid, reimbursement or trade."""
    program: str = ""
    fiscal_year: int | None = None
    currency: str = "USD"
    """ISO 4217 code (pakus/data/reference/currencies.csv); "" where the text leaves it open
    ("Rs" with no state named)."""
    value: float = 0.0
    """The amount in its own currency (lower end of a range)."""
    value_max: float | None = None
    role: str = ""
    """"" for a sum of its own; ``part`` of a larger amount ("of which $430 million");
    ``equivalent``: the same sum in another currency, in brackets after it."""
    whole: int | None = None
    """For a part or an equivalent: the start offset of the other amount."""


@dataclass(frozen=True)
class CountMention(Span):
    count: int
    unit: str


@dataclass(frozen=True)
class EventMention(Span):
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    mode: str = ""
    date: str | None = None
    precision: str | None = None
    date_quote: str = ""
    actors: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    """Programmes (and agreements) named in the clause: IMET, FMF, CIS-MOA, …"""
    countries: tuple[str, ...] = ()
    """Countries (or groups) the actors belong to: a state is its own country."""
    source_actor: str = ""
    target_actor: str = ""
    source_country: str = ""
    target_country: str = ""
    source_sector: str = ""
    """Phoenix/PLOVER sector of the source actor (GOV, MIL, COP, REB, …), if known."""
    target_sector: str = ""
    intensity: float = 0.0
    quad: str = ""
    context: str = ""
    negated: bool = False
    modality: str = "asserted"
    """asserted, future, hypothetical, or general (a standing state or habit told in the
    simple present: "a group that fights coalition forces"; not a dated happening)."""

    @property
    def told_as_done(self) -> bool:
        """Told as having happened: asserted and not negated (PLOVER codes only these as
        events; the others are statements of intent, possibility or denial)."""
        return self.modality == "asserted" and not self.negated


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc: str
    text: str
    entities: list[EntityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    amounts: list[AmountMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def records(self, kind: str) -> list[dict]:
        """Rows for one kind (``entity``, ``date``, ``amount``, ``count``, ``event``)."""
        items = {
            "entity": self.entities,
            "date": self.dates,
            "amount": self.amounts,
            "count": self.counts,
            "event": self.events,
        }[kind]
        rows = []
        for item in items:
            row = {"doc": self.doc, "kind": kind, **asdict(item)}
            for key in ("actors", "programs", "countries"):
                if key in row:
                    row[key] = list(row[key])
            rows.append(row)
        return rows
