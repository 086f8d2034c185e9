"""Chapter 4, targets and outcomes: what the plans set out to achieve, and what came of it.

The common scale is the share of the planned change achieved: 0 at the baseline, 100% at
the target (derived from the cited baseline, target and realised value, and labelled as
derived). An indicator without a comparable realised value is drawn as unknown in a
column of its own, never as zero; two realised values that disagree are both drawn.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import derive, theme
from ..i18n import (
    amount,
    base_unit,
    colon,
    doc_number,
    doc_number_cell,
    has,
    long_date,
    month,
    paren,
    quantity,
    stated_date,
    t,
)
from .base import (
    LABEL_LINES,
    _cells,
    empty,
    mark_event,
    scope_label,
    titled,
    wrap,
    wrap_cell,
)

STATUS_COLOURS = {
    "met": "#2a9d8f",
    "missed": "#e76f51",
    "conflict": "#8e44ad",
    "unknown": "#9ca3af",
}
# Shares beyond this are drawn at the edge with their value printed: a target passed
# nine times over would otherwise squash every other row.
LINK_COLOUR = "#c2410c"
SHARE_CAP = 2.5
# Notes and labels in the chapter's charts: the printed page shows a chart at 0.6 pt per
# px, and a note is at least 7 pt.
NOTE_PX = 12
# A row's note per line, in narrow characters (a Chinese one counts two): the plot's
# width at NOTE_PX.
NOTE_WIDTH = 94
# The progress chart's rows, in px: each row is its bar and marks (ROW_HEAD tall), then its
# note below, line by line, then a gap; a row is as tall as its own note needs, so a long
# note never reaches the next row's bar or marks (nor the next row's note its label).
ROW_HEAD = 20
NOTE_LINE = 16
LABEL_LINE = 14
ROW_GAP = 5


def _num(v, scale: float = 1, lang: str = "en", unit: str | None = None) -> str:
    """A value as a reader of `lang` expects it (i18n.amount, i18n.quantity).

    With `unit` (the data's unit for `lang`) the whole quantity in natural form: 4,351件,
    331.6万件, 750亿元; 67,000 applications, 75 billion yuan. Without it, English is the
    natural number ("75 billion") and Chinese the number in the scale of its unit (which
    carries 万 or 亿), as callers that append the unit themselves expect."""
    if unit is not None:
        return quantity(v, scale, lang, unit)
    if lang == "zh":
        if v is None or pd.isna(v):
            return "?"
        return f"{float(v):,.4f}".rstrip("0").rstrip(".")
    return amount(v, scale, lang)


def _tint(hex_colour: str, alpha: float) -> str:
    """`#rrggbb` as an rgba colour of that alpha."""
    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _hedge(v, qualifier, scale: float = 1, lang: str = "en", unit: str | None = None) -> str:
    """`_num` with the value's qualifier; with `unit`, in words (more than, 余, 近)."""
    if unit is not None:
        return quantity(v, scale, lang, unit, qualifier)
    if lang == "zh" and qualifier == "at_least":
        # Chinese has two lower bounds (以上 includes the number, 超过 does not): the form
        # `quantity` chooses, as the tables write the same value (目标3以上, not 超过3).
        return quantity(v, scale, lang, "", qualifier)
    text = _num(v, scale, lang)
    if qualifier in ("at_least", "approximately", "at_most"):
        return t(f"hedge_{qualifier}", lang).format(value=text)
    return text


# Hover text from customdata alone ([what, when: value]): text from the data never
# becomes part of a template plotly would parse.
HOVER = "%{customdata[0]}<br>%{customdata[1]}<extra></extra>"


def _hover_line(period: str, value, qualifier, unit: str, lang: str) -> str:
    """ "end-June 2018: 10.6 patents per 10,000 people"; 2018年6月底：10.6件."""
    colon = "：" if lang == "zh" else ": "
    return f"{period}{colon}{_hedge(value, qualifier, 1, lang, unit=unit)}"


def _plan_level(ctx) -> str:
    """Whose plan a section draws by default: the nation's, or a province's when the run is
    filtered to it."""
    return "national" if ctx.jurisdiction in ("all", "national") else "provincial"


@derive.memoised
def plan_ids(ctx, level: str | None = None) -> list[str]:
    """The plans of a level whose indicators the package holds, oldest first (the 13th
    Five-Year Plan, then its successor): each gets a chart of its own."""
    ind = derive.indicators(ctx)
    ind = ind[ind["level"] == (level or _plan_level(ctx))]
    if ind.empty:
        return []
    starts = derive.policies(ctx).set_index("policy_id")["period_start"]
    ids = list(dict.fromkeys(ind["policy_id"]))
    return sorted(ids, key=lambda i: (pd.isna(starts.get(i)), starts.get(i, 0), i))


def _one_plan(ctx, p: pd.DataFrame, level: str, plan: str | None) -> pd.DataFrame:
    """Rows of one plan: `plan`, else the level's first (two plans' indicators on one
    scale would read as one plan's)."""
    plans = plan_ids(ctx, level)
    chosen = plan or (plans[0] if plans else None)
    return p[p["policy_id"] == chosen] if chosen is not None else p.iloc[0:0]


def progress_frame(ctx, level: str | None = None, plan: str | None = None) -> pd.DataFrame:
    """Indicators of one level with their path (baseline → target → realised) in words and
    the verdict `derive.progress` reached (`status_label`). By default the national plan's,
    or a province's when the run is filtered to it. A realised value that is not the
    target year's carries its period in the path ("3.54 (end-June 2019)")."""
    # The default level named before the memo is asked: progress_frame(ctx) and
    # progress_frame(ctx, "national") are one frame, made once.
    return _progress_frame(ctx, level or _plan_level(ctx), plan)


@derive.memoised  # asked for by every chart, table and sentence of the chapter
def _progress_frame(ctx, level: str, plan: str | None) -> pd.DataFrame:
    p = derive.progress(ctx)
    if p.empty:
        # A jurisdiction with no plan indicators (Beijing, Tianjin): an empty table with
        # the columns the chapter shows.
        return p.reindex(columns=[*p.columns, "row", "hover_label", "status_label", "path"])
    lang = ctx.language
    p = _one_plan(ctx, p[p["level"] == level], level, plan)
    rows = []
    for _, r in p.iterrows():
        sc = r["scale"]
        dated = r["basis"] != "final"
        sp = "" if lang == "zh" else " "

        def when(period: str) -> str:
            return f"（{period}）" if lang == "zh" else f" ({period})"

        # Numbers at their real size in the edition's form (4,351; 331.6万; 75 billion),
        # the unit once at the end without the magnitude `amount` already wrote.
        unit = base_unit(r["unit"], sc) if lang == "zh" else r["unit"]
        # A rate carries its % on every term (15%以上 → 16.58%), not once at the end.
        each = unit if str(unit).startswith("%") else None
        shown = [
            amount(v, sc, lang) + (when(p_) if dated and len(r["realised_values"]) > 1 else "")
            for v, p_ in zip(r["realised_values"], r["realised_periods"], strict=True)
        ]
        realised = " / ".join(shown) if shown else "?"
        if len(r["realised_values"]) == 1:
            realised = quantity(r["realised_value"], sc, lang, each, r["realised_qualifier"])
        # A value that is not the target year's names its period, after its unit.
        tail = when(r["realised_period"]) if dated and len(r["realised_values"]) == 1 else ""
        rows.append(
            {
                **r.to_dict(),
                "row": (
                    wrap(_row_label(r), 36)
                    if lang == "en"
                    else wrap_cell(_row_label(r), 36, LABEL_LINES)
                ),
                # The row's label is cut at LABEL_LINES lines; the hover has it whole.
                "hover_label": wrap_cell(_row_label(r), 60),
                "status_label": r["status_text"],
                "path": (
                    f"{quantity(r['baseline_value'], sc, lang, each, r['baseline_qualifier'])}"
                    + _disputed(r, sc, lang, each)
                    + f" → {quantity(r['target_value'], sc, lang, each, r['target_qualifier'])}"
                    f" → {realised}" + ("" if each else f"{sp}{unit}") + tail
                ),
            }
        )
    return pd.DataFrame(rows, columns=[*p.columns, "row", "hover_label", "status_label", "path"])


def _disputed(r, scale: str, lang: str, each: str | None) -> str:
    """After the plan's baseline in a path: the other values sources give for its year,
    where they conflict with it (derive.progress, `baseline_disputed`)."""
    others = r.get("baseline_disputed")
    if not isinstance(others, list) or not others:
        return ""
    shown = t("list_sep", lang).join(
        quantity(v, scale, lang, each, "exact") if each else amount(v, scale, lang)
        for v in others
    )
    return paren(t("baseline_disputed", lang).format(values=shown), lang)


def _row_label(r) -> str:
    return f"{int(r['position'])}. {r['name']}" if pd.notna(r["position"]) else str(r["name"])


def sources(ctx, level: str | None = None, plan: str | None = None) -> pd.DataFrame:
    """The rows the progress chart draws (baselines, targets and the realised values its
    verdicts rest on, of the level it draws), for its source note."""
    v = derive.values(ctx)
    p = progress_frame(ctx, level, plan)
    if v.empty or p.empty:
        return v.iloc[0:0] if not v.empty else v
    # ... and the values its notes name: the first that met a target ("met by 2019"), a
    # source's claim, and another source's value for a disputed baseline (the values
    # table's conflicts).
    named = ("realised_ids", "baseline_ids", "cited_ids")
    used = {x for column in named for ids in p[column] for x in ids}
    keep = v["indicator_id"].isin(set(p["indicator_id"])) & (
        v["role"].isin(["baseline", "target"])
        | v["observation_id"].isin(used)
        | v["conflict"].fillna(False).astype(bool)
    )
    return v[keep].reset_index(drop=True)


def _scale(p: pd.DataFrame) -> str:
    """What the x axis measures: the share of the planned change where any row has a
    baseline to scale by; else (a provincial plan stating targets only) the realised value
    as a share of the target."""
    return "share" if p.apply(_has_plan, axis=1).any() else "ratio"


def _position(r, value: float, scale: str) -> float | None:
    if scale == "share":
        return _share(r, value)
    if pd.isna(r.target_value) or float(r.target_value) == 0:
        return None
    return value / float(r.target_value)


def _whose(ctx, p: pd.DataFrame) -> str:
    if (p["level"] == "national").all():
        return t("whose_national", ctx.language)
    jur = str(p["jurisdiction"].iloc[0])
    return t(f"whose_{jur}", ctx.language) if has(f"whose_{jur}") else jur


def indicators_prose(ctx, plan: str | None = None) -> str:
    """The prose key that describes the progress chart's scale (see `_scale`)."""
    p = progress_frame(ctx, plan=plan)
    return "indicators_ratio" if not p.empty and _scale(p) == "ratio" else "indicators_rel"


def progress_note(ctx, plan: str | None = None) -> str:
    """What a reader needs to read the progress chart: what a mark at the edge means."""
    p = progress_frame(ctx, plan=plan)
    if p.empty:
        return ""
    scale = _scale(p)
    beyond = any(
        (x := _position(r, v, scale)) is not None and x > SHARE_CAP
        for r in p.itertuples()
        for v in r.realised_values
    )
    # Rows without a mark say why in their own note; only the edge needs a word here, and
    # what "met in" and "met by" a year say where a row is met.
    notes = []
    if beyond:
        notes.append(t("progress_note_beyond", ctx.language).format(cap=f"{SHARE_CAP:.0%}"))
    if (p["status"] == "met").any():
        year = int(p["target_year"].dropna().max())
        notes.append(t("progress_note_met", ctx.language).format(year=year))
    return ("" if ctx.language == "zh" else " ").join(notes)


def _row_drawable(r, scale: str) -> bool:
    """Whether a row of the progress chart has anything to draw: the plan's bar from
    baseline to target, or a realised value placed on the scale. (On the ratio scale
    every row's bar runs from nothing to its target, which says nothing by itself.)"""
    if scale == "share" and _has_plan(r):
        return True
    return any(_position(r, v, scale) is not None for v in r.realised_values)


def drawn_rows(ctx, plan: str | None = None) -> pd.DataFrame:
    """The progress chart's rows. Under a jurisdiction filter a row with nothing to draw
    (no baseline, no value on the scale: four of the Hebei plan's five) is left out, and
    `left_out` names it in a sentence; unfiltered, every row is kept with its note."""
    p = progress_frame(ctx, plan=plan)
    if p.empty or ctx.jurisdiction == "all":
        return p
    scale = _scale(p)
    keep = [_row_drawable(r, scale) for r in p.itertuples()]
    return p[keep].reset_index(drop=True) if any(keep) else p


def progress_as_table(ctx, plan: str | None = None) -> bool:
    """Whether the plan's rows are listed in a table rather than drawn: one row (a filter
    leaves one) is one mark on an empty scale, which says less than its row in words."""
    return len(drawn_rows(ctx, plan=plan)) == 1


def left_out(ctx, plan: str | None = None) -> dict[str, str] | None:
    """The rows `drawn_rows` leaves out, for the sentence under the chart; None if none."""
    p = progress_frame(ctx, plan=plan)
    gone = p[~p["indicator_id"].isin(set(drawn_rows(ctx, plan)["indicator_id"]))]
    if gone.empty:
        return None
    sep = "；" if ctx.language == "zh" else "; "
    return {"count": str(len(gone)), "total": str(len(p)), "names": sep.join(gone["name"])}


def province_table(ctx) -> pd.DataFrame:
    """The province's indicators listed under its comparison chart: those the plan's
    progress chart above has not drawn already (under a provincial filter it draws this
    same plan), so no row is shown twice."""
    rows = progress_frame(ctx, level="provincial")
    if _plan_level(ctx) != "provincial":
        return rows
    drawn = set(drawn_rows(ctx)["indicator_id"])
    return rows[~rows["indicator_id"].isin(drawn)].reset_index(drop=True)


def progress_figure(ctx, plan: str | None = None) -> go.Figure:
    lang = ctx.language
    p = drawn_rows(ctx, plan=plan)
    if p.empty:
        return empty(ctx, t("progress_title", lang), t("progress_what", lang))
    scale = _scale(p)
    key = "progress_title_plan" if scale == "share" else "progress_title_ratio"
    if len(plan_ids(ctx)) > 1:
        # Two plans of one level draw two charts: each names its plan (in place of whose
        # targets they are, which the plan's name says).
        title = t(f"{key}_named", lang).format(plan=plan_name(ctx, p["policy_id"].iloc[0]))
    else:
        title = t(key, lang).format(whose=_whose(ctx, p))
    fig = go.Figure()
    notes = [_progress_row_note(r, scale, lang) for r in p.itertuples()]
    # Each row's place in px from the top of the plot (see ROW_HEAD): its centre, where the
    # bar, the marks and the label sit, and the top of its note below them.
    # A label of three lines is taller than the row's head: the row's centre moves down so
    # that the label starts at the row's top, not in the row above.
    middles = [max(ROW_HEAD, LABEL_LINE * (r.count("<br>") + 1)) / 2 for r in p["row"]]
    heights = [
        max(m + ROW_HEAD / 2 + NOTE_LINE * (n.count("<br>") + 1), 2 * m) + ROW_GAP
        for m, n in zip(middles, notes, strict=True)
    ]
    tops = [sum(heights[:i]) for i in range(len(heights))]
    centre = dict(
        zip(p["indicator_id"], [top + m for top, m in zip(tops, middles, strict=True)], strict=True)
    )
    # The plan: a bar from baseline (0) to target (100%) for every indicator with both; on
    # the ratio scale, from nothing to the target.
    plan_rows = [r for r in p.itertuples() if _has_plan(r) or scale == "ratio"]
    fig.add_trace(
        go.Scatter(
            x=[v for r in plan_rows for v in (0, 1, None)],
            y=[v for r in plan_rows for v in (centre[r.indicator_id],) * 2 + (None,)],
            mode="lines",
            line=dict(color=theme.SPAN, width=9),
            name=(
                f"{t('baseline_word', lang)} → {t('target_word', lang)}"
                if scale == "share"
                else t("target_word", lang)
            ),
            hoverinfo="skip",
        )
    )
    for status in derive.STATUSES:
        for settled in (True, False):
            x, y, hover, text, symbols, full, where = [], [], [], [], [], [], []
            for r in p[p["status"] == status].itertuples():
                if (r.basis == "final") != settled:
                    continue
                # One mark per realised value: two sources that disagree are both drawn.
                for v, when in zip(r.realised_values, r.realised_periods, strict=True):
                    at = _position(r, v, scale)
                    if at is None:
                        continue  # no baseline to scale by: the row's note says so
                    x.append(min(at, SHARE_CAP))
                    y.append(centre[r.indicator_id])
                    hover.append(r.path)
                    full.append(r.hover_label)
                    text.append("" if settled else when)
                    symbols.append("triangle-right" if at > SHARE_CAP else "circle")
                    # A period beside its mark, on the row's own line. Left of a mark at
                    # the axis's edge, where right of it would be cut off.
                    where.append("middle left" if at > SHARE_CAP else "middle right")
            if not x:
                continue
            colour = STATUS_COLOURS[status]
            name = t(f"status_{status}" if status != "unknown" else "progress_not_settled", lang)
            # A hollow mark is a part-year or earlier value: the key says so, and says
            # what a grey one is, a value short of the target before the year is out
            # ("not settled", as the row's verdict words it).
            if not settled and status in ("met", "unknown"):
                name = f"{name}{paren(t('progress_partial', lang), lang)}"
            base = "diamond" if status == "conflict" else "circle" if settled else "circle-open"
            marker = dict(size=14, color=colour, line=dict(width=2, color=colour))
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=y,
                    mode="markers+text" if not settled else "markers",
                    text=text,
                    textposition=where,
                    textfont=dict(size=NOTE_PX, color=theme.MUTED),  # a period label, on white
                    marker=marker
                    | dict(
                        symbol=[s if settled else f"{s}-open" for s in symbols]
                        if status != "conflict"
                        else "diamond"
                    ),
                    name=name,
                    legendgroup=name,
                    # The legend shows a trace's first mark: a ▸ at the edge would stand for
                    # the verdict there. The key is drawn by the entry below instead.
                    showlegend=False,
                    customdata=hover,
                    hovertext=full,
                    hovertemplate="%{hovertext}<br>%{customdata}<extra></extra>",
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    marker=marker | dict(symbol=base),
                    name=name,
                    legendgroup=name,
                    hoverinfo="skip",
                )
            )
    for r, note in zip(p.itertuples(), notes, strict=True):
        fig.add_annotation(
            x=-0.45,
            y=centre[r.indicator_id] + ROW_HEAD / 2,
            xanchor="left",
            yanchor="top",
            text=note,
            showarrow=False,
            align="left",
            font=dict(size=NOTE_PX, color=theme.MUTED),
            # Over the 100% line, not under it: the note stays legible.
            bgcolor="white",
            borderpad=0,
        )
    fig.update_xaxes(
        range=[-0.5, SHARE_CAP + 0.2],
        tickvals=[0, 0.5, 1, 1.5, 2, 2.5],
        ticktext=["0%", "50%", "100%", "150%", "200%", f"≥{SHARE_CAP:.0%}"],
        title=t("progress_axis" if scale == "share" else "progress_axis_ratio", lang),
        zeroline=False,
    )
    plot_h = sum(heights)
    fig.update_yaxes(
        range=[plot_h, 0],
        tickvals=list(centre.values()),
        ticktext=list(p["row"]),
        tickfont=dict(size=NOTE_PX),
        showgrid=False,
        zeroline=False,
    )
    fig.add_vline(x=1, line=dict(color=theme.INK, width=1, dash="dot"), layer="below")
    # The plot is exactly as tall as its rows (a filter can leave one row: the plot is then
    # short, and `titled` puts the legend below the axis title whatever the height). The
    # top margin is the subtitle's, set here so that `titled` does not take it from the plot.
    margin_b = theme.MARGIN["b"]
    fig.update_layout(height=plot_h + 95 + margin_b, margin=dict(l=20, t=95, b=margin_b))
    return titled(fig, ctx, title)


