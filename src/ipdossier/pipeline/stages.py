"""The stages of a run that has work to do, each a kind of task:

  plan     cache hits: executed notebooks of earlier runs linked into this one
  Execute  a notebook under papermill, on a warm kernel (the notebook pool)
  Draw     an executed notebook's charts as SVG, by the run's one browser
  Chapter  the same, then the chapter's HTML and its PDF printed alone
  Export   a variant's reports from its chapters (or linked from an earlier run)
  manifest what the run did, returned to `orchestrate`, which writes it and publishes

Each finished task says which tasks follow (`Run.after`), so a variant's chapters are
printed while other notebooks still run, and a kernel goes on to the next notebook as
soon as its own is written. A local build owns its kernels and browser; a Dask worker
lends the ones it keeps (`WorkerResources`, see `cluster`), which is the one seam
between the two executors.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from ..paths import notebooks_dir, project_root
from . import manifest as manifest_mod
from .execute import execute
from .kernels import KernelPool
from .plan import BuildResult, Previous, VariantPlan

log = logging.getLogger("ipdossier.build")

# What every chapter imports first; a pre-started kernel imports it while it waits. Also
# what the first chapter's `setup` would otherwise do in its first cell: plotly imports
# its renderers on first use (~0.3 s), and every table of the package is parsed (once per
# kernel and version of the data, see data.Dossier._tables). All of it is then frozen out
# of the garbage collector's view, as after each reset (see `kernels.RESET`).
PRELOAD = """
import importlib, pkgutil
import ipdossier.charts, ipdossier.data, ipdossier.notebook
for m in pkgutil.iter_modules(ipdossier.charts.__path__):
    importlib.import_module("ipdossier.charts." + m.name)
import plotly.io
plotly.io.renderers.default
_d = ipdossier.data.load()
for _n in _d.resource_names:
    _d.table(_n)
