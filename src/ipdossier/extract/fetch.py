"""Articles from the web and the local sources cache.

A URL is fetched with the standard library (a short timeout, no retries) and its main
text taken out of the page with trafilatura; offline, or on an HTTP error, `FetchError`
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
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import FetchError
from ..sources import cache_dir

TIMEOUT = 20
URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(text: str | os.PathLike) -> bool:
    return bool(URL.match(str(text)))


def download(url: str, timeout: float = TIMEOUT) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "ipdossier-extract"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
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
    return page_text(_decode(download(url)), url)


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
