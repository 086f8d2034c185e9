"""Load the dossier data package into pandas.

Tables come back typed according to their Table Schema (integers as nullable Int64,
dates as datetime64, booleans as boolean), with empty cells as missing values: unknown
stays unknown.

A Chinese edition reads the package `localised("zh")`: each value that `names_zh` gives a
Chinese form (an organisation's name, a figure's noun, a speech's theme) comes back in
Chinese in its own table and column, so every chart and table built from it shows it.

A package that cannot be read (a broken descriptor, a file that is not UTF-8, a missing
column, text in a numeric column) raises a DataError naming file, row and column: never
a pandas error that a caller could mistake for something else (a bad parameter).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .errors import DataError
from .schema import read_descriptor

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
        localise = (
            self.language == "zh" and name != "names_zh" and "names_zh" in self.resource_names
        )
        # Handed out as shallow copies: under pandas 3's Copy-on-Write a change to one
        # copies what it touches, never the kept table (a variant's notebooks read the tables
        # some eighty times, each read a deep copy until 2026-12-07).
        if not localise:
            return self._tables[name].copy(deep=False)
        # A chapter reads a table a few dozen times: its Chinese form is made once per
        # version of the data (kept beside the parsed tables) and handed out as copies.
        key = ("table", name, self.language)
        memo = self.memo
        if key not in memo:
            memo[key] = _apply_zh(
                self._tables[name].copy(), self.resource(name), self._tables["names_zh"]
            )
        return memo[key].copy(deep=False)

    @property
    def memo(self) -> dict:
        """What is derived from this version of the data and kept while it holds (derive's
        frames, the notebook's index of sources): dropped with the parsed tables when a
        file changes, so that nothing derived from old data outlives it."""
        return self._tables.memo

    def localised(self, language: str) -> Dossier:
        """The same package, its values shown in `language` where the data gives them."""
        other = Dossier(path=self.path, descriptor=self.descriptor, language=language)
        if "_tables" in self.__dict__:
            # The same version of the data as this one's, not the files as they are now.
            other.__dict__["_tables"] = self.__dict__["_tables"]
        return other

    @cached_property
    def _tables(self) -> dict[str, pd.DataFrame]:
        # A warm kernel loads the package for every notebook and variant: parsed tables
        # are kept while none of the files has changed (tables are handed out as copies).
        # Keyed by the files' content, not their times and sizes: a value corrected to
        # one of the same length within the file system's clock tick, or a file restored
        # with its old time (`cp -p`, an archive), is new data all the same. Hashing the
        # package (~0.3 MB) takes about a millisecond, once per `load()`.
        # Tables are parsed from the bytes hashed, so that a file changed in between
        # cannot be kept under the old content's key.
        files = [self.path] + [self.root / self.resource(n)["path"] for n in self.resource_names]
        try:
            content = {f: f.read_bytes() for f in files}
        except OSError as exc:
            raise DataError(Path(exc.filename).name, f"cannot be read: {exc.strerror}") from None
        key = tuple((str(f), hashlib.sha256(b).digest()) for f, b in content.items())
        if key not in _PARSED:
            if len(_PARSED) >= 4:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[key] = _Tables(self, content)
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


class _Tables(dict):
    """A package's tables, each parsed when first asked for: one table that cannot be read
    raises its DataError when it is read, and does not keep the others from being read
    (`ipdossier check` goes on to them)."""

    def __init__(self, dossier: Dossier, content: dict[Path, bytes]) -> None:
        super().__init__()
        self._dossier = dossier
        self._content = content
        self.memo: dict = {}

    def __missing__(self, name: str) -> pd.DataFrame:
        resource = self._dossier.resource(name)
        raw = self._content.get(self._dossier.root / resource["path"])
        table = _read_table(self._dossier.root, resource, raw)
        self[name] = table
        return table


_PARSED: dict[tuple, _Tables] = {}


# Names of people and organisations that the Chinese edition must print in Latin script:
# no page read gives their Chinese form (a pinyin name has many possible characters, so
# none is guessed). Each carries NO_ZH_MARK wherever it is printed, so a reader of the
# Chinese edition can tell a name kept as the report spells it from a slip of the editor.
MARKED_NAMES = {"people": "name", "organisations": "name"}
NO_ZH_MARK = "†"


def _apply_zh(df: pd.DataFrame, resource: dict, names: pd.DataFrame) -> pd.DataFrame:
    rows = names[names["resource"] == resource["name"]]
    key = resource["schema"].get("primaryKey")
    if not isinstance(key, str) and len(key or []) != 1:
        return df
    key = key if isinstance(key, str) else key[0]
    for column, group in rows.groupby("column"):
        if column not in df.columns:
            continue
        zh = dict(zip(group["key"], group["zh"], strict=True))
        found = df[key].astype("string").map(zh)
        df[column] = found.where(found.notna(), df[column]).astype(df[column].dtype)
    column = MARKED_NAMES.get(resource["name"])
    if column in df.columns:
        given = set(rows.loc[rows["column"] == column, "key"].astype(str))
        latin = df[column].notna() & ~df[key].astype("string").isin(given)
        df.loc[latin, column] = df.loc[latin, column].astype(str) + NO_ZH_MARK
    return df


def _read_table(root: Path, resource: dict, content: bytes | None = None) -> pd.DataFrame:
    """The resource's table, typed; parsed from `content` (the file's bytes) when given."""
    fields = resource["schema"]["fields"]
    name = Path(resource["path"]).name
    source = io.BytesIO(content) if content is not None else root / resource["path"]
    try:
        raw = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError):
        raw = None
    # Only a table that fails is read a second time, to say where and why.
    if raw is None or any(f["name"] not in raw.columns for f in fields):
        problems = unreadable(root, resource)
        raise problems[0] if problems else DataError(name, "cannot be read as CSV")
    out = pd.DataFrame(index=raw.index)
    for f in fields:
        col = raw[f["name"]].replace("", pd.NA)
        kind = f.get("type", "string")
        if kind == "date":
            typed = pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
        elif kind == "boolean":
            typed = col.map({"true": True, "false": False}).astype("boolean")
        elif kind in ("integer", "number"):
            typed = pd.to_numeric(col, errors="coerce")
            if kind == "integer":
                typed = typed.where(typed.isna() | (typed % 1 == 0))
            typed = typed.astype(_DTYPES[kind])
        else:
            out[f["name"]] = col.astype("string")
            continue
        bad = col.notna().to_numpy() & typed.isna().to_numpy()
        if bad.any():
            i = int(bad.nonzero()[0][0])
            raise DataError(name, f"{col.iloc[i]!r} is not of type {kind}", i + 2, f["name"])
        out[f["name"]] = typed
    return out


def unreadable(root: Path, resource: dict) -> list[DataError]:
    """Why the CSV of `resource` cannot be read at all: a missing file, bytes that are not
    UTF-8 (named by row and column), a header that is not the schema's columns. Checked
    before the cells, whose every error would otherwise follow from these."""
    path = root / resource["path"]
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [DataError(name, f"cannot be read: {exc.strerror}")]
    # Undecodable bytes become lone surrogates, so the CSV can still be split into rows
    # and the bad byte found by row and column rather than by byte offset.
    text = raw.decode("utf-8", errors="surrogateescape")
    rows = csv.reader(text.splitlines(keepends=True))
    header = next(rows, [])
    problems = []
    bad_byte = _bad_byte(header, rows)
    if bad_byte is not None:
        rownum, column, byte = bad_byte
        problems.append(
            DataError(
                name, f"byte 0x{byte:02x} is not UTF-8 (save the file as UTF-8)", rownum, column
            )
        )
    wanted = [f["name"] for f in resource["schema"]["fields"]]
    missing = [c for c in wanted if c not in header]
    extra = [c for c in header if c not in wanted]
    for c in missing:
        after = wanted.index(c)
        where = f"after {wanted[after - 1]!r}" if after else "first"
        problems.append(DataError(name, f"column {c!r} is missing (the schema has it {where})"))
    for c in extra:
        problems.append(DataError(name, f"column {c!r} is not in the schema", 1))
    if not missing and not extra and header != wanted:
        problems.append(
            DataError(name, f"columns out of the schema's order: expected {', '.join(wanted)}", 1)
        )
    return problems


def _bad_byte(header: list[str], rows) -> tuple[int, str | None, int] | None:
    """(row, column, byte) of the first byte that is not UTF-8; rows counted as the
    package's messages count them (the header is row 1)."""
    for rownum, row in enumerate([header, *rows], start=1):
        for i, cell in enumerate(row):
            for ch in cell:
                if "\udc80" <= ch <= "\udcff":
                    column = header[i] if rownum > 1 and i < len(header) else None
                    return rownum, column, ord(ch) - 0xDC00
    return None


def load(data: Path | str | None = None) -> Dossier:
    """Load the package at `data` (a directory or datapackage.json; default: data/)."""
    path, descriptor = read_descriptor(data)
    return Dossier(path=path, descriptor=descriptor)
