"""PDF and HTML reports: what a reader gets, read back from the files themselves.

The dossiers read here are the session's real `ipdossier build` (see `built` in
conftest): the charts drawn by the build's browser, the chapters printed on its export
threads, the files the manifest lists. What each chapter should hold (its title, its
charts, its source notes) is read from its executed notebook.
Markup in the data (`hostile_report`) goes through the build's export path
(`prepare_chapter`, `assemble`), on a copy of the data.
"""

from __future__ import annotations

import http.server
import io
import logging
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import nbformat
import pdfs
import pikepdf
import pytest
from helpers import TEXT_CHAPTERS, edit_cell
from pdfs import compact, flat, nfkc, page_text, text_of
from pypdf import PdfReader, PdfWriter

from ipdossier import data
from ipdossier.export import html as report_html
from ipdossier.export import outline, report
from ipdossier.export.printer import PdfPrinter
from ipdossier.export.report import assemble, prepare_chapter, report_context
from ipdossier.i18n import t
from ipdossier.params import validate
from ipdossier.paths import data_dir, notebooks_dir
from ipdossier.pipeline.execute import execute
from ipdossier.pipeline.kernels import KernelPool
from ipdossier.theme import svg_size

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
BIN = Path(sys.executable).parent
PLOTLY = "application/vnd.plotly.v1+json"
XSS = "<img src=x onerror=alert(1)>"


def chapters_of(executed: list[Path]) -> list[pdfs.Chapter]:
    return [pdfs.chapter(path) for path in executed]


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
def reports(built):
    """The session's real build: the default dossier (English) from the cold run, and
    the Chinese one (zh, all jurisdictions) from the scheduled every-jurisdiction run."""
    made = {}
    for language, slug, grown in (("en", "default", False), ("zh", "zh-all", True)):
        executed = built.executed(slug, grown=grown)
        folder = built.folder(slug, grown=grown)
        made[language] = (
            executed,
            {
                "pdf": folder / "dossier.pdf",
                "html": folder / "dossier.html",
                "chapters": [folder / f"{path.stem}.pdf" for path in executed],
            },
        )
    return made


def figures_of(executed: list[Path]):
    """(notebook path, plotly figure) for every chart the executed notebooks hold."""
    for path in executed:
        for cell in nbformat.read(path, as_version=4).cells:
            for o in cell.get("outputs", []):
                fig = o.get("data", {}).get(PLOTLY)
                if fig:
                    yield path, fig


def chart_texts(executed: list[Path]) -> tuple[list[str], list[str]]:
    """Every chart title and category label the executed notebooks hold."""
    titles, labels = [], []
    for _, fig in figures_of(executed):
        titles.append(fig["layout"]["title"]["text"])
        for trace in fig["data"]:
            # Category labels only: plotly stores numbers as a typed array ({"bdata": ...}).
            if trace.get("type") == "bar" and trace.get("orientation") == "h":
                ys = trace.get("y")
                labels += [str(y) for y in ys if y] if isinstance(ys, list) else []
    return titles, labels


def test_every_chapter_of_the_build_is_in_the_dossier(reports):
    executed, _ = reports["en"]
    # The build's chapters are the notebooks of notebooks/, in order, each with charts but
    # the summary.
    assert [p.name for p in executed] == [p.name for p in NOTEBOOKS]
    assert NOTEBOOKS[0].stem in TEXT_CHAPTERS
    for chapter in chapters_of(executed):
        assert chapter.charts or chapter.stem in TEXT_CHAPTERS, f"{chapter.stem} shows no chart"


def test_dossier_pdf_holds_every_chart_title_label_and_key_figure(reports):
    executed, result = reports["en"]
    text = flat(text_of(result["pdf"]))
    titles, labels = chart_texts(executed)
    for title in titles:
        assert flat(title) in text, title
    for label in labels:
        # Category labels are wrapped onto lines; each line must be there.
        for line in re.split(r"<br>", label):
            line = flat(unicodedata.normalize("NFKC", line))  # as text_of reads the PDF
            if line:
                assert line in text, line
    for figure in ("150+", "18", "~1,000"):
        assert figure in text
    for title in data.load().policies["title"]:
        assert flat(title.replace(" ", "")) in text.replace(" ", ""), title


