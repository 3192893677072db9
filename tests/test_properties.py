"""Property tests: on any text, extraction never crashes and every offset is valid."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pakus.dates import PartialDate
from pakus.extract import extract_text

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
