"""How the targets chapter presents what it knows: numbers in the form a reader of each
language writes them, the policy chain without overprinted labels, the documents table in
the reader's language, and the series' first stop in words. The formatter is tested on its
own; the rest on the review variants' printed PDFs (the session fixture `review`)."""

from __future__ import annotations

import logging
import re
from itertools import combinations

import pandas as pd
import pdfs
import pytest
from conftest import REVIEW_SLUGS, review_params

from ipdossier import derive, theme
from ipdossier import notebook as nb
from ipdossier.charts import policies, targets
from ipdossier.i18n import amount, base_unit, quantity, t

# -- the formatter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "scale", "unit", "zh", "en"),
    [
        (0.4351, 1e4, "万件", "4,351件", "4,351 applications"),
        (331.6255, 1e4, "万件", "331.6万件", "3.32 million applications"),
        (6.7, 1e4, "万件", "6.7万件", "67,000 applications"),
        (750, 1e8, "亿元", "750亿元", "75 billion applications"),
        (55.8, 1e8, "亿美元", "55.8亿美元", "5.58 billion applications"),
        (5.9045, 1e4, "万件", "5.9万件", "59,045 applications"),
        (6.3, 1, "件", "6.3件", "6.3 applications"),
    ],
)
def test_quantities_read_as_each_language_writes_them(value, scale, unit, zh, en):
    assert quantity(value, scale, "zh", unit) == zh
    assert quantity(value, scale, "en", "applications") == en


def test_english_has_no_chinese_magnitudes_and_yuan_reads_in_billions():
    assert quantity(750, 1e8, "en", "yuan") == "75 billion yuan"
    assert quantity(1800, 1e8, "en", "yuan") == "180 billion yuan"
    assert quantity(15, 1, "en", "%", "at_least") == "at least 15%"  # 以上 includes 15
    for value, scale in ((0.4351, 1e4), (331.6255, 1e4), (750, 1e8), (2250, 1e8)):
        assert not re.search("[万亿]", amount(value, scale, "en"))


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        # 余 after a whole number and before its magnitude; 超过 where the source printed it,
        # or after a decimal.
        ((100, 1, "家", "at_least"), "100余家", "more than 100"),
        ((750, 1e8, "亿元", "at_least"), "750余亿元", "more than 75 billion"),
        ((0.48, 1e4, "万件", "at_least", "超过0.48万件"), "超过4,800件", "more than 4,800"),
        ((6.7, 1e4, "万件", "at_least"), "超过6.7万件", "more than 67,000"),
        # A rate's lower bound as the plans write it (年均增长15%以上), unless printed 超过.
        # 以上 includes the number (民法典 art. 1259), so English says "at least", not "more than".
        ((15, 1, "%", "at_least"), "15%以上", "at least 15"),
        ((3, 1, "件", "at_least"), "3件以上", "at least 3"),
        ((15, 1, "%", "at_least", "超过15%"), "超过15%", "more than 15"),
        ((1000, 1, "家", "approximately", "nearly 1,000"), "近1,000家", "nearly 1,000"),
        ((1000, 1, "家", "approximately"), "约1,000家", "about 1,000"),
        ((3, 1, "件", "at_most"), "至多3件", "at most 3"),
    ],
)
def test_qualifiers_are_kept_in_words(args, zh, en):
    value, scale, unit, *rest = args
    assert quantity(value, scale, "zh", unit, *rest) == zh
    assert quantity(value, scale, "en", None, *rest) == en


def test_unknown_stays_unknown_and_units_lose_only_their_own_magnitude():
    assert amount(None) == amount(float("nan")) == "?"
    assert base_unit("万件", 1e4) == "件" and base_unit("亿美元", 1e8) == "美元"
    assert base_unit("万件", 1) == "万件"  # a unit whose scale is not 万 keeps it


def test_the_charts_own_wrappers_give_the_natural_form_with_a_unit():
    assert targets._num(0.4351, 1e4, "zh", "万件") == "4,351件"
    assert targets._hedge(0.48, "at_least", 1e4, "en", "applications") == (
        "more than 4,800 applications"
    )
    assert targets._num(750, 1e8, "en") == "75 billion"


# -- the documents, the chain, the first stop (from the data) ---------------------------------


def ctx(**params):
    return nb.setup(renderer="json", **params)


