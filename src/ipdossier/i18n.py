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
import re
import tomllib
from decimal import ROUND_HALF_UP, Decimal
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


def paren(text: str, language: str = "en") -> str:
    """A remark in brackets after what it qualifies: " (remark)" in English, "（remark）"
    in Chinese, whose text takes full-width brackets with no space."""
    return f"（{text}）" if language == "zh" else f" ({text})"


def colon(language: str = "en") -> str:
    return "：" if language == "zh" else ": "


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


def stated_date(value: str, language: str = "en") -> str:
    """A date at the precision its source states it: 21 June 2017 / June 2017 / 2017 in
    English, 2017年6月21日 / 2017年6月 / 2017年 in Chinese (a table's or a label's date
    reads as the prose's does, not as the data's 2017-06-21)."""
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(dt.date.fromisoformat(value), language)
    if len(parts) == 2:
        return month(value, language)
    return f"{value}年" if language == "zh" else value


def policy_title(row: pd.Series, language: str = "en") -> str:
    """A policy's title: the official Chinese title in Chinese; in English, the English
    title with the Chinese title as issued beside it (as analysts cite them)."""
    zh = row.get("title_zh")
    official = zh if isinstance(zh, str) and zh else None
    if language == "zh":
        return official or str(row["title"])
    return f"{row['title']} ({official})" if official else str(row["title"])


# -- quantities ------------------------------------------------------------------------------

# Chinese counts carry their own magnitude words (万, 亿); English ones read in thousands,
# millions and billions. The data keeps a value in the scale its source printed (0.4351 with
# scale 10,000 for "4351件"): these show it at the size a reader expects, rounded for display
# only (at most four significant digits past a magnitude word, never more than two decimals).
_ZH_MAGNITUDES = ((1e8, "亿"), (1e4, "万"))
_EN_MAGNITUDES = ((1e9, "billion"), (1e6, "million"))


def _plain(x: float, decimals: int = 2) -> str:
    """1234.5 -> "1,234.5"; 4351.0 -> "4,351"; 0.36 -> "0.36". A half rounds up, as a reader
    rounds (3872.5 to no decimals is 3873; Python's own formatting gives 3872)."""
    d = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{d:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _places(x: float, most: int) -> int | None:
    """How many decimals write `x` whole (8539.9 -> 1, 387.25 -> 2), or None if more than
    `most` would (1.599597 million). A scaled value's float noise past nine decimals is not
    a digit of it."""
    d = Decimal(repr(round(float(x), 9))).normalize()
    places = max(0, -int(d.as_tuple().exponent))
    return places if places <= most else None


def _scaled(x: float) -> str:
    """A number before a magnitude word: four significant digits, at most two decimals."""
    whole = len(str(int(abs(x)))) if abs(x) >= 1 else 1
    return _plain(x, max(0, min(2, 4 - whole)))


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN compares unequal to itself
    except TypeError:  # pd.NA (and NaT-like values) refuse a truth value
        return True


def amount(value, scale: float = 1, language: str = "en", exact: bool = False) -> str:
    """A number at its real size as a reader of `language` writes it, without unit or hedge:
    0.4351 x 10,000 -> "4,351" in both; 331.6255 x 10,000 -> "331.6万" / "3.32 million";
    750 x 100,000,000 -> "750亿" / "75 billion"; 6.7 x 10,000 -> "6.7万" / "67,000".
    Unknown -> "?".

    `exact` writes every digit the value has, for a table that quotes values as their
    sources state them: 3872.5亿 / "387.25 billion", and a value that a magnitude word
    would leave with more than two decimals as a whole number (331.6255万 -> "3,316,255")."""
    if _missing(value):
        return "?"
    x = float(value) * float(scale or 1)
    for size, word in _ZH_MAGNITUDES if language == "zh" else _EN_MAGNITUDES:
        if abs(x) >= size:
            if exact:
                # English takes a third decimal before a magnitude word (47.86亿美元 is
                # "4.786 billion", not "4,786 million" beside "4.44 billion"); a value
                # needing more is written whole.
                places = _places(x / size, 3 if language == "en" else 2)
                if places is None:
                    continue  # no short form: a smaller word, or the whole number
                number = _plain(x / size, places)
            else:
                number = _scaled(x / size)
            # Chinese groups a number before 万 or 亿 by the word itself, never by
            # thousands commas: 1800亿, 2180亿 (not 1,800亿).
            return f"{number.replace(',', '')}{word}" if language == "zh" else f"{number} {word}"
    if exact:
        places = _places(x, 4)
        return _plain(x, 4 if places is None else places)
    return _plain(x)


def base_unit(unit: str | None, scale: float = 1) -> str:
    """A Chinese unit without the magnitude its scale puts in front (万件 at 10,000 -> 件;
    亿美元 at 100,000,000 -> 美元), since `amount` writes the magnitude itself."""
    unit = unit or ""
    for size, word in _ZH_MAGNITUDES:
        if float(scale or 1) == size and unit.startswith(word):
            return unit[len(word) :]
    return unit


def quantity(
    value,
    scale: float = 1,
    language: str = "en",
    unit: str | None = None,
    qualifier: str | None = None,
    printed: str | None = None,
    exact: bool = False,
) -> str:
    """A value with its hedge and unit, in natural form: "more than 4,800 applications",
    "nearly 1,000", "67,000 applications", "75 billion yuan", "15%"; 超过4,800件, 100余家,
    近1,000家, 331.6万件, 750亿元.

    `unit` is the unit as the data gives it for `language` (Chinese units may carry the
    scale's 万 or 亿, which is taken off). The hedge reads as printed where `printed` says
    ("nearly", 近, 超过); otherwise "more than" / 余 or "at least" / 以上, "about" / 约,
    "at most" / 至多."""
    number = amount(value, scale, language, exact)
    if number == "?":
        return number  # unknown: no unit or hedge to hang on it
    zh = language == "zh"
    unit = base_unit(unit, scale) if zh else (unit or "")
    tight = zh or unit.startswith("%")
    said = (printed or "").strip().lower()
    if qualifier == "at_least":
        # Chinese has two lower bounds: 余 / 超过 ("more than", the number excluded) and 以上
        # (the number included, as the plans write their targets: 15%以上, 3件以上). The form is
        # chosen once, from the value and how it was printed, so that both editions say the
        # same thing: 以上 is "at least" in English, never "more than".
        head = number.rstrip("万亿")
        stated_over = said.startswith(("超过", "more than", "over"))
        whole = head.replace(",", "").isdigit() and not unit.startswith("%")
        digits = head.replace(",", "")
        if stated_over:
            form = "over"
        elif unit.startswith("%"):
            form = "yishang"  # a rate's lower bound as the plans write it: 15%以上
        elif whole and int(digits) >= 10 and digits.endswith("0"):
            form = "yu"  # 余 follows a round number: 100余家, 4,800余件, 750余亿元
        elif whole:
            form = "yishang"  # a small or exact-looking one takes 以上 after its unit: 3件以上
        else:
            form = "over"  # a decimal takes 超过
        if zh and form in ("yu", "yishang"):
            unit = number[len(head) :] + unit
            key = "qty_at_least_yu" if form == "yu" else "qty_at_least_yishang"
            return t(key, language).format(value=head, unit=unit)
        key = "qty_at_least_inclusive" if form == "yishang" else "qty_at_least"
    elif qualifier == "approximately":
        key = "qty_nearly" if said.startswith(("nearly", "近", "almost")) else "qty_approximately"
    elif qualifier == "at_most":
        key = "qty_at_most"
    else:
        key = None
    text = t(key, language).format(value=number) if key else number
    return f"{text}{unit}" if tight or not unit else f"{text} {unit}"


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


_DOC_NUMBER = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]+)〔(?P<year>\d{4})〕(?P<n>\d+)号$")


