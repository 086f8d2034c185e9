"""Read what a quoted sentence states, in Chinese or English: quantities, dates, names.

`ipdossier check` uses this to confirm that each indicator, observation and document fact
holds the value its row records. Official texts are quoted as read, often on mirror hosts
in traditional characters (國發〔2016〕86號) and with Chinese units and hedges (超过2250亿元,
近千人, 3件以上, 172万2904件), while English summaries say "180 billion yuan" or "25, 000".
A recorded value is compared with the quote as an absolute amount: 1800 (亿元) is
180 billion, 2.5 (万件) is 25,000.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cn2an

# Chinese scale characters and English scale words, as multipliers.
_CN_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
# A lakh is 100,000 and a crore 10,000,000, as Indian English prints them ("4.66 lakh").
_EN_SCALE = {
    "billion": 1e9, "million": 1e6, "thousand": 1e3, "bn": 1e9, "mn": 1e6,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# The scale words as one alternation (longest first): `_NUMBER` here and the count
# reader's look-ahead (`extract.counts`) read the same words.
EN_SCALE_WORDS = "|".join(sorted(_EN_SCALE, key=len, reverse=True))

# Hedges before and after a number. Longest first so 将近 wins over 近.
_BEFORE = sorted(
    [
        ("超过", "at_least"),
        ("超", "at_least"),
        ("逾", "at_least"),
        ("突破", "at_least"),
        ("多于", "at_least"),
        ("不少于", "at_least"),
        ("more than", "at_least"),
        ("over", "at_least"),
        ("above", "at_least"),
        ("at least", "at_least"),
        ("exceeded", "at_least"),
        ("将近", "approximately"),
        ("近", "approximately"),
        ("约", "approximately"),
        ("大约", "approximately"),
        ("nearly", "approximately"),
        ("about", "approximately"),
        ("around", "approximately"),
        ("approximately", "approximately"),
        ("almost", "approximately"),
        ("不到", "at_most"),
        ("不足", "at_most"),
        ("less than", "at_most"),
        ("under", "at_most"),
        ("up to", "at_most"),
    ],
    key=lambda kv: -len(kv[0]),
)
_AFTER = [
    ("以上", "at_least"),
    ("余", "at_least"),
    ("多", "at_least"),
    ("左右", "approximately"),
    ("以下", "at_most"),
    ("以内", "at_most"),
]

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_RUN = re.compile(rf"[{_CN_DIGITS}]+")
_NUMBER = re.compile(
    r"(?<!\d)(?<!\d\.)(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?P<cn>[万亿千百](?!分)))?"
    r"(?P<rest>\d{1,4}(?![\d.,]))?"
    rf"(?:\s*(?P<en>{EN_SCALE_WORDS})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str
    text: str


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified characters only (offsets mostly kept; NFKC is not applied)."""
    return _t2s().convert(text)


def simplify(text: str) -> str:
    """Traditional to simplified characters, full-width forms to ASCII (NFKC)."""
    return _t2s().convert(unicodedata.normalize("NFKC", text))


def _arabic(match: re.Match) -> str:
    run = match.group(0)
    # 两 alone is two before the measure words of bodies and people (两家, 两名; not 两岸,
    # 两会, nor 两个合作区 and 两位专家, which point back more often than they count), and
    # of cases (两起案件)
    after = match.string[match.end() : match.end() + 1]
    if run == "两" and after and after in "家名起":
        return "2"
    # A lone scale character is a unit in running text (千 in 近千人 is a number, but 万
    # in 万件 is not): only runs that start with a digit character or 十/千 are numbers.
    if run[0] in "万亿百" or len(run) == 1 and run in "两":
        return run
    if run[0] in "千百万亿" and match.start() and match.string[match.start() - 1].isdigit():
        # 3千, 5千余: the scale of the digits before it (3000), not the number 一千
        # glued to them (31000). `_NUMBER` reads the digits with their scale.
        return run
    try:
        return str(cn2an.cn2an(run if run[0] not in "十千" else "一" + run, "smart"))
    except (ValueError, KeyError):
        return run


