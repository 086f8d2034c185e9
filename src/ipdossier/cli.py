"""The `ipdossier` command line.

Exit codes are those of `ipdossier.errors` (each error class carries its own; the README
lists them): `_reported` is the one place an error becomes a message and an exit code.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
import typer.core

from . import __version__
from .errors import (
    INTERRUPTED,
    DataInvalid,
    IpdossierError,
    NotebookFailed,
    problem_lines,
)

app = typer.Typer(
    help="Curated, validated dossier on Chinese IP service policy.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_FAILED = DataInvalid.exit_code


@contextmanager
def _reported(command: str, *, untouched: str = "") -> Iterator[None]:
    """Turn the package's errors into a message on stderr and their class's exit code.

    `untouched` is what a failed `command` leaves as it was (said after the message)."""
    after = f"; {untouched}" if untouched else ""
    try:
        yield
    except KeyboardInterrupt:
        typer.echo(f"ipdossier {command}: interrupted{after}", err=True)
        raise typer.Exit(INTERRUPTED) from None
    except IpdossierError as exc:
        problems = [str(problem) for problem in getattr(exc, "problems", ())]
        if isinstance(exc, DataInvalid):  # check's lines, then what the build did
            lines = [
                *problem_lines(exc.problems),
                f"ipdossier {command}: {exc}; nothing was run{after}",
            ]
        elif isinstance(exc, NotebookFailed):
            lines = [f"ipdossier {command}: failed: {exc}"]
            if exc.kept_dir:
                lines.append(
                    f"ipdossier {command}: the failed run is kept for debugging in {exc.kept_dir}"
                )
            lines.append(f"ipdossier {command}: {untouched}" if untouched else "")
        else:
            lines = [f"ipdossier {command}: {exc}", *(f"  {p}" for p in problems)]
        for line in filter(None, lines):
            typer.echo(line, err=True)
        raise typer.Exit(exc.exit_code) from None


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
    from .check import mirror_only, missing_chinese

    absent: list = []
    with _reported("check"):
        problems = run_check(data, sources, locators=locators, absent=absent)
    for line in problem_lines(problems):
        typer.echo(line, err=True)
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
        mirrored = mirror_only(load(data))
        typer.echo(f"{len(mirrored)} fact(s) rest only on a page copied by an unknown mirror:")
        for line in mirrored:
            typer.echo(f"  {line}")
    if absent:
        rows = sum(n for _, n, _ in absent)
        typer.echo(
            f"{len(absent)} source(s), {rows} row(s) with locators: not re-verifiable here "
            "(the source text is not on this machine)"
        )
        for source_id, n, why in absent:
            typer.echo(f"  {source_id}: {n} row(s); {why}")
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
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Comma-separated: pdf (the dossier), chapters (a PDF per chapter; needs "
            "pdf), html.",
        ),
    ] = (
        "pdf,chapters,html"
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

    from .pipeline import BuildOptions
    from .pipeline import build as run_build
    from .pipeline.variants import cluster_address

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
    with _reported("build", untouched="previous reports are untouched"):
        options.cluster = cluster or cluster_address(params)
        result = run_build(options)
    if result.status == "up-to-date":
        typer.echo(f"up to date: {result.run_dir}")
    else:
        typer.echo(
            f"built {len(result.executed)} notebook run(s), reused {len(result.reused)}: "
            f"{result.run_dir}"
        )


def _parameter_values(items: list[str] | None) -> dict:
    """`-p NAME=VALUE` options as values, each VALUE read as YAML (as papermill reads it)."""
    from .params import ParameterError, load_yaml

    values = {}
    for item in items or []:
        name, sep, raw = item.partition("=")
        if not sep:
            raise ParameterError(f"-p {item!r}: expected NAME=VALUE")
        values[name.strip()] = load_yaml(raw, f"-p {item}") if raw else ""
    return values


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
    from .params import read_parameters, validate
    from .paths import notebooks_dir

    path = notebook
    if not path.exists():
        candidates = [notebooks_dir() / notebook.name, notebooks_dir() / f"{notebook.name}.ipynb"]
        path = next((c for c in candidates if c.exists()), notebook)
    with _reported("params"):
        declared = read_parameters(path)
        values = _parameter_values(set_)
        checked = validate(path, values) if values else None
        # Inside the error handling: the allowed values are read from the data package,
        # which may be the broken thing.
        lines = [f"Parameters of {path.name}:"]
        for p in declared.values():
            line = f"  {p.name}: {p.type_name} = {p.default!r}"
            if p.help:
                line += f"  # {p.help}"
            lines.append(line)
            if p.allowed:
                lines.append(f"      allowed: {p.allowed}")
    for line in lines:
        typer.echo(line)
    if checked is not None:
        typer.echo("Values OK: " + ", ".join(f"{k}={v!r}" for k, v in checked.items()))


@app.command()
def lab(
    set_: Annotated[
        list[str] | None,
        typer.Option("--parameter", "-p", help="NAME=VALUE for the chapters (repeatable)."),
    ] = None,
    workspace: Annotated[
        Path | None, typer.Option("--workspace", help="Folder of the executed copies.")
    ] = None,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Run the chapters again, replacing the copies.")
    ] = False,
    port: Annotated[int | None, typer.Option("--port", help="JupyterLab's port.")] = None,
    prepare_only: Annotated[
        bool, typer.Option("--prepare-only", help="Write the copies; do not start JupyterLab.")
    ] = False,
) -> None:
    """Open JupyterLab on executed copies of the chapters in workspace/ (git-ignored), so
    each opens as a report and notebooks/ stays as committed. Copies already there are the
    analyst's and are kept (--fresh runs them again)."""
    import os

    from .pipeline import workspace as ws

    folder = (workspace or ws.default_dir()).resolve()
    with _reported("lab"):
        values = _parameter_values(set_)
        argv = None if prepare_only else ws.lab_command(folder, port=port)
        written, kept = ws.prepare(folder, values, fresh=fresh)
    for path in written:
        typer.echo(f"executed: {path}")
    for path in kept:
        typer.echo(f"kept (your copy; --fresh to run it again): {path}")
    if argv is not None:
        os.execv(argv[0], argv)


