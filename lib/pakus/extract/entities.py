"""Entity mentions: gazetteer names and aliases (with near-miss spellings), acronyms
defined in the text, titled and quoted people, and organisations named by their form."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import pandas as pd

from pakus.dates import PartialDate
from pakus.extract.actors import Agents, Office, Offices
from pakus.extract.mentions import DateMention, EntityMention
from pakus.extract.scan import Anchor, Scan, joined
from pakus.extract.text import DATELINE_DASH, WORD, token_key, tokens
from pakus.extract.words import MONTH_NAMES, MONTH_PREFIXES, WEEKDAY_NAMES, WEEKDAY_PREFIXES

_GAP = re.compile(r"[ \t\u00a0\u2007\u2009\u202f\-‑'’\"“”]*")
_INITIAL_GAP = re.compile(r"\.[ \t]*")
_TITLE_ABBREV = frozenset(
    {"gen", "lt", "col", "maj", "capt", "adm", "mr", "mrs", "ms", "dr", "sen", "rep"}
)
FUZZY_MIN_LEN = 5
MEMO_LIMIT = 100_000
"""Word forms a gazetteer remembers before it forgets them all, so that memory stays flat."""


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    """For each child key, the surface forms of alias tokens that lead there."""
    cases: dict[str, tuple[bool, bool, frozenset[str]]] = field(default_factory=dict)
    """For each child key, the case its forms ask of a text token: any case, a capital
    first letter, or one of these exact spellings (acronyms, mixed case); see ``Gazetteer.child``."""
    comma_keys: set[str] = field(default_factory=set)
    """Child keys reached across a comma in an alias ("Washington, D.C.")."""
    actor: int | None = None
    """The actor a name ending here stands for (the first listed, where several share it)."""
    actors: list[int] = field(default_factory=list)
    """Every actor with a name ending here: more than one for a shared short name ("George
    Bush", "Clinton"), told apart by time (``Gazetteer.at_time``)."""
    length: int = 0


def _case_rule(forms: set[str]) -> tuple[bool, bool, frozenset[str]]:
    """What the alias forms of one token ask of a text token's case: acronyms and mixed-case
    forms match exactly (dots aside), capitalised ones need a capital, others match any case."""
    any_case, capital, exact = False, False, set()
    for form in forms:
        bare = form.replace(".", "")
        if any(c.isupper() for c in bare[1:]) or (len(bare) == 1 and bare.isupper()):
            exact.add(bare)
        elif bare[:1].isupper():
            capital = True
        else:
            any_case = True
    return any_case, capital, frozenset(exact)


@dataclass(frozen=True)
class Role:
    """An office or position an actor held: its country, Phoenix sector and days (None: open)."""

    country: str
    sector: str
    start: dt.date | None = None
    end: dt.date | None = None

    def distance(self, when: PartialDate) -> float:
        """Days between the role and ``when`` (0 inside); infinite for a role without dates."""
        if self.start is None and self.end is None:
            return float("inf")
        first, last = when.first_day(), when.last_day()
        after = (first - self.end).days if self.end else 0
        before = (self.start - last).days if self.start else 0
        return max(after, before, 0)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    affiliation: str
    active: tuple[dt.date, dt.date] | None = None
    """First and last day of the office the corpus names the actor for, where a name is shared."""
    country: str = ""
    """ISO 3166 alpha-3, ``IGO`` or empty (see ``EntityMention.country``)."""
    sector: str = ""
    """Phoenix sector code, or empty."""
    roles: tuple[Role, ...] = ()
    """Dated offices (peer office holders), which give the country and sector at a time."""

    def at(self, when: PartialDate | None) -> tuple[str, str]:
        """(country, sector) of the actor at ``when``: the role that holds it or lies nearest,
        where the actor has dated roles; its own country and sector otherwise."""
        dated = [r for r in self.roles if r.start or r.end]
        if not dated or when is None:
            return self.country, self.sector
        role = min(dated, key=lambda r: (r.distance(when), r.sector == "ELI"))
        return role.country or self.country, role.sector or self.sector

    def distance(self, when: PartialDate) -> float:
        """Days between the actor's period (``active``, else its dated roles) and ``when``."""
        if self.active is not None:
            return Role("", "", *self.active).distance(when)
        return min((r.distance(when) for r in self.roles), default=float("inf"))


def parse_roles(value: str) -> tuple[Role, ...]:
    """``peer_actors.csv``'s ``roles`` cell: ``|``-separated ``CCC SEC FROM/TO`` items, ``-``
    for an unknown country or sector, empty FROM or TO for an open end."""
    roles = []
    for item in filter(None, value.split("|")):
        country, sector, span = item.split(" ")
        first, _, last = span.partition("/")
        roles.append(
            Role(
                "" if country == "-" else country,
                "" if sector == "-" else sector,
                dt.date.fromisoformat(first) if first else None,
                dt.date.fromisoformat(last) if last else None,
            )
        )
    return tuple(roles)


def active_period(value: str) -> tuple[dt.date, dt.date] | None:
    """Parse ``actors.csv``'s ``active`` cell (``YYYY[-MM[-DD]]/YYYY[-MM[-DD]]``, or empty)."""
    if not value.strip():
        return None
    first, sep, last = value.partition("/")
    if not sep:
        raise ValueError(f"{value!r} is not an interval FROM/TO of ISO dates")
    start, end = PartialDate.parse(first).first_day(), PartialDate.parse(last).last_day()
    if end < start:
        raise ValueError(f"{value!r} ends before it starts")
    return start, end


def _countries(actors: pd.DataFrame) -> dict[str, str]:
    """The country of each curated actor: a state is its own; another actor has its
    affiliation's (one step further where that is a group: ``PER.MULLAH_OMAR`` → ``TALIBAN``
    → ``AFG``), unless the ``country`` column gives one (``IGO`` for the UN, NATO, the IMF)."""
    affiliation = dict(zip(actors["id"], actors["affiliation"], strict=True))
    types = dict(zip(actors["id"], actors["type"], strict=True))
    given = dict(zip(actors["id"], actors["country"], strict=True)) if "country" in actors else {}
    out = {}
    for ident, kind in types.items():
        if given.get(ident) or kind == "state":
            out[ident] = given.get(ident) or ident
            continue
        aff = affiliation[ident]
        for _ in range(3):
            if not aff or types.get(aff) == "state" or aff == "IGO":
                break
            aff = affiliation.get(aff, "")
        out[ident] = aff if aff == "IGO" or types.get(aff) == "state" else ""
    return out


def _with_article(names: set[str]) -> set[str]:
    """The names that are another of ``names`` with "The " before it ("The Washington Post"
    beside "Washington Post"): the article is no part of the name's span (the annotation
    guidelines: the span is the name), so only the name without it is matched."""
    return {n for n in names if n.startswith("The ") and n[4:] in names}


class Gazetteer:
    """A token trie over every name and alias of ``actors.csv`` and, below them,
    ``peer_actors.csv`` (a peer alias that a curated actor has stays the curated actor's).

    ``ambiguous`` (``ambiguous_names.csv``: name, kind) lists one-word names that are also
    first names or frequent words; such a name counts only in context (``name_in_context``)."""

    def __init__(
        self, actors: pd.DataFrame, peers: pd.DataFrame | None = None,
        ambiguous: pd.DataFrame | None = None,
    ) -> None:  # fmt: skip
        self.actors: list[Actor] = []
        self.by_id: dict[str, Actor] = {}
        self.root = _Node()
        self._fuzzy: dict[str, set[str]] = {}
        self._fuzzy_longest = 0  # the longest alias word that a near miss may match
        self._near_cache: dict[str, set[str]] = {}
        self._starts: dict[str, tuple[_Node | None, bool]] = {}
        self._by_single: dict[str, set[str]] | None = None
        """Name words by their form with doubled letters single (``_variants``)."""
        self._by_ends: dict[tuple[str, str], list[Actor]] | None = None
        """People by the first and last words of their name (``person_by_ends``), built on
        first use."""
        countries = _countries(actors)
        sectors = actors["sector"] if "sector" in actors.columns else [""] * len(actors)
        for row, sector in zip(actors.itertuples(index=False), sectors, strict=True):
            actor = Actor(
                row.id, row.name, row.type, row.affiliation, active_period(row.active),
                countries[row.id], sector,
            )  # fmt: skip
            index = len(self.actors)
            self.actors.append(actor)
            self.by_id[actor.id] = actor
            names = {a.strip() for a in (row.name, *row.aliases.split("|"))}
            for alias in names - _with_article(names):
                self._add(alias, index, any_case=row.type in {"program", "agreement"})
        self.curated = len(self.actors)
        if peers is not None and len(peers):
            self._add_peers(peers)
        self.ambiguous: dict[str, str] = (
            dict(zip(ambiguous["name"], ambiguous["kind"], strict=True))
            if ambiguous is not None and len(ambiguous)
            else {}
        )
        self.places_by_first_word = {
            token_key(WORD.search(a.name).group()): a for a in self.actors if a.type == "place"
        }  # fmt: skip
        """Places by the first word of their name, for datelines ("PESHAWAR, Nov 27")."""

    def _add_peers(self, peers: pd.DataFrame) -> None:
        """Peer rows: a state's other names go to the curated state; other rows become
        actors. Their names get no near-miss spellings (too many to tell apart)."""
        columns = ("id", "name", "type", "country", "sector", "aliases", "roles")
        for ident, name, kind, country, sector, aliases, roles in zip(
            *(peers[c].tolist() for c in columns), strict=True
        ):
            names = [a for a in aliases.split("|") if a.strip()]
            if kind == "state":
                if ident in self.by_id:
                    index = self.actors.index(self.by_id[ident])
                    for alias in names:
                        self._add(alias.strip(), index, peer=True)
                continue
            actor = Actor(ident, name, kind, "", None, country, sector, parse_roles(roles))
            index = len(self.actors)
            self.actors.append(actor)
            self.by_id.setdefault(actor.id, actor)
            for alias in {name, *names}:
                self._add(alias.strip(), index, peer=True)

    def _add(self, alias: str, index: int, any_case: bool = False, peer: bool = False) -> None:
        """Add an alias. Programme and agreement names of three words or more also match in
        lower case ("foreign military financing"); those of two words ending in a kind word
        (``_SUFFIX_TYPE``: Amendment, Act, Treaty …) match with that word in lower case ("the
        Glenn amendment"). A ``peer`` alias is left out where a
        curated actor has it, and gets no near-miss spellings."""
        if peer:
            self._add_peer(alias, index)
            return
        matches = list(WORD.finditer(alias))
        words = [m.group() for m in matches]
        if not words:
            return
        # "the Glenn amendment", "the Simla agreement": the kind word after a name
        head_case = any_case and len(words) >= 2 and words[-1] in _SUFFIX_TYPE
        any_case = any_case and len(words) >= 3
        node = self.root
        for k, word in enumerate(words):
            key = token_key(word)
            node.forms.setdefault(key, set()).add(word)
            if (any_case or (head_case and k == len(words) - 1)) and not any(
                c.isupper() for c in word[1:]
            ):
                node.forms[key].add(word.lower())
            if k and "," in alias[matches[k - 1].end() : matches[k].start()]:
                node.comma_keys.add(key)
            node = node.children.setdefault(key, _Node())
            if not peer and word[:1].isupper() and len(key) >= FUZZY_MIN_LEN and key.isalpha():
                self._fuzzy_longest = max(self._fuzzy_longest, len(key))
                for variant in _deletions(key):
                    self._fuzzy.setdefault(variant, set()).add(key)
        if index not in node.actors:
            node.actors.append(index)
        node.actor = node.actors[0]
        node.length = len(words)

    def _add_peer(self, alias: str, index: int) -> None:
        """``_add`` for a peer alias, kept lean (tens of thousands of them). "The X", where X
        is a curated name ("The UN"), is left out: the curated actor keeps its name, article
        or not."""
        words = WORD.findall(alias)
        if not words:
            return
        if words[0] == "The" and len(words) > 1:
            node = self.root
            for word in words[1:]:
                node = node.children.get(token_key(word)) if node is not None else None
            if node is not None and node.actors and node.actors[0] < self.curated:
                return
        node = self.root
        for word in words:
            key = token_key(word)
            forms = node.forms.get(key)
            if forms is None:
                node.forms[key] = {word}
            elif word not in forms:
                forms.add(word)
            child = node.children.get(key)
            if child is None:
                child = node.children[key] = _Node()
            node = child
        if node.actors and node.actors[0] < self.curated:
            return  # the curated actor keeps its name
        if index not in node.actors:
            node.actors.append(index)
        node.actor = node.actors[0]
        node.length = len(words)

    def child(self, node: _Node, token: str, fuzzy: bool) -> tuple[_Node | None, bool]:
        """The trie node after ``token``; second value: whether a near-miss spelling was used."""
        key = token_key(token)
        nxt = node.children.get(key)
        if nxt is not None:
            rule = node.cases.get(key)
            if rule is None:  # worked out on first use: most of 60,000 names are never met
                rule = node.cases[key] = _case_rule(node.forms[key])
            any_case, capital, exact = rule
            if (
                any_case
                or (capital and token[:1].isupper())
                or (exact and token.replace(".", "") in exact)
            ):
                return nxt, False
        if token[:1].isupper() and len(key) >= VARIANT_MIN_LEN and key.isalpha():
            for cand in sorted(self._variants(key)):
                if cand in node.children:
                    return node.children[cand], False
        if fuzzy and token[:1].isupper() and len(key) >= FUZZY_MIN_LEN - 1 and key.isalpha():
            for cand in sorted(self._near(key)):
                if cand in node.children:
                    return node.children[cand], True
        return None, False

    def _variants(self, key: str) -> set[str]:
        """Name words (curated or peer) that are ``key`` written with a doubled letter single
        or a single letter doubled (``_single_letters``: "Musharaf" for Musharraf, "Haqani"
        for Haqqani, "Mitterand" for Mitterrand): transliterations and English spellings of
        South and West Asian and European names vary in this way, so such a spelling is the
        name itself, not a near miss. The index of every name word by its single-lettered
        form is built on first use."""
        if self._by_single is None:
            self._by_single = {}
            stack = [self.root]
            while stack:
                node = stack.pop()
                for k, child in node.children.items():
                    if len(k) >= VARIANT_MIN_LEN and k.isalpha():
                        self._by_single.setdefault(_single_letters(k), set()).add(k)
                    stack.append(child)
        return self._by_single.get(_single_letters(key), set()) - {key}

    def name_starts(self, words: list[str]) -> list[tuple[int, _Node, bool]]:
        """For each word that can open a name: its index, the trie node after it and whether
        a near-miss spelling was used. Memoised per word form, up to ``MEMO_LIMIT`` forms."""
        memo = self._starts
        new = set(words).difference(memo)
        if len(memo) + len(new) > MEMO_LIMIT:
            memo.clear()
            new = set(words)
        for word in new:
            memo[word] = self.child(self.root, word, fuzzy=True)
        return [(i, *memo[word]) for i, word in enumerate(words) if memo[word][0] is not None]

    def at_time(self, node: _Node, when: PartialDate | None) -> int:
        """The actor of ``node`` for a mention at time ``when``: of the actors sharing the name,
        the one whose period holds ``when`` or lies nearest to it; the first listed otherwise."""
        if len(node.actors) == 1 or when is None:
            return node.actor
        return min(node.actors, key=lambda index: self.actors[index].distance(when))

    def person_by_ends(self, name: str, when: PartialDate | None = None) -> Actor | None:
        """The known person whose name opens and ends with the words ``name`` opens and ends
        with, middle names aside ("Omar Hassan al-Bashir", "Omar El Bashir" → Omar Hassan
        Ahmad al Bashir): the one such person, or of several all of one country the one of
        the time ``when``; None where there is none, or they belong to different countries.
        ``name`` has three words or more: two words give too little to tell people apart
        ("William Daley" need not be William M. Daley)."""
        words = [token_key(w) for w in WORD.findall(name)]
        if words and words[0] in _HONORIFIC_KEYS:
            words = words[1:]  # "Syed Haider Shah": an honorific is no first name
        if len(words) < 3:
            return None
        if self._by_ends is None:
            self._by_ends = {}
            for a in self.actors:
                if a.type == "person":
                    ws = [token_key(w) for w in WORD.findall(a.name)]
                    if len(ws) >= 2:
                        self._by_ends.setdefault((ws[0], ws[-1]), []).append(a)
        found = self._by_ends.get((words[0], words[-1]), [])
        if not found or len({a.country for a in found}) > 1:
            return None
        if len(found) == 1 or when is None:
            return found[0]
        return min(found, key=lambda a: a.distance(when))

    def _near(self, key: str) -> set[str]:
        """Alias tokens within one edit of ``key`` (memoised per gazetteer, up to ``MEMO_LIMIT``)."""
        if len(key) > self._fuzzy_longest + 1:  # one edit cannot reach an alias word
            return set()  # (and its deletions would take time and memory quadratic in it)
        hit = self._near_cache.get(key)
        if hit is None:
            hit = set()
            for variant in _deletions(key):
                for cand in self._fuzzy.get(variant, ()):
                    if cand != key and _edit_distance_at_most_one(cand, key):
                        hit.add(cand)
            if len(self._near_cache) >= MEMO_LIMIT:
                self._near_cache.clear()
            self._near_cache[key] = hit
        return hit


_DOUBLED = re.compile(r"(\w)\1+")
VARIANT_MIN_LEN = 6
"""Name words of this many letters or more may match a spelling that doubles or undoubles a
letter (shorter ones are too often other words: "Bell", "Hasan")."""


def _single_letters(word: str) -> str:
    """``word`` with each run of a repeated letter written once ("musharraf" → "musharaf")."""
    return _DOUBLED.sub(r"\1", word)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _gap_ok(text: str, word: str, gap_start: int, gap_end: int) -> bool:
    """Whether the characters between ``word`` and the next token may sit inside a name."""
    if gap_start == gap_end:
        return True
    if len(word) == 1 or token_key(word) in _TITLE_ABBREV:
        m = _INITIAL_GAP.fullmatch(text, gap_start, gap_end)
        if m:
            return True
    return (
        _GAP.fullmatch(text, gap_start, gap_end) is not None and "\n" not in text[gap_start:gap_end]
    )


TimeAt = Callable[[int], PartialDate | None]
"""The time a text speaks of at an offset (see ``time_at``)."""


def gazetteer_mentions(
    text: str, gaz: Gazetteer, when: TimeAt | None = None,
    toks: tuple[list[str], list[int], list[int]] | None = None,
) -> list[EntityMention]:  # fmt: skip
    """Longest gazetteer matches, left to right, allowing one near-miss token in a multiword
    name; a name several actors share goes to the one of the time ``when`` gives."""
    words, starts, ends = toks or tokens(text)
    out: list[EntityMention] = []
    n = len(words)
    root = gaz.root
    following = 0  # the first token that the next name may start at
    for i, node, used_fuzzy in gaz.name_starts(words):
        if i < following:
            continue
        best: tuple[int, int, bool] | None = None
        j = i + 1
        while True:
            if node.actor is not None and not (
                used_fuzzy and (node.length < 2 or node.actor >= gaz.curated)
            ):  # a near miss only of a curated name of two words or more
                best = (j, node, used_fuzzy)
            if j >= n or not node.children:
                break
            word = words[j]
            nxt, fuzzy_here = gaz.child(node, word, fuzzy=not used_fuzzy)
            if nxt is None or not (
                _gap_ok(text, words[j - 1], ends[j - 1], starts[j])
                or (
                    token_key(word) in node.comma_keys
                    and re.fullmatch(r",[ \t]*", text[ends[j - 1] : starts[j]])
                )
            ):
                break
            node, used_fuzzy = nxt, used_fuzzy or fuzzy_here
            j += 1
        if best is None:
            continue
        j, node, fuzzy = best
        if j - i > 1 and _second_of_compound(text, starts[i]):
            # "US-Pakistan military ties": after a hyphen, a name is one word ("Pakistan")
            node, _ = gaz.child(root, words[i], fuzzy=False)
            if node is None or node.actor is None:
                continue
            j, fuzzy = i + 1, False
        if (
            j - i == 1
            and words[i] in gaz.ambiguous
            and not name_in_context(text, words, starts, ends, i, gaz.ambiguous[words[i]])
        ):
            continue
        moment = when(starts[i]) if when is not None and (len(node.actors) > 1 or
                                                          gaz.actors[node.actor].roles) else None  # fmt: skip
        index = node.actor if len(node.actors) == 1 else gaz.at_time(node, moment)
        actor = gaz.actors[index]
        start, end = starts[i], ends[j - 1]
        out.append(_of(actor, start, end, text, "fuzzy" if fuzzy else "gazetteer", moment))
        following = j
    return _merge_country_prefixes(text, out)


def _of(
    actor: Actor, start: int, end: int, text: str, method: str, when: PartialDate | None = None
) -> EntityMention:
    """A mention of a gazetteer actor, with its country and sector at ``when``."""
    country, sector = actor.at(when)
    return EntityMention(start, end, text[start:end], actor.id, actor.name, actor.type,
                         actor.affiliation, method, country, sector)  # fmt: skip


_MONTHS_DAYS = frozenset([*MONTH_NAMES, *WEEKDAY_NAMES])


def _sentence_start(text: str, pos: int) -> bool:
    """Whether nothing but an opening quote or bracket stands between ``pos`` and the start
    of its line or the end of the previous sentence."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'([":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;—–"


def name_in_context(
    text: str, words: list[str], starts: list[int], ends: list[int], i: int, kind: str
) -> bool:
    """Whether the one-word name ``words[i]`` — also a first name (``kind`` "first name":
    Chad, Jordan, Georgia) or a frequent word ("word": Will, May) — names the actor here.
    Not when a capitalised word follows on the same line with only a space between ("Chad
    Smith", "Jordan Peterson"; months and weekdays aside), nor when a capitalised word
    that does not open a sentence, or a title, comes right before ("Michael Jordan", "Mr.
    Chad"); a frequent word never at the start of a sentence or line ("Will the talks …").
    Source of the lists: ``ambiguous_names.csv``."""
    n = len(words)
    if (
        i + 1 < n
        and words[i + 1][:1].isupper()
        and words[i + 1] not in _MONTHS_DAYS
        and re.fullmatch(r"[ \t\u00a0]+", text[ends[i] : starts[i + 1]])
    ):
        return False
    if i > 0:
        gap = text[ends[i - 1] : starts[i]]
        prev = words[i - 1]
        if token_key(prev) in _TITLE_ABBREV | {"sgt", "amb", "prof"} and re.fullmatch(
            r"\.?[ \t]+", gap
        ):
            return False
        if (
            prev[:1].isupper()
            and re.fullmatch(r"[ \t\u00a0]+", gap)
            and not _sentence_start(text, starts[i - 1])
            and prev not in _NOT_NAMES
        ):
            return False
    return not (kind == "word" and _sentence_start(text, starts[i]))


def _second_of_compound(text: str, start: int) -> bool:
    """True when the token at ``start`` follows a hyphen joined to a word ("US-Pakistan")."""
    return start >= 2 and text[start - 1] in "-‑–" and text[start - 2].isalnum()


def _merge_country_prefixes(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``US`` + ``State Department`` → one mention of the department ("US State Department")."""
    merged: list[EntityMention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == "state"
            and m.type in {"org", "program"}
            and m.affiliation == prev.id
            and re.fullmatch(r"[ \t]+", text[prev.end : m.start])
        ):
            merged[-1] = EntityMention(
                prev.start, m.end, text[prev.start : m.end], m.id, m.name, m.type,
                m.affiliation, m.method, m.country, m.sector,
            )  # fmt: skip
            continue
        merged.append(m)
    return merged


# --- entities not in the gazetteer ------------------------------------------------------

_MEDIA_WORDS = (
    "News",
    "Times",
    "Tribune",
    "Herald",
    "Gazette",
    "Journal",
    "Telegraph",
    "Chronicle",
    "Monitor",
    "Observer",
    "Television",
    "Radio",
)
"""Last words of the names of news media ("CBS News", "Pakistan Observer", "Security
Assistance Monitor"): a body (sector ``MED``), never a person ("Fox News said")."""
_SUFFIX_WORDS = (
    "Committee|Department|Ministry|Agency|Council|University|College|Command|Bureau|Institute|"
    "Office|Commission|Corps|Party|Front|Movement|Organisation|Organization|Foundation|Institution|"
    "Authority|Court|Parliament|Assembly|Working Group|Program|Programme|Fund|Initiative|"
    "Agreement|Accords|Accord|Framework|Act|Treaty|Pact|Memorandum|Amendment|Bill|Dialogue|Forum|"
    "Alliance|Society|Association|Union|Federation|League|Centre|Center|Club|Academy|Consortium|"
    "Headquarters|Embassy|Consulate|High Commission|" + "|".join(_MEDIA_WORDS)
)
_SPEECH_VERBS = (
    "said|says|told|added|remarked|stated|noted|wrote|tweeted|announced|explained|argued|"
    "insisted|warned"
)
_BODY_WORDS = frozenset([*_SUFFIX_WORDS.split("|"), "Group", "Bank", "Company", "Corporation"])
"""Last words that make a name a body's, never a person's."""
_ROLE_WORDS = (
    "leader|chief|emir|commander|spokesman|spokeswoman|spokesperson|minister|ambassador|envoy|"
    "president|representative|secretary|official|director|founder|head|general|contractor|"
    "operative|diplomat|officer|adviser|advisor|aide|analyst|lawmaker|senator|journalist|pilot|"
    "professor|scholar|researcher|governor|mayor|lawyer|chairman|chairwoman|chair"
)
_CAP = r"[A-Z][a-zà-ÿ’'\-]+"
_NAME_PART = rf"(?:{_CAP}|[A-Z]\.?|(?:al|el|bin|ul|ud|e|de|van|von)(?:-?{_CAP}|(?![\w-])))"
"""A word of a name after the first: capitalised, an initial, or a particle alone or joined to
a capitalised word ("al-Bashir", "bin Laden"; not the "al" of "also")."""
_NAME = rf"{_CAP}(?:[ \t]+{_NAME_PART}){{0,3}}"
_HONORIFICS = r"(?:Mufti|Qari|Maulana|Mullah|Sheikh|Syed|Hafiz|Haji)"
_TITLES = (
    r"(?:President|Vice President|Prime Minister|Foreign Minister|Interior Minister|"
    r"Defen[cs]e Minister|Finance Minister|Minister|Secretary of State|Secretary of Defen[cs]e|"
    r"Defen[cs]e Secretary|Secretary|Under Secretary|Deputy Secretary|Assistant Secretary|"
    r"Principal Deputy Assistant Secretary|Ambassador|Envoy|Special Representative|"
    r"Lieutenant General|Lt\.? Gen\.?|Major General|Maj\.? Gen\.?|Brigadier General|Brigadier|"
    r"Staff Sgt\.|Staff Sergeant|Sgt\.|Sergeant|Corporal|Lieutenant|Lt\.|"
    r"General|Gen\.|Admiral|Adm\.|Vice Admiral|Colonel|Col\.|Major|Captain|Commander|"
    r"Senator|Sen\.|Congressman|Congresswoman|Representative|Rep\.|Governor|Chief Justice|"
    r"Justice|Judge|Mr\.|Mrs\.|Ms\.|Dr\.?|Professor|Prof\.|Chairman|Spokesperson|Spokesman|"
    r"Spokeswoman|spokesperson|spokesman|spokeswoman|envoy|ambassador|diplomat|commander|"
    r"adviser|advisor|minister|secretary|chairman|chairwoman)"
)
_TITLED = re.compile(
    rf"(?<![\w])(?:the[ \t]+)?(?:[Ff]ormer[ \t]+|[Tt]hen-)?(?:{_TITLES}[ \t]+)+"
    rf"(?P<name>(?:{_HONORIFICS}[ \t]+)?(?:[A-Z]\.[ \t]*){{0,2}}{_NAME})"  # "S. Jaishankar"
)
_HONORIFIC_KEYS = frozenset(w.lower() for w in _HONORIFICS[3:-1].split("|"))
_HONOURED = re.compile(rf"(?<![\w-])(?P<name>{_HONORIFICS}[ \t]+{_NAME})")
"""An honorific opens a person's name and is part of it: "Mullah Akhtar Mansour", "Syed Tariq
Fatemi" (the honorifics of South and West Asian names, which news copy keeps)."""
_SPEECH = re.compile(
    rf"(?P<name>(?:{_HONORIFICS}[ \t]+)?{_CAP}(?:[ \t]+{_NAME_PART}){{1,3}})"
    rf"(?=[ \t]+(?:{_SPEECH_VERBS})\b)"
)
_COORDINATED = re.compile(
    rf"\b(?:Senators|Representatives|Congressmen|Generals|Ministers|Presidents|Ambassadors)[ \t]+"
    rf"(?P<names>{_NAME}(?:,[ \t]+{_NAME})*,?[ \t]+and[ \t]+{_NAME})"
)
_CREDIT = re.compile(
    rf"\b(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Vv]ideo)s?[ \t]+(?:by|:)[ \t]+(?:{_TITLES}[ \t]+)?(?P<name>{_NAME})"
)
_BYLINE = re.compile(
    rf"^[ \t]*By[ \t]+(?P<names>{_NAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){_NAME})*)", re.M
)
_ADMIN_UNIT = r"(?:(?:Tehsil|Tahsil|Village|Town|District)[ \t]+)?"
"""An administrative unit's word written before a place's name ("Tehsil Bayzai area"): no
part of the name."""
_PLACE = re.compile(
    rf"\b{_ADMIN_UNIT}(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?:[ \t]+(?:tribal[ \t]+"
    r"(?:area|district|region)|district|province|air[ \t]+base|airbase|valley|agency|area|town|"
    r"village)\b|-based\b)"
)
"""A place named by the kind of place after it: "the Mohmand tribal area", "the Gorwaik
area", "Datta Khel town", "a Karachi-based firm"."""
_PLACE_OF = re.compile(
    r"\b(?:village|town|city|hamlet)(?:[ \t]+of)?[ \t]+"
    r"(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})\b(?![ \t]+[A-Z])"
)
"""A place named after the kind of place: "the village of Dande Darpa Khel", "the region's
main town Miran Shah" (the kind in lower case, the name capitalised and ending there)."""
_DATELINE = re.compile(
    r"^(?P<name>[A-Z]{3,}(?:[ \t-][A-Z]{3,}){0,2})(?=[ \t]*(?:"
    + DATELINE_DASH
    + r"|\(|,[ \t]*(?:"
    + "|".join(MONTH_PREFIXES + WEEKDAY_PREFIXES)
    + r")"
    # "ISLAMABAD, Pakistan --", "ISLAMABAD, Pakistan, Oct. 28 (UPI) --": the capitalised
    # name of its state or region after the place, then a dash, a bracket or the date
    + r"|,[ \t]+[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+)?(?:[ \t]*(?:"
    + DATELINE_DASH
    + r"|--|\()|,[ \t]*(?:"
    + "|".join(MONTH_PREFIXES + WEEKDAY_PREFIXES)
    + r"))))"
    # "Islamabad, Pakistan (CNN) —": a place, its country and the outlet before a dash
    r"|^(?P<town>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?=,[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
    r"[ \t]+\([^)\n]{2,30}\)[ \t]*" + DATELINE_DASH + ")",
    re.M,
)
_AGENCY = re.compile(
    r"^[^\n]{3,60}?\d[ \t]*(?:\((?P<bracketed>[A-Z]{2,6})\)|(?P<bare>[A-Z]{2,6}))[ \t]*(?="
    + DATELINE_DASH
    + r"|--)",
    re.M,
)
"""A news agency's acronym closing a dateline after its date: "ISLAMABAD, Pakistan, Oct. 28
(UPI) --", "Rawalpindi, Sept 3 PPI:" (wire copy credits the agency there)."""
_ROLES = f"(?:{_ROLE_WORDS})"
_CAP_ROLES = "|".join(w[:1].upper() + w[1:] for w in _ROLE_WORDS.split("|"))
_APPOSITIVE_AFTER = re.compile(
    rf"(?P<name>(?:{_HONORIFICS}[ \t]+)?(?:[A-Z]\.[ \t]*){{0,2}}{_CAP}(?:[ \t]+{_NAME_PART}){{1,3}}),[ \t]+"
    rf"(?:(?:the|a|an|its|his|her|their)[ \t]+(?:[\w.’'\-]+[ \t]+){{0,4}}{_ROLES}\b"
    rf"|(?:[A-Z][\w.’'\-]*[ \t]+){{0,3}}(?:{_CAP_ROLES})(?=[ \t]*(?:[,.;]|$|(?:to|of|for|at)\b)))"
)
"""A name in apposition to a role after it: "Heather Nauert, the U.S. State Department
spokeswoman"; the words before the role may hold dots and hyphens ("U.S."). Without an
article the title is capitalised and ends the apposition or opens its complement ("Jane Roe,
Deputy Spokesman, Department of State", "John Doe, National Security Advisor to the
President"), so that "Last Friday, President Obama …" names no one."""
_APPOSITIVE_BEFORE = re.compile(
    rf"\b{_ROLES}(?:[ \t]+of[ \t]+(?:the[ \t]+)?[^,.;\n]{{1,40}})?,[ \t]+"
    rf"(?P<name>(?:{_HONORIFICS}[ \t]+)?{_CAP}(?:[ \t]+{_NAME_PART}){{1,3}})(?=[,.;])"
)
_RANK = re.compile(
    r"(?:(?:Gen|Lt|Col|Maj|Brig|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|Rep|Sen|Amb|Dr|Mr|Mrs|Ms|Prof|Gov|"
    r"Lt-Col|Lt-Gen|Maj-Gen)\.?[ \t\u00a0]+)+"
)
"""Ranks and titles, full stop or not, that open a person's mention and are no part of the name."""
_AND_PERSON = re.compile(
    rf"[ \t]+and[ \t]+(?:{_TITLES}[ \t]+)?(?P<name>{_CAP}(?:[ \t]+{_NAME_PART}){{1,3}})\b"
)
"""A second person coordinated with a titled one: "… and (Gen.) John Smith"."""
_OFFICE_WORDS = re.compile(
    r"(?:(?:Prime|Minister|Ministers|Secretary|State|Affairs|Foreign|External|Home|Interior|"
    r"Defen[cs]e|Finance|Under|Deputy|Assistant|Vice|President|Ambassador|Envoy|Senator|"
    r"Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman)(?:[ \t]+|$))+"
)
"""Words of an office's name that open what a pattern took for a person's name: "Prime
Minister" after "Mr.", "Affairs Minister S Jaishankar" before "said", "State Nicholas Burns"
after "Under Secretary of": the name starts after them, and there is none if nothing is left."""
_NETWORK = re.compile(r"\bthe[ \t]+(?P<name>(?:[A-Z][a-z]+[ \t]+){1,3}network)\b")
_ORG_WORDS = (
    r"(?:[A-Z][\w’'\-]*|of|for|and(?![ \t]+the\b)|on|in|(?<=of[ \t])the|(?<=for[ \t])the|"
    r"(?<=on[ \t])the|(?<=in[ \t])the)"
)
"""Words inside an organisation's name: capitalised ones, and "of", "for", "and", "on", "in"
(with "the" only after a preposition: "Department of the Treasury", not "X and the Y")."""
_SUFFIXED = re.compile(
    rf"(?P<name>(?:[A-Z][\w.]*-[A-Z][\w.]*|[A-Z][\w’'\-]*)(?:[ \t]+{_ORG_WORDS}){{0,6}}?[ \t]+"
    rf"(?P<suffix>{_SUFFIX_WORDS}))\b"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]\w+(?:[ \t]+(?:and[ \t]+)?[A-Z]\w+){0,3})?"
)
# anchors: words that every match of a pattern above contains (see pakus.extract.scan), with
# how far a match may reach before and after its anchor
_ANCHORED = {
    "title": (Anchor(re.compile(_TITLES)), 20, 100),
    "credit": (Anchor.words(["photo", "image", "picture", "video"]), 10, 120),
    "honorific": (Anchor.words(_HONORIFICS[3:-1].split("|"), fold=False), 10, 120),
    "speech": (Anchor.words(_SPEECH_VERBS.split("|"), fold=False), 100, 10),
    "role before": (
        Anchor.words([*_ROLE_WORDS.split("|"), *_CAP_ROLES.split("|")], fold=False),
        160,
        10,
    ),
    "role after": (Anchor.words(_ROLE_WORDS.split("|"), fold=False), 10, 160),
    "plural title": (
        Anchor.words(
            "Senators Representatives Congressmen Generals Ministers Presidents Ambassadors".split(),
            fold=False,
        ),
        10,
        400,
    ),
    "byline": (Anchor(re.compile("By")), 10, 200),
    "place": (
        Anchor(re.compile("tribal|district|province|air|valley|agency|-based|area|town|village")),
        80,
        40,
    ),
    "place of": (Anchor.words(["village", "town", "city", "hamlet"], fold=False), 10, 80),
    "network": (Anchor.words(["network"], fold=False), 80, 10),
    "suffix": (Anchor.words(_SUFFIX_WORDS.split("|"), fold=False), 200, 120),
}
_NAMED_YEAR = re.compile(r" of (?:19|20)\d\d\b")
"""The year that ends an act's name ("… Act of 2009")."""
_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z]*[A-Z](?:-[A-Z]+)?s?)\)")
_SUFFIX_TYPE = {
    "Program": "program", "Programme": "program", "Fund": "program", "Initiative": "program",
    "Agreement": "agreement", "Accord": "agreement", "Accords": "agreement",
    "Framework": "agreement", "Act": "agreement", "Treaty": "agreement", "Pact": "agreement",
    "Memorandum": "agreement", "Amendment": "agreement", "Bill": "agreement",
    "Dialogue": "agreement",
}  # fmt: skip
_LEADING_STOP = re.compile(
    r"^(?:(?:The|A|An|In|On|At|For|From|With|By|Of|And|But|Meanwhile|However|Since|"
    r"During|After|Before|While|When|As|If|This|That|These|Those|Both|Official|Officials|"
    r"Previously|Today|Despite|Although|Following|Under|Over|Later|Earlier|Then|Separately|"
    r"Yesterday|Tonight|What|Why|How|Where|Who|"
    + "|".join([*MONTH_NAMES, *WEEKDAY_NAMES])
    + r")[ \t]+)+"
)
"""Words that open a sentence before a name without being part of it ("Later Thursday
Heather Nauert, the …": the name is Heather Nauert)."""
_NOT_NAMES = frozenset(
    [
        *MONTH_NAMES,
        *WEEKDAY_NAMES,
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "Read",
        "More",
        "Previous",
        "Next",
        "Credit",
        "Photo",
        "Features",
        "Security",
        "Recent",
    ]
)


