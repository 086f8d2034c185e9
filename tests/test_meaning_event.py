"""What the review variants say of their own event, read back from the built run (the
session's `review` build: default en and zh, the Tianjin stop en and zh, the Hebei filter):

- the series table never says "not stated" (未载明) beside the values of the row of the
  event the variant reports;
- no internal identifier (an event, figure or policy id, a table's name) is printed in
  the chapters on the event, the series and the policies;
- participation is drawn on a linear scale, without the series-wide count.
"""

from __future__ import annotations

import html
import json
import re

import nbformat
import pdfs
import pytest
from conftest import REVIEW_SLUGS, review_params
from pypdf import PdfReader

from ipdossier import data
from ipdossier.paths import notebooks_dir

ROOT = notebooks_dir().parent

pytestmark = pytest.mark.slow

CHAPTERS = ["01_event", "02_series", "03_policies"]
NOT_STATED = ("not stated", "未载明", "未说明")


def _params(review, slug: str) -> dict:
    """The variant's parameters, as papermill recorded them in its executed notebook."""
    nb = nbformat.read(review / slug / "notebooks" / "02_series.ipynb", as_version=4)
    return dict(nb.metadata["papermill"]["parameters"])


def _tables(executed) -> list[list[list[str]]]:
    """Every HTML table a notebook printed: rows of cell texts, header first."""
    nb = nbformat.read(executed, as_version=4)
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            markup = out.get("data", {}).get("text/html", "")
            markup = "".join(markup) if isinstance(markup, list) else markup
            for table in re.findall(r"<table.*?</table>", markup, re.DOTALL):
                rows = []
                for row in re.findall(r"<tr.*?</tr>", table, re.DOTALL):
                    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
                    rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
                found.append(rows)
    return found


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_the_events_own_row_of_the_series_table_never_says_not_stated(review, slug):
    params = _params(review, slug)
    dossier = data.load()
    series = dossier.series
    mine = series[series["event_id"] == params["event_id"]]
    assert len(mine) == 1, f"{slug}: the variant's event is not in the series"
    position = str(int(mine["position"].iloc[0]))
    (table,) = [t for t in _tables(review / slug / "notebooks" / "02_series.ipynb") if len(t) > 5]
    header, rows = table[0], table[1:]
    assert len(rows) == len(series)
    (row,) = [r for r in rows if r[0] == position]
    cells = dict(zip(header, row, strict=True))
    note = row[-1]
    shown = [v for k, v in cells.items() if k != header[-1] and v not in ("", "—")]
    # The row shows its own date and participation (from its report) ...
    assert len(shown) >= 4, f"{slug}: row {position} shows {cells}"
    # ... and its note never calls them unstated, and says the row is this dossier's event.
    assert not any(w in note for w in NOT_STATED), f"{slug}: row {position}: {note!r}"
    assert note.startswith(("The event of this dossier", "本报告所述活动")), note
    # What the notebook printed is what the PDF prints.
    pdf = pdfs.compact(pdfs.text_of(review / slug / "02_series.pdf"))
    assert pdfs.compact(note) in pdf


def _internal_ids() -> set[str]:
    d = data.load()
    ids = set(d.events["event_id"]) | set(d.figures["figure_id"]) | set(d.policies["policy_id"])
    package = json.loads(d.path.read_text(encoding="utf-8"))
    ids |= {r["name"] for r in package["resources"]}
    # Only what reads as an identifier: a word with a hyphen or underscore (a plain word
    # such as "attendees" or "parts" is also English).
    return {i for i in ids if isinstance(i, str) and re.search(r"[-_]", i)}


