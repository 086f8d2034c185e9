"""Pieces shared by the figure builders: titles, wrapping, the event marker on a time axis,
and the empty-result chart."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from .. import derive, linebreak, theme
from ..i18n import day_span, t
from ..i18n import month as i18n_month

EVENT_COLOUR = theme.VERMILION
# The event's name on a chart: vermilion dark enough to read on white (WCAG AA).
EVENT_TEXT = theme.VERMILION_TEXT

# Charts of the event as a whole and of the series: the jurisdiction filter selects
# organisations and policies, not these, so their subtitle says they cover every
# jurisdiction (a reader of a Hebei edition sees which figures are Hebei's alone).
AS_OF_ONLY = ("as_of",)


# A label on a chart's axis (or heading a row or column) takes at most this many lines:
# plotly gives a category as much room as its neighbours whatever its length, so a
# 5,000-character name wrapped in full would print over the labels next to it. The
# label ends in "…" where it is cut; the chart's hover shows the whole text.
LABEL_LINES = 4
ELLIPSIS = "…"


def wrap(text: str, width: int = 32, lines: int | None = LABEL_LINES) -> str:
    """Wrap a long label onto at most `lines` lines of `width` characters, joined with
    <br> (plotly's line break); a word longer than a line is broken, the cut marked "…"."""
    text = str(text)
    # A word longer than a line (textwrap would otherwise keep it whole; Chinese, with no
    # spaces, is one word) is broken where the line ends.
    wrapped = textwrap.wrap(text, width, break_long_words=True)
    if lines is not None and len(wrapped) > lines:
        kept = wrapped[:lines]
        last = kept[-1]
        while len(last) + 2 > width and " " in last:
            last = last.rsplit(" ", 1)[0]
        kept[-1] = (last[: width - 2] if len(last) + 2 > width else last) + " " + ELLIPSIS
        wrapped = kept
    return "<br>".join(wrapped) or text


def _cells(text: str) -> int:
    return linebreak.cells(text)


def wrap_cell(text: str, width: int, lines: int | None = None) -> str:
    """Wrap a go.Table cell onto lines of at most `width` narrow characters, a Chinese
    character counting two. go.Table clips whatever is wider than its column, silently;
    `wrap` (textwrap) does not break Chinese text, which has no spaces. Lines break
    between words (`linebreak.units`: Chinese words whole, a Chinese gloss in English
    text whole where it fits a line). An axis label passes `lines` (LABEL_LINES): past it
    the text is cut, the cut marked "…"."""
    wrapped = _wrap_cells(text, width)
    if lines is None or len(wrapped) <= lines:
        return "<br>".join(wrapped) or str(text)
    last = wrapped[lines - 1]
    while last and _cells(last) + 1 > width:
        last = last[:-1]
    return "<br>".join([*wrapped[: lines - 1], last.rstrip() + ELLIPSIS])


def _wrap_cells(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    todo = list(linebreak.units(str(text)))
    while todo:
        token = todo.pop(0)
        if token.isspace():
            line = f"{line} " if line else line
            continue
        if _cells(line + token) <= width:
            line += token
            continue
        if line.strip() and _cells(token) <= width:
            # The unit starts the next line, whole.
            lines.append(line.rstrip())
            line = ""
            todo.insert(0, token)
            continue
        if len(token) > 1 and _cells(token) > width:
            # Wider than a whole line: a gloss goes on by its words, a word (or a name
            # longer than a line) by its characters, filling the line it starts on.
            todo[:0] = linebreak.finer(token)
            continue
        # One character that does not fit what is left of the line.
        lines.append(line.rstrip())
        line = token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def scope_label(ctx, filters: tuple[str, ...] = ("jurisdiction", "as_of")) -> str:
    """The filters of the run that this chart applies, as a subtitle; under a
    jurisdiction filter the chart does not apply, a tag saying it covers all."""
    parts = []
    if ctx.jurisdiction != "all":
        key = "filter_national" if ctx.jurisdiction == "national" else ctx.jurisdiction
        if "jurisdiction" in filters:
            parts.append(t(key, ctx.language))
        else:
            parts.append(t("filter_not_applied", ctx.language).format(filter=t(key, ctx.language)))
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
    if fig.layout.legend.y is None and _has_legend(fig):
        # Below the x axis's ticks and title, however short a filter makes the chart; the
        # bottom margin holds two rows of legend, since a legend that pushes the margin
        # shrinks the plot and moves the axis onto it.
        below = 75 if fig.layout.xaxis.title.text else 40
        margin_b = fig.layout.margin.b if fig.layout.margin.b is not None else theme.MARGIN["b"]
        if margin_b < below + 50:
            # The chart grows by what the margin gains: its plot keeps the height it chose.
            height = (fig.layout.height or theme.HEIGHT) + below + 50 - margin_b
            fig.update_layout(margin_b=below + 50, height=height)
        fig.update_layout(legend_y=below_plot(fig, below))
    return fig


def _has_legend(fig: go.Figure) -> bool:
    # plotly's rule: a legend is drawn for two or more entries, or when asked for.
    if fig.layout.showlegend is False:
        return False
    entries = [tr for tr in fig.data if getattr(tr, "showlegend", False) is not False]
    return bool(entries) and (
        fig.layout.showlegend is True or len(entries) > 1 or any(tr.showlegend for tr in entries)
    )


def below_plot(fig: go.Figure, px: float) -> float:
    """The paper y of a point `px` pixels below the plotting area.

    Paper units are fractions of the plot's own height, so a fixed fraction lands on
    the axis labels of a chart that a filter has left with one or two rows."""
    layout = fig.layout
    margin_t = layout.margin.t if layout.margin.t is not None else theme.MARGIN["t"]
    margin_b = layout.margin.b if layout.margin.b is not None else theme.MARGIN["b"]
    plot = (layout.height or theme.HEIGHT) - margin_t - margin_b
    return -px / max(plot, 40)


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


def chart_date(day, language: str) -> str:
    """A day on a chart: 2017-07-05 in English, 2017年7月5日 in Chinese."""
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else f"{day:%Y-%m-%d}"


def mark_event(fig: go.Figure, ctx, month_only: bool = False) -> go.Figure:
    """A dashed line at the event's first day on a time axis, named above the plot. With
    `month_only`, an event whose sources give only its month (the Tianjin stop: November
    2014, from its own report) is marked at that month's first day, named as a month."""
    start = derive.event(ctx)["start_date"]
    text = None
    if pd.isna(start) and month_only and (month := derive.event_date(ctx)) is not None:
        start = month
        named = i18n_month(f"{month:%Y-%m}", ctx.language)
        text = t("event_month", ctx.language).format(month=named)
    if pd.isna(start):  # the source does not date the event
        return fig
    fig.add_vline(x=start, line=dict(color=EVENT_COLOUR, width=2, dash="dash"))
    fig.add_annotation(
        x=start,
        y=1.0,
        yref="paper",
        yanchor="bottom",
        # An event of several days is named by its days (5–6 July 2017), not its first.
        text=text
        or f"{t('event_date', ctx.language)} "
        + day_span(start, derive.event(ctx)["end_date"], ctx.language),
        showarrow=False,
        font=dict(color=EVENT_TEXT, size=12),
    )
    return fig
