"""Pieces shared by the figure builders: titles, wrapping, and the empty-result chart."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from .. import theme
from ..i18n import add, t

add(
    {
        "nothing_stated": {
            "en": "Nothing stated for {what} in the sources",
            "zh": "资料中未载明{what}的相关内容",
        },
        "filter_all": {"en": "all jurisdictions", "zh": "全部地区"},
        "kind_ceremony": {"en": "Ceremony", "zh": "仪式"},
        "kind_part": {"en": "Part {n}", "zh": "第{n}部分"},
        "kind_symposium": {"en": "Symposium", "zh": "座谈会"},
        "filter_national": {"en": "national level", "zh": "国家层面"},
    }
)


# Charts of the event as a whole and of the series: the jurisdiction filter selects
# organisations and policies, not these, so their subtitle does not name it.
AS_OF_ONLY = ("as_of",)


def wrap(text: str, width: int = 32) -> str:
    """Wrap a long label onto lines joined with <br> (plotly's line break)."""
    return "<br>".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)


def scope_label(ctx, filters: tuple[str, ...] = ("jurisdiction", "as_of")) -> str:
    """The filters of the run that this chart applies, as a subtitle."""
    parts = []
    if "jurisdiction" in filters and ctx.jurisdiction != "all":
        key = "filter_national" if ctx.jurisdiction == "national" else ctx.jurisdiction
        parts.append(t(key, ctx.language))
    if "as_of" in filters and ctx.as_of:
        parts.append(f"{t('as_of', ctx.language)} {ctx.as_of}")
    return " · ".join(parts)


def titled(
    fig: go.Figure, ctx, title: str, filters: tuple[str, ...] = ("jurisdiction", "as_of")
) -> go.Figure:
    """Title the chart; the subtitle names only the filters it applies, so a chart the
    jurisdiction does not change says so by not naming one."""
    sub = scope_label(ctx, filters)
    fig.update_layout(title=dict(text=title, subtitle=dict(text=sub)), template=theme.NAME)
    if sub and (fig.layout.margin.t or 0) < 95:
        fig.update_layout(margin_t=95)
    return fig


def empty(
    ctx, title: str, what: str, filters: tuple[str, ...] = ("jurisdiction", "as_of")
) -> go.Figure:
    """A readable chart saying nothing is stated, instead of a blank figure or an error."""
    fig = go.Figure()
    message = t("nothing_stated", ctx.language).format(what=what)
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font=dict(size=16, color=theme.MUTED),
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=220)
    return titled(fig, ctx, title, filters)