def test_issuers_in_english_beside_the_chinese_and_validity_in_words():
    docs = targets.documents_table(ctx()).set_index("policy_id")
    assert docs.loc["fyp13-ip", "issuer"] == "State Council of China (国务院)"
    assert docs.loc["ip-pilots-plan", "issuer"].endswith("(国务院办公厅)")
    assert docs.loc["fyp13-ip", "validity"] == t("validity:失效", "en") != "失效"
    assert "implements Guofa [2015] No. 71" in docs.loc["hebei-powerful-ip", "links"]
    zh = targets.documents_table(ctx(language="zh")).set_index("policy_id")
    assert zh.loc["fyp13-ip", "issuer"] == "国务院" and zh.loc["fyp13-ip", "validity"] == "失效"


@pytest.mark.parametrize(
    "params", [{}, {"language": "zh"}, {"jurisdiction": "Hebei"}, {"event_id": "bth-2014-tianjin"}]
)
def test_a_charted_document_is_never_listed_as_lacking_one(params):
    drawn = set(targets.chain_frame(ctx(**params))["policy_id"])
    listed = set(targets.article_only(ctx(**params))["policy_id"])
    assert not drawn & listed
    # The Tianjin stop's report cites no policy: no document is linked to it, none drawn.
    assert bool(drawn) == (params.get("event_id") != "bth-2014-tianjin")
    # Documents whose facts come from reports, not their own text, are drawn.
    if not params:
        assert {"service-outline", "hebei-innovation-decision"} <= drawn


def test_the_first_stop_is_one_row_in_words_and_the_tianjin_event_says_it_is_that_stop():
    stops = targets.series_frame(ctx())
    assert len(stops) == 1
    row = stops.iloc[0]
    assert row["place"] == "Huaming High-tech Zone, Dongli District, Tianjin"
    assert row["date"] == "November 2014"
    assert "more than 100 enterprises" in row["counts"] and "18 national" in row["counts"]
    zh = targets.series_frame(ctx(language="zh")).iloc[0]
    assert "100余家" in zh["counts"] and zh["place"].startswith("天津市")
    tianjin = ctx(event_id="bth-2014-tianjin")
    assert targets.series_frame(tianjin).empty
    assert targets.first_stop(tianjin)["prose"] == "first_stop_self"
    assert targets.first_stop(ctx())["prose"] == "first_stop"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chain_rows_hold_their_labels_and_links_pass_clear_of_other_documents(language):
    from shapely.geometry import LineString, Point

    run = ctx(language=language)
    c = targets.chain_frame(run)
    # Each row is as tall as its label's lines: consecutive labels cannot meet.
    for (_, a), (_, b) in zip(c.iloc[:-1].iterrows(), c.iloc[1:].iterrows(), strict=True):
        lines_a, lines_b = a["row"].count("<br>") + 1, b["row"].count("<br>") + 1
        room = b["y"] - a["y"]
        assert room >= (lines_a + lines_b) / 2 * targets.CHAIN_LINE, (a["policy_id"], room)
    # Every stated link is drawn; a curve keeps 10 px from every document it does not join
    # and 4 px from every curve it shares no document with.
    fig = targets.chain_figure(run)
    assert len([a for a in fig.layout.annotations if a.showarrow]) == len(derive.policy_links(run))
    left = pd.Timestamp(fig.layout.xaxis.range[0])
    right = pd.Timestamp(fig.layout.xaxis.range[1])
    width = theme.WIDTH - fig.layout.margin.l - theme.MARGIN["r"]
    links = targets.chain_links(run, c, width / (right - left).days, left)
    assert links
    firsts = {}
    for r in c.itertuples():
        day = next(d for d in (r.signed_date_start, r.published_date_start, r.start) if pd.notna(d))
        firsts[r.policy_id] = Point((day - left).days * width / (right - left).days, r.y)
    for link in links:
        body = LineString(link["points"][3:-3])
        for pid, point in firsts.items():
            if pid not in (link["from"], link["to"]):
                assert body.distance(point) >= 10, (link["from"], link["to"], pid)
    for a, b in combinations(links, 2):
        if not {a["from"], a["to"]} & {b["from"], b["to"]}:
            assert LineString(a["points"][3:-3]).distance(LineString(b["points"][3:-3])) >= 4


# -- the printed review variants ---------------------------------------------------------------

