"""`ipdossier build` refuses a data package that `ipdossier check` rejects, before any
notebook runs, and leaves the previous reports as they were."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import edit_cell

from ipdossier.paths import data_dir, sources_dir


def _project(root: Path) -> Path:
    shutil.copytree(data_dir(), root / "data")
    (root / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["ipdossier"] = {"title": "Figures", "title_zh": "数字"}
    params = nbformat.v4.new_code_cell(
        'event_id: str = "bth-2017-baoding"  # event\n'
        'language: str = "en"  # "en" or "zh"\n'
        'jurisdiction: str = "all"  # filter\n'
        'as_of: str = ""  # cut-off date'
    )
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Figures"),
        params,
        nbformat.v4.new_code_cell(
            "from ipdossier import notebook as nb\n"
            "ctx = nb.setup(event_id, language, jurisdiction, as_of)\n"
            "print('rows', len(ctx.dossier.figures))"
        ),
    ]
    nbformat.write(nb, root / "notebooks" / "01_figures.ipynb")
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "IPDOSSIER_ROOT": str(root), "IPDOSSIER_SOURCES": str(sources_dir())}
    env.pop("IPDOSSIER_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", "--format", "html"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "project")


@pytest.mark.parametrize(
    "table, key, column, value, named",
    [
        # A row pointing at a source that does not exist.
        ("figures.csv", "attendees", "source_id", "nowhere", "figures.csv"),
        # A locator whose quote no longer reads what the source says.
        ("figures.csv", "attendees", "quote", "more than 151 people", "figures.csv, row"),
        # A value a page read does not state.
        ("indicators.csv", "fyp13-1", "target_value", "13", "indicators.csv, row 2"),
    ],
)
def test_build_refuses_data_that_check_rejects_and_keeps_the_last_run(
    project, table, key, column, value, named
):
    first = _build(project)
    assert first.returncode == 0, first.stderr
    latest = (project / "reports" / "latest").resolve()
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data"]["checked"] is True

    edit_cell(project / "data" / table, key, column, value)
    refused = _build(project)
    assert refused.returncode == 1, refused.stderr
    assert named in refused.stderr
    assert "nothing was run" in refused.stderr
    assert "executing" not in refused.stderr
    assert (project / "reports" / "latest").resolve() == latest
