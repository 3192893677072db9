"""pakus add (pakus.ingest.add and the command line): folders, files and URLs into a corpus;
bad input reported and skipped; nothing half-written."""

import csv
import datetime as dt
import os
import re
from pathlib import Path

import pytest

from pakus.cli import main
from pakus.corpus import load_corpus
from pakus.errors import CorpusError
from pakus.ingest import store
from pakus.ingest.add import add
from pakus.ingest.urls import USER_AGENT, Fetcher

from .conftest import (
    docx_bytes,
    export_lines,
    html_page,
    image_pdf_bytes,
    meta_head,
    pdf_bytes,
    story,
)

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?:\d{4}(?:-\d{2}){0,2}|undated)-[a-z0-9-]+$")


def _rows(corpus: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((corpus / "corpus.csv").read_text(encoding="utf-8").splitlines()))


def _folder(tmp_path: Path) -> Path:
    """Saved pages, PDFs and Word files, three of them bad."""
    src = tmp_path / "saved"
    (src / "page_files").mkdir(parents=True)
    head = meta_head("The Coastal Ledger", "Jane Roe", "2019-03-05T10:00:00Z")
    (src / "harbour.html").write_text(html_page("Harbour plan approved", story(41, 8), head))
    (src / "page_files" / "ad.html").write_text(html_page("Advert", story(42, 8)))  # browser assets
    (src / "brief.pdf").write_bytes(pdf_bytes([story(43, 4), story(44, 4)], header="Briefing 9",
                                              title="Briefing on reserves",
                                              created=dt.datetime(2018, 2, 1, tzinfo=dt.UTC)))  # fmt: skip
    (src / "export.docx").write_bytes(docx_bytes([("", x) for x in export_lines()]))
    (src / "notes.txt").write_text("Field notes on the survey\n\n" + "\n\n".join(story(45, 5)))
    (src / "locked.pdf").write_bytes(pdf_bytes([story(46, 2)], password="pw"))
    (src / "scan.pdf").write_bytes(image_pdf_bytes())
    (src / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    (src / "fake.docx").write_text("not a word file")
    (src / "logo.png").write_bytes(b"\x89PNG")  # not a document kind: ignored in a folder
    return src


def test_folder_into_a_new_corpus_with_one_command(tmp_path, capsys):
    src, corpus = _folder(tmp_path), tmp_path / "corpus"
    status = main(["add", str(src), "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    assert status == 1  # some inputs were bad
    errors = err.strip().splitlines()
    assert len(errors) == 4
    for name, problem in [("locked.pdf", "encrypted PDF"), ("scan.pdf", "no text layer"),
                          ("menu.html", "no article text"), ("fake.docx", "not a Word .docx file")]:  # fmt: skip
        assert any(e.startswith(f"pakus add: {src / name}: {problem}") for e in errors), errors
    loaded = load_corpus(corpus)
    assert loaded.problems == []  # every row valid, every file listed
    docs = {d.id: d for d in loaded.documents}
    assert len(docs) == 1 + 1 + 3 + 1  # page, PDF, three exported articles, text file
    assert all(ID.match(i) for i in docs), sorted(docs)
    page = docs["coastal-ledger-2019-03-05-harbour-plan-approved"]
    assert (page.outlet, page.author, page.published.iso()) == (
        "The Coastal Ledger",
        "Jane Roe",
        "2019-03-05",
    )
    pdf = next(d for d in docs.values() if d.title == "Briefing on reserves")
    assert pdf.id == "unknown-2018-02-01-briefing-on-reserves"
    assert "Briefing 9" not in pdf.text
    assert {d.outlet for d in docs.values()} >= {"Valley Evening Post", "unknown"}
    assert sorted(p.name for p in corpus.iterdir()) == sorted(
        [*(f"{i}.txt" for i in docs), "corpus.csv"]
    )
    assert "added 6 document(s)" in out and "4 could not be read" in out


def test_same_text_is_not_added_twice_and_ids_are_stable(tmp_path, capsys):
    src, corpus = _folder(tmp_path), tmp_path / "corpus"
    main(["add", str(src / "harbour.html"), "--corpus", str(corpus)])
    before = (corpus / "corpus.csv").read_bytes()
    (tmp_path / "copy.html").write_text((src / "harbour.html").read_text().replace("<p>", "<p> "))
    status = main(
        ["add", str(src / "harbour.html"), str(tmp_path / "copy.html"), "--corpus", str(corpus)]
    )
    _, err = capsys.readouterr()
    assert status == 0
    assert (
        err.count("already in the corpus as coastal-ledger-2019-03-05-harbour-plan-approved") == 2
    )
    assert (corpus / "corpus.csv").read_bytes() == before
    other = tmp_path / "again"
    main(["add", str(src / "harbour.html"), "--corpus", str(other)])
    assert (other / "corpus.csv").read_bytes() == before  # same input, same id and row


def test_a_new_article_with_a_taken_id_is_numbered(tmp_path):
    corpus = tmp_path / "corpus"
    for seed in (51, 52):
        page = tmp_path / f"p{seed}.html"
        page.write_text(
            html_page("Same headline", story(seed, 8), meta_head("Ledger", "A", "2019-01-02"))
        )
        add([str(page)], corpus)
    assert sorted(d.id for d in load_corpus(corpus).documents) == [
        "ledger-2019-01-02-same-headline", "ledger-2019-01-02-same-headline-2"]  # fmt: skip


def test_dry_run_writes_nothing(tmp_path, capsys):
    src, corpus = _folder(tmp_path), tmp_path / "corpus"
    main(["add", str(src / "export.docx"), "--corpus", str(corpus), "--dry-run"])
    out, _ = capsys.readouterr()
    assert not corpus.exists()
    assert len(re.findall(r"^would add \S+: ", out, re.M)) == 3
    assert (
        "would add the-coastal-ledger" not in out
        and "would add coastal-ledger-2019-03-05-harbour-dredging" in out
    )


def test_adding_to_the_seed_corpus_keeps_its_rows_and_columns(corpus_copy, tmp_path):
    before = list(_rows(corpus_copy))
    page = tmp_path / "p.html"
    page.write_text(
        html_page("Grain reserve", story(53, 8), meta_head("Ledger", "A", "2020-02-02"))
    )
    result = add([str(page)], corpus_copy)
    after = list(_rows(corpus_copy))
    assert [{k: r[k] for k in before[0]} for r in after[:-1]] == before  # note column kept
    assert after[-1]["id"] == result.added[0].id and after[-1]["reprint_of"] == ""
    assert load_corpus(corpus_copy).problems == []


def test_reprinted_wire_story_recorded_with_its_original(tmp_path, capsys):
    wire = story(60, 16)
    head = meta_head("Example Wire", "Staff", "2019-03-05")
    (tmp_path / "wire.html").write_text(html_page("Dredging plan approved", wire, head))
    reprint = ["A regional daily ran the wire report with its own opening line.", *wire[1:]]
    head2 = meta_head("Valley Evening Post", "Staff", "2019-03-06")
    (tmp_path / "post.html").write_text(
        html_page("Dredging approved, officials say", reprint, head2)
    )
    corpus = tmp_path / "corpus"
    main(["add", str(tmp_path / "post.html"), "--corpus", str(corpus)])
    main(["add", str(tmp_path / "wire.html"), "--corpus", str(corpus)])  # the original comes later
    out, _ = capsys.readouterr()
    rows = {r["id"]: r for r in _rows(corpus)}
    post = "valley-evening-post-2019-03-06-dredging-approved-officials-say"
    wire_id = "example-wire-2019-03-05-dredging-plan-approved"
    assert rows[post]["reprint_of"] == wire_id and rows[wire_id]["reprint_of"] == ""
    assert f"recorded {post} as a reprint of {wire_id}" in out
    docs = {d.id: d for d in load_corpus(corpus).documents}
    assert docs[post].reprint_of == wire_id


def test_urls_fetched_with_a_polite_agent_and_bad_ones_reported(tmp_path, web, capsys):
    base, routes, agents = web
    page = html_page("Flood barrier design revised", story(70, 8))
    routes["/news/2021/06/04/flood-barrier.html"] = ("text/html; charset=utf-8", page.encode())
    routes["/brief.pdf"] = (
        "application/pdf",
        pdf_bytes(
            [story(71, 4)], title="Barrier brief", created=dt.datetime(2021, 6, 1, tzinfo=dt.UTC)
        ),
    )
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# saved links\n{base}/news/2021/06/04/flood-barrier.html\n{base}/slow\n"
                       f"{base}/missing\nhttp://127.0.0.1:9/refused\n")  # fmt: skip
    corpus = tmp_path / "corpus"
    status = main(
        ["add", str(listing), f"{base}/brief.pdf", "--corpus", str(corpus), "--timeout", "0.5"]
    )
    _, err = capsys.readouterr()
    assert status == 1
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert f"{base}/slow ({listing}, URL 2): timed out after 0.5 s" in errors[0]
    assert "HTTP 404" in errors[1] and "URL 3" in errors[1]
    assert "refused" in errors[2].lower() and "URL 4" in errors[2]
    docs = {d.id: d for d in load_corpus(corpus).documents}
    # the outlet is the host (its first three words) where the page names none
    assert set(docs) == {
        "127-0-0-2021-06-04-flood-barrier-design-revised",
        "127-0-0-2021-06-01-barrier-brief",
    }
    page_doc = docs["127-0-0-2021-06-04-flood-barrier-design-revised"]
    assert page_doc.url == f"{base}/news/2021/06/04/flood-barrier.html"
    assert "URL" in page_doc.published_basis
    assert set(agents) == {USER_AGENT}


def test_polite_delay_between_requests_to_one_host(web, monkeypatch):
    base, routes, _ = web
    routes["/a"] = ("text/plain", b"x")
    slept = []
    monkeypatch.setattr("pakus.ingest.urls.time.sleep", slept.append)
    fetcher = Fetcher(timeout=2, delay=30)
    fetcher.fetch(f"{base}/a")
    fetcher.fetch(f"{base}/a")
    assert len(slept) == 1 and 29 < slept[0] <= 30


def test_failure_while_writing_leaves_the_corpus_as_it_was(corpus_copy, tmp_path, monkeypatch):
    before = {p.name: p.read_bytes() for p in corpus_copy.iterdir()}
    export = tmp_path / "export.docx"
    export.write_bytes(docx_bytes([("", x) for x in export_lines()]))
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == "corpus.csv":
            raise OSError("disk full")
        real(src, dst)

    monkeypatch.setattr(store.os, "replace", replace)
    with pytest.raises(OSError, match="disk full"):
        add([str(export)], corpus_copy)
    assert {p.name: p.read_bytes() for p in corpus_copy.iterdir()} == before  # no temp files either


def test_unsupported_and_missing_files_are_errors(tmp_path):
    (tmp_path / "table.xlsx").write_bytes(b"x")
    result = add(
        [str(tmp_path / "table.xlsx"), str(tmp_path / "gone.pdf")], tmp_path / "c", dry_run=True
    )
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'table.xlsx'}: unsupported file type '.xlsx'; pakus add reads .html, .htm, .pdf, "
        ".docx, .txt, URL lists (.txt) and http(s) addresses",
        f"{tmp_path / 'gone.pdf'}: file not found",
    ]


