"""Compile catalog rules onto durable-rules and run an institution's facts in sessions of at most CHUNK.

durable-rules is dormant and has sharp edges (shared/durable-rules-notes.md), each handled here:
one Host per process, never one per plan, since Hosts start threads that never stop and rulesets cannot
be removed; rulesets are therefore named by a hash of the tests they hold, so a catalog changed in memory
gets rulesets of its own and the same rules compiled twice share one set;
rules are sharded below the ~512 first-level-test ceiling; an assert that matches no rule raises
MessageNotHandledException, which only means "no rule for this fact"; actions take exactly one parameter
and record the rule id and fact ids (the library has no API to list what fired); an exception inside an
action is swallowed by the library, so actions catch it themselves and the session raises it afterwards;
every session's facts are retracted and its state deleted when the plan is built. The engine sees only
small typed codes, never free text, because it compares strings as bytes.

Measured here, not in the notes: `delete_state` (and retracting a fact whose assert was not handled)
segfaults when no asserted fact of that session was handled; and `assert_facts` raises
MessageNotHandledException for a batch with any unmatched fact without running the matched facts'
actions. Each touched ruleset therefore gets the session's facts in one batch and then, on its own, a
session marker fact that a no-op rule always handles: its call runs the pending actions, and with it
handled, retracting the batch (matched or not) and deleting the state are safe.

Also measured here (issue 13): the Host's own dispatcher thread raced our sessions (lost facts, error
307, segfaults past a few thousand facts, depending on the hash seed), so the Host runs without its
threads (`_QuietHost`); and a session costs more per fact the more facts it holds, so a plan's facts go
in sessions of at most CHUNK recognitions. A rule with `all: [a, b]` still joins recognitions of
different sessions: each session also holds one stand-in fact per such deficiency found elsewhere in the
plan, and a firing on a stand-in stands for the firings on every recognition it represents.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from durable.engine import Host, MessageNotHandledException

from nokrules.core.errors import EngineError
from nokrules.core.model import Catalog, Firing, Institution, Recognition, Rule

SESSION = "__session__"  # deficiency code of the marker fact; ids in the catalog are [a-z][a-z0-9_]*
CEILING = 512  # first-level tests per ruleset at which durable-rules fails (error 303) or hangs
# Recognitions per durable-rules session. Measured with benchmarks/engine_chunk.py (catalog examples
# repeated, sessions vs the evaluator, fresh processes under different hash seeds), 2 CPUs under load:
# with the library's own Host, sessions of 250/500/1000 facts were complete in 5/5/2 of 6 runs (error
# 307 once, firings lost in the rest); with _QuietHost, 4 of 4 complete at 250, 500, 1000, 2000, 4000 and
# 6637. Cost per fact grows with the session (mixed catalog examples, CPU facts/s at session sizes
# 100/250/500/1000/2000: 3.6k/3.7k/2.9k/2.7k/2.1k; one deficiency only: 23k/27k/29k/29k/26k), so 250.
CHUNK = 250
SHARD_TESTS = 200  # what nokrules packs into one ruleset, well below the ceiling
_OPS = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}

class _QuietHost(Host):  # type: ignore[misc]
    """A Host without the two timer threads `Host.__init__` starts through `_run`.

    One of them calls `start_action` on every ruleset every 0.2 s, from its own thread, while a session may
    be asserting facts from ours; the C extension has no lock, so that dispatch races the session: facts
    lost, error 307 (ERR_NODE_DELETED) and segfaults, more often the longer a session runs (measured with
    benchmarks/engine_chunk.py, issue 13). nokrules needs neither thread: it has no timers, and a session's
    actions run in the caller's thread when its marker fact is asserted."""

    def _run(self) -> None:
        pass


_host: Host | None = None
_host_lock = threading.Lock()


def host() -> Host:
    """The process's single durable-rules Host."""
    global _host
    with _host_lock:
        if _host is None:
            _host = _QuietHost()
        return _host


