"""Chart 3, programme: the parts of the activity in their stated order.

A part with a stated date gets its own day; a part whose day is not stated is drawn
across the whole span with "day not stated". When no part has a stated day (the Baoding
article dates the activity, July 5-6, but none of its parts) a chart would say nothing
but "day not stated": the programme is then a list in its stated order (`listing`)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import t
from .base import AS_OF_ONLY, empty, titled, wrap

# A part with no stated day: a pale fill (the text on it is ink).
UNDATED_FILL = "#d9e8f3"


@derive.memoised
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
        colon = "：" if ctx.language == "zh" else ": "
        rows.append(
            {
                "event_id": p["event_id"],
                # Three lines at most: a row of the programme holds three.
                "label": f"{tag}{colon}{wrap(p['name'], 44, lines=3)}",
                "line": f"{tag}{colon}{p['name']}",
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
                    color=theme.BLUE if dated else UNDATED_FILL,
                    line=dict(color=theme.BLUE, width=1.5),
                    pattern=dict(
                        shape="" if dated else "/",
                        fgcolor=theme.BLUE,
                        solidity=0.15,
                        fillmode="overlay",
                    ),
                ),
                text=None if dated else [t("day_not_stated", lang)] * len(rows),
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(color=theme.text_on(UNDATED_FILL)),
                name=t("day_not_stated", lang) if not dated else "",
                showlegend=False,
                # The bar spans whole days (its end is the next midnight): the hover
                # names the days themselves, and no day for a part the source leaves
                # undated.
                customdata=[_when(r, ctx) for _, r in rows.iterrows()],
                # The label is cut at LABEL_LINES lines; the hover has the part's whole name.
                hovertext=[wrap(x, 60, lines=None) for x in rows["line"]],
                hovertemplate="%{hovertext}<br>%{customdata}<extra></extra>",
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


def _when(row: pd.Series, ctx) -> str:
    """A part's day as the report writes it, or "day not stated"."""
    if not row["dated"]:
        return t("day_not_stated", ctx.language)
    first, last = row["start"], row["end"] - pd.Timedelta(days=1)
    if last <= first:
        return ctx.date(first)
    return f"{ctx.date(first)} – {ctx.date(last)}"


def charted(ctx) -> bool:
    """Whether the programme makes a chart: some part has a stated day."""
    f = frame(ctx)
    return not f.empty and bool(f["dated"].any())


def listing(ctx) -> list[str]:
    """The programme in its stated order, one line a part, for a programme no part of
    which is dated."""
    return list(frame(ctx)["line"])


def numbered(ctx) -> int:
    """How many of the programme's items are parts the report numbers in its own order; a
    ceremony and a symposium it names without placing them are put first and last
    (`derive.programme`), which the prose says."""
    return int((derive.programme(ctx)["kind"] == "part").sum())


def undated(ctx) -> dict[str, str] | None:
    """How many parts the programme has and over how many days the event ran, when some
    part's day is not stated (in a chart, those parts are drawn across every day); None
    otherwise. `days` is in words: "both days", "all 3 days"."""
    f = frame(ctx)
    ev = derive.event(ctx)
    if f.empty or f["dated"].all() or pd.isna(ev["start_date"]) or pd.isna(ev["end_date"]):
        return None
    parts = derive.programme(ctx)
    days = int((ev["end_date"] - ev["start_date"]).days) + 1
    key = {1: "span_one_day", 2: "span_both_days"}.get(days, "span_days")
    return {
        "parts": str(int((parts["kind"] == "part").sum())),
        "days": t(key, ctx.language).format(n=days),
    }
