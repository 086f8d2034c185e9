"""Derived tables: the data package joined and filtered the way the charts need it.

Every function takes a notebook `Context` (parameters plus the loaded package) and returns
a DataFrame whose rows keep their `source_id` and `para`, so each chart can cite them.
Filters follow the parameters: `jurisdiction` selects by level ("national") or by
province-level jurisdiction ("Beijing", "Tianjin", "Hebei"; Baoding is in Hebei), and
`as_of` drops what is dated after it. What the source does not date is kept and shown
as undated, never guessed.
"""

from __future__ import annotations

import functools
import inspect
import re

import pandas as pd

from . import geo, schema
from .i18n import catalogue, day_span, has, month, policy_title, stated_date, t

# Parameter sets whose frames are kept: a warm kernel runs every chapter of a variant,
# then the next variant's; a few are plenty, and memory stays bounded over 64 variants.
_RUNS_KEPT = 4


def memoised(fn):
    """`fn(ctx, ...)` computed once per run's parameters and version of the data.

    A chapter asks for the same frames again and again (the targets chapter: `policies`
    161 times, `indicators` 95, `progress` 11, each rebuilt from the tables). They
    depend only on the parameters and the data, so they are kept with the parsed data
    (`Dossier.memo`, dropped when a data file changes) under the parameters, and every
    caller gets its own copy to change as it likes."""

    # The arguments as bound to the signature, defaults filled in: progress_frame(ctx,
    # None, plan) and progress_frame(ctx, plan=plan) are one frame, made once (they
    # were made apart, seven progress frames a targets chapter for three).
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def memoised(ctx, *args, **kwargs):
        runs = ctx.dossier.memo.setdefault("derive", {})
        run = (ctx.dossier.language, ctx.event_id, ctx.language, ctx.jurisdiction, ctx.as_of)
        frames = runs.get(run)
        if frames is None:
            if len(runs) >= _RUNS_KEPT:
                runs.pop(next(iter(runs)))
            frames = runs[run] = {}
        bound = signature.bind(ctx, *args, **kwargs)
        bound.apply_defaults()
        key = (fn.__module__, fn.__qualname__, tuple(bound.arguments.items())[1:])
        if key not in frames:
            frames[key] = fn(ctx, *args, **kwargs)
        kept = frames[key]
        # A shallow copy is the caller's own under pandas 3's Copy-on-Write (a change
        # copies the columns it touches): the deep copy of every frame asked for was a
        # tenth of the targets chapter's CPU. A list (of ids) is copied as a list.
        if isinstance(kept, (pd.DataFrame, pd.Series)):
            return kept.copy(deep=False)
        return list(kept) if isinstance(kept, list) else kept

    return memoised


@memoised
def event_ids(ctx) -> list[str]:
    """The event and its parts, ceremony and symposium."""
    events = ctx.dossier.events
    children = events.loc[events["parent_event_id"] == ctx.event_id, "event_id"]
    return [ctx.event_id, *children.dropna()]


@memoised
def event(ctx) -> pd.Series:
    events = ctx.dossier.events.set_index("event_id", drop=False)
    return events.loc[ctx.event_id]


def event_date(ctx) -> pd.Timestamp | None:
    """The event's first day; where the events table gives none, the month the report of
    its stop in the series states (the Tianjin stop: November 2014), as that month's first
    day. None when no source dates it."""
    start = event(ctx)["start_date"]
    if pd.notna(start):
        return pd.Timestamp(start)
    s = ctx.dossier.series
    rows = s[s["event_id"] == ctx.event_id]
    if rows.empty:
        return None
    facts = ctx.dossier.series_facts
    dates = facts[(facts["position"] == rows["position"].iloc[0]) & (facts["field"] == "date")]
    return _month_span(str(dates["value"].iloc[0]))[0] if len(dates) else None


def event_date_source(ctx) -> pd.DataFrame:
    """The row that dates the event (`event_date`), with its source_id and para: the event's
    own where it has a day, else the report of its stop that gives the month."""
    e = event(ctx)
    if pd.notna(e["start_date"]):
        return pd.DataFrame([e])[["source_id", "para"]]
    s = ctx.dossier.series
    rows = s[s["event_id"] == ctx.event_id]
    if rows.empty:
        return pd.DataFrame(columns=["source_id", "para"])
    facts = ctx.dossier.series_facts
    dates = facts[(facts["position"] == rows["position"].iloc[0]) & (facts["field"] == "date")]
    return dates.assign(para=pd.NA)[["source_id", "para"]].reset_index(drop=True)


def event_in_range(ctx) -> bool:
    """False when `as_of` is set and the event starts after it."""
    start = event(ctx)["start_date"]
    cut = ctx.as_of_date
    return cut is None or pd.isna(start) or start <= cut


def matches_jurisdiction(df: pd.DataFrame, jurisdiction: str) -> pd.Series:
    if jurisdiction == "all":
        return pd.Series(True, index=df.index)
    if jurisdiction == "national":
        return (df["level"] == "national").fillna(False).astype(bool)
    return (df["jurisdiction"] == jurisdiction).fillna(False).astype(bool)


# -- participation -------------------------------------------------------------------------

_QUALIFIER_LABEL = {"exact": "{v}", "at_least": "{v}+", "approximately": "~{v}", "at_most": "≤{v}"}


def figure_label(
    value: int, qualifier: str, language: str = "en", unit: str | None = None, printed=None
) -> str:
    """How a figure is printed: 150 at_least -> "150+", 1000 approximately -> "~1,000";
    in Chinese with the hedge and measure word a Chinese writer uses: 150余人, 近1,000家
    ("nearly" as printed is 近, any other approximation 约)."""
    v = f"{int(value):,}"
    if language != "zh":
        return _QUALIFIER_LABEL.get(qualifier, "{v}").format(v=v)
    word = t(f"unit_{unit}", language) if unit and has(f"unit_{unit}") else ""
    if qualifier == "approximately":
        near = isinstance(printed, str) and printed.lower().startswith("nearly")
        key = "zh_nearly" if near else "hedge_approximately"
        return t(key, language).format(value=v) + word
    if qualifier == "at_least":
        return t("zh_more_than", language).format(value=v) + word
    if qualifier == "at_most":
        return t("hedge_at_most", language).format(value=v) + word
    return v + word


def _labels(out: pd.DataFrame, language: str) -> list[str]:
    return [
        figure_label(r["value"], r["qualifier"], language, r.get("unit"), r.get("value_as_printed"))
        for _, r in out.iterrows()
    ]


@memoised
def headline_figures(ctx) -> pd.DataFrame:
    """The headline participation figures of the event (and its parts)."""
    figures = ctx.dossier.figures
    keep = figures["event_id"].isin(event_ids(ctx)) & figures["headline"].fillna(False)
    out = figures[keep].copy()
    if not event_in_range(ctx):
        out = out.iloc[0:0]
    out["label"] = _labels(out, ctx.language)
    return out.reset_index(drop=True)


# Figures of the series as a whole that an event's report gives (the Baoding article's
# "nearly 1,000" enterprises attracted by activities 1-8): about the series, not the event.
SERIES_FIGURES = ("series-reach",)


def _participation(figures: pd.DataFrame) -> pd.Series:
    """Which figures count who took part: not positions (ordinals), not figures of the
    whole series, not the number of parts of a programme (the programme's own), not
    amounts of money (unit money, as `extract` drafts them)."""
    counted = ~figures["unit"].isin(["ordinal", "parts", "money"])
    return counted & ~figures["figure_id"].isin(SERIES_FIGURES)


