"""Execute the notebooks with papermill, with their default and alternative parameters.

    python -m pakus.reports              every run of notebooks/runs.json into reports/
    python -m pakus.reports --in-place   re-execute each notebook in place (committed outputs)

``notebooks/runs.json`` maps each notebook to named parameter sets; the run ``default`` uses the
notebook's own defaults. Each run writes ``reports/<notebook>__<run>.ipynb``, an HTML copy, and
its figures (SVG and PDF) and citations (BibTeX, CSL-JSON) in ``reports/<notebook>__<run>_figures/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pakus.analysis.checks import check_parameter_names
from pakus.errors import ParameterError
from pakus.reference import project_root

CELL_TIMEOUT = 600
"""Seconds any one cell may run."""


def runs(root: Path) -> dict[str, dict[str, dict]]:
    """The parameter sets of every notebook, from ``notebooks/runs.json``."""
    path = root / "notebooks" / "runs.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path) -> None:
    """Run one notebook with papermill (absolute paths, kernel ``python3``, a cell timeout).

    Raises ParameterError, before any cell runs, naming the notebook and any parameter it
    does not declare (``pakus.analysis.checks.check_parameter_names``); a bad value stops the
    notebook's checking cell (PapermillExecutionError whose ``ename`` is ParameterError)."""
    import papermill as pm

    check_parameter_names(notebook, parameters)

    pm.execute_notebook(
        str(notebook.resolve()),
        str(output.resolve()),
        parameters=parameters,
        kernel_name="python3",
        cwd=str(cwd.resolve()),
        execution_timeout=CELL_TIMEOUT,
        progress_bar=False,
    )


def to_html(notebook: Path) -> Path:
    """Write an HTML copy of an executed notebook beside it."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_filename(str(notebook))
    html = notebook.with_suffix(".html")
    html.write_text(body, encoding="utf-8")
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-place", action="store_true", help="re-execute notebooks in place")
    parser.add_argument("--out", type=Path, default=None, help="folder for reports (reports/)")
    args = parser.parse_args(argv)
    root = project_root()
    notebooks = root / "notebooks"
    plan = runs(root)
    if not plan:
        print("no notebooks to run (notebooks/runs.json is missing or empty)")
        return 0
    try:  # every run's names, before the first notebook runs for minutes
        for name, sets in plan.items():
            for parameters in sets.values():
                check_parameter_names(notebooks / f"{name}.ipynb", parameters)
    except ParameterError as err:
        print(f"notebooks/runs.json: {err}", file=sys.stderr)
        return 2
    out = (args.out or root / "reports").resolve()
    out.mkdir(parents=True, exist_ok=True)
    for name, sets in plan.items():
        notebook = notebooks / f"{name}.ipynb"
        if args.in_place:
            print(f"executing {notebook.name} in place", flush=True)
            execute(notebook, notebook, {}, notebooks)
            continue
        for run, parameters in sets.items():
            target = out / f"{name}__{run}.ipynb"
            print(f"executing {notebook.name} [{run}] -> {target}", flush=True)
            figures = out / f"{name}__{run}_figures"
            execute(notebook, target, {"figures": str(figures), **parameters}, notebooks)
            to_html(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
