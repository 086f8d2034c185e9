"""PDF and HTML reports: what a reader gets, read back from the files themselves."""

from __future__ import annotations

import http.server
import io
import re
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import nbformat
import pandas as pd
import pytest
from conftest import edit_cell
from pypdf import PdfReader, PdfWriter

from ipdossier import data
from ipdossier.build.execute import execute
from ipdossier.build.kernels import KernelPool
from ipdossier.export import outline
from ipdossier.export.browser import MissingDependency
from ipdossier.export.printer import PdfPrinter
from ipdossier.export.report import render_report
from ipdossier.params import validate
from ipdossier.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
BIN = Path(sys.executable).parent
PLOTLY = "application/vnd.plotly.v1+json"
XSS = "<img src=x onerror=alert(1)>"


def text_of(pdf: Path) -> str:
    reader = PdfReader(pdf)
    # NFKC undoes the ligatures (ﬁ) that the PDF's text layer keeps.
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


def flat(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def run_chapters(dest: Path, params: dict, kernels: KernelPool) -> list[Path]:
    out = []
    for nb in NOTEBOOKS:
        path = dest / nb.name
        execute(nb, path, validate(nb, params), variant="test", kernels=kernels)
        out.append(path)
    return out


@pytest.fixture(scope="module")
def printer():
    with PdfPrinter() as p:
        yield p


@pytest.fixture(scope="module")
def kernels():
    pool = KernelPool(notebooks_dir(), env={"PLOTLY_RENDERER": "plotly_mimetype+svg"})
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory, printer, kernels):
    made = {}
    for language in ("en", "zh"):
        work = tmp_path_factory.mktemp(f"report-{language}")
        params = {
            "event_id": "bth-2017-baoding",
            "language": language,
            "jurisdiction": "all",
            "as_of": "",
        }
        executed = run_chapters(work / "notebooks", params, kernels)
        result = render_report(
            executed,
            work / "out",
            params=params,
            data_version="test",
            formats={"pdf", "html"},
            printer=printer,
        )
        made[language] = (executed, result)
    return made


def chart_texts(executed: list[Path]) -> tuple[list[str], list[str]]:
    """Every chart title and category label the executed notebooks hold."""
    titles, labels = [], []
    for path in executed:
        for cell in nbformat.read(path, as_version=4).cells:
            for o in cell.get("outputs", []):
                fig = o.get("data", {}).get(PLOTLY)
                if not fig:
                    continue
                titles.append(fig["layout"]["title"]["text"])
                for trace in fig["data"]:
                    if trace.get("type") == "bar" and trace.get("orientation") == "h":
                        labels += [str(y) for y in trace.get("y") or [] if y]
    return titles, labels


def test_dossier_pdf_holds_every_chart_title_label_and_key_figure(reports):
    executed, result = reports["en"]
    text = flat(text_of(result["pdf"]))
    titles, labels = chart_texts(executed)
    assert len(titles) == 9
    for title in titles:
        assert flat(title) in text, title
    for label in labels:
        # Category labels are wrapped onto lines; each line must be there.
        for line in re.split(r"<br>", label):
            line = flat(line)
            if line:
                assert line in text, line
    for figure in ("150+", "18", "~1,000"):
        assert figure in text
    for title in data.load().policies["title"]:
        assert flat(title.replace(" ", "")) in text.replace(" ", ""), title


def test_pdf_is_a4_with_page_numbers_header_and_bookmarks(reports):
    _, result = reports["en"]
    reader = PdfReader(result["pdf"])
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert abs(float(box.width) - 595.9) < 2 and abs(float(box.height) - 842.9) < 2
        page_text = page.extract_text()
        assert f"Page {i} of {n}" in page_text
        assert "IP Service Policy Dossier" in page_text
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "Contents",
        "The event",
        "SIPO's connecting activities",
        "The policies cited",
        "Sources",
    ]
    # The contents page gives the page each chapter starts on.
    contents = reader.pages[1].extract_text()
    for item in reader.outline:
        if not isinstance(item, list) and item.title != "Contents":
            assert f"{item.title} {reader.get_destination_page_number(item) + 1}" in contents


@pytest.mark.parametrize("language", ["en", "zh"])
def test_contents_give_the_page_each_chapter_starts_on(reports, language):
    # By link target, not bookmark title: in Chinese the contents name a chapter by its
    # Chinese title while its heading is the notebook's own.
    _, result = reports[language]
    reader = PdfReader(result["pdf"])
    starts = {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }
    lines = [ln.strip() for ln in reader.pages[1].extract_text().splitlines() if ln.strip()]
    lines = [ln for ln in lines if not re.search(r"\d+\D+\d+$", ln)]  # not "Page 2 of 13"
    for key in ("chapter-1", "chapter-2", "chapter-3", "sources"):
        assert any(ln.endswith(f" {starts[key]}") for ln in lines), (key, starts, lines)
    numbered = [ln for ln in lines if re.search(r"\s\d+$", ln)]
    assert len(numbered) == 4, lines


