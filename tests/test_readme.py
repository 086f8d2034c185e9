"""The README, run as written (issue 25).

Every shell block of README.md (```sh, ```console, ```bash) is run here, in a scratch copy
of the repository (data/, notebooks/, an empty reports/, and this checkout's .venv), or
is marked in the README source, in an HTML comment on the line before it, as run
elsewhere or not run, with the reason. The markers:

    <!-- not run in tests: REASON -->        not run (the network, minutes, systemd, apt)
    <!-- run in tests/FILE.py::TEST -->      run by that test (which must exist)
    <!-- in tests: STEP; STEP ... -->        run here after these steps in the scratch copy:
        set FILE KEY COLUMN VALUE            a cell of a CSV, its row found by its first cell
        copy {article} PATH                  the seed article (the Baoding report) to PATH
        write PATH TEXT                      a file holding TEXT and a newline
        heavy                                a block that builds: `make test-heavy` runs it

An unmarked block is run here as it is. In a ```sh block every command must exit 0;
its comments are comments. A ```console block shows commands after `$ ` and what they
print (stdout and stderr, as a terminal shows them) below each; `[exit N]` is the exit
status (0 when not given). Output is compared line by line, allowing only these
placeholders: a line `...` stands for any number of lines, `...` within a line for any
text on it, `<sha256>` for a checksum, `<run-id>` for a run's id, `<path>` for a path.

Every command shown, in a block or inline in the prose, run or not, is also checked
against the code: the program exists where it is shown (.venv/bin/...), an `ipdossier`
subcommand and each of its options exist, a make target is in the Makefile, a benchmark
script's options are in its --help, dask's and papermill's in theirs.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from helpers import edit_cell

from ipdossier.paths import sources_dir

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = ROOT / ".venv" / "bin"
SHELL = {"sh", "console", "bash"}
# The seed article: the Baoding report in the shared sources folder.
ARTICLE = "chinaip-1456-brand-ip-agencies-hebei.txt"


@dataclass
class Command:
    line: str
    output: list[str] = field(default_factory=list)
    exit: int = 0


@dataclass
class Block:
    lineno: int
    lang: str
    body: str
    marker: str | None

    @property
    def id(self) -> str:
        first = self.commands[0].line if self.commands else ""
        return f"line {self.lineno}: {first[:60]}"

    @property
    def commands(self) -> list[Command]:
        if self.lang == "console":
            return _console(self.body)
        return [Command(line) for line in _sh_lines(self.body)]

    @property
    def steps(self) -> list[str]:
        m = re.fullmatch(r"in tests:\s*(.*)", self.marker or "", re.S)
        return [s.strip() for s in m.group(1).split(";") if s.strip()] if m else []

    @property
    def heavy(self) -> bool:
        return "heavy" in self.steps

    @property
    def not_run(self) -> str | None:
        m = re.fullmatch(r"not run in tests:\s*(.*)", self.marker or "", re.S)
        return m.group(1).strip() if m else None

    @property
    def run_elsewhere(self) -> str | None:
        m = re.fullmatch(r"run in (tests/\S+\.py::\w+)", self.marker or "")
        return m.group(1) if m else None


def blocks(text: str = README) -> list[Block]:
    found = []
    fence = re.compile(
        r"(?:^<!--\s*(?P<marker>.*?)\s*-->\n)?^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S
    )
    for m in fence.finditer(text):
        lineno = text.count("\n", 0, m.start("lang")) + 1
        found.append(Block(lineno, m.group("lang"), m.group("body"), m.group("marker")))
    return found


def shell_blocks() -> list[Block]:
    return [b for b in blocks() if b.lang in SHELL]


def _sh_lines(body: str) -> list[str]:
    """The commands of a sh block: continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", body)
    # bash reads the comments as comments; a line holding only a comment is no command.
    return [line.strip() for line in joined.splitlines() if shlex.split(line, comments=True)]


def _console(body: str) -> list[Command]:
    commands: list[Command] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append(Command(line[2:].strip()))
        elif m := re.fullmatch(r"\[exit (\d+)\]", line.strip()):
            commands[-1].exit = int(m.group(1))
        else:
            assert commands, f"output before any command in a console block: {line!r}"
            commands[-1].output.append(line)
    return commands


PLACEHOLDERS = {
    "...": r".*?",
    "<sha256>": r"[0-9a-f]{64}",
    "<run-id>": r"[0-9]{8}T[0-9]{6}Z-[0-9a-f]+",
    "<path>": r"\S+",
}
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))


