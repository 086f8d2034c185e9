"""The Chinese edition: data values from names_zh, and the checks on them (the chapters'
prose in both languages is tested in test_prose.py)."""

from __future__ import annotations

import csv
import re

import nbformat
import pytest
from typer.testing import CliRunner

from ipdossier import check, derive, i18n
from ipdossier import notebook as nb
from ipdossier.cli import app
from ipdossier.data import load
from ipdossier.paths import notebooks_dir

ROOT = notebooks_dir().parent

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
runner = CliRunner()


def test_chinese_run_reads_values_in_chinese_from_names_zh():
    names = load().names_zh
    zh = nb.setup(language="zh", renderer="json")
    en = nb.setup(language="en", renderer="json")
    row = names[(names["resource"] == "organisations") & (names["key"] == "hebei-ipo")].iloc[0]
    orgs_zh = zh.dossier.organisations.set_index("org_id")["name"]
    orgs_en = en.dossier.organisations.set_index("org_id")["name"]
    assert orgs_zh["hebei-ipo"] == row["zh"]
    assert orgs_en["hebei-ipo"] == "Hebei Provincial Intellectual Property Office"
    # A value with no Chinese form stays as it stands, never machine-made, marked as such.
    assert orgs_zh["cptd"] == orgs_en["cptd"] + "†"
    labels = derive.headline_figures(zh).set_index("figure_id")["label"]
    assert labels["attendees"] == "150余人" and labels["series-reach"] == "近1,000家"


def _rewrite(path, match, column, value):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if all(r[k] == v for k, v in match.items()):
            r[column] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_check_rejects_a_quote_without_the_name_and_a_translated_name(data_copy):
    assert check.check(data_copy, locators=False) == []
    names = data_copy / "names_zh.csv"
    _rewrite(names, {"key": "hebei-ipo"}, "zh", "河北知识产权局")
    _rewrite(names, {"key": "tianjin-ipo"}, "basis", "translation")
    _rewrite(names, {"key": "clg-30"}, "basis", "translation")  # a meeting's name
    problems = [str(p) for p in check.check(data_copy, locators=False)]
    assert any("policies.title is a name" in p for p in problems), problems
    # A strategy described in the article's own words may be translated.
    assert not any("baoding-strategy" in p for p in problems)
    assert any("names_zh.csv, row" in p and "does not hold '河北知识产权局'" in p for p in problems)
    assert any("organisations.name is a name" in p for p in problems), problems


def test_a_name_quoted_in_traditional_characters_holds_its_simplified_form(data_copy):
    """康信's full name is printed only in traditional characters (北京康信知識產權代理有限
    責任公司): the Chinese edition prints it simplified, and check finds that form in the
    quote; a name the quote does not hold in either form is still refused."""
    names = data_copy / "names_zh.csv"
    with open(names, newline="", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["key"] == "kangxin")
    assert "知識產權" in row["quote"] and row["zh"] == "北京康信知识产权代理有限责任公司"
    assert check.check(data_copy, locators=False) == []
    _rewrite(names, {"key": "kangxin"}, "zh", "北京康信专利代理有限责任公司")
    problems = [str(p) for p in check.check(data_copy, locators=False)]
    assert any("does not hold '北京康信专利代理有限责任公司'" in p for p in problems), problems


def test_check_warns_of_missing_chinese_forms_with_a_count(data_copy):
    result = runner.invoke(app, ["check", "--data", str(data_copy), "--no-locators"])
    assert result.exit_code == 0, result.output
    count = int(re.search(r"warning: (\d+) value\(s\) without a Chinese form", result.output)[1])
    listed = re.findall(r"warning: no Chinese form: (.+)", result.output)
    assert count == len(listed) > 0
    assert any(line.startswith("people.csv liu-jufang name") for line in listed)
    # A Chinese form given for a listed value takes it off the list.
    assert any(line.startswith("people.csv ding-pu name") for line in listed)
    with open(data_copy / "names_zh.csv", "a", encoding="utf-8") as fh:
        # (a made-up page quote: check holds the name to its quote, not to a page here)
        fh.write("people,ding-pu,name,丁某,source,haobrand-1876,副院长丁某介绍\n")
    again = runner.invoke(app, ["check", "--data", str(data_copy), "--no-locators"])
    assert again.exit_code == 0, again.output
    assert f"warning: {count - 1} value(s) without a Chinese form" in again.output
    assert "people.csv ding-pu name" not in again.output