def slug(name: str) -> str:
    """A stable, readable id part: lower case, ASCII letters and digits joined by ``-``; the
    dots of an abbreviation go ("U.S." → ``us``), as apostrophes do."""
    bare = re.sub(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.", "", name)
    return re.sub(r"[^a-z0-9]+", "-", bare.lower().replace("’", "").replace("'", "")).strip("-")


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    name = text[start:end]
    lead = _LEADING_STOP.match(name)
    if lead:
        start += lead.end()
        name = text[start:end]
    name_stripped = name.rstrip(" \t’'-")
    end = start + len(name_stripped)
    words = name_stripped.split()
    if not words or words[0] in _NOT_NAMES or all(w in _NOT_NAMES for w in words):
        return None
    return start, end


_ADMINISTRATION = re.compile(r"\b(?P<surname>[A-Z][a-z]+)(?=[ \t\u00a0]+administration\b)")
"""A surname before a lower-case *administration*: "the Carter administration's offer"."""
ADMINISTRATION_TITLE = "President"
"""The office whose holder gives an administration its name (a US president's, as news copy
writes "the Reagan administration"; offices.csv's terms date it)."""


def _office_holder(
    text: str, start: int, end: int, office: Office, gaz: Gazetteer
) -> EntityMention:
    """The person holding ``office`` named at ``text[start:end]`` (method ``office``): the
    gazetteer's actor of that holder, else a ``person:`` id made from the office's name."""
    actor = gaz.by_id.get(office.holder)
    return EntityMention(
        start, end, text[start:end], actor.id if actor else f"person:{slug(office.name)}",
        actor.name if actor else office.name, "person", office.country, "office",
        office.country, office.sector,
    )  # fmt: skip


def _administration(
    m: re.Match[str], offices: Offices, gaz: Gazetteer, found: _Found, when, text: str
) -> None:
    """ "The X administration": X is the president of that surname whose term holds (or lies
    nearest) ``when`` (``Offices.holder`` with ``ADMINISTRATION_TITLE``), a mention of that
    person (method ``office``) in place of a one-word gazetteer reading of the surname ("the
    Clinton administration" is Bill Clinton's, not Hillary Clinton's) or where none was
    found ("Carter", "Ford", also a first name or a word). Nothing when no president has that
    surname or a longer name holds it ("the Jimmy Carter administration" keeps its name)."""
    office = offices.holder(ADMINISTRATION_TITLE, m.group("surname"), when)
    if office is None:
        return
    start, end = m.span("surname")
    hits = found._overlapping(start, end)
    if any((h.start, h.end) != (start, end) or h.type != "person" for h in hits):
        return
    for h in hits:
        found.remove(h)
    found.add(_office_holder(text, start, end, office, gaz))


class _Found:
    """Mentions found so far, kept sorted by position, so later passes never overlap earlier
    ones (overlap checks are binary searches)."""

    def __init__(self, mentions: list[EntityMention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.items]

    def _overlapping(self, start: int, end: int) -> list[EntityMention]:
        i = bisect.bisect_left(self._starts, end)
        hits = []
        while i > 0:
            i -= 1
            e = self.items[i]
            if e.end > start:
                hits.append(e)
            elif e.start + 200 < start:  # names are shorter than 200 characters
                break
        return hits

    def ending_at(self, *ends: int) -> list[EntityMention]:
        """The mentions that end at one of ``ends``, in order."""
        hits = (e for e in self._overlapping(min(ends) - 1, max(ends)) if e.end in ends)
        return sorted(hits, key=lambda e: (e.start, e.end))

    def free(self, start: int, end: int) -> bool:
        return not self._overlapping(start, end)

    def body_at_start(self, start: int, end: int) -> EntityMention | None:
        """The one body found before that opens the span ``start``–``end`` and ends inside
        it ("Senate" in "Senate Foreign Relations Committee"), or None."""
        hits = self._overlapping(start, end)
        if len(hits) == 1 and hits[0].type == "org" and hits[0].start == start < hits[0].end < end:
            return hits[0]
        return None

    def remove(self, m: EntityMention) -> None:
        i = bisect.bisect_left(self._starts, m.start)
        while self.items[i] is not m:
            i += 1
        del self.items[i], self._starts[i]

    def add(self, m: EntityMention, absorb: bool = False) -> bool:
        """Add ``m`` if it overlaps nothing found before. With ``absorb``, a longer name may
        take in place names and states inside it ("Pakistan" in "Pakistan Peoples Party")."""
        hits = self._overlapping(m.start, m.end)
        if absorb and hits:
            inner = [
                e for e in hits
                if m.start <= e.start and e.end <= m.end and e.type in {"state", "place"}
                and (e.start, e.end) != (m.start, m.end)
            ]  # fmt: skip
            if len(inner) != len(hits):
                return False
            for e in inner:
                i = bisect.bisect_left(self._starts, e.start)
                while self.items[i] is not e:
                    i += 1
                del self.items[i], self._starts[i]
            hits = []
        if hits:
            return False
        i = bisect.bisect_left(self._starts, m.start)
        self.items.insert(i, m)
        self._starts.insert(i, m.start)
        return True


def _new(text: str, start: int, end: int, type_: str, method: str, ident: str | None = None,
         name: str | None = None) -> EntityMention:  # fmt: skip
    quote = text[start:end]
    canonical = name or re.sub(r"\s+", " ", quote)
    return EntityMention(start, end, quote, ident or f"{type_}:{slug(canonical)}", canonical,
                         type_, "", method)  # fmt: skip


_SUFFIX_SECTOR = {
    "University": "EDU", "College": "EDU", "School": "EDU", "Academy": "EDU",
    "Court": "JUD", "Parliament": "LEG", "Assembly": "LEG",
    "Ministry": "GOV", "Embassy": "GOV", "Consulate": "GOV", "High Commission": "GOV",
    **dict.fromkeys(_MEDIA_WORDS, "MED"),
}  # fmt: skip
"""The Phoenix sector of a body named by its last word (CAMEO manual 1.1b3, ch. 3: EDU
education, JUD judiciary, LEG legislature, GOV government, MED media)."""


def _placed_body(mention: EntityMention, found: _Found, suffix: str) -> EntityMention:
    """A body found by its suffix, with the country of a state or place its name holds
    ("Baghdad University" → IRQ, "Kenya Anti-Corruption Commission" → KEN: a body named by
    where it is is that state's) and the sector of its suffix (``_SUFFIX_SECTOR``)."""
    inner = [
        e for e in found._overlapping(mention.start, mention.end)
        if e.type in {"state", "place"} and e.country and e.country != "IGO"
        and mention.start <= e.start and e.end <= mention.end
    ]  # fmt: skip
    country = min(inner, key=lambda e: e.start).country if inner else ""
    sector = _SUFFIX_SECTOR.get(suffix, "")
    if not country and not sector:
        return mention
    return EntityMention(mention.start, mention.end, mention.quote, mention.id, mention.name,
                         mention.type, country, mention.method, country, sector)  # fmt: skip


_INTERNATIONAL = re.compile(
    r"(?:International|World|Global|Inter-American|European|African|Asian|Arab)\b"
)
"""Words that, opening a body's name, say it spans states ("International Labor Office");
only the first word counts ("Center for International Studies" may be one state's)."""


def _international(mention: EntityMention) -> EntityMention:
    """A body found by its form, of no state, whose name opens with a word that spans states
    (``_INTERNATIONAL``: "International Labor Office", "World Food Council", "European
    Society of International Law") is an international body: country ``IGO``, as PLOVER's
    gold-standard records and Phoenix.International code intergovernmental and
    non-governmental bodies (the peer table's ``IGO``; see scripts/derive_peer_actors.py)."""
    if mention.type != "org" or mention.country or not _INTERNATIONAL.match(mention.quote):
        return mention
    return EntityMention(mention.start, mention.end, mention.quote, mention.id, mention.name,
                         mention.type, "IGO", mention.method, "IGO", mention.sector)  # fmt: skip


def _acronym_letters_fit(long_form: str, acronym: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’']*", long_form) if w[0].isupper())
    letters = acronym.replace("-", "").rstrip("s").upper()
    if not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    return all(ch in it for ch in letters)


def _type_of(name: str) -> str:
    last = name.split()[-1]
    return _SUFFIX_TYPE.get(last, "org")


def _datelines(text: str, gaz: Gazetteer) -> list[EntityMention]:
    """Datelines ("WASHINGTON —", "PESHAWAR, Nov 27", "Islamabad, Pakistan (CNN) —"): the
    place the report was filed from."""
    places = gaz.places_by_first_word
    out = []
    for m in _DATELINE.finditer(text):
        name = m.group("name") or m.group("town")
        node, _ = gaz.child(gaz.root, name, fuzzy=False)
        known = gaz.actors[node.actor] if node is not None and node.actor is not None else None
        if known is not None and known.type not in {"state", "place"}:
            continue  # an acronym such as "ISKP:" opening a line is not a dateline
        if known is None and text[m.end() : m.end() + 3].lstrip().startswith(":"):
            continue  # a headline label or release number ("SUMMIT TALKS:", "PRN: 2010/389")
        actor = places.get(token_key(name.split()[0])) if " " not in name else None
        if actor is not None:
            out.append(EntityMention(m.start(), m.end(), name, actor.id, actor.name, "place",
                                     actor.affiliation, "dateline", actor.country))  # fmt: skip
        else:
            out.append(_new(text, m.start(), m.end(), "place", "dateline", name=name.title()))
    return out


def _as(target: EntityMention, start: int, end: int, text: str, method: str) -> EntityMention:
    return EntityMention(start, end, text[start:end], target.id, target.name, target.type,
                         target.affiliation, method, target.country, target.sector)  # fmt: skip


def _whole_word_hits(text: str, key: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``key`` not joined to a word on either side."""
    pos = 0
    while (i := text.find(key, pos)) >= 0:
        j = i + len(key)
        if joined(text, i - 1) or joined(text, j):
            pos = i + 1
            continue
        yield i, j
        pos = j


_NATIONALITY_TITLE = re.compile(rf"(?P<demonym>[A-Z][a-z]+)[ \t]+(?P<title>{_TITLES})[ \t]+$")
_MILITARY_TITLE = re.compile(
    r"General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Major|Captain|Commander|Brigadier|Lt|Lieutenant|"
    r"Sergeant|Sgt|Corporal"
)


def _with_nationality(text: str, e: EntityMention, demonyms: dict[str, str]) -> EntityMention:
    """``e`` with the country of a nationality written right before its title ("German Foreign
    Minister Oskar Fischer" → DEU), and the title's sector (MIL for ranks, else GOV)."""
    m = _NATIONALITY_TITLE.search(text, max(0, e.start - 60), e.start)
    state = demonyms.get(m.group("demonym")) if m else None
    if state is None:
        return e
    sector = "MIL" if _MILITARY_TITLE.match(m.group("title")) else "GOV"
    return EntityMention(e.start, e.end, e.quote, e.id, e.name, e.type, e.affiliation or state,
                         e.method, state, e.sector or sector)  # fmt: skip


def time_at(text: str, dates: Sequence[DateMention], published: PartialDate | None) -> TimeAt:
    """The time the text speaks of at an offset: the nearest date told in the same paragraph,
    else the last date told before, else the published date."""
    known = [
        (d.start, PartialDate.parse(d.date))
        for d in dates
        if d.date and d.precision in {"day", "month", "year"}
    ]
    starts = [start for start, _ in known]

    def at(pos: int) -> PartialDate | None:
        line_end = text.find("\n", pos)
        lo = bisect.bisect_left(starts, text.rfind("\n", 0, pos) + 1)
        hi = bisect.bisect_left(starts, len(text) if line_end < 0 else line_end)
        if lo < hi:
            return min(known[lo:hi], key=lambda k: (abs(k[0] - pos), k[0]))[1]
        before = bisect.bisect_left(starts, pos)
        return known[before - 1][1] if before else published

    return at


def entity_mentions(
    text: str, gaz: Gazetteer, dates: Sequence[DateMention] = (),
    published: PartialDate | None = None, agents: Agents | None = None,
    offices: Offices | None = None,
) -> list[EntityMention]:  # fmt: skip
    """All entity mentions of a text, sorted by position. ``dates`` (the text's date
    mentions) and ``published`` tell apart actors who share a name and the holders of an
    office; ``agents`` finds compound actors ("Pakistani soldiers"), ``offices`` office
    holders named by title and surname ("Prime Minister Sharif")."""
    scan = Scan(text)
    when = time_at(text, dates, published)
    datelines = _datelines(text, gaz)
    placed = _Found(datelines)
    toks = tokens(text)
    gazetteer = [
        e for e in gazetteer_mentions(text, gaz, when, toks) if placed.free(e.start, e.end)
    ]  # fmt: skip
    if agents is not None:
        for k, wider in agents.body_agents(text, gazetteer).items():
            gazetteer[k] = wider
    found = _Found(datelines + gazetteer)
    if agents is not None:
        for e in agents.compounds(text, *toks):
            found.add(e)
        for e in agents.located(text, *toks, gazetteer):
            found.add(e)
        for e in agents.led(text, *toks, gazetteer):
            found.add(e)
    if offices is not None:
        for m in offices.matches(text):
            office = offices.holder(m.group("title"), m.group("surname"), when(m.start()))
            if office is None:
                continue
            found.add(_office_holder(text, *m.span("surname"), office, gaz))
        for m in _ADMINISTRATION.finditer(text):
            _administration(m, offices, gaz, found, when(m.start()), text)
    local_alias: dict[str, EntityMention] = {}
    # short forms of names already told: a person's surname, an organisation's last words
    people: dict[str, EntityMention] = {}
    org_tails: dict[str, EntityMention] = {}
    for e in found.items:
        words = e.quote.split()
        if e.method == "office":
            people.setdefault(e.quote, e)
        elif e.method not in {"gazetteer", "fuzzy"}:
            continue
        elif e.type == "person" and len(words) >= 2:
            people.setdefault(words[-1], e)
        elif e.type == "org" and len(words) >= 3:
            org_tails.setdefault(" ".join(words[-2:]), e)

    # 1. acronyms defined in the text: "Long Form Name (LFN)"
    for m in _ACRONYM.finditer(text):
        acr = m.group("acr")
        before = text[max(0, m.start() - 160) : m.start()].rstrip()
        span_end = m.start() - (len(text[max(0, m.start() - 160) : m.start()]) - len(before))
        inside = found.ending_at(span_end - 1, span_end)
        if inside:
            local_alias.setdefault(acr, inside[-1])
            continue
        cand = re.search(
            r"(?:[A-Z][\w’'\-]*(?:[ \t]+(?:of|for|and|on|the|in|&))*[ \t]+)*[A-Z][\w’'\-]*$", before
        )
        if not cand:
            continue
        start = span_end - len(cand.group())
        cleaned = _clean_name(text, start, span_end)
        if not cleaned or not _acronym_letters_fit(text[cleaned[0] : cleaned[1]], acr):
            continue
        mention = _new(text, *cleaned, _type_of(text[cleaned[0] : cleaned[1]]), "acronym")
        mention = _international(mention)
        if found.add(mention, absorb=True):
            local_alias.setdefault(acr, mention)

    # 2. people: with titles, named in photo credits, speaking, in apposition to a role
    def add_person(start: int, end: int, method: str) -> None:
        cleaned = _clean_name(text, start, end)
        if cleaned:
            rank = _RANK.match(text, cleaned[0], cleaned[1])
            if rank and rank.end() < cleaned[1]:
                cleaned = (rank.end(), cleaned[1])  # "Col John Miller": the rank is not the name
        if cleaned:
            office = _OFFICE_WORDS.match(text, cleaned[0], cleaned[1])
            if office and office.end() >= cleaned[1]:
                return  # "Mr. Prime Minister", "the Prime Minister said": an office, no name
            if office:
                cleaned = (office.end(), cleaned[1])  # "External Affairs Minister S Jaishankar"
        if cleaned and text[cleaned[1] - 2 : cleaned[1]] in {"'s", "’s"}:
            cleaned = (cleaned[0], cleaned[1] - 2)  # "President Suharto's government"
        if not cleaned or not found.free(*cleaned):
            return
        quote = text[cleaned[0] : cleaned[1]]
        if quote.split()[-1] in _BODY_WORDS:
            return  # "the World Bank said": a body, not a person
        known = people.get(quote) if " " not in quote else None
        same = gaz.person_by_ends(quote, when(cleaned[0])) if not known else None
        mention = (
            _as(known, *cleaned, text, "coreference")
            if known
            else _of(same, *cleaned, text, method, when(cleaned[0]))
            if same
            else _new(text, *cleaned, "person", method)
        )
        if found.add(mention) and not known:
            people.setdefault(quote.split()[-1], mention)
            people.setdefault(quote, mention)  # the whole name told again without its title

    for pattern, method, anchor in (
        (_TITLED, "title", "title"), (_CREDIT, "pattern", "credit"),
        (_SPEECH, "pattern", "speech"), (_APPOSITIVE_AFTER, "pattern", "role before"),
        (_APPOSITIVE_BEFORE, "pattern", "role after"), (_HONOURED, "pattern", "honorific"),
    ):  # fmt: skip
        for m in scan.near(pattern, *_ANCHORED[anchor]):
            add_person(m.start("name"), m.end("name"), method)
            other = _AND_PERSON.match(text, m.end("name")) if pattern is _TITLED else None
            if other:  # "Dr. Aafia Siddiqui and John Smith": both are people
                add_person(other.start("name"), other.end("name"), method)
    for pattern, method, anchor in (
        (_COORDINATED, "title", "plural title"),  # "Senators Kerry and Lugar"
        (_BYLINE, "pattern", "byline"),  # "By Jane Doe and Ahmed Khan"
    ):
        for m in scan.near(pattern, *_ANCHORED[anchor]):
            for name in re.finditer(_NAME, m.group("names")):
                add_person(m.start("names") + name.start(), m.start("names") + name.end(), method)

    # 3. places by their form ("the Mohmand tribal area", "a Belarus-based plant"), "the X
    # network", and names with an organisational suffix (or a short form of one)
    for pattern, anchor in ((_PLACE, "place"), (_PLACE_OF, "place of")):
        for m in scan.near(pattern, *_ANCHORED[anchor]):
            cleaned = _clean_name(text, m.start("name"), m.end("name"))
            name = text[cleaned[0] : cleaned[1]] if cleaned else ""
            if not name or name.split()[-1] in _BODY_WORDS:
                continue
            if agents is not None and name in agents.demonyms:
                continue  # "a Pakistani town": a nationality, not the town's name
            found.add(_new(text, *cleaned, "place", "pattern"))
    for m in _AGENCY.finditer(text):
        group = "bracketed" if m.group("bracketed") else "bare"
        start, end = m.span(group)
        node, _ = gaz.child(gaz.root, m.group(group), fuzzy=False)
        known = gaz.actors[node.actor] if node is not None and node.actor is not None else None
        if known is not None and node.length == 1:
            found.add(_of(known, start, end, text, "gazetteer"))
        elif known is None:
            agency = _new(text, start, end, "org", "pattern")
            found.add(EntityMention(start, end, agency.quote, agency.id, agency.name, "org",
                                    "", "pattern", "", "MED"))  # fmt: skip
    for m in scan.near(_NETWORK, *_ANCHORED["network"]):
        found.add(_new(text, m.start("name"), m.end("name"), "group", "pattern"))
    for m in scan.near(_SUFFIXED, *_ANCHORED["suffix"]):
        cleaned = _clean_name(text, m.start("name"), m.end())
        if not cleaned or len(text[cleaned[0] : cleaned[1]].split()) < 2:
            continue
        tail = org_tails.get(text[cleaned[0] : cleaned[1]])
        if tail is not None and tail.start < cleaned[0]:
            found.add(_as(tail, *cleaned, text, "coreference"))
            continue
        if m.group("suffix") == "Agency" and any(
            e.type == "place" for e in found.ending_at(m.start("suffix") - 1)
        ):
            continue  # "North Waziristan Agency": a tribal agency is the place, not a body
        mention = _new(text, *cleaned, _type_of(text[cleaned[0] : cleaned[1]]), "pattern")
        head = found.body_at_start(*cleaned)
        if head is not None and head.end > m.start("suffix"):
            continue  # "US Department of State Coordinator": the known body holds the suffix
        if head is not None and mention.type == "org":
            # "the Senate Appropriations Committee": a part of the Senate, on its side
            mention = EntityMention(mention.start, mention.end, mention.quote, mention.id,
                                    mention.name, "org", head.affiliation, "pattern",
                                    head.country, head.sector)  # fmt: skip
            found.remove(head)
        elif mention.type == "org":
            mention = _international(_placed_body(mention, found, m.group("suffix")))
        if found.add(mention, absorb=True) and len(mention.quote.split()) >= 3:
            # "the Pakistan-U.S. Counterterrorism Dialogue" … "the Counterterrorism Dialogue"
            org_tails.setdefault(" ".join(mention.quote.split()[-2:]), mention)

    # 4. later short forms: an acronym defined above, or the surname of a person found above
    short_forms = {**{k: v for k, v in people.items() if len(k) > 2}, **local_alias}
    for key, target in sorted(short_forms.items(), key=lambda kv: -len(kv[0])):  # longest first
        for start, end in _whole_word_hits(text, key):
            if not found.free(start, end):
                continue
            if text[max(0, start - 4) : start].lower() == "the ":
                continue
            found.add(_as(target, start, end, text, "coreference"))

    # 5. an act's year belongs to its name: "the Enhanced Partnership with Pakistan Act of 2009";
    # a person without a country takes that of a nationality before the title ("British
    # Defence Secretary Tom King")
    items = []
    by_group: dict[str, EntityMention] = {}
    by_body: dict[str, EntityMention] = {}
    by_state: dict[str, EntityMention] = {}
    for e in found.items:
        if e.type == "person" and e.id not in by_body:
            body = _body_role(text, e, found)
            if body is not None:
                by_body[e.id] = body
        if e.type == "person" and not e.country and agents is not None:
            e = _with_nationality(text, e, agents.demonyms)
        if e.type == "person" and not e.country and not e.affiliation:
            group = _group_role_before(text, e, found)
            if group is not None:
                by_group.setdefault(e.id, group)
            else:
                served = _state_role_before(text, e, found)
                if served is not None:
                    by_state.setdefault(e.id, served)
        year = e.type == "agreement" and _NAMED_YEAR.match(text, e.end, e.end + 8)
        if year and e.quote.split()[-1] == "Act":
            e = _as(e, e.start, year.end(), text, e.method)
        items.append(e)
    # "Taliban leader Mansour": every mention of that person is the group's; "Kenzo Oshima,
    # the United Nations Emergency Relief Coordinator": every mention acts for the UN
    items = [
        _of_group(e, by_group[e.id]) if e.id in by_group and not e.country else e for e in items
    ]
    items = [_of_body(e, by_body[e.id]) if e.id in by_body else e for e in items]
    # "Pakistan's Foreign Minister Khawaja Asif", "State Department spokeswoman Heather
    # Nauert": every mention of that person acts for the state
    items = [
        _of_state(e, by_state[e.id]) if e.id in by_state and not e.country else e for e in items
    ]
    items = _home_ministries(items, gaz, text)
    return sorted(items, key=lambda e: (e.start, e.end))


_BARE_MINISTRY = frozenset({"Foreign Office", "Foreign Ministry", "Ministry of Foreign Affairs"})
"""A foreign ministry named without its state."""


def _home_ministries(items: list[EntityMention], gaz: Gazetteer, text: str) -> list[EntityMention]:
    """A foreign ministry named without its state ("the Foreign Office said", found by its
    suffix with no country) is the curated foreign ministry (id ``….MOFA``) of the state the
    document names most among those that have one: news copy names "the Foreign Office" of
    the country it reports from (the annotations code it so: ``PAK.MOFA``). Unchanged where
    no such state is named."""
    bare = [e for e in items if e.type == "org" and not e.country and e.quote in _BARE_MINISTRY]
    if not bare:
        return items
    ministries = {a.country: a for a in gaz.actors[: gaz.curated] if a.id.endswith(".MOFA")}
    counts = Counter(e.id for e in items if e.type == "state" and e.id in ministries)
    if not counts:
        return items
    home = ministries[max(counts, key=lambda k: (counts[k], k))]
    ids = {id(e) for e in bare}
    return [_of(home, e.start, e.end, text, "coreference") if id(e) in ids else e for e in items]


_GROUP_ROLE = re.compile(rf"[ \t]+{_ROLES}[ \t]+$")
"""A role noun between an armed group and a name: "Taliban leader Mansour"."""


def _group_role_before(text: str, e: EntityMention, found: _Found) -> EntityMention | None:
    """The armed group named right before a role noun before ``e`` ("Taliban leader
    Mansour", "TTP commander Fazlullah"), or None."""
    m = _GROUP_ROLE.search(text, max(0, e.start - 40), e.start)
    if m is None:
        return None
    before = found.ending_at(m.start())
    return before[-1] if before and before[-1].type == "group" else None


_STATE_ROLE = re.compile(
    rf"(?:['’]s)?[ \t]+(?:(?:[Ff]ormer|[Aa]cting|[Dd]eputy|[Ss]enior|[Cc]hief|[Ss]pecial|[Tt]hen|"
    rf"[Nn]ational|[Ss]ecurity|[Aa]ssistant|[Pp]rincipal|[Ff]oreign|[Ii]nterior|[Dd]efen[cs]e|"
    rf"[Ff]inance|[Pp]rime|[Vv]ice|[Aa]rmy|[Mm]ilitary)[ \t-]+){{0,3}}"
    rf"(?:{_ROLES}|{_TITLES})(?:[ \t]+of[ \t]+staff)?[ \t]+(?:{_TITLES}[ \t]+)*$"
)
"""The title between a state (or a state's body) and a person's name: "'s Foreign Minister",
" spokeswoman", "'s envoy", " chief of staff"."""


def _state_role_before(text: str, e: EntityMention, found: _Found) -> EntityMention | None:
    """The state, or a body of one, named right before the title of ``e`` ("Pakistan's Foreign
    Minister Khawaja Asif", "State Department spokeswoman Heather Nauert", "India's envoy
    Siddhartha Shankar Ray", "UN envoy X"): the one whose country the person acts for, as a
    nationality before a title gives it (``_with_nationality``); or None."""
    before = [
        b for b in found._overlapping(max(0, e.start - 70), e.start)
        if b.end < e.start and _STATE_ROLE.fullmatch(text, b.end, e.start)
    ]  # fmt: skip
    if not before:
        return None
    served = max(before, key=lambda b: b.end)
    return served if served.type in {"state", "org"} and served.country else None


def _of_state(e: EntityMention, served: EntityMention) -> EntityMention:
    """``e`` acting for the country of the state or body ``served`` (sector that body's, else
    GOV)."""
    return EntityMention(e.start, e.end, e.quote, e.id, e.name, e.type, e.affiliation or
                         served.country, e.method, served.country,
                         e.sector or served.sector or "GOV")  # fmt: skip


_BODY_ROLE_AFTER = re.compile(r",[ \t]+the[ \t]+")
"""The opening of an apposition after a person's name: "Kenzo Oshima, the …"."""
_TITLE_WORDS_AFTER = re.compile(
    rf"(?:[ \t]+(?:[A-Z][\w’'\-]*|of|for|on|the|{_ROLE_WORDS})){{1,5}}?(?=[ \t]*(?:[,.;)\n]|$))"
)
"""The title words after a body in an apposition or before a name: "… Emergency Relief
Coordinator", "Secretary-General"; capitalised, or role nouns (``_ROLE_WORDS``)."""
_BODY_ROLE_BEFORE = re.compile(rf"(?:[ \t]+(?:[A-Z][\w’'\-]*|{_ROLE_WORDS})){{1,3}}[ \t]+$")
"""Title words between a body and a name: "UN Secretary-General Kofi Annan"."""


def _body_role(text: str, e: EntityMention, found: _Found) -> EntityMention | None:
    """The body a person holds an office of, as the text tells it: an apposition after the
    name that opens with the body ("Kenzo Oshima, the United Nations Emergency Relief
    Coordinator," → the UN), or the body and title before the name ("UN Secretary-General
    Kofi Annan"). The body: an international body (country ``IGO``) or a state's body or
    the state itself, found by the gazetteer. None where there is none. A person acts for the
    body whose office the text gives him (PLOVER records code the UN's coordinator ``IGO``,
    whatever his nationality)."""
    m = _BODY_ROLE_AFTER.match(text, e.end)
    if m is not None:
        after = found._overlapping(m.end(), m.end() + 1)
        body = next((b for b in after if b.start == m.end()), None)
        if _is_body(body) and _TITLE_WORDS_AFTER.match(text, body.end):
            return body
    m = _BODY_ROLE_BEFORE.search(text, max(0, e.start - 60), e.start)
    if m is not None and m.start() > 0:
        before = found.ending_at(m.start())
        body = before[-1] if before else None
        if _is_body(body) and _TITLES_ONLY.fullmatch(text[m.start() : e.start].strip()):
            return body
    return None


_TITLES_ONLY = re.compile(
    rf"(?:(?:{_TITLES}|Secretary-General|Secretary General|High Commissioner|{_ROLE_WORDS})[ \t]*)+"
)
"""Title words only: what may stand between a body and a person's name."""


def _is_body(b: EntityMention | None) -> bool:
    """Whether ``b`` is a body a person may hold an office of: an international body, or an
    organisation or state with a country."""
    return (
        b is not None
        and b.method != "compound"
        and (b.country == "IGO" or (b.type in {"org", "state"} and bool(b.country)))
    )


def _of_body(e: EntityMention, body: EntityMention) -> EntityMention:
    """``e``, holding an office of ``body``: the body's country (``IGO`` for an international
    body), its sector or GOV."""
    sector = body.sector if body.sector and body.sector != "IGO" else (e.sector or "GOV")
    return EntityMention(e.start, e.end, e.quote, e.id, e.name, e.type, body.country, e.method,
                         body.country, sector)  # fmt: skip


def _of_group(e: EntityMention, group: EntityMention) -> EntityMention:
    """``e``, a member of armed ``group``: affiliation the group, country the group's, sector
    REB (as ``actors.csv`` codes the groups' leaders)."""
    return EntityMention(e.start, e.end, e.quote, e.id, e.name, e.type, group.id, e.method,
                         group.country, e.sector or "REB")  # fmt: skip
