"""Property tests: on any text, extraction never crashes and every offset is valid."""

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pakus.dates import PartialDate
from pakus.extract import extract_text
from pakus.extract.scan import Anchor, Scan
from pakus.extract.spans import Spans
from pakus.extract.text import WORD, tokens

WORDS = st.sampled_from(
    "Pakistan US U.S. Washington suspended resumed aid $450 million in 2018 last year on Saturday "
    "General Bajwa the TTP al-Qaida ( ) , . ; – IMET FY16 Jan. 4, 2020 killed visited not will "
    "Lloyd J Austin Llyod May may 66 slots the Haqqani network Secretary of State "
    "\n \r\n ’ “ ” é 中".split(" ")
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
)
PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(PartialDate.from_date),
    st.integers(1950, 2050).map(PartialDate),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, PUBLISHED)
def test_every_fact_points_at_its_quote(text, published):
    result = extract_text(text, "prop.txt", published)
    for kind in ("entity", "date", "amount", "count", "event"):
        for row in result.records(kind):
            assert 0 <= row["start"] < row["end"] <= len(text)
            assert text[row["start"] : row["end"]] == row["quote"]
    for event in result.events:
        assert event.start <= event.trigger_start < event.trigger_end <= event.end
        if event.date is not None:
            PartialDate.parse(event.date)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_extraction_is_deterministic(text):
    a = extract_text(text, "a.txt", PartialDate(2020, 1, 6))
    b = extract_text(text, "a.txt", PartialDate(2020, 1, 6))
    for kind in ("entity", "date", "amount", "count", "event"):
        assert a.records(kind) == b.records(kind)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join), st.text(max_size=30))
def test_adding_text_after_does_not_move_earlier_entities(text, tail):
    base = extract_text(text + "\n\n", "a.txt").entities
    longer = extract_text(text + "\n\n" + tail, "a.txt").entities
    # gazetteer matches never cross a line break, so the first part is unchanged
    base_gaz = [(e.start, e.end, e.id) for e in base if e.method in {"gazetteer", "fuzzy"}]
    longer_gaz = [
        (e.start, e.end, e.id)
        for e in longer
        if e.method in {"gazetteer", "fuzzy"} and e.end <= len(text)
    ]
    assert base_gaz == longer_gaz


@given(TEXTS)
def test_tokens_are_the_word_pattern_matches(text):
    words, starts, ends = tokens(text)
    matches = list(WORD.finditer(text))
    assert words == [m.group() for m in matches]
    assert starts == [m.start() for m in matches] and ends == [m.end() for m in matches]


ANCHOR_TEXTS = st.lists(
    st.sampled_from(["ago", "year", "years", "Jan", "dollars", "x", "two", "\n", "-", "agoago"])
    | st.text(max_size=6),
    max_size=60,
).map(" ".join)


@given(ANCHOR_TEXTS, st.sampled_from(["ago", "year", "Jan", "dollars"]), st.integers(0, 30))
def test_anchored_search_finds_what_a_whole_text_search_finds(text, word, reach):
    """Within the reach of its anchor, an anchored pattern finds exactly the full scan's matches."""
    pattern = re.compile(rf"\b\w{{0,{reach}}}\s?{word}\w*")
    anchor = Anchor.words([word], fold=False)
    assert [m.span() for m in Scan(text).near(pattern, anchor, before=reach + 2, after=40)] == [
        m.span() for m in pattern.finditer(text)
    ]


@given(ANCHOR_TEXTS)
def test_bounded_search_is_a_leading_word_boundary(text):
    """``Scan.bounded`` gives what a pattern with a leading ``(?<![\\w-])`` gives."""
    body = r"(?:ago|years?|two\s+years)(?![\w-])"
    anchor = Anchor(re.compile(body), fold=True)
    slow = re.compile(rf"(?<![\w-]){body}", re.I)
    assert [m.span() for m in Scan(text).bounded(anchor)] == [m.span() for m in slow.finditer(text)]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=40))
def test_spans_find_exactly_the_overlaps_a_linear_scan_finds(pairs):
    spans, taken = Spans(), []
    for start, length in pairs:
        end = start + length
        brute = any(not (end <= s or start >= e) for s, e in taken)
        assert spans.overlaps(start, end) == brute
        if not brute:
            spans.add(start, end)
            taken.append((start, end))


