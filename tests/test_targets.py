"""Chapter 4, targets and outcomes: the charts' data against literals read from the
sources, and `ipdossier check` against quotes that no longer hold their values."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import edit_cell

from ipdossier import data, derive, i18n
from ipdossier import notebook as nb
from ipdossier.charts import targets
from ipdossier.check import check
from ipdossier.i18n import t as t_
from ipdossier.quantities import quantities, states_date, states_quantity, states_text

ROOT = Path(__file__).resolve().parent.parent


def ctx(**params):
    return nb.setup(renderer="json", **params)


def plain(text) -> str:
    return re.sub(r"<[^>]+>", " ", str(text))


def row_y(fig, label: str) -> float:
    """Where the progress chart draws a row: the y of the tick its label names."""
    ticks = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True))
    return ticks[label]


@pytest.fixture(scope="module")
def dossier():
    return data.load()


# -- reading quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote, value, scale, qualifier",
    [
        (
            "The total number of applications for plant varieties will increase to 25, 000.",
            2.5,
            1e4,
            "exact",
        ),
        (
            "The amount of IP pledge financing of one year will increase to 180 billion yuan.",
            1800,
            1e8,
            "exact",
        ),
        ("will rise from 4.44 billion U.S. dollars in 2015", 44.4, 1e8, "exact"),
        (
            "2020年の全国のコンピューターソフトウェア著作権登録は同期比16.06%増の172万2904件",
            172.2904,
            1e4,
            "exact",
        ),
        ("2020年,全国知识产权服务机构营业收入超过2250亿元,同比增长4.5%", 2250, 1e8, "at_least"),
        ("今年前10個月,全國專利商標質押融資總額達到1664億元", 1664, 1e8, "exact"),
        ("万人发明专利拥有量达到3件以上", 3, 1, "at_least"),
        ("去年我國知識產權使用費出口額達370億元左右", 370, 1e8, "approximately"),
        ("京津冀100余家企业和服务机构参加", 100, 1, "at_least"),
        ("来自十八家全国知识产权服务品牌机构的代表", 18, 1, "exact"),
        ("近千人参加", 1000, 1, "approximately"),
        ("72 thousand PCT applications were filed with CNIPA in 2020", 7.2, 1e4, "exact"),
    ],
)
def test_a_quote_states_its_value(quote, value, scale, qualifier):
    assert states_quantity(quote, value, scale, qualifier) is None


@pytest.mark.parametrize(
    "quote, value, scale, qualifier",
    [
        ("will increase to 25, 000.", 2.6, 1e4, "exact"),  # another number
        ("超过2250亿元", 2250, 1e8, "exact"),  # a lower bound is not an exact value
        ("近千人参加", 1000, 1, "exact"),
        ("rise to 10 billion USD", 10, 1e8, "exact"),  # 10 亿美元 is 1 billion
    ],
)
def test_a_quote_that_does_not_state_the_value_is_caught(quote, value, scale, qualifier):
    assert states_quantity(quote, value, scale, qualifier)


def test_text_and_dates_read_through_script_and_format():
    assert states_text("發文字號: 國發〔2016〕86號", "国发〔2016〕86号")
    assert states_text("《服务业创新发展大纲(2017—2025年)》", "服务业创新发展大纲（2017—2025年）")
    assert not states_text("國發〔2016〕86號", "国发〔2016〕87号")
    assert states_date("成文日期: 2016年12月30日", "2016-12-30")
    assert states_date("發佈日期: 2017年01月13日", "2017-01-13")
    assert states_date("June 21, 2017 / 11:42 AM", "2017-06-21")
    assert states_date("2016年4月,我省在全国率先出台", "2016-04")
    assert not states_date("2016年4月", "2016-05")
    # News copy drops the year; it reads as the year of the page's own date.
    assert states_date("7月10日,省委省政府作出", "2016-07-10", "2016-07-14")
    assert not states_date("7月10日,省委省政府作出", "2016-07-10", "2017-07-14")
    assert [q.value for q in quantities("第三十次会议")] == [30]


def test_an_english_translation_states_a_document_number_in_its_own_form():
    forms = i18n.doc_number_forms("国发〔2021〕20号")
    assert forms == ["国发〔2021〕20号", "Guofa [2021] No. 20", "GF [2021] No. 20"]
    assert any(states_text("Period GF (2021) No. 20 The people's", f) for f in forms)
    wrong = i18n.doc_number_forms("国发〔2021〕21号") + i18n.doc_number_forms("国发〔2016〕20号")
    assert not any(states_text("Period GF (2021) No. 20 The people's", f) for f in wrong)
    # A prefix without a catalogued romanisation has only its form as issued.
    assert i18n.doc_number_forms("京知局〔2016〕5号") == ["京知局〔2016〕5号"]


def test_the_fourteenth_plans_number_is_read_on_the_publishers_own_page(dossier):
    """The copy first read for 国发〔2021〕20号 (adorecm.com) could not be found again: the
    number also stands on CNIPA's English translation, a page its publisher keeps."""
    ev = dossier.policy_evidence
    rows = ev[(ev["policy_id"] == "fyp14-ip") & (ev["field"] == "doc_number")]
    hosts = dossier.sources.set_index("source_id").loc[rows["source_id"], "host_kind"]
    assert "publisher" in set(hosts), hosts


# -- check: every quote holds its value ---------------------------------------------------------


def test_data_package_checks_with_every_evidence_row(dossier):
    assert check() == []
    assert len(dossier.indicators) >= 10 and len(dossier.observations) >= 10
    assert len(dossier.policy_evidence) >= 20


@pytest.mark.parametrize(
    "table, key, column, value, expect",
    [
        ("indicators", "fyp13-1", "target_value", "13", "target_value"),
        ("indicators", "hebei-16-2", "target_qualifier", "exact", "target_value"),
        ("indicators", "fyp13-3", "kind", "binding", "kind"),
        ("observations", "fyp13-6:n6-obs2020-ccpitjp", "value", "172.2905", "value"),
        ("policies", "fyp13-ip", "doc_number", "国发〔2016〕87号", "quote"),
        # Both pages of the 14th plan's number, CNIPA's "GF (2021) No. 20" too, disagree.
        ("policies", "fyp14-ip", "doc_number", "国发〔2021〕21号", "quote"),
        ("policies", "fyp13-ip", "signed_date", "2016-12-31", "quote"),
        (
            "policy_links",
            "fyp13-ip:implements:guofa-2015-71",
            "target_policy_id",
            "ip-pilots-plan",
            "quote",
        ),
        ("series_facts", "1:agencies:D078", "value", "19", "value"),
    ],
)
def test_check_names_table_row_and_column_of_a_quote_that_does_not_hold(
    data_copy, table, key, column, value, expect
):
    line = edit_cell(data_copy / f"{table}.csv", key, column, value)
    problems = [str(p) for p in check(data_copy, locators=False)]
    assert problems, f"{table}.{column}={value} passed"
    evidence_file = "policy_evidence.csv" if table == "policies" else f"{table}.csv"
    named = [p for p in problems if p.startswith(evidence_file) and f"column {expect}" in p]
    assert named, problems
    if table != "policies":
        assert any(f"row {line}," in p for p in named), problems