def _chapter_text(pdf) -> str:
    """A chapter's own pages, without the sources appendix each chapter PDF ends with."""
    reader = PdfReader(pdf)
    pages = []
    for page in reader.pages:
        text = pdfs.nfkc(pdfs.page_text(page))
        body = "\n".join(text.splitlines()[1:3])
        if re.search(r"^(Sources|资料来源)\s*$", body, re.MULTILINE):
            break
        pages.append(text)
    return "\n".join(pages)


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_no_internal_identifier_is_printed(review, slug):
    ids = _internal_ids()
    assert {"series_facts", "bth-2014-tianjin", "series-reach"} <= ids
    for chapter in CHAPTERS:
        text = _chapter_text(review / slug / f"{chapter}.pdf")
        # A guard that text was read; a chapter with nothing to show is a sentence or two.
        assert len(text) > 150, f"{slug}/{chapter}: no chapter text read"
        joined = "".join(text.split())
        printed = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
        # A column may break an id at its hyphen: look again without white space.
        printed |= {i for i in ids if f"event{i}" in joined}
        assert not printed, f"{slug}/{chapter} prints {sorted(printed)}"


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_participation_is_linear_and_the_events_own(review, slug):
    found = pdfs.svgs(review / slug / "notebooks" / "01_event.ipynb")
    # The chapter's first chart is participation (each review variant has counts).
    fig = found[0][0]
    assert any(t.get("type") == "bar" for t in fig["data"]), f"{slug}: {fig['layout']['title']}"
    assert fig["layout"]["xaxis"].get("type", "linear") == "linear"
    assert fig["layout"]["xaxis"]["range"][0] == 0
    labels = {re.sub(r"</?b>", "", a.get("text", "")) for a in fig["layout"].get("annotations", [])}
    assert not {"~1,000", "近1,000家"} & labels, (
        f"{slug}: the series' count is drawn as this event's"
    )


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_map_labels_never_collide_as_drawn(review, slug):
    """The series map's place names, as the build drew them (the SVG in the PDF): no name's
    box overlaps another's, a place's marker or an islet's dot, and the legend's colours
    are the markers'."""
    from xml.etree import ElementTree

    found = pdfs.svgs(review / slug / "notebooks" / "02_series.ipynb")
    (fig, svg), *_ = found
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    parents = {child: parent for parent in root.iter() for child in parent}

    labels = []
    for rect in root.iter(f"{ns}rect"):
        if "bg" not in (rect.get("class") or "").split():
            continue
        group = parents[rect]
        if "cursor-pointer" not in (group.get("class") or ""):
            continue
        x, y = pdfs.svg_absolute(group, parents)
        x += float(rect.get("x")) + 1
        y += float(rect.get("y")) + 1
        labels.append((x, y, x + float(rect.get("width")) - 2, y + float(rect.get("height")) - 2))
    assert len(labels) == len(data.load().series), f"{slug}: {len(labels)} place names drawn"
    markers, islets = [], []
    for path in root.iter(f"{ns}path"):
        if "point" not in (path.get("class") or "").split():
            continue
        radius = re.search(r"A([\d.]+),", path.get("d") or "")
        if radius:
            x, y = pdfs.svg_absolute(path, parents)
            r = float(radius.group(1))
            (markers if r >= 4 else islets).append((x - r, y - r, x + r, y + r))
    assert len(markers) >= len(labels)
    markers += islets
    for a, b in [(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :]]:
        assert not _overlap(a, b), f"{slug}: place names overlap: {a} {b}"
    for box in labels:
        hits = [m for m in markers if _overlap(box, m)]
        assert not hits, f"{slug}: a place name {box} covers a marker {hits}"
    # Each legend entry is one trace in one colour: the markers' own.
    shown = [t for t in fig["data"] if t.get("name") and t.get("mode") == "markers"]
    assert len(shown) >= 1
    for trace in shown:
        assert isinstance(trace["marker"]["color"], str), trace["name"]


def test_an_event_of_two_days_is_marked_by_both_days_on_the_time_charts():
    """The timelines named the Baoding event "2017-07-05" though it ran 5–6 July."""
    from ipdossier import notebook as nb
    from ipdossier.charts import policies, targets

    for language, days in (("en", "5–6 July 2017"), ("zh", "2017年7月5日至6日")):
        ctx = nb.setup("bth-2017-baoding", language, renderer="json")
        for fig in (policies.timeline_figure(ctx), targets.chain_figure(ctx)):
            texts = [a.text for a in fig.layout.annotations if a.text]
            assert any(days in text for text in texts), texts


def test_speeches_is_a_section_of_the_contents():
    """The printed contents lists a chapter's level-2 headings: "Speeches" was a level-3
    heading, so it was missing from them though it heads a table of its own."""
    source = (ROOT / "notebooks" / "01_event.ipynb").read_text(encoding="utf-8")
    assert source.count('nb.heading(\\"speeches\\", ctx)') == 2
    assert "level=3" not in source


def test_the_speeches_table_starts_every_cell_of_a_row_level():
    """go.Table set a two-line organisation lower than the one-line speaker beside it:
    every cell of a row has the row's number of lines."""
    from ipdossier import notebook as nb
    from ipdossier.charts import attendance

    for language in ("en", "zh"):
        fig = attendance.speeches_figure(nb.setup("bth-2017-baoding", language, renderer="json"))
        columns = fig.data[0].cells.values
        for row in zip(*columns, strict=True):
            assert len({cell.count("<br>") for cell in row}) == 1, row


def test_a_chinese_place_name_stays_on_one_line_in_the_series_table(review):
    """The zh series table broke "黑龙江省" into "黑龙江" / "省": its place column is a
    column of terms, kept a term wide."""
    import subprocess

    places = [str(p) for p in _series_places("zh") if isinstance(p, str) and len(p) >= 4]
    assert places, "no place of four characters or more to check"
    text = subprocess.run(
        ["pdftotext", "-layout", str(review / "zh" / "02_series.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table_lines = [ln for ln in text.splitlines() if re.match(r"\s*\d+\s+\S", ln)]
    for place in places:
        assert any(place in ln for ln in table_lines), (place, table_lines)


def _series_places(language: str) -> list:
    """The series table's place names in `language`, as the notebook derives them."""
    from ipdossier import derive
    from ipdossier import notebook as nb

    return list(
        derive.series_table(nb.setup("bth-2017-baoding", language, renderer="json"))["place"]
    )