def test_unreadable_corpus_csv_is_a_corpus_error(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "corpus.csv").write_bytes(b"\xff\xfe not utf-8")
    page = tmp_path / "p.html"
    page.write_text(html_page("Grain reserve", story(80, 8)))
    with pytest.raises(CorpusError):
        add([str(page)], corpus)


def test_a_corpus_inside_the_folder_read_is_not_read_again(tmp_path):
    src = _folder(tmp_path)
    add([str(src / "harbour.html")], src / "corpus")
    result = add([str(src)], src / "corpus", dry_run=True)
    assert result.duplicates[0].source == str(src / "harbour.html")
    assert not any(str(src / "corpus") in a.article.source for a in result.added)


def test_added_reprint_counts_once_when_the_corpus_is_built(tmp_path):
    from pakus.build import corpus_tables

    deal = "In September 2022, the State Department approved a $450 million sale for Pakistan's F-16 fleet."
    rest = story(90, 12)
    pages = {
        "wire.html": ("Example Wire", "2022-09-08", "Sale approved",
                      ["An agency report, filed from the capital.", deal, *rest]),
        "daily.html": ("Valley Evening Post", "2022-09-09", "Jets to be kept flying",
                       ["A regional daily ran the agency report under its own opening.", deal, *rest]),
        "other.html": ("The Coastal Ledger", "2022-09-20", "Package cleared",
                       ["The US approved a $450m F-16 sustainment package for Pakistan on Sept 7, 2022.",
                        *story(91, 12)]),
    }  # fmt: skip
    for name, (site, date, title, paragraphs) in pages.items():
        (tmp_path / name).write_text(html_page(title, paragraphs, meta_head(site, "Staff", date)))
    corpus = tmp_path / "corpus"
    result = add([str(tmp_path / n) for n in pages], corpus)
    reprints = {a.article.source.rsplit("/", 1)[-1]: a.reprint_of for a in result.added}
    assert reprints == {
        "daily.html": "example-wire-2022-09-08-sale-approved",
        "other.html": "",
        "wire.html": "",
    }
    _, t = corpus_tables(corpus)
    f16 = t["facts"][t["facts"]["programmes"].str.contains("PROG.F16")]
    sources = t["fact_sources"][t["fact_sources"]["fact_id"].isin(f16["fact_id"])]
    assert sources["doc"].nunique() == 3  # three documents tell it …
    assert f16["documents"].tolist() == [2]  # … two of them independently


def test_a_parser_failing_unexpectedly_is_an_error_for_that_file_only(tmp_path, monkeypatch):
    def broken(data, source):
        raise AttributeError("'NoneType' object has no attribute 'get'")

    monkeypatch.setattr("pakus.ingest.add.read_pdf", broken)
    (tmp_path / "odd.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "page.html").write_text(html_page("Grain reserve", story(95, 8)))
    result = add(
        [str(tmp_path / "odd.pdf"), str(tmp_path / "page.html")], tmp_path / "c", dry_run=True
    )
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'odd.pdf'}: could not be read (AttributeError: 'NoneType' object has no attribute 'get')"
    ]
    assert len(result.added) == 1
