"""Packaging: pyproject.toml and environment.yml list the same dependencies, and the package
installs (non-editable) and runs outside the repository."""

import json
import os
import re
import shutil
import subprocess
import sysconfig
import tomllib
import venv
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda == wanted


def test_console_script_and_package_location():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["pakus"] == "pakus.cli:main"
    assert project["tool"]["setuptools"]["packages"]["find"]["where"] == ["lib"]


def test_gitignore_keeps_lib():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "lib/" not in ignored and "lib" not in ignored


def test_non_editable_install_runs_outside_the_repository(tmp_path):
    """``pip install .`` (not ``-e``) into a fresh venv; from a folder outside the repository
    ``pakus extract FILE --published DATE`` and ``pakus build --corpus DIR --out DIR`` work, and
    the reference tables come from the installed package. Offline: the venv sees this
    interpreter's site-packages (third-party dependencies, pip, setuptools) through a .pth
    file, and pakus itself is built from a copy of the sources."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "lib", source / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    venv_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(venv_dir)
    bindir = venv_dir / ("Scripts" if os.name == "nt" else "bin")
    python = next(p for p in (bindir / "python", bindir / "python.exe") if p.exists())
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    parents = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "_parent_env.pth").write_text("\n".join(sorted(parents)) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PAKUS_ROOT", "PAKUS_REFERENCE"}}  # fmt: skip
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*cmd) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(c) for c in cmd], cwd=work, env=env, capture_output=True, text=True, timeout=600
        )

    pip = run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
              "--no-index", source)  # fmt: skip
    assert pip.returncode == 0, pip.stderr
    where = run(python, "-c", "import pakus, pakus.reference as r; print(pakus.__file__); print(r.reference_dir())")  # fmt: skip
    module, reference = where.stdout.split()
    assert Path(module).is_relative_to(venv_dir) and Path(reference).is_relative_to(venv_dir)
    assert (Path(reference) / "triggers.csv").is_file()

    corpus = work / "corpus"
    shutil.copytree(ROOT / "tests" / "documents", corpus)
    pakus = bindir / "pakus"
    extract = run(pakus, "extract", corpus / "salala_2011.txt", "--published", "2011-11-27")
    assert extract.returncode == 0, extract.stderr
    rows = [json.loads(line) for line in extract.stdout.splitlines()]
    assert any(r["kind"] == "event" for r in rows) and any(r["kind"] == "entity" for r in rows)
    build = run(pakus, "build", "--corpus", corpus, "--out", work / "out", "--quiet")
    assert build.returncode == 0, build.stderr
    documents = (work / "out" / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 1 + len(list(corpus.glob("*.txt")))
    assert (work / "out" / "events.csv").stat().st_size > 0


def test_licence_citation_and_constraints_agree_with_pyproject():
    """LICENSE is the licence pyproject names; CITATION.cff (CFF 1.2.0) has the required keys
    and pyproject's version; constraints.txt pins every dependency and never pakus itself."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(cff) and all("name" in a for a in cff["authors"])
    assert (cff["version"], cff["license"]) == (project["version"], project["license"])
    pins = {
        _name(line): line
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert "pakus" not in pins and all("==" in line for line in pins.values())
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    assert wanted <= set(pins), wanted - set(pins)
