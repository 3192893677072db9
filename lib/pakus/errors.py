"""Errors that name the file and the problem."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be read: the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CorpusError(Exception):
    """A corpus metadata table (corpus.csv) that is malformed: names file, row and column."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}: {p}" for p in problems))


class ParameterError(ValueError):
    """A parameter value that is not allowed: the message names the parameter and the choices."""


class OutputError(Exception):
    """An output folder that cannot be written (a file, read-only, locked by another build):
    one line naming the folder and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
