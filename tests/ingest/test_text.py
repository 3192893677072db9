"""pakus.ingest.text and pakus.ingest.ids: datelines, dates in URLs, slugs and ids."""

import pytest

from pakus.dates import PartialDate
from pakus.ingest.article import Article
from pakus.ingest.ids import base_id, unique_id
from pakus.ingest.text import clean_text, dateline_date, url_date


@pytest.mark.parametrize(
    ("text", "iso", "words"),
    [
        ("KARACHI, March 4, 2019 — The board met.", "2019-03-04", "KARACHI, March 4, 2019"),
        ("LAHORE (Example Wire), 4 Mar. 2019: The board met.", "2019-03-04", "LAHORE (Example Wire), 4 Mar. 2019"),
        ("Headline\nPublished Jan 06, 2020\nUpdated Mar 02, 2020\nBody.", "2020-01-06", "Published Jan 06, 2020"),
        ("Briefing\nUpdated March 5, 2019\nSummary.", "2019-03-05", "Updated March 5, 2019"),
        ("Report\nMarch 2019\nThe board met.", "2019-03", "March 2019"),
        ("Date: 2019-03-05\nThe board met.", "2019-03-05", "Date: 2019-03-05"),
    ],
)  # fmt: skip
def test_dateline_gives_the_date_at_its_written_precision(text, iso, words):
    date, basis = dateline_date(text)
    assert date.iso() == iso
    assert basis == words


@pytest.mark.parametrize(
    "text",
    [
        "The talks of March 4, 2019 failed.",  # a date inside a sentence is not a dateline
        "KARACHI — The board met on March 4, 2019.",  # no date right after the place
        "One\nTwo\nThree\nFour\nFive\nSix\nMarch 4, 2019",  # beyond the first six lines
    ],
)
def test_no_dateline_no_date(text):
    assert dateline_date(text) is None


def test_published_line_wins_over_updated_line():
    date, _ = dateline_date("Updated May 1, 2020\nPublished April 2, 2020\n")
    assert date == PartialDate(2020, 4, 2)


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://news.example.org/world/2019/03/05/harbour-plan", "2019-03-05"),
        ("https://news.example.org/2019/3/harbour-plan", "2019-03"),
        ("https://news.example.org/story-2019-03-05.html", "2019-03-05"),
        ("https://news.example.org/story/123456", None),
        ("https://2019.example.org/news/13/40/x", None),  # no valid month 40, host not read
    ],
)
def test_url_date_only_as_precise_as_the_path(url, iso):
    date = url_date(url)
    assert (date.iso() if date else None) == iso


def test_clean_text_separates_paragraphs_by_one_blank_line():
    assert clean_text("  One  two\r\n\r\n\r\nthree\u00a0four \n") == "One two\n\nthree four\n"


def test_id_is_outlet_date_slug_readable_and_ascii():
    a = Article("x", "f.html", title="Pakistan’s Envoy Visits the Harbour, Again and Again Today",
                outlet="The Coastal Ledger", published=PartialDate(2019, 3))  # fmt: skip
    assert base_id(a) == "coastal-ledger-2019-03-pakistans-envoy-visits-the-harbour-again"


def test_id_without_outlet_date_or_title():
    assert base_id(Article("x", "f.txt")) == "unknown-undated-document"


def test_unique_id_numbers_a_taken_id():
    assert unique_id("a-2019-x", set()) == "a-2019-x"
    assert unique_id("a-2019-x", {"a-2019-x", "a-2019-x-2"}) == "a-2019-x-3"
