"""Reprints and near-duplicates: documents that are the same story (a wire story run by
several papers, verbatim or lightly edited) grouped with MinHash and locality-sensitive
hashing (``datasketch``).

Each text becomes the set of its word ``SHINGLE``-grams (lower-case words). MinHash
signatures (``NUM_PERM`` permutations, fixed seed) put candidate pairs in the same LSH bucket;
each candidate pair is then checked with the exact Jaccard similarity of the two shingle sets,
and pairs at ``THRESHOLD`` or above are linked. Linked documents form a group (transitively);
its *original* is the earliest published (undated ones last), ties broken by id, and every
other member is a reprint of it. Method: Broder, "On the resemblance and containment of
documents" (1997); LSH banding as in Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, ch. 3.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from pakus.dates import PartialDate

SHINGLE = 5
"""Words per shingle."""
NUM_PERM = 128
"""MinHash permutations."""
THRESHOLD = 0.5
"""Jaccard similarity of the shingle sets at or above which two texts are the same story. Two
different reports on the same event share few five-word sequences (well under 0.1); a reprint
with a new first line, a changed headline or a cut last paragraph keeps well over 0.5."""


@dataclass(frozen=True)
class Text:
    """A document as the grouping sees it."""

    id: str
    text: str
    published: PartialDate | None = None


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of the text's ``k``-word sequences (lower-case words and numbers)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def _signature(grams: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for g in sorted(grams):
        m.update(g.encode("utf-8"))
    return m


def _order(t: Text) -> tuple:
    day = t.published.first_day() if t.published else dt.date.max
    return (day, t.id)


def group_reprints(texts: Sequence[Text], threshold: float = THRESHOLD) -> dict[str, str]:
    """``{reprint id: original id}`` for every document that is a reprint (see the module
    docstring); originals and documents with no near-duplicate are not keys."""
    grams = {t.id: shingles(t.text) for t in texts}
    lsh = MinHashLSH(threshold=max(0.1, threshold * 0.8), num_perm=NUM_PERM)
    parent = {t.id: t.id for t in texts}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for t in sorted(texts, key=lambda t: t.id):
        if not grams[t.id]:
            continue
        sig = _signature(grams[t.id])
        for other in sorted(lsh.query(sig)):
            if jaccard(grams[t.id], grams[other]) >= threshold:
                a, b = root(t.id), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(t.id, sig)
    groups: dict[str, list[Text]] = {}
    for t in texts:
        groups.setdefault(root(t.id), []).append(t)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            original = min(members, key=_order)
            out.update({m.id: original.id for m in members if m.id != original.id})
    return dict(sorted(out.items()))
