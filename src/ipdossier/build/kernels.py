"""Warm kernels: one Python kernel per worker, reused for every notebook it runs.

Starting a kernel, importing pandas and plotly and starting kaleido's browser costs a few
seconds per notebook; a build runs the same few notebooks for many variants, so each
worker keeps its kernel and clears the user namespace (`%reset -f`) between runs.
Imported modules stay loaded, which is the point; the notebooks keep no state outside
their namespace. A kernel that saw a failure is discarded, never reused.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
from pathlib import Path

from jupyter_client import AsyncKernelManager
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.utils import merge_kwargs, remove_args

KERNEL = "python3"


class KernelPool:
    """Kernels keyed by worker thread; `close()` shuts them all down."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None, kernel_name: str = KERNEL):
        self.cwd = cwd
        self.env = {**os.environ, **(env or {})}
        self.kernel_name = kernel_name
        self._local = threading.local()
        self._all: list[AsyncKernelManager] = []
        self._lock = threading.Lock()
        self.started = 0
        self._count = 0
        self._sockets = tempfile.TemporaryDirectory(prefix="ipdossier-kernels-")

    def acquire(self) -> AsyncKernelManager:
        """This thread's kernel, started on first use and reset since its last run."""
        km = getattr(self._local, "km", None)
        if km is not None:
            asyncio.run(self._reset(km))
            return km
        km = AsyncKernelManager(kernel_name=self.kernel_name)
        # IPC sockets: local only, and no "running over TCP without encryption" warning.
        # Each kernel gets its own socket prefix: the default is one name in the cwd, on
        # which kernels started side by side would collide.
        km.transport = "ipc"
        with self._lock:
            self._count += 1
            km.ip = str(Path(self._sockets.name) / f"k{self._count}")
        asyncio.run(km.start_kernel(cwd=str(self.cwd), env=self.env))
        with self._lock:
            self._all.append(km)
            self.started += 1
        self._local.km = km
        return km

    def discard(self) -> None:
        """Drop this thread's kernel (after a failure its state is unknown)."""
        km = getattr(self._local, "km", None)
        if km is None:
            return
        self._local.km = None
        with self._lock:
            if km in self._all:
                self._all.remove(km)
        asyncio.run(_shutdown(km))

    def close(self) -> None:
        with self._lock:
            kms, self._all = self._all, []
        for km in kms:
            try:
                asyncio.run(_shutdown(km))
            except Exception:  # shutting down: a kernel already gone is fine
                pass
        self._sockets.cleanup()

    @staticmethod
    async def _reset(km: AsyncKernelManager) -> None:
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            reply = await kc.execute_interactive("%reset -f", store_history=False, timeout=60)
            if reply["content"].get("status") != "ok":
                raise RuntimeError("could not reset the kernel's namespace")
        finally:
            kc.stop_channels()


async def _shutdown(km: AsyncKernelManager) -> None:
    if await km.is_alive():
        await km.shutdown_kernel(now=True)


class WarmKernelEngine(NBClientEngine):
    """papermill's nbclient engine, closing its kernel client on a kernel it does not own
    (nbclient leaves those channels open, leaking sockets run after run)."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return _ClosingClient(nb_man, **final_kwargs).execute()


class _ClosingClient(PapermillNotebookClient):
    def execute(self, **kwargs):
        try:
            return super().execute(**kwargs)
        finally:
            # Stop only this run's channels; the warm kernel itself stays up.
            if self.kc is not None:
                self.kc.stop_channels()
                self.kc = None


ENGINE = "ipdossier-warm"
papermill_engines.register(ENGINE, WarmKernelEngine)
