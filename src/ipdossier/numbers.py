"""Read counts as newspapers print them: digits or words, with their qualifier.

"more than 150" -> (150, "at_least"); "nearly 1,000" -> (1000, "approximately");
"Nine" -> (9, "exact"); "9th" -> (9, "exact"); "four-day" -> (4, "exact").
Used both to check curated figures against their quotes and to extract new ones.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}

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

NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, *ORDINALS], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# A number: digits (optionally an ordinal suffix) or a run of number words.
NUMBER_RE = re.compile(
    rf"(?<![\w-])(?:(?P<digits>{_DIGITS})(?P<suffix>st|nd|rd|th)?"
    rf"|(?P<words>(?:{NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{NUMBER_WORD}))*))(?![\w])",
    re.IGNORECASE,
)


def words_to_int(words: str) -> int | None:
    """'one hundred and fifty' -> 150; 'twenty-one' -> 21; unknown words -> None."""
    total, current = 0, 0
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    for tok in tokens:
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in ORDINALS:
            current += ORDINALS[tok]
        elif tok in SCALES:
            current = max(current, 1) * SCALES[tok]
            if SCALES[tok] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


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
        return float(raw) if "." in raw else int(raw)
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