def test_an_official_fact_without_evidence_is_reported(data_copy):
    edit_cell(data_copy / "policies.csv", "fyp14-ip", "validity", "有效")
    problems = [str(p) for p in check(data_copy, locators=False)]
    assert any(
        p.startswith("policies.csv") and "column validity" in p and "policy_evidence" in p
        for p in problems
    ), problems


def test_a_page_read_needs_its_url_and_retrieval_date(data_copy):
    line = edit_cell(data_copy / "sources.csv", "leader-2017-02-06", "retrieved", "")
    problems = [str(p) for p in check(data_copy, locators=False)]
    assert f"sources.csv, row {line}, column retrieved: a page read needs its retrieved" in problems


# -- the chapter's charts ------------------------------------------------------------------------


def test_invention_patents_show_baseline_target_realised_and_met():
    p = targets.progress_frame(ctx()).set_index("indicator_id")
    row = p.loc["fyp13-1"]
    assert (row["baseline_value"], row["target_value"], row["realised_value"]) == (6.3, 12, 15.8)
    assert row["status"] == "met"
    assert row["path"].startswith("6.3 → 12 → 15.8")
    fig = targets.progress_figure(ctx())
    met = [t for t in fig.data if t.name == "met"][0]
    label = row["row"]
    x = [xx for xx, yy in zip(met.x, met.y, strict=True) if yy == row_y(fig, label)]
    assert x == [pytest.approx((15.8 - 6.3) / (12 - 6.3))]


def test_an_indicator_without_a_realised_value_is_unknown_never_zero():
    p = targets.progress_frame(ctx()).set_index("indicator_id")
    # Indicator 7: only the target (0.7) was found.
    assert p.loc["fyp13-7", "status"] == "unknown"
    assert pd.isna(p.loc["fyp13-7", "share"])
    assert "no realised value found" in p.loc["fyp13-7", "status_label"]
    fig = targets.progress_figure(ctx())
    label = p.loc["fyp13-7", "row"]
    # No mark at all: not at zero, and not in a column beside the best performers.
    marks = [y for tr in fig.data if tr.mode != "lines" for y in tr.y]
    assert row_y(fig, label) not in marks
    assert max(fig.layout.xaxis.tickvals) == targets.SHARE_CAP


def test_a_conflict_is_shown_as_two_values():
    # 2020 PCT applications: 7.2万 received by CNIPA, 68,720 by WIPO's count of origin.
    p = targets.progress_frame(ctx()).set_index("indicator_id")
    assert sorted(p.loc["fyp13-2", "realised_values"]) == [6.872, 7.2]
    fig = targets.progress_figure(ctx())
    label = p.loc["fyp13-2", "row"]
    marks = [
        x
        for t in fig.data
        if t.mode == "markers"
        for x, y in zip(t.x, t.y, strict=True)
        if y == row_y(fig, label)
    ]
    assert len(marks) == 2
    # Both shown, flagged as the different measures their notes say they are (received
    # by CNIPA against WIPO's count by origin), not as a conflict.
    v = targets.values_table(ctx())
    pct = v[(v["indicator_id"] == "fyp13-2") & (v["year"] == 2020) & v["measures_differ"]]
    assert sorted(pct["value"]) == [6.872, 7.2] and not pct["conflict"].any()
    assert all("different measures" in f and "conflict" not in f for f in pct["flags"])
    # The plan's 2015 baseline for pledge financing (750亿元) against the 848.5亿元 reported.
    pledge = v[(v["indicator_id"] == "fyp13-5") & (v["year"] == 2015)]
    assert set(pledge["value"]) == {750, 848.5} and pledge["conflict"].all()


def test_related_measures_never_decide_a_target():
    p = targets.progress_frame(ctx()).set_index("indicator_id")
    # Exports of IP royalties: 454.5亿元 in 2019 "提前两年完成" is in yuan; the target is in
    # US dollars and no full-year 2020 value was found.
    assert p.loc["fyp13-8", "status"] == "unknown"
    assert p.loc["fyp13-8", "claimed"]
    v = targets.values_table(ctx())
    rmb = v[(v["indicator_id"] == "fyp13-8") & (v["year"] == 2019)].iloc[0]
    assert not rmb["comparable"] and "related measure" in rmb["flags"]


def test_english_values_read_in_english_units_chinese_in_chinese():
    en = targets.progress_frame(ctx()).set_index("indicator_id")
    zh = targets.progress_frame(ctx(language="zh")).set_index("indicator_id")
    # The plan's baseline is disputed by another page's value for 2015 (the values table's
    # conflict): the path says so beside it.
    assert en.loc["fyp13-5", "path"] == (
        "75 billion (another source gives 84.85 billion) → 180 billion → 218 billion yuan"
    )
    # Each number at its real size in Chinese form, the unit once without its magnitude.
    assert zh.loc["fyp13-5", "path"] == "750亿（另有来源载为848.5亿） → 1800亿 → 2180亿元"


def test_a_baseline_the_values_table_flags_as_a_conflict_is_disputed_on_the_chart():
    from ipdossier import derive

    c = ctx()
    v = targets.values_table(c)
    conflicted = set(v.loc[(v["role"] == "baseline") & v["conflict"], "indicator_id"])
    assert conflicted  # 13th plan pledge financing, 14th plan patent-intensive industries
    p = derive.progress(c).set_index("indicator_id")
    assert {i for i in p.index if p.loc[i, "baseline_disputed"]} == conflicted
    for plan in targets.plan_ids(c):
        fig = targets.progress_figure(c, plan)
        notes = " ".join(a.text for a in fig.layout.annotations if a.text).replace("<br>", " ")
        drawn = conflicted & set(targets.drawn_rows(c, plan)["indicator_id"])
        assert notes.count("another source gives") == len(drawn), notes


def test_hebei_targets_beside_the_national_ones(dossier):
    hebei = targets.progress_frame(ctx(jurisdiction="Hebei"))
    assert set(hebei["jurisdiction"]) == {"Hebei"}
    assert len(hebei) == (dossier.indicators["jurisdiction"] == "Hebei").sum()
    row = hebei.set_index("indicator_id").loc["hebei-16-2"]
    assert (row["target_value"], row["target_qualifier"]) == (3, "at_least")
    c = targets.comparison_frame(ctx())
    assert set(c["jurisdiction"]) == {"China", "Hebei"}
    # Values stand at the end of the period they cover: Hebei's value as of 30 June 2019
    # is drawn at 30 June 2019 (not at 2018.5, nor at 2019), and names its period.
    mid = c[(c["indicator_id"] == "hebei-16-2") & (c["value"] == 3.54)].iloc[0]
    assert mid["date"] == pd.Timestamp("2019-06-30") and mid["period"] == "end-June 2019"
    fig = targets.comparison_figure(ctx())
    hebei = [tr for tr in fig.data if "Hebei" in tr.name and "realised" in tr.name][0]
    assert pd.Timestamp("2019-06-30") in list(pd.to_datetime(hebei.x))
    assert any("3.54 (end-June 2019)" == x for x in hebei.text)
    only = targets.comparison_frame(ctx(jurisdiction="Hebei"))
    assert set(only["jurisdiction"]) == {"Hebei"}
    # The title says what is drawn: Hebei alone, not "national and Hebei".
    title = targets.comparison_figure(ctx(jurisdiction="Hebei")).layout.title.text
    assert title.endswith(": Hebei") and "national" not in title.lower()
    assert targets.comparison_frame(ctx(jurisdiction="Tianjin")).empty


