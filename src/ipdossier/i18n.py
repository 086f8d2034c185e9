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

import datetime as dt
import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is for callers; the catalogue itself stays light to import
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


def long_date(day: pd.Timestamp, language: str = "en") -> str:
    """A day in prose: 5 July 2017; 2017年7月5日."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%B %Y}"


def ordinal(n: int, language: str = "en") -> str:
    """A position in prose: 9th in English; in Chinese the bare number, which the
    sentence frames (第9站)."""
    if language == "zh":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def month(value: str, language: str = "en") -> str:
    """A stated month ("2014-11") in prose: November 2014; 2014年11月."""
    day = dt.date(int(value[:4]), int(value[5:7]), 1)
    return f"{day.year}年{day.month}月" if language == "zh" else f"{day:%B %Y}"


def policy_title(row: pd.Series, language: str = "en") -> str:
    """A policy's title: the official Chinese title in Chinese; in English, the English
    title with the Chinese title as issued beside it (as analysts cite them)."""
    zh = row.get("title_zh")
    official = zh if isinstance(zh, str) and zh else None
    if language == "zh":
        return official or str(row["title"])
    return f"{row['title']} ({official})" if official else str(row["title"])


def as_issued(value: object, language: str = "en", english: str | None = None) -> str:
    """A value the data keeps in Chinese as issued or printed (an issuer 国务院, a validity
    失效, a place 东丽区华明高新区). In Chinese, the value itself. In English, an English
    rendering with the Chinese beside it ("State Council (国务院)"), as the English edition
    gives a policy's Chinese title: `english` when the data holds one (an event's English
    name), else the catalogue's rendering keyed by the Chinese value; the Chinese alone
    when neither exists, never a translation made up on the fly."""
    text = str(value)
    if language == "zh":
        return text
    if english is None:
        english = catalogue().get(text, {}).get(language)
    if not english or english == text:
        return text
    return f"{english} ({text})"