def output_matches(shown: list[str], printed: str) -> bool:
    """Whether `printed` is what `shown` shows, placeholders aside."""
    pattern = ""
    for line in shown:
        if line.strip() == "...":
            pattern += r"(?:[^\n]*\n)*?"
            continue
        parts = _PLACEHOLDER.split(line)
        holders = _PLACEHOLDER.findall(line)
        regex = re.escape(parts[0])
        for holder, part in zip(holders, parts[1:], strict=True):
            regex += PLACEHOLDERS[holder] + re.escape(part)
        pattern += regex + r"\n"
    text = printed if printed.endswith("\n") or not printed else printed + "\n"
    return re.fullmatch(pattern, text) is not None


# -- the markers ---------------------------------------------------------------------------


def test_every_shell_block_is_run_or_says_why_not():
    found = shell_blocks()
    assert len(found) >= 8, "the README's shell blocks were not found"
    for block in found:
        if block.marker is None:
            continue
        assert block.not_run or block.run_elsewhere or block.steps, (
            f"README line {block.lineno}: unknown marker {block.marker!r}"
        )
        if block.not_run is not None:
            assert len(block.not_run) > 10, f"README line {block.lineno}: say why it is not run"
        if block.run_elsewhere:
            file, name = block.run_elsewhere.split("::")
            assert re.search(rf"^def {name}\(", (ROOT / file).read_text(encoding="utf-8"), re.M), (
                f"README line {block.lineno}: {block.run_elsewhere} does not exist"
            )
        for step in block.steps:
            assert re.match(r"(set|copy|write) \S+ |heavy$", step), (block.lineno, step)
    # No marker stands anywhere but right before a block (it would mark nothing).
    markers = re.findall(r"^<!--\s*((?:not )?run in tests|in tests:).*-->\n(?!```)", README, re.M)
    assert not markers, f"a README marker is not right before a block: {markers}"


# -- running the blocks in a scratch copy ------------------------------------------------------


def scratch(tmp: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the repository as a user has it after `make`: data/, notebooks/, an
    empty reports/ and .venv (this checkout's, linked)."""
    root = tmp / "ipdossier"
    root.mkdir()
    for name in ("data", "notebooks"):
        shutil.copytree(ROOT / name, root / name)
    (root / "reports").mkdir()
    shutil.copy(ROOT / "reports" / "README.md", root / "reports" / "README.md")
    (root / ".venv").symlink_to(ROOT / ".venv")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPDOSSIER_")}
    env.update(
        IPDOSSIER_ROOT=str(root),
        IPDOSSIER_SOURCES=str(sources_dir()),
        PYTHONUNBUFFERED="1",
        COLUMNS="100",
    )
    return root, env


def prepare(root: Path, steps: list[str]) -> None:
    for step in steps:
        verb, _, rest = step.partition(" ")
        if verb == "set":
            file, key, column, value = rest.split(" ", 3)
            edit_cell(root / file, key, column, value)
        elif verb == "copy":
            source, dest = rest.split()
            source = sources_dir() / ARTICLE if source == "{article}" else ROOT / source
            (root / dest).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, root / dest)
        elif verb == "write":
            path, text = rest.split(" ", 1)
            (root / path).write_text(text + "\n", encoding="utf-8")


def run_block(block: Block, tmp: Path) -> None:
    root, env = scratch(tmp)
    prepare(root, block.steps)
    for command in block.commands:
        done = subprocess.run(
            ["bash", "-c", command.line],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=1800,
        )
        where = f"README line {block.lineno}: `{command.line}`"
        assert done.returncode == command.exit, f"{where} exited {done.returncode}:\n{done.stdout}"
        assert "Traceback" not in done.stdout, f"{where}:\n{done.stdout}"
        if block.lang == "console":
            assert output_matches(command.output, done.stdout), (
                f"{where} printed:\n{done.stdout}\nthe README shows:\n" + "\n".join(command.output)
            )


def _run_here(heavy: bool) -> list:
    return [
        pytest.param(b, id=b.id)
        for b in shell_blocks()
        if not b.not_run and not b.run_elsewhere and b.heavy == heavy
    ]


@pytest.mark.parametrize("block", _run_here(heavy=False))
def test_block_runs_as_the_readme_shows(block: Block, tmp_path: Path):
    run_block(block, tmp_path)


@pytest.mark.heavy
@pytest.mark.parametrize("block", _run_here(heavy=True))
def test_building_block_runs_as_the_readme_shows(block: Block, tmp_path: Path):
    run_block(block, tmp_path)
    assert (tmp_path / "ipdossier" / "reports" / "latest").is_dir()


# -- every command against the code ------------------------------------------------------------


def _inline_commands() -> list[str]:
    """Commands quoted in the prose (outside the blocks), with the program they name."""
    prose = re.sub(r"^```.*?^```$", "", README, flags=re.M | re.S)
    commands = []
    for span in re.findall(r"`([^`]+)`", prose):
        span = " ".join(span.split())  # a span may run over a line break
        if re.match(
            r"(\.venv/bin/|ipdossier |make |cp |jupyter |papermill |python |systemctl |dask "
            r"|pre-commit )",
            span,
        ):
            commands.append(span)
        elif re.match(r"(extract|build|check|params|lab) (-|[a-z@.])", span):
            commands.append(f"ipdossier {span}")
        elif span.startswith("run.py "):
            commands.append(f"benchmarks/{span}")
    return commands


def block_commands() -> list[str]:
    """Each command of the shell blocks (`cd X && Y` is two)."""
    return [
        part.strip()
        for b in shell_blocks()
        for c in b.commands
        for part in re.split(r"&&|\|", c.line)
    ]


# Programs a block may run by their bare name: the system's. What `make` installs is in
# .venv/bin, which is not on PATH (`dask scheduler` as shown would not be found).
ON_PATH = {"make", "cp", "cd", "systemctl", "bash"}


def check_block_command(command: str) -> None:
    program = shlex.split(command, comments=True)[0]
    assert program.startswith(".venv/bin/") or program in ON_PATH, (
        f"`{command}`: {program} is not on PATH after `make`; show it as .venv/bin/{program}"
    )
    check_command(command)


@cache
def _ipdossier():
    import typer.main

    from ipdossier.cli import app

    return typer.main.get_command(app)


def _options_of(command) -> set[str]:
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"--help"}


