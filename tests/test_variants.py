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
from conftest import review_params
from pdfs import bookmarks, compact, flat, nfkc, page_text
from pypdf import PdfReader
from test_pages import MIN_FILL, pages_of

from ipdossier import data
from ipdossier.i18n import catalogue, t

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


@pytest.mark.parametrize("slug", review_params(TIANJIN))
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
    reader = PdfReader(pdf)
    text = compact("\n".join(page_text(reader.pages[i]) for i in _body_pages(pdf)))
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


@pytest.mark.parametrize("slug", review_params(TIANJIN))
def test_tianjin_chain_is_a_sentence_as_its_report_cites_no_policy(review, slug):
    # The Tianjin stop's report cites no policy, so no document is linked to it: its chain
    # drew every document of the package on an axis to 2026; a sentence says why none is.
    language = _language(slug)
    outputs = _outputs(review, slug, "04_targets")
    prefix = flat(t("chain_title_plain", language).split("{")[0])
    titles = [_title(o["figure"]) for o in outputs if "figure" in o]
    assert not [x for x in titles if x.startswith(prefix)], (slug, titles)
    words = compact(_words(review, slug, "04_targets"))
    assert compact(t("prose_chain_none", language)) in words, slug
    # No "article" in a variant whose report is not the Baoding article.
    article = "文章" if language == "zh" else "article"
    assert not [x for x in titles if article in x], (slug, titles)


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


@pytest.mark.parametrize("slug", review_params(["en", "zh", *TIANJIN, "hebei-en"]))
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


@pytest.mark.parametrize("slug", review_params(TIANJIN))
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


@pytest.mark.parametrize("slug", review_params(["en", "zh", *TIANJIN, "hebei-en"]))
def test_the_contents_give_each_chapters_first_page(review, slug):
    # A chapter that runs on after another starts on a page it shares: the contents say so.
    reader = PdfReader(review / slug / "dossier.pdf")
    lines = {" ".join(ln.split()) for ln in nfkc(page_text(reader.pages[1])).splitlines()}
    for title, page in bookmarks(reader)[1:]:
        assert " ".join(f"{nfkc(title)} {page}".split()) in lines, (slug, title, page, lines)


def _not_stated_phrases(language: str) -> list[str]:
    frame = t("not_stated_event", language).replace("*", "")
    whats = [k for k in catalogue() if k.startswith("what_")]
    return [compact(frame.format(what=t(k, language))) for k in whats]


@pytest.mark.parametrize("slug", review_params(["en", "zh", *TIANJIN, "hebei-en"]))
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
        text = compact(page_text(reader.pages[i]))
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


def test_the_hebei_progress_chart_draws_no_empty_row_and_names_those_left_out(review):
    # One Hebei indicator has a value on the scale: it is a table row (a chart of one mark
    # said less), the sentence names every indicator left out, and the province's table
    # lists those, not the one already shown.
    dossier = data.load()
    outputs = _outputs(review, "hebei-en", "04_targets")
    axes = (t("progress_axis", "en"), t("progress_axis_ratio", "en"))
    assert not [
        o
        for o in outputs
        if "figure" in o
        and o["figure"]["layout"].get("xaxis", {}).get("title", {}).get("text") in axes
    ]
    ind = dossier.indicators[dossier.indicators["jurisdiction"] == "Hebei"]
    tables = [o["text"] for o in outputs if "<table" in o.get("text", "")]
    first = flat(html.unescape(" ".join(re.findall(r"<td[^>]*>(.*?)</td>", tables[0], re.S))))
    shown = ind[[name in first for name in ind["name_en"]]]
    assert len(shown) == 1, first
    gone = ind[~ind["indicator_id"].isin(shown["indicator_id"])].sort_values("position")
    said = t("prose_progress_left_out", "en").format(
        count=len(gone), total=len(ind), names="; ".join(gone["name_en"])
    )
    assert compact(said) in compact(_words(review, "hebei-en", "04_targets"))
    verdicts = next(tb for tb in tables[1:] if t("Verdict", "en") in tb)
    cells = [flat(html.unescape(c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", verdicts, re.S)]
    for name in shown["name_en"]:
        assert name not in cells, f"{name!r} is both shown and listed"
    for name in gone["name_en"]:
        assert name in cells, f"{name!r} is left out of the first table and of the province's"


def test_the_hebei_hierarchy_has_no_empty_level_and_says_which_it_left_out(review):
    # The source states no link between the Hebei policies cited: no chart of unjoined
    # boxes by level ("0 stated"), a sentence instead, and the table gives each level.
    figs = _figures(review, "hebei-en", "03_policies")
    prefix = flat(t("hierarchy_title_levels", "en").split("{")[0])
    assert not [f for f in figs if _title(f).startswith(prefix)]
    words = compact(_words(review, "hebei-en", "03_policies"))
    assert compact(t("prose_hierarchy_none", "en")) in words
