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

import itertools
import math
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from nokrules.core import classifier
from nokrules.core.model import Catalog, Close

NONE = classifier.NONE  # the label of a phrasing that names no deficiency: its vote is for leaving the finding alone
NOT = "-"  # before an id, the label of a counterexample: its vote is against that deficiency
CLOSE_SHOWN = 3  # phrasings shown as the reason of a decision
FLOOR = 0.1  # a similarity most phrasings are below: the closest are looked for among those above it first
ROUNDING = 1e-6  # a cosine is at most 1 and a figure summed in another order differs, both far less than this share


@dataclass(frozen=True)
class Verdict:
    """What similarity decided for a finding: the deficiencies, each with the phrasings that voted for it."""

    deficiencies: tuple[tuple[str, tuple[Close, ...]], ...]


class Query(NamedTuple):  # (made for every line the veto judges: a frozen dataclass takes longer to make)
    """A text's words as the index sees them, worked out once for every score of the text, and the length of its
    vector (0 when it has no word)."""

    features: frozenset[str]
    norm: float


@dataclass(frozen=True)
class Reading:
    """A text as the phrasings see it: the closest (similarity, index), each label's share of their vote, and every
    phrasing's similarity to it (empty when it has no word they know)."""

    near: list[tuple[float, int]]
    votes: dict[str, float]
    cosine: np.ndarray


