"""Whole protocols in, a plan file per institution out: the engine of `nokrules batch`.

A national run has ~150,000 institutions, so nothing per plan is kept in memory beyond a small PlanExtract
(deficiency ids per finding, unrecognised lines, counts); plans are rendered and written by the worker that drafted
them. Workers are separate processes (durable-rules allows one Host per process, and the GIL would make
threads pointless), each loading the engine once. Files are written atomically, results are gathered in
input order, so `--jobs N` writes exactly what `--jobs 1` writes.
"""

from __future__ import annotations

import collections
import ctypes
import gc
import multiprocessing as mp
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nokrules.core.engine import Engine
from nokrules.core.errors import EngineError, UsageError
from nokrules.core.model import Approver, Plan, ProtocolInstitution
from nokrules.documents import FORMATS
from nokrules.documents.document import DOCUMENTS, render_document
from nokrules.documents.output import write_atomically
from nokrules.protocols.summary import BatchResult, PlanExtract, Sharing, extract_plan

EXTENSIONS = {"json": "json", "md": "md", "text": "txt", "docx": "docx", "xlsx": "xlsx", "html": "html"}
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "iu",
            "ia",
        ],
        strict=True,
    )
)
SLUG_MAX = 80


def slug(name: str) -> str:
    """A file name from an institution's name: transliterated (ГОСТ Р 52535.1 style), lower case, a–z 0–9 and
    hyphens, at most 80 characters; stable, so the same name always gets the same file."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in name.lower())
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    return out[:SLUG_MAX].rstrip("-") or "organizatsiia"


REPORTS = ("unrecognized.csv", "institutions.csv", "summary.md", "summary.html")


def file_names(entries: list[ProtocolInstitution], ext: str) -> list[str]:
    """One distinct file per institution, never the name of a report (`REPORTS`): the slug of its name,
    or, when that file is taken (a repeated name, «Центр 2» after two «Центр», an institution called
    «Summary»), the slug with the first free -2, -3, …. Taken in the order the protocol lists them, so the
    same protocol always gets the same names."""
    taken = set(REPORTS)
    out = []
    for e in entries:
        base = slug(e.name)
        name, n = f"{base}.{ext}", 1
        while name in taken:
            n += 1
            name = f"{base}-{n}.{ext}"
        taken.add(name)
        out.append(name)
    return out


@dataclass(frozen=True, slots=True)
class Job:
    index: int
    entry: ProtocolInstitution
    file: str


@dataclass(frozen=True)
class Failure:
    """An institution whose plan could not be drafted or written, and why, naming it (Russian). The batch
    goes on with the others, writes the reports for them, and ends with exit 1 listing every failure."""

    index: int
    message: str


Outcome = PlanExtract | Failure


@dataclass(frozen=True)
class BatchOptions:
    catalog: str | None
    out: str
    fmt: str
    plan_date: date | None
    form: str
    year: int | None
    approver: Approver = field(default_factory=Approver)
    founder: str = ""
    report_date: str | None = None  # «ДД.ММ»: the form's, unless the caller gives one
    # the inputs may hold text findings: each process builds its recognizer as it starts (while the parent reads
    # the protocol); a batch of scores tables alone builds none unless a row has text after all
    text: bool = True


class Drafter:
    """One engine per process, turning a Job into a written plan file and its PlanExtract."""

    def __init__(self, options: BatchOptions):
        self.options = options
        self.engine = Engine.load(options.catalog, on_demand=not options.text)
        self.spec = self.engine.catalog.scores
        self._kinds: dict[str, str | None] = {}

    def kind_of(self, written: str | None) -> str | None:
        if not written:
            return None
        if written not in self._kinds:
            try:
                self._kinds[written] = self.engine.resolve_kind(written)
            except UsageError:
                self._kinds[written] = None  # shown in the summary as written; drafted without kind-specific rules
        return self._kinds[written]

    def render(self, plan: Plan) -> bytes:
        o = self.options
        if o.fmt in DOCUMENTS:
            return render_document(o.fmt, plan, self.engine.catalog, o.form, o.year, o.approver, o.founder)
        if o.fmt == "json":  # compact, one line per file: a national run writes 150,000 of them
            return Plan.__pydantic_serializer__.to_json(plan, by_alias=True) + b"\n"
        return FORMATS[o.fmt](plan).encode("utf-8")

    def __call__(self, job: Job) -> Outcome:
        e, o = job.entry, self.options
        try:
            kind_id = self.kind_of(e.kind)
            inst = self.engine.institution(e.name, kind_id)
            packed = e.scores if e.scores and self.spec else None  # scored from the engine's memo of packed parts
            plan = self.engine.draft_plan(e.findings, inst, date=o.plan_date, year=o.year, report_date=o.report_date, packed=packed)
            write_atomically(os.path.join(self.options.out, job.file), self.render(plan))
            return extract_plan(self.engine, BatchResult(e, plan, job.file, kind_id))
        except Exception as err:  # one institution must not cost the others their plans
            where = f"№ {e.number}, " if e.number is not None else ""
            return Failure(job.index, f"«{e.name}» ({where}недостатки со строки {e.findings_line}): {err}")


_drafter: Drafter | None = None


PR_SET_PDEATHSIG = 1  # linux/prctl.h
ORPHAN_POLL = 0.5  # seconds between a worker's looks at its parent where prctl is not available


def _die_with_parent(parent: int) -> None:
    """End this worker when the batch process dies, however it dies. After a `kill -9` of the parent nothing
    stops the pool, and its workers would go on drafting and writing plans nobody collects, keeping the
    resource tracker alive too. On Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a
    thread watches the parent's pid. Either way a parent already gone before this ran ends the worker."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(ORPHAN_POLL)
            os._exit(1)

        threading.Thread(target=watch, name="nokrules-parent-watch", daemon=True).start()


