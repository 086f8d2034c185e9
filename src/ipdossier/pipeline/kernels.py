"""Warm kernels: one Python kernel per notebook run at once, reused for every notebook.

Starting a kernel and importing pandas and plotly costs a couple of seconds per
notebook; a build runs the same few notebooks for many variants, so the pool keeps
its kernels and clears the user namespace (`%reset -f`) before each run. Imported
modules stay loaded, which is the point; the notebooks keep no state outside their
namespace. A kernel that saw a failure is discarded, never reused.

The reset doubles as the readiness check of each run's kernel client: jupyter_client's
`wait_for_ready` always idles 0.2 s draining output, twice per notebook here.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from queue import Empty, SimpleQueue

from jupyter_client import AsyncKernelManager

KERNEL = "python3"
# No input history: IPython writes every cell a kernel runs into one SQLite file shared
# by all kernels ($IPYTHONDIR/profile_default/history.sqlite), committed from a thread of
# its own after each cell. A build's kernels run thousands of cells nobody recalls: the
# file grew with every scheduled run (35 MB on this machine) and needs a writable home.
# (Its writes were a seventh of the kernels' non-idle samples under py-spy, mostly disk
# waits: the kernels' CPU seconds did not move measurably without them.)
KERNEL_ARGUMENTS = ["--HistoryManager.enabled=False"]


class KernelsStopping(RuntimeError):
    """A notebook asked for a kernel after the build was told to stop."""


class KernelPool:
    """Warm kernels lent one notebook run at a time (`acquire`, then `release`, or
    `discard` after a failure); `close()` shuts them all down.

    A kernel goes back to the pool when its run ends, not to the thread that ran it: a
    Dask worker runs each variant's notebooks on threads of that variant's own, and a
    kernel kept per thread was a cold kernel started for every variant (its first
    notebook paying the imports again) and left running until the worker closed. So
    the pool holds as many kernels as runs at once, whichever threads make them."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None, kernel_name: str = KERNEL):
        self.cwd = cwd
        self.env = {**os.environ, **(env or {})}
        self.kernel_name = kernel_name
        self._idle: list[AsyncKernelManager] = []
        self._all: list[AsyncKernelManager] = []
        self._lock = threading.Lock()
        self.started = 0
        self._count = 0
        self._sockets = tempfile.TemporaryDirectory(prefix="ipdossier-kernels-")
        self._prestarted: SimpleQueue[Future] = SimpleQueue()
        self._stopping = False
        self._handed: list[AsyncKernelManager] = []

    def prestart(self, count: int, preload: str = "") -> None:
        """Start `count` kernels now, in the background, each running `preload` (imports):
        the first notebooks then find them up, and the browser starts meanwhile."""
        for _ in range(count):
            fut: Future = Future()
            self._prestarted.put(fut)
            threading.Thread(
                target=self._prestart_one, args=(fut, preload), name="kernel-start", daemon=True
            ).start()

    def _prestart_one(self, fut: Future, preload: str) -> None:
        try:
            km = self._start()
            if preload:
                asyncio.run(_run_code(km, preload))
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(km)

    def acquire(self) -> AsyncKernelManager:
        """A kernel for one notebook run: an idle one, else a pre-started one, else one
        started now. Give it back with `release` (or `discard`)."""
        with self._lock:
            km = self._idle.pop() if self._idle else None
        if km is None:
            try:
                fut = self._prestarted.get_nowait()
            except Empty:
                km = self._start()
            else:
                km = self._wait_prestarted(fut)
            with self._lock:
                self._handed.append(km)
        # A run that waited for its kernel while the build was told to stop never starts.
        if self._stopping:
            self.release(km)
            raise KernelsStopping("the build is stopping: no notebook starts now")
        return km  # the engine resets it as it connects (see fresh_namespace)

    def release(self, km: AsyncKernelManager) -> None:
        """`km`'s run ended well: the next run may use it."""
        with self._lock:
            if km in self._all:
                self._idle.append(km)

    def _wait_prestarted(self, fut: Future) -> AsyncKernelManager:
        """A pre-started kernel once it is up; if the build is told to stop meanwhile, the
        kernel is left to `close()`, which waits for it and shuts it down."""
        while True:
            try:
                return fut.result(timeout=0.2)
            except FutureTimeout:
                if self._stopping:
                    self._prestarted.put(fut)
                    raise KernelsStopping("the build is stopping: no notebook starts now") from None

    def _start(self) -> AsyncKernelManager:
        km = AsyncKernelManager(kernel_name=self.kernel_name)
        # IPC sockets: local only, and no "running over TCP without encryption" warning.
        # Each kernel gets its own socket prefix: the default is one name in the cwd, on
        # which kernels started side by side would collide.
        km.transport = "ipc"
        with self._lock:
            self._count += 1
            km.ip = str(Path(self._sockets.name) / f"k{self._count}")
        asyncio.run(
            km.start_kernel(cwd=str(self.cwd), env=self.env, extra_arguments=KERNEL_ARGUMENTS)
        )
        with self._lock:
            self._all.append(km)
            self.started += 1
        return km

    def discard(self, km: AsyncKernelManager) -> None:
        """Drop `km` (after a failure its state is unknown)."""
        with self._lock:
            if km in self._all:
                self._all.remove(km)
            if km in self._idle:
                self._idle.remove(km)
        asyncio.run(_shutdown(km))

    def interrupt(self) -> None:
        """Interrupt what every kernel is running (the build is stopping): a cell under
        way fails at once instead of running to its end, and no run starts after."""
        self._stopping = True
        # Only kernels handed to a notebook run: one still starting would die of SIGINT.
        with self._lock:
            kms = [km for km in self._handed if km in self._all]
        for km in kms:
            try:
                asyncio.run(km.interrupt_kernel())
            except Exception:  # stopping anyway: a kernel already gone is fine
                pass

    def close(self) -> None:
        # Kernels still starting are waited for, so that none outlives the pool.
        while True:
            try:
                self._prestarted.get_nowait().exception(timeout=120)
            except Empty:
                break
            except Exception:  # closing anyway
                pass
        with self._lock:
            kms, self._all, self._idle = self._all, [], []
        for km in kms:
            try:
                asyncio.run(_shutdown(km))
            except Exception:  # shutting down: a kernel already gone is fine
                pass
        self._sockets.cleanup()


