"""Executed notebooks to HTML: chapter bodies without code, and whole report pages.

Chapters go through nbconvert's `basic` template (cell contents only, no page chrome,
no CDN links) with inputs and prompts removed. For print, each chart is its SVG (vector
in the PDF). For the web page, each chart becomes a div drawn by plotly.js, which is
inlined once per page, with the figure JSON escaped so no data can close the script.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html as html_lib
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pandas as pd
from bs4 import Comment
from jinja2 import Environment, StrictUndefined
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor, TagRemovePreprocessor

from ..charts import summary
from ..data import NO_ZH_MARK
from ..i18n import doc_number, stated_date, t
from .preprocessors import (
    ChartsAsImages,
    ChartsForPlotlyJs,
    ChartSlots,
    DropRunRecords,
    DropStderr,
)


@dataclass
class Chapter:
    id: str
    title: str
    body: str
    stem: str
    # Its sections (id, heading) in order: the contents list them under the chapter.
    sections: tuple[tuple[str, str], ...] = ()

    @property
    def brief(self) -> bool:
        """A chapter with no chart and no table: for this variant it has only sentences to
        say (the Tianjin stop cites no policy). In print it runs on after the chapter
        before it rather than opening a page of its own (report.css, `brief`)."""
        return not re.search(r'class="[^"]*\b(ipd-chart|ipd-table)\b', self.body)


def _template_text(name: str) -> str:
    return (resources.files("ipdossier.export") / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _page_template():
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True)
    return env.from_string(_template_text("page.html.j2"))


@lru_cache(maxsize=1)
def css() -> str:
    return _template_text("report.css")


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """plotly.min.js from the installed plotly package: the HTML needs no network."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().replace("</script", "<\\/script")


def plotly_js_file() -> Path:
    """The installed plotly package's plotly.min.js, as a file."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js is not where the plotly package keeps it: {path}")
    return path


# Chapter exporters ready for use, by mode (`_borrowed`).
_free_exporters: dict[str, list[HTMLExporter]] = {}
_exporters_lock = threading.Lock()

# The tag of a chapter's opening markdown cell: its title and a line on what it shows,
# read in JupyterLab before anything runs, and left out of every report.
NOTEBOOK_ONLY = "notebook-only"


class ChapterHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter without its last step, which parses the whole output
    with BeautifulSoup to give images without one an alternative text and the input and
    output areas a tabindex, and writes it out again: `structure` makes the same edits
    (`_nbconvert_edits`) on the parse it makes anyway, so a chapter is parsed once, not
    twice (a third of nbconvert's time on a chapter). A test keeps the result the same
    as HTMLExporter's followed by `structure`."""

    def from_notebook_node(self, nb, resources=None, **kw):
        # HTMLExporter.from_notebook_node's own set-up (nbconvert 7), then the template.
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
        )
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def _nbconvert_edits(soup) -> None:
    """What HTMLExporter.from_notebook_node does to its output last (nbconvert 7)."""
    for elem in soup.select("img:not([alt])"):
        elem.attrs["alt"] = "No description has been provided for this image"
    for elem in soup.select(".jp-Notebook div.jp-Cell-inputWrapper"):
        elem.attrs["tabindex"] = "0"
    for elem in soup.select(".jp-Notebook div.jp-OutputArea-output"):
        elem.attrs["tabindex"] = "0"


def _exporter(mode: str) -> HTMLExporter:
    """A new chapter exporter for `mode` ("print": charts as SVG images; "web": drawn by
    plotly.js; "both": charts as slots for either), with the package's preprocessors
    registered on it. Builds take theirs from `_borrowed`."""
    exporter = ChapterHTMLExporter(
        # The notebook validated once, after the last preprocessor, not after each of
        # the sixteen (a quarter of a second of nbformat's schema a variant).
        optimistic_validation=True,
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )
    charts = {"web": ChartsForPlotlyJs, "both": ChartSlots}.get(mode, ChartsAsImages)()
    # A chapter's title cell is for JupyterLab before the notebook runs; the report
    # has the heading the code writes (NOTEBOOK_ONLY).
    notebook_only = TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY})
    # A kernel may flush one print() as two stream messages, depending on timing (a
    # Dask worker's build once showed "language" and " zh jurisdiction ..." as two
    # outputs where the local build showed one): the report prints a stream whole.
    coalesce = CoalesceStreamsPreprocessor()
    for preprocessor in (notebook_only, coalesce, DropRunRecords(), DropStderr(), charts):
        exporter.register_preprocessor(preprocessor, enabled=True)
    return exporter