def _fact(index: int, deficiency: str, inst: Institution, sid: str) -> dict[str, Any]:
    """A fact of a deficiency in an institution, with nothing of its own recognition."""
    fact: dict[str, Any] = {"sid": sid, "fid": index, "d": deficiency, "kind": inst.kind or ""}
    for f in inst.forms:
        fact[f"fm_{f}"] = 1
    return fact


def fact_for(index: int, rec: Recognition, inst: Institution, sid: str) -> dict[str, Any]:
    """The engine's view of one recognition: codes and numbers only."""
    fact = _fact(index, rec.deficiency, inst, sid)
    for p in rec.places:
        fact[f"pl_{p}"] = 1
    if rec.state:
        fact[f"st_{rec.state}"] = 1
    for name, v in rec.values.items():
        fact[f"v_{name}"] = v
    return fact


def _one_of(key: str, values: list[Any]) -> dict[str, Any]:
    tests = [{key: v} for v in values]
    return tests[0] if len(tests) == 1 else {"$or": tests}


def _one_of_flags(prefix: str, names: list[str]) -> dict[str, Any]:
    tests = [{f"{prefix}{n}": 1} for n in names]
    return tests[0] if len(tests) == 1 else {"$or": tests}


def conditions(rule: Rule, deficiency: str, first: bool) -> list[dict[str, Any]]:
    """durable-rules tests for one fact of `rule`. Place, state and value conditions apply to the first deficiency."""
    w = rule.when
    conds: list[dict[str, Any]] = [{"d": deficiency}]
    if w.kind:
        conds.append(_one_of("kind", list(w.kind)))
    if w.form:
        conds.append(_one_of_flags("fm_", list(w.form)))
    if first and w.place:
        conds.append({f"pl_{w.place}": 1})
    if first and w.state:
        conds.append(_one_of_flags("st_", list(w.state)))
    if first:
        for name, cmp in sorted(w.value.items()):
            key = f"v_{name}"
            for op, durable_op in _OPS.items():
                bound = getattr(cmp, op)
                if bound is not None:
                    conds.append({durable_op: {key: bound}})
            if cmp.eq is not None:
                conds.append({key: cmp.eq})
    return conds


def _test_keys(conds: list[dict[str, Any]]) -> set[str]:
    """The distinct first-level tests a condition list adds (a proxy the shard packing counts)."""
    return {json.dumps(c, sort_keys=True) for c in conds} | {
        json.dumps(sub, sort_keys=True) for c in conds for sub in c.get("$or", [])
    }