@pytest.mark.parametrize("language", ["en", "zh"])
def test_pdf_is_a4_with_page_numbers_header_and_bookmarks(reports, language):
    executed, result = reports[language]
    reader = PdfReader(result["pdf"])
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert abs(float(box.width) - 595.9) < 2 and abs(float(box.height) - 842.9) < 2
        on_page = nfkc(page_text(page))
        assert nfkc(t("page_of", language).format(page=i, total=n)) in on_page
        assert nfkc(t("dossier_title", language)) in on_page
    top = [title for title, _ in pdfs.bookmarks(reader)]
    assert top == [
        t("contents", language),
        *[c.heading(language) for c in chapters_of(executed)],
        t("sources", language),
    ]
    # The contents page gives the page each chapter starts on.
    contents = nfkc(page_text(reader.pages[1]))
    for title, page in pdfs.bookmarks(reader)[1:]:
        assert nfkc(f"{title} {page}") in contents, (title, page)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_contents_give_the_page_each_chapter_starts_on(reports, language):
    # By link target, not bookmark title: in Chinese the contents name a chapter by its
    # Chinese title while its heading is the notebook's own.
    executed, result = reports[language]
    reader = PdfReader(result["pdf"])
    starts = pdfs.destinations(reader)
    lines = [ln.strip() for ln in page_text(reader.pages[1]).splitlines() if ln.strip()]
    # Not the page's own number ("Page 2 of 13"); a section's title may hold numbers
    # ("the 13th Five-Year Plan ... 15").
    page_of = t("page_of", language).format(page=2, total=len(reader.pages))
    lines = [ln for ln in lines if re.sub(r"\s", "", ln) != re.sub(r"\s", "", page_of)]
    keys = [f"chapter-{i}" for i in range(1, len(executed) + 1)] + ["sources"]
    for key in keys:
        assert any(ln.endswith(f" {starts[key]}") for ln in lines), (key, starts, lines)
    # Each chapter's sections (its h2 headings) under it, in order, each with the page its
    # heading is printed on.
    order = []
    for i in range(1, len(executed) + 1):
        order.append(f"chapter-{i}")
        mine = [k for k in starts if re.fullmatch(rf"chapter-{i}-s\d+", k)]
        order += sorted(mine, key=lambda k: int(k.rsplit("-s", 1)[1]))
    order.append("sources")
    assert len(order) > len(keys), "the contents list no section"
    numbered = [ln for ln in lines if re.search(r"\s\d+$", ln)]
    printed = [int(ln.rsplit(" ", 1)[1]) for ln in numbered]
    assert printed == [starts[k] for k in order], (numbered, order)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_dossier_is_cover_contents_then_each_chapter_pdf_and_the_sources(reports, language):
    # Each chapter PDF is its chapter followed by the sources appendix; the dossier has
    # a cover and a contents page, then every chapter as long as in its own PDF.
    executed, result = reports[language]
    reader = PdfReader(result["pdf"])
    starts = pdfs.destinations(reader)
    page = 3
    for i, pdf in enumerate(result["chapters"], start=1):
        own = PdfReader(pdf)
        body = dict(pdfs.bookmarks(own))[t("sources", language)] - 1
        assert starts[f"chapter-{i}"] == page, (pdf.name, starts)
        page += body
    assert starts["sources"] == page
    appendix = len(own.pages) - body
    assert len(reader.pages) == page - 1 + appendix
    assert len(result["chapters"]) == len(executed)


def test_doubled_bookmark_titles_are_tidied():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_outline_item(title="ContentsContents", page_number=0)
    writer.add_outline_item(title="Sources", page_number=0)
    buf = io.BytesIO()
    writer.write(buf)
    # as every printing is finished (ToUnicode maps and bookmarks in one pass)
    from ipdossier.export.printer import finish

    tidied = PdfReader(io.BytesIO(finish(buf.getvalue())))
    assert [item.title for item in tidied.outline] == ["Contents", "Sources"]
    clean = finish(tidied_bytes := finish(buf.getvalue()))
    assert clean == tidied_bytes  # nothing to fix: the bytes pass through untouched


def test_no_code_in_the_report(reports):
    executed, result = reports["en"]
    text = text_of(result["pdf"])
    # Code, not the word ("imports and exports of IP royalties" is an indicator's name).
    assert "nb.setup(" not in text
    assert not re.search(r"\bimport (pandas|plotly|ipdossier)|from ipdossier", text)
    html = result["html"].read_text(encoding="utf-8")
    assert "nb.setup(" not in html


