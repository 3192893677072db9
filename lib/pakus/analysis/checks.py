"""Checks of notebook parameters beyond periods and choices (``pakus.analysis.facts``): the
names a run sets (``notebook_parameters``, ``check_parameter_names``), list parameters given
as one string, whole numbers that are not booleans, folders, coalitions, and the plain message
for a corpus with nothing to analyse."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from pakus.errors import ParameterError
from pakus.reference import project_root

PLAIN_VALUES = (str, int, float, bool, list, tuple, dict, type(None))
"""The types a papermill parameter's value has (YAML or JSON values): a name in a notebook's
namespace holding anything else (a module, a function, a table) is not a parameter."""


def find_notebook(notebook: str | Path) -> Path:
    """The notebook file: ``notebook`` as given (relative to the working folder, which
    papermill's ``--cwd`` and Jupyter set to the notebook's folder), else in the project's
    ``notebooks/``. ParameterError when neither exists."""
    path = Path(notebook)
    for candidate in (path, project_root() / "notebooks" / path.name):
        if candidate.is_file():
            return candidate
    raise ParameterError(f"{notebook}: no such notebook (looked in . and notebooks/)")


def declared_parameters(notebook: str | Path) -> list[str]:
    """The parameters a notebook declares: the names its cell tagged ``parameters`` assigns,
    read with ``papermill.inspect_notebook`` (in order)."""
    import papermill

    return list(papermill.inspect_notebook(str(find_notebook(notebook))))


def check_parameter_names(notebook: str | Path, names: Iterable[str]) -> None:
    """ParameterError, naming the notebook and the parameter, for any of ``names`` (those a
    run sets: papermill's ``-p``/``-y``, ``runs.json``) that the notebook does not declare
    (``declared_parameters``): papermill itself only warns, and the notebook would run with
    its defaults."""
    declared = declared_parameters(notebook)
    unknown = [n for n in names if n not in declared]
    if unknown:
        raise ParameterError(
            f"{Path(notebook).name}: unknown parameter(s) {', '.join(map(repr, unknown))}; "
            f"its parameters are {', '.join(declared)}"
        )


def _assigned_names(notebook: Path) -> set[str]:
    """Every name a notebook's own code cells bind (assignments, imports, loops, functions),
    papermill's injected cell left out. Lines of IPython magics (``%``, ``!``) are skipped."""
    import nbformat

    names: set[str] = set()
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.metadata.get("tags", []):
            continue
        source = "\n".join(
            "" if re.match(r"\s*[%!]", line) else line for line in cell.source.splitlines()
        )
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.alias):
                names.add((node.asname or node.name).split(".")[0])
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
    return names


@contextmanager
def notebook_parameters(notebook: str, namespace: Mapping[str, object]) -> Iterator[None]:
    """The checking cell of a notebook: ``with notebook_parameters("02_aid_history.ipynb",
    globals()): params = aid.check_parameters(...)``.

    On entry, a ParameterError names the notebook and each name in ``namespace`` that holds a
    plain value (``PLAIN_VALUES``) but is neither one of the notebook's declared parameters
    nor bound by its own cells (``_assigned_names``): a misspelt parameter that papermill
    injected (``-p programes IMET``) or typed into the parameters cell, which would otherwise
    leave the intended one at its default. Inside, a ParameterError from any check (an
    unknown value) is raised again with the notebook's name in front, so that a researcher
    calling papermill directly gets the same error as ``pakus.reports``."""
    name = Path(notebook).name
    path = find_notebook(notebook)
    known = set(declared_parameters(path)) | _assigned_names(path) | {"In", "Out"}
    unknown = sorted(
        k for k, v in namespace.items()
        if not k.startswith("_") and k not in known and isinstance(v, PLAIN_VALUES)
    )  # fmt: skip
    if unknown:
        raise ParameterError(
            f"{name}: unknown parameter(s) {', '.join(map(repr, unknown))}; its parameters are "
            f"{', '.join(declared_parameters(path))}"
        )
    try:
        yield
    except ParameterError as err:
        message = str(err)
        raise ParameterError(
            message if message.startswith(name) else f"{name}: {message}"
        ) from None


def folder_name(name: str, value: object) -> str:
    """A folder parameter (``figures``): a non-empty path as text; ParameterError otherwise."""
    if isinstance(value, Path):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"{name}: {value!r} must be a folder name (text, not empty)")
    return value


DEFAULT_COALITIONS: dict[str, tuple[str, ...]] = {"USA": ("NATO", "ISAF")}
"""Bodies whose actions count for a side of a dyad by default: NATO and its International
Security Assistance Force (ISAF) act for the US side, since US aircraft and troops in
Afghanistan operated under their command (e.g. the Salala border strike of 26 November 2011,
CRS R41856)."""


def as_list(name: str, value: object) -> list[str]:
    """A list parameter: a single string is a list of one (``papermill -p programmes IMET``),
    a list or tuple of strings is itself. ParameterError for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ParameterError(f"{name}: {value!r} must be a name or a list of names")


def whole_number(name: str, value: object, minimum: int = 1) -> int:
    """An int parameter of at least ``minimum``; ParameterError for a bool, a float or text
    (``True`` is an int to Python, never to a researcher)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ParameterError(f"{name}: {value!r} must be a whole number, {minimum} or more")
    return value


def check_coalitions(
    value: object, sides: Iterable[str], known: Iterable[str]
) -> dict[str, frozenset[str]]:
    """``coalitions``: a mapping side → gazetteer ids of the bodies that act for it
    (``{"USA": ["NATO", "ISAF"]}``), ``None`` or ``{}`` for none, or a string
    ``"USA=NATO+ISAF"`` (sides separated by ``;``). Each side must be one of ``sides`` and each
    body one of ``known``; ParameterError naming the bad value and the choices otherwise."""
    if value is None or value == "" or value == {}:
        return {}
    if isinstance(value, str):
        parsed: dict[str, list[str]] = {}
        for part in value.split(";"):
            side, eq, bodies = part.partition("=")
            if not eq:
                raise ParameterError(
                    f"coalitions: {value!r} must read SIDE=BODY+BODY (e.g. 'USA=NATO+ISAF')"
                )
            parsed[side.strip()] = [b.strip() for b in bodies.split("+") if b.strip()]
        value = parsed
    if not isinstance(value, Mapping):
        raise ParameterError(
            f"coalitions: {value!r} must map a side to bodies, e.g. {DEFAULT_COALITIONS}"
        )
    sides, known = list(sides), set(known)
    out = {}
    for side, bodies in value.items():
        if side not in sides:
            raise ParameterError(
                f"coalitions: unknown side {side!r}; choose from {', '.join(sides)}"
            )
        members = as_list(f"coalitions[{side!r}]", bodies)
        unknown = [b for b in members if b not in known]
        if unknown:
            raise ParameterError(
                f"coalitions: unknown body {', '.join(map(repr, unknown))} for {side}; "
                f"give gazetteer ids of organisations (e.g. NATO, ISAF)"
            )
        out[side] = frozenset(members)
    return out


def nothing_to_analyse(documents: int, items: int, what: str) -> str | None:
    """The plain message for a corpus with no documents or none of ``what`` (e.g. "dated
    events between the two sides"), or None when there is something to analyse."""
    if documents == 0:
        return "Nothing to analyse: the corpus has no documents."
    if items == 0:
        return f"Nothing to analyse: the corpus's {documents} document(s) hold no {what}."
    return None
