"""Chart 1, participation: each headline figure with its qualifier, by scope.

The bar's length is the number the source prints; what the source says about it is in
the pattern and the label: "150+" for "more than 150" (a lower bound, hatched, with an
open end), "~1,000" for "nearly 1,000" (an approximation, dotted). Ordinals ("the 9th")
are positions, not counts, and are left to the prose.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import t
from .base import AS_OF_ONLY, empty, titled, wrap

QUALIFIER_COLOURS = {
    "exact": "#1d4e89",
    "at_least": "#2a9d8f",
    "approximately": "#e76f51",
    "at_most": "#8e44ad",
}


def frame(ctx) -> pd.DataFrame:
    """Headline counts (no ordinals) with their printed label and display order."""
    f = derive.headline_figures(ctx)
    f = f[f["unit"] != "ordinal"].copy()
    f["row"] = [
        f"{wrap(m, 36)}<br><span style='font-size:10px;color:{theme.MUTED}'>{wrap(sc, 56)}</span>"
        for m, sc in zip(f["metric"], f["scope"], strict=True)
    ]
    return f.reset_index(drop=True)


def sources(ctx) -> pd.DataFrame:
    return derive.headline_figures(ctx)


def figure(ctx) -> go.Figure:
    lang = ctx.language
    f = frame(ctx)
    title = t("participation_title", lang)
    if f.empty:
        return empty(ctx, title, t("participation_what", lang), AS_OF_ONLY)
    fig = go.Figure()
    for q in dict.fromkeys(f["qualifier"]):
        rows = f[f["qualifier"] == q]
        fig.add_trace(
            go.Bar(
                name=t(q, lang),
                y=rows["row"],
                x=[int(v) for v in rows["value"]],
                orientation="h",
                text=list(rows["label"]),
                textposition="outside",
                cliponaxis=False,
                textfont=dict(size=14),
                marker=dict(
                    color=QUALIFIER_COLOURS.get(q, theme.MUTED),
                    pattern=dict(
                        shape=theme.QUALIFIER_STYLE[q]["pattern"],
                        fgcolor="white",
                        solidity=0.3,
                        fillmode="overlay",
                    ),
                ),
                customdata=list(rows["value_as_printed"]),
                hovertemplate="%{y}<br>%{customdata}<extra>%{fullData.name}</extra>",
            )
        )
    # The bar stops where the source stops; an arrow past it says "and more".
    lower = f[f["qualifier"] == "at_least"]
    if not lower.empty:
        fig.add_trace(
            go.Scatter(
                x=[int(v) * 2.6 for v in lower["value"]],
                y=lower["row"],
                mode="markers",
                marker=dict(symbol="arrow-right", size=13, color=QUALIFIER_COLOURS["at_least"]),
                name=t("open_end", lang),
                hoverinfo="skip",
            )
        )
    top = max(int(v) for v in f["value"])
    fig.update_xaxes(
        type="log",
        dtick=1,
        title_text=t("participation_axis", lang),
        range=[0, len(str(top)) + 0.25],
    )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=list(f["row"]),
        tickfont=dict(size=12),
    )
    fig.update_layout(barmode="overlay", bargap=0.35, height=200 + 88 * len(f))
    return titled(fig, ctx, title, AS_OF_ONLY)


def extent(ctx) -> dict[str, str] | None:
    """The smallest and largest counts drawn, as labelled, when they differ: what the
    chapter's prose names to explain the logarithmic axis."""
    f = frame(ctx)
    if f["value"].nunique() < 2:
        return None
    ordered = f.sort_values("value")
    return {"smallest": ordered["label"].iloc[0], "largest": ordered["label"].iloc[-1]}
