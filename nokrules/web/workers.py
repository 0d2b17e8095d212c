"""Drafting in worker processes: durable-rules is a C extension, and a crash in it once took `nokrules
serve` down for good (issue 13). Here it costs one request: each worker is a process of its own holding
a loaded Engine of the app's catalog (so a request is as fast as in-process), requests take a free worker
in turn, and a worker that dies or overruns the time limit is replaced before the next request.

Workers are spawned, not forked: the server has threads, and a forked child would inherit their locks.
Measured (2 CPUs under load, a two-line plan): a worker spawned per request answers in ~6 s (start, import,
load the catalog), a warm worker in 1.4 ms, the engine in the server's own process in 0.7 ms; so workers
are kept and replaced only when they die or overrun the time limit.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from nokrules.core.engine import Engine, Trace
from nokrules.core.errors import EngineError, NokError, UsageError
from nokrules.core.limits import START_LIMIT, TIME_LIMIT, WORKERS
from nokrules.core.model import Catalog

log = logging.getLogger("nokrules.web")

Hook = Callable[[str], None]  # run in the worker before each draft; tests pass one that crashes it


class WorkerCrashed(EngineError):
    """The worker drafting a request died (a crash in the C extension): this request fails, not the server."""


class DraftTooSlow(UsageError):
    """A draft ran past TIME_LIMIT; its worker was stopped. The request asked for more than the web does: 422."""


def _main(conn: Connection, catalog: Catalog, hook: Hook | None) -> None:
    """A worker: load the engine once, then draft each request it is sent until the server hangs up (or dies:
    the pipe closes). Ctrl-C in a terminal reaches the whole process group: the server stops its workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine = Engine(catalog)
    conn.send(("ready", None))
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if hook is not None:
                hook(args[0])
            reply: tuple[str, Any] = ("ok", engine.trace(*args))
        except NokError as e:
            reply = ("nok", (type(e).__name__, str(e)))
        except Exception as e:  # a bug: log it here, with its traceback, and fail this request only
            log.exception("error while drafting")
            reply = ("bug", f"{type(e).__name__}: {e}")
        conn.send(reply)


class _Worker:
    def __init__(self, catalog: Catalog, hook: Hook | None):
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_main, args=(child, catalog, hook), name="nokrules-drafter", daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def call(self, payload: tuple[Any, ...], limit: float) -> tuple[str, Any]:
        """Send one request and wait for its answer; TimeoutError past `limit`, EOFError if the worker died."""
        if not self.ready:
            if not self.conn.poll(START_LIMIT):
                raise TimeoutError
            self.conn.recv()  # ("ready", None): the engine is loaded
            self.ready = True
        self.conn.send(payload)
        if not self.conn.poll(limit):
            raise TimeoutError
        answer: tuple[str, Any] = self.conn.recv()
        return answer

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join(10)
        self.conn.close()


class Drafters:
    """`size` worker processes drafting plans with the app's catalog; thread-safe (the API's endpoints run in
    the server's thread pool). Workers start on first use, or all at once with `start()`."""

    def __init__(self, catalog: Catalog, size: int = WORKERS, time_limit: float = TIME_LIMIT, hook: Hook | None = None):
        self.catalog = catalog
        self.time_limit = time_limit
        self._hook = hook
        self._size = size
        self._free: queue.Queue[_Worker | None] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._free.put(None)  # a slot whose worker is started when first taken

    def start(self) -> None:
        """Start every worker now (the server does, so that the first requests need not wait for a load)."""
        slots = [self._free.get() for _ in range(self._size)]
        for w in slots:
            if w is not None and not w.proc.is_alive():  # stopped by `close()`
                self._drop(w)
                w = None
            self._free.put(w or self._new())

    def _new(self) -> _Worker:
        w = _Worker(self.catalog, self._hook)
        with self._lock:
            self._all.add(w)
        return w

    def _drop(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.stop()

    def trace(self, *args: Any) -> Trace:
        """`Engine.trace(*args)` in a worker. WorkerCrashed (a 500) when the worker died, DraftTooSlow (a 422) past
        the time limit; either way the worker is replaced and the next request is served as usual."""
        slot = self._free.get()
        if slot is not None and not slot.proc.is_alive():  # stopped by `close()`, or died while idle
            self._drop(slot)
            slot = None
        w: _Worker | None = slot or self._new()
        assert w is not None
        try:
            kind, value = w.call(args, self.time_limit)
        except TimeoutError:
            self._drop(w)
            w = None
            raise DraftTooSlow(
                f"план не составлен за {self.time_limit:.0f} с: текст слишком велик для веб-страницы; разделите его "
                "на части или составьте планы командой «nokrules batch»"
            ) from None
        except (EOFError, OSError):
            w.proc.join(5)
            code = w.proc.exitcode
            log.error("drafting worker %s died (exit code %s); it is replaced", w.proc.pid, code)
            self._drop(w)
            w = None
            raise WorkerCrashed(
                f"процесс, составлявший план, аварийно завершился (код {code}); план не составлен. Сервис продолжает "
                "работать: повторите запрос, а если ошибка повторится — сообщите разработчикам nokrules"
            ) from None
        finally:
            self._free.put(w)
        if kind == "ok":
            trace: Trace = value
            return trace
        if kind == "nok":
            name, message = value
            raise _rebuild(name, message)
        raise EngineError(f"ошибка при составлении плана ({value}); сообщите разработчикам nokrules")

    def close(self) -> None:
        """Stop every worker (the app's shutdown); the slots stay, so a later request or `start()` starts anew."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.stop()


def _rebuild(name: str, message: str) -> NokError:
    """The worker's NokError as the same class here (UsageError → 422, the rest → 500)."""
    from nokrules.core import errors, limits

    cls = getattr(errors, name, None) or getattr(limits, name, None)
    if isinstance(cls, type) and issubclass(cls, NokError) and cls is not errors.CatalogError:
        return cls(message)
    return EngineError(message)
