"""Access to the raw source texts, verified against the checksums in sources.csv.

The texts are third-party and stay outside the repository; this module finds them,
checks their sha256 and splits them into paragraphs (one paragraph per line, 1-based,
non-breaking spaces read as spaces so that spans keep their offsets).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import SourceAbsent, SourceError
from .files import sha256_file
from .paths import sources_dir


def cache_dir() -> Path:
    """The local, git-ignored cache of article texts that `ipdossier extract` fills
    ($IPDOSSIER_CACHE, default .sources-cache/ in the checkout)."""
    import os

    from .paths import project_root

    env = os.environ.get("IPDOSSIER_CACHE")
    return Path(env).resolve() if env else project_root() / ".sources-cache"


@dataclass(frozen=True)
class SourceText:
    source_id: str
    path: Path
    paragraphs: tuple[str, ...]

    def paragraph(self, para: int) -> str:
        if not 1 <= para <= len(self.paragraphs):
            raise IndexError(f"paragraph {para} is outside 1..{len(self.paragraphs)}")
        return self.paragraphs[para - 1]

    def span(self, para: int, start: int, end: int) -> str:
        return self.paragraph(para)[start:end]


def normalise(text: str) -> str:
    """Spaces as a reader sees them: NBSP and runs of white space count as one space."""
    return " ".join(text.replace("\xa0", " ").split())


def split_paragraphs(text: str) -> tuple[str, ...]:
    # One-for-one replacement keeps every character offset valid.
    return tuple(line.replace("\xa0", " ") for line in text.split("\n"))


def open_source(
    source_id: str, file_name: str, sha256: str, directory: Path | None = None
) -> SourceText:
    directory = directory or sources_dir()
    path = directory / file_name
    if not path.is_file():
        cached = cache_dir() / file_name
        if not cached.is_file():
            raise SourceAbsent(
                f"source {source_id!r}: {file_name} is neither in {directory} nor in the "
                f"sources cache {cache_dir()} (set IPDOSSIER_SOURCES to the folder holding "
                "it, or draft the article here to cache it)"
            )
        path = cached
    actual = sha256_file(path)
    if actual != sha256:
        raise SourceError(
            f"source {source_id!r}: {path} has sha256 {actual}, sources.csv records {sha256}: "
            "the text changed, so no locator can be trusted"
        )
    return SourceText(source_id, path, split_paragraphs(path.read_text(encoding="utf-8")))
