"""How many facts one durable-rules session takes safely: the figure behind `nokrules.core.rules.CHUNK`.

For each session size, fresh processes under different PYTHONHASHSEED values (the library's failures
depend on it) each run a few sessions of that many facts (catalog example lines recognised and repeated,
so every deficiency and rule shape takes part) and compare what fired with the plain-Python evaluator.
A run is `ok` (every session agreed), `lost` (a session returned fewer firings), `error` (an exception) or
`crash` (the process died: a segfault in the extension). Also facts/s within a session of that size.

Usage: python benchmarks/engine_chunk.py [--sizes 500,1000,...] [--seeds N] [--sessions N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(size: int, sessions: int) -> None:
    """One process: `sessions` sessions of `size` facts each; prints a JSON verdict."""
    from nokrules import Engine
    from nokrules.core.conditions import evaluate
    from nokrules.core.rules import DurableRules

    engine = Engine.load()
    lines = sorted({e for d in engine.catalog.deficiencies for e in d.examples})
    recs = engine.recognize(engine.findings("\n".join(lines)))
    recs = [r.model_copy(update={"finding": i}) for i, r in enumerate((recs * (size // len(recs) + 1))[:size])]
    inst = engine.institution("", "kcson")
    rules = DurableRules(engine.catalog, chunk=size)  # one session of all `size` facts
    want = evaluate(engine.catalog.rules, inst, recs)
    lost, spent = 0, 0.0
    for _ in range(sessions):
        t = time.perf_counter()
        got = rules.run(inst, recs)
        spent += time.perf_counter() - t
        lost = max(lost, len(set(map(str, want)) - set(map(str, got))))
    print(json.dumps({"lost": lost, "rate": size * sessions / spent}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="250,500,1000,2000,3000,4000,5000,6000")
    ap.add_argument("--seeds", type=int, default=6)
    ap.add_argument("--sessions", type=int, default=3)
    ap.add_argument("--child", type=int)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.sessions)
        return
    print(f"{'facts/session':>13}  {'ok':>3} {'lost':>4} {'error':>5} {'crash':>5}  facts/s (median)")
    for size in map(int, args.sizes.split(",")):
        verdicts: dict[str, int] = {"ok": 0, "lost": 0, "error": 0, "crash": 0}
        rates: list[float] = []
        for seed in range(args.seeds):
            env = dict(os.environ, PYTHONHASHSEED=str(seed))
            cmd = [sys.executable, __file__, "--child", str(size), "--sessions", str(args.sessions)]
            p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
            if p.returncode < 0:
                verdicts["crash"] += 1
            elif p.returncode != 0:
                verdicts["error"] += 1
            else:
                out = json.loads(p.stdout.strip().splitlines()[-1])
                verdicts["lost" if out["lost"] else "ok"] += 1
                rates.append(out["rate"])
        rate = f"{sorted(rates)[len(rates) // 2]:,.0f}" if rates else "-"
        print(f"{size:>13}  {verdicts['ok']:>3} {verdicts['lost']:>4} {verdicts['error']:>5} {verdicts['crash']:>5}  {rate}", flush=True)


if __name__ == "__main__":
    main()
