"""The third stage of recognition: a linear model trained on the same labelled phrasings as the similarity stage,
for a finding that patterns, concepts and its closest phrasings all left alone.

Nearest neighbours abstain when the few closest phrasings disagree or are far, which is most of what is left of
wording nobody has seen («ждать у кабинета приходится стоя, одна лавочка на двоих»): no phrasing is close, yet
each word leans towards one deficiency across all of them. A logistic model (scikit-learn's LogisticRegression,
one against the rest) weighs every word by what it says over the whole pool, and gives a probability: a deficiency is
taken only when it reaches `min_probability`, and the class of lines that name nothing (the corpus' negatives)
competes like any other, so «замечаний нет» stays unrecognised. The same probabilities are a second opinion on
what a pattern or a concept found, and on each clause of a finding read on its own (Recognizer._doubted,
_clause_hits). Measured on corpus/dev, each batch left out of the pool (catalog/similarity.yaml says the figures).

Training takes seconds (about twenty on the shipped pool, a third of it reading the phrasings), so a trained
model is kept for the life of the process and in the user's cache folder (cachedir.py), under a hash of all it depends on (see
`train`): it can never be stale. scikit-learn is imported only to train; answering is a few numpy sums over the
finding's words.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

import numpy as np

from nokrules.core import cachedir, lemmas
from nokrules.core.model import ModelSpec

NONE = ""  # the label of a phrasing that names no deficiency: a class like any other, whose answer is no answer
KEPT = 2  # trained models kept per process: the catalog's own and one an evaluation set apart


@dataclass(frozen=True)
class Guess:
    """The deficiency the model gives a finding, with its probability (0–1)."""

    deficiency: str
    probability: float


class Classifier:
    """A trained model over the phrasings' words; pure: same words → same guess."""

    def __init__(
        self, classes: list[str], vocabulary: dict[str, int], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray, seen: np.ndarray
    ):
        self.classes = classes
        self.vocabulary = vocabulary
        self.idf = idf
        self.seen = seen  # in how many phrasings each word is: a word of one or two carries those lines' labels
        self.coef = coef  # one row per class (a single row for two classes: the second's score)
        self._by_word = np.ascontiguousarray(coef.T, dtype=np.float64)  # a word's weights side by side: read by row
        self.intercept = intercept

    def guess(self, features: frozenset[str], min_probability: float) -> Guess | None:
        """The most likely deficiency of a text with these words, if it is likely enough and is a deficiency."""
        p = self._probabilities(features)
        if p is None:
            return None
        k = int(np.argmax(p))
        if self.classes[k] == NONE or p[k] < min_probability:
            return None
        return Guess(self.classes[k], float(p[k]))

    def knows(self, features: frozenset[str], at_least: int = 1) -> bool:
        """Has the model weighed this word (its features: its lemmas, or nothing for a number), one of its lemmas seen in
        at least `at_least` phrasings?"""
        return not features or any(f in self.vocabulary and self.seen[self.vocabulary[f]] >= at_least for f in features)

    def probability(self, features: frozenset[str], label: str) -> float | None:
        """How likely a text with these words is of `label` (None when the model knows none of its words or not
        the label)."""
        p = self._probabilities(features)
        if p is None or label not in self.classes:
            return None
        return float(p[self.classes.index(label)])

    def _probabilities(self, features: frozenset[str]) -> np.ndarray | None:
        at = sorted(self.vocabulary[f] for f in features if f in self.vocabulary)
        if not at:
            return None
        x = self.idf[at]
        x = x / math.sqrt(float(x @ x))
        z = x @ self._by_word[at] + self.intercept
        if len(self.classes) == 2:
            p1 = 1.0 / (1.0 + math.exp(-float(z[0])))
            return np.array([1.0 - p1, p1])
        p: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        p /= p.sum()
        return p


