"""Where a line of a label or a table cell may break: at a space in Latin text, and in
Chinese between two words, never inside one.

Chinese has no spaces, and a browser or a character-counting wrap breaks it between any
two characters: a review found 第三/十次会议 in the hierarchy chart and 拥有/量, 年均增/长 in
the indicator columns of the tables. Words come from jieba's dictionary (a project
dependency, loaded once per process on first use; nothing is fetched), with the plans'
short names added; a one-character word (量, 每, 的) stays with the words beside it.
Punctuation stays with its word: an opening bracket or quote with the
word after it, a closing one or a comma with the word before it, so no line ends in （
or starts with ）. A number keeps a one-character unit after it (2025年, 86号).

A Chinese gloss in English text ("General Plan (知识产权综合管理改革试点总体方案)") is one
unit: a label keeps it whole, on a line of its own where it fits one (`finer` gives its
words where it does not).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache, lru_cache

# Wide characters: CJK, full-width forms and punctuation (a character counts two cells).
WIDE = r"\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
# White space, a run of narrow characters, or a run of wide ones.
_PIECES = re.compile(rf"\s+|[^\s{WIDE}]+|[{WIDE}]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Opening marks go with the word after them; closing marks and separators with the one
# before (the rules of Chinese typesetting that forbid them at a line's end or start).
OPENING = "“‘（《〈〔【「『([{"
CLOSING = "”’）》〉〕】」』)]}、，。；：！？,.;:!?%％"
# Words jieba cuts in two that a reader reads as one.
_EXTRA_WORDS = ("十二五", "十三五", "十四五", "十五五")
_DOC_NUMBER = re.compile(r"[\u3400-\u9fff]{1,6}〔\d{4}〕\d+号")
# A Chinese gloss in parentheses in English text.
_GLOSS = re.compile(r"[(（][^()（）]*[\u3400-\u9fff][^()（）]*[)）]")


def cells(text: str) -> int:
    """The printed width of `text` in narrow characters: a wide one counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@cache
def _segmenter():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in _EXTRA_WORDS:
        tokenizer.add_word(word, freq=100_000)
    return tokenizer


@lru_cache(maxsize=8192)
def _words(run: str) -> tuple[str, ...]:
    """A run of wide characters cut into words (a run with no Chinese character, only
    full-width marks, is cut into characters)."""
    if not _HAN.search(run):
        return tuple(run)
    return tuple(_segmenter().cut(run, HMM=True))


def _opening(unit: str) -> bool:
    return bool(unit) and all(c in OPENING for c in unit)


def _glued(parts: list[str]) -> list[str]:
    """Punctuation joined to its word; a unit of one or two Chinese characters (年, 亿元)
    to the number before it; a one-character word to the words either side of it."""
    out: list[str] = []
    carry = ""
    join_next = False
    for part in parts:
        if part.isspace():
            if carry:
                out.append(carry)
                carry = ""
            out.append(part)
            join_next = False
            continue
        joins = bool(out) and not out[-1].isspace() and not carry
        if joins:
            lead = len(part) - len(part.lstrip(CLOSING))
            out[-1] += part[:lead]
            part = part[lead:]
        if not part:
            continue
        single = len(part) == 1 and bool(_HAN.match(part))
        if joins and (
            join_next
            or (len(part) <= 2 and _HAN.match(part) and out[-1][-1:].isdigit())
            # A one-character word (量, 每, 的, 占) is not a line's first or last word:
            # "PCT专利申请" / "量" and "制造业每" / "亿元" read as broken words.
            or (single and _HAN.match(out[-1][-1:]))
        ):
            out[-1] += part
            join_next = single
            continue
        part, carry = carry + part, ""
        if _opening(part):
            carry = part
            continue
        out.append(part)
        join_next = single
    if carry:
        out.append(carry)
    return out


@lru_cache(maxsize=8192)
def word_units(text: str) -> tuple[str, ...]:
    """`text` cut where a line may break: white space is a unit of its own, every other
    unit is printed whole. The units joined are `text`."""
    parts: list[str] = []
    text = str(text)
    at = 0
    # A document number (国发〔2016〕86号) is one unit: jieba cuts 国发 in two.
    for m in _DOC_NUMBER.finditer(text):
        parts += _parts(text[at : m.start()])
        parts.append(m.group(0))
        at = m.end()
    parts += _parts(text[at:])
    return tuple(_glued(parts))


def _parts(text: str) -> list[str]:
    parts: list[str] = []
    for piece in _PIECES.findall(text):
        if piece.isspace() or not re.match(rf"[{WIDE}]", piece):
            parts.append(piece)
        else:
            parts.extend(_words(piece))
    return parts


@lru_cache(maxsize=8192)
def units(text: str) -> tuple[str, ...]:
    """Like `word_units`, but a Chinese gloss in English text is one unit: a label keeps
    it whole rather than start it at the end of one line and finish it on the next."""
    text = str(text)
    if not _is_latin_with_gloss(text):
        return word_units(text)
    out: list[str] = []
    at = 0
    for m in _GLOSS.finditer(text):
        out += word_units(text[at : m.start()])
        out.append(m.group(0))
        at = m.end()
    out += word_units(text[at:])
    return tuple(out)


def _is_latin_with_gloss(text: str) -> bool:
    """English text with a Chinese gloss in parentheses: outside its glosses, no Chinese."""
    return bool(_GLOSS.search(text)) and not _HAN.search(_GLOSS.sub("", text))


def finer(unit: str) -> tuple[str, ...]:
    """The pieces of a unit too wide for a line: a gloss's words, else its characters."""
    words = word_units(unit)
    return words if len(words) > 1 else tuple(unit)