def test_doubled_bookmark_titles_are_tidied():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_outline_item(title="ContentsContents", page_number=0)
    writer.add_outline_item(title="Sources", page_number=0)
    buf = io.BytesIO()
    writer.write(buf)
    tidied = PdfReader(io.BytesIO(outline.tidy(buf.getvalue())))
    assert [item.title for item in tidied.outline] == ["Contents", "Sources"]
    clean = outline.tidy(tidied_bytes := outline.tidy(buf.getvalue()))
    assert clean == tidied_bytes  # nothing to fix: the bytes pass through untouched


def test_no_code_in_the_report(reports):
    executed, result = reports["en"]
    text = text_of(result["pdf"])
    assert "nb.setup(" not in text and "import" not in text
    html = result["html"].read_text(encoding="utf-8")
    assert "nb.setup(" not in html


def test_every_figure_has_a_source_note_resolving_to_the_appendix(reports):
    _, result = reports["en"]
    reader = PdfReader(result["pdf"])
    text = text_of(result["pdf"])
    charts = len(chart_texts(reports["en"][0])[0])
    assert text.count("Source: [chinaip-1456]") >= charts
    sources_page = next(
        reader.get_destination_page_number(i)
        for i in reader.outline
        if not isinstance(i, list) and i.title == "Sources"
    )
    appendix = reader.pages[sources_page].extract_text()
    source = data.load().sources.iloc[0]
    assert "[chinaip-1456]" in appendix and source["url"] in appendix.replace("\n", "")
    # Link annotations in the chapters jump to the appendix page.
    targets = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                targets.add(_dest_page(reader, a["/Dest"]))
            elif a.get("/Subtype") == "/Link" and "/A" in a and "/D" in a["/A"]:
                targets.add(_dest_page(reader, a["/A"]["/D"]))
    assert sources_page in targets


def _dest_page(reader: PdfReader, dest) -> int | None:
    dest = dest.get_object() if hasattr(dest, "get_object") else dest
    if isinstance(dest, (str, bytes)) or not hasattr(dest, "__getitem__"):
        named = reader.named_destinations.get(str(dest))
        return reader.get_destination_page_number(named) if named else None
    return reader.get_page_number(dest[0].get_object())


def test_chinese_report_has_cjk_text_with_embedded_fonts(reports):
    _, result = reports["zh"]
    text = text_of(result["pdf"])
    for expected in ("知识产权服务政策档案", "目录", "参与情况（据原文）", "资料来源", "保定市"):
        assert unicodedata.normalize("NFKC", expected) in text, expected
    reader = PdfReader(result["pdf"])
    fonts = 0
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts += 1
            if font["/Subtype"] == "/Type3":
                continue  # glyphs are drawn inside the PDF itself
            descendant = font.get("/DescendantFonts")
            desc = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(desc.get_object()), font
    assert fonts


def test_chinese_chapters_open_with_their_chinese_titles_and_headers(reports):
    executed, result = reports["zh"]
    for path, pdf in zip(executed, result["chapters"], strict=True):
        title = nbformat.read(path, as_version=4).metadata["ipdossier"]["title_zh"]
        first_line = PdfReader(pdf).pages[0].extract_text().splitlines()[0]
        # The heading: the contents and the bookmarks give the chapter this title too.
        assert unicodedata.normalize("NFKC", first_line) == unicodedata.normalize("NFKC", title)
    text = text_of(result["pdf"])
    compact = "".join(text.split())  # a narrow column wraps its header
    for header in ("统计对象", "限定", "序号", "地点", "政策文件", "层级", "文号", "日期依据"):
        assert header in compact, header
    # Qualifiers in the tables by their label, not their code.
    assert "at_least" not in text
    assert unicodedata.normalize("NFKC", "下限（超过）") in text


def test_html_is_self_contained_and_interactive(reports):
    _, result = reports["en"]
    html = result["html"].read_text(encoding="utf-8")
    assert html.count("Plotly.newPlot(") >= 1
    assert len(re.findall(r"\* plotly\.js v\d", html)) == 1  # plotly.js inlined once
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=\"?https?:", html)
    assert html.count('class="ipd-figure"') == 9
    assert 'id="source-chinaip-1456"' in html


def test_charts_in_the_pdf_are_vector(reports):
    _, result = reports["en"]
    reader = PdfReader(result["pdf"])
    # A raster chart would be an image XObject; charts here are paths and text.
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for x in xobjects.values():
            assert x.get_object().get("/Subtype") != "/Image"


@pytest.fixture
def hostile_report(tmp_path, data_copy, monkeypatch, printer):
    edit_cell(data_copy / "people.csv", "zhao-jinglian", "name", XSS)
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    params = {"event_id": "bth-2017-baoding", "language": "en", "jurisdiction": "all", "as_of": ""}
    nb = NOTEBOOKS[0]
    executed = tmp_path / nb.name
    pool = KernelPool(
        notebooks_dir(),
        env={"PLOTLY_RENDERER": "plotly_mimetype+svg", "IPDOSSIER_DATA": str(data_copy)},
    )
    try:
        execute(nb, executed, validate(nb, params), variant="xss", kernels=pool)
    finally:
        pool.close()
    # A raw HTML output whose script would change the page if scripts ran.
    book = nbformat.read(executed, as_version=4)
    book.cells.append(
        nbformat.v4.new_code_cell(
            "",
            outputs=[
                nbformat.v4.new_output(
                    "display_data",
                    data={
                        "text/html": '<p id="probe">static text</p><script>'
                        'document.getElementById("probe").textContent="SCRIPT RAN";'
                        "</script>"
                    },
                )
            ],
        )
    )
    nbformat.write(book, executed)
    return render_report(
        [executed],
        tmp_path / "out",
        params=params,
        data_version="x",
        formats={"pdf", "html"},
        printer=printer,
    )