async def _shutdown(km: AsyncKernelManager) -> None:
    if await km.is_alive():
        await km.shutdown_kernel(now=True)


def started_cell(nb) -> tuple[int, str] | None:
    """(index, source) of the last cell papermill started in `nb`: the cell that was
    running when a run broke off outside any cell's own error (a kernel that died)."""
    found = None
    for index, cell in enumerate(nb.cells):
        status = (cell.get("metadata", {}).get("papermill") or {}).get("status")
        if status not in (None, "pending"):
            found = (index, cell.source)
    return found


# A notebook's run records end with it: the hook its `setup` registered (notebook.
# _record_runs) outlives a namespace reset, and would record the next notebook's
# parameters cell as run with the previous variant's parameters.
# What survives the reset (imported modules, parsed tables, kept frames) is then frozen
# out of the garbage collector's view (`gc.freeze`): `%reset` ends with a full
# collection, and each collection, the reset's and those a notebook's allocations
# trigger, would otherwise walk every object of pandas, plotly and the package again
# (the reset alone took 0.17 s, 0.007 s frozen). Frozen objects are never collected as
# cycles; they live as long as the kernel anyway.
RESET = (
    "import sys\n"
    "if 'ipdossier.notebook' in sys.modules:\n"
    "    sys.modules['ipdossier.notebook']._stop_recording()\n"
    "%reset -f\n"
    "__import__('gc').freeze()"
)


async def fresh_namespace(kc, timeout: float = 60) -> None:
    """Clear the kernel's user namespace, end the last notebook's run records, and return
    once its output channel is live.

    The reset's reply proves the shell channel; its "idle" status on IOPub proves the
    output subscription is connected and everything before it drained. A subscription
    that connected too late to see it simply tries again."""
    deadline = time.monotonic() + timeout
    while True:
        msg_id = kc.execute(RESET, silent=True, store_history=False)
        reply = await _reply(kc, msg_id, deadline)
        if reply["content"].get("status") != "ok":
            raise RuntimeError("could not reset the kernel's namespace")
        while True:
            try:
                msg = await kc.get_iopub_msg(timeout=0.25)
            except Empty:
                break
            if (
                msg["parent_header"].get("msg_id") == msg_id
                and msg["msg_type"] == "status"
                and msg["content"].get("execution_state") == "idle"
            ):
                return
        if time.monotonic() > deadline or not await kc.is_alive():
            raise RuntimeError(f"kernel not ready within {timeout:.0f} s")


async def _run_code(km: AsyncKernelManager, code: str, timeout: float = 120) -> None:
    """Run `code` in the kernel, ignoring its outcome (a notebook's own run reports)."""
    kc = km.client()
    kc.start_channels()
    try:
        msg_id = kc.execute(code, silent=True, store_history=False)
        await _reply(kc, msg_id, time.monotonic() + timeout, alive=km.is_alive)
    finally:
        kc.stop_channels()


async def _reply(kc, msg_id: str, deadline: float, alive=None) -> dict:
    """The shell reply to `msg_id`; with `alive`, a kernel that died is noticed within a
    second instead of at the deadline."""
    while True:
        wait = deadline - time.monotonic()
        try:
            msg = await kc.get_shell_msg(timeout=max(0.1, min(wait, 1.0) if alive else wait))
        except Empty:
            if time.monotonic() >= deadline:
                raise RuntimeError("kernel did not answer") from None
            if alive is not None and not await alive():
                raise RuntimeError("kernel died before it answered") from None
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


# papermill finds both engines (`engines.py`) under these names through the
# `papermill.engine` entry point (pyproject.toml), in any process.
ENGINE = "ipdossier-warm"
PLAIN_ENGINE = "ipdossier-plain"
