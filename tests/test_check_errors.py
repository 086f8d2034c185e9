"""`ipdossier check` on broken copies: one clear message naming file, row and column."""

from __future__ import annotations

import shutil

import pytest
from helpers import append_row_copy, edit_cell
from typer.testing import CliRunner

from ipdossier import data
from ipdossier.check import check
from ipdossier.cli import app

runner = CliRunner()


def run_check(data_copy, sources):
    result = runner.invoke(app, ["check", "--data", str(data_copy), "--sources", str(sources)])
    return result.exit_code, result.output


def test_cli_passes_on_real_package(sources):
    result = runner.invoke(app, ["check", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert "data package OK" in result.output


def test_wrong_type(data_copy, sources):
    row = edit_cell(data_copy / "figures.csv", "attendees", "value", "many")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"figures.csv, row {row}, column value" in out
    assert "type" in out.lower()


def test_broken_foreign_key(data_copy, sources):
    row = edit_cell(data_copy / "roles.csv", "r-liu", "person_id", "nobody")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"roles.csv, row {row}, column person_id: broken foreign key" in out


def test_duplicate_key(data_copy, sources):
    row = append_row_copy(data_copy / "people.csv", "ding-pu")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"people.csv, row {row}, column person_id: duplicate primary key" in out


def test_locator_no_longer_matches(data_copy, sources):
    row = edit_cell(data_copy / "figures.csv", "attendees", "char_start", "0")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"figures.csv, row {row}, column quote: span 5:0-" in out


def test_value_that_the_quote_does_not_hold(data_copy, sources):
    row = edit_cell(data_copy / "figures.csv", "brand-agencies", "value", "19")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"figures.csv, row {row}, column value: value 19 does not match '18'" in out


def test_qualifier_that_the_quote_does_not_hold(data_copy, sources):
    row = edit_cell(data_copy / "figures.csv", "series-reach", "qualifier", "exact")
    problems = [str(p) for p in check(data_copy, sources)]
    assert problems == [
        f"figures.csv, row {row}, column qualifier: qualifier 'exact' does not match "
        "'nearly 1,000' (reads 'approximately')"
    ]


def test_claimed_name_not_in_span(data_copy, sources):
    row = edit_cell(data_copy / "people.csv", "ding-pu", "name", "Ding Po")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert f"people.csv, row {row}, column name: 'Ding Po' does not occur" in out


def test_changed_source_text_is_detected(data_copy, sources, tmp_path):
    changed = tmp_path / "sources"
    shutil.copytree(sources, changed)
    text = changed / "chinaip-1456-brand-ip-agencies-hebei.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("150", "160"), encoding="utf-8")
    code, out = run_check(data_copy, changed)
    assert code == 1
    assert "sources.csv, row 2, column sha256" in out
    assert "the text changed" in out


@pytest.mark.parametrize("missing", ["folder given", "folder from IPDOSSIER_SOURCES", "file"])
def test_missing_source_text_says_where_it_looked(
    data_copy, sources, tmp_path, monkeypatch, missing
):
    # A text that is not here is counted as not re-verifiable, not a failure (issue 12),
    # and the count says where it looked and how to point it elsewhere.
    file_name = data.load(data_copy).sources.iloc[0]["file_name"]
    folder = tmp_path / "nowhere"
    args = ["check", "--data", str(data_copy)]
    if missing == "folder given":
        args += ["--sources", str(folder)]
    elif missing == "folder from IPDOSSIER_SOURCES":
        monkeypatch.setenv("IPDOSSIER_SOURCES", str(folder))
    else:  # the folder is there, the article is not
        shutil.copytree(sources, folder)
        (folder / file_name).unlink()
        args += ["--sources", str(folder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "not re-verifiable here" in result.output
    assert str(folder) in result.output
    assert "IPDOSSIER_SOURCES" in result.output


def test_the_readme_check_examples_are_what_check_prints(data_copy, sources):
    # The README's example lines for a value a page does not state, printed as check prints
    # them (a whole number without ".0"), in the order check prints them.
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = re.search(
        r"^(indicators\.csv, row 2, column target_value: [^\n]*?)\.\.\.", readme, re.M
    )
    assert shown, "the README's example of an indicator check is gone"
    edit_cell(data_copy / "indicators.csv", "fyp13-1", "target_value", "13")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert shown.group(1) in out, out


# -- several faults at once: every one is reported (issue 21, item 8) ---------------------


def test_every_fault_is_reported_not_only_the_first(data_copy, sources):
    # A structural fault in one table (a type, a broken key, a duplicate) used to hide
    # the truth checks of all the others: check stopped after frictionless.
    typed = edit_cell(data_copy / "figures.csv", "attendees", "value", "many")
    key = edit_cell(data_copy / "roles.csv", "r-liu", "person_id", "nobody")
    twice = append_row_copy(data_copy / "people.csv", "ding-pu")
    name = edit_cell(data_copy / "people.csv", "liu-jufang", "name", "Liu Jufeng")
    target = edit_cell(data_copy / "indicators.csv", "fyp13-1", "target_value", "13")
    code, out = run_check(data_copy, sources)
    assert code == 1
    for line in (
        f"figures.csv, row {typed}, column value: ",
        f"roles.csv, row {key}, column person_id: broken foreign key",
        f"people.csv, row {twice}, column person_id: duplicate primary key",
        f"people.csv, row {name}, column name: 'Liu Jufeng' does not occur",
        f"indicators.csv, row {target}, column target_value: the quote does not state 13",
    ):
        assert line in out, out
    assert "5 problem(s) found." in out
    # The row with a bad type is not reported a second time by the truth checks.
    assert out.count(f"figures.csv, row {typed},") == 1


def test_a_file_that_cannot_be_read_does_not_hide_the_others(data_copy, sources):
    # people.csv loses its last column: it is reported as that alone (not once per row,
    # nor once per role pointing into it), and the other tables are still checked.
    import csv

    path = data_copy / "people.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [row[:-1] for row in csv.reader(fh)]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    value = edit_cell(data_copy / "figures.csv", "brand-agencies", "value", "19")
    span = edit_cell(data_copy / "speeches.csv", "s-liu", "char_start", "0")
    code, out = run_check(data_copy, sources)
    assert code == 1, out
    assert "people.csv: column 'quote' is missing" in out
    assert f"figures.csv, row {value}, column value: value 19 does not match '18'" in out
    assert f"speeches.csv, row {span}, column quote: span 6:0-" in out
    assert "roles.csv" not in out  # its foreign key into people.csv is not followed
    assert out.count("people.csv") == 1
    assert "3 problem(s) found." in out


def test_many_problems_are_shown_up_to_the_limit_and_counted_in_full(data_copy, sources):
    from ipdossier.errors import PROBLEMS_SHOWN

    path = data_copy / "people.csv"
    for _ in range(PROBLEMS_SHOWN + 5):
        append_row_copy(path, "ding-pu")
    code, out = run_check(data_copy, sources)
    assert code == 1
    assert out.count("duplicate primary key") == PROBLEMS_SHOWN
    assert f"the first {PROBLEMS_SHOWN} of {PROBLEMS_SHOWN + 5} problems are shown" in out
    assert f"{PROBLEMS_SHOWN + 5} problem(s) found." in out


def test_a_build_stopped_by_the_data_prints_the_same_bounded_list(capsys):
    # `build` prints check's problems through the same limit, then what it did not run.
    import typer

    from ipdossier.cli import _reported
    from ipdossier.errors import PROBLEMS_SHOWN, DataInvalid

    problems = [f"figures.csv, row {n}, column value: bad" for n in range(PROBLEMS_SHOWN + 3)]
    with pytest.raises(typer.Exit) as stopped:
        with _reported("build"):
            raise DataInvalid(problems)
    err = capsys.readouterr().err
    assert stopped.value.exit_code == 1
    assert err.count("column value: bad") == PROBLEMS_SHOWN
    assert f"the first {PROBLEMS_SHOWN} of {PROBLEMS_SHOWN + 3} problems are shown" in err
    assert f"the data package has {PROBLEMS_SHOWN + 3} problem(s); nothing was run" in err
