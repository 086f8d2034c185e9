"""Hover text in JupyterLab and the interactive HTML, read from the chart specs: values as
the report words them (periods by their end, units, hedges), never plotly's raw x and y
(a date axis's "2,017.495", a bar's end one day after the event)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ipdossier import notebook as nb
from ipdossier.charts import attendance, participation, policies, programme, series, targets


def _ctx(**kw):
    return nb.setup(renderer="json", **kw)


def _figures(ctx):
    figs = {
        "participation": participation.figure(ctx),
        "attendance": attendance.figure(ctx),
        "timeline": policies.timeline_figure(ctx),
        "citations": policies.citations_figure(ctx),
        "programme": programme.figure(ctx),
        "map": series.map_figure(ctx),
        "comparison": targets.comparison_figure(ctx),
        "chain": targets.chain_figure(ctx),
    }
    for plan in targets.plan_ids(ctx):
        figs[f"progress {plan}"] = targets.progress_figure(ctx, plan)
    return figs


def _hovered(fig):
    """Traces a reader can hover, with the axis types they sit on."""
    for trace in fig.data:
        if trace.type == "table" or trace.hoverinfo in ("skip", "none"):
            continue
        yield trace


def _strings(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [s for v in value for s in _strings(v)] if hasattr(value, "__iter__") else [str(value)]


RAW_FLOAT = re.compile(r"\d\.\d{3,}|\b\d,\d{3}\.\d")


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", ["all", "Hebei"])
def test_every_hover_is_written_not_plotlys_default(language, jurisdiction):
    for name, fig in _figures(_ctx(language=language, jurisdiction=jurisdiction)).items():
        for trace in _hovered(fig):
            template = trace.hovertemplate
            if template is None:
                # hoverinfo "text": the label drawn on the chart, already worded.
                assert trace.hoverinfo == "text" and trace.text is not None, (name, trace.name)
                continue
            # A date or value axis's raw coordinate is never shown; a category (a bar's
            # label, a citer's name) may be.
            axis = fig.layout.xaxis if "%{x}" in template else None
            if axis is not None:
                assert axis.type != "date" and trace.type in ("bar", "scatter"), (name, template)
                assert not all(isinstance(x, (int, float)) for x in trace.x) or (
                    trace.orientation == "h" and trace.type == "bar"
                ), (name, template)
            for text in _strings(trace.customdata):
                assert not RAW_FLOAT.search(text), (name, text)
            if language == "zh":
                assert not re.search(r"\bpara\.|more than", " ".join(_strings(trace.customdata)))


def test_the_comparison_hover_names_the_period_unit_and_hedge():
    fig = targets.comparison_figure(_ctx())
    lines = [cd[1] for trace in fig.data for cd in trace.customdata]
    assert "end-June 2018: 10.6 patents per 10,000 people" in lines
    assert "target 2020: at least 3 patents per 10,000 people" in lines
    assert all(t.hovertemplate == targets.HOVER for t in fig.data)
    zh = targets.comparison_figure(_ctx(language="zh"))
    lines = [cd[1] for trace in zh.data for cd in trace.customdata]
    assert "2019年6月底：3.54件" in lines and "目标2020年：3件以上" in lines
    assert zh.data[0].customdata[0][0].startswith("全国：")


def test_undated_programme_parts_carry_no_day_and_dated_ones_their_own():
    ctx = _ctx()
    fig = programme.figure(ctx)
    hover = _strings([t.customdata for t in fig.data])
    assert hover and set(hover) == {"day not stated"}
    assert all("%{x}" not in t.hovertemplate and "%{base}" not in t.hovertemplate for t in fig.data)
    # A part dated 5 July: that day, not the bar's end at midnight on the 6th.
    day = pd.Timestamp("2017-07-05")
    row = pd.Series({"dated": True, "start": day, "end": day + pd.Timedelta(days=1)})
    assert programme._when(row, ctx) == ctx.date(day) == "5 July 2017"
    two = pd.Series({"dated": True, "start": day, "end": day + pd.Timedelta(days=2)})
    assert programme._when(two, ctx) == "5 July 2017 – 6 July 2017"


def test_participation_hover_is_the_count_in_words():
    en = participation.figure(_ctx())
    assert "more than 150 people" in _strings([t.customdata for t in en.data])
    zh = participation.figure(_ctx(language="zh"))
    assert "150余人" in _strings([t.customdata for t in zh.data])


def test_the_series_map_gives_each_stop_its_day_in_words():
    for language, day in (("en", "5 July 2017"), ("zh", "2017年7月5日")):
        fig = series.map_figure(_ctx(language=language))
        assert day in _strings([t.customdata for t in fig.data if t.customdata is not None])
