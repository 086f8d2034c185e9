"""The plan of a run: what each variant needs, and what earlier runs already made.

This module decides whether anything must run at all, so it imports no more than the
standard library, PyYAML (through `variants`) and filelock: `ipdossier build` with
nothing changed answers from here, without loading papermill, pandas or plotly.

Two levels of reuse:
  the request key  everything a run was asked to read (notebook files, raw parameters,
                   data files, package code, formats): equal to the published run's, the
                   run is up to date without validating or reading any notebook
  per-task keys    each notebook run (`fingerprint.execution_key`) and each variant's
                   export: reused one by one, linked from any earlier run
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from .fingerprint import code_digest, digest, sha256_file
from .variants import Variant

# pdf: the dossier; chapters: a PDF per chapter, cut from the dossier's printing (so only
# with pdf); html: the web edition. A scheduled run of many variants may leave the
# chapters out: the dossier's bookmarks and the HTML's anchors reach each chapter, and
# the chapter PDFs hold 2.6 times the dossier's bytes (README, "Scheduled runs").
FORMATS = ("pdf", "chapters", "html")


@dataclass
class BuildOptions:
    params_file: Path | None = None
    only: tuple[str, ...] = ()
    jobs: int = 1
    formats: tuple[str, ...] = FORMATS
    out: Path | None = None
    force: bool = False
    keep: int | None = None
    progress: bool | None = None  # None: bars on a terminal, log lines otherwise
    cluster: str | None = None  # a Dask scheduler's address: variants run there


@dataclass
class BuildResult:
    status: str  # "built" or "up-to-date"
    run_dir: Path | None
    executed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)


@dataclass
class VariantPlan:
    """One variant's part of a run: its typed parameters, notebooks and cache keys, and
    what the run records of it (seconds per notebook, where reused parts came from)."""

    variant: Variant
    params: dict
    notebooks: list[Path]
    keys: dict[str, str]  # notebook name -> execution key
    export_key: str
    seconds: dict[str, float] = field(default_factory=dict)
    reused_from: dict[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.variant.slug

    def executed_path(self, stage: Path, notebook: Path) -> Path:
        return stage / self.slug / "notebooks" / notebook.name


@dataclass
class Previous:
    """What published runs hold, by cache key."""

    executed: dict[str, tuple[str, Path]] = field(default_factory=dict)  # run id, notebook
    exported: dict[str, tuple[str, Path, list[dict]]] = field(default_factory=dict)


def request_key(
    notebooks: list[Path], variants: list[Variant], data_files: dict[str, str], formats
) -> str:
    """The whole request, from raw inputs only (no parsing, no validation): a run that
    succeeded with this key made exactly what this request would make."""
    return digest(
        {
            "notebooks": [(nb.name, sha256_file(nb)) for nb in notebooks],
            "variants": [(v.name, v.params) for v in variants],
            "data": data_files,
            "formats": list(formats),
            "version": __version__,
            "code": code_digest(),
        }
    )


def outputs_present(manifest: dict) -> bool:
    run_dir = Path(manifest["_dir"])
    return all(
        (run_dir / o["path"]).is_file()
        for v in manifest.get("variants", [])
        for o in v.get("outputs", [])
    )


def unchanged(latest: dict | None, key: str) -> bool:
    """The published run was asked for exactly this and its reports are all there."""
    return bool(
        latest
        and latest.get("status") == "succeeded"
        and latest.get("request_key") == key
        and outputs_present(latest)
    )


def up_to_date(latest: dict | None, plans: list[VariantPlan]) -> bool:
    """The published run holds every variant with the same export key (the request
    differs only in what does not change the reports, e.g. a notebook's saved outputs)."""
    if not latest or latest.get("status") != "succeeded":
        return False
    have = {v["slug"]: v for v in latest.get("variants", [])}
    if set(have) != {p.slug for p in plans}:
        return False
    return all(have[p.slug].get("export_key") == p.export_key for p in plans) and (
        outputs_present(latest)
    )


def index_previous(manifests: list[dict]) -> Previous:
    """Executed notebooks and exports of published runs that are still on disk."""
    found = Previous()
    for m in manifests:
        run_dir = Path(m["_dir"])
        for v in m.get("variants", []):
            for nb in v.get("notebooks", []):
                path = run_dir / nb["executed"]
                if path.is_file():
                    found.executed.setdefault(nb["key"], (m["run_id"], path))
            outs = v.get("outputs", [])
            if outs and all((run_dir / o["path"]).is_file() for o in outs):
                found.exported.setdefault(v["export_key"], (m["run_id"], run_dir, outs))
    return found
