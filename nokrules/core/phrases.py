"""Phrases in dictionary forms matched against a finding's lemmas: the one matching machinery that curator
patterns, concepts and problem signals share. A phrase is words in order with at most PHRASE_GAP other words
between neighbours; «a|b» gives alternatives; a word ending in «*» matches by prefix."""

from __future__ import annotations

from dataclasses import dataclass

from nokrules.core.lemmas import fold, normal_form

PHRASE_GAP = 2  # other words allowed between neighbouring words of a phrase


@dataclass(frozen=True)
class WordSpec:
    forms: frozenset[str]  # the word and its normal form
    prefix: str | None = None

    def hits(self, token: frozenset[str]) -> bool:
        if self.prefix is not None:
            return any(t.startswith(self.prefix) for t in token)
        return not self.forms.isdisjoint(token)


@dataclass(frozen=True)
class Element:
    source: str
    alternatives: tuple[tuple[WordSpec, ...], ...]


def compile_element(source: str) -> Element:
    alts = []
    for alt in source.split("|"):
        specs = []
        for w in fold(alt).split():
            if w.endswith("*") and len(w) > 1:
                specs.append(WordSpec(frozenset(), w[:-1]))
            else:
                specs.append(WordSpec(frozenset({w, normal_form(w)})))
        alts.append(tuple(specs))
    return Element(source, tuple(alts))


def find_element(el: Element, tokens: list[frozenset[str]]) -> list[int] | None:
    """Token positions where the element matches first, or None."""
    for phrase in el.alternatives:
        for i, tok in enumerate(tokens):
            if not phrase[0].hits(tok):
                continue
            pos = [i]
            for spec in phrase[1:]:
                nxt = next(
                    (j for j in range(pos[-1] + 1, min(pos[-1] + 2 + PHRASE_GAP, len(tokens))) if spec.hits(tokens[j])), None
                )
                if nxt is None:
                    break
                pos.append(nxt)
            else:
                return pos
    return None


def first_forms(el: Element) -> frozenset[str] | None:
    """The word forms one of which must occur for the element to match (None: it starts with a prefix word)."""
    forms: set[str] = set()
    for phrase in el.alternatives:
        if phrase[0].prefix is not None:
            return None
        forms |= phrase[0].forms
    return frozenset(forms)
