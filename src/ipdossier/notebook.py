"""What a dossier notebook calls: set-up, and display of charts, tables and source notes.

Notebooks stay thin: `ctx = setup(**params)` right after the parameters cell, then
`show(fig, ...)` per chart. Everything shown is escaped, so text from the data (a name
like `<img src=x onerror=...>`) appears as text in JupyterLab, HTML and PDF.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import data as dossier_data
from . import theme
from .i18n import t
from .params import check_values

# plotly >= 6 emits only application/vnd.plotly.v1+json in a kernel, which nbconvert drops:
# the SVG beside it keeps charts interactive in JupyterLab and vector in HTML/PDF exports.
RENDERER = "plotly_mimetype+svg"

_kaleido_started = False


@dataclass
class Context:
    """A notebook run: its checked parameters and the loaded data package."""

    event_id: str
    language: str
    jurisdiction: str
    as_of: str
    dossier: dossier_data.Dossier

    def t(self, key: str) -> str:
        return t(key, self.language)

    @property
    def as_of_date(self) -> pd.Timestamp | None:
        return pd.Timestamp(self.as_of) if self.as_of else None


def _start_kaleido() -> None:
    # One browser for every image of the kernel: ~0.15 s per chart instead of ~2 s, and
    # no MathJax fetched from a CDN.
    global _kaleido_started
    if _kaleido_started:
        return
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _kaleido_started = True


def setup(
    event_id: str = "bth-2017-baoding",
    language: str = "en",
    jurisdiction: str = "all",
    as_of: str = "",
    *,
    renderer: str | None = None,
) -> Context:
    """Check the parameters, load the data, and configure plotly for the dossier."""
    values = {
        "event_id": event_id,
        "language": language,
        "jurisdiction": jurisdiction,
        "as_of": as_of,
    }
    check_values(values, where="parameters cell")
    theme.register()
    pio.renderers.default = renderer or os.environ.get("PLOTLY_RENDERER") or RENDERER
    if "svg" in pio.renderers.default:
        _start_kaleido()
    # kaleido logs each browser start at INFO, which would land in the report.
    logging.getLogger("kaleido").setLevel(logging.WARNING)
    logging.getLogger("choreographer").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message=".*kopts.*")
    return Context(dossier=dossier_data.load(), **values)


def source_note(rows: pd.DataFrame | pd.Series, language: str = "en", extra: str = "") -> str:
    """HTML caption linking each source (by paragraph) to the report's sources appendix."""
    if isinstance(rows, pd.Series):
        rows = rows.to_frame().T
    cited: dict[str, set[int]] = {}
    for _, row in rows.iterrows():
        sid = row.get("source_id")
        if sid is None or pd.isna(sid):
            continue
        paras = cited.setdefault(str(sid), set())
        para = row.get("para")
        if para is not None and not pd.isna(para):
            paras.add(int(para))
    parts = []
    for sid, paras in cited.items():
        where = ""
        if paras:
            label = "para." if language == "en" else "段"
            where = f", {label} {', '.join(str(p) for p in sorted(paras))}"
        parts.append(
            f'<a href="#source-{html.escape(sid)}">[{html.escape(sid)}]</a>{html.escape(where)}'
        )
    text = "; ".join(parts) if parts else html.escape(t("unknown", language))
    tail = f" {html.escape(extra)}" if extra else ""
    return f'<p class="ipd-source">{html.escape(t("source", language))}: {text}.{tail}</p>'


# SVGs by figure: a warm kernel runs the same chapter for many variants, and a chart the
# variant does not change (the map under every jurisdiction) is rendered once.
_svg_cache: dict[str, str] = {}


def mimebundle(fig: go.Figure) -> dict:
    """The interactive JSON and, under the dossier's renderer, the vector SVG beside it."""
    fig_dict = fig.to_dict()
    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(dict(fig_dict))
    if "svg" in pio.renderers.default.split("+"):
        spec = json.dumps(bundle, sort_keys=True, default=str)
        width, height = theme.svg_size(fig_dict)
        key = hashlib.sha256(f"{width}x{height}:{spec}".encode()).hexdigest()
        if key not in _svg_cache:
            svg = pio.to_image(fig_dict, format="svg", width=width, height=height)
            _svg_cache[key] = svg.decode("utf-8")
        bundle["image/svg+xml"] = _svg_cache[key]
    return bundle


