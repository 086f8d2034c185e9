"""Derived tables: the data package joined and filtered the way the charts need it.

Every function takes a notebook `Context` (parameters plus the loaded package) and returns
a DataFrame whose rows keep their `source_id` and `para`, so each chart can cite them.
Filters follow the parameters: `jurisdiction` selects by level ("national") or by
province-level jurisdiction ("Beijing", "Tianjin", "Hebei"; Baoding is in Hebei), and
`as_of` drops what is dated after it. What the source does not date is kept and shown
as undated, never guessed.
"""

from __future__ import annotations

import pandas as pd

from .i18n import policy_title, t

LOCATOR = ["source_id", "para"]


def event_ids(ctx) -> list[str]:
    """The event and its parts, ceremony and symposium."""
    events = ctx.dossier.events
    children = events.loc[events["parent_event_id"] == ctx.event_id, "event_id"]
    return [ctx.event_id, *children.dropna()]


def event(ctx) -> pd.Series:
    events = ctx.dossier.events.set_index("event_id", drop=False)
    return events.loc[ctx.event_id]


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


def figure_label(value: int, qualifier: str) -> str:
    """How a figure is printed: 150 at_least -> "150+", 1000 approximately -> "~1,000"."""
    return _QUALIFIER_LABEL.get(qualifier, "{v}").format(v=f"{int(value):,}")


def headline_figures(ctx) -> pd.DataFrame:
    """The headline participation figures of the event (and its parts)."""
    figures = ctx.dossier.figures
    keep = figures["event_id"].isin(event_ids(ctx)) & figures["headline"].fillna(False)
    out = figures[keep].copy()
    if not event_in_range(ctx):
        out = out.iloc[0:0]
    out["label"] = [figure_label(v, q) for v, q in zip(out["value"], out["qualifier"], strict=True)]
    return out.reset_index(drop=True)


# -- who came ------------------------------------------------------------------------------

GROUPS = ["national", "Beijing", "Tianjin", "Hebei", "Baoding", "unknown"]


def _group(org: pd.Series) -> str:
    def val(key: str) -> str | None:
        v = org.get(key)
        return v if isinstance(v, str) else None

    if val("level") == "national":
        return "national"
    jur = val("jurisdiction")
    if jur == "Hebei" and val("locality") == "Baoding":
        return "Baoding"
    if jur in ("Beijing", "Tianjin", "Hebei"):
        return jur
    return "unknown"


def participants(ctx) -> pd.DataFrame:
    """Each named person with a role at the event, with their organisation's level,
    jurisdiction and group (national, Beijing, Tianjin, Hebei province, Baoding)."""
    d = ctx.dossier
    roles = d.roles[d.roles["event_id"].isin(event_ids(ctx))]
    people = d.people.set_index("person_id")
    orgs = d.organisations.set_index("org_id")
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
                "group": _group(org),
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
    cut = ctx.as_of_date
    if cut is not None:
        s = s[s["date"].isna() | (s["date"] <= cut)]
    return s.reset_index(drop=True)


def series_reach(ctx) -> pd.DataFrame:
    figures = ctx.dossier.figures
    out = figures[figures["figure_id"] == "series-reach"].copy()
    if not event_in_range(ctx):
        out = out.iloc[0:0]
    out["label"] = [figure_label(v, q) for v, q in zip(out["value"], out["qualifier"], strict=True)]
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


def policies(ctx) -> pd.DataFrame:
    """Policies with a display title, the span on the timeline and a `dated` flag.

    The timeline uses, in order: the official issue date, a period stated in the title or
    text (e.g. 2017-2025), a month or day the article gives (`date`); otherwise the
    policy is undated."""
    p = ctx.dossier.policies.copy()
    p["display_title"] = [policy_title(r, ctx.language) for _, r in p.iterrows()]
    starts, ends, precision, basis = [], [], [], []
    for _, r in p.iterrows():
        if pd.notna(r.get("issue_date")):
            s, e, prec = _month_span(str(r["issue_date"])[:10])
            b = "issue date (official source)"
        elif pd.notna(r.get("period_start")):
            s = pd.Timestamp(f"{int(r['period_start'])}-01-01")
            end_year = r.get("period_end")
            e = pd.Timestamp(f"{int(end_year)}-12-31") if pd.notna(end_year) else s
            prec, b = "period", "period"
        elif pd.notna(r.get("date")):
            s, e, prec = _month_span(str(r["date"]))
            b = str(r.get("date_kind") or "date")
        else:
            s = e = pd.NaT
            prec, b = "unknown", t("not_stated", ctx.language)
        starts.append(s)
        ends.append(e)
        precision.append(prec)
        basis.append(b)
    p["start"], p["end"], p["precision"], p["basis"] = starts, ends, precision, basis
    p["dated"] = p["start"].notna()
    cut = ctx.as_of_date
    if cut is not None:
        p = p[~p["dated"] | (p["start"] <= cut)]
    p = p[matches_jurisdiction(p, ctx.jurisdiction)]
    return p.reset_index(drop=True)


def citations(ctx) -> pd.DataFrame:
    """Who cited which policy: speaker (or organisation) and policy, with the locator."""
    d = ctx.dossier
    c = d.citations.copy()
    people = d.people.set_index("person_id")["name"]
    orgs = d.organisations.set_index("org_id")["name"]
    c["citer"] = c["person_id"].map(people).fillna(c["org_id"].map(orgs))
    pol = policies(ctx).set_index("policy_id")
    c = c[c["policy_id"].isin(pol.index)].copy()
    c["policy"] = c["policy_id"].map(pol["display_title"])
    c["level"] = c["policy_id"].map(pol["level"])
    return c.reset_index(drop=True)


def hierarchy(ctx) -> pd.DataFrame:
    """Policies with their stated parent; `parent_policy_id` empty means none is stated."""
    p = policies(ctx)
    return p[
        [
            "policy_id",
            "display_title",
            "level",
            "jurisdiction",
            "kind",
            "parent_policy_id",
            "source_id",
            "para",
        ]
    ].reset_index(drop=True)
