"""Run directories under the reports folder.

  reports/<run-id>/           a published run: one folder per variant, manifest.json
  reports/latest -> <run-id>  moved only after a whole run succeeded
  reports/.staging/<run-id>/  a run being written; renamed into place when complete
  reports/failed/<run-id>/    what a failed run produced, kept for debugging

Publishing is a rename on the same file system and a symlink swap with os.replace, so a
reader (or a killed build) never sees a half-written run behind `latest`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import time
from pathlib import Path

log = logging.getLogger("ipdossier.build")

RUN_ID_RE = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{4}$")


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(2)


def staging_dir(reports: Path, run_id: str) -> Path:
    return reports / ".staging" / run_id


def clear_stale_staging(reports: Path) -> None:
    """Left-overs of killed builds and of runs whose pruning was cut short; safe to remove
    because the caller holds the lock."""
    shutil.rmtree(reports / ".staging", ignore_errors=True)
    for trash in reports.glob(".trash-*"):
        shutil.rmtree(trash, ignore_errors=True)


def publish(reports: Path, run_id: str) -> Path:
    final = reports / run_id
    os.rename(staging_dir(reports, run_id), final)
    tmp = reports / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(run_id, tmp)
    os.replace(tmp, reports / "latest")
    return final


# What a failed run keeps for debugging: the executed notebooks (with the failing cell's
# error) and logs. Half-written exports go, so that a run that failed on a full disk
# does not keep the disk full for the next one.
KEPT_WHEN_FAILED = {".ipynb", ".log", ".json"}


def keep_failed(reports: Path, run_id: str) -> Path | None:
    staged = staging_dir(reports, run_id)
    if not staged.exists():
        return None
    dest = reports / "failed" / run_id
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.rename(staged, dest)  # a rename needs no space, even on a full disk
    for path in sorted(dest.rglob("*"), reverse=True):
        if path.is_file() and path.suffix not in KEPT_WHEN_FAILED:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return dest


# Failed runs kept when no --keep is given: enough to compare a few nights' failures.
FAILED_KEPT = 5
FAILURE_LOG = "build.log"


def write_failure_log(kept: Path, exc: BaseException) -> bool:
    """The failure as the build saw it (message and traceback) in `kept/build.log`, so a
    failed run always holds what its message points at. False when it cannot be written
    (a full disk): the failed folder is then removed if it holds nothing else."""
    import traceback

    text = "".join(traceback.format_exception(exc))
    try:
        (kept / FAILURE_LOG).write_text(text, encoding="utf-8")
        return True
    except OSError:
        (kept / FAILURE_LOG).unlink(missing_ok=True)
        if kept.is_dir() and not any(kept.iterdir()):
            kept.rmdir()
        return False


def prune_failed(reports: Path, keep: int) -> list[Path]:
    """All but the `keep` newest failed runs removed (published runs untouched)."""
    removed = []
    for run in failed_runs(reports)[keep:]:
        shutil.rmtree(run, ignore_errors=True)
        removed.append(run)
    return removed


def failed_runs(reports: Path) -> list[Path]:
    """Failed runs kept for debugging, newest first."""
    failed = reports / "failed"
    if not failed.is_dir():
        return []
    kept = [p for p in failed.iterdir() if p.is_dir() and RUN_ID_RE.match(p.name)]
    return sorted(kept, key=lambda p: p.name, reverse=True)


def run_size(run: Path | None) -> int | None:
    """Bytes a run takes on disk (None without one): what the next run will need."""
    if run is None or not run.is_dir():
        return None
    return sum(p.stat().st_size for p in run.rglob("*") if p.is_file())


def latest_run(reports: Path) -> Path | None:
    link = reports / "latest"
    if link.is_symlink() or link.exists():
        target = link.resolve()
        if target.is_dir():
            return target
    return None


def published_runs(reports: Path) -> list[Path]:
    """Published runs, newest first."""
    if not reports.is_dir():
        return []
    runs = [p for p in reports.iterdir() if p.is_dir() and RUN_ID_RE.match(p.name)]
    return sorted(runs, key=lambda p: p.name, reverse=True)


def previous_manifests(reports: Path) -> list[dict]:
    out = []
    for run in published_runs(reports):
        try:
            manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        manifest["_dir"] = str(run)
        out.append(manifest)
    return out


def latest_manifest(reports: Path) -> dict | None:
    """The manifest of the run behind `latest` (None if there is none, or unreadable)."""
    run = latest_run(reports)
    if run is None:
        return None
    try:
        manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    manifest["_dir"] = str(run)
    return manifest


def prune(reports: Path, keep: int) -> list[Path]:
    """Remove all but the `keep` newest runs, published and failed alike; the run behind
    `latest` always stays.

    Each run is first renamed out of the listing (`.trash-<id>`), then deleted: a run that
    cannot be removed stays whole and listed, never half deleted. Pruning is housekeeping
    after the new run is published, so a run that cannot be removed is logged as a
    warning and left, not a failure of the build."""
    current = latest_run(reports)
    removed = []
    for run in published_runs(reports)[keep:] + failed_runs(reports)[keep:]:
        if current is not None and run.resolve() == current:
            continue
        trash = run.parent / f".trash-{run.name}"
        try:
            os.rename(run, trash)
        except OSError as exc:
            reason = exc.strerror or exc
            log.warning("--keep: could not remove %s (%s); it stays whole", run, reason)
            continue
        shutil.rmtree(trash, ignore_errors=True)
        removed.append(run)
    return removed
