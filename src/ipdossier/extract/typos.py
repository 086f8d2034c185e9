"""The typos of real scrapes, corrected in values (never in locators or quotes)."""

from __future__ import annotations

import re

FIXES = [
    (re.compile(r"\bHeibei\b"), "Hebei"),
    (re.compile(r"\bgenera l\b"), "general"),
    (re.compile(r"\b(Beijing|Tianjin|Hebei)- (?=[A-Z])"), r"\1-"),
    (re.compile(r"\bHightech\b"), "High-tech"),
]


def fix(text: str) -> str:
    for pattern, repl in FIXES:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def slug(text: str, limit: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fix(text).lower()).strip("-")
    return s[:limit].rstrip("-") or "item"
