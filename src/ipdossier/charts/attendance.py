"""Chart 2, who came: named officials and organisations by level and jurisdiction, and
the agencies that spoke with their themes as stated."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import t
from .base import empty, titled, wrap, wrap_cell

# One hue each (theme's Okabe-Ito palette): an IP office or department ("government
# office") and a people's government ("government") are different kinds of body, and a
# reader must tell their bars apart.
TYPE_COLOURS = {
    "government office": theme.BLUE,
    "government": theme.PURPLE,
    "party organ": theme.BLACK,
    "IP service agency": theme.GREEN,
    "enterprise": theme.YELLOW,
    "college": theme.ORANGE,
    "innovation centre": theme.VERMILION,
}
# Fewer named people than this is a sentence, not a chart.
CHART_MIN_PEOPLE = 2


@derive.memoised
def frame(ctx) -> pd.DataFrame:
    """Participants counted by group and organisation type, with their names."""
    p = derive.participants(ctx)
    if p.empty:
        return pd.DataFrame(columns=["group", "org_type", "count", "names"])
    p = p.drop_duplicates("person_id")
    sep = "、" if ctx.language == "zh" else ", "
    out = (
        p.groupby(["group", "org_type"], sort=False, dropna=False)
        .agg(count=("person_id", "size"), names=("name", lambda s: sep.join(s)))
        .reset_index()
    )
    out["group"] = pd.Categorical(out["group"], derive.groups(ctx), ordered=True)
    return out.sort_values(["group", "org_type"]).reset_index(drop=True)


def sources(ctx) -> pd.DataFrame:
    return derive.participants(ctx)


def charted(ctx) -> bool:
    """Whether who came makes a chart: two or more named people. One person is a
    sentence (`named`), not a one-bar chart."""
    return len(frame(ctx)) > 0 and int(frame(ctx)["count"].sum()) >= CHART_MIN_PEOPLE


def named(ctx) -> str:
    """The named participants in words: name, title and organisation as stated, the
    organisation once where the title already names it ("Dongli District")."""
    p = derive.participants(ctx).drop_duplicates("person_id")
    zh = ctx.language == "zh"
    parts = []
    for _, r in p.iterrows():
        title = r["title"] if isinstance(r["title"], str) else ""
        org = r["organisation"] if isinstance(r["organisation"], str) else ""
        if zh:
            parts.append(("" if org and title.startswith(org) else org) + title + str(r["name"]))
            continue
        pieces = org.split(", ")
        if title and pieces and title.endswith(pieces[0]):
            org = ", ".join(pieces[1:])
        parts.append(", ".join(x for x in (str(r["name"]), title, org) if x))
    return ("、" if zh else "; ").join(parts)


def figure(ctx) -> go.Figure:
    lang = ctx.language
    f = frame(ctx)
    title = t("who_title", lang)
    if f.empty:
        return empty(ctx, title, t("who_what", lang))
    groups = [g for g in derive.groups(ctx) if g in set(f["group"].astype(str))]
    labels = {g: t(f"group_{g}", lang) for g in groups}
    fig = go.Figure()
    for kind in dict.fromkeys(f["org_type"]):
        rows = f[f["org_type"] == kind]
        fig.add_trace(
            go.Bar(
                name=t(f"type_{kind}", lang),
                y=[labels[str(g)] for g in rows["group"]],
                x=list(rows["count"]),
                orientation="h",
                marker_color=TYPE_COLOURS.get(kind, theme.GREY),
                text=[wrap(n, 40) for n in rows["names"]],
                # The names in the bar are cut at LABEL_LINES lines; the hover lists all.
                hovertext=[wrap(n, 60, lines=None) for n in rows["names"]],
                textposition="inside",
                insidetextanchor="start",
                # The text colour that reads on this fill (WCAG AA), never white on yellow.
                textfont=dict(size=12, color=theme.text_on(TYPE_COLOURS.get(kind, theme.GREY))),
                hovertemplate="%{y}: %{x}<br>%{hovertext}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(barmode="stack", height=170 + 60 * len(groups))
    fig.update_yaxes(categoryorder="array", categoryarray=[labels[g] for g in groups][::-1])
    fig.update_xaxes(title_text=t("who_axis", lang), dtick=1)
    return titled(fig, ctx, title)


def _session(ctx, row: pd.Series) -> str:
    events = ctx.dossier.events.set_index("event_id")
    ev = events.loc[row["event_id"]]
    if ev["kind"] == "part" and pd.notna(ev["sequence"]):
        return t("kind_part", ctx.language).format(n=int(ev["sequence"]))
    return t(f"kind_{ev['kind']}", ctx.language)


@derive.memoised
def speeches_frame(ctx) -> pd.DataFrame:
    s = derive.speeches(ctx)
    kind = {"stated theme": "theme_stated"}
    # Chinese text takes full-width brackets.
    pattern = "{}（{}）" if ctx.language == "zh" else "{} ({})"
    return s.assign(
        session_short=[_session(ctx, r) for _, r in s.iterrows()],
        theme_shown=[
            pattern.format(th, t(kind.get(k, "theme_summary"), ctx.language))
            for th, k in zip(s["theme"], s["theme_kind"], strict=True)
        ],
    )


def speeches_figure(ctx) -> go.Figure:
    lang = ctx.language
    s = speeches_frame(ctx)
    title = t("speeches_title", lang)
    if s.empty:
        return empty(ctx, title, t("speeches_what", lang))
    # Widths in narrow characters, to fit each column's share of the chart at 11 px.
    columns = [
        [wrap_cell(p, 22) for p in s["speaker"]],
        [wrap_cell(o, 30) for o in s["organisation"]],
        [wrap_cell(x, 16) for x in s["session_short"]],
        [wrap_cell(x, 52) for x in s["theme_shown"]],
    ]
    lines = [max(col[i].count("<br>") + 1 for col in columns) for i in range(len(s))]
    # go.Table sets a cell of several lines lower than a one-line cell beside it: every
    # cell of a row gets the row's number of lines, so that the row's texts start level.
    columns = [
        [
            cell + "<br>\u00a0" * (n - cell.count("<br>") - 1)
            for cell, n in zip(col, lines, strict=True)
        ]
        for col in columns
    ]
    fig = go.Figure(
        go.Table(
            columnwidth=[1.2, 1.9, 0.9, 3.0],
            header=dict(
                values=[
                    f"<b>{t(k, lang)}</b>"
                    for k in ("col_speaker", "col_organisation", "col_session", "col_theme")
                ],
                fill_color=theme.LEVEL_COLOURS["national"],
                font=dict(color=theme.text_on(theme.LEVEL_COLOURS["national"])),
                align="left",
                height=30,
            ),
            cells=dict(
                values=columns,
                align="left",
                fill_color=[["#f7f7f7", "white"] * len(s)],
                height=24,
                font=dict(size=12, color=theme.INK),
            ),
        )
    )
    # go.Table does not grow the figure with its rows: size it from the wrapped lines, as
    # plotly.js draws them (a row 24.3 px a line at 12 px, the header 30 px, measured on its
    # SVG). A larger guess left a blank band under the table that pushed the next section,
    # kept whole with its heading, onto a page of its own.
    fig.update_layout(
        height=95 + 30 + sum(math.ceil(24.5 * n) for n in lines) + 16,
        margin=dict(l=10, r=10, t=95, b=10),
    )
    return titled(fig, ctx, title)


def intro(ctx) -> str:
    """The paragraph before the chart: how participants are grouped, and in an edition
    limited to one jurisdiction, that the others are left out (one paragraph, so that
    the export keeps it with its chart)."""
    sep = "" if ctx.language == "zh" else " "
    return sep.join(x for x in (t("prose_who_came", ctx.language), scope_sentence(ctx)) if x)


def scope_sentence(ctx) -> str:
    """What an edition limited to one jurisdiction leaves out of who came, in words; ""
    for an edition of every jurisdiction, where there is nothing to say."""
    if ctx.jurisdiction == "all":
        return ""
    key = "scope_national_level" if ctx.jurisdiction == "national" else ctx.jurisdiction
    return t("prose_who_came_only", ctx.language).format(scope=t(key, ctx.language))
