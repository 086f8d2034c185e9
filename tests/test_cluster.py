"""Builds on Dask distributed: a LocalCluster of two worker processes builds the same
reports as the local build, and a worker killed mid-build does not break the run."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import distributed
import pytest
from helpers import small_project
from pypdf import PdfReader

from ipdossier.paths import sources_dir

pytestmark = [pytest.mark.slow, pytest.mark.heavy]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = small_project(tmp_path / "project")
    sources = sources_dir()
    # Worker processes inherit the environment: they find the same project.
    monkeypatch.setenv("IPDOSSIER_ROOT", str(root))
    monkeypatch.setenv("IPDOSSIER_SOURCES", str(sources))
    monkeypatch.delenv("IPDOSSIER_DATA", raising=False)
    return root


def build(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ipdossier", "build", "--no-progress", *args],
        cwd=root,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=900)
    return proc.returncode, out, err


def cluster():
    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )


def text_layers(run: Path) -> dict[str, str]:
    """Each PDF's words in order, whitespace collapsed: pypdf guesses line breaks from
    the glyphs' positions, and once in CI two printings of the same Chinese edition read
    "language zh" and "language\n zh" (same words, same order); the test is about what
    the two builds print, not pypdf's guess."""
    return {
        str(p.relative_to(run)): "\f".join(
            " ".join(page.extract_text().split()) for page in PdfReader(p).pages
        )
        for p in sorted(run.rglob("*.pdf"))
    }


def test_cluster_builds_what_the_local_build_builds(project):
    variants = project / "variants.yaml"
    variants.write_text("matrix:\n  language: [en, zh]\n  jurisdiction: [all, Hebei]\n")
    code, _, err = finished(build(project, "--params", str(variants), "--out", "local", "-j", "2"))
    assert code == 0, err
    with cluster() as c:
        code, out, err = finished(
            build(
                project,
                "--params",
                str(variants),
                "--out",
                "dask",
                "--cluster",
                c.scheduler_address,
            )
        )
    assert code == 0, err
    local = (project / "local" / "latest").resolve()
    dask = (project / "dask" / "latest").resolve()
    ml = json.loads((local / "manifest.json").read_text(encoding="utf-8"))
    md = json.loads((dask / "manifest.json").read_text(encoding="utf-8"))
    assert md["options"]["cluster"].startswith("tcp://")
    assert len(md["variants"]) == 4

    def same(m):
        return sorted(
            (
                v["slug"],
                v["export_key"],
                json.dumps(v["params"], sort_keys=True),
                tuple(n["key"] for n in v["notebooks"]),
                tuple(sorted(o["path"] for o in v["outputs"])),
            )
            for v in m["variants"]
        )

    assert same(md) == same(ml)
    assert md["data"] == {**ml["data"], "path": md["data"]["path"]}
    assert md["environment"]["code_sha256"] == ml["environment"]["code_sha256"]
    assert md["environment"]["chromium"]
    layers = text_layers(dask)
    assert len(layers) == 4 * 3 and layers == text_layers(local)
    for v in md["variants"]:
        for o in v["outputs"]:
            assert (dask / o["path"]).is_file()
        # papermill gives the cell it injects a new random id on every run, wherever it runs.
        html = [
            re.sub(r"cell-id=[0-9a-f-]+", "cell-id", (run / v["slug"] / "dossier.html").read_text())
            for run in (dask, local)
        ]
        assert html[0] == html[1], (v["slug"], _where_they_differ(*html))
    # Cache keys are content hashes: the cluster's run is reused by a local no-op build.
    shutil.copytree(project / "dask", project / "again", symlinks=True)
    code, out, err = finished(build(project, "--params", str(variants), "--out", "again"))
    assert code == 0 and "up to date" in out, err


def _where_they_differ(dask: str, local: str, lines: int = 40) -> str:
    """The first lines where two pages differ, as a unified diff (dask first): CI's log
    cuts pytest's own comparison of pages of megabytes before it shows the difference
    (one CI run saw a stdout output in one build's dossier and not the other's)."""
    import difflib

    diff = difflib.unified_diff(
        dask.splitlines(), local.splitlines(), "dask", "local", n=3, lineterm=""
    )
    return "\n".join(line[:300] for _, line in zip(range(lines), diff, strict=False))