del _d, _n
import gc
gc.freeze()
del gc
"""


@dataclass(eq=False, frozen=True)
class Execute:
    plan: VariantPlan
    notebook: Path


@dataclass(eq=False, frozen=True)
class Draw:
    """For a variant whose reports are reused: the executed notebook still gets its SVGs."""

    plan: VariantPlan
    notebook: Path


@dataclass(eq=False, frozen=True)
class Chapter:
    plan: VariantPlan
    notebook: Path
    drawn: bool  # False: the charts are drawn first (a notebook this run executed)


@dataclass(eq=False, frozen=True)
class Export:
    plan: VariantPlan


Task = Execute | Draw | Chapter | Export


@dataclass
class WorkerResources:
    """What a Dask worker keeps between the variants it builds: warm kernels and one
    started browser (see `pipeline.cluster`), and the environment its manifests record
    for the run under way."""

    kernels: KernelPool
    printer: object
    environment: tuple[str, dict] | None = None  # (run id, manifest_mod.environment)

    def environment_of(self, run_id: str, make) -> dict:
        # Once per run, not per variant: it asks git for the checkout's state (a tenth
        # of a second, two processes forked from the worker) and is the same for every
        # variant of the run. A later run asks again: the checkout may have moved.
        if self.environment is None or self.environment[0] != run_id:
            self.environment = (run_id, make())
        return self.environment[1]


def new_kernel_pool() -> KernelPool:
    # Kernels emit the charts' JSON only; their SVGs are drawn by the run's one browser
    # (export.chart_svgs), so no kernel starts a kaleido browser of its own.
    return KernelPool(notebooks_dir(), env={"PLOTLY_RENDERER": "plotly_mimetype"})


def link_or_copy(src: Path, dest: Path) -> None:
    import os
    import shutil

    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


class Run:
    """One run's tasks: what each does (`do`) and what follows it (`after`)."""

    def __init__(self, options, plans, formats, stage: Path, previous: Previous, progress):
        self.options, self.plans, self.formats = options, plans, formats
        self.stage, self.previous, self.progress = stage, previous, progress
        self.result = BuildResult("built", None)
        self.printer = None
        self.kernels: KernelPool | None = None
        self.to_execute: list[Execute] = []
        self.chapters: dict[str, list] = {p.slug: [] for p in plans}
        self.prep_seconds: dict[str, float] = {p.slug: 0.0 for p in plans}
        self.waiting: dict[str, int] = {}  # notebooks a variant's Export still waits for
        self.exported: dict[str, dict] = {}
        self.bar = None
        self._slots = threading.local()
        self._slot_numbers = iter(range(1, 1_000))
        self._slot_lock = threading.Lock()

    # -- plan: cache hits ---------------------------------------------------------------

    def plan_cache_hits(self) -> None:
        for p in self.plans:
            for nb in p.notebooks:
                hit = self.previous.executed.get(p.keys[nb.name])
                if hit:
                    link_or_copy(hit[1], p.executed_path(self.stage, nb))
                    p.reused_from[nb.name] = hit[0]
                    self.result.reused.append(f"{p.slug}/{nb.name}")
                else:
                    self.to_execute.append(Execute(p, nb))

    def fresh_export(self, plan: VariantPlan) -> bool:
        return plan.export_key not in self.previous.exported

    def needs_browser(self) -> bool:
        return bool(self.to_execute) or (
            "pdf" in self.formats and any(self.fresh_export(p) for p in self.plans)
        )

    def first_tasks(self) -> list[Task]:
        tasks: list[Task] = list(self.to_execute)
        running = {(t.plan.slug, t.notebook.name) for t in self.to_execute}
        for p in self.plans:
            self.waiting[p.slug] = sum((p.slug, nb.name) in running for nb in p.notebooks)
            if self.fresh_export(p):
                self.waiting[p.slug] = len(p.notebooks)
                tasks += [
                    Chapter(p, nb, drawn=True)
                    for nb in p.notebooks
                    if (p.slug, nb.name) not in running
                ]
            elif not self.waiting[p.slug]:
                tasks.append(Export(p))
        return tasks

    # -- what each task does ------------------------------------------------------------

    def do(self, task: Task):
        match task:
            case Execute(plan, nb):
                return self._execute(plan, nb)
            case Draw(plan, nb):
                return self._draw(plan, nb)
            case Chapter(plan, nb, drawn):
                return self._chapter(plan, nb, drawn)
            case Export(plan):
                return self._export(plan)
        raise TypeError(task)

    def _execute(self, plan: VariantPlan, nb: Path) -> float:
        if not hasattr(self._slots, "n"):
            with self._slot_lock:
                self._slots.n = next(self._slot_numbers)
        bar = (
            {"desc": f"{plan.slug}/{nb.stem}", "position": self._slots.n, "leave": False}
            if self.progress
            else False
        )
        if not self.progress:
            log.info("executing %s for variant %s", nb.name, plan.variant.name)
        start = time.perf_counter()
        execute(
            nb,
            plan.executed_path(self.stage, nb),
            plan.params,
            variant=plan.variant.name,
            progress=bar,
            kernels=self.kernels,
        )
        return time.perf_counter() - start

    def _draw(self, plan: VariantPlan, nb: Path) -> None:
        from ..export.chart_svgs import add_svgs  # here: a no-op build never loads plotly

        add_svgs(plan.executed_path(self.stage, nb), self.printer)

    def _chapter(self, plan: VariantPlan, nb: Path, drawn: bool):
        from ..export.report import prepare_chapter

        start = time.perf_counter()
        if not drawn:
            self._draw(plan, nb)
        parts = prepare_chapter(
            plan.executed_path(self.stage, nb),
            plan.notebooks.index(nb) + 1,
            _report_context(plan),
            formats=self.formats,
            printer=self.printer,
        )
        return parts, time.perf_counter() - start

    def _export(self, plan: VariantPlan) -> dict:
        """The variant's reports: linked from an earlier run when its export key matches,
        else assembled from its prepared chapters."""
        dest = self.stage / plan.slug
        hit = self.previous.exported.get(plan.export_key)
        if hit:
            run_id, run_dir, outs = hit
            paths = []
            for o in outs:
                rel = Path(o["path"])
                # Outputs live under the variant's own folder; re-root them for this slug.
                target = dest / Path(*rel.parts[1:])
                link_or_copy(run_dir / rel, target)
                paths.append(target)
            return {"paths": paths, "seconds": 0.0, "reused_from": run_id}
        from ..export.report import assemble

        start = time.perf_counter()
        made = assemble(
            self.chapters[plan.slug],
            dest,
            _report_context(plan),
            formats=self.formats,
            printer=self.printer,
        )
        paths = []
        for value in made.values():
            paths += [p for p in (value if isinstance(value, list) else [value]) if p]
        seconds = time.perf_counter() - start + self.prep_seconds[plan.slug]
        return {
            "paths": [Path(p) for p in paths],
            "seconds": round(seconds, 3),
            "reused_from": None,
        }

    # -- what follows each task ---------------------------------------------------------

    def after(self, task: Task, value) -> list[Task]:
        plan = task.plan
        log.debug("%s done: %s", type(task).__name__, plan.slug)
        match task:
            case Execute(_, nb):
                plan.seconds[nb.name] = round(value, 3)
                self.result.executed.append(f"{plan.slug}/{nb.name}")
                if self.bar is not None:
                    self.bar.update(1)
                if not self.progress:
                    log.info("done %s/%s in %.1f s", plan.slug, nb.name, value)
                # An executed notebook gets its charts' SVGs, then its chapter's HTML and
                # PDF, in an export thread: its kernel goes on to the next notebook.
                if self.fresh_export(plan):
                    return [Chapter(plan, nb, drawn=False)]
                return [Draw(plan, nb)]
            case Chapter():
                parts, seconds = value
                self.chapters[plan.slug].append(parts)
                self.prep_seconds[plan.slug] += seconds
                return self._one_less(plan)
            case Draw():
                return self._one_less(plan)
            case Export():
                self.exported[plan.slug] = value
        return []

    def _one_less(self, plan: VariantPlan) -> list[Task]:
        self.waiting[plan.slug] -= 1
        return [Export(plan)] if not self.waiting[plan.slug] else []


