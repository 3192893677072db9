"""Actors named without a name: a nationality and a generic agent ("Pakistani soldiers",
"Afghan officials", "Indian warplanes"), and office holders named by title and surname
("Prime Minister Sharif"), resolved by the dates of office.

Tables: ``agents.csv`` then ``peer_agents.csv`` (agent phrase → Phoenix sector; the first
listed wins), ``demonyms.csv`` and ``peer_demonyms.csv`` (adjective → state), ``offices.csv``
(who held an office when). See data/reference/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from pakus.dates import PartialDate
from pakus.extract.mentions import EntityMention

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
"""Sectors of a state's own bodies: a compound actor of these is an ``org``, others a ``group``."""
_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")


class Agents:
    """Generic agents by their words, and the nationality adjectives that qualify them."""

    def __init__(self, agents: pd.DataFrame, demonyms: pd.DataFrame, states: dict[str, str]):
        self.phrases: dict[tuple[str, ...], str] = {}
        for agent, sector in zip(agents.get("agent", []), agents.get("sector", []), strict=True):
            self.phrases.setdefault(tuple(agent.lower().split()), sector)
        self.longest = max((len(k) for k in self.phrases), default=0)
        self.demonyms = {
            d: s for d, s in zip(demonyms["demonym"], demonyms["state"], strict=True)
            if " " not in d and d[:1].isupper()
        }  # fmt: skip
        self.states = states

    def agent_at(self, words: list[str], starts: list[int], ends: list[int], text: str,
                 k: int) -> tuple[int, str] | None:  # fmt: skip
        """The longest agent phrase starting at token ``k``: (index after it, sector)."""
        best = None
        for n in range(1, self.longest + 1):
            if k + n > len(words):
                break
            if n > 1 and not _SPACE.fullmatch(text, ends[k + n - 2], starts[k + n - 1]):
                break
            sector = self.phrases.get(tuple(w.lower() for w in words[k : k + n]))
            if sector is not None:
                best = (k + n, sector)
        return best

    def compounds(
        self, text: str, words: list[str], starts: list[int], ends: list[int]
    ) -> list[EntityMention]:
        """Nationality + agent, with at most one lower-case word between ("Pakistani
        paramilitary troops"): one mention from the adjective to the agent, with the state
        as country and the agent's sector."""
        out = []
        n = len(words)
        i = 0
        while i < n - 1:
            state = self.demonyms.get(words[i])
            if state is None or not _SPACE.fullmatch(text, ends[i], starts[i + 1]):
                i += 1
                continue
            hit = self.agent_at(words, starts, ends, text, i + 1)
            if (
                hit is None
                and i + 2 < n
                and words[i + 1].isalpha()
                and words[i + 1].islower()
                and _SPACE.fullmatch(text, ends[i + 1], starts[i + 2])
            ):
                hit = self.agent_at(words, starts, ends, text, i + 2)
            if hit is None:
                i += 1
                continue
            j, sector = hit
            start, end = starts[i], ends[j - 1]
            name = f"{self.states.get(state, state)} ({sector})"
            kind = "org" if sector in STATE_SECTORS else "group"
            out.append(
                EntityMention(start, end, text[start:end], f"{state}.{sector}", name, kind,
                              state, "compound", state, sector)  # fmt: skip
            )
            i = j
        return out


@dataclass(frozen=True)
class Office:
    """One term of an office: who held it, from when to when (None: still held)."""

    titles: tuple[str, ...]
    country: str
    sector: str
    holder: str
    name: str
    start: dt.date
    end: dt.date | None

    def distance(self, when: PartialDate) -> int:
        first, last = when.first_day(), when.last_day()
        after = (first - self.end).days if self.end else 0
        return max(after, (self.start - last).days, 0)


class Offices:
    """Terms of office by title and surname (``offices.csv``)."""

    def __init__(self, table: pd.DataFrame):
        self.by_key: dict[tuple[str, str], list[Office]] = {}
        for row in table.itertuples(index=False) if len(table) else ():
            office = Office(
                tuple(t.strip() for t in row.titles.split("|")), row.country, row.sector,
                row.holder, row.name, PartialDate.parse(row.start).first_day(),
                PartialDate.parse(row.end).last_day() if row.end else None,
            )  # fmt: skip
            surname = row.surname
            for title in office.titles:
                self.by_key.setdefault((title.lower(), surname), []).append(office)
        titles = sorted({t for t, _ in self.by_key}, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<![\w.])(?:(?:[Ff]ormer|[Tt]hen-?)[ \t]+)?(?P<title>(?i:"
                + "|".join(re.escape(t).replace(r"\ ", r"[ \t\u00a0]+") for t in titles)
                + r"))[ \t\u00a0]+(?P<surname>[A-Z][a-z’'\-]+)\b(?![ \t\u00a0]+[A-Z][a-z])"
            )
            if titles
            else None
        )

    def holder(self, title: str, surname: str, when: PartialDate | None) -> Office | None:
        """The holder of office ``title`` with ``surname`` at ``when`` (the term holding it or
        lying nearest; the latest term when no time is known)."""
        terms = self.by_key.get((re.sub(r"\s+", " ", title.lower()), surname))
        if not terms:
            return None
        if when is None:
            return max(terms, key=lambda o: o.start)
        return min(terms, key=lambda o: (o.distance(when), -o.start.toordinal()))