def _progress_row_note(r, scale: str, lang: str) -> str:
    """A row's note under its bar: its values and its verdict in words (the colour is not
    the only cue), and why a row with a stated value has no mark."""
    note = r.status_text
    places = [_position(r, v, scale) for v in r.realised_values]
    if r.realised_values and None in places:
        # Say which end of the scale is missing, and that this is why nothing is drawn: a
        # verdict with no mark beside it reads as a drawing error. A baseline and a target
        # are both printed in the row's path, and "no baseline" beside a printed one misleads.
        missing = "no_share_target_mark" if pd.notna(r.baseline_value) else "no_share_mark"
        note += f" · {t(missing, lang)}"
    beyond = [sh for sh in places if sh is not None and sh > SHARE_CAP]
    if beyond:
        shares = " / ".join(f"{sh:.0%}" for sh in beyond)
        note += f" · {shares}{paren(t('progress_beyond', lang), lang)}"
    if r.baseline_basis == "observed":
        note += f" · {t('baseline_observed', lang).format(year=int(r.period_start) - 1)}"
    elif r.baseline_basis == "plan_year_assumed":
        note += f" · {t('baseline_year_assumed', lang).format(year=int(r.period_start) - 1)}"
    if getattr(r, "target_on_mirror", False) is True:
        note += f" · {t('target_on_mirror', lang)}"
    return wrap_cell(f"{r.path} · {note}", NOTE_WIDTH)