@contextlib.contextmanager
def _borrowed(mode: str):
    """A chapter exporter for `mode`, used by one thread at a time and kept for the next
    chapter: a new exporter compiles nbconvert's Jinja templates again, which costs more
    than converting a chapter. Kept by the process, not by the thread: a Dask worker runs
    each variant on threads of its own (`stages.run`), and exporters kept per thread
    were made afresh for every variant (0.1 s of template compiling each, 6 CPU-s on 64
    variants)."""
    with _exporters_lock:
        free = _free_exporters.setdefault(mode, [])
        exporter = free.pop() if free else None
    if exporter is None:
        exporter = _exporter(mode)
    try:
        yield exporter
    finally:
        with _exporters_lock:
            _free_exporters[mode].append(exporter)


def chapter(path: Path, index: int, *, mode: str, language: str) -> Chapter:
    """One executed notebook as a chapter body (mode "print": SVG; "web": plotly.js)."""
    nb = nbformat.read(path, as_version=4)
    return chapter_from_node(nb, index, mode=mode, language=language, stem=path.stem)


def _title(nb, language: str, stem: str) -> str:
    meta = nb.metadata.get("ipdossier", {})
    # The contents and bookmarks take the title from the notebook's metadata; the chapter
    # itself opens with the same words, displayed by the package (test_prose checks both).
    translated = meta.get(f"title_{language}") if language != "en" else None
    return translated or meta.get("title") or stem


def chapter_from_node(nb, index: int, *, mode: str, language: str, stem: str) -> Chapter:
    chapter_id = f"chapter-{index}"
    with _borrowed(mode) as exporter:
        body, _ = exporter.from_notebook_node(
            nb, resources={"ipdossier": {"chapter_id": chapter_id}}
        )
    body, sections = structure(body, chapter_id)
    title = _title(nb, language, stem)
    return Chapter(id=chapter_id, title=title, body=body, stem=stem, sections=sections)


def _area(tag) -> bool:
    return tag is not None and tag.name == "div" and "output_area" in (tag.get("class") or [])


def _is_chart(area) -> bool:
    return (
        any(isinstance(c, Comment) and str(c).startswith("ipd-chart:") for c in area.descendants)
        or area.select_one("img.ipd-chart, div.ipd-chart") is not None
    )


def _is_intro(area) -> bool:
    """Prose written before a chart: a paragraph, not a table, a note or a chart."""
    return (
        area.select_one("p") is not None
        and area.select_one("table, p.ipd-source, img, div.ipd-chart, h1") is None
        and not _is_chart(area)
    )