def test_chinese_edition_says_once_which_names_stay_as_the_report_spells_them():
    zh = nb.setup(language="zh", renderer="json")
    en = nb.setup(language="en", renderer="json")
    shown = derive.names_as_printed(zh)
    # People and bodies with no Chinese form from a page read, as the report spells them.
    assert "Liu Jufang" in shown and "China Patent Technology Development Co." in shown
    # Those a page gives in Chinese are not listed (郭文强, 康信), nor is anyone twice.
    assert "Guo Wenqiang" not in shown and "Kangxin Partners P.C." not in shown
    assert len(shown) == len(set(shown))
    assert derive.names_as_printed(en) == []
    # Said once in the edition: one cell of one chapter shows it.
    cells = [
        c.source
        for path in NOTEBOOKS
        for c in nbformat.read(path, as_version=4).cells
        if "names_as_printed" in c.source
    ]
    assert len(cells) == 1 and 'nb.prose("names_as_printed"' in cells[0]


def test_chinese_people_chart_lists_names_with_the_chinese_separator():
    from ipdossier.charts import attendance

    zh = attendance.frame(nb.setup(language="zh", renderer="json"))
    en = attendance.frame(nb.setup(language="en", renderer="json"))
    assert all(", " not in n for n in zh["names"]) and any("、" in n for n in zh["names"])
    assert any(", " in n for n in en["names"])


LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .&'’-]*[A-Za-z.]")


def test_every_latin_name_of_the_chinese_event_chapter_is_marked_as_having_no_chinese_form():
    """The zh event chapter printed Wang Dedao, Chang Shengmao, Tianjin Binhai Kewei IP
    Agency... as if they were Chinese text. No page read gives their Chinese form, so none
    is invented: each is printed as the report spells it, with the mark that says so, in
    every frame the chapter draws its names from (who came, who spoke, their titles)."""
    NO_ZH_MARK = "†"
    zh = nb.setup(language="zh", renderer="json")
    p, s = derive.participants(zh), derive.speeches(zh)
    cells = [*p["name"], *p["organisation"], *p["title"], *s["speaker"], *s["organisation"]]
    unmarked = sorted(
        {
            m.group(0)
            for cell in cells
            if isinstance(cell, str)
            for m in LATIN_NAME.finditer(cell)
            if not cell[m.end() :].startswith(NO_ZH_MARK)
        }
    )
    assert not unmarked, unmarked
    # A name a page gives in Chinese is printed in Chinese, unmarked.
    names = set(p["name"])
    assert "高振峰" in names and "Liu Jufang" + NO_ZH_MARK in names
    assert not any(NO_ZH_MARK in str(n) for n in names if not re.search("[A-Za-z]", str(n)))
    # The mark is explained where the names are listed.
    assert NO_ZH_MARK in i18n.t("prose_names_as_printed", "zh")


def test_chinese_summary_names_plans_in_book_title_marks_and_amounts_without_commas():
    """The zh summary printed plan titles bare, and amounts as "1,800亿": a Chinese number
    before 万 or 亿 takes no thousands commas; plain counts keep them (4,351件)."""
    from ipdossier.charts import summary

    zh = nb.setup(language="zh", renderer="json")
    card = summary.scorecard(zh).set_index("policy_id")
    assert card.loc["fyp13-ip", "plan"] == "《“十三五”国家知识产权保护和运用规划》"
    sentence = summary.scorecard_sentence(card.loc["fyp13-ip"], "zh")
    assert sentence.startswith("**《“十三五”")
    assert i18n.quantity(1800, 1e8, "zh", "亿元") == "1800亿元"
    assert i18n.amount(2180, 1e8, "zh") == "2180亿"
    assert i18n.amount(4351, 1, "zh") == "4,351"
    assert i18n.amount(1800, 1e8, "en") == "180 billion"


