"""Notebook parameters: read them, document them, and validate values before a run.

Each notebook declares its parameters in one cell tagged `parameters`, in papermill's
typed form (`language: str = "en"  # "en" or "zh"`), so `papermill --help-notebook`
documents them too. papermill itself does not check types and only warns about unknown
names, so every run goes through `validate` first; the allowed values live here, next
to the checks, so notebooks, the build and the CLI agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "zh")
JURISDICTIONS = ("all", "national", "Beijing", "Tianjin", "Hebei")

_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


class ParameterError(ValueError):
    """A parameter value is unknown, of the wrong type, or out of range."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type_name: str
    default: object
    help: str

    @property
    def allowed(self) -> str:
        rule = _RULES.get(self.name)
        return rule.__doc__.strip() if rule and rule.__doc__ else ""


def read_parameters(notebook: Path | str) -> dict[str, Parameter]:
    """The parameters a notebook declares, with their types, defaults and help."""
    path = Path(notebook)
    if not path.is_file():
        raise ParameterError(f"{path}: no such notebook")
    stat = path.stat()
    # A build validates every variant against every notebook: parse each file once.
    return dict(_read_parameters(path.resolve(), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=64)
def _read_parameters(path: Path, mtime_ns: int, size: int) -> dict[str, Parameter]:
    import papermill  # here: importing this module (for ParameterError) stays light

    try:
        found = papermill.inspect_notebook(str(path))
    except Exception as exc:  # papermill raises several types for unreadable notebooks
        raise ParameterError(f"{path}: cannot read its parameters cell: {exc}") from exc
    out = {}
    for name, info in found.items():
        default = info.get("default")
        out[name] = Parameter(
            name=name,
            type_name=info.get("inferred_type_name") or "None",
            default=_literal(default),
            help=(info.get("help") or "").strip(),
        )
    return out


def _literal(source: str | None) -> object:
    import ast

    if source is None:
        return None
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source


def _check_language(value: str) -> None:
    """ "en" or "zh" """
    if value not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(map(repr, LANGUAGES))}")


def _check_jurisdiction(value: str) -> None:
    """ "all", "national", "Beijing", "Tianjin" or "Hebei" """
    if value not in JURISDICTIONS:
        raise ValueError(f"must be one of {', '.join(map(repr, JURISDICTIONS))}")


def _check_as_of(value: str) -> None:
    """ "" (no cut-off) or a date YYYY-MM-DD"""
    if value == "":
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be empty or a date YYYY-MM-DD") from None
    if len(value) != 10:
        raise ValueError("must be empty or a date YYYY-MM-DD")


def _check_event_id(value: str) -> None:
    """an event_id of data/events.csv"""
    from . import data

    events = data.load().events
    known = set(events["event_id"].dropna())
    if value not in known:
        top = events[events["parent_event_id"].isna()]["event_id"].dropna()
        raise ValueError(f"no such event in data/events.csv (have: {', '.join(sorted(top))})")


_RULES = {
    "language": _check_language,
    "jurisdiction": _check_jurisdiction,
    "as_of": _check_as_of,
    "event_id": _check_event_id,
}


def _coerce(param: Parameter, value: object) -> object:
    expected = _TYPES.get(param.type_name)
    if expected is None:
        return value
    # YAML reads an unquoted 2017-07-06 as a date; for a date parameter that is no mistake.
    if expected is str and param.name == "as_of" and isinstance(value, dt.date):
        return value.isoformat()
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise TypeError(f"expected {param.type_name}, got {type(value).__name__} {value!r}")
    return value


def check_values(values: dict, *, where: str = "parameters") -> dict:
    """Check values against the allowed ranges alone (used inside a running notebook)."""
    for name, value in values.items():
        rule = _RULES.get(name)
        if rule is None:
            continue
        try:
            rule(value)
        except ValueError as exc:
            raise ParameterError(f"{where}: parameter {name}={value!r} {exc}") from None
    return values


def validate(notebook: Path | str, values: dict | None = None) -> dict:
    """The full, checked parameter set for a run of `notebook` with `values` over defaults.

    Raises ParameterError naming the notebook and the parameter on an unknown name, a
    wrong type or a value out of range."""
    path = Path(notebook)
    declared = read_parameters(path)
    if not declared:
        raise ParameterError(f"{path.name}: no cell tagged 'parameters'")
    values = dict(values or {})
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ParameterError(
            f"{path.name}: unknown parameter {unknown[0]!r} (declared: {', '.join(declared)})"
        )
    out = {}
    for name, param in declared.items():
        value = values.get(name, param.default)
        try:
            out[name] = _coerce(param, value)
        except TypeError as exc:
            raise ParameterError(f"{path.name}: parameter {name}: {exc}") from None
    return check_values(out, where=path.name)