def structure(body: str, chapter_id: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A chapter's body made ready for its reports: each chart, short table or list kept with
    what introduces it (`_keep_with_blocks`), and each section heading given an id,
    returned in order with its text for the contents (`chapter-3-s2`: stable for a
    chapter, unlike its words). `body` is ChapterHTMLExporter's: nbconvert's own last
    edits are made here."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, features="html.parser")
    _nbconvert_edits(soup)
    if "<h2" not in body and "output_area" not in body:
        return str(soup), ()
    _keep_with_blocks(soup)
    sections = []
    for k, h2 in enumerate(soup.find_all("h2"), start=1):
        # nbconvert puts an anchor link (¶) in a markdown cell's heading: not its words.
        words = " ".join(
            s.strip()
            for s in h2.find_all(string=True)
            if s.find_parent("a", class_="anchor-link") is None
        ).strip()
        if not words:
            continue
        if not h2.get("id"):
            h2["id"] = f"{chapter_id}-s{k}"
        sections.append((h2["id"], words))
    return str(soup), tuple(sections)


# A list of at most this many items is kept whole with what introduces it, as a short
# table is (notebook.SHORT_TABLE): the programme's six items, split from their heading and
# the sentence before them, left both at a page's foot and the list alone overleaf.
SHORT_LIST = 12


def _is_block(area) -> bool:
    """An output kept whole with its introduction: a chart, a short table or a short list."""
    if _is_chart(area) or area.select_one("table.ipd-short") is not None:
        return True
    lists = area.select("ol, ul")
    return bool(lists) and all(len(x.find_all("li")) <= SHORT_LIST for x in lists)


def _keep_with_blocks(soup) -> None:
    """Put each chart, short table or short list with the heading and paragraph that
    introduce it and the source note under it in one block (`div.ipd-keep`, which
    report.css keeps on one page): left at a page's foot, an introduction read as a
    paragraph about nothing, its chart overleaf. Chromium does not honour
    `break-after: avoid` between a cell's outputs, so the block is made in the HTML."""
    for area in soup.select("div.output_area"):
        if not _is_block(area) or area.find_parent("div", class_="ipd-keep") is not None:
            continue
        group = [area]
        before = area.find_previous_sibling("div")
        if _area(before) and _is_intro(before):
            group.insert(0, before)
            heading = before.find_previous_sibling("div")
            if _area(heading) and heading.select_one("h2, h3") is not None:
                group.insert(0, heading)
        after = area.find_next_sibling("div")
        if _area(after) and after.select_one("p.ipd-source") is not None:
            group.append(after)
        if len(group) == 1:
            continue
        keep = soup.new_tag("div", attrs={"class": "ipd-keep"})
        group[0].insert_before(keep)
        for member in group:
            keep.append(member.extract())


_SLOT = re.compile(r"<!--ipd-chart:([^ >]+)-->")


def chapters(path: Path, index: int, *, language: str) -> dict[str, Chapter]:
    """One executed notebook as its chapter for print and for the web, from one nbconvert
    conversion: the two differ in their charts alone (see `ChartSlots`)."""
    nb = nbformat.read(path, as_version=4)
    chapter_id = f"chapter-{index}"
    title = _title(nb, language, path.stem)
    with _borrowed("both") as exporter:
        body, resources = exporter.from_notebook_node(
            nb, resources={"ipdossier": {"chapter_id": chapter_id}}
        )
    body, sections = structure(body, chapter_id)
    own = resources["ipdossier"]
    if own.get("undrawn"):
        return {
            mode: chapter_from_node(nb, index, mode=mode, language=language, stem=path.stem)
            for mode in ("print", "web")
        }
    # nbconvert's HTML exporter writes its output through BeautifulSoup; each slot's
    # rendering goes the same way, so both editions read as their own conversion would.
    from bs4 import BeautifulSoup

    slots = {
        target: {
            mode: str(BeautifulSoup(html, features="html.parser")) for mode, html in two.items()
        }
        for target, two in own.get("slots", {}).items()
    }
    return {
        mode: Chapter(
            id=chapter_id,
            title=title,
            body=_SLOT.sub(lambda m, mode=mode: slots[m.group(1)][mode], body),
            stem=path.stem,
            sections=sections,
        )
        for mode in ("print", "web")
    }


# A reference as the notebook writes it: the source's id in data-source (its href is the
# source's URL, its title a tooltip, for JupyterLab). Older runs linked href="#source-ID".
_NOTEBOOK_CITE = r'<a class="ipd-cite" (?:data-source="([^"]+)"[^>]*|href="#source-([^"]+)")>'
_CITED = re.compile(_NOTEBOOK_CITE)
_REF = re.compile(r'<span class="ipd-ref">' + _NOTEBOOK_CITE + r"[^<]*</a>(.*?)</span>")
_CITES = re.compile(r'<span class="ipd-cites">(.*?)</span>(?=[.。])', re.DOTALL)
# A reference not yet numbered (its text is the notebook's label, in brackets).
_LINK = re.compile(_NOTEBOOK_CITE + r"\[[^<]*\]</a>")
# An editor's description standing in for a title the copy read does not show.
_DESCRIBED = re.compile(r"^\[.*\]$|^\(.*\)$")


def _sid(groups) -> str:
    """The source id of a match of _NOTEBOOK_CITE, whichever form matched."""
    return html_lib.unescape(next(g for g in groups if g))


def _val(s: dict | pd.Series, key: str) -> str | None:
    v = s.get(key)
    return None if v is None or pd.isna(v) or str(v).strip() == "" else str(v).strip()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _name(text: str | None, language: str) -> str | None:
    """A publisher's name without the remarks the data keeps beside it ("国务院 (text
    mirrored on adorecm.com)", "新华社 (记者 张泉), via gov.cn mirror", "Mondaq (summary of
    ...)"): those say how the page was found, which data/ records; a citation names the
    publisher. A parenthesis without a space is part of a name ("(H.K.) Ltd.")."""
    if not text:
        return None
    remarks = (
        r"\s*[(（][^()（）]*\s[^()（）]*[)）]"  # a parenthesis with a space: a remark
        r"|\s*\((blog)\)|\s*[(（](记者|采访人员)[^()（）]*[)）]"  # a kind, a reporter
    )
    name = re.sub(remarks, "", text)
    name = re.split(
        r",? via |; |,? copy on |,? citing |, as printed in | at | press[- ]|, summary "
        r"|,? repost(?:ed)? (?:on|by) |, on (?=[a-z0-9.-]+\.[a-z]{2,})",
        name,
    )[0]
    name = re.sub(r"\s+(newsletter|data)$", "", name).strip(" ,;")
    if language == "zh" and _HAN.search(name):
        # An English gloss beside a Chinese name: "新华社 (Xinhua)".
        name = re.sub(r"\s*\([^()\u3400-\u9fff]*\)", "", name)
        name = re.sub(r"\s*\(([^()]*)\)", r"（\1）", name)
    # Descriptions rather than names ("aggregator", "exam text quoting news").
    if not name or (name.islower() and not _HAN.search(name)):
        return None
    return name


_HAN = re.compile(r"[\u3400-\u9fff]")
# What a Chinese publisher note says of the copy read ("（经haobrand.cn转载）", "，经江西日报
# 电子版转载", "（文本转载于adorecm.com）"): the appendix names the host itself.
_COPY_NOTE = re.compile(
    r"\s*[（(][^（）()]*(?:转载|载于|镜像)[^（）()]*[）)]"
    r"|[，,；;]\s*(?:经|由)?[^，,；;]*(?:转载|载于|镜像)[^，,；;]*"
)


def _without_copy_note(name: str, host: str | None) -> str | None:
    """A Chinese publisher's name without its note on the copy read (or on its host,
    "（chujuan.cn）"); None when the note was all there was ("nfa5.com转载")."""
    bare = _COPY_NOTE.sub("", name)
    if host:
        core = re.escape(host.removeprefix("m."))
        bare = re.sub(rf"\s*[（(][^（）()]*{core}[^（）()]*[）)]", "", bare)
    bare = bare.strip(" ，,；;")
    if not bare or re.fullmatch(r"[\w.-]*(?:转载|载于)", bare):
        return None
    return bare


@dataclass
class Citations:
    """The sources one report cites: canonical id per cited id (two rows with one URL are
    one source), and each canonical source's number, in order of first citation."""

    canonical: dict[str, str]
    numbers: dict[str, int]

    def number(self, source_id: str) -> int | None:
        return self.numbers.get(self.canonical.get(source_id, source_id))


def citations(bodies: list[str], sources: pd.DataFrame, lead: str | None = None) -> Citations:
    """Number the sources the bodies cite, in order of first citation; `lead` (the event's
    own report) is [1] whatever cites it first."""
    known = set(sources["source_id"].astype(str))
    order = [lead] if lead in known else []
    for body in bodies:
        order += [sid for ids in _CITED.findall(body) if (sid := _sid(ids)) in known]
    urls = dict(zip(sources["source_id"].astype(str), sources["url"], strict=True))
    canonical: dict[str, str] = {}
    by_url: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for sid in order:
        if sid in canonical:
            continue
        url = urls.get(sid)
        key = str(url).rstrip("/") if isinstance(url, str) and url else sid
        canonical[sid] = by_url.setdefault(key, sid)
        numbers.setdefault(canonical[sid], len(numbers) + 1)
    return Citations(canonical, numbers)


def number_citations(body: str, cited: Citations, language: str) -> str:
    """A chapter's references by their number in the appendix: each note's references
    sorted by number, those without a paragraph grouped ("[2, 3, 8]"); a table's one
    reference as "[n]"."""
    sep = "; " if language == "en" else "；"

    def link(sid: str) -> str:
        canonical = cited.canonical.get(sid, sid)
        return f'<a class="ipd-cite" href="#source-{canonical}">{cited.number(sid) or "?"}</a>'

    def note(m: re.Match) -> str:
        refs = sorted(
            {
                (cited.number(_sid(ids)) or 0, html_lib.unescape(where), _sid(ids)): None
                for *ids, where in _REF.findall(m.group(1))
            },
            key=lambda r: r[0],
        )
        # Two rows of the data for one page are one entry of the appendix, so one number: a
        # bare reference to a number the note also gives with its paragraph adds nothing
        # ("[1], para. 5; [1]" read as two sources).
        located = {number for number, where, _ in refs if where}
        groups: list[str] = []
        bare: list[str] = []
        for number, where, sid in refs:
            if not where and number in located:
                continue
            if where:
                if bare:
                    groups.append(f"[{', '.join(bare)}]")
                    bare = []
                groups.append(f"[{link(sid)}]{html_lib.escape(where)}")
            elif link(sid) not in bare:
                bare.append(link(sid))
        if bare:
            groups.append(f"[{', '.join(bare)}]")
        return f'<span class="ipd-cites">{sep.join(groups)}</span>'

    body = _CITES.sub(note, body)
    return _LINK.sub(lambda m: f"[{link(_sid(m.groups()))}]", body)


def _date(value: str | None, language: str) -> str | None:
    """A source's day or month in words (i18n.stated_date); anything else as it is."""
    if value and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
        return stated_date(value, language)
    return value


def _not_found_again(group: list[dict], language: str) -> str:
    """What an entry says when its page could not be found again (`recheck` not_found):
    the values read there are unverified unless another cited page states them."""
    days = [d for s in group if _val(s, "recheck") == "not_found" and (d := _val(s, "rechecked"))]
    if not days:
        return ""
    return t("not_found_again", language).format(date=_date(max(days)[:10], language))


# A name the English appendix prints in Chinese because no source read gives an English
# or romanised form of it (an author, a name inside the editor's description): marked as
# the Chinese edition marks a name it keeps in Latin script (data.NO_ZH_MARK), and said
# once in the appendix's note. None is made up.
NO_EN_MARK = NO_ZH_MARK
# A run of Chinese as printed: characters, their marks, and the digits inside (中国版权年鉴2017).
_CHINESE_RUN = re.compile(
    r"[\u3400-\u9fff《》“”〔〕]+(?:\d+[\u3400-\u9fff《》〕]*|[、，][\u3400-\u9fff《》〕]+)*"
)


def english_publishers(sources: pd.DataFrame) -> dict[str, str]:
    """The English name of each Chinese publisher that a source row gives one for
    (`publisher_en`), by its Chinese name as printed without the data's remarks."""
    out: dict[str, str] = {}
    for publisher, english in zip(sources["publisher"], sources["publisher_en"], strict=True):
        if not isinstance(publisher, str) or not isinstance(english, str) or not english:
            continue
        bare = re.split(r"\s*[(（]|,| via ", publisher)[0].strip()
        if bare and _HAN.search(bare) and not _HAN.search(english):
            out.setdefault(bare, english)
    return out


def _marked_chinese(text: str) -> str:
    """`text` with each run of Chinese left in it marked NO_EN_MARK."""
    return _CHINESE_RUN.sub(lambda m: m.group(0) + NO_EN_MARK, text)


def _described_in_english(title: str, english: dict[str, str]) -> str:
    """The editor's [description] of a source for the English appendix: a Chinese name
    in it given by its English name where a source row gives one (新华社: Xinhua News
    Agency), a document number in its English form (国发〔2016〕86号: Guofa [2016] No. 86),
    any other Chinese left as printed and marked (no English form was found)."""
    for zh in sorted(english, key=len, reverse=True):
        title = title.replace(zh, english[zh])
    title = re.sub(
        r"[\u3400-\u9fff]{1,6}〔\d{4}〕\d+号", lambda m: doc_number(m.group(0), "en"), title
    )
    return _marked_chinese(title)


def _author(name: str | None, language: str) -> str | None:
    """An author as printed; in English a Chinese name is marked: no source read gives it
    in Latin script, and a romanisation made here would be ours, not the author's."""
    if name and language == "en" and _HAN.search(name):
        return _marked_chinese(name)
    return name


def _source_rows(sources: pd.DataFrame, language: str, cited: Citations) -> list[dict]:
    """The appendix: one entry per source cited, in the order of its number. Rows of one
    source (the same URL) are merged, the first cited giving what it has. Workflow facts
    (checksums, drafting and retrieval notes, file names) stay in data/ and the manifest."""
    # Records, not iterrows: every page of every variant lists them (three a variant).
    rows_by_id = {str(s["source_id"]): s for s in sources.to_dict("records")}
    english_of = english_publishers(sources) if language == "en" else {}
    merged: dict[str, list[dict]] = {}
    for sid, canonical in cited.canonical.items():
        merged.setdefault(canonical, []).append(rows_by_id[sid])
    rows = []
    for canonical, number in sorted(cited.numbers.items(), key=lambda kv: kv[1]):
        group = merged[canonical]

        def val(key, group=group):
            return next((v for s in group if (v := _val(s, key))), None)

        title = next(
            (v for s in group if (v := _val(s, "title")) and not _DESCRIBED.match(v)), None
        )
        if title is None:
            # The editor's description, bracketed as such (in the Chinese edition as
            # names_zh translates it): every entry names what it is.
            title = val("title")
            if title and language == "zh" and _DESCRIBED.match(title):
                title = f"［{title[1:-1]}］"  # full-width, as Chinese text takes them
            elif title and language == "en" and not val("title_en"):
                # In English: a Chinese title with our translation beside it stays as it is.
                title = _described_in_english(title, english_of)
        if title and language == "en" and (gloss := val("title_en")):
            # A title printed in Chinese only, with our English translation, said to be ours.
            title = f"{title} [{t('our_translation', language)}: {gloss}]"
        mirror = any(_val(s, "mirror") == "True" for s in group) or any(
            "copy on" in (_val(s, "publication") or "") for s in group
        )
        url = val("url")
        names = (_name(_val(s, k), language) for s in group for k in ("publisher", "publication"))
        publisher = next((n for n in names if n), None)
        publication = _name(val("publication"), language)
        if publisher and language == "en" and _HAN.search(publisher):
            # A Chinese publisher with its English name first (publisher_en: the name it
            # uses in English, or our translation, bracketed as ours), the Chinese beside.
            english = val("publisher_en")
            if english:
                if val("publisher_en_basis") == "translation":
                    english = f"[{english}]"
                # The Chinese name alone beside it: the data's remarks stay in data/.
                bare = re.split(r"\s*[(（]", publisher)[0] or publisher
                if not _HAN.search(bare):
                    # An English name already first ("China IP News (中国知识产权报)").
                    pass
                elif english.endswith(")"):
                    # One parenthesis, not two: "... (CNIPA; SIPO before 2018; 国家知识产权局)".
                    publisher = f"{english[:-1]}; {bare})"
                else:
                    publisher = f"{english} ({bare})"
        section = val("section")
        if language == "en":
            # A site or section named in Chinese only ("通知公告"): the URL below names the
            # site for an English reader; the section adds nothing he can read.
            publication = None if publication and _HAN.search(publication) else publication
            section = None if section and _HAN.search(section) else section
        if mirror:
            host = _host(url)
            if publisher and language == "zh":
                # The host is said once, by the frame below, not again by the name's note.
                publisher = _without_copy_note(publisher, host)
            # A copy on an unknown host (one that copies others' pages) is said to be
            # unverified: nothing vouches that it is the publisher's text.
            unverified = any(_val(s, "host_kind") == "unknown_mirror" for s in group)
            prefix = "unverified_" if unverified else ""
            where = (
                t(f"{prefix}copy_of_on", language).format(publisher=publisher, host=host)
                if publisher
                else t(f"{prefix}copy_on", language).format(host=host)
            )
            publication = None
        else:
            where = publisher
        if publication and publisher and publication in publisher:
            publication = None
        retrieved = val("retrieved")
        meta = t("list_sep", language).join(
            x
            for x in (
                t(f"kind_{val('kind')}", language) if val("kind") else None,
                _author(val("author"), language),
                where,
                publication,
                section,
                # A source that states no date is said to be undated, not left blank.
                _date(val("published"), language) or t("source_undated", language),
            )
            if x
        )
        if language == "en":
            meta = meta[:1].upper() + meta[1:]
        ids = [str(s["source_id"]) for s in group]
        rows.append(
            {
                "source_id": canonical,
                "aliases": [i for i in ids if i != canonical],
                "label": str(number),
                "title": title,
                "meta": meta,
                "url": url if url and url.startswith(("http://", "https://")) else None,
                "note": t("list_sep", language).join(
                    n
                    for n in (
                        t("read_on_date", language).format(date=_date(retrieved[:10], language))
                        if retrieved
                        else "",
                        _not_found_again(group, language),
                    )
                    if n
                ),
            }
        )
    return rows


_NOTEBOOK_LINK = re.compile(r'href="(?:\./)?([^"#/]+)\.ipynb(?:#[^"]*)?"')


def _link_chapters(chapters: list[Chapter]) -> list[Chapter]:
    """A link to another chapter's notebook (03_policies.ipynb, which works in JupyterLab)
    points at that chapter in the report; one to a chapter left out goes nowhere."""
    ids = {c.stem: c.id for c in chapters}

    def target(m: re.Match) -> str:
        return f'href="#{ids[m.group(1)]}"' if m.group(1) in ids else 'href="#contents"'

    return [dataclasses.replace(c, body=_NOTEBOOK_LINK.sub(target, c.body)) for c in chapters]


def page(
    chapters: list[Chapter],
    *,
    params: dict,
    data_version: str,
    sources: pd.DataFrame,
    event_name: str,
    web: bool,
    cover: bool = True,
    pages: dict[str, int] | None = None,
    lead_source: str | None = None,
    front_only: bool = False,
    link_targets: bool = False,
) -> str:
    """A whole report page: cover, contents, chapters and the sources appendix. With
    `cover` False, the chapters and the appendix alone (the body the dossier's PDFs are
    cut from); with `front_only`, the cover and contents alone; `link_targets` adds
    invisible links to each chapter and the appendix (see the template)."""
    language = params.get("language", "en")
    # The cover names the event, its coverage and edition in words (charts.summary).
    front = summary.cover(summary.context(params), data_version) if cover else None
    pages = pages or {}
    chapters = _link_chapters(chapters)
    cited = citations([c.body for c in chapters], sources, lead_source)
    chapters = [
        dataclasses.replace(c, body=number_citations(c.body, cited, language)) for c in chapters
    ]
    return _page_template().render(
        language=language,
        title=front["title"] if front else t("dossier_title", language),
        css=css(),
        plotly_js=plotly_js() if web else None,
        cover=front,
        contents=[
            {
                "id": c.id,
                "title": c.title,
                "page": pages.get(c.id),
                "sections": [
                    {"id": sid, "title": words, "page": pages.get(sid)} for sid, words in c.sections
                ],
            }
            for c in chapters
        ]
        if cover
        else None,
        sources_page=pages.get("sources"),
        front_only=front_only,
        link_targets=link_targets,
        chapters=chapters,
        sources=_source_rows(sources, language, cited),
        labels={
            "kicker": t("kicker", language),
            "contents": t("contents", language),
            "sources": t("sources", language),
            "list_sep": t("list_sep", language),
            "sources_note": t("sources_note", language),
        },
    )
