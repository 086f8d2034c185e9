"""A data package that cannot be read is reported as what it is: one message naming the
file, row and column, with the data exit code (1), never a traceback, a byte offset, a
different file or a bad parameter."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import edit_cell
from typer.testing import CliRunner

from ipdossier import data
from ipdossier.cli import app
from ipdossier.errors import DataError

runner = CliRunner()


def _drop_column(csv_path: Path, column: str) -> None:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    i = rows[0].index(column)
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])


def _bad_byte(csv_path: Path, row: int, column: str) -> None:
    """Put byte 0xff as the first character of a cell (rows numbered as in messages)."""
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows[row - 1][rows[0].index(column)] = "\udcff" + rows[row - 1][rows[0].index(column)]
    with open(csv_path, "w", newline="", encoding="utf-8", errors="surrogateescape") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _check(data_copy: Path, sources: Path):
    result = runner.invoke(app, ["check", "--data", str(data_copy), "--sources", str(sources)])
    return result


def _only_problem(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1] == "1 problem(s) found.", result.output
    return lines[0]


def test_check_reports_a_missing_column_as_that_column(data_copy, sources):
    _drop_column(data_copy / "events.csv", "kind")
    line = _only_problem(_check(data_copy, sources))
    assert line.startswith("events.csv: column 'kind' is missing"), line


def test_check_names_the_file_and_row_of_a_bad_byte(data_copy, sources):
    # organisations.csv is looked into by the foreign keys of five other tables: the
    # byte is still blamed on organisations.csv alone, by row and column, not by offset.
    _bad_byte(data_copy / "organisations.csv", 4, "name")
    line = _only_problem(_check(data_copy, sources))
    assert line.startswith("organisations.csv, row 4, column name: byte 0xff is not UTF-8"), line
    assert "position" not in line


@pytest.mark.parametrize(
    "broken",
    ['{"name": "ipdossier", "resources": [', "", '{"name": "x"}', "[1, 2]"],
    ids=["truncated", "empty", "no-resources", "not-an-object"],
)
def test_check_reports_an_invalid_descriptor_without_a_traceback(data_copy, sources, broken):
    (data_copy / "datapackage.json").write_text(broken, encoding="utf-8")
    line = _only_problem(_check(data_copy, sources))
    assert line.startswith("datapackage.json: "), line
    if broken.startswith("{") and "[" in broken:
        assert "not valid JSON" in line and "line 1" in line


def test_loading_text_in_a_numeric_column_names_file_row_and_column(data_copy):

    row = edit_cell(data_copy / "figures.csv", "attendees", "value", "many")
    with pytest.raises(DataError) as err:
        data.load(data_copy).table("figures")
    assert str(err.value) == f"figures.csv, row {row}, column value: 'many' is not of type integer"


def test_loading_a_table_with_a_column_removed_says_so(data_copy):
    _drop_column(data_copy / "events.csv", "kind")
    with pytest.raises(DataError, match=r"^events.csv: column 'kind' is missing"):
        data.load(data_copy).table("events")


def test_loading_a_bad_byte_names_row_and_column(data_copy):
    _bad_byte(data_copy / "figures.csv", 3, "quote")
    with pytest.raises(DataError, match=r"^figures.csv, row 3, column quote: byte 0xff"):
        data.load(data_copy).table("figures")


def test_a_data_error_is_not_reported_as_a_bad_parameter(data_copy, monkeypatch):
    # Checking event_id reads events.csv: a package that cannot be read is a data error
    # (exit 1, naming the cell), not "parameter event_id=... Unable to parse" (exit 2).

    row = edit_cell(data_copy / "events.csv", "bth-2017-baoding", "sequence", "first")
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    result = runner.invoke(app, ["params", "01_event", "-p", "event_id=bth-2017-baoding"])
    assert result.exit_code == 1, result.output
    assert f"events.csv, row {row}, column sequence: 'first' is not of type integer" in (
        result.output
    )
    assert "parameter event_id" not in result.output


def test_params_on_a_broken_descriptor_is_one_message_not_a_traceback(data_copy, monkeypatch):
    # The allowed values `params` prints come from datapackage.json: a truncated one is a
    # data error (exit 1) in one line, as `build` and `check` say it.
    path = data_copy / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8")[:-10], encoding="utf-8")
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    result = runner.invoke(app, ["params", "01_event"])
    assert result.exit_code == 1, result.output
    assert "datapackage.json: not valid JSON" in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