ENGLISH = review_params([s for s in REVIEW_SLUGS if not s.endswith("zh")])
CHINESE = review_params([s for s in REVIEW_SLUGS if s.endswith("zh")])


def text(review, slug: str) -> str:
    return pdfs.flat(pdfs.text_of(review / slug / "dossier.pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("slug", ENGLISH)
def test_english_editions_print_no_chinese_magnitudes_and_no_bare_validity(review, slug):
    found = text(review, slug)
    # The summary's glossary explains 万 and 亿 with examples: the one place they belong.
    glossary = pdfs.flat(t("summary_meaning_wan_yi", "en"))
    assert glossary in found
    found = found.replace(glossary, "")
    # 万 or 亿 after a digit is a Chinese number; inside a Chinese title (大众创业万众创新)
    # it is not.
    # A Chinese source's title in the appendix (知识产权进出口额近4000亿) is Chinese as printed:
    # a number counts only where English text stands before it.
    numbers = re.findall(r"\S{0,12}(?<![\u4e00-\u9fff\d.,])\d[\d.,]*\s?[万亿]\S{0,8}", found)
    assert not numbers, numbers
    # 失效 in words ("no longer in force (失效)"), or inside a Chinese quote (时效 失效, as a
    # source's page prints it); never on its own in English text.
    bare = [
        m
        for m in re.finditer("失效", found)
        if not found[: m.start()].endswith("in force (")
        and not re.search(r"[\u4e00-\u9fff]\s*$", found[: m.start()])
    ]
    assert not bare, [found[max(0, m.start() - 30) : m.end() + 5] for m in bare]


@pytest.mark.slow
@pytest.mark.parametrize("slug", CHINESE)
def test_chinese_editions_print_no_leading_zero_or_long_decimals_before_a_magnitude(review, slug):
    found = text(review, slug)
    # Tables and charts that append the data's unit (万件) to a bare number print these:
    # they pass the unit to targets._num / _hedge (or i18n.quantity) instead.
    zero = re.findall(r".{0,16}(?<![\d.])0\.\d+\s?[万亿].{0,2}", found)
    assert not zero, zero
    long = re.findall(r".{0,16}\d\.\d{3,}\s?[万亿].{0,2}", found)
    assert not long, long


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(REVIEW_SLUGS))
def test_no_charted_document_is_listed_as_lacking_an_official_date(review, slug):
    params = {"language": "zh" if slug.endswith("zh") else "en"}
    if slug.startswith("tianjin"):
        params["event_id"] = "bth-2014-tianjin"
    if slug.startswith("hebei"):
        params["jurisdiction"] = "Hebei"
    found = pdfs.compact(pdfs.text_of(review / slug / "04_targets.pdf"))
    run = ctx(**params)
    drawn = targets.chain_frame(run)
    note = targets.article_only_note(run)
    head = pdfs.compact(t("article_only", params["language"]).split("{names}")[0])
    # The printed list under the chart is the one derived from the chain, word for word...
    assert (head in found) == bool(note), slug
    assert pdfs.compact(note) in found, slug
    # ...and names no document the chain draws.
    listed = pdfs.compact(note)
    for _, r in drawn.iterrows():
        assert pdfs.compact(r["display_title"]) not in listed, (slug, r["policy_id"])


def _chain_page(pdf, language: str):
    title = pdfs.compact(t("chain_title_implements", language).split("{years}")[0])
    for page in pdf.pages:
        if title in pdfs.compact(page.extract_text() or ""):
            return page
    raise AssertionError(f"no page carries the chain's title ({title})")


def _boxes_overlap(a, b, slack: float = 0.6) -> float:
    """The area two glyph boxes share, after shrinking each by `slack` points (glyphs of
    one word touch; overprinted ones share much more)."""
    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) - 2 * slack
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) - 2 * slack
    return w * h if w > 0 and h > 0 else 0.0


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(["tianjin-en", "tianjin-zh"]))
def test_an_event_whose_report_cites_no_policy_has_no_chain_chart_and_says_why(review, slug):
    # No document is linked to the Tianjin stop: its chain was every document of the
    # package, on an axis to 2026; now a sentence stands where it was.
    language = "zh" if slug.endswith("zh") else "en"
    found = pdfs.compact(pdfs.text_of(review / slug / "04_targets.pdf"))
    assert pdfs.compact(t("prose_chain_none", language)) in found, slug
    title = pdfs.compact(t("chain_title_implements", language).split("{years}")[0])
    assert title not in found, slug


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(["en", "zh", "hebei-en"]))
def test_the_policy_chain_prints_no_text_over_text_and_no_link_through_text(review, slug):
    import pdfplumber
    from shapely import STRtree
    from shapely.geometry import LineString, box

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    language = "zh" if slug.endswith("zh") else "en"
    with pdfplumber.open(review / slug / "04_targets.pdf") as pdf:
        page = _chain_page(pdf, language)
        chars = [c for c in page.chars if c["text"].strip()]
        assert len(chars) > 100
        clashes = []
        boxes = [box(c["x0"], c["top"], c["x1"], c["bottom"]) for c in chars]
        tree = STRtree(boxes)
        for i, a in enumerate(chars):
            for j in tree.query(boxes[i]):
                b = chars[j]
                # Neighbours in one run of text: CJK punctuation is set half-width (a
                # bracket next to a colon), its full-width box overlapping the next one's.
                if j <= i or (j == i + 1 and abs(a["top"] - b["top"]) < 0.5):
                    continue
                if _boxes_overlap(a, b) > 0.25 * min(
                    (a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                    (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]),
                ):
                    clashes.append((a["text"], b["text"], round(a["top"]), round(b["top"])))
        assert not clashes, f"{slug}: overprinted glyphs {clashes[:10]}"
        # The links: stroked paths in the colours of LINK_STYLES; none crosses a glyph.
        colours = {c for c, _ in targets.LINK_STYLES.values()}
        rgb = {tuple(round(int(c[i : i + 2], 16) / 255, 2) for i in (1, 3, 5)) for c in colours}

        def link(obj) -> bool:
            colour = obj.get("stroking_color")
            return bool(colour) and tuple(round(v, 2) for v in colour[:3]) in rgb

        paths = [o for o in page.curves + page.lines if link(o)]
        params = {"language": language, "jurisdiction": "Hebei" if slug == "hebei-en" else "all"}
        assert bool(paths) == (not derive.policy_links(ctx(**params)).empty), slug
        glyphs = [
            box(c["x0"] + 0.5, c["top"] + 0.5, c["x1"] - 0.5, c["bottom"] - 0.5) for c in chars
        ]
        crossing = []
        for path in paths:
            line = LineString([(x, y) for x, y in path["pts"]]) if len(path["pts"]) > 1 else None
            if line is None:
                continue
            crossing += [
                c["text"] for c, g in zip(chars, glyphs, strict=True) if line.intersects(g)
            ]
        assert not crossing, f"{slug}: links drawn through {crossing[:20]}"


