"""The variants other than the default stand on their own (review of 2026-12-02, N8, N9 and
the near-empty pages), read back from the session's `review` build:

- the Tianjin stop (2014) shows no plan of another province that its sources do not
  cite, and says so; its policy chain marks its own event at the month its own report
  gives and cites that report, and speaks of no "article";
- a chapter with nothing but sentences for a variant does not take a page of its own,
  no page holds only headings over "not stated", no page is blank, and the contents
  still give the page each chapter starts on;
- in the Hebei edition every chart says whether the filter applies to it, and a filtered
  chart draws no empty row or column, saying in a sentence what it left out; the table
  under the province's chart does not repeat the rows of the chart above it.

The expected side comes from the data package and the label catalogue.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from pdfs import bookmarks, compact, flat, nfkc
from pypdf import PdfReader
from test_pages import MIN_FILL, pages_of

from ipdossier import data
from ipdossier.i18n import catalogue, month, t

pytestmark = pytest.mark.slow

TIANJIN = ["tianjin-en", "tianjin-zh"]
PLOTLY = "application/vnd.plotly.v1+json"


def _language(slug: str) -> str:
    return "zh" if slug.endswith("zh") else "en"


def _notebook(review: Path, slug: str, stem: str):
    return nbformat.read(review / slug / "notebooks" / f"{stem}.ipynb", as_version=4)


def _outputs(review: Path, slug: str, stem: str) -> list[dict]:
    """A chapter's outputs in order: {"figure": plotly dict} or {"text": markdown/HTML}."""
    found = []
    for cell in _notebook(review, slug, stem).cells:
        for out in cell.get("outputs", []):
            bundle = out.get("data", {})
            if PLOTLY in bundle:
                found.append({"figure": bundle[PLOTLY]})
                continue
            text = bundle.get("text/markdown") or bundle.get("text/html") or ""
            found.append({"text": "".join(text) if isinstance(text, list) else text})
    return found


def _figures(review: Path, slug: str, stem: str) -> list[dict]:
    return [o["figure"] for o in _outputs(review, slug, stem) if "figure" in o]


def _words(review: Path, slug: str, stem: str) -> str:
    """A chapter's prose and tables as one line of text, markup and emphasis removed."""
    texts = [o["text"] for o in _outputs(review, slug, stem) if "text" in o]
    return flat(html.unescape(" ".join(texts))).replace("*", "")


def _title(fig: dict) -> str:
    return flat(fig["layout"]["title"]["text"])


def _subtitle(fig: dict) -> str:
    return flat(fig["layout"]["title"].get("subtitle", {}).get("text", ""))


def _event_id(review: Path, slug: str) -> str:
    return _notebook(review, slug, "01_event").metadata["papermill"]["parameters"]["event_id"]


def _body_pages(pdf: Path) -> range:
    """0-based pages of the chapters: after the contents, before the sources appendix."""
    reader = PdfReader(pdf)
    marks = bookmarks(reader)
    return range(marks[1][1] - 1, marks[-1][1] - 1)


# -- the Tianjin stop -----------------------------------------------------------------------


@pytest.mark.parametrize("slug", TIANJIN)
def test_tianjin_shows_no_plan_of_another_province_and_says_so(review, slug):
    language = _language(slug)
    dossier = data.load()
    event = dossier.events.set_index("event_id").loc[_event_id(review, slug)]
    home = event["place"].rsplit(",", 1)[-1].strip()
    assert home == "Tianjin", event["place"]
    cited = set(dossier.citations.loc[dossier.citations["event_id"] == event.name, "policy_id"])
    p = dossier.policies
    elsewhere = p[
        p["level"].isin(["provincial", "municipal"])
        & p["jurisdiction"].notna()
        & (p["jurisdiction"] != home)
        & ~p["policy_id"].isin(cited)
    ]
    planned = elsewhere[elsewhere["policy_id"].isin(set(dossier.indicators["policy_id"]))]
    assert len(planned), "the data hold no plan of another province with targets"
    pdf = review / slug / "dossier.pdf"
    text = compact("\n".join(PdfReader(pdf).pages[i].extract_text() for i in _body_pages(pdf)))
    for _, doc in elsewhere.iterrows():
        for shown in (doc["doc_number"], doc["title_zh"] if language == "zh" else doc["title"]):
            if isinstance(shown, str) and shown:
                assert compact(shown) not in text, f"{slug}: {shown!r} is shown"
    provinces = sorted(set(planned["jurisdiction"]))
    said = t("prose_targets_elsewhere_none", language).format(
        provinces=("、" if language == "zh" else ", ").join(t(j, language) for j in provinces),
        home=t(home, language),
    )
    assert compact(said) in compact(_words(review, slug, "04_targets")), slug


