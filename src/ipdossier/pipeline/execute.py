"""Execute one notebook with papermill, naming notebook, variant and cell on failure.

papermill and the kernel machinery are imported when a notebook runs, not with this
module: the command line imports `NotebookFailed` to report failures, and a build that
finds nothing to run never needs them."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NotebookFailed

if TYPE_CHECKING:
    from .kernels import KernelPool

# Seconds to wait, once a cell's reply is in, for the rest of its output and the kernel's
# "idle". nbclient's default is 4 s and papermill makes missing it an error: on a loaded
# machine (a scheduled run beside others, a Dask worker drawing charts) a chart cell's
# output took longer, and a correct notebook failed in 02_series. The cell's own time
# limit is apart from this; a kernel that died is still noticed at once.
IOPUB_TIMEOUT = 120


def _source_cell(notebook: Path, source: str, cell_index: int) -> str:
    """Say which cell failed in terms of the notebook the analyst edits.

    papermill's index counts its injected-parameters cell, and the notebook it writes
    has error banners inserted, so neither index is the analyst's; the failing cell's
    source identifies it in the original."""
    import nbformat

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        cells = []
    matches = [i for i, c in enumerate(cells) if c.cell_type == "code" and c.source == source]
    if len(matches) == 1:
        return f"cell {matches[0]}"
    if not matches and "# Parameters" in source:
        return "injected parameters cell"
    return f"cell {cell_index} of the executed notebook"


def execute(
    notebook: Path,
    output: Path,
    params: dict,
    *,
    variant: str,
    progress: bool | dict = False,
    cwd: Path | None = None,
    kernels: KernelPool | None = None,
) -> float:
    """Run `notebook` into `output`; returns seconds taken.

    With `kernels`, the run borrows a warm kernel from the pool instead of starting one."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from .kernels import ENGINE, KERNEL, PLAIN_ENGINE

    start = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    extra = {"engine_name": PLAIN_ENGINE}
    km = None
    try:
        if kernels is not None:
            km = extra["km"] = kernels.acquire()
            extra["engine_name"] = ENGINE
        pm.execute_notebook(
            str(notebook),
            str(output),
            parameters=params,
            kernel_name=KERNEL,
            progress_bar=progress,
            cwd=str(cwd or notebook.parent),
            log_output=False,
            # papermill otherwise rewrites the whole notebook, charts and all, as each
            # cell starts and ends: a second of JSON per variant in the build process.
            # It still writes the notebook once at the end, and on failure.
            request_save_on_cell_execute=False,
            iopub_timeout=IOPUB_TIMEOUT,
            **extra,
        )
    except PapermillExecutionError as exc:
        if km is not None:
            kernels.discard(km)
        where = _source_cell(notebook, exc.source, exc.cell_index)
        if exc.exec_count:
            where += f" (In [{exc.exec_count}])"
        raise NotebookFailed(
            notebook,
            variant,
            where,
            f"{exc.ename}: {exc.evalue}",
            output if output.exists() else None,
        ) from None
    except Exception as exc:  # kernel died, notebook unreadable, ...
        if km is not None:
            kernels.discard(km)
        # The engine notes the cell that was running (a kernel that died in it); none
        # started means the run broke off before the first cell.
        started = getattr(exc, "ipdossier_cell", None)
        where = (
            "before the first cell"
            if started is None
            else _source_cell(notebook, started[1], started[0])
        )
        raise NotebookFailed(
            notebook,
            variant,
            where,
            f"{type(exc).__name__}: {exc}",
            output if output.exists() else None,
        ) from exc
    if km is not None:
        kernels.release(km)
    return time.perf_counter() - start