def event_counts(ctx) -> pd.DataFrame:
    """The counts of who took part in this event (and its parts), from its headline
    figures (the one rule for the chart, the table and the series table)."""
    f = headline_figures(ctx)
    return f[_participation(f)].reset_index(drop=True)


def series_wide_counts(ctx) -> pd.DataFrame:
    """Counts the event's own report gives for the series as a whole."""
    f = headline_figures(ctx)
    return f[f["figure_id"].isin(SERIES_FIGURES)].reset_index(drop=True)


# -- who came ------------------------------------------------------------------------------


def groups(ctx) -> list[str]:
    """Who came, grouped: the national level, each province (the data package's
    vocabularies), Baoding (the host city, within Hebei), and unknown."""
    return [schema.levels(ctx.dossier.path)[0], *schema.provinces(ctx.dossier.path)] + [
        "Baoding",
        "unknown",
    ]


def _group(org: pd.Series, provinces: tuple[str, ...]) -> str:
    def val(key: str) -> str | None:
        v = org.get(key)
        return v if isinstance(v, str) else None

    if val("level") == "national":
        return "national"
    jur = val("jurisdiction")
    if jur == "Hebei" and val("locality") == "Baoding":
        return "Baoding"
    if jur in provinces:
        return jur
    return "unknown"


@memoised
def participants(ctx) -> pd.DataFrame:
    """Each named person with a role at the event, with their organisation's level,
    jurisdiction and group (national, Beijing, Tianjin, Hebei province, Baoding)."""
    d = ctx.dossier
    roles = d.roles[d.roles["event_id"].isin(event_ids(ctx))]
    people = d.people.set_index("person_id")
    orgs = d.organisations.set_index("org_id")
    provinces = schema.provinces(d.path)
    rows = []
    for _, role in roles.iterrows():
        org = orgs.loc[role["org_id"]] if pd.notna(role["org_id"]) else pd.Series(dtype=object)
        rows.append(
            {
                "person_id": role["person_id"],
                "name": people.loc[role["person_id"], "name"],
                "title": role["title"],
                "event_role": role["event_role"],
                "event_id": role["event_id"],
                "org_id": role["org_id"],
                "organisation": org.get("name", pd.NA),
                "org_type": org.get("type", pd.NA),
                "level": org.get("level", pd.NA),
                "jurisdiction": org.get("jurisdiction", pd.NA),
                "locality": org.get("locality", pd.NA),
                "group": _group(org, provinces),
                "source_id": role["source_id"],
                "para": role["para"],
            }
        )
    out = pd.DataFrame(rows)
    if out.empty or not event_in_range(ctx):
        return out.iloc[0:0] if not out.empty else out
    out = out[matches_jurisdiction(out, ctx.jurisdiction)]
    # One row per person and organisation: Guo Wenqiang attended and spoke at the symposium.
    return out.drop_duplicates(["person_id", "org_id"]).reset_index(drop=True)


@memoised
def speeches(ctx) -> pd.DataFrame:
    """Speeches at the event with speaker, organisation and theme as stated."""
    d = ctx.dossier
    sp = d.speeches[d.speeches["event_id"].isin(event_ids(ctx))].copy()
    people = d.people.set_index("person_id")["name"]
    orgs = d.organisations.set_index("org_id")
    events = d.events.set_index("event_id")["name"]
    sp["speaker"] = sp["person_id"].map(people)
    sp["organisation"] = sp["org_id"].map(orgs["name"])
    sp["org_type"] = sp["org_id"].map(orgs["type"])
    sp["level"] = sp["org_id"].map(orgs["level"])
    sp["jurisdiction"] = sp["org_id"].map(orgs["jurisdiction"])
    sp["session"] = sp["event_id"].map(events)
    if not event_in_range(ctx):
        sp = sp.iloc[0:0]
    sp = sp[matches_jurisdiction(sp, ctx.jurisdiction)]
    return sp.reset_index(drop=True)


def names_as_printed(ctx) -> list[str]:
    """The people and organisations the event chapter names (who came, who spoke) whose
    Chinese form no page read gives: the Chinese edition prints them as the report spells
    them (a pinyin name has many possible characters, so none is guessed) and says so once.
    Empty in English."""
    if ctx.language != "zh":
        return []
    forms = ctx.dossier.names_zh
    forms = forms[forms["column"] == "name"]
    given = set(zip(forms["resource"], forms["key"].astype(str), strict=True))
    p, s = participants(ctx), speeches(ctx)
    english = ctx.dossier.localised("en")
    people = english.people.set_index("person_id")["name"]
    orgs = english.organisations.set_index("org_id")["name"]
    shown = [
        ("people", people, [*p.get("person_id", []), *s.get("person_id", [])]),
        ("organisations", orgs, [*p.get("org_id", []), *s.get("org_id", [])]),
    ]
    out: list[str] = []
    for resource, names, keys in shown:
        for key in dict.fromkeys(k for k in keys if isinstance(k, str)):
            if (resource, key) not in given:
                out.append(str(names[key]))
    return out


@memoised
def programme(ctx) -> pd.DataFrame:
    """The parts of the event in their stated order, with dates where stated."""
    events = ctx.dossier.events
    parts = events[events["parent_event_id"] == ctx.event_id].copy()
    order = {"ceremony": 0, "part": 1, "symposium": 2}
    parts["_kind"] = parts["kind"].map(order).fillna(3)
    parts = parts.sort_values(["_kind", "sequence"], na_position="last").drop(columns="_kind")
    if not event_in_range(ctx):
        parts = parts.iloc[0:0]
    return parts.reset_index(drop=True)


# -- the series ----------------------------------------------------------------------------


def series(ctx) -> pd.DataFrame:
    s = ctx.dossier.series.sort_values("position").copy()
    if ctx.language == "zh":
        # As on the map: the boundary package's own Chinese names, not a translation.
        zh = [geo.name_zh(int(c)) if pd.notna(c) else None for c in s["adcode"]]
        s["place"] = [z or p for z, p in zip(zh, s["place"], strict=True)]
    cut = ctx.as_of_date
    if cut is not None:
        s = s[s["date"].isna() | (s["date"] <= cut)]
    return s.reset_index(drop=True)


def _counts_of(ctx, event_id: str) -> str | None:
    """The counts an event's own report gives of who took part (not of its parts, nor of
    the series), as labelled: "150+ attendees; 18 ...", "与会人员150余人；..."."""
    f = ctx.dossier.figures
    keep = (f["event_id"] == event_id) & f["headline"].fillna(False).astype(bool)
    rows = f[keep & _participation(f)]
    if rows.empty:
        return None
    zh = ctx.language == "zh"
    labels = _labels(rows, ctx.language)
    shown = [
        f"{m}{lab}" if zh else f"{lab} {m}" for m, lab in zip(rows["metric"], labels, strict=True)
    ]
    return ("；" if zh else "; ").join(shown)


def _note(parts: list[str], language: str) -> str:
    text = ("；" if language == "zh" else "; ").join(parts)
    return text[:1].upper() + text[1:] if language != "zh" else text


