"""Charts 5-7, the policies cited: timeline, who cited what, and the hierarchy by level.

Dates come from the data package only: an official issue date where one was read, a
period printed in the title (2017-2025), a month the article gives ("December of the
last year"). Everything else sits in a lane of its own, marked as not stated. The
hierarchy links documents only where the source states the link; otherwise documents
are grouped by level and jurisdiction, not joined by guess.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from .. import derive, schema, theme
from ..i18n import doc_number_cell, t
from .base import below_plot, empty, mark_event, titled, wrap, wrap_cell


def _levels(ctx) -> list[str]:
    """Levels of government, from the centre outwards, as the data package lists them."""
    return list(schema.levels(ctx.dossier.path))


@derive.memoised
def timeline_frame(ctx) -> pd.DataFrame:
    p = derive.cited_policies(ctx).copy()
    p["level"] = pd.Categorical(p["level"], _levels(ctx), ordered=True)
    p = p.sort_values(["level", "dated", "start"], ascending=[True, False, True])
    p["row"] = [wrap(x, 44) for x in p["display_title"]]
    # The table's Document No. reads as the prose cites it (Guofa [2016] No. 86), the
    # number as issued beside it.
    p["doc_number"] = [doc_number_cell(v, ctx.language) for v in p["doc_number"]]
    return p.reset_index(drop=True)


def sources(ctx) -> pd.DataFrame:
    """What the timeline's note and the table's cite: the article that names each document
    (by paragraph), and the pages its number and dates were read on."""
    cited = derive.cited_policies(ctx)
    official = derive.evidence_sources(ctx, cited["policy_id"])
    return pd.concat([cited[["source_id", "para"]], official], ignore_index=True)


def _stated_date(row, language: str) -> str:
    """A document's date as the timeline's right-hand column prints it: the date derive
    placed it by, with its kind ("published 21 June 2017"), so the column, the table under
    the chart and the chain of the targets chapter all say which date they show."""
    return row["date_text"]


def undated(ctx) -> list[str]:
    """Titles of the cited documents the sources do not date: listed beside the
    timeline, never drawn on it."""
    p = timeline_frame(ctx)
    return list(p.loc[~p["dated"], "display_title"])


def listed(titles: list[str], language: str) -> str:
    """Titles in a sentence: "; " between English ones; in Chinese 、 between titles in
    quotation marks (a title already quoted, “一带一路”, keeps its own)."""
    if language != "zh":
        return "; ".join(titles)
    return "、".join(x if x.startswith(("“", "《")) else f"“{x}”" for x in titles)


def time_range(ctx) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The timeline's axis: the dated documents and the activity, with a margin; a
    plan's period may run on past the right edge (its column says to when)."""
    p = timeline_frame(ctx)
    dated = p[p["dated"]]
    points = list(dated["start"]) + [
        e for e, pr in zip(dated["end"], dated["precision"], strict=True) if pr != "period"
    ]
    start = derive.event(ctx)["start_date"]
    if pd.notna(start):
        points.append(start)
    lo, hi = min(points), max(points)
    pad = max((hi - lo) * 0.06, pd.Timedelta(days=45))
    return lo - pad, hi + pad


