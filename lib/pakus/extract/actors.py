"""Actors named without a name: a nationality and a generic agent ("Pakistani soldiers",
"Afghan officials", "Indian warplanes"), and office holders named by title and surname
("Prime Minister Sharif"), resolved by the dates of office.

Tables: ``agents.csv`` then ``peer_agents.csv`` (agent phrase → Phoenix sector; the first
listed wins), ``demonyms.csv`` and ``peer_demonyms.csv`` (adjective → state), ``offices.csv``
(who held an office when). See pakus/data/reference/README.md.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from pakus.dates import PartialDate
from pakus.extract.mentions import EntityMention
from pakus.extract.scan import joined
from pakus.extract.trie import trie_pattern

_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")


class Agents:
    """Generic agents by their words, and the nationality adjectives that qualify them. A
    demonym in the plural on its own ("the Palestinians") is its state's people: a mention
    of the state with no sector."""

    def __init__(
        self, agents: pd.DataFrame, demonyms: pd.DataFrame, states: dict[str, str],
        state_names: frozenset[str] = frozenset(),
    ) -> None:  # fmt: skip
        """``state_names``: the states' own names and abbreviations ("US", "U.S."), which stay
        mentions of the state before an agent ("US officials") and so open no compound."""
        self.phrases: dict[tuple[str, ...], str] = {}
        for agent, sector in zip(agents.get("agent", []), agents.get("sector", []), strict=True):
            self.phrases.setdefault(tuple(agent.lower().split()), sector)
        self.prefixes = {k[:n] for k in self.phrases for n in range(1, len(k) + 1)}
        self.heads = frozenset(k[-1] for k in self.phrases)
        """The head words of agent phrases ("coalition" of "ruling coalition")."""
        self.longest = max((len(k) for k in self.phrases), default=0)
        self.demonyms = {
            d: s for d, s in zip(demonyms["demonym"], demonyms["state"], strict=True)
            if " " not in d and d[:1].isupper() and d not in state_names
        }  # fmt: skip
        self.states = states
        self.state_names = state_names
        forms = sorted({*self.demonyms, *(d + "s" for d in self.demonyms)})
        self._hits = re.compile(trie_pattern(forms, space=" ") + r"(?![\w-])")
        """Where a nationality (or its plural) may start a compound: found by one scan."""

    def agent_at(self, words: list[str], starts: list[int], ends: list[int], text: str,
                 k: int) -> tuple[int, str] | None:  # fmt: skip
        """The longest agent phrase starting at token ``k``: (index after it, sector)."""
        best = None
        for n in range(1, self.longest + 1):
            if k + n > len(words):
                break
            if n > 1 and not _SPACE.fullmatch(text, ends[k + n - 2], starts[k + n - 1]):
                break
            key = tuple(w.lower() for w in words[k : k + n])
            if key not in self.prefixes:
                break
            sector = self.phrases.get(key)
            if sector is not None:
                best = (k + n, sector)
        return best

    def body_agents(self, text: str, mentions: list[EntityMention]) -> dict[int, EntityMention]:
        """International bodies followed by an agent ("UN peacekeepers", "NATO troops"): the
        body's mention (its span unchanged) with the agent's sector; by the index of the mention."""
        out = {}
        for k, e in enumerate(mentions):
            if e.country != "IGO":
                continue
            words, starts, ends = [], [], []
            for w in re.finditer(r"[^\W_]+", text[e.end : e.end + 40]):
                words.append(w.group())
                starts.append(e.end + w.start())
                ends.append(e.end + w.end())
            if not words or not _SPACE.fullmatch(text, e.end, starts[0]):
                continue
            hit = self.agent_at(words, starts, ends, text, 0)
            if hit is not None:
                out[k] = EntityMention(e.start, e.end, e.quote, e.id, e.name, e.type,
                                       e.affiliation, e.method, e.country, hit[1])  # fmt: skip
        return out

    def located(
        self, text: str, words: list[str], starts: list[int], ends: list[int],
        mentions: list[EntityMention],
    ) -> list[EntityMention]:  # fmt: skip
        """Generic agents named by where they are, with no nationality ("university students
        throughout Indonesia", "police in Karachi", "farmers across France"): the agent
        phrase (``agent_at``) right before a locative preposition (``LOCATED``) and a state
        or a place of one (``mentions``: the gazetteer's), as one mention of that state
        with the agent's sector — PLOVER codes an unnamed domestic actor by the country it
        is in ("Hundreds of thousands of people … in Hong Kong": HKG). Not for agents whose
        place says nothing of their side (``UNPLACED_SECTORS``: troops, spies, refugees
        abroad), nor where a nationality stands in the two words before the agent or a
        name right before it ("US officials in Islamabad" are the USA's)."""
        out: list[EntityMention] = []
        index = {s: i for i, s in enumerate(starts)}
        named_ends = sorted(m.end for m in mentions)
        for place in mentions:
            if place.type not in {"state", "place"} or not place.country or place.country == "IGO":
                continue
            p = index.get(place.start)
            if p is None or p < 2:
                continue
            q = p - 1
            if words[q].lower() == "the" and q > 1:
                q -= 1
            if words[q].lower() not in LOCATED or not _SPACE.fullmatch(
                text, ends[q], starts[q + 1]
            ):
                continue
            j = q - 1  # the agent phrase's last word
            if not _SPACE.fullmatch(text, ends[j], starts[q]):
                continue
            hit = None
            for k in range(max(0, j - self.longest + 1), j + 1):
                found = self.agent_at(words, starts, ends, text, k)
                if found is not None and found[0] == j + 1:
                    hit = (k, found[1])
                    break
            if hit is None or hit[1] in UNPLACED_SECTORS:
                continue
            k, sector = hit
            first = k  # the one or two words before the agent in its own phrase
            while first > max(0, k - 2) and _SPACE.fullmatch(text, ends[first - 1], starts[first]):
                first -= 1
            if any(w in self.demonyms or w in self.state_names for w in words[first:k]):
                continue  # "US officials in Islamabad", "Pakistani police in …"
            i = bisect.bisect_left(named_ends, ends[k - 1]) if first < k else len(named_ends)
            if i < len(named_ends) and named_ends[i] == ends[k - 1]:
                continue  # a name right before the agent: "CIA officers in …"
            state = place.country
            out.append(self._compound(starts[k], ends[j], text[starts[k] : ends[j]], state, sector))
        return out

    def led(
        self, text: str, words: list[str], starts: list[int], ends: list[int],
        mentions: list[EntityMention],
    ) -> list[EntityMention]:  # fmt: skip
        """Agents led by a state or body ("the US-led coalition", "Saudi-led forces",
        "NATO-led troops"): the noun after ``X-led`` (and at most one lower-case word) that
        heads an agent phrase (``heads``) is a compound actor of X's country, with its own
        sector where it is an agent itself. X: a nationality adjective, or a state or body
        of the gazetteer (``mentions``) with a country. "-backed" is not "-led": a
        government backed by a state is not that state."""
        out: list[EntityMention] = []
        ending = {m.end: m for m in mentions}
        index = {s: i for i, s in enumerate(starts)}
        for hit in _LED.finditer(text):
            i = index.get(hit.end())
            if i is None:
                continue
            who = hit.start()
            leader = ending.get(who)
            state = leader.country if leader is not None else ""
            if not state:
                k = bisect.bisect_left(ends, who)
                if k < len(ends) and ends[k] == who:
                    state = self.demonyms.get(words[k], "")
            if not state:
                continue
            for j in (i, i + 1):
                if j >= len(words) or words[j].lower() not in self.heads:
                    continue
                if j > i and not (
                    words[i].islower() and _SPACE.fullmatch(text, ends[i], starts[j])
                ):
                    continue
                agent = self.agent_at(words, starts, ends, text, j)
                sector = agent[1] if agent is not None and agent[0] == j + 1 else ""
                out.append(self._compound(starts[j], ends[j], words[j], state, sector))
                break
        return out

    def compounds(
        self, text: str, words: list[str], starts: list[int], ends: list[int]
    ) -> list[EntityMention]:
        """Nationality + agent, with at most one lower-case word between ("Pakistani
        paramilitary troops"): one mention from the adjective to the agent, of the state (id,
        name, type ``state``, as Phoenix codes ``PAKMIL`` as Pakistan with a sector) with the
        agent's sector. A singular agent that is the office of a person named beside it is
        left to that person."""
        out: list[EntityMention] = []
        n = len(words)
        for hit in self._hits.finditer(text):
            if joined(text, hit.start() - 1):
                continue
            i = bisect.bisect_left(starts, hit.start())
            if i >= n - 1 or starts[i] != hit.start() or (out and starts[i] < out[-1].end):
                continue
            self._compound_at(text, words, starts, ends, i, out)
        return out

    def _compound(self, start: int, end: int, quote: str, state: str, sector: str) -> EntityMention:
        """A compound actor: the words from ``start`` to ``end`` stand for ``state`` (id, name,
        type ``state``, method ``compound``) with the agent's Phoenix ``sector``."""
        return EntityMention(
            start, end, quote, state, self.states.get(state, state), "state", state, "compound",
            state, sector,
        )  # fmt: skip

    def _compound_at(
        self, text: str, words: list[str], starts: list[int], ends: list[int], i: int,
        out: list[EntityMention],
    ) -> None:  # fmt: skip
        """The compound actor starting at token ``i``, if any, appended to ``out``."""
        n = len(words)
        state = self.demonyms.get(words[i])
        if state is None and words[i].endswith("s"):
            people = self.demonyms.get(words[i][:-1])  # "Palestinians", "Afghans"
            if people is not None and self.agent_at(words, starts, ends, text, i + 1) is None:
                out.append(self._compound(starts[i], ends[i], words[i], people, ""))
            return
        if state is None or not _SPACE.fullmatch(text, ends[i], starts[i + 1]):
            return
        if (
            i + 3 < n
            and words[i + 1] == "and"
            and words[i + 2] in self.demonyms
            and (shared := self.agent_at(words, starts, ends, text, i + 3)) is not None
        ):  # "French and Egyptian warships": each nationality with the shared agent
            out.append(self._compound(starts[i], ends[i], words[i], state, shared[1]))
            return
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
            return
        j, sector = hit
        start, end = starts[i], ends[j - 1]
        if _one_person(text, words[i + 1 : j], start, end):
            return
        out.append(self._compound(start, end, text[start:end], state, sector))


_LED = re.compile(r"(?<=\w)-led[ \t]+")
"""The "-led" after a leader's name or nationality: "US-led", "Saudi-led"."""
LOCATED = frozenset({"in", "throughout", "across", "inside", "from"})
"""Prepositions that place a generic agent in a state or a place of it."""
UNPLACED_SECTORS = frozenset({"MIL", "SPY", "REF", "IGO", "UAF", "GOV", ""})
"""Sectors of agents whose place does not tell their side: soldiers and spies serve abroad,
refugees have fled there, officials and diplomats are posted there (Phoenix/CAMEO sector
codes; ``GOV`` covers "diplomats in Islamabad")."""

_APPOSITION_BEFORE = re.compile(r",[ \t]+(?:the|a|an|its|their)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def _one_person(text: str, agent: list[str], start: int, end: int) -> bool:
    """Whether a singular agent is the office of a person named beside it ("Robert Oakley,
    the American ambassador"; "Pakistani envoy Maleeha Lodhi"; "Pakistani Chief of the Army
    Staff General …"): then the person is the actor."""
    if agent[-1].endswith("s") or (len(agent) == 1 and agent[0].lower() in _COLLECTIVE):
        return False
    return bool(_APPOSITION_BEFORE.search(text, max(0, start - 12), start)) or bool(
        _NAME_AFTER.match(text, end)
    )


_COLLECTIVE = frozenset(
    "army military government police navy administration intelligence leadership cabinet "
    "parliament regime establishment".split()
)
"""Agents that name a body, not one person: never the office of a named person."""


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
        titles = sorted({t.strip() for row in table.itertuples(index=False) if len(table)
                         for t in row.titles.split("|")})  # fmt: skip
        self.pattern = (
            re.compile(
                # no leading look-behind, so that re skips ahead fast; see ``matches``
                r"(?P<title>"
                + trie_pattern(
                    {f for t in titles for f in (t, t.lower(), t[:1].upper() + t[1:].lower())},
                    space=r"[ \t\u00a0]+",
                )
                + r")[ \t\u00a0]+(?P<surname>[A-Z][a-z’'\-]+)\b(?![ \t\u00a0]+[A-Z][a-z])"
            )
            if titles
            else None
        )

    def matches(self, text: str) -> list[re.Match[str]]:
        """``TITLE Surname`` matches whose title does not start inside a word or after a dot."""
        if self.pattern is None:
            return []
        return [
            m for m in self.pattern.finditer(text)
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."))
        ]  # fmt: skip

    def holder(self, title: str, surname: str, when: PartialDate | None) -> Office | None:
        """The holder of office ``title`` with ``surname`` at ``when`` (the term holding it or
        lying nearest; the latest term when no time is known)."""
        terms = self.by_key.get((re.sub(r"\s+", " ", title.lower()), surname))
        if not terms:
            return None
        if when is None:
            return max(terms, key=lambda o: o.start)
        return min(terms, key=lambda o: (o.distance(when), -o.start.toordinal()))
