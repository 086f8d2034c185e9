"""Builds spread over several machines with Dask distributed.

`ipdossier build --cluster tcp://HOST:8786` sends each variant of a run to a Dask
scheduler instead of the local thread pool. The machine that runs the command, the
coordinator, keeps what makes a run one run: it validates the parameters and checks the
data, holds the lock, decides what is reused, and publishes the run with its manifest at
once, as a local build does. A worker executes one variant's notebooks and exports its
reports into the run's staging folder, which is why every worker must see the reports
folder at the same path (a shared file system) and run the same checkout and environment.

Each worker keeps what makes the local build fast: warm kernels, started once by a worker
plugin and closed when the worker shuts down, and one Chromium, which the workers of a
machine share (`export.print_host`: two browsers on one machine cost more CPU than one
doing the same work); and it overlaps the stages as the local build does. A variant's
task returns as soon as its notebooks have run, while its charts, chapters and PDFs are
still being made on a thread of the plugin, so the worker's kernel goes on to its next
variant meanwhile (at most `EXPORTING` variants of a worker are under way at once: the
next task waits for room). The coordinator then
collects each worker's finished variants (`collect`). A worker that dies while it
builds a variant: Dask runs the variant again on another worker (`RETRIES`), which starts
that variant's folder afresh; one that dies after its tasks returned, with reports still
being made, has those variants built again, whole, on the workers left. A notebook that
fails fails the run, naming variant, notebook and cell, and nothing is published. Cache
keys are content hashes, so what one machine built is reused by the next run wherever it
executes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import shutil
import threading
import time
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError, ClusterFailed
from . import stages
from .plan import BuildResult, Previous, VariantPlan
from .stages import PRELOAD, WorkerResources, new_kernel_pool

log = logging.getLogger("ipdossier.build")

PLUGIN = "ipdossier"
# A variant whose worker dies is run again on another worker at most this many times.
RETRIES = 2
# How long a build waits with no worker connected before it fails (a scheduler left with
# no workers never runs the tasks, and a scheduled build must not wait forever holding
# the lock). IPDOSSIER_CLUSTER_NO_WORKER_S overrides it.
NO_WORKER_S = 60.0
POLL_S = 1.0
# Variants of one worker under way at once: one executing on the worker's kernel while
# the one before it still draws and prints. (Three were tried: on 16 variants, two
# builds each way back to back, no difference beyond the machine's noise.)
EXPORTING = 2
# Dask's housekeeping on a worker and its nanny runs at rates meant for a dashboard: the
# statistical profiler samples the task threads every 10 ms, the event loop's tick is
# timed every 20 ms, memory read every 100 ms and the system every 500 ms. Measured idle
# on the 2-core machine of the README's benchmark, where a worker shares the cores with
# its kernel and Chromium: 4.2-4.8% of a core a worker (0.5% quieted), and 7.2% for the
# process of a LocalCluster's scheduler and two nannies (3.3% with the nannies quieted).
# While the plugins are installed a worker and its nanny run these callbacks at most
# this often and the profiler not at all (the dashboard's profile page stays empty);
# unregistering them restores Dask's rates. The scheduler, a shared service, is left.
QUIET_MS = {"tick": 1000, "monitor": 2000, "memory_monitor": 1000}
STOPPED = ("profile", "profile-cycle")


@dataclass(frozen=True)
class Pending:
    """What a variant's task returns once its notebooks have run: its reports are still
    being made on `worker`, which `collect` waits for."""

    worker: str
    slug: str


def no_worker_deadline() -> float:
    import os

    value = os.environ.get("IPDOSSIER_CLUSTER_NO_WORKER_S", "")
    try:
        return float(value) if value else NO_WORKER_S
    except ValueError:
        raise BuildError(
            f"IPDOSSIER_CLUSTER_NO_WORKER_S={value!r}: expected a number of seconds"
        ) from None


def _distributed():
    try:
        import distributed
    except ImportError as exc:  # an optional dependency: the local build never needs it
        raise BuildError(
            "--cluster needs Dask distributed: pip install 'ipdossier[cluster]'"
        ) from exc
    return distributed


def quiet(server) -> dict:
    """Slow a Dask server's housekeeping (`QUIET_MS`, `STOPPED`); returns what `restore`
    needs. Only callbacks the server has are touched: a nanny has no profiler."""
    callbacks = server.periodic_callbacks
    before = {}
    for name, ms in QUIET_MS.items():
        if name in callbacks and callbacks[name].callback_time < ms:
            before[name] = callbacks[name].callback_time
            callbacks[name].callback_time = ms  # read when the next call is scheduled
    for name in STOPPED:
        if name in callbacks and callbacks[name].is_running():
            callbacks[name].stop()
            before[name] = None
    return before


def restore(server, before: dict) -> None:
    """Undo `quiet`."""
    callbacks = server.periodic_callbacks
    for name, ms in before.items():
        if name not in callbacks:
            continue
        if ms is None:
            callbacks[name].start()
        else:
            callbacks[name].callback_time = ms


def nanny_plugin():
    """Quiets each worker's nanny (`quiet`): its memory monitor and tick run in a process
    of their own beside the worker's."""
    distributed = _distributed()

    class QuietNanny(distributed.NannyPlugin):
        name = f"{PLUGIN}-nanny"

        def setup(self, nanny) -> None:
            self._before = quiet(nanny)

        def teardown(self, nanny) -> None:
            restore(nanny, self._before)

    return QuietNanny()


