"""One fact per happening: event and amount mentions from all documents grouped, with every
disagreement and implausible value flagged.

Grouping (event mentions that are dated and told as done), in date order; a mention joins the
first fact it *can be the same happening as* (:func:`same_happening`), else it starts a new one:

1. *Same frame*: the same PLOVER type; the same PLOVER mode where both give one (a phone call
   is not a visit); the same source country and the same target country where both mentions
   give them (for CONSULT, whose meetings are told from either side, the same pair of
   countries in either order).
2. *Compatible dates*: the dates agree at the coarser precision, or — when the mention shares
   a programme with the fact (IMET, FMF, …; a clause that names none but follows a programme's
   mention within about two sentences, in an aid-related event, takes that programme) — they
   lie at most ``DATE_SLACK_DAYS`` apart (a date told wrongly by one source; further apart they
   are two happenings, such as a suspension in January and a cancellation in August). Two
   mentions from *one document* whose dates disagree are never one happening: a document that
   gives two dates tells two things, never a conflict between sources.
3. *Shared participants*: a shared programme, or (dates agreeing) a shared actor that is not a
   state, or two shared actors.

This generalises the "one-a-day" filter of machine-coded event data (one record per date,
source, target and event code; Schrodt, *Analyzing International Event Data: A Handbook of
Computer-Based Techniques*, 2012), with date precision and slack for sources that misdate.

A fact's ``documents`` counts *independent* documents: a reprint or near-duplicate (a
document whose ``reprint_of`` names another, as ``pakus add`` records it) counts with its
original, once (:func:`independent_sources`); so two copies of one wire story do not
corroborate each other.

4. A fact's date is the most precise date that two documents or more attest (at that
   precision or finer) and that no document contradicts; failing that, the date most documents
   agree with (at the coarser precision), ties going to the more precise, then the earlier.
   Its amount is the amount the most documents give.
5. Members from different documents whose dates do not agree beyond their precision, or whose
   amounts differ, are *conflicts*; each version is listed with its document and quote.

Plausibility flags, each naming its rule:

- ``aid-amount-exceeds-all-aid``: an aid amount larger than all US aid to Pakistan in
  FY2002–FY2018 as the CRS tables give it (``pakus/data/reference/aid_by_fiscal_year.csv``);
- ``date-after-publication``: an event told as done, dated after its document's publication;
- ``published-after-today``: a document whose published date begins after today (the day of
  the build), so that the dates resolved against it are in the future too (a whole-document
  flag: start and end 0, empty quote);
- ``date-after-today``: an event told as done, dated after today;
- ``date-disagrees-with-corpus``: a mention whose date disagrees with the date more documents
  give for the same happening.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import hashlib
import heapq
from collections import Counter, deque
from dataclasses import dataclass, field

import pandas as pd

from pakus.corrections import Correction, apply_to_groups, apply_to_mentions
from pakus.dates import PRECISIONS, PartialDate
from pakus.extract.amounts import usd_text
from pakus.reference import extraction_tables, load_series

WINDOW_DAYS = 366
"""No fact spans more than this many days between its members' first days."""
DATE_SLACK_DAYS = 92
"""How far apart (days between the two dates' spans: a quarter) the dates of two documents
sharing a programme may lie and still be one happening told with a wrong date."""
SYMMETRIC_TYPES = frozenset({"CONSULT"})
"""Types whose source and target may be told either way round (a meeting of two sides)."""
AID_FAMILY = {"SANCTION", "AID", "COOPERATE"}
PROGRAMME_LOOKBACK = 600
"""How far back (characters, about two sentences) a clause looks for the programme it is about."""


# --- helpers on the event and entity tables, shared by reconciliation and analysis -----------


def asserted(events: pd.DataFrame) -> pd.DataFrame:
    """Events told as done: modality ``asserted`` and not negated (rows of the events table)."""
    return events[(events["modality"] == "asserted") & ~events["negated"]]