def timeline_figure(ctx) -> go.Figure:
    lang = ctx.language
    p = timeline_frame(ctx)
    p = p[p["dated"]]
    if p.empty:
        return empty(ctx, t("timeline_title", lang), t("timeline_what", lang))
    # The title says what the chart shows: how many dated documents, over which months.
    first, last = p["start"].min(), p["start"].max()
    month = (lambda d: f"{d.year}年{d.month}月") if lang == "zh" else (lambda d: f"{d:%B %Y}")
    title = t("timeline_title_finding", lang).format(n=len(p), first=month(first), last=month(last))
    x_min, x_max = time_range(ctx)
    shortest = (x_max - x_min).total_seconds() * 1000 * 0.012
    fig = go.Figure()
    for level in _levels(ctx):
        rows = p[p["level"] == level]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                y=rows["row"],
                base=list(rows["start"]),
                x=[
                    max((e - s).total_seconds() * 1000, shortest)
                    for s, e in zip(rows["start"], rows["end"], strict=True)
                ],
                orientation="h",
                marker_color=theme.LEVEL_COLOURS[level],
                name=t(level, lang),
                customdata=[_stated_date(r, lang) for _, r in rows.iterrows()],
                # The row's label is cut at LABEL_LINES lines; the hover has the whole title.
                hovertext=[wrap(x, 60, lines=None) for x in rows["display_title"]],
                hovertemplate="%{hovertext}<br>%{customdata}<extra></extra>",
            )
        )
    # Each document's date as stated, in a column right of the plot: text inside the
    # plot would sit across the activity's line or another document's bar.
    for _, r in p.iterrows():
        fig.add_annotation(
            x=1.01,
            xref="paper",
            y=r["row"],
            xanchor="left",
            text=_stated_date(r, lang),
            showarrow=False,
            font=dict(size=12, color=theme.MUTED),
        )
    mark_event(fig, ctx)
    span = (x_max - x_min).days
    fig.update_xaxes(
        type="date",
        range=[x_min, x_max],
        dtick="M3" if span < 900 else "M12",
        # A month as each edition writes one (2016年4月, Apr 2016), not 2016-04.
        tickformat=(("%Y年%-m月" if lang == "zh" else "%b %Y") if span < 900 else "%Y"),
    )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=list(p["row"]),
        tickfont=dict(size=12),
    )
    # 44 px a row holds a label of three lines; a longer one (up to LABEL_LINES) gets a
    # row as tall as it, so that it does not print over the next.
    lines = max(str(label).count("<br>") + 1 for label in p["row"])
    pitch = 44 if lines <= 3 else 15 * lines + 4
    fig.update_layout(
        height=190 + pitch * len(p),
        barmode="overlay",
        bargap=0.35,
        margin=dict(t=90, r=170),
    )
    return titled(fig, ctx, title)


def citations_frame(ctx) -> pd.DataFrame:
    return derive.citations(ctx)


def _short(name: str) -> str:
    m = re.fullmatch(r".{24,}\(([A-Z]{2,8})\)", str(name))
    return m.group(1) if m else wrap(name, 16, lines=6)


def citations_figure(ctx) -> go.Figure:
    lang = ctx.language
    c = citations_frame(ctx)
    title = t("citations_title", lang)
    if c.empty:
        return empty(ctx, title, t("citations_what", lang))
    # Citer names head columns side by side: long ones wrap, and an office's full name
    # that ends with its abbreviation is headed by that ("SIPO", which the glossary
    # explains; the hover names it in full): five lines of "State / Intellectual / ..."
    # towered over the one-line names beside it.
    c = c.assign(
        citer_label=[_short(x) for x in c["citer"]],
        policy_label=[wrap(x, 44) for x in c["policy"]],
        # Labels are cut at a few lines; the hover names citer and document in full.
        hover=[
            f"{wrap(a, 60, lines=None)} →<br>{wrap(b, 60, lines=None)}"
            for a, b in zip(c["citer"], c["policy"], strict=True)
        ],
    )
    citers = list(dict.fromkeys(c["citer_label"]))
    order = list(dict.fromkeys(c.sort_values("level")["policy_label"]))
    fig = go.Figure()
    for level in _levels(ctx):
        rows = c[c["level"] == level]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["citer_label"],
                y=rows["policy_label"],
                mode="markers",
                marker=dict(size=15, symbol="square", color=theme.LEVEL_COLOURS[level]),
                name=t(level, lang),
                customdata=[t("para_one", lang).format(paras=int(p)) for p in rows["para"]],
                hovertext=list(rows["hover"]),
                hovertemplate="%{hovertext}<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_xaxes(
        categoryorder="array", categoryarray=citers, side="top", showgrid=True, tickangle=0
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=order[::-1], showgrid=True, tickfont=dict(size=12)
    )
    # Rows are equal: as tall as the longest label (14 px a line), so labels never touch.
    pitch = max(40, 14 * max(label.count("<br>") + 1 for label in order) + 12)
    fig.update_layout(
        height=170 + pitch * len(order), margin=dict(t=110), legend=dict(y=-0.04, yanchor="top")
    )
    return titled(fig, ctx, title)


