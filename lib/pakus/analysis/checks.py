"""Checks of notebook parameters beyond periods and choices (``pakus.analysis.facts``): list
parameters given as one string, whole numbers that are not booleans, coalitions, and the plain
message for a corpus with nothing to analyse."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pakus.errors import ParameterError

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
