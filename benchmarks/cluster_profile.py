"""Where a Dask build's extra time goes: the same variants built locally (`--jobs 2`) and
on a two-worker `LocalCluster`, with every stage timed in every process.

    .venv/bin/python benchmarks/cluster_profile.py --variants 16 [--only cluster|local]

Each stage's function (as in `benchmarks/stages.py`, plus the execution of one notebook)
is wrapped in this process and, through `Client.run`, in each worker process, to record
(stage, start, end, process, thread). Printed per process: busy seconds per stage, the
kernels it started, how long its kernel(s) sat idle between notebooks, and when its
first and last notebook ran; for the cluster also the time from the last worker's last
stage to the end of the build (the coordinator's collection). Writes nothing into
benchmarks/; the JSON of the events goes to --events if given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CLUSTER_MATRIX, MATRICES  # noqa: E402
from stages import WRAPPED as STAGES  # noqa: E402

MATRICES = {
    8: "matrix:\n  language: [en, zh]\n  jurisdiction: [all, national, Beijing, Hebei]\n",
    16: MATRICES[16],
    64: CLUSTER_MATRIX,
}

# benchmarks/stages.py's stages, with the execution of one notebook (a worker's kernel
# work, not the whole variant's), the kernels started and each variant's whole run.
WRAPPED = (
    ("execute", "ipdossier.pipeline.stages", "Run._execute"),
    *(w for w in STAGES if w[0] != "execute"),
    ("kernel-start", "ipdossier.pipeline.kernels", "KernelPool._start"),
    ("stages.run", "ipdossier.pipeline.stages", "run"),
)


def install(dask_worker=None) -> str:
    """Wrap the stages in this process (idempotent); events go to a list on `sys`.

    Self-contained on purpose, rather than calling benchmarks/stages.py's `instrument`:
    `Client.run` ships this function to worker processes, which have no benchmarks/ on
    their path, so it may refer only to the package and to plain values (WRAPPED)."""
    import functools
    import importlib
    import sys as _sys
    import threading
    import time as _time

    if getattr(_sys, "_ipd_events", None) is not None:
        _sys._ipd_events.clear()
        return "already"
    events: list = []
    _sys._ipd_events = events

    def wrap(stage, fn):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            start = _time.time()
            try:
                return fn(*args, **kwargs)
            finally:
                events.append((stage, start, _time.time(), threading.current_thread().name))

        return timed

    for stage, module_name, attr in WRAPPED:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        owner_name, _, name = attr.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        if hasattr(owner, name):
            setattr(owner, name, wrap(stage, getattr(owner, name)))
    # Charts asked of the browser and charts it drew (the others came from its cache).
    from ipdossier.export.printer import PdfPrinter

    counts = _sys._ipd_counts = {"asked": 0, "drawn": 0}
    svgs = PdfPrinter.svgs

    def counted(self, charts):
        counts["asked"] += len(charts)
        counts["drawn"] += len({id(c) for c in charts}) - sum(
            1 for c in charts if _key(c) in self._svgs
        )
        return svgs(self, charts)

    def _key(chart):
        import hashlib
        import json as _json

        return hashlib.sha256(
            _json.dumps(list(chart), sort_keys=True, default=str).encode()
        ).hexdigest()

    PdfPrinter.svgs = counted
    return "installed"


def _set_exporting(n: int, dask_worker=None) -> None:
    from ipdossier.pipeline import cluster

    cluster.EXPORTING = n


def events(dask_worker=None) -> list:
    import sys as _sys

    return list(getattr(_sys, "_ipd_events", []))


def counts(dask_worker=None) -> dict:
    import sys as _sys

    return dict(getattr(_sys, "_ipd_counts", {}))


def summary(name: str, evs: list, t0: float, t_end: float) -> dict:
    busy: dict[str, list] = {}
    for stage, s, e, _ in evs:
        b = busy.setdefault(stage, [0.0, 0])
        b[0] += e - s
        b[1] += 1
    execs = sorted((s, e, th) for st, s, e, th in evs if st == "execute")
    # Idle time of the executing "slots": the wall time minus the busy time of the
    # notebooks, per number of kernels that ran at once at most.
    first = execs[0][0] - t0 if execs else None
    last = execs[-1][1] - t0 if execs else None
    # gaps between consecutive notebooks on one worker (one kernel at a time there)
    gaps = [b[0] - a[1] for a, b in zip(execs, execs[1:], strict=False)]
    all_end = max((e for _, _, e, _ in evs), default=t0) - t0
    return {
        "process": name,
        "busy": {k: [round(v[0], 1), v[1]] for k, v in busy.items()},
        "first_execute_s": round(first, 1) if first is not None else None,
        "last_execute_end_s": round(last, 1) if last is not None else None,
        "last_event_end_s": round(all_end, 1),
        "build_end_s": round(t_end - t0, 1),
        "gaps_sum_s": round(sum(g for g in gaps if g > 0), 1),
        "gaps_max_s": round(max(gaps, default=0), 2),
        "overlapping_execs": max(
            (sum(1 for s2, e2, _ in execs if s2 < e and e2 > s) for s, e, _ in execs), default=0
        ),
    }


class TreeCpu:
    """CPU seconds (user + system) of this process and its descendants while it runs:
    the last value seen of each process, sampled every 0.25 s (a process that ends is
    counted as of its last sample)."""

    def __init__(self):
        import threading

        import psutil

        self.me = psutil.Process()
        self.seen: dict[int, float] = {}
        self.kind: dict[int, str] = {}
        self.base = self._now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _now(self) -> dict[int, float]:
        import psutil

        now = {}
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                t = p.cpu_times()
                now[p.pid] = t.user + t.system
                # A process seen between its fork and its exec has no command line yet
                # (or its parent's): named again until it has one of its own.
                if self.kind.get(p.pid, "") in ("", "?"):
                    self.kind[p.pid] = _kind(p)
            except psutil.Error:
                continue
        return now

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.seen.update(self._now())
            self._stop.wait(0.25)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.seen.update(self._now())
        by_kind: dict[str, float] = {}
        for pid, v in self.seen.items():
            kind = self.kind.get(pid, "?")
            by_kind[kind] = by_kind.get(kind, 0.0) + v - self.base.get(pid, 0.0)
        self.by_kind = {k: round(v, 1) for k, v in sorted(by_kind.items())}
        return round(sum(v - self.base.get(pid, 0.0) for pid, v in self.seen.items()), 1)


def _kind(p) -> str:
    """What a process of the build is, from its command line."""
    import os as _os

    try:
        cmd = " ".join(p.cmdline())
    except Exception:  # noqa: BLE001
        return "?"
    if p.pid == _os.getpid():
        return "coordinator/build"
    if "ipykernel" in cmd:
        return "kernel"
    if "chrom" in cmd.lower() or "headless_shell" in cmd:
        return "chromium"
    if "playwright" in cmd or cmd.startswith("node") or "/node " in cmd:
        return "playwright-driver"
    if "multiprocessing" in cmd or "spawn" in cmd or "forkserver" in cmd:
        return "dask worker/nanny"
    return cmd[:60]


def build(params: Path, out: Path, cluster: str | None):
    from ipdossier.pipeline.orchestrate import BuildOptions, build

    return build(
        BuildOptions(
            params_file=params,
            jobs=2,
            formats=("pdf", "html"),  # as run.py's cluster rows
            out=out,
            force=True,
            progress=False,
            cluster=cluster,
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=16, choices=sorted(MATRICES))
    parser.add_argument("--only", choices=("local", "cluster"))
    parser.add_argument("--events", type=Path)
    parser.add_argument(
        "--exporting", type=int, help="the workers' cluster.EXPORTING, for an A/B comparison"
    )
    args = parser.parse_args()
    report = {"variants": args.variants, "load_at_start": os.getloadavg()}
    all_events = {}
    with tempfile.TemporaryDirectory(prefix="ipdossier-cprof-") as tmp:
        params = Path(tmp) / "params.yaml"
        params.write_text(MATRICES[args.variants], encoding="utf-8")
        if args.only != "cluster":
            install()
            cpu = TreeCpu()
            t0 = time.time()
            build(params, Path(tmp) / "local", None)
            t_end = time.time()
            report["local_cpu_s"] = cpu.stop()
            report["local_cpu_by_process"] = cpu.by_kind
            report["local_charts"] = counts()
            evs = events()
            all_events["local"] = [(*e, t0) for e in evs]
            report["local"] = {"wall_s": round(t_end - t0, 1), **summary("local", evs, t0, t_end)}
            report["load_after_local"] = os.getloadavg()
            import sys as _sys

            _sys._ipd_events.clear()
            _sys._ipd_counts.update(asked=0, drawn=0)
        if args.only != "local":
            from distributed import Client, LocalCluster

            with (
                LocalCluster(
                    n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster,
                Client(cluster) as client,
            ):
                client.run(install)
                if args.exporting:
                    client.run(_set_exporting, args.exporting)
                    report["exporting"] = args.exporting
                cpu = TreeCpu()
                t0 = time.time()
                build(params, Path(tmp) / "dask", cluster.scheduler_address)
                t_end = time.time()
                report["cluster_cpu_s"] = cpu.stop()
                report["cluster_cpu_by_process"] = cpu.by_kind
                per_worker = client.run(events)
                report["cluster_charts"] = client.run(counts)
                kernels = client.run(
                    lambda dask_worker: dask_worker.plugins["ipdossier"].resources.kernels.started
                )
            report["cluster"] = {"wall_s": round(t_end - t0, 1), "workers": []}
            for i, (addr, evs) in enumerate(sorted(per_worker.items())):
                all_events[f"worker{i}"] = [(*e, t0) for e in evs]
                report["cluster"]["workers"].append(
                    {**summary(addr, evs, t0, t_end), "kernels_started": kernels[addr]}
                )
            report["load_after_cluster"] = os.getloadavg()
    print(json.dumps(report, indent=1))
    if args.events:
        args.events.write_text(json.dumps(all_events), encoding="utf-8")


if __name__ == "__main__":
    main()
