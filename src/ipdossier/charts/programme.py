"""Chart 3, programme: the parts of the two-day activity in their stated order.

The article dates the activity (July 5-6) but not its parts, so parts are drawn across
the whole span with "day not stated"; a part with a stated date gets its own day."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import t
from .base import AS_OF_ONLY, empty, titled, wrap


def frame(ctx) -> pd.DataFrame:
    parts = derive.programme(ctx)
    ev = derive.event(ctx)
    rows = []
    for _, p in parts.iterrows():
        if p["kind"] == "part":
            tag = t("kind_part", ctx.language).format(n=int(p["sequence"]))
        else:
            tag = t(f"kind_{p['kind']}", ctx.language)
        known = pd.notna(p["start_date"])
        start = p["start_date"] if known else ev["start_date"]
        end = (
            (p["end_date"] if pd.notna(p["end_date"]) else p["start_date"])
            if known
            else ev["end_date"]
        )
        rows.append(
            {
                "event_id": p["event_id"],
                "label": f"{tag}: {wrap(p['name'], 44)}",
                "start": start,
                "end": end + pd.Timedelta(days=1),
                "dated": known,
                "source_id": p["source_id"],
                "para": p["para"],
            }
        )
    return pd.DataFrame(rows)


def sources(ctx) -> pd.DataFrame:
    return pd.concat([derive.programme(ctx), derive.event(ctx).to_frame().T])


def figure(ctx) -> go.Figure:
    lang = ctx.language
    f = frame(ctx)
    title = t("programme_title", lang)
    if f.empty:
        return empty(ctx, title, t("programme_what", lang), AS_OF_ONLY)
    fig = go.Figure()
    for dated in (True, False):
        rows = f[f["dated"] == dated]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                y=rows["label"],
                base=list(rows["start"]),
                x=[
                    (e - s).total_seconds() * 1000
                    for s, e in zip(rows["start"], rows["end"], strict=True)
                ],
                orientation="h",
                marker=dict(
                    color=theme.LEVEL_COLOURS["national"] if dated else "rgba(29,78,137,0.18)",
                    line=dict(color=theme.LEVEL_COLOURS["national"], width=1.5),
                    pattern=dict(
                        shape="" if dated else "/",
                        fgcolor="#1d4e89",
                        solidity=0.15,
                        fillmode="overlay",
                    ),
                ),
                text=None if dated else [t("day_not_stated", lang)] * len(rows),
                textposition="inside",
                insidetextanchor="middle",
                name=t("day_not_stated", lang) if not dated else "",
                showlegend=False,
            )
        )
    ev = derive.event(ctx)
    fig.update_xaxes(
        type="date",
        range=[ev["start_date"] - pd.Timedelta(hours=6), ev["end_date"] + pd.Timedelta(hours=30)],
        dtick=86400000,
        tickformat="%Y-%m-%d",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=150 + 58 * len(f), bargap=0.3)
    return titled(fig, ctx, title, AS_OF_ONLY)


def undated(ctx) -> dict[str, int] | None:
    """How many parts the programme has and over how many days the event ran, when some
    part's day is not stated (those parts are drawn across every day); None otherwise."""
    f = frame(ctx)
    ev = derive.event(ctx)
    if f.empty or f["dated"].all() or pd.isna(ev["start_date"]) or pd.isna(ev["end_date"]):
        return None
    parts = derive.programme(ctx)
    return {
        "parts": int((parts["kind"] == "part").sum()),
        "days": int((ev["end_date"] - ev["start_date"]).days) + 1,
    }
