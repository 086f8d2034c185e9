"""One truth per value, read off the built review variants (notebooks/params/review.yaml):
what a chart draws is never called unknown beside it, a value for part of a year shows its
period wherever it is printed, and each variant's targets chapter says how its plans stand
to its own event.

These read the executed notebooks the build publishes beside each PDF (charts as plotly
JSON, tables and prose as HTML) and the printed PDF's text layer."""

from __future__ import annotations

import csv
import html
import re
from io import StringIO
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import REVIEW_SLUGS, review_params
from pdfs import compact, text_of

from ipdossier.i18n import t

ROOT = Path(__file__).resolve().parent.parent
PLOTLY = "application/vnd.plotly.v1+json"

# What a row says when it has no value to show.
UNKNOWN = re.compile(r"\bunknown\b|no realised value found|未知|未找到实际值", re.IGNORECASE)
# A period that is only part of a year names a month: "end-June 2019", "Jan-Aug 2020",
# "2019年6月底", "2020年1-8月".
MONTHLY = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b.*\d{4}|\d{4}年\d{1,2}(-\d{1,2})?月"
)


def _targets(review: Path, slug: str):
    return nbformat.read(review / slug / "notebooks" / "04_targets.ipynb", as_version=4)


def _outputs(nb) -> tuple[list[dict], list[str]]:
    figures, htmls = [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY in data:
                figures.append(data[PLOTLY])
            for kind in ("text/html", "text/markdown"):
                if kind in data:
                    text = data[kind]
                    htmls.append("".join(text) if isinstance(text, list) else text)
    return figures, htmls


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(text))).split())


def _drawn(figures: list[dict]) -> dict[str, list]:
    """Indicator name -> values drawn for it, from every chart of the chapter: the progress
    chart's marks (its rows are "N. name") and the comparison chart's realised lines
    ("Jurisdiction: name (realised)")."""
    drawn: dict[str, list] = {}
    for fig in figures:
        # The progress chart places its rows at px on a numeric axis, named by its ticks.
        axis = fig["layout"].get("yaxis") or {}
        named = dict(zip(axis.get("tickvals") or [], axis.get("ticktext") or [], strict=False))
        for tr in fig["data"]:
            if tr.get("mode") == "lines" or not any(x is not None for x in tr.get("x") or []):
                continue  # no mark, or a legend's key alone (one empty mark)
            name = tr.get("name") or ""
            if name.endswith((": realised", "baseline → target")):
                # The ten-year chart: traces named by plan, one panel per indicator; its
                # values are each plan's own, checked in tests/test_targets.py.
                continue
            if ": " in name and "(" in name:
                # The comparison chart: one trace per indicator and kind.
                if "dash" in str(tr.get("line", {}).get("dash", "")):
                    continue
                label = name.split(": ", 1)[1].rsplit(" (", 1)[0]
                drawn.setdefault(label, []).extend(tr["y"])
                continue
            if len(tr.get("y") or []) != len(tr["x"]):
                continue  # not one mark per row: the policy chain's link curves and labels
            for x, y in zip(tr["x"], tr["y"], strict=True):
                y = named.get(y, y)
                label = re.sub(r"^\d+\.\s*", "", _plain(str(y).replace("<br>", " ")))
                drawn.setdefault(label, []).append(x)
    return drawn


def _rows(htmls: list[str]) -> list[str]:
    """Every table row of the chapter as plain text."""
    rows = []
    for h in htmls:
        rows += [_plain(r) for r in re.findall(r"<tr>(.*?)</tr>", h, re.DOTALL)]
    return rows


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_no_value_drawn_is_called_unknown_beside_it(review, slug):
    figures, htmls = _outputs(_targets(review, slug))
    drawn = _drawn(figures)
    notes = [
        _plain(a.get("text", "")) for fig in figures for a in fig["layout"].get("annotations", [])
    ]
    for name in drawn:
        said = [r for r in _said(htmls, name) + notes if compact(name) in compact(r)]
        wrong = [r for r in said if UNKNOWN.search(r)]
        assert not wrong, (slug, name, wrong)


