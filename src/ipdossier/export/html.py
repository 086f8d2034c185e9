"""Executed notebooks to HTML: chapter bodies without code, and whole report pages.

Chapters go through nbconvert's `basic` template (cell contents only, no page chrome,
no CDN links) with inputs and prompts removed. For print, each chart is its SVG (vector
in the PDF). For the web page, each chart becomes a div drawn by plotly.js, which is
inlined once per page, with the figure JSON escaped so no data can close the script.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nbformat
import pandas as pd
from jinja2 import Environment, StrictUndefined
from nbconvert import HTMLExporter

from ..charts import summary
from ..i18n import t
from .preprocessors import ChartsAsImages, ChartsForPlotlyJs, DropStderr


@dataclass
class Chapter:
    id: str
    title: str
    body: str
    stem: str


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


_local = threading.local()


def _exporter(mode: str) -> HTMLExporter:
    """The chapter exporter for `mode` ("print": charts as SVG images; "web": drawn by
    plotly.js), with the package's preprocessors registered on it."""
    # One per thread and mode: a new exporter compiles nbconvert's Jinja templates again,
    # which costs more than converting a chapter.
    exporters = _local.__dict__.setdefault("exporters", {})
    if mode not in exporters:
        exporter = HTMLExporter(
            template_name="basic",
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            exclude_anchor_links=True,
        )
        charts = ChartsForPlotlyJs() if mode == "web" else ChartsAsImages()
        for preprocessor in (DropStderr(), charts):
            exporter.register_preprocessor(preprocessor, enabled=True)
        exporters[mode] = exporter
    return exporters[mode]


def chapter(path: Path, index: int, *, mode: str, language: str) -> Chapter:
    """One executed notebook as a chapter body (mode "print": SVG; "web": plotly.js)."""
    nb = nbformat.read(path, as_version=4)
    return chapter_from_node(nb, index, mode=mode, language=language, stem=path.stem)


def chapter_from_node(nb, index: int, *, mode: str, language: str, stem: str) -> Chapter:
    chapter_id = f"chapter-{index}"
    meta = nb.metadata.get("ipdossier", {})
    # The contents and bookmarks take the title from the notebook's metadata; the chapter
    # itself opens with the same words, displayed by the package (test_prose checks both).
    translated = meta.get(f"title_{language}") if language != "en" else None
    title = translated or meta.get("title") or stem
    body, _ = _exporter(mode).from_notebook_node(
        nb, resources={"ipdossier": {"chapter_id": chapter_id}}
    )
    return Chapter(id=chapter_id, title=title, body=body, stem=stem)


def _source_rows(sources: pd.DataFrame, language: str) -> list[dict]:
    rows = []
    for number, (_, s) in enumerate(sources.iterrows(), start=1):

        def val(key, s=s):
            v = s.get(key)
            return None if v is None or pd.isna(v) else str(v)

        publisher = val("publisher")
        if publisher and val("mirror") == "True":
            publisher = t("mirror_of", language).format(publisher=publisher)
        elif val("mirror") == "True":
            publisher = t("mirror_host", language)
        meta = ", ".join(
            x
            for x in (
                t(f"kind_{val('kind')}", language) if val("kind") else None,
                val("author"),
                publisher,
                val("publication"),
                val("section"),
                val("published"),
            )
            if x
        )
        note = val("retrieval_note") or ""
        if val("retrieved"):
            note = f"{note} {t('read_on', language)} {val('retrieved')[:10]}.".strip()
        if val("sha256"):
            note = f"{note} {t('sha256', language)}: {val('sha256')[:16]}…".strip()
        url = val("url")
        rows.append(
            {
                "source_id": val("source_id"),
                # Chinese notes cite sources by number (see notebook.source_label).
                "label": str(number) if language == "zh" else val("source_id"),
                "title": val("title"),
                "meta": meta,
                "url": url if url and url.startswith(("http://", "https://")) else None,
                "note": note,
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
) -> str:
    """A whole report page: cover, contents, chapters and the sources appendix."""
    language = params.get("language", "en")
    # The cover names the event, its coverage and edition in words (charts.summary).
    front = summary.cover(summary.context(params), data_version) if cover else None
    pages = pages or {}
    chapters = _link_chapters(chapters)
    return _page_template().render(
        language=language,
        title=front["title"] if front else t("dossier_title", language),
        css=css(),
        plotly_js=plotly_js() if web else None,
        cover=front,
        contents=[{"id": c.id, "title": c.title, "page": pages.get(c.id)} for c in chapters]
        if cover
        else None,
        sources_page=pages.get("sources"),
        chapters=chapters,
        sources=_source_rows(sources, language),
        labels={
            "kicker": t("kicker", language),
            "contents": t("contents", language),
            "sources": t("sources", language),
        },
    )
