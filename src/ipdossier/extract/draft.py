"""Assemble the facts found in an article into draft tables of the package's schemas.

Fields the text cannot settle (a role's event_role, a figure's scope) are left for the
analyst or filled with a marked guess in `draft_note`; every row carries an empty
`reviewed` column, and only rows marked reviewed are ever applied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import __version__
from . import dates, figures, people, policies
from .article import Article, read_article
from .typos import fix, slug

EVENT_WORDS = "activity|event|forum|seminar|conference|symposium|workshop|summit|fair|expo"
REVIEW = "reviewed"
NOTE = "draft_note"
BYLINE = re.compile(
    r"^By (?P<author>[^,]+),\s*(?P<publication>[^,\[]+?)\s*,?\s*"
    r"(?:\[(?P<section>[^\]]+)\])?\s*$"
)


@dataclass
class Draft:
    source_id: str
    article: Article
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def write(self, out: Path) -> Path:
        folder = out / self.source_id
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            table.assign(**{REVIEW: ""}).to_csv(
                folder / f"{name}.csv", index=False, lineterminator="\n"
            )
        meta = {
            "source_id": self.source_id,
            "article": str(self.article.path),
            "sha256": self.article.sha256,
            "article_last_line": self.article.last_line,
            "from_html": self.article.from_html,
            "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "ipdossier": __version__,
            "rows": {name: len(t) for name, t in self.tables.items()},
        }
        if self.article.from_html:
            # Locators point into the text taken from the HTML; keep it with the draft
            # (drafts/ is not committed: the article stays third-party text).
            text = "\n".join(self.article.paragraphs)
            (folder / f"{self.source_id}.txt").write_text(text, encoding="utf-8")
        (folder / "draft.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return folder


class _Ids:
    """Deterministic ids: a slug, then slug-2, slug-3... Counting per slug keeps this
    linear when a long input repeats the same fact."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.next: dict[str, int] = {}

    def make(self, base: str) -> str:
        n = self.next.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.seen:
            n += 1
            candidate = f"{base}-{n}"
        self.next[base] = n + 1
        self.seen.add(candidate)
        return candidate


def _locator(source_id: str, para: int, start: int, end: int, line: str) -> dict:
    return {
        "source_id": source_id,
        "para": para,
        "char_start": start,
        "char_end": end,
        "quote": line[start:end],
    }


# First match wins: a "Party Committee office" is a party organ before it is an office.
ORG_TYPES = [
    (re.compile(r"\b(party|committee|leading group)\b"), "party organ"),
    (
        re.compile(r"\b(office|department|bureau|administration|ministry|commission)\b"),
        "government office",
    ),
    (re.compile(r"\b(municipality|government|council)\b"), "government"),
    (re.compile(r"\b(college|university|school|institute)\b"), "college"),
    (re.compile(r"\b(agency|p\.c\.|law|ip firm|partners)\b"), "IP service agency"),
    (re.compile(r"\b(co\.|ltd|group|company|corporation|motor)\b"), "enterprise"),
]


def _org_type(name: str) -> str:
    low = name.lower()
    return next((kind for pattern, kind in ORG_TYPES if pattern.search(low)), "IP service agency")


def _jurisdiction(name: str) -> tuple[str | None, str | None, str]:
    low = fix(name).lower()
    level = None
    if re.search(r"\b(sipo|state|national|central|china)\b", low):
        level = "national"
    if re.search(r"\bprovinc", low):
        level = "provincial"
    if re.search(r"\bmunicipal", low):
        level = "municipal"
    for place in ("Beijing", "Tianjin", "Hebei"):
        if place.lower() in low:
            return level, place, "from name"
    if level == "national":
        return level, "China", "from name"
    return level, None, "unknown"


def _policy_scope(title: str) -> tuple[str, str]:
    low = fix(title).lower()
    for place in ("Hebei", "Beijing", "Tianjin"):
        if place.lower() in low:
            return "provincial" if place == "Hebei" else "municipal", place
    return "national", "China"


def _source_row(source_id: str, a: Article, url: str) -> dict:
    lines = a.lines
    title = fix(lines[0][1]) if lines else ""
    author = publication = section = ""
    for _, line in lines[:4]:
        m = BYLINE.match(line.strip())
        if m:
            author, publication = m.group("author").strip(), m.group("publication").strip()
            section = (m.group("section") or "").strip()
            break
    return {
        "source_id": source_id,
        "kind": "article",
        "language": "en",
        "title": title,
        "author": author,
        "publication": publication,
        "section": section,
        "url": url,
        "file_name": a.path.name if not a.from_html else f"{source_id}.txt",
        "sha256": a.sha256,
        "article_last_line": a.last_line,
        "published": "",
        "retrieval_note": f"drafted by ipdossier extract {__version__} on "
        f"{dt.date.today().isoformat()} from {a.path.name}; to review",
    }