@dataclass
class _Compiled:
    names: list[str]
    shards_of: dict[str, list[str]]  # deficiency id → ruleset names that test it
    joined: frozenset[str]  # the deficiencies a rule with `all: [a, b, …]` names after its first
    sink: dict[str, list[tuple[str, list[int]]]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    sessions: itertools.count[int] = field(default_factory=itertools.count)


# Registered rulesets live as long as the process (the library cannot remove them): keyed by their content
_compiled: dict[str, _Compiled] = {}
_compiled_lock = threading.Lock()


def _action(rule_id: str, names: list[str], compiled: _Compiled) -> Callable[[Any], None]:
    """One-parameter action (two would make the library treat it as asynchronous and stall)."""

    def act(c: Any) -> None:
        sid = str(c.s.sid)
        try:
            fids = [int(getattr(c, n).fid) for n in names]
            compiled.sink[sid].append((rule_id, fids))
        except Exception as e:  # the library would swallow it; keep it to raise after the session
            compiled.errors.setdefault(sid, []).append(f"{rule_id}: {type(e).__name__}: {e}")

    return act


Shard = list[tuple[Rule, list[list[dict[str, Any]]]]]


def _pack(catalog: Catalog) -> list[tuple[Shard, int]]:
    """Rules in shards of at most SHARD_TESTS distinct first-level tests, with each shard's count."""
    rules = sorted(catalog.rules, key=lambda r: (catalog.deficiency(r.when.deficiencies[0]).indicator, r.id))
    shards: list[tuple[Shard, set[str]]] = [([], set())]
    for r in rules:
        facts = [conditions(r, d, i == 0) for i, d in enumerate(r.when.deficiencies)]
        keys = set().union(*(_test_keys(c) for c in facts))
        shard, tests = shards[-1]
        if shard and len(tests | keys) > SHARD_TESTS:
            shards.append(([], set()))
            shard, tests = shards[-1]
        tests |= keys
        shard.append((r, facts))
    return [(shard, len(tests)) for shard, tests in shards]


def _content_key(shards: list[Shard]) -> str:
    """A hash of what the shards register (each rule's id and tests, shard by shard): equal keys, equal rulesets."""
    tests = [[(r.id, facts) for r, facts in shard] for shard in shards]
    return hashlib.sha256(json.dumps(tests, sort_keys=True).encode()).hexdigest()[:16]


def count_tests(catalog: Catalog) -> list[tuple[str, int]]:
    """Each ruleset the catalog compiles to and its number of distinct first-level tests (for lint)."""
    packed = _pack(catalog)
    key = _content_key([shard for shard, _ in packed])
    return [(f"nokrules_{key}_{k}", n) for k, (_, n) in enumerate(packed)]


def _compile(key: str, shards: list[Shard]) -> _Compiled:
    joined = frozenset(d for shard in shards for r, _ in shard for d in r.when.deficiencies[1:])
    compiled = _Compiled(names=[], shards_of={}, joined=joined)
    definitions: dict[str, Any] = {}
    for k, shard in enumerate(shards):
        name = f"nokrules_{key}_{k}"
        compiled.names.append(name)
        body: dict[str, Any] = {}
        for r, facts in shard:
            labels = ["m"] if len(facts) == 1 else [f"f{i}" for i in range(len(facts))]
            body[r.id] = {
                "all": [{lab: (c[0] if len(c) == 1 else {"$and": c})} for lab, c in zip(labels, facts, strict=True)],
                "run": _action(r.id, labels, compiled),
            }
            for d in r.when.deficiencies:
                compiled.shards_of.setdefault(d, [])
                if name not in compiled.shards_of[d]:
                    compiled.shards_of[d].append(name)
        body[SESSION] = {"all": [{"m": {"d": SESSION}}], "run": _noop}
        definitions[name] = body
    host().register_rulesets(definitions)
    return compiled


def _noop(c: Any) -> None:
    """The session marker's rule: it exists so that every session holds one handled fact."""


class DurableRules:
    """The catalog's rules on the shared durable-rules Host. Thread-safe: one session at a time."""

    def __init__(self, catalog: Catalog, chunk: int | None = None):
        self.catalog = catalog
        self.chunk = chunk or CHUNK
        shards = [shard for shard, _ in _pack(catalog)]
        key = _content_key(shards)
        with _compiled_lock:  # held while registering: the library refuses a ruleset registered twice
            known = _compiled.get(key)
            if known is None:
                known = _compiled[key] = _compile(key, shards)
        self._c = known

    @property
    def rulesets(self) -> list[str]:
        return list(self._c.names)

    def run(self, institution: Institution, recognitions: list[Recognition]) -> list[Firing]:
        """Every rule firing on these recognitions: the facts go to the library in sessions of at most
        `self.chunk` recognitions (one big session loses facts or crashes: see CHUNK), each cleaned up."""
        facts = [fact_for(i, rec, institution, "") for i, rec in enumerate(recognitions)]
        by_deficiency: dict[str, list[int]] = {}
        for i, rec in enumerate(recognitions):
            if rec.deficiency in self._c.joined:
                by_deficiency.setdefault(rec.deficiency, []).append(i)
        fired: set[tuple[str, tuple[int, ...]]] = set()
        for start in range(0, len(facts), self.chunk):
            chunk = facts[start : start + self.chunk]
            proxies = self._proxies(by_deficiency, start, start + len(chunk), institution)
            stands_for = {p["fid"]: fids for p, fids in proxies}
            for rule, fids in self._session([*chunk, *(p for p, _ in proxies)]):
                if fids[0] < 0:
                    continue  # a proxy stands for other facts only where a rule does not test it: never first
                fired.update((rule, combo) for combo in itertools.product(*([f] if f >= 0 else stands_for[f] for f in fids)))
        return [_firing(rule, fids) for rule, fids in sorted(fired)]

    def _proxies(
        self, by_deficiency: dict[str, list[int]], start: int, end: int, institution: Institution
    ) -> list[tuple[dict[str, Any], list[int]]]:
        """Stand-ins for the recognitions outside a chunk [start, end) that a rule with `all: [a, b, …]` may
        join: one fact per deficiency such a rule names after its first (there the rule tests only the
        deficiency and the institution, which all recognitions of a plan share), with the ids it stands for."""
        out: list[tuple[dict[str, Any], list[int]]] = []
        for d, fids in sorted(by_deficiency.items()):
            outside = fids[: bisect.bisect_left(fids, start)] + fids[bisect.bisect_left(fids, end) :]
            if outside:
                out.append((_fact(-2 - len(out), d, institution, ""), outside))
        return out

    def _session(self, facts: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
        """One durable-rules session over `facts`: what fired, and the session cleaned up."""
        c = self._c
        h = host()
        with c.lock:
            sid = f"s{next(c.sessions)}"
            c.sink[sid] = []
            asserted: list[tuple[str, list[dict[str, Any]]]] = []
            try:
                asserted = assert_session(h, c.shards_of, sid, [dict(f, sid=sid) for f in facts])
                # actions catch their own exceptions (the library would swallow them): surface them here
                problems = c.errors.pop(sid, [])
                if problems:
                    raise EngineError("ошибка в действии правила: " + "; ".join(problems))
                return c.sink[sid]
            finally:
                end_session(h, sid, asserted)
                c.sink.pop(sid, None)
                c.errors.pop(sid, None)


@lru_cache(maxsize=100_000)
def _firing(rule: str, fids: tuple[int, ...]) -> Firing:
    """Firings are immutable and repeat from plan to plan: build each once."""
    return Firing(rule=rule, recognitions=list(fids))


def assert_session(
    h: Host, shards_of: dict[str, list[str]], sid: str, facts: list[dict[str, Any]]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Assert the session's facts into the rulesets that test their deficiencies, one `assert_facts` call per
    ruleset, then the session marker; return what was asserted where, to retract.

    A batch in which any fact matches no rule raises MessageNotHandledException *before* the library runs
    the actions of the facts that did match (measured here). The marker, asserted last on its own, is always
    handled, and its call runs every action pending in the session, the batch's included. One call per
    ruleset instead of one per fact: each library call pays a JSON round trip and an action-dispatch loop."""
    batches: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        for shard in shards_of.get(fact["d"], []):
            batches.setdefault(shard, []).append(fact)
    asserted: list[tuple[str, list[dict[str, Any]]]] = []
    for shard, batch in batches.items():
        try:
            h.assert_facts(shard, batch)
        except MessageNotHandledException:
            pass  # a fact no rule tests with these values: a plan row without a measure
        marker = {"sid": sid, "fid": -1, "d": SESSION}
        h.assert_fact(shard, marker)
        asserted.append((shard, [*batch, marker]))
    return asserted


def end_session(h: Host, sid: str, asserted: list[tuple[str, list[dict[str, Any]]]]) -> None:
    """Retract the session's facts and delete its state in every ruleset it touched (the marker in each
    batch keeps both from the library's segfault on a session with no handled fact)."""
    for shard, batch in reversed(asserted):
        h.retract_facts(shard, batch)
        h.delete_state(shard, sid)
