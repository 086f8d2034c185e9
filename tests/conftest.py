"""Shared fixtures: the real data package, editable copies of it, the source texts and the
session's real build. Helpers that are not fixtures are in helpers.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
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


REVIEW_SLUGS = ["en", "zh", "tianjin-en", "tianjin-zh", "hebei-en"]
# `make test` reads the default dossier's two editions page by page; the review's other
# variants (the Tianjin stop, the Hebei filter) are read by `make test-heavy`, which CI
# also runs: with all five, `make test` took 19.5 minutes here; with the two, 12.3.
DEFAULT_EDITIONS = ("en", "zh")
# The review's variants the session's build has made already (reused, not built again).
BUILT_ALREADY = ("en", "zh", "hebei-en")


def review_params(slugs: list[str]) -> list:
    """`slugs` for a parametrize: the default editions as they are, the others heavy."""
    return [
        s if s in DEFAULT_EDITIONS else pytest.param(s, marks=pytest.mark.heavy) for s in slugs
    ]


@pytest.fixture(scope="session")
def review(request, tmp_path_factory, built) -> Path:
    """The run a director's review reads (notebooks/params/review.yaml): the default dossier
    in English and Chinese, the Tianjin stop (2014) in both, and the Hebei filter. The page
    and meaning checks read its PDFs: `review / slug / "dossier.pdf"`.

    Built in a copy of the session's reports folder, so that the variants the scheduled
    build already made (en, zh, Hebei) are reused as a scheduled run reuses them, and the
    session's own `latest` stays where its tests expect it. A variant no selected test
    names (the Tianjin stop in `make test`) is left out of the run."""
    named = {
        value
        for item in request.session.items
        for value in getattr(getattr(item, "callspec", None), "params", {}).values()
        if isinstance(value, str)
    }
    params = yaml.safe_load(REVIEW.read_text(encoding="utf-8"))
    params["variants"] = [
        v for v in params["variants"] if v["name"] in named or v["name"] in BUILT_ALREADY
    ]
    chosen = tmp_path_factory.mktemp("review-params") / "review.yaml"
    chosen.write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
    reports = tmp_path_factory.mktemp("review") / "reports"
    shutil.copytree(built.reports, reports, symlinks=True)
    done = run_build("--out", str(reports), "--params", str(chosen), "--jobs", "2")
    return published(reports, done)


@pytest.fixture(autouse=True)
def _sources_cache(tmp_path_factory, monkeypatch) -> Path:
    """Drafts store article texts in a throwaway sources cache, never the checkout's."""
    cache = tmp_path_factory.mktemp("sources-cache")
    monkeypatch.setenv("IPDOSSIER_CACHE", str(cache))
    return cache