def _has_plan(r) -> bool:
    return pd.notna(r.baseline_value) and pd.notna(r.target_value)


def _share(r, value: float) -> float | None:
    if pd.isna(r.baseline_value) or pd.isna(r.target_value) or r.target_value == r.baseline_value:
        return None
    return (value - float(r.baseline_value)) / (float(r.target_value) - float(r.baseline_value))


# -- targets and realised values over time ---------------------------------------------------


@derive.memoised  # asked for by every chart, table and sentence of the chapter
def comparison_frame(ctx) -> pd.DataFrame:
    """Comparable realised values over time of indicators that are compared across
    plans (compare_with), with the targets as points of their own. Every value is dated
    by the end of the period it covers (`date`: 31 December for a year, 30 June 2019 for
    Hebei's value as of that day) and carries that period in words (`period`)."""
    ind = derive.indicators(ctx)
    paired = set(ind["compare_with"].dropna()) | set(
        ind.loc[ind["compare_with"].notna(), "indicator_id"]
    )
    ind = ind[ind["indicator_id"].isin(paired)].set_index("indicator_id", drop=False)
    obs = derive.observations(ctx)
    obs = obs[
        obs["indicator_id"].isin(ind.index)
        & obs["comparable"].fillna(False).astype(bool)
        & obs["value"].notna()
    ].copy()
    # A value stated twice (two pages) is drawn once.
    obs = obs.drop_duplicates(["indicator_id", "dated", "value"])
    rows = []
    for _, i in ind.iterrows():
        rows += _points(ctx, i, obs[obs["indicator_id"] == i["indicator_id"]], _series_keys(i))
    return pd.DataFrame(rows)


def _points(ctx, i: pd.Series, obs: pd.DataFrame, keys: dict) -> list[dict]:
    """An indicator's points over time: its realised values `obs`, then its plan's
    baseline and target, each dated at the end of the period it covers (31 December for a
    year) with that period in words."""
    rows = [
        {
            **keys,
            "kind": "realised",
            "date": o["dated"],
            "year": int(o["year"]),
            "value": float(o["value"]),
            "qualifier": o["qualifier"],
            "period": o["period_label"],
            # The chart names the period of any value that is not one whole year's (a part
            # of a year, a span such as "to 2020").
            "part_year": not bool(o["whole_year"]),
            "source_id": o["source_id"],
            "para": pd.NA,
        }
        for _, o in obs.iterrows()
    ]
    for role in ("baseline", "target"):
        if pd.notna(i[f"{role}_value"]):
            year = int(i[f"{role}_year"])
            rows.append(
                {
                    **keys,
                    "kind": role,
                    "date": pd.Timestamp(f"{year}-12-31"),
                    "year": year,
                    "value": float(i[f"{role}_value"]),
                    "qualifier": i[f"{role}_qualifier"],
                    "period": derive.period_label(pd.NA, pd.NaT, pd.NaT, ctx.language, year=year),
                    "part_year": False,
                    "source_id": i[f"{role}_source_id"],
                    "para": pd.NA,
                }
            )
    return rows


def _series_keys(i: pd.Series) -> dict:
    return {
        "indicator_id": i["indicator_id"],
        "name": i["name"],
        "unit": i["unit"],
        "jurisdiction": i["jurisdiction"],
        "plan": i["plan"],
    }


def comparison_figure(ctx) -> go.Figure:
    lang = ctx.language
    c = comparison_frame(ctx)
    if c.empty:
        return empty(ctx, t("comparison_title", lang), t("comparison_what", lang))
    # The title names whose values are drawn: Hebei alone under a Hebei filter.
    names = [t(j, lang) if has(j) else j for j in dict.fromkeys(c["jurisdiction"])]
    title = t("comparison_title_of", lang).format(names=t("and_word", lang).join(names))
    fig = go.Figure()
    for _, g in c.groupby("indicator_id", sort=False):
        colour = theme.JURISDICTION_COLOURS.get(g["jurisdiction"].iloc[0], theme.MUTED)
        whose, what = t(g["jurisdiction"].iloc[0], lang), g["name"].iloc[0]
        label = f"{whose}{colon(lang)}{what}"
        who = f"{whose}：{what}" if lang == "zh" else label
        unit = str(g["unit"].iloc[0])
        real = g[g["kind"] == "realised"].sort_values("date")
        fig.add_trace(
            go.Scatter(
                x=real["date"],
                y=real["value"],
                mode="lines+markers+text",
                # A value for part of a year names its period: it is not that year's value.
                text=[
                    _hedge(v, q, 1, lang)
                    + ((f"（{per}）" if lang == "zh" else f" ({per})") if part else "")
                    for v, q, per, part in zip(
                        real["value"],
                        real["qualifier"],
                        real["period"],
                        real["part_year"],
                        strict=True,
                    )
                ],
                # Values crowd at the end of a plan (end-June, end-October, the year):
                # a part-year label sits to the left of its point, the last to the right.
                textposition=[
                    "middle right" if k == len(real) - 1 else "top left" if part else "top center"
                    for k, part in enumerate(real["part_year"])
                ],
                textfont=dict(size=NOTE_PX),
                line=dict(color=colour, width=2),
                marker=dict(size=8, color=colour),
                name=f"{label}{paren(t('realised_word', lang), lang)}",
                # As the report words a value: its period (period-end convention), the
                # value with its hedge and unit; never the axis's raw x and y.
                customdata=[
                    [who, _hover_line(period, v, q, unit, lang)]
                    for v, q, period in zip(
                        real["value"], real["qualifier"], real["period"], strict=True
                    )
                ],
                hovertemplate=HOVER,
            )
        )
        plan = g[g["kind"].isin(["baseline", "target"])].sort_values("date")
        sp = "" if lang == "zh" else " "
        if not plan.empty:
            fig.add_trace(
                go.Scatter(
                    x=plan["date"],
                    y=plan["value"],
                    mode="lines+markers+text",
                    text=[
                        f"{t(k + '_word', lang)}{sp}{_hedge(v, q, 1, lang)}"
                        for k, v, q in zip(
                            plan["kind"], plan["value"], plan["qualifier"], strict=True
                        )
                    ],
                    textposition="bottom center",
                    textfont=dict(size=NOTE_PX, color=colour),
                    line=dict(color=colour, width=1.5, dash="dash"),
                    marker=dict(size=11, symbol="diamond-open", color=colour),
                    name=label
                    + paren(f"{t('baseline_word', lang)} → {t('target_word', lang)}", lang),
                    customdata=[
                        [who, f"{t(k + '_word', lang)}{sp}{_hover_line(p, v, q, unit, lang)}"]
                        for k, v, q, p in zip(
                            plan["kind"],
                            plan["value"],
                            plan["qualifier"],
                            plan["period"],
                            strict=True,
                        )
                    ],
                    hovertemplate=HOVER,
                )
            )
    first, last = c["date"].min(), c["date"].max()
    fig.update_xaxes(
        range=[first - pd.Timedelta(days=200), last + pd.Timedelta(days=200)],
        # Clear of the y axis's "0" in the corner, which it would otherwise overprint.
        ticklabelstandoff=8,
        **_year_end_ticks(first.year, last.year, lang),
    )
    # In Chinese the unit alone (件) does not say what is counted: the measure names it.
    unit = str(c["unit"].iloc[0])
    measure = f"{c['name'].iloc[0]}（{unit}）" if lang == "zh" else unit
    fig.update_yaxes(rangemode="tozero", title=measure, ticklabelstandoff=8)
    # 450 px: with its section's heading and paragraph it fits under the ten-year chart
    # (at 480 the English section moved to a page of its own, leaving half a page blank).
    fig.update_layout(height=450)
    return titled(fig, ctx, title)


# -- the policy chain ------------------------------------------------------------------------


# Row labels of the chain: 12 px type (7.2 pt printed), plotly's line spacing (1.3 em), a
# gap between rows.
CHAIN_FONT = 12
CHAIN_LINE = 1.3 * CHAIN_FONT
CHAIN_GAP = 10
# Each kind of stated link has its own colour and dash, named in the legend: no text is
# drawn on the arrows, so none can print over another or over a label.
LINK_STYLES = {
    "implements": (LINK_COLOUR, "solid"),
    "succeeded_by": ("#0f766e", "dash"),
    "approved_at": ("#6d28d9", "dot"),
}


def _chain_label(r, language: str) -> str:
    """A row's label: the title wrapped by its printed width (a Chinese character is two
    Latin ones wide) and the document number on a line of its own. The English edition
    prints the English title here; the table under the chart gives the Chinese beside it."""
    title = r["display_title"] if language == "zh" else r["title"]
    lines = wrap_cell(str(title), 44, LABEL_LINES).split("<br>")
    if isinstance(r.get("doc_number"), str):
        lines.append(doc_number(r["doc_number"], language))
    return "<br>".join(lines)


