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
  cluster    64 variants with --jobs 2, then the same on a Dask LocalCluster of two worker
             processes (`--cluster`), and from the latter an estimate for N machines
plain, cold and noop run REPEATS times; the median is recorded, with every run beside it.
`run.py --cluster-only` measures the cluster rows alone and keeps the others.
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


CLUSTER_MATRIX = (
    "matrix:\n  language: [en, zh]\n  jurisdiction: [all, national, Beijing, Hebei]\n"
    "  as_of: ['', '2014-12-31', '2015-12-31', '2016-12-31', '2017-07-06', '2018-12-31',"
    " '2019-12-31', '2020-12-31']\n"
)


def cluster_rows(work: Path) -> dict:
    """64 variants locally (--jobs 2) and on a two-worker LocalCluster, same machine."""
    from distributed import LocalCluster

    params = work / "variants-64.yaml"
    params.write_text(CLUSTER_MATRIX, encoding="utf-8")
    print("64 variants, local --jobs 2 ...", flush=True)
    local = build(work / "local-64", "--force", "--jobs", "2", "--params", str(params))
    print("64 variants, LocalCluster of 2 workers ...", flush=True)
    start = time.perf_counter()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        started = time.perf_counter() - start
        dask = build(
            work / "dask-64",
            "--force",
            "--params",
            str(params),
            "--cluster",
            cluster.scheduler_address,
        )
    # Worker-seconds per variant, from the measured cluster run: an estimate for N machines
    # of two workers each is the start-up plus 64 variants shared by 2N workers.
    per_variant = dask["seconds"] * 2 / 64
    return {
        "variants": 64,
        "local_jobs2": local,
        "localcluster_2_workers": {**dask, "cluster_start_s": round(started, 2)},
        "cluster_over_local": round(dask["seconds"] / local["seconds"], 2),
        "worker_s_per_variant": round(per_variant, 2),
        "estimate_s_for_machines": {
            str(n): round(started + 64 * per_variant / (2 * n), 1) for n in (1, 2, 4, 8)
        },
        "note": "peak_rss_mb of the cluster run counts the coordinator only; the estimate "
        "is derived from the measured per-variant cost, not measured on several machines",
    }


def main() -> None:
    if "--cluster-only" in sys.argv:
        results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="ipdossier-bench-") as tmp:
            results["cluster"] = cluster_rows(Path(tmp))
        results["cluster"]["date"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(results["cluster"], indent=2))
        return
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
        results["cluster"] = cluster_rows(work)
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
