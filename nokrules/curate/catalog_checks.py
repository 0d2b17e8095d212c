"""The catalog checks that `nokrules lint`, `nokrules test` and the pytest suite share, each decided here
once and with one severity, so a catalog that passes lint and test cannot fail the same check in CI.

Where those places used to disagree the stricter verdict was kept: an example is recognised as its
deficiency and as no other, every deficiency has an example, every measure is used by some rule. Lint
says where a problem was written (its checks' docstrings teach the fix); `nokrules test` reports the
example checks case by case; pytest asserts the suite finds nothing in the shipped catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from nokrules.core.engine import Engine
from nokrules.core.findings import split_findings
from nokrules.core.model import Catalog, Deficiency, Measure

Severity = Literal["error", "warning"]
Recognise = Callable[[str], set[str]]  # a text → the deficiencies recognised in it


class Spec(NamedTuple):
    """A check's stable code, name and its one severity."""

    code: str
    name: str
    severity: Severity


EXAMPLE_NOT_RECOGNISED = Spec("NOK203", "example-not-recognised", "error")
COUNTEREXAMPLE_RECOGNISED = Spec("NOK204", "counterexample-recognised", "error")
NO_EXAMPLES = Spec("NOK205", "deficiency-without-examples", "error")
UNUSED_MEASURE = Spec("NOK302", "unused-measure", "error")
AMBIGUOUS_EXAMPLE = Spec("NOK308", "ambiguous-example", "error")


@dataclass(frozen=True)
class Problem:
    spec: Spec
    entry: tuple[str, str]  # ("deficiency" | "measure", id)
    path: tuple[str | int, ...]  # key path inside the entry, e.g. ("examples", 0)
    text: str

    @property
    def where(self) -> str:
        """The entry and key, e.g. `ramp_missing.examples[0]`."""
        out = self.entry[1]
        for key in self.path:
            out += f"[{key}]" if isinstance(key, int) else f".{key}"
        return out

    def __str__(self) -> str:
        return f"{self.spec.code} {self.spec.name} {self.where}: {self.text}"


def recogniser(engine: Engine) -> Recognise:
    """What `engine` recognises in a text, as the plan would: split into findings, then recognised."""
    return lambda text: {r.deficiency for r in engine.recognize(split_findings(text))}


def judge_example(d: Deficiency, k: int, recognised: set[str]) -> list[Problem]:
    """Example `k` of `d` must be recognised as `d` and as no other deficiency."""
    text = d.examples[k]
    where = (("deficiency", d.id), ("examples", k))
    if d.id not in recognised:
        return [
            Problem(
                EXAMPLE_NOT_RECOGNISED,
                *where,
                f"пример «{text}» не распознаётся как «{d.id}» (распознано: {_ids(recognised)}): дополните patterns",
            )
        ]
    others = sorted(recognised - {d.id})
    if others:
        return [
            Problem(
                AMBIGUOUS_EXAMPLE,
                *where,
                f"пример «{text}» распознаётся как «{d.id}» и ещё как {', '.join(f'«{o}»' for o in others)}",
            )
        ]
    return []


def judge_counterexample(d: Deficiency, k: int, recognised: set[str]) -> list[Problem]:
    """Counterexample `k` of `d` must not be recognised as `d`."""
    if d.id not in recognised:
        return []
    text = d.counterexamples[k]
    return [
        Problem(
            COUNTEREXAMPLE_RECOGNISED,
            ("deficiency", d.id),
            ("counterexamples", k),
            f"контрпример «{text}» распознаётся как «{d.id}»: сузьте patterns (none: …)",
        )
    ]


def unused_measures(catalog: Catalog) -> list[Measure]:
    """Measures no rule gives, in catalog order."""
    used = {m for r in catalog.rules for m in r.then}
    return [m for m in catalog.measures if m.id not in used]


def check_catalog(catalog: Catalog, recognise: Recognise) -> list[Problem]:
    """Every problem the suite finds in `catalog`, deficiency by deficiency, then the measures."""
    out = []
    for d in catalog.deficiencies:
        if not d.examples:
            out.append(Problem(NO_EXAMPLES, ("deficiency", d.id), ("id",), f"у недостатка «{d.id}» нет ни одного примера"))
        for k, text in enumerate(d.examples):
            out += judge_example(d, k, recognise(text))
        for k, text in enumerate(d.counterexamples):
            out += judge_counterexample(d, k, recognise(text))
    for m in unused_measures(catalog):
        out.append(Problem(UNUSED_MEASURE, ("measure", m.id), ("id",), f"мероприятие «{m.id}» не использует ни одно правило"))
    return out


def _ids(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "—"
