"""The sha256 and atomic-write helpers every layer uses."""

from __future__ import annotations

import hashlib

import pytest

from ipdossier.files import sha256_file, write_atomic


def test_sha256_file_matches_hashlib(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"\x00\xff" * 100_000)
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_write_atomic_replaces_whole_or_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "report.html"
    write_atomic(path, "第一版")
    assert path.read_text(encoding="utf-8") == "第一版"

    def broken(self, data):  # the disk fills mid-write
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(path), "write_bytes", broken)
    with pytest.raises(OSError):
        write_atomic(path, b"second")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "第一版"
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]  # no temporary left
