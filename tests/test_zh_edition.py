"""The Chinese edition: prose by language tag, data values from names_zh, checks on them."""

from __future__ import annotations

import csv
import re

import nbformat
import pytest
from typer.testing import CliRunner

from ipdossier import check, derive
from ipdossier import notebook as nb
from ipdossier.cli import app
from ipdossier.data import load
from ipdossier.export import html as report_html
from ipdossier.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
runner = CliRunner()


def _prose(path, tag):
    return [
        c.source
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "markdown" and tag in c.metadata.get("tags", [])
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_prose_cell_has_a_chinese_twin(path):
    cells = nbformat.read(path, as_version=4).cells
    markdown = [c for c in cells if c.cell_type == "markdown"]
    assert markdown
    for c in markdown:
        tags = set(c.metadata.get("tags", []))
        assert len(tags & {"lang-en", "lang-zh"}) == 1, c.source[:60]
    en, zh = _prose(path, "lang-en"), _prose(path, "lang-zh")
    assert len(en) == len(zh)
    for text in zh:
        text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's target is a file name
        letters = [ch for ch in text if ch.isalpha()]
        assert sum(bool(CJK.match(ch)) for ch in letters) / len(letters) > 0.9, text[:40]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_export_keeps_only_the_prose_of_the_report_language(path, language):
    node = nbformat.read(path, as_version=4)
    chapter = report_html.chapter_from_node(node, 1, mode="print", language=language, stem="x")
    body = re.sub(r"\s+", " ", chapter.body)
    other = "lang-zh" if language == "en" else "lang-en"
    shown = "lang-en" if language == "en" else "lang-zh"
    for text in _prose(path, other):
        first = text.splitlines()[-1][:30]
        assert first not in body, first
    for text in _prose(path, shown):
        first = text.splitlines()[-1][:30].replace("“", "&quot;")
        assert text.splitlines()[-1][:12] in body or first in body, first
    # The chapter opens with its title in the report's language.
    meta = node.metadata["ipdossier"]
    assert chapter.title == (meta["title_zh"] if language == "zh" else meta["title"])


def test_chinese_run_reads_values_in_chinese_from_names_zh():
    names = load().names_zh
    zh = nb.setup(language="zh", renderer="json")
    en = nb.setup(language="en", renderer="json")
    row = names[(names["resource"] == "organisations") & (names["key"] == "hebei-ipo")].iloc[0]
    orgs_zh = zh.dossier.organisations.set_index("org_id")["name"]
    orgs_en = en.dossier.organisations.set_index("org_id")["name"]
    assert orgs_zh["hebei-ipo"] == row["zh"]
    assert orgs_en["hebei-ipo"] == "Hebei Provincial Intellectual Property Office"
    # A value with no Chinese form stays as it stands, never machine-made.
    assert orgs_zh["kangxin"] == orgs_en["kangxin"]
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


def test_check_warns_of_missing_chinese_forms_with_a_count(data_copy):
    result = runner.invoke(app, ["check", "--data", str(data_copy), "--no-locators"])
    assert result.exit_code == 0, result.output
    count = int(re.search(r"warning: (\d+) value\(s\) without a Chinese form", result.output)[1])
    listed = re.findall(r"warning: no Chinese form: (.+)", result.output)
    assert count == len(listed) > 0
    assert any(line.startswith("people.csv liu-jufang name") for line in listed)
    # A Chinese form given for a listed value takes it off the list.
    assert any(line.startswith("roles.csv r-ding title") for line in listed)
    with open(data_copy / "names_zh.csv", "a", encoding="utf-8") as fh:
        fh.write("roles,r-ding,title,副院长,translation,,\n")
    again = runner.invoke(app, ["check", "--data", str(data_copy), "--no-locators"])
    assert again.exit_code == 0, again.output
    assert f"warning: {count - 1} value(s) without a Chinese form" in again.output
    assert "roles.csv r-ding title" not in again.output
