"""Notebook parameters: one typed model of them, read, documented and checked before a run.

The run parameters (`event_id`, `language`, `jurisdiction`, `as_of`, and the cover's
optional `author` and `organisation`) are declared once, in `RunParameters`, a frozen
dataclass whose allowed values come from where each vocabulary lives: the jurisdictions
and levels from the data package's descriptor (`schema`), the languages from the label
catalogue (`i18n.LANGUAGES`: an edition needs every label in its language). Each
notebook declares the same parameters in one cell tagged `parameters`, in papermill's
typed form (`language: str = "en"  # "en" or "zh"`), so `papermill --help-notebook`
documents them too; a test keeps those cells and the model in step. papermill itself
does not check types and only warns about unknown names, so every run goes through
`validate` first (the build, `ipdossier params`) or `RunParameters` (a notebook's
`setup`, under plain papermill or in JupyterLab).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import schema
from .errors import ParameterError
from .i18n import LANGUAGES

_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


def run_jurisdictions() -> tuple[str, ...]:
    """What a run may be filtered to: everything, the national level, or a province."""
    return ("all", schema.levels()[0], *schema.provinces())


def __getattr__(name: str) -> tuple[str, ...]:
    # The vocabulary as a module constant for older imports, read when first asked for.
    if name == "JURISDICTIONS":
        return run_jurisdictions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _one_of(values: tuple[str, ...]) -> str:
    quoted = [f'"{v}"' for v in values]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else quoted[0]


class YamlLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that no scalar becomes a date: an unquoted
    `2017-13-45` is then a string the as_of check rejects by name, instead of a
    traceback from YAML's own date constructor (params files, `ipdossier params -p`)."""


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, where: str) -> object:
    """`text` read as YAML, dates left as strings; not YAML raises a ParameterError
    naming `where`."""
    try:
        return yaml.load(text, Loader=YamlLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ParameterError(f"{where}: not valid YAML: {exc}") from None


@dataclass(frozen=True)
class Parameter:
    """A parameter as a notebook's parameters cell declares it."""

    name: str
    type_name: str
    default: object
    help: str

    @property
    def allowed(self) -> str:
        rule = _RULES.get(self.name)
        return rule[1]() if rule else ""


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
    if value not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(map(repr, LANGUAGES))}")


def _check_jurisdiction(value: str) -> None:
    if value not in run_jurisdictions():
        raise ValueError(f"must be one of {', '.join(map(repr, run_jurisdictions()))}")


def _check_as_of(value: str) -> None:
    if value == "":
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be empty or a date YYYY-MM-DD") from None
    if len(value) != 10:
        raise ValueError("must be empty or a date YYYY-MM-DD")


# A name printed on the cover: one line of text, as long as a long institution's name.
TEXT_LIMIT = 120


def _check_cover_text(value: str) -> None:
    """One line of plain text for the cover, or empty: no control characters (a newline, a
    tab, an escape), no line or paragraph separators, at most TEXT_LIMIT characters."""
    import unicodedata

    if len(value) > TEXT_LIMIT:
        raise ValueError(f"must be at most {TEXT_LIMIT} characters (has {len(value)})")
    bad = next((ch for ch in value if unicodedata.category(ch) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise ValueError(f"must be one line of text without control characters (has {bad!r})")


_ONE_LINE = f'"" (none) or one line of up to {TEXT_LIMIT} characters'


def _check_event_id(value: str) -> None:
    from . import data

    # A DataError (the package cannot be read) is not a ValueError: it propagates as
    # what it is, not as a bad event_id.
    events = data.load().events
    known = set(events["event_id"].dropna())
    if value not in known:
        top = events[events["parent_event_id"].isna()]["event_id"].dropna()
        raise ValueError(f"no such event in data/events.csv (have: {', '.join(sorted(top))})")


_RULES = {
    "language": (_check_language, lambda: _one_of(LANGUAGES)),
    "jurisdiction": (_check_jurisdiction, lambda: _one_of(run_jurisdictions())),
    "as_of": (_check_as_of, lambda: '"" (no cut-off) or a date YYYY-MM-DD'),
    "event_id": (_check_event_id, lambda: "an event_id of data/events.csv"),
    "author": (_check_cover_text, lambda: _ONE_LINE),
    "organisation": (_check_cover_text, lambda: _ONE_LINE),
}


def check_values(values: dict, *, where: str = "parameters") -> dict:
    """Check values against the allowed ranges alone (used inside a running notebook)."""
    for name, value in values.items():
        rule = _RULES.get(name)
        if rule is None:
            continue
        try:
            rule[0](value)
        except ValueError as exc:
            raise ParameterError(f"{where}: parameter {name}={value!r} {exc}") from None
    return values


@dataclass(frozen=True)
class RunParameters:
    """The parameters of a run, typed and checked: constructing one with a value out of
    range, of the wrong type or an unknown name raises a ParameterError naming it."""

    event_id: str = "bth-2017-baoding"
    language: str = "en"
    jurisdiction: str = "all"
    as_of: str = ""
    # Printed on the cover when given; the chapters do not depend on them.
    author: str = ""
    organisation: str = ""

    def __post_init__(self) -> None:
        self.check(dataclasses.asdict(self), where="parameters")

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def types(cls) -> dict[str, type]:
        return typing.get_type_hints(cls)

    @classmethod
    def defaults(cls) -> dict[str, object]:
        return {f.name: f.default for f in dataclasses.fields(cls)}

    @classmethod
    def check(cls, values: dict, *, where: str, data: bool = True) -> dict:
        """`values` (a subset of the parameters) checked for names, types and ranges;
        without `data`, event_id is left for when the data package has been checked."""
        unknown = sorted(set(values) - set(cls.names()))
        if unknown:
            raise ParameterError(
                f"{where}: unknown parameter {unknown[0]!r} (declared: {', '.join(cls.names())})"
            )
        types = cls.types()
        for name, value in values.items():
            if not isinstance(value, types[name]):
                raise ParameterError(
                    f"{where}: parameter {name}: expected {types[name].__name__}, "
                    f"got {type(value).__name__} {value!r}"
                )
        if not data:
            values = {k: v for k, v in values.items() if k != "event_id"}
        return check_values(values, where=where)

    @classmethod
    def from_values(cls, values: dict, *, where: str) -> RunParameters:
        cls.check(values, where=where)
        return cls(**values)


def _coerce(param: Parameter, value: object) -> object:
    expected = _TYPES.get(param.type_name)
    if expected is None:
        return value
    # A caller may pass a date (papermill's own YAML reads an unquoted 2017-07-06 as one).
    if expected is str and param.name == "as_of" and isinstance(value, dt.date):
        return value.isoformat()
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise TypeError(f"expected {param.type_name}, got {type(value).__name__} {value!r}")
    return value


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
