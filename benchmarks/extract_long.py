"""Time `ipdossier extract` on a 5 MB article whose body is a single line (issue 12: under
10 s on this machine), in two forms: the fixture's paragraphs repeated (duplicates to be
folded into one row each) and a varied text where no sentence repeats (every number and
name changed per copy), in English and in Chinese.

    .venv/bin/python benchmarks/extract_long.py      # writes benchmarks/extract_long.json
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ipdossier.extract.draft import extract  # noqa: E402

SIZE = 5 * 1024 * 1024
ARTICLES = ROOT / "tests" / "articles"


def body(name: str) -> str:
    text = (ARTICLES / name).read_text(encoding="utf-8").split("\n")
    return " ".join(line for line in text[2:] if line.strip()) + " "


def varied(text: str, i: int) -> str:
    """A copy whose numbers differ from every other copy's (so no sentence repeats)."""
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + i), text)


def build(name: str, repeat: bool) -> str:
    one = body(name)
    parts, size, i = [], 0, 0
    while size < SIZE:
        part = one if repeat else varied(one, i)
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "A long feed\n\n" + "".join(parts) + "\n"


def main() -> None:
    import argparse

    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("failure-classes-en.txt", "failure-classes-zh.txt"):
            for repeat in (True, False):
                path = Path(tmp) / f"long-{name}"
                path.write_text(build(name, repeat), encoding="utf-8")
                started, cpu = time.perf_counter(), time.process_time()
                draft = extract(path)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
                row = {
                    "article": name,
                    "input": "repeated" if repeat else "varied",
                    "bytes": path.stat().st_size,
                    # A headline, a blank line and the body on one line.
                    "lines": path.read_text(encoding="utf-8").count("\n"),
                    "seconds": round(seconds, 2),
                    "cpu_seconds": round(cpu, 2),
                    "figures": len(draft.tables["figures"]),
                    "roles": len(draft.tables["roles"]),
                }
                results.append(row)
                print(json.dumps(row, ensure_ascii=False))
    out = {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()} {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "runs": results,
    }
    (Path(__file__).parent / "extract_long.json").write_text(
        json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