def test_policy_chain_dates_links_and_article_only_mentions(dossier):
    fig = targets.chain_figure(ctx())
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    links = derive.policy_links(ctx())
    assert len(arrows) == len(links) >= 5
    c = targets.chain_frame(ctx()).set_index("policy_id")
    assert c.loc["fyp13-ip", "signed_date"] == "2016-12-30"
    assert c.loc["fyp13-ip", "published_date"] == "2017-01-13"
    note = targets.article_only_note(ctx())
    assert "Opinions on Strengthening IP Protection and Application" in note
    docs = targets.documents_table(ctx()).set_index("policy_id")
    # The Hebei opinions: the document's issuer and the article's attribution side by side.
    assert docs.loc["hebei-powerful-ip", "issuer"].startswith(
        "Hebei Provincial People's Government (河北省人民政府); named by the event report as Hebei"
    )
    assert "Party" in docs.loc["hebei-powerful-ip", "issuer_article"]


def test_at_most_two_documents_with_an_official_text_lack_an_official_date(dossier):
    p = dossier.policies
    official = p[p["official_source_id"].notna()]
    undated = official[official["signed_date"].isna() & official["published_date"].isna()]
    assert len(official) >= 4 and len(undated) <= 2


def test_series_first_stop_from_its_report():
    f = targets.series_frame(ctx()).set_index("position")
    assert f.loc[1, "counts"].startswith("18 national IP service brand agencies; ")
    assert "; more than 100 " in f.loc[1, "counts"]
    zh = targets.series_frame(ctx(language="zh")).set_index("position")
    assert zh.loc[1, "counts"] == "18家全国知识产权服务品牌机构；100余家京津冀企业和服务机构"
    assert targets.series_frame(ctx(as_of="2014-10-31")).empty


def test_chinese_labels_on_every_chart_of_the_chapter():
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for build in (targets.progress_figure, targets.comparison_figure, targets.chain_figure):
        fig = build(ctx(language="zh"))
        assert cjk.search(fig.layout.title.text), build.__name__
        names = [t.name for t in fig.data if t.name]
        assert names and all(cjk.search(n) for n in names), (build.__name__, names)


# -- the README's account of where the facts come from ------------------------------------------


KIND_LABELS = {
    "official_document": "official documents",
    "official_statistics": "official statistics",
    "news_report": "news reports",
    "secondary_summary": "secondary summaries",
}


def test_readme_counts_facts_by_kind_of_source_and_host(dossier):
    """The README's table of facts by kind of source and kind of host, and its count of
    facts resting only on unknown mirrors, are the package's own (`check.facts`)."""
    from ipdossier.check import HOST_KINDS, facts, mirror_only

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    f = facts(dossier)
    assert f["host_kind"].notna().all(), f[f["host_kind"].isna()]
    header = "| kind of source | " + " | ".join(h.replace("_", " ") for h in HOST_KINDS)
    assert header + " | facts |" in readme
    for kind, label in KIND_LABELS.items():
        mine = f[f["kind"] == kind]
        cells = [str(int((mine["host_kind"] == h).sum())) for h in HOST_KINDS]
        row = f"| {label} | " + " | ".join(cells) + f" | {len(mine)} |"
        assert row in readme, (row, readme[readme.index(header) :][:800])
    n = len(mirror_only(dossier))
    assert f"{n} facts rest only on pages copied by unknown mirrors" in readme


