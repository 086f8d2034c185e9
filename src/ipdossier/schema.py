"""The data package's descriptor (data/datapackage.json) as the one source of its facts
about itself: each table's columns and primary key, and the vocabularies its fields'
`constraints.enum` allow (jurisdictions, levels, qualifiers, organisation types). The
languages of the editions are not the data's but the label catalogue's (`i18n`).

The run parameters, the charts and the extractor read these here rather than writing
them out again, so that adding a jurisdiction or a qualifier to the package is one edit
that `ipdossier check` enforces. Only `json` is needed: reading a vocabulary must not
cost a pandas import (the CLI validates parameters before anything heavy starts).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .paths import datapackage_path


def read_descriptor(data: Path | str | None = None) -> tuple[Path, dict]:
    """The path and parsed content of datapackage.json; a DataError names the line and
    column of broken JSON, or what is missing from the descriptor."""
    path = datapackage_path(data)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(str(path), f"cannot read the data package: {exc.strerror}") from None
    return path, _parse(path, raw)


# Parsed once per content (not per time and size: a same-length edit within the file
# system's clock tick is a new descriptor), as the tables are (data.Dossier._tables).
@lru_cache(maxsize=8)
def _parse(path: Path, raw: bytes) -> dict:
    try:
        # Newlines as text mode reads them, so that errors name the same line and column.
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise DataError(path.name, f"not UTF-8 (byte {exc.start}): {exc.reason}") from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            path.name, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not resources:
        raise DataError(path.name, "no 'resources' list: not a data package descriptor")
    for i, r in enumerate(resources, start=1):
        fields = r.get("schema", {}).get("fields") if isinstance(r, dict) else None
        if not isinstance(r, dict) or not r.get("name") or not r.get("path"):
            raise DataError(path.name, f"resource {i} has no 'name' and 'path'")
        if not isinstance(fields, list) or not all(isinstance(f, dict) for f in fields):
            raise DataError(path.name, f"resource {r['name']!r} has no 'schema.fields' list")
    return descriptor


def resource(name: str, data: Path | str | None = None) -> dict:
    path, descriptor = read_descriptor(data)
    for r in descriptor["resources"]:
        if r["name"] == name:
            return r
    raise DataError(path.name, f"no resource named {name!r}")


def columns(name: str, data: Path | str | None = None) -> list[str]:
    """The columns of table `name`, in the schema's order."""
    return [f["name"] for f in resource(name, data)["schema"]["fields"]]


def primary_key(name: str, data: Path | str | None = None) -> list[str]:
    key = resource(name, data)["schema"].get("primaryKey") or []
    return [key] if isinstance(key, str) else list(key)


def enum(table: str, field: str, data: Path | str | None = None) -> tuple[str, ...]:
    """The values `field` of `table` may take (its `constraints.enum`)."""
    for f in resource(table, data)["schema"]["fields"]:
        if f["name"] == field:
            values = f.get("constraints", {}).get("enum")
            if not values:
                raise DataError("datapackage.json", f"{table}.{field} declares no enum")
            return tuple(values)
    raise DataError("datapackage.json", f"{table} has no field {field!r}")


# -- the vocabularies, each read from one field ----------------------------------------------


def jurisdictions(data: Path | str | None = None) -> tuple[str, ...]:
    """The country first, then the province-level jurisdictions: ("China", "Beijing", ...)."""
    return enum("organisations", "jurisdiction", data)


def provinces(data: Path | str | None = None) -> tuple[str, ...]:
    """The province-level jurisdictions (every jurisdiction but the country, listed first)."""
    return jurisdictions(data)[1:]


def levels(data: Path | str | None = None) -> tuple[str, ...]:
    """Levels of government from the centre outwards: ("national", "provincial", ...)."""
    return enum("organisations", "level", data)


def qualifiers(data: Path | str | None = None) -> tuple[str, ...]:
    return enum("figures", "qualifier", data)


def organisation_types(data: Path | str | None = None) -> tuple[str, ...]:
    return enum("organisations", "type", data)
