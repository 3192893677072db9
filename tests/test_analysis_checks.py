"""Parameter checks, coalitions, milestones and what notebooks show (``pakus.analysis.checks``,
``dyads``, ``context``, ``report``)."""

import json

import pandas as pd
import pytest

from pakus.analysis import aid, context, ct, report, sources
from pakus.analysis.checks import as_list, check_coalitions, nothing_to_analyse, whole_number
from pakus.errors import ParameterError


def test_rule_a_list_parameter_accepts_one_string():
    assert as_list("programmes", "IMET") == ["IMET"]
    assert aid.check_parameters("data/raw", "IMET", None, None).programmes == ["PROG.IMET"]
    assert ct.check_parameters("data/raw", "TTP", None, None, "year").groups == ["TTP"]
    with pytest.raises(ParameterError, match="programmes: 3 must be a name or a list"):
        as_list("programmes", 3)


def test_rule_a_bool_is_not_a_whole_number():
    with pytest.raises(ParameterError, match="window: True must be a whole number, 1 or more"):
        whole_number("window", True)
    with pytest.raises(ParameterError, match=r"min_corroboration: 2\.0 must be a whole number"):
        sources.check_parameters("c", 2.0, "all", ["a"])
    assert whole_number("window", 3) == 3


def test_coalitions_are_checked_and_read():
    known = ["NATO", "ISAF", "TTP"]
    assert check_coalitions({"USA": ["NATO", "ISAF"]}, ["USA", "PAK"], known) == {
        "USA": frozenset({"NATO", "ISAF"})
    }
    assert check_coalitions("USA=NATO+ISAF", ["USA", "PAK"], known)["USA"] == {"NATO", "ISAF"}
    assert check_coalitions({}, ["USA", "PAK"], known) == {}
    with pytest.raises(
        ParameterError, match="coalitions: unknown side 'IND'; choose from USA, PAK"
    ):
        check_coalitions({"IND": ["NATO"]}, ["USA", "PAK"], known)
    with pytest.raises(ParameterError, match="coalitions: unknown body 'SEATO'"):
        check_coalitions({"USA": "SEATO"}, ["USA", "PAK"], known)


def test_nothing_to_analyse_says_so_plainly():
    assert nothing_to_analyse(0, 0, "events") == "Nothing to analyse: the corpus has no documents."
    assert "hold no events" in nothing_to_analyse(3, 0, "events")
    assert nothing_to_analyse(3, 1, "events") is None
    with pytest.raises(ParameterError, match="holds no documents"):
        sources.check_parameters("c", 2, "all", [])


def test_rule_milestones_need_shared_actors_not_a_shared_word():
    # the 2013 killing of Hakimullah Mehsud shares a type, a word and 18 months with Salala
    ev = pd.DataFrame([{
        "doc": "a", "start": 0, "end": 10, "quote": "a US drone strike killed Hakimullah Mehsud",
        "type": "ASSAULT", "date": "2013-05", "precision": "month", "actors": "USA;TTP;PER.HAKIMULLAH",
        "programs": "", "countries": "USA;PAK", "source_actor": "USA", "target_actor": "TTP",
        "source_country": "USA", "target_country": "TTP", "negated": False, "modality": "asserted",
    }])  # fmt: skip
    check = context.compare_milestones(ev).set_index("what")
    salala = check.loc["Salala border incident, 24 Pakistani soldiers killed"]
    assert salala["status"] == "not covered"
    assert "PLACE.SALALA" in context.milestone_actors(
        "Salala border incident, 24 Pakistani soldiers killed"
    )


def test_findings_are_safe_for_mathjax():
    assert report.markdown_safe("from $450 million to $1.5 billion") == (
        "from \\$450 million to \\$1.5 billion"
    )


DOCS = pd.DataFrame({
    "doc": ["a", "b"], "title": ["IMET resumed", "F-16 package"], "outlet": ["Dawn", "VOA"],
    "author": ["", "A. Writer"], "published": ["2020-01-06", "2022-09"],
})  # fmt: skip


def test_documents_are_named_by_outlet_and_date_and_sources_show_full_quotes():
    assert report.document_names(DOCS) == {"a": "Dawn, 2020-01-06", "b": "VOA, 2022-09"}
    long = "x" * 300
    rows = pd.DataFrame({"doc": ["b"], "start": [0], "end": [300], "quote": [long], "usd": [2e9]})
    table = report.sources_table(rows, DOCS)
    assert table.loc[0, "quote"] == long and table.loc[0, "usd"] == "$2 billion"
    assert table.loc[0, "document"] == "VOA, 2022-09"


def test_citations_as_bibtex_and_csl_json(tmp_path):
    paths = report.export_citations(DOCS, ["milestones"], tmp_path, "nb")
    bib = paths[0].read_text()
    assert "@article{a," in bib and "journal = {Dawn}" in bib and "year = {2022}" in bib
    assert "@misc{milestones_1," in bib
    items = json.loads(paths[1].read_text())
    assert items[1]["issued"] == {"date-parts": [[2022, 9]]}
    assert items[1]["author"] == [{"literal": "A. Writer"}]
    assert any(i["id"].startswith("milestones-") for i in items)
