"""The build flow: plan → execute → draw → export → manifest → publish.

`build` decides first, from the raw inputs alone, whether the published run already is
what was asked for (`plan.request_key`); only then does it check the data, validate the
parameters and hand the variants to the stages (`stages`, or Dask through `cluster`).
This module and what it imports at the top stay light for that reason: the stages, and
with them papermill, pandas and plotly, are imported when there is work to do.
"""

from __future__ import annotations

import errno
import json
import logging
import shutil
import sys
import time
from pathlib import Path

from ..errors import BuildError, DataInvalid, DiskFull, ReportsUnwritable
from ..paths import data_dir, notebooks_dir, reports_dir
from . import plan as plan_mod
from . import runs
from .execute import NotebookFailed
from .fingerprint import data_digests, digest, execution_key, source_digests
from .lock import BuildLock
from .plan import FORMATS, BuildOptions, BuildResult, VariantPlan
from .variants import Variant, load_variants

log = logging.getLogger("ipdossier.build")

__all__ = ["FORMATS", "BuildError", "BuildOptions", "BuildResult", "DataInvalid", "build"]


def select_notebooks(only: tuple[str, ...]) -> list[Path]:
    found = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
    if not found:
        raise BuildError(f"nothing to build yet: no notebooks in {notebooks_dir()}")
    if not only:
        return found
    chosen = []
    for name in only:
        match = [p for p in found if name in (p.name, p.stem)]
        if not match:
            raise BuildError(
                f"--only {name}: no such notebook (have: {', '.join(p.stem for p in found)})"
            )
        chosen += match
    return chosen


def _validate(variants: list[Variant], notebooks: list[Path]) -> dict[str, dict]:
    from ..params import validate

    typed = {}
    for v in variants:
        per_nb = [validate(nb, v.params) for nb in notebooks]
        typed[v.slug] = per_nb[0]
    return typed


def _check_data(data_path: Path, files: dict[str, str], texts: dict[str, str], out: Path) -> None:
    """The package passes `ipdossier check` (schema, keys, evidence, and the locators whose
    source text is here) before any notebook reads it. What a published run already
    checked (the same data files and the same source texts, by sha256) is not checked
    again, so a no-op rebuild stays fast; a changed source text is checked again even
    under --force, so a build never publishes what `check` would refuse."""
    latest = runs.latest_run(out)
    if latest is not None:
        try:
            done = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))["data"]
            if done.get("checked") and done.get("files") == files and done.get("sources") == texts:
                return
        except (OSError, ValueError, KeyError, TypeError):
            pass  # an unreadable manifest proves nothing: check
    from ..check import check

    problems = check(data_path)
    if problems:
        raise DataInvalid(problems)


def _plan_variants(
    variants: list[Variant], notebooks: list[Path], formats, data_path: Path, data_files, texts, out
) -> list[VariantPlan]:
    """The plan's typed part: the data checked, each variant's parameters validated, and
    the cache key of every notebook run and of every variant's reports."""
    _check_data(data_path, data_files, texts, out)
    typed = _validate(variants, notebooks)
    plans = []
    for v in variants:
        keys = {nb.name: execution_key(nb, typed[v.slug], data_files) for nb in notebooks}
        export_key = digest(
            {"notebooks": keys, "formats": formats, "order": [n.name for n in notebooks]}
        )
        plans.append(VariantPlan(v, typed[v.slug], notebooks, keys, export_key))
    return plans


