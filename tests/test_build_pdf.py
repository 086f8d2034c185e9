"""`ipdossier build` with PDF on, as `make report` and the scheduled runs use it: the files
a run publishes and their checksums in the manifest, the Chromium that printed them, what
a later run reuses, and the options that pick chapters, formats and the runs kept.

The session's build (`built` in conftest) is shared; tests that need a build of their
own make it in a folder of their own, or in a copy of the session's reports.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
from pathlib import Path

import pdfs
import pytest
import yaml
from helpers import EVERY_JURISDICTION, ROOT, read_manifest, run_build
from pypdf import PdfReader

from ipdossier.export.browser import find_chromium
from ipdossier.pipeline.fingerprint import sha256_file

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def outputs_match_files(run: Path, variant: dict) -> None:
    for o in variant["outputs"]:
        path = run / o["path"]
        assert path.is_file(), o["path"]
        assert sha256_file(path) == o["sha256"], o["path"]
        assert path.stat().st_size == o["bytes"], o["path"]


def test_cold_build_publishes_the_dossier_a_pdf_per_chapter_and_the_html(built):
    assert built.cold.stdout.startswith(f"built {len(NOTEBOOKS)} notebook run(s), reused 0")
    m = built.manifest
    assert m["status"] == "succeeded"
    assert m["options"]["formats"] == ["pdf", "chapters", "html"] and m["options"]["only"] == []
    (v,) = m["variants"]
    assert v["slug"] == "default" and v["export"]["reused_from"] is None
    # The chapters are the notebooks of notebooks/, in order.
    assert [nb["notebook"] for nb in v["notebooks"]] == [p.name for p in NOTEBOOKS]
    pdfs_made = ["default/dossier.pdf"] + [f"default/{p.stem}.pdf" for p in NOTEBOOKS]
    assert sorted(o["path"] for o in v["outputs"]) == sorted([*pdfs_made, "default/dossier.html"])
    outputs_match_files(built.cold_run, v)
    for rel in pdfs_made:
        raw = (built.cold_run / rel).read_bytes()
        assert raw.startswith(b"%PDF-") and raw.rstrip().endswith(b"%%EOF"), rel
        reader = PdfReader(built.cold_run / rel, strict=True)
        assert len(reader.pages) >= 2 and reader.outline, rel
    # Nothing in the run that the manifest does not list, but the executed notebooks.
    listed = {o["path"] for o in v["outputs"]} | {nb["executed"] for nb in v["notebooks"]}
    on_disk = {str(p.relative_to(built.cold_run)) for p in built.cold_run.rglob("*") if p.is_file()}
    assert on_disk == listed | {"manifest.json"}


def test_manifest_records_the_chromium_that_printed_the_pdfs(built):
    recorded = built.manifest["environment"]["chromium"]
    exe = find_chromium()
    said = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    version = re.search(r"\d+\.\d+\.\d+\.\d+", said.stdout).group(0)
    assert recorded and version in recorded, (recorded, said.stdout)
    # The PDFs say the same: Chromium writes its milestone into the producer (Skia/PDF mNNN).
    producer = PdfReader(built.cold_run / "default" / "dossier.pdf").metadata["/Producer"]
    assert f"m{version.split('.')[0]}" in producer, producer


def test_a_second_build_reuses_the_pdfs(built):
    # The same command again: nothing runs, nothing is printed, latest stays.
    assert "up to date" in built.again.stdout
    assert "executing" not in built.again.stderr
    runs = sorted(p.name for p in built.reports.iterdir() if p.name[:2] == "20")
    assert runs == sorted([built.cold_run.name, built.grown_run.name])
    outputs_match_files(built.cold_run, built.variant())

    # The scheduled build: the variant the cold run made (en, all) is linked from it, not
    # printed again; the nine others are built.
    cold = built.variant()
    matrix = yaml.safe_load(EVERY_JURISDICTION.read_text(encoding="utf-8"))["matrix"]
    variants = math.prod(len(values) for values in matrix.values())
    assert built.grown.stdout.startswith(
        f"built {(variants - 1) * len(NOTEBOOKS)} notebook run(s), reused {len(NOTEBOOKS)}"
    )
    grown = {v["slug"]: v for v in built.grown_manifest["variants"]}
    assert len(grown) == variants
    same = grown["en-all"]
    assert same["export"]["reused_from"] == built.cold_run.name
    assert {nb["reused_from"] for nb in same["notebooks"]} == {built.cold_run.name}
    before = {Path(o["path"]).name: o for o in cold["outputs"]}
    for o in same["outputs"]:
        name = Path(o["path"]).name
        assert o["sha256"] == before[name]["sha256"], name
        assert os.path.samefile(built.grown_run / o["path"], built.cold_run / before[name]["path"])
    for slug, v in grown.items():
        outputs_match_files(built.grown_run, v)
        if slug != "en-all":
            assert v["export"]["reused_from"] is None, slug
            assert any(o["path"] == f"{slug}/dossier.pdf" for o in v["outputs"]), slug


def test_only_one_chapter_as_pdf_only(tmp_path):
    first = ROOT / "notebooks" / "01_event.ipynb"  # a chapter with charts
    reports = tmp_path / "reports"
    done = run_build("--out", str(reports), "--only", first.stem, "--format", "pdf,chapters")
    assert done.returncode == 0, done.stderr[-3000:]
    run = (reports / "latest").resolve()
    m = read_manifest(run)
    assert m["options"]["only"] == [first.stem]
    assert m["options"]["formats"] == ["pdf", "chapters"]
    (v,) = m["variants"]
    assert [nb["notebook"] for nb in v["notebooks"]] == [first.name]
    assert sorted(o["path"] for o in v["outputs"]) == sorted(
        ["default/dossier.pdf", f"default/{first.stem}.pdf"]
    )
    outputs_match_files(run, v)
    assert not list(run.rglob("*.html"))
    assert m["environment"]["chromium"]
    chapter = pdfs.chapter(run / v["notebooks"][0]["executed"])
    reader = PdfReader(run / "default" / "dossier.pdf")
    assert [title for title, _ in pdfs.bookmarks(reader)] == ["Contents", chapter.title, "Sources"]
    text = pdfs.compact(pdfs.text_of(reader))
    for title in chapter.charts:
        assert pdfs.compact(title) in text, title


def test_keep_prunes_runs_whose_pdfs_a_kept_run_still_uses(built, tmp_path):
    # A copy of the session's reports (hard links kept): the scheduled run's en-all PDFs
    # are the cold run's files. Keeping one run removes the cold run; they must survive.
    reports = tmp_path / "reports"
    subprocess.run(["cp", "-a", str(built.reports), str(reports)], check=True)
    grown_run = reports / built.grown_run.name
    done = run_build(
        "--out", str(reports), "--params", str(EVERY_JURISDICTION), "--jobs", "2", "--keep", "1"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "up to date" in done.stdout
    assert not (reports / built.cold_run.name).exists()
    assert (reports / "latest").resolve() == grown_run
    for v in read_manifest(grown_run)["variants"]:
        outputs_match_files(grown_run, v)

    # The default dossier again: reused from the kept run (its en-all variant), which the
    # next prune then removes; the new run's PDFs stay whole.
    again = run_build("--out", str(reports), "--keep", "1")
    assert again.returncode == 0, again.stderr[-3000:]
    run = (reports / "latest").resolve()
    assert run != grown_run and not grown_run.exists()
    m = read_manifest(run)
    (v,) = m["variants"]
    assert v["export"]["reused_from"] == built.grown_run.name
    outputs_match_files(run, v)
    assert {Path(o["path"]).name for o in v["outputs"]} >= {"dossier.pdf"} | {
        f"{p.stem}.pdf" for p in NOTEBOOKS
    }
    assert [p.name for p in reports.iterdir() if p.name[:2] == "20"] == [run.name]


def test_a_run_of_many_variants_may_leave_the_chapter_pdfs_out(tmp_path):
    """`--format pdf,html` (a scheduled run of many variants): the dossier, stamped and
    bookmarked as with the chapters, its HTML, and no chapter PDF; `chapters` without
    `pdf` is a bad option (exit 2) before anything runs."""
    first = ROOT / "notebooks" / "01_event.ipynb"
    reports = tmp_path / "reports"
    bad = run_build("--out", str(reports), "--only", first.stem, "--format", "chapters,html")
    assert bad.returncode == 2, bad.stderr[-2000:]
    assert "--format chapters needs pdf" in bad.stderr and "Traceback" not in bad.stderr
    assert not (reports / "latest").exists()

    done = run_build("--out", str(reports), "--only", first.stem, "--format", "pdf,html")
    assert done.returncode == 0, done.stderr[-3000:]
    run = (reports / "latest").resolve()
    m = read_manifest(run)
    assert m["options"]["formats"] == ["pdf", "html"]
    (v,) = m["variants"]
    made = sorted(o["path"] for o in v["outputs"])
    assert made == ["default/dossier.html", "default/dossier.pdf"]
    outputs_match_files(run, v)
    assert sorted(p.name for p in (run / "default").glob("*.pdf")) == ["dossier.pdf"]
    reader = PdfReader(run / "default" / "dossier.pdf")
    chapter = pdfs.chapter(run / v["notebooks"][0]["executed"])
    assert [title for title, _ in pdfs.bookmarks(reader)] == ["Contents", chapter.title, "Sources"]
    # Each page stamped with its number of the dossier's, as when the chapters are cut.
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        assert f"Page {i} of {n}" in page.extract_text(), i
