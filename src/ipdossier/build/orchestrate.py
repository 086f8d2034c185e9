"""The build flow: validate everything, reuse what is unchanged, execute the rest in
parallel, export each variant with one shared Chromium, then publish the run at once."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm.auto import tqdm

from .. import data as dossier_data
from ..errors import BuildError, DataInvalid
from ..paths import data_dir, notebooks_dir, project_root, reports_dir
from . import manifest as manifest_mod
from . import runs
from .execute import NotebookFailed, execute
from .fingerprint import data_digests, digest, execution_key
from .kernels import KernelPool
from .lock import BuildLock
from .variants import Variant, load_variants

log = logging.getLogger("ipdossier.build")

FORMATS = ("pdf", "html")


# What every chapter imports first; a pre-started kernel imports it while it waits.
PRELOAD = """
import importlib, pkgutil
import ipdossier.charts, ipdossier.data, ipdossier.notebook
for m in pkgutil.iter_modules(ipdossier.charts.__path__):
    importlib.import_module("ipdossier.charts." + m.name)
ipdossier.data.load().figures
"""


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
class _Job:
    variant: Variant
    params: dict
    notebooks: list[Path]
    keys: dict[str, str]
    export_key: str
    seconds: dict[str, float] = field(default_factory=dict)
    reused_from: dict[str, str] = field(default_factory=dict)


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


def _link_or_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _index_previous(manifests: list[dict]) -> tuple[dict, dict]:
    """exec key -> (run id, executed notebook path); export key -> (run id, run dir, outputs)."""
    executed, exported = {}, {}
    for m in manifests:
        run_dir = Path(m["_dir"])
        for v in m.get("variants", []):
            for nb in v.get("notebooks", []):
                path = run_dir / nb["executed"]
                if path.is_file():
                    executed.setdefault(nb["key"], (m["run_id"], path))
            outs = v.get("outputs", [])
            if outs and all((run_dir / o["path"]).is_file() for o in outs):
                exported.setdefault(v["export_key"], (m["run_id"], run_dir, outs))
    return executed, exported


def _up_to_date(latest: dict | None, jobs: list[_Job], formats: tuple[str, ...]) -> bool:
    if not latest or latest.get("status") != "succeeded":
        return False
    have = {v["slug"]: v for v in latest.get("variants", [])}
    if set(have) != {j.variant.slug for j in jobs}:
        return False
    run_dir = Path(latest["_dir"])
    for j in jobs:
        v = have[j.variant.slug]
        if v.get("export_key") != j.export_key:
            return False
        if not all((run_dir / o["path"]).is_file() for o in v.get("outputs", [])):
            return False
    return True


def _chromium_version() -> str | None:
    from ..export.browser import chromium_version

    try:
        return chromium_version()
    except Exception:  # the manifest records what it can; a missing browser fails elsewhere
        return None


def _check_data(data_path: Path, files: dict[str, str], out: Path) -> None:
    """The package passes `ipdossier check` (schema, keys, evidence, and the locators whose
    source text is here) before any notebook reads it. Files a published run already
    checked are not checked again, so a no-op rebuild stays fast."""
    latest = runs.latest_run(out)
    if latest is not None:
        try:
            done = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))["data"]
            if done.get("checked") and done.get("files") == files:
                return
        except (OSError, ValueError, KeyError, TypeError):
            pass  # an unreadable manifest proves nothing: check
    from ..check import check

    problems = check(data_path)
    if problems:
        raise DataInvalid(problems)


def build(options: BuildOptions) -> BuildResult:
    t0 = time.perf_counter()
    out = Path(options.out or reports_dir()).resolve()
    formats = tuple(f for f in FORMATS if f in options.formats)
    if not formats or set(options.formats) - set(FORMATS):
        raise BuildError(f"--format takes a comma-separated subset of {', '.join(FORMATS)}")
    if options.jobs < 1:
        raise BuildError("--jobs must be at least 1")
    progress = sys.stderr.isatty() if options.progress is None else options.progress

    notebooks = select_notebooks(options.only)
    variants = load_variants(options.params_file)
    data_path = data_dir()
    data_files = data_digests(data_path)
    _check_data(data_path, data_files, out)
    typed = _validate(variants, notebooks)
    t_validate = time.perf_counter() - t0
    jobs = []
    for v in variants:
        keys = {nb.name: execution_key(nb, typed[v.slug], data_files) for nb in notebooks}
        export_key = digest(
            {"notebooks": keys, "formats": formats, "order": [n.name for n in notebooks]}
        )
        jobs.append(_Job(v, typed[v.slug], notebooks, keys, export_key))

    out.mkdir(parents=True, exist_ok=True)
    with BuildLock(out):
        runs.clear_stale_staging(out)
        previous = runs.previous_manifests(out)
        latest_dir = runs.latest_run(out)
        latest = next((m for m in previous if latest_dir and Path(m["_dir"]) == latest_dir), None)
        if not options.force and _up_to_date(latest, jobs, formats):
            log.info("up to date: %s", latest_dir)
            if options.keep:
                runs.prune(out, options.keep)
            return BuildResult("up-to-date", latest_dir, manifest=latest)

        run_id = runs.new_run_id()
        stage = runs.staging_dir(out, run_id)
        stage.mkdir(parents=True)
        try:
            if options.cluster:
                from . import cluster

                result = cluster.run(
                    options.cluster, options, jobs, formats, out, run_id, stage, previous
                )
            else:
                result = _run(options, jobs, formats, out, run_id, stage, previous, progress)
        except BaseException as exc:
            kept = runs.keep_failed(out, run_id)
            if isinstance(exc, NotebookFailed) and kept:
                exc.kept_dir = kept
            raise
        manifest = result.manifest
        manifest.update(
            {
                "data": {
                    "path": str(data_path),
                    "checked": True,
                    "version": dossier_data.load(data_path).version,
                    "files": data_files,
                },
                "timings": {
                    **manifest["timings"],
                    "validate_s": round(t_validate, 3),
                    "total_s": round(time.perf_counter() - t0, 3),
                },
            }
        )
        manifest_mod.write(stage / "manifest.json", manifest)
        result.run_dir = runs.publish(out, run_id)
        if options.keep:
            runs.prune(out, options.keep)
        return result


def _run(
    options,
    jobs: list[_Job],
    formats,
    out: Path,
    run_id: str,
    stage: Path,
    previous: list[dict],
    progress: bool,
    resources: WorkerResources | None = None,
) -> BuildResult:
    """Execute and export `jobs` into `stage`. A Dask worker passes the warm kernels and
    browser it keeps (`resources`); a local build starts its own and closes them."""
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    prev_exec, prev_export = ({}, {}) if options.force else _index_previous(previous)
    result = BuildResult("built", None)
    pending: dict[tuple[str, str], tuple[_Job, Path]] = {}
    for job in jobs:
        for nb in job.notebooks:
            dest = stage / job.variant.slug / "notebooks" / nb.name
            hit = prev_exec.get(job.keys[nb.name])
            if hit:
                _link_or_copy(hit[1], dest)
                job.reused_from[nb.name] = hit[0]
                result.reused.append(f"{job.variant.slug}/{nb.name}")
            else:
                pending[(job.variant.slug, nb.name)] = (job, nb)

    total_bar = tqdm(
        total=len(pending), desc="notebooks", unit="nb", disable=not progress, position=0
    )
    own = resources is None
    kernels = new_kernel_pool() if own else resources.kernels
    if pending and own:
        # Kernels start (and import what the notebooks will) while the browser starts.
        kernels.prestart(min(options.jobs, len(pending)), preload=PRELOAD)
    slots = threading.local()
    slot_counter = iter(range(1, 1_000))
    slot_lock = threading.Lock()

    def run_one(job: _Job, nb: Path) -> float:
        if not hasattr(slots, "n"):
            with slot_lock:
                slots.n = next(slot_counter)
        bar = (
            {"desc": f"{job.variant.slug}/{nb.stem}", "position": slots.n, "leave": False}
            if progress
            else False
        )
        if not progress:
            log.info("executing %s for variant %s", nb.name, job.variant.name)
        output = stage / job.variant.slug / "notebooks" / nb.name
        start = time.perf_counter()
        execute(nb, output, job.params, variant=job.variant.name, progress=bar, kernels=kernels)
        return time.perf_counter() - start

    remaining = {
        j.variant.slug: {(j.variant.slug, nb.name) for nb in j.notebooks} & set(pending)
        for j in jobs
    }
    exported: dict[str, dict] = {}
    printer_cm = None
    printer = None
    browser_version = None
    t_phase = time.perf_counter()
    try:
        if not own:
            printer = resources.printer
            browser_version = resources.printer.browser_version
        elif pending or ("pdf" in formats and any(j.export_key not in prev_export for j in jobs)):
            from ..export.printer import PdfPrinter

            # One browser for the whole run: it draws every chart and prints several
            # documents at once. It launches in the background: the notebooks start
            # meanwhile, and only their charts wait for it.
            printer_cm = PdfPrinter()
            printer = printer_cm.start()
        futures: dict[Future, tuple[str, object]] = {}
        with (
            ThreadPoolExecutor(max_workers=options.jobs, thread_name_prefix="nb") as pool,
            ThreadPoolExecutor(
                max_workers=options.jobs + 2, thread_name_prefix="export"
            ) as exports,
            _stop_at_once_on_error(pool, exports, kernels, futures),
        ):
            futures.update(
                {pool.submit(run_one, job, nb): ("run", key) for key, (job, nb) in pending.items()}
            )

            chapters: dict[str, list] = {j.variant.slug: [] for j in jobs}
            prep_seconds: dict[str, float] = {j.variant.slug: 0.0 for j in jobs}

            def fresh_export(job: _Job) -> bool:
                return job.export_key not in prev_export

            def finish(job: _Job, nb: Path, *, drawn: bool) -> None:
                # An executed notebook gets its charts' SVGs, then its chapter's HTML and
                # own PDF, in an export thread: its kernel goes on to the next notebook
                # meanwhile, and only this waits for the browser.
                if fresh_export(job):
                    index = job.notebooks.index(nb) + 1
                    fut = exports.submit(_chapter, job, index, formats, stage, printer, drawn)
                    futures[fut] = ("chapter", (job.variant.slug, nb.name))
                else:
                    fut = exports.submit(_draw_charts, job, nb, stage, printer)
                    futures[fut] = ("drawn", (job.variant.slug, nb.name))

            def start_export(job: _Job) -> None:
                slug = job.variant.slug
                fut = exports.submit(
                    _export, job, formats, stage, prev_export, printer, chapters[slug]
                )
                futures[fut] = ("export", slug)

            for job in jobs:
                slug = job.variant.slug
                if fresh_export(job):
                    for nb in job.notebooks:
                        if (slug, nb.name) not in pending:
                            finish(job, nb, drawn=True)
                elif not remaining[slug]:
                    start_export(job)
            while futures:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for fut in done:
                    kind, key = futures.pop(fut)
                    try:
                        value = fut.result()
                    except BaseException:
                        for other in futures:
                            other.cancel()
                        raise
                    if kind == "export":
                        exported[key] = value
                        continue
                    slug, name = key
                    job = next(j for j in jobs if j.variant.slug == slug)
                    if kind == "chapter":
                        parts, seconds = value
                        chapters[slug].append(parts)
                        prep_seconds[slug] += seconds
                        if len(chapters[slug]) == len(job.notebooks):
                            start_export(job)
                        continue
                    if kind == "drawn":
                        remaining[slug].discard(key)
                        if not remaining[slug]:
                            start_export(job)
                        continue
                    job.seconds[name] = round(value, 3)
                    result.executed.append(f"{slug}/{name}")
                    total_bar.update(1)
                    if progress is False:
                        log.info("done %s/%s in %.1f s", slug, name, value)
                    finish(job, next(nb for nb in job.notebooks if nb.name == name), drawn=False)
            for slug, seconds in prep_seconds.items():
                if exported[slug]["reused_from"] is None:
                    exported[slug]["seconds"] = round(exported[slug]["seconds"] + seconds, 3)
    finally:
        total_bar.close()
        if own:
            # Kernels and browser shut down side by side: each takes a tenth of a second
            # or two.
            closing = threading.Thread(target=kernels.close, name="kernels-close")
            closing.start()
            try:
                if printer_cm is not None:
                    printer_cm.close()
                    browser_version = printer_cm.browser_version
            finally:
                closing.join()
    t_parallel = time.perf_counter() - t_phase
    t_exec = sum(sum(j.seconds.values()) for j in jobs)
    t_export = sum(info["seconds"] for info in exported.values())

    variants_out = []
    for job in jobs:
        info = exported[job.variant.slug]
        variants_out.append(
            {
                "name": job.variant.name,
                "slug": job.variant.slug,
                "params": job.params,
                "export_key": job.export_key,
                "notebooks": [
                    {
                        "notebook": nb.name,
                        "key": job.keys[nb.name],
                        "executed": f"{job.variant.slug}/notebooks/{nb.name}",
                        "seconds": job.seconds.get(nb.name),
                        "reused_from": job.reused_from.get(nb.name),
                    }
                    for nb in job.notebooks
                ],
                "export": {"seconds": info["seconds"], "reused_from": info["reused_from"]},
                "outputs": manifest_mod.outputs_with_checksums(stage, info["paths"]),
            }
        )
    result.manifest = {
        "run_id": run_id,
        "status": "succeeded",
        "started": started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "options": {
            "params_file": str(options.params_file) if options.params_file else None,
            "only": list(options.only),
            "jobs": options.jobs,
            "formats": list(formats),
            "force": options.force,
        },
        "environment": manifest_mod.environment(
            project_root(),
            browser_version or (_chromium_version() if "pdf" in formats else None),
        ),
        "variants": variants_out,
        # execute_s and export_s add up each notebook and variant; run_s is the wall time
        # of both, side by side.
        "timings": {
            "execute_s": round(t_exec, 3),
            "export_s": round(t_export, 3),
            "run_s": round(t_parallel, 3),
        },
    }
    return result


def new_kernel_pool() -> KernelPool:
    # Kernels emit the charts' JSON only; their SVGs are drawn by the run's one browser
    # (export.figures), so no kernel starts a kaleido browser of its own.
    return KernelPool(notebooks_dir(), env={"PLOTLY_RENDERER": "plotly_mimetype"})


@dataclass
class WorkerResources:
    """What a Dask worker keeps between the variants it builds: warm kernels and one
    started browser (see `build.cluster`)."""

    kernels: KernelPool
    printer: object


@contextmanager
def _stop_at_once_on_error(pool, exports, kernels: KernelPool, futures: dict):
    """On the way out of a failed or interrupted run (an error, Ctrl-C, SIGTERM), before
    the executors wait for their threads: nothing queued starts, and the cells under way
    are interrupted, so the exit waits for neither."""
    try:
        yield
    except BaseException:
        for fut in futures:
            fut.cancel()
        pool.shutdown(wait=False, cancel_futures=True)
        exports.shutdown(wait=False, cancel_futures=True)
        kernels.interrupt()
        raise


def _draw_charts(job: _Job, nb: Path, stage: Path, printer) -> None:
    from ..export.figures import add_svgs  # here: a no-op build never loads plotly

    add_svgs(stage / job.variant.slug / "notebooks" / nb.name, printer)


def _chapter(job: _Job, index: int, formats, stage: Path, printer, drawn: bool):
    from ..export.report import prepare_chapter

    start = time.perf_counter()
    nb = job.notebooks[index - 1]
    if not drawn:
        _draw_charts(job, nb, stage, printer)
    parts = prepare_chapter(
        stage / job.variant.slug / "notebooks" / nb.name,
        index,
        _report_context(job),
        formats=formats,
        printer=printer,
    )
    return parts, time.perf_counter() - start


def _report_context(job: _Job):
    from ..export.report import report_context

    return report_context(job.params, dossier_data.load().version)


def _export(job: _Job, formats, stage: Path, prev_export: dict, printer, chapters) -> dict:
    """The variant's reports: linked from an earlier run when its export key matches,
    else assembled from its prepared chapters."""
    dest = stage / job.variant.slug
    hit = prev_export.get(job.export_key)
    if hit:
        run_id, run_dir, outs = hit
        paths = []
        for o in outs:
            rel = Path(o["path"])
            # Outputs live under the variant's own folder; re-root them for this variant slug.
            target = dest / Path(*rel.parts[1:])
            _link_or_copy(run_dir / rel, target)
            paths.append(target)
        return {"paths": paths, "seconds": 0.0, "reused_from": run_id}
    from ..export.report import assemble

    start = time.perf_counter()
    made = assemble(chapters, dest, _report_context(job), formats=formats, printer=printer)
    paths = []
    for value in made.values():
        paths += [p for p in (value if isinstance(value, list) else [value]) if p]
    return {
        "paths": [Path(p) for p in paths],
        "seconds": round(time.perf_counter() - start, 3),
        "reused_from": None,
    }