def _same_source(sources) -> dict[str, set[str]]:
    """Each source id and the ids of every row with its URL: one source in the appendix."""
    by_url = sources.groupby("url")["source_id"].apply(set)
    return {sid: by_url[url] for sid, url in zip(sources["source_id"], sources["url"], strict=True)}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_source_note_links_to_its_source_in_the_appendix(reports, language):
    # Notes cite by number, sorted within a note; two rows with one URL are one source.
    executed, result = reports[language]
    chapters = chapters_of(executed)
    reader = PdfReader(result["pdf"])
    starts = pdfs.destinations(reader)
    appendix = range(starts["sources"] - 1, len(reader.pages))
    appendix_text = text_of(reader, appendix).replace("\n", "")
    sources = data.load().sources
    same = _same_source(sources)
    url = dict(zip(sources["source_id"], sources["url"], strict=True))

    cited_anywhere = set()
    for chapter, pages in zip(chapters, pdfs.chapter_pages(reader, len(chapters)), strict=True):
        assert chapter.notes, f"{chapter.stem} has no source note"
        assert "<unlinked>" not in chapter.notes, chapter.stem
        # Every source a note of the chapter cites is a link on the chapter's own pages ...
        # (Links to another chapter, from its prose, are not source notes.)
        linked = {
            n.removeprefix("source-")
            for page in pages
            for n in pdfs.links(reader, page)
            if n.startswith("source-")
        }
        for sid in set(chapter.notes):
            assert same[sid] & linked, (chapter.stem, sid)
        assert all(any(sid in same[c] for c in chapter.notes) for sid in linked), chapter.stem
        # ... to its source's entry, which is in the appendix and gives its URL.
        for sid in set(chapter.notes):
            assert starts[f"source-{sid}"] - 1 in appendix, sid
            assert url[sid] in appendix_text
    # The appendix lists what the dossier cites (in notes and tables), and nothing else.
    cited_anywhere = {
        sid
        for path in executed
        for cell in nbformat.read(path, as_version=4).cells
        for o in cell.get("outputs", [])
        for sid in re.findall(r'data-source="([^"]+)"', pdfs._html(o))
    }
    assert cited_anywhere
    for sid, address in url.items():
        cited = bool(same[sid] & cited_anywhere)
        assert (address in appendix_text) == cited, (sid, cited)
    # A chapter PDF links its notes to its own copy of the appendix.
    for chapter, pdf in zip(chapters, result["chapters"], strict=True):
        own = PdfReader(pdf)
        sources_page = dict(pdfs.bookmarks(own))[t("sources", language)]
        linked = {
            n.removeprefix("source-")
            for page in range(sources_page - 1)
            for n in pdfs.links(own, page)
            if n.startswith("source-")
        }
        assert all(same[sid] & linked for sid in chapter.notes), pdf.name
        for sid in set(chapter.notes):
            assert pdfs.destinations(own)[f"source-{sid}"] >= sources_page, (pdf.name, sid)


def test_chinese_report_has_cjk_text_with_embedded_fonts(reports):
    _, result = reports["zh"]
    text = text_of(result["pdf"])
    # The participation chart's title (it states the largest count) among them.
    largest = "本次活动报道所载最大数字"
    for expected in (t("dossier_title", "zh"), "目录", largest, "资料来源", "保定市"):
        assert nfkc(expected) in text, expected
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


@pytest.mark.parametrize("part", ["pdf", "chapters"])
def test_chinese_report_text_layer_has_no_radical_look_alikes(reports, part):
    """Read without NFKC (which would hide them): 小 must extract as U+5C0F, not ⼩."""
    _, result = reports["zh"]
    pdfs = result["chapters"] if part == "chapters" else [result["pdf"]]
    for pdf in pdfs:
        text = "".join(page_text(p) for p in PdfReader(pdf).pages)
        found = sorted(
            {c for c in text if 0x2F00 <= ord(c) <= 0x2FDF or 0x2E80 <= ord(c) <= 0x2EFF}
        )
        assert not found, (pdf.name, found)
        assert "部门" in text or part == "chapters"


def test_chinese_chapters_open_with_their_chinese_titles_and_headers(reports):
    executed, result = reports["zh"]
    for path, pdf in zip(executed, result["chapters"], strict=True):
        title = nbformat.read(path, as_version=4).metadata["ipdossier"]["title_zh"]
        first_line = page_text(PdfReader(pdf).pages[0]).splitlines()[0]
        # The heading: the contents and the bookmarks give the chapter this title too.
        assert nfkc(first_line) == nfkc(title)
    text = text_of(result["pdf"])
    squeezed = "".join(text.split())  # a narrow column wraps its header
    for header in ("统计对象", "限定", "序号", "地点", "政策文件", "层级", "文号", "日期依据"):
        assert header in squeezed, header
    # Qualifiers in the tables by their label, not their code.
    assert "at_least" not in text
    assert nfkc(t("at_least", "zh")) in text


def test_html_is_self_contained_and_interactive(reports):
    executed, result = reports["en"]
    html = result["html"].read_text(encoding="utf-8")
    assert html.count("Plotly.newPlot(") >= 1
    assert len(re.findall(r"\* plotly\.js v\d", html)) == 1  # plotly.js inlined once
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=\"?https?:", html)
    charts = sum(len(c.charts) for c in chapters_of(executed))
    assert html.count('class="ipd-figure"') == charts
    assert 'id="source-chinaip-1456"' in html


