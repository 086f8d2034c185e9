"""One browser for every Dask worker of a machine: a print host the workers connect to.

A local build draws and prints with one Chromium; a cluster's workers each kept their
own, and on one machine two browsers did the same work with more CPU: replaying a
64-variant build's 391 printings and drawings from two threads took Chromium 4 to 7
CPU-s more in two browsers than in one, besides the second browser's start (README,
*Benchmarks*). So the workers of a machine share one: the first to start launches a
host process (`python -m ipdossier.export.print_host DIR`) that keeps a `PdfPrinter`,
and every worker sends it what to print or draw over a Unix socket.

- The socket lives in a folder only this user can enter (0700) and each connection
  proves the key kept beside it (`multiprocessing.connection`'s authkey, a 0600 file),
  so no other user of the machine can drive the browser: the browser itself keeps its
  DevTools pipe to the host, with no debugging port.
- Workers of different checkouts, environments or browsers do not share a host: the
  folder's name hashes the package's folder, the interpreter and the browser.
- The host ends when no worker has been connected to it for `IDLE_S` seconds: workers
  that shut down or are killed close their connections (the kernel closes a killed
  process's sockets), so no browser outlives a machine's workers by more than that.
- A worker that finds the host gone (its browser died, say) starts another and asks
  again, once. The host runs in a session of its own, so the worker that started it can
  die without taking it (and the other workers' printing) along.

PDFs are tidied (`printer.finish`) in the worker that asked, as a local build tidies
them in the thread that asked: the host's one process only drives the browser.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import fcntl
import hashlib
import os
import queue
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Client, Listener
from pathlib import Path

from ..errors import MissingDependency
from .browser import find_chromium

# A host with no worker connected for this long closes its browser and ends
# (IPDOSSIER_PRINT_HOST_IDLE_S overrides it).
IDLE_S = 20.0
# The host's log is started afresh when it has grown past this.
LOG_MAX = 1 << 20
# How long a worker waits for a host it started to listen (the browser launches first).
START_S = 60.0


def host_dir(executable: Path | None = None) -> Path:
    """The folder of this machine's host for this package, interpreter and browser."""
    exe = executable or find_chromium()
    here = Path(__file__).resolve().parent.parent
    # The fonts it prints with are fontconfig's: a worker given other fonts gets its own host.
    fonts = os.environ.get("FONTCONFIG_FILE", "")
    key = hashlib.sha256(f"{here}\0{sys.executable}\0{exe}\0{fonts}".encode()).hexdigest()[:16]
    base = Path(tempfile.gettempdir())
    if len(str(base)) > 60:
        # A Unix socket's path holds at most 107 bytes: a long TMPDIR cannot take one.
        base = Path("/tmp")
    return base / f"ipdossier-{os.getuid()}" / f"printer-{key}"


def _private_dir(path: Path) -> Path:
    """`path` and its parent made, readable by this user alone; refused if another
    user owns either (a folder planted in /tmp must not receive our socket)."""
    for folder in (path.parent, path):
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.stat()
        if st.st_uid != os.getuid():
            raise MissingDependency(f"{folder} belongs to another user: remove it")
        os.chmod(folder, 0o700)
    return path