@derive.memoised  # the chain's chart, its table and its sentences
def chain_frame(ctx) -> pd.DataFrame:
    """The documents the chain draws (and the meetings they were approved at), in order of
    their first date, with each row's label and its place on the chart: `y` is the row's
    centre in pixels from the top, every row as tall as its label needs."""
    docs = derive.documents(ctx)
    links = derive.policy_links(ctx)
    # Meetings a document was approved at join the chain although they have no text.
    extra = set(links["target_policy_id"]) | set(links["policy_id"])
    p = derive.policies(ctx)
    meetings = p[p["policy_id"].isin(extra - set(docs["policy_id"]))].copy()
    for col in ("signed_date", "published_date"):
        meetings[f"{col}_start"] = pd.NaT
    meetings["cited_in_article"] = meetings["policy_id"].isin(
        set(derive.event_citations(ctx)["policy_id"])
    )
    chain = pd.concat([docs, meetings], ignore_index=True)
    chain = chain[chain["policy_id"].isin(_linked_to_event(ctx, links))].reset_index(drop=True)
    first = chain["signed_date_start"].fillna(chain["published_date_start"]).fillna(chain["start"])
    chain = chain.assign(first=first).sort_values("first", kind="stable").reset_index(drop=True)
    chain["row"] = [_chain_label(r, ctx.language) for _, r in chain.iterrows()]
    heights = [max(2, r.count("<br>") + 1) * CHAIN_LINE + CHAIN_GAP for r in chain["row"]]
    tops = pd.Series(heights).cumsum().shift(fill_value=0)
    chain["height"] = heights
    chain["y"] = [top + h / 2 for top, h in zip(tops, heights, strict=True)]
    return chain


def _linked_to_event(ctx, links: pd.DataFrame) -> set[str]:
    """The policies cited at this dossier's event and every document a chain of stated
    links joins to one of them (the plan that succeeded a cited one, the decision a cited
    plan implements). The chain of an event draws these: a document no link ties to the
    event (all of them, for an event whose report cites none) is not part of its chain."""
    found = set(derive.event_citations(ctx)["policy_id"])
    pairs = list(zip(links["policy_id"], links["target_policy_id"], strict=True))
    while True:
        more = {b for a, b in pairs if a in found} | {a for a, b in pairs if b in found}
        if more <= found:
            return found
        found |= more


def article_only(ctx) -> pd.DataFrame:
    """Policies cited at this dossier's event that the chain does not draw: no document
    facts (number, dates) were found for them. Read from the chain itself, so a document
    drawn there is never listed as lacking one."""
    cited = derive.cited_policies(ctx)
    drawn = set(chain_frame(ctx)["policy_id"])
    return cited[~cited["policy_id"].isin(drawn)].reset_index(drop=True)


def _chain_title(ctx, c: pd.DataFrame) -> str:
    """A title that says what the chain shows: its years, and the document most others
    state they implement, where one is."""
    lang = ctx.language
    dates = [d for d in c["first"] if pd.notna(d)]
    first, last = min(dates).year, max(dates).year
    dash = "—" if lang == "zh" else "–"
    span = str(first) if first == last else f"{first}{dash}{last}"
    years = {"years": f"{span}年" if lang == "zh" else span}
    total = int((c["kind"] != "meeting").sum())
    links = derive.policy_links(ctx)
    implemented = links.loc[links["relation"] == "implements", "target_policy_id"].value_counts()
    if links.empty:
        return t("chain_title_unlinked", lang).format(total=total, **years)
    if implemented.empty or implemented.iloc[0] < 2:
        return t("chain_title_plain", lang).format(total=total, **years)
    target = c.set_index("policy_id").loc[implemented.index[0]]
    name = (
        doc_number(target["doc_number"], lang)
        if isinstance(target["doc_number"], str)
        else target["title"]
    )
    return t("chain_title_implements", lang).format(
        total=total, count=int(implemented.iloc[0]), target=name, **years
    )


def _bezier(p0, p1, p2, n: int = 40) -> list[tuple[float, float]]:
    return [
        (
            (1 - k / n) ** 2 * p0[0] + 2 * (k / n) * (1 - k / n) * p1[0] + (k / n) ** 2 * p2[0],
            (1 - k / n) ** 2 * p0[1] + 2 * (k / n) * (1 - k / n) * p1[1] + (k / n) ** 2 * p2[1],
        )
        for k in range(n + 1)
    ]


# The chain's marks are 12 px wide. A document published within days of signing (the
# 13th plan: signed 30 December 2016, published 13 January 2017, 2 px apart) would draw
# its published circle over its signed diamond: the circle then sits this far below the
# row's centre, at its own date, so both are seen.
CHAIN_MARK = 12
PUBLISHED_DROP = 13


def published_y(c: pd.DataFrame, px_per_day: float) -> list[float]:
    """Where each row's published circle is drawn: on the row's centre, or PUBLISHED_DROP
    px below it where the signed diamond would hide it."""
    out = []
    for r in c.itertuples():
        close = (
            pd.notna(r.signed_date_start)
            and pd.notna(r.published_date_start)
            and abs((r.published_date_start - r.signed_date_start).days) * px_per_day
            < CHAIN_MARK + 2
        )
        out.append(r.y + PUBLISHED_DROP if close else r.y)
    return out


def _chain_marks(c: pd.DataFrame, px_per_day: float, left) -> list[tuple[str, float, float]]:
    """Every mark the chain draws, as (policy, x, y) in pixels: each row's signed and
    published dates (the circle where `published_y` puts it) and each meeting's month."""
    marks = []
    for r, py in zip(c.itertuples(), published_y(c, px_per_day), strict=True):
        for day, y in (
            (r.signed_date_start, r.y),
            (r.published_date_start, py),
            (r.start if r.kind == "meeting" else pd.NaT, r.y),
        ):
            if pd.notna(day):
                marks.append((r.policy_id, (day - left).days * px_per_day, y))
    return marks


def _curve_candidates(x0, y0, x1, y1):
    """Curves from (x0, y0) to (x1, y1), least bowed first: for a link years forward in
    time, along the earlier document's row and into the later one; then bowed left about
    the middle (a bracket, for documents of about one date), or leaving the earlier
    document downwards and reaching the later one from the left."""
    early_y, late_y = (y0, y1) if x0 <= x1 else (y1, y0)
    # A link years forward (a plan to its successor) first tries the plain route: along
    # the earlier document's own row, then down or up into the later one. Bowed left, the
    # 13th plan's arrow to the 14th ran down past the Service Outline's published circle
    # of 2017, the row between them, and read as the Outline's own successor.
    if abs(x1 - x0) >= 4 * CHAIN_MARK:
        (ex, ey), (lx, ly) = ((x0, y0), (x1, y1)) if x0 <= x1 else ((x1, y1), (x0, y0))
        route = _bezier((ex, ey), (lx, ey), (lx, ly))
        yield route if (ex, ey) == (x0, y0) else route[::-1]
    for bow in range(12, 400, 8):
        yield _bezier((x0, y0), (min(x0, x1) - bow, (y0 + y1) / 2), (x1, y1))
        yield _bezier((x0, y0), (min(x0, x1) - bow, late_y if early_y != late_y else y1), (x1, y1))


def chain_links(ctx, c: pd.DataFrame, px_per_day: float, left: float) -> list[dict]:
    """Each stated link as a curve in pixels (x from the axis's start, y from the top),
    bowed just enough to pass every other document's marks and every curve already laid
    at a distance. A curve never runs left of the marks of the rows it spans (it ran left
    of the axis's first year, towards the labels): curves meet only at the documents
    they share."""
    from shapely.geometry import LineString, Point

    when = {}
    for r in c.itertuples():
        day = next(
            (d for d in (r.signed_date_start, r.published_date_start, r.start) if pd.notna(d)),
            pd.NaT,
        )
        if pd.notna(day):
            when[r.policy_id] = ((day - left).days * px_per_day, r.y, day)
    # Every mark drawn is an obstacle: a row's first date, and its published date (the
    # circle beside a signed one: the 13th plan's arrow to the 14th ran through the
    # Service Outline's), each meeting's month.
    marks = _chain_marks(c, px_per_day, left)
    laid: list[dict] = []
    links = derive.policy_links(ctx)
    # Shorter links first, so that longer ones bow around them (nested, never crossing).
    span = [
        abs(when[a][1] - when[b][1]) if a in when and b in when else 0
        for a, b in zip(links["policy_id"], links["target_policy_id"], strict=True)
    ]
    for link in links.assign(_span=span).sort_values("_span").itertuples():
        if link.policy_id not in when or link.target_policy_id not in when:
            continue
        (x0, y0, _), (x1, y1, _) = when[link.policy_id], when[link.target_policy_id]
        ends = {link.policy_id, link.target_policy_id}
        top, bottom = min(y0, y1), max(y0, y1)
        # The marks of the two documents linked are where the curve starts and ends.
        others = [Point(x, y) for pid, x, y in marks if pid not in ends]
        spanned = [x for _, x, y in marks if top - 1 <= y <= bottom + CHAIN_MARK + 2]
        floor = max(4.0, min(spanned, default=min(x0, x1)) - CHAIN_MARK)
        best, best_room = None, -1.0
        for pts in _curve_candidates(x0, y0, x1, y1):
            body = LineString(pts[3:-3])
            room = min((body.distance(m) for m in others), default=99.0)
            apart = all(
                body.distance(LineString(o["points"][3:-3])) >= 4
                for o in laid
                if not (ends & {o["from"], o["to"]})
            )
            inside = min(x for x, _ in pts) >= floor
            if inside and apart and room >= 14:
                best = pts
                break
            # Failing all, the curve inside the plot that passes the marks widest.
            if inside and room > best_room:
                best, best_room = pts, room
        laid.append(
            {
                "from": link.policy_id,
                "to": link.target_policy_id,
                "relation": link.relation,
                "points": best if best is not None else pts,
            }
        )
    return laid


