"""The `ipdossier` command line.

Exit codes (also in the README):
  0  success
  1  the data, a notebook or a build failed (the message names file, row, cell or variant)
  2  usage error: unknown option, bad parameter value
  3  another build holds the lock on the reports directory
  4  a system dependency is missing (Chromium, CJK fonts)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    help="Curated, validated dossier on Chinese IP service policy.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_MISSING_DEPENDENCY = 1, 2, 3, 4


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ipdossier {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """ipdossier: data package, notebooks and reports."""


@app.command()
def check(
    data: Annotated[Path | None, typer.Option(help="Data directory or datapackage.json.")] = None,
    sources: Annotated[
        Path | None,
        typer.Option(help="Folder of source texts (default: $IPDOSSIER_SOURCES or ../shared/sources)."),
    ] = None,
    locators: Annotated[
        bool, typer.Option(help="Also check every locator against the source texts.")
    ] = True,
) -> None:
    """Validate the data package: types, keys, and every locator against its source."""
    from .check import check as run_check

    problems = run_check(data, sources, locators=locators)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) found.", err=True)
        raise typer.Exit(EXIT_FAILED)
    typer.echo("data package OK" + ("" if locators else " (locators not checked)"))