def _said(htmls: list[str], name: str) -> list[str]:
    """What the tables say beside `name`: the row, or, where one cell gives an indicator
    with its own path and verdict (the plans side by side, two indicators a row), that
    cell alone."""
    out = []
    for h in htmls:
        for row in re.findall(r"<tr>(.*?)</tr>", h, re.DOTALL):
            cells = [_plain(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)]
            own = [c for c in cells if compact(name) in compact(c) and "→" in c]
            out += own or [_plain(row)]
    return out


def test_hebei_indicator_chart_draws_a_value(review):
    # Hebei's one indicator with a value on the scale is a table row in words (a chart of
    # one mark said less): its value and verdict are printed, and no chart claims it.
    figures, htmls = _outputs(_targets(review, "hebei-en"))
    row = [r for r in _rows(htmls) if "Invention patents owned per 10,000 people" in r]
    assert row and "3.54" in row[0] and "met" in row[0], row
    assert not any(f["layout"]["title"]["text"].startswith("Hebei's plan") for f in figures)
    # Not "national and Hebei" over a chart that draws Hebei alone.
    titles = [f["layout"]["title"]["text"] for f in figures]
    assert not any("national and Hebei" in x or "China (national)" in x for x in titles), titles


def _part_year_observations(jurisdiction: str, left_out: str = "") -> list[dict]:
    """Observations of the data package covering part of a year, read from the CSV (not
    through the package's own code), for the indicators a variant draws (`left_out`: the
    province whose plans a variant of an event elsewhere leaves out)."""
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8") as f:
        whose = {r["indicator_id"]: r["jurisdiction"] for r in csv.DictReader(f)}
    with open(ROOT / "data" / "observations.csv", encoding="utf-8") as f:
        rows = [
            r
            for r in csv.DictReader(f)
            if not (
                r["period_kind"] == "year"
                or r["period_kind"] in ("point", "cumulative") and r["period_end"].endswith("12-31")
            )
            and r["period_kind"] != "span"
        ]
    return [
        r
        for r in rows
        if (jurisdiction == "all" or whose[r["indicator_id"]] == jurisdiction)
        and whose[r["indicator_id"]] != left_out
    ]


@pytest.mark.parametrize(
    "slug, jurisdiction, left_out",
    [
        ("en", "all", ""),
        ("zh", "all", ""),
        # The Tianjin stop (2014): Hebei's plan is neither cited at it nor in force there.
        ("tianjin-en", "all", "Hebei"),
        ("hebei-en", "Hebei", ""),
    ],
)
def test_every_part_year_value_shows_its_period(review, slug, jurisdiction, left_out):
    _, htmls = _outputs(_targets(review, slug))
    tables = [
        pd.read_html(StringIO(h))[0]
        for h in htmls
        if "ipd-table" in h and ("Flags" in h or "标注" in h or "flags" in h.lower())
    ]
    values = [t for t in tables if t.shape[1] >= 6]
    assert values, "no values table"
    period = values[-1].columns[3]
    months = [p for p in values[-1][period].astype(str) if MONTHLY.search(p)]
    # One row with a month in its period per part-year value in the data: none is shown
    # as a whole year's.
    assert len(months) == len(_part_year_observations(jurisdiction, left_out)), (slug, months)


def test_part_year_values_read_with_their_period_in_the_printed_pdf(review):
    en = compact(text_of(review / "en" / "04_targets.pdf"))
    for shown in (
        # The values table: period, then the value as stated (no verdict is drawn on it).
        "Jan-Aug 2020 5.58 billion US dollars",
        "end-June 2020",
        "end-October 2020",
        "3.54 (end-June 2019)",
    ):
        assert compact(shown) in en, shown
    assert compact("met by end-June 2019") in en
    zh = compact(text_of(review / "zh" / "04_targets.pdf"))
    for shown in (
        "2020年1-8月 55.8亿美元",
        "2020年6月底",
        "2020年10月底",
        "3.54（2019年6月底）",
    ):
        assert compact(shown) in zh, shown
    assert "未找到实际值" not in zh.split(compact("每万人口发明专利拥有量"), 1)[1][:60]


