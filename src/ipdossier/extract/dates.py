"""Dates as printed: "July 5-6", "5 July 2017", "in 2017", "December of the last year".

A date without a printed year stays without one: the draft records what is printed
and leaves the year for the analyst, as the curated package does (`date_basis`)."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# "Feb. 5", "Sept 19-20", "Oct 25": news copy's short months (May has none) read too.
_M = "|".join(m.capitalize() for m in MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"


def _month(name: str) -> int:
    """1-12 for a month's name, whole or short ("Sept", "Feb")."""
    return [m[:3] for m in MONTHS].index(name[:3].lower()) + 1


# "Sept 19th, 2018", "March 7 (Thu), 2019": the day's ordinal suffix and a weekday in
# brackets are the day's (the tune half's misses, fourteenth session).
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\))?"
# "On October, 21st 2022": a comma after the month, only with the day's year printed
# (test35's Central American report, after its scoring; "in October, 21 delegates" is none).
RANGE = re.compile(
    rf"\b(?P<month>{_M})\.?(?:,(?= \d{{1,2}}{_ORD},? (?:19|20)\d\d\b))? "
    rf"(?P<d1>\d{{1,2}}){_ORD}{_WEEKDAY}"
    rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}}){_ORD}{_WEEKDAY})?"
    rf"(?:,? (?P<year>(?:19|20)\d\d))?\b"
)
# "26 August 2016", "5-6 July 2017", "on 25th April 2022": day before month.
DAY_FIRST = re.compile(
    # "on 11 and 12 May": two days joined by "and" (test26's PATLIB report, spent)
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:[-–]|and|&)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf" (?:of )?(?P<month>{_M})"
    # "Macau, 28 July 2021Organized by ...": a year glued to the next sentence's first word
    # (test31's spent tune half's MACA page)
    rf"(?:,? (?P<year>(?:19|20)\d\d))?(?:\b|(?<=\d)(?=[A-Z]))"
)
# "from April 17 to April 25, 2018", "April 17 to 25, 2018": a span whose year is
# printed after its end, for both ends.
SPAN = re.compile(
    rf"\b(?:from )?(?P<month>{_M})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_WEEKDAY}"
    rf"\s*(?:to|until|till|through|and|&|[-–—])\s*(?:(?P<m2>{_M})\.? )?(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)?"
    rf"{_WEEKDAY},? (?P<year>(?:19|20)\d\d)\b"
)
# "from 30 November to 1 December 2023", "5 to 7 July 2023": the same, day first
# (test16's ARIPO report).
SPAN_DAY_FIRST = re.compile(
    rf"\b(?:from )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: (?:of )?(?P<month>{_M}))?"
    # "on 22 and 23 March 2010": two days joined by "and" (test17's spent tune half)
    rf"\s*(?:to|until|till|through|and|&|[-–—])\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
    rf"(?P<m2>{_M}),? (?P<year>(?:19|20)\d\d)\b"
)
# "Date : 25-04-2022": a labelled date in figures, day first (as the reports that print
# it so write it); only after the label, where the order is not a guess from the digits.
# "On 26.04.2023 a Workshop ...": after "on", the same (Indian copy, day first; a month
# over 12 is refused below, so a month-first date is not misread).
LABELLED = re.compile(
    r"\b(?:Date\s*:|[Oo]n)\s*(?P<d1>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>(?:19|20)\d\d)\b"
)
# "Denpasar, Thursday (9/11/2023)", "on Tuesday (29/11/2022)": a weekday, then the date in
# figures in brackets (Indonesian copy, day first: three reports of the tune half); read
# only when the weekday is that date's, so the order is checked, not guessed.
WEEKDAY_FIGURES = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*"
    r"\((?P<d1>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\)"
)
YEAR = re.compile(r"\b(?:in|of|since|by) (?P<year>(?:19|20)\d\d)\b")
RELATIVE = re.compile(
    rf"\b(?:in )?(?P<month>{_M}) of (?:the )?(?P<rel>last|this|next) year\b", re.IGNORECASE
)


@dataclass
class DateMention:
    para: int
    start: int
    end: int
    text: str
    month: int | None
    day_start: int | None
    day_end: int | None
    year: int | None
    relative: str | None = None
    month_end: int | None = None

    def iso(self, which: str = "start") -> str:
        """ISO date when the year is printed, else empty: no year is invented."""
        day = self.day_start if which == "start" else (self.day_end or self.day_start)
        month = self.month if which == "start" else (self.month_end or self.month)
        if self.year and month and day:
            return f"{self.year:04d}-{month:02d}-{day:02d}"
        return ""


def mentions(para: int, line: str) -> list[DateMention]:
    out = []
    spans_ = []
    # Spans month first, then day first ("5 to 7 July 2023": the first day's month is the
    # end's when it is printed only once).
    for m in (*SPAN.finditer(line), *SPAN_DAY_FIRST.finditer(line)):
        if any(a <= m.start() < b for a, b in spans_):
            continue
        spans_.append((m.start(), m.end()))
        out.append(
            DateMention(
                para, m.start(), m.end(), m.group(0),
                _month(m.group("month") or m.group("m2")), int(m.group("d1")),
                int(m.group("d2")), int(m.group("year")), None,
                _month(m.group("m2")) if m.group("m2") else None,
            )
        )  # fmt: skip
    for m in (*RANGE.finditer(line), *DAY_FIRST.finditer(line)):
        if any(a <= m.start() < b for a, b in spans_):
            continue  # a part of a span read whole above
        out.append(
            DateMention(
                para,
                m.start(),
                m.end(),
                m.group(0),
                _month(m.group("month")),
                int(m.group("d1")),
                int(m.group("d2")) if m.group("d2") else None,
                int(m.group("year")) if m.group("year") else None,
            )
        )
    for m in LABELLED.finditer(line):
        if 1 <= int(m.group("month")) <= 12 and 1 <= int(m.group("d1")) <= 31:
            out.append(
                DateMention(
                    para, m.start("d1"), m.end(), m.group(0)[m.start("d1") - m.start() :],
                    int(m.group("month")), int(m.group("d1")), None, int(m.group("year")),
                )
            )  # fmt: skip
    for m in WEEKDAY_FIGURES.finditer(line):
        try:
            day = datetime.date(int(m.group("year")), int(m.group("month")), int(m.group("d1")))
        except ValueError:
            continue
        if day.strftime("%A") == m.group("weekday"):
            out.append(
                DateMention(
                    para, m.start(), m.end(), m.group(0), day.month, day.day, None, day.year
                )
            )
    for m in RELATIVE.finditer(line):
        out.append(
            DateMention(
                para,
                m.start(),
                m.end(),
                m.group(0),
                _month(m.group("month")),
                None,
                None,
                None,
                m.group("rel").lower(),
            )
        )
    spans = sorted((d.start, d.end) for d in out)
    for m in YEAR.finditer(line):
        k = bisect.bisect_right(spans, (m.start("year"), 1 << 62)) - 1
        if k < 0 or not spans[k][0] <= m.start("year") < spans[k][1]:
            out.append(
                DateMention(
                    para,
                    m.start("year"),
                    m.end("year"),
                    m.group("year"),
                    None,
                    None,
                    None,
                    int(m.group("year")),
                )
            )
    return sorted(out, key=lambda d: d.start)
