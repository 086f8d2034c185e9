"""Pages a publisher would accept, read from the printed PDFs of every review variant
(issue 19, items 3, 4 and 8): how full each page is, type sizes, words printed over one
another, source notes on their figure's page, the sources appendix, and the bookmarks
panel shown on opening.

Everything is measured on the PDF as printed (pdfplumber's glyph boxes and drawn
paths), never on the HTML or CSS that produced it; words inside charts are text in the
PDF too. The expected side comes from the data package and the label catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import REVIEW_SLUGS, review_params
from pdfs import bookmarks, compact, nfkc, page_text, text_of
from pypdf import PdfReader

from ipdossier import data
from ipdossier.export.printer import MARGIN
from ipdossier.i18n import t

MM = 72 / 25.4
TOP = float(MARGIN["top"].removesuffix("mm")) * MM
BOTTOM = float(MARGIN["bottom"].removesuffix("mm")) * MM
# A page less full than this is a page a reader turns to find almost nothing.
MIN_FILL = 1 / 3
BODY_PT, NOTE_PT = 8.0, 7.0
# Glyph boxes may touch or overlap by kerning; labels printed over one another overlap by
# much more than this, in both directions.
OVERLAP_PT = 1.0
# Text that belongs in data/ and the manifest, not in a reader's sources list.
WORKFLOW = re.compile(
    r"sha256|drafted|ipdossier extract|shared/|page furniture|\.txt\b|opening excerpt",
    re.IGNORECASE,
)


def slug_language(slug: str) -> str:
    return "zh" if slug.endswith("zh") else "en"


@dataclass
class Page:
    number: int  # 1-based
    fill: float  # share of the text area from its top to the lowest thing printed
    first_line: str  # the first line of text below the running header
    glyphs: list[dict]  # pdfplumber chars, white space left out, header and footer too


def _ink_boxes(chars: list[dict]) -> list[dict]:
    """Glyph boxes ending where the next glyph of the same run begins. pdfplumber gives
    each glyph its font's full advance, but Chromium sets CJK punctuation half-width
    (text-spacing-trim), so that box would overlap its neighbour's in every such line."""
    out = []
    for i, c in enumerate(chars):
        c = dict(c)
        nxt = chars[i + 1] if i + 1 < len(chars) else None
        if (
            nxt is not None
            and c["upright"]
            and abs(nxt["bottom"] - c["bottom"]) < 0.5
            and c["x0"] + 0.5 < nxt["x0"] < c["x1"]
        ):
            c["x1"] = nxt["x0"]
        out.append(c)
    return out


@cache
def pages_of(pdf: Path) -> tuple[Page, ...]:
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            height = float(page.height)
            area_top, area_bottom = TOP, height - BOTTOM
            glyphs = _ink_boxes([c for c in page.chars if c["text"].strip()])
            inside = [
                c for c in glyphs if c["top"] >= area_top - 1 and c["bottom"] <= area_bottom + 1
            ]
            # Drawn things: chart paths and rules, table backgrounds, images.
            drawn = [
                o
                for o in (*page.rects, *page.curves, *page.lines, *page.images)
                if o["top"] >= area_top - 1
                and o["bottom"] <= area_bottom + 1
                # A page-sized white background is not content.
                and not (o["width"] > page.width * 0.9 and o["height"] > height * 0.9)
            ]
            lowest = max((o["bottom"] for o in (*inside, *drawn)), default=area_top)
            fill = (lowest - area_top) / (area_bottom - area_top)
            lines: dict[int, list[dict]] = {}
            for c in inside:
                lines.setdefault(round(c["top"]), []).append(c)
            first = ""
            if lines:
                top_line = lines[min(lines)]
                first = "".join(c["text"] for c in sorted(top_line, key=lambda c: c["x0"]))
            out.append(Page(page.page_number, fill, nfkc(first), glyphs))
    return tuple(out)


def chapter_ends(pdf: Path) -> set[int]:
    """1-based pages that end a chapter (the cover, contents, each chapter, the sources):
    the page before each top-level bookmark's, and the last."""
    reader = PdfReader(pdf)
    starts = sorted({page for _, page in bookmarks(reader)})
    return {1, len(reader.pages)} | {s - 1 for s in starts if s > 1}


