"""Time report generation: the plain chain a user would write against `ipdossier build`.

    .venv/bin/python benchmarks/run.py            # writes benchmarks/results.json

Measured in one run, on the project's own notebooks:
  plain      for each notebook: papermill, `jupyter nbconvert --to html --no-input`, then a
             fresh headless Chromium `--print-to-pdf` (one kernel, one kaleido browser and
             one printing browser per notebook)
  cold       `ipdossier build --force` of the default variant (pdf and html)
  noop       the same build again, nothing changed
  variants   cold builds of 1, 4 and 16 variants with --jobs 2; the marginal cost of a
             variant is (t16 - t1) / 15
plain, cold and noop run REPEATS times; the median is recorded, with every run beside it.
Peak memory is the largest sum of resident memory over the build's process tree (kernels
and browsers included), sampled every 50 ms.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))

REPEATS = 3

MATRICES = {
    1: "variants:\n  - name: default\n",
    4: "matrix:\n  language: [en, zh]\n  jurisdiction: [all, Hebei]\n",
    16: (
        "matrix:\n  language: [en, zh]\n  jurisdiction: [all, national, Beijing, Hebei]\n"
        "  as_of: ['', '2017-07-06']\n"
    ),
}


def chromium() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from ipdossier.export.browser import find_chromium

    return str(find_chromium())


class PeakMemory:
    """Largest total RSS of a process and its descendants while it runs."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = psutil.Process(proc.pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(cmd: list[str], **kw) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    mem = PeakMemory(proc)
    out, err = proc.communicate()
    peak = mem.stop()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return seconds, peak


def plain_chain(work: Path) -> dict:
    env = {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype+svg"}
    steps = {"papermill": 0.0, "nbconvert": 0.0, "chromium": 0.0}
    peak = 0
    browser = chromium()
    for nb in NOTEBOOKS:
        executed = work / nb.name
        s, m = timed(
            [
                str(BIN / "papermill"),
                "--no-progress-bar",
                str(nb),
                str(executed),
                "--cwd",
                str(nb.parent),
            ],
            env=env,
        )
        steps["papermill"] += s
        peak = max(peak, m)
        s, m = timed(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            env=env,
        )
        steps["nbconvert"] += s
        peak = max(peak, m)
        html = executed.with_suffix(".html")
        s, m = timed(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={executed.with_suffix('.pdf')}",
                html.as_uri(),
            ],
            env=env,
        )
        steps["chromium"] += s
        peak = max(peak, m)
    return {
        "seconds": round(sum(steps.values()), 2),
        "steps": {k: round(v, 2) for k, v in steps.items()},
        "peak_rss_mb": round(peak / 2**20),
    }


def build(out: Path, *args: str) -> dict:
    s, peak = timed([str(BIN / "ipdossier"), "build", "--no-progress", "--out", str(out), *args])
    return {"seconds": round(s, 2), "peak_rss_mb": round(peak / 2**20)}


def median_of(runs: list[dict]) -> dict:
    ordered = sorted(runs, key=lambda r: r["seconds"])
    best = dict(ordered[len(ordered) // 2])
    best["runs_s"] = [r["seconds"] for r in runs]
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return best


def main() -> None:
    if not NOTEBOOKS:
        raise SystemExit("no notebooks to benchmark")
    results: dict = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "chromium": subprocess.run(
                [chromium(), "--version"], capture_output=True, text=True
            ).stdout.strip(),
        },
        "notebooks": [nb.name for nb in NOTEBOOKS],
    }
    with tempfile.TemporaryDirectory(prefix="ipdossier-bench-") as tmp:
        work = Path(tmp)
        (work / "plain").mkdir()
        print("plain chain ...", flush=True)
        results["plain"] = median_of([plain_chain(work / "plain") for _ in range(REPEATS)])
        print("cold build ...", flush=True)
        results["cold"] = median_of([build(work / "reports", "--force") for _ in range(REPEATS)])
        print("no-op rebuild ...", flush=True)
        results["noop"] = median_of([build(work / "reports") for _ in range(REPEATS)])
        results["variants"] = {}
        for n, text in MATRICES.items():
            print(f"{n} variant(s) ...", flush=True)
            params = work / f"variants-{n}.yaml"
            params.write_text(text, encoding="utf-8")
            out = work / f"reports-{n}"
            results["variants"][str(n)] = build(
                out, "--force", "--jobs", "2", "--params", str(params)
            )
            shutil.rmtree(out)
    v = results["variants"]
    results["ratios"] = {
        "plain_over_cold": round(results["plain"]["seconds"] / results["cold"]["seconds"], 2),
        "marginal_variant_s": round((v["16"]["seconds"] - v["1"]["seconds"]) / 15, 2),
        "marginal_variant_s_at_4": round((v["4"]["seconds"] - v["1"]["seconds"]) / 3, 2),
        "noop_s": results["noop"]["seconds"],
    }
    results["aims"] = {"plain_over_cold_at_least": 3.0, "marginal_variant_s_under": 1.5}
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["ratios"], indent=2))


if __name__ == "__main__":
    main()
