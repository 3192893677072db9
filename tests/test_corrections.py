"""Researchers' corrections (``pakus.corrections``): each action on a constructed corpus, and
bad rows reported with file, row and column."""

import subprocess
import sys

import pandas as pd

from pakus.build import corpus_tables

HEADER = "action,doc,start,field,value,other_doc,other_start,who,why\n"
DOCS = {
    "a": ("In January 2018 the United States suspended IMET for Pakistan. "
          "In March 2018 Washington provided $100 million in aid to Pakistan.", "2018-06-01"),
    "b": ("The United States suspended IMET for Pakistan in January 2018.", "2018-06-02"),
}  # fmt: skip


def corpus(tmp_path, corrections: str | None = None):
    folder = tmp_path / "mine"
    folder.mkdir()
    rows = ["id,file,title,outlet,author,published,published_basis"]
    for doc, (text, published) in DOCS.items():
        (folder / f"{doc}.txt").write_text(text)
        rows.append(f"{doc},{doc}.txt,T {doc},Outlet {doc},,{published},dateline")
    (folder / "corpus.csv").write_text("\n".join(rows) + "\n")
    if corrections is not None:
        (folder / "corrections.csv").write_text(HEADER + corrections)
    return folder


def event_start(tables, doc, type_):
    ev = tables["events"]
    return int(ev[(ev["doc"] == doc) & (ev["type"] == type_)]["start"].iloc[0])


def test_without_corrections_the_two_suspensions_are_one_fact(tmp_path):
    _, t = corpus_tables(corpus(tmp_path))
    assert t["corrections"].empty
    sanction = t["facts"][t["facts"]["type"] == "SANCTION"]
    assert list(sanction["documents"]) == [2]


def test_rule_split_and_drop_and_set(tmp_path):
    _, t = corpus_tables(corpus(tmp_path))
    sb = event_start(t, "b", "SANCTION")
    aid = event_start(t, "a", "AID")
    rows = (f"split,b,{sb},,,,,A. Reviewer,a different suspension\n"
            f"set,a,{aid},date,2018-04,,,A. Reviewer,the transfer came in April\n"
            f"set,a,{aid},type,AGREE,,,A. Reviewer,a promise not a delivery\n"
            f"drop,a,99999,,,,,A. Reviewer,nothing there\n")  # fmt: skip
    folder = tmp_path / "c"
    folder.mkdir()
    _, t2 = corpus_tables(corpus(folder, rows))
    sanction = t2["facts"][t2["facts"]["type"] == "SANCTION"]
    assert sorted(sanction["documents"]) == [1, 1]  # split in two
    agree = t2["events"]  # mentions table is the extraction's, unchanged
    assert "AID" in set(agree["type"])
    assert list(t2["facts"][t2["facts"]["type"] == "AGREE"]["date"]) == ["2018-04"]
    effects = dict(
        zip(
            t2["corrections"]["action"] + t2["corrections"]["field"],
            t2["corrections"]["effect"],
            strict=True,
        )
    )
    assert effects["split"].startswith("split from a fact of 2")
    assert "→ 2018-04" in effects["setdate"]
    assert effects["drop"] == "no mention there: nothing changed"
    assert set(t2["corrections"]["who"]) == {"A. Reviewer"}


def test_rule_join_makes_one_fact(tmp_path):
    _, t = corpus_tables(corpus(tmp_path))
    sa, aid = event_start(t, "a", "SANCTION"), event_start(t, "a", "AID")
    folder = tmp_path / "c"
    folder.mkdir()
    _, t2 = corpus_tables(corpus(folder, f"join,a,{aid},,,a,{sa},R,same decision\n"))
    # different types cannot join by the rules; a reviewer's join overrides them
    assert len(t2["facts"]) == len(t["facts"]) - 1
    assert t2["corrections"]["effect"].iloc[0] == "two facts joined into one"


def test_bad_rows_are_reported_with_file_row_and_column(tmp_path):
    rows = "drop,a,x,,,,,R,why\nset,a,0,type,PARTY,,,R,why\nset,a,0,date,2018,,,,\n"
    folder = corpus(tmp_path, rows)
    c, t = corpus_tables(folder)
    messages = [p.message for p in c.problems if p.path.endswith("corrections.csv")]
    assert any("row 2, column 'start'" in m for m in messages)
    assert any("row 3, column 'value'" in m and "PARTY" in m for m in messages)
    assert any("row 4, column 'who'" in m for m in messages)
    assert t["corrections"].empty
    assert not any("corrections.csv" in p.path and "not read" in p.message for p in c.problems)


def test_pakus_build_reports_what_corrections_changed(tmp_path):
    _, t = corpus_tables(corpus(tmp_path))
    sb = event_start(t, "b", "SANCTION")
    folder = tmp_path / "c"
    folder.mkdir()
    mine = corpus(folder, f"split,b,{sb},,,,,R,why\n")
    run = subprocess.run([sys.executable, "-m", "pakus.cli", "build", "--quiet", "--corpus", str(mine)],
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    out = mine.parent / "mine-processed"  # beside the corpus, not the project's data
    table = pd.read_csv(out / "corrections.csv", dtype=str, keep_default_na=False)
    assert table["effect"].iloc[0].startswith("split from a fact")
    assert "correction (R: why): split b:" in run.stderr  # the build says what it changed
