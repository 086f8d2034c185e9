"""Helpers the tests share (fixtures stay in conftest.py): editing data copies, running
`ipdossier build` as a user does, and the small project of test notebooks that build
tests run instead of the real chapters."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ipdossier.paths import data_dir, sources_dir

ROOT = Path(__file__).resolve().parent.parent
# Chapters of prose and tables only: the opening summary draws no chart (its scorecard is
# a table; every other chapter shows at least one).
TEXT_CHAPTERS = {"00_summary"}


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
# the test session.

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


def published(reports: Path, done: subprocess.CompletedProcess) -> Path:
    assert done.returncode == 0, done.stderr[-3000:]
    return (reports / "latest").resolve()


# -- a small project of test notebooks -------------------------------------------------------
#
# Build tests run these instead of the real chapters: the same parameters (and a `delay`,
# for builds a test interrupts or a worker is killed in), the real data package, seconds
# per notebook.

PARAMS = """event_id: str = "bth-2017-baoding"  # event
language: str = "en"  # "en" or "zh"
jurisdiction: str = "all"  # filter
as_of: str = ""  # cut-off date
delay: float = 0.0  # seconds to sleep (builds a test interrupts or kills a worker in)"""

BODY = """import time
from ipdossier import notebook as nb
ctx = nb.setup(event_id, language, jurisdiction, as_of)
time.sleep(delay)
figures = ctx.dossier.figures
print("language", ctx.language, "jurisdiction", ctx.jurisdiction, "rows", len(figures))"""

CHART = """import plotly.express as px
head = figures[figures["headline"]]
fig = px.bar(x=list(head["metric"]), y=[int(v) for v in head["value"]], title="Headline figures")
nb.show(fig, head, language=ctx.language)"""


def write_notebook(
    path: Path, title: str, cells: list[str], *, params: str = PARAMS, title_zh: str | None = None
) -> None:
    """A chapter notebook: a heading, the parameters cell, then `cells`."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["ipdossier"] = {"title": title, "title_zh": title_zh or title}
    cell = nbformat.v4.new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nA test chapter."), cell]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)


def small_project(root: Path, chapters: dict[str, list[str]] | None = None) -> Path:
    """A project folder at `root`: a copy of the data package and test chapters
    (by default a chart chapter and a table chapter)."""
    shutil.copytree(data_dir(), root / "data")
    (root / "notebooks").mkdir()
    chapters = chapters or {
        "01_figures": [BODY, CHART],
        "02_table": [BODY, "nb.table(figures.head(3))"],
    }
    for name, cells in chapters.items():
        write_notebook(root / "notebooks" / f"{name}.ipynb", name.split("_", 1)[1].title(), cells)
    return root


def project_env(root: Path) -> dict[str, str]:
    env = {**os.environ, "IPDOSSIER_ROOT": str(root), "IPDOSSIER_SOURCES": str(sources_dir())}
    env.pop("IPDOSSIER_DATA", None)
    return env
