"""Builds spread over several machines with Dask distributed.

`ipdossier build --cluster tcp://HOST:8786` sends each variant of a run to a Dask
scheduler instead of the local thread pool. The machine that runs the command, the
coordinator, keeps what makes a run one run: it validates the parameters and checks the
data, holds the lock, decides what is reused, and publishes the run with its manifest at
once, as a local build does. A worker executes one variant's notebooks and exports its
reports into the run's staging folder, which is why every worker must see the reports
folder at the same path (a shared file system) and run the same checkout and environment.

Each worker keeps what makes the local build fast: warm kernels and one Chromium, started
once by a worker plugin and closed when the worker shuts down. A worker that dies while it
builds a variant: Dask runs the variant again on another worker (`RETRIES`), which starts
that variant's folder afresh. A notebook that fails fails the run, naming variant,
notebook and cell, and nothing is published. Cache keys are content hashes, so what one
machine built is reused by the next run wherever it executes.
"""

from __future__ import annotations

import dataclasses
import shutil
import threading
import time
from concurrent.futures import CancelledError
from pathlib import Path

from ..errors import BuildError, ClusterFailed
from . import stages
from .plan import BuildResult, Previous, VariantPlan
from .stages import PRELOAD, WorkerResources, new_kernel_pool

PLUGIN = "ipdossier"
# A variant whose worker dies is run again on another worker at most this many times.
RETRIES = 2
# How long a build waits with no worker connected before it fails (a scheduler left with
# no workers never runs the tasks, and a scheduled build must not wait forever holding
# the lock). IPDOSSIER_CLUSTER_NO_WORKER_S overrides it.
NO_WORKER_S = 60.0
POLL_S = 1.0


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


def worker_plugin():
    """The plugin that gives each worker its warm kernels and browser."""
    distributed = _distributed()

    class DossierWorker(distributed.WorkerPlugin):
        name = PLUGIN

        def setup(self, worker) -> None:
            from ..export.printer import PdfPrinter

            kernels = new_kernel_pool()
            kernels.prestart(1, preload=PRELOAD)
            self._printer_cm = PdfPrinter()
            self.resources = WorkerResources(kernels, self._printer_cm.start())

        def teardown(self, worker) -> None:
            # Dask calls this on the worker's event loop; the kernels' shutdown runs its
            # own loop, so both close on a thread of their own.
            def close() -> None:
                try:
                    self.resources.kernels.close()
                finally:
                    self._printer_cm.close()

            closing = threading.Thread(target=close, name="ipdossier-worker-close")
            closing.start()
            closing.join()

    return DossierWorker()


def build_variant(options, job: VariantPlan, formats, run_id: str, stage: str, previous: Previous):
    """Runs on a worker: one variant, executed and exported into the shared staging
    folder with the worker's kernels and browser."""
    from distributed import get_worker

    resources = get_worker().plugins[PLUGIN].resources
    # A variant run again after its worker died starts from nothing.
    shutil.rmtree(Path(stage) / job.variant.slug, ignore_errors=True)
    # A worker's parallelism is its Dask threads; a variant's notebooks run in turn.
    one = dataclasses.replace(options, jobs=1)
    return stages.run(one, [job], formats, run_id, Path(stage), previous, False, resources)


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
    import logging

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
        parts = client.gather(futures)
    finally:
        try:
            client.cancel(futures)
        except Exception:  # noqa: BLE001 (a scheduler already gone cancels nothing)
            pass
    return merge(parts, address, time.perf_counter() - start)


def _wait_with_workers(client, futures, address: str, deadline: float) -> None:
    """Wait for the futures while the scheduler has workers; fail once it has had none
    for `deadline` seconds (Dask itself would wait for a worker forever)."""
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
        time.sleep(POLL_S)


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
