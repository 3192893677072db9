"""Parameter checks, coalitions, milestones and what notebooks show (``pakus.analysis.checks``,
``dyads``, ``context``, ``report``)."""

import json

import nbformat
import pandas as pd
import pytest

from pakus.analysis import aid, context, ct, report, sources
from pakus.analysis.checks import (
    as_list,
    check_coalitions,
    check_parameter_names,
    declared_parameters,
    folder_name,
    notebook_parameters,
    nothing_to_analyse,
    whole_number,
)  # fmt: skip
from pakus.errors import ParameterError
from pakus.reference import milestones


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


def _notebook(tmp_path):
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "P"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell('corpus = "data/raw"\nwindow = 2', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport json\ntable = {}\nfor row in []:\n    pass"),
    ]  # fmt: skip
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


def test_rule_a_name_the_notebook_does_not_declare_or_bind_is_an_unknown_parameter(tmp_path):
    path = _notebook(tmp_path)
    assert declared_parameters(path) == ["corpus", "window"]
    ok = {"corpus": "c", "window": 3, "table": {}, "row": "x", "json": json, "In": [], "_": 1}
    with notebook_parameters(str(path), ok):
        pass
    with (
        pytest.raises(ParameterError, match=r"^nb.ipynb: unknown parameter\(s\) 'windw'; its "
                      r"parameters are corpus, window$"),
        notebook_parameters(str(path), {**ok, "windw": 3}),
    ):  # fmt: skip
        pass
    with pytest.raises(ParameterError, match=r"nb\.ipynb: unknown parameter"):
        check_parameter_names(path, ["corpus", "windw"])
    check_parameter_names(path, ["window"])


def test_rule_a_bad_value_names_the_notebook_and_the_parameter(tmp_path):
    path = _notebook(tmp_path)
    with (
        pytest.raises(ParameterError, match=r"^nb.ipynb: window: True must be a whole number"),
        notebook_parameters(str(path), {"window": True}),
    ):
        whole_number("window", True)
    with pytest.raises(ParameterError, match=r"^figures: '' must be a folder name"):
        folder_name("figures", "")


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
    assert sources.check_parameters("c", 2, "all", []).documents == []  # 04 then says so
    with pytest.raises(ParameterError, match="unknown document id"):
        sources.check_parameters("c", 2, ["a"], [])


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


def _event(**cells) -> dict:
    row = {"doc": "a", "start": 0, "end": 10, "quote": "", "type": "SANCTION", "date": "",
           "precision": "", "actors": "", "programs": "", "countries": "",
           "source_actor": "", "target_actor": "", "source_country": "", "target_country": "",
           "negated": False, "modality": "asserted"}  # fmt: skip
    return {**row, **cells}


def _milestones(tmp_path, *rows: tuple[str, str, str, str, str]):
    """A researcher's own milestones table (date, what, type, source, target), read as the
    reference one is."""
    table = pd.DataFrame(
        [{"date": d, "date_end": "", "precision": "day" if len(d) == 10 else "month" if len(d) == 7
          else "year", "what": w, "plover_type": t, "source_country": s, "target_country": g,
          "source": "a researcher's notes", "note": ""} for d, w, t, s, g in rows]
    )  # fmt: skip
    table.to_csv(tmp_path / "milestones.csv", index=False)
    return milestones(tmp_path)


def test_rule_milestones_compare_direction(tmp_path):
    ms = _milestones(tmp_path, ("2011-07-10", "Military aid withheld", "SANCTION", "USA", "PAK"))
    closure = _event(
        quote="Pakistan closed the NATO supply routes", date="2011-11", precision="month",
        actors="PAK;NATO", countries="PAK", source_actor="PAK", target_actor="NATO",
        source_country="PAK", target_country="NATO",
    )  # fmt: skip
    nato = {"USA": frozenset({"NATO"})}  # NATO counts for the US side, as in the notebooks
    check = context.compare_milestones(pd.DataFrame([closure]), coalitions=nato, table=ms)
    assert check.loc[0, "status"] == "not covered"  # PAK→USA is not USA→PAK
    withheld = _event(
        quote="Washington withheld $800 million in military aid", date="2011-07",
        precision="month", actors="USA;PAK", countries="USA;PAK", source_actor="USA",
        target_actor="PAK", source_country="USA", target_country="PAK",
    )  # fmt: skip
    check = context.compare_milestones(pd.DataFrame([closure, withheld]), coalitions=nato, table=ms)
    assert check.loc[0, "status"] == "confirmed" and check.loc[0, "direction"] == "USA→PAK"