def test_a_worker_killed_mid_build_leaves_a_complete_run_or_the_last_one(project):
    variants = project / "variants.yaml"
    variants.write_text("defaults:\n  delay: 4\nmatrix:\n  language: [en, zh]\n")
    with cluster() as c, distributed.Client(c) as client:
        proc = build(
            project, "--params", str(variants), "--format", "html", "--cluster", c.scheduler_address
        )
        staging = project / "reports" / ".staging"
        deadline = time.monotonic() + 300
        while not any(staging.glob("*/*/notebooks/*.ipynb")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert any(staging.glob("*/*/notebooks/*.ipynb")), "no variant started"
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        code, out, err = finished(proc)
    reports = project / "reports"
    if code == 0:
        m = json.loads(((reports / "latest").resolve() / "manifest.json").read_text())
        assert {v["slug"] for v in m["variants"]} == {"en", "zh"}
        for v in m["variants"]:
            assert all((reports / "latest" / o["path"]).is_file() for o in v["outputs"])
    else:
        # A run that could not finish publishes nothing.
        assert not (reports / "latest").exists(), err
        assert "previous reports are untouched" in err


def _local_scheduler() -> tuple[subprocess.Popen, str]:
    """A Dask scheduler in a process of its own on loopback, and its address."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
         "--port", "0", "--no-dashboard"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if m := re.search(r"Scheduler at:\s+(tcp://\S+)", line):
            return proc, m.group(1)
    proc.kill()
    raise AssertionError("the scheduler did not start")


def _worker(address: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
         "--no-dashboard"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def test_a_build_whose_last_worker_dies_fails_by_its_deadline_and_releases_the_lock(
    project, monkeypatch
):
    variants = project / "variants.yaml"
    variants.write_text("defaults:\n  delay: 30\nmatrix:\n  language: [en, zh]\n")
    monkeypatch.setenv("IPDOSSIER_CLUSTER_NO_WORKER_S", "10")
    scheduler, address = _local_scheduler()
    worker = _worker(address)
    try:
        proc = build(project, "--params", str(variants), "--format", "html", "--force",
                     "--cluster", address)
        staging = project / "reports" / ".staging"
        deadline = time.monotonic() + 300
        while not any(staging.glob("*/*/notebooks/*.ipynb")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert any(staging.glob("*/*/notebooks/*.ipynb")), "no variant started"
        # The worker and its nanny, killed as an out-of-memory killer or a lost machine would.
        os.killpg(worker.pid, signal.SIGKILL)
        killed = time.monotonic()
        code, _, err = finished(proc)
        took = time.monotonic() - killed
    finally:
        scheduler.kill()
        worker.wait()
    assert code == 1, err
    assert "Traceback" not in err
    assert address in err and "no worker connected for 10 s" in err
    assert took < 60, took
    assert not (project / "reports" / "latest").exists()
    # The lock is released: the next build runs (locally) at once.
    monkeypatch.delenv("IPDOSSIER_CLUSTER_NO_WORKER_S")
    code, _, err = finished(build(project, "--format", "html"))
    assert code == 0, err


def test_a_scheduler_that_goes_away_is_named_without_a_traceback(project):
    variants = project / "variants.yaml"
    variants.write_text("defaults:\n  delay: 30\nmatrix:\n  language: [en, zh]\n")
    scheduler, address = _local_scheduler()
    worker = _worker(address)
    try:
        proc = build(project, "--params", str(variants), "--format", "html", "--cluster", address)
        staging = project / "reports" / ".staging"
        deadline = time.monotonic() + 300
        while not any(staging.glob("*/*/notebooks/*.ipynb")) and time.monotonic() < deadline:
            time.sleep(0.2)
        scheduler.kill()
        code, _, err = finished(proc)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    assert code == 1, err
    assert "Traceback" not in err and address in err
    assert "nothing was published" in err


def test_a_cluster_address_without_a_port_is_a_usage_error(project):
    code, _, err = finished(build(project, "--format", "html", "--cluster", "foo"))
    assert code == 2, err
    assert "Traceback" not in err and "--cluster foo: not a scheduler address" in err


def test_a_worker_keeps_one_warm_kernel_and_outlives_a_failed_run(project):
    """A worker runs every variant on the kernel it started (not a cold one per variant,
    each kept until the worker closed); a notebook that fails fails its run, and the
    next run on the same workers builds."""
    good = project / "good.yaml"
    good.write_text("matrix:\n  language: [en, zh]\n  jurisdiction: [all, Hebei]\n")
    bad = project / "bad.yaml"
    # A negative delay: time.sleep raises in the chapters' first code cell.
    bad.write_text("variants:\n  - name: ok\n  - name: broken\n    delay: -1\n")
    with cluster() as c, distributed.Client(c) as client:
        on = ("--format", "html", "--cluster", c.scheduler_address)
        code, _, err = finished(build(project, "--params", str(good), *on))
        assert code == 0, err
        started = client.run(
            lambda dask_worker: dask_worker.plugins["ipdossier"].resources.kernels.started
        )
        # 4 variants of 2 notebooks on 2 workers: one kernel each, started with the worker.
        assert set(started.values()) == {1}, started
        code, _, err = finished(build(project, "--params", str(bad), *on))
        assert code == 1 and "broken" in err and "sleep length must be non-negative" in err, err
        code, _, err = finished(build(project, "--params", str(good), "--force", *on))
        assert code == 0, err


def test_a_builds_workers_keep_house_quietly_and_are_given_back_as_they_were(project):
    """While the plugin is installed, a worker's profiler is stopped and its tick, memory
    and system monitors slowed (each 4.5% of a core idle at Dask's rates), and its
    nanny's too; unregistering the plugins restores Dask's own rates."""
    from ipdossier.pipeline.cluster import PLUGIN, QUIET_MS

    def rates(dask_worker):
        pcs = dask_worker.periodic_callbacks
        return {k: (pcs[k].callback_time, pcs[k].is_running()) for k in (*QUIET_MS, "profile")}

    params = project / "one.yaml"
    params.write_text("variants:\n  - name: one\n")
    with cluster() as c, distributed.Client(c) as client:
        default = client.run(rates)
        code, _, err = finished(
            build(project, "--params", str(params), "--format", "html", "--cluster",
                  c.scheduler_address)
        )
        assert code == 0, err
        for worker in client.run(rates).values():
            assert worker["profile"][1] is False, worker
            assert all(worker[k][0] == ms for k, ms in QUIET_MS.items()), worker
        nannies = [n.periodic_callbacks for n in c.workers.values()]
        assert all(n["tick"].callback_time == QUIET_MS["tick"] for n in nannies)
        client.unregister_worker_plugin(PLUGIN)
        client.unregister_worker_plugin(f"{PLUGIN}-nanny", nanny=True)
        assert client.run(rates) == default
        assert all(n["tick"].callback_time < QUIET_MS["tick"] for n in nannies)
