"""The Dossier exporter prints what the parameters cell asks for.

A chapter run by a kernel carries a run record after each cell (notebook.RUN_RECORD);
the exporter prints the saved outputs only when the records vouch for exactly the
parameters cell's values, this data version and a run without error, and runs the
notebook otherwise. One chapter (02_series, the cheapest) is run once for the module.
"""

from __future__ import annotations

import copy
import logging
import os
import re

import nbformat
import pandas as pd
import pdfs
import pytest
from nbconvert.preprocessors import ExecutePreprocessor
from pypdf import PdfReader

from ipdossier import data as dossier_data
from ipdossier.errors import NotebookFailed, ParameterError
from ipdossier.export.exporter import DossierPDFExporter, notebook_parameters, stale_because
from ipdossier.notebook import RUN_RECORD
from ipdossier.paths import notebooks_dir
from ipdossier.pipeline.execute import execute
from ipdossier.pipeline.workspace import with_parameters

pytestmark = pytest.mark.slow

CHAPTER = "02_series"
VERSION = dossier_data.load().version


def _with(nb, **values):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = with_parameters(cell.source, values)
    return nb


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "chapter.pdf"
    path.write_bytes(pdf)
    return pdfs.text_of(PdfReader(path))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """02_series run as `ipdossier lab` runs a workspace copy (plotly JSON only)."""
    out = tmp_path_factory.mktemp("run") / f"{CHAPTER}.ipynb"
    before = os.environ.get("PLOTLY_RENDERER")
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"
    try:
        execute(notebooks_dir() / f"{CHAPTER}.ipynb", out, {}, variant="test")
    finally:
        if before is None:
            os.environ.pop("PLOTLY_RENDERER")
        else:
            os.environ["PLOTLY_RENDERER"] = before
    return nbformat.read(out, as_version=4)


def test_every_cell_after_setup_carries_one_record_of_one_run(executed):
    records = []
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        mine = [o.metadata[RUN_RECORD] for o in cell.outputs if RUN_RECORD in o.metadata]
        if "parameters" in cell.metadata.get("tags", []):
            assert mine == []  # it runs before setup
        else:
            assert len(mine) == 1, cell.source
            records += mine
    assert len({r["run"] for r in records}) == 1
    assert all(r["ok"] and r["data_version"] == VERSION for r in records)
    assert records[0]["params"]["jurisdiction"] == "all"
    assert stale_because(executed, notebook_parameters(executed), VERSION) is None


def test_parameters_are_read_from_the_cell_with_papermills_injected_cell_over_them(executed):
    nb = _with(executed, language="zh")
    injected = nbformat.v4.new_code_cell(
        '# Parameters\njurisdiction = "Hebei"\n', metadata={"tags": ["injected-parameters"]}
    )
    nb.cells.insert(1, injected)
    params = notebook_parameters(nb)
    assert params["language"] == "zh" and params["jurisdiction"] == "Hebei"
    assert params["as_of"] == "" and params["event_id"] == "bth-2017-baoding"


def _edit_a_cell(nb):
    nb.cells[4].source += "\n"


def _clear_a_cell(nb):
    nb.cells[5].outputs = []


def _fail_a_cell(nb):
    nb.cells[5].outputs.append(
        nbformat.v4.new_output("error", ename="ValueError", evalue="x", traceback=[])
    )


def _other_run(nb):
    nb.cells[4].outputs[-1].metadata[RUN_RECORD]["run"] = "another"


def _unrun(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda nb: _with(nb, language="zh"), "parameters cell changed since the run (language)"),
        (lambda nb: _with(nb, jurisdiction="Hebei", as_of="2018-01-01"), "(as_of, jurisdiction)"),
        (_edit_a_cell, "cell 4 was edited after it ran"),
        (_clear_a_cell, "cell 5 has not run"),
        (_fail_a_cell, "cell 5 shows an error"),
        (_other_run, "different runs"),
        (_unrun, "cell 2 has not run"),
    ],
)
def test_outputs_that_are_not_those_parameters_are_stale(executed, change, reason):
    nb = copy.deepcopy(executed)
    nb = change(nb) or nb
    found = stale_because(nb, notebook_parameters(nb), VERSION)
    assert found is not None and reason in found, found


def test_new_data_makes_the_outputs_stale(executed):
    found = stale_because(executed, notebook_parameters(executed), VERSION + "-next")
    assert found is not None and "data version" in found


def test_saved_outputs_that_match_are_printed_without_running(executed, tmp_path, caplog):
    exporter = DossierPDFExporter()

    def no_run(*args, **kwargs):
        raise AssertionError("the exporter ran a notebook whose outputs match")

    exporter._run = no_run
    with caplog.at_level(logging.INFO):
        pdf, _ = exporter.from_notebook_node(
            copy.deepcopy(executed), resources={"metadata": {"name": CHAPTER}}
        )
    text = _pdf_text(pdf, tmp_path)
    assert text.startswith("SIPO's connecting activities"), text[:200]
    assert "printed 02_series from its saved outputs" in caplog.text


