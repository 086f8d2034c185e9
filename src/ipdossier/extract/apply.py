"""Merge reviewed draft rows into data/, only if the whole package still validates.

The merge is made on a copy of the package, checked with `ipdossier check` (types, keys,
locators against the source text); data/ changes only when the copy is clean, each
changed file replaced by rename.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .. import schema
from ..check import check
from ..errors import ApplyError
from ..paths import data_dir
from .diff import read_draft
from .draft import ALSO, NOTE, REVIEW

YES = {"yes", "y", "true", "1", "x", "reviewed"}


def reviewed_rows(
    draft: dict[str, pd.DataFrame], take_all: bool = False
) -> dict[str, pd.DataFrame]:
    out = {}
    for name, table in draft.items():
        if REVIEW not in table:
            continue
        keep = table if take_all else table[table[REVIEW].str.strip().str.lower().isin(YES)]
        if len(keep):
            out[name] = keep.drop(
                columns=[c for c in (REVIEW, NOTE, ALSO, "mentions") if c in keep]
            )
    return out


def apply(
    folder: Path, *, data: Path | None = None, sources: Path | None = None, take_all: bool = False
) -> dict[str, int]:
    """Rows added per table; raises ApplyError (data/ untouched) when validation fails."""
    draft = read_draft(folder)
    rows = reviewed_rows(draft, take_all)
    if not rows:
        raise ApplyError(
            f"{folder}: no row is marked reviewed (set the `reviewed` column "
            "to yes on the rows to apply)"
        )
    target = Path(data) if data else data_dir()
    _, package = schema.read_descriptor(target)
    paths = {r["name"]: r["path"] for r in package["resources"]}
    # The draft's source row comes along whenever any of its facts does.
    if "sources" not in rows:
        rows = {"sources": draft["sources"].drop(columns=[REVIEW], errors="ignore"), **rows}
    with tempfile.TemporaryDirectory(prefix="ipdossier-apply-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(target, copy)
        added = {}
        # Where each appended row came from: merged CSV row number -> the draft's own.
        origin: dict[tuple[str, int], int] = {}
        for name, new in rows.items():
            if name not in paths:
                raise ApplyError(f"{folder / (name + '.csv')}: no table {name!r} in the package")
            csv = copy / paths[name]
            current = pd.read_csv(csv, dtype=str, keep_default_na=False)
            # Columns and primary key as the package's descriptor declares them.
            key = schema.primary_key(name, copy)
            new = new.reindex(columns=schema.columns(name, copy), fill_value="")
            have = set(current[key].itertuples(index=False, name=None))
            if name == "sources":
                new = new[[k not in have for k in new[key].itertuples(index=False, name=None)]]
            clash = set(new[key].itertuples(index=False, name=None)) & have
            if clash:
                raise ApplyError(
                    f"{folder / (name + '.csv')}: {', '.join(key)} already in the package: "
                    f"{', '.join(sorted(', '.join(k) for k in clash))}"
                )
            # Rows are numbered as check numbers them: the header is row 1.
            for offset, draft_index in enumerate(new.index):
                origin[(paths[name], len(current) + offset + 2)] = int(draft_index) + 2
            merged = pd.concat([current, new], ignore_index=True)
            merged.to_csv(csv, index=False, lineterminator="\n")
            added[name] = len(new)
        problems = [_in_draft(p, origin, folder) for p in check(copy, sources)]
        if problems:
            raise ApplyError(
                f"{folder}: the package would not validate; data/ is unchanged", problems
            )
        for name in added:
            src, dest = copy / paths[name], target / paths[name]
            staged = dest.with_name(f".{dest.name}.apply")
            shutil.copyfile(src, staged)
            os.replace(staged, dest)
    return added


def _in_draft(problem, origin: dict[tuple[str, int], int], folder: Path):
    """A problem in a row the draft added, named by the draft's file and row (the one the
    analyst edits), not by its place in the merged copy."""
    from dataclasses import replace

    at = origin.get((problem.file, problem.row)) if problem.row is not None else None
    if at is None:
        return problem
    return replace(problem, file=str(folder / problem.file), row=at)