def test_check_lists_the_facts_resting_only_on_unknown_mirrors():
    done = subprocess.run(
        [sys.executable, "-m", "ipdossier", "check", "--no-locators"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    from ipdossier.check import mirror_only

    n = len(mirror_only(data.load()))
    assert f"{n} fact(s) rest only on a page copied by an unknown mirror:" in done.stdout


def test_check_runs_from_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "ipdossier", "check"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(open(ROOT / "data" / "observations.csv", encoding="utf-8")))
    assert rows and all(r["quote"] for r in rows)


def test_the_policies_chapter_links_to_this_chapter_in_the_report():
    from ipdossier.export.html import Chapter, _link_chapters
    from ipdossier.i18n import t

    # The chapter's prose (rendered by the package) links to the targets chapter.
    assert all("(04_targets.ipynb)" in t("prose_policies_intro", lang) for lang in ("en", "zh"))
    chapters = [
        Chapter("chapter-3", "Policies", '<a href="04_targets.ipynb">Targets</a>', "03_policies"),
        Chapter("chapter-4", "Targets", '<a href="./03_policies.ipynb#x">back</a>', "04_targets"),
    ]
    linked = _link_chapters(chapters)
    assert linked[0].body == '<a href="#chapter-4">Targets</a>'
    assert linked[1].body == '<a href="#chapter-3">back</a>'
    # A build of one chapter has no target: the link goes to the contents, not nowhere.
    alone = _link_chapters(chapters[:1])
    assert alone[0].body == '<a href="#contents">Targets</a>'


def test_as_of_keeps_only_values_for_periods_that_had_ended():
    obs = derive.observations(ctx(as_of="2019-07-01"))
    ends = obs["period_end"].fillna(pd.to_datetime(obs["year"].astype(str) + "-12-31"))
    assert (ends <= pd.Timestamp("2019-07-01")).all()
    # Hebei's value as of 30 June 2019 is in; the 2019 year-end values are not.
    assert 3.54 in set(obs["value"])
    assert 13.3 not in set(obs["value"])
    # Before the end of 2020 no target can be missed; what was reached is reached early.
    p = derive.progress(ctx(as_of="2019-07-01"))
    assert not set(p["status"]) & {"missed", "conflict"}
    met = p[p["status"] == "met"]
    assert (met["basis"] == "early").all()
    assert (met["reached_date"] <= pd.Timestamp("2019-07-01")).all()
    assert "hebei-16-2" in set(met["indicator_id"])


# -- one truth per value: the verdict rules of derive.progress -----------------------------


@pytest.mark.parametrize(
    "kind, start, end, language, expect",
    [
        (None, None, None, "en", "2020"),
        ("year", "2020-01-01", "2020-12-31", "en", "2020"),
        ("point", "2020-12-31", "2020-12-31", "en", "2020"),
        ("part_year", "2020-01-01", "2020-08-31", "en", "Jan-Aug 2020"),
        ("part_year", "2020-01-01", "2020-08-31", "zh", "2020年1-8月"),
        ("part_year", "2019-01-01", "2019-06-30", "en", "Jan-Jun 2019"),
        ("point", "2019-06-30", "2019-06-30", "en", "end-June 2019"),
        ("point", "2019-06-30", "2019-06-30", "zh", "2019年6月底"),
        ("cumulative", None, "2020-10-31", "en", "end-October 2020"),
        ("point", "2020-05-15", "2020-05-15", "en", "15 May 2020"),
        ("span", "2016-01-01", "2020-12-31", "en", "2016-2020"),
        ("span", "2016-01-01", "2020-12-31", "zh", "2016—2020年"),
        ("span", None, "2020-12-31", "en", "to 2020"),
    ],
)
def test_a_period_in_words(kind, start, end, language, expect):
    assert derive.period_label(kind, start, end, language, year=2020) == expect


def test_a_value_before_the_target_year_that_meets_it_is_met_early_and_says_when():
    # Hebei: 3.54 per 10,000 people as of 30 June 2019 against "more than 3" by 2020.
    p = derive.progress(ctx(jurisdiction="Hebei")).set_index("indicator_id")
    row = p.loc["hebei-16-2"]
    assert (row["status"], row["basis"], row["realised_value"]) == ("met", "early", 3.54)
    assert row["realised_period"] == row["reached"] == "end-June 2019"
    assert row["status_text"] == "met by end-June 2019 (no whole-year 2020 value reported)"
    zh = derive.progress(ctx(jurisdiction="Hebei", language="zh")).set_index("indicator_id")
    assert zh.loc["hebei-16-2", "status_text"] == "2019年6月底已达到目标（未见2020年全年数值）"
    # The chapter's table reads that verdict; it is never "unknown" beside the value.
    table = targets.progress_frame(ctx(), level="provincial").set_index("indicator_id")
    assert table.loc["hebei-16-2", "status_label"] == row["status_text"]
    assert table.loc["hebei-16-2", "path"].endswith(
        "3.54 patents per 10,000 people (end-June 2019)"
    )


def test_a_verdict_says_when_the_target_was_first_reached_and_stayed_reached():
    p = derive.progress(ctx()).set_index("indicator_id")
    # 13.3 at the end of 2019 and every later value (14.3, 15.2, 15.8) reach 12.
    assert (p.loc["fyp13-1", "status"], p.loc["fyp13-1", "reached"]) == ("met", "2019")
    assert p.loc["fyp13-1", "status_text"] == "met by 2019"
    assert p.loc["fyp13-5", "status_text"] == "met in 2020"


def test_a_year_where_one_count_met_the_target_and_another_fell_short_is_named():
    # PCT applications: 60,993 filed with China as receiving office in 2019 met the 60,000
    # target, 59,045 of Chinese origin did not; both counts met it in 2020. "met in 2020"
    # alone would contradict the 2019 row of the values table.
    p = derive.progress(ctx()).set_index("indicator_id")
    assert p.loc["fyp13-2", "status_text"] == "met in 2020 (in 2019 by one of its counts only)"
    assert "fyp13-2:n2-obs2019-ro-natlaw" in p.loc["fyp13-2", "cited_ids"]
    zh = derive.progress(ctx(language="zh")).set_index("indicator_id")
    assert zh.loc["fyp13-2", "status_text"] == "2020年已完成（2019年仅按其中一种统计口径达到）"
    rows = pd.DataFrame(
        {
            "value": [61.0, 59.0, 62.0, 58.0, 63.0, 64.0],
            "qualifier": ["exact"] * 6,
            "period_label": ["2018", "2018", "2019", "2019", "2020", "2020"],
        }
    )
    reached = derive._reached(rows, 60)
    assert reached["period_label"] == "2020"
    assert derive._met_in_part(rows, 60, reached) == "2018"
    # A year in which no count met the target ends the run.
    rows.loc[0, "value"] = 50.0
    assert derive._met_in_part(rows, 60, derive._reached(rows, 60)) == "2019"
    rows.loc[2, "value"] = 50.0
    assert derive._met_in_part(rows, 60, derive._reached(rows, 60)) is None


def test_a_part_year_value_short_of_a_level_target_is_shown_with_its_period_not_as_unknown():
    # Hebei's growth of trademarks is not of its target's measure; a level target with
    # only a part-year value short of it is "not settled", with that value's period.
    obs = derive.observations(ctx())
    jan_aug = obs.set_index("observation_id").loc["fyp13-8:n8-obs2020aug-xinhua-ohl"]
    assert (jan_aug["period_label"], jan_aug["part_year"], jan_aug["whole_year"]) == (
        "Jan-Aug 2020",
        True,
        False,
    )
    rows = pd.DataFrame(
        {
            "period_kind": ["part_year"],
            "value": [55.8],
            "comparable": [True],
        }
    )
    assert derive.against_target(rows, "level").tolist() == [True]
    assert derive.against_target(rows, "unresolved").tolist() == [False]
    assert derive.against_target(rows, "total").tolist() == [False]
    assert derive.against_target(rows.assign(period_kind="span"), "total").tolist() == [True]


def test_indicator_8_is_never_compared_with_a_part_year_or_annual_value():
    # Exports of IP royalties: the target is worded as a 2020 value (Xinhua) and as a
    # 2016-2020 total (SIPO's summary). No value is set against it, none is drawn on the
    # plan's scale, and the values table says why each yearly value stands apart.
    p = targets.progress_frame(ctx()).set_index("indicator_id")
    row = p.loc["fyp13-8"]
    assert row["reading"] == "unresolved"
    assert (row["status"], row["basis"], row["realised_values"]) == ("unknown", "none", [])
    assert row["status_label"].startswith("unknown: the sources word the target in two ways")
    assert row["path"].endswith("→ ? US dollars")
    fig = targets.progress_figure(ctx())
    drawn = [y for tr in fig.data if tr.mode != "lines" for y in tr.y]
    assert row_y(fig, row["row"]) not in drawn
    v = targets.values_table(ctx())
    yearly = v[(v["indicator_id"] == "fyp13-8") & (v["role"] == "realised")]
    jan_aug = yearly[yearly["period_shown"] == "Jan-Aug 2020"]
    assert len(jan_aug) == 1
    assert "not set against the target" in jan_aug["flags"].iloc[0]
    assert all("not set against the target" in f or "related measure" in f for f in yearly["flags"])


def test_the_14th_plan_high_value_patents_read_6_3_to_12_to_16_met_in_2025():
    p = targets.progress_frame(ctx(), plan="fyp14-ip").set_index("indicator_id")
    row = p.loc["fyp14-1"]
    assert (row["baseline_value"], row["target_value"]) == (6.3, 12)
    assert (row["realised_values"], row["realised_periods"], row["status"]) == (
        [16.0],
        ["2025"],
        "met",
    )
    assert row["basis"] == "final" and row["baseline_year"] == 2020
    fig = targets.progress_figure(ctx(), plan="fyp14-ip")
    marks = [
        (x, tr.name)
        for tr in fig.data
        if tr.mode != "lines"
        for x, y in zip(tr.x, tr.y, strict=True)
        if y == row_y(fig, row["row"])
    ]
    assert marks == [(pytest.approx((16 - 6.3) / (12 - 6.3)), "met")]
    # Not the 13th plan's 6.3 (all invention patents, 2015): a different measure, said so.
    assert row["continues"] == "fyp13-1"
    assert row["continues_note"].startswith("differs")


def test_every_observation_has_a_period_and_check_refuses_one_without(tmp_path):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    path = copy / "observations.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert all(r["period_kind"] and r["period_end"] for r in rows)
    header = list(rows[0])
    rows[3]["period_kind"] = ""
    rows[5]["period_start"], rows[5]["period_kind"] = "2020-03-01", "year"
    rows[7]["period_end"] = ""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    problems = [str(p) for p in check(copy, locators=False)]
    assert any(p.startswith("observations.csv, row 5, column period_kind") for p in problems), (
        problems
    )
    assert any(p.startswith("observations.csv, row 9, column period_end") for p in problems), (
        problems
    )


def test_check_refuses_a_target_without_its_reading(tmp_path):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    path = copy / "indicators.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    header = list(rows[0])
    rows[0]["reading"] = ""
    rows[1]["reading"] = "growth"  # the quote says "increase ... to", not a growth rate
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    problems = [str(p) for p in check(copy, locators=False)]
    assert any(
        p.startswith("indicators.csv, row 2, column reading: a target needs") for p in problems
    ), problems
    assert any(p.startswith("indicators.csv, row 3, column reading") for p in problems), problems


def test_a_count_from_january_that_falls_short_does_not_undo_a_target_reached():
    rows = pd.DataFrame(
        {
            "value": [1900.0, 1664.0, 2180.0],
            "qualifier": ["exact"] * 3,
            "from_january": [False, True, False],
            "period_label": ["2019", "Jan-Oct 2020", "2020"],
        }
    )
    assert derive._reached(rows, 1800)["period_label"] == "2019"
    # A value as it stood on a day that falls short does.
    assert derive._reached(rows.assign(from_january=False), 1800)["period_label"] == "2020"


def test_values_table_gives_jurisdiction_and_period_of_every_value():
    v = targets.values_table(ctx()).set_index("observation_id")
    assert v.loc["fyp13-1:n1-obs2020jun-dizo", "period_shown"] == "end-June 2020"
    assert v.loc["fyp13-1:n1-obs2020oct-1st", "period_shown"] == "end-October 2020"
    assert v.loc["fyp13-1:n1-obs2020-fx361", "period_shown"] == "2020"
    assert v.loc["fyp13-8:n8-obs2020aug-xinhua-ohl", "period_shown"] == "Jan-Aug 2020"
    assert "part of the year" in v.loc["fyp13-8:n8-obs2020aug-xinhua-ohl", "flags"]
    assert v.loc["hebei-16-2:D059", "jurisdiction_shown"] == "Hebei"
    assert v.loc["fyp13-1:n1-obs2020-fx361", "jurisdiction_shown"] == "China (national)"


def test_the_hebei_indicator_chart_draws_hebeis_values_on_the_target_scale():
    fig = targets.progress_figure(ctx(jurisdiction="Hebei"))
    assert fig.layout.title.text.startswith("Hebei's plan targets")
    # (A legend's key is a trace of one empty mark: x None.)
    points = [x for tr in fig.data if tr.mode != "lines" for x in tr.x if x is not None]
    assert points == [pytest.approx(3.54 / 3)]


def test_the_progress_source_note_lists_only_what_the_chart_draws():
    c = ctx()
    drawn = targets.sources(c)
    assert set(drawn["indicator_id"]) <= set(targets.progress_frame(c)["indicator_id"])
    assert drawn["source_id"].nunique() < derive.values(c)["source_id"].nunique()
    # Every realised value the verdicts rest on is cited (80.05 in 2020); the 2017 value
    # (9.8) is not drawn, nor the January-August exports no verdict is set against.
    assert "mondaq-ko-2021-05-14" in set(drawn["source_id"])
    assert "xinhua-2018-02-20-patents" not in set(drawn["source_id"])
    assert "xinhua-2020-11-11-ip" not in set(drawn["source_id"])


def test_plans_are_named_by_their_relation_to_the_event():
    baoding = derive.plan_relations(ctx()).set_index("policy_id")["relation"]
    # The 14th Five-Year Plan (2021) came after the event (2017): never called cited.
    assert baoding.to_dict() == {
        "fyp13-ip": "cited",
        "hebei-powerful-ip": "cited",
        "fyp14-ip": "after",
    }
    tianjin = ctx(event_id="bth-2014-tianjin")
    assert set(derive.plan_relations(tianjin)["relation"]) == {"after"}
    keys = [k for k, _ in targets.intro(tianjin)]
    # Hebei's plan (April 2016) is neither cited at the Tianjin stop nor in force in Tianjin:
    # left out, and said so; the earliest plan shown is the 13th (December 2016).
    assert keys == ["targets_before", "targets_plans", "targets_elsewhere_none"]
    assert "hebei-powerful-ip" not in set(derive.plan_relations(tianjin)["policy_id"])
    before = dict(targets.intro(tianjin))["targets_before"]
    assert before["when"] == "November 2014" and before["issued"] == "December 2016"
    assert dict(targets.intro(tianjin))["targets_elsewhere_none"] == {
        "provinces": "Hebei",
        "home": "Tianjin",
    }
    assert "cited" not in dict(targets.intro(tianjin))["targets_plans"]["plans"]
    assert targets.plan_facts(tianjin)["relation"] == "adopted after the event"


def test_documents_are_cited_by_this_events_report_not_by_another_article():
    # The Tianjin stop's report cites none of the documents; the Baoding article does.
    tianjin = ctx(event_id="bth-2014-tianjin")
    assert not derive.documents(tianjin)["cited_in_article"].any()
    assert targets.article_only(tianjin).empty
    # Its chain draws the documents linked to the event: none, so no chart, and the prose
    # says why (the reviewer found documents it does not cite drawn to 2026).
    assert targets.chain_frame(tianjin).empty
    assert targets.chain_prose(tianjin) == "chain_none"
    baoding = derive.documents(ctx()).set_index("policy_id")["cited_in_article"]
    assert baoding["fyp13-ip"] and baoding["hebei-powerful-ip"]
    # A document charted with its official dates is never listed as lacking them.
    listed = set(targets.article_only(ctx())["policy_id"])
    assert not listed & set(targets.chain_frame(ctx())["policy_id"])
    assert "service-outline" not in listed and "hebei-ip-protection" in listed


def test_each_national_plan_has_a_chart_of_its_own():
    c = ctx()
    assert targets.plan_ids(c) == ["fyp13-ip", "fyp14-ip"]
    first = set(targets.progress_frame(c)["policy_id"])
    assert first == {"fyp13-ip"}  # the default: the oldest plan, never both on one scale
    later = targets.progress_frame(c, plan="fyp14-ip").set_index("indicator_id")
    assert set(later["policy_id"]) == {"fyp14-ip"}
    # High-value invention patents per 10,000 people: 6.3 -> 12 -> 16 (2025), met.
    row = later.loc["fyp14-1"]
    assert (row["baseline_value"], row["target_value"]) == (6.3, 12)
    assert row["realised_values"] == [16.0] and row["status"] == "met"
    # Each chart names its plan (by its short name in English, its number in Chinese) in
    # place of whose targets they are: one colon, not "14th Five-Year Plan: National plan
    # targets: ...".
    title = targets.progress_figure(c, "fyp14-ip").layout.title.text
    assert title == "14th Five-Year Plan targets: share of the planned change achieved"
    zh = targets.progress_figure(ctx(language="zh"), "fyp14-ip").layout.title.text
    assert zh == "国发〔2021〕20号规划指标：计划增量的完成比例"


def test_the_plans_side_by_side_pair_what_continues_and_say_when_the_measure_differs():
    side = targets.plans_side_by_side(ctx())
    first, second, measure = side.columns
    assert (first, second) == ("13th Five-Year Plan (2016-2020)", "14th Five-Year Plan (2021-2025)")
    # Pairs first: high-value patents continue all invention patents, a different measure.
    top = side.iloc[0]
    assert top[first].startswith("1. Invention patents owned per 10,000 people: 6.3 → 12 → 15.8")
    assert top[second].startswith("1. High-value invention patents owned per 10,000 people: 6.3")
    assert top[measure].startswith("differs")
    same = side[side[measure].str.startswith("same")]
    assert len(same) == 1 and "Public satisfaction" in same[second].iloc[0]
    # Every indicator of both plans appears once.
    assert len(side) == 10 + 8 - len(targets.continuity_pairs(ctx()))
    zh = targets.plans_side_by_side(ctx(language="zh"))
    assert zh.columns[2] == "口径" and zh.iloc[0, 2].startswith("口径不同")
    assert zh.columns[0] == "国发〔2016〕86号（2016—2020年）"


def test_ten_years_of_what_continues_are_drawn_each_plan_against_its_own_target():
    fig = targets.continuity_figure(ctx())
    # A line, not a bar: its axis spans the values, so 80 → 82 points is seen (from zero
    # the later plan's five years were a flat line).
    assert fig.layout.yaxis.rangemode != "tozero"
    satisfaction = [tr for tr in fig.data if any("points" in c for c in tr.customdata)]
    values = {float(v) for tr in satisfaction for v in tr.y}
    assert {68.72, 80.05, 82.81, 80, 82} <= values
    # Only a subject both plans measure alike is one path: high-value against all
    # invention patents (both 6.3) and royalties (US dollars against yuan) are named in
    # the note, never drawn as one line. Pledge financing is named differently by the two
    # plans, but the values reported for both are one yearly series (the 14th plan's
    # baseline is the 13th's 2020 value): one path, its head saying the names differ.
    heads = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert heads[0] == "Registered IP pledge financing (named differently, one reported series)"
    assert heads[1] == "Public satisfaction with IP protection (same measure)"
    assert len(heads) == 2
    note = targets.continuity_note(ctx())
    for name in ("High-value invention patents", "royalties"):
        assert name in note
    assert "pledge" not in note
    # Hover text as the report words values, with their period: no raw floats.
    hovers = [c for tr in fig.data for c in tr.customdata]
    assert "80.05 points (of 100) (2020)" in hovers, hovers
    assert not any(re.search(r"\d\.\d{3,}", c) for c in hovers), hovers
    # Amounts in 亿 are drawn in billions in English (2180亿元 is 218 billion yuan).
    assert targets._axis(1e8, "yuan", "en") == (0.1, "billion yuan")
    assert targets._axis(1e8, "亿元", "zh") == (1.0, "亿元")


def test_a_value_published_as_an_estimate_is_flagged_in_both_editions():
    # NBS's communiqué on 2020: "年末每萬人口發明專利擁有量預計達15.8件".
    for language, flag in (("en", "published as an estimate"), ("zh", "发布时为预计数")):
        v = targets.values_table(ctx(language=language)).set_index("observation_id")
        assert flag in v.loc["fyp13-1:n1-obs2020-fx361", "flags"]
        assert flag not in str(v.loc["fyp13-1:n1-obs2020-adorecm", "flags"])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_province_prose_says_what_the_comparison_chart_draws(language):
    """Under a Hebei filter only Hebei's line is drawn: the prose must not say both are,
    nor the title name the nation."""
    from ipdossier.i18n import t

    both, hebei = ctx(language=language), ctx(language=language, jurisdiction="Hebei")
    drawn = {
        run.jurisdiction: set(targets.comparison_frame(run)["jurisdiction"])
        for run in (both, hebei)
    }
    assert drawn == {"all": {"China", "Hebei"}, "Hebei": {"Hebei"}}
    says = {
        run.jurisdiction: t("prose_province_rel", language).format(
            **targets.plan_facts(run, level="provincial")
        )
        for run in (both, hebei)
    }
    if language == "en":
        assert "both are drawn" in says["all"]
        assert "both are drawn" not in says["Hebei"]
        assert "the province's values are drawn" in says["Hebei"]
        assert "national values are left out of this Hebei edition" in says["Hebei"]
    else:
        assert "一并绘出" in says["all"] and "一并绘出" not in says["Hebei"]
        assert "未绘全国数值" in says["Hebei"]
    titles = {
        run.jurisdiction: targets.comparison_figure(run).layout.title.text for run in (both, hebei)
    }
    national = t("China", language)
    assert national in titles["all"] and national not in titles["Hebei"]
    assert titles["Hebei"].endswith(t("Hebei", language))


@pytest.mark.parametrize("jurisdiction", ["all", "Hebei"])
def test_a_provincial_plan_without_stated_targets_is_named_not_charted(jurisdiction):
    later = targets.untargeted_plans(ctx(jurisdiction=jurisdiction))
    assert [p["plan"] for p in later] == [
        "Hebei 14th Five-Year Plan on IP Protection and Application"
    ]
    assert later[0]["date"] == "7 December 2021" and later[0]["period"] == "2021-2025"
    zh = targets.untargeted_plans(ctx(jurisdiction=jurisdiction, language="zh"))
    assert zh[0]["period"] == "2021—2025"
    assert not targets.untargeted_plans(ctx(jurisdiction="Tianjin"))
    assert "hebei-fyp14-ip" not in set(derive.progress(ctx(jurisdiction=jurisdiction))["policy_id"])


def test_a_filtered_documents_table_keeps_the_links_to_documents_it_leaves_out():
    # Under the Hebei filter the national plans are not listed, yet the Hebei documents
    # still say which of them they implement.
    d = targets.documents_table(ctx(jurisdiction="Hebei")).set_index("policy_id")
    assert d.loc["hebei-powerful-ip", "links"] == "implements Guofa [2015] No. 71"
    assert d.loc["hebei-fyp14-ip", "links"] == "implements Guofa [2021] No. 20"
    assert "guofa-2015-71" not in d.index


# -- the progress chart's geometry (issue: the 14th plan's scorecard overprinted) ---------------

# plotly.js sets an annotation's lines 1.3 em apart; a mark is 14 px across, its ring 2 px.
ANNOTATION_LINE = 1.3 * targets.NOTE_PX
MARK_HALF = 8


def _plot_px(fig):
    """A function from the chart's y to px below the plot's top, for a category axis (one
    band per row) or a numeric one."""
    layout = fig.layout
    height = layout.height - layout.margin.t - layout.margin.b
    axis = layout.yaxis
    if axis.categoryarray:
        rows = list(axis.categoryarray)[::-1]  # drawn top down
        return lambda y: (rows.index(y) + 0.5) * height / len(rows)
    top, bottom = axis.range[1], axis.range[0]
    return lambda y: (y - top) / (bottom - top) * height


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"language": "zh"},
        {"event_id": "bth-2014-tianjin"},
        {"event_id": "bth-2014-tianjin", "language": "zh"},
    ],
)
def test_progress_rows_keep_notes_off_the_next_rows_marks_and_say_why_a_row_has_none(params):
    run = ctx(**params)
    for plan in targets.plan_ids(run):
        fig = targets.progress_figure(run, plan)
        px = _plot_px(fig)
        p = targets.drawn_rows(run, plan)
        rows = list(p["row"])
        where = dict(zip(rows, [px(y) for y in (fig.layout.yaxis.tickvals or rows)], strict=True))
        notes = [a for a in fig.layout.annotations if a.yref in (None, "y")]
        assert len(notes) == len(rows)
        marked = {y for tr in fig.data if tr.mode != "lines" for y in tr.y if y is not None}
        for k, (r, note) in enumerate(zip(p.itertuples(), notes, strict=True)):
            centre = where[r.row]
            top = px(note.y) - (note.yshift or 0)
            bottom = top + ANNOTATION_LINE * (note.text.count("<br>") + 1) + 2
            # Below its own row's marks and period labels, above the next row's.
            assert top >= centre + MARK_HALF - 0.5, (plan, r.row, top, centre)
            if k + 1 < len(rows):
                below = where[rows[k + 1]]
                assert bottom <= below - MARK_HALF, (plan, r.row, bottom, below)
                # Labels (beside the plot) as tall as their lines do not meet either.
                room = (r.row.count("<br>") + rows[k + 1].count("<br>") + 2) / 2 * 14
                assert below - centre >= room, (plan, r.row)
            # A stated value with no mark: the note says why there is none.
            y = fig.layout.yaxis.tickvals[k] if fig.layout.yaxis.tickvals else r.row
            if r.realised_values and y not in marked:
                why = {t_(k2, run.language) for k2 in ("no_share_mark", "no_share_target_mark")}
                assert any(
                    w in plain(note.text).replace(" ", "")
                    for w in {w.replace(" ", "") for w in why}
                ), (plan, r.row, note.text)