class Similarity:
    """An index of labelled phrasings by their words. Built from one catalog; pure: same text → same verdict."""

    def __init__(self, catalog: Catalog, features: Callable[[str], frozenset[str]]):
        spec = catalog.similarity
        assert spec is not None, "the similarity stage needs catalog/similarity.yaml"
        self.spec = spec
        self._catalog = catalog  # what, beside the phrasings, shapes the model's features
        self.neighbours, self.min_similarity, self.min_share = spec.neighbours, spec.min_similarity, spec.min_share
        self.contest, self.veto = spec.contest, spec.veto
        self.features = features
        self._model: list[classifier.Classifier | None] = []  # trained when first asked (see `model`)
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
        # a word weighs its idf in the text and in the phrasing alike: its square is what it adds to both
        self._square = {f: w * w for f, w in self.idf.items()}
        self._unseen_square = self.unseen_idf * self.unseen_idf
        by_feature: dict[str, list[int]] = {}
        for k, fs in enumerate(feats):
            for f in sorted(fs):
                by_feature.setdefault(f, []).append(k)
        # numpy sums a finding's words over every phrasing at once: a plain loop over the postings of «не» or
        # «сайт» (a thousand phrasings each) took over a millisecond a line
        self.postings = {f: np.array(ks, dtype=np.int32) for f, ks in by_feature.items()}
        # fsum: exact whatever order a set walks its words in (that order changes from run to run), so two phrasings
        # with the same words tie exactly and a counterexample is as close as the phrasing it was written against
        self.norms = np.array([math.sqrt(math.fsum(self._square[f] for f in fs)) or 1.0 for fs in feats])
        by_label: dict[str, list[int]] = {}
        for k, labels in enumerate(self.labels):
            for label in labels:
                by_label.setdefault(label, []).append(k)
        self.by_label = {label: np.array(ks, dtype=np.int32) for label, ks in by_label.items()}
        # each label's phrasings by word (numbered among the label's), with what the word adds to each one's cosine
        # bar the text's length: the veto asks whether one deficiency's phrasings are close far more often than
        # it needs the whole reading. Two flat arrays per word, not a pair per phrasing: every worker of a batch
        # holds them (tuples of pairs took 26 MiB a process with 21 000 phrasings, these take half of it)
        self._label_postings: dict[str, dict[str, tuple[array[int], array[float]]]] = {}
        for label, ks in by_label.items():
            local: dict[str, list[int]] = {}
            for j, k in enumerate(ks):
                for f in feats[k]:
                    local.setdefault(f, []).append(j)
            self._label_postings[label] = {
                f: (array("i", js), array("d", [self._square[f] / float(self.norms[ks[j]]) for j in js])) for f, js in local.items()
            }

    def model(self, features: Callable[[str], frozenset[str]]) -> classifier.Classifier | None:
        """The third stage's model of these phrasings over `features` of each (None when similarity.yaml asks for
        none), trained when first needed: a run that recognises nothing never asks for it."""
        spec = self.spec.model
        if spec is None:
            return None
        if not self._model:
            rest = self._catalog.model_dump_json(exclude={"phrasings"})
            # a counterexample is a line that names nothing, as the curator wrote it to say: «кабинеты оснащены
            # табличками со шрифтом Брайля» must teach the model the words of a thing that is there
            labels = [tuple(NONE if label.startswith(NOT) else label for label in ls) for ls in self.labels]
            self._model.append(classifier.train(self.texts, labels, features, spec, rest))
        return self._model[0]

    def close_to(self, reading: Reading, label: str) -> tuple[Close, ...]:
        """The phrasings labelled `label` closest to the text read, best first: what the model's answer is shown with."""
        mine = self.by_label.get(label)
        cosine = reading.cosine
        if mine is None or not len(cosine):
            return ()
        ranked = sorted((-float(cosine[k]), int(k)) for k in mine if cosine[k] > 0)[:CLOSE_SHOWN]
        return tuple(Close(text=self.texts[k], similarity=round(-c, 2)) for c, k in ranked)

    def query(self, text: str) -> Query:
        """The text's words and the length of its vector, to score it against every phrasing or against a few."""
        return self.weigh(self.features(text))

    def weigh(self, features: frozenset[str]) -> Query:
        """`query` of a text whose words are already known."""
        return Query(features, math.sqrt(math.fsum(map(self._square.get, features, itertools.repeat(self._unseen_square)))))

    def _cosines(self, query: Query) -> np.ndarray:
        """Every phrasing's cosine similarity to the text (0 for one that shares no word with it; an empty array when
        the text has no word the phrasings know)."""
        known = sorted(f for f in query.features if f in self.postings)
        if not query.norm or not known:
            return np.zeros(0)
        postings = [self.postings[f] for f in known]
        at = np.concatenate(postings)
        add = np.repeat([self._square[f] for f in known], [len(p) for p in postings])
        # over every phrasing at once: picking out the few hundred that share a word costs more than dividing all
        return np.bincount(at, weights=add, minlength=len(self.texts)) / (query.norm * self.norms)

    def known(self, label: str) -> int:
        """How many phrasings carry the label."""
        mine = self.by_label.get(label)
        return 0 if mine is None else len(mine)

    def read(self, text: str) -> Reading:
        """The closest phrasings of a text and their vote, kept with every phrasing's similarity to it."""
        return self.read_query(self.query(text))

    def read_query(self, query: Query) -> Reading:
        """`read` of a text whose words are already known."""
        cosine = self._cosines(query)
        near = self._top(cosine)
        total = sum(s for s, _ in near)
        votes: dict[str, float] = {}
        for s, k in near:
            for label in self.labels[k]:
                votes[label] = votes.get(label, 0.0) + s / total
        return Reading(near, votes, cosine)

    def closest(self, reading: Reading, label: str) -> float:
        """How close the closest phrasing labelled `label` is to the text read (0 when none shares a word with it)."""
        mine = self.by_label.get(label)
        return float(reading.cosine[mine].max()) if mine is not None and len(reading.cosine) else 0.0

    def surely_closer(self, query: Query, label: str, similarity: float) -> bool:
        """Is a phrasing labelled `label` surely closer than `similarity` to the text (by more than ROUNDING)? Only the
        label's own phrasings are scored, a few dozen instead of thousands, so the veto reads the whole index only
        for a hit none of its own phrasings keeps. False when unsure: `closest` of the full reading decides then."""
        postings = self._label_postings.get(label)
        if postings is None or not query.norm:
            return False
        bar = similarity * (1 + ROUNDING) * query.norm
        # each word adds to a phrasing's score, so a part of the sum past the bar is enough: the words of the fewest
        # phrasings first, they weigh most (a dict over a few dozen phrasings beats numpy's set-up here)
        so_far: dict[int, float] = {}
        for ks, adds in sorted([postings[f] for f in query.features if f in postings], key=lambda p: len(p[0])):
            for k, add in zip(ks, adds, strict=True):
                got = so_far[k] = so_far.get(k, 0.0) + add
                if got > bar:
                    return True
        return False

    def nearest(self, text: str) -> list[tuple[float, int]]:
        """The closest phrasings (cosine similarity, index), best first; ties in phrasing order."""
        return self._top(self._cosines(self.query(text)))

    def _top(self, cosine: np.ndarray) -> list[tuple[float, int]]:
        if not len(cosine):
            return []
        k = min(self.neighbours, len(cosine))
        # every phrasing as close as the k-th: ties too (fewer than k above 0: all of them); the k-th is looked for
        # among the few phrasings at least FLOOR close when there are k of them, not among thousands
        ids = np.flatnonzero(cosine >= FLOOR)
        if len(ids) < k:
            ids = np.flatnonzero(cosine)
        near = cosine[ids]
        kth = np.partition(near, len(near) - k)[len(near) - k] if len(near) >= k else 0.0
        ranked = sorted((-float(near[j]), int(ids[j])) for j in np.flatnonzero(near >= max(kth, 1e-12)))
        return [(-c, i) for c, i in ranked[:k]]

    def votes(self, text: str) -> tuple[list[tuple[float, int]], dict[str, float]]:
        """The closest phrasings and each label's share of their vote (each votes with its similarity, 0–1)."""
        r = self.read(text)
        return r.near, r.votes

    def decide(self, text: str) -> Verdict | None:
        """The deficiencies the closest phrasings agree on, or None when they are not close enough or disagree."""
        near, votes = self.votes(text)
        if not near or near[0][0] < self.min_similarity:
            return None
        # a counterexample's vote is taken from the deficiency it is a counterexample of
        chosen = [
            label
            for label, v in votes.items()
            if label != NONE and not label.startswith(NOT) and v - votes.get(NOT + label, 0.0) >= self.min_share
        ]
        if not chosen or votes.get(NONE, 0.0) >= self.min_share:
            return None
        return Verdict(tuple((label, self.close(near, label)) for label in sorted(chosen, key=lambda lb: -votes[lb])))

    def close(self, near: Iterable[tuple[float, int]], label: str) -> tuple[Close, ...]:
        voters = [(s, k) for s, k in near if label in self.labels[k]]
        return tuple(Close(text=self.texts[k], similarity=round(s, 2)) for s, k in voters[:CLOSE_SHOWN])
