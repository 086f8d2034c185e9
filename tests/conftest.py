"""Shared fixtures: the real data package, editable copies of it, the source texts and the
session's real build. Helpers that are not fixtures are in helpers.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import EVERY_JURISDICTION, Built, published, run_build

from ipdossier.paths import data_dir, sources_dir


@pytest.fixture(scope="session")
def sources() -> Path:
    path = sources_dir()
    assert (path / "README.md").is_file(), (
        f"source texts not found at {path}; set IPDOSSIER_SOURCES to the shared/sources folder"
    )
    return path


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(data_dir(), dest)
    return dest


# -- the real build -------------------------------------------------------------------------
#
# What `make report` and the scheduled runs produce: `ipdossier build` run as a user runs
# it (the installed command, in this checkout, PDF and HTML on), into a reports folder of
# the test session. One cold build serves every test that reads the dossier, so the
# whole suite pays for it once.


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    reports = tmp_path_factory.mktemp("build") / "reports"
    cold = run_build("--out", str(reports))
    cold_run = published(reports, cold)
    again = run_build("--out", str(reports))
    assert again.returncode == 0, again.stderr[-3000:]
    grown = run_build("--out", str(reports), "--params", str(EVERY_JURISDICTION), "--jobs", "2")
    grown_run = published(reports, grown)
    return Built(reports, cold, again, grown, cold_run, grown_run)


REVIEW = Path(__file__).resolve().parent.parent / "notebooks" / "params" / "review.yaml"


@pytest.fixture(scope="session")
def review(tmp_path_factory, built) -> Path:
    """The run a director's review reads (notebooks/params/review.yaml): the default dossier
    in English and Chinese, the Tianjin stop (2014) in both, and the Hebei filter. The page
    and meaning checks read its PDFs: `review / slug / "dossier.pdf"`.

    Built in a copy of the session's reports folder, so that the variants the scheduled
    build already made (en, zh, Hebei) are reused as a scheduled run reuses them, and the
    session's own `latest` stays where its tests expect it."""
    reports = tmp_path_factory.mktemp("review") / "reports"
    shutil.copytree(built.reports, reports, symlinks=True)
    done = run_build("--out", str(reports), "--params", str(REVIEW), "--jobs", "2")
    return published(reports, done)


REVIEW_SLUGS = ["en", "zh", "tianjin-en", "tianjin-zh", "hebei-en"]


@pytest.fixture(autouse=True)
def _sources_cache(tmp_path_factory, monkeypatch) -> Path:
    """Drafts store article texts in a throwaway sources cache, never the checkout's."""
    cache = tmp_path_factory.mktemp("sources-cache")
    monkeypatch.setenv("IPDOSSIER_CACHE", str(cache))
    return cache