def chain_figure(ctx) -> go.Figure:
    lang = ctx.language
    c = chain_frame(ctx)
    if c.empty:
        return empty(ctx, t("chain_title", lang), t("chain_what", lang))
    title = _chain_title(ctx, c)
    fig = go.Figure()
    # The axis spans the documents, the periods they cover and the event (at the month
    # its report gives, where that is all it gives): nothing else.
    event_day = derive.event_date(ctx)
    period_ends = [pd.Timestamp(f"{int(e)}-12-31") for e in c["period_end"].dropna()]
    days = [d for d in (*c["first"], *period_ends, event_day) if pd.notna(d)]
    # A little room either side of the first and last date drawn, no further: the axis
    # names no year in which nothing is drawn.
    left = min(days) - pd.Timedelta(days=200)
    right = max(days) + pd.Timedelta(days=45)
    # Room for the labels: the widest line at about 0.6 em a Latin character, 1 em a
    # Chinese one; the plot gets the rest of the page's width.
    widest = max(_cells(line) for r in c["row"] for line in r.split("<br>"))
    margin_l = int(widest * CHAIN_FONT * 0.56) + 16
    # Room above the plot for the title and the activity's label, and for a subtitle
    # where the edition has one (titled() would take it from the plot, squeezing rows).
    margin_t, margin_b = (95 if scope_label(ctx) else 72), 60
    plot_w = theme.WIDTH - margin_l - theme.MARGIN["r"]
    plot_h = float(c["height"].sum())
    px_per_day = plot_w / (right - left).days
    has_period = c["period_start"].notna() | c["period_end"].notna()
    # A period whose start no page states (冀政发〔2016〕16号: "to 2020") is drawn from the
    # document's own date, hatched and named apart, so the bar does not claim a start
    # year that the table, rightly, gives as unknown.
    for open_start in (False, True):
        per = c[has_period & (c["period_start"].isna() == open_start)]
        if per.empty:
            continue
        starts = [
            pd.Timestamp(f"{int(s)}-01-01") if pd.notna(s) else f
            for s, f in zip(per["period_start"], per["first"], strict=True)
        ]
        ends = [
            pd.Timestamp(f"{int(e)}-12-31") if pd.notna(e) else s
            for e, s in zip(per["period_end"], starts, strict=True)
        ]
        colour = theme.LEVEL_COLOURS["national"]
        marker = (
            dict(
                color="rgba(0,0,0,0)",
                pattern=dict(shape="/", fgcolor=colour, size=8),
                line=dict(color=colour, width=1),
            )
            if open_start
            # The tint in the colour itself, not marker.opacity: the legend draws its swatch
            # from the colour alone, and showed a saturated bar beside pale ones.
            else dict(color=_tint(colour, 0.16))
        )
        fig.add_trace(
            go.Bar(
                y=per["y"],
                base=starts,
                x=[(e - s).total_seconds() * 1000 for s, e in zip(starts, ends, strict=True)],
                width=[h - CHAIN_GAP for h in per["height"]],
                orientation="h",
                marker=marker,
                opacity=0.5 if open_start else None,
                name=t("period_open_bar" if open_start else "period_bar", lang),
                hovertext=list(per["period_text"]),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    c = c.assign(published_y=published_y(c, px_per_day))
    for col, symbol, key, at_y in (
        ("signed_date", "diamond", "signed", "y"),
        ("published_date", "circle-open", "published", "published_y"),
    ):
        rows = c[c[f"{col}_start"].notna()]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows[f"{col}_start"],
                y=rows[at_y],
                mode="markers",
                marker=dict(symbol=symbol, size=12, color=theme.INK, line=dict(width=2)),
                name=t(key, lang),
                customdata=list(zip(rows[col], rows["display_title"], strict=True)),
                hovertemplate="%{customdata[1]}<br>%{customdata[0]}<extra></extra>",
            )
        )
    # Meetings have a held date from the article only (a month): drawn as such.
    held = c[(c["kind"] == "meeting") & c["start"].notna()]
    if not held.empty:
        fig.add_trace(
            go.Scatter(
                x=held["start"],
                y=held["y"],
                mode="markers",
                marker=dict(symbol="square-open", size=11, color=theme.MUTED),
                name=t("held_month", lang),
                customdata=held["display_title"],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )

    # A link runs between the documents' first dates (signed, else published, else the
    # month the article gives for a meeting), as a curve with its head at the document
    # it points to.
    def at(x: float, y: float) -> tuple[pd.Timestamp, float]:
        return left + pd.Timedelta(days=x / px_per_day), y

    shown = set()
    for link in chain_links(ctx, c, px_per_day, left):
        colour, dash = LINK_STYLES.get(link["relation"], (LINK_COLOUR, "solid"))
        # The head: the last 16 px of the curve, drawn as the annotation's arrow.
        tip = link["points"][-1]
        k = max(
            (
                i
                for i, (x, y) in enumerate(link["points"])
                if ((x - tip[0]) ** 2 + (y - tip[1]) ** 2) ** 0.5 >= 16
            ),
            default=0,
        )
        pts = [at(x, y) for x, y in link["points"]]
        body = pts[2 : k + 1]
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in body],
                y=[p[1] for p in body],
                mode="lines",
                line=dict(color=colour, width=1.6, dash=dash),
                name=t("arrow_word", lang) + t("link_" + link["relation"], lang),
                legendgroup=link["relation"],
                showlegend=link["relation"] not in shown,
                hoverinfo="skip",
            )
        )
        shown.add(link["relation"])
        (hx, hy), (tx, ty) = pts[k], pts[-1]
        fig.add_annotation(
            x=tx,
            y=ty,
            ax=hx,
            ay=hy,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1.1,
            arrowwidth=1.6,
            arrowcolor=colour,
            standoff=7,
            text="",
        )
    mark_event(fig, ctx, month_only=True)
    # Documents are drawn on their days, so a year's tick is its first day; the charts of
    # values over the years tick on 31 December (`_year_end_axis`): each axis says which.
    fig.update_xaxes(
        type="date",
        range=[left, right],
        dtick="M12",
        tickformat="%Y",
        title_text=t("chain_axis", lang),
        title_font=dict(size=NOTE_PX),
    )
    fig.update_yaxes(
        range=[plot_h, 0],
        tickvals=list(c["y"]),
        ticktext=list(c["row"]),
        tickfont=dict(size=CHAIN_FONT),
        showgrid=False,
        zeroline=False,
    )
    fig.update_layout(
        height=int(plot_h) + margin_t + margin_b,
        barmode="overlay",
        margin=dict(l=margin_l, t=margin_t, b=margin_b),
    )
    return titled(fig, ctx, title)


def chain_prose(ctx) -> str:
    """The chain's prose key: it promises the event's dashed line only where the chart can
    draw it (a source gives the event's day, or its month), and policies listed under the
    chart only where the event's sources cite any."""
    if chain_frame(ctx).empty:
        return "chain_none"
    if derive.event_citations(ctx).empty and derive.event_date(ctx) is not None:
        return "chain_uncited"
    return "chain" if pd.notna(derive.event(ctx)["start_date"]) else "chain_undated"


def chain_sources(ctx) -> pd.DataFrame:
    """What the chain's note cites: the source of each row drawn, and the source that
    dates the event where the chart marks it (the event's own report)."""
    chain = chain_frame(ctx)
    # The dates, numbers and links drawn are read on official pages (policy_evidence) and
    # the pages that state the links, not only on the article that named the documents.
    links = derive.policy_links(ctx)
    links = links[links["policy_id"].isin(set(chain["policy_id"]))][["source_id"]]
    rows = pd.concat(
        [
            chain[["source_id", "para"]],
            derive.evidence_sources(ctx, chain["policy_id"]),
            links.assign(para=pd.NA).astype({"para": "Int64"}),
        ],
        ignore_index=True,
    )
    if derive.event_date(ctx) is None:
        return rows
    return pd.concat([derive.event_date_source(ctx), rows], ignore_index=True)


def article_only_note(ctx) -> str:
    names = list(article_only(ctx)["display_title"])
    sep = "；" if ctx.language == "zh" else "; "
    return t("article_only", ctx.language).format(names=sep.join(names)) if names else ""


def documents_sources(ctx) -> pd.DataFrame:
    """What the documents table's note cites: the page each document's facts were read on
    (policy_evidence) and, for one the article cites, the article's paragraph."""
    docs = derive.documents(ctx)
    cited = docs.loc[docs["cited_in_article"], ["source_id", "para"]]
    official = derive.evidence_sources(ctx, docs["policy_id"])
    return pd.concat([official, cited], ignore_index=True)


