"""pakus.ingest.html: article text and metadata from saved pages."""

import pytest

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.html import block_lines, decode_html, read_html

from .conftest import html_page, meta_head, story


def test_page_with_metadata_gives_title_outlet_author_date_and_language():
    paragraphs = story(1, 6)
    head = meta_head("The Coastal Ledger", "Jane Roe", "2019-03-05T10:00:00Z",
                     url="https://ledger.example.org/news/harbour")  # fmt: skip
    a = read_html(html_page("Harbour plan approved", paragraphs, head), "a.html")
    assert (a.title, a.outlet, a.author, a.language) == (
        "Harbour plan approved", "The Coastal Ledger", "Jane Roe", "en")  # fmt: skip
    assert a.published == PartialDate(2019, 3, 5)
    assert a.published_basis.startswith("the page's metadata")
    assert a.url == "https://ledger.example.org/news/harbour"
    assert all(p in a.text for p in paragraphs)
    assert "Home" not in a.text and "Terms of use" not in a.text  # navigation, footer dropped


def test_page_without_metadata_takes_the_dateline():
    paragraphs = ["QUETTA, 7 June 2018 — " + story(2, 1)[0], *story(3, 5)]
    a = read_html(html_page("Water board report", paragraphs), "b.html")
    assert a.published == PartialDate(2018, 6, 7)
    assert a.published_basis == 'dateline in the text: "QUETTA, 7 June 2018"'
    assert a.outlet == "" and a.author == ""  # not guessed


def test_page_without_date_metadata_or_dateline_takes_the_url_month():
    head = '<link rel="canonical" href="https://ledger.example.org/2017/11/grain-reserve">'
    a = read_html(html_page("Grain reserve", story(4, 6), head), "c.html")
    assert a.published == PartialDate(2017, 11)  # only the month is in the URL
    assert "URL" in a.published_basis
    assert a.outlet == "ledger.example.org"  # the host when the page names no site


def test_page_with_no_date_anywhere_is_undated():
    a = read_html(html_page("Grain reserve", story(5, 6)), "d.html")
    assert a.published is None and a.published_basis == ""


def test_page_with_no_article_text_is_an_error_naming_the_file():
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Subscribe</div></body></html>"
    with pytest.raises(DocumentError, match=r"^menu\.html: no article text found"):
        read_html(page, "menu.html")


def test_page_in_a_declared_legacy_charset_is_decoded():
    page = '<html><head><meta charset="windows-1252"></head><body><p>caf\xe9</p></body></html>'
    assert "café" in decode_html(page.encode("cp1252"), "x.html")


def test_block_lines_one_per_block_in_order():
    page = (
        "<html><body><div><h2>A</h2><p>b<br>c</p></div><script>x()</script><li>d</li></body></html>"
    )
    assert block_lines(page, "x.html") == ["A", "b", "c", "d"]
