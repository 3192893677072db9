"""pakus.ingest.splitters: multi-article exports split into one document per article."""

import pytest

from pakus.dates import PartialDate
from pakus.errors import DocumentError
from pakus.ingest.add import read_docx_file, read_html_file
from pakus.ingest.article import Article
from pakus.ingest.splitters import SPLITTERS, Splitter, find_splitter, register

from .conftest import EXPORT_ARTICLES, docx_bytes, export_lines, story


def _check_three(articles):
    assert [type(a) for a in articles] == [Article] * 3
    assert [a.title for a in articles] == [t for t, *_ in EXPORT_ARTICLES]
    assert [a.outlet for a in articles] == [o for _, o, *_ in EXPORT_ARTICLES]
    assert [a.published for a in articles] == [
        PartialDate(2019, 3, 5), PartialDate(2019, 4, 11), PartialDate(2019, 5, 2)]  # fmt: skip
    assert [a.author for a in articles] == ["Amina Qureshi", "", "Tom Reyes"]
    for a, (*_, seed) in zip(articles, EXPORT_ARTICLES, strict=True):
        # the body only: no labels, no Classification/Load-Date trailer
        assert a.text.rstrip("\n").split("\n\n") == story(seed, 6)
        assert "Load-Date" not in a.text and "Copyright" not in a.text
    assert [a.source for a in articles] == [
        f"{articles[0].source.split('#')[0]}#{n}" for n in (1, 2, 3)
    ]


def test_docx_export_with_three_articles_and_a_cover_page():
    data = docx_bytes([("", line) for line in export_lines(cover=True)])
    _check_three(read_docx_file(data, "export.docx"))


def test_html_export_with_three_articles():
    page = (
        "<html><body>"
        + "".join(f"<p>{x}</p>" for x in export_lines(cover=False))
        + "</body></html>"
    )
    _check_three(read_html_file(page.encode(), "export.html"))


def test_article_without_a_date_line_is_an_error_the_others_still_split():
    lines = export_lines(cover=False)
    lines.remove("April 11, 2019 Thursday 8:15 AM EST")
    out = read_docx_file(docx_bytes([("", x) for x in lines]), "export.docx")
    assert [type(a) for a in out] == [Article, DocumentError, Article]
    assert str(out[1]).startswith("export.docx#2: nexis export: no headline, outlet and date")


def test_a_single_article_is_not_split():
    assert find_splitter(["Headline", "Body of text.", *story(13, 3)]) is None


def test_registering_a_layout_makes_it_used():
    def detects(lines):
        return lines[:1] == ["=== ARTICLES ==="]

    def split(lines, source):
        return [
            Article(x, f"{source}#{n}", title=x[:10], outlet="Test")
            for n, x in enumerate(lines[1:], 1)
        ]

    splitter = register(Splitter("test-layout", detects, split))
    try:
        page = "<html><body><p>=== ARTICLES ===</p>" + "".join(f"<p>{s}</p>" for s in story(14, 2))
        out = read_html_file((page + "</body></html>").encode(), "x.html")
        assert [a.source for a in out] == ["x.html#1", "x.html#2"]
    finally:
        SPLITTERS.remove(splitter)


@pytest.mark.parametrize("name", [s.name for s in SPLITTERS])
def test_each_registered_layout_is_documented(name):
    import pakus.ingest.splitters as module

    assert f"``{name}``" in module.__doc__