def documents_table(ctx) -> pd.DataFrame:
    """The documents as issued; where the article names another issuer, both are shown.
    The English edition gives the issuer in English beside the Chinese as issued, and the
    validity in words."""
    docs = derive.documents(ctx)
    lang = ctx.language
    if lang == "zh":
        docs["issuer"] = docs["issuer_as_issued"]
    else:
        docs["issuer"] = [
            f"{en} ({zh})" if isinstance(en, str) and isinstance(zh, str) else zh
            for en, zh in zip(docs["issuer_en"], docs["issuer_as_issued"], strict=True)
        ]
    # The article's attribution beside the document's own: they differ for the Hebei
    # opinions (Party committee and government vs. the provincial government). Said in
    # the issuer's cell where it differs, so the table needs no column of dashes.
    docs["issuer_article"] = docs["issuer_in_article"].where(docs["cited_in_article"])
    cell = []
    for own, en, article in zip(
        docs["issuer_as_issued"], docs["issuer"], docs["issuer_article"], strict=True
    ):
        same = isinstance(article, str) and (article == str(own) or str(en).startswith(article))
        if isinstance(article, str) and not same:
            said = t("issuer_per_article", lang).format(issuer=article)
            en = f"{en}{'；' if lang == 'zh' else '; '}{said}" if isinstance(en, str) else said
        cell.append(en)
    docs["issuer"] = cell
    # Signed and published in one cell: most documents have one of the two.
    docs["dates"] = [
        ("；" if lang == "zh" else "; ").join(
            t(f"{key}_on", lang).format(date=stated_date(str(v)[:10], lang))
            for key, v in (("signed", signed), ("published", published))
            if isinstance(v, str) and v
        )
        or pd.NA
        for signed, published in zip(docs["signed_date"], docs["published_date"], strict=True)
    ]
    # The period as derive states it: an unknown start is said in words, as the chart
    # hatches it, never a "?".
    docs["period"] = docs["period_text"].where(docs["period_text"].notna(), pd.NA)
    docs["validity"] = [
        t(f"validity:{v}", lang) if isinstance(v, str) and has(f"validity:{v}") else v
        for v in docs["validity"]
    ]
    # The links each document states, in words: those the chain draws, and under a
    # filter those to documents it leaves out (a Hebei plan implementing a national one),
    # named by their number or title.
    everything = ctx.dossier.policies.set_index("policy_id")
    titles = everything["title"].to_dict()
    titles.update(docs.set_index("policy_id")["display_title"].to_dict())
    titles.update(derive.policies(ctx).set_index("policy_id")["display_title"].to_dict())
    numbers = everything["doc_number"].to_dict()
    said: dict[str, list[str]] = {}

    def named(policy_id: str) -> str:
        number = numbers.get(policy_id)
        return doc_number(number, lang) if isinstance(number, str) else titles.get(policy_id, "")

    for link in derive.policy_links(ctx, from_scope_only=True).itertuples():
        # Each link in the row of the document that states it: a plan's successor says it
        # succeeds it (policy_links keeps "succeeded_by" on the earlier plan, quoting the
        # later one's text), and a link only the event's report gives says so.
        if link.relation == "succeeded_by":
            row, text = link.target_policy_id, t("link_cell_succeeds", lang)
            text = text.format(other=named(link.policy_id))
        else:
            row, text = link.policy_id, t(f"link_cell_{link.relation}", lang)
            text = text.format(other=named(link.target_policy_id))
        if link.stated_in == "article":
            text += t("link_by_article", lang)
        said.setdefault(row, []).append(text)
    sep = "；" if lang == "zh" else "; "
    docs["links"] = [sep.join(said[p]) if p in said else pd.NA for p in docs["policy_id"]]
    docs["doc_number"] = [doc_number_cell(v, lang) for v in docs["doc_number"]]
    return docs


def series_frame(ctx) -> pd.DataFrame:
    """The stops of the series whose own reports were read, one row each: the activity,
    where and when, its counts with their qualifiers, and the report. A stop that is this
    dossier's own event is left out: the chapter says so instead of repeating it."""
    f = derive.series_facts(ctx)
    lang = ctx.language
    events = ctx.dossier.events.set_index("event_id")
    stops = ctx.dossier.series.set_index("position")
    sep = "；" if lang == "zh" else "; "
    rows = []
    for position, g in f.groupby("position", sort=True):
        event_id = stops["event_id"].get(position)
        if event_id == ctx.event_id:
            continue
        event = (
            events.loc[event_id] if isinstance(event_id, str) and event_id in events.index else None
        )
        facts = {fld: grp.iloc[0] for fld, grp in g.groupby("field")}
        name = event["name"] if event is not None else facts.get("name", {}).get("value", pd.NA)
        place = str(g["place"].iloc[0])
        place = t(place, lang) if has(place) else place
        if event is not None and isinstance(event["place"], str):
            place = event["place"]
        date = facts.get("date")
        counts = [
            quantity(
                float(r["value"]),
                1,
                lang,
                r["unit_zh" if lang == "zh" else "unit_en"],
                r["qualifier"],
            )
            for r in (facts[k] for k in ("agencies", "participants") if k in facts)
        ]
        rows.append(
            {
                "position": int(position),
                "activity": name,
                "place": place,
                "date": month(str(date["value"]), lang) if date is not None else pd.NA,
                "counts": sep.join(counts) if counts else pd.NA,
                "source_id": g["source_id"].iloc[0],
                "para": pd.NA,
            }
        )
    columns = ["position", "activity", "place", "date", "counts", "source_id", "para"]
    return pd.DataFrame(rows, columns=columns)


def values_table(ctx) -> pd.DataFrame:
    """Every value behind the chapter with what a reader must know about it: whose value
    it is (`jurisdiction_shown`) and the period it covers (`period_shown`: "Jan-Aug 2020",
    "end-June 2019"), flagged when that is only part of the year."""
    columns = ["indicator", "jurisdiction_shown", "role", "period_shown", "shown", "flags"]
    v = derive.values(ctx)
    if v.empty:
        # No plan values in this jurisdiction: an empty table with the chapter's columns.
        return pd.DataFrame(columns=[*columns, "year", "source_id"])
    lang = ctx.language
    v["role"] = [t(f"{r}_word", lang) for r in v["role"]]
    v["jurisdiction_shown"] = [t(str(j), lang) if has(str(j)) else j for j in v["jurisdiction"]]
    v["period_shown"] = v["period_label"]
    # The table quotes each value as its source states it, every digit (the charts round).
    v["shown"] = [
        quantity(val, sc, lang, u, q, exact=True) if pd.notna(val) else t("claim_only", lang)
        for val, q, u, sc in zip(v["value"], v["qualifier"], v["unit"], v["scale"], strict=True)
    ]
    flags = []
    for r in v.itertuples():
        f = []
        if r.part_year:
            f.append(t("flag_part_year", lang))
        if getattr(r, "year_assumed", False) is True:
            f.append(t("flag_year_assumed", lang))
        if getattr(r, "estimate", False) is True:
            f.append(t("flag_estimate", lang))
        if getattr(r, "unverified", False) is True:
            f.append(t("flag_unverified", lang))
        elif getattr(r, "held_elsewhere", False) is True:
            f.append(t("flag_held_elsewhere", lang))
        if not r.comparable:
            f.append(t("flag_related", lang))
        elif getattr(r, "unlike", False) is True:
            f.append(t(f"flag_reading_{r.reading}", lang))
        if r.conflict:
            f.append(t("flag_conflict", lang))
        if getattr(r, "measures_differ", False) is True:
            f.append(t("flag_measures_differ", lang))
        if isinstance(r.claim, str):
            f.append(t("flag_claim", lang))
        text = ("；" if lang == "zh" else "; ").join(f)
        if isinstance(r.measure_note, str):
            # The note is a sentence of its own ("In yuan, not US dollars."): after the
            # flags, it starts one, not a clause after a semicolon.
            text += ("。" if lang == "zh" else ". ") * bool(text) + r.measure_note
        flags.append(text or pd.NA)
    v["flags"] = flags
    return v


def _relation(ctx, policy_id: str) -> str:
    """How a plan stands to the event, in words (derive.plan_relations)."""
    rel = derive.plan_relations(ctx).set_index("policy_id")
    if policy_id not in rel.index:
        return t("relation_undated", ctx.language)
    r = rel.loc[policy_id]
    text = t(f"relation_{r['relation']}", ctx.language)
    earlier = r["succeeds"]
    if pd.notna(earlier):
        p = derive.policies(ctx).set_index("policy_id")
        if earlier in p.index:
            # Named as plan_facts names a plan in prose: the English title in English (the
            # display title's Chinese gloss is for tables and charts), as issued in Chinese.
            e = p.loc[earlier]
            zh = ctx.language == "zh" and pd.notna(e["title_zh"])
            text = t("relation_succeeds", ctx.language).format(
                relation=text, earlier=e["title_zh"] if zh else e["title"]
            )
    return text


def plan_facts(ctx, level: str | None = None, plan: str | None = None) -> dict[str, str] | None:
    """What the prose says of the plan whose indicators a section draws: its title (the
    Chinese title as issued in Chinese), document number, baseline and target years, the
    indicator it shares with the other level, and how it stands to the event (`relation`:
    cited there, in force on its date, adopted after it). None when the run has no such
    plan."""
    level = level or _plan_level(ctx)
    ind = derive.indicators(ctx)
    ind = _one_plan(ctx, ind[ind["level"] == level], level, plan)
    if ind.empty:
        return None
    plan = derive.policies(ctx).set_index("policy_id").loc[ind["policy_id"].iloc[0]]
    lang = ctx.language
    zh = lang == "zh"
    title = plan["title_zh"] if zh and pd.notna(plan["title_zh"]) else plan["title"]

    def years(column: str) -> str:
        found = sorted({int(y) for y in ind[column].dropna()})
        return "、".join(map(str, found)) if zh else "/".join(map(str, found))

    shared = ind.loc[ind["compare_with"].notna(), "name"]
    return {
        "plan": title,
        # Prose prints the number romanised in English ("Guofa [2016] No. 86"): bare
        # Chinese is for the tables' Document No. column only.
        "number": doc_number(plan["doc_number"], lang)
        if pd.notna(plan["doc_number"])
        else t("not_stated", lang),
        "baseline_year": years("baseline_year"),
        "target_year": years("target_year"),
        "shared": ("；" if zh else "; ").join(shared) if len(shared) else t("none_shared", lang),
        "province": t(str(plan["jurisdiction"]), lang) if has(str(plan["jurisdiction"])) else "",
        "relation": _relation(ctx, ind["policy_id"].iloc[0]),
        "drawn": comparison_drawn(ctx),
    }


def untargeted_plans(ctx, level: str = "provincial") -> list[dict[str, str]]:
    """Plans of a level in scope (the jurisdiction filter applies) that the package holds
    but whose targets no page read states: named in a sentence, never charted as if they
    had none. The Hebei 14th Five-Year IP plan (2021-12-07) is one."""
    pol = derive.policies(ctx)
    pol = pol[(pol["kind"] == "plan") & (pol["level"] == level)]
    if ctx.jurisdiction not in ("all", "national"):
        pol = pol[pol["jurisdiction"] == ctx.jurisdiction]
    elif ctx.jurisdiction == "national":
        return []
    with_targets = set(ctx.dossier.indicators["policy_id"])
    lang = ctx.language
    out = []
    for _, p in pol[~pol["policy_id"].isin(with_targets)].iterrows():
        title = p["title_zh"] if lang == "zh" and pd.notna(p["title_zh"]) else p["title"]
        day = p["signed_date"] if pd.notna(p["signed_date"]) else p["published_date"]
        years = (
            f"{int(p['period_start'])}{'—' if lang == 'zh' else '-'}{int(p['period_end'])}"
            if pd.notna(p["period_start"]) and pd.notna(p["period_end"])
            else t("not_stated", lang)
        )
        out.append(
            {
                "plan": title,
                "date": long_date(pd.Timestamp(day), lang)
                if pd.notna(day)
                else t("not_stated", lang),
                # The date under the issuer is the day signed (成文), not when issued.
                "how": t("dated_signed" if pd.notna(p["signed_date"]) else "dated_published", lang),
                "period": years,
            }
        )
    return out