def run(
    options,
    plans: list[VariantPlan],
    formats,
    run_id: str,
    stage: Path,
    previous: Previous,
    progress: bool,
    resources: WorkerResources | None = None,
    on_executed=None,
) -> BuildResult:
    """Execute and export `plans` into `stage`. A Dask worker passes the warm kernels and
    browser it keeps (`resources`), and `on_executed`, called once every notebook has
    run (its kernel is then free for the next variant while this one's reports are
    made); a local build starts its own and closes them, each as soon as nothing more
    needs it."""
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    work = Run(options, plans, formats, stage, previous, progress)
    work.plan_cache_hits()
    own = resources is None
    work.kernels = new_kernel_pool() if own else resources.kernels
    kernels = min(options.jobs, len(work.to_execute))
    if work.to_execute and own:
        # Kernels start (and import what the notebooks will) while the browser starts;
        # no more of them than notebooks to run.
        work.kernels.prestart(kernels, preload=PRELOAD)
    work.bar = tqdm(
        total=len(work.to_execute), desc="notebooks", unit="nb", disable=not progress, position=0
    )
    printer_cm = None
    browser_version = None
    closing: threading.Thread | None = None
    t_phase = time.perf_counter()
    try:
        if not own:
            work.printer = resources.printer
            browser_version = resources.printer.browser_version
        elif work.needs_browser():
            from ..export.printer import PdfPrinter, chart_pages

            # One browser for the whole run: it draws every chart and prints several
            # documents at once. It launches in the background: the notebooks start
            # meanwhile, and only their charts wait for it. Its chart pages take the
            # cores the kernels leave free (one on two cores with two kernels: a second
            # page there only took turns with the kernels, and loaded plotly.js again).
            printer_cm = PdfPrinter(
                concurrency=min(3, options.jobs), charts=chart_pages(kernels=kernels)
            )
            work.printer = printer_cm.start()
        left_to_execute = len(work.to_execute)
        if not left_to_execute and on_executed is not None:
            on_executed()
        futures: dict[Future, Task] = {}
        with (
            ThreadPoolExecutor(max_workers=options.jobs, thread_name_prefix="nb") as pool,
            ThreadPoolExecutor(
                max_workers=options.jobs + 2, thread_name_prefix="export"
            ) as exports,
            _stop_at_once_on_error(pool, exports, work.kernels if own else None, futures),
        ):

            def submit(task: Task) -> None:
                executor = pool if isinstance(task, Execute) else exports
                futures[executor.submit(work.do, task)] = task

            for task in work.first_tasks():
                submit(task)
            while futures:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for fut in done:
                    task = futures.pop(fut)
                    try:
                        value = fut.result()
                    except BaseException:
                        for other in futures:
                            other.cancel()
                        raise
                    for follow in work.after(task, value):
                        submit(follow)
                    if isinstance(task, Execute):
                        left_to_execute -= 1
                        if not left_to_execute and on_executed is not None:
                            on_executed()
                        if not left_to_execute and own:
                            # Every notebook has run: the kernels' memory goes back now,
                            # not after the exports.
                            closing = threading.Thread(
                                target=work.kernels.close, name="kernels-close"
                            )
                            closing.start()
    finally:
        work.bar.close()
        if own:
            # Kernels and browser shut down side by side: each takes a tenth of a second
            # or two.
            if closing is None:
                closing = threading.Thread(target=work.kernels.close, name="kernels-close")
                closing.start()
            try:
                if printer_cm is not None:
                    printer_cm.close()
                    browser_version = printer_cm.browser_version
            finally:
                closing.join()
    return manifest_stage(
        work, run_id, started, time.perf_counter() - t_phase, browser_version, resources
    )


