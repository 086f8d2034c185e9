"""`ipdossier lab` (`make lab`): executed copies of the chapters in a git-ignored
workspace, so JupyterLab opens each as a report and never writes into notebooks/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipdossier.pipeline.workspace import lab_argv, with_parameters

ROOT = Path(__file__).resolve().parent.parent


def _lab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ipdossier", "lab", "--prepare-only", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )


def _tracked_state() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--", "notebooks/"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout


@pytest.mark.heavy  # 16 s of papermill: make test-heavy (CI runs it)
def test_the_workspace_holds_executed_chapters_with_the_parameters_asked_for(tmp_path):
    before = _tracked_state()
    workspace = tmp_path / "workspace"
    done = _lab("--workspace", str(workspace), "-p", "language=zh", "-p", "jurisdiction=Hebei")
    assert done.returncode == 0, done.stderr
    chapters = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    assert sorted(p.name for p in workspace.glob("*.ipynb")) == chapters
    for name in chapters:
        nb = json.loads((workspace / name).read_text(encoding="utf-8"))
        (params,) = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        source = "".join(params["source"])
        assert 'language: str = "zh"' in source and 'jurisdiction: str = "Hebei"' in source
        # No injected cell: a later edit of the parameters cell is what the chapter uses.
        assert not any(
            "injected-parameters" in c["metadata"].get("tags", []) for c in nb["cells"]
        )
        # Executed: it opens as a report, prose and charts shown.
        assert sum(len(c.get("outputs", [])) for c in nb["cells"]) > 0, name
    assert _tracked_state() == before  # notebooks/ as committed

    # A copy already there is the analyst's work: kept, unless --fresh.
    mine = workspace / chapters[0]
    mine.write_text(mine.read_text(encoding="utf-8").replace('"zh"', '"en"', 1), "utf-8")
    edited = mine.read_bytes()
    again = _lab("--workspace", str(workspace))
    assert again.returncode == 0, again.stderr
    assert "kept (your copy" in again.stdout and mine.read_bytes() == edited


def test_a_bad_parameter_is_refused_before_anything_is_written(tmp_path):
    done = _lab("--workspace", str(tmp_path / "ws"), "-p", "language=fr")
    assert done.returncode == 2
    assert "language" in done.stderr and "Traceback" not in done.stderr
    assert not list((tmp_path / "ws").glob("*.ipynb"))


def test_parameters_are_written_into_the_cell_with_their_comments():
    cell = 'language: str = "en"  # "en" or "zh"\nas_of: str = ""  # YYYY-MM-DD'
    out = with_parameters(cell, {"language": "zh"})
    assert out == 'language: str = "zh"  # "en" or "zh"\nas_of: str = ""  # YYYY-MM-DD'


def test_jupyterlab_is_started_with_allow_root_only_as_root(tmp_path):
    assert "--allow-root" in lab_argv(tmp_path, port=None, euid=0)
    assert "--allow-root" not in lab_argv(tmp_path, port=8888, euid=1000)
    assert "--port=8888" in lab_argv(tmp_path, port=8888, euid=1000)


def test_the_workspace_is_git_ignored():
    ignored = subprocess.run(
        ["git", "check-ignore", "workspace/01_event.ipynb"], cwd=ROOT, capture_output=True
    )
    assert ignored.returncode == 0