class _ExtractGroup(typer.core.TyperGroup):
    """`extract draft|diff|apply`; the old form `extract FILE [--diff|--apply]` still works,
    with a pointer to the subcommand, through a hidden `legacy` command."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["legacy", *args]
        return super().parse_args(ctx, args)


extract_app = typer.Typer(
    cls=_ExtractGroup,
    help="Draft dossier rows from a news article (draft), compare a draft with the "
    "package (diff), merge its reviewed rows (apply).",
    no_args_is_help=True,
)
app.add_typer(extract_app, name="extract")


def _extract_errors(run):
    """Run an extract action, turning its errors into exit codes with a message."""
    from .errors import ArticleError

    with _reported("extract"):
        try:
            return run()
        except FileNotFoundError as exc:  # a draft folder that is not one: usage
            raise ArticleError(str(exc)) from None


def _shown(path) -> str:
    """A path as the user can type it: relative to the working folder when it is inside
    it (drafts/ID, as the README shows), else as it is."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _write_draft(path: str, source_id, out, url, cache) -> None:
    from .extract.draft import extract as run_extract
    from .paths import project_root

    draft = run_extract(path, source_id=source_id, url=url, cache=cache)
    folder = draft.write(out or project_root() / "drafts", cache=cache)
    counts = ", ".join(f"{len(t)} {n}" for n, t in draft.tables.items())
    typer.echo(f"draft written to {_shown(folder)} (language: {draft.language}): {counts}")
    for warning in draft.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if draft.cached is not None:
        typer.echo(f"article text cached at {_shown(draft.cached)} (sha256 {draft.article.sha256})")
    typer.echo(
        f"review it, mark rows `reviewed` = yes, then: ipdossier extract apply {_shown(folder)}"
    )


def _print_diff(tables: dict, as_json: bool) -> None:
    import json

    from .extract.diff import diff as diff_draft
    from .extract.draft import REVIEW

    tables = {k: v.drop(columns=[REVIEW], errors="ignore") for k, v in tables.items()}
    result = diff_draft(tables)
    typer.echo(json.dumps(result.as_dict(), indent=2) if as_json else result.report())


_SOURCE_ID = typer.Option("--source-id", help="Id for the source (default: from the name).")
_OUT = typer.Option("--out", help="Drafts folder (default: drafts/).")
_URL = typer.Option("--url", help="The article's URL, for its citation (a file's origin).")
_CACHE = typer.Option(
    "--cache",
    help="Sources cache for the article text (default: $IPDOSSIER_CACHE or "
    ".sources-cache/ in the checkout; git-ignored).",
)


_ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def _draft_inputs(paths: list[str]) -> list[str]:
    """The articles named: files and URLs as given, a folder's articles (.txt, .html) in
    name order, and the lines of a list file (`@list.txt`: one path or URL a line, # for
    comments)."""
    from .extract import fetch

    out: list[str] = []
    for given in paths:
        if given.startswith("@"):
            listed = Path(given[1:]).read_text(encoding="utf-8").splitlines()
            out += _draft_inputs([x.strip() for x in listed if x.strip() and x[0] != "#"])
        elif not fetch.is_url(given) and Path(given).is_dir():
            out += sorted(
                str(p) for p in Path(given).iterdir() if p.suffix.lower() in _ARTICLE_SUFFIXES
            )
        else:
            out.append(given)
    return out


@extract_app.command("draft")
def extract_draft(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles (.txt or .html), http(s) URLs, folders of articles, or @LIST "
            "(a file naming one article or URL a line): one draft each."
        ),
    ],
    source_id: Annotated[str | None, _SOURCE_ID] = None,
    out: Annotated[Path | None, _OUT] = None,
    url: Annotated[str, _URL] = "",
    cache: Annotated[Path | None, _CACHE] = None,
) -> None:
    """Draft rows from articles for review, one draft each; the article's text goes to
    the local sources cache with its sha256, the draft keeps facts and locators. Several
    articles share one process, so the Chinese lexical analyser is loaded once.

    Exit 2 when an input is not a readable article (empty, binary, not UTF-8), or a URL
    cannot be fetched (offline, HTTP error); the articles before it keep their drafts."""

    def run() -> None:
        from .errors import ArticleError

        inputs = _draft_inputs(paths)
        if not inputs:
            raise ArticleError(f"no article in {', '.join(paths)} (.txt, .html or a URL)")
        if len(inputs) > 1 and (source_id or url):
            raise ArticleError("--source-id and --url name one article: give one input")
        for path in inputs:
            _write_draft(path, source_id, out, url, cache)

    _extract_errors(run)


@extract_app.command("diff")
def extract_diff(
    draft: Annotated[Path, typer.Argument(help="A draft folder (or an article, drafted first).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare a draft with the package: same, new, conflicting and missing facts."""
    from .extract.diff import read_draft
    from .extract.draft import extract as run_extract

    def run():
        tables = read_draft(draft) if draft.is_dir() else run_extract(draft).tables
        _print_diff(tables, as_json)

    _extract_errors(run)


@extract_app.command("apply")
def extract_apply(
    draft: Annotated[Path, typer.Argument(help="A draft folder.")],
    all_rows: Annotated[bool, typer.Option("--all", help="Every row, reviewed or not.")] = False,
) -> None:
    """Merge the draft's reviewed rows into data/ after re-validating a copy of the whole
    package; exit 1 (data/ unchanged) when it would not validate."""
    from .extract.apply import apply as apply_draft

    def run():
        added = apply_draft(draft, take_all=all_rows)
        typer.echo("applied: " + ", ".join(f"{n} {t}" for t, n in added.items()))

    _extract_errors(run)


@extract_app.command("legacy", hidden=True)
def extract_legacy(
    path: Annotated[str, typer.Argument(help="An article, URL or draft folder.")],
    source_id: Annotated[str | None, _SOURCE_ID] = None,
    out: Annotated[Path | None, _OUT] = None,
    url: Annotated[str, _URL] = "",
    diff: Annotated[bool, typer.Option("--diff", help="Now: extract diff.")] = False,
    apply: Annotated[bool, typer.Option("--apply", help="Now: extract apply.")] = False,
    all_rows: Annotated[bool, typer.Option("--all", help="With --apply.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --diff.")] = False,
) -> None:
    """The pre-subcommand form `extract PATH [--diff|--apply]`: still works, and says
    which subcommand to use instead."""
    from .extract.diff import read_draft

    sub = "apply" if apply else "diff" if diff or Path(path).is_dir() else "draft"
    # The old form as it was typed, flag included, beside the form to use instead.
    flag = " --apply" if apply else " --diff" if diff else ""
    typer.echo(
        f"note: `ipdossier extract {path}{flag}` is the old form; use "
        f"`ipdossier extract {sub} {path}`",
        err=True,
    )
    if sub == "apply":
        extract_apply(Path(path), all_rows)
    elif sub == "diff":
        if Path(path).is_dir():
            _extract_errors(lambda: _print_diff(read_draft(Path(path)), as_json))
        else:
            extract_diff(Path(path), as_json)
    else:
        extract_draft([path], source_id, out, url, None)