def series_table(ctx) -> pd.DataFrame:
    """The series stop by stop as the chapter's table shows it: where the article gives
    no date or participation for a stop but the report of that stop does (series_facts),
    the report's are shown, and its rows come back as `reported` for the source note; a
    stop that is an event of the package with counts of its own (Baoding) shows those.
    The note says where each row's values come from, in the run's language, and which
    row is this dossier's event: never "not stated" beside a value the row shows."""
    s = series(ctx)
    s["date"] = [d.strftime("%Y-%m-%d") if pd.notna(d) else pd.NA for d in s["date"]]
    # A stop that is an event of the package spans the event's days, written as the
    # timelines and the prose write them (`day_span`: 5–6 July 2017, not "2017-07-05").
    events = ctx.dossier.events.set_index("event_id")
    for i, r in s.iterrows():
        if not isinstance(r["event_id"], str) or r["event_id"] not in events.index:
            continue
        start, end = events.loc[r["event_id"], ["start_date", "end_date"]]
        if pd.notna(start) and pd.notna(end) and end > start:
            s.loc[i, "date"] = day_span(start, end, ctx.language)
    s["participants"] = s["participants"].astype("string")
    facts = series_facts(ctx)
    used = []
    reported: set[int] = set()
    for position, group in facts.groupby("position"):
        row = s["position"] == position
        if not row.any():
            continue
        dates = group[group["field"] == "date"]
        if len(dates) and s.loc[row, "date"].isna().all():
            # A stop's report dates it by month (series_facts): as the reader writes it,
            # 2014年11月 / November 2014, as `targets.series_frame` does, not 2014-11.
            s.loc[row, "date"] = month(str(dates["value"].iloc[0]), ctx.language)
            used.append(dates)
            reported.add(int(position))
        # Every count the stop's report gives of who came, in the order the stop's own
        # table gives them (the agencies, then the rest), so the two tables agree.
        counts = pd.concat([group[group["field"] == f] for f in ("agencies", "participants")])
        if len(counts) and s.loc[row, "participants"].isna().all():
            zh = ctx.language == "zh"
            labels = []
            for _, c in counts.drop_duplicates("field").iterrows():
                label = figure_label(int(float(c["value"])), c["qualifier"], ctx.language)
                labels.append(f"{label}{c['unit_zh']}" if zh else f"{label} {c['unit_en']}")
            s.loc[row, "participants"] = ("；" if zh else "; ").join(labels)
            used.append(counts)
            reported.add(int(position))
    notes = []
    counted: list[str] = []
    for i, r in s.iterrows():
        parts = []
        if isinstance(r["event_id"], str) and r["event_id"] == ctx.event_id:
            parts.append(t("series_note_this", ctx.language))
        if int(r["position"]) in reported:
            parts.append(t("series_note_reported", ctx.language))
        elif pd.isna(r["participants"]) and isinstance(r["event_id"], str):
            own = _counts_of(ctx, r["event_id"])
            if own is not None:
                s.loc[i, "participants"] = own
                counted.append(r["event_id"])
                parts.append(t("series_note_event", ctx.language))
        if pd.isna(s.loc[i, "date"]) and pd.isna(s.loc[i, "participants"]):
            parts.append(t("series_note_none", ctx.language))
        elif pd.isna(s.loc[i, "participants"]):
            parts.append(t("series_note_no_count", ctx.language))
        notes.append(_note(parts, ctx.language))
    s["note"] = notes
    figures = ctx.dossier.figures
    own_rows = figures[figures["event_id"].isin(counted) & figures["headline"].fillna(False)]
    own_rows = own_rows[_participation(own_rows)]
    s.attrs["reported"] = pd.concat([*used, own_rows]) if used or len(own_rows) else facts.iloc[0:0]
    return s


def series_reach(ctx) -> pd.DataFrame:
    figures = ctx.dossier.figures
    out = figures[figures["figure_id"].isin(SERIES_FIGURES)].copy()
    if not event_in_range(ctx):
        out = out.iloc[0:0]
    out["label"] = _labels(out, ctx.language)
    return out.reset_index(drop=True)


# -- policies ------------------------------------------------------------------------------


