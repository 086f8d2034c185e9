"""Load the dossier data package into pandas.

Tables come back typed according to their Table Schema (integers as nullable Int64,
dates as datetime64, booleans as boolean), with empty cells as missing values: unknown
stays unknown.

A Chinese edition reads the package `localised("zh")`: each value that `names_zh` gives a
Chinese form (an organisation's name, a figure's noun, a speech's theme) comes back in
Chinese in its own table and column, so every chart and table built from it shows it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .paths import datapackage_path

_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


@dataclass
class Dossier:
    """The data package: its descriptor and lazily loaded tables."""

    path: Path
    descriptor: dict = field(repr=False)
    language: str = "en"

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def resource_names(self) -> list[str]:
        return [r["name"] for r in self.descriptor["resources"]]

    def resource(self, name: str) -> dict:
        for r in self.descriptor["resources"]:
            if r["name"] == name:
                return r
        raise KeyError(f"{self.path}: no resource named {name!r}")

    def table(self, name: str) -> pd.DataFrame:
        df = self._tables[name].copy()
        if self.language == "zh" and name != "names_zh" and "names_zh" in self.resource_names:
            df = _apply_zh(df, self.resource(name), self._tables["names_zh"])
        return df

    def localised(self, language: str) -> Dossier:
        """The same package, its values shown in `language` where the data gives them."""
        return Dossier(path=self.path, descriptor=self.descriptor, language=language)

    @cached_property
    def _tables(self) -> dict[str, pd.DataFrame]:
        # A warm kernel loads the package for every notebook and variant: parsed tables
        # are kept while none of the files has changed (tables are handed out as copies).
        files = [self.path] + [self.root / self.resource(n)["path"] for n in self.resource_names]
        key = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
        if key not in _PARSED:
            if len(_PARSED) >= 4:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[key] = {
                name: _read_table(self.root, self.resource(name)) for name in self.resource_names
            }
        return _PARSED[key]

    def __getattr__(self, name: str) -> pd.DataFrame:
        # Attribute access (dossier.figures) keeps notebook code readable.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.table(name)
        except KeyError as exc:
            raise AttributeError(name) from exc

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))


_PARSED: dict[tuple, dict[str, pd.DataFrame]] = {}


def _apply_zh(df: pd.DataFrame, resource: dict, names: pd.DataFrame) -> pd.DataFrame:
    rows = names[names["resource"] == resource["name"]]
    key = resource["schema"].get("primaryKey")
    if rows.empty or not isinstance(key, str) and len(key or []) != 1:
        return df
    key = key if isinstance(key, str) else key[0]
    for column, group in rows.groupby("column"):
        if column not in df.columns:
            continue
        zh = dict(zip(group["key"], group["zh"], strict=True))
        found = df[key].astype("string").map(zh)
        df[column] = found.where(found.notna(), df[column]).astype(df[column].dtype)
    return df


def _read_table(root: Path, resource: dict) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    raw = pd.read_csv(root / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8")
    out = pd.DataFrame(index=raw.index)
    for f in fields:
        col = raw[f["name"]].replace("", pd.NA)
        kind = f.get("type", "string")
        if kind == "date":
            out[f["name"]] = pd.to_datetime(col, format="%Y-%m-%d")
        elif kind == "boolean":
            out[f["name"]] = col.map({"true": True, "false": False}).astype("boolean")
        elif kind in ("integer", "number"):
            out[f["name"]] = pd.to_numeric(col).astype(_DTYPES[kind])
        else:
            out[f["name"]] = col.astype("string")
    return out


def load(data: Path | str | None = None) -> Dossier:
    """Load the package at `data` (a directory or datapackage.json; default: data/)."""
    path = datapackage_path(data)
    with open(path, encoding="utf-8") as fh:
        descriptor = json.load(fh)
    return Dossier(path=path, descriptor=descriptor)
