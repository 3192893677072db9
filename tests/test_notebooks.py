"""The notebooks, executed by papermill with their default and alternative parameters."""

import json
import re
import shutil
from pathlib import Path

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from pakus.analysis.checks import check_parameter_names, declared_parameters
from pakus.errors import ParameterError
from pakus.reports import execute
from pakus.reports import main as reports_main

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
RUNS = json.loads((NOTEBOOKS / "runs.json").read_text())
TEMPLATE = ["## Overview", "## Prerequisites", "## Parameters", "## Findings", "## Sources",
            "## Limitations", "## Summary", "## What next"]  # fmt: skip


def run(tmp_path: Path, name: str, **parameters) -> nbformat.NotebookNode:
    out = tmp_path / f"{name}.ipynb"
    execute(NOTEBOOKS / f"{name}.ipynb", out, parameters, NOTEBOOKS)
    return nbformat.read(out, as_version=4)


def findings(nb: nbformat.NotebookNode) -> str:
    """The text of the Findings section (the output of the cell after its heading)."""
    at = next(
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "markdown" and c.source.startswith("## Findings")
    )
    texts = [
        o["data"]["text/markdown"]
        for o in nb.cells[at + 1].outputs
        if "text/markdown" in o.get("data", {})
    ]
    assert len(texts) == 1
    return texts[0]


def outputs_text(nb: nbformat.NotebookNode) -> str:
    return "\n".join(
        o.get("text", "") + "".join(o.get("data", {}).get(k, "") for k in ("text/plain", "text/markdown"))
        for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )  # fmt: skip