@pytest.mark.parametrize("language", ["en", "zh"])
def test_charts_in_the_pdf_are_vector(reports, language):
    # Chromium tags each chart (an <img> of its SVG, alt text: the chart's title) as a
    # /Figure; what is drawn inside it must be paths and text, never an image.
    executed, result = reports[language]
    chapters = chapters_of(executed)
    reader = PdfReader(result["pdf"])
    drawn = pdfs.figures(reader)
    for chapter, pages in zip(chapters, pdfs.chapter_pages(reader, len(chapters)), strict=True):
        mine = [f for f in drawn if f.page in pages]
        assert [flat(f.alt) for f in mine] == [flat(title) for title in chapter.charts], (
            chapter.stem
        )
        for figure, title in zip(mine, chapter.charts, strict=True):
            assert figure.images == 0, f"{title!r} is a raster image"
            assert figure.painted_paths >= 5, f"{title!r}: {figure.painted_paths} paths"
            assert figure.text_shows >= 1, f"{title!r}: its text is not text"
            # The title is in the text layer of the page the chart is drawn on.
            on_page = compact(text_of(reader, range(figure.page, figure.page + 1)))
            assert compact(title) in on_page, title


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory, printer):
    """A report from a copy of the data with markup in a name (made once per module)."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    data_copy = tmp_path / "data"
    shutil.copytree(data_dir(), data_copy)
    edit_cell(data_copy / "people.csv", "zhao-jinglian", "name", XSS)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
        return _hostile_report(tmp_path, data_copy, printer)


def _hostile_report(tmp_path: Path, data_copy: Path, printer) -> dict:
    params = {"event_id": "bth-2017-baoding", "language": "en", "jurisdiction": "all", "as_of": ""}
    nb = notebooks_dir() / "01_event.ipynb"  # the chapter that names the people
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
    # The build's own export path for one chapter: prepare it, assemble the reports.
    ctx = report_context(params, "x")
    part = prepare_chapter(executed, 1, ctx, formats={"pdf", "html"}, printer=printer)
    return assemble([part], tmp_path / "out", ctx, formats={"pdf", "html"}, printer=printer)


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


def test_charts_drawn_side_by_side_are_the_bytes_drawn_one_at_a_time(reports):
    # Several chart pages draw a notebook's charts at once (as many as cores, here two);
    # each SVG is the same bytes as drawn alone in one page, and as the build drew it.
    executed, _ = reports["en"]
    found = [(fig, svg) for path in executed for fig, svg in pdfs.svgs(path) if svg][:6]
    charts = [(fig, *svg_size(fig)) for fig, _ in found]
    assert len(charts) >= 4
    with PdfPrinter() as one:
        one.chart_concurrency = 1
        serial = [one.svg(*chart) for chart in charts]
        assert len(one._chart_opening) == 1
    with PdfPrinter() as many:
        many.chart_concurrency = 2
        side_by_side = many.svgs(charts)
        assert len(many._chart_opening) == 2
    assert side_by_side == serial
    assert serial == [svg for _, svg in found]


def test_each_chart_page_gets_its_share_of_a_notebooks_charts_in_one_call(reports, monkeypatch):
    # A call through the DevTools pipe per chart, each figure handed over value by value,
    # cost the build's process more than the drawing: a page's charts go as one string.
    from ipdossier.export import chart_svgs

    executed, _ = reports["en"]
    charts = [
        (fig, *svg_size(fig)) for path in executed for fig, svg in pdfs.svgs(path) if svg
    ][:6]
    calls = []
    draw_all = chart_svgs.draw_all

    async def counted(page, sent):
        calls.append(len(sent))
        return await draw_all(page, sent)

    monkeypatch.setattr(chart_svgs, "draw_all", counted)
    with PdfPrinter(charts=2) as two:
        assert len(two.svgs(charts)) == 6
    assert len(calls) == 2 and sum(calls) == 6, calls  # two pages, one call each


def test_chart_pages_are_the_cores_the_kernels_leave_free(monkeypatch):
    # Drawing beside two busy kernels on two cores only takes turns with them.
    from ipdossier.export import printer as printer_mod

    monkeypatch.setattr(printer_mod.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert [printer_mod.chart_pages(kernels=k) for k in (0, 1, 2, 3)] == [2, 1, 1, 1]
    monkeypatch.setattr(printer_mod.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    assert printer_mod.chart_pages(kernels=2) == 2


def test_jupyter_nbconvert_to_dossier(reports, tmp_path):
    executed, _ = reports["en"]
    done = subprocess.run(
        [
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "dossier",
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
    chapter = pdfs.chapter(executed[1])
    assert text.startswith(chapter.title) and "Sources" in text
    for title in chapter.charts:
        assert compact(title) in compact(text), title
    assert "nb.setup(" not in text
    listed = subprocess.run(
        [str(BIN / "jupyter"), "nbconvert", "--help-all"],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "'dossier'" in listed, listed[-2000:]
    assert "dossier_pdf" not in listed  # one exporter, one name (one menu item)
    # The build's kernels recorded their runs: the saved outputs are printed, not rerun.
    assert "from its saved outputs" in done.stderr, done.stderr[-2000:]


@pytest.mark.heavy  # 14 s each: make test-heavy (CI runs it)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_per_chapter_pdfs(reports, language):
    executed, result = reports[language]
    chapters = chapters_of(executed)
    assert [p.name for p in result["chapters"]] == [f"{p.stem}.pdf" for p in executed]
    for chapter, pdf in zip(chapters, result["chapters"], strict=True):
        reader = PdfReader(pdf)
        heading = chapter.heading(language)
        # Opens with its own title, and its bookmarks are that title and the sources.
        first_line = nfkc(page_text(reader.pages[0])).splitlines()[0]
        assert first_line == nfkc(heading), pdf.name
        assert [title for title, _ in pdfs.bookmarks(reader)] == [heading, t("sources", language)]
        n = len(reader.pages)
        for i, page in enumerate(reader.pages, start=1):
            on_page = nfkc(page_text(page))
            assert nfkc(t("page_of", language).format(page=i, total=n)) in on_page
            assert compact(f"{t('dossier_title', language)} · {heading}") in compact(on_page)
        # Its own charts, each drawn as a tagged vector figure, and no other chapter's.
        text = compact(text_of(reader))
        for title in chapter.charts:
            assert compact(title) in text, (pdf.name, title)
        figures = pdfs.figures(reader)
        assert [flat(f.alt) for f in figures] == [flat(c) for c in chapter.charts], pdf.name
        assert all(f.images == 0 and f.painted_paths >= 5 for f in figures), pdf.name
        for other in chapters:
            if other is not chapter:
                for title in other.charts:
                    assert compact(title) not in text, (pdf.name, title)


def test_one_conversion_gives_each_edition_its_own_conversion(reports):
    # Print and web differ in their charts alone: one nbconvert pass fills both.
    for language in ("en", "zh"):
        executed, _ = reports[language]
        for i, path in enumerate(executed, start=1):
            both = report_html.chapters(path, i, language=language)
            for mode in ("print", "web"):
                alone = report_html.chapter(path, i, mode=mode, language=language)
                assert both[mode] == alone, (path.name, mode)
            assert "<!--ipd-chart" not in both["print"].body + both["web"].body


def test_the_chapter_exporter_gives_what_nbconvert_and_structure_give(reports):
    # ChapterHTMLExporter leaves nbconvert's last BeautifulSoup pass to `structure`, which
    # parses the chapter anyway: the chapters must be what nbconvert's own exporter (its
    # method on the same exporter, preprocessors and all) and then `structure` made, byte
    # for byte, in both modes and both languages.
    from nbconvert import HTMLExporter

    for language in ("en", "zh"):
        executed, _ = reports[language]
        for i, path in enumerate(executed, start=1):
            nb = nbformat.read(path, as_version=4)
            # An output whose image has no alternative text: one nbconvert gives it one.
            nb.cells.append(
                nbformat.v4.new_code_cell(
                    outputs=[
                        nbformat.v4.new_output(
                            "display_data", data={"text/html": '<p><img src="chart.png"></p>'}
                        )
                    ]
                )
            )
            chapter_id = f"chapter-{i}"
            for mode in ("print", "web"):
                exporter = report_html._exporter(mode)
                ours, _ = exporter.from_notebook_node(
                    nb, resources={"ipdossier": {"chapter_id": chapter_id}}
                )
                theirs, _ = HTMLExporter.from_notebook_node(
                    exporter, nb, resources={"ipdossier": {"chapter_id": chapter_id}}
                )
                made = report_html.structure(ours, chapter_id)
                assert made == report_html.structure(theirs, chapter_id), (path.name, mode)
                assert 'alt="No description has been provided for this image"' in made[0]


# -- the contents' page numbers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def chapter_parts(reports, printer):
    """The default dossier's chapters prepared as the build prepares them, with its context."""
    executed, _ = reports["en"]
    params = {"event_id": "bth-2017-baoding", "language": "en", "jurisdiction": "all", "as_of": ""}
    ctx = report.report_context(params, "test")
    parts = [
        report.prepare_chapter(path, i, ctx, formats={"pdf"}, printer=printer)
        for i, path in enumerate(executed, start=1)
    ]
    return parts, ctx


