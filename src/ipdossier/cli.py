"""The `ipdossier` command line.

Exit codes (also in the README):
  0  success
  1  the data, a notebook or a build failed (the message names file, row, cell or variant)
  2  usage error: unknown option, bad parameter value
  3  another build holds the lock on the reports directory
  4  a system dependency is missing (Chromium, CJK fonts)
  130  interrupted (Ctrl-C or SIGTERM); the previous reports are untouched
"""

from __future__ import annotations

import signal
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


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


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
        typer.Option(
            help="Folder of source texts (default: $IPDOSSIER_SOURCES or ../shared/sources)."
        ),
    ] = None,
    locators: Annotated[
        bool, typer.Option(help="Also check every locator against the source texts.")
    ] = True,
) -> None:
    """Validate the data package: types, keys, and every locator against its source."""
    from .check import check as run_check
    from .check import missing_chinese

    problems = run_check(data, sources, locators=locators)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if not problems:
        from .data import load

        missing = missing_chinese(load(data))
        for line in missing:
            typer.echo(f"warning: no Chinese form: {line}", err=True)
        if missing:
            typer.echo(
                f"warning: {len(missing)} value(s) without a Chinese form "
                "(shown as they stand in the Chinese edition).",
                err=True,
            )
    if problems:
        typer.echo(f"{len(problems)} problem(s) found.", err=True)
        raise typer.Exit(EXIT_FAILED)
    typer.echo("data package OK" + ("" if locators else " (locators not checked)"))


