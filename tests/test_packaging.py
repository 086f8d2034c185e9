"""The package as others install and find it: the wheel with everything it reads at run
time, and the hooks other tools look it up by (papermill's engines, nbconvert's exporters)
from a process that never imported ipdossier itself.

The wheel test installs the wheel into a virtualenv of its own that sees the development
environment's third-party packages (symlinked, so nothing is downloaded) but not the
editable checkout: a file the wheel lacks fails there, as it would on an operator's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pdfs
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ipdossier"


def _fresh(code: str) -> subprocess.CompletedProcess:
    """`code` in a new interpreter; it must not import ipdossier before its own lines."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_papermill_finds_the_engines_without_importing_ipdossier_first():
    done = _fresh(
        "from papermill.engines import papermill_engines\n"
        "for name in ('ipdossier-warm', 'ipdossier-plain'):\n"
        "    engine = papermill_engines.get_engine(name)\n"
        "    print(name, engine.__module__, engine.__name__)\n"
    )
    assert done.returncode == 0, done.stderr
    found = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert found == {
        "ipdossier-warm": "ipdossier.pipeline.engines WarmKernelEngine",
        "ipdossier-plain": "ipdossier.pipeline.engines PlainEngine",
    }


@pytest.mark.parametrize(
    "first", ["ipdossier.pipeline.kernels", "ipdossier.pipeline.execute", "ipdossier.cli"]
)
def test_papermill_imports_after_any_module_of_the_build(first):
    """papermill loads its engines' entry points when first imported: whichever module of
    the build is imported first, that must not find the engines' module half-initialised."""
    done = _fresh(
        f"import {first}\n"
        "import papermill\n"
        "from papermill.engines import papermill_engines\n"
        "print(papermill_engines.get_engine('ipdossier-warm').__name__)\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "WarmKernelEngine"


def test_the_build_runs_notebooks_with_the_registered_engines():
    # The names the build asks papermill for are the entry points' names.
    from importlib.metadata import entry_points

    from ipdossier.pipeline import kernels

    names = {ep.name for ep in entry_points(group="papermill.engine")}
    assert {kernels.ENGINE, kernels.PLAIN_ENGINE} <= names


def test_nbconvert_lists_the_dossier_exporter_once():
    """JupyterLab's export menu has one item per entry point: one "Dossier"."""
    done = _fresh(
        "from nbconvert.exporters import get_exporter, get_export_names\n"
        "names = get_export_names()\n"
        "print([n for n in names if get_exporter(n).__name__ == 'DossierPDFExporter'])\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['dossier']"


# -- the wheel ----------------------------------------------------------------------------------


def _source_copy(dest: Path) -> Path:
    """The files a wheel is built from, copied so the build leaves the checkout clean."""
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(PACKAGE, dest / "src" / "ipdossier", ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def _build_wheel(tmp: Path) -> Path:
    source = _source_copy(tmp / "source")
    out = tmp / "dist"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("ipdossier-*.whl")
    return wheel


def _isolated_venv(path: Path) -> Path:
    """A virtualenv whose site-packages links to every package of this environment except
    ipdossier's editable install; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    ours = Path(sysconfig.get_path("purelib"))
    for entry in ours.iterdir():
        name = entry.name.lower()
        if "ipdossier" in name:  # the editable .pth, its finder and its dist-info
            continue
        (site / entry.name).symlink_to(entry)
    # nbconvert's own templates are data files of the environment, not of a package.
    (path / "share").mkdir(exist_ok=True)
    (path / "share" / "jupyter").symlink_to(Path(sys.prefix) / "share" / "jupyter")
    # `jupyter nbconvert` runs the `jupyter-nbconvert` script beside the interpreter; this
    # is the launcher pip writes for nbconvert's console script.
    launcher = path / "bin" / "jupyter-nbconvert"
    launcher.write_text(
        f"#!{python}\nimport sys\nfrom nbconvert.nbconvertapp import main\nsys.exit(main())\n"
    )
    launcher.chmod(0o755)
    return python


def _small_executed_notebook(path: Path) -> Path:
    table = (
        "<table class='ipd-table'><thead><tr><th>Organisation</th></tr></thead>"
        "<tbody><tr><td>Hebei Provincial Intellectual Property Office</td></tr></tbody></table>"
    )
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Wheel check\n\nA chapter printed from the installed wheel."),
            new_code_cell(
                "table()",
                execution_count=1,
                outputs=[new_output("display_data", data={"text/html": table, "text/plain": ""})],
            ),
        ]
    )
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
@pytest.mark.heavy
def test_wheel_holds_every_package_file_and_exports_from_a_fresh_virtualenv(tmp_path):
    wheel = _build_wheel(tmp_path)

    # Everything under src/ipdossier that is not Python is read at run time (templates,
    # the label catalogue): the wheel carries each one.
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = {
        p.relative_to(PACKAGE.parent).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert data_files, "no package data found under src/ipdossier"
    assert data_files <= names, f"missing from the wheel: {sorted(data_files - names)}"

    python = _isolated_venv(tmp_path / "venv")
    bindir = python.parent
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    # The checkout's own .venv/bin stays off PATH: only the new environment's scripts run.
    ours = str(Path(sys.executable).parent)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and p != ours]
    env.update(PATH=os.pathsep.join([str(bindir), *path]), IPDOSSIER_ROOT=str(ROOT))
    work = tmp_path / "work"
    work.mkdir()

    def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*args], capture_output=True, text=True, env=env, cwd=work, timeout=timeout
        )

    done = run(str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel))
    assert done.returncode == 0, done.stdout + done.stderr
    done = run(str(python), "-c", "import ipdossier; print(ipdossier.__file__)")
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_relative_to(tmp_path / "venv"), done.stdout

    done = run(str(bindir / "ipdossier"), "--help")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "build" in done.stdout and "check" in done.stdout

    notebook = _small_executed_notebook(work / "wheel_check.ipynb")
    done = run(
        str(python), "-m", "jupyter", "nbconvert", "--to", "dossier", str(notebook), timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    pdf = work / "wheel_check.pdf"
    assert pdf.is_file(), done.stderr
    text = " ".join(pdfs.text_of(pdf).split())
    assert "A chapter printed from the installed wheel." in text
    assert "Hebei Provincial Intellectual Property Office" in text