GC_YOUNG = 100_000  # objects allocated (net of those freed) between two collections of the young generation


def _batch_gc() -> tuple[int, ...]:
    """Garbage collection for a process that drafts or gathers thousands of plans; returns the thresholds it
    replaced. A plan makes thousands of objects and frees nearly all of them by reference counting (it leaves
    ~6 in cycles), yet with the default thresholds a collection ran every 700 objects and a full one, every few
    hundred plans, walked the engine, the catalog and the planner's caches (0.3–0.4 s each): a fifth of a
    worker's time. What exists now (the loaded engine, the parsed protocol) is left out of collections
    (`gc.freeze`: still freed when no longer referenced), and the young generation is collected every
    100,000 objects, so cycles are still collected, seldom."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, 50, 100)
    return old


@contextmanager
def batch_gc() -> Iterator[None]:
    """`_batch_gc` for the length of a run in a process that goes on afterwards (the CLI, tests), then as before."""
    old = _batch_gc()
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _init_worker(options: BatchOptions, parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    global _drafter
    _drafter = Drafter(options)
    _batch_gc()  # a worker only drafts, until the batch ends


def _ready() -> None:
    """A task that only makes the executor start a worker (which loads its engine in `_init_worker`)."""


def _work(jobs: list[Job]) -> list[Outcome]:
    assert _drafter is not None
    return [_drafter(job) for job in jobs]


TRIM_EVERY = 10_000  # institutions drafted between two returns of freed memory to the system


def _malloc_trim() -> Callable[[], object]:
    """glibc's `malloc_trim(0)`, or nothing where the C library has none. A protocol's text is freed as its
    institutions are sent off, in pieces of a few KB that glibc keeps for the process: without this, the
    parent of a national run keeps its read's high-water mark (~550 MB) to the end, beside the workers."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]
    return lambda: trim(0)


IN_FLIGHT = 4  # chunks queued per worker: enough to keep each one busy, few enough to bound the parent's memory


