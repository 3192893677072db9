"""Derive ``lib/pakus/data/reference/verb_lexicon.csv`` from the PETRARCH2 verb dictionary and the
PLOVER editors' CAMEO-to-PLOVER table.

    python scripts/derive_verb_lexicon.py [PEERS_DIR]

``PEERS_DIR`` (default ``../shared/peers``) holds ``petrarch2/CAMEO.2.0.txt`` (Open Event
Data Alliance, MIT licence) and ``plover/CAMEO2PLOVER-2021.txt`` (Open Event Data Alliance,
PLOVER manual draft 0.8, CC BY-SA 4.0). The output is committed (CI has no peers folder);
re-running the script on the same files gives the same bytes.

What is read from ``CAMEO.2.0.txt`` (its format: the file's header and petrarch2's
``dictionaries.rst``):

- the synonym sets (``&CURRENCY`` → ``+MONEY``, ``+DOLLAR`` …), used to expand patterns;
- each verb block ``---  NAME   [code]  ---``: its verbs (``ACCUSE [112]``, ``+CALL_OFF
  [160]`` for a phrasal verb), each with its own code or the block's;
- the block's patterns ``- * OBJECT [code]`` and ``- * (PREP OBJECT) [code]``: a reading of
  every verb of the block when its object (or the object of the preposition) is that word.
  A ``+`` in the pattern marks the target: ``(WITH +)`` puts the target in the ``with``
  phrase. Patterns with a word before the verb (a subject cue) and the ``~`` transformation
  rules are left out: they need actor classes this lexicon does not carry.
- a pattern whose code is PETRARCH2's null code ``[---]`` (``TAKE`` + ``OPPORTUNITY``,
  ``CONTROL``) or a CAMEO 01 public statement (``CLAIM`` + ``RESPONSIBILITY`` [015]) is kept
  as a row with an empty ``type``: that object selects *no* event, as in PETRARCH2, instead of
  falling back to the verb's own reading ("claimed responsibility" is no ACCUSE, "took the
  opportunity" no COERCE).

Each code is mapped through ``CAMEO2PLOVER-2021.txt`` to a PLOVER type, mode and context
(the longest listed prefix of the code: ``0231`` → ``023``), except the codes whose type the
PLOVER manual states otherwise (``MANUAL``: 163 impose sanctions is SANCTION). CAMEO's 01 (public statement)
is no PLOVER event and is dropped; 02 (appeal) is not in the table and is coded REQUEST,
which the PLOVER manual (draft 2.0, REQUEST) says merges CAMEO's APPEAL and DEMAND.

A military-cooperation or aid reading (062, 07) of a verb of getting (``GETTING``: the
``OBTAIN`` and ``PURCHASE`` blocks) is AID with the target frame ``subject`` (``RECEIVER``): the
buyer or recipient is the target, the ``from`` phrase the source.

Each row gets a role frame, ``target``: where the target is found, as ``|``-separated
dependency slots tried in order (``dobj`` the direct object, ``dative`` the indirect object,
a preposition for its phrase): from the pattern when it marks the target, else the type's
default (``FRAMES``). The source is always the subject (or the passive agent).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "lib" / "pakus" / "data" / "reference" / "verb_lexicon.csv"
SETS_OUT = ROOT / "lib" / "pakus" / "data" / "reference" / "verb_lexicon_sets.csv"
CAMEO_FILE = "petrarch2/CAMEO.2.0.txt"
PLOVER_FILE = "plover/CAMEO2PLOVER-2021.txt"
LICENCE = {CAMEO_FILE: "MIT", PLOVER_FILE: "CC BY-SA 4.0"}

FRAMES = {
    "AID": "dative|to|for|dobj",
    "AGREE": "with|to|dobj",
    "CONSULT": "with|dobj|to",
    "COOPERATE": "with|to|dobj",
    "SUPPORT": "dobj|for|with|to",
    "CONCEDE": "to|dobj",
    "RETREAT": "dobj|on|from|to",
    "SANCTION": "on|against|dobj|to|from",
    "REQUEST": "dobj|to|from",
    "ACCUSE": "dobj|against|on|of",
    "REJECT": "dobj|from",
    "THREATEN": "dobj|against|with",
    "PROTEST": "against|dobj",
    "MOBILIZE": "against|to|dobj",
    "COERCE": "dobj|against|on",
    "ASSAULT": "dobj|against|on|in",
}
"""Default target slots by PLOVER type, tried in order (the source is the subject)."""
NO_EVENT = "no PLOVER event: PETRARCH2 null code [---] or CAMEO 01 statement"
"""The ``source`` note of a row whose object or preposition selects no event."""
STATEMENT_ROOT = "01"
"""CAMEO 01 (make public statement): the blocks of verbs of saying (``EMPHASIZE``,
``EXPLAIN_VERBAL``, ``DECLARE`` …). A pattern of one with a plain object codes what the object
names, not the verb (``EXPRESS`` + ``BACKING`` [051], ``VOICE`` + ``UNEASE`` [110]): the
attitude the statement states. Such an object is read with every verb of every 01 block
("stressed its backing", "communicated its unease"), where the 01 blocks' patterns give it one
code only (``DISMAY``: ``EXPRESS`` [012] and ``VOICE`` [111] disagree, so it is not spread) and
that code states an attitude (``ATTITUDE_CODES``); a row the verb has of its own wins."""
SPREAD_NOTE = ", an attitude read with every CAMEO 01 statement verb"
"""Added to the ``source`` of a row spread to a statement verb (``STATEMENT_ROOT``)."""
ATTITUDE_CODES = ("051", "11")
"""The CAMEO codes of a stated attitude: 051 praise or endorse, 11 disapprove (110 disapprove,
111 criticize or denounce, 112 accuse); PLOVER SUPPORT and ACCUSE, the evaluative speech acts."""
GETTING = frozenset({"OBTAIN", "PURCHASE"})
"""The blocks of verbs of getting (``OBTAIN``: receive, get, acquire …; ``PURCHASE``: buy,
purchase). Their military-cooperation and aid readings (062, 07: "bought F-16s", "received
weapons") tell the *other* party's act: the seller or giver provides, the subject gets — an
arms sale is AID from the seller to the buyer (tests/annotations/README.md guidelines; the
PLOVER manual draft 2.0, AID: "provide military aid … arms"). Such a row is AID with the
target frame ``RECEIVER``."""
GOT_CODES = ("062", "07")
RECEIVER = "subject"
"""The ``target`` frame of a getting row: the subject is the target, the source is in the
``from`` phrase (PETRARCH2 marks this reversal ``[:code]``, "code the event from the object
to the subject")."""
APPEAL_ROOT = "02"
"""CAMEO 02 (appeal) → REQUEST: the PLOVER manual draft 2.0, section REQUEST."""
MANUAL = {"163": ("SANCTION", "", "diplomatic")}
"""CAMEO codes whose PLOVER type the PLOVER manual (draft 2.0, 2024, later than the 2021 table)
states otherwise: 163 impose embargo, boycott or sanctions is listed under SANCTION ("Impose
embargo, boycott, or sanctions"), where CAMEO2PLOVER-2021 has COERCE."""
MANUAL_NOTE = "PLOVER manual draft 2.0, SANCTION lists CAMEO 163 (CC BY-SA 4.0)"
COLUMNS = ("lemma", "object", "preposition", "cameo", "type", "mode", "context", "target", "source")

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
"""A verb block's header, ``---  NAME   [code]  ---``; four headers of the file close the code
with ``]---  ---`` (``DELAY [120]---``): they start a block too."""
_CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")
_PLOVER_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*)(?:,([^#]*))?")


@dataclass(frozen=True)
class Reading:
    type: str
    mode: str
    context: str
    line: int


def read_plover(text: str) -> dict[str, Reading]:
    """CAMEO code → PLOVER reading, from CAMEO2PLOVER-2021.txt (comment lines skipped)."""
    out: dict[str, Reading] = {}
    for i, line in enumerate(text.splitlines(), 1):
        m = _PLOVER_ROW.match(line)
        if m:
            context = (m.group(4) or "").strip().replace(" ", "")
            out.setdefault(
                m.group(1), Reading(m.group(2), m.group(3).strip(), context.replace(";", "|"), i)
            )
    return out


def plover_of(code: str, table: dict[str, Reading]) -> Reading | None:
    """The reading of the longest prefix of ``code`` the table lists; None for CAMEO 01 and
    codes without one. CAMEO 02 (appeal) is REQUEST (``APPEAL_ROOT``)."""
    if code == "---" or code.startswith("01"):
        return None
    if code.startswith(APPEAL_ROOT):
        return Reading("REQUEST", "", "", 0)
    for k in range(len(code), 1, -1):
        if code[:k] in MANUAL:
            return Reading(*MANUAL[code[:k]], -1)
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def _words(token: str) -> str:
    """``+CALL_OFF`` → ``call off``; ``RE_`` prefixes and trailing ``_`` dropped."""
    return " ".join(w for w in token.lstrip("+").lower().split("_") if w)


def read_synsets(lines: list[str]) -> dict[str, list[tuple[str, int]]]:
    """``&NAME`` → its members (lower case) with their line numbers, from the SYNONYM SETS
    part."""
    sets: dict[str, list[tuple[str, int]]] = {}
    name = None
    for no, line in enumerate(lines, 1):
        if line.startswith("&"):
            name = line.split()[0]
            sets[name] = []
        elif line.startswith("+") and name:
            sets[name].append((_words(line.split()[0]), no))
        elif line.startswith("####### VERB PATTERNS"):
            break
    return sets


PREPOSITIONS = frozenset(
    "about across after against along among around as at before behind between by during for "
    "from in inside into near of off on onto out over through to toward towards under until "
    "upon with within without".split()
)
_PATTERN = re.compile(r"^-\s+\*\s+(?P<body>.*?)\s*\[(?P<code>[0-9]{2,4}|---)(?::[0-9]+)?\]")


def pattern_cues(body: str, synsets: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """The (object, preposition, target slot) readings of a pattern's words after the
    verb: its first noun phrase or prepositional phrase; the slot is the preposition whose
    phrase a ``+`` marks as the target (``(AGAINST +)``, ``STRIKE (ON +)``), else empty. ``object`` is the phrase's words
    (``{HUNGER STRIKE}`` → ``hunger strike``: the head last, its modifiers before it) or a
    synonym set. ``[]`` when it has none usable, and when the pattern asks more than one
    phrase can say: words after the phrase (``ATTACK (ON POLICIES)``, ``STRIKE IN PROTEST``)
    or a synonym set among a phrase's modifiers — checking only part of such a pattern would
    give its reading to sentences it does not describe ("launched an attack" is no verbal
    ``ATTACK (ON POLICIES)``)."""
    body = body.strip()
    m = re.match(r"\((?P<prep>[A-Z]+)\s*(?P<rest>[^)]*)\)", body)
    prep, rest = ("", body)
    if m and m.group("prep").lower() not in PREPOSITIONS:  # "(GUNFIRE)": a phrase, no preposition
        body = body[1:].replace(")", "", 1)
        m = None
    rest = body
    after = ""
    if m:
        prep, rest, after = m.group("prep").lower(), m.group("rest"), body[m.end() :]
    rest = rest.strip()
    slot = prep if prep and rest.startswith("+") else ""
    rest = rest.lstrip("+$ ").strip()
    phrase = re.match(r"\{([^}]*)\}|(&?[A-Z][A-Z_'-]*)", rest)
    if not phrase:
        return [("", prep, slot)] if prep and not _qualified(after) else []
    tail = rest[phrase.end() :] + " " + after
    if _qualified(tail):
        return []
    marked = re.search(r"\(\s*([A-Z]+)\s*\+\s*\)", tail)
    if marked and marked.group(1).lower() in PREPOSITIONS:
        slot = slot or marked.group(1).lower()
    words = (phrase.group(1) or phrase.group(2)).split()
    head, modifiers = words[-1], words[:-1]
    if any(w.startswith("&") for w in modifiers):
        return []
    if head.startswith("&"):
        if modifiers or not synsets.get(head):  # a set this file does not define: no usable cue
            return []
        return [(head, prep, slot)]  # kept by name; its members in the sets table
    obj = " ".join(w for w in (_words(x) for x in words) if w)
    return [(obj, prep, slot)] if obj else []


def _qualified(rest: str) -> bool:
    """Whether a pattern has words after its first phrase other than a target marker
    (``(TO +)``, ``+``)."""
    left = re.sub(r"\(\s*[A-Z]+\s*\+\s*\)|\+|\$", " ", rest)
    return bool(re.search(r"[A-Z&]", left))


def derive(cameo_text: str, plover_text: str) -> list[dict[str, str]]:
    """The lexicon rows (sorted, unique by lemma/object/preposition: the first in the file
    wins)."""
    table = read_plover(plover_text)
    lines = cameo_text.splitlines()
    synsets = read_synsets(lines)
    start = next(i for i, x in enumerate(lines) if x.startswith("####### VERB PATTERNS"))
    rows: dict[tuple[str, str, str], dict[str, str]] = {}

    def add(lemma, obj, prep, code, line_no, target_slot="", note=""):
        reading = plover_of(code, table)
        if block_name in GETTING and reading is not None and code.startswith(GOT_CODES):
            reading, target_slot = Reading("AID", "", "military", reading.line), RECEIVER
        key = (lemma, obj, prep)
        if not lemma or key in rows:
            return
        source = f"{CAMEO_FILE}:{line_no} ({LICENCE[CAMEO_FILE]}){note}"
        if reading is None:
            if obj or prep:  # the object selects no event: PETRARCH2's null code or a statement
                rows[key] = {
                    "lemma": lemma, "object": obj, "preposition": prep, "cameo": code,
                    "type": "", "mode": "", "context": "", "target": "",
                    "source": f"{source}; {NO_EVENT}",
                }  # fmt: skip
            return
        if reading.line > 0:
            source += f"; {PLOVER_FILE}:{reading.line} ({LICENCE[PLOVER_FILE]})"
        elif reading.line < 0:
            source += f"; {MANUAL_NOTE}"
        else:
            source += "; PLOVER manual draft 2.0, REQUEST merges CAMEO 02 APPEAL (CC BY-SA 4.0)"
        rows[key] = {
            "lemma": lemma, "object": obj, "preposition": prep, "cameo": code,
            "type": reading.type, "mode": reading.mode, "context": reading.context,
            "target": target_slot or FRAMES[reading.type], "source": source,
        }  # fmt: skip

    verbs: list[str] = []
    own_codes: set[str] = set()
    block_code = ""
    block_name = ""
    in_verbs = False
    stating: list[str] = []  # the verbs of the CAMEO 01 (public statement) blocks
    attitudes: dict[str, set[tuple[str, int]]] = {}  # their plain-object patterns' codes
    for i in range(start + 1, len(lines)):
        raw = lines[i]
        line = raw.split("#", 1)[0].rstrip()
        no = i + 1
        b = _BLOCK.match(line)
        if b:
            block_code = b.group(2) if b.group(2).isdigit() else ""
            block_name = b.group(1)
            verbs, in_verbs, own_codes = [], True, set()
            continue
        if not line.strip() or line.startswith("~"):
            continue
        if line.startswith("-"):
            in_verbs = False
            p = _PATTERN.match(line)
            if not p:
                continue
            # a pattern reads the verb its comment names (``# RUSH``), where the block has it
            comment = raw.split("#", 1)[1].split() if "#" in raw else []
            named = _words(comment[0]) if comment else ""
            owners = [named, *forms_of(named, verbs, own_codes)] if named in verbs else verbs
            for obj, prep, slot in pattern_cues(p.group("body"), synsets):
                for verb in owners:
                    add(verb, obj, prep, p.group("code"), no, slot)
                if block_code.startswith(STATEMENT_ROOT) and obj and not prep and not slot:
                    attitudes.setdefault(obj, set()).add((p.group("code"), no))
            continue
        if in_verbs and re.match(r"[A-Z+]", line):
            token = line.split()[0]
            lemma = _words(token)
            verbs.append(lemma)
            own = _CODE.search(line)
            if own:
                own_codes.add(lemma)
            code = own.group(1) if own else block_code
            if code:
                add(lemma, "", "", code, no)
            if block_code.startswith(STATEMENT_ROOT):
                stating.append(lemma)
    for obj, found in sorted(attitudes.items()):
        codes = {c for c, _ in found}
        if len(codes) != 1 or not next(iter(codes)).startswith(ATTITUDE_CODES):
            continue  # the statement verbs disagree on it, or it states no attitude
        code, no = min(found, key=lambda x: x[1])
        for verb in stating:
            add(verb, obj, "", code, no, note=SPREAD_NOTE)
    return [rows[k] for k in sorted(rows)]


FORM_SIMILARITY = 0.85
"""How alike (``difflib.SequenceMatcher`` ratio) a line of a block must be to the verb a
pattern names to count as its irregular form or spelling variant: ``FORGAVE`` / ``FORGIVE``
0.86, ``BURNT`` / ``BURN`` 0.89, ``CRITICISE`` / ``CRITICIZE`` 0.89; not ``CONVERGE`` /
``CONVENE`` 0.80 nor ``BLOCKADE`` / ``BLOCK`` 0.77. The first three letters must be the
same too: a prefixed verb is another verb (``ENFORCE`` / ``REINFORCE``)."""


def forms_of(named: str, verbs: list[str], own_codes: set[str]) -> list[str]:
    """The block's lines that are irregular forms or spellings of the verb ``named``: one
    word, without a code of their own, alike to it (``FORM_SIMILARITY``; PETRARCH2 lists a verb's
    irregular forms as lines of its block, ``FORGAVE`` / ``FORGIVE`` / ``FORGIVEN``; a
    pattern commented ``# FORGIVE`` reads them too, so that "forgave … debt" meets
    ``- * DEBT [071]``)."""
    if " " in named:
        return []
    return [
        v for v in verbs
        if v != named and " " not in v and v not in own_codes
        and v[:3] == named[:3]  # not a prefixed verb: "enforce" is no form of "reinforce"
        and difflib.SequenceMatcher(None, v, named).ratio() >= FORM_SIMILARITY
    ]  # fmt: skip


def set_rows(cameo_text: str) -> list[dict[str, str]]:
    """The synonym sets the lexicon's ``object`` cells name: set, member, source."""
    sets = read_synsets(cameo_text.splitlines())
    return [
        {"set": name, "member": member, "source": f"{CAMEO_FILE}:{no} ({LICENCE[CAMEO_FILE]})"}
        for name in sorted(sets)
        for member, no in sorted(set(sets[name]))
    ]


def write(rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> None:
    peers = Path(argv[0]) if argv else ROOT.parent / "shared" / "peers"
    rows = derive(
        (peers / CAMEO_FILE).read_text("utf-8", errors="replace"),
        (peers / PLOVER_FILE).read_text("utf-8"),
    )
    OUT.write_text(write(rows), encoding="utf-8")
    sets = set_rows((peers / CAMEO_FILE).read_text("utf-8", errors="replace"))
    SETS_OUT.write_text(write(sets, ("set", "member", "source")), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows; {SETS_OUT.name}: {len(sets)} rows")


if __name__ == "__main__":
    main(sys.argv[1:])
