"""Project layout and set-up: the pieces the README promises, kept in step."""

from __future__ import annotations

import re
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
    wanted = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    assert set(pip) - {"-e ."} == wanted
    assert "-e ." in pip


def test_notebooks_are_committed_without_outputs():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                assert not cell.outputs, f"{path.name} cell {i} has outputs: run nbstripout"
                assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"
