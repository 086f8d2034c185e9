"""Time report generation: the plain chain a user would write against `ipdossier build`.

    .venv/bin/python benchmarks/run.py            # writes benchmarks/results.json

Measured in one run, on the project's own notebooks:
  plain      for each notebook: papermill, `jupyter nbconvert --to html --no-input`, then a
             fresh headless Chromium `--print-to-pdf` (one kernel, one kaleido browser and
             one printing browser per notebook)
  cold       `ipdossier build --force` of the default variant (pdf and html)
  noop       the same build again, nothing changed
  variants   cold builds of 1, 4 and 16 variants with --jobs 2, each variant's dossier
             PDF and HTML (`--format pdf,html`, what a run of many variants builds: the
             README's "Scheduled runs"); the marginal cost of a variant is
             (t16 - t1) / 15; then 1 and 16 again with the chapter PDFs too (the default
             formats), for the marginal cost with them
  cluster    64 variants with --jobs 2, then the same on a Dask LocalCluster of two worker
             processes (`--cluster`), both `--format pdf,html`, and from the latter an
             estimate for N machines
plain, cold and the 1- and 16-variant rows run REPEATS times, noop NOOP_REPEATS times;
the median is recorded, with every run beside it. The other rows run once each (the
64-variant rows are minutes each).

    run.py --cluster-only      the cluster rows alone; the other rows are kept
    run.py --rows cold,noop    only these rows, once each, printed and not written (a
                               sanity check; rows: plain, cold, noop, variants, cluster)

Peak memory is the largest sum over the build's process tree (kernels and browsers
included), sampled every 50 ms, both of resident memory (RSS: Chromium's shared pages
counted in each of its processes, as the figures before 2026-11-30) and of proportional
set size (PSS: each shared page divided among the processes that map it, what the
machine actually needs), in one more run of each row after its timed runs: the
sampling costs a quarter of a core (`timed`), so no timing is sampled (before
2026-12-04 every run was). The 64-variant rows are timed only. The machine, its load
when the run started and the versions of the libraries that do the work are recorded
with the figures.
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
NOOP_REPEATS = 5
# What the figures depend on besides our code.
LIBRARIES = (
    "papermill",
    "nbconvert",
    "nbclient",
    "jupyter_client",
    "ipykernel",
    "plotly",
    "pandas",
    "playwright",
    "pypdf",
    "pikepdf",
    "typer",
    "distributed",
)

MATRICES = {
    1: "variants:\n  - name: default\n",
    4: "matrix:\n  language: [en, zh]\n  jurisdiction: [all, Hebei]\n",
    16: (
        "matrix:\n  language: [en, zh]\n  jurisdiction: [all, national, Beijing, Hebei]\n"
        "  as_of: ['', '2017-07-06']\n"
    ),
}


def import_pandas_s(repeats: int = 5) -> float:
    """Median seconds a fresh interpreter takes to import pandas: the no-op rebuild's aim
    (issue 23) is to take less, in the same run."""
    code = "import time; t = time.perf_counter(); import pandas; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(repeats)
    ]
    return round(sorted(runs)[len(runs) // 2], 3)


def chromium() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from ipdossier.export.browser import find_chromium

    return str(find_chromium())


class PeakMemory:
    """Largest total RSS, and PSS, of a process and its descendants while it runs."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = psutil.Process(proc.pid)
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = pss = 0
                for p in procs:
                    try:
                        info = p.memory_full_info()
                    except psutil.Error:
                        continue
                    total += info.rss
                    pss += getattr(info, "pss", 0)
                self.peak = max(self.peak, total)
                self.peak_pss = max(self.peak_pss, pss)
            except psutil.Error:
                return
            self._stop.wait(0.05)

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peak, self.peak_pss


