"""Labels in English and Chinese, from one catalogue.

Every string the package itself writes (chart titles, axis labels, headings, table
headers, notes) is in `labels.toml`, beside this module, with both languages. Looking up
a key the catalogue does not hold, or a language it lacks, is an error: a missing label
fails the run that needs it rather than printing the key. Names from the data are shown
in Chinese only where the data package holds a Chinese form read from a source
(`title_zh`, `names_zh`); otherwise the English form is kept, never a translation made
up on the fly.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

import pandas as pd

LANGUAGES = ("en", "zh")


class MissingLabel(KeyError):
    """A key (or a language of it) that the catalogue does not hold."""


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """The catalogue: {key: {"en": ..., "zh": ...}}."""
    text = (resources.files("ipdossier") / "labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def t(key: str, language: str = "en") -> str:
    """The label for `key` in `language`."""
    entry = catalogue().get(key)
    if entry is None:
        raise MissingLabel(f"no label {key!r} in ipdossier/labels.toml")
    text = entry.get(language)
    if not text:
        raise MissingLabel(f"label {key!r} has no {language!r} form in ipdossier/labels.toml")
    return text


def has(key: str) -> bool:
    return key in catalogue()


def policy_title(row: pd.Series, language: str = "en") -> str:
    """A policy's title: the official Chinese title when asked for and recorded."""
    if language == "zh":
        zh = row.get("title_zh")
        if isinstance(zh, str) and zh:
            return zh
    return str(row["title"])