@app.command()
def build(
    params: Annotated[
        Path | None,
        typer.Option("--params", help="YAML file of variants (defaults/variants/matrix)."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Build only this notebook (repeatable).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Variants run side by side.")] = 1,
    format: Annotated[str, typer.Option("--format", help="Comma-separated: pdf,html.")] = (
        "pdf,html"
    ),
    out: Annotated[
        Path | None, typer.Option("--out", help="Reports directory (default reports/).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even what is unchanged.")] = False,
    keep: Annotated[
        int | None, typer.Option("--keep", help="Keep only the N newest runs.", min=1)
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bars (default: on a terminal)."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            envvar="IPDOSSIER_CLUSTER",
            help="Dask scheduler (tcp://HOST:8786) to build the variants on; also "
            "'cluster:' in the params file. Workers must see the reports folder.",
        ),
    ] = None,
) -> None:
    """Run the notebooks for each variant and export reports into reports/<run-id>/.

    reports/latest moves only when the whole run succeeded; unchanged variants are not
    re-executed; a second build while one runs exits with code 3."""
    import logging

    from .build import BuildOptions
    from .build import build as run_build
    from .build.execute import NotebookFailed
    from .build.lock import BuildLocked
    from .build.orchestrate import BuildError, DataInvalid
    from .build.variants import VariantError, cluster_address

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    # systemd and cron stop jobs with SIGTERM: unwind so the staged run is set aside and
    # the kernels are shut down, exactly as on Ctrl-C.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    options = BuildOptions(
        params_file=params,
        only=tuple(only or ()),
        jobs=jobs,
        formats=tuple(f.strip() for f in format.split(",") if f.strip()),
        out=out,
        force=force,
        keep=keep,
        progress=progress,
    )
    try:
        options.cluster = cluster or cluster_address(params)
    except VariantError as exc:
        typer.echo(f"ipdossier build: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    from .export.browser import MissingDependency
    from .params import ParameterError

    try:
        result = run_build(options)
    except BuildLocked as exc:
        typer.echo(f"ipdossier build: {exc}", err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except (BuildError, VariantError, ParameterError) as exc:
        typer.echo(f"ipdossier build: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except MissingDependency as exc:
        typer.echo(f"ipdossier build: {exc}", err=True)
        raise typer.Exit(EXIT_MISSING_DEPENDENCY) from None
    except DataInvalid as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(
            f"ipdossier build: {exc}; nothing was run, previous reports are untouched", err=True
        )
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:
        typer.echo("ipdossier build: interrupted; previous reports are untouched", err=True)
        raise typer.Exit(130) from None
    except NotebookFailed as exc:
        typer.echo(f"ipdossier build: failed: {exc}", err=True)
        if exc.kept_dir:
            typer.echo(
                f"ipdossier build: the failed run is kept for debugging in {exc.kept_dir}", err=True
            )
        typer.echo("ipdossier build: previous reports are untouched", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    if result.status == "up-to-date":
        typer.echo(f"up to date: {result.run_dir}")
    else:
        typer.echo(
            f"built {len(result.executed)} notebook run(s), reused {len(result.reused)}: "
            f"{result.run_dir}"
        )


@app.command()
def params(
    notebook: Annotated[Path, typer.Argument(help="A notebook of notebooks/ (path or name).")],
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--parameter",
            "-p",
            help="NAME=VALUE to validate (repeatable); "
            "VALUE is read as YAML, as papermill reads it.",
        ),
    ] = None,
) -> None:
    """Print a notebook's parameters (type, default, allowed values), or check values."""
    import yaml

    from .params import ParameterError, read_parameters, validate
    from .paths import notebooks_dir

    path = notebook
    if not path.exists():
        candidates = [notebooks_dir() / notebook.name, notebooks_dir() / f"{notebook.name}.ipynb"]
        path = next((c for c in candidates if c.exists()), notebook)
    try:
        declared = read_parameters(path)
        values = {}
        for item in set_ or []:
            name, sep, raw = item.partition("=")
            if not sep:
                raise ParameterError(f"-p {item!r}: expected NAME=VALUE")
            values[name.strip()] = yaml.safe_load(raw) if raw else ""
        checked = validate(path, values) if values else None
    except ParameterError as exc:
        typer.echo(f"ipdossier params: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"Parameters of {path.name}:")
    for p in declared.values():
        line = f"  {p.name}: {p.type_name} = {p.default!r}"
        if p.help:
            line += f"  # {p.help}"
        typer.echo(line)
        if p.allowed:
            typer.echo(f"      allowed: {p.allowed}")
    if checked is not None:
        typer.echo("Values OK: " + ", ".join(f"{k}={v!r}" for k, v in checked.items()))


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="An article (.txt or .html), or a draft folder.")],
    source_id: Annotated[
        str | None, typer.Option("--source-id", help="Id for the source (default: file name).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Drafts folder (default: drafts/).")
    ] = None,
    url: Annotated[str, typer.Option("--url", help="The article's URL, for its citation.")] = "",
    diff: Annotated[
        bool, typer.Option("--diff", help="Compare the draft (or article) with the package.")
    ] = False,
    apply: Annotated[
        bool, typer.Option("--apply", help="Merge the draft's reviewed rows into data/.")
    ] = False,
    all_rows: Annotated[
        bool, typer.Option("--all", help="With --apply: every row, reviewed or not.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --diff: print JSON.")] = False,
) -> None:
    """Draft dossier rows from a news article, for review; nothing in data/ changes
    without --apply of reviewed rows, which re-validates the whole package first.

    Exit 2 when the input is not a readable article (empty, binary, not UTF-8) or not a
    draft folder; exit 1 when applied rows would leave the package invalid."""
    import json

    from .extract.apply import ApplyError
    from .extract.apply import apply as apply_draft
    from .extract.article import ArticleError
    from .extract.diff import diff as diff_draft
    from .extract.diff import read_draft
    from .extract.draft import extract as run_extract
    from .paths import project_root

    try:
        if apply:
            added = apply_draft(path, take_all=all_rows)
            typer.echo("applied: " + ", ".join(f"{n} {t}" for t, n in added.items()))
            return
        if path.is_dir():
            draft_tables = read_draft(path)
        else:
            draft = run_extract(path, source_id=source_id, url=url)
            draft_tables = draft.tables
            if not diff:
                folder = draft.write(out or project_root() / "drafts")
                counts = ", ".join(f"{len(t)} {n}" for n, t in draft.tables.items())
                typer.echo(f"draft written to {folder}: {counts}")
                typer.echo(
                    "review it, mark rows `reviewed` = yes, then: "
                    f"ipdossier extract --apply {folder}"
                )
        if diff or path.is_dir():
            from .extract.draft import REVIEW

            tables = {k: v.drop(columns=[REVIEW], errors="ignore") for k, v in draft_tables.items()}
            result = diff_draft(tables)
            typer.echo(json.dumps(result.as_dict(), indent=2) if as_json else result.report())
    except (ArticleError, FileNotFoundError) as exc:
        typer.echo(f"ipdossier extract: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except ApplyError as exc:
        typer.echo(f"ipdossier extract: {exc}", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