def _prepare(text: str) -> str:
    text = simplify(text)
    # "25, 000" and "25 000" as printed in translated summaries are one number.
    text = re.sub(r"(?<=\d),\s(?=\d{3}\b)", ",", text)
    return _CN_RUN.sub(_arabic, text)


def quantities(text: str) -> list[Quantity]:
    """Every number the text states, scaled to an absolute amount, with its hedge."""
    prepared = _prepare(text)
    found = []
    for m in _NUMBER.finditer(prepared):
        value = float(m.group("num").replace(",", ""))
        if m.group("cn"):
            value *= _CN_SCALE[m.group("cn")]
            if m.group("rest"):
                value += float(m.group("rest"))
        elif m.group("rest"):
            continue  # digits glued to digits: not a number a reader sees
        if m.group("en"):
            value *= _EN_SCALE[m.group("en").lower()]
        found.append(Quantity(value, _hedge(prepared, m.start(), m.end()), m.group(0)))
    return found


def _hedge(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 16) : start].lower().rstrip()
    for phrase, qualifier in _BEFORE:
        if before.endswith(phrase):
            return qualifier
    after = text[end : end + 6].lstrip()
    # Units come between a number and its hedge: 100余家, 3件以上, 370亿元左右.
    after = re.sub(r"^(?:[件家人项个元美次分%]|亿美元|亿元|万件)+", "", after) if after else after
    for phrase, qualifier in _AFTER:
        if text[end:].lstrip().startswith(phrase) or after.startswith(phrase):
            return qualifier
    return "exact"


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def states_quantity(quote: str, value: float, scale: float = 1.0, qualifier: str | None = None):
    """None when the quote states `value` x `scale` (with `qualifier`, when given);
    otherwise a short reason, for the check's message."""
    wanted = float(value) * float(scale or 1)
    seen = quantities(quote)
    matches = [q for q in seen if _same(q.value, wanted) or _same(q.value, float(value))]
    if not matches:
        read = ", ".join(f"{q.value:g}" for q in seen) or "no number"
        stated = f"{float(value):g} (x{float(scale or 1):g})"
        return f"the quote does not state {stated}; it reads {read}"
    if qualifier and not any(q.qualifier == qualifier for q in matches):
        return f"the quote states {value} as {matches[0].qualifier}, not {qualifier}"
    return None


def _squash(text: str) -> str:
    text = simplify(text)
    text = re.sub(r"[\s“”\"'《》〈〉「」『』]", "", text)
    # Document numbers print their year in 〔〕, [], （） or ().
    return re.sub(r"[\[\]［］()（）〔〕【】]", "〔", text).lower()


def states_text(quote: str, text: str) -> bool:
    """The quote contains `text`, whatever the script, brackets, quotation marks or
    spacing it was printed with."""
    return _squash(text) in _squash(quote)


_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip


def states_date(quote: str, value: str, page_date: str | None = None) -> bool:
    """The quote gives the date `value` (YYYY, YYYY-MM or YYYY-MM-DD) in a Chinese,
    ISO or English form. News copy prints "7月10日" without the year: that reads as the
    year of the page's own date (`page_date`), when the page gives one."""
    parts = [int(p) for p in value.split("-")]
    flat = _squash(quote)
    y = parts[0]
    if len(parts) == 3 and page_date and str(page_date)[:4] == str(y):
        m, d = parts[1], parts[2]
        if re.search(rf"(?<!\d){m}月{d}日", flat) or re.search(rf"(?<!\d){m:02d}月{d:02d}日", flat):
            return True
    if len(parts) == 1:
        return f"{y}" in flat
    m = parts[1]
    if len(parts) == 2:
        forms = [f"{y}年{m}月", f"{y}年{m:02d}月", f"{y}-{m:02d}", f"{_MONTHS[m - 1]}{y}"]
        return any(f in flat for f in forms)
    d = parts[2]
    forms = [
        f"{y}年{m}月{d}日",
        f"{y}年{m:02d}月{d:02d}日",
        f"{y}-{m:02d}-{d:02d}",
        f"{_MONTHS[m - 1]}{d},{y}",
        f"{d}{_MONTHS[m - 1]}{y}",
    ]
    return any(f in flat for f in forms)
