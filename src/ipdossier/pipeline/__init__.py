"""`ipdossier build`: run the notebooks for each variant, export reports, publish atomically.

The pieces, each in its own module:
  variants     which reports to make (a params file may hold several variants)
  fingerprint  cache keys: notebook, parameters, data and package code
  plan         typed plan of a run, and whether anything needs to run at all
  stages       the tasks of a run: execute, draw, chapter, export, then its manifest
  execute      one notebook under papermill, with failures named by notebook, variant and cell
  runs         run directories, the `latest` pointer, pruning
  lock         one build at a time per reports directory
  manifest     what a run did, with checksums and timings
  orchestrate  the flow that ties them together (plan, stages, publish)
  cluster      the same stages on Dask workers

Importing the package itself is light: papermill imports `pipeline.kernels` through its
`papermill.engine` entry point wherever papermill is imported (a notebook's kernel too),
and must not pull in the orchestrator (tqdm.auto warns in a kernel without ipywidgets).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .orchestrate import BuildOptions, BuildResult, build

__all__ = ["BuildOptions", "BuildResult", "build"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module(".orchestrate", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
