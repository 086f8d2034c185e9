"""Chart 1, participation: the event's own counts with their qualifiers, on a linear scale.

The bar's length is the number the source prints; what the source says about it is in
the pattern, the label and the bar's end: "150+" for "more than 150" (a lower bound,
hatched, its bar running on past the number as a dashed line with an arrow: the true
number is higher), "~1,000" for "nearly 1,000" (an approximation, dotted). Ordinals
("the 9th") are positions, not counts, and counts of the whole series are not this
event's: both are left to the prose (derive.event_counts).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import quantity, t
from .base import AS_OF_ONLY, _cells, empty, titled, wrap

QUALIFIER_COLOURS = {
    "exact": theme.BLUE,
    "at_least": theme.GREEN,
    "approximately": theme.ORANGE,
    "at_most": theme.PURPLE,
}
# How far past its number a lower bound's open end runs, as a share of the axis.
OPEN_END = 0.1


@derive.memoised
def frame(ctx) -> pd.DataFrame:
    """The event's counts with their printed label and display row."""
    f = derive.event_counts(ctx).copy()
    f["row"] = [
        # Three lines of noun and two of scope at most: a row holds five.
        f"{wrap(m, 36, lines=3)}<br>"
        f"<span style='font-size:12px;color:{theme.MUTED}'>{wrap(sc, 56, lines=2)}</span>"
        for m, sc in zip(f["metric"], f["scope"], strict=True)
    ]
    # The row's label is cut at LABEL_LINES lines; its hover gives the whole text.
    f["hover"] = [
        f"{wrap(m, 60, lines=None)}<br>{wrap(sc, 60, lines=None)}"
        for m, sc in zip(f["metric"], f["scope"], strict=True)
    ]
    return f.reset_index(drop=True)


def prose_values(ctx) -> dict[str, str]:
    """The chapter's sentence on the chart says how a lower bound and an approximation are
    drawn only where the chart draws one: it described dotted approximations above a chart
    with none."""
    kinds = set(frame(ctx)["qualifier"].astype(str))
    said = [
        t(f"participation_q_{k}", ctx.language)
        for k in ("at_least", "approximately")
        if k in kinds
    ]
    return {"qualifiers": "".join(said)}


def sources(ctx) -> pd.DataFrame:
    return derive.event_counts(ctx)


def title(ctx) -> str:
    """The chart's title states what it shows: the largest count and what it counts."""
    f = frame(ctx)
    if f.empty:
        return t("participation_title", ctx.language)
    top = f.loc[f["value"].astype(float).idxmax()]
    text = t("participation_title_finding", ctx.language).format(
        label=top["label"], metric=top["metric"], n=len(f)
    )
    if _cells(text) > TITLE_CELLS and isinstance(top.get("unit"), str) and ctx.language != "zh":
        # A plotly title is one line: a long noun gives way to the count's unit.
        text = t("participation_title_finding", ctx.language).format(
            label=top["label"], metric=top["unit"], n=len(f)
        )
    return text


# A title's width in narrow characters (a Chinese one counts two) that fits the chart.
TITLE_CELLS = 92


def figure(ctx) -> go.Figure:
    lang = ctx.language
    f = frame(ctx)
    if f.empty:
        return empty(ctx, t("participation_title", lang), t("participation_what", lang), AS_OF_ONLY)
    top = max(int(v) for v in f["value"])
    reach = top * OPEN_END
    fig = go.Figure()
    for q in dict.fromkeys(f["qualifier"]):
        rows = f[f["qualifier"] == q]
        colour = QUALIFIER_COLOURS.get(q, theme.MUTED)
        fig.add_trace(
            go.Bar(
                name=t(q, lang),
                y=rows["row"],
                x=[int(v) for v in rows["value"]],
                orientation="h",
                marker=dict(
                    color=colour,
                    pattern=dict(
                        shape=theme.QUALIFIER_STYLE[q]["pattern"],
                        fgcolor="white",
                        solidity=0.3,
                        fillmode="overlay",
                    ),
                ),
                # The count as the report words it: 150余人; "more than 150 people".
                customdata=[
                    r["label"]
                    if lang == "zh"
                    else quantity(
                        r["value"], 1, lang, r["unit"], r["qualifier"], r["value_as_printed"]
                    )
                    for _, r in rows.iterrows()
                ],
                hovertext=list(rows["hover"]),
                hovertemplate="%{hovertext}<br>%{customdata}<extra>%{fullData.name}</extra>",
            )
        )
        if q == "at_least":
            # The bar stops where the source stops; a dashed line with an arrow runs on.
            for v, row in zip(rows["value"], rows["row"], strict=True):
                fig.add_trace(
                    go.Scatter(
                        x=[int(v), int(v) + reach],
                        y=[row, row],
                        mode="lines+markers",
                        line=dict(color=colour, width=2, dash="dot"),
                        marker=dict(symbol=["line-ns", "arrow-right"], size=[1, 12], color=colour),
                        showlegend=False,
                        hoverinfo="skip",
                    )
                )
    for _, r in f.iterrows():
        end = int(r["value"]) + (reach if r["qualifier"] == "at_least" else 0)
        fig.add_annotation(
            x=end,
            y=r["row"],
            text=f"<b>{r['label']}</b>",
            showarrow=False,
            xanchor="left",
            xshift=6,
            font=dict(size=14, color=theme.INK),
        )
    fig.update_xaxes(
        type="linear",
        range=[0, top * (1 + OPEN_END) * 1.25],
        rangemode="tozero",
        title_text=t("participation_axis", lang),
    )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=list(f["row"]),
        tickfont=dict(size=12),
    )
    fig.update_layout(barmode="overlay", bargap=0.35, height=200 + 70 * len(f))
    return titled(fig, ctx, title(ctx), AS_OF_ONLY)


def table(ctx) -> pd.DataFrame:
    """What the chart does not show: each count's wording in the source and what its
    qualifier means for a reader, with the source's paragraph."""
    f = frame(ctx)
    out = f.assign(meaning=[t(f"meaning_{q}", ctx.language) for q in f["qualifier"]])
    columns = ["metric", "value_as_printed", "meaning", "source_id", "para"]
    # The source's wording is shown where the edition reads it: a Chinese report does not
    # quote an English article's "more than 150". There the count as the chart labels it
    # ("150余人") stands in its place: a row saying "exact" needs the number it qualifies.
    languages = ctx.dossier.sources.set_index("source_id")["language"]
    if (out["source_id"].map(languages) != ctx.language).any():
        columns[columns.index("value_as_printed")] = "label"
    return out[columns]