def timed(cmd: list[str], memory: bool = False, **kw) -> tuple[float, tuple[int, int]]:
    """Seconds `cmd` took, and with `memory` its tree's peak (RSS, PSS) sampled meanwhile
    (else zeros). A timing is never sampled: reading every process's PSS 20 times a second
    cost the benchmark's own process 10 CPU-s during a 40 s build of 16 variants on this
    2-core machine, a quarter of a core taken from the build it timed (7 s of its wall)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    mem = PeakMemory(proc) if memory else None
    out, err = proc.communicate()
    peak = mem.stop() if mem else (0, 0)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return seconds, peak


def mb(peak: tuple[int, int]) -> dict:
    return {"peak_rss_mb": round(peak[0] / 2**20), "peak_pss_mb": round(peak[1] / 2**20)}


def plain_chain(work: Path, memory: bool = False) -> dict:
    env = {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype+svg"}
    steps = {"papermill": 0.0, "nbconvert": 0.0, "chromium": 0.0}
    peak = (0, 0)
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
            memory,
            env=env,
        )
        steps["papermill"] += s
        peak = max(peak, m)
        s, m = timed(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            memory,
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
            memory,
            env=env,
        )
        steps["chromium"] += s
        peak = max(peak, m)
    return {
        "seconds": round(sum(steps.values()), 2),
        "steps": {k: round(v, 2) for k, v in steps.items()},
        **(mb(peak) if memory else {}),
    }


def build(out: Path, *args: str, memory: bool = False) -> dict:
    s, peak = timed(
        [str(BIN / "ipdossier"), "build", "--no-progress", "--out", str(out), *args], memory
    )
    return {"seconds": round(s, 2), **(mb(peak) if memory else {})}


def median_of(runs: list[dict]) -> dict:
    ordered = sorted(runs, key=lambda r: r["seconds"])
    best = dict(ordered[len(ordered) // 2])
    best["runs_s"] = [r["seconds"] for r in runs]
    return best


def with_memory(run, repeats: int) -> dict:
    """`run(memory)` `repeats` times unsampled, the median's seconds recorded; then once
    more sampled for the peak memory (its seconds beside, as `memory_run_s`: sampling
    slows what it samples, see `timed`)."""
    best = median_of([run(False) for _ in range(repeats)])
    sampled = run(True)
    best["peak_rss_mb"], best["peak_pss_mb"] = sampled["peak_rss_mb"], sampled["peak_pss_mb"]
    best["memory_run_s"] = sampled["seconds"]
    return best


def machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "chromium": subprocess.run(
            [chromium(), "--version"], capture_output=True, text=True
        ).stdout.strip(),
        "ipdossier": installed("ipdossier"),
        "libraries": {name: installed(name) for name in LIBRARIES},
    }


CLUSTER_MATRIX = (
    "matrix:\n  language: [en, zh]\n  jurisdiction: [all, national, Beijing, Hebei]\n"
    "  as_of: ['', '2014-12-31', '2015-12-31', '2016-12-31', '2017-07-06', '2018-12-31',"
    " '2019-12-31', '2020-12-31']\n"
)


# What the variant and cluster rows build: a variant's dossier and web edition, the chapter
# PDFs left out as a scheduled run of many variants leaves them (README, "Scheduled runs").
MATRIX_FORMAT = ("--format", "pdf,html")


def cluster_rows(work: Path) -> dict:
    """64 variants locally (--jobs 2) and on a two-worker LocalCluster, same machine."""
    from distributed import LocalCluster

    params = work / "variants-64.yaml"
    params.write_text(CLUSTER_MATRIX, encoding="utf-8")
    print("64 variants, local --jobs 2 ...", flush=True)
    local = build(
        work / "local-64", "--force", "--jobs", "2", "--params", str(params), *MATRIX_FORMAT
    )
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
            *MATRIX_FORMAT,
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
        "note": "both timed unsampled, memory not measured (see the 16-variant row); the "
        "estimate is derived from the measured per-variant cost, not measured on several "
        "machines",
    }


ROWS = ("plain", "cold", "noop", "variants", "cluster")


def arguments(argv: list[str] | None = None):
    """The command line; `--help` prints the module's doc and runs nothing."""
    import argparse

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cluster-only", action="store_true", help="the cluster rows alone; others are kept"
    )
    parser.add_argument(
        "--rows",
        help=f"only these rows (comma-separated, of {','.join(ROWS)}), once each, printed "
        "and not written",
    )
    args = parser.parse_args(argv)
    if args.rows and set(args.rows.split(",")) - set(ROWS):
        parser.error(f"--rows takes some of {','.join(ROWS)}")
    return args


