"""Policy and strategy mentions: "the ... Plan / Opinions / Decision / Outline", and
quoted titles of strategies ("One Belt One Road")."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = {
    "plan": "plan",
    "planning": "plan",
    "programme": "plan",
    "program": "plan",
    "opinions": "opinions",
    "opinion": "opinions",
    "decision": "decision",
    "outline": "outline",
    "strategy": "strategy",
    "meeting": "meeting",
}
_CAP = r"(?:[A-Z][\w'’-]*|\(\d{4}-\d{4}\)|\d+(?:st|nd|rd|th))"
_SMALL = r"(?:of|on|and|for|the|to|an|a|in|by|with)\b"
TITLE = re.compile(
    rf"\b[Tt]he (?P<title>(?:{_CAP} (?:(?:{_CAP}|{_SMALL}) ){{0,16}}?)?"
    rf"(?P<kind>Planning|Plan|Programme|Program|Opinions|Opinion|Decision|Outline|Strategy|"
    rf"Meeting)\b"
    rf"(?: (?:on|of|for) (?:{_CAP}|{_SMALL})(?: (?:{_CAP}|{_SMALL})){{0,14}})?"
    rf"(?: \(\d{{4}}-\d{{4}}\))?)"
)
QUOTED = re.compile(r"[\"“](?P<title>[A-Za-z][^\"”]{2,80})[\"”]")


@dataclass
class PolicyMention:
    para: int
    title: str
    kind: str
    start: int
    end: int
    quoted: bool


def _end_on_capital(title: str) -> str:
    words = title.split(" ")
    while words and re.fullmatch(_SMALL, words[-1]):
        words.pop()
    return " ".join(words)


def mentions(para: int, line: str) -> list[PolicyMention]:
    out = []
    for m in TITLE.finditer(line):
        title = _end_on_capital(m.group("title"))
        kind = KINDS.get(m.group("kind").lower(), "plan")
        start = m.start("title")
        out.append(PolicyMention(para, title, kind, start, start + len(title), False))
    for m in QUOTED.finditer(line):
        title = m.group("title").strip()
        words = title.split()
        after = line[m.end() : m.end() + 10].lower()
        if re.match(
            r"\s*(?:activity|activities|event|forum|seminar|conference|symposium|"
            r"workshop|summit|fair|expo)\b",
            after,
        ):
            continue  # an event's name, not a policy
        named_strategy = line[max(0, m.start() - 10) : m.start()].lower().endswith("strategy ")
        # Quoted strategy names are short and title-like; quoted speech themes are not.
        if not named_strategy and (
            len(words) > 8 or sum(w[0].isupper() for w in words) < len(words) / 2
        ):
            continue
        if any(o.start <= m.start("title") < o.end for o in out):
            continue
        out.append(
            PolicyMention(
                para, title, "strategy", m.start("title"), m.start("title") + len(title), True
            )
        )
    return sorted(out, key=lambda p: p.start)
