"""`ipdossier build` end to end, on a throwaway project (copied data, small notebooks).

The notebooks here are small but real: they import ipdossier, read the data package and
show a plotly chart with `nb.show`, as the dossier's chapters do. The build runs them as
it runs the chapters: warm kernels emit the chart's JSON only, the run's one Chromium
draws its SVG and prints the PDFs on export threads, and the run is published at once.
Most tests here build HTML only, which is quicker; the dossier's own PDFs are tested in
test_build_pdf.py and test_export.py, and a missing browser or font here, with PDF on.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from helpers import BODY, edit_cell, small_project, write_notebook

from ipdossier.paths import sources_dir
from ipdossier.pipeline.fingerprint import sha256_file


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = small_project(tmp_path / "project")
    monkeypatch.setenv("IPDOSSIER_ROOT", str(root))
    monkeypatch.setenv("IPDOSSIER_SOURCES", str(sources_dir()))
    monkeypatch.delenv("IPDOSSIER_DATA", raising=False)
    return root


def _env(root: Path) -> dict:
    return {**os.environ, "IPDOSSIER_ROOT": str(root), "IPDOSSIER_SOURCES": str(sources_dir())}


def ipdossier(root: Path, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", *args],
        cwd=root,
        env=env or _env(root),
        capture_output=True,
        text=True,
        timeout=600,
        **kw,
    )


def start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", *args],
        cwd=root,
        env=_env(root),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


pytestmark = pytest.mark.slow


def manifest(run_dir: Path) -> dict:
    return json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))


def snapshot(reports: Path) -> dict[str, str]:
    """sha256 of every file of the run behind reports/latest."""
    latest = (reports / "latest").resolve()
    return {str(p.relative_to(latest)): sha256_file(p) for p in latest.rglob("*") if p.is_file()}


def write_params(root: Path, text: str) -> Path:
    path = root / "variants.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cold_build_publishes_run_with_manifest(project: Path):
    params = write_params(project, "matrix:\n  language: [en, zh]\n")
    done = ipdossier(project, "--params", str(params), "--format", "html", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    reports = project / "reports"
    latest = (reports / "latest").resolve()
    assert latest.parent == reports and latest.is_dir()
    m = manifest(latest)
    assert m["status"] == "succeeded"
    assert {v["slug"] for v in m["variants"]} == {"en", "zh"}
    for v in m["variants"]:
        assert v["params"]["language"] == v["slug"]
        executed = nbformat.read(latest / v["notebooks"][0]["executed"], as_version=4)
        printed = "".join(
            o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs
        )
        # Warm kernels are reused across variants: each run must see its own parameters.
        assert f"language {v['slug']}" in printed
        assert any(
            "image/svg+xml" in o.get("data", {})
            for c in executed.cells
            if c.cell_type == "code"
            for o in c.outputs
        )
        for out in v["outputs"]:
            assert sha256_file(latest / out["path"]) == out["sha256"]
        assert any(o["path"].endswith(".html") for o in v["outputs"])
    assert m["data"]["files"]["figures.csv"] == sha256_file(project / "data" / "figures.csv")
    env = m["environment"]
    assert env["ipdossier"] and env["python"] and "code_sha256" in env
    assert set(m["timings"]) >= {"execute_s", "export_s", "validate_s", "total_s"}
    # Plain log lines when not on a terminal.
    assert "executing 01_figures.ipynb" in done.stderr


@pytest.mark.heavy  # a build drill of 8-32 s: make test-heavy (CI runs it)
def test_noop_rebuild_executes_nothing_and_changed_data_rebuilds(project: Path):
    params = write_params(project, "variants:\n  - language: en\n  - language: zh\n")
    first = ipdossier(project, "--params", str(params), "--format", "html")
    assert first.returncode == 0, first.stderr
    reports = project / "reports"
    before = (reports / "latest").resolve()

    again = ipdossier(project, "--params", str(params), "--format", "html")
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
    assert "executing" not in again.stderr
    assert (reports / "latest").resolve() == before

    # Adding a variant runs only that variant; the others are reused from the last run.
    params = write_params(
        project, "variants:\n  - language: en\n  - language: zh\n  - jurisdiction: Hebei\n"
    )
    grown = ipdossier(project, "--params", str(params), "--format", "html")
    assert grown.returncode == 0, grown.stderr
    m = manifest((reports / "latest").resolve())
    ran = {v["slug"]: [n["reused_from"] for n in v["notebooks"]] for v in m["variants"]}
    assert ran["en"] == [before.name, before.name] and ran["zh"] == [before.name, before.name]
    assert ran["Hebei"] == [None, None]

    # A data file changes: every variant reads the package, so every variant re-runs.
    edit_cell(project / "data" / "figures.csv", "attendees", "note", "edited for the test")
    changed = ipdossier(project, "--params", str(params), "--format", "html")
    assert changed.returncode == 0, changed.stderr
    m = manifest((reports / "latest").resolve())
    assert all(n["reused_from"] is None for v in m["variants"] for n in v["notebooks"])

    forced = ipdossier(project, "--params", str(params), "--format", "html", "--force")
    assert forced.returncode == 0 and "up to date" not in forced.stdout


@pytest.mark.heavy  # a build drill of 8-32 s: make test-heavy (CI runs it)
def test_failing_cell_names_notebook_variant_cell_and_keeps_previous(project: Path):
    assert ipdossier(project, "--format", "html").returncode == 0
    reports = project / "reports"
    good = snapshot(reports)
    good_run = (reports / "latest").resolve()

    write_notebook(
        project / "notebooks" / "03_broken.ipynb",
        "Broken",
        [BODY, "raise ValueError('the figure table is empty')"],
    )
    failed = ipdossier(project, "--format", "html")
    assert failed.returncode == 1
    assert "03_broken.ipynb" in failed.stderr
    assert "variant default" in failed.stderr
    # Cell 3 of the notebook as the analyst sees it (0: heading, 1: parameters, 2: set-up).
    assert "cell 3" in failed.stderr
    assert "ValueError: the figure table is empty" in failed.stderr
    assert (reports / "latest").resolve() == good_run
    assert snapshot(reports) == good
    kept = list((reports / "failed").iterdir())
    assert len(kept) == 1
    assert (kept[0] / "default" / "notebooks" / "03_broken.ipynb").is_file()
    assert str(kept[0].name) in failed.stderr


def test_bad_parameter_stops_before_anything_runs(project: Path):
    params = write_params(project, "variants:\n  - language: fr\n")
    done = ipdossier(project, "--params", str(params), "--format", "html")
    assert done.returncode == 2
    assert "language" in done.stderr and "'fr'" in done.stderr
    assert "executing" not in done.stderr
    assert not (project / "reports" / "latest").exists()

    params = write_params(project, "variants:\n  - langauge: zh\n")
    done = ipdossier(project, "--params", str(params), "--format", "html")
    assert done.returncode == 2 and "langauge" in done.stderr


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_overlapping_build_refuses_and_nothing_is_corrupted(project: Path):
    params = write_params(project, "defaults:\n  delay: 6.0\n")
    slow = start(project, "--params", str(params), "--format", "html")
    try:
        lock_info = project / "reports" / ".lock.json"
        deadline = time.monotonic() + 60
        while not lock_info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert lock_info.exists(), "the first build never took the lock"
        second = ipdossier(project, "--format", "html")
        assert second.returncode == 3
        assert "another build is running" in second.stderr
        assert f"pid {slow.pid}" in second.stderr
    finally:
        out, err = slow.communicate(timeout=300)
    assert slow.returncode == 0, err
    m = manifest((project / "reports" / "latest").resolve())
    for v in m["variants"]:
        for o in v["outputs"]:
            assert sha256_file(project / "reports" / m["run_id"] / o["path"]) == o["sha256"]


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_killed_build_leaves_previous_reports_intact(project: Path):
    assert ipdossier(project, "--format", "html").returncode == 0
    reports = project / "reports"
    good = snapshot(reports)
    good_run = (reports / "latest").resolve()

    params = write_params(project, "defaults:\n  delay: 30.0\n")
    doomed = start(project, "--params", str(params), "--format", "html")
    staging = reports / ".staging"
    deadline = time.monotonic() + 60
    while not any(staging.glob("*/*/notebooks")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.communicate(timeout=60)

    assert (reports / "latest").resolve() == good_run
    assert snapshot(reports) == good
    # The next build takes the lock (released with the dead process) and clears the debris.
    after = ipdossier(project, "--format", "html", "--force")
    assert after.returncode == 0, after.stderr
    assert not any(staging.iterdir()) if staging.exists() else True


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_keep_prunes_old_runs_but_never_latest(project: Path):
    for _ in range(3):
        assert ipdossier(project, "--format", "html", "--force").returncode == 0
    reports = project / "reports"
    assert ipdossier(project, "--format", "html", "--keep", "1").returncode == 0
    runs = [p for p in reports.iterdir() if p.is_dir() and p.name[:2] == "20"]
    assert runs == [(reports / "latest").resolve()]


def pdfs_outside(reports: Path, run: Path) -> list[Path]:
    return [p for p in reports.rglob("*.pdf") if run not in p.resolve().parents]


@pytest.mark.heavy  # a build drill of 8-32 s: make test-heavy (CI runs it)
def test_missing_browser_exits_4_says_what_to_install_and_keeps_the_report(project, tmp_path):
    assert ipdossier(project).returncode == 0  # PDF and HTML, with the system's Chromium
    reports = project / "reports"
    good = snapshot(reports)
    good_run = (reports / "latest").resolve()
    assert any(name.endswith(".pdf") for name in good)

    env = {**_env(project), "IPDOSSIER_CHROMIUM": str(tmp_path / "no-such-chrome")}
    done = ipdossier(project, "--force", env=env)
    assert done.returncode == 4, done.stderr[-2000:]
    assert "apt install chromium fonts-noto-cjk" in done.stderr
    assert "IPDOSSIER_CHROMIUM" in done.stderr
    assert (reports / "latest").resolve() == good_run and snapshot(reports) == good
    assert not pdfs_outside(reports, good_run)

    # No browser on PATH at all.
    bare = tmp_path / "bare"
    bare.mkdir()
    env = {k: v for k, v in _env(project).items() if k != "IPDOSSIER_CHROMIUM"}
    done = ipdossier(project, "--force", env={**env, "PATH": str(bare)})
    assert done.returncode == 4, done.stderr[-2000:]
    assert "no Chromium or Chrome found" in done.stderr
    assert (reports / "latest").resolve() == good_run and snapshot(reports) == good
    assert not pdfs_outside(reports, good_run)


@pytest.mark.heavy  # a build drill of 8-32 s: make test-heavy (CI runs it)
def test_missing_cjk_fonts_exit_4_and_keep_the_report(project, tmp_path):
    params = write_params(project, "variants:\n  - language: zh\n")
    assert ipdossier(project, "--params", str(params)).returncode == 0
    reports = project / "reports"
    good = snapshot(reports)
    good_run = (reports / "latest").resolve()

    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "fc-list").write_text("#!/bin/sh\nexit 0\n")  # fontconfig with no CJK font
    (fake / "fc-list").chmod(0o755)
    env = _env(project)
    done = ipdossier(
        project, "--params", str(params), "--force", env={**env, "PATH": f"{fake}:{env['PATH']}"}
    )
    assert done.returncode == 4, done.stderr[-2000:]
    assert "fonts-noto-cjk" in done.stderr
    assert (reports / "latest").resolve() == good_run and snapshot(reports) == good
    assert not pdfs_outside(reports, good_run)


@pytest.mark.heavy  # two build drills of 13 s: make test-heavy (CI runs it)
@pytest.mark.parametrize("when", ["kernel starting", "cell running"])
def test_sigterm_exits_130_at_once_and_keeps_the_previous_report(project, when):
    assert ipdossier(project, "--format", "html").returncode == 0
    reports = project / "reports"
    good = snapshot(reports)
    good_run = (reports / "latest").resolve()

    # One worker, two notebooks that each sleep 30 s: the second is queued when the
    # build is told to stop, and must never start; the first must not run to its end.
    params = write_params(project, "defaults:\n  delay: 30.0\n")
    doomed = start(project, "--params", str(params), "--format", "html", "--jobs", "1")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(doomed.stderr), daemon=True)
    reader.start()
    # "executing" is logged as the worker asks for its kernel; papermill's "Executing
    # notebook with kernel" once the notebook runs (its sleeping cell follows at once).
    sign = "executing 01_figures.ipynb" if when == "kernel starting" else "Executing notebook"
    deadline = time.monotonic() + 120
    while not any(sign in line for line in lines) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(sign in line for line in lines), "".join(lines)[-2000:]
    time.sleep(0.5 if when == "kernel starting" else 3.0)
    stopped = time.monotonic()
    doomed.send_signal(signal.SIGTERM)
    doomed.wait(timeout=180)
    took = time.monotonic() - stopped
    reader.join(timeout=30)
    err = "".join(lines)

    assert doomed.returncode == 130, err[-2000:]
    assert "interrupted" in err and "previous reports are untouched" in err
    assert "executing 02_table.ipynb" not in err
    assert took < 20, f"the build took {took:.0f} s to stop"
    assert (reports / "latest").resolve() == good_run and snapshot(reports) == good


@pytest.mark.heavy  # a build drill of 8-32 s: make test-heavy (CI runs it)
def test_a_kernel_that_dies_is_reported_at_its_cell(project):
    write_notebook(
        project / "notebooks" / "03_dies.ipynb", "Dies", [BODY, "import os\nos._exit(1)", "1"]
    )
    failed = ipdossier(project, "--format", "html")
    assert failed.returncode == 1
    assert "03_dies.ipynb" in failed.stderr and "variant default" in failed.stderr
    # Cell 3 of the notebook as the analyst sees it (0: heading, 1: parameters, 2: set-up).
    assert "cell 3" in failed.stderr, failed.stderr[-2000:]
    assert "before the first cell" not in failed.stderr
    assert "DeadKernelError" in failed.stderr


# A disk that fills while the reports are written: `ipdossier build` run with the report
# writer failing as a full disk makes it fail (the CLI otherwise as a user runs it).
FULL_DISK = """
import errno, sys
import ipdossier.export.report as report