@pytest.mark.slow
@pytest.mark.parametrize("slug", review_params(["en", "tianjin-en"]))
def test_the_first_stop_reads_as_one_row_and_the_event_is_not_repeated(review, slug):
    found = pdfs.compact(pdfs.text_of(review / slug / "04_targets.pdf"))
    assert "东丽区华明高新区" not in found
    assert not re.search(r"1Tianjin(name|place|date)", found)
    if slug == "tianjin-en":
        assert "Thisactivitywasthefirststop" in found
    else:
        assert "HuamingHigh-techZone" in found and "morethan100enterprises" in found


@pytest.mark.slow
def test_the_hebei_edition_says_in_words_what_a_one_mark_chart_and_a_linkless_hierarchy_drew(
    review,
):
    # Hebei's plan has one indicator with a value on the scale, and the source states no
    # link between the Hebei policies cited: a one-dot scorecard and columns of unjoined
    # boxes "(0 stated)" said nothing a sentence and a table row do not.
    run = ctx(jurisdiction="Hebei")
    assert targets.progress_as_table(run) and not targets.progress_as_table(ctx())
    assert policies.stated_links(run) == 0 < policies.stated_links(ctx())
    found = pdfs.compact(pdfs.text_of(review / "hebei-en" / "dossier.pdf"))
    assert pdfs.compact(t("prose_hierarchy_none", "en")) in found
    assert pdfs.compact("Policy hierarchy:") not in found
    assert pdfs.compact("plan targets: realised value as a share of the target") not in found
    row = targets.drawn_rows(run).iloc[0]
    assert pdfs.compact(row["path"]) in found and pdfs.compact(row["status_label"]) in found
