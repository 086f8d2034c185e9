"""Read an article: plain text or HTML, without the page furniture of a web scrape.

Lines are paragraphs, numbered from 1 as in the source file, so locators found here
are valid against the file itself. A scrape's tail (member boxes, search, surveys,
"People watch") is cut at the first furniture marker and recorded as the article's
last line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import ArticleError

MAX_BYTES = 64 * 1024 * 1024

FURNITURE = re.compile(
    r"^\s*(?:member message|only our members can leave a message|latest comments|"
    r"article search|people watch|online survey|related articles|share this|"
    r"international ip firms|inquiry and assessment)\b",
    re.IGNORECASE,
)


@dataclass
class Article:
    path: Path
    sha256: str
    paragraphs: list[str]  # every line of the text, NBSP read as a space
    last_line: int  # the article's own last line (1-based); furniture follows
    from_html: bool
    raw: bytes = b""  # the bytes whose sha256 this is: what the sources cache keeps

    @property
    def lines(self) -> list[tuple[int, str]]:
        """(line number, text) of the article's non-empty lines."""
        return [(i, p) for i, p in enumerate(self.paragraphs[: self.last_line], 1) if p.strip()]


class _TextOfHtml(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    SKIP = {
        "script",
        "style",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "noscript",
        "title",
        "head",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<!doctype html" in head


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise ArticleError(f"{path}: {size} bytes is more than an article ({MAX_BYTES} at most)")
    return path.read_bytes()


def decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:65536]:
        raise ArticleError(f"{path}: binary data (NUL bytes), not a text or HTML article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        ) from None
    if not text.strip():
        raise ArticleError(f"{path}: the file holds only white space")
    return text


def read_article(path: Path | str) -> Article:
    path = Path(path)
    raw = read_bytes(path)
    return parse(path, decode(path, raw), raw)


def from_text(text: str, name: str, from_html: bool = False) -> Article:
    """An article whose text was fetched (a URL), named `name` for its messages."""
    if not text.strip():
        raise ArticleError(f"{name}: no article text")
    return parse(Path(name), text, text.encode("utf-8"), from_html)


def parse(path: Path, text: str, raw: bytes, from_html: bool | None = None) -> Article:
    if from_html is None:
        from_html = path.suffix.lower() in (".html", ".htm") or looks_like_html(text)
        if from_html:
            # Locators then refer to this plain text, which `extract` saves beside the draft.
            text = html_to_text(text)
            raw = text.encode("utf-8")
    paragraphs = [line.replace("\xa0", " ") for line in text.split("\n")]
    last = len(paragraphs)
    for i, line in enumerate(paragraphs, 1):
        if FURNITURE.search(line):
            last = i - 1
            break
    while last > 0 and not paragraphs[last - 1].strip():
        last -= 1
    if last == 0:
        raise ArticleError(f"{path}: no article text before the page furniture")
    return Article(path, hashlib.sha256(raw).hexdigest(), paragraphs, last, from_html, raw)


# Sentence ends: ". " before a capital, a quote or an ideograph; 。！？ always.
_END = re.compile(r"(?:[.!?]+[\"”’)]?\s+(?=[A-Z\"“(\u4e00-\u9fff])|[。！？]+[”」』]?)")
_ABBREV = {
    "co", "ltd", "inc", "corp", "mr", "mrs", "ms", "dr", "prof", "no", "st", "jr", "sr",
    "vs", "etc", "p.r.c", "u.s", "e.g", "i.e", "dept", "gov", "govt", "art", "para",
    # Indian copy's honorifics and ranks: "Smt. Anita Rao", "Asstt. Controller", "Dy. Director"
    "smt", "hon", "asstt", "asst", "addl", "dy", "jt",
    # lawyers', engineers' and envoys' honorifics, officers' ranks: "Atty. Teodoro Pascua"
    "atty", "engr", "amb", "adv", "capt", "col", "lt", "maj",
    # a German doctorate's faculty after "Dr.": "Dr. iur. Klaus Grabinski" (test30's Riga
    # report)
    "iur", "jur", "phil", "med",
    # clergy's styles: "DLSU President Br. Raymundo B. Suplido", "Rev. Fr. Macwayne N.
    # Maniwang" (test31's DLSU report, after its scoring)
    "br", "fr", "rev",
}  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# A full stop typed for the comma between a name and its title: the title and a comma follow.
_TITLE_NEXT = re.compile(
    r"(?:Principal|Director|Professor|Chairman|Chairperson|President|Secretary|Dean|Head|"
    r"Scientist|Registrar|Controller|Convenor|Convener|Coordinator)(?: & [A-Z][\w-]*)?, "
)


def sentences(line: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a line, so that no finding runs past a sentence's
    end and a long single-line article is read in bounded pieces. "Co., Ltd.", "P.R.C."
    and initials do not end a sentence."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(line):
        if line[m.start()] == ".":
            w = _LAST_WORD.search(line, max(start, m.start() - 12), m.start())
            word = w.group(1).lower().rstrip(".") if w else ""
            # "Dr. M.G. Roymon": a run of initials does not end a sentence either.
            if word in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                continue
            if _TITLE_NEXT.match(line, m.end()) and line[m.start() - 1 : m.start()].islower():
                continue  # "Prof. P.S Makhloga. Principal, R.C.U College": a name's title
        out.append((start, line[start : m.end()]))
        start = m.end()
    if start < len(line):
        out.append((start, line[start:]))
    return out
