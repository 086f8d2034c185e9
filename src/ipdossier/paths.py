"""Where things live: the data package, the notebooks, the reports and the raw sources.

Each location can be overridden by an environment variable so that tests and scheduled
runs can point at copies without touching the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The checkout holding data/ and notebooks/ (IPDOSSIER_ROOT overrides)."""
    env = os.environ.get("IPDOSSIER_ROOT")
    if env:
        return Path(env).resolve()
    # src/ipdossier/paths.py -> the checkout is two levels above the package.
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "data" / "datapackage.json").exists():
        return candidate
    return Path.cwd()


def data_dir() -> Path:
    env = os.environ.get("IPDOSSIER_DATA")
    return Path(env).resolve() if env else project_root() / "data"


def datapackage_path(data: Path | str | None = None) -> Path:
    """Accepts a data directory or a datapackage.json path; defaults to data_dir()."""
    path = Path(data) if data is not None else data_dir()
    return path if path.suffix == ".json" else path / "datapackage.json"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def reports_dir() -> Path:
    return project_root() / "reports"


def sources_dir() -> Path:
    """Raw third-party texts live outside the repository, in ../shared/sources by default."""
    env = os.environ.get("IPDOSSIER_SOURCES")
    if env:
        return Path(env).resolve()
    root = project_root()
    for candidate in (root.parent / "shared" / "sources", root / "shared" / "sources"):
        if candidate.is_dir():
            return candidate
    return root.parent / "shared" / "sources"
