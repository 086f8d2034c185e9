"""Compare a draft with the curated package: new facts, conflicting values, missing ones.

Rows are matched on what identifies a fact, not on ids (a draft cannot know the
curated ids): figures by paragraph and overlapping span, people by name, policies by
title. The curated source is found by the text's sha256, whatever its id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import data as dossier_data
from .typos import fix

TABLES = ("figures", "people", "roles", "policies")


@dataclass
class Diff:
    curated_source: str | None
    new: dict[str, list[str]] = field(default_factory=dict)
    conflicts: dict[str, list[str]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    same: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "curated_source": self.curated_source,
            "same": self.same,
            "new": self.new,
            "conflicts": self.conflicts,
            "missing": self.missing,
        }

    def report(self) -> str:
        lines = [f"curated source: {self.curated_source or 'none (a new article)'}"]
        for table in TABLES:
            lines.append(
                f"{table}: {self.same.get(table, 0)} same, "
                f"{len(self.new.get(table, []))} new, "
                f"{len(self.conflicts.get(table, []))} conflicting, "
                f"{len(self.missing.get(table, []))} missing from the draft"
            )
            for kind, items in (
                ("new", self.new),
                ("conflict", self.conflicts),
                ("missing", self.missing),
            ):
                for item in items.get(table, []):
                    lines.append(f"  {kind}: {item}")
        return "\n".join(lines)


def read_draft(folder: Path) -> dict[str, pd.DataFrame]:
    if not (folder / "draft.json").is_file():
        raise FileNotFoundError(f"{folder}: not a draft folder (no draft.json)")
    out = {}
    for csv in sorted(folder.glob("*.csv")):
        out[csv.stem] = pd.read_csv(csv, dtype=str, keep_default_na=False)
    return out


def _key(text) -> str:
    return fix(str(text)).lower()


def _overlap(a0, a1, b0, b1) -> bool:
    return int(a0) < int(b1) and int(b0) < int(a1)


def diff(draft: dict[str, pd.DataFrame], data: Path | None = None) -> Diff:
    d = dossier_data.load(data)
    sha = draft["sources"].iloc[0]["sha256"]
    src = d.sources[d.sources["sha256"] == sha]
    curated_id = str(src.iloc[0]["source_id"]) if len(src) else None
    out = Diff(curated_id)

    def mine(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["source_id"] == curated_id] if curated_id else table.iloc[0:0]

    # figures
    cur = mine(d.figures)
    matched = set()
    for i, row in draft["figures"].iterrows():
        overlaps = [
            int(p) == int(row["para"]) and _overlap(row["char_start"], row["char_end"], s, e)
            for p, s, e in zip(cur["para"], cur["char_start"], cur["char_end"], strict=True)
        ]
        hit = cur[pd.Series(overlaps, index=cur.index, dtype=bool)]
        where = (
            f"figures.csv row {i + 2} ({row['value_as_printed']} {row['metric']}, "
            f"para {row['para']})"
        )
        if hit.empty:
            out.new.setdefault("figures", []).append(where)
            continue
        c = hit.iloc[0]
        matched.add(c["figure_id"])
        if int(c["value"]) != int(row["value"]) or c["qualifier"] != row["qualifier"]:
            out.conflicts.setdefault("figures", []).append(
                f"{where}: draft {row['value']} {row['qualifier']}, curated {c['figure_id']} "
                f"{c['value']} {c['qualifier']}"
            )
        else:
            out.same["figures"] = out.same.get("figures", 0) + 1
    for _, c in cur.iterrows():
        if c["figure_id"] not in matched:
            out.missing.setdefault("figures", []).append(f"{c['figure_id']} ({c['quote']})")
    # people, and their roles' titles
    cur_people = mine(d.people)
    names = {
        _key(n): pid for n, pid in zip(cur_people["name"], cur_people["person_id"], strict=True)
    }
    seen = set()
    for i, row in draft["people"].iterrows():
        pid = names.get(_key(row["name"]))
        if pid is None:
            out.new.setdefault("people", []).append(f"people.csv row {i + 2} ({row['name']})")
        else:
            seen.add(pid)
            out.same["people"] = out.same.get("people", 0) + 1
    for _, c in cur_people.iterrows():
        if c["person_id"] not in seen:
            out.missing.setdefault("people", []).append(f"{c['person_id']} ({c['name']})")
    cur_roles = mine(d.roles)
    draft_people = draft["people"].set_index("person_id")["name"]
    for i, row in draft["roles"].iterrows():
        pid = names.get(_key(draft_people.get(row["person_id"], "")))
        if pid is None:
            continue
        titles = [_key(t) for t in cur_roles.loc[cur_roles["person_id"] == pid, "title_as_printed"]]
        title = _key(row["title_as_printed"])
        if titles and not any(title in t for t in titles):
            out.conflicts.setdefault("roles", []).append(
                f"roles.csv row {i + 2} ({draft_people[row['person_id']]}): draft title "
                f"{row['title_as_printed']!r}, curated {titles}"
            )
        else:
            out.same["roles"] = out.same.get("roles", 0) + 1
    # policies
    cur_pol = mine(d.policies)
    known = {_key(t) for t in cur_pol["title"]} | {
        _key(t) for t in cur_pol["title_as_printed"].dropna()
    }
    seen_pol = set()
    for i, row in draft["policies"].iterrows():
        k = _key(row["title"])
        if k in known:
            seen_pol.add(k)
            out.same["policies"] = out.same.get("policies", 0) + 1
        else:
            out.new.setdefault("policies", []).append(f"policies.csv row {i + 2} ({row['title']})")
    for _, c in cur_pol.iterrows():
        keys = {
            _key(c["title"]),
            _key(c["title_as_printed"]) if pd.notna(c["title_as_printed"]) else "",
        }
        if not keys & seen_pol:
            out.missing.setdefault("policies", []).append(f"{c['policy_id']} ({c['title']})")
    return out
