"""Compile many alternatives into one regex whose branches share their prefixes.

Python's ``re`` tries the branches of ``a|b|c`` one after the other at every position;
factoring common prefixes (``suspend(?:ed|s|ing)?``) lets it reject a position after a
character or two, which makes a lexicon of hundreds of phrases fast to scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex source matching exactly the given strings (a space matches ``space``)."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie, space) or "(?!)"


def _render(node: dict, space: str) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = space if ch == " " else re.escape(ch)
        branches.append(piece + _render(node[ch], space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