def dated_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events told as done (asserted, not negated) with a date, with ``first_day``/``last_day``
    (pandas Timestamps of the first and last day the date covers) added."""
    ev = asserted(events)
    ev = ev[ev["date"] != ""].copy()
    parsed = ev["date"].map(_date)
    ev["first_day"] = pd.to_datetime(parsed.map(lambda d: d.first_day()))
    ev["last_day"] = pd.to_datetime(parsed.map(lambda d: d.last_day()))
    return ev


def split(cell: str) -> list[str]:
    """A ';'-separated cell as a list (empty items dropped)."""
    return [x for x in str(cell).split(";") if x]


# --- the reconciled tables, one dataclass per row (columns: pakus.tables.COLUMNS) ------------


@dataclass(frozen=True)
class Fact:
    """One happening (a row of the ``facts`` table)."""

    fact_id: str
    type: str
    date: str
    precision: str
    actors: str
    programmes: str
    usd: float | None
    documents: int
    mentions: int
    corroborated: bool


@dataclass(frozen=True)
class FactSource:
    """One mention grouped into a fact (a row of ``fact_sources``)."""

    fact_id: str
    kind: str
    doc: str
    start: int
    end: int
    quote: str
    date: str
    usd: float | None


@dataclass(frozen=True)
class Conflict:
    """One source's version of a fact whose sources disagree (a row of ``conflicts``)."""

    fact_id: str
    field: str
    version: str
    doc: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Flag:
    """A mention that breaks a plausibility rule (a row of ``flags``)."""

    doc: str
    start: int
    end: int
    quote: str
    rule: str
    reason: str
    fact_id: str


@dataclass(frozen=True)
class Reconciled:
    """What :func:`reconcile` hands on: the rows of the four reconciled tables, unsorted
    (``pakus.tables`` types and sorts them)."""

    facts: list[Fact]
    fact_sources: list[FactSource]
    conflicts: list[Conflict]
    flags: list[Flag]
    corrections: list[Correction] = field(default_factory=list)
    """The researchers' corrections with what each changed (``pakus.corrections``)."""


@dataclass
class Group:
    """Event mentions of one happening while grouping: its PLOVER type, its members (rows of
    the dated events table, in date order), and the programmes and actors they name."""

    type: str
    members: list = field(default_factory=list)
    programmes: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    frames: set[tuple[str, str, str]] = field(default_factory=set)
    """Distinct (mode, source country, target country) of the members."""
    docs_by_date: dict[str, set[str]] = field(default_factory=dict)
    """The members' distinct dates (ISO), each with the documents that give it."""

    def add(self, row, progs: frozenset[str], actors: set[str]) -> None:
        """Take a mention (a row of the dated events table) in."""
        self.members.append(row)
        self.programmes |= progs
        self.actors |= actors
        self.frames.add(frame(row))
        self.docs_by_date.setdefault(_date(row.date).iso(), set()).add(row.doc)


def independent_sources(documents: pd.DataFrame) -> dict[str, str]:
    """Each document's independent source, ``{doc: source doc}``: the document itself, or for a
    reprint (its ``reprint_of`` cell names another document) the original, followed through a
    chain of reprints (a reprint of a reprint) to a document that reprints none. An original
    missing from the table is still the source (two reprints of it count once); a cycle stops
    at the first document seen again. A table without ``reprint_of`` gives each document
    itself."""
    if "reprint_of" not in documents.columns:
        return {d: d for d in documents["doc"]}
    parent = {
        d: str(r) for d, r in zip(documents["doc"], documents["reprint_of"], strict=True) if str(r)
    }
    out = {}
    for doc in documents["doc"]:
        seen, at = {doc}, doc
        while at in parent and parent[at] not in seen:
            at = parent[at]
            seen.add(at)
        out[doc] = at
    return out


