"""Project layout and set-up: the pieces the README promises, kept in step."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_top_level_layout():
    for name in ("notebooks", "data", "reports", "tests", "src/ipdossier", "benchmarks"):
        assert (ROOT / name).is_dir(), name
    for name in (
        "environment.yml",
        "README.md",
        "pyproject.toml",
        ".ci/run",
        "Makefile",
        ".pre-commit-config.yaml",
    ):
        assert (ROOT / name).is_file(), name


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "python=3.11" in conda and "pip" in conda
    assert project["requires-python"].startswith(">=3.11")
    # The report's environment without JupyterLab (it slows every nbformat import), and
    # JupyterLab's own environment with it, as the Makefile keeps .venv and .venv-lab.
    extras = project["optional-dependencies"]
    wanted = set(project["dependencies"]) | set(extras["dev"])
    assert set(pip) - {"-e ."} == wanted
    assert "-e ." in pip
    lab = yaml.safe_load((ROOT / "environment-lab.yml").read_text(encoding="utf-8"))
    lab_pip = next(d["pip"] for d in lab["dependencies"] if isinstance(d, dict))
    assert set(lab_pip) - {"-e ."} == wanted | set(extras["lab"])
    assert [d for d in lab["dependencies"] if isinstance(d, str)] == conda


def test_notebooks_are_committed_without_outputs():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                assert not cell.outputs, f"{path.name} cell {i} has outputs: run nbstripout"
                assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"


def test_every_chapter_reads_as_a_report_before_it_runs():
    """JupyterLab opens a chapter on its title and a line on what it shows (a markdown
    cell no report prints: the code writes the heading there), the parameters cell shown
    and explained line by line, the set-up cell shown, and every cell that only writes
    the chapter (prose, headings, tables, charts) folded to its output."""
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        title = nb.cells[0]
        meta = nb.metadata["ipdossier"]
        assert title.cell_type == "markdown", f"{path.name}: no title cell first"
        assert title.metadata.get("tags") == ["notebook-only"], path.name
        paragraphs = [p for p in title.source.split("\n\n") if p.strip()]
        assert paragraphs[0] == f"# {meta['title']} · {meta['title_zh']}", path.name
        assert len(paragraphs[1]) > 40 and paragraphs[1].isascii(), path.name  # English
        chinese = r"[\u4e00-\u9fff]{4}.*[\u4e00-\u9fff]{4}"
        assert re.search(chinese, paragraphs[2]), path.name
        code = [c for c in nb.cells if c.cell_type == "code"]
        params, setup, writers = code[0], code[1], code[2:]
        assert "parameters" in params.metadata.get("tags", []), path.name
        assert "nb.setup(" in setup.source, path.name
        for cell in (params, setup):
            assert not cell.metadata.get("jupyter", {}).get("source_hidden"), path.name
        for line in params.source.splitlines():
            assert re.match(r"^\w+: \w+ = .+  # \S.{10,}$", line), f"{path.name}: {line}"
        assert writers, path.name
        for cell in writers:
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, (
                f"{path.name}: cell {nb.cells.index(cell)} is not folded: {cell.source[:60]!r}"
            )
            # It writes the chapter: through the display helpers, nothing else.
            assert (
                re.search(r"\bnb\.(heading|prose|say|show|table|cite|not_stated)\(", cell.source)
                or "show_methods(" in cell.source
            ), cell.source[:80]


def _fake_system(tmp_path: Path, programs: dict[str, str]) -> dict[str, str]:
    """A PATH holding only `programs` (name -> shell body) and the shell tools the set-up
    script uses; no apt-get, so the script reports what is missing instead of installing."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    for tool in ("bash", "head", "id", "basename", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for name, body in programs.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def _system_deps(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    work = tmp_path / "checkout"  # no .venv yet, as on a fresh clone
    work.mkdir(exist_ok=True)
    return subprocess.run(
        [shutil.which("bash"), str(ROOT / "scripts" / "system-deps.sh"), *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_set_up_script_names_every_system_package_the_tests_need(tmp_path):
    # A fresh Debian: a Python without its venv module, no browser, no CJK font, no systemd.
    env = _fake_system(
        tmp_path,
        {
            "python3.11": 'case "$*" in *version_info*) echo 3.11;; *) exit 1;; esac',
            "fc-list": "exit 0",
        },
    )
    env["PYTHON"] = str(Path(env["PATH"]) / "python3.11")
    done = _system_deps(tmp_path, env, "--tests")
    assert done.returncode == 4
    missing = re.search(r"which are missing: (.*)", done.stderr).group(1).split()
    assert set(missing) == {
        "chromium",
        "fonts-noto-cjk",
        "fonts-noto-color-emoji",
        "python3.11-venv",
        "systemd",
        "poppler-utils",
    }
    # `make report` needs no systemd and no pdftotext.
    done = _system_deps(tmp_path, env)
    report_missing = re.search(r"which are missing: (.*)", done.stderr).group(1)
    assert "systemd" not in report_missing and "poppler-utils" not in report_missing

    # Everything there: nothing to do.
    env = _fake_system(
        tmp_path / "ok",
        {
            "python3": "exit 0",
            "fc-list": "echo 'Noto Sans CJK SC'; echo 'Noto Color Emoji'",
            "chromium": "exit 0",
            "systemd-analyze": "exit 0",
            "pdftotext": "exit 0",
        },
    )
    env["PYTHON"] = str(Path(env["PATH"]) / "python3")
    done = _system_deps(tmp_path / "ok", env, "--tests")
    assert done.returncode == 0, done.stderr


def test_make_test_installs_system_packages_before_the_venv():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    (test_rule,) = re.findall(r"^test: (.*)$", make, re.MULTILINE)
    assert test_rule.split() == ["test-system-deps", "$(STAMP)"]
    assert "system-deps.sh --tests" in make


def test_the_readme_quotes_the_benchmark_results_it_names():
    """Every figure of the README's benchmark table is the one benchmarks/results.json
    holds (rounded as printed): the README quotes the last run, nothing else."""
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Benchmarks") : readme.index("## Exit codes")]
    v, c = results["variants"], results["cluster"]
    rows = {
        "plain chain": f"{results['plain']['seconds']:.1f}",
        "cold build": f"{results['cold']['seconds']:.1f}",
        "no-op rebuild": f"{results['noop']['seconds']:.2f}",
        "1 / 4 / 16 variants": " / ".join(f"{v[n]['seconds']:.1f}" for n in ("1", "4", "16")),
        "64 variants, `--jobs 2`": f"{c['local_jobs2']['seconds']:.0f}",
        "64 variants, 2-worker": f"{c['localcluster_2_workers']['seconds']:.0f}",
    }
    table = section[: section.index("Issue 23's aims")]
    for label, value in rows.items():
        (line,) = [ln for ln in table.splitlines() if ln.startswith(f"| {label}")]
        assert f"| {value}" in line, (label, value, line)
    assert results["date"][:10] in section
    ratios = results["ratios"]
    assert f"{ratios['plain_over_cold']:.1f}x" in section
    assert f"{ratios['marginal_variant_s']:.1f} s" in section
    # The variant rows build each variant's dossier and HTML; the chapter PDFs' cost is
    # quoted beside them (issue 23).
    assert f"{ratios['marginal_variant_s_with_chapters']:.2f} s" in section
    with_chapters = results["variants_with_chapters"]
    assert f"{with_chapters['1']['seconds']:.1f} / {with_chapters['16']['seconds']:.1f}" in section


def test_the_readme_quotes_the_evaluation_results_per_half():
    """The README's tune/test table (issue 22) is benchmarks/eval/results.json: each cell
    of the current run (the last column of each half), per split, class and language, as
    recall / precision; "same" stands for the cell to its left."""
    results = json.loads(
        (ROOT / "benchmarks" / "eval" / "results.json").read_text(encoding="utf-8")
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Tune and test halves (issue 22).**") :]
    start = section.index("| class | lang |")
    table = section[start : section.index("\n\n", start)]
    lines = table.splitlines()
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[(cells[0].split(" ")[0], cells[1])] = cells
    labels = {"figures": "figures", "people": "people", "events": "event"}
    current = results["runs"][results["current"]]
    assert {g["split"] for g in current} == {"tune", "test", "test38"}
    for s in current:
        if s["language"] == "all" or s["recall"] == "n/a":
            continue
        cells = rows[(labels[s["class"]], s["language"])]
        column = max(i for i, h in enumerate(header) if h.startswith(f"{s['split']}:"))
        while cells[column].strip("*") == "same":
            column -= 1
        assert cells[column].replace("*", "").startswith(f"{s['recall']} / {s['precision']}"), (
            s, cells[column],
        )  # fmt: skip