def test_rule_milestones_match_by_type_direction_and_date_without_named_actors(tmp_path):
    ms = _milestones(
        tmp_path,
        ("1990-10-01", "Pressler sanctions cut off aid", "SANCTION", "USA", "PAK"),
        ("2011-11-26", "Salala border incident", "ASSAULT", "USA", "PAK"),
    )
    cut = _event(date="1990-10", precision="month", countries="USA;PAK", source_country="USA",
                 target_country="PAK", quote="the United States cut off aid to Pakistan")  # fmt: skip
    strike = _event(type="ASSAULT", date="2011-11-26", precision="day", countries="USA;PAK",
                    source_actor="NATO", target_actor="PAK.ARMY", source_country="NATO",
                    target_country="PAK", quote="NATO helicopters killed 24 soldiers")  # fmt: skip
    check = context.compare_milestones(
        pd.DataFrame([cut, strike]), coalitions={"USA": frozenset({"NATO"})}, table=ms
    ).set_index("what")
    assert check.loc["Pressler sanctions cut off aid", "status"] == "confirmed"
    assert check.loc["Salala border incident", "status"] == "confirmed"
    assert check.loc["Salala border incident", "gap_days"] == 0
    # a US sanction two years later names no Pressler: not the same happening, no contradiction
    later = _event(date="1992-06", precision="month", countries="USA;PAK", source_country="USA",
                   target_country="PAK", quote="the US imposed sanctions")  # fmt: skip
    check = context.compare_milestones(pd.DataFrame([later]), table=ms).set_index("what")
    assert check.loc["Pressler sanctions cut off aid", "status"] == "not covered"


def test_rule_a_milestone_is_contradicted_by_its_named_actors_at_another_date(tmp_path):
    ms = _milestones(tmp_path, ("2019-12", "IMET resumption approved", "COOPERATE", "USA", "PAK"))
    told = _event(type="COOPERATE", date="2020-08", precision="month", programs="PROG.IMET",
                  actors="USA;PAK;PROG.IMET", countries="USA;PAK", source_country="USA",
                  target_country="PAK", quote="the US resumed IMET for Pakistan")  # fmt: skip
    check = context.compare_milestones(pd.DataFrame([told]), table=ms)
    assert check.loc[0, "status"] == "contradicted" and check.loc[0, "shared"] == "PROG.IMET"
    assert (
        check.loc[0, "gap_days"] == 214
    )  # 2019-12-31 to 2020-08-01: 1 + 213 days (2020 a leap year)
    # another programme is another happening, even with the same type, direction and date
    f16 = {**told, "date": "2019-12", "programs": "PROG.F16", "actors": "USA;PAK;PROG.F16"}
    check = context.compare_milestones(pd.DataFrame([f16]), table=ms)
    assert check.loc[0, "status"] == "not covered"


def test_rule_milestone_programme_comes_from_the_aid_tables_rule(tmp_path):
    # the clause says "the programme"; the programme named just before it is IMET, as the aid
    # table reads it: an IMET event told one year late contradicts the milestone
    ms = _milestones(tmp_path, ("2019-12", "IMET resumption approved", "COOPERATE", "USA", "PAK"))
    told = _event(type="COOPERATE", start=100, end=160, date="2020-12", precision="month",
                  countries="USA;PAK", source_country="USA", target_country="PAK",
                  quote="Washington approved resumption of the training programme")  # fmt: skip
    entities = pd.DataFrame([{"doc": "a", "start": 20, "end": 24, "id": "PROG.IMET",
                              "type": "program"}])  # fmt: skip
    assert context.compare_milestones(pd.DataFrame([told]), table=ms).loc[0, "status"] == (
        "not covered"
    )
    check = context.compare_milestones(pd.DataFrame([told]), entities=entities, table=ms)
    assert check.loc[0, "status"] == "contradicted" and check.loc[0, "shared"] == "PROG.IMET"


def test_a_researchers_milestones_table_is_read_and_checked(tmp_path):
    own = tmp_path / "my_milestones.csv"
    own.write_text(  # no direction columns: either direction between the two states
        "date,date_end,precision,what,plover_type,source,note\n"
        "2019-12,,month,Training programme resumed,COOPERATE,my notes,\n"
    )
    table = context.check_milestones(str(own))
    assert list(table["source_country"]) == [""] and table.loc[0, "first_day"].month == 12
    resumed = _event(type="COOPERATE", date="2019-12-19", precision="day", countries="USA;PAK",
                     source_country="USA", target_country="PAK", quote="Washington resumed")  # fmt: skip
    check = context.compare_milestones(pd.DataFrame([resumed]), table=table)
    assert check.loc[0, "status"] == "confirmed" and check.loc[0, "direction"] == "either"
    assert context.check_milestones("") is None  # the reference table
    own.write_text(own.read_text().replace("COOPERATE", "FRIENDSHIP"))
    with pytest.raises(ParameterError, match=r"milestones: .*my_milestones.csv: row 1, column "
                       r"'plover_type': 'FRIENDSHIP'"):  # fmt: skip
        context.check_milestones(str(own))
    with pytest.raises(ParameterError, match=r"milestones: 'nowhere.csv' is not a CSV file"):
        context.check_milestones("nowhere.csv")


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


def test_problems_note_counts_what_was_left_out_and_names_the_files():
    problems_note = report.problems_note
    none = pd.DataFrame({"path": [], "message": [], "skipped": []})
    assert problems_note(none).startswith("Left out: nothing")
    problems = pd.DataFrame({
        "path": ["/c/corpus.csv", "/c/b.txt", "/c/x.pdf"],
        "message": ["row 2, column 'published': bad", "not UTF-8", "not a .txt document"],
        "skipped": [True, True, False],
    })  # fmt: skip
    note = problems_note(problems)
    assert "2 problem(s)" in note and "(b.txt, corpus.csv)" in note and "1 note(s)" in note
    only_notes = problems[~problems["skipped"]]
    assert problems_note(only_notes).startswith("Left out: nothing; 1 note(s)")
