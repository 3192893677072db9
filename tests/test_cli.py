"""The command line: the JSON Lines contract, exit codes and bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "data" / "raw" / "000_77a1b7f1c87fe9cc.txt"
ENTITY_TYPES = {"person", "org", "state", "group", "program", "agreement", "place"}
PLOVER = set(
    pd.read_csv(ROOT / "lib" / "pakus" / "data" / "reference" / "plover_types.csv")["type"]
)


def pakus(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pakus.cli", *args], capture_output=True, text=True, cwd=cwd or ROOT
    )


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_help_explains_each_command():
    top = pakus("--help")
    assert top.returncode == 0
    assert "extract" in top.stdout and "build" in top.stdout
    assert "--published" in pakus("extract", "--help").stdout
    assert "--corpus" in pakus("build", "--help").stdout


@pytest.mark.parametrize(
    ("command", "given"), [("build", []), ("extract", ["a.txt"]), ("add", ["a.pdf"]),
                           ("export", ["polecat"])],
)  # fmt: skip
def test_an_unknown_option_is_the_subcommands_error_with_its_usage(command, given, capsys):
    from pakus.cli import main

    with pytest.raises(SystemExit) as exit_:
        main([command, *given, "--frobnicate"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith(f"usage: pakus {command} [-h]")
    assert err.rstrip().endswith(f"pakus {command}: error: unrecognized arguments: --frobnicate")
    assert "COMMAND" not in err  # not the top-level usage


def test_build_summary_counts_refused_rows_and_names_their_files(tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text("The United States suspended aid to Pakistan.\n")
    (corpus / "d.txt").write_bytes(b"\x00\x01binary")
    (corpus / "corpus.csv").write_text(
        "id,file,title,outlet,author,published,published_basis\n"
        "a,a.txt,A,Dawn,,2018-01-05,dateline\n"
        "b,b.txt,B,Dawn,,2018-13-45,\n"  # two bad cells: one row refused
        "c,c.txt,C,Dawn,,2018-01-05,dateline,\n"  # a trailing comma
        "d,d.txt,D,Dawn,,2018-01-05,dateline\n"  # a row that is fine, a file that is not
    )
    run = pakus("build", "--corpus", str(corpus), "--out", str(tmp_path / "out"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "built 1 document(s)" in run.stdout
    assert "2 corpus.csv row(s) refused, so b.txt, c.txt not built; " in run.stdout
    assert "1 document(s) skipped (d.txt)" in run.stdout
    skipped = [line for line in run.stderr.splitlines() if line.startswith("pakus build: skipped")]
    assert len(skipped) == 3  # one line per refused row or skipped document
    (b_line,) = [line for line in skipped if "(its file b.txt is left out)" in line]
    assert "column 'published': '2018-13-45'" in b_line and "column 'published_basis'" in b_line
    assert any("(its file c.txt is left out)" in line for line in skipped)


def test_refused_rows_naming_one_file_name_it_once_and_its_unlisted_twin_points_at_the_row(
    tmp_path,
):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text("The United States suspended aid to Pakistan.\n")
    (corpus / "corpus.csv").write_text(
        "id,file,title,outlet,author,published,published_basis\n"
        "a,a.txt,A,Dawn,,2018-13-05,dateline\n"  # refused
        "a2,a.txt,A again,Dawn,,2018-14-05,dateline\n"  # refused, the same file
        "b,,B,Dawn,,2018-01-05,dateline\n"  # refused: no file, so b.txt is read as unlisted
    )
    run = pakus("build", "--corpus", str(corpus), "--out", str(tmp_path / "out"))
    assert "3 corpus.csv row(s) refused, so a.txt, row 3 not built" in run.stdout
    (b_line,) = [line for line in run.stderr.splitlines() if "b.txt: not listed" in line]
    assert "corpus.csv row 3, column 'id' (a row refused above: fix it there)" in b_line


def test_extract_prints_the_json_lines_contract(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "ISLAMABAD — The United States on Tuesday released $450 million in military aid to "
        "Pakistan, a year after Washington suspended it. General Asim Munir welcomed the move.\n",
        encoding="utf-8",
    )
    run = pakus("extract", str(story), "--published", "2019-03-14")
    assert run.returncode == 0, run.stderr
    rows = lines(run.stdout)
    text = story.read_text(encoding="utf-8")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"entity", "amount", "event"}
    for r in rows:
        assert r["doc"] == "story.txt"
        assert text[r["start"] : r["end"]] == r["quote"]
        if r["kind"] == "entity":
            assert r["id"] and r["name"] and r["type"] in ENTITY_TYPES
        elif r["kind"] == "amount":
            assert isinstance(r["usd"], float | int)
        else:
            assert r["type"] in PLOVER and isinstance(r["actors"], list)
            assert r["date"] is None or len(r["date"]) in {4, 7, 10}
    amount = next(r for r in rows if r["kind"] == "amount")
    assert amount["usd"] == 450_000_000
    aid = next(r for r in rows if r["kind"] == "event" and r["type"] == "AID")
    assert aid["date"] == "2019-03-12"  # the Tuesday before 2019-03-14
    assert {"USA", "PAK"} <= set(aid["actors"])


def test_corpus_documents_take_their_published_date_from_corpus_csv():
    rows = lines(pakus("extract", str(DOC), "--kinds", "date").stdout)
    tuesday = next(r for r in rows if r["quote"] == "on Tuesday")
    assert tuesday["date"] == "2021-01-19"


def test_without_a_published_date_relative_dates_are_reported_not_guessed(tmp_path):
    story = tmp_path / "loose.txt"
    story.write_text("Last year, Washington suspended aid to Pakistan.", encoding="utf-8")
    run = pakus("extract", str(story), "--kinds", "date,event")
    rows = lines(run.stdout)
    assert run.returncode == 0
    assert rows[0]["quote"] == "Last year" and rows[0]["date"] is None
    assert all(r["date"] is None for r in rows)
    assert "loose.txt: no published date" in run.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x00\x01\x02", "binary file"), (b"caf\xe9 Pakistan", "not UTF-8")],
)
def test_bad_files_are_reported_and_the_others_still_extracted(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    run = pakus("extract", str(bad), str(DOC))
    assert run.returncode == 1
    err = run.stderr.strip().splitlines()
    assert any(str(bad) in line and message in line for line in err), run.stderr
    assert {r["doc"] for r in lines(run.stdout)} == {DOC.name}


def test_missing_file_and_bad_parameters(tmp_path):
    missing = pakus("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "nope.txt: file not found" in missing.stderr
    bad_date = pakus("extract", str(DOC), "--published", "2020-13-01")
    assert bad_date.returncode == 2 and "'2020-13-01' is not a valid date" in bad_date.stderr
    bad_kind = pakus("extract", str(DOC), "--kinds", "entity,rumour")
    assert bad_kind.returncode == 2 and "unknown kind(s) rumour" in bad_kind.stderr


def test_build_writes_tables_and_reports_what_it_skipped(corpus_copy, tmp_path):
    (corpus_copy / "001_151ebe38f56b1ce4.txt").write_bytes(b"PK\x03\x04\x00\x00")
    out = tmp_path / "processed"
    run = pakus("build", "--corpus", str(corpus_copy), "--out", str(out))
    assert run.returncode == 1
    assert "skipped" in run.stderr and "001_151ebe38f56b1ce4.txt: binary file" in run.stderr
    assert "built 4 document(s)" in run.stdout
    for table in ("documents", "entities", "dates", "amounts", "counts", "events", "problems"):
        assert (out / f"{table}.csv").exists() and (out / f"{table}.parquet").exists()
    problems = pd.read_csv(out / "problems.csv")
    assert problems["path"].str.endswith("001_151ebe38f56b1ce4.txt").any()
    events = pd.read_parquet(out / "events.parquet")
    assert set(events["doc"]) == {
        "000_77a1b7f1c87fe9cc", "002_c9f9e16b6cf80bfd", "003_050d6b8304c1845d", "004_26da00272a9a3e9f"
    }  # fmt: skip


def test_build_is_byte_identical_from_run_to_run(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        run = pakus("build", "--quiet", "--out", str(out))
        assert run.returncode == 0, run.stderr
    files = sorted(p.name for p in first.iterdir() if p.is_file())
    assert files == sorted(p.name for p in second.iterdir() if p.is_file())
    assert len(files) >= 15
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_build_in_several_processes_writes_the_same_bytes(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert pakus("build", "--quiet", "--out", str(one)).returncode == 0
    run = pakus("build", "--quiet", "--jobs", "2", "--out", str(two))
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in one.iterdir() if p.is_file())
    assert names == sorted(p.name for p in two.iterdir() if p.is_file())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    bad = pakus("build", "--jobs", "-1", "--out", str(tmp_path / "x"))
    assert bad.returncode == 2 and "'-1' is not a number of processes" in bad.stderr


def test_build_tables_are_sorted_and_typed(tmp_path):
    out = tmp_path / "p"
    pakus("build", "--quiet", "--out", str(out))
    entities = pd.read_parquet(out / "entities.parquet")
    keys = list(zip(entities["doc"], entities["start"], entities["end"], strict=True))
    assert keys == sorted(keys)
    dictionary = pd.read_csv(out / "data_dictionary.csv")
    for table in ("entities", "events", "amounts"):
        frame = pd.read_parquet(out / f"{table}.parquet")
        assert list(frame.columns) == list(dictionary.loc[dictionary["table"] == table, "column"])


def test_import_and_help_load_no_table_library():
    # pandas, pandera, pyarrow and matplotlib load on first use only, so `import pakus` and
    # `pakus --help` start fast (their time is measured, not asserted)
    heavy = ("pandas", "pandera", "pyarrow", "matplotlib", "dask", "spacy")
    probe = (
        "import sys, runpy; sys.argv = ['pakus', '--help']\n"
        "import pakus\n"
        "try:\n    runpy.run_module('pakus.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert "usage: pakus" in run.stdout


def test_extract_reports_a_file_it_cannot_open_and_goes_on(tmp_path, monkeypatch, capsys):
    # (as a file without read permission; the tests may run as root, who can read any file)
    from pakus import cli
    from pakus import corpus as corpus_module

    locked = tmp_path / "locked.txt"
    locked.write_text("Pakistan.", encoding="utf-8")
    real = open

    def fake_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "open", fake_open, raising=False)
    status = cli.main(["extract", str(locked), str(DOC)])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.strip() == f"pakus extract: {locked}: cannot be opened (Permission denied)"
    assert {r["doc"] for r in lines(out)} == {DOC.name}


def test_extract_says_when_the_published_date_is_after_today(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Last year the United States suspended aid to Pakistan.\n", encoding="utf-8")
    run = pakus("extract", str(story), "--published", "2099-01-01")
    assert run.returncode == 0
    assert f"pakus extract: {story}: published 2099-01-01, after today" in run.stderr


def test_build_reports_bad_metadata_rows_and_links_out_and_builds_the_rest(corpus_copy, tmp_path):
    csv_path = corpus_copy / "corpus.csv"
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    rows[2] += ","  # a trailing comma: one field too many
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Osama bin Laden met Pakistan's army.\n", encoding="utf-8")
    (corpus_copy / "link.txt").symlink_to(secret)
    out = tmp_path / "processed"
    run = pakus("build", "--corpus", str(corpus_copy), "--out", str(out))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    err = run.stderr.strip().splitlines()
    assert f"pakus build: skipped: {csv_path}: row 2, column 9 (after the last column, 'note')" in (
        run.stderr
    )
    assert any(
        "link.txt: a symbolic link to" in line and "outside the corpus" in line for line in err
    )
    assert "built 4 document(s)" in run.stdout
    problems = pd.read_csv(out / "problems.csv")
    assert problems["path"].str.endswith("link.txt").any()
    assert "Osama" not in (out / "entities.csv").read_text(encoding="utf-8")


def test_export_out_names_a_file_or_a_folder_to_write_the_table_in(tmp_path):
    from pakus.cli import POLECAT_FILE, _export_path

    folder = tmp_path / "processed"
    folder.mkdir()
    assert _export_path(str(folder)) == folder / POLECAT_FILE
    assert _export_path(str(tmp_path / "new") + "/") == tmp_path / "new" / POLECAT_FILE
    assert _export_path(str(tmp_path / "e.csv")) == tmp_path / "e.csv"


def test_export_writes_into_a_folder_and_reports_an_unwritable_path_in_one_line(tmp_path):
    corpus = str(ROOT / "data" / "raw")
    run = pakus("export", "polecat", "--corpus", corpus, "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "events_polecat.csv").read_text().startswith("Event ID")
    blocker = tmp_path / "file"
    blocker.write_text("")
    bad = pakus("export", "polecat", "--corpus", corpus, "--out", str(blocker / "e.csv"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().startswith(f"pakus export: cannot write {blocker / 'e.csv'}")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_export_without_out_writes_beside_the_corpus_not_into_the_project_tables(tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The United States suspended aid to Pakistan on 3 May 2011.\n")
    project_table = ROOT / "data" / "processed" / "events_polecat.csv"
    before = project_table.read_bytes() if project_table.exists() else None
    run = pakus("export", "polecat", "--corpus", str(corpus), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "mine-processed" / "events_polecat.csv").read_text().startswith("Event ID")
    after = project_table.read_bytes() if project_table.exists() else None
    assert after == before