def _month_span(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """A stated date as a span: "2016-12" is the whole month, "2016-12-30" one day."""
    if len(value) == 7:
        start = pd.Timestamp(value + "-01")
        return start, start + pd.offsets.MonthEnd(0), "month"
    if len(value) == 4:
        start = pd.Timestamp(value + "-01-01")
        return start, start + pd.offsets.YearEnd(0), "year"
    day = pd.Timestamp(value)
    return day, day, "day"


def date_text(kind: str, value, start, end, language: str) -> str:
    """A policy's date in words, saying which date it is: "published 21 June 2017",
    "signed 30 December 2016", "held December 2016", "period 2017–2025"; "not stated"
    without one."""
    if kind == "none":
        return t("not_stated", language)
    if kind == "period":
        dash = "—" if language == "zh" else "–"
        last = f"{dash}{end.year}" if pd.notna(end) and end.year != start.year else ""
        years = f"{start.year}{last}" + ("年" if language == "zh" else "")
        return t("date_shown_period", language).format(date=years)
    return t(f"date_shown_{kind}", language).format(date=stated_date(str(value), language))


def period_text(start, end, language: str) -> str | None:
    """A document's period as its sources state it: "2016–2020"; a start no page states is
    said to be unknown ("to 2020, start not stated"), never left to a "?"; None when
    neither end is stated."""
    if pd.isna(start) and pd.isna(end):
        return None
    if pd.isna(start):
        return t("period_open_start", language).format(end=int(end))
    if pd.isna(end):
        return t("period_open_end", language).format(start=int(start))
    dash = "—" if language == "zh" else "–"
    return f"{int(start)}{dash}{int(end)}" + ("年" if language == "zh" else "")


def _where(policy: pd.Series, orgs: pd.DataFrame, language: str):
    """Where a policy applies, as a reader names it: its jurisdiction's label and, for a
    municipal document, the city of its issuer ("Baoding, Hebei", 河北保定), which the
    jurisdiction alone ("Hebei") would leave reading as a provincial document's."""
    jur = policy.get("jurisdiction")
    if not isinstance(jur, str):
        return pd.NA
    label = t(jur, language) if has(jur) else jur
    issuer = policy.get("issuer_org_id")
    city = orgs.at[issuer, "locality"] if isinstance(issuer, str) and issuer in orgs.index else None
    if policy.get("level") != "municipal" or not isinstance(city, str) or not has(city):
        return label
    return f"{label}{t(city, language)}" if language == "zh" else f"{t(city, language)}, {label}"


@memoised
def policies(ctx) -> pd.DataFrame:
    """Policies with a display title, the span on the timeline and a `dated` flag.

    The timeline uses, in order: the official signed date, the published date, a period
    stated in the title or text (e.g. 2017-2025), a month or day the article gives
    (`date`); otherwise the policy is undated."""
    p = ctx.dossier.policies.copy()
    lang = ctx.language
    p["display_title"] = [policy_title(r, lang) for _, r in p.iterrows()]
    starts, ends, precision, basis, kinds, values = [], [], [], [], [], []
    for _, r in p.iterrows():
        value = pd.NA
        if pd.notna(r.get("signed_date")):
            value = str(r["signed_date"])[:10]
            s, e, prec = _month_span(value)
            kind = "signed"
        elif pd.notna(r.get("published_date")):
            value = str(r["published_date"])[:10]
            s, e, prec = _month_span(value)
            kind = "published"
        elif pd.notna(r.get("period_start")):
            s = pd.Timestamp(f"{int(r['period_start'])}-01-01")
            end_year = r.get("period_end")
            e = pd.Timestamp(f"{int(end_year)}-12-31") if pd.notna(end_year) else s
            prec, kind = "period", "period"
        elif pd.notna(r.get("date")):
            value = str(r["date"])
            s, e, prec = _month_span(value)
            kind = r.get("date_kind") if isinstance(r.get("date_kind"), str) else "date"
        else:
            s = e = pd.NaT
            prec, kind = "unknown", "none"
        starts.append(s)
        ends.append(e)
        precision.append(prec)
        kinds.append(kind)
        values.append(value)
        basis.append(t("not_stated", lang) if kind == "none" else t(f"basis_{kind}", lang))
    p["start"], p["end"], p["precision"], p["basis"] = starts, ends, precision, basis
    # Which date a policy is placed by (signed, published, its period, the day it was held
    # or accepted, "none") and that date as stated: every table, chart and sentence that
    # dates a policy reads these two and `date_text`, so none can show the signed date
    # while another draws the published one.
    p["date_kind"], p["date_value"] = kinds, values
    p["date_text"] = [
        date_text(k, v, s, e, lang) for k, v, s, e in zip(kinds, values, starts, ends, strict=True)
    ]
    p["period_text"] = [
        period_text(a, b, lang) for a, b in zip(p["period_start"], p["period_end"], strict=True)
    ]
    p["dated"] = p["start"].notna()
    orgs = ctx.dossier.localised("en").organisations.set_index("org_id")
    p["where"] = [_where(r, orgs, lang) for _, r in p.iterrows()]
    cut = ctx.as_of_date
    if cut is not None:
        p = p[~p["dated"] | (p["start"] <= cut)]
    p = p[matches_jurisdiction(p, ctx.jurisdiction)]
    p = p[~_elsewhere(ctx, p)]
    return p.reset_index(drop=True)


def event_province(ctx) -> str | None:
    """The province-level jurisdiction the event was held in: the last part of its place
    ("Baoding, Hebei"; "Huaming High-tech Zone, Dongli District, Tianjin"), where that
    names one; None otherwise. Read from the English values: a Chinese edition's place is
    written as printed (东丽区华明高新区)."""
    events = ctx.dossier.localised("en").events.set_index("event_id")
    place = events.loc[ctx.event_id, "place"]
    if not isinstance(place, str):
        return None
    last = place.rsplit(",", 1)[-1].strip()
    return last if last in schema.provinces() else None


def _elsewhere(ctx, p: pd.DataFrame) -> pd.Series:
    """Policies of a province other than the event's that its sources do not cite: such a
    policy was neither named at the event nor in force where it was held (a Hebei plan of
    2016 has no relation to a Tianjin activity of 2014), so a variant leaves it out."""
    home = event_province(ctx)
    if home is None:
        return pd.Series(False, index=p.index)
    cited = set(event_citations(ctx)["policy_id"])
    local = p["level"].isin(["provincial", "municipal"]) & p["jurisdiction"].notna()
    return (local & (p["jurisdiction"] != home) & ~p["policy_id"].isin(cited)).astype(bool)


def elsewhere_provinces(ctx) -> list[str]:
    """The provinces whose plans with targets `policies` leaves out as not the event's
    (`_elsewhere`), for the sentence that says so."""
    p = ctx.dossier.policies
    p = p[p["policy_id"].isin(set(ctx.dossier.indicators["policy_id"]))]
    p = p[matches_jurisdiction(p, ctx.jurisdiction)]
    return sorted(set(p.loc[_elsewhere(ctx, p), "jurisdiction"]))


@memoised
def event_citations(ctx) -> pd.DataFrame:
    """Citations made at this event (at it or one of its parts), and those its own report
    makes without naming a part (SIPO's description of the series in the article)."""
    c = ctx.dossier.citations
    source = event(ctx)["source_id"]
    at_event = c["event_id"].isin(event_ids(ctx))
    in_report = c["event_id"].isna() & (c["source_id"] == source)
    return c[(at_event | in_report).fillna(False).astype(bool)]


@memoised
def cited_policies(ctx) -> pd.DataFrame:
    """The policies cited at this dossier's event (the package also knows documents cited
    at other events, or found on other pages, such as the plan that succeeded one cited)."""
    p = policies(ctx)
    cited = set(event_citations(ctx)["policy_id"])
    return p[p["policy_id"].isin(cited)].reset_index(drop=True)


def evidence_sources(ctx, policy_ids) -> pd.DataFrame:
    """The pages that state the official facts of these documents (policy_evidence: their
    numbers, issuers, dates, periods, validity and Chinese titles), as rows a source note
    cites (`source_id`, no paragraph): a chart or table that prints those facts cites the
    pages they were read on, not only the article that named the documents."""
    ev = ctx.dossier.policy_evidence
    ev = ev[ev["policy_id"].isin(set(policy_ids))]
    return pd.DataFrame(
        {"source_id": list(dict.fromkeys(ev["source_id"])), "para": pd.NA}
    ).astype({"para": "Int64"})


def series_position(ctx) -> int | None:
    """This event's place in SIPO's series, where the series lists it."""
    s = ctx.dossier.series
    rows = s[s["event_id"] == ctx.event_id]
    return int(rows["position"].iloc[0]) if len(rows) else None


def citations(ctx) -> pd.DataFrame:
    """Who cited which policy: speaker (or organisation) and policy, with the locator."""
    d = ctx.dossier
    c = event_citations(ctx).copy()
    people = d.people.set_index("person_id")["name"]
    orgs = d.organisations.set_index("org_id")["name"]
    c["citer"] = c["person_id"].map(people).fillna(c["org_id"].map(orgs))
    pol = policies(ctx).set_index("policy_id")
    c = c[c["policy_id"].isin(pol.index)].copy()
    c["policy"] = c["policy_id"].map(pol["display_title"])
    c["level"] = c["policy_id"].map(pol["level"])
    return c.reset_index(drop=True)


def hierarchy(ctx) -> pd.DataFrame:
    """Policies the article cites with their stated parent; `parent_policy_id` empty
    means none is stated."""
    p = cited_policies(ctx)
    return p[
        [
            "policy_id",
            "title",
            "display_title",
            "level",
            "jurisdiction",
            "where",
            "kind",
            "parent_policy_id",
            "source_id",
            "para",
        ]
    ].reset_index(drop=True)


# -- targets and outcomes ------------------------------------------------------------------

# A target is met when the realised value reaches it. A lower bound ("more than 2,250")
# that falls short, or an upper bound that passes, cannot settle it either way.
STATUSES = ["met", "missed", "conflict", "unknown"]

# What a value covers is data (observations.period_kind, period_start, period_end): a
# year, part of a year counted from its start, a level on a day, a running total, a span.
# Only a year's value, or a level or running total as it stood on 31 December, is the
# year's; anything else keeps its period wherever it is shown.
WHOLE_YEAR_KINDS = {"point", "cumulative"}


def _in_scope(df: pd.DataFrame, jurisdiction: str) -> pd.Series:
    if jurisdiction == "national":
        return (df["level"] == "national").fillna(False).astype(bool)
    return matches_jurisdiction(df, jurisdiction)


@memoised
def indicators(ctx) -> pd.DataFrame:
    """The plans' indicators in scope, with the plan's signed date, names in the run's
    language, and the plan's title."""
    d = ctx.dossier
    ind = d.indicators.copy()
    pol = policies(ctx).set_index("policy_id")
    ind = ind[ind["policy_id"].isin(pol.index)]
    ind["plan"] = ind["policy_id"].map(pol["display_title"])
    ind["period_start"] = ind["policy_id"].map(pol["period_start"])
    # The year the plan started to apply: its period, else the year it was first dated.
    ind["plan_start"] = ind["period_start"].fillna(ind["policy_id"].map(pol["start"].dt.year))
    zh = ctx.language == "zh"
    ind["name"] = ind["name_zh"] if zh else ind["name_en"]
    ind["unit"] = ind["unit_zh"] if zh else ind["unit_en"]
    ind = ind[_in_scope(ind, ctx.jurisdiction)]
    return ind.sort_values(["level", "policy_id", "position"]).reset_index(drop=True)


def period_label(kind, start, end, language: str = "en", year=None) -> str:
    """When a value applies, in words: "2020" for a whole year (or a level at its end),
    "Jan-Aug 2020" for a stretch from 1 January, "end-June 2019" for a value as it stood
    on a day, "2016-2020" for a span. Without a kind (a plan's baseline or target), the
    year `year`."""
    zh = language == "zh"
    if not isinstance(kind, str) or pd.isna(end):
        return t("period_year", language).format(year=int(year))
    end = pd.Timestamp(end)
    start = (
        pd.Timestamp(start)
        if isinstance(start, str) or isinstance(start, pd.Timestamp) and pd.notna(start)
        else pd.NaT
    )
    if kind == "year" or (kind in WHOLE_YEAR_KINDS and (end.month, end.day) == (12, 31)):
        return t("period_year", language).format(year=end.year)
    if kind == "span":
        if pd.isna(start):
            return t("period_to", language).format(year=end.year)
        return t("period_years", language).format(first=start.year, last=end.year)
    if kind == "part_year" and pd.notna(start) and (start.month, start.day) == (1, 1):
        return t("period_span", language).format(
            year=end.year,
            first=start.month if zh else f"{start:%b}",
            last=end.month if zh else f"{end:%b}",
        )
    if kind == "part_year" and pd.notna(start):
        return t("period_between", language).format(
            first=period_label("point", start, start, language),
            last=period_label("point", end, end, language),
        )
    if end == end + pd.offsets.MonthEnd(0):
        return t("period_month_end", language).format(
            year=end.year, month=end.month if zh else f"{end:%B}"
        )
    return t("period_day", language).format(
        year=end.year, month=end.month if zh else f"{end:%B}", day=end.day
    )


@memoised
def observations(ctx) -> pd.DataFrame:
    """Realised values of the indicators in scope; with `as_of`, only values for periods
    that had ended by then (a year, or the part of it that `period_end` gives).

    Each value is dated by the end of its period (`dated`: 31 December for a whole year,
    else `period_end`), and carries its period in words (`period_label`) and whether it
    covers only part of its year (`part_year`)."""
    obs = ctx.dossier.observations.copy()
    obs = obs[obs["indicator_id"].isin(indicators(ctx)["indicator_id"])]
    obs["dated"] = pd.to_datetime(obs["period_end"])
    cut = ctx.as_of_date
    if cut is not None:
        obs = obs[obs["dated"] <= cut]
    obs["unit"] = obs["unit_zh"] if ctx.language == "zh" else obs["unit_en"]
    year_end = (obs["dated"].dt.month == 12) & (obs["dated"].dt.day == 31)
    obs["whole_year"] = (obs["period_kind"] == "year") | (
        obs["period_kind"].isin(WHOLE_YEAR_KINDS) & year_end
    )
    # Part of one year: counted from some day of a year to a day before its end, or a
    # level on a day that is not 31 December. A span (several years, or "to 2020" over
    # the plan period) is not: it covers more than a year, and its label says which.
    obs["part_year"] = (obs["period_kind"] == "part_year") | (
        obs["period_kind"].isin(WHOLE_YEAR_KINDS) & ~year_end
    )
    obs["from_january"] = obs["period_kind"] == "part_year"
    obs["period_label"] = [
        period_label(k, s, e, ctx.language)
        for k, s, e in zip(obs["period_kind"], obs["period_start"], obs["period_end"], strict=True)
    ]
    return obs.sort_values(["indicator_id", "dated", "observation_id"]).reset_index(drop=True)


def against_target(obs: pd.DataFrame, reading) -> pd.Series:
    """Which values can be set against a target read as `reading`: a level target takes
    values of a year or a day, a total over the plan period takes a value over a span, a
    running total a cumulative value, an average growth a growth; an unresolved reading
    takes none (a verdict would choose one reading silently)."""
    kind = obs["period_kind"]
    reading = reading if isinstance(reading, str) else None
    if reading == "unresolved":
        return pd.Series(False, index=obs.index)
    if reading == "total":
        return kind == "span"
    if reading == "cumulative":
        return kind == "cumulative"
    return kind != "span" if reading == "level" else pd.Series(True, index=obs.index)


def _status(value: float, qualifier: str, target: float) -> str:
    if qualifier == "at_least":
        return "met" if value >= target else "unknown"
    if qualifier == "at_most":
        return "missed" if value < target else "unknown"
    return "met" if value >= target else "missed"


def _whole_year(obs: pd.DataFrame, year) -> pd.DataFrame:
    """Comparable values stated for the whole of `year` (or its end)."""
    keep = obs["comparable"].fillna(False).astype(bool) & (obs["year"] == year)
    return obs[keep & obs["whole_year"] & obs["value"].notna()]


def _reached(dated: pd.DataFrame, target: float) -> pd.Series | None:
    """The first value from which every later comparable value meets the target."""
    first = None
    for _, o in dated.iterrows():
        if _status(float(o["value"]), str(o["qualifier"]), target) == "met":
            first = o if first is None else first
        elif not o.get("from_january", False):
            # A count from January that falls short says nothing of the whole year.
            first = None
    return first


def _met_in_part(dated: pd.DataFrame, target: float, reached: pd.Series | None) -> str | None:
    """The first period before `reached`'s from which every period has a value meeting the
    target, where some period's other value falls short (two counts of one target, one
    above it, one below): the verdict names it, so that a value that met the target
    earlier is not left contradicting "met in". None where there is no such period."""
    if reached is None:
        return None
    start = None
    for label, group in dated.groupby("period_label", sort=False):
        if label == reached["period_label"]:
            break
        met = [
            _status(float(v), str(q), target) == "met"
            for v, q in zip(group["value"], group["qualifier"], strict=True)
        ]
        if any(met):
            start = label if start is None else start
        elif not group.get("from_january", pd.Series(False, index=group.index)).all():
            start = None
    return start


# The observation columns `progress` reads (and `_whole_year`, `_reached`).
_PROGRESS_READS = (
    "indicator_id", "observation_id", "period_kind", "comparable", "value", "qualifier",
    "dated", "year", "whole_year", "period_label", "claim", "from_january",
)


@memoised
def progress(ctx) -> pd.DataFrame:
    """Per indicator and jurisdiction: baseline, target, the realised value(s) the verdict
    rests on with their period, the share of the planned change achieved (derived), the
    status and, in words, the verdict (`status_text`). Every chart, table and sentence of
    the targets chapter reads these columns; none derives a status of its own.

    Values used are the comparable observations with a value, dated by the end of their
    period, from the plan's first year to the end of the target year (after `as_of`, none).

    1. A whole-year value for the target year exists (`basis` "final"): the status is
       met or missed by it; two such values leading to different verdicts are "conflict";
       a lower bound short of the target (or an upper bound past it) is "unknown". When
       met, `reached` is the period of the first value from which every later one meets
       the target ("met by 2019").
    2. No such value, but the latest value before the end of the target year meets the
       target (`basis` "early"): "met", reached when rule 1 says, and the text says the
       end of the plan period was not reported ("met by end-June 2019 (2020 value not
       reported)"). A value for part of a year meets an annual target only if it already
       reaches it: what is counted from January cannot fall later in the year, and a
       level reached is a level reached.
    3. The latest value falls short and the target year has no whole-year value
       (`basis` "open"): "unknown", yet the value is shown with its period ("not settled:
       only a Jan-Aug 2020 value"): a part-year or earlier value is never the year's.
    4. No comparable value (`basis` "none"): "unknown: no realised value found". Related
       measures never decide a target; a source's claim that it was met is a flag
       (`claimed`), not a verdict.
    """
    ind = indicators(ctx)
    obs = observations(ctx)
    # Each indicator's observations, split once and only the columns read here: a filter
    # of the whole frame per indicator copied every column of it (a fifth of the chapter).
    obs = obs[[c for c in _PROGRESS_READS if c in obs.columns]]
    by_indicator = dict(tuple(obs.groupby("indicator_id", sort=False)))
    none = obs.iloc[0:0]
    lang = ctx.language
    disputed = _disputed_baselines(ctx)
    sources = ctx.dossier.sources.set_index("source_id")
    mirrored = set(sources.index[sources["host_kind"].astype("string") == "unknown_mirror"])
    rows = []
    for _, i in ind.iterrows():
        base, target = i["baseline_value"], i["target_value"]
        mine = by_indicator.get(i["indicator_id"], none)
        like = mine[against_target(mine, i.get("reading"))]
        comparable = like[like["comparable"].fillna(False).astype(bool) & like["value"].notna()]
        # Values of the measure that the target's reading rules out (a year's exports
        # against a five-year total): shown apart, never set against the target.
        unlike = len(mine) - len(like)
        target_end = pd.Timestamp(f"{int(i['target_year'])}-12-31")
        start = i["plan_start"] if pd.notna(i["plan_start"]) else i["target_year"] - 5
        in_plan = comparable[
            (comparable["dated"] <= target_end)
            & (comparable["dated"] >= pd.Timestamp(f"{int(start)}-01-01"))
        ]
        final = _whole_year(like, i["target_year"])
        basis, used = "none", final.iloc[0:0]
        if pd.isna(target) and not comparable.empty:
            # No target value found: the latest value is shown, and no verdict drawn.
            basis = "no_target"
            used = comparable[comparable["dated"] == comparable["dated"].max()]
        if pd.notna(target) and not final.empty:
            basis, used = "final", final
        elif pd.notna(target) and not in_plan.empty:
            used = in_plan[in_plan["dated"] == in_plan["dated"].max()]
            basis = "open"
        used = used.drop_duplicates(["value", "qualifier", "dated"])
        values = list(dict.fromkeys(zip(used["value"], used["qualifier"], strict=True)))
        verdicts = (
            {_status(float(v), str(q), float(target)) for v, q in values}
            if pd.notna(target)
            else set()
        )
        if basis == "open":
            basis = "early" if verdicts == {"met"} else "open"
            verdicts = {"met"} if basis == "early" else {"unknown"}
        status = verdicts.pop() if len(verdicts) == 1 else "conflict" if verdicts else "unknown"
        realised, qualifier = values[0] if len(values) == 1 else (pd.NA, pd.NA)
        reached = _reached(in_plan, float(target)) if status == "met" else None
        partly = _met_in_part(in_plan, float(target), reached) if status == "met" else None
        # Whose baseline it is, as the data says: the plan's (its year stated, or assumed
        # where the source gives none) or a value observed for the year.
        base_basis = (
            (i.get("baseline_basis") if pd.notna(i.get("baseline_basis")) else "plan")
            if pd.notna(base)
            else pd.NA
        )
        base_ids: list[str] = []
        if pd.isna(base):
            # No baseline from the plan: a comparable value observed in the year before
            # the plan's period stands in, flagged as such.
            year = i["baseline_year"] if pd.notna(i["baseline_year"]) else i["period_start"] - 1
            seen = _whole_year(mine, year)
            seen = seen[seen["qualifier"] == "exact"]
            if seen["value"].nunique() == 1:
                base, base_basis = float(seen["value"].iloc[0]), "observed"
                base_ids = list(seen["observation_id"])
        share = pd.NA
        if len(values) == 1 and pd.notna(base) and pd.notna(target) and target != base:
            share = (float(realised) - float(base)) / (float(target) - float(base))
        claims = mine[mine["claim"].notna()]
        first = used.drop_duplicates(["value", "qualifier"])
        row = {
            **i.to_dict(),
            "baseline_value": base,
            "baseline_basis": base_basis,
            "realised_value": realised,
            "realised_qualifier": qualifier,
            "realised_values": [float(v) for v, _ in values],
            "realised_periods": list(first["period_label"]),
            "realised_dates": list(first["dated"]),
            "realised_ids": list(used["observation_id"]),
            "baseline_ids": base_ids,
            # Other values the sources give for the plan's baseline year, where they
            # disagree with it (the values table's conflict): the share is still measured
            # from the plan's own baseline, and every path that prints it says so.
            "baseline_disputed": (
                disputed.get(i["indicator_id"], []) if pd.notna(i["baseline_value"]) else []
            ),
            # A target read only on an unknown mirror's copy (check.mirror_only lists it):
            # every verdict against it says so.
            "target_on_mirror": pd.notna(target) and i.get("target_source_id") in mirrored,
            "realised_year": int(used["year"].iloc[0]) if len(used) else pd.NA,
            "realised_period": first["period_label"].iloc[0] if len(first) else pd.NA,
            "part_year": basis in ("early", "open", "no_target"),
            "basis": basis,
            "reached": reached["period_label"] if reached is not None else pd.NA,
            "met_in_part": partly if partly is not None else pd.NA,
            # The values the verdict's words name besides those it rests on: the first
            # that met the target ("met by 2019") and a source's claim, for the source note.
            "cited_ids": (
                ([reached["observation_id"]] if reached is not None else [])
                + [
                    o["observation_id"]
                    for _, o in in_plan[in_plan["period_label"] == partly].iterrows()
                    if _status(float(o["value"]), str(o["qualifier"]), float(target)) == "met"
                ]
                + list(claims["observation_id"])
            ),
            "reached_date": reached["dated"] if reached is not None else pd.NaT,
            "share": share,
            "status": status,
            "claimed": not claims.empty,
            "claim_years": sorted({int(y) for y in claims["year"]}),
            "related": int((~mine["comparable"].fillna(False).astype(bool)).sum()),
            "unlike": unlike,
        }
        row["why"] = unknown_reason(row) if status == "unknown" else pd.NA
        row["status_text"] = status_text(row, lang)
        rows.append(row)
    out = pd.DataFrame(rows)
    if out.empty:
        return ind.assign(
            status=pd.Series(dtype="string"),
            why=pd.Series(dtype="string"),
            status_text=pd.Series(dtype="string"),
        )
    return out


def _disputed_baselines(ctx) -> dict[str, list[float]]:
    """Per indicator, the values other sources give for the year of the plan's baseline
    that conflict with it (`values`' conflict, so that the chart and the values table
    say the same), in the order the values table lists them."""
    v = values(ctx)
    if v.empty:
        return {}
    clash = v[v["conflict"]]
    out: dict[str, list[float]] = {}
    for b in clash[clash["role"] == "baseline"].itertuples():
        others = clash[
            (clash["indicator_id"] == b.indicator_id)
            & (clash["year"] == b.year)
            & (clash["role"] == "observation")
            & (clash["value"] != b.value)
        ]
        out[b.indicator_id] = list(dict.fromkeys(float(x) for x in others["value"]))
    return out


def unknown_reason(r: dict) -> str:
    """Why a `progress` row with status "unknown" is unknown, decided once: its verdict
    in words (`status_text`) and the summary's reasons read it. "open" (the latest value
    falls short, no whole-year value of the target year), "bound" (a bound short of the
    target), "no_target", "reading_unresolved" / "reading_total" / "reading_cumulative"
    (no value of the target's reading), "related" (related measures only), "none"."""
    basis = r["basis"]
    if basis == "open":
        return "open"
    if basis == "final":
        return "bound"
    if basis == "no_target" or pd.isna(r.get("target_value")):
        return "no_target"
    if r.get("reading") in ("unresolved", "total", "cumulative") and r.get("unlike"):
        return f"reading_{r['reading']}"
    return "related" if r.get("related") else "none"


def status_text(r: dict, language: str = "en") -> str:
    """The verdict of a `progress` row in words (rules in `progress`)."""
    year = int(r["target_year"]) if pd.notna(r.get("target_year")) else ""
    status, basis = r["status"], r["basis"]
    period = r.get("realised_period")
    if status == "met":
        reached = r.get("reached")
        whole = t("period_year", language).format(year=year)
        if basis == "early":
            text = t("verdict_met_early", language).format(when=reached or period, year=year)
        elif isinstance(reached, str) and reached != whole:
            text = t("verdict_met_by", language).format(when=reached)
        else:
            text = t("verdict_met_in", language).format(when=whole)
        if isinstance(r.get("met_in_part"), str):
            text += t("verdict_met_in_part", language).format(when=r["met_in_part"])
    elif status == "missed":
        text = t("verdict_missed", language).format(when=period)
    elif status == "conflict":
        text = t("status_conflict", language)
    else:
        why = r["why"]  # set by `progress` for every unknown row
        # "no_target": the target itself was not found, nothing to set the values against;
        # "reading_*": no value of the target's reading, the values measure something else.
        key = {"related": "verdict_related", "none": "status_unknown"}.get(why, f"verdict_{why}")
        text = t(key, language).format(when=period, year=year)
    sep = "；" if language == "zh" else "; "
    # An unresolved reading or a missing target: the verdict already says why.
    doubt = r.get("reading") != "unresolved" and pd.notna(r.get("target_value"))
    if (
        doubt
        and isinstance(r.get("target_note"), str)
        and r["target_note"].strip()
        and status != "met"
    ):
        text += sep + t("verdict_target_doubt", language)
    if r.get("claimed") and status != "met":
        years = "、".join(str(y) for y in r.get("claim_years", []))
        text += sep + t("claimed", language).format(years=years)
    return text


@memoised
def values(ctx) -> pd.DataFrame:
    """Every value behind the chapter, one row each: baselines and targets from the
    plans, realised values from observations, with their source and flags."""
    ind = indicators(ctx).set_index("indicator_id", drop=False)
    rows = []
    for _, i in ind.iterrows():
        for role in ("baseline", "target"):
            if pd.isna(i[f"{role}_value"]) and pd.isna(i[f"{role}_source_id"]):
                continue
            rows.append(
                {
                    "indicator_id": i["indicator_id"],
                    "indicator": i["name"],
                    "role": role,
                    "year": i[f"{role}_year"],
                    "value": i[f"{role}_value"],
                    "unit": i["unit"],
                    "scale": i["scale"],
                    "qualifier": i[f"{role}_qualifier"],
                    "comparable": True,
                    "measure_note": i["target_note"] if role == "target" else pd.NA,
                    "claim": pd.NA,
                    "period": pd.NA,
                    "period_label": (
                        period_label(pd.NA, pd.NaT, pd.NaT, ctx.language, year=i[f"{role}_year"])
                        if pd.notna(i[f"{role}_year"])
                        else pd.NA
                    ),
                    "part_year": False,
                    "whole_year": True,
                    "estimate": False,
                    # A baseline whose year the source does not give (2020 assumed): said
                    # in its row, beside any conflict with a value reported for that year.
                    "year_assumed": role == "baseline"
                    and i.get("baseline_basis") == "plan_year_assumed",
                    "jurisdiction": i["jurisdiction"],
                    "observation_id": pd.NA,
                    "source_id": i[f"{role}_source_id"],
                    "quote": i[f"{role}_quote"],
                }
            )
    obs = observations(ctx)
    reading = ind["reading"] if "reading" in ind else pd.Series(pd.NA, index=ind.index)
    against = pd.Series(False, index=obs.index)
    for iid, group in obs.groupby("indicator_id"):
        against[group.index] = against_target(group, reading.get(iid))
    for k, o in obs.iterrows():
        rows.append(
            {
                "indicator_id": o["indicator_id"],
                "indicator": ind.loc[o["indicator_id"], "name"],
                "role": "observation",
                "year": o["year"],
                "value": o["value"],
                "unit": o["unit"],
                "scale": o["scale"],
                "qualifier": o["qualifier"],
                "comparable": bool(o["comparable"]),
                "measure_note": o["measure_note"],
                "claim": o["claim"],
                "period": o["period"],
                "period_label": o["period_label"],
                "part_year": bool(o["part_year"]),
                "whole_year": bool(o["whole_year"]),
                "estimate": bool(pd.notna(o.get("estimate")) and o.get("estimate")),
                # Comparable in kind, yet not of the target's reading (see against_target).
                "unlike": bool(o["comparable"]) and not bool(against[k]),
                "reading": reading.get(o["indicator_id"]),
                "jurisdiction": ind.loc[o["indicator_id"], "jurisdiction"],
                "observation_id": o["observation_id"],
                "source_id": o["source_id"],
                "quote": o["quote"],
            }
        )
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    # Two comparable values for one indicator and year that differ: a conflict, shown
    # as both values.
    # A plan's baseline counts here too: the 750亿元 the plan gives for 2015 against the
    # 848.5亿元 reported for that year.
    whole = out["role"].isin(["baseline", "observation"]) & out["comparable"]
    whole &= out["value"].notna() & out["whole_year"]
    counts = out[whole].groupby(["indicator_id", "year"])["value"].nunique()
    clash = set(counts[counts > 1].index)
    # Values whose sources say what each counts, and say it differently (PCT applications
    # received by CNIPA as receiving office against WIPO's count by applicant origin), are
    # different measures of one subject: they differ because they count different things,
    # and are flagged so (`measures_differ`), not as a conflict. A conflict is two values
    # of one measure that disagree: at least two rows of the year without such a note, or
    # with the same note.
    notes = out["measure_note"].where(out["measure_note"].apply(lambda v: isinstance(v, str)))
    measured = out[whole].assign(_note=notes[whole])
    differ: set[tuple] = set()
    for key, g in measured.groupby(["indicator_id", "year"]):
        if key not in clash:
            continue
        # One value per stated measure, and every value states its measure.
        if g["_note"].notna().all() and g.groupby("_note")["value"].nunique().max() == 1:
            differ.add(key)
    out["measures_differ"] = [
        bool(w) and (r.indicator_id, r.year) in differ
        for w, r in zip(whole, out.itertuples(), strict=True)
    ]
    out["conflict"] = [
        bool(w) and (r.indicator_id, r.year) in clash - differ
        for w, r in zip(whole, out.itertuples(), strict=True)
    ]
    out["unverified"], out["held_elsewhere"] = _unverified(ctx, out)
    order = {"baseline": 0, "target": 2, "observation": 1}
    out = out.assign(_o=out["role"].map(order)).sort_values(
        ["indicator_id", "_o", "year"],
        key=lambda c: c.map(_natural) if c.name == "indicator_id" else c,
    )
    out = out.drop(columns="_o")
    return out.reset_index(drop=True)


def _unverified(ctx, out: pd.DataFrame) -> tuple[list[bool], list[bool]]:
    """Values read only on a page that could not be found again (`recheck` not_found):
    unverified, unless another page, not lost, gives the same indicator the same amount
    for the same year (a plan's baseline counts: 6.3 for 2015 is also gov.cn's). The
    second list marks those held elsewhere: their row still cites the lost page, so its
    flag says the value stands on another page, not that the row needs no flag."""
    sources = ctx.dossier.sources.set_index("source_id")
    lost = set(sources.index[sources["recheck"].astype("string") == "not_found"])
    key = list(zip(out["indicator_id"], out["year"], out["value"], strict=True))
    held = {k for k, sid in zip(key, out["source_id"], strict=True) if sid not in lost}
    rows = list(zip(key, out["source_id"], strict=True))
    return (
        [sid in lost and k not in held for k, sid in rows],
        [sid in lost and k in held for k, sid in rows],
    )


def _natural(key: str) -> tuple:
    """fyp13-2 before fyp13-10."""

    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(key)))


