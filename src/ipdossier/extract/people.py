"""People with their title and organisation, in the two shapes news copy uses:

  "Liu Jufang, the vice director of SIPO's Planning and Development Department"
  "the Division Chief of Beijing municipal intellectual property office Wang Dedao"

Names are recognised by a Chinese surname followed by a capitalised given name (pinyin),
which is how the articles this tool reads print them; organisations run while their
words are capitalised or organisational ("municipal", "office", "Co.", "Ltd.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .typos import fix

SURNAMES = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
    "Liang Xie Song Tang Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai "
    "Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Tan Lu Fan Fu Zou Xiong Meng Qin Bai Jia Xue "
    "Yan Qiu Hou Shi Hao Kong Chang Mao Qian Gu Duan Lei Fang Qi Ge Xi Dai Mo Wen Qu Kang Yin "
    "Niu Bao Ji Hong Shao Long Wan Tao Lai Ou Mu Geng Zhong Xing Cui Zuo Lian Yi Yin Zou"
).split()
_SURNAME = "|".join(sorted(set(SURNAMES), key=len, reverse=True))
NAME = rf"(?:{_SURNAME}) [A-Z][a-z]{{1,12}}"

# Lowercase words that can sit inside an organisation's name.
_ORG_WORDS = (
    "of|and|for|the|on|in|municipal|provincial|national|intellectual|property|office|"
    "department|bureau|administration|government|municipality|province|city|county|district|"
    "committee|agency|agencies|group|college|university|center|centre|court|ministry|"
    "commission|association|institute|company|law|firm|zone|park|council|party"
)
_ORG_TOKEN = rf"(?:[A-Z][\w'’&.-]*|\([A-Z][\w.-]*\)|(?:{_ORG_WORDS})\b|Co\.,?|Ltd\.|P\.C\.)"
ORG = rf"{_ORG_TOKEN}(?:[ ,]{{1,2}}{_ORG_TOKEN}){{0,14}}"
_TITLE_WORD = r"(?:(?!(?:and|the|And|The|of)\b)[A-Za-z][\w-]*|genera l)"
TITLE = rf"\b{_TITLE_WORD}(?: {_TITLE_WORD}){{0,5}}?"

# "Name, the title of Org"  /  "Name, title of Org"
AFTER_NAME = re.compile(rf"(?P<name>{NAME}), (?P<the>the )?(?P<title>{TITLE}) of (?P<org>{ORG})")
# "the title of Org Name"  /  "Title of Org Name"
BEFORE_NAME = re.compile(
    rf"(?P<the>\b[Tt]he )?(?P<title>{TITLE}) of (?P<org>{ORG}?) (?P<name>{NAME})\b"
    rf"(?=[\s.,;:]|$)"
)
_TITLE_WORDS = re.compile(
    r"\b(?:director|commissioner|mayor|member|manager|partner|chief|dean|secretary|president|"
    r"chairman|chairwoman|chair|head|minister|governor|deputy|vice|officer|researcher|"
    r"professor|editor|lawyer|attorney|founder|ceo|cto|representative|judge|counsel)\b",
    re.IGNORECASE,
)


@dataclass
class Mention:
    para: int
    name: str
    name_start: int
    name_end: int
    title: str  # as printed, without a leading "the"
    organisation: str  # as printed
    start: int  # of the whole mention
    end: int


def _trim_org(org: str) -> str:
    org = org.rstrip(" ,;:")
    if org.startswith(("the ", "The ")):
        org = org[4:]
    # An organisation never ends on a joining word.
    while True:
        words = org.split(" ")
        if len(words) > 1 and words[-1].lower() in ("and", "of", "the", "for", "on", "in"):
            org = " ".join(words[:-1]).rstrip(" ,")
        else:
            return org


def mentions(para: int, line: str) -> list[Mention]:
    found: list[Mention] = []
    # Matched at every name, not with finditer: the organisation of one mention may run
    # over the next name before it is cut back.
    starts = (AFTER_NAME.match(line, n.start()) for n in re.finditer(rf"\b{NAME}\b", line))
    for m in (x for x in starts if x):
        title = m.group("title")
        if not _TITLE_WORDS.search(title):
            continue
        org = m.group("org")
        listed = re.search(rf"[,;] (?:and )?{NAME}\b", org)
        if listed:
            # "A, director of X, and B, the president of Y": B starts the next mention.
            org = org[: listed.start()]
        org = _trim_org(org)
        if re.search(rf"\b{NAME}\b", org):
            # "A, the chief of X Office B": A closes the previous mention and B is the
            # person this title belongs to; the title-first pattern reads it right.
            continue
        end = m.start("org") + len(org)
        found.append(
            Mention(
                para, m.group("name"), m.start("name"), m.end("name"), title, org, m.start(), end
            )
        )
    for m in BEFORE_NAME.finditer(line):
        title = m.group("title")
        if not _TITLE_WORDS.search(title) or any(f.start <= m.start("name") < f.end for f in found):
            continue
        # The title is the last few words before " of": "the general manager of ...".
        if len(title.split(" ")) > 4 or re.search(r"(?:,|\band)$", m.group("org").strip()):
            continue
        start = m.start("the") if m.group("the") else m.start("title")
        found.append(
            Mention(
                para,
                m.group("name"),
                m.start("name"),
                m.end("name"),
                title,
                _trim_org(m.group("org")),
                start,
                m.end("name"),
            )
        )
    return sorted(found, key=lambda f: f.start)


def names(para: int, line: str) -> list[tuple[str, int, int]]:
    """Every name in the line, with or without a title (for first mentions)."""
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(rf"\b{NAME}\b", line)]


def normal_title(title: str) -> str:
    return fix(title).lower()


def normal_org(org: str) -> str:
    return fix(org)