def programme_told_before(entities: pd.DataFrame, doc: str, start: int) -> list[str]:
    """The programme named last before ``start`` (within ``PROGRAMME_LOOKBACK`` characters,
    about two sentences) in ``doc``: a one-item list of its id, or ``[]``."""
    near = entities[(entities["doc"] == doc) & (entities["type"] == "program")
                    & (entities["end"] <= start) & (entities["start"] >= start - PROGRAMME_LOOKBACK)]  # fmt: skip
    return [near.iloc[-1]["id"]] if not near.empty else []


class ProgrammeIndex:
    """The programme mentions of an entities table by document, for ``programme_told_before``
    in O(log n + k) a query (k: programmes within ``PROGRAMME_LOOKBACK`` characters) instead of a
    scan of the whole table. Built in O(n log n) for n programme mentions."""

    def __init__(self, entities: pd.DataFrame) -> None:
        self.by_doc: dict[str, list[tuple[int, int, int, str]]] = {}
        if entities.empty:
            return
        progs = entities[entities["type"] == "program"]
        for row, (doc, start, end, ident) in enumerate(zip(
            progs["doc"].tolist(), progs["start"].tolist(), progs["end"].tolist(),
            progs["id"].tolist(), strict=True,
        )):  # fmt: skip
            self.by_doc.setdefault(doc, []).append((int(start), row, int(end), str(ident)))
        for spans in self.by_doc.values():
            spans.sort()
        self.starts = {doc: [s for s, _, _, _ in spans] for doc, spans in self.by_doc.items()}

    def before(self, doc: str, start: int) -> list[str]:
        """As ``programme_told_before(entities, doc, start)``: of the programme mentions that
        end by ``start`` and start at most ``PROGRAMME_LOOKBACK`` characters before it, the
        one last in the table's order."""
        spans = self.by_doc.get(doc)
        if not spans:
            return []
        starts = self.starts[doc]
        lo = bisect.bisect_left(starts, start - PROGRAMME_LOOKBACK)
        hi = bisect.bisect_right(starts, start)
        best = max((spans[i] for i in range(lo, hi) if spans[i][2] <= start),
                   key=lambda span: span[1], default=None)  # fmt: skip
        return [best[3]] if best is not None else []


def _programmes(row, index: ProgrammeIndex) -> frozenset[str]:
    named = [p for p in split(row.programs) if p.startswith("PROG.") or p.startswith("AGR.")]
    if not named and row.type in AID_FAMILY:
        named = index.before(row.doc, row.start)
    return frozenset(named)


def _best_date(dates: list[tuple[PartialDate, str]]) -> PartialDate:
    """The most precise date that two documents or more attest (at that precision or finer)
    and none contradicts; failing that, the date most documents agree with (ties: the more
    precise, then the earlier). Computed over the distinct dates (each with its documents),
    so a fact told a thousand times costs what its few distinct dates cost."""

    def fineness(d: PartialDate) -> int:
        return 2 - PRECISIONS.index(d.precision)

    docs_of: dict[PartialDate, set[str]] = {}
    for d, doc in dates:
        docs_of.setdefault(d, set()).add(doc)
    distinct = list(docs_of)

    def attesting(d: PartialDate) -> set[str]:
        return set().union(
            *(docs_of[o] for o in distinct if o.compatible(d) and fineness(o) >= fineness(d))
        )

    candidates = [
        d for d in distinct if len(attesting(d)) >= 2 and all(o.compatible(d) for o in distinct)
    ]  # fmt: skip
    if candidates:
        return max(
            candidates, key=lambda d: (fineness(d), len(attesting(d)), -d.first_day().toordinal())
        )
    support = {
        d: len(set().union(*(docs_of[o] for o in distinct if o.compatible(d)))) for d in distinct
    }
    return max(support, key=lambda d: (support[d], fineness(d), -d.first_day().toordinal()))


def frame(row) -> tuple[str, str, str]:
    """A mention's event frame besides its type: (mode, source country, target country), each
    ``""`` when not given (columns missing from an older events table count as not given)."""
    return (
        str(getattr(row, "mode", "") or ""),
        str(getattr(row, "source_country", "") or ""),
        str(getattr(row, "target_country", "") or ""),
    )