def _drawn_marks(fig, c, left, per_day) -> list[tuple[str, float, float, str]]:
    """Every mark the chain draws, read from its traces: (policy, x px, y px, trace name).
    The y axis is in pixels from the top; a row is told by its y, a circle drawn below its
    row's centre by the nearest row above it."""
    rows = sorted(zip(c["y"], c["policy_id"], strict=True))
    out = []
    for trace in fig.data:
        if trace.type != "scatter" or trace.mode != "markers":
            continue
        for x, y in zip(trace.x, trace.y, strict=True):
            pid = max((r for r in rows if r[0] <= y + 0.5), default=rows[0])[1]
            out.append((pid, (pd.Timestamp(x) - left).days * per_day, float(y), trace.name))
    return out


def _chain_scale(fig):
    from ipdossier import theme

    left = pd.Timestamp(fig.layout.xaxis.range[0])
    right = pd.Timestamp(fig.layout.xaxis.range[1])
    per_day = (theme.WIDTH - fig.layout.margin.l - theme.MARGIN["r"]) / (right - left).days
    return left, per_day


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chain_marks_are_all_seen_and_its_curves_stay_by_what_they_join(language):
    """A review found the 13th plan's published circle (13 January 2017) drawn under its
    signed diamond (30 December 2016), 2 px apart, and its "succeeded by" curve bulging
    left of the axis's first year towards the labels. Every mark is drawn clear of every
    other (a circle too close to its diamond sits below it, at its own date), and no curve
    runs left of the marks of the rows it spans."""
    run = ctx(language=language)
    c = targets.chain_frame(run)
    fig = targets.chain_figure(run)
    left, per_day = _chain_scale(fig)
    marks = _drawn_marks(fig, c, left, per_day)
    fyp13 = [m for m in marks if m[0] == "fyp13-ip"]
    assert {m[3] for m in fyp13} == {t_("signed", language), t_("published", language)}
    for i, a in enumerate(marks):
        for b in marks[i + 1 :]:
            gap = ((a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2) ** 0.5
            # Two 12 px marks: centres 12 px apart touch, nearer overlap.
            assert gap >= 12, (a, b, gap)
    for link in targets.chain_links(run, c, per_day, left):
        ys = [y for _, y in link["points"]]
        spanned = [x for _, x, y, _ in marks if min(ys) - 1 <= y <= max(ys) + 15]
        # At most a mark's width (12 px) left of the leftmost mark it spans.
        assert min(x for x, _ in link["points"]) >= min(spanned) - 12, (link["from"], link["to"])
    succeeded = next(x for x in targets.chain_links(run, c, per_day, left) if x["to"] == "fyp14-ip"
                     and x["from"] == "fyp13-ip")
    first_year = (pd.Timestamp("2016-01-01") - left).days * per_day
    assert min(x for x, _ in succeeded["points"]) > first_year


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chain_arrows_pass_clear_of_every_mark_of_the_documents_they_do_not_join(language):
    # The 13th plan's arrow to the 14th ran through the Service Outline's published circle:
    # only each row's first date was an obstacle, not a second mark on the row.
    from shapely.geometry import LineString, Point

    from ipdossier import theme

    run = ctx(language=language)
    c = targets.chain_frame(run)
    fig = targets.chain_figure(run)
    left = pd.Timestamp(fig.layout.xaxis.range[0])
    right = pd.Timestamp(fig.layout.xaxis.range[1])
    per_day = (theme.WIDTH - fig.layout.margin.l - theme.MARGIN["r"]) / (right - left).days
    marks = [(pid, Point(x, y)) for pid, x, y, _ in _drawn_marks(fig, c, left, per_day)]
    links = targets.chain_links(run, c, per_day, left)
    assert any(x["from"] == "fyp13-ip" and x["to"] == "fyp14-ip" for x in links)
    for link in links:
        body = LineString(link["points"][3:-3])
        for pid, mark in marks:
            if pid not in (link["from"], link["to"]):
                # A 12 px mark with its 2 px ring: 13 px from its centre keeps the line off it
                # (on main the arrow passed the circle at 12.5 px, 10.9 in Chinese).
                assert body.distance(mark) >= 13, (link["from"], link["to"], pid)
    # Clear is not enough: bowed left, the 13th plan's arrow to the 14th still passed the
    # Outline's circle by 14 px, the row between them, and read as the Outline's successor.
    # It runs along the 13th plan's own row and turns down into the 14th at its date.
    succeeded = next(x for x in links if (x["from"], x["to"]) == ("fyp13-ip", "fyp14-ip"))
    body = LineString(succeeded["points"][3:-3])
    outline = [mark for pid, mark in marks if pid == "service-outline"]
    assert outline and min(body.distance(m) for m in outline) >= 3 * targets.CHAIN_MARK


def test_an_event_chain_draws_only_documents_linked_to_it_on_an_axis_that_fits_them():
    c = targets.chain_frame(ctx())
    linked = set(derive.event_citations(ctx())["policy_id"])
    links = derive.policy_links(ctx())
    for r in c.itertuples():
        joined = links[
            (links["policy_id"] == r.policy_id) | (links["target_policy_id"] == r.policy_id)
        ]
        assert r.policy_id in linked or len(joined), r.policy_id
    tianjin = ctx(event_id="bth-2014-tianjin")
    assert targets.chain_frame(tianjin).empty


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_ten_year_legend_names_only_what_is_drawn(language):
    """The 13th plan has no 2015 baseline of satisfaction: only its target diamond is
    drawn, and the legend named it "baseline → target". Each entry names what its trace
    draws; a one-row chart is drawn lower (it left half its page blank)."""
    fig = targets.continuity_figure(ctx(language=language))
    c = targets.continuity_drawn(ctx(language=language))
    words = {k: t_(f"{k}_word", language) for k in ("baseline", "target", "realised")}
    # Values as drawn: an amount in 亿 is drawn in billions in English (`_axis`).
    c = c.assign(
        drawn=[
            round(float(v) * targets._axis(sc, u, language)[0], 6)
            for v, sc, u in zip(c["value"], c["scale"], c["unit"], strict=True)
        ]
    )
    for trace in fig.data:
        role = trace.legendgroup.split("-")[0]
        drawn = c[
            (c["plan_role"] == role)
            & c["date"].isin(pd.to_datetime(list(trace.x)))
            & c["drawn"].isin([round(float(y), 6) for y in trace.y])
        ]
        kinds = set(drawn["kind"])
        label = trace.name.rsplit("：" if language == "zh" else ": ", 1)[-1]
        assert {k for k, w in words.items() if w in label} == kinds, (trace.name, kinds)
    earlier = [x for x in fig.data if words["target"] in x.name and len(x.x) == 1]
    assert earlier and words["baseline"] not in earlier[0].name
    assert fig.layout.height <= 420


def test_tables_give_document_numbers_as_the_prose_cites_them():
    """The English edition's tables read "Guofa [2016] No. 86 (国发〔2016〕86号)", as the
    prose cites it, the number as issued beside it; the Chinese edition's as issued."""
    from ipdossier.charts import policies

    for lang in ("en", "zh"):
        c = ctx(language=lang)
        tables = (targets.documents_table(c), policies.timeline_frame(c))
        for shown in ([v for v in x["doc_number"] if isinstance(v, str)] for x in tables):
            if lang == "en":
                assert "Guofa [2016] No. 86 (国发〔2016〕86号)" in shown, shown
                assert all(v.endswith("号)") for v in shown if "号" in v), shown
            else:
                assert "国发〔2016〕86号" in shown, shown


# -- the dossier read page by page again (thirty-fifth session) ---------------------------


def test_the_values_table_quotes_every_digit_and_charts_round_half_up():
    # "As stated" printed 3872.5亿 as 3872亿 (four significant digits, and a half rounded
    # to even) and 60,993 as 6.1万 in Chinese beside 60,993 in English.
    assert i18n.amount(3872.5, 1e8, "zh", exact=True) == "3872.5亿"
    assert i18n.amount(3872.5, 1e8, "en", exact=True) == "387.25 billion"
    assert i18n.amount(60993, 1, "zh", exact=True) == "60,993"
    assert i18n.amount(331.6255, 1e4, "en", exact=True) == "3,316,255"
    assert i18n.amount(8539.9, 1e8, "zh", exact=True) == "8539.9亿"
    assert i18n.amount(47.86, 1e8, "en", exact=True) == "4.786 billion"
    assert i18n.amount(47.86, 1e8, "zh", exact=True) == "47.86亿"
    assert i18n.amount(3872.5, 1e8, "zh") == "3873亿"  # a chart's label, rounded half up
    v = targets.values_table(ctx(language="zh"))
    shown = dict(zip(v["observation_id"], v["shown"], strict=True))
    assert shown["fyp14-4:obs2022-hnfi"] == "3872.5亿元"
    for r in v[v["value"].notna()].itertuples():
        digits = re.sub(r"\D", "", f"{r.value:f}".rstrip("0").rstrip("."))
        assert digits.lstrip("0") in re.sub(r"\D", "", r.shown), (r.observation_id, r.shown)


def test_each_link_is_in_the_row_of_the_document_that_states_it():
    # The 13th plan's row said "succeeded by Guofa [2021] No. 20": a plan of 2016 states
    # no successor; the 14th plan's text states that it follows the 13th.
    d = targets.documents_table(ctx()).set_index("policy_id")
    assert "succeed" not in str(d.loc["fyp13-ip", "links"])
    assert d.loc["fyp14-ip", "links"] == "succeeds Guofa [2016] No. 86"
    # a link only the event's report gives says so
    assert d.loc["ip-pilots-plan", "links"].endswith("(as the event's report states)")
    zh = targets.documents_table(ctx(language="zh")).set_index("policy_id")
    assert zh.loc["fyp14-ip", "links"] == "接续国发〔2016〕86号"


def test_a_baseline_says_whose_it_is_and_a_target_read_on_a_mirror_says_so():
    notes = {r.indicator_id: r for r in targets.progress_frame(ctx(), plan="fyp14-ip").itertuples()}
    fig = targets.progress_figure(ctx(), "fyp14-ip")
    text = " ".join(a.text for a in fig.layout.annotations if a.text).replace("<br>", " ")
    assert notes["fyp14-3"].baseline_basis == "observed"
    assert notes["fyp14-1"].baseline_basis == "plan_year_assumed"
    assert notes["fyp14-7"].baseline_basis == "plan"
    assert text.count("baseline: observed 2020 value") == 2  # pledge financing, royalties
    assert text.count("baseline's year (2020) assumed") == 4
    assert text.count("target read only on a mirror's copy") == 1


def test_a_baseline_whose_year_is_assumed_says_so_in_the_values_table():
    # 11.6% of GDP (patent-intensive industries): the summary gives no year, 2020 is
    # assumed, and CNIPA's 11.97% for 2020 conflicts with it. The row said only
    # "conflict", as if both were known to be 2020's.
    for language, flag in (("en", "year assumed"), ("zh", "年份系推定")):
        v = targets.values_table(ctx(language=language))
        v = v[v["observation_id"].isna() & (v["year"] < 2025)]  # the baselines
        base = v[v["indicator_id"] == "fyp14-5"].iloc[0]
        assert base["flags"].startswith(flag), base["flags"]
        # A baseline with its year stated carries no such flag.
        stated = v[v["indicator_id"] == "fyp14-7"].iloc[0]
        assert flag not in str(stated["flags"])


def test_a_baseline_without_its_basis_is_refused(tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    line = edit_cell(root / "indicators.csv", "fyp14-3", "baseline_basis", "")
    problems = [p for p in check(root, locators=False) if p.column == "baseline_basis"]
    assert [(p.file, p.row) for p in problems] == [("indicators.csv", line)]


def test_the_chain_and_progress_notes_cite_the_pages_their_marks_come_from():
    # The chain's note cited the article and three pages; the dates it draws were read on
    # the documents' own pages (policy_evidence).
    c = ctx()
    cited = set(targets.chain_sources(c)["source_id"])
    drawn = targets.chain_frame(c)["policy_id"]
    assert set(derive.evidence_sources(c, drawn)["source_id"]) <= cited
    # The progress notes name the first value that met a target ("met by 2019"), a
    # source's claim and another source's value for a disputed baseline: each is cited.
    p = targets.progress_frame(c, plan="fyp13-ip")
    named = {x for ids in p["cited_ids"] for x in ids}
    assert named
    sources = targets.sources(c, plan="fyp13-ip")
    assert named <= set(sources["observation_id"])
    values = derive.values(c)
    clash = values[values["conflict"] & values["indicator_id"].isin(set(p["indicator_id"]))]
    assert len(clash) and set(clash["observation_id"]) <= set(sources["observation_id"])
    # and the note says what "met in" and "met by" a year mean, the rows using both
    assert '"Met in 2020" rests on the 2020 value' in targets.progress_note(c, "fyp13-ip")
    assert "2020年已完成" in targets.progress_note(ctx(language="zh"), "fyp13-ip")
