"""Benchmark: plans/s and findings/s for synthetic institutions, and, in the same run, the raw
durable-rules assert+retract rate for the same facts, printed as a ratio.

Usage: python benchmarks/bench.py [--institutions N] [--findings K] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from nokrules import Engine
from nokrules.engine import assert_session, end_session, fact_for, host


def synthetic(engine: Engine, n: int, k: int, seed: int) -> list[tuple[str, str | None]]:
    rnd = random.Random(seed)
    phrases = sorted({e for d in engine.catalog.deficiencies for e in d.examples})
    kinds = [None] + [x.id for x in engine.catalog.kinds]
    return [("\n".join(f"- {rnd.choice(phrases)}" for _ in range(k)), rnd.choice(kinds)) for _ in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=2000)
    ap.add_argument("--findings", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2027)
    a = ap.parse_args()

    t0 = time.perf_counter()
    engine = Engine.load()
    load_s = time.perf_counter() - t0
    batch = synthetic(engine, a.institutions, a.findings, a.seed)
    insts = {kind: engine.institution("Организация", kind) for _, kind in batch}
    d = date(2027, 1, 15)

    def run_all() -> tuple[float, int]:
        start = time.perf_counter()
        n = 0
        for text, kind in batch:
            plan = engine.draft_plan(text, insts[kind], date=d)
            n += len(plan.items) + len(plan.unrecognized)
        return time.perf_counter() - start, n

    cold_s, _ = run_all()  # recognition caches start empty
    warm_s, _ = run_all()
    findings = a.institutions * a.findings

    # raw durable-rules: the same facts, asserted and retracted session by session, nothing else
    sessions = []
    for text, kind in batch:
        recs = engine.recognize(engine.findings(text))
        sessions.append([fact_for(i, r, insts[kind], "") for i, r in enumerate(recs)])
    shards_of = engine.rules._c.shards_of
    h = host()
    n_facts = sum(len(shards_of.get(f["d"], [])) for facts in sessions for f in facts)
    start = time.perf_counter()
    for s, facts in enumerate(sessions):
        sid = f"raw{s}"
        asserted, touched = assert_session(h, shards_of, sid, [dict(f, sid=sid) for f in facts])
        end_session(h, sid, asserted, touched)
    raw_s = time.perf_counter() - start
    raw_rate = n_facts / raw_s
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"catalog {engine.catalog.settings.version}: {len(engine.catalog.deficiencies)} deficiencies, "
        f"{len(engine.catalog.measures)} measures, {len(engine.catalog.rules)} rules, "
        f"{len(engine.rules.rulesets)} rulesets; load {load_s:.2f} s"
    )
    print(f"synthetic: {a.institutions} institutions x {a.findings} findings = {findings} findings (seed {a.seed})")
    print(f"end-to-end, cold caches: {a.institutions / cold_s:8.1f} plans/s  {findings / cold_s:9.1f} findings/s")
    print(f"end-to-end, warm caches: {a.institutions / warm_s:8.1f} plans/s  {findings / warm_s:9.1f} findings/s")
    print(f"raw durable-rules assert+retract of the same facts: {raw_rate:9.1f} facts/s ({n_facts} facts)")
    print(f"ratio end-to-end (warm) findings/s : raw facts/s = {findings / warm_s / raw_rate:.2f}")
    print(f"ratio end-to-end (cold) findings/s : raw facts/s = {findings / cold_s / raw_rate:.2f}")
    print(f"peak memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
