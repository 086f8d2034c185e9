"""Shared fixtures: the real data package, editable copies of it, and the source texts."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ipdossier.paths import data_dir, sources_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sources() -> Path:
    path = sources_dir()
    assert (path / "README.md").is_file(), (
        f"source texts not found at {path}; set IPDOSSIER_SOURCES to the shared/sources folder"
    )
    return path


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(data_dir(), dest)
    return dest


def edit_cell(csv_path: Path, row_key: str, column: str, value: str) -> int:
    """Set `column` of the row whose first cell is `row_key`; returns its CSV line number."""
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    line = next((n for n, row in enumerate(rows[1:], start=2) if row[0] == row_key), None)
    if line is None:
        raise KeyError(row_key)
    rows[line - 1][header.index(column)] = value
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return line


def append_row_copy(csv_path: Path, row_key: str) -> int:
    """Duplicate the row whose first cell is `row_key`; returns the new row's line number."""
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    row = next(r for r in rows[1:] if r[0] == row_key)
    rows.append(list(row))
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return len(rows)


@pytest.fixture(autouse=True)
def _sources_cache(tmp_path_factory, monkeypatch) -> Path:
    """Drafts store article texts in a throwaway sources cache, never the checkout's."""
    cache = tmp_path_factory.mktemp("sources-cache")
    monkeypatch.setenv("IPDOSSIER_CACHE", str(cache))
    return cache
