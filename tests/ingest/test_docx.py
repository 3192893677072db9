"""pakus.ingest.docx: Word files."""

import pytest

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.docx import read_docx

from .conftest import docx_bytes, story


def test_docx_text_title_byline_and_dateline():
    body = story(11, 4)
    data = docx_bytes([("Title", "Harbour plan approved"), ("", "By Amina Qureshi"),
                       ("", "KARACHI, May 3, 2021 — " + body[0]), *[("", p) for p in body[1:]]])  # fmt: skip
    a = read_docx(data, "plan.docx")
    assert a.title == "Harbour plan approved"
    assert a.author == "Amina Qureshi"
    assert a.published == PartialDate(2021, 5, 3)
    assert all(p in a.text for p in body)
    assert "\n\n" in a.text  # paragraphs kept apart


def test_docx_title_property_wins_over_first_heading():
    data = docx_bytes(
        [("Heading 1", "Section one"), ("", story(12, 1)[0])], title_property="Report"
    )
    assert read_docx(data, "r.docx").title == "Report"


@pytest.mark.parametrize("data", [b"Plain words saved with the wrong name.", b"PK\x03\x04broken"])
def test_file_that_is_not_a_docx_is_an_error_naming_the_file(data):
    with pytest.raises(DocumentError, match=r"^notes\.docx: not a Word \.docx file"):
        read_docx(data, "notes.docx")
