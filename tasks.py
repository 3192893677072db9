#!/usr/bin/env python3
"""The project's tasks, needing nothing but Python 3.11+ (it sets up ``.venv`` itself).

python3 tasks.py reports     build the fact tables and execute every notebook into reports/
python3 tasks.py test        lint, unit tests, notebook validation (nbval) and papermill runs
python3 tasks.py notebooks   re-execute the notebooks in place (refresh committed outputs)
python3 tasks.py lab [ARGS]  open JupyterLab with the project's environment (ARGS go to
                             JupyterLab, e.g. --port 8890 --no-browser; --allow-root as root)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".pakus-installed"


def run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


CONSTRAINTS = ROOT / "constraints.txt"
"""The versions the test suite last passed with (pip freeze of the tested venv, less pakus)."""


def setup() -> None:
    """Create .venv and install the package (editable) with its dev tools at the tested
    versions (constraints.txt), once per pyproject.toml and constraints.txt."""
    digest = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + b"\0" + CONSTRAINTS.read_bytes()
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest and PY.exists():
        return
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, "-e", ".[dev]")
    STAMP.write_text(digest)


def reports() -> None:
    run(BIN / "pakus", "build")
    run(PY, "-m", "pakus.reports")


def test() -> None:
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(PY, "-m", "pytest", "-p", "no:cacheprovider", "tests")
    run(
        PY, "-m", "pytest", "-p", "no:cacheprovider", "notebooks", "--nbval",
        "--nbval-sanitize-with", "notebooks/nbval_sanitize.cfg", "--nbval-cell-timeout", "600",
    )  # fmt: skip


def notebooks() -> None:
    run(PY, "-m", "pakus.reports", "--in-place")


def lab(*extra: str) -> None:
    """JupyterLab on notebooks/, with any further arguments passed on (``python3 tasks.py lab
    --port 8890``); as root (containers) it adds ``--allow-root``, which Jupyter requires."""
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    run(BIN / "jupyter", "lab", "notebooks", *root, *extra)


TASKS = {"reports": reports, "test": test, "notebooks": notebooks, "lab": lab}

if __name__ == "__main__":
    if (
        len(sys.argv) < 2
        or sys.argv[1] not in TASKS
        or (len(sys.argv) > 2 and sys.argv[1] != "lab")
    ):
        print(__doc__)
        sys.exit(2)
    setup()
    try:
        TASKS[sys.argv[1]](*sys.argv[2:])
    except subprocess.CalledProcessError as err:
        sys.exit(err.returncode)
