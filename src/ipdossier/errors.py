"""Every error the package reports to its user, each with the exit code it ends the
command with.

One module, so that the CLI maps errors to exit codes in one place (from the class's
`exit_code`, not a list of `except` clauses), the README's exit-code table can be checked
against the code, and a module deep in the package can raise a user-facing error without
importing the layer that reports it. It imports nothing from the package: every layer may
import it. The modules that used to define these classes re-export them, so older imports
(`from ipdossier.params import ParameterError`) keep working.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

SUCCESS = 0
# A run stopped by Ctrl-C or SIGTERM, as shells report a death by SIGINT (128 + 2).
INTERRUPTED = 130


class IpdossierError(Exception):
    """Base of the package's user-facing errors; the message is what the user reads."""

    exit_code: ClassVar[int] = 1

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error in a notebook: its one line, not a traceback
        through the package (the message names the parameter, file or cell at fault)."""
        return [f"\x1b[0;31m{type(self).__name__}\x1b[0m: {self}"]


# -- exit 1: the data, a notebook or a build failed -----------------------------------------


class DataError(IpdossierError):
    """The data package cannot be read: a broken descriptor, a file that is not UTF-8, a
    missing column, a value that is not of its column's type. Names file, row, column."""

    exit_code = 1

    def __init__(
        self, file: str, message: str, row: int | None = None, column: str | None = None
    ) -> None:
        self.file, self.row, self.column, self.message = file, row, column, message
        where = file
        if row is not None:
            where += f", row {row}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return (type(self), (self.file, self.message, self.row, self.column))


class DataInvalid(IpdossierError):
    """The data package fails `ipdossier check`: no notebook may read it. `problems` are
    check's, one line each."""

    exit_code = 1

    def __init__(self, problems: list) -> None:
        self.problems = problems
        super().__init__(f"the data package has {len(problems)} problem(s)")


# `ipdossier check` (and a build it stops) prints at most this many problems: a column
# shifted in a 1,000-row table would otherwise bury the others. The count is always whole.
PROBLEMS_SHOWN = 50


def problem_lines(problems: list) -> list[str]:
    """One line per problem, the first PROBLEMS_SHOWN of them, then how many were left out."""
    lines = [str(p) for p in problems[:PROBLEMS_SHOWN]]
    if len(problems) > PROBLEMS_SHOWN:
        lines.append(
            f"... and {len(problems) - PROBLEMS_SHOWN} more: the first {PROBLEMS_SHOWN} of "
            f"{len(problems)} problems are shown"
        )
    return lines


class SourceError(IpdossierError):
    """A source text is missing or does not match its recorded checksum."""

    exit_code = 1


class SourceAbsent(SourceError):
    """The source text is not on this machine: its locators cannot be re-verified here
    (not a fault of the package)."""


class NotebookFailed(IpdossierError):
    """A notebook failed while a build ran it; names notebook, variant and cell."""

    exit_code = 1

    def __init__(
        self, notebook: Path, variant: str, where: str, error: str, executed: Path | None = None
    ):
        self.notebook, self.variant, self.where, self.error = notebook, variant, where, error
        self.executed = executed
        self.kept_dir: Path | None = None  # set when the failed run is moved to reports/failed
        super().__init__(f"notebook {notebook.name}, variant {variant}, {where}: {error}")

    def __reduce__(self):
        # Raised on a Dask worker, it reaches the coordinator by pickle.
        return (type(self), (self.notebook, self.variant, self.where, self.error, self.executed))


class DiskFull(IpdossierError):
    """The disk filled up during a build: says where, how much is free, and about how much
    a run needs (the last run's size), after the partial run was made small."""

    exit_code = 1

    def __init__(self, where: str, free: int, needed: int | None, kept: Path | None) -> None:
        self.where, self.free, self.needed, self.kept = where, free, needed, kept
        need = f"; a run needs about {_mb(needed)} (the size of the last one)" if needed else ""
        # Name the log only when it is there: on a full disk it may not have been written.
        what = (
            "its notebooks and build.log"
            if kept and (Path(kept) / "build.log").is_file()
            else "its notebooks; build.log could not be written"
        )
        kept_note = f"; what the failed run kept ({what}) is in {kept}" if kept else ""
        super().__init__(
            f"no space left on the device of {where}: {_mb(free)} free{need}{kept_note}"
        )

    def __reduce__(self):
        return (type(self), (self.where, self.free, self.needed, self.kept))


class ReportsUnwritable(IpdossierError):
    """The reports folder (or a run in it) cannot be written or removed: a read-only mount,
    a folder another user owns. Says which path and what the system answered; the runs
    already published stay as they were."""

    exit_code = 1

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(
            f"cannot write the reports folder: {path}: {reason} "
            "(give this user write access to it, or pass --out DIR); "
            "the published runs are untouched"
        )

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class ClusterFailed(IpdossierError):
    """A `--cluster` build lost what it ran on: no worker left for longer than the
    deadline, or the scheduler gone. Names the scheduler; nothing is published."""

    exit_code = 1

    def __init__(self, address: str, reason: str) -> None:
        self.address, self.reason = address, reason
        super().__init__(f"--cluster {address}: {reason}; nothing was published")

    def __reduce__(self):
        return (type(self), (self.address, self.reason))


def _mb(size: int | None) -> str:
    return f"{(size or 0) / 1e6:,.0f} MB"


class ApplyError(IpdossierError):
    """`extract apply` refused a draft; data/ is unchanged. `problems` are check's."""

    exit_code = 1

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


# -- exit 2: usage ----------------------------------------------------------------------------


class ParameterError(IpdossierError, ValueError):
    """A parameter name is unknown, or its value of the wrong type or out of range."""

    exit_code = 2


class VariantError(IpdossierError, ValueError):
    """The params file is malformed; the message names the file and the entry."""

    exit_code = 2


class BuildError(IpdossierError):
    """A build could not start: nothing to build, bad options."""

    exit_code = 2


class ArticleError(IpdossierError, ValueError):
    """The input cannot be read as an article; the message names the file."""

    exit_code = 2


class FetchError(IpdossierError):
    """A URL could not be fetched or held no article text; the message names the URL."""

    exit_code = 2


# -- exit 3, 4: the machine -----------------------------------------------------------------


class BuildLocked(IpdossierError):
    """Another build holds the lock on the reports directory."""

    exit_code = 3


class MissingDependency(IpdossierError):
    """A system program or font the reports need is not installed."""

    exit_code = 4


def exit_codes() -> dict[int, list[str]]:
    """Every exit code the command line ends with, and what ends with it."""
    codes: dict[int, list[str]] = {SUCCESS: ["success"], INTERRUPTED: ["interrupted"]}
    seen, todo = set(), [IpdossierError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                codes.setdefault(sub.exit_code, []).append(sub.__name__)
    return codes
