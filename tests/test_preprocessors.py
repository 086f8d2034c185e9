"""The chapter rewrites, one nbconvert Preprocessor each, registered on the exporter that
both `ipdossier build` and `jupyter nbconvert --to dossier` print chapters with."""

from __future__ import annotations

import base64
import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from ipdossier.export import html as report_html
from ipdossier.export.preprocessors import ChartsAsImages, ChartsForPlotlyJs, DropStderr

PLOTLY = "application/vnd.plotly.v1+json"
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>'


def _notebook() -> nbformat.NotebookNode:
    figure = {"data": [], "layout": {"title": {"text": "A <chart> title"}}}
    cell = new_code_cell(
        "fig",
        outputs=[
            new_output("stream", name="stderr", text="a warning\n"),
            new_output("stream", name="stdout", text="kept\n"),
            new_output("display_data", data={PLOTLY: figure, "image/svg+xml": SVG}),
        ],
    )
    return new_notebook(cells=[cell])


def test_drop_stderr_keeps_stdout():
    nb, _ = DropStderr().preprocess(_notebook(), {})
    assert [o.get("name") for o in nb.cells[0].outputs] == ["stdout", None]


def test_charts_as_images_embeds_the_svg_with_its_title_as_alt_text():
    nb, _ = ChartsAsImages().preprocess(_notebook(), {})
    html = nb.cells[0].outputs[2]["data"]["text/html"]
    assert 'alt="A &lt;chart&gt; title"' in html
    b64 = html.split("base64,")[1].split('"')[0]
    assert base64.b64decode(b64).decode() == SVG


def test_charts_for_plotly_js_escape_the_json_and_name_the_chapter():
    nb, _ = ChartsForPlotlyJs().preprocess(_notebook(), {"ipdossier": {"chapter_id": "chapter-3"}})
    html = nb.cells[0].outputs[2]["data"]["text/html"]
    assert 'id="chapter-3-fig-0-2"' in html and "<chart>" not in html
    payload = html.split('data-target="chapter-3-fig-0-2">')[1].split("</script>")[0]
    assert json.loads(payload)["layout"]["title"]["text"] == "A <chart> title"


@pytest.mark.parametrize(("mode", "chart"), [("print", ChartsAsImages), ("web", ChartsForPlotlyJs)])
def test_the_chapter_exporter_runs_the_chain(mode, chart):
    kinds = {type(p) for p in report_html._exporter(mode)._preprocessors}
    assert {DropStderr, chart} <= kinds
    chapter = report_html.chapter_from_node(_notebook(), 2, mode=mode, language="en", stem="x")
    assert "a warning" not in chapter.body and "kept" in chapter.body
    assert ("<img" in chapter.body) == (mode == "print")
    # stderr is gone by then: the chart is the cell's second output.
    assert ('id="chapter-2-fig-0-1"' in chapter.body) == (mode == "web")


@pytest.mark.parametrize("mode", ["print", "web"])
def test_one_print_flushed_as_two_stream_messages_prints_as_one_output(mode):
    # test_cluster in CI (eighteenth session): a Dask worker's kernel flushed
    # print("language", ...) as "language" and " zh jurisdiction ...", two outputs where
    # the local build had one; the chapter must not depend on the kernel's timing.
    parts = [
        new_output("stream", name="stdout", text="language"),
        new_output("stream", name="stdout", text=" zh jurisdiction Hebei rows 14\n"),
    ]
    whole = [new_output("stream", name="stdout", text="language zh jurisdiction Hebei rows 14\n")]
    bodies = [
        report_html.chapter_from_node(
            new_notebook(cells=[new_code_cell("print()", outputs=outputs, id="cell")]),
            2, mode=mode, language="en", stem="x",
        ).body
        for outputs in (parts, whole)
    ]  # fmt: skip
    assert bodies[0] == bodies[1] and bodies[0].count("language zh jurisdiction") == 1


def test_a_chapter_exporter_is_made_once_per_process_not_per_thread(monkeypatch):
    # A Dask worker runs each variant on threads of its own: exporters kept per thread were
    # made (their Jinja templates compiled) afresh for every variant.
    import threading

    made = []
    real = report_html._exporter
    monkeypatch.setattr(report_html, "_exporter", lambda mode: made.append(mode) or real(mode))
    monkeypatch.setattr(report_html, "_free_exporters", {})

    def convert():
        report_html.chapter_from_node(_notebook(), 1, mode="print", language="en", stem="x")

    for _ in range(3):  # three variants, each on a new thread
        thread = threading.Thread(target=convert)
        thread.start()
        thread.join()
    assert made == ["print"]


def test_two_threads_never_share_an_exporter_at_once(monkeypatch):
    import threading

    monkeypatch.setattr(report_html, "_free_exporters", {})
    holding, release, seen = threading.Event(), threading.Event(), []

    def hold():
        with report_html._borrowed("print") as exporter:
            seen.append(exporter)
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    with report_html._borrowed("print") as exporter:
        seen.append(exporter)
    release.set()
    thread.join()
    assert seen[0] is not seen[1]
    # Both are kept for the next chapters.
    assert len(report_html._free_exporters["print"]) == 2