def test_contents_count_the_pages_of_a_front_longer_than_assumed(
    chapter_parts, printer, tmp_path, caplog, monkeypatch
):
    # The body is printed once; the contents' numbers are its pages plus the front's. A
    # front assumed one page long prints two: it is printed again, its numbers moved.
    parts, ctx = chapter_parts
    monkeypatch.setattr(report, "FRONT_PAGES", 1)
    with caplog.at_level(logging.WARNING, logger="ipdossier.export"):
        pdf, chapter_pdfs = report._print_dossier(printer, parts, tmp_path, ctx, chapters=True)
    assert not caplog.records, caplog.text
    reader = PdfReader(pdf)
    starts = pdfs.destinations(reader)
    lengths = [dict(pdfs.bookmarks(PdfReader(c)))[t("sources", "en")] - 1 for c in chapter_pdfs]
    assert starts["chapter-1"] == 3
    assert starts["chapter-2"] == 3 + lengths[0]  # cover, contents, chapter 1's body
    contents = nfkc(page_text(reader.pages[1]))
    for title, page in pdfs.bookmarks(reader)[1:]:
        assert f"{title} {page}" in contents, (title, page, contents)


def test_a_front_that_never_settles_is_written_with_a_warning(
    chapter_parts, printer, tmp_path, caplog, monkeypatch
):
    parts, ctx = chapter_parts
    counted = []
    real = report._front_length

    def growing(doc, marks) -> int:
        # As if each printing of the front (the cover and contents) ran onto one more page.
        counted.append(doc)
        return real(doc, marks) + len(counted)

    monkeypatch.setattr(report, "_front_length", growing)
    with caplog.at_level(logging.WARNING, logger="ipdossier.export"):
        pdf, _ = report._print_dossier(printer, parts, tmp_path, ctx, chapters=True)
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert str(tmp_path / "dossier.pdf") in warning.getMessage()
    assert "page numbers may be off" in warning.getMessage()


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def before_appendix(pdf: Path, heading: str) -> str:
    """The text layer of the pages before the sources appendix (as extracted, no NFKC)."""
    start = outline.top_level_pages(pdf.read_bytes())[heading]
    pages = PdfReader(pdf).pages[: start - 1]
    assert pages
    return "\n".join(page_text(p) for p in pages)


