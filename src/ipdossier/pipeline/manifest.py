"""manifest.json: what a run did, so a report can be traced and reproduced."""

from __future__ import annotations

import json
import platform
import subprocess
from pathlib import Path

from .. import __version__
from ..files import write_atomic
from .fingerprint import code_digest, sha256_file


def git_commit(cwd: Path) -> dict:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()

    try:
        return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}


def environment(project_root: Path, chromium_version: str | None) -> dict:
    return {
        "ipdossier": __version__,
        "code_sha256": code_digest(),
        "python": platform.python_version(),
        "chromium": chromium_version,
        "git": git_commit(project_root),
    }


def outputs_with_checksums(run_dir: Path, paths: list[Path]) -> list[dict]:
    return [
        {"path": str(p.relative_to(run_dir)), "sha256": sha256_file(p), "bytes": p.stat().st_size}
        for p in paths
    ]


def write(path: Path, manifest: dict) -> None:
    write_atomic(path, json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")
