"""Validate the data package: structure (Frictionless) and truth (locators against sources).

Truth has two forms. A row from an article points at a span of its text, which must still
read the row's quote, and the quote must hold the row's value. A row from a page read
elsewhere (an official document, statistics, news) carries a short quote from that page,
which must state the value the row records; which columns each quote evidences is
declared in the package descriptor (`x-evidence`), so the schema stays the one source.

Every problem is reported as one line naming the file, the row (its line number in the
CSV, the header being line 1) and the column, so an analyst can go straight to the cell.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from frictionless import Package

from .data import Dossier, load, unreadable
from .errors import DataError
from .i18n import doc_number_forms
from .numbers import parse_count
from .quantities import quantities, states_date, states_quantity, states_text, to_simplified
from .sources import SourceAbsent, SourceError, SourceText, normalise, open_source


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"

    @classmethod
    def of(cls, error: DataError) -> Problem:
        return cls(error.file, error.row, error.column, error.message)


def check_structure(dossier: Dossier, skip: set[str] | frozenset = frozenset()) -> list[Problem]:
    """Types, constraints, primary and foreign keys, via frictionless. Resources in `skip`
    (files that cannot be read at all) are left out, with the foreign keys into them:
    every row pointing into one would otherwise be reported as well."""
    if skip:
        descriptor = copy.deepcopy(dossier.descriptor)
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in skip]
        for r in descriptor["resources"]:
            keys = r["schema"].get("foreignKeys")
            if keys:
                r["schema"]["foreignKeys"] = [
                    k for k in keys if k.get("reference", {}).get("resource") not in skip
                ]
        package = Package(descriptor, basepath=str(dossier.root))
    else:
        package = Package(str(dossier.path))
    report = package.validate()
    problems = []
    for task in report.tasks:
        file = Path(task.place).name if task.place else f"{task.name}.csv"
        for error in task.errors:
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            if not column and getattr(error, "field_names", None):
                column = ", ".join(error.field_names)
            message = error.message
            if error.type == "foreign-key":
                message = f"broken foreign key: {error.note}"
            elif error.type == "primary-key":
                column = column or ", ".join(_primary_key(dossier, task.name))
                message = f"duplicate primary key: {error.note}"
            problems.append(Problem(file, row, column, message))
    for error in report.errors:
        problems.append(Problem(dossier.path.name, None, None, error.message))
    return problems


def _primary_key(dossier: Dossier, name: str) -> list[str]:
    try:
        return list(dossier.resource(name)["schema"].get("primaryKey", []))
    except KeyError:
        return []


def check_locators(
    dossier: Dossier,
    sources_directory: Path | None = None,
    absent: list | None = None,
    skip: frozenset = frozenset(),
) -> list[Problem]:
    """Every span still holds its quote, and every quote holds the value its row claims.

    A source whose text is on this machine (the sources folder or the local sources
    cache) is re-verified; one whose text is not here is listed in `absent` as
    (source_id, rows with locators, reason): not re-verifiable here, not a failure.
    Rows in `skip` ((file, row) with a structural problem) and tables that cannot be read
    are passed over: their problem is reported already."""
    problems: list[Problem] = []
    try:
        sources = dossier.table("sources")
    except DataError:
        return problems
    texts: dict[str, SourceText] = {}
    limits: dict[str, int] = {}
    missing: dict[str, str] = {}
    for i, src in sources.iterrows():
        if pd.isna(src["file_name"]) or ("sources.csv", i + 2) in skip:
            continue
        try:
            texts[src["source_id"]] = open_source(
                src["source_id"], src["file_name"], src["sha256"], sources_directory
            )
            if not pd.isna(src["article_last_line"]):
                limits[src["source_id"]] = int(src["article_last_line"])
        except SourceAbsent as exc:
            missing[src["source_id"]] = str(exc)
        except SourceError as exc:
            problems.append(Problem("sources.csv", i + 2, "sha256", str(exc)))
    unverified = dict.fromkeys(missing, 0)
    for resource in dossier.descriptor["resources"]:
        if "x-locator" not in resource:
            continue
        claims = resource["x-locator"].get("claims", [])
        try:
            table = dossier.table(resource["name"])
        except DataError:
            continue
        file = Path(resource["path"]).name
        for i, row in table.iterrows():
            if (file, i + 2) in skip:
                continue
            if row["source_id"] in missing:
                unverified[row["source_id"]] += 1
            problems += _check_row(resource["path"], i + 2, row, claims, texts, limits)
    if absent is not None:
        absent.extend((sid, unverified[sid], why) for sid, why in missing.items())
    return problems


_CJK = re.compile(r"[\u3400-\u9fff]")


def _count_as_printed(printed: str):
    """(value, qualifier) of a count as printed: Chinese (18家, 100余家, 近千人) through
    `quantities`, English ("more than 150", "Nine") through `numbers`."""
    if _CJK.search(printed):
        read = quantities(printed)
        if not read:
            return None, "exact"
        return read[0].value, read[0].qualifier
    return parse_count(printed)


def _check_row(file, rownum, row, claims, texts, limits) -> list[Problem]:
    source_id = row["source_id"]
    if source_id not in texts:
        return []  # missing source text or unknown id is already reported elsewhere
    text = texts[source_id]
    if pd.isna(row.get("para")) or pd.isna(row.get("char_start")) or pd.isna(row.get("char_end")):
        return [
            Problem(file, rownum, "para", f"{source_id} is a text: give para, char_start, char_end")
        ]
    para, start, end, quote = (
        int(row["para"]),
        int(row["char_start"]),
        int(row["char_end"]),
        row["quote"],
    )
    limit = limits.get(source_id, len(text.paragraphs))
    if not 1 <= para <= limit:
        return [
            Problem(file, rownum, "para", f"paragraph {para} is outside the article (1..{limit})")
        ]
    found = text.span(para, start, end)
    if normalise(found) != normalise(quote):
        return [
            Problem(
                file,
                rownum,
                "quote",
                f"span {para}:{start}-{end} of {source_id} reads {found!r}, not {quote!r}",
            )
        ]
    problems = []
    for alternatives in claims:
        column = next((c for c in alternatives if not pd.isna(row[c])), None)
        if column and normalise(str(row[column])) not in normalise(quote):
            problems.append(
                Problem(
                    file,
                    rownum,
                    column,
                    f"{row[column]!r} does not occur in the quoted span {quote!r}",
                )
            )
    if "value_as_printed" in row and "qualifier" in row:
        value, qualifier = _count_as_printed(str(row["value_as_printed"]))
        if value is None or value != row["value"]:
            problems.append(
                Problem(
                    file,
                    rownum,
                    "value",
                    f"value {row['value']} does not match {row['value_as_printed']!r} "
                    f"(reads {value})",
                )
            )
        if qualifier != row["qualifier"]:
            problems.append(
                Problem(
                    file,
                    rownum,
                    "qualifier",
                    f"qualifier {row['qualifier']!r} does not match "
                    f"{row['value_as_printed']!r} (reads {qualifier!r})",
                )
            )
    return problems


# -- evidence from pages read: each quote must state the value its row records ----------

# policies.csv columns evidenced in policy_evidence.csv, by the evidence row's `field`.
POLICY_FIELDS = {
    "title_zh": ("title_zh",),
    "doc_number": ("doc_number",),
    "issuer_as_issued": ("issuer_as_issued",),
    "signed_date": ("signed_date",),
    "published_date": ("published_date",),
    "period": ("period_start", "period_end"),
    "validity": ("validity",),
}


def _value(row: pd.Series, column: str | None):
    if not column:
        return None
    v = row.get(column)
    return None if v is None or pd.isna(v) else v


def _stated(file, rownum, row, rule) -> tuple[object, str | None, list[Problem]]:
    """The value a rule checks and its quote; a value without a quote or page is a
    problem of its own."""
    value, quote, source = (_value(row, rule[k]) for k in ("value", "quote", "source"))
    if value is not None and (quote is None or source is None):
        missing = rule["quote"] if quote is None else rule["source"]
        return (
            None,
            None,
            [Problem(file, rownum, missing, f"{rule['value']} {value} has no {missing}")],
        )
    return value, None if quote is None else str(quote), []


def _quantity(ctx, file, rownum, row, rule) -> list[Problem]:
    value, quote, problems = _stated(file, rownum, row, rule)
    if value is None:
        return problems
    scale = _value(row, rule.get("scale")) or 1
    why = states_quantity(quote, float(value), float(scale), _value(row, rule["qualifier"]))
    return [Problem(file, rownum, rule["value"], why)] if why else []


def _term(ctx, file, rownum, row, rule) -> list[Problem]:
    value, quote, problems = _stated(file, rownum, row, rule)
    if value is None:
        return problems
    terms = rule["terms"].get(str(value), [str(value)])
    if any(states_text(quote, term) for term in terms):
        return []
    return [
        Problem(
            file, rownum, rule["value"], f"{value!r}: the quote says none of {terms}: {quote!r}"
        )
    ]


def _states(quote: str, kind: str, value, page_date: str | None = None) -> bool:
    """The quote states `value` read as a date (or year) or as a text."""
    if kind == "date":
        return states_date(quote, str(value), page_date)
    return states_text(quote, str(value))


def _kind(column: str) -> str:
    return "date" if column.endswith("_date") or column.startswith("period") else "text"


def _policy_field(ctx, file, rownum, row, rule) -> list[Problem]:
    policies = ctx["policies"]
    pid, field, quote = row["policy_id"], row["field"], str(row["quote"])
    if pid not in policies.index:
        return []  # a broken foreign key, reported by the structure check
    # A period may be known by its end year only ("到2020年").
    values = {c: _value(policies.loc[pid], c) for c in POLICY_FIELDS[field]}
    values = {c: v for c, v in values.items() if v is not None}
    if not values:
        return [Problem(file, rownum, "field", f"policies.csv has no {field} for {pid}")]
    page_date = ctx["page_dates"].get(row["source_id"])
    for column, v in values.items():
        # An English translation cites the number in its own form ("GF (2021) No. 20").
        if column == "doc_number" and any(states_text(quote, f) for f in doc_number_forms(v)):
            continue
        if not _states(quote, _kind(column), v, page_date):
            return [
                Problem(file, rownum, "quote", f"does not state {column} {v!r} of {pid}: {quote!r}")
            ]
    return []


def _policy_link(ctx, file, rownum, row, rule) -> list[Problem]:
    policies = ctx["policies"]
    quote = str(row["quote"])
    problems = []
    for column in ("target_policy_id", "policy_id"):
        pid = row[column]
        if pid not in policies.index:
            continue
        p = policies.loc[pid]
        if _value(p, "official_source_id") == row["source_id"]:
            continue  # the document's own text need not name itself
        names = [v for v in (_value(p, "doc_number"), _value(p, "title_zh")) if v]
        if not any(states_text(quote, n) for n in names):
            problems.append(
                Problem(
                    file,
                    rownum,
                    "quote",
                    f"names neither the number nor the Chinese title "
                    f"of {pid} ({' / '.join(names) or 'none recorded'}): {quote!r}",
                )
            )
    return problems


def _fact(ctx, file, rownum, row, rule) -> list[Problem]:
    """A long-format fact: the row's `field` says whether its value is a text, a date or
    a count, and the quote is read accordingly."""
    kind = rule["kinds"][row[rule["field"]]]
    value, quote = str(row[rule["value"]]), str(row[rule["quote"]])
    if kind == "quantity":
        try:
            number = float(value)
        except ValueError:
            return [Problem(file, rownum, rule["value"], f"{value!r} is not a number")]
        why = states_quantity(quote, number, 1, _value(row, rule["qualifier"]))
        return [Problem(file, rownum, rule["value"], why)] if why else []
    page_date = ctx["page_dates"].get(row[rule["source"]])
    ok = _states(quote, kind, value, page_date)
    return [] if ok else [Problem(file, rownum, rule["value"], f"{value!r} is not in {quote!r}")]


_RULES = {
    "fact": _fact,
    "quantity": _quantity,
    "term": _term,
    "policy_field": _policy_field,
    "policy_link": _policy_link,
}


def check_evidence(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    """Quotes from pages read hold the values recorded with them, and every official fact
    of a document has its evidence. Rows in `skip` ((file, row) with a structural
    problem) are passed over, and so is each part that reads a table that cannot be read:
    their problem is reported already, and the other tables are still checked."""
    problems: list[Problem] = []
    parts = (
        _quotes_of_pages,
        _unevidenced_policy_facts,
        _observation_periods,
        _readings,
        _web_sources,
        _english_of_sources,
        _known_mirrors,
        check_names_zh,
    )
    for part in parts:
        try:
            problems += part(dossier, skip)
        except DataError:
            continue
    return problems


def _quotes_of_pages(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    sources = dossier.table("sources")
    ctx = {
        "policies": dossier.table("policies").set_index("policy_id", drop=False),
        "page_dates": {
            sid: str(d)
            for sid, d in zip(sources["source_id"], sources["published"], strict=True)
            if pd.notna(d)
        },
    }
    problems: list[Problem] = []
    for resource in dossier.descriptor["resources"]:
        rules = resource.get("x-evidence")
        if not rules:
            continue
        try:
            table = dossier.table(resource["name"])
        except DataError:
            continue
        file = Path(resource["path"]).name
        for rule in rules:
            check_one = _RULES[rule["check"]]
            for i, row in table.iterrows():
                if (file, i + 2) not in skip:
                    problems += check_one(ctx, resource["path"], i + 2, row, rule)
    return problems


# Values the Chinese edition shows that need a Chinese form in names_zh (or, for a
# policy, its official `title_zh`). Names of organisations and people, and the titles of
# documents (as issued), are facts: their Chinese forms come from a page read, never from
# a translation.
ZH_VALUES = {
    "organisations": ["name"],
    "people": ["name"],
    "events": ["name"],
    "figures": ["metric", "scope"],
    "speeches": ["theme"],
    "roles": ["title"],
    "policies": ["title"],
}
NAMES_ARE_FACTS = {
    ("organisations", "name"),
    ("people", "name"),
    ("policies", "title"),
    ("sources", "title"),
    ("sources", "publisher"),
}
# A strategy or target the article describes in its own words has no title as issued:
# its Chinese form may be the dossier's translation of that description.
DESCRIBED_POLICY_KINDS = {"strategy", "target"}
# A document whose Chinese title no page read gives may be shown in Chinese only as a
# translation that says so, so that no reader takes it for the title as issued.
PROVISIONAL = "（暂译）"


def _translation_allowed(table: pd.DataFrame, key: str, row: pd.Series) -> bool:
    """Whether a name-like value may have a translated Chinese form: a policy the article
    describes (a strategy, a target), a document with no title as issued in Chinese if the
    translation is marked provisional, a source title that is the editor's [description]."""
    resource, column = str(row["resource"]), str(row["column"])
    if (resource, column) not in NAMES_ARE_FACTS:
        return True
    if str(row["key"]) not in set(table[key].astype("string")):
        return True  # reported as a missing key already
    target = table.set_index(key).loc[row["key"]]
    if resource == "policies":
        if target["kind"] in DESCRIBED_POLICY_KINDS:
            return True
        return pd.isna(target.get("title_zh")) and str(row["zh"]).endswith(PROVISIONAL)
    if resource == "sources":
        # The editor's own words about a source (a [description] for a title the excerpt
        # did not show; "repost by a patent agency" beside a publisher) may be translated;
        # a title as published may not. What the original prints in Chinese is kept.
        original = str(target[column])
        if column == "title" and not (original.startswith("[") and original.endswith("]")):
            return False
        return not _dropped_chinese(original, str(row["zh"]))
    return False


