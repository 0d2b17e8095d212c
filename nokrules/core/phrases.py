"""Phrases in dictionary forms matched against a finding's lemmas: the one matching machinery that curator
patterns, concepts and problem signals share. A phrase is words in order with at most PHRASE_GAP other words
between neighbours and no break (Lemmas.breaks: a comma or «;») among them; «a|b» gives alternatives; a word ending
in «*» matches by prefix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nokrules.core.lemmas import fold, normal_form

PHRASE_GAP = 2  # other words allowed between neighbouring words of a phrase
# a negation reaches the word after it, or one more («не был груб»): «не вежливый, разговаривал грубо» holds no «не
# грубо» (the problem signals are as tight: concepts.Concepts.tight)
NEGATION_GAP = 1
NEGATIONS = frozenset({"не", "ни"})
SHORT_INDEX = 4  # an index of this many elements or fewer is walked whole rather than asked
HEAD, HEAD_LEN = "*", 3  # a prefix word is indexed by its first letters, marked so no word form is taken for it


@dataclass(frozen=True)
class WordSpec:
    forms: frozenset[str]  # the word and its normal form
    prefix: str | None = None
    number: bool = False  # a number: numbers in a row («показатель 4 3») stand side by side, no word between

    def hits(self, token: frozenset[str]) -> bool:
        if self.prefix is not None:
            return any(t.startswith(self.prefix) for t in token)
        return not self.forms.isdisjoint(token)


@dataclass(frozen=True, eq=False)  # compiled once per source (`compile_element`): identity is equality
class Element:
    """Alternatives of words in order. Each alternative has an anchor, its longest whole word (the rarest, as a
    rule): an element whose anchors are all absent from a text is out at one set test, as most are."""

    source: str
    alternatives: tuple[tuple[WordSpec, ...], ...]
    # per alternative, the forms of each other whole word: one of each must occur for the phrase to stand
    needs: tuple[tuple[frozenset[str], ...], ...] = ()
    anchors: frozenset[str] | None = None  # every anchor's forms (None: an alternative has only prefix words)
    by_anchor: Mapping[str, tuple[int, ...]] | None = None  # the alternatives (by number) each anchor form is in
    # one whole word and nothing else (most elements): its forms, so it is looked up without the phrase machinery
    word: tuple[str, ...] | None = None
    # per alternative of one whole word, its forms (None for a longer phrase or a prefix word)
    words: tuple[tuple[str, ...] | None, ...] = ()


@lru_cache(maxsize=50_000)  # a pure function of the words: the same phrase recurs across patterns and concepts
def compile_element(source: str) -> Element:
    alts = []
    for alt in source.split("|"):
        specs = []
        for w in fold(alt).split():
            if w.endswith("*") and len(w) > 1:
                specs.append(WordSpec(frozenset(), w[:-1]))
            else:
                specs.append(WordSpec(frozenset({w, normal_form(w)}), number=w.isdigit()))
        alts.append(tuple(specs))
    whole = [[spec for spec in alt if spec.prefix is None] for alt in alts]
    if not all(whole):
        return Element(source, tuple(alts), tuple(tuple(s.forms for s in w) for w in whole))
    anchors = [max(w, key=lambda spec: min(map(len, spec.forms))) for w in whole]
    needs = tuple(tuple(s.forms for s in w if s is not anchor) for w, anchor in zip(whole, anchors, strict=True))
    by_anchor: dict[str, list[int]] = {}
    for k, anchor in enumerate(anchors):
        for f in anchor.forms:
            by_anchor.setdefault(f, []).append(k)
    words = tuple(tuple(sorted(alt[0].forms)) if len(alt) == 1 else None for alt in alts)
    word = words[0] if len(alts) == 1 else None
    by_alt = {f: tuple(ks) for f, ks in by_anchor.items()}
    return Element(source, tuple(alts), needs, frozenset(by_anchor), by_alt, word, words)


class Lemmas:
    """A finding's (or a part's) lemma sets with an index from word form to positions, so a phrase is looked up
    where its first word stands instead of scanning every token."""

    __slots__ = ("sets", "at", "forms", "_heads", "breaks")

    def __init__(self, sets: Sequence[frozenset[str]], breaks: frozenset[int] = frozenset()):
        self.sets = sets
        self.breaks = breaks  # positions of the words a comma or «;» stands before: no phrase spans them
        at: dict[str, list[int]] = {}
        for i, forms in enumerate(sets):
            for f in forms:
                if f in at:
                    at[f].append(i)
                else:
                    at[f] = [i]
        self.at = at
        self.forms = frozenset(at)
        self._heads: frozenset[str] | None = None

    @property
    def heads(self) -> frozenset[str]:
        """What a prefix word («поручн*») could start with: worked out when an index first asks."""
        if self._heads is None:
            self._heads = frozenset(HEAD + f[:HEAD_LEN] for f in self.at)
        return self._heads

    def of_word(self, forms: tuple[str, ...]) -> list[int]:
        """Where a word given by its forms stands, in order (the list may be the index's own: not to be changed)."""
        at = self.at
        if len(forms) == 1:
            return at.get(forms[0], [])
        hits = [at[f] for f in forms if f in at]
        if len(hits) <= 1:
            return hits[0] if hits else []
        return sorted(set().union(*hits))

    def starts(self, spec: WordSpec) -> list[int]:
        if spec.prefix is not None:
            prefix = spec.prefix
            if len(prefix) >= HEAD_LEN and HEAD + prefix[:HEAD_LEN] not in self.heads:
                return []  # no word starts with its first letters: the words need not be walked
            return sorted({i for f, at in self.at.items() if f.startswith(prefix) for i in at})
        if len(spec.forms) == 1:
            return self.at.get(next(iter(spec.forms)), [])
        found: set[int] = set()
        for f in spec.forms:
            found.update(self.at.get(f, ()))
        return sorted(found)


def _phrase_at(
    phrase: tuple[WordSpec, ...], i: int, tokens: Sequence[frozenset[str]], breaks: frozenset[int] = frozenset()
) -> list[int] | None:
    pos = [i]
    last = len(tokens)
    prev = phrase[0]
    for n in range(1, len(phrase)):
        spec = phrase[n]
        # «4.3» is «4 3»; «п. 4 показателя 3.2» is no indicator 4.3
        start = i + 1
        gap = 0 if prev.number and spec.number else NEGATION_GAP if prev.prefix is None and prev.forms <= NEGATIONS else PHRASE_GAP
        stop = min(start + 1 + gap, last)
        forms, prefix = spec.forms, spec.prefix
        for j in range(start, stop):
            if j in breaks:  # «нет навигации, сайт не работает» holds no «навигация сайт»
                return None
            if prefix is None:
                if not forms.isdisjoint(tokens[j]):
                    break
            elif any(t.startswith(prefix) for t in tokens[j]):
                break
        else:
            return None
        pos.append(j)
        i, prev = j, spec
    return pos


def _scan(el: Element, lem: Lemmas, first: bool) -> list[list[int]]:
    """Where the element stands (only the first place if `first`). Only the alternatives whose anchor is in
    the text are tried, in their order; an element with no anchor in the text is out at one set test."""
    word = el.word
    if word is not None:  # one whole word: it stands wherever it occurs
        starts = lem.of_word(word)
        if not starts:
            return []
        return [[starts[0]]] if first else [[i] for i in starts]
    forms = lem.forms
    anchors = el.anchors
    alternatives: Iterable[int]
    if anchors is None:
        alternatives = range(len(el.alternatives))
    elif anchors.isdisjoint(forms):
        return []
    elif len(el.alternatives) == 1:
        alternatives = (0,)
    else:
        by_anchor = el.by_anchor or {}
        present = anchors.intersection(forms)
        if len(present) == 1:  # the alternatives of one anchor form are in order already
            alternatives = by_anchor[next(iter(present))]
        else:
            alternatives = sorted({k for f in present for k in by_anchor[f]})
    out = []
    words = el.words
    needs = el.needs
    for k in alternatives:
        # a word of the phrase that occurs nowhere in the text: no need to look for the phrase
        missing = False
        for n in needs[k]:
            if n.isdisjoint(forms):
                missing = True
                break
        if missing:
            continue
        phrase = el.alternatives[k]
        if len(phrase) == 1:  # one word (most elements): it stands wherever it occurs
            whole = words[k] if words else None
            starts = lem.of_word(whole) if whole is not None else lem.starts(phrase[0])
            if starts:
                if first:
                    return [[starts[0]]]
                out += [[i] for i in starts]
            continue
        for i in lem.starts(phrase[0]):
            pos = _phrase_at(phrase, i, lem.sets, lem.breaks)
            if pos is not None:
                if first:
                    return [pos]
                out.append(pos)
    return out


def may_occur(el: Element, forms: frozenset[str]) -> bool:
    """Could the element stand in a text of these word forms? Every whole word of one alternative is there (a set
    test, no positions: a quick no for the many texts that hold only some of a phrase's words)."""
    if el.anchors is None:
        alternatives: Iterable[int] = range(len(el.alternatives))
    else:
        by_anchor = el.by_anchor or {}
        alternatives = {k for f in el.anchors.intersection(forms) for k in by_anchor[f]}
    return any(all(not n.isdisjoint(forms) for n in el.needs[k]) for k in alternatives)


def find_element(el: Element, lem: Lemmas) -> list[int] | None:
    """Token positions where the element matches first, or None."""
    found = _scan(el, lem, True)
    return found[0] if found else None


def find_all(el: Element, lem: Lemmas) -> list[list[int]]:
    """Every place the element matches (token positions of each)."""
    return _scan(el, lem, False)


class KeyIndex:
    """Things (by number) filed under the index keys of the text they need (`index_keys`): `candidates` gives,
    in order, those a text could match, so a long list is not walked for every finding."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[int]] = {}
        self.always: list[int] = []
        self._keys: frozenset[str] | None = None  # the keys, as a set to intersect with a text's forms
        self._has_heads = False  # whether a key is a prefix word's first letters

    def add(self, k: int, keys: set[str] | frozenset[str] | None) -> None:
        self._keys = None
        if keys is None:
            self.always.append(k)
        else:
            for f in keys:
                self.by_key.setdefault(f, []).append(k)

    def candidates(self, lem: Lemmas) -> list[int]:
        if self._keys is None:
            self._keys = frozenset(self.by_key)
            self._has_heads = any(k.startswith(HEAD) for k in self._keys)
        hit = self._keys.intersection(lem.forms)
        heads = self._keys.intersection(lem.heads) if self._has_heads else ()
        if not hit and not heads:
            return self.always
        by_key = self.by_key
        if len(hit) == 1 and not heads and not self.always:  # one key: its list is in order already
            return by_key[next(iter(hit))]
        ks = set(self.always)
        for f in hit:
            ks.update(by_key[f])
        for h in heads:
            ks.update(by_key[h])
        return sorted(ks)


class ElementIndex(KeyIndex):
    """Elements (signals, clear phrases, objects, a pattern's `none`, a concept's `with`) indexed by their
    anchors, so a text is tested only against the elements whose rarest words it holds."""

    def __init__(self, elements: Sequence[Element], common: Mapping[str, int] | None = None):
        super().__init__()
        self.elements = tuple(elements)
        for k, el in enumerate(self.elements):
            self.add(k, index_keys(el, common))

    def __bool__(self) -> bool:
        return bool(self.elements)

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements)

    def first(self, lem: Lemmas) -> tuple[Element, list[int]] | None:
        """The first element (in order) that matches, with its positions, or None. A short list is walked
        whole: each element is out at its own anchor test, cheaper than asking the index."""
        for k in range(len(self.elements)) if len(self.elements) <= SHORT_INDEX else self.candidates(lem):
            pos = find_element(self.elements[k], lem)
            if pos is not None:
                return self.elements[k], pos
        return None

    def found(self, lem: Lemmas) -> bool:
        return self.first(lem) is not None

    def positions(self, lem: Lemmas) -> set[int]:
        """The positions of every word any element matches, at every place it matches."""
        return {i for k in self.candidates(lem) for pos in find_all(self.elements[k], lem) for i in pos}


def index_keys(el: Element, common: Mapping[str, int] | None = None) -> frozenset[str] | set[str] | None:
    """The index keys of an element: its anchors' forms, else its first words' forms, and for a prefix word its
    first letters (None: a prefix too short to index, the element is always a candidate). With `common` (how
    many phrases use each word form), each alternative is filed under its least common word instead of its
    longest: «место для инвалид» under «место», not under «инвалид», which a hundred phrases share and most
    findings about access hold. Any word of an alternative will do, since all of them must occur."""
    if el.anchors is not None and common is not None:
        keys: set[str] = set()
        for phrase in el.alternatives:
            whole = [spec for spec in phrase if spec.prefix is None]
            rarest = min(whole, key=lambda spec: (sum(common.get(f, 0) for f in spec.forms), -min(map(len, spec.forms))))
            keys |= rarest.forms
        return keys
    if el.anchors is not None:
        return el.anchors
    keys = set()
    for phrase in el.alternatives:
        first = phrase[0]
        if first.prefix is None:
            keys |= first.forms
        elif len(first.prefix) >= HEAD_LEN:
            keys.add(HEAD + first.prefix[:HEAD_LEN])
        else:
            return None
    return keys


def first_forms(el: Element) -> frozenset[str] | None:
    """The word forms one of which must occur for the element to match (None: it starts with a prefix word)."""
    forms: set[str] = set()
    for phrase in el.alternatives:
        if phrase[0].prefix is not None:
            return None
        forms |= phrase[0].forms
    return frozenset(forms)