@memoised
def documents(ctx) -> pd.DataFrame:
    """Documents whose official facts were read (number, issuer, dates, period, validity,
    each with its page in policy_evidence): the documents the policy chain draws. Signed
    and published dates, the article's attribution beside the document's own issuer, the
    issuer's English name, and whether the article cites it. `official_text` says whether
    the document's own text was read, or its facts come from reports of it."""
    p = policies(ctx)
    d = ctx.dossier
    evidenced = set(d.policy_evidence["policy_id"])
    official = p[p["policy_id"].isin(evidenced)].copy()
    official["official_text"] = official["official_source_id"].notna()
    orgs = d.organisations.set_index("org_id")["name"]
    official["issuer_in_article"] = official["issuer_org_id"].map(orgs)
    official["issuer_en"] = [issuer_en(ctx, v) for v in official["issuer_as_issued"]]
    # Cited in the report of this dossier's event, not in whatever article first named it.
    official["cited_in_article"] = official["policy_id"].isin(
        set(event_citations(ctx)["policy_id"])
    )
    for col in ("signed_date", "published_date"):
        official[f"{col}_start"] = [
            _month_span(str(v))[0] if pd.notna(v) else pd.NaT for v in official[col]
        ]
    return official.reset_index(drop=True)


def issuer_en(ctx, name_zh) -> str | None:
    """The English name of an issuer as issued (国务院): the organisation's name where the
    package records that Chinese form for it (names_zh, read from a page), else the
    dossier's own translation from the label catalogue (`issuer:国务院办公厅`); None when
    neither has one."""
    if not isinstance(name_zh, str) or not name_zh:
        return None
    return english_names(ctx.dossier).get(name_zh)