@pytest.mark.parametrize("slug", TIANJIN)
def test_tianjin_chain_marks_its_own_event_and_cites_its_own_report(review, slug):
    language = _language(slug)
    dossier = data.load()
    event_id = _event_id(review, slug)
    lead = dossier.events.set_index("event_id").loc[event_id, "source_id"]
    position = dossier.series.loc[dossier.series["event_id"] == event_id, "position"].iloc[0]
    facts = dossier.series_facts
    stated = facts[(facts["position"] == position) & (facts["field"] == "date")]
    when = str(stated["value"].iloc[0])
    outputs = _outputs(review, slug, "04_targets")
    prefix = flat(t("chain_title_plain", language).split("{")[0])
    at = next(
        i for i, o in enumerate(outputs) if "figure" in o and _title(o["figure"]).startswith(prefix)
    )
    chain = outputs[at]["figure"]
    labels = [flat(a.get("text", "")) for a in chain["layout"].get("annotations", [])]
    mark = flat(t("event_month", language).format(month=month(when, language)))
    assert mark in labels, (slug, labels)
    lines = [s for s in chain["layout"].get("shapes", []) if s.get("type") == "line"]
    assert any(str(s["x0"]).startswith(when) for s in lines), (slug, lines)
    # No "article" in a variant whose report is not the Baoding article.
    names = [tr.get("name", "") for tr in chain["data"]] + labels
    article = "文章" if language == "zh" else "article"
    assert not [n for n in names if article in n], (slug, names)
    # The note under the chart cites the event's own report (which the month comes from;
    # the package holds it under two ids with one URL, one source in the appendix).
    note = outputs[at + 1].get("text", "")
    assert "ipd-source" in note, note[:200]
    url = dossier.sources.set_index("source_id")["url"]
    cited = {url[sid] for sid in re.findall(r'data-source="([^"]+)"', note)}
    assert url[lead] in cited, (slug, cited)


# -- pages ----------------------------------------------------------------------------------


def _chapters(pdf: Path) -> list[tuple[str, int, int]]:
    """(title, first page, last page) of each chapter, 1-based, from the bookmarks: a
    chapter ends on the page before the next one starts, or on the page the next starts
    where that one starts lower on it (it runs on after this one)."""
    marks = bookmarks(PdfReader(pdf))
    out = []
    for (title, first), (_, following) in zip(marks[1:], marks[2:], strict=False):
        out.append((title, first, max(first, following - 1)))
    return out


@pytest.mark.parametrize("slug", ["en", "zh", *TIANJIN, "hebei-en"])
def test_a_chapter_of_sentences_takes_no_page_of_its_own_and_no_page_is_blank(review, slug):
    pdf = review / slug / "dossier.pdf"
    pages = {p.number: p for p in pages_of(pdf)}
    lonely = [
        f"{title}: p{first} {pages[first].fill:.0%} full"
        for title, first, last in _chapters(pdf)
        if first == last and pages[first].fill < MIN_FILL
    ]
    assert not lonely, f"{slug}: a chapter alone on a near-empty page: {lonely}"
    blank = [n for n, p in pages.items() if p.fill < 0.02]
    assert not blank, f"{slug}: blank pages {blank}"


@pytest.mark.parametrize("slug", TIANJIN)
def test_the_tianjin_policies_chapter_runs_on_after_the_series(review, slug):
    # The Tianjin report cites no policy: the chapter is two sentences and "not stated".
    pdf = review / slug / "dossier.pdf"
    language = _language(slug)
    reader = PdfReader(pdf)
    marks = bookmarks(reader)
    starts = [page for _, page in marks]
    policies = dict(marks)[
        _notebook(review, slug, "03_policies").metadata["ipdossier"][
            "title_zh" if language == "zh" else "title"
        ]
    ]
    series = max(p for p in starts if p < policies)
    page = next(p for p in pages_of(pdf) if p.number == policies)
    assert page.first_line != marks[starts.index(policies)][0], f"{slug}: it opens p{policies}"
    assert policies > series
    # The series chapter's own PDF keeps the page it shares with the policies chapter.
    own = PdfReader(review / slug / "02_series.pdf")
    body = dict(bookmarks(own))[t("sources", language)] - 1
    assert body == policies - series + 1, (slug, body, series, policies)


@pytest.mark.parametrize("slug", ["en", "zh", *TIANJIN, "hebei-en"])
def test_the_contents_give_each_chapters_first_page(review, slug):
    # A chapter that runs on after another starts on a page it shares: the contents say so.
    reader = PdfReader(review / slug / "dossier.pdf")
    lines = {" ".join(ln.split()) for ln in nfkc(reader.pages[1].extract_text()).splitlines()}
    for title, page in bookmarks(reader)[1:]:
        assert " ".join(f"{nfkc(title)} {page}".split()) in lines, (slug, title, page, lines)


def _not_stated_phrases(language: str) -> list[str]:
    frame = t("not_stated_event", language).replace("*", "")
    whats = [k for k in catalogue() if k.startswith("what_")]
    return [compact(frame.format(what=t(k, language))) for k in whats]