def test_changed_parameters_are_run_before_printing(executed, tmp_path, caplog):
    """The issue's case: outputs of one run, a parameters cell changed, export at once."""
    nb = _with(executed, language="zh", jurisdiction="Hebei")
    with caplog.at_level(logging.INFO):
        pdf, _ = DossierPDFExporter().from_notebook_node(
            nb, resources={"metadata": {"name": CHAPTER, "path": str(notebooks_dir())}}
        )
    text = _pdf_text(pdf, tmp_path)
    # The body is the Chinese run's, not the saved English one.
    assert text.startswith("国家知识产权局系列对接活动"), text[:200]
    assert "SIPO's connecting" not in text and "Source:" not in text
    assert "ran 02_series (the parameters cell changed" in caplog.text
    assert "jurisdiction='Hebei'" in caplog.text


def test_a_parameter_error_is_one_line_in_the_notebook_and_no_report(executed):
    nb = _with(executed, jurisdiction="Shanghai")
    with pytest.raises(NotebookFailed) as failed:
        DossierPDFExporter().from_notebook_node(nb, resources={"metadata": {"name": CHAPTER}})
    message = str(failed.value)
    assert "cell 2" in message and "ParameterError" in message and "'Shanghai'" in message
    assert "Traceback" not in message and "\n" not in message
    # In the notebook (JupyterLab shows the same kernel output): one line, no internals.
    ran, _ = ExecutePreprocessor(kernel_name="python3", allow_errors=True).preprocess(
        _with(executed, jurisdiction="Shanghai"), {"metadata": {"path": str(notebooks_dir())}}
    )
    errors = [o for c in ran.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors[0].ename == "ParameterError"  # the cells after it fail for want of ctx
    assert len(errors[0].traceback) == 1, errors[0].traceback
    assert "jurisdiction='Shanghai'" in errors[0].traceback[0]
    assert "site-packages" not in errors[0].traceback[0]


def test_package_errors_render_as_their_one_line():
    lines = ParameterError("parameters cell: parameter language='fr' ...")._render_traceback_()
    assert len(lines) == 1 and "ParameterError" in lines[0] and "language='fr'" in lines[0]


def _cites(nb) -> list[tuple[str, str, str, str]]:
    """(label, source id, href, title) of every citation the notebook's outputs show."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            found += re.findall(
                r'<a class="ipd-cite" data-source="([^"]+)" href="([^"]+)" title="([^"]+)"'
                r"[^>]*>\[(\d+)\]</a>",
                html,
            )
    return [(int(n), sid, href, title) for sid, href, title, n in found]


def test_citations_in_the_notebook_show_their_source_and_number_by_first_citation(
    executed, tmp_path
):
    cites = _cites(executed)
    assert cites, "no citation in the chapter"
    # Numbered in order of first citation: each new source takes the next number.
    firsts = list(dict.fromkeys(n for n, *_ in cites))
    assert firsts == list(range(1, len(firsts) + 1)), firsts
    sources = dossier_data.load().sources.set_index("source_id")
    for _, sid, href, title in cites:
        # Where the notebook is read, the number opens the source and names it on hover.
        assert href == sources.loc[sid, "url"], (sid, href)
        assert str(sources.loc[sid, "title"])[:20] in title.replace("&amp;", "&"), (sid, title)
    # The chapter exported alone lists those sources, numbered as in the notebook.
    pdf, _ = DossierPDFExporter().from_notebook_node(
        copy.deepcopy(executed), resources={"metadata": {"name": CHAPTER}}
    )
    text = _pdf_text(pdf, tmp_path)
    appendix = text[text.rindex("Sources") :]
    listed = [int(n) for n in re.findall(r"^\[(\d+)\]", appendix, re.MULTILINE)]
    assert listed == firsts, listed
    for number, sid, href, _ in cites:
        assert href in appendix.replace("\n", ""), (number, sid)


def test_chinese_notes_number_by_first_citation_and_sort_within_a_note():
    from ipdossier import notebook as nbk

    ctx = nbk.setup(language="zh", renderer="json")
    rows = lambda *ids: pd.DataFrame({"source_id": ids, "para": [None] * len(ids)})  # noqa: E731
    first = nbk.source_note(rows("reuters-2017-06-21", "chinaip-1456"), ctx.language)
    second = nbk.source_note(
        rows("gov-cn-guofa-2016-86", "chinaip-1456", "reuters-2017-06-21"), ctx.language
    )
    plain = [re.sub(r"<[^>]+>", "", note) for note in (first, second)]
    assert plain == ["来源：[1]；[2]。", "来源：[1]；[2]；[3]。"], plain
    assert 'href="http' in first and 'title="' in first
    # A new run numbers from [1] again.
    nbk.setup(language="zh", renderer="json")
    again = nbk.source_note(rows("gov-cn-guofa-2016-86"), "zh")
    assert re.sub(r"<[^>]+>", "", again) == "来源：[1]。"
