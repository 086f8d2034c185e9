"""Articles from the web and the local sources cache.

A URL is fetched with the standard library, no retries, streamed under three limits: 20 s
for any one read, 60 s for the whole download, and 10 MB for the body (a server trickling
bytes or sending a huge file cannot hold a scheduled job). The main text of an HTML page
is taken out with trafilatura; a plain-text response (Content-Type text/plain, or a URL
ending in .txt) is used as it is. Offline, on an HTTP error or past a limit, `FetchError`
says so and names the URL. Whatever is drafted, its plain text is stored in the sources
cache (`$IPDOSSIER_CACHE`, default `.sources-cache/` in the checkout, git-ignored) under
`<source_id>.txt`, with its sha256 in `index.json`: the repository keeps facts, locators
and the checksum, never the third-party text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import FetchError
from ..sources import cache_dir

TIMEOUT = 20  # seconds for any one read
DEADLINE = 60  # seconds for the whole download
MAX_BYTES = 10_000_000  # an article page is well under 1 MB; a larger body is no article
CHUNK = 64 * 1024
URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(text: str | os.PathLike) -> bool:
    return bool(URL.match(str(text)))


@dataclass(frozen=True)
class Response:
    body: bytes
    content_type: str

    @property
    def plain_text(self) -> bool:
        return self.content_type.split(";")[0].strip().lower() == "text/plain"


def download(
    url: str, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES
) -> Response:
    request = urllib.request.Request(url, headers={"User-Agent": "ipdossier-extract"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    f"{url}: the page is {int(declared) / 1e6:,.1f} MB, more than the "
                    f"{max_bytes / 1e6:,.0f} MB an article may be; save the text and draft the file"
                )
            parts, size = [], 0
            # read1: what has arrived, so that the deadline is checked between bytes, not
            # only once a whole chunk has trickled in.
            while chunk := response.read1(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(
                        f"{url}: stopped after {max_bytes / 1e6:,.0f} MB, more than an article "
                        "may be; save the text and draft the file"
                    )
                if time.monotonic() - started > deadline:
                    raise FetchError(
                        f"{url}: not complete after {deadline:.0f} s (the limit for a "
                        "download); save the page and draft the file"
                    )
                parts.append(chunk)
            return Response(b"".join(parts), response.headers.get("Content-Type", ""))
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"{url}: cannot be fetched ({reason}); this machine may be offline. Save the "
            "page as .html or .txt and run `ipdossier extract draft FILE --url URL`"
        ) from None


def _decode(raw: bytes) -> str:
    head = raw[:4096].decode("ascii", errors="ignore").lower()
    m = re.search(r"charset=[\"']?([\w-]+)", head)
    for encoding in ([m.group(1)] if m else []) + ["utf-8", "gb18030"]:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


def page_text(markup: str, url: str = "") -> str:
    """The main text of an HTML page, one paragraph a line (trafilatura)."""
    import trafilatura

    text = trafilatura.extract(
        markup, url=url or None, include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise FetchError(f"{url or 'the page'}: no article text found in the page")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def fetch(url: str) -> str:
    got = download(url)
    text = _decode(got.body)
    if got.plain_text or url.lower().split("?")[0].endswith(".txt"):
        # Already the article's text: trafilatura looks for an HTML page and finds none.
        lines = [" ".join(line.split()) for line in text.splitlines()]
        text = "\n".join(line for line in lines if line)
        if not text:
            raise FetchError(f"{url}: the text is empty")
        return text + "\n"
    return page_text(text, url)


def store_file(
    raw: bytes, file_name: str, source_id: str, directory: Path | None = None, url: str = ""
) -> Path:
    """Put an article's text into the sources cache under `file_name`; returns its path.
    index.json maps each source id to its file and sha256."""
    directory = directory or cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# third-party article texts: never committed\n*\n", encoding="utf-8")
    path = directory / file_name
    path.write_bytes(raw)
    index_path = directory / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    index[source_id] = {
        "file_name": file_name,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "url": url,
    }
    index_path.write_text(json.dumps(index, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