def comparison_drawn(ctx) -> str:
    """What the comparison chart draws, in words, from the values it draws: both levels,
    the province's alone (a provincial filter), or nothing."""
    drawn = set(comparison_frame(ctx).get("jurisdiction", pd.Series(dtype=str)))
    lang = ctx.language
    if not drawn:
        return t("province_drawn_none", lang)
    if len(drawn) > 1:
        return t("province_drawn_both", lang)
    (province,) = drawn
    return t("province_drawn_own", lang).format(
        jurisdiction=t(province, lang) if has(province) else province
    )


def intro(ctx) -> list[tuple[str, dict[str, str]]]:
    """The chapter's opening prose (catalogue keys and their values): the plans drawn, each
    with its relation to the event; for an event before every one of them, a sentence
    saying so comes first. Never "cited" for a plan the event's sources do not cite."""
    rel = derive.plan_relations(ctx)
    if rel.empty:
        return []
    lang = ctx.language
    out: list[tuple[str, dict[str, str]]] = []
    when = rel["event_date"].iloc[0]
    if (rel["relation"] == "after").all() and when is not None and pd.notna(when):
        first = rel.sort_values("start").iloc[0]
        title = (
            first["title_zh"] if lang == "zh" and pd.notna(first["title_zh"]) else first["title"]
        )
        out.append(
            (
                "targets_before",
                {
                    "when": month(f"{when:%Y-%m}", lang),
                    "first": title,
                    "issued": month(f"{first['start']:%Y-%m}", lang),
                },
            )
        )
    items = []
    for r in rel.itertuples():
        title = r.title_zh if lang == "zh" and pd.notna(r.title_zh) else r.title
        items.append(
            t("plan_relation_item", lang).format(plan=title, relation=_relation(ctx, r.policy_id))
        )
    out.append(("targets_plans", {"plans": ("；" if lang == "zh" else "; ").join(items)}))
    # Another province's plans are left out (derive._elsewhere): said, not silently.
    if elsewhere := derive.elsewhere_provinces(ctx):
        home = derive.event_province(ctx)
        named = [t(j, lang) if has(j) else j for j in (*elsewhere, home)]
        key = "targets_elsewhere" if has_plan_of(ctx, home) else "targets_elsewhere_none"
        sep = "、" if lang == "zh" else ", "
        out.append((key, {"provinces": sep.join(named[:-1]), "home": named[-1]}))
    return out


def has_plan_of(ctx, jurisdiction: str) -> bool:
    """Whether a plan of `jurisdiction` with targets is in scope."""
    return bool((derive.indicators(ctx)["jurisdiction"] == jurisdiction).any())


def first_stop(ctx) -> dict[str, str] | None:
    """When and where the series began, as the report of its first stop states, and which
    passage of the prose says it: `first_stop_self` when that stop is this dossier's event."""
    f = derive.series_facts(ctx)
    if f.empty:
        return None
    first = f[f["position"] == f["position"].min()]
    date = first.loc[first["field"] == "date", "value"]
    if date.empty:
        return None
    place = str(first["place"].iloc[0])
    series = ctx.dossier.series.set_index("position")
    position = first["position"].iloc[0]
    own = series["event_id"].get(position) == ctx.event_id
    # The report dates the start only by its own day (天津日报, 13 November 2014: launched
    # 日前, "recently"): the prose says by when, as the report does, not a month it infers.
    sources = ctx.dossier.sources.set_index("source_id")["published"]
    published = sources.get(str(first.loc[first["field"] == "date", "source_id"].iloc[0]))
    # The stops with neither a date nor a count, named: "the other stops" read as though
    # this dossier's own event (stop 9, dated) were among them.
    dated = set(f.loc[f["field"] == "date", "position"])
    unknown = [
        int(k)
        for k, r in series.iterrows()
        if k != position and pd.isna(r["date"]) and pd.isna(r["participants"]) and k not in dated
    ]
    return {
        "prose": "first_stop_self" if own else "first_stop",
        "place": t(place, ctx.language) if has(place) else place,
        "month": month(str(date.iloc[0]), ctx.language),
        # A report with no date of its own: the month the data gives stands in.
        "reported": (
            long_date(pd.Timestamp(published), ctx.language)
            if pd.notna(published)
            else month(str(date.iloc[0]), ctx.language)
        ),
        "others": _positions(unknown, ctx.language),
    }


def _positions(positions: list[int], language: str) -> str:
    """Stops by number, runs joined: "2 to 8"; "2至8" (the sentence frames 第…站)."""
    runs: list[list[int]] = []
    for k in sorted(positions):
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    to, sep = ("至", "、") if language == "zh" else (" to ", ", ")
    return sep.join(f"{r[0]}{to}{r[-1]}" if len(r) > 2 else sep.join(map(str, r)) for r in runs)


# -- across two plans ------------------------------------------------------------------------


def plan_name(ctx, policy_id: str) -> str:
    """A plan named briefly where its title would not fit (a chart title, a legend, a
    column): in English the short name a reader knows it by ("13th Five-Year Plan"), in
    Chinese its document number (国发〔2016〕86号), else its title."""
    p = derive.policies(ctx).set_index("policy_id").loc[policy_id]
    if ctx.language == "en" and has(f"plan_short_{policy_id}"):
        return t(f"plan_short_{policy_id}", "en")
    return str(p["doc_number"] if pd.notna(p["doc_number"]) else p["display_title"])


def _plan_header(ctx, policy_id: str) -> str:
    """A plan as a column header: its name (`plan_name`) and period (国发〔2016〕86号（2016—
    2020年）; 13th Five-Year Plan (2016-2020))."""
    p = derive.policies(ctx).set_index("policy_id").loc[policy_id]
    name = plan_name(ctx, policy_id)
    if pd.notna(p["period_start"]) and pd.notna(p["period_end"]):
        if ctx.language == "zh":
            return f"{name}（{int(p['period_start'])}—{int(p['period_end'])}年）"
        return f"{name} ({int(p['period_start'])}-{int(p['period_end'])})"
    return str(name)


def continuity_pairs(ctx, level: str | None = None) -> pd.DataFrame:
    """Indicators that continue one of the earlier plan's (`continues`), one row per pair:
    `earlier`, `later`, whether the measure is the same (`same`) and the note saying how
    it differs, in the run's language."""
    ind = derive.indicators(ctx)
    ind = ind[ind["level"] == (level or _plan_level(ctx))].set_index("indicator_id", drop=False)
    rows = []
    for _, i in ind[ind["continues"].notna()].iterrows():
        if i["continues"] not in ind.index:
            continue
        note = str(i["continues_note"]) if pd.notna(i["continues_note"]) else ""
        # "one series": the plans name the measure differently, but the values reported
        # for both are one yearly series (pledge financing): drawn as one path, its head
        # saying the names differ.
        kind = (
            "same"
            if note.startswith(("same", "口径相同"))
            else "series"
            if note.startswith(("one series", "同一序列"))
            else "differs"
        )
        rows.append(
            {
                "earlier": i["continues"],
                "later": i["indicator_id"],
                "same": kind != "differs",
                "kind": kind,
                "note": note,
            }
        )
    return pd.DataFrame(rows, columns=["earlier", "later", "same", "kind", "note"])


def province_sources(ctx) -> pd.DataFrame:
    """The rows behind `province_table`'s paths, for its source note."""
    rows = sources(ctx, level="provincial")
    if rows.empty:
        return rows
    return rows[rows["indicator_id"].isin(set(province_table(ctx)["indicator_id"]))]


def plans_side_by_side(ctx, level: str | None = None) -> pd.DataFrame:
    """The level's plans side by side, one row per subject: each plan's indicator with its
    baseline → target → realised path and verdict (as `progress_frame` words them), the
    pairs where the later plan continues the earlier first, then each plan's indicators
    without a counterpart. Columns are named by the plans (see `_plan_header`)."""
    level = level or _plan_level(ctx)
    plans = plan_ids(ctx, level)
    if len(plans) < 2:
        return pd.DataFrame()
    earlier_id, later_id = plans[-2], plans[-1]
    frames = {pid: progress_frame(ctx, level, pid).set_index("indicator_id") for pid in plans}
    lang = ctx.language
    sep = "；" if lang == "zh" else "; "

    def cell(pid: str, iid) -> str:
        if not isinstance(iid, str):
            return t("no_counterpart", lang)
        r = frames[pid].loc[iid]
        return f"{_row_label(r)}: {r['path']}{sep}{r['status_label']}".replace(
            ": ", "：" if lang == "zh" else ": ", 1
        )

    pairs = continuity_pairs(ctx, level)
    pairs = pairs[
        pairs["earlier"].isin(frames[earlier_id].index)
        & pairs["later"].isin(frames[later_id].index)
    ]
    rows = [(p.earlier, p.later, p.note) for p in pairs.itertuples()]
    rows += [
        (i, None, t("no_counterpart_later", lang))
        for i in frames[earlier_id].index
        if i not in set(pairs["earlier"])
    ]
    rows += [
        (None, i, t("no_counterpart_earlier", lang))
        for i in frames[later_id].index
        if i not in set(pairs["later"])
    ]
    first, second = _plan_header(ctx, earlier_id), _plan_header(ctx, later_id)
    return pd.DataFrame(
        {
            first: [cell(earlier_id, e) for e, _, _ in rows],
            second: [cell(later_id, x) for _, x, _ in rows],
            t("Measure", lang): [n for _, _, n in rows],
        }
    )


def across_facts(ctx, level: str | None = None) -> dict[str, str]:
    """The two plans the side-by-side table sets next to each other, by title."""
    plans = plan_ids(ctx, level)
    earlier, later = (plan_facts(ctx, level, pid) for pid in plans[-2:])
    return {"earlier": earlier["plan"], "later": later["plan"]}


