"""Text as the PDF prints it: long names in tables and emoji.

A chapter holding a table made by `notebook.table` (as the notebooks make theirs) is
printed by the dossier exporter; the PDF's text layer and font sizes are read back. The
expected sizes come from the report's stylesheet, not from the exporter.
"""

from __future__ import annotations

import io
import re
from importlib import resources

import pandas as pd
import pdfs
import pytest
from helpers import edit_cell
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from ipdossier import notebook as nb
from ipdossier.export.exporter import DossierPDFExporter

pytestmark = pytest.mark.slow

PROSE = "A chapter with a table of the organisations that took part."
# A name with a run too long for any column (written without spaces, as some names and
# identifiers are): the table must wrap it inside its cell.
LONG_NAME = (
    "Zhongguancun IntellectualPropertyServiceIndustryTechnologyInnovationStrategicAlliance"
    "SecretariatForTheCoordinatedDevelopmentOfBeijingTianjinAndHebei"
)
MARKUP = "<img src=x onerror=alert(1)>"
EMOJI = "\U0001f4c8\u2705"  # chart increasing, check mark button


def _table_html(df: pd.DataFrame) -> str:
    InteractiveShell.instance()
    with capture_output() as shown:
        nb.table(df)
    (output,) = shown.outputs
    return output.data["text/html"]


def _print(cells) -> PdfReader:
    notebook = new_notebook(cells=cells)
    pdf, _ = DossierPDFExporter().from_notebook_node(notebook, {"metadata": {"name": "t"}})
    return PdfReader(io.BytesIO(pdf))


def _html_cell(markup: str):
    return new_code_cell(
        "", outputs=[new_output("display_data", data={"text/html": markup, "text/plain": ""})]
    )


def _font_size(reader: PdfReader, needle: str) -> float:
    """The printed size (pt) of the first text run holding `needle`: the font size scaled
    by the text and page matrices (Chromium scales the page when content overflows it)."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if needle in text:
            sizes.append(size * tm[3] * cm[3])

    reader.pages[0].extract_text(visitor_text=visit)
    assert sizes, f"{needle!r} not printed on the first page"
    return round(abs(sizes[0]), 2)


def _css_size(selector: str) -> float:
    css = (resources.files("ipdossier.export") / "templates" / "report.css").read_text()
    rule = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert rule, selector
    return float(re.search(r"font-size:\s*([\d.]+)pt", rule.group(1)).group(1))


@pytest.fixture(scope="module")
def table_pdf() -> PdfReader:
    # The shape of the series table (a narrow column of short place names beside a wide
    # one), with the long name among the values.
    df = pd.DataFrame(
        {
            "No.": [1, 1],
            "Place": ["Tianjin", "Tianjin"],
            "Fact": ["organiser", MARKUP],
            "Value": [LONG_NAME, ">100 enterprises and service agencies of Beijing and Tianjin"],
            "Source": ["tjrb-2014-11-13-tianjin-stop", "tjrb-2014-11-13-tianjin-stop"],
        }
    )
    return _print([new_markdown_cell(f"# Organisations\n\n{PROSE}"), _html_cell(_table_html(df))])


def test_a_long_name_wraps_inside_its_cell_and_prints_whole(table_pdf):
    text = pdfs.text_of(table_pdf, range(1))
    assert pdfs.compact(LONG_NAME) in pdfs.compact(text)
    # Nothing shrank to fit: prose and table print at the stylesheet's sizes.
    assert _font_size(table_pdf, "A chapter with a table") == _css_size("html")
    assert _font_size(table_pdf, "Zhongguancun") == _css_size("table.ipd-table")


def test_markup_in_a_table_cell_prints_as_text(table_pdf):
    # Cells are escaped by notebook.table itself (it marks long runs): markup stays text.
    assert pdfs.compact(MARKUP) in pdfs.compact(pdfs.text_of(table_pdf, range(1)))


def test_short_words_in_narrow_columns_are_not_split(table_pdf):
    # Breaking anywhere is kept to the long run: a place name stays one word.
    lines = pdfs.text_of(table_pdf, range(1)).splitlines()
    assert sum(re.findall(r"\bTianjin\b", line) != [] for line in lines) >= 2, lines
    assert not any(line.strip() in ("n", "jin", "anjin") for line in lines), lines


def _image_glyphs(reader: PdfReader) -> int:
    """Glyphs drawn as images: Chromium prints a colour emoji as a Type 3 glyph that paints
    its bitmap, and an emoji no font has as an outlined empty box."""
    count = 0
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") != "/Type3":
                continue
            for proc in font["/CharProcs"].values():
                if re.search(rb"/\S+ Do\b", proc.get_object().get_data()):
                    count += 1
    return count


def test_emoji_print_in_colour_not_as_boxes():
    reader = _print([new_markdown_cell(f"# Emoji\n\nGrowth {EMOJI} reported.")])
    assert EMOJI in pdfs.text_of(reader, range(1))
    assert _image_glyphs(reader) == len(EMOJI)


# -- go.Table cells (the speeches table) --------------------------------------------------------

LONG_THEME_ZH = (
    "支持知识产权服务业在京津冀三地协同发展的相关政策与措施，"
    "以及品牌机构落户河北后的配套服务安排和人才培养计划"
)

# Each cell's text box against its cell's rectangle, as the browser lays out the SVG.
_OVERFLOWING = """() => [...document.querySelectorAll('g.column-cell')].flatMap(cell => {
    const rect = cell.querySelector('rect.cell-rect');
    const text = cell.querySelector('text.cell-text');
    if (!rect || !text || !text.textContent.trim()) return [];
    const r = rect.getBoundingClientRect(), t = text.getBoundingClientRect();
    return (t.left < r.left - 0.5 || t.right > r.right + 0.5) ? [text.textContent] : [];
})"""


def _drawn_cells(svg: str, script: str):
    from playwright.sync_api import sync_playwright

    from ipdossier.export.browser import find_chromium

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
            return page.evaluate(script)
        finally:
            browser.close()


def _set_names_zh(path, resource: str, key: str, column: str, zh: str) -> None:
    import csv

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    (row,) = [r for r in rows[1:] if r[:3] == [resource, key, column]]
    row[3] = zh
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_speeches_table_cells_wrap_within_their_columns(language, data_copy, monkeypatch):
    import plotly.io as pio

    from ipdossier import theme
    from ipdossier.charts import attendance

    edit_cell(data_copy / "organisations.csv", "dawei", "name", LONG_NAME)
    _set_names_zh(data_copy / "names_zh.csv", "speeches", "s-liu", "theme", LONG_THEME_ZH)
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    fig = attendance.speeches_figure(nb.setup(renderer="json", language=language))
    width, height = theme.svg_size(fig.to_plotly_json()["layout"])
    svg = pio.to_image(fig, format="svg", width=width, height=height).decode()

    assert _drawn_cells(svg, _OVERFLOWING) == []
    # Everything is still there, only wrapped.
    cells = pdfs.compact(" ".join(" ".join(col) for col in fig.data[0].cells.values))
    cells = cells.replace("<br>", "")
    long_value = LONG_THEME_ZH if language == "zh" else LONG_NAME
    assert pdfs.compact(long_value) in cells