def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")

report.write_atomic = full
from ipdossier.cli import app
sys.argv = ["ipdossier", "build", "--no-progress", *sys.argv[1:]]
app()
"""


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_a_full_disk_says_how_much_space_a_run_needs_and_keeps_failed_runs_small(project):
    first = ipdossier(project, "--format", "html")
    assert first.returncode == 0, first.stderr
    latest = (project / "reports" / "latest").resolve()
    for _ in range(2):
        full = subprocess.run(
            [sys.executable, "-c", FULL_DISK, "--format", "pdf", "--force", "--keep", "1"],
            cwd=project,
            env=_env(project),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert full.returncode == 1, full.stderr[-2000:]
        assert "Traceback" not in full.stderr
        message = full.stderr
        assert "no space left on the device of" in message and "MB free" in message
        assert re.search(r"a run needs about [\d,]+ MB", message), message
        assert (project / "reports" / "latest").resolve() == latest
    # Failed runs keep the executed notebooks and logs, not half-written exports, and
    # --keep prunes them like published runs.
    (kept,) = (project / "reports" / "failed").iterdir()
    files = [p for p in kept.rglob("*") if p.is_file()]
    assert files and {p.suffix for p in files} <= {".ipynb", ".log", ".json"}
    assert any(p.suffix == ".ipynb" for p in files)
    assert "build.log" in message and (kept / "build.log").is_file()


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_a_full_disk_message_names_no_log_it_could_not_write(project):
    # Issue 21, item 7: the message pointed at a build.log that the full disk had kept
    # from being written.
    assert ipdossier(project, "--format", "html").returncode == 0
    no_log = FULL_DISK.replace(
        "report.write_atomic = full",
        "report.write_atomic = full\n"
        "import pathlib\n"
        "_write = pathlib.Path.write_text\n"
        "def write_text(self, *a, **k):\n"
        "    if self.name == 'build.log':\n"
        "        raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "    return _write(self, *a, **k)\n"
        "pathlib.Path.write_text = write_text",
    )
    full = subprocess.run(
        [sys.executable, "-c", no_log, "--format", "pdf", "--force"],
        cwd=project, env=_env(project), capture_output=True, text=True, timeout=600,
    )
    assert full.returncode == 1, full.stderr[-2000:]
    assert "Traceback" not in full.stderr
    assert "no space left on the device of" in full.stderr
    (kept,) = (project / "reports" / "failed").iterdir()
    assert not (kept / "build.log").exists()
    assert "build.log could not be written" in full.stderr, full.stderr
    assert "its notebooks and build.log" not in full.stderr


def _in_read_only_mount(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """`ipdossier build` in a mount namespace where `folder` is a read-only bind mount:
    root is refused there as any user would be, which permission bits cannot show."""
    build = " ".join([sys.executable, "-m", "ipdossier", "build", "--no-progress", *args])
    script = f"mount --bind -o ro {folder} {folder} && exec {build}"
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        cwd=folder.parent, env=_env(folder.parent), capture_output=True, text=True, timeout=600,
    )


def test_a_read_only_reports_folder_is_named_with_exit_1_and_no_traceback(project: Path):
    assert ipdossier(project, "--format", "html").returncode == 0
    reports = project / "reports"
    before = snapshot(reports)
    done = _in_read_only_mount(reports, "--format", "html", "--force")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot write the reports folder" in done.stderr and str(reports) in done.stderr
    assert snapshot(reports) == before


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_keep_that_cannot_remove_an_old_run_leaves_it_whole_and_publishes(project: Path):
    assert ipdossier(project, "--format", "html", "--force").returncode == 0
    reports = project / "reports"
    old = (reports / "latest").resolve()
    files = sorted(p.relative_to(old) for p in old.rglob("*"))
    # The old run's own folder is read-only: renaming it out of the listing is refused
    # for a user that does not own the parent; here, by the parent's mount.
    script = (
        f"mount --bind -o ro {old} {old} && "
        f"exec {sys.executable} -m ipdossier build --no-progress --format html --force --keep 1"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=project, env=_env(project),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "could not remove" in done.stderr and old.name in done.stderr
    assert (reports / "latest").resolve() != old
    assert sorted(p.relative_to(old) for p in old.rglob("*")) == files


@pytest.mark.parametrize("name", ["..", ".", ".hidden"])
def test_a_variant_name_that_is_no_folder_name_is_refused(project: Path, name: str):
    params = write_params(project, f"variants:\n  - name: '{name}'\n    language: en\n")
    done = ipdossier(project, "--format", "html", "--params", str(params))
    assert done.returncode == 2, done.stderr
    assert f"variant name {name!r}" in done.stderr and str(params) in done.stderr
    assert not (project / "reports" / ".staging").exists() or not any(
        (project / "reports" / ".staging").iterdir()
    )


@pytest.mark.heavy  # a build drill of 13-40 s: make test-heavy (CI runs it)
def test_failed_runs_are_bounded_without_keep_and_each_holds_its_log(project: Path):
    from ipdossier.pipeline.runs import FAILED_KEPT

    write_notebook(
        project / "notebooks" / "03_broken.ipynb", "Broken", [BODY, "raise ValueError('boom')"]
    )
    failed = project / "reports" / "failed"
    for _ in range(FAILED_KEPT + 2):
        done = ipdossier(project, "--format", "html", "--only", "03_broken")
        assert done.returncode == 1, done.stderr
        time.sleep(1.1)  # run ids are stamped to the second
    kept = sorted(failed.iterdir())
    assert len(kept) == FAILED_KEPT
    for run in kept:
        log = (run / "build.log").read_text(encoding="utf-8")
        assert "ValueError: boom" in log


@pytest.mark.parametrize("fonts", ["/usr/share/fonts/truetype/dejavu", None])
def test_an_english_build_without_a_cjk_font_stops_before_any_notebook_with_exit_4(
    project, tmp_path, fonts
):
    # English editions print each policy's Chinese title: without a CJK font those came
    # out as blank glyphs, exit 0. Fontconfig that knows only DejaVu, as on a bare server;
    # and none at all, where the build failed with a KeyError traceback (issue 25, item 1).
    conf = tmp_path / "fonts.conf"
    folder = f"<dir>{fonts}</dir>" if fonts else ""
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"{folder}<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    done = ipdossier(project, env={**_env(project), "FONTCONFIG_FILE": str(conf)})
    assert done.returncode == 4, done.stderr[-2000:]
    assert "fonts-noto-cjk" in done.stderr and "Traceback" not in done.stderr
    assert "Executing" not in done.stderr  # no notebook ran
    assert not (project / "reports" / "latest").exists()


def test_a_lock_whose_recorded_build_is_gone_does_not_name_another_program(project: Path):
    # A process the build left behind (or any other) holds the lock, while .lock.json
    # still names the build that took it: that PID now belongs to another program.
    reports = project / "reports"
    reports.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from filelock import FileLock; "
         f"l = FileLock({str(reports / '.lock')!r}); l.acquire(); print('held', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    other = subprocess.Popen(["sleep", "60"])  # the program the recorded PID now names
    try:
        assert holder.stdout.readline().strip() == "held"
        import socket

        (reports / ".lock.json").write_text(json.dumps({
            "pid": other.pid, "host": socket.gethostname(), "started": "2026-01-01T00:00:00Z",
            "process_start": 1,  # not when `other` started
        }))
        done = ipdossier(project, "--format", "html")
    finally:
        holder.kill()
        other.kill()
    assert done.returncode == 3, done.stderr
    assert f"not the build that recorded it (pid {other.pid}" in done.stderr
    assert "fuser" in done.stderr