@pytest.mark.parametrize("slug", review_params(["tianjin-en", "tianjin-zh"]))
def test_tianjin_never_calls_a_later_plan_cited(review, slug):
    text = compact(text_of(review / slug / "04_targets.pdf"))
    cited_zh = t("relation_cited", "zh")
    for said in ("cited in this dossier", "cited at the event", "本档案所涉规划", cited_zh):
        assert compact(said) not in text, said
    before = "came before every plan" if slug.endswith("en") else "早于本章所列目标的全部规划"
    assert compact(before) in text
    # The sentence comes before the first chart of the chapter (the 13th plan's: each of
    # the two national plans' charts is titled by its plan).
    first_chart = (
        "13th Five-Year Plan targets" if slug.endswith("en") else "国发〔2016〕86号规划指标"
    )
    assert text.index(compact(before)) < text.index(compact(first_chart))


@pytest.mark.parametrize("slug", ["en", "zh"])
def test_the_baoding_variant_names_its_plans_as_cited_at_the_event(review, slug):
    text = compact(text_of(review / slug / "04_targets.pdf"))
    assert compact(t("relation_cited", "zh" if slug == "zh" else "en")) in text
    assert compact("cited in this dossier") not in text


@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_no_charted_document_is_listed_as_lacking_an_official_text(review, slug):
    figures, htmls = _outputs(_targets(review, slug))
    chain = [f for f in figures if any(tr.get("type") == "bar" for tr in f["data"])]
    charted = {
        _plain(str(y).replace("<br>", " "))
        for f in chain
        for tr in f["data"]
        for y in tr.get("y", [])
    }
    lacking = [
        re.split(r"no official text found:|未找到官方文本：", _plain(h), maxsplit=1)[-1]
        for h in htmls
        if "no official text found" in h or "未找到官方文本" in h
    ]
    for listed in lacking:
        for name in charted:
            # The English title as charted, before its Chinese title in brackets.
            title = name.split(" (")[0] if " (" in name else name
            assert compact(title) not in compact(listed), (slug, title, listed)


# -- one derived date, period and flag per value (read through the package) -----------------


def _run(language: str = "en", **kw):
    from ipdossier import notebook as nb

    return nb.setup("bth-2017-baoding", language, renderer="json", **kw)


def test_a_policy_is_dated_once_and_says_which_date_it_shows():
    """The policies table printed "Signed —" for the Service Industry Outline while the
    timeline drew it at its published date: derive places each policy by one date and
    names its kind, and the table, the timeline's column and the chain read that."""
    from ipdossier import derive
    from ipdossier.charts import policies

    p = derive.policies(_run()).set_index("policy_id")
    assert p.loc["service-outline", "date_kind"] == "published"
    assert p.loc["service-outline", "date_text"] == "published 21 June 2017"
    assert p.loc["fyp13-ip", "date_text"] == "signed 30 December 2016"
    assert p.loc["clg-30", "date_text"] == "held December 2016"
    assert p.loc["belt-road", "date_text"] == "not stated"
    zh = derive.policies(_run("zh")).set_index("policy_id")
    assert zh.loc["service-outline", "date_text"] == "2017年6月21日发布"
    assert zh.loc["hebei-powerful-ip", "date_text"] == "2016年4月发布"
    # The timeline's column prints what the table prints.
    frame = policies.timeline_frame(_run()).set_index("policy_id")
    assert policies._stated_date(frame.loc["service-outline"], "en") == "published 21 June 2017"
    # The chapter's table shows that column, not a bare signed date beside a "basis".
    source = (ROOT / "notebooks" / "03_policies.ipynb").read_text(encoding="utf-8")
    assert "date_text" in source and '\\"signed_date\\": \\"Signed\\"' not in source