# Full-width punctuation keeps its ink in one half of its em box; the CJK font's spacing
# features (Chromium applies them) set two such marks, or one beside a bracket, half a box
# closer ("(“十三五”", "）、"): the boxes overlap, the ink does not.
FULL_WIDTH_PUNCTUATION = set("“”‘’（）「」『』《》〈〉【】、，。：；！？")


def _squeezed_pair(a: dict, b: dict) -> bool:
    same_line = abs(a["bottom"] - b["bottom"]) < 0.5 and a["size"] == b["size"]
    return same_line and bool({a["text"], b["text"]} & FULL_WIDTH_PUNCTUATION)


def overlaps(glyphs: list[dict], tolerance: float = OVERLAP_PT) -> list[tuple[dict, dict]]:
    """Pairs of glyphs whose boxes overlap by more than `tolerance` in both directions
    (full-width punctuation set close by the font's spacing excepted)."""
    boxes = sorted(glyphs, key=lambda c: c["x0"])
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b["x0"] >= a["x1"] - tolerance:
                break
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if dx > tolerance and dy > tolerance and not _squeezed_pair(a, b):
                found.append((a, b))
    return found


def word_at(glyphs: list[dict], glyph: dict) -> str:
    """The run of glyphs on the same baseline around `glyph`, for a readable report."""
    line = sorted(
        (
            c
            for c in glyphs
            if abs(c["bottom"] - glyph["bottom"]) < 0.5 and c["size"] == glyph["size"]
        ),
        key=lambda c: c["x0"],
    )
    i = next(k for k, c in enumerate(line) if c is glyph)
    lo = hi = i
    while lo > 0 and line[lo]["x0"] - line[lo - 1]["x1"] < glyph["size"] * 0.3:
        lo -= 1
    while hi + 1 < len(line) and line[hi + 1]["x0"] - line[hi]["x1"] < glyph["size"] * 0.3:
        hi += 1
    return "".join(c["text"] for c in line[lo : hi + 1])


@pytest.fixture(scope="module", params=review_params(REVIEW_SLUGS))
def variant(request, review) -> tuple[str, Path]:
    return request.param, review / request.param / "dossier.pdf"


def test_no_page_is_less_than_a_third_full_but_a_chapters_last(variant):
    slug, pdf = variant
    ends = chapter_ends(pdf)
    thin = [
        f"p{p.number} {p.fill:.0%} full"
        for p in pages_of(pdf)
        if p.number not in ends and p.fill < MIN_FILL
    ]
    assert not thin, f"{slug}: {thin}"


@pytest.mark.parametrize("slug", ["en", "zh"])
def test_the_ten_year_chart_s_page_is_filled_by_the_next_section(slug, review):
    """The ten-year chart (one panel) stood alone on a page half blank in both editions
    (51% and 49% full): the next section's heading, paragraph and chart did not fit
    under it. Drawn to its content, it leaves them room."""
    pdf = review / slug / "dossier.pdf"
    # One panel or two (pledge financing, one reported series, beside satisfaction).
    language = "zh" if slug == "zh" else "en"
    titles = [compact(t(k, language)) for k in ("continuity_title_one", "continuity_title")]
    page = next(
        p
        for p in pages_of(pdf)
        if any(title in compact("".join(g["text"] for g in p.glyphs)) for title in titles)
    )
    assert page.fill > 0.9, f"{slug}: p{page.number} {page.fill:.0%} full"


def test_type_sizes(variant):
    # Body text at least 8 pt; nothing (notes, running header and footer, chart labels)
    # under 7 pt. The body's size is the one most glyphs of the chapters are set in.
    slug, pdf = variant
    small: dict[int, set[str]] = {}
    sizes: dict[float, int] = {}
    for page in pages_of(pdf):
        # Upright glyphs only: for a rotated one (an axis title) pdfplumber's size is its
        # advance along the line, not its type size.
        for c in (g for g in page.glyphs if g["upright"]):
            size = round(c["size"], 1)
            sizes[size] = sizes.get(size, 0) + 1
            if size < NOTE_PT - 0.05:
                small.setdefault(page.number, set()).add(f"{word_at(page.glyphs, c)} ({size} pt)")
    assert not small, f"{slug}: under {NOTE_PT} pt: " + "; ".join(
        f"p{n}: {sorted(words)[:6]}" for n, words in small.items()
    )
    body = max(sizes, key=sizes.get)
    assert body >= BODY_PT, f"{slug}: body text at {body} pt"


