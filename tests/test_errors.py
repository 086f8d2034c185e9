"""Errors: one module holds every user-facing error with its exit code; the CLI maps them
in one place; the README's exit-code table says what the code does."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import typer

from ipdossier import errors
from ipdossier.cli import _reported

ROOT = Path(__file__).resolve().parent.parent


def _readme_codes() -> dict[int, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {
        int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", section, re.M)
    }


def _error_classes() -> list[type[errors.IpdossierError]]:
    found, todo = [], [errors.IpdossierError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_readme_exit_codes_are_the_codes_of_errors_py():
    readme = _readme_codes()
    code = errors.exit_codes()
    assert set(readme) == set(code), (
        f"README lists {sorted(readme)}, errors.py ends commands with {sorted(code)}"
    )
    # Each row says what ends with its code.
    assert "success" in readme[errors.SUCCESS]
    assert "interrupted" in readme[errors.INTERRUPTED].lower()
    assert "lock" in readme[errors.BuildLocked.exit_code]
    assert "missing" in readme[errors.MissingDependency.exit_code]
    assert "parameter" in readme[errors.ParameterError.exit_code]
    assert "data" in readme[errors.DataError.exit_code]


def test_every_user_error_is_in_errors_py_with_a_code():
    classes = _error_classes()
    names = {c.__name__ for c in classes}
    for name in (
        "ParameterError", "VariantError", "BuildLocked", "BuildError", "DataInvalid",
        "DataError", "NotebookFailed", "MissingDependency", "ApplyError", "ArticleError",
        "FetchError", "SourceError", "SourceAbsent",
    ):  # fmt: skip
        assert name in names
    for cls in classes:
        assert cls.__module__ == "ipdossier.errors"
        assert cls.exit_code in errors.exit_codes()
        assert cls.__doc__, f"{cls.__name__} says what it means"


def test_old_import_paths_still_give_the_same_classes():
    from ipdossier.export.browser import MissingDependency
    from ipdossier.extract.apply import ApplyError
    from ipdossier.extract.article import ArticleError
    from ipdossier.extract.fetch import FetchError
    from ipdossier.params import ParameterError
    from ipdossier.pipeline.execute import NotebookFailed
    from ipdossier.pipeline.lock import BuildLocked
    from ipdossier.pipeline.orchestrate import BuildError, DataInvalid
    from ipdossier.pipeline.variants import VariantError
    from ipdossier.sources import SourceAbsent, SourceError

    assert (NotebookFailed, BuildLocked, BuildError, DataInvalid, VariantError) == (
        errors.NotebookFailed, errors.BuildLocked, errors.BuildError, errors.DataInvalid,
        errors.VariantError,
    )  # fmt: skip
    assert (MissingDependency, ApplyError, ArticleError, FetchError, ParameterError) == (
        errors.MissingDependency, errors.ApplyError, errors.ArticleError, errors.FetchError,
        errors.ParameterError,
    )  # fmt: skip
    assert (SourceAbsent, SourceError) == (errors.SourceAbsent, errors.SourceError)


def _example(cls: type[errors.IpdossierError]) -> errors.IpdossierError:
    if cls is errors.NotebookFailed:
        return cls(Path("01_event.ipynb"), "default", "cell 3", "ValueError: boom")
    if cls is errors.DataInvalid:
        return cls(["figures.csv, row 2, column value: bad"])
    if cls is errors.DataError:
        return cls("figures.csv", "'abc' is not of type integer", 2, "value")
    if cls is errors.DiskFull:
        return cls("/srv/reports", 12_000_000, 180_000_000, Path("/srv/reports/failed/x"))
    if cls is errors.ReportsUnwritable:
        return cls("/srv/reports", "Read-only file system")
    if cls is errors.ClusterFailed:
        return cls("tcp://10.0.0.5:8786", "no worker connected for 60 s")
    return cls(f"{cls.__name__} happened")


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_the_cli_ends_with_the_class_code_and_its_message(cls, capsys):
    error = _example(cls)
    with pytest.raises(typer.Exit) as stopped, _reported("build", untouched="nothing moved"):
        raise error
    assert stopped.value.exit_code == cls.exit_code
    err = capsys.readouterr().err
    assert str(error) in err and "Traceback" not in err
    for problem in getattr(error, "problems", []):
        assert problem in err


def test_an_interruption_ends_with_130(capsys):
    with pytest.raises(typer.Exit) as stopped, _reported("build", untouched="nothing moved"):
        raise KeyboardInterrupt
    assert stopped.value.exit_code == errors.INTERRUPTED == 130
    assert "interrupted; nothing moved" in capsys.readouterr().err


def test_errors_raised_on_a_dask_worker_survive_pickling():
    failed = errors.NotebookFailed(Path("/x/01_event.ipynb"), "zh-all", "cell 4", "KeyError: 'a'")
    again = pickle.loads(pickle.dumps(failed))
    assert (type(again), str(again), again.where) == (type(failed), str(failed), "cell 4")
    bad = errors.DataError("figures.csv", "'abc' is not of type integer", 2, "value")
    again = pickle.loads(pickle.dumps(bad))
    assert (str(again), again.row, again.column) == (str(bad), 2, "value")
