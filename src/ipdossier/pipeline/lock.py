"""One build at a time per reports directory.

A second build does not wait (a scheduled run that overlaps a slow one should not pile
up); it exits with a message saying who holds the lock since when.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import BuildLocked


def process_start(pid: int) -> int | None:
    """When the process started, in clock ticks since boot (/proc/PID/stat, field 22): with
    the PID, it tells one process from a later one that reuses the number."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its end.
    return int(stat[stat.rindex(")") + 2 :].split()[19])


def _same_process(info: dict) -> bool:
    try:
        pid = int(info["pid"])
    except (KeyError, TypeError, ValueError):
        return False
    now = process_start(pid)
    if now is None:
        return False
    recorded = info.get("process_start")
    return recorded is None or recorded == now


class BuildLock:
    def __init__(self, reports_dir: Path, timeout: float = 0):
        self.path = reports_dir / ".lock"
        self.info = reports_dir / ".lock.json"
        self.timeout = timeout
        self._lock = FileLock(str(self.path))

    def __enter__(self) -> BuildLock:
        try:
            self._lock.acquire(timeout=self.timeout)
        except Timeout:
            raise BuildLocked(self._holder_message()) from None
        self.info.write_text(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "process_start": process_start(os.getpid()),
                }
            )
        )
        return self

    def __exit__(self, *exc) -> None:
        self.info.unlink(missing_ok=True)
        self._lock.release()

    def _holder_message(self) -> str:
        try:
            info = json.loads(self.info.read_text())
            who = f"pid {info['pid']} on {info['host']}, started {info['started']}"
        except (OSError, ValueError, KeyError):
            info, who = None, "another process"
        if info and info.get("host") == socket.gethostname() and not _same_process(info):
            # The build that wrote .lock.json is gone (its PID may now be another program's):
            # naming it would send the operator after the wrong process.
            who = (
                f"not the build that recorded it (pid {info['pid']}, started "
                f"{info['started']}, has exited); another process holds {self.path}: "
                f"`fuser {self.path}` names it"
            )
        return (
            f"another build is running on {self.path.parent} ({who}); "
            "this one stops without touching its reports"
        )
