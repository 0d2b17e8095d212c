"""Benchmark (`make bench`): figures and ratios, not pass/fail.

1. Engine ratio: plans/s and findings/s for synthetic institutions, and in the same run the raw
   durable-rules assert+retract rate for the same facts, made exactly as nokrules makes them (target:
   end-to-end ≥ 0.5 × raw); the two alternate five times and the best run of each is compared.
2. Linearity: findings/s at 1k and 10k institutions in one process, and at the national size below.
3. National run: a synthetic protocol of 150,000 institutions × 8 findings through
   `nokrules batch --format json --jobs 2`: wall time and peak memory of the whole process tree
   (targets: ≤ 120 s, ≤ 1 GiB), and its CPU time with the load average (the machine may be shared). Before each
   national run the disk is flushed (`sync`) and left to finish writing back, so a run is not charged for the
   gigabytes the one before it wrote; its files are emptied, not deleted, until the bench ends (see
   `_emptied_after`).
6. Never-seen lines: recognition of lines no line or shape cache has seen (corpus and catalog lines, each with
   its own act number, building or village; the caches of lines and shapes are emptied before each), median
   and p90 per line on one core (target: median <= 0.2 ms).
7. Half-unique input: [1] and [3] again with half of the lines carrying their own numbers and places, as real
   protocols do (targets: end-to-end >= 0.5 x raw in the same run; national run <= 120 s, <= 1 GiB).
8. Scores at national scale: a checklist and survey table of 150,000 institutions through `nokrules batch
   --format json --jobs 2`, a plan with its scores block each (targets: <= 120 s, <= 1 GiB).
4. Cold start: `nokrules plan` on one institution from a fresh process, median of 10 (target ≤ 0.6 s).
5. Load: 200 concurrent `POST /api/plan` from this process to `nokrules serve` on loopback: no error,
   answers identical to sequential ones, within 120 s; p50/p95 latency.
8. A 10 MB paste to `nokrules plan -`: time, peak memory, and the answer (a plan with every measure, or the
   documented refusal naming `nokrules batch`: one plan takes at most MAX_PLAN_LINES lines).
9. A 30,000-line POST /api/plan (within the 1 MiB body limit) to `nokrules serve`: time, peak memory of
   the server and its drafting workers, every item with its measures; then a small request still answered.
10. Issue 13's 6,637-line reproducer under 50 hash seeds (PYTHONHASHSEED=0..49), two at a time: how many
   runs are complete (exit 0, every line an item, every item with measures).
11. Recognition on the corpus (`nokrules eval`, every line unseen by the similarity pool and the model): the held-out
   half, the dev half in five folds of whole batches (each fold out of the pool and the model's training, the rest
   in), and the batches kept unopened (targets on the held-out half: >= 97 % recognised, >= 95 % recall, <= 2 %
   wrong).

Usage: python benchmarks/bench.py [--institutions N] [--national N] [--jobs J] [--skip-national] [--concurrent N]
       [--scores-national N] [--only 6,7]

`--only` runs the parts named by their numbers (both parts labelled [8]: the scores run and the paste); the
default runs them all.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nokrules import Engine, Finding  # noqa: E402
from nokrules.core.rules import assert_session, end_session, fact_for, host  # noqa: E402

KEMEROVO = ROOT / "tests" / "fixtures" / "kemerovo-2016" / "institutions-1-27.yaml"
REPEATS = 5
NOKRULES = str(Path(sys.executable).with_name("nokrules"))


def phrases(engine: Engine) -> list[str]:
    """Catalog examples and the real Kemerovo phrasings."""
    out = {e for d in engine.catalog.deficiencies for e in d.examples}
    import yaml

    out |= {f for i in yaml.safe_load(KEMEROVO.read_text(encoding="utf-8")) for f in i["findings"]}
    return sorted(out)


SYLLABLES = ["ка", "ро", "ли", "но", "ва", "ме", "ту", "са", "пе", "ди", "зо", "ры", "ба", "го", "ле", "ми"]
STREETS = ["ул.", "пер.", "пр-т", "с.", "пос.", "д."]


def unique_tail(rnd: random.Random) -> str:
    """What makes a real finding unique: an act number, a building, a street or a village never seen before."""
    name = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).capitalize()
    return rnd.choice(
        [
            f" (акт № {rnd.randint(1, 10**6)} от {rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2026)",
            f", корпус № {rnd.randint(1, 40)}, {rnd.choice(STREETS)} {name}ская, {rnd.randint(1, 200)}",
            f" — отделение в {rnd.choice(STREETS)} {name}ово",
            f" ({rnd.randint(2, 9)} этаж, кабинет {rnd.randint(100, 999)})",
        ]
    )


def synthetic(engine: Engine, n: int, k: int, seed: int, unique: float = 0.0) -> list[tuple[str, str | None]]:
    """n institutions of k findings; a share `unique` of the lines carries its own numbers and places."""
    rnd = random.Random(seed)
    ph = phrases(engine)
    kinds = [None] + [x.id for x in engine.catalog.kinds]

    def line() -> str:
        return rnd.choice(ph) + (unique_tail(rnd) if rnd.random() < unique else "")

    return [("\n".join(f"- {line()}" for _ in range(k)), rnd.choice(kinds)) for _ in range(n)]


def engine_ratio(engine: Engine, n: int, k: int, seed: int, unique: float = 0.0, label: str = "[1]") -> None:
    """With `unique` > 0 each run gets its own fresh input, since a line seen once is cached."""
    batches = [synthetic(engine, n, k, seed + r, unique) for r in range(REPEATS + 1)] if unique else None
    batch = batches[0] if batches else synthetic(engine, n, k, seed)
    insts = {kind: engine.institution("Организация", kind) for _, kind in batch}
    d = date(2027, 1, 15)

    rounds = iter(batches[1:] if batches else [])

    def run_all() -> float:
        todo = next(rounds, batch)
        start = time.perf_counter()
        for text, kind in todo:
            engine.draft_plan(text, insts.get(kind) or engine.institution("Организация", kind), date=d)
        return time.perf_counter() - start

    cold_s = run_all() if not batches else 0.0
    findings = n * k
    sessions = [
        [fact_for(i, r, insts[kind], "") for i, r in enumerate(engine.recognize(engine.findings(text)))] for text, kind in batch
    ]
    shards_of = engine.rules._c.shards_of
    h = host()
    n_facts = sum(len(shards_of.get(f["d"], [])) for facts in sessions for f in facts)
    serial = iter(range(10**9))

    def raw() -> float:
        """The same facts, asserted and retracted session by session exactly as nokrules calls the library."""
        start = time.perf_counter()
        for facts in sessions:
            sid = f"raw{next(serial)}"
            end_session(h, sid, assert_session(h, shards_of, sid, [dict(f, sid=sid) for f in facts]))
        return time.perf_counter() - start

    # this machine's speed drifts by 10-20 % from second to second: alternate the two measurements and
    # compare the best run of each (as timeit does), then also the medians
    warm, bare = [], []
    for _ in range(REPEATS):
        warm.append(run_all())
        bare.append(raw())
    warm_s, raw_s = min(warm), min(bare)
    raw_rate = n_facts / raw_s
    median_ratio = (findings / statistics.median(warm)) / (n_facts / statistics.median(bare))
    share = f", {unique:.0%} of the lines unique, fresh input each run" if unique else ""
    print(f"{label} {n} institutions x {k} findings = {findings} findings (seed {seed}{share}); best of {REPEATS} alternating runs")
    if not unique:
        print(f"    end-to-end, cold caches: {n / cold_s:8.1f} plans/s  {findings / cold_s:9.1f} findings/s")
    print(f"    end-to-end{', warm caches' if not unique else ''}: {n / warm_s:8.1f} plans/s  {findings / warm_s:9.1f} findings/s")
    print(f"    raw durable-rules assert+retract of the same facts: {raw_rate:9.1f} facts/s ({n_facts} facts)")
    cold = f", cold {findings / cold_s / raw_rate:.2f}" if cold_s else ""
    print(
        f"    ratio end-to-end / raw (target >= 0.5): {'warm ' if not unique else ''}{findings / warm_s / raw_rate:.2f}{cold}, "
        f"median of the runs {median_ratio:.2f}"
    )


def never_seen(engine: Engine, n: int, seed: int) -> None:
    """Recognition of lines no cache has seen: corpus and catalog phrasings, each with its own tail."""
    rnd = random.Random(seed)
    base = phrases(engine) + [line for line in corpus_lines()]
    for text in base:  # word caches warm, as in any running process; the lines below are new
        engine.recognize(engine.findings(text))
    lines = [rnd.choice(base) + unique_tail(rnd) for _ in range(n)]
    times, cpu = [], []
    for text in lines:
        # a tail of places and acts no longer makes a known wording new (its shape drops them): forget every
        # line and shape, so each line is analysed as a wording never seen
        engine.recognizer.forget()
        start, start_cpu = time.perf_counter(), time.thread_time()
        engine.recognizer.recognize([Finding(text=text, line=1)])
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    times.sort()
    cpu.sort()
    print(
        f"[6] never-seen lines: {n} lines, recognition median {statistics.median(times) * 1e3:.3f} ms, "
        f"p90 {times[int(0.9 * n)] * 1e3:.3f} ms per line on one core (target median <= 0.2 ms)"
    )
    # on a shared machine the wall time of a line includes the time other processes held the core
    print(f"    CPU time of this thread: median {statistics.median(cpu) * 1e3:.3f} ms, p90 {cpu[int(0.9 * n)] * 1e3:.3f} ms")


def corpus_lines() -> list[str]:
    import yaml

    return [i["text"] for p in sorted((ROOT / "corpus").rglob("*.yaml")) for i in yaml.safe_load(p.read_text(encoding="utf-8"))]


FOLDS = 5  # the dev half in this many folds of whole batches: a batch's lines share a hand and a style


def recognition(engine: Engine) -> None:
    """`nokrules eval` of the corpus halves: the held-out half as the tool ships, the dev half fold by fold."""
    from nokrules.curate import evaluate as ev

    def line(name: str, runs: list[Any]) -> None:
        total = {k: sum(getattr(r, k) for r in runs) for k in ("lines", "labelled", "recognised", "named", "found", "produced", "wrong", "negatives", "negatives_clean")}
        print(
            f"    {name}: {total['lines']} lines, recognised {100 * total['recognised'] / max(total['labelled'], 1):.2f} %, "
            f"recall {100 * total['found'] / max(total['named'], 1):.2f} %, wrong {100 * total['wrong'] / max(total['produced'], 1):.2f} % "
            f"({total['wrong']} of {total['produced']}), lines naming nothing left empty {total['negatives_clean']} of {total['negatives']}"
        )

    print("[11] recognition, `nokrules eval`, every line unseen by the similarity pool and the model (targets on the held-out half: >= 97 / >= 95 / <= 2 %):")
    corpus = ROOT / "corpus"
    for half in ("heldout", "unopened"):
        if (corpus / half).is_dir():
            line(f"corpus/{half}", [ev.evaluate(engine, ev.load_corpus([corpus / half]))])
    batches: dict[str, list[Path]] = {}
    for path in sorted((corpus / "dev").glob("*.yaml")):
        batches.setdefault(path.stem.split("-")[1] if path.stem.startswith("fresh-") else path.stem, []).append(path)
    folds = [[p for k, key in enumerate(sorted(batches)) if k % FOLDS == f for p in batches[key]] for f in range(FOLDS)]
    line(f"corpus/dev in {FOLDS} folds of whole batches", [ev.evaluate(engine, ev.load_corpus(fold)) for fold in folds])


def linearity(engine: Engine, sizes: list[int], k: int, seed: int) -> None:
    print("[2] linearity, one process, fresh synthetic institutions each size:")
    for n in sizes:
        batch = synthetic(engine, n, k, seed + n)
        insts = {kind: engine.institution("Организация", kind) for _, kind in batch}
        start = time.perf_counter()
        for text, kind in batch:
            engine.draft_plan(text, insts[kind], date=date(2027, 1, 15))
        s = time.perf_counter() - start
        print(f"    {n:>7} institutions: {n * k / s:9.1f} findings/s  ({s:.1f} s)")


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return total


def national(
    engine: Engine, scratch: Path, n: int, k: int, jobs: int, seed: int, unique: float = 0.0, label: str = "[3]"
) -> float:
    rnd = random.Random(seed)
    ph = phrases(engine)

    def line() -> str:
        return rnd.choice(ph) + (unique_tail(rnd) if rnd.random() < unique else "")

    kinds = [k.title for k in engine.catalog.kinds]
    with _emptied_after(scratch) as tmp:
        src = Path(tmp) / "national.json"
        entries = [
            {
                "number": i + 1,
                "name": f"Учреждение социального обслуживания № {i + 1}",
                "kind": rnd.choice(kinds),
                "findings": "\n".join(f"- {line()}" for _ in range(k)),
            }
            for i in range(n)
        ]
        src.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        out = Path(tmp) / "out"
        code, stdout, stderr, wall, peak, cpu = _batch(src, out, jobs)
        files = sum(1 for _ in out.glob("*.json"))
    share = f", {unique:.0%} of the lines unique" if unique else ""
    print(f"{label} national run: {n} institutions x {k} findings{share}, --format json --jobs {jobs}")
    print(f"    exit {code}; {stdout.decode().strip() or stderr.decode().strip()[-300:]}")
    print(
        f"    wall {wall:.1f} s (target <= 120 s); peak memory of the process tree {peak / 2**20:.0f} MiB (target <= 1024 MiB); "
        f"{files} plan files; {n * k / wall:.0f} findings/s"
    )
    print(f"    {cpu}")
    return wall


def _batch(src: Path, out: Path, jobs: int) -> tuple[int, bytes, bytes, float, int, str]:
    """`nokrules batch --format json` on `src`, watched by `_measured`, and a line with the CPU time of its process
    tree (the batch and its workers: the figure that does not depend on what else the machine runs) and the
    load average when it started."""
    cmd = [NOKRULES, "batch", str(src), "--out", str(out), "--format", "json", "--jobs", str(jobs), "--date", "2027-01-15"]
    settled = _settle_disk()
    load = os.getloadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    code, stdout, stderr, wall, peak = _measured(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (
        code,
        stdout,
        stderr,
        wall,
        peak,
        f"CPU time of the process tree {cpu:.1f} s; load average at the start {load[0]:.1f}; "
        f"disk settled before the start in {settled:.1f} s",
    )


@contextlib.contextmanager
def _emptied_after(scratch: Path) -> Iterator[str]:
    """A fresh folder under the bench's scratch folder, whose files are emptied (truncated, not deleted) after
    the part: a national run writes 150,000 files, and ext4 makes every file created in the next minutes skip
    the inodes freed by deleting them (`recently_deleted`), which made the next national run's workers spend a
    tenth of their time in the kernel. The scratch folder, inodes and all, is removed when the bench ends."""
    tmp = Path(tempfile.mkdtemp(dir=scratch))
    try:
        yield str(tmp)
    finally:
        for path in tmp.rglob("*"):
            if path.is_file():
                os.truncate(path, 0)


SETTLED_BYTES = 64 * 2**20  # dirty and in-flight page cache below which the disk counts as quiet
SETTLE_MAX = 300.0  # seconds to wait for it at most


def _settle_disk() -> float:
    """Flush what earlier parts wrote and wait until the kernel has written it back; the seconds this took. A
    national run writes ~16 GB of plans, and the disk writing back one run's (or the input's) pages while the
    next run is timed once made the same code 15 % slower; each run now pays only for its own writes."""
    start = time.perf_counter()
    os.sync()
    while time.perf_counter() - start < SETTLE_MAX and _unwritten() > SETTLED_BYTES:
        time.sleep(0.5)
    return time.perf_counter() - start


def _unwritten() -> int:
    """Bytes of page cache not yet on disk (Dirty + Writeback in /proc/meminfo); 0 where there is no such file."""
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
    except OSError:
        return 0
    kb = {k: int(v.split()[0]) for k, _, v in (ln.partition(":") for ln in lines) if k in ("Dirty", "Writeback")}
    return 1024 * sum(kb.values())


def national_scores(engine: Engine, scratch: Path, n: int, jobs: int, seed: int, label: str = "[8]") -> float:
    """The scores path at national scale: a checklist and survey table of `n` institutions (every column of
    catalog/scores.yaml, each item present with probability 0.85, survey shares 70–100 %) through
    `nokrules batch --format json`: a full plan and scores block per institution."""
    from nokrules.core.scores import columns

    assert engine.catalog.scores is not None
    rnd = random.Random(seed)
    cols = list(columns(engine.catalog.scores))
    kinds = [k.title for k in engine.catalog.kinds]
    with _emptied_after(scratch) as tmp:
        src = Path(tmp) / "scores.csv"
        with src.open("w", encoding="utf-8", newline="") as f:
            f.write(";".join(["Учреждение", "Вид", *cols]) + "\n")
            for i in range(n):
                cells: list[str] = [f"Учреждение социального обслуживания № {i + 1}", rnd.choice(kinds)]
                asked = 0
                for c in cols:
                    if c.endswith(".удовлетворены"):
                        asked = rnd.randint(20, 200)
                        cells.append(str(int(asked * rnd.uniform(0.7, 1.0))))
                    elif c.endswith(".всего"):
                        cells.append(str(asked))
                    else:
                        cells.append("1" if rnd.random() < 0.85 else "0")
                f.write(";".join(cells) + "\n")
        out = Path(tmp) / "out"
        code, stdout, stderr, wall, peak, cpu = _batch(src, out, jobs)
        files = sum(1 for _ in out.glob("*.json"))
        ranked = (out / "summary.md").read_text(encoding="utf-8").count("\n| ") if (out / "summary.md").exists() else 0
    print(f"{label} national scores run: {n} institutions x {len(cols)} checklist and survey columns, --format json --jobs {jobs}")
    print(f"    exit {code}; {stdout.decode().strip() or stderr.decode().strip()[-300:]}")
    print(
        f"    wall {wall:.1f} s (target <= 120 s); peak memory of the process tree {peak / 2**20:.0f} MiB (target <= 1024 MiB); "
        f"{files} plan files with scores; {n / wall:.0f} institutions/s; summary table rows {ranked}"
    )
    print(f"    {cpu}")
    return wall


def cold_start(runs: int = 10) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [NOKRULES, "plan", str(ROOT / "examples" / "findings.txt"), "--format", "json"], capture_output=True, check=True
        )
        times.append(time.perf_counter() - start)
    print(f"[4] cold `nokrules plan` on one institution: median {statistics.median(times):.2f} s of {runs} (target <= 0.6 s)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _served(label: str, start_s: float, stop_s: float) -> Iterator[tuple[str, int]]:
    """`nokrules serve` on a free port, up (its health answered) within start_s: its base URL and pid; stopped
    after, waiting up to stop_s for its workers."""
    port = _free_port()
    server = subprocess.Popen([NOKRULES, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_s
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    said = server.stderr.read().decode()[-500:] if server.stderr and server.poll() is not None else ""
                    raise SystemExit(f"{label} nokrules serve did not start: {said}") from None
                time.sleep(0.2)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=stop_s)


def _post(url: str, body: bytes, timeout: float) -> tuple[int, bytes, float]:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), time.perf_counter() - start
    except urllib.error.HTTPError as e:
        return e.code, e.read(), time.perf_counter() - start


def load(engine: Engine, n: int, seed: int, limit_s: float = 120.0) -> None:
    """`nokrules serve` in its own process; this process sends n different plans one by one, then all n at
    once from n threads (released together by a barrier): every answer must be 200 and byte-identical to
    the sequential one, all within limit_s."""
    with _served("[5]", start_s=60, stop_s=10) as (base, _):
        bodies = [
            json.dumps({"text": text, "institution": f"Организация № {i + 1}", "kind": kind, "date": "2027-01-15"}).encode()
            for i, (text, kind) in enumerate(synthetic(engine, n, 8, seed))
        ]
        url = base + "/api/plan"
        sequential = [_post(url, b, 60) for b in bodies]
        barrier = threading.Barrier(n)

        def one(b: bytes) -> tuple[int, bytes, float]:
            barrier.wait()
            return _post(url, b, limit_s)

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(n) as pool:
            concurrent_ = list(pool.map(one, bodies))
        wall = time.perf_counter() - start
    errors = sum(1 for status, _, _ in [*sequential, *concurrent_] if status != 200)
    same = sum(1 for (_, a, _), (_, b, _) in zip(sequential, concurrent_, strict=True) if a == b)
    lat = sorted(t for _, _, t in concurrent_)
    seq = sorted(t for _, _, t in sequential)
    print(f"[5] load: {n} concurrent POST /api/plan from this process to `nokrules serve` on loopback")
    print(
        f"    {errors} errors; {same}/{n} answers identical to the sequential ones; wall {wall:.1f} s (limit {limit_s:.0f} s)"
        f" -> {'OK' if not errors and same == n and wall <= limit_s else 'FAIL'}"
    )
    print(
        f"    latency concurrent p50 {statistics.median(lat) * 1000:.0f} ms, p95 {lat[int(0.95 * (n - 1))] * 1000:.0f} ms; "
        f"sequential p50 {statistics.median(seq) * 1000:.0f} ms, p95 {seq[int(0.95 * (n - 1))] * 1000:.0f} ms"
    )


def _measured(cmd: list[str], stdin: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, bytes, bytes, float, int]:
    """Run a command to its end: exit code, stdout, stderr, wall seconds, peak RSS of its process tree."""
    peak = [0]
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as f:
        proc = subprocess.Popen(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

        def poll() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                time.sleep(0.1)

        t = threading.Thread(target=poll, daemon=True)
        t.start()
        out, err = proc.communicate()
    t.join()
    return proc.returncode, out, err, time.perf_counter() - start, peak[0]


def _complete(plan: dict[str, Any]) -> tuple[int, int]:
    """(items with measures, lines with an item) of a plan JSON."""
    items = plan["items"]
    return sum(1 for it in items if it["measures"]), len({it["finding"]["line"] for it in items})


def big_paste(engine: Engine, seed: int, size: int = 10 * 2**20) -> None:
    rnd = random.Random(seed)
    ph = phrases(engine)
    parts, n = [], 0
    while n < size:
        line = f"- {rnd.choice(ph)}{unique_tail(rnd)}\n"
        parts.append(line)
        n += len(line.encode())
    with tempfile.TemporaryDirectory(prefix="nokrules-bench-") as tmp:
        src = Path(tmp) / "paste.txt"
        src.write_text("".join(parts), encoding="utf-8")
        code, out, err, wall, peak = _measured([NOKRULES, "plan", "-", "--format", "json", "--date", "2027-01-15"], stdin=src)
    print(f"[8] a {n / 2**20:.1f} MB paste ({len(parts)} lines) to `nokrules plan -`")
    if code == 0:
        with_measures, _ = _complete(json.loads(out))
        print(f"    exit 0: a plan, {with_measures} items with measures")
    else:
        print(f"    exit {code}: {err.decode().strip()[:300]}")
    print(f"    wall {wall:.1f} s; peak memory {peak / 2**20:.0f} MiB")


def api_lines(n: int = 30_000) -> None:
    peak = [0]
    with _served("[9]", start_s=120, stop_s=30) as (base, pid):
        text = "".join(f"- нет пандуса {i}\n" for i in range(n))  # the request: fits the 1 MiB body limit
        body = json.dumps({"text": text, "date": "2027-01-15"}, ensure_ascii=False).encode()
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(pid))
                time.sleep(0.1)

        t = threading.Thread(target=poll, daemon=True)
        t.start()
        status, answer, wall = _post(base + "/api/plan", body, 600)
        done.set()
        t.join()
        after, _, _ = _post(base + "/api/plan", json.dumps({"text": "- нет пандуса"}, ensure_ascii=False).encode(), 60)
    print(f"[9] POST /api/plan with {n} lines ({len(body) / 2**20:.2f} MiB) to `nokrules serve`")
    if status == 200:
        with_measures, lines = _complete(json.loads(answer))
        print(f"    200: {lines}/{n} lines with an item, {with_measures} items with measures")
    else:
        print(f"    {status}: {answer.decode()[:300]}")
    print(f"    wall {wall:.1f} s; peak memory of the server and its workers {peak[0] / 2**20:.0f} MiB; next request: {after}")


def _reproducer(seed: int, text: bytes) -> bool:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    p = subprocess.run([NOKRULES, "plan", "-", "--format", "json"], input=text, env=env, capture_output=True)
    if p.returncode != 0:
        return False
    plan = json.loads(p.stdout)
    with_measures, lines = _complete(plan)
    return lines == 6637 and with_measures == len(plan["items"])


def hash_seeds(runs: int = 50) -> None:
    text = "".join(f"- нет пандуса {i}\n" for i in range(6637)).encode()
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        ok = sum(pool.map(lambda s: _reproducer(s, text), range(runs)))
    print(f"[10] issue 13's 6,637-line plan under {runs} hash seeds: {ok}/{runs} complete ({time.perf_counter() - start:.0f} s)")


def _parts(text: str) -> set[int]:
    """`--only 6,7` → {6, 7}."""
    try:
        return {int(p) for p in text.split(",") if p.strip()}
    except ValueError:
        raise argparse.ArgumentTypeError(f"part numbers separated by commas, got {text!r}") from None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=2000)
    ap.add_argument("--findings", type=int, default=8)
    ap.add_argument("--national", type=int, default=150_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--skip-national", action="store_true")
    ap.add_argument("--scores-national", type=int, help="institutions in the scores run [8] (default: --national)")
    ap.add_argument("--concurrent", type=int, default=200, help="simultaneous POST /api/plan in the load check")
    ap.add_argument("--only", type=_parts, default=None, help="the parts to run, by number: --only 6,7 (default: all)")
    a = ap.parse_args()

    def part(n: int) -> bool:
        return a.only is None or n in a.only

    t0 = time.perf_counter()
    engine = Engine.load()
    c = engine.catalog
    print(
        f"catalog {c.settings.version}: {len(c.deficiencies)} deficiencies, {len(c.measures)} measures, {len(c.rules)} rules, "
        f"{len(engine.rules.rulesets)} rulesets; load {time.perf_counter() - t0:.2f} s"
    )
    if part(1):
        engine_ratio(engine, a.institutions, a.findings, a.seed)
    if part(2):
        linearity(engine, [1_000, 10_000], a.findings, a.seed)
    with tempfile.TemporaryDirectory(prefix="nokrules-bench-") as tmp:  # the national runs' files, until the end
        scratch = Path(tmp)
        if part(3) and not a.skip_national:
            national(engine, scratch, a.national, a.findings, a.jobs, a.seed)
        if part(6):
            never_seen(engine, 5000, a.seed)
        if part(7):
            engine_ratio(engine, a.institutions, a.findings, a.seed + 7, unique=0.5, label="[7]")
        if part(7) and not a.skip_national:
            national(engine, scratch, a.national, a.findings, a.jobs, a.seed + 7, unique=0.5, label="[7]")
        if part(8) and not a.skip_national:
            national_scores(engine, scratch, a.scores_national or a.national, a.jobs, a.seed + 8)
        if part(4):
            cold_start()
        if part(5):
            load(engine, a.concurrent, a.seed)
        if part(8):
            big_paste(engine, a.seed)
        if part(9):
            api_lines()
        if part(10):
            hash_seeds()
        if part(11):
            recognition(engine)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
