"""The reference series: schemas, the source's own arithmetic, and independence from extraction."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pakus.analysis.context import appropriations, fiscal_year
from pakus.corpus import load_corpus
from pakus.extract import extract_document
from pakus.reference import extraction_tables, load_series, milestones

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "lib" / "pakus" / "data" / "reference"


@pytest.mark.parametrize("name", ["aid_by_fiscal_year", "milestones", "cameo_goldstein"])
def test_series_validate_with_their_schema(name):
    table = load_series(name)
    assert len(table) > 10
    assert (table["source"].str.len() > 0).all()


def test_a_bad_cell_names_file_row_and_column(tmp_path):
    bad = tmp_path / "ref"
    shutil.copytree(REF, bad)
    table = pd.read_csv(bad / "milestones.csv", dtype=str, keep_default_na=False)
    table.loc[2, "plover_type"] = "WAR"
    table.to_csv(bad / "milestones.csv", index=False)
    with pytest.raises(ValueError, match=r"milestones.csv: row 3, column 'plover_type': 'WAR'"):
        load_series("milestones", bad)


def _single(edition: str, programme: str) -> pd.DataFrame:
    t = load_series("aid_by_fiscal_year")
    return t[(t["edition"] == edition) & (t["programme"] == programme)]


@pytest.mark.parametrize(
    ("programme", "difference"),
    [("FMF", 2), ("IMET", 0), ("CSF", 0), ("ESF", 0), ("security-related total", 0),
     ("economic-related total", 0), ("grand total", -1)],
)  # fmt: skip
def test_2019_edition_years_add_up_to_the_printed_total(programme, difference):
    rows = _single("2019-03-12", programme)
    parts = rows[
        (rows["fy_last"] <= 2018) & ~((rows["fy_first"] == 2002) & (rows["fy_last"] == 2018))
    ]
    printed = rows[(rows["fy_first"] == 2002) & (rows["fy_last"] == 2018)]["amount_musd"].item()
    assert printed - parts["amount_musd"].sum() == difference
    if difference:  # known rounding in the source, recorded as a note
        note = rows[(rows["fy_first"] == 2002) & (rows["fy_last"] == 2018)]["note"].item()
        assert "rounding" in note


def test_the_csf_disagreement_between_editions_is_kept_with_notes():
    t = load_series("aid_by_fiscal_year")
    span = t[(t["programme"] == "CSF") & (t["fiscal_year"] == "FY2002-FY2013")]
    assert sorted(zip(span["edition"], span["amount_musd"], strict=True)) == [
        ("2014-03-06", 11040.0),
        ("2019-03-12", 12125.0),
    ]
    assert all("Both are kept" in n for n in span["note"])


def test_withheld_years_have_no_amount():
    t = load_series("aid_by_fiscal_year")
    withheld = t[t["status"] == "withheld"]
    assert set(withheld["fiscal_year"]) == {"FY2017", "FY2018"}
    assert withheld["amount_musd"].isna().all()


def test_milestones_are_dated_and_scaled():
    ms = milestones()
    assert ms["first_day"].min() == pd.Timestamp("1947-01-01")
    assert (ms["first_day"] <= ms["last_day"]).all()
    waiver = ms[ms["date"] == "2001-09"].iloc[0]
    assert waiver["last_day"] == pd.Timestamp("2001-10-31")
    assert set(ms["intensity"]) <= set(extraction_tables().plover_types["intensity"])


def test_fiscal_years_meet_dates_correctly():
    assert fiscal_year("2017-10-01") == 2018
    assert fiscal_year("2018-09") == 2018
    assert fiscal_year("2018-10") == 2019
    assert fiscal_year("2018") is None  # a calendar year straddles two fiscal years
    approps = appropriations()
    assert not approps.duplicated(["fiscal_year_number", "programme"]).any()
    assert approps["fiscal_year_number"].between(2008, 2018).all()


def test_extraction_does_not_read_the_reference_series(tmp_path, monkeypatch):
    emptied = tmp_path / "ref"
    shutil.copytree(REF, emptied)
    for name in ("aid_by_fiscal_year", "milestones"):
        header = (REF / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        (emptied / f"{name}.csv").write_text(header + "\n", encoding="utf-8")
    docs = load_corpus(ROOT / "data" / "raw").documents
    before = [extract_document(d) for d in docs]
    after = [extract_document(d, reference=str(emptied)) for d in docs]
    for a, b in zip(before, after, strict=True):
        for kind in ("entity", "date", "amount", "count", "event"):
            assert a.records(kind) == b.records(kind)