def english_names(dossier) -> dict[str, str]:
    """English names of bodies by their Chinese name: an organisation's name where names_zh
    records its Chinese form (read from a page), else the label catalogue's translation of
    an issuer (`issuer:国务院办公厅`)."""
    issuers = [key for key in catalogue() if key.startswith("issuer:")]
    out = {key.removeprefix("issuer:"): t(key, "en") for key in issuers}
    forms = dossier.names_zh
    forms = forms[(forms["resource"] == "organisations") & (forms["column"] == "name")]
    english = dossier.localised("en").organisations.set_index("org_id")["name"]
    for zh, key in zip(forms["zh"], forms["key"], strict=True):
        if key in english.index:
            out[str(zh)] = str(english[key])
    return out


@memoised
def policy_links(ctx, from_scope_only: bool = False) -> pd.DataFrame:
    """Stated links between documents both in scope: those read in official texts and
    news (policy_links.csv) and the article's own ("accepted at the 30th Meeting"). With
    `from_scope_only`, every link of a document in scope, wherever it points (a Hebei
    document implementing a national plan the Hebei filter leaves out)."""
    links = ctx.dossier.policy_links.copy()
    links["stated_in"] = "document"
    p = policies(ctx)
    parent = p[p["parent_policy_id"].notna()]
    article = pd.DataFrame(
        {
            "link_id": "article-" + parent["policy_id"],
            "policy_id": parent["policy_id"],
            "relation": "approved_at",
            "target_policy_id": parent["parent_policy_id"],
            "source_id": parent["source_id"],
            "quote": parent["quote"],
            "stated_in": "article",
        }
    )
    links = pd.concat([links, article], ignore_index=True)
    ids = set(p["policy_id"])
    keep = links["policy_id"].isin(ids)
    if not from_scope_only:
        keep &= links["target_policy_id"].isin(ids)
    return (
        links[keep]
        .drop_duplicates(["policy_id", "relation", "target_policy_id"])
        .reset_index(drop=True)
    )


