"""tasks.py lab: extra arguments go to JupyterLab; as root it adds --allow-root. And pakus
build's default output folder beside the corpus."""

import importlib.util
from pathlib import Path

from pakus.build import default_out

ROOT = Path(__file__).resolve().parents[1]


def load_tasks():
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lab_passes_arguments_and_allows_root(monkeypatch):
    tasks = load_tasks()
    calls = []
    monkeypatch.setattr(tasks, "run", lambda *cmd: calls.append([str(c) for c in cmd]))
    monkeypatch.setattr(tasks.os, "geteuid", lambda: 0, raising=False)
    tasks.lab("--port", "8890")
    assert calls[-1][1:] == ["lab", "notebooks", "--allow-root", "--port", "8890"]
    monkeypatch.setattr(tasks.os, "geteuid", lambda: 1000, raising=False)
    tasks.lab()
    assert calls[-1][1:] == ["lab", "notebooks"]


def test_build_writes_beside_the_corpus_by_default(tmp_path):
    assert default_out(tmp_path / "data" / "raw") == tmp_path / "data" / "processed"
    assert default_out(tmp_path / "mine") == tmp_path / "mine-processed"
    assert default_out(ROOT / "data" / "raw") == ROOT / "data" / "processed"