def test_no_words_printed_over_one_another(variant):
    slug, pdf = variant
    found = []
    for page in pages_of(pdf):
        seen = set()
        for a, b in overlaps(page.glyphs):
            pair = (word_at(page.glyphs, a), word_at(page.glyphs, b))
            if pair not in seen:
                seen.add(pair)
                found.append(f"p{page.number}: {pair[0]!r} over {pair[1]!r}")
    assert not found, f"{slug}: " + "; ".join(found)


def test_source_notes_stay_on_their_figures_page(variant):
    # A figure's (or table's) note directly follows it, so a note that starts a page was
    # separated from what it sources.
    slug, pdf = variant
    source = t("source", slug_language(slug))
    stranded = [
        f"p{p.number}: {p.first_line[:60]!r}"
        for p in pages_of(pdf)
        if re.match(rf"{re.escape(source)}\s*[:：]", p.first_line)
    ]
    assert not stranded, f"{slug}: notes at the top of a page: {stranded}"


def _links_with_text(pdf: Path, pages: range) -> list[tuple[str, str]]:
    """(destination, text under the link) of every internal link on `pages` (0-based),
    in reading order."""
    found = []
    with pikepdf.open(pdf) as doc, pdfplumber.open(pdf) as plumb:
        for i in pages:
            page = doc.pages[i]
            height = float(page.mediabox[3])
            plumbed = plumb.pages[i]
            on_page = []
            for annot in page.get("/Annots") or []:
                if annot.get("/Subtype") != "/Link":
                    continue
                dest = annot.get("/Dest")
                if dest is None and "/A" in annot:
                    dest = annot.A.get("/D")
                if not isinstance(dest, (pikepdf.String, pikepdf.Name)):
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                box = (x0, height - y1, x1, height - y0)
                text = "".join(
                    c["text"]
                    for c in plumbed.chars
                    if box[0] - 0.5 <= (c["x0"] + c["x1"]) / 2 <= box[2] + 0.5
                    and box[1] - 0.5 <= (c["top"] + c["bottom"]) / 2 <= box[3] + 0.5
                )
                on_page.append((box[1], box[0], str(dest).lstrip("/"), text.strip()))
            found += [(d, txt) for _, _, d, txt in sorted(on_page)]
    return found


def test_sources_appendix_lists_what_the_variant_cites_in_order(variant, review):
    slug, pdf = variant
    language = slug_language(slug)
    reader = PdfReader(pdf)
    marks = dict(bookmarks(reader))
    appendix_start = marks[t("sources", language)]
    cites = [
        (dest.removeprefix("source-"), text)
        for dest, text in _links_with_text(pdf, range(2, appendix_start - 1))
        if dest.startswith("source-")
    ]
    assert cites, f"{slug}: no source is cited"
    # One number per source, numbered in order of first citation ...
    number: dict[str, int] = {}
    for sid, text in cites:
        assert text.isdigit(), f"{slug}: a reference reads {text!r}, not a number"
        assert number.setdefault(sid, int(text)) == int(text), f"{slug}: {sid} cited as two numbers"
    first = sorted(number.values())
    assert first == list(range(1, len(number) + 1)), f"{slug}: numbers {first}"
    in_order = list(dict.fromkeys(number[sid] for sid, _ in cites))
    # ... except that the event's own report is [1] wherever it is first cited.
    assert [n for n in in_order if n != 1] == sorted(n for n in in_order if n != 1), in_order
    sources = data.load().sources.set_index("source_id")
    events = data.load().events.set_index("event_id")
    event_id = {"tianjin-en": "bth-2014-tianjin", "tianjin-zh": "bth-2014-tianjin"}.get(
        slug, "bth-2017-baoding"
    )
    lead = events.loc[event_id, "source_id"]
    lead_url = sources.loc[lead, "url"]
    assert [sources.loc[s, "url"] for s, n in number.items() if n == 1] == [lead_url], slug

    # The appendix: each number once, in order, nothing but what is cited, no workflow notes.
    text = nfkc("\n".join(page_text(p) for p in reader.pages[appendix_start - 1 :]))
    listed = [int(n) for n in re.findall(r"^\[(\d+)\]", text, re.MULTILINE)]
    assert listed == list(range(1, len(number) + 1)), f"{slug}: appendix lists {listed}"
    urls = [u for u in sources["url"] if isinstance(u, str) and u and u in text.replace("\n", "")]
    cited_urls = {sources.loc[s, "url"] for s in number}
    assert set(urls) == cited_urls, f"{slug}: {set(urls) ^ cited_urls}"
    assert lead_url in text.split("[2]")[0].replace("\n", ""), f"{slug}: [1] is not the event's"
    flat_text = text.replace("\n", "")
    for url in cited_urls:
        assert flat_text.count(url) == 1 + flat_text.count(url + "/"), f"{slug}: {url} twice"
    assert not WORKFLOW.search(text), f"{slug}: {WORKFLOW.search(text).group(0)!r} in the appendix"
    if language == "zh":
        # No English boilerplate: the words of an entry's frame come from the catalogue.
        for phrase in ("Read on", "read ", "copy of", "mirror", "original publisher"):
            assert phrase not in text, f"{slug}: {phrase!r} in the Chinese appendix"