KEYWORD_TEXTS = st.lists(
    st.sampled_from("al Qaeda al-Qaeda Al QAEDA foreign minister Foreign  Minister secretary of "
                    "state al alqaeda ministers , . - ( ) \n é ſ K".split(" ")),
    max_size=30,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(KEYWORD_TEXTS)
def test_keywords_found_equals_a_whole_text_search(clause):
    from pakus.extract.events import Keywords, words_of

    keywords = Keywords(["al Qaeda", "foreign minister", "secretary of state", "army"])
    expected = keywords.phrases.search(clause) is not None or not keywords.words.isdisjoint(
        words_of(clause)
    )
    assert keywords.found(words_of(clause), clause) == expected


# --- pathological shapes: work that grows linearly with the text (counted, never timed) ----

PATHOLOGICAL_DATES = ["FY2010-", "2019,", "Jan.", "9/11-"]


@pytest.mark.parametrize("shape", PATHOLOGICAL_DATES)
def test_date_windows_walk_each_character_at_most_twice(shape):
    from pakus.extract import temporal

    for size in (2_000, 20_000):
        text = shape * (size // len(shape))
        scan = Scan(text)
        for _pattern, _resolver, anchor in temporal._PATTERNS:
            windows = scan.windows(anchor, 80, 40)
            assert all(a[1] < b[0] for a, b in itertools.pairwise(windows))
        # a run without spaces used to be walked back over once per anchor hit
        assert scan.walked <= 2 * len(text) * len(temporal._PATTERNS)


@pytest.mark.parametrize("shape", ["FY2010-", "2019,"])
def test_dates_of_a_run_without_spaces_are_found_once_each(shape):
    from pakus.extract.temporal import date_mentions

    for size in (5_000, 50_000):
        text = shape * (size // len(shape))
        found = date_mentions(text, PartialDate(2019, 3, 12))
        assert len(found) <= text.count(shape) + 1
        assert all(text[d.start : d.end] == d.quote for d in found)


def test_each_amount_reads_a_bounded_window_of_its_sentence(monkeypatch):
    from pakus.extract import amounts

    read: list[int] = []
    purpose, category = amounts._purpose, amounts._category

    def counted_purpose(window, start, end):
        read.append(len(window))
        return purpose(window, start, end)

    def counted_category(found, window, table):
        read.append(len(window))
        return category(found, window, table)

    monkeypatch.setattr(amounts, "_purpose", counted_purpose)
    monkeypatch.setattr(amounts, "_category", counted_category)
    for shape in ("$1 million and ", "$5 million, of which $1 million and "):
        for size in (2_000, 25_000):
            read.clear()
            text = shape * (size // len(shape))
            found = extract_text(text, "a.txt").amounts
            assert found and len(read) == 2 * len(found)
            # each amount reads at most its reach either side: total work is linear in the text
            assert max(read) <= 2 * amounts._REACH + 40


def test_a_sum_looks_at_a_bounded_number_of_following_amounts():
    from pakus.extract import amounts

    text = "a $900 million package, of which " + "$1 million and " * 400 + "$2 million."
    found = extract_text(text, "a.txt").amounts
    parts = [a for a in found if a.role == "part"]
    assert 0 < len(parts) <= amounts._MAX_PARTS


# Pathological shapes (issue 17, item 10): the benchmark's shapes, with valid offsets, and the
# look-backs that made them quadratic bounded (counted here, timed in benchmarks/pathological.py).


def _pathological_shapes():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "pathological.py"
    spec = importlib.util.spec_from_file_location("pathological", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SHAPES


PATHOLOGICAL = _pathological_shapes()


@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_every_fact_of_a_pathological_shape_points_at_its_quote(shape):
    text = PATHOLOGICAL[shape](2000)
    result = extract_text(text, "shape.txt", PartialDate(2020, 1, 6))
    for kind in ("entity", "date", "amount", "count", "event"):
        for row in result.records(kind):
            assert text[row["start"] : row["end"]] == row["quote"]


def _sentence_spans_unbounded(text: str) -> list[tuple[int, int]]:
    """The sentence splitter with its look-back unbounded: the reference for short words."""
    from pakus.extract import text as t

    spans: list[tuple[int, int]] = []
    for line in re.finditer(f"[^{t.LINE_BREAKS}]+", text):
        base, chunk, start = line.start(), line.group(), 0
        for m in re.finditer(r"[.!?]+[\"”’')\]]*(?=\s|[\"“‘(]?[A-Z])", chunk):
            if m.group().startswith("."):
                i = m.start()
                while i > 0 and (chunk[i - 1].isalnum() or chunk[i - 1] in "._"):
                    i -= 1
                if not t._is_sentence_end(chunk, m.start(), i):
                    continue
            t._append_trimmed(spans, chunk, base, start, m.end())
            start = m.end()
        t._append_trimmed(spans, chunk, base, start, len(chunk))
    return spans


SENTENCE_TEXTS = st.lists(
    st.sampled_from("U.S. U.S.A. J. Gen. Mr. mr. a.b. D.C ... . ! ? ?! \" ” ) ( The Pakistan aid "
                    "x_y. 2019. \n \r \u2028 \x85".split(" ")) | st.text(max_size=5),
    max_size=60,
).map(lambda ws: "".join(ws) if len(ws) % 3 == 0 else " ".join(ws))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(SENTENCE_TEXTS)
def test_bounded_sentence_splitting_equals_the_unbounded_look_back_on_short_words(text):
    from pakus.extract.text import MAX_WORD_BEFORE_STOP, sentence_spans

    if any(len(w) >= MAX_WORD_BEFORE_STOP for w in re.findall(r"[\w.]+", text)):
        return
    assert sentence_spans(text) == _sentence_spans_unbounded(text)


class _CountingText(str):
    """A text that counts the characters read one at a time."""

    reads = 0

    def __getitem__(self, key):
        if isinstance(key, int):
            type(self).reads += 1
        return str.__getitem__(self, key)


def _windows_unbounded(text: str, hits, before: int, after: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in hits:
        lo = max(0, start - before)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = min(len(text), end + after)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@given(ANCHOR_TEXTS, st.integers(0, 30), st.integers(0, 30))
def test_anchor_windows_are_those_of_an_unbounded_walk(text, before, after):
    anchor = Anchor.words(["ago", "year"], fold=False)
    scan = Scan(text)
    assert scan.windows(anchor, before, after) == _windows_unbounded(
        text, scan.hits(anchor), before, after
    )


@pytest.mark.parametrize("shape", ["base64", "us_run", "year_commas"])
def test_anchor_windows_read_each_character_a_bounded_number_of_times(shape):
    # text without whitespace: each window used to walk back to the start of the text
    anchor = Anchor(re.compile(r"[0-9]|S"))
    for size in (4000, 8000):
        text = _CountingText(PATHOLOGICAL[shape](size))
        _CountingText.reads = 0
        Scan(text).windows(anchor, 80, 40)
        assert _CountingText.reads <= 2 * len(text) + 2


def test_a_word_longer_than_every_alias_word_is_not_expanded_for_near_misses(monkeypatch):
    from pakus.extract import _compiled, entities

    gazetteer = _compiled(None)[0]
    lengths: list[int] = []
    real = entities._deletions
    monkeypatch.setattr(entities, "_deletions", lambda w: lengths.append(len(w)) or real(w))
    word = "P" + "a" * 20_000  # its deletions would be 20,000 strings of 20,000 characters
    assert gazetteer._near(word.lower()) == set()
    assert extract_text(word, "long.txt").entities == []
    assert all(n <= gazetteer._fuzzy_longest + 1 for n in lengths)


def _clause_spans_searching_each_time(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """clause_spans as it was: a new search for each relative clause's end (the reference)."""
    from pakus.extract import text as t

    cuts: list[tuple[int, int]] = []
    lead = t._LEADING_ADVERBIAL.match(text, start, end)
    if lead:
        cuts.append((start + len(lead.group().rstrip(", \t")), lead.end()))
    for m in t._PARENTHETICAL.finditer(text, start, end):
        cuts += [(m.start(), m.start("body")), (m.end("body"), m.end())]
    for m in t._CLAUSE_BREAK.finditer(text, start, end):
        cuts.append((m.start(), m.end()))
        if re.match(r"(?:which|who)\b", text[m.end() : m.end() + 6]):
            close = t._RELATIVE_END.search(text, m.end(), end)
            if close:
                cuts.append((close.start(), close.end()))
    spans, cursor = [], start
    for stop, nxt in [*sorted(cuts), (end, end)]:
        if stop < cursor:
            continue
        while cursor < stop and text[cursor].isspace():
            cursor += 1
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = max(cursor, nxt)
    return spans


CLAUSE_TEXTS = st.lists(
    st.sampled_from(", which|, who|, the|, and| x| Pakistan| attacked|; |: A| – |, after| During "
                    "the visit,|, A| killed".split("|")),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(CLAUSE_TEXTS)
def test_clause_spans_search_each_relative_clause_end_once_with_the_same_result(text):
    from pakus.extract.text import clause_spans

    assert clause_spans(text, 0, len(text)) == _clause_spans_searching_each_time(text, 0, len(text))


def test_many_relative_clauses_without_an_end_take_one_search(monkeypatch):
    from pakus.extract import text as t

    searches = []
    real = t._RELATIVE_END

    class Counting:
        def search(self, *args):
            searches.append(args[1:])
            return real.search(*args)

    monkeypatch.setattr(t, "_RELATIVE_END", Counting())
    text = "x, which y" * 2000
    t.clause_spans(text, 0, len(text))
    assert len(searches) == 1