@pytest.mark.parametrize("name", sorted(RUNS))
def test_notebook_follows_the_template(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for heading in TEMPLATE:
        assert heading in text, heading
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    after = nb.cells[tagged[0] + 2]
    assert "check_parameters" in after.source  # derived values are checked right after
    # ... in the one checking block, which names the notebook, and every parameter is checked
    assert f'with notebook_parameters("{name}.ipynb", globals()):' in after.source
    block = after.source.split("notebook_parameters(", 1)[1]
    for parameter in declared_parameters(NOTEBOOKS / f"{name}.ipynb"):
        assert re.search(rf"\b{parameter}\b", block), parameter
    assert not any(c.source.startswith("%%") for c in nb.cells if c.cell_type == "code")
    assert all(c.get("outputs") is not None for c in nb.cells if c.cell_type == "code")
    assert any("corpus" in line for line in nb.cells[tagged[0]].source.splitlines())


def test_cycles_monthly_run_counts_months(tmp_path):
    default = findings(run(tmp_path, "01_bilateral_cycles"))
    monthly = findings(
        run(tmp_path, "01_bilateral_cycles", **RUNS["01_bilateral_cycles"]["monthly_since_2018"])
    )
    assert default != monthly
    assert "of the 25 periods" in default  # 2000 … 2024, yearly
    assert "of the 84 periods" in monthly  # January 2018 … December 2024


def test_cycles_quarterly_with_two_sources(tmp_path):
    text = findings(
        run(tmp_path, "01_bilateral_cycles", frequency="quarter", start="2015", min_sources=2)
    )
    assert "of the 40 periods" in text  # 2015Q1 … 2024Q4


def test_aid_programme_parameter_narrows_the_events(tmp_path):
    nb = run(tmp_path, "02_aid_history", programmes=["IMET"])
    text = findings(nb)
    assert "across 1 programme(s)" in text
    assert "IMET was suspended in 2018-01 and resumed in 2019-12" in text


def test_ct_one_group(tmp_path):
    text = findings(run(tmp_path, "03_counterterrorism_convergence", groups=["TTP"]))
    assert "toward **1** group(s)" in text
    assert "by the United States" in text


@pytest.mark.parametrize(
    ("name", "parameters", "message"),
    [
        (
            "01_bilateral_cycles",
            {"frequency": "weekly"},
            "frequency: unknown value 'weekly'; choose from year, quarter, month",
        ),
        (
            "01_bilateral_cycles",
            {"start": "2024", "end": "2018"},
            "start (2024) is after end (2018)",
        ),
        (
            "02_aid_history",
            {"programmes": ["IMET", "Marshall Plan"]},
            "programmes: unknown value(s) 'Marshall Plan'",
        ),
        (
            "01_bilateral_cycles",
            {"corpus": "no/such/folder"},
            "corpus: 'no/such/folder' is not a folder",
        ),
        (
            "02_aid_history",
            {"milestones": "no/such.csv"},
            "milestones: 'no/such.csv' is not a CSV file",
        ),
        (
            "03_counterterrorism_convergence",
            {"groups": ["Hamas"]},
            "groups: unknown value(s) 'Hamas'",
        ),
        (
            "03_counterterrorism_convergence",
            {"corpus": "no/such/folder"},
            "corpus: 'no/such/folder' is not a folder",
        ),
    ],
)
def test_bad_parameters_fail_in_the_checking_cell(tmp_path, name, parameters, message):
    with pytest.raises(PapermillExecutionError) as err:
        run(tmp_path, name, **parameters)
    assert f"{name}.ipynb: {message}" in str(err.value)  # the notebook, the parameter, why
    assert err.value.ename == "ParameterError"


def test_runs_json_sets_only_declared_parameters():
    for name, sets in RUNS.items():
        for parameters in sets.values():
            check_parameter_names(NOTEBOOKS / f"{name}.ipynb", parameters)


def test_a_misspelt_name_in_runs_json_stops_the_reports_before_any_run(tmp_path, monkeypatch,
                                                                      capsys):  # fmt: skip
    (tmp_path / "notebooks").mkdir()
    shutil.copy(NOTEBOOKS / "02_aid_history.ipynb", tmp_path / "notebooks")
    runs = {"02_aid_history": {"default": {}, "imet": {"programme": "IMET"}}}
    (tmp_path / "notebooks" / "runs.json").write_text(json.dumps(runs))
    monkeypatch.setenv("PAKUS_ROOT", str(tmp_path))
    assert reports_main(["--out", str(tmp_path / "reports")]) == 2
    err = capsys.readouterr().err
    assert "notebooks/runs.json: 02_aid_history.ipynb: unknown parameter(s) 'programme'" in err
    assert not list((tmp_path / "reports").glob("*.ipynb"))  # not even the default run


def test_a_misspelt_parameter_name_is_an_error_before_the_run(tmp_path):
    with pytest.raises(ParameterError) as err:
        run(tmp_path, "02_aid_history", programes=["IMET"])
    assert str(err.value).startswith("02_aid_history.ipynb: unknown parameter(s) 'programes'; ")
    assert "its parameters are corpus, programmes, start, end" in str(err.value)
    assert not (tmp_path / "02_aid_history.ipynb").exists()


def test_a_misspelt_parameter_name_stops_papermill_called_directly(tmp_path):
    # papermill itself only warns ("Passed unknown parameter"); the checking cell stops
    with pytest.raises(PapermillExecutionError) as err:
        papermill.execute_notebook(
            str(NOTEBOOKS / "03_counterterrorism_convergence.ipynb"), str(tmp_path / "out.ipynb"),
            parameters={"group": "TTP"}, cwd=str(NOTEBOOKS), kernel_name="python3",
            progress_bar=False,
        )  # fmt: skip
    assert err.value.ename == "ParameterError"
    assert "03_counterterrorism_convergence.ipynb: unknown parameter(s) 'group'" in str(err.value)


def test_a_corpus_of_ones_own(tmp_path, corpus_copy):
    for doc in corpus_copy.glob("00[1-4]*.txt"):
        doc.unlink()
    text = findings(run(tmp_path, "02_aid_history", corpus=str(corpus_copy)))
    assert "from **1** document:" in text


def test_reference_layers_switch(tmp_path):
    on = outputs_text(run(tmp_path, "02_aid_history"))
    off = outputs_text(run(tmp_path, "02_aid_history", reference_layers=False))
    assert "reference layers switched off" in off and "reference layers switched off" not in on
    assert "reference milestones in the period, the corpus confirms" in on
    # the resumption the aid table shows (IMET, 2019-12) confirms the milestone that tells it
    assert "IMET resumption approved (2019-12)" in on.split("Confirmed: ", 1)[1]
    # the CRS table is shown, with CSF withheld in FY2017 and FY2018
    assert "FY2017" in on and "FY2017" not in off


def test_a_researchers_own_milestones_are_compared_by_the_same_rule(tmp_path):
    own = tmp_path / "mine.csv"
    own.write_text(
        "date,date_end,precision,what,plover_type,source_country,target_country,source,note\n"
        "2019-12,,month,Training resumed,COOPERATE,USA,PAK,my notes,\n"
        "2019-12,,month,Pakistan resumed training,COOPERATE,PAK,USA,my notes,\n"
    )
    text = outputs_text(run(tmp_path, "02_aid_history", milestones=str(own)))
    # the corpus tells the US resumption of IMET in December 2019, not a Pakistani one
    assert "Of **2** milestones of your table in the period, the corpus confirms **1**" in text
    assert "Confirmed: Training resumed (2019-12)." in text


def test_reference_layer_must_be_a_flag(tmp_path):
    with pytest.raises(PapermillExecutionError) as err:
        run(tmp_path, "01_bilateral_cycles", reference_layers="yes")
    assert "reference_layers: 'yes' must be True or False" in str(err.value)


def test_source_criticism_parameters_change_the_results(tmp_path):
    default = findings(run(tmp_path, "04_source_criticism"))
    any_fact = findings(run(tmp_path, "04_source_criticism", min_corroboration=1))
    three = findings(
        run(tmp_path, "04_source_criticism", **RUNS["04_source_criticism"]["three_documents"])
    )
    assert "are told by at least 2 document(s)" in default
    assert "are told by at least 1 document(s)" in any_fact
    assert "The chosen **3** document(s)" in three
    assert default != any_fact != three


def test_source_criticism_rejects_unknown_documents(tmp_path):
    with pytest.raises(PapermillExecutionError) as err:
        run(tmp_path, "04_source_criticism", documents=["999_nowhere"])
    assert "documents: unknown document id(s) '999_nowhere'" in str(err.value)


def test_list_parameters_accept_one_string(tmp_path):
    text = findings(run(tmp_path, "02_aid_history", programmes="IMET"))
    assert "across 1 programme(s)" in text


def test_a_bool_is_rejected_where_a_whole_number_is_meant(tmp_path):
    with pytest.raises(PapermillExecutionError) as err:
        run(tmp_path, "01_bilateral_cycles", window=True)
    assert "window: True must be a whole number, 1 or more" in str(err.value)
    assert err.value.ename == "ParameterError"


def test_an_empty_corpus_says_there_is_nothing_to_analyse(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    (corpus / "corpus.csv").write_text("id,file,title,outlet,author,published,published_basis\n")
    for name in (
        "01_bilateral_cycles", "02_aid_history", "03_counterterrorism_convergence",
        "04_source_criticism",
    ):  # fmt: skip
        assert findings(run(tmp_path, name, corpus=str(corpus))).startswith("Nothing to analyse")


def test_figures_and_citations_are_saved_beside_the_report(tmp_path):
    figures = tmp_path / "figs"
    run(tmp_path, "04_source_criticism", figures=str(figures))
    assert {p.suffix for p in figures.iterdir()} == {".svg", ".pdf", ".bib", ".json"}
