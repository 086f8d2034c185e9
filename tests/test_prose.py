"""Chapter prose: rendered by the package in the run's language, from the data.

The notebooks hold no prose of their own: `nb.heading` and `nb.prose` display catalogue
passages, so JupyterLab shows a chapter in its `language` as the report does, and what a
passage says of the event (its name, its place in the series, counts, plans) comes from
the data of the event chosen.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from IPython import display

from ipdossier import derive, i18n
from ipdossier import notebook as nb
from ipdossier.charts import participation, policies, programme, series, targets
from ipdossier.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
CALL = re.compile(r"nb\.(prose|heading)\(\s*\"(\w+)\"")


def _calls(path) -> list[tuple[str, str]]:
    cells = nbformat.read(path, as_version=4).cells
    return [m.groups() for c in cells if c.cell_type == "code" for m in CALL.finditer(c.source)]


def _shown(call, *args, **kwargs) -> str:
    """The Markdown a call displays, as JupyterLab would render it."""
    shown = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display, "display", lambda *objs, **_: shown.extend(objs))
        call(*args, **kwargs)
    return "\n".join(o.data for o in shown if isinstance(o, display.Markdown))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_hold_no_prose_of_their_own(path):
    """But for the title cell JupyterLab shows before a run, which no report prints
    (test_layout checks it)."""
    cells = nbformat.read(path, as_version=4).cells
    assert not [
        c.source[:40]
        for c in cells
        if c.cell_type == "markdown" and "notebook-only" not in c.metadata.get("tags", [])
    ]
    assert _calls(path), "a chapter says something"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_passage_reads_in_chinese_in_the_chinese_catalogue(path):
    for kind, key in _calls(path):
        full = f"prose_{key}" if kind == "prose" else f"h_{key}"
        text = i18n.t(full, "zh")
        text = re.sub(r"\]\([^)]*\)|{\w+}", "]", text)  # link targets and placeholders
        letters = [ch for ch in text if ch.isalpha()]
        assert sum(bool(CJK.match(ch)) for ch in letters) / len(letters) > 0.9, full


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_chapter_opens_with_the_title_the_contents_give_it(path):
    node = nbformat.read(path, as_version=4)
    meta = node.metadata["ipdossier"]
    code = [c for c in node.cells if c.cell_type == "code"]
    first = re.search(r'nb\.heading\("(\w+)", ctx, level=1\)', code[2].source)
    assert first, "the first cell after set-up heads the chapter"
    assert i18n.t(f"h_{first[1]}", "en") == meta["title"]
    assert i18n.t(f"h_{first[1]}", "zh") == meta["title_zh"]


@pytest.fixture(scope="module")
def runs():
    def ctx(event_id="bth-2017-baoding", language="en", **kw):
        return nb.setup(event_id, language, renderer="json", **kw)

    return ctx


def test_prose_is_in_the_run_language_and_escapes_data(runs):
    zh = _shown(nb.prose, "event_intro", runs(language="zh"), event="<b>x</b>")
    en = _shown(nb.prose, "event_intro", runs(), event="<b>x</b>")
    assert zh.startswith("本章依据原文") and "&lt;b&gt;x&lt;/b&gt;" in zh
    assert en.startswith("What the sources report") and "<b>" not in en
    assert _shown(nb.heading, "event", runs(language="zh"), level=1) == "# 活动概况"
    with pytest.raises(i18n.MissingLabel):
        nb.prose("no_such_passage", runs())


def test_the_series_intro_names_the_event_and_its_place_in_the_series(runs):
    key, values = series.intro(runs())
    assert key == "series_intro" and values["nth"] == "9th"
    assert values["event"] == "Beijing-Tianjin-Hebei Jointly Promotes Synergic Development"
    key, values = series.intro(runs("bth-2014-tianjin", "zh"))
    assert key == "series_intro" and values["nth"] == "1"
    assert values["event"] == "2014年全国知识产权服务品牌机构牵手京津冀发展行动"
    text = _shown(nb.prose, key, runs("bth-2014-tianjin", "zh"), **values)
    assert "第1站" in text and "保定" not in text
    key, _ = series.intro(runs("jinan-ipr-symposium"))
    assert key == "series_intro_outside"


def test_counts_in_the_prose_come_from_the_event(runs):
    assert participation.title(runs()).endswith(": 150+ attendees")
    assert "100余家" in participation.title(runs("bth-2014-tianjin", "zh"))
    assert programme.undated(runs()) == {"parts": "4", "days": "both days"}
    assert programme.undated(runs("bth-2014-tianjin")) is None


def test_the_policies_chapter_shows_the_citations_of_this_event_only(runs):
    baoding = set(derive.cited_policies(runs())["policy_id"])
    assert {"fyp13-ip", "hebei-powerful-ip", "belt-road"} <= baoding
    assert "guofa-2015-71" not in baoding  # known from another page, not cited here
    assert derive.cited_policies(runs("bth-2014-tianjin")).empty
    assert policies.stated_links(runs()) == 1


def test_plan_facts_come_from_the_data(runs):
    plan = targets.plan_facts(runs(language="zh"))
    assert plan["number"] == "国发〔2016〕86号" and plan["plan"].startswith("“十三五”")
    assert (plan["baseline_year"], plan["target_year"]) == ("2015", "2020")
    province = targets.plan_facts(runs(), level="provincial")
    assert province["province"] == "Hebei" and province["number"] == "Jizhengfa [2016] No. 16"
    assert targets.plan_facts(runs(jurisdiction="Beijing")) is None
    first = targets.first_stop(runs(language="zh"))
    assert first == {
        "prose": "first_stop",
        "place": "天津",
        "month": "2014年11月",
        "reported": "2014年11月13日",
        "others": "2至8",
    }
    # Stop 9, this dossier's own event, is dated: not among the stops found undated.
    assert targets.first_stop(runs())["others"] == "2 to 8"
    assert targets._positions([2, 3, 5, 7, 8, 9], "en") == "2, 3, 5, 7 to 9"


def test_the_series_table_takes_a_stops_date_from_its_own_report(runs):
    table = derive.series_table(runs("bth-2014-tianjin", "zh")).set_index("position")
    assert table.loc[1, "place"] == "天津市" and table.loc[1, "date"] == "2014年11月"
    # every count the stop's report gives, as the first stop's own table gives them
    assert table.loc[1, "participants"] == (
        "18家全国知识产权服务品牌机构；100余家京津冀企业和服务机构"
    )
    # The stop's own report, and the Baoding article for the counts of the Baoding row.
    reported = table.attrs["reported"]
    assert set(reported["source_id"]) == {"tjrb-2014-11-13-tianjin-stop", "chinaip-1456"}
    assert set(reported.loc[reported["source_id"] == "chinaip-1456", "figure_id"]) == {
        "attendees",
        "brand-agencies",
    }
    # An event of the package spans its days, as everywhere else (it read "2017-07-05").
    assert table.loc[9, "date"] == "2017年7月5日至6日"
    assert table.loc[9, "participants"].startswith("与会人员150余人")
    # The row of this dossier's own event says so, and never "not stated" beside its values.
    assert (
        table.loc[1, "note"].startswith("本报告所述活动") and "未载明" not in table.loc[1, "note"]
    )


def test_prose_speaks_to_a_director_and_says_how_the_date_is_known_once():
    """A reviewer read "is in the package, but no page read states its targets", and the
    event's date basis twice (the summary, p. 3, and the event chapter, p. 5). Passages
    say what was found in words a director uses, and the summary points to the chapter
    that gives the date's basis instead of repeating it."""
    jargon = re.compile(r"in the package|data package|page read|pages read")
    for key, entry in i18n.catalogue().items():
        if key.startswith(("prose_", "summary_", "h_")):
            assert not jargon.search(entry["en"]), (key, entry["en"])
    untargeted = i18n.t("prose_province_untargeted", "en")
    assert "not found in the official text we read" in untargeted
    basis = derive.event(nb.setup("bth-2017-baoding", "en", renderer="json"))["date_basis"]
    for language in ("en", "zh"):
        said = i18n.t("summary_date_basis", language).format(basis=basis)
        assert basis not in said and ("The event" in said or "活动概况" in said)


