"""The opening summary and the cover: the event, its counts, the plans' scorecard, how the
facts were sourced, and a glossary, all from the data of the event chosen.

Nothing here is a derivation of its own: the counts are `derive.event_counts` and
`derive.series_wide_counts`, the scorecard counts the statuses `derive.progress` gives and the
relations `derive.plan_relations` gives, so the summary cannot say what a later chapter
contradicts. The words are the label catalogue's, in the run's language.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from .. import __version__, derive, quantities, schema
from .. import data as dossier_data
from ..i18n import day_span, has, long_date, month, ordinal, paren, t
from ..notebook import Context
from ..params import RunParameters

STATUSES = ("met", "missed", "conflict", "unknown")


def context(params: dict) -> Context:
    """A run's context outside a kernel (the cover): its parameters over the defaults,
    the data package in its language."""
    names = RunParameters.names()
    values = {**RunParameters.defaults(), **{k: v for k, v in params.items() if k in names}}
    return Context(dossier=dossier_data.load().localised(values["language"]), **values)


def _sep(ctx) -> str:
    return "；" if ctx.language == "zh" else "; "


def _name(value) -> str | None:
    return str(value) if isinstance(value, str) and value.strip() else None


# -- when and where ------------------------------------------------------------------------


def _span(start: pd.Timestamp, end: pd.Timestamp, language: str) -> str:
    """A stretch of days as a reader writes it: 5-6 July 2017, 2017年7月5日至6日."""
    return day_span(start, end, language)


def when(ctx) -> str | None:
    """The event's date in words: its days where the sources give them, else the month
    `derive.event_date` finds (the report of its stop), else None."""
    e = derive.event(ctx)
    if pd.notna(e["start_date"]):
        return _span(pd.Timestamp(e["start_date"]), pd.Timestamp(e["end_date"]), ctx.language)
    day = derive.event_date(ctx)
    return month(f"{day:%Y-%m}", ctx.language) if day is not None else None


# English puts "the" before the name of a public body ("held by the Hebei Provincial
# Intellectual Property Office"), not before a firm's.
_PUBLIC = ("government office", "government", "party organ")


def _org(ctx, org_id) -> str | None:
    if not _name(org_id):
        return None
    orgs = ctx.dossier.organisations.set_index("org_id")
    if org_id not in orgs.index or not _name(orgs.loc[org_id, "name"]):
        return None
    name = str(orgs.loc[org_id, "name"])
    if ctx.language == "en" and orgs.loc[org_id, "type"] in _PUBLIC:
        return f"the {name}"
    return name


def _translated_name_note(ctx, event_id: str) -> str:
    """In Chinese, where the event's name is the dossier's own translation (its report is
    in English), a bracket saying so after its first mention: the cover and the heads use
    it as a name, and a reader would otherwise search for it as printed."""
    if ctx.language != "zh":
        return ""
    names = ctx.dossier.names_zh  # the one table never localised
    row = names[
        (names["resource"] == "events") & (names["key"] == event_id) & (names["column"] == "name")
    ]
    if row.empty or str(row["basis"].iloc[0]) != "translation":
        return ""
    return paren(t("event_name_translated", "zh"), "zh")


def event_facts(ctx) -> tuple[str, dict]:
    """The catalogue key and values of the paragraph on the event: name, place, date with
    its basis, who held and who organised it."""
    e = derive.event(ctx)
    host, organiser = _org(ctx, e["host_org_id"]), _org(ctx, e["organiser_org_id"])
    if host and organiser and host != organiser:
        by = t("summary_by_both", ctx.language).format(host=host, organiser=organiser)
    elif host:
        by = t("summary_by_host", ctx.language).format(host=host)
    elif organiser:
        by = t("summary_by_organiser", ctx.language).format(organiser=organiser)
    else:
        by = ""
    values = {
        "name": e["name"],
        "name_note": _translated_name_note(ctx, e["event_id"]),
        "place": _name(e["place"]) or t("unknown", ctx.language),
        "by": by,
        "basis": _name(e["date_basis"]) or "",
    }
    if pd.notna(e["start_date"]):
        key = "summary_event_dated"
    elif derive.event_date(ctx) is not None:
        key = "summary_event_month"
    else:
        key = "summary_event_undated"
    values["when"] = when(ctx) or ""
    position = derive.series_position(ctx)
    values["position"] = (
        t("summary_position", ctx.language).format(nth=ordinal(position, ctx.language))
        if position is not None
        else ""
    )
    return key, values


def event_sources(ctx) -> pd.DataFrame:
    """The rows the paragraph on the event rests on: the event's own row, its row in the
    series (its position), and the report of its stop where that dates it."""
    rows = [derive.event(ctx).to_frame().T]
    position = derive.series_position(ctx)
    if position is not None:
        series = ctx.dossier.series
        rows.append(series[series["position"] == position])
        if pd.isna(derive.event(ctx)["start_date"]):
            facts = derive.series_facts(ctx)
            rows.append(facts[(facts["position"] == position) & (facts["field"] == "date")])
    return pd.concat(rows, ignore_index=True)


# -- counts --------------------------------------------------------------------------------


def _count(r: pd.Series, language: str) -> str:
    """One count in words with its qualifier: "more than 150 attendees (a lower bound)",
    "与会人员150余人"."""
    value, qualifier = int(r["value"]), str(r["qualifier"])
    if language == "zh":
        shown = f"{r['metric']}{r['label']}"
    else:
        printed = str(r.get("value_as_printed") or "").lower()
        key = "summary_nearly" if printed.startswith("nearly") else f"summary_{qualifier}"
        number = t(key, language).format(value=f"{value:,}") if has(key) else f"{value:,}"
        shown = f"{number} {r['metric']}"
    # A Chinese count carries its qualifier in its own words (150余人, 近1,000家), as the
    # one reader of numbers finds them: "（下限）" after it said it twice. An English number
    # is named by the words above and bracketed.
    worded = language == "zh" and any(
        q.qualifier != "exact" for q in quantities.quantities(str(r["label"]))
    )
    if qualifier != "exact" and not worded:
        shown += t("summary_qualified", language).format(what=t(f"summary_q_{qualifier}", language))
    return shown



def counts(ctx) -> list[tuple[str, dict]]:
    """The sentences on the counts: the event's own, then, apart, the series-wide ones its
    report gives (the reach of the stops before it)."""
    own, wide = derive.event_counts(ctx), derive.series_wide_counts(ctx)
    out = []
    if len(own):
        listed = _sep(ctx).join(_count(r, ctx.language) for _, r in own.iterrows())
        out.append(("summary_counts", {"counts": listed}))
    else:
        out.append(("summary_counts_none", {}))
    if len(wide):
        items = []
        for _, r in wide.iterrows():
            scope = _name(r["scope"])
            item = _count(r, ctx.language)
            if scope:
                item += t("summary_scope", ctx.language).format(scope=scope)
            items.append(item)
        out.append(("summary_series_counts", {"counts": _sep(ctx).join(items)}))
    return out


def count_sources(ctx) -> pd.DataFrame:
    return pd.concat([derive.event_counts(ctx), derive.series_wide_counts(ctx)], ignore_index=True)


# -- the plans' scorecard ------------------------------------------------------------------


def _plan_title(row: pd.Series, language: str) -> str:
    """The plan's title as the summary prints it: in Chinese, the official title in book
    title marks (《“十三五”国家知识产权保护和运用规划》), as Chinese prose names a document."""
    zh = _name(row.get("title_zh"))
    return f"《{zh}》" if language == "zh" and zh else str(row["title"])


def scorecard(ctx) -> pd.DataFrame:
    """One row per plan whose indicators `derive.progress` scores: its title, relation to
    the event (`derive.plan_relations`), target year, how many indicators it has and how
    many are met, missed, in conflict or unknown."""
    progress = derive.progress(ctx)
    columns = ["policy_id", "plan", "relation", "target_year", "indicators", *STATUSES]
    if progress.empty:
        return pd.DataFrame(columns=columns)
    # The plan each indicator belongs to, from the indicators table itself.
    ind = derive.indicators(ctx).set_index("indicator_id")
    plan_of = progress["indicator_id"].map(ind["policy_id"])
    relations = derive.plan_relations(ctx).set_index("policy_id")
    policies = derive.policies(ctx).set_index("policy_id")
    rows = []
    for policy_id in dict.fromkeys(plan_of):
        mine = progress[plan_of == policy_id]
        years = ind.loc[mine["indicator_id"], "target_year"].dropna()
        status = mine["status"].value_counts()
        rows.append(
            {
                "policy_id": policy_id,
                "plan": _plan_title(policies.loc[policy_id], ctx.language),
                "relation": relations["relation"].get(policy_id, "undated"),
                "target_year": int(years.max()) if len(years) else pd.NA,
                "indicators": len(mine),
                **{s: int(status.get(s, 0)) for s in STATUSES},
                # Met on a value before the target year's, which was not reported
                # (derive.progress, basis "early"): the sentence says how many.
                "met_early": int(((mine["status"] == "met") & (mine["basis"] == "early")).sum()),
                # Met against a target read only on a mirror's copy: said, as the chart says.
                "met_on_mirror": int(
                    ((mine["status"] == "met") & mine["target_on_mirror"].fillna(False)).sum()
                ),
                # Every target of the plan read only on a mirror's copy (Hebei's, all from
                # one copy): said once for the plan, not as a count of the met ones.
                "on_mirror": int(mine["target_on_mirror"].fillna(False).sum()),
                "unknown_why": _unknown_why(mine),
            }
        )
    return pd.DataFrame(
        rows, columns=[*columns, "met_early", "met_on_mirror", "on_mirror", "unknown_why"]
    )


# The summary's reasons for unknown indicators, from the reason `derive.progress` decided
# for each (`why`, which the targets chapter's verdicts read too), in the order the
# sentence names them: only those that hold for the plan (it named the same three for
# every plan, two of them true of none).
# Any other reason (related measures only, no value, no value of the target's reading)
# is "no comparable figure".
_WHY = {
    "no_target": "no_target",
    "reading_unresolved": "unresolved",
    "bound": "bound",
    "open": "open",
}
_WHY_ORDER = ("no_target", "unresolved", "no_value", "bound", "open")


def _unknown_why(progress: pd.DataFrame) -> tuple[str, ...]:
    found = {_WHY.get(w, "no_value") for w in progress["why"].dropna()}
    return tuple(w for w in _WHY_ORDER if w in found)


def before_every_plan(ctx) -> bool:
    """The event took place before every plan the dossier scores (the Tianjin stop of
    2014 and the plans of 2016 on)."""
    card = scorecard(ctx)
    return len(card) > 0 and bool((card["relation"] == "after").all())


def _plural(key: str, n: int, language: str, **values) -> str:
    form = "one" if n == 1 else "many"
    return t(f"{key}_{form}", language).format(n=n, **values)


def scorecard_sentence(row: pd.Series, language: str) -> str:
    """One plan's scorecard in a sentence: "13th Five-Year Plan (cited at the event): 6 of
    10 indicators met or exceeded; 4 unknown (no comparable 2020 figure settles them)."""
    year = "" if pd.isna(row["target_year"]) else str(int(row["target_year"]))
    met = "summary_met" if row["met"] else "summary_met_none"
    parts = [t(met, language).format(met=row["met"], n=row["indicators"])]
    # What the count of "met" stands on, in one bracket after it.
    asides = []
    if row.get("met_early"):
        # "Met" before the plan's last year stands on an earlier value: said, with its count.
        if row["met_early"] == row["met"]:
            asides.append(_plural("summary_met_early_all", row["met_early"], language, year=year))
        else:
            asides.append(t("summary_met_early", language).format(n=row["met_early"], year=year))
    every_on_mirror = bool(row.get("on_mirror")) and row["on_mirror"] == row["indicators"]
    if row.get("met_on_mirror") and not every_on_mirror:
        asides.append(_plural("summary_met_on_mirror", row["met_on_mirror"], language))
    if asides:
        parts[0] += paren(("；" if language == "zh" else "; ").join(asides), language)
    if row["missed"]:
        parts.append(_plural("summary_missed", row["missed"], language))
    if row["conflict"]:
        parts.append(_plural("summary_conflict", row["conflict"], language))
    if row["unknown"]:
        why = [t(f"summary_why_{w}", language).format(year=year) for w in row["unknown_why"]]
        if language == "zh":
            reasons = "、".join(why[:-1]) + ("或" if len(why) > 1 else "") + why[-1]
        else:
            reasons = ", ".join(why[:-1]) + (" or " if len(why) > 1 else "") + why[-1]
        parts.append(_plural("summary_unknown", row["unknown"], language, reasons=reasons))
    if every_on_mirror:
        parts.append(t("summary_every_on_mirror", language))
    return t("summary_plan", language).format(
        plan=row["plan"],
        relation=t(f"summary_relation_{row['relation']}", language),
        counts=("；" if language == "zh" else "; ").join(parts),
    )


def scorecard_table(ctx) -> pd.DataFrame:
    """The scorecard as the chapter's table shows it."""
    card = scorecard(ctx)
    card["relation_label"] = [t(f"summary_relation_{r}", ctx.language) for r in card["relation"]]
    return card


