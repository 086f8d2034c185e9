"""Execute one notebook with papermill, naming notebook, variant and cell on failure."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import papermill as pm
from papermill.exceptions import PapermillExecutionError

from .kernels import KERNEL, KernelPool


class NotebookFailed(RuntimeError):
    def __init__(
        self, notebook: Path, variant: str, where: str, error: str, executed: Path | None = None
    ):
        self.notebook, self.variant, self.where, self.error = notebook, variant, where, error
        self.executed = executed
        self.kept_dir: Path | None = None  # set when the failed run is moved to reports/failed
        super().__init__(f"notebook {notebook.name}, variant {variant}, {where}: {error}")


def _source_cell(notebook: Path, executed: Path, cell_index: int) -> str:
    """Say which cell failed in terms of the notebook the analyst edits.

    Papermill inserts an injected-parameters cell, so the executed notebook's index is off
    by one after the parameters cell; cell ids survive, so map through them."""
    try:
        ran = nbformat.read(executed, as_version=4).cells[cell_index]
        source = nbformat.read(notebook, as_version=4).cells
        if "injected-parameters" in ran.metadata.get("tags", []):
            return "injected parameters cell"
        for i, cell in enumerate(source):
            if cell.get("id") and cell.get("id") == ran.get("id"):
                return f"cell {i}"
    except (OSError, IndexError, ValueError):
        pass
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

    With `kernels`, the run uses this thread's warm kernel instead of starting one."""
    start = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    extra = {}
    try:
        if kernels is not None:
            extra["km"] = kernels.acquire()
        pm.execute_notebook(
            str(notebook),
            str(output),
            parameters=params,
            kernel_name=KERNEL,
            progress_bar=progress,
            cwd=str(cwd or notebook.parent),
            log_output=False,
            **extra,
        )
    except PapermillExecutionError as exc:
        if kernels is not None:
            kernels.discard()
        where = _source_cell(notebook, output, exc.cell_index)
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
        if kernels is not None:
            kernels.discard()
        raise NotebookFailed(
            notebook,
            variant,
            "before the first cell",
            f"{type(exc).__name__}: {exc}",
            output if output.exists() else None,
        ) from exc
    return time.perf_counter() - start