def series_facts(ctx) -> pd.DataFrame:
    """What reports of the series' stops state, with the stop's place from series.csv;
    with `as_of`, only stops dated on or before it."""
    f = ctx.dossier.series_facts.copy()
    places = ctx.dossier.series.set_index("position")["place"]
    f["place"] = f["position"].map(places)
    cut = ctx.as_of_date
    if cut is not None:
        dates = f[f["field"] == "date"]
        late = {
            pos
            for pos, v in zip(dates["position"], dates["value"], strict=True)
            if _month_span(str(v))[0] > cut
        }
        f = f[~f["position"].isin(late)]
    return f.sort_values(["position", "fact_id"]).reset_index(drop=True)


# How a plan stands to the event: cited there, in force on its date, adopted after it.
RELATIONS = ["cited", "in_force", "after", "before", "undated"]


@memoised
def plan_relations(ctx) -> pd.DataFrame:
    """The plans whose indicators the targets chapter draws, each with its relation to the
    event (`relation`): "cited" when the event's sources cite it; else "after" when it was
    first dated (signed, else published, else its period's first year) after the event's
    date; "in_force" when its period (or, without one, the time since it was issued)
    covers that date; "before" when its period had ended; "undated" when either date is
    unknown. `succeeds` names a plan cited or in force that it succeeds, where a document
    says so (policy_links "succeeded_by")."""
    ind = indicators(ctx)
    p = policies(ctx).set_index("policy_id", drop=False)
    plans = p.loc[[x for x in dict.fromkeys(ind["policy_id"]) if x in p.index]].copy()
    cited = set(event_citations(ctx)["policy_id"])
    when = event_date(ctx)
    relation = []
    for _, r in plans.iterrows():
        first = r["start"]
        end = r["period_end"]
        if r["policy_id"] in cited:
            relation.append("cited")
        elif when is None or pd.isna(first):
            relation.append("undated")
        elif first > when:
            relation.append("after")
        elif pd.notna(end) and pd.Timestamp(f"{int(end)}-12-31") < when:
            relation.append("before")
        else:
            relation.append("in_force")
    plans["relation"] = relation
    links = ctx.dossier.policy_links
    links = links[links["relation"] == "succeeded_by"]
    earlier = dict(zip(links["target_policy_id"], links["policy_id"], strict=True))
    plans["succeeds"] = [earlier.get(x, pd.NA) for x in plans["policy_id"]]
    plans["event_date"] = when
    return plans.reset_index(drop=True)
