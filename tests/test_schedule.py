"""The scheduling recipes in the README: valid, and the same as the files in deploy/."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import cronsim

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.DOTALL)


def test_cron_line_parses_and_runs_a_real_build_command():
    (line,) = [b.strip() for b in blocks("cron")]
    fields = line.split(None, 5)
    cronsim.CronSim(" ".join(fields[:5]), __import__("datetime").datetime(2026, 1, 1))
    command = shlex.split(fields[5].split("&&", 1)[1].split(">>")[0])
    assert command[0] == ".venv/bin/ipdossier" and command[1] == "build"
    assert (ROOT / command[command.index("--params") + 1]).is_file()


def test_readme_units_match_deploy_files():
    units = {b.splitlines()[0].split("/")[-1]: b.split("\n", 1)[1] for b in blocks("ini")}
    assert set(units) == {"ipdossier-build.service", "ipdossier-build.timer"}
    for name, text in units.items():
        assert (ROOT / "deploy" / name).read_text(encoding="utf-8") == text


def test_systemd_units_verify(tmp_path: Path):
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze (Debian package systemd) is needed to verify the units"
    for name in ("ipdossier-build.service", "ipdossier-build.timer"):
        text = (ROOT / "deploy" / name).read_text(encoding="utf-8")
        # Verify against this checkout: systemd checks that ExecStart is executable.
        (tmp_path / name).write_text(text.replace("/opt/ipdossier", str(ROOT)), encoding="utf-8")
    done = subprocess.run(
        [
            analyze,
            "verify",
            "--man=no",
            str(tmp_path / "ipdossier-build.timer"),
            str(tmp_path / "ipdossier-build.service"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Unknown" not in done.stderr, done.stderr
    params = re.search(r"--params (\S+)", (ROOT / "deploy/ipdossier-build.service").read_text())
    assert (ROOT / params.group(1)).is_file()
