"""A build with nothing to do decides so without the heavy stack.

`ipdossier build` on reports that are up to date answers from the request key alone
(`pipeline.plan`): it must not import papermill, pandas, plotly, nbconvert, jupyter_client
or distributed, which cost seconds to load. These tests run the command line in a fresh
interpreter and read `sys.modules`, so an eager import anywhere on that path fails them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipdossier.paths import data_dir
from ipdossier.pipeline import BuildOptions, build, plan, runs
from ipdossier.pipeline.fingerprint import data_digests, source_digests
from ipdossier.pipeline.orchestrate import FORMATS, _plan_variants, select_notebooks
from ipdossier.pipeline.variants import Variant, load_variants

HEAVY = ("pandas", "plotly", "papermill", "nbconvert", "jupyter_client", "distributed")

RUN = f"""
import json, sys
from ipdossier.cli import app
try:
    app(sys.argv[1:], prog_name="ipdossier")
except SystemExit as exc:
    code = exc.code
print(json.dumps({{"code": code, "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules)}}))
"""


def cli_in_fresh_python(*args: str) -> tuple[dict, str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=120
    )
    *lines, last = done.stdout.strip().splitlines()
    return json.loads(last), "\n".join(lines) + done.stderr


def published(reports: Path, key: str | None) -> Path:
    """A published run of the default variant, as a build with `key` leaves it."""
    run_id = "20260101T000000Z-abcd"
    run = reports / run_id
    (run / "default").mkdir(parents=True)
    (run / "default" / "dossier.html").write_text("<html></html>", encoding="utf-8")
    manifest = {
        "run_id": run_id,
        "status": "succeeded",
        "request_key": key,
        "variants": [{"slug": "default", "outputs": [{"path": "default/dossier.html"}]}],
    }
    (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (reports / "latest").symlink_to(run_id)
    return run


def this_checkouts_request() -> str:
    return plan.request_key(
        select_notebooks(()), load_variants(None), data_digests(data_dir()), FORMATS
    )


def test_a_noop_build_imports_none_of_the_heavy_stack(tmp_path):
    run = published(tmp_path / "reports", this_checkouts_request())
    outcome, output = cli_in_fresh_python(
        "build", "--no-progress", "--out", str(tmp_path / "reports")
    )
    assert outcome["code"] == 0, output
    assert f"up to date: {run}" in output
    assert outcome["heavy"] == [], output


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]])
def test_help_imports_none_of_the_heavy_stack(args):
    outcome, output = cli_in_fresh_python(*args)
    assert outcome["code"] == 0, output
    assert "Usage" in output
    assert outcome["heavy"] == [], output


def test_the_request_key_changes_with_every_input(tmp_path):
    nb = tmp_path / "01_a.ipynb"
    nb.write_text('{"cells": []}', encoding="utf-8")
    variants = [Variant("default", {"language": "en"})]
    data = {"events.csv": "0" * 64}
    base = plan.request_key([nb], variants, data, FORMATS)
    assert plan.request_key([nb], variants, data, FORMATS) == base
    assert plan.request_key([nb], [Variant("default", {"language": "zh"})], data, FORMATS) != base
    assert plan.request_key([nb], variants, {"events.csv": "1" * 64}, FORMATS) != base
    assert plan.request_key([nb], variants, data, ("html",)) != base
    nb.write_text('{"cells": [1]}', encoding="utf-8")
    assert plan.request_key([nb], variants, data, FORMATS) != base


def test_a_run_with_the_same_key_is_unchanged_only_while_its_reports_are_there(tmp_path):
    reports = tmp_path / "reports"
    run = published(reports, "k")
    latest = runs.latest_manifest(reports)
    assert plan.unchanged(latest, "k")
    assert not plan.unchanged(latest, "other")
    (run / "default" / "dossier.html").unlink()
    assert not plan.unchanged(latest, "k")
    failed = {**latest, "status": "failed"}
    assert not plan.unchanged(failed, "k")


def test_a_run_found_up_to_date_by_its_cache_keys_records_the_request_key(tmp_path):
    # A run published without a request key (an older version, or a notebook since saved
    # with outputs): the first no-op finds it current by its cache keys and records the
    # key, so the next no-op decides from the key alone.
    reports = tmp_path / "reports"
    files = data_digests(data_dir())
    notebooks = select_notebooks(())
    texts = source_digests()
    plans = _plan_variants(
        load_variants(None), notebooks, FORMATS, data_dir(), files, texts, reports
    )
    run = published(reports, None)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    manifest["variants"][0]["export_key"] = plans[0].export_key
    manifest["data"] = {"checked": True, "files": files, "sources": texts}
    (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    result = build(BuildOptions(out=reports, progress=False))
    assert result.status == "up-to-date" and result.run_dir == run
    recorded = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert recorded["request_key"] == this_checkouts_request()
    assert recorded["variants"] == manifest["variants"] and "_dir" not in recorded
    outcome, output = cli_in_fresh_python("build", "--no-progress", "--out", str(reports))
    assert outcome["code"] == 0 and outcome["heavy"] == [], output
