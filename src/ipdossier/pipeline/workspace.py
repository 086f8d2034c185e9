"""The analyst's workspace: executed copies of the chapters for JupyterLab.

`ipdossier lab` (and `make lab`) opens JupyterLab on `workspace/` (git-ignored), not on
`notebooks/`: JupyterLab autosaves outputs and parameter edits into whatever it opens,
and the tracked notebooks must stay as committed (stripped, default parameters). Each
chapter is copied there once, with the parameters asked for written into its own
`parameters` cell (not papermill's injected cell, which would silently override the
analyst's later edits of that cell), and executed, so that it opens as a report, charts
and prose shown. A copy already there is the analyst's work and is kept unless `fresh`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from ..errors import BuildError
from ..paths import notebooks_dir, project_root

PARAMETER_LINE = re.compile(
    r"^(?P<name>\w+)(?P<type>\s*:\s*\w+)?\s*=\s*(?P<value>.*?)(?P<comment>\s*#.*)?$"
)


def default_dir() -> Path:
    return project_root() / "workspace"


def chapters() -> list[Path]:
    found = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
    if not found:
        raise BuildError(f"no chapters in {notebooks_dir()}")
    return found


def with_parameters(source: str, values: dict) -> str:
    """The parameters cell's source with `values` as the defaults, comments kept."""
    lines = []
    for line in source.splitlines():
        m = PARAMETER_LINE.match(line)
        if m and m["name"] in values:
            value = values[m["name"]]
            # Strings in double quotes, as the committed cells write them.
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
            line = f"{m['name']}{m['type'] or ''} = {shown}{m['comment'] or ''}"
        lines.append(line)
    return "\n".join(lines)


def prepare(
    workspace: Path, values: dict | None = None, *, fresh: bool = False
) -> tuple[list[Path], list[Path]]:
    """Executed copies of every chapter in `workspace`; returns (written, kept)."""
    import nbformat

    from ..params import validate
    from .execute import execute

    values = dict(values or {})
    workspace.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    # Charts as plotly's own mime type: interactive in JupyterLab, and what the Dossier
    # exporter draws from.
    os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")
    for chapter in chapters():
        target = workspace / chapter.name
        if target.exists() and not fresh:
            kept.append(target)
            continue
        checked = validate(chapter, values) if values else {}
        nb = nbformat.read(chapter, as_version=4)
        for cell in nb.cells:
            if "parameters" in cell.metadata.get("tags", []):
                cell.source = with_parameters(cell.source, checked)
        staged = workspace / f".{chapter.name}.unexecuted"
        nbformat.write(nb, staged)
        try:
            execute(staged, target, {}, variant="workspace", cwd=notebooks_dir())
        finally:
            staged.unlink(missing_ok=True)
        written.append(target)
    return written, kept


def lab_command(workspace: Path, *, port: int | None = None) -> list[str]:
    """JupyterLab's command line on the workspace, once JupyterLab is found here."""
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        raise BuildError(
            "JupyterLab is not installed in this environment: `make lab` installs it in its "
            "own virtualenv (.venv-lab) and opens the workspace"
        ) from None
    return lab_argv(workspace, port=port, euid=os.geteuid())


def lab_argv(workspace: Path, *, port: int | None, euid: int) -> list[str]:
    """As root JupyterLab refuses to start without --allow-root (containers, CI, the
    set-up the README recommends)."""
    argv = [sys.executable, "-m", "jupyterlab", str(workspace)]
    if port is not None:
        argv.append(f"--port={port}")
    if euid == 0:
        argv.append("--allow-root")
    return argv