def _event_row(source_id: str, a: Article) -> dict:
    """The article's main event: a quoted name followed by "activity", with its dates."""
    for para, line in a.lines:
        m = re.search(
            rf"[\"“](?P<name>[^\"”]{{4,120}})[\"”]\s+(?:{EVENT_WORDS})\b", line, re.IGNORECASE
        )
        if not m:
            continue
        found = dates.mentions(para, line)
        first = found[0] if found else None
        basis = ""
        if first is not None:
            basis = f'Printed: "{first.text.strip()}"' + (
                "" if first.year else "; year not printed"
            )
        name = fix(m.group("name"))
        return {
            "event_id": slug(name, 40),
            "name": name,
            "name_as_printed": m.group("name") if m.group("name") != name else "",
            "kind": "activity",
            "start_date": first.iso("start") if first else "",
            "end_date": first.iso("end") if first else "",
            "date_basis": basis,
            **_locator(source_id, para, m.start("name"), m.end("name"), line),
        }
    para, line = a.lines[0]
    return {
        "event_id": f"{source_id}-event",
        "name": fix(line),
        "name_as_printed": "",
        "kind": "activity",
        "start_date": "",
        "end_date": "",
        "date_basis": "no event name found; named after the article",
        **_locator(source_id, para, 0, len(line.rstrip()), line),
    }


def extract(path: Path | str, source_id: str | None = None, url: str = "") -> Draft:
    a = read_article(path)
    source_id = source_id or slug(Path(path).stem, 40)
    ev = _event_row(source_id, a)
    rows: dict[str, list[dict]] = {
        k: [] for k in ("figures", "people", "organisations", "roles", "policies")
    }
    ids = {k: _Ids() for k in rows}
    person_ids: dict[str, str] = {}
    org_ids: dict[str, str] = {}
    policy_titles: set[str] = set()
    for para, line in a.lines:
        for c in figures.counts(para, line):
            rows["figures"].append(
                {
                    "figure_id": ids["figures"].make(slug(f"{c.unit}-{c.value}", 40)),
                    "event_id": ev["event_id"],
                    "metric": fix(c.noun),
                    "value": c.value,
                    "value_as_printed": c.value_as_printed,
                    "unit": c.unit,
                    "qualifier": c.qualifier,
                    "scope": ev["name"],
                    "headline": "false",
                    "note": "",
                    **_locator(source_id, para, c.start, c.end, line),
                    NOTE: "scope guessed as the article's event; check it",
                }
            )
        for m in people.mentions(para, line):
            org_name = people.normal_org(m.organisation)
            org_key = org_name.lower()
            if org_key not in org_ids:
                org_ids[org_key] = ids["organisations"].make(slug(org_name, 40))
                start = line.find(m.organisation, m.start)
                level, jurisdiction, basis = _jurisdiction(org_name)
                rows["organisations"].append(
                    {
                        "org_id": org_ids[org_key],
                        "name": org_name,
                        "name_as_printed": m.organisation if m.organisation != org_name else "",
                        "type": _org_type(org_name),
                        "level": level or "",
                        "jurisdiction": jurisdiction or "",
                        "jurisdiction_basis": basis,
                        **_locator(source_id, para, start, start + len(m.organisation), line),
                        NOTE: "type, level and jurisdiction guessed from the name",
                    }
                )
            if m.name not in person_ids:
                person_ids[m.name] = ids["people"].make(slug(m.name, 40))
                rows["people"].append(
                    {
                        "person_id": person_ids[m.name],
                        "name": m.name,
                        "name_as_printed": "",
                        **_locator(source_id, para, m.name_start, m.name_end, line),
                        NOTE: "",
                    }
                )
            rows["roles"].append(
                {
                    "role_id": ids["roles"].make(f"r-{person_ids[m.name]}"),
                    "person_id": person_ids[m.name],
                    "event_id": ev["event_id"],
                    "policy_id": "",
                    "title": people.normal_title(m.title),
                    "title_as_printed": m.title,
                    "org_id": org_ids[org_key],
                    "event_role": "",
                    **_locator(source_id, para, m.start, m.end, line),
                    NOTE: "event_role not settled by the text: choose one before applying",
                }
            )
        for p in policies.mentions(para, line):
            title = fix(p.title)
            if title.lower() in policy_titles:
                continue
            policy_titles.add(title.lower())
            level, jurisdiction = _policy_scope(title)
            rows["policies"].append(
                {
                    "policy_id": ids["policies"].make(slug(title, 40)),
                    "title": title,
                    "title_as_printed": p.title if p.title != title else "",
                    "kind": p.kind,
                    "level": level,
                    "jurisdiction": jurisdiction,
                    **_locator(source_id, para, p.start, p.end, line),
                    NOTE: "level and jurisdiction guessed from the title",
                }
            )
    tables = {
        "sources": pd.DataFrame([_source_row(source_id, a, url)]),
        "events": pd.DataFrame([ev]),
    }
    columns = {
        "figures": [
            "figure_id",
            "event_id",
            "metric",
            "value",
            "value_as_printed",
            "unit",
            "qualifier",
            "scope",
            "headline",
            "note",
        ],
        "people": ["person_id", "name", "name_as_printed"],
        "organisations": [
            "org_id",
            "name",
            "name_as_printed",
            "type",
            "level",
            "jurisdiction",
            "jurisdiction_basis",
        ],
        "roles": [
            "role_id",
            "person_id",
            "event_id",
            "policy_id",
            "title",
            "title_as_printed",
            "org_id",
            "event_role",
        ],
        "policies": ["policy_id", "title", "title_as_printed", "kind", "level", "jurisdiction"],
    }
    locator = ["source_id", "para", "char_start", "char_end", "quote", NOTE]
    for name, cols in columns.items():
        tables[name] = pd.DataFrame(rows[name], columns=cols + locator)
    return Draft(source_id, a, tables)