def worker_plugin():
    """The plugin that gives each worker its warm kernels and the machine's browser."""
    distributed = _distributed()

    class DossierWorker(distributed.WorkerPlugin):
        name = PLUGIN

        def setup(self, worker) -> None:
            from ..export.print_host import SharedPrinter

            self._quieted = quiet(worker)
            kernels = new_kernel_pool()
            kernels.prestart(1, preload=PRELOAD)
            # The machine's one browser, shared with its other workers (`print_host`).
            self._printer_cm = SharedPrinter()
            self.resources = WorkerResources(kernels, self._printer_cm.start())
            self.variants = ThreadPoolExecutor(EXPORTING, thread_name_prefix="ipdossier")
            self.pending: dict[str, dict[str, Future]] = {}  # run id -> slug -> variant
            self.lock = threading.Lock()

        def hold(self, run_id: str, slug: str, variant: Future) -> None:
            with self.lock:
                self.pending.setdefault(run_id, {})[slug] = variant

        def release(self, run_id: str) -> dict[str, Future]:
            with self.lock:
                return self.pending.pop(run_id, {})

        def teardown(self, worker) -> None:
            # Dask calls this on the worker's event loop; the kernels' shutdown runs its
            # own loop, so both close on a thread of their own.
            def close() -> None:
                self.variants.shutdown(wait=False, cancel_futures=True)
                try:
                    self.resources.kernels.close()
                finally:
                    self._printer_cm.close()

            closing = threading.Thread(target=close, name="ipdossier-worker-close")
            closing.start()
            closing.join()
            restore(worker, self._quieted)

    return DossierWorker()


def build_variant(
    options,
    job: VariantPlan,
    formats,
    run_id: str,
    stage: str,
    previous: Previous,
    whole: bool = False,
):
    """Runs on a worker: one variant, executed and exported into the shared staging
    folder with the worker's kernels and browser. Returns its BuildResult, or `Pending`
    once its notebooks have run and its reports are still being made (unless `whole`:
    a variant built again after a worker was lost returns when it is done)."""
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins[PLUGIN]
    # A variant run again after its worker died starts from nothing.
    shutil.rmtree(Path(stage) / job.variant.slug, ignore_errors=True)
    # A worker's parallelism is its Dask threads; a variant's notebooks run in turn.
    one = dataclasses.replace(options, jobs=1)
    executed = threading.Event()
    variant = plugin.variants.submit(
        stages.run,
        one,
        [job],
        formats,
        run_id,
        Path(stage),
        previous,
        False,
        plugin.resources,
        executed.set,
    )
    if whole:
        return variant.result()
    while not executed.wait(0.1) and not variant.done():
        pass
    if variant.done():
        return variant.result()  # a failed notebook fails this task, naming the cell
    plugin.hold(run_id, job.variant.slug, variant)
    return Pending(worker.address, job.variant.slug)


async def collect(run_id: str, dask_worker=None) -> dict:
    """Runs on a worker (`Client.run`, on its event loop, hence a coroutine: the worker
    keeps answering the scheduler while it waits): each of the run's variants it still
    makes, as ("ok", BuildResult) or ("error", the exception)."""
    answers = {}
    for slug, variant in dask_worker.plugins[PLUGIN].release(run_id).items():
        try:
            answers[slug] = ("ok", await asyncio.wrap_future(variant))
        except Exception as exc:  # noqa: BLE001 (sent back and raised by the coordinator)
            answers[slug] = ("error", exc)
    return answers


def run(
    address: str,
    options,
    jobs: list[VariantPlan],
    formats,
    out: Path,
    run_id: str,
    stage: Path,
    previous: Previous,
) -> BuildResult:
    """Every variant on the cluster at `address`; one BuildResult for the whole run."""
    distributed = _distributed()
    start = time.perf_counter()
    deadline = no_worker_deadline()
    # The client logs each failed reconnection with a traceback of its own; the build says
    # what went wrong in one message (ClusterFailed), which is what a scheduler's log needs.
    # Dask's config gives some of its loggers levels of their own: each is raised.
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        client = distributed.Client(address, timeout="30s")
    except ValueError as exc:  # "missing port number" and the like: not an address
        raise BuildError(
            f"--cluster {address}: not a scheduler address ({exc}); expected tcp://HOST:PORT"
        ) from None
    except OSError as exc:
        raise BuildError(f"--cluster {address}: no Dask scheduler answers there ({exc})") from exc
    try:
        with client:
            return _run_on(
                client, address, deadline, options, jobs, formats, run_id, stage, previous, start
            )
    except ClusterFailed:
        raise
    except (CancelledError, OSError, distributed.comm.CommClosedError) as exc:
        # The scheduler went away under the build: its futures are cancelled
        # ("scheduler-connection-lost") or the connection is closed.
        # Chained, not hidden: a full disk on a worker is still found in the causes.
        raise ClusterFailed(address, f"lost the connection to the scheduler ({exc})") from exc


