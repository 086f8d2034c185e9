"""Shared fixtures: the real data package, editable copies of it, and the source texts."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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


# -- the real build -------------------------------------------------------------------------
#
# What `make report` and the scheduled runs produce: `ipdossier build` run as a user runs
# it (the installed command, in this checkout, PDF and HTML on), into a reports folder of
# the test session. One cold build serves every test that reads the dossier, so the
# whole suite pays for it once.

BIN = Path(sys.executable).parent
EVERY_JURISDICTION = ROOT / "notebooks" / "params" / "every-jurisdiction.yaml"


def build_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("IPDOSSIER_ROOT", "IPDOSSIER_DATA")}
    env["IPDOSSIER_SOURCES"] = str(sources_dir())
    env.update(extra)
    return env


def run_build(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`ipdossier build ARGS` in this checkout, as the README runs it."""
    return subprocess.run(
        [str(BIN / "ipdossier"), "build", "--no-progress", *args],
        cwd=ROOT,
        env=env or build_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )


def read_manifest(run_dir: Path) -> dict:
    return json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))


@dataclass
class Built:
    """The runs of the session's builds, in one reports folder:

    cold   `ipdossier build` (the default dossier), from nothing;
    again  the same command once more (nothing changed);
    grown  `--params notebooks/params/every-jurisdiction.yaml --jobs 2`, the scheduled
           build: ten variants, one of which (en, all) the cold run already made."""

    reports: Path
    cold: subprocess.CompletedProcess
    again: subprocess.CompletedProcess
    grown: subprocess.CompletedProcess
    cold_run: Path
    grown_run: Path

    @property
    def manifest(self) -> dict:
        return read_manifest(self.cold_run)

    @property
    def grown_manifest(self) -> dict:
        return read_manifest(self.grown_run)

    def variant(self, slug: str = "default", *, grown: bool = False) -> dict:
        m = self.grown_manifest if grown else self.manifest
        (v,) = [v for v in m["variants"] if v["slug"] == slug]
        return v

    def folder(self, slug: str = "default", *, grown: bool = False) -> Path:
        return (self.grown_run if grown else self.cold_run) / slug

    def executed(self, slug: str = "default", *, grown: bool = False) -> list[Path]:
        """The variant's executed notebooks, in chapter order, as its manifest lists them."""
        run = self.grown_run if grown else self.cold_run
        return [run / nb["executed"] for nb in self.variant(slug, grown=grown)["notebooks"]]


def _published(reports: Path, done: subprocess.CompletedProcess) -> Path:
    assert done.returncode == 0, done.stderr[-3000:]
    return (reports / "latest").resolve()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    reports = tmp_path_factory.mktemp("build") / "reports"
    cold = run_build("--out", str(reports))
    cold_run = _published(reports, cold)
    again = run_build("--out", str(reports))
    assert again.returncode == 0, again.stderr[-3000:]
    grown = run_build("--out", str(reports), "--params", str(EVERY_JURISDICTION), "--jobs", "2")
    grown_run = _published(reports, grown)
    return Built(reports, cold, again, grown, cold_run, grown_run)
@pytest.fixture(autouse=True)
def _sources_cache(tmp_path_factory, monkeypatch) -> Path:
    """Drafts store article texts in a throwaway sources cache, never the checkout's."""
    cache = tmp_path_factory.mktemp("sources-cache")
    monkeypatch.setenv("IPDOSSIER_CACHE", str(cache))
    return cache
