"""Both languages finished (issue 19, item 6), read on the text layer of the review PDFs.

- The Chinese editions print simplified characters only. OpenCC's Traditional-to-Simplified
  conversion (phrase-aware, so 乾隆 stays 乾隆) is the judge: a character it changes is not
  simplified. One exclusion, from the data: the titles of sources published in traditional
  script (保定將承接首都功能), because a citation gives a title as published and the data
  package keeps titles and quotes in the source's own script.
- The Chinese editions have no English outside names and titles: every Latin word must be
  part of something the data says may stand in Latin: a value with no Chinese form (the
  warnings of `ipdossier check`, e.g. a person whose Chinese name no page gives), the
  title of an English source, a URL or domain, a source's identifier, the capitalised
  words (names, acronyms) of a source's publisher, author or publication, or a Latin word
  of the package's own Chinese labels (ipdossier, PCT).
- The English editions have no Chinese outside what is printed as issued or as printed
  beside English: policies' Chinese titles and document numbers, source titles and
  publishers, quotes and forms as printed, and values given as "English (中文)" by
  `i18n.as_issued`. A bare 国务院 or 失效 in an English table fails.
  The rule, stated: Chinese may stand in an English edition only (1) as a policy's
  official Chinese title beside its English one; (2) as a document number in a table's
  Document No. column, never in a heading, a chart's title or prose (there it is
  romanised, "Guofa [2016] No. 86"); (3) as an issuer, a validity, a place or an event's
  name as issued, after its English rendering in brackets (`i18n.as_issued`); (4) in the
  sources appendix (titles, publishers, publications as printed), and in quotes and
  forms as printed; (5) in the glossary, whose entries are about Chinese words; (6) as
  the original of a quoted English translation, bracketed after it ('"in the last few
  days" (日前)'). A label of the package never glosses in Chinese ("signed (成文日期)"),
  and a Chinese unit (分) never stands in English text.

The allowed strings are removed from the text with white space taken out (a table cell
or a chart wraps anywhere), longest first; what is left must hold no Latin word (zh) or
no CJK character (en).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import opencc
import pandas as pd
import pytest
from conftest import REVIEW_SLUGS, review_params
from pdfs import compact, text_of

from ipdossier import check, i18n
from ipdossier.data import load

ZH_SLUGS = review_params([s for s in REVIEW_SLUGS if s.endswith("zh")])
EN_SLUGS = review_params([s for s in REVIEW_SLUGS if not s.endswith("zh")])
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
BRACKETED = re.compile(r"\(([^()]*[\u3400-\u9fff][^()]*)\)")
URL = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:com|cn|org|net|gov|int|html?|shtml|aspx?|php)\S*")
# A word that names something: capitalised (Reuters, CNIPA, H.K.) or a domain.
PLACEHOLDER = re.compile(r"{\w+}")
PERCENT_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
NAME_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z&.'’-]*|(?:[A-Za-z0-9-]+\.)+(?:com|cn|org|net)\b")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _strings(values) -> list[str]:
    return [str(v) for v in values if isinstance(v, str) and v.strip()]


def _remove(text: str, allowed: set[str]) -> str:
    """`text` without white space and without every allowed string (compacted), longest
    first, so that a name inside a longer allowed title goes with the title."""
    # Chromium draws "——" as one glyph, which the text layer gives as U+2E3A.
    out = compact(text).replace("\u2e3a", "——")
    for s in sorted({compact(a) for a in allowed if a}, key=len, reverse=True):
        if s:
            out = out.replace(s, "\u2060")  # a joiner: what was on each side stays apart
    return out


def _context(text: str, needle: str, width: int = 40) -> str:
    i = text.find(needle)
    return text[max(0, i - width) : i + len(needle) + width].replace("\n", " ")


# -- what the data says may stand as it is -------------------------------------------------


def traditional_titles(dossier) -> set[str]:
    """Titles of sources published in traditional script, kept as published."""
    t2s = _t2s()
    return {t for t in _strings(dossier.sources["title"]) if CJK.search(t) and t2s.convert(t) != t}


def latin_allowed_in_zh(dossier) -> set[str]:
    zh = dossier.localised("zh")
    allowed: set[str] = set()
    # Values with no Chinese form, shown as they stand (`ipdossier check` warns of each).
    for line in check.missing_chinese(dossier):
        allowed.add(line.split(": ", 1)[1])
    missing_names = {line.split(" ")[1] for line in check.missing_chinese(dossier)}
    for table in ("organisations", "people"):
        rows = dossier.table(table)
        key = rows.columns[0]
        allowed |= set(_strings(rows.loc[rows[key].isin(missing_names), "name_as_printed"]))
    sources = zh.sources
    allowed |= set(_strings(sources["url"])) | set(_strings(sources["source_id"]))
    # The host a mirror copy was read on, as the appendix names it (m.fx361.cc转载).
    from urllib.parse import urlparse

    allowed |= {urlparse(u).hostname or "" for u in _strings(sources["url"])} - {""}
    english = sources["language"] == "en"
    titles = sources.loc[english, "title"].dropna()
    allowed |= {t for t in _strings(titles) if not t.startswith("[")}
    for column in ("publisher", "author", "publication", "section"):
        for value, original, language in zip(
            sources[column], dossier.sources[column], sources["language"], strict=True
        ):
            if not isinstance(value, str):
                continue
            allowed |= set(NAME_WORD.findall(value))
            # What a translation keeps of the original as printed (via imsilkroad), and
            # the words of an English source's own publication (China IP (English edition)).
            words = set(LATIN_WORD.findall(str(original)))
            allowed |= words if language == "en" else words & set(LATIN_WORD.findall(value))
    # The opening of each text's checksum, where the appendix prints it.
    allowed |= {h[:16] for h in _strings(sources["sha256"])}
    for entry in i18n.catalogue().values():
        allowed |= set(LATIN_WORD.findall(PLACEHOLDER.sub("", entry["zh"])))
    # A Chinese form the data gives may hold a Latin acronym (PCT专利申请量).
    for value in _chinese_forms(dossier):
        allowed |= set(re.findall(r"[A-Z]{2,}", value))
    return allowed


def _chinese_forms(dossier) -> list[str]:
    forms = _strings(dossier.names_zh["zh"])
    for resource in dossier.descriptor["resources"]:
        table = dossier.table(resource["name"])
        for column in table.columns:
            if column.endswith("_zh"):
                forms += _strings(table[column])
    return forms


def cjk_allowed_in_en(dossier) -> set[str]:
    allowed: set[str] = set()
    p = dossier.policies
    allowed |= set(_strings(p["title_zh"])) | set(_strings(p["doc_number"]))
    allowed |= {i18n.as_issued(v, "en") for v in _strings(p["issuer_as_issued"])}
    # The documents table's issuer: the organisation's English name with the Chinese as
    # issued beside it in brackets.
    allowed |= {f"({v})" for v in _strings(p["issuer_as_issued"])}
    allowed |= {i18n.as_issued(v, "en") for v in _strings(p["validity"])}
    s = dossier.sources
    for column in ("title", "publisher", "publication", "section", "author", "retrieval_note"):
        allowed |= set(_strings(s[column]))
    # A publisher's name as the appendix prints it (its remarks cut: "via ...", "text
    # mirrored on ..."): a Chinese publisher is named as it names itself.
    from ipdossier.export.html import _name

    for column in ("publisher", "publication"):
        allowed |= {n for v in _strings(s[column]) if (n := _name(v, "en"))}
    # Quotes and forms as printed, which the English edition shows as printed.
    for resource in dossier.descriptor["resources"]:
        if resource["name"] == "names_zh":
            continue
        table = dossier.table(resource["name"])
        for column in table.columns:
            # Quotes and forms as printed; not the data's Chinese units or indicator names
            # (a bare "分" is not a gloss).
            if column == "quote" or column.endswith("_as_printed"):
                allowed |= set(_strings(table[column]))
    pe = dossier.policy_evidence
    allowed |= set(_strings(pe["quote"]))
    events = dossier.events.dropna(subset=["name_as_printed"])
    for name, printed in zip(events["name"], events["name_as_printed"], strict=True):
        allowed.add(i18n.as_issued(printed, "en", english=name))
    for value in _strings(dossier.series_facts["value"]):
        allowed.add(i18n.as_issued(value, "en"))
    allowed |= _glossed_quotes(dossier)
    # A label that is about Chinese itself (the glossary's "万 (wan), 亿 (yi)"), whole. A
    # label's Chinese in brackets beside its English ("signed (成文日期)") is not allowed:
    # the English edition says it in English.
    for key, entry in i18n.catalogue().items():
        if key.startswith("summary_") and CJK.search(BRACKETED.sub("", entry["en"])):
            allowed.add(entry["en"])
        elif key.startswith("summary_") and CJK.search(entry["en"]):
            allowed |= {f"({inner})" for inner in BRACKETED.findall(entry["en"])}
    return allowed


# The original may itself hold an opening bracket where the source breaks off ("(五年").
GLOSSED_QUOTE = re.compile(r"[\"“][^\"“”]+[\"”]\s*\(([^)]*[\u3400-\u9fff][^)]*)\)")


def _glossed_quotes(dossier) -> set[str]:
    """The Chinese original of a quoted English translation in the data ('launched "in
    the last few days" (日前)'), in its brackets: the only Chinese an English value of
    the data may carry besides forms as printed."""
    found: set[str] = set()
    for resource in dossier.descriptor["resources"]:
        if resource["name"] == "names_zh":
            continue
        table = dossier.table(resource["name"])
        for column in table.columns:
            for value in _strings(table[column]):
                found |= {f"({q})" for q in GLOSSED_QUOTE.findall(value)}
    return found


def prose_allowed_in_en(dossier) -> set[str]:
    """What Chinese headings, prose and chart titles of an English edition may hold: (1)
    and (3) to (6) of the module's rule; no document number, no source's text."""
    allowed = cjk_allowed_in_en(dossier) - set(_strings(dossier.policies["doc_number"]))
    s = dossier.sources
    for column in ("title", "publisher", "publication", "section", "author", "retrieval_note"):
        allowed -= set(_strings(s[column]))
    return allowed


def chinese_in_en_prose(text: str, dossier) -> list[str]:
    left = _remove(text, prose_allowed_in_en(dossier))
    return sorted({_context(left, w, 20) for w in CJK.findall(left)})


# -- the checks, on a text ------------------------------------------------------------------


def traditional_characters(text: str, dossier) -> list[str]:
    """Each character the zh text prints in a form that is not simplified, with context."""
    kept = _remove(text, traditional_titles(dossier))
    converted = _t2s().convert(kept)
    assert len(converted) == len(kept)  # t2s maps character for character
    return sorted(
        {
            f"{a}→{b}: …{kept[max(0, i - 12) : i + 12]}…"
            for i, (a, b) in enumerate(zip(kept, converted, strict=True))
            if a != b
        }
    )


def english_in_zh(text: str, dossier) -> list[str]:
    # Web addresses printed (a source's URL, a domain in a note) stand as they are.
    allowed = latin_allowed_in_zh(dossier) | set(URL.findall(text))
    left = PERCENT_ENCODED.sub("", _remove(text, allowed))
    return sorted({_context(left, w, 20) for w in LATIN_WORD.findall(left)})


# Chinese that no source gives in English or Latin script (an author, a yearbook) is printed
# as it is, with the mark the sources appendix's note explains: nothing is translated or
# romanised by us.
NO_EN_MARKED = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff\w·]*†")


def chinese_in_en(text: str, dossier) -> list[str]:
    left = _remove(NO_EN_MARKED.sub("", text), cjk_allowed_in_en(dossier))
    return sorted({_context(left, w, 20) for w in CJK.findall(left)})


# -- unit checks of the pieces ----------------------------------------------------------------


def test_as_issued_gives_english_beside_the_chinese_in_english_only():
    assert i18n.as_issued("国务院", "en") == "State Council (国务院)"
    assert i18n.as_issued("国务院", "zh") == "国务院"
    assert i18n.as_issued("失效", "en") == "no longer in force (失效)"
    # The data's own English wins over the catalogue; without either the value stands.
    assert i18n.as_issued("东丽区华明高新区", "en", english="X") == "X (东丽区华明高新区)"
    assert i18n.as_issued("未收录的机构", "en") == "未收录的机构"


def test_every_chinese_only_value_of_the_data_has_an_english_rendering():
    """Issuers, validity and the places a stop's report names are kept in Chinese as
    issued; the English edition needs an English rendering of each."""
    d = load()
    values = set(_strings(d.policies["issuer_as_issued"])) | set(_strings(d.policies["validity"]))
    facts = d.series_facts
    values |= set(_strings(facts.loc[facts["field"] == "place", "value"]))
    lacking = sorted(v for v in values if CJK.search(v) and i18n.as_issued(v, "en") == v)
    assert not lacking, f"no English rendering in labels.toml for: {lacking}"


def _append(path, row: dict) -> None:
    with open(path, "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerow(row.values())


def test_a_translated_document_title_must_say_it_is_provisional(data_copy):
    names = data_copy / "names_zh.csv"
    rows = list(csv.DictReader(open(names, encoding="utf-8")))
    ours = [r for r in rows if r["key"] == "hebei-ip-protection"]
    assert ours and ours[0]["zh"].endswith(check.PROVISIONAL)
    with open(names, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        for r in rows:
            if r["key"] == "hebei-ip-protection":
                r["zh"] = r["zh"].removesuffix(check.PROVISIONAL)
            w.writerow(r)
    # A source title as published is a fact too; only an editor's [description] may be
    # translated.
    _append(names, dict(resource="sources", key="haobrand-1876", column="title", zh="标题",
                        basis="translation", source_id="", quote=""))
    # The editor's words about a publisher may be translated, but not what it prints in
    # Chinese: a translation that drops 河北日报 makes a name up.
    _append(names, dict(resource="sources", key="hbrb-2019-04-24", column="publisher",
                        zh="一家河北的日报", basis="translation", source_id="", quote=""))
    problems = [str(p) for p in check.check(data_copy, locators=False)]
    assert any("policies.title is a name" in p and check.PROVISIONAL in p for p in problems)
    assert any("sources.title is a name" in p for p in problems), problems
    assert any(
        "sources.publisher is a name" in p and "keeps what is printed" in p for p in problems
    )


def test_the_ccpit_name_is_simplified_chinese_from_a_page_read():
    d = load()
    zh = d.localised("zh").sources.set_index("source_id")
    en = d.sources.set_index("source_id")
    name = zh.loc["ccpit-jp-2021-12-10", "publisher"]
    assert name == "中国国际贸易促进委员会专利商标事务所"
    assert _t2s().convert(name) == name
    assert not CJK.search(en.loc["ccpit-jp-2021-12-10", "publisher"])
    row = d.names_zh.set_index(["resource", "key", "column"]).loc[
        ("sources", "ccpit-jp-2021-12-10", "publisher")
    ]
    assert row["basis"] == "source" and name in row["quote"]
    assert pd.notna(zh.loc[row["source_id"], "url"])


def test_the_checks_catch_what_they_look_for():
    d = load()
    assert traditional_characters("邀请品牌机构落戶河北", d)
    assert not traditional_characters("乾隆年间的著名文献；" + next(iter(traditional_titles(d))), d)
    assert english_in_zh("原发布者exam text quoting news", d)
    assert not english_in_zh("Liu Jufang 在启动仪式上致辞（https://www.gov.cn/a.htm）", d)
    assert chinese_in_en("Issuer 国务院 Validity 失效", d)
    assert not chinese_in_en("Issuer State Council (国务院)", d)
    assert not chinese_in_en("as printed in 中国版权年鉴2017†] Official document", d)
    assert chinese_in_en("as printed in 中国版权年鉴2017] Official document", d)


# -- the review variants ------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ZH_SLUGS)
def test_chinese_editions_print_simplified_characters_only(review, slug):
    found = traditional_characters(text_of(review / slug / "dossier.pdf"), load())
    assert not found, "\n".join(found)


@pytest.mark.parametrize("slug", ZH_SLUGS)
def test_chinese_editions_have_no_english_outside_names_and_english_titles(review, slug):
    found = english_in_zh(text_of(review / slug / "dossier.pdf"), load())
    assert not found, f"{len(found)} English passages:\n" + "\n".join(found)


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_english_editions_print_chinese_only_beside_english(review, slug):
    found = chinese_in_en(text_of(review / slug / "dossier.pdf"), load())
    assert not found, f"{len(found)} Chinese passages:\n" + "\n".join(found)


PLOTLY = "application/vnd.plotly.v1+json"


def prose_of_chapters(folder) -> str:
    """The headings, prose and chart titles of a variant's executed chapters (Markdown
    outputs and each chart's title), tags taken out: what an English reader reads as
    sentences and headlines, as against tables' cells."""
    import html as html_lib

    import nbformat

    parts: list[str] = []
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "text/markdown" in data:
                    parts.append(str(data["text/markdown"]))
                title = data.get(PLOTLY, {}).get("layout", {}).get("title", {})
                if isinstance(title, dict) and title.get("text"):
                    parts.append(str(title["text"]))
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_english_headings_prose_and_chart_titles_hold_no_bare_chinese(review, slug):
    """A document number printed in a headline ("... implement 国发〔2015〕71号") or in
    prose, or a Chinese word an English sentence leaves unglossed, fails: (2) of the rule."""
    text = prose_of_chapters(review / slug / "notebooks")
    assert "Guofa [2016] No. 86" in text or slug != "en"
    found = chinese_in_en_prose(text, load())
    assert not found, f"{len(found)} Chinese passages:\n" + "\n".join(found)


def test_the_english_checks_catch_what_the_review_found():
    d = load()
    assert chinese_in_en("period covered signed (成文日期) published (发布日期)", d)
    assert chinese_in_en("same: the social satisfaction survey score on IP protection (分)", d)
    assert chinese_in_en('launched "日前" and gives no day', d)
    assert not chinese_in_en('launched "in the last few days" (日前) and gives no day', d)
    assert chinese_in_en_prose("3 of the 8 documents state that they implement 国发〔2015〕71号", d)
    assert not chinese_in_en_prose("documents state that they implement Guofa [2015] No. 71", d)