def _key(folder: Path) -> bytes:
    """The host's authentication key, made by whichever process first needs it. Two
    workers reaching a new folder at once both find no key (CI, 2026-12-05: the second
    failed on the first's file): each writes a key whole to a file of its own and links it
    into place; the first link wins, and no one reads a key still being written."""
    path = folder / "key"
    if not path.exists():
        mine = folder / f"key.{os.getpid()}.{threading.get_ident()}"
        fd = os.open(mine, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
            with contextlib.suppress(FileExistsError):
                os.link(mine, path)
        finally:
            mine.unlink()
    return path.read_text().strip().encode()


# -- the host ----------------------------------------------------------------------------


def serve(folder: Path) -> None:
    """Run a host in `folder` until no worker has been connected for IDLE_S seconds."""
    from .printer import PdfPrinter, chart_pages

    folder = _private_dir(folder)
    key = _key(folder)
    address = str(folder / "socket")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(address)
    # Chart pages on the cores a worker's one kernel leaves free, as each worker's own
    # browser had them.
    idle_s = float(os.environ.get("IPDOSSIER_PRINT_HOST_IDLE_S") or IDLE_S)
    with PdfPrinter(charts=chart_pages(kernels=1)) as printer:
        listener = Listener(address, family="AF_UNIX", authkey=key)
        connected = [0]
        idle_since = [time.monotonic()]
        lock = threading.Lock()

        def answer(conn) -> None:
            try:
                while True:
                    try:
                        method, args = conn.recv()
                    except (EOFError, OSError):
                        return
                    try:
                        conn.send(("ok", _call(printer, method, args)))
                    except Exception as exc:  # noqa: BLE001 (sent to the worker that asked)
                        conn.send(("error", f"{type(exc).__name__}: {exc}"))
            finally:
                conn.close()
                with lock:
                    connected[0] -= 1
                    if not connected[0]:
                        idle_since[0] = time.monotonic()

        closing = threading.Event()

        def accept() -> None:
            while not closing.is_set():
                try:
                    conn = listener.accept()
                except Exception:  # noqa: BLE001 (a caller without the key, or closed)
                    continue
                with lock:
                    connected[0] += 1
                threading.Thread(target=answer, args=(conn,), daemon=True).start()

        threading.Thread(target=accept, daemon=True).start()
        (folder / "pid").write_text(str(os.getpid()))
        while True:
            time.sleep(1.0)
            with lock:
                if not connected[0] and time.monotonic() - idle_since[0] > idle_s:
                    break
        closing.set()
        listener.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(address)


def _call(printer, method: str, args: tuple):
    if method == "print":
        html, header_title, footer = args
        return printer._call(printer._print(html, header_title, footer))  # noqa: SLF001
    if method == "svgs":
        return printer.svgs(*args)
    if method == "version":
        printer._wait_started()  # noqa: SLF001
        return printer.browser_version
    raise ValueError(f"the print host has no {method!r}")


# -- the workers' side -------------------------------------------------------------------


class SharedPrinter:
    """What a worker prints and draws with: `PdfPrinter`'s calls (`pdf_bytes`, `pdf_doc`,
    `svgs`, `browser_version`), answered by the machine's host. Safe to
    call from several threads: each call takes a connection of its own."""

    def __init__(self, executable: Path | None = None):
        self.executable = executable or find_chromium()
        self.folder = host_dir(self.executable)
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        self._all: list = []
        self._lock = threading.Lock()
        self._version: concurrent.futures.Future | None = None

    def start(self) -> SharedPrinter:
        """Reach the host (starting it if need be) in the background and return at once,
        as `PdfPrinter.start` does: the worker's kernel starts meanwhile."""
        self._version = concurrent.futures.Future()

        def reach() -> None:
            try:
                self._version.set_result(self._ask("version", ()))
            except BaseException as exc:  # noqa: BLE001 (raised where the version is read)
                self._version.set_exception(exc)

        threading.Thread(target=reach, name="print-host", daemon=True).start()
        return self

    @property
    def browser_version(self) -> str:
        if self._version is None:
            raise RuntimeError("SharedPrinter used before start()")
        return self._version.result()

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()

    def __enter__(self) -> SharedPrinter:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def pdf_bytes(self, html: str, *, header_title: str | None, footer: str | None = None):
        from .printer import FOOTER, finish

        return finish(self._ask("print", (html, header_title, footer or FOOTER)))

    def pdf_doc(self, html: str, *, header_title: str | None, footer: str | None = None):
        from .printer import FOOTER, finished_doc

        return finished_doc(self._ask("print", (html, header_title, footer or FOOTER)))

    def svgs(self, charts):
        return self._ask("svgs", (charts,))

    def _ask(self, method: str, args: tuple):
        for attempt in (1, 2):
            try:
                conn = self._connection()
            except (FileNotFoundError, ConnectionError) as exc:
                if attempt == 2:
                    # A host that listened when started and was gone by the next call: the
                    # build reports a missing dependency (exit 4), not a raw socket error.
                    raise MissingDependency(
                        f"the machine's print host ({self.folder}) could not be reached "
                        f"after it was started ({type(exc).__name__}: {exc}); its log: "
                        f"{self._log_tail()}"
                    ) from None
                self._start_host()
                continue
            try:
                conn.send((method, args))
                status, value = conn.recv()
            except (EOFError, OSError):
                # The host went away (its browser died, or it was killed): start another
                # and ask once more.
                self._discard(conn)
                if attempt == 2:
                    raise MissingDependency(
                        f"the machine's print host ({self.folder}) went away twice; "
                        f"its log: {self._log_tail()}"
                    ) from None
                self._start_host()
                continue
            self._free.put(conn)
            if status == "error":
                raise RuntimeError(f"the print host ({self.folder}): {value}")
            return value
        raise AssertionError("unreachable")

    def _connection(self):
        try:
            return self._free.get_nowait()
        except queue.Empty:
            pass
        folder = _private_dir(self.folder)
        conn = Client(str(folder / "socket"), family="AF_UNIX", authkey=_key(folder))
        with self._lock:
            self._all.append(conn)
        return conn

    def _discard(self, conn) -> None:
        conn.close()
        with self._lock:
            if conn in self._all:
                self._all.remove(conn)
        # Connections to the host that went away are as dead as this one.
        while True:
            try:
                other = self._free.get_nowait()
            except queue.Empty:
                break
            other.close()

    def _start_host(self) -> None:
        """Start the machine's host unless another worker just did; wait until it listens."""
        folder = _private_dir(self.folder)
        with open(folder / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker starts it; the others wait
            if self._listening(folder):
                return
            log_path = folder / "host.log"
            if log_path.exists() and log_path.stat().st_size > LOG_MAX:
                log_path.unlink()
            log = open(log_path, "ab")  # noqa: SIM115 (the host's to keep)
            env = {**os.environ, "IPDOSSIER_CHROMIUM": str(self.executable)}
            host = subprocess.Popen(
                [sys.executable, "-m", "ipdossier.export.print_host", str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,  # outlives the worker that started it
            )
            log.close()
            deadline = time.monotonic() + START_S
            while time.monotonic() < deadline:
                if self._listening(folder):
                    return
                if host.poll() is not None:
                    raise MissingDependency(
                        f"the print host could not start (exit {host.returncode}): "
                        f"{self._log_tail()}"
                    )
                time.sleep(0.05)
            host.kill()
            raise MissingDependency(
                f"the print host did not listen within {START_S:.0f} s: {self._log_tail()}"
            )

    @staticmethod
    def _listening(folder: Path) -> bool:
        try:
            Client(str(folder / "socket"), family="AF_UNIX", authkey=_key(folder)).close()
        except (FileNotFoundError, ConnectionError, EOFError, OSError):
            return False
        return True

    def _log_tail(self) -> str:
        try:
            return (self.folder / "host.log").read_text(errors="replace")[-2000:].strip()
        except OSError:
            return "(no log)"


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