def scorecard_columns(card: pd.DataFrame) -> dict[str, str]:
    """The scorecard table's columns and their headers. A count that is nought for every
    plan (no verdict missed, none in conflict) is left out: a column of zeros that the
    sentences above never name raised the question of what it counts. "Unknown" counts
    the unsettled too (the latest value short, the target year's not yet found), and is
    headed so where there are such."""
    columns = {
        "plan": "Plan",
        "relation_label": "Relation to the event",
        "target_year": "Target year",
        "indicators": "Indicators",
        "met": "Met",
        "missed": "Missed",
        "conflict": "Conflict",
        "unknown": "Unknown",
    }
    for k in ("missed", "conflict"):
        if len(card) and not card[k].astype(int).any():
            del columns[k]
    if any("open" in why for why in card["unknown_why"]):
        columns["unknown"] = "Unknown or not settled"
    return columns


# -- methods and glossary ------------------------------------------------------------------


def methods(ctx) -> str:
    """The methods-and-caveats box, as HTML: how facts are sourced, what mirrors and
    excerpts mean (said once here, not on every source), unknowns and qualifiers."""
    lang = ctx.language
    items = "".join(
        f"<li><strong>{html.escape(t(f'summary_methods_{k}_head', lang))}</strong> "
        f"{html.escape(t(f'summary_methods_{k}', lang))}</li>"
        for k in ("sources", "mirrors", "unknown", "qualifiers")
    )
    head = html.escape(t("summary_methods_title", lang))
    return f'<aside class="ipd-box"><p class="ipd-box-title">{head}</p><ul>{items}</ul></aside>'