def build(options: BuildOptions) -> BuildResult:
    t0 = time.perf_counter()
    out = Path(options.out or reports_dir()).resolve()
    formats = tuple(f for f in FORMATS if f in options.formats)
    if not formats or set(options.formats) - set(FORMATS):
        raise BuildError(f"--format takes a comma-separated subset of {', '.join(FORMATS)}")
    if "chapters" in formats and "pdf" not in formats:
        raise BuildError(
            "--format chapters needs pdf too: the chapter PDFs are cut from the dossier's printing"
        )
    if options.jobs < 1:
        raise BuildError("--jobs must be at least 1")
    progress = sys.stderr.isatty() if options.progress is None else options.progress

    notebooks = select_notebooks(options.only)
    variants = load_variants(options.params_file)
    data_path = data_dir()
    data_files = data_digests(data_path)
    request = plan_mod.request_key(notebooks, variants, data_files, formats)

    _ensure_writable(out)
    with BuildLock(out):
        runs.clear_stale_staging(out)
        latest = runs.latest_manifest(out)
        if not options.force and plan_mod.unchanged(latest, request):
            return _up_to_date(out, latest, options)
        # Hashed here, not before the no-op decision: a nightly run on unchanged inputs
        # stays fast however large the sources cache grows.
        texts = source_digests()
        plans = _plan_variants(variants, notebooks, formats, data_path, data_files, texts, out)
        if "pdf" in formats:
            _check_printing()
        t_validate = time.perf_counter() - t0
        if not options.force and plan_mod.up_to_date(latest, plans):
            return _up_to_date(out, latest, options, request)
        previous = (
            plan_mod.Previous()
            if options.force
            else plan_mod.index_previous(runs.previous_manifests(out))
        )

        run_id = runs.new_run_id()
        stage = runs.staging_dir(out, run_id)
        stage.mkdir(parents=True)
        try:
            if options.cluster:
                from . import cluster

                result = cluster.run(
                    options.cluster, options, plans, formats, out, run_id, stage, previous
                )
            else:
                from . import stages

                result = stages.run(options, plans, formats, run_id, stage, previous, progress)
            _finish(stage, result, request, data_path, data_files, texts, t0, t_validate)
        except BaseException as exc:
            kept = runs.keep_failed(out, run_id)
            if kept is not None and not runs.write_failure_log(kept, exc):
                kept = None if not any(kept.iterdir()) else kept
            if options.keep:
                runs.prune(out, options.keep)
            else:
                # Bounded by default: an unattended job failing every night must not fill
                # the disk with failed runs nobody reads.
                runs.prune_failed(out, runs.FAILED_KEPT)
            if _disk_full(exc):
                needed = runs.run_size(runs.latest_run(out))
                free = shutil.disk_usage(out).free
                raise DiskFull(str(out), free, needed, kept) from exc
            if isinstance(exc, NotebookFailed) and kept:
                exc.kept_dir = kept
            raise
        result.run_dir = runs.publish(out, run_id)
        if options.keep:
            runs.prune(out, options.keep)
        return result


def _check_printing() -> None:
    """What printing needs, before any notebook runs (exit 4 and what to install): the
    browser, and a CJK font for every edition, English too, since it prints each policy's
    Chinese title beside the English one (without one those print as blank glyphs)."""
    from ..export.browser import check_cjk_fonts, find_chromium

    find_chromium()
    check_cjk_fonts()


def _ensure_writable(out: Path) -> None:
    """Fail with the folder's name before anything starts, not with a traceback half way:
    a real write is tried, since root on a read-only mount passes os.access-style checks
    of permissions alone."""
    import tempfile

    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(str(out), shutil.disk_usage(out).free, None, None) from exc
        raise ReportsUnwritable(str(exc.filename or out), exc.strerror or str(exc)) from exc


def _disk_full(exc: BaseException) -> bool:
    """Whether a failure comes from a full disk, however deep in its causes (a kernel or
    an export thread may have hit it first)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if "No space left on device" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _finish(stage, result, request, data_path, data_files, texts, t0, t_validate):
    """The run's manifest, written into the staged run before it is published."""
    from .. import data as dossier_data
    from . import manifest as manifest_mod

    manifest = result.manifest
    manifest.update(
        {
            "request_key": request,
            "data": {
                "path": str(data_path),
                "checked": True,
                "version": dossier_data.load(data_path).version,
                "files": data_files,
                "sources": texts,
            },
            "timings": {
                **manifest["timings"],
                "validate_s": round(t_validate, 3),
                "total_s": round(time.perf_counter() - t0, 3),
            },
        }
    )
    manifest_mod.write(stage / "manifest.json", manifest)


def _up_to_date(
    out: Path, latest: dict, options: BuildOptions, request: str | None = None
) -> BuildResult:
    """The published run stands. Found so by its cache keys (`request` given), it records
    this request's key, so that the same request next time is answered from the key
    alone (a run published before request keys, or a notebook saved with outputs)."""
    run_dir = Path(latest["_dir"])
    log.info("up to date: %s", run_dir)
    if request is not None and latest.get("request_key") != request:
        from . import manifest as manifest_mod

        stored = {k: v for k, v in latest.items() if k != "_dir"}
        manifest_mod.write(run_dir / "manifest.json", {**stored, "request_key": request})
    if options.keep:
        runs.prune(out, options.keep)
    return BuildResult("up-to-date", run_dir, manifest=latest)
