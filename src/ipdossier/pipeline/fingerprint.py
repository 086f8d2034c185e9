"""Cache keys. A notebook run is reused only when everything it reads is unchanged:
the notebook's code (outputs ignored), its parameters, every file of the data package,
and the ipdossier code and version. Unlike jupyter-cache, data changes invalidate."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..files import sha256_file
from ..paths import PACKAGE_DIR


def digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def data_digests(data_dir: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in sorted(data_dir.iterdir()) if p.is_file()}


def source_digests() -> dict[str, str]:
    """What `ipdossier check` reads besides data/: every file of the sources folder and of
    the sources cache, by sha256 (keyed "sources/NAME", "cache/NAME"). A check passed on
    other texts proves nothing about these, so they belong in the check's cache key."""
    from ..paths import sources_dir
    from ..sources import cache_dir

    out: dict[str, str] = {}
    for label, folder in (("sources", sources_dir()), ("cache", cache_dir())):
        if folder.is_dir():
            for p in sorted(folder.iterdir()):
                if p.is_file():
                    out[f"{label}/{p.name}"] = sha256_file(p)
    return out


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The package's own code, so a change to a chart builder re-executes the notebooks."""
    files = sorted(
        p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    return digest({str(p.relative_to(PACKAGE_DIR)): sha256_file(p) for p in files})


def notebook_digest(path: Path) -> str:
    import nbformat  # here: a no-op build decides without it (see `plan.request_key`)

    nb = nbformat.read(path, as_version=4)
    return digest([(c.cell_type, c.source, sorted(c.metadata.get("tags", []))) for c in nb.cells])


def execution_key(notebook: Path, params: dict, data: dict[str, str]) -> str:
    return digest(
        {
            "notebook": notebook_digest(notebook),
            "params": params,
            "data": data,
            "version": __version__,
            "code": code_digest(),
        }
    )