def show_methods(ctx) -> None:
    """Display the methods box in the notebook (and so in the report)."""
    from IPython.display import HTML, display

    display(HTML(methods(ctx)))


def glossary(ctx) -> pd.DataFrame:
    """Terms a reader meets in the dossier, with what they mean here."""
    lang = ctx.language
    # The document numbers' prefixes and the plans' kind of target are Chinese official
    # usage: explained to English readers only.
    own = ("zanyi",) if lang == "zh" else ("docnum", "anticipatory")
    terms = ("sipo", "pct", "wan_yi", *own)
    return pd.DataFrame(
        {
            "term": [t(f"summary_term_{k}", lang) for k in terms],
            "meaning": [t(f"summary_meaning_{k}", lang) for k in terms],
        }
    )


# -- the cover -----------------------------------------------------------------------------


def coverage(ctx) -> str:
    """The run's jurisdiction in words: "National level and Beijing, Tianjin and Hebei",
    "全国及北京、天津、河北", "Hebei only"."""
    lang = ctx.language

    def name(j: str) -> str:
        return t(j, lang) if has(j) else j

    if ctx.jurisdiction == "all":
        provinces = [name(p) for p in schema.provinces(ctx.dossier.path)]
        if lang == "zh":
            listed = "、".join(provinces)
        else:
            head, last = provinces[:-1], provinces[-1:]
            listed = " and ".join([", ".join(head), *last] if head else last)
        return t("cover_coverage_all", lang).format(provinces=listed)
    if ctx.jurisdiction == "national":
        return t("cover_coverage_national", lang)
    return t("cover_coverage_one", lang).format(jurisdiction=name(ctx.jurisdiction))