def doc_number(value: object, language: str = "en") -> str:
    """A document number as a sentence or a headline prints it: as issued in Chinese
    (国发〔2016〕86号); in English romanised the way official English translations cite
    them ("Guofa [2016] No. 86"), the issuing prefix read from the catalogue
    (`docno:国发`). A number of another form, or a prefix the catalogue lacks, is
    returned as issued, so a test of the English text finds it."""
    text = str(value)
    if language == "zh":
        return text
    m = _DOC_NUMBER.match(text)
    key = f"docno:{m['prefix']}" if m else ""
    if not m or not has(key):
        return text
    return f"{t(key, 'en')} [{m['year']}] No. {int(m['n'])}"


def doc_number_cell(value: object, language: str = "en") -> object:
    """A document number as a table's cell prints it: in English the romanised form the
    prose uses, followed by the number as issued (which a reader searches the Chinese
    original by); in Chinese as issued. Empty stays empty."""
    if not isinstance(value, str) or not value:
        return value
    shown = doc_number(value, language)
    return shown if shown == value else f"{shown} ({value})"


def doc_number_forms(value: object) -> list[str]:
    """Every form a page may print a document number in: as issued (国发〔2021〕20号), and
    as official English translations cite it, by the romanised prefix ("Guofa [2021] No.
    20") or by the prefix's initials, as CNIPA's English site does ("GF (2021) No. 20";
    the catalogue's `docinitials:`). Brackets and spacing are the reader's (`states_text`) to
    ignore. A number of another form, or a prefix the catalogue lacks, has one form."""
    text = str(value)
    m = _DOC_NUMBER.match(text)
    key = f"docno:{m['prefix']}" if m else ""
    if not m or not has(key):
        return [text]
    forms = [text, doc_number(text, "en")]
    if has(initials := f"docinitials:{m['prefix']}"):
        forms.append(f"{t(initials, 'en')} [{m['year']}] No. {int(m['n'])}")
    return forms


def day_span(start: pd.Timestamp, end: pd.Timestamp, language: str = "en") -> str:
    """A stretch of days as a reader writes it: 5–6 July 2017, 2017年7月5日至6日; one day
    as `long_date`. Every place that dates an event of several days prints this, so none
    gives its first day alone."""
    if end is None or end != end or end == start:
        return long_date(start, language)
    if language == "zh":
        if (start.year, start.month) == (end.year, end.month):
            return f"{long_date(start, language)}至{end.day}日"
        return f"{long_date(start, language)}至{long_date(end, language)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    return f"{long_date(start, language)} – {long_date(end, language)}"
