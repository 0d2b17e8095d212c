"""`nokrules serve` as a command: it starts on loopback and answers, stops on Ctrl-C, and refuses a taken
port or a broken catalog with a Russian message and exit code 2 instead of a traceback."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import MINI
from .test_cli import run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_loopback_and_stops_on_ctrl_c() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nokrules", "serve", "--port", str(port), "--catalog", str(MINI)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    health = json.loads(r.read())
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.2)
        assert health["status"] == "ok" and health["deficiencies"] == 5  # the mini catalog, not the shipped one
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"http://127.0.0.1:{port}/" in err.decode()


def test_a_taken_port_is_refused_in_russian() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("serve", "--port", str(port), "--catalog", str(MINI))
    assert r.returncode == 2
    assert f"не удалось занять 127.0.0.1:{port}" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_broken_catalog_is_refused_before_listening(tmp_path: Path) -> None:
    cat = tmp_path / "cat"
    shutil.copytree(MINI, cat)
    (cat / "rules" / "all.yaml").write_text(
        "- id: x\n  when: {deficiency: nosuch}\n  then: [install_ramp]\n  because: t\n", encoding="utf-8"
    )
    r = run("serve", "--port", str(_free_port()), "--catalog", str(cat))
    assert r.returncode == 2
    assert "недостаток «nosuch» не найден" in r.stderr