def test_markup_in_the_data_is_printed_as_text_and_no_script_runs(hostile_report):
    text = text_of(hostile_report["pdf"])
    assert XSS in text
    assert "static text" in text and "SCRIPT RAN" not in text
    html = hostile_report["html"].read_text(encoding="utf-8")
    # In the HTML the name only lives inside figure JSON, with "<" escaped.
    assert XSS not in html
    assert "\\u003cimg src=x onerror=alert(1)>" in html


def test_interactive_html_shows_markup_as_text_with_scripts_on(hostile_report):
    from playwright.sync_api import sync_playwright

    from ipdossier.export.browser import find_chromium

    dialogs = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(
            "**/*", lambda r: r.abort() if not r.request.url.startswith("file:") else r.continue_()
        )
        page.goto(hostile_report["html"].as_uri())
        page.wait_for_selector(".ipd-chart .main-svg")
        charts = page.locator(".ipd-chart .main-svg").count()
        shown = page.locator("body").inner_text()
        images = page.locator("img[src='x']").count()
        browser.close()
    assert charts >= 4  # plotly.js drew the charts from the inlined library
    assert not dialogs and not images
    assert XSS in shown


def test_chart_page_draws_markup_as_text_and_fetches_nothing_but_plotly_js(printer):
    # The build's chart page runs plotly.js with scripts on: data reaches it only as JSON.
    figure = {"data": [{"type": "bar", "x": [XSS], "y": [1]}], "layout": {"title": {"text": XSS}}}
    svg = ElementTree.fromstring(printer.svg(figure, 400, 300))
    assert XSS in "".join(svg.itertext())
    assert not [e for e in svg.iter() if e.tag.endswith("img") or "onerror" in e.attrib]

    # A server that answers and counts: only the page's own refusal keeps a request from
    # landing (no-cors fetches resolve on any answer).
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{server.server_address[1]}/"

    async def probe():
        page = await printer._chart_page
        return await page.evaluate(
            """async (urls) => Promise.all(urls.map(u => fetch(u, {mode: 'no-cors'}).then(
                   () => 'fetched ' + u, () => 'refused')))""",
            [local, "https://cdn.plot.ly/plotly.min.js"],
        )

    try:
        assert printer._call(probe()) == ["refused"] * 2
        assert not hits
    finally:
        server.shutdown()


def test_missing_browser_says_what_to_install_and_writes_nothing(reports, tmp_path, monkeypatch):
    executed, _ = reports["en"]
    monkeypatch.setenv("IPDOSSIER_CHROMIUM", str(tmp_path / "no-such-chrome"))
    with pytest.raises(MissingDependency) as err:
        render_report(
            executed[:1],
            tmp_path / "out",
            params={"language": "en"},
            data_version="x",
            formats={"pdf"},
            printer=None,
        )
    assert "apt install chromium fonts-noto-cjk" in str(err.value)
    assert not list((tmp_path / "out").glob("*.pdf"))
    monkeypatch.delenv("IPDOSSIER_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingDependency, match="no Chromium or Chrome found"):
        render_report(
            executed[:1],
            tmp_path / "out2",
            params={"language": "en"},
            data_version="x",
            formats={"pdf"},
            printer=None,
        )


def test_missing_cjk_fonts_stop_a_chinese_report(reports, tmp_path, monkeypatch):
    executed, _ = reports["zh"]
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "fc-list").write_text("#!/bin/sh\nexit 0\n")
    (fake / "fc-list").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:/usr/bin:/bin")
    with pytest.raises(MissingDependency, match="fonts-noto-cjk"):
        render_report(
            executed[:1],
            tmp_path / "out",
            params={"language": "zh"},
            data_version="x",
            formats={"pdf"},
            printer=None,
        )
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_jupyter_nbconvert_to_dossier_pdf(reports, tmp_path):
    executed, _ = reports["en"]
    done = subprocess.run(
        [
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "dossier_pdf",
            str(executed[1]),
            "--output-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pdf = tmp_path / f"{executed[1].stem}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = text_of(pdf)
    assert "SIPO's connecting activities" in text and "Sources" in text
    assert "nb.setup(" not in text
    listed = subprocess.run(
        [str(BIN / "jupyter"), "nbconvert", "--help-all"],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "dossier_pdf" in listed


def test_per_chapter_pdfs(reports):
    executed, result = reports["en"]
    assert [p.name for p in result["chapters"]] == [f"{p.stem}.pdf" for p in executed]
    for pdf in result["chapters"]:
        text = text_of(pdf)
        assert "Sources" in text and pd.notna(text)