def test_chinese_edition_says_once_that_some_names_stay_as_the_report_spells_them(variant):
    slug, pdf = variant
    said = compact(text_of(pdf)).count(compact(t("prose_names_as_printed", "zh")))
    # The Baoding report names people and agencies no page gives in Chinese: said once,
    # under who came. Never in English; the Tianjin stop's one name has its Chinese form.
    assert said == (1 if slug == "zh" else 0), (slug, said)


def test_pdf_opens_with_its_bookmarks_shown(variant):
    slug, pdf = variant
    with pikepdf.open(pdf) as doc:
        assert doc.Root.get("/PageMode") == pikepdf.Name.UseOutlines, slug
        assert "/Outlines" in doc.Root, slug


# -- the appendix and the notes, from the export's own functions on the real data ----------


def _note_body(*rows: tuple[str, int | None], language: str = "en") -> str:
    import pandas as pd

    from ipdossier import notebook

    frame = pd.DataFrame(rows, columns=["source_id", "para"])
    return notebook.source_note(frame, language)


def test_notes_cite_by_number_in_order_of_first_citation_and_sorted_within_a_note():
    from ipdossier.export import html

    sources = data.load().sources
    first = _note_body(("gov-cn-guofa-2016-86", None), ("chinaip-1456", 5))
    second = _note_body(
        ("cnipa-en-2021-03-09", None),
        ("gov-cn-guofa-2016-86", None),
        ("chinaip-1456", 6),
        ("reuters-2017-06-21", None),
    )
    cited = html.citations([first, second], sources, lead="chinaip-1456")
    assert cited.numbers == {
        "chinaip-1456": 1,
        "gov-cn-guofa-2016-86": 2,
        "cnipa-en-2021-03-09": 3,
        "reuters-2017-06-21": 4,
    }
    text = re.sub(r"<[^>]+>", "", html.number_citations(second, cited, "en"))
    assert text == "Source: [1], para. 6; [2, 3, 4]."
    zh = _note_body(("reuters-2017-06-21", None), ("chinaip-1456", 6), language="zh")
    assert re.sub(r"<[^>]+>", "", html.number_citations(zh, cited, "zh")) == "来源：[1]第6段；[4]。"


def test_a_page_cited_by_two_rows_is_one_reference_in_a_note():
    # The Tianjin report is two rows of the data (a quoted page and the stored text of the
    # same URL): one entry, one number, and "[1], para. 5; [1]" would read as two sources.
    from ipdossier.export import html

    sources = data.load().sources
    body = _note_body(("haobrand-1876", 5), ("tjrb-2014-11-13-tianjin-stop", None))
    cited = html.citations([body], sources, lead="haobrand-1876")
    assert cited.number("haobrand-1876") == cited.number("tjrb-2014-11-13-tianjin-stop") == 1
    text = re.sub(r"<[^>]+>", "", html.number_citations(body, cited, "en"))
    assert text == "Source: [1], para. 5."


