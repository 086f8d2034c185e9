"""The package's own work per notebook: each notebook's code cells run in this process (no
kernel, no papermill), as a warm build kernel runs them, timed in CPU seconds.

    .venv/bin/python benchmarks/notebook_cpu.py [--params notebooks/params/review.yaml]
        [--repeat 2] [--profile 04_targets --variant en]

Every notebook runs once for every variant first (imports and the data package warm, as
in a build's kernel after its first notebook), then `--repeat` more times; the table is
the median CPU seconds of those later runs, per notebook and variant, each run with
nothing derived kept from the one before (`Dossier.memo` cleared; the parsed tables
stay). `--profile` prints
a cProfile of one notebook and variant instead (cumulative time, top 40). Displayed
output goes nowhere; the build's outputs are compared by `compare_builds.py`.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code" and "parameters" not in c.get("metadata", {}).get("tags", [])
    ]


def variants(params_file: Path) -> list[dict]:
    import yaml

    spec = yaml.safe_load(params_file.read_text(encoding="utf-8"))
    out = []
    for v in spec["variants"]:
        values = {k: v[k] for k in ("event_id", "language", "jurisdiction", "as_of") if k in v}
        out.append({"name": v["name"], "values": values})
    return out


def run(cells: list[str], values: dict) -> float:
    """CPU seconds of one notebook's cells, run in a fresh namespace."""
    namespace = {
        "event_id": "bth-2017-baoding",
        "language": "en",
        "jurisdiction": "all",
        "as_of": "",
        "author": "",
        "organisation": "",
        **values,
    }
    # Nothing derived kept from an earlier run (a variant's chapters may run in
    # different kernels): the parsed tables stay, as in a warm kernel.
    from ipdossier import data

    for tables in data._PARSED.values():
        getattr(tables, "memo", {}).clear()
    start = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        for source in cells:
            exec(compile(source, "<cell>", "exec"), namespace)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--params", type=Path, default=ROOT / "notebooks/params/review.yaml")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", help="a notebook's name (04_targets)")
    parser.add_argument("--variant", default="en")
    args = parser.parse_args()
    # As the build's kernels draw: plotly's JSON only, SVGs drawn later (chart_svgs).
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"
    os.chdir(ROOT / "notebooks")
    sys.path.insert(0, str(ROOT / "src"))
    runs = variants(args.params)
    cells = {p.stem: code_cells(p) for p in NOTEBOOKS}
    if args.profile:
        v = next(x for x in runs if x["name"] == args.variant)
        run(cells[args.profile], v["values"])  # warm
        prof = cProfile.Profile()
        prof.enable()
        run(cells[args.profile], v["values"])
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return
    first = {}
    for name, source in cells.items():
        for v in runs:
            first[name, v["name"]] = run(source, v["values"])
    times: dict[tuple[str, str], float] = {}
    for name, source in cells.items():
        for v in runs:
            samples = [run(source, v["values"]) for _ in range(args.repeat)]
            times[name, v["name"]] = statistics.median(samples)
    names = [v["name"] for v in runs]
    print(f"{'notebook':<12} " + " ".join(f"{n:>10}" for n in names) + f" {'sum':>8}")
    for nb in cells:
        row = [times[nb, n] for n in names]
        print(f"{nb:<12} " + " ".join(f"{x:10.2f}" for x in row) + f" {sum(row):8.2f}")
    total = sum(times.values())
    print(f"{'all':<12} " + " ".join(f"{sum(times[nb, n] for nb in cells):10.2f}" for n in names)
          + f" {total:8.2f}")
    print(f"first pass (cold imports and data): {sum(first.values()):.2f} s CPU")
    print(json.dumps({f"{k[0]}/{k[1]}": round(s, 3) for k, s in times.items()}))


if __name__ == "__main__":
    main()