@derive.memoised  # the ten-year chart, its legend and its sentences
def continuity_frame(ctx, level: str | None = None) -> pd.DataFrame:
    """The values each continuing pair draws over ten years: every value set against its
    plan's target (comparable and of the target's reading), and the plans' baselines and
    targets, each dated at the end of the period it covers."""
    pairs = continuity_pairs(ctx, level)
    if pairs.empty:
        return pd.DataFrame()
    ind = derive.indicators(ctx).set_index("indicator_id", drop=False)
    obs = derive.observations(ctx)
    rows = []
    for k, p in enumerate(pairs.itertuples()):
        for role, iid in (("earlier", p.earlier), ("later", p.later)):
            i = ind.loc[iid]
            mine = obs[obs["indicator_id"] == iid]
            mine = mine[
                derive.against_target(mine, i["reading"])
                & mine["comparable"].fillna(False).astype(bool)
                & mine["value"].notna()
            ].drop_duplicates(["dated", "value"])
            base = {
                "pair": k,
                "plan_role": role,
                "indicator_id": iid,
                "name": i["name"],
                "unit": i["unit"],
                "scale": i["scale"],
                "same": p.same,
            }
            rows += _points(ctx, i, mine, base)
    return pd.DataFrame(rows)


def _axis(scale: float, unit: str, language: str) -> tuple[float, str]:
    """What a chart's values are multiplied by, and the axis's unit: in Chinese the unit
    carries its magnitude (亿元) and values stay as recorded; in English an amount in 亿
    (10^8) is drawn in billions and one in 万 (10^4) in thousands."""
    scale = float(scale or 1)
    if language == "zh" or scale == 1:
        return 1.0, unit
    if scale >= 1e8:
        return scale / 1e9, f"billion {unit}"
    if scale >= 1e4:
        return scale / 1e3, f"thousand {unit}"
    return scale, unit


def _pair_trace(
    ctx, rows: pd.DataFrame, colour: str, plan: bool, name: str, group: str, legend: bool
):
    """One plan's values (or its baseline → target) in a panel of the continuity chart,
    with hover text as the report words them ("15.8 patents per 10,000 people (2020)")."""
    lang = ctx.language
    unit, sc = str(rows["unit"].iloc[0]), float(rows["scale"].iloc[0] or 1)
    factor, _ = _axis(sc, unit, lang)
    words = [
        (f"{t(k + '_word', lang)} " if plan else "") + f"{quantity(v, sc, lang, unit, q)} ({p})"
        for k, v, q, p in zip(
            rows["kind"], rows["value"], rows["qualifier"], rows["period"], strict=True
        )
    ]
    return go.Scatter(
        x=rows["date"],
        y=rows["value"] * factor,
        mode="markers+lines",
        line=dict(color=colour, width=1.5 if plan else 2, dash="dash" if plan else "solid"),
        marker=dict(
            size=11 if plan else 7, color=colour, symbol="diamond-open" if plan else "circle"
        ),
        name=name,
        legendgroup=group,
        showlegend=legend,
        customdata=words,
        hovertemplate="%{customdata}<extra></extra>",
    )


def _year_end_ticks(first: int, last: int, lang: str, step: int = 1) -> dict:
    """A date axis whose ticks fall on 31 December, labelled with the year: values are dated
    at the end of the period they cover, so a year's value sits on its year's tick. Every
    chart drawn over the years uses it: one time convention on every page."""
    ends = [pd.Timestamp(f"{y}-12-31") for y in range(first, last + 1, step)]
    return dict(
        type="date",
        tickvals=ends,
        ticktext=[str(d.year) for d in ends],
        title_text=t("continuity_axis", lang),
    )


def continuity_figure(ctx, level: str | None = None) -> go.Figure:
    """Ten years of each subject the later plan continues, one panel each: the earlier
    plan's values and its baseline → target in one colour, the later plan's in another,
    each value at the end of the period it covers. Pairs measured in different units are
    not drawn together (see `continuity_note`); the panel's title says whether the two
    plans measure the same thing."""
    from plotly.subplots import make_subplots

    lang = ctx.language
    c = continuity_frame(ctx, level)
    drawable = _drawable(c)
    title = t("continuity_title" if len(drawable) != 1 else "continuity_title_one", lang)
    if not drawable:
        return empty(ctx, title, t("continuity_what", lang))
    pairs = continuity_pairs(ctx, level)
    ind = derive.indicators(ctx).set_index("indicator_id")
    cols = 2 if len(drawable) > 1 else 1
    nrows = (len(drawable) + cols - 1) // cols
    heads = []
    for k in drawable:
        name = ind.loc[pairs.iloc[k]["later"], "name"]
        word = t(f"measure_{pairs.iloc[k]['kind']}", lang)
        width = 48 if len(drawable) > 1 else 90
        heads.append(wrap_cell(f"{name}（{word}）" if lang == "zh" else f"{name} ({word})", width))
    fig = make_subplots(
        rows=nrows, cols=cols, subplot_titles=heads, vertical_spacing=0.2, horizontal_spacing=0.14
    )
    colours = {"earlier": theme.BLUE, "later": theme.ORANGE}
    colon = "：" if lang == "zh" else ": "
    seen: set[str] = set()
    first = int(c["date"].min().year)
    last = int(c["date"].max().year)
    for n, k in enumerate(drawable):
        row, col = n // cols + 1, n % cols + 1
        g = c[c["pair"] == k]
        for role in ("earlier", "later"):
            mine = g[g["plan_role"] == role]
            if mine.empty:
                continue
            header = _plan_header(ctx, ind.loc[mine["indicator_id"].iloc[0], "policy_id"])
            for plan in (False, True):
                part = mine[mine["kind"].isin(["baseline", "target"]) == plan].sort_values("date")
                if part.empty:
                    continue
                word = _drawn_word(part, lang)
                group = f"{role}-{plan}"
                fig.add_trace(
                    _pair_trace(
                        ctx,
                        part,
                        colours[role],
                        plan,
                        f"{header}{colon}{word}",
                        group,
                        group not in seen,
                    ),
                    row=row,
                    col=col,
                )
                seen.add(group)
        # Where one plan hands over to the next: the end of the earlier plan's target year.
        handover = g.loc[(g["plan_role"] == "earlier") & (g["kind"] == "target"), "date"]
        if len(handover):
            fig.add_vline(
                x=handover.iloc[0].value / 1e6,
                line=dict(color=theme.MUTED, width=1, dash="dot"),
                row=row,
                col=col,
            )
        _, unit = _axis(g["scale"].iloc[0], str(g["unit"].iloc[0]), lang)
        # Lines, not bars: the axis spans the values (plotly's padding around them), so a
        # change from 80 to 82 points is seen; from zero the later plan's line was flat.
        fig.update_yaxes(
            rangemode="normal",
            title_text=wrap_cell(unit, 30),
            title_font=dict(size=NOTE_PX),
            row=row,
            col=col,
        )
        # Values are dated at the end of their period: a tick on 31 December names the
        # year that a year's value (or a level at its end) belongs to.
        fig.update_xaxes(
            range=[pd.Timestamp(f"{first}-07-01"), pd.Timestamp(f"{last + 1}-06-30")],
            title_font=dict(size=NOTE_PX),
            row=row,
            col=col,
            **_year_end_ticks(first, last, lang, step=1 if cols == 1 else 2),
        )
    fig.update_annotations(font=dict(size=13))
    # One row of panels is drawn lower: at 330 px the one subject both plans measure alike
    # left half its page blank, the next section's chart not fitting under it.
    if nrows == 1:
        fig.update_layout(height=155 + CONTINUITY_ONE_ROW, margin=dict(t=95))
    else:
        fig.update_layout(height=170 + CONTINUITY_ROW * nrows, margin=dict(t=110))
    return titled(fig, ctx, title)


# The height of a row of the ten-year chart's panels (plot and its titles), in px.
CONTINUITY_ROW = 330
CONTINUITY_ONE_ROW = 190


def _drawn_word(part: pd.DataFrame, lang: str) -> str:
    """What a plan's marks in the ten-year chart are, for its legend: its realised values,
    or its baseline → target, its target or its baseline, as drawn. The 13th plan has no
    2015 baseline of satisfaction, and its legend named one beside its lone target."""
    kinds = set(part["kind"])
    if "realised" in kinds:
        return t("realised_word", lang)
    named = [t(f"{k}_word", lang) for k in ("baseline", "target") if k in kinds]
    return " → ".join(named)


def _one_path(c: pd.DataFrame, pair: int) -> bool:
    """A pair is drawn as one path over ten years only when both plans measure the same
    thing in one unit: two measures on one line would read as a fall where the count
    changed (6.3 all invention patents in 2015, 6.3 high-value ones in 2020)."""
    g = c[c["pair"] == pair]
    return bool(g["same"].all()) and g["unit"].nunique() == 1 and g["scale"].nunique() == 1


def _drawable(c: pd.DataFrame) -> list[int]:
    """The pairs drawn as one path over ten years (see `_one_path`)."""
    return [] if c.empty else [k for k in sorted(c["pair"].unique()) if _one_path(c, k)]


def continuity_drawn(ctx, level: str | None = None) -> pd.DataFrame:
    """The rows of `continuity_frame` the ten-year chart draws: its source note cites these
    alone, not the pairs only named beneath it."""
    c = continuity_frame(ctx, level)
    return c[c["pair"].isin(_drawable(c))] if not c.empty else c


def continuity_note(ctx, level: str | None = None) -> str:
    """The pairs not drawn together (measured in different units), named with why."""
    c = continuity_frame(ctx, level)
    if c.empty:
        return ""
    pairs = continuity_pairs(ctx, level)
    ind = derive.indicators(ctx).set_index("indicator_id")
    apart = [pairs.iloc[k] for k in sorted(c["pair"].unique()) if not _one_path(c, k)]
    if not apart:
        return ""
    sep = "；" if ctx.language == "zh" else "; "
    names = sep.join(f"{ind.loc[p['later'], 'name']}" for p in apart)
    return t("continuity_apart", ctx.language).format(names=names)