KIND_ORDER = ["meeting", "plan", "outline", "opinions", "decision", "strategy", "target"]


def hierarchy_levels(ctx) -> list[str]:
    """The levels the hierarchy gives a column: all of them; under a jurisdiction filter,
    only those it leaves a policy in (a Hebei edition has no national column), the others
    named in a sentence (`hierarchy_left_out`)."""
    levels = _levels(ctx)
    if ctx.jurisdiction == "all":
        return levels
    present = set(derive.hierarchy(ctx)["level"])
    return [lv for lv in levels if lv in present] or levels


def hierarchy_left_out(ctx) -> dict[str, str] | None:
    """The levels the filtered hierarchy has no column for, and the filter, in words."""
    gone = [lv for lv in _levels(ctx) if lv not in hierarchy_levels(ctx)]
    if not gone:
        return None
    lang = ctx.language
    key = "filter_national" if ctx.jurisdiction == "national" else ctx.jurisdiction
    names = [_level_word(lv, lang) for lv in gone]
    return {"levels": ("、" if lang == "zh" else ", ").join(names), "filter": t(key, lang)}


def _level_word(level: str, language: str) -> str:
    """A level as a word in a phrase: "national", 国家."""
    word = t(level, language)
    return word.removesuffix("级") if language == "zh" else word.lower()


@derive.memoised
def hierarchy_frame(ctx) -> pd.DataFrame:
    """Policies by level column, each stated child placed right after its parent."""
    h = derive.hierarchy(ctx).copy()
    h["column"] = h["level"].map({lv: i for i, lv in enumerate(hierarchy_levels(ctx))})
    h["_kind"] = h["kind"].map({k: i for i, k in enumerate(KIND_ORDER)}).fillna(len(KIND_ORDER))
    h = h.sort_values(["column", "jurisdiction", "_kind", "policy_id"])
    ids = set(h["policy_id"])
    children: dict[str, list[str]] = {}
    for r in h.itertuples():
        if isinstance(r.parent_policy_id, str) and r.parent_policy_id in ids:
            children.setdefault(r.parent_policy_id, []).append(r.policy_id)
    order: list[str] = []

    def visit(pid: str) -> None:
        order.append(pid)
        for child in children.get(pid, []):
            visit(child)

    for r in h.itertuples():
        if not (isinstance(r.parent_policy_id, str) and r.parent_policy_id in ids):
            visit(r.policy_id)
    h = h.set_index("policy_id").loc[order].reset_index().drop(columns="_kind")
    h = h.sort_values("column", kind="stable").reset_index(drop=True)
    h["slot"] = h.groupby("column").cumcount()
    return h


# The hierarchy's text: 10.5 px type, a line every 14 px, labels up to 34 narrow
# characters wide (a Chinese character counts two) so a label stays in its column.
LINE_PX = 14
LABEL_CELLS = 34
ROW_GAP_PX = 22


def _box_text(title: str, where: str) -> str:
    """A box's title, and under it where the policy applies (derive.policies' `where`)."""
    shown = f"<span style='color:{theme.MUTED}'>{where}</span>"
    return f"{wrap_cell(title, LABEL_CELLS)}<br>{shown}"


def _box_title(r, language: str) -> str:
    """A box's title: the Chinese title in Chinese; in English the English title alone.
    The table under the chart gives each Chinese title beside its English one: in a box
    34 characters wide the gloss (up to 21 Chinese characters) could not stay whole."""
    return str(r["display_title"] if language == "zh" else r["title"])