@pytest.mark.parametrize("slug", ["en", "zh", *TIANJIN, "hebei-en"])
def test_no_page_holds_only_headings_over_not_stated(review, slug):
    language = _language(slug)
    pdf = review / slug / "dossier.pdf"
    reader = PdfReader(pdf)
    furniture = [compact(t("dossier_title", language))]
    headings = sorted(
        (compact(t(k, language)) for k in catalogue() if k.startswith("h_")), key=len, reverse=True
    )
    phrases = sorted(_not_stated_phrases(language), key=len, reverse=True)
    empty = []
    for i in _body_pages(pdf):
        text = compact(reader.pages[i].extract_text())
        text = re.sub(r"Page\d+of\d+|第\d+页，?共\d+页", "", text)
        said = [p for p in phrases if p in text]
        if not said:
            continue
        for piece in [*furniture, *phrases, *headings]:
            text = text.replace(piece, "")
        if not re.search(r"\w", text):
            empty.append(f"p{i + 1}")
    assert not empty, f"{slug}: pages with only headings and 'not stated': {empty}"


# -- the Hebei edition ----------------------------------------------------------------------

CHAPTERS = ["01_event", "02_series", "03_policies", "04_targets"]


def test_every_hebei_chart_says_whether_the_filter_applies(review):
    tag = t("Hebei", "en")
    everywhere = t("filter_not_applied", "en").format(filter=tag)
    seen = {}
    for stem in CHAPTERS:
        for fig in _figures(review, "hebei-en", stem):
            seen[_title(fig)] = _subtitle(fig)
    assert seen
    wrong = {title: sub for title, sub in seen.items() if sub not in (tag, everywhere)}
    assert not wrong, wrong
    assert tag in seen.values() and everywhere in seen.values(), seen
    # Unfiltered, no chart carries either tag.
    for stem in CHAPTERS:
        for fig in _figures(review, "en", stem):
            assert not _subtitle(fig), (_title(fig), _subtitle(fig))


def _marked_rows(fig: dict) -> set[str]:
    return {
        y
        for tr in fig["data"]
        if "markers" in tr.get("mode", "")
        for y in tr.get("y", [])
        if y is not None
    }


def test_the_hebei_progress_chart_draws_no_empty_row_and_names_those_left_out(review):
    dossier = data.load()
    outputs = _outputs(review, "hebei-en", "04_targets")
    axes = (t("progress_axis", "en"), t("progress_axis_ratio", "en"))
    at = next(
        i
        for i, o in enumerate(outputs)
        if "figure" in o
        and o["figure"]["layout"].get("xaxis", {}).get("title", {}).get("text") in axes
    )
    fig = outputs[at]["figure"]
    rows = fig["layout"]["yaxis"]["categoryarray"]
    ratio = fig["layout"]["xaxis"]["title"]["text"] == t("progress_axis_ratio", "en")
    bars = set(fig["data"][0]["y"]) if not ratio else set()
    empty = [r for r in rows if r not in _marked_rows(fig) | bars]
    assert not empty, f"rows with nothing drawn: {empty}"
    # The plan drawn is the Hebei one; the sentence names every indicator not drawn.
    ind = dossier.indicators[dossier.indicators["jurisdiction"] == "Hebei"]
    drawn = {int(flat(r).split(".")[0]) for r in rows}
    gone = ind[~ind["position"].isin(drawn)].sort_values("position")
    assert len(gone), "nothing left out: the test has nothing to check"
    said = t("prose_progress_left_out", "en").format(
        count=len(gone), total=len(ind), names="; ".join(gone["name_en"])
    )
    assert compact(said) in compact(_words(review, "hebei-en", "04_targets"))
    # The table under the province's chart lists the rows left out, not those drawn.
    shown = ind[ind["position"].isin(drawn)]
    tables = [o["text"] for o in outputs[at + 1 :] if "<table" in o.get("text", "")]
    verdicts = next(tb for tb in tables if t("Verdict", "en") in tb)
    cells = [flat(html.unescape(c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", verdicts, re.S)]
    for name in shown["name_en"]:
        assert name not in cells, f"{name!r} is both drawn and listed"
    for name in gone["name_en"]:
        assert name in cells, f"{name!r} is left out of the chart and of the table"


def test_the_hebei_hierarchy_has_no_empty_level_and_says_which_it_left_out(review):
    figs = _figures(review, "hebei-en", "03_policies")
    prefix = flat(t("hierarchy_title_levels", "en").split("{")[0])
    fig = next(f for f in figs if _title(f).startswith(prefix))
    ticks = fig["layout"]["xaxis"]["tickvals"]
    columns = {x for tr in fig["data"] if "markers" in tr.get("mode", "") for x in tr["x"]}
    assert set(ticks) == columns, (ticks, columns)
    named = [flat(x) for x in fig["layout"]["xaxis"]["ticktext"]]
    assert t("national", "en") not in named, named
    said = t("prose_hierarchy_left_out", "en").format(
        filter=t("Hebei", "en"), levels=t("national", "en").lower()
    )
    assert compact(said) in compact(_words(review, "hebei-en", "03_policies"))