def check_ipdossier(args: list[str]) -> None:
    command = _ipdossier()
    words = [a for a in args if not a.startswith("-")]
    for word in words:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command = sub
    if command is _ipdossier():
        raise AssertionError(f"ipdossier has no command {words[:1]}")
    if getattr(command, "commands", None) and "legacy" in command.commands:
        # `extract FILE --diff`: the old form, which the hidden `legacy` command takes.
        if not any(w in command.commands for w in words):
            command = command.commands["legacy"]
    options = _options_of(command)
    for arg in args:
        if arg.startswith("--") and arg.split("=")[0] not in options:
            raise AssertionError(f"`ipdossier {' '.join(args)}`: {arg} is not an option")


@cache
def _help(*argv: str) -> str:
    done = subprocess.run(list(argv) + ["--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def check_command(command: str) -> None:
    args = shlex.split(command.replace("...", "x"), comments=True)
    program, rest = args[0], args[1:]
    # What make installs into .venv is not on PATH: shown bare, it would not be found
    # (ipdossier and jupyter are named bare in the prose as the commands' names).
    assert program not in ("dask", "papermill", "pre-commit", "python"), (
        f"`{command}`: {program} is not on PATH after `make`; show it as .venv/bin/{program}"
    )
    if program.startswith(".venv/bin/"):
        assert (ROOT / program).exists(), f"`{command}`: {program} is not installed by make"
        program = Path(program).name
    long_options = [a.split("=")[0] for a in rest if a.startswith("--")]
    if program == "ipdossier":
        check_ipdossier(rest)
    elif program == "make":
        targets = re.findall(r"^([\w.-]+):", (ROOT / "Makefile").read_text(), re.M)
        for target in (a for a in rest if "=" not in a and not a.startswith("-")):
            assert target in targets, f"`{command}`: the Makefile has no target {target}"
    elif program in ("python", "python3") and rest and rest[0].startswith("benchmarks/"):
        check_command(" ".join(rest))
    elif program.startswith("benchmarks/"):
        assert (ROOT / program).is_file(), f"`{command}`: no {program}"
        text = _help(str(BIN / "python"), str(ROOT / program)) if long_options else ""
        for option in long_options:
            assert option in text, f"`{command}`: {option} is not in {program} --help"
    elif program in ("dask", "papermill"):
        sub = [a for a in rest[:1] if not a.startswith("-") and program == "dask"]
        text = _help(str(BIN / program), *sub) if long_options else ""
        for option in long_options:
            assert option in text, f"`{command}`: {option} is not in {program} --help"
    elif program == "pre-commit":
        assert (ROOT / ".pre-commit-config.yaml").is_file(), f"`{command}`: no hooks to set up"
        assert rest[0] in _help(str(BIN / program)), f"`{command}`: no {rest[0]} in pre-commit"
    elif program == "cp":
        for source in rest[:-1]:
            assert (ROOT / source).exists(), f"`{command}`: no {source} in the checkout"
    elif program == "jupyter":
        assert rest[0] == "nbconvert" and "--to" in rest
        from importlib.metadata import entry_points

        exporters = {e.name for e in entry_points(group="nbconvert.exporters")}
        target = rest[rest.index("--to") + 1]
        assert target in exporters, f"`{command}`: no nbconvert exporter {target!r}"
    elif program == "python":  # .venv/bin/python
        assert rest[:2] == ["-m", "pytest"], command
    elif program in ("cd", "systemctl"):
        pass  # the system's; the units it enables are verified by tests/test_schedule.py
    else:
        raise AssertionError(f"`{command}`: a command the README test does not know")


def test_every_command_shown_is_one_the_code_has():
    shown = [(check_block_command, c) for c in block_commands()]
    shown += [(check_command, c) for c in _inline_commands()]
    assert len(shown) >= 30
    problems = []
    for check, command in shown:
        try:
            check(command)
        except AssertionError as exc:
            problems.append(str(exc))
    assert not problems, "\n".join(problems)


# Options the prose names without their command that belong to other programs than
# ipdossier, and which program: the rest must be an option of some ipdossier command.
OTHER_PROGRAMS_OPTIONS = {
    "--print-to-pdf": "chromium",
    "--allow-root": "jupyter lab (ipdossier lab passes it as root)",
    "--to": "jupyter nbconvert",
    "--nthreads": "dask worker",
}


def test_every_option_named_in_the_prose_exists():
    # `--keep N`, `--jobs 2`, `--fresh`: named alone, each is an option of a command.
    prose = re.sub(r"^```.*?^```$", "", README, flags=re.M | re.S)
    named = {m.split()[0] for m in re.findall(r"`(--[a-z][^`]*)`", prose)}
    assert "--keep" in named and "--fresh" in named
    ipdossier = set()
    stack = [_ipdossier()]
    while stack:
        command = stack.pop()
        ipdossier |= _options_of(command)
        stack += list(getattr(command, "commands", {}).values())
    unknown = named - ipdossier - set(OTHER_PROGRAMS_OPTIONS)
    assert not unknown, f"the README names options no command has: {sorted(unknown)}"


def test_the_checker_would_notice_drift():
    # The checks above fail on what the issue found: a misspelled option, a subcommand
    # that does not exist, a program that is not on .venv/bin, a make target missing.
    for drifted in (
        "ipdossier build --keeps 14",
        "ipdossier extract draw a.txt --source-id x",
        "dask scheduler --port 8786",
        "make reports",
        "pre-commit install",
        "benchmarks/run.py --cluster",
        ".venv/bin/dask scheduler --ports 8786",
    ):
        with pytest.raises(AssertionError):
            check_block_command(drifted)
    assert not output_matches(["1 problem(s) found."], "2 problem(s) found.\n")
    assert output_matches(["a ... c", "...", "z"], "a b c\nx\ny\nz\n")
    assert not output_matches(["a", "b"], "b\na\n")


# -- what make says when a system package is missing (issue 25, item 2) ------------------------


def test_make_reports_the_set_up_scripts_exit_4_as_its_own_2(tmp_path):
    # The README: the set-up script exits 4 naming what to install, "which make, like any
    # make, reports as its own exit status 2 after the script's message". A PATH without
    # Chromium or apt-get, as on a machine where apt cannot be used.
    assert "reports as its own exit status 2" in README
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "sh", "make", "id", "cat", "head", "basename", "fc-list", "python3"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    script = subprocess.run(
        ["bash", "scripts/system-deps.sh"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert script.returncode == 4, script.stderr
    assert "which are missing: chromium" in script.stderr
    done = subprocess.run(
        [str(bin_dir / "make"), "-s", "system-deps"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    assert "which are missing: chromium" in done.stderr and "Error 4" in done.stderr


# -- single facts the README states (issue 25, item 5) --------------------------------------


def test_the_systemd_copy_command_puts_the_units_where_systemd_reads_them(tmp_path):
    # "copy deploy/ to /etc/systemd/system/", taken literally as `cp -r deploy/ ...`,
    # made a subfolder systemd never reads. The README's command, into a stand-in folder.
    (command,) = [c for c in _inline_commands() if c.startswith("cp ")]
    args = shlex.split(command)
    assert args[-1] == "/etc/systemd/system/"
    target = tmp_path / "system"
    target.mkdir()
    done = subprocess.run([*args[:-1], str(target)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in target.iterdir()) == [
        "ipdossier-build.service",
        "ipdossier-build.timer",
    ]


def test_the_events_row_names_every_event_the_package_holds():
    # The data package's table of tables named only the Baoding event.
    from ipdossier import data

    (row,) = [line for line in README.splitlines() if line.startswith("| `events` |")]
    events = data.load().events
    for _, event in events[events["parent_event_id"].isna()].iterrows():
        places = [part.strip() for part in str(event["place"]).split(",")]
        assert any(place in row for place in places), (event["event_id"], row)


def test_the_benchmark_duration_quoted_is_the_runs():
    # The README said "about ten minutes" and "21 minutes" for one run of the benchmark.
    import json

    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    section = README[README.index("## Benchmarks") : README.index("## Exit codes")]
    said = re.findall(r"(?:about |took )(\w+) minutes", section)
    assert said and set(said) == {str(round(results["benchmark_s"] / 60))}, said
