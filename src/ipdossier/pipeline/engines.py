"""The build's papermill engines, found by papermill through its `papermill.engine` entry
point (pyproject.toml) under the names `kernels.ENGINE` and `kernels.PLAIN_ENGINE`.

Only papermill imports this module, while it registers its engines: a module papermill
loads that way must not be the one whose import first imports papermill (the entry point
would find it half-initialised), so nothing else imports it, and `kernels` does not
import papermill at all.
"""

from __future__ import annotations

from jupyter_core.utils import ensure_async
from nbclient.util import run_hook, run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from papermill.utils import merge_kwargs, remove_args

from .kernels import fresh_namespace, started_cell


def _note_started_cell(exc: BaseException, nb_man) -> None:
    # Read before papermill's clean-up marks every pending cell completed.
    try:
        exc.ipdossier_cell = started_cell(nb_man.nb)
    except Exception:  # an exception that takes no attributes: the cell stays unknown
        pass


class PlainEngine(NBClientEngine):
    """papermill's nbclient engine (a kernel of its own per run), naming the cell that
    was running when a run broke off."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        try:
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
        except Exception as exc:
            _note_started_cell(exc, nb_man)
            raise


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
        try:
            return _ClosingClient(nb_man, **final_kwargs).execute()
        except Exception as exc:
            _note_started_cell(exc, nb_man)
            raise


class _ClosingClient(PapermillNotebookClient):
    async def async_start_new_kernel_client(self):
        # As nbclient's, with the warm kernel's reset in place of `wait_for_ready`.
        self.kc = self.km.client()
        await ensure_async(self.kc.start_channels())
        try:
            await fresh_namespace(self.kc, timeout=self.startup_timeout)
        except Exception:
            self.kc.stop_channels()
            self.kc = None
            raise
        self.kc.allow_stdin = False
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    # papermill runs nbclient's synchronous `setup_kernel`, which calls this attribute:
    # nbclient binds it to its own async method when its class is made, so overriding the
    # async method alone is never called (the reset did not run from 25 Nov to 3 Dec).
    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def execute(self, **kwargs):
        try:
            return super().execute(**kwargs)
        finally:
            # Stop only this run's channels; the warm kernel itself stays up.
            if self.kc is not None:
                self.kc.stop_channels()
                self.kc = None
