"""pyproject.toml and environment.yml list the same dependencies."""

import re
import tomllib
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
    pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    conda |= {_name(r) for r in (pip[0] if pip else []) if not r.startswith("-")}
    assert conda == wanted


def test_console_script_and_package_location():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["pakus"] == "pakus.cli:main"
    assert project["tool"]["setuptools"]["packages"]["find"]["where"] == ["lib"]


def test_gitignore_keeps_lib():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "lib/" not in ignored and "lib" not in ignored
