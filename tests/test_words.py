"""One home per linguistic rule (pakus.extract.words, pakus.extract.text.opens_sentence) and
per parameter check (pakus.analysis.facts.check_positive_int)."""

import pytest

from pakus.analysis.facts import check_positive_int
from pakus.errors import ParameterError
from pakus.extract.text import opens_sentence
from pakus.extract.words import FUTURE_CUE, MONTHS, WEEKDAYS


def test_month_names_and_abbreviations_give_the_month_number():
    assert (MONTHS["january"], MONTHS["sept"], MONTHS["sep"], MONTHS["may"], MONTHS["dec"]) == (
        1, 9, 9, 5, 12,
    )  # fmt: skip
    assert WEEKDAYS.index("monday") == 0 and WEEKDAYS.index("sunday") == 6


def test_future_cues_from_both_copies_are_one_pattern():
    for cue in ("will", "is due to", "scheduled", "plans to", "next", "we’ll", "aims to"):
        assert FUTURE_CUE.search(cue), cue
    assert not FUTURE_CUE.search("was cut last year")


def test_a_date_opens_the_sentence_after_a_connective_or_a_time_word_only():
    def opens(sentence: str, date: str) -> bool:
        return opens_sentence(sentence, 0, sentence.index(date))

    assert opens("In May 2018, the US cut aid.", "May 2018")
    assert opens("Furthermore, after the floods last year, aid rose.", "last year")
    assert not opens("Washington cut aid in 1971, and Pakistan protested.", "1971")


def test_a_positive_whole_number_parameter_rejects_zero_and_booleans():
    assert check_positive_int("window", 3) == 3
    for bad in (0, -1, True, 2.5, "2"):
        with pytest.raises(ParameterError, match=r"window: .* must be a whole number, 1 or more"):
            check_positive_int("window", bad)
