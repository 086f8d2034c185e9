"""Validate the data package: structure (Frictionless) and truth (locators against sources).

Every problem is reported as one line naming the file, the row (its line number in the
CSV, the header being line 1) and the column, so an analyst can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from frictionless import Package

from .data import Dossier, load
from .numbers import parse_count
from .sources import SourceError, SourceText, normalise, open_source


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


def check_structure(dossier: Dossier) -> list[Problem]:
    """Types, constraints, primary and foreign keys, via frictionless."""
    package = Package(str(dossier.path))
    report = package.validate()
    problems = []
    for task in report.tasks:
        file = Path(task.place).name if task.place else f"{task.name}.csv"
        for error in task.errors:
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            if not column and getattr(error, "field_names", None):
                column = ", ".join(error.field_names)
            message = error.message
            if error.type == "foreign-key":
                message = f"broken foreign key: {error.note}"
            elif error.type == "primary-key":
                column = column or ", ".join(_primary_key(dossier, task.name))
                message = f"duplicate primary key: {error.note}"
            problems.append(Problem(file, row, column, message))
    for error in report.errors:
        problems.append(Problem(dossier.path.name, None, None, error.message))
    return problems


def _primary_key(dossier: Dossier, name: str) -> list[str]:
    try:
        return list(dossier.resource(name)["schema"].get("primaryKey", []))
    except KeyError:
        return []


def check_locators(dossier: Dossier, sources_directory: Path | None = None) -> list[Problem]:
    """Every span still holds its quote, and every quote holds the value its row claims."""
    problems: list[Problem] = []
    sources = dossier.table("sources")
    texts: dict[str, SourceText] = {}
    limits: dict[str, int] = {}
    for i, src in sources.iterrows():
        if pd.isna(src["file_name"]):
            continue
        try:
            texts[src["source_id"]] = open_source(
                src["source_id"], src["file_name"], src["sha256"], sources_directory
            )
            if not pd.isna(src["article_last_line"]):
                limits[src["source_id"]] = int(src["article_last_line"])
        except SourceError as exc:
            problems.append(Problem("sources.csv", i + 2, "sha256", str(exc)))
    for resource in dossier.descriptor["resources"]:
        if "x-locator" not in resource:
            continue
        claims = resource["x-locator"].get("claims", [])
        table = dossier.table(resource["name"])
        for i, row in table.iterrows():
            problems += _check_row(resource["path"], i + 2, row, claims, texts, limits)
    return problems


def _check_row(file, rownum, row, claims, texts, limits) -> list[Problem]:
    source_id = row["source_id"]
    if source_id not in texts:
        return []  # missing source text or unknown id is already reported elsewhere
    text = texts[source_id]
    para, start, end, quote = (
        int(row["para"]),
        int(row["char_start"]),
        int(row["char_end"]),
        row["quote"],
    )
    limit = limits.get(source_id, len(text.paragraphs))
    if not 1 <= para <= limit:
        return [
            Problem(file, rownum, "para", f"paragraph {para} is outside the article (1..{limit})")
        ]
    found = text.span(para, start, end)
    if normalise(found) != normalise(quote):
        return [
            Problem(
                file,
                rownum,
                "quote",
                f"span {para}:{start}-{end} of {source_id} reads {found!r}, not {quote!r}",
            )
        ]
    problems = []
    for alternatives in claims:
        column = next((c for c in alternatives if not pd.isna(row[c])), None)
        if column and normalise(str(row[column])) not in normalise(quote):
            problems.append(
                Problem(
                    file,
                    rownum,
                    column,
                    f"{row[column]!r} does not occur in the quoted span {quote!r}",
                )
            )
    if "value_as_printed" in row and "qualifier" in row:
        value, qualifier = parse_count(str(row["value_as_printed"]))
        if value is None or value != row["value"]:
            problems.append(
                Problem(
                    file,
                    rownum,
                    "value",
                    f"value {row['value']} does not match {row['value_as_printed']!r} "
                    f"(reads {value})",
                )
            )
        if qualifier != row["qualifier"]:
            problems.append(
                Problem(
                    file,
                    rownum,
                    "qualifier",
                    f"qualifier {row['qualifier']!r} does not match "
                    f"{row['value_as_printed']!r} (reads {qualifier!r})",
                )
            )
    return problems


def check(
    data: Path | str | None = None, sources_directory: Path | None = None, locators: bool = True
) -> list[Problem]:
    """All problems in the package at `data`; an empty list means it is valid."""
    dossier = load(data)
    problems = check_structure(dossier)
    if locators and not problems:
        # Locators are checked only on a structurally valid package: a broken type would
        # otherwise be reported twice, once as itself and once as a span mismatch.
        problems += check_locators(dossier, sources_directory)
    return problems