def hierarchy_rows(ctx) -> pd.DataFrame:
    """The hierarchy frame with each box's text and its y in pixels from the top: each
    row as tall as its tallest label across the columns, so a label never runs into the
    one below it."""
    h = hierarchy_frame(ctx)
    h["text"] = [
        _box_text(
            _box_title(r, ctx.language),
            r["where"] if isinstance(r["where"], str) else t("unknown", ctx.language),
        )
        for _, r in h.iterrows()
    ]
    h["lines"] = [x.count("<br>") + 1 for x in h["text"]]
    tallest = h.groupby("slot")["lines"].max().sort_index()
    tops, y = {}, 0.0
    for slot, lines in tallest.items():
        height = lines * LINE_PX + ROW_GAP_PX
        tops[slot] = y + height / 2
        y += height
    h["y"] = h["slot"].map(tops)
    h.attrs["height"] = y
    return h


def hierarchy_figure(ctx) -> go.Figure:
    lang = ctx.language
    h = hierarchy_rows(ctx)
    levels = hierarchy_levels(ctx)
    title = t("hierarchy_title", lang)
    if levels != _levels(ctx):
        sep = "、" if lang == "zh" else ", "
        title = t("hierarchy_title_levels", lang).format(
            levels=sep.join(_level_word(lv, lang) for lv in levels)
        )
    if h.empty:
        return empty(ctx, title, t("hierarchy_what", lang))
    pos = {r.policy_id: (int(r.column), float(r.y)) for r in h.itertuples()}
    fig = go.Figure()
    links = h[h["parent_policy_id"].notna() & h["parent_policy_id"].isin(pos)]
    for r in links.itertuples():
        (x0, y0), (x1, y1) = pos[r.parent_policy_id], pos[r.policy_id]
        # An elbow on the left of the boxes, so the link never runs through a sibling.
        fig.add_trace(
            go.Scatter(
                x=[x0 - 0.0, x0 - 0.04, x1 - 0.04, x1],
                y=[y0, y0, y1, y1],
                mode="lines",
                line=dict(color=theme.INK, width=1.5),
                name=t("stated_link", lang),
                showlegend=False,
                hoverinfo="skip",
            )
        )
    if not links.empty:
        fig.data[0].showlegend = True
    for i, level in enumerate(levels):
        rows = h[h["column"] == i]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[i] * len(rows),
                y=list(rows["y"]),
                mode="markers+text",
                marker=dict(size=12, symbol="square", color=theme.LEVEL_COLOURS[level]),
                text=list(rows["text"]),
                textposition="middle right",
                textfont=dict(size=12, color=theme.INK),
                cliponaxis=False,
                name=t(level, lang),
                hoverinfo="text",
            )
        )
    total = float(h.attrs["height"])
    fig.update_xaxes(
        range=[-0.05, len(levels) - 0.05],
        tickvals=list(range(len(levels))),
        ticktext=[t(lv, lang) for lv in levels],
        zeroline=False,
        side="top",
        showgrid=False,
    )
    # y in pixels from the top: the plot is exactly as tall as its rows.
    fig.update_yaxes(visible=False, autorange=False, range=[total, 0])
    fig.update_layout(
        height=round(100 + 80 + total),
        showlegend=True,
        margin=dict(t=100, b=80),
    )
    fig.update_layout(legend=dict(y=below_plot(fig, 30), yanchor="top"))
    fig.add_annotation(
        text=t("hierarchy_note", lang),
        x=0,
        y=below_plot(fig, 8),
        xref="paper",
        yref="paper",
        yanchor="top",
        xanchor="left",
        showarrow=False,
        font=dict(size=12, color=theme.MUTED),
    )
    return titled(fig, ctx, title)


def stated_links(ctx) -> int:
    """How many links between the policies cited the source states."""
    h = hierarchy_frame(ctx)
    return int(h["parent_policy_id"].isin(set(h["policy_id"])).sum())