def test_chinese_dossier_reads_in_chinese(reports):
    """The issue's measure: CJK ideographs >= 85% of all letters outside the appendix, no
    radical look-alikes, and no English sentence of the English edition."""
    zh = before_appendix(reports["zh"][1]["pdf"], "资料来源")
    letters = [c for c in zh if unicodedata.category(c).startswith("L")]
    cjk = [c for c in letters if CJK.match(c)]
    share = len(cjk) / len(letters)
    assert share >= 0.85, f"CJK share {share:.1%}"
    assert not [c for c in zh if 0x2F00 <= ord(c) <= 0x2FDF or 0x2E80 <= ord(c) <= 0x2EFF]
    en = flat(before_appendix(reports["en"][1]["pdf"], "Sources"))
    sentences = [
        s.strip()
        for s in re.split(r"(?<=[.;:!?])\s+", en)
        if len(re.findall(r"[A-Za-z]{2,}", s)) >= 6
    ]
    assert len(sentences) > 30  # the English edition has prose to compare with
    # Names kept as they stand (no sourced Chinese form) are not sentences of the edition.
    d = data.load()
    names = {*d.policies["title"], *d.organisations["name"], *d.people["name"], *d.roles["title"]}
    zh_flat = flat(zh)
    found = [s for s in sentences if s in zh_flat and s.strip(" .;:") not in names]
    assert not found, found[:5]


def test_every_chart_has_title_axes_and_legend_in_chinese(reports):
    """On the chart specs of the zh build (not only the PDF): title, axis titles, legend
    entries and annotations are Chinese (numbers, codes and unsourced names aside)."""
    executed, _ = reports["zh"]
    charts = 0
    for path, fig in figures_of(executed):
        charts += 1
        layout = fig["layout"]
        title = layout["title"]["text"]
        assert CJK.search(title), (path.name, title)
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")) and axis.get("visible", True):
                text = (axis.get("title") or {}).get("text")
                if text:
                    assert CJK.search(text), (path.name, title, name, text)
        legend = [
            tr["name"]
            for tr in fig["data"]
            if tr.get("name") and tr.get("showlegend", True) is not False
        ]
        if layout.get("showlegend", True) is not False:
            for entry in legend:
                assert CJK.search(entry), (path.name, title, entry)
    # Every chart the English edition draws, the Chinese one draws too.
    assert charts > 0 and charts == len(list(figures_of(reports["en"][0])))