def test_a_table_keeps_a_number_with_its_unit_and_a_date_on_one_line():
    """Chinese breaks between any two characters, so a zh table's column shrank until
    "848.5亿元" wrapped "元", and "2016-12-30" broke at its hyphens in both editions."""
    import pandas as pd
    from IPython import display

    shown = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display, "display", lambda *objs, **_: shown.extend(objs))
        nb.table(
            pd.DataFrame(
                {
                    "数值": ["848.5亿元"],
                    "时段": ["2020年1-8月"],
                    "日期": ["成文2016-12-30"],
                    "会期": ["2017年7月5日至6日"],
                }
            ),
            language="zh",
        )
    html = shown[0].data
    # A span of days broke before its last 日 ("2017年7月5日至6" / "日"): it may break
    # only before 至, so the column need not be as wide as the whole span.
    for run in ("848.5亿元", "2020年1-8月", "2016-12-30", "2017年7月5日", "至6日"):
        assert f'<span class="ipd-nobr">{run}</span>' in html, html
    css = (ROOT / "src" / "ipdossier" / "export" / "templates" / "report.css").read_text()
    assert re.search(r"\.ipd-nobr\s*{\s*white-space:\s*nowrap", css)


def test_a_column_of_indicator_names_keeps_a_term_s_width_in_chinese():
    """The zh values table's indicator column shrank to "PCT专利申请" / "量" beside the
    wider columns: a column of terms is kept at least a short term wide."""
    import pandas as pd
    from IPython import display

    shown = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display, "display", lambda *objs, **_: shown.extend(objs))
        nb.table(
            pd.DataFrame({"indicator": ["PCT专利申请量"], "flags": ["相关口径"]}),
            columns={"indicator": "Indicator", "flags": "Flags"},
            language="zh",
            terms=["indicator"],
        )
    html = shown[0].data
    assert '<span class="ipd-term">PCT<wbr>专利申请量</span>' in html
    assert '<span class="ipd-term">相关口径' not in html
    css = (ROOT / "src" / "ipdossier" / "export" / "templates" / "report.css").read_text()
    assert re.search(r"\.ipd-term\s*{[^}]*min-width", css)
    source = (ROOT / "notebooks" / "04_targets.ipynb").read_text(encoding="utf-8")
    assert source.count("terms=[") == 2


def test_a_term_longer_than_its_column_breaks_between_words_only():
    """A review of the zh edition found 每万人口发明专利拥有 / 量 and 知识产权服务业营业收入年
    均增 / 长 in the values table's indicator column: a name longer than the column's
    term width broke between any two characters. A term cell may break only where
    notebook.table puts a <wbr> (between words); report.css forbids a break elsewhere."""
    import pandas as pd
    from IPython import display

    names = ["每万人口发明专利拥有量", "知识产权服务业营业收入年均增长", "PCT专利申请量"]
    shown = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display, "display", lambda *objs, **_: shown.extend(objs))
        nb.table(
            pd.DataFrame({"indicator": names, "flags": ["相关口径"] * 3}),
            columns={"indicator": "Indicator", "flags": "Flags"},
            language="zh",
            terms=["indicator"],
        )
    cells = re.findall(r'<span class="ipd-term">(.*?)</span>', shown[0].data)
    assert [c.replace("<wbr>", "") for c in cells] == names
    pieces = [c.split("<wbr>") for c in cells]
    assert "拥有量" in pieces[0] and "发明专利" in pieces[0]
    assert "增长" in pieces[1] and "年均" in pieces[1]
    assert pieces[2] == ["PCT", "专利申请量"]
    css = (ROOT / "src" / "ipdossier" / "export" / "templates" / "report.css").read_text()
    assert re.search(r"\.ipd-term\s*{[^}]*word-break:\s*keep-all", css)