class Workers:
    """The worker processes of a batch, started before the protocol is read so that spawning them and
    loading their engines (~2 s) overlaps the parent's parsing (~4 s for a national file). A context
    manager: leaving it stops the workers; an error or Ctrl-C terminates them at once.

    A ProcessPoolExecutor rather than multiprocessing.Pool: when a worker dies abruptly (durable-rules is C
    code with known segfaults) the executor notices and the batch ends with a message naming the
    institutions being drafted, where a Pool would wait forever for the lost results."""

    def __init__(self, options: BatchOptions, jobs: int = 1):
        self.options = options
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        if jobs > 1:
            # spawn, not fork: a forked worker would carry (and, by touching refcounts, copy) the whole parsed
            # protocol of the parent; a fresh worker holds only its engine
            self._pool = ProcessPoolExecutor(
                jobs, mp_context=mp.get_context("spawn"), initializer=_init_worker, initargs=(options, os.getpid())
            )
            for _ in range(jobs):  # the executor starts a worker per task submitted, not before: start them all now
                self._pool.submit(_ready)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if self._pool is None:
            return
        if kind is not None:  # stop now, not after the queued chunks (the executor has no terminate before 3.14)
            processes = getattr(self._pool, "_processes", None) or {}
            for proc in list(processes.values()):
                proc.terminate()
        self._pool.shutdown(wait=True, cancel_futures=kind is not None)

    def run(self, jobs_list: list[Job], progress: Callable[[int], object] | None = None) -> list[Outcome]:
        """Draft every job; outcomes in input order whatever the number of workers. With several workers the
        jobs are sent in chunks, a few per worker at a time, and the parent lets each job go once it is sent."""
        with batch_gc():
            return self._run(jobs_list, progress)

    def _run(self, jobs_list: list[Job], progress: Callable[[int], object] | None) -> list[Outcome]:
        outcomes: list[Outcome] = []
        share = Sharing()  # what the extracts kept for the summary have in common is held once

        def kept(o: Outcome) -> Outcome:
            return share(o) if isinstance(o, PlanExtract) else o

        if self._pool is None:
            drafter = Drafter(self.options)
            for job in jobs_list:
                outcomes.append(kept(drafter(job)))
                if progress:
                    progress(1)
            return outcomes
        pool = self._pool
        size = max(1, min(256, len(jobs_list) // (self.jobs * 8) or 1))
        pending = collections.deque(jobs_list)
        jobs_list.clear()
        inflight: collections.deque[tuple[Future[list[Outcome]], int]] = collections.deque()

        def fill() -> None:
            while pending and len(inflight) < self.jobs * IN_FLIGHT:
                chunk = [pending.popleft() for _ in range(min(size, len(pending)))]
                inflight.append((pool.submit(_work, chunk), chunk[0].index))

        trim, trimmed = _malloc_trim(), 0
        try:
            fill()
            while inflight:
                future, _ = inflight.popleft()
                done = future.result()
                outcomes.extend(map(kept, done))
                if progress:
                    progress(len(done))
                fill()  # raises too when the pool broke since: a submit to a broken pool is refused
                if len(outcomes) - trimmed >= TRIM_EVERY:
                    trim()
                    trimmed = len(outcomes)
        except BrokenProcessPool:
            raise EngineError(  # the outcomes so far are those of the first institutions, in input order
                f"рабочий процесс аварийно завершился; составлены планы первых {len(outcomes)} учреждений (по порядку "
                "во входных файлах), сводка не составлена; запустите с --jobs 1, чтобы увидеть, на каком учреждении"
            ) from None
        return outcomes


def leftover_temporaries(out: Path) -> Iterator[Path]:
    """Temporary files an interrupted worker may have left (`.name.pid.token.tmp`, see output.py)."""
    return (p for p in out.glob(".*.tmp") if p.is_file())
