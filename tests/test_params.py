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


@pytest.mark.parametrize("form", ["as_of=2017-13-45", "as_of=2017-02-30"])
def test_an_impossible_unquoted_date_is_a_parameter_error(notebook, form):
    # YAML reads an unquoted date as a date; one that does not exist must not end in a
    # traceback from YAML's own date constructor.
    result = CliRunner().invoke(app, ["params", str(notebook), "-p", form])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    value = form.split("=")[1]
    assert f"parameter as_of='{value}' must be empty or a date YYYY-MM-DD" in result.output


def test_a_valid_unquoted_date_stays_the_date_it_reads(notebook):
    result = CliRunner().invoke(app, ["params", str(notebook), "-p", "as_of=2017-07-06"])
    assert result.exit_code == 0 and "as_of='2017-07-06'" in result.output


def test_a_params_file_is_read_with_its_dates_as_written(tmp_path):
    from ipdossier.pipeline.variants import load_variants

    path = tmp_path / "p.yaml"
    path.write_text("defaults: {as_of: 2017-07-06}\nvariants: [{language: zh}]\n")
    (variant,) = load_variants(path)
    assert variant.params == {"as_of": "2017-07-06", "language": "zh"}
    path.write_text("variants:\n  - {name: bad, as_of: 2017-13-45}\n")
    with pytest.raises(ParameterError, match=r"p.yaml, variant bad: parameter as_of='2017-13-45'"):
        load_variants(path)
    path.write_text("variants:\n  - {name: bad, language: fr}\n")
    with pytest.raises(ParameterError, match=r"variant bad: parameter language='fr' must be"):
        load_variants(path)


# -- one model of the run parameters --------------------------------------------------------


def test_every_chapter_declares_the_model_parameters():
    """Each notebook's typed parameters cell (as papermill reads it) has the model's
    names, in its order, with its types and defaults."""
    import papermill

    from ipdossier.params import RunParameters
    from ipdossier.paths import notebooks_dir

    chapters = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
    assert len(chapters) >= 4
    types = RunParameters.types()
    for path in chapters:
        found = papermill.inspect_notebook(str(path))
        assert tuple(found) == RunParameters.names(), path.name
        for name, info in found.items():
            assert info["inferred_type_name"] == types[name].__name__, (path.name, name)
            default = RunParameters.defaults()[name]
            assert read_parameters(path)[name].default == default, (path.name, name)


def test_the_model_is_frozen_and_checks_what_it_is_given():
    import dataclasses

    from ipdossier.params import RunParameters

    run = RunParameters(language="zh", jurisdiction="Hebei", as_of="2017-07-06")
    with pytest.raises(dataclasses.FrozenInstanceError):
        run.language = "en"  # type: ignore[misc]
    with pytest.raises(ParameterError, match="parameter jurisdiction='Mars' must be one of"):
        RunParameters(jurisdiction="Mars")
    with pytest.raises(ParameterError, match="parameter language: expected str, got int 1"):
        RunParameters(language=1)  # type: ignore[arg-type]


def test_vocabularies_are_read_from_the_data_package(data_copy, monkeypatch):
    """Jurisdictions come from the descriptor's enum, not from a list in the code: a
    province added to the package is a jurisdiction a run may be filtered to."""
    import json

    from ipdossier import schema
    from ipdossier.params import RunParameters, run_jurisdictions

    assert run_jurisdictions() == ("all", "national", "Beijing", "Tianjin", "Hebei")
    assert schema.levels() == ("national", "provincial", "municipal")
    assert schema.qualifiers() == ("exact", "at_least", "approximately", "at_most")
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    orgs = next(r for r in descriptor["resources"] if r["name"] == "organisations")
    field = next(f for f in orgs["schema"]["fields"] if f["name"] == "jurisdiction")
    field["constraints"]["enum"].append("Shandong")
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    assert run_jurisdictions()[-1] == "Shandong"
    assert RunParameters(jurisdiction="Shandong").jurisdiction == "Shandong"
    assert 'allowed: "all", "national", "Beijing", "Tianjin", "Hebei" or "Shandong"' in (
        CliRunner().invoke(app, ["params", "01_event"]).output
    )


def test_colours_and_extracted_values_stay_within_the_vocabularies():
    """Maps keyed by a vocabulary (colours) and values the extractor writes cover or keep
    within the descriptor's enums, so a new value is not drawn grey or rejected later."""
    from ipdossier import schema, theme
    from ipdossier.charts import attendance, participation
    from ipdossier.extract import draft

    assert set(attendance.TYPE_COLOURS) == set(schema.organisation_types())
    assert set(participation.QUALIFIER_COLOURS) >= set(schema.qualifiers())
    assert set(theme.QUALIFIER_STYLE) == set(schema.qualifiers())
    assert set(theme.LEVEL_COLOURS) - {"unknown"} == set(schema.levels())
    assert set(theme.JURISDICTION_COLOURS) - {"unknown"} == set(schema.jurisdictions())
    assert {kind for _, kind in draft.ORG_TYPES} <= set(schema.organisation_types())


# -- the cover's author and organisation ----------------------------------------------------


@pytest.mark.parametrize("name", ["author", "organisation"])
def test_author_and_organisation_are_optional_one_line_texts(name):
    from ipdossier.params import TEXT_LIMIT, RunParameters

    assert getattr(RunParameters(), name) == ""
    given = "Zhang Wei 张伟 (IP Policy Desk)"
    assert getattr(RunParameters(**{name: given}), name) == given
    assert getattr(RunParameters(**{name: "x" * TEXT_LIMIT}), name) == "x" * TEXT_LIMIT


@pytest.mark.parametrize("name", ["author", "organisation"])
@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (3, "expected str, got int 3"),
        (["A. Author"], "expected str, got list"),
        ("x" * 121, "must be at most 120 characters (has 121)"),
        ("Line one\nline two", "must be one line of text without control characters"),
        ("Tab\there", "without control characters (has '\\t')"),
        ("Bell\x07", "without control characters"),
        ("Para\u2029graph", "without control characters"),
    ],
)
def test_a_bad_author_or_organisation_is_named(name, value, needle):
    from ipdossier.params import RunParameters

    with pytest.raises(ParameterError) as err:
        RunParameters(**{name: value})
    assert f"parameter {name}" in str(err.value) and needle in str(err.value)


def test_a_bad_author_stops_a_build_and_a_notebook_by_name(tmp_path):
    from ipdossier import notebook as nb
    from ipdossier.pipeline.variants import load_variants

    path = tmp_path / "p.yaml"
    path.write_text('variants:\n  - {name: bad, organisation: "a\\u0000b"}\n')
    with pytest.raises(ParameterError, match=r"variant bad: parameter organisation='a\\x00b'"):
        load_variants(path)
    chapter = notebooks_dir_chapter()
    with pytest.raises(ParameterError, match=r"\.ipynb: parameter author: expected str"):
        validate(chapter, {"author": 1})
    with pytest.raises(ParameterError, match="parameters cell: parameter author='x"):
        nb.setup(author="x" * 200, renderer="json")


def notebooks_dir_chapter() -> Path:
    from ipdossier.paths import notebooks_dir

    return sorted(notebooks_dir().glob("[0-9]*.ipynb"))[0]
