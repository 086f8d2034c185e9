"""Parameter validation: every bad value stops a run before execution, naming it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

from ipdossier.cli import app
from ipdossier.params import JURISDICTIONS, LANGUAGES, ParameterError, read_parameters, validate

PARAMS = """event_id: str = "bth-2017-baoding"  # event_id of data/events.csv
language: str = "en"  # "en" or "zh"
jurisdiction: str = "all"  # filter
as_of: str = ""  # YYYY-MM-DD"""


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    cell = nbformat.v4.new_code_cell(PARAMS)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell, nbformat.v4.new_code_cell("1")]
    path = tmp_path / "01_test.ipynb"
    nbformat.write(nb, path)
    return path


def test_reads_typed_parameters_with_help(notebook: Path):
    declared = read_parameters(notebook)
    assert list(declared) == ["event_id", "language", "jurisdiction", "as_of"]
    assert declared["language"].type_name == "str"
    assert declared["language"].default == "en"
    assert declared["as_of"].help == "YYYY-MM-DD"


def test_defaults_are_valid(notebook: Path):
    assert validate(notebook, {}) == {
        "event_id": "bth-2017-baoding",
        "language": "en",
        "jurisdiction": "all",
        "as_of": "",
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_allowed_value_passes(notebook, language, jurisdiction):
    out = validate(notebook, {"language": language, "jurisdiction": jurisdiction})
    assert (out["language"], out["jurisdiction"]) == (language, jurisdiction)


@pytest.mark.parametrize(
    ("values", "needle"),
    [
        ({"language": "fr"}, "01_test.ipynb: parameter language='fr' must be one of 'en', 'zh'"),
        ({"langauge": "zh"}, "01_test.ipynb: unknown parameter 'langauge'"),
        ({"language": 1}, "01_test.ipynb: parameter language: expected str, got int 1"),
        ({"jurisdiction": "hebei"}, "parameter jurisdiction='hebei' must be one of"),
        ({"as_of": "2017-7-6"}, "parameter as_of='2017-7-6' must be empty or a date"),
        ({"as_of": "July 2017"}, "parameter as_of='July 2017'"),
        ({"event_id": "nope"}, "parameter event_id='nope' no such event in data/events.csv"),
    ],
)
def test_bad_values_are_named(notebook, values, needle):
    with pytest.raises(ParameterError) as err:
        validate(notebook, values)
    assert needle in str(err.value)


def test_yaml_date_is_accepted_for_as_of(notebook):
    assert validate(notebook, {"as_of": dt.date(2017, 7, 6)})["as_of"] == "2017-07-06"


def test_notebook_without_parameters_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1")]
    path = tmp_path / "bare.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(ParameterError, match="bare.ipynb: no cell tagged 'parameters'"):
        validate(path, {})


def test_cli_prints_and_checks(notebook):
    runner = CliRunner()
    shown = runner.invoke(app, ["params", str(notebook)])
    assert shown.exit_code == 0
    for line in (
        'language: str = \'en\'  # "en" or "zh"',
        'allowed: "en" or "zh"',
        "jurisdiction: str = 'all'",
        "as_of: str = ''",
        "event_id: str",
    ):
        assert line in shown.output
    bad = runner.invoke(app, ["params", str(notebook), "-p", "language=fr"])
    assert bad.exit_code == 2
    assert "language='fr'" in bad.output
    good = runner.invoke(app, ["params", str(notebook), "-p", "as_of=2017-07-06"])
    assert good.exit_code == 0 and "as_of='2017-07-06'" in good.output
