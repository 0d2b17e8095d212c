"""The second stage of recognition: a finding no pattern and no concept recognised is compared with labelled
findings (catalog/similarity.yaml names the folders) and with the deficiencies' examples; a deficiency's
counterexamples vote against it, so a line the curator has said is not a deficiency is not taken for it.

Nearest neighbours over weighted words rather than a trained model: each decision is explained by the
phrasings it was close to, a curator changes it by adding a labelled line (no retraining, no model file to
ship), and a line whose neighbours disagree is left unrecognised instead of forced. A word weighs by how
rare it is among the phrasings (idf), so «сайт» or «нет» count less than «поручень» or «сурдопереводчик».
Measured on corpus/dev, leaving each line out, this beat a single closest phrasing at every threshold.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from nokrules.core.model import Catalog, Close

NONE = ""  # the label of a phrasing that names no deficiency: its vote is for leaving the finding alone
NOT = "-"  # before an id, the label of a counterexample: its vote is against that deficiency
CLOSE_SHOWN = 3  # phrasings shown as the reason of a decision


@dataclass(frozen=True)
class Verdict:
    """What similarity decided for a finding: the deficiencies, each with the phrasings that voted for it."""

    deficiencies: tuple[tuple[str, tuple[Close, ...]], ...]


class Similarity:
    """An index of labelled phrasings by their words. Built from one catalog; pure: same text → same verdict."""

    def __init__(self, catalog: Catalog, features: Callable[[str], frozenset[str]]):
        spec = catalog.similarity
        assert spec is not None, "the similarity stage needs catalog/similarity.yaml"
        self.neighbours, self.min_similarity, self.min_share = spec.neighbours, spec.min_similarity, spec.min_share
        self.features = features
        labelled: list[tuple[str, tuple[str, ...]]] = [(e, (d.id,)) for d in catalog.deficiencies for e in d.examples]
        labelled += [(e, (NOT + d.id,)) for d in catalog.deficiencies for e in d.counterexamples]
        labelled += [(p.text, tuple(p.expect) or (NONE,)) for p in catalog.phrasings]
        # one entry per wording: the same line labelled twice votes once, with every label it was given
        merged: dict[str, dict[str, None]] = {}
        for text, labels in labelled:
            merged.setdefault(text, {}).update(dict.fromkeys(labels))
        self.texts = list(merged)
        self.labels = [tuple(v) for v in merged.values()]
        feats = [features(t) for t in self.texts]
        df: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                df[f] = df.get(f, 0) + 1
        n = len(self.texts)
        self.idf = {f: math.log((n + 1) / (k + 0.5)) for f, k in df.items()}
        self.unseen_idf = math.log((n + 1) / 0.5)  # a word no phrasing has: it only lengthens the finding
        self.postings: dict[str, list[int]] = {}
        self.norms: list[float] = []
        for k, fs in enumerate(feats):
            self.norms.append(math.sqrt(sum(self.idf[f] ** 2 for f in fs)) or 1.0)
            for f in sorted(fs):
                self.postings.setdefault(f, []).append(k)

    def nearest(self, text: str) -> list[tuple[float, int]]:
        """The closest phrasings (cosine similarity, index), best first; ties in phrasing order."""
        weights = {f: self.idf.get(f, self.unseen_idf) for f in self.features(text)}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if not norm:
            return []
        dots: dict[int, float] = {}
        for f, w in weights.items():
            idf = self.idf.get(f)
            if idf is None:
                continue
            for k in self.postings[f]:
                dots[k] = dots.get(k, 0.0) + w * idf
        ranked = sorted(((-(d / (norm * self.norms[k])), k) for k, d in dots.items()))
        return [(-s, k) for s, k in ranked[: self.neighbours]]

    def decide(self, text: str) -> Verdict | None:
        """The deficiencies the closest phrasings agree on, or None when they are not close enough or disagree."""
        near = self.nearest(text)
        if not near or near[0][0] < self.min_similarity:
            return None
        total = sum(s for s, _ in near)
        votes: dict[str, float] = {}
        for s, k in near:
            for label in self.labels[k]:
                votes[label] = votes.get(label, 0.0) + s
        # a counterexample's vote is taken from the deficiency it is a counterexample of
        chosen = [
            label
            for label, v in votes.items()
            if label != NONE and not label.startswith(NOT) and (v - votes.get(NOT + label, 0.0)) / total >= self.min_share
        ]
        if not chosen or votes.get(NONE, 0.0) / total >= self.min_share:
            return None
        return Verdict(tuple((label, self._close(near, label)) for label in sorted(chosen, key=lambda lb: -votes[lb])))

    def _close(self, near: Iterable[tuple[float, int]], label: str) -> tuple[Close, ...]:
        voters = [(s, k) for s, k in near if label in self.labels[k]]
        return tuple(Close(text=self.texts[k], similarity=round(s, 2)) for s, k in voters[:CLOSE_SHOWN])
