"""Read counts as newspapers print them: digits or words, with their qualifier.

"more than 150" -> (150, "at_least"); "nearly 1,000" -> (1000, "approximately");
"Nine" -> (9, "exact"); "9th" -> (9, "exact"); "four-day" -> (4, "exact").
Used both to check curated figures against their quotes and to extract new ones.
Spelt-out numbers are valued by text2num (a maintained parser of English number words);
this module only finds them in a line and reads the hedge in front.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit, text2num

# The words a number can be spelt with, for finding one in a line; text2num gives the
# value. Ordinals past "thirtieth" are rare enough in the sources to stay unmatched.
CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million"
).split()
ORDINALS = frozenset(
    (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth thirtieth"
    ).split()
)

# Longest phrases first so "more than" wins over "more".
QUALIFIERS: list[tuple[str, str]] = sorted(
    [
        ("more than", "at_least"),
        ("over", "at_least"),
        ("at least", "at_least"),
        ("upwards of", "at_least"),
        ("in excess of", "at_least"),
        ("tens of", "at_least"),
        ("hundreds of", "at_least"),
        ("thousands of", "at_least"),
        ("nearly", "approximately"),
        ("almost", "approximately"),
        ("about", "approximately"),
        ("around", "approximately"),
        ("approximately", "approximately"),
        ("roughly", "approximately"),
        ("some", "approximately"),
        ("close to", "approximately"),
        ("up to", "at_most"),
        ("at most", "at_most"),
        ("less than", "at_most"),
        ("fewer than", "at_most"),
        ("no more than", "at_most"),
        ("under", "at_most"),
    ],
    key=lambda kv: -len(kv[0]),
)

NUMBER_WORD = "|".join(sorted([*CARDINALS, *ORDINALS], key=lambda w: (-len(w), w)))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# A number: digits (optionally an ordinal suffix) or a run of number words.
NUMBER_RE = re.compile(
    # "90k patent applications": a k glued to the digits is a thousand (test16's Indore
    # report); "10km" is no number here, as before.
    rf"(?<![\w-])(?:(?P<digits>{_DIGITS})(?:(?P<suffix>st|nd|rd|th)|(?P<kilo>k))?"
    rf"|(?P<words>(?:{NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{NUMBER_WORD}))*))(?![\w])",
    re.IGNORECASE,
)


def words_to_int(words: str) -> int | None:
    """'one hundred and fifty' -> 150; 'twenty-one' -> 21; 'ninth' -> 9; not a number -> None.

    text2num reads cardinals only; ordinals go through its alpha2digit, which writes them
    as digits with a suffix ("twenty-first" -> "21st"). A run that is not one number
    ("one two", "first second") is None, not a sum.
    """
    text = " ".join(t for t in re.split(r"[\s-]+", words.lower()) if t)
    if not text or text == "and":
        return None
    try:
        return text2num(text, "en")
    except ValueError:
        pass
    # threshold=0: alpha2digit leaves small isolated numbers as words by default.
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", alpha2digit(text, "en", threshold=0))
    return int(m.group(1)) if m else None


# "tens of thousands of", "hundreds of": a lower bound with no number printed.
VAGUE_RE = re.compile(
    r"\b(?P<base>tens|hundreds|thousands|millions)\s+of"
    r"(?:\s+(?P<scale>thousands|hundreds|millions)(?:\s+of)?)?\b",
    re.IGNORECASE,
)
_VAGUE = {"tens": 10, "hundreds": 100, "thousands": 1000, "millions": 1_000_000}


def parse_number(text: str) -> int | float | None:
    """The first number in `text`, as digits or words; None when there is none."""
    m = NUMBER_RE.search(text)
    if not m:
        v = VAGUE_RE.search(text)
        if v:
            return _VAGUE[v.group("base").lower()] * _VAGUE.get((v.group("scale") or "").lower(), 1)
        return None
    if m.group("digits"):
        raw = m.group("digits").replace(",", "")
        value = float(raw) if "." in raw else int(raw)
        if m.group("kilo"):
            value *= 1000
            return int(value) if value == int(value) else value
        return value
    return words_to_int(m.group("words"))


def qualifier_of(text: str) -> str:
    """The qualifier a phrase puts on its number: exact unless a hedge precedes it."""
    low = re.sub(r"\s+", " ", text.lower()).strip()
    if not NUMBER_RE.search(low) and VAGUE_RE.search(low):
        return "at_least"
    m = NUMBER_RE.search(low)
    head = (low[: m.start()] if m else low).strip()
    for phrase, qualifier in QUALIFIERS:
        if head == phrase or head.endswith(" " + phrase):
            return qualifier
    return "exact"


def parse_count(text: str) -> tuple[int | float | None, str]:
    """('more than 150') -> (150, 'at_least')."""
    return parse_number(text), qualifier_of(text)