def main() -> None:
    args = arguments()
    if args.cluster_only:
        results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="ipdossier-bench-") as tmp:
            results["cluster"] = cluster_rows(Path(tmp))
        results["cluster"]["date"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        results["cluster"]["machine"] = machine()
        (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(results["cluster"], indent=2))
        return
    rows = ROWS
    check_only = bool(args.rows)
    if check_only:
        rows = tuple(args.rows.split(","))
    repeats, noop_repeats = (1, 1) if check_only else (REPEATS, NOOP_REPEATS)
    if not NOTEBOOKS:
        raise SystemExit("no notebooks to benchmark")
    started = time.perf_counter()
    results: dict = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "notebooks": [nb.name for nb in NOTEBOOKS],
    }
    with tempfile.TemporaryDirectory(prefix="ipdossier-bench-") as tmp:
        work = Path(tmp)
        if "plain" in rows:
            (work / "plain").mkdir()
            print("plain chain ...", flush=True)
            results["plain"] = with_memory(lambda m: plain_chain(work / "plain", m), repeats)
        if "cold" in rows or "noop" in rows:
            print("cold build ...", flush=True)
            results["cold"] = with_memory(
                lambda m: build(work / "reports", "--force", memory=m), repeats
            )
        if "noop" in rows:
            print("no-op rebuild ...", flush=True)
            results["noop"] = with_memory(
                lambda m: build(work / "reports", memory=m), noop_repeats
            )
            results["import_pandas_s"] = import_pandas_s()
        if "variants" in rows:
            results["variants"] = {}
            for n, text in MATRICES.items():
                print(f"{n} variant(s) ...", flush=True)
                params = work / f"variants-{n}.yaml"
                params.write_text(text, encoding="utf-8")
                out = work / f"reports-{n}"
                results["variants"][str(n)] = with_memory(
                    lambda m, out=out, params=params: build(
                        out, "--force", "--jobs", "2", "--params", str(params), *MATRIX_FORMAT,
                        memory=m,
                    ),
                    # t1 and t16 make the marginal variant: the median of `repeats` each
                    # (two 1-variant builds a minute apart took 11.4 and 10.4 s, a
                    # difference of 0.07 s in (t16 - t1) / 15).
                    repeats if n in (1, 16) else 1,
                )
                shutil.rmtree(out)
            # The same with each variant's chapter PDFs (the default formats).
            results["variants_with_chapters"] = {}
            for n in (1, 16):
                print(f"{n} variant(s) with chapter PDFs ...", flush=True)
                out = work / f"reports-{n}-chapters"
                results["variants_with_chapters"][str(n)] = with_memory(
                    lambda m, out=out, n=n: build(
                        out, "--force", "--jobs", "2", "--params",
                        str(work / f"variants-{n}.yaml"), memory=m,
                    ),
                    1,
                )
                shutil.rmtree(out)
        if "cluster" in rows:
            results["cluster"] = cluster_rows(work)
    results["benchmark_s"] = round(time.perf_counter() - started, 1)
    if check_only:
        print(json.dumps(results, indent=2))
        return
    v = results["variants"]
    results["ratios"] = {
        "plain_over_cold": round(results["plain"]["seconds"] / results["cold"]["seconds"], 2),
        "marginal_variant_s": round((v["16"]["seconds"] - v["1"]["seconds"]) / 15, 2),
        "marginal_variant_s_at_4": round((v["4"]["seconds"] - v["1"]["seconds"]) / 3, 2),
        "marginal_variant_s_with_chapters": round(
            (results["variants_with_chapters"]["16"]["seconds"]
             - results["variants_with_chapters"]["1"]["seconds"]) / 15, 2
        ),
        "noop_s": results["noop"]["seconds"],
        "cold_peak_rss_mb": results["cold"]["peak_rss_mb"],
        "cold_peak_pss_mb": results["cold"]["peak_pss_mb"],
        # Issue 23's measures: an extra variant as a share of the plain chain, the cluster
        # against the local build on 64 variants, the no-op against importing pandas.
        "marginal_share_of_plain": round(
            (v["16"]["seconds"] - v["1"]["seconds"]) / 15 / results["plain"]["seconds"], 3
        ),
        "cluster_over_local": results["cluster"]["cluster_over_local"],
        "noop_over_import_pandas": round(
            results["noop"]["seconds"] / results["import_pandas_s"], 2
        ),
    }
    # Issue 23's aims (issue 14's were 4x, 0.8 s a variant, a 0.3 s no-op, 1.5 GB).
    results["aims"] = {
        "plain_over_cold_at_least": 4.0,
        "marginal_share_of_plain_at_most": 0.04,
        "cluster_over_local_at_most": 1.1,
        "noop_over_import_pandas_under": 1.0,
        "cold_peak_pss_mb_under": 1500,
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["ratios"], indent=2))


if __name__ == "__main__":
    main()
