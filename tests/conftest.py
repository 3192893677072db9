from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus."""
    dest = tmp_path / "raw"
    shutil.copytree(RAW, dest)
    return dest
