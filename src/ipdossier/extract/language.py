"""Which language an article is written in: Chinese (zh) or English (en).

Decided by script, not by a word list: the share of CJK ideographs among the letters of
the article's text. A draft records the language it read the article in.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect(text: str, sample: int = 200_000) -> tuple[str, str]:
    """(language, why): 'zh' when ideographs outnumber a fifth of the Latin letters
    (an English word has ~5 letters, a Chinese word 1-2 characters), else 'en'."""
    head = text[:sample]
    cjk = len(_CJK.findall(head))
    latin = len(_LATIN.findall(head))
    if cjk == 0 and latin == 0:
        return "und", "no letters or ideographs in the text"
    if cjk * 5 >= latin:
        return "zh", f"{cjk} CJK ideographs, {latin} Latin letters"
    return "en", f"{latin} Latin letters, {cjk} CJK ideographs"
