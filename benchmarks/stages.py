"""Where a build's time goes: busy seconds per stage, for a profile beside the wall clock.

    .venv/bin/python benchmarks/stages.py --variants 4 [--jobs 2] [--cluster]

Runs `ipdossier build --force` in this process (into a temporary folder) with each stage's
function wrapped to add up its wall time and calls: execute (a notebook under papermill),
draw (an executed notebook's chart SVGs), convert (nbconvert of a chapter), print
(Chromium's PDF of one document: a variant's body, and its front with every stamp, the
running headers and page numbers of its PDFs, after it), merge (the dossier's front and
body joined), cut (a chapter's PDF from the dossier's body: its pages cut, then stamped
and written), assemble (a variant's reports from its chapters, the last five included).
Stages run on several threads at once, so their seconds add up to more than the wall
time; the comparison that matters is stage by stage, before and after a change, in the
same minutes on the same (noisy) machine.
Each stage's CPU seconds are those of the thread that ran it in this process (pikepdf,
nbconvert, papermill's own work; not the kernel's or the browser's, which are processes
of their own); the CPU seconds of the whole process tree (this process, kernels,
Chromium), sampled as in `cluster_profile.py`, are printed by kind of process: on a
machine shared with other work, CPU seconds are the measure that the others' load moves
least.
Prints a table and the same as JSON on the last line; writes nothing into benchmarks/.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import MATRICES  # noqa: E402

# (stage, module, attribute): a class method as "Class.method". Missing ones are skipped,
# so the same script profiles the code before and after a change.
WRAPPED = (
    ("execute", "ipdossier.pipeline.stages", "execute"),
    ("draw", "ipdossier.export.chart_svgs", "add_svgs"),
    ("convert", "ipdossier.export.html", "chapter"),
    ("convert", "ipdossier.export.html", "chapters"),
    ("print", "ipdossier.export.printer", "PdfPrinter.pdf_bytes"),
    ("print", "ipdossier.export.printer", "PdfPrinter.pdf_doc"),
    ("merge", "ipdossier.export.cut", "merge"),
    ("cut", "ipdossier.export.cut", "chapter_pages"),
    ("cut", "ipdossier.export.cut", "chapter_pdf"),
    ("assemble", "ipdossier.export.report", "assemble"),
)

_lock = threading.Lock()
totals: dict[str, list[float]] = {}  # stage -> [busy seconds, calls, CPU seconds]


def _wrap(stage: str, fn):
    @functools.wraps(fn)
    def timed(*args, **kwargs):
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                seconds, calls, cpu_s = totals.setdefault(stage, [0.0, 0, 0.0])
                totals[stage] = [
                    seconds + time.perf_counter() - start,
                    calls + 1,
                    cpu_s + time.thread_time() - cpu,
                ]

    return timed


def instrument() -> None:
    for stage, module_name, attr in WRAPPED:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        owner_name, _, name = attr.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        if hasattr(owner, name):
            setattr(owner, name, _wrap(stage, getattr(owner, name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=1, choices=sorted(MATRICES))
    parser.add_argument("--jobs", type=int, default=2)
    # The build's default formats (the chapter PDFs included); run.py's variant rows build
    # pdf,html.
    parser.add_argument("--format", default="pdf,chapters,html")
    args = parser.parse_args()
    instrument()
    from cluster_profile import TreeCpu

    from ipdossier.pipeline.orchestrate import BuildOptions, build

    with tempfile.TemporaryDirectory(prefix="ipdossier-stages-") as tmp:
        params = Path(tmp) / "params.yaml"
        params.write_text(MATRICES[args.variants], encoding="utf-8")
        start = time.perf_counter()
        tree = TreeCpu()
        result = build(
            BuildOptions(
                params_file=params,
                jobs=args.jobs,
                formats=tuple(args.format.split(",")),
                out=Path(tmp) / "reports",
                force=True,
                progress=False,
            )
        )
        wall = time.perf_counter() - start
        cpu = tree.stop()
    print(f"{args.variants} variant(s), --jobs {args.jobs}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"{'stage':<10} {'seconds':>8} {'calls':>6} {'CPU here':>9}")
    for stage, (seconds, calls, cpu_s) in totals.items():
        print(f"{stage:<10} {seconds:8.1f} {calls:6d} {cpu_s:9.2f}")
    print("CPU seconds by process:", ", ".join(f"{k} {v}" for k, v in tree.by_kind.items()))
    timings = result.manifest.get("timings", {})
    print(
        json.dumps(
            {
                "variants": args.variants,
                "wall_s": round(wall, 1),
                "cpu_s": cpu,
                "cpu_by_process": tree.by_kind,
                "load": [round(x, 2) for x in os.getloadavg()],
                "timings": timings,
                "stages": {k: [round(s, 1), c, round(u, 2)] for k, (s, c, u) in totals.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