def manifest_stage(
    work: Run,
    run_id: str,
    started: str,
    wall: float,
    browser_version,
    resources: WorkerResources | None = None,
):
    """The run's manifest, as far as this stage knows it (orchestrate adds the data and
    the total timings before writing it)."""
    options, formats, stage = work.options, work.formats, work.stage

    def environment() -> dict:
        return manifest_mod.environment(
            project_root(),
            browser_version or (_chromium_version() if "pdf" in formats else None),
        )

    t_exec = sum(sum(p.seconds.values()) for p in work.plans)
    t_export = sum(info["seconds"] for info in work.exported.values())
    variants_out = []
    for p in work.plans:
        info = work.exported[p.slug]
        variants_out.append(
            {
                "name": p.variant.name,
                "slug": p.slug,
                "params": p.params,
                "export_key": p.export_key,
                "notebooks": [
                    {
                        "notebook": nb.name,
                        "key": p.keys[nb.name],
                        "executed": f"{p.slug}/notebooks/{nb.name}",
                        "seconds": p.seconds.get(nb.name),
                        "reused_from": p.reused_from.get(nb.name),
                    }
                    for nb in p.notebooks
                ],
                "export": {"seconds": info["seconds"], "reused_from": info["reused_from"]},
                "outputs": manifest_mod.outputs_with_checksums(stage, info["paths"]),
            }
        )
    result = work.result
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
        "environment": (
            environment() if resources is None else resources.environment_of(run_id, environment)
        ),
        "variants": variants_out,
        # execute_s and export_s add up each notebook and variant; run_s is the wall time
        # of both, side by side.
        "timings": {
            "execute_s": round(t_exec, 3),
            "export_s": round(t_export, 3),
            "run_s": round(wall, 3),
        },
    }
    return result


def _chromium_version() -> str | None:
    from ..export.browser import chromium_version

    try:
        return chromium_version()
    except Exception:  # the manifest records what it can; a missing browser fails elsewhere
        return None


@contextmanager
def _stop_at_once_on_error(pool, exports, kernels: KernelPool | None, futures: dict):
    """On the way out of a failed or interrupted run (an error, Ctrl-C, SIGTERM), before
    the executors wait for their threads: nothing queued starts, and the cells under way
    are interrupted, so the exit waits for neither. Kernels lent by a Dask worker
    (`kernels` None) are left alone: interrupting them stops the pool for good, and the
    worker would fail every notebook of every later run (its failed notebook's kernel
    is discarded already, and the worker closes the rest when it shuts down)."""
    try:
        yield
    except BaseException:
        for fut in futures:
            fut.cancel()
        pool.shutdown(wait=False, cancel_futures=True)
        exports.shutdown(wait=False, cancel_futures=True)
        if kernels is not None:
            kernels.interrupt()
        raise


def _report_context(plan: VariantPlan):
    from .. import data as dossier_data
    from ..export.report import report_context

    return report_context(plan.params, dossier_data.load().version)
