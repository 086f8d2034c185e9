"""`ipdossier build` refuses a data package that `ipdossier check` rejects, before any
notebook runs, and leaves the previous reports as they were."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import edit_cell, small_project

from ipdossier.paths import sources_dir


def _project(root: Path) -> Path:
    # One chapter that reads the data package: enough for a build to fail on bad data.
    reads = (
        "from ipdossier import notebook as nb\n"
        "ctx = nb.setup(event_id, language, jurisdiction, as_of)\n"
        "print('rows', len(ctx.dossier.figures))"
    )
    return small_project(root, {"01_figures": [reads]})


def _env(root: Path, sources: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "IPDOSSIER_ROOT": str(root),
           "IPDOSSIER_SOURCES": str(sources or sources_dir())}
    env.pop("IPDOSSIER_DATA", None)
    return env


def _build(root: Path, sources: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", "--format", "html"],
        cwd=root,
        env=_env(root, sources),
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


def _break(data: Path, how: str) -> str:
    """Break the copy's data as an operator might; returns the line the build must print."""
    if how == "text-in-number":
        row = edit_cell(data / "figures.csv", "attendees", "value", "many")
        return f"figures.csv, row {row}, column value: "
    if how == "not-utf8":
        text = (data / "figures.csv").read_bytes()
        at = text.index(b"more than 150 people")
        (data / "figures.csv").write_bytes(text[:at] + b"\xff" + text[at + 1 :])
        return "figures.csv, row 2, column quote: byte 0xff is not UTF-8"
    if how == "broken-descriptor":
        path = data / "datapackage.json"
        path.write_text(path.read_text(encoding="utf-8")[:-10], encoding="utf-8")
        return "datapackage.json: not valid JSON: "
    assert how == "column-removed"
    import csv

    with open(data / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    i = rows[0].index("kind")
    with open(data / "events.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
    return "events.csv: column 'kind' is missing"


@pytest.mark.parametrize(
    "how", ["text-in-number", "not-utf8", "broken-descriptor", "column-removed"]
)
def test_build_reports_data_it_cannot_read_as_a_data_error(project, how):
    expected = _break(project / "data", how)
    refused = _build(project)
    assert refused.returncode == 1, refused.stderr
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert lines[0].startswith(expected), refused.stderr
    assert "the data package has 1 problem(s); nothing was run" in lines[-1]
    assert len(lines) == 2, refused.stderr  # one problem, not its follow-on errors
    assert "Traceback" not in refused.stderr and "parameter" not in refused.stderr


@pytest.mark.parametrize("as_of", ["2017-13-45", "2017-02-30"])
def test_an_impossible_unquoted_date_in_a_params_file_is_a_parameter_error(project, as_of):
    params = project / "notebooks" / "params.yaml"
    params.write_text(f"variants:\n  - name: late\n    as_of: {as_of}\n", encoding="utf-8")
    env = {**os.environ, "IPDOSSIER_ROOT": str(project), "IPDOSSIER_SOURCES": str(sources_dir())}
    env.pop("IPDOSSIER_DATA", None)
    refused = subprocess.run(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", "--params", str(params)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refused.returncode == 2, refused.stderr
    assert "Traceback" not in refused.stderr
    assert (
        f"ipdossier build: {params}, variant late: parameter as_of='{as_of}' "
        "must be empty or a date YYYY-MM-DD"
    ) in refused.stderr


def test_force_rechecks_a_source_text_that_changed_and_publishes_nothing(tmp_path):
    # The check reads the source texts as well as data/: a text changed since the last
    # checked run is checked again even under --force, and the build stops as `check` does.
    project = _project(tmp_path / "project")
    texts = tmp_path / "sources"
    shutil.copytree(sources_dir(), texts)
    first = _build(project, sources=texts)
    assert first.returncode == 0, first.stderr
    latest = (project / "reports" / "latest").resolve()
    article = next(p for p in texts.iterdir() if p.suffix == ".txt")
    body = article.read_bytes()
    article.write_bytes(body[:-2] + (b"X" if body[-2:-1] != b"X" else b"Y") + body[-1:])
    forced = subprocess.run(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", "--format", "html",
         "--force"],
        cwd=project, env=_env(project, texts), capture_output=True, text=True, timeout=600,
    )
    assert forced.returncode == 1, forced.stderr
    assert article.name in forced.stderr and "sha256" in forced.stderr
    assert (project / "reports" / "latest").resolve() == latest
