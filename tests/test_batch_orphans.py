"""A `batch --jobs 2` whose parent is killed outright (`kill -9`: no Ctrl-C handler, no clean-up) leaves
no worker and no resource tracker behind writing plans (issue 13, item 8). Linux: the test reads /proc."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import MINI

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads processes from /proc (Linux)")


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for init to reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_kill_9_of_the_parent_ends_the_workers_and_the_resource_tracker(tmp_path: Path) -> None:
    entries = [{"name": f"Учреждение № {i}", "findings": "- нет пандуса\n- нет поручней"} for i in range(1, 20_001)]
    src = tmp_path / "big.json"
    src.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "nokrules", "batch", str(src), "--out", str(out), "--jobs", "2", "--catalog", str(MINI), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not (out.is_dir() and sum(1 for _ in out.glob("*.json")) >= 100):  # both workers are drafting
        assert proc.poll() is None and time.monotonic() < deadline, "the batch ended before it could be killed"
        time.sleep(0.05)
    children = _children(proc.pid)
    workers = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
    assert len(workers) == 2, children
    assert len(children) == 3, children  # and the resource tracker

    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [c for c in children if _alive(c)], "processes outlived their batch"
    written = sum(1 for _ in out.iterdir())
    time.sleep(1.0)
    assert sum(1 for _ in out.iterdir()) == written  # nothing writes any more
    assert written < 20_000