def _run_on(
    client, address, deadline, options, jobs, formats, run_id, stage, previous, start
) -> BuildResult:
    client.register_plugin(worker_plugin(), name=PLUGIN)
    client.register_plugin(nanny_plugin(), name=f"{PLUGIN}-nanny")
    futures = [
        client.submit(
            build_variant,
            options,
            job,
            formats,
            run_id,
            str(stage),
            previous,
            key=f"ipdossier-{run_id}-{job.variant.slug}",
            retries=RETRIES,
            pure=False,
        )
        for job in jobs
    ]
    try:
        _wait_with_workers(client, futures, address, deadline)
        gathered = client.gather(futures)
        done = {job.variant.slug: part for job, part in zip(jobs, gathered, strict=True)}
        lost = _collect(client, run_id, done)
        if lost:
            # Their worker went away while it made their reports: built again, whole.
            again = [
                client.submit(
                    build_variant,
                    options,
                    job,
                    formats,
                    run_id,
                    str(stage),
                    previous,
                    True,
                    key=f"ipdossier-{run_id}-{job.variant.slug}-again",
                    retries=RETRIES,
                    pure=False,
                )
                for job in jobs
                if job.variant.slug in lost
            ]
            futures += again
            _wait_with_workers(client, again, address, deadline)
            for part in client.gather(again):
                done[part.manifest["variants"][0]["slug"]] = part
        parts = [done[job.variant.slug] for job in jobs]
    finally:
        try:
            client.cancel(futures)
        except Exception:  # noqa: BLE001 (a scheduler already gone cancels nothing)
            pass
    return merge(parts, address, time.perf_counter() - start)


def _collect(client, run_id: str, done: dict) -> set[str]:
    """Replace each `Pending` in `done` by its worker's BuildResult; returns the slugs
    whose worker is gone. A variant that failed raises its error here."""
    by_worker: dict[str, list[str]] = {}
    for slug, part in done.items():
        if isinstance(part, Pending):
            by_worker.setdefault(part.worker, []).append(slug)
    lost: set[str] = set()
    for worker, slugs in by_worker.items():
        try:
            answers = client.run(collect, run_id, workers=[worker])[worker]
        except (KeyError, OSError, ValueError, TimeoutError) as exc:  # the worker is gone
            log.warning("worker %s is gone (%s): its variants are built again", worker, exc)
            lost.update(slugs)
            continue
        except Exception as exc:  # noqa: BLE001 (distributed's own errors for a lost worker)
            if "CommClosed" not in type(exc).__name__ and "Killed" not in type(exc).__name__:
                raise
            lost.update(slugs)
            continue
        for slug in slugs:
            status, value = answers.get(slug, ("lost", None))
            if status == "error":
                raise value
            if status == "ok":
                done[slug] = value
            else:
                lost.add(slug)
    return lost


def _wait_with_workers(client, futures, address: str, deadline: float) -> None:
    """Wait for the futures while the scheduler has workers; fail once it has had none
    for `deadline` seconds (Dask itself would wait for a worker forever). Returns as soon
    as the last one is done (Dask's own wait), not at the next of the checks every
    `POLL_S` seconds."""
    distributed = _distributed()
    alone_since: float | None = None
    while not all(f.done() for f in futures):
        workers = client.scheduler_info(n_workers=-1).get("workers", {})
        if workers:
            alone_since = None
        else:
            alone_since = alone_since or time.monotonic()
            if time.monotonic() - alone_since > deadline:
                raise ClusterFailed(
                    address, f"no worker connected for {deadline:.0f} s, so no variant can run"
                )
        try:
            distributed.wait(futures, timeout=POLL_S)
        except TimeoutError:
            pass


def merge(parts: list[BuildResult], address: str, wall: float) -> BuildResult:
    """The variants' results as one run: their manifests' variants side by side, the
    timings added up, and the wall time of the whole run."""
    result = BuildResult("built", None)
    manifest = dict(parts[0].manifest)
    manifest["variants"] = []
    timings = {"execute_s": 0.0, "export_s": 0.0}
    for part in parts:
        result.executed += part.executed
        result.reused += part.reused
        manifest["variants"] += part.manifest["variants"]
        for key in timings:
            timings[key] += part.manifest["timings"][key]
        if not manifest["environment"].get("chromium"):
            manifest["environment"] = part.manifest["environment"]
    manifest["started"] = min(p.manifest["started"] for p in parts)
    manifest["finished"] = max(p.manifest["finished"] for p in parts)
    manifest["timings"] = {**{k: round(v, 3) for k, v in timings.items()}, "run_s": round(wall, 3)}
    manifest["options"] = {**manifest["options"], "cluster": address}
    result.manifest = manifest
    return result