def cover(ctx, data_version: str = "", today: dt.date | None = None) -> dict:
    """What the cover prints: a title naming the event, where and when it was, the
    coverage and edition in words, the author and organisation when given, and a
    colophon with the tool's own parameters (data version, cut-off, package version)."""
    lang = ctx.language
    e = derive.event(ctx)
    title = t("cover_title", lang).format(title=t("dossier_title", lang), event=e["name"])
    place, date = _name(e["place"]), when(ctx)
    subtitle = " · ".join(x for x in (place, date) if x)
    rows = [
        (t("cover_coverage", lang), coverage(ctx)),
        (t("cover_edition", lang), t(f"cover_edition_{lang}", lang)),
    ]
    if ctx.author:
        rows.append((t("cover_author", lang), ctx.author))
    if ctx.organisation:
        rows.append((t("cover_organisation", lang), ctx.organisation))
    rows.append((t("cover_date", lang), long_date(pd.Timestamp(today or dt.date.today()), lang)))
    cut = (
        t("cover_cutoff", lang).format(date=long_date(pd.Timestamp(ctx.as_of), lang))
        if ctx.as_of
        else t("cover_no_cutoff", lang)
    )
    colophon = t("cover_colophon", lang).format(
        version=data_version or t("unknown", lang), cutoff=cut, package=__version__
    )
    return {
        "kicker": t("kicker", lang),
        "title": title,
        "subtitle": subtitle,
        "rows": rows,
        "colophon": colophon,
    }
