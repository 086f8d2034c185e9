"""Chart 4, the series: SIPO's connecting activities in order on a map of China, and the
reach the source gives for them ("nearly 1,000" enterprises and institutions, for the
series as a whole; per-activity counts are not stated and are not drawn)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, geo, theme
from ..i18n import ordinal, t
from .base import AS_OF_ONLY, below_plot, empty, titled


def frame(ctx) -> pd.DataFrame:
    s = derive.series(ctx)
    points = [geo.representative_point(int(code)) for code in s["adcode"]]
    s["lon"] = [p[0] for p in points]
    s["lat"] = [p[1] for p in points]
    # Chinese place names come from the boundary package's own index, not from memory.
    names = [geo.name_zh(int(c)) if ctx.language == "zh" else None for c in s["adcode"]]
    s["label"] = [
        f"{int(n)}. {zh or p}" for n, p, zh in zip(s["position"], s["place"], names, strict=True)
    ]
    return s


def sources(ctx) -> pd.DataFrame:
    return derive.series(ctx)


def map_figure(ctx) -> go.Figure:
    lang = ctx.language
    s = frame(ctx)
    title = t("series_title", lang)
    if s.empty:
        return empty(ctx, title, t("series_what", lang), AS_OF_ONLY)
    fig = go.Figure()
    highlighted = {int(c) for c in s["adcode"]}
    lons, lats = [], []
    for rings in geo.provinces().values():
        for ring in rings:
            lons += [p[0] for p in ring] + [ring[0][0], None]
            lats += [p[1] for p in ring] + [ring[0][1], None]
    fig.add_trace(
        go.Scatter(
            x=lons,
            y=lats,
            mode="lines",
            fill="toself",
            fillcolor="#f3f4f6",
            line=dict(color="#c4c8cf", width=0.6),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for code in highlighted:
        is_event = code in set(s.loc[s["event_id"] == ctx.event_id, "adcode"].dropna().astype(int))
        for ring in geo.outline(code):
            fig.add_trace(
                go.Scatter(
                    x=[p[0] for p in ring] + [ring[0][0]],
                    y=[p[1] for p in ring] + [ring[0][1]],
                    mode="lines",
                    fill="toself",
                    hoverinfo="skip",
                    showlegend=False,
                    fillcolor="#f4a261" if is_event else "#bcd3ea",
                    line=dict(color=theme.LEVEL_COLOURS["national"], width=0.8),
                )
            )
    fig.add_trace(
        go.Scatter(
            x=s["lon"],
            y=s["lat"],
            mode="lines",
            line=dict(color=theme.MUTED, width=1.2, dash="dot"),
            name=t("series_order", lang),
            hoverinfo="skip",
        )
    )
    this = (s["event_id"] == ctx.event_id).fillna(False).astype(bool)
    fig.add_trace(
        go.Scatter(
            x=s["lon"],
            y=s["lat"],
            mode="markers+text",
            text=s["label"],
            # Baoding sits next to Tianjin: its label goes left so the two stay legible.
            textposition=["middle left" if x else "middle right" for x in this],
            textfont=dict(size=12),
            marker=dict(
                size=[18 if x else 11 for x in this],
                color=["#e76f51" if x else theme.LEVEL_COLOURS["national"] for x in this],
                line=dict(color="white", width=1.5),
            ),
            name=t("series_place", lang),
            customdata=[
                d.strftime("%Y-%m-%d") if pd.notna(d) else t("not_stated", lang) for d in s["date"]
            ],
            hovertemplate="%{text}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(visible=False, range=[73, 136])
    fig.update_yaxes(visible=False, range=[17, 54], scaleanchor="x", scaleratio=1.25)
    fig.update_layout(
        height=620,
        legend=dict(y=0.02, x=0.01, yanchor="bottom", bgcolor="rgba(255,255,255,0.8)"),
        margin=dict(l=10, r=10, t=70, b=10),
    )
    return titled(fig, ctx, title, AS_OF_ONLY)


def reach_frame(ctx) -> pd.DataFrame:
    return derive.series_reach(ctx)


def reach_figure(ctx) -> go.Figure:
    lang = ctx.language
    r = reach_frame(ctx)
    title = t("reach_title", lang)
    if r.empty:
        return empty(ctx, title, t("reach_what", lang), AS_OF_ONLY)
    fig = go.Figure(
        go.Bar(
            x=[int(v) for v in r["value"]],
            y=[s for s in r["scope"]],
            orientation="h",
            text=list(r["label"]),
            textposition="outside",
            cliponaxis=False,
            marker=dict(
                color=theme.LEVEL_COLOURS["provincial"],
                pattern=dict(
                    shape=[theme.QUALIFIER_STYLE[q]["pattern"] for q in r["qualifier"]],
                    fgcolor="white",
                    solidity=0.35,
                    fillmode="overlay",
                ),
            ),
            # The legend names the qualifier the source gives, whichever it is.
            name=" / ".join(t(q, lang) for q in dict.fromkeys(r["qualifier"])),
            showlegend=True,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(height=300, bargap=0.45, margin=dict(t=95, b=130))
    fig.update_layout(legend_y=below_plot(fig, 75))
    fig.add_annotation(
        text=t("reach_note", lang),
        x=0,
        y=below_plot(fig, 102),
        yanchor="top",
        xref="paper",
        yref="paper",
        showarrow=False,
        xanchor="left",
        font=dict(color=theme.MUTED, size=12),
    )
    fig.update_xaxes(title_text=t("reach_axis", lang), range=[0, int(r["value"].max()) * 1.2])
    fig.update_yaxes(visible=True)
    return titled(fig, ctx, title, AS_OF_ONLY)


def intro(ctx) -> tuple[str, dict[str, str]]:
    """The chapter's opening passage (its key and values): where this event stands in
    the series, if the series lists it."""
    position = derive.series_position(ctx)
    values = {"event": derive.event(ctx)["name"]}
    if position is None:
        return "series_intro_outside", values
    return "series_intro", {**values, "nth": ordinal(position, ctx.language)}


def reach_facts(ctx) -> dict[str, str] | None:
    """The series' reach as the prose states it: scope, count as labelled (with its
    qualifier) and what was counted."""
    r = reach_frame(ctx)
    if r.empty:
        return None
    row = r.iloc[0]
    return {
        "scope": row["scope"],
        "reach": row["label"],
        "metric": row["metric"],
    }
