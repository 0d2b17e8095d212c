"""Findings → recognised deficiencies (several per finding), places, values, and suggestions for the rest.

Patterns are curator words in dictionary form; a finding's words are lemmatised (lemmas.py) so any
inflection matches. Words the dictionary does not know are typo candidates and are matched to the
closest pattern word (rapidfuzz) when they are close enough. Matching runs over the whole finding, so a
line naming three defects yields three recognitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from nokrules.core.lemmas import fold, is_known, lemmas, normal_form, words
from nokrules.core.model import Catalog, Deficiency, Finding, Match, Pattern, Place, Recognition, Suggestion

PHRASE_GAP = 2  # other words allowed between neighbouring words of a phrase
TYPO_CUTOFF = 80.0  # rapidfuzz ratio for an unknown word to count as a misspelt pattern word
TYPO_MIN_LEN = 5
PERCENT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|процент)")


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


@dataclass(frozen=True)
class CompiledPattern:
    all: tuple[Element, ...]
    any: tuple[Element, ...]
    none: tuple[Element, ...]
    # per element, the word forms one of which must occur for it to match (None: has a prefix word, no filter)
    need_all: tuple[frozenset[str] | None, ...] = ()
    need_any: tuple[frozenset[str] | None, ...] = ()

    def may_match(self, present: frozenset[str]) -> bool:
        """A cheap set test before the positional scan: most patterns fail here."""
        if any(n is not None and n.isdisjoint(present) for n in self.need_all):
            return False
        return not self.need_any or any(n is None or not n.isdisjoint(present) for n in self.need_any)


def _need(el: Element) -> frozenset[str] | None:
    forms: set[str] = set()
    for phrase in el.alternatives:
        if phrase[0].prefix is not None:
            return None
        forms |= phrase[0].forms
    return frozenset(forms)


def _compile_pattern(p: Pattern) -> CompiledPattern:
    all_ = tuple(compile_element(e) for e in p.all)
    any_ = tuple(compile_element(e) for e in p.any)
    return CompiledPattern(
        all_, any_, tuple(compile_element(e) for e in p.none), tuple(_need(e) for e in all_), tuple(_need(e) for e in any_)
    )


@dataclass(frozen=True)
class Tokens:
    surface: tuple[str, ...]
    lemma_sets: tuple[frozenset[str], ...]


class Recognizer:
    """Compiled patterns of one catalog. Pure: same finding text → same recognitions."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.patterns = {d.id: [_compile_pattern(p) for p in d.patterns] for d in catalog.deficiencies}
        self.cues = [compile_element(c) for c in catalog.settings.cues]
        pl = catalog.settings.places
        self.place_elements: dict[Place, list[Element]] = {
            "site": [compile_element(w) for w in pl.site.words],
            "stand": [compile_element(w) for w in pl.stand.words],
        }
        vocab: set[str] = set()
        for pats in self.patterns.values():
            for cp in pats:
                for el in cp.all + cp.any:
                    for phrase in el.alternatives:
                        for spec in phrase:
                            vocab.update(f for f in spec.forms if len(f) >= TYPO_MIN_LEN and "-" not in f)
        self.vocabulary = sorted(vocab)
        self._suggestions_ready = False  # built on the first unrecognised line: most plans never need them
        self._analyse = lru_cache(maxsize=100_000)(self._analyse_uncached)

    # -- tokens

    def _token(self, word: str) -> frozenset[str]:
        forms = set(lemmas(word))
        if "-" in word:
            for part in word.split("-"):
                if part:
                    forms |= lemmas(part)
        if len(word) >= TYPO_MIN_LEN and not is_known(word) and self.vocabulary:
            for probe in sorted(forms):
                hit = process.extractOne(probe, self.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
                if hit:
                    forms.add(hit[0])
        return frozenset(forms)

    def tokens(self, text: str) -> Tokens:
        ws = words(text)
        return Tokens(tuple(ws), tuple(self._token(w) for w in ws))

    def cues_in(self, toks: Tokens) -> list[str]:
        """The cue words (catalog.yaml) present in the tokens."""
        ls = list(toks.lemma_sets)
        return [c.source for c in self.cues if find_element(c, ls) is not None]

    # -- recognition

    def _match_pattern(self, cp: CompiledPattern, toks: Tokens) -> list[Match] | None:
        ls = list(toks.lemma_sets)
        matches = []
        for el in cp.all:
            pos = find_element(el, ls)
            if pos is None:
                return None
            matches.append(Match(element=el.source, words=[toks.surface[i] for i in pos]))
        if cp.any:
            found = [(el, find_element(el, ls)) for el in cp.any]
            hit = [(el, p) for el, p in found if p is not None]
            if not hit:
                return None
            matches.extend(Match(element=el.source, words=[toks.surface[i] for i in p]) for el, p in hit)
        for el in cp.none:
            if find_element(el, ls) is not None:
                return None
        return matches

    def _analyse_uncached(
        self, text: str
    ) -> tuple[tuple[str, int, tuple[Match, ...], tuple[Place, ...], tuple[tuple[str, float], ...]], ...]:
        toks = self.tokens(text)
        ls = list(toks.lemma_sets)
        has_cue = any(find_element(c, ls) is not None for c in self.cues)
        found_places, percent = self._context(text, ls)
        hits: dict[str, tuple[int, list[Match]]] = {}
        present = frozenset().union(*ls) if ls else frozenset()
        for d in self.catalog.deficiencies:
            if d.cue and not has_cue:
                continue
            for k, cp in enumerate(self.patterns[d.id]):
                if not cp.may_match(present):
                    continue
                m = self._match_pattern(cp, toks)
                if m is not None:
                    hits[d.id] = (k, m)
                    break
        out = []
        for d in self.catalog.deficiencies:
            if d.id not in hits or any(u in hits for u in d.unless):
                continue
            k, m = hits[d.id]
            places = _places_for(d, found_places)
            values = ((d.value, percent),) if d.value and percent is not None else ()
            out.append((d.id, k, tuple(m), places, values))
        return tuple(out)

    def _context(self, text: str, ls: list[frozenset[str]]) -> tuple[tuple[Place, ...], float | None]:
        """The places a finding names and its percentage: several («на сайте 80 %, на стендах 60 %») → the
        lowest, the weakest result, counts."""
        found_places = tuple(p for p, els in self.place_elements.items() if any(find_element(e, ls) is not None for e in els))
        found = [float(m.group(1).replace(",", ".")) for m in PERCENT_RE.finditer(fold(text))]
        return found_places, min((p for p in found if 0 <= p <= 100), default=None)

    def picked(self, i: int, text: str, deficiency: str) -> Recognition:
        """A finding the user assigned to a deficiency by hand (a picked suggestion): no pattern matched
        (`pattern` is -1), but places and the percentage are read from the text as for any finding."""
        d = self.catalog.deficiency(deficiency)
        found_places, percent = self._context(text, list(self.tokens(text).lemma_sets))
        values = {d.value: percent} if d.value and percent is not None else {}
        return Recognition(
            finding=i, deficiency=d.id, pattern=-1, matches=[], places=list(_places_for(d, found_places)), values=values
        )

    def recognize(self, findings: list[Finding]) -> list[Recognition]:
        return [r for i, f in enumerate(findings) for r in self._recognitions(i, f.text)]

    @lru_cache(maxsize=100_000)  # noqa: B019 - one Recognizer per loaded catalog, kept for the process
    def _recognitions(self, i: int, text: str) -> tuple[Recognition, ...]:
        """Recognitions are immutable: the same text at the same position gives the same objects."""
        return tuple(
            Recognition(finding=i, deficiency=did, pattern=k, matches=list(m), places=list(places), values=dict(values))
            for did, k, m, places, values in self._analyse(text)
        )

    def mentions(self, text: str) -> list[str]:
        """Deficiency ids (catalog order) whose patterns match the text, cue word or not, `unless` not applied:
        which deficiencies a measure such as «разместить порядок подачи жалоб на сайте» addresses."""
        toks = self.tokens(text)
        return [
            d.id
            for d in self.catalog.deficiencies
            if any(self._match_pattern(cp, toks) is not None for cp in self.patterns[d.id])
        ]

    # -- suggestions for what was not recognised

    def _lemmas_of(self, text: str) -> set[str]:
        return {normal_form(w) for w in words(text) if len(w) > 2}

    def _suggestion_choices(self) -> None:
        """Per deficiency: the lemmas of its title and examples, less the words shared by many deficiencies
        and the cue words, since «в учреждении отсутствует …» says nothing about which deficiency is meant."""
        per_def = {d.id: set().union(*(self._lemmas_of(p) for p in [d.title, *d.examples])) for d in self.catalog.deficiencies}
        df: dict[str, int] = {}
        for lemmas_ in per_def.values():
            for lemma in lemmas_:
                df[lemma] = df.get(lemma, 0) + 1
        limit = max(3, len(per_def) // 8)
        cues = {normal_form(w) for c in self.catalog.settings.cues for w in words(c)}
        self._stop = frozenset({lemma for lemma, n in df.items() if n > limit} | cues)
        self._def_lemmas = {did: sorted(lemmas_ - self._stop) for did, lemmas_ in per_def.items()}
        self._titles = {d.id: " ".join(sorted(self._lemmas_of(d.title) - self._stop)) for d in self.catalog.deficiencies}

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """The closest deficiencies: the share of the text's content words found among a deficiency's words
        (a misspelt word counts by its similarity), with the similarity to its title to break ties."""
        if not self._suggestions_ready:
            self._suggestion_choices()
            self._suggestions_ready = True
        content = self._lemmas_of(text)
        query = sorted(content - self._stop) or sorted(content)
        if not query:
            return []
        qline = " ".join(query)
        scored = []
        for did, vocab in self._def_lemmas.items():
            vset = set(vocab)
            cover = 0.0
            for q in query:
                if q in vset:
                    cover += 1.0
                elif vocab:
                    hit = process.extractOne(q, vocab, scorer=fuzz.ratio, score_cutoff=75)
                    same_root = any(_common_prefix(q, v) >= max(4, 0.6 * min(len(q), len(v))) for v in vocab)
                    cover += max(hit[1] / 100 if hit else 0.0, 0.8 if same_root else 0.0)
            score = 70 * cover / len(query) + 0.3 * fuzz.token_set_ratio(qline, self._titles[did])
            scored.append((-round(score, 1), did))
        scored.sort()
        return [Suggestion(id=did, title=self.catalog.deficiency(did).title, score=-neg) for neg, did in scored[:limit]]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _places_for(d: Deficiency, found: tuple[Place, ...]) -> tuple[Place, ...]:
    if not d.places:
        return ()
    named = tuple(p for p in found if p in d.places)
    return named or tuple(d.places)