def test_the_summary_counts_verdicts_in_conflict_not_differing_values():
    """The summary's column "Conflict" (来源矛盾) read 0 for every plan beside the values
    table's "conflict" flags (two values of one year that differ but lead to the same
    verdict): the column says it counts verdicts."""
    from ipdossier.i18n import t

    assert "Verdict" in t("Conflict", "en") and "结论" in t("Conflict", "zh")
    assert t("Conflict", "zh") != t("flag_conflict", "zh")


def test_the_summary_and_who_came_read_as_an_analyst_writes():
    """A review of the English edition read "was held in Baoding ... on 5–6 July 2017,
    held by the State Intellectual Property Office" (held twice in a sentence) and, under
    who came, "The jurisdiction filter of this report applies here." in an edition with no
    filter. The host hosts; an edition says what it leaves out only where it leaves
    something out, and names it."""
    from ipdossier.charts import attendance, summary

    for event in ("bth-2017-baoding", "bth-2014-tianjin"):
        key, facts = summary.event_facts(nb.setup(event, "en", renderer="json"))
        sentence = re.sub(r"\*\*[^*]+\*\*", "NAME", i18n.t(key, "en").format(**facts))
        words = re.findall(r"[a-z]+", sentence.split(".")[0].lower())
        assert words.count("held") <= 1, sentence
    for language in ("en", "zh"):
        every = attendance.intro(nb.setup(language=language, renderer="json"))
        assert not re.search(r"filter|applies here|筛选|适用于", every), every
        hebei = attendance.intro(nb.setup(language=language, jurisdiction="Hebei", renderer="json"))
        assert hebei.startswith(every) and i18n.t("Hebei", language) in hebei[len(every) :]


def test_the_participation_sentence_names_only_the_marks_its_chart_draws(runs, monkeypatch):
    # Baoding's counts hold a lower bound and no approximation: the sentence above the
    # chart described dotted approximations the chart did not draw.
    for language in ("en", "zh"):
        said = participation.prose_values(runs(language=language))["qualifiers"]
        assert said == i18n.t("participation_q_at_least", language)
    import pandas as pd

    monkeypatch.setattr(
        participation, "frame", lambda ctx: pd.DataFrame({"qualifier": ["approximately"]})
    )
    said = participation.prose_values(runs())["qualifiers"]
    assert "tilde" in said and "lower bound" not in said
    monkeypatch.setattr(participation, "frame", lambda ctx: pd.DataFrame({"qualifier": ["exact"]}))
    assert participation.prose_values(runs())["qualifiers"] == ""