def _dropped_chinese(original: str, zh: str) -> list[str]:
    """The runs of Chinese in `original` that a translation `zh` does not keep as printed."""
    return [run for run in re.findall(r"[\u3400-\u9fff〔〕《》]+", original) if run not in zh]


def check_names_zh(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    """Each Chinese form names a value that exists; a sourced one is held by its quote;
    names of organisations and people are never translations."""
    if "names_zh" not in dossier.resource_names:
        return []
    problems = []
    for i, row in dossier.table("names_zh").iterrows():
        if ("names_zh.csv", i + 2) in skip:
            continue
        rownum, resource = i + 2, str(row["resource"])
        column = str(row["column"])
        table = dossier.table(resource)
        key = _primary_key(dossier, resource)[0]
        if column not in table.columns:
            message = f"{resource} has no {column}"
            problems.append(Problem("names_zh.csv", rownum, "column", message))
            continue
        if str(row["key"]) not in set(table[key].astype("string")):
            problems.append(
                Problem("names_zh.csv", rownum, "key", f"no {resource} row {row['key']!r}")
            )
        if row["basis"] == "source":
            quote = row.get("quote")
            if pd.isna(quote) or pd.isna(row.get("source_id")):
                message = "a sourced form needs source_id and quote"
                problems.append(Problem("names_zh.csv", rownum, "quote", message))
            # A name printed in traditional characters (a Hong Kong or Taiwan page's
            # 北京康信知識產權代理有限責任公司) holds its simplified form, which the edition prints.
            elif to_simplified(normalise(str(row["zh"]))) not in to_simplified(
                normalise(str(quote))
            ):
                problems.append(
                    Problem("names_zh.csv", rownum, "quote", f"does not hold {row['zh']!r}")
                )
        elif not _translation_allowed(table, key, row):
            message = f"{resource}.{column} is a name: its Chinese form needs a source"
            if resource == "sources":
                message += " (a translation of the editor's words keeps what is printed in Chinese)"
            if resource == "policies":
                message += f" (or, with no Chinese title found, a translation ending {PROVISIONAL})"
            problems.append(Problem("names_zh.csv", rownum, "basis", message))
    return problems


def missing_chinese(dossier: Dossier) -> list[str]:
    """Values with no Chinese form: the Chinese edition shows them as they stand."""
    names = dossier.table("names_zh") if "names_zh" in dossier.resource_names else None
    given = (
        set(zip(names["resource"], names["key"], names["column"], strict=True))
        if names is not None
        else set()
    )
    missing = []
    for resource, columns in ZH_VALUES.items():
        table = dossier.table(resource)
        key = _primary_key(dossier, resource)[0]
        for _, row in table.iterrows():
            for column in columns:
                if pd.isna(row[column]) or (resource, str(row[key]), column) in given:
                    continue
                if resource == "policies" and pd.notna(row.get("title_zh")):
                    continue
                missing.append(f"{resource}.csv {row[key]} {column}: {row[column]}")
    return missing


def _unevidenced_policy_facts(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    evidence = dossier.table("policy_evidence")
    have = set(zip(evidence["policy_id"], evidence["field"], strict=True))
    problems = []
    for i, p in dossier.table("policies").iterrows():
        if ("policies.csv", i + 2) in skip:
            continue
        for field, columns in POLICY_FIELDS.items():
            for column in columns:
                v = _value(p, column)
                if v is None or (p["policy_id"], field) in have:
                    continue
                # A fact the row's own article span states ("(2017-2025)") is evidenced there.
                if not _states(str(p["quote"]), _kind(column), v):
                    problems.append(
                        Problem(
                            "policies.csv",
                            i + 2,
                            column,
                            f"{column} {v!r} has no row in policy_evidence.csv (field {field})",
                        )
                    )
    return problems


def _observation_periods(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    """Every value covers a stated period, so that no part-year value can pass for the
    year's: a year runs 1 January to 31 December, a point starts and ends on one day, a
    part of a year lies within its year, and `year` is the year the period ends in."""
    problems = []
    for i, o in dossier.table("observations").iterrows():
        if ("observations.csv", i + 2) in skip:
            continue
        kind, start, end = (_value(o, c) for c in ("period_kind", "period_start", "period_end"))
        if kind is None or end is None:
            continue  # a missing required value, reported by the structure check
        start_day, end_day = pd.Timestamp(start) if start is not None else None, pd.Timestamp(end)

        def problem(column: str, message: str, row: int = i + 2) -> None:
            problems.append(Problem("observations.csv", row, column, message))

        if int(o["year"]) != end_day.year:
            problem("year", f"year {int(o['year'])} is not the year period_end {end} ends in")
        if start_day is None:
            if kind not in ("cumulative", "span"):
                problem("period_start", f"a {kind} value needs the day its period starts")
            continue
        if start_day > end_day:
            problem("period_start", f"period_start {start} is after period_end {end}")
        elif kind == "year" and (
            (start_day.month, start_day.day, end_day.month, end_day.day) != (1, 1, 12, 31)
            or start_day.year != end_day.year
        ):
            problem("period_kind", f"a year runs 1 January to 31 December, not {start} to {end}")
        elif kind == "point" and start_day != end_day:
            problem("period_start", f"a point in time starts and ends on one day: {start}, {end}")
        elif kind == "part_year" and (
            start_day.year != end_day.year
            or (start_day.month, start_day.day) == (1, 1)
            and (end_day.month, end_day.day) == (12, 31)
        ):
            problem("period_kind", f"{start} to {end} is not a part of one year")
    return problems


def _readings(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    """A target says how it is read (a level, a growth, a total): without that, a value
    of a different measure could be set against it. An unresolved reading says why."""
    problems = []
    for i, r in dossier.table("indicators").iterrows():
        if ("indicators.csv", i + 2) in skip:
            continue
        reading = _value(r, "reading")
        if _value(r, "target_value") is not None and reading is None:
            problems.append(
                Problem(
                    "indicators.csv",
                    i + 2,
                    "reading",
                    "a target needs its reading (level, growth, total, cumulative or "
                    "unresolved) with the quote that gives it",
                )
            )
        if reading == "unresolved" and _value(r, "target_note") is None:
            problems.append(
                Problem(
                    "indicators.csv",
                    i + 2,
                    "target_note",
                    "an unresolved reading needs a target_note saying how the sources differ",
                )
            )
        # A baseline says whose it is: the plan's (its year stated or assumed) or a value
        # observed for the year, which the charts must not present as the plan's.
        if (_value(r, "baseline_value") is None) != (_value(r, "baseline_basis") is None):
            problems.append(
                Problem(
                    "indicators.csv",
                    i + 2,
                    "baseline_basis",
                    "a baseline value needs its basis (plan, plan_year_assumed or "
                    "observed), and a basis needs a baseline value",
                )
            )
    return problems


def _web_sources(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    problems = []
    for i, s in dossier.table("sources").iterrows():
        if _value(s, "file_name") is None and ("sources.csv", i + 2) not in skip:
            for column in ("url", "retrieved", "mirror", "host_kind"):
                if _value(s, column) is None:
                    problems.append(
                        Problem("sources.csv", i + 2, column, f"a page read needs its {column}")
                    )
    return problems


# Hosts a review or audit found to copy others' pages (spam or SEO mirrors of gov.cn,
# Xinhua and 人民网, or a list page standing for the article): a page on one of them is
# cited only as an unverified copy (mirror true, host_kind unknown_mirror), never as
# the publisher's. A subdomain counts as its host (chrome.dizo.com.cn).
KNOWN_MIRROR_HOSTS = (
    "calyptus.net",
    "ntv.cn",
    "93dn.com",
    "nakedoat.com",
    "dizo.com.cn",
    "y.tt",
    "61tv.cn",
    "ohl1yru.cn",
    "adorecm.com",
    "simplycreativeconsulting.com",
    "shushuxiu.com",
    "usy7.cc",
    "biolabx.cn",
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def known_mirror(url: object) -> str | None:
    """The entry of KNOWN_MIRROR_HOSTS that `url` is on, if any."""
    from urllib.parse import urlsplit

    host = (urlsplit(str(url)).hostname or "") if isinstance(url, str) else ""
    return next((h for h in KNOWN_MIRROR_HOSTS if host == h or host.endswith("." + h)), None)


def _english_of_sources(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    """The English edition names every publisher in English and glosses every title it
    can print only in Chinese: a publisher named in Chinese needs `publisher_en` and
    what that is (`publisher_en_basis`), a title in CJK script (not the editor's
    [description]) needs `title_en`."""
    problems = []
    for i, s in dossier.table("sources").iterrows():
        if ("sources.csv", i + 2) in skip:
            continue
        publisher, title = _value(s, "publisher"), _value(s, "title")
        if publisher and _CJK.search(publisher.split("(")[0]):
            for column in ("publisher_en", "publisher_en_basis"):
                if _value(s, column) is None:
                    problems.append(
                        Problem(
                            "sources.csv",
                            i + 2,
                            column,
                            f"publisher {publisher!r} "
                            "is named in Chinese: the English edition needs its "
                            "English name (own or our translation)",
                        )
                    )
        # Chinese only: CJK script and no word in Latin letters (an editor's description
        # in English, "[Xinhua report on ...]", needs no gloss; "[《...》实施进展]" does).
        chinese_only = title and _CJK.search(title) and not re.search(r"[A-Za-z]{4}", title)
        if chinese_only and _value(s, "title_en") is None:
            problems.append(
                Problem(
                    "sources.csv",
                    i + 2,
                    "title_en",
                    f"title {title!r} has no English "
                    "gloss: the English edition prints our translation beside it",
                )
            )
    return problems


def _known_mirrors(dossier: Dossier, skip: frozenset = frozenset()) -> list[Problem]:
    problems = []
    for i, s in dossier.table("sources").iterrows():
        host = known_mirror(_value(s, "url"))
        if host is None or ("sources.csv", i + 2) in skip:
            continue
        if str(_value(s, "mirror")) != "True" or _value(s, "host_kind") != "unknown_mirror":
            problems.append(
                Problem(
                    "sources.csv",
                    i + 2,
                    "host_kind",
                    f"{host} is a known mirror or "
                    "spam host: its page is cited only as an unverified copy (mirror "
                    "true, host_kind unknown_mirror)",
                )
            )
    return problems


# -- where the facts come from ---------------------------------------------------------------

# The columns naming the page each fact from a page read was read on: an indicator's
# baseline, target, kind and reading; every realised value, document fact, stated link and
# fact of a series' stop.
FACT_SOURCES = {
    "indicators": (
        "baseline_source_id",
        "target_source_id",
        "kind_source_id",
        "reading_source_id",
    ),
    "observations": ("source_id",),
    "policy_evidence": ("source_id",),
    "policy_links": ("source_id",),
    "series_facts": ("source_id",),
}
HOST_KINDS = ("publisher", "official_gateway", "news_site", "aggregator", "unknown_mirror")


def facts(dossier: Dossier) -> pd.DataFrame:
    """Every fact read on a page other than the article, one row per value and page:
    where it is (`file`, `row`, `column`), the page (`source_id`), what kind of source it
    is and what kind of host the page was read on."""
    sources = dossier.table("sources").set_index("source_id")
    rows = []
    for resource, columns in FACT_SOURCES.items():
        if resource not in dossier.resource_names:
            continue
        table = dossier.table(resource)
        for i, r in table.iterrows():
            for column in columns:
                sid = _value(r, column)
                if sid is None or sid not in sources.index:
                    continue
                rows.append(
                    {
                        "file": f"{resource}.csv",
                        "row": i + 2,
                        "column": column,
                        "key": r.iloc[0],
                        "source_id": sid,
                        "kind": sources.loc[sid, "kind"],
                        "host_kind": _value(sources.loc[sid], "host_kind"),
                    }
                )
    return pd.DataFrame(
        rows, columns=["file", "row", "column", "key", "source_id", "kind", "host_kind"]
    )


def mirror_only(dossier: Dossier) -> list[str]:
    """The facts whose only page is on an unknown mirror (a host copying others' pages):
    each is worth a better copy. One line each: file, row, column, the page."""
    f = facts(dossier)
    f = f[f["host_kind"] == "unknown_mirror"]
    return [f"{r.file}, row {r.row}, column {r.column}: {r.source_id}" for r in f.itertuples()]


def check(
    data: Path | str | None = None,
    sources_directory: Path | None = None,
    locators: bool = True,
    absent: list | None = None,
) -> list[Problem]:
    """All problems in the package at `data`; an empty list means it is valid. Sources
    whose text is not on this machine go to `absent` (see `check_locators`)."""
    try:
        dossier = load(data)
    except DataError as exc:
        return [Problem.of(exc)]
    # Every problem found is reported, not only the first: a bad row in one table does not
    # hide a problem in another. A file that cannot be read at all (not UTF-8, a column
    # missing) is reported as that alone: frictionless would report it again for every
    # row, and for every table whose foreign keys look into it; the other files are
    # validated without it.
    unread = {
        resource["name"]: errors
        for resource in dossier.descriptor["resources"]
        if (errors := unreadable(dossier.root, resource))
    }
    problems = [Problem.of(error) for errors in unread.values() for error in errors]
    problems += check_structure(dossier, set(unread))
    # A row with a structural problem is not read again for its truth (a broken type
    # would be reported twice, once as itself and once as a span mismatch); a table that
    # cannot be typed at all is passed over by the parts that read it.
    skip = frozenset((p.file, p.row) for p in problems if p.row is not None)
    problems += check_evidence(dossier, skip)
    if locators:
        problems += check_locators(dossier, sources_directory, absent, skip)
    return problems