def show(
    fig: go.Figure,
    sources: pd.DataFrame | pd.Series | None = None,
    *,
    language: str = "en",
    note: str = "",
) -> None:
    """Display a chart, then its source note (the note is what the PDF footnotes)."""
    from IPython.display import HTML, display

    if pio.renderers.default in (RENDERER, "plotly_mimetype"):
        display(mimebundle(fig), raw=True)
    else:
        fig.show()
    if sources is not None:
        display(HTML(source_note(sources, language, note)))


def cite(rows: pd.DataFrame | pd.Series, *, language: str = "en", note: str = "") -> None:
    """The source note of rows shown without a chart (a table)."""
    from IPython.display import HTML, display

    display(HTML(source_note(rows, language, note)))


# The headers the chapters' tables use, in the report's other language.
HEADERS = {
    "zh": {
        "Counted": "统计对象",
        "Shown as": "图中显示",
        "As printed": "原文",
        "Qualifier": "限定",
        "Scope": "范围",
        "No.": "序号",
        "Place": "地点",
        "Date": "日期",
        "Participants": "参与数",
        "Note": "说明",
        "Policy": "政策文件",
        "Level": "层级",
        "Jurisdiction": "地区",
        "Document No.": "文号",
        "Issued": "发布日期",
        "Date basis": "日期依据",
        "Indicator": "指标",
        "Baseline → target → realised": "基期 → 目标 → 实际",
        "Status": "状态",
        "Issuer": "发文机关",
        "Issuer in the article": "文章所称发文机关",
        "Signed": "成文日期",
        "Published": "发布日期",
        "Period": "规划期",
        "Validity": "时效",
        "Fact": "事项",
        "Source": "来源",
        "Value type": "数值类别",
        "Year": "年份",
        "As stated": "所载数值",
        "Flags": "标注",
    }
}


def table(
    df: pd.DataFrame,
    *,
    columns: Iterable[str] | dict[str, str] | None = None,
    language: str = "en",
    labelled: Iterable[str] = (),
) -> None:
    """Display a table with every cell escaped and unknown values shown as such.

    `columns` picks the columns; a dict also gives each the header a reader sees (in
    `language` where `HEADERS` has it). The values of the `labelled` columns are codes
    (a qualifier, a level) shown by their label."""
    from IPython.display import HTML, display

    view = df[list(columns)] if columns is not None else df
    view = view.assign(
        **{col: [v if pd.isna(v) else t(str(v), language) for v in view[col]] for col in labelled}
    )
    if isinstance(columns, dict):
        local = HEADERS.get(language, {})
        view = view.rename(columns={k: local.get(v, v) for k, v in columns.items()})
    shown = pd.DataFrame(
        {
            col: [
                "—" if pd.isna(v) else v.strftime("%Y-%m-%d") if isinstance(v, pd.Timestamp) else v
                for v in view[col]
            ]
            for col in view.columns
        }
    )
    display(HTML(shown.to_html(index=False, escape=True, classes="ipd-table")))


def say(
    text: str,
    *,
    sources: pd.DataFrame | pd.Series | None = None,
    language: str = "en",
    **values: object,
) -> None:
    """Display a line of prose (Markdown) with data values escaped into it, followed by
    the source note of the rows its numbers come from."""
    from IPython.display import HTML, Markdown, display

    safe = {k: html.escape(str(v)) for k, v in values.items()}
    display(Markdown(text.format(**safe)))
    if sources is not None:
        display(HTML(source_note(sources, language)))


_NOT_STATED = {
    "en": "*Not stated in the sources for this event: {what}.*",
    "zh": "*本活动的来源未载明：{what}。*",
}


def not_stated(en: str, zh: str, *, language: str = "en") -> None:
    """Say what the sources do not state, where a chart or table would be empty."""
    from IPython.display import Markdown, display

    what = zh if language == "zh" else en
    display(Markdown(_NOT_STATED.get(language, _NOT_STATED["en"]).format(what=html.escape(what))))
