"""pakus.ingest.pdf: pages joined, hyphenation repaired, running headers and footers dropped."""

import datetime as dt

import pytest

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.pdf import drop_running_lines, read_pdf, repair_hyphenation

from .conftest import image_pdf_bytes, pdf_bytes, story

HEADER = "Example Research Service - Briefing 12"


def _two_pages() -> tuple[bytes, list[str]]:
    s = story(7, 8)
    # page 1 ends in the middle of a sentence, hyphenated at a line end; page 2 finishes it
    page1 = [*s[:3], "The water board said the govern-\nment would publish the survey on"]
    page2 = ["Monday, as planned.", *s[3:]]
    created = dt.datetime(2019, 3, 5, tzinfo=dt.UTC)
    data = pdf_bytes([page1, page2], header=HEADER, title="Briefing on reserves",
                     author="Example Research Service", created=created)  # fmt: skip
    return data, s


def test_two_page_pdf_joined_without_running_header_and_page_numbers():
    data, s = _two_pages()
    a = read_pdf(data, "brief.pdf")
    assert HEADER not in a.text
    assert "Page 1" not in a.text and "Page 2" not in a.text
    assert "the government would publish the survey on Monday, as planned." in a.text
    positions = [a.text.index(x) for x in s]
    assert positions == sorted(positions)  # both pages, in order
    paragraphs = a.text.strip().split("\n\n")
    assert len(paragraphs) == len(s) + 1  # each paragraph one, the split one joined


def test_pdf_metadata_gives_title_author_and_creation_date():
    a = read_pdf(_two_pages()[0], "brief.pdf")
    assert (a.title, a.author) == ("Briefing on reserves", "Example Research Service")
    assert a.published == PartialDate(2019, 3, 5)
    assert "/CreationDate" in a.published_basis


def test_dateline_on_the_cover_wins_over_creation_date():
    data = pdf_bytes([["Updated July 9, 2018", *story(8, 3)]],
                     created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))  # fmt: skip
    a = read_pdf(data, "r.pdf")
    assert a.published == PartialDate(2018, 7, 9)
    assert a.published_basis.startswith("dateline")


def test_hyphen_kept_where_the_document_writes_the_hyphenated_form():
    text = "a well-\nknown plan and a well-known route; the govern-\nment"
    assert repair_hyphenation(text) == "a well-known plan and a well-known route; the government"


def test_running_line_needs_half_the_pages():
    pages = [["Head", "one"], ["Head", "two"], ["Other", "three"], ["Note", "four"]]
    assert drop_running_lines(pages) == [["one"], ["two"], ["Other", "three"], ["Note", "four"]]


def test_encrypted_pdf_is_an_error_naming_the_file():
    with pytest.raises(DocumentError, match=r"^locked\.pdf: encrypted PDF"):
        read_pdf(pdf_bytes([story(9, 2)], password="secret"), "locked.pdf")


def test_image_only_pdf_is_an_error_naming_the_file():
    with pytest.raises(DocumentError, match=r"^scan\.pdf: no text layer"):
        read_pdf(image_pdf_bytes(), "scan.pdf")


def test_file_that_is_not_a_pdf_is_an_error():
    with pytest.raises(DocumentError, match=r"^fake\.pdf: not a readable PDF"):
        read_pdf(b"plain words, not a PDF", "fake.pdf")