@pytest.mark.parametrize(
    "recorded, en, zh",
    [
        ("人民网 (记者任妍), repost on an unknown host", "人民网", "人民网"),
        (
            "中国知识产权报, repost by a service firm (youzhihui365.com)",
            "中国知识产权报",
            "中国知识产权报",
        ),
        ("河北日报 (记者马彦铭), on cy.cwan.com", "河北日报", "河北日报"),
        ("人民网 (commentary), on ntv.cn", "人民网 (commentary)", "人民网"),
        ("exam text quoting news (chujuan.cn)", None, None),
    ],
)
def test_the_appendix_names_the_original_publisher_of_a_repost(recorded, en, zh):
    from ipdossier.export.html import _name

    assert (_name(recorded, "en"), _name(recorded, "zh")) == (en, zh)


def _area(inner: str) -> str:
    return f'<div class="output_area"><div class="output_subarea">{inner}</div></div>'


def test_a_short_list_or_table_stays_with_its_heading_introduction_and_note():
    """A heading and the sentence that introduces a list were left at a page's foot and
    the list printed alone overleaf (the programme, p. 8 of the English dossier): a short
    list or table goes in one kept block with them, as a chart does; a list too long for
    a page is left to flow."""
    items = "".join(f"<li>item {i}</li>" for i in range(3))
    long_items = "".join(f"<li>item {i}</li>" for i in range(report_html.SHORT_LIST + 1))
    body = "".join(
        [
            _area("<h2>Programme</h2>"),
            _area("<p>The source gives the order of the programme's items:</p>"),
            _area(f"<ol>{items}</ol>"),
            _area('<p class="ipd-source">Source: [1].</p>'),
            _area("<h2>Scorecard</h2>"),
            _area("<p>Each plan's indicators, counted by verdict:</p>"),
            _area('<table class="ipd-table ipd-short"><tr><td>1</td></tr></table>'),
            _area("<h2>Long</h2>"),
            _area("<p>Every item of a long list:</p>"),
            _area(f"<ul>{long_items}</ul>"),
        ]
    )
    from bs4 import BeautifulSoup

    out, sections = report_html.structure(body, "chapter-2")
    soup = BeautifulSoup(out, features="html.parser")
    kept = soup.select("div.ipd-keep")
    assert [(k.h2.get_text(), len(k.select("div.output_area"))) for k in kept] == [
        ("Programme", 4),
        ("Scorecard", 3),
    ]
    assert kept[0].select_one("p.ipd-source") is not None
    assert soup.find("ul").find_parent("div", class_="ipd-keep") is None
    assert [words for _, words in sections] == ["Programme", "Scorecard", "Long"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_cutting_with_the_structure_index_writes_the_walks_bytes(reports, language):
    # Issue 23: a cut reads the body's structure from one walk (`cut.StructIndex`) and stops
    # where a subtree lies wholly on or off its pages. What it writes must be what the
    # whole walk wrote, for chapter-like ranges and for ranges that split a chapter (the
    # built dossier stands for a body: a tagged printing with links, bookmarks and IDs).
    import pikepdf

    from ipdossier.export import cut

    pdf = reports[language][1]["pdf"].read_bytes()
    index = cut.StructIndex.of(pdf)
    assert len(index) > 100  # the structure tree was read
    n = len(PdfReader(io.BytesIO(pdf)).pages)

    def written(doc) -> bytes:
        out = io.BytesIO()
        doc.save(out, static_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)
        return out.getvalue()

    ranges = [range(n), range(0, 2), range(2, n // 2), range(n // 2 - 1, n), range(3, 4)]
    for keep in ranges:
        walked = written(cut.chapter_pages(pdf, keep))
        assert written(cut.chapter_pages(pdf, keep, index)) == walked, (language, keep)


def test_the_stamps_are_printed_after_the_front_outside_its_structure(printer):
    # Issue 23: the front and every stamp of a variant in one printing. The stamps are
    # its last pages, one per (header, footer), each holding its header and footer where
    # Chromium's own templates print them, with no margin, and outside the tagged
    # structure (no StructParents, no marked content) so that nothing of them reaches the
    # dossier's structure when they are laid over its pages as artifacts.
    from ipdossier.export.printer import with_stamps

    front = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><style>"
        "html{line-height:1.45;font-size:10.5pt}</style></head>"
        "<body><h1>Cover</h1><p>Front matter</p></body></html>"
    )
    pages = [("Dossier · Summary", f"Page {i} of 3") for i in (1, 2, 3)]
    doc = pikepdf.open(io.BytesIO(printer.pdf_bytes(with_stamps(front, pages), header_title=None)))
    assert len(doc.pages) == 1 + len(pages)
    assert "/StructParents" in doc.pages[0].obj
    for i, page in enumerate(doc.pages[1:], start=1):
        assert "/StructParents" not in page.obj
        content = b"".join(c.read_bytes() for c in page.obj.get("/Contents").wrap_in_array())
        assert b"BDC" not in content and b"BMC" not in content
        text = nfkc(page_text(PdfReader(io.BytesIO(_page_alone(doc, i))).pages[0]))
        assert f"Page {i} of 3" in text and "Dossier · Summary" in text
    # the header and footer where the templates put them, whatever the front's type
    def positions(html: str) -> list[tuple[float, float]]:
        words = []
        printed = pikepdf.open(io.BytesIO(printer.pdf_bytes(html, header_title=None)))
        PdfReader(io.BytesIO(_page_alone(printed, len(printed.pages) - 1))).pages[
            0
        ].extract_text(
            visitor_text=lambda text, cm, tm, font, size: text.strip()
            and words.append((round(cm[4] + tm[4], 2), round(cm[5] + tm[5], 2)))
        )
        return words

    plain = front.replace("html{line-height:1.45;font-size:10.5pt}", "")
    assert positions(with_stamps(front, pages)) == positions(with_stamps(plain, pages))
    with pytest.raises(ValueError, match="no <style>"):
        with_stamps("<p>no head</p>", pages)


def _page_alone(doc: pikepdf.Pdf, i: int) -> bytes:
    alone = pikepdf.new()
    alone.pages.append(doc.pages[i])
    out = io.BytesIO()
    alone.save(out)
    return out.getvalue()


def _flaky_chromium(tmp_path: Path, crashes: int) -> Path:
    """A Chromium that dies of SIGSEGV at its first `crashes` starts, then is the real one."""
    from ipdossier.export.browser import find_chromium

    count = tmp_path / "starts"
    exe = tmp_path / "chromium"
    exe.write_text(
        "#!/bin/sh\n"
        f'n=$(cat "{count}" 2>/dev/null || echo 0); echo $((n + 1)) > "{count}"\n'
        f'[ "$n" -lt {crashes} ] && kill -SEGV $$\n'
        f'exec "{find_chromium()}" "$@"\n'
    )
    exe.chmod(0o755)
    return exe


def test_a_browser_that_dies_as_it_starts_is_started_again(tmp_path):
    # Seen once in CI: Chromium died of SIGSEGV in its first milliseconds and the whole
    # export failed. An unattended build tries the launch again.
    from ipdossier.export.printer import LAUNCH_ATTEMPTS

    exe = _flaky_chromium(tmp_path, crashes=LAUNCH_ATTEMPTS - 1)
    with PdfPrinter(executable=exe) as p:
        pdf = p.pdf_bytes("<p>printed after two crashes</p>", header_title="t")
    assert "printed after two crashes" in text_of(PdfReader(io.BytesIO(pdf)))
    assert (tmp_path / "starts").read_text().strip() == str(LAUNCH_ATTEMPTS)


def test_a_browser_that_never_starts_is_a_missing_dependency(tmp_path):
    from ipdossier.errors import MissingDependency
    from ipdossier.export.printer import LAUNCH_ATTEMPTS

    exe = _flaky_chromium(tmp_path, crashes=LAUNCH_ATTEMPTS)
    with pytest.raises(MissingDependency, match=f"{LAUNCH_ATTEMPTS} attempts"):
        with PdfPrinter(executable=exe):
            pass
    assert (tmp_path / "starts").read_text().strip() == str(LAUNCH_ATTEMPTS)


def test_the_maps_land_drawn_from_arrays_with_gaps_is_the_svg_drawn_from_lists(printer):
    # The land's outlines reach plotly as arrays parted by NaN (plotly checks a list of
    # 11,000 points a side value by value): plotly.js must draw them as it drew the list
    # parted by None, byte for byte.
    import json as json_lib
    import math

    from ipdossier import notebook as nb
    from ipdossier.charts import series
    from ipdossier.theme import svg_size

    ctx = nb.setup("bth-2017-baoding", "en", "all", "", "", "")
    fig = json_lib.loads(series.map_figure(ctx).to_json())
    land = series.map_figure(ctx).data[0]
    assert not isinstance(land.x, list) and any(math.isnan(v) for v in land.x)
    as_lists = json_lib.loads(json_lib.dumps(fig))
    as_lists["data"][0]["x"] = [None if math.isnan(v) else float(v) for v in land.x]
    as_lists["data"][0]["y"] = [None if math.isnan(v) else float(v) for v in land.y]
    size = svg_size(fig)
    assert printer.svg(fig, *size) == printer.svg(as_lists, *size)
