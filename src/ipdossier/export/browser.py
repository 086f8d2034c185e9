"""Find the system's Chromium and CJK fonts, or say exactly what to install.

Nothing is downloaded: playwright's own browser download (`playwright install`) and
kaleido's `get_chrome` are not used. Debian's `chromium` is found on PATH; elsewhere set
IPDOSSIER_CHROMIUM to a Chrome or Chromium executable.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import MissingDependency

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

INSTALL_HINT = (
    "install it with `apt install chromium fonts-noto-cjk` (Debian/Ubuntu, as root; "
    "`make system-deps` does this), or set IPDOSSIER_CHROMIUM=/path/to/chrome"
)


def find_chromium() -> Path:
    env = os.environ.get("IPDOSSIER_CHROMIUM")
    if env:
        path = Path(env)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise MissingDependency(
            f"IPDOSSIER_CHROMIUM={env} is not an executable file; point it to Chrome or "
            f"Chromium, or unset it to use the system's chromium ({INSTALL_HINT})"
        )
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise MissingDependency(f"no Chromium or Chrome found on PATH to print PDFs: {INSTALL_HINT}")


def chromium_version(path: Path | None = None) -> str:
    exe = path or find_chromium()
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip().splitlines()[0] if out.stdout.strip() else "unknown"


def check_cjk_fonts() -> None:
    """Chinese text needs a CJK font, or the PDF shows empty boxes. Asked of fontconfig
    once per process and per FONTCONFIG_FILE (each chapter of a build asks)."""
    _check_cjk_fonts(os.environ.get("FONTCONFIG_FILE", ""), os.environ.get("PATH", ""))


@functools.lru_cache(maxsize=4)
def _check_cjk_fonts(_fontconfig: str, _path: str) -> None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise MissingDependency(
            "fontconfig (fc-list) is missing, so CJK fonts cannot be found: "
            "install `fontconfig fonts-noto-cjk` (apt)"
        )
    out = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30
    ).stdout
    if not out.strip():
        raise MissingDependency(
            "no Chinese (CJK) font is installed, so Chinese reports would print empty boxes: "
            "install `fonts-noto-cjk` (apt)"
        )
