"""The opening summary and the cover: what they say is what `derive` gives, in the
edition's language, for every review variant.

Expected numbers are computed here from `derive` and the data package, never written in:
the summary must not be able to say what a later chapter contradicts.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from conftest import REVIEW_SLUGS, review_params
from pdfs import bookmarks, compact, nfkc, page_text, text_of
from pypdf import PdfReader

from ipdossier import __version__, data, derive, schema
from ipdossier import notebook as nb
from ipdossier.charts import summary
from ipdossier.export import html as report_html
from ipdossier.i18n import t

CJK = re.compile(r"[\u4e00-\u9fff]")
EVENTS = ["bth-2017-baoding", "bth-2014-tianjin"]


def run(event_id="bth-2017-baoding", language="en", **kw):
    return nb.setup(event_id, language, renderer="json", **kw)


def _markdown(call, *args, **kwargs) -> str:
    from IPython import display

    shown = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display, "display", lambda *objs, **_: shown.extend(objs))
        call(*args, **kwargs)
    # Chinese prose keeps numbers with their units in spans (notebook._kept_together):
    # read here as the text a reader sees.
    text = "\n".join(getattr(o, "data", "") for o in shown)
    return re.sub(r'<span class="ipd-nobr">(.*?)</span>', r"\1", text)


# -- the numbers are derive's --------------------------------------------------------------


@pytest.mark.parametrize("event_id", EVENTS)
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", ["all", "national", "Hebei", "Beijing"])
def test_the_scorecard_counts_the_statuses_derive_gives(event_id, language, jurisdiction):
    ctx = run(event_id, language, jurisdiction=jurisdiction)
    progress = derive.progress(ctx)
    card = summary.scorecard(ctx)
    if progress.empty:
        assert card.empty
        return
    plan_of = dict(
        zip(
            derive.indicators(ctx)["indicator_id"], derive.indicators(ctx)["policy_id"], strict=True
        )
    )
    progress = progress.assign(plan=progress["indicator_id"].map(plan_of))
    assert list(card["policy_id"]) == list(dict.fromkeys(progress["plan"]))
    relations = derive.plan_relations(ctx).set_index("policy_id")["relation"]
    for _, row in card.iterrows():
        mine = progress[progress["plan"] == row["policy_id"]]
        assert row["indicators"] == len(mine)
        for status in ("met", "missed", "conflict", "unknown"):
            assert row[status] == (mine["status"] == status).sum(), (row["policy_id"], status)
        assert row["relation"] == relations[row["policy_id"]]
        sentence = summary.scorecard_sentence(row, language)
        met, n = int(row["met"]), int(row["indicators"])
        # A verdict "met" on a value before the target year is counted as such, and said.
        early = int(((mine["status"] == "met") & (mine["basis"] == "early")).sum())
        assert row["met_early"] == early
        year = int(row["target_year"]) if pd.notna(row["target_year"]) else None
        said = (f"value before {year}" if language == "en" else f"{year}年以前的数值")
        assert (said in sentence) == bool(early), sentence
        # ... and so is one met against a target read only on a mirror's copy, in the same
        # brackets (never two asides side by side)
        mirrored = int(((mine["status"] == "met") & mine["target_on_mirror"]).sum())
        assert row["met_on_mirror"] == mirrored
        mirror = "mirror's copy" if language == "en" else "镜像网站的转载"
        every = bool(mine["target_on_mirror"].all())
        assert (mirror in sentence) == (bool(mirrored) or every), sentence
        # A plan whose every target is read on a mirror says so once, not as a count of
        # the met ones ("one target" misled where all five were).
        every_said = "every target" if language == "en" else "各项目标值均"
        assert (every_said in sentence) == every, sentence
        assert sentence.count(mirror) == 1 or not (mirrored or every), sentence
        assert ") (" not in sentence and "）（" not in sentence, sentence
        if language == "en":
            assert (f"{met} of {n} indicators" if met else f"none of {n} indicators") in sentence
            if row["unknown"]:
                assert f"{int(row['unknown'])} unknown" in sentence
        else:
            assert f"{n}项指标中" in sentence
            if row["unknown"]:
                assert f"{int(row['unknown'])}项未知" in sentence
        assert t(f"summary_relation_{row['relation']}", language) in sentence


def test_the_scorecard_table_leaves_out_a_count_nought_for_every_plan():
    # No national or provincial verdict is missed or in conflict: those columns of zeros,
    # never named by the sentences above the table, are left out; "Unknown" counts the
    # unsettled 14th-plan indicator too and is headed so.
    card = summary.scorecard_table(nb.setup(renderer="json"))
    columns = summary.scorecard_columns(card)
    assert "conflict" not in columns and "missed" not in columns
    assert columns["unknown"] == "Unknown or not settled"
    one = card.head(1).assign(conflict=1, unknown_why=[("no_value",)])
    columns = summary.scorecard_columns(one)
    assert columns["conflict"] == "Conflict" and columns["unknown"] == "Unknown"


def test_the_default_scorecard_reads_like_the_brief():
    """The national plan of the default dossier, in one sentence: counted, not written."""
    ctx = run()
    row = summary.scorecard(ctx).iloc[0]
    progress = derive.progress(ctx)
    ind = derive.indicators(ctx)
    ids = ind.loc[ind["policy_id"] == row["policy_id"], "indicator_id"]
    mine = progress[progress["indicator_id"].isin(ids)]
    met = int((mine["status"] == "met").sum())
    unknown = int((mine["status"] == "unknown").sum())
    sentence = summary.scorecard_sentence(row, "en")
    assert f"{met} of {len(mine)} indicators met or exceeded" in sentence
    assert f"{unknown} unknown (the targets chapter says why" in sentence


def test_the_summary_names_only_the_reasons_that_hold_for_a_plan():
    """Every plan's sentence named "no comparable figure, a target worded two ways, or no
    target value found", two of them true of none of its indicators, and left out the
    14th plan's latest value that falls short. The summary names a reason exactly when the
    targets chapter's verdict of one of the plan's unknown indicators gives it."""
    ctx = run()
    progress = derive.progress(ctx)
    ind = derive.indicators(ctx).set_index("indicator_id")
    # What the chapter prints for an unknown indicator -> the reason the summary names.
    chapter = {
        "verdict_no_target": "no_target",
        "verdict_reading_unresolved": "unresolved",
        "verdict_bound": "bound",
        "verdict_open": "open",
    }
    for _, row in summary.scorecard(ctx).iterrows():
        mine = progress[progress["indicator_id"].map(ind["policy_id"]) == row["policy_id"]]
        year = str(int(row["target_year"]))
        held = set()
        for text in mine.loc[mine["status"] == "unknown", "status_text"]:
            said = [
                why
                for key, why in chapter.items()
                if re.match(re.sub(r"\\\{\w+\\\}", ".+?", re.escape(t(key, "en"))), text)
            ]
            held.add(said[0] if said else "no_value")
        sentence = summary.scorecard_sentence(row, "en")
        for why in ("no_target", "unresolved", "no_value", "bound", "open"):
            named = t(f"summary_why_{why}", "en").format(year=year) in sentence
            assert named == (why in held), (row["policy_id"], why, sentence)
    fourteenth = summary.scorecard(ctx).set_index("policy_id").loc["fyp14-ip"]
    assert "falls short" in summary.scorecard_sentence(fourteenth, "en")
    assert "worded two ways" not in summary.scorecard_sentence(fourteenth, "en")


@pytest.mark.parametrize("event_id", EVENTS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_counts_are_the_events_own_and_the_series_apart(event_id, language):
    ctx = run(event_id, language)
    own, wide = derive.event_counts(ctx), derive.series_wide_counts(ctx)
    said = dict(summary.counts(ctx))
    assert len(own), "both review events give counts"
    text = said["summary_counts"]["counts"]
    for _, r in own.iterrows():
        number = f"{int(r['value']):,}"
        assert number in text and r["metric"] in text, (number, text)
        if r["qualifier"] != "exact":
            if language == "zh":
                # The Chinese count says it in its own words (150余人), never bare.
                shown = f"{r['metric']}{r['label']}"
                assert shown in text and re.search("余|多|近|约|超过|以上|不到|不足", shown)
                assert t(f"summary_q_{r['qualifier']}", language) not in text
            else:
                assert t(f"summary_q_{r['qualifier']}", language) in text
    # Series-wide figures (the reach of the stops before the event) never among the
    # event's own, and said apart where the event's report gives them.
    assert not set(own["figure_id"]) & set(derive.series_reach(ctx)["figure_id"])
    # The event's and its parts' counts: the one rule the participation chart reads too.
    assert own["event_id"].isin(derive.event_ids(ctx)).all()
    assert (own["unit"] != "ordinal").all()
    if len(wide):
        series = said["summary_series_counts"]["counts"]
        for _, r in wide.iterrows():
            assert f"{int(r['value']):,}" in series and f"{int(r['value']):,}" not in text
    else:
        assert "summary_series_counts" not in said
    if language == "en":
        # A lower bound in words, as the report prints it.
        for _, r in own[own["qualifier"] == "at_least"].iterrows():
            assert f"more than {int(r['value']):,} {r['metric']}" in text


def test_the_baoding_counts_name_the_qualifiers_in_english():
    said = dict(summary.counts(run()))
    figures = data.load().figures.set_index("figure_id")
    reach = figures.loc[derive.series_reach(run())["figure_id"].iloc[0]]
    assert reach["qualifier"] == "approximately"
    assert f"nearly {int(reach['value']):,}" in said["summary_series_counts"]["counts"]
    assert "(an approximation)" in said["summary_series_counts"]["counts"]


@pytest.mark.parametrize("event_id", EVENTS)
def test_an_event_before_every_plan_says_so(event_id):
    ctx = run(event_id)
    when = derive.event_date(ctx)
    plans = derive.policies(ctx).set_index("policy_id")
    starts = plans.loc[list(dict.fromkeys(derive.indicators(ctx)["policy_id"])), "start"]
    cited = set(derive.event_citations(ctx)["policy_id"])
    expected = bool(when is not None and (starts > when).all() and not cited & set(starts.index))
    assert summary.before_every_plan(ctx) == expected
    # The Tianjin stop (2014) came before the plans of 2016 on; Baoding cites them.
    assert expected == (event_id == "bth-2014-tianjin")


@pytest.mark.parametrize("event_id", EVENTS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_event_paragraph_comes_from_the_data(event_id, language):
    ctx = run(event_id, language)
    key, facts = summary.event_facts(ctx)
    event = data.load().localised(language).events.set_index("event_id").loc[event_id]
    assert facts["name"] == event["name"] and facts["place"] == event["place"]
    text = _markdown(nb.say, t(key, language), **facts)
    assert event["name"] in text and event["place"] in text
    if pd.notna(event["start_date"]):
        assert key == "summary_event_dated"
        assert (
            f"{event['start_date'].year}年" if language == "zh" else str(event["start_date"].year)
        ) in text
    else:
        # Tianjin: no day in its report; the month the report of its stop gives.
        assert key == "summary_event_month"
        day = derive.event_date(ctx)
        assert (f"{day.year}年{day.month}月" if language == "zh" else f"{day:%B %Y}") in text
    orgs = data.load().localised(language).organisations.set_index("org_id")["name"]
    for col in ("host_org_id", "organiser_org_id"):
        if pd.notna(event[col]):
            assert orgs[event[col]] in text, (col, text)


# -- the cover ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_cover_names_event_coverage_edition_and_the_author_when_given(language):
    params = {"language": language, "jurisdiction": "all"}
    plain = summary.cover(summary.context(params), "1.0")
    keys = [k for k, _ in plain["rows"]]
    assert t("cover_author", language) not in keys
    assert t("cover_organisation", language) not in keys
    event = data.load().localised(language).events.set_index("event_id").loc["bth-2017-baoding"]
    assert event["name"] in plain["title"]
    rows = dict(plain["rows"])
    assert rows[t("cover_edition", language)] == t(f"cover_edition_{language}", language)
    provinces = [t(p, language) for p in schema.provinces()]
    assert all(p in rows[t("cover_coverage", language)] for p in provinces)
    # The tool's own parameters are in the colophon, not the cover's rows.
    assert "ipdossier" in plain["colophon"] and "1.0" in plain["colophon"]
    assert not any("ipdossier" in v for v in rows.values())

    signed = {**params, "author": "<b>Li Lei</b>", "organisation": "Policy Desk & Co"}
    cover = summary.cover(summary.context(signed), "1.0")
    rows = dict(cover["rows"])
    assert rows[t("cover_author", language)] == "<b>Li Lei</b>"
    assert rows[t("cover_organisation", language)] == "Policy Desk & Co"
    page = report_html.page(
        [], params=signed, data_version="1.0", sources=data.load().sources.iloc[0:0],
        event_name="", web=False,
    )  # fmt: skip
    front = page.split('<section class="cover">')[1].split("</section>")[0]
    assert "&lt;b&gt;Li Lei&lt;/b&gt;" in front and "Policy Desk &amp; Co" in front
    assert "<b>" not in front


@pytest.mark.parametrize(
    ("jurisdiction", "words"),
    [("national", "cover_coverage_national"), ("Hebei", "cover_coverage_one")],
)
def test_coverage_is_said_in_words(jurisdiction, words):
    for language in ("en", "zh"):
        said = summary.coverage(run(language=language, jurisdiction=jurisdiction))
        expected = t(words, language).format(jurisdiction=t(jurisdiction, language))
        assert said == expected
        assert jurisdiction not in said or language == "en"


# -- the review variants -------------------------------------------------------------------


def _variants(review) -> dict[str, dict]:
    import json

    manifest = json.loads((review / "manifest.json").read_text(encoding="utf-8"))
    return {v["slug"]: v for v in manifest["variants"]}


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_each_review_cover_names_its_event_and_language_in_words(review, slug):
    params = _variants(review)[slug]["params"]
    language = params["language"]
    reader = PdfReader(review / slug / "dossier.pdf")
    cover = compact(nfkc(page_text(reader.pages[0])))
    event = data.load().localised(language).events.set_index("event_id").loc[params["event_id"]]
    assert compact(event["name"]) in cover, (slug, cover[:300])
    assert compact(t(f"cover_edition_{language}", language)) in cover
    assert (
        compact(
            summary.coverage(run(params["event_id"], language, jurisdiction=params["jurisdiction"]))
        )
        in cover
    )
    # No tool parameter stands in for words ("Jurisdiction all", "As of no cut-off",
    # "截至：无"): the package and data versions are in the colophon line.
    for raw in ("Jurisdiction", "As of", "截至：无", "地区"):
        assert compact(raw) not in cover, (slug, raw)
    assert compact(f"ipdossier {__version__}") in cover


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(["en", "zh", "tianjin-en", "tianjin-zh"]))
def test_the_summary_opens_every_review_variant(review, slug):
    variant = _variants(review)[slug]
    params, language = variant["params"], variant["params"]["language"]
    assert variant["notebooks"][0]["notebook"] == "00_summary.ipynb"
    reader = PdfReader(review / slug / "dossier.pdf")
    marks = [title for title, _ in bookmarks(reader)]
    assert marks[1] == t("h_summary", language), marks
    executed = review / variant["notebooks"][0]["executed"]
    shown = nbformat.read(executed, as_version=4)
    prose = "\n".join(
        o["data"]["text/markdown"]
        for c in shown.cells
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    )
    ctx = run(params["event_id"], language, jurisdiction=params["jurisdiction"])
    # The scorecard's sentences, as printed, are those of derive's counts.
    for _, row in summary.scorecard(ctx).iterrows():
        sentence = summary.scorecard_sentence(row, language)
        assert compact(re.sub(r"\*\*", "", sentence)) in compact(re.sub(r"\*\*", "", prose))
    before = t("prose_summary_before_plans", language).split("{event}")[1][:12]
    assert (before in prose) == (params["event_id"] == "bth-2014-tianjin")
    page_text = compact(text_of(reader))
    assert compact(t("summary_methods_title", language)) in page_text
    assert compact(t("h_summary_glossary", language)) in page_text
    if language == "zh":
        # Written in Chinese: CJK ideographs are more than 90% of the prose's letters
        # (link targets and the markup aside).
        text = re.sub(r"\]\([^)]*\)|<[^>]+>", "", prose)
        letters = [ch for ch in text if ch.isalpha()]
        share = sum(bool(CJK.match(ch)) for ch in letters) / len(letters)
        assert share > 0.9, share


def test_the_english_glossary_explains_document_numbers_and_anticipatory_targets():
    # Terms the English edition prints unexplained (thirty-fifth session's review):
    # Guofa/Jizhengfa and "anticipatory"; Chinese readers need neither, and get 暂译.
    en = list(summary.glossary(run())["term"])
    zh = list(summary.glossary(run(language="zh"))["term"])
    assert t("summary_term_docnum", "en") in en and t("summary_term_anticipatory", "en") in en
    assert t("summary_term_zanyi", "zh") in zh and len(zh) == len(en) - 1
    # What the glossary says of the plans holds in the data: every target of the national
    # plans charted is anticipatory.
    ctx = run()
    ind = derive.indicators(ctx)
    national = ind[ind["level"] == "national"]
    assert len(national) and set(national["kind"]) == {"anticipatory"}
