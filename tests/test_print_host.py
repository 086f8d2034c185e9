"""The machine's one browser for its Dask workers (`export.print_host`): shared, private to
its user, replaced when it dies, and gone once no worker is left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from multiprocessing.connection import AuthenticationError, Client
from pathlib import Path

import pytest

from ipdossier.export import print_host
from ipdossier.export.print_host import SharedPrinter

pytestmark = pytest.mark.slow

IDLE_S = 2.0


@pytest.fixture
def hosts(monkeypatch) -> Path:
    """A temporary folder of this test's own for the hosts (a Unix socket's path must be
    short: not pytest's tmp_path), and hosts that end 2 s after their last worker."""
    base = Path(tempfile.mkdtemp(prefix="ipd-", dir="/tmp"))
    monkeypatch.setenv("TMPDIR", str(base))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("IPDOSSIER_PRINT_HOST_IDLE_S", str(IDLE_S))
    yield base
    for pid_file in base.glob("ipdossier-*/printer-*/pid"):
        try:
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
        except (ProcessLookupError, ValueError):
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child of this process that ended is a zombie until reaped: not running.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_two_workers_print_and_draw_with_one_browser(hosts):
    a, b = SharedPrinter().start(), SharedPrinter().start()
    try:
        assert a.browser_version == b.browser_version
        assert a.browser_version.startswith(a.executable.name)
        pid = int((a.folder / "pid").read_text())
        assert a.folder == b.folder
        pdf = a.pdf_bytes("<p>Dossier 档案</p>", header_title=None)
        assert pdf.startswith(b"%PDF")
        figure = {"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}], "layout": {}}
        svg = b.svgs([(figure, 300, 200)])[0]
        assert svg.startswith("<svg") and 'width="300"' in svg
        # One host, and one browser under it: no worker launched its own.
        assert int((b.folder / "pid").read_text()) == pid
        browsers = subprocess.run(
            ["pgrep", "-f", "-P", str(pid), "node"], capture_output=True, text=True
        ).stdout.split()
        assert len(browsers) == 1  # the host's one playwright driver, which runs the browser
    finally:
        a.close()
        b.close()
    # No worker left: the host closes its browser and ends.
    assert _wait_gone(pid, IDLE_S + 10)


def test_the_host_is_private_to_its_user(hosts):
    with SharedPrinter() as printer:
        assert printer.browser_version  # reached
        folder = printer.folder
        for path in (folder, folder.parent):
            assert path.stat().st_mode & 0o777 == 0o700
        assert (folder / "key").stat().st_mode & 0o777 == 0o600
        # A caller without the key is turned away, and the host goes on serving.
        with pytest.raises(AuthenticationError):
            Client(str(folder / "socket"), family="AF_UNIX", authkey=b"not the key")
        assert printer.pdf_bytes("<p>still here</p>", header_title=None).startswith(b"%PDF")


def test_a_host_that_dies_is_replaced_on_the_next_call(hosts):
    with SharedPrinter() as printer:
        assert printer.browser_version
        first = int((printer.folder / "pid").read_text())
        os.kill(first, signal.SIGKILL)
        assert _wait_gone(first, 10)
        assert printer.pdf_bytes("<p>again</p>", header_title=None).startswith(b"%PDF")
        second = int((printer.folder / "pid").read_text())
        assert second != first and _alive(second)


def test_a_host_outlives_the_worker_that_started_it_and_ends_after_the_last(hosts):
    # Two worker processes: the first starts the host and is killed; the second still
    # prints; once it is killed too, the host ends by itself.
    script = textwrap.dedent(
        """
        import sys, time
        from ipdossier.export.print_host import SharedPrinter
        p = SharedPrinter().start()
        p.pdf_bytes("<p>x</p>", header_title=None)
        print(p.folder, flush=True)
        time.sleep(600)
        """
    )

    def worker() -> tuple[subprocess.Popen, Path]:
        proc = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
        )
        return proc, Path(proc.stdout.readline().strip())

    first, folder = worker()
    host = int((folder / "pid").read_text())
    second, _ = worker()
    first.kill()
    first.wait()
    time.sleep(IDLE_S + 1)
    assert _alive(host), "the host ended with the worker that started it"
    with SharedPrinter() as printer:  # a third worker, while the second still holds it
        printer.pdf_bytes("<p>y</p>", header_title=None)
        assert int((folder / "pid").read_text()) == host
    second.kill()
    second.wait()
    assert _wait_gone(host, IDLE_S + 10), "the host outlived every worker"


def test_the_host_folder_fits_a_unix_socket_path(monkeypatch):
    monkeypatch.setenv("TMPDIR", "/tmp/" + "x" * 120)
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert len(str(print_host.host_dir() / "socket")) < 100


def test_a_host_that_cannot_be_reached_after_its_start_is_a_missing_dependency(
    hosts, monkeypatch
):
    # The second failure to connect (a host that listened when started and was gone by
    # the call) raised the raw ConnectionError, with no exit code of the README's.
    from ipdossier.errors import MissingDependency

    printer = SharedPrinter()
    monkeypatch.setattr(printer, "_start_host", lambda: None)  # "started", yet not there
    with pytest.raises(MissingDependency, match="could not be reached"):
        printer._ask("version", ())  # noqa: SLF001


def test_workers_that_start_together_read_one_whole_key(tmp_path):
    # Two workers reached a new host folder at once (CI, 2026-12-05): one created the key
    # file and the other failed on it (FileExistsError), or could read it still empty.
    import threading

    folder = tmp_path / "printer"
    folder.mkdir(mode=0o700)
    start = threading.Barrier(16)
    keys, errors = [], []

    def read() -> None:
        start.wait()
        try:
            keys.append(print_host._key(folder))
        except Exception as exc:  # noqa: BLE001 (each failure is the finding)
            errors.append(exc)

    for _ in range(20):
        for f in folder.iterdir():
            f.unlink()
        keys.clear()
        threads = [threading.Thread(target=read) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors[:3]
        assert len(set(keys)) == 1 and len(keys[0]) == 64, keys[:3]
    assert [f.name for f in folder.iterdir()] == ["key"]
