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
            who = "another process"
        return (
            f"another build is running on {self.path.parent} ({who}); "
            "this one stops without touching its reports"
        )