def train(
    texts: Sequence[str], labels: Sequence[tuple[str, ...]], features: Callable[[str], frozenset[str]], spec: ModelSpec, catalog: str
) -> Classifier | None:
    """A model of the phrasings over `features` of each (a phrasing with several labels is a row of each); None
    when they know fewer than two classes. Kept for the process and in the cache folder under a hash of what decides the model without working out a word of it: the phrasings,
    their labels, the settings, `catalog` (the rest of the catalog, whose words and signals `features` reads), the
    code of nokrules.core and the versions of scikit-learn and of the dictionary."""
    from importlib.metadata import version

    rows = [(k, label) for k, ls in enumerate(labels) for label in ls]
    digest = hashlib.sha256(repr((version("scikit-learn"), lemmas.DICTIONARY, spec.model_dump(), catalog)).encode())
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    for k, label in rows:
        digest.update(f"\0{texts[k]}\0{label}".encode())
    key = digest.hexdigest()
    with _lock:
        if key in _trained:
            return _trained[key]
    path = cachedir.folder() / f"model-{key[:32]}.npz"
    model = _read(path) if len({label for _, label in rows}) >= 2 else None
    if model is None:
        by_text = [features(t) for t in texts]
        model = _train(rows, by_text, spec)
        if model is not None:
            _write(path, model)
    with _lock:
        _trained[key] = model
        while len(_trained) > KEPT:
            del _trained[next(iter(_trained))]
    return model


_trained: dict[str, Classifier | None] = {}
_lock = Lock()


def _read(path: Path) -> Classifier | None:
    try:
        with np.load(path, allow_pickle=False) as z:
            classes, words = [str(c) for c in z["classes"]], [str(w) for w in z["words"]]
            if len(z["seen"]) != len(words):
                return None
            return Classifier(classes, {w: i for i, w in enumerate(words)}, z["idf"], z["coef"], z["intercept"], z["seen"])
    except (OSError, ValueError, KeyError):
        return None


def _write(path: Path, model: Classifier) -> None:
    words = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, classes=np.array(model.classes), words=np.array(words), idf=model.idf, coef=model.coef, intercept=model.intercept, seen=model.seen)
        tmp.replace(path)
    except OSError:
        pass


def _train(rows: list[tuple[int, str]], features: Sequence[frozenset[str]], spec: ModelSpec) -> Classifier | None:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    classes = sorted({label for _, label in rows})
    if len(classes) < 2:
        return None
    used = sorted({k for k, _ in rows})  # each phrasing counts once in a word's document frequency
    vocabulary = {f: i for i, f in enumerate(sorted({f for k in used for f in features[k]}))}
    df = np.zeros(len(vocabulary))
    for k in used:
        for f in features[k]:
            df[vocabulary[f]] += 1
    idf = np.log((1 + len(used)) / (1 + df)) + 1.0  # scikit-learn's smoothed idf
    indptr, indices, data = [0], [], []
    for k, _ in rows:
        at = sorted(vocabulary[f] for f in features[k])
        w = idf[at]
        w = w / (math.sqrt(float(w @ w)) or 1.0)
        indices.extend(at)
        data.extend(w.tolist())
        indptr.append(len(indices))
    x = csr_matrix((np.array(data), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)), shape=(len(rows), len(vocabulary)))
    # trained to convergence, not for a few passes of stochastic descent: one phrasing more or less then moves the
    # weights a little, where it used to reshuffle every pass and flip a dozen answers in a thousand lines
    model = OneVsRestClassifier(LogisticRegression(C=spec.c, solver="liblinear", max_iter=1000)).fit(x, [label for _, label in rows])
    coef = np.vstack([e.coef_ for e in model.estimators_])
    intercept = np.concatenate([e.intercept_ for e in model.estimators_])
    return Classifier([str(c) for c in model.classes_], vocabulary, idf, np.asarray(coef, dtype=np.float32), np.asarray(intercept, dtype=np.float64), df.astype(np.int32))
