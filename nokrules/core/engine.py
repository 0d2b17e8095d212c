"""The library entry point: `Engine.load()` once, then `engine.draft_plan(text, ...)` per institution.

The CLI, the batch workers, the web app and the tests all go through this class, so every caller gets
the same Plan object for the same input.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nokrules.core.catalog import Names, load_catalog
from nokrules.core.dates import parse_report_day, plan_date_problem
from nokrules.core.errors import UsageError
from nokrules.core.findings import split_findings
from nokrules.core.firings import Firings
from nokrules.core.limits import check_joined, check_lines
from nokrules.core.model import Assessment, Catalog, Choice, Finding, Firing, Institution, Plan, Recognition, ScoresBlock
from nokrules.core.planner import Planner
from nokrules.core.recognize import Recognizer
from nokrules.core.rules import DurableRules
from nokrules.core.scores import ScoredDeficiency, Scorer


@dataclass(frozen=True)
class Trace:
    findings: list[Finding]
    recognitions: list[Recognition]
    firings: list[Firing]
    plan: Plan
    scores: ScoresBlock | None = None


class Engine:
    """A loaded catalog with its compiled patterns and rules."""

    def __init__(self, catalog: Catalog, *, on_demand: bool = False):
        """`on_demand`: the recognizer (~2 s to build) is built when a text is first read, not now — for a batch
        whose processes may draft only from scores; everyone else builds it now, so a page's first answer waits
        for nothing."""
        self.catalog = catalog
        self._recognizer = None if on_demand else Recognizer(catalog)
        self.rules = DurableRules(catalog)
        self.firings = Firings(catalog, self.rules)  # the rules' answers, checked and remembered per fact
        self._joined_rules = [r for r in catalog.rules if len(r.when.deficiencies) > 1]  # what check_joined counts
        self.planner = Planner(catalog)
        self.scorer = Scorer(catalog)  # indicator scores and the deficiencies they show, remembered per marks
        self.names = Names(catalog.kinds, catalog.forms)  # built once: a batch asks per institution
        self._roles = frozenset(r.id for r in catalog.roles)
        self._deficiency_ids = frozenset(d.id for d in catalog.deficiencies)

    @classmethod
    def load(cls, root: str | os.PathLike[str] | None = None, *, on_demand: bool = False) -> Engine:
        """Load the catalog under `root` (default: the one shipped with nokrules); `on_demand`: see `__init__`."""
        return cls(load_catalog(root), on_demand=on_demand)

    @property
    def recognizer(self) -> Recognizer:
        if self._recognizer is None:
            self._recognizer = Recognizer(self.catalog)
        return self._recognizer

    def resolve_kind(self, name: str) -> str:
        """A kind id from its id, title or alias (case-insensitive); UsageError naming the known ones."""
        found = self.names.kind(name)
        if found is not None:
            return found
        known = ", ".join(f"{k.id} ({k.title})" for k in self.catalog.kinds)
        raise UsageError(f"неизвестный вид организации «{name}». Известны: {known}")

    def institution(
        self, name: str = "", kind: str | None = None, forms: list[str] | None = None, people: dict[str, str] | None = None
    ) -> Institution:
        """An Institution with its kind resolved and its forms defaulting to the kind's forms."""
        kind_id = self.resolve_kind(kind) if kind else None
        if forms:
            found = [(f, self.names.form(f)) for f in forms]
            bad = [f for f, form_id in found if form_id is None]
            if bad:
                raise UsageError(
                    f"неизвестная форма обслуживания «{bad[0]}». Известны: " + ", ".join(f.title for f in self.catalog.forms)
                )
            resolved = sorted({form_id for _, form_id in found if form_id is not None})
        elif kind_id:
            resolved = sorted(next(k for k in self.catalog.kinds if k.id == kind_id).forms)
        else:
            resolved = []
        unknown = sorted(set(people or {}) - self._roles)
        if unknown:
            raise UsageError(f"в профиле неизвестная роль «{unknown[0]}». Известны: " + ", ".join(sorted(self._roles)))
        return Institution(name=name, kind=kind_id, forms=resolved, people=dict(people or {}))

    def findings(self, text: str) -> list[Finding]:
        return split_findings(text)

    def recognize(self, findings: list[Finding]) -> list[Recognition]:
        return self.recognizer.recognize(findings)

    def trace(
        self,
        text: str,
        institution: Institution,
        date: date | None = None,
        choices: Sequence[Choice] = (),
        assessment: Assessment | None = None,
        year: int | None = None,
        report_date: str | None = None,
        packed: str | None = None,
    ) -> Trace:
        """Every stage of one plan: findings, recognitions, fired rules and the plan (for explain and tests).
        `choices` assign unrecognised findings to deficiencies by hand (see `Choice`); `assessment` adds the
        deficiencies a checklist and survey show, merged with the same ones found in the text; `packed` is an
        assessment as a batch holds it (`scores.pack`, made by the reader from validated cells), scored from
        the memo of its parts."""
        when = date or _today()
        problem = plan_date_problem(when)
        if problem:
            raise UsageError(problem)
        if report_date is not None:
            try:
                parse_report_day(report_date)
            except ValueError as e:
                raise UsageError(str(e)) from None
        check_lines(text)
        findings = split_findings(text)
        recognitions = self.recognizer.recognize(findings) if findings else []
        if choices:
            recognitions = self._with_choices(findings, recognitions, choices)
        block = None
        if assessment is not None or packed is not None:
            if assessment is not None and packed is not None:
                raise UsageError("баллы переданы дважды: и проверенными, и упакованными")
            block, scored = self.scorer.score(assessment) if assessment is not None else self.scorer.score_packed(packed or "")
            findings, recognitions = merge_scored(findings, recognitions, scored)
        check_joined(self._joined_rules, recognitions)
        firings = self.firings.run(institution, recognitions)
        plan = self.planner.build(
            institution,
            findings,
            recognitions,
            firings,
            when,
            lambda text: self.recognizer.suggest(text),  # asked only of a line left unrecognised
            lambda text: self.recognizer.says_nothing_wrong(text),
            block,
            year=year,
            report_date=report_date,
            left_out=lambda f: self.recognizer.left_out(f),  # likewise
        )
        return Trace(findings, recognitions, firings, plan, block)

    def _with_choices(
        self, findings: list[Finding], recognitions: list[Recognition], choices: Sequence[Choice]
    ) -> list[Recognition]:
        """Add a recognition for each picked finding; a choice that does not fit the text is a UsageError
        saying which and why (see `_choice_targets`)."""
        recognised = {r.finding for r in recognitions}
        added: dict[tuple[int, str], Recognition] = {}  # a finding may be given several deficiencies, each once
        for n, c in enumerate(choices, start=1):
            try:
                targets = self._choice_targets(findings, recognised, c)
            except UsageError as e:
                raise UsageError(f"выбор {n}: {e}") from None
            for i in targets:
                if (i, c.deficiency) not in added:
                    added[(i, c.deficiency)] = self.recognizer.picked(i, findings[i].text, c.deficiency)
        return sorted([*recognitions, *added.values()], key=lambda r: r.finding)  # stable: per-finding order kept

    def _choice_targets(self, findings: list[Finding], recognised: set[int], c: Choice) -> list[int]:
        """The unrecognised findings a choice applies to; UsageError when it names an unknown deficiency or
        no unrecognised finding of the text (the text may have been edited since the choice was made)."""
        if c.deficiency not in self._deficiency_ids:
            raise UsageError(f"в каталоге нет недостатка «{c.deficiency}»")
        targets = [i for i, f in enumerate(findings) if f.line == c.line and (c.text is None or f.text == c.text)]
        if not targets:
            raise UsageError(f"в тексте нет такой находки на строке {c.line}")
        unrecognised = [i for i in targets if i not in recognised]
        if not unrecognised:
            raise UsageError(f"находка на строке {c.line} уже распознана")
        return unrecognised

    def place_choices(self, text: str, choices: Sequence[Choice]) -> tuple[list[Choice], list[tuple[Choice, str]]]:
        """The choices that still fit `text`, and the others with why (Russian). A choice that names its
        finding's text follows that text: when lines moved (a blank line added or lost, the text edited
        above it) it is tied to the unrecognised finding with the same text nearest its old line."""
        findings = split_findings(text)
        recognised = {r.finding for r in self.recognizer.recognize(findings)}
        kept: list[Choice] = []
        dropped: list[tuple[Choice, str]] = []
        for c in choices:
            try:
                self._choice_targets(findings, recognised, c)
            except UsageError:
                moved = self._moved(findings, recognised, c)
                if moved is None:
                    dropped.append((c, self._why_dropped(findings, c)))
                    continue
                c = moved
            if c not in kept:
                kept.append(c)
        return kept, dropped

    def _moved(self, findings: list[Finding], recognised: set[int], c: Choice) -> Choice | None:
        if c.text is None or c.deficiency not in self._deficiency_ids:
            return None
        lines = [f.line for i, f in enumerate(findings) if f.text == c.text and i not in recognised]
        if not lines:
            return None
        return c.model_copy(update={"line": min(lines, key=lambda n: (abs(n - c.line), n))})

    def _why_dropped(self, findings: list[Finding], c: Choice) -> str:
        if c.deficiency not in self._deficiency_ids:
            return "такого недостатка нет в каталоге"
        if any(f.text == c.text if c.text is not None else f.line == c.line for f in findings):
            return "находка теперь распознана сама"  # its text is there, and no unrecognised finding has it
        return "такой находки больше нет в тексте"

    def applicable_choices(self, text: str, choices: Sequence[Choice]) -> list[Choice]:
        """The choices that still fit `text` (see `place_choices`)."""
        return self.place_choices(text, choices)[0]

    def draft_plan(
        self,
        text: str,
        institution: Institution | str | None = None,
        *,
        kind: str | None = None,
        date: date | None = None,
        choices: Sequence[Choice] = (),
        assessment: Assessment | None = None,
        year: int | None = None,
        report_date: str | None = None,
        packed: str | None = None,
    ) -> Plan:
        """Pasted findings (and/or a checklist and survey) → the draft plan for one institution. `year`: the
        plan year when not the default (see dates.plan_year); `report_date`: the region's yearly reporting day
        «ДД.ММ» the dues precede; `packed`: the checklist and survey as a batch holds them (see `trace`)."""
        if not isinstance(institution, Institution):
            institution = self.institution(institution or "", kind)
        elif kind:
            institution = self.institution(institution.name, kind, institution.forms or None, institution.people)
        return self.trace(text, institution, date, choices, assessment, year, report_date, packed).plan


def merge_scored(
    findings: list[Finding], recognitions: list[Recognition], scored: list[ScoredDeficiency]
) -> tuple[list[Finding], list[Recognition]]:
    """Text recognitions and the deficiencies the scores show, each deficiency once: a scored one the text
    already found (same deficiency, its places among the text's) joins that recognition as a second source,
    with the lower of the two values; the others become findings of their own (line 0: no line of the text)."""
    recs = list(recognitions)
    found = list(findings)
    text = len(recs)  # a scored deficiency joins a recognition of the text, never another scored one
    for sd in scored:
        k = next(
            (k for k in range(text) if recs[k].deficiency == sd.deficiency and recs[k].source != "scores" and set(sd.places) <= set(recs[k].places)),
            None,
        ) if text else None
        if k is not None:
            r = recs[k]
            values = dict(r.values)
            for name, v in sd.values:
                values[name] = min(v, values.get(name, v))
            recs[k] = r.model_copy(update={"scores": [*r.scores, sd.source], "values": values})
            continue
        found.append(sd.finding)
        recs.append(sd.recognition(len(found) - 1))
    return found, recs


def _today() -> date:
    return date.today()
