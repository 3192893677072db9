"""Sentence splitting (pakus.extract.text): line breaks, full stops, and bounded look-backs."""

import pytest

from pakus.dates import PartialDate
from pakus.extract import extract_text
from pakus.extract.text import (
    _END,
    _WORD_AND_DOTS,
    LINE_BREAKS,
    MAX_WORD_BEFORE_STOP,
    sentence_spans,
    word_before,
)

CREDIT = "Photo: Pakistan army"
SENTENCE = "The United States suspended military aid to Pakistan in January 2018."


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "brk", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85"], ids=repr
)  # fmt: skip
def test_every_line_break_ends_a_sentence(brk):
    # a lone CR (old Mac files) and the Unicode line/paragraph separators are line breaks
    assert sentences(CREDIT + brk + SENTENCE) == [CREDIT, SENTENCE]


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029", "\x85"], ids=repr)
def test_a_photo_credit_on_its_own_line_is_not_part_of_the_next_sentences_event(brk):
    text = CREDIT + brk + SENTENCE
    events = extract_text(text, "t", PartialDate(2018, 2, 1)).events
    assert events, "the sentence holds an event"
    assert all(e.start >= len(CREDIT) + len(brk) for e in events)


def test_line_breaks_are_those_of_str_splitlines():
    text = "a" + "a".join(LINE_BREAKS) + "a"
    assert text.splitlines() == ["a"] * (len(LINE_BREAKS) + 1)
    assert sentences(text) == ["a"] * (len(LINE_BREAKS) + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lloyd J. Austin met Gen. Bajwa. He left.", ["Lloyd J. Austin met Gen. Bajwa.", "He left."]),
        ("The U.S. Congress voted. Aid stopped.", ["The U.S. Congress voted.", "Aid stopped."]),
        ("It went to the U.S. Pakistan objected.", ["It went to the U.S. Pakistan objected."]),
        ("Wait... Then it ended! Why? Nobody knew.", ["Wait...", "Then it ended!", "Why?", "Nobody knew."]),
    ],
)  # fmt: skip
def test_full_stops_after_initials_and_abbreviations_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


def test_a_sentence_end_never_starts_inside_a_run_of_stops():
    # each search attempt inside a run fails at once, so a run of n stops costs O(n), not O(n²)
    text = "." * 500 + "A"
    assert [m.start() for m in _END.finditer(text)] == [0]
    assert all(_END.match(text, i) is None for i in range(1, 500))
    assert sentences("." * 5000) == ["." * 5000]


@pytest.mark.parametrize("piece", ["U.S.", "a.", "x_y.", "."])
def test_the_look_back_from_a_full_stop_is_bounded(piece):
    # the work per full stop is at most MAX_WORD_BEFORE_STOP characters, whatever the run
    text = piece * 2000
    starts = [w.start() for w in _WORD_AND_DOTS.finditer(text)]
    examined = [i - word_before(starts, i) for i, c in enumerate(text) if c == "."]
    assert max(examined) <= MAX_WORD_BEFORE_STOP
    assert sum(examined) <= MAX_WORD_BEFORE_STOP * text.count(".")


def test_the_word_before_a_stop_is_the_whole_word_when_short():
    text = "He met Gen. Bajwa in Washington D.C. today."
    starts = [w.start() for w in _WORD_AND_DOTS.finditer(text)]
    assert text[word_before(starts, text.index(". B")) : text.index(". B")] == "Gen"
    dc = text.index("C.") + 1
    assert text[word_before(starts, dc) : dc] == "D.C"


@pytest.mark.parametrize("dash", ["-", "--", "–", "—", ":"])
def test_a_dateline_opening_a_line_is_a_sentence_of_its_own(dash):
    text = f"Headline\nISLAMABAD, Oct 21 (Reuters) {dash} Pakistan said it. It did."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Headline",
        f"ISLAMABAD, Oct 21 (Reuters) {dash}",
        "Pakistan said it.",
        "It did.",
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "ISLAMABAD—",
        "ISLAMABAD —",
        "ISLAMABAD, Pakistan—",
        "WASHINGTON (AP) - ",
        "WASHINGTON: ",
        "WASHINGTON (AP) -- ",
        "CAMP DAVID, Md. -- ",
    ],
)
def test_an_undated_dateline_is_a_heading_however_its_dash_is_spaced(heading):
    """Rule (PLACE_LINE): "ISLAMABAD—The United States …": the place is no part of the first
    sentence, so its country does not become the sentence's actor."""
    text = f"Headline\n{heading}The United States suspended aid to Pakistan. It did."
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans[1:3] == [heading.strip(), "The United States suspended aid to Pakistan."]
    [event] = [e for e in extract_text(text, "t").events if e.trigger == "suspended"]
    assert (event.source_actor, event.target_actor) == ("USA", "PAK")


def test_a_capitalised_word_before_a_colon_in_a_label_needs_three_letters():
    text = "Q: Did the US give aid? US: yes."
    first, _end = sentence_spans(text)[0]
    assert text[first:].startswith("Q: Did")


def test_a_hyphen_inside_a_word_does_not_end_a_dateline():
    text = "KARACHI, Jan 6 -The aid."
    assert [text[s:e] for s, e in sentence_spans(text)] == [text]