def test_one_url_is_one_source_and_the_appendix_holds_no_workflow_notes():
    from ipdossier.export import html

    sources = data.load().sources
    # The Tianjin report is in the data twice (as read, and as drafted from the article).
    body = _note_body(
        ("tjrb-2014-11-13-tianjin-stop", None), ("chinaip-1456", 1), ("haobrand-1876", 5)
    )
    cited = html.citations([body], sources, lead="haobrand-1876")
    assert cited.numbers == {"haobrand-1876": 1, "chinaip-1456": 2}
    assert cited.number("tjrb-2014-11-13-tianjin-stop") == 1
    for language in ("en", "zh"):
        rows = html._source_rows(sources, language, cited)
        assert [r["label"] for r in rows] == ["1", "2"]
        tianjin = rows[0]
        assert tianjin["aliases"] == ["tjrb-2014-11-13-tianjin-stop"]
        assert tianjin["url"] == "http://www.haobrand.cn/View/chanquan/1876.html"
        words = " ".join(str(v) for r in rows for v in r.values())
        assert not WORKFLOW.search(words), WORKFLOW.search(words)
        assert "天津日报" in tianjin["meta"] and "haobrand.cn" in tianjin["meta"]
    en = html._source_rows(sources, "en", cited)[0]["meta"]
    # The newspaper's English name beside its Chinese one (publisher_en, from a page).
    assert "copy of Tianjin Daily (天津日报) on haobrand.cn" in en, en
    zh = html._source_rows(sources, "zh", cited)
    assert not re.search(r"[A-Za-z]{3,}", zh[0]["meta"].replace("haobrand.cn", "")), zh[0]


def _every_source_cited():
    from ipdossier.export import html

    sources = data.load().sources
    body = _note_body(*((sid, None) for sid in sources["source_id"]))
    return html.citations([body], sources)


def _appendix(language: str) -> list[dict]:
    from ipdossier import derive
    from ipdossier.export import html, report

    dossier = data.load()
    sources = dossier.localised(language).sources
    if language == "en":
        sources = report.with_english_publishers(sources, derive.english_names(dossier))
    return html._source_rows(sources, language, _every_source_cited())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_appendix_names_the_host_of_a_copy_once(language):
    from urllib.parse import urlsplit

    for row in _appendix(language):
        if not row["url"]:
            continue
        labels = (urlsplit(row["url"]).hostname or "").split(".")
        # The site (baogaosu.com of xian.baogaosu.com, gov.cn of www.gov.cn) named once.
        site = ".".join(labels[-3:] if labels[-2] in {"com", "gov", "org", "net"} else labels[-2:])
        assert row["meta"].count(site) <= 1, row["meta"]
        said = ("转载", "载于") if language == "zh" else ("copy of", "copy on")
        assert sum(row["meta"].count(w) for w in said) <= 1, row["meta"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_appendix_entry_names_what_it_is(language):
    han = re.compile(r"[\u3400-\u9fff]")
    described = re.compile(r"^\[.*\]$")
    for row in _appendix(language):
        assert row["title"], row
        if language == "zh" and described.match(row["title"]):
            # The editor's description, in Chinese in the Chinese edition.
            assert han.search(row["title"]), row["title"]


def test_english_appendix_gives_chinese_publishers_their_english_names():
    by_url = {r["url"]: r["meta"] for r in _appendix("en")}
    council = by_url[
        "http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/content/2017-01/13/content_5159483.htm"
    ]
    assert "State Council of China (国务院)" in council, council
    tianjin = by_url["http://www.haobrand.cn/View/chanquan/1876.html"]
    assert "Tianjin Daily (天津日报)" in tianjin, tianjin
    # A Chinese name with no English one from the data stays as printed, alone.
    assert not any(re.search(r"\(\s*\)", m) for m in by_url.values())


def test_a_publisher_is_a_body_never_a_person_with_a_title():
    publishers = data.load().sources["publisher"].dropna().astype(str)
    titled = publishers[publishers.str.contains(r"副?(?:局长|司长|处长|市长|主任)")]
    assert titled.empty, list(titled)


def test_html_edition_has_margins_and_a_readable_line_length(review):
    # Read on a wide screen, as a browser lays it out (scripts off: text and layout only).
    from playwright.sync_api import sync_playwright

    from ipdossier.export.browser import find_chromium

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        try:
            page = browser.new_page(
                viewport={"width": 1600, "height": 1000}, java_script_enabled=False
            )
            for slug in ("en", "zh"):
                page.goto((review / slug / "dossier.html").as_uri())
                box = page.evaluate(
                    """() => {
                      const p = [...document.querySelectorAll('section.chapter p')]
                        .sort((a, b) => b.textContent.length - a.textContent.length)[0];
                      const r = p.getBoundingClientRect();
                      const em = parseFloat(getComputedStyle(p).fontSize);
                      return {left: r.left, right: r.right, width: r.width, em: em};
                    }"""
                )
                assert box["left"] >= 100 and 1600 - box["right"] >= 100, (slug, box)
                # 75 characters of about half an em; a Chinese line of about 40 characters.
                assert box["width"] <= 75 * box["em"] * 0.62, (slug, box)
        finally:
            browser.close()