def test_a_municipal_policy_says_its_city_where_a_provincial_one_says_its_province():
    """Baoding's strategy was listed under "Hebei" in the policies table and the hierarchy,
    as a Hebei provincial document is: a municipal document names its issuer's city."""
    from ipdossier import derive
    from ipdossier.charts import policies

    p = derive.policies(_run()).set_index("policy_id")
    assert p.loc["baoding-strategy", "where"] == "Baoding, Hebei"
    assert p.loc["hebei-powerful-ip", "where"] == "Hebei"
    assert p.loc["fyp13-ip", "where"] == "China (national)"
    zh = derive.policies(_run("zh")).set_index("policy_id")
    assert zh.loc["baoding-strategy", "where"] == "河北保定"
    assert zh.loc["hebei-powerful-ip", "where"] == "河北"
    boxes = policies.hierarchy_rows(_run()).set_index("policy_id")["text"]
    assert boxes["baoding-powerful-ip"].endswith(">Baoding, Hebei</span>")


def test_a_period_without_a_stated_start_is_unknown_in_the_table_and_the_chart():
    """冀政发〔2016〕16号 runs "to 2020"; no page states its first year. The table said
    "?–2020" while the chain's bar started in 2016 as if stated."""
    from ipdossier import derive
    from ipdossier.charts import targets

    p = derive.policies(_run()).set_index("policy_id")
    assert p.loc["hebei-powerful-ip", "period_text"] == "to 2020 (start not stated)"
    assert p.loc["fyp13-ip", "period_text"] == "2016–2020"
    docs = targets.documents_table(_run()).set_index("policy_id")
    assert docs.loc["hebei-powerful-ip", "period"] == "to 2020 (start not stated)"
    assert not any("?" in str(v) for v in docs["period"].dropna())
    fig = targets.chain_figure(_run())
    bars = {tr.name: tr for tr in fig.data if tr.type == "bar"}
    open_bar = bars[i18n_t("period_open_bar")]
    assert list(open_bar.hovertext) == ["to 2020 (start not stated)"]
    assert open_bar.marker.pattern.shape == "/"
    assert "to 2020 (start not stated)" not in list(bars[i18n_t("period_bar")].hovertext)


def i18n_t(key: str, language: str = "en") -> str:
    from ipdossier import i18n

    return i18n.t(key, language)


def test_flags_say_what_a_value_covers_and_different_measures_are_not_a_conflict():
    """"125%, to 2020" covers the plan period, not part of a year; PCT applications
    received by CNIPA and WIPO's count by applicant origin are two measures, not a
    conflict. The plan's 2015 pledge-financing baseline against another page's value for
    2015 stays a conflict."""
    from ipdossier import derive
    from ipdossier.charts import targets

    v = derive.values(_run()).set_index("observation_id", drop=False)
    growth = v.loc["fyp13-9:n9-cumgrowth-e23"]
    assert growth["period_label"] == "to 2020" and not growth["part_year"]
    pct = v[(v["indicator_id"] == "fyp13-2") & v["year"].isin([2019, 2020])]
    pct = pct[pct["role"] == "observation"]
    assert len(pct) == 4 and pct["measures_differ"].all() and not pct["conflict"].any()
    pledge = v[(v["indicator_id"] == "fyp13-5") & (v["year"] == 2015)]
    assert pledge["conflict"].all()
    table = targets.values_table(_run())
    flags = dict(zip(table["observation_id"], table["flags"], strict=True))
    assert "part of the year" not in str(flags["fyp13-9:n9-cumgrowth-e23"])
    assert str(flags["fyp13-2:n2-obs2019-ro-natlaw"]).startswith("different measures")
    assert "conflict" not in str(flags["fyp13-2:n2-obs2019-ro-natlaw"])
    # A value for part of a year keeps its flag.
    part = table[table["period_shown"] == "Jan-Aug 2020"]
    assert len(part) and all("part of the year" in f for f in part["flags"])
