"""Concepts: a deficiency recognised from what a finding is about and a word saying that it is wrong.

Curator patterns list the phrasings of a deficiency; they are precise, but every new way of writing needs a new
pattern, and a single keyword can decide alone. A concept instead names the deficiency's objects («пандус»,
«подъёмная платформа») and relies on one catalog-wide list of problem signals, each with the state it describes
(«не работает» — broken, «только с одной стороны» — partial, «узкий» — not to the norm). The deficiency is
recognised where an object and a signal stand in the same part of the finding; parts are cut at sentence ends, at
«;» and at contrast words, so «пандус есть, но без поручней» names the handrails, not the ramp. The state found
in the object's part goes into the rule facts, so rules can repair what is broken and complete what is partial.
Objects are indexed by the word forms they start with, so a finding is tested only against the concepts it
could contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nokrules.core.lemmas import fold
from nokrules.core.model import Catalog, Concept, FindingState, Match, Signals
from nokrules.core.phrases import Element, compile_element, find_element, first_forms

STATE_ORDER: tuple[FindingState, ...] = ("broken", "noncompliant", "worn", "partial", "absent")
# a share as surveys report it: «64 %», «64 процента», «0,64», «7 из 10», «каждый пятый»
SHARE_RE = re.compile(r"\d\s*(?:%|процент|проц\b)|(?<![\d.,])0[.,]\d+|\b\d{1,4}\s+из\s+\d{1,4}\b|\bкажд\w*\s+(?:втор|трет|четв|пят|шест|десят)")
SENTENCE_RE = re.compile(r"[;!?\n]+|\.(?=\s+[А-ЯЁA-Z«\"(])")


@dataclass(frozen=True)
class CompiledConcept:
    deficiency: str
    signal: str
    objects: tuple[Element, ...]
    with_: tuple[Element, ...]
    without: tuple[Element, ...]


@dataclass(frozen=True)
class PartSignal:
    """What one part of a finding says is wrong: whether anything is, the state, the words, a survey result."""

    problem: bool
    state: FindingState | None
    words: tuple[Match, ...]
    survey: bool


@dataclass(frozen=True)
class ConceptHit:
    deficiency: str
    matches: tuple[Match, ...]
    state: FindingState | None
    part: int  # index of the part of the finding it stands in


class Concepts:
    """The concepts and signals of one catalog, compiled."""

    def __init__(self, catalog: Catalog):
        signals = catalog.settings.signals or Signals(absent=[])
        self.states: list[tuple[FindingState | None, Element]] = [
            (state, compile_element(w)) for state in STATE_ORDER for w in getattr(signals, state)
        ]
        self.states += [(None, compile_element(w)) for w in signals.low]
        self.survey = [compile_element(w) for w in signals.survey]
        alts = "|".join(re.escape(fold(w)) for w in signals.contrast)
        self.contrast_re = re.compile(rf"(?:,\s*|\s+|\s*[—–-]\s*)(?=(?:{alts})\s)") if alts else None
        self.compiled: list[CompiledConcept] = []
        self.index: dict[str, list[int]] = {}
        self.always: list[int] = []  # concepts with an object starting with a prefix word: no index entry
        for d in catalog.deficiencies:
            if d.concept is not None:
                self._add(d.id, d.concept)

    def _add(self, deficiency: str, c: Concept) -> None:
        k = len(self.compiled)
        objects = tuple(compile_element(o) for o in c.objects)
        self.compiled.append(
            CompiledConcept(
                deficiency,
                c.signal,
                objects,
                tuple(compile_element(w) for w in c.with_),
                tuple(compile_element(w) for w in c.without),
            )
        )
        forms: set[str] = set()
        for o in objects:
            first = first_forms(o)
            if first is None:
                self.always.append(k)
                return
            forms |= first
        for f in forms:
            self.index.setdefault(f, []).append(k)

    def words(self) -> set[str]:
        """Every word form of the concepts' objects and context (the vocabulary typos are matched against)."""
        out: set[str] = set()
        for c in self.compiled:
            for el in c.objects + c.with_:
                for phrase in el.alternatives:
                    for spec in phrase:
                        out |= spec.forms
        return out

    def parts(self, text: str) -> list[str]:
        """A finding cut at sentence ends, «;» and contrast words («но», «однако», «а» after a comma)."""
        out: list[str] = []
        for piece in SENTENCE_RE.split(text):
            subs = self.contrast_re.split(piece) if self.contrast_re else [piece]
            out.extend(s for s in subs if s.strip())
        return out or [text]

    def signal(self, ls: list[frozenset[str]], surface: tuple[str, ...], text: str) -> PartSignal:
        state: FindingState | None = None
        words: list[Match] = []
        for st, el in self.states:
            pos = find_element(el, ls)
            if pos is not None:
                words.append(Match(element=el.source, words=[surface[i] for i in pos]))
                if state is None:
                    state = st
        survey = bool(SHARE_RE.search(fold(text))) or any(find_element(el, ls) is not None for el in self.survey)
        return PartSignal(bool(words), state, tuple(words), survey)

    def match(self, ls: list[frozenset[str]], surface: tuple[str, ...], sig: PartSignal, part: int) -> list[ConceptHit]:
        """The concepts recognised in one part of a finding, given its lemma sets and signal."""
        present = frozenset().union(*ls) if ls else frozenset()
        ks = set(self.always)
        for f in present:
            ks.update(self.index.get(f, ()))
        hits = []
        for k in sorted(ks):
            c = self.compiled[k]
            if c.signal == "problem" and not (sig.problem or sig.survey):
                continue
            if c.signal == "survey" and not sig.survey:
                continue
            pos = next((p for p in (find_element(o, ls) for o in c.objects) if p is not None), None)
            if pos is None:
                continue
            if c.with_ and all(find_element(w, ls) is None for w in c.with_):
                continue
            if any(find_element(w, ls) is not None for w in c.without):
                continue
            obj = next(o for o in c.objects if find_element(o, ls) == pos)
            matches = (Match(element=obj.source, words=[surface[i] for i in pos]), *sig.words[:1])
            hits.append(ConceptHit(c.deficiency, matches, sig.state if c.signal != "survey" else None, part))
        return hits