def frames_agree(type_: str, a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Rule 1 of the module docstring on two frames of one PLOVER type: modes equal where both
    are given; source and target countries equal where both are given (for ``SYMMETRIC_TYPES``
    the given countries of one are those of the other, in either order)."""
    if a[0] and b[0] and a[0] != b[0]:
        return False
    if type_ in SYMMETRIC_TYPES:
        sa, sb = {c for c in a[1:] if c}, {c for c in b[1:] if c}
        return not sa or not sb or sa <= sb or sb <= sa
    return all(not x or not y or x == y for x, y in zip(a[1:], b[1:], strict=True))


def days_apart(a: PartialDate, b: PartialDate) -> int:
    """Days between the spans of two dates (0 when they touch or overlap)."""
    if a.first_day() > b.first_day():
        a, b = b, a
    return max(0, (b.first_day() - a.last_day()).days - 1)


def same_happening(row, group: Group, progs: frozenset[str], actors: set[str],
                   state_ids: set[str]) -> bool:  # fmt: skip
    """Can the mention ``row`` (a row of the dated events table, with its programmes ``progs``
    and actor ids ``actors``) be the happening ``group`` holds? The three rules of the module
    docstring; ``state_ids`` are the gazetteer's states (a shared state alone is not enough)."""
    if row.type != group.type:
        return False
    mine = frame(row)
    if not all(frames_agree(row.type, mine, f) for f in group.frames):
        return False
    same_programme = bool(progs & group.programmes)
    date = _date(row.date)
    agree = True
    for iso, docs in group.docs_by_date.items():
        other = _date(iso)
        if date.compatible(other):
            continue
        agree = False
        if row.doc in docs or not same_programme or days_apart(date, other) > DATE_SLACK_DAYS:
            return False
    if same_programme:
        return True
    shared = actors & group.actors
    return agree and bool((shared - state_ids) or len(shared) >= 2)


def fact_id(
    kind: str, doc: str, start: int, trigger_start: int, date: str, parties: str = ""
) -> str:
    """A stable id from the fact's earliest mention (its clause, trigger and date, and its
    source and target actors, ``"SRC>TGT"``: one trigger can code an event per coordinated
    actor, "US and Afghan forces attacked …")."""
    key = f"{kind}|{doc}|{start}|{trigger_start}|{date}" + (f"|{parties}" if parties else "")
    return "F" + hashlib.sha1(key.encode()).hexdigest()[:10]


_date = functools.lru_cache(maxsize=2**16)(PartialDate.parse)
"""``PartialDate.parse``, remembered: a corpus's mentions repeat a few thousand dates, each
parsed many times over (PartialDate is immutable, so one object serves every caller)."""


def _compatible(a: str, b: str) -> bool:
    """Two ISO dates at their precisions agree at the coarser one (one is a prefix of the other)."""
    return a.startswith(b) or b.startswith(a)


def _ancestors(date: str) -> list[str]:
    """The coarser dates that contain an ISO date: ``2011-05-02`` → ``2011``, ``2011-05``."""
    return [date[:n] for n in (4, 7) if len(date) > n]


@dataclass(eq=False)
class _Group:
    """A fact being grouped: its members and what a new mention is compared with."""

    gid: int
    type: str
    first_day: pd.Timestamp
    members: list = field(default_factory=list)
    programmes: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    dates: dict[str, None] = field(default_factory=dict)
    """The members' distinct dates (ISO), in the order first seen."""
    finest: str | None = None
    """When every two member dates agree (a chain, year ⊇ month ⊇ day): the finest of them."""
    years: set[int] = field(default_factory=set)
    keys: set[tuple] = field(default_factory=set)
    """The index keys the group is registered under (removed when its window closes)."""
    frames: set[tuple[str, str, str]] = field(default_factory=set)
    docs_by_date: dict[str, set[str]] = field(default_factory=dict)
    """As in :class:`Group`, for :func:`same_happening`."""

    def add(self, row, date: str, progs: frozenset[str], actors: set[str]) -> None:
        self.members.append(row)
        self.programmes |= progs
        self.actors |= actors
        self.frames.add(frame(row))
        self.docs_by_date.setdefault(date, set()).add(row.doc)
        if date not in self.dates:
            if not self.dates:
                self.finest = date
            elif self.finest is not None and _compatible(date, self.finest):
                self.finest = max(date, self.finest, key=len)
            else:
                self.finest = None
            self.dates[date] = None
            self.years.add(int(date[:4]))

    def date_keys(self) -> list[tuple]:
        """Keys under which a mention whose date may agree with every member finds the group:
        its finest date and each date containing it (for a chain), or its one year."""
        if self.finest is not None:
            return [("f", self.finest), *(("below", a) for a in _ancestors(self.finest))]
        if len(self.years) == 1:
            return [("year", next(iter(self.years)))]
        return []  # members in several years: no date agrees with all


def _actor_keys(actors: set[str], state_ids: set[str]) -> list[tuple]:
    """Keys shared by a mention and a group whenever they share an actor that is not a state,
    or two actors (so every group that can join by actors is found under one of them)."""
    others = sorted(actors - state_ids)
    states = sorted(actors & state_ids)
    pairs = [(a, b) for i, a in enumerate(states) for b in states[i + 1 :]]
    return [("actor", a) for a in others] + [("states", p) for p in pairs]


def _row_date_keys(date: str) -> list[tuple]:
    """The group date keys under which a group whose dates all agree with ``date`` is found."""
    return [
        *(("f", d) for d in [date, *_ancestors(date)]),
        ("below", date),
        ("year", int(date[:4])),
    ]


def group_events(ev: pd.DataFrame, entities: pd.DataFrame) -> list[Group]:
    """Group dated events told as done (``ev``, sorted by first day, doc, start) into facts by
    the rules of this module's docstring: a mention joins the first fact (in the order facts
    were opened) whose members all lie within ``WINDOW_DAYS`` and that it can be the same
    happening as (:func:`same_happening`); otherwise it opens a fact. The index below finds
    the facts that share a programme, or a non-state actor or two actors under agreeing
    dates (a necessary condition of the rules), and the full rules pick among them.

    O(n log n) in the number of mentions n, where comparing each mention with every open fact
    (and each fact's every member) was quadratic: facts are bucketed by type; as mentions come
    in date order, a fact's window is its first member's day and it is closed (dropped from
    every index) once that day is more than ``WINDOW_DAYS`` behind; the open facts are indexed
    by programme, and by (non-state actor or pair of states) × a date key (the finest date of
    a fact whose dates form a chain, the dates containing it, or its one year), so a mention
    looks only at the facts it can join, and takes the earliest-opened one that passes the
    full rule. Returns the groups in the order the facts were opened."""
    state_ids = (
        set(entities.loc[entities["type"] == "state", "id"]) if not entities.empty else set()
    )
    programmes_before = ProgrammeIndex(entities)
    groups: list[_Group] = []
    open_by_type: dict[str, deque[_Group]] = {}
    index: dict[tuple, list[int]] = {}
    """Index key → the facts registered under it: a heap of fact numbers (the earliest-opened
    on top), except under a ``year`` key (facts whose dates do not form a chain), a list."""

    def register(g: _Group, keys) -> None:
        for key in keys:
            if key not in g.keys:
                g.keys.add(key)
                entries = index.setdefault(key, [])
                if key[2][0] == "year":
                    entries.append(g.gid)
                else:
                    heapq.heappush(entries, g.gid)

    def index_keys(g: _Group, progs, actor_keys, date_keys) -> list[tuple]:
        out = [(g.type, "programme", ("p", p)) for p in progs]
        out += [(g.type, a, d) for a in actor_keys for d in date_keys]
        return out

    def joins(g: _Group, progs, actors: set[str], date: str) -> bool:
        """The grouping rule itself (the window aside)."""
        if progs & g.programmes:
            return True
        shared = actors & g.actors
        agree = all(_compatible(date, d) for d in g.dates)
        return agree and bool((shared - state_ids) or len(shared) >= 2)

    for row in ev.itertuples(index=False):
        progs = _programmes(row, programmes_before)
        actors = set(split(row.actors))
        date = _date(row.date).iso()
        queue = open_by_type.setdefault(row.type, deque())
        while queue and (row.first_day - queue[0].first_day).days > WINDOW_DAYS:
            queue.popleft()  # closed: its entries are dropped from the heaps as they surface
        oldest_open = queue[0].gid if queue else len(groups)
        best: int | None = None

        def same(g: _Group, row=row, progs=progs, actors=actors) -> bool:
            return same_happening(row, g, progs, actors, state_ids)

        probe = _Group(-1, row.type, row.first_day)
        for key in index_keys(probe, progs, _actor_keys(actors, state_ids), _row_date_keys(date)):
            entries = index.get(key)
            if not entries:
                continue
            if key[2][0] == "year":  # few facts (dates not a chain): each open one checked
                entries[:] = [gid for gid in entries if gid >= oldest_open]
                for gid in entries:
                    if (best is None or gid < best) and same(groups[gid]):
                        best = gid
                continue
            # under any other key every open, current entry passes the rule; an entry that
            # fails is closed or stale (its fact's dates moved on) for good: drop it
            while entries and (
                entries[0] < oldest_open or not joins(groups[entries[0]], progs, actors, date)
            ):
                stale = heapq.heappop(entries)
                groups[stale].keys.discard(key)
            # the matching rules (same_happening) are stricter than the key's rule, and a fact
            # they reject now may suit a later mention: it stays, and the next is tried
            if entries and (best is None or entries[0] < best):
                if same(groups[entries[0]]):
                    best = entries[0]
                else:
                    fits = [gid for gid in sorted(entries)[1:]
                            if (best is None or gid < best) and gid >= oldest_open
                            and joins(groups[gid], progs, actors, date) and same(groups[gid])]  # fmt: skip
                    best = fits[0] if fits else best
        chosen = groups[best] if best is not None else None
        if chosen is None:
            chosen = _Group(len(groups), row.type, row.first_day)
            groups.append(chosen)
            queue.append(chosen)
        before_dates = chosen.date_keys() if chosen.members else []
        new_actors = actors - chosen.actors
        chosen.add(row, date, progs, actors)
        after_dates = chosen.date_keys()
        if after_dates != before_dates:  # every actor key under the new date keys
            keys = _actor_keys(chosen.actors, state_ids)
            register(chosen, index_keys(chosen, chosen.programmes, keys, after_dates))
        else:  # the keys the new actors bring: their own, and their pairs with the states
            keys = [("actor", a) for a in sorted(new_actors - state_ids)]
            new_states = new_actors & state_ids
            keys += [k for k in _actor_keys(chosen.actors & state_ids, state_ids)
                     if k[1][0] in new_states or k[1][1] in new_states]  # fmt: skip
            register(chosen, index_keys(chosen, progs, keys, after_dates))
    return [Group(g.type, g.members, g.programmes, g.actors, g.frames, g.docs_by_date)
            for g in groups]  # fmt: skip


EVENT_COLUMNS = (
    "doc", "start", "end", "quote", "type", "mode", "trigger", "trigger_start", "date", "actors",
    "programs", "source_actor", "target_actor", "source_country", "target_country", "negated",
    "modality",
)  # fmt: skip
"""The columns of the events table that ``reconcile`` reads when no corrections apply (a
correction may set any column): a build reads only these, to hold less in memory."""
AMOUNT_COLUMNS = ("doc", "start", "end", "quote", "usd", "role", "category")
"""The columns of the amounts table that ``reconcile`` reads when no corrections apply."""


def reconcile(events: pd.DataFrame, amounts: pd.DataFrame, entities: pd.DataFrame,
              documents: pd.DataFrame, today: datetime.date | None = None,
              corrections: list[Correction] | None = None,
              aid_limit: float | None = None) -> Reconciled:  # fmt: skip
    """Group mentions into facts; return the rows of the facts, fact_sources, conflicts and
    flags tables, and the researchers' ``corrections`` (``pakus.corrections``) with what each
    changed. Inputs are the events, amounts, entities and documents tables; dates after
    ``today`` (default: the system's date) are flagged. Corrections apply before grouping
    (drop, set) and after it (split, join). ``aid_limit``: ``all_aid_total()`` when the
    caller has it already (a build keeps it in its cache: reading the validated series
    imports pandera); None computes it."""
    corrections = corrections or []
    applied: list[Correction] = []
    if corrections:
        intensity = extraction_tables().plover_types.set_index("type")["intensity"].to_dict()
        events, amounts, applied = apply_to_mentions(events, amounts, corrections, intensity)
    ev = _plain(dated_events(events).sort_values(["first_day", "doc", "start"]))
    amounts = _plain(amounts)
    groups = group_events(ev, entities)
    if corrections:
        programmes_before = ProgrammeIndex(entities)

        def add(g: Group, m) -> None:
            g.add(m, _programmes(m, programmes_before), set(split(m.actors)))

        def new_group(m) -> Group:
            g = Group(m.type)
            add(g, m)
            return g

        groups, regrouped = apply_to_groups(groups, corrections, new_group, add)
        applied += regrouped
    origin = independent_sources(documents)

    by_doc = _amounts_by_doc(amounts)
    facts: list[Fact] = []
    sources: list[FactSource] = []
    conflicts: list[Conflict] = []
    for g in groups:
        first = g.members[0]
        parties = (
            f"{getattr(first, 'source_actor', '') or ''}>{getattr(first, 'target_actor', '') or ''}"
        )
        fid = fact_id(g.type, first.doc, first.start, first.trigger_start, first.date, parties)
        dates = [(_date(m.date), origin.get(m.doc, m.doc)) for m in g.members]
        best = _best_date(dates)
        money = [(a, m) for m in g.members for a in _amounts_in(by_doc, m)]
        usd_votes = Counter(a.usd for a, _ in money)
        usd = max(usd_votes, key=lambda v: (usd_votes[v], v)) if usd_votes else None
        docs = sorted({origin.get(m.doc, m.doc) for m in g.members})  # reprints count once
        facts.append(Fact(
            fid, g.type, best.iso(), best.precision, ";".join(sorted(g.actors)),
            ";".join(sorted(g.programmes)), usd, len(docs), len(g.members), len(docs) >= 2,
        ))  # fmt: skip
        for m in g.members:
            sources.append(FactSource(fid, "event", m.doc, m.start, m.end, m.quote, m.date, None))
        for a, _ in money:
            sources.append(FactSource(fid, "amount", a.doc, a.start, a.end, a.quote, "", a.usd))
        distinct = list(dict.fromkeys(d for d, _ in dates))
        if any(not a.compatible(b) for a, b in _pairs(distinct)):
            for m in g.members:
                conflicts.append(Conflict(fid, "date", m.date, m.doc, m.start, m.end, m.quote))
        if len(usd_votes) > 1:
            for a, _ in money:
                conflicts.append(
                    Conflict(fid, "amount", f"{a.usd:.0f}", a.doc, a.start, a.end, a.quote)
                )
    limit = all_aid_total() if aid_limit is None else aid_limit
    flags = _flags(ev, amounts, documents, facts, sources, today or datetime.date.today(), limit)
    return Reconciled(facts, sources, conflicts, flags, applied)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its string columns as Python objects and a fresh index: the same values,
    many times faster to walk row by row (``itertuples``) than pyarrow-backed strings."""
    strings = {c: object for c in frame.columns if pd.api.types.is_string_dtype(frame[c])}
    return frame.astype(strings).reset_index(drop=True)


def _pairs(items: list) -> list[tuple]:
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


def _amounts_by_doc(amounts: pd.DataFrame) -> dict[str, list]:
    """The amounts table's rows by document, in table order (one pass over the table)."""
    by_doc: dict[str, list] = {}
    for a in amounts.itertuples():
        by_doc.setdefault(a.doc, []).append(a)
    return by_doc


def _amounts_in(by_doc: dict[str, list], m) -> list:
    """The US-dollar amounts inside an event mention's clause, less those that restate
    another (a part of a larger sum, or its equivalent in brackets)."""
    return [
        a for a in by_doc.get(m.doc, [])
        if m.start <= a.start and a.end <= m.end and pd.notna(a.usd) and not a.role
    ]  # fmt: skip


def all_aid_total() -> float:
    """All US aid to Pakistan FY2002–FY2018 in US$ (CRS, 2019 edition, printed grand total)."""
    t = load_series("aid_by_fiscal_year")
    row = t[(t["programme"] == "grand total") & (t["fiscal_year"] == "FY2002-FY2018")]
    return float(row["amount_musd"].max()) * 1e6


def _flags(ev: pd.DataFrame, amounts: pd.DataFrame, documents: pd.DataFrame, facts: list[Fact],
           sources: list[FactSource], today: datetime.date, limit: float) -> list[Flag]:  # fmt: skip
    flags = []
    for d in documents.itertuples():
        if d.published and _date(d.published).first_day() > today:
            reason = f"published {d.published}, after today ({today.isoformat()})"
            flags.append(Flag(d.doc, 0, 0, "", "published-after-today", reason, ""))
    for m in ev[ev["first_day"] > pd.Timestamp(today)].itertuples():
        reason = (
            f"{_event_label(m)} told as done but dated {m.date}, after today ({today.isoformat()})"
        )
        flags.append(Flag(m.doc, m.start, m.end, m.quote, "date-after-today", reason, ""))
    for a in amounts.itertuples():
        if a.category not in {"", "trade"} and a.usd > limit:
            reason = (f"{usd_text(a.usd)} is more than all US aid to Pakistan in "
                      f"FY2002–FY2018 ({usd_text(limit)}, CRS)")  # fmt: skip
            flags.append(
                Flag(a.doc, a.start, a.end, a.quote, "aid-amount-exceeds-all-aid", reason, "")
            )
    published = dict(zip(documents["doc"].tolist(), documents["published"].tolist(), strict=True))
    last_day = {
        doc: pd.Timestamp(_date(pub).last_day()) for doc, pub in published.items() if pub
    }  # fmt: skip
    for m in ev.itertuples():
        pub = published.get(m.doc, "")
        if pub and m.first_day > last_day[m.doc]:
            reason = f"{_event_label(m)} told as done but dated {m.date}, after publication ({pub})"
            flags.append(Flag(m.doc, m.start, m.end, m.quote, "date-after-publication", reason, ""))
    best = {f.fact_id: f for f in facts}
    for s in sources:
        f = best[s.fact_id]
        if s.kind != "event" or f.documents < 2:
            continue
        if not _date(s.date).compatible(_date(f.date)):
            reason = f"dated {s.date}; {f.documents} documents support {f.date}"
            flags.append(
                Flag(
                    s.doc, s.start, s.end, s.quote, "date-disagrees-with-corpus", reason, s.fact_id
                )
            )
    return list(dict.fromkeys(flags))  # one row for one statement of the same event's flag


def _event_label(m) -> str:
    """The flagged event as a flag's reason names it: its trigger and PLOVER type, so that two
    events of one sentence give two flags (the flag's span is the sentence)."""
    return f"'{m.trigger}' ({m.type})"
